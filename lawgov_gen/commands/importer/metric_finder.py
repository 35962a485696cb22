"""`import --metrics`: the figures of the text (130起, 500余份, 96%, 3.5万元) become
metrics with readable ids and the labels the text gives them, and the text quotes them
with {{ m.id }}, so it prints the same figures. "其中" figures become `of`, parts that
add up become `parts`, and a percentage beside its numerator and denominator a `rate`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, get_args

from pydantic import BaseModel

from lawgov_gen.checks.arithmetic import COUNT_UNITS
from lawgov_gen.content.expressions import PROGRAM_NAMES
from lawgov_gen.content.figures import number_text, percent_text
from lawgov_gen.content.typed_numbers import figures_in, without_non_figures
from lawgov_gen.data.model import ReportData, ReportMeta, text_role

UNITS = sorted(
    "起 件 宗 次 场 场次 人 人次 名 户 家 个 项 条 份 册 本 篇 期 批 台 套 辆 处 所 座 张 支 队 部 万元 元 亿元 % 天 小时 万人次 万人 余次".split(),
    key=len,
    reverse=True,
)
# ASCII digits only ("１２３份" stays text) and no leading zero ("007件" stays text)
_FIGURE = re.compile(
    r"(?<![0-9.〔\[（(第：:/~-])((?:0|[1-9][0-9]{0,8})(?:\.[0-9]{1,4})?)(余)?("
    + "|".join(map(re.escape, UNITS))
    + r")(?![0-9%])"
)
_STOP = "，。；：、（）“”‘’《》！？,;:()"
_LEADING = re.compile(
    r"^(?:\d{4}年(?:度|以来|内)?|全年|今年|年内|上半年|下半年|同时|此外|其中|包括|包含|分别是|分别为|涉及|另外|并|共|累计|共计|合计|总计|我镇|全镇|本镇|镇|已|均|先后|相继)+"
)
_TRAILING = re.compile(
    r"(?:共|达|为|计|约|有|了|累计|共计|合计|总计|达到|分别|仅|仅有|只有|不少于|不低于|不超过|超过"
    r"|多达|高达|近|逾|以上)+$"
)
# Words of labels and the English of their ids (longest first when several match).
_WORDS = {
    "矛盾纠纷": "disputes", "纠纷": "disputes", "调解": "mediation", "调处": "mediation",
    "成功": "success", "普法": "pufa", "宣传": "publicity", "资料": "materials", "培训": "training",
    "讲座": "lectures", "执法": "enforcement", "人员": "staff", "持证": "certified", "处罚": "penalty",
    "案件": "cases", "复议": "reconsideration", "诉讼": "lawsuits", "应诉": "appearances",
    "公开": "disclosure", "信息": "information", "申请": "requests", "诉求": "requests", "法律顾问": "adviser", "顾问": "adviser",
    "审查": "reviews", "合同": "contracts", "决策": "decisions", "文件": "documents", "信访": "petitions",
    "来信来访": "petitions", "援助": "legal_aid", "咨询": "consultations", "考试": "exam", "合格": "passed",
    "活动": "events", "志愿": "volunteer", "服务": "services", "书籍": "books", "明白人": "legal_literate",
    "检查": "inspections", "整改": "rectification", "问题": "issues", "经费": "fund", "会议": "meetings",
    "学法": "study", "村": "villages", "社区": "communities", "群众": "residents", "企业": "enterprises",
    "办结": "closed", "办理": "handled", "排查": "screened", "化解": "resolved", "率": "rate",
    "简易程序": "summary_procedure", "普通程序": "ordinary_procedure", "意见书": "opinions",
    "法律意见": "legal_opinions", "意见": "opinions", "裁判": "judgments", "判决": "judgments",
    "执法证": "certificates", "证件": "certificates", "参学": "participation", "法治文化": "culture",
    "阵地": "sites", "电脑": "computers", "设备": "equipment", "事项": "matters", "规范性文件": "normative_documents",
    "听证": "hearings", "评查": "case_reviews", "督察": "inspections",
}  # fmt: skip
# The id of a figure whose label has none of the words above: what its unit counts.
_UNIT_WORDS = {
    "起": "cases", "件": "cases", "宗": "cases", "人": "people", "名": "people", "人次": "attendances",
    "次": "times", "场": "sessions", "场次": "sessions", "份": "copies", "册": "copies", "个": "units",
    "项": "matters", "条": "entries", "万元": "funds", "元": "funds", "%": "rate", "户": "households",
}  # fmt: skip


@dataclass
class _Found:
    id: str
    label: str
    value: Decimal
    unit: str
    approx: bool
    start: int
    end: int
    whole_of: bool  # the clause starts with 其中


@dataclass
class Extracted:
    """The tree with figures quoted, the metrics made, and the numbers left as text."""

    tree: dict[str, Any]
    metrics: list[str] = field(default_factory=list)
    left_as_text: list[str] = field(default_factory=list)


def _label(plain: str, text: str, start: int) -> tuple[str, bool]:
    """The words before a figure in its clause (from the text as written: a 《》 title in it
    stays whole, never blanks), and whether a 其中/包括 before it makes it a part."""
    clause_start = max(plain.rfind(ch, 0, start) for ch in _STOP) + 1
    clause = text[clause_start:start]
    if "{{" in clause:
        clause = clause[clause.rindex("}}") + 2 :] if "}}" in clause else ""
    sentence_start = max(plain.rfind(ch, 0, start) for ch in "。；！？") + 1
    # 其中A…，B…; 包括A…、B…: every figure after it in the sentence is a part of the one before
    whole_of = bool(_PART_WORDS.search(plain[sentence_start:start]))
    label = _TRAILING.sub("", _LEADING.sub("", clause)).strip()
    return label, whole_of


# what makes the figures after it parts of the one before: 其中, 包括, 分别是, 含
_PART_WORDS = re.compile(r"其中|包括|包含|分别(?:是|为|有)|涉及|含")
# a label is a noun phrase: never a word cut at its start, a particle left dangling at its
# end, a place name with a bare verb (葛坑镇配备), or only 其它
_CUT_START = "级个名项的了"
_DANGLING = "由的了在对向把被给从为将和与及并或"
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|镇|乡|街道|社区)(?=[\u4e00-\u9fff]{2})")
_BARE_VERB = re.compile(
    r"(?:配备|开展|组织|举办|发放|成立|建立|培训|培育|聘请|接待|走访|印发|制定|出台|修订|清理|"
    r"提供|召开|参加|新增|签订|录入|发布|推送|收到|接到|解答|查处|检查|完成|设立|建成|打造)$"
)
_GENERIC = ("其它", "其他", "其余", "另外", "此外")


def _readable(label: str, after: str) -> str:
    """A label that reads as a noun phrase; `after` is the text that follows the figure."""
    label = label.lstrip(_CUT_START)
    if _PLACE.match(label):
        label = _PLACE.sub("", label)
    label = label.rstrip(_DANGLING)
    if len(label) <= 2 or _BARE_VERB.search(label) or label.endswith("等"):
        # a bare verb before the figure (组织19名人员…, 配备3名专职调解员): the noun follows it
        label += after.rstrip(_DANGLING)
    return label


def _after(text: str, end: int) -> str:
    """The words after a figure up to the clause's end: 组织19名|人员考取行政执法证|，"""
    stops = [i for i in (text.find(ch, end) for ch in _STOP) if i >= 0]
    return text[end : min(stops, default=len(text))].strip()


