"""The JSON Schema of the data file, for editors (yaml-language-server): its titles and
descriptions are the editor's tooltips, so they are in Chinese, from one table."""

from __future__ import annotations

import json
from typing import Any

from lawgov_gen.data.model import DEFAULT_SUBJECT, ReportData
from lawgov_gen.statute import PARTS

_MODELS: dict[str, str] = {
    "ReportData": "法治政府建设年度报告数据文件（lawgov-gen 数据格式第 1 版）",
    "ReportMeta": "报告的基本信息：发文机关、年度、成文日期、主送机关等",
    "PartTitles": "改写各部分的标题（不含“一、”等编号）；改写后仍应包含法定内容",
    "FontNames": "Word 中各角色使用的字体名称",
    "FontFiles": "PDF 使用的自备字体文件（相对于数据文件）",
    "Metric": "一个指标：直接填写的数值（value），或由两个指标计算的比率（rate）",
    "Point": "“一是……二是……”中的一点：引导语和文字",
    "Item": "一个条目（印为（一）、1.、（1）），含文字、要点和下级条目；没有标题时是一段不编号的文字",
    "Problems": "第二部分：存在的不足和原因",
    "Court": "行政应诉和履行法院生效裁判的数字，印为第五部分的第一段；不知道的数字不写",
    "LeftOut": "合计没有计入的一份报告及原因",
    "CatalogValue": "指标目录中的指标：只写数值（value、prev、approx），名称、单位和关系取自目录",
    "Catalog": "指标目录文件：县里下发的标准指标（lawgov-gen 数据格式第 1 版）",
    "CatalogMeta": "指标目录的名称和年度",
    "CatalogMetric": "一个标准指标：名称、单位、与其他指标的关系，以及各乡镇是否必填",
}

_FIELDS: dict[str, str] = {
    "ReportData.version": "数据格式版本，写 1",
    "ReportData.include": "并入的其他数据文件（相对于本文件的路径）",
    "ReportData.previous": "上一年度的数据文件：自动填入各指标的上年数值",
    "ReportData.report": "报告的基本信息",
    "ReportData.intro": "开头段落（第一部分之前）；空一行另起一段",
    "ReportData.metrics": "文字中引用的每个数字，按指标 id",
    "ReportData.court": "行政应诉情况，印为第五部分的第一段",
    "ReportMeta.org": "发文机关全称，也是默认署名",
    "ReportMeta.short": "简称：用于默认标题和文字中的 {{ short }}",
    "ReportMeta.level": "级别：township（乡镇）、county（县）或 department（部门）",
    "ReportMeta.year": "报告年度（上一年度）",
    "ReportMeta.date": "成文日期，如 2025-02-26，印为 2025年2月26日",
    "ReportMeta.title": "标题；默认为“简称+年度+年法治政府建设年度报告”",
    "ReportMeta.to": "主送机关，印为“A、B：”",
    "ReportMeta.doc_number": "发文字号，如 示政〔2025〕5号",
    "ReportMeta.index_number": "索引号，如 11330000-0200-2025-00006（公开版的公开目录信息，不印在正文中）",
    "ReportMeta.publisher": "发布机构（公开版的公开目录信息）；默认为发文机关全称",
    "ReportMeta.publish_date": "发布日期，如 2025-03-20（公开版的公开目录信息）；默认同成文日期",
    "ReportMeta.subject": f"主题分类（公开版的公开目录信息）；默认为“{DEFAULT_SUBJECT}”",
    "ReportMeta.signature": "署名；默认为发文机关全称",
    "ReportMeta.note": "附注，印为（此件公开发布）",
    "ReportMeta.attachments": "附件说明中的附件名称",
    "ReportMeta.cc": "抄送机关",
    "ReportMeta.titles": "改写各部分的标题",
    "ReportMeta.ignore": "本文件不检查的规则编号，如 [Q5]",
    "ReportMeta.metrics_table": "附件“主要指标”表：true 列出全部指标，或写指标 id 列表",
    "ReportMeta.fonts": "Word 中各角色的字体名，及 PDF 的自备字体文件",
    "ReportMeta.catalog": "县里下发的指标目录文件（相对于本文件的路径）",
    "FontNames.title": "标题字体（默认 方正小标宋简体）",
    "FontNames.body": "正文字体（默认 仿宋_GB2312）",
    "FontNames.heading1": "一级标题字体（默认 黑体）",
    "FontNames.heading2": "二级标题字体（默认 楷体_GB2312）",
    "FontNames.page_number": "页码字体（默认 宋体）",
    "FontNames.files": "PDF 使用的自备字体文件",
    "FontFiles.title": "标题字体文件（.ttf、.otf 或 .ttc）",
    "FontFiles.body": "正文字体文件",
    "FontFiles.heading1": "一级标题字体文件",
    "FontFiles.heading2": "二级标题字体文件",
    "FontFiles.page_number": "页码字体文件",
    "Metric.label": "指标名称，如 调解矛盾纠纷",
    "Metric.value": "本年数值",
    "Metric.unit": "单位，如 起、件、人、万元、%",
    "Metric.prev": "上年数值（不写时从 previous 文件取得）",
    "Metric.approx": "约数：印为“500余份”",
    "Metric.of": "本指标是哪个指标的一部分（不能超过它）",
    "Metric.parts": "各分项指标，相加应等于本指标",
    "Metric.rate": "比率：[分子指标, 分母指标]，自动计算",
    "Metric.left_out": "合计没有计入的报告及原因（由 summary 写出）；文字引用它时 check 给出 Q14",
    "LeftOut.report": "没有计入的报告（单位简称）",
    "LeftOut.why": "没有计入的原因",
    "Point.lead": "引导语，印在“一是”之后",
    "Point.text": "这一点的文字",
    "Item.title": "条目标题（不写编号）；不写标题时为一段不编号的文字",
    "Item.text": "条目的文字；空一行另起一段",
    "Item.points": "“一是……二是……”各点",
    "Item.points_style": "各点的排法：inline 连排一段，block 每点一段",
    "Item.items": "下级条目（印为 1.、（1））",
    "Problems.intro": "第二部分开头的一段文字",
    "Problems.shortcomings": "存在的不足（必填）",
    "Problems.causes": "原因",
    "Court.lawsuits": "行政诉讼案件数",
    "Court.head_appearances": "行政机关负责人出庭应诉数",
    "Court.lost": "败诉数",
    "Court.judgments_due": "应履行的法院生效裁判数",
    "Court.judgments_performed": "已履行数",
    "Catalog.version": "数据格式版本，写 1",
    "Catalog.catalog": "指标目录的名称和年度",
    "Catalog.metrics": "各标准指标，按指标 id",
    "CatalogMeta.name": "指标目录的名称，如 示例县乡镇法治政府建设主要指标",
    "CatalogMeta.year": "适用的报告年度",
    "CatalogMetric.label": "指标名称，如 调解矛盾纠纷",
    "CatalogMetric.unit": "单位，如 起、件、人、万元、%",
    "CatalogMetric.of": "本指标是哪个指标的一部分（不能超过它）",
    "CatalogMetric.parts": "各分项指标，相加应等于本指标",
    "CatalogMetric.rate": "比率：[分子指标, 分母指标]，自动计算",
    "CatalogMetric.required": "各乡镇必须填写（缺少时 check 报 C1）",
}
for _part in PARTS:
    _FIELDS[f"ReportData.{_part.key}"] = _part.described
    _FIELDS[f"PartTitles.{_part.key}"] = f"第{_part.numeral}部分的标题，法定为“{_part.heading}”"


