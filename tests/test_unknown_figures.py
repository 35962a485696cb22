"""Issue 16.2: what the data does not give is not printed as a fact. A court figure left
out is unknown: the report says nothing about it (never 无败诉案件 or 0), the summary leaves
its cell empty and the 合计 does not count it as 0; a figure written as null is asked for."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from tests.helpers import Minimal, invoke, refused

COURT = (
    "court:\n  lawsuits: 2\n  head_appearances: 2\n  judgments_due: 1\n  judgments_performed: 1\n"
)


def _part_five(path: Path) -> list[str]:
    assert invoke("render", path.name).exit_code == 0
    texts = [p.text for p in docx.Document(path.with_suffix(".docx").name).paragraphs]
    five = texts.index("五、其他需要报告的情况")
    return [t for t in texts[five + 1 : texts.index("示例县示例镇人民政府")] if t]


@pytest.mark.parametrize(
    ("court", "said"),
    [
        (COURT, "共发生行政诉讼案件2件，行政机关负责人出庭应诉2件，出庭应诉率100%；"
         "应履行法院生效裁判1件，已全部履行"),
        ("court:\n  lawsuits: 2\n  head_appearances: 2\n",
         "共发生行政诉讼案件2件，行政机关负责人出庭应诉2件，出庭应诉率100%"),
        ("court:\n  lawsuits: 3\n  lost: 0\n", "共发生行政诉讼案件3件，无败诉案件"),
        ("court:\n  lost: 1\n", "败诉1件"),
        ("court:\n  head_appearances: 1\n", "行政机关负责人出庭应诉1件"),
        ("court:\n  lawsuits: 0\n", "未发生行政诉讼案件"),
        ("court:\n  judgments_due: 2\n", "应履行法院生效裁判2件"),
        ("court:\n  judgments_due: 2\n  judgments_performed: 1\n", "应履行法院生效裁判2件，已履行1件"),
        ("court:\n  judgments_due: 0\n", "无应履行的法院生效裁判"),
        ("court:\n  judgments_performed: 2\n", "已履行法院生效裁判2件"),
    ],
)  # fmt: skip
def test_the_court_paragraph_says_only_what_the_file_gives(
    in_tmp: Path, minimal: Minimal, court: str, said: str
) -> None:
    path = minimal((COURT, court))
    assert _part_five(path) == [f"2024年，示例镇{said}。"]


def test_a_court_without_figures_says_nothing_of_the_court(in_tmp: Path, minimal: Minimal) -> None:
    path = minimal((COURT, "court: {}\n"))
    assert _part_five(path) == ["无。"]  # part 五 has nothing to report: the contract's 无。
    code = invoke("check", path.name)
    assert "S4 第五部分“其他需要报告的情况”没有内容，将印为“无。”" in code.stdout


def test_a_court_figure_written_empty_is_asked_for(in_tmp: Path, minimal: Minimal) -> None:
    path = minimal((COURT, "court:\n  lawsuits: 2\n  lost:\n"))
    assert refused("render", path.name) == [
        "report.yaml:30:8: 错误 SCHEMA “court.lost”还没有填写件数：请填写（没有就写 0），"
        "不知道的请删去这一项"
    ]


def test_an_empty_part_three_prints_nothing_under_its_heading(
    in_tmp: Path, minimal: Minimal
) -> None:
    path = minimal(
        ("duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n", "duties: []\n")
    )
    assert invoke("render", path.name).exit_code == 0
    texts = [p.text for p in docx.Document("report.docx").paragraphs]
    three = next(i for i, t in enumerate(texts) if t.startswith("三、"))
    assert texts[three + 1].startswith("四、") and "无。" not in texts[: three + 2]


def test_the_summary_leaves_an_unknown_court_figure_empty(in_tmp: Path, minimal: Minimal) -> None:
    minimal(name="甲.yaml")
    minimal(
        (COURT, "court:\n  lawsuits: 4\n  head_appearances: 1\n"),
        ("示例县示例镇人民政府\n  short: 示例镇\n", "示例县乙镇人民政府\n  short: 乙镇\n"),
        name="乙.yaml",
    )
    assert invoke("summary", "甲.yaml", "乙.yaml", "-o", "汇总.xlsx").exit_code == 0
    rows = [[c.value for c in r] for r in load_workbook("汇总.xlsx")["汇总"].iter_rows()]
    head = rows[0]
    by_name = {r[0]: dict(zip(head, r, strict=True)) for r in rows[1:]}
    assert by_name["乙镇"]["败诉（件）"] is None
    assert by_name["乙镇"]["应履行的生效裁判（件）"] is None
    assert by_name["示例镇"]["败诉（件）"] is None  # MINIMAL gives no `lost` either
    total = by_name["合计"]
    assert total["行政诉讼案件（件）"] == 6 and total["负责人出庭应诉（件）"] == 3
    assert total["败诉（件）"] is None  # nobody gave it: unknown, not 0
    # 乙镇 gives no judgments: the 合计 of those is 示例镇's alone, and says so
    assert total["应履行的生效裁判（件）"] == 1
