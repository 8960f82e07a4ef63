"""Structured fields and sections read from a cleaned posting. Pure functions, general rules.

Each field is ``None`` (or empty) where the posting does not say; a field is only filled from a
span of the text, so an answer built from it can cite the passage it came from.
"""

from __future__ import annotations

import dataclasses
import re

from .cleaning import LEGAL_FORM, SEGMENT_SEPARATOR, announced_language
from .types import PostingFields, Salary, Section

SUMMARY = "Summary"  # the name of the part before the first heading

_HEADING_WORDS = re.compile(
    r"\b(?:about|what|who|why|how|responsibilit\w*|requirements?|qualifications?|benefits?|perks?|"
    r"skills?|abilities|knowledge|role|team|company|description|overview|culture|compensation|salary|"
    r"pay|location|nice|preferred|minimum|basic|desired|duties|offer|expect|tl;dr|summary|details|"
    r"day|bring|need|looking|impact|mission|opportunity|position|job|you|your|us|our|apply|process|"
    r"policy|equal|eeo|schedule|hours|education|experience|work|working|arrangement|model|pattern|"
    r"profil|aufgaben|anforderungen|wir|dich|ihr|bieten|"
    r"requisitos|responsabilidades|ofrecemos|missions?|profil)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦–]|\d{1,2}[.)])\s+")


_LABEL_VALUE = re.compile(r"^[^:]{1,40}:\s+\S")  # "Location: London" is a field, not a heading


def _is_body(line: str | None) -> bool:
    """A line of running text or a list item: what follows a heading."""
    return line is not None and (len(line) >= 60 or bool(_BULLET.match(line)))


# Words a heading is made of; inside a run of short unbulleted lines (a bare list:
# "Paid parental leave" / "Company equity" / "Flexible working hours") only a line made of
# these words, or of them and a name ("About Acme"), is a heading rather than an item.
_HEADING_VOCAB = frozenset(
    """about us you your we our what who why how the a an in this that role team company responsibilities
    responsibility requirements requirement qualifications qualification benefits benefit perks perk compensation
    comp salary pay location locations office work working model policy schedule nice to have offer do will need
    bring looking for are is be skills skill experience education preferred minimum basic desired bonus points
    day day-to-day life at culture values mission overview summary details description job position opportunity
    apply process interview hiring equal eeo tl;dr and & of you'll you're we're we'll what's might fit if expect
    hours pattern arrangement where get join ideal candidate profile key duties tasks tools stack tech technical
    contact more additional own engagement team's""".split()
)


def _is_list_item(line: str | None) -> bool:
    """A short unbulleted line that does not end a sentence: could be an item of a bare list."""
    return (
        line is not None
        and not line.startswith("#")
        and not _is_body(line)
        and not re.search(r"[.!?:;]$", line)
    )


def _heading_phrase(body: str) -> bool:
    words = re.findall(r"[\w'’&;-]+", body.replace("’", "'"))
    return bool(words) and all(
        w.lower() in _HEADING_VOCAB or (k > 0 and w[0].isupper()) for k, w in enumerate(words)
    )


_QUESTION_HEADING = re.compile(r"(?:What|Who|Where|When|How|Why|Is|Are|Do|Does|Can|Will|Which|Should|Would)\b")


def _is_heading(line: str, next_line: str | None, in_header: bool = False, prev_line: str | None = None) -> bool:
    """A section heading: a ``#`` line, or a short title-like line that leads into body text.

    ``in_header``: the line sits in the block of short lines under the title (company, place,
    type, id); there a line only counts as a heading when running text follows it.
    """
    if line.startswith("#"):
        return True
    if next_line is None or _BULLET.match(line) or len(line) > 60 or _LABEL_VALUE.match(line):
        return False
    if re.search(r"\s[·|•]\s", line):
        return False  # "Full-time · Fixed-term contract": facts of a header line, not a heading
    if next_line.startswith("#") and (prev_line or "").startswith("#"):
        return False  # "## Salary" / "Competitive, depending on experience" / "## Benefits": a body line
    body = line.rstrip(":").strip()
    # a posting written as questions and answers: "What will I do?", "Is there a probation period?"
    asked = body.endswith("?") and bool(_QUESTION_HEADING.match(body)) and len(body.split()) <= 8
    if not body or (re.search(r"[.;,!?]$|\d", body) and not asked) or len(body.split()) > 8 - (not asked):
        return False
    if not (body[0].isupper() or not body[0].isalpha()):
        return False
    if in_header and not _is_body(next_line):
        return False
    if asked:
        return True
    if not line.endswith(":") and _is_list_item(prev_line) and _is_list_item(next_line) and not _heading_phrase(body):
        return False
    if line.endswith(":") or _HEADING_WORDS.search(body.replace("’", "'")):
        return True
    # No heading word: a short label line directly followed by a paragraph or a list, or one
    # without a full stop between lines that end with one ("...role." / "Bonus points" / "Go.").
    # Not inside a bare list, where a long item may follow a short one.
    between_sentences = bool(prev_line and re.search(r"[.!?]$", prev_line) and re.search(r"[.!?]$", next_line))
    leads_body = _is_body(next_line) and (in_header or not _is_list_item(prev_line))
    return len(body.split()) <= 6 and len(body) <= 50 and "," not in body and (leads_body or between_sentences)


_INLINE_HEADING = re.compile(r"^([^:\n]{2,45}):\s+(\S.{15,})$")


def _inline_heading(line: str) -> str | None:
    """``Benefits: we offer ...`` -> ``Benefits``: a label leading a paragraph on its own line."""
    m = _INLINE_HEADING.match(line)
    if not m or _BULLET.match(line):
        return None
    label = m.group(1).strip()
    if re.search(r"\d", label) or len(label.split()) > 5:
        return None
    if re.search(r"\b(?:remote|hybrid|on[- ]?site)\b", label, re.IGNORECASE):
        return None  # "Hybrid working: 2 days per week" states the work mode; it heads nothing
    return label if _HEADING_WORDS.search(label.replace("’", "'")) else None


