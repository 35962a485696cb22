"""Issue 10's table: every row a ratio to LibreOffice (or to a baseline checkout) measured in
the same run, A and B interleaved round by round, median of the per-round ratios.

A busy machine slows A and B of one round alike, so the ratio of a round cancels most of the
noise that the absolute times carry; the median then drops the rounds a burst hit unevenly.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ROW = "{:<62} {:>8} {:>8} {:>7}  {}"
BATCH = 50
ADDED = 10  # documents in the "one call, many documents" LibreOffice run
QUIET = 0.25  # a round is quiet when other processes used less CPU than this meanwhile


@dataclass
class Run:
    """One process: wall time and peak RSS of its whole tree (wait4 counts descendants)."""

    seconds: float
    peak_mb: float


@dataclass
class Rows:
    """Per-round ratios by row name, and absolute times for context."""

    ratios: dict[str, list[float]] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)
    peak_mb: dict[str, float] = field(default_factory=dict)
    others: dict[str, list[float]] = field(default_factory=dict)  # per round, like ratios
    noise: float = 0.0  # CPUs other processes used during the current round

    def ratio(self, row: str, value: float) -> None:
        self.ratios.setdefault(row, []).append(value)
        self.others.setdefault(row, []).append(self.noise)

    def time(self, what: str, value: float) -> None:
        self.seconds.setdefault(what, []).append(value)

    def peak(self, what: str, value: float) -> None:
        self.peak_mb[what] = max(self.peak_mb.get(what, 0.0), value)


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def spawn(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
    """Run cmd in `cwd` to completion; raise with its stderr when it fails."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=env or os.environ.copy()
        )
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            raise
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip()[-400:]
            raise RuntimeError(f"{' '.join(cmd[:4])}… → {proc.returncode}: {tail}")
    return Run(seconds, usage.ru_maxrss / 1024)


def ours(tree: Path = ROOT) -> tuple[list[str], dict[str, str]]:
    """`python -m lawgov_gen` of `tree` (this checkout, or a baseline): `-m` puts the
    working folder first on sys.path, so run it in `tree` (`spawn(..., cwd=tree)`)."""
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join([str(tree), *filter(None, [env.get("PYTHONPATH")])])
    return [sys.executable, "-m", "lawgov_gen"], env


def soffice(tmp: Path, docs: list[Path], outdir: Path) -> Run:
    """One `soffice --convert-to pdf` call for all of `docs`, with a private profile."""
    assert SOFFICE is not None
    profile = (tmp / "lo-profile").as_uri()
    cmd = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    return spawn([*cmd, "--outdir", str(outdir), *map(str, docs)])


def machine_cpu() -> float | None:
    """CPU seconds the whole machine has spent busy (all processes), from /proc/stat."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    """CPU seconds of this process and of every child it has waited for."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def rounds_of(
    rows: Rows, rounds: int, steps: list[Callable[[], None]], after: Callable[[], None]
) -> None:
    """Run the steps of each round in turn, reversed every other round (A B, B A, …) so a
    slow drift of the machine's load does not always fall on the same side; then `after`,
    with `rows.noise` set to the CPUs other processes took meanwhile."""
    for i in range(rounds):
        start, machine, mine = time.perf_counter(), machine_cpu(), own_cpu()
        for step in steps if i % 2 == 0 else steps[::-1]:
            step()
        after_machine = machine_cpu()
        if machine is not None and after_machine is not None:
            busy = after_machine - machine - (own_cpu() - mine)
            rows.noise = max(0.0, busy / (time.perf_counter() - start))
        after()


