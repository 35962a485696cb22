"""D4: a draft made by `init --from` that still says last year, or has no 发文字号 yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import invoke

pytestmark = pytest.mark.usefixtures("in_tmp")

OLD = """\
version: 1
report:
  org: 示例县青禾镇人民政府
  short: 青禾镇
  year: 2023
  date: 2024-01-25
  doc_number: 青政〔2024〕8号
  to: [中共示例县委员会, 示例县人民政府]
  attachments: [2023年主要指标完成情况表]
intro: 2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下：
measures:
  - title: 加强组织领导
    text: 全年召开专题会议。
problems:
  shortcomings:
    - text: 执法力量相对薄弱。
  causes:
    - text: 人员编制不足。
duties:
  - text: 主要负责人带头述法。
plans:
  - text: 全面落实行政执法三项制度。
other:
  - text: 2023年，我镇共发生行政诉讼案件2件。与2023年相比，调解案件有所增加。
"""


def d4(path: str) -> list[str]:
    out = invoke("check", path).stdout.splitlines()
    return [ln.split(".yaml:", 1)[1] for ln in out if " D4 " in ln]


def test_d4_a_filled_draft_still_says_last_year() -> None:
    Path("2023.yaml").write_text(OLD, "utf-8")
    assert invoke("init", "2024.yaml", "--from", "2023.yaml").exit_code == 0
    text = Path("2024.yaml").read_text("utf-8")
    assert "attachments: [2024年主要指标完成情况表]" in text  # named for the year, like the title
    text = text.replace("date: # 成文日期：请填写，如 2025-02-20", "date: 2025-01-20")
    text = text.replace("value: null, unit", "value: 3, unit")  # the typed 2件, now a metric
    text = text.replace("attachments: [2024年", "attachments: [2023年")
    Path("2024.yaml").write_text(text, "utf-8")
    lines = text.splitlines()
    at = {n + 1: ln for n, ln in enumerate(lines)}
    findings = d4("2024.yaml")
    year = "“2023年”是上年的年份：这份草稿是2024年度的，请改写为本年的内容"
    attachment = next(n for n, ln in at.items() if "attachments:" in ln)
    intro = next(n for n, ln in at.items() if ln.startswith("intro: 2023年，青禾镇"))
    other = next(n for n, ln in at.items() if "我镇共发生" in ln)
    report = next(n for n, ln in at.items() if ln == "report:")
    assert findings == [
        f"{report}:1: 警告 D4 还没有填写发文字号（上年为“青政〔2024〕8号”）："
        "请在 report.doc_number 中填写本年的发文字号",
        f"{attachment}:{at[attachment].index('2023') + 1}: 警告 D4 {year}",
        f"{intro}:{at[intro].index('2023') + 1}: 警告 D4 {year}",
        # the comparison later in the same text is not flagged
        f"{other}:{at[other].index('2023') + 1}: 警告 D4 {year}",
    ]


def test_a_file_that_is_not_next_year_of_its_previous_is_not_checked() -> None:
    Path("2023.yaml").write_text(OLD, "utf-8")
    Path("same.yaml").write_text(
        OLD.replace("version: 1", "version: 1\nprevious: 2023.yaml"), "utf-8"
    )
    assert d4("same.yaml") == [] and d4("2023.yaml") == []
