"""`check --dependents` (the pre-commit hooks): a change to a catalogue, a `previous` file or an
included file rechecks every report that uses it, directly or through another file."""

from __future__ import annotations

from pathlib import Path

from lawgov_gen.cli.dependents import dependents, repository_files
from tests.helpers import check_lines, minimal_text


def test_a_catalogue_change_rechecks_the_townships(county: Path) -> None:
    catalog = Path("指标目录.yaml")
    catalog.write_text(
        catalog.read_text("utf-8") + "  hearings: {label: 听证会, unit: 场次, required: true}\n",
        "utf-8",
    )
    assert check_lines(catalog) == (0, [])  # the catalogue itself is fine
    code, lines = check_lines(catalog, "--dependents")
    assert code == 1
    c1 = sorted(line.split(":")[0] for line in lines if " C1 " in line and "hearings" in line)
    # every township that quotes the catalogue (戊镇 is not YAML: it names no file)
    assert c1 == [f"2024/乡镇/{n}.yaml" for n in ("丁镇", "丙镇", "乙镇", "己镇", "甲镇")]
    assert not any(line.startswith("2024/乡镇/戊镇.yaml") for line in lines)
    # the county's report includes the sums, not the catalogue: not rechecked
    assert not any(line.startswith("2024/全县.yaml") for line in lines)


def test_a_previous_file_and_its_part_recheck_next_years_report(in_tmp: Path) -> None:
    Path("2023").mkdir()
    Path("2024").mkdir()
    metrics = "metrics:\n  cases: {label: 调解纠纷, value: 130, unit: 起}\n"
    Path("2023/指标.yaml").write_text(metrics, "utf-8")
    last_year = minimal_text(
        ("version: 1\n", "version: 1\ninclude: [指标.yaml]\n"),
        ("  year: 2024", "  year: 2023"),
        ("2025-02-20", "2024-02-20"),
        ("  cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}\n", ""),
    )
    Path("2023/甲镇.yaml").write_text(last_year, "utf-8")
    this_year = minimal_text(
        ("version: 1\n", "version: 1\nprevious: ../2023/甲镇.yaml\n"),
        (
            "  cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}\n",
            "  cases: {label: 调解纠纷, value: 130, unit: 起}\n",
        ),
    )
    Path("2024/甲镇.yaml").write_text(this_year, "utf-8")
    Path(".github").mkdir()
    Path(".github/ci.yml").write_text("include: [../2023/指标.yaml]\n", "utf-8")  # tooling
    assert [str(p) for p in repository_files(Path("."))] == [
        "2023/指标.yaml",
        "2023/甲镇.yaml",
        "2024/甲镇.yaml",
    ]
    found = dependents([Path("2023/指标.yaml")], Path("."))
    assert [str(p) for p in found] == ["2023/甲镇.yaml", "2024/甲镇.yaml"]
    assert dependents([Path("2024/甲镇.yaml")], Path(".")) == []
    # last year's part changes a unit: this year's report says so (Q12), though only
    # the part was staged
    Path("2023/指标.yaml").write_text(metrics.replace("unit: 起", "unit: 件"), "utf-8")
    code, lines = check_lines("2023/指标.yaml", "--dependents")
    assert any(line.startswith("2024/甲镇.yaml:") and " Q12 " in line for line in lines), lines
    assert code == check_lines("2024/甲镇.yaml", "2023/甲镇.yaml")[0]
