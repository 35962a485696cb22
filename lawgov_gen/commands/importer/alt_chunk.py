"""Content a .docx keeps in another format (w:altChunk, as Word stores pasted web pages):
HTML, a web archive (MHT) or plain text is read where it stands; RTF or another .docx is
named as not imported."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from lawgov_gen.commands.importer.html_reader import fragment_paragraphs
from lawgov_gen.commands.importer.paragraphs import SourceParagraph

ALT_CHUNK = "读入嵌入的网页或文字内容（altChunk）"
_WEB_ARCHIVE = ("message/rfc822", "multipart/related", "application/x-mimearchive")


def _mht_html(data: bytes) -> bytes:
    """The HTML part of a web archive (MHT); empty when there is none."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else b""
    return b""


def read_alt_chunk(
    found: tuple[str, bytes] | None, path: Path, where: str
) -> tuple[list[SourceParagraph], list[str]]:
    """The raw paragraphs of an embedded part (its content type and bytes) and warnings."""
    if found is None:
        return [], [f"{where}处嵌入的内容（altChunk）读不到，未导入：请在 Word 中核对"]
    content_type, data = found
    kind = content_type.split(";")[0].strip().lower()
    if kind in _WEB_ARCHIVE:
        kind, data = "text/html", _mht_html(data)
    if kind in ("text/html", "application/xhtml+xml"):
        return fragment_paragraphs(data, path, f"{where}（嵌入的网页内容）")
    if kind == "text/plain":
        text = data.decode("utf-8-sig", errors="replace")
        lines = [ln for ln in text.splitlines() if ln.strip()]
        return [SourceParagraph(text=ln, where=f"{where}（嵌入的文字）") for ln in lines], []
    return [], [
        f"{where}处嵌入了另一种格式的内容（{kind or '未知格式'}），未导入：请在 Word 中打开原文件，"
        "把这部分内容复制为正文（或另存为 .docx）后再导入"
    ]
