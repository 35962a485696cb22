"""The rule table's parts: each rule has an id, a level, what it catches and the fix;
CheckInput is what every rule reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import Any

from pydantic import BaseModel

from lawgov_gen.content.figures import Figure, build_figures
from lawgov_gen.data.loader import Loaded
from lawgov_gen.data.model import ReportData, text_role
from lawgov_gen.data.source_map import KeyPath, SourceMap
from lawgov_gen.diagnostics import Diagnostic, Level

CheckFunc = Callable[["CheckInput"], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    """A check with a stable id (users silence or grep by it)."""

    id: str
    level: Level
    catches: str
    fix: str
    func: CheckFunc | None  # None: judged by the caller (glyph rules need the fonts)


def rule(rule_id: str, level: Level, catches: str, fix: str) -> Callable[[CheckFunc], CheckFunc]:
    """Mark a check function with its rule; checks/__init__ collects the marked functions."""

    def mark(func: CheckFunc) -> CheckFunc:
        func.rule = Rule(rule_id, level, catches, fix, func)  # type: ignore[attr-defined]
        return func

    return mark


def rules_of(*modules: ModuleType) -> list[Rule]:
    """The rules marked in these modules, in definition order."""
    out: list[Rule] = []
    for module in modules:
        for value in vars(module).values():
            found = getattr(value, "rule", None)
            if isinstance(found, Rule):
                out.append(found)
        out.extend(getattr(module, "JUDGED_ELSEWHERE", ()))
    return out


@dataclass(frozen=True)
class TextField:
    """One printed string of the report with its key path and role (title, text, lead, words)."""

    path: KeyPath
    value: str
    role: str


class CheckInput:
    """What every rule reads: the model, positions, figures and the report's texts."""

    def __init__(self, loaded: Loaded, levels: dict[str, Level]) -> None:
        self.loaded = loaded
        self.data: ReportData = loaded.data
        self.sources: SourceMap = loaded.sources
        self.levels = levels

    @cached_property
    def figures(self) -> dict[str, Figure]:
        prev = self.loaded.previous.data if self.loaded.previous else None
        return build_figures(self.data, prev)

    @cached_property
    def texts(self) -> list[TextField]:
        return list(printed_strings(self.data))

    def prose(self, *roles: str) -> Iterator[TextField]:
        """The texts with one of the given roles (all roles when none given)."""
        return (t for t in self.texts if not roles or t.role in roles)

    def at(self, path: KeyPath, rule_id: str, message: str, *, key: bool = False) -> Diagnostic:
        """A finding at the value (or key) of `path`."""
        return self.sources.diag(path, self.levels[rule_id], rule_id, message, key=key)

    def find(self, text: TextField, index: int, rule_id: str, message: str) -> Diagnostic:
        """A finding at character `index` of a text: the line and column it was typed at."""
        return self.sources.diag_in(
            text.path, text.value, index, self.levels[rule_id], rule_id, message
        )


def printed_strings(node: Any, path: KeyPath = (), role: str | None = None) -> Iterator[TextField]:
    """Every string of the model marked as printed text (TextRole), with its key path."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from printed_strings(
                getattr(node, name), (*path, name), text_role(type(node), name)
            )
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from printed_strings(value, (*path, key), role)
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from printed_strings(value, (*path, i), role)
    elif isinstance(node, str) and role is not None:
        yield TextField(path, node, role)
