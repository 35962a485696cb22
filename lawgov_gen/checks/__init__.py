"""`lawgov-gen check`: the rules of rules.md, each with a stable id and level."""

from __future__ import annotations

from lawgov_gen.checks.registry import RULES, Rule, run_checks

__all__ = ["RULES", "Rule", "run_checks"]
