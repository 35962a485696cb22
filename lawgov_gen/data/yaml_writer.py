"""Write data files with a real YAML emitter (ruamel.yaml): block scalars for text, flow
mappings for metrics, and comments. Everything the tool writes as YAML goes through here,
so any text (a name with #, :, quotes or braces) comes back exactly as it went in."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

Doc = CommentedMap


def mapping(items: Iterable[tuple[str, Any]] = ()) -> CommentedMap:
    """A block mapping, keys in the given order."""
    return CommentedMap(list(items))


def flow(items: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> CommentedMap:
    """A one-line mapping: {label: 调解矛盾纠纷, value: 130, unit: 起}."""
    pairs = items.items() if isinstance(items, Mapping) else items
    out = CommentedMap([(k, flow_list(v) if isinstance(v, list) else v) for k, v in pairs])
    out.fa.set_flow_style()
    return out


def flow_list(values: Iterable[Any]) -> CommentedSeq:
    """A one-line list: [中共示例县委员会, 示例县人民政府]."""
    out = CommentedSeq(list(values))
    out.fa.set_flow_style()
    return out


def block_list(values: Iterable[Any]) -> CommentedSeq:
    """A list with one `- ` entry per line."""
    return CommentedSeq(list(values))


def text(value: str) -> str:
    """A text value: a literal block scalar (|) when it has several lines, else plain."""
    if "\n" in value.strip("\n"):
        block: str = LiteralScalarString(value.rstrip("\n") + "\n")
        return block
    return value


def _one_line(comment: str) -> str:
    return comment.replace("\n", " ").replace("\r", " ")


def comment_before(node: CommentedMap, key: str, comment: str, indent: int = 0) -> None:
    """Comment lines above a key (each line of `comment` becomes one `# ` line)."""
    lines = "\n".join(_one_line(line) for line in comment.split("\n"))
    node.yaml_set_comment_before_after_key(key, before=lines, indent=indent)


def comment_after(node: CommentedMap, key: str, comment: str) -> None:
    """A comment at the end of a key's line."""
    node.yaml_add_eol_comment(_one_line(comment), key, column=0)


def header(node: CommentedMap, comment: str) -> None:
    """Comment lines at the top of the file."""
    node.yaml_set_start_comment("\n".join(_one_line(line) for line in comment.split("\n")))


def dump(doc: CommentedMap) -> str:
    """The document as YAML text (UTF-8, no line wrapping)."""
    yaml = YAML()
    yaml.width = 100_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()
