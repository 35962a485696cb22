"""The console script ends without the interpreter's teardown: in a real process, every
exit status, every line of output and every written file is still there, and atexit work
(WeasyPrint's font folder) is still done."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import MINIMAL, Minimal, invoke


def _run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lawgov_gen", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=env,
    )


def test_render_writes_both_files_and_says_so(minimal: Minimal, tmp_path: Path) -> None:
    minimal()
    done = _run("render", "report.yaml", "--pdf", "-o", "out", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == ["已生成 out/report.docx", "已生成 out/report.pdf"]
    assert zipfile.ZipFile(tmp_path / "out" / "report.docx").testzip() is None
    assert len(PdfReader(tmp_path / "out" / "report.pdf").pages) >= 1
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_bad_input_exits_1_with_its_message_and_no_file(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(MINIMAL.replace("plans:", "plan:"), encoding="utf-8")
    done = _run("render", "bad.yaml", "--pdf", "-o", "out", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == invoke("render", str(tmp_path / "bad.yaml"), "--pdf").stderr.replace(
        str(tmp_path) + "/", ""
    )
    assert "plan" in done.stderr and not (tmp_path / "out").exists()


def test_usage_error_exits_2(tmp_path: Path) -> None:
    done = _run("render", "--jobs", "0", "x.yaml", cwd=tmp_path)
    assert done.returncode == 2 and "错误" in done.stderr and done.stdout == ""


def test_long_output_through_a_pipe_and_into_a_file_is_whole(tmp_path: Path) -> None:
    piped = _run("schema", cwd=tmp_path)
    assert piped.returncode == 0 and piped.stdout == invoke("schema").stdout
    json.loads(piped.stdout)
    with (tmp_path / "schema.json").open("w", encoding="utf-8") as sink:
        code = subprocess.run(
            [sys.executable, "-m", "lawgov_gen", "schema"], stdout=sink, check=False
        ).returncode
    assert code == 0 and (tmp_path / "schema.json").read_text("utf-8") == piped.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_no_font_folder_is_left_behind(tmp_path: Path, minimal: Minimal, jobs: str) -> None:
    from lawgov_gen.render.fonts import find_face

    kai = find_face("FandolKai", bold=False)
    assert kai is not None
    (tmp_path / "fonts").mkdir()
    shutil.copy(kai.file, tmp_path / "fonts" / "own.otf")
    for name in ("a.yaml", "b.yaml"):
        minimal(
            ("  short: 示例镇\n", "  short: 示例镇\n  fonts:\n    files: {body: fonts/own.otf}\n"),
            name=name,
        )
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    done = _run(
        "render",
        "a.yaml",
        "b.yaml",
        "--pdf",
        "--no-docx",
        "--jobs",
        jobs,
        "-o",
        "out",
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.pdf", "b.pdf"]
    assert list(temp.iterdir()) == []  # WeasyPrint's @font-face folder went with the process


def _exit_now(body: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    code = "from lawgov_gen.cli.app import _exit_now\n" + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )


def test_exit_runs_atexit_handlers_and_flushes(tmp_path: Path) -> None:
    done = _exit_now(
        """
        import atexit, sys
        atexit.register(lambda: print("atexit ran"))
        print("unflushed", end="")
        sys.stderr.write("err line")
        _exit_now(1)
        """,
        tmp_path,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, "unflushedatexit ran\n", "err line")


def test_exit_waits_for_a_running_thread(tmp_path: Path) -> None:
    done = _exit_now(
        """
        import threading, time
        def late():
            time.sleep(0.3)
            print("thread done", flush=True)
        threading.Thread(target=late).start()
        _exit_now(3)
        """,
        tmp_path,
    )
    assert (done.returncode, done.stdout) == (3, "thread done\n")


def test_help_loads_only_the_command_line() -> None:
    # `--help` must stay as quick as before the house: the model, the YAML parser and the
    # typesetter are imported by the commands that use them, not by the command table.
    code = (
        "import sys\n"
        "from lawgov_gen.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ['pydantic', 'yaml', 'jinja2', 'weasyprint', 'docx', 'docxtpl']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
