"""`lawgov-gen init NEW --from OLD.yaml`: next year's data file from this year's, as a draft.

Structure, titles and text stay (to be rewritten); year + 1 and `previous: OLD`; every
figure of this year is emptied, and so are the date and the 文号, so that `check` names
each one until the clerk has filled it: nothing of last year goes out by mistake.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lawgov_gen.commands.editor_schema import write_data_file
from lawgov_gen.commands.starter import check_new_file
from lawgov_gen.data import yaml_writer as yw
from lawgov_gen.data.court import COURT_KEYS
from lawgov_gen.data.loader import load
from lawgov_gen.errors import LawgovError


def _relative(target: Path, folder: Path) -> str:
    return Path(os.path.relpath(target.resolve(), folder.resolve())).as_posix()


def next_year_tree(old: Path, new: Path) -> dict[str, Any]:
    """The plain data of next year's draft."""
    loaded = load(old, with_previous=False)
    data = loaded.data
    tree: dict[str, Any] = data.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    tree.pop("include", None)  # what the old file included is written out in full
    tree.pop("version", None)
    tree["previous"] = _relative(old, new.parent)
    report = tree["report"]
    year = data.report.year + 1
    report["year"] = year
    for key in ("date", "doc_number", "index_number", "publish_date"):
        report.pop(key, None)
    if "title" in report:
        report["title"] = report["title"].replace(f"{year - 1}年", f"{year}年")
    if "attachments" in report:  # named for the year, as the title is
        report["attachments"] = [
            a.replace(f"{year - 1}年", f"{year}年") for a in report["attachments"]
        ]
    if "catalog" in report and loaded.catalog is not None:
        report["catalog"] = _relative(loaded.catalog.path, new.parent)
    for metric in tree.get("metrics", {}).values():
        metric.pop("prev", None)  # filled from `previous`
        metric.pop("left_out", None)  # last year's 合计 left them out, not this year's
        if "rate" not in metric:
            metric["value"] = None
    if "court" in tree or data.court is not None:
        tree["court"] = dict.fromkeys(COURT_KEYS)
    return tree


def write_next_year(old: Path, new: Path, force: bool) -> tuple[Path, Path | None]:
    """Write next year's draft (and the editor's schema file when there is none); refuse to
    overwrite unless `force`."""
    check_new_file(new, force)
    if new.resolve() == old.resolve():
        raise LawgovError(
            "NEW 与 OLD 是同一个文件：下一年的草稿不能覆盖今年的数据，请换一个文件名", path=new
        )
    tree = next_year_tree(old, new)
    if tree["report"]["year"] > 2100:
        raise LawgovError("下一年度超过 2100 年：请检查 OLD 的 report.year", path=old)
    year = tree["report"]["year"]
    doc = yw.report_document(
        tree,
        header=f"{year}年报告的草稿，由 lawgov-gen init --from {old.name} 生成：标题和文字是上一年的，请逐段改写。\n"
        "本年的数字都已清空（value: null），请逐个填写；上年数值从 previous 文件自动取得。\n"
        "成文日期、发文字号请填写；lawgov-gen check 会指出每一个还没有填写的地方。",
        missing={"date": "成文日期：请填写，如 " + f"{year + 1}-02-20"},
    )
    return new, write_data_file(new, yw.dump(doc))
