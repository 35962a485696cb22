"""Make a .docx zip byte-reproducible: fixed timestamps, fixed order, fixed attributes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping

DateTime = tuple[int, int, int, int, int, int]


def normalize_docx(
    data: bytes,
    date_time: DateTime,
    rewrite: Mapping[str, Callable[[str], str]] | None = None,
    drop: tuple[str, ...] = (),
    level: int = 9,
) -> bytes:
    """Rewrite a .docx with every member dated `date_time`; optionally edit XML members.
    `level` is the zlib level (the committed template is built at 9 and keeps its bytes)."""
    rewrite = rewrite or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        names = [n for n in zin.namelist() if n not in drop]
        # [Content_Types].xml first, as Word writes it
        names.sort(key=lambda n: (n != "[Content_Types].xml", n))
        for name in names:
            blob = zin.read(name)
            if name in rewrite:
                blob = rewrite[name](blob.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            zout.writestr(info, blob, compresslevel=level)
    return out.getvalue()
