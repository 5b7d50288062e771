"""The Python API's edges: ``clean_many`` / ``score_many`` take what ``clean`` / ``score`` take, element by element,
with the same options; the public names that replaced private ones used across packages; one table list."""
from __future__ import annotations

import ast
import math
from dataclasses import replace
from pathlib import Path

import pytest

import mediacheck
from mediacheck import Article, CleanArticle, clean, clean_many, score, score_many

ROOT = Path(__file__).resolve().parents[1]
HEADLINE = "Council approves the riverside park plan"
BODY = ("The city council voted on Tuesday to build a new park near the river, officials said. "
        "Residents may get the first paths by spring, according to people familiar with the plan.")
RAW = f"Skip to content\n\n{HEADLINE}\n\n{BODY}\n\nShare this article\n"
HTML = f"<html><head><title>{HEADLINE}</title></head><body><nav>Home | News</nav><article><h1>{HEADLINE}</h1>" \
       f"<p>{BODY}</p></article><footer>Share this article</footer></body></html>"
ITEMS = [
    RAW,
    {"id": "d1", "text": RAW, "outlet": "ledger", "author": "A. Writer"},
    {"html": HTML, "outlet": "ledger"},
    Article(id="a1", text=RAW, outlet="courier"),
]


def _same_clean(a: CleanArticle, b: CleanArticle) -> bool:
    return replace(a, id="") == replace(b, id="")


# --- clean_many ------------------------------------------------------------------------------------------------

def test_clean_many_takes_strings_dicts_and_articles_like_clean():
    for options in ({}, {"classifier": False}, {"extractor": "builtin"}):
        batch = list(clean_many(ITEMS, templates=False, **options))
        assert len(batch) == len(ITEMS)
        for item, got in zip(ITEMS, batch):
            assert _same_clean(got, clean(item, **options)), (item, options)
    assert batch[0].title == HEADLINE and "Skip to content" not in batch[0].text


def test_clean_many_numbers_items_without_an_id():
    out = list(clean_many([RAW, RAW, {"text": RAW}, {"id": "mine", "text": RAW}, Article(id="a", text=RAW)],
                          templates=False))
    assert [c.id for c in out] == ["text-1", "text-2", "text-3", "mine", "a"]
    assert clean(RAW).id == "text"                  # one article keeps its single default id


def test_clean_many_keeps_dict_fields_and_meta():
    (c,) = clean_many([{"id": "d1", "text": RAW, "outlet": "ledger", "author": "A. Writer"}])
    assert (c.id, c.outlet, dict(c.meta)) == ("d1", "ledger", {"author": "A. Writer"})


def test_clean_many_streams_and_learns_templates_from_mixed_items():
    footer = "Our journalism relies on readers like you"
    places = ("harbour", "museum", "bakery", "school", "library", "station")
    texts = [f"The {p} reopens after repairs\n\nThe {p} in the old town reopened on Monday after months of work, "
             f"the city said in a statement.\n\nVisitors queued outside the {p} before the doors opened, and "
             f"staff said more events were planned for the summer.\n\n{footer}\n" for p in places]
    mixed = [*({"text": t, "outlet": "ledger"} for t in texts[:3]),
             *(Article(id=f"a{k}", text=t, outlet="ledger") for k, t in enumerate(texts[3:])),
             texts[0]]                                                 # a string names no outlet: no template
    as_list = list(clean_many(mixed, classifier=False))
    as_stream = list(clean_many(iter(mixed), classifier=False))
    assert as_list == as_stream
    rule = [{r.text: r.rule for r in c.removed}.get(footer) for c in as_list]
    assert rule[:6] == ["TPL_OUTLET"] * 6 and rule[6] != "TPL_OUTLET"


def test_clean_many_refuses_a_single_string_and_unknown_items():
    with pytest.raises(TypeError, match="single string"):
        list(clean_many(RAW))
    with pytest.raises(TypeError, match="cannot clean a int"):
        list(clean_many([RAW, 3]))
    with pytest.raises(TypeError, match="CleanArticle"):
        list(clean_many([clean(RAW)]))


def test_top_level_clean_many_is_the_cleaning_one():
    assert mediacheck.clean_many is clean_many
    assert [c.title for c in mediacheck.clean_many(["x\n\n" + BODY])] == [clean("x\n\n" + BODY).title]


# --- score_many ------------------------------------------------------------------------------------------------

def _same_score(a, b) -> bool:
    def key(s):
        summary = {k: ("nan" if isinstance(v, float) and math.isnan(v) else v) for k, v in s.summary.items()}
        sentences = [{**x.to_dict(), "id": ""} for x in s.sentences]       # sentence rows carry the article id
        return s.outlet, s.title, s.status, s.message, summary, sentences, s.text, dict(s.meta)
    return key(a) == key(b)


