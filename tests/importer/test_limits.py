"""Bounded work on any input (issue 17, class 3) and no internal error from a malformed file
(class 4): every bomb is built here, each refusal is a located Chinese message."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import pytest

from lawgov_gen.commands.importer import import_file, limits
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

MB = 1024 * 1024
ADVICE = "请确认这是要导入的报告；如确实是，请用 Word 原文件，或删去图片等附带内容、另存后再导入"
REPORT = "示例县青禾镇2023年法治政府建设年度报告"


def _import(name: str) -> list[str]:
    return refused("import", name, "-o", "new.yaml")


def test_a_word_body_that_inflates_to_50_mb_is_refused_before_it_is_read(in_tmp: Path) -> None:
    one = paragraph("全年调解矛盾纠纷，调解成功。")
    body = one * (50 * MB // len(one))
    write(in_tmp / "bomb.docx", docx_bytes(body))
    assert (in_tmp / "bomb.docx").stat().st_size < 300 * 1024
    lines = _import("bomb.docx")
    assert lines == [
        "bomb.docx: 错误 压缩包中的“word/document.xml”解压后的大小为 50 MB，超过上限 32 MB："
        + ADVICE
    ]


def test_a_huge_image_part_is_refused_before_python_docx_loads_it(in_tmp: Path) -> None:
    image = {"word/media/image1.png": b"\x00" * (40 * MB)}
    write(in_tmp / "photo.docx", docx_bytes(paragraph(REPORT), image))
    assert _import("photo.docx") == [
        "photo.docx: 错误 压缩包中的“word/media/image1.png”解压后的大小为 40 MB，超过上限 32 MB："
        + ADVICE
    ]


def test_too_many_parts_in_total(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "UNPACKED", limits.Limit("unpacked", "解压后的总大小", MB, "MB"))
    parts = {f"word/media/image{i}.png": b"\x00" * (MB // 2) for i in range(3)}
    write(in_tmp / "photos.docx", docx_bytes(paragraph(REPORT), parts))
    with zipfile.ZipFile(in_tmp / "photos.docx") as zf:
        total = sum(info.file_size for info in zf.infolist())
    assert total > 3 * MB // 2
    assert _import("photos.docx") == [
        f"photos.docx: 错误 解压后的总大小为 {round(total / MB, 1):g} MB，超过上限 1 MB：" + ADVICE
    ]


def test_a_word_body_of_too_many_paragraphs(in_tmp: Path) -> None:
    write(in_tmp / "long.docx", docx_bytes(paragraph("全年调解矛盾纠纷。") * 10_001))
    assert _import("long.docx") == [
        "long.docx: 错误 正文（word/document.xml）的段落数超过上限 10,000 段：" + ADVICE
    ]


def test_a_pdf_stream_that_inflates_past_the_part_limit(in_tmp: Path) -> None:
    write(in_tmp / "bomb.pdf", pdf_pages([b" " * (33 * MB) + show("Report")]))
    assert (in_tmp / "bomb.pdf").stat().st_size < 100 * 1024
    assert _import("bomb.pdf") == [
        "bomb.pdf: 错误 PDF 中一个数据流解压后的大小超过上限 32 MB：" + ADVICE
    ]


def _drawn_ten_times(levels: int) -> dict[int, bytes]:
    """Form i draws form i + 1 ten times; the last one prints text."""
    forms = {}
    for i in range(levels):
        body = b"/X%d Do\n" % (i + 1) * 10 if i < levels - 1 else show("Report")
        forms[50 + i] = form(body, b"/X%d %d 0 R" % (i + 1, 51 + i))
    return forms


def test_forms_drawn_ten_times_ten_levels_deep_are_counted_as_drawn(in_tmp: Path) -> None:
    # 13 KB of PDF that would draw 10**12 strings: refused from its numbers, nothing drawn
    data = pdf_pages([b"/X0 Do"], forms=_drawn_ten_times(14), form_names=b"/X0 50 0 R")
    write(in_tmp / "forms.pdf", data)
    assert _import("forms.pdf") == [
        "forms.pdf: 错误 PDF 第1页及以前各页的页面内容（解压后）超过上限 8 MB：" + ADVICE
    ]


def test_forms_nested_too_deep(in_tmp: Path) -> None:
    forms = {}
    for i in range(40):
        body = b"/X%d Do" % (i + 1) if i < 39 else show("Report")
        forms[50 + i] = form(body, b"/X%d %d 0 R" % (i + 1, 51 + i))
    write(in_tmp / "deep.pdf", pdf_pages([b"/X0 Do"], forms=forms, form_names=b"/X0 50 0 R"))
    assert _import("deep.pdf") == [
        "deep.pdf: 错误 PDF 第1页的图形对象（XObject）嵌套超过上限 32 层：" + ADVICE
    ]


def test_too_many_pages(in_tmp: Path) -> None:
    write(in_tmp / "pages.pdf", pdf_pages([show("Report")] * 301, shared_content=True))
    assert _import("pages.pdf") == ["pages.pdf: 错误 PDF 的页数超过上限 300 页：" + ADVICE]


def test_text_shown_over_the_limit(in_tmp: Path) -> None:
    line = show("x" * 2000)
    write(in_tmp / "text.pdf", pdf_pages([line * 50] * 5))
    assert _import("text.pdf") == [
        "text.pdf: 错误 PDF 第4页及以前各页的页面中的文字编码超过上限 400,000 字节：" + ADVICE
    ]


def test_too_many_objects(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "OBJECTS", limits.Limit("objects", "PDF 对象数", 50, "个"))
    write(in_tmp / "many.pdf", pdf_pages([show("Report")] * 30))
    assert _import("many.pdf") == ["many.pdf: 错误 PDF 对象数为 63 个，超过上限 50 个：" + ADVICE]


def test_a_damaged_stream_is_inflated_in_linear_time(in_tmp: Path) -> None:
    """pdfminer inflates a stream whose checksum is wrong a byte at a time into a growing
    bytes object: 7 MB took minutes. Now one pass, and the text before the checksum stays."""
    content = b" " * (7 * MB) + show("Qinghe report 2023")
    good = zlib.compress(content, 9)
    damaged = good[:-4] + bytes(b ^ 0xFF for b in good[-4:])
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        10: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 11 0 R >>",
        11: stream(b"", raw=damaged),
    }
    write(in_tmp / "damaged.pdf", pdf_file(objects))
    result = invoke("import", "damaged.pdf", "-o", "new.yaml")
    assert result.exit_code == 0, result.output
    assert "Qinghe report 2023" in (in_tmp / "new.yaml").read_text(encoding="utf-8")


def test_the_time_limit_stops_a_slow_reading(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "SECONDS", limits.Limit("seconds", "读取时间", 1, "秒"))
    lines = [show("Lorem ipsum dolor sit amet consectetur " * 2, 800 - 18 * i) for i in range(40)]
    write(in_tmp / "slow.pdf", pdf_pages([b"".join(lines)] * 60))
    assert _import("slow.pdf") == [
        "slow.pdf: 错误 读取超过 1 秒仍未完成：文件可能过大或结构异常；" + ADVICE
    ]


def test_a_web_page_nested_a_thousand_deep_is_read(in_tmp: Path) -> None:
    # old CMS pages leave <font> open: a thousand levels is a real shape, not an attack
    page = f"<html><body>{'<font>' * 1000}<h1>{REPORT}</h1><p>一、主要举措和成效</p><p>全年调解矛盾纠纷，调解成功。</p></body></html>"
    write(in_tmp / "deep.html", page.encode("utf-8"))
    result = invoke("import", "deep.html", "-o", "new.yaml")
    assert result.exit_code == 0, result.output
    assert "全年调解矛盾纠纷，调解成功。" in (in_tmp / "new.yaml").read_text(encoding="utf-8")


def test_a_web_page_nested_deeper_than_the_parser_keeps(in_tmp: Path) -> None:
    # libxml2 keeps about 2,000 levels and silently drops the text below them
    page = "<html>\n<body>\n" + "<div>" * 3000 + "<p>全年调解矛盾纠纷。</p>" + "</div>" * 3000
    write(in_tmp / "deeper.html", page.encode("utf-8"))
    assert _import("deeper.html") == [
        "deeper.html:3:1: 错误 网页的标签嵌套层数超过上限 1,500 层：" + ADVICE
    ]


def test_a_web_page_of_too_many_paragraphs(in_tmp: Path) -> None:
    rows = "".join(f"<p>全年调解矛盾纠纷{i}起。</p>" for i in range(10_001))
    write(in_tmp / "big.html", f"<html><body>{rows}</body></html>".encode())
    assert _import("big.html") == [
        "big.html: 错误 网页的段落数为 10,001 段，超过上限 10,000 段：" + ADVICE
    ]


def test_a_web_page_of_too_many_tags_is_refused_before_it_is_parsed(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "ELEMENTS", limits.Limit("elements", "元素（标签）数", 1000, "个"))
    write(in_tmp / "tags.html", b"<html><body>" + b"<b>" * 1001 + b"</body></html>")
    assert _import("tags.html") == [
        "tags.html: 错误 网页的元素（标签）数超过上限 1,000 个：" + ADVICE
    ]


def test_a_text_file_of_too_many_lines(in_tmp: Path) -> None:
    write(in_tmp / "long.txt", "全年调解矛盾纠纷。\n".encode() * 10_001)
    assert _import("long.txt") == [
        "long.txt: 错误 文本按行计的段落数为 10,002 段，超过上限 10,000 段：" + ADVICE
    ]


def test_a_file_over_the_size_limit(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "FILE", limits.Limit("file", "文件大小", MB, "MB"))
    write(in_tmp / "big.txt", b"x" * (2 * MB))
    assert _import("big.txt") == ["big.txt: 错误 文件大小为 2 MB，超过上限 1 MB：" + ADVICE]


def test_import_never_writes_a_file_check_refuses_for_size(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "".join(f"{REPORT}\n一、主要举措和成效\n" + "全年调解矛盾纠纷，调解成功。\n" * 200)
    write(in_tmp / "old.txt", text.encode("utf-8"))
    assert invoke("import", "old.txt", "-o", "whole.yaml").exit_code == 0
    size = (in_tmp / "whole.yaml").stat().st_size
    (in_tmp / "whole.yaml").unlink()
    monkeypatch.setattr(import_file, "MAX_BYTES", 4096)
    assert _import("old.txt") == [
        f"old.txt: 错误 导入的结果有 {-(-size // 1024)} KB，超过数据文件 4 KB 的上限（check 不会接受它）："
        + ADVICE
    ]
    monkeypatch.setattr(import_file, "MAX_BYTES", 5 * MB)
    monkeypatch.setattr(import_file, "MAX_NODES", 50)
    assert _import("old.txt") == [
        "old.txt: 错误 导入的结果超过数据文件 50 个值的上限（check 不会接受它）：" + ADVICE
    ]


def test_the_readme_lists_every_limit_with_its_number() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for limit in limits.LIMITS:
        assert f"| {limit.what} | {limit.amount(limit.most)} |" in readme, limit.key
