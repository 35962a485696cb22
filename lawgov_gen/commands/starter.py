"""`lawgov-gen init`: a complete, commented starter data file that renders as is.

Its sample texts and figures come from checks/placeholders.py, so `check` warns (S8)
until the clerk has replaced every one of them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lawgov_gen.checks.placeholders import PLACEHOLDER_NAME, SAMPLE_METRICS, SAMPLE_TEXTS
from lawgov_gen.commands.editor_schema import write_data_file
from lawgov_gen.content.prose import chinese_date
from lawgov_gen.data import yaml_writer as yw
from lawgov_gen.errors import LawgovError
from lawgov_gen.output import replace_together
from lawgov_gen.render.templates import (
    CSS_FILE,
    HTML_TEMPLATE,
    PUBLIC_CSS,
    PUBLIC_TEMPLATE,
    WORD_TEMPLATE,
    builtin_template_dir,
)
from lawgov_gen.statute import PART_BY_KEY

DATA_SUFFIXES = (".yaml", ".yml")


_HAN = r"[\u3400-\u9fff]"


def default_short(org: str) -> str:
    """示例县示例镇人民政府 → 示例镇; the whole name when its last part is not all Chinese
    characters (“示例县”青禾镇 is not cut inside its quotes)."""
    name = re.sub(r"(人民政府|政府|办事处)$", "", org)
    parts = re.split(r"(?<=[省市县区旗])", name)
    tail = [p for p in parts if p]
    if tail and re.fullmatch(f"{_HAN}+", tail[-1]):
        return tail[-1]
    return name


def default_addressees(org: str) -> list[str]:
    """The county party committee and government above a township: 示例县青禾镇人民政府 →
    中共示例县委员会、示例县人民政府; a placeholder when the county cannot be read."""
    name = re.sub(r"(人民政府|政府)$", "", org)
    m = re.match(f"^({_HAN}+[县区市旗]){_HAN}+?[镇乡街道]", name)
    county = m.group(1) if m else f"{PLACEHOLDER_NAME}县"
    county = re.sub(r"^.+?省", "", county)  # the addressee names the county, not the province
    return [f"中共{county}委员会", f"{county}人民政府"]


def _item(title: str, body: str) -> yw.Doc:
    return yw.mapping([("title", title), ("text", yw.text(body))])


def starter_document(filename: str, org: str, short: str | None, year: int) -> yw.Doc:
    """The starter as a commented YAML document."""
    short = short or default_short(org)
    date = dt.date(year + 1, 2, 20)
    doc = yw.mapping([("version", 1)])
    yw.set_header(
        doc,
        "法治政府建设年度报告数据文件（lawgov-gen 数据格式第 1 版）\n"
        f"填写后运行：lawgov-gen check {filename}    生成：lawgov-gen render {filename} --pdf\n"
        "编号（一、（一）1. 一是）由程序生成，不要手写；数字写在 metrics 中，文字用 {{ m.指标id }} 引用。\n"
        "示例文字和示例数字要全部改成本单位的实际内容，否则 check 会提示（S8）。",
    )
    report = yw.mapping(
        [
            ("org", org),
            ("short", short),
            ("level", "township"),
            ("year", year),
            ("date", date),
            ("to", yw.flow_list(default_addressees(org))),
            ("note", "此件公开发布"),
        ]
    )
    yw.comment_after(report, "org", "发文机关全称，也是默认署名")
    yw.comment_after(report, "short", "简称，用于标题和文字中的 {{ short }}")
    yw.comment_after(report, "level", "township（乡镇）| county（县）| department（部门）")
    yw.comment_after(report, "year", "报告年度")
    yw.comment_after(
        report, "date", f"成文日期，印为 {chinese_date(date)}；乡镇应在次年3月1日前报送"
    )
    yw.comment_after(report, "to", "主送机关（上级党委、政府）")
    yw.comment_after(report, "note", "附注，印为（此件公开发布）")
    yw.comment_before(
        report,
        "note",
        f"doc_number: 示政〔{year + 1}〕1号      # 发文字号：六角括号〔〕，不写“第”，序号不加0\n"
        f"title: {short}{year}年法治政府建设年度报告   # 默认标题即此\n"
        f"attachments: [{year}年主要指标完成情况表]  # 附件说明\n"
        "ignore: [Q5]              # 对本文件关闭的检查规则",
        indent=2,
    )
    doc["report"] = report
    yw.comment_before(
        doc,
        "report",
        f"previous: ../{year - 1}/{filename}     # 上年数据文件：自动填入各指标的上年数值（prev）",
    )
    doc["intro"] = yw.text(SAMPLE_TEXTS["intro"].replace("现将", "\n现将", 1))
    doc["metrics"] = yw.mapping((mid, yw.flow(entry)) for mid, entry in SAMPLE_METRICS.items())
    yw.comment_after(doc, "metrics", "文字引用的每个数字只写在这里一次")
    points = yw.block_list(
        [
            yw.mapping([("lead", "丰富普法形式"), ("text", SAMPLE_TEXTS["point_1"])]),
            yw.mapping([("lead", "化解矛盾纠纷"), ("text", SAMPLE_TEXTS["point_2"])]),
        ]
    )
    third = yw.mapping(
        [("title", "深化法治宣传教育"), ("points_style", "inline"), ("points", points)]
    )
    yw.comment_after(third, "points_style", "inline：一是……二是……连排一段；block：每点一段")
    doc["measures"] = yw.block_list(
        [
            _item("加强组织领导，压实工作责任", SAMPLE_TEXTS["measure_1"]),
            _item("严格规范公正文明执法", SAMPLE_TEXTS["measure_2"]),
            third,
        ]
    )
    yw.comment_after(doc, "measures", PART_BY_KEY["measures"].described)
    problems = yw.mapping(
        [
            (
                "shortcomings",
                yw.block_list(
                    [
                        yw.mapping(
                            [
                                ("lead", "干部法治素养有待提升"),
                                ("text", SAMPLE_TEXTS["shortcoming"]),
                            ]
                        )
                    ]
                ),
            ),
            (
                "causes",
                yw.block_list(
                    [
                        yw.mapping(
                            [("lead", "学法用法机制不够健全"), ("text", SAMPLE_TEXTS["cause"])]
                        )
                    ]
                ),
            ),
        ]
    )
    doc["problems"] = problems
    yw.comment_after(doc, "problems", PART_BY_KEY["problems"].described)
    doc["duties"] = yw.block_list([_item("带头学法述法", SAMPLE_TEXTS["duty"])])
    yw.comment_after(doc, "duties", PART_BY_KEY["duties"].described)
    court = yw.mapping(
        (key, 0)
        for key in ("lawsuits", "head_appearances", "lost", "judgments_due", "judgments_performed")
    )
    doc["court"] = court
    yw.comment_after(doc, "court", "行政应诉（印为第五部分的第一段）")
    doc["plans"] = yw.block_list([_item("持续提升依法行政能力", SAMPLE_TEXTS["plan"])])
    yw.comment_after(doc, "plans", PART_BY_KEY["plans"].described)
    yw.comment_before(
        doc,
        "plans",
        "不写 title 的一项是不编号的段落（不占（一）的编号），如：\n"
        "  - text: 下一年，我们将重点抓好以下工作：\n"
        "第二部分可写开头段落 problems.intro，不足和原因也可写成带 title 的条目",
    )
    doc["other"] = yw.block_list([])
    yw.comment_after(doc, "other", PART_BY_KEY["other"].described)
    return doc


def starter_text(filename: str, org: str, short: str | None, year: int) -> str:
    """The text of a new data file."""
    return yw.dump(starter_document(filename, org, short, year))


def check_new_file(path: Path, force: bool) -> None:
    """A new data file's path: .yaml/.yml, and not overwriting without --force."""
    if path.suffix.lower() not in DATA_SUFFIXES:
        raise LawgovError("数据文件的扩展名应为 .yaml 或 .yml", path=path)
    if path.is_dir():
        raise LawgovError("这是一个文件夹：请给出要新建的 .yaml 文件名", path=path)
    if path.exists() and not force:
        raise LawgovError("文件已存在：如要覆盖，请加 --force", path=path)


