"""Validation at the edge: a user's mistake gets one message, `docmine: error: <message>. <what to do
next>`, exit status 2 and no traceback, from the real command line; the Python API raises ValueError
with the same message."""
import re

import pytest

from conftest import run_cli
from docmine import api
from storekit import SMALL_DOCS, small_store

DOCS = SMALL_DOCS
ALL_COMENTION_FORMATS = [".csv", ".jsonl", ".json", ".parquet", ".xlsx", ".graphml", ".gexf", ".png", ".svg"]
TABLE_FORMATS = ["csv", "jsonl", "json", "parquet", "xlsx"]
DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return small_store(str(tmp_path_factory.mktemp("store") / "s.db"))


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text("Europol seized heroin in Turkey.")
    return d


def usage_error(*args, cwd=None):
    """Run the command, check the error style, return the error message after 'docmine: error: '."""
    p = run_cli(*args, cwd=cwd, check=False)
    assert p.returncode == 2, f"exit {p.returncode}\n{p.stdout}\n{p.stderr}"
    assert "Traceback" not in p.stderr, p.stderr
    last = p.stderr.strip().splitlines()[-1]
    assert last.startswith("docmine: error: "), p.stderr
    message = last[len("docmine: error: "):]
    assert re.search(r"\S\. [A-Z]", message), f"no 'what to do next' after the message: {message!r}"
    return message


# -- paths -----------------------------------------------------------------------------------------
def test_a_missing_path_is_an_error_naming_it_and_nothing_is_ingested(tmp_path):
    db = tmp_path / "s.db"
    msg = usage_error("ingest", tmp_path / "no-such-folder", "--db", db)
    assert "no-such-folder" in msg and "no such file or folder" in msg
    assert not db.exists()


def test_some_paths_missing_is_an_error_too(folder, tmp_path):
    db = tmp_path / "s.db"
    msg = usage_error("ingest", folder, tmp_path / "typo-1", tmp_path / "typo-2", "--db", db)
    assert "typo-1" in msg and "typo-2" in msg and str(folder) + "'" not in msg
    assert not db.exists()


def test_a_relative_missing_path_says_where_it_was_looked_for(tmp_path):
    msg = usage_error("ingest", "reprots", "--db", "s.db", cwd=tmp_path)
    assert "'reprots'" in msg and str(tmp_path) in msg


# -- dates -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("flag", ["--from", "--to"])
@pytest.mark.parametrize("bad", ["01-02-2021", "2021/01/01", "2021-02-30", "2021-13", "2021-1-5", "21", "last year"])
def test_dates_in_other_forms_or_impossible_are_errors(db, flag, bad):
    msg = usage_error("search", "heroin", "--db", db, flag, bad)
    assert msg.startswith(f"{flag} '{bad}'") and DATE_FORMS in msg


@pytest.mark.parametrize("args,paths", [
    (["--from", "2021", "--to", "2021"], ["a.txt"]),
    (["--to", "2021"], ["a.txt"]),  # the whole year: 2021-03-04 <= "2021" was false as a string
    (["--from", "2021-03", "--to", "2021-03"], ["a.txt"]),
    (["--from", "2022-05-01"], ["b.txt", "c.txt"]),
    (["--to", "2022-05-01"], ["a.txt", "b.txt"]),
    (["--from", "2020-02-29", "--to", "2022-05"], ["a.txt", "b.txt"]),
])
def test_iso_days_months_and_years_are_accepted_and_cover_their_whole_period(db, args, paths):
    out = run_cli("search", "heroin", "--db", db, *args).stdout
    assert sorted(re.findall(r"\b[abc]\.txt\b", out)) == paths, out


def test_from_after_to_is_an_error(db):
    msg = usage_error("search", "heroin", "--db", db, "--from", "2022", "--to", "2021-06")
    assert "--from" in msg and "--to" in msg and "after" in msg


# -- counts ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("args,flag,expect", [
    (["entities", "--top", "-5"], "--top", "at least 0 (0 = all)"),
    (["entities", "--top", "many"], "--top", "whole number"),
    (["comention", "--rows", "ORG", "--cols", "DRUG", "--top", "-1"], "--top", "0 = all"),
    (["comention", "--rows", "ORG", "--cols", "DRUG", "--min-count", "0"], "--min-count", "positive whole number"),
    (["search", "heroin", "--limit", "0"], "--limit", "positive whole number"),
    (["search", "heroin", "--topic", "-2"], "--topic", "at least 0"),
    (["topics", "--seed", "-1"], "--seed", "at least 0"),
    (["topics", "--cross", "DRUG", "--min-count", "-3"], "--min-count", "positive whole number"),
    (["serve", "--port", "70000"], "--port", "between 1 and 65535"),
])
def test_counts_must_be_whole_numbers_in_range(db, args, flag, expect):
    msg = usage_error(*args, "--db", db)
    assert msg.startswith(f"{flag} must be") and expect in msg and f"Give, for example, {flag} " in msg


