"""The corpus reports as an office keeps them: Word files whose 一、（一）1.（1） are Word's
automatic numbering (the label drawn by Word in the numbering's own font and size, not typed),
headings in 黑体, run-in titles in 楷体, body in 仿宋 — and the PDFs LibreOffice exports from
them, where each label prints in another font and size a few points off its line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from tests.importer.builders import W

# The Fandol fonts scripts/install-system-deps.sh installs: 黑体, 楷体, 仿宋, 宋体 faces.
HEI, KAI, FANG, SONG = "FandolHei", "FandolKai", "FandolFang", "FandolSong"
_LEVELS = (  # typed label → (ilvl, Word's numFmt, lvlText)
    (re.compile(r"^[一二三四五六七八九十]+、"), 0, "chineseCounting", "%1、"),
    (re.compile(r"^（[一二三四五六七八九十]+）"), 1, "chineseCounting", "（%2）"),
    (re.compile(r"^\d+\."), 2, "decimal", "%3."),
    (re.compile(r"^（\d+）"), 3, "decimal", "（%4）"),
)


def _numbering(document: docx.document.Document) -> None:
    """One outline list (numId 90): labels drawn in 12 pt 宋体, the text in 16 pt."""
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{SONG}" w:hAnsi="{SONG}" w:eastAsia="{SONG}"/>'
        '<w:sz w:val="24"/></w:rPr></w:lvl>'
        for _, ilvl, fmt, text in _LEVELS
    )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="90">{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is None:  # every abstractNum comes before the first num, or Word ignores it
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def _run(paragraph: Paragraph, text: str, font: str, size: int = 16) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    rpr = run._r.get_or_add_rPr()
    rpr.insert(
        0, parse_xml(f'<w:rFonts {W} w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>')
    )


def _numbered(paragraph: Paragraph, ilvl: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>')
    )


def word_report(source: Path, path: Path) -> Path:
    """The .txt report of the corpus as an auto-numbered Word file at `path`."""
    document = docx.Document()
    _numbering(document)
    lines = [ln.strip("\u3000 ") for ln in source.read_text("utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, lines[0], SONG, 22)
    signature = lines[-2:]
    for line in lines[1:-2]:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = None if line.endswith("：") else Pt(32)
        level = next(((p, ilvl) for p, ilvl, _, _ in _LEVELS if p.match(line)), None)
        if level is None:
            _run(paragraph, line, FANG)
            continue
        pattern, ilvl = level
        _numbered(paragraph, ilvl)
        text = pattern.sub("", line)
        if ilvl == 0:
            _run(paragraph, text, HEI)
            continue
        head, stop, rest = text.partition("。")
        if ilvl == 1 and (rest or not stop):
            _run(paragraph, head + stop, KAI)  # a run-in （一） title in 楷体
            if rest:
                _run(paragraph, rest, FANG)
        else:
            _run(paragraph, text, FANG)
    for line in signature:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(paragraph, line, FANG)
    document.save(str(path))
    return path


def export_pdfs(soffice: str, files: list[Path], out: Path) -> dict[str, Path]:
    """All the Word files to PDF in one LibreOffice run (it is slow to start)."""
    profile = (out / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {f.stem: out / f"{f.stem}.pdf" for f in files}
