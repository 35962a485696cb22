"""The rules on the 公开版's disclosure fields (report.publish_date, report.index_number):
each fires at its value with its exact message, and stays silent on the good form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import check_lines

Minimal = Callable[..., Path]
DATE = "  date: 2025-02-20\n"  # line 6 of MINIMAL; the new key goes on line 7

pytestmark = pytest.mark.usefixtures("in_tmp")


def with_report(minimal: Minimal, line: str) -> None:
    minimal((DATE, DATE + line + "\n"))


def test_d5_published_before_written(minimal: Minimal) -> None:
    with_report(minimal, "  publish_date: 2025-02-19")
    assert check_lines("report.yaml") == (
        1,
        ["report.yaml:7:17: 错误 D5 发布日期 2025-02-19 早于成文日期 2025-02-20：请核对"],
    )


def test_d5_on_the_day_of_writing_is_fine(minimal: Minimal) -> None:
    with_report(minimal, "  publish_date: 2025-02-20")
    assert check_lines("report.yaml") == (0, [])


def test_d6_published_after_the_deadline(minimal: Minimal) -> None:
    with_report(minimal, "  publish_date: 2025-04-01")
    assert check_lines("report.yaml") == (
        0,
        ["report.yaml:7:17: 警告 D6 发布日期不早于 2025年4月1日：已超过向社会公开的期限"],
    )
    assert check_lines("report.yaml", "--strict")[0] == 1


def test_d6_not_on_31_march(minimal: Minimal) -> None:
    with_report(minimal, "  publish_date: 2025-03-31")
    assert check_lines("report.yaml") == (0, [])


def test_n6_last_years_index_number(minimal: Minimal) -> None:
    with_report(minimal, "  index_number: 11330000-0200-2024-00006")
    assert check_lines("report.yaml") == (
        0,
        [
            "report.yaml:7:17: 警告 N6 索引号“11330000-0200-2024-00006”中的年份 2024 "
            "不是成文或发布的年份 2025：是否沿用了上年的索引号？"
        ],
    )


@pytest.mark.parametrize(
    "number",
    [
        "11330000-0200-2025-00006",  # 机构代码-年份-流水号, a hyphen in the code
        "003163853/2025-00012",  # a slash after the code
        "QT-2026-0003",  # published in 2026: the publish year counts
        "B12345",  # no year in it: not judged
    ],
)
def test_n6_this_years_or_yearless_numbers_pass(minimal: Minimal, number: str) -> None:
    with_report(minimal, f"  index_number: {number}\n  publish_date: 2026-01-05")
    _code, out = check_lines("report.yaml")
    assert [line for line in out if " N6 " in line] == []
