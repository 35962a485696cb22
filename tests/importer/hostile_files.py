"""Building hostile and malformed input files in the tests: raw PDFs (streams, forms, page
trees written byte by byte), Word packages with any body, web pages of any depth."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import docx

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
BOX = b"/MediaBox [0 0 595 842]"


def pdf_file(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A PDF of numbered objects with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def stream(
    data: bytes, extra: bytes = b"", *, flate: bool = True, raw: bytes | None = None
) -> bytes:
    """A stream object: `data` deflated (or `raw` as the stored bytes, for broken ones)."""
    if raw is None:
        raw = zlib.compress(data, 9) if flate else data
    if flate:
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(raw), extra) + raw + b"\nendstream"


def show(text: str, y: int = 720) -> bytes:
    """Content that prints `text` (ASCII) in Helvetica at height `y`."""
    return b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (y, text.encode("ascii"))


def pdf_pages(
    contents: list[bytes],
    *,
    page_extra: bytes = b"",
    box: bytes = BOX,
    forms: dict[int, bytes] | None = None,
    form_names: bytes = b"",
    shared_content: bool = False,
) -> bytes:
    """A PDF with one page per content (or, `shared_content`, every page drawing the first
    content object), Helvetica as /F1 and the named forms as XObjects."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: FONT, 4: stream(contents[0])}
    kids = []
    n = 10
    for i, content in enumerate(contents):
        target = 4 if shared_content or i == 0 else n + 1
        if target != 4:
            objects[n + 1] = stream(content)
        objects[n] = (
            b"<< /Type /Page /Parent 2 0 R %s /Resources << /Font << /F1 3 0 R >> "
            b"/XObject << %s >> >> /Contents %d 0 R %s >>" % (box, form_names, target, page_extra)
        )
        kids.append(b"%d 0 R" % n)
        n += 2
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    objects.update(forms or {})
    return pdf_file(objects)


def form(content: bytes, names: bytes = b"") -> bytes:
    """A Form XObject drawing `content`, with the XObjects `names` (/X1 51 0 R …)."""
    return stream(
        content,
        b" /Type /XObject /Subtype /Form /BBox [0 0 100 100] "
        b"/Resources << /XObject << %s >> /Font << /F1 3 0 R >> >>" % names,
    )


def docx_bytes(body_xml: bytes = b"", extra_parts: dict[str, bytes] | None = None) -> bytes:
    """A Word package (python-docx's default) whose body is `body_xml` (w: prefix bound),
    with more parts added as given."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    source = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                start = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:start] + body_xml + data[start:]
            zf.writestr(item, data)
        for name, data in (extra_parts or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def paragraph(text: str) -> bytes:
    """One Word paragraph of plain text."""
    return b"<w:p><w:r><w:t>" + text.encode("utf-8") + b"</w:t></w:r></w:p>"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
