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

    def github_annotation(self) -> str:
        """One GitHub Actions workflow command: ::error file=…,line=…,col=…,title=RULE::message."""
        command = {"error": "error", "warning": "warning", "info": "notice"}[self.level]
        props = ",".join(
            f"{key}={_escape_property(value)}"
            for key, value in (
                ("file", self.path),
                ("line", str(self.line)),
                ("col", str(self.col)),
                ("title", self.rule or "lawgov-gen"),
            )
        )
        return f"::{command} {props}::{_escape_data(self.message)}"

    def as_json(self) -> dict[str, object]:
        """The JSON object of the contract: path, line, col, level, rule, message."""
        return asdict(self)


def sort_key(d: Diagnostic) -> tuple[str, int, int, int, str]:
    """Order findings by file, then position, then severity."""
    return (d.path, d.line, d.col, LEVEL_ORDER[d.level], d.rule)


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escaping (actions/toolkit: escapeData / escapeProperty)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
