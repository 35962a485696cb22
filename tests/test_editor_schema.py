"""The editor's schemas agree with check: every example and fixture validates with a real JSON
Schema validator (catalogue short forms included), a report without a catalogue still needs
whole metrics, the catalogue has its own schema, and init writes the modeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from lawgov_gen.data.json_schema import catalog_schema_json, schema_json
from tests.county import CATALOG, COUNTY, TOWNS, township
from tests.helpers import EXAMPLES, MINIMAL, invoke

REPORT = json.loads(schema_json())
CATALOG_SCHEMA = json.loads(catalog_schema_json())


def _errors(schema: dict[str, Any], text: str) -> list[str]:
    # JSON has no dates: a date is checked as the string the editor sees
    data = yaml.safe_load(text)
    data = json.loads(json.dumps(data, default=str))
    validator = jsonschema.Draft202012Validator(schema)
    return sorted(f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data))


def test_the_schemas_are_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(REPORT)
    jsonschema.Draft202012Validator.check_schema(CATALOG_SCHEMA)


def test_every_example_and_fixture_validates() -> None:
    texts = {p.name: p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))}
    assert texts, "no examples"
    texts["MINIMAL"] = MINIMAL
    texts["COUNTY"] = COUNTY
    for name, metrics in TOWNS.items():
        if metrics is not None:  # 戊镇 is not YAML on purpose
            texts[name] = township(name, metrics)
    for name, text in texts.items():
        assert _errors(REPORT, text) == [], name
    assert _errors(CATALOG_SCHEMA, CATALOG) == []


def test_catalogue_short_forms_only_where_a_catalogue_is_quoted() -> None:
    quoting = township("甲镇", "  mediation_cases: 130\n  mediation_success:\n")
    assert _errors(REPORT, quoting) == []
    part = "metrics:\n  mediation_cases: 130\n  leaflets: {value: 500, approx: true}\n"
    assert _errors(REPORT, part) == []  # a part may be included by a report that quotes one
    bare = MINIMAL.replace(
        "  cases: {label: 调解纠纷, value: 130, unit: 起, prev: 118}", "  cases: 130"
    )
    assert _errors(REPORT, bare) != []
    assert _errors(REPORT, "intro: 现将有关情况报告如下：\n") == []  # a part
    wrong = township("甲镇", "  mediation_cases: {value: 130, colour: red}\n")
    assert any("colour" in e for e in _errors(REPORT, wrong))


def test_the_catalogue_schema_refuses_what_the_loader_refuses() -> None:
    assert any("required" in e for e in _errors(CATALOG_SCHEMA, "version: 1\nmetrics: {}\n"))
    bad = CATALOG.replace("required: true}", "required: true, colour: red}", 1)
    assert any("colour" in e for e in _errors(CATALOG_SCHEMA, bad))


def test_init_writes_the_modeline_and_the_schema_once(in_tmp: Path) -> None:
    Path("2024/乡镇").mkdir(parents=True)
    first = invoke("init", "2024/乡镇/甲镇.yaml", "--org", "示例县甲镇人民政府", "--year", "2024")
    assert first.exit_code == 0
    assert first.stdout.splitlines()[1] == (
        "已生成 lawgov-gen.schema.json（数据文件的 JSON Schema：编辑器据此检查和补全，见 README）"
    )
    text = Path("2024/乡镇/甲镇.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../lawgov-gen.schema.json\n")
    assert Path("lawgov-gen.schema.json").read_text("utf-8") == schema_json() + "\n"
    assert invoke("check", "2024/乡镇/甲镇.yaml").exit_code == 0
    second = invoke("init", "2024/乡镇/乙镇.yaml", "--org", "示例县乙镇人民政府", "--year", "2024")
    assert "schema" not in second.stdout
    assert (
        Path("2024/乡镇/乙镇.yaml")
        .read_text("utf-8")
        .startswith("# yaml-language-server: $schema=../../lawgov-gen.schema.json\n")
    )
    nxt = invoke("init", "2025/甲镇.yaml", "--from", "2024/乡镇/甲镇.yaml")
    assert nxt.exit_code == 0
    assert (
        Path("2025/甲镇.yaml")
        .read_text("utf-8")
        .startswith("# yaml-language-server: $schema=../lawgov-gen.schema.json\n")
    )


def test_schema_command_prints_both_schemas() -> None:
    assert json.loads(invoke("schema").stdout) == REPORT
    assert json.loads(invoke("schema", "--catalog").stdout) == CATALOG_SCHEMA
