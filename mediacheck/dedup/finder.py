"""Find duplicate, syndicated and same-story articles across a corpus, and cluster them.

Kinds of pair, each with the method that found it:
- ``exact``: the same normalised headline (``title-hash``) or the same body (``body-hash``, same outlet);
- ``near``: headlines a few characters apart (MinHash-LSH over character 4-grams, then rapidfuzz ratio);
- ``syndicated``: the same body under different outlets (``body-hash``, or MinHash-LSH over word 5-shingles
  with estimated Jaccard >= ``syndicated_jaccard``);
- ``paraphrase``: the same headline in other words (``headline_similarity`` >= ``paraphrase_threshold``);
- ``same_story``: independent coverage of one event (TF-IDF cosine of headline + lead >= ``story_threshold``,
  within ``window_days`` when both articles are dated).
With ``embeddings=True`` (optional extra, ``mediacheck.dedup.embeddings``) headlines also get all-MiniLM-L6-v2
vectors: a TF-IDF candidate whose headline cosine is >= ``EMB_PARAPHRASE`` is a paraphrase, and mutual nearest
neighbours of the vectors (corpora up to ``EMB_SEARCH_MAX`` articles) add paraphrase / same_story pairs that share
too few words for TF-IDF (cosine >= ``EMB_STORY``).
Candidates always come from an index (hash buckets, LSH, blocked sparse neighbours), never from all pairs.
Clusters link the pairs strongest first under a size cap, and weak links (paraphrase, same_story) may not bridge
two clusters (``mediacheck.dedup.linkage``), so chains cannot grow giant clusters; hash groups are never split.
"""
from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from rapidfuzz import fuzz

from mediacheck.dedup.index import UnionFind, estimated_jaccard, lsh_pairs, minhash, sparse_neighbours, token_hash
from mediacheck.dedup.linkage import capped_linkage
from mediacheck.dedup.normalize import body_shingles, headline_key
from mediacheck.options import check_number, merge_options, unset_defaults
from mediacheck.parallel import default_jobs, process_pool
from mediacheck.textutil import leading_words, space_windows

PAIR_COLUMNS = ("a", "b", "kind", "score", "method")
CLUSTER_COLUMNS = ("cluster_id", "id", "outlet", "published", "title", "canonical_headline", "size", "outlets")
OUTLET_COLUMNS = ("outlet", "articles", "in_shared_clusters", "shared_share", "syndicated_pairs",
                  "first_in_shared", "first_share")
KIND_ORDER = {"exact": 0, "syndicated": 1, "near": 2, "paraphrase": 3, "same_story": 4}
HASH_METHODS = ("title-hash", "body-hash")      # pairs of these always share a cluster (never cut by the cap)
_LEAD_WORDS = 60
# In large corpora a word in more than this many articles names no particular story; dropping it bounds the
# blocked sparse product (each row meets at most this many others per word).
_MAX_STORY_DF = 500
_BLOCK = 100_000        # pairs verified / scored at a time (bounds the temporary arrays)
#: ``jobs`` > 1: MinHash signatures and story stems are computed on a process pool from this many articles on
#: (below, a pool costs more than it saves), ``_SIGN_CHUNK`` articles a task, hashing ``_SIGN_BUDGET`` tokens at
#: once (bounds a worker's temporary arrays); a worker's token-hash cache is cleared after a task once it holds
#: ``_SIGN_CACHE`` tokens (about 50 MiB). None of them changes a result.
PARALLEL_ITEMS = 4000
_SIGN_CHUNK = 1000
_SIGN_BUDGET = 100_000
_SIGN_CACHE = 200_000
# embeddings=True: thresholds on the headline cosine, chosen on STS train and NeuS train only
EMB_PARAPHRASE = 0.85
EMB_STORY = 0.90
EMB_SEARCH_MAX = 10_000  # nearest-neighbour search (exact, blocked) only up to this many articles
EMB_METHOD = "all-MiniLM-L6-v2 headline cosine"


@dataclass(frozen=True)
class Item:
    id: str
    outlet: str
    title: str
    text: str
    published: str


@dataclass
class DedupResult:
    pairs: list[dict]
    clusters: list[dict]
    outlets: list[dict]
    warnings: list[str] = field(default_factory=list)