@pytest.mark.parametrize("flag,value,expect", [
    ("--workers", "-1", "positive whole number"),
    ("--workers", "0", "leave --workers out to use all cores"),
    ("--workers", "two", "positive whole number"),
    ("--memory-mb", "-5", "0 = no cap"),
    ("--memory-mb", "lots", "whole number"),
    ("--file-timeout", "0", "greater than 0"),
    ("--max-file-mb", "nan", "greater than 0"),
])
def test_ingest_counts_and_limits(folder, tmp_path, flag, value, expect):
    msg = usage_error("ingest", folder, "--db", tmp_path / "s.db", flag, value)
    assert msg.startswith(f"{flag} must be") and expect in msg
    assert not (tmp_path / "s.db").exists()


def test_evaluate_errors_count(tmp_path):
    msg = usage_error("evaluate", tmp_path / "gold.jsonl", "--errors", "-1")
    assert msg.startswith("--errors must be")


@pytest.mark.parametrize("k,expect", [
    ("abc", "auto or a whole number of topics"),
    ("2.5", "auto or a whole number of topics"),
    ("0", "at least 2"),
    ("-3", "at least 2"),
    ("1", "one topic is no clustering"),
])
def test_topics_k_is_auto_or_at_least_2(db, k, expect):
    msg = usage_error("topics", "--db", db, "--k", k)
    assert msg.startswith("--k must be") and expect in msg and "--k auto" in msg
    assert "invalid literal" not in msg and "k=0" not in msg


def test_k_auto_and_numbers_parse():
    from docmine.cli import build_parser

    assert build_parser().parse_args(["topics", "--k", "auto"]).k == "auto"
    assert build_parser().parse_args(["topics", "--k", "AUTO"]).k == "auto"
    assert build_parser().parse_args(["topics", "--k", "6"]).k == 6
    assert build_parser().parse_args(["topics"]).k == "auto"


def test_unknown_labels_list_the_labels(db):
    msg = usage_error("entities", "--db", db, "--label", "WEAPON")
    assert "unknown label" in msg and "PERSON, ORG, DRUG, PLACE, QUANTITY" in msg


# -- the store -------------------------------------------------------------------------------------
def test_a_folder_as_db_is_an_error_for_readers_and_for_ingest(folder, tmp_path):
    for args in (["entities"], ["export", "documents"], ["topics"], ["ingest", folder]):
        msg = usage_error(*args, "--db", tmp_path)
        assert "is a folder, not a store file" in msg and str(tmp_path / "docmine.db") in msg


def test_a_db_in_a_missing_folder_is_an_error(folder, tmp_path):
    msg = usage_error("ingest", folder, "--db", tmp_path / "nowhere" / "s.db")
    assert "does not exist" in msg and "nowhere" in msg


def test_a_missing_store_keeps_its_message_in_the_one_style(tmp_path):
    msg = usage_error("entities", "--db", tmp_path / "missing.db")
    assert "docmine ingest" in msg


# -- output formats --------------------------------------------------------------------------------
def test_comention_output_lists_every_supported_format(db, tmp_path):
    msg = usage_error("comention", "--db", db, "--rows", "ORG", "--cols", "DRUG", "-o", tmp_path / "x.txt")
    assert "'.txt'" in msg
    for ext in ALL_COMENTION_FORMATS:
        assert re.search(re.escape(ext) + r"\b", msg), (ext, msg)
    assert not (tmp_path / "x.txt").exists()


def test_export_format_lists_every_supported_format(db, tmp_path):
    msg = usage_error("export", "documents", "--db", db, "--format", "txt")
    assert all(f in msg for f in TABLE_FORMATS), msg
    msg = usage_error("export", "documents", "--db", db, "-o", tmp_path / "x.txt")
    assert all("." + f in msg for f in TABLE_FORMATS), msg


@pytest.mark.slow
def test_supported_outputs_still_work(db, tmp_path):
    run_cli("comention", "--db", db, "--rows", "ORG", "--cols", "DRUG", "--min-count", "1", "-o", tmp_path / "t.jsonl")
    assert (tmp_path / "t.jsonl").read_text().count("\n") >= 1
    run_cli("export", "documents", "--db", db, "--format", "JSONL", "-o", tmp_path / "d.out")
    assert (tmp_path / "d.out").read_text().count("\n") == len(DOCS)


