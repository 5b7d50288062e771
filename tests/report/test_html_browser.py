"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``) renders it without running or
creating anything from the injected text. Skipped when no Chromium is on PATH (``apt-get install chromium``)."""
from __future__ import annotations

import shutil
import subprocess

import lxml.html
import pytest

from mediacheck.report.html import TITLE, write_html

from .conftest import FOX, IMG, XSS_OUTLET
from .test_html import SECTIONS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH; install it with `apt-get install chromium`"),
]


def _chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=True)


@pytest.fixture
def page(tmp_path, tables, summary):
    path = tmp_path / "report.html"
    write_html(str(path), tables, summary)
    return path


def test_dom_after_rendering_has_no_injected_elements(page, tmp_path):
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    doc = lxml.html.fromstring(dom)
    assert [h.text_content().strip() for h in doc.iter("h2")] == list(SECTIONS)
    assert len(doc.xpath("//*[local-name()='svg']")) == 9
    assert doc.xpath("//script") == [] and doc.xpath("//img") == [] and doc.xpath("//textarea") == []
    assert doc.findtext(".//title") == TITLE
    text = doc.text_content()
    assert XSS_OUTLET in text and FOX in text and IMG in text      # shown as text, not parsed as markup
    assert len(doc.xpath("//mark")) > 0


def test_screenshot_is_a_png(page, tmp_path):
    shot = tmp_path / "out.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_bidi_override_in_an_outlet_name_is_shown_not_obeyed(tmp_path, tables, summary):
    tables["outlets"].loc[0, "outlet"] = "\u202eevil"
    path = tmp_path / "bidi.html"
    write_html(str(path), tables, summary)
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri()).stdout
    text = lxml.html.fromstring(dom).text_content()
    assert "\u27e8U+202E\u27e9evil" in text and "\u202e" not in text
