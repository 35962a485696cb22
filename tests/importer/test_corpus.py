"""Our own corpus of the shapes offices really publish (tests/importer/corpus): each source
imports to its expected YAML — the part of every item title, its level, the per-part text,
the metadata — and `check` of the result finds no error the source does not have.

The .txt sources are the reports as a website publishes them (typed labels); the same
reports as Word files with automatic numbering, and as PDFs LibreOffice exports from those,
are made in test_corpus_word.py from the same text and expected to import the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import invoke

CORPUS = Path(__file__).parent / "corpus"
SHAPES = sorted(p.stem for p in CORPUS.glob("*.txt"))
# what `import` must say it could not place with confidence, and where (line of the YAML)
NOTES = {
    "county": [
        "请核对：{out}:14：原文标题“一、不断完善推进机制，推动整体水平提升”没有写明是哪一部分"
    ],
    "causes": ["请核对：{out}:25：原文“经分析，产生以上不足的原因主要有以下几点：”引出原因"],
}


def expected(shape: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CORPUS / f"{shape}.yaml").read_text("utf-8"))
    return data


def imported(source: Path, out: Path) -> tuple[dict[str, Any], str]:
    """Import `source` to `out`; the loaded data and the summary printed."""
    result = invoke("import", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = yaml.safe_load(out.read_text("utf-8"))
    return data, result.stdout


def errors_of(path: Path) -> list[str]:
    """`check`'s errors on an imported file (warnings and notes are the clerk's to weigh)."""
    return [ln for ln in invoke("check", str(path)).stdout.splitlines() if " 错误 " in ln]


def assert_same_report(data: dict[str, Any], want: dict[str, Any]) -> None:
    """Metadata, then each part: item titles at their levels and every text."""
    assert data["report"] == want["report"]
    for key in ("intro", "measures", "problems", "duties", "plans", "other", "metrics"):
        assert data.get(key) == want.get(key), key
    assert set(data) == set(want)


def test_every_shape_has_its_expected_yaml() -> None:
    assert SHAPES == ["causes", "county", "department", "webpage", "webpage-tail"]
    assert sorted(p.stem for p in CORPUS.glob("*.yaml")) == SHAPES


@pytest.mark.parametrize("shape", SHAPES)
def test_published_text_imports_as_expected(shape: str, tmp_path: Path) -> None:
    out = tmp_path / f"{shape}.yaml"
    data, summary = imported(CORPUS / f"{shape}.txt", out)
    assert_same_report(data, expected(shape))
    assert errors_of(out) == []
    for note in NOTES.get(shape, []):
        assert note.format(out=out) in summary


def test_the_expected_files_are_data_files_check_accepts(tmp_path: Path) -> None:
    for shape in SHAPES:
        path = tmp_path / f"{shape}.yaml"
        path.write_bytes((CORPUS / f"{shape}.yaml").read_bytes())
        assert errors_of(path) == [], shape