def parse_sections(text: str) -> list[Section]:
    """Split the text at headings. The first line (the title) never counts as a heading."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    # The short lines under the title (company, place, type, id) up to the first running text.
    header_end = next(
        (n for n, i in enumerate(nonempty) if n > 0 and (_is_body(lines[i].strip()) or lines[i].startswith("#"))),
        len(nonempty),
    )
    # (offset where the section starts, heading, offset where its body starts)
    heads: list[tuple[int, str, int]] = [(0, SUMMARY, 0)]
    previous_was_heading = False
    for n, i in enumerate(nonempty):
        line = lines[i].strip()
        nxt = lines[nonempty[n + 1]].strip() if n + 1 < len(nonempty) else None
        if n == 0 and not line.startswith("## "):
            continue
        prev = lines[nonempty[n - 1]].strip() if n > 0 else None
        if _is_heading(line, nxt, in_header=n < header_end, prev_line=prev):
            body = offsets[i + 1] if i + 1 < len(lines) else len(text)
            heads.append((offsets[i], line.lstrip("#").strip().rstrip(":").strip(), body))
            previous_was_heading = True
            continue
        # "Salary: ..." right under a heading, or among the facts under the title, belongs
        # to the section it is in.
        label = None if previous_was_heading or n < header_end else _inline_heading(line)
        previous_was_heading = False
        if label:
            heads.append((offsets[i], label, offsets[i] + lines[i].index(":") + 1))
    sections: list[Section] = []
    for k, (_, heading, body_start) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        body = text[body_start:end]
        stripped = body.strip()
        if not stripped:
            continue
        start = body_start + len(body) - len(body.lstrip())
        sections.append(Section(heading=heading, text=stripped, start=start, end=start + len(stripped)))
    return sections


# --- salary ---------------------------------------------------------------------------------
_CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR", "¥": "JPY", "₱": "PHP", "₫": "VND", "₩": "KRW", "₺": "TRY",
                     "₽": "RUB", "₴": "UAH", "฿": "THB", "₦": "NGN", "₪": "ILS"}
# Currencies written by their ISO code ("AED 12,000", "12,000 AED"); Gulf pay is usually written so.
_ISO_CODES = ("USD", "GBP", "EUR", "CAD", "AUD", "INR", "CHF", "SEK", "NOK", "DKK", "JPY", "PLN", "SGD", "NZD", "HKD", "ZAR",
              "MXN", "BRL", "AED", "SAR", "QAR", "CLP", "COP", "ARS", "UYU", "EGP", "NGN", "GHS", "THB", "MYR", "IDR", "VND", "KRW",
              "CNY", "TWD", "CZK", "HUF", "PKR", "BDT", "LKR", "KWD", "BHD", "OMR", "BGN", "ILS", "UAH", "KZT", "ISK", "RSD",
              "TZS", "UGX", "DOP", "GTQ", "PYG", "JMD", "NPR", "RUB", "RON")
# Codes read only before an amount ("PHP 22,000", "KES 150,000"): after a number "PHP" is more often a
# programming language ("5 years of PHP") than pay
_PREFIX_CODES = ("PHP", "KES", "PEN", "TRY", "MAD", "BOB", "GEL", "CRC")  # (and words: "pen", "try", "mad")
# (a code or a letter's symbol starts a word: "environ 20" holds no Romanian leu, "pour 5" no rand)
_CUR = (rf"(?:[$£€₹¥₱₫₩₺₽₴฿₦₪]|(?<![^\W\d_])(?:US\$|CA\$|C\$|A\$|S\$|NZ\$|HK\$|KSh|R(?=\s?\d)|S/(?=\s?\d)"
        rf"|(?:{'|'.join(_ISO_CODES + _PREFIX_CODES)})(?![A-Za-z])))")
_CUR_AFTER = rf"(?:[$£€₹¥₱₫₩₺₽₴฿₦₪]|(?:{'|'.join(_ISO_CODES)})(?![A-Za-z]))"  # after an amount: no "5 pens", "3 PHP developers"
# Indian lakh grouping (28,00,000) first, then thousands groups (80,000 / 65.000), then plain.
# European decimal comma ("42,50 €") before the plain number.
_NUM = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:[,.\u202f ]\d{3})+(?:[.,]\d{1,2}(?!\d))?"
    r"|\d+,\d{1,2}(?![\d])|\d+(?:\.\d{1,2})?"
)
_AMOUNT = rf"(?:{_CUR}\s?){{0,2}}(?:{_NUM})\s?(?:[kKmM]\b)?(?:\s?{_CUR_AFTER})?"
_RANGE = re.compile(
    rf"(?P<a>{_AMOUNT})(?:\s*(?:–|—|-|to|bis|a)\s*(?P<b>{_AMOUNT}))?"
    r"(?P<tail>[^\n.;]{0,40})",
    re.IGNORECASE,
)
_PER = r"(?:\b(?:per|an|a)\s+|/\s*)"  # "per hour", "an hour", "/hour"
_PERIODS = (
    # (and as boards in Spanish, Portuguese, Italian, French and Danish write them: "$1.800.000
    # mensuales", "€1.650 por mês", "232,50 kr. pr. time")
    ("hour", rf"{_PER}(?:hour|hr)\b|\bhourly\b|/h\b|\bpro stunde\b|\bpor hora\b|\ball'ora\b|\b(?:de )?l['’]heure\b|\bpr\.? time\b"),
    ("day", rf"{_PER}day\b|\bdaily rate\b|\bpor día\b|\bal giorno\b|\bpar jour\b"),
    ("week", rf"{_PER}week\b|\bweekly\b|\bsemanal(?:es)?\b|\bpor semana\b"),
    ("fortnight", rf"{_PER}fortnight\b|\bfortnightly\b"),  # Australian public-sector pay
    ("month", rf"{_PER}(?:month|mo)\b|\bmonthly\b|\bpro monat\b|\bmensual(?:es)?\b|\b(?:al|por|par) (?:mes|mês|mese|mois)\b"
              r"|\bmensa(?:l|is)\b|\bmensil[ei]\b|\bmensuel(?:le)?s?\b|\bpr\.? måned\b|\bom måneden\b|\bmiesięcznie\b|/\s*tháng\b|\bmỗi tháng\b"),
    ("year", rf"{_PER}(?:year|yr|annum)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.?a\.?\b|\bpro jahr\b|\banual(?:es)?\b|\b(?:al|por) año\b"
             r"|\bpor ano\b|\bannu[oi]\b|\ball'anno\b|\bpar an\b|\bannuel(?:le)?s?\b|\bpr\.? år\b|\bom året\b|\brocznie\b"),
    # piecework: a translator's "USD 0.09 per word", a driver's "$0.62 per mile"
    ("word", rf"{_PER}(?:source\s+|target\s+)?word\b"),
    ("mile", rf"{_PER}mile\b|\bcpm\b"),
)
# Compiled once: extract_salary meets every number of every posting.
_PERIOD_PATTERNS = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _PERIODS)
_NUMBER = re.compile(_NUM)
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d+,\d{1,2}")
_SUFFIX = re.compile(r"\d\s?([kKmM])\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_DIGIT = re.compile(r"\d")
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|compensation|wages?|rates?|base|ote|ctc|stipend|gross|brutto|gehalt|vergütung|lohn|lønn|lön|salario|sueldo"
    r"|salaire|r[ée]mun[ée]ration|remuneración|lương)(?!\w)",
    re.IGNORECASE,
)


_CODES = ("US$", "CA$", "C$", "A$", "S$", "NZ$", "HK$", "KSh", *_ISO_CODES, *_PREFIX_CODES)
_CODE_ALIASES = {"US$": "USD", "CA$": "CAD", "C$": "CAD", "A$": "AUD", "S$": "SGD", "NZ$": "NZD", "HK$": "HKD", "KSh": "KES"}
_TAIL_CODE = re.compile(rf"^[^\d]{{0,12}}?(?:\b({'|'.join(_ISO_CODES)})\b|\s?(zł)(?!\w))")  # "38–46 zł brutto": the złoty


# Currencies written "$" at home: a line that names one by its code writes its bare "$" amounts in it
_DOLLAR_CODE = re.compile(r"(?<![A-Za-z])(CLP|MXN|COP|ARS|UYU|CAD|AUD|NZD|SGD|HKD|TWD)(?![A-Za-z])")
_CODE_PATTERNS = tuple(
    (code, re.compile(rf"(?<![A-Za-z]){re.escape(code)}(?![A-Za-z])", re.IGNORECASE if code.isalpha() else 0))
    for code in _CODES
)
# Any of them, so the usual amount (no code at all) costs one search instead of sixteen.
_ANY_CODE = re.compile("|".join(f"(?i:{p.pattern})" if code.isalpha() else f"(?:{p.pattern})" for code, p in _CODE_PATTERNS))


def _currency(text: str) -> tuple[str | None, bool]:
    """(ISO code, whether it was written as a code rather than a bare symbol like ``$``)."""
    for code, pattern in _CODE_PATTERNS if _ANY_CODE.search(text) else ():
        if pattern.search(text):
            return _CODE_ALIASES.get(code, code), True
    for symbol, code in _CURRENCY_SYMBOLS.items():
        if symbol in text:
            return code, False
    if re.match(r"\s*R\s?\d", text):
        return "ZAR", True  # "R26 000", "R 632 160": the South African rand
    if re.match(r"\s*S/\s?\d", text):
        return "PEN", True  # "S/ 2,900": the Peruvian sol
    return None, False


def _amount_value(text: str) -> tuple[float | None, str | None, bool]:
    currency, _ = _currency(text)
    number = _NUMBER.search(text)
    if not number:
        return None, currency, False
    raw = number.group(0).replace("\u202f", "").replace(" ", "")
    if _GROUPED.fullmatch(raw):
        raw = re.sub(r"[.,]", "", raw)  # thousands separators, English or European
    elif _EUROPEAN.fullmatch(raw):
        raw = raw.replace(".", "").replace(",", ".")  # European: 1.250,50 / 42,50
    else:
        raw = raw.replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        return None, currency, False
    suffix = _SUFFIX.search(text)
    if suffix:
        value *= 1_000 if suffix.group(1).lower() == "k" else 1_000_000
    return value, currency, bool(suffix)


_LAKH = re.compile(r"^\s*(?:lakhs?|lacs?|LPA)\b", re.IGNORECASE)  # "₹14–19 lakh per annum": 100,000 each
_CRORE = re.compile(r"^\s*(?:crores?|cr)\b", re.IGNORECASE)


def _period(tail: str, rest_of_line: str, line: str) -> str | None:
    """The pay period written right after the amount, else the first one later on its line; not
    the week of "37.5 hours per week" (a count of hours, not what the amount is paid per)."""
    for scope in (tail, rest_of_line, line):
        hits = []
        for name, pattern in _PERIOD_PATTERNS:
            for m in pattern.finditer(scope):
                if not _COUNT_BEFORE.search(scope[: m.start()]):
                    hits.append((m.start(), name))
                    break
        if hits:
            return min(hits)[1]
        if _BRUTTO.search(scope):
            return "year"  # "€60.000 brutto" is a year's gross, unless a period is written ("38–46 zł brutto per hour")
    return None


_BRUTTO = re.compile(r"\bbrutto\b", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"\b(?:hours?|hrs?|days?|shifts?)\s*$", re.IGNORECASE)
_COUNTED = re.compile(
    r"^\s*\+?\s*(?:%|(?:(?:working\s+|calendar\s+|business\s+)?days?|hours?|hrs?|weeks?|months?|years?|yrs?|%|percent|people|employees|staff|"
    r"visits?|shifts?|patients?|stores?|locations?|countries|markets|customers|sessions?|classes|clients|members|students|"
    r"calls|orders|deliveries|cases|tage|stunden|jahre)\b)",  # "15% of salary" too
    re.IGNORECASE,
)


_PAY_SEGMENT = re.compile(rf"^{_AMOUNT}(?:\s*(?:–|—|-|to)\s*{_AMOUNT})?\s*{_PER}(?:hour|hr|day|week|fortnight|month|year|annum)\b", re.IGNORECASE)
# "€32,000 - €36,000 DOE" on a line of its own, as boards put it under the title: a range of money
# and at most how it is set is the pay, though no pay word says so
_PAY_RANGE_LINE = re.compile(
    rf"^(?=.*(?:[{''.join(_CURRENCY_SYMBOLS)}]|\b(?:{'|'.join(_ISO_CODES)})\b)){_AMOUNT}\s*(?:–|—|-|to)\s*{_AMOUNT}"
    r"(?:\s*(?:DOE|D\.O\.E\.?|depending on experience|negotiable|neg\.?|OTE|gross|pro rata|[+&]\s*benefits|plus benefits))?$",
    re.IGNORECASE)
_LABELLED_PAY = re.compile(
    rf"^\W*(?:(?:annual|base|basic|hourly|weekly|monthly|yearly|starting|daily|day)\s+)?{_PAY_WORDS.pattern}", re.IGNORECASE)


# The most a currency prefix of an amount takes before its first digit: two codes ("US$ ") of
# three characters and a space each
_PREFIX_WIDTH = 8


def _next_amount(line: str, pos: int) -> re.Match[str] | None:
    """``_RANGE.search(line, pos)``, begun near the next digit: every amount holds one within
    ``_PREFIX_WIDTH`` of its start, and trying the currencies at every character of a line
    before it was most of the time extract_salary took."""
    digit = _DIGIT.search(line, pos)
    return _RANGE.search(line, max(pos, digit.start() - _PREFIX_WIDTH)) if digit else None


def extract_salary(text: str, sections: list[Section] | None = None) -> Salary | None:
    """The posting's pay. Labelled lines and pay sections win over amounts met in passing.

    An amount with no pay context at all (no pay word on its line, not under a pay heading)
    only counts when it is a range with a period ("$120,000 - $150,000 per year"); a lone
    figure in a paragraph is a budget, a bonus or a claim about something else.
    """
    candidates: list[tuple[int, int, Salary]] = []
    pay_spans = [
        (s.start, s.end) for s in (sections or []) if _PAY_WORDS.search(s.heading)
    ]
    for line_start, line in _lines_with_offsets(text):
        if not _DIGIT.search(line):
            continue  # no number, so no amount
        labelled = bool(_LABELLED_PAY.match(line))
        in_pay_section = any(a <= line_start < b for a, b in pay_spans)
        # "Full time · $29.50 per hour": a header line's part that is only an amount per period
        # ("USD 2,900 per month" on a line of its own, under a "Pay" line the header's short lines
        # do not make a heading, is the pay too)
        mentions_pay = bool(_PAY_WORDS.search(line)) or (
            len(line) < 120 and any(_PAY_SEGMENT.match(seg.strip()) for seg in SEGMENT_SEPARATOR.split(line)[1:])) or (
            len(line) < 60 and (_PAY_SEGMENT.fullmatch(line.strip().rstrip(".")) is not None
                                or _PAY_RANGE_LINE.match(line.strip().rstrip(".")) is not None))
        context = 0 if labelled else 1 if in_pay_section else 2 if mentions_pay else 3
        # The cheap reasons to pass an amount by come first: most numbers are not pay, and the
        # pay period (fifteen searches) is looked for only when it decides.
        pos = 0
        while (m := _next_amount(line, pos)) is not None:
            # A number passed by goes on after itself, not after its tail: "Level 2: €62,000 ..."
            # must not lose the amount to the tail of the "2".
            pos = m.end("b") if m.group("b") else m.end("a")
            a_val, a_cur, _ = _amount_value(m.group("a"))
            if a_val is None:
                continue
            b_val, b_cur, b_k = _amount_value(m.group("b") or "")
            if b_val is not None and a_cur is None and b_cur and not b_k and a_val * 10 < b_val:
                pos = m.start("b")  # "Year 1 - £310 a week": a label's number, then the amount
                continue
            if context == 3 and b_val is None:
                continue  # a lone figure with no pay context: a budget, a bonus, a count
            tail = m.group("tail")
            # A code anywhere in the amount ("CAD $130,000", "$95 CAD") or right after it
            # ("$28/hour (CAD)") says more than a bare "$".
            explicit = [c for c, written in (_currency(m.group("a")), _currency(m.group("b") or "")) if c and written]
            tail_code = _TAIL_CODE.match(tail)
            currency = explicit[0] if explicit else ((tail_code.group(1) or "PLN") if tail_code else (a_cur or b_cur))
            if currency == "USD" and not explicit and not tail_code and (local := _DOLLAR_CODE.search(line)):
                currency = local.group(1)  # "$1.800.000 mensuales / ... CLP 1,800,000": the "$" is the peso
            cents = re.match(r"\s*(?:cents?\b|¢)", tail)
            currency = currency or ("USD" if cents else None)  # a dollar's cents: local dollars below
            if currency is None and (not mentions_pay or _COUNTED.match(tail)):
                continue  # no currency and no pay word; or "3 days a week", "40 hours": a count
            # the rest of the sentence, not the next one ("... € base. Hybrid: 3 days per week")
            sentence_rest = _SENTENCE_END.split(line[m.end():], maxsplit=1)[0]
            sentence_start = max(line.rfind(". ", 0, m.start()), line.rfind("! ", 0, m.start()), line.rfind("? ", 0, m.start()))
            period = _period(tail, sentence_rest, line[sentence_start + 1 : m.end()] + sentence_rest)
            if currency is None and not period:
                continue
            if b_val is not None and b_k and a_val < 1000 and not _SUFFIX.search(m.group("a")):
                a_val *= 1_000  # "120-150k": the k belongs to both ends
            low, high = (a_val, b_val) if b_val is not None else (a_val, a_val)
            if cents:
                low, high = round(low / 100, 4), round(high / 100, 4)  # "64 cents (CAD) per mile"
            elif _LAKH.match(tail) and high < 1000:
                low, high = low * 100_000, high * 100_000
            elif _CRORE.match(tail) and high < 1000:
                low, high = low * 10_000_000, high * 10_000_000
            if high < low:
                low, high = high, low
            if high < 5 and period is None:
                continue  # a stray small number ("$1"), not pay
            if context == 3 and period is None:
                continue
            if period is None:
                period = "year" if high >= 10_000 else ("hour" if high <= 300 else None)
            rank = context * 2 + (0 if b_val is not None else 1)
            tail_period = min((found for _, p in _PERIOD_PATTERNS if (found := p.search(tail))), key=lambda f: f.start(), default=None)
            if tail_period:
                span = (m.group("a") + m.group(0)[len(m.group("a")):m.start("tail") - m.start()] + tail[: tail_period.end()]).strip()
            else:
                span = m.group(0)[: m.start("tail") - m.start()].strip()
            candidates.append((rank, line_start + m.start(), Salary(low, high, currency, period, span)))
            pos = m.end()
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2]


# --- other fields ---------------------------------------------------------------------------
_CITIES = frozenset(
    """New York|San Francisco|Los Angeles|Seattle|Bellevue|Palo Alto|Mountain View|Sunnyvale|San Jose|Menlo Park|
    Cupertino|Redmond|Austin|Boston|Chicago|Denver|Atlanta|Miami|Dallas|Houston|Phoenix|Portland|San Diego|Philadelphia|
    Washington|Pittsburgh|Minneapolis|Detroit|Nashville|Raleigh|Salt Lake City|Las Vegas|Orlando|Charlotte|Columbus|
    Toronto|Vancouver|Montreal|Ottawa|Calgary|London|Manchester|Edinburgh|Glasgow|Bristol|Cambridge|Oxford|Leeds|
    Birmingham|Dublin|Belfast|Paris|Lyon|Berlin|Munich|München|Hamburg|Frankfurt|Cologne|Köln|Stuttgart|Düsseldorf|
    Amsterdam|Rotterdam|Brussels|Zurich|Zürich|Geneva|Vienna|Wien|Prague|Warsaw|Krakow|Kraków|Budapest|Bucharest|
    Madrid|Barcelona|Lisbon|Porto|Milan|Rome|Stockholm|Oslo|Copenhagen|Helsinki|Tallinn|Riga|Vilnius|Athens|Istanbul|
    Ankara|Tel Aviv|Dubai|Abu Dhabi|Riyadh|Cairo|Lagos|Nairobi|Cape Town|Johannesburg|Bangalore|Bengaluru|Mumbai|Delhi|
    New Delhi|Hyderabad|Pune|Chennai|Gurgaon|Gurugram|Noida|Singapore|Hong Kong|Shanghai|Beijing|Shenzhen|Tokyo|Osaka|
    Seoul|Taipei|Sydney|Melbourne|Brisbane|Perth|Auckland|Mexico City|São Paulo|Sao Paulo|Buenos Aires|Bogotá|Bogota|
    Santiago|Lima|Moscow|Saint Petersburg|Kyiv|Kiev|Tbilisi|Yerevan|Almaty|Auckland|Wellington|Christchurch|Remote|
    Doha|Kuwait City|Muscat|Manama|Jeddah|Sharjah|Utrecht|Eindhoven|The Hague|Aberdeen|Cardiff|Liverpool|Newcastle|
    Sheffield|Nottingham|Winnipeg|Edmonton|Adelaide|Canberra|Kuala Lumpur|Manila|Jakarta|Bangkok|Karachi|Lahore|Dhaka|
    Colombo|Accra|Casablanca|Kolkata|Ahmedabad|Durban|Pretoria""".replace("\n", "").split("|")
)
_CITIES = frozenset(c.strip() for c in _CITIES)
_CITY_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _CITIES), key=len, reverse=True)) + r")\b")
# "Location: ...", a row "| Location | ... |", "Arbeidssted ....... Tromsø", and the label in the languages of the boards:
# "Arbejdssted: Esbjerg Havn", "Local de trabalho: Pinhão, Alijó", "Luogo di lavoro: Lucca"
_LOCATION_LABEL = re.compile(
    r"^\W*(?:(?:work(?:ing)?\s+|office\s+|job\s+)?locations?|based in|where|place of work|workplace|work site|standort|arbeitsort|"
    r"einsatzort|dienstort|ubicación|lugar de trabajo|lieu(?: de travail)?|luogo di lavoro|sede di lavoro|local de trabalho|"
    r"localização|arbejdssted|arbetsort|arbeidssted|standplaats|werkplek|locatie|miejsce pracy)\s*(?::|\||\.{3,})\s*(.+?)\s*\|?$",
    re.IGNORECASE)
_COUNTRIES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|"
    "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|"
    "Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|"
    "West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|"
    "Queensland|Victoria|New South Wales|Tasmania|Northland|Waikato|Bay of Plenty|Hawke's Bay|Taranaki|Canterbury|Otago|Southland|"
    "United States|United Kingdom|England|Scotland|Wales|Ireland|Canada|India|Germany|Deutschland|France|Spain|"
    "Portugal|Italy|Netherlands|Belgium|Switzerland|Austria|Poland|Sweden|Norway|Denmark|Finland|Australia|"
    "New Zealand|Japan|China|Singapore|Brazil|Mexico|Argentina|Israel|UAE|USA|US|UK|Qatar|Saudi Arabia|Kuwait|Bahrain|"
    "Oman|South Africa|Nigeria|Kenya|Egypt|Philippines|Malaysia|Indonesia|Vietnam|Thailand|Pakistan|Bangladesh|"
    "Sri Lanka|Czech Republic|Czechia|Greece|Turkey|Romania|Hungary|Luxembourg|Estonia|Latvia|Lithuania"
)
# "Sparks, NV", "Leeds, UK": a place the city list does not know, recognised by its region.
_CITY_REGION = re.compile(rf"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,2}}(?: \([A-Z][^()]{{1,30}}\))?, (?:[A-Z]{{2}}|{_COUNTRIES})\b")
_REGION_END = re.compile(rf"^(?:{_COUNTRIES})$")
# A UK postcode's first half after a town: "Leeds LS17"
_OUTWARD_CODE = re.compile(r"\s+[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?$")
# Words of an organisation's name: "Kestrel Vale Hospital", "Northgate Freight Ltd"
_ORG_WORD = re.compile(
    r"\b(?:hotel|hospital|clinic|inc|ltd|llc|gmbh|plc|corp|group|council|school|college|university|academy|trust|bank|"
    r"restaurant|bar|caf[eé]|studio|agency|company|co|partners|labs?|technologies|systems|solutions|services|foundation|"
    r"centre|center|pharmacy|store|stores|market|kitchen|lodge|resort|surgery|practice|institute|authority|board)\b\.?",
    re.IGNORECASE,
)
# Separators of a header line: "Acme · London, UK · Full-time", "Halcyon – Berlin – Remote".
_SEGMENT_SEP = re.compile(r"\s+[·|•–—-]\s+")

# "temporary accommodation", "a temporary parking permit": temporary, but not the job
_NOT_OF_JOB = r"(?!\s+(?:accommodation|housing|lodging|apartment|flat|room|parking|office|desk|visa|permit|residence|address))"
_EMPLOYMENT = (
    ("internship", r"\bintern(?:ship)?s?\b|\bpraktikum\b|\bwerkstudent"),
    ("contract", r"\bcontract(?:or)?\b|\bfixed[- ]term\b|\bfreelance\b|\bbefristet\b"),
    ("part time", r"\bpart[- ]time\b|\bteilzeit\b"),
    ("temporary", rf"\btemporary\b{_NOT_OF_JOB}|\bseasonal\b"),
    ("full time", r"\bfull[- ]time\b|\bvollzeit\b|\bpermanent\b"),
)
_EMPLOYMENT_LABEL = re.compile(
    r"^\W*(?:employment(?:\s+type)?|job\s+type|type|contract(?:\s+type)?|work\s+type|hours|working\s+(?:pattern|hours)|work\s+pattern|"
    r"anstellungsart|vertragsart|beschäftigungsart)\s*(?::|\||\.{3,})\s*(.+)$",  # (a table row: "Employment type | Full-time"; "Contract ..... Full-time")
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|nine|twelve)[- ](week|month|year)s?\b",
    re.IGNORECASE,
)
_REQ_LABEL = re.compile(
    r"^\W*(?:(?:job\s*)?req(?:uisition)?(?:[.\s-]*(?:id|#|number|no\.?))?|job\s*(?:id|#|number|code|ref(?:erence)?)|"
    r"ref(?:erence)?(?:[.\s-]*(?:no\.?|number|id))?|posting\s*id|stellen[\s-]*id|kennziffer|referenz(?:nummer)?)"
    r"(?:\s*\([^()]{1,20}\))?(?:\s*[:#]\s*|[.\s]+)([A-Za-z0-9][A-Za-z0-9\-_/]{2,})\s*$",
    re.IGNORECASE,
)
_REQ_BARE = re.compile(r"^(?:R|REQ|JR|JOB|J)[-_]?\d{4,}(?:[-_]\d+)?$")
# "on-site" of a place to work, not of "on-site parking" or "an on-site gym"
_ON_SITE = (r"(?:on-?site(?!\s+(?:parking|gym|canteen|cafeteria|caf[eé]|childcare|nursery|meals?|restaurant|clinic|fitness|amenities|kitchen|showers?|daycare|car park))"
            r"|office-based|office based)")  # "Work mode ...... Office-based": at the office, as on-site says
# "remote working", not "remote area leave" or "remote communities": where the work is, not where a place is
_REMOTE = r"remote(?!\s+(?:areas?|allowance|locations?|communit\w+|regions?|regional|islands?|towns?|villages?|parts|sites?|mine|mines))"
_OFFICE = re.compile(
    rf"\b(?:{_REMOTE}|hybrid|{_ON_SITE}|in[- ]office|in the office|office attendance|in[- ]person|work[- ]from[- ]home|"
    r"wfh|days (?:per|a|each) week in|days per week|days a week|homeoffice|home office)\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w&.\-]*(?: +[A-Z][\w&.\-]*)"  # capitalised words on one line
_COMPANY_PATTERNS = (
    re.compile(rf"(?:^|[.!]\s+)({_NAME}{{0,3}}) +(?:is|are) +(?:a|an|the) +[^.\n]{{0,80}}?\b(?:company|startup|firm|organi[sz]ation|employer|provider|platform|leader|hospital|retailer|bank|agency|lab|studio|group|manufacturer|network|insurer|brand|manager|operator)\b", re.MULTILINE),
    re.compile(rf"^#*\s*[Aa]bout +(?!the\b|us\b|you\b|this\b|our\b|the role\b)({_NAME}{{0,3}})\s*:?$", re.MULTILINE),
    re.compile(r"\b(?:[Jj]oin|at|At) +([A-Z][\w&\-]*(?: +[A-Z][\w&\-]*){0,2}(?: +(?:Inc|Ltd|GmbH|LLC|plc|Corp|AG|SE)\.?)?)(?=[!.,;]| +(?:as|and|in|on|where|we|to|—|-)\b)"),
    re.compile(r"\b([A-Z][\w&\-]*(?: +[A-Z][\w&\-]*){0,2} +(?:Inc|Ltd|GmbH|LLC|plc|Corp|AG|SE))\b\.?"),
)
_COMPANY_LABEL = re.compile(
    r"^\W*(?:company|employer|organi[sz]ation|hiring company|unternehmen|arbeitgeber|empresa)\s*:\s*([^\n]{2,60})$",
    re.IGNORECASE | re.MULTILINE,
)
_NOT_COMPANY = frozenset({"We", "You", "Our", "The", "This", "It", "They", "Team", "Company", "Us", "About", "Apply"})
# Nouns that name a job whatever the postings' titles say: "What is the salary of the CEO at
# Acme?" names a role even where no posting has that word. Words that are also something else in
# a question ("head", "lead", "chief", "associate", "agent") are left out.
ROLE_NOUNS = frozenset("""
ceo cto cfo coo cmo cio ciso cpo vp svp evp president founder cofounder chairman chairwoman chairperson
director manager supervisor foreman executive engineer developer programmer designer architect scientist analyst
researcher statistician nurse doctor physician surgeon dentist pharmacist therapist paramedic midwife caregiver
teacher tutor professor lecturer instructor driver pilot chef cook baker waiter waitress barista bartender cashier
clerk receptionist secretary accountant auditor bookkeeper lawyer attorney paralegal consultant recruiter intern
apprentice trainee technician mechanic electrician plumber carpenter welder janitor cleaner housekeeper writer
editor journalist translator interpreter marketer salesperson salesman saleswoman banker trader economist
librarian photographer artist illustrator animator musician actor farmer labourer laborer operator coordinator
administrator strategist copywriter actuary underwriter veterinarian optometrist radiographer planner surveyor
inspector adviser advisor worker
chauffeur chauffeuse conducteur conductrice cuisinier cuisinière infirmier infirmière préposé préposée technicien technicienne
mécanicien ouvrier ouvrière vendeur vendeuse caissier caissière serveur serveuse enseignant enseignante magasinier
conductor conductora cocinero cocinera enfermero enfermera técnico técnica operario operaria vendedor vendedora camarero
camarera cosechador cosechadora temporero temporera""".split())
# Words of a job title, never of a company name in a header line.
_ROLE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r"|associate|specialist|officer|assistant|"
    r"representative|lead|head|guide|conservator|courier|dispatcher|hygienist|concierge|entwickler\w*|werkstudent\w*)(?:s|es)?\b",
    re.IGNORECASE,
)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"  # capitals of Latin scripts ("Śląsk")
_NAME_WORD = re.compile(rf"^(?:[{_UPPER}0-9][\w&.'’-]*|&|and|of|the|for|de|der|und|du|la|von|do|da|dos|das|del|di|della|y|e|van|den)$")


def find_places(text: str) -> list[str]:
    """Known city names (and "Remote") mentioned in ``text``, in order."""
    return [m.group(1) for m in _CITY_RE.finditer(text)]


def _lines_with_offsets(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]


_EMPHASIS = re.compile(r"\*\*|__")


_HIRING_PREFIX = re.compile(r"^(?:now hiring|we['’]re hiring|we are hiring|hiring|job opening|vacancy|careers?)\s*[:!–—-]\s*", re.IGNORECASE)
# A banner line that announces a vacancy rather than naming it: the role is on the line under it.
_VACANCY_BANNER = re.compile(
    r"^\W*(?:(?:position|job|staff|current)\s+vacanc(?:y|ies)|vacanc(?:y|ies)|(?:we\s*(?:are|['’]re)|now)\s+hiring|"
    r"(?:job|career|employment)\s+opportunit(?:y|ies)|job\s+advert(?:isement)?)\W*$",
    re.IGNORECASE,
)


# "(m/w/d)", "(m/f/d)", "(m/v/x)", "(h/f)": whom a German, Dutch or French job title is open to
_GENDER_MARK = re.compile(r"\((?:[mwfdhvx]\s*/\s*){1,2}[mwfdhvx]\)", re.IGNORECASE)


def _title_at(lines: list[str]) -> int:
    """Which of the first non-empty lines is the title: a markdown "# " heading among the first
    five (what a page puts above it is board metadata: "Tidewire · Remote"); the line under a
    banner that only announces a vacancy ("POSITION VACANCY"); the first line after labelled
    metadata ("Job ref: KVH-2291" / "Registered Nurse"); else the first, unless it is only a
    name ("UNIVERSITY OF ASHWORTH" / "School of ...") and one of the next three is a job's
    ("Research Assistant in Coastal Flood Modelling")."""
    for i, line in enumerate(lines[:5]):
        if re.match(r"#(?!#)\s*\S", line):
            # "# The Lantern Quay Hotel, Singapore" / "## Careers: Front Office Manager": the page's
            # title is the employer, the role is the line under it
            name = line.lstrip("# ")
            below = lines[i + 1].lstrip("# ") if i + 1 < len(lines) else ""
            if ((_name_like(name) or _company_and_place(name)) and not _ROLE_WORDS.search(name)
                    and lines[i + 1 : i + 2] and lines[i + 1].startswith("##") and _ROLE_WORDS.search(below)
                    and not _heading_phrase(below)):
                return i + 1
            if not _heading_phrase(name):
                return i
    if lines and not _GENDER_MARK.search(lines[0]):
        # "Klinikum St. Korbinian München" / ... / "Pflegefachkraft (m/w/d) für die Kardiologie":
        # the line that says whom the job is open to is the job's
        for i, line in enumerate(lines[1:6], start=1):
            # (a wrapped title's second line is read with it: "... (Station 4B) in Vollzeit oder Teilzeit")
            if _GENDER_MARK.search(line) and _title_like(line[:79]) and len(line) < 160 and not _BULLET.match(line):
                return i
    for i, line in enumerate(lines[:3]):
        if _VACANCY_BANNER.match(line) and i + 1 < len(lines) and _title_like(lines[i + 1]):
            return i + 1
        if i and _HIRING_PREFIX.match(line) and _ROLE_WORDS.search(line) and len(line) < 100:
            return i  # "MASAKHANE FAMILY CARE" / "VACANCY: SOCIAL WORKER – CHILD PROTECTION"
    labels = 0
    while labels < min(3, len(lines) - 1) and len(lines[labels]) < 80 and (
            _LABEL_VALUE.match(_EMPHASIS.sub("", lines[labels])) or _REQ_LABEL.match(_EMPHASIS.sub("", lines[labels]))):
        labels += 1  # "Job ref: KVH-2291", "Job ID 88231045"
    if labels and _title_like(lines[labels]):
        return labels
    if lines and _name_led(lines[0]) and not _ROLE_WORDS.search(lines[0]):
        for i, line in enumerate(lines[1:4], start=1):
            if len(line) < 80 and not re.search(r"[.:!?]$", line) and _ROLE_WORDS.search(line):
                return i if all(len(above) < 80 and not _ROLE_WORDS.search(above) for above in lines[1:i]) else 0
        # the employer's name, its description, then the role ("TRADUCTIONS BORÉAL" / "Who we are"
        # / ... / "Translator, English to French – 12-month contract"): the first short line
        # naming a job, no label, heading or sentence
        for i, line in enumerate(lines[4:16], start=4):
            if _title_like(line) and _ROLE_WORDS.search(line) and not _BULLET.match(line):
                return i
    return 1 if len(lines) > 1 and _translated_title(lines[0], lines[1]) else 0


def _translated_title(line: str, below: str) -> bool:
    """"Schichtleiter Produktion (m/w/d) – Backwaren" / "Production Shift Supervisor (m/f/d) –
    Bakery": a title in the board's language, then in English; the English one is the title."""
    # (not an employer's name above its role: "Ashgrove Academy — part of the ... Trust")
    return (not _ROLE_WORDS.search(line) and _title_like(line) and _title_like(below) and not _name_like(_segments(line)[0])
            and bool(_ROLE_WORDS.search(below)) and not _LABEL_VALUE.match(below))


