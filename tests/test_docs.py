"""The README stays true: rule table generated from the rules, quick start runs the real commands."""

from __future__ import annotations

import re

from lawgov_gen.checks import RULES, rule_reference
from tests.helpers import ROOT


def test_readme_rule_table_is_generated_from_the_rules() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme.split("<!-- rules:start -->\n")[1].split("\n<!-- rules:end -->")[0]
    assert table == rule_reference()
    for rule_id in RULES:
        assert f"| {rule_id} |" in table, f"{rule_id} lacks a README entry"


def test_quick_start_commands_exist_and_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    quick = readme.split("## 快速开始")[1].split("## ")[0]
    commands = re.findall(r"^(make \w+)", quick, flags=re.M)
    assert commands == ["make examples", "make test"]
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for command in commands:
        assert re.search(rf"^{command.split()[1]}:", makefile, flags=re.M)
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert ci.strip().splitlines()[-1] == "make test"


def test_changelog_has_unreleased_on_top() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    headings = re.findall(r"^## .*$", changelog, flags=re.M)
    assert headings[0] == "## Unreleased"


def test_every_command_is_in_the_readme_usage() -> None:
    from lawgov_gen.cli import cli

    readme = (ROOT / "README.md").read_text("utf-8")
    usage = readme.split("## 用法")[1].split("\n## ")[0]
    for name in cli.commands:
        assert f"lawgov-gen {name} " in usage, f"README 用法 lacks lawgov-gen {name}"
