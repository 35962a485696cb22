"""Bad input: exit 1, `path:line:col: 错误 …` naming the key, no traceback, no output file."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.helpers import MINIMAL, Minimal, Write, char_at, check_lines, invoke, refused


def render_fails(path: Path, out: Path, *extra: str) -> list[str]:
    """Render with --pdf into `out`; expect refused (see helpers.refused)."""
    return refused("render", str(path), "--pdf", "-o", str(out), *extra)


pytestmark = pytest.mark.usefixtures("in_tmp")


def test_yaml_syntax_error(write: Write, tmp_path: Path) -> None:
    write("report:\n  org: 甲\n  short: [乙\n")
    lines = render_fails(Path("report.yaml"), tmp_path / "o")
    assert lines == ["report.yaml:4:1: 错误 YAML YAML 语法错误：方括号列表没有闭合：缺少“]”或逗号"]


def test_an_unclosed_brace_mapping_is_a_located_error(write: Write, tmp_path: Path) -> None:
    write("report:\n  org: 甲\n  short: {a: 乙\n  year: 2024\n")
    assert render_fails(Path("report.yaml"), tmp_path / "o") == [
        "report.yaml:4:7: 错误 YAML YAML 语法错误：花括号映射没有闭合：缺少“}”或逗号"
    ]


def test_every_translated_library_message_formats_with_any_token() -> None:
    # a brace in a message template once turned a located YAML error into an internal error
    from lawgov_gen.data.yaml_messages import PATTERNS
    from lawgov_gen.render.sandbox import JINJA_PATTERNS

    for pattern, template in (*PATTERNS, *JINJA_PATTERNS):
        groups = re.compile(pattern).groups
        words = template.format(*["乙"] * groups)  # raised ValueError for a lone brace
        assert words.count("乙") == len(set(re.findall(r"\{\d\}", template))), pattern


def test_tab_indentation(write: Write, tmp_path: Path) -> None:
    write("report:\n\torg: 甲\n")
    assert render_fails(Path("report.yaml"), tmp_path / "o") == [
        "report.yaml:2:1: 错误 YAML YAML 语法错误：不能用 Tab 缩进，请改用空格"
    ]


def test_unknown_keys_suggest_nearest_and_all_reported_at_once(
    minimal: Minimal, tmp_path: Path
) -> None:
    minimal(("measures:", "mesures:"), ("  short: 示例镇", "  shrot: 示例镇"))
    lines = render_fails(Path("report.yaml"), tmp_path / "o")
    assert lines == [
        "report.yaml:3:3: 错误 SCHEMA 缺少必填项“report.short”：请补上",
        "report.yaml:4:3: 错误 SCHEMA 未知的键“report.shrot”：是否想写“short”？",
        "report.yaml:14:1: 错误 SCHEMA 未知的键“mesures”：是否想写“measures”？",
    ]


def test_wrong_types(minimal: Minimal, tmp_path: Path) -> None:
    minimal(
        ("  year: 2024", "  year: 二〇二四"),
        ("value: 130", "value: 很多"),
        ("  lawsuits: 2", "  lawsuits: [2]"),
    )
    lines = render_fails(Path("report.yaml"), tmp_path / "o")
    assert lines == [
        "report.yaml:5:9: 错误 SCHEMA “report.year”应为整数，现在是“二〇二四”",
        "report.yaml:11:31: 错误 SCHEMA “metrics.cases.value”应为数字，现在是“很多”",
        "report.yaml:29:13: 错误 SCHEMA “court.lawsuits”应为整数",
    ]


def test_bad_date_and_level(minimal: Minimal, tmp_path: Path) -> None:
    minimal(
        ("  date: 2025-02-20", "  date: 2025年2月20日"),
        ("  year: 2024", "  year: 2024\n  level: village"),
    )
    lines = render_fails(Path("report.yaml"), tmp_path / "o")
    assert lines == [
        "report.yaml:6:10: 错误 SCHEMA “report.level”只能是 'township', 'county' or 'department'",
        "report.yaml:7:9: 错误 SCHEMA “report.date”应为日期，格式如 2025-02-26，现在是“2025年2月20日”",
    ]


def test_missing_required_parts(write: Write, tmp_path: Path) -> None:
    head = MINIMAL.split("intro:")[0]
    write(head)
    lines = render_fails(Path("report.yaml"), tmp_path / "o")
    tail = "：法定的五部分必须齐全，请至少写一项"
    assert [ln for ln in lines if " S1 " in ln] == [
        f"report.yaml:1:1: 错误 S1 缺少第一部分“主要举措和成效”（measures）{tail}",
        f"report.yaml:1:1: 错误 S1 缺少第二部分的“存在的不足”（problems.shortcomings）{tail}",
        f"report.yaml:1:1: 错误 S1 缺少第四部分“主要安排”（plans）{tail}",
    ]


def test_duplicate_keys_are_data_loss(minimal: Minimal, tmp_path: Path) -> None:
    minimal(("  short: 示例镇\n", "  short: 示例镇\n  short: 别的镇\n"))
    assert render_fails(Path("report.yaml"), tmp_path / "o") == [
        "report.yaml:5:3: 错误 SCHEMA 键“short”重复（第 4 行已有）：YAML 只会保留其中一个，请合并或删除"
    ]


def test_alias_bomb_is_refused(write: Write, tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    write("\n".join(lines) + "\n")
    (line,) = render_fails(Path("report.yaml"), tmp_path / "o")
    assert line.startswith("report.yaml:")
    assert "别名（*引用）展开后过大，疑似“十亿笑声”攻击" in line


def test_file_over_5_mb_is_refused(write: Write, tmp_path: Path) -> None:
    write(MINIMAL + "#" + "x" * (5 * 1024 * 1024) + "\n")
    assert render_fails(Path("report.yaml"), tmp_path / "o") == [
        "report.yaml:1:1: 错误 YAML 文件有 5121 KB，超过 5 MB 上限：请把各部分拆到 include 的文件中"
    ]


def test_gbk_file_is_named_as_such(write: Write, tmp_path: Path) -> None:
    write(MINIMAL, encoding="gbk")
    assert render_fails(Path("report.yaml"), tmp_path / "o") == [
        "report.yaml:3:9: 错误 YAML 文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码（Windows 记事本常见）："
        "请用“另存为 → UTF-8”保存后重试"
    ]


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    Path("report.yaml").write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    result = invoke("render", "report.yaml", "-o", "o")
    assert result.exit_code == 0, result.stderr
    assert Path("o/report.docx").is_file()


def test_control_characters_refused_with_line(minimal: Minimal, tmp_path: Path) -> None:
    minimal(("    text: 主要负责人带头学法。", '    text: "主要负责人\\x07带头学法。"'))
    assert render_fails(Path("report.yaml"), tmp_path / "o") == [
        "report.yaml:27:17: 错误 F7 含有控制字符 U+0007（第 6 个字符），会损坏 Word 文件：请删除"
    ]


def test_raw_control_character_in_file(write: Write, tmp_path: Path) -> None:
    write(MINIMAL.replace("主要负责人带头学法。", "主要负责人\x01带头学法。"))
    (line,) = render_fails(Path("report.yaml"), tmp_path / "o")
    assert line == "report.yaml:27:16: 错误 F7 含有控制字符 U+0001，会损坏 Word 文件：请删除它"


@pytest.mark.parametrize(
    ("expr", "needle", "message"),
    [
        (
            "{{ m.cases.__class__ }}",
            "m.cases.__class__",
            "T1 指标没有“.__class__”：可用 .value、.prev、.change、.label、.unit",
        ),
        ("{{ cycler.__init__ }}", "cycler", "T1 不能使用“cycler.__init__”"),
        ("{{ range(10) }}", "range", "T1 不能使用“函数调用”"),
        ("{{ m.cases|string }}", "m", "T1 不能使用“过滤器（|）”"),
        ("{{ m.cases * 1000000 }}", "m", "T1 不能使用“运算”"),
        ("{{ lipsum }}", "lipsum", "T1 未知的名称“lipsum”"),
        ("{{ m.casess }}", "m.casess", "Q4 引用了不存在的指标“casess”：最接近的是：cases"),
        ("{{ m.cases", "m.cases", "T1 “{{”没有对应的“}}”"),
    ],
)
def test_sandbox_refuses_everything_but_report_values(
    minimal: Minimal, tmp_path: Path, expr: str, needle: str, message: str
) -> None:
    minimal(("    text: 主要负责人带头学法。", f"    text: '主要负责人{expr}带头学法。'"))
    lines = render_fails(Path("report.yaml"), tmp_path / "o")
    assert len(lines) == 1, lines
    assert lines[0].startswith("report.yaml:27:")
    assert message in lines[0]
    # the finding points at the expression inside its {{ }}
    col = int(lines[0].split(":")[2])
    assert char_at("report.yaml", 27, col, len(needle)) == needle


def test_change_without_previous_value(minimal: Minimal, tmp_path: Path) -> None:
    minimal(("    text: 主要负责人带头学法。", "    text: 成功{{ m.solved.change }}。"))
    assert render_fails(Path("report.yaml"), tmp_path / "o") == [
        "report.yaml:27:16: 错误 T1 指标“solved”没有上年数值，不能用 .change："
        "请写 prev，或用 previous 指定上年的数据文件"
    ]


@pytest.mark.parametrize(
    ("ref", "why"),
    [
        ("/etc/passwd", "不能用绝对路径：请写相对于本文件的路径"),
        ("https://example.invalid/x.yaml", "不能引用网址，只能引用本地文件"),
        ("../../outside.yaml", "路径超出了本文件所在文件夹和当前目录"),
        ("missing.yaml", "文件不存在"),
    ],
)
def test_include_paths_are_confined(write: Write, tmp_path: Path, ref: str, why: str) -> None:
    write(
        MINIMAL.replace("version: 1\n", f"version: 1\ninclude: [{ref}]\n"), name="sub/report.yaml"
    )
    lines = render_fails(Path("sub/report.yaml"), tmp_path / "o")
    assert lines == [f"sub/report.yaml:2:11: 错误 SCHEMA include 的“{ref}”{why}"]


def test_include_merges_parts_and_points_into_included_file(write: Write, tmp_path: Path) -> None:
    main, rest = MINIMAL.split("measures:")
    write(main.replace("version: 1\n", "version: 1\ninclude: [parts.yaml]\n"))
    write("measures:" + rest.replace("成功率{{ m.rate }}", "成功率{{ m.nope }}"), name="parts.yaml")
    lines = render_fails(Path("report.yaml"), tmp_path / "o")
    assert lines == ["parts.yaml:4:52: 错误 Q4 引用了不存在的指标“nope”：请先在 metrics 中定义它"]


def test_previous_may_live_in_sibling_folder_under_cwd(write: Write, tmp_path: Path) -> None:
    write(
        MINIMAL.replace("year: 2024", "year: 2023").replace("2025-02-20", "2024-02-20"),
        name="2023/t.yaml",
    )
    write(
        MINIMAL.replace("version: 1\n", "version: 1\nprevious: ../2023/t.yaml\n"),
        name="2024/t.yaml",
    )
    result = invoke("render", "2024/t.yaml", "-o", "o")
    assert result.exit_code == 0, result.stderr


def test_template_that_is_not_docx(minimal: Minimal, tmp_path: Path) -> None:
    minimal()
    Path("my.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    result = invoke("render", "report.yaml", "-o", "o", "--template", "my.doc")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "my.doc: 错误 Word 模板必须是 .docx 文件（不支持 .doc、.dotx 或其他格式）\n"
    )
    Path("fake.docx").write_text("not a zip")
    result = invoke("render", "report.yaml", "-o", "o", "--template", "fake.docx")
    assert result.exit_code == 1
    assert (
        result.stderr == "fake.docx: 错误 不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）\n"
    )
    assert not Path("o").exists() or not any(Path("o").iterdir())


def test_good_output_is_never_replaced_by_a_broken_run(minimal: Minimal, tmp_path: Path) -> None:
    path = minimal()
    assert invoke("render", str(path), "--pdf", "-o", "o").exit_code == 0
    before = {p.name: p.read_bytes() for p in Path("o").iterdir()}
    path.write_text(MINIMAL.replace("{{ m.rate }}", "{{ m.nope }}"), encoding="utf-8")
    assert invoke("render", str(path), "--pdf", "-o", "o").exit_code == 1
    assert {p.name: p.read_bytes() for p in Path("o").iterdir()} == before


def test_unwritable_output_folder(minimal: Minimal, tmp_path: Path) -> None:
    minimal()
    Path("o").write_text("a file, not a folder")
    result = invoke("render", "report.yaml", "-o", "o/sub")
    assert result.exit_code == 1
    assert (
        result.stderr
        == "o/sub/report.docx: 错误 无法写入输出文件：路径中有一段不是文件夹（是同名文件）\n"
    )
    assert "Traceback" not in result.stderr


def test_missing_input_file(tmp_path: Path) -> None:
    result = invoke("render", "nope.yaml", "-o", "o")
    assert result.exit_code == 1
    assert result.stderr == "nope.yaml:1:1: 错误 YAML 文件不存在：请检查路径\n"


def test_top_level_not_a_mapping(write: Write, tmp_path: Path) -> None:
    write("- a\n- b\n")
    assert render_fails(Path("report.yaml"), tmp_path / "o") == [
        "report.yaml:1:1: 错误 SCHEMA 文件顶层应为“键: 值”映射"
    ]


def test_no_leftover_temp_files(minimal: Minimal, tmp_path: Path) -> None:
    minimal()
    assert invoke("render", "report.yaml", "--pdf", "-o", "o").exit_code == 0
    assert sorted(os.listdir("o")) == ["report.docx", "report.pdf"]


def test_a_key_written_like_an_index_is_named_as_written(write: Write) -> None:
    write(MINIMAL + "a[0]: 1\n")
    (line,) = [x for x in check_lines("report.yaml")[1] if "a[0]" in x]
    assert line.startswith("report.yaml:36:1: 错误 SCHEMA 未知的键“a[0]”：可用的键：version、")
    write(MINIMAL.replace("  org: 示例县示例镇人民政府\n", "  org[1]: 示例县示例镇人民政府\n"))
    assert (
        "report.yaml:3:3: 错误 SCHEMA 未知的键“report.org[1]”：是否想写“org”？"
        in (check_lines("report.yaml")[1])
    )


def test_a_symbolic_link_loop_is_named_as_a_file_and_in_a_folder() -> None:
    Path("towns").mkdir()
    os.symlink("l2.yaml", "towns/l1.yaml")
    os.symlink("l1.yaml", "towns/l2.yaml")
    assert check_lines("towns/l1.yaml") == (
        1,
        ["towns/l1.yaml:1:1: 错误 YAML 无法读取文件：符号链接循环"],
    )
    assert check_lines("towns") == (
        1,
        [
            "towns/l1.yaml:1:1: 错误 YAML 无法读取文件：符号链接循环",
            "towns/l2.yaml:1:1: 错误 YAML 无法读取文件：符号链接循环",
        ],
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: *nosuch\n", "1:4: 错误 YAML YAML 语法错误：引用了未定义的锚点“nosuch”（&名称）"),
        ("a: @x\n", "1:4: 错误 YAML YAML 语法错误：字符“@”不能开始一个值：请给这段文字加引号"),
        (
            'a: "\\q"\n',
            "1:6: 错误 YAML YAML 语法错误：双引号字符串中有未知的转义符（反斜杠后跟“q”）："
            "请去掉反斜杠，或改用单引号",
        ),
        ("- a\nb: c\n", "2:1: 错误 YAML YAML 语法错误：缩进不一致，这里不该出现新的“键: 值”"),
    ],
)
def test_parser_tokens_are_quoted_once_and_named(write: Write, text: str, words: str) -> None:
    write(text)
    assert check_lines("report.yaml") == (1, [f"report.yaml:{words}"])


def test_an_invisible_character_in_a_key_is_named(write: Write) -> None:
    write(MINIMAL.replace("measures:", "measures\u200b:"))
    (line,) = [x for x in check_lines("report.yaml")[1] if "未知的键" in x]
    assert line.endswith(
        "未知的键“measures\u200b”：键名中有看不见的字符 U+200B，多是从网页或 Word 复制来的："
        "请删除它，或重新输入这个键"
    )


@pytest.mark.parametrize(
    ("char", "name"), [("\u0085", "下一行符 NEL"), ("\u2028", "行分隔符"), ("\u2029", "段分隔符")]
)
def test_a_line_break_only_yaml_sees_is_named_where_it_stands(
    write: Write, char: str, name: str
) -> None:
    write(MINIMAL.replace("扎实推进法治政府建设", f"扎实推进{char}法治政府建设"))
    assert check_lines("report.yaml") == (
        1,
        [
            f"report.yaml:9:22: 错误 F8 这里有一个看不见的字符 U+{ord(char):04X}（{name}），"
            "YAML 会把它当作换行，多是从网页或 Word 复制来的：请删除它"
        ],
    )


def test_a_broken_link_is_named_as_the_link() -> None:
    Path("towns").mkdir()
    os.symlink("nowhere.yaml", "towns/broken.yaml")
    assert check_lines("towns") == (1, ["towns/broken.yaml:1:1: 错误 YAML 文件不存在：请检查路径"])
