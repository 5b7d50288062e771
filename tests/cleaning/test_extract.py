"""``extract.filter_lines``: mediacheck's rendering of a page filtered by trafilatura's text."""
from __future__ import annotations

import unicodedata

import pytest

from mediacheck.cleaning.extract import comparable, filter_lines

NFD_LINE = unicodedata.normalize("NFD", "Die Bürgerinnen und Bürger stimmten über die Änderung ab.")
SHY_LINE = "Die Bundes\u00adverfassungs\u00adgerichts\u00adentscheidung fiel am Dienstag einstimmig."


def test_decomposed_umlauts_match_trafilaturas_composed_text() -> None:
    # trafilatura composes u + U+0308 into ü: the line is in its output and must stay
    page = f"Startseite\n\n{NFD_LINE}\n\nImpressum"
    extracted = unicodedata.normalize("NFC", NFD_LINE)
    assert NFD_LINE != extracted
    text, dropped = filter_lines(page, extracted)
    assert NFD_LINE in text.split("\n")
    assert [t for _, t in dropped] == ["Startseite", "Impressum"]


def test_soft_hyphens_and_zero_width_characters_do_not_block_a_match() -> None:
    page = f"Menü\n\n{SHY_LINE}\n\nTeilen\u200b"
    extracted = SHY_LINE.replace("\u00ad", "")
    text, dropped = filter_lines(page, extracted)
    assert SHY_LINE in text.split("\n")              # the page's own line is kept, unchanged
    assert [line for line, _ in dropped] == [1, 5]


def test_a_block_split_by_the_extractor_still_matches_inside_its_text() -> None:
    block = "Erster Satz des Artikels über die Wahl. Zweiter Satz über die Koalition."
    text, dropped = filter_lines(f"{block}\n\nWerbung", "Erster Satz des Artikels über die Wahl.\nZweiter Satz "
                                                         "über die Koalition.")
    assert text.split("\n")[0] == block and [t for _, t in dropped] == ["Werbung"]


@pytest.mark.parametrize(("raw", "want"), [
    ("a  b\u00a0 c", "a b c"),
    (unicodedata.normalize("NFD", "Zürich"), "Zürich"),
    ("Ver\u00adsiche\u00adrung", "Versicherung"),
])
def test_comparable_form(raw: str, want: str) -> None:
    assert comparable(raw) == want
