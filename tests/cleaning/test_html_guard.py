"""html_to_text on real-shaped pages: class/id names are scored (not matched word by word) and the main
content subtree is found first and never lost to pruning."""
from __future__ import annotations

import pytest

from mediacheck.cleaning.html import STRONG, HtmlDoc, _value_score, html_to_text


def blocks(doc: HtmlDoc) -> list[str]:
    return [line for line in doc.text.split("\n") if line]


def codes(doc: HtmlDoc) -> dict[str, str]:
    return {text: code for text, code in doc.dropped}


DE1 = ("Die Stadtverwaltung hat am Dienstag einen neuen Haushalt beschlossen, der die Ausgaben für den "
       "öffentlichen Nahverkehr um zwölf Prozent erhöht, wie Vertreter nach einer langen Sitzung mitteilten.")
DE2 = ("Kritiker bemängelten, dass der Plan auf optimistischen Einnahmeprognosen beruhe, während Befürworter "
       "sagten, die Investition sei für eine Region mit den ältesten Bussen des Landes längst überfällig.")
DE3 = ("Der Bürgermeister soll die Vorlage in der kommenden Woche unterzeichnen, sagte eine Sprecherin der "
       "Stadt am Mittwoch auf Anfrage.")
EN1 = ("The city council voted on Tuesday to approve a new budget that raises spending on public transit by "
       "twelve percent, officials said after a lengthy session.")
EN2 = ("Critics argued that the plan relies on optimistic revenue forecasts, while supporters said the "
       "investment was long overdue for a region whose buses are among the oldest in the country.")
EN3 = "The mayor is expected to sign the measure next week, according to a spokesperson for the city."
EN4 = ("Transit riders who spoke at the meeting welcomed the vote but asked the council to publish a timetable "
       "for replacing the oldest vehicles before the winter.")


# --- the reported failure --------------------------------------------------------------------------------

MODAL_PAGE = """<!DOCTYPE html><html lang="de"><head><title>Haushalt beschlossen</title></head><body>
<header class="site-header"><a href="/">Stadtanzeiger</a>
  <nav class="main-nav"><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav></header>
<div class="container">
  <div class="box article modal-enabled">
    <h1>Haushalt beschlossen</h1>
    <div class="entry-content entry-content-read-more">
      <strong>Berlin.</strong> Die <a href="/stadt">Stadtverwaltung</a> hat am Dienstag einen neuen
      <em>Haushalt</em> beschlossen, der die Ausgaben für den <a href="/oepnv">öffentlichen Nahverkehr</a>
      um zwölf Prozent erhöht, wie <em>Vertreter</em> nach einer langen Sitzung mitteilten.<br><br>
      <em>Kritiker</em> bemängelten, dass der Plan auf <b>optimistischen</b> Einnahmeprognosen beruhe, während
      <em>Befürworter</em> sagten, die Investition sei für eine Region mit den <b>ältesten</b> Bussen des Landes
      längst überfällig.<br><br>
      Der <a href="/bgm">Bürgermeister</a> soll die Vorlage in der kommenden Woche unterzeichnen, sagte eine
      <em>Sprecherin</em> der Stadt am Mittwoch auf Anfrage.
      <button class="read-more">Weiterlesen</button>
    </div>
  </div>
  <div class="contact-form-wrapper">
    <h3>Kontakt</h3>
    <p class="wpcf7-response-output">Vielen Dank für Ihre Nachricht! Wir melden uns so schnell wie möglich bei
      Ihnen zurück, in der Regel innerhalb von zwei Werktagen.</p>
    <form action="/kontakt"><label>Name</label><input name="name"><label>E-Mail</label><input name="mail">
      <textarea name="msg"></textarea><button>Absenden</button></form>
  </div>
</div>
<footer class="site-footer"><p>© 2024 Stadtanzeiger</p>
  <p>Stadtanzeiger Verlag GmbH, Hauptstraße 1, 10115 Berlin. Redaktion: Telefon 030 123456, montags bis
    freitags von 9 bis 17 Uhr. Für unverlangt eingesandte Manuskripte und Fotos wird keine Haftung übernommen.</p>
</footer>
</body></html>"""
MODAL_DE1 = ("Berlin. Die Stadtverwaltung hat am Dienstag einen neuen Haushalt beschlossen, der die Ausgaben für "
             "den öffentlichen Nahverkehr um zwölf Prozent erhöht, wie Vertreter nach einer langen Sitzung "
             "mitteilten.")