def test_argparse_own_errors_use_the_same_style(db):
    msg = usage_error("comention", "--db", db, "--rows", "ORG")
    assert "--cols" in msg and "docmine comention --help" in msg


# -- the Python API raises the same messages ------------------------------------------------------
@pytest.mark.parametrize("call,cli,phrase", [
    (lambda db: api.entities(db=db, top=-5), ["entities", "--top", "-5"],
     "must be a whole number of at least 0 (0 = all)"),
    (lambda db: api.search("heroin", db=db, date_from="2021/01/01"), ["search", "heroin", "--from", "2021/01/01"],
     "'2021/01/01' is not a date in an accepted form. Write it as " + DATE_FORMS),
    (lambda db: api.search("heroin", db=db, date_to="2021-02-30"), ["search", "heroin", "--to", "2021-02-30"],
     "'2021-02-30' is not a calendar date"),
    (lambda db: api.search("heroin", db=db, date_from="2022", date_to="2021"),
     ["search", "heroin", "--from", "2022", "--to", "2021"],
     "so nothing can match. Swap the two dates, or leave one out"),
    (lambda db: api.topics(db=db, k="abc"), ["topics", "--k", "abc"], "must be auto or a whole number of topics"),
    (lambda db: api.topics(db=db, k=1), ["topics", "--k", "1"], "one topic is no clustering"),
    (lambda db: api.comention("ORG", "WEAPON", db=db), ["comention", "--rows", "ORG", "--cols", "WEAPON"],
     "'WEAPON' is an unknown label; choose from PERSON, ORG, DRUG, PLACE, QUANTITY"),
    (lambda db: api.comention("ORG", "DRUG", db=db, min_count=0),
     ["comention", "--rows", "ORG", "--cols", "DRUG", "--min-count", "0"],
     "must be a positive whole number"),
])
def test_the_api_raises_the_cli_message(db, call, cli, phrase):
    with pytest.raises(ValueError) as exc:
        call(db)
    assert phrase in str(exc.value)
    assert phrase in usage_error(*cli, "--db", db)


def test_the_api_checks_paths_store_and_counts_before_any_work(folder, tmp_path):
    db = str(tmp_path / "s.db")
    with pytest.raises(ValueError, match="no such file or folder: .*typo"):
        api.ingest([str(folder), str(tmp_path / "typo")], db=db)
    with pytest.raises(ValueError, match="workers must be a whole number of at least 0 \\(0 = all cores\\)"):
        api.ingest([str(folder)], db=db, workers=-1)
    with pytest.raises(ValueError, match="memory_mb must be"):
        api.ingest([str(folder)], db=db, memory_mb=-5)
    with pytest.raises(ValueError, match="is a folder, not a store file"):
        api.entities(db=str(tmp_path))
    with pytest.raises(ValueError, match="is a folder, not a store file"):
        api.ingest([str(folder)], db=str(tmp_path))
    with pytest.raises(ValueError, match="does not exist"):
        api.canonicalize(db=db, aliases=str(tmp_path / "mine.toml"))
    assert not (tmp_path / "s.db").exists()


def test_api_dates_cover_whole_months_and_years(db):
    assert list(api.search("heroin", db=db, date_to="2021")["path"]) == ["a.txt"]
    assert list(api.search("heroin", db=db, date_from="2021-03", date_to="2021-03")["path"]) == ["a.txt"]
    import datetime

    assert list(api.search("heroin", db=db, date_from=datetime.date(2023, 1, 1))["path"]) == ["c.txt"]


def test_search_facets_and_their_filters_from_the_command_line(db):
    out = run_cli("search", "Europol", "--facets", "--db", db).stdout
    lines = dict(line.split(": ", 1) for line in out.strip().splitlines())
    assert lines["drug class"] == "cocaine-type 3, opiate 3" and lines["country"] == "Spain 2, Türkiye 2"
    assert lines["label"] == "ORG 1" and lines["year"] == "2021 1, 2022 1, 2023 1"
    narrowed = run_cli("search", "Europol", "--country", "turkey", "--db", db).stdout
    assert "in 2 documents" in narrowed and "b.txt" not in narrowed
    assert "does not apply to --facets" in usage_error("search", "Europol", "--facets", "--path", "a", "--db", db)
    message = usage_error("search", "Europol", "--country", "Narnia", "--db", db)
    assert message.startswith("no document here mentions a place in 'Narnia'. Give one of the country values")
    assert "Spain, Türkiye" in message
    assert "cocaine-type, opiate" in usage_error("search", "Europol", "--text", "--drug-class", "stimulant",
                                                 "--db", db)
