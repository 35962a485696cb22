"""The .docx opened by LibreOffice (our stand-in for Word): grid, characters, page numbers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import SOFFICE, requires_libreoffice
from tests.layout import (
    BLOCK_BOTTOM,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    CLOSERS,
    MM,
    Line,
    assert_full_pages,
    assert_signature_not_alone,
    is_full,
    kinsoku_short,
    read_pages,
    text,
)

pytestmark = requires_libreoffice


@pytest.fixture(scope="module")
def lo_pages(
    rendered: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> list[dict[str, list[Line]]]:
    soffice = SOFFICE
    assert soffice is not None
    out = tmp_path_factory.mktemp("lo")
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
            str(rendered["docx"]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return read_pages(out / "township.pdf")


def test_22_lines_on_full_pages(lo_pages: list[dict[str, list[Line]]]) -> None:
    assert len(lo_pages) > 5
    assert_full_pages(lo_pages)
    assert_signature_not_alone(lo_pages)


def test_28_characters_on_full_lines(lo_pages: list[dict[str, list[Line]]]) -> None:
    full = 0
    for page in lo_pages:
        body = page["body"]
        for i, line in enumerate(body):
            # LibreOffice hangs a closing mark past the margin (it ignores w:overflowPunct);
            # Word does not. Everything else stays inside the 156 mm line.
            hangs = line[-1]["text"] in CLOSERS and line[-1]["x0"] / MM >= BLOCK_RIGHT - 0.6
            inside = line[:-1] if hangs else line
            assert inside[-1]["x1"] / MM <= BLOCK_RIGHT + 0.6, text(line)
            # LibreOffice draws digits in a Latin font of its own width: count CJK-only lines
            if is_full(line, body, i) and all(not c["text"].isascii() for c in line):
                full += 1
                n = len(inside)
                assert n == 28 or (n == 27 and kinsoku_short(body[i + 1])), text(line)
    assert full > 50


def test_page_numbers_odd_right_even_left(lo_pages: list[dict[str, list[Line]]]) -> None:
    one_char = 14 / MM
    for n, page in enumerate(lo_pages, start=1):
        (line,) = page["foot"]
        assert text(line) == f"—{n}—"
        assert abs(line[0]["top"] / MM - (BLOCK_BOTTOM + 7)) <= 1
        if n % 2:
            assert abs(line[-1]["x1"] / MM - (BLOCK_RIGHT - one_char)) < 1
        else:
            assert abs(line[0]["x0"] / MM - (BLOCK_LEFT + one_char)) < 1
