"""End to end in headless Chromium (Debian's chromium + chromedriver, driven by Selenium).

Starts `docmine serve` on the bundled corpus, searches an entity, opens a co-mention cell
and checks the evidence. Screenshots of each page go to tests/output/. Skipped with a clear
message where Chromium or its driver is not installed (.ci/run installs both).
"""
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from storekit import copy_store, rows

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
OUT = Path(__file__).parent / "output"

pytestmark = [
    pytest.mark.skipif(not (CHROMIUM and DRIVER),
                       reason="headless browser test needs Debian's chromium and chromium-driver "
                              "(apt-get install chromium chromium-driver)"),
    pytest.mark.slow,  # starting the server and the browser takes seconds
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db: str, *extra: str):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "docmine.cli", "serve", "--db", db, "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/autocomplete?q=x", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("docmine serve did not start: " + (proc.stdout.read() if proc.stdout else ""))
    return proc, url


@pytest.fixture(scope="module")
def server(corpus_db):
    proc, url = _serve(corpus_db, "--read-only")  # the session's shared store is never written
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture()
def workbench(corpus_db, tmp_path):
    """A server over a private copy of the corpus store that may be written: (url, db, aliases file)."""
    db = tmp_path / "docmine.db"
    copy_store(corpus_db, str(db))
    aliases = tmp_path / "aliases.toml"
    proc, url = _serve(str(db), "--aliases", str(aliases))
    yield url, str(db), aliases
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1300,1000", "--disable-dev-shm-usage"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _shot(driver, name):
    OUT.mkdir(exist_ok=True)
    driver.save_screenshot(str(OUT / f"{name}.png"))


def test_search_entity_then_comention_cell_evidence(server, browser, corpus_db):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server + "/")
    _shot(browser, "overview")
    box = browser.find_element(By.ID, "q")
    box.send_keys("Europol")
    # autocomplete suggests the entity
    wait.until(EC.text_to_be_present_in_element((By.ID, "suggest"), "Europol (ORG"))
    assert browser.find_element(By.CSS_SELECTOR, "#suggest div").text.startswith("Europol (ORG")
    box.submit()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "td.kwic")))
    assert "Europol" in browser.find_element(By.TAG_NAME, "h2").text
    _shot(browser, "search")
    browser.get(server + "/comention?rows=ORG&cols=DRUG&measure=npmi&window=document&min_count=2")
    cells = browser.find_elements(By.CSS_SELECTOR, "#matrix a.cell")
    assert cells, "the ORG x DRUG table has no cells"
    _shot(browser, "comention")
    href = cells[0].get_attribute("href")
    cells[0].click()
    wait.until(EC.presence_of_element_located((By.ID, "evidence")))
    title = browser.find_element(By.ID, "evidence-title").text
    row, col = [x.strip() for x in title.split(" + ", 1)]
    texts = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "td.evidence-text")]
    assert texts, f"no evidence shown for {href}"
    _shot(browser, "evidence")
    # every evidence sentence holds a written form of both entities of the cell
    import sqlite3

    con = sqlite3.connect(corpus_db)

    def forms(name, label):
        return {r[0].lower() for r in con.execute(
            "SELECT DISTINCT m.text FROM mentions m JOIN entities e USING(entity_id) WHERE e.canonical=? AND e.label=?",
            (name, label))}

    org_forms, drug_forms = forms(row, "ORG"), forms(col, "DRUG")
    assert org_forms and drug_forms
    for t in texts:
        assert any(f in t.lower() for f in org_forms), (t, org_forms)
        assert any(f in t.lower() for f in drug_forms), (t, drug_forms)
    browser.find_elements(By.CSS_SELECTOR, "#evidence a")[0].click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "div.doc mark")))
    _shot(browser, "document")


_rows = rows


def test_tag_a_document_in_the_reader(workbench, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    url, db, _ = workbench
    wait = WebDriverWait(browser, 20)
    browser.get(url + "/document/3")
    browser.find_element(By.ID, "tagname").send_keys("balkan route")
    browser.find_element(By.ID, "addtag").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "msg"), "saved"))
    browser.find_element(By.ID, "star").click()
    wait.until(lambda d: "star" in d.find_element(By.ID, "tags").text)
    assert sorted(r[0] for r in _rows(db, "SELECT tag FROM tags WHERE kind='document'")) == ["balkan route", "star"]
    browser.get(url + "/document/3")  # the tags are shown when the page is opened again
    assert "balkan route" in browser.find_element(By.ID, "tags").text
    _shot(browser, "reader-tags")


