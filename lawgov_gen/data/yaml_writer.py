"""Write data files with a real YAML emitter (ruamel.yaml): block scalars for text, flow
mappings for metrics, and comments. Everything the tool writes as YAML goes through here,
so any text (a name with #, :, quotes or braces) comes back exactly as it went in."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString

from lawgov_gen.statute import PARTS

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


def set_header(node: CommentedMap, comment: str) -> None:
    """Comment lines at the top of the file."""
    node.yaml_set_start_comment("\n".join(_one_line(line) for line in comment.split("\n")))


_STR_TAG = "tag:yaml.org,2002:str"
_PYYAML = pyyaml.resolver.Resolver()


def _represent_str(representer: RoundTripRepresenter, value: str) -> Any:
    # ruamel writes YAML 1.2, where yes, on, 0o7, 1_000 and 12:30 are text; the loader
    # (PyYAML, YAML 1.1) reads them as booleans and numbers: quote what it would not read as text
    tag = _PYYAML.resolve(pyyaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag != _STR_TAG:
        return representer.represent_scalar(_STR_TAG, value, style="'")
    return representer.represent_str(value)


def dump(doc: CommentedMap) -> str:
    """The document as YAML text (UTF-8, no line wrapping); every string reads back as
    that string under PyYAML's YAML 1.1 rules (`yes`, `null`, `2024-01-01` are quoted)."""
    yaml = YAML()
    yaml.representer.add_representer(str, _represent_str)
    yaml.width = 100_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


_REPORT_ORDER = (
    "org", "short", "level", "year", "date", "to", "doc_number", "index_number", "publisher",
    "publish_date", "subject", "title", "note", "attachments", "cc",
)  # fmt: skip
_FLOW_LISTS = ("to", "attachments", "cc")


def _item(entry: dict[str, Any]) -> Doc:
    out = mapping()
    for key in ("title", "text", "points_style"):
        if key in entry:
            out[key] = text(entry[key]) if key == "text" else entry[key]
    if entry.get("points"):
        out["points"] = block_list(
            mapping((k, text(v) if k == "text" else v) for k, v in p.items())
            for p in entry["points"]
        )
    if entry.get("items"):
        out["items"] = block_list(_item(e) for e in entry["items"])
    return out


def _entry(entry: dict[str, Any]) -> Doc:
    if "title" in entry or "points" in entry or "items" in entry:
        return _item(entry)
    return mapping((k, text(v) if k == "text" else v) for k, v in entry.items())


def report_document(
    tree: dict[str, Any],
    *,
    header: str,
    part_comments: dict[str, str] | None = None,
    missing: dict[str, str] | None = None,
) -> Doc:
    """A whole data file from plain data (as the model holds it): block scalars for text,
    one line per metric, a header comment, a comment beside each part, and `key: null`
    with a comment for each report value still to fill (`missing`)."""
    doc = mapping([("version", 1)])
    set_header(doc, header)
    for key in ("include", "previous"):
        if tree.get(key):
            doc[key] = tree[key]
    report_in = tree.get("report", {})
    report = mapping()
    for key in _REPORT_ORDER:
        if key in report_in:
            value = report_in[key]
            report[key] = flow_list(value) if key in _FLOW_LISTS else value
        elif key in (missing or {}):
            report[key] = None
            comment_after(report, key, (missing or {})[key])
    for key, value in report_in.items():
        if key not in report:
            report[key] = value
    doc["report"] = report
    if tree.get("intro"):
        doc["intro"] = text(tree["intro"])
    if tree.get("metrics"):
        doc["metrics"] = mapping((mid, flow(m)) for mid, m in tree["metrics"].items())
    for part in PARTS:
        if part.key not in tree:
            continue
        value = tree[part.key]
        if part.key == "problems":
            node = mapping()
            if value.get("intro"):
                node["intro"] = text(value["intro"])
            for key in ("shortcomings", "causes"):
                if value.get(key):
                    node[key] = block_list(_entry(e) for e in value[key])
            doc["problems"] = node
        else:
            doc[part.key] = block_list(_entry(e) for e in value)
        comment = (part_comments or {}).get(part.key)
        if comment:
            comment_after(doc, part.key, comment)
    if tree.get("court"):
        doc["court"] = mapping(tree["court"].items())
    return doc
