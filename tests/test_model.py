"""The records' ``to_dict``: built field by field (no ``dataclasses.asdict``), the same dict ``asdict`` gives
with tuples as lists, on real cleaned and scored articles."""
from __future__ import annotations

from dataclasses import asdict, fields
from pathlib import Path

from mediacheck.cleaning import clean
from mediacheck.model import CleanArticle, SentenceScore
from mediacheck.scoring import score

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")).read_text(encoding="utf-8")


def _plain(value):
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def test_clean_article_to_dict_equals_asdict_with_lists():
    c = clean({"id": "seed", "text": SEED, "outlet": "seed.example", "url": "https://seed.example/a-b-c",
               "leaning": "center"})
    assert c.removed and c.meta == {"leaning": "center"}
    d = c.to_dict()
    assert list(d) == [f.name for f in fields(CleanArticle)]
    assert d == _plain(asdict(c))
    assert all(type(r) is dict for r in d["removed"])


def test_sentence_score_to_dict_equals_asdict_with_lists():
    s = score({"id": "seed", "text": SEED})
    sentences = [x for x in s.sentences if x.cues]
    assert sentences
    for x in sentences:
        d = x.to_dict()
        assert list(d) == [f.name for f in fields(SentenceScore)]
        expected = _plain(asdict(x))
        expected["cues"] = [c.to_dict() for c in x.cues]       # Cue.to_dict leaves out an empty question
        assert d == expected
