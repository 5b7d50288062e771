"""The multilingual dev set (benchmarks/data/multilingual/pages.jsonl) keeps its invariants, and
benchmarks/multilingual_quality.py runs on a few of its pages (no ../shared needed except for the rebuild)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.multilingual_quality import DEFAULT_DATA, JUSTEXT_STOPLISTS, main

DATA = DEFAULT_DATA
BUILD = DATA.parent / "build.py"
RENDER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "render_scraped.py"
FIELDS = ("id", "lang", "kind", "site", "url", "html", "scraped", "gold_title", "gold_text")
LANGS = {"de": 12, "es": 5, "pl": 5, "fr": 5, "it": 3, "pt": 2, "nl": 2, "en": 2}
KINDS = {"news", "blog", "recipe", "shop", "docs", "list", "forum"}
# phrases of page furniture that must never reach the gold
BOILERPLATE = re.compile(
    r"lesen sie auch|das könnte (dich|sie) auch|ähnliche artikel|mirá también|zobacz także|jetzt teilen|"
    r"anmelden »|cookie|newsletter|impressum|datenschutz|©|à lire aussi|leggi anche|jump to recipe|"
    r"rezept drucken|in den warenkorb|sprawdź cenę|^(anzeige|reklama|publicidad|pubblicità|advertisement)$",
    re.IGNORECASE,
)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s.replace("\u00ad", ""))).strip()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    with open(DATA, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_size_fields_and_spread(records):
    assert len(records) == 36
    for r in records:
        assert set(FIELDS) <= set(r), r.get("id")
        assert all(isinstance(r[k], str) and r[k].strip() for k in FIELDS), r["id"]
        assert r["html"].lstrip().lower().startswith("<!doctype html>")
        assert r["id"].startswith(f"{r['lang']}-{r['kind']}-")
    assert len({r["id"] for r in records}) == 36
    assert Counter(r["lang"] for r in records) == LANGS
    kinds = Counter(r["kind"] for r in records)
    assert set(kinds) == KINDS and kinds["news"] >= 18 and kinds["recipe"] == 3 and kinds["forum"] == 1


def test_gold_lines_are_lines_of_scraped(records):
    for r in records:
        lines = {norm(x) for x in r["scraped"].splitlines()}
        assert norm(r["gold_title"]) in lines, r["id"]
        for g in r["gold_text"].split("\n\n"):
            assert norm(g) in lines, (r["id"], g[:60])


def test_gold_is_clean_text(records):
    seen_on = Counter()  # how many pages' scraped text holds each line
    for r in records:
        seen_on.update({norm(x) for x in r["scraped"].splitlines() if x.strip()})
    for r in records:
        gold, title = r["gold_text"], r["gold_title"]
        for text in (gold, title):
            assert text == unicodedata.normalize("NFC", text) and "\u00ad" not in text, r["id"]
        assert "\n\n\n" not in gold and gold == gold.strip(), r["id"]
        blocks = gold.split("\n\n")
        assert 150 <= len(gold.split()) <= 700, r["id"]
        assert norm(title) not in {norm(b) for b in blocks}, r["id"]
        for b in blocks:
            assert b.strip() and "\n" not in b and re.search(r"\w", b), (r["id"], b)
            assert not BOILERPLATE.search(b), (r["id"], b)
            assert seen_on[norm(b)] <= 3, (r["id"], b)  # repeated across many pages = furniture


def test_failure_classes_are_present(records):
    by_id = {r["id"]: r for r in records}
    mangled = [r for r in records
               if "\u00ad" in r["scraped"] and unicodedata.normalize("NFC", r["scraped"]) != r["scraped"]]
    assert len(mangled) == 4 and {r["lang"] for r in mangled} == {"de"}
    assert sum("box article modal-enabled" in r["html"] and "entry-content entry-content-read-more" in r["html"]
               for r in records) >= 2
    assert "200 g Zucker" in by_id["de-recipe-09"]["gold_text"].split("\n\n")
    assert "2 EL Butter" in by_id["de-recipe-09"]["gold_text"].split("\n\n")
    assert "100. Ray Gillen" in by_id["de-list-12"]["gold_text"].split("\n\n")
    assert "Donnerstag, 31. Mai 2012" in by_id["de-news-01"]["scraped"].splitlines()
    everything = "\n".join(r["scraped"] for r in records)
    for phrase in ("Das könnte dich auch interessieren", "Ähnliche Artikel", "Mirá también", "Jetzt teilen!",
                   "Zobacz także", "HIER KOSTENLOS ANMELDEN »"):
        assert phrase in everything, phrase
    repeated = [r for r in records
                if sum(norm(r["gold_title"]) in norm(x) for x in r["scraped"].splitlines()) >= 2]
    assert len(repeated) >= 10


@pytest.mark.skipif(not RENDER.exists(), reason="../shared/tools/render_scraped.py is absent")
def test_build_reproduces_the_file(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "pages.jsonl"
    subprocess.run([sys.executable, str(BUILD), "--out", str(out), "--render", str(RENDER)], check=True,
                   capture_output=True)
    assert out.read_bytes() == DATA.read_bytes()


def test_justext_stoplist_follows_the_language():
    justext = pytest.importorskip("justext")
    from benchmarks.multilingual_quality import justext_lines_lang

    assert set(JUSTEXT_STOPLISTS.values()) <= set(justext.get_stoplists())
    text = ("Startseite\n\nDer Stadtrat hat am Mittwoch mit großer Mehrheit beschlossen, dass die Stadt in den "
            "nächsten drei Jahren elf Kilometer neue Radwege bauen wird, und die Kosten werden zur Hälfte vom "
            "Land übernommen, wie die Verwaltung mitteilte.\n\nImpressum\n")
    out = justext_lines_lang(text, "de")
    assert "Radwege" in out and "Impressum" not in out
    assert justext_lines_lang("", "de") == ""


def test_script_prints_tables_on_three_pages(records, tmp_path, capsys):
    pick = [r for r in records if r["id"] in ("de-news-01", "es-news-13", "en-docs-36")]
    data = tmp_path / "three.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pick), encoding="utf-8")
    out_json = tmp_path / "out.json"
    assert main(["--data", str(data), "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "| cleaner | input | P | R | F1 | pages with none of the article |" in out
    assert re.search(r"^\| no cleaning \| scraped \| \d\.\d{3} \| \d\.\d{3} \| \d\.\d{3} \| 0/3 \|$", out, re.M)
    for lang in ("de", "es", "en"):
        assert f"### {lang} (1 pages)" in out
    assert "### F1 by language" in out and "### F1 by kind of page" in out
    saved = json.loads(out_json.read_text(encoding="utf-8"))
    assert saved["pages"] == 3
    none_row = next(r for r in saved["rows"] if r["cleaner"] == "no cleaning")
    assert set(none_row["by_lang"]) == {"de", "es", "en"} and len(none_row["per_page"]) == 3


def test_missing_data_is_reported(tmp_path):
    assert main(["--data", str(tmp_path / "nope.jsonl")]) == 2