def _name_led(line: str) -> bool:
    """Only a name, or a name and what it is part of ("Ashgrove Academy — part of the Whitmoor
    Learning Trust"), or a name and its facts ("Al Noor Home & Living · Dubai · Full-time")."""
    segments = _segments(line)
    if _name_like(line) or not _name_like(segments[0]):
        return _name_like(line)
    return bool(re.search(r"\s[–—-]\s+(?:part of|a member of|member of)\b", line)) or len(segments) > 1 and all(
        _header_fact(seg) for seg in segments[1:])


def _header_fact(segment: str) -> bool:
    """A place or an employment type, as a header writes them: "Dubai", "Full-time"."""
    return bool(_header_places(segment) or _employment_in(segment))


def _title_like(line: str) -> bool:
    """Could be a job's title: a short line that is no label, sentence or section heading."""
    return (len(line) < 80 and not _LABEL_VALUE.match(line) and not re.search(r"[.:!?]$", line)
            and not _heading_phrase(line.lstrip("# ")))


def _short_line(line: str) -> bool:
    """Short, or a line of short facts set apart ("Acme LLC · Based out of Marlow Springs, Ohio ·
    Travel to sites across Ohio"), not a sentence."""
    if len(line) < 80:
        return True
    parts = _SEGMENT_SEP.split(line)
    # (a sentence ends on a word, not on an abbreviation: "Ref. EH-48213", "y Cía. Ltda.")
    return len(parts) >= 2 and all(len(p) < 80 for p in parts) and not re.search(r"\b[a-z]{3,}[.!?]\s", line)


