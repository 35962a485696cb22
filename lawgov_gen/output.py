"""Write outputs atomically: a failed run never leaves or replaces a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lawgov_gen.errors import OutputProblem


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over `path`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputProblem(f"{path}: 错误 无法创建输出文件：{exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputProblem(f"{path}: 错误 无法写入输出文件：{exc.strerror}") from None
