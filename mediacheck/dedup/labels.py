"""The one table of outlet labels: the words outlets put before a headline ("WATCH:", "EXCLUSIVE -") and the
separators before an outlet name after it (" - Reuters", " | BBC News"). ``normalize.headline_key`` and
``similarity.strip_outlet`` both read it (the two differ only in when a trailing segment counts as an outlet
name; see there)."""
from __future__ import annotations

import re

__all__ = ["LABELS", "PREFIX", "SUFFIX"]

LABELS = ("watch", "video", "exclusive", "breaking", "breaking news", "live", "live updates", "opinion", "op-ed",
          "analysis", "update", "updated", "editorial", "commentary", "review", "photos", "listen", "podcast",
          "explainer", "fact check", "just in", "developing")
#: A leading label and its separator ("WATCH: ", "Opinion | ", "EXCLUSIVE - ").
PREFIX = re.compile(r"^\s*(?:" + "|".join(map(re.escape, sorted(LABELS, key=len, reverse=True))) + r")\s*[:|\-–—]\s+",
                    re.IGNORECASE)
#: A short last segment after a separator: " - Outlet", " | Site", " :: Site", " · Site" (group 1: the segment).
SUFFIX = re.compile(r"\s+(?:[|\-–—]|::|·)\s+([^|\-–—]{1,40})$")
