"""One notion of "comparable with last year" (Q12) for the report's text, its table and
`diff`: a metric whose meaning changed has no change, and no figure in the wrong unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Minimal, char_at, check_lines, invoke, minimal_text, write_file

LAST_METRIC = "  rate: {label: 调解成功率, rate: [solved, cases]}\n"  # line 13 of MINIMAL
DUTY_TEXT = "主要负责人带头学法。"  # line 27, column 11

pytestmark = pytest.mark.usefixtures("in_tmp")


def _two_years(minimal: Minimal, last: str, now: str, quote: str = "") -> None:
    write_file(
        Path("last.yaml"),
        minimal_text(
            ("year: 2024", "year: 2023"),
            ("2025-02-20", "2024-02-20"),
            (", prev: 118", ""),
            (LAST_METRIC, LAST_METRIC + last + "\n"),
        ),
    )
    minimal(
        ("version: 1\n", "version: 1\nprevious: last.yaml\n"),
        (", prev: 118", ""),
        (LAST_METRIC, LAST_METRIC + now + "\n"),
        (DUTY_TEXT, f"主要负责人带头学法{quote}。"),
    )


def _diff_row(label: str) -> list[str]:
    result = invoke("diff", "last.yaml", "report.yaml")
    assert result.exit_code == 0, result.stderr
    return next(ln.split() for ln in result.stdout.splitlines() if ln.startswith(label))


@pytest.mark.parametrize(
    ("last", "now", "row"),
    [
        (
            "  a: {label: 甲, value: 10, unit: 万元}",
            "  a: {label: 甲, value: 10, unit: 件}",
            ["甲", "件", "10万元", "10", "含义不同，不比较"],
        ),
        (
            "  a: {label: 甲, rate: [solved, cases]}",
            "  a: {label: 甲, value: 30, unit: 件}",
            ["甲", "件", "96.2%", "30", "含义不同，不比较"],
        ),
        (
            "  a: {label: 甲, value: 45, unit: 件}",
            "  a: {label: 甲, value: 96, unit: '%'}",
            ["甲", "%", "45件", "96", "含义不同，不比较"],
        ),
    ],
)
def test_diff_shows_last_years_figure_in_its_own_unit(
    minimal: Minimal, last: str, now: str, row: list[str]
) -> None:
    _two_years(minimal, last, now, "{{ m.a }}")
    code, out = check_lines("report.yaml")
    assert code == 0 and len(out) == 1 and " 警告 Q12 指标“a”上年是" in out[0], out
    assert _diff_row("甲") == row


@pytest.mark.parametrize(
    ("last", "now", "how"),
    [
        (
            "  a: {label: 甲, value: 10, unit: 万元}",
            "  a: {label: 甲, value: 10, unit: 件}",
            "上年是以“万元”计的数，今年是以“件”计的数",
        ),
        (
            "  a: {label: 甲, value: 10, unit: 起}",
            "  a: {label: 甲, rate: [solved, cases]}",
            "上年是以“起”计的数，今年是比率",
        ),
    ],
)
def test_change_of_a_metric_whose_meaning_changed_is_an_error(
    minimal: Minimal, last: str, now: str, how: str
) -> None:
    _two_years(minimal, last, now, "{{ m.a.change }}")
    assert char_at("report.yaml", 29, 23, 8) == "m.a.chan"
    code, out = check_lines("report.yaml")
    assert code == 1
    assert out[-1] == (
        f"report.yaml:29:23: 错误 T1 指标“a”{how}：含义不同，不能用 .change 与上年比较："
        "请删去 .change，或改用新的指标 id，或写 prev"
    )
    assert invoke("render", "report.yaml").exit_code == 1
    assert not Path("report.docx").exists()
