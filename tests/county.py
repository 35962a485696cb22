"""A fictional county folder for the roll-up tests: a catalogue, six townships (one late,
one missing a required indicator, one that does not load) and the county's own report."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import minimal_text

CATALOG = """\
version: 1
catalog: {name: 示例县乡镇法治政府建设主要指标, year: 2024}
metrics:
  mediation_cases:   {label: 调解矛盾纠纷, unit: 起, required: true}
  mediation_success: {label: 调解成功, unit: 起, of: mediation_cases, required: true}
  mediation_rate:    {label: 调解成功率, rate: [mediation_success, mediation_cases]}
  leaflets:          {label: 发放宣传资料, unit: 份}
"""

TOWN_TEXT = "全年调解矛盾纠纷{{ m.mediation_cases }}，调解成功{{ m.mediation_success }}，成功率{{ m.mediation_rate }}。"


def township(name: str, metrics: str, date: str = "2025-02-20") -> str:
    """A township report that quotes the catalogue."""
    return minimal_text(
        ("  org: 示例县示例镇人民政府", f"  org: 示例县{name}人民政府"),
        ("  short: 示例镇", f"  short: {name}\n  catalog: ../../指标目录.yaml"),
        ("2025-02-20", date),
        (
            "  cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}\n"
            "  solved: {label: 调解成功, value: 125, unit: 起, of: cases}\n"
            "  rate: {label: 调解成功率, rate: [solved, cases]}\n",
            metrics,
        ),
        ("全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。", TOWN_TEXT),
    )


TOWNS = {
    "甲镇": "  mediation_cases: 130\n  mediation_success: 125\n  leaflets: {value: 500, approx: true}\n"
    "  hotline: {label: 法律服务热线接听, value: 36, unit: 次}\n",
    "乙镇": "  mediation_cases: 80\n  mediation_success: {value: 76, prev: 70}\n  leaflets: 300\n"
    "  hotline: {label: 法律服务热线接听, value: 12, unit: 次}\n",
    "丙镇": "  mediation_cases: 40\n  mediation_success: 38\n",
    "丁镇": "  mediation_cases: 50\n",
    "戊镇": None,
    "己镇": "  mediation_cases: 20\n  mediation_success: 20\n  leaflets: 1000\n",
}

COUNTY = """\
version: 1
include: [全县合计.yaml]
report:
  org: 示例县人民政府
  short: 示例县
  level: county
  year: 2024
  date: 2025-03-10
  to: [中共示例市委员会, 示例市人民政府]
intro: |
  {{ year }}年，全县各乡镇共调解矛盾纠纷{{ m.mediation_cases }}，调解成功{{ m.mediation_success }}，成功率{{ m.mediation_rate }}。现将有关情况报告如下：
measures:
  - title: 加强组织领导
    text: 全县发放宣传资料{{ m.leaflets }}。
problems:
  shortcomings:
    - {lead: 发展不平衡, text: 各乡镇工作进展不平衡。}
  causes:
    - {lead: 力量不足, text: 基层法治力量薄弱。}
duties:
  - {title: 带头学法, text: 主要负责人带头学法。}
plans:
  - {title: 深化依法治县, text: 持续推进法治政府建设。}
"""


def build_county(root: Path) -> None:
    """指标目录.yaml, 2024/乡镇/*.yaml (six) and 2024/全县.yaml under `root`."""
    (root / "2024" / "乡镇").mkdir(parents=True)
    (root / "指标目录.yaml").write_text(CATALOG, encoding="utf-8")
    for name, metrics in TOWNS.items():
        path = root / "2024" / "乡镇" / f"{name}.yaml"
        if metrics is None:
            path.write_text("report: [", encoding="utf-8")  # does not load
            continue
        date = "2025-03-15" if name == "丙镇" else "2025-02-20"
        path.write_text(township(name, metrics, date), encoding="utf-8")
    (root / "2024" / "全县.yaml").write_text(COUNTY, encoding="utf-8")
