"""Issue 20: justified Chinese lines in the PDF, kinsoku, and nothing stranded at the end.

The examples are rendered twice: with our line rules and with WeasyPrint's own (which
leaves lines with digits ragged); the two must differ only in where glyphs sit."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import tomllib
import weasyprint
from weasyprint.layout import inline

from lawgov_gen.content.context import ReportContext
from lawgov_gen.render import cjk_lines
from tests.helpers import EXAMPLES, ROOT, write_file
from tests.layout import BLOCK_LEFT, BLOCK_RIGHT, MM
from tests.typeset import (
    NOT_FIRST,
    NOT_LAST,
    PITCH,
    Row,
    gaps,
    is_full_width,
    page_texts,
    paragraphs,
    render,
    rows,
    squeeze,
)

# a fictional report in the shapes that break naive justification: long digit runs, Latin
# words and spaces, a paragraph made of punctuation
SHAPES = """\
version: 1
report:
  org: 示例县清溪乡人民政府
  short: 清溪乡
  year: 2024
  date: 2025-02-26
  to: [中共示例县委员会, 示例县人民政府]
  note: 此件公开发布
intro: |
  {{ year }}年，清溪乡统一社会信用代码为11330000MB1234567X的乡政府，在县委、县政府的领导下扎实推进法治政府建设，乡便民服务中心对外服务电话为0571-88886666，专项资金账户为6222021234567890123456，项目编号为20240000000000001234，现将有关情况报告如下：
metrics:
  cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}
  solved: {label: 调解成功, value: 125, unit: 起, of: cases}
  rate: {label: 调解成功率, rate: [solved, cases]}
measures:
  - title: 加强组织领导
    text: |
      全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。档案系统登记的案卷流水号为123456789012345678901234567890123456789012345678901234567890，另一批次为98765432109876543210987654321098765432109876543210，均已按期归档。

      推广使用Windows Server 2019和WPS Office办公软件，乡政务网站支持PDF/A格式归档，Smart governance platform v2.3.1 was deployed in Q3 for the e-government office automation system of the township，各村（社区）APP注册用户增长12.5%，GDP增长5.2%，CPI上涨0.3%，合计1234.56万元。

      “放管服”“最多跑一次”“一网通办”……（见《示例县优化营商环境条例》第三条；《实施办法》〔2024〕2号）！？——“双随机、一公开”；“互联网+监管”：“一件事”“一次办”。（一）（二）（三）……《〈依法行政〉解读》、《“八五”普法规划》、“‘谁执法谁普法’责任制”！“好！”“行？”“是。”（见上。）（略；）——“一”“二”“三”“四”“五”“六”“七”“八”“九”“十”。
problems:
  shortcomings:
    - lead: 能力不足
      text: 少数干部法治意识不强。
  causes:
    - lead: 培训不够
      text: 学法培训针对性不强。
duties:
  - title: 带头学法
    text: 主要负责人带头学法。
court:
  lawsuits: 2
  head_appearances: 2
  judgments_due: 1
  judgments_performed: 1
plans:
  - title: 提升依法行政能力
    text: 健全依法决策机制。
"""

Rendered = dict[str, tuple[Path, ReportContext]]


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Both examples and the shapes report, with our line rules."""
    out = tmp_path_factory.mktemp("typeset")
    shapes = write_file(out / "shapes.yaml", SHAPES)
    sources = {
        "township": EXAMPLES / "township.yaml",
        "township-2023": EXAMPLES / "township-2023.yaml",
    }
    sources["shapes"] = shapes
    return {name: render(path, out / f"{name}.pdf") for name, path in sources.items()}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Both examples with WeasyPrint's own line breaking and justification."""
    out = tmp_path_factory.mktemp("shipped")
    return {
        name: render(EXAMPLES / f"{name}.yaml", out / f"{name}.pdf", shipped=True)
        for name in ("township", "township-2023")
    }


def body_paragraphs(rendered: tuple[Path, ReportContext]) -> list[list[Row]]:
    path, ctx = rendered
    return [group for block, group in paragraphs(rows(path), ctx.blocks) if block.kind == "body"]


@pytest.mark.parametrize("name", ["township", "township-2023", "shapes"])
def test_every_line_but_a_paragraphs_last_ends_at_the_right_edge(ours: Rendered, name: str) -> None:
    justified = [line for group in body_paragraphs(ours[name]) for line in group[:-1]]
    assert len(justified) > (100 if name == "township" else 10)
    for line in justified:
        edge = line.chars[-1]["x1"] / MM
        assert abs(edge - BLOCK_RIGHT) <= 0.3, (line.page, round(edge - BLOCK_RIGHT, 2), line.text)


