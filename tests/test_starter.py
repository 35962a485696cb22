"""`lawgov-gen init`: a valid starter whatever the names are, whose samples are not
silently accepted; and the built-in templates exported for restyling."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import check_lines, invoke

pytestmark = pytest.mark.usefixtures("in_tmp")


@pytest.mark.parametrize(
    "org",
    [
        "示例县#青禾镇人民政府",
        "示例县: 青禾镇人民政府",
        "示例县'青禾\"镇人民政府",
        "示例县{青禾}镇[人民]政府",
        "- 示例县青禾镇人民政府 &a *b !c %d @e `f",
    ],
)
def test_init_org_with_yaml_syntax_keeps_the_text(org: str) -> None:
    result = invoke("init", "a.yaml", "--org", org, "--short", "青禾镇", "--year", "2024")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(Path("a.yaml").read_text("utf-8"))
    assert data["report"]["org"] == org
    assert invoke("render", "a.yaml").exit_code == 0


def test_init_derives_the_addressees_from_org() -> None:
    invoke("init", "a.yaml", "--org", "示例市示例区青禾街道办事处", "--year", "2024")
    data = yaml.safe_load(Path("a.yaml").read_text("utf-8"))
    assert data["report"]["to"] == ["中共示例市示例区委员会", "示例市示例区人民政府"]
    invoke("init", "b.yaml", "--org", "示例县青禾镇人民政府", "--year", "2024")
    assert yaml.safe_load(Path("b.yaml").read_text("utf-8"))["report"]["to"] == [
        "中共示例县委员会",
        "示例县人民政府",
    ]


def test_s8_starter_samples_not_replaced() -> None:
    invoke("init", "a.yaml", "--org", "青禾镇人民政府", "--year", "2024")
    code, out = check_lines("a.yaml")
    assert code == 0
    assert out[:2] == [
        "a.yaml:14:8: 警告 S8 主送机关“中共某某县委员会”是示例：请写实际的上级党委、政府",
        "a.yaml:14:18: 警告 S8 主送机关“某某县人民政府”是示例：请写实际的上级党委、政府",
    ]
    assert "a.yaml:24:43: 警告 S8 “调解矛盾纠纷”仍是 init 生成的示例数字 100：请填写实际数字" in out
    assert any(
        "S8 这是 init 生成的示例文字，还没有改：“把法治政府建设纳入经济社会发展总" in ln
        for ln in out
    )
    assert check_lines("a.yaml", "--strict")[0] == 1
    # replaced: quiet
    text = Path("a.yaml").read_text("utf-8")
    for old, new in (
        ("某某县", "示例县"),
        ("value: 100", "value: 130"),
        ("value: 96", "value: 120"),
        ("value: 20,", "value: 21,"),
        ("value: 3000", "value: 2500"),
        ("value: 10,", "value: 12,"),
    ):
        text = text.replace(old, new)
    Path("a.yaml").write_text(text, encoding="utf-8")
    assert not any("示例数字" in ln or "主送机关" in ln for ln in check_lines("a.yaml")[1])


def test_init_yml_name_counts_in_folders() -> None:
    Path("towns").mkdir()
    assert invoke("init", "towns/甲镇.yml", "--year", "2024").exit_code == 0
    result = invoke("render", "towns", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "已生成 out/甲镇.docx\n"


def test_init_templates_exports_the_builtin_ones() -> None:
    from lawgov_gen.render.templates import builtin_template_dir

    result = invoke("init", "--templates", "我的模板")
    assert result.exit_code == 0, result.stderr
    for name in ("report.docx", "report.html", "report.css"):
        assert (Path("我的模板") / name).read_bytes() == (
            builtin_template_dir() / name
        ).read_bytes()
    assert invoke("init", "--templates", "我的模板").exit_code == 1  # no overwrite without --force
    invoke("init", "a.yaml", "--year", "2024")
    assert invoke("render", "a.yaml", "--pdf", "--template", "我的模板").exit_code == 0


def test_init_from_last_year_is_a_draft_that_check_holds_back(tmp_path: Path) -> None:
    import re
    import shutil

    from tests.helpers import EXAMPLES

    Path("2024").mkdir()
    for name in ("township.yaml", "township-2023.yaml"):
        shutil.copy(EXAMPLES / name, Path("2024") / name)
    result = invoke("init", "2025/青禾镇.yaml", "--from", "2024/township.yaml")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(Path("2025/青禾镇.yaml").read_text("utf-8"))
    assert data["previous"] == "../2024/township.yaml"
    assert (data["report"]["year"], data["report"]["date"]) == (2025, None)
    assert "doc_number" not in data["report"] and "index_number" not in data["report"]
    assert data["metrics"]["mediation_cases"] == {
        "label": "排查调解矛盾纠纷",
        "value": None,
        "unit": "起",
    }
    assert data["metrics"]["mediation_rate"]["rate"] == ["mediation_success", "mediation_cases"]
    assert data["measures"][0]["title"] == "加强组织领导，压实工作责任"
    code, out = check_lines("2025/青禾镇.yaml")
    assert code == 1
    assert (
        out[0]
        == "2025/青禾镇.yaml:11:8: 错误 SCHEMA “report.date”还没有填写：日期，格式如 2025-02-26"
    )
    empty = [ln for ln in out if "还没有填写数值" in ln]
    assert len(empty) == sum(1 for m in data["metrics"].values() if "rate" not in m)
    assert any("metrics.fund”还没有填写数值" in ln for ln in empty)
    assert sum("court." in ln and "还没有填写" in ln for ln in out) == 5
    # filled in: the text's {{ m.x.change }} works from `previous`
    text = Path("2025/青禾镇.yaml").read_text("utf-8")
    text = text.replace("date: # 成文日期：请填写，如 2026-02-20", "date: 2026-02-10")
    text = re.sub(r"value: null", "value: 30", text)
    for whole in ("penalty_cases", "adviser_reviews"):  # their two parts add up to 60
        text = re.sub(rf"({whole}: {{[^}}]*value: )30", r"\g<1>60", text)
    text = re.sub(
        r"(lawsuits|head_appearances|lost|judgments_due|judgments_performed):\s*\n",
        r"\1: 0\n",
        text,
    )
    Path("2025/青禾镇.yaml").write_text(text, encoding="utf-8")
    code, out = check_lines("2025/青禾镇.yaml")
    assert not [ln for ln in out if " 错误 " in ln], out
    assert invoke("render", "2025/青禾镇.yaml", "-o", "out").exit_code == 0
    import docx

    printed = "\n".join(p.text for p in docx.Document("out/青禾镇.docx").paragraphs)
    assert "全年排查调解各类矛盾纠纷30起，同比下降79.5%" in printed


@pytest.mark.parametrize(
    "name", ["yes", "no", "on", "off", "true", "null", "~", "123", "1_000", "12:30", "2024-01-01"]
)
def test_init_names_yaml_would_read_as_other_things_stay_text(name: str) -> None:
    assert invoke("init", "a.yaml", "--org", name, "--short", name).exit_code == 0
    report = yaml.safe_load(Path("a.yaml").read_text("utf-8"))["report"]
    assert (report["org"], report["short"]) == (name, name)
    code, out = check_lines("a.yaml")
    assert code == 0 and not [ln for ln in out if " S8 " not in ln], out


def test_every_writer_quotes_what_pyyaml_reads_as_non_text() -> None:
    from lawgov_gen.data import yaml_writer as yw

    values = ["yes", "No", "ON", "off", "True", "null", "~", "", "-1", "0o12", "0x1f", ".inf"]
    values += ["1.5e3", "12:30:00", "2024-01-01", "示例", "a: b"]
    doc = yw.mapping([(f"k{i}", v) for i, v in enumerate(values)] + [("yes", "key")])
    back = yaml.safe_load(yw.dump(doc))
    assert back == {**{f"k{i}": v for i, v in enumerate(values)}, "yes": "key"}


def test_init_refuses_a_name_with_braces() -> None:
    result = invoke("init", "a.yaml", "--org", "示例县{{ year }}镇人民政府")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "错误 --org 中有“{{”或“}}”：机关名称原样印在报告中，不能引用数值，请只写名称\n"
    )
    assert not Path("a.yaml").exists()


def test_init_does_not_cut_a_name_inside_its_quotes() -> None:
    assert invoke("init", "a.yaml", "--org", '"示例县"青禾镇人民政府').exit_code == 0
    report = yaml.safe_load(Path("a.yaml").read_text("utf-8"))["report"]
    assert report["short"] == '"示例县"青禾镇'
    assert report["to"] == ["中共某某县委员会", "某某县人民政府"]


def test_s8_names_the_starters_sample_org_and_short() -> None:
    assert invoke("init", "a.yaml", "--year", "2024").exit_code == 0
    assert check_lines("a.yaml")[1][:4] == [
        "a.yaml:9:8: 警告 S8 发文机关“某某县某某镇人民政府”是示例：请写本单位的全称",
        "a.yaml:10:10: 警告 S8 简称“某某镇”是示例：请写本单位的简称",
        "a.yaml:14:8: 警告 S8 主送机关“中共某某县委员会”是示例：请写实际的上级党委、政府",
        "a.yaml:14:18: 警告 S8 主送机关“某某县人民政府”是示例：请写实际的上级党委、政府",
    ]