def _header_lines(text: str) -> list[str]:
    """The short lines around the title (company, place, type, id), at most eight: those above
    a markdown title and those right under it, without bold or underline marks."""
    return _header_parts(text)[0][:8]


def _header_parts(text: str) -> tuple[list[str], int]:
    """The header lines, and how many of them stand above the title."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    at = _title_at(lines)
    out = [line.lstrip("# ") if at and line.startswith("# ") else line for line in lines[:at]
           if _short_line(line) and (not line.startswith("#") or line.startswith("# "))
           and not (at == 1 and _translated_title(line, lines[1]))]  # (the title in the board's language)
    above = len(out)
    for line in lines[at + 1 : at + 9]:
        if line.startswith("#") or not _short_line(line):
            break
        if _BULLET.match(line):
            # a list of facts under the title ("• Mount Maunganui, Tauranga, Bay of Plenty",
            # "• Full time") is header; a list of anything else (duties) is the body
            line = _BULLET.sub("", line).strip()
            if not (_header_fact(line) or "›" in line or re.match(rf"{_CUR}\s?\d", line)):
                break
        out.append(line)
    return [_EMPHASIS.sub("", line).strip() for line in out], above


def _segments(line: str) -> list[str]:
    return [seg.strip() for seg in _SEGMENT_SEP.split(line) if seg.strip()]


def _name_like(segment: str) -> bool:
    """Could be a company name on a header line: a few capitalised words, nothing else ("The
    Harbor Table" too, but not "The Role")."""
    # (its legal form in its own language is no word of it: "TransSerwis Wielkopolska Sp. z o.o.")
    bare = LEGAL_FORM.sub("", segment).strip() if "." in segment or "/" in segment else segment  # "Vestkyst Wind Service A/S"
    words = bare.split()
    if not 1 <= len(words) <= 7 or len(segment) > 60 or re.search(r"[\d:;,()/@]", bare):
        return False
    the_name = words[0] == "The" and len(words) >= 2 and not all(w.lower() in _HEADING_VOCAB for w in words[1:])
    if not all(_NAME_WORD.match(w) for w in words) or (words[0] in _NOT_COMPANY and not the_name):
        return False
    # ("Hartley & Voss Family Funeral Directors": a firm named by its trade in the plural)
    named_for_trade = len(words) >= 3 and words[-1].lower().endswith("s") and words[-1][:-1].lower() in ROLE_NOUNS
    if _CITY_RE.match(segment) or _ROLE_WORDS.search(" ".join(words[:-1]) if named_for_trade else segment) or _OFFICE.search(segment):
        return False
    # ("Konkan Permanent Way Services Pvt. Ltd.": a registered firm's name, whatever its words say)
    return _REGISTERED.search(segment) is not None or not any(re.search(p, segment, re.IGNORECASE) for _, p in _EMPLOYMENT)


_REGISTERED = re.compile(r"\S\s+(?:Inc|Ltd|Limited|LLC|plc|PLC|Corp|GmbH|AG|Pty|S\.A\.|S\.L\.|B\.V\.)\.?$")


def _without_acronym(segment: str) -> str:
    """"Canadian Rural Connectivity Agency (CRCA)" -> the name without its short form, or its
    registration ("UBUNTU YOUTH TRUST (NPO 012-345)")."""
    segment = re.sub(r"\s*\((?:NPO|NPC|PBO|ABN|ACN|CIC|CRN|Reg\.?|Registered|Charity|Company)\b[^()]{0,30}\)$", "", segment, flags=re.IGNORECASE)
    return re.sub(r"\s*\([A-Z][A-Za-z&]{1,7}\)$", "", segment)


def _named_elsewhere(name: str, text: str) -> bool:
    """The name's first word appears again in the posting (the header line is one occurrence);
    the whole name when that word is "The". Not after "in" or "near": "held in Arequipa" names a
    town no list knows, not the employer."""
    first = name if name.startswith("The ") else name.split()[0]
    return len(re.findall(rf"(?<![\w-])(?<!\bin )(?<!\bnear ){re.escape(first)}(?![\w-])", text)) >= 2


def _company_and_place(segment: str) -> tuple[str, str] | None:
    """"Oakfield Academy, Leeds": a name and the known place it is in; "The Harbourline Hotel,
    Kilcarrig, Co. Kerry, Ireland", "Kestrel Vale Hospital, Ashby Fold, Leeds LS17": an
    organisation's name and the place that ends in a country, region or known city."""
    name, comma, place = segment.rpartition(", ")
    if comma and _name_like(name) and _CITY_RE.fullmatch(place.strip()):
        return name, place.strip()
    name, comma, place = segment.partition(", ")
    if not comma or not _name_like(name) or not (name.startswith("The ") or _ORG_WORD.search(name)):
        return None
    place = _OUTWARD_CODE.sub("", place.strip())
    last = place.rpartition(", ")[2]
    if _REGION_END.match(last) or _CITY_RE.fullmatch(last):
        return name, place
    return None


_STREET_AFTER = re.compile(r",\s*(?:ul\.|ulica|al\.|aleja|calle|c/|avda\.|rue|via|viale|str\.)\s", re.IGNORECASE)
_TOWN = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}(?: \([^()]{1,30}\))?")
_PLACE_LABEL = re.compile(r"^[A-Za-z][\w ]{1,25}:\s*(.+)$")  # "Home terminal: Joplin, MO"