def single(rows: Rows, tmp: Path, source: Path, rounds: int) -> None:
    """Rows 1–3: one report as a whole process against soffice, and warm in process against
    LibreOffice's cost for each document added to one call."""
    from lawgov_gen.content.context import build_context
    from lawgov_gen.data.loader import load
    from lawgov_gen.render.pdf import render_pdf
    from lawgov_gen.render.templates import resolve_templates

    cmd, env = ours()
    docx_dir, pdf_dir, lo_dir = tmp / "docx", tmp / "pdf", tmp / "lo"
    spawn([*cmd, "render", str(source), "-o", str(docx_dir)], env)
    docx = docx_dir / f"{source.stem}.docx"
    copies = []
    for i in range(ADDED):
        copies.append(docx_dir / f"copy{i:02d}.docx")
        shutil.copyfile(docx, copies[-1])
    soffice(tmp, [docx], lo_dir)  # untimed: the first start creates the LibreOffice profile
    ctx = build_context(load(source))
    templates = resolve_templates(None, docx=False, pdf=True)
    render_pdf(ctx, templates)  # warm-up: imports, fonts
    got: dict[str, float] = {}

    def pdf_process() -> None:
        run = spawn([*cmd, "render", str(source), "--pdf", "--no-docx", "-o", str(pdf_dir)], env)
        got["pdf"] = run.seconds
        rows.peak("render --pdf --no-docx", run.peak_mb)

    def docx_process() -> None:
        got["docx"] = spawn([*cmd, "render", str(source), "-o", str(docx_dir)], env).seconds

    def lo_one() -> None:
        got["lo1"] = soffice(tmp, [docx], lo_dir).seconds

    def lo_many() -> None:
        got["loN"] = soffice(tmp, copies, lo_dir).seconds

    def warm() -> None:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            render_pdf(ctx, templates)
            times.append(time.perf_counter() - start)
        got["warm"] = statistics.median(times)

    def score() -> None:
        added = max((got["loN"] - got["lo1"]) / (ADDED - 1), 1e-3)
        rows.ratio("single", got["pdf"] / got["lo1"])
        rows.ratio("clerk", got["pdf"] / (got["docx"] + got["lo1"]))
        rows.ratio("warm", got["warm"] / added)
        for key in ("pdf", "docx", "lo1", "warm"):
            rows.time(key, got[key])
        rows.time("lo_added", added)

    rounds_of(rows, rounds, [pdf_process, lo_one, docx_process, lo_many, warm], score)


def batch(rows: Rows, tmp: Path, source: Path, rounds: int, jobs: int) -> None:
    """Row 4: a folder of BATCH reports, .docx + .pdf over `jobs` processes, against one
    soffice call converting the same BATCH .docx files."""
    cmd, env = ours()
    folder, out, lo_dir = tmp / "batch", tmp / "batch-out", tmp / "batch-lo"
    folder.mkdir()
    text = source.read_text("utf-8")
    for i in range(BATCH):
        (folder / f"r{i:02d}.yaml").write_text(text, "utf-8")
    render = [*cmd, "render", str(folder), "--pdf", "-o", str(out), "--jobs", str(jobs)]
    spawn(render, env)  # untimed: also writes the .docx files LibreOffice converts
    docs = sorted(out.glob("*.docx"))
    got: dict[str, float] = {}

    def ours_step() -> None:
        run = spawn(render, env)
        got["ours"] = run.seconds
        rows.peak("batch (largest process)", run.peak_mb)

    def lo_step() -> None:
        got["lo"] = soffice(tmp, docs, lo_dir).seconds

    def score() -> None:
        rows.ratio("batch", got["ours"] / got["lo"])
        rows.time("batch_ours", got["ours"])
        rows.time("batch_lo", got["lo"])

    rounds_of(rows, rounds, [ours_step, lo_step], score)


def light(rows: Rows, source: Path, rounds: int, baseline: Path | None) -> None:
    """Row 5: `--help` and `check FILE` as whole processes; against a baseline checkout
    (interleaved) when one is given, else absolute."""
    light_one(rows, "help", ["--help"], rounds, baseline)
    light_one(rows, "check", ["check", str(source)], rounds, baseline)


