"""`lawgov-gen import OLD -o NEW.yaml`: read, segment, tidy, write, and say what was done."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgov_gen.checks.writing import half_width_marks
from lawgov_gen.commands.importer import limits
from lawgov_gen.commands.importer.document_reader import read_document
from lawgov_gen.commands.importer.front import split_front
from lawgov_gen.commands.importer.paragraphs import ImportProblem
from lawgov_gen.commands.importer.segmenter import segment
from lawgov_gen.commands.importer.writer import LEVEL_UNKNOWN, imported_document
from lawgov_gen.commands.starter import check_new_file
from lawgov_gen.data import yaml_writer as yw
from lawgov_gen.data.reading import MAX_BYTES, MAX_NODES, parse_yaml, value_count
from lawgov_gen.data.source_map import KeyPath, SourceFile
from lawgov_gen.output import write_atomic
from lawgov_gen.statute import PART_BY_KEY

TIDY_MARKS = "半角引号、省略号等改为全角"
MB = 1024 * 1024


@dataclass
class Imported:
    """What `import` wrote and the lines of its summary."""

    path: Path
    summary: list[str] = field(default_factory=list)


# The level an org's name says: 乡镇、街道 → township; a 县/区/市/旗 government → county; a
# bureau, commission or office of a government → department. Anything else is left to the
# clerk (a province, a party committee, a court): a guess would set the wrong deadline (D2).
_LEVELS = (
    ("township", re.compile(r"(?:镇|乡|街道|苏木)(?:人民政府|政府|办事处|党委)?$")),
    ("county", re.compile(r"(?:县|区|市|旗)(?:人民政府|政府)$")),
    (
        "department",
        re.compile(
            r"^(?!中共).*(?:[省县区市旗州]|政府)[\u4e00-\u9fff]{0,20}"
            r"(?:厅|局|委员会|委|办公室|办|中心|管理处)$"
        ),
    ),
)


def level_of(org: str) -> str | None:
    """The report's level as its org's name says it, or None when the name does not say."""
    for level, pattern in _LEVELS:
        if org and pattern.search(org):
            return level
    return None


def tidy(text: str, counts: Counter[str]) -> str:
    """Half-width marks next to Chinese in their full-width form (as F1 asks), and a literal
    `{{` written the way the data format prints it. Words never change."""
    marks = half_width_marks(text)
    for index, mark, fix in reversed(marks):
        if mark.startswith("<"):
            # a title inside a title is marked 〈〉 (《大连市贯彻落实〈纲要〉方案》)
            inside = text.count("《", 0, index) > text.count("》", 0, index)
            fix = f"〈{mark[1:-1]}〉" if inside else f"《{mark[1:-1]}》"
        text = text[:index] + fix + text[index + len(mark) :]
    if marks:
        counts[TIDY_MARKS] += len(marks)
    return text.replace("{{", "{{ '{{' }}")


def _tidy_tree(node: Any, counts: Counter[str]) -> Any:
    if isinstance(node, str):
        return tidy(node, counts)
    if isinstance(node, list):
        return [_tidy_tree(v, counts) for v in node]
    if isinstance(node, dict):
        return {
            k: v if k in ("date", "year", "level") else _tidy_tree(v, counts)
            for k, v in node.items()
        }
    return node


def import_report(old: Path, new: Path, *, metrics: bool = False, force: bool = False) -> Imported:
    """Import last year's report from `old` into the data file `new`."""
    check_new_file(new, force)
    doc = read_document(old)
    front = split_front(doc)
    segmented = segment(front.body)
    report = dict(front.report)
    level = level_of(report.get("org", ""))
    if level is not None:
        report["level"] = level
    counts: Counter[str] = Counter(doc.normalised)
    tree = _tidy_tree({"report": report, **segmented.tree}, counts)
    found_metrics: list[str] = []
    left_as_text: list[str] = []
    if metrics:
        from lawgov_gen.commands.importer.metric_finder import extract_metrics

        extracted = extract_metrics(tree)
        tree = extracted.tree
        found_metrics, left_as_text = extracted.metrics, extracted.left_as_text
    paths = [(_path_to(segmented.tree, node), note) for node, note in segmented.notes]
    paths += _fit_schema(tree)
    if "level" not in report:
        paths.append((("report", "level"), LEVEL_UNKNOWN))
    document = imported_document(tree, segmented.headings, old.name)
    text = yw.dump(document)
    data = text.encode("utf-8")
    _fits_a_data_file(data, document, old)
    write_atomic(new, data)
    out = Imported(new)
    out.summary = _summary(
        tree,
        segmented.headings,
        segmented.counts,
        counts,
        doc.warnings + front.warnings + segmented.warnings,
    )
    out.summary += _located(new, text, paths)
    if metrics:
        out.summary.append(
            f"数字：{len(found_metrics)} 个改写为指标（metrics）"
            + (
                f"，{len(left_as_text)} 个留作文字：{'、'.join(left_as_text[:20])}"
                if left_as_text
                else ""
            )
        )
    return out


