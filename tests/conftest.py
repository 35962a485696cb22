"""Fixtures: the example renders once per session; a minimal valid report to break."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE, invoke, minimal_text, write_file


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a data file into tmp_path (dedented) and return its path."""

    def _write(text: str, name: str = "report.yaml", encoding: str = "utf-8") -> Path:
        return write_file(tmp_path / name, text, encoding)

    return _write


@pytest.fixture
def minimal(write: Callable[..., Path]) -> Callable[..., Path]:
    """The minimal valid report with text replacements applied: minimal(("old", "new"), ...)."""

    def _minimal(*replacements: tuple[str, str], name: str = "report.yaml") -> Path:
        return write(minimal_text(*replacements), name)

    return _minimal


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run the test inside its temporary folder (relative paths in messages)."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example rendered once to .docx and .pdf through the CLI."""
    out = tmp_path_factory.mktemp("rendered")
    result = invoke("render", str(EXAMPLE), "--pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    return {"docx": out / "township.docx", "pdf": out / "township.pdf", "dir": out}


@pytest.fixture
def county(in_tmp: Path) -> Path:
    """A fictional county folder (catalogue, townships, the county's report) in tmp."""
    from tests.county import build_county

    build_county(in_tmp)
    return in_tmp
