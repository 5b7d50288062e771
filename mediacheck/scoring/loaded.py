"""A calibrated sentence-level probability of loaded language, explained by the words that drive it.

Each whitespace token gets a TF-IDF vector of its character 2-5-grams (``char_wb``, L2-normalised), a sentence
is the sum of its tokens' vectors divided by sqrt(number of tokens), and a logistic regression reads that. So a
sentence's logit is exactly ``intercept + sum(token_score(t)) / sqrt(n)``: every positive sentence splits into
per-word contributions (``explain``), and scoring is a cached dictionary lookup per token (fast).
Weights ship as JSON (n-gram vocabulary, idf, coefficients) with a header naming the training data, its licence
and the date; never pickled.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import numpy as np

DEFAULT_FILE = "loaded_model.json"
NGRAMS = (2, 5)
_TOKEN = re.compile(r"\S+")


def _vectorizer(vocabulary: dict[str, int] | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True, min_df=2,
                           vocabulary=vocabulary, dtype=np.float64)


@dataclass
class LoadedModel:
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float = 0.5
    header: dict | None = None
    _cache: dict[str, float] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._analyzer = _vectorizer().build_analyzer()

    def token_score(self, token: str) -> float:
        """The token's contribution to a sentence logit before the 1/sqrt(n) length scaling (lower-cased)."""
        s = self._cache.get(token)
        if s is None:
            counts: dict[int, int] = {}
            vocab = self.vocabulary
            for g in self._analyzer(token):
                j = vocab.get(g)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if counts:
                idx = np.fromiter(counts, dtype=np.int64)
                val = (1.0 + np.log(np.fromiter(counts.values(), dtype=float))) * self.idf[idx]
                s = float(val @ self.coef[idx] / np.sqrt(val @ val))
            else:
                s = 0.0
            if len(self._cache) < 500_000:
                self._cache[token] = s
        return s

    def logits(self, sentences: Sequence[str]) -> np.ndarray:
        score = self.token_score
        out = np.empty(len(sentences))
        for i, s in enumerate(sentences):
            toks = s.lower().split()
            out[i] = sum(map(score, toks)) / math.sqrt(len(toks)) if toks else 0.0
        return out + self.intercept

    def predict_proba(self, sentences: Sequence[str]) -> np.ndarray:
        """P(loaded) for each sentence."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.logits(sentences), -30, 30)))

    def explain(self, sentence: str) -> list[tuple[int, int, str, float]]:
        """(start, end, token, contribution to the logit) for each token that pushes towards 'loaded', largest
        first. All tokens' contributions plus the intercept add up to the sentence's logit."""
        toks = list(_TOKEN.finditer(sentence))
        if not toks:
            return []
        scale = 1.0 / math.sqrt(len(toks))
        out = [(m.start(), m.end(), m.group(), self.token_score(m.group().lower()) * scale) for m in toks]
        return sorted((t for t in out if t[3] > 0), key=lambda t: -t[3])

    def to_json(self) -> str:
        vocab = sorted(self.vocabulary, key=self.vocabulary.get)
        return json.dumps({
            "header": self.header or {}, "threshold": self.threshold, "analyzer": "char_wb per token",
            "ngram_range": NGRAMS, "intercept": round(float(self.intercept), 6), "vocabulary": vocab,
            "idf": [round(float(v), 5) for v in self.idf], "coef": [round(float(v), 5) for v in self.coef],
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> LoadedModel:
        d = json.loads(text)
        vocab = {g: i for i, g in enumerate(d["vocabulary"])}
        return cls(vocab, np.asarray(d["idf"], float), np.asarray(d["coef"], float), float(d["intercept"]),
                   float(d.get("threshold", 0.5)), d.get("header"))


def _design(texts: Sequence[str], vec):
    """Sentence x n-gram matrix: the sum of the tokens' L2-normalised vectors over sqrt(tokens)."""
    import scipy.sparse as sp

    index: dict[str, int] = {}
    rows, cols, data = [], [], []
    for i, s in enumerate(texts):
        toks = s.lower().split()
        for t in toks:
            rows.append(i)
            cols.append(index.setdefault(t, len(index)))
            data.append(1.0 / math.sqrt(len(toks)))
    a = sp.csr_matrix((data, (rows, cols)), shape=(len(texts), max(len(index), 1)))
    tokens = sorted(index, key=index.get) or [""]
    return a @ vec.transform(tokens)


def fit_loaded_model(texts: Sequence[str], labels: Sequence[int], *, c: float = 3.0, data_name: str = "",
                     licence: str = "") -> LoadedModel:
    """Fit the model from sentences and 0/1 labels (1 = loaded / biased)."""
    from sklearn.linear_model import LogisticRegression

    y = np.asarray(labels, dtype=int)
    if len(y) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(y)} labels")
    if len(set(y.tolist())) < 2:
        raise ValueError("need both labels (0 and 1) to fit the loaded-language model")
    vec = _vectorizer()
    vec.fit(texts)
    lr = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    lr.fit(_design(texts, vec), y)
    header = {"data": data_name, "licence": licence, "fitted": date.today().isoformat(), "sentences": len(y),
              "positives": int(y.sum()),
              "features": "per-token tf-idf char_wb 2-5-grams (sublinear, L2), summed over sqrt(tokens)",
              "model": f"logistic regression, C={c}, balanced classes", "tool": "mediacheck train-scorer"}
    return LoadedModel(dict(vec.vocabulary_), vec.idf_.copy(), lr.coef_[0].copy(), float(lr.intercept_[0]),
                       0.5, header)


@lru_cache(maxsize=1)
def default_loaded_model() -> LoadedModel:
    return LoadedModel.from_json(resources.files("mediacheck.data").joinpath(DEFAULT_FILE).read_text("utf-8"))
