"""Read a posting file into plain text: .txt, .md, .html, .pdf. One posting per file.

Every failure is a ``PostingError`` naming the file and the reason, so a run can skip the
file and go on with the others.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from .errors import PostingError

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

# Page parts that are never the posting: scripts, styling, menus, site header and footer.
_HTML_DROP_TAGS = [
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "header",
    "footer", "aside", "form", "button", "select", "input", "head",
]
_HTML_DROP_HINTS = re.compile(
    r"(?:^|[-_ ])(?:cookie|consent|nav|navbar|menu|footer|header|banner|breadcrumbs?|share|social|related|sidebar|similar)(?:$|[-_ ])",
    re.IGNORECASE,
)
_HTML_BLOCKS = [
    "p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr",
    "dl", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
]


def read_posting_text(path: Path, max_bytes: int) -> str:
    """The raw text of one posting file, or a ``PostingError`` saying why it has none."""
    name = str(path)
    if not path.exists():
        raise PostingError(name, "no such file or folder")
    if not path.is_file():
        raise PostingError(name, "not a regular file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise PostingError(
            name, f"unsupported file type {suffix or '(none)'}; use .txt, .md, .html or .pdf"
        )
    size = path.stat().st_size
    if size == 0:
        raise PostingError(name, "empty file")
    if size > max_bytes:
        raise PostingError(
            name,
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit "
            "(raise ROLECHAT_MAX_FILE_MB if it really is one posting)",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PostingError(name, f"cannot read the file ({exc.strerror or type(exc).__name__})") from None
    if suffix in PDF_SUFFIXES:
        return pdf_to_text(data, name)
    text = decode_text(data, name)
    if suffix in HTML_SUFFIXES:
        return html_to_text(text)
    # Plain text and markdown are often wrapped at a width ("... paid if you stay" / "through
    # your agreed end date"): a sentence cut there would be quoted in halves.
    if suffix in MARKDOWN_SUFFIXES:
        return unwrap_lines(markdown_to_text(text))
    return unwrap_lines(text)


def decode_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise PostingError(name, f"undecodable UTF-16 text ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise PostingError(name, "binary file, not a text posting")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PostingError(
            name, f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None


_HTML_INLINE = {"span", "a", "b", "strong", "em", "i", "small", "label", "time", "abbr", "cite", "code", "mark", "u"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Visible text of the posting part of a page; headings become ``## `` lines, list items ``- ``.

    Definition lists become ``term: value`` lines, and inline elements that touch each other
    (``<span>Acme</span><span>London</span>``) are kept apart with `` · `` as a browser would show them.
    """
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(html, "html.parser")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(_HTML_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:  # inside a part already dropped
            continue
        attrs = tag.attrs or {}
        hints = " ".join([attrs.get("id") or "", *(attrs.get("class") or []), attrs.get("role") or ""])
        hidden = (
            "hidden" in attrs
            or str(attrs.get("aria-hidden", "")).lower() == "true"
            or bool(_HIDDEN_STYLE.search(str(attrs.get("style") or "")))
        )
        if hidden or (hints.strip() and _HTML_DROP_HINTS.search(hints)):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    # The page's <title> ("Careers | Cedar Hollow School District", "Role | Board") heads the
    # text only where the page has no <h1> of its own: the <h1> is the role.
    has_h1 = root.find("h1") is not None
    # Two walks over the tags, not one per kind (twelve): each inserts only next to the tag it is
    # at, so a walk in document order leaves the same strings where one pass per kind did. Line
    # breaks come first, then the markers, so a marker sits on the same line as its text; a term
    # is read for its colon once the breaks inside it are in.
    tags = root.find_all(True)
    blocks = set(_HTML_BLOCKS)
    for tag in tags:
        if tag.name in _HTML_INLINE:
            nxt = tag.next_sibling
            if isinstance(nxt, Tag) and nxt.name in _HTML_INLINE:
                tag.insert_after(" · ")
        if tag.name in blocks:
            tag.insert_before("\n")
            tag.append("\n")
    for tag in tags:
        name = tag.name
        if name == "dt":
            tag.insert_before("\n")
            if not tag.get_text().strip().endswith(":"):
                tag.append(":")
        elif name == "dd":
            tag.insert_before(" ")
            tag.append("\n")
        elif name == "li":
            tag.insert_before("- ")
        elif name in ("td", "th") and tag.find_previous_sibling(("td", "th")) is not None:
            tag.insert_before(" | ")  # "1 | $52,400 | $54,900": a table's cells apart, as a page shows them
        elif len(name) == 2 and name[0] == "h" and name[1] in "123456":
            tag.insert_before("#" * min(int(name[1]), 3) + " ")
    text = root.get_text("")
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    lines = [re.sub(r"^(#+|-)\s*$", "", line) for line in lines]
    body = "\n".join(line for line in lines if line)
    if page_title and not has_h1 and not body.lstrip().startswith("#"):
        body = f"# {page_title}\n{body}"
    return body


def markdown_to_text(markdown: str) -> str:
    """Markdown with emphasis and link syntax removed; headings and bullets kept as lines."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = re.sub(r"^\s*[*+]\s+", "- ", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^(#{1,6})\s*(.+?)\s*#*\s*$", lambda m: "#" * min(len(m.group(1)), 3) + " " + m.group(2), text, flags=re.MULTILINE)
    return text


def pdf_to_text(data: bytes, name: str) -> str:
    import logging

    from pypdf import PdfReader

    # pypdf logs its repairs of damaged files ("EOF marker not found"); the skip reason says it.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PostingError(name, "encrypted PDF; save an unencrypted copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PostingError:
        raise
    except Exception as exc:  # a damaged PDF can fail anywhere inside pypdf; skip just this file
        raise PostingError(name, f"not a readable PDF: damaged, truncated or not a PDF ({type(exc).__name__})") from None
    finally:
        pypdf_log.setLevel(level)
    text = "\n".join(pages)
    if not text.strip():
        raise PostingError(name, "PDF has no text layer (a scan?); export it with text")
    return unwrap_lines(text)


_WRAPPED_TAIL = re.compile(r"[^.:;!?]$")
_CONTINUATION = re.compile(r"^(?:[a-z]|\d[\d.,]*(?:\s+|-)[a-z])")  # "1.5 million drivers", "20-minute talk"
# "Schichten ....... rotating night shift and early shift" / (aligned under the value) "04:00-12:30":
# a price-list line whose value runs on, indented to where the value starts
_LEADER_VALUE = re.compile(r"\S\s*\.{4,}\s*(?=\S)")
# "... and you will report to our" / "Workshop Manager (verkstedleder), Eirik Johansen.": a line
# that ends on a word no sentence or heading ends on goes on, whatever case the next line opens in
_ENDS_MID_PHRASE = re.compile(r"\s(?:the|a|an|another|our|your|their|its|to|of|and|or|with|for|from|by|at|into|than|as|will|is|are|be|must|can|should)$",
                             re.IGNORECASE)
_NEW_ITEM = re.compile(r"(?:[-*•#]|\d{1,2}[.)])\s|\|")  # a bullet, a heading, a table row
_HYPHENATED = re.compile(r"[a-zà-ÿ]{2}-$")


def _runs_on_under_value(previous: str, line: str) -> bool:
    """``line`` goes on with the value of a dot-leader line above it: indented to that value's
    column (give or take two), and no label and leader of its own."""
    leader = _LEADER_VALUE.search(previous)
    indent = len(line) - len(line.lstrip(" "))
    return leader is not None and indent >= leader.end() - 2 and indent >= 8 and not _LEADER_VALUE.search(line)


def unwrap_lines(text: str, min_width: int = 50) -> str:
    """Join lines a PDF wrapped inside a sentence: a long line without a closing mark,
    followed by one that goes on in lower case (``... more than`` / ``1.5 million drivers``)."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if out and len(out[-1].strip()) >= min_width and _HYPHENATED.search(out[-1].rstrip()) and stripped[:1].islower():
            out[-1] = out[-1].rstrip()[:-1] + stripped  # "in Brus-" / "sels": a word the PDF hyphenated
        elif (
            out
            and len(out[-1].strip()) >= min_width
            and _WRAPPED_TAIL.search(out[-1].rstrip())
            and _CONTINUATION.match(stripped)
        ) or (out and stripped and _runs_on_under_value(out[-1], line)) or (
            # "- The right to work in the UK - we are unable to" / "  offer visa sponsorship": a list
            # item's wrapped rest, indented under its text, however short the line it goes on
            out and stripped and line[:1] in " \t" and _NEW_ITEM.match(out[-1].lstrip()) and out[-1].lstrip()[:1] in "-*•"
            and not _NEW_ITEM.match(stripped) and _WRAPPED_TAIL.search(out[-1].rstrip()) is not None
        ) or (
            out and len(out[-1].strip()) >= min_width and _ENDS_MID_PHRASE.search(out[-1].rstrip()) and not _NEW_ITEM.match(stripped)
        ):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(line)
    return "\n".join(out)
