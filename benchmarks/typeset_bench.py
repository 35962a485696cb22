"""Issue 20: what Chinese line breaking and inter-character justification cost a PDF
(lawgov_gen/render/cjk_lines.py), as a ratio measured in one run.

Each round renders the report in process twice, with our line rules and with WeasyPrint's
own (`shipped_weasyprint()`), in alternating order; the row is the median of the rounds'
ratios of CPU time (the figure a busy machine disturbs least), the wall-clock ratio beside
it. Target: at most 1.10 (a render no more than 10% slower).

Run alone: python benchmarks/typeset_bench.py [--rounds N]; or as part of benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import synth  # noqa: E402

TARGET = 1.10


def rounds_of(source: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Per round: (CPU ratio, wall ratio) of render_pdf with our line rules to without."""
    from lawgov_gen.content.context import build_context
    from lawgov_gen.data.loader import load
    from lawgov_gen.render.cjk_lines import shipped_weasyprint
    from lawgov_gen.render.pdf import render_pdf
    from lawgov_gen.render.templates import resolve_templates

    ctx = build_context(load(source))
    templates = resolve_templates(None, docx=False, pdf=True)

    def timed(ours: bool) -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        with contextlib.nullcontext() if ours else shipped_weasyprint():
            render_pdf(ctx, templates)
        return time.process_time() - cpu, time.perf_counter() - wall

    timed(True), timed(False)  # warm: fonts, stylesheets, both code paths
    cpu_ratios, wall_ratios = [], []
    for n in range(rounds):
        got = {ours: timed(ours) for ours in ((True, False) if n % 2 else (False, True))}
        cpu_ratios.append(got[True][0] / got[False][0])
        wall_ratios.append(got[True][1] / got[False][1])
    return cpu_ratios, wall_ratios


def measure(
    sources: list[tuple[str, Path]],
    rounds: int,
    report: Callable[..., None],
    note: Callable[[str], None],
) -> None:
    print(
        f"\n[8] Issue 20: Chinese lines in the PDF (cjk_lines), ratio to WeasyPrint's own ({rounds} rounds)"
    )
    for name, source in sources:
        cpu, wall = rounds_of(source, rounds)
        report(f"render_pdf CPU time with / without — {name}", statistics.median(cpu), "×", TARGET)
        note(
            f"{name}: CPU rounds {min(cpu):.3f}–{max(cpu):.3f}; wall-clock ratio "
            f"{statistics.median(wall):.3f} (rounds {min(wall):.3f}–{max(wall):.3f})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds (default 9)")
    args = parser.parse_args(argv)

    def report(name: str, value: float, unit: str, target: float) -> None:
        verdict = "PASS" if value <= target else "MISS"
        print(f"{name:<58} {value:>8.3f}{unit}  ≤ {target:.2f}{unit}  {verdict}", flush=True)

    with tempfile.TemporaryDirectory(prefix="lawgov-bench-") as name:
        long = synth.write(synth.long_report(), Path(name) / "long.yaml")
        sources = [
            ("examples/township.yaml", ROOT / "examples" / "township.yaml"),
            ("synthetic long report", long),
        ]
        measure(sources, max(3, args.rounds), report, lambda text: print(f"  · {text}", flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
