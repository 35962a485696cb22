"""Where each value of a data file stands: its file, its span, and the way back from an
index inside a string value to the line and column the clerk typed it at."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lawgov_gen.diagnostics import Diagnostic, Level

KeyPath = tuple[str | int, ...]


@dataclass
class SourceFile:
    """The text of one data file and the name used for it in messages."""

    name: str
    path: Path
    text: str

    @cached_property
    def _line_starts(self) -> list[int]:
        # YAML breaks lines at \n, \r\n and a lone \r alike
        return [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", self.text))]

    def line_col(self, index: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character index in the text."""
        starts = self._line_starts
        line = bisect_right(starts, index)
        return line, index - starts[line - 1] + 1

    def index_of(self, line: int, col: int) -> int | None:
        """The character index of a 1-based line and column (the inverse of line_col)."""
        starts = self._line_starts
        if not 1 <= line <= len(starts) or col < 1:
            return None
        index = starts[line - 1] + col - 1
        return index if index <= len(self.text) else None


@dataclass(frozen=True)
class Pos:
    """Where a value stands: its file and the character span of its YAML node."""

    source: SourceFile
    start: int
    end: int

    @property
    def line(self) -> int:
        return self.source.line_col(self.start)[0]

    @property
    def col(self) -> int:
        return self.source.line_col(self.start)[1]


def source_index(raw: str, start: int, end: int, value: str, index: int) -> int | None:
    """The index in the raw YAML text of character `index` of a scalar's value.

    The value's characters appear in the raw text in order (block scalars drop the
    indentation, quoted scalars their quotes and escapes), so they are matched one by
    one; None when the raw text cannot be aligned (an escape such as \\u4e00).
    """
    if raw.startswith('"', start):
        found = _double_quoted_index(raw, start + 1, end, value, index)
        if found is not None:
            return found
    pos = start
    for i, ch in enumerate(value[: index + 1]):
        if ch in "\n ":
            # folding turns line breaks into spaces and back: skip, do not align
            if i == index:
                return _skip_to(raw, pos, end, ch)
            continue
        found = raw.find(ch, pos, end)
        if found < 0:
            return None
        if i == index:
            return found
        pos = found + 1
    return None


_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
    "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}


def _double_quoted_index(raw: str, pos: int, end: int, value: str, index: int) -> int | None:
    """The raw index of character `index` of a double-quoted scalar, decoding its escapes
    (\u200b stands where its backslash is); None when the decoding does not match `value`."""
    i = 0
    while pos < end and i <= index:
        ch, width = raw[pos], 1
        if ch == "\\" and pos + 1 < end:
            code = raw[pos + 1]
            if code in _HEX_LENGTH:
                width = 2 + _HEX_LENGTH[code]
                try:
                    ch = chr(int(raw[pos + 2 : pos + width], 16))
                except ValueError:
                    return None
            elif code in _ESCAPES:
                ch, width = _ESCAPES[code], 2
            else:
                return None  # an escaped line break or something unusual: not aligned here
        elif ch in "\r\n":
            return None  # folded lines: left to the character-by-character match
        if ch == '"' and width == 1:
            return None
        if value[i] != ch:
            return None
        if i == index:
            return pos
        i += 1
        pos += width
    return None


def _skip_to(raw: str, pos: int, end: int, ch: str) -> int | None:
    found = raw.find(ch, pos, end)
    return None if found < 0 else found


@dataclass
class SourceMap:
    """Positions of every key path of the (merged) data, across included files."""

    positions: dict[KeyPath, Pos] = field(default_factory=dict)
    key_positions: dict[KeyPath, Pos] = field(default_factory=dict)
    root: SourceFile | None = None

    def at(self, path: KeyPath, key: bool = False) -> Pos | None:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        for n in range(len(path), -1, -1):
            pos = table.get(path[:n]) or (self.positions.get(path[:n]) if key else None)
            if pos is not None:
                return pos
        return None

    def diag(
        self, path: KeyPath, level: Level, rule: str, message: str, *, key: bool = False
    ) -> Diagnostic:
        """A diagnostic pointing at the value (or key) of `path`."""
        pos = self.at(path, key=key)
        if pos is None:
            name = self.root.name if self.root else "?"
            return Diagnostic(name, 1, 1, level, rule, message)
        return Diagnostic(pos.source.name, pos.line, pos.col, level, rule, message)

    def diag_in(
        self, path: KeyPath, value: str, index: int, level: Level, rule: str, message: str
    ) -> Diagnostic:
        """A diagnostic at character `index` of the string `value` that stands at `path`."""
        pos = self.positions.get(path)
        if pos is None:
            return self.diag(path, level, rule, message)
        found = source_index(pos.source.text, pos.start, pos.end, value, index)
        if found is None:
            return self.diag(path, level, rule, message)
        line, col = pos.source.line_col(found)
        return Diagnostic(pos.source.name, line, col, level, rule, message)
