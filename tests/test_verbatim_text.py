"""The user's text comes out exactly as written in both outputs; invisible characters,
half-width marks and lone surrogates are located findings instead."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pdfplumber
import pytest

from tests.helpers import char_at, check_lines, invoke

Minimal = Callable[..., Path]
DUTY_TEXT = "主要负责人带头学法。"  # line 27, column 11 of MINIMAL


pytestmark = pytest.mark.usefixtures("in_tmp")


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def pdf_text(path: Path) -> str:
    """The PDF's characters in reading order, line breaks and spaces removed."""
    with pdfplumber.open(path) as pdf:
        return re.sub(r"\s", "", "".join(page.extract_text() or "" for page in pdf.pages))


# Strings the Jinja and docxtpl machinery once altered: escapes, comments, raw blocks.
VERBATIM = [
    "{_{ x }_}和{_% y %_}都要原样",
    "注释{# 不删 #}保留",
    "{% raw %}原样{% endraw %}",
    "单独的{#和}}和{%",
    "半个{ 括号 }与%号",
    "<b>不是标签</b>&amp;",
]


@pytest.mark.parametrize("text", VERBATIM)
def test_text_comes_out_as_written_in_word_and_pdf(minimal: Minimal, text: str) -> None:
    minimal((DUTY_TEXT, f"'主要负责人{text}带头学法。'"))
    assert invoke("render", "report.yaml", "--pdf").exit_code == 0
    expected = f"主要负责人{text}带头学法。"
    assert expected in docx_text(Path("report.docx")).split("\n")
    assert re.sub(r"\s", "", expected) in pdf_text(Path("report.pdf"))


def test_a_lone_surrogate_is_a_located_error(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, '"前文\\ud800后文"'))
    code, out = check_lines("report.yaml")
    assert (code, out) == (
        1,
        [
            "report.yaml:27:11: 错误 SCHEMA 文字中有不成对的代理字符（\\ud800–\\udfff 转义）："
            "它不是有效的字符，请删除或改为实际的字"
        ],
    )
    assert invoke("render", "report.yaml", "--pdf").exit_code == 1
    assert not Path("report.docx").exists()


def test_an_escaped_surrogate_pair_is_its_character(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, '"主要负责人带头学法\\ud83d\\ude00。"'))
    result = invoke("render", "report.yaml", "--pdf")
    assert result.exit_code == 0, result.stderr
    assert "主要负责人带头学法😀。" in docx_text(Path("report.docx"))
    # an emoji the CJK fonts lack is drawn by the installed symbol font, with a warning
    (line,) = [ln for ln in result.stderr.splitlines() if " P1 " in ln]
    m = re.search(
        r"字符“😀”（U\+1F600）在正文（仿宋）字体 FandolFang 中没有：将改用 (.+) 显示", line
    )
    assert m, line
    assert "😀" in pdf_text(Path("report.pdf"))
    fonts = subprocess.run(["pdffonts", "report.pdf"], capture_output=True, text=True).stdout
    assert m.group(1).replace(" ", "") in fonts.replace(" ", ""), (m.group(1), fonts)


def test_f8_invisible_characters(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, '"主要负责人\\u200b带头\\u202e学法。"'))
    code, out = check_lines("report.yaml")
    assert char_at("report.yaml", 27, 17, 6) == "\\u200b"
    assert char_at("report.yaml", 27, 25, 6) == "\\u202e"
    assert out == [
        "report.yaml:27:17: 错误 F8 这里有一个看不见的字符 U+200B（零宽空格），多是从网页复制来的：请删除",
        "report.yaml:27:25: 错误 F8 这里有一个看不见的字符 U+202E（从右到左强制（会让文字倒序显示）），多是从网页复制来的：请删除",
    ]
    assert code == 1