def _items(articles: Iterable) -> tuple[list[Item], list[str]]:
    from mediacheck.ids import UniqueIds

    items, warnings, unique = [], [], UniqueIds()
    for k, a in enumerate(articles):
        get = a.get if isinstance(a, dict) else (lambda f, d="", a=a: getattr(a, f, d))
        given = str(get("id", "") or f"item-{k + 1}")
        aid = unique.take(given)
        if aid != given:
            warnings.append(f"duplicate id {given!r}: renamed {aid}")
        title = " ".join(str(get("title", "") or "").split())
        text = str(get("text", "") or "")
        if not title and not text.strip():
            warnings.append(f"{aid}: no title and no text; it can only be its own cluster")
        elif not title:
            warnings.append(f"{aid}: no title; compared by its text only")
        items.append(Item(aid, str(get("outlet", "") or ""), title, text, str(get("published", "") or "")))
    return items, warnings


def parse_published(s: str) -> datetime | None:
    """An article's ``published`` (ISO 8601, as the readers write it) as a datetime, or None (empty or not a date)."""
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.strip().replace("Z", "+00:00")[:25])
    except ValueError:
        return None


def _stamps(dates: list[datetime | None]) -> list[float | None]:
    """Seconds since the epoch (naive = as written), parsed once per article, not once per pair."""
    return [d.replace(tzinfo=None).timestamp() if d is not None else None for d in dates]


def _within(a: float | None, b: float | None, days: float | None) -> bool:
    return days is None or a is None or b is None or abs(a - b) <= days * 86400


def _char_grams(s: str, n: int = 4) -> list[str]:
    s = f" {s} "
    return [s[i:i + n] for i in range(max(1, len(s) - n + 1))]


def _story_doc(title: str, text: str) -> str:
    """Content-word stems of the headline (counted twice), then of the lead: what the story TF-IDF is made of."""
    lead = leading_words(text, _LEAD_WORDS)
    return " ".join(_stem_list(title) * 2 + _stem_list(lead))


def _story_doc_chunk(task: list[tuple[str, str]]) -> list[str]:
    """``_story_doc`` of (title, text) pairs, e.g. in a pool worker."""
    return [_story_doc(title, text) for title, text in task]


def _story_docs(items: list[Item], pool) -> list[str]:
    """``_story_doc`` of every item: in this process (``pool`` None) or in chunks on ``pool``, in item order."""
    if pool is None:
        return [_story_doc(it.title, it.text) for it in items]
    tasks = ([(it.title, it.text) for it in items[lo:lo + _SIGN_CHUNK]] for lo in range(0, len(items), _SIGN_CHUNK))
    return list(itertools.chain.from_iterable(pool.map(_story_doc_chunk, tasks)))


def _story_matrix(docs: list[str]):
    """TF-IDF of the story docs (``_story_doc``), rows L2-normalised; None for an empty vocabulary."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True, min_df=1, dtype=np.float32,
                          max_df=_MAX_STORY_DF if len(docs) > 20000 else 1.0)
    try:
        return vec.fit_transform(docs)
    except ValueError:                      # empty vocabulary
        return None


def _stem_list(text: str) -> list[str]:
    from mediacheck.textutil import STOPWORDS, WORD_RE, stem

    return [stem(w) for w in WORD_RE.findall(text.casefold().replace("’", "'")) if w not in STOPWORDS and len(w) > 1]


def _mutual(cands: list[tuple[int, int, float]], k: int) -> list[tuple[int, int, float]]:
    """Keep pairs where each side is among the other's ``k`` most similar candidates (stops chaining)."""
    best: dict[int, list[float]] = defaultdict(list)
    for i, j, c in cands:
        best[i].append(c)
        best[j].append(c)
    kth = {i: sorted(v, reverse=True)[min(k, len(v)) - 1] for i, v in best.items()}
    return [(i, j, c) for i, j, c in cands if c >= kth[i] and c >= kth[j]]


