"""One file to a mapping with positions, and a mapping to a validated model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from lawgov_gen.data.paths import display_name
from lawgov_gen.data.reading import parse_yaml, read_text
from lawgov_gen.data.schema_messages import validation_diagnostics
from lawgov_gen.data.source_map import SourceFile, SourceMap
from lawgov_gen.diagnostics import Diagnostic


def parse_file(path: Path, diags: list[Diagnostic]) -> tuple[dict[str, Any] | None, SourceMap]:
    """One YAML file as a mapping with its positions; problems appended to `diags`."""
    name = display_name(path)
    text, problems = read_text(path, name)
    diags.extend(problems)
    source = SourceFile(name, path, text or "")
    if text is None:
        return None, SourceMap(root=source)
    data, positions, key_positions, problems = parse_yaml(source)
    diags.extend(problems)
    local = SourceMap(positions, key_positions, source)
    if data is None:
        return None, local
    if not isinstance(data, dict):
        diags.append(Diagnostic(name, 1, 1, "error", "SCHEMA", "文件顶层应为“键: 值”映射"))
        return None, local
    return data, local


def validate(model: type[BaseModel], tree: Any, sources: SourceMap, diags: list[Diagnostic]) -> Any:
    """The validated model, or None with the translated problems appended to `diags`."""
    try:
        return model.model_validate(tree)
    except ValidationError as exc:
        diags.extend(validation_diagnostics(exc, sources, model))
        return None
