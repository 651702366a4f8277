"""A folder of bad input mixed with good files, ingested by the real CLI.

Every good document must be stored, every bad file recorded in ``docmine failures`` with the
right plain-language reason and stage, nothing else lost, nothing outside the folder read.
The corpus is generated here (nothing is downloaded).
"""
import ctypes
import io
import os
import random
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli
from makefiles import docx_file, html_file, image_only_pdf, one_column_pdf, text_file

LINK_OUTSIDE = "symbolic link pointing outside the folder: not followed"
LINK_LOOP = "symbolic link loop: not followed"
LINK_BROKEN = "broken symbolic link: its target does not exist"
UNSUPPORTED = "unsupported format: not PDF, HTML, DOCX or text"

FILE_TIMEOUT = 3  # seconds: the slow file takes about 10 s to parse, a good one well under 0.1 s
MAX_FILE_MB = 50
MEMORY_MB = 2048  # per worker (test_memory_bomb); the DOCX bomb expands to more than this on its own
BOMB_MB = 2200
FLAGS = ["--workers", "1", "--file-timeout", FILE_TIMEOUT, "--max-file-mb", MAX_FILE_MB]

RELEASE = ("Vienna, 3 April 2024 – Customs officers at the port of Antwerp seized 1.2 tons of cocaine "
           "hidden in bananas shipped from Guayaquil, Ecuador. Europol supported the operation. "
           "Ms. Elena Petrova, head of the unit, said the seizure showed how traffickers use the port.")
SJIS = ["東京税関は成田空港で覚醒剤二十キロを押収したと発表した。",
        "警察は密輸組織の関係者三人を逮捕し、捜査を続けている。"]
RU = "Таможенники в Москве изъяли героин у границы с Казахстаном. Полиция задержала трёх подозреваемых."


def _pdf_bytes(tmp: Path, name: str, paragraphs: list[str], **kw) -> bytes:
    return one_column_pdf(tmp / name, paragraphs, **kw).read_bytes()


def _docx_without(src: Path, drop: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w") as zout:
        for n in zin.namelist():
            if n != drop:
                zout.writestr(n, zin.read(n))
    return buf.getvalue()


def _docx_bomb(src: Path, dest: Path, megabytes: int) -> None:
    """A valid-looking DOCX (a few MB) whose document.xml expands to ``megabytes``."""
    chunk = b"<w:p><w:r><w:t>heroin</w:t></w:r></w:p>" * 25_000  # 1 MB
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for n in zin.namelist():
            if n != "word/document.xml":
                zout.writestr(n, zin.read(n))
                continue
            with zout.open(n, "w", force_zip64=True) as fh:
                fh.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         b'wordprocessingml/2006/main"><w:body>')
                for _ in range(megabytes):
                    fh.write(chunk)
                fh.write(b"</w:body></w:document>")


def _html_page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head>{head}<title>Seizure report</title></head>"
            f"<body><main><article>{body}</article></main></body></html>")


def _can_drop_root_read_override() -> bool:
    """As root, permission bits are ignored; dropping CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH for the
    child makes a chmod 000 file unreadable to it. True when the child will obey permissions."""
    if os.geteuid() != 0:
        return True
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        r = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_read_override(libc))
        return r.returncode == 0
    except Exception:
        return False


def _drop_read_override(libc=None):
    libc = libc or ctypes.CDLL(None, use_errno=True)

    def drop():
        if os.geteuid() == 0:
            for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
                if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                    raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")
    return drop


