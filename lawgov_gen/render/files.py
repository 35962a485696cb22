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
from typing import TYPE_CHECKING

from lawgov_gen.checks.runner import check_file
from lawgov_gen.data.paths import display_name, real_path
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import LawgovError
from lawgov_gen.output import replace_together
from lawgov_gen.render.templates import Templates

if TYPE_CHECKING:
    from lawgov_gen.content.context import ReportContext
    from lawgov_gen.content.disclosure import Disclosure
    from lawgov_gen.data.loader import Loaded


# Every output a data file renders to; an earlier one that this run does not write is named.
OUTPUT_SUFFIXES = (".docx", ".pdf", ".html")


@dataclass(frozen=True)
class RenderOptions:
    """What `render` writes and how."""

    out_dir: Path
    templates: Templates
    docx: bool = True
    pdf: bool = False
    strict: bool = False
    html: bool = False  # the 公开版
    pdf_variant: str | None = None  # a WeasyPrint PDF variant: "pdf/a-2b"

    @property
    def suffixes(self) -> list[str]:
        """The outputs asked for, in OUTPUT_SUFFIXES order."""
        asked = {".docx": self.docx, ".pdf": self.pdf, ".html": self.html}
        return [s for s in OUTPUT_SUFFIXES if asked[s]]

    def targets(self, path: Path) -> list[Path]:
        """The files a data file renders to."""
        return [self.out_dir / f"{path.stem}{suffix}" for suffix in self.suffixes]

    def stale(self, path: Path) -> list[Path]:
        """The other outputs of the set, if an earlier run left them: they may no longer
        match. Named, never deleted: one may as well be a stamped copy, or another year's."""
        others = [self.out_dir / f"{path.stem}{s}" for s in OUTPUT_SUFFIXES]
        source = real_path(path)
        return [
            p
            for p in others
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
    stale: list[Path] = field(default_factory=list)  # other outputs of an earlier run
    disclosure: Disclosure | None = None  # the report's 公开目录信息 (for a site's index)
    pending: list[tuple[Path, bytes]] = field(default_factory=list)  # rendered, not written
    catalog_order: tuple[str, ...] = ()  # the township order of the catalogue it quotes

    @property
    def name(self) -> str:
        return display_name(self.source)


def build_file(path: Path, options: RenderOptions) -> Outcome:
    """Check, then render one data file in memory (its outputs `pending`); never raises
    for bad input."""
    from lawgov_gen.render.glyphs import glyph_gaps

    try:
        checked = check_file(path, glyphs=glyph_gaps if options.pdf else None)
        stop = checked.blocking(options.strict)
        if stop or checked.context is None:
            return Outcome(path, findings=stop or checked.findings, failed=True)
        ctx = checked.context
        # Everything is rendered before anything is written: a failure leaves no file.
        outputs = [(t, _render(t.suffix, ctx, options)) for t in options.targets(path)]
    except LawgovError as exc:
        return Outcome(path, error=exc.format(), failed=True)
    return Outcome(
        path,
        findings=checked.findings,
        stale=options.stale(path),
        disclosure=ctx.disclosure,
        pending=outputs,
        catalog_order=_catalog_order(checked.loaded),
    )


def _catalog_order(loaded: Loaded | None) -> tuple[str, ...]:
    catalog = loaded.catalog if loaded is not None else None
    return tuple(catalog.data.catalog.order) if catalog is not None else ()


def _render(suffix: str, ctx: ReportContext, options: RenderOptions) -> bytes:
    if suffix == ".docx":
        from lawgov_gen.render.word import render_docx

        return render_docx(ctx, options.templates)
    if suffix == ".pdf":
        from lawgov_gen.render.pdf import render_pdf

        return render_pdf(ctx, options.templates, variant=options.pdf_variant)
    from lawgov_gen.render.public import render_public

    return render_public(ctx, options.templates)


def render_file(path: Path, options: RenderOptions) -> Outcome:
    """Check, then render one data file; never raises for bad input, writes nothing on
    failure, and replaces its .docx, .pdf and .html together."""
    outcome = build_file(path, options)
    if outcome.failed:
        return outcome
    try:
        replace_together(outcome.pending)
    except LawgovError as exc:
        return Outcome(path, error=exc.format(), failed=True)
    outcome.written = [t for t, _ in outcome.pending]
    outcome.pending = []
    return outcome


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
    task: Callable[[Path, RenderOptions], Outcome] = render_file,
) -> list[Outcome]:
    """Render every file, reporting each outcome through `on_done` as it finishes; `task`
    is render_file (each file written as it is done) or build_file (nothing written).

    Several files run over `jobs` worker processes. KeyboardInterrupt propagates after
    the workers are stopped; files already written stay, none is half-written.
    """
    outcomes: list[Outcome] = []
    if len(paths) == 1 or jobs == 1:
        for path in paths:
            outcomes.append(task(path, options))
            on_done(outcomes[-1])
        return outcomes
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    pool = context.Pool(min(jobs, len(paths)), _worker_init, (os.getpid(),))
    try:
        tasks = [(task, path, options) for path in paths]
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


def _render_task(
    job: tuple[Callable[[Path, RenderOptions], Outcome], Path, RenderOptions],
) -> Outcome:
    task, path, options = job
    return task(path, options)
