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
# "between CAD 100,000 and 150,000", "between 3 and 4 years"
_BETWEEN = re.compile(rf"\b(?:between|from)\s+{_AMOUNT}\s*(?:and|to|[–—-])\s*{_AMOUNT.replace('?P<', '?P<b_')}", re.IGNORECASE)
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
# money that is not the pay: "a learning budget of $1,500 or more", "tuition reimbursement of up to
# $5,250", "a home-office stipend of at least $1,000" (an intern's stipend is pay)
# what a stipend, allowance or budget is for when it is a perk ("home-office stipend")
PERK_QUALIFIERS = (r"home[- ]office|office|learning|wellness|wellbeing|commuter|commuting|phone|mobile|internet|equipment"
                   r"|remote[- ]work|gym|fitness|meal|lunch|food|travel|education|training|conference|relocation|childcare|book")
_PERK = re.compile(
    r"\b(?:budgets?|allowances?|reimburse\w*|bonus(?:es)?|tuition|relocation|sign[- ]?on|signing"
    rf"|(?:{PERK_QUALIFIERS})\s+stipends?)\b", re.IGNORECASE)
_PERK_TAIL = re.compile(r"(?:\s+(?:reimburse\w*|budgets?|allowances?|stipends?|bonus(?:es)?|support|assistance))*", re.IGNORECASE)
# the words before a perk's noun that say which perk: "a learning or training budget"
_NOUN_PHRASE = re.compile(
    r"\b(?:(?!(?:a|an|the|any|with|of|offer|offers|give|gives|have|has|provide|provides|include|includes|come|comes|roles?|jobs?|postings?)\b)"
    r"[\w-]+\s+(?:(?:or|and)\s+)?){0,3}\S+$", re.IGNORECASE)
