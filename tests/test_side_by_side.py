"""Issue 20 item 5: tools/side_by_side.py writes our PDF's pages and LibreOffice's rendering of
the .docx next to each other, as PNG files for a human look."""

from __future__ import annotations

import runpy
from pathlib import Path

from PIL import Image

from tests.helpers import ROOT, Minimal, requires_libreoffice


@requires_libreoffice
def test_pages_side_by_side(tmp_path: Path, minimal: Minimal) -> None:
    tool = runpy.run_path(str(ROOT / "tools" / "side_by_side.py"))
    source = minimal()
    assert (
        tool["main"]([str(source), "-o", str(tmp_path / "out"), "--pages", "1", "--dpi", "30"]) == 0
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report-1.png"]
    sheet = Image.open(tmp_path / "out" / "report-1.png").convert("L")
    page = (sheet.width - tool["GAP"]) // 2
    assert abs(page - 210 / 25.4 * 30) < 2  # A4's width at 30 dpi, twice
    for left in (0, page + tool["GAP"]):  # ink on both pages: text, not a blank sheet
        half = sheet.crop((left, tool["LABEL"], left + page, sheet.height))
        darkest, _ = half.getextrema()
        assert isinstance(darkest, int) and darkest < 100
