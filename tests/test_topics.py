"""Topic clustering: determinism, seed agreement, incremental assignment, the JSON model, errors,
the topic x entity table and trends. Themes come from a small generated set of seizure/report
texts (and from BBC News when ../shared/data/bbc-news/bbc-text.csv exists)."""
import json
import random
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from docmine.analysis.comention import comention
from docmine.analysis.topics import (
    IDF_POWER,
    MODEL_KEY,
    TopicModel,
    cluster_texts,
    distinct_terms,
    entity_token,
    fit_topics,
    load_model,
    make_label,
    spherical_kmeans,
    topic_entities,
    topic_table,
    topic_trend,
)
from docmine.store import Store
from storekit import add_document

BBC = Path(__file__).resolve().parents[1].parent / "shared/data/bbc-news/bbc-text.csv"

# -- a generated collection with four clear themes ----------------------------------------------
THEMES = {
    "cocaine_ports": {
        "places": ["Antwerp", "Rotterdam", "Hamburg", "Guayaquil", "Santos", "Algeciras"],
        "orgs": ["Belgian Customs", "Dutch Customs", "Guardia Civil", "Container Control Programme"],
        "things": ["bananas", "pineapples", "frozen fish", "coffee beans", "scrap metal"],
        "sentences": [
            "Customs officers at the port of {place} found {n} kilograms of cocaine hidden in a container of {thing}.",
            "The shipping container had been loaded in {place2} and was bound for a terminal in {place}.",
            "{org} said the cocaine was concealed with the rip-on rip-off method behind the container seals.",
            "Dock workers at {place} were bribed to move the container out of the terminal before inspection.",
            "Scanning of high-risk containers arriving from South America has been stepped up at {place}.",
            "The cocaine bricks carried logos used by traffickers shipping through {place2}.",
            "Port authorities in {place} reported record seizures of cocaine in maritime containers.",
            "Risk profiling by {org} flagged the reefer container carrying {thing} from {place2}.",
            "Traffickers exploit the large volume of container traffic through the port of {place}.",
            "Cocaine purity at wholesale level in {place} has risen while prices remain stable.",
        ],
    },
    "heroin_balkan": {
        "places": ["Western Balkans", "Bulgaria", "Turkey", "Kapitan Andreevo", "Serbia", "Iran"],
        "orgs": ["Turkish National Police", "Bulgarian Customs Agency", "SELEC", "Europol"],
        "things": ["tomato paste", "a lorry", "a bus", "textile rolls", "a car"],
        "sentences": [
            "Border police at {place} seized {n} kilograms of heroin concealed in {thing}.",
            "The heroin had travelled along the Balkan route from Afghanistan through {place2}.",
            "{org} dismantled a network that moved heroin overland through {place} towards Western Europe.",
            "Opium cultivation in Afghanistan supplies most of the heroin trafficked along the Balkan route.",
            "Lorry drivers crossing the border at {place} were recruited as couriers for the heroin.",
            "Joint operations coordinated by {org} targeted heroin stockpiles in {place2}.",
            "Heroin seizures at the {place} border crossing rose sharply compared with previous seizures.",
            "The opiates were repackaged in {place2} before continuing along the Balkan route.",
            "Acetic anhydride is smuggled in the opposite direction to heroin processing laboratories.",
            "Investigators traced the heroin consignment hidden in {thing} back to {place}.",
        ],
    },
    "money_laundering": {
        "places": ["Dubai", "Luxembourg", "Cyprus", "Hong Kong", "Panama", "Malta"],
        "orgs": ["FATF", "Egmont Group", "financial intelligence unit", "Europol"],
        "things": ["luxury watches", "real estate", "cryptocurrency", "shell companies", "gold"],
        "sentences": [
            "Drug proceeds were laundered through {thing} registered in {place}.",
            "The {org} reported suspicious transactions linked to drug money moving through {place}.",
            "Hawala brokers transferred cash for the traffickers without using the banking system.",
            "Investigators froze bank accounts and seized assets worth {n} million euros in {place}.",
            "Money mules deposited cash below reporting thresholds at banks in {place2}.",
            "Criminal proceeds were converted into {thing} and moved through accounts in {place}.",
            "The {org} recommended stronger beneficial ownership rules against laundering of drug money.",
            "Asset recovery and confiscation of criminal proceeds reached {n} million in {place2}.",
            "Trade-based money laundering disguised drug cash as payments for invoices from {place}.",
            "Virtual asset service providers in {place} were used to launder the proceeds.",
        ],
    },
    "treatment": {
        "places": ["Kazakhstan", "Kyrgyzstan", "Sofia", "Ankara", "Tbilisi", "Almaty"],
        "orgs": ["World Health Organization", "UNODC", "ministry of health", "Red Crescent"],
        "things": ["naloxone kits", "methadone", "buprenorphine", "outreach services", "family skills courses"],
        "sentences": [
            "Treatment services for people with drug use disorders in {place} now offer {thing}.",
            "The {org} trained health workers in {place} on evidence-based prevention and care.",
            "Opioid agonist therapy with methadone reduces overdose deaths and HIV infections.",
            "Outreach teams distributed {thing} to people who use drugs in {place2}.",
            "Family skills programmes in {place} help parents prevent drug use among children.",
            "Stigma keeps many patients away from treatment clinics in {place}.",
            "The {org} published revised standards for the treatment of drug use disorders.",
            "School-based prevention reached {n} pupils across {place2} last term.",
            "Harm reduction and take-home naloxone programmes were scaled up in {place}.",
            "Counsellors in {place} reported more young patients seeking care and rehabilitation.",
        ],
    },
}
GENERIC = [
    "The agency published the figures in a press release on its website.",
    "Officials said the investigation is continuing and further arrests are expected.",
    "For more information journalists can contact the media office.",
    "The report covers developments observed over the past year.",
    "Authorities thanked partner agencies for their cooperation.",
]
DRUGS = {"cocaine": "DRUG", "heroin": "DRUG", "opium": "DRUG", "methadone": "DRUG", "buprenorphine": "DRUG",
         "naloxone": "DRUG", "acetic anhydride": "DRUG|acetic anhydride"}


