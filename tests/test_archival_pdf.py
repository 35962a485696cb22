"""`render --pdf --pdf-variant pdf/a-2b`: an archival PDF. veraPDF (a Java tool) installs
from neither Debian's nor Python's registries, so the PDF/A requirements a validator checks
first are checked here with pypdf: the XMP identification and metadata (agreeing with the
document information), the sRGB OutputIntent, every font embedded, no encryption, an /ID."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers import invoke

Minimal = Callable[..., Path]
pytestmark = pytest.mark.usefixtures("in_tmp")
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _fonts(reader: PdfReader) -> list[Any]:
    """Every font dictionary the pages use, descendants of Type0 fonts included."""
    found: dict[int, Any] = {}
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            found[id(font)] = font
            for child in font.get("/DescendantFonts", []):
                found[id(child.get_object())] = child.get_object()
    return list(found.values())


def test_pdf_a_2b_carries_what_an_archive_needs(minimal: Minimal) -> None:
    minimal(("  date: 2025-02-20", "  date: 2025-02-20\n  doc_number: 示政〔2025〕5号"))
    result = invoke("render", "report.yaml", "--pdf", "--no-docx", "--pdf-variant", "pdf/a-2b")
    assert result.exit_code == 0, result.output
    data = Path("report.pdf").read_bytes()
    reader = PdfReader("report.pdf")
    trailer: Any = reader.trailer
    assert data.startswith(b"%PDF-1.7") and not reader.is_encrypted
    assert len(trailer["/ID"]) == 2

    xmp = reader.xmp_metadata
    assert xmp is not None
    description = xmp.rdf_root.getElementsByTagNameNS(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description"
    )
    ids = {
        (d.getAttributeNS(PDFAID, "part"), d.getAttributeNS(PDFAID, "conformance"))
        for d in description
        if d.hasAttributeNS(PDFAID, "part")
    }
    assert ids == {("2", "B")}
    assert xmp.dc_title == {"x-default": "示例镇2024年法治政府建设年度报告"}
    assert xmp.dc_creator == ["示例县示例镇人民政府"]
    created = xmp.xmp_create_date
    assert created is not None and created.date().isoformat() == "2025-02-20"  # the 成文日期
    info: Any = reader.metadata
    assert info is not None
    assert (info.title, info.author, info["/CreationDate"]) == (
        "示例镇2024年法治政府建设年度报告",
        "示例县示例镇人民政府",
        "D:20250220",
    )

    (intent,) = trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data()[36:40] == b"acsp"  # an ICC profile

    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        if font["/Subtype"] == "/Type0":
            continue  # drawn by its descendant, checked in turn
        descriptor = font["/FontDescriptor"].get_object()
        embedded = [k for k in FONT_FILES if k in descriptor]
        assert embedded, f"字体 {font.get('/BaseFont')} 没有嵌入"
        assert len(descriptor[embedded[0]].get_object().get_data()) > 1000  # a font program

    # the same input, the same bytes
    assert (
        invoke("render", "report.yaml", "--pdf", "--no-docx", "--pdf-variant", "pdf/a-2b").exit_code
        == 0
    )
    assert Path("report.pdf").read_bytes() == data


@pytest.mark.parametrize("variant", ["pdf/a-2u", "pdf/a-3b"])
def test_other_variants_name_their_part_and_level(minimal: Minimal, variant: str) -> None:
    minimal()
    assert (
        invoke("render", "report.yaml", "--pdf", "--no-docx", "--pdf-variant", variant).exit_code
        == 0
    )
    xmp = PdfReader("report.pdf").xmp_metadata
    assert xmp is not None
    raw = xmp.rdf_root.toxml()
    part, level = variant[-2], variant[-1].upper()
    assert f'pdfaid:part="{part}"' in raw and f'pdfaid:conformance="{level}"' in raw


def test_a_variant_needs_the_pdf(minimal: Minimal) -> None:
    minimal()
    result = invoke("render", "report.yaml", "--pdf-variant", "pdf/a-2b")
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2,
        "错误：--pdf-variant 需要与 --pdf 一起使用",
    )
    assert not Path("report.docx").exists()


def test_an_unknown_variant_is_wrong_usage(minimal: Minimal) -> None:
    minimal()
    result = invoke("render", "report.yaml", "--pdf", "--pdf-variant", "pdf/x-4")
    assert result.exit_code == 2
    assert "pdf/x-4" in result.stderr.splitlines()[-1]