def _check_names(org: str, short: str | None) -> None:
    """--org and --short as the data file requires them: names, not blanks or control codes."""
    for option, value, most in (("--org", org, 60), ("--short", short, 30)):
        if value is None:
            continue
        if not value.strip():
            raise LawgovError(f"{option} 不能为空")
        if len(value) > most:
            raise LawgovError(f"{option} 太长（最多 {most} 个字）")
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise LawgovError(f"{option} 中有控制字符：请只写机关名称")
        if "{{" in value or "}}" in value:
            raise LawgovError(
                f"{option} 中有“{{{{”或“}}}}”：机关名称原样印在报告中，不能引用数值，请只写名称"
            )


def write_starter(
    path: Path,
    *,
    org: str,
    short: str | None,
    year: int | None,
    force: bool,
    catalog: Path | None = None,
) -> tuple[Path, Path | None]:
    """Write the starter file (quoting `catalog` when given) and, when there is none, the
    editor's schema file; refuse to overwrite unless `force`."""
    check_new_file(path, force)
    _check_names(org, short)
    year = year or dt.date.today().year - 1
    if catalog is None:
        text = starter_text(path.name, org, short, year)
    else:
        text = catalog_starter_text(path.name, org, short, year, catalog, path)
    return path, write_data_file(path, text)


