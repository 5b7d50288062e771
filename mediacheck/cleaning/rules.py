"""The rule table: every code the cleaner can put on a removed line, and the boilerplate line rules.

A boilerplate rule matches a whole line (after trimming and casefolding), never a fragment of prose: most
rules are exact phrases, a few are anchored patterns. Lines longer than ``MAX_RULE_CHARS`` are prose and are
only checked by the long-line rules (cookie banners, copyright notices).

The phrases and the patterns of other languages are data: ``mediacheck/data/boilerplate.tsv`` (code, language,
exact / prefix / regex, phrase) and ``mediacheck/data/date_words.tsv`` (month and weekday names, relative-time
words, from which one dateline pattern per language is built). ``match_line(line, lang)`` uses the rows of
every language (``*``), of English and of ``lang``; the English patterns below (bylines, datelines, short and
long patterns) apply to every language.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from mediacheck.cleaning.language import canonical
from mediacheck.textutil import casefold, collapse_spaces, short_cache

# code -> description. The one table of rule codes; the README and tests are checked against it.
RULE_CODES: dict[str, str] = {
    "BP_SKIP_LINK": "Skip / jump link for screen readers or keyboard users ('Skip to content', 'Back to top').",
    "BP_MENU": "Menu, navigation or breadcrumb line ('Home', 'Menu', 'Sections', 'Home > World > Europe').",
    "BP_RELATED": "Teaser heading for other articles ('Read also:', 'Read more', 'Related', 'Latest', "
                  "'Most read', 'Trending', 'You may also like').",
    "BP_SHARE": "Share / follow / subscribe / newsletter prompt ('Share this article', 'Follow us', 'Facebook').",
    "BP_COOKIE": "Cookie or consent banner text.",
    "BP_FOOTER": "Copyright, legal and footer line ('© 2024 ...', 'All rights reserved', 'Privacy Policy').",
    "BP_AD": "Advertisement marker ('Advertisement', 'Sponsored', 'Story continues below advertisement').",
    "BP_PHOTO_CREDIT": "Photo or image credit ('Photo: AP', 'Image credit: Reuters', '(Getty Images)').",
    "BP_COMMENTS": "Comment prompt or counter ('Leave a comment', '12 comments', 'Join the conversation').",
    "BP_LOGIN": "Account prompt ('Sign in', 'Log in', 'Register', 'My account').",
    "BP_BYLINE": "Byline ('By Jane Doe'); kept in the `byline` field, not in the body.",
    "BP_DATELINE": "Publication date / time line; kept in the `dateline` field, not in the body.",
    "HL_TITLE": "The headline; kept in the `title` field, not in the body.",
    "HL_SUBTITLE": "The standfirst / dek under the headline; kept in the `subtitle` field.",
    "HL_REPEAT": "An exact repeat of the headline (after normalising case, quotes and spacing).",
    "HL_NEAR": "A near-duplicate of the headline (a few characters differ).",
    "HL_PARAPHRASE": "A paraphrase of the headline (same content words, other wording); kept in "
                     "`headline_variants`.",
    "TPL_OUTLET": "A line that recurs across many articles of the same outlet in this batch (outlet template).",
    "CL_BOILERPLATE": "The line classifier judged the line boilerplate (menu, teaser, caption, link list) from "
                      "its shape and its neighbours.",
    "BP_OUTSIDE_BODY": "Rules-only mode (no line model): a short non-prose line outside the article's main text "
                       "block.",
    "HTML_NAV": "HTML block inside <nav> or role=navigation.",
    "HTML_HEADER": "HTML block inside a page <header> (outside the article).",
    "HTML_FOOTER": "HTML block inside <footer> or role=contentinfo.",
    "HTML_ASIDE": "HTML block inside <aside> or role=complementary.",
    "HTML_FORM": "HTML block inside a form, button or select.",
    "HTML_LINKS": "HTML list or block that is mostly link text (a link list: menus, related links, tag clouds).",
    "HTML_EXTRACTOR": "HTML block left out by the main-content extractor (trafilatura, with the `html` extra).",
    "HTML_ATTR": "HTML block inside an element whose class or id marks boilerplate (share, related, cookie ...).",
}

#: Longer lines are treated as prose and only checked by ``LONG_RULES``.
MAX_RULE_CHARS = 120

_TRAIL = " \t:：-–—|›»>•·.…!*"
_LEAD = " \t-–—|•·*>›»"


@short_cache(maxsize=1 << 16)
def normalise_line(line: str) -> str:
    """Trim, casefold and drop trailing separators: the form rules and templates compare (short lines cached)."""
    s = casefold(collapse_spaces(line))
    s = s.rstrip(_TRAIL + "\u200b\u00a0").lstrip(_LEAD + "\u200b\u00a0")
    return s.replace("’", "'").replace("‘", "'")


def _phrase_table(phrases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Phrase -> code; a phrase listed under two codes is an error (one would silently win)."""
    table: dict[str, str] = {}
    for code, items in phrases.items():
        for p in items:
            if table.get(p, code) != code:
                raise ValueError(f"rule table: {p!r} is listed under both {table[p]} and {code}")
            table[p] = code
    return table


