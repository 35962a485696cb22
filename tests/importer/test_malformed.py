"""Malformed files (issue 17, class 4): a located Chinese refusal or a clean import, never the
internal-error line, and never a library's English on stderr."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import invoke, refused
from tests.importer.hostile_files import (
    docx_bytes,
    form,
    paragraph,
    pdf_file,
    pdf_pages,
    show,
    stream,
    write,
)

BROKEN_PDF = "请用 Word 原文件，或重新导出 PDF 后再导入"


@pytest.mark.parametrize(
    ("page_extra", "box", "message"),
    [
        (
            b"/Rotate /Ninety",
            b"/MediaBox [0 0 595 842]",
            "旋转角度（/Rotate）不是数字：文件已损坏，",
        ),
        (b"/Rotate (90)", b"/MediaBox [0 0 595 842]", "旋转角度（/Rotate）不是数字：文件已损坏，"),
        (b"", b"/MediaBox [0 0 0]", "页面大小（/MediaBox）无效：文件已损坏，"),
        (b"", b"/MediaBox /Letter", "页面大小（/MediaBox）无效：文件已损坏，"),
        (b"", b"/MediaBox [0 0 1e30 1e30]", "页面大小（/MediaBox）无效：文件已损坏，"),
        (b"", b"/MediaBox [0 0 595 0]", "页面大小（/MediaBox）无效：文件已损坏，"),
        (b"", b"", "页面大小（/MediaBox）无效：文件已损坏，"),
        (
            b"/CropBox [0 0 a b]",
            b"/MediaBox [0 0 595 842]",
            "页面大小（/CropBox）无效：文件已损坏，",
        ),
    ],
)
def test_a_bad_page_box_or_turn_is_named_with_its_page(
    in_tmp: Path, page_extra: bytes, box: bytes, message: str
) -> None:
    pages = [show("Report"), show("Second page")]
    data = pdf_pages(pages, page_extra=page_extra, box=box)
    write(in_tmp / "bad.pdf", data)
    assert refused("import", "bad.pdf", "-o", "new.yaml") == [
        f"bad.pdf: 错误 PDF 第1页的{message}{BROKEN_PDF}"
    ]


def test_a_turn_that_is_not_a_right_angle_still_reads(in_tmp: Path) -> None:
    write(in_tmp / "turned.pdf", pdf_pages([show("Qinghe report")], page_extra=b"/Rotate 45"))
    result = invoke("import", "turned.pdf", "-o", "new.yaml")
    assert result.exit_code == 0, result.output


def test_a_library_warning_never_reaches_stderr(in_tmp: Path) -> None:
    # pdfminer logs "Refusing to execute circular reference to content stream" in English
    forms = {50: form(b"/X0 Do\n" + show("Qinghe report"), b"/X0 50 0 R")}
    write(in_tmp / "loop.pdf", pdf_pages([b"/X0 Do"], forms=forms, form_names=b"/X0 50 0 R"))
    result = invoke("import", "loop.pdf", "-o", "new.yaml")
    assert result.exit_code == 0, result.output
    assert not re.search(r"[A-Za-z]{4,}", result.stderr.replace("loop.pdf", "")), result.stderr


def test_a_page_tree_deeper_than_python_recursion(in_tmp: Path) -> None:
    depth = 12_000
    objects = {
        1: b"<< /Type /Catalog /Pages 100 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for i in range(depth):
        objects[100 + i] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (101 + i)
    objects[100 + depth] = (
        b"<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 4 0 R >>"
    )
    objects[4] = stream(show("Qinghe report"))
    write(in_tmp / "tree.pdf", pdf_file(objects))
    # pdfplumber's own wrapping of pdfminer's error, or ours around the reader's
    assert refused("import", "tree.pdf", "-o", "new.yaml")[0] in (
        "tree.pdf: 错误 不是有效的 PDF 文件（可能已损坏，或只是改了扩展名）",
        "tree.pdf: 错误 PDF 文件的结构有误，无法读取（文件可能已损坏）：" + BROKEN_PDF,
    )


def test_a_word_body_nested_deeper_than_the_xml_parser_takes(in_tmp: Path) -> None:
    body = (
        b"<w:sdt><w:sdtContent>" * 300
        + paragraph("全年调解矛盾纠纷。")
        + b"</w:sdtContent></w:sdt>" * 300
    )
    write(in_tmp / "deep.docx", docx_bytes(body))
    assert refused("import", "deep.docx", "-o", "new.yaml") == [
        "deep.docx: 错误 不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）"
    ]


def test_binary_garbage_under_a_doc_name_is_not_imported_as_text(in_tmp: Path) -> None:
    garbage = bytes((i * 7919 + 13) % 256 for i in range(20_000))
    write(in_tmp / "old.doc", garbage)
    assert refused("import", "old.doc", "-o", "new.yaml") == [
        "old.doc: 错误 文件内容既不是 Word、WPS 文档，也不是文字（可能已损坏，或只是改了扩展名）："
        "请用 Word 或 WPS 打开它，确认内容无误后“另存为 .docx”再导入"
    ]
