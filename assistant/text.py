"""Word-level helpers shared by retrieval, the extractive answerer and the citation verifier."""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"[A-Za-z0-9]+(?:[+#][+#]?)?(?![^\W\d_])|[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_K_PLAN = re.compile(r"\b(\d{3})\s?\([kK]\)")  # "401(k)" is the "401k" a question types
# "an in-house team" is no house: one word, which a question saying "in-house" stems alike
_IN_HOUSE = re.compile(r"\bin-house\b", re.IGNORECASE)
_CAPS_LINE = re.compile(r"^(?=[^a-z\n]*[A-Z]{5})[^a-z\n]+$", re.MULTILINE)  # "STAFF HOUSING", "PAY & PERKS"
MARKER = re.compile(r"\s?\[(\d{1,3})\]")

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto about over under than then so toward towards
    is are was were be been being am do does did done have has had having can could will would shall
    should may might must not no nor this that these those it its it's they them their there here what
    which who whom whose when where why how i me my we our us you your he she his her him also any all
    some each both either neither other such own same very just only more most much many lot lots
    please tell give show list describe explain know want like get got need say said says mention
    mentioned mentions state stated states posting postings post job jobs role roles position positions
    opening vacancy listing ad advert kind sort thing things one ones does doing let there's what's
    i'm i'd you're would've anything something whats wheres whos hows whens thats theres im ive
    don doesn didn isn aren wasn weren couldn shouldn wouldn haven hasn hadn without
    myself yourself yourselves ourselves themselves himself herself itself""".split()
)

# Words that frame a question without saying what it is about ("What areas would I contribute
# to", "Does it come with", "How are tips handled?", "When does it kick in?"): they are not
# evidence a sentence must contain.
QUESTION_FILLER = frozenset(
    """take takes place happen happens come comes go goes look looks mean means involve involves
    exist name named mention mentioned mentions list listed say says said require requires required
    requirement need needs needed expect expects expected know apply applying applicant applicants candidate candidates include
    includes including included area areas aspect aspects part parts type types detail details
    information info outside inside within across around during good best offer offers offered
    would could should get gets make makes find work working role differ differs difference different
    compare comparison versus both each either summarize summarise summary overview according tell ask asks asked kind actually really exactly typically usually after total want wants seek seeks seeking
    prior previous often use uses used using rather instead between join joins joining
    handle handles handled kick kicks better sooner specific particular range ranges right written every
    explicitly specifically clearly later earlier longer shorter form forms sort sorts assistance provide provides provided
    extra additional whole entire fewer less higher lower bigger smaller larger greater help possible period periods soon
    deal like gonna wanna gotta stuck folks guys ever allow allows allowed let lets standard normal regular usual
    smth sth stuff foreign earliest soonest latest order sorted maximum minimum max size""".split()
)

SPELLING_EXTRA = frozenset(
    """salary salaries pay compensation location locations remote hybrid office requirements requirement
    experience years benefits internship intern duration weeks months qualifications degree education
    responsibilities team company title contract visa sponsorship relocation bonus equity stock
    vacation holidays insurance interview deadline start date language languages skills framework
    frameworks""".split()
)


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer, installed with llama-index's BM25 retriever

    return Stemmer.Stemmer("english")


# Words Snowball cuts down to another common word of postings: "production(-readiness)" is no
# product and "international" no intern. Their stems start with "=" so that no stem is a prefix
# of them either (``stems_match`` joins "intern" and "internship" by prefix).
_OWN_STEMS = {
    "production": "=production", "productions": "=production", "productive": "=productive",
    "productivity": "=productive", "international": "=international", "internationally": "=international",
    "internal": "=internal", "internally": "=internal",
    "starter": "=starter", "starters": "=starter",  # "new starters" are people, not when a job starts
    "hols": "holiday",  # "how many days hols do u get"
    # "Will they fly me to site?" asks about flights (the stemmer's "fli" is no word of a posting)
    "fly": "flight", "flies": "flight", "flying": "flight", "flew": "flight", "flown": "flight",
    # money, not a question's "allow" ("Does it allow remote work?", which asks about nothing allowed)
    "allowance": "=allowance", "allowances": "=allowance",
}


# British spellings stemmed as the American ones: a "driver's licence" is a "driver's license".
_US_SPELLING = {
    "licence": "license", "licences": "licenses", "programme": "program", "programmes": "programs", "centre": "center",
    "centres": "centers", "organisation": "organization", "organisations": "organizations", "labour": "labor",
    "defence": "defense", "travelling": "traveling", "travelled": "traveled", "enrolment": "enrollment",
}


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = word.lower()
    word = _US_SPELLING.get(word, word)
    return _OWN_STEMS.get(word) or _stemmer().stemWord(word)


@functools.lru_cache(maxsize=1)
def filler_stems() -> frozenset[str]:
    """The stems of QUESTION_FILLER: words a question uses to ask, never what it asks about."""
    return frozenset(stem(w) for w in QUESTION_FILLER)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def words_as_written(text: str) -> list[str]:
    return _WORD.findall(text)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stopwords), in order, repeated as they occur.

    An all-caps word is kept even when its lower case is a stopword: "US" is a country. A line
    in capitals with a word of five letters or more is a heading ("STAFF HOUSING"), its words
    stemmed as any others."""
    out = []
    if _CAPS_LINE.search(text):
        text = _CAPS_LINE.sub(lambda m: m.group(0).lower(), text)
    text = _IN_HOUSE.sub("inhouse", text)
    for raw in _WORD.findall(_K_PLAN.sub(r"\1k", text) if "(" in text else text):
        w = raw.lower()
        if len(raw) >= 3 and raw[-1] == "s" and raw[:-1].isupper():
            raw = w = w[:-1]  # "CVs", "APIs": the plural of the acronym a question writes "CV"
        if w.isdigit() or (len(w) > 1 and (w not in STOPWORDS or (raw.isupper() and len(raw) >= 2))):
            out.append(stem(w) if not raw.isupper() else w)
    return out


