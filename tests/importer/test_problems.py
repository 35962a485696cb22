"""Part 二 as reports write it: causes after the shortcomings, in a 究其原因 paragraph or under
a 原因分析 heading."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from tests.helpers import invoke

pytestmark = pytest.mark.usefixtures("in_tmp")

HEAD = """青禾镇2023年法治政府建设年度报告

2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下：

一、主要举措和成效

全年开展执法检查56次。

二、存在的问题及原因
"""
TAIL = """
三、2024年工作安排

全面落实行政执法三项制度。
"""


def imported(path: Path) -> dict[str, object]:
    result = invoke("import", str(path), "-o", "2023.yaml")
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    return data


def test_a_causes_paragraph_after_the_shortcomings() -> None:
    Path("old.txt").write_text(
        HEAD
        + "\n一年来虽然取得了一定成效，但仍存在一些不足：一是部分干部法治思维不强；二是执法力量相对薄弱。\n"
        + "\n究其原因，一是学习培训不够深入；二是执法人员编制不足。\n"
        + TAIL,
        "utf-8",
    )
    assert imported(Path("old.txt"))["problems"] == {
        "intro": "一年来虽然取得了一定成效，但仍存在一些不足：",
        "shortcomings": [{"text": "部分干部法治思维不强；"}, {"text": "执法力量相对薄弱。"}],
        "causes": [{"text": "学习培训不够深入；"}, {"text": "执法人员编制不足。"}],
    }


def test_a_causes_sentence_without_points_is_kept_whole() -> None:
    Path("old.txt").write_text(
        HEAD + "\n一是部分干部法治思维不强。二是执法力量相对薄弱。\n"
        "\n究其原因，主要是学习培训针对性不强。\n" + TAIL,
        "utf-8",
    )
    problems = imported(Path("old.txt"))["problems"]
    assert isinstance(problems, dict)
    assert problems["causes"] == [{"text": "究其原因，主要是学习培训针对性不强。"}]


def test_a_styled_causes_heading_among_titled_shortcomings() -> None:
    document = docx.Document()
    document.add_paragraph("青禾镇2023年法治政府建设年度报告")
    document.add_paragraph("2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下：")
    document.add_paragraph("主要举措和成效", style="Heading 1")
    document.add_paragraph("全年开展执法检查56次。")
    document.add_paragraph("存在的不足和原因", style="Heading 1")
    document.add_paragraph("（一）依法行政能力有待提高", style="Heading 2")
    document.add_paragraph("个别干部运用法治思维解决问题的能力不足。")
    document.add_paragraph("（二）原因分析", style="Heading 2")
    document.add_paragraph("主要是学习培训针对性不强，考核机制不够完善。")
    document.add_paragraph("2024年工作计划", style="Heading 1")
    document.add_paragraph("组织执法人员培训不少于4次。")
    document.add_paragraph("青禾镇人民政府")
    document.add_paragraph("2024年2月1日")
    document.save("old.docx")
    assert imported(Path("old.docx"))["problems"] == {
        "shortcomings": [
            {"title": "依法行政能力有待提高", "text": "个别干部运用法治思维解决问题的能力不足。"}
        ],
        "causes": [{"title": "原因分析", "text": "主要是学习培训针对性不强，考核机制不够完善。"}],
    }
    checked = invoke("check", "2023.yaml")
    assert " 错误 " not in checked.stdout and "S3" not in checked.stdout