def cli(*args, check=True, timeout=300):
    """The real `docmine` CLI in a subprocess that obeys file permissions even as root."""
    proc = subprocess.run([sys.executable, "-m", "docmine.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_drop_read_override() if UNREADABLE_OK else None)
    if check and proc.returncode != 0:
        raise AssertionError(f"docmine {' '.join(map(str, args))} exited {proc.returncode}\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


UNREADABLE_OK = _can_drop_root_read_override()


def build_corpus(root: Path, outside: Path, scratch: Path):
    """Returns (good, bad, skipped): good {relpath: (format, text that must be stored)},
    bad {relpath: (stage, reason or reason prefix ending in '…')}, skipped {relpath}."""
    good, bad = {}, {}
    for d in ("good", "wrong-ext", "encodings", "text", "pdf", "docx", "html", "misc", "big", "links", "special",
              "shell"):
        (root / d).mkdir(parents=True)

    # -- good documents -----------------------------------------------------------------------
    text_file(root / "good/release.txt", "Cocaine seized in Antwerp\n\n" + RELEASE)
    good["good/release.txt"] = ("txt", "Elena Petrova")
    one_column_pdf(root / "good/brief.pdf",
                   ["Heroin on the Balkan route",
                    "Turkish police seized 420 kg of heroin near Edirne on the border with Bulgaria."])
    good["good/brief.pdf"] = ("pdf", "420 kg of heroin near Edirne")
    docx_file(root / "good/minutes.docx", "Meeting on precursors",
              ["Officials from Uzbekistan and Tajikistan discussed acetic anhydride diversion in Tashkent."])
    good["good/minutes.docx"] = ("docx", "acetic anhydride diversion")
    html_file(root / "good/web.html", "Captagon seized in Jordan",
              ["The Jordan Armed Forces seized 3 million captagon pills on the border with Syria.",
               "The Anti-Narcotics Department said the pills were bound for Saudi Arabia."])
    good["good/web.html"] = ("html", "3 million captagon pills")
    # a PDF named .txt is read as a PDF (format from content, not the name)
    (root / "wrong-ext/report.txt").write_bytes(_pdf_bytes(scratch, "r.pdf", [
        "Belgian customs found 2 tons of cocaine in a container of frozen fish at Zeebrugge."]))
    good["wrong-ext/report.txt"] = ("pdf", "frozen fish at Zeebrugge")
    # a .docx that is really a text file is read as text
    text_file(root / "wrong-ext/notes.docx", "Notes from the field\n\nDutch police dismantled a synthetic drug "
              "laboratory near Eindhoven and seized 300 litres of BMK.")
    good["wrong-ext/notes.docx"] = ("txt", "laboratory near Eindhoven")
    # unexpected encodings: declared Shift-JIS, undeclared cp1251, and two wrong declarations
    html_file(root / "encodings/sjis-declared.html", "成田空港で覚醒剤押収", SJIS,
              charset="shift_jis", encoding="shift_jis")
    good["encodings/sjis-declared.html"] = ("html", SJIS[0])
    (root / "encodings/cp1251-undeclared.html").write_bytes(_html_page(f"<p>{RU}</p><p>{RU}</p>").encode("cp1251"))
    good["encodings/cp1251-undeclared.html"] = ("html", RU)
    cafe = "Police closed the Café de Flore in Málaga after finding 12 kg of hashish in the cellar. " * 2
    (root / "encodings/declares-utf16.html").write_bytes(
        _html_page(f"<p>{cafe}</p>", '<meta charset="utf-16">').encode("cp1252"))
    good["encodings/declares-utf16.html"] = ("html", "Café de Flore in Málaga")
    (root / "encodings/bogus-charset.html").write_bytes(
        _html_page(f"<p>{cafe.replace('12 kg', '14 kg')}</p>", '<meta charset="undefined">').encode("cp1252"))
    good["encodings/bogus-charset.html"] = ("html", "14 kg of hashish")
    # text with a stray NUL byte and Windows-1252 bytes (invalid UTF-8); text padded with NULs
    (root / "text/nul-and-latin1.txt").write_bytes(
        ("Brazilian federal police in São Paulo seized 500 kg of cocaine.\x00 The shipment was bound for "
         "Lisboa, according to the Polícia Federal.").encode("cp1252"))
    good["text/nul-and-latin1.txt"] = ("txt", "police in São Paulo seized 500 kg")
    (root / "text/nul-padded.txt").write_bytes(
        b"Spanish Guardia Civil intercepted a narco-submarine off Galicia carrying 3 tons of cocaine."
        + b"\x00" * 8192)
    good["text/nul-padded.txt"] = ("txt", "narco-submarine off Galicia")
    # deeply nested HTML
    (root / "html/nested.html").write_bytes(
        b"<html><body>" + b"<div>" * 100_000 + b"Deep inside the nesting, Europol reported 40 arrests in Marseille."
        + b"</div>" * 100_000 + b"</body></html>")
    good["html/nested.html"] = ("html", "40 arrests in Marseille")
    # a file name that would do harm if it ever reached a shell
    text_file(root / "shell/$(touch PWNED) `touch PWNED2`; rm -rf x.txt",
              "Greek coastguard seized 1.5 tons of cannabis off Crete, the ministry said.")
    good["shell/$(touch PWNED) `touch PWNED2`; rm -rf x.txt"] = ("txt", "cannabis off Crete")

    # -- bad files ------------------------------------------------------------------------------
    pdf = _pdf_bytes(scratch, "t.pdf", ["Truncated report on methamphetamine from Myanmar. " * 20])
    (root / "pdf/truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    bad["pdf/truncated.pdf"] = ("extract", "corrupt PDF: cannot be parsed …")
    (root / "pdf/garbage-after-header.pdf").write_bytes(b"%PDF-1.7\n" + random.Random(6).randbytes(4000))
    bad["pdf/garbage-after-header.pdf"] = ("extract", "corrupt PDF: cannot be parsed …")
    (root / "pdf/encrypted.pdf").write_bytes(_pdf_bytes(scratch, "e.pdf", ["Secret seizure figures."],
                                                        password="s3cret"))
    bad["pdf/encrypted.pdf"] = ("extract", "encrypted PDF: needs a password")
    (root / "pdf/scanned.pdf").write_bytes(image_only_pdf(scratch / "s.pdf").read_bytes())
    bad["pdf/scanned.pdf"] = ("extract", "no text layer: scanned PDF; OCR is not enabled (docmine ingest --ocr)")
    (root / "misc/empty.txt").write_bytes(b"")
    bad["misc/empty.txt"] = ("discover", "empty file: 0 bytes")
    (root / "misc/image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(2000))
    bad["misc/image.pdf"] = ("discover", UNSUPPORTED)
    (root / "misc/garbage.bin").write_bytes(random.Random(2).randbytes(5000))
    bad["misc/garbage.bin"] = ("discover", UNSUPPORTED)
    (root / "misc/only-nuls.txt").write_bytes(b"\x00" * 4096)
    bad["misc/only-nuls.txt"] = ("discover", UNSUPPORTED)
    src = docx_file(scratch / "src.docx", "Source", ["Precursor chemicals were diverted in Kazakhstan."])
    (root / "docx/missing-document.docx").write_bytes(_docx_without(src, "word/document.xml"))
    bad["docx/missing-document.docx"] = ("extract", "corrupt DOCX: a required part is missing (word/document.xml)")
    (root / "docx/missing-styles.docx").write_bytes(_docx_without(src, "word/styles.xml"))
    bad["docx/missing-styles.docx"] = ("extract", "corrupt DOCX: a required part is missing (word/styles.xml)")
    (root / "docx/truncated.docx").write_bytes(src.read_bytes()[:3000])
    bad["docx/truncated.docx"] = ("extract", "corrupt DOCX: not a complete ZIP archive (truncated or damaged)")
    (root / "html/scripts-only.html").write_text(
        "<html><head><script>var a = 1;</script><style>p {color: red}</style></head>"
        "<body><script>document.write('Heroin seized in Vienna')</script><noscript></noscript></body></html>")
    bad["html/scripts-only.html"] = ("extract", "empty HTML: no article text found")
    with open(root / "big/huge.txt", "wb") as fh:  # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60 * 2**20)
    bad["big/huge.txt"] = ("discover",
                           f"file too large: 60.0 MB > limit {MAX_FILE_MB} MB; raise --max-file-mb to read it")
    para = "Customs officers at the port of Antwerp seized cocaine hidden in bananas shipped from Guayaquil. " * 5
    (root / "big/slow.html").write_bytes(
        b"<html><body>" + f"<p>{para}</p>".encode() * 50_000 + b"</body></html>")  # ~25 MB, ~10 s to parse
    bad["big/slow.html"] = ("extract", f"timed out after {FILE_TIMEOUT} s (the parser loops); raise --file-timeout "
                                       "if the file is just large")
    # links: a loop to itself, a link to a parent folder, links leaving the folder, a broken link
    os.symlink("loop", root / "links/loop")
    bad["links/loop"] = ("discover", LINK_LOOP)
    os.symlink("..", root / "links/up")
    bad["links/up"] = ("discover", LINK_LOOP)
    os.symlink(outside / "secret.txt", root / "links/outside.txt")
    bad["links/outside.txt"] = ("discover", LINK_OUTSIDE)
    os.symlink(outside, root / "links/outside-dir")
    bad["links/outside-dir"] = ("discover", LINK_OUTSIDE)
    os.symlink("missing.txt", root / "links/broken.txt")
    bad["links/broken.txt"] = ("discover", LINK_BROKEN)
    os.mkfifo(root / "special/pipe")  # opening it would block for ever
    bad["special/pipe"] = ("discover", "a named pipe, not a file: skipped")
    if UNREADABLE_OK:
        text_file(root / "misc/unreadable.txt", "Mexican navy seized fentanyl precursors in Manzanillo.")
        os.chmod(root / "misc/unreadable.txt", 0)
        bad["misc/unreadable.txt"] = ("discover", "cannot read: Permission denied")

    # -- skipped quietly -------------------------------------------------------------------------
    (root / ".hidden.txt").write_text("hidden notes about heroin")
    os.symlink("good", root / "alias-of-good")  # a link to a folder inside: read from there, not twice
    return good, bad, {".hidden.txt", "alias-of-good"}


def _ro(db):
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def _failures(con, root):
    return {os.path.relpath(p, root): (stage, reason, run)
            for p, stage, reason, run in con.execute("SELECT path, stage, reason, run_id FROM failures")}


def _documents(con, root):
    return {os.path.relpath(f, root): (fmt, text, drun) for f, fmt, text, drun in con.execute(
        "SELECT f.path, d.format, d.text, d.run_id FROM files f JOIN documents d USING(doc_id)")}


def _check_reasons(failures, bad):
    assert set(failures) == set(bad), (sorted(set(failures) - set(bad)), sorted(set(bad) - set(failures)))
    for rel, (stage, reason) in bad.items():
        got_stage, got_reason, _ = failures[rel]
        assert got_stage == stage, (rel, got_stage, got_reason)
        if reason.endswith("…"):
            assert got_reason.startswith(reason[:-1]), (rel, got_reason)
        else:
            assert got_reason == reason, (rel, got_reason)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    root, outside, scratch = base / "docs", base / "outside", base / "scratch"
    outside.mkdir()
    scratch.mkdir()
    (outside / "secret.txt").write_text("OUTSIDE-SECRET: this file lives outside the ingested folder.")
    good, bad, skipped = build_corpus(root, outside, scratch)
    return base, root, good, bad, skipped


@pytest.mark.slow
def test_bad_input_is_recorded_and_good_input_is_stored(corpus):
    base, root, good, bad, skipped = corpus
    db = str(base / "store.db")
    t0 = time.monotonic()
    p = cli("ingest", root, "--db", db, *FLAGS)
    assert p.returncode == 0 and "Traceback" not in p.stderr
    assert f"new documents   {len(good)} " in p.stdout, p.stdout
    assert f"failed          {len(bad)}\n" in p.stdout, p.stdout
    assert f"skipped         {len(skipped)} " in p.stdout, p.stdout
    assert time.monotonic() - t0 < 240

    con = _ro(db)
    docs = _documents(con, root)
    # every good document stored, with the right format and its text, exactly once
    assert set(docs) == set(good)
    for rel, (fmt, snippet) in good.items():
        assert docs[rel][0] == fmt, (rel, docs[rel][0])
        assert snippet in docs[rel][1], (rel, docs[rel][1][:200])
        assert "\x00" not in docs[rel][1] and "\ufffd" not in docs[rel][1], rel
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(good)
    # every bad file recorded with the right stage and plain-language reason; nothing in both lists
    _check_reasons(_failures(con, root), bad)
    # nothing outside the folder was read, nothing was executed
    assert con.execute("SELECT COUNT(*) FROM documents WHERE text LIKE '%OUTSIDE-SECRET%'").fetchone()[0] == 0
    assert not list(base.rglob("PWNED*")) and not list(Path.cwd().glob("PWNED*"))
    # every stored document has its sentences and mentions
    assert con.execute("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                       "(SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)").fetchone()[0] == 0

    # `docmine failures` lists every bad file with its stage and the whole reason
    out = run_cli("failures", "--db", db).stdout
    for rel, (stage, reason) in bad.items():
        line = next((ln for ln in out.splitlines() if ln.startswith(str(root / rel) + " ")), None)
        assert line is not None, (rel, out)
        assert f"[{stage}]" in line and reason.rstrip("…") in line, line


@pytest.mark.slow
def test_retry_failed_retries_only_failed_files(corpus):
    base, root, good, bad, skipped = corpus
    db = str(base / "store.db")
    if not os.path.exists(db):
        pytest.skip("needs the store of test_bad_input_is_recorded_and_good_input_is_stored")
    con = _ro(db)
    run1 = con.execute("SELECT MAX(run_id) FROM runs").fetchone()[0]
    # fix one broken file, remove another, break a good one
    (root / "pdf/truncated.pdf").write_bytes(one_column_pdf(base / "scratch/fixed.pdf", [
        "Fixed report: methamphetamine from Myanmar reached Bangkok by truck."]).read_bytes())
    os.remove(root / "misc/garbage.bin")
    (root / "good/minutes.docx").write_bytes((root / "good/minutes.docx").read_bytes()[:2000])
    bad = dict(bad)
    del bad["pdf/truncated.pdf"], bad["misc/garbage.bin"]
    bad["good/minutes.docx"] = ("extract", "corrupt DOCX: not a complete ZIP archive (truncated or damaged)")
    good = {k: v for k, v in good.items() if k != "good/minutes.docx"}
    good["pdf/truncated.pdf"] = ("pdf", "reached Bangkok by truck")

    p = cli("ingest", root, "--db", db, "--retry-failed", *FLAGS)
    assert "new documents   1 " in p.stdout, p.stdout  # only the fixed file
    assert f"unchanged       {len(good) - 1}\n" in p.stdout, p.stdout  # good files are not re-read
    assert f"failed          {len(bad)}\n" in p.stdout, p.stdout
    run2 = con.execute("SELECT MAX(run_id) FROM runs").fetchone()[0]
    docs = _documents(con, root)
    assert set(docs) == set(good)
    assert "reached Bangkok by truck" in docs["pdf/truncated.pdf"][1]
    # the broken file's old document is gone with it; the other documents were not touched
    assert con.execute("SELECT COUNT(*) FROM documents WHERE text LIKE '%acetic anhydride%'").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(good)
    assert {rel for rel, (_, _, r) in docs.items() if r == run2} == {"pdf/truncated.pdf"}
    failures = _failures(con, root)
    _check_reasons(failures, bad)  # the removed file's failure is gone too
    assert all(run == run2 for _, _, run in failures.values())  # every failed file was tried again

    # without --retry-failed, unchanged failed files are not tried again (and nothing else changes)
    p = cli("ingest", root, "--db", db, *FLAGS)
    assert "new documents   0 " in p.stdout and f"failed          {len(bad)}\n" in p.stdout, p.stdout
    failures = _failures(con, root)
    _check_reasons(failures, bad)
    # only the problems found while walking (before any file is read) are recorded again
    refound = {rel for rel in bad if rel.startswith(("links/", "special/", "big/huge"))} | \
        ({"misc/unreadable.txt"} if UNREADABLE_OK else set())
    assert {rel for rel, (_, _, run) in failures.items() if run != run2} == refound
    assert set(_documents(con, root)) == set(good)
    assert run1 < run2


def test_default_size_limit_is_200_mb(tmp_path):
    from docmine.cli import build_parser
    from docmine.pipeline import IngestOptions, ingest

    assert IngestOptions().max_file_mb == 200
    a = build_parser().parse_args(["ingest", "x"])
    assert a.max_file_mb is None and a.file_timeout is None  # the API keeps its defaults
    folder = tmp_path / "docs"
    folder.mkdir()
    with open(folder / "dump.txt", "wb") as fh:
        fh.truncate(201 * 2**20)
    s = ingest([str(folder)], str(tmp_path / "s.db"))
    assert (s.failed, s.new_documents) == (1, 0)
    assert s.failures == [(str(folder / "dump.txt"), "discover",
                           "file too large: 201.0 MB > limit 200 MB; raise --max-file-mb to read it")]


def test_cli_rejects_nonsense_limits(tmp_path):
    for flag, value in (("--file-timeout", "0"), ("--max-file-mb", "-1"), ("--file-timeout", "soon")):
        p = run_cli("ingest", tmp_path, "--db", tmp_path / "s.db", flag, value, check=False)
        assert p.returncode == 2 and flag in p.stderr and "Traceback" not in p.stderr


def test_a_paragraph_of_many_lines_is_extracted_in_linear_time():
    # 40,000 hyphenated line ends in one paragraph: the old join was quadratic (minutes)
    from docmine.extract import extract_bytes
    from docmine.workers import FileAlarm

    data = ("Vienna report on traf-\nficking " * 40_000).encode()
    t0 = time.perf_counter()
    with FileAlarm(20):
        doc = extract_bytes("many-lines.txt", data)
    assert time.perf_counter() - t0 < 5
    assert doc.text.count("trafficking") == 40_000 and "traf-" not in doc.text


def test_the_file_alarm_cannot_be_swallowed_by_a_parser():
    # parsers catch Exception to fall back; the time limit must still stop them
    from docmine.workers import FileAlarm, FileTimeout

    t0 = time.perf_counter()

    def stubborn_parser():
        while time.perf_counter() - t0 < 3:
            try:
                sum(range(10_000))
            except Exception:
                pass

    with pytest.raises(FileTimeout):
        with FileAlarm(0.2):
            stubborn_parser()
    assert time.perf_counter() - t0 < 5


@pytest.mark.slow
def test_a_file_that_exhausts_memory_is_recorded_and_the_rest_stored(tmp_path):
    # a 10 MB DOCX whose document.xml expands beyond the worker's memory cap (a decompression bomb)
    folder = tmp_path / "docs"
    folder.mkdir()
    text_file(folder / "a.txt", "Police in Rotterdam seized 800 kg of cocaine in a shipment of pineapples.")
    src = docx_file(tmp_path / "src.docx", "Source", ["Precursor chemicals were diverted in Kazakhstan."])
    _docx_bomb(src, folder / "bomb.docx", BOMB_MB)
    text_file(folder / "z.txt", "Albanian police destroyed 40 tons of cannabis plants near Vlora.")
    db = str(tmp_path / "s.db")
    p = cli("ingest", folder, "--db", db, "--workers", "1", "--memory-mb", MEMORY_MB)
    assert "new documents   2 " in p.stdout and "failed          1\n" in p.stdout, p.stdout
    con = _ro(db)
    assert _failures(con, folder) == {"bomb.docx": ("extract", "out of memory while extracting", 1)}
    assert set(_documents(con, folder)) == {"a.txt", "z.txt"}


# -- security ---------------------------------------------------------------------------------------

SRC = Path(__file__).resolve().parents[1] / "src" / "docmine"
UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
UNSAFE_CALLS = {"eval", "exec", "compile", "execfile"}
UNSAFE_ATTRS = {("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execvp"), ("yaml", "load"),
                ("pd", "read_pickle"), ("pandas", "read_pickle")}


def _unsafe_uses(source: str, name: str) -> list[str]:
    """Code (not comments or docstrings) that can run data as code: pickle, eval/exec, shells."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source, name)):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import):
            found += [f"{where} import {a.name}" for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
            found.append(f"{where} from {node.module} import")
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in UNSAFE_CALLS:
                found.append(f"{where} {f.id}()")
            if isinstance(f, ast.Name) and f.id == "__import__" and not (
                    node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.append(f"{where} __import__() of a computed name")
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and (f.value.id, f.attr) in UNSAFE_ATTRS:
                found.append(f"{where} {f.value.id}.{f.attr}()")
            for kw in node.keywords:
                if kw.arg in ("shell", "allow_pickle") and isinstance(kw.value, ast.Constant) and kw.value.value:
                    found.append(f"{where} {kw.arg}=True")
    return found


def test_no_pickle_eval_exec_or_shell_anywhere_in_src():
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 20
    found = [u for f in files for u in _unsafe_uses(f.read_text(encoding="utf-8"), str(f.relative_to(SRC)))]
    assert found == []
    # the checker itself finds what it must
    assert len(_unsafe_uses("import pickle\nfrom marshal import loads\neval('1')\nexec('x=1')\n"
                            "os.system('ls')\nsubprocess.run('ls', shell=True)\n__import__(name)\n", "t.py")) == 7
    assert _unsafe_uses('"""never pickle; eval( and exec( in prose are fine"""\n', "t.py") == []


HOSTILE_QUERIES = [
    "Antwerp'; DROP TABLE documents; --",
    "x' OR '1'='1",
    '" OR 1=1 --',
    "Antwerp) UNION SELECT sql FROM sqlite_master --",
    "%", "_", "*", "\x00", "'", '"', "NEAR(", "Antwerp OR", "documents_fts MATCH 'a'",
    "1; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --",
]


@pytest.mark.parametrize("fuzzy", [False, True])
def test_search_input_cannot_inject_sql(tmp_path, fuzzy):
    from docmine.analysis.search import full_text, search
    from docmine.store import Store
    from storekit import add_document

    db = tmp_path / "s.db"
    with Store(db) as s:
        add_document(s, "a.txt", "Police seized cocaine in Antwerp. Antwerp is a port.",
                     {"Antwerp": "PLACE", "cocaine": "DRUG"})
        add_document(s, "b.txt", "Europol met in The Hague about heroin.", {"Europol": "ORG", "heroin": "DRUG"})
    with Store(db, readonly=True) as s:
        before = s.query("SELECT name, sql FROM sqlite_master ORDER BY name")
        for q in HOSTILE_QUERIES:
            hits = search(s, q, fuzzy=fuzzy, path=q, date_from=q, date_to=q)
            assert hits.empty, q  # hostile text is a value, never SQL
            try:
                rows = full_text(s, q, path=q, date_from=q)
            except ValueError as exc:
                assert "invalid full-text query" in str(exc), q  # a clear message, not a database error
            else:
                assert rows.empty, q
        # the filters are values too: a quote in the path filter finds nothing and breaks nothing
        assert search(s, "Antwerp", path="a.txt' OR '1'='1").empty
        assert list(search(s, "Antwerp")["path"].unique()) == ["a.txt"]
        assert s.query("SELECT name, sql FROM sqlite_master ORDER BY name") == before
        assert s.query("SELECT COUNT(*) FROM documents")[0][0] == 2
    assert not Path("/tmp/pwn.db").exists()


def test_a_lost_file_alarm_is_raised_again():
    # Python cannot raise from a weakref callback, __del__ or the garbage collector: an alarm that
    # fires there is lost ("Exception ignored in ..."), and the parser must still be stopped
    from docmine.workers import FileAlarm, FileTimeout

    t0 = time.perf_counter()
    lost = []

    def parser():
        while time.perf_counter() - t0 < 4:
            try:
                sum(range(10_000))
            except FileTimeout:
                if not lost:  # the first alarm is lost, as it would be inside a weakref callback
                    lost.append(time.perf_counter() - t0)
                    continue
                raise

    with pytest.raises(FileTimeout):
        with FileAlarm(0.2):
            parser()
    assert lost and time.perf_counter() - t0 < 1.5


def _scanned_pdf_with_text(path):
    """A 'scanned' page: text drawn as an image, no text layer."""
    import os

    import matplotlib
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf",
                                           "DejaVuSans.ttf"), 40)
    img = Image.new("RGB", (1700, 500), "white")
    d = ImageDraw.Draw(img)
    d.text((60, 80), "Customs seized heroin in Izmir.", fill="black", font=font)
    d.text((60, 200), "Europol supported the operation.", fill="black", font=font)
    png = str(path.parent.parent / (path.name + ".png"))  # outside the ingested folder
    img.save(png)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(png, x=10, y=10, w=190)
    pdf.output(str(path))
    return path


@pytest.mark.slow
@pytest.mark.skipif(not __import__("shutil").which("tesseract"),
                    reason="OCR test needs Tesseract (apt-get install tesseract-ocr) and pytesseract")
def test_ocr_reads_a_scanned_pdf(tmp_path):
    pytest.importorskip("pytesseract")
    from docmine import api

    folder = tmp_path / "scans"
    folder.mkdir()
    _scanned_pdf_with_text(folder / "scan.pdf")
    db = str(tmp_path / "o.db")
    s = api.ingest([str(folder)], db=db, workers=1)
    assert s.failed == 1 and "OCR is not enabled" in s.failures[0][2]
    s = api.ingest([str(folder)], db=db, workers=1, ocr=True, retry_failed=True)
    assert s.new_documents == 1 and s.failed == 0
    text = sqlite3.connect(db).execute("SELECT text FROM documents").fetchone()[0]
    assert "heroin" in text and "Europol" in text
