"""Fast tests of the pure stages: the statute table, the context, figures, expressions;
and the parity of check and render."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from lawgov_gen.checks.runner import check_file
from lawgov_gen.commands.importer.segmenter import match_part
from lawgov_gen.content.context import ReportContext
from lawgov_gen.content.figures import Figure
from lawgov_gen.content.text_pieces import masked, pieces
from lawgov_gen.data.model import PartTitles
from lawgov_gen.render.elements import ROLE_OF_ELEMENT, STYLES
from lawgov_gen.statute import PART_KEYS, PARTS
from tests.helpers import EXAMPLES, MINIMAL, invoke, minimal_text


def test_the_statute_table_names_the_five_parts_in_order() -> None:
    assert PART_KEYS == ("measures", "problems", "duties", "plans", "other")
    assert [p.number for p in PARTS] == [1, 2, 3, 4, 5]
    assert PARTS[3].title(2024) == "2025年推进法治政府建设的主要安排"
    assert PARTS[2].title(2024).startswith("2024年党政主要负责人履行推进法治建设第一责任人职责")
    assert tuple(PartTitles.model_fields) == PART_KEYS
    for part in PARTS:
        assert all(word in part.heading for word in part.keywords)
    assert sorted(p.priority for p in PARTS) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("存在的问题和原因", "problems"),
        ("主要负责人履职情况和下一步安排", "duties"),
        ("下一步工作打算和其他情况", "plans"),
        ("主要举措和成效", "measures"),
        ("其他需要报告的情况", "other"),
    ],
)
def test_the_importer_recognises_parts_by_the_statute_table(heading: str, key: str) -> None:
    part = match_part(heading)
    assert part is not None and part.key == key


def test_every_printed_context_field_names_an_element_of_the_table() -> None:
    not_printed = {
        "signature_indent",
        "date_indent",
        "year",
        "date_iso",
        "fonts",
        "font_files",
        "figures",
        "disclosure",  # only the 公开版 shows it, in the reader's fonts: not on the page
    }
    for f in dataclasses.fields(ReportContext):
        if f.name in not_printed:
            continue
        element = f.metadata.get("element")
        assert element, f"ReportContext.{f.name} is printed but names no element"
        assert element in {"blocks", "attachments", "metrics_table", "metadata"} | set(
            ROLE_OF_ELEMENT
        )
    assert {s.element for s in STYLES} >= {"heading1", "heading2", "heading3", "heading4", "body"}


def test_the_context_texts_reach_the_glyph_check() -> None:
    checked = check_file(EXAMPLES / "township.yaml")
    assert checked.context is not None
    elements = {element for element, _ in checked.context.printed_texts()}
    assert {
        "title",
        "doc_number",
        "addressee",
        "heading1",
        "heading2",
        "body",
        "attachment",
        "signature",
        "date",
        "note",
        "table_head",
        "table_cell",
    } <= elements


@pytest.mark.parametrize(
    ("new", "old", "unit", "rate", "sentence", "cell"),
    [
        (146, 128, "起", False, "同比增长14.1%", "增长14.1%"),
        (58, 67, "件", False, "同比下降13.4%", "下降13.4%"),
        (2, 2, "件", False, "与上年持平", "持平"),
        (1000, 999.9, "份", False, "与上年基本持平", "基本持平"),
        (5, 0, "件", False, "同比增加5件", "增加5件"),
        (-3, 12.5, "万元", False, "同比减少15.5万元", "减少15.5万元"),
        (96.6, 95.3, "%", True, "提高1.3个百分点", "提高1.3个百分点"),
        (94, 96.5, "%", False, "下降2.5个百分点", "下降2.5个百分点"),
    ],
)
def test_change_wording(
    new: float, old: float, unit: str, rate: bool, sentence: str, cell: str
) -> None:
    figure = Figure("x", "x", unit, Decimal(str(new)), Decimal(str(old)), is_rate=rate)
    assert (figure.change, figure.change_of.cell) == (sentence, cell)


def test_only_double_braces_are_expressions() -> None:
    text = "甲{% x %}乙{{ m.a }}丙{# c #}丁{{ '}}' }}"
    parts, issue = pieces(text)
    assert issue is None
    assert [(text[p.start : p.end], p.expression) for p in parts] == [
        ("甲{% x %}乙", None),
        ("{{ m.a }}", " m.a "),
        ("丙{# c #}丁", None),
        ("{{ '}}' }}", " '}}' "),
    ]


PARITY = [
    MINIMAL,
    minimal_text(("主要负责人带头学法。", "主要负责人王堃带头学法。")),
    minimal_text(("主要负责人带头学法。", "'{_{ 原样 }_}'")),
    minimal_text(("  to:", "  ignore: [F1, P1, Q7]\n  to:"), ("。\nproblems:", ",\nproblems:")),
    minimal_text(
        (
            "plans:\n  - title: 提升依法行政能力",
            "plans:\n  - text: 先写一段。\n  - title: 提升依法行政能力",
        )
    ),
]


@pytest.mark.parametrize("text", PARITY)
def test_what_check_passes_also_renders(in_tmp: Path, text: str) -> None:
    Path("report.yaml").write_text(text, encoding="utf-8")
    if invoke("check", "report.yaml").exit_code == 0:
        result = invoke("render", "report.yaml", "--pdf")
        assert result.exit_code == 0, result.stderr


# The examples' Word output, recorded: a refactoring or a compatible schema extension must
# leave it byte-identical (update the hashes only for an intended change of the output).
EXAMPLE_DOCX = {
    "township.docx": "0e8160b43c2ab629b74e227ae197634e6035596b2eef663a5bfe4f354bcfbda5",
    "township-2023.docx": "ef62db52790011dae9152355b4d6b32bf0c4c4592cd506e2b6da5d74225e5311",
}


def test_example_word_output_is_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    from lawgov_gen import __version__
    from lawgov_gen.render import word

    # the version (from the git tag: every commit has its own) as when the hashes were taken
    assert f"lawgov-gen {__version__}<" in word.APP_XML
    monkeypatch.setattr(word, "APP_XML", word.APP_XML.replace(__version__, "0.1.0"))
    assert invoke("render", str(EXAMPLES), "-o", str(tmp_path)).exit_code == 0
    for name, digest in EXAMPLE_DOCX.items():
        assert hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() == digest, name


# The examples' PDF as read back (each page's text, in order): the page breaks, line breaks
# and every printed character; the PDF's bytes also carry font-file details of the machine.
EXAMPLE_PDF_TEXT = {
    "township.pdf": "0f2accc594df25a05987b3da7ea2b1a20642a0537796df85e317ac8c0af78a12",
    "township-2023.pdf": "5b89e0a2729973c5325f79649de3c88794ad756c0140095cd9829a4193fcb405",
}


def test_example_pdf_text_is_identical(tmp_path: Path) -> None:
    import hashlib

    import pdfplumber

    args = ("render", str(EXAMPLES), "--pdf", "--no-docx", "-o", str(tmp_path))
    assert invoke(*args).exit_code == 0
    for name, digest in EXAMPLE_PDF_TEXT.items():
        with pdfplumber.open(tmp_path / name) as pdf:
            text = "\f".join(page.extract_text() or "" for page in pdf.pages)
        assert hashlib.sha256(text.encode()).hexdigest() == digest, name


def test_one_helper_masks_expressions_and_titles_keeping_indices() -> None:
    text = "依据《条例2号》，{{ '}}' }}共5件"
    assert masked(text) == "依据《条例2号》，" + " " * 10 + "共5件"
    assert masked(text, titles=True) == "依据" + " " * 6 + "，" + " " * 10 + "共5件"
