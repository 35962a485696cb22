"""Benchmarks of issues 11 and 12: `import` of a Word report, and a county folder of 30
township reports through `summary` and `check` (whole process, median of 5)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
import synth

ISSUE_PAGES = 15  # issue 11: "import of a 15-page .docx ≤ 1 s whole process"

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


def pages_of(pdf: Path) -> int:
    """How many pages a PDF has."""
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def import_source(example: Path, tmp: Path, cli: list[str]) -> tuple[Path, int]:
    """A rendered .docx of at least ISSUE_PAGES pages and its page count (as its PDF twin
    prints it): the example when it is long enough, else a longer synthetic report."""
    candidates = [example] + [
        synth.write(synth.long_report(n), tmp / f"long{n}.yaml") for n in range(6, 16, 2)
    ]
    pages = 0
    for source in candidates:
        subprocess.run([*cli, "render", str(source), "--pdf", "-o", str(tmp)], check=True)
        pages = pages_of(tmp / f"{source.stem}.pdf")
        if pages >= ISSUE_PAGES:
            return tmp / f"{source.stem}.docx", pages
    return tmp / f"{candidates[-1].stem}.docx", pages


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
    docx, pages = import_source(example, tmp, cli)
    target = tmp / "imported.yaml"
    seconds = wall([*cli, "import", str(docx), "-o", str(target), "--force"], 5)
    report(f"`import` of a {pages}-page .docx ({docx.stem})", seconds, " s", 1.0)
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
