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
NOT_A_DOCUMENT = (
    "文件内容既不是 Word、WPS 文档，也不是文字（可能已损坏，或只是改了扩展名）："
    "请用 Word 或 WPS 打开它，确认内容无误后“另存为 .docx”再导入"
)
# What LibreOffice reads under a .doc/.wps name: binary Word/WPS (OLE), RTF, a web page or
# WordprocessingML saved as .doc, MIME HTML. Anything else it opens as plain text: random
# bytes would come back as random characters.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_DOCUMENTS = (b"{\\rtf", b"<", b"MIME-Version", b"\xef\xbb\xbf<")
_TEXT_CONTROLS = frozenset(range(32)) - {9, 10, 12, 13, 26}
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


def readable_by_libreoffice(head: bytes) -> bool:
    """True when the file's first bytes are a document format LibreOffice reads, or text
    (UTF-8, UTF-16 or GB18030 without control characters) that it imports as such."""
    if head.startswith((OLE_MAGIC, b"\xff\xfe", b"\xfe\xff")):
        return True
    if any(b in _TEXT_CONTROLS for b in head):
        return False
    if head.lstrip(b" \t\r\n").startswith(_TEXT_DOCUMENTS):
        return True
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut by the end of the sample
                return True
    return False


def convert_to_docx(path: Path, outdir: Path) -> Path:
    """Convert `path` into `outdir` with LibreOffice and return the .docx it wrote."""
    with path.open("rb") as fh:
        if not readable_by_libreoffice(fh.read(65536)):
            raise ImportProblem(NOT_A_DOCUMENT, path=path)
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
