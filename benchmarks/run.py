"""Benchmarks for lawgov-gen: times and peak memory against targets. Not a test: always exits 0.

Run: python benchmarks/run.py [--rounds N] [--jobs N] [--baseline DIR] [--only ratios|others]
(or `make bench`). See benchmarks/README.md for how to read the figures on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import county_bench  # noqa: E402
import import_bench  # noqa: E402
import preview_bench  # noqa: E402
import publish_bench  # noqa: E402
import ratios  # noqa: E402
import synth  # noqa: E402
import typeset_bench  # noqa: E402

EXAMPLE = ROOT / "examples" / "township.yaml"
GNU_TIME = Path("/usr/bin/time")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ROW = "{:<58} {:>10}  {:>10}  {}"


def cli() -> list[str]:
    """The installed `lawgov-gen` entry point next to this Python, else `python -m lawgov_gen`."""
    exe = Path(sys.executable).parent / "lawgov-gen"
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "lawgov_gen"]


def report(name: str, value: float | None, unit: str, target: float | None = None) -> None:
    """One table row: measured value, the target beside it, PASS/MISS (lower is better)."""

    def fmt(v: float) -> str:
        return f"{v:.0f} MB" if unit == "MB" else f"{v:.3f}{unit}"

    shown = "n/a" if value is None else fmt(value)
    goal = "" if target is None else "≤ " + fmt(target)
    verdict = "" if target is None or value is None else ("PASS" if value <= target else "MISS")
    print(ROW.format(name, shown, goal, verdict), flush=True)


def note(text: str) -> None:
    print(f"  · {text}", flush=True)


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} → {proc.returncode}: {proc.stderr.strip()[-400:]}")
    return proc


def wall(cmd: list[str], n: int, before: Callable[[], None] | None = None) -> float:
    """Median wall time of n runs of a command; `before` runs untimed ahead of each."""
    times = []
    for _ in range(n):
        if before:
            before()
        start = time.perf_counter()
        run(cmd)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of a fresh process running cmd, in MB."""
    if GNU_TIME.is_file():
        err = run([str(GNU_TIME), "-v", *cmd]).stderr
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
        if found:
            return int(found.group(1)) / 1024
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    return int(run([sys.executable, "-c", probe, *cmd]).stdout.strip()) / 1024


def warm(func: Callable[[], object], warmups: int, n: int) -> float:
    """Median in-process time of func after warm-up calls."""
    for _ in range(warmups):
        func()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pages(pdf: Path) -> str:
    try:
        from pypdf import PdfReader

        return str(len(PdfReader(pdf).pages))
    except Exception:  # pypdf missing or the file unreadable: fall back to pdfinfo
        try:
            out = run(["pdfinfo", str(pdf)]).stdout
        except (OSError, RuntimeError):
            return "?"
        found = re.search(r"^Pages:\s+(\d+)", out, re.M)
        return found.group(1) if found else "?"


def run_checks(loaded: Any) -> list[Any]:
    """Every rule's findings for a loaded data file (what `check` reports)."""
    from lawgov_gen.checks import RULES
    from lawgov_gen.checks.runner import run_rules

    return run_rules(loaded, RULES)[1]


def word(tmp: Path) -> None:
    from lawgov_gen.content.context import build_context
    from lawgov_gen.data.loader import load
    from lawgov_gen.render.templates import resolve_templates
    from lawgov_gen.render.word import render_docx

    templates = resolve_templates(None, docx=True, pdf=False)

    print("\n[1] Word (.docx) — examples/township.yaml")
    stages: dict[str, list[float]] = {k: [] for k in ("load", "checks", "context", "docx", "all")}
    for i in range(12):  # 2 warm-ups, then 10 timed runs
        t0 = time.perf_counter()
        loaded = load(EXAMPLE)
        t1 = time.perf_counter()
        run_checks(loaded)
        t2 = time.perf_counter()
        ctx = build_context(loaded)
        t3 = time.perf_counter()
        render_docx(ctx, templates)
        t4 = time.perf_counter()
        if i >= 2:
            for key, value in zip(
                stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0), strict=True
            ):
                stages[key].append(value)
    med = {k: statistics.median(v) for k, v in stages.items()}
    report("in-process load (median of 10, warm)", med["load"], " s")
    report("in-process run_checks", med["checks"], " s")
    report("in-process build_context", med["context"], " s")
    report("in-process render_docx", med["docx"], " s", 0.05)
    report("in-process whole chain load→checks→context→docx", med["all"], " s")
    render = [*cli(), "render", str(EXAMPLE), "-o", str(tmp / "word")]
    report("process `lawgov-gen render` (median of 5)", wall(render, 5), " s", 0.4)
    report("process `lawgov-gen --help` (median of 5)", wall([*cli(), "--help"], 5), " s", 0.25)
    report("peak RSS of `lawgov-gen render`", peak_rss_mb(render), "MB", 120)