def _readable_id(label: str, unit: str, taken: set[str]) -> str:
    tokens: list[str] = []
    i = 0
    while i < len(label):
        for word in sorted(_WORDS, key=len, reverse=True):
            if label.startswith(word, i):
                token = _WORDS[word]
                if token not in tokens:
                    tokens.append(token)
                i += len(word) - 1
                break
        i += 1
    base = "_".join(tokens[-3:]) or _UNIT_WORDS.get(unit, "figure")
    if base in PROGRAM_NAMES:  # a word that is also a method's name reads as program text
        base += "_count"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


class _Extractor:
    def __init__(self) -> None:
        self.metrics: dict[str, dict[str, Any]] = {}
        self.left: list[str] = []

    def text(self, text: str) -> str:
        plain = without_non_figures(text)
        found: list[_Found] = []
        left: set[int] = set()  # where the figures left as text start
        for m in _FIGURE.finditer(plain):
            label, whole_of = _label(plain, text, m.start())
            unit = m.group(3)
            value = Decimal(m.group(1))
            if unit != "%":
                label = _readable(label, _after(text, m.end()))
            if label in _GENERIC or label.startswith(_GENERIC):
                whole = next(
                    (w for w in reversed(found) if not w.whole_of and w.unit == unit), None
                )
                label = f"{whole.label}中{label}" if whole is not None and whole_of else ""
            if not label or (m.group(1) != "0" and value < Decimal("0.0001")):
                self.left.append(m.group(0))
                left.add(m.start())
                continue
            if (unit == "%" and value > 100) or (unit in COUNT_UNITS and value != int(value)):
                self.left.append(m.group(0))  # a figure check would refuse stays text
                left.add(m.start())
                continue
            found.append(
                _Found(
                    "",
                    label,
                    Decimal(m.group(1)),
                    unit,
                    bool(m.group(2)),
                    m.start(),
                    m.end(),
                    whole_of,
                )
            )
        for m in figures_in(text):  # the figures Q5 would name, that stay text here
            if m.start() not in left and not any(f.start <= m.start() < f.end for f in found):
                self.left.append(m.group(0))
        taken = set(self.metrics)
        for f in found:
            f.id = _readable_id(f.label, f.unit, taken)
        self._relations(found)
        out = text
        for f in reversed(found):
            out = out[: f.start] + f"{{{{ m.{f.id} }}}}" + out[f.end :]
        return out

    def _relations(self, found: list[_Found]) -> None:
        for i, f in enumerate(found):
            metric: dict[str, Any] = {"label": f.label}
            whole = next(
                (w for w in reversed(found[:i]) if not w.whole_of and w.unit == f.unit), None
            )
            if f.unit == "%":
                rate = self._rate(f, found[:i])
                if rate:
                    self.metrics[f.id] = {"label": f.label, "rate": list(rate)}
                    continue
            metric["value"] = (
                int(f.value) if f.value == f.value.to_integral_value() else float(f.value)
            )
            metric["unit"] = f.unit
            if f.approx:
                metric["approx"] = True
            if f.whole_of and whole is not None and f.value <= whole.value and not whole.approx:
                metric["of"] = whole.id
            self.metrics[f.id] = metric
        for w in found:
            parts = [f for f in found if self.metrics.get(f.id, {}).get("of") == w.id]
            if len(parts) >= 2 and sum(p.value for p in parts) == w.value:
                self.metrics[w.id]["parts"] = [p.id for p in parts]

    def _rate(self, f: _Found, before: list[_Found]) -> tuple[str, str] | None:
        """A percentage equal (to its printed precision) to a part over its whole before it."""
        for part in reversed(before):
            whole_id = self.metrics.get(part.id, {}).get("of")
            whole = next((w for w in before if w.id == whole_id), None)
            if whole is None or whole.value == 0:
                continue
            computed = percent_text(part.value * 100 / whole.value)
            if computed == number_text(f.value):
                return part.id, whole.id
        # 调解纠纷130起，调解成功125起，成功率96.2%: the two figures just before, no 其中
        if len(before) >= 2:
            whole, part = before[-2], before[-1]
            plain = not (whole.approx or part.approx) and whole.unit == part.unit != "%"
            if (
                plain
                and whole.value > 0
                and part.value <= whole.value
                and percent_text(part.value * 100 / whole.value) == number_text(f.value)
            ):
                return part.id, whole.id
        return None


def _models_in(annotation: Any) -> tuple[type[BaseModel], ...]:
    """The models an annotation holds: list[Item] → Item, Finding → Point, Item."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return (annotation,)
    found: tuple[type[BaseModel], ...] = ()
    for arg in get_args(annotation):
        found += tuple(m for m in _models_in(arg) if m not in found)
    return found


def extract_metrics(tree: dict[str, Any]) -> Extracted:
    """Turn the figures of every prose text of the tree (TextRole text) into metrics
    quoted by the text; titles, leads and words stay as they are."""
    extractor = _Extractor()

    def walk(node: Any, models: tuple[type[BaseModel], ...]) -> Any:
        if isinstance(node, list):
            return [walk(v, models) for v in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            model = next((m for m in models if key in m.model_fields), None)
            if model is None or model is ReportMeta:
                out[key] = value
            elif isinstance(value, str):
                prose = text_role(model, key) == "text"
                out[key] = extractor.text(value) if prose else value
            else:
                out[key] = walk(value, _models_in(model.model_fields[key].annotation))
        return out

    out = walk(tree, (ReportData,))
    if extractor.metrics:
        out["metrics"] = {**tree.get("metrics", {}), **extractor.metrics}
    return Extracted(out, list(extractor.metrics), extractor.left)
