"""Structured fields and sections read from a cleaned posting. Pure functions, general rules.

Each field is ``None`` (or empty) where the posting does not say; a field is only filled from a
span of the text, so an answer built from it can cite the passage it came from.
"""

from __future__ import annotations

import re

from .types import PostingFields, Salary, Section

SUMMARY = "Summary"  # the name of the part before the first heading

_HEADING_WORDS = re.compile(
    r"\b(?:about|what|who|why|how|responsibilit\w*|requirements?|qualifications?|benefits?|perks?|"
    r"skills?|abilities|knowledge|role|team|company|description|overview|culture|compensation|salary|"
    r"pay|location|nice|preferred|minimum|basic|desired|duties|offer|expect|tl;dr|summary|details|"
    r"day|bring|need|looking|impact|mission|opportunity|position|job|you|your|us|our|apply|process|"
    r"policy|equal|eeo|schedule|hours|education|experience|profil|aufgaben|anforderungen|wir|dich|ihr|bieten|"
    r"requisitos|responsabilidades|ofrecemos|missions?|profil)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦–]|\d{1,2}[.)])\s+")


def _is_heading(line: str, next_line: str | None) -> bool:
    if line.startswith("#"):
        return True
    if next_line is None or _BULLET.match(line) or len(line) > 60:
        return False
    body = line.rstrip(":").strip()
    if not body or re.search(r"[.;,!?]$|\d", body) or len(body.split()) > 7:
        return False
    if not (body[0].isupper() or not body[0].isalpha()):
        return False
    return line.endswith(":") or bool(_HEADING_WORDS.search(body.replace("’", "'")))


_INLINE_HEADING = re.compile(r"^([^:\n]{2,45}):\s+(\S.{15,})$")


def _inline_heading(line: str) -> str | None:
    """``Benefits: we offer ...`` -> ``Benefits``: a label leading a paragraph on its own line."""
    m = _INLINE_HEADING.match(line)
    if not m or _BULLET.match(line):
        return None
    label = m.group(1).strip()
    if re.search(r"\d", label) or len(label.split()) > 5:
        return None
    return label if _HEADING_WORDS.search(label.replace("’", "'")) else None


