"""The indicator catalogue (contract §3): a county's standard indicators, which a township
report quotes by id and gives values only."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from lawgov_gen.data.model import Id, Strict, Words
from lawgov_gen.data.paths import display_name, resolve_reference
from lawgov_gen.data.reading import read_text
from lawgov_gen.data.source_map import SourceMap
from lawgov_gen.data.validation import parse_file, validate
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import DataError


class CatalogMeta(Strict):
    """`catalog:` the catalogue's name and year."""

    name: Words = Field(min_length=1)
    year: int | None = Field(default=None, ge=2000, le=2100, strict=True)
    # the county's township order (short names, full names or file names), for `publish`
    order: list[Words] = Field(default_factory=list)


class CatalogMetric(Strict):
    """A standard indicator: label, unit and relations; `required` for every township."""

    label: Words = Field(min_length=1)
    unit: Words | None = Field(default=None, max_length=6)
    of: Id | None = None
    parts: list[Id] | None = None
    rate: tuple[Id, Id] | None = None
    required: bool = False


class Catalog(Strict):
    """An indicator catalogue file (contract §3)."""

    version: Literal[1] = 1
    catalog: CatalogMeta
    metrics: dict[Id, CatalogMetric] = Field(default_factory=dict)


# What a catalogue indicator hands down to a report that quotes it.
_INHERITED = ("label", "unit", "of", "parts", "rate")


@dataclass
class LoadedCatalog:
    """An indicator catalogue with the positions of its entries."""

    data: Catalog
    sources: SourceMap
    path: Path


def load_catalog(path: Path) -> LoadedCatalog:
    """Read and validate an indicator catalogue; DataError at its own lines."""
    diags: list[Diagnostic] = []
    tree, sources = parse_file(path, diags)
    catalog = validate(Catalog, tree, sources, diags) if tree is not None else None
    # the relations are checked even when a key is wrong, so that one pass says everything
    checked = catalog if catalog is not None else _relations_only(tree)
    if checked is not None:
        diags.extend(_relation_problems(checked, sources))
    if diags or catalog is None:
        raise DataError(diags)
    return LoadedCatalog(catalog, sources, path)


def _relations_only(tree: object) -> Catalog | None:
    """What can be read of the relations of a catalogue that does not validate: entries whose
    of, parts, rate and unit have the right shape (the others have their schema errors)."""
    metrics = tree.get("metrics") if isinstance(tree, dict) else None
    if not isinstance(metrics, dict):
        return None

    def ids(value: object) -> list[str] | None:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [str(v) for v in value]
        return None

    entries = {}
    for mid, entry in metrics.items():
        if not isinstance(mid, str) or not isinstance(entry, dict):
            continue
        rate = ids(entry.get("rate"))
        unit = entry.get("unit")
        entries[mid] = CatalogMetric.model_construct(
            label=str(entry.get("label", mid)),
            unit=unit if isinstance(unit, str) else None,
            of=entry.get("of") if isinstance(entry.get("of"), str) else None,
            parts=ids(entry.get("parts")),
            rate=tuple(rate) if rate is not None and len(rate) == 2 else None,
        )
    return Catalog.model_construct(metrics=entries)


def _relation_problems(catalog: Catalog, sources: SourceMap) -> list[Diagnostic]:
    """A catalogue's relations must hold for every township: ids that exist, rates of two
    counts, no indicator a part of itself."""
    metrics = catalog.metrics
    out = []

    def err(mid: str, key: str, message: str) -> None:
        out.append(sources.diag(("metrics", mid, key), "error", "SCHEMA", message))

    for mid, standard in metrics.items():
        if standard.rate is not None and standard.unit not in (None, "%"):
            err(
                mid,
                "unit",
                f"比率“{mid}”不能有单位“{standard.unit}”：比率总是以 % 表示，请删去 unit",
            )
        for key, refs in (
            ("of", [standard.of] if standard.of else []),
            ("parts", standard.parts or []),
            ("rate", list(standard.rate or ())),
        ):
            for ref in refs:
                if ref not in metrics:
                    err(mid, key, f"“{mid}”的 {key} 引用了目录中没有的指标“{ref}”")
                elif ref == mid:
                    err(mid, key, f"“{mid}”的 {key} 引用了它自己")
                elif key == "rate" and metrics[ref].rate is not None:
                    err(mid, key, f"比率“{mid}”的分子或分母“{ref}”本身是比率")
    looping = _of_loops(catalog)
    for mid in metrics:
        if looping[mid]:
            err(mid, "of", f"“{mid}”经 of 循环包含了自己")
    return out


