"""Train, measure and ship the Croatian/Serbian/Bosnian (BCMS) NER model ``src/docmine/models/ner_bcms``.

Data: Universal NER (UNER v1) Croatian-SET and Serbian-SET (SETimes news, CC BY-SA 4.0), IOB2 files in
``../shared/data/ner/uner_hr_set`` and ``../shared/data/ner/uner_sr_set`` (column 3 is the UNER tag). Labels
are mapped PER -> PERSON, LOC -> PLACE, ORG -> ORG; OTH is dropped (its tokens become "O").

One joint model is trained on hr train + sr train (Latin) + a Latin->Cyrillic transliterated copy of sr train,
so Serbian Cyrillic text works as well. Every tenth block of 50 sentences of each train file (and the Cyrillic
copy of the Serbian blocks) is held out as spaCy's dev set during training: it picks the best checkpoint
and stops early. The official dev files are read only at the end, for the report: exact-span P/R/F1 per label
(spaCy's scorer) on hr dev, sr dev and a Cyrillic copy of sr dev, with the model's own tokenizer on the raw
sentence text (not the gold tokens).

The converted DocBins, the config and the training output live in a work folder outside the repository
(``--work``, default a folder under the system temp dir); the repository only receives the trained model and
its data card. Seeded (``--seed``); training runs ``spacy train --gpu-id -1`` in one process with one thread.

    python scripts/train_ner_bcms.py                # full run, installs src/docmine/models/ner_bcms
    python scripts/train_ner_bcms.py --quick        # smoke run on a slice, does not install
    python scripts/train_ner_bcms.py --eval-only    # re-measure the installed model on the dev files
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import spacy

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ner"
MODEL_DIR = ROOT / "src" / "docmine" / "models" / "ner_bcms"
LABEL_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}  # OTH is dropped
LABELS = ("PERSON", "ORG", "PLACE")
FILES = {
    "hr": ("uner_hr_set", "hr_set-ud-train.iob2", "hr_set-ud-dev.iob2"),
    "sr": ("uner_sr_set", "sr_set-ud-train.iob2", "sr_set-ud-dev.iob2"),
}
SEED = 20261201
MODEL_NAME = "ner_bcms"
MODEL_VERSION = "1.0.0"

# ---------------------------------------------------------------------------------------------------------------
# Serbian Latin -> Cyrillic (Vuk's alphabet; one letter per phoneme, so the mapping is deterministic)
# ---------------------------------------------------------------------------------------------------------------
_LAT2CYR_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_LAT2CYR = {
    "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е", "f": "ф", "g": "г",
    "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р",
    "s": "с", "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
}


def latin_to_cyrillic(text: str) -> str:
    """Transliterate Serbian Latin script to Serbian Cyrillic.

    ``lj``/``nj``/``dž`` (any case: ``Lj``, ``LJ``) become one letter; letters without a Serbian counterpart
    (q, w, x, y), digits and punctuation are kept. The rare words where the pair is two letters
    (``konjunktura``, ``nadživeti``) are transliterated as digraphs, as any rule-based converter does.
    """
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        pair = text[i:i + 2]
        low = pair.lower()
        if len(pair) == 2 and low in _LAT2CYR_DIGRAPHS:
            cyr = _LAT2CYR_DIGRAPHS[low]
            out.append(cyr.upper() if pair[0].isupper() else cyr)
            i += 2
            continue
        ch = text[i]
        cyr = _LAT2CYR.get(ch.lower())
        if cyr is None:
            out.append(ch)
        else:
            out.append(cyr.upper() if ch.isupper() else cyr)
        i += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------------
# IOB2 reading and conversion
# ---------------------------------------------------------------------------------------------------------------
class Sentence(NamedTuple):
    sent_id: str
    newdoc: bool
    words: list[str]
    tags: list[str]
    spaces: list[bool]


def _spaces_from_text(words: list[str], text: str | None) -> list[bool]:
    """Whether each token is followed by whitespace, recovered from the ``# text`` comment (else all True)."""
    if text is None:
        return [True] * len(words)
    spaces: list[bool] = []
    pos = 0
    for w in words:
        start = text.find(w, pos)
        if start < 0 or text[pos:start].strip():
            return [True] * len(words)  # the tokens do not spell the text: fall back to one space each
        if spaces:
            spaces[-1] = start > pos
        spaces.append(False)
        pos = start + len(w)
    if spaces:
        spaces[-1] = pos < len(text)
    return spaces


