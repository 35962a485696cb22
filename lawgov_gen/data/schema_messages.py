"""Pydantic validation errors as positioned, Chinese, actionable diagnostics."""

from __future__ import annotations

import difflib
import unicodedata
from typing import Any

from pydantic import BaseModel, ValidationError

from lawgov_gen.data.model import ReportData
from lawgov_gen.data.reading import Unreadable
from lawgov_gen.data.source_map import KeyPath, SourceMap
from lawgov_gen.data.yaml_messages import hint_for_line
from lawgov_gen.diagnostics import Diagnostic

_TYPE_WORDS = {
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表（每项以“- ”开头）",
    "tuple_type": "应为两项的列表，如 [分子id, 分母id]",
    "dict_type": "应为“键: 值”映射",
    "model_type": "应为“键: 值”映射",
    "model_attributes_type": "应为“键: 值”映射",
    "date_type": "应为日期，格式如 2025-02-26",
    "date_parsing": "应为日期，格式如 2025-02-26",
    "date_from_datetime_inexact": "应为日期（不含时间），格式如 2025-02-26",
    "date_from_datetime_parsing": "应为日期，格式如 2025-02-26",
    "datetime_from_date_parsing": "应为日期，格式如 2025-02-26",
    "string_pattern_mismatch": "只能由英文字母、数字和下划线组成，且以字母开头",
    "figure_type": "应为数字",
    "union_tag_invalid": "的写法不对",
    "union_tag_not_found": "的写法不对",
}
# Tags pydantic puts into error locations for the members of a union.
_UNION_TAGS = {"int", "float", "bool", "str", "list[str]", "point", "item", "function-before"}


def shown_value(value: Any) -> str:
    """A YAML value as the clerk wrote it (null, true, …), never Python's None or True."""
    if value is None:
        return "空值"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def key_path_name(loc: KeyPath) -> str:
    """measures[0].title: a key path as written in messages."""
    return ".".join(str(x) if isinstance(x, str) else f"[{x}]" for x in loc).replace(".[", "[")


def validation_diagnostics(
    exc: ValidationError, sources: SourceMap, model: type[BaseModel] = ReportData
) -> list[Diagnostic]:
    """Translate pydantic errors into positioned, Chinese, actionable diagnostics."""
    out: list[Diagnostic] = []
    seen: set[KeyPath] = set()
    for error in exc.errors():
        if isinstance(error.get("input"), Unreadable):
            continue  # the reader already said what is wrong with this value
        loc = _data_path(error["loc"], sources)
        if loc in seen:
            continue
        seen.add(loc)
        name = key_path_name(loc)
        kind = error["type"]
        ctx = error.get("ctx", {}) or {}
        if kind == "extra_forbidden":
            key = str(loc[-1])
            parent = _model_at(model, loc[:-1])
            choices = list(parent.model_fields) if parent else []
            near = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
            hint = f"是否想写“{near[0]}”？" if near else f"可用的键：{'、'.join(choices)}"
            cause = _invisible_cause(sources, loc)
            message = f"未知的键“{name}”：{cause or hint}"
            out.append(sources.diag(loc, "error", "SCHEMA", message, key=True))
            continue
        if kind == "missing":
            out.append(sources.diag(loc[:-1], "error", "SCHEMA", f"缺少必填项“{name}”：请补上"))
            continue
        if kind == "literal_error":
            msg = f"“{name}”只能是 {ctx.get('expected', '')}"
        elif kind in ("too_short", "string_too_short"):
            msg = f"“{name}”不能为空"
        elif kind in ("too_long", "string_too_long"):
            what = "项" if isinstance(error.get("input"), (list, tuple)) else "个字符"
            msg = f"“{name}”太长（最多 {ctx.get('max_length')} {what}）"
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            bound = next(iter(ctx.values()), "")
            word = "不能小于" if kind.startswith("greater") else "不能大于"
            msg = f"“{name}”{word} {bound}"
        elif kind in _TYPE_WORDS and error.get("input") is None:
            msg = f"“{name}”还没有填写：{_TYPE_WORDS[kind].removeprefix('应为')}"
        elif kind in _TYPE_WORDS:
            got = error.get("input")
            shown = (
                f"，现在是“{shown_value(got)}”"
                if (got is None or isinstance(got, (str, int, float)))
                and len(shown_value(got)) < 30
                else ""
            )
            msg = f"“{name}”{_TYPE_WORDS[kind]}{shown}"
        elif kind == "value_error":
            msg = f"“{name}”：{error['msg'].removeprefix('Value error, ')}"
        elif kind.startswith(("figure_", "untitled_", "text_", "font_", "id_")):  # the model's own
            msg = f"“{name}”{error['msg']}"
        else:
            msg = f"“{name}”的值不正确"
        on_key = error["loc"][-1] == "[key]"  # a mapping's key is wrong: point at the key
        out.append(sources.diag(loc, "error", "SCHEMA", msg, key=on_key))
    return out


def _invisible_cause(sources: SourceMap, loc: KeyPath) -> str:
    """Why a key that looks right is unknown: full-width indentation, a comma in {…}."""
    pos = sources.key_positions.get(loc)
    if pos is None:
        return ""
    cause = hint_for_line(pos.source.text, pos.start).removeprefix("。原因：")
    key = loc[-1] if loc and isinstance(loc[-1], str) else ""
    hidden = [c for c in key if c != " " and unicodedata.category(c) in ("Cf", "Cc", "Zs")]
    if not cause and hidden:
        cause = (
            f"键名中有看不见的字符 U+{ord(hidden[0]):04X}，多是从网页或 Word 复制来的："
            "请删除它，或重新输入这个键"
        )
    return cause


def _data_path(loc: tuple[Any, ...], sources: SourceMap) -> KeyPath:
    """pydantic's location without the union tags it adds, keeping every key the data
    really has (a key may be written `a[0]` or `int`, like a tag)."""
    path: KeyPath = ()
    for x in loc:
        here = (*path, x)
        known = here in sources.positions or here in sources.key_positions
        if known or isinstance(x, int) or not _is_union_tag(x):
            path = here
    return path


def _is_union_tag(x: Any) -> bool:
    return isinstance(x, str) and (x in _UNION_TAGS or "[" in x)


def _model_at(model: type[BaseModel], loc: KeyPath) -> type[BaseModel] | None:
    """The pydantic model class that sits at a location (for key suggestions)."""
    current: Any = model
    skip = False
    for part in loc:
        if isinstance(part, int) or skip:
            skip = False
            continue
        if current is None or not hasattr(current, "model_fields"):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        # a dict of models (metrics) is keyed by user ids: skip that level
        skip = getattr(field.annotation, "__origin__", None) is dict
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap list[X], dict[K, X], X | None, Annotated[X, …] to the model class X."""
    for arg in getattr(annotation, "__args__", ()) or ():
        inner = _inner_model(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and isinstance(origin, type) and issubclass(origin, BaseModel):
        return origin
    return annotation
