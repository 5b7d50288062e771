"""Options objects for functions with many keywords (``DedupOptions``, ``ReportOptions``): shared helpers.

A function that takes an options dataclass also keeps its keyword arguments. Their defaults are ``Unset``
markers that show the option's default (so ``help()`` reads as before) and let ``merge_options`` tell a keyword
the caller passed from one left out:

- no options object: the passed keywords build one (the dataclass validates them);
- an options object and keywords equal to its values: accepted;
- an options object and a keyword with another value: ``TypeError`` naming the option (use
  ``dataclasses.replace(options, name=value)`` to change it).
"""
from __future__ import annotations

import math
import numbers
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


class Unset:
    """The default of a keyword that also lives in an options object: "not passed" (its repr is the default)."""

    __slots__ = ("default",)

    def __init__(self, default: Any) -> None:
        self.default = default

    def __repr__(self) -> str:
        return repr(self.default)


def unset_defaults(cls: type) -> dict[str, Unset]:
    """One ``Unset`` marker per field of the dataclass ``cls``, holding the field's default."""
    return {f.name: Unset(f.default) for f in fields(cls)}


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    try:
        return bool(a == b)
    except (TypeError, ValueError):     # e.g. arrays: compare by identity only
        return False


def merge_options(cls: type[T], options: T | None, keywords: dict[str, Any], *, caller: str) -> T:
    """The options for a call of ``caller``: ``options`` or the dataclass ``cls`` built from the passed keywords.

    ``keywords`` maps every option keyword of the call to its value (``Unset`` when not passed)."""
    passed = {k: v for k, v in keywords.items() if not isinstance(v, Unset)}
    if options is None:
        return cls(**passed)
    if not isinstance(options, cls):
        raise TypeError(f"{caller}: options must be a {cls.__name__}, not {type(options).__name__}")
    conflicts = [k for k, v in passed.items() if not _same(getattr(options, k), v)]
    if conflicts:
        listed = ", ".join(f"{k}={passed[k]!r} (options has {getattr(options, k)!r})" for k in conflicts)
        raise TypeError(f"{caller}: got options={cls.__name__}(...) and the conflicting keyword"
                        f"{'s' if len(conflicts) > 1 else ''} {listed}; pass one or the other, e.g. "
                        f"dataclasses.replace(options, {conflicts[0]}=...)")
    return options


# ---------------------------------------------------------------------------------------------- validation

def check_number(name: str, value: Any, *, low: float | None = None, high: float | None = None,
                 whole: bool = False, optional: bool = False) -> None:
    """ValueError unless ``value`` is a real number (a whole one with ``whole``) in [low, high]; None passes
    when ``optional``. Booleans and NaN are refused."""
    if value is None and optional:
        return
    kind = "a whole number" if whole else "a number"
    ok = isinstance(value, numbers.Integral if whole else numbers.Real) and not isinstance(value, bool)
    if ok and not whole:
        ok = not math.isnan(float(value))
    if ok and low is not None:
        ok = value >= low
    if ok and high is not None:
        ok = value <= high
    if not ok:
        where = (f" in [{low:g}, {high:g}]" if low is not None and high is not None
                 else f" >= {low:g}" if low is not None else f" <= {high:g}" if high is not None else "")
        also = " or None" if optional else ""
        raise ValueError(f"{name} must be {kind}{where}{also}, not {value!r}")