def pdf(name: str, source: Path, tmp: Path) -> None:
    from lawgov_gen.content.context import build_context
    from lawgov_gen.data.loader import load
    from lawgov_gen.render.pdf import render_pdf
    from lawgov_gen.render.templates import resolve_templates

    print(f"\n[2] PDF — {name}")
    ours_dir = tmp / f"pdf-{source.stem}"
    ours = [*cli(), "render", str(source), "--pdf", "--no-docx", "-o", str(ours_dir)]
    report("process `render --pdf --no-docx` (median of 3)", wall(ours, 3), " s", 0.9)
    ctx = build_context(load(source))
    templates = resolve_templates(None, docx=False, pdf=True)
    report(
        "in-process render_pdf (median of 5, warm)",
        warm(lambda: render_pdf(ctx, templates), 1, 5),
        " s",
        0.25,
    )
    report("peak RSS of `render --pdf --no-docx`", peak_rss_mb(ours), "MB", 200)
    note(f"pages: ours {pages(ours_dir / f'{source.stem}.pdf')} (ratios to LibreOffice: [0])")


def check(tmp: Path) -> None:
    from lawgov_gen.data.loader import load

    path = synth.write(synth.huge_report(1000, 500), tmp / "huge.yaml")
    print("\n[3] check — synthetic report, 1,000 items and 500 metrics")
    loaded = load(path)  # raises DataError on a schema error
    findings = run_checks(loaded)
    errors = sum(d.level == "error" for d in findings)
    report("in-process load (median of 5, warm)", warm(lambda: load(path), 0, 5), " s")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        run_checks(load(path))
        times.append(time.perf_counter() - start)
    report("in-process load + run_checks (median of 5, warm)", statistics.median(times), " s", 1.0)
    report("process `lawgov-gen check` (median of 3)", wall([*cli(), "check", str(path)], 3), " s")
    note(f"{len(loaded.data.metrics)} metrics, {len(findings)} findings, {errors} errors")


def clean(path: Path) -> None:
    """The synthetic report must pass `lawgov-gen check` (exit 0: no errors)."""
    lines = run([*cli(), "check", str(path)]).stdout.strip().splitlines()
    note(f"synthetic long report: `lawgov-gen check` passes ({len(lines)} findings)")


def section(func: Callable[..., object], *args: Any) -> None:
    try:
        func(*args)
    except Exception as exc:  # a benchmark that breaks is reported, the others still run
        print(f"  ! {func.__name__} failed: {type(exc).__name__}: {exc}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds (≥ 5)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the batch row")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare row 5 with")
    parser.add_argument("--only", choices=("ratios", "others", "publish"), help="run one part only")
    args = parser.parse_args(argv)
    from lawgov_gen import __version__

    cpus = os.cpu_count()
    print(f"lawgov-gen {__version__} · Python {platform.python_version()} · {cpus} CPUs")
    print(f"entry point: {' '.join(cli())} · load average {ratios.loadavg()}")
    with tempfile.TemporaryDirectory(prefix="lawgov-bench-") as name:
        tmp = Path(name)
        if args.only == "publish":
            print(ROW.format("measurement", "measured", "target", "result"))
            section(publish_bench.measure, EXAMPLE.parent, tmp, cli(), run, report, note)
            return 0
        long = synth.write(synth.long_report(), tmp / "long.yaml")
        section(clean, long)
        if args.only != "others":
            (tmp / "ratios").mkdir()
            rounds = max(5, args.rounds)
            section(ratios.measure, tmp / "ratios", long, rounds, args.jobs, args.baseline)
        if args.only != "ratios":
            print(ROW.format("measurement", "measured", "target", "result"))
            section(word, tmp)
            section(pdf, "examples/township.yaml", EXAMPLE, tmp)
            section(pdf, "synthetic long report (about 12 pages)", long, tmp)
            section(check, tmp)
            section(preview_bench.measure, EXAMPLE.parent, tmp, report, note)
            section(county_bench.measure, EXAMPLE.parent, tmp, cli(), wall, run, report, note)
            section(import_bench.measure, tmp, cli(), wall, report, note)
            section(publish_bench.measure, EXAMPLE.parent, tmp, cli(), run, report, note)
            sources = [("examples/township.yaml", EXAMPLE), ("synthetic long report", long)]
            section(typeset_bench.measure, sources, max(5, args.rounds), report, note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
