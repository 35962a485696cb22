"""The county folder's audit (issue 12): outputs that a report reads, honest 合计 rates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.county import build_county, township
from tests.helpers import invoke

pytestmark = pytest.mark.usefixtures("in_tmp")
TOWNS = "2024/乡镇"


@pytest.fixture
def county(in_tmp: Path) -> Path:
    build_county(in_tmp)
    return in_tmp


def _town(name: str, metrics: str, *extra: tuple[str, str]) -> Path:
    text = township(name, metrics)
    for old, new in extra:
        assert old in text
        text = text.replace(old, new, 1)
    path = Path(TOWNS) / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_summary_refuses_to_overwrite_a_file_a_report_includes(county: Path) -> None:
    figures = Path(TOWNS) / "庚镇指标.yaml"
    figures.write_text("metrics:\n  mediation_cases: 30\n  mediation_success: 20\n", "utf-8")
    _town("庚镇", "  leaflets: 10\n", ("version: 1\n", "version: 1\ninclude: [庚镇指标.yaml]\n"))
    before = figures.read_bytes()
    result = invoke("summary", TOWNS, "-o", "t.csv", "--metrics-out", str(figures))
    assert (result.exit_code, result.stderr) == (
        1,
        "2024/乡镇/庚镇指标.yaml: 错误 报告 2024/乡镇/庚镇.yaml 用到这个文件，"
        "不能用汇总结果覆盖它：请换一个文件名\n",
    )
    assert figures.read_bytes() == before and not Path("t.csv").exists()
    # a file that a report which does not load includes
    (Path(TOWNS) / "戊镇.yaml").write_text("include: [../戊镇指标.yaml]\nreport: 1\n", "utf-8")
    Path("2024/戊镇指标.yaml").write_text("metrics: {}\n", "utf-8")
    result = invoke("summary", TOWNS, "-o", "t.csv", "--metrics-out", "2024/戊镇指标.yaml")
    assert result.exit_code == 1 and not Path("t.csv").exists()
    assert result.stderr.startswith("2024/戊镇指标.yaml: 错误 报告 2024/乡镇/戊镇.yaml 用到")