def numbers(text: str) -> set[str]:
    """Numbers as digits only ("235,000" -> "235000"), so formatting differences do not matter."""
    out = set()
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"[,.](?=\d{3}\b)", "", m.group(0)).replace(",", "")
        out.add(digits.rstrip("."))
    return out


# Short forms a question types for a title's word: "the maths teacher" of "Teacher of Mathematics"
_SHORT_FOR = {"math": "mathemat", "admin": "administr", "mgr": "manag", "eng": "engin", "dev": "develop", "sr": "senior",
              "jr": "junior", "asst": "assist", "exec": "execut", "acct": "account", "op": "oper"}


def stems_match(a: str, b: str) -> bool:
    """Same stem, or one a prefix of the other when both are long ("intern" ~ "internship"), a
    verb and its Latin noun ("extend" ~ "extens(ion)", "decid(e)" ~ "decis(ion)"), or a short
    form ("maths" ~ "mathematics")."""
    if a == b or _SHORT_FOR.get(a) == b or _SHORT_FOR.get(b) == a:
        return True
    if len(a) == len(b) >= 5 and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"d", "s"}:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long_.startswith(short)


# A posting's layout, not its words: table bars, dot leaders, a bullet opening a quotation
_BAR = re.compile(r"\s*\|\s*")
_DOT_LEADER = re.compile(r"\s*(?:\.{4,}|…{2,})\s*")
_QUOTED_BULLET = re.compile(r"([“\"])\s*[-*•·▪◦–]\s+")
# what may come before a row's opening bar: "The pay for X is | Base rate | $58.50 |", "X: | ..."
_BEFORE_ROW = re.compile(r"(?:[:“\"(]|\b(?:is|are|was|were|says?|reads?))\s*$")
_LABEL_CELL = re.compile(r"^[^\W\d][^\d|.!?]{0,30}$")  # "CTC", "Base rate", "Reports to"


