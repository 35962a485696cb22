"""User text with `{{ m.ID }}` references, checked and rendered in a Jinja sandbox.

Only `{{ … }}` is special in a text: everything else (`{%`, `{#`, `{_{`, a lone `}}`) is
printed exactly as written. Each expression is parsed with Jinja's own parser, and its
syntax tree is walked: anything but plain output of the report's names (calls, filters,
operators, dunder attributes) is refused before it is evaluated in a sandbox.
"""

from __future__ import annotations

import difflib
import keyword
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from lawgov_gen.content.figures import Figure, FigureUnavailable
from lawgov_gen.content.text_pieces import TextIssue, inside, pieces

# What `{{ m.ID.attr }}` prints: the one table of a figure's printable attributes. A text
# never reaches the figure object itself (or the mapping of figures): a metric id named
# `items`, `keys` or `value` is looked up in this table and the report's figures, never as
# a Python attribute, so no method, address or None can be printed.
FIGURE_PRINTS: dict[str, Callable[[Figure], str]] = {
    "value": lambda f: f.value,
    "prev": lambda f: f.prev,
    "change": lambda f: f.change,
    "label": lambda f: f.label,
    "unit": lambda f: f.unit,
}
FIGURE_ATTRS = tuple(FIGURE_PRINTS)
# The names a text may use besides m.ID, with what they print.
VARIABLES: dict[str, str] = {
    "year": "报告年度，如 2024",
    "next_year": "下一年度，如 2025",
    "short": "简称",
    "org": "发文机关全称",
}


def text_variables(year: int, short: str, org: str) -> dict[str, str]:
    """What each of VARIABLES prints for one report."""
    values = {"year": str(year), "next_year": str(year + 1), "short": short, "org": org}
    assert set(values) == set(VARIABLES)
    return values


# The only string a text may print through {{ }}: the braces it cannot write otherwise.
LITERALS = ("{{", "}}")
ALLOWED = "只能引用 m.指标id（及 .value .prev .change）、" + "、".join(VARIABLES)


_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
_ENV.globals.clear()
_ENV.filters.clear()
_ENV.tests.clear()


# Names a program answers to: the attributes of a mapping, a string and a figure, and the
# keywords of Python and Jinja. Any of them is a valid metric id that prints its own figure;
# the importer still never proposes one (an id should read as the figure it names).
PROGRAM_NAMES = frozenset(
    {n for kind in (dict, str, Figure) for n in dir(kind)}
    | set(keyword.kwlist)
    | {"true", "false", "none", "and", "or", "not", "in", "is", "if", "else", "loop"}
)


