"""Render data files to .docx and .pdf: one file (render_file) or many in parallel worker
processes (render_many). Each file's outcome is reported as it finishes; a failure never
stops the others, never leaves a half-written pair, and Ctrl-C stops promptly."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lawgov_gen.checks.runner import check_file
from lawgov_gen.data.paths import display_name, real_path
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import LawgovError
from lawgov_gen.output import replace_together
from lawgov_gen.render.templates import Templates


@dataclass(frozen=True)
class RenderOptions:
    """What `render` writes and how."""

    out_dir: Path
    templates: Templates
    docx: bool = True
    pdf: bool = False
    strict: bool = False

    def targets(self, path: Path) -> list[Path]:
        """The files a data file renders to."""
        suffixes = [*([".docx"] if self.docx else []), *([".pdf"] if self.pdf else [])]
        return [self.out_dir / f"{path.stem}{suffix}" for suffix in suffixes]

    def stale(self, path: Path) -> list[Path]:
        """The other half of the pair, if an earlier run left one: it may no longer match.
        It is named, never deleted: it may as well be a stamped copy, or another year's."""
        pair = [self.out_dir / f"{path.stem}{suffix}" for suffix in (".docx", ".pdf")]
        source = real_path(path)
        return [
            p
            for p in pair
            if p not in self.targets(path) and p.is_file() and real_path(p) != source
        ]


@dataclass
class Outcome:
    """What happened to one file: outputs written, findings, or what stopped it."""

    source: Path
    written: list[Path] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # a formatted LawgovError (not a data finding)
    failed: bool = False
    stale: list[Path] = field(default_factory=list)  # the other half of an earlier pair

    @property
    def name(self) -> str:
        return display_name(self.source)


def render_file(path: Path, options: RenderOptions) -> Outcome:
    """Check, then render one data file; never raises for bad input, writes nothing on
    failure, and replaces the .docx and .pdf together."""
    from lawgov_gen.render.glyphs import glyph_gaps
    from lawgov_gen.render.pdf import render_pdf
    from lawgov_gen.render.word import render_docx

    try:
        checked = check_file(path, glyphs=glyph_gaps if options.pdf else None)
        stop = checked.blocking(options.strict)
        if stop or checked.context is None:
            return Outcome(path, findings=stop or checked.findings, failed=True)
        ctx = checked.context
        outputs: list[tuple[Path, bytes]] = []
        for target in options.targets(path):
            render = render_docx if target.suffix == ".docx" else render_pdf
            outputs.append((target, render(ctx, options.templates)))
        # Everything is rendered before anything is written: a failure leaves no file.
        replace_together(outputs)
    except LawgovError as exc:
        return Outcome(path, error=exc.format(), failed=True)
    written = [t for t, _ in outputs]
    return Outcome(path, written, checked.findings, stale=options.stale(path))


def _worker_init(parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent decides, workers ignore it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Terminated (by the parent's Ctrl-C or its death): unwind, so no temp file stays.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    # a worker ends by os._exit, after multiprocessing's finalizers: no __del__, no atexit
    from multiprocessing.util import Finalize

    from lawgov_gen.render.pdf import release_font_config

    Finalize(None, release_font_config, exitpriority=10)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """SIGTERM this worker when the parent dies, even by SIGKILL (Linux prctl)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        sys.exit(1)


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, as `taskset` or a container's
    cpuset limits it), not every CPU of the machine."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # no sched_getaffinity (macOS, Windows)
        return os.cpu_count() or 1


def render_many(
    paths: list[Path],
    options: RenderOptions,
    jobs: int,
    on_done: Callable[[Outcome], None] = lambda _: None,
) -> list[Outcome]:
    """Render every file, reporting each outcome through `on_done` as it finishes.

    Several files run over `jobs` worker processes. KeyboardInterrupt propagates after
    the workers are stopped; files already written stay, none is half-written.
    """
    outcomes: list[Outcome] = []
    if len(paths) == 1 or jobs == 1:
        for path in paths:
            outcomes.append(render_file(path, options))
            on_done(outcomes[-1])
        return outcomes
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    pool = context.Pool(min(jobs, len(paths)), _worker_init, (os.getpid(),))
    try:
        tasks = [(path, options) for path in paths]
        for outcome in pool.imap_unordered(_render_task, tasks):
            outcomes.append(outcome)
            on_done(outcome)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
    return outcomes


def _render_task(task: tuple[Path, RenderOptions]) -> Outcome:
    return render_file(*task)
