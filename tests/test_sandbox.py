"""The user's templates run in one bounded sandbox: whatever a template raises, and any
size it asks for beyond a report, is a Chinese error at its template line — never the
internal-error line, never minutes of work or gigabytes of memory."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.helpers import Minimal, refused

pytestmark = pytest.mark.usefixtures("in_tmp")

RUNTIME = "错误 模板运行出错："
TOO_BIG = "错误 模板出错：模板要生成的文字、数字或循环过大（如 range(10**8)）：请改小"


@pytest.mark.parametrize(
    ("expression", "words"),
    [
        ("{{ 1/0 }}", RUNTIME + "除数为零：请检查这一行的表达式"),
        (
            '{{ "%d" % "a" }}',
            RUNTIME + "运算的类型不对（如文字与数字相加、格式化参数不符）：请检查这一行的表达式",
        ),
        ("{{ title_text[1:2:0] }}", RUNTIME + "数值或格式不对：请检查这一行的表达式"),
        ("{{ title_text|truncate(-5) }}", RUNTIME + "表达式出错：请检查这一行的表达式"),
        ('{{ "x" * 100000000 }}', TOO_BIG),
        ("{{ 10 ** 100000000 }}", TOO_BIG),
        ('{{ "x"|center(100000000) }}', TOO_BIG),
        ("{{ '%1000000000d' % 1 }}", TOO_BIG),
        ("{{ '%*d' % (1000000000, 1) }}", TOO_BIG),
        ('{{ "{:>1000000000}".format(1) }}', TOO_BIG),
        ("{{ ((10**64)**64)**64 > 1 }}", TOO_BIG),
        (
            '{% set s = namespace(v="x") %}{% for i in range(40) %}{% set s.v = s.v ~ s.v %}'
            "{% endfor %}{{ s.v }}",
            TOO_BIG,
        ),
        ("{{ lipsum(3) }}", "错误 模板出错：“lipsum”没有定义（模板只能使用报告提供的值）"),
        ("{{ [1, 2][999] }}", "错误 模板出错：列表没有第 999 项（从 0 数起）"),
        ("{{ 1|nosuchfilter }}", "错误 模板语法错误：没有名为“nosuchfilter”的过滤器"),
        ('{{ {"a": 1}|dictsort(by="zz") }}', "错误 模板出错：模板的写法或参数不对：请检查这一行"),
    ],
)
def test_what_an_html_template_raises_is_said_at_its_line(
    minimal: Minimal, expression: str, words: str
) -> None:
    minimal()
    Path("tpl").mkdir()
    Path("tpl/report.html").write_text(
        '{% extends "builtin/report.html" %}\n{% block head %}\n'
        + expression
        + "{{ super() }}{% endblock %}",
        "utf-8",
    )
    args = ("render", "report.yaml", "--pdf", "--no-docx", "--template", "tpl", "-o", "out")
    (line,) = refused(*args)
    assert line == f"{Path('tpl/report.html').absolute()}:3:1: {words}"


def test_a_template_that_prints_without_end_is_stopped(minimal: Minimal) -> None:
    minimal()
    Path("tpl").mkdir()
    Path("tpl/report.html").write_text(
        '{% extends "builtin/report.html" %}{% block head %}'
        '{% for i in range(3000) %}{{ "x" * 99999 }}{% endfor %}{% endblock %}',
        "utf-8",
    )
    args = ("render", "report.yaml", "--pdf", "--no-docx", "--template", "tpl", "-o", "out")
    (line,) = refused(*args)  # the whole output is measured: no one line to name
    assert line == f"{Path('tpl/report.html').absolute()}: {TOO_BIG}"


def test_what_a_word_template_raises_is_said_with_the_text_near_it(minimal: Minimal) -> None:
    minimal()
    document = docx.Document()
    document.add_paragraph("{{ title_text }}{{ 1/0 }}")
    document.save("t.docx")
    (line,) = refused("render", "report.yaml", "--template", "t.docx")
    assert line.startswith("t.docx: 错误 模板标签有误：模板运行出错：除数为零"), line
    assert "Error" not in line
