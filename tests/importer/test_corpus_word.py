"""The corpus reports as auto-numbered Word files, and as the PDFs LibreOffice exports from
them (converted once per session, all files in one run), import to the same expected YAML
as their published text."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_gen.commands.importer.document_reader import read_document
from tests.helpers import SOFFICE, requires_libreoffice
from tests.importer.test_corpus import CORPUS, assert_same_report, errors_of, expected, imported
from tests.importer.word_corpus import export_pdfs, word_report

WORD_SHAPES = ["causes", "county", "department"]


@pytest.fixture(scope="session")
def word_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("word-corpus")
    return {s: word_report(CORPUS / f"{s}.txt", out / f"{s}.docx") for s in WORD_SHAPES}


@pytest.fixture(scope="session")
def pdf_files(
    word_files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    assert SOFFICE is not None
    return export_pdfs(SOFFICE, list(word_files.values()), tmp_path_factory.mktemp("pdf-corpus"))


@pytest.mark.parametrize("shape", WORD_SHAPES)
def test_auto_numbered_word_file_imports_as_expected(
    shape: str, word_files: dict[str, Path], tmp_path: Path
) -> None:
    source = word_files[shape]
    # the labels are Word's drawing, not the text
    assert not any(
        p.text.startswith(("一、", "（一）", "1.")) for p in read_document(source).paragraphs
    )
    out = tmp_path / f"{shape}.yaml"
    data, _ = imported(source, out)
    assert_same_report(data, expected(shape))
    assert errors_of(out) == []


@requires_libreoffice
@pytest.mark.parametrize("shape", WORD_SHAPES)
def test_its_pdf_exported_by_libreoffice_imports_as_expected(
    shape: str, pdf_files: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / f"{shape}.yaml"
    data, _ = imported(pdf_files[shape], out)
    assert_same_report(data, expected(shape))
    assert errors_of(out) == []