# What a report's metadata may hold, by key, in words for the summary; a value read from the
# old report that the data file would refuse (a title over 80 characters, say) is not written.
_OPTIONAL = {
    "title": "标题",
    "doc_number": "发文字号",
    "signature": "署名",
    "note": "附注",
    "to": "主送机关",
    "attachments": "附件说明",
    "cc": "抄送",
    "index_number": "索引号",
}


def _fit_schema(tree: dict[str, Any]) -> list[tuple[KeyPath | None, str]]:
    """Drop the metadata values the model refuses, saying which: what import writes always
    passes its own schema, except the values it found nowhere (org, date) left to fill."""
    from pydantic import ValidationError

    from lawgov_gen.data.model import ReportMeta

    report = tree["report"]
    notes: list[tuple[KeyPath | None, str]] = []
    while True:
        try:
            ReportMeta.model_validate(report)
            return notes
        except ValidationError as exc:
            bad = [str(e["loc"][0]) for e in exc.errors() if e["loc"]]
            bad = [key for key in bad if key in _OPTIONAL and key in report]
            if not bad:
                return notes
            for key in dict.fromkeys(bad):
                value = report.pop(key)
                notes.append(
                    (
                        ("report",),
                        f"原文的{_OPTIONAL[key]}“{value}”不符合数据文件的要求（如长度），未写入："
                        f"请核对后填写 report.{key}",
                    )
                )


def _fits_a_data_file(data: bytes, document: Any, old: Path) -> None:
    """What import writes, check reads: never a file over the data file's limits."""
    if len(data) > MAX_BYTES:
        most = f"{MAX_BYTES // MB} MB" if MAX_BYTES % MB == 0 else f"{MAX_BYTES // 1024} KB"
        raise ImportProblem(
            f"导入的结果有 {-(-len(data) // 1024):,} KB，超过数据文件 {most} 的上限"
            f"（check 不会接受它）：{limits.ADVICE}",
            path=old,
        )
    if value_count(document) > MAX_NODES:
        raise ImportProblem(
            f"导入的结果超过数据文件 {MAX_NODES:,} 个值的上限（check 不会接受它）：{limits.ADVICE}",
            path=old,
        )


def _path_to(node: Any, target: object, path: KeyPath = ()) -> KeyPath | None:
    """The key path of `target` (found by identity) inside the plain tree `node`."""
    if node is target:
        return path
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in children:
        found = _path_to(child, target, (*path, key))
        if found is not None:
            return found
    return None


def _located(new: Path, text: str, notes: list[tuple[KeyPath | None, str]]) -> list[str]:
    """Summary lines for what import placed without certainty, each at its line of NEW."""
    _, positions, keys, _ = parse_yaml(SourceFile(str(new), new, text))
    out = []
    for path, note in notes:
        pos = None if path is None else keys.get(path) or positions.get(path)
        where = f"{new}:{pos.line}：" if pos is not None else ""
        out.append(f"请核对：{where}{note}")
    return out


def _summary(
    tree: dict[str, Any],
    headings: dict[str, list[str]],
    structure: Counter[str],
    normalised: Counter[str],
    warnings: list[str],
) -> list[str]:
    report = tree["report"]
    lines = []
    for key, word in (
        ("title", "标题"),
        ("org", "发文机关"),
        ("year", "年度"),
        ("date", "成文日期"),
        ("doc_number", "发文字号"),
    ):
        if key in report:
            lines.append(f"{word}：{report[key]}")
    if "to" in report:
        lines.append(f"主送机关：{'、'.join(report['to'])}")
    for key, old in headings.items():
        part = PART_BY_KEY[key]
        lines.append(f"第{part.numeral}部分（{part.label}）← {'；'.join(old)}")
    missing = [p.label for p in PART_BY_KEY.values() if p.key not in headings]
    if missing:
        lines.append(f"原文没有的部分：{'、'.join(missing)}")
    if structure:
        lines.append("识别：" + "，".join(f"{k} {n} 个" for k, n in structure.items()))
    if normalised:
        lines.append("规范化：" + "，".join(f"{k} {n} 处" for k, n in sorted(normalised.items())))
    lines += [f"注意：{w}" for w in warnings]
    if "org" not in report:
        lines.append("注意：原文中没有找到落款（发文机关署名），请在 report.org 中填写")
    if "short" not in report:
        lines.append("注意：没有读出发文机关简称，请在 report.short 中填写")
    if "date" not in report:
        lines.append("注意：原文中没有找到成文日期，请在 report.date 中填写")
    return lines
