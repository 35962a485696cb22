"""The command line as users call it: help, usage errors, init, schema, batches."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from lawgov_gen import __version__
from lawgov_gen.cli import cli
from tests.helpers import EXAMPLE, MINIMAL, invoke

COMMANDS = sorted(cli.commands)


def test_every_command_has_chinese_help_with_an_example() -> None:
    assert COMMANDS == [
        "check",
        "diff",
        "fonts",
        "import",
        "init",
        "preview",
        "publish",
        "render",
        "schema",
        "setup",
        "summary",
    ]
    for name in COMMANDS:
        command = cli.commands[name]
        assert command.help, f"{name} has no help"
        result = invoke(name, "--help")
        assert result.exit_code == 0
        assert result.stdout.startswith(f"用法：lawgov-gen {name} [选项]")
        assert (
            "示例：" in result.stdout and f"lawgov-gen {name}" in result.stdout.split("示例：")[1]
        )
        assert "显示帮助并退出。" in result.stdout
        assert "Usage" not in result.stdout and "Show this message" not in result.stdout
        assert "x>=" not in result.stdout and "<=x" not in result.stdout  # ranges in words
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.name} has no help"


def test_ranges_in_help_are_in_words() -> None:
    assert "[不小于 1]" in invoke("render", "--help").stdout
    assert "[不小于 1、不大于 65535]" in invoke("preview", "--help").stdout


def test_group_help_lists_commands_in_chinese() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("用法：lawgov-gen [选项] 命令 [参数]...")
    assert "命令：" in result.stdout and "选项：" in result.stdout


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"lawgov-gen {__version__}\n"


def test_usage_errors_exit_2_in_chinese() -> None:
    result = invoke("render", "--pfd", "x.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "错误：没有选项 --pfd，是否想用 --pdf？"
    result = invoke("check", "a.yaml", "--format", "xml")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[-1]
        == "错误：选项 --format 的值“xml”无效，可选：text、json、github"
    )
    result = invoke("render")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "错误：缺少参数 FILE..."
    result = invoke("render", str(EXAMPLE), "--no-docx")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[-1]
        == "错误：--no-docx 需要与 --pdf 或 --html 一起使用，否则不会生成任何文件"
    )


def test_init_check_render_roundtrip(in_tmp: Path) -> None:
    result = invoke("init", "镇.yaml", "--org", "示例县青禾镇人民政府", "--year", "2024")
    assert result.exit_code == 0
    assert result.stdout == (
        "已创建 镇.yaml，下一步：lawgov-gen check 镇.yaml\n"
        "已生成 lawgov-gen.schema.json（数据文件的 JSON Schema：编辑器据此检查和补全，见 README）\n"
    )
    text = Path("镇.yaml").read_text("utf-8")
    assert "short: 青禾镇" in text and "year: 2024" in text and "date: 2025-02-20" in text
    for part in ("measures:", "problems:", "duties:", "court:", "plans:", "other:", "metrics:"):
        assert f"\n{part}" in text
    # the starter renders as is, but its samples are not silently accepted (S8)
    check = invoke("check", "镇.yaml")
    assert check.exit_code == 0
    lines = check.stdout.splitlines()
    assert len(lines) == 16 and all(" 警告 S8 " in line for line in lines), lines
    assert invoke("check", "--strict", "镇.yaml").exit_code == 1
    render = invoke("render", "镇.yaml", "--pdf", "-o", "out")
    assert render.exit_code == 0, render.stderr
    assert render.stdout == "已生成 out/镇.docx\n已生成 out/镇.pdf\n"


def test_init_refuses_to_overwrite_without_force(in_tmp: Path) -> None:
    Path("a.yaml").write_text("mine", encoding="utf-8")
    result = invoke("init", "a.yaml")
    assert result.exit_code == 1
    assert result.stderr == "a.yaml: 错误 文件已存在：如要覆盖，请加 --force\n"
    assert Path("a.yaml").read_text("utf-8") == "mine"
    assert invoke("init", "a.yaml", "--force").exit_code == 0
    assert Path("a.yaml").read_text("utf-8") != "mine"


def test_schema_is_json_schema_of_the_model() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "required" not in schema  # a part may lack `report:`; check says what a report lacks
    assert {"measures", "problems", "duties", "plans", "other", "metrics", "court"} <= set(
        schema["properties"]
    )
    assert schema["additionalProperties"] is False


def test_folder_renders_every_yaml_in_parallel(tmp_path: Path) -> None:
    folder = tmp_path / "towns"
    folder.mkdir()
    for name in ("甲镇", "乙镇", "丙镇"):
        (folder / f"{name}.yaml").write_text(MINIMAL.replace("示例镇", name), encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    result = invoke("render", str(folder), "--jobs", "2", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "丙镇.docx",
        "乙镇.docx",
        "甲镇.docx",
    ]
    # each outcome is reported as it finishes
    assert sorted(ln.split("/")[-1] for ln in result.stdout.splitlines()) == [
        "丙镇.docx",
        "乙镇.docx",
        "甲镇.docx",
    ]


def test_batch_goes_on_after_a_bad_file_and_fails(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    bad = tmp_path / "bad.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    bad.write_text(MINIMAL.replace("measures:", "mesures:"), encoding="utf-8")
    result = invoke("render", str(bad), str(good), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "未知的键“mesures”" in result.stderr
    assert (tmp_path / "out" / "good.docx").is_file() and not (
        tmp_path / "out" / "bad.docx"
    ).exists()


def test_console_script_and_module_entry_points(tmp_path: Path) -> None:
    # The console script installed beside this interpreter, never one found on PATH.
    script = Path(sys.executable).parent / "lawgov-gen"
    assert script.is_file(), f"{script} is not installed: pip install -e ."
    for command in (
        [sys.executable, "-m", "lawgov_gen", "--version"],
        [str(script), "--version"],
    ):
        out = subprocess.run(command, capture_output=True, text=True, check=False)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == f"lawgov-gen {__version__}"


def test_bad_input_in_a_real_process_has_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("report: [", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "lawgov_gen", "render", str(bad)], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith(f"{bad}:1:")


def test_check_ends_with_a_summary_line_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty

    (tmp_path / "a.yaml").write_text(MINIMAL.replace("，成功率", ",成功率"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("report: [", encoding="utf-8")
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "lawgov_gen", "check", "a.yaml", "b.yaml"],
        cwd=tmp_path,
        stdout=follower,
        stderr=subprocess.PIPE,
        check=False,
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    lines = out.decode("utf-8").replace("\r\n", "\n").splitlines()
    assert proc.returncode == 1
    assert lines[-1] == "检查了 2 个文件：1 个错误，1 个警告，0 个提示"
    # not on a pipe: the output stays one finding per line
    piped = invoke("check", str(tmp_path / "a.yaml"))
    assert all(" F1 " in ln for ln in piped.stdout.splitlines())
