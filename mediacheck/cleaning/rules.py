"""The rule table: every code the cleaner can put on a removed line, and the boilerplate line rules.

A boilerplate rule matches a whole line (after trimming and casefolding), never a fragment of prose: most
rules are exact phrases, a few are anchored patterns. Lines longer than ``MAX_RULE_CHARS`` are prose and are
only checked by the long-line rules (cookie banners, copyright notices).
"""
from __future__ import annotations

import re
from functools import lru_cache

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


# Exact phrases per rule (matched against normalise_line(line)).
_PHRASES: dict[str, tuple[str, ...]] = {
    "BP_SKIP_LINK": (
        "skip to content", "skip to main content", "skip to navigation", "skip to main navigation",
        "skip to footer", "skip to search", "skip navigation", "skip to article", "jump to navigation",
        "jump to content", "jump to main content", "back to top", "go to top", "scroll to top", "top of page",
        "return to top", "skip to primary navigation", "skip to sidebar", "skip links",
    ),
    "BP_MENU": (
        "home", "homepage", "menu", "main menu", "open menu", "close menu", "toggle menu", "toggle navigation",
        "toggle main menu", "navigation", "main navigation", "sections", "all sections", "search", "search for",
        "search this site", "expand / collapse search", "toggle search", "close", "open", "more", "show more",
        "load more", "see more", "view all", "see all", "next", "previous", "prev", "next article",
        "previous article", "next post", "previous post", "next story", "back", "go back", "☰", "≡", "x", "×",
        "switch site", "edition", "change edition", "select edition", "toggle dark mode", "site map", "sitemap",
        "topics", "categories", "archives", "tags", "you are here", "breadcrumb", "go", "submit",
        "back to menu", "back to main menu", "back to home", "back to homepage", "return to menu", "open navigation",
        "close navigation", "skip", "get short url", "short url", "got a news tip", "send us a tip", "tip us",
    ),
    "BP_RELATED": (
        "read also", "also read", "read more", "read next", "read the full story", "related", "related articles",
        "related stories", "related posts", "related content", "related news", "related coverage",
        "related topics", "latest", "latest news", "latest stories", "latest articles", "latest posts",
        "latest headlines", "most read", "most popular", "most viewed", "most shared", "popular",
        "popular posts", "popular stories", "popular now", "trending", "trending now", "trending stories",
        "you may also like", "you might also like", "you may like", "you might like", "we recommend",
        "recommended", "recommended for you", "recommended stories", "recommended articles", "more stories",
        "more news", "more from", "more on this story", "more on this topic", "see also", "don't miss",
        "top stories", "top news", "editor's picks", "editors' picks", "what to read next", "up next",
        "watch next", "in case you missed it", "more to explore", "further reading", "more like this",
        "around the web", "from the web", "sponsored stories", "promoted stories", "in other news",
        "must read", "must reads", "more in", "keep reading", "continue reading", "top headlines",
        "continue reading the main story", "most commented", "most emailed",
        "what's next", "next up", "more videos", "more photos", "related video", "related videos",
    ),
    "BP_SHARE": (
        "share", "shares", "share this", "share this article", "share this story", "share this post",
        "share this page", "share on facebook", "share on twitter", "share on linkedin", "share via email",
        "share by email", "share article", "share story", "tweet", "facebook", "twitter", "x (twitter)",
        "linkedin", "pinterest", "reddit", "whatsapp", "telegram", "email", "e-mail", "print", "print this",
        "print article", "copy link", "copy url", "link copied", "instagram", "youtube", "tiktok", "flipboard",
        "messenger", "follow us", "follow", "follow us on twitter", "follow us on facebook", "like us on facebook",
        "subscribe", "subscribe now", "subscribe today", "newsletter", "newsletters", "sign up", "sign up now",
        "sign up for our newsletter", "get our newsletter", "rss", "rss feed", "bloglovin", "comment", "save",
        "save article", "bookmark", "gift article", "listen", "listen to this article", "more social networks",
        "social", "connect with us", "stay connected", "follow the author", "email this", "mail",
        "these are external links and will open in a new window", "close extra sharing options",
        "more sharing options", "sharing options", "share options", "share via",
    ),
    "BP_COOKIE": (
        "accept", "accept all", "accept cookies", "i accept", "i agree", "agree", "reject all",
        "cookie settings", "cookie policy", "manage cookies", "manage preferences", "cookie preferences",
        "privacy settings", "do not sell my personal information", "do not sell or share my personal information",
        "your privacy choices", "got it", "ok, got it",
    ),
    "BP_FOOTER": (
        "privacy", "privacy policy", "terms", "terms of use", "terms of service", "terms and conditions",
        "terms & conditions", "contact", "contact us", "about", "about us", "careers", "jobs", "advertise",
        "advertise with us", "advertising", "help", "faq", "faqs", "accessibility", "accessibility statement",
        "corrections", "ethics policy", "disclaimer", "legal", "imprint", "impressum", "site index",
        "all rights reserved", "media kit", "press", "press releases", "our team", "masthead", "feedback",
        "ad choices", "adchoices", "community guidelines", "code of conduct", "subscriber agreement",
        "manage subscription", "customer service", "newsroom", "store", "shop",
    ),
    "BP_AD": (
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
        "paid content", "paid post", "promoted", "promoted content", "partner content", "story continues below",
        "story continues below advertisement", "article continues below advertisement",
        "continue reading below", "article continues below", "advertisement - scroll to continue",
        "scroll to continue with content", "ad feedback", "report this ad", "supported by",
    ),
    "BP_COMMENTS": (
        "comments", "leave a comment", "leave a reply", "post a comment", "add a comment", "reply",
        "join the conversation", "join the discussion", "view comments", "show comments", "hide comments",
        "comment on this story", "be the first to comment", "no comments", "comments are closed",
        "write a comment", "discussion", "0 comments", "cancel reply", "no stats registered",
    ),
    "BP_LOGIN": (
        "sign in", "log in", "login", "log out", "logout", "sign out", "register", "my account", "account",
        "create account", "create an account", "create free account", "sign in / register", "log in / register",
        "profile", "my profile", "subscriber login", "welcome",
    ),
}