def read_iob2(path: Path) -> list[Sentence]:
    """UNER IOB2 file -> sentences (column 2 = form, column 3 = UNER tag)."""
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    sent_id, text, newdoc = "", None, False

    def flush() -> None:
        nonlocal words, tags, sent_id, text, newdoc
        if words:
            sents.append(Sentence(sent_id, newdoc, words, tags, _spaces_from_text(words, text)))
        words, tags, sent_id, text, newdoc = [], [], "", None, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\r\n")
        if line.startswith("#"):
            if words:
                flush()
            body = line[1:].strip()
            if body.startswith("newdoc"):
                newdoc = True
            elif body.startswith("sent_id"):
                sent_id = body.split("=", 1)[1].strip()
            elif body.startswith("text ="):
                text = body.split("=", 1)[1][1:] if "=" in body else None
            continue
        if not line.strip():
            flush()
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    flush()
    return sents


def iob_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags -> (start, end, mapped label) token spans; OTH is dropped, a stray I- starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if prefix == "I" and label == lab and start is not None:
            continue
        if start is not None and label in LABEL_MAP:
            spans.append((start, i, LABEL_MAP[label]))
        start, label = (i, lab) if prefix in ("B", "I") else (None, None)
    return spans


def to_doc(vocab, sent: Sentence, cyrillic: bool = False):
    from spacy.tokens import Doc, Span

    words = [latin_to_cyrillic(w) for w in sent.words] if cyrillic else sent.words
    doc = Doc(vocab, words=words, spaces=sent.spaces)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in iob_to_spans(sent.tags)]
    return doc


