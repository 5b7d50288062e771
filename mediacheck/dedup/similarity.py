"""How similar two news headlines are, in [0, 1]: the same story in other words scores high, the same template
about another event ("Dow falls 2%" / "Dow falls 3%") lower.

A ridge regression over 14 lexical features of the pair (``FEATURES``), fitted to the human 0-5 scores of the STS
benchmark ``headlines`` pairs (train split; weights and a small idf table in
``mediacheck/data/headline_similarity.json``, no text). Pearson with the human scores: 0.821 (10-fold CV on
train), 0.845 on dev; TF-IDF cosine gives 0.711 / 0.700, rapidfuzz token_set_ratio 0.699 / 0.743.

- overlap of content-word stems cut to 4 letters ("syria"/"syrian", "israel"/"israeli"), plain and idf-weighted,
  after a hand-written synonym map of frequent headline words (rises/climbs/gains, kills/dead, US/U.S./United
  States, number words -> digits) and the project's stopwords; the idf mass left unmatched;
- stem bigrams (word order), a character 2-4-gram cosine of the stems, rapidfuzz token_set_ratio;
- agreement of numbers and of capitalised names, a negation mismatch, the length of the shorter headline.

Outlet labels and suffixes ("WATCH: ...", "... - Reuters") are dropped first; headlines equal after that
normalisation score 1, a headline with no words scores 0. ``pair_similarities`` and ``similarity_matrix`` score
many pairs with sparse-matrix products and ``rapidfuzz.process.cpdist``/``cdist`` (each distinct headline is
prepared once); ``headline_similarity`` is the one-pair convenience. Known limits: a lexical model, so paraphrases
with no shared words score low, and a swapped place or verb ("visit UK" / "visit Australia", "lifts ban" /
"continues ban") lowers the score less than a human would.
"""
from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from scipy import sparse

from mediacheck.dedup.labels import PREFIX, SUFFIX
from mediacheck.textutil import STOPWORDS, stem

DEFAULT_FILE = "headline_similarity.json"

FEATURES: tuple[str, ...] = (
    "key_idf_cos",          # cosine of the 4-letter stem-prefix sets, each key weighted by its idf
    "key_idf2_cos",         # the same with tf-idf vectors (idf^2 per shared key)
    "key_overlap",          # shared keys / keys of the shorter headline
    "unmatched_idf_min",    # log1p(idf mass left unmatched by the side that leaves less)
    "bigram_jaccard",       # Jaccard of consecutive stem pairs (word order)
    "char_cos",             # cosine of character 2-4-gram counts of the stems
    "number_mismatch",      # both give numbers and the sets differ
    "number_one_side",      # only one side gives numbers
    "number_jaccard",       # Jaccard of the numbers (0 unless both give some)
    "entity_substitution",  # log1p(min over sides of capitalised names missing from the other side)
    "entity_mismatch",      # share of the capitalised names missing from the other side
    "negation_mismatch",    # one side negated (not, no, never, denies, ...), the other not
    "min_stems",            # log1p(content stems of the shorter headline)
    "token_set_ratio",      # rapidfuzz token_set_ratio / 100 on rapidfuzz.utils.default_process text
)

