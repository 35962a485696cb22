"""A closed or full stdout fails every command alike (exit 1, a message on stderr), and
ids YAML would read as 是/否 or 空值 are refused where they are typed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import Minimal, char_at, check_lines, with_full_stdout

pytestmark = pytest.mark.usefixtures("in_tmp")
LAST_METRIC = "  rate: {label: 调解成功率, rate: [solved, cases]}\n"  # line 13 of MINIMAL


@pytest.mark.parametrize("args", ["--version", "render --help", "--help"])
def test_help_and_version_to_a_closed_stdout_exit_1(args: str) -> None:
    out = subprocess.run(
        f"{sys.executable} -m lawgov_gen {args} >&-", shell=True, capture_output=True, text=True
    )
    assert (out.returncode, out.stderr) == (1, "错误 标准输出已关闭，结果无法输出\n")


def test_init_to_a_full_stdout_says_the_file_was_made() -> None:
    out = with_full_stdout("init", "x.yaml")
    assert out.returncode == 1
    assert out.stderr == (
        "错误 无法写出到标准输出：磁盘空间已满：请清理磁盘后重试"
        "（x.yaml 已创建，如要重新生成请加 --force）\n"
    )
    assert Path("x.yaml").is_file()


@pytest.mark.parametrize("mid", ["true", "null", "yes", "Off", "NO"])
def test_an_id_yaml_reads_as_a_boolean_or_null_is_refused_at_its_key(
    minimal: Minimal, mid: str
) -> None:
    minimal((LAST_METRIC, LAST_METRIC + f"  {mid}: {{label: 甲, value: 10, unit: 件}}\n"))
    assert char_at("report.yaml", 14, 3, len(mid)) == mid
    assert check_lines("report.yaml") == (
        1,
        [
            f"report.yaml:14:3: 错误 SCHEMA “metrics.{mid}”在 YAML 中表示是/否或空值，"
            f"不能用作指标 id：请换一个，如 {mid}_count"
        ],
    )
