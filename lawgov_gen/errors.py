"""One exception hierarchy; the CLI catches LawgovError and never shows a traceback."""

from __future__ import annotations

from collections.abc import Iterable

from lawgov_gen.diagnostics import Diagnostic


class LawgovError(Exception):
    """Base of every error a user can cause; its message is shown as is."""


class DataError(LawgovError):
    """The data file is bad: carries every problem found, with positions."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


class TemplateProblem(LawgovError):
    """A user or built-in template cannot be used."""


class FontProblem(LawgovError):
    """Fonts or the subsetter needed for the PDF are missing."""


class OutputProblem(LawgovError):
    """An output file cannot be written."""