@pytest.mark.parametrize(
    ("escaped", "rule", "message"),
    [
        (
            "\\u2061",
            "F8",
            "看不见的字符 U+2061（格式控制字符），多是从网页复制来的：请删除",
        ),
        (
            "\\u2064",
            "F8",
            "看不见的字符 U+2064（格式控制字符），多是从网页复制来的：请删除",
        ),
        (
            "\\u034f",
            "F8",
            "看不见的字符 U+034F（不显示的字符），多是从网页复制来的：请删除",
        ),
        (
            "\\u180e",
            "F8",
            "看不见的字符 U+180E（格式控制字符），多是从网页复制来的：请删除",
        ),
        (
            "\\ufe0f",
            "F8",
            "看不见的字符 U+FE0F（不显示的字符），多是从网页复制来的：请删除",
        ),
        ("\\x9f", "F7", "控制字符 U+009F（第 6 个字符），会损坏 Word 文件：请删除"),
        ("\\x80", "F7", "控制字符 U+0080（第 6 个字符），会损坏 Word 文件：请删除"),
    ],
)
def test_every_format_ignorable_or_control_character_is_found_at_its_escape(
    minimal: Minimal, escaped: str, rule: str, message: str
) -> None:
    minimal((DUTY_TEXT, f'"主要负责人{escaped}带头学法。"'))
    assert char_at("report.yaml", 27, 17, len(escaped)) == escaped
    words = "这里有一个" if rule == "F8" else "含有"
    assert check_lines("report.yaml") == (
        1,
        [f"report.yaml:27:17: 错误 {rule} {words}{message}"],
    )
    assert invoke("render", "report.yaml").exit_code == 1
    assert not Path("report.docx").exists()


def test_f8_points_at_the_character_in_plain_text(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "主要负责人\u2060带头学法。"))
    assert check_lines("report.yaml") == (
        1,
        [
            "report.yaml:27:16: 错误 F8 这里有一个看不见的字符 U+2060（词连接符），多是从网页复制来的：请删除"
        ],
    )


@pytest.mark.parametrize(
    ("text", "col", "mark", "fix"),
    [
        ("'主要负责人\"带头\"学法。'", 17, '"', "“"),
        ("主要负责人带头学法...", 20, "...", "……"),
        ("主要负责人带头学法--全年", 20, "--", "——"),
        ("主要负责人一~三月学法", 17, "~", "至"),
        ("主要负责人学习<民法典>", 18, "<…>", "《》"),
    ],
)
def test_f1_half_width_marks_with_their_full_width_form(
    minimal: Minimal, text: str, col: int, mark: str, fix: str
) -> None:
    minimal((DUTY_TEXT, text))
    code, out = check_lines("report.yaml")
    assert out[0] == f"report.yaml:27:{col}: 警告 F1 中文中用了半角“{mark}”：应为全角“{fix}”", out
    assert code == 0


def test_f1_straight_quotes_alternate(minimal: Minimal) -> None:
    minimal((DUTY_TEXT, "'主要负责人\"带头\"学法'"))
    _, out = check_lines("report.yaml")
    assert [ln.split("：")[-1] for ln in out] == ["应为全角““”", "应为全角“””"]


def test_long_unbreakable_runs_wrap_inside_the_text_block(minimal: Minimal) -> None:
    run = "1" * 60 + "A" * 68 + "https://example.invalid/" + "x" * 40
    minimal((DUTY_TEXT, f"主要负责人{run}带头学法。"), ("  to:", "  ignore: [F3, Q5]\n  to:"))
    assert invoke("render", "report.yaml", "--pdf").exit_code == 0
    with pdfplumber.open("report.pdf") as pdf:
        right = max(c["x1"] for page in pdf.pages for c in page.chars if c["top"] < 262 * 72 / 25.4)
        width = pdf.pages[0].width
    assert right <= (210 - 26 + 0.5) * 72 / 25.4 < width, right
    assert re.sub(r"\s", "", run) in pdf_text(Path("report.pdf"))


@pytest.mark.parametrize("literal", ["'\\\\x00'", "'\\\\u202e'", "'abc'"])
def test_only_braces_print_through_a_string_literal(minimal: Minimal, literal: str) -> None:
    # a Jinja string literal could smuggle a NUL or a direction override past F7/F8
    minimal((DUTY_TEXT, f'"主要负责人带头学法{{{{ {literal} }}}}。"'))
    code, out = check_lines("report.yaml")
    assert code == 1
    assert out == [
        "report.yaml:27:24: 错误 T1 {{ }} 中只能写 '{{' 或 '}}'（表示花括号本身）：其他文字请直接写在 {{ }} 之外"
    ]
