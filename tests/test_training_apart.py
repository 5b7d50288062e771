"""Training code stays out of the runtime: only the ``train`` command (and the packages' lazy attribute for the
public ``fit_*`` names) may import the training modules, anywhere in a module, inside functions included."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "mediacheck"
TRAINING = {"mediacheck.cleaning.training", "mediacheck.scoring.training", "mediacheck.dedup.training",
            "mediacheck.cleaning.labels"}
ALLOWED = {  # importer -> training modules it may import
    "mediacheck.cli.train": {"mediacheck.cleaning.training", "mediacheck.scoring.training"},
    "mediacheck.cleaning": {"mediacheck.cleaning.training"},           # lazy __getattr__ for fit_line_model
    "mediacheck.scoring": {"mediacheck.scoring.training"},             # lazy __getattr__ for fit_loaded_model
    "mediacheck.cleaning.training": {"mediacheck.cleaning.labels"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def test_no_runtime_module_imports_training_code():
    offenders = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        bad = (_imports(path) & TRAINING) - ALLOWED.get(name, set()) - {name}
        if bad:
            offenders[name] = sorted(bad)
    assert not offenders, offenders


def test_fit_names_are_still_public_and_lazy():
    import subprocess
    import sys

    code = ("import sys, mediacheck.cleaning as c, mediacheck.scoring as s\n"
            "assert 'mediacheck.cleaning.training' not in sys.modules\n"
            "assert 'mediacheck.scoring.training' not in sys.modules\n"
            "assert callable(c.fit_line_model) and callable(s.fit_loaded_model)\n"
            "assert 'mediacheck.scoring.training' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
