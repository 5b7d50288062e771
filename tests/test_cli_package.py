"""The ``mediacheck.cli`` package: quick start without pandas, module boundaries, and the renamed model options."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mediacheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "mediacheck" / "cli"
DATA = ROOT / "mediacheck" / "data"
HEAVY = ("pandas", "sklearn", "scipy", "pyarrow", "dask", "mediacheck.report")
BODY = ("The city council approved the new budget on Tuesday after a long debate about school funding. "
        "Officials said the plan would add two hundred teachers over the next three years.")

_PROBE = """
import contextlib, io, json, sys
from mediacheck.cli import build_parser, main
seen = {}
def heavy():
    return [m for m in %r if m in sys.modules]
build_parser()
seen["build_parser"] = heavy()
for argv in %r:
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    seen[" ".join(argv)] = [code, heavy()]
print(json.dumps(seen))
"""


def test_help_and_rules_do_not_import_pandas():
    argvs = [["--help"], ["rules"], ["--version"], *([c, "--help"] for c in
             ("clean", "train-cleaner", "score", "train-scorer", "dedup", "report", "rules"))]
    run = subprocess.run([sys.executable, "-c", _PROBE % (HEAVY, argvs)], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    seen = json.loads(run.stdout)
    assert seen.pop("build_parser") == []
    for argv, (code, heavy) in seen.items():
        assert code == 0, argv
        assert heavy == [], f"'mediacheck {argv}' imported {heavy}"


@pytest.mark.parametrize("argv", [["--help"], ["rules"]])
def test_python_m_mediacheck_starts_without_pandas(argv):
    """The real entry point, as ``python -X importtime -m mediacheck ...`` sees it."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "mediacheck", *argv], capture_output=True,
                         text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    imported = {line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert not {m for m in imported if m.split(".")[0] in ("pandas", "sklearn", "scipy")}
    assert "mediacheck.report" not in imported
    assert run.stdout.startswith("usage: mediacheck" if argv == ["--help"] else "| code | description |")


def _run_and_list_imports(command: str, page: Path, out: Path, watched: tuple[str, ...]) -> tuple[int, list[str]]:
    """(exit code, the ``watched`` modules imported) of ``mediacheck COMMAND page -q -o out`` in a fresh
    interpreter (packages by their top name, mediacheck modules in full)."""
    probe = ("import json, sys\nfrom mediacheck.cli import main\n"
             f"code = main([{command!r}, {str(page)!r}, '-q', '-o', {str(out)!r}])\n"
             f"print(json.dumps([code, sorted({{m.split('.')[0] if not m.startswith('mediacheck') else m "
             f"for m in sys.modules if m.startswith({watched!r})}})]))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    code, heavy = json.loads(run.stdout)
    return code, heavy


CLEAN_PATH_HEAVY = ("pandas", "sklearn", "scipy", "nltk", "trafilatura", "pyarrow", "dask", "lxml",
                    "mediacheck.scoring", "mediacheck.dedup", "mediacheck.report")


def test_clean_one_text_file_imports_nothing_heavy(tmp_path):
    """``mediacheck clean one_file.txt`` starts in a blink: no pandas, scipy (nltk's package root imports it),
    trafilatura (a text file needs no HTML extractor), scorer or de-duplicator on its path."""
    page = tmp_path / "page.txt"
    page.write_text("Skip to content\nCouncil approves the new school budget\n\n" + BODY + "\n\nShare this article\n",
                    encoding="utf-8")
    code, heavy = _run_and_list_imports("clean", page, tmp_path / "out.jsonl", CLEAN_PATH_HEAVY)
    assert code == 0
    assert heavy == []
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["title"] == "Council approves the new school budget"     # the stemmer did run (headline stage)
    assert "Share this article" not in record["text"]


SCORE_PATH_HEAVY = ("pandas", "sklearn", "scipy", "nltk", "pyarrow", "dask", "mediacheck.dedup", "mediacheck.report")


def test_score_one_text_file_imports_no_scikit_learn_pandas_or_scipy(tmp_path):
    """``mediacheck score one_file.txt`` scores with the shipped model's own n-gram slicing: scikit-learn (and the
    scipy / pandas it pulls in, ~150 MB and seconds) stays unimported, yet the loaded-language model did run."""
    page = tmp_path / "page.txt"
    page.write_text("Council approves the new school budget\n\n" + BODY + " Critics called the plan a reckless, "
                    "disastrous giveaway that may well ruin the district.\n", encoding="utf-8")
    code, heavy = _run_and_list_imports("score", page, tmp_path / "out.jsonl", SCORE_PATH_HEAVY)
    assert code == 0
    assert heavy == []
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["status"] == "ok"
    assert record["loaded_mean_prob"] > 0          # the model scored the sentences
    assert record["hedges_per_1k"] > 0             # "may" was found by the lexicon


def _imports(path: Path, *, module_level: bool):
    """(node, resolved module name) of each import in ``path``; ``module_level`` leaves out function bodies."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = "mediacheck.cli"

    def walk(node):
        for child in ast.iter_child_nodes(node):
            if module_level and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield child, alias.name
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[:len(package.split(".")) - child.level + 1]
                    name = ".".join(base + ([child.module] if child.module else []))
                else:
                    name = child.module or ""
                yield child, name
            yield from walk(child)

    return list(walk(tree))


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_cli_modules_never_import_the_cli_package(path):
    if path.name == "__init__.py":
        return
    for node, name in _imports(path, module_level=False):
        names = [a.name for a in node.names] if isinstance(node, ast.ImportFrom) else []
        assert name != "mediacheck.cli", f"{path.name}:{node.lineno} imports mediacheck.cli ({names})"
        assert not (name == "mediacheck" and "cli" in names), f"{path.name}:{node.lineno} imports mediacheck.cli"


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_cli_modules_import_only_the_stdlib_and_the_cli_at_module_level(path):
    """Heavy dependencies (pandas, scikit-learn, the cleaner, scorer, report packages) wait for the command."""
    for node, name in _imports(path, module_level=True):
        top = name.split(".")[0]
        assert top == "__future__" or top in sys.stdlib_module_names or name.startswith("mediacheck.cli"), (
            f"{path.name}:{node.lineno} imports {name} at module level")


def test_report_engines_spelled_out_in_the_cli_match_the_report_package():
    from mediacheck.cli.report import ENGINES as cli_engines
    from mediacheck.report.engine import ENGINES

    assert cli_engines == ENGINES


def test_console_script_and_python_m_use_the_same_main():
    import mediacheck.__main__ as entry
    from mediacheck import cli

    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'mediacheck = "mediacheck.cli:main"' in text
    assert entry.main is cli.main


# ---------------------------------------------------------------------------------------------- renamed options


def _articles(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "Budget passes", "text": f"Skip to content\n\n{BODY}"}) + "\n",
                    encoding="utf-8")
    return path


def test_clean_line_model_and_its_deprecated_alias(tmp_path, capsys):
    data, model = _articles(tmp_path), DATA / "line_model.json"
    if not model.exists():
        pytest.skip("no shipped line model")
    assert main(["clean", str(data), "--line-model", str(model), "-q"]) == 0
    new = capsys.readouterr()
    assert new.err == ""
    assert main(["clean", str(data), "--model", str(model), "-q", "--model", str(model)]) == 0
    old = capsys.readouterr()
    assert old.out == new.out
    assert old.err == "mediacheck: warning: --model is deprecated; use --line-model\n"


def test_score_loaded_model_and_its_deprecated_alias(tmp_path, capsys):
    data, model = _articles(tmp_path), DATA / "loaded_model.json"
    if not model.exists():
        pytest.skip("no shipped loaded-language model")
    assert main(["score", str(data), "--no-tone", "--loaded-model", str(model), "-q"]) == 0
    new = capsys.readouterr()
    assert new.err == ""
    assert main(["score", str(data), "--no-tone", "--model", str(model), "-q"]) == 0
    old = capsys.readouterr()
    assert json.loads(old.out) == json.loads(new.out)
    assert old.err == "mediacheck: warning: --model is deprecated; use --loaded-model\n"


def test_line_model_is_still_exclusive_with_rules_only(tmp_path, capsys):
    data = _articles(tmp_path)
    for option in ("--line-model", "--model"):
        assert main(["clean", str(data), "--rules-only", option, "m.json"]) == 2
        assert "not allowed with argument --rules-only" in capsys.readouterr().err