def _annotate(model: str, node: dict[str, Any]) -> None:
    if model in _MODELS:
        node["title"] = model_title(model)
        node["description"] = _MODELS[model]
    for name, prop in node.get("properties", {}).items():
        doc = _FIELDS.get(f"{model}.{name}")
        if doc is not None:
            prop["title"] = _first_phrase(doc)
            prop["description"] = doc


def _first_phrase(text: str) -> str:
    for mark in ("：", "（", "，", "；"):
        text = text.split(mark)[0]
    return text


def model_title(model: str) -> str:
    """The Chinese title of a model: the first phrase of its description."""
    return _first_phrase(_MODELS[model])


def _finish(schema: dict[str, Any], root: str, title: str) -> str:
    for name, node in schema.get("$defs", {}).items():
        _annotate(name, node)
    _annotate(root, schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)


def _parts_and_short_forms(schema: dict[str, Any]) -> None:
    """A part file (included by a report) has only some keys; a file that quotes a
    catalogue gives its indicators' values only: `mediation_cases: 130`,
    `{value: 125, prev: 118}`, or an empty entry still to fill. The editor accepts these in a
    file with `report.catalog` and in a part (no `report:`, it may be included by one); a report
    without a catalogue needs every metric whole, as check does."""
    defs = schema["$defs"]
    lenient = {k: v for k, v in defs["Metric"].items() if k != "required"}
    defs["CatalogValue"] = lenient
    metrics = schema["properties"]["metrics"]
    (pattern,) = metrics["patternProperties"]
    metrics["patternProperties"][pattern] = {
        "anyOf": [{"type": "number"}, {"type": "null"}, {"$ref": "#/$defs/CatalogValue"}]
    }
    without_catalog = {
        "required": ["report"],
        "properties": {"report": {"not": {"required": ["catalog"]}}},
    }
    whole = {"patternProperties": {pattern: {"$ref": "#/$defs/Metric"}}}
    # a part has only some keys, `report:` among them perhaps: check says what a report lacks
    schema.pop("required", None)
    schema["allOf"] = [{"if": without_catalog, "then": {"properties": {"metrics": whole}}}]


def schema_json() -> str:
    """JSON Schema (draft 2020-12) of schema version 1, pretty-printed, Chinese tooltips."""
    schema = ReportData.model_json_schema()
    _parts_and_short_forms(schema)
    return _finish(schema, "ReportData", "lawgov-gen 数据文件（版本 1）")


def catalog_schema_json() -> str:
    """JSON Schema of the indicator catalogue file (contract §3)."""
    from lawgov_gen.data.catalog import Catalog

    return _finish(Catalog.model_json_schema(), "Catalog", "lawgov-gen 指标目录（版本 1）")