def parse_sections(text: str) -> list[Section]:
    """Split the text at headings. The first line (the title) never counts as a heading."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    # (offset where the section starts, heading, offset where its body starts)
    heads: list[tuple[int, str, int]] = [(0, SUMMARY, 0)]
    for n, i in enumerate(nonempty):
        line = lines[i].strip()
        nxt = lines[nonempty[n + 1]].strip() if n + 1 < len(nonempty) else None
        if n == 0 and not line.startswith("## "):
            continue
        if _is_heading(line, nxt):
            body = offsets[i + 1] if i + 1 < len(lines) else len(text)
            heads.append((offsets[i], line.lstrip("#").strip().rstrip(":").strip(), body))
            continue
        label = _inline_heading(line)
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
_CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR", "¥": "JPY"}
_CUR = r"(?:US\$|CA\$|C\$|A\$|[$£€₹¥]|USD|GBP|EUR|CAD|AUD|INR|CHF|SEK|NOK|DKK|JPY|PLN)"
_NUM = r"\d{1,3}(?:[,.\u202f ]\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_AMOUNT = rf"(?:{_CUR}\s?)?(?:{_NUM})\s?(?:[kKmM]\b)?(?:\s?{_CUR})?"
_RANGE = re.compile(
    rf"(?P<a>{_AMOUNT})(?:\s*(?:–|—|-|to|bis|a)\s*(?P<b>{_AMOUNT}))?"
    r"(?P<tail>[^\n.;]{0,40})",
    re.IGNORECASE,
)
_PERIODS = (
    ("hour", r"\b(?:per|an|a|/)\s*(?:hour|hr)\b|\bhourly\b|/h\b|\bpro stunde\b"),
    ("day", r"\b(?:per|a|/)\s*day\b|\bdaily rate\b"),
    ("week", r"\b(?:per|a|/)\s*week\b|\bweekly\b"),
    ("month", r"\b(?:per|a|/)\s*(?:month|mo)\b|\bmonthly\b|\bpro monat\b"),
    ("year", r"\b(?:per|a|/)\s*(?:year|yr|annum)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.?a\.?\b|\bpro jahr\b|\bbrutto\b"),
)
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|compensation|wage|rate|base|ote|stipend|gehalt|vergütung|salario|salaire|remuneration)\b",
    re.IGNORECASE,
)


def _amount_value(text: str) -> tuple[float | None, str | None, bool]:
    currency = None
    for code in ("US$", "CA$", "C$", "A$", "USD", "GBP", "EUR", "CAD", "AUD", "INR", "CHF", "SEK", "NOK", "DKK", "JPY", "PLN"):
        if code.lower() in text.lower():
            currency = {"US$": "USD", "CA$": "CAD", "C$": "CAD", "A$": "AUD"}.get(code, code)
            break
    if currency is None:
        for symbol, code in _CURRENCY_SYMBOLS.items():
            if symbol in text:
                currency = code
                break
    number = re.search(_NUM, text)
    if not number:
        return None, currency, False
    raw = number.group(0).replace("\u202f", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        raw = re.sub(r"[.,]", "", raw)  # thousands separators, English or European
    else:
        raw = raw.replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        return None, currency, False
    suffix = re.search(r"\d\s?([kKmM])\b", text)
    if suffix:
        value *= 1_000 if suffix.group(1).lower() == "k" else 1_000_000
    return value, currency, bool(suffix)


def extract_salary(text: str, sections: list[Section] | None = None) -> Salary | None:
    """The posting's pay. Labelled lines and pay sections win over amounts met in passing."""
    candidates: list[tuple[int, int, Salary]] = []
    pay_spans = [
        (s.start, s.end) for s in (sections or []) if _PAY_WORDS.search(s.heading)
    ]
    for line_start, line in _lines_with_offsets(text):
        labelled = bool(re.match(rf"^\W*{_PAY_WORDS.pattern}", line, re.IGNORECASE))
        in_pay_section = any(a <= line_start < b for a, b in pay_spans)
        mentions_pay = bool(_PAY_WORDS.search(line))
        for m in _RANGE.finditer(line):
            a_val, a_cur, _ = _amount_value(m.group("a"))
            b_val, b_cur, b_k = _amount_value(m.group("b") or "")
            currency = a_cur or b_cur
            period = next(
                (name for name, pat in _PERIODS if re.search(pat, m.group("tail") + " " + line, re.IGNORECASE)),
                None,
            )
            if a_val is None or (currency is None and not (mentions_pay and period)):
                continue
            if b_val is not None and b_k and a_val < 1000 and not re.search(r"\d\s?[kKmM]\b", m.group("a")):
                a_val *= 1_000  # "120-150k": the k belongs to both ends
            low, high = (a_val, b_val) if b_val is not None else (a_val, a_val)
            if high < low:
                low, high = high, low
            if high < 5 and period is None:
                continue  # a stray small number ("$1"), not pay
            if period is None:
                period = "year" if high >= 10_000 else ("hour" if high <= 300 else None)
            rank = (0 if labelled else 1 if in_pay_section else 2 if mentions_pay else 3) * 2 + (0 if b_val is not None else 1)
            span = m.group(0).strip()
            tail_period = next((re.search(p, m.group("tail"), re.IGNORECASE) for _, p in _PERIODS if re.search(p, m.group("tail"), re.IGNORECASE)), None)
            if tail_period:
                span = (m.group("a") + m.group(0)[len(m.group("a")):m.start("tail") - m.start()] + m.group("tail")[: tail_period.end()]).strip()
            else:
                span = m.group(0)[: m.start("tail") - m.start()].strip()
            candidates.append((rank, line_start + m.start(), Salary(low, high, currency, period, span)))
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
    Santiago|Lima|Moscow|Saint Petersburg|Kyiv|Kiev|Tbilisi|Yerevan|Almaty|Remote""".replace("\n", "").split("|")
)
_CITIES = frozenset(c.strip() for c in _CITIES)
_CITY_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _CITIES), key=len, reverse=True)) + r")\b")
_LOCATION_LABEL = re.compile(r"^\W*(?:locations?|based in|office locations?|where|standort|ubicación|lieu)\s*:\s*(.+)$", re.IGNORECASE)

_EMPLOYMENT = (
    ("internship", r"\bintern(?:ship)?s?\b|\bpraktikum\b|\bwerkstudent"),
    ("contract", r"\bcontract(?:or)?\b|\bfixed[- ]term\b|\bfreelance\b|\bbefristet\b"),
    ("part time", r"\bpart[- ]time\b|\bteilzeit\b"),
    ("temporary", r"\btemporary\b|\bseasonal\b"),
    ("full time", r"\bfull[- ]time\b|\bvollzeit\b|\bpermanent\b"),
)
_DURATION = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|nine|twelve)[- ](week|month|year)s?\b",
    re.IGNORECASE,
)
_REQ_LABEL = re.compile(
    r"^\W*(?:req(?:uisition)?\.?\s*(?:id|#|number|no\.?)?|job\s*(?:id|#|number|ref(?:erence)?)|reference(?:\s*(?:no\.?|number))?|posting\s*id)\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9\-_/]{2,})\s*$",
    re.IGNORECASE,
)
_REQ_BARE = re.compile(r"^(?:R|REQ|JR|JOB|J)[-_]?\d{4,}(?:[-_]\d+)?$")
_OFFICE = re.compile(
    r"\b(?:remote|hybrid|on[- ]?site|in[- ]office|in the office|office attendance|in[- ]person|work from home|"
    r"wfh|days (?:per|a|each) week in|days per week|days a week|homeoffice|home office)\b",
    re.IGNORECASE,
)
_COMPANY_PATTERNS = (
    re.compile(r"^\W*(?:company|employer|organi[sz]ation|hiring company|unternehmen|empresa)\s*:\s*([^\n]{2,60})$", re.IGNORECASE | re.MULTILINE),
    re.compile(r"^#*\s*about\s+(?!the\b|us\b|you\b|this\b|our\b|the role\b)([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})\s*:?$", re.MULTILINE),
    re.compile(r"(?:^|[.!]\s+)([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})\s+(?:is|are)\s+(?:a|an|the)\s+[^.\n]{0,80}?\b(?:company|startup|firm|organi[sz]ation|employer|provider|platform|leader|hospital|retailer|bank|agency|lab|studio|group|manufacturer|network)\b"),
    re.compile(r"\b(?:[Jj]oin|at|At)\s+([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,2}(?:\s+(?:Inc|Ltd|GmbH|LLC|plc|Corp|AG|SE)\.?)?)(?=[!.,;]|\s+(?:as|and|in|on|where|we|to|—|-)\b)"),
    re.compile(r"\b([A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,2}\s+(?:Inc|Ltd|GmbH|LLC|plc|Corp|AG|SE))\b\.?"),
)
_NOT_COMPANY = frozenset({"We", "You", "Our", "The", "This", "It", "They", "Team", "Company", "Us"})


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


def extract_title(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:150]
    return None


def extract_company(text: str, title: str | None) -> str | None:
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
        if m.group(1) not in {"Bachelor", "Master", "Doctor", "Today", "World", "Company", "Team"}:
            return m.group(1)
    return None


def extract_locations(text: str) -> tuple[str, ...]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines:
        m = _LOCATION_LABEL.match(line)
        if m:
            value = m.group(1)
            inner = re.search(r"\(([^)]+)\)", value)
            if inner and _CITY_RE.search(inner.group(1)):
                value = inner.group(1)
            parts = re.split(r",|;|/|\||\bor\b|\band\b|\boder\b|\by\b|\bou\b", value)
            places = [p.strip(" .") for p in parts]
            places = [p for p in places if p and (p[0].isupper() or _CITY_RE.search(p))][:20]
            if places:
                return tuple(dict.fromkeys(places))
    found: list[str] = []
    for line in lines[1:8]:  # a header line right under the title: "London", "Berlin, Germany"
        if len(line) <= 60 and _CITY_RE.match(line):
            found.extend(m.group(1) for m in _CITY_RE.finditer(line))
    if not found:
        for m in re.finditer(r"\b(?:based in|located in|in (?:the|our))\s+([^.\n]{2,80})", text):
            found.extend(c.group(1) for c in _CITY_RE.finditer(m.group(1)))
    return tuple(dict.fromkeys(found))


def extract_employment_type(text: str, title: str | None) -> str | None:
    if title:
        for name, pattern in _EMPLOYMENT:
            if re.search(pattern, title, re.IGNORECASE):
                return name
    head = "\n".join(text.split("\n")[:15])
    for scope in (head, text):
        hits = [(m.start(), name) for name, pattern in _EMPLOYMENT for m in [re.search(pattern, scope, re.IGNORECASE)] if m]
        if hits:
            return min(hits)[1]
    return None


def extract_duration(text: str) -> str | None:
    for sentence in _sentences(text):
        if re.search(r"intern|contract|duration|fixed[- ]term|assignment|program|placement|temporary|befristet|laufzeit", sentence, re.IGNORECASE):
            m = _DURATION.search(sentence)
            if m:
                return f"{m.group(1)} {m.group(2).lower()}s"
    return None


def extract_requisition_id(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip()
        m = _REQ_LABEL.match(line)
        if m and re.search(r"\d", m.group(1)):
            return m.group(1)
        if _REQ_BARE.match(line):
            return line
    return None


_OFFICE_STRONG = re.compile(
    r"\b(?:remote|hybrid|on[- ]?site|days (?:per|a|each) week|office attendance|work from home|homeoffice)\b",
    re.IGNORECASE,
)


def extract_office_policy(text: str) -> str | None:
    """The sentence that states where the work happens: a days-per-week or remote rule first."""
    sentences = _sentences(text)
    for pattern in (_OFFICE_STRONG, _OFFICE):
        for sentence in sentences:
            if pattern.search(sentence):
                return sentence[:240]
    return None


def extract_fields(text: str, posting_id: str, source: str) -> PostingFields:
    """All structured fields of a cleaned posting."""
    sections = parse_sections(text)
    title = extract_title(text)
    return PostingFields(
        posting_id=posting_id,
        source=source,
        title=title,
        company=extract_company(text, title),
        locations=extract_locations(text),
        salary=extract_salary(text, sections),
        employment_type=extract_employment_type(text, title),
        duration=extract_duration(text),
        requisition_id=extract_requisition_id(text),
        office_policy=extract_office_policy(text),
        sections=tuple(sections),
    )