def as_prose(line: str) -> str:
    """A line quoted from a posting as it reads aloud: "| Base rate | $58.50 per hour |" ->
    "Base rate: $58.50 per hour", "Gehalt (salary) ...... €3,650" -> "Gehalt (salary): €3,650",
    "“- Pay: to be agreed”" -> "“Pay: to be agreed”", and so inside a quotation ("X: “Employment
    type | Full-time”"). The words and figures stay as written."""
    line = _QUOTED_BULLET.sub(r"\1", _DOT_LEADER.sub(": ", line))
    # a heading quoted with the line under it: "Période de probation" / "45 jours travaillés."
    line = _joined_lines(line)
    if "|" not in line:
        return line
    line = _QUOTATION.sub(lambda m: f"“{_row_as_prose(m.group(1))}”", line)
    return _row_as_prose(line)


_LINE_END = re.compile(r"([^\n“:]*)\n\s*")  # (what comes after a label or an opening quote)


def _joined_lines(text: str) -> str:
    """A quote's lines as one: a heading's line break reads as a colon, others as a space."""
    heading = lambda before: len(before.strip()) <= 60 and re.search(r"[^\W\d_]$", before) and not re.search(r"[\d:|.!?;,]", before)
    return _LINE_END.sub(lambda m: m.group(1) + (": " if heading(m.group(1)) else " "), text) if "\n" in text else text


_QUOTATION = re.compile(r"“([^“”]*\|[^“”]*)”")


def _row_as_prose(line: str) -> str:
    if "|" not in line:
        return line
    head, _, row = line.partition("|")
    if head.strip() and not _BEFORE_ROW.search(head):
        # No opening bar: a row of a page's table ("CTC | ₹14,00,000 per annum") when a label
        # comes first; a header line ("Zenith Media | London, UK | Internship") stays as written.
        cells = _BAR.split(line)
        if len(cells) != 2 or not _LABEL_CELL.match(cells[0]):
            return line
        head, row = "", line
    parts = [p.strip() for p in _BAR.split(row)]
    tail = parts.pop() if parts and not re.search(r"\w", parts[-1]) else ""  # "”", "."
    cells = [p for p in parts if p]
    if not cells:
        return line
    joined = cells[0] if len(cells) == 1 else f"{cells[0].rstrip(':')}: {', '.join(cells[1:])}"
    head = head.rstrip()
    return head + (" " if head and head[-1] not in "“\"(" else "") + joined + tail


