"""A sentence-level probability of loaded language, explained by the words that drive it.

Each whitespace token gets a TF-IDF vector of its character 2-5-grams (``char_wb``, L2-normalised), a sentence
is the sum of its tokens' vectors divided by sqrt(number of tokens), and a logistic regression reads that. So a
sentence's logit is exactly ``intercept + sum(token_score(t)) / sqrt(n)``: every positive sentence splits into
per-word contributions (``explain``), and scoring is a cached dictionary lookup per token (fast).

Prior correction: a model fitted with balanced classes carries a 50% prior. With ``training_prior`` p and
``target_prior`` t set (both data in the JSON), every logit is shifted by ``log(t/(1-t)) - log(p/(1-p))``. The
shift is folded into ``intercept`` (the fitted one is ``fitted_intercept``), so the identity above still holds
exactly and ``logits``, ``predict_proba`` and ``explain`` agree; files without the two fields load unshifted.
The shipped model is shifted to BASIL's lexical-bias rate and its ``threshold`` set so it flags that share of news
sentences (method and numbers in its header; ``benchmarks/loaded_base_rate.py``).
Weights ship as JSON (n-gram vocabulary, idf, coefficients) with a header naming the training data, its licence
and the date; never pickled.
"""
from __future__ import annotations

import json
import math
import operator
import re
from collections import ChainMap, Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial

import numpy as np

DEFAULT_FILE = "loaded_model.json"
NGRAMS = (2, 5)
ANALYZER = "char_wb per token"
_TOKEN = re.compile(r"\S+")
_HAS_SPACE = re.compile(r"\s").search
_NOT_NONE = partial(operator.is_not, None)
#: Token scores kept per model (a dictionary look-up per token once seen; about 100 bytes a token).
CACHE_TOKENS = 500_000
#: ``logits`` splits and looks up this many sentences at a time (bounded memory on a huge text).
BATCH_SENTENCES = 2048
# (1 + log(1)) * idf == idf exactly when numpy's log gives 0 for 1 (checked, not assumed: see ``_scores``).
_LOG_ONE_IS_ZERO = all(not np.log(np.ones(n)).any() for n in range(1, 70))


def _ngrams(token: str, analyzer) -> list[str]:
    """What ``analyzer`` (sklearn's ``char_wb`` 2-5-gram analyzer, lower-casing) gives for one whitespace-free
    token, without its per-call overhead: the n-grams of " token " in sklearn's order."""
    low = token.lower()
    if not low or _HAS_SPACE(low):
        return analyzer(token)
    w = " " + low + " "
    return list(map(w.__getitem__, _slices(len(w))))


@lru_cache(maxsize=256)
def _slices(n_w: int) -> tuple[slice, ...]:
    """The n-gram slices of a padded word of ``n_w`` characters, in ``_char_wb_ngrams``' order: every n-gram of
    each size from the smallest, and a word shorter than a size once as a whole, which ends the list."""
    out: list[slice] = []
    for n in range(NGRAMS[0], NGRAMS[1] + 1):
        if n >= n_w:
            out.append(slice(0, n_w))
            break
        out += [slice(i, i + n) for i in range(n_w - n + 1)]
    return tuple(out)


def vectorizer(vocabulary: dict[str, int] | None = None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True, min_df=2,
                           vocabulary=vocabulary, dtype=np.float64)


def _log_odds(p: float) -> float:
    return math.log(p / (1.0 - p))


def logit_shift(training_prior: float | None, target_prior: float | None) -> float:
    """``log(t/(1-t)) - log(p/(1-p))`` for training prior p and target prior t; 0 when no target is set."""
    if target_prior is None:
        return 0.0
    if training_prior is None:
        raise ValueError("target_prior needs training_prior (the prior the model was fitted with)")
    for name, v in (("training_prior", training_prior), ("target_prior", target_prior)):
        if not 0.0 < v < 1.0:
            raise ValueError(f"{name} must be strictly between 0 and 1, got {v}")
    return _log_odds(target_prior) - _log_odds(training_prior)


