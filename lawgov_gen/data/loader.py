"""Load a data file (and its includes) into a validated ReportData with positions."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lawgov_gen.data.model import ReportData
from lawgov_gen.data.reading import KeyPath, SourceFile, SourceMap, parse_yaml, read_text
from lawgov_gen.data.schema_messages import validation_diagnostics
from lawgov_gen.diagnostics import Diagnostic
from lawgov_gen.errors import DataError

MAX_INCLUDE_DEPTH = 8
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_MERGEABLE = ("report", "metrics")


@dataclass
class Loaded:
    """A validated report, where each value came from, and last year's report if named."""

    data: ReportData
    sources: SourceMap
    previous: Loaded | None = None


def display_name(path: Path) -> str:
    """The name of a file in messages: relative to the current directory when inside it,
    as the user wrote it when given relative (../2023/a.yaml), else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return os.path.relpath(path) if not path.is_absolute() else str(path)


def resolve_reference(ref: str, base: Path) -> tuple[Path | None, str | None]:
    """Resolve an `include`/`previous` path; return (path, None) or (None, reason)."""
    if _URL.match(ref) or ref.startswith("//"):
        return None, "不能引用网址，只能引用本地文件"
    if Path(ref).is_absolute() or re.match(r"^[A-Za-z]:[\\/]", ref):
        return None, "不能用绝对路径：请写相对于本文件的路径"
    target = (base.parent / ref).resolve()
    allowed = [base.parent.resolve(), Path.cwd().resolve()]
    if not any(target == root or root in target.parents for root in allowed):
        return None, "路径超出了本文件所在文件夹和当前目录"
    if not target.is_file():
        return None, "文件不存在"
    return target, None


def _read_tree(
    path: Path, sources: SourceMap, diags: list[Diagnostic], seen: tuple[Path, ...]
) -> dict[str, Any] | None:
    """Parse one file and, recursively, its includes into one merged mapping."""
    source_text, problems = read_text(path, display_name(path))
    diags.extend(problems)
    if source_text is None:
        return None
    source = SourceFile(display_name(path), path, source_text)
    if sources.root is None:
        sources.root = source
    data, positions, key_positions, problems = parse_yaml(source)
    diags.extend(problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        diags.append(Diagnostic(source.name, 1, 1, "error", "SCHEMA", "文件顶层应为“键: 值”映射"))
        return None
    local = SourceMap(positions, key_positions, source)
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
        sub = _read_tree(target, sub_sources, diags, (*seen, target))
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
                _copy_positions(new_sources, sources, (key, sub_key))
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
        _copy_positions(new_sources, sources, (key,))


def _copy_positions(src: SourceMap, dst: SourceMap, prefix: KeyPath) -> None:
    n = len(prefix)
    for table_src, table_dst in (
        (src.positions, dst.positions),
        (src.key_positions, dst.key_positions),
    ):
        for path, pos in table_src.items():
            if path[:n] == prefix:
                table_dst[path] = pos
    if prefix[:1] and (prefix[0],) in src.positions and (prefix[0],) not in dst.positions:
        dst.positions[(prefix[0],)] = src.positions[(prefix[0],)]


def load(path: Path, *, with_previous: bool = True) -> Loaded:
    """Read, merge and validate a data file; raise DataError with every problem found."""
    sources = SourceMap()
    diags: list[Diagnostic] = []
    tree = _read_tree(path, sources, diags, (path.resolve(),))
    if sources.root is None:
        sources.root = SourceFile(display_name(path), path, "")
    if tree is None:
        raise DataError(diags)
    try:
        data = ReportData.model_validate(tree)
    except ValidationError as exc:
        raise DataError([*diags, *validation_diagnostics(exc, sources)]) from None
    if diags:
        raise DataError(diags)
    previous = None
    if with_previous and data.previous is not None:
        previous = _load_previous(data, path.resolve(), sources)
    return Loaded(data, sources, previous)


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