def strip_markers(text: str) -> str:
    return MARKER.sub("", text)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item of ``text``; bullets and lines never merge."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cursor = line_start
        for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])", line):
            # "e.g. Python" or "Inc. is" is not a sentence end
            end = line_start + m.start()
            piece = text[cursor:end]
            if re.search(r"\b(?:e\.g|i\.e|etc|Inc|Ltd|Co|Jr|Sr|Sra|Dr|Mr|Ms|Mrs|Prof|Ing|Lic|vs|St|No"
                         r"|(?i:approx|ca|incl|inkl|bzw|ggf|tel|ext|nr|mind))\.$", piece):
                continue  # (nor "approx. 1 night in 8", "Tel. 089 ...", "mind. 75 %")
            if re.fullmatch(r"\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\.", piece, re.IGNORECASE):
                continue  # "1. Currently studying ...": a numbered item's number, not a sentence
            if piece.endswith("...."):
                continue  # "Søknadsfrist ...... 31.07.2025": dot leaders between a label and its value
            if piece.strip():
                spans.append(_trim(text, cursor, end))
            cursor = line_start + m.end()
        if text[cursor:line_start + len(line)].strip():
            spans.append(_trim(text, cursor, line_start + len(line)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    return start, end


# A language's name as postings in German, French or Spanish write it: "Sehr gute Deutsch- und
# gute Englischkenntnisse" answers "Does the role require German?". Matched in the text, not in
# stems: the stemmer's words split at letters such as "ö".
_LANGUAGE_NAMES = {
    "german": ("deutsch", "allemand", "alemán"),
    "english": ("englisch", "anglais", "inglés"),
    "french": ("französisch", "français", "francés"),
    "spanish": ("spanisch", "espagnol", "español"),
}
_LANGUAGE_IN_TEXT = {
    stem(name): re.compile(rf"\b(?:{'|'.join(alts)})(?:kenntnisse?)?\b", re.IGNORECASE) for name, alts in _LANGUAGE_NAMES.items()
}


# Languages by their English names: "Italian at C1 level", "fluent Portuguese", "isiXhosa".
# Many are also adjectives ("the Danish North Sea", "Japanese health insurance"): a line speaks
# of the language when it also says how it is spoken (LANGUAGE_SPOKEN).
LANGUAGE = re.compile(
    r"\b(?:English|French|German|Spanish|Portuguese|Italian|Dutch|Flemish|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|"
    r"Croatian|Serbian|Slovenian|Greek|Russian|Ukrainian|Turkish|Arabic|Hebrew|Persian|Farsi|Urdu|Hindi|Bengali|Punjabi|"
    r"Gujarati|Marathi|Tamil|Telugu|Kannada|Malayalam|Nepali|Sinhala|Mandarin|Cantonese|Chinese|Japanese|Korean|Thai|"
    r"Vietnamese|Malay|Indonesian|Tagalog|Filipino|Swedish|Norwegian|Danish|Finnish|Icelandic|Estonian|Latvian|Lithuanian|"
    r"Irish|Welsh|Gaelic|Catalan|Basque|Galician|Maltese|Luxembourgish|Swahili|Kiswahili|Amharic|Somali|Yoruba|Hausa|Igbo|"
    r"Afrikaans|(?:isi)?Xhosa|(?:isi)?Zulu|Sesotho|Setswana|M[aā]ori|Samoan|Scandinavian|(?:British|American) Sign Language)\b")


_SPOKEN = (r"\b(?:(?i:fluen\w*|native|speak\w*|spoken|written|writing|read\w*|level|proficien\w*|conversational|basic|advanced|"
           r"intermediate|working knowledge|mother tongue|bilingual|communicat\w*|languages?|skills)|[ABC][12]|JLPT|N[1-5])\b")
LANGUAGE_SPOKEN = re.compile(rf"{LANGUAGE.pattern}[^\n]*?{_SPOKEN}|{_SPOKEN}[^\n]*?{LANGUAGE.pattern}")


def languages_spoken(sentence: str) -> set[str]:
    """The languages a sentence names as spoken (lower case): "fluent Portuguese and
    conversational English" -> {"portuguese", "english"}; none in "Japanese health insurance"."""
    return {m.group(0).lower() for m in LANGUAGE.finditer(sentence)} if LANGUAGE_SPOKEN.search(sentence) else set()


def names_language(term: str, text: str) -> bool:
    """``text`` names the language ``term`` stems from in another language ("Deutsch" for
    "german"), alone or in a German compound ("Englischkenntnisse")."""
    pattern = _LANGUAGE_IN_TEXT.get(term)
    return bool(pattern and pattern.search(text))


_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+)+")


def says_initials(term: str, text: str) -> bool:
    """``text`` spells out the short form ``term`` asks by ("nz": "New Zealand", "hr": "Human
    Resources"): a run of capitalised words whose initials are ``term``."""
    if not (2 <= len(term) <= 4 and term.isalpha()):
        return False
    for run in _CAPITALISED_RUN.finditer(text):
        initials = "".join(w[0] for w in run.group(0).split() if w != "of").lower()
        if term in initials:
            return True
    return False
