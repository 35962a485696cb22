"""`import --metrics` on the figures reports write: rates without 其中, readable ids and labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lawgov_gen.commands.importer.metric_finder import extract_metrics
from tests.helpers import invoke

pytestmark = pytest.mark.usefixtures("in_tmp")


def imported(body: str) -> dict[str, Any]:
    Path("old.txt").write_text(
        "青禾镇2023年法治政府建设年度报告\n\n一、主要举措和成效\n\n"
        f"{body}\n\n二、2024年工作安排\n\n加强学习。\n\n青禾镇人民政府\n\n2024年1月25日\n",
        "utf-8",
    )
    result = invoke("import", "old.txt", "-o", "2023.yaml", "--metrics")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    return data


def test_a_rate_after_its_numerator_and_denominator_without_qizhong() -> None:
    data = imported("全年调解矛盾纠纷130起，调解成功125起，调解成功率96.2%。参学率达到90%。")
    assert data["metrics"] == {
        "mediation_disputes": {"label": "调解矛盾纠纷", "value": 130, "unit": "起"},
        "mediation_success": {"label": "调解成功", "value": 125, "unit": "起"},
        "mediation_success_rate": {
            "label": "调解成功率",
            "rate": ["mediation_success", "mediation_disputes"],
        },
        # numbers that do not agree stay a value
        "participation_rate": {"label": "参学率", "value": 90, "unit": "%"},
    }
    assert data["measures"][0]["text"] == (
        "全年调解矛盾纠纷{{ m.mediation_disputes }}，调解成功{{ m.mediation_success }}，"
        "调解成功率{{ m.mediation_success_rate }}。参学率达到{{ m.participation_rate }}。"
    )


def test_readable_ids_and_labels() -> None:
    data = imported(
        "组织19名人员考取行政执法证，全年办理行政处罚案件14件，其中简易程序9件，普通程序5件。"
        "出具法律意见书35份，开展执法人员业务培训不少于4场次，具有法律专业背景的人员仅2人，"
        "应履行的法院生效裁判1件，开展集中学习超过3次。"
    )
    metrics = data["metrics"]
    assert {k: (v["label"], v["value"]) for k, v in metrics.items()} == {
        "staff_certificates": ("组织人员考取行政执法证", 19),
        "handled_penalty_cases": ("办理行政处罚案件", 14),
        "summary_procedure": ("简易程序", 9),
        "ordinary_procedure": ("普通程序", 5),
        "legal_opinions": ("出具法律意见书", 35),
        "enforcement_staff_training": ("开展执法人员业务培训", 4),
        "staff": ("具有法律专业背景的人员", 2),
        "judgments": ("应履行的法院生效裁判", 1),
        "times": ("开展集中学习", 3),
    }
    assert not any(k.startswith("figure") for k in metrics)
    text = data["measures"][0]["text"]
    assert text.startswith("组织{{ m.staff_certificates }}人员考取行政执法证，")
    assert "培训不少于{{ m.enforcement_staff_training }}" in text


def test_only_prose_marked_in_the_model_is_searched_for_figures() -> None:
    tree: dict[str, Any] = {
        "report": {"org": "调解30起", "title": "调解30起"},
        "intro": "共调解纠纷130起",
        "measures": [
            {
                "title": "调解30起",
                "items": [{"title": "培训5场", "points": [{"lead": "10件", "text": "处罚12件"}]}],
            }
        ],
        "problems": {"intro": "信访8件", "causes": [{"text": "问题3个"}]},
    }
    out = extract_metrics(tree).tree
    assert out["report"] == tree["report"]
    assert out["intro"] == "共调解纠纷{{ m.mediation_disputes }}"
    item = out["measures"][0]
    assert item["title"] == "调解30起" and item["items"][0]["title"] == "培训5场"
    assert item["items"][0]["points"] == [{"lead": "10件", "text": "处罚{{ m.penalty }}"}]
    assert out["problems"] == {
        "intro": "信访{{ m.petitions }}",
        "causes": [{"text": "问题{{ m.issues }}"}],
    }


SHARED = (
    "结合“12.4”国家宪法日和4·15全民国家安全教育日开展宣传，推行“1+N”调解模式，"
    "通过12345热线受理诉求36件，第3次会议研究5G基站选址，3月5日前完成整改，"
    "完成率150%，开展活动3.5次。"
)


def test_import_and_q5_share_one_notion_of_a_figure() -> None:
    Path("old.txt").write_text(
        "青禾镇2023年法治政府建设年度报告\n\n一、主要举措和成效\n\n"
        f"{SHARED}\n\n二、存在的不足和原因\n\n学法不够深入。\n\n三、2024年工作安排\n\n加强学习。\n\n"
        "示例县青禾镇人民政府\n\n2024年1月25日\n",
        "utf-8",
    )
    result = invoke("import", "old.txt", "-o", "2023.yaml", "--metrics")
    # a day's name, a hotline, a model's name, an ordinal, 5G and a date are not figures;
    # what check would refuse as a metric is left as text, and said
    assert "  数字：1 个改写为指标（metrics），2 个留作文字：150%、3.5次\n" in result.stdout
    data = yaml.safe_load(Path("2023.yaml").read_text("utf-8"))
    assert data["measures"][0]["text"] == SHARED.replace("36件", "{{ m.requests }}")
    q5 = [ln for ln in invoke("check", "2023.yaml").stdout.splitlines() if " Q5 " in ln]
    assert [ln.split("“")[1].split("”")[0] for ln in q5] == ["150", "3.5"]


def test_labels_read_as_noun_phrases_and_listed_parts_add_up() -> None:
    data = imported(
        "严格落实《中华人民共和国行政处罚法》等5部法律。示例镇配备3名专职调解员。"
        "成立了由12名律师组成的顾问团。排查出纠纷67件，包括婚姻家庭纠纷30件、邻里纠纷27件、"
        "其它10件。"
    )
    labels = {m["label"]: m for m in data["metrics"].values()}
    assert list(labels) == [
        "严格落实《中华人民共和国行政处罚法》等法律",
        "配备专职调解员",
        "成立律师组成的顾问团",
        "排查出纠纷",
        "婚姻家庭纠纷",
        "邻里纠纷",
        "排查出纠纷中其它",
    ]
    whole_id = next(k for k, m in data["metrics"].items() if m["label"] == "排查出纠纷")
    parts = data["metrics"][whole_id]["parts"]
    assert [data["metrics"][p]["value"] for p in parts] == [30, 27, 10]
