"""Numbered sub-items written as whole sentences, a sub-item cut in two by a page, spacing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import invoke

pytestmark = pytest.mark.usefixtures("in_tmp")

SENTENCE = (
    "1.领导干部日常学法机制健全，落实机关干部和村干部学法考法制度，基层党员干部普法参学率和合格率达到"
    "100%。"
)
RUN_IN = "2.学习新施行法律法规。进一步健全完善领导班子集体决策制度。"
CUT = (
    "3.结合“12.4国家宪法日”等特殊节假日，相继开展相关",
    "主题宣传活动，营造人人学法、守法的社会氛围。",
)
OLD = f"""青禾镇2023年法治政府建设年度报告

2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下：

一、主要做法和成效

（一）强化法治学习宣传，提升全民法治意识

{SENTENCE}

{RUN_IN}

{CUT[0]}

{CUT[1]}

（二）规范执法程序

1.规范执法程序，强化执法监督

全面推行行政执法公示制度。

2.加强执法监督

开展行政执法案卷评查2次。

二、存在问题

一是执法力量相对薄弱。二是普法形式单一。

三、下一步工作思路

全面落实行政执法三项制度。

青禾镇人民政府

2024年1月20日
"""


def test_sentence_sub_items_and_a_page_split_one() -> None:
    Path("old.txt").write_text(OLD, "utf-8")
    result = invoke("import", "old.txt", "-o", "2023.yaml")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    assert data["measures"] == [
        {
            "title": "强化法治学习宣传，提升全民法治意识",
            "items": [
                {"text": SENTENCE[2:]},
                {"title": "学习新施行法律法规", "text": "进一步健全完善领导班子集体决策制度。"},
                {"text": CUT[0][2:] + CUT[1]},
            ],
        },
        # sub-items written as headings stay headings, and are not joined
        {
            "title": "规范执法程序",
            "items": [
                {"title": "规范执法程序，强化执法监督", "text": "全面推行行政执法公示制度。"},
                {"title": "加强执法监督", "text": "开展行政执法案卷评查2次。"},
            ],
        },
    ]
    checked = invoke("check", "2023.yaml")
    assert " 错误 " not in checked.stdout, checked.stdout


def test_a_space_before_percent_goes() -> None:
    Path("old.md").write_text(
        "# 青禾镇2023年法治政府建设年度报告\n\n"
        "2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下：\n\n"
        "## 一、主要做法和成效\n\n全年调解矛盾纠纷130起，调解成功率96.2 %，参学率达到 100 %。\n",
        "utf-8",
    )
    result = invoke("import", "old.md", "-o", "2023.yaml")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    assert data["measures"] == [
        {"text": "全年调解矛盾纠纷130起，调解成功率96.2%，参学率达到100%。"}
    ]
    assert "删除数字与百分号间的空格 2 处" in result.stdout
