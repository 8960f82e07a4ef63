"""Strip job-board chrome from a scraped posting, keeping every line of the role itself.

Pure functions. The rules are general, not keyed on any file: site UI lines ("Apply now",
"Posted 3 days ago", cookie banners), scam warnings, lines in another language or script than
the posting, and repeats of a line already seen (a title echoed in a footer).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import Counter

# One job-board UI phrase; a line made only of such phrases ("Apply now Save job",
# "Posted 2 weeks ago · 87 applicants") is chrome. Boards show their buttons in the reader's
# language, not the posting's, so the common ones are listed in several languages.
_UI_PHRASE = r"""(?:
        posted\s+(?:\d+|a|an|one)\s*(?:minute|hour|day|week|month|min|hr|[mhdw])s?\s+ago
      | (?:posted\s+)?(?:today|yesterday|just\s+now)
      | (?:re)?posted\s+on\s+.{0,20}
      | (?:easy\s+)?apply(?:\s+now|\s+online|\s+for\s+this\s+(?:job|role|position))?
      | report\s+a\s+problem(?:\s+(?:on|with)\s+this\s+page)? | send\s+proposal
      | (?:save|share|report|flag)(?:\s+this)?(?:\s+(?:job|role|posting|listing|advert|ad|vacancy|gig))?
      | (?:e-?mail|send)\s+(?:this\s+(?:job\s+)?)?to\s+a\s+friend
      | sign\s+(?:in|up)\b.{0,60} | log\s+in\b.{0,60}
      | (?:search|browse|find)\s+(?:jobs|vacancies|roles) | create\s+(?:an\s+)?account | my\s+account
      | home\s*(?:>|›|»).{0,80}
      | (?:back\s+to|view\s+all|see\s+all|more|similar)\s+(?:search|jobs?|results|roles).{0,30}
      | show\s+(?:more|less) | see\s+more | read\s+more
      | (?:accept|reject|manage)(?:\s+all)?\s+cookies?.{0,40}
      | we\s+use\s+cookies.{0,200}
      | cookie\s+(?:settings|preferences|policy)
      | \d+\+?\s+applicants? | \d[\d,.]*k?\s+views? | be\s+an\s+early\s+applicant | actively\s+recruiting | promoted
      | job\s+id\s+copied | copy\s+link | skip\s+to\s+(?:main\s+)?content
      | (?:privacy\s+policy|terms\s+of\s+(?:use|service)|all\s+rights\s+reserved|(?:©|\(c\)\s*\d{4}).{0,80})
      | people\s+(?:also|who\s+viewed\s+this\s+job\s+also)\s+(?:searched|viewed|applied)(?:\s+for)?\s*:?.{0,200}
      | page\s+\d+(?:\s+(?:of|/)\s+\d+)?
      | (?:[^|·•\n]{1,60}?\s[|·•–—-]\s+)?careers?(?:\s+(?:at|@)\s+.{1,60})?
      # Spanish, Portuguese, French, German, Italian, Dutch, Turkish
      | publicad[oa]\s+(?:hace|h[áa])\s+.{1,20} | publi[ée]e?\s+il\s+y\s+a\s+.{1,20}
      | (?:veröffentlicht\s+)?vor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten)(?:\s+veröffentlicht)?
      | veröffentlicht\s+(?:am|vor)\s+.{1,20} | pubblicat[oa]\s+.{1,20}\s+fa | geplaatst\s+.{1,25}
      | \d+\s+(?:gün|saat|hafta|ay)\s+önce(?:\s+yayınlandı)?
      # Norwegian, Danish, Swedish; a board's gloss in brackets: "(Posted 12 days ago)", "(applicants)"
      | (?:publisert|slået\s+op|publicerad)\s+for\s+\d+\s+\w+\s+siden | \d+\s+(?:søkere|ansøgere|sökande)
      | postulantes\s*:?\s*\d+ | \((?:posted\s+\d+\s+\w+\s+ago|applicants)\)
      | (?:postular(?:se)?|aplicar|candidatar(?:-se)?|candidat[ae]rsi|candidati)(?:\s+(?:ahora|agora|ora|ya))?
      | postuler(?:\s+maintenant)? | (?:jetzt\s+)?bewerben | solliciteer(?:\s+nu)? | (?:hemen\s+)?başvur(?:un)?
      | guardar(?:\s+(?:empleo|oferta|vaga))? | enregistrer(?:\s+(?:l['’]offre|cette\s+offre))? | sauvegarder
      | (?:job\s+)?(?:speichern|merken|melden) | salvar(?:\s+vaga)? | opslaan | kaydet
      | (?:denunciar|reportar)(?:\s+(?:esta|este)\s+(?:oferta|empleo|vaga|anuncio))?
      | signaler(?:\s+(?:cette|l['’])\s*offre)? | segnala(?:\s+offerta)? | şikayet\s+et
      | (?:empleos|ofertas|vagas|trabajos)\s+(?:similares|semelhantes).{0,40}
      | (?:offres|emplois)\s+similaires.{0,40} | ähnliche\s+(?:jobs|stellen\w*).{0,40}
      | (?:offerte|lavori)\s+simili.{0,40} | vergelijkbare\s+vacatures.{0,40} | benzer\s+(?:ilanlar|işler).{0,40}
      | todos\s+los\s+derechos\s+reservados | tous\s+droits\s+réservés | alle\s+rechte\s+vorbehalten
    )"""
# Each phrase is an atomic group and the separator has one way to match, so a long line of
# near-misses fails in linear time instead of backtracking through every way to split it.
_UI_LINE = re.compile(
    rf"^(?>{_UI_PHRASE})(?:(?:\s*[·|•]\s*|\s+)(?>{_UI_PHRASE}))*[.!]?$", re.IGNORECASE | re.VERBOSE
)
# Site footer menu entries; a line of two or more of them ("Impressum | Datenschutz | AGB",
# "Privacy · Terms · Contact") is a footer, while one alone may be a heading of the role.
_FOOTER_ITEM = re.compile(
    r"^(?:impressum|datenschutz(?:erklärung)?|agb|kontakt|privacy(?:\s+(?:policy|notice))?|terms(?:\s+of\s+(?:use|service))?|"
    r"cookies?(?:\s+(?:policy|settings))?|accessibility|contact(?:\s+us)?|about(?:\s+us)?|help(?:\s+cent(?:er|re))?|"
    r"sitemap|legal|mentions\s+légales|aviso\s+legal|privacidad|confidentialité|press|newsroom|blog|"
    r"accessibility\s+statement|community\s+guidelines|faqs?|help)$",
    re.IGNORECASE,
)

# A scam warning needs both a warning word and a scam word: a fraud analyst's duties stay.
_WARNING = re.compile(
    r"\b(?:beware|be\s+careful|caution|warning|never\s+(?:ask\s+(?:you\s+)?(?:to\s+)?)?(?:pay|send|share)|"
    r"do\s+not\s+(?:pay|send|share)|scammers?|fraudsters)\b|^\W*(?:scam|fraud|safety)\s+(?:alert|warning|notice)\b",
    re.IGNORECASE,
)
# A cookie banner: "cookies" with what a banner asks or says ("we use some essential cookies ...
# [Accept additional cookies]"); a bakery's cookies are none of that.
_COOKIE_BANNER = re.compile(
    r"\bcookies\b.*\b(?:consent|we\s+use|this\s+(?:site|website|service))\b|\b(?:we\s+use|consent)\b.*\bcookies\b|"
    r"\b(?:accept|reject|allow|manage)\s+(?:all\s+|additional\s+|optional\s+|analytics\s+)?cookies\b|\buses\s+cookies\b",
    re.IGNORECASE,
)
# Entries of a site's navigation menu ("Home | Jobs | Companies | Post a job"). A line made
# mostly of them is the board's menu; one alone may be a word of the role.
_NAV_ITEMS = (
    r"home|jobs|companies|salaries|employers|candidates|recruiters|resources|community|messages|menu|register|"
    r"post\s+a\s+(?:job|vacancy|gig)|find\s+(?:work|jobs?|talent|a\s+job|gigs)|search\s+(?:all\s+)?(?:jobs|vacancies|roles|apprenticeships|internships|courses|companies|salaries|gigs)|"
    r"browse\s+[\w-]+|[\w-]+\s+jobs|advice(?:\s+for\s+[\w-]+)?|career\s+advice|job\s+alerts|saved\s+jobs|my\s+jobs|for\s+(?:employers|candidates|recruiters)|"
    r"(?:employer|candidate|recruiter)\s+(?:login|log\s*in|sign\s*in)|login|sign\s+(?:in|up)|log\s+in|"
    r"upload\s+(?:your\s+)?(?:cv|resume|résumé)|salary\s+(?:guide|check(?:er)?|survey)|rates?\s+survey|dashboard|career\s+hub|☰\s*menu|"
    r"(?:my\s+)?profile|saved\s+searches|company\s+reviews|employer\s+site|cv\s+(?:services|builder|writing)|walk-?in\s+interviews|"
    # the same entries on boards in Dutch, German, French and Spanish
    r"vacatures|bedrijven|(?:voor\s+)?werkgevers|inloggen|registreren|salarischeck|stellenangebote|unternehmen|"
    r"(?:für\s+)?arbeitgeber|anmelden|registrieren|gehaltsvergleich|emplois|entreprises|recruteurs|connexion|empleos|empresas|"
    r"aanmelden|accueil|carrières|nous\s+joindre|contactez-nous|blogue|inicio|startseite|karriere"
)
_NAV_ITEM = re.compile(rf"^(?:{_NAV_ITEMS})$", re.IGNORECASE)
# Any entry anywhere in a line, between spaces: a line without one is no menu, and one search
# answers that for the many lines of prose, where reading every run of one to three words took
# a third of the time parsing a posting took.
_NAV_ITEM_INSIDE = re.compile(rf"(?<!\S)(?:{_NAV_ITEMS})(?!\S)", re.IGNORECASE)
# A site's language switch beside its menu ("EN | NL"): no word of a menu, nor of the role.
_LANGUAGE_CODE = re.compile(r"^(?:EN|NL|DE|FR|ES|IT|PT|PL|SV|DA|FI|NO|TR|RU|AR|ZH|JA|KO|HI|CY|GA)$")
# A breadcrumb trail of three steps or more: "Winter Jobs > Colorado > Lift Operations"
_BREADCRUMB = re.compile(r"^[^<>›»\n]{1,50}(?:\s[>›»]\s[^<>›»\n]{1,50}){2,}$")
# and of two steps from a menu entry: "CARRIÈRES > Postes ouverts", "Careers › Open roles"
_MENU_CRUMB = re.compile(r"^([^<>›»\n]{1,30})\s[>›»]\s[^<>›»\n]{1,50}$")
# An employer's star rating beside its name: "Brindlewood Co. 3.4 ★ (212 reviews)".
_RATING = re.compile(r"\s*\b\d(?:[.,]\d)?\s*[★☆]+(?:\s*\(\d[\d,]*\+?\s+(?:reviews?|ratings?)\))?|\s*[★☆]{2,}")
_ARROWS = "<>←→«»‹›"  # "< Back to search results"
# The heading of the board's other listings ("Similar jobs", "Other apprenticeships near TF3",
# "Similar jobs you might like"): it and the list under it belong to other roles.
_LISTINGS_HEADING = re.compile(
    r"^\W*(?:(?:similar|related|other|more|recommended|nearby)\s+(?:[\w-]+\s+)?(?:jobs?|roles?|vacancies|positions|gigs|listings|"
    r"apprenticeships|opportunities|openings|internships)\b.{0,40}|(?:jobs|roles)\s+you\s+(?:might|may)\s+(?:also\s+)?like.{0,20}|"
    r"you\s+(?:may|might)\s+also\s+like|people\s+also\s+viewed|recommended(?:\s+(?:jobs|roles))?\s+for\s+you|"
    r"more\s+(?:jobs|roles)\s+like\s+this|jobs\s+like\s+this|"
    # and in the boards' languages: "Offerte simili", "AVISOS SIMILARES", "Lignende job", "Ähnliche Stellen"
    r"(?:offerte|annunci|lavori|avisos|ofertas|empleos|trabajos|vagas|empregos|offres|emplois|annonces)\s+(?:simil[ai]\w*|semelhantes)|"
    r"(?:ähnliche|weitere)\s+(?:jobs|stellen\w*)(?:\s+in\s+der\s+region)?|(?:vergelijkbare|soortgelijke)\s+vacatures|"
    r"lignende\s+(?:job|jobs|stillinger)|liknande\s+jobb|podobne\s+oferty)\W*$",
    re.IGNORECASE,
)
# An entry of such a list: a bullet or quoted line, or a short line of "title - place - pay" parts
_LISTING_ITEM = re.compile(r"^(?:[-*•·▪◦>]|\d{1,2}[.)])\s*\S|^.{0,120}\s[–—-]\s.{0,120}\s[–—-]\s.{0,120}$")
# A board's safety tip is chrome by its opening alone ("Stay safe: X will never ask you to pay ...")
_SAFETY_TIP = re.compile(r"^\W*(?:stay\s+safe|safety\s+tip|scam\s+alert|fraud\s+alert|job\s+seeker\s+safety)\b", re.IGNORECASE)
_SCAM = re.compile(r"\b(?:scams?|fraud\w*|phishing|payment|password|bank\s+details|money)\b", re.IGNORECASE)

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦–]|\d{1,2}[.)])\s+")

# Frequent short words per language; a line is attributed to a language by how many it has.
_STOPWORDS: dict[str, frozenset[str]] = {
    # ("per" is English too, in every "per annum", "per month": no line of pay is Italian for it)
    "en": frozenset("the and of to in for with you your we our is are a an on at be will this that as or by from have it per".split()),
    "de": frozenset("der die das und ist sind wir sie ihre ihr mit für von zu auf bei den dem ein eine einen nicht auch wie oder über uns du dein deine".split()),
    "fr": frozenset("le la les et est sont nous vous votre vos avec pour des du une un dans sur pas au aux ce cette qui que".split()),
    "es": frozenset("el la los las y es son nosotros usted su sus con para de del una un en por que al este esta tu".split()),
    "it": frozenset("il lo la gli le e è sono noi voi con per di del della una un in che questo questa".split()),
    "pt": frozenset("o a os as e é são nós você seu sua com para de do da uma um em que este esta".split()),
    "nl": frozenset("de het een en is zijn wij jij je jouw met voor van op bij dat deze niet ook".split()),
    "tr": frozenset("ve bir bu için ile de da mı mısınız musunuz olarak daha çok gibi ise biz siz".split()),
}
_TURKISH_LETTERS = set("ğşıİĞŞ")
# word -> the languages whose stopword it is, so a line's words are looked up once, not per language
_STOPWORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words:
        _STOPWORD_LANGUAGES[_word] = _STOPWORD_LANGUAGES.get(_word, ()) + (_lang,)
_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF\u3040-\u30FF\uAC00-\uD7AF]")),
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


_MAYBE_CONTROL = re.compile(r"[^\n\x20-\x7e]+")


def _drop_control(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if unicodedata.category(ch) not in ("Cc", "Cf"))


# What a page saved as text keeps of its HTML: "<h1>Mechanik ...\n... ciężarowych</h1>", "&nbsp;"
# (only a page's structure: a "<script>" a posting writes about is its text)
_HTML_TAG = re.compile(r"</?(?:h[1-6]|div|p|span|br|li|ul|ol|section|article|header|footer|main|table|tr|td|th|tbody|thead"
                       r"|strong|em|b|i|u|a|title|body|html)\b(?:\s[^<>\n]*)?/?>", re.IGNORECASE)
_HTML_HEADING = re.compile(r"<(h[1-6]|title)\b[^<>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,5}|#x[0-9A-Fa-f]{1,4});")


def _without_markup(text: str) -> str:
    """A text's leftover HTML read as text: a heading wrapped over lines is one line, tags go,
    entities are their characters."""
    if "<" in text and _HTML_TAG.search(text):
        text = _HTML_HEADING.sub(lambda m: "\n" + " ".join(m.group(2).split()) + "\n", text)
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = _HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text


def normalize_text(raw: str) -> str:
    """Unicode NFC, unified newlines, no control or zero-width characters, trimmed lines, no
    leftover HTML."""
    text = _without_markup(unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\t", " ")
    # Only characters outside printable ASCII can be control or format characters: looking at
    # those alone is the same filter as looking at every character, at a tenth of the cost.
    text = _MAYBE_CONTROL.sub(_drop_control, text)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


@functools.lru_cache(maxsize=4096)  # clean_text asks twice per line; pages share their chrome lines
def line_language(line: str) -> tuple[str | None, int]:
    """The language a line is written in and how strong the evidence is (0 = no idea)."""
    if not line.isascii():  # the scripts and Turkish letters below are all outside ASCII
        letters = sum(ch.isalpha() for ch in line)
        if not letters:
            return None, 0
        for lang, pattern in _SCRIPTS:
            hits = len(pattern.findall(line))
            # most of the line, or a phrase of five characters and more of a script written a
            # word per character ("欢迎各位求职者申请！ Terima kasih ...": a board's greeting)
            if hits * 2 >= letters or (lang == "zh" and hits >= 5):
                return lang, max(2, hits // 3)
        if any(ch in _TURKISH_LETTERS for ch in line):
            return "tr", 2
    # Codes and acronyms ("BIR-WA-45752", "IT") are no evidence of a language.
    counts = dict.fromkeys(_STOPWORDS, 0)
    for w in _WORD.findall(line):
        if not (len(w) > 1 and w.isupper()):
            for lang in _STOPWORD_LANGUAGES.get(w.lower(), ()):
                counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] == 0 or ranked[0] == ranked[1]:
        return None, 0
    return best, ranked[0] - ranked[1]


def document_language(lines: list[str]) -> str | None:
    """The language most of the posting's words are written in."""
    votes: Counter[str] = Counter()
    for line in lines:
        lang, _ = line_language(line)
        if lang:
            votes[lang] += len(_WORD.findall(line))
    return votes.most_common(1)[0][0] if votes else None


_BUTTON = re.compile(r"\[([^\[\]]{1,30})\]")  # "[Apply] [Save]": a page's buttons kept as link text
SEGMENT_SEPARATOR = re.compile(r"\s+[|·•]\s+")  # "Tidewire · Remote · Posted ..."
_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s{3,}")


def _nav_words(words: list[str]) -> tuple[int, int]:
    """How many menu entries ``words`` make, read longest first, and how many words are left
    over; a slash ("Log in / Register") and a language switch ("EN") are neither."""
    entries = left = i = 0
    while i < len(words):
        if words[i] == "/" or _LANGUAGE_CODE.match(words[i]):
            i += 1
            continue
        for k in (3, 2, 1):
            if i + k <= len(words) and _NAV_ITEM.match(" ".join(words[i : i + k])):
                entries, i = entries + 1, i + k
                break
        else:
            left, i = left + 1, i + 1
    return entries, left


def _nav_score(part: str, first: bool) -> int:
    """2 for a run of menu entries set apart by spacing alone, which reading collapses ("Home
    Search Jobs Salary Survey Career Advice Log in", a word or two not known), 1 for one entry
    (the first part also with the site's name before it: "KiwiJobBoard Search jobs"), else 0."""
    entries, left = _nav_words(part.split())
    if entries >= 3 and left * 2 <= entries:
        return 2
    return 1 if entries and left <= (1 if first else 0) else 0


def _menu_entries(line: str) -> list[str]:
    """The entries of a menu line; a line set apart by spacing alone gives the site's name (a
    word or two before the menu: "HospoJobs.ie Find jobs Post a job Salary guide") and the rest."""
    line = line.strip()
    words = line.split()
    if len(SEGMENT_SEPARATOR.split(line)) == 1 and len(words) >= 4:
        for n in (1, 2):
            entries, left = _nav_words(words[n:])
            if entries >= 3 and not left and not _nav_words(words[:1])[0]:
                return [" ".join(words[:n]), " ".join(words[n:])]
    return [_BUTTON.sub(r"\1", part).strip() for part in _MENU_SEPARATOR.split(line)]


_POSTED_AFTER = re.compile(
    r"\s+(?:(?:veröffentlicht\s+)?vor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten)(?:\s+veröffentlicht)?|publicad[oa]\s+(?:hace|h[áa])\s+\d+\s+\w+"
    r"|posted\s+\d+\s+\w+\s+ago|publisert\s+for\s+\d+\s+\w+\s+siden)(?:\s*\([^()]{0,40}\))?$", re.IGNORECASE)


def without_chrome_segments(line: str) -> str:
    """A header line of facts and UI bits keeps its facts: "Tidewire · Remote · Posted 12 days
    ago · 200+ applicants" -> "Tidewire · Remote"; "Posted 6 days ago | Closing date: 14 March"
    -> "Closing date: 14 March"."""
    parts = SEGMENT_SEPARATOR.split(line)
    if len(parts) < 2:
        return line
    kept = [part for part in parts if not _UI_LINE.match(_BUTTON.sub(r"\1", part).strip())]
    # "Augsburg, Bayern vor 9 Tagen veröffentlicht (Posted 9 days ago)": a place with the date stuck to it
    if len(kept) * 4 <= len(parts):
        return ""  # "NHS Jobs | Search jobs | Sign in | Create an account": the board's menu, its name too
    unstuck = [_POSTED_AFTER.sub("", part) for part in kept]
    return line if len(kept) == len(parts) and unstuck == kept else " · ".join(unstuck)


@functools.lru_cache(maxsize=4096)  # asked of each line by clean_text and again by is_chrome
def is_menu(line: str) -> bool:
    """The board's navigation menu: "Home · Jobs · Companies · Post a job", "LingoGigs · Find
    work · Post a job · Log in" (at least two menu or UI entries, and half of the line)."""
    if not _NAV_ITEM_INSIDE.search(_BUTTON.sub(r"\1", line)):
        return False  # no part can hold a menu entry
    parts = _menu_entries(line)
    nav = sum(_nav_score(part, i == 0) for i, part in enumerate(parts))
    ui = sum(bool(_UI_LINE.match(part) or part and all(_LANGUAGE_CODE.match(w) for w in part.split())) for part in parts)
    return nav >= 1 and nav + ui >= 2 and (nav + ui) * 2 >= len(parts)


# A board's line in its language with the English in brackets: "Kazi Zinazofanana (Similar Jobs)",
# "Watu pia waliangalia (People also viewed): Claims Handler, ..."
_GLOSSED = re.compile(r"^[^()\n]{1,40}\(([^()\n]{3,40})\)(.*)$")


def _in_english(line: str) -> str:
    glossed = _GLOSSED.match(line)
    return f"{glossed.group(1)}{glossed.group(2)}" if glossed else ""


def _menu_crumb(line: str) -> bool:
    crumb = _MENU_CRUMB.match(line)
    return bool(crumb and _NAV_ITEM.match(crumb.group(1).strip()))


def is_chrome(line: str) -> bool:
    """A job-board UI line, a site footer menu, a cookie banner or a scam warning: never part
    of the role."""
    english = _in_english(line)
    if english and english != line and is_chrome(english):
        return True
    body = _BUTTON.sub(r"\1", _BULLET.sub("", line)).strip().strip(_ARROWS).strip()
    if _UI_LINE.match(body) or _COOKIE_BANNER.search(body) or is_menu(body) or _BREADCRUMB.match(body) or _menu_crumb(body):
        return True
    if _COOKIE_WORD.search(line) and _BUTTON.search(line):
        return True  # a cookie banner in any language, with its button: "... plików cookie ... [ Akceptuję ]"
    items = [item.strip() for item in re.split(r"\s[|·•]\s", body)]
    footer = sum(bool(_FOOTER_ITEM.match(item) or _UI_LINE.match(item)) for item in items)
    # every entry a footer link, or three and more beside the site's name ("LingoGigs · About · Help · ...")
    if len(items) >= 2 and (footer == len(items) or footer >= 3 and footer + 1 == len(items)):
        return True
    if _SAFETY_TIP.match(body):
        return True
    return bool(_WARNING.search(body) and _SCAM.search(body))


def is_foreign(line: str, doc_language: str | None) -> bool:
    """Written, with clear evidence, in another language than the posting."""
    if doc_language is None:
        return False
    lang, strength = line_language(line)
    if lang is None or lang == doc_language:
        return False
    if lang in {"ru", "el", "ar", "he", "hi", "zh"}:
        return True  # a script is enough
    # Latin-script stopword evidence must be clear (Turkish letters count as clear), and a name's
    # legal form is none ("TransSerwis Wielkopolska Sp. z o.o.", "Grupo Norte S.A. de C.V.")
    if len(line.split()) <= 8 and LEGAL_FORM.search(line):
        return False
    return strength >= 2


# A heading that announces the posting again in another language ("ENGLISH SUMMARY", "English
# version below", "Version française"): the lines under it in that language are the posting's own.
_ANNOUNCED_LANGUAGE = re.compile(
    r"^\W*(?:(?P<en>english)\s+(?:summary|version|translation|below|text)|(?:summary|version|translation)\s+in\s+(?P<en2>english)|in\s+(?P<en3>english)"
    r"|(?:version|résumé|resume)\s+(?:en\s+)?(?P<fr>français|française|francaise)|(?P<de>deutsche)\s+(?:version|fassung|zusammenfassung)"
    r"|(?:versión|resumen)\s+en\s+(?P<es>español|espanol)|(?P<nl>nederlandse)\s+(?:versie|samenvatting))(?:\s+below)?\W*$",
    re.IGNORECASE,
)


def announced_language(line: str) -> str | None:
    """The language a heading says the lines under it are in, if it says one."""
    m = _ANNOUNCED_LANGUAGE.match(line)
    return next((name[:2] for name, value in m.groupdict().items() if value), None) if m else None


def clean_text(raw: str) -> str:
    """The posting's own text: chrome, foreign-language lines and repeated lines removed."""
    lines = _paired_labels(normalize_text(raw).split("\n"))
    doc_language = document_language([line for line in lines if line])
    kept: list[str] = []
    seen: set[str] = set()
    listings = 0  # inside the board's list of other jobs: 1 under its heading, 2 once an entry is skipped
    warned = ""  # the mark a dropped warning's lines start with ("!! ..."): its next lines are the warning too
    after_menu = False  # the last line with words was the site's menu
    announced = None  # the language a heading said the lines under it are in
    for n, line in enumerate(lines):
        # a menu in words no list knows ("Oferty pracy | Pracodawcy | Porady | Zaloguj się"):
        # entries without figures atop the page, or a second row right under the menu
        top = len(kept) <= 3 and all(_banner_line(k) for k in kept)
        menu = bool(line) and (is_menu(line) or _unknown_menu(line, 2 if after_menu else 4 if top else 0))
        after_menu = menu or (not line and after_menu)
        if not line:
            listings = 0 if listings == 2 else listings  # a blank line ends the list
            warned = ""
            if kept and kept[-1]:
                kept.append("")
            continue
        if kept and (_LISTINGS_HEADING.match(line) or _LISTINGS_HEADING.match(_in_english(line))):
            listings = 1
            continue
        if listings == 2 or (listings and _LISTING_ITEM.match(line)):
            listings = 2  # an entry, or the wrapped rest of one ("+ SGD 25,000 sign-on bonus")
            continue
        listings = 0
        if warned and line.startswith(warned):
            continue
        warned = ""
        if (_COOKIE_WORD.search(line) and n + 1 < len(lines) and _BUTTON.search(lines[n + 1]) and len(lines[n + 1]) < 60
                and not _BUTTON.search(line)):
            warned = lines[n + 1][:1]  # a cookie banner wrapped before its button: the button's line goes too
            continue
        if menu:
            # The site's name leads its menu or sits above it: a board's ("QuickHire Jobs",
            # named again only in its chrome) goes with the menu; an employer's own careers page
            # ("Quillmoth · Product · Blog · Careers", "Quillmoth is a ...") keeps its name.
            if len(kept) <= 3 and all(_banner_line(k) for k in kept):
                names = [k for k in kept if k and _named_elsewhere(k, lines, n, doc_language)]
                kept, seen = names, set(names)
            first = _EMPHASIS.sub("", _menu_entries(line)[0]).strip()
            site = _SITE_THEN_ENTRY.match(first)  # "Autobus Boréal inc. — Accueil": the name, then the menu
            first = site.group(1) if site and _NAV_ITEM.match(site.group(2)) else first
            if (len(first.split()) <= 4 and not _NAV_ITEM.match(first) and not _UI_LINE.match(first) and first not in kept
                    and (_named_elsewhere(first, lines, n, doc_language)
                         or _INCORPORATED.search(first) and _named_elsewhere(_INCORPORATED.sub("", first), lines, n, doc_language))):
                kept.append(first)
                seen.add(re.sub(r"\W+", " ", first).strip().lower())
            continue
        announced = announced_language(line) or announced
        if is_chrome(line) or (is_foreign(line, doc_language) and line_language(line)[0] != announced):
            mark = re.match(r"[!>*]+\s", line)
            warned = mark.group(0) if mark and (_SAFETY_TIP.match(line) or _WARNING.search(line)) else ""
            continue
        line = without_chrome_segments(_RATING.sub("", line) if "★" in line or "☆" in line else line)
        line = _PAGE_OF.sub("", line)  # a PDF's page header beside the text: "Ref. VB-2024-117 ... Page 1 of 2"
        if not line:
            continue
        key = re.sub(r"\W+", " ", line).strip().lower()
        if not key:
            continue
        if not _BULLET.match(line) and key in seen:
            continue  # a title or tagline echoed by the page's footer
        if not kept:
            seen.update(_title_stems(line))  # "Data Engineer (Contract)" echoed as "Data Engineer"
        seen.add(key)
        kept.append(line)
    return "\n".join(kept).strip()


# Labels a page sets on a line of their own, above their values (a two-column layout read as text)
_FIELD_LABEL = re.compile(
    r"^(?:job\s+title|position|company|employer|location|salary|pay|employment\s+type|job\s+type|contract(?:\s+type)?|"
    r"start\s+date|closing\s+date|application\s+deadline|deadline|reports\s+to|reference|job\s+(?:id|ref))$", re.IGNORECASE)
_LABEL_LIKE = re.compile(r"^[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,3}$")


def _paired_labels(lines: list[str]) -> list[str]:
    """"Job Title" / "Bank Teller" / "Company" / "Visayan Commerce Bank" -> "Job Title: Bank
    Teller", "Company: Visayan Commerce Bank": a run of pairs led by a known label, three labels
    of it known, each a short label line above its value; a heading above a paragraph ends it."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while (j + 1 < len(lines) and lines[j + 1] and len(lines[j + 1]) <= 120 and _LABEL_LIKE.match(lines[j])
               and not _FIELD_LABEL.match(lines[j + 1]) and (j > i or _FIELD_LABEL.match(lines[i]))):
            j += 2
        if sum(bool(_FIELD_LABEL.match(lines[k])) for k in range(i, j, 2)) >= 3:
            out.extend(f"{lines[k]}: {lines[k + 1]}" for k in range(i, j, 2))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


_EMPHASIS = re.compile(r"\*\*|__")
_PAGE_OF = re.compile(r"\s+Page \d{1,3} (?:of|/) \d{1,3}$")
_COOKIE_WORD = re.compile(r"\bcookies?\b", re.IGNORECASE)
# A company's legal form, in its own language: "Sp. z o.o.", "S.A. de C.V.", "GmbH", "B.V.", Québec's "inc."
LEGAL_FORM = re.compile(r"\b(?:Sp\.\s?z\s?o\.\s?o\.|S\.A\.(?:\s+de\s+C\.V\.)?|S\.L\.|S\.r\.l\.|s\.r\.o\.|S\.p\.A\.|SpA|GmbH|B\.V\.|N\.V\.|Oy|AB|A/S|Ltda?\.?|[Ii]nc\.|[Ll]tée)(?!\w)")


_SITE_THEN_ENTRY = re.compile(r"^(.+?)\s+[–—]\s+(.+)$")
# "inc.", "Ltd": a name the text also says without it ("Autobus Boréal transporte ...")
_INCORPORATED = re.compile(r",?\s+(?:inc|ltd|llc|ltée|limited|corp)\.?$", re.IGNORECASE)


def _named_elsewhere(name: str, lines: list[str], at: int, doc_language: str | None) -> bool:
    """``name`` is said on a line of the page other than ``lines[at]`` that is no chrome."""
    if name.isupper():  # "TRADUCTIONS BORÉAL" is the "Traductions Boréal" its text names
        lines = [line.upper() for line in lines]
    return any(name in line for i, line in enumerate(lines) if i != at and name in line and not is_chrome(line)
               and not is_menu(line) and not is_foreign(line, doc_language) and line.strip() != name)


# A job's facts, which a header line gives and no site's menu does
_JOB_FACT = re.compile(r"\b(?:full[- ]time|part[- ]time|permanent|temporary|fixed[- ]term|freelance|vollzeit|teilzeit|unbefristet|befristet"
                       r"|tiempo\s+completo|jornada\s+completa|temps\s+plein|tempo\s+pieno|heltid|deltid)\b", re.IGNORECASE)


def _unknown_menu(line: str, entries: int) -> bool:
    """At least ``entries`` (0: never) short entries apart by "|" or "·", none with a figure,
    a label or a sentence's comma."""
    if not entries or re.search(r"[\d:,;]", line) or _JOB_FACT.search(line) or LEGAL_FORM.search(line):
        return False  # ("Brotwerk Lindner GmbH · Regensburg · Vollzeit · Unbefristet": the job's header line)
    parts = [_EMPHASIS.sub("", _BUTTON.sub(r"\1", part)).strip() for part in SEGMENT_SEPARATOR.split(line)]
    return len(parts) >= entries and all(part and len(part) <= 40 and len(part.split()) <= 4 for part in parts)


def _banner_line(line: str) -> bool:
    """Could be a site's name above its menu: a short line of a few words, no sentence."""
    return not line or (len(line) <= 80 and len(line.split()) <= 12 and not re.search(r"[.:!?]$", line))


def _title_stems(title: str) -> set[str]:
    """Shorter forms of a title a page repeats: without its bracketed or dashed qualifier."""
    stems = set()
    for pattern in (r"\s*[(\[][^)\]]*[)\]]\s*$", r"\s+[–—|-]\s+.*$", r",\s+[^,]*$"):
        stem = re.sub(pattern, "", title.lstrip("# ")).strip()
        key = re.sub(r"\W+", " ", stem).strip().lower()
        if key and len(key.split()) >= 2 and stem != title.lstrip("# "):
            stems.add(key)
    return stems