def test_score_many_takes_what_score_takes():
    items = [*ITEMS, clean(RAW)]
    for options in ({}, {"clean": False}, {"tone": False}):
        batch = list(score_many(items, templates=False, **options) if options.get("clean", True)
                     else score_many(items, **options))
        assert len(batch) == len(items)
        for item, got in zip(items, batch):
            assert _same_score(got, score(item, **options)), (item, options)
    assert math.isnan(batch[0].summary["tone"])                      # tone=False, the last options
    assert [s.id for s in batch][:2] == ["text-1", "d1"]


def test_score_many_keeps_clean_articles_in_place_in_a_stream():
    done = replace(clean(RAW), id="done")
    items = [done, RAW, done, Article(id="a", text=RAW), done]
    as_list = [s.id for s in score_many(items, tone=False)]
    as_stream = [s.id for s in score_many(iter(items), tone=False)]
    assert as_list == as_stream == ["done", "text-2", "done", "a", "done"]


def test_score_many_passes_clean_options_to_clean_many():
    rules_only = list(score_many([RAW], classifier=False, templates=False, tone=False))[0]
    assert rules_only.text == clean(RAW, classifier=False).text
    with pytest.raises(ValueError):
        list(score_many([RAW], extractor="no-such-extractor"))


def test_score_many_refuses_a_single_string():
    with pytest.raises(TypeError, match="single string"):
        list(score_many(RAW))


# --- public names instead of private ones across packages -----------------------------------------------------

def test_public_names_replace_the_private_ones():
    from mediacheck.cleaning import article_text
    from mediacheck.dedup.finder import parse_published
    from mediacheck.io.readers import article_from_record
    from mediacheck.report.charts import finite_float
    from mediacheck.scoring import score_clean_article

    assert article_text(Article(id="h", html="<p>Hello there</p>")).strip() == "Hello there"
    assert parse_published("2024-05-01T10:00:00Z").year == 2024 and parse_published("soon") is None
    assert article_from_record({"text": "x"}, fallback_id="row-1", source="row 1", outlet="o").id == "row-1"
    assert finite_float("2.5") == 2.5 and finite_float(float("nan")) is None and finite_float("x") is None
    s = score_clean_article(clean(RAW))                              # shipped lexicon and model by default
    assert s.status == "ok" and _same_score(s, score(clean(RAW)))


def _private_imports(path: Path, package_of) -> list[str]:
    """``from mediacheck.x.y import _name`` / ``module._name`` uses whose module lives in another package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = package_of(path)
    found, modules = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mediacheck"):
            for a in node.names:
                full = f"{node.module}.{a.name}"
                modules[a.asname or a.name] = full
                if a.name.startswith("_") and not a.name.startswith("__") and node.module.split(".")[1:2] != [here]:
                    found.append(f"{path.relative_to(ROOT)}: from {node.module} import {a.name}")
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("mediacheck") and a.asname:
                    modules[a.asname] = a.name
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name) and node.value.id in modules):
            target = modules[node.value.id]
            if target.split(".")[1:2] != [here]:
                found.append(f"{path.relative_to(ROOT)}: {node.value.id}.{node.attr}")
    return found


def test_no_private_names_cross_packages():
    """mediacheck's packages and the benchmarks use each other's public names only (the CLI modules, which are
    moving into a package, are left out)."""
    def package_of(path: Path) -> str:
        rel = path.relative_to(ROOT).parts
        return rel[1] if rel[0] == "mediacheck" and len(rel) > 2 else ""

    paths = [p for p in (ROOT / "mediacheck").rglob("*.py") if not p.relative_to(ROOT).parts[1].startswith("cli")]
    paths += sorted((ROOT / "benchmarks").glob("*.py"))
    found = [hit for p in paths for hit in _private_imports(p, package_of) if ".cli" not in hit and "cli_" not in hit]
    assert not found, "\n".join(found)


# --- the table list ------------------------------------------------------------------------------------------------

def test_one_table_list():
    from mediacheck.report import columns, output, pipeline

    specs = columns.TABLE_SPECS
    assert len({t.name for t in specs}) == len(specs)
    assert columns.TABLES == {t.name: t.columns for t in specs}
    assert output.FINAL_TABLES == columns.FINAL_TABLES == (
        "articles", "outlets", "outlet_pairs", "stories", "evidence", "duplicates")
    assert pipeline.STREAMED == columns.STREAMED_TABLES == ("sentences", "removed", "errors")
    assert set(columns.TABLES) == set(columns.FINAL_TABLES) | set(columns.STREAMED_TABLES)
    assert {f"{t}.csv" for t in columns.TABLES} <= output.REPORT_FILES


def test_open_sinks_are_the_streamed_tables(tmp_path):
    from mediacheck.report.output import open_sinks

    for sentences, names in ((False, {"removed", "errors"}), (True, {"removed", "errors", "sentences"})):
        sinks = open_sinks(str(tmp_path), sentences=sentences, parquet=False)
        assert set(sinks) == names
        for sink in sinks.values():
            sink.close()
