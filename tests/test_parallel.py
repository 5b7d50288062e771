"""``--jobs``: cleaning and scoring on a process pool give exactly the serial results, in input order."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from mediacheck import parallel
from mediacheck.cleaning import clean_many
from mediacheck.cli import main
from mediacheck.model import CleanArticle
from mediacheck.scoring import default_lexicon, default_loaded_model, load_lexicon, score_many

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "corpora" / "demo"


OUTLETS = ("The Daily Ledger", "Harbor Times", "Valley Post")


@pytest.fixture(scope="module")
def pages() -> list[dict]:
    """The real scraped pages of the demo corpus, each also wrapped in the fixed header and footer lines of one of
    three outlets (so outlet templates are learnt), and a record without text (an error record when read from a
    file)."""
    texts = [p.read_text("utf-8") for p in sorted(DEMO.glob("*/*.txt"))]
    rows = [{"id": f"page-{k}", "outlet": "demo", "text": t} for k, t in enumerate(texts)]
    for k, t in enumerate(texts):
        name = OUTLETS[k % 3]
        rows.append({"id": f"wrapped-{k}", "outlet": name,
                     "text": f"{name} | Subscribe for $1\nYour weekend reading list from {name}\n\n{t}\n\n"
                             f"Tips? Write to the {name} newsroom any time\nCopyright {name} Media Group\n"})
    rows.insert(7, {"id": "no-text", "outlet": "x"})
    return rows


@pytest.fixture
def pools(monkeypatch) -> list:
    """A pool after 5 articles in this process, 4 articles a batch; records the pools made."""
    monkeypatch.setattr(parallel, "SERIAL_FIRST", 5)
    monkeypatch.setattr(parallel, "BATCH", 4)
    made = []
    real = parallel.process_pool

    def spy(*args, **kw):
        pool = real(*args, **kw)
        made.append(pool)
        return pool

    monkeypatch.setattr(parallel, "process_pool", spy)
    return made


def _double(batch: list, state) -> list:
    return [(x * state, x) for x in batch]


def test_ordered_map_keeps_input_order_and_runs_the_head_here():
    items = list(range(23))
    serial = list(parallel.ordered_map(_double, items, 3, jobs=1))
    assert serial == [(3 * x, x) for x in items]
    # jobs > 1 with every item in the serial head: no pool is needed, same results
    assert list(parallel.ordered_map(_double, items, 3, jobs=2, serial_first=100)) == serial
    assert list(parallel.ordered_map(_double, [], 3, jobs=2)) == []


@pytest.mark.parametrize("stream", [False, True])
def test_clean_many_on_a_pool_equals_the_serial_run(pages, pools, stream):
    source = (lambda: iter(pages)) if stream else (lambda: pages)      # streamed: templates learnt as it goes
    serial = list(clean_many(source(), jobs=1))
    assert pools == []
    pooled = list(clean_many(source(), jobs=2))
    assert len(pools) == 1
    assert pooled == serial
    assert [c.id for c in pooled] == [p["id"] for p in pages]
    assert [c.status for c in pooled if c.id == "no-text"] == ["empty"]
    assert any(r.rule == "TPL_OUTLET" for c in pooled for r in c.removed)       # templates reached the workers


def test_score_many_on_a_pool_equals_the_serial_run_with_a_user_lexicon(pages, pools, tmp_path):
    extra = tmp_path / "extra.tsv"
    extra.write_text("quarterly earnings\tloaded\temotional\n", encoding="utf-8")
    lexicon = load_lexicon(extra=[extra])
    cleaned = list(clean_many(pages[:3], jobs=1))
    items = [*pages[:12], *cleaned, *pages[12:]]                       # CleanArticles are scored as they are
    serial = list(score_many(iter(items), lexicon=lexicon, jobs=1))
    pooled = list(score_many(iter(items), lexicon=lexicon, jobs=2))
    assert len(pools) == 1
    assert _rows(pooled) == _rows(serial)            # as JSON: a NaN share never equals itself
    assert [s.id for s in pooled] == [getattr(x, "id", None) or x["id"] for x in items]
    assert sum(s.status == "ok" for s in pooled) >= 60


def _rows(scores) -> list[str]:
    return [json.dumps(s.to_dict()) for s in scores]


def test_score_many_rejects_an_unknown_clean_option(pages):
    with pytest.raises(TypeError, match="unknown option"):
        next(score_many(pages, templatez=False))


def test_models_pickle_without_their_caches():
    model = default_loaded_model()
    model.logits(["Officials slammed the disastrous plan."])
    assert model._cache
    copy = pickle.loads(pickle.dumps(model))
    assert copy._cache == {} and copy.logits(["A calm report."]).tolist() == model.logits(["A calm report."]).tolist()
    lexicon = default_lexicon()
    text = "Officials said the plan may possibly pass, according to sources."
    assert len(pickle.dumps(lexicon)) < 2_000_000
    again = pickle.loads(pickle.dumps(lexicon))
    assert list(again.finditer(text)) == list(lexicon.finditer(text))


def test_cli_clean_and_score_jobs_write_the_serial_output(pages, pools, tmp_path):
    src = tmp_path / "pages.jsonl"
    src.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    for command in ("clean", "score"):
        out = {j: tmp_path / f"{command}-{j}.jsonl" for j in ("1", "2")}
        for j, path in out.items():
            assert main([command, str(src), "-o", str(path), "--jobs", j, "-q"]) == 1      # 1: an error record
        assert out["1"].read_bytes() == out["2"].read_bytes()
        assert len(out["1"].read_text("utf-8").splitlines()) == len(pages)
    assert len(pools) == 2                                              # --jobs 2 ran a pool each time


def test_jobs_default_to_one_for_stdin_and_all_cores_for_files():
    from mediacheck.cli._common import jobs_for

    class Args:
        def __init__(self, inputs, jobs=None):
            self.inputs, self.jobs = inputs, jobs

    assert jobs_for(Args(["-"])) == 1
    assert jobs_for(Args(["a.jsonl", "-"])) == 1
    assert jobs_for(Args(["a.jsonl"])) == 0
    assert jobs_for(Args(["-"], jobs=3)) == 3


def test_clean_article_records_survive_the_trip_to_a_worker(pages):
    c = next(clean_many(pages[:1], jobs=1))
    assert isinstance(c, CleanArticle) and pickle.loads(pickle.dumps(c)) == c


def test_score_many_without_sentences_gives_the_same_rows(pages, pools):
    full = list(score_many(iter(pages), jobs=1))
    for jobs in (1, 2):
        lean = list(score_many(iter(pages), jobs=jobs, sentences=False))
        assert _rows(lean) == _rows(full)
        assert all(r.sentences == () and r.text == "" for r in lean)
    assert any(r.sentences for r in full)
    assert len(pools) == 1


class _DiesInAWorker:
    """Unpickling it ends the process at once, as the kernel's out-of-memory killer would."""

    def __reduce__(self):
        import os

        return os._exit, (9,)


def test_a_killed_worker_gives_exit_4_and_a_clear_message(pages, pools, monkeypatch, tmp_path, capsys):
    from mediacheck.cli import EXIT_WORKER_DIED
    from mediacheck.cli import clean as clean_cli

    monkeypatch.setattr(parallel, "SERIAL_FIRST", 0)
    monkeypatch.setattr(clean_cli, "_load_model", lambda path: _DiesInAWorker())     # reaches each worker
    src = tmp_path / "pages.jsonl"
    src.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    code = main(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--jobs", "2", "--line-model", "x.json"])
    err = capsys.readouterr().err
    assert code == EXIT_WORKER_DIED == 4
    assert "worker process stopped" in err and "fewer --jobs" in err
    assert "Traceback" not in err and "internal error" not in err
