"""Build ``pages.jsonl``: a small multilingual dev set of made-up but real-shaped web pages, with gold.

Every page is described below as Python data: the site it lives on (``SITES``: CMS skin, menus, cookie
banner, sidebar, share and newsletter boxes, comments, footer -- worded per site) and the page itself
(``PAGES``: headline, dek, byline, date, the body in a small markup, related headlines, comments). The
script assembles the full HTML page from those parts, renders ``scraped`` with the project's tool
``../shared/tools/render_scraped.py`` (what a naive scraper saves), derives ``gold_title`` / ``gold_text``
from the body blocks that a human keeps, checks that every gold line is a line of ``scraped`` (after NFC
and soft-hyphen removal) and writes one JSON object a line. Deterministic: same specs, same bytes.

usage (from the project root):
    python benchmarks/data/multilingual/build.py [--out PATH] [--render PATH/TO/render_scraped.py]

Body markup (blocks separated by blank lines; text may hold inline HTML such as ``<a>``, ``<em>``):

    plain text            paragraph (gold)
    ## text / ### text    in-body subheading (gold)
    > text                block quote (gold)
    - item (one a line)   bullet list, one gold line per item (a line without "- " continues the item)
    + item (one a line)   numbered list (<ol>), one gold line per item (continuation as for "- ")
    * amount | unit | name [| note]   recipe ingredient (recipe-card markup), gold "amount unit name note"
    [rank] 100. | Ray Gillen          ranked-list entry heading, gold "100. Ray Gillen"
    [code] text           one code line in <pre><code> (gold, HTML-escaped here)
    [note] text           one-line note box (gold)
    [fig] caption | credit            figure with caption and photo credit (not gold)
    [teaser] label | headline         inline "read also" teaser inside the body (not gold)
    [ad] label            advertising slot (not gold)
    [embed] text | button             consent placeholder of an embedded video/post (not gold)
    [raw] html            verbatim markup, e.g. a recipe card's rating widget (not gold)
"""

from __future__ import annotations

import argparse
import datetime as dt
import html as _html
import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DEFAULT_OUT = HERE / "pages.jsonl"
DEFAULT_RENDER = ROOT.parent / "shared" / "tools" / "render_scraped.py"
SHY = "\u00ad"

# --- language bits --------------------------------------------------------------------------------------

WEEKDAYS = {
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}
MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}

LABELS = {
    "de": dict(skip="Zum Inhalt springen", menu="Menü", search="Suche", search_btn="Suchen", home="Startseite",
               posted="Veröffentlicht am", by="von", cats="Kategorien:", tags="Schlagwörter:",
               prev="Vorheriger Beitrag", next="Nächster Beitrag", reply="Antworten", author_by="Von"),
    "es": dict(skip="Saltar al contenido", menu="Menú", search="Buscar", search_btn="Buscar", home="Inicio",
               posted="Publicado el", by="por", cats="Categorías:", tags="Etiquetas:",
               prev="Entrada anterior", next="Entrada siguiente", reply="Responder", author_by="Por"),
    "pl": dict(skip="Przejdź do treści", menu="Menu", search="Szukaj", search_btn="Szukaj", home="Strona główna",
               posted="Opublikowano", by="przez", cats="Kategorie:", tags="Tagi:",
               prev="Poprzedni wpis", next="Następny wpis", reply="Odpowiedz", author_by="Autor:"),
    "fr": dict(skip="Aller au contenu", menu="Menu", search="Rechercher", search_btn="OK", home="Accueil",
               posted="Publié le", by="par", cats="Catégories :", tags="Étiquettes :",
               prev="Article précédent", next="Article suivant", reply="Répondre", author_by="Par"),
    "it": dict(skip="Vai al contenuto", menu="Menu", search="Cerca", search_btn="Cerca", home="Home",
               posted="Pubblicato il", by="di", cats="Categorie:", tags="Tag:",
               prev="Articolo precedente", next="Articolo successivo", reply="Rispondi", author_by="di"),
    "pt": dict(skip="Saltar para o conteúdo", menu="Menu", search="Pesquisar", search_btn="Pesquisar",
               home="Início", posted="Publicado em", by="por", cats="Categorias:", tags="Etiquetas:",
               prev="Artigo anterior", next="Próximo artigo", reply="Responder", author_by="Por"),
    "nl": dict(skip="Naar de inhoud springen", menu="Menu", search="Zoeken", search_btn="Zoek", home="Home",
               posted="Geplaatst op", by="door", cats="Categorieën:", tags="Tags:",
               prev="Vorig bericht", next="Volgend bericht", reply="Reageren", author_by="Door"),
    "en": dict(skip="Skip to content", menu="Menu", search="Search", search_btn="Search", home="Home",
               posted="Posted on", by="by", cats="Categories:", tags="Tags:",
               prev="Previous post", next="Next post", reply="Reply", author_by="By"),
}


def when(lang: str, stamp: str, fmt: str) -> str:
    """``stamp`` ("2012-05-31 14:32") in ``fmt`` with {wd} weekday, {d} day, {dd} 0-padded day, {m} 0-padded
    month, {mon} month name, {y} year, {H} hour, {M} minute (weekday computed, so always right)."""
    t = dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    return fmt.format(wd=WEEKDAYS[lang].split()[t.weekday()], d=t.day, dd=f"{t.day:02d}", m=f"{t.month:02d}",
                      mon=MONTHS[lang].split()[t.month - 1], y=t.year, H=f"{t.hour:02d}", M=f"{t.minute:02d}")


def iso(stamp: str) -> str:
    return dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M").strftime("%Y-%m-%dT%H:%M:00+01:00")


# --- text helpers ---------------------------------------------------------------------------------------

_TAG_OR_ENTITY = re.compile(r"(<[^>]+>|&#?\w+;)")
_LONG_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{13,}")
_VOWELS = set("aeiouyäöüAEIOUYÄÖÜ")
_NO_SPLIT = {"ch", "ck", "ph", "th", "sc", "qu", "tz", "pf"}


def esc(s: str) -> str:
    return _html.escape(s, quote=True)


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss"))
    s = s.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:72].rstrip("-")


def plain(s: str) -> str:
    """Inline markup -> the text a reader sees: tags stripped, entities decoded, soft hyphens dropped, NFC,
    whitespace collapsed (as render_scraped collapses it)."""
    s = _html.unescape(re.sub(r"<[^>]+>", "", s)).replace(SHY, "")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


# Break points of the long words on the pages with soft hyphens, as a dictionary hyphenator (TeX / Hunspell
# patterns, as CMS filters use) sets them. Words not listed fall back to the rough rule in hyphenate().
HYPHENATION = {w.replace("-", ""): w for w in """
Abbruch-ar-bei-ten Ar-beit-neh-mer-ver-tre-ter Ar-beits-plät-ze Aus-fall-stra-ßen Aus-sichts-ter-ras-se
Bahn-hofs-al-lee Be-rufs-ver-kehr Be-schäf-tig-ten Bla-sen-pflas-ter Bun-des-agen-tur Bä-cke-rei-ket-te
Bür-ger-be-tei-li-gung Con-tai-ner-an-la-ge De-cken-plat-ten Ei-gen-ver-wal-tung Ein-zel-han-dels-ver-band
El-tern-pfleg-schaft Ener-gie-kos-ten Fahr-rad-stra-ßen Fahr-rad-stän-der Fa-mi-li-en-un-ter-neh-men
Frak-ti-ons-chef För-der-mit-teln Ge-bäu-de-ma-nage-ments Ge-schäfts-füh-re-rin Ge-schäfts-füh-rung
Ge-schäfts-füh-rer Hand-werks-bä-cke-rei-en In-for-ma-ti-ons-aben-de In-for-ma-tio-nen In-sol-venz-an-trag
In-sol-venz-geld In-sol-venz-ver-fah-ren Klei-ne-ka-thö-fer Land-schaft-lich Lieb-lings-etap-pe Mitt-woch-abend
Nie-der-sach-sen Not-fall-stra-te-gie Ober-bür-ger-meis-te-rin Pla-nungs-un-ter-la-gen Rad-ver-kehrs-kon-zept
Rats-mit-glie-der Rhein-ufer-stra-ße Sa-nie-rungs-pro-zess Schad-stoff-sa-nie-rung Schul-aus-schuss
Schul-lei-te-rin Schwe-den-lö-cher Son-nen-schutz-fo-li-en Stadt-ver-wal-tung Um-satz-ent-wick-lung
Um-welt-ver-bän-de Un-ter-su-chun-gen Vor-kas-sen-zo-nen ab-ge-schlos-sen vor-aus-sicht-lich zah-lungs-un-fä-hig
""".split()}


def hyphenate(word: str) -> str:
    """Soft hyphens in a long word: from HYPHENATION, else at rough German syllable breaks (V-CV, VC-CV)."""
    if word in HYPHENATION:
        return HYPHENATION[word].replace("-", SHY)
    cuts, last = [], 0
    for i in range(3, len(word) - 3):
        a, b, c = word[i - 1], word[i], word[i + 1]
        ok = (a in _VOWELS and b not in _VOWELS and c in _VOWELS) or (
            word[i - 2] in _VOWELS and a not in _VOWELS and b not in _VOWELS and c in _VOWELS
            and (a + b).lower() not in _NO_SPLIT and (b + c).lower() != "ch")
        if ok and i - last >= 3:
            cuts.append(i)
            last = i
    for i in reversed(cuts):
        word = word[:i] + SHY + word[i:]
    return word


def on_text(s: str, fn) -> str:
    """Apply ``fn`` to the text between tags and entities of ``s``."""
    return "".join(part if _TAG_OR_ENTITY.fullmatch(part) else fn(part) for part in _TAG_OR_ENTITY.split(s))


def add_shy(s: str) -> str:
    return on_text(s, lambda t: _LONG_WORD.sub(lambda m: hyphenate(m.group(0)), t))


def nfd(s: str) -> str:
    return on_text(s, lambda t: unicodedata.normalize("NFD", t))


# --- body markup ----------------------------------------------------------------------------------------

GOLD_KINDS = {"p", "h2", "h3", "quote", "ul", "ol", "ing", "rank", "code", "note"}