# Frequent headline words that say the same thing; the first word of a line is the canonical form.
# Written for this module (not learnt): movement verbs, casualties, speech verbs, country names and demonyms,
# number words.
_SYNONYM_GROUPS = """
rise rises rising rose climb climbs climbed gain gains gained up jump jumps jumped soar soars soared surge surges
  surged advance advances advanced higher
fall falls fell falling drop drops dropped slide slides slid slip slips slipped decline declines declined lower down
  tumble tumbles tumbled sink sinks sank plunge plunges plunged
kill killed kills killing dead die dies died death deaths deadly
say says said tell tells told
usa us u.s u.s.a america american americans
uk britain british briton britons
attack attacks attacked
quake earthquake earthquakes quakes
win wins won victory
arrest arrests arrested detain detains detained
buy buys bought acquire acquires acquired acquisition
blast blasts explosion explosions
injure injured injures wound wounded wounds hurt
protesters demonstrators
china chinese
france french
japan japanese
germany german
spain spanish
greece greek
italy italian
israel israeli israelis
syria syrian syrians
iran iranian iranians
iraq iraqi iraqis
egypt egyptian egyptians
afghanistan afghan afghans
pakistan pakistani pakistanis
india indian
russia russian russians
turkey turkish
ukraine ukrainian
thailand thai
palestine palestinian palestinians
nigeria nigerian
yemen yemeni
libya libyan
somalia somali
australia australian
philippines philippine filipino
korea korean
europe european eu
kenya kenyan
saudi saudis
mexico mexican
canada canadian
indonesia indonesian
bangladesh bangladeshi
1 one
2 two
3 three
4 four
5 five
6 six
7 seven
8 eight
9 nine
10 ten
11 eleven
12 twelve dozen
20 twenty
100 hundred
100s hundreds
1000 thousand
1000s thousands
12s dozens
pm premier
"""
SYNONYMS: dict[str, str] = {}
for _line in re.sub(r"\n\s+", " ", _SYNONYM_GROUPS).strip().splitlines():
    _group = _line.split()
    for _w in _group:
        SYNONYMS[_w] = _group[0]

