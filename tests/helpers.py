"""Helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from lawgov_gen.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "township.yaml"

MINIMAL = """\
version: 1
report:
  org: 示例县示例镇人民政府
  short: 示例镇
  year: 2024
  date: 2025-02-20
  to: [中共示例县委员会, 示例县人民政府]
intro: |
  {{ year }}年，示例镇扎实推进法治政府建设。现将有关情况报告如下：
metrics:
  cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}
  solved: {label: 调解成功, value: 125, unit: 起, of: cases}
  rate: {label: 调解成功率, rate: [solved, cases]}
measures:
  - title: 加强组织领导
    text: |
      全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。
problems:
  shortcomings:
    - lead: 能力不足
      text: 少数干部法治意识不强。
  causes:
    - lead: 培训不够
      text: 学法培训针对性不强。
duties:
  - title: 带头学法
    text: 主要负责人带头学法。
court:
  lawsuits: 2
  head_appearances: 2
  judgments_due: 1
  judgments_performed: 1
plans:
  - title: 提升依法行政能力
    text: 健全依法决策机制。
"""


@dataclass(frozen=True)
class Result:
    """What a CLI run printed and returned."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def invoke(*args: str, input: str | None = None) -> Result:
    """Run the CLI in process through its real entry point (main), as a user would."""
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, _):
        code = main(list(args))
    return Result(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


def minimal_text(*replacements: tuple[str, str]) -> str:
    """MINIMAL with text replacements applied (each target must be present)."""
    text = MINIMAL
    for old, new in replacements:
        assert old in text, f"replacement target not found: {old!r}"
        text = text.replace(old, new, 1)
    return text


def write_file(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write a dedented text file, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(textwrap.dedent(text).encode(encoding))
    return path


def refused(*args: str) -> list[str]:
    """Run the CLI expecting exit 1 with no traceback, no internal-error line and no new
    file anywhere under the current folder; return the stderr lines."""
    before = set(Path().rglob("*"))
    result = invoke(*args)
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
    assert set(Path().rglob("*")) == before, sorted(set(Path().rglob("*")) - before)
    return result.stderr.splitlines()


def check_lines(*args: str | Path) -> tuple[int, list[str]]:
    """`lawgov-gen check ARGS`: the exit status and the stdout lines."""
    result = invoke("check", *(str(a) for a in args))
    return result.exit_code, result.stdout.splitlines()


def char_at(name: str | Path, line: int, col: int, length: int = 1) -> str:
    """The text at a 1-based line and column of a file (to prove where a finding points)."""
    text = Path(name).read_text(encoding="utf-8").split("\n")[line - 1]
    return text[col - 1 : col - 1 + length]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# LibreOffice is optional (WITH_LIBREOFFICE=0): its tests are skipped with this reason.
requires_libreoffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="没有安装 LibreOffice（WITH_LIBREOFFICE=0）：跳过需要 soffice 的测试",
)


Minimal = Callable[..., Path]  # the `minimal` fixture: minimal(("old", "new"), ..., name=...)
Write = Callable[..., Path]  # the `write` fixture: write(text, name=..., encoding=...)


def style_name(paragraph: Any) -> str:
    """A python-docx paragraph's style name ("" without a style)."""
    return str(paragraph.style.name) if paragraph.style is not None else ""


def with_full_stdout(*args: str) -> subprocess.CompletedProcess[str]:
    """`lawgov-gen ARGS` as a process whose stdout is a full disk (/dev/full)."""
    with open("/dev/full", "w") as full:
        return subprocess.run(
            [sys.executable, "-m", "lawgov_gen", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
