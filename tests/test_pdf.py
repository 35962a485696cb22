"""The PDF: measured on glyph positions and embedded fonts, and compared with the .docx."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest

from tests.helpers import EXAMPLE, Minimal, Write, invoke
from tests.layout import (
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    BLOCK_TOP,
    MM,
    Line,
    assert_full_pages,
    assert_signature_not_alone,
    body_text,
    is_full,
    kinsoku_short,
    lines_of,
    read_pages,
)


def width_em(chars: Line) -> float:
    return sum(0.5 if c["text"].isascii() else 1.0 for c in chars)


@pytest.fixture(scope="module")
def pages(rendered: dict[str, Path]) -> list[dict[str, Any]]:
    """Per page: body rows and page-number rows; every page A4."""
    with pdfplumber.open(rendered["pdf"]) as pdf:
        for page in pdf.pages:
            assert abs(page.width / MM - 210) < 0.5 and abs(page.height / MM - 297) < 0.5
    return read_pages(rendered["pdf"])


def test_body_inside_text_block(pages: list[dict[str, Any]]) -> None:
    for page in pages:
        for line in page["body"]:
            for c in line:
                assert c["x0"] / MM >= BLOCK_LEFT - 1 and c["x1"] / MM <= BLOCK_RIGHT + 1
                assert c["top"] / MM >= BLOCK_TOP - 1 and c["bottom"] / MM <= BLOCK_BOTTOM + 1
    first_lines = [p["body"][0] for p in pages[1:]]
    assert all(abs(ln[0]["top"] / MM - 39.2) < 1.0 for ln in first_lines)


def test_22_lines_per_full_page(pages: list[dict[str, Any]]) -> None:
    assert len(pages) > 5
    assert_full_pages(pages)
    assert_signature_not_alone(pages)
    for page in pages:
        body = [r for r in page["body"] if abs(r[0]["size"] - 16) < 0.5]
        pitches = {round((b[0]["top"] - a[0]["top"]) / MM, 1) for a, b in itertools.pairwise(body)}
        assert all(abs(p / 10.227 - round(p / 10.227)) < 0.03 for p in pitches), pitches


def test_28_characters_per_full_line(pages: list[dict[str, Any]]) -> None:
    full = 0
    for page in pages:
        body = page["body"]
        for i, line in enumerate(body):
            if is_full(line, body, i):
                full += 1
                w = width_em(line)
                # half-width digits can leave half a character free; line-break rules for
                # punctuation (no closing mark first, no opening mark last) up to two
                ok = 27.5 <= w <= 28 or (w >= 26 and kinsoku_short(body[i + 1]))
                assert ok, "".join(c["text"] for c in line)
                assert line[-1]["x1"] / MM <= BLOCK_RIGHT + 0.3
    assert full > 100


def test_page_numbers_odd_right_even_left_7mm_below(pages: list[dict[str, Any]]) -> None:
    for n, page in enumerate(pages, start=1):
        (line,) = page["foot"]
        assert "".join(c["text"] for c in line) == f"—{n}—"
        assert abs(line[0]["top"] / MM - (BLOCK_BOTTOM + 7)) <= 1
        assert all(abs(c["size"] - 14) < 0.1 for c in line)
        assert all("FandolSong" in c["fontname"] and "Bold" not in c["fontname"] for c in line)
        one_char = 14 / MM
        if n % 2:
            assert abs(line[-1]["x1"] / MM - (BLOCK_RIGHT - one_char)) < 1
        else:
            assert abs(line[0]["x0"] / MM - (BLOCK_LEFT + one_char)) < 1


def test_each_role_in_its_own_font(pages: list[dict[str, Any]]) -> None:
    first = pages[0]["body"]
    by_text = {"".join(c["text"] for c in ln): ln for ln in first}
    title = by_text["青禾镇2024年法治政府建设年度报告"]
    assert all(abs(c["size"] - 22) < 0.1 for c in title)
    assert {c["fontname"].split("+")[1] for c in title if not c["text"].isascii()} == {
        "FandolSong-Bold"
    }
    heading1 = next(ln for t, ln in by_text.items() if t.startswith("一、"))
    assert heading1[0]["fontname"].endswith("FandolHei")
    heading2 = next(ln for t, ln in by_text.items() if t.startswith("（一）"))
    assert heading2[0]["fontname"].endswith("FandolKai")
    body = next(ln for t, ln in by_text.items() if t.startswith("中共"))
    assert body[0]["fontname"].endswith("FandolFang")
    centre = (title[0]["x0"] + title[-1]["x1"]) / 2 / MM
    assert abs(centre - (BLOCK_LEFT + BLOCK_RIGHT) / 2) < 1


def test_embedded_fonts_no_japanese_face_no_type3(rendered: dict[str, Path]) -> None:
    out = subprocess.run(
        ["pdffonts", str(rendered["pdf"])], capture_output=True, text=True, check=True
    ).stdout
    names = [line.split()[0].split("+")[-1] for line in out.splitlines()[2:]]
    assert set(names) == {"FandolFang", "FandolSong-Bold", "FandolHei", "FandolKai", "FandolSong"}
    assert "JP" not in out and "Type 3" not in out
    assert all(line.split()[-5] == "yes" for line in out.splitlines()[2:])  # embedded


def docx_paragraphs(path: Path) -> list[str]:
    """Paragraph texts in body order (tables are compared on their own)."""
    return [p.text.replace("\n", "") for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_text_parity_with_docx_paragraph_by_paragraph(rendered: dict[str, Path]) -> None:
    paras = [re.sub(r"\s+", "", p) for p in docx_paragraphs(rendered["docx"])]
    text = body_text(rendered["pdf"])
    table = docx.Document(str(rendered["docx"])).tables[0]
    cells = "".join(re.sub(r"\s+", "", c.text) for row in table.rows for c in row.cells)
    body, table_text = text[: len("".join(paras))], text[len("".join(paras)) :]
    assert body == "".join(paras)
    # table cells wrap differently in each output: compare the characters, not their order;
    # the PDF repeats the header row on each page of the table
    header = "".join(c.text for c in table.rows[0].cells)
    repeats = table_text.count(header) - 1
    assert repeats >= 1
    assert sorted(table_text) == sorted(cells + header * repeats)
    assert len(table.rows) == 1 + 31
    pos = 0
    for p in paras:
        assert text.startswith(p, pos), p
        pos += len(p)


def test_same_input_gives_identical_pdf(tmp_path: Path, rendered: dict[str, Path]) -> None:
    assert invoke("render", str(EXAMPLE), "--pdf", "--no-docx", "-o", str(tmp_path)).exit_code == 0
    assert (tmp_path / "township.pdf").read_bytes() == rendered["pdf"].read_bytes()
    assert not (tmp_path / "township.docx").exists()


def test_creation_date_from_report_date(rendered: dict[str, Path]) -> None:
    from pypdf import PdfReader

    info = PdfReader(str(rendered["pdf"])).metadata
    assert info is not None
    assert str(info["/CreationDate"]).startswith("D:20250218")
    assert str(info["/Title"]) == "青禾镇2024年法治政府建设年度报告"


def test_user_template_folder_extends_builtin(tmp_path: Path, minimal: Minimal) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report.html").write_text(
        '{% extends "builtin/report.html" %}{% block ending %}<p>自定义落款</p>{{ super() }}{% endblock %}',
        encoding="utf-8",
    )
    path = minimal()
    result = invoke(
        "render", str(path), "--pdf", "--no-docx", "--template", str(tpl), "-o", str(tmp_path)
    )
    assert result.exit_code == 0, result.stderr
    assert "自定义落款" in body_text(tmp_path / "report.pdf")


def test_user_css_is_layered_over_builtin(tmp_path: Path, minimal: Minimal) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report.css").write_text("h2.h1 { font-size: 18pt; }", encoding="utf-8")
    path = minimal()
    result = invoke(
        "render", str(path), "--pdf", "--no-docx", "--template", str(tpl), "-o", str(tmp_path)
    )
    assert result.exit_code == 0, result.stderr
    with pdfplumber.open(tmp_path / "report.pdf") as pdf:
        lines = lines_of(pdf.pages[0])
    sizes = {"".join(c["text"] for c in ln)[:2]: ln[0]["size"] for ln in lines}
    assert abs(sizes["一、"] - 18) < 0.1  # the user's rule
    assert abs(sizes["（一"] - 16) < 0.1  # the built-in rules still apply
    assert abs(lines[-1][0]["top"] / MM - (BLOCK_BOTTOM + 7)) <= 1


def test_template_syntax_error_names_file_and_line(tmp_path: Path, minimal: Minimal) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report.html").write_text("<html>\n<body>\n{% if %}\n</body>", encoding="utf-8")
    result = invoke(
        "render",
        str(minimal()),
        "--pdf",
        "--no-docx",
        "--template",
        str(tpl),
        "-o",
        str(tmp_path / "o"),
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"{tpl / 'report.html'}:3:1: 错误 模板语法错误：这里缺少表达式（遇到了“%}}”）\n"
    )
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "file:///etc/passwd",
        "../secret.png",
        "https://example.invalid/a.css",
    ],
)
def test_fetcher_refuses_network_and_outside_files(
    tmp_path: Path, minimal: Minimal, url: str
) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    (tpl / "report.html").write_text(
        f'{{% extends "builtin/report.html" %}}{{% block head %}}<img src="{url}">{{{{ super() }}}}{{% endblock %}}',
        encoding="utf-8",
    )
    result = invoke(
        "render",
        str(minimal()),
        "--pdf",
        "--no-docx",
        "--template",
        str(tpl),
        "-o",
        str(tmp_path / "o"),
    )
    assert result.exit_code == 1
    assert "模板引用了" in result.stderr
    assert not (tmp_path / "o" / "report.pdf").exists()


def test_rare_character_fallback_is_reported(tmp_path: Path, minimal: Minimal) -> None:
    path = minimal(("主要负责人带头学法。", "主要负责人王堃带头学法。"))
    result = invoke("render", str(path), "--pdf", "-o", str(tmp_path))
    assert result.exit_code == 0
    line = next(ln for ln in result.stderr.splitlines() if " P1 " in ln)
    row = next(i for i, t in enumerate(path.read_text("utf-8").splitlines(), 1) if "堃" in t)
    col = path.read_text("utf-8").splitlines()[row - 1].index("堃") + 1
    assert line.startswith(f"{path}:{row}:{col}: 警告 P1 ")
    assert (
        "字符“堃”（U+5803）在正文（仿宋）字体 FandolFang 中没有：将改用 Noto Serif CJK SC 显示"
        in line
    )
    strict = invoke("render", str(path), "--pdf", "--strict", "-o", str(tmp_path / "s"))
    assert strict.exit_code == 1
    assert "错误 P1" in strict.stderr
    assert not (tmp_path / "s").exists() or not list((tmp_path / "s").iterdir())


def test_no_cjk_font_refuses(
    tmp_path: Path, minimal: Minimal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lawgov_gen.render import fonts

    monkeypatch.setattr(fonts, "installed_faces", lambda: ())
    result = invoke("render", str(minimal()), "--pdf", "-o", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "错误 本机没有任何中文字体，PDF 将只有空白方框：请安装字体："
        "lawgov-gen setup --print-system-deps | bash（需要 sudo；没有 root 权限时用 "
        "LAWGOV_USER_FONTS=1 bash，字体装到 ~/.local/share/fonts）"
    )
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_missing_harfbuzz_subset_refuses(
    tmp_path: Path, minimal: Minimal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lawgov_gen.render import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset_available", lambda: False)
    result = invoke("render", str(minimal()), "--pdf", "-o", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert result.stderr == (
        "错误 缺少 HarfBuzz 字体子集库，生成 PDF 会慢数十倍：请安装：sudo apt install libharfbuzz-subset0\n"
    )
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_fonts_command_lists_roles_and_fallbacks(
    write: Write, tmp_path: Path, minimal: Minimal
) -> None:
    result = invoke("fonts")
    assert result.exit_code == 0
    for label, face in (
        ("标题（小标宋）", "FandolSong Bold"),
        ("正文（仿宋）", "FandolFang Regular"),
        ("一级标题（黑体）", "FandolHei"),
        ("二级标题（楷体）", "FandolKai"),
        ("页码（宋体）", "FandolSong"),
    ):
        line = next(ln for ln in result.stdout.splitlines() if ln.startswith(label))
        assert face in line and "（替代字体）" in line and ".otf" in line
    assert "HarfBuzz 字体子集库：可用" in result.stdout
    path = minimal(("主要负责人带头学法。", "主要负责人王堃带头学法。"))
    result = invoke("fonts", str(path))
    assert "正文（仿宋） FandolFang 缺“堃”（U+5803）→ Noto Serif CJK SC" in result.stdout


def test_character_no_font_has_is_an_error(tmp_path: Path, minimal: Minimal) -> None:
    path = minimal(("主要负责人带头学法。", "主要负责人带头学法\ue000。"))
    result = invoke("render", str(path), "--pdf", "-o", str(tmp_path / "o"))
    assert result.exit_code == 1
    (line,) = [ln for ln in result.stderr.splitlines() if " P2 " in ln]
    assert line.endswith(
        "错误 P2 字符“\ue000”（U+E000）在正文（仿宋）字体 FandolFang 中没有："
        "没有任何已安装的字体能显示它，PDF 中将是空白方框：请安装含此字的字体"
    )
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_ignore_p1_silences_the_fallback_warning(tmp_path: Path, minimal: Minimal) -> None:
    path = minimal(
        ("主要负责人带头学法。", "主要负责人王堃带头学法。"), ("  to:", "  ignore: [P1]\n  to:")
    )
    result = invoke("render", str(path), "--pdf", "--strict", "-o", str(tmp_path))
    assert (result.exit_code, result.stderr) == (0, "")


def test_own_licensed_font_file_is_used_for_its_role(tmp_path: Path, minimal: Minimal) -> None:
    import shutil as sh

    from lawgov_gen.render.fonts import find_face

    kai = find_face("FandolKai", bold=False)
    assert kai is not None
    (tmp_path / "fonts").mkdir()
    sh.copy(
        kai.file, tmp_path / "fonts" / "my-fangsong.otf"
    )  # stands in for a licensed 仿宋_GB2312
    path = minimal(
        (
            "  short: 示例镇\n",
            "  short: 示例镇\n  fonts:\n    files: {body: fonts/my-fangsong.otf}\n",
        )
    )
    result = invoke("render", str(path), "--pdf", "--no-docx", "-o", str(tmp_path / "o"))
    assert result.exit_code == 0, result.stderr
    with pdfplumber.open(tmp_path / "o" / "report.pdf") as pdf:
        rows = lines_of(pdf.pages[0])
    addressee = next(r for r in rows if "".join(c["text"] for c in r).startswith("中共"))
    assert addressee[0]["fontname"].endswith("lawgov-body")  # embedded under its @font-face name
    report = invoke("fonts", str(path))
    line = next(ln for ln in report.stdout.splitlines() if ln.startswith("正文（仿宋）"))
    assert "FandolKai" in line and "my-fangsong.otf" in line and "（自备字体文件）" in line


@pytest.mark.parametrize(
    ("ref", "content", "message"),
    [
        (
            "fonts/none.ttf",
            None,
            "report.yaml:6:19: 错误 SCHEMA 字体文件“fonts/none.ttf”不存在（相对于数据文件所在的文件夹）",
        ),
        (
            "fonts/a.woff",
            b"x",
            "report.yaml:6:19: 错误 SCHEMA “fonts/a.woff”不是字体文件：应为 .ttf、.otf 或 .ttc",
        ),
    ],
)
def test_bad_font_file_reference(
    tmp_path: Path, minimal: Minimal, ref: str, content: bytes | None, message: str
) -> None:
    if content is not None:
        (tmp_path / ref).parent.mkdir(exist_ok=True)
        (tmp_path / ref).write_bytes(content)
    path = minimal(
        ("  short: 示例镇\n", f"  short: 示例镇\n  fonts:\n    files: {{body: {ref}}}\n")
    )
    result = invoke("render", str(path), "--pdf", "-o", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message.replace("report.yaml", str(path))]
    assert not (tmp_path / "o").exists()


def test_broken_font_file(tmp_path: Path, minimal: Minimal) -> None:
    (tmp_path / "bad.ttf").write_bytes(b"not a font")
    path = minimal(
        ("  short: 示例镇\n", "  short: 示例镇\n  fonts:\n    files: {title: bad.ttf}\n")
    )
    # check finds it first, at its line, as render does
    for args in (("check",), ("render", "--pdf", "-o", str(tmp_path / "o"))):
        result = invoke(args[0], str(path), *args[1:])
        assert result.exit_code == 1
        assert result.output.strip() == (
            f"{path}:6:20: 错误 SCHEMA “bad.ttf”不是有效的字体文件（已损坏，或只是改了扩展名）"
        )
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


def test_fonts_command_without_any_chinese_font(monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgov_gen.render import fonts

    monkeypatch.setattr(fonts, "installed_faces", lambda: ())
    result = invoke("fonts")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    step = (
        "请安装字体：lawgov-gen setup --print-system-deps | bash（需要 sudo；没有 root 权限时用 "
        "LAWGOV_USER_FONTS=1 bash，字体装到 ~/.local/share/fonts）"
    )
    assert lines[1] == f"标题（小标宋）    （未找到）                {step}"
    assert lines[-1] == f"错误 本机没有任何中文字体：{step}"


def test_a_font_file_fontconfig_cannot_read_is_found_by_check(
    tmp_path: Path, minimal: Minimal
) -> None:
    (tmp_path / "bad.ttf").write_bytes(b"\x00\x01\x00\x00garbage")  # the right magic, no font
    path = minimal(
        ("  short: 示例镇\n", "  short: 示例镇\n  fonts:\n    files: {title: bad.ttf}\n")
    )
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:6:20: 错误 SCHEMA 字体文件“bad.ttf”无法读取（已损坏，或不是字体）：请换一个完好的 .ttf/.otf 字体\n"
    )


def test_a_font_name_cannot_carry_css(tmp_path: Path, minimal: Minimal) -> None:
    # a name that would close the CSS string and add a rule fetching from the network
    name = 'X"; } @font-face { src: url("http://127.0.0.1:9/a") } x { a: "'
    path = minimal(("  short: 示例镇\n", f"  short: 示例镇\n  fonts:\n    body: '{name}'\n"))
    result = invoke("render", str(path), "--pdf", "-o", str(tmp_path / "out"))
    assert (result.exit_code, result.stderr) == (
        1,
        f"{path}:6:11: 错误 SCHEMA “report.fonts.body”字体名称只能是字体的名字，如 仿宋_GB2312"
        "（不能含引号、分号、花括号等）\n",
    )
    assert not (tmp_path / "out").exists()


def test_css_strings_escape_what_would_end_them() -> None:
    from lawgov_gen.render.fonts import css_string

    assert css_string('仿宋"; } x {') == '"仿宋\\22 ; } x {"'
    assert css_string("a\\b\nc") == '"a\\5c b\\a c"'


def test_a_long_unbroken_label_stays_in_its_table_cell(tmp_path: Path, minimal: Minimal) -> None:
    label = "A" * 72
    path = minimal(
        (
            "  to: [中共示例县委员会, 示例县人民政府]\n",
            "  to: [中共示例县委员会, 示例县人民政府]\n  metrics_table: true\n",
        ),
        ("cases: {label: 调解纠纷,", f"cases: {{label: {label},"),
    )
    assert (
        invoke("render", str(path), "--pdf", "--no-docx", "-o", str(tmp_path / "out")).exit_code
        == 0
    )
    with pdfplumber.open(tmp_path / "out" / "report.pdf") as pdf:
        chars = [c for page in pdf.pages for c in page.chars if c["text"] == "A"]
    assert len(chars) >= 72
    assert max(c["x1"] for c in chars) / MM <= BLOCK_RIGHT + 0.5