@dataclass
class LoadedModel:
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    fitted_intercept: float
    threshold: float = 0.5
    header: dict | None = None
    training_prior: float | None = None
    target_prior: float | None = None
    _cache: dict[str, float] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._sklearn_analyzer = None
        logit_shift(self.training_prior, self.target_prior)    # validate early

    def __getstate__(self) -> dict:
        """Pickled (for a pool worker) without the token-score cache or sklearn's analyzer: both are rebuilt."""
        state = dict(self.__dict__)
        state["_cache"], state["_sklearn_analyzer"] = {}, None
        return state

    def _analyzer(self, text: str) -> list[str]:
        """sklearn's ``char_wb`` analyzer, built on first use: ``_ngrams`` slices every whitespace-free token
        itself, so scoring imports scikit-learn (and with it scipy and pandas, ~3 s) only for odd tokens."""
        if self._sklearn_analyzer is None:
            self._sklearn_analyzer = vectorizer().build_analyzer()
        return self._sklearn_analyzer(text)

    @property
    def prior_shift(self) -> float:
        """The logit shift from ``training_prior`` to ``target_prior`` (0 without a target)."""
        return logit_shift(self.training_prior, self.target_prior)

    @property
    def intercept(self) -> float:
        """The effective intercept: fitted intercept plus the prior shift; used by every score."""
        return self.fitted_intercept + self.prior_shift

    def token_score(self, token: str) -> float:
        """The token's contribution to a sentence logit before the 1/sqrt(n) length scaling (lower-cased)."""
        s = self._cache.get(token)
        if s is None:
            s = self._scores([token])[0]
            if len(self._cache) < CACHE_TOKENS:
                self._cache[token] = s
        return s

    def _scores(self, tokens: Sequence[str]) -> list[float]:
        """``token_score`` of each token, uncached: its n-grams (``_ngrams``, sklearn's analyzer), then per token
        ``val @ coef / sqrt(val @ val)`` with ``val`` the tf-idf weights of its n-grams in first-seen order. The
        dot products stay one numpy call per token (the same BLAS sums, so the same bits); only the gathers of
        idf and coef are done once for all tokens whose n-grams each occur once (weights then exactly idf)."""
        vocab, idf, coef = self.vocabulary, self.idf, self.coef
        out = [0.0] * len(tokens)
        flat: list[int] = []                     # n-gram ids of the tokens whose n-grams all occur once
        bounds: list[tuple[int, int, int]] = []  # (token position, start, end) in ``flat``
        get = vocab.get
        for k, tok in enumerate(tokens):
            ids = list(filter(_NOT_NONE, map(get, _ngrams(tok, self._analyzer))))
            if not ids:
                continue
            if _LOG_ONE_IS_ZERO and len(set(ids)) == len(ids):
                bounds.append((k, len(flat), len(flat) + len(ids)))
                flat += ids
            else:
                counts = Counter(ids)           # first-seen order, as the dict it replaces
                idx = np.fromiter(counts, dtype=np.int64)
                val = (1.0 + np.log(np.fromiter(counts.values(), dtype=float))) * idf[idx]
                out[k] = float(val @ coef[idx] / np.sqrt(val @ val))
        if bounds:
            at = np.asarray(flat, dtype=np.int64)
            vals, coefs = idf[at], coef[at]
            sqrt = np.sqrt
            for k, a, b in bounds:
                val = vals[a:b]
                out[k] = float(val @ coefs[a:b] / sqrt(val @ val))
        return out

    def logits(self, sentences: Sequence[str]) -> np.ndarray:
        """``intercept + sum(token_score) / sqrt(n)`` per sentence (prior shift included). Tokens already scored
        are dictionary look-ups (no Python loop per token); the new ones of up to ``BATCH_SENTENCES`` sentences
        are scored at once (``_scores``)."""
        if not isinstance(sentences, (list, tuple)):
            sentences = list(sentences)         # any sequence (a Series, an array): its items in order
        sums: list[float] = []
        for i in range(0, len(sentences), BATCH_SENTENCES):
            sums += self._sums(sentences[i:i + BATCH_SENTENCES])
        return np.array(sums, dtype=float).reshape(len(sums)) + self.intercept

    def _sums(self, sentences: Sequence[str]) -> list[float]:
        """``sum(token_score) / sqrt(n)`` per sentence."""
        cache = self._cache
        toks = [s.lower().split() for s in sentences]
        sqrt = math.sqrt
        try:
            get = cache.__getitem__
            return [sum(map(get, ts)) / sqrt(len(ts)) if ts else 0.0 for ts in toks]
        except KeyError:
            pass
        missing = {t: None for ts in toks for t in ts if t not in cache}
        new = dict(zip(missing, self._scores(list(missing))))
        room = CACHE_TOKENS - len(cache)
        if room > 0:
            cache.update(new if room >= len(new) else dict(list(new.items())[:room]))
        get = cache.__getitem__ if room >= len(new) else ChainMap(cache, new).__getitem__
        return [sum(map(get, ts)) / sqrt(len(ts)) if ts else 0.0 for ts in toks]

    def predict_proba(self, sentences: Sequence[str]) -> np.ndarray:
        """P(loaded) for each sentence."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.logits(sentences), -30, 30)))

    def explain(self, sentence: str) -> list[tuple[int, int, str, float]]:
        """(start, end, token, contribution to the logit) for each token that pushes towards 'loaded', largest
        first. All tokens' contributions plus ``intercept`` (prior shift included) add up to the sentence's logit."""
        toks = list(_TOKEN.finditer(sentence))
        if not toks:
            return []
        scale = 1.0 / math.sqrt(len(toks))
        out = [(m.start(), m.end(), m.group(), self.token_score(m.group().lower()) * scale) for m in toks]
        return sorted((t for t in out if t[3] > 0), key=lambda t: -t[3])

    def to_json(self) -> str:
        vocab = sorted(self.vocabulary, key=self.vocabulary.get)
        return json.dumps({
            "header": self.header or {}, "threshold": self.threshold, "analyzer": ANALYZER,
            "ngram_range": NGRAMS, "intercept": round(float(self.fitted_intercept), 6),
            "training_prior": self.training_prior, "target_prior": self.target_prior, "vocabulary": vocab,
            "idf": [round(float(v), 5) for v in self.idf], "coef": [round(float(v), 5) for v in self.coef],
        }, ensure_ascii=False, indent=1) + "\n"        # one value per line: a refit can be diffed

    @classmethod
    def from_json(cls, text: str) -> LoadedModel:
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, d: dict) -> LoadedModel:
        """Load a model; ``intercept`` in the file is the fitted one, ``training_prior`` / ``target_prior``
        (optional, null = none) give the prior shift."""
        analyzer, ngrams = d.get("analyzer", ANALYZER), tuple(d.get("ngram_range", NGRAMS))
        if analyzer != ANALYZER or ngrams != NGRAMS:
            raise ValueError(f"loaded-language model: analyzer {analyzer!r} / ngram_range {list(ngrams)} differ from "
                             f"this version's {ANALYZER!r} / {list(NGRAMS)}: refit it with mediacheck train-scorer")
        vocab = {g: i for i, g in enumerate(d["vocabulary"])}
        priors = [None if d.get(k) is None else float(d[k]) for k in ("training_prior", "target_prior")]
        return cls(vocab, np.asarray(d["idf"], float), np.asarray(d["coef"], float), float(d["intercept"]),
                   float(d.get("threshold", 0.5)), d.get("header"), *priors)


@lru_cache(maxsize=1)
def default_loaded_model() -> LoadedModel:
    from mediacheck.data import load_json

    return LoadedModel.from_dict(load_json(DEFAULT_FILE))
