"""Benchmarks for mediacheck's cleaner (not part of the installed package). Run from the project root,
e.g. ``python -m benchmarks.clean_quality``; see ``benchmarks/README.md``."""