def _of_loops(catalog: Catalog) -> dict[str, bool]:
    """For each indicator, whether following `of` from it comes round in a loop: each walk
    stops at the first indicator already settled, so the whole takes linear time (a walk
    from every indicator of a 20,000-long chain was quadratic)."""
    metrics = catalog.metrics
    settled: dict[str, bool] = {}
    for mid in metrics:
        walk: list[str] = []
        on_walk: set[str] = set()
        current: str | None = mid
        while current in metrics and current not in settled and current not in on_walk:
            walk.append(current)
            on_walk.add(current)
            current = metrics[current].of
        loops = current in on_walk or (current is not None and settled.get(current, False))
        for member in walk:
            settled[member] = loops
    return settled


def check_catalog(path: Path) -> list[Diagnostic]:
    """The problems of a catalogue file (empty when it loads)."""
    try:
        load_catalog(path)
    except DataError as exc:
        return exc.diagnostics
    return []


# a block mapping's top-level `catalog:` key, or a document that is one flow mapping {…}
_TOP_CATALOG_KEY = re.compile(r"^(?:---[ \t]+)?[\"']?catalog[\"']?[ \t]*:", re.M)
_FLOW_DOCUMENT = re.compile(
    r"(?:[ \t]*(?:#[^\n]*)?\r?\n|%[^\n]*\n|---[ \t]*\r?\n)*[ \t]*(?:---[ \t]+)?\{"
)


def is_catalog_file(path: Path) -> bool:
    """Whether a YAML file is an indicator catalogue (top-level `catalog:`, no `report:`).
    A file with no line that could open a top-level `catalog` key (or a flow mapping) is
    not one: a 20,000-metric report is not parsed a second time to learn that."""
    text, _ = read_text(path, str(path))
    if text is not None and not _TOP_CATALOG_KEY.search(text) and not _FLOW_DOCUMENT.match(text):
        return False
    diags: list[Diagnostic] = []
    tree, _ = parse_file(path, diags)
    return isinstance(tree, dict) and "catalog" in tree and "report" not in tree


def apply_catalog(
    tree: dict[str, Any], path: Path, sources: SourceMap, diags: list[Diagnostic]
) -> LoadedCatalog | None:
    """Bare numbers become values; catalogue indicators take label, unit and relations."""
    metrics = tree.get("metrics")
    if isinstance(metrics, dict):
        for mid, entry in list(metrics.items()):
            if isinstance(entry, (int, float)) and not isinstance(entry, bool):
                metrics[mid] = {"value": entry}
    report = tree.get("report")
    ref = report.get("catalog") if isinstance(report, dict) else None
    if not isinstance(ref, str):
        return None
    target, why = resolve_reference(ref, path)
    if target is None:
        diags.append(
            sources.diag(("report", "catalog"), "error", "SCHEMA", f"catalog 的“{ref}”{why}")
        )
        return None
    try:
        catalog = load_catalog(target)
    except DataError as exc:
        diags.extend(exc.diagnostics)
        mine = [d for d in exc.diagnostics if d.level == "error"]
        first = f"，第一处：{mine[0].format()}" if mine else ""
        message = f"指标目录 {display_name(target)} 有 {len(mine)} 处错误{first}"
        diags.append(sources.diag(("report", "catalog"), "error", "SCHEMA", message))
        # the catalogue's errors are said; its indicators are not reported again as unlabelled
        for mid, entry in (metrics or {}).items():
            if isinstance(entry, dict):
                entry.setdefault("label", mid)
        return None
    if isinstance(metrics, dict):
        # a catalogue rate is computed: it comes with its two operands, unasked
        for mid, rate in catalog.data.metrics.items():
            if (
                rate.rate is not None
                and mid not in metrics
                and all(x in metrics for x in rate.rate)
            ):
                metrics[mid] = {"label": rate.label, "rate": list(rate.rate)}
        for mid, entry in list(metrics.items()):
            standard = catalog.data.metrics.get(mid)
            if standard is not None and entry is None:
                entry = metrics[mid] = {}  # `mediation_cases:` left empty: a value to fill
            if standard is None or not isinstance(entry, dict):
                continue
            for key in _INHERITED:
                inherited = getattr(standard, key)
                if key not in entry and inherited is not None:
                    entry[key] = list(inherited) if isinstance(inherited, tuple) else inherited
    return catalog