NEGATIONS = frozenset("not no never nor without fail fails failed deny denies denied reject rejects rejected".split())

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*%?|[^\W_]+(?:['.][^\W_]+)*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_PHRASES = (
    (re.compile(r"‚Äô|‚Äò"), "'"),                                  # mojibake of ’ ‘ in scraped text
    (re.compile(r"\bn\.?\s?korea", re.IGNORECASE), "north korea"),
    (re.compile(r"\bs\.?\s?korea", re.IGNORECASE), "south korea"),
    (re.compile(r"\bunited states\b", re.IGNORECASE), "usa"),
    (re.compile(r"\bunited kingdom\b", re.IGNORECASE), "uk"),
    (re.compile(r"\bunited nations\b", re.IGNORECASE), "un"),
)
_PREFIX, _SUFFIX = PREFIX, SUFFIX          # the one outlet-label table (labels.py)


def strip_outlet(text: str) -> str:
    """Drop a leading label ("WATCH: ") and a short trailing outlet/attribution segment (" - Reuters")."""
    s = " ".join(text.translate(_QUOTES).split())
    s = _PREFIX.sub("", s)
    m = _SUFFIX.search(s)
    if m and len(m.group(1).split()) <= 4 and m.start() >= 15 and not any(c.isdigit() for c in m.group(1)):
        s = s[:m.start()]
    return s


_hash = hash   # 64-bit id of a string: the columns of the sparse matrices (ids live only inside one process)


def stem_key(stem_: str) -> str:
    """The unit of overlap: a stem's first 4 letters ("syria"/"syrian", "israel"/"israeli"); numbers whole."""
    return stem_ if stem_[0].isdigit() else stem_[:4]


@lru_cache(maxsize=1 << 17)
def _word(w: str) -> str | None:
    """Canonical stem of a casefolded token, or None for stopwords and single letters."""
    if w.endswith("'s"):
        w = w[:-2]
    w = SYNONYMS.get(w, w)
    if w in STOPWORDS or (len(w) < 2 and not w.isdigit()):
        return None
    return w.replace(",", "") if w[0].isdigit() else stem(w.replace(".", ""))


@lru_cache(maxsize=1 << 17)
def _grams(stem_: str) -> tuple[int, ...]:
    p = f" {stem_} "
    return tuple(_hash(p[i:i + n]) for n in (2, 3, 4) for i in range(len(p) - n + 1))


@dataclass(frozen=True)
class _Tokens:
    norm: str                   # casefolded words joined by spaces: equal norms score 1, empty scores 0
    proc: str                   # rapidfuzz default_process of the cleaned headline
    stems: tuple[str, ...]      # content stems in order (synonyms mapped, stopwords dropped)
    names: frozenset[str]       # stems of capitalised words after the first (none for Title Case headlines)
    negated: bool


@lru_cache(maxsize=1 << 16)
def tokens(text: str) -> _Tokens:
    """Words of a headline as the model sees them (after dropping outlet labels and suffixes)."""
    s = strip_outlet(text)
    for pattern, repl in _PHRASES:
        s = pattern.sub(repl, s)
    raw = _TOKEN.findall(s)
    low = [t.casefold() for t in raw]
    alpha = [t for t, lo in zip(raw, low) if t[:1].isalpha() and lo not in STOPWORDS]
    title_case = len(alpha) >= 3 and sum(t[:1].isupper() for t in alpha) >= 0.6 * len(alpha)
    seq: list[str] = []
    names: set[str] = set()
    for i, (t, lo) in enumerate(zip(raw, low)):
        w = _word(lo)
        if w is None:
            continue
        if i > 0 and not title_case and t[:1].isupper():
            names.add(w)
        seq.append(w)
    return _Tokens(" ".join(low), default_process(s), tuple(seq), frozenset(names),
                   any(w in NEGATIONS or w.endswith("n't") for w in low))


@dataclass(frozen=True)
class _Doc:
    """One headline as sets of hashed ids (cached per text)."""

    norm: str
    proc: str
    keys: frozenset[int]
    stems: frozenset[int]
    names: frozenset[int]
    bigrams: frozenset[int]
    numbers: frozenset[int]
    seq: tuple[str, ...]        # the stems in order (their char 2-4-grams are counted per batch)
    negated: bool


@lru_cache(maxsize=1 << 16)
def _prep(text: str) -> _Doc:
    t = tokens(text)
    seq = t.stems
    return _Doc(
        norm=t.norm,
        proc=t.proc,
        keys=frozenset(_hash(stem_key(w)) for w in seq),
        stems=frozenset(_hash(w) for w in seq),
        names=frozenset(_hash(w) for w in t.names),
        bigrams=frozenset(_hash(f"{x} {y}") for x, y in zip(seq, seq[1:])),
        numbers=frozenset(_hash(w) for w in seq if w[0].isdigit()),
        seq=seq,
        negated=t.negated,
    )


_KINDS = ("keys", "stems", "names", "bigrams", "numbers")
_SIDE = ("key_w1", "key_w2", "n_keys", "n_stems", "n_names", "n_bigrams", "n_numbers", "negated")
_SCORERS = (("token_set_ratio", fuzz.token_set_ratio),)


class _Batch:
    """Sparse matrices (rows: headlines, columns: compacted hashed ids) for many intersections at once."""

    def __init__(self, docs: Sequence[_Doc], idf_ids: np.ndarray, idf_values: np.ndarray,
                 idf_default: float) -> None:
        n = len(docs)
        mats: dict[str, sparse.csr_matrix] = {}
        stem_cols = np.zeros(0, dtype=np.int64)
        for kind in _KINDS:
            sets = [getattr(d, kind) for d in docs]
            lengths = np.fromiter((len(x) for x in sets), dtype=np.int64, count=n)
            ids = np.fromiter(itertools.chain.from_iterable(sets), dtype=np.int64, count=int(lengths.sum()))
            data = np.ones(len(ids))
            if kind == "names":            # names are stems: use the stem columns
                uniq, cols = stem_cols, np.searchsorted(stem_cols, ids)
            else:
                uniq, cols = np.unique(ids, return_inverse=True)
            indptr = np.concatenate(([0], np.cumsum(lengths)))
            m = sparse.csr_matrix((data, cols.ravel(), indptr), shape=(n, max(len(uniq), 1)))
            m.sort_indices()
            mats[kind] = m
            if kind == "stems":
                stem_cols = uniq
            if kind == "keys":
                pos = np.clip(np.searchsorted(idf_ids, uniq), 0, max(len(idf_ids) - 1, 0))
                known = (idf_ids[pos] == uniq) if len(idf_ids) else np.zeros(len(uniq), bool)
                weight = np.where(known, idf_values[pos] if len(idf_ids) else 0.0, idf_default)
                mats["key_w"] = sparse.csr_matrix((weight[m.indices], m.indices, m.indptr), shape=m.shape)
        self.key_b, self.key_w, self.stem, self.name = mats["keys"], mats["key_w"], mats["stems"], mats["names"]
        self.bigram, self.number = mats["bigrams"], mats["numbers"]
        self.char = _char_matrix(docs)
        self.key_w1 = np.asarray(self.key_w.sum(axis=1)).ravel()
        self.key_w2 = np.asarray(self.key_w.multiply(self.key_w).sum(axis=1)).ravel()
        self.n_keys = np.diff(self.key_b.indptr).astype(np.float64)
        self.n_stems = np.diff(self.stem.indptr).astype(np.float64)
        self.n_names = np.diff(self.name.indptr).astype(np.float64)
        self.n_bigrams = np.diff(self.bigram.indptr).astype(np.float64)
        self.n_numbers = np.diff(self.number.indptr).astype(np.float64)
        self.negated = np.array([d.negated for d in docs], dtype=np.float64)
        self.proc = [d.proc for d in docs]
        self.norm = np.array([d.norm for d in docs], dtype=object)

    def side(self, rows) -> dict[str, np.ndarray]:
        return {k: getattr(self, k)[rows] for k in _SIDE}


def _char_matrix(docs: Sequence[_Doc]) -> sparse.csr_matrix:
    """Rows: L2-normalised counts of the char 2-4-grams of each headline's stems (docs x words @ words x grams)."""
    words: dict[str, int] = {}
    rows, cols = [], []
    for i, d in enumerate(docs):
        for w in d.seq:
            rows.append(i)
            cols.append(words.setdefault(w, len(words)))
    if not words:
        return sparse.csr_matrix((len(docs), 1))
    doc_word = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(docs), len(words)))
    grams = [_grams(w) for w in words]
    lengths = np.fromiter((len(g) for g in grams), dtype=np.int64, count=len(grams))
    ids = np.fromiter(itertools.chain.from_iterable(grams), dtype=np.int64, count=int(lengths.sum()))
    uniq, gcols = np.unique(ids, return_inverse=True)
    word_gram = sparse.csr_matrix((np.ones(len(ids)), gcols.ravel(), np.concatenate(([0], np.cumsum(lengths)))),
                                  shape=(len(words), len(uniq)))
    word_gram.sum_duplicates()
    m = (doc_word @ word_gram).tocsr()
    norm = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norm[norm == 0] = 1.0
    m = sparse.csr_matrix(sparse.diags(1.0 / norm) @ m)
    m.sort_indices()
    return m