def split_tuning(sents: list[Sentence], block: int = 50, every: int = 10) -> tuple[list[Sentence], list[Sentence]]:
    """Hold out every ``every``-th block of ``block`` consecutive sentences (the last of each ten) as the tuning slice.

    Blocks rather than the tail: the train files run SETimes news, then other news, then web text, and the
    tuning slice should cover all three as the dev files do; whole blocks keep most of a document together.
    """
    train = [s for i, s in enumerate(sents) if (i // block) % every != every - 1]
    tune = [s for i, s in enumerate(sents) if (i // block) % every == every - 1]
    return train, tune


def write_docbin(docs, path: Path) -> None:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


# ---------------------------------------------------------------------------------------------------------------
# Tokenizer: UD-style BCMS tokens
# ---------------------------------------------------------------------------------------------------------------
def bcms_tokenizer_rules(nlp) -> None:
    """Make spaCy's ``hr`` tokenizer split text the way the UD/UNER BCMS treebanks do.

    * A hyphen between letters stays inside the word: inflected acronyms (``NATO-a``, ``SAD-u``, ``EU-om``)
      and double surnames (``Pop-Lazić``) are one token, as in the gold data (dashes ``–``/``—`` still split).
    * A final full stop after a lowercase+uppercase pair is split off (``BiH.`` -> ``BiH`` ``.``), as it is
      after two capitals.
    The rules are stored in the model's ``tokenizer`` file, so ``spacy.load`` needs no code for them.
    """
    from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
    from spacy.util import compile_infix_regex, compile_suffix_regex

    hyphen = f"(?<=[{ALPHA}])(?:-|–|—|--|---|——|~)(?=[{ALPHA}])"
    infixes = [r if r != hyphen else f"(?<=[{ALPHA}])(?:–|—|--|---|——|~)(?=[{ALPHA}])"
               for r in nlp.Defaults.infixes]
    if infixes == list(nlp.Defaults.infixes):
        raise RuntimeError("spaCy's hyphen infix rule changed; update bcms_tokenizer_rules")
    suffixes = [*nlp.Defaults.suffixes, rf"(?<=[{ALPHA_LOWER}][{ALPHA_UPPER}])\."]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


@spacy.registry.callbacks("docmine.bcms_tokenizer.v1")
def _bcms_tokenizer_callback():
    def before_init(nlp):
        bcms_tokenizer_rules(nlp)
        return nlp

    return before_init


# ---------------------------------------------------------------------------------------------------------------
# Config
# ---------------------------------------------------------------------------------------------------------------
EMBEDS = {
    # hashed NORM, PREFIX, SUFFIX and SHAPE embeddings (en_core_web_sm's kind)
    "multihash": """@architectures = "spacy.MultiHashEmbed.v2"
width = ${{components.tok2vec.model.encode.width}}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = {rows}
include_static_vectors = false""",
    # hashed NORM plus the first and last nC characters, each embedded (case endings)
    "char": """@architectures = "spacy.CharacterEmbed.v2"
width = ${{components.tok2vec.model.encode.width}}
rows = {norm_rows}
nM = 64
nC = 8
include_static_vectors = false""",
}

CONFIG = """
[paths]
train = null
dev = null
vectors = null
init_tok2vec = null

[system]
gpu_allocator = null
seed = {seed}

[nlp]
lang = "hr"
pipeline = ["tok2vec","ner"]
batch_size = 256
disabled = []
before_creation = null
after_creation = null
after_pipeline_creation = null
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}
vectors = {{"@vectors":"spacy.Vectors.v1"}}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
{embed}

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = {dropout}
accumulate_gradient = 1
patience = {patience}
max_epochs = 0
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = {use_averages}
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}
vocab_data = null
lookups = null
after_init = null

[initialize.before_init]
@callbacks = "docmine.bcms_tokenizer.v1"

[initialize.components]

[initialize.tokenizer]
"""


def write_config(path: Path, args: argparse.Namespace) -> None:
    embed = EMBEDS[args.embed].format(rows=json.dumps(args.rows), norm_rows=args.rows[0])
    text = CONFIG.format(seed=args.seed, embed=embed, width=args.width, depth=args.depth,
                         hidden=args.hidden, dropout=args.dropout, patience=args.patience,
                         max_steps=args.max_steps, eval_frequency=args.eval_frequency,
                         use_averages="true" if args.use_averages else "false")
    path.write_text(text.lstrip(), encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------------------------
def dev_sets(nlp, limit: int = 0) -> dict[str, list]:
    """Official dev files as gold Docs: hr, sr (Latin) and sr transliterated to Cyrillic."""
    sets: dict[str, list] = {}
    for lang, (folder, _, dev) in FILES.items():
        sents = read_iob2(DATA / folder / dev)
        if limit:
            sents = sents[:limit]
        sets[f"{lang}_dev"] = [to_doc(nlp.vocab, s) for s in sents]
        if lang == "sr":
            sets["sr_dev_cyrillic"] = [to_doc(nlp.vocab, s, cyrillic=True) for s in sents]
    return sets


def evaluate(nlp, gold_docs) -> tuple[dict, float]:
    """spaCy's scorer on the model's own tokenization of the raw text; returns (scores, words per second)."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    texts = [d.text for d in gold_docs]
    t0 = time.perf_counter()
    preds = list(nlp.pipe(texts, batch_size=256))
    secs = time.perf_counter() - t0
    examples = [Example(p, g) for p, g in zip(preds, gold_docs, strict=True)]
    scores = Scorer.score_spans(examples, "ents")
    n_words = sum(len(p) for p in preds)
    return scores, n_words / max(secs, 1e-9)


def evaluate_all(model_path: Path, limit: int = 0) -> tuple[dict[str, dict], float]:
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        nlp = spacy.load(model_path)
        results: dict[str, dict] = {}
        speeds = []
        for name, docs in dev_sets(nlp, limit).items():
            nlp(docs[0].text)  # warm-up
            scores, wps = evaluate(nlp, docs)
            speeds.append(wps)
            per = scores.get("ents_per_type") or {}
            results[name] = {
                "overall": {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]},
                **{lab: per.get(lab, {"p": 0.0, "r": 0.0, "f": 0.0}) for lab in LABELS},
                "n_gold": {lab: sum(1 for d in docs for e in d.ents if e.label_ == lab) for lab in LABELS},
            }
    return results, sum(speeds) / len(speeds)


def print_table(results: dict[str, dict]) -> None:
    print(f"{'dev set':<18}{'label':<9}{'gold':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for name, res in results.items():
        for lab in (*LABELS, "overall"):
            s = res[lab]
            gold = res["n_gold"].get(lab, sum(res["n_gold"].values())) if lab != "overall" else sum(
                res["n_gold"].values())
            print(f"{name:<18}{lab:<9}{gold:>6}{s['p']:>8.3f}{s['r']:>8.3f}{s['f']:>8.3f}")


# ---------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------
def build_corpora(work: Path, quick: bool) -> dict[str, int]:
    nlp = spacy.blank("hr")
    train_docs, tune_docs = [], []
    counts: dict[str, int] = {}
    for lang, (folder, train, _) in FILES.items():
        sents = read_iob2(DATA / folder / train)
        if quick:
            sents = sents[:600]
        tr, tu = split_tuning(sents)
        counts[f"{lang}_train"], counts[f"{lang}_tune"] = len(tr), len(tu)
        train_docs += [to_doc(nlp.vocab, s) for s in tr]
        tune_docs += [to_doc(nlp.vocab, s) for s in tu]
        if lang == "sr":
            train_docs += [to_doc(nlp.vocab, s, cyrillic=True) for s in tr]
            tune_docs += [to_doc(nlp.vocab, s, cyrillic=True) for s in tu]
            counts["sr_cyrillic_train"], counts["sr_cyrillic_tune"] = len(tr), len(tu)
    write_docbin(train_docs, work / "train.spacy")
    write_docbin(tune_docs, work / "tune.spacy")
    return counts


def train(work: Path, args: argparse.Namespace) -> float:
    write_config(work / "config.cfg", args)
    out = work / "output"
    if out.exists():
        shutil.rmtree(out)
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        env[var] = "1"
    cmd = [sys.executable, "-m", "spacy", "train", str(work / "config.cfg"), "--output", str(out),
           "--gpu-id", "-1", "--code", str(Path(__file__).resolve()),
           "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "tune.spacy")]
    print("+", " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env)
    return time.perf_counter() - t0


def install(best: Path, dest: Path, results: dict, train_secs: float, wps: float, counts: dict,
            args: argparse.Namespace) -> None:
    import spacy

    nlp = spacy.load(best)
    for key in ("train", "dev"):
        nlp.config["paths"][key] = None
    nlp.config["initialize"]["before_init"] = None  # the tokenizer rules are already in the tokenizer file
    tune = dict(nlp.meta.get("performance", {}))
    nlp.meta.update({
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "description": ("docmine NER for Croatian, Serbian (Latin and Cyrillic) and Bosnian: PERSON, ORG, PLACE. "
                        "CNN tok2vec + transition-based NER, no vectors, trained on Universal NER "
                        "Croatian-SET and Serbian-SET (SETimes and other news, Croatian web text)."),
        "author": "docmine",
        "license": "CC BY-SA 4.0",
        "spacy_version": ">=3.8.0,<3.9.0",  # as pyproject.toml; the weights load with any spaCy 3.8
        "url": "",
        "email": "",
        "sources": [
            {"name": "Universal NER: UNER_Croatian-SET", "url": "https://github.com/UniversalNER/UNER_Croatian-SET",
             "license": "CC BY-SA 4.0", "author": "Mayhew et al. 2024 (UNER v1); UD_Croatian-SET; SETimes"},
            {"name": "Universal NER: UNER_Serbian-SET", "url": "https://github.com/UniversalNER/UNER_Serbian-SET",
             "license": "CC BY-SA 4.0", "author": "Mayhew et al. 2024 (UNER v1); UD_Serbian-SET; SETimes"},
        ],
        "performance": tune,
        "docmine": {
            "performance_note": ("'performance' is spaCy's score on the tuning slice held out from train; "
                                 "'dev_scores' are exact-span scores on the official UNER dev files "
                                 "(sr_dev_cyrillic = sr dev transliterated to Cyrillic)."),
            "dev_scores": {k: {lab: {m: round(v[lab][m], 4) for m in ("p", "r", "f")} for lab in (*LABELS, "overall")}
                           for k, v in results.items()},
            "label_map": {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "OTH": None},
            "seed": args.seed,
            "train_sentences": counts,
            "train_seconds": round(train_secs),
            "words_per_second_one_thread": round(wps),
        },
    })
    if dest.exists():
        for child in dest.iterdir():
            if child.name != "README.md":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    nlp.to_disk(dest)
    prune_strings(dest, nlp)


def prune_strings(model: Path, nlp) -> None:
    """Keep only the strings the pipeline needs (labels, tokenizer exceptions) in ``vocab/strings.json``.

    Training leaves every word form of the corpus in the string store (1-2 MB, a word list of the data). The
    model needs none of them: embeddings hash the token text at run time, and the tokenizer and NER add their
    own strings when they load.
    """
    from spacy.attrs import NORM, ORTH

    keep = set(LABELS) | {"O"}
    for key, tokens in nlp.tokenizer.rules.items():
        keep.add(key)
        keep.update(str(t.get(ORTH, "")) for t in tokens)
        keep.update(str(t.get(NORM, "")) for t in tokens)
    path = model / "vocab" / "strings.json"
    path.write_text(json.dumps(sorted(k for k in keep if k)), encoding="utf-8")


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "docmine-ner-bcms",
                    help="work folder for DocBins, config and training output (outside the repository)")
    ap.add_argument("--out", type=Path, default=None,
                    help=f"install the best model here (default {MODEL_DIR.relative_to(ROOT)}; --quick: none)")
    ap.add_argument("--quick", action="store_true", help="smoke run: 600 sentences per language, 300 steps")
    ap.add_argument("--eval-only", action="store_true", help="only measure the installed model (or --out)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--rows", type=int, nargs=4, default=[12000, 1500, 6000, 1000],
                    metavar=("NORM", "PREFIX", "SUFFIX", "SHAPE"))
    ap.add_argument("--embed", choices=sorted(EMBEDS), default="multihash",
                    help="token embedding: hashed NORM/PREFIX/SUFFIX/SHAPE (default) or NORM plus characters")
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.15)
    ap.add_argument("--use-averages", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--max-steps", type=int, default=8000)
    ap.add_argument("--patience", type=int, default=2500)
    ap.add_argument("--eval-frequency", type=int, default=500)
    args = ap.parse_args()
    if args.quick:
        args.max_steps, args.patience, args.eval_frequency = 300, 300, 100
    dest = args.out or (None if args.quick else MODEL_DIR)

    if args.eval_only:
        target = args.out or MODEL_DIR
        results, wps = evaluate_all(target)
        print_table(results)
        print(f"inference: {wps:,.0f} words/s (one thread, nlp.pipe)")
        return

    work = args.work.resolve()
    if work.is_relative_to(ROOT):
        sys.exit("--work must be outside the repository (the DocBins hold the corpus text)")
    work.mkdir(parents=True, exist_ok=True)
    counts = build_corpora(work, args.quick)
    print("sentences:", json.dumps(counts))
    train_secs = train(work, args)
    best = work / "output" / "model-best"
    results, wps = evaluate_all(best, limit=200 if args.quick else 0)
    print_table(results)
    print(f"training: {train_secs / 60:.1f} min; inference: {wps:,.0f} words/s (one thread, nlp.pipe)")
    print(f"best model: {best} ({dir_size(best) / 1e6:.1f} MB)")
    if dest is not None:
        install(best, dest, results, train_secs, wps, counts, args)
        (work / "dev_scores.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(f"installed: {dest} ({dir_size(dest) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