def entity_spec() -> dict[str, str]:
    spec = dict(DRUGS)
    for t in THEMES.values():
        spec.update({p: "PLACE" for p in t["places"]})
        spec.update({o: "ORG" for o in t["orgs"]})
    return spec


def make_doc(theme: str, rng: random.Random) -> str:
    t = THEMES[theme]
    sents = rng.sample(t["sentences"], 6)
    out = []
    for s in sents:
        out.append(s.format(place=rng.choice(t["places"]), place2=rng.choice(t["places"]), org=rng.choice(t["orgs"]),
                            thing=rng.choice(t["things"]), n=rng.randint(2, 900)))
    out.insert(rng.randrange(len(out)), rng.choice(GENERIC))
    out.append(rng.choice(GENERIC))
    return " ".join(out)


def collection(per_theme: int, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    themes = [th for th in THEMES for _ in range(per_theme)]
    rng.shuffle(themes)
    return [make_doc(th, rng) for th in themes], themes


@pytest.fixture(scope="module")
def synthetic():
    return collection(15, seed=1)


def fill_store(store: Store, texts, themes, start: int = 0, dated: bool = True) -> None:
    run = store.start_run("test", {})
    spec = entity_spec()
    for i, (text, th) in enumerate(zip(texts, themes, strict=True), start):
        date = f"{2019 + i % 5}-{1 + i % 12:02d}-15" if dated and i % 7 else None
        add_document(store, f"{th}/{i:03d}.txt", text, spec, date=date, run_id=run)


def assignments(store: Store) -> pd.DataFrame:
    return store.df("SELECT doc_id, path, topic, topic_weight FROM documents ORDER BY doc_id")


# -- the pure function ----------------------------------------------------------------------------
def test_same_seed_gives_identical_assignments_and_model(synthetic):
    texts, _ = synthetic
    a = cluster_texts(texts, k=4, seed=3)
    b = cluster_texts(texts, k=4, seed=3)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert a[2].to_json() == b[2].to_json()


def test_different_seeds_agree_and_recover_the_themes(synthetic):
    texts, themes = synthetic
    runs = [cluster_texts(texts, k=4, seed=s)[0] for s in (0, 1, 2)]
    for x, y in combinations(runs, 2):
        assert adjusted_rand_score(x, y) >= 0.9
    for labels in runs:
        assert adjusted_rand_score(themes, labels) >= 0.9


@pytest.mark.slow
def test_auto_k_finds_the_four_themes(synthetic):
    texts, themes = synthetic
    labels, weights, model = cluster_texts(texts, k="auto", seed=0)
    assert model.k == 4, model.params["k_selection"]
    assert normalized_mutual_info_score(themes, labels) >= 0.9
    scores = model.params["k_selection"]["scores"]
    assert set(scores) >= {"2", "3", "4", "5"}


# -- auto k on collections of different grain -----------------------------------------------------
ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "pl"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ou"]


def grained(groups: int, per_group: int, length: int, seed: int = 0) -> tuple[list[str], list[int]]:
    """``groups`` x ``per_group`` documents of about ``length`` words drawn by Zipf's law from a shared
    vocabulary of 2,000 made-up words, one word in four from the group's own 60 words (Zipf too):
    every group is a topic, most of every document is common vocabulary, lengths vary 0.5-1.5x."""
    rng = random.Random(seed)
    vocab: set[str] = set()
    while len(vocab) < 2000 + 60 * groups:
        vocab.add("".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 3))))
    words = sorted(vocab)
    rng.shuffle(words)
    shared, own = words[:2000], [words[2000 + 60 * g: 2060 + 60 * g] for g in range(groups)]
    z_shared, z_own = [1 / (r + 1) for r in range(2000)], [1 / (r + 1) for r in range(60)]
    docs = []
    for g in range(groups):
        for _ in range(per_group):
            n = rng.randint(length // 2, 3 * length // 2)
            docs.append((" ".join(rng.choices(own[g], z_own)[0] if rng.random() < 0.25
                                  else rng.choices(shared, z_shared)[0] for _ in range(n)), g))
    rng.shuffle(docs)
    return [d for d, _ in docs], [g for _, g in docs]


@pytest.mark.slow
@pytest.mark.parametrize("groups", [5, 12])
def test_auto_k_follows_the_grain_of_the_collection(groups):
    texts, truth = grained(groups, per_group=30, length=80)
    labels, _, model = cluster_texts(texts, k="auto", seed=0, boilerplate=False)
    assert 0.6 * groups <= model.k <= 1.6 * groups, model.params["k_selection"]
    assert normalized_mutual_info_score(truth, labels) >= 0.8
    scores = model.params["k_selection"]["scores"]
    low = model.params["k_selection"]["lower_third"]
    assert scores[str(model.k)] >= 12 and low[str(model.k)] >= 5
    assert all(scores[k] < 12 or low[k] < 5 for k in scores if int(k) > model.k)


@pytest.mark.slow
def test_auto_k_is_the_same_for_every_seed(synthetic):
    texts, _ = synthetic
    assert {cluster_texts(texts, k="auto", seed=s)[2].k for s in (0, 1, 2)} == {4}


def test_distinct_terms_counts_the_words_a_cluster_has_over_its_neighbour():
    # clusters 0 and 1 share their words but for 0's own "alpha"..."juliet"; cluster 2 is far away
    own = "alpha bravo charlie delta echo foxtrot golf hotel india juliet".split()
    common = "port cargo ship container".split()
    rows = [own + common] * 20 + [common] * 20 + [["cocaine", "heroin"]] * 20
    vocab = sorted({w for r in rows for w in r})
    B = sparse.csr_matrix([[1.0 if w in r else 0.0 for w in vocab] for r in rows])
    labels = np.repeat([0, 1, 2], 20)
    Z = np.array([[1.0, 0.2, 0.0]] * 20 + [[1.0, 0.0, 0.0]] * 20 + [[0.0, 0.0, 1.0]] * 20)
    got = distinct_terms(B, labels, Z, g_min=19.5)
    assert got[0] == len(own)  # against cluster 1, its nearest
    assert got[1] == 0  # nothing of its own against cluster 0
    assert got[2] == 2
    # the same rows split at random hold no distinct term
    rng = np.random.default_rng(0)
    half = np.array([0] * 10 + [1] * 10)
    assert distinct_terms(B[rng.permutation(20)], half, Z[:20], g_min=19.5).tolist() == [0, 0]


def test_spherical_kmeans_ends_at_a_fixed_point_of_the_cosine_rule(synthetic):
    texts, _ = synthetic
    _, _, model = cluster_texts(texts, k=4, seed=0, boilerplate=False)
    Z = model.project(model.tfidf(texts))
    c = spherical_kmeans(Z, Z[:4])  # a poor start: the first four texts
    assert np.allclose(np.linalg.norm(c, axis=1), 1.0)
    labels = np.argmax(Z @ c.T, axis=1)
    for j in range(4):  # each centroid is the direction of its documents' sum
        s = Z[labels == j].sum(axis=0)
        assert np.allclose(c[j], s / np.linalg.norm(s))


def test_spherical_kmeans_follows_angles_not_distances():
    # a broad cluster (-85..45 degrees, a short mean vector) and a tight one (88..92): k-means
    # from the two means keeps the documents at 18-22 degrees with the broad cluster, whose short
    # mean is nearer; in angle they are nearer the tight one's direction after refinement
    angles = np.radians(np.r_[np.linspace(-85, 45, 30), np.linspace(88, 92, 10)])
    Z = np.c_[np.cos(angles), np.sin(angles)]
    c = spherical_kmeans(Z, np.vstack([Z[:30].mean(axis=0), Z[30:].mean(axis=0)]))
    labels = np.argmax(Z @ c.T, axis=1)
    assert np.degrees(angles[labels == 1]).min() < 20
    assert np.array_equal(labels, np.degrees(angles) > 15)


def test_centroids_are_unit_vectors_and_idf_is_raised(synthetic):
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts, _ = synthetic
    _, _, model = cluster_texts(texts, k=4, seed=0, boilerplate=False)
    assert np.allclose(np.linalg.norm(model.centroids, axis=1), 1.0, atol=1e-6)
    words = [i for i, t in enumerate(model.vocabulary) if not t.startswith("ent_")]
    ref = TfidfVectorizer(vocabulary=model.vocabulary, token_pattern=model.params["token_pattern"]).fit(texts)
    assert model.params["idf_power"] == IDF_POWER > 1
    assert np.allclose(model.idf[words], ref.idf_[words] ** IDF_POWER, rtol=1e-6)


def test_topic_ids_are_canonical_and_weights_are_cosines(synthetic):
    texts, _ = synthetic
    # uneven theme sizes: the largest theme must be topic 0 whatever k-means numbered it
    texts = texts[:40] + [t for t in texts if "Customs officers" in t or "container" in t][:10]
    labels, weights, model = cluster_texts(texts, k=4, seed=0)
    sizes = np.bincount(labels)
    assert list(sizes) == sorted(sizes, reverse=True)
    assert [t["size"] for t in model.topics] == list(sizes)
    assert np.all((weights > 0) & (weights <= 1 + 1e-9))


@pytest.mark.slow
@pytest.mark.skipif(not BBC.exists(), reason="BBC News benchmark data not present")
def test_bbc_seeds_agree_and_match_sections():
    bbc = pd.read_csv(BBC)
    df = pd.concat([bbc[bbc["category"] == c].sample(80, random_state=0) for c in sorted(bbc["category"].unique())])
    runs = [cluster_texts(df["text"].tolist(), k=5, seed=s)[0] for s in (0, 1)]
    assert adjusted_rand_score(runs[0], runs[1]) >= 0.9
    assert normalized_mutual_info_score(df["category"], runs[0]) >= 0.8


# -- the JSON model -------------------------------------------------------------------------------
def test_model_json_round_trips_exactly(synthetic):
    texts, _ = synthetic
    labels, weights, model = cluster_texts(texts, k=4, seed=0)
    raw = model.to_json()
    d = json.loads(raw)  # plain JSON: no pickle, nothing evaluated
    assert d["format"] == "docmine-topic-model" and len(d["vocabulary"]) == model.components.shape[1]
    again = TopicModel.from_json(raw)
    assert again.to_json() == raw
    l2, w2 = again.predict(texts)
    assert np.array_equal(l2, labels) and np.array_equal(w2, weights)
    new_texts, _ = collection(2, seed=9)
    assert np.array_equal(again.predict(new_texts)[0], model.predict(new_texts)[0])
    d["centroids"]["shape"] = [99, 3]
    with pytest.raises(ValueError, match="corrupt|inconsistent"):
        TopicModel.from_json(json.dumps(d))
    with pytest.raises(ValueError, match="format"):
        TopicModel.from_json(json.dumps({"format": "something else"}))


# -- the store ------------------------------------------------------------------------------------
def test_fit_topics_table_and_stored_assignments(tmp_path, synthetic):
    texts, themes = synthetic
    with Store(tmp_path / "t.db") as store:
        fill_store(store, texts, themes)
        table = fit_topics(store, k=4, seed=0)
        assert list(table.columns[:6]) == ["topic", "label", "size", "terms", "entities", "representative"]
        assert table["size"].sum() == len(texts) and table["topic"].tolist() == [0, 1, 2, 3]
        assert all(" · " in lab for lab in table["label"]) and table["label"].is_unique
        docs = assignments(store)
        assert docs["topic"].notna().all()
        truth = [p.split("/")[0] for p in docs["path"]]
        assert adjusted_rand_score(truth, docs["topic"]) >= 0.9
        # entity tokens: the heroin topic lists canonical entity names, multi-word ones whole
        heroin_topic = docs[[p.startswith("heroin_balkan") for p in docs["path"]]]["topic"].mode()[0]
        row = table[table["topic"] == heroin_topic].iloc[0]
        assert "heroin" in row["label"] + row["terms"] + row["entities"]
        # entity tokens weigh less than words, yet every topic still lists its own entities
        assert all(table["entities"].str.len() > 0)
        assert "Western Balkans" in row["entities"]
        assert entity_token("PLACE", "Western Balkans") in load_model(store).vocabulary
        rep = row["representative"].split(" | ")
        assert len(rep) == 3 and all(r.startswith("heroin_balkan/") for r in rep)


@pytest.mark.slow
def test_same_store_and_seed_give_identical_assignments(tmp_path, synthetic):
    texts, themes = synthetic
    with Store(tmp_path / "t.db") as store:
        fill_store(store, texts, themes)
        fit_topics(store, k="auto", seed=7)
        first = assignments(store)
        fit_topics(store, k="auto", seed=7, refit=True)
        assert assignments(store).equals(first)


def test_new_documents_are_assigned_without_moving_earlier_ones(tmp_path, synthetic):
    texts, themes = synthetic
    with Store(tmp_path / "t.db") as store:
        fill_store(store, texts, themes)
        fit_topics(store, k=4, seed=0)
        before = assignments(store)
        model_before = store.get_meta(MODEL_KEY)
        new_texts, new_themes = collection(3, seed=42)
        fill_store(store, new_texts, new_themes, start=len(texts))
        table = fit_topics(store, seed=99)  # no refit: the seed must not matter
        after = assignments(store)
        assert after.head(len(before)).equals(before)
        assert store.get_meta(MODEL_KEY) == model_before
        assert table.attrs["assigned"] == len(new_texts)
        assert table["size"].sum() == len(texts) + len(new_texts)
        old, new = after.head(len(before)), after.iloc[len(before):]
        theme_topic = old.assign(theme=[p.split("/")[0] for p in old["path"]]).groupby("theme")["topic"].agg(
            lambda s: s.mode()[0])
        for r in new.itertuples():
            assert r.topic == theme_topic[r.path.split("/")[0]], r.path
        # nothing new: nothing changes
        assert fit_topics(store).attrs["assigned"] == 0
        assert assignments(store).equals(after)


def test_changing_k_needs_refit(tmp_path, synthetic):
    texts, themes = synthetic
    with Store(tmp_path / "t.db") as store:
        fill_store(store, texts, themes)
        fit_topics(store, k=4, seed=0)
        with pytest.raises(ValueError, match="refit=True"):
            fit_topics(store, k=3)
        table = fit_topics(store, k=3, seed=0, refit=True)
        assert len(table) == 3 and load_model(store).k == 3
        assert store.query("SELECT COUNT(*) FROM topics")[0][0] == 3


def test_near_duplicates_are_assigned_but_not_fitted(tmp_path, synthetic):
    texts, themes = synthetic
    with Store(tmp_path / "t.db") as store:
        fill_store(store, texts, themes)
        original = store.query("SELECT doc_id, text FROM documents ORDER BY doc_id LIMIT 1")[0]
        copy = original["text"] + " Republished by a news aggregator."
        store.write_batch([{"path": "mirror/copy.txt", "mtime_ns": 0, "sentences": [], "mentions": [],
                            "near_dup_of": original["doc_id"],
                            "document": {"path": "mirror/copy.txt", "sha256": "f" * 64, "format": "txt", "text": copy,
                                         "title": "copy", "date": None, "language": "en", "page_starts": [0],
                                         "size": len(copy), "meta": {}}}], store.start_run("test", {}))
        fit_topics(store, k=4, seed=0)
        assert load_model(store).params["n_fit"] == len(texts)
        topics = dict(store.query("SELECT path, topic FROM documents"))
        orig_path = store.query("SELECT path FROM documents WHERE doc_id=?", (original["doc_id"],))[0][0]
        assert topics["mirror/copy.txt"] == topics[orig_path]
        assert "copy" not in " ".join(topic_table(store)["representative"])


def test_clear_errors_for_tiny_stores_and_bad_k(tmp_path, synthetic):
    texts, themes = synthetic
    with Store(tmp_path / "t.db") as store:
        with pytest.raises(ValueError, match="ingest more"):
            fit_topics(store)
        fill_store(store, texts[:2], themes[:2])
        with pytest.raises(ValueError, match="at least 3.*ingest more"):
            fit_topics(store)
        fill_store(store, texts[2:5], themes[2:5], start=2)
        with pytest.raises(ValueError, match="k=9 is more topics than the 5 documents"):
            fit_topics(store, k=9)
        assert len(fit_topics(store, k="auto")) == 2  # 5 documents: k in 2..2
    with pytest.raises(ValueError, match="at least 2"):
        cluster_texts(texts, k=1)
    with pytest.raises(ValueError, match="'auto' or a whole number"):
        cluster_texts(texts, k="many")


# -- tables ---------------------------------------------------------------------------------------
def test_topic_entities_has_comention_columns_and_counts(tmp_path, synthetic):
    texts, themes = synthetic
    with Store(tmp_path / "t.db") as store:
        fill_store(store, texts, themes)
        fit_topics(store, k=4, seed=0)
        cross = topic_entities(store, "DRUG")
        assert list(cross.columns) == list(comention(store, "ORG", "DRUG", min_count=1).columns)
        docs = store.df("SELECT doc_id, topic, text FROM documents")
        labels = dict(store.query("SELECT topic, label FROM topics"))
        c = cross[cross["col"] == "cocaine"].sort_values("count").iloc[-1]
        topic = next(t for t, lab in labels.items() if lab == c["row"])
        has = docs["text"].str.contains("cocaine")
        assert c["count"] == (has & (docs["topic"] == topic)).sum()
        assert c["row_count"] == (docs["topic"] == topic).sum()
        assert c["col_count"] == has.sum() and c["windows"] == len(docs)
        assert c["mention_pairs"] == docs[docs["topic"] == topic]["text"].str.count("cocaine").sum()
        assert cross["npmi"].is_monotonic_decreasing
        assert set(topic_entities(store, None, min_count=3)["col"]) >= {"Antwerp", "Western Balkans"}


def test_topic_trend_counts_dated_documents(tmp_path, synthetic):
    texts, themes = synthetic
    with Store(tmp_path / "t.db") as store:
        fill_store(store, texts, themes)
        fit_topics(store, k=4, seed=0)
        years = topic_trend(store, "year")
        periods = [c for c in years.columns if c not in ("topic", "label")]
        assert periods == ["2019", "2020", "2021", "2022", "2023"]
        dated = store.query("SELECT COUNT(*) FROM documents WHERE date IS NOT NULL")[0][0]
        assert years[periods].to_numpy().sum() == dated
        assert years.attrs["undated"] == len(texts) - dated
        months = topic_trend(store, "month")
        mcols = [c for c in months.columns if c not in ("topic", "label")]
        assert len(mcols) == len(pd.period_range(mcols[0], mcols[-1], freq="M"))
        assert months[mcols].to_numpy().sum() == dated
        with pytest.raises(ValueError, match="freq"):
            topic_trend(store, "week")


def test_make_label_skips_repeated_words():
    names = {"ent_drug_cocaine": "cocaine", "ent_place_western_balkans": "Western Balkans"}
    assert make_label(["cocaine", "ent_drug_cocaine", "chemicals", "chemical", "ent_place_western_balkans"], names) \
        == "cocaine · chemicals · Western Balkans"


@pytest.mark.slow
def test_cli_auto_k_prints_the_curve_it_chose_from(tmp_path, synthetic):
    from conftest import run_cli

    texts, themes = synthetic
    db = tmp_path / "cli.db"
    with Store(db) as store:
        fill_store(store, texts, themes)
    out = run_cli("topics", "--db", db, "--seed", "0").stdout
    first, curve, lower = out.splitlines()[:3]
    assert first.startswith("4 topics (auto: largest k at which half the topics have at least 12 terms")
    assert curve.startswith("distinct terms (median) by k: ")
    assert lower.startswith("distinct terms (lower third) by k: ")

    def parse(line: str) -> dict[int, float]:
        return {int(k): float(v) for k, v in (item.split(":") for item in line.split(": ", 1)[1].split())}

    scores, low = parse(curve), parse(lower)
    assert scores[4] >= 12 and low[4] >= 5 and 2 in scores
    assert all(scores[k] < 12 or low[k] < 5 for k in scores if k > 4)
    out = run_cli("topics", "--db", db, "--k", "5", "--refit").stdout
    assert out.startswith("5 topics")


def test_auto_k_bar_grows_with_the_collections_own_evidence():
    """A fixed count of distinct terms lets a large collection of long texts split its themes far
    past what a reader calls a topic (all of BBC News: 23 for 5 sections); the bar is also a share
    of the coarsest split's count. The curve is BBC News's (1,249 articles), rounded."""
    from docmine.analysis.topics import DISTINCT_MIN, distinct_bar, fine

    bbc = {2: 304.7, 3: 214.5, 4: 154.2, 5: 109.0, 6: 84.7, 7: 58.7, 8: 50.5, 9: 41.8, 10: 32.3, 15: 20.8, 23: 13.0}
    low = dict.fromkeys(bbc, 9.0)
    bar = distinct_bar(bbc)
    assert bar > DISTINCT_MIN
    assert max(k for k in bbc if fine(bbc[k], low[k], bar)) == 8
    small = {2: 16.75, 3: 30.83, 4: 18.92, 5: 9.67}  # the bundled corpus: the fixed count decides
    assert distinct_bar(small) == DISTINCT_MIN
    assert not fine(30.0, 4.0, DISTINCT_MIN)  # one topic in three without its own words: no


def test_topics_table_trend_and_cross_count_only_the_tagged_documents(tmp_path, synthetic):
    """`docmine topics --tag T` answers "which themes are the documents I marked in?": every
    document is clustered, the table counts the tagged ones."""
    import docmine
    from conftest import run_cli

    texts, themes = synthetic
    db = str(tmp_path / "tags.db")
    with Store(db) as store:
        fill_store(store, texts, themes)
    whole = docmine.topics(db=db, k=3)
    first = sorted(set(themes))[0]
    mine = [i for i, th in enumerate(themes) if th == first][:4]
    for i in mine:
        docmine.tag("case", db=db, doc=f"{first}/{i:03d}.txt")
    table = docmine.topics(db=db, tag="case")
    assert table["size"].sum() == 4 and whole["size"].sum() == len(texts)
    assert list(table["label"]) == list(whole["label"])  # the collection's topics, counted on the tagged
    assert (table["size"] > 0).sum() == 1  # one theme, one topic
    trend = docmine.api.topic_trend(db=db, tag="case")
    assert trend.drop(columns=["topic", "label"]).to_numpy().sum() <= 4
    cross = docmine.api.topic_entities(db=db, label=None, tag="case")
    assert set(cross["windows"]) <= {4}
    out = run_cli("topics", "--db", db, "--tag", "case").stdout
    assert "(4 documents" in out and "(0 documents" in out
    assert docmine.topics(db=db, tag="nothing-tagged-so")["size"].sum() == 0


# -- a mixed-language collection ------------------------------------------------------------------
def test_stop_words_of_the_documents_language_are_blanked_in_place():
    from docmine.analysis.stopwords import language_stopwords, strip_stopwords

    es = "La Guardia Civil incautó cocaína en el puerto de Algeciras"
    out = strip_stopwords(es, "es")
    assert len(out) == len(es)  # offsets kept: entity tokens are read from the same positions
    assert out.split() == ["Guardia", "Civil", "incautó", "cocaína", "puerto", "Algeciras"]
    # Serbian: the Cyrillic list also in Latin script; Bosnian reads the Croatian and Serbian lists
    assert {"је", "je", "коју", "koju"} <= language_stopwords("sr")
    assert {"je", "koju"} <= language_stopwords("bs")
    english = "The police in Vienna seized heroin"
    assert strip_stopwords(english, "en") == english and strip_stopwords(english, None) == english
    assert language_stopwords(float("nan")) == frozenset()  # a NULL language read through pandas
    assert language_stopwords("xx-unknown") == frozenset()


def test_mixed_language_corpus_topics_are_named_by_shared_terms(corpus_db, tmp_path):
    """The bundled corpus holds Spanish, French, Croatian, Serbian, Albanian and Turkish documents
    among English ones: no topic term is another language's function word ("en" was one), and a
    word of one or two short foreign documents ("kokaina") does not name a topic of thirty."""
    import re

    from docmine.analysis.stopwords import language_stopwords
    from storekit import copy_store

    db = copy_store(corpus_db, str(tmp_path / "c.db"))
    with Store(db) as store:
        fit_topics(store, seed=0, refit=True)
        docs = store.df("SELECT doc_id, text, language, topic FROM documents")
        table = topic_table(store)
    langs = set(docs["language"].dropna()) - {"en"}
    assert len(langs) >= 4
    stops = frozenset().union(*(language_stopwords(x) for x in langs))
    for _, row in table.iterrows():
        terms = row["terms"].split(", ")
        assert not set(terms) & stops, terms
        texts = docs[docs["topic"] == row["topic"]]["text"].str.lower()
        for word in row["label"].split(" · "):
            if word in terms:
                held = texts.map(lambda t, w=word: re.search(rf"\b{re.escape(w)}\b", t) is not None).mean()
                assert held >= 0.2, (row["label"], word, held)


def test_the_k_curve_prints_in_order_of_k():
    """A stored model's scores have string keys; "10" came first (the README's tour showed
    "10:0  2:17.08  3:25.5")."""
    from docmine.cli import by_k

    assert by_k({"10": 0, "2": 17.08, "3": 25.5, "9": 0.5}) == "2:17.08  3:25.5  9:0.5  10:0"
