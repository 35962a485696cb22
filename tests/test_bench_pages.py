"""The import benchmark measures a .docx of the 15 pages issue 11 names, and says how many."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.helpers import EXAMPLE, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import county_bench


def test_import_benchmark_document_has_fifteen_pages(tmp_path: Path) -> None:
    docx, pages = county_bench.import_source(
        EXAMPLE, tmp_path, [sys.executable, "-m", "lawgov_gen"]
    )
    assert docx.is_file() and docx.suffix == ".docx"
    assert pages >= county_bench.ISSUE_PAGES == 15
    assert pages == county_bench.pages_of(docx.with_suffix(".pdf"))
