"""Issue 20 item 2, the PDF: nothing stranded. The 附注 is on the page of the date, no page
holds only the ending (signature, date, 附注), no page ends with a heading, and the
attachment starts a new page: in the examples, and with the page break moved through
every line of the ending and past headings of every level."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from lawgov_gen.content.context import ReportContext
from tests.helpers import EXAMPLES, minimal_text, write_file
from tests.layout import BLOCK_TOP, MM, PITCH_MM
from tests.typeset import Row, paragraphs, render, rows, squeeze

FILLER = "依法行政"  # no digit, no punctuation: a filler paragraph of m lines is 28m - 2 of it


def filler(lines: int) -> str:
    return (FILLER * 7 * lines)[: 28 * lines - 2]


def grid_line(row: Row) -> int:
    """The row's line on the page's 22-line grid, 1-based."""
    top: float = row.chars[0]["top"]
    return round((top / MM - BLOCK_TOP - 2.2) / PITCH_MM) + 1


def ending_rows(ctx: ReportContext) -> set[str]:
    return {squeeze(t) for t in (ctx.signature, ctx.date, ctx.note or "") if t}


def assert_nothing_stranded(path: Path, ctx: ReportContext) -> None:
    printed = rows(path)
    by_page: dict[int, list[Row]] = defaultdict(list)
    for row in printed:
        by_page[row.page].append(row)
    page_of = {row.text: row.page for row in printed}
    ending = ending_rows(ctx)
    assert len({page_of[text] for text in ending}) == 1, {t: page_of[t] for t in ending}
    for page, page_rows in by_page.items():
        texts = [r.text for r in page_rows]
        assert not set(texts) <= ending, (page, texts)
        if squeeze(ctx.signature) in texts:  # the last body line comes along
            assert texts.index(squeeze(ctx.signature)) > 0, texts
    for block, group in paragraphs(printed, ctx.blocks):
        if block.kind != "body":
            last = by_page[group[-1].page][-1]
            assert last is not group[-1], (group[-1].page, block.text)
            assert len({r.page for r in group}) == 1, block.text


@pytest.mark.parametrize("name", ["township", "township-2023"])
def test_the_examples_strand_nothing(tmp_path: Path, name: str) -> None:
    path, ctx = render(EXAMPLES / f"{name}.yaml", tmp_path / f"{name}.pdf")
    assert_nothing_stranded(path, ctx)
    note = next(r for r in rows(path) if r.text == squeeze(ctx.note or ""))
    date = next(r for r in rows(path) if r.text == squeeze(ctx.date))
    assert note.page == date.page and grid_line(note) == grid_line(date) + 1


def test_the_attachment_starts_a_new_page(tmp_path: Path) -> None:
    path, ctx = render(EXAMPLES / "township.yaml", tmp_path / "township.pdf")
    assert ctx.metrics_table is not None
    printed = rows(path)
    marker = next(i for i, r in enumerate(printed) if r.text == ctx.metrics_table.marker)
    assert printed[marker].page == printed[marker - 1].page + 1
    assert grid_line(printed[marker]) == 1


def test_the_ending_moves_with_the_last_body_line_wherever_the_page_ends(tmp_path: Path) -> None:
    """A filler paragraph of m lines moves the page break through each line of the ending
    (附件说明, blank lines, signature, date, 附注)."""
    base = minimal_text(
        ("  to: [", "  note: 此件公开发布\n  attachments: [主要指标完成情况表]\n  to: ["),
        ("    text: 健全依法决策机制。\n", "    text: |\n      健全依法决策机制。\n\n      FILL\n"),
    )
    source = write_file(tmp_path / "r.yaml", base.replace("      FILL\n", ""))
    path, ctx = render(source, tmp_path / "r.pdf")
    note = grid_line(next(r for r in rows(path) if r.text == squeeze(ctx.note or "")))
    moved = 0
    for lines in range(22 - note, 30 - note):  # the note from the last line to 8 lines on
        source = write_file(tmp_path / "r.yaml", base.replace("FILL", filler(lines)))
        path, ctx = render(source, tmp_path / f"r{lines}.pdf")
        assert_nothing_stranded(path, ctx)
        signature = next(r for r in rows(path) if r.text == squeeze(ctx.signature))
        moved += grid_line(signature) < 8  # the ending began a page
    assert moved >= 5


def test_no_heading_of_any_level_ends_a_page(tmp_path: Path) -> None:
    """Headings of every level, some of two lines, after paragraphs of 1 to 9 lines: some
    would fall on the last line of a page, or break across pages."""
    data = yaml.safe_load(minimal_text())
    data["measures"] = [
        {
            "title": f"第{n}项工作安排",
            "text": filler(1 + n % 9),
            "items": [
                {
                    "title": f"第{n}项第{k}条" + filler(2)[: 12 * k],
                    "text": filler(1 + (n * 3 + k) % 7),
                }
                for k in range(3)
            ],
        }
        for n in range(14)
    ]
    data["measures"][0]["text"] = (
        "全年调解纠纷{{ m.cases }}，调解成功{{ m.solved }}，成功率{{ m.rate }}。"
    )
    source = write_file(tmp_path / "headings.yaml", yaml.safe_dump(data, allow_unicode=True))
    path, ctx = render(source, tmp_path / "headings.pdf")
    assert_nothing_stranded(path, ctx)
    printed = rows(path)
    pages = max(r.page for r in printed)
    assert pages >= 8
    short = [p for p in range(1, pages) if grid_line([r for r in printed if r.page == p][-1]) < 22]
    assert short  # a heading that would have ended the page went to the next one
