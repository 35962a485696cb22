"""`lawgov-gen publish`: a county's site folder. Every report is checked and rendered in
memory (its 公开版, and its PDF when asked); those without errors are listed in the county's
order on index.html and index.json, and the whole folder is replaced together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lawgov_gen.errors import LawgovError
from lawgov_gen.output import replace_together
from lawgov_gen.render.files import OUTPUT_SUFFIXES, Outcome, RenderOptions, build_file, render_many
from lawgov_gen.render.site import INDEX_HTML, INDEX_JSON, SiteEntry, index_json, index_page


@dataclass
class Published:
    """What a publish run did: the reports listed (in order), those left out, what it wrote,
    and earlier files of the folder it did not write again."""

    listed: list[Outcome] = field(default_factory=list)
    left_out: list[Outcome] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    leftovers: list[Path] = field(default_factory=list)


class NothingToPublish(LawgovError):
    """Every report has errors: nothing is written (an earlier site stays as it was)."""


def county_order(outcomes: list[Outcome], order: list[str]) -> list[Outcome]:
    """The reports in the county's order: those `order` names (by short name, full name or
    file name) first, as it lists them; the others after, by file name."""
    rank = {name: i for i, name in enumerate(order)}

    def key(o: Outcome) -> tuple[int, str]:
        d = o.disclosure
        names = (o.source.stem, *((d.short, d.org) if d else ()))
        return (min((rank[n] for n in names if n in rank), default=len(order)), o.source.name)

    return sorted(outcomes, key=key)


def default_title(outcomes: list[Outcome]) -> str:
    """The index's title: the year reported on, when every report is of one year."""
    years = {o.disclosure.year for o in outcomes if o.disclosure}
    return f"{years.pop()}年度法治政府建设年度报告" if len(years) == 1 else "法治政府建设年度报告"


def publish(
    paths: list[Path],
    options: RenderOptions,
    *,
    order: list[str],
    title: str | None,
    jobs: int,
    on_done: Callable[[Outcome], None] = lambda _: None,
) -> Published:
    """Render every report in memory, then write the good ones and the index together."""
    outcomes = render_many(paths, options, jobs, on_done=on_done, task=build_file)
    good = [o for o in outcomes if not o.failed and o.disclosure is not None]
    result = Published(left_out=sorted((o for o in outcomes if o.failed), key=lambda o: o.name))
    if not good:
        raise NothingToPublish(
            f"没有可以发布的报告：{len(outcomes)} 份报告都有错误（见上），没有写入任何文件",
            path=options.out_dir,
        )
    if not order:
        order = next((list(o.catalog_order) for o in good if o.catalog_order), [])
    result.listed = county_order(good, order)
    entries = [_entry(o, options) for o in result.listed]
    heading = title or default_title(result.listed)
    outputs = [(path, data) for o in result.listed for path, data in o.pending]
    outputs += [
        (options.out_dir / INDEX_HTML, index_page(heading, entries, options.templates)),
        (options.out_dir / INDEX_JSON, index_json(heading, entries)),
    ]
    replace_together(outputs)
    result.written = [path for path, _ in outputs]
    result.leftovers = _leftovers(options.out_dir, set(result.written))
    return result


def _entry(outcome: Outcome, options: RenderOptions) -> SiteEntry:
    names = {p.suffix: p.name for p, _ in outcome.pending}
    assert outcome.disclosure is not None
    return SiteEntry(outcome.disclosure, names[".html"], names.get(".pdf"))


def _leftovers(folder: Path, written: set[Path]) -> list[Path]:
    """Pages and files of an earlier publish that this one did not write (never deleted:
    the county decides)."""
    try:
        found = sorted(p for p in folder.iterdir() if p.suffix in OUTPUT_SUFFIXES and p.is_file())
    except OSError:
        return []
    return [p for p in found if p not in written]
