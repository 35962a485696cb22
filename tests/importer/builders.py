"""Building Word files with automatic numbering for the importer's tests."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from lawgov_gen.commands.importer.document_reader import read_document
from lawgov_gen.commands.importer.paragraphs import ImportProblem

W = nsdecls("w")


def _lvl(ilvl: int, fmt: str, text: str) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def add_numbering(document: docx.document.Document) -> None:
    """Lists 90 and 91 share one outline and its counters (91 restarts at 三); 92 counts 甲乙丙."""
    numbering = document.part.numbering_part.element
    outline = "".join(
        [
            _lvl(0, "chineseCounting", "%1、"),
            _lvl(1, "chineseCountingThousand", "（%2）"),
            _lvl(2, "decimal", "%3."),
            _lvl(3, "decimal", "（%4）"),
        ]
    )
    abstracts = [
        parse_xml(f'<w:abstractNum {W} w:abstractNumId="90">{outline}</w:abstractNum>'),
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="91">'
            f"{_lvl(0, 'ideographTraditional', '%1、')}</w:abstractNum>"
        ),
    ]
    first_num = numbering.find(qn("w:num"))
    for abstract in abstracts:
        if first_num is None:
            numbering.append(abstract)
        else:
            first_num.addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="91"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
        )
    )
    numbering.append(parse_xml(f'<w:num {W} w:numId="92"><w:abstractNumId w:val="91"/></w:num>'))


def number(paragraph: Paragraph, num_id: int, ilvl: int) -> Paragraph:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def import_message(path: Path) -> str:
    """The formatted ImportProblem that reading `path` raises."""
    with pytest.raises(ImportProblem) as info:
        read_document(path)
    return str(info.value)