MODAL_DE2 = ("Kritiker bemängelten, dass der Plan auf optimistischen Einnahmeprognosen beruhe, während Befürworter "
             "sagten, die Investition sei für eine Region mit den ältesten Bussen des Landes längst überfällig.")
MODAL_DE3 = ("Der Bürgermeister soll die Vorlage in der kommenden Woche unterzeichnen, sagte eine Sprecherin der "
             "Stadt am Mittwoch auf Anfrage.")


def test_entry_content_read_more_inside_modal_enabled_box_is_kept():
    # the body is bare text broken up by inline markup (no <p>, no long text run), in a box whose names say
    # "modal" and "read more": it used to be pruned, leaving the contact form's message as the page's text
    doc = html_to_text(MODAL_PAGE)
    lines = blocks(doc)
    assert MODAL_DE1 in lines and MODAL_DE2 in lines and MODAL_DE3 in lines
    assert "Haushalt beschlossen" in lines
    dropped = codes(doc)
    assert dropped["Weiterlesen"] == "HTML_FORM"  # the read-more button is not article text
    assert "Weiterlesen" not in lines
    assert dropped["Start Politik Sport"] == "HTML_HEADER"
    assert dropped["Name"] == "HTML_FORM" and dropped["Absenden"] == "HTML_FORM"
    assert dropped["© 2024 Stadtanzeiger"] == "HTML_FOOTER"
    assert not any(text in (MODAL_DE1, MODAL_DE2, MODAL_DE3) for text in dropped)


def test_modal_page_body_survives_the_line_cleaner():
    from mediacheck.cleaning import clean_many
    from mediacheck.model import Article

    for classifier in (False, None):
        (out,) = clean_many([Article(id="a", html=MODAL_PAGE, url="https://example.de/a")], extractor="builtin",
                            classifier=classifier)
        assert MODAL_DE2 in out.text and MODAL_DE3 in out.text
        assert not out.text.startswith("Vielen Dank") and "Weiterlesen" not in out.text


# --- WordPress-like ------------------------------------------------------------------------------------

WP_PAGE = f"""<html><body class="single single-post has-sidebar">
<div id="page" class="site"><div id="content" class="site-content">
 <div id="primary" class="content-area"><main id="main" class="site-main">
  <article class="post type-post hentry">
   <header class="entry-header"><h1 class="entry-title">Council approves transit budget</h1>
     <div class="entry-meta">Posted on March 5, 2024 by Jane Doe</div></header>
   <div class="post-content">
    <p>{EN1}</p><p>{EN2}</p>
    <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>
      <ul><li><a href="#tw">Twitter</a></li><li><a href="#fb">Facebook</a></li>
      <li><a href="#em">Email</a></li></ul></div>
    <p>{EN3}</p><p>{EN4}</p>
    <div class="widget-area-inline">Tags: budget, transit</div>
   </div>
  </article>
 </main></div>
 <div id="secondary" class="widget-area">
  <div class="widget widget_recent_entries"><h2 class="widget-title">Related posts</h2>
   <ul><li><a href="/1">Bus fares to rise in spring</a></li><li><a href="/2">New tram line opens</a></li>
   <li><a href="/3">Council elects new speaker</a></li></ul></div>
  <div class="widget widget_text"><div class="textwidget">Our newsroom covers city hall, schools and transit
   every weekday, with a weekend edition on Saturdays.</div></div>
 </div>
</div></div></body></html>"""


