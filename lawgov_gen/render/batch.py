"""Render many data files, in parallel processes, with a progress bar on a terminal."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import DataError, LawgovError
from lawgov_gen.render.files import RenderOptions, render_file


@dataclass
class Outcome:
    """What happened to one file: written outputs, findings, or the error that stopped it."""

    source: Path
    written: list[Path] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    failed: bool = False


def render_one(path: Path, options: RenderOptions) -> Outcome:
    """Render one file; never raises for bad input (the error is in the outcome)."""
    try:
        result = render_file(path, options)
    except DataError as exc:
        return Outcome(path, findings=exc.diagnostics, failed=True)
    except LawgovError as exc:
        return Outcome(path, error=str(exc), failed=True)
    return Outcome(path, result.written, result.findings)


def render_many(
    paths: list[Path], options: RenderOptions, jobs: int, progress: bool = False
) -> Iterator[Outcome]:
    """Outcomes in input order; several files run over `jobs` worker processes."""
    if len(paths) == 1 or jobs == 1:
        for path in paths:
            yield render_one(path, options)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    import click

    results: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        futures = {pool.submit(render_one, path, options): i for i, path in enumerate(paths)}
        with click.progressbar(
            length=len(paths), label="生成中", file=None if progress else io.StringIO()
        ) as bar:
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                bar.update(1)
    for i in range(len(paths)):
        yield results[i]
