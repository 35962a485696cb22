"""Word's numbering formats and counters, from numbering.xml written by hand."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from lawgov_gen.commands.importer.word_numbering import Numbering, chinese_number, format_number


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (35, "三十五"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
    ],
)
def test_chinese_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text


@pytest.mark.parametrize(
    ("fmt", "n", "text"),
    [
        ("chineseCounting", 12, "十二"),
        ("chineseCountingThousand", 3, "三"),
        ("taiwaneseCountingThousand", 2, "二"),
        ("taiwaneseCounting", 11, "十一"),
        ("ideographLegalTraditional", 2, "貳"),
        ("ideographEnclosedCircle", 2, "㊁"),
        ("ideographZodiacTraditional", 2, "乙丑"),
        ("japaneseCounting", 21, "二十一"),
        ("chineseLegalSimplified", 12, "拾贰"),
        ("ideographTraditional", 3, "丙"),
        ("ideographZodiac", 2, "丑"),
        ("ideographDigital", 10, "一〇"),
        ("decimal", 7, "7"),
        ("decimalZero", 7, "07"),
        ("decimalFullWidth", 12, "１２"),
        ("decimalEnclosedCircle", 3, "③"),
        ("decimalEnclosedParen", 2, "⑵"),
        ("upperRoman", 14, "XIV"),
        ("lowerLetter", 28, "bb"),
        ("none", 1, ""),
        ("bullet", 1, None),
        ("somethingNew", 4, "4"),
    ],
)
def test_formats(fmt: str, n: int, text: str | None) -> None:
    assert format_number(n, fmt) == text


def _numbering(levels: str, num: str = "") -> Numbering:
    root = parse_xml(
        f"<w:numbering {nsdecls('w')}>"
        f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        f"{num}</w:numbering>"
    )
    return Numbering(root, {})


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def test_lower_levels_restart_and_legal_numbers() -> None:
    numbering = _numbering(
        _lvl(0, "chineseCounting", "%1、")
        + _lvl(1, "decimal", "%1.%2", "<w:isLgl/>")
        + _lvl(2, "decimal", "（%3）", '<w:lvlRestart w:val="1"/>')
    )
    labels = [numbering.label(5, lvl) for lvl in (0, 1, 2, 1, 2, 0, 1, 2)]
    # Level 3 restarts only after level 1, not after level 2.
    assert labels == ["一、", "1.1", "（1）", "1.2", "（2）", "二、", "2.1", "（1）"]


def test_lists_sharing_a_definition_share_its_counters() -> None:
    numbering = _numbering(
        _lvl(0, "decimal", "%1."),
        '<w:num w:numId="6"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="4"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>',
    )
    # 7 continues 5; 6 restarts at its own start once, then 5 carries on from there.
    labels = [numbering.label(n, 0) for n in (5, 7, 5, 6, 6, 5)]
    assert labels == ["1.", "2.", "3.", "第四条", "第五条", "6."]
    assert numbering.label(5, 3) is None
    assert numbering.label(77, 0) is None


def test_numbering_style_link() -> None:
    root = parse_xml(
        f"<w:numbering {nsdecls('w')}>"
        f'<w:abstractNum w:abstractNumId="1">{_lvl(0, "chineseCounting", "（%1）")}'
        '<w:styleLink w:val="ReportList"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ReportList"/></w:abstractNum>'
        '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>'
        "</w:numbering>"
    )
    numbering = Numbering(root, {"ReportList": "5"})
    assert [numbering.label(6, 0), numbering.label(6, 0)] == ["（一）", "（二）"]


def test_libreoffice_numbering_formats_give_chinese_labels() -> None:
    # LibreOffice's .doc/.wps → .docx export writes taiwaneseCountingThousand; Word 2010+
    # may hide a custom format in mc:AlternateContent.
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    custom = (
        f'<w:lvl w:ilvl="2"><w:start w:val="1"/><mc:AlternateContent {mc}>'
        '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/>'
        '</mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback>'
        '</mc:AlternateContent><w:lvlText w:val="第%3条"/></w:lvl>'
    )
    numbering = _numbering(
        _lvl(0, "taiwaneseCountingThousand", "%1、")
        + _lvl(1, "taiwaneseCountingThousand", "（%2）")
        + custom
    )
    labels = [numbering.label(5, lvl) for lvl in (0, 1, 1, 2, 0, 1)]
    assert labels == ["一、", "（一）", "（二）", "第一条", "二、", "（一）"]