def _header_places(segment: str) -> list[str]:
    """Places a header segment gives: "Austin, TX", "Remote", "Acme, Leeds", "Base: Joplin, MO"."""
    policy = re.search(r"\s*\(([^()]*)\)$", segment)
    if policy and _OFFICE.search(policy.group(1)) and not _CITY_RE.search(policy.group(1)):
        segment = segment[: policy.start()]  # "Berlin-Kreuzberg, Germany (hybrid)": the policy is no place
    if len(segment) > 60:
        address = _address_place(segment) if len(segment) <= 100 else None
        return [address] if address else []
    # "Komorniki (pow. poznański), ul. Polna 12": a town, its district in brackets, then its street
    street = _STREET_AFTER.search(segment)
    if street and _TOWN.fullmatch(segment[: street.start()]):
        return [segment[: street.start()]]
    paired = _company_and_place(segment)
    if paired:
        return [paired[1]]
    labelled = _PLACE_LABEL.match(segment)
    if labelled and not _LOCATION_LABEL.match(segment):
        segment = labelled.group(1).strip()
    segment = re.sub(r"^(?:based|located)\s+(?:out\s+of|in|at)\s+", "", segment, flags=re.IGNORECASE)  # "Based out of Marlow Springs, Ohio"
    if _CITY_RE.match(segment) or _CITY_REGION.match(segment):
        return _places(segment)
    # "Parramatta, Sydney NSW": a suburb before a known city; "Wick, Caithness, Scotland": a town
    # and its county before a region or country
    parts = [p.strip() for p in segment.split(",")]
    if (len(parts) >= 2 and all(p and _NAME_WORD.match(p.split()[0]) and len(p.split()) <= 3 for p in parts)
            and (any(_CITY_RE.match(p) for p in parts[1:]) or len(parts) <= 4 and re.fullmatch(rf"[A-Z]{{2}}|{_COUNTRIES}|[A-Z][\w'’-]+ County|Co\. [A-Z][\w'’-]+", parts[-1]))):
        return [segment]
    address = _address_place(segment)
    return [address] if address else []


# A postcode or ZIP ending an address: UK "TF3 9XQ", Irish "D02 X285", Canadian "K1A 0B1", US "89431"
_POSTCODE = re.compile(r",?\s*(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d{2}\s?[A-Z\d]{4}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{5}(?:-\d{4})?)$")
_STREETISH = re.compile(
    r"\b(?:street|st|road|rd|way|avenue|ave|lane|ln|drive|dr|close|park|estate|unit|floor|suite|building|house|"
    r"square|place|court|quay|boulevard|blvd|highway|hwy|centre|center)\.?$",
    re.IGNORECASE,
)