def test_merge_two_entities_and_the_merge_survives_a_re_ingest(workbench, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    url, db, aliases = workbench
    wait = WebDriverWait(browser, 30)
    browser.get(url + "/entity/ORG/Europol")
    before = _rows(db, "SELECT COUNT(*) FROM mentions m JOIN entities e USING(entity_id)"
                       " WHERE e.label='ORG' AND e.canonical IN ('Europol', 'INTERPOL')")[0][0]
    old_page = browser.find_element(By.TAG_NAME, "h1")
    browser.find_element(By.ID, "other").send_keys("INTERPOL")
    browser.find_element(By.ID, "merge").click()
    wait.until(EC.staleness_of(old_page))  # the merge is saved, then the page reloads
    wait.until(EC.url_contains("/entity/ORG/Europol"))
    written_as = browser.find_element(By.XPATH, "//p[starts-with(normalize-space(), 'Written as')]").text
    assert "INTERPOL" in written_as  # now one of its written forms
    assert _rows(db, "SELECT COUNT(*) FROM mentions m JOIN entities e USING(entity_id)"
                     " WHERE e.label='ORG' AND e.canonical='Europol'")[0][0] == before
    assert "INTERPOL" in aliases.read_text(encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "note.txt").write_text("Lyon, 3 June 2025 - INTERPOL and the Turkish National Police seized 40 kg of "
                                    "heroin in Mersin.\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "docmine.cli", "ingest", str(inbox), "--db", db, "--aliases", str(aliases)],
                   check=True, capture_output=True, text=True, timeout=600)
    got = {r[0] for r in _rows(db, "SELECT e.canonical FROM mentions m JOIN entities e USING(entity_id) JOIN"
                                    " documents d USING(doc_id) WHERE d.path LIKE '%note.txt' AND e.label='ORG'")}
    assert "Europol" in got and "INTERPOL" not in got
    browser.get(url + "/entity/ORG/Europol")
    assert "note.txt" in browser.page_source or "Lyon" in browser.page_source
    _shot(browser, "entity-merged")


def test_a_snippet_opens_the_reader_at_its_hit(server, browser, corpus_db):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server + "/entity/DRUG/acetic%20anhydride")
    links = browser.find_elements(By.CSS_SELECTOR, "a.hitlink")
    assert links
    link = links[-1]
    hit_text = link.find_element(By.CSS_SELECTOR, "mark.kw").text
    link.click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".hit.cur")))
    cur = browser.find_element(By.CSS_SELECTOR, ".hit.cur")
    assert cur.text.startswith(hit_text)
    # scrolled to: the hit is inside the window
    top, height = browser.execute_script("const r=arguments[0].getBoundingClientRect();return [r.top, innerHeight]",
                                         cur)
    assert 0 <= top <= height
    _shot(browser, "reader-hit")


def test_filter_search_results_by_a_facet(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server + "/search?q=heroin")
    year_links = browser.find_elements(By.CSS_SELECTOR, "#facets a.facet[data-facet='year']")
    assert year_links
    year = year_links[0].text
    year_links[0].click()
    wait.until(EC.presence_of_element_located((By.ID, "active")))
    dates = [e.text.split(" ·")[0] for e in browser.find_elements(By.CSS_SELECTOR, "td .muted")]
    assert dates and all(d.startswith(year) for d in dates)
    # then by the country of the places the documents mention
    browser.get(server + "/search?q=heroin")
    country = browser.find_elements(By.CSS_SELECTOR, "#facets a.facet[data-facet='country']")[0]
    name, n = country.text, int(country.find_element(By.XPATH, "following-sibling::span").text)
    country.click()
    wait.until(EC.presence_of_element_located((By.ID, "active")))
    assert f"country {name}" in browser.find_element(By.ID, "active").text
    docs = {a.get_attribute("href").split("?")[0] for a in browser.find_elements(By.CSS_SELECTOR, "td > a")}
    assert 0 < len(docs) <= n
    _shot(browser, "search-facets")


def test_the_network_and_the_map_load(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/entity/DRUG/heroin")
    nodes = browser.find_elements(By.CSS_SELECTOR, "#ego a.ego-node")
    assert len(nodes) > 2
    _shot(browser, "entity-network")
    nodes[0].click()
    assert "/entity/" in browser.current_url
    browser.get(server + "/map")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map a.place")) > 10
    loaded = browser.execute_script(
        "return fetch(document.querySelector('#map image').getAttribute('href')).then(r => r.ok && r.headers.get("
        "'content-type') === 'image/png')")
    assert loaded
    _shot(browser, "map")


def test_a_table_sorts_by_the_column_clicked(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/documents")
    table = browser.find_element(By.TAG_NAME, "table")
    header = [th for th in table.find_elements(By.TAG_NAME, "th") if th.text == "mentions"][0]
    col = [th.text for th in table.find_elements(By.TAG_NAME, "th")].index("mentions")

    def column():
        rows = browser.find_element(By.TAG_NAME, "table").find_elements(By.TAG_NAME, "tr")[1:]
        return [int(r.find_elements(By.TAG_NAME, "td")[col].text) for r in rows]

    header.click()
    up = column()
    assert up == sorted(up) and len(set(up)) > 1
    header.click()
    assert column() == sorted(up, reverse=True)