class _Row(NamedTuple):
    code: str
    lang: str           # ISO 639-1 code, or "*" for every language
    match: str          # exact | prefix | regex
    phrase: str         # as written in the file (exact and prefix phrases are normalised when tables are built)


_MATCH_KINDS = ("exact", "prefix", "regex")
_DATE_KINDS = ("month", "weekday", "ago", "unit", "label", "at", "clock")
#: Codes a data row may name: the line-rule codes (bylines come from the byline rule only).
_ROW_CODES = tuple(c for c in RULE_CODES if c.startswith("BP_") and c not in ("BP_BYLINE", "BP_OUTSIDE_BODY"))


def _read_tsv(name: str, header: list[str]) -> list[tuple[int, list[str]]]:
    """(line number, columns) of each data row of ``mediacheck/data/<name>`` after its comments and header."""
    from mediacheck.data import read_text

    out: list[tuple[int, list[str]]] = []
    header_seen = False
    for n, raw in enumerate(read_text(name).splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if not header_seen:
            if cols != header:
                raise ValueError(f"{name} line {n}: expected the header {'<TAB>'.join(header)}, got {raw!r}")
            header_seen = True
            continue
        if len(cols) != len(header) or not all(c.strip() for c in cols):
            raise ValueError(f"{name} line {n}: expected {len(header)} non-empty tab-separated columns: {raw!r}")
        out.append((n, cols))
    return out


@lru_cache(maxsize=1)
def _rows() -> tuple[_Row, ...]:
    """The rows of ``boilerplate.tsv``, checked (a broken row is an error naming its line)."""
    rows = []
    for n, (code, lang, kind, phrase) in _read_tsv("boilerplate.tsv", ["code", "lang", "match", "phrase"]):
        where = f"boilerplate.tsv line {n}"
        if code not in _ROW_CODES:
            raise ValueError(f"{where}: {code!r} is not a line-rule code of RULE_CODES")
        if lang != "*" and not re.fullmatch(r"[a-z]{2}", lang):
            raise ValueError(f"{where}: language {lang!r} is neither an ISO 639-1 code nor *")
        if kind not in _MATCH_KINDS:
            raise ValueError(f"{where}: match {kind!r} is not one of {', '.join(_MATCH_KINDS)}")
        if kind == "regex" and re.search(r"\(\?P|\\[1-9]|\(\?[a-zA-Z]", phrase):
            raise ValueError(f"{where}: a regex row may not use named groups, backreferences or inline flags")
        if kind != "regex" and len(phrase) > MAX_RULE_CHARS:
            raise ValueError(f"{where}: a phrase longer than MAX_RULE_CHARS never matches a short line")
        rows.append(_Row(code, lang, kind, phrase))
    return tuple(rows)


@lru_cache(maxsize=1)
def _date_rows() -> tuple[tuple[str, str, str], ...]:
    """The rows (lang, kind, word) of ``date_words.tsv``, checked."""
    rows = []
    for n, (lang, kind, word) in _read_tsv("date_words.tsv", ["lang", "kind", "word"]):
        if not re.fullmatch(r"[a-z]{2}", lang) or kind not in _DATE_KINDS or word != word.lower():
            raise ValueError(f"date_words.tsv line {n}: expected an ISO 639-1 code, one of {', '.join(_DATE_KINDS)} "
                             f"and a lower-case word: {lang!r} {kind!r} {word!r}")
        if kind == "ago" and word.count("_") != 1:
            raise ValueError(f"date_words.tsv line {n}: an 'ago' template holds one _ (number and unit): {word!r}")
        rows.append((lang, kind, word))
    return tuple(rows)


def _forms(text: str, lang: str) -> set[str]:
    """The casefolded forms a line may hold ``text`` in: Turkish capitals fold apart ("İ" -> "i̇", "I" -> "i"), so
    the capitalised and upper-case forms of a Turkish phrase are added; Romanian is written with comma and with
    cedilla letters (ș ş, ț ţ)."""
    forms = {text}
    if lang == "tr":
        def up(s: str) -> str:
            return s.replace("i", "İ").replace("ı", "I").upper()
        forms |= {up(text), " ".join(up(w[:1]) + w[1:] for w in text.split(" "))}
    forms = {casefold(f) for f in forms}
    return forms | {f.replace("ș", "ş").replace("ț", "ţ") for f in forms}


def _phrase_forms(row: _Row) -> set[str]:
    return {normalise_line(f) for f in _forms(row.phrase, row.lang)} - {""}


@lru_cache(maxsize=1)
def _row_languages() -> tuple[str, ...]:
    """The languages with rows of their own (boilerplate phrases or date words), English and * excluded."""
    langs = {r.lang for r in _rows()} | {lang for lang, _, _ in _date_rows()}
    return tuple(sorted(langs - {"*", "en"}))


def _check_languages(langs: tuple[str, ...]) -> None:
    """A phrase (exact or prefix) listed under two codes within one language is an error."""
    for lang in langs:
        phrases: dict[str, list[str]] = {}
        for r in _rows():
            if r.lang == lang and r.match != "regex":
                phrases.setdefault(r.code, []).extend(_phrase_forms(r))
        try:
            _phrase_table({c: tuple(ps) for c, ps in phrases.items()})
        except ValueError as e:
            raise ValueError(f"boilerplate.tsv, language {lang}: {e}") from None


def _exact_table(langs: tuple[str, ...]) -> dict[str, str]:
    """Normalised exact phrase -> code over the rows of ``langs`` (a phrase under two codes is an error)."""
    phrases: dict[str, list[str]] = {}
    for r in _rows():
        if r.lang in langs and r.match == "exact":
            phrases.setdefault(r.code, []).extend(sorted(_phrase_forms(r)))
    return _phrase_table({c: tuple(ps) for c, ps in phrases.items()})


_check_languages(("*", "en"))
_PHRASE_RULE: dict[str, str] = _exact_table(("*", "en"))

_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (rf"(\d{{1,2}}(st|nd|rd|th)?\s+{_MONTH},?(\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?(,?\s+\d{{4}})?"
         r"|\d{4}-\d{2}-\d{2}(t[\d:.+z-]*)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})")
_TIME = r"\d{1,2}([:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?)?\s*([a-z]{2,4}t|utc|gmt|et|pt|ct)?"
_DATE_LINE = (r"([\w.'’&-]+\s+){0,5}?((published|updated|posted|last updated|last modified|first published|modified"
              r"|date)( on| at)?\s*:?\s*)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
              rf"{_DATE}([,|/\s-]*(at\s+)?{_TIME})?(\s*[|·•,/-]\s*(updated|modified).{{0,60}})?")

# Anchored patterns for short lines (matched against the normalised line).
_SHORT_PATTERNS: tuple[tuple[str, str], ...] = (
    ("BP_SKIP_LINK", r"(skip|jump) to (the )?(main |primary )?(content|navigation|search|footer|article|menu)\b.*"),
    ("BP_MENU", r"(home|news|start)\s*(>|›|»|/|\||→)\s*\S.*"),            # breadcrumbs
    ("BP_MENU", r"[^.!?]{1,40}(\s(>|›|»|→)\s[^.!?]{1,40}){2,}"),             # a > b > c
    ("BP_RELATED", r"(read (also|more|next|the full)|also read|see also|related( stories| articles| news| posts)?|"
                   r"more (from|on|in|stories from|news from)|latest( news)? (from|on|in)|most (read|popular|viewed)"
                   r"( in| on| from)?|recommended (for you|reading|stories)|"
                   r"you (may|might) also (like|enjoy|be interested in)"
                   r"|trending( now)?( in| on)?|top stories( in| from)?|don't miss|watch|watch now|video|listen now)"
                   r"\s*[:|—–-]\s*.*"),
    ("BP_RELATED", r"(read also|read more|also read|related|latest|more news|more stories)\s*:?"),
    ("BP_SHARE", r"(share|follow|like|connect with|find) (us|this|it|me|him|her|them)?\s*(on|via|with)?\s*"
                 r"(facebook|twitter|x|instagram|linkedin|whatsapp|email|pinterest|reddit|telegram|social media)"
                 r"(,? (and|or|&) .*)?"),
    ("BP_SHARE", r"\d[\d,.]*k?\s*(shares?|likes?|views?|reads?|retweets?|reposts?)"),
    ("BP_SHARE", r"(sign up|subscribe|register)( now| today| here)? (for|to) (our|the|my)?\s*"
                 r"(free )?(daily |weekly |morning |evening )?"
                 r"(newsletters?|email|emails|updates|alerts|digest|briefing).*"),
    ("BP_SHARE", r"(get|receive) (our|the) (free )?(daily |weekly |morning )?(newsletter|email|briefing|updates)"
                 r"( in your inbox| delivered)?.*"),
    ("BP_SHARE", r"(share|tweet|email|pin|post) (this|on|to|via) .{0,40}"),
    ("BP_SHARE", r"(facebook|twitter|linkedin|pinterest|reddit|whatsapp|email|print|instagram)"
                 r"(\s*[,|/·•]?\s*(facebook|twitter|linkedin|pinterest|reddit|whatsapp|email|print|instagram|"
                 r"youtube|tiktok|telegram|flipboard|copy link)){1,}"),
    ("BP_SHARE", r"@[a-z0-9_]{2,30}"),                                          # bare social handle
    ("BP_SHARE", r"click to (share|print|email|tweet|pin)( on| via| this| to)? .{0,40}|"
                 r".{0,60}\(opens in (a )?new window\)"),
    ("BP_RELATED", r"more (on|from|in|about) .{1,40}|.{1,40} most (commented|popular|read|viewed|emailed)"),
    ("BP_AD", r"media playback is (unsupported|not supported) on your device|"
              r".{0,30}(video|player) (is )?(loading|unavailable)"),
    ("BP_COOKIE", r"(accept|allow|reject|manage|customi[sz]e) (all |essential |necessary )?"
                  r"(cookies|cookie settings|preferences|and close|& close)"),
    ("BP_FOOTER", r"(©|\(c\)|&copy;).*|copyright\s*(©|\(c\)|\d{4}|notice|information|policy|$).*"),
    ("BP_FOOTER", r".*\ball rights reserved\b.*"),
    ("BP_FOOTER", r"(privacy policy|terms of (use|service)|cookie policy|contact us|about us)"
                  r"(\s*[|·•,/]\s*(privacy( policy)?|terms( of (use|service))?|cookie policy|contact( us)?|"
                  r"about( us)?|advertise|careers|sitemap|help|accessibility|ad choices|faq))+"),
    ("BP_FOOTER", r"(powered by|designed by|developed by|site by|proudly powered by) .{1,60}"),
    ("BP_AD", r"(advertisement|sponsored|ad)\s*[-:|–—]?\s*(scroll|continue|story continues|article continues).*"),
    ("BP_AD", r"(story|article|text) continues (below|after).*"),
    ("BP_PHOTO_CREDIT", r"(photo|photos|photograph|image|picture|pictured|video|illustration|graphic|file photo|"
                        r"photo credit|image credit|image source|source image|credit|credits|courtesy)\s*"
                        r"(credit)?\s*[:/|—–]\s*.{1,80}"),
    ("BP_PHOTO_CREDIT", r"\(?(photo|image|picture|illustration)s? (by|courtesy of|via) .{1,60}\)?"),
    ("BP_PHOTO_CREDIT", r"(image|photo|picture) (copyright|source|caption)\b.{0,80}"),
    ("BP_PHOTO_CREDIT", r"[^.!?]{0,80}/\s*(getty images|afp|ap|reuters|shutterstock|bloomberg|epa|ap photo|"
                        r"istock|alamy|newscom|zuma|pa images|sipa)\b.{0,30}"),
    ("BP_PHOTO_CREDIT", r"\(?(getty images|afp|ap photo|reuters|shutterstock|istock|epa|alamy|ap|pa|"
                        r"afp via getty images|ap images)(/[^()]{0,60})?\)?"),
    ("BP_PHOTO_CREDIT", r".{0,80}\((getty images|afp|ap photo[^)]*|reuters[^)]*|shutterstock|istock[^)]*|"
                        r"epa[^)]*|afp via getty images)\)"),
    ("BP_COMMENTS", r"\d[\d,]*\s*(comments?|responses?|replies)"),
    ("BP_COMMENTS", r"(leave|post|add|write|view|show|read) (a |your |all )?(\d+ )?(comments?|reply|replies|responses?)"
                    r"( \(\d+\))?"),
    ("BP_COMMENTS", r"(join|start) the (conversation|discussion|debate).*"),
    ("BP_COMMENTS", r"[^.!?]{1,60}\s(on|at)\s[^.!?]{4,40}\d[^.!?]{0,30}\s(said|says|wrote|writes|commented)"),
    ("BP_COMMENTS", r"\d+\s+(thoughts?|responses?|replies|comments?) (on|to) .{1,100}|"
                    r"(thoughts?|responses?|replies|comments?) (on|to) [\"“'‘«].{1,100}"),
    ("BP_COMMENTS", r"(log in|sign in|login) to (reply|comment)|reply to this comment|report (this )?comment"),
    ("BP_LOGIN", r"(sign|log) ?(in|up)\s*(/|or|\|)\s*(sign|log)? ?(in|up|register|subscribe).*"),
    ("BP_LOGIN", r"(already a subscriber|already have an account|don't have an account)\??.*"),
    ("BP_DATELINE", _DATE_LINE),
    ("BP_DATELINE", r"(published|updated|posted|last updated)\s*:?\s*(\d+|an?|one)\s+(seconds?|minutes?|mins?|"
                    r"hours?|hrs?|days?|weeks?|months?)\s+ago"),
    ("BP_DATELINE", r"(\d+|an?|one)\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago"),
    ("BP_DATELINE", r"\d{1,2}:\d{2}\s*(a\.?m\.?|p\.?m\.?)?\s*([a-z]{2,4}t|utc|gmt|et|pt)?(,?\s+.{0,30}\d{4})?"),
    ("BP_DATELINE", r"(reading time|read time|\d+\s*min(ute)?s?\s*read|\d+\s*min(ute)?s? to read).*"),
)

# Patterns for any line length (cookie banners and legal notices are long).
_LONG_PATTERNS: tuple[tuple[str, str], ...] = (
    # Banners start with their subject; a news sentence that mentions cookies in passing does not.
    ("BP_COOKIE", r"((this|our) (web)?site|we|this page) (and our partners )?(uses?|stores?) cookies.*|"
                  r"by (continuing to )?(using|browsing|visiting) (this|our) (web)?site,? you (agree|consent|accept).*|"
                  r"(cookie policy|cookie settings|cookies? (notice|consent))\b.*"),
    ("BP_FOOTER", r"(©|\(c\)|copyright\s*(©|\(c\))?\s*\d{4}).*"),
    ("BP_FOOTER", r"this (material|article|content) may not be (published|reproduced|copied|redistributed).*"),
    ("BP_FOOTER", r".*\ball rights reserved\.?"),
    ("BP_SHARE", r"(sign up|subscribe) (for|to) (our|the) .{0,60}(newsletter|email|briefing).*"),
    ("BP_AD", r"(we|this site) (may )?(earn|receive) (a )?(commission|affiliate).*|.*\b(affiliate links?|"
              r"affiliate commission|commission on purchases)\b.*(earn|commission|links?)\b.*"),
)



def _combine(patterns: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation with a named group per pattern, so a line is matched in a single C-level call."""
    groups = {f"r{i}": code for i, (code, _) in enumerate(patterns)}
    rx = re.compile("|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(patterns)))
    return rx, groups


_SHORT_RX, _SHORT_GROUPS = _combine(_SHORT_PATTERNS)
# A long line is only tried against _LONG_PATTERNS when it holds one of these words (cheap prefilter).
_LONG_KEYS = ("cookie", "©", "(c)", "copyright", "rights reserved", "may not be", "newsletter", "commission",
              "affiliate", "sign up", "subscribe", "we use", "we and our", "your device", "agree", "consent")
_LONG_RX, _LONG_GROUPS = _combine(_LONG_PATTERNS)
_LONG_KEYS_RX = re.compile("|".join(map(re.escape, _LONG_KEYS)))

# Bylines are matched on the original case: a name is a run of capitalised words.
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:(?:de|van|von|der|den|da|di|del|la|le|bin|al|el)\s+)?[A-Z][\w.'’-]*){0,4}"
_BYLINE_RX = re.compile(
    rf"(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by|[Pp]osted by|[Ww]ords by|[Ss]tory by|[Aa]uthors?:)\s*:?\s+"
    rf"{_NAME}(?:\s*(?:,|and|&)\s+{_NAME}){{0,3}}(?:\s*(?:,|\||—|–|-|\bin\b)\s*.{{0,80}})?"
)


# Codes whose short patterns may match a full sentence; the others never name a sentence such as
# "The trial begins on March 3, 2020." or "Comments on social media were overwhelmingly negative."
_SENTENCE_SAFE = frozenset({"BP_FOOTER", "BP_COOKIE", "BP_AD", "BP_PHOTO_CREDIT"})


def _is_sentence(line: str) -> bool:
    s = line.rstrip()
    return len(s.split()) >= 6 and s[-1:] in ".!?"


def match_byline(line: str) -> bool:
    """True for a byline such as 'By Jane Doe, Reuters' (names must be capitalised; no sentence end)."""
    s = line.strip()
    if not 4 <= len(s) <= 160 or s[-1] in ".!?" or len(s.split()) > 14:
        return False
    return _BYLINE_RX.fullmatch(s) is not None


def match_line(line: str, lang: str = "en") -> str | None:
    """Return the rule code of a boilerplate line, or None if no rule names it.

    ``lang`` is the page's language (ISO 639-1, e.g. from ``language.detect_language``): the rules of every
    language, of English and of ``lang`` apply; "und" or a language without rows of its own: all languages'."""
    # Short lines (menus, footers) recur across a batch: remember their verdicts.
    return _match_short(line, lang) if len(line) <= _CACHE_CHARS else _match(line, lang)


_CACHE_CHARS = 200


def _match(line: str, lang: str = "en") -> str | None:
    norm = normalise_line(line)
    if not norm:
        return None
    t = _TABLES.get(lang) or _tables(lang)
    code = t.exact.get(norm)
    if code:
        return code
    if len(norm) <= MAX_RULE_CHARS:
        if match_byline(line):
            return "BP_BYLINE"
        for rx, groups in ((_SHORT_RX, _SHORT_GROUPS), (t.short, t.short_groups)):   # English, then ``lang``
            m = rx.fullmatch(norm) if rx is not None else None
            if m:
                code = groups[m.lastgroup]
                if code in _SENTENCE_SAFE or not _is_sentence(line):
                    return code
    if len(norm) <= 2000:
        english = _LONG_RX if _LONG_KEYS_RX.search(norm) else None
        for rx, groups in ((english, _LONG_GROUPS), (t.long, t.long_groups)):
            m = rx.fullmatch(norm) if rx is not None else None
            if m:
                return groups[m.lastgroup]
    return None


_match_short = lru_cache(maxsize=1 << 16)(_match)


# --- the per-language tables, built from the data files on first use ---------------------------------------------

class _Tables(NamedTuple):
    exact: dict[str, str]                   # normalised phrase -> code
    short: re.Pattern | None                # prefix and regex rows and the datelines, for short lines
    short_groups: dict[str, str]
    long: re.Pattern | None                 # regex rows of _LONG_CODES, for lines of any length
    long_groups: dict[str, str]


#: Codes whose regex rows also apply to long lines: those of the English long patterns (banners, notices).
_LONG_CODES = frozenset(code for code, _ in _LONG_PATTERNS)
#: A prefix phrase is followed by one of these, then text: "Lesen Sie auch: ...", "Foto - dpa" (not "Foto-Tipps").
_PREFIX_TAIL = r"(?:\s*[:|»›]\s*|\s+[-–—]\s+)\S.*"
_TABLES: dict[str, _Tables] = {}


def _lang_key(lang: str) -> str:
    """"en", a language with rows of its own, or "und" (all languages) for ``lang``."""
    code = canonical(lang)
    return code if code == "en" or code in _row_languages() else "und"


def _tables(lang: str) -> _Tables:
    t = _build(_lang_key(lang))
    if len(_TABLES) < 256:
        _TABLES[lang] = t
    return t


@lru_cache(maxsize=64)
def _build(key: str) -> _Tables:
    """The exact table and the two combined patterns for the rows of *, English and ``key``."""
    langs = ("*", "en", *(_row_languages() if key == "und" else () if key == "en" else (key,)))
    _check_languages(langs[2:])
    exact = _PHRASE_RULE if key == "en" else _exact_table(langs)
    short: list[tuple[str, str]] = []
    long: list[tuple[str, str]] = []
    rows = [r for r in _rows() if r.lang in langs]
    for code in _ROW_CODES:
        prefixes = sorted({f for r in rows if r.code == code and r.match == "prefix" for f in _phrase_forms(r)})
        if prefixes:
            short.append((code, f"(?:{_trie(prefixes)}){_PREFIX_TAIL}"))
        regexes = list(dict.fromkeys(_no_capture(r.phrase) for r in rows if r.code == code and r.match == "regex"))
        if regexes:
            short.append((code, "|".join(f"(?:{x})" for x in regexes)))
            if code in _LONG_CODES:
                long.append((code, "|".join(f"(?:{x})" for x in regexes)))
    dates = _dateline_pattern(langs[2:])
    if dates:
        short.append(("BP_DATELINE", dates))
    short_rx, short_groups = _compile(short, key)
    long_rx, long_groups = _compile(long, key)
    return _Tables(exact, short_rx, short_groups, long_rx, long_groups)


def _compile(parts: list[tuple[str, str]], key: str) -> tuple[re.Pattern | None, dict[str, str]]:
    if not parts:
        return None, {}
    try:
        return _combine(tuple(parts))
    except re.error:
        for r in _rows():        # name the broken row
            if r.match == "regex":
                try:
                    re.compile(r.phrase)
                except re.error as e:
                    raise ValueError(f"boilerplate.tsv: bad regex row {r.code} {r.lang} {r.phrase!r}: {e}") from None
        raise


def _trie(words: list[str]) -> str:
    """One regex alternation for ``words``, factored by common prefixes (a line is tried once per letter, not
    once per word); a space stands for any run of white space."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        end = "" in node
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + walk(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        if end and len(alts) == 1 and len(alts[0]) > 1:
            body = "(?:" + alts[0] + ")"
        return body + "?" if end else body

    return walk(trie)


def _no_capture(pattern: str) -> str:
    """``pattern`` with its capturing groups made non-capturing (rows are combined into one pattern)."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or (out and out[-1] == "[")
        elif ch == "[":
            in_class = True
        elif ch == "(" and pattern[i + 1:i + 2] != "?":
            out.append("(?:")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


@lru_cache(maxsize=1)
def _date_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """lang -> kind -> its words (with their casefolded variants), from ``date_words.tsv``."""
    out: dict[str, dict[str, set[str]]] = {}
    for lang, kind, word in _date_rows():
        out.setdefault(lang, {}).setdefault(kind, set()).update(_forms(word, lang))
    return {lang: {k: tuple(sorted(ws, key=lambda w: (-len(w), w))) for k, ws in kinds.items()}
            for lang, kinds in out.items()}


def _alt(words: tuple[str, ...]) -> str:
    return _trie(list(words)) if words else ""


_YEAR_SUFFIX = r"(?:\s*(?:г|года|r|rok|évi)\.?)?"
_TZ = r"(?:\s*\(?(?:mez|mesz|cet|cest|utc|gmt|msk|eet|eest|wet|west)\)?)?"
#: 31.05.2012, 31. 5. 2012, 31/05/12, 31-05-2012, 2012-05-31, 2012.05.31. (one separator; dashes need a 4-digit year)
_NUMERIC_DATE = (r"\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4}"
                 r"|\d{4}-\d{1,2}-\d{1,2}|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?")


@lru_cache(maxsize=64)
def _dateline_pattern(langs: tuple[str, ...]) -> str | None:
    """The dateline pattern of ``langs`` from their date words: "Donnerstag, 31. Mai 2012, 14:30 Uhr", "Publié le 3
    mars 2024 à 10h15", "31 de mayo de 2012", "Opublikowano: 3 marca 2024, 10:15", "2012. május 31.", "14:30 Uhr",
    "vor 3 Stunden", "3 godziny temu" (a date line, not a sentence: ``_is_sentence`` still guards). Several
    languages share one pattern built from all their words (one pass, not one per language)."""
    words = _date_words()
    w = {k: tuple(sorted({x for lang in langs for x in words.get(lang, {}).get(k, ())}, key=lambda x: (-len(x), x)))
         for k in _DATE_KINDS}
    month, weekday, label, at, clock = (_alt(w.get(k, ())) for k in ("month", "weekday", "label", "at", "clock"))
    labels = rf"(?:(?:{label})\s*:?\s*){{0,2}}" if label else ""
    clock_opt = rf"(?:\s*(?:{clock})\.?)?" if clock else ""
    at_opt = rf"(?:(?:{at})\s*)?" if at else ""
    sep = r"[,|/·•\s–-]*"
    time = rf"\d{{1,2}}(?:\s*[:.h]\s*\d{{2}})?{clock_opt}{_TZ}"
    strict = [rf"\d{{1,2}}:\d{{2}}{clock_opt}", r"\d{1,2}h\d{2}"]          # a time alone: "14:30", "10h15"
    if clock:
        strict.append(rf"\d{{1,2}}\s*[.h]?\s*(?:\d{{2}}\s*)?(?:{clock})\.?")  # "10.15 uhr", "14 uhr"
    if at:
        strict.append(rf"(?:{at})\s*\d{{1,2}}\s*[:.h]\s*\d{{2}}{clock_opt}")  # "kl. 10.15"
    strict_time = f"(?:{'|'.join(strict)}){_TZ}"
    alts = []
    if month:
        day_month = (rf"\d{{1,2}}(?:\.\s*|\s+)(?:(?:de|del)\s+)?(?:{month})\.?"
                     rf"(?:,?\s*(?:(?:de|del)\s+)?\d{{4}}{_YEAR_SUFFIX})?")
        year_first = rf"\d{{4}}\.?\s*(?:{month})\.?\s*\d{{1,2}}\.?"
        date = f"(?:{day_month}|{year_first}|{_NUMERIC_DATE})"
        time_tail = rf"(?:{sep}{at_opt}{time})?"
        trail = (rf"(?:\s*[|·•,/–-]\s*(?:(?:{label})\s*:?\s*){{1,2}}{date}{time_tail})?"   # "| aktualisiert: 1.6.2012"
                 if label else "")
        wd_before = rf"(?:(?:{weekday})\.?,?\s+)?" if weekday else ""
        wd_after = rf"(?:,?\s+(?:{weekday}))?" if weekday else ""
        label_after = rf"(?:(?:{label})\s+)?" if label else ""
        alts.append(rf"{labels}{wd_before}{label_after}{date}{wd_after}{time_tail}{trail}")
    if weekday:
        alts.append(rf"{labels}(?:{weekday})\.?,?{sep}{at_opt}{strict_time}")      # "Heute, 14:30 Uhr"
    if label or clock or at:
        alts.append(rf"{labels}{at_opt}{strict_time}")
    templates: dict[str, set[str]] = {}        # a template keeps the units of its own languages
    for lang in langs:
        for template in words.get(lang, {}).get("ago", ()):
            templates.setdefault(template, set()).update(words[lang].get("unit", ()))
    for template, unit_words in sorted(templates.items()):
        if not unit_words:
            continue
        units = _alt(tuple(sorted(unit_words)))
        before, _, after = template.partition("_")
        number = r"\d+\s+" if not (before.strip() or after.strip()) else r"(?:(?:\d+|[^\W\d_]{1,12})\s+)?"
        ago = (rf"(?:{_alt((before.strip(),))})\s+" if before.strip() else "") + number + f"(?:{units})"
        ago += rf"\s+(?:{_alt((after.strip(),))})" if after.strip() else ""
        alts.append(labels + ago)
    return "|".join(f"(?:{a})" for a in alts) or None


def rules_fingerprint() -> str:
    """A digest of everything that decides which rule code a line gets (phrases, patterns, byline, sentence
    guard, normalisation, length limits, the data tables of every language and the patterns built from them)
    and of how codes enter the line model's features. The line model records it when fitted
    (``line_model.json`` header ``rules_fingerprint``); a test fails when the two differ, because then
    ``rule_hit``, ``rule_win2`` and ``after_related`` no longer mean what the weights learned."""
    import hashlib
    import json

    from mediacheck.cleaning.features import FEATURE_NAMES, RELATED_CODES

    every = _build("und")
    parts = {"phrases": sorted(_PHRASE_RULE.items()), "short": list(_SHORT_PATTERNS), "long": list(_LONG_PATTERNS),
             "long_keys": list(_LONG_KEYS), "byline": _BYLINE_RX.pattern, "sentence_safe": sorted(_SENTENCE_SAFE),
             "trail": _TRAIL, "lead": _LEAD, "max_rule_chars": MAX_RULE_CHARS, "related": sorted(RELATED_CODES),
             "features": list(FEATURE_NAMES), "rows": sorted(_rows()), "date_words": sorted(_date_rows()),
             "built": [every.short.pattern if every.short else "", every.long.pattern if every.long else "",
                       sorted(every.exact.items())]}
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def describe(code: str) -> str:
    """The description of a rule code (KeyError for an unknown code)."""
    return RULE_CODES[code]
