"""Issue 16.4: next year's draft never carries last year's figures unnoticed. `init --from`
on a plain import (figures typed in the text) turns each figure it can label into an emptied
metric (last year's number as its prev) and says so in the draft's header; any figure still
typed in a text as last year wrote it is D7, an error at its line, until it is replaced or
confirmed (report.ignore)."""

from __future__ import annotations

from pathlib import Path

import docx
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
  to: [中共示例县委员会, 示例县人民政府]
intro: 2023年，青禾镇扎实推进法治政府建设。现将有关情况报告如下：
measures:
  - title: 开展12项专项行动
    text: 全年排查调解矛盾纠纷810起，发放普法宣传资料6000余份。
problems:
  shortcomings:
    - text: 执法力量相对薄弱。
  causes:
    - text: 人员编制不足。
duties:
  - text: 主要负责人带头述法。
plans:
  - text: 全面落实行政执法三项制度。
"""


def _draft() -> str:
    Path("2023.yaml").write_text(OLD, "utf-8")
    result = invoke("init", "2024.yaml", "--from", "2023.yaml")
    assert result.exit_code == 0, result.output
    return Path("2024.yaml").read_text("utf-8")


def test_typed_figures_become_emptied_metrics_and_the_header_says_so() -> None:
    text = _draft()
    assert "810" not in text.split("metrics:")[0] and "6000" not in text.split("metrics:")[0]
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any("正文中直接写的 2 个数字已改为指标并清空" in ln for ln in header), header
    assert any("还有 1 个数字仍直接写在文字中" in ln for ln in header), header
    assert "    text: 全年排查调解矛盾纠纷{{ m.screened_mediation_disputes }}，" in text
    assert "value: null" in text and "prev: 810" in text and "prev: 6000" in text


def test_the_draft_is_blocked_until_every_figure_is_this_years() -> None:
    text = _draft().replace("date: # 成文日期：请填写，如 2025-02-20", "date: 2025-01-20")
    Path("2024.yaml").write_text(text, "utf-8")
    out = invoke("check", "2024.yaml").stdout.splitlines()
    assert sum("还没有填写数值" in ln for ln in out) == 2  # the emptied metrics are asked for
    for number in ("850", "7000"):
        text = text.replace("value: null, unit", f"value: {number}, unit", 1)
    Path("2024.yaml").write_text(text, "utf-8")
    out = invoke("check", "2024.yaml").stdout.splitlines()
    title = next(n for n, ln in enumerate(text.splitlines(), 1) if "开展12项专项行动" in ln)
    col = text.splitlines()[title - 1].index("12") + 1
    assert (
        f"2024.yaml:{title}:{col}: 错误 D7 “12”与上年同一处的数字相同：草稿中的文字是上年的，"
        "请改为2024年的数字，或定义为指标并用 {{ m.指标id }} 引用；确认今年确实不变时在 "
        "report.ignore 中写 D7"
    ) in out
    assert invoke("render", "2024.yaml").exit_code == 1 and not Path("2024.docx").exists()
    # the clerk fills this year's figures and rewrites the title: it renders this year's numbers
    filled = text.replace("开展12项专项行动", "开展15项专项行动")
    Path("2024.yaml").write_text(filled, "utf-8")
    assert invoke("render", "2024.yaml").exit_code == 0
    body = "\n".join(p.text for p in docx.Document("2024.docx").paragraphs)
    assert "（一）开展15项专项行动" in body
    assert "全年排查调解矛盾纠纷850起，发放普法宣传资料7000余份。" in body
    assert "810" not in body and "6000" not in body


def test_a_figure_confirmed_unchanged_is_not_flagged() -> None:
    text = _draft().replace("date: # 成文日期：请填写，如 2025-02-20", "date: 2025-01-20")
    text = text.replace("  year: 2024\n", "  year: 2024\n  ignore: [D7]\n")
    Path("2024.yaml").write_text(text, "utf-8")
    assert not [ln for ln in invoke("check", "2024.yaml").stdout.splitlines() if " D7 " in ln]
