"""Load a data file (its includes, last year's file, its catalogue and font files) into a
validated ReportData with positions. Every problem is collected before DataError is raised."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgov_gen.data.catalog import LoadedCatalog, apply_catalog
from lawgov_gen.data.model import ReportData
from lawgov_gen.data.paths import display_name, real_path, resolve_reference
from lawgov_gen.data.source_map import KeyPath, SourceFile, SourceMap
from lawgov_gen.data.validation import parse_file, validate
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import DataError

__all__ = ["Loaded", "LoadedCatalog", "display_name", "load", "resolve_reference"]

MAX_INCLUDE_DEPTH = 8
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
_FONT_MAGIC = (b"\x00\x01\x00\x00", b"OTTO", b"ttcf", b"true", b"typ1")
_MERGEABLE = ("report", "metrics")


@dataclass
class Loaded:
    """A validated report, where each value came from, and what it refers to."""

    data: ReportData
    sources: SourceMap
    previous: Loaded | None = None
    catalog: LoadedCatalog | None = None
    font_files: dict[str, Path] = field(default_factory=dict)
    files: tuple[Path, ...] = ()  # every file read: the data file, includes, previous, catalogue

    @property
    def path(self) -> Path:
        assert self.sources.root is not None
        return self.sources.root.path


def _read_tree(
    path: Path,
    sources: SourceMap,
    diags: list[Diagnostic],
    seen: tuple[Path, ...],
    files: list[Path],
) -> dict[str, Any] | None:
    """Parse one file and, recursively, its includes into one merged mapping."""
    files.append(path)
    data, local = parse_file(path, diags)
    if sources.root is None:
        sources.root = local.root
    if data is None:
        return None
    merged: dict[str, Any] = {}
    _merge(merged, data, local, sources, diags)
    includes = data.get("include", [])
    if not isinstance(includes, list):
        return merged
    for i, ref in enumerate(includes):
        if not isinstance(ref, str):
            continue
        target, why = resolve_reference(ref, path)
        if target is None:
            diags.append(local.diag(("include", i), "error", "SCHEMA", f"include 的“{ref}”{why}"))
            continue
        if target in seen or len(seen) >= MAX_INCLUDE_DEPTH:
            diags.append(
                local.diag(("include", i), "error", "SCHEMA", f"“{ref}”循环引用或嵌套过深")
            )
            continue
        sub_sources = SourceMap()
        sub = _read_tree(target, sub_sources, diags, (*seen, target), files)
        if sub is not None:
            sub.pop("include", None)
            _merge(merged, sub, sub_sources, sources, diags)
    return merged


def _merge(
    into: dict[str, Any],
    new: dict[str, Any],
    new_sources: SourceMap,
    sources: SourceMap,
    diags: list[Diagnostic],
) -> None:
    """Merge a file's top level into the report: report/metrics by key, parts whole."""
    taken: set[KeyPath] = set()  # report/metrics entries merged: their positions copied at once
    for key, value in new.items():
        if key in _MERGEABLE and isinstance(value, dict) and isinstance(into.get(key), dict):
            for sub_key, sub_value in value.items():
                if sub_key in into[key]:
                    first = sources.at((key, sub_key))
                    where = f"{first.source.name}:{first.line}" if first else "别处"
                    diags.append(
                        new_sources.diag(
                            (key, sub_key),
                            "error",
                            "SCHEMA",
                            f"{key}.{sub_key} 已在 {where} 定义过：每项只能定义一次",
                            key=True,
                        )
                    )
                    continue
                into[key][sub_key] = sub_value
                taken.add((key, sub_key))
            continue
        if key in into:
            first = sources.at((key,), key=True)
            where = f"{first.source.name}:{first.line}" if first else "别处"
            diags.append(
                new_sources.diag(
                    (key,),
                    "error",
                    "SCHEMA",
                    f"“{key}”已在 {where} 定义过：每部分只能写在一个文件里",
                    key=True,
                )
            )
            continue
        into[key] = value
        _copy_positions(new_sources, sources, {(key,)})
    _copy_positions(new_sources, sources, taken)