@pytest.mark.parametrize("name", ["township", "township-2023"])
def test_only_the_positions_of_justified_lines_change(
    ours: Rendered, shipped: Rendered, name: str
) -> None:
    mine, theirs = rows(ours[name][0]), rows(shipped[name][0])
    assert [(r.page, r.text, round(r.chars[0]["top"], 2)) for r in mine] == [
        (r.page, r.text, round(r.chars[0]["top"], 2)) for r in theirs
    ]
    justified = {
        (line.page, line.chars[0]["top"])
        for group in body_paragraphs(ours[name])
        for line in group[:-1]
    }
    moved = 0
    for a, b in zip(mine, theirs, strict=True):
        xs_a, xs_b = [c["x0"] for c in a.chars], [c["x0"] for c in b.chars]
        if (a.page, a.chars[0]["top"]) in justified:
            moved += max(abs(x - y) for x, y in zip(xs_a, xs_b, strict=True)) > 0.5
        else:  # last lines, headings, title, signature, date, note, the table
            assert xs_a == pytest.approx(xs_b, abs=0.01), a.text
    assert moved >= 30  # the lines WeasyPrint left short
    assert page_texts(ours[name][0]) == page_texts(shipped[name][0])


@pytest.mark.parametrize("name", ["township", "township-2023", "shapes"])
def test_extracted_text_has_no_space_the_report_does_not(ours: Rendered, name: str) -> None:
    path, ctx = ours[name]
    ending = next(r.page for r in rows(path) if r.text == squeeze(ctx.signature))
    extracted = "\n".join(page_texts(path, block_only=True)[:ending])
    body = "".join(b.text for b in ctx.blocks)
    assert squeeze(body) in squeeze(extracted)
    spaced = re.findall(r"\S \S", extracted)
    assert spaced == [s for s in spaced if s in body], spaced
    assert bool(spaced) == (name == "shapes")  # the shapes' Latin words keep their spaces


def test_the_space_is_spread_evenly_between_the_characters(ours: Rendered) -> None:
    for group in body_paragraphs(ours["township"]):
        for line in group[:-1]:
            between = gaps(line.chars)
            assert max(between) - min(between) < 0.05, line.text  # PDF steps: 0.016 pt
            assert max(between) < 2.7  # a gap of 3 pt reads as a space


def test_full_lines_stay_on_the_grid(ours: Rendered) -> None:
    full = 0
    for row in rows(ours["township"][0]):
        if abs(row.chars[0]["size"] - 16) > 0.1 or not all(map(is_full_width, row.chars)):
            continue
        column = round((row.chars[0]["x0"] / MM - BLOCK_LEFT) * MM / PITCH)
        if column + len(row.chars) == 28:
            full += 1
            for k, char in enumerate(row.chars):
                assert abs(char["x0"] - (BLOCK_LEFT * MM + (column + k) * PITCH)) < 0.15, row.text
    assert full > 100


@pytest.mark.parametrize("name", ["township", "township-2023", "shapes"])
def test_no_line_starts_or_ends_with_a_forbidden_mark(ours: Rendered, name: str) -> None:
    for row in rows(ours[name][0]):
        assert row.text[0] not in NOT_FIRST and row.text[-1] not in NOT_LAST, (row.page, row.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲乙，丙（丁）", "甲|乙，|丙|（丁）"),
        ("“一”“二”", "“一”|“二”"),
        ("他说：“好。”", "他|说：|“好。”"),
        ("甲——乙————丙……", "甲|——|乙|——|——|丙……"),
        ("ab cd，12345", "a|b |c|d，|1|2|3|4|5"),
    ],
)
def test_kinsoku_leaves_these_positions_to_break_at(text: str, expected: str) -> None:
    cjk_lines.install()
    breaks = cjk_lines.find_breaks(text, "zh-CN")
    assert "".join(("|" if breaks.relaxed[i] else "") + c for i, c in enumerate(text)) == expected


@pytest.mark.parametrize("before", ["流水号为", "另一批次为"])
def test_a_long_digit_run_starts_on_the_line_before_it(ours: Rendered, before: str) -> None:
    """Kept whole, the run would leave the line before it stretched by several em; it
    starts on that line instead and breaks where the line ends."""
    printed = [r.text for r in rows(ours["shapes"][0])]
    row = next(t for t in printed if before in t)
    assert re.search(before + r"\d+$", row), row


def test_weasyprint_is_pinned_to_the_versions_the_module_supports() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "weasyprint>=70,<71" in pyproject["project"]["dependencies"]
    assert weasyprint.__version__.startswith(cjk_lines.SUPPORTED)
    with cjk_lines.shipped_weasyprint():
        for name in ("split_first_line", "justify_line"):
            shipped = inspect.signature(getattr(inline, name))
            assert inspect.signature(getattr(cjk_lines, name)).parameters.keys() == (
                shipped.parameters.keys()
            )
