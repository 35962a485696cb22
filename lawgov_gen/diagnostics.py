"""Findings about a data file: one position, one level, one rule, one message."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]

LEVEL_WORDS: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
LEVEL_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a data file, pointing at a line and column (1-based)."""

    path: str
    line: int
    col: int
    level: Level
    rule: str
    message: str

    def format(self) -> str:
        """Render as `path:line:col: LEVEL RULE message` (RULE omitted for schema errors)."""
        rule = f"{self.rule} " if self.rule else ""
        return f"{self.path}:{self.line}:{self.col}: {LEVEL_WORDS[self.level]} {rule}{self.message}"

    def as_json(self) -> dict[str, object]:
        """The JSON object of the contract: path, line, col, level, rule, message."""
        return asdict(self)


def sort_key(d: Diagnostic) -> tuple[str, int, int, int, str]:
    """Order findings by file, then position, then severity."""
    return (d.path, d.line, d.col, LEVEL_ORDER[d.level], d.rule)
