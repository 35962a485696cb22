"""`lawgov-gen check`: the rules of rules.md, each with a stable id and level.

The table is complete on import: every rule module is listed here.
"""

from __future__ import annotations

from lawgov_gen.checks import (
    arithmetic,
    carried,
    catalog,
    dates,
    glyph_rules,
    placeholders,
    references,
    structure,
    units,
    writing,
)
from lawgov_gen.checks.registry import Rule, rules_of
from lawgov_gen.diagnostics import LEVEL_WORDS

RULES: dict[str, Rule] = {
    r.id: r
    for r in rules_of(
        structure,
        dates,
        carried,
        arithmetic,
        units,
        references,
        catalog,
        writing,
        placeholders,
        glyph_rules,
    )
}


def rule_reference() -> str:
    """The README's rule table, generated from the rule definitions."""
    lines = ["| 规则 | 级别 | 检查什么 | 如何修改 |", "|---|---|---|---|"]
    for r in sorted(RULES.values(), key=lambda r: (r.id[0], int(r.id[1:]))):
        lines.append(f"| {r.id} | {LEVEL_WORDS[r.level]} | {r.catches} | {r.fix} |")
    return "\n".join(lines)


__all__ = ["RULES", "Rule", "rule_reference"]
