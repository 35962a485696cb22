"""User text with `{{ m.ID }}` references, checked and rendered in a Jinja sandbox.

Only the report's own values can be named. Before rendering, the template's syntax tree
is walked and anything but plain output of those names (loops, calls, filters,
operators, dunder attributes) is refused, so nothing can run long or reach Python.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from lawgov_gen.content.figures import Figure

FIGURE_ATTRS = ("value", "prev", "change", "label", "unit")
VARIABLES = ("year", "next_year", "short", "org")


@dataclass(frozen=True)
class TextIssue:
    """A problem in one text: the rule id, where it is (the nth `needle`) and the message."""

    rule: str
    needle: str
    message: str
    nth: int = 0


_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
_ENV.globals.clear()
_ENV.filters.clear()
_ENV.tests.clear()


@lru_cache(maxsize=8192)
def _parse(text: str) -> nodes.Template:
    # check and render both look at every text: parse each once
    return _ENV.parse(text)


@lru_cache(maxsize=8192)
def _compile(text: str) -> Template:
    return _ENV.from_string(text)


_KINDS = {
    nodes.Call: "函数调用",
    nodes.Filter: "过滤器（|）",
    nodes.BinExpr: "运算",
    nodes.UnaryExpr: "运算",
    nodes.Compare: "比较",
    nodes.Getitem: "下标[]",
    nodes.CondExpr: "条件表达式",
    nodes.Literal: "字面量",
}


def _describe(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_describe(node.node)}.{node.attr}"
    return next((word for kind, word in _KINDS.items() if isinstance(node, kind)), "表达式")


class TextRenderer:
    """Checks and renders the texts of one report against its figures and variables."""

    def __init__(self, figures: Mapping[str, Figure], variables: Mapping[str, str]) -> None:
        self.figures = figures
        self.variables = dict(variables)
        self.used: set[str] = set()

    def issues(self, text: str) -> list[TextIssue]:
        """Every problem of a text's `{{ … }}` references; empty when it renders safely.

        Each issue points at the `{{` (or `{%`) that opens the faulty expression.
        """
        if "{" not in text:
            return []
        try:
            tree = _parse(text)
        except TemplateSyntaxError as exc:
            lines = text.split("\n")
            line_start = sum(len(x) + 1 for x in lines[: max(0, (exc.lineno or 1) - 1)])
            nth = text[:line_start].count("{{")
            return [
                TextIssue(
                    "T1", "{{", f"{{{{ }}}} 写法有误（{exc.message}）：写成 {{{{ m.指标id }}}}", nth
                )
            ]
        out: list[TextIssue] = []
        expression = statement = 0
        for output in tree.body:
            if not isinstance(output, nodes.Output):
                statement += 1
                kind = output.__class__.__name__.lower()
                out.append(
                    TextIssue(
                        "T1",
                        "{%",
                        f"文字中不能使用 {{% {kind} %}} 语句：只能引用数值",
                        statement - 1,
                    )
                )
                continue
            for node in output.nodes:
                if isinstance(node, nodes.TemplateData):
                    continue
                for rule, message in self._check_expr(node):
                    out.append(TextIssue(rule, "{{", message, expression))
                expression += 1
        return out

    def _check_expr(self, node: nodes.Node) -> list[tuple[str, str]]:
        allowed = "只能引用 m.指标id（及 .value .prev .change）、year、next_year、short、org"
        if isinstance(node, nodes.Const) and isinstance(node.value, str):
            return []  # {{ '{{' }}: a literal brace
        if isinstance(node, nodes.Name):
            if node.name in self.variables:
                return []
            if node.name == "m":
                return [("T1", "m 之后要写指标 id，如 {{ m.mediation_cases }}")]
            return [("T1", f"未知的名称“{node.name}”：{allowed}")]
        chain: list[str] = []
        cur: nodes.Node = node
        while isinstance(cur, nodes.Getattr):
            chain.insert(0, cur.attr)
            cur = cur.node
        if not (isinstance(cur, nodes.Name) and cur.name == "m" and 1 <= len(chain) <= 2):
            return [("T1", f"不能使用“{_describe(node)}”：{allowed}")]
        mid = chain[0]
        if mid not in self.figures:
            near = difflib.get_close_matches(mid, list(self.figures), n=3, cutoff=0.5)
            hint = f"最接近的是：{'、'.join(near)}" if near else "请先在 metrics 中定义它"
            return [("Q4", f"引用了不存在的指标“{mid}”：{hint}")]
        self.used.add(mid)
        if len(chain) == 2:
            attr = chain[1]
            if attr not in FIGURE_ATTRS:
                return [
                    ("T1", f"指标没有“.{attr}”：可用 {'、'.join('.' + a for a in FIGURE_ATTRS)}")
                ]
            if attr in ("change", "prev") and not self.figures[mid].has_prev:
                return [
                    (
                        "T1",
                        f"指标“{mid}”没有上年数值，不能用 .{attr}：请写 prev，或用 previous 指定上年的数据文件",
                    )
                ]
        return []

    def render(self, text: str) -> str:
        """Render a text already free of issues; plain text out (escaped by each output)."""
        if "{" not in text:
            return text
        return _compile(text).render(m=self.figures, **self.variables)


def find_references(text: str) -> set[str]:
    """Metric ids a text quotes via m.ID (for checks); empty when it does not parse."""
    if "{" not in text:
        return set()
    try:
        tree = _parse(text)
    except TemplateSyntaxError:
        return set()
    found: set[str] = set()
    for node in tree.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name == "m":
            found.add(node.attr)
    return found