def _address_place(segment: str) -> str | None:
    """The town of a header address: "Camden Street, Dublin 2" -> "Camden Street, Dublin 2" (a
    known city ends it); "Unit 7, Wrekin Way Business Park, Telford, Shropshire, TF3 9XQ" ->
    "Telford, Shropshire" (the parts between the street and the postcode)."""
    parts = [p.strip() for p in segment.split(",")]
    if len(parts) < 2 or not all(p and p[0].isupper() or p[:1].isdigit() for p in parts):
        return None
    if _CITY_RE.fullmatch(re.sub(r"\s+\d{1,2}$", "", parts[-1])) and _STREETISH.search(parts[-2]):
        return segment  # the city ends it, with its postal district ("Dublin 2")
    rest = _POSTCODE.sub("", segment)
    if rest == segment:
        return None
    town: list[str] = []
    for part in reversed([p.strip() for p in rest.split(",") if p.strip()]):
        if re.search(r"\d", part) or _STREETISH.search(part) or not _NAME_WORD.match(part.split()[0]):
            break
        town.insert(0, part)
    return ", ".join(town[-2:]) or None


_TITLE_LABEL = re.compile(r"^\W*(?:job\s+title|role|position|vacancy|job)\s*:\s*(\S.{2,120})$", re.IGNORECASE)




def extract_title(text: str, company: str | None = None) -> str | None:
    title = _title(text, company)
    return _HIRING_PREFIX.sub("", title) or title if title else title


def _title(text: str, company: str | None = None) -> str | None:
    """The first line, or a markdown title under a page's metadata lines; the line after it when
    that is only the company's name ("Hooli" / role); a labelled one ("Role: Senior Backend
    Engineer") in a header block that starts with a label ("Company: Kopifin")."""
    raw = [line.strip() for line in text.split("\n") if line.strip()]
    if raw and (_LABEL_VALUE.match(_EMPHASIS.sub("", raw[0])) or (_name_like(raw[0]) and not _ROLE_WORDS.search(raw[0]))):
        for line in raw[:25]:  # (below a page's menu written one entry a line)
            m = _TITLE_LABEL.match(_EMPHASIS.sub("", line))
            if m:
                return m.group(1).strip()[:150]
    at = _title_at(raw)
    lines = [_EMPHASIS.sub("", line.lstrip("#")).strip() for line in raw[at:]]
    lines = [line for line in lines if line]
    if not lines:
        return None
    if company and lines[0] == company and len(lines) > 1:
        return lines[1][:150]
    return lines[0][:150]


# "Unit: Faculty of Engineering – Graduate Studies Office": a part of the employer, not the employer
_UNIT_LABEL = re.compile(r"^\W*(?:unit|department|dept|faculty|team|division|directorate|section|school|reports?\s+to)\s*:", re.IGNORECASE)


def _title_beside_company(title: str | None) -> tuple[str, str] | None:
    """"Fernbrook Veterinary Practice — Registered Veterinary Nurse", "Senior QA Engineer —
    Tessellate Labs": a title line that is the role and an organisation's name ("Practice",
    "Labs"), split; "Registered Nurse – Acute Medical Unit" stays whole (a unit is no employer)."""
    parts = re.split(r"\s+[—–|-]\s+", title or "")
    if len(parts) != 2:
        return None
    for name, role in (parts, parts[::-1]):
        if _name_like(name) and _ORG_WORD.search(name) and not _ROLE_WORDS.search(name) and _ROLE_WORDS.search(role):
            return role, name
    return None


def extract_company(text: str, title: str | None) -> str | None:
    name = _company(text, title)
    if name and name.isupper() and len(name) > 4:
        # "UNIVERSITY OF ASHWORTH" on the page's banner is the "University of Ashworth" of its text
        written = [m.group(0) for m in re.finditer(re.escape(name), text, re.IGNORECASE) if not m.group(0).isupper()]
        if not written:  # "NORTHBOUND FREIGHT LINES LTD." written "Northbound Freight Lines" in the text
            short = re.sub(r"[\s,]+(?:LTD|LIMITED|INC|LLC|PLC|CORP|GMBH|CO)\.?$", "", name)
            written = [m.group(0) for m in re.finditer(rf"\b{re.escape(short)}\b", text, re.IGNORECASE)
                       if not m.group(0).isupper()] if short != name else []
        return written[0] if written else name
    return name


