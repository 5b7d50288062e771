"""Collection settings for the whole repository (pytest loads this before any other conftest).

pyproject.toml runs pytest with ``--doctest-modules`` over ``tests/`` and ``mediacheck/`` so the examples in the
package's docstrings run with the suite. Conftest files are plugins, not modules with examples: collecting
``tests/conftest.py`` again as a module clashes with ``tests/benchmarks/conftest.py`` (both are the top-level
module ``conftest`` in pytest's default import mode), so they are left out of collection. They still load as
conftests. The patterns are relative to this file, so this holds whatever directory pytest is started from.
"""

collect_ignore_glob = ["conftest.py", "*/conftest.py"]