def light_one(rows: Rows, what: str, args: list[str], rounds: int, baseline: Path | None) -> None:
    trees = {"mine": ROOT, **({"base": baseline.resolve()} if baseline else {})}
    got: dict[str, float] = {}

    def step(key: str) -> Callable[[], None]:
        cmd, env = ours(trees[key])
        return lambda: got.update({key: spawn([*cmd, *args], env, trees[key]).seconds})

    def score() -> None:
        rows.time(what, got["mine"])
        if "base" in got:
            rows.time(f"{what}_base", got["base"])
            rows.ratio(what, got["mine"] / got["base"])

    rounds_of(rows, rounds, [step(key) for key in trees], score)


def verdict(value: float | None, target: float | None) -> str:
    if value is None or target is None:
        return ""
    return "PASS" if value <= target else "MISS"


def show(rows: Rows, baseline: Path | None) -> None:
    """The table: median ratio, target, PASS/MISS, the spread of the rounds."""

    def med(key: str, table: dict[str, list[float]]) -> float | None:
        return statistics.median(table[key]) if table.get(key) else None

    def line(name: str, key: str, target: float | None) -> None:
        value = med(key, rows.ratios)
        spread, others = rows.ratios.get(key, []), rows.others.get(key, [])
        rng = ""
        if spread:
            rng = f"rounds {min(spread):.2f}–{max(spread):.2f} (n={len(spread)}), "
            rng += f"others used {min(others):.1f}–{max(others):.1f} CPUs"
        shown = "n/a" if value is None else f"{value:.2f}×"
        goal = "" if target is None else f"≤ {target:.2f}"
        print(ROW.format(name, shown, goal, verdict(value, target), rng), flush=True)
        quiet = [r for r, o in zip(spread, others, strict=True) if o < QUIET]
        if 3 <= len(quiet) < len(spread):
            q = statistics.median(quiet)
            label = f"  … rounds with others < {QUIET} CPU only"
            print(ROW.format(label, f"{q:.2f}×", goal, verdict(q, target), f"n={len(quiet)}"))

    print(ROW.format("ratio (median of interleaved rounds)", "measured", "target", "result", ""))
    line("1 single report, whole process / soffice alone", "single", 0.85)
    line("2 single report, whole process / (.docx + soffice)", "clerk", 0.65)
    line(f"3 warm in-process render_pdf / soffice per added doc ({ADDED})", "warm", 1.8)
    line(f"4 {BATCH} reports --jobs 2 .docx+.pdf / one soffice call", "batch", 0.95)
    if baseline:
        line("5a `--help` / baseline checkout", "help", 1.05)
        line("5b `check FILE` / baseline checkout", "check", 1.05)
    print("  · absolute medians (s):", end="")
    for key, values in sorted(rows.seconds.items()):
        print(f" {key}={statistics.median(values):.3f}", end="")
    print()
    for what, mb in rows.peak_mb.items():
        print(f"  · peak RSS, {what}: {mb:.0f} MB (target ≤ 200 MB per process)")
    if not baseline:
        for what, ref in (("help", 0.06), ("check", 0.45)):
            value = med(what, rows.seconds)
            if value is not None:
                print(f"  · 5 `{what}`: {value:.3f} s (issue's figure {ref} s; no baseline given)")


def measure(tmp: Path, source: Path, rounds: int, jobs: int, baseline: Path | None) -> None:
    """Run every row and print the table; rows that need soffice are skipped without it."""
    rows = Rows()
    print(f"\n[0] issue 10: ratios, {rounds} interleaved rounds · load average {loadavg()}")
    if SOFFICE is None:
        print("  · soffice not found: LibreOffice rows skipped")
    else:
        single(rows, tmp, source, rounds)
        print(f"  · rows 1–3 done · load average {loadavg()}", flush=True)
        batch(rows, tmp, source, max(5, rounds // 2 + 1), jobs)
        print(f"  · row 4 done · load average {loadavg()}", flush=True)
    light(rows, source, rounds, baseline)
    show(rows, baseline)
    print(f"  · load average at the end {loadavg()}")