def _company(text: str, title: str | None) -> str | None:
    m = _COMPANY_LABEL.search(text)
    if m:
        return m.group(1).strip().rstrip(".,:;!").strip()
    lines = [line.strip().lstrip("#").strip() for line in text.split("\n") if line.strip()]
    header, above = _header_parts(text)
    header = header[:8]
    # A page that puts the company above the role: "Hooli" / "Machine Learning Engineer II".
    raw = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and len(lines) > 1 and _name_like(lines[0]) and (_ROLE_WORDS.search(lines[1]) or _title_at(raw) > 0):
        said = _said_as_subject(lines[0], text)
        if said:
            return said
    # A header line under the title: "Acme Robotics", "Globex Corporation · New York · Full-time".
    # One the posting names again is surest; else the first name-like line right under the title.
    # (the lines under the title first: the employer's "MeridianRx Pharmacy · Columbus, Ohio"
    # over a board's name above it that its text names again, "apply through JobHarbor")
    names = [
        name
        for line in header[above:] + header[:above]
        if not (title and line == title) and not _UNIT_LABEL.match(line)
        for segment in map(_without_acronym, _segments(line))
        for name in [segment if _name_like(segment) else (_company_and_place(segment) or (None,))[0]]
        if name
    ]
    names = [name for name in names if not _DOMAIN.fullmatch(name)]  # "JustitieJobs.be": the board's site
    # the one the text says is something ("Al Noor Home & Living is a UAE retailer") over a
    # category the board put under the title ("Retail · Homewares & Furniture")
    for segment in names if len(names) > 1 else ():
        if _said_as_subject(segment, text):
            return segment
    for segment in names:
        if _named_elsewhere(segment, text):
            return segment
    first_line = [name for name in names if header and any(name in segment for segment in _segments(header[0]))]
    if first_line and (title is None or header[0] != title):
        return first_line[0]
    for pattern in _COMPANY_PATTERNS:
        for m in pattern.finditer(text):
            name = m.group(1).strip().rstrip(".,:;!").strip()
            first = name.split()[0] if name.split() else ""
            if not name or first in _NOT_COMPANY or (title and name in title):
                continue
            if _CITY_RE.fullmatch(name):
                continue
            return name
    # Last resort: a proper noun in the possessive ("Acme's products"), not a degree.
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})['’]s\b", text):
        if m.group(1) not in {"Bachelor", "Master", "Doctor", "Today", "World", "Company", "Team",
                              "What", "Who", "Where", "When", "Why", "How", "That", "There", "Here", "Let"}:
            return m.group(1)
    return None


_DOMAIN = re.compile(r"[\w-]+\.(?:com|net|org|jobs|io|co\.uk|[a-z]{2})", re.IGNORECASE)


def _said_as_subject(name: str, text: str) -> str | None:
    """``name`` as the text writes it where it says what the name is: "About Cedarfield
    University", "Cedarfield University is a ...", a line opening "Cedarfield University is
    committed to ..." ("UNIVERSITY OF ASHWORTH" is the "University of Ashworth" it names)."""
    name = re.escape(name)
    said = re.search(rf"^#*\s*[Aa]bout ({name})\s*$|(?:^|[.!]\s+|\bthe\s+|\bThe\s+)({name}) +(?:is|are|was) +(?:a|an|the|one)\b"
                     rf"|^({name}) +(?:is|are|has|was) +\w+",
                     text, re.MULTILINE | re.IGNORECASE)
    return (said.group(1) or said.group(2) or said.group(3)) if said else None


def _split_top_level(value: str, separator: str) -> list[tuple[int, int]]:
    """Spans of ``value`` between separators that are not inside parentheses, trimmed, non-empty."""
    spans, depth, start = [], 0, 0
    cuts = []
    for m in re.finditer(rf"[()]|{separator}", value):
        if m.group(0) == "(":
            depth += 1
        elif m.group(0) == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            cuts.append((m.start(), m.end()))
    for a, b in cuts:
        spans.append((start, a))
        start = b
    spans.append((start, len(value)))
    out = []
    for a, b in spans:
        piece = value[a:b]
        stripped = piece.strip(" .")
        if stripped:
            a += piece.index(stripped)
            out.append((a, a + len(stripped)))
    return out


def _places(value: str) -> list[str]:
    """Places in a location value, each a literal span: "New York, NY or Boston, MA" -> two,
    "Toronto, ON" -> one, "Remote (US or Canada)" -> one."""
    parts = _split_top_level(value, r"\s*(?:;|\||/|\bor\b|\band\b|\boder\b|\bund\b|\bou\b)\s*")
    if len(parts) > 1 and not all(_CITY_RE.search(value[a:b]) for a, b in parts):
        parts = _split_top_level(value, r"(?!)")  # "Remote – Spain or Portugal" is one place
    places = []
    for a, b in parts:
        merged: list[tuple[int, int]] = []
        for pa, pb in _split_top_level(value[a:b], r"\s*,\s*"):
            piece = value[a + pa : a + pb]
            if merged and not _CITY_RE.search(piece):
                merged[-1] = (merged[-1][0], a + pb)  # "Toronto, ON": the region belongs to the city
            else:
                merged.append((a + pa, a + pb))
        places.extend(value[x:y] for x, y in merged)
    return [p for p in places if p and (p[0].isupper() or _CITY_RE.search(p))][:20]


def _numbered_address(value: str) -> list[str]:
    """The town of an address that starts with its number: "3-5-12 Momochihama, Sawara-ku,
    Fukuoka 814-0001" -> "Sawara-ku, Fukuoka" (the parts after the street, without the postcode)."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) < 2 or not parts[0][:1].isdigit():
        return []
    town = re.sub(r"\s+\d[\d-]{2,}$", "", ", ".join(parts[1:]))
    return _places(town)


def extract_locations(text: str, company: str | None = None) -> tuple[str, ...]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines:
        m = _LOCATION_LABEL.match(line)
        if m:
            # "Location: Sparks, NV (on-site) | Pay: ...": the place ends at the next field
            value = SEGMENT_SEPARATOR.split(m.group(1), maxsplit=1)[0]
            # "Bengaluru (HSR Layout), Karnataka — Hybrid": the policy after a dash is no place
            value = re.sub(r"\s+[–—-]\s+(?:fully\s+)?(?:hybrid|remote|on-?site|in[- ]office)\b.*$", "", value, flags=re.IGNORECASE)
            inner = re.search(r"\(([^)]+)\)", value)
            outer = value.replace(inner.group(0), "") if inner else value
            if inner and _CITY_RE.search(inner.group(1)) and not _CITY_RE.search(outer):
                value = inner.group(1)
            elif inner and _OFFICE.search(inner.group(1)):
                # "(on-site)", "(hybrid, 3 days/week in office)": the policy, not a place
                value = value.replace(inner.group(0), "").strip()
            places = _places(value) or _numbered_address(value)
            if places:
                return tuple(dict.fromkeys(places))
    found: list[str] = []
    header = _header_lines(text)
    for line in header:  # "London", "Berlin, Germany", "Acme · Austin, TX · Full-time"
        for segment in _segments(line):
            found.extend(_header_places(segment))
    # "Fondazione Palazzo Bellandi · Lucca (LU) · Tempo determinato": a town no list knows, where
    # the header puts the place, right after the employer
    after_company = None if found else next((segments[1] for segments in map(_segments, header) if company and len(segments) >= 2
                                             and segments[0] == company and _place_like(segments[1])), None)
    if not found:
        for m in re.finditer(r"\b(?:based in|located in|in (?:the|our))\s+([^.\n]{2,80})", text):
            found.extend(c.group(1) for c in _CITY_RE.finditer(m.group(1)))
    if not found:
        # "Our scientists work out of the Pallarenda field station on the northern edge of
        # Townsville, Queensland": a town and its region in a sentence about where the work is
        for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
            if _WORKPLACE_SENTENCE.search(sentence):
                place = _TOWN_AND_REGION.search(sentence) or _CITY_RE.search(sentence)
                if place and place.group(0) != "Remote":
                    found = [place.group(0)]
                    break
    if not found and not after_company:
        # "Klinikum St. Korbinian München": a city the lists know, said only in the employer's name
        for line in header:
            found = [c.group(1) for c in _CITY_RE.finditer(line) if c.group(1) != "Remote"]
            if found:
                break
    if after_company and (not found or any(place in after_company for place in found)):
        # (which the text's place is part of: "Koodarrie Iron Ore Operation, Pilbara WA (FIFO ex-Perth)")
        return (after_company,)
    return tuple(dict.fromkeys(found))


def _place_like(segment: str) -> bool:
    """Could be a place on a header line: a few capitalised words, a region or a note in
    brackets ("Pinhão, Alijó (Douro Valley)", "Lucca (LU)"); no type, pay, date or label."""
    bare = re.sub(r"\s*\([^()]{1,30}\)", "", segment)
    words = bare.replace(",", " ").split()
    return (1 <= len(words) <= 6 and all(_NAME_WORD.match(w) or w in {"-", "/"} for w in words) and not re.search(r"[\d:;@$€£]", bare)
            and not _employment_in(segment) and not _OFFICE.search(segment) and not _ROLE_WORDS.search(segment))


_WORKPLACE_SENTENCE = re.compile(r"\b(?:work|based|located|office|station|site|campus|clinic|farm|branch|depot|plant|headquarter|gym|club|studio)\w*\b",
                                 re.IGNORECASE)
_TOWN_AND_REGION = re.compile(rf"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,2}}, (?:{_COUNTRIES})\b(?!\w)")


def _employment_in(scope: str) -> str | None:
    hits = [(m.start(), name) for name, pattern in _EMPLOYMENT for m in [re.search(pattern, scope, re.IGNORECASE)] if m]
    return min(hits)[1] if hits else None


def extract_employment_type(text: str, title: str | None, company: str | None = None) -> str | None:
    if company:  # "Contract Cleaning Services Ltd" is no contract
        text = text.replace(company, " ")
    if title:
        for name, pattern in _EMPLOYMENT:
            if re.search(pattern, title, re.IGNORECASE):
                return name
    # "Employment type: Full-time", "Contract: Permanent, full-time"; a label that says the hours
    # ("Working pattern: Part-time") over one that only says "Permanent"
    labelled = [m.group(1) for line in text.split("\n") for m in [_EMPLOYMENT_LABEL.match(line.strip())] if m and _employment_in(m.group(1))]
    if labelled:
        said = [v for v in labelled if not re.fullmatch(r"\W*permanent\W*", v, re.IGNORECASE)]
        return _employment_in((said or labelled)[0])
    head = "\n".join(text.split("\n")[:15])
    for scope in (head, text):
        found = _employment_in(scope)
        if found:
            return found
    return None


def extract_duration(text: str) -> str | None:
    for sentence in _sentences(text):
        if re.search(rf"intern|contract|duration|fixed[- ]term|assignment|program|placement|temporary{_NOT_OF_JOB}|befristet|laufzeit", sentence, re.IGNORECASE):
            for m in _DURATION.finditer(sentence):
                before, after = sentence[: m.start()], sentence[m.end() :]
                # "0–2 years of experience", "3 years' experience": experience, not how long the job lasts
                # ("0–2 years" is a range; "Specified Purpose Contract – 11 months" is not)
                if re.search(r"(?:\d\s?[–—-]|\bto)\s*$", before) or re.match(r"['’]?\+?\s*(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:experience|erfahrung)", after, re.IGNORECASE):
                    continue
                return f"{m.group(1)} {m.group(2).lower()}s"
    return None


# "... to bewerbung@hofmeier.example, quoting Kennziffer (reference) PRD-SL-19."
_QUOTING_REF = re.compile(r"\bquot(?:e|ing)\s+(?:the\s+|our\s+)?(?:job\s+)?(?:ref(?:erence)?|kennziffer|job\s+id|code)(?:\s+(?:number|no\.?))?"
                          r"(?:\s*\([^()]{1,20}\))?\s*:?\s*\**([A-Z0-9][A-Za-z0-9\-_/]*\d[A-Za-z0-9\-_/]*)", re.IGNORECASE)


def extract_requisition_id(text: str) -> str | None:
    quoted = _QUOTING_REF.search(text)
    for line in text.split("\n"):
        line = line.strip()
        for segment in [line, *(_segments(line) if _SEGMENT_SEP.search(line) else [])]:
            m = _REQ_LABEL.match(segment)
            if m and re.search(r"\d", m.group(1)):
                return m.group(1)
            if _REQ_BARE.match(segment):
                return segment
    return quoted.group(1).rstrip(".,;") if quoted else None


_OFFICE_STRONG = re.compile(
    rf"\b(?:{_REMOTE}|hybrid\w*|{_ON_SITE}|days (?:per|a|each) week|office attendance|work[- ]from[- ]home|homeoffice)\b",
    re.IGNORECASE,
)
# "3 days a week in the office", "2 Tage pro Woche"; not "a 4-day week", which is how long the week is
_DAYS_A_WEEK = re.compile(
    r"\b(?:\d|one|two|three|four|five)\+?[- ]?(?:days?|tage?)[- ](?:per|a|each|every|pro|in the)[- ](?:week|woche)\b",
    re.IGNORECASE,
)
# "in the office on Tuesdays and Thursdays": the days named
_WEEKDAYS = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri)days?\b")
_BARE_POLICY = re.compile(r"(?:fully |100% )?(?:remote|hybrid|on[- ]?site)", re.IGNORECASE)
# How to apply or interview is no statement of where the work is ("apply in person")
_APPLYING = re.compile(r"\b(?:apply|applying|application|interviews?|CV|résumé|resume)\b", re.IGNORECASE)
_WORKPLACE = re.compile(rf"\b(?:{_REMOTE}|hybrid\w*|on[- ]?site|office|in[- ]person|büro|homeoffice)\b", re.IGNORECASE)


def extract_office_policy(text: str) -> str | None:
    """The sentence that states where the work happens: a days-per-week rule first, then
    remote / hybrid / on-site, then any mention of the office."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = lines[_title_at(lines)] if lines else ""
    # the title and headings name the role; "(Remote, 4-day week)" is said again in the text
    sentences = [s for s in _sentences(text) if s != title and not s.startswith("#") and not _APPLYING.search(s)]
    # a header line's bare word ("Tidewire · Remote") only where no sentence says it: "Fully
    # remote, but you must live in the EU or the UK" says more ("Remote (United States)" is kept)
    # ("Berlin, Germany (hybrid)" too)
    bare = {line for line in _header_lines(text) if any(
        _BARE_POLICY.fullmatch(seg.strip()) or re.search(rf"\(\s*{_BARE_POLICY.pattern}\s*\)$", seg.strip(), re.IGNORECASE)
        for seg in SEGMENT_SEPARATOR.split(line))}
    sentences = [s for s in sentences if _EMPHASIS.sub("", s) not in bare] + [s for s in sentences if _EMPHASIS.sub("", s) in bare]
    tiers = (
        lambda s: bool((_DAYS_A_WEEK.search(s) or _WEEKDAYS.search(s)) and _WORKPLACE.search(s)),
        lambda s: bool(_OFFICE_STRONG.search(s)),
        lambda s: bool(_OFFICE.search(s)),
    )
    for matches in tiers:
        for sentence in sentences:
            if matches(sentence):
                # "Location: Singapore (hybrid, 3 days/week in office)": the label heads a section of
                # its own, so the passages hold the line without it
                label = _inline_heading(sentence)
                return (sentence.split(":", 1)[1].strip() if label else sentence)[:240]
    return None


# Where a bare "$" is not the US dollar: a posting placed only in Canada or Australia.
_DOLLAR_COUNTRIES = (
    ("CAD", re.compile(r"\b(?:Canada|Toronto|Vancouver|Montr[eé]al|Ottawa|Calgary|Edmonton|Winnipeg|Halifax|Qu[eé]bec|"
                       r"Ontario|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia)\b|, (?:ON|BC|QC|AB|MB|SK|NS|NB|NL|PE)\b")),
    ("AUD", re.compile(r"\b(?:Australia|Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Hobart|Queensland|Victoria|"
                       r"New South Wales|Tasmania)\b|, (?:NSW|VIC|QLD|TAS|ACT)\b")),
    ("NZD", re.compile(r"\b(?:New Zealand|Aotearoa|Auckland|Wellington|Christchurch|Hamilton, NZ|Dunedin|Tauranga)\b")),
    ("SGD", re.compile(r"\bSingapore\b")),
)


# Countries and regions a question may ask for ("Which jobs are in Europe?", "... in the UK?"):
# the places that put a posting there, and the currencies that do when its place is a town no
# list knows ("Telford, Shropshire" paid in GBP).
_UK = r"London|Manchester|Edinburgh|Glasgow|Bristol|Cambridge|Oxford|Leeds|Birmingham|Belfast|United Kingdom|UK|England|Scotland|Wales|Britain"
_IRELAND = r"Dublin|Cork|Galway|Limerick|Ireland"
_EU = (r"Paris|Lyon|Berlin|Munich|München|Hamburg|Frankfurt|Cologne|Köln|Stuttgart|Düsseldorf|Amsterdam|Rotterdam|Brussels|"
       r"Vienna|Wien|Prague|Warsaw|Krakow|Kraków|Budapest|Bucharest|Madrid|Barcelona|Lisbon|Porto|Milan|Rome|Stockholm|"
       r"Copenhagen|Helsinki|Tallinn|Riga|Vilnius|Athens|Germany|Deutschland|France|Spain|Portugal|Italy|Netherlands|Belgium|"
       r"Austria|Poland|Sweden|Denmark|Finland|Greece|Czechia|Hungary|Romania|Estonia|Latvia|Lithuania|EU|European Union")
_OTHER_EUROPE = r"Zurich|Zürich|Geneva|Switzerland|Oslo|Norway|Europe"
_CANADA = (
    r"Canada|Toronto|Vancouver|Montr[eé]al|Ottawa|Calgary|Edmonton|Winnipeg|Halifax|Qu[eé]bec|Ontario|British Columbia|Alberta|"
    r"Manitoba|Saskatchewan|Nova Scotia")
_AUSTRALIA = r"Australia|Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra|Hobart|Queensland|New South Wales|Tasmania"
_US = (r"United States|USA|U\.S\.A?\.?|US|New York|San Francisco|Los Angeles|Seattle|Austin|Boston|Chicago|Denver|Atlanta|Miami|"
       r"Dallas|Houston|Phoenix|Portland|San Diego|Philadelphia|Washington|Pittsburgh|Minneapolis|Detroit|Nashville")
_US_STATE = r", (?!ON|BC|QC|AB|MB|SK|NS|NB|NL|PE|NSW|VIC|QLD|TAS|ACT|UK)[A-Z]{2}\b"
_AFRICA = (r"Africa|South Africa|Kenya|Nairobi|Mombasa|Nakuru|Kisumu|Eldoret|Nigeria|Lagos|Abuja|Johannesburg|Joburg|Cape Town|"
           r"Durban|Pretoria|Gauteng|Western Cape|KwaZulu-Natal|Ghana|Accra|Egypt|Cairo|Morocco|Casablanca|Uganda|Kampala|"
           r"Tanzania|Dar es Salaam|Rwanda|Kigali|Ethiopia|Addis Ababa")
_LATIN_AMERICA = (r"Americas|Latin America|Mexico|México|Monterrey|Guadalajara|Mexico City|Ciudad de México|Brazil|S[ãa]o Paulo|Rio de Janeiro|"
                  r"Argentina|Buenos Aires|Chile|Santiago|Colombia|Bogot[áa]|Medell[íi]n|Peru|Lima")
_MIDDLE_EAST = r"Middle East|UAE|United Arab Emirates|Dubai|Abu Dhabi|Sharjah|Qatar|Doha|Saudi Arabia|Riyadh|Jeddah|Kuwait|Bahrain|Manama|Oman|Muscat"
_ASIA = (r"Asia|India|Bangalore|Bengaluru|Mumbai|Delhi|New Delhi|Hyderabad|Pune|Chennai|Gurgaon|Gurugram|Noida|Kolkata|Ahmedabad|"
         r"Karnataka|Maharashtra|Singapore|Philippines|Manila|Cebu|Makati|Davao|Malaysia|Kuala Lumpur|Indonesia|Jakarta|Japan|"
         r"Tokyo|Osaka|China|Shanghai|Beijing|Shenzhen|Hong Kong|Vietnam|Hanoi|Thailand|Bangkok|Korea|Seoul|Taiwan|Taipei|"
         r"Pakistan|Karachi|Lahore|Bangladesh|Dhaka|Sri Lanka|Colombo")
_REGIONS: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {
    "uk": (re.compile(rf"\b(?:{_UK})\b"), frozenset({"GBP"})),
    "ireland": (re.compile(rf"\b(?:{_IRELAND})\b"), frozenset()),  # the euro is not Ireland's alone
    "eu": (re.compile(rf"\b(?:{_IRELAND}|{_EU})\b"), frozenset({"EUR", "SEK", "DKK", "PLN"})),
    "europe": (re.compile(rf"\b(?:{_UK}|{_IRELAND}|{_EU}|{_OTHER_EUROPE})\b"),
               frozenset({"GBP", "EUR", "CHF", "SEK", "NOK", "DKK", "PLN"})),
    "canada": (re.compile(rf"\b(?:{_CANADA})\b|, (?:ON|BC|QC|AB|MB|SK|NS|NB|NL|PE)\b"), frozenset({"CAD"})),
    "australia": (re.compile(rf"\b(?:{_AUSTRALIA})\b|, (?:NSW|VIC|QLD|TAS|ACT)\b"), frozenset({"AUD"})),
    "us": (re.compile(rf"\b(?:{_US})\b|{_US_STATE}"), frozenset({"USD"})),
    "africa": (re.compile(rf"\b(?:{_AFRICA})\b"), frozenset({"ZAR", "KES", "NGN"})),
    "middle east": (re.compile(rf"\b(?:{_MIDDLE_EAST})\b"), frozenset({"AED", "SAR", "QAR"})),
    "asia": (re.compile(rf"\b(?:{_ASIA})\b"), frozenset({"INR", "SGD", "PHP", "JPY", "HKD"})),
    "americas": (re.compile(rf"\b(?:{_US}|{_CANADA}|{_LATIN_AMERICA})\b|{_US_STATE}|, (?:ON|BC|QC|AB|MB|SK|NS|NB|NL|PE)\b"),
                 frozenset({"USD", "CAD", "MXN", "BRL"})),
}
_REGION_ASKED = re.compile(
    r"\b(?:in|within|across|from|inside|outside)\s+(?:the\s+)?(?P<name>europe|(?-i:EU)|the eu|uk|united kingdom|great britain|britain|england|"
    r"ireland|canada|(?-i:US|USA)|u\.s\.a?\.?|united states|the americas|americas|latin america|america|australia|africa|asia|the middle east|middle east)\b",
    re.IGNORECASE,
)
_REGION_KEYS = {"united kingdom": "uk", "great britain": "uk", "britain": "uk", "england": "uk", "the eu": "eu",
                "usa": "us", "u.s.": "us", "u.s.a.": "us", "united states": "us", "america": "us", "the middle east": "middle east",
                "the americas": "americas", "latin america": "americas"}


def region_asked(question: str) -> tuple[str, tuple[int, int]] | None:
    """(the region a question asks postings to be in, where it says it): "in Europe" -> europe."""
    m = _REGION_ASKED.search(question)
    if m is None:
        return None
    name = m.group("name").lower()
    return _REGION_KEYS.get(name, name), m.span("name")


def in_region(region: str, locations: tuple[str, ...], currency: str | None) -> bool:
    """A posting's places put it in ``region``; a posting whose places no region knows (a town,
    "Remote") is there when it pays in the region's currency."""
    pattern, currencies = _REGIONS[region]
    places = [p for p in locations if p != "Remote"]
    if any(pattern.search(p) for p in places):
        return True
    known = any(rx.search(p) for rx, _ in _REGIONS.values() for p in places)
    return not known and currency in currencies


def _local_dollar(salary: Salary | None, locations: tuple[str, ...]) -> Salary | None:
    """A bare "$" is the dollar of the country every place of the posting is in: "$75,000 to
    $88,000 per year" in Ottawa is CAD. "USD" or "US$" written, or any US or remote place, keeps USD."""
    places = [p for p in locations if p != "Remote"]
    if not salary or salary.currency != "USD" or not places or _currency(salary.text)[1]:
        return salary
    if any(re.search(r"\b(?:US|USA|U\.S\.|United States|America)\b", p) for p in places):
        return salary  # "Remote (US or Canada)"
    for code, pattern in _DOLLAR_COUNTRIES:
        if all(pattern.search(p) for p in places):
            return dataclasses.replace(salary, currency=code)
    return salary


# The first clause of a summary's first line, a role's name when it is a few words: "School bus
# driver, Trois-Rivières." ("in/at Saint-Jérôme" is where, not what)
_SUMMARY_ROLE = re.compile(r"([^\W\d_][^\W\d_' /-]*(?:[ /-]+[^\W\d_][^\W\d_'-]*){0,5}?)(?:\s+(?:in|at|for|with|based)\s+[^,.;:]*)?\s*[,.;:(–—]")


_SENTENCE_WORDS = frozenset("we you our your are is be will join the a an this that it nous vous notre votre est".split())


def extract_title_translated(text: str) -> str | None:
    """The role's name in the language a heading announces ("ENGLISH SUMMARY" above "School bus
    driver, Trois-Rivières. Seasonal ..."): how a user asking in that language names a role
    whose title is in the posting's own."""
    lines = [line.strip() for line in text.split("\n")]
    for n, line in enumerate(lines[:-1]):
        if line and len(line) <= 40 and announced_language(line):
            role = _SUMMARY_ROLE.match(lines[n + 1])
            # (a sentence is no name: "We are looking for ...")
            return role.group(1) if role and not _SENTENCE_WORDS & set(role.group(1).lower().split()) else None
    return None


def extract_fields(text: str, posting_id: str, source: str) -> PostingFields:
    """All structured fields of a cleaned posting."""
    sections = parse_sections(text)
    company = extract_company(text, extract_title(text))
    title = extract_title(text, company)
    split = _title_beside_company(title)
    if split and (company is None or company == split[1]):
        title, company = split
    locations = extract_locations(text, company)
    if split and company and company != split[1] and any(company in place for place in locations):
        title, company = split  # "Fukuoka's Momochi district" named a place, not the employer of "Teacher - Hakata Bay ... School"
    if company and company in locations and len(locations) > 1:
        # "Location: Ashgrove Academy, Leeds, West Yorkshire": the employer is no place
        locations = tuple(place for place in locations if place != company)
    return PostingFields(
        posting_id=posting_id,
        source=source,
        title=title,
        company=company,
        locations=locations,
        salary=_local_dollar(extract_salary(text, sections), locations),
        employment_type=extract_employment_type(text, title, company),
        duration=extract_duration(text),
        requisition_id=extract_requisition_id(text),
        office_policy=extract_office_policy(text),
        sections=tuple(sections),
        title_translated=extract_title_translated(text),
    )
