"""Inputs clerks and CI jobs really produce: each gets `path:line:col: 错误 …` in Chinese,
exit 1, no traceback, no internal-error line and no output file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import MINIMAL, check_lines, invoke, minimal_text, refused, with_full_stdout

Minimal = Callable[..., Path]


pytestmark = pytest.mark.usefixtures("in_tmp")


@pytest.mark.parametrize("date", ["2025-02-30", "0000-01-01", "2025-13-01"])
def test_dates_that_do_not_exist(minimal: Minimal, date: str) -> None:
    minimal(("date: 2025-02-20", f"date: {date}"))
    message = f"日期“{date}”不存在：请写成实际存在的日期，如 2025-02-26"
    assert refused("render", "report.yaml") == [f"report.yaml:6:9: 错误 SCHEMA {message}"]


def test_an_empty_date_says_it_is_not_filled_in(minimal: Minimal) -> None:
    minimal(("date: 2025-02-20", "date:"))
    assert check_lines("report.yaml") == (
        1,
        ["report.yaml:6:8: 错误 SCHEMA “report.date”还没有填写：日期，格式如 2025-02-26"],
    )


def test_a_hundred_and_more_items_are_numbered(minimal: Minimal) -> None:
    plans = "plans:\n" + "".join(
        f"  - title: 第{i}项安排\n    text: 落实。\n" for i in range(1, 103)
    )
    minimal(("plans:\n  - title: 提升依法行政能力\n    text: 健全依法决策机制。\n", plans))
    assert invoke("render", "report.yaml").exit_code == 0
    import docx

    texts = [p.text for p in docx.Document("report.docx").paragraphs]
    assert "（一百）第100项安排" in texts and "（一百零二）第102项安排" in texts


def test_more_entries_than_numbering_can_write_is_a_located_error(minimal: Minimal) -> None:
    points = "".join(f"      - text: 第{i}点。\n" for i in range(1, 1001))
    minimal(
        ("    text: 健全依法决策机制。\n", f"    text: 健全依法决策机制。\n    points:\n{points}")
    )
    assert check_lines("report.yaml") == (
        1,
        ["report.yaml:37:7: 错误 SCHEMA “plans[0].points”太长（最多 999 项）"],
    )


def test_a_fifo_is_refused_without_hanging() -> None:
    os.mkfifo("report.yaml")
    assert check_lines("report.yaml") == (
        1,
        ["report.yaml:1:1: 错误 YAML 不是普通文件（设备、管道等）：请给出 .yaml 数据文件"],
    )
    assert refused("render", "report.yaml") == [
        "report.yaml:1:1: 错误 YAML 不是普通文件（设备、管道等）：请给出 .yaml 数据文件"
    ]


def test_dev_zero_is_refused() -> None:
    result = invoke("check", "/dev/zero")
    assert (result.exit_code, result.stdout) == (
        1,
        "/dev/zero:1:1: 错误 YAML 不是普通文件（设备、管道等）：请给出 .yaml 数据文件\n",
    )


def test_stdout_full_is_a_message_and_exit_1() -> None:
    Path("report.yaml").write_text(minimal_text(("，成功率", ",成功率")), encoding="utf-8")
    out = with_full_stdout("check", "report.yaml")
    assert out.returncode == 1
    assert out.stderr == "错误 无法写出到标准输出：磁盘空间已满：请清理磁盘后重试\n"


def test_stdout_closed_is_a_message_and_exit_1() -> None:
    Path("report.yaml").write_text(minimal_text(("，成功率", ",成功率")), encoding="utf-8")
    out = subprocess.run(
        f"{sys.executable} -m lawgov_gen check report.yaml >&-",
        shell=True,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert out.returncode == 1
    assert out.stderr == "错误 标准输出已关闭，结果无法输出\n"


def test_stderr_closed_still_exits_1_quietly() -> None:
    Path("report.yaml").write_text("report: [", encoding="utf-8")
    out = subprocess.run(
        f"{sys.executable} -m lawgov_gen check report.yaml 2>&-",
        shell=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert out.returncode == 1
    assert "Traceback" not in out.stdout


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (
            "{% for i in range(10**8) %}x{% endfor %}",
            "模板出错：模板要生成的文字、数字或循环过大（如 range(10**8)）：请改小",
        ),
        (
            "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
            "模板无限递归（宏调用自身，或 extends 了自己）：请检查 {% extends %} 和宏",
        ),
        (
            '{% extends "report.html" %}',
            "模板无限递归（宏调用自身，或 extends 了自己）：请检查 {% extends %} 和宏",
        ),
        (
            "",
            "report.html 没有输出报告的标题、正文（blocks）、署名（signature）、成文日期（date）：",
        ),
    ],
)
def test_runaway_or_empty_user_templates(minimal: Minimal, html: str, message: str) -> None:
    minimal()
    Path("tpl").mkdir()
    Path("tpl/report.html").write_text(html, encoding="utf-8")
    (line,) = refused("render", "report.yaml", "--pdf", "--no-docx", "--template", "tpl")
    where, _, words = line.partition(" 错误 ")
    assert where.startswith(f"{Path('tpl').resolve() / 'report.html'}") and words.startswith(
        message
    )


def test_a_non_utf8_template(minimal: Minimal) -> None:
    minimal()
    Path("tpl").mkdir()
    Path("tpl/report.html").write_bytes("<p>{{ title }}</p>".encode("utf-16"))
    (line,) = refused("render", "report.yaml", "--pdf", "--no-docx", "--template", "tpl")
    assert (
        line == f"{Path('tpl').resolve() / 'report.html'}: 错误 模板不是 UTF-8 编码：请另存为 UTF-8"
    )


def test_a_word_template_without_the_reports_markers(minimal: Minimal) -> None:
    import docx

    minimal()
    document = docx.Document()
    document.add_paragraph("{{ title_text }}")
    document.save("t.docx")
    (line,) = refused("render", "report.yaml", "--template", "t.docx")
    assert line.startswith(
        "t.docx: 错误 Word 模板没有输出报告的正文（blocks）、署名（signature）、成文日期（date）："
    ), line


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "report:\n  org: 甲\n  short: [\n",
            ["report.yaml:4:1: 错误 YAML YAML 语法错误：这里缺少内容，却遇到了文件结尾"],
        ),
        (
            "report:\n  org: 甲\n  short:\n- x\n  year: 1\n",
            ["report.yaml:4:1: 错误 YAML YAML 语法错误：缩进不一致，这里不该出现“-”"],
        ),
        (
            MINIMAL + "---\nreport: {}\n",
            [
                "report.yaml:36:1: 错误 YAML YAML 语法错误：文件中有第二个文档（“---”之后又有内容）："
                "一个数据文件只能有一个文档"
            ],
        ),
        (
            "report:\n\u3000\u3000org: 甲\n",
            [
                "report.yaml:1:8: 错误 SCHEMA “report”还没有填写：“键: 值”映射",
                "report.yaml:2:1: 错误 SCHEMA 未知的键“\u3000\u3000org”：这一行用全角空格（U+3000）缩进了，"
                "YAML 只认半角空格：请把行首的全角空格改成半角空格",
            ],
        ),
        (
            MINIMAL.replace("{label: 调解纠纷,", "{label: 调解,纠纷,"),
            [
                "report.yaml:11:21: 错误 SCHEMA 未知的键“metrics.cases.纠纷”：花括号 {…} 中的半角逗号“,”"
                "把文字分成了两项：请改为全角逗号“，”，或给文字加引号"
            ],
        ),
    ],
)
def test_yaml_messages_in_chinese_with_the_invisible_cause(text: str, lines: list[str]) -> None:
    Path("report.yaml").write_text(text, encoding="utf-8")
    code, out = check_lines("report.yaml")
    assert (code, sorted(out)) == (1, sorted(lines))
    assert not any(word in " ".join(out) for word in ("expected", "found", "but ", "while "))


def test_cr_only_line_endings_give_the_right_line() -> None:
    text = minimal_text(("，成功率", ",成功率"))
    col = text.split("\n")[16].index(",成功率") + 1
    Path("report.yaml").write_bytes(text.replace("\n", "\r").encode())
    assert check_lines("report.yaml") == (
        0,
        [f"report.yaml:17:{col}: 警告 F1 中文中用了半角“,”：应为全角“，”"],
    )


def test_columns_count_characters_after_chinese() -> None:
    data = (
        minimal_text()
        .encode()
        .replace("示例镇扎实".encode(), "示例镇".encode() + b"\xff" + "扎实".encode())
    )
    Path("report.yaml").write_bytes(data)
    _, (line,) = check_lines("report.yaml")
    # "  {{ year }}年，示例镇" is 17 characters: the bad byte is the 18th (not byte 27)
    assert line.startswith(
        "report.yaml:9:18: 错误 YAML 文件不是 UTF-8 编码，第 9 行第 18 个字符处有无法识别的字节"
    ), line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rendr", "a.yaml"], "错误：没有命令“rendr”，是否想用“render”？"),
        (
            ["render", "a.yaml", "-o", "file.txt"],
            "错误：选项 -o/--output 的值“file.txt”是文件，不是文件夹",
        ),
        (["check", "a.yaml", "--jobs", "2"], "错误：没有选项 --jobs"),
        (["render", "a.yaml", "--jobs", "0"], "错误：选项 -j/--jobs 的值“0”超出范围：应不小于 1"),
        (
            ["preview", "a.yaml", "--port", "70000"],
            "错误：选项 --port 的值“70000”超出范围：应不小于 1、不大于 65535",
        ),
        (["render", "a.yaml", "-o"], "错误：选项 -o 需要一个值"),
    ],
)
def test_click_usage_errors_in_chinese(args: list[str], message: str) -> None:
    Path("file.txt").write_text("x", encoding="utf-8")
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message
    assert not any(w in result.stderr for w in ("Usage", "Error", "Invalid", "No such", "Did you"))


@pytest.mark.parametrize("target_is", ["dir", "readonly", "full"])
def test_os_errors_on_output_in_chinese(
    minimal: Minimal, target_is: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    minimal()
    Path("o").mkdir()
    if target_is == "dir":
        Path("o/report.docx").mkdir()
        expected = "o/report.docx: 错误 同名的文件夹已存在，无法写入"
    else:
        code = errno.EROFS if target_is == "readonly" else errno.ENOSPC
        real_open = os.open

        def failing_open(file: Any, flags: int, *a: Any, **k: Any) -> Any:
            if flags & os.O_CREAT and ".tmp" in str(file):
                raise OSError(code, os.strerror(code))
            return real_open(file, flags, *a, **k)

        monkeypatch.setattr("os.open", failing_open)
        word = (
            "文件系统是只读的：请换一个可写的文件夹"
            if target_is == "readonly"
            else "磁盘空间已满：请清理磁盘后重试"
        )
        expected = f"o/report.docx: 错误 无法写入输出文件：{word}"
    result = invoke("render", "report.yaml", "-o", "o")
    assert (result.exit_code, result.stderr) == (1, expected + "\n")
    assert sorted(p.name for p in Path("o").iterdir()) == (
        ["report.docx"] if target_is == "dir" else []
    )


def test_json_schema_tooltips_are_chinese() -> None:
    import re

    schema = json.loads(invoke("schema").stdout)
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "description") and isinstance(value, str):
                    texts.append(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert len(texts) > 80
    assert [t for t in texts if not re.search(r"[\u4e00-\u9fff]", t)] == []


@pytest.mark.parametrize("command", ["render", "check", "init", "diff", "fonts", "preview"])
def test_every_argument_is_described_in_help(command: str) -> None:
    from lawgov_gen.cli import cli

    text = invoke(command, "--help").stdout
    assert "参数：" in text
    for param in cli.commands[command].params:
        if param.param_type_name == "argument":
            described = getattr(param, "help_text", "")
            assert described and described in text, (command, param.name)
    # each argument is listed once, under 参数, not again under 选项
    arguments, options = text.split("参数：")[1].split("选项：")
    names = {line.split()[0] for line in arguments.splitlines() if line.strip()}
    assert names and not names & {line.split()[0] for line in options.splitlines() if line.strip()}


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "date: 2025-02-20",
            "date: 1979-12-31",
            "report.yaml:6:9: 错误 SCHEMA “report.date”不能小于 2000-01-01",
        ),
        (
            "version: 1\n",
            'version: 1\ninclude: ["a\\0b"]\n',
            "report.yaml:2:11: 错误 SCHEMA include 的“a\x00b”中有空字符（\\x00）：请改成正常的文件名",
        ),
        (
            "version: 1\n",
            "version: 1\ninclude: [sub]\n",
            "report.yaml:2:11: 错误 SCHEMA include 的“sub”是一个文件夹，不是文件",
        ),
        (
            "rate: [solved, cases]",
            "rate: [solved, cases, cases]",
            "report.yaml:13:30: 错误 SCHEMA “metrics.rate.rate”太长（最多 2 项）",
        ),
        (
            "  short: 示例镇",
            "  short: !!binary 5LiA",
            "report.yaml:4:10: 错误 SCHEMA 无法解析的值（不支持 tag:yaml.org,2002:binary 等特殊标签）：请写成普通文字或数字",
        ),
        (
            "  org: 示例县示例镇人民政府",
            "  org: '  '",
            "report.yaml:3:8: 错误 SCHEMA “report.org”不能为空（或只有空格）：请填写，或删除这一项",
        ),
        (
            "  short: 示例镇",
            "  short: 示例镇{{ year }}",
            "report.yaml:4:13: 错误 T1 这里不能用 {{ }}：机关名称、主送、署名、附注、附件名、指标名称和单位都按原样印出",
        ),
    ],
)
def test_more_located_refusals(minimal: Minimal, old: str, new: str, message: str) -> None:
    Path("sub").mkdir()
    minimal((old, new))
    code, out = check_lines("report.yaml")
    assert code == 1
    assert out[0] == message


def test_a_name_that_is_not_utf8_is_printed_not_a_crash() -> None:
    name = os.fsdecode(b"c\xfd.yaml")
    Path(name).write_text("report: [", encoding="utf-8")
    result = invoke("check", name)
    assert result.exit_code == 1
    assert result.stdout.startswith("c\ufffd.yaml:1:10: 错误 YAML")


def test_a_name_too_long_is_said_in_chinese() -> None:
    name = "x" * 300 + ".yaml"
    for args in (["check", name], ["init", name], ["import", "a.txt", "-o", name]):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert "文件名或路径太长：请改短" in result.output, result.output
        assert "内部错误" not in result.output
