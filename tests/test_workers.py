"""Worker processes: they die with a killed ingest, and a plain script can start them.

Real subprocesses throughout: the ingest is the real command line or a real script file, and
it is killed with SIGKILL, which no Python code in it can intercept.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from makefiles import text_file

psutil = pytest.importorskip("psutil")

TEXT = ("Customs officers at the port of Antwerp seized {n} kg of cocaine hidden in bananas shipped from "
        "Guayaquil, Ecuador. Europol supported operation {n}, the agency said in Vienna.")


def _folder(tmp_path, n: int):
    d = tmp_path / "docs"
    d.mkdir()
    for i in range(n):
        text_file(d / f"doc{i:03d}.txt", f"Seizure report {i}\n\n" + TEXT.format(n=i + 1) * (1 + i % 3))
    return d


def _alive(procs) -> list:
    """The processes still running (a zombie has exited: only its exit status is left)."""
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


def _kill_all(procs) -> None:
    """Clean-up after a failed assertion: only the processes this test started, by id."""
    for p in _alive(procs):
        try:
            p.kill()
        except psutil.NoSuchProcess:
            pass


def _documents(db) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_workers_die_when_the_ingest_is_killed(tmp_path):
    folder = _folder(tmp_path, 80)  # 5 batches of 16: both workers busy for a while
    db = tmp_path / "s.db"
    ingest = subprocess.Popen([sys.executable, "-m", "docmine.cli", "ingest", str(folder), "--db", str(db),
                               "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(ingest.pid)
    seen: dict[int, psutil.Process] = {}
    try:
        # wait until both workers run and have stored work: they are loaded (about 250 MB each)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and ingest.poll() is None:
            try:
                for c in parent.children(recursive=True):
                    seen.setdefault(c.pid, c)
            except psutil.NoSuchProcess:
                break
            workers = [p for p in _alive(seen.values()) if "spawn_main" in " ".join(p.cmdline())]
            if len(workers) >= 2 and _documents(db) > 0:
                break
            time.sleep(0.1)
        assert ingest.poll() is None, "the ingest ended before it could be killed"
        assert len([p for p in _alive(seen.values()) if "spawn_main" in " ".join(p.cmdline())]) >= 2
        assert _documents(db) < 80
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait()
        deadline = time.monotonic() + 5
        while _alive(seen.values()) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [(p.pid, " ".join(p.cmdline())[:120]) for p in _alive(seen.values())]
        assert left == [], f"processes outlived the killed ingest: {left}"
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
        _kill_all(seen.values())


def test_the_watchdog_alone_ends_a_child_whose_parent_died(tmp_path):
    """The portable fallback (no parent-death signal): a thread that sees the parent is gone."""
    child = textwrap.dedent("""
        import os, sys, time
        from docmine import workers
        parent = int(sys.argv[1])
        workers._watch_parent(parent, 0.1)   # returns never: exits the process when the parent dies
    """)
    parent_code = textwrap.dedent(f"""
        import os, subprocess, sys, time
        p = subprocess.Popen([sys.executable, "-c", {child!r}, str(os.getpid())])
        print(p.pid, flush=True)
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", parent_code], stdout=subprocess.PIPE, text=True)
    grandchild = None
    try:
        grandchild = psutil.Process(int(parent.stdout.readline()))
        time.sleep(1.0)  # the child has imported docmine and is watching
        assert _alive([grandchild])
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 5
        while _alive([grandchild]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive([grandchild]), "the watchdog did not end the orphan"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if grandchild is not None:
            _kill_all([grandchild])


@pytest.mark.slow
def test_a_script_without_a_main_guard_ingests_once(tmp_path):
    folder = _folder(tmp_path, 20)  # two batches: two worker processes start
    db = tmp_path / "s.db"
    runs = tmp_path / "runs.txt"
    script = tmp_path / "my_analysis.py"
    script.write_text(textwrap.dedent(f"""
        import os
        import docmine

        with open({str(runs)!r}, "a") as fh:  # one line each time this script runs
            fh.write(str(os.getpid()) + "\\n")
        summary = docmine.ingest([{str(folder)!r}], db={str(db)!r}, workers=2)
        print("SUMMARY", summary.new_documents, summary.failed)
        print(docmine.entities(db={str(db)!r}, label="PLACE").head(3).to_string())
    """))
    p = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    assert "SUMMARY 20 0" in p.stdout, p.stdout + p.stderr
    assert "Antwerp" in p.stdout
    assert len(runs.read_text().split()) == 1, "the script ran again in the workers"


def test_bootstrapping_process_refuses_to_ingest_with_a_clear_message(tmp_path):
    """Another library's 'spawn' pool re-runs an unguarded script: docmine says what to add."""
    script = tmp_path / "uses_own_pool.py"
    script.write_text(textwrap.dedent(f"""
        import multiprocessing as mp
        import docmine

        docmine.ingest([{str(tmp_path)!r}], db={str(tmp_path / 'never.db')!r}, workers=1)
    """))
    code = textwrap.dedent(f"""
        import multiprocessing as mp, runpy
        mp.current_process()._inheriting = True   # what multiprocessing sets while a child re-runs __main__
        try:
            runpy.run_path({str(script)!r}, run_name="__mp_main__")
        except RuntimeError as exc:
            print("REFUSED", exc)
    """)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("REFUSED") and 'if __name__ == "__main__":' in p.stdout, p.stdout
    assert not (tmp_path / "never.db").exists()


# -- workers are forked from one loaded template ---------------------------------------------------

def _count_loads(marker: str) -> None:
    """Initializer: one line per process that loads (the real one loads the spaCy pipeline)."""
    with open(marker, "a") as fh:
        fh.write(f"{os.getpid()}\n")


def _hangs_on_stuck(batch):
    """Task: hangs where its own alarm cannot reach it on a file named 'stuck', else one row per file."""
    if any("stuck" in e[0] for e in batch):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)
    return [{"path": e[0], "pid": os.getpid()} for e in batch]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked from a template on Linux only")
