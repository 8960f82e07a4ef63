"""The bound a question sets on an amount: "more than $150k", "at least 5 years of experience",
"under 30 hours a week", "25 or more days of vacation". Pure functions over the question's text;
the answerer holds each posting's stated amount against the bound."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .question import CURRENCIES, CURRENCY_NAME, PAY_PERIOD_NAME

_ABOVE = r"more than|over|above|greater than|higher than|exceeding|in excess of|north of"
_AT_LEAST = r"at least|no less than|no fewer than|upwards of|(?:a )?minimum of"
_BELOW = r"less than|fewer than|under|below|lower than|beneath"
_AT_MOST = r"at most|no more than|not more than|up to|(?:a )?maximum of"
_CODE = r"(?:USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|SGD|NZD|SEK|NOK|DKK|PLN)"
_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR", "¥": "JPY"}
_AMOUNT = rf"(?P<pre>{_CODE}\s?|C\$|A\$|[$£€₹¥]\s?)?(?P<num>\d{{1,3}}(?:[,.\u202f ]\d{{3}})+|\d+(?:\.\d+)?)(?P<k>\s?[kKmM]\b)?(?:\s?(?P<post>{_CODE})\b)?"
_BOUND_FIRST = re.compile(
    rf"\b(?:(?P<gt>{_ABOVE})|(?P<ge>{_AT_LEAST})|(?P<lt>{_BELOW})|(?P<le>{_AT_MOST}))\s+{_AMOUNT}", re.IGNORECASE)
# "5+ years", "150k or more", "20 days or fewer"
_BOUND_AFTER = re.compile(
    rf"(?<![\w.,]){_AMOUNT}(?:\s*(?P<plus>\+)|\s+or\s+(?:(?P<ormore>more|above|higher|over|greater)|(?P<orless>less|fewer|under|below|lower)))",
    re.IGNORECASE)
# what the amount counts, read from the words after it: "days of vacation", "years of experience"
_LEAVE_UNIT = re.compile(r"^\s*(?:\+|or (?:more|fewer|less)\s*)?\s*(?:working\s+|paid\s+|business\s+)?(days?|weeks?)\b", re.IGNORECASE)
_TIME_OFF = re.compile(r"\b(?:vacation|pto|paid time off|time off|holidays?|annual leave|days off|leave)\b", re.IGNORECASE)
_OTHER_LEAVE = re.compile(r"\b(?:parental|maternity|paternity|sick|family|bereavement|medical|unpaid)\b", re.IGNORECASE)
_YEARS_UNIT = re.compile(r"^\s*(?:\+|or (?:more|fewer|less)\s*)?\s*(?:years?|yrs)\b", re.IGNORECASE)
_EXPERIENCE = re.compile(r"\bexperience\b", re.IGNORECASE)
_HOURS_UNIT = re.compile(r"^\s*(?:\+|or (?:more|fewer|less)\s*)?\s*(?:hours?|hrs?)\b(?:\s+(?:a|per|each)\s+week|\s*/\s*(?:week|wk)|\s+weekly)", re.IGNORECASE)
_PAY = re.compile(r"\b(?:pay\w*|paid|salar\w*|earn\w*|make|compensation|wages?|rate|base|income|stipend)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Bound:
    """What a question bounds (``kind``: pay, leave, experience or hours per week), how and by
    what amount. ``unit`` is the currency for pay (None: not said) or "days"/"weeks" for leave;
    ``period`` the pay period (year, hour, ...)."""

    kind: str
    op: str  # ">", ">=", "<" or "<="
    amount: float
    unit: str | None
    period: str | None
    written: str  # as the question says it: "more than $150k", "at least 5 years"
    span: tuple[int, int]  # where: its words ask, they do not name a role
    amount_span: tuple[int, int]  # where its bound and amount are, without the unit ("at least 5")

    @property
    def lower(self) -> bool:
        """A lower bound ("more than", "at least"): a range meets it by its top."""
        return self.op in (">", ">=")

    def admits(self, low: float | None, high: float | None) -> bool:
        """Whether a stated amount or range meets the bound: a lower bound by its top, an upper
        bound by its bottom (a range any part of which meets it)."""
        value = (high if high is not None else low) if self.lower else (low if low is not None else high)
        if value is None:
            return False
        return {">": value > self.amount, ">=": value >= self.amount,
                "<": value < self.amount, "<=": value <= self.amount}[self.op]


def asked_bound(question: str) -> Bound | None:
    """The bound the question sets, if it sets one on pay, time off, years of experience or
    hours per week; None for any other number ("the 2 roles", "a 401(k)")."""
    for m in [*_BOUND_FIRST.finditer(question), *_BOUND_AFTER.finditer(question)]:
        op = (">" if m.groupdict().get("gt") else ">=" if m.groupdict().get("ge") or m.groupdict().get("plus")
              or m.groupdict().get("ormore") else "<" if m.groupdict().get("lt") else "<=")
        amount = _number(m.group("num"), m.group("k"))
        if amount is None:
            continue
        at = m.end("num") + len(m.group("k") or "")
        after = question[at:]

        def said(unit: re.Match[str] | None = None) -> tuple[str, tuple[int, int], tuple[int, int]]:
            end = at + unit.end() if unit else m.end()
            return question[m.start() : end].strip(), (m.start(), end), (m.start(), at)

        if (unit := _LEAVE_UNIT.match(after)) and _TIME_OFF.search(question) and not _OTHER_LEAVE.search(question):
            return Bound("leave", op, amount, "weeks" if unit.group(1).lower().startswith("week") else "days", None, *said(unit))
        if (unit := _YEARS_UNIT.match(after)) and _EXPERIENCE.search(question):
            return Bound("experience", op, amount, None, None, *said(unit))
        if unit := _HOURS_UNIT.match(after):
            return Bound("hours", op, amount, None, None, *said(unit))
        currency = _currency(m.group("pre") or m.group("post") or "", question)
        if currency or m.group("k") or _PAY.search(question):
            if re.match(r"^\s*(?:\+|or \w+\s*)?\s*(?:days?|weeks?|years?|yrs|hours?|hrs|months?|people|employees|%|percent)\b", after, re.IGNORECASE):
                continue  # a count of something else
            period = PAY_PERIOD_NAME.search(after)
            if period:
                named = "year" if period.group("annual") else (period.group("p1") or period.group("p2")).lower().replace("dai", "day")
            else:  # as a posting's bare amount is read: a year's pay, or else an hour's
                named = "year" if amount >= 1_000 else "hour"
            return Bound("pay", op, amount, currency, named, *said())
    return None


def _number(digits: str, suffix: str | None) -> float | None:
    raw = digits.replace("\u202f", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", raw):
        raw = re.sub(r"[,.]", "", raw)  # thousands separators, English or European
    try:
        value = float(raw)
    except ValueError:
        return None
    if suffix:
        value *= 1_000 if suffix.strip().lower() == "k" else 1_000_000
    return value


def _currency(written: str, question: str) -> str | None:
    """The ISO code of the bound's currency: written beside the amount, or named in the question
    ("in euros"); None when the question says none. A bare ``$`` is read as US dollars."""
    written = written.strip()
    if written.upper() in ("C$", "A$"):
        return "CAD" if written.upper() == "C$" else "AUD"
    if written[:3].upper().isalpha() and len(written) >= 3:
        return written[:3].upper()
    if written in _SYMBOLS:
        return _SYMBOLS[written]
    named = CURRENCY_NAME.search(question)
    if named:
        codes = CURRENCIES[named.lastgroup]
        return "USD" if "USD" in codes else next(iter(codes))
    return None
