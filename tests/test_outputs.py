"""Nothing lost, nothing half-written, nothing read from where it should not be."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import MINIMAL, invoke, minimal_text

Minimal = Callable[..., Path]


pytestmark = pytest.mark.usefixtures("in_tmp")


def _tmpfs(path: Path, size: str) -> bool:
    path.mkdir()
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 64 KB tmpfs (running as root), else None: the test injects the error instead."""
    disk = tmp_path / "disk"
    mounted = _tmpfs(disk, "64k")
    yield disk if mounted else None
    if mounted:
        subprocess.run(["umount", str(disk)], check=False)


def test_same_stem_in_one_call_is_refused_before_writing() -> None:
    for year in ("2023", "2024"):
        Path(year).mkdir()
        Path(f"{year}/青禾镇.yaml").write_text(MINIMAL, encoding="utf-8")
    result = invoke("render", "2023/青禾镇.yaml", "2024/青禾镇.yaml", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr == (
        "错误 这些输入文件同名，会写到同一个输出文件，后一个会覆盖前一个：2023/青禾镇.yaml、2024/青禾镇.yaml。"
        "请分别用不同的 -o 文件夹生成，或改名\n"
    )
    assert not Path("out").exists()


def test_a_failed_pdf_leaves_the_previous_pair(
    minimal: Minimal, monkeypatch: pytest.MonkeyPatch
) -> None:
    minimal()
    assert invoke("render", "report.yaml", "--pdf", "-o", "o").exit_code == 0
    before = {p.name: p.read_bytes() for p in Path("o").iterdir()}
    Path("report.yaml").write_text(
        minimal_text(("加强组织领导", "加强组织领导，压实责任")), encoding="utf-8"
    )
    from lawgov_gen.errors import FontProblem
    from lawgov_gen.render import pdf

    def broken(*_: object, **__: object) -> bytes:
        raise FontProblem("字体坏了")

    monkeypatch.setattr(pdf, "render_pdf", broken)
    result = invoke("render", "report.yaml", "--pdf", "-o", "o")
    assert (result.exit_code, result.stderr) == (1, "错误 字体坏了\n")
    assert {p.name: p.read_bytes() for p in Path("o").iterdir()} == before


def test_a_full_disk_leaves_no_file_and_says_so(
    minimal: Minimal, small_disk: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    minimal()
    if small_disk is None:
        import errno

        def full(src: object, dst: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "replace", full)
        small_disk = Path("disk")
    result = invoke("render", "report.yaml", "--pdf", "-o", str(small_disk))
    assert result.exit_code == 1
    assert re.fullmatch(
        r".*/report\.(docx|pdf): 错误 无法写入输出文件：磁盘空间已满：请清理磁盘后重试\n",
        result.stderr,
    ), result.stderr
    assert list(small_disk.iterdir()) == []


def test_a_read_only_folder_keeps_the_previous_pair(minimal: Minimal, tmp_path: Path) -> None:
    disk = tmp_path / "ro"
    if not _tmpfs(disk, "4m"):
        pytest.skip("需要 root 才能挂载只读 tmpfs")
    try:
        minimal()
        assert invoke("render", "report.yaml", "--pdf", "-o", str(disk)).exit_code == 0
        before = {p.name: p.read_bytes() for p in disk.iterdir()}
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        result = invoke("render", "report.yaml", "--pdf", "-o", str(disk))
        assert result.exit_code == 1
        assert result.stderr.endswith(
            "错误 无法写入输出文件：文件系统是只读的：请换一个可写的文件夹\n"
        )
        assert {p.name: p.read_bytes() for p in disk.iterdir()} == before
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_folder_reports_each_outcome_and_goes_on_with_one_job(minimal: Minimal) -> None:
    for name in ("a", "b", "c"):
        minimal(name=f"towns/{name}.yaml")
    Path("towns/b.yaml").write_text("report: [", encoding="utf-8")
    result = invoke("render", "towns", "--jobs", "1", "-o", "out")
    assert result.exit_code == 1
    assert result.stdout == "已生成 out/a.docx\n已生成 out/c.docx\n"
    assert result.stderr.startswith("towns/b.yaml:1:10: 错误 YAML")


def _towns(count: int) -> None:
    Path("towns").mkdir()
    for i in range(count):
        Path(f"towns/镇{i:02}.yaml").write_text(MINIMAL, encoding="utf-8")


def _start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "lawgov_gen", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


def test_ctrl_c_stops_promptly_and_leaves_no_temp_file() -> None:
    _towns(12)
    proc = _start(["render", "towns", "--pdf", "--jobs", "2", "-o", "out"])
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("已生成 out/")
    workers = _children(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole group
    _, err = proc.communicate(timeout=10)
    assert proc.returncode == 130
    assert "已中止" in err and "Traceback" not in err
    assert not [w for w in workers if _alive(w)]
    assert not list(Path("out").glob(".*.tmp"))
    for path in Path("out").iterdir():  # what was written is whole
        if path.suffix == ".docx":
            assert zipfile.ZipFile(path).testzip() is None


def test_killing_the_parent_ends_its_workers() -> None:
    _towns(12)
    proc = _start(["render", "towns", "--pdf", "--jobs", "2", "-o", "out"])
    assert proc.stdout is not None
    proc.stdout.readline()
    workers = _children(proc.pid)
    assert workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=5)
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]
    time.sleep(0.2)
    assert not list(Path("out").glob(".*.tmp"))


def test_template_folder_cannot_read_outside_itself(minimal: Minimal) -> None:
    minimal()
    Path("tpl").mkdir()
    os.symlink("/etc/passwd", "tpl/pw.txt")
    Path("tpl/report.html").write_text(
        '{% extends "builtin/report.html" %}{% block head %}{% include "pw.txt" %}{{ super() }}{% endblock %}',
        encoding="utf-8",
    )
    result = invoke("render", "report.yaml", "--pdf", "--no-docx", "--template", "tpl")
    assert result.exit_code == 1
    assert "root:" not in result.output
    assert result.stderr.endswith("错误 模板引用了不存在的文件“pw.txt”\n"), result.stderr
    assert not Path("report.pdf").exists()


def test_template_css_cannot_fetch_through_a_symlink(minimal: Minimal) -> None:
    minimal()
    Path("tpl").mkdir()
    os.symlink("/etc/passwd", "tpl/pw.css")
    Path("tpl/report.css").write_text('@import url("pw.css");', encoding="utf-8")
    result = invoke("render", "report.yaml", "--pdf", "--no-docx", "--template", "tpl")
    assert result.exit_code == 1
    assert "模板引用了模板文件夹以外或不存在的文件 " in result.stderr


def test_font_files_obey_the_include_path_rules(minimal: Minimal) -> None:
    minimal(
        (
            "  short: 示例镇\n",
            "  short: 示例镇\n  fonts:\n    files: {body: /usr/share/fonts/x.ttf}\n",
        )
    )
    result = invoke("check", "report.yaml")
    assert (
        result.stdout
        == "report.yaml:6:19: 错误 SCHEMA 字体文件“/usr/share/fonts/x.ttf”不能用绝对路径：请写相对于本文件的路径\n"
    )


def test_pdf_id_differs_when_the_pdf_differs(minimal: Minimal) -> None:
    minimal()
    invoke("render", "report.yaml", "--pdf", "--no-docx", "-o", "a")
    Path("tpl").mkdir()
    Path("tpl/report.css").write_text("p { color: #111; }", encoding="utf-8")
    invoke("render", "report.yaml", "--pdf", "--no-docx", "-o", "b", "--template", "tpl")
    ids = [
        re.search(rb"/ID \[(<[0-9a-f]+>|\([^)]*\)) ", Path(f"{d}/report.pdf").read_bytes())
        for d in "ab"
    ]
    assert ids[0] and ids[1] and ids[0].group(1) != ids[1].group(1)


def test_docx_app_properties_name_lawgov_gen(minimal: Minimal) -> None:
    from lawgov_gen import __version__

    minimal()
    invoke("render", "report.yaml")
    app = zipfile.ZipFile("report.docx").read("docProps/app.xml").decode()
    assert f"<Application>lawgov-gen {__version__}</Application>" in app
    assert "Microsoft" not in app


def test_csv_has_a_bom_and_escapes_formulas(minimal: Minimal) -> None:
    minimal(("{label: 调解纠纷,", "{label: '=HYPERLINK(\"x\")',"), name="new.yaml")
    minimal(("year: 2024", "year: 2023"), ("2025-02-20", "2024-02-20"), name="old.yaml")
    out = invoke("diff", "old.yaml", "new.yaml", "--format", "csv").stdout
    assert out.startswith("\ufeffid,")
    assert 'cases,"\'=HYPERLINK(""x"")",起' in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--template", "nowhere"], "nowhere: 错误 --template 指定的模板不存在：请检查路径"),
        (["--pdf", "--template", "t.docx"], "t.docx: 错误 这是 Word 模板，不能用于 PDF"),
        (
            ["--template", "css-only"],
            "css-only: 错误 模板文件夹中没有 report.docx，无法生成 Word 文件",
        ),
        (
            ["--pdf", "--no-docx", "--template", "empty"],
            "empty: 错误 模板文件夹中没有 report.html 或 report.css，无法用于 PDF",
        ),
    ],
)
def test_a_template_that_gives_nothing_is_an_error(
    minimal: Minimal, args: list[str], message: str
) -> None:
    import shutil

    from lawgov_gen.render.templates import builtin_template_dir

    minimal()
    shutil.copy(builtin_template_dir() / "report.docx", "t.docx")
    Path("css-only").mkdir()
    Path("css-only/report.css").write_text("p {}", encoding="utf-8")
    Path("empty").mkdir()
    result = invoke("render", "report.yaml", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert not Path("report.docx").exists() and not Path("report.pdf").exists()


def test_a_word_only_render_names_the_pdf_it_did_not_make(minimal: Minimal) -> None:
    minimal()
    Path("keep").mkdir()
    assert invoke("render", "report.yaml", "--pdf", "-o", "out").exit_code == 0
    Path("report.yaml").write_text(MINIMAL.replace("示例镇扎实推进", "示例镇全面推进"), "utf-8")
    result = invoke("render", "report.yaml", "-o", "out")
    assert result.exit_code == 0 and result.stdout == "已生成 out/report.docx\n"
    assert result.stderr == (
        "注意 out/report.pdf 本次没有生成：如果它是以前由这份数据生成的，已与新的数据不一致，"
        "请一起重新生成（加上 --pdf），或删除它\n"
    )
    assert sorted(os.listdir("out")) == ["report.docx", "report.pdf"]  # nothing is deleted
    # a data file that happens to be named like an output is not "the other half"
    Path("keep/a.pdf").write_text(MINIMAL, "utf-8")
    result = invoke("render", "keep/a.pdf", "-o", "keep")
    assert result.exit_code == 0 and result.stderr == ""
    assert Path("keep/a.pdf").read_text("utf-8") == MINIMAL