def test_wordpress_post_content_with_sidebar_widgets_and_sharedaddy():
    doc = html_to_text(WP_PAGE)
    lines = blocks(doc)
    for para in (EN1, EN2, EN3, EN4):
        assert para in lines
    assert "Council approves transit budget" in lines
    dropped = codes(doc)
    assert dropped["Share this:"] == "HTML_ATTR"  # sharedaddy, inside the article: a strong name
    assert dropped["Twitter"] == "HTML_ATTR"
    assert dropped["Related posts"] == "HTML_ATTR"  # sidebar widgets, outside the main content
    assert dropped["Bus fares to rise in spring"] == "HTML_ATTR"
    assert any(t.startswith("Our newsroom covers") and c == "HTML_ATTR" for t, c in doc.dropped)
    # weak names inside the main content stay: "widget-area-inline", "entry-meta"
    assert "Tags: budget, transit" in lines
    assert "Posted on March 5, 2024 by Jane Doe" in lines


# --- German news ---------------------------------------------------------------------------------------

DE_PAGE = f"""<html><body>
<div class="seite">
 <div class="kopf"><a href="/">Tagesblatt</a></div>
 <div class="artikel">
  <h1>Haushalt beschlossen</h1>
  <div class="teilen-leiste"><a href="#fb">Auf Facebook teilen</a> <a href="#tw">Twittern</a>
    <a href="#wa">WhatsApp</a></div>
  <div class="artikel-text"><p>{DE1}</p><p>{DE2}</p>
   <div class="anzeige werbung-inline">Anzeige</div>
   <p>{DE3}</p></div>
  <aside class="verwandte-artikel"><h3>Das könnte Sie auch interessieren</h3>
   <ul><li><a href="/a">Busse werden teurer</a></li><li><a href="/b">Neue Tramlinie eröffnet</a></li>
   <li><a href="/c">Stadtrat wählt neuen Vorsitz</a></li></ul></aside>
  <div class="kommentare"><h3>Kommentare (2)</h3>
   <p>Endlich wird etwas für den Nahverkehr getan, das hätte schon vor Jahren passieren müssen.</p>
   <p>Wer soll das bezahlen? Die Preise steigen doch schon jetzt jedes Jahr.</p></div>
 </div>
</div></body></html>"""


def test_german_news_page_names():
    doc = html_to_text(DE_PAGE)
    lines = blocks(doc)
    assert DE1 in lines and DE2 in lines and DE3 in lines
    dropped = codes(doc)
    assert dropped["Auf Facebook teilen Twittern WhatsApp"] == "HTML_ATTR"
    assert dropped["Anzeige"] == "HTML_ATTR"
    assert dropped["Das könnte Sie auch interessieren"] == "HTML_ASIDE"
    assert dropped["Busse werden teurer"] == "HTML_ASIDE"
    assert dropped["Kommentare (2)"] == "HTML_ATTR"
    assert not any("Endlich wird" in line for line in lines)


@pytest.mark.parametrize(
    ("name", "lang"),
    [("compartir-redes", "es"), ("noticias-relacionados", "es"), ("bloque-publicidad", "es"),
     ("udostepnij-box", "pl"), ("reklama-top", "pl"), ("powiazane-artykuly", "pl"),
     ("partage-social", "fr"), ("bloc-publicite", "fr"), ("articles-lies", "fr"), ("aehnliche-artikel", "de")],
)
def test_non_english_boilerplate_names(name, lang):
    page = f"""<html lang="{lang}"><body><div class="contenido"><p>{EN1}</p><p>{EN2}</p>
      <div class="{name}"><a href="/1">Uno</a> <a href="/2">Dos</a></div><p>{EN3}</p></div></body></html>"""
    doc = html_to_text(page)
    assert codes(doc) == {"Uno Dos": "HTML_ATTR"}
    assert EN1 in doc.text and EN3 in doc.text


# --- paragraphs as <div>/<br> ---------------------------------------------------------------------------

COMMENT = "I have ridden these buses for twenty years and they break down every other week, so it is about time."


