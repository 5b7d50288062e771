"""The docs document every report table and column (docs/columns.md) and every report option (docs/report.md)."""
from __future__ import annotations

import re
from pathlib import Path

from mediacheck.cli import build_parser
from mediacheck.report.columns import RATE_METRICS, TABLES

DOCS = Path(__file__).resolve().parents[2] / "docs"
COLUMNS = (DOCS / "columns.md").read_text(encoding="utf-8")     # every file and column of the report
REPORT = (DOCS / "report.md").read_text(encoding="utf-8")       # the report's options


def test_every_table_and_column_is_documented():
    for name, columns in TABLES.items():
        assert f"`{name}.csv`" in COLUMNS, name
        for col in columns:
            if col in RATE_METRICS or col.endswith(("_ci_low", "_ci_high")) or col.startswith(("hedges_", "frame_")):
                continue                     # documented as families: "<rate>_ci_low", "every score of ..."
            assert re.search(rf"\b{re.escape(col)}\b", COLUMNS), f"{name}.{col} is not in docs/columns.md"


def test_every_report_option_is_documented():
    parser = build_parser()
    report = parser._subparsers._group_actions[0].choices["report"]
    options = {o for a in report._actions for o in a.option_strings if o.startswith("--") and o != "--help"}
    missing = sorted(o for o in options if o not in REPORT)
    assert not missing, f"report options missing from docs/report.md: {missing}"