def parse_body(src: str) -> list[tuple]:
    blocks: list[tuple] = []
    for chunk in re.split(r"\n[ \t]*\n", src.strip("\n")):
        lines = [ln.strip() for ln in chunk.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        first = lines[0]
        if first[:2] in ("- ", "+ ", "* "):  # list: a line without the marker continues the item above
            items: list[str] = []
            for ln in lines:
                if ln[:2] == first[:2]:
                    items.append(ln)
                else:
                    items[-1] += " " + ln
            lines = items
        m = re.match(r"\[(\w+)\]\s*(.*)$", first)
        if m:
            kind, rest = m.group(1), " ".join([m.group(2)] + lines[1:])
            blocks.append((kind, *[x.strip() for x in rest.split(" | ")]))
        elif first.startswith("- "):
            blocks.append(("ul", [ln[2:].strip() for ln in lines]))
        elif first.startswith("+ "):
            blocks.append(("ol", [ln[2:].strip() for ln in lines]))
        elif first.startswith("* "):
            blocks.append(("ing", [tuple(x.strip() for x in ln[2:].split("|")) for ln in lines]))
        elif first.startswith("### "):
            blocks.append(("h3", " ".join(lines)[4:].strip()))
        elif first.startswith("## "):
            blocks.append(("h2", " ".join(lines)[3:].strip()))
        elif first.startswith("> "):
            blocks.append(("quote", " ".join(ln[2:] if ln.startswith("> ") else ln for ln in lines)))
        else:
            blocks.append(("p", " ".join(lines)))
    return blocks


def gold_lines(blocks: list[tuple]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        kind = b[0]
        if kind in ("p", "h2", "h3", "quote", "note"):
            out.append(plain(b[1]))
        elif kind == "code":
            out.append(plain(esc(b[1])))
        elif kind in ("ul", "ol"):
            out.extend(plain(x) for x in b[1])
        elif kind == "ing":
            out.extend(plain(" ".join(x for x in parts if x)) for parts in b[1])
        elif kind == "rank":
            out.append(plain(f"{b[1]} {b[2]}"))
    return [x for x in out if x]


def ingredient_html(parts: tuple, style: str) -> str:
    if style == "wprm":
        names = ("amount", "unit", "name", "notes")
        spans = [f'<span class="wprm-recipe-ingredient-{n}">{x}</span>' for n, x in zip(names, parts) if x]
        return f'<li class="wprm-recipe-ingredient">{" ".join(spans)}</li>'
    if style == "tasty":
        amount = " ".join(x for x in parts[:2] if x)
        rest = " ".join(parts[2:])
        return f"<li>{f'<strong>{amount}</strong> ' if amount else ''}{rest}</li>"
    return f"<li>{' '.join(x for x in parts if x)}</li>"


def blocks_html(blocks: list[tuple], site: dict, page: dict) -> str:
    """The body as the site's CMS writes it. ``site['body_mode']``: "p" (default), "div" (each paragraph a
    <div>) or "br" (one container, paragraphs separated by <br><br>, subheadings as <b>)."""
    mode = site.get("body_mode", "p")
    mangle = page.get("mangle", {})
    n_text = sum(1 for b in blocks if b[0] in ("p", "quote"))
    seen_text = 0
    out: list[str] = []
    run: list[str] = []  # br mode: inline run of paragraphs

    def fix(s: str, nfd_ok: bool) -> str:
        if mangle.get("shy"):
            s = add_shy(s)
        if mangle.get("nfd") and nfd_ok:
            s = nfd(s)
        return s

    def flush_run():
        if run:
            out.append(f'<div class="{site.get("br_cls", "text")}">' + "<br /><br />\n".join(run) + "</div>")
            run.clear()

    for b in blocks:
        kind = b[0]
        if kind in ("p", "quote"):
            seen_text += 1
        # NFD on the second half of the text (part of the page, as when pasted from another source)
        nfd_ok = seen_text > n_text // 2
        if kind == "p":
            text = fix(b[1], nfd_ok)
            if mode == "br":
                run.append(text)
                continue
            out.append(f"<div>{text}</div>" if mode == "div" else f"<p>{text}</p>")
            continue
        if kind in ("h2", "h3") and mode == "br":
            run.append(f"<b>{fix(b[1], nfd_ok)}</b>")
            continue
        flush_run()
        if kind in ("h2", "h3"):
            cls = site.get("sub_cls")
            out.append(f"<{kind}{f' class={chr(34)}{cls}{chr(34)}' if cls else ''}>{fix(b[1], nfd_ok)}</{kind}>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{fix(b[1], nfd_ok)}</p></blockquote>")
        elif kind in ("ul", "ol"):
            items = "".join(f"<li>{fix(x, nfd_ok)}</li>" for x in b[1])
            out.append(f"<{kind}>{items}</{kind}>")
        elif kind == "ing":
            style = site.get("ing_style", "plain")
            cls = ' class="wprm-recipe-ingredients"' if style == "wprm" else ""
            out.append(f"<ul{cls}>" + "".join(ingredient_html(x, style) for x in b[1]) + "</ul>")
        elif kind == "rank":
            tpl = site.get("rank_tpl", '<h2><span class="rank">{n}</span> {name}</h2>')
            out.append(tpl.format(n=b[1], name=fix(b[2], nfd_ok)))
        elif kind == "code":
            out.append(f'<div class="highlight"><pre><code class="language-{site.get("code_lang", "bash")}">'
                       f"{esc(b[1])}</code></pre></div>")
        elif kind == "note":
            out.append(site.get("note_tpl", '<div class="admonition note"><p>{t}</p></div>').format(t=b[1]))
        elif kind == "fig":
            cap, credit = (b[1:] + ("", ""))[:2]
            tpl = site.get("fig_tpl", '<figure class="wp-block-image"><img src="{src}" alt="{alt}">'
                                      '<figcaption>{cap} <span class="credit">{credit}</span></figcaption></figure>')
            out.append(tpl.format(src=f"/media/{page['id']}-{len(out)}.jpg", alt=esc(plain(cap)), cap=cap,
                                  credit=credit))
        elif kind == "teaser":
            label, head = b[1], b[2]
            tpl = site.get("teaser_tpl", '<p class="inline-teaser"><strong>{label}</strong> '
                                         '<a href="{href}">{head}</a></p>')
            out.append(tpl.format(label=label, head=head, href=f"/{slug(head)}"))
        elif kind == "ad":
            out.append(site.get("ad_tpl", '<div class="ad-slot ad-slot--inread"><span class="ad-label">{t}</span>'
                                          '<div id="div-gpt-ad-inread"></div></div>').format(t=b[1]))
        elif kind == "embed":
            text, button = (b[1:] + ("",))[:2]
            out.append(f'<div class="embed-consent"><p>{text}</p>'
                       + (f'<button class="embed-consent__accept">{button}</button>' if button else "")
                       + "</div>")
        elif kind == "raw":
            out.append(" | ".join(b[1:]))
        else:
            raise ValueError(f"{page['id']}: unknown block kind {kind!r}")
    flush_run()
    return "\n".join(out)


# --- page parts shared by the skins ----------------------------------------------------------------------


def links(items, ul_cls: str = "", li_cls: str = "", prefix: str = "") -> str:
    lis = "".join(f'<li{f" class={chr(34)}{li_cls}{chr(34)}" if li_cls else ""}>'
                  f'<a href="{prefix}/{slug(t)}">{esc(t)}</a></li>' for t in items)
    return f'<ul{f" class={chr(34)}{ul_cls}{chr(34)}" if ul_cls else ""}>{lis}</ul>'


def nav_html(site: dict, cls: str = "menu", li_cls: str = "menu-item") -> str:
    return links(site["nav"], cls, li_cls)


def topbar_html(site: dict) -> str:
    items = site.get("topbar")
    if not items:
        return ""
    return '<div class="topbar"><ul class="topbar__links">' + "".join(
        f'<li><a href="/{slug(t)}">{esc(t)}</a></li>' for t in items) + "</ul></div>"


def search_html(site: dict, L: dict) -> str:
    if site.get("no_search"):
        return ""
    return (f'<form role="search" method="get" class="search-form" action="/"><label for="s" '
            f'class="screen-reader-text">{esc(L["search"])}</label><input type="search" id="s" name="s" '
            f'placeholder="{esc(L["search"])} …"><button type="submit" class="search-submit">'
            f'{esc(L["search_btn"])}</button></form>')


def cookie_html(site: dict) -> str:
    c = site.get("cookie")
    if not c:
        return ""
    title = f"<h2 class=\"{c.get('title_cls', 'consent__title')}\">{esc(c['title'])}</h2>" if c.get("title") else ""
    link = f' <a href="{c.get("href", "/datenschutz")}">{esc(c["link"])}</a>' if c.get("link") else ""
    btns = "".join(f'<button type="button" class="btn btn-{i}">{esc(b)}</button>' for i, b in enumerate(c["buttons"]))
    vendor = c.get("vendor", "simple")
    if vendor == "onetrust":
        return (f'<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat" role="region" '
                f'aria-label="Cookie banner"><div class="ot-sdk-container"><div id="onetrust-policy">{title}'
                f'<p id="onetrust-policy-text">{esc(c["text"])}{link}</p></div>'
                f'<div id="onetrust-button-group">{btns}</div></div></div></div>')
    if vendor == "cookiebot":
        return (f'<div id="CybotCookiebotDialog" class="CybotEdge" role="dialog"><div '
                f'class="CybotCookiebotDialogContentWrapper">{title}<div id="CybotCookiebotDialogBodyText">'
                f'{esc(c["text"])}{link}</div><div id="CybotCookiebotDialogFooter">{btns}</div></div></div>')
    if vendor == "borlabs":
        return (f'<div id="BorlabsCookieBox" class="BorlabsCookie" role="dialog"><div class="_brlbs-box">'
                f'<div class="_brlbs-content">{title}<p>{esc(c["text"])}{link}</p></div>'
                f'<p class="_brlbs-accept">{btns}</p></div></div>')
    if vendor == "complianz":
        return (f'<div class="cmplz-cookiebanner cmplz-bottom-right" role="dialog"><div class="cmplz-header">'
                f'{title}</div><div class="cmplz-body"><div class="cmplz-message"><p>{esc(c["text"])}{link}</p>'
                f'</div></div><div class="cmplz-buttons">{btns}</div></div>')
    return (f'<div id="cookie-notice" class="cookie-notice" role="dialog">{title}<p class="cookie-notice__text">'
            f'{esc(c["text"])}{link}</p><div class="cookie-notice__buttons">{btns}</div></div>')


def crumbs_html(site: dict, page: dict, L: dict, cls: str = "breadcrumb") -> str:
    if not site.get("crumbs", True):
        return ""
    items = [f'<li><a href="/">{esc(site.get("crumb_home", L["home"]))}</a></li>']
    for sec in page.get("section_path", [page.get("section")]):
        if sec:
            items.append(f'<li><a href="/{slug(sec)}">{esc(sec)}</a></li>')
    if site.get("crumb_title", False):
        items.append(f'<li aria-current="page">{esc(page["title"])}</li>')
    return f'<nav class="{cls}" aria-label="Breadcrumb"><ol>{"".join(items)}</ol></nav>'


def share_html(site: dict, page: dict) -> str:
    s = site.get("share")
    if not s:
        return ""
    label = s.get("label", "").format(title=page["title"])
    lab = f'<span class="share__label">{esc(label)}</span>' if label else ""
    return (f'<div class="{s.get("cls", "share-buttons")}">{lab}<ul>'
            + "".join(f'<li><a href="#" rel="nofollow">{esc(b)}</a></li>' for b in s["buttons"]) + "</ul></div>")


def newsletter_html(site: dict) -> str:
    n = site.get("newsletter")
    if not n:
        return ""
    small = f'<p class="newsletter__legal"><small>{esc(n["small"])}</small></p>' if n.get("small") else ""
    label = f'<label for="nl-email">{esc(n["label"])}</label>' if n.get("label") else ""
    return (f'<section class="{n.get("cls", "newsletter-box")}"><h3>{esc(n["title"])}</h3>'
            f'<p>{esc(n["text"])}</p><form class="newsletter__form">{label}<input type="email" id="nl-email">'
            f'<button type="submit">{esc(n["button"])}</button></form>{small}</section>')


def related_html(site: dict, page: dict, cls: str = "related-posts") -> str:
    rel = page.get("related")
    if not rel:
        return ""
    return (f'<section class="{cls}"><h2 class="{cls}__title">{esc(site["related_heading"])}</h2>'
            + links(rel, f"{cls}__list") + "</section>")


def most_read_html(site: dict, page: dict) -> str:
    mr = site.get("most_read")
    if not mr:
        return ""
    heading, items = mr
    items = list(items)
    if page.get("echo"):
        items.insert(1, page["title"])
    return (f'<section class="widget widget-popular"><h2 class="widget-title">{esc(heading)}</h2>'
            + links(items, "popular-list") + "</section>")


def widgets_html(site: dict) -> str:
    out = []
    for heading, items in site.get("widgets", []):
        out.append(f'<section class="widget"><h2 class="widget-title">{esc(heading)}</h2>{links(items)}</section>')
    return "".join(out)


def comments_html(site: dict, page: dict, L: dict) -> str:
    c = site.get("comments")
    items = page.get("comments")
    if not c or items is None:
        return ""
    lis = "".join(
        f'<li class="comment" id="comment-{i + 1}"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{esc(a)}</b> <span class="says">{esc(c.get("says", ""))}'
        f'</span></div><div class="comment-metadata"><time>{esc(when(site["lang"], t, c["date_fmt"]))}</time></div>'
        f'</footer><div class="comment-content"><p>{esc(x)}</p></div><div class="reply"><a class="comment-reply-link" '
        f'href="#respond">{esc(L["reply"])}</a></div></article></li>'
        for i, (a, t, x) in enumerate(items))
    title = c["title"].format(n=len(items), title=page["title"])
    form = "".join(f'<p class="comment-form-field"><label>{esc(x)}</label><input type="text"></p>'
                   for x in c.get("fields", []))
    note = f'<p class="comment-notes">{esc(c["note"])}</p>' if c.get("note") else ""
    return (f'<div id="comments" class="comments-area"><h2 class="comments-title">{esc(title)}</h2>'
            f'<ol class="comment-list">{lis}</ol><div id="respond" class="comment-respond"><h3 '
            f'class="comment-reply-title">{esc(c["form_title"])}</h3><form class="comment-form">{note}'
            f'<p class="comment-form-comment"><label for="comment">{esc(c["field"])}</label><textarea id="comment">'
            f'</textarea></p>{form}<p class="form-submit"><button type="submit">{esc(c["button"])}</button></p>'
            f"</form></div></div>")


def footer_html(site: dict, cls: str = "site-footer__inner") -> str:
    f = site["footer"]
    cols = "".join(f'<div class="footer-col"><h4>{esc(h)}</h4>{links(items)}</div>' for h, items in f.get("cols", []))
    legal = links(f.get("legal", []), "footer-legal")
    extra = f'<p class="footer-note">{esc(f["note"])}</p>' if f.get("note") else ""
    return f'<div class="{cls}">{cols}{legal}{extra}<p class="copyright">{esc(f["copy"])}</p></div>'


def head_html(site: dict, page: dict, extra: str = "") -> str:
    title = page.get("doc_title") or f"{page['title']} {site.get('title_sep', '|')} {site['name']}"
    desc = plain(page.get("dek") or page.get("desc") or "")
    return (f'<!DOCTYPE html>\n<html lang="{site["lang"]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
            f'<meta name="description" content="{esc(desc)}">\n'
            f'<meta property="og:title" content="{esc(page.get("og_title") or page["title"])}">\n'
            f'<meta property="og:type" content="{"product" if page["kind"] == "shop" else "article"}">\n'
            f'<meta property="og:url" content="{page["url"]}">\n'
            f'<meta property="og:site_name" content="{esc(site["name"])}">\n'
            f'<link rel="canonical" href="{page["url"]}">\n'
            f'<link rel="stylesheet" href="{site.get("css", "/assets/css/main.css")}">\n'
            f'{extra}<script>window.dataLayer = window.dataLayer || []; '
            f'dataLayer.push({{"pageType": "{page["kind"]}"}});</script>\n'
            f"</head>\n")


def title_markup(page: dict) -> str:
    """The headline as the page shows it (soft hyphens / NFD where the page spec asks for them)."""
    t = esc(page["title"])
    m = page.get("mangle", {})
    if m.get("shy_title"):
        t = add_shy(t)
    if m.get("nfd_title"):
        t = nfd(t)
    return t


def h1_html(page: dict, cls: str) -> str:
    return f'<h1 class="{cls}">{title_markup(page)}</h1>'


def finish(html: str, page: dict) -> str:
    if page.get("mangle", {}).get("shy_entity"):
        html = html.replace(SHY, "&shy;")
    return html


# --- skins: one page layout per CMS family ---------------------------------------------------------------


def _date(site: dict, page: dict) -> str:
    return when(site["lang"], page["date"], site["date_fmt"])


def _byline(site: dict, page: dict, L: dict) -> str:
    return site.get("byline_fmt", L["author_by"] + " {author}").format(author=page["author"])


def _dek(page: dict, cls: str, tag: str = "p") -> str:
    return f'<{tag} class="{cls}">{page["dek"]}</{tag}>' if page.get("dek") else ""


def _thumb(page: dict, cls: str = "post-thumbnail") -> str:
    t = page.get("thumb")
    if not t:
        return ""
    cap, credit = (tuple(t) + ("",))[:2]
    return (f'<figure class="{cls}"><img src="/media/{page["id"]}-lead.jpg" alt="{esc(plain(cap))}">'
            f'<figcaption>{cap}{f" <small>{credit}</small>" if credit else ""}</figcaption></figure>')


def skin_wp(site: dict, page: dict, body: str) -> str:
    """WordPress theme (twentyish): news sites, blogs, recipe blogs."""
    L = {**LABELS[site["lang"]], **site.get("labels", {})}
    pid = 1000 + sum(map(ord, page["id"])) * 7
    cat = slug(page.get("section", "allgemein"))
    tags = page.get("tags", [])
    tags_html = (f' <span class="tags-links">{esc(L["tags"])} '
                 + ", ".join(f'<a href="/tag/{slug(t)}" rel="tag">{esc(t)}</a>' for t in tags)
                 + "</span>") if tags else ""
    content_cls = site.get("content_cls", "entry-content")
    postnav = ""
    if site.get("postnav"):
        a, b = site["postnav"]
        postnav = (f'<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous">'
                   f'<a href="/{slug(a)}"><span class="meta-nav">{esc(L["prev"])}</span> <span class="post-title">'
                   f'{esc(a)}</span></a></div><div class="nav-next"><a href="/{slug(b)}"><span class="meta-nav">'
                   f'{esc(L["next"])}</span> <span class="post-title">{esc(b)}</span></a></div></div></nav>')
    author_box = ""
    if site.get("author_box"):
        author_box = (f'<div class="author-box"><img src="/media/avatar.jpg" alt=""><div class="author-box__text">'
                      f'<h4>{esc(page["author"])}</h4><p>{esc(site["author_box"])}</p></div></div>')
    cookie = cookie_html(site)
    return (
        head_html(site, page, f'<link rel="stylesheet" href="/wp-content/themes/{site.get("theme", "astra")}'
                              '/style.css?ver=4.1.2">\n')
        + f'<body class="post-template-default single single-post postid-{pid} single-format-standard">\n'
        + (cookie + "\n" if site.get("cookie_pos") == "top" else "")
        + f'<a class="skip-link screen-reader-text" href="#primary">{esc(L["skip"])}</a>\n'
        + '<div id="page" class="site">\n'
        + topbar_html(site)
        + '<header id="masthead" class="site-header"><div class="site-branding"><a href="/" class="custom-logo-link">'
        + f'<img src="/wp-content/uploads/logo.png" class="custom-logo" alt="{esc(site["name"])}"></a>'
        + f'<p class="site-title"><a href="/" rel="home">{esc(site["name"])}</a></p>'
        + (f'<p class="site-description">{esc(site["tagline"])}</p>' if site.get("tagline") else "")
        + '</div><nav id="site-navigation" class="main-navigation">'
        + '<button class="menu-toggle" aria-controls="primary-menu">'
        + f'{esc(L["menu"])}</button>{nav_html(site, "menu nav-menu")}</nav>{search_html(site, L)}</header>\n'
        + crumbs_html(site, page, L, "breadcrumbs rank-math-breadcrumb")
        + '\n<div id="content" class="site-content"><main id="primary" class="site-main">\n'
        + f'<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard '
        + 'has-post-thumbnail '
        + f'category-{cat}"><header class="entry-header">'
        + (f'<span class="cat-label"><a href="/{cat}">{esc(page["section"])}</a></span>'
           if site.get("cat_label") else "")
        + h1_html(page, "entry-title") + _dek(page, "entry-subtitle")
        + f'<div class="entry-meta"><span class="posted-on">{esc(L["posted"])} <time class="entry-date published" '
        + f'datetime="{iso(page["date"])}">{esc(_date(site, page))}</time></span> <span class="byline">{esc(L["by"])} '
        + f'<span class="author vcard"><a class="url fn n" href="/author/{slug(page["author"])}">{esc(page["author"])}'
        + "</a></span></span>"
        + (' <span class="reading-time">'
           + esc(site["reading_time"].format(n=max(1, len(plain(body).split()) // 200))) + "</span>"
           if site.get("reading_time") else "")
        + "</div></header>\n" + _thumb(page)
        + (share_html(site, page) if site.get("share_top") else "")
        + f'\n<div class="{content_cls}">\n{body}\n</div>\n'
        + ("" if site.get("share_top") else share_html(site, page))
        + f'<footer class="entry-footer"><span class="cat-links">{esc(L["cats"])} <a href="/{cat}" rel="category tag">'
        + f'{esc(page.get("section", ""))}</a></span>{tags_html}</footer></article>\n'
        + author_box + postnav + related_html(site, page, site.get("related_cls", "related-posts")) + "\n"
        + comments_html(site, page, L)
        + '\n</main><aside id="secondary" class="widget-area">'
        + most_read_html(site, page) + newsletter_html(site) + widgets_html(site) + "</aside></div>\n"
        + f'<footer id="colophon" class="site-footer">{footer_html(site)}</footer>\n</div>\n'
        + (cookie + "\n" if site.get("cookie_pos") != "top" else "")
        + '<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script>\n</body>\n</html>\n'
    )


def skin_news(site: dict, page: dict, body: str) -> str:
    """A custom news CMS with BEM class names (article__headline, artikel__text, ...)."""
    L = {**LABELS[site["lang"]], **site.get("labels", {})}
    body_cls = site.get("body_cls", "article__body")
    kicker = f'<span class="article__kicker">{esc(page["kicker"])}</span>' if page.get("kicker") else ""
    cookie = cookie_html(site)
    mr = most_read_html(site, page).replace("widget widget-popular", "teaser-list teaser-list--mostread")
    return (
        head_html(site, page)
        + '<body class="page page--article">\n'
        + (cookie + "\n" if site.get("cookie_pos", "top") == "top" else "")
        + f'<a class="skiplink" href="#main">{esc(L["skip"])}</a>\n<div class="page-wrapper">\n' + topbar_html(site)
        + f'<header class="site-header"><div class="site-header__logo"><a href="/" title="{esc(site["name"])}">'
        + f'<svg class="logo" role="img"><title>{esc(site["name"])}</title></svg><span class="site-header__name">'
        + f'{esc(site["name"])}</span></a></div>'
        + (f'<div class="site-header__claim">{esc(site["tagline"])}</div>' if site.get("tagline") else "")
        + (f'<div class="site-header__date">{esc(when(site["lang"], page["date"], site["today_fmt"]))}</div>'
           if site.get("today_fmt") else "")
        + '<nav class="main-nav" aria-label="Hauptnavigation">'
        + nav_html(site, "main-nav__list", "main-nav__item") + "</nav>"
        + ('<div class="site-header__actions">' + "".join(
            f'<a class="btn btn--{slug(a)}" href="/{slug(a)}">{esc(a)}</a>' for a in site["actions"]) + "</div>"
           if site.get("actions") else "")
        + search_html(site, L) + "</header>\n"
        + crumbs_html(site, page, L)
        + '\n<main id="main" class="main"><div class="layout layout--article"><article class="article" '
        + f'itemscope itemtype="https://schema.org/NewsArticle"><header class="article__header">{kicker}'
        + h1_html(page, "article__headline") + _dek(page, "article__lead")
        + f'<div class="article__meta"><span class="article__author">{esc(_byline(site, page, L))}</span> '
        + f'<time class="article__date" datetime="{iso(page["date"])}">{esc(_date(site, page))}</time>'
        + (f' <span class="article__updated">{esc(when(site["lang"], page["updated"], site["updated_fmt"]))}</span>'
           if page.get("updated") else "")
        + "</div></header>\n"
        + _thumb(page, "article__image")
        + (share_html(site, page) if site.get("share_top") else "")
        + f'\n<div class="{body_cls}" itemprop="articleBody">\n{body}\n</div>\n'
        + (f'<p class="article__copyright">{esc(site["article_note"])}</p>' if site.get("article_note") else "")
        + ("" if site.get("share_top") else share_html(site, page))
        + (f'<div class="article__tags"><span>{esc(L["tags"])}</span>{links(page["tags"], "tag-list")}</div>'
           if page.get("tags") else "")
        + "</article>\n"
        + related_html(site, page, site.get("related_cls", "teaser-row")) + comments_html(site, page, L)
        + '</div><aside class="sidebar">' + mr + newsletter_html(site) + widgets_html(site) + "</aside></main>\n"
        + f'<footer class="site-footer">{footer_html(site)}</footer>\n</div>\n'
        + (cookie + "\n" if site.get("cookie_pos", "top") != "top" else "")
        + '<script src="/static/js/app.bundle.js" defer></script>\n</body>\n</html>\n'
    )


def skin_box(site: dict, page: dict, body: str) -> str:
    """A magazine theme that wraps the story in ``div.box.article.modal-enabled`` and the body in
    ``div.entry-content.entry-content-read-more`` (text truncated behind a "read more" button)."""
    L = {**LABELS[site["lang"]], **site.get("labels", {})}
    cookie = cookie_html(site)
    return (
        head_html(site, page)
        + '<body class="single theme-boxed">\n' + topbar_html(site)
        + f'<div class="header-wrap"><header class="header"><div class="logo"><a href="/">{esc(site["name"])}</a></div>'
        + (f'<div class="slogan">{esc(site["tagline"])}</div>' if site.get("tagline") else "")
        + '<nav class="navbar"><ul class="navbar-nav">'
        + "".join(f'<li class="nav-item"><a class="nav-link" href="/{slug(t)}">{esc(t)}</a></li>' for t in site["nav"])
        + f"</ul></nav>{search_html(site, L)}</header></div>\n"
        + '<div class="container"><div class="row"><div class="col-md-8 main-col">\n'
        + crumbs_html(site, page, L)
        + '<div class="box article modal-enabled"><div class="box-inner">'
        + (f'<div class="article-category"><a href="/{slug(page["section"])}">{esc(page["section"])}</a></div>'
           if page.get("section") else "")
        + h1_html(page, "article-title")
        + f'<div class="article-info"><span class="date">{esc(_date(site, page))}</span>'
        + f'<span class="author">{esc(_byline(site, page, L))}</span></div>'
        + _dek(page, "article-intro") + _thumb(page, "article-image")
        + f'\n<div class="entry-content entry-content-read-more">\n{body}\n</div>\n'
        + (f'<button class="read-more-button" data-toggle="modal">{esc(site["read_more"])}</button>'
           if site.get("read_more") else "")
        + share_html(site, page) + "</div></div>\n"
        + related_html(site, page, site.get("related_cls", "box related")) + comments_html(site, page, L)
        + '</div><div class="col-md-4 sidebar-col">' + most_read_html(site, page) + newsletter_html(site)
        + widgets_html(site) + "</div></div></div>\n"
        + f'<footer class="footer">{footer_html(site, "footer-inner container")}</footer>\n' + cookie
        + '\n<script src="/js/theme.min.js"></script>\n</body>\n</html>\n'
    )


def skin_drupal(site: dict, page: dict, body: str) -> str:
    """Drupal 9/10 (Olivero-like): regions, blocks, field--name-body."""
    L = {**LABELS[site["lang"]], **site.get("labels", {})}
    cookie = cookie_html(site)
    return (
        head_html(site, page, '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n')
        + '<body class="path-node page-node-type-article">\n'
        + f'<a href="#main-content" class="visually-hidden focusable skip-link">{esc(L["skip"])}</a>\n'
        + (cookie if site.get("cookie_pos", "top") == "top" else "")
        + '<div class="dialog-off-canvas-main-canvas"><div class="layout-container">\n' + topbar_html(site)
        + '<header role="banner" class="region region-header"><div id="block-sitebranding" class="block block-system '
        + 'block-system-branding-block"><a href="/" rel="home" class="site-logo"><img src="/themes/custom/logo.svg" '
        + f'alt="{esc(L["home"])}"></a><div class="site-name"><a href="/">{esc(site["name"])}</a></div>'
        + (f'<div class="site-slogan">{esc(site["tagline"])}</div>' if site.get("tagline") else "")
        + '</div><nav role="navigation" id="block-mainnavigation" class="block block-menu navigation menu--main">'
        + f'<h2 class="visually-hidden">{esc(site.get("nav_label", "Navigation"))}</h2>'
        + links(site["nav"], "menu", "menu-item") + "</nav></header>\n"
        + '<div class="region region-breadcrumb">' + crumbs_html(site, page, L) + "</div>\n"
        + '<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content">'
        + '<div class="region region-content">'
        + '<article role="article" class="node node--type-article node--view-mode-full">'
        + f'<h1 class="page-title"><span class="field field--name-title">{title_markup(page)}</span></h1>'
        + f'<div class="node__meta"><span class="field field--name-uid">{esc(_byline(site, page, L))}</span> '
        + f'<span class="field field--name-created">{esc(_date(site, page))}</span></div>'
        + (f'<div class="field field--name-field-chapeau">{page["dek"]}</div>' if page.get("dek") else "")
        + _thumb(page, "field field--name-field-image")
        + '\n<div class="clearfix text-formatted field field--name-body field--type-text-with-summary '
        + f'field--label-hidden field__item">\n{body}\n</div>\n'
        + (f'<div class="field field--name-field-tags"><div class="field__label">{esc(L["tags"])}</div>'
           + links(page["tags"], "field__items") + "</div>" if page.get("tags") else "")
        + share_html(site, page) + "</article></div>\n"
        + related_html(site, page, "block block-views views-block-related") + comments_html(site, page, L)
        + '</div><aside class="layout-sidebar-second" role="complementary">' + most_read_html(site, page)
        + newsletter_html(site) + widgets_html(site) + "</aside></main>\n"
        + f'<footer role="contentinfo" class="region region-footer">{footer_html(site)}</footer>\n</div></div>\n'
        + (cookie if site.get("cookie_pos", "top") != "top" else "")
        + '\n<script src="/core/misc/drupal.js?v=10.2.4"></script>\n</body>\n</html>\n'
    )


def skin_blogger(site: dict, page: dict, body: str) -> str:
    """Blogger (classic template): the post in ``div.post-body.entry-content``, paragraphs split by <br>."""
    L = {**LABELS[site["lang"]], **site.get("labels", {})}
    bid = sum(map(ord, page["id"])) * 104729
    return (
        head_html(site, page, "<meta content='blogger' name='generator'>\n")
        + "<body class='loading'>\n<div class='navbar section' id='navbar'></div>\n<div class='content-outer'>\n"
        + "<header><div class='header-outer'><div class='Header widget' id='Header1'><h1 class='title'>"
        + f"<a href='/'>{esc(site['name'])}</a></h1><p class='description'><span>{esc(site.get('tagline', ''))}</span>"
        + "</p></div></div></header>\n"
        + "<div class='tabs-outer'><div class='PageList widget' id='PageList1'>" + links(site["nav"]) + "</div></div>\n"
        + "<div class='main-outer'><div class='main-inner'><div class='column-center-outer'><div class='main section' "
        + "id='main'><div class='widget Blog' id='Blog1'><div class='blog-posts hfeed'>\n"
        + f"<div class='date-outer'><h2 class='date-header'><span>{esc(_date(site, page))}</span></h2>"
        + "<div class='post-outer'><div class='post hentry' itemprop='blogPost'>"
        + h1_html(page, "post-title entry-title").replace("<h1", "<h3").replace("</h1>", "</h3>")
        + f"\n<div class='post-body entry-content' id='post-body-{bid}' itemprop='description articleBody'>\n{body}\n"
        + "<div style='clear: both;'></div></div>\n"
        + "<div class='post-footer'><div class='post-footer-line post-footer-line-1'><span class='post-author vcard'>"
        + f"{esc(site.get('posted_by', 'Posted by'))} <span class='fn'>{esc(page['author'])}</span></span> "
        + f"<span class='post-timestamp'>{esc(site.get('at', 'at'))} <a class='timestamp-link' href='{page['url']}'>"
        + f"{esc(when(site['lang'], page['date'], site.get('time_fmt', '{H}:{M}')))}</a></span> "
        + "<span class='post-comment-link'>"
        + esc(site["comment_link"].format(n=len(page.get("comments") or []))) + "</span>"
        + "</div><div class='post-share-buttons'>" + share_html(site, page) + "</div>"
        + (f"<div class='post-footer-line post-footer-line-2'><span class='post-labels'>{esc(site['labels_label'])} "
           + ", ".join(f"<a href='/search/label/{slug(t)}' rel='tag'>{esc(t)}</a>" for t in page.get("tags", []))
           + "</span></div>" if page.get("tags") else "")
        + "</div></div>\n" + comments_html(site, page, L) + "</div></div></div>\n"
        + "<div class='blog-pager' id='blog-pager'>"
        + "".join(f"<span><a class='blog-pager-{k}-link' href='#'>{esc(v)}</a></span>"
                  for k, v in site.get("pager", {}).items()) + "</div>\n"
        + "</div></div></div></div>\n<div class='column-right-outer'><div class='sidebar section' id='sidebar-right-1'>"
        + (f"<div class='widget Profile'><h2>{esc(site['profile'][0])}</h2><div class='widget-content'>"
           f"<a class='profile-name-link' href='#'>{esc(page['author'])}</a><div class='profile-textblock'>"
           f"{esc(site['profile'][1])}</div></div></div>" if site.get("profile") else "")
        + most_read_html(site, page).replace("widget widget-popular", "widget PopularPosts")
        + widgets_html(site).replace("class=\"widget\"", "class=\"widget BlogArchive\"")
        + "</div></div></div></div>\n"
        + f"<footer class='footer-outer'>{footer_html(site)}</footer>\n" + cookie_html(site)
        + "\n</div>\n<script type='text/javascript'>window['__wavt'] = 'AOuZoY';</script>\n</body>\n</html>\n"
    )


def skin_shop(site: dict, page: dict, body: str) -> str:
    """A shop product page (Shopware/WooCommerce-like): buy box, tabs, reviews, cross-selling."""
    L = {**LABELS[site["lang"]], **site.get("labels", {})}
    p = page["product"]
    reviews = "".join(
        f'<div class="product-review"><div class="product-review__rating">{esc(r)}</div>'
        f'<p class="product-review__title"><strong>{esc(t)}</strong></p><p>{esc(x)}</p>'
        f'<p class="product-review__author">{esc(a)}</p></div>' for r, t, x, a in p.get("reviews", []))
    return (
        head_html(site, page)
        + '<body class="is-ctl-product is-act-index">\n' + topbar_html(site)
        + '<header class="header-main"><div class="header-logo-main"><a class="header-logo-main-link" href="/">'
        + f'<img src="/media/logo.svg" alt="{esc(site["name"])}"><span>{esc(site["name"])}</span></a></div>'
        + search_html(site, L)
        + '<div class="header-actions">' + "".join(f'<a href="/{slug(a)}">{esc(a)}</a>' for a in site["actions"])
        + "</div></header>\n"
        + f'<nav class="main-navigation">{nav_html(site, "main-navigation-menu", "main-navigation-link")}</nav>\n'
        + crumbs_html(site, page, L)
        + '\n<main class="content-main"><div class="product-detail">\n<div class="product-detail-media">'
        + f'<img src="/media/{page["id"]}-1.jpg" alt="{esc(page["title"])}"></div>\n<div class="product-detail-buy">'
        + (f'<div class="product-detail-manufacturer">{esc(p["brand"])}</div>' if p.get("brand") else "")
        + h1_html(page, "product-detail-name")
        + f'<div class="product-detail-reviews"><span class="stars">{esc(p["stars"])}</span></div>'
        + f'<p class="product-detail-price">{esc(p["price"])}</p><p class="product-detail-tax">{esc(p["tax"])}</p>'
        + f'<p class="delivery-information">{esc(p["delivery"])}</p>'
        + "".join(f'<div class="product-detail-configurator-group"><label>{esc(lbl)}</label><select>'
                  + "".join(f"<option>{esc(o)}</option>" for o in opts) + "</select></div>"
                  for lbl, opts in p.get("options", []))
        + f'<form class="buy-widget"><label>{esc(p["qty"])}</label><select><option>1</option></select>'
        + f'<button class="btn btn-buy">{esc(p["buy"])}</button></form>'
        + f'<ul class="product-detail-usps">{"".join(f"<li>{esc(u)}</li>" for u in p.get("usps", []))}</ul>'
        + f'<p class="product-detail-ordernumber">{esc(p["sku"])}</p></div>\n'
        + '<div class="product-detail-tabs"><ul class="nav nav-tabs">'
        + "".join(f'<li class="nav-item"><a class="nav-link" href="#">{esc(t)}</a></li>' for t in p["tabs"])
        + '</ul><div class="tab-content"><div class="tab-pane active product-detail-description">'
        + f'<h2 class="product-detail-description-title">{esc(p["desc_title"])}</h2>'
        + f'<div class="product-detail-description-text">\n{body}\n</div></div>\n'
        + f'<div class="tab-pane product-detail-review"><h2>{esc(p["reviews_title"])}</h2>{reviews}</div></div></div>\n'
        + related_html(site, page, "product-slider cross-selling") + "</div></main>\n"
        + newsletter_html(site)
        + f'<footer class="footer-main">{footer_html(site)}</footer>\n' + cookie_html(site)
        + '\n<script src="/theme/js/all.js"></script>\n</body>\n</html>\n'
    )


def skin_docs(site: dict, page: dict, body: str) -> str:
    """A documentation site (MkDocs Material-like): nav tree, "on this page" TOC, edit link, prev/next."""
    toc = [plain(b[1]) for b in parse_body(page["body"]) if b[0] == "h2"]
    d = site["docs"]
    return (
        head_html(site, page, '<meta name="generator" content="mkdocs-1.5.3, mkdocs-material-9.5.3">\n')
        + '<body dir="ltr" data-md-color-scheme="default">\n'
        + f'<a href="#main" class="md-skip">{esc(LABELS[site["lang"]]["skip"])}</a>\n'
        + (f'<aside class="md-banner"><div class="md-banner__inner">{esc(d["banner"])}</div></aside>\n'
           if d.get("banner") else "")
        + '<header class="md-header"><nav class="md-header__inner"><a href="/" class="md-header__button md-logo">'
        + '<img src="/assets/logo.svg" alt="logo"></a><div class="md-header__title"><span class="md-ellipsis">'
        + f'{esc(site["name"])}</span><span class="md-ellipsis">{esc(page["title"])}</span></div>'
        + f'<div class="md-version">{esc(d["version"])}</div>'
        + f'<form class="md-search__form"><label class="md-search__icon">{esc(d["search"])}</label>'
        + '<input class="md-search__input" placeholder="Search"></form>'
        + f'<div class="md-source"><a href="#">{esc(d["repo"])}</a></div></nav></header>\n'
        + f'<nav class="md-tabs">{links(site["nav"], "md-tabs__list", "md-tabs__item")}</nav>\n'
        + '<main class="md-main"><div class="md-main__inner md-grid">'
        + '<div class="md-sidebar md-sidebar--primary"><nav class="md-nav md-nav--primary">'
        + "".join(f'<label class="md-nav__title">{esc(h)}</label>{links(items, "md-nav__list", "md-nav__item")}'
                  for h, items in d["tree"]) + "</nav></div>\n"
        + '<div class="md-sidebar md-sidebar--secondary"><nav class="md-nav md-nav--secondary"><label '
        + f'class="md-nav__title">{esc(d["toc"])}</label>{links(toc, "md-nav__list")}</nav></div>\n'
        + '<div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">\n'
        + f'<a href="#" title="{esc(d["edit"])}" class="md-content__button md-icon">{esc(d["edit"])}</a>\n'
        + crumbs_html(site, page, LABELS[site["lang"]], "md-path")
        + h1_html(page, "doc-title").replace(' class="doc-title"', ' id="title"') + f"\n{body}\n"
        + '<aside class="md-source-file"><span class="md-source-file__fact">'
        + esc(when(site["lang"], page["date"], d["updated"]))
        + "</span></aside>\n"
        + f'<div class="md-feedback"><p class="md-feedback__title">{esc(d["feedback"][0])}</p>'
        + '<div class="md-feedback__list">'
        + "".join(f'<button class="md-feedback__icon">{esc(x)}</button>' for x in d["feedback"][1:]) + "</div></div>\n"
        + "</article></div></div></main>\n"
        + '<footer class="md-footer"><nav class="md-footer__inner">'
        + '<a class="md-footer__link md-footer__link--prev" href="#">'
        + f'<span class="md-footer__direction">{esc(d["prev"][0])}</span>'
        + f'<div class="md-ellipsis">{esc(d["prev"][1])}</div></a>'
        + '<a class="md-footer__link md-footer__link--next" href="#">'
        + f'<span class="md-footer__direction">{esc(d["next"][0])}</span>'
        + f'<div class="md-ellipsis">{esc(d["next"][1])}</div></a></nav>'
        + f'{footer_html(site, "md-footer-meta")}</footer>\n'
        + cookie_html(site)
        + '\n<script src="/assets/javascripts/bundle.js"></script>\n</body>\n</html>\n'
    )


def skin_forum(site: dict, page: dict, body: str) -> str:
    """phpBB 3 (prosilver): the thread's first post is the gold; replies, profiles and signatures are not."""
    L = {**LABELS[site["lang"]], **site.get("labels", {})}
    f = site["forum"]

    def post(i, author, stamp, text, profile, sig=""):
        return (
            f'<div id="p{48200 + i}" class="post has-profile bg{2 - i % 2}"><div class="inner">'
            f'<dl class="postprofile"><dt><a href="#" class="username">{esc(author)}</a></dt>'
            + "".join(f"<dd>{esc(x)}</dd>" for x in profile)
            + f'</dl><div class="postbody"><h3 class="{"first" if i == 0 else ""}"><a href="#p{48200 + i}">'
            f'{esc(("" if i == 0 else f["re"]) + page["title"])}</a></h3>'
            f'<p class="author"><span>{esc(f["by"])} <strong>{esc(author)}</strong> » '
            f'{esc(when(site["lang"], stamp, f["date_fmt"]))}</span></p>'
            f'<ul class="post-buttons"><li><a href="#" class="button">{esc(f["quote"])}</a></li></ul>'
            f'<div class="content">{text}</div>'
            + (f'<div class="signature">{esc(sig)}</div>' if sig else "")
            + '</div><div class="back2top"><a href="#top" class="top">' + esc(f["top"]) + "</a></div></div></div>\n"
        )

    posts = post(0, page["author"], page["date"], body, page["profile"], page.get("signature", ""))
    for i, (a, t, x, prof) in enumerate(page["replies"], 1):
        posts += post(i, a, t, x, prof)
    return (
        head_html(site, page)
        + '<body id="phpbb" class="nojs notouch section-viewtopic ltr">\n<div id="wrap" class="wrap">\n'
        + '<a id="top" class="top-anchor" accesskey="t"></a><div id="page-header"><div class="headerbar" role="banner">'
        + '<div class="inner"><div id="site-description" class="site-description"><a id="logo" class="logo" href="/">'
        + f'<span class="site_logo"></span></a><h1>{esc(site["name"])}</h1><p>{esc(site["tagline"])}</p>'
        + f'<p class="skiplink"><a href="#start_here">{esc(L["skip"])}</a></p></div></div></div>'
        + '<div class="navbar" role="navigation"><ul id="nav-main" class="nav-main linklist">'
        + "".join(f'<li><a href="#">{esc(t)}</a></li>' for t in site["nav"]) + "</ul>"
        + '<ul id="nav-breadcrumbs" class="nav-breadcrumbs linklist navlinks"><li class="breadcrumbs">'
        + "".join(f'<span class="crumb"><a href="#">{esc(c)}</a></span>' for c in f["crumbs"])
        + "</li></ul></div></div>\n"
        + '<a id="start_here" class="anchor"></a><div id="page-body" class="page-body" role="main">\n'
        + f'<h2 class="topic-title"><a href="{page["url"]}">{esc(page["title"])}</a></h2>\n'
        + f'<div class="action-bar bar-top"><a href="#" class="button">{esc(f["reply"])}</a>'
        + f'<div class="pagination">{esc(f["count"].format(n=len(page["replies"]) + 1))}</div></div>\n'
        + posts
        + f'<div class="action-bar bar-bottom"><a href="#" class="button">{esc(f["reply"])}</a></div>\n'
        + f'<div class="jumpbox"><a href="#" class="left-box arrow-left">{esc(f["back"])}</a></div>\n'
        + related_html(site, page, "similar-topics")
        + f'<div class="stat-block online-list"><h3>{esc(f["online"][0])}</h3><p>{esc(f["online"][1])}</p></div>\n'
        + "</div>\n"
        + f'<div id="page-footer" class="page-footer" role="contentinfo">{footer_html(site, "navbar")}</div>\n</div>\n'
        + cookie_html(site)
        + '\n<script src="./assets/javascript/core.js?assets_version=52"></script>\n</body>\n</html>\n'
    )


SKINS = {"wp": skin_wp, "news": skin_news, "box": skin_box, "drupal": skin_drupal, "blogger": skin_blogger,
         "shop": skin_shop, "docs": skin_docs, "forum": skin_forum}


# =========================================================================================================
# Sites: the boilerplate of each made-up site, worded the way that kind of site words it.
# =========================================================================================================

SITES: dict[str, dict] = {}
PAGES: list[dict] = []

# --- German -----------------------------------------------------------------------------------------------

SITES["rheinpost.de"] = dict(
    name="Rheinpost", lang="de", skin="news", body_cls="artikel__text", tagline="Nachrichten aus Stadt und Region",
    url="https://www.rheinpost.de/{sec}/{slug}_aid-{num}",
    topbar=["ePaper", "Abo", "Anzeigen aufgeben", "Leserservice", "Anmelden"],
    today_fmt="{wd}, {d}. {mon} {y}",
    nav=["Lokales", "Region", "Politik", "Wirtschaft", "Sport", "Kultur", "Panorama", "Ratgeber", "Service"],
    actions=["Jetzt abonnieren"],
    cookie=dict(vendor="onetrust", title="Wir respektieren Ihre Privatsphäre",
                text="Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Inhalte und Anzeigen zu "
                     "personalisieren, Funktionen für soziale Medien anzubieten und die Zugriffe auf unsere Website zu "
                     "analysieren. Mit einem Klick auf „Alle akzeptieren“ stimmen Sie der Verarbeitung zu. Ihre "
                     "Einwilligung können Sie jederzeit über die Privatsphäre-Einstellungen widerrufen.",
                link="Datenschutzerklärung", buttons=["Alle akzeptieren", "Einstellungen verwalten", "Nur notwendige"]),
    crumb_title=True, related_heading="Das könnte Sie auch interessieren", related_cls="teaser-row",
    most_read=("Meistgelesen", ["Großbrand in Lagerhalle: Feuerwehr die ganze Nacht im Einsatz",
                                "Neues Café am Marktplatz eröffnet", "A 61: Sperrung am Wochenende",
                                "Abiturienten feiern auf den Rheinwiesen"]),
    share=dict(label="Artikel teilen", buttons=["Facebook", "X", "WhatsApp", "E-Mail", "Link kopieren"]),
    newsletter=dict(title="Der Rheinpost-Newsletter",
                    text="Jeden Morgen um 6 Uhr die wichtigsten Nachrichten aus der Region in Ihrem Postfach.",
                    button="Jetzt abonnieren", label="Ihre E-Mail-Adresse",
                    small="Abmeldung jederzeit möglich. Hinweise zum Datenschutz finden Sie in unserer "
                          "Datenschutzerklärung."),
    footer=dict(cols=[("Rheinpost", ["Über uns", "Karriere", "Mediadaten", "Kontakt"]),
                      ("Service", ["Abo-Service", "Traueranzeigen", "Leserreisen", "Gewinnspiele"])],
                legal=["Impressum", "Datenschutz", "AGB", "Cookie-Einstellungen", "Barrierefreiheit"],
                copy="© Rheinpost Verlagsgesellschaft mbH & Co. KG. Alle Rechte vorbehalten."),
    byline_fmt="Von {author}", date_fmt="{dd}.{m}.{y}, {H}:{M} Uhr",
    teaser_tpl='<aside class="teaser-inline"><span class="teaser-inline__label">{label}</span> '
               '<a href="{href}" class="teaser-inline__link">{head}</a></aside>',
    fig_tpl='<figure class="article__figure"><img src="{src}" alt="{alt}"><figcaption class="article__caption">'
            '{cap} <span class="article__credit">{credit}</span></figcaption></figure>',
    ad_tpl='<div class="ad ad--medium-rectangle"><span class="ad__label">{t}</span></div>',
)

PAGES.append(dict(
    id="de-news-01", site="rheinpost.de", kind="news", section="Lokales", kicker="Verkehr",
    title="Stadtrat beschließt neues Radwegenetz für die Innenstadt",
    dek="Nach zwei Jahren Debatte ist die Entscheidung gefallen: Bis 2015 sollen elf Kilometer geschützte Radwege "
        "entstehen. Die Opposition kritisiert die Kosten.",
    author="Katrin Wollenweber", date="2012-05-31 18:45", echo=True, tags=["Radverkehr", "Stadtrat", "Innenstadt"],
    mangle=dict(shy=True, nfd=True, shy_entity=True),
    related=["Radfahrer bei Unfall an der Brückenrampe schwer verletzt", "Parkgebühren in der Altstadt steigen ab Juli",
             "Kommentar: Mut zur Lücke", "So funktioniert die neue Fahrradstraße"],
    body="""
Der Stadtrat hat am Mittwochabend mit deutlicher Mehrheit das neue Radverkehrskonzept für die Innenstadt
beschlossen. 38 Ratsmitglieder stimmten dafür, 14 dagegen, drei enthielten sich. Damit endet eine Debatte, die
die Stadt seit fast zwei Jahren beschäftigt hat.

Kern des Konzepts sind elf Kilometer baulich getrennte Radwege entlang der großen Ausfallstraßen. Auf der
Rheinuferstraße und der Bahnhofsallee soll jeweils eine Autospur wegfallen. Außerdem werden vier Nebenstraßen in
der Altstadt zu Fahrradstraßen umgewidmet, in denen Autos nur noch als Anlieger fahren dürfen.

[teaser] Lesen Sie auch: | Neue Fahrradständer am Hauptbahnhof: Nach drei Wochen schon voll

Die Kosten beziffert die Verwaltung auf rund 6,4 Millionen Euro. Etwa die Hälfte soll aus Fördermitteln des
Landes kommen. „Das ist gut investiertes Geld“, sagte Oberbürgermeisterin Sabine Roderich (SPD) in der Sitzung.
„Wer heute in der Innenstadt Rad fährt, braucht Mut. Das wollen wir ändern.“

[fig] Auf der Rheinuferstraße soll künftig eine Autospur für den Radverkehr reserviert sein. | Foto: Rheinpost/Thomas
Berger

## Kritik von CDU und Einzelhandel

Die CDU-Fraktion stimmte geschlossen gegen den Beschluss. Fraktionschef Martin Esser warf der Mehrheit vor, die
Belange der Pendler zu ignorieren. „Wer aus dem Umland kommt, hat oft keine Alternative zum Auto“, sagte er. Er
befürchtet längere Staus im Berufsverkehr.

Auch der Einzelhandelsverband sieht die Pläne skeptisch. Mit dem Umbau fallen in der Innenstadt etwa 180
Parkplätze weg. Geschäftsführerin Anja Lindemann kündigte an, die Umsatzentwicklung der Händler genau zu
beobachten.

[ad] Anzeige

Die Umweltverbände begrüßten dagegen die Entscheidung, auch wenn sie ihnen nicht weit genug geht. Der
Fahrradclub hatte zwanzig Kilometer gefordert.

## Bürgerbeteiligung im Herbst

Bevor die Bagger anrollen, will die Stadt die Anwohner einbeziehen. Für jeden Bauabschnitt sind
Informationsabende geplant, der erste im September im Bürgerhaus Süd. Die Planungsunterlagen liegen ab kommender
Woche im Rathaus aus und sind auch im Internet einsehbar.

Mit den ersten Arbeiten rechnet die Verwaltung im Frühjahr 2013. Fertig sein soll das Netz bis Ende 2015.
""",
))

PAGES.append(dict(
    id="de-news-05", site="rheinpost.de", kind="news", section="Kultur", kicker="Stadtgeschichte",
    title="Stadtmuseum öffnet nach drei Jahren Umbau wieder",
    author="Jens Hollerbach", date="2013-03-15 10:20",
    thumb=("Der gläserne Neubau verbindet die beiden Altbauten am Domplatz.", "Foto: Rheinpost/Archiv"),
    related=["Theater zeigt „Nathan der Weise“ als Kammerspiel", "Stadtbibliothek verlängert Öffnungszeiten",
             "Ausstellung: 100 Jahre Rheinhafen"],
    body="""
Nach drei Jahren Umbau ist das Stadtmuseum ab Sonntag wieder für Besucher geöffnet. Schon bei der Vorbesichtigung
für Presse und Förderverein bildete sich vor dem Eingang am Domplatz eine lange Schlange.

Das Haus hat sich deutlich verändert. Ein gläserner Anbau verbindet nun die beiden Altbauten, ein Aufzug macht
alle drei Etagen barrierefrei zugänglich. Die Dauerausstellung zur Stadtgeschichte wurde komplett neu konzipiert
und beginnt jetzt mit der römischen Siedlung am Rheinufer.

> „Wir wollten weg von der Vitrine mit dem Schildchen daneben“, sagt Museumsleiterin Helga Brandstätter. „Die
> Besucher sollen Geschichte anfassen und hören können.“

An zwölf Hörstationen erzählen Zeitzeugen von der Nachkriegszeit, vom Hochwasser 1993 und vom Strukturwandel im
Hafen. Für Kinder gibt es einen eigenen Rundgang mit Rätseln und einer Schatzkarte.

[fig] Zeitzeugen erzählen an zwölf Hörstationen aus der Stadtgeschichte. | Foto: Rheinpost/Jens Hollerbach

Der Umbau hat 9,2 Millionen Euro gekostet, gut eine Million mehr als geplant. Grund waren vor allem Schäden im
Dachstuhl, die erst während der Arbeiten entdeckt wurden.

Bis Ende April ist der Eintritt frei. Danach kostet eine Karte sechs Euro, ermäßigt vier Euro. Geöffnet ist
dienstags bis sonntags von 10 bis 18 Uhr, donnerstags bis 20 Uhr.
""",
))

SITES["haffbote.de"] = dict(
    name="Haffbote", lang="de", skin="box", tagline="Ihre Zeitung für Küste und Haff",
    url="https://www.haffbote.de/{sec}/{slug}-{num}.html",
    nav=["Startseite", "Region", "Usedom", "Küste", "Blaulicht", "Sport", "Kultur", "Leserbriefe", "Anzeigen"],
    cookie=dict(vendor="borlabs", title="Datenschutzeinstellungen",
                text="Wir nutzen Cookies auf unserer Website. Einige von ihnen sind essenziell, während andere uns "
                     "helfen, diese Website und Ihre Erfahrung zu verbessern.",
                link="Cookie-Details",
                buttons=["Ich akzeptiere", "Nur essenzielle Cookies akzeptieren",
                         "Individuelle Datenschutzeinstellungen"]),
    read_more="Weiterlesen", related_heading="Ähnliche Artikel",
    most_read=("Meistgelesen", ["Fährverbindung nach Swinemünde fällt im Winter aus",
                                "Neue Kurtaxe: Was Urlauber jetzt zahlen müssen",
                                "Kutter „Möwe“ nach 60 Jahren verschrottet"]),
    share=dict(label="Jetzt teilen!", buttons=["Facebook", "WhatsApp", "Telegram", "E-Mail"]),
    widgets=[("Termine", ["Heringsfest am Hafen", "Konzert in der Dorfkirche", "Alle Termine »"])],
    footer=dict(legal=["Impressum", "Datenschutz", "Kontakt", "Mediadaten", "Cookie-Einstellungen"],
                copy="© Haffbote Mediengruppe"),
    byline_fmt="{author}", date_fmt="{wd}, {d}. {mon} {y}",
    fig_tpl='<div class="wp-caption"><img src="{src}" alt="{alt}"><p class="wp-caption-text">{cap} {credit}</p></div>',
)

PAGES.append(dict(
    id="de-news-02", site="haffbote.de", kind="news", section="Küste",
    title="Sturmflut nagt an der Küste: Dünen vor Lünersand schwer beschädigt",
    author="Maren Krüger", date="2024-01-05 12:30", echo=True,
    related=["Küstenschutz: Land will mehr Geld für Sandaufspülungen", "Seebrücke Lünersand: Sanierung verzögert sich",
             "Sturmflut nagt an der Küste: Dünen vor Lünersand schwer beschädigt"],
    body="""
Das Sturmtief der vergangenen Nacht hat an der Küste vor Lünersand deutliche Spuren hinterlassen. Auf einer Länge
von rund 800 Metern hat die Ostsee Teile der Vordüne abgetragen, an einigen Stellen bis zu vier Meter tief. Der
Strandabschnitt zwischen dem Seebrückenvorplatz und dem Campingplatz ist bis auf Weiteres gesperrt.

Der Wasserstand lag in der Nacht zu Freitag zeitweise 1,40 Meter über dem mittleren Pegel. Feuerwehr und
Technisches Hilfswerk waren seit dem späten Abend im Einsatz, um Sandsäcke an der Strandpromenade zu verbauen.
Verletzt wurde nach Angaben der Polizei niemand.

„So schlimm habe ich die Düne seit Jahren nicht gesehen“, sagt Bürgermeister Olaf Pritzkow, der am Morgen mit
Vertretern des Küstenschutzes die Schäden begutachtete. Die Strandkörbe seien zum Glück schon im Herbst eingelagert
worden.

## Küstenschutz will schnell handeln

Das zuständige Umweltamt kündigte an, die Düne noch vor Beginn der Saison wieder aufzuspülen. Dafür soll Sand aus
einem Entnahmefeld vor der Küste gepumpt werden. Wie viel das kosten wird, ist noch offen. Ein Sprecher nannte eine
erste Schätzung von mehreren hunderttausend Euro.

Auch die Seebrücke hat etwas abbekommen. Einige Bohlen am Brückenkopf haben sich gelöst, der Steg bleibt deshalb
ebenfalls vorerst gesperrt. Ein Gutachter soll in der kommenden Woche prüfen, ob die Pfähle beschädigt sind.

[fig] Abbruchkante an der Vordüne: An manchen Stellen fehlen bis zu vier Meter Sand. | Foto: Haffbote/M. Krüger

Für das Wochenende gibt der Wetterdienst leichte Entwarnung. Der Wind soll auf West drehen und deutlich
nachlassen. Die Gemeinde bittet Spaziergänger dennoch, die Absperrungen zu beachten und die Abbruchkanten nicht zu
betreten. Dort könne jederzeit weiterer Sand nachrutschen.

Wer Schäden an Grundstücken oder Gebäuden entdeckt, kann sie beim Ordnungsamt melden, telefonisch oder per E-Mail.
""",
))

SITES["tagesecho.de"] = dict(
    name="Tagesecho", lang="de", skin="news", body_cls="article-text",
    url="https://www.tagesecho.de/{sec}/{slug}-{num}",
    nav=["Startseite", "Politik", "Wirtschaft", "Finanzen", "Digital", "Wissen", "Sport", "Reise", "Meinung"],
    actions=["Anmelden", "Tagesecho+"],
    cookie=dict(vendor="cookiebot", title="Diese Webseite verwendet Cookies",
                text="Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren, Funktionen für soziale Medien "
                     "anbieten zu können und die Zugriffe auf unsere Website zu analysieren. Außerdem geben wir "
                     "Informationen zu Ihrer Verwendung unserer Website an unsere Partner für soziale Medien, Werbung "
                     "und Analysen weiter.",
                buttons=["Ablehnen", "Auswahl erlauben", "Alle zulassen"]),
    cookie_pos="bottom", crumbs=True,
    related_heading="Mehr zum Thema",
    most_read=("Top-Artikel", ["Rente mit 63: Was sich 2024 ändert", "Bahnstreik: Diese Züge fahren trotzdem",
                               "Inflation sinkt auf 3,8 Prozent", "Heizungsgesetz: Die wichtigsten Fragen"]),
    share=dict(label="", buttons=["Teilen", "Twittern", "Mailen"], cls="social-bar"), share_top=True,
    newsletter=dict(title="Wirtschaft kompakt", text="Der Newsletter für Ihre Finanzen: jeden Freitag die wichtigsten "
                    "Wirtschaftsthemen der Woche.", button="Kostenlos bestellen",
                    small="Mit der Anmeldung akzeptieren Sie unsere Datenschutzbestimmungen."),
    article_note="Mit Material von dpa",
    footer=dict(cols=[("Tagesecho", ["Redaktion", "Jobs", "Werben", "Presse"])],
                legal=["Impressum", "Datenschutz", "Nutzungsbedingungen", "Privatsphäre", "Kündigen"],
                copy="© 2023 Tagesecho Digital GmbH"),
    byline_fmt="Von {author}", date_fmt="{dd}.{m}.{y}, {H}:{M} Uhr", updated_fmt="Aktualisiert: {H}:{M} Uhr",
    teaser_tpl='<div class="inline-related"><p class="inline-related__title">{label}</p><a '
               'href="{href}">{head}</a></div>',
    ad_tpl='<div class="ad-container"><div class="ad-label">{t}</div></div>',
)

PAGES.append(dict(
    id="de-news-03", site="tagesecho.de", kind="news", section="Wirtschaft", kicker="Insolvenz",
    title="Backhaus Lindner stellt Insolvenzantrag – 41 Filialen vorerst geöffnet",
    dek="Die ostwestfälische Bäckereikette ist zahlungsunfähig. Energiekosten und teure Rohstoffe haben das "
        "Familienunternehmen in die Knie gezwungen.",
    author="Miriam Scholz und Daniel Kurz", date="2023-11-08 11:04", updated="2023-11-08 15:30",
    mangle=dict(shy=True, nfd=True, shy_title=True, nfd_title=True),
    tags=["Insolvenz", "Bäckerhandwerk", "Energiepreise"],
    related=["Handwerk in der Krise: Jede zehnte Bäckerei gibt auf", "Gaspreise: Wann die Entlastung kommt",
             "Mindestlohn steigt 2024 auf 12,41 Euro"],
    body="""
Die Bäckereikette Backhaus Lindner ist zahlungsunfähig. Das Unternehmen hat am Dienstag beim zuständigen
Amtsgericht einen Antrag auf ein Insolvenzverfahren in Eigenverwaltung gestellt, wie eine Sprecherin am Mittwoch
bestätigte. Betroffen sind 41 Filialen in Ostwestfalen und im südlichen Niedersachsen mit insgesamt rund 520
Beschäftigten.

Der Betrieb läuft vorerst weiter. Alle Filialen bleiben geöffnet, die Backstube in Herford produziert wie gewohnt.
Löhne und Gehälter sind nach Angaben des Unternehmens für die kommenden drei Monate über das Insolvenzgeld der
Bundesagentur für Arbeit gesichert.

[teaser] Zum Thema | Handwerk in der Krise: Jede zehnte Bäckerei gibt auf

## Energiekosten und teures Mehl

Als Gründe nennt die Geschäftsführung vor allem die stark gestiegenen Energiekosten. Die Öfen der zentralen
Backstube laufen mit Gas; die Rechnung dafür habe sich im vergangenen Jahr mehr als verdreifacht. Hinzu kamen
höhere Preise für Mehl, Butter und Verpackungen sowie die Erhöhung des Mindestlohns.

> „Wir haben die Preise angehoben, so weit es ging. Aber irgendwann kaufen die Kunden ihr Brötchen eben beim
> Discounter“, sagte Geschäftsführer Stefan Lindner, der das Familienunternehmen in dritter Generation führt.

In Eigenverwaltung bleibt die Geschäftsführung im Amt, ihr wird aber ein Sachwalter zur Seite gestellt. Das
Gericht bestellte einen Bielefelder Rechtsanwalt. Ziel sei es, das Unternehmen zu sanieren und möglichst viele
Arbeitsplätze zu erhalten, hieß es.

[ad] Anzeige

## Filialnetz soll schrumpfen

Ganz ohne Einschnitte wird es wohl nicht gehen. Lindner kündigte an, das Filialnetz zu überprüfen. Vor allem
kleinere Standorte in den Vorkassenzonen von Supermärkten stünden auf dem Prüfstand, weil dort die Mieten hoch und
die Umsätze zuletzt rückläufig gewesen seien. Wie viele Filialen schließen müssen, soll bis Ende Januar feststehen.

Die Gewerkschaft zeigte sich besorgt. Viele Beschäftigte arbeiteten seit Jahrzehnten für das Unternehmen, sagte
ein Sprecher. Man erwarte, dass die Arbeitnehmervertreter eng in den Sanierungsprozess eingebunden werden.

Backhaus Lindner ist kein Einzelfall. Die Zahl der Handwerksbäckereien in Deutschland geht seit Jahren zurück.
Kleinere Betriebe finden oft keine Nachfolger, größere Ketten leiden unter den Kosten für Energie und Personal.

Für die Kundinnen und Kunden ändert sich zunächst nichts. Gutscheine und Kundenkarten behalten nach Angaben des
Unternehmens ihre Gültigkeit.
""",
))

SITES["allgaeuer-landbote.de"] = dict(
    name="Allgäuer Landbote", lang="de", skin="drupal", body_mode="div", tagline="Heimatzeitung seit 1949",
    url="https://www.allgaeuer-landbote.de/{sec}/{slug}",
    nav=["Aktuelles", "Gemeinden", "Lokalsport", "Vereine", "Veranstaltungen", "Leserfotos", "Kleinanzeigen"],
    nav_label="Hauptnavigation",
    cookie=dict(text="Diese Website verwendet Cookies. Wenn Sie weitersurfen, stimmen Sie der Cookie-Nutzung zu.",
                buttons=["OK", "Mehr erfahren"]),
    crumb_home="Start", related_heading="Mehr aus dem Lokalsport",
    most_read=("Meist gelesen", ["Viehscheid 2019: Alle Termine im Überblick", "Umleitung an der B 12 ab Montag",
                                 "Musikkapelle feiert 150. Geburtstag"]),
    share=dict(label="Teilen:", buttons=["Facebook", "Twitter", "E-Mail"]),
    widgets=[("Ergebnisse", ["Kreisliga Süd: alle Spiele", "Tabelle", "Torjäger"])],
    footer=dict(legal=["Impressum", "Datenschutzerklärung", "Kontakt", "Abo"], copy="© 2019 Allgäuer Landbote"),
    byline_fmt="Von {author}", date_fmt="{dd}.{m}.{y}",
)

PAGES.append(dict(
    id="de-news-04", site="allgaeuer-landbote.de", kind="news", section_path=["Lokalsport", "Fußball"],
    title="TSV Oberried feiert den Aufstieg in die Bezirksliga",
    dek="3:1 am letzten Spieltag: Der TSV dreht gegen den SV Kemptal II einen Rückstand und macht den Sprung nach "
        "oben perfekt.",
    author="Florian Mayr", date="2019-05-26 21:10", tags=["Kreisliga", "TSV Oberried"],
    related=["SC Halden verliert Derby und muss in die Relegation", "Jugendturnier: 40 Mannschaften am Start",
             "Schiedsrichter gesucht: Verband startet Kampagne"],
    body="""
Es war kurz nach 17 Uhr, als der Schiedsrichter abpfiff und auf dem Sportplatz am Kapellenweg kein Halten mehr
war. Mit einem 3:1-Sieg gegen den SV Kemptal II hat der TSV Oberried am letzten Spieltag den Aufstieg in die
Bezirksliga perfekt gemacht.

Dabei sah es zunächst nicht nach einem Feiertag aus. Die Gäste gingen nach einer Viertelstunde durch einen
Kopfball nach einer Ecke in Führung, und der TSV tat sich vor rund 600 Zuschauern schwer.

Erst kurz vor der Pause fiel der Ausgleich. Jonas Hörmann traf aus 18 Metern flach ins linke Eck.

In der zweiten Halbzeit drehte Oberried auf. Lukas Berchtold köpfte in der 58. Minute zum 2:1 ein, und Kapitän
Simon Wegscheider machte mit einem Foulelfmeter zehn Minuten vor Schluss alles klar.

„Die Jungs haben eine unglaubliche Saison gespielt“, sagte Trainer Markus Endres nach dem Spiel. „Nach der Vorrunde
waren wir Sechster, da hat keiner mehr an uns geglaubt.“

Tatsächlich gewann der TSV in der Rückrunde elf von dreizehn Spielen und verlor kein einziges Mal.

Gefeiert wurde bis tief in die Nacht im Vereinsheim. Die Vorbereitung auf die Bezirksliga beginnt Anfang Juli.
Zwei Neuzugänge stehen bereits fest, weitere sollen folgen.
""",
))

SITES["fachwelt-it.de"] = dict(
    name="fachwelt IT", lang="de", skin="wp", theme="newspack", tagline="IT-Nachrichten für Verwaltung und Mittelstand",
    url="https://www.fachwelt-it.de/{y}/{m}/{slug}/", cat_label=True, reading_time="Lesezeit: {n} Min.",
    nav=["News", "Verwaltung", "Security", "Cloud", "Open Source", "Karriere", "Events", "Whitepaper"],
    cookie=dict(vendor="complianz", title="Cookie-Zustimmung verwalten",
                text="Um dir ein optimales Erlebnis zu bieten, verwenden wir Technologien wie Cookies, um "
                     "Geräteinformationen zu speichern und/oder darauf zuzugreifen. Wenn du diesen Technologien "
                     "zustimmst, können wir Daten wie das Surfverhalten oder eindeutige IDs auf dieser Website "
                     "verarbeiten.",
                link="Cookie-Richtlinie (EU)", buttons=["Akzeptieren", "Ablehnen", "Einstellungen ansehen"]),
    crumb_title=False, related_heading="Das könnte dich auch interessieren",
    most_read=("Beliebt", ["Windows 10: Was Behörden nach dem Support-Ende tun müssen",
                           "Ransomware legt Stadtwerke lahm", "OZG 2.0: Der Bundesrat stimmt zu"]),
    share=dict(label="", buttons=["Teilen", "Tweet", "LinkedIn", "Xing"], cls="sharedaddy"),
    newsletter=dict(title="Der fachwelt-IT-Newsletter",
                    text="Die wichtigsten IT-Nachrichten für Verwaltung und Mittelstand – jeden Dienstag in deinem "
                         "Postfach.",
                    button="HIER KOSTENLOS ANMELDEN »", small="Du kannst dich jederzeit wieder abmelden."),
    author_box="Tobias schreibt seit 2015 über Verwaltungsdigitalisierung und Open Source.",
    footer=dict(cols=[("fachwelt IT", ["Über uns", "Mediadaten", "Autor werden"])],
                legal=["Impressum", "Datenschutz", "Cookie-Richtlinie (EU)"],
                copy="© 2024 fachwelt IT – Ein Angebot der Fachwelt Medien GmbH"),
    date_fmt="{d}. {mon} {y}",
)

PAGES.append(dict(
    id="de-news-06", site="fachwelt-it.de", kind="news", section="Open Source",
    title="Landkreis stellt 2.000 Arbeitsplätze auf Open-Source-Software um",
    author="Tobias Reinhardt", date="2024-02-13 09:15", tags=["LibreOffice", "Kommunen", "Digitale Souveränität"],
    related=["Nextcloud im Rathaus: Ein Erfahrungsbericht", "Was kostet der Abschied von Microsoft 365?",
             "Schleswig-Holstein: Der lange Weg zu Open Source"],
    body="""
Der Landkreis Mittelweser will bis Ende 2026 alle rund 2.000 Arbeitsplätze seiner Verwaltung auf quelloffene
Software umstellen. Das hat der Kreistag in der vergangenen Woche beschlossen. Den Anfang machen Büroanwendungen
und E-Mail, später sollen auch die Fachverfahren folgen, soweit es dafür Alternativen gibt.

Ausschlaggebend waren nach Angaben der Kreisverwaltung zwei Gründe: die Lizenzkosten, die in den vergangenen fünf
Jahren um fast 40 Prozent gestiegen seien, und die Abhängigkeit von einzelnen Anbietern. „Wir wollen selbst
entscheiden, wo unsere Daten liegen und wann wir ein Update einspielen“, sagt IT-Leiterin Corinna Häusler.

## Pilotphase im Bauamt

Getestet wird seit dem vergangenen Sommer im Bauamt. Die 120 Mitarbeitenden dort arbeiten mit LibreOffice,
Thunderbird und einer selbst betriebenen Nextcloud. Die Bilanz fällt gemischt aus. Briefe, Tabellen und
Protokolle seien kein Problem, heißt es im Abschlussbericht. Schwierigkeiten gab es mit komplexen Excel-Makros und
mit Formularen, die Bürgerinnen und Bürger als Word-Datei einreichen.

Für solche Fälle will der Kreis eine kleine Zahl von Arbeitsplätzen mit der bisherigen Software behalten.
Außerdem sollen die Makros nach und nach neu geschrieben werden.

[embed] Hier klicken, um den Inhalt von YouTube anzuzeigen. Erfahre mehr in der Datenschutzerklärung von YouTube. |
Inhalt laden

## Schulungen als größter Posten

Die Umstellung kostet nach der Kalkulation der Verwaltung rund 1,8 Millionen Euro, verteilt auf drei Jahre. Den
größten Teil machen nicht Technik oder externe Dienstleister aus, sondern Schulungen. Jede Mitarbeiterin und jeder
Mitarbeiter soll mindestens einen halben Tag Einführung bekommen, dazu kommen feste Ansprechpartner in jedem
Fachbereich.

Ab 2027 rechnet der Kreis mit Einsparungen von etwa 450.000 Euro im Jahr. Ob diese Rechnung aufgeht, ist allerdings
umstritten. Eine Fraktion im Kreistag hatte bezweifelt, dass die Folgekosten für Support und Anpassungen realistisch
angesetzt sind.

## Erfahrungen anderer Verwaltungen

Der Landkreis ist nicht der erste, der diesen Weg geht. Schleswig-Holstein hat angekündigt, seine Landesverwaltung
weitgehend auf Open-Source-Software umzustellen. München dagegen war nach Jahren mit dem eigenen Linux-System LiMux
wieder zu Windows zurückgekehrt – ein Beispiel, das Kritiker gern anführen.

Häusler kennt die Geschichte. Der Unterschied sei, dass man heute nicht mehr zuerst das Betriebssystem wechsle,
sondern die Anwendungen. „Wenn die Leute ihre Dokumente ohne Ärger öffnen können, ist schon viel gewonnen.“
""",
))

SITES["muensterland-kurier.de"] = dict(
    name="Münsterland-Kurier", lang="de", skin="news", body_cls="post-body", tagline="Die Zeitung für Ihre Stadt",
    url="https://www.muensterland-kurier.de/lokales/{slug}-{num}.html", today_fmt="{wd}, {d}. {mon} {y}",
    nav=["Lokales", "Münsterland", "NRW", "Welt", "Sport", "Freizeit", "Trauer", "Shop"],
    actions=["Pur-Abo", "Login"],
    cookie=dict(title="Ihre Privatsphäre ist uns wichtig",
                text="Wir setzen Cookies und vergleichbare Technologien ein, um unser Angebot für Sie zu finanzieren "
                     "und zu verbessern. Sie können Ihre Auswahl jederzeit unter „Privatsphäre“ am Seitenende ändern.",
                link="Mehr Informationen", buttons=["Zustimmen und weiter", "Ablehnen mit Pur-Abo"]),
    crumbs=True, crumb_title=True, related_heading="Weitere Nachrichten aus Ihrer Stadt",
    most_read=("Beliebte Artikel", ["Karnevalsumzug: Das ist die Zugstrecke", "Blitzer an der Warendorfer Straße",
                                    "Bäcker schließt nach 90 Jahren"]),
    share=dict(label="Teilen", buttons=["WhatsApp", "Facebook", "E-Mail"]),
    comments=dict(title="{n} Kommentare", form_title="Kommentar verfassen", field="Ihr Kommentar",
                  fields=[], note="Bitte melden Sie sich an, um zu kommentieren. Es gelten unsere Netiquette-Regeln.",
                  button="Absenden", date_fmt="{dd}.{m}.{y} um {H}:{M} Uhr"),
    footer=dict(legal=["Impressum", "Datenschutz", "Privatsphäre", "AGB", "Kontakt"],
                copy="© Münsterland-Kurier Medienhaus GmbH"),
    byline_fmt="Von {author}", date_fmt="{dd}.{m}.{y}, {H}:{M} Uhr",
)

PAGES.append(dict(
    id="de-news-07", site="muensterland-kurier.de", kind="news", section="Lokales", kicker="Schulsanierung",
    title="Grundschule am Mühlenbach: Sanierung verzögert sich um ein Jahr",
    author="Ulrike Terhorst", date="2024-03-04 06:00", mangle=dict(shy=True, nfd=True, shy_entity=True),
    related=["Neue Kita an der Gartenstraße öffnet im August", "Schulwegsicherung: Ampel kommt endlich",
             "Ratssitzung: Haushalt mit Millionenloch"],
    comments=[("Mutter_zweier_Kinder", "2024-03-04 07:42", "Ein weiteres Jahr im Container. Im letzten Sommer hatten "
               "die Kinder dort 32 Grad. Das kann doch nicht die Lösung sein."),
              ("H. Bertels", "2024-03-04 09:15", "Dass man vor der Planung nicht auf Asbest prüft, ist mir "
                                                 "unbegreiflich.")],
    body="""
Die Sanierung der Grundschule am Mühlenbach dauert länger als geplant. Statt zu den Sommerferien werden die
Arbeiten voraussichtlich erst im Sommer 2025 abgeschlossen sein. Das teilte die Stadtverwaltung am Freitag im
Schulausschuss mit.

Hauptgrund sind Schadstoffe, die bei den Abbrucharbeiten im Altbau gefunden wurden. In den Deckenplatten zweier
Klassenräume steckte Asbest, außerdem waren alte Fugenmassen belastet. Die Entsorgung muss eine Fachfirma
übernehmen, und die war erst ab Mai verfügbar.

Für die rund 230 Kinder bedeutet das ein weiteres Jahr in den Containern auf dem Schulhof. „Das ist für alle eine
Belastung, vor allem im Sommer, wenn es in den Containern sehr warm wird“, sagte Schulleiterin Birgit Hölscher. Die
Stadt will deshalb Sonnenschutzfolien anbringen und zusätzliche Ventilatoren aufstellen.

## Mehrkosten von 800.000 Euro

Auch finanziell hat die Verzögerung Folgen. Die Kosten steigen von 4,6 auf rund 5,4 Millionen Euro. Neben der
Schadstoffsanierung schlagen gestiegene Baupreise und die längere Miete für die Containeranlage zu Buche.

Im Ausschuss sorgte das für Unmut. Mehrere Mitglieder wollten wissen, warum das Gebäude nicht vor Beginn der
Planung auf Schadstoffe untersucht worden war. Der Leiter des Gebäudemanagements räumte ein, dass man sich auf ein
älteres Gutachten verlassen habe. Künftig sollen solche Untersuchungen bei allen Gebäuden mit Baujahr vor 1990
Pflicht sein.

Die Elternpflegschaft will sich in der kommenden Woche mit der Verwaltung treffen. Ihr Vorsitzender Thomas
Kleinekathöfer sagte, die Eltern hätten Verständnis für die Lage, erwarteten aber regelmäßige Informationen über
den Fortschritt.
""",
))

SITES["wanderlust-mit-kind.de"] = dict(
    name="Wanderlust mit Kind", lang="de", skin="wp", theme="kadence", tagline="Draußen unterwegs mit der ganzen "
                                                                               "Familie",
    url="https://wanderlust-mit-kind.de/{slug}/", crumbs=False,
    nav=["Start", "Touren", "Familienurlaub", "Ausrüstung", "Über uns", "Kontakt"],
    cookie=dict(vendor="borlabs", text="Hallo! Wir verwenden Cookies, damit der Blog richtig funktioniert und wir "
                                       "sehen "
                "können, welche Beiträge euch gefallen. Ihr entscheidet, was ihr zulasst.",
                link="Datenschutz", buttons=["Alle akzeptieren", "Nur notwendige", "Einstellungen"]),
    related_heading="Das könnte dich auch interessieren",
    share=dict(label="Teile diesen Beitrag:", buttons=["Pinterest", "Facebook", "WhatsApp"]),
    postnav=("Packliste für die erste Hüttentour", "Rügen im Herbst: Kreidefelsen mit Kinderwagen?"),
    newsletter=dict(title="Keine Tour mehr verpassen",
                    text="Einmal im Monat neue Tourentipps für Familien direkt in dein Postfach.", button="Eintragen"),
    widgets=[("Hallo, ich bin Jana!", ["Mehr über uns"]),
             ("Kategorien", ["Wandern", "Familienurlaub", "Ausrüstung", "Ostsee", "Alpen"]),
             ("Neueste Beiträge", ["Rügen im Herbst: Kreidefelsen mit Kinderwagen?",
                                   "Packliste für die erste Hüttentour"])],
    comments=dict(title="{n} Kommentare zu „{title}“", form_title="Schreibe einen Kommentar", field="Kommentar *",
                  fields=["Name *", "E-Mail *", "Website"],
                  note="Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
                  button="Kommentar abschicken", says="sagt:", date_fmt="{d}. {mon} {y} um {H}:{M} Uhr"),
    footer=dict(legal=["Impressum", "Datenschutzerklärung", "Kooperationen"], copy="© 2021 Wanderlust mit Kind"),
    date_fmt="{d}. {mon} {y}",
)

PAGES.append(dict(
    id="de-blog-08", site="wanderlust-mit-kind.de", kind="blog", section="Wandern",
    title="Malerweg mit Kindern: Unsere drei schönsten Etappen",
    author="Jana", date="2021-08-17 20:30", mangle=dict(shy=True, nfd=True),
    tags=["Sächsische Schweiz", "Malerweg", "Wandern mit Kindern"],
    thumb=("Pause mit Aussicht: Blick von der Bastei ins Elbtal.", ""),
    related=["Wandern im Harz: Fünf Touren unter zehn Kilometern", "Zelten mit Kindern: Unsere Checkliste",
             "Malerweg mit Kindern: Unsere drei schönsten Etappen"],
    comments=[("Steffi", "2021-08-18 08:12", "Danke für den tollen Bericht! Wir wollen nächstes Jahr mit unseren "
               "Jungs (6 und 9) hin. Habt ihr die Etappen als Tagestouren gemacht oder mit Gepäck?"),
              ("Jana", "2021-08-18 10:40", "Hallo Steffi, wir hatten das Zelt dabei, sind aber immer nur mit "
               "Tagesrucksack gelaufen und haben das Auto umgesetzt. Viel Spaß!"),
              ("Markus R.", "2021-08-20 21:03", "Die Brandstufen haben meine Kinder auch gezählt :-)")],
    body="""
Letzten Sommer haben wir uns endlich getraut: eine Woche Sächsische Schweiz, mit Zelt, zwei Kindern (sieben und
zehn) und einem ziemlich vollen Kofferraum. Den ganzen Malerweg sind wir nicht gelaufen, das wäre mit den beiden zu
viel gewesen. Aber drei Etappen haben wir komplett geschafft, und die möchte ich euch heute vorstellen.

Vorweg: Der Malerweg ist kein Spaziergang. Es gibt viele Stufen, Leitern und ein paar Stellen, an denen man schon
mal die Hände braucht. Unsere Kinder fanden genau das großartig. Wer mit kleineren Kindern unterwegs ist, sollte
sich die Etappen aber vorher gut anschauen.

## Etappe 1: Liebethal bis Stadt Wehlen

Die erste Etappe ist mit gut elf Kilometern die perfekte Einstimmung. Los geht es im Liebethaler Grund an der
Wesenitz, vorbei am großen Richard-Wagner-Denkmal, das die Kinder erst einmal ausgiebig bestaunen mussten. Danach
führt der Weg durch den schattigen Uttewalder Grund.

Unser Tipp: Plant genug Zeit für Pausen am Wasser ein. Wir haben dort fast eine Stunde Steine in den Fluss
geworfen, und niemand hat sich beschwert.

## Etappe 2: Stadt Wehlen bis Hohnstein

Das ist die bekannteste Etappe, weil sie an der Bastei vorbeiführt. Und ja, es ist dort voll. Wir sind sehr früh
losgegangen und waren gegen halb neun an der Basteibrücke, da ging es noch. Auf dem Rückweg, gegen Mittag, standen
die Leute in Schlangen.

Landschaftlich ist die Etappe trotzdem ein Traum: die Schwedenlöcher mit ihren vielen Stufen, der Amselsee, der
Blick ins Polenztal. Mit knapp 13 Kilometern und einigen Höhenmetern war sie für unseren Jüngsten aber an der
Grenze.

Unsere Notfallstrategie: Gummibärchen, die es nur an jedem zehnten Wegweiser gibt. Funktioniert erstaunlich gut.

## Etappe 3: Hohnstein bis Altendorf

Unsere Lieblingsetappe! Sie ist etwas ruhiger, und unterwegs wartet der Brand mit seiner Aussichtsterrasse. Der
Abstieg über die Brandstufen ist lang, aber die Kinder haben die Stufen gezählt und waren sehr stolz, als wir unten
waren. Wie viele es genau sind, verrate ich nicht – zählt selbst!

Übernachtet haben wir auf einem Campingplatz im Tal. Entlang des Malerwegs gibt es einige Plätze, die man gut zu
Fuß erreicht. In der Hauptsaison lohnt es sich, vorher anzurufen.

## Anreise und Planung

Wir sind mit dem Auto angereist und haben es die ganze Woche am Campingplatz stehen lassen. Zu den Startpunkten der
Etappen sind wir mit Bus, S-Bahn und Fähre gefahren. Das hat gut geklappt und war für die Kinder schon ein kleines
Abenteuer. Die Fähre über die Elbe war für unseren Jüngsten ohnehin das Highlight des ganzen Urlaubs.

Jeden Abend haben wir uns die nächste Etappe gemeinsam auf der Karte angeschaut, und die Kinder durften aussuchen,
wo wir Pause machen. Das klingt nach einer Kleinigkeit, hat uns aber viel Gemecker erspart.

Ein Wort zum Wetter: Im August kann es in den Tälern sehr schwül werden. Wir sind deshalb immer früh losgegangen und
hatten mittags oft schon den größten Teil geschafft. Nachmittags ging es dann an den Badesee oder einfach in die
Hängematte.

## Was wir dabei hatten

- Wanderschuhe mit gutem Profil, auch für die Kinder
- zwei Liter Wasser pro Person und Tag
- Regenjacken (wir hatten einen Gewittertag)
- eine Wanderkarte im Maßstab 1:25.000, weil das Handynetz oft weg war
- Pflaster und Blasenpflaster

Würden wir es wieder machen? Auf jeden Fall. Nächstes Jahr wollen wir die Etappen auf der rechten Elbseite
angehen, dann mit etwas weniger Gepäck und hoffentlich ohne Gewitter.
""",
))

SITES["omas-backstube.de"] = dict(
    name="Omas Backstube", lang="de", skin="wp", theme="foodiepro", tagline="Backen wie früher – Rezepte mit Liebe",
    url="https://www.omas-backstube.de/rezept/{slug}/", ing_style="wprm", crumbs=True, crumb_home="Rezepte",
    nav=["Rezepte", "Kuchen", "Torten", "Brot & Brötchen", "Weihnachtsbäckerei", "Backschule", "Über mich"],
    note_tpl='<div class="wprm-recipe-notes-container"><div class="wprm-recipe-notes"><p>{t}</p></div></div>',
    cookie=dict(text="Wir verwenden Cookies, um unsere Website und unseren Service zu optimieren.",
                link="Datenschutzerklärung", buttons=["Akzeptieren", "Ablehnen", "Einstellungen anzeigen"],
                title="Cookie-Hinweis"),
    related_heading="Diese Rezepte könnten dir auch schmecken",
    most_read=("Beliebteste Rezepte", ["Omas Käsekuchen ohne Boden", "Bienenstich wie vom Bäcker",
                                       "Schneller Apfelkuchen vom Blech"]),
    share=dict(label="Rezept teilen:", buttons=["Pinterest", "Facebook", "WhatsApp", "Drucken"]),
    comments=dict(title="{n} Kommentare", form_title="Hinterlasse einen Kommentar", field="Kommentar",
                  fields=["Name *", "E-Mail *"], note="Deine E-Mail-Adresse wird nicht veröffentlicht.",
                  button="Kommentar senden", says="sagt:", date_fmt="{d}. {mon} {y} um {H}:{M}"),
    footer=dict(legal=["Impressum", "Datenschutz", "Rezeptindex", "Kontakt"], copy="© 2022 Omas Backstube"),
    date_fmt="{d}. {mon} {y}",
)

PAGES.append(dict(
    id="de-recipe-09", site="omas-backstube.de", kind="recipe", section="Kuchen",
    title="Saftiger Streuselkuchen vom Blech", author="Gisela Brandt", date="2022-09-10 08:00",
    tags=["Hefeteig", "Blechkuchen"],
    related=["Pflaumenkuchen mit Streuseln", "Butterkuchen nach Omas Art", "Zupfkuchen vom Blech"],
    comments=[("Renate", "2022-09-11 15:20", "Heute nachgebacken, ganz wie früher bei meiner Mutter. Die Streusel "
               "werden mit der kalten Butter wirklich schön grob!"),
              ("Tim", "2022-09-14 19:02", "Kann man den Teig auch am Vorabend machen und über Nacht in den "
                                          "Kühlschrank stellen?")],
    body="""
Streuselkuchen war der Kuchen meiner Kindheit. Bei meiner Oma stand er jeden Samstag auf dem Tisch, und die dicken
Streusel waren immer zuerst weg. Dieses Rezept habe ich über die Jahre ein wenig angepasst: Der Hefeteig bekommt
etwas mehr Milch und wird dadurch schön saftig.

Das Wichtigste bei Streuseln ist kalte Butter. Ist die Butter zu weich, wird aus den Streuseln ein glatter Teig.
Ich stelle die Schüssel mit den Streuseln deshalb immer noch eine Viertelstunde in den Kühlschrank, bevor sie auf
den Kuchen kommen.

[raw] <div class="wprm-recipe-container" id="wprm-recipe-container-2231"><div class="wprm-recipe
wprm-recipe-template-omas"><h2 class="wprm-recipe-name">Saftiger Streuselkuchen vom Blech</h2><div
class="wprm-recipe-rating">★★★★★ <span class="wprm-recipe-rating-details">4,8 von 57 Bewertungen</span></div><div
class="wprm-recipe-times-container"><span class="wprm-recipe-time">Vorbereitung: 30 Min.</span> <span
class="wprm-recipe-time">Backzeit: 30 Min.</span> <span class="wprm-recipe-time">Gehzeit: 1 Std. 15
Min.</span></div><a class="wprm-recipe-print" href="#">Rezept drucken</a> <a class="wprm-recipe-pin"
href="#">Pinnen</a>

### Zutaten für ein Backblech

### Für den Hefeteig

* 500 | g | Weizenmehl (Type 550)
* 1 | Würfel | frische Hefe (42 g)
* 250 | ml | lauwarme Milch
* 80 | g | Zucker
* 80 | g | weiche Butter
* 1 | | Ei
* 1 | Prise | Salz

### Für die Streusel

* 300 | g | Mehl
* 200 | g | Zucker
* 200 | g | kalte Butter
* 1 | TL | Zimt
* 1 | Päckchen | Vanillezucker

### Zum Bestreichen

* 2 | EL | Butter

### Zubereitung

+ Die Milch leicht erwärmen und die Hefe darin auflösen. Mehl, Zucker, Salz, Ei und weiche Butter dazugeben und alles
etwa fünf Minuten zu einem glatten Teig kneten.
+ Den Teig abgedeckt an einem warmen Ort etwa eine Stunde gehen lassen, bis sich sein Volumen verdoppelt hat.
+ Für die Streusel Mehl, Zucker, Vanillezucker und Zimt mischen. Die kalte Butter in Stückchen dazugeben und mit den
Fingern zu Streuseln verreiben. Kalt stellen.
+ Den Teig auf einem gefetteten Backblech ausrollen und noch einmal 15 Minuten gehen lassen. Dann mit der
geschmolzenen Butter bestreichen und die Streusel gleichmäßig darauf verteilen.
+ Im vorgeheizten Ofen bei 180 °C Ober- und Unterhitze etwa 25 bis 30 Minuten backen, bis die Streusel goldbraun sind.

[note] <strong>Tipp:</strong> Im Spätsommer schmeckt der Kuchen auch mit einer Schicht Pflaumen oder Äpfeln unter den
Streuseln.

[raw] <div class="wprm-recipe-footer"><span class="wprm-recipe-course">Gericht: Kuchen</span> <span
class="wprm-recipe-cuisine">Küche: Deutsch</span></div></div></div>

Guten Appetit und viel Spaß beim Nachbacken!
""",
))

SITES["kaffeemuehle-shop.de"] = dict(
    name="Kaffeemühle-Shop", lang="de", skin="shop", url="https://www.kaffeemuehle-shop.de/{slug}/{num}",
    topbar=["Kostenloser Versand ab 49 €", "Hotline: 0521 987 654 0 (Mo–Fr 9–17 Uhr)", "Hilfe & Kontakt"],
    nav=["Handmühlen", "Elektrische Mühlen", "Siebträger", "Filterkaffee", "Zubehör", "Kaffeebohnen", "Sale %"],
    actions=["Mein Konto", "Merkzettel", "Warenkorb (0)"], crumb_home="Home",
    cookie=dict(text="Diese Website verwendet Cookies, die für den Betrieb der Website notwendig sind, sowie Cookies "
                     "zu "
                "Analysezwecken. Weitere Informationen finden Sie in unserer Datenschutzerklärung.",
                buttons=["Nur technisch notwendige", "Konfigurieren", "Alle Cookies akzeptieren"]),
    related_heading="Kunden kauften auch",
    newsletter=dict(title="Newsletter abonnieren", text="Jetzt anmelden und 10 % Rabatt auf Ihre nächste Bestellung "
                                                        "sichern!",
                    button="Anmelden", label="Ihre E-Mail-Adresse"),
    footer=dict(cols=[("Service-Hotline", ["Kontaktformular", "Versand und Zahlung", "Rücksendung"]),
                      ("Informationen", ["Über uns", "Widerrufsrecht", "Kaffee-Blog"])],
                legal=["Impressum", "Datenschutz", "AGB", "Widerrufsbelehrung"],
                note="* Alle Preise inkl. gesetzl. Mehrwertsteuer zzgl. Versandkosten, wenn nicht anders beschrieben.",
                copy="© 2024 Kaffeemühle-Shop"),
    date_fmt="{dd}.{m}.{y}",
)

PAGES.append(dict(
    id="de-shop-10", site="kaffeemuehle-shop.de", kind="shop", section_path=["Handmühlen", "Kegelmahlwerk"],
    title="Handkaffeemühle Bergfeld H2 mit Kegelmahlwerk", author="", date="2024-02-01 10:00",
    related=["Bergfeld Reisebeutel für H2", "Feinwaage mit Timer, 0,1 g", "Handfilter Keramik Größe 02"],
    product=dict(brand="Bergfeld", stars="★★★★★ (23 Bewertungen)", price="89,90 €*",
                 tax="inkl. MwSt. zzgl. Versandkosten", delivery="Sofort verfügbar, Lieferzeit 1–3 Werktage",
                 options=[("Farbe", ["Graphit", "Silber", "Schwarz matt"])], qty="Menge", buy="In den Warenkorb",
                 usps=["Kostenloser Versand ab 49 €", "30 Tage Rückgaberecht", "Kauf auf Rechnung"],
                 sku="Artikelnummer: BF-H2-GR", tabs=["Beschreibung", "Bewertungen (23)", "Versand & Zahlung"],
                 desc_title="Produktinformationen „Handkaffeemühle Bergfeld H2 mit Kegelmahlwerk“",
                 reviews_title="Kundenbewertungen",
                 reviews=[("★★★★★", "Endlich gleichmäßiges Mahlgut",
                           "Benutze sie jeden Morgen für meinen Handfilter. Kein Vergleich zu meiner alten Mühle.",
                           "Markus T. am 03.02.2024"),
                          ("★★★★☆", "Gut, aber schwergängig bei Espresso",
                           "Für Filter top. Für Espresso braucht man etwas Kraft.", "Sandra K. am 17.01.2024")]),
    body="""
Die Bergfeld H2 ist eine Handmühle für alle, die ihren Kaffee frisch und gleichmäßig mahlen möchten, ohne Kabel und
ohne Lärm. Das Herzstück ist ein 38-Millimeter-Kegelmahlwerk aus gehärtetem Edelstahl, das die Bohnen gleichmäßig
zerkleinert, vom feinen Espressomehl bis zum groben Pulver für die French Press.

Der Mahlgrad lässt sich über ein Rad unter dem Mahlwerk in 40 Stufen einstellen. Jede Stufe rastet hörbar ein, so
findet man seine Lieblingseinstellung schnell wieder. Das Gehäuse aus Aluminium liegt gut in der Hand, und die lange
Kurbel sorgt dafür, dass auch 20 Gramm Bohnen in weniger als einer Minute gemahlen sind.

## Das zeichnet die H2 aus

- Kegelmahlwerk aus Edelstahl, 38 mm
- 40 Mahlgradstufen mit Rastung
- Fassungsvermögen: ca. 25 g Kaffeebohnen
- Gehäuse aus eloxiertem Aluminium, Griffring aus Walnussholz
- ohne Werkzeug zerlegbar, inklusive Reinigungspinsel

Zur Reinigung lässt sich die Mühle ohne Werkzeug zerlegen. Bitte das Mahlwerk nicht mit Wasser reinigen, sondern
nur mit dem beiliegenden Pinsel. So bleibt es lange scharf.

## Technische Daten

- Maße: 17 x 5 cm (ohne Kurbel)
- Gewicht: 520 g
- Lieferumfang: Mühle, Kurbel, Pinsel, Aufbewahrungsbeutel
""",
))

SITES["docs.datenfluss.dev"] = dict(
    name="datenfluss", lang="de", skin="docs", url="https://docs.datenfluss.dev/de/2.3/konfiguration/{slug}/",
    nav=["Einführung", "Anleitungen", "Konfiguration", "Referenz", "Changelog", "Community"],
    code_lang="toml", crumb_home="Dokumentation",
    note_tpl='<div class="admonition note"><p>{t}</p></div>',
    docs=dict(version="v2.3", search="Suche", repo="datenfluss/datenfluss",
              banner="datenfluss 3.0 ist als Beta verfügbar – jetzt testen und Feedback geben!",
              tree=[("Konfiguration", ["Projektdatei", "Quellen und Ziele", "Zeitzonen und Zeitstempel",
                                       "Umgebungsvariablen"]),
                    ("Betrieb", ["Zeitplan", "Protokolle", "Fehlersuche"])],
              toc="Inhalt dieser Seite", edit="Diese Seite bearbeiten", updated="Zuletzt aktualisiert: {d}. {mon} {y}",
              feedback=["War diese Seite hilfreich?", "Ja", "Nein"], prev=("Zurück", "Quellen und Ziele"),
              next=("Weiter", "Umgebungsvariablen")),
    cookie=dict(text="Diese Website verwendet Cookies zur anonymen "
                     "Reichweitenmessung.", buttons=["Akzeptieren", "Ablehnen"]),
    footer=dict(legal=["Impressum", "Datenschutz"], copy="Copyright © 2021–2024 Das datenfluss-Team"),
    date_fmt="{d}. {mon} {y}",
)

PAGES.append(dict(
    id="de-docs-11", site="docs.datenfluss.dev", kind="docs", section="Konfiguration",
    title="Zeitzonen und Zeitstempel", author="", date="2024-04-22 16:00",
    doc_title="Zeitzonen und Zeitstempel - datenfluss-Dokumentation",
    body="""
datenfluss speichert alle Zeitstempel intern in UTC. Beim Einlesen wandelt das Programm Zeitangaben aus den
Quelldaten um, beim Schreiben zurück in die Zeitzone des Ziels. Diese Seite beschreibt, wie Sie das Verhalten an
Ihre Daten anpassen.

## Standard-Zeitzone festlegen

Enthalten die Quelldaten Zeitangaben ohne Zeitzone, nimmt datenfluss die Zeitzone des Systems an. Das führt auf
Servern häufig zu Überraschungen, weil dort meist UTC eingestellt ist. Legen Sie die Zeitzone deshalb ausdrücklich
in der Projektdatei fest:

[code] default_timezone = "Europe/Berlin"

Die Einstellung gilt für alle Quellen des Projekts. Für einzelne Quellen können Sie sie überschreiben:

[code] sources.kasse.timezone = "Europe/Vienna"

[note] <strong>Hinweis:</strong> Ungültige Zeitzonennamen führen nicht zu einem Fehler, sondern zu einer Warnung;
datenfluss verwendet dann UTC.

## Sommerzeit

Bei der Umstellung von Sommer- auf Winterzeit gibt es eine Stunde, die doppelt vorkommt. Zeitangaben aus dieser
Stunde sind ohne weitere Information nicht eindeutig. datenfluss ordnet sie standardmäßig der ersten der beiden
Stunden zu. Wenn Ihre Quelle die Sommerzeit gesondert kennzeichnet, schalten Sie die Option <code>dst_flag</code> ein.

Zeitangaben, die es wegen der Umstellung im Frühjahr gar nicht gibt, etwa 2:30 Uhr am letzten Sonntag im März,
werden um eine Stunde verschoben und im Protokoll vermerkt.

## Zeitzone prüfen

Mit dem folgenden Befehl sehen Sie, welche Zeitzone für jede Quelle gilt:

[code] datenfluss config show --timezones

Die Ausgabe listet alle Quellen mit ihrer wirksamen Zeitzone und der Stelle, an der sie festgelegt wurde.

[note] <strong>Tipp:</strong> Setzen Sie in der CI-Umgebung <code>TZ=UTC</code>, damit Tests überall gleich laufen.
""",
))

SITES["rockstimmen.de"] = dict(
    name="Rockstimmen", lang="de", skin="wp", theme="soledad", tagline="Das Magazin für Hardrock und Heavy Metal",
    url="https://www.rockstimmen.de/{y}/{m}/{slug}/", cat_label=True,
    rank_tpl='<h3 class="ranking-item__title"><span class="ranking-item__rank">{n}</span> {name}</h3>',
    nav=["News", "Reviews", "Interviews", "Listen", "Konzerte", "Klassiker", "Shop"],
    cookie=dict(vendor="complianz", title="Wir brauchen deine Zustimmung",
                text="Wir und unsere Partner nutzen Cookies, um die Seite zu finanzieren und dir passende Werbung "
                     "anzuzeigen. Du kannst deine Einwilligung jederzeit widerrufen.",
                buttons=["Alles klar", "Nur notwendige", "Anpassen"]),
    related_heading="Ähnliche Beiträge",
    most_read=("Meistgelesen", ["Die 50 besten Metal-Alben der 80er", "Interview: Warum Bands wieder auf Vinyl setzen",
                                "Festivalsommer 2016: Alle Termine"]),
    share=dict(label="Teilen", buttons=["Facebook", "Twitter", "Reddit", "E-Mail"]),
    widgets=[("Die Liste", ["Plätze 100–91", "Plätze 90–81 (ab 12. Mai)", "Plätze 80–71 (ab 19. Mai)"])],
    comments=dict(title="{n} Kommentare", form_title="Antworten", field="Kommentar",
                  fields=["Name", "E-Mail", "Website"], note="Deine E-Mail-Adresse wird nicht veröffentlicht.",
                  button="Kommentar abschicken", says="sagt:", date_fmt="{dd}.{m}.{y} um {H}:{M}"),
    footer=dict(legal=["Impressum", "Datenschutz", "Werben auf Rockstimmen"], copy="© 2016 Rockstimmen.de"),
    date_fmt="{d}. {mon} {y}",
)

PAGES.append(dict(
    id="de-list-12", site="rockstimmen.de", kind="list", section="Listen",
    title="Die 100 größten Rockstimmen: Die Plätze 100 bis 91", author="Redaktion Rockstimmen",
    date="2016-05-05 12:00", echo=False,
    related=["Die 50 besten Gitarrensoli", "Unterschätzt: 20 Bands, die größer hätten werden müssen",
             "Die 100 größten Rockstimmen: Die Plätze 90 bis 81"],
    comments=[("Metalmaik", "2016-05-05 13:10", "Kiske nur auf 91? Da bin ich gespannt, wer noch vor ihm kommt."),
              ("Sabine_R", "2016-05-05 14:45", "Endlich mal jemand, der an Ray Gillen denkt!"),
              ("Ozzyfan", "2016-05-06 09:30", "Doro gehört mindestens in die Top 50.")],
    body="""
Wer ist die beste Stimme der Rockgeschichte? Über diese Frage lässt sich trefflich streiten, und genau das haben
wir in der Redaktion wochenlang getan. Herausgekommen ist eine Liste mit hundert Sängerinnen und Sängern, die uns
auf die eine oder andere Weise umgehauen haben. In den nächsten Wochen stellen wir sie in Zehnerschritten vor. Los
geht es mit den Plätzen 100 bis 91.

[rank] 100. | Ray Gillen

Viele kennen ihn nur als Fußnote in der Geschichte von Black Sabbath, bei denen er Mitte der Achtziger kurz am
Mikrofon stand. Dabei hat Gillen mit Badlands zwei der unterschätztesten Hardrock-Alben ihrer Zeit eingesungen.
Seine Stimme hatte Blues, Wucht und eine enorme Höhe. Er starb 1993, viel zu früh.

[rank] 99. | Mike Tramp

Der Däne war das Gesicht von White Lion und hatte mit „When the Children Cry“ eine der großen Balladen der späten
Achtziger. Seine Stimme ist nicht die kraftvollste auf dieser Liste, aber kaum jemand singt so warm und so ehrlich.

[rank] 98. | Tony Harnell

Mit TNT hat der Amerikaner den norwegischen Hardrock geprägt. Wer hören will, wie hoch und trotzdem sauber man
singen kann, legt am besten „Intuition“ auf.

[rank] 97. | Jeff Scott Soto

Soto ist so etwas wie der Profi unter den Rocksängern: Er sang auf den frühen Alben von Yngwie Malmsteen, bei
Talisman und eine Zeit lang sogar bei Journey. Egal in welcher Band, er klingt immer nach sich selbst.

[rank] 96. | Joe Lynn Turner

Rainbow in den frühen Achtzigern, später ein Album mit Deep Purple: Turner hat die melodische Seite des Hardrock
verkörpert wie kaum ein anderer. Seine Stimme ist geschmeidig, fast soulig.

[rank] 95. | Udo Dirkschneider

Schön ist anders, einzigartig ist sie allemal. Dirkschneiders Reibeisenstimme hat Accept unverwechselbar gemacht,
„Balls to the Wall“ wäre mit einem anderen Sänger nicht denkbar. Später ging er mit U.D.O. eigene Wege.

[ad] Anzeige

[rank] 94. | Sebastian Bach

Als Skid Row 1989 ihr Debüt veröffentlichten, war Bach gerade zwanzig Jahre alt. „18 and Life“ und „I Remember
You“ zeigen, was er konnte: brüllen wie ein Metal-Sänger und schmachten wie ein Balladenstar.

[rank] 93. | Doro Pesch

Die Düsseldorferin ist seit den Achtzigern die „Queen of Metal“. Mit Warlock hatte sie den Hit „All We Are“, und
bis heute füllt sie die Hallen. Ihre Stimme ist rau, kraftvoll und sofort zu erkennen.

[rank] 92. | Joey Tempest

Ja, „The Final Countdown“ kennt jeder. Aber wer Europe auf diesen einen Song reduziert, verpasst viel. Tempest
singt bis heute mit einer Leichtigkeit, um die ihn viele Kollegen beneiden.

[rank] 91. | Michael Kiske

Mit gerade einmal 18 Jahren stieg Kiske bei Helloween ein und sang die beiden „Keeper of the Seven Keys“-Alben ein.
Seine Höhen sind legendär und haben eine ganze Generation von Power-Metal-Sängern beeinflusst.

Nächste Woche geht es weiter mit den Plätzen 90 bis 81.

[raw] <div class="page-links"><span class="page-links-title">Seiten:</span> <span class="post-page-numbers
current">1</span> <a href="#" class="post-page-numbers">2</a> <a href="#" class="post-page-numbers">3</a> <a href="#"
class="post-page-numbers">Nächste Seite »</a></div>
""",
))

# --- Spanish ----------------------------------------------------------------------------------------------

SITES["diariopampeano.com.ar"] = dict(
    name="Diario Pampeano", lang="es", skin="wp", theme="jnews", tagline="Noticias de La Pampa y la región",
    url="https://www.diariopampeano.com.ar/{y}/{m}/{slug}/", cat_label=True,
    topbar=["Santa Rosa 31°C", "Dólar oficial", "Farmacias de turno", "Edición impresa"],
    nav=["Inicio", "Provincia", "Política", "Campo", "Policiales", "Deportes", "Espectáculos", "Clasificados"],
    labels={"skip": "Ir al contenido"},
    cookie=dict(text="Usamos cookies para mejorar tu experiencia. Si seguís navegando, consideramos que aceptás su "
                     "uso.",
                link="Más información", href="/privacidad", buttons=["Aceptar"]),
    related_heading="Noticias relacionadas",
    most_read=("Lo más leído", ["Choque en la ruta 35: dos heridos", "Se viene un fin de semana con calor extremo",
                                "All Boys ganó el clásico y sueña con el "
                                "ascenso", "Cortes de luz programados para el martes"]),
    share=dict(label="Compartí esta nota", buttons=["Facebook", "Twitter", "WhatsApp"]), share_top=True,
    teaser_tpl="<p><strong>{label}</strong> <a href=\"{href}\">{head}</a></p>",
    comments=dict(title="Comentarios", form_title="Dejá tu comentario", field="Comentario",
                  fields=["Nombre", "Email"], note="Los comentarios publicados son de exclusiva responsabilidad de "
                                                   "sus autores.",
                  button="Publicar", says="", date_fmt="{d} de {mon} de {y} a las {H}:{M}"),
    footer=dict(legal=["Staff", "Contacto", "Publicidad", "Política de privacidad"],
                copy="© 2023 Diario Pampeano – Todos los derechos reservados. Propiedad intelectual en trámite."),
    date_fmt="{d} de {mon} de {y}",
)

PAGES.append(dict(
    id="es-news-13", site="diariopampeano.com.ar", kind="news", section="Campo",
    title="La cosecha de trigo en el norte pampeano sería la mejor de los últimos cinco años",
    author="Martín Ferreyra", date="2023-12-12 10:40", echo=True, tags=["Trigo", "Cosecha fina", "Campo"],
    related=["El precio del gasoil vuelve a subir y preocupa a los contratistas rurales",
             "Productores piden arreglar los caminos vecinales antes de la cosecha gruesa",
             "Remate ganadero: la invernada volvió a subir"],
    comments=[("Rubén G.", "2023-12-12 12:05", "Ojalá se mantenga el clima. Por la zona de Quemú también vienen muy "
                                               "bien."),
              ("Silvina", "2023-12-12 18:30", "Buenos rindes pero con estos precios no sé si alcanza. Que alguien "
                                              "mire los fletes.")],
    body="""
Los productores del norte de La Pampa ya empezaron a levantar el trigo y los primeros números entusiasman. Según
los relevamientos de una cooperativa de la zona, los rindes promedio rondan los 32 quintales por hectárea, muy por
encima de los de la campaña pasada, cuando la sequía golpeó de lleno a toda la región.

“Hacía mucho que no veíamos lotes así”, contó Horacio Bellini, que siembra 600 hectáreas cerca de Dorila. “Las
lluvias de septiembre y octubre llegaron justo cuando el cultivo más las necesitaba”.

La cosecha avanza a buen ritmo. Hasta el fin de semana se había trillado alrededor del 35 % del área sembrada en el
departamento, y se espera que las máquinas terminen antes de las fiestas si el clima acompaña.

[teaser] Mirá también: | El precio del gasoil vuelve a subir y preocupa a los contratistas rurales

## Buenos rindes, precios flojos

No todo son buenas noticias. El precio internacional del trigo está lejos de los valores de hace dos años, y los
productores advierten que los costos de los fletes y los insumos se llevan buena parte de la ganancia.

“Con estos rindes los números cierran, pero justito”, resumió Bellini. Muchos productores optan por guardar parte
del grano en silobolsas a la espera de mejores precios en el primer trimestre.

Los contratistas, por su parte, trabajan a contrarreloj. La falta de camiones en algunas zonas genera demoras en la
entrega a los acopios, y en las rutas provinciales se ven largas filas de equipos que se trasladan de un lote a
otro.

## Qué pasa con la cosecha gruesa

Con la humedad acumulada, las expectativas también son buenas para el maíz y el girasol, que ya están sembrados en
buena parte de la provincia. Los técnicos recomiendan, sin embargo, monitorear los lotes de maíz con frecuencia por
la chicharrita, la plaga que preocupa a los productores del norte del país.
""",
))

SITES["elcorreodelvalle.es"] = dict(
    name="El Correo del Valle", lang="es", skin="news", body_cls="article-body",
    tagline="Diario independiente de la comarca desde 1987", url="https://www.elcorreodelvalle.es/{sec}/{slug}-{num}.html",
    nav=["Portada", "Comarca", "Provincia", "Deportes", "Cultura", "Opinión", "Esquelas", "Hemeroteca"],
    actions=["Suscríbete", "Iniciar sesión"],
    cookie=dict(vendor="onetrust", title="Tu privacidad es importante para nosotros",
                text="Nosotros y nuestros socios almacenamos o accedemos a información en un dispositivo, tales como "
                     "cookies, y procesamos datos personales, tales como identificadores únicos e información estándar "
                     "enviada por un dispositivo, para anuncios y contenido personalizados, medición de anuncios y del "
                     "contenido e información sobre el público, así como para desarrollar y mejorar productos.",
                link="Política de cookies", buttons=["Aceptar y cerrar", "Configuración", "Rechazar todo"]),
    related_heading="Te puede interesar",
    most_read=("Lo más visto", ["Cortada la carretera del puerto por obras hasta el viernes",
                                "El instituto celebra sus 50 años con una exposición",
                                "Muere a los 92 años el último alcalde de la transición"]),
    share=dict(label="Compartir", buttons=["Facebook", "X", "WhatsApp", "Telegram", "Copiar enlace"]),
    newsletter=dict(title="Boletín diario", text="Recibe cada mañana las noticias más importantes de la comarca.",
                    button="Suscribirme", small="Al suscribirte aceptas la política de privacidad."),
    footer=dict(cols=[("El Correo del Valle", ["Quiénes somos", "Contacto", "Publicidad", "Trabaja con nosotros"])],
                legal=["Aviso legal", "Política de privacidad", "Política de cookies", "Configuración de cookies"],
                copy="© Ediciones del Valle S.L. Todos los derechos reservados."),
    byline_fmt="{author}", date_fmt="{dd}/{m}/{y} - {H}:{M}h", updated_fmt="Actualizado a las {H}:{M}h",
    teaser_tpl='<div class="related-inline"><span class="related-inline__label">{label}</span> <a '
               'href="{href}">{head}</a></div>',
    ad_tpl='<div class="publi"><span>{t}</span></div>',
    fig_tpl='<figure class="media"><img src="{src}" alt="{alt}"><figcaption><span class="media__caption">{cap}</span> '
            '<span class="media__author">{credit}</span></figcaption></figure>',
)

PAGES.append(dict(
    id="es-news-14", site="elcorreodelvalle.es", kind="news", section="Comarca", kicker="SEQUÍA",
    title="Los embalses bajan del 30 % y la comarca prepara nuevas restricciones de agua",
    dek="La mancomunidad aprobará el jueves la prohibición de llenar piscinas y límites al riego de jardines.",
    author="Lucía Sanmartín", date="2024-01-23 08:15", updated="2024-01-23 12:40",
    related=["Los regantes piden ayudas urgentes para salvar la campaña", "¿Cuánta agua gasta una familia al día?",
             "El Ayuntamiento cierra las fuentes ornamentales"],
    body="""
Los embalses que abastecen a la comarca han bajado por primera vez este invierno del 30 % de su capacidad. Según los
datos publicados este lunes por la confederación hidrográfica, las reservas se sitúan en el 29,4 %, casi diez
puntos menos que hace un año y muy lejos de la media de la última década para estas fechas.

La falta de lluvias desde el pasado otoño ha agravado una situación que ya era delicada. En diciembre apenas se
recogieron 12 litros por metro cuadrado en el observatorio de la capital comarcal, frente a los más de 60 que se
consideran normales.

[fig] El embalse, a finales de enero, con la antigua ermita ya fuera del agua. | Foto: L. S.

## Restricciones a partir de febrero

Ante este panorama, la mancomunidad de aguas celebrará el jueves una reunión extraordinaria para aprobar un nuevo
paquete de medidas. El borrador, al que ha tenido acceso este periódico, prevé reducir la presión en la red durante
la noche, prohibir el llenado de piscinas privadas y limitar el riego de jardines y zonas verdes a dos días por
semana.

Los ayuntamientos también deberán cerrar las fuentes ornamentales y reducir el baldeo de calles. Las duchas de las
playas fluviales no se abrirán en primavera.

> «No queremos alarmar a nadie, pero tenemos que actuar ahora para no tener que cortar el suministro en verano»,
> explicó el presidente de la mancomunidad, Javier Ortuño.

Por ahora, el consumo doméstico no se verá afectado más allá de la bajada de presión nocturna. Sin embargo, la
mancomunidad no descarta restricciones horarias si la situación no mejora antes de abril.

[ad] Publicidad

## El campo, el más afectado

Los agricultores son los que más están sufriendo la sequía. Los regantes de la vega ya saben que esta campaña
recibirán, como mucho, un tercio de su dotación habitual. Muchos han decidido no sembrar los cultivos de verano que
más agua necesitan, como el maíz.

«Llevamos tres años malos seguidos. Hay explotaciones que no aguantan otro», lamentó Carmen Villaescusa, portavoz de
la comunidad de regantes. La organización ha pedido ayudas urgentes y una rebaja en las tarifas del agua.

Los ganaderos, por su parte, tienen que comprar forraje porque los pastos están secos. El precio de la paja se ha
disparado en las últimas semanas.

## Un invierno sin nieve

La situación se agrava porque en las sierras apenas ha nevado este invierno. La nieve acumulada en las cumbres
funciona como una reserva que alimenta los ríos en primavera, cuando se derrite poco a poco. Sin ella, los técnicos
temen que los embalses no se recuperen aunque llueva en marzo.

«Necesitaríamos un mes de lluvias suaves y continuas, que empapen el suelo. Una tormenta fuerte no sirve de mucho,
porque el agua corre y se pierde», explicaba esta semana un ingeniero de la confederación.

## Pozos y nuevas conexiones

A medio plazo, la mancomunidad estudia recuperar dos pozos que dejaron de usarse en los años noventa y conectar la
red comarcal con la de la capital provincial. Ambas obras requerirían financiación autonómica y no estarían listas
antes de 2026.

Mientras tanto, la recomendación a los vecinos es clara: cerrar el grifo mientras se friegan los platos o se
cepillan los dientes, poner la lavadora solo con carga completa y revisar las cisternas, responsables de buena parte
de las pérdidas de agua en los hogares.
""",
))

PAGES.append(dict(
    id="es-news-15", site="elcorreodelvalle.es", kind="news", section="Comarca", kicker="COMERCIO",
    title="El mercado de abastos reabre tras ocho meses de obras",
    author="Redacción", date="2024-02-02 13:30", echo=True,
    related=["Los comerciantes del centro piden más aparcamiento", "La feria de San Blas vuelve a la plaza mayor"],
    body="""
El mercado de abastos ha vuelto a abrir sus puertas este viernes después de ocho meses de obras. A primera hora de
la mañana ya había cola en la pescadería y en los puestos de fruta.

La reforma, que ha costado 1,3 millones de euros, ha renovado por completo la cubierta, la instalación eléctrica y
el sistema de frío. Los 24 puestos tienen ahora el mismo mobiliario y se ha habilitado una zona de degustación con
mesas junto a la entrada principal.

«Era necesario. En verano no se podía estar aquí dentro», reconocía Rosa, que lleva más de treinta años vendiendo
embutidos en el mercado.

No todos los comerciantes han vuelto. Tres puestos siguen vacíos y el ayuntamiento sacará a concurso su
adjudicación en las próximas semanas.

El nuevo horario es de lunes a sábado de 8.00 a 14.30 horas. Los jueves y viernes el mercado abrirá también por la
tarde, de 17.30 a 20.30.
""",
))

SITES["tiendaverde.es"] = dict(
    name="Tienda Verde", lang="es", skin="shop", url="https://www.tiendaverde.es/producto/{slug}",
    topbar=["Envío gratis a partir de 40 €", "Atención al cliente: 910 000 000"],
    nav=["Cocina", "Baño", "Hogar", "Bebés", "Cosmética natural", "Packs regalo", "Outlet"],
    actions=["Mi cuenta", "Favoritos", "Carrito (0)"], crumb_home="Inicio",
    cookie=dict(title="Este sitio web utiliza cookies",
                text="Utilizamos cookies propias y de terceros para analizar nuestros servicios y mostrarte publicidad "
                     "relacionada con tus preferencias en base a un perfil elaborado a partir de tus hábitos de "
                     "navegación. Puedes obtener más información y configurar tus preferencias.",
                buttons=["Aceptar todas", "Rechazar", "Configurar"]),
    related_heading="También te puede gustar",
    newsletter=dict(title="Únete a la comunidad verde", text="Suscríbete y consigue un 10 % de descuento en tu primer "
                                                             "pedido.",
                    button="Quiero mi descuento"),
    footer=dict(cols=[("Ayuda", ["Envíos", "Devoluciones", "Preguntas frecuentes"]),
                      ("Tienda Verde", ["Nuestra historia", "Blog", "Tiendas físicas"])],
                legal=["Aviso legal", "Condiciones de venta", "Privacidad", "Cookies"],
                copy="© 2024 Tienda Verde · Hecho con cariño en Valencia"),
    date_fmt="{d}/{m}/{y}",
)

PAGES.append(dict(
    id="es-shop-16", site="tiendaverde.es", kind="shop", section_path=["Cocina", "Botellas y termos"],
    title="Botella térmica de acero inoxidable 750 ml con tapón de bambú", author="", date="2024-03-10 10:00",
    related=["Fiambrera de acero inoxidable 1 l", "Pajitas de acero (pack de 4)", "Funda de neopreno para botella"],
    product=dict(brand="", stars="★★★★☆ 4,6 (87 opiniones)", price="24,95 €", tax="IVA incluido",
                 delivery="Envío en 24/48 h laborables", options=[("Color", ["Verde salvia", "Negro", "Arena"])],
                 qty="Cantidad", buy="Añadir al carrito",
                 usps=["Envío gratis a partir de 40 €", "Devoluciones gratuitas en 30 días", "Pago 100 % seguro"],
                 sku="Ref.: TV-BT750-BAM", tabs=["Descripción", "Opiniones (87)", "Envíos y devoluciones"],
                 desc_title="Descripción", reviews_title="Opiniones de clientes",
                 reviews=[("★★★★★", "Perfecta para el trabajo", "El agua sigue fría por la tarde. Muy contenta.",
                           "Laura M. – 12/02/2024"),
                          ("★★★☆☆", "Bonita pero pesa", "Cumple, aunque es más pesada de lo que esperaba.",
                           "Jorge P. – 28/01/2024")]),
    body="""
Nuestra botella térmica mantiene tus bebidas frías durante 24 horas y calientes durante 12. Está fabricada en acero
inoxidable 18/8 de doble pared con aislamiento al vacío, sin BPA y sin recubrimientos interiores, así que no deja
sabores ni olores.

El tapón de bambú natural cierra de forma hermética gracias a una junta de silicona alimentaria. Puedes llevarla en
la mochila sin miedo a que gotee.

## Características

- Capacidad: 750 ml
- Acero inoxidable 18/8 de doble pared
- Tapón de bambú con junta de silicona
- Mantiene el frío 24 h y el calor 12 h
- Peso: 390 g

## Cuidados

Lávala a mano con agua tibia y un poco de jabón. No la metas en el lavavajillas ni en el congelador. El tapón de
bambú es un material natural: sécalo bien después de cada lavado para que te dure años.

Por cada botella vendida plantamos un árbol junto a una asociación de reforestación de la sierra.
""",
))

SITES["cuadernodehuerta.com"] = dict(
    name="Cuaderno de huerta", lang="es", skin="blogger", body_mode="br", br_cls="post-text",
    tagline="Un huerto urbano en cuatro metros cuadrados", url="https://www.cuadernodehuerta.com/{y}/{m}/{slug}.html",
    nav=["Inicio", "Sobre mí", "Calendario de siembra", "Contacto"],
    posted_by="Publicado por", at="a las", comment_link="{n} comentarios", labels_label="Etiquetas:",
    pager={"newer": "Entrada más reciente", "older": "Entrada antigua", "home": "Página principal"},
    profile=("Datos personales", "Maestra de primaria, aprendiz de hortelana y amante de los tomates feos."),
    most_read=("Entradas populares", ["Cómo hacer compost en un balcón", "Lechugas todo el año: mi calendario",
                                      "Aromáticas que sobreviven al verano"]),
    widgets=[("Archivo del blog", ["► 2024 (3)", "▼ 2023 (14)", "► 2022 (21)"])],
    share=dict(label="", buttons=["Enviar por correo electrónico", "Escribe un blog", "Compartir en X",
                                  "Compartir con Facebook", "Compartir en Pinterest"]),
    comments=dict(title="{n} comentarios:", form_title="Publicar un comentario", field="Introduce tu comentario...",
                  fields=[], button="Publicar", says="dijo...", date_fmt="{d} de {mon} de {y}, {H}:{M}"),
    cookie=dict(text="Este sitio utiliza cookies de Google para prestar sus servicios y analizar su tráfico. Tu "
                     "dirección IP y user-agent se comparten con Google, junto con las métricas de rendimiento y de "
                     "seguridad, para garantizar la calidad del servicio, generar estadísticas de uso y detectar y "
                     "solucionar abusos.", buttons=["Más información", "Entendido"]),
    footer=dict(legal=[], copy="Tema Sencillo. Con la tecnología de Blogger."),
    date_fmt="{wd}, {d} de {mon} de {y}",
)

PAGES.append(dict(
    id="es-blog-17", site="cuadernodehuerta.com", kind="blog", title="Tomates en el balcón: lo que aprendí en mi "
                                                                     "primer año",
    author="Marta", date="2024-02-18 19:45", tags=["tomates", "huerto urbano", "macetas"],
    comments=[("Anónimo", "2024-02-18 21:10", "¡Qué bien explicado! Yo este año me animo con los cherry."),
              ("Pepa del 3º", "2024-02-19 09:02", "Lo de los chupones no lo sabía. Gracias Marta."),
              ("Marta", "2024-02-19 10:30", "¡Gracias a vosotras! Ya me contaréis qué tal.")],
    body="""
El año pasado, por fin, me animé a plantar tomates en el balcón. Tengo un balcón pequeño, orientado al sur, de apenas
cuatro metros cuadrados, y la verdad es que no tenía muchas esperanzas. Al final recogí más de seis kilos de tomates
de tres plantas. No está mal para una principiante, ¿no?

Os cuento lo que hice y, sobre todo, los errores que no pienso repetir.

### Las macetas, cuanto más grandes, mejor

Mi primer error fue usar macetas de 10 litros. Las plantas crecían, pero en cuanto llegó el calor de julio había que
regarlas dos veces al día y aun así se ponían mustias por la tarde. A mitad de temporada las pasé a macetas de 30
litros y el cambio fue enorme.

### Variedades que funcionan en maceta

No todas las variedades se adaptan igual. Las que mejor me han ido son los tomates cherry y una variedad de tomate
pera de crecimiento determinado, que no se hace tan alta. El corazón de buey que planté por capricho dio solo cuatro
frutos, eso sí, enormes.

### Riego y abono

En pleno verano regaba cada mañana temprano, y desde julio añadía un poco de abono líquido para tomates cada dos
semanas. Lo importante es regar la tierra y no las hojas, para evitar hongos.

También aprendí a quitar los chupones, esos brotes que salen entre el tallo y las ramas. Si los dejas, la planta se
llena de hojas y da menos fruta.

### Lo que haré distinto este año

- Empezar los semilleros en febrero, no en abril
- Poner un tutor firme desde el principio
- Acolchar la tierra con paja para que no se seque tan rápido

Este año ya tengo los semilleros en marcha. En unas semanas os cuento cómo van.
""",
))

# --- Polish -----------------------------------------------------------------------------------------------

SITES["kurierznadbystrzycy.pl"] = dict(
    name="Kurier znad Bystrzycy", lang="pl", skin="news", body_cls="article-content",
    url="https://kurierznadbystrzycy.pl/{sec}/{slug},{num}", today_fmt="{wd}, {d} {mon} {y}",
    nav=["Wiadomości", "Miasto", "Region", "Sport", "Kultura", "Praca", "Ogłoszenia", "Pogoda"],
    actions=["Zaloguj się", "Kup subskrypcję"],
    cookie=dict(title="Szanujemy Twoją prywatność",
                text="Używamy plików cookies i podobnych technologii, aby zapewnić prawidłowe działanie serwisu, "
                     "analizować ruch oraz dopasowywać treści i reklamy do Twoich zainteresowań. Klikając "
                     "„Akceptuję”, wyrażasz zgodę na przetwarzanie danych przez nas i naszych partnerów. Zgodę możesz "
                     "wycofać w każdej chwili w ustawieniach prywatności.",
                link="Polityka prywatności", buttons=["Akceptuję", "Ustawienia zaawansowane", "Odrzuć"]),
    related_heading="Czytaj także",
    most_read=("Najczęściej czytane", ["Wypadek na obwodnicy. Utrudnienia w kierunku Warszawy",
                                       "Nowe mieszkania przy ulicy Polnej. Znamy ceny",
                                       "Festiwal smaków wraca na Stare Miasto"]),
    share=dict(label="Udostępnij", buttons=["Facebook", "X", "Messenger", "E-mail"]),
    newsletter=dict(title="Bądź na bieżąco",
                    text="Zapisz się na newsletter i otrzymuj najważniejsze informacje z miasta prosto na swoją "
                         "skrzynkę.",
                    button="Zapisz się", small="Administratorem Twoich danych osobowych jest wydawca serwisu."),
    footer=dict(legal=["Regulamin", "Polityka prywatności", "Kontakt", "Reklama", "Redakcja"],
                copy="© 2023 Kurier znad Bystrzycy. Wszelkie prawa zastrzeżone."),
    byline_fmt="{author}", date_fmt="{dd}.{m}.{y}, {H}:{M}",
    teaser_tpl='<p class="also"><strong>{label}</strong> <a href="{href}">{head}</a></p>',
    ad_tpl='<div class="adv"><span class="adv__label">{t}</span></div>',
)

PAGES.append(dict(
    id="pl-news-18", site="kurierznadbystrzycy.pl", kind="news", section="Miasto",
    title="Nowa linia trolejbusowa połączy Zielone Wzgórza z dworcem. Pierwsze kursy we wrześniu",
    dek="Przejazd z osiedla do dworca ma trwać około 25 minut. Zmieni się też trasa autobusu linii 31.",
    author="Agnieszka Wróbel", date="2023-06-14 07:30", echo=True, tags=["komunikacja miejska", "trolejbusy", "ZTM"],
    related=["Remont ulicy Lipowej. Od poniedziałku duże utrudnienia dla kierowców",
             "Bilety miejskie zdrożeją od stycznia?", "Rowery miejskie wróciły na stacje"],
    body="""
Od września mieszkańcy Zielonych Wzgórz będą mogli dojechać trolejbusem bezpośrednio do dworca głównego. Zarząd
Transportu Miejskiego przedstawił we wtorek trasę nowej linii nr 162 i wstępny rozkład jazdy.

Trolejbusy mają kursować co 12 minut w szczycie i co 20 minut poza nim. Przejazd z pętli przy ulicy Jaśminowej do
dworca ma trwać około 25 minut. Dla porównania autobus linii 31, z którego dziś korzysta większość mieszkańców
osiedla, jedzie tą samą trasą nawet 40 minut, bo omija centrum szerokim łukiem.

[teaser] Zobacz także: | Remont ulicy Lipowej. Od poniedziałku duże utrudnienia dla kierowców

## Sieć trakcyjna prawie gotowa

Budowa sieci trakcyjnej na odcinku od ronda przy Jaśminowej do ulicy Kolejowej dobiega końca. Wykonawca zawiesił już
przewody na większości trasy, a w lipcu mają się rozpocząć próby techniczne. Koszt inwestycji to ok. 48 mln zł, z
czego 85 proc. pokrywają fundusze unijne.

> – To jedna z najważniejszych inwestycji komunikacyjnych ostatnich lat. Osiedle, na którym mieszka dziś ponad 20
> tysięcy osób, zyska wreszcie szybkie połączenie z centrum i z koleją – mówił na konferencji prasowej zastępca
> prezydenta miasta Paweł Jędrzejczyk.

Na nowej linii będą jeździć pojazdy z dodatkowymi bateriami, które pozwalają pokonać kilka kilometrów bez zasilania
z sieci. Dzięki temu trolejbusy będą mogły objechać ewentualne utrudnienia i dojechać do zajezdni nawet przy awarii.

[ad] Reklama

## Co z autobusem linii 31?

Wraz z uruchomieniem trolejbusu zmieni się trasa linii 31. Autobusy nie będą już wjeżdżać na osiedle od strony
ulicy Leśnej, za to obsłużą nowe bloki przy ulicy Polnej, gdzie dziś nie ma żadnej komunikacji miejskiej.

Nie wszystkim mieszkańcom się to podoba. Część osób starszych obawia się, że będzie miała dalej do przystanku. ZTM
zapowiada konsultacje społeczne w tej sprawie. Uwagi można zgłaszać do końca lipca przez formularz na stronie
internetowej zarządu lub w punktach obsługi pasażerów.

Ostateczny rozkład jazdy ma zostać opublikowany w połowie sierpnia.
""",
))

SITES["podhale-info.pl"] = dict(
    name="Podhale Info", lang="pl", skin="wp", theme="newsup", tagline="Wiadomości z Zakopanego i okolic",
    url="https://podhale-info.pl/{slug}/", cookie_pos="top",
    nav=["Zakopane", "Gminy", "Tatry", "Sport", "Kultura", "Wydarzenia", "Ogłoszenia", "Kontakt"],
    cookie=dict(vendor="complianz", title="Zarządzaj zgodą na pliki cookie",
                text="Aby zapewnić jak najlepsze wrażenia, korzystamy z technologii, takich jak pliki cookie, do "
                     "przechowywania i/lub uzyskiwania dostępu do informacji o urządzeniu.",
                buttons=["Akceptuję", "Odmów", "Zobacz preferencje"]),
    related_heading="Podobne wpisy", crumb_title=True,
    most_read=("Popularne", ["Kolejka na Kasprowy wstrzymana z powodu wiatru", "Korki na zakopiance. Jak ominąć?",
                             "Schronisko w Dolinie Chochołowskiej po remoncie"]),
    share=dict(label="Podziel się:", buttons=["Facebook", "Twitter", "WhatsApp"]),
    widgets=[("Pogoda w Zakopanem", ["Prognoza na 7 dni"]), ("Kamery", ["Kasprowy Wierch", "Morskie Oko", "Krupówki"])],
    comments=dict(title="{n} komentarze", form_title="Dodaj komentarz", field="Komentarz",
                  fields=["Nazwa*", "E-mail*"], note="Twój adres e-mail nie zostanie opublikowany.",
                  button="Opublikuj komentarz", says="pisze:", date_fmt="{d} {mon} {y} o {H}:{M}"),
    footer=dict(legal=["O nas", "Kontakt", "Polityka prywatności", "Regulamin"],
                copy="© 2024 Podhale Info | Wszystkie prawa zastrzeżone"),
    date_fmt="{d} {mon} {y}",
)

PAGES.append(dict(
    id="pl-news-19", site="podhale-info.pl", kind="news", section="Tatry",
    title="Trzeci stopień zagrożenia lawinowego w Tatrach. Ratownicy apelują o rozwagę",
    author="Redakcja", date="2024-02-10 11:20",
    related=["Jak przygotować się do zimowej wędrówki? Poradnik", "Skiturowiec zabłądził we mgle. Akcja ratunkowa"],
    comments=[("góral_z_Kościeliska", "2024-02-10 12:01", "Co roku to samo, a ludzie i tak idą w adidasach."),
              ("Kasia", "2024-02-10 14:37", "Dziękujemy ratownikom za ich pracę!")],
    body="""
Po intensywnych opadach śniegu i silnym wietrze ratownicy podnieśli w sobotę rano zagrożenie lawinowe w Tatrach do
trzeciego stopnia w pięciostopniowej skali. W wyższych partiach gór spadło w ciągu doby nawet 50 centymetrów śniegu.

Ratownicy ostrzegają przede wszystkim przed nawianym śniegiem na stokach o wystawie północnej i wschodniej. Lawiny
mogą tam wyzwolić nawet pojedynczy narciarze lub turyści.

> – Apelujemy o rezygnację z wyjść w wysokie partie Tatr. Jeśli ktoś już musi iść, niech ma ze sobą detektor, sondę
> i łopatę i umie się nimi posługiwać – powiedział dyżurny ratownik.

Przypominamy, że zimą część szlaków może być zamknięta, a warunki w górach zmieniają się z godziny na godzinę.
Przed wyjściem warto sprawdzić aktualny komunikat lawinowy.

W sobotę po południu ratownicy interweniowali już dwukrotnie. W rejonie Kasprowego Wierchu pomocy potrzebował
skiturowiec, który zabłądził we mgle, a w Dolinie Pięciu Stawów turystka doznała urazu nogi. Obie osoby
przetransportowano do szpitala w Zakopanem.

Według prognoz opady mają ustać w niedzielę wieczorem, jednak zagrożenie lawinowe utrzyma się zapewne przez kilka
dni.
""",
))

SITES["bizneswskrocie.pl"] = dict(
    name="Biznes w Skrócie", lang="pl", skin="news", body_cls="art-body", tagline="Gospodarka, finanse, "
                                                                                  "przedsiębiorczość",
    url="https://bizneswskrocie.pl/{sec}/{slug}-{num}", cookie_pos="bottom",
    nav=["Gospodarka", "Finanse", "Firma", "Podatki", "Energetyka", "Nieruchomości", "Praca", "Technologie"],
    actions=["Zaloguj się", "Subskrypcja"],
    cookie=dict(vendor="cookiebot", title="Ta strona korzysta z plików cookie",
                text="Wykorzystujemy pliki cookie do spersonalizowania treści i reklam, aby oferować funkcje "
                     "społecznościowe i analizować ruch w naszej witrynie.",
                buttons=["Odmowa", "Zezwól na wybór", "Zezwól na wszystkie"]),
    related_heading="Zobacz także",
    most_read=("Najpopularniejsze", ["Płaca minimalna 2024. Ile dostaniemy na rękę?",
                                     "Ceny mieszkań w górę. Nowe dane", "ZUS przypomina o terminie"]),
    share=dict(label="", buttons=["Udostępnij", "Tweetnij", "LinkedIn"]), share_top=True,
    newsletter=dict(title="Newsletter „Biznes o poranku”", text="Codziennie o 7:00 najważniejsze wiadomości "
                                                                "gospodarcze w pigułce.",
                    button="Zapisz mnie"),
    article_note="Masz temat? Napisz do nas: redakcja@bizneswskrocie.pl",
    footer=dict(cols=[("Biznes w Skrócie", ["O nas", "Reklama", "Kariera"])],
                legal=["Regulamin", "Polityka prywatności", "Ustawienia cookies"],
                copy="Copyright © 2023 Biznes w Skrócie sp. z o.o."),
    byline_fmt="{author}", date_fmt="{dd}.{m}.{y} {H}:{M}", updated_fmt="Aktualizacja: {H}:{M}",
)

PAGES.append(dict(
    id="pl-news-20", site="bizneswskrocie.pl", kind="news", section="Energetyka", kicker="Energetyka",
    title="Małe firmy wciąż odczuwają wysokie ceny energii. Co trzecia odkłada inwestycje",
    author="Tomasz Zieliński", date="2023-10-03 09:00", updated="2023-10-03 11:45",
    tags=["ceny energii", "MŚP", "fotowoltaika"],
    related=["Fotowoltaika dla firm. Ile kosztuje i kiedy się zwraca?",
             "Ceny prądu w 2024 roku. Co wiemy?", "Bon energetyczny: kto może skorzystać"],
    body="""
Choć ceny prądu na rynku hurtowym wyraźnie spadły w porównaniu z rekordowym 2022 rokiem, małe firmy wciąż płacą za
energię znacznie więcej niż przed kryzysem. Z ankiety przeprowadzonej przez Fundację Przedsiębiorczości Lokalnej
wśród 1200 mikro- i małych przedsiębiorstw wynika, że co trzecie z nich odłożyło w tym roku planowane inwestycje.

Najczęściej chodzi o zakup nowych maszyn i modernizację lokali. Przedsiębiorcy tłumaczą, że rachunki za energię
pochłaniają pieniądze, które wcześniej przeznaczali na rozwój.

## Piekarnie i warsztaty najbardziej dotknięte

Najtrudniej mają branże, w których zużycie energii jest wysokie, a marże niskie. W ankiecie najgorzej swoją
sytuację oceniają piekarnie, pralnie, zakłady stolarskie i warsztaty samochodowe. W tych grupach ponad połowa firm
przyznała, że podniosła ceny usług, a co piąta ograniczyła godziny pracy.

> – Mamy dwa piece i chłodnię. Rachunek za prąd jest dziś wyższy niż czynsz za lokal – mówi właściciel piekarni z
> okolic Radomia, który prosił o zachowanie anonimowości.

Część firm ratuje się inwestycjami we własne źródła energii. Co dziesiąta ankietowana firma zamontowała w ostatnich
dwóch latach panele fotowoltaiczne, a kolejne 15 proc. planuje to zrobić. Barierą jest jednak koszt instalacji i
długi czas oczekiwania na przyłączenie do sieci.

## Umowy zawarte w szczycie cen

Problemem są też umowy podpisane jesienią 2022 roku, gdy ceny były najwyższe. Wiele małych firm zawarło wtedy
kontrakty na dwa lub trzy lata i dziś nie może skorzystać ze spadków cen. Eksperci radzą, aby dokładnie sprawdzić
warunki umowy i zapytać sprzedawcę o możliwość renegocjacji.

– Sprzedawcy często zgadzają się na zmianę warunków, jeśli klient jest gotów przedłużyć umowę. Warto o to pytać,
zanim podejmie się decyzję o zmianie dostawcy – radzi doradca energetyczny Tomasz Kubiak.

## Czego oczekują przedsiębiorcy

Ankietowani oczekują przede wszystkim przewidywalności. Ponad 60 proc. z nich uważa, że częste zmiany przepisów
dotyczących cen maksymalnych utrudniają planowanie. Przedsiębiorcy postulują też uproszczenie procedur przy
dofinansowaniu instalacji fotowoltaicznych i magazynów energii dla małych firm.

Fundacja zapowiada, że podobne badanie powtórzy wiosną, aby sprawdzić, czy sytuacja się poprawia.
""",
))

SITES["planszomaniak.pl"] = dict(
    name="Planszomaniak", lang="pl", skin="wp", theme="generatepress", tagline="Blog o grach planszowych",
    url="https://planszomaniak.pl/{slug}/", cat_label=True,
    rank_tpl='<h2 class="wp-block-heading">{n} {name}</h2>',
    nav=["Recenzje", "Rankingi", "Dla dzieci", "Imprezowe", "Kooperacyjne", "Kontakt"],
    cookie=dict(text="Ta strona używa ciasteczek (cookies), dzięki którym może działać lepiej.",
                link="Dowiedz się więcej", buttons=["Rozumiem", "Ustawienia"]),
    related_heading="Może Cię zainteresować",
    most_read=("Najnowsze wpisy", ["Recenzja: Wyspa Skye", "Gry dla dwojga – nasze typy",
                                   "Jak przechowywać karty? Koszulki i pudełka"]),
    share=dict(label="Udostępnij ranking:", buttons=["Facebook", "Pinterest", "E-mail"]),
    newsletter=dict(title="Planszówkowy newsletter", text="Recenzje, zapowiedzi i promocje raz w tygodniu.",
                    button="Zapisuję się!"),
    comments=dict(title="{n} komentarzy", form_title="Dodaj komentarz", field="Komentarz",
                  fields=["Imię*", "E-mail*"], note="Twój adres e-mail nie zostanie opublikowany.",
                  button="Opublikuj komentarz", says="napisał(a):", date_fmt="{d} {mon} {y}"),
    footer=dict(legal=["Polityka prywatności", "Współpraca", "Kontakt"],
                copy="© 2022 Planszomaniak.pl – blog o grach planszowych"),
    date_fmt="{d} {mon} {y}",
)

PAGES.append(dict(
    id="pl-list-21", site="planszomaniak.pl", kind="list", section="Rankingi",
    title="Ranking: 10 gier planszowych na długie zimowe wieczory", author="Bartek", date="2022-11-24 18:00",
    echo=True, tags=["ranking", "gry rodzinne"],
    related=["Ranking: 7 najlepszych gier kooperacyjnych", "Gry planszowe na prezent do 100 zł"],
    comments=[("Ania", "2022-11-24 20:14", "Azul i Splendor to u nas klasyka. Dopisałabym jeszcze Wsiąść do Pociągu: "
                                           "Polska."),
              ("Krzysiek", "2022-11-25 08:40", "Everdell na drugim miejscu? Odważnie, ale się zgadzam.")],
    body="""
Za oknem ciemno już o szesnastej, więc to idealny czas, żeby wyciągnąć z szafy planszówki. Przygotowaliśmy ranking
gier, które sprawdzą się zarówno w gronie rodziny, jak i znajomych. Są tu tytuły proste, do wytłumaczenia w pięć
minut, ale też kilka nieco bardziej wymagających.

[rank] 10. | Splendor

Zbieramy klejnoty, kupujemy kopalnie i przyciągamy uwagę szlachciców. Zasady są bardzo proste, a rozgrywka trwa
około 30 minut. Świetna gra na początek przygody z planszówkami.

[rank] 9. | Carcassonne

Klasyk, który nie starzeje się od lat. Gracze dokładają kafelki i budują średniowieczną krainę z miastami, drogami
i klasztorami. Dzięki dodatkom można ją rozbudowywać niemal bez końca.

[raw] <div class="affiliate-box"><a href="#" class="btn btn-affiliate" rel="sponsored">Sprawdź cenę w sklepie
»</a></div>

[rank] 8. | Dixit

Gra skojarzeń z przepięknymi ilustracjami. Idealna na imprezy i do zabawy z dziećmi, bo nie wymaga liczenia. Najwięcej
radości daje w gronie osób, które dobrze się znają.

[rank] 7. | Wsiąść do Pociągu

Budujemy trasy kolejowe przez cały kontynent i staramy się zrealizować tajne zadania. Wersja z mapą Europy to jedna
z najczęściej polecanych gier rodzinnych.

[rank] 6. | Azul

Układamy kolorowe płytki, ozdabiając ściany pałacu. Azul wygląda niewinnie, ale potrafi być zaskakująco złośliwy,
gdy przeciwnik zostawi nam same niepotrzebne kafelki.

[raw] <div class="affiliate-box"><a href="#" class="btn btn-affiliate" rel="sponsored">Sprawdź cenę w sklepie
»</a></div>

[rank] 5. | Tajniacy

Dwie drużyny, dwóch szefów wywiadu i siatka słów. Trzeba tak podpowiadać swoim agentom, żeby nie trafili na
zabójcę. Gra działa najlepiej w większej grupie, od sześciu osób wzwyż.

[rank] 4. | 7 Cudów Świata

Rozwijamy starożytną cywilizację i budujemy jeden z cudów świata. Gra pozwala zagrać nawet w siedem osób, a partia i
tak trwa niewiele ponad pół godziny, bo wszyscy wykonują ruchy jednocześnie.

[rank] 3. | Pandemia

Zamiast walczyć ze sobą, gracze wspólnie ratują świat przed czterema chorobami. Kooperacja sprawia, że to dobra
propozycja dla osób, które nie lubią rywalizacji.

[rank] 2. | Everdell

Urocza gra o zwierzątkach budujących miasto w lesie. Trzeba dobrze planować, bo karty i surowce szybko się kończą.
Jest odrobinę trudniejsza od pozostałych tytułów na liście, ale warto poświęcić jej jeden wieczór na naukę.

[rank] 1. | Catan

Na pierwszym miejscu nie mogło zabraknąć gry, od której wielu z nas zaczynało. Handel surowcami, budowa dróg i osad
oraz wieczne negocjacje o owcę sprawiają, że każda partia jest inna. To gra, która łączy pokolenia.

[raw] <div class="affiliate-box"><a href="#" class="btn btn-affiliate" rel="sponsored">Sprawdź cenę w sklepie
»</a></div>

Wszystkie gry z naszego rankingu są dostępne w polskich wersjach językowych.
""",
))

SITES["biegamzpsem.pl"] = dict(
    name="Biegam z psem", lang="pl", skin="wp", theme="astra", tagline="Canicross, bikejoring i psie przygody",
    url="https://biegamzpsem.pl/{slug}/", crumbs=False,
    nav=["Start", "Canicross", "Sprzęt", "Zawody", "O nas", "Współpraca"],
    cookie=dict(vendor="borlabs", title="Ustawienia prywatności",
                text="Używamy plików cookie na naszej stronie. Niektóre z nich są niezbędne, podczas gdy inne pomagają "
                     "nam ulepszyć tę witrynę i Twoje doświadczenia.",
                buttons=["Akceptuję", "Akceptuję tylko niezbędne pliki cookie", "Indywidualne ustawienia prywatności"]),
    related_heading="Przeczytaj również",
    author_box="Biegaczka, behawiorystka w trakcie nauki i opiekunka najbardziej upartej suczki na świecie.",
    widgets=[("Kategorie", ["Canicross", "Sprzęt", "Zdrowie psa", "Zawody"]), ("Instagram", ["@biegamzpsem"])],
    share=dict(label="Udostępnij:", buttons=["Facebook", "Pinterest", "WhatsApp"]),
    comments=dict(title="{n} odpowiedzi na „{title}”", form_title="Dodaj komentarz", field="Komentarz *",
                  fields=["Nazwa *", "E-mail *", "Witryna internetowa"],
                  note="Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
                  button="Opublikuj komentarz", says="pisze:", date_fmt="{d} {mon} {y} o {H}:{M}"),
    footer=dict(legal=["Polityka prywatności", "Kontakt"], copy="© 2022 Biegam z psem · Motyw: Astra"),
    date_fmt="{d} {mon} {y}",
)

PAGES.append(dict(
    id="pl-blog-22", site="biegamzpsem.pl", kind="blog", section="Canicross",
    title="Canicross dla początkujących: jak zacząć biegać z psem", author="Ola Nowicka", date="2022-04-19 19:00",
    related=["Jakie szelki do canicrossu? Test pięciu modeli", "Pierwsze zawody – jak się przygotować"],
    comments=[("Magda", "2022-04-20 07:55", "Super wpis! Mój border collie ma 10 miesięcy, więc jeszcze poczekamy."),
              ("Ola Nowicka", "2022-04-20 09:12", "Dokładnie, cierpliwości! Na razie spacery i nauka komend."),
              ("Piotr", "2022-04-22 21:30", "A co z bieganiem po asfalcie zimą? Czy buty dla psa mają sens?")],
    body="""
Kiedy trzy lata temu adoptowałam Fredę, mieszankę husky z czymś bliżej nieokreślonym, szybko zrozumiałam, że zwykłe
spacery jej nie wystarczą. Tak zaczęła się nasza przygoda z canicrossem, czyli bieganiem z psem przypiętym do pasa.
Dziś startujemy w zawodach, ale początki wcale nie były łatwe.

W tym wpisie zebrałam wszystko, co chciałabym wiedzieć, zanim po raz pierwszy wyszłyśmy razem na trasę.

## Czy mój pies się nadaje?

Canicross nie jest tylko dla psów zaprzęgowych. Biegać może właściwie każdy zdrowy, dorosły pies średniej lub dużej
wielkości. Szczenięta powinny poczekać, aż zakończy się ich wzrost, zwykle to około 12–18 miesięcy. Przed
rozpoczęciem treningów warto odwiedzić weterynarza i sprawdzić stawy.

## Sprzęt, bez którego nie ruszysz

- szelki biegowe dopasowane do psa (nie obroża!)
- pas biodrowy dla biegacza
- linka z amortyzatorem o długości ok. 2 metrów
- woda i składana miska

Na szelkach nie warto oszczędzać. Źle dopasowane potrafią obetrzeć psa już po kilku kilometrach.

## Pierwsze treningi

Zaczynajcie od krótkich odcinków, najlepiej na miękkim podłożu: leśnej ścieżce albo szutrze. Asfalt jest niezdrowy
dla psich łap, a latem dodatkowo się nagrzewa. Pierwsze tygodnie to bardziej nauka komend niż bieganie. My
zaczynałyśmy od „naprzód”, „stój” i „w prawo/w lewo”.

Ważne jest też, żeby pies biegł przed nami, a nie obok. Na początku pomaga druga osoba, która biegnie kawałek przed
psem i zachęca go do ruchu.

## Kiedy nie biegać

W upały trzeba bardzo uważać. Psy przegrzewają się znacznie szybciej niż ludzie. Przy temperaturze powyżej 20
stopni ograniczamy treningi do wczesnego poranka albo rezygnujemy z nich całkiem.

Po treningu zawsze sprawdzam łapy Fredy i daję jej czas na odpoczynek. I pamiętajcie: to ma być przyjemność dla was
obojga.
""",
))

# --- French -----------------------------------------------------------------------------------------------

SITES["lechodesvallees.fr"] = dict(
    name="L'Écho des Vallées", lang="fr", skin="drupal", tagline="L'actualité du Haut-Pays au quotidien",
    url="https://www.lechodesvallees.fr/{sec}/{slug}", nav_label="Navigation principale",
    nav=["Actualité", "Communes", "Sports", "Agenda", "Économie", "Faits divers", "Nécrologie", "Annonces légales"],
    cookie=dict(title="Vos choix concernant l'utilisation de cookies",
                text="Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies similaires pour "
                     "stocker et accéder à des informations personnelles comme votre visite sur ce site. Vous pouvez "
                     "retirer votre consentement ou vous opposer aux traitements basés sur l'intérêt légitime à tout "
                     "moment en cliquant sur « En savoir plus » ou dans notre politique de confidentialité sur ce "
                     "site.",
                buttons=["Accepter & Fermer", "Continuer sans accepter", "En savoir plus"]),
    crumb_title=True, related_heading="À lire aussi",
    most_read=("Les plus lus", ["Accident sur la départementale : un motard grièvement blessé",
                                "La fête du pain revient à Montclar", "Déviation : ce qui change à partir de lundi"]),
    share=dict(label="Partager l'article", buttons=["Facebook", "X", "LinkedIn", "E-mail"]),
    newsletter=dict(title="Recevez notre newsletter", text="Chaque matin, l'essentiel de l'actualité de votre vallée.",
                    button="Je m'inscris"),
    footer=dict(legal=["Mentions légales", "Politique de confidentialité", "Gestion des cookies", "CGU", "Contact"],
                copy="© L'Écho des Vallées 2024 – Tous droits réservés"),
    byline_fmt="Par {author}", date_fmt="Publié le {wd} {d} {mon} {y} à {H}h{M}",
)

PAGES.append(dict(
    id="fr-news-23", site="lechodesvallees.fr", kind="news", section="Communes",
    title="Fermeture d'une classe à Saint-Martin-des-Prés : les parents se mobilisent",
    dek="Près de 80 personnes se sont rassemblées mardi devant l'école primaire pour protester contre la suppression "
        "d'un poste à la rentrée.",
    author="Claire Bonnefoy", date="2024-02-06 17:20", tags=["Éducation", "Carte scolaire"],
    related=["Carte scolaire : douze fermetures de classes annoncées dans le département",
             "Cantine : la commune passe au bio et au local"],
    body="""
Ils étaient près de 80, parents, élus et enseignants, rassemblés ce mardi matin devant l'école primaire de
Saint-Martin-des-Prés. En cause : la fermeture d'une classe annoncée pour la rentrée de septembre par la direction
académique.

Avec 71 élèves inscrits l'an prochain selon les prévisions de l'inspection, l'école passerait de quatre à trois
classes. « Cela veut dire des classes à trois niveaux, avec plus de 25 enfants. Pour les plus petits, c'est une
catastrophe », dénonce Émilie Garnier, représentante des parents d'élèves.

## Des effectifs contestés

Les parents contestent surtout les chiffres retenus par l'administration. Selon eux, plusieurs familles doivent
s'installer dans la commune d'ici l'été, notamment dans le nouveau lotissement des Tilleuls, dont les premières
maisons seront livrées en juin. « On nous parle de 71 élèves, nous en comptons au moins 78 », assure Émilie Garnier.

Le maire, Bernard Rouquette, soutient la mobilisation. Il rappelle que la commune a investi l'an dernier près de
200 000 euros dans la rénovation énergétique de l'école et l'équipement numérique des classes. « Fermer une classe
maintenant, c'est envoyer un très mauvais signal aux familles qui hésitent à venir s'installer chez nous. »

La direction académique, de son côté, explique que la carte scolaire tient compte de la baisse démographique
générale dans le département, qui a perdu plus de 1 500 élèves en cinq ans dans le premier degré.

[fig] Les banderoles ont été accrochées aux grilles de l'école mardi matin. | Photo L'Écho des Vallées/C. B.

## Une pétition en ligne

Une pétition a été lancée la semaine dernière et a déjà recueilli plus de 900 signatures. Les parents envisagent
aussi d'occuper l'école symboliquement un soir par semaine, sans perturber les cours.

Une délégation doit être reçue le 15 février par l'inspectrice d'académie. Le comité départemental de l'Éducation
nationale se prononcera définitivement début mars.

En attendant, les banderoles resteront accrochées aux grilles de l'école.
""",
))

SITES["ouestmatin.fr"] = dict(
    name="Ouest Matin", lang="fr", skin="news", body_cls="article-body", url="https://www.ouestmatin.fr/{sec}/{slug}-{num}",
    topbar=["Journal numérique", "Météo", "Avis de décès", "Jeux"],
    nav=["Bretagne", "Finistère", "Morbihan", "Côtes-d'Armor", "France-Monde", "Sports", "Loisirs", "Services"],
    actions=["S'abonner", "Se connecter"],
    cookie=dict(title="Ouest Matin respecte votre vie privée",
                text="Nous et nos partenaires utilisons des cookies pour mesurer l'audience, vous proposer des "
                     "contenus "
                     "et des publicités personnalisés et améliorer votre expérience sur le site.",
                link="Politique de confidentialité", buttons=["Accepter", "Refuser", "Paramétrer"]),
    related_heading="Sur le même sujet",
    most_read=("Les plus lus en Bretagne", ["Tempête : les écoles fermées vendredi dans trois départements",
                                            "Brest : la rocade nord bloquée après un accident",
                                            "Le prix du gazole repasse sous 1,80 €"]),
    share=dict(label="", buttons=["Partager", "Tweeter", "Envoyer"], cls="share-bar"),
    newsletter=dict(title="Newsletter Bretagne", text="L'actualité bretonne chaque soir à 18 h.", button="S'inscrire"),
    article_note="Cet article vous a été utile ? Sachez que vous pouvez suivre Ouest Matin dans l'espace Mon Actu.",
    footer=dict(cols=[("Ouest Matin", ["Le journal", "Nous contacter", "Recrutement", "Publicité"])],
                legal=["Mentions légales", "Données personnelles", "Cookies", "Accessibilité : non conforme"],
                copy="© Ouest Matin – 2023"),
    byline_fmt="{author}", date_fmt="Publié le {dd}/{m}/{y} à {H}h{M}", updated_fmt="Modifié le {dd}/{m}/{y} à {H}h{M}",
    teaser_tpl='<div class="encart-lire-aussi"><span>{label}</span> <a href="{href}">{head}</a></div>',
)

PAGES.append(dict(
    id="fr-news-24", site="ouestmatin.fr", kind="news", section="Finistère", kicker="Tempête",
    title="Après la tempête, les pêcheurs de Port-Kervel comptent les dégâts",
    author="Yann Le Goff", date="2023-11-03 19:05", updated="2023-11-03 21:40", echo=True,
    thumb=("Au petit matin, plusieurs pontons arrachés flottaient au milieu du bassin.", "Ouest Matin"),
    related=["Tempête : plus de 40 000 foyers toujours privés d'électricité dans le département",
             "Catastrophe naturelle : comment faire sa demande ?"],
    body="""
Les vents ont dépassé 150 km/h dans la nuit de jeudi à vendredi sur la pointe. Au petit matin, les marins de
Port-Kervel ont découvert un port méconnaissable : pontons arrachés, casiers éparpillés sur les quais et deux bateaux
coulés à leur amarrage.

« Trente ans que je pêche ici, je n'avais jamais vu ça », souffle Loïc Tanguy, debout devant la coque retournée de
son caseyeur. Comme une dizaine de ses collègues, il ne pourra pas reprendre la mer avant plusieurs semaines.

[teaser] À lire aussi : | Tempête : plus de 40 000 foyers toujours privés d'électricité dans le département

## Un port à reconstruire

La capitainerie estime qu'un tiers des pontons devra être remplacé. Le chiffrage précis n'est pas encore connu, mais
le président du syndicat mixte du port évoque « plusieurs centaines de milliers d'euros ». Des plongeurs sont
intervenus vendredi pour sécuriser les épaves et limiter les fuites de carburant.

Pour les pêcheurs, la perte de matériel s'ajoute aux jours sans revenus. Beaucoup de casiers, qui coûtent près de
100 euros pièce, ont été emportés par la houle.

## La solidarité s'organise

Dès vendredi après-midi, des habitants sont venus prêter main-forte pour ramasser les débris sur les quais. Le comité
des pêches a ouvert une cellule d'écoute et promet d'accompagner les professionnels dans leurs démarches auprès des
assurances.

La préfecture a annoncé qu'elle demanderait la reconnaissance de l'état de catastrophe naturelle pour les communes
les plus touchées. Les dossiers doivent être déposés en mairie.
""",
))

SITES["lecourrierdurhone.fr"] = dict(
    name="Le Courrier du Rhône", lang="fr", skin="wp", theme="newspaper", tagline="Lyon et sa métropole",
    url="https://www.lecourrierdurhone.fr/{sec}/{slug}/", cat_label=True, reading_time="Lecture : {n} min",
    nav=["Actu", "Sortir", "Culture", "Food", "Sport", "Immobilier", "Bons plans"],
    cookie=dict(vendor="complianz", title="Gérer le consentement aux cookies",
                text="Pour offrir les meilleures expériences, nous utilisons des technologies telles que les cookies "
                     "pour stocker et/ou accéder aux informations des appareils.",
                buttons=["Accepter", "Refuser", "Voir les préférences"]),
    related_heading="Vous aimerez aussi",
    most_read=("Tendances", ["Les meilleures terrasses de l'été", "Fête de la musique : le programme",
                             "Nouveau : un marché de nuit sur les quais"]),
    share=dict(label="Partagez :", buttons=["Facebook", "WhatsApp", "E-mail"]),
    newsletter=dict(title="Sorties du week-end", text="Chaque jeudi, nos idées de sorties à "
                                                      "Lyon.", button="Je m'abonne"),
    footer=dict(legal=["Mentions légales", "Confidentialité", "Contact", "Annoncer"],
                copy="Le Courrier du Rhône © 2023. Tous droits réservés."),
    date_fmt="{d} {mon} {y}",
)

PAGES.append(dict(
    id="fr-news-25", site="lecourrierdurhone.fr", kind="news", section="Sortir",
    title="Cinéma en plein air : 14 séances gratuites cet été dans les parcs lyonnais",
    author="Inès Moreau", date="2023-06-20 16:00", echo=True,
    related=["Les guinguettes ouvrent leurs portes sur les berges", "Festival de quartier : trois jours de concerts "
                                                                    "gratuits"],
    body="""
Le cinéma revient dans les parcs cet été. Du 5 juillet au 25 août, la Ville propose 14 séances gratuites en plein
air, dans neuf parcs et jardins de l'agglomération.

La programmation mêle films familiaux, classiques et films récents. Les projections commencent à la tombée de la
nuit, vers 22 heures, et sont précédées d'animations pour les enfants dès 20 heures.

Quelques dates à retenir :

- 5 juillet, parc de la Tête d'Or : « Les Vacances de M. Hulot »
- 12 juillet, parc de Gerland : « Le Roi Lion »
- 26 juillet, jardin des Chartreux : « Le Fabuleux Destin d'Amélie Poulain »
- 9 août, parc Blandan : « Paddington 2 »
- 23 août, parc de la Cerisaie : « Les Choristes »

Il est conseillé d'apporter une couverture ou un transat : les chaises ne sont pas fournies. En cas de pluie, les
séances sont annulées, l'information étant publiée le jour même à 17 heures.

Aucune réservation n'est nécessaire.
""",
))

SITES["carnetdevelo.fr"] = dict(
    name="Carnet de vélo", lang="fr", skin="wp", theme="twentytwentyone", tagline="Récits et conseils de bikepacking",
    url="https://carnetdevelo.fr/{y}/{m}/{slug}/", crumbs=False,
    nav=["Accueil", "Récits", "Matériel", "Itinéraires", "À propos"],
    cookie=dict(text="Ce site utilise des cookies pour améliorer votre expérience. Vous pouvez les refuser si vous le "
                     "souhaitez.",
                buttons=["J'accepte", "Je refuse", "Paramètres"]),
    related_heading="Articles similaires",
    postnav=("Quelles sacoches pour débuter le bikepacking ?", "Le Jura à vélo : premier repérage"),
    share=dict(label="Partager :", buttons=["Facebook", "Pinterest", "E-mail"]),
    widgets=[("Catégories", ["Bikepacking", "Matériel", "Récits", "Jura", "Alpes"]),
             ("Archives", ["juillet 2022", "juin 2022", "mai 2022"])],
    comments=dict(title="{n} réflexions sur « {title} »", form_title="Laisser un commentaire", field="Commentaire *",
                  fields=["Nom *", "E-mail *", "Site web"],
                  note="Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
                  button="Laisser un commentaire", says="dit :", date_fmt="{d} {mon} {y} à {H} h {M} min"),
    footer=dict(legal=["Mentions légales", "Contact"], copy="© 2022 Carnet de vélo – Fièrement propulsé par WordPress"),
    date_fmt="{d} {mon} {y}",
)

PAGES.append(dict(
    id="fr-blog-26", site="carnetdevelo.fr", kind="blog", section="Récits",
    title="Trois jours de bikepacking dans le Vercors : notre itinéraire", author="Julien", date="2022-07-02 18:00",
    tags=["Vercors", "gravel", "bivouac"],
    related=["Bivouac : ce qu'on emporte vraiment", "Le Jura à vélo : premier repérage"],
    comments=[("Sophie", "2022-07-03 09:15", "Super récit ! Vous aviez quelle largeur de pneus pour les pistes du "
                                             "plateau ?"),
              ("Julien", "2022-07-03 12:40", "Merci Sophie ! Du 45 mm, et c'était parfait.")],
    body="""
Cela faisait deux ans qu'on en parlait avec Camille : partir quelques jours en autonomie complète, vélo chargé, sans
réserver d'hôtel. Fin juin, on a enfin sauté le pas avec une boucle de trois jours dans le Vercors, au départ de
Grenoble. Voici notre itinéraire, nos erreurs et nos bons plans.

## Jour 1 : Grenoble – Villard-de-Lans (45 km)

On part de la gare de Grenoble en fin de matinée, après avoir vérifié une dernière fois les sacoches. La sortie de
la ville est un peu pénible, mais dès qu'on attaque la montée vers Saint-Nizier, la circulation se calme.

La montée est longue, surtout avec 15 kilos de bagages. On fait une pause aux Trois Pucelles, d'où la vue sur
Grenoble et la chaîne de Belledonne est superbe.

Arrivée à Villard-de-Lans vers 18 heures. On plante la tente dans un camping à la sortie du village, on mange une
énorme assiette de ravioles et au lit.

## Jour 2 : Villard-de-Lans – Vassieux-en-Vercors (52 km)

C'est la plus belle journée du voyage. On quitte les routes pour des chemins forestiers à travers les hauts
plateaux. Le gravel prend tout son sens : pistes roulantes, sous-bois, prairies à perte de vue.

Petite frayeur en milieu de journée : un orage éclate alors qu'on est en plein plateau, loin de tout abri. On
attend que ça passe, accroupis à l'écart des arbres isolés. Conseil pour la suite : toujours regarder la météo de
l'après-midi en montagne, même quand le ciel est bleu le matin.

À Vassieux, on visite le Mémorial de la Résistance avant de rejoindre une aire de bivouac. La soirée est fraîche, à
peine 8 degrés. Heureusement, on avait pris les doudounes.

## Jour 3 : Combe Laval et retour en train (48 km)

On rejoint le col de la Machine, puis on plonge dans la route de Combe Laval, taillée à flanc de falaise. Les
tunnels ne sont pas tous éclairés : une lampe avant puissante est indispensable. En bas, on file vers
Saint-Marcellin, où un TER nous ramène à Grenoble.

Au total : 145 km, environ 2 800 mètres de dénivelé positif, zéro crevaison et beaucoup de fromage.

[raw] <div class="wp-block-file"><a href="/gpx/vercors-3-jours.gpx">Télécharger la trace GPX</a><a
href="/gpx/vercors-3-jours.gpx" class="wp-block-file__button" download>Télécharger</a></div>

## Notre matériel

On roulait tous les deux sur des vélos de gravel avec des pneus de 45 mm, largement suffisants pour les pistes du
plateau. Pour les bagages : une sacoche de selle, une sacoche de cadre et un petit sac de guidon chacun, plus un sac
à dos léger pour l'eau.

Côté couchage, une tente deux places de 1,3 kg, deux matelas gonflables et des sacs de couchage confort 5 °C. Avec
le recul, c'était un peu juste pour la nuit à Vassieux.

## Ce qu'on referait différemment

- Partir plus léger : on n'a jamais utilisé le réchaud
- Prévoir plus d'eau sur les plateaux, les points d'eau sont rares
- Réserver le camping à Villard-de-Lans en haute saison

On a déjà hâte de repartir. Prochaine destination envisagée : le Jura, à l'automne.
""",
))

SITES["jardiforum.fr"] = dict(
    name="JardiForum", lang="fr", skin="forum", body_mode="br", br_cls="postcontent",
    tagline="Le forum des jardiniers amateurs", url="https://www.jardiforum.fr/viewtopic.php?t={num}",
    nav=["FAQ", "Règles du forum", "S'enregistrer", "Connexion"],
    forum=dict(crumbs=["Accueil du forum", "Potager", "Maladies et ravageurs"], re="Re: ", by="par",
               date_fmt="{wd} {d} {mon} {y} {H}:{M}", quote="Citer", top="Haut", reply="Répondre",
               count="{n} messages • Page 1 sur 1", back="Retourner vers « Maladies et ravageurs »",
               online=("Qui est en ligne ?", "Utilisateurs parcourant ce forum : Aucun utilisateur inscrit et 3 "
                                             "invités")),
    related_heading="Sujets similaires",
    cookie=dict(text="En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de "
                     "cookies.", buttons=["OK"]),
    footer=dict(legal=["Nous contacter", "Supprimer les cookies du forum", "Mentions légales"],
                copy="Développé par phpBB® Forum Software © phpBB Limited – Traduit par phpBB-fr.com"),
    date_fmt="{d} {mon} {y}",
)

PAGES.append(dict(
    id="fr-forum-27", site="jardiforum.fr", kind="forum",
    title="Feuilles de tomates qui jaunissent par le bas : mildiou ou carence ?",
    author="potager_du_42", date="2023-07-04 18:42", echo=False,
    profile=["Messages : 212", "Inscription : mars 2016", "Localisation : Loire (42)"],
    signature="Mon potager en photos : voir mon album",
    related=["Mildiou : traitement bio qui marche ?", "Tomates : fleurs qui tombent sans donner de fruits"],
    replies=[("Jacotte", "2023-07-04 19:20", "Bonsoir Michel,<br><br>Ce que tu décris ressemble plutôt à une carence "
              "en magnésium : jaunissement entre les nervures, qui commence par les vieilles feuilles. Le mildiou "
              "donne des taches brunes qui s'étendent vite.<br><br>Tu peux essayer un peu de sulfate de magnésium "
              "dilué dans l'arrosoir.", ["Messages : 3 408", "Inscription : avril 2009"]),
             ("lebiojardinier", "2023-07-04 21:05", "Oui, et enlève les feuilles du bas qui touchent le sol, ça aère "
                                                    "et ça "
              "limite les maladies. Un paillage aide aussi.", ["Messages : 87", "Inscription : juin 2021"]),
             ("potager_du_42", "2023-07-05 08:10", "Merci à vous deux ! Je teste le magnésium ce soir et je vous "
                                                   "dirai.",
              ["Messages : 212", "Inscription : mars 2016"])],
    body="""
Bonjour à tous,

Je cultive des tomates depuis une dizaine d'années dans mon jardin près de Saint-Étienne, et c'est la première fois
que j'ai ce problème. Depuis une semaine, les feuilles du bas de mes plants jaunissent, puis sèchent. Cela commence
par le bord des feuilles et remonte petit à petit vers le haut de la plante.

Il n'y a pas de taches brunes ni de duvet blanc sous les feuilles, donc je ne pense pas au mildiou, mais je peux me
tromper. Les fruits, eux, ont l'air en bonne santé pour l'instant.

Quelques infos :

- variétés : Cœur de bœuf et Saint-Pierre
- plantées mi-mai en pleine terre, avec du compost
- arrosage au pied tous les deux jours, le soir
- pas d'engrais depuis la plantation

Est-ce que ça pourrait être une carence en azote ou en magnésium ? Faut-il enlever les feuilles touchées ? J'ai mis
deux photos dans mon album si ça peut aider.

Merci d'avance pour vos conseils !

Michel
""",
))

# --- Italian ----------------------------------------------------------------------------------------------

SITES["ilgiornaledelleprealpi.it"] = dict(
    name="Il Giornale delle Prealpi", lang="it", skin="news", body_cls="testo-articolo",
    url="https://www.ilgiornaledelleprealpi.it/{sec}/{slug}-{num}", today_fmt="{wd} {d} {mon} {y}",
    nav=["Cronaca", "Politica", "Economia", "Sport", "Cultura", "Valli", "Necrologie"],
    actions=["Abbonati", "Accedi"],
    cookie=dict(title="Informativa",
                text="Noi e terze parti selezionate utilizziamo cookie o tecnologie simili per finalità tecniche e, "
                     "con "
                     "il tuo consenso, anche per altre finalità come specificato nella cookie policy. Il rifiuto del "
                     "consenso può rendere non disponibili le relative funzioni.",
                link="cookie policy", buttons=["Rifiuta", "Accetta", "Scopri di più e personalizza"]),
    related_heading="Leggi anche",
    most_read=("I più letti", ["Incidente sulla statale, chiusa per due ore", "Sagra della polenta: il programma",
                               "Nuovo parcheggio in centro, via ai lavori"]),
    share=dict(label="Condividi", buttons=["Facebook", "X", "WhatsApp", "E-mail"]),
    newsletter=dict(title="Iscriviti alla newsletter",
                    text="Le notizie della tua provincia ogni mattina nella tua casella di posta.", button="Iscriviti"),
    footer=dict(legal=["Chi siamo", "Contatti", "Pubblicità", "Privacy policy", "Cookie policy"],
                copy="© 2024 Il Giornale delle Prealpi - P.IVA 01234567890 - Tutti i diritti riservati"),
    byline_fmt="di {author}", date_fmt="{d} {mon} {y} {H}:{M}",
    ad_tpl='<div class="banner-box"><p class="banner-label">{t}</p></div>',
)

PAGES.append(dict(
    id="it-news-28", site="ilgiornaledelleprealpi.it", kind="news", section="Valli", kicker="Trasporti",
    title="Ferrovia, tre mesi di lavori sulla linea della valle: treni sostituiti da bus fino a settembre",
    dek="Chiusura dal 10 giugno al 15 settembre. I pendolari protestano: «Tre mesi sono troppi».",
    author="Giulia Ferrari", date="2024-05-28 12:10", echo=True,
    related=["Pendolari, un abbonamento su tre non viene "
             "rinnovato", "Pista ciclabile della valle, aperto il secondo lotto"],
    body="""
Da lunedì 10 giugno e fino al 15 settembre la linea ferroviaria della valle resterà chiusa per lavori di rinnovo dei
binari e di adeguamento delle gallerie. Durante la sospensione i treni saranno sostituiti da autobus, con tempi di
percorrenza più lunghi di circa venti minuti.

L'intervento, da 34 milioni di euro, riguarda i 28 chilometri tra il capoluogo e la stazione di testa. Sono previsti
la sostituzione completa di binari e traversine, il consolidamento di due gallerie e il rifacimento dei marciapiedi
in sei stazioni, che diventeranno accessibili anche alle persone con disabilità.

## Orari e fermate dei bus

I bus sostitutivi partiranno dal piazzale esterno delle stazioni; dove non è possibile, le fermate saranno segnalate
con appositi cartelli. Le corse seguiranno l'orario dei treni, con partenze anticipate nelle ore di punta per
garantire le coincidenze con i treni per la città.

Le biciclette non potranno essere trasportate sui bus, una limitazione che preoccupa soprattutto gli operatori
turistici della valle, che nei mesi estivi contano molto sui cicloturisti.

> «Capiamo il disagio, ma sono lavori non più rinviabili. A settembre avremo una linea più sicura e più veloce», ha
> spiegato l'assessore regionale ai trasporti durante la presentazione del cantiere.

[ad] Pubblicità

## Le proteste dei pendolari

Il comitato dei pendolari contesta soprattutto la durata della chiusura. «Tre mesi sono tanti. Chiedevamo di
lavorare di notte e nei fine settimana, per mantenere almeno il servizio nelle ore di punta», afferma il portavoce
Marco Bianchi.

La Regione ha risposto che la chiusura totale permette di ridurre i tempi del cantiere di quasi un anno rispetto a
interventi solo notturni e di contenere i costi.

Gli abbonamenti resteranno validi sui bus sostitutivi. Per chi viaggia ogni giorno è previsto inoltre uno sconto del
20 per cento sull'abbonamento di luglio e agosto.
""",
))

SITES["corrieredellapianura.it"] = dict(
    name="Corriere della Pianura", lang="it", skin="box", tagline="Notizie dal territorio",
    url="https://www.corrieredellapianura.it/{sec}/{slug}/",
    nav=["Home", "Cronaca", "Territorio", "Agricoltura", "Sport", "Eventi", "Annunci"],
    cookie=dict(text="Questo sito utilizza cookie tecnici e, previo tuo consenso, cookie di profilazione di terze "
                     "parti. "
                     "Chiudendo questo banner, scorrendo questa pagina o cliccando qualunque suo elemento acconsenti "
                     "all'uso dei cookie.", link="Informativa estesa", buttons=["Accetto"]),
    read_more="Continua a leggere", related_heading="Articoli correlati",
    most_read=("Più letti della settimana", ["Fiera del bestiame, record di visitatori",
                                             "Chiude lo storico forno di piazza Garibaldi",
                                             "Allerta caldo: le raccomandazioni dell'Asl"]),
    share=dict(label="Condividi su:", buttons=["Facebook", "WhatsApp", "Telegram"]),
    widgets=[("Meteo", ["Previsioni per il weekend"]), ("Seguici", ["Facebook", "Instagram"])],
    footer=dict(legal=["Redazione", "Privacy", "Cookie", "Contatti"], copy="Corriere della Pianura © 2023 – Testata "
                                                                           "registrata"),
    byline_fmt="di {author}", date_fmt="{wd} {d} {mon} {y}",
    fig_tpl='<div class="wp-caption aligncenter"><img src="{src}" alt="{alt}"><p class="wp-caption-text">{cap} '
            '({credit})</p></div>',
)

PAGES.append(dict(
    id="it-news-29", site="corrieredellapianura.it", kind="news", section="Agricoltura",
    title="Grandine sulle colline, nei vigneti danni fino al 70 per cento",
    author="Redazione", date="2023-07-19 16:45", echo=True,
    related=["Vendemmia anticipata per il caldo: si parte a fine agosto", "Assicurazioni agricole, premi alle stelle"],
    body="""
Pochi minuti di grandine hanno messo in ginocchio decine di aziende agricole. Il violento temporale che martedì
pomeriggio si è abbattuto sulle colline a sud del capoluogo ha colpito soprattutto i vigneti, a poche settimane
dall'inizio della vendemmia.

Secondo una prima stima delle associazioni di categoria, nelle zone più colpite i danni arrivano al 70 per cento del
raccolto. Chicchi grandi come noci hanno strappato foglie e grappoli e, in alcuni casi, spezzato i tralci.

«In vent'anni non avevo mai visto niente del genere. Abbiamo perso quasi tutto il Barbera della vigna più vecchia»,
racconta Paolo Gatti, viticoltore di terza generazione.

[fig] Grappoli danneggiati dalla grandine in un vigneto della zona | foto Corriere della Pianura

## Richiesta dello stato di calamità

I sindaci dei comuni interessati hanno chiesto alla Regione di avviare l'iter per il riconoscimento dello stato di
calamità naturale. I tecnici sono già al lavoro per quantificare i danni azienda per azienda.

Non tutti i viticoltori sono assicurati contro la grandine. Le polizze sono sempre più care e molte piccole aziende
negli ultimi anni hanno rinunciato a rinnovarle.

Colpiti anche noccioleti e frutteti, mentre in paese il temporale ha scoperchiato alcuni tetti e allagato diverse
cantine. Non si registrano feriti.
""",
))

SITES["lacucinadinonnapina.it"] = dict(
    name="La cucina di nonna Pina", lang="it", skin="wp", theme="kadence", tagline="Ricette di casa, come una volta",
    url="https://www.lacucinadinonnapina.it/{slug}/", ing_style="tasty", crumb_home="Home",
    note_tpl='<div class="tasty-recipes-notes"><div class="tasty-recipes-notes-body"><p>{t}</p></div></div>',
    nav=["Primi", "Secondi", "Contorni", "Dolci", "Ricette di Natale", "Chi sono"],
    cookie=dict(text="Questo sito utilizza i cookie per migliorare la tua esperienza. Puoi accettare tutti i cookie o "
                     "gestire le tue preferenze.", buttons=["Accetta tutti", "Gestisci preferenze"]),
    related_heading="Potrebbe interessarti anche",
    most_read=("Ricette più amate", ["Lasagne della domenica", "Tiramisù classico", "Polpette al sugo"]),
    share=dict(label="Condividi la ricetta:", buttons=["Facebook", "Pinterest", "WhatsApp"]),
    newsletter=dict(title="Le ricette della nonna ogni settimana",
                    text="Iscriviti e ricevi ogni domenica una nuova ricetta.", button="Iscriviti gratis"),
    comments=dict(title="{n} commenti", form_title="Lascia un commento", field="Commento",
                  fields=["Nome *", "Email *", "Sito web"],
                  note="Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
                  button="Invia commento", says="ha detto:", date_fmt="{d} {mon} {y} alle {H}:{M}"),
    footer=dict(legal=["Privacy policy", "Cookie policy", "Contatti"], copy="© 2021 La cucina di nonna Pina – P.IVA "
                                                                            "09876543210"),
    date_fmt="{d} {mon} {y}",
)

PAGES.append(dict(
    id="it-recipe-30", site="lacucinadinonnapina.it", kind="recipe", section="Primi",
    title="Pasta e ceci alla romana, la ricetta della nonna", author="Pina", date="2021-11-05 11:30",
    related=["Pasta e fagioli", "Zuppa di lenticchie", "Minestrone invernale"],
    comments=[("Lucia", "2021-11-06 13:02", "Fatta oggi, buonissima! Ho messo anche un pezzetto di crosta di "
                                            "parmigiano."),
              ("Giovanni", "2021-11-08 20:45", "Le acciughe fanno la differenza. Grazie Pina!")],
    body="""
Quando fuori fa freddo, a casa mia non c'è niente di meglio di un bel piatto di pasta e ceci. È una ricetta povera,
di quelle che si preparavano con quello che c'era in dispensa, ma ha un sapore che scalda il cuore. Mia nonna la
faceva ogni venerdì, e il profumo di rosmarino arrivava fino in cortile.

Io uso i ceci secchi, messi a bagno la sera prima: il risultato è più saporito e cremoso. Se avete poco tempo potete
usare quelli in scatola, ma ricordatevi di sciacquarli bene.

[raw] <div class="tasty-recipes tasty-recipes-display"><div class="tasty-recipes-entry-header"><h2
class="tasty-recipes-title">Pasta e ceci alla romana</h2><div class="tasty-recipes-rating">★★★★★ 5 da 18
recensioni</div><div class="tasty-recipes-details"><ul><li>Preparazione: 20 minuti</li><li>Cottura: 2
ore</li><li>Porzioni: 4</li></ul></div></div>

### Ingredienti

* 250 | g | ceci secchi
* 200 | g | ditalini (o maltagliati)
* 1 | | spicchio d'aglio
* 1 | rametto | di rosmarino
* 2 | | filetti di acciuga
* 1 | cucchiaio | di concentrato di pomodoro
* 4 | cucchiai | di olio extravergine d'oliva
* | | sale e pepe q.b.

### Preparazione

+ Mettete i ceci in ammollo in abbondante acqua fredda per almeno 12 ore.
+ Scolateli, sciacquateli e cuoceteli in acqua non salata con il rametto di rosmarino per circa un'ora e mezza,
finché non saranno teneri. Conservate l'acqua di cottura.
+ In una pentola capiente scaldate l'olio con l'aglio e le acciughe, finché le acciughe non si saranno sciolte.
Aggiungete il concentrato di pomodoro e fatelo sciogliere con un mestolo di acqua di cottura.
+ Unite i ceci con circa un litro della loro acqua, salate e lasciate insaporire per 10 minuti. Frullate metà dei
ceci con un frullatore a immersione per rendere la zuppa cremosa.
+ Aggiungete la pasta e cuocetela direttamente nella zuppa, mescolando spesso e aggiungendo acqua calda se serve.
+ Servite con un filo d'olio a crudo e una macinata di pepe.

[note] <strong>Il consiglio della nonna:</strong> il giorno dopo è ancora più buona. Se si addensa troppo,
allungatela con un po' di brodo caldo.

[raw] <div class="tasty-recipes-buttons"><a href="#" class="button">Stampa la ricetta</a> <a href="#"
class="button">Salva su Pinterest</a></div></div>
""",
))

# --- Portuguese -------------------------------------------------------------------------------------------

SITES["avozdoalentejo.pt"] = dict(
    name="A Voz do Alentejo", lang="pt", skin="drupal", tagline="Jornal regional", nav_label="Menu principal",
    url="https://www.avozdoalentejo.pt/{sec}/{slug}",
    nav=["Região", "Distrito", "Política", "Economia", "Desporto", "Cultura", "Opinião", "Necrologia"],
    cookie=dict(text="Este site utiliza cookies para lhe proporcionar uma melhor experiência de navegação. Ao "
                     "continuar a "
                     "navegar, está a consentir a sua utilização.", buttons=["Aceitar", "Rejeitar", "Saber mais"]),
    related_heading="Leia também",
    most_read=("Mais lidas", ["Feira de Agosto bate recorde de visitantes", "Obras na EN 121 arrancam em junho",
                              "Escola profissional abre novo curso de enologia"]),
    share=dict(label="Partilhar", buttons=["Facebook", "X", "WhatsApp", "Email"]),
    newsletter=dict(title="Subscreva a nossa newsletter", text="Receba as principais notícias do Alentejo no seu "
                                                               "email.",
                    button="Subscrever"),
    footer=dict(legal=["Ficha técnica", "Estatuto editorial", "Política de privacidade", "Contactos"],
                copy="© 2023 A Voz do Alentejo. Todos os direitos reservados."),
    byline_fmt="{author}", date_fmt="{d} de {mon} de {y}, {H}:{M}",
)

PAGES.append(dict(
    id="pt-news-31", site="avozdoalentejo.pt", kind="news", section="Região",
    title="Proprietários têm até 30 de abril para limpar terrenos junto às habitações",
    dek="Depois do prazo, as câmaras podem avançar com a limpeza e cobrar os custos aos donos dos terrenos.",
    author="Ana Rita Coelho", date="2023-03-21 10:00", tags=["Incêndios", "Proteção civil"],
    related=["Época de incêndios: o que muda este ano", "Queimas e queimadas: como pedir autorização"],
    body="""
Os proprietários de terrenos localizados junto a casas, armazéns e outras edificações têm até 30 de abril para
proceder à limpeza da vegetação, no âmbito das medidas de prevenção de incêndios rurais. Depois dessa data, as
câmaras municipais podem substituir-se aos proprietários e cobrar-lhes os custos dos trabalhos.

A regra obriga a manter uma faixa de gestão de combustível de 50 metros à volta das edificações isoladas e de 100
metros em redor dos aglomerados populacionais. Nessa faixa, as copas das árvores devem estar afastadas entre si e os
ramos mais baixos cortados até uma certa altura.

## Coimas podem ser pesadas

Quem não cumprir arrisca coimas que, no caso de particulares, podem chegar a alguns milhares de euros. Para
empresas, os valores são bastante mais elevados.

A GNR vai intensificar a fiscalização a partir de maio. Nos últimos anos, os militares têm privilegiado uma
abordagem pedagógica, alertando os proprietários antes de levantar autos de contraordenação.

> «A maioria das pessoas quer cumprir, mas há muitos terrenos de herdeiros que vivem longe e nem sabem exatamente
> onde ficam as estremas», explica o presidente da junta de freguesia de São Brás do Campo, Manuel Godinho.

## Apoio para quem não consegue fazer a limpeza

Vários municípios da região disponibilizam equipas ou listas de empresas credenciadas para apoiar proprietários
idosos ou com dificuldades económicas. Em alguns casos, os trabalhos são comparticipados.

Os técnicos lembram também que as queimas de sobrantes agrícolas estão sujeitas a autorização ou comunicação prévia,
que pode ser feita através da plataforma online ou nos serviços da câmara. Em dias de risco de incêndio elevado ou
superior, as queimas são proibidas.

Depois de vários verões marcados por grandes incêndios, as autoridades insistem: a prevenção começa agora, muito
antes do calor.
""",
))

SITES["vidasemlixo.com.br"] = dict(
    name="Vida Sem Lixo", lang="pt", skin="blogger", body_mode="br", br_cls="post-texto",
    tagline="Pequenos passos para uma vida com menos resíduos", url="https://www.vidasemlixo.com.br/{y}/{m}/{slug}.html",
    labels={"skip": "Pular para o conteúdo"},
    nav=["Início", "Sobre", "Guia lixo zero", "Contato"],
    posted_by="Postado por", at="às", comment_link="{n} comentários", labels_label="Marcadores:",
    pager={"newer": "Postagem mais recente", "older": "Postagem mais antiga", "home": "Página inicial"},
    profile=("Quem escreve", "Paulistana, bióloga e aprendiz de uma vida com menos lixo."),
    most_read=("Postagens populares", ["Escova de bambu vale a pena?", "Como fazer sabão com óleo usado",
                                       "Feira orgânica: guia para iniciantes"]),
    widgets=[("Arquivo do blog", ["► 2022 (9)", "► 2021 (22)"])],
    share=dict(label="", buttons=["Enviar por e-mail", "Postar no blog!", "Compartilhar no X",
                                  "Compartilhar no Facebook", "Compartilhar com o Pinterest"]),
    comments=dict(title="{n} comentários:", form_title="Postar um comentário", field="Digite seu comentário...",
                  fields=[], button="Publicar", says="disse...", date_fmt="{d} de {mon} de {y} {H}:{M}"),
    cookie=dict(text="Este site usa cookies do Google para fornecer serviços e analisar tráfego. Seu endereço IP e "
                     "user "
                     "agent são compartilhados com o Google, junto com as métricas de desempenho e segurança, para "
                     "garantir a qualidade do serviço, gerar estatísticas de uso e detectar e resolver abusos.",
                buttons=["Saiba mais", "OK"]),
    footer=dict(legal=[], copy="Tema Simples. Tecnologia do Blogger."),
    date_fmt="{wd}, {d} de {mon} de {y}",
)

PAGES.append(dict(
    id="pt-blog-32", site="vidasemlixo.com.br", kind="blog", title="Compostagem em apartamento: como comecei com um "
                                                                   "minhocário",
    author="Carol", date="2022-03-08 21:15", tags=["compostagem", "minhocário", "apartamento"],
    comments=[("Renata", "2022-03-09 08:30", "Que legal! Eu tenho medo das minhocas fugirem, isso acontece?"),
              ("Carol", "2022-03-09 12:10", "Oi Renata! Se a caixa estiver equilibrada elas não saem, prometo :)")],
    body="""
Moro num apartamento de 50 metros quadrados em São Paulo e sempre achei que compostagem era coisa de quem tem
quintal. Até que uma amiga me mostrou o minhocário dela, que ficava na área de serviço e não tinha cheiro nenhum.
Seis meses depois, eu tinha o meu.

Hoje quero contar como foi o começo, o que deu errado e por que acho que vale a pena.

### O que é um minhocário

É um sistema de caixas empilhadas em que as minhocas transformam restos de comida em adubo. As caixas de cima
recebem os resíduos, e embaixo fica a caixa coletora, onde se acumula o chorume, um líquido que pode ser diluído em
água e usado como fertilizante.

As minhocas usadas são as californianas, que comem muito e se reproduzem rápido. Comprei as minhas junto com o kit,
mas dá para conseguir com quem já tem minhocário.

### O que pode e o que não pode

- Pode: cascas de frutas e legumes, borra de café, saquinhos de chá, casca de ovo triturada
- Com moderação: frutas cítricas, cebola e alho
- Não pode: carne, laticínios, óleo, fezes de animais

Meu maior erro no começo foi colocar resíduo demais de uma vez. As minhocas não deram conta, a caixa ficou úmida e
apareceram mosquinhas. A solução foi simples: cobrir sempre os restos com serragem ou folhas secas e respeitar o
ritmo das minhocas.

### Vale a pena?

Para mim, muito. O volume do meu lixo caiu quase pela metade, e as plantas da varanda nunca estiveram tão bonitas.
E não, não tem cheiro, desde que a caixa esteja equilibrada.

No próximo post vou mostrar como colhi o húmus pela primeira vez.
""",
))

# --- Dutch ------------------------------------------------------------------------------------------------

SITES["dewestbode.nl"] = dict(
    name="De Westbode", lang="nl", skin="news", body_cls="article__text", url="https://www.dewestbode.nl/{sec}/{slug}~a{num}/",
    nav=["Nieuws", "Regio", "112", "Sport", "Cultuur", "Economie", "Opinie", "Puzzels"],
    actions=["Abonneren", "Inloggen"], crumbs=False,
    cookie=dict(title="Wij vragen je toestemming",
                text="De Westbode en haar partners gebruiken cookies en vergelijkbare technieken om je een betere "
                     "ervaring te geven, advertenties te tonen die passen bij je interesses en het gebruik van onze "
                     "site te meten.", link="Cookieverklaring",
                buttons=["Akkoord", "Instellingen aanpassen", "Weigeren"]),
    related_heading="Lees ook",
    most_read=("Meest gelezen", ["Brand in schuur aan de Polderweg", "Nieuwe supermarkt opent in maart",
                                 "Gemeente wil parkeertarieven verhogen"]),
    share=dict(label="Deel dit artikel", buttons=["WhatsApp", "Facebook", "X", "E-mail"]),
    newsletter=dict(title="Ontvang de Westbode-nieuwsbrief",
                    text="Elke ochtend het belangrijkste nieuws uit de regio in je mailbox.", button="Aanmelden"),
    footer=dict(legal=["Colofon", "Privacyverklaring", "Cookieverklaring", "Algemene voorwaarden", "Contact"],
                copy="© 2023 De Westbode B.V."),
    byline_fmt="{author}", date_fmt="{d} {mon} {y}, {H}:{M}", updated_fmt="Laatste update: {H}:{M}",
    fig_tpl='<figure class="article__figure"><img src="{src}" alt="{alt}"><figcaption>{cap} '
            '<small>{credit}</small></figcaption></figure>',
)

PAGES.append(dict(
    id="nl-news-33", site="dewestbode.nl", kind="news", section="Regio", kicker="Oosterwaard",
    title="Dijkversterking bij Oosterwaard begint in september: fietspad maanden dicht",
    author="Sanne de Vries", date="2023-07-12 14:05", updated="2023-07-12 16:20",
    related=["Waterschap verhoogt heffing met 6 procent", "Inloopavond over nieuwe fietsroute door de polder"],
    body="""
Het waterschap begint na de zomer met de versterking van de dijk tussen Oosterwaard en Hemmendijk. Over een lengte
van bijna vier kilometer voldoet de dijk niet meer aan de nieuwe veiligheidsnormen. De werkzaamheden duren naar
verwachting twee jaar.

Uit onderzoek is gebleken dat de dijk bij extreem hoogwater onvoldoende stabiel is. Vooral het risico op zogenoemde
piping, waarbij water onder de dijk door stroomt en zand meeneemt, is te groot. Daarom wordt aan de binnenkant een
steunberm aangelegd en komt er over een deel van het traject een stalen damwand in de grond.

## Fietsers moeten omrijden

Voor fietsers en wandelaars heeft het project flinke gevolgen. Het populaire fietspad op de dijk gaat vanaf half
september dicht. Er komt een omleiding via de polderweg, die ongeveer drie kilometer langer is.

Ook auto's kunnen tijdelijk niet over de dijk. Bewoners blijven hun huizen wel bereiken, maar moeten rekening houden
met vrachtverkeer. Het waterschap verwacht in de drukste periode ongeveer zestig vrachtwagens per dag.

> "We snappen dat dit vervelend is, zeker voor mensen die hier dagelijks langs fietsen naar school of werk. We doen
> ons best om de overlast zo beperkt mogelijk te houden", zegt projectleider Martijn Hoekstra.

[fig] Het fietspad op de dijk is vanaf half september afgesloten. | Foto: De Westbode

## Bomen verdwijnen

Voor de versterking moeten ongeveer 140 bomen worden gekapt, vooral populieren aan de voet van de dijk. Het
waterschap plant na afloop meer bomen terug dan er nu staan, maar niet op de dijk zelf, omdat wortels de dijk kunnen
verzwakken.

Een aantal omwonenden heeft bezwaar gemaakt tegen de kap. Zij vinden dat er te weinig naar alternatieven is gekeken.
Het waterschap zegt dat andere oplossingen zijn onderzocht, maar duurder of minder veilig bleken.

Op donderdag 24 augustus houdt het waterschap een inloopavond in het dorpshuis van Oosterwaard. Daar zijn de
tekeningen te zien en kunnen bewoners vragen stellen.
""",
))

SITES["fietsenmetfleur.nl"] = dict(
    name="Fietsen met Fleur", lang="nl", skin="wp", theme="astra", tagline="Fietsroutes, tips en verhalen",
    url="https://fietsenmetfleur.nl/{slug}/", crumbs=False,
    nav=["Home", "Fietsroutes", "Fietsvakanties", "Tips", "Over mij", "Contact"],
    cookie=dict(text="Deze website gebruikt cookies om je de beste ervaring te geven. Lees meer in onze "
                     "privacyverklaring.",
                buttons=["Accepteren", "Alleen noodzakelijke"]),
    related_heading="Misschien vind je dit ook leuk",
    most_read=("Populaire routes", ["Rondje Veluwe: 60 km heide en bos", "Langs de kust van Zeeland",
                                    "Bloesemroute door de Betuwe"]),
    share=dict(label="Deel deze route:", buttons=["Facebook", "Pinterest", "WhatsApp"]),
    comments=dict(title="{n} reacties op “{title}”", form_title="Geef een reactie", field="Reactie *",
                  fields=["Naam *", "E-mail *", "Website"],
                  note="Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
                  button="Reactie plaatsen", says="schreef:", date_fmt="{d} {mon} {y} om {H}:{M}"),
    footer=dict(legal=["Privacyverklaring", "Disclaimer"], copy="© 2021 Fietsen met Fleur"),
    date_fmt="{d} {mon} {y}",
)

PAGES.append(dict(
    id="nl-blog-34", site="fietsenmetfleur.nl", kind="blog", section="Fietsroutes",
    title="Fietsroute langs de Linge: 45 kilometer rivierenland", author="Fleur", date="2021-05-15 09:30",
    related=["Bloesemroute door de Betuwe", "Mijn favoriete fietstassen"],
    comments=[("Henk", "2021-05-16 10:02", "Mooie route, vorig jaar ook gefietst. Die appeltaart moet ik nog vinden!"),
              ("Fleur", "2021-05-16 12:30", "Haha, blijven zoeken Henk!")],
    body="""
Als er één fietsroute is waar ik elk voorjaar naar terugverlang, dan is het deze. De Linge kronkelt door de Betuwe,
langs boomgaarden, oude dorpjes en dijkjes waar je bijna geen auto tegenkomt. Eind april, als de fruitbomen in bloei
staan, is het hier op zijn mooist.

De route is ongeveer 45 kilometer lang en volgt grotendeels de knooppunten. Je kunt starten in Geldermalsen, waar je
de auto kwijt kunt bij het station, of gewoon met de trein komen.

## Onderweg

Vanaf Geldermalsen fiets je eerst richting Beesd, over smalle dijkweggetjes met aan de ene kant de rivier en aan de
andere kant eindeloze rijen appel- en perenbomen. Stap af en toe af: veel fruittelers verkopen aan de weg sap, jam en
natuurlijk appels.

Halverwege is een goed moment voor koffie. Wij streken neer bij een boerderijwinkel met een klein terras, waar de
appeltaart nog warm was. Echt een aanrader, al ga ik niet verklappen waar precies: dat mag je zelf ontdekken.

Het tweede deel van de route loopt terug via de andere oever. Hier is het landschap opener, met weilanden en af en
toe een molen. Let op: een paar stukken zijn onverhard, met een racefiets is dat geen pretje.

## Praktische tips

- Neem zelf water mee, want onderweg zijn weinig cafés
- Controleer van tevoren of de pontjes varen, sommige varen alleen in het weekend
- Download de route als GPX, want het bereik is niet overal goed

Wij deden er met pauzes ongeveer vier uur over. Perfect voor een zondag dus.
""",
))

# --- English ----------------------------------------------------------------------------------------------

SITES["thecrumbjournal.com"] = dict(
    name="The Crumb Journal", lang="en", skin="wp", theme="feast", tagline="Simple baking for busy people",
    url="https://thecrumbjournal.com/{slug}/", ing_style="wprm", crumb_home="Home",
    note_tpl='<div class="wprm-recipe-notes-container"><div class="wprm-recipe-notes"><p>{t}</p></div></div>',
    nav=["Recipes", "Breakfast", "Baking", "Dinner", "Holidays", "About", "Shop"],
    cookie=dict(vendor="onetrust", title="We value your privacy",
                text="We and our partners use cookies to personalize content and ads, to provide social media features "
                     "and to analyze our traffic.", link="Privacy Policy",
                buttons=["Accept All", "Reject All", "Customize"]),
    related_heading="You might also like",
    most_read=("Reader favorites", ["One-Bowl Chocolate Chip Cookies", "Easy Cinnamon Rolls (No Mixer)",
                                    "Lemon Blueberry Muffins"]),
    share=dict(label="Share this recipe", buttons=["Pin it", "Facebook", "Email", "Yummly"]), share_top=True,
    newsletter=dict(title="Get new recipes in your inbox",
                    text="Join 40,000 home bakers and get my free e-book of weeknight desserts.", button="Subscribe"),
    author_box="Hi, I'm Hannah! I bake, photograph and write everything here from my tiny kitchen.",
    comments=dict(title="{n} Comments", form_title="Leave a Reply", field="Comment *", fields=["Name *", "Email *"],
                  note="Your email address will not be published. Required fields are marked *",
                  button="Post Comment", says="says:", date_fmt="{mon} {d}, {y} at {H}:{M}"),
    footer=dict(legal=["Privacy Policy", "Accessibility", "Terms", "Do Not Sell My Personal Information"],
                copy="© 2023 The Crumb Journal. All rights reserved."),
    date_fmt="{mon} {d}, {y}", labels={"posted": "Published", "by": "by"},
)

PAGES.append(dict(
    id="en-recipe-35", site="thecrumbjournal.com", kind="recipe", section="Baking",
    title="Brown Butter Banana Bread", author="Hannah Cole", date="2023-04-02 07:00",
    related=["Banana Oat Muffins", "Chocolate Zucchini Bread", "Brown Butter Chocolate Chip Cookies"],
    comments=[("Megan", "2023-04-03 09:14", "Made this yesterday and it's already half gone. The brown butter is "
                                            "genius!"),
              ("Dave", "2023-04-05 17:40", "Can I use oil instead of butter?"),
              ("Hannah Cole", "2023-04-05 19:02", "You can, Dave, but you'll lose the nutty flavor. Use 1/2 cup "
                                                  "neutral oil.")],
    body="""
[raw] <div class="wprm-recipe-snippet"><a href="#recipe" class="wprm-recipe-jump">Jump to Recipe</a> <a href="#"
class="wprm-recipe-print">Print Recipe</a></div>

[raw] <p class="disclosure"><em>This post may contain affiliate links. Please read our disclosure policy.</em></p>

If you have three spotty bananas sitting on your counter right now, this is your sign. This banana bread is the one
I make most often: it is moist, deeply caramelized and just a little bit nutty, thanks to one simple step that takes
five extra minutes.

That step is browning the butter. As butter melts and keeps cooking, the milk solids toast and turn golden, and the
whole kitchen starts to smell like toffee. It is the easiest way I know to make a plain quick bread taste like
something from a bakery.

## Why you'll love this recipe

- One bowl, no mixer needed
- Uses really ripe bananas (the blacker the better)
- Stays moist for days, and freezes well

## Tips for the best banana bread

<strong>Watch the butter closely.</strong> Once it starts foaming, stir constantly and take it off the heat as soon as
you see brown flecks at the bottom of the pan. It can go from brown to burnt in under a minute.

<strong>Don't overmix.</strong> Fold in the flour just until you can't see any dry streaks. Overmixing develops
gluten and makes the loaf dense.

<strong>Test with a skewer, not the clock.</strong> Ovens vary a lot. Start checking at 50 minutes; the bread is
done when a skewer comes out with a few moist crumbs but no wet batter.

## Frequently asked questions

### Can I make muffins instead?

Yes. Divide the batter between 12 lined muffin cups and bake for 20 to 24 minutes.

### How ripe should the bananas be?

As ripe as you can stand: heavily speckled or completely black. They are sweeter and mash more easily.

### Can I reduce the sugar?

You can cut it to 1/2 cup without problems. The bread will be a little less moist and won't brown as deeply.

[ad] Advertisement

[raw] <div id="recipe" class="wprm-recipe-container"><div class="wprm-recipe wprm-recipe-template-feast"><h2
class="wprm-recipe-name">Brown Butter Banana Bread</h2><div class="wprm-recipe-rating">★★★★★ <span>4.9 from 212
votes</span></div><div class="wprm-recipe-meta"><span>Prep Time 15 mins</span> <span>Cook Time 55 mins</span>
<span>Servings 10 slices</span></div><div class="wprm-recipe-buttons"><a href="#">Print</a> <a href="#">Pin</a> <a
href="#">Rate</a></div>

### Ingredients

* 1/2 | cup | unsalted butter | (113 g)
* 3 | | very ripe bananas | mashed
* 3/4 | cup | packed light brown sugar | (150 g)
* 2 | | large eggs | at room temperature
* 2 | tbsp | milk
* 1 | tsp | vanilla extract
* 1 3/4 | cups | all-purpose flour | (220 g)
* 1 | tsp | baking soda
* 1/2 | tsp | salt
* 1/2 | cup | chopped walnuts | optional

### Instructions

+ Preheat the oven to 350°F (175°C) and line a 9x5-inch loaf pan with parchment paper.
+ Melt the butter in a light-colored saucepan over medium heat. Keep cooking, stirring often, until it foams, smells
nutty and the solids turn golden brown, 5 to 7 minutes. Pour into a large bowl and let cool for 10 minutes.
+ Whisk the mashed bananas, brown sugar, eggs, milk and vanilla into the butter until smooth.
+ Add the flour, baking soda and salt and fold gently until just combined. Fold in the walnuts, if using.
+ Scrape the batter into the pan and bake for 50 to 60 minutes, until a skewer inserted in the center comes out with
a few moist crumbs.
+ Cool in the pan for 15 minutes, then lift out and cool completely on a rack before slicing.

[note] <strong>Storage:</strong> Keep the bread wrapped at room temperature for up to 3 days, or freeze individual
slices for up to 3 months.

[raw] <div class="wprm-nutrition-label-container"><span>Nutrition:</span> <span>Calories: 285kcal</span>,
<span>Carbohydrates: 38g</span>, <span>Fat: 13g</span></div></div></div>
""",
))

SITES["docs.tidepool.dev"] = dict(
    name="tidepool", lang="en", skin="docs", url="https://docs.tidepool.dev/en/latest/guide/{slug}/",
    nav=["Guide", "API reference", "Recipes", "Changelog"], code_lang="python", crumb_home="Docs",
    note_tpl='<div class="admonition note"><p>{t}</p></div>',
    docs=dict(version="v1.8 (latest)", search="Search", repo="tidepool-http/tidepool",
              tree=[("User guide", ["Quickstart", "Clients and sessions", "Retries and timeouts", "Authentication",
                                    "Testing"]),
                    ("Advanced", ["Connection pools", "Proxies", "Streaming"])],
              toc="Table of contents", edit="Edit this page", updated="Last update: {mon} {d}, {y}",
              feedback=["Was this page helpful?", "Yes", "No"], prev=("Previous", "Clients and sessions"),
              next=("Next", "Authentication")),
    footer=dict(legal=[], copy="Copyright © 2024 the tidepool authors. Made with Material for MkDocs"),
    date_fmt="{mon} {d}, {y}",
)

PAGES.append(dict(
    id="en-docs-36", site="docs.tidepool.dev", kind="docs", section="User guide",
    title="Retries and timeouts", author="", date="2024-05-02 09:00", doc_title="Retries and timeouts - tidepool",
    body="""
Network calls fail. tidepool can retry failed requests for you, with exponential backoff, so that a short outage
does not turn into an error for your users. This page explains what is retried by default, how to change it, and how
retries interact with timeouts.

## Default behaviour

By default, a <code>Client</code> retries a request up to three times when the connection fails or the server answers
with 502, 503 or 504. Other status codes are returned to you as they are. Only idempotent methods (GET, HEAD, PUT,
DELETE, OPTIONS) are retried; a POST is never retried unless you say so.

The wait between attempts grows exponentially: 0.5 s, then 1 s, then 2 s, each with up to 20 % random jitter.

## Configuring retries

Pass a <code>Retry</code> object when you create the client:

[code] client = tidepool.Client(retry=tidepool.Retry(total=5, backoff=0.25))

To turn retries off completely, use <code>retry=False</code>. To retry on additional status codes, list them:

[code] retry = tidepool.Retry(total=3, status={429, 500, 502, 503, 504})

[note] <strong>Note:</strong> For 429 and 503, tidepool honours the <code>Retry-After</code> header if the server
sends one, up to <code>max_backoff</code> (default 30 s).

## Retrying POST requests

Retrying a POST is safe only if the server can recognise a repeated request. If your API supports idempotency keys,
enable them and tidepool sends the same key with every attempt:

[code] client.post("/payments", json=body, idempotency_key=True)

## Timeouts

Timeouts apply to each attempt, not to the whole call. With <code>timeout=10</code> and three retries, a call can take
over 40 seconds in the worst case. If you need an upper bound for the whole operation, set a deadline:

[code] client.get("/report", timeout=10, deadline=25)

When the deadline is reached, tidepool stops retrying and raises <code>DeadlineExceeded</code>, even if attempts are
left.

[note] <strong>Tip:</strong> Set <code>TIDEPOOL_LOG=debug</code> to log every attempt and the wait before it.
""",
))


# =========================================================================================================
# Assembly
# =========================================================================================================

FIELDS = ("id", "lang", "kind", "site", "url", "html", "scraped", "gold_title", "gold_text")
MIN_WORDS, MAX_WORDS = 150, 700


def load_render(path: Path):
    """``render(html) -> str`` from the project's ``render_scraped.py`` (kept outside this repository)."""
    if not path.exists():
        raise SystemExit(f"render tool not found: {path} (pass --render)")
    spec = importlib.util.spec_from_file_location("render_scraped", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.render


def norm_line(s: str) -> str:
    """What the gold is compared in: NFC, no soft hyphens, whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s.replace(SHY, ""))).strip()


def page_url(site: dict, page: dict) -> str:
    num = 10_000_000 + sum((i + 1) * ord(c) for i, c in enumerate(page["id"])) * 7919 % 89_999_999
    t = dt.datetime.strptime(page["date"], "%Y-%m-%d %H:%M")
    sec = slug(page.get("section") or (page.get("section_path") or ["artikel"])[0])
    return site["url"].format(sec=sec, slug=slug(page["title"]), num=num, y=t.year, m=f"{t.month:02d}")


def build_record(page: dict, render) -> dict:
    site = SITES[page["site"]]
    page = {**page, "lang": site["lang"], "url": page.get("url") or page_url(site, page)}
    blocks = parse_body(page["body"])
    html = finish(SKINS[site["skin"]](site, page, blocks_html(blocks, site, page)), page)
    rec = {"id": page["id"], "lang": site["lang"], "kind": page["kind"], "site": page["site"], "url": page["url"],
           "html": html, "scraped": render(html), "gold_title": plain(page["title"]),
           "gold_text": "\n\n".join(gold_lines(blocks))}
    check(rec)
    return rec


def check(rec: dict) -> None:
    """Every gold line is a whole line of ``scraped`` (after NFC / soft-hyphen removal), and so is the title."""
    lines = {norm_line(x) for x in rec["scraped"].splitlines()}
    missing = [g for g in rec["gold_text"].split("\n\n") if norm_line(g) not in lines]
    if missing:
        raise AssertionError(f"{rec['id']}: gold lines not in scraped: {missing[:3]}")
    if norm_line(rec["gold_title"]) not in lines:
        raise AssertionError(f"{rec['id']}: title not in scraped: {rec['gold_title']!r}")
    n = len(rec["gold_text"].split())
    if not MIN_WORDS <= n <= MAX_WORDS:
        raise AssertionError(f"{rec['id']}: body has {n} words, want {MIN_WORDS}..{MAX_WORDS}")


def build(render) -> list[dict]:
    ids = [p["id"] for p in PAGES]
    if len(set(ids)) != len(ids):
        raise AssertionError("duplicate page ids")
    return [build_record(p, render) for p in PAGES]


def summary(records: list[dict]) -> str:
    from collections import Counter

    langs = Counter(r["lang"] for r in records)
    kinds = Counter(r["kind"] for r in records)
    words = [len(r["gold_text"].split()) for r in records]
    return (f"{len(records)} pages; lang {dict(langs.most_common())}; kind {dict(kinds.most_common())}; "
            f"gold words {min(words)}..{max(words)} (total {sum(words)})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output JSONL (default {DEFAULT_OUT.name})")
    ap.add_argument("--render", type=Path, default=DEFAULT_RENDER, help="path of render_scraped.py")
    args = ap.parse_args(argv)
    records = build(load_render(args.render))
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for rec in records:
            f.write(json.dumps({k: rec[k] for k in FIELDS}, ensure_ascii=False) + "\n")
    print(f"wrote {args.out}: {summary(records)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
