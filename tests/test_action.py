"""The GitHub Action and the wheel, as users get them: the Action's own steps
(tools/github_action.py) run in a fresh clone of this tree, with no lawgov-gen on PATH, build
the wheel, install it into a fresh venv and check and render a small county repository; the
same venv proves the installed package (version, Word, the no-fonts message, the setup
script). One venv per session: it is the slow part."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.county import build_county
from tests.helpers import MINIMAL, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="没有安装 git")


def _clean_path() -> str:
    """PATH without any folder that holds lawgov-gen or a venv (as fresh-clone-check does)."""
    keep = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if not folder or (Path(folder) / "lawgov-gen").exists() or "venv" in folder:
            continue
        keep.append(folder)
    return os.pathsep.join(keep)


def fresh_clone(dest: Path) -> None:
    """A clone of this repository (tags included) carrying the working tree as it is:
    modified and new files copied over, deleted ones removed."""
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dest)], check=True)

    def listed(*args: str) -> list[str]:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z", *args],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return [p for p in out.split("\0") if p]

    for rel in listed("-m", "-o", "--exclude-standard"):
        if (ROOT / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, dest / rel)
    for rel in listed("-d"):
        (dest / rel).unlink(missing_ok=True)


@dataclass(frozen=True)
class Installed:
    clone: Path
    env: dict[str, str]  # the runner's environment for the Action's steps
    venv: Path
    install_log: str

    def lawgov_gen(self, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.venv / "bin" / "lawgov-gen"), *args],
            cwd=cwd,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            check=False,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    """The Action's cache-key and install steps, run as the runner would."""
    root = tmp_path_factory.mktemp("action")
    clone = root / "lawgov-gen"
    fresh_clone(clone)
    runner = root / "runner"
    runner.mkdir()
    env = {
        k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
    }
    env.update(
        PATH=_clean_path(),
        RUNNER_TEMP=str(runner),
        RUNNER_OS="Linux",
        GITHUB_ACTION_PATH=str(clone),
        GITHUB_PATH=str(runner / "github_path"),
        GITHUB_OUTPUT=str(runner / "github_output"),
        GITHUB_STEP_SUMMARY=str(runner / "step_summary.md"),
        XDG_DATA_HOME=str(root / "data"),
    )
    assert shutil.which("lawgov-gen", path=env["PATH"]) is None
    script = str(clone / "tools" / "github_action.py")
    keys = subprocess.run(
        [sys.executable, script, "cache-key"], env=env, capture_output=True, text=True, check=True
    )
    assert re.fullmatch(
        r"font-dir=.*/fonts/lawgov-gen\nfonts=lawgov-gen-fonts-Linux-[0-9a-f]{16}\n"
        r"pip-dir=.*/\.cache/pip\npip=lawgov-gen-pip-Linux-3\.\d+-[0-9a-f]{16}\n",
        keys.stdout,
    )
    done = subprocess.run(
        [sys.executable, script, "install"], env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout + done.stderr
    venv = runner / "lawgov-gen-venv"
    assert (runner / "github_path").read_text() == f"{venv / 'bin'}\n"
    yield Installed(clone, env, venv, done.stdout)


def _expected_version(clone: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "hatchling", "version"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


def test_the_wheel_in_a_fresh_venv(installed: Installed, tmp_path: Path) -> None:
    """--version is the tag's version; Word renders; the no-fonts message names a step the
    installed package has; the package is the wheel's, not this source tree."""
    venv = installed.venv
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import lawgov_gen; print(lawgov_gen.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert where.startswith(str(venv / "lib"))
    version = f"lawgov-gen {_expected_version(installed.clone)}"
    assert installed.install_log.strip().splitlines()[-1] == version
    assert installed.lawgov_gen("--version", cwd=tmp_path).stdout == version + "\n"
    (tmp_path / "青禾镇.yaml").write_text(MINIMAL, "utf-8")
    word = installed.lawgov_gen("render", "青禾镇.yaml", "-o", "out", cwd=tmp_path)
    assert (word.returncode, word.stdout) == (0, "已生成 out/青禾镇.docx\n")
    # no Chinese font: fontconfig given a configuration with no font folder
    (tmp_path / "fonts.conf").write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>',
        "utf-8",
    )
    pdf = installed.lawgov_gen(
        "render",
        "青禾镇.yaml",
        "--pdf",
        "-o",
        "pdf",
        cwd=tmp_path,
        FONTCONFIG_FILE=str(tmp_path / "fonts.conf"),
    )
    assert pdf.returncode == 1
    assert pdf.stderr == (
        "错误 本机没有任何中文字体，PDF 将只有空白方框：请安装字体：lawgov-gen setup "
        "--print-system-deps | bash（需要 sudo；没有 root 权限时用 LAWGOV_USER_FONTS=1 bash，"
        "字体装到 ~/.local/share/fonts）\n"
    )
    script = installed.lawgov_gen("setup", "--print-system-deps", cwd=tmp_path)
    assert script.stdout == (ROOT / "scripts" / "install-system-deps.sh").read_text("utf-8")
    assert str(venv) in str(
        next((venv / "lib").glob("python3*/site-packages/lawgov_gen/system/install-system-deps.sh"))
    )


def test_the_action_on_a_county_repository(installed: Installed, tmp_path: Path) -> None:
    county = tmp_path / "county"
    county.mkdir()
    build_county(county)
    runner = Path(installed.env["RUNNER_TEMP"])
    inputs = {
        "LAWGOV_PATHS": "指标目录.yaml\n2024/乡镇",
        "LAWGOV_PDF": "true",
        "LAWGOV_HTML": "false",
        "LAWGOV_STRICT": "false",
        "LAWGOV_SUMMARY": "汇总.xlsx",
        "LAWGOV_OUTPUT": "out/报告",
    }
    run = subprocess.run(
        [sys.executable, str(installed.clone / "tools" / "github_action.py"), "run"],
        cwd=county,
        env={**installed.env, **inputs},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 1, run.stderr  # 丁镇 lacks a required indicator, 戊镇 is not YAML
    annotations = [ln for ln in run.stdout.splitlines() if ln.startswith("::")]
    assert annotations[0] == (
        "::error file=2024/乡镇/丁镇.yaml,line=5,col=12,title=C1::缺少指标目录“示例县乡镇法治政府"
        "建设主要指标”中的必填指标“mediation_success”（调解成功）：请在 metrics 中填写"
    )
    assert (
        "::warning file=2024/乡镇/丙镇.yaml,line=7,col=9,title=D2::成文日期晚于 2025年3月1日的报送期限"
        in annotations
    )
    assert (
        "::error file=2024/乡镇/戊镇.yaml,line=1,col=10,title=YAML::YAML 语法错误：这里缺少内容，却遇到了文件结尾"
        in annotations
    )
    assert len(annotations) == 10
    made = sorted(p.name for p in (county / "out" / "报告").iterdir())
    towns = ("丙镇", "乙镇", "己镇", "甲镇")
    assert made == sorted([*(f"{t}.{x}" for t in towns for x in ("docx", "pdf")), "汇总.xlsx"])
    summary = Path(installed.env["GITHUB_STEP_SUMMARY"]).read_text("utf-8")
    assert summary == (
        "## lawgov-gen：法治政府建设年度报告\n\n"
        "| 报告 | 状态 | 错误 | 警告 | 提示 | 生成的文件 |\n"
        "|---|---|---:|---:|---:|---|\n"
        "| `2024/乡镇/丁镇.yaml` | ❌ 有错误 | 3 | 0 | 0 | （未生成） |\n"
        "| `2024/乡镇/丙镇.yaml` | ⚠️ 有警告 | 0 | 1 | 0 | `丙镇.docx`、`丙镇.pdf` |\n"
        "| `2024/乡镇/乙镇.yaml` | ✅ 通过 | 0 | 0 | 2 | `乙镇.docx`、`乙镇.pdf` |\n"
        "| `2024/乡镇/己镇.yaml` | ✅ 通过 | 0 | 0 | 1 | `己镇.docx`、`己镇.pdf` |\n"
        "| `2024/乡镇/戊镇.yaml` | ❌ 有错误 | 1 | 0 | 0 | （未生成） |\n"
        "| `2024/乡镇/甲镇.yaml` | ✅ 通过 | 0 | 0 | 2 | `甲镇.docx`、`甲镇.pdf` |\n\n"
        "共 6 份报告：4 个错误，1 个警告，5 个提示。\n"
        "汇总表：`汇总.xlsx`\n"
    )
    outputs = (runner / "github_output").read_text("utf-8")
    assert outputs.endswith("errors=4\nwarnings=1\nreports=6\noutput=out/报告\n")
    # the PDF's body is set in the policy's 仿宋 stand-in, the face the Action installed
    fonts = subprocess.run(
        ["pdffonts", str(county / "out" / "报告" / "甲镇.pdf")], capture_output=True, text=True
    )
    if fonts.returncode == 0:
        assert "FandolFang" in fonts.stdout


def test_action_metadata_and_the_readme_workflow_are_valid(tmp_path: Path) -> None:
    """action.yml against GitHub's action metadata schema and the README's county workflow
    against the workflow schema (SchemaStore's, as check-jsonschema ships them); the
    workflow uses this Action with inputs it declares."""
    import yaml

    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert checker, "check-jsonschema is a dev dependency: pip install -e '.[dev]'"
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("# .github/workflows/reports.yml\n")[1].split("```")[0]
    workflow = tmp_path / "reports.yml"
    workflow.write_text(block, "utf-8")
    for schema, path in (("github-actions", ROOT / "action.yml"), ("github-workflows", workflow)):
        done = subprocess.run(
            [checker, "--builtin-schema", f"vendor.{schema}", str(path)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
    assert {"paths", "pdf", "html", "strict", "summary", "output"} <= set(action["inputs"])
    for step in yaml.safe_load(block)["jobs"]["reports"]["steps"]:
        if "lawgov-gen@" in step.get("uses", ""):
            assert set(step["with"]) <= set(action["inputs"]), step
