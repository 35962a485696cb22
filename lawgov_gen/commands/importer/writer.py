"""The imported report as a commented data file: block scalars for text, one flow mapping
per metric, and the old part headings beside the parts they became."""

from __future__ import annotations

from typing import Any

from lawgov_gen.data import yaml_writer as yw
from lawgov_gen.statute import PARTS

_REPORT_ORDER = (
    "org", "short", "level", "year", "date", "to", "doc_number", "index_number", "title",
    "note", "attachments", "cc",
)  # fmt: skip
_FLOW_LISTS = ("to", "attachments", "cc")


def _item(entry: dict[str, Any]) -> yw.Doc:
    out = yw.mapping()
    for key in ("title", "text", "points_style"):
        if key in entry:
            out[key] = yw.text(entry[key]) if key == "text" else entry[key]
    if entry.get("points"):
        out["points"] = yw.block_list(
            yw.mapping((k, yw.text(v) if k == "text" else v) for k, v in p.items())
            for p in entry["points"]
        )
    if entry.get("items"):
        out["items"] = yw.block_list(_item(e) for e in entry["items"])
    return out


def _entry(entry: dict[str, Any]) -> yw.Doc:
    if "title" in entry or "points" in entry or "items" in entry:
        return _item(entry)
    return yw.mapping((k, yw.text(v) if k == "text" else v) for k, v in entry.items())


def imported_document(tree: dict[str, Any], headings: dict[str, list[str]], source: str) -> yw.Doc:
    """The data file for an imported report."""
    doc = yw.mapping([("version", 1)])
    yw.header(
        doc,
        f"由 lawgov-gen import 从“{source}”导入。请运行 lawgov-gen check 核对，再 lawgov-gen render 生成。\n"
        "编号（一、（一）1. 一是）由程序生成，原文中的编号已去掉；各部分按法定标题重新命名，原标题写在注释中。",
    )
    report_in = tree.get("report", {})
    report = yw.mapping()
    for key in _REPORT_ORDER:
        if key not in report_in:
            continue
        value = report_in[key]
        report[key] = yw.flow_list(value) if key in _FLOW_LISTS else value
    if "date" not in report_in:
        report["date"] = None
        yw.comment_after(report, "date", "原文中没有找到成文日期：请填写，如 2025-02-20")
    doc["report"] = report
    if tree.get("intro"):
        doc["intro"] = yw.text(tree["intro"])
    if tree.get("metrics"):
        doc["metrics"] = yw.mapping((mid, yw.flow(m)) for mid, m in tree["metrics"].items())
    for part in PARTS:
        if part.key not in tree:
            continue
        value = tree[part.key]
        if part.key == "problems":
            node = yw.mapping()
            if value.get("intro"):
                node["intro"] = yw.text(value["intro"])
            for key in ("shortcomings", "causes"):
                if value.get(key):
                    node[key] = yw.block_list(_entry(e) for e in value[key])
            doc["problems"] = node
        else:
            doc[part.key] = yw.block_list(_entry(e) for e in value)
        old = headings.get(part.key)
        if old:
            yw.comment_after(doc, part.key, "原标题：" + "；".join(old))
    return doc