@dataclass(frozen=True)
class DedupOptions:
    """The settings of ``find_duplicates`` (validated on construction; ``dataclasses.replace`` makes variants).

    ``near_cutoff``: rapidfuzz ratio (0-100) for ``near`` headlines; ``syndicated_jaccard``: estimated Jaccard of
    body 5-shingles for ``syndicated`` copies; ``paraphrase_threshold``: ``headline_similarity`` for
    ``paraphrase``; ``story_threshold``: TF-IDF cosine of headline + lead for ``same_story`` candidates;
    ``window_days``: dated articles further apart are no paraphrase / same story (None: no window);
    ``min_body_words``: shorter bodies are not compared by body hash; ``story_neighbours``: a candidate pair must
    be among each side's this many best; ``title_only_threshold``: cosine a same_story pair needs when one side
    has no body; ``cluster_cap``, ``weak_bridges``: cluster linkage (see ``find_duplicates``); ``embeddings``:
    add sentence-embedding evidence (optional extra).
    """

    near_cutoff: float = 90.0
    syndicated_jaccard: float = 0.7
    paraphrase_threshold: float = 0.7
    story_threshold: float = 0.15
    window_days: float | None = 7.0
    min_body_words: int = 30
    story_neighbours: int = 2
    title_only_threshold: float = 0.6
    cluster_cap: int | None = 200
    weak_bridges: bool = False
    embeddings: bool = False

    def __post_init__(self) -> None:
        check_number("near_cutoff", self.near_cutoff, low=0, high=100)
        for name in ("syndicated_jaccard", "paraphrase_threshold", "story_threshold", "title_only_threshold"):
            check_number(name, getattr(self, name), low=0, high=1)
        check_number("window_days", self.window_days, low=0, optional=True)
        check_number("min_body_words", self.min_body_words, low=1, whole=True)
        check_number("story_neighbours", self.story_neighbours, low=1, whole=True)
        check_number("cluster_cap", self.cluster_cap, low=1, whole=True, optional=True)


_KW = unset_defaults(DedupOptions)


def find_duplicates(articles: Iterable, *, options: DedupOptions | None = None,
                    near_cutoff: float = _KW["near_cutoff"], syndicated_jaccard: float = _KW["syndicated_jaccard"],
                    paraphrase_threshold: float = _KW["paraphrase_threshold"],
                    story_threshold: float = _KW["story_threshold"], window_days: float | None = _KW["window_days"],
                    min_body_words: int = _KW["min_body_words"], story_neighbours: int = _KW["story_neighbours"],
                    title_only_threshold: float = _KW["title_only_threshold"],
                    cluster_cap: int | None = _KW["cluster_cap"], weak_bridges: bool = _KW["weak_bridges"],
                    embeddings: bool = _KW["embeddings"], jobs: int = 1) -> DedupResult:
    """Pairs, clusters and per-outlet counts for ``articles`` (Article / CleanArticle / dicts with id,
    title, text, outlet, published).

    Settings come from ``options`` (a ``DedupOptions``) or from the keywords of the same names (defaults as in
    ``DedupOptions``); a keyword that differs from ``options`` is a TypeError. ValueError for invalid settings.

    Clusters: pairs are linked strongest first; no link may make a cluster larger than ``cluster_cap`` (hash
    groups excepted; ``None``: no cap), and a paraphrase / same_story link may not merge two clusters of several
    members unless ``weak_bridges`` (see ``mediacheck.dedup.linkage``). ``cluster_cap=None, weak_bridges=True``
    gives plain connected components. ``embeddings=True`` adds sentence-embedding evidence (see the module
    docstring; needs ``pip install 'mediacheck[embeddings]'``, else ``EmbeddingsUnavailable``).

    ``jobs`` processes (0: all cores) compute the per-article parts, from ``PARALLEL_ITEMS`` articles on: the
    MinHash signatures of headlines and bodies (about half of the time) and the stems of the same-story TF-IDF.
    Their pool is gone before the pairwise steps (which hold the most memory), and the result is the same for
    every ``jobs``."""
    o = merge_options(DedupOptions, options, {
        "near_cutoff": near_cutoff, "syndicated_jaccard": syndicated_jaccard,
        "paraphrase_threshold": paraphrase_threshold, "story_threshold": story_threshold,
        "window_days": window_days, "min_body_words": min_body_words, "story_neighbours": story_neighbours,
        "title_only_threshold": title_only_threshold, "cluster_cap": cluster_cap, "weak_bridges": weak_bridges,
        "embeddings": embeddings}, caller="find_duplicates")
    check_number("jobs", jobs, low=0, whole=True)
    return _find(articles, o, jobs)


