"""The report and the web app: escaping of hostile content, every page and CSV download."""
import re

import pytest

from makefiles import html_file, text_file

# every test needs the hostile store, whose ingest takes seconds
pytestmark = pytest.mark.slow

HOSTILE_TITLE = '<script>alert("title")</script>Heroin <img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    from docmine import api

    d = tmp_path_factory.mktemp("hostile")
    text_file(d / "a.txt", HOSTILE_TITLE + "\n\nVienna, 2 May 2024 – Europol said <script>alert('body')</script> "
              "that 20 kg of heroin were seized in Türkiye by the Turkish National Police. Europol and UNODC "
              "warned that heroin trafficking on the Balkan route <b onmouseover=alert(2)>continues</b>.")
    html_file(d / "b.html", "Cocaine &lt;script&gt;alert(3)&lt;/script&gt; in Antwerp",
              ["Europol said 2 tons of cocaine and 5 kg of heroin were seized in Antwerp"
               " &lt;iframe src=javascript:alert(4)&gt;.",
               "UNODC and Europol called it a record seizure of cocaine."])
    db = str(d / "h.db")
    api.ingest([str(d)], db=db, workers=1)
    return db


def _no_executable_markup(html: str) -> None:
    """Parse the page: hostile markup from documents must appear only as text, never as tags."""
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.bad, self.in_script, self.scripts = [], False, []

        def handle_starttag(self, tag, attrs):
            if tag in ("iframe", "img", "object", "embed"):
                self.bad.append(tag)
            self.bad.extend(f"{tag} {k}" for k, _ in attrs if k.startswith("on"))
            self.bad.extend(f"{tag} {k}" for k, v in attrs if v and v.strip().lower().startswith("javascript:"))
            self.in_script = tag == "script"

        def handle_endtag(self, tag):
            self.in_script = False if tag == "script" else self.in_script

        def handle_data(self, data):
            if self.in_script:
                self.scripts.append(data)

    p = Tags()
    p.feed(html)
    assert p.bad == []
    assert not any("alert" in s for s in p.scripts)


def test_report_escapes_hostile_documents(hostile_db, tmp_path):
    from docmine import api

    out = api.report(db=hostile_db, output=str(tmp_path / "r.html"))
    html = open(out, encoding="utf-8").read()
    _no_executable_markup(html)
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html  # shown, escaped
    assert "<script" not in html  # the report has no script at all
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing to fetch: opens offline
    assert "<link" not in html


def test_web_pages_escape_hostile_content_and_download_csv(hostile_db):
    from docmine.web.app import create_app

    client = create_app(hostile_db).test_client()
    pages = ["/", "/documents", "/document/1", "/document/2", "/search?q=heroin", "/search?q=heroin&text=1",
             "/comention?rows=ORG&cols=DRUG&min_count=1", "/evidence?row=Europol&col=heroin&window=sentence",
             "/entity/DRUG/heroin"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        _no_executable_markup(r.get_data(as_text=True))
    doc = client.get("/document/1").get_data(as_text=True)
    assert "<mark" in doc and "heroin" in doc
    csv = client.get("/comention?rows=ORG&cols=DRUG&min_count=1&format=csv")
    assert csv.mimetype == "text/csv" and csv.get_data(as_text=True).startswith("row,col,count")
    ev = client.get("/evidence?row=Europol&col=heroin&window=sentence").get_data(as_text=True)
    assert "20 kg of heroin" in ev
    # malformed input is a message, not a server error
    bad = client.get("/search?q=%22heroin&text=1")  # the page, with what to change, as a bad request
    assert bad.status_code == 400 and "invalid full-text query" in bad.get_data(as_text=True)
    assert client.get("/comention?rows=DROP&cols=DRUG").status_code == 400
    assert client.get("/entity/ORG/nobody").status_code == 404
    assert client.get("/autocomplete?q=her").get_json()[0]["entity"] == "heroin"
