"""The public Python API: no name clashes with submodules, and every example in the README's
"Python API" section runs as written (the examples are read from README.md, so it stays true)."""
import ast
import importlib
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT
from storekit import SMALL_DOCS, small_store

README = ROOT / "README.md"
DOCS = SMALL_DOCS


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return small_store(str(tmp_path_factory.mktemp("store") / "s.db"))


def run_python(code: str, cwd=None) -> str:
    """Run ``code`` in a fresh interpreter (a clean import state); fail with its stderr."""
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=cwd,
                       timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    return p.stdout


# -- name clashes ----------------------------------------------------------------------------------
def test_export_after_importing_the_export_module(db, tmp_path):
    out = run_python(f"""
        import docmine
        import docmine.export
        df = docmine.export("documents", db={db!r})
        assert {{"doc_id", "path", "title", "date", "topic"}} <= set(df.columns), df.columns
        print(len(df))
    """)
    assert out.split() == [str(len(DOCS))]


@pytest.mark.slow
def test_no_api_function_is_replaced_by_a_submodule_of_the_same_name(db, tmp_path):
    run_python(f"""
        import importlib, pkgutil, sys, types
        import docmine, docmine.api

        submodules = {{m.name for m in pkgutil.iter_modules(docmine.__path__)}}
        clashes = sorted(n for n in docmine.__all__ if n in submodules)
        assert {{"export", "evaluate", "report"}} <= set(clashes), clashes
        for name in clashes:  # every way of importing the submodule
            exec(f"import docmine.{{name}}")
            importlib.import_module("docmine." + name)
            exec(f"from docmine.{{name}} import *")
        for name in docmine.__all__:
            if name == "__version__":
                continue
            fn = getattr(docmine, name)
            assert isinstance(fn, types.FunctionType) and fn is getattr(docmine.api, name), (name, fn)
        # the submodules stay reachable by their full names
        for name in clashes:
            assert isinstance(sys.modules["docmine." + name], types.ModuleType)
        from docmine.export import write_table, documents_df
        assert importlib.import_module("docmine.evaluate").load_gold
        # the functions that import their own namesake keep working when called again
        for _ in range(2):
            assert docmine.report(db={db!r}, output={str(tmp_path / "r.html")!r}).endswith("r.html")
            assert len(docmine.export("entities", db={db!r})) == 6
        assert callable(docmine.evaluate) and callable(docmine.report)
        # other attributes can still be set (tools such as mock.patch do)
        docmine.some_attribute = 1
        assert docmine.some_attribute == 1
    """)


def test_the_first_call_of_export_works_without_importing_the_module(db):
    out = run_python(f"""
        import docmine
        print(len(docmine.export("mentions", db={db!r})))
    """)
    assert int(out) > 0


# -- the README's Python API section ---------------------------------------------------------------
def _section(text: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", text, re.S | re.M)
    assert m, f"README.md has no '## {title}' section"
    return m.group(1)


def readme_examples():
    """(python blocks, [(>>> expression, printed header line)]) of the README's Python API section."""
    section = _section(README.read_text(encoding="utf-8"), "Python API")
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", section, re.S | re.M)
    code = [body for lang, body in blocks if lang == "python"]
    sessions = []
    for _lang, body in blocks:
        lines = body.splitlines()
        for i, line in enumerate(lines):
            if line.startswith(">>> "):
                printed = lines[i + 1] if i + 1 < len(lines) and not lines[i + 1].startswith(">>>") else ""
                sessions.append((line[4:], printed))
    return section, code, sessions


def test_the_readme_section_has_examples():
    section, code, sessions = readme_examples()
    assert code and sessions
    assert "docmine.export(" in "".join(code) and "docmine.evaluate(" in "".join(code)


@pytest.fixture(scope="module")
def readme_folder(tmp_path_factory):
    """What the examples name, small: corpus/ (a few bundled documents, among them those behind the
    README's sample output: the evidence example's cell and the ZATCA-captagon pair that reaches
    min_count=3) and benchmarks/gold/press_releases.jsonl (its first records)."""
    base = tmp_path_factory.mktemp("readme")
    files = sorted((p for p in (ROOT / "corpus").rglob("*.txt")), key=lambda p: p.stat().st_size)[:8]
    cited = [ROOT / "corpus/press/2023-12-05-jordan-drone-captagon-syrian-border.txt",
             ROOT / "corpus/web/2021-11-03-zatca-captagon-pomegranates.html"]
    for src in {*files, *cited}:
        dst = base / src.relative_to(ROOT)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
    gold = base / "benchmarks/gold/press_releases.jsonl"
    gold.parent.mkdir(parents=True)
    lines = (ROOT / "benchmarks/gold/press_releases.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    gold.write_text("".join(lines[:3]), encoding="utf-8")
    return base


@pytest.mark.slow
def test_every_readme_python_example_runs(readme_folder, monkeypatch):
    import pandas as pd

    import docmine
    from docmine.pipeline import IngestSummary

    section, code, sessions = readme_examples()
    monkeypatch.chdir(readme_folder)
    namespace: dict = {}
    for block in code:
        for node in ast.parse(block).body:  # statement by statement, so a failure names its line
            stmt = ast.get_source_segment(block, node)
            if isinstance(node, ast.Expr):
                value = eval(compile(ast.Expression(node.value), "README.md", "eval"), namespace)
                assert isinstance(value, pd.DataFrame), (stmt, type(value))
            else:
                exec(compile(ast.Module([node], []), "README.md", "exec"), namespace)
    summary = namespace["summary"]
    assert isinstance(summary, IngestSummary)
    n_files = len([p for p in (readme_folder / "corpus").rglob("*") if p.is_file()])
    assert (summary.new_documents, summary.failed) == (n_files, 0), summary
    for expression, printed in sessions:
        value = eval(expression, namespace)
        if isinstance(value, pd.DataFrame) and printed.split():
            assert list(value.columns) == printed.split(), (expression, printed)
            assert len(value), expression
    # the package docstring's example too
    for line in (docmine.__doc__ or "").splitlines():
        if line.strip().startswith("docmine."):
            exec(line.strip(), namespace)
    # the stage functions the section names exist under those names
    for dotted in set(re.findall(r"`(docmine(?:\.\w+)+)\(", section)):
        parts = dotted.split(".")
        for i in range(len(parts) - 1, 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:i]))
                break
            except ImportError:
                continue
        for attr in parts[i:]:
            obj = getattr(obj, attr)
        assert callable(obj), dotted


def test_comention_with_no_pair_reaching_min_count_is_an_empty_table(db):
    import docmine

    table = docmine.comention("ORG", "DRUG", db=db, window="sentence", min_count=50)
    assert table.empty and "npmi" in table.columns