def _signature_chunk(task: tuple[str, list[str], int, int]) -> np.ndarray:
    """MinHash signatures of a run of headline keys (``kind`` 'title': character 4-grams) or bodies ('body': word
    5-shingles; '' for an article not compared by body), e.g. in a pool worker."""
    kind, texts, num_perm, seed = task
    grams = _char_grams if kind == "title" else body_shingles
    sig = minhash((grams(t) if t else [] for t in texts), num_perm=num_perm, seed=seed, count=len(texts),
                  budget=_SIGN_BUDGET)
    if token_hash.cache_info().currsize > _SIGN_CACHE:
        token_hash.cache_clear()        # a worker's cache would otherwise grow to 2**20 tokens (about 240 MiB)
    return sig


def _signatures(kind: str, texts: list[str], pool, num_perm: int, seed: int) -> np.ndarray:
    """``_signature_chunk`` of ``texts``: in this process (``pool`` None) or in chunks on ``pool``, same rows."""
    if pool is None:
        grams = _char_grams if kind == "title" else body_shingles
        return minhash((grams(t) if t else [] for t in texts), num_perm=num_perm, seed=seed, count=len(texts))
    out = np.empty((len(texts), num_perm), dtype=np.uint64)
    tasks = ((kind, texts[lo:lo + _SIGN_CHUNK], num_perm, seed) for lo in range(0, len(texts), _SIGN_CHUNK))
    for lo, sig in zip(range(0, len(texts), _SIGN_CHUNK), pool.map(_signature_chunk, tasks)):
        out[lo:lo + len(sig)] = sig
    return out


