"""The rule table and the runner: each rule has an id, a level, what it catches and the fix."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from lawgov_gen.content.figures import Figure, build_figures
from lawgov_gen.data.loader import Loaded
from lawgov_gen.data.model import ReportData
from lawgov_gen.data.reading import KeyPath, SourceMap
from lawgov_gen.diagnostics import Diagnostic, Level


@dataclass(frozen=True)
class Rule:
    """A check with a stable id (users silence or grep by it)."""

    id: str
    level: Level
    catches: str
    fix: str
    func: Callable[[CheckInput], Iterable[Diagnostic]] | None  # None: checked while rendering


RULES: dict[str, Rule] = {}


def render_rule(rule_id: str, level: Level, catches: str, fix: str) -> None:
    """Register a rule that only the PDF renderer can judge (it needs the fonts)."""
    RULES[rule_id] = Rule(rule_id, level, catches, fix, None)


render_rule(
    "P1",
    "warning",
    "PDF 中某个字在该角色的字体里没有，将由其他字体代替显示（仅 render --pdf）",
    "安装含此字的字体，或接受替代字形",
)
render_rule(
    "P2",
    "error",
    "PDF 中某个字没有任何已安装的字体能显示（仅 render --pdf）",
    "安装含此字的中文字体，如 fonts-noto-cjk",
)


# Keys whose strings are identifiers, settings or paths, not report prose.
_NOT_PROSE = {
    "include",
    "previous",
    "ignore",
    "fonts",
    "level",
    "index_number",
    "of",
    "parts",
    "rate",
    "points_style",
    "metrics_table",
    "version",
}


@dataclass(frozen=True)
class TextField:
    """One string of the report with its key path and role (title, text, lead, meta)."""

    path: KeyPath
    value: str
    role: str


class CheckInput:
    """What every rule reads: the model, positions, figures and the report's texts."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.data: ReportData = loaded.data
        self.sources: SourceMap = loaded.sources

    @cached_property
    def figures(self) -> dict[str, Figure]:
        prev = self.loaded.previous.data if self.loaded.previous else None
        return build_figures(self.data, prev)

    @cached_property
    def texts(self) -> list[TextField]:
        return list(_walk(self.data, ()))

    def prose(self, *roles: str) -> Iterator[TextField]:
        """The texts with one of the given roles (all roles when none given)."""
        return (t for t in self.texts if not roles or t.role in roles)

    def at(self, path: KeyPath, rule: str, message: str, *, key: bool = False) -> Diagnostic:
        return self.sources.diag(path, RULES[rule].level, rule, message, key=key)

    def find(self, path: KeyPath, needle: str, nth: int, rule: str, message: str) -> Diagnostic:
        return self.sources.locate(path, needle, nth, RULES[rule].level, rule, message)


def _walk(node: Any, path: KeyPath) -> Iterator[TextField]:
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name in _NOT_PROSE:
                continue
            yield from _walk(getattr(node, name), (*path, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*path, key))
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _walk(value, (*path, i))
    elif isinstance(node, str):
        last = next((p for p in reversed(path) if isinstance(p, str)), "")
        role = {"title": "title", "text": "text", "intro": "text", "lead": "lead"}.get(last, "meta")
        if len(path) >= 2 and path[:2] == ("report", "titles"):
            role = "title"
        yield TextField(path, node, role)


def rule(
    rule_id: str, level: Level, catches: str, fix: str
) -> Callable[
    [Callable[[CheckInput], Iterable[Diagnostic]]], Callable[[CheckInput], Iterable[Diagnostic]]
]:
    """Register a check function under its id."""

    def register(
        func: Callable[[CheckInput], Iterable[Diagnostic]],
    ) -> Callable[[CheckInput], Iterable[Diagnostic]]:
        RULES[rule_id] = Rule(rule_id, level, catches, fix, func)
        return func

    return register


def run_checks(loaded: Loaded) -> list[Diagnostic]:
    """Run every rule; drop the ones the file silences with `report.ignore`."""
    from lawgov_gen.checks import arithmetic, dates, structure, writing  # noqa: F401  (registers)

    inp = CheckInput(loaded)
    ignored = set(loaded.data.report.ignore)
    found: list[Diagnostic] = []
    for i, rule_id in enumerate(loaded.data.report.ignore):
        if rule_id not in RULES:
            found.append(
                loaded.sources.diag(
                    ("report", "ignore", i),
                    "error",
                    "SCHEMA",
                    f"report.ignore 中的“{rule_id}”不是已知的规则编号：可用 {'、'.join(sorted(RULES))}",
                )
            )
    seen: set[Diagnostic] = set()
    for r in RULES.values():
        for d in r.func(inp) if r.func else ():
            # filter by the finding's id: one rule function may report under another id
            if d.rule not in ignored and d not in seen:
                seen.add(d)
                found.append(d)
    return found


def rule_reference() -> str:
    """The README's rule table, generated from the rule definitions."""
    from lawgov_gen.checks import arithmetic, dates, structure, writing  # noqa: F401
    from lawgov_gen.diagnostics import LEVEL_WORDS

    lines = ["| 规则 | 级别 | 检查什么 | 如何修改 |", "|---|---|---|---|"]
    for r in sorted(
        RULES.values(), key=lambda r: (r.id[0], int(r.id[1:]) if r.id[1:].isdigit() else 0)
    ):
        lines.append(f"| {r.id} | {LEVEL_WORDS[r.level]} | {r.catches} | {r.fix} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(rule_reference())