# a stipend, budget or allowance is one kind of money, whichever word a posting uses
_FAMILY = {"stipe": "stipe budge allow", "budge": "stipe budge allow", "allow": "stipe budge allow"}
_PAY = re.compile(r"\b(?:pay\w*|paid|salar\w*|earn\w*|make|compensation|wages?|rate|base|income|stipend)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Bound:
    """What a question bounds (``kind``: pay, leave, experience or hours per week), how and by
    what amount. ``unit`` is the currency for pay (None: not said) or "days"/"weeks" for leave;
    ``period`` the pay period (year, hour, ...)."""

    kind: str
    op: str  # ">", ">=", "<", "<=" or "between"
    amount: float
    unit: str | None
    period: str | None
    written: str  # as the question says it: "more than $150k", "at least 5 years"
    span: tuple[int, int]  # where: its words ask, they do not name a role
    amount_span: tuple[int, int]  # where its bound and amount are, without the unit ("at least 5")
    upper: float | None = None  # of "between"
    topic: str | None = None  # of money that is not pay: the word stems, one of which a posting must say ("budge")
    qualifiers: tuple[str, ...] = ()  # and one of these, if any ("learn", "train")
    phrase: str = ""  # the question's words for that money: "learning or training budget"

    @property
    def lower(self) -> bool:
        """A lower bound ("more than", "at least"): a range meets it by its top."""
        return self.op in (">", ">=")

    def admits(self, low: float | None, high: float | None) -> bool:
        """Whether a stated amount or range meets the bound: a lower bound by its top, an upper
        bound by its bottom (a range any part of which meets it)."""
        if self.op == "between":
            low, high = (low if low is not None else high), (high if high is not None else low)
            return low is not None and high >= self.amount and low <= (self.upper or self.amount)
        value = (high if high is not None else low) if self.lower else (low if low is not None else high)
        if value is None:
            return False
        return {">": value > self.amount, ">=": value >= self.amount,
                "<": value < self.amount, "<=": value <= self.amount}[self.op]


def asked_bound(question: str) -> Bound | None:
    """The bound the question sets, if it sets one on pay, time off, years of experience or
    hours per week; None for any other number ("the 2 roles", "a 401(k)")."""
    for m in [*_BETWEEN.finditer(question), *_BOUND_FIRST.finditer(question), *_BOUND_AFTER.finditer(question)]:
        found = m.groupdict()
        upper = None
        if "b_num" in found:
            op, upper = "between", _number(m.group("b_num"), m.group("b_k"))
            # "between 100,000 and CAD 150,000": the currency may be written on either amount
            found = {**found, "pre": found["pre"] or found["b_pre"], "post": found["post"] or found["b_post"],
                     "k": found["k"] or found["b_k"]}
        else:
            op = (">" if found.get("gt") else ">=" if found.get("ge") or found.get("plus")
                  or found.get("ormore") else "<" if found.get("lt") else "<=")
        amount = _number(m.group("num"), found["k"])  # "between 100 and 150k": thousands, both
        if amount is None or (op == "between" and (upper is None or upper < amount)):
            continue
        at = m.end("b_num") + len(m.group("b_k") or "") if upper is not None else m.end("num") + len(m.group("k") or "")
        after = question[at:]

        def said(unit: re.Match[str] | None = None) -> tuple[str, tuple[int, int], tuple[int, int], float | None]:
            end = at + unit.end() if unit else m.end()
            return question[m.start() : end].strip(), (m.start(), end), (m.start(), at), upper

        if (unit := _LEAVE_UNIT.match(after)) and _TIME_OFF.search(question) and not _OTHER_LEAVE.search(question):
            return Bound("leave", op, amount, "weeks" if unit.group(1).lower().startswith("week") else "days", None, *said(unit))
        if (unit := _YEARS_UNIT.match(after)) and _EXPERIENCE.search(question):
            return Bound("experience", op, amount, None, None, *said(unit))
        if unit := _HOURS_UNIT.match(after):
            return Bound("hours", op, amount, None, None, *said(unit))
        currency = _currency(found["pre"] or found["post"] or "", question)
        if (perk := _PERK.search(question)) and (currency or found["k"]):
            word = perk.group(0).split()[-1].lower()[:5]
            text, span, amount_span, upper = said()
            # "a learning or training budget of $1,500 or more": the words naming the money ask too,
            # they name no "Machine Learning" role
            phrase = _NOUN_PHRASE.search(question[: perk.end()])
            start = phrase.start() if phrase else perk.start()
            if abs(start - span[1]) < 120 and abs(span[0] - perk.end()) < 120:
                span = (min(span[0], start), max(span[1], perk.end()))
            # "learning or training": a posting's line must say one of them ("home-office budget" is not one)
            which = [w.lower()[:5] for w in re.findall(r"\w+", question[start : perk.end()])[:-1] if w.lower() not in ("or", "and")]
            # "tuition reimbursement": the phrase runs on over the perk's own nouns
            end = perk.end() + len(_PERK_TAIL.match(question, perk.end()).group(0))
            return Bound("money", op, amount, currency, None, text, span, amount_span, upper, _FAMILY.get(word, word), tuple(which),
                         question[start:end].lower())
        if currency or found["k"] or _PAY.search(question):
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
    ("in euros"); ``"$"`` for a bare dollar sign or "dollars", which US, Canadian and other
    dollars are all written with; None when the question says none."""
    written = written.strip()
    if written.upper() in ("C$", "A$"):
        return "CAD" if written.upper() == "C$" else "AUD"
    if written[:3].upper().isalpha() and len(written) >= 3:
        return written[:3].upper()
    if written == "$":
        return "$"
    if written in _SYMBOLS:
        return _SYMBOLS[written]
    named = CURRENCY_NAME.search(question)
    if named:
        codes = CURRENCIES[named.lastgroup]
        return "$" if len(codes) > 1 else next(iter(codes))
    return None


DOLLARS = frozenset(CURRENCIES["dollar"])


def same_currency(asked: str | None, stated: str | None) -> bool:
    """Whether an amount stated in ``stated`` is compared with a bound in ``asked``: any currency
    when none is asked, any dollar for a bare ``$``, else the same code. Amounts are compared as
    written, never converted."""
    if asked is None:
        return stated is not None
    if asked == "$":
        return stated in DOLLARS
    return stated == asked


_MONEY = re.compile(
    rf"(?P<pre>{_CODE}\s?\$?|C\$|A\$|[$£€₹¥]\s?)(?P<num>\d{{1,3}}(?:[,.\u202f ]\d{{3}})+|\d+(?:\.\d+)?)(?P<k>\s?[kK]\b)?"
    rf"|(?P<num2>\d{{1,3}}(?:[,.\u202f ]\d{{3}})+|\d+(?:\.\d+)?)(?P<k2>\s?[kK]\b)?\s?(?P<post>{_CODE}\b|€|£)")


def money_in(text: str) -> list[tuple[float, str]]:
    """The amounts of money a sentence states, each with its ISO currency code: "$1,500",
    "2.000 €", "USD 5,250" ("$" alone is read as US dollars)."""
    found = []
    for m in _MONEY.finditer(text):
        value = _number(m.group("num") or m.group("num2"), m.group("k") or m.group("k2"))
        written = (m.group("pre") or m.group("post") or "").strip().rstrip("$").strip() or "$"
        code = _currency(written, "")
        if value is not None and code:
            found.append((value, "USD" if code == "$" else code))
    return found
