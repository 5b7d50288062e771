"""``mediacheck rules``: the table of rule codes the cleaner puts on removed lines, as Markdown."""
from __future__ import annotations

import argparse
import sys

from mediacheck.cli._common import EXIT_OK


def register(sub) -> None:
    """Add the ``rules`` subcommand to ``sub`` (the parser's subparsers)."""
    r = sub.add_parser("rules", help="print the rule codes the cleaner puts on removed lines (Markdown)",
                       description="Print the table of rule codes (code, description) as Markdown.")
    r.set_defaults(func=cmd_rules)


def rules_markdown() -> str:
    from mediacheck.cleaning.rules import RULE_CODES

    rows = ["| code | description |", "|---|---|"]
    rows += [f"| `{code}` | {desc.replace('|', chr(92) + '|')} |" for code, desc in RULE_CODES.items()]
    return "\n".join(rows) + "\n"


def cmd_rules(args: argparse.Namespace) -> int:
    sys.stdout.write(rules_markdown())
    sys.stdout.flush()
    return EXIT_OK
