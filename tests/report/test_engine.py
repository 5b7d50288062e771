"""Engines give the same tables: in-process, a 2-process local pool, and a 2-worker Dask LocalCluster."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from mediacheck.cli import main
from mediacheck.model import Article
from mediacheck.report.engine import BATCH, EngineError, run
from mediacheck.report.stages import Settings

ROOT = Path(__file__).resolve().parents[2]
ALLSIDES = ROOT / "corpora" / "allsides" / "allsides.jsonl"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("engine") / "in.jsonl"
    lines = ALLSIDES.read_text(encoding="utf-8").splitlines()[:150]
    path.write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    return path


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def _report(corpus: Path, out: Path, *engine: str) -> dict[str, str]:
    rc = main(["report", str(corpus), "--out", str(out), "--no-html", "--sentences", "-q", "--permutations", "99",
               "--resamples", "100", *engine])
    assert rc == 1                      # the broken line is an error record
    assert json.loads((out / "summary.json").read_text())["records_in"] == 151
    return _digests(out)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict[str, str]:
    return _report(corpus, tmp_path_factory.mktemp("one"), "--jobs", "1")


def test_process_pool_gives_byte_identical_tables(corpus, reference, tmp_path):
    assert len(reference) == 9
    assert _report(corpus, tmp_path, "--jobs", "2") == reference


def test_dask_local_cluster_gives_byte_identical_tables(corpus, reference, tmp_path):
    pytest.importorskip("distributed", reason="the dask engine needs the 'dask' extra")
    assert _report(corpus, tmp_path, "--engine", "dask", "--jobs", "2") == reference


def test_results_keep_input_order_across_batches():
    arts = [Article(id=f"a{k}", outlet="x", text=f"Story number {k} said officials may act. " * 3)
            for k in range(2 * BATCH + 5)]
    ids = [r.row["id"] for r in run(arts, Settings(tone=False), jobs=1)]
    assert ids == [a.id for a in arts]


def test_unknown_engine_and_unreachable_scheduler_are_clear_errors(corpus, tmp_path, capsys):
    with pytest.raises(EngineError, match="unknown engine"):
        list(run([], Settings(), engine="spark"))
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        rc = main(["report", str(corpus), "--out", str(tmp_path), "-q", "--engine", "dask",
                   "--scheduler", "tcp://127.0.0.1:9"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in err and "Traceback" not in err


def test_pool_workers_run_the_article_stage_and_statistics_without_pandas():
    """A spawned pool worker imports what it unpickles: the per-article stage and the statistics chunks need no
    pandas (its import costs each worker most of a second and ~90 MB)."""
    import subprocess
    import sys

    probe = ("import json, sys\n"
             "from mediacheck.report.engine import analyze_batch\n"
             "from mediacheck.report.stats import bootstrap_chunk, permutation_chunk\n"
             "from mediacheck.report.stages import Settings\n"
             "from mediacheck.model import Article\n"
             "r = analyze_batch([Article(id='a', outlet='X', title='Budget vote', text='Officials said the plan may "
             "pass. Critics disagreed sharply.')], Settings())\n"
             "print(json.dumps([r[0].row['status'], sorted({m.split('.')[0] for m in sys.modules "
             "if m.split('.')[0] in ('pandas', 'sklearn', 'scipy', 'pyarrow')})]))\n")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    status, heavy = json.loads(run.stdout)
    assert status == "ok"
    assert heavy == []
