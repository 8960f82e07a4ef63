"""Bad input never stops a run: each bad file or path is skipped with a one-line reason naming it,
the good postings in the same run are ingested, and what was ingested before stays."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from index import POSTING_ID_KEY, Config, PostingError, PostingIndex, load_posting
from index.postings import discover

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_A = "000_0751755ddfb3f06d.txt"
SEED_B = "001_a344f62e8c6bf03a.txt"
POLARIS_PDF = ROOT / "tests" / "data" / "postings" / "polaris_senior_data_scientist.pdf"

GOOD_TEXT = """Data Engineer
Acme Robotics
London, UK
About the role
We are hiring a data engineer to build batch and streaming pipelines in Python and SQL for our robot fleet.
"""


def _pdf(text: str | None = None, encrypt: str | None = None) -> bytes:
    """A one-page PDF: blank (no text layer) when ``text`` is None."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=300, height=300)
    if encrypt:
        writer.encrypt(encrypt)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_bad_inputs(folder: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """{case: (path, words the skip reason must contain)}; the files are written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, tuple[Path, tuple[str, ...]]] = {}

    def add(case: str, name: str, data: bytes | None, *words: str) -> None:
        path = folder / name
        if data is not None:
            path.write_bytes(data)
        cases[case] = (path, words)

    add("empty", "empty_posting.txt", b"", "empty")
    add("binary", "binary_posting.txt", bytes(range(256)) * 40, "binary")
    add("undecodable", "latin1_posting.txt", GOOD_TEXT.replace("Data", "Café").encode("latin-1") + b"\xe9\xff",
        "UTF-8", "0x")
    # 50 MB of real posting text, far over the 5 MB default limit
    big = (GOOD_TEXT * (50_000_000 // len(GOOD_TEXT) + 1)).encode()[:50_000_000]
    add("huge", "huge_posting.txt", big, "50.0 MB", "limit", "ROLECHAT_MAX_FILE_MB")
    (folder / "no_postings_here").mkdir()
    (folder / "no_postings_here" / "notes.docx").write_bytes(b"PK\x03\x04")
    add("empty folder", "no_postings_here", None, "no postings")
    add("missing", "does_not_exist.txt", None, "no such file")
    add("unsupported", "posting.docx", b"PK\x03\x04 a word document", "unsupported", ".docx")
    add("corrupt pdf", "corrupt_posting.pdf", POLARIS_PDF.read_bytes()[:900], "PDF")
    return cases


def _reasons(report) -> dict[Path, str]:
    out = {}
    for skipped in report.skipped:
        path = Path(skipped.path).resolve()
        assert path not in out, f"two skip entries for {path}"
        out[path] = skipped.reason
    return out


def _assert_one_line(reason: str) -> None:
    assert reason and "\n" not in reason and len(reason) < 200 and "Traceback" not in reason, reason


def test_bad_inputs_are_skipped_one_by_one_in_a_run_with_a_good_posting(tmp_path):
    postings = tmp_path / "postings"
    postings.mkdir()
    for name in (SEED_A, SEED_B):
        shutil.copy(SEEDS / name, postings / name)
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data"))
    first = index.ingest([postings / SEED_A])  # ingested before the bad run
    assert first.added == [SEED_A]
    before = index.collection.get(where={POSTING_ID_KEY: SEED_A}, include=["metadatas", "embeddings"])

    cases = make_bad_inputs(tmp_path / "bad")
    report = index.ingest([postings / SEED_B, *(path for path, _ in cases.values())])

    assert report.added == [SEED_B]  # the good posting in the same run
    reasons = _reasons(report)
    assert len(report.skipped) == len(cases)
    for case, (path, words) in cases.items():
        reason = reasons.get(path.resolve())
        assert reason is not None, f"{case}: no skip entry for {path}"
        _assert_one_line(reason)
        for word in words:
            assert word in reason, f"{case}: {reason!r} lacks {word!r}"
        # the printed line names the file
        line = next(str(s) for s in report.skipped if Path(s.path).resolve() == path.resolve())
        assert path.name in line and "\n" not in line

    # the earlier posting is still there, untouched, and the new one is next to it
    after = index.collection.get(where={POSTING_ID_KEY: SEED_A}, include=["metadatas", "embeddings"])
    assert (after["ids"], after["metadatas"]) == (before["ids"], before["metadatas"])
    assert (after["embeddings"] == before["embeddings"]).all()
    assert [p.posting_id for p in index.postings()] == [SEED_A, SEED_B]
    assert "skipped 8" in report.summary()


def test_bad_files_inside_a_folder(tmp_path):
    """A folder scan skips each bad posting file by name; files of other kinds and sub-folders
    without postings are passed over silently (a folder of postings may hold notes or images)."""
    folder = tmp_path / "postings"
    cases = make_bad_inputs(folder)
    shutil.copy(SEEDS / SEED_B, folder / SEED_B)
    (folder / ".hidden.txt").write_text("Apply now\n")
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data"))
    report = index.ingest([folder])
    assert report.added == [SEED_B]
    reasons = _reasons(report)
    in_folder = {"empty", "binary", "undecodable", "huge", "corrupt pdf"}
    for case in in_folder:
        path, words = cases[case]
        assert path.resolve() in reasons, case
        assert all(word in reasons[path.resolve()] for word in words), (case, reasons[path.resolve()])
    assert len(reasons) == len(in_folder)  # not posting.docx, .hidden.txt or no_postings_here/
    for reason in reasons.values():
        _assert_one_line(reason)


def test_a_posting_that_turns_bad_keeps_its_old_chunks(tmp_path):
    folder = tmp_path / "postings"
    folder.mkdir()
    for name in (SEED_A, SEED_B):
        shutil.copy(SEEDS / name, folder / name)
    index = PostingIndex(Config.resolve(data_dir=tmp_path / "data"))
    index.ingest([folder])
    count = index.chunk_count()
    (folder / SEED_B).write_bytes(b"\x00\x01binary now")
    report = index.ingest([folder], prune=True)
    assert [Path(s.path).name for s in report.skipped] == [SEED_B]
    assert report.unchanged == [SEED_A] and report.removed == []
    assert index.chunk_count() == count  # a file that cannot be read now does not wipe its posting
    assert SEED_B in [p.posting_id for p in index.postings()]


def test_same_file_name_in_two_folders(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    shutil.copy(SEEDS / SEED_A, one / SEED_A)
    shutil.copy(SEEDS / SEED_A, two / SEED_A)
    report = PostingIndex(Config.resolve(data_dir=tmp_path / "data")).ingest([one, two])
    assert report.added == [SEED_A]
    assert len(report.skipped) == 1 and "same file name" in report.skipped[0].reason
    _assert_one_line(report.skipped[0].reason)


# --- reasons, file by file (no index needed) --------------------------------------------------
@pytest.mark.parametrize(
    "name,data,words",
    [
        ("blank.pdf", None, ("no text layer",)),
        ("locked.pdf", "encrypted", ("encrypted",)),
        ("garbage.pdf", b"%PDF-1.4\n" + b"\x13\x37garbage" * 100, ("not a readable PDF",)),
        ("notpdf.pdf", b"hello, this is not a pdf", ("not a readable PDF",)),
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), ("binary",)),
        ("page.html", b"\x00<html><body>x</body></html>", ("binary",)),
        ("chrome_only.txt", b"Apply now\nSave job\nPosted 3 days ago\nReport this job\n", ("no posting text",)),
        ("whitespace.txt", b"   \n\n\t \n", ("no posting text",)),
        ("bad_utf16.txt", b"\xff\xfe" + b"\x00\xd8", ("UTF-16",)),
    ],
)
def test_load_posting_reasons(tmp_path, name, data, words):
    path = tmp_path / name
    if data is None:
        path.write_bytes(_pdf())
    elif data == "encrypted":
        path.write_bytes(_pdf(encrypt="secret"))
    else:
        path.write_bytes(data)
    with pytest.raises(PostingError) as caught:
        load_posting(path)
    assert caught.value.path == str(path)
    _assert_one_line(caught.value.reason)
    for word in words:
        assert word in caught.value.reason
    assert str(caught.value).startswith(str(path))


def test_utf16_and_bom_postings_are_read(tmp_path):
    for name, data in (("utf16.txt", GOOD_TEXT.encode("utf-16")), ("bom.txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode())):
        (tmp_path / name).write_bytes(data)
        posting = load_posting(tmp_path / name)
        assert posting.fields.title == "Data Engineer"
        assert posting.fields.company == "Acme Robotics"


def test_unreadable_file_is_a_posting_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD_TEXT)

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(PostingError) as caught:
        load_posting(path)
    assert "Permission denied" in caught.value.reason


def test_file_size_limit_follows_the_setting(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(GOOD_TEXT * 20)
    with pytest.raises(PostingError) as caught:
        load_posting(path, max_bytes=1000)
    assert "over the 0.001 MB limit" in caught.value.reason


def test_discover_reports_missing_paths_and_empty_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    files, skipped = discover([tmp_path / "empty", tmp_path / "nope.txt", SEEDS])
    assert sorted(p.name for p in files) == [SEED_A, SEED_B]  # questions.jsonl is not a posting
    assert [(Path(s.path).name, s.reason.split(" (")[0]) for s in skipped] == [
        ("empty", "no postings"), ("nope.txt", "no such file or folder")]