def test_workers_and_their_replacements_are_forked_from_one_loaded_template(tmp_path, monkeypatch):
    from docmine import workers

    monkeypatch.setattr(workers, "KILL_SLACK", 1.0)
    marker = tmp_path / "loads"
    ex = workers.LocalExecutor(2, _count_loads, (str(marker),), _hangs_on_stuck, file_timeout=0.5)
    batches = [[(f"/d/{b}-{i}.txt", f"sha-{b}-{i}", 1, 1) for i in range(3)] for b in range(4)]
    batches[1][1] = ("/d/stuck.txt", "sha-stuck", 1, 1)
    rows = [r for batch in ex.run(batches) for r in batch]
    failed = [r for r in rows if "error" in r]
    assert failed == [{"path": "/d/stuck.txt", "sha256": "sha-stuck", "stage": "extract",
                       "error": "timed out after 0.5 s (the parser hangs); "
                                "raise --file-timeout if the file is just large"}]
    assert sorted(r["path"] for r in rows if "error" not in r) == sorted(
        e[0] for b in batches for e in b if e[0] != "/d/stuck.txt")
    assert ex.restarts >= 2  # the worker of the stuck batch, then the one of the stuck file alone
    assert len({r["pid"] for r in rows if "pid" in r}) >= 2
    assert len(marker.read_text().split()) == 1, "a worker loaded the pipeline itself"


def test_a_pipeline_that_cannot_load_is_an_error_message_not_a_failure_per_file(tmp_path):
    folder = _folder(tmp_path, 3)
    db = tmp_path / "s.db"
    p = subprocess.run([sys.executable, "-m", "docmine.cli", "ingest", str(folder), "--db", str(db), "--workers", "2",
                        "--model", "no_such_spacy_pipeline"], capture_output=True, text=True, timeout=300)
    assert p.returncode != 0
    assert "spaCy pipeline 'no_such_spacy_pipeline' is not installed" in p.stderr, p.stdout + p.stderr
    assert "worker died" not in p.stdout + p.stderr


_FAULTS = textwrap.dedent("""
    import random, resource
    from docmine.workers import tune_malloc
    applied = tune_malloc()
    rng, kept = random.Random(1), []
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(300):  # a document's arrays made and freed, a few small objects kept above them
        arrays = [bytearray(rng.choice((200_000, 1_000_000, 3_000_000))) for _ in range(4)]
        kept = [*kept[-50:], bytearray(5000)]
        del arrays
    print(applied, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator settings")
def test_workers_keep_freed_memory_instead_of_faulting_it_back_in_per_document(tmp_path):
    """The workers' allocator keeps freed blocks of a few MiB on its heap, so the next document's
    arrays reuse them; glibc's default unmaps or trims them and faults fresh pages in for every
    document (~230,000 faults for this pattern, ~3,000 tuned). DOCMINE_MALLOC=default leaves glibc
    as it is."""
    script = tmp_path / "faults.py"
    script.write_text(_FAULTS)
    tuned = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout.split()
    env = {**os.environ, "DOCMINE_MALLOC": "default"}
    plain = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True,
                           env=env).stdout.split()
    if plain[0] == "False" and tuned[0] == "False":
        pytest.skip("not glibc: mallopt is not applied")
    assert tuned[0] == "True" and plain[0] == "False"
    assert int(plain[1]) > 50_000
    assert int(tuned[1]) < 10_000