def _copy_positions(src: SourceMap, dst: SourceMap, prefixes: set[KeyPath]) -> None:
    """Copy the positions under each prefix (all of one length): one pass over the file's
    positions, however many prefixes (a pass per metric was quadratic)."""
    if not prefixes:
        return
    n = len(next(iter(prefixes)))
    for table_src, table_dst in (
        (src.positions, dst.positions),
        (src.key_positions, dst.key_positions),
    ):
        for path, pos in table_src.items():
            if path[:n] in prefixes:
                table_dst[path] = pos
    for top in {prefix[:1] for prefix in prefixes}:
        if top and top in src.positions and top not in dst.positions:
            dst.positions[top] = src.positions[top]


def _font_files(
    data: ReportData, path: Path, sources: SourceMap, diags: list[Diagnostic]
) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for role, ref in data.report.fonts.files.model_dump(exclude_none=True).items():
        where = ("report", "fonts", "files", role)
        if Path(ref).suffix.lower() not in FONT_SUFFIXES:
            diags.append(
                sources.diag(
                    where, "error", "SCHEMA", f"“{ref}”不是字体文件：应为 .ttf、.otf 或 .ttc"
                )
            )
            continue
        target, why = resolve_reference(ref, path)
        if target is None:
            if why == "文件不存在":
                why = "不存在（相对于数据文件所在的文件夹）"
            diags.append(sources.diag(where, "error", "SCHEMA", f"字体文件“{ref}”{why}"))
            continue
        try:
            with open(target, "rb") as fh:
                magic = fh.read(4)
        except OSError:
            magic = b""
        if magic not in _FONT_MAGIC:
            diags.append(
                sources.diag(
                    where,
                    "error",
                    "SCHEMA",
                    f"“{ref}”不是有效的字体文件（已损坏，或只是改了扩展名）",
                )
            )
            continue
        out[role] = target
    return out


def load(path: Path, *, with_previous: bool = True) -> Loaded:
    """Read, merge and validate a data file; raise DataError with every problem found."""
    sources = SourceMap()
    diags: list[Diagnostic] = []
    files: list[Path] = []
    tree = _read_tree(path, sources, diags, (real_path(path),), files)
    if sources.root is None:
        sources.root = SourceFile(display_name(path), path, "")
    if tree is None:
        raise DataError(diags)
    catalog = apply_catalog(tree, path, sources, diags)
    if catalog is not None:
        files.append(catalog.path)
    data = validate(ReportData, tree, sources, diags)
    if data is None or diags:
        raise DataError(diags)
    font_files = _font_files(data, path, sources, diags)
    if diags:
        raise DataError(diags)
    previous = None
    if with_previous and data.previous is not None:
        previous = _load_previous(data, real_path(path), sources)
        files.extend(previous.files)
    return Loaded(data, sources, previous, catalog, font_files, tuple(files))


def _load_previous(data: ReportData, path: Path, sources: SourceMap) -> Loaded:
    assert data.previous is not None
    target, why = resolve_reference(data.previous, path)
    if target is None:
        raise DataError(
            [sources.diag(("previous",), "error", "SCHEMA", f"previous 的“{data.previous}”{why}")]
        )
    try:
        prev = load(target, with_previous=False)
    except DataError as exc:
        note = sources.diag(("previous",), "error", "SCHEMA", "上一年度的数据文件有错误（见上）")
        raise DataError([*exc.diagnostics, note]) from None
    if prev.data.report.year != data.report.year - 1:
        raise DataError(
            [
                sources.diag(
                    ("previous",),
                    "error",
                    "SCHEMA",
                    f"previous 指向 {prev.data.report.year} 年的报告，应为上一年度 {data.report.year - 1} 年",
                )
            ]
        )
    return prev
