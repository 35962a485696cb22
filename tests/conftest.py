"""Shared fixtures: the example renders once per session; a minimal valid report to break."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lawgov_gen.cli import cli

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


def invoke(*args: str, input: str | None = None) -> Result:
    """Run the CLI in process, as a user would, with stdout and stderr kept apart."""
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a data file into tmp_path (dedented) and return its path."""

    def _write(text: str, name: str = "report.yaml", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(textwrap.dedent(text).encode(encoding))
        return path

    return _write


@pytest.fixture
def minimal(write: Callable[..., Path]) -> Callable[..., Path]:
    """The minimal valid report with text replacements applied: minimal(("old", "new"), ...)."""

    def _minimal(*replacements: tuple[str, str], name: str = "report.yaml") -> Path:
        text = MINIMAL
        for old, new in replacements:
            assert old in text, f"replacement target not found: {old!r}"
            text = text.replace(old, new, 1)
        return write(text, name)

    return _minimal


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example rendered once to .docx and .pdf through the CLI."""
    out = tmp_path_factory.mktemp("rendered")
    result = invoke("render", str(EXAMPLE), "--pdf", "-o", str(out))
    assert result.exit_code == 0, result.output + result.stderr
    return {"docx": out / "township.docx", "pdf": out / "township.pdf", "dir": out}
