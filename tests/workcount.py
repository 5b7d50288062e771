"""Work, not seconds: how many Python and builtin calls a piece of code makes (for tests that bound cost)."""
from __future__ import annotations

import sys
from collections.abc import Callable


def count_calls(fn: Callable[[], object]) -> int:
    """Python and builtin function calls made by ``fn()`` (``sys.setprofile`` events): a count of work that, unlike
    seconds, does not depend on how loaded the machine is."""
    n = 0

    def count(frame, event, arg):
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(count)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return n