def _phrase_table(phrases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Phrase -> code; a phrase listed under two codes is an error (one would silently win)."""
    table: dict[str, str] = {}
    for code, items in phrases.items():
        for p in items:
            if table.get(p, code) != code:
                raise ValueError(f"rule table: {p!r} is listed under both {table[p]} and {code}")
            table[p] = code
    return table


_PHRASE_RULE: dict[str, str] = _phrase_table(_PHRASES)

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


def match_line(line: str) -> str | None:
    """Return the rule code of a boilerplate line, or None if no rule names it."""
    # Short lines (menus, footers) recur across a batch: remember their verdicts.
    return _match_short(line) if len(line) <= _CACHE_CHARS else _match(line)


_CACHE_CHARS = 200


def _match(line: str) -> str | None:
    norm = normalise_line(line)
    if not norm:
        return None
    code = _PHRASE_RULE.get(norm)
    if code:
        return code
    if len(norm) <= MAX_RULE_CHARS:
        if match_byline(line):
            return "BP_BYLINE"
        m = _SHORT_RX.fullmatch(norm)
        if m:
            code = _SHORT_GROUPS[m.lastgroup]
            if code in _SENTENCE_SAFE or not _is_sentence(line):
                return code
    if len(norm) <= 2000 and _LONG_KEYS_RX.search(norm):
        m = _LONG_RX.fullmatch(norm)
        if m:
            return _LONG_GROUPS[m.lastgroup]
    return None


_match_short = lru_cache(maxsize=1 << 16)(_match)


def rules_fingerprint() -> str:
    """A digest of everything that decides which rule code a line gets (phrases, patterns, byline, sentence
    guard, normalisation, length limits) and of how codes enter the line model's features. The line model
    records it when fitted (``line_model.json`` header ``rules_fingerprint``); a test fails when the two differ,
    because then ``rule_hit``, ``rule_win2`` and ``after_related`` no longer mean what the weights learned."""
    import hashlib
    import json

    from mediacheck.cleaning.features import FEATURE_NAMES, RELATED_CODES

    parts = {"phrases": sorted(_PHRASE_RULE.items()), "short": list(_SHORT_PATTERNS), "long": list(_LONG_PATTERNS),
             "long_keys": list(_LONG_KEYS), "byline": _BYLINE_RX.pattern, "sentence_safe": sorted(_SENTENCE_SAFE),
             "trail": _TRAIL, "lead": _LEAD, "max_rule_chars": MAX_RULE_CHARS, "related": sorted(RELATED_CODES),
             "features": list(FEATURE_NAMES)}
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def describe(code: str) -> str:
    """The description of a rule code (KeyError for an unknown code)."""
    return RULE_CODES[code]
