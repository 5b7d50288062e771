"""Run-unique record ids: one collision-free scheme for every reader and for ``find_duplicates``."""
from __future__ import annotations


class UniqueIds:
    """Hands out each id once: a taken id gets the first free ``#2``, ``#3``, ... suffix.

    An id that equals one already handed out (also a made-up one, such as a literal ``r1#2`` after ``r1`` was
    renamed to ``r1#2``) is renamed too, so no two records ever share an id.

    >>> u = UniqueIds(); [u.take(i) for i in ["r1", "r1", "r1", "r1#2"]]
    ['r1', 'r1#2', 'r1#3', 'r1#2#2']
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def __contains__(self, rid: str) -> bool:
        return rid in self._taken

    def take(self, rid: str) -> str:
        """``rid`` if it is free, else the first free ``rid#n`` (n >= 2); the result is marked taken."""
        if rid not in self._taken:
            self._taken.add(rid)
            return rid
        n = self._next.get(rid, 2)
        while f"{rid}#{n}" in self._taken:
            n += 1
        self._next[rid] = n + 1
        new = f"{rid}#{n}"
        self._taken.add(new)
        return new