def _signature_pool(jobs: int, n: int):
    """A process pool for the signatures, or None (one job, or too few articles to gain from one)."""
    jobs = jobs or default_jobs()
    if jobs <= 1 or n < PARALLEL_ITEMS:
        return None
    return process_pool(min(jobs, -(-n // _SIGN_CHUNK)))


def _find(articles: Iterable, o: DedupOptions, jobs: int = 1) -> DedupResult:
    near_cutoff, syndicated_jaccard, paraphrase_threshold = o.near_cutoff, o.syndicated_jaccard, o.paraphrase_threshold
    story_threshold, window_days, min_body_words = o.story_threshold, o.window_days, o.min_body_words
    story_neighbours, title_only_threshold, cluster_cap = o.story_neighbours, o.title_only_threshold, o.cluster_cap
    weak_bridges, embeddings = o.weak_bridges, o.embeddings
    from mediacheck.dedup.similarity import pair_similarities

    items, warnings = _items(articles)
    n = len(items)
    ids = [it.id for it in items]
    dates = [parse_published(it.published) for it in items]
    stamps = _stamps(dates)
    found: dict[tuple[int, int], tuple[str, float, str]] = {}
    vecs = _vectors(items) if embeddings and n > 1 else None

    def add(i: int, j: int, kind: str, score: float, method: str) -> None:
        if i == j:
            return
        key = (min(i, j), max(i, j))
        old = found.get(key)
        if old is None or KIND_ORDER[kind] < KIND_ORDER[old[0]]:
            found[key] = (kind, round(float(score), 4), method)

    # exact: same normalised headline / same body
    norms = [headline_key(it.title) if it.title else "" for it in items]
    _hash_pairs(norms, lambda i, j: add(i, j, "exact", 1.0, "title-hash"))
    bodies = [_body_key(it.text, min_body_words) for it in items]
    _hash_pairs(bodies, lambda i, j: add(i, j, "syndicated" if items[i].outlet != items[j].outlet else "exact",
                                         1.0, "body-hash"))

    pool = _signature_pool(jobs, n)     # per-article work only: shut down before the memory-heavy story step
    docs = None
    try:
        # near: character 4-grams of the headline through LSH, then rapidfuzz
        if n > 1:
            sig = _signatures("title", norms, pool, num_perm=64, seed=11)
            cand = lsh_pairs(sig, bands=16, rows=4)
            del sig
            for lo in range(0, len(cand), _BLOCK):
                for i, j in cand[lo:lo + _BLOCK].tolist():
                    r = fuzz.ratio(norms[i], norms[j], score_cutoff=near_cutoff)
                    if r:
                        add(i, j, "near", r / 100, "minhash-lsh char4 + rapidfuzz.ratio")
            del cand

        # syndicated: word 5-shingles of the body through LSH, then the estimated Jaccard
        if sum(bool(b) for b in bodies) > 1:
            bsig = _signatures("body", [it.text if b else "" for it, b in zip(items, bodies)], pool, num_perm=64,
                               seed=13)
            cand = lsh_pairs(bsig, bands=16, rows=4)
            if len(cand):
                jac = estimated_jaccard(bsig[cand[:, 0]], bsig[cand[:, 1]])
                for (i, j), jv in zip(cand.tolist(), jac.tolist()):
                    if jv >= syndicated_jaccard:
                        kind = "syndicated" if items[i].outlet != items[j].outlet else "near"
                        add(i, j, kind, jv, "minhash-lsh body 5-shingles")
                del jac
            del bsig, cand

        docs = _story_docs(items, pool) if n > 1 else None
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)

    # paraphrase / same story: blocked sparse TF-IDF neighbours of headline + lead
    x = _story_matrix(docs) if docs is not None else None
    del docs
    if x is not None:
        cands = [(i, j, c) for i, j, c in sparse_neighbours(x, story_threshold)
                 if _within(stamps[i], stamps[j], window_days) and (min(i, j), max(i, j)) not in found]
        cands = _mutual(cands, story_neighbours)
        titled = [k for k, (i, j, _) in enumerate(cands) if items[i].title and items[j].title]
        sims = np.zeros(len(cands))
        for lo in range(0, len(titled), _BLOCK):
            part = titled[lo:lo + _BLOCK]
            sims[part] = pair_similarities([(items[cands[k][0]].title, items[cands[k][1]].title) for k in part])
        ecos = _cosines(vecs, cands)
        for (i, j, c), s, e in zip(cands, sims.tolist(), ecos):
            if s >= paraphrase_threshold:
                add(i, j, "paraphrase", s, "headline_similarity")
            elif e >= EMB_PARAPHRASE and items[i].title and items[j].title:
                add(i, j, "paraphrase", e, EMB_METHOD)
            elif items[i].text.strip() and items[j].text.strip() or c >= title_only_threshold:
                add(i, j, "same_story", c, "tfidf stems title+lead cosine")     # headlines alone say too little
        del x, cands, sims, titled, ecos

    if vecs is not None and n > EMB_SEARCH_MAX:
        warnings.append(f"embeddings: {n} articles > {EMB_SEARCH_MAX}: only the TF-IDF candidates were re-scored")
    elif vecs is not None:
        near = [(i, j, c) for i, j, c in _mutual(_emb_neighbours(vecs, story_neighbours), story_neighbours)
                if c >= EMB_STORY and _within(stamps[i], stamps[j], window_days) and (i, j) not in found]
        for i, j, c in near:
            titled = items[i].title and items[j].title
            add(i, j, "paraphrase" if titled and c >= EMB_PARAPHRASE else "same_story", c, EMB_METHOD)

    pairs = [{"a": min(ids[i], ids[j]), "b": max(ids[i], ids[j]), "kind": k, "score": s, "method": m}
             for (i, j), (k, s, m) in found.items()]
    pairs.sort(key=lambda p: (KIND_ORDER[p["kind"]], p["a"], p["b"]))
    clusters = _clusters(items, found, dates, cluster_cap, None if weak_bridges else KIND_ORDER["paraphrase"])
    return DedupResult(pairs, clusters, _outlet_rows(items, clusters, found), warnings)


def _body_key(text: str, min_words: int) -> bytes:
    """A digest of the casefolded, whitespace-normalised body ('' when shorter than ``min_words`` words): equal
    bodies give equal keys, at 16 bytes an article instead of a second copy of every text."""
    digest, n_words, sep = hashlib.blake2b(digest_size=16), 0, b""
    for part in space_windows(text):            # a window at a time: no list of every word of a huge body
        words = part.casefold().split()
        if words:
            digest.update(sep + " ".join(words).encode("utf-8"))
            n_words, sep = n_words + len(words), b" "
    return digest.digest() if n_words >= min_words else b""


def _vectors(items: list[Item]) -> np.ndarray:
    """Sentence vectors of the headlines (the lead when there is no headline)."""
    from mediacheck.dedup.embeddings import embed

    return embed([it.title or leading_words(it.text, _LEAD_WORDS) for it in items])


def _cosines(vecs: np.ndarray | None, cands: list[tuple[int, int, float]]) -> list[float]:
    if vecs is None or not cands:
        return [-1.0] * len(cands)
    ij = np.asarray([(i, j) for i, j, _ in cands], dtype=np.int64)
    return np.einsum("ij,ij->i", vecs[ij[:, 0]], vecs[ij[:, 1]]).tolist()


def _emb_neighbours(vecs: np.ndarray, k: int) -> list[tuple[int, int, float]]:
    from mediacheck.dedup.embeddings import neighbour_pairs

    return neighbour_pairs(vecs, k, -1.0)


def _hash_pairs(keys: list[str] | list[bytes], emit) -> None:
    groups: dict[str | bytes, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if k:
            groups[k].append(i)
    for members in groups.values():
        for a, b in zip(members, members[1:]):      # a chain keeps the group connected without n^2 pairs
            emit(a, b)


def _linked(items: list[Item], found: dict, cap: int | None, weak_kind: int | None) -> UnionFind:
    """``capped_linkage`` of the found pairs (hash pairs fixed, ties broken by id)."""
    m = len(found)
    ab = np.fromiter(itertools.chain.from_iterable(found), dtype=np.int64, count=2 * m).reshape(m, 2)
    kind = np.fromiter((KIND_ORDER[v[0]] for v in found.values()), dtype=np.int8, count=m)
    score = np.fromiter((v[1] for v in found.values()), dtype=np.float64, count=m)
    fixed = np.fromiter((v[2] in HASH_METHODS for v in found.values()), dtype=bool, count=m)
    rank = np.empty(len(items), dtype=np.int64)
    rank[sorted(range(len(items)), key=lambda i: items[i].id)] = np.arange(len(items))
    return capped_linkage(len(items), ab[:, 0], ab[:, 1], kind, score, fixed, rank, cap, weak_kind)


def _clusters(items: list[Item], found: dict, dates: list, cap: int | None, weak_kind: int | None) -> list[dict]:
    uf = _linked(items, found, cap, weak_kind)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[uf.find(i)].append(i)
    rows = []
    for group in members.values():
        cid = min(items[i].id for i in group)          # independent of the input order
        canonical = _canonical([items[i] for i in group], [dates[i] for i in group])
        outlets = sorted({items[i].outlet for i in group if items[i].outlet})
        for i in group:
            it = items[i]
            rows.append({"cluster_id": cid, "id": it.id, "outlet": it.outlet, "published": it.published,
                         "title": it.title, "canonical_headline": canonical, "size": len(group),
                         "outlets": len(outlets)})
    rows.sort(key=lambda r: (-r["size"], r["cluster_id"], r["id"]))
    return rows


def _canonical(group: list[Item], dates: list) -> str:
    """The earliest dated headline; else the most common normalised headline (ties: the shortest)."""
    dated = [(d.replace(tzinfo=None), it.title) for it, d in zip(group, dates) if d is not None and it.title]
    if dated:
        return min(dated)[1]
    titled = [it.title for it in group if it.title]
    if not titled:
        return ""
    counts = Counter(headline_key(t) for t in titled)
    return min(titled, key=lambda t: (-counts[headline_key(t)], len(t), t))


def _outlet_rows(items: list[Item], clusters: list[dict], found: dict) -> list[dict]:
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for r in clusters:
        by_cluster[r["cluster_id"]].append(r)
    stats: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        stats[it.outlet]["articles"] += 1
    for rows in by_cluster.values():
        if len({r["outlet"] for r in rows}) < 2:
            continue
        for r in rows:
            stats[r["outlet"]]["in_shared_clusters"] += 1
        dated = [(parse_published(r["published"]), r["outlet"]) for r in rows if parse_published(r["published"])]
        if dated:
            first = min(dated, key=lambda t: t[0].replace(tzinfo=None))[1]
            stats[first]["first_in_shared"] += 1
    for (i, j), (kind, _, _) in found.items():
        if kind == "syndicated":
            stats[items[i].outlet]["syndicated_pairs"] += 1
            stats[items[j].outlet]["syndicated_pairs"] += 1
    out = []
    for outlet, c in sorted(stats.items()):
        shared = c["in_shared_clusters"]
        out.append({"outlet": outlet, "articles": c["articles"], "in_shared_clusters": shared,
                    "shared_share": round(shared / c["articles"], 4) if c["articles"] else 0.0,
                    "syndicated_pairs": c["syndicated_pairs"], "first_in_shared": c["first_in_shared"],
                    "first_share": round(c["first_in_shared"] / shared, 4) if shared else 0.0})
    return out


