"""The imported report as a commented data file, with the old part headings beside the
parts they became."""

from __future__ import annotations

from typing import Any

from lawgov_gen.data import yaml_writer as yw

LEVEL_UNKNOWN = "看不出报告级别：请填写 township（乡镇、街道）、county（县、区、市人民政府）或 department（部门）"


def imported_document(tree: dict[str, Any], headings: dict[str, list[str]], source: str) -> yw.Doc:
    """The data file for an imported report."""
    return yw.report_document(
        tree,
        header=f"由 lawgov-gen import 从“{source}”导入。请运行 lawgov-gen check 核对，再 lawgov-gen render 生成。\n"
        "编号（一、（一）1. 一是）由程序生成，原文中的编号已去掉；各部分按法定标题重新命名，原标题写在注释中。",
        part_comments={key: "原标题：" + "；".join(old) for key, old in headings.items()},
        missing={
            "org": "原文中没有找到落款（发文机关署名）：请填写，如 示例县示例镇人民政府",
            "short": "请填写发文机关简称，如 示例镇",
            "level": LEVEL_UNKNOWN,
            "date": "原文中没有找到成文日期：请填写，如 2025-02-20",
        },
    )
