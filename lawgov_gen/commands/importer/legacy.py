"""Old binary Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice, then read."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lawgov_gen.commands.importer.paragraphs import ImportProblem

TIMEOUT = 120
NO_SOFFICE = (
    "读取 {kind} 文件需要 LibreOffice，但没有找到 soffice："
    "请用 Word 或 WPS 打开这个文件，“另存为 .docx”后再导入"
)
FAILED = (
    "LibreOffice 无法转换这个文件（可能已损坏或设置了打开密码）："
    "请用 Word 或 WPS 打开它，“另存为 .docx”后再导入"
)
TIMED_OUT = (
    "LibreOffice 转换超过 {seconds} 秒仍未完成："
    "请用 Word 或 WPS 打开这个文件，“另存为 .docx”后再导入"
)


def find_soffice() -> str | None:
    """The LibreOffice command on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(command: list[str]) -> None:
    # Its own process group: soffice starts soffice.bin, which must die with it on timeout.
    posix = os.name == "posix"
    proc = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=posix,
    )
    try:
        proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.wait()
        raise


def convert_to_docx(path: Path, outdir: Path) -> Path:
    """Convert `path` into `outdir` with LibreOffice and return the .docx it wrote."""
    soffice = find_soffice()
    if soffice is None:
        kind = path.suffix.lower() or ".doc"
        raise ImportProblem(NO_SOFFICE.format(kind=kind), path=path)
    # A private profile: a LibreOffice already running for the user would otherwise
    # take the request and ignore --headless, or lock the shared profile.
    profile = (outdir / "profile").as_uri()
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(outdir),
        str(path.resolve()),
    ]
    try:
        _run(command)
    except subprocess.TimeoutExpired:
        raise ImportProblem(TIMED_OUT.format(seconds=TIMEOUT), path=path) from None
    except OSError:
        raise ImportProblem(FAILED, path=path) from None
    out = outdir / f"{path.stem}.docx"
    if not out.is_file() or out.stat().st_size == 0:
        raise ImportProblem(FAILED, path=path)
    return out


@contextmanager
def converted_docx(path: Path) -> Iterator[Path]:
    """A .doc or .wps file converted to .docx by LibreOffice, in a folder removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="lawgov-import-") as tmp:
        yield convert_to_docx(path, Path(tmp))