def _chars(d: _Doc) -> dict[int, float]:
    grams = Counter(g for w in d.seq for g in _grams(w))
    norm = math.sqrt(math.fsum(v * v for v in grams.values())) or 1.0
    return {g: v / norm for g, v in grams.items()}


def _masks(norm_a, norm_b, stems_a, stems_b, shared) -> tuple[np.ndarray, ...]:
    """Rule masks: equal after normalisation, one side without words, the same content stems (and numbers)."""
    same_stems = (stems_a > 0) & (stems_a == stems_b) & (shared == stems_a)
    return norm_a == norm_b, (norm_a == "") | (norm_b == ""), same_stems


def _rowdot(x: sparse.csr_matrix, y: sparse.csr_matrix, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    return np.asarray(x[ia].multiply(y[ib]).sum(axis=1)).ravel()


def _div(num, den):
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    return np.divide(num, den, out=np.zeros(np.broadcast(num, den).shape), where=den > 0)


def _assemble(a: dict, b: dict, s: dict) -> list[np.ndarray]:
    """The FEATURES of pairs from per-side sizes (``a``, ``b``) and intersection sizes ``s`` (broadcastable)."""
    w1a, w1b, kw1 = a["key_w1"], b["key_w1"], s["key_w1"]
    ka, kb, ki = a["n_keys"], b["n_keys"], s["n_keys"]
    na, nb, ni = a["n_numbers"], b["n_numbers"], s["n_numbers"]
    both_numbers = (na > 0) & (nb > 0)
    miss_a = a["n_names"] - s["names_a"]        # names of a not among b's stems
    miss_b = b["n_names"] - s["names_b"]
    wa_un = np.maximum(w1a - kw1, 0.0)
    wb_un = np.maximum(w1b - kw1, 0.0)
    ones = np.ones(np.broadcast(ka, kb).shape)
    return [
        _div(kw1, np.sqrt(w1a * w1b)),
        _div(s["key_w2"], np.sqrt(a["key_w2"] * b["key_w2"])),
        _div(ki, np.minimum(ka, kb)),
        np.log1p(np.minimum(wa_un, wb_un)),
        _div(s["n_bigrams"], a["n_bigrams"] + b["n_bigrams"] - s["n_bigrams"]),
        s["char"] * ones,
        (both_numbers & ((ni < na) | (ni < nb))).astype(np.float64),
        ((na > 0) != (nb > 0)).astype(np.float64),
        np.where(both_numbers, _div(ni, na + nb - ni), 0.0),
        np.log1p(np.maximum(np.minimum(miss_a, miss_b), 0.0)),
        _div(miss_a + miss_b, a["n_names"] + b["n_names"]),
        (a["negated"] != b["negated"]).astype(np.float64),
        np.log1p(np.minimum(a["n_stems"], b["n_stems"])),
        s["token_set_ratio"] / 100.0 * ones,
    ]


class HeadlineSimilarity:
    """The fitted model: idf table of stem keys, feature weights and intercept (raw feature units)."""

    def __init__(self, idf: dict[str, float], idf_default: float, weights: Sequence[float] | None = None,
                 intercept: float = 0.0, header: dict | None = None, same_stems_floor: float = 0.0) -> None:
        self.idf = dict(idf)
        self.idf_default = float(idf_default)
        self.weights = None if weights is None else np.asarray(weights, dtype=np.float64)
        self.intercept = float(intercept)
        self.header = header or {}
        self.same_stems_floor = float(same_stems_floor)   # score at least this when the content stems are equal
        if self.weights is not None and len(self.weights) != len(FEATURES):
            raise ValueError("weights do not match FEATURES")
        by_id = {_hash(k): float(v) for k, v in self.idf.items()}
        self._idf_by_id = by_id
        self._idf_ids = np.array(sorted(by_id), dtype=np.int64)
        self._idf_values = np.array([by_id[i] for i in self._idf_ids.tolist()], dtype=np.float64)

    @classmethod
    def from_json(cls, text: str) -> HeadlineSimilarity:
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, d: dict) -> HeadlineSimilarity:
        if tuple(d["features"]) != FEATURES:
            raise ValueError("headline similarity weights were fitted on other features than this version "
                             "computes; refit them")
        return cls(d["idf"], d["idf_default"], d["weights"], d["intercept"], d.get("header"),
                   d.get("same_stems_floor", 0.0))

    # -- features ------------------------------------------------------------------------------------------
    def _batch(self, texts: Sequence[str]) -> _Batch:
        return _Batch([_prep(t) for t in texts], self._idf_ids, self._idf_values, self.idf_default)

    def _one(self, da: _Doc, db: _Doc) -> np.ndarray:
        """Features of one pair with plain sets (no sparse-matrix set-up): the single-pair path."""
        idf = self._idf_by_id
        dflt = self.idf_default

        def side(d: _Doc) -> dict[str, float]:
            w = [idf.get(k, dflt) for k in d.keys]
            return {"key_w1": math.fsum(w), "key_w2": math.fsum(x * x for x in w), "n_keys": len(d.keys),
                    "n_stems": len(d.stems), "n_names": len(d.names), "n_bigrams": len(d.bigrams),
                    "n_numbers": len(d.numbers), "negated": float(d.negated)}
        shared = [idf.get(k, dflt) for k in da.keys & db.keys]
        small, large = sorted((_chars(da), _chars(db)), key=len)
        s = {"key_w1": math.fsum(shared), "key_w2": math.fsum(x * x for x in shared),
             "n_keys": len(shared), "names_a": len(da.names & db.stems), "names_b": len(db.names & da.stems),
             "n_bigrams": len(da.bigrams & db.bigrams), "n_numbers": len(da.numbers & db.numbers),
             "char": math.fsum(v * large.get(g, 0.0) for g, v in small.items()),
             "token_set_ratio": fuzz.token_set_ratio(da.proc, db.proc)}
        a, b = side(da), side(db)
        f = _assemble(*({k: np.float64(v) for k, v in d.items()} for d in (a, b, s)))
        return np.array([float(v) for v in f])

    def pair_features(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        """Feature matrix (n_pairs, len(FEATURES)) of aligned (a, b) pairs."""
        x, _ = self._pair_features(list(pairs))
        return x

    def _pair_features(self, pairs: list[tuple[str, str]]) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
        """Features and the rule masks (equal after normalisation, one side empty, same content stems)."""
        if not pairs:
            return np.zeros((0, len(FEATURES))), (np.zeros(0, bool),) * 3
        if len(pairs) == 1:
            da, db = _prep(pairs[0][0]), _prep(pairs[0][1])
            masks = (da.norm == db.norm, not da.norm or not db.norm, bool(da.stems) and da.stems == db.stems)
            return self._one(da, db)[None, :], tuple(np.array([m]) for m in masks)
        # Features are symmetric; a fixed order of each pair makes the float sums (and scores) exactly symmetric.
        pairs = [(a, b) if a <= b else (b, a) for a, b in pairs]
        index: dict[str, int] = {}
        ia = np.array([index.setdefault(p[0], len(index)) for p in pairs], dtype=np.int64)
        ib = np.array([index.setdefault(p[1], len(index)) for p in pairs], dtype=np.int64)
        u = self._batch(list(index))
        s = {
            "key_w1": _rowdot(u.key_w, u.key_b, ia, ib),
            "key_w2": _rowdot(u.key_w, u.key_w, ia, ib),
            "n_keys": _rowdot(u.key_b, u.key_b, ia, ib),
            "names_a": _rowdot(u.name, u.stem, ia, ib),
            "names_b": _rowdot(u.stem, u.name, ia, ib),
            "n_bigrams": _rowdot(u.bigram, u.bigram, ia, ib),
            "n_numbers": _rowdot(u.number, u.number, ia, ib),
            "char": _rowdot(u.char, u.char, ia, ib),
            "n_stems": _rowdot(u.stem, u.stem, ia, ib),
        }
        pa = [u.proc[i] for i in ia.tolist()]
        pb = [u.proc[i] for i in ib.tolist()]
        for name, scorer in _SCORERS:
            s[name] = process.cpdist(pa, pb, scorer=scorer, dtype=np.float64, workers=-1)
        a, b = u.side(ia), u.side(ib)
        x = np.column_stack(_assemble(a, b, s))
        return x, _masks(u.norm[ia], u.norm[ib], a["n_stems"], b["n_stems"], s["n_stems"])

    def features(self, a: str, b: str) -> np.ndarray:
        return self.pair_features([(a, b)])[0]

    # -- scores --------------------------------------------------------------------------------------------
    def _rules(self, y: np.ndarray, masks: tuple[np.ndarray, ...]) -> np.ndarray:
        equal, empty, same_stems = masks
        np.clip(y, 0.0, 1.0, out=y)
        y[same_stems] = np.maximum(y[same_stems], self.same_stems_floor)
        y[equal] = 1.0
        y[empty] = 0.0
        return y

    def pair_similarities(self, pairs: Iterable[tuple[str, str]]) -> np.ndarray:
        """Similarity in [0, 1] of each aligned (a, b) pair."""
        if self.weights is None:
            raise ValueError("this HeadlineSimilarity has no fitted weights")
        x, masks = self._pair_features(list(pairs))
        return self._rules(x @ self.weights + self.intercept, masks)

    def similarity(self, a: str, b: str) -> float:
        return float(self.pair_similarities([(a, b)])[0])

    def similarity_matrix(self, headlines: Sequence[str], others: Sequence[str] | None = None,
                          block_pairs: int = 1 << 20) -> np.ndarray:
        """Matrix (len(headlines), len(others)) of similarities; ``others`` defaults to ``headlines``."""
        if self.weights is None:
            raise ValueError("this HeadlineSimilarity has no fitted weights")
        left = list(headlines)
        right = left if others is None else list(others)
        out = np.zeros((len(left), len(right)), dtype=np.float64)
        if not left or not right:
            return out
        u = self._batch(left if others is None else left + right)
        rb = np.arange(len(right)) + (0 if others is None else len(left))
        key_b_t, key_w_t = u.key_b[rb].T.tocsr(), u.key_w[rb].T.tocsr()
        stem_t, name_t = u.stem[rb].T.tocsr(), u.name[rb].T.tocsr()
        bigram_t, number_t, char_t = u.bigram[rb].T.tocsr(), u.number[rb].T.tocsr(), u.char[rb].T.tocsr()
        side_b = {k: v[None, :] for k, v in u.side(rb).items()}
        proc_b = [u.proc[i] for i in rb.tolist()]
        norm_b = u.norm[rb][None, :]
        step = max(1, block_pairs // len(right))
        for lo in range(0, len(left), step):
            r = np.arange(lo, min(lo + step, len(left)))
            s = {
                "key_w1": (u.key_w[r] @ key_b_t).toarray(),
                "key_w2": (u.key_w[r] @ key_w_t).toarray(),
                "n_keys": (u.key_b[r] @ key_b_t).toarray(),
                "names_a": (u.name[r] @ stem_t).toarray(),
                "names_b": (u.stem[r] @ name_t).toarray(),
                "n_bigrams": (u.bigram[r] @ bigram_t).toarray(),
                "n_numbers": (u.number[r] @ number_t).toarray(),
                "char": (u.char[r] @ char_t).toarray(),
                "n_stems": (u.stem[r] @ stem_t).toarray(),
            }
            for name, scorer in _SCORERS:
                s[name] = process.cdist([u.proc[i] for i in r.tolist()], proc_b, scorer=scorer,
                                        dtype=np.float64, workers=-1)
            side_a = {k: v[:, None] for k, v in u.side(r).items()}
            y = np.full((len(r), len(right)), self.intercept)
            for wj, f in zip(self.weights, _assemble(side_a, side_b, s)):
                y += wj * f
            out[r] = self._rules(y, _masks(u.norm[r][:, None], norm_b, side_a["n_stems"], side_b["n_stems"],
                                           s["n_stems"]))
        if others is None:                  # exactly symmetric (float sums may differ in the last bit)
            out = (out + out.T) / 2
        return out


_DEFAULT: list[HeadlineSimilarity] = []


def default_model() -> HeadlineSimilarity:
    """The shipped model (package data), loaded once."""
    if not _DEFAULT:
        from mediacheck.data import load_json

        _DEFAULT.append(HeadlineSimilarity.from_dict(load_json(DEFAULT_FILE)))
    return _DEFAULT[0]


def headline_similarity(a: str, b: str) -> float:
    """How similar two headlines are, in [0, 1] (1: same headline; about 0.8+: same story in other words)."""
    return default_model().similarity(a, b)


def headline_features(a: str, b: str) -> np.ndarray:
    """The model's FEATURES of one pair (raw units)."""
    return default_model().features(a, b)


def pair_similarities(pairs: Iterable[tuple[str, str]]) -> np.ndarray:
    """Similarities in [0, 1] of many aligned (a, b) pairs."""
    return default_model().pair_similarities(pairs)


def similarity_matrix(headlines: Sequence[str], others: Sequence[str] | None = None) -> np.ndarray:
    """All-pairs similarities, shape (len(headlines), len(others or headlines))."""
    return default_model().similarity_matrix(headlines, others)
