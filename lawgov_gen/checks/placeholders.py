"""S8: the starter's sample content (`lawgov-gen init`) that the clerk has not replaced.

The starter writes exactly these texts and figures; a file that still holds one of them
gets a warning naming it, so a sample sentence or a sample figure never goes out.
"""

from __future__ import annotations

from collections.abc import Iterator

from lawgov_gen.checks.registry import CheckInput, rule
from lawgov_gen.diagnostics import Diagnostic

PLACEHOLDER_NAME = "某某"
STILL_THE_STARTER = 3  # this many sample figures unchanged: the file is still the starter  # in a derived addressee when the county cannot be read from --org

# id → (label, value, unit, extra keys); the starter's sample metrics.
SAMPLE_METRICS: dict[str, dict[str, object]] = {
    "mediation_cases": {"label": "调解矛盾纠纷", "value": 100, "unit": "起"},
    "mediation_success": {"label": "调解成功", "value": 96, "unit": "起", "of": "mediation_cases"},
    "mediation_rate": {"label": "调解成功率", "rate": ["mediation_success", "mediation_cases"]},
    "pufa_events": {"label": "开展普法活动", "value": 20, "unit": "场次"},
    "leaflets": {"label": "发放宣传资料", "value": 3000, "unit": "份", "approx": True},
    "penalty_cases": {
        "label": "行政处罚案件",
        "value": 10,
        "unit": "件",
        "parts": ["penalty_closed", "penalty_open"],
    },
    "penalty_closed": {"label": "已办结", "value": 9, "unit": "件"},
    "penalty_open": {"label": "正在办理", "value": 1, "unit": "件"},
}

SAMPLE_TEXTS: dict[str, str] = {
    "intro": "{{ year }}年，{{ short }}坚持以习近平新时代中国特色社会主义思想为指导，"
    "深入学习贯彻习近平法治思想，扎实推进法治政府建设各项工作。现将有关情况报告如下：",
    "measure_1": "把法治政府建设纳入经济社会发展总体布局，定期研究部署法治建设重点任务。",
    "measure_2": "全面落实行政执法“三项制度”，全年办理行政处罚案件{{ m.penalty_cases }}，"
    "其中已办结{{ m.penalty_closed }}。",
    "point_1": "开展普法活动{{ m.pufa_events }}，发放宣传资料{{ m.leaflets }}。",
    "point_2": "调解矛盾纠纷{{ m.mediation_cases }}，调解成功率{{ m.mediation_rate }}。",
    "point_plain_1": "围绕群众关心的法律问题开展普法活动，发放宣传资料。",
    "point_plain_2": "落实矛盾纠纷排查调处制度，把矛盾化解在萌芽状态。",
    "shortcoming": "少数干部运用法治思维和法治方式解决问题的能力还不强。",
    "cause": "学法培训针对性不强，考核结果运用不够充分。",
    "duty": "党政主要负责人带头学习习近平法治思想，在年终述职中专题报告履行法治建设职责情况。",
    "plan": "{{ next_year }}年，围绕法治政府建设年度任务，进一步健全依法决策机制，提升执法规范化水平。",
}
_SAMPLES = {text.replace("\n", "") for text in SAMPLE_TEXTS.values()}
# the names init writes with 某某 when not given --org, or cannot read the county from it
_SAMPLE_NAMES: dict[tuple[str | int, ...], tuple[str, str]] = {
    ("report", "org"): ("发文机关", "本单位的全称"),
    ("report", "short"): ("简称", "本单位的简称"),
    ("report", "signature"): ("署名", "本单位的全称"),
    ("report", "to"): ("主送机关", "实际的上级党委、政府"),
}


@rule(
    "S8",
    "warning",
    "还留着 lawgov-gen init 生成的示例文字、示例数字或示例主送机关",
    "改为本单位的实际内容",
)
def starter_samples(inp: CheckInput) -> Iterator[Diagnostic]:
    for text in inp.prose():
        value = text.value.replace("\n", "").strip()
        if value in _SAMPLES:
            yield inp.at(text.path, "S8", f"这是 init 生成的示例文字，还没有改：“{value[:24]}…”")
        elif PLACEHOLDER_NAME in value and text.path[:2] in _SAMPLE_NAMES:
            what, fix = _SAMPLE_NAMES[text.path[:2]]
            yield inp.at(text.path, "S8", f"{what}“{value}”是示例：请写{fix}")
    kept = [
        (mid, metric)
        for mid, metric in inp.data.metrics.items()
        if mid in SAMPLE_METRICS and metric.value == SAMPLE_METRICS[mid].get("value", object())
    ]
    if len(kept) < STILL_THE_STARTER:
        return  # a real report may well have 1 penalty case open: only a starter keeps them all
    for mid, metric in kept:
        yield inp.at(
            ("metrics", mid, "value"),
            "S8",
            f"“{metric.label}”仍是 init 生成的示例数字 {metric.value}：请填写实际数字",
        )
