"""Benchmarks of issue 23: the 公开版 of one report, warm in process (check → content →
page, as `render --html` and `publish` do per file), and `publish` of a county folder of 30
township reports, HTML only, as a whole process. Alongside, the same folder's `check`, in
the same rounds: publishing's cost as a ratio to checking (the part no page can avoid)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import county_bench

ROUNDS, WARMUPS = 10, 2


def one_page(example: Path, tmp: Path) -> tuple[float, float]:
    """Median seconds of (the whole per-file step, the page alone) for the example, warm."""
    from lawgov_gen.checks.runner import check_file
    from lawgov_gen.render.files import RenderOptions, build_file
    from lawgov_gen.render.public import render_public
    from lawgov_gen.render.templates import resolve_templates

    templates = resolve_templates(None, docx=False, pdf=False, html=True)
    options = RenderOptions(tmp, templates, docx=False, html=True)
    steps, pages = [], []
    for i in range(WARMUPS + ROUNDS):
        start = time.perf_counter()
        outcome = build_file(example, options)
        middle = time.perf_counter()
        context = check_file(example).context
        assert context is not None and not outcome.failed
        page_start = time.perf_counter()
        render_public(context, templates)
        end = time.perf_counter()
        if i >= WARMUPS:
            steps.append(middle - start)
            pages.append(end - page_start)
    return statistics.median(steps), statistics.median(pages)


def measure(
    examples: Path,
    tmp: Path,
    cli: list[str],
    run: Callable[..., Any],
    report: Callable[..., None],
    note: Callable[[str], None],
) -> None:
    print("\n[6] publishing (issue 23)")
    example = examples / "township.yaml"
    step, page = one_page(example, tmp)
    report("公开版 of the example, warm: check + content + page", step, " s", 0.2)
    report("  of which the page (public.html) alone", page, " s")
    towns = county_bench.county(tmp / "publish", example)
    site = tmp / "publish" / "site"
    publish, check = [], []
    for i in range(6):  # interleaved: a burst of load falls on both
        for cmd, times in (
            ([*cli, "publish", str(towns), "-o", str(site)], publish),
            ([*cli, "check", str(towns)], check),
        ):
            start = time.perf_counter()
            run(cmd)
            if i:  # the first round warms the file cache
                times.append(time.perf_counter() - start)
    seconds = statistics.median(publish)
    report("`publish` of 30 townships, HTML only, whole process", seconds, " s", 3.0)
    ratio = statistics.median(p / c for p, c in zip(publish, check, strict=True))
    report("  ratio to `check` of the same folder, same rounds", ratio, "×")
    pages = len(list(site.glob("*.html")))
    note(f"{pages - 1} report pages and index.html written per run; median of 5 rounds")