def export_templates(folder: Path, force: bool) -> list[Path]:
    """Copy the built-in report.docx, report.html, report.css and the 公开版's public.html and
    public.css into `folder` to restyle."""
    builtin = builtin_template_dir()
    names = (WORD_TEMPLATE, HTML_TEMPLATE, CSS_FILE, PUBLIC_TEMPLATE, PUBLIC_CSS)
    targets = [folder / name for name in names]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise LawgovError(
            f"文件已存在：{'、'.join(t.name for t in existing)}：如要覆盖，请加 --force",
            path=folder,
        )
    replace_together([(folder / name, (builtin / name).read_bytes()) for name in names])
    return targets


def catalog_starter_text(
    filename: str, org: str, short: str | None, year: int, catalog: Path, new: Path
) -> str:
    """The starter of a township that quotes the county's catalogue: every indicator of it
    to fill (required ones marked), and sample text quoting them instead of sample figures."""
    import os

    from lawgov_gen.data.catalog import load_catalog

    loaded = load_catalog(catalog)
    doc = starter_document(filename, org, short, year)
    ref = Path(os.path.relpath(catalog.resolve(), new.resolve().parent)).as_posix()
    doc["report"]["catalog"] = ref
    yw.comment_after(doc["report"], "catalog", f"县里下发的指标目录：{loaded.data.catalog.name}")
    metrics = yw.mapping()
    for mid, standard in loaded.data.metrics.items():
        metrics[mid] = None
        unit = "比率，自动计算" if standard.rate else (standard.unit or "无单位")
        need = "必填" if standard.required else "选填"
        if standard.rate:
            del metrics[mid]
            continue
        yw.comment_after(
            metrics, mid, f"{standard.label}（{unit}），{need}：填写数值，如 {mid}: 130"
        )
    doc["metrics"] = metrics
    yw.comment_after(
        doc, "metrics", "指标目录中的指标只写数值；本镇自己的指标照常写 {label, value, unit}"
    )
    counts = [(mid, m.label) for mid, m in loaded.data.metrics.items() if m.rate is None][:3]
    quoted = "，".join(f"{label}{{{{ m.{mid} }}}}" for mid, label in counts)
    measures = doc["measures"]
    measures[1]["text"] = f"全年{quoted}。" if counts else SAMPLE_TEXTS["measure_1"]
    for point, key in zip(measures[2]["points"], ("point_plain_1", "point_plain_2"), strict=True):
        point["text"] = SAMPLE_TEXTS[key]
    return yw.dump(doc)
