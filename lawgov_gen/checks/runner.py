"""Run the checks on a data file: one place decides what is reported, what `report.ignore`
silences and what blocks rendering, so `check` and `render` cannot disagree."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lawgov_gen.checks.glyph_rules import GlyphProbe, glyph_findings
from lawgov_gen.checks.registry import CheckInput, Rule
from lawgov_gen.data.loader import Loaded, display_name, load
from lawgov_gen.diagnostics import Diagnostic, Level, sort_key
from lawgov_gen.errors import DataError

if TYPE_CHECKING:
    from lawgov_gen.content.context import ReportContext

# Rules whose findings make the output wrong or impossible: they cannot be ignored.
NOT_IGNORABLE = frozenset(
    {"YAML", "SCHEMA", "T1", "Q3", "Q4", "Q10", "Q13", "S7", "F7", "F8", "P2"}
)
LOAD_RULES = ("YAML", "SCHEMA")


@dataclass
class Checked:
    """A data file after the checks: the loaded report (None when it did not load), every
    finding, and the context when nothing blocks building it."""

    path: Path
    loaded: Loaded | None
    findings: list[Diagnostic] = field(default_factory=list)
    context: ReportContext | None = None

    @property
    def name(self) -> str:
        return display_name(self.path)

    def blocking(self, strict: bool) -> list[Diagnostic]:
        """What stops a render, reported at the level 错误."""
        return blocking(self.findings, strict)

    def count(self, level: Level) -> int:
        return sum(1 for d in self.findings if d.level == level)


def blocking(findings: list[Diagnostic], strict: bool) -> list[Diagnostic]:
    """The one blocking rule: errors stop a render; warnings too under --strict (and are
    then reported as errors). Info never blocks."""
    levels = ("error", "warning") if strict else ("error",)
    return [
        dataclasses.replace(d, level="error") if d.level == "warning" else d
        for d in findings
        if d.level in levels
    ]


def _ignore_problems(loaded: Loaded, rules: dict[str, Rule]) -> list[Diagnostic]:
    out = []
    known = sorted((r for r in rules if r not in NOT_IGNORABLE), key=lambda r: (r[0], int(r[1:])))
    for i, rule_id in enumerate(loaded.data.report.ignore):
        if rule_id in NOT_IGNORABLE:
            message = (
                f"规则“{rule_id}”不能关闭：它指出的问题会让生成的文件出错或无法生成，请改正数据"
            )
        elif rule_id not in rules:
            message = f"report.ignore 中的“{rule_id}”不是已知的规则编号：可用 {'、'.join(known)}"
        else:
            continue
        out.append(loaded.sources.diag(("report", "ignore", i), "error", "SCHEMA", message))
    return out


def run_rules(loaded: Loaded, rules: dict[str, Rule]) -> tuple[CheckInput, list[Diagnostic]]:
    """Every rule's findings, minus those `report.ignore` silences, with no duplicates."""
    levels = {rule_id: r.level for rule_id, r in rules.items()}
    inp = CheckInput(loaded, levels)
    found = _ignore_problems(loaded, rules)
    for r in rules.values():
        if r.func is not None:
            found.extend(r.func(inp))
    return inp, _unique(found, set(loaded.data.report.ignore))


def _unique(found: list[Diagnostic], ignored: set[str]) -> list[Diagnostic]:
    seen: set[Diagnostic] = set()
    out = []
    for d in found:
        # filter by the finding's id: one rule function may report under another id
        if (d.rule in NOT_IGNORABLE or d.rule not in ignored) and d not in seen:
            seen.add(d)
            out.append(d)
    return out


def check_file(path: Path, *, glyphs: GlyphProbe | None = None) -> Checked:
    """Load and lint one data file; every problem is returned, nothing raised.

    With `glyphs` (the PDF fonts' coverage), characters the fonts cannot draw are
    reported too (P1, P2), as `render --pdf` would find them.
    """
    from lawgov_gen.checks import RULES
    from lawgov_gen.content.context import build_context

    try:
        loaded = load(path)
    except DataError as exc:
        return Checked(path, None, sorted(exc.diagnostics, key=sort_key))
    inp, findings = run_rules(loaded, RULES)
    checked = Checked(path, loaded, findings)
    if not any(d.level == "error" for d in findings):
        checked.context = build_context(loaded)
        if glyphs is not None:
            gaps = glyph_findings(inp, glyphs(checked.context))
            checked.findings.extend(_unique(gaps, set(loaded.data.report.ignore)))
    checked.findings.sort(key=sort_key)
    return checked
