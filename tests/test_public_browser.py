"""The 公开版 and a county's index page in a real browser (headless Chromium): the text a
reader sees is the Word file's, the page asks the network for nothing, a 375 px phone needs
no sideways scrolling, it prints, and axe-core finds no accessibility violation."""

from __future__ import annotations

import base64
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from tests.helpers import EXAMPLE, invoke
from tests.preview_support import chromium, requires_chromium
from tests.public_support import docx_texts, squeezed

AXE = Path(
    os.environ.get("LAWGOV_AXE", "/usr/local/lib/lawgov-gen/node_modules/axe-core/axe.min.js")
)
requires_axe = pytest.mark.skipif(
    not AXE.is_file(),
    reason="没有安装 axe-core（bash scripts/install-system-deps.sh 用 npm 安装）：跳过无障碍检查",
)
pytestmark = requires_chromium

# What a reader sees of the report: the article's paragraphs, headings and cells, in order,
# the disclosure block (not in the Word file) left out.
READER_TEXT = """
const skip = document.querySelector('section.disclosure');
return [...document.querySelectorAll('article :is(p, h1, h2, h3, h4, h5, th, td)')]
  .filter(e => !skip.contains(e)).map(e => e.innerText).filter(t => t.trim());
"""
PHONE: dict[str, object] = {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example's 公开版 (with its .docx) and a site index listing it."""
    out = tmp_path_factory.mktemp("browser")
    assert invoke("render", str(EXAMPLE), "--html", "-o", str(out)).exit_code == 0
    site = out / "site"
    assert invoke("publish", str(EXAMPLE), "-o", str(site), "--pdf").exit_code == 0
    return {
        "page": out / "township.html",
        "docx": out / "township.docx",
        "index": site / "index.html",
    }


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = chromium(tmp_path_factory.mktemp("profile"), log_network=True)
    try:
        yield driver
    finally:
        driver.quit()


def open_page(driver: Any, path: Path, device: dict[str, object] | None = None) -> None:
    if device is None:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    else:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", device)
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get(path.as_uri())


def requested(driver: Any) -> list[str]:
    """Every URL the browser asked for since the page was opened."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.mark.parametrize("name", ["page", "index"])
def test_the_page_asks_for_nothing_but_itself(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    open_page(browser, pages[name])
    assert browser.execute_script("return document.readyState") == "complete"
    assert requested(browser) == [pages[name].as_uri()]


def test_the_reader_sees_the_word_files_text(browser: Any, pages: dict[str, Path]) -> None:
    open_page(browser, pages["page"])
    seen = browser.execute_script(READER_TEXT)
    assert squeezed(seen) == squeezed(docx_texts(pages["docx"]))
    headings = browser.execute_script(
        "return [...document.querySelectorAll('h1, h2, h3')].map(h => [h.tagName, h.innerText])"
    )
    assert headings[0] == ["H1", "青禾镇2024年法治政府建设年度报告"]
    assert headings[1] == ["H2", "一、2024年推进法治政府建设的主要举措和成效"]
    assert headings[2] == ["H3", "（一）加强组织领导，压实工作责任"]
    shown = browser.execute_script(
        "return [...document.querySelectorAll('.disclosure dl > div')]"
        ".map(d => [d.querySelector('dt').innerText, d.querySelector('dd').innerText])"
    )
    assert dict(shown)["索引号"] == "11330000-0200-2025-00006"
    assert dict(shown)["发布日期"] == "2025年2月18日"


@pytest.mark.parametrize("name", ["page", "index"])
def test_a_phone_375_px_wide_needs_no_sideways_scrolling(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    open_page(browser, pages[name], PHONE)
    widths = browser.execute_script(
        "const d = document.documentElement;"
        "const t = document.querySelector('.table');"
        "return [window.innerWidth, d.scrollWidth, d.clientWidth, t.scrollWidth, t.clientWidth]"
    )
    inner, scroll, client, table_scroll, table_client = widths
    assert inner == 375
    assert scroll <= client, widths  # the page
    assert table_scroll <= table_client, widths  # and the table inside it


def test_the_page_prints(browser: Any, pages: dict[str, Path]) -> None:
    open_page(browser, pages["page"])
    # the page's own @page (A4) wins over the default letter paper
    printed = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
    with pdfplumber.open(io.BytesIO(base64.b64decode(printed["data"]))) as pdf:
        assert len(pdf.pages) > 3
        sizes = {(round(p.width / 72 * 25.4), round(p.height / 72 * 25.4)) for p in pdf.pages}
        assert sizes == {(210, 297)}  # A4, in mm
        # Chromium's text layer names some ideographs by radicals (⽰, ⻘): NFKC folds the
        # Kangxi ones, not the supplement's (so 青 is left out of the words looked for)
        texts = [
            re.sub(r"\s", "", unicodedata.normalize("NFKC", p.extract_text() or ""))
            for p in pdf.pages
        ]
    assert "禾镇2024年法治政府建设年度报告" in texts[0]
    # the table starts a page of its own, as on paper, and its header repeats on the next
    start = next(i for i, t in enumerate(texts) if t.startswith("附件"))
    assert start > 0 and all(t.startswith("指标单位2024年2023年增减") for t in texts[start + 1 :])


@requires_axe
@pytest.mark.parametrize("name", ["page", "index"])
def test_axe_core_finds_no_violation(browser: Any, pages: dict[str, Path], name: str) -> None:
    for device in (None, PHONE):
        open_page(browser, pages[name], device)
        browser.execute_script(AXE.read_text("utf-8"))
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
            ".then(r => done({violations: r.violations.map(v => [v.id, v.nodes.length]),"
            " passes: r.passes.map(p => p.id)}));"
        )
        assert result["violations"] == [], (device, result["violations"])
        # the checks the issue names ran and passed
        assert {"color-contrast", "heading-order", "html-has-lang", "th-has-data-cells"} <= set(
            result["passes"]
        ), result["passes"]
