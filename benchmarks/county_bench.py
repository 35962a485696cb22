"""Benchmarks of issues 11 and 12: `import` of a Word report, and a county folder of 30
township reports through `summary` and `check` (whole process, median of 5)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

CATALOG = """\
version: 1
catalog: {name: 示例县乡镇法治政府建设主要指标, year: 2024}
metrics:
  mediation_cases:   {label: 调解矛盾纠纷, unit: 起, required: true}
  mediation_success: {label: 调解成功, unit: 起, of: mediation_cases, required: true}
  mediation_rate:    {label: 调解成功率, rate: [mediation_success, mediation_cases]}
"""


def county(folder: Path, example: Path, towns: int = 30) -> Path:
    """30 township reports under folder/乡镇 (the example, renamed, quoting a catalogue), all of
    2024, each naming last year's file in 乡镇/2023/ as `previous` (not a report of the folder:
    a 2023 report among them would be left out of the 合计)."""
    (folder / "乡镇" / "2023").mkdir(parents=True)
    # inside the folder: a catalogue there is passed over, and the path stays in the folder
    (folder / "乡镇" / "指标目录.yaml").write_text(CATALOG, encoding="utf-8")
    last = example.with_name("township-2023.yaml")
    (folder / "乡镇" / "2023" / last.name).write_text(last.read_text("utf-8"), encoding="utf-8")
    base = example.read_text("utf-8")
    base = base.replace("  short: 青禾镇\n", "  short: 青禾镇\n  catalog: 指标目录.yaml\n")
    assert "previous: township-2023.yaml\n" in base
    base = base.replace("previous: township-2023.yaml\n", "previous: 2023/township-2023.yaml\n")
    for i in range(towns):
        (folder / "乡镇" / f"镇{i:02}.yaml").write_text(
            base.replace("青禾镇", f"示例{i:02}镇"), encoding="utf-8"
        )
    return folder / "乡镇"


def measure(
    examples: Path,
    tmp: Path,
    cli: list[str],
    wall: Callable[..., float],
    run: Callable[..., Any],
    report: Callable[..., None],
    note: Callable[[str], None],
) -> None:
    print("\n[5] import and the county folder — whole process, median of 5")
    example = examples / "township.yaml"
    run([*cli, "render", str(example), "-o", str(tmp)])
    docx = tmp / "township.docx"
    target = tmp / "imported.yaml"
    seconds = wall([*cli, "import", str(docx), "-o", str(target), "--force"], 5)
    report("`import` of the example's .docx (13 pages + table)", seconds, " s", 1.0)
    towns = county(tmp / "county", example)
    table = tmp / "county" / "汇总.xlsx"
    report(
        "`summary` of the 30 townships to .xlsx",
        wall([*cli, "summary", str(towns), "-o", str(table)], 5),
        " s",
        1.5,
    )
    report(
        "`summary` of the 30 townships to .docx",
        wall([*cli, "summary", str(towns), "-o", str(table.with_suffix(".docx"))], 5),
        " s",
        1.5,
    )
    report("`check` of the same folder", wall([*cli, "check", str(towns)], 5), " s", 1.5)
    note(
        "30 townships of 2024 (the example report renamed, quoting a catalogue), last year's in 2023/"
    )
