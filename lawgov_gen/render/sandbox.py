"""The one Jinja sandbox of the user's templates (Word and HTML), and what its errors say.

Jinja's sandbox stops attribute access; it does not stop a template from asking for
`"x" * 10**8`, `10 ** 10**8` or `lipsum(10**5)`. Here every such size is bounded, and
anything a template raises becomes a Chinese TemplateProblem at its template line."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment

from lawgov_gen.errors import TemplateProblem

MAX_SIZE = 10_000  # the largest count a template may pass to a filter or function
MAX_TEXT = 100_000  # characters (or list entries) one operation may build or take in
# a width or precision in a format: "%1000000000d", "{:>1000000000}"
_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\*|\d*)(?:\.(\*|\d*))?|\{[^{}]*:[^{}]*?(\d+)[^{}]*\}")
MAX_OUTPUT = 5_000_000  # characters a whole template may print (a report's page is ~100 KB)


class TooBig(TemplateError):
    """A template asked for a string, list or number far beyond any report."""


def _check_args(values: Iterable[Any]) -> None:
    """Refuse a count beyond MAX_SIZE or a text beyond MAX_TEXT handed to a call."""
    for arg in values:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_SIZE:
            raise TooBig(f"number {arg} too big")
        if isinstance(arg, (str, list, tuple)) and len(arg) > MAX_TEXT:
            raise TooBig("text too long")


def _bounded(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)  # keeps Jinja's pass_context marks
    def call(*args: Any, **kwargs: Any) -> Any:
        _check_args((*args, *kwargs.values()))
        return func(*args, **kwargs)

    return call


def _check_widths(fmt: str, args: tuple[Any, ...]) -> None:
    """Refuse a format whose width or precision (or a `*` one's argument) is beyond a report."""
    for m in _FORMAT_WIDTH.finditer(fmt):
        for width in m.groups():
            if width == "*" and any(isinstance(a, int) and abs(a) > MAX_SIZE for a in args):
                raise TooBig("text too long")
            if width and width.isdigit() and int(width) > MAX_SIZE:
                raise TooBig("text too long")


def _bounded_concat(pieces: Iterable[str]) -> str:
    """The template's output, refused once it grows past MAX_OUTPUT (a loop printing)."""
    out, total = [], 0
    for piece in pieces:
        total += len(piece)
        if total > MAX_OUTPUT:
            raise TooBig("text too long")
        out.append(piece)
    return "".join(out)


class _BoundedJoins(CodeGenerator):
    """Jinja's code for `a ~ b`, with the result's length checked (doubling a string in a
    loop would otherwise fill the memory)."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_text(")
        super().visit_Concat(node, frame)
        self.write(")")


class GuardedSandbox(SandboxedEnvironment):
    """Sandboxed, StrictUndefined, autoescaped by the caller; sizes bounded."""

    concat = staticmethod(_bounded_concat)  # type: ignore[assignment]
    code_generator_class = _BoundedJoins

    @staticmethod
    def bounded_text(text: str) -> str:
        if len(text) > MAX_TEXT:
            raise TooBig("text too long")
        return text

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.pop("lipsum", None)  # sample Latin text has no place in a report
        self.filters = {name: _bounded(f) for name, f in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        ints = isinstance(left, int) and isinstance(right, int)
        if operator == "**" and ints and abs(left) > 1 and abs(left).bit_length() * right > 4096:
            raise TooBig("power too big")
        if operator == "%" and isinstance(left, str):
            _check_widths(left, right if isinstance(right, tuple) else (right,))
        for seq, n in ((left, right), (right, left)):
            sized = isinstance(seq, (str, list, tuple)) and isinstance(n, int)
            if operator == "*" and sized and len(seq) * n > MAX_TEXT:
                raise TooBig("text too long")
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        _check_widths(value.__self__, ())  # "{:>1000000000}".format(1)
        return wrapped

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_args((*args, *kwargs.values()))
        return super().call(__context, __obj, *args, **kwargs)


# Jinja's English, in Chinese; the names in it stay as written.
JINJA_PATTERNS = (
    (r"Expected an expression, got '(.+)'", "这里缺少表达式（遇到了“{0}”）"),
    (r"expected token '(.+)', got '(.+)'", "这里应为“{0}”，却遇到了“{1}”"),
    (r"Encountered unknown tag '(.+?)'\..*", "遇到未知的标签“{0}”"),
    (r"Unexpected end of template\..*", "模板意外结束（{{% if %}} 或 {{% for %}} 没有结束？）"),
    (r"unexpected '(.+)'", "这里不该出现“{0}”"),
    (r"'(.+)' is undefined", "“{0}”没有定义（模板只能使用报告提供的值）"),
    (r"(.+) object has no element (.+)", "列表没有第 {1} 项（从 0 数起）"),
    (r"(.+) has no attribute '(.+)'", "没有“{1}”这个属性"),
    (r"access to attribute '(.+)' of '(.+)' object is unsafe\.", "沙箱禁止访问属性“{0}”"),
    (r"No filter named '(.+)'\.?", "没有名为“{0}”的过滤器"),
    (r"No test named '(.+)'\.?", "没有名为“{0}”的测试"),
    (r"Range too big.*", "range 太大"),
    (
        r"(?:number .+ too big|power too big|text too long)",
        "模板要生成的文字、数字或循环过大（如 range(10**8)）：请改小",
    ),
)
_TOKENS = {
    "end of statement block": "%}",
    "end of print statement": "}}",
    "end of template": "模板结尾",
    "begin of statement block": "{%",
    "begin of print statement": "{{",
}
_RUNTIME = {
    ZeroDivisionError: "除数为零",
    TypeError: "运算的类型不对（如文字与数字相加、格式化参数不符）",
    ValueError: "数值或格式不对",
    IndexError: "列表或文字没有这一项",
    KeyError: "没有这个键",
}


def jinja_words(message: str) -> str:
    """Jinja's English message in Chinese; the names stay as written."""
    for pattern, template in JINJA_PATTERNS:
        m = re.fullmatch(pattern, message.strip(), flags=re.S)
        if m:
            return template.format(*(_TOKENS.get(g, g) for g in m.groups()))
    names = "、".join(f"“{n}”" for n in dict.fromkeys(re.findall(r"'([^']+)'", message)))
    return "模板的写法或参数不对" + (f"（涉及{names}）" if names else "") + "：请检查这一行"


def _template_line(tb: TracebackType | None, name: str) -> int | None:
    """The line of `name` (the template file) where the error happened, from the
    traceback Jinja rewrites to template lines."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == name:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def template_error(exc: BaseException, name: str) -> TemplateProblem:
    """Anything a user's template raised, as a Chinese message at its template line."""
    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(
            f"模板语法错误：{jinja_words(exc.message or '')}",
            path=exc.filename or name,
            line=exc.lineno,
        )
    if isinstance(exc, TemplateNotFound):
        return TemplateProblem(f"模板引用了不存在的文件“{exc.name}”", path=name)
    if isinstance(exc, RecursionError):
        return TemplateProblem(
            "模板无限递归（宏调用自身，或 extends 了自己）：请检查 {% extends %} 和宏", path=name
        )
    line = _template_line(exc.__traceback__, name)
    if isinstance(exc, (OverflowError, MemoryError)):
        return TemplateProblem(
            "模板出错：模板要生成的文字、数字或循环过大（如 range(10**8)）：请改小",
            path=name,
            line=line,
        )
    if isinstance(exc, TemplateError):
        return TemplateProblem(f"模板出错：{jinja_words(exc.message or '')}", path=name, line=line)
    words = next((w for kind, w in _RUNTIME.items() if isinstance(exc, kind)), "表达式出错")
    return TemplateProblem(f"模板运行出错：{words}：请检查这一行的表达式", path=name, line=line)
