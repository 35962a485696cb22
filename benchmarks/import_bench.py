"""Issue 18's speed row: importing a 15-page PDF, whole process (target ≤ 1.5 s)."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import synth

PAGES = 15
TARGET = 1.5  # seconds, whole process


def _pages(pdf: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(pdf).pages)


def fifteen_pages(tmp: Path, cli: list[str]) -> Path:
    """A PDF of the synthetic long report with at least 15 pages, rendered by lawgov-gen."""
    for count in range(7, 16):
        source = synth.write(synth.long_report(measure_count=count), tmp / "import-long.yaml")
        subprocess.run(
            [*cli, "render", str(source), "--pdf", "--no-docx", "-o", str(tmp)],
            check=True,
            capture_output=True,
        )
        pdf = tmp / "import-long.pdf"
        if _pages(pdf) >= PAGES:
            return pdf
    return pdf


def measure(
    tmp: Path,
    cli: list[str],
    wall: Callable[..., float],
    report: Callable[..., None],
    note: Callable[[str], None],
) -> None:
    from lawgov_gen.commands.importer.pdf_reader import read_pdf

    print("\n[7] import — a PDF of 15 pages (issue 18)")
    pdf = fifteen_pages(tmp, cli)
    out = tmp / "imported.yaml"
    command = [*cli, "import", str(pdf), "-o", str(out), "--force"]
    report(
        f"process `import` of a {_pages(pdf)}-page PDF (median of 5)",
        wall(command, 5),
        " s",
        TARGET,
    )
    times: list[Any] = []
    for _ in range(5):
        start = time.perf_counter()
        read_pdf(pdf)
        times.append(time.perf_counter() - start)
    report("in-process read_pdf (median of 5, warm)", sorted(times)[2], " s")
    note(f"{out.stat().st_size} bytes of YAML written")
