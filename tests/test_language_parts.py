"""A document that mixes languages: each part is read by its own language's pipeline (the English
model never reads the Croatian half of a bilingual release), the document keeps its main language
and records its parts. A real file, the real models, a real store."""
from __future__ import annotations

import json
import sqlite3

import pytest

import docmine
from docmine.nlp.language_parts import MIN_PART_CHARS, blank_outside, language_parts, same_language

ENGLISH = (
    "Zagreb, 14 May 2024 - Joint press release of the Ministry of the Interior and the Customs Administration\n\n"
    "Croatian police officers seized 42 kilograms of heroin at the Bajakovo border crossing on Monday, the "
    "Ministry of the Interior said. The drugs were hidden in a compartment of a truck registered in Serbia. Two "
    "men were arrested. Minister Davor Božinović thanked the officers and the Customs Administration for their "
    "cooperation with Europol.\n\n"
    "The investigation is led by the County State Attorney's Office in Vukovar. According to the police, the "
    "heroin came from Turkey and was destined for the Netherlands and Germany. The case is part of a wider "
    "investigation into the Balkan route.")
CROATIAN = (
    "Priopćenje za medije\n\n"
    "Hrvatski policijski službenici zaplijenili su 42 kilograma heroina na graničnom prijelazu Bajakovo u "
    "ponedjeljak, priopćilo je Ministarstvo unutarnjih poslova. Droga je bila skrivena u bunkeru kamiona "
    "registriranog u Srbiji. Uhićena su dvojica muškaraca. Ministar Davor Božinović zahvalio je policijskim "
    "službenicima i Carinskoj upravi na suradnji s Europolom.\n\n"
    "Istragu vodi Županijsko državno odvjetništvo u Vukovaru. Prema navodima policije, heroin je stigao iz "
    "Turske, a bio je namijenjen Nizozemskoj i Njemačkoj. Slučaj je dio šire istrage o balkanskoj ruti.")
BILINGUAL = ENGLISH + "\n\n" + CROATIAN


def test_a_bilingual_text_splits_into_its_two_languages():
    parts = language_parts(BILINGUAL, "en")
    assert len(parts) == 2
    (s1, e1, l1), (s2, e2, l2) = parts
    assert (s1, e2) == (0, len(BILINGUAL)) and e1 == s2  # the parts cover the text
    assert l1 == "en" and same_language(l2, "hr")
    assert BILINGUAL.index("Hrvatski policijski") >= s2 > BILINGUAL.index("Balkan route")


def test_one_language_or_a_short_quote_is_not_split():
    assert language_parts(ENGLISH * 3, "en") == []
    assert language_parts(CROATIAN.replace("\n\n", "\n\n\n\n") * 2, "hr") == []  # hr, bs, sr: one family
    quote = "\n\nLa Guardia Civil incautó dos toneladas de cocaína en el puerto de Algeciras el martes.\n\n"
    assert len(quote) < MIN_PART_CHARS
    assert language_parts(ENGLISH + quote + ENGLISH, "en") == []


def test_blanking_keeps_offsets_and_line_breaks():
    text = "one two\n\nthree four\n\nfive"
    out = blank_outside(text, [(9, 19)])
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert out[9:19] == "three four" and not out[:9].strip() and not out[19:].strip()


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "release.txt").write_text(BILINGUAL, encoding="utf-8")
    db = str(folder / "m.db")
    summary = docmine.api.ingest([str(folder)], db=db, workers=1)
    return db, summary


def test_each_part_is_read_by_its_languages_pipeline(mixed_store):
    db, summary = mixed_store
    assert summary.new_documents == 1 and summary.failed == 0
    assert any("another language" in n and "en+" in n for n in summary.notes)
    con = sqlite3.connect(db)
    language, meta = con.execute("SELECT language, meta FROM documents").fetchone()
    assert language == "en"
    parts = json.loads(meta)["language_parts"]
    assert [p[2] for p in parts][0] == "en" and same_language(parts[1][2], "hr")
    split = parts[1][0]
    rows = con.execute("SELECT m.start, m.text, m.label, e.canonical FROM mentions m JOIN entities e"
                       " USING(entity_id) ORDER BY m.start").fetchall()
    english = {(t, lab, c) for s, t, lab, c in rows if s < split}
    croatian = {(t, lab, c) for s, t, lab, c in rows if s >= split}
    assert ("Davor Božinović", "PERSON", "Davor Božinović") in english
    assert ("Turkey", "PLACE", "Türkiye") in english
    # the Croatian half by its inflected local names under English canonical names: read by the
    # English model these were ORG "Turske", "Nizozemskoj" and no drug at all
    assert {("heroina", "DRUG", "heroin"), ("Srbiji", "PLACE", "Serbia"), ("Turske", "PLACE", "Türkiye"),
            ("Nizozemskoj", "PLACE", "Netherlands"), ("Njemačkoj", "PLACE", "Germany")} <= croatian
    # sentences: in order, none across the two parts, none overlapping
    sents = con.execute("SELECT start, end FROM sentences ORDER BY idx").fetchall()
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(sents, sents[1:], strict=False))
    assert not any(s < split < e for s, e in sents)
    # every mention's sentence holds it
    for start, end, idx in con.execute("SELECT start, end, sentence FROM mentions"):
        s, e = sents[idx]
        assert s <= start and end <= e


def test_the_reader_says_which_languages_a_document_mixes(mixed_store):
    from docmine.web.app import create_app

    db, _ = mixed_store
    html = create_app(db).test_client().get("/document/1").get_data(as_text=True)
    assert '<span id="langparts">(with parts in hr)</span>' in html