class Unprintable(ValueError):
    """An expression whose value is not a figure, a string or a year: carries the index
    of its `{{` in the text and the message, for a located error."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index
        self.message = message


def printed(value: object) -> str:
    """What a text may print, as text: a figure (with its unit), a string, a year. Anything
    else (a method, a mapping, None, a number that is not a year) raises TypeError."""
    if isinstance(value, Figure):
        return value.text
    if isinstance(value, str):
        return value
    if type(value) is int and 1000 <= value <= 9999:
        return str(value)
    raise TypeError(type(value).__name__)


@lru_cache(maxsize=8192)
def _parse(source: str) -> nodes.Expr:
    # check and render both look at every expression: parse each once. The spaces keep
    # `m.x-` and `- m.x` the expressions render compiles, not Jinja's `-}}` / `{{-`.
    template = _ENV.parse("{{ " + source + " }}")
    (output,) = template.body
    assert isinstance(output, nodes.Output) and len(output.nodes) == 1
    node = output.nodes[0]
    assert isinstance(node, nodes.Expr)
    return node


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


def nearest_ids(mid: str, known: Iterable[str]) -> str:
    """The hint for an unknown metric id: the nearest defined ids, or how to define it."""
    near = difflib.get_close_matches(mid, list(known), n=3, cutoff=0.5)
    return f"最接近的是：{'、'.join(near)}" if near else "请先在 metrics 中定义它"


def references(node: nodes.Expr) -> str | None:
    """The metric id an expression quotes (m.ID or m.ID.attr), else None."""
    chain: list[str] = []
    cur: nodes.Node = node
    while isinstance(cur, nodes.Getattr):
        chain.insert(0, cur.attr)
        cur = cur.node
    if isinstance(cur, nodes.Name) and cur.name == "m" and 1 <= len(chain) <= 2:
        return chain[0]
    return None


class TextRenderer:
    """Checks and renders the texts of one report against its figures and variables."""

    def __init__(self, figures: Mapping[str, Figure], variables: Mapping[str, str]) -> None:
        self.figures = figures
        self.variables = dict(variables)

    def issues(self, text: str) -> list[TextIssue]:
        """Every problem of a text's `{{ … }}` references; empty when it renders safely.

        Each issue points at the `{{` that opens the faulty expression.
        """
        if "{{" not in text:
            return []
        parts, issue = pieces(text)
        out = [issue] if issue else []
        for piece in parts:
            if piece.expression is None:
                continue
            try:
                node = _parse(piece.expression)
            except (TemplateSyntaxError, AssertionError, ValueError):
                out.append(
                    TextIssue(
                        "T1", inside(text, piece.start), "{{ }} 中的写法有误：写成 {{ m.指标id }}"
                    )
                )
                continue
            found = self._check_expr(node)
            if not found:
                try:
                    self._printed(node, piece.start, text)
                except Unprintable as exc:
                    found = [("T1", exc.message)]
                except FigureUnavailable:
                    pass  # a figure without a number: the Q rules name it
            for rule, message in found:
                out.append(TextIssue(rule, inside(text, piece.start), message))
        return out

    def _value(self, node: nodes.Expr) -> object:
        """The value of an expression `_check_expr` accepts, computed from the report's own
        tables (figures by id, FIGURE_PRINTS, variables): never by attribute lookup on an
        object, so a metric id that is also a method's name is only ever a metric id."""
        if isinstance(node, nodes.Const):
            return node.value
        if isinstance(node, nodes.Name):
            return self.variables.get(node.name)
        mid = references(node)
        figure = self.figures.get(mid) if mid is not None else None
        if figure is None or not isinstance(node, nodes.Getattr):
            return None
        if isinstance(node.node, nodes.Getattr):
            return FIGURE_PRINTS[node.attr](figure) if node.attr in FIGURE_PRINTS else None
        return figure

    def _printed(self, node: nodes.Expr, start: int, text: str) -> str:
        """The expression's value as printed text; Unprintable (at its `{{`) otherwise."""
        value = self._value(node)
        try:
            return printed(value)
        except TypeError:
            raise Unprintable(
                inside(text, start),
                f"“{_describe(node)}”的值不能印出（只能印出指标、文字或年份）：{ALLOWED}",
            ) from None

    def _check_expr(self, node: nodes.Expr) -> list[tuple[str, str]]:
        if isinstance(node, nodes.Const) and node.value in LITERALS:
            return []  # {{ '{{' }}: a literal brace
        if isinstance(node, nodes.Const):
            return [
                (
                    "T1",
                    "{{ }} 中只能写 '{{' 或 '}}'（表示花括号本身）：其他文字请直接写在 {{ }} 之外",
                )
            ]
        if isinstance(node, nodes.Name):
            if node.name in self.variables:
                return []
            if node.name == "m":
                return [("T1", "m 之后要写指标 id，如 {{ m.mediation_cases }}")]
            return [("T1", f"未知的名称“{node.name}”：{ALLOWED}")]
        mid = references(node)
        if mid is None:
            return [("T1", f"不能使用“{_describe(node)}”：{ALLOWED}")]
        if mid not in self.figures:
            return [("Q4", f"引用了不存在的指标“{mid}”：{nearest_ids(mid, self.figures)}")]
        assert isinstance(node, nodes.Getattr)
        if node.node is not None and isinstance(node.node, nodes.Getattr):
            attr = node.attr
            if attr not in FIGURE_ATTRS:
                return [
                    ("T1", f"指标没有“.{attr}”：可用 {'、'.join('.' + a for a in FIGURE_ATTRS)}")
                ]
            unlike = self.figures[mid].unlike_last_year
            if attr in ("change", "prev") and not self.figures[mid].has_prev and unlike:
                return [
                    (
                        "T1",
                        f"指标“{mid}”{unlike}：含义不同，不能用 .{attr} 与上年比较：请删去 .{attr}，或改用新的指标 id，或写 prev",
                    )
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
        """Render a text already free of issues; plain text out (escaped by each output).
        An expression whose value cannot be printed raises Unprintable, never prints."""
        if "{{" not in text:
            return text
        parts, _ = pieces(text)
        out = []
        for piece in parts:
            if piece.expression is None:
                out.append(text[piece.start : piece.end])
            else:
                out.append(self._printed(_parse(piece.expression), piece.start, text))
        return "".join(out)


def quotes(text: str) -> list[tuple[int, str]]:
    """Each metric id a text quotes via m.ID, with the index of its expression (for checks);
    unparsable expressions are skipped."""
    if "{{" not in text:
        return []
    found: list[tuple[int, str]] = []
    for piece in pieces(text)[0]:
        if piece.expression is None:
            continue
        try:
            node = _parse(piece.expression)
        except (TemplateSyntaxError, AssertionError, ValueError):
            continue
        mid = references(node)
        if mid is not None:
            found.append((inside(text, piece.start), mid))
    return found


def quoted_ids(text: str) -> set[str]:
    """Metric ids a text quotes via m.ID (for checks)."""
    return {mid for _, mid in quotes(text)}
