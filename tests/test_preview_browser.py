"""The preview in a real browser (headless Chromium): each save shows on the page without a
reload (a new sentence, an F1 finding marked on its character, a YAML syntax error above the
last good report, the fix), and the page keeps the GB/T 9704 sheet and grid."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import MINIMAL, Minimal, minimal_text
from tests.preview_support import Served, chromium, requires_chromium, serving

pytestmark = requires_chromium

SENTENCE = "全年开展法治讲座十二场。"
WITH_SENTENCE = (
    "全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。",
    "全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。" + SENTENCE,
)
COMMA = ("，调解成功", ",调解成功")
LONG = "依法行政" * 20  # 80 characters: an indented first line and two full lines

CHROME = "return document.querySelector('lg-preview').shadowRoot.getElementById(arguments[0])"


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = chromium(tmp_path / "profile")
    try:
        yield driver
    finally:
        driver.quit()


def until(driver: Any, condition: Callable[[Any], object], what: str) -> None:
    """Wait up to 2 s for the page to show something (no fixed sleeps)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.wait import WebDriverWait

    try:
        WebDriverWait(driver, 2, poll_frequency=0.05).until(condition)
    except TimeoutException:
        raise AssertionError(f"2 秒内页面没有显示：{what}") from None


def chrome_text(driver: Any, part: str) -> str:
    return str(driver.execute_script(CHROME + ".textContent", part))


def banner_shown(driver: Any) -> bool:
    return not driver.execute_script(CHROME + ".hidden", "banner")


def body_text(driver: Any) -> str:
    return str(driver.execute_script("return document.body.innerText"))


def save(path: Path, text: str) -> None:
    path.write_text(text, "utf-8")


def open_page(driver: Any, served: Served) -> None:
    driver.get(served.url)
    until(
        driver, lambda d: d.execute_script("return !!document.querySelector('lg-preview')"), "页面"
    )
    # a page that reloads loses this mark: every step below checks it is still there
    driver.execute_script("window.lgNotReloaded = true")


def not_reloaded(driver: Any) -> bool:
    return driver.execute_script("return window.lgNotReloaded === true") is True


def test_each_save_shows_without_a_reload(minimal: Minimal, browser: Any, tmp_path: Path) -> None:
    path = minimal()
    with serving(path) as served:
        open_page(browser, served)
        assert browser.title.startswith("[错误 0 · 警告 0] 示例镇2024年法治政府建设年度报告")

        save(path, minimal_text(WITH_SENTENCE))
        until(browser, lambda d: SENTENCE in body_text(d), "新写的一句")
        assert not_reloaded(browser)

        save(path, minimal_text(WITH_SENTENCE, COMMA))
        until(browser, lambda d: d.title.startswith("[错误 0 · 警告 1]"), "标题中的警告数")
        until(browser, lambda d: "F1" in chrome_text(d, "findings"), "检查结果中的 F1")
        marked = browser.execute_script(
            "const m = document.querySelector('lg-mark');"
            "const p = m && m.closest('.lg-flag');"
            "return m && [m.textContent, m.className, m.title, p.tagName, p.dataset.lgRules,"
            " getComputedStyle(m).backgroundColor]"
        )
        assert marked is not None, "没有标出半角逗号"
        char, level, tip, tag, rules, colour = marked
        assert (char, level, tag, rules) == (",", "lg-warning", "P", "F1")
        assert "警告 F1" in tip and "report.yaml:" in tip
        assert colour != "rgba(0, 0, 0, 0)"
        assert "report.yaml:" in chrome_text(browser, "findings")
        assert not_reloaded(browser)
        browser.save_screenshot(str(tmp_path / "preview-F1.png"))

        # a finding in the list takes the reader to its paragraph
        browser.execute_script(CHROME + ".querySelector('[data-target]').click()", "findings")
        until(
            browser,
            lambda d: d.execute_script("return !!document.querySelector('.lg-focus lg-mark')"),
            "点击问题后定位到段落",
        )

        broken = minimal_text(WITH_SENTENCE, COMMA).replace(
            "  short: 示例镇\n", "  short: [示例镇\n"
        )
        save(path, broken)
        until(
            browser,
            lambda d: banner_shown(d) and "YAML 语法错误" in chrome_text(d, "banner"),
            "顶部的 YAML 语法错误提示",
        )
        assert "report.yaml:5:" in chrome_text(browser, "banner")
        assert SENTENCE in body_text(browser)  # the last good report stays below
        assert browser.execute_script("return document.body.hasAttribute('data-lg-stale')")
        assert browser.title.startswith("[错误 1 · 警告 0]")
        assert not_reloaded(browser)
        browser.save_screenshot(str(tmp_path / "preview-yaml-error.png"))

        save(path, MINIMAL)
        until(browser, lambda d: not banner_shown(d), "改正后错误提示消失")
        until(browser, lambda d: SENTENCE not in body_text(d), "改正后的报告")
        assert browser.execute_script("return document.querySelectorAll('lg-mark').length") == 0
        assert browser.title.startswith("[错误 0 · 警告 0]")
        assert not browser.execute_script("return document.body.hasAttribute('data-lg-stale')")
        assert not_reloaded(browser)
    assert (tmp_path / "preview-F1.png").stat().st_size > 10_000


MEASURE = """
const mm = 96 / 25.4;
const body = document.body.getBoundingClientRect();
const p = [...document.querySelectorAll('p')].find(p => p.textContent === arguments[0]);
const node = p.firstChild, range = document.createRange(), tops = [];
for (let i = 0; i < node.length; i++) {
  range.setStart(node, i); range.setEnd(node, i + 1);
  tops.push(Math.round(range.getBoundingClientRect().top));
}
const lines = [...new Set(tops)].map(t => tops.filter(x => x === t).length);
const style = getComputedStyle(p);
return [body.width / mm, lines, parseFloat(style.lineHeight) * 72 / 96,
        getComputedStyle(document.body).paddingLeft, style.fontFamily.split(',')[0]];
"""


def pdf_lines(path: Path, out: Path, text: str) -> list[int]:
    """Characters per line of `text`'s paragraph in the PDF `render --pdf` makes."""
    import pdfplumber

    from tests.helpers import invoke
    from tests.layout import lines_of

    assert invoke("render", str(path), "--pdf", "--no-docx", "-o", str(out)).exit_code == 0
    counts = []
    with pdfplumber.open(out / f"{path.stem}.pdf") as pdf:
        for page in pdf.pages:
            for row in lines_of(page):
                line = "".join(c["text"] for c in row)
                if line and line in text and not line.startswith("（"):
                    counts.append(len(line))
    return counts


def test_the_page_is_an_a4_sheet_that_breaks_lines_as_the_pdf(
    minimal: Minimal, browser: Any, tmp_path: Path
) -> None:
    path = minimal(("主要负责人带头学法。", LONG + "。"))
    with serving(path) as served:
        open_page(browser, served)
        width, lines, pitch, left, family = browser.execute_script(MEASURE, LONG + "。")
    assert round(width) == 210
    # the 2-character indent leaves room for 25 (letter-spacing -0.21pt), then 28 a line
    assert lines == [25, 28, 28] == pdf_lines(path, tmp_path / "out", LONG + "。")
    assert pitch == pytest.approx(28.99, abs=0.01)
    assert float(left.removesuffix("px")) == pytest.approx(28 * 96 / 25.4, abs=0.05)
    assert family.strip('"') == "仿宋_GB2312"