def test_br_paragraphs_in_weakly_named_box_survive_comments_and_related_teasers():
    # the story is bare text with <br> in a "widget"/"rail" box and holds less than half of the page's paragraph
    # text (comments and teasers have <p>s), so the "more than half" guard alone would not protect it
    comments = "".join(f"<li class='comment'><p>{COMMENT} ({i})</p></li>" for i in range(4))
    teasers = "".join(f"<p><a href='/{i}'>Story {i}</a> A short summary of another story from the city desk "
                      f"for readers ({i}).</p>" for i in range(3))
    page = f"""<html><body>
      <div class="story-widget module-rail">{EN1}<br><br>{EN2}<br><br>{EN3}<br>{EN4}</div>
      <div class="comments"><h3>4 comments</h3><ol>{comments}</ol></div>
      <div class="related-stories">{teasers}</div>
    </body></html>"""
    doc = html_to_text(page)
    lines = blocks(doc)
    assert EN1 in lines and EN2 in lines and EN3 in lines and EN4 in lines
    dropped = codes(doc)
    assert dropped["4 comments"] == "HTML_ATTR"
    assert all(COMMENT not in line and "short summary" not in line for line in lines)
    assert any("short summary" in t and c == "HTML_ATTR" for t, c in doc.dropped)


def test_div_paragraphs_article_inside_main_content():
    page = f"""<html><body>
      <div id="nav-top"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
      <div id="art" class="text-module teaser">
        <div>{EN1}</div><div>{EN2} <a href="/budget">Budget 2024</a> {EN3}</div><div>{EN4}</div>
        <div class="more">More on this story</div>
      </div>
      <div class="teaser"><div>Weather: sunny, 21 degrees</div></div>
    </body></html>"""
    doc = html_to_text(page)
    lines = blocks(doc)
    assert EN1 in lines and EN4 in lines and f"{EN2} Budget 2024 {EN3}" in lines
    assert "More on this story" in lines  # a weak name inside the main content does not prune
    dropped = codes(doc)
    assert dropped["Home News Sport"] == "HTML_ATTR"
    assert dropped["Weather: sunny, 21 degrees"] == "HTML_ATTR"  # "teaser" outside the main content


# --- comments after the article ------------------------------------------------------------------------

def test_comments_section_after_article_goes():
    comments = "".join(
        f"<li id='comment-{i}' class='comment even'><div class='comment-author'>Reader {i}</div>"
        f"<div class='comment-content'><p>{COMMENT} Reply {i}.</p></div></li>" for i in range(3))
    page = f"""<html><body><div class="wrap">
      <div class="post"><h1>Council approves transit budget</h1>
        <div class="post-body"><p>{EN1}</p><p>{EN2}</p><p>{EN3}</p><p>{EN4}</p></div></div>
      <div class="comments" id="comments"><h3>3 Responses</h3><ol class="commentlist">{comments}</ol>
        <div id="respond"><h3>Leave a Reply</h3></div></div>
    </div></body></html>"""
    doc = html_to_text(page)
    lines = blocks(doc)
    for para in (EN1, EN2, EN3, EN4):
        assert para in lines
    assert all(COMMENT not in line and "Reader" not in line for line in lines)
    dropped = codes(doc)
    assert dropped["3 Responses"] == "HTML_ATTR" and dropped["Leave a Reply"] == "HTML_ATTR"


# --- recipe / shop: short lines inside the main content ----------------------------------------------------

