"""The rarer error paths: each with its message, exit status 1 and no output or traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.helpers import MINIMAL, invoke, refused

pytestmark = pytest.mark.usefixtures("in_tmp")


def _stderr(*args: str) -> str:
    return "".join(line + "\n" for line in refused(*args))


def write(name: str, text: str) -> None:
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(text, encoding="utf-8")


def test_include_cycle() -> None:
    write("a.yaml", MINIMAL.replace("version: 1\n", "version: 1\ninclude: [b.yaml]\n"))
    write("b.yaml", "include: [a.yaml]\n")
    assert (
        _stderr("render", "a.yaml", "-o", "o")
        == "b.yaml:1:11: 错误 SCHEMA “a.yaml”循环引用或嵌套过深\n"
    )


def test_part_defined_in_two_files() -> None:
    write("a.yaml", MINIMAL.replace("version: 1\n", "version: 1\ninclude: [b.yaml]\n"))
    write("b.yaml", "plans:\n  - {title: 重复, text: 重复。}\n")
    assert _stderr("render", "a.yaml", "-o", "o") == (
        "b.yaml:1:1: 错误 SCHEMA “plans”已在 a.yaml:34 定义过：每部分只能写在一个文件里\n"
    )


def test_metric_defined_in_two_files() -> None:
    write("a.yaml", MINIMAL.replace("version: 1\n", "version: 1\ninclude: [m.yaml]\n"))
    write("m.yaml", "metrics:\n  cases: {label: 又一个, value: 1, unit: 起}\n")
    assert _stderr("render", "a.yaml", "-o", "o") == (
        "m.yaml:2:3: 错误 SCHEMA metrics.cases 已在 a.yaml:12 定义过：每项只能定义一次\n"
    )


def test_included_metrics_merge_with_the_main_file() -> None:
    write(
        "a.yaml",
        MINIMAL.replace("version: 1\n", "version: 1\ninclude: [m.yaml]\n").replace(
            "{{ m.rate }}", "{{ m.rate }}，{{ m.extra }}"
        ),
    )
    write("m.yaml", "metrics:\n  extra: {label: 另一个, value: 7, unit: 件}\n")
    result = invoke("render", "a.yaml", "-o", "o")
    assert result.exit_code == 0, result.stderr


def test_docx_template_that_is_a_zip_but_not_a_docx() -> None:
    write("a.yaml", MINIMAL)
    with zipfile.ZipFile("t.docx", "w") as z:
        z.writestr("hello.txt", "not word")
    assert _stderr("render", "a.yaml", "-o", "o", "--template", "t.docx").startswith(
        "t.docx: 错误 无法打开 Word 模板："
    )


def test_docx_template_naming_an_unknown_value() -> None:
    import docx

    from lawgov_gen.render.templates import builtin_template_dir

    write("a.yaml", MINIMAL)
    document = docx.Document(str(builtin_template_dir() / "report.docx"))
    document.add_paragraph("{{ secret_key }}")
    document.save("t.docx")
    assert _stderr("render", "a.yaml", "-o", "o", "--template", "t.docx") == (
        "t.docx: 错误 模板标签有误：“secret_key”没有定义（模板只能使用报告提供的值）\n"
    )


def test_init_wants_a_yaml_name() -> None:
    assert _stderr("init", "报告.txt") == "报告.txt: 错误 数据文件的扩展名应为 .yaml 或 .yml\n"
    assert not Path("报告.txt").exists()


def test_render_a_folder_without_yaml() -> None:
    Path("empty").mkdir()
    result = invoke("render", "empty")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "错误：没有找到任何 .yaml 或 .yml 文件"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  year: 2024", "  year: 1999", "report.yaml:5:9: 错误 SCHEMA “report.year”不能小于 2000"),
        (
            "rate: [solved, cases]",
            "rate: [solved]",
            "report.yaml:13:30: 错误 SCHEMA 缺少必填项“metrics.rate.rate[1]”：请补上",
        ),
        (
            "  org: 示例县示例镇人民政府",
            "  org: ''",
            "report.yaml:3:8: 错误 SCHEMA “report.org”不能为空",
        ),
        (
            "  lawsuits: 2",
            "  lawsuits: -1",
            "report.yaml:29:13: 错误 SCHEMA “court.lawsuits”不能小于 0",
        ),
        (
            "cases: {label",
            "cases-x: {label",
            "report.yaml:11:3: 错误 SCHEMA “metrics.cases-x”只能由英文字母、数字和下划线组成，且以字母开头",
        ),
    ],
)
def test_schema_messages(old: str, new: str, message: str) -> None:
    assert old in MINIMAL
    write("report.yaml", MINIMAL.replace(old, new, 1))
    assert message in _stderr("render", "report.yaml", "-o", "o")


def test_merge_keys_are_refused() -> None:
    write("report.yaml", MINIMAL.replace("court:\n", "base: &b {lawsuits: 1}\ncourt:\n  <<: *b\n"))
    stderr = _stderr("render", "report.yaml", "-o", "o")
    assert "report.yaml:30:3: 错误 SCHEMA 不支持合并键“<<”：请直接写出各个键" in stderr


def test_utf16_file() -> None:
    Path("u.yaml").write_bytes("\ufeff".encode("utf-16-le") + MINIMAL.encode("utf-16-le"))
    assert (
        _stderr("render", "u.yaml", "-o", "o")
        == "u.yaml:1:1: 错误 YAML 文件是 UTF-16 编码：请另存为 UTF-8\n"
    )


def test_check_a_folder_without_yaml() -> None:
    Path("empty").mkdir()
    result = invoke("check", "empty")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "错误：没有找到任何 .yaml 或 .yml 文件"


def test_a_bug_is_reported_plainly_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from lawgov_gen.checks import runner

    def broken(path: Path, **_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(runner, "check_file", broken)
    write("a.yaml", MINIMAL)
    result = invoke("check", "a.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        "内部错误：RuntimeError: boom（这是 lawgov-gen 的缺陷，请报告）\n设置 LAWGOV_DEBUG=1 可显示详细信息。\n"
    )


@pytest.mark.parametrize(
    "value", ["!!python/object/apply:os.system [echo hi]", "!!python/name:os.system"]
)
def test_python_tags_are_refused(value: str) -> None:
    write("report.yaml", MINIMAL.replace("intro: |", f"intro: {value}\nplaceholder: |", 1))
    stderr = _stderr("render", "report.yaml", "-o", "o")
    assert stderr.startswith(
        "report.yaml:8:8: 错误 SCHEMA 无法解析的值（不支持 tag:yaml.org,2002:python/"
    )


def test_complex_keys_are_refused() -> None:
    write("report.yaml", MINIMAL.replace("intro: |", "? [a, b]\n: 1\nintro: |"))
    assert "report.yaml:8:3: 错误 SCHEMA 键必须是简单的文字" in _stderr(
        "render", "report.yaml", "-o", "o"
    )


def test_absurd_nesting_is_refused() -> None:
    write("report.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert _stderr("render", "report.yaml", "-o", "o") == (
        "report.yaml:1:1: 错误 YAML 嵌套层次过深：请不要把列表或映射套得这么深\n"
    )