def test_recipe_ingredient_list_inside_main_content_stays():
    items = [("200 g", "Weizenmehl Type 405"), ("2", "Eier Größe M"), ("250 ml", "Vollmilch"),
             ("1 Prise", "Salz"), ("30 g", "Butter zum Braten")]
    ingredients = "".join(f"<li>{q} <a href='/zutat/{i}'>{n}</a></li>" for i, (q, n) in enumerate(items))
    page = f"""<html><body>
      <nav><a href="/">Rezepte</a> <a href="/backen">Backen</a></nav>
      <div class="recipe">
        <h1>Pfannkuchen</h1>
        <div class="recipe-meta">Zubereitung: 20 Minuten</div>
        <p>{DE1}</p>
        <h2>Zutaten</h2><ul class="ingredients">{ingredients}</ul>
        <h2>Zubereitung</h2>
        <ol class="steps"><li>{DE2}</li><li>{DE3}</li></ol>
        <div class="share-buttons"><a href="#p">Pin it</a> <a href="#f">Teilen</a></div>
      </div>
      <div class="related-recipes"><h3>Ähnliche Rezepte</h3><ul><li><a href="/r1">Waffeln</a></li>
        <li><a href="/r2">Crêpes</a></li><li><a href="/r3">Kaiserschmarrn</a></li></ul></div>
    </body></html>"""
    doc = html_to_text(page)
    lines = blocks(doc)
    for q, n in items:
        assert f"{q} {n}" in lines
    assert DE1 in lines and DE2 in lines and DE3 in lines
    assert "Zubereitung: 20 Minuten" in lines  # "meta" is a weak name: kept inside the main content
    dropped = codes(doc)
    assert dropped["Pin it Teilen"] == "HTML_ATTR"
    assert dropped["Ähnliche Rezepte"] == "HTML_ATTR"
    assert dropped["Rezepte Backen"] == "HTML_NAV"


# --- the last resort ---------------------------------------------------------------------------------------

def test_pruning_most_of_the_main_content_is_undone_with_a_warning():
    # a site that wraps most paragraphs in "shareable quote" blocks: each one alone is a small part of the story
    # and may go (a strong name), together they are most of it
    quotes = [f"Quote number {i} from the council meeting, as recorded in the official minutes of the session."
              for i in range(8)]
    body = "".join(f"<div class='social-share-quote'><p>{q}</p></div>" for q in quotes)
    page = f"""<html><body><div id="nav"><a href="/">Home</a> <a href="/a">A</a> <a href="/b">B</a></div>
      <div class="story"><p>{EN3}</p>{body}<p>{EN3}</p></div></body></html>"""
    doc = html_to_text(page)
    lines = blocks(doc)
    assert all(q in lines for q in quotes) and lines.count(EN3) == 2
    assert codes(doc) == {"Home A B": "HTML_ATTR"}
    assert any("main content" in w for w in doc.warnings)


def test_role_main_and_item_prop_article_body_are_content():
    page = f"""<html><body>
      <div role="main" class="modal rail"><div itemprop="articleBody" class="more">
        <p>{EN1}</p><p>{EN2}</p></div></div>
      <div class="rail"><p>{EN3}</p></div></body></html>"""
    doc = html_to_text(page)
    assert EN1 in doc.text and EN2 in doc.text
    assert codes(doc) == {EN3: "HTML_ATTR"}


# --- name scores ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("entry-content entry-content-read-more", "strong content"),
        ("box article modal-enabled", "content"),
        ("post-content", "strong content"),
        ("article__body", "strong content"),
        ("articleBody", "strong content"),
        ("read-more", "strong boilerplate"),
        ("comment-content", "strong boilerplate"),
        ("sidebar-content", "strong boilerplate"),
        ("sharedaddy sd-sharing-enabled", "strong boilerplate"),
        ("jp-relatedposts", "strong boilerplate"),
        ("modal-enabled", "weak boilerplate"),
        ("widget", "weak boilerplate"),
        ("modal-content", "neutral"),
        ("shared-content", "content"),
        ("social-embed", "neutral"),
        ("has-sidebar", "neutral"),
        ("main-content-wrap has-section-nav", "content"),
        ("story-body__mini-info-list-and-share-row", "strong boilerplate"),
        ("content-recirculation__wrapper", "strong boilerplate"),
        ("artikel-text", "strong content"),
        ("teilen-leiste", "strong boilerplate"),
    ],
)
def test_name_scores(value, expected):
    pos, neg = _value_score(value)
    if pos >= STRONG:
        got = "strong content"
    elif neg <= -STRONG:
        got = "strong boilerplate"
    elif pos > 0:
        got = "content"
    elif neg < 0:
        got = "weak boilerplate"
    else:
        got = "neutral"
    assert got == expected
