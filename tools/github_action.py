"""The steps of the GitHub Action (action.yml), in one script that tests/test_action.py runs the
same way in a fresh clone: no act, no runner, the same environment variables.

  python tools/github_action.py cache-key   # the font cache's folder and key (→ $GITHUB_OUTPUT)
  python tools/github_action.py install     # wheel → fresh venv; the font policy's fonts
  python tools/github_action.py run         # check (annotations), render, summary table,
                                            # step summary (→ $GITHUB_STEP_SUMMARY)

Inputs come as LAWGOV_PATHS, LAWGOV_PDF, LAWGOV_HTML, LAWGOV_STRICT, LAWGOV_SUMMARY and
LAWGOV_OUTPUT (action.yml maps its inputs to them: never spliced into a shell line). Only the
standard library: this runs before lawgov-gen is installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent  # the action's checkout ($GITHUB_ACTION_PATH)
SCRIPT = HERE / "scripts" / "install-system-deps.sh"
LEVELS = ("error", "warning", "info")


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _flag(name: str) -> bool:
    value = _env(name, "false").lower()
    if value not in ("true", "false", ""):
        raise SystemExit(
            f"::error title=lawgov-gen::输入 {name} 应为 true 或 false，现在是“{value}”"
        )
    return value == "true"


def _temp() -> Path:
    return Path(_env("RUNNER_TEMP") or "/tmp")


def venv_dir() -> Path:
    return _temp() / "lawgov-gen-venv"


def font_dir() -> Path:
    home = Path(_env("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return home / "fonts" / "lawgov-gen"


def cache_key() -> str:
    """The cached folders and their keys: the fonts change with the font policy (the
    script), pip's downloads with the dependencies (pyproject.toml)."""
    system = _env("RUNNER_OS", "Linux")
    fonts = hashlib.sha256(SCRIPT.read_bytes()).hexdigest()[:16]
    deps = hashlib.sha256((HERE / "pyproject.toml").read_bytes()).hexdigest()[:16]
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return (
        f"font-dir={font_dir()}\nfonts=lawgov-gen-fonts-{system}-{fonts}\n"
        f"pip-dir={Path.home() / '.cache' / 'pip'}\npip=lawgov-gen-pip-{system}-{python}-{deps}\n"
    )


def _append(variable: str, text: str) -> None:
    target = _env(variable)
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(text)


def install() -> int:
    """Build the wheel of this checkout, install it into a fresh venv, bring in the fonts and
    libraries the local setup uses (scripts/install-system-deps.sh, fonts in the user's font
    folder, which the Action caches), and put the venv on $GITHUB_PATH."""
    venv = venv_dir()
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    python = venv / "bin" / "python"
    dist = _temp() / "lawgov-gen-dist"
    pip = [str(python), "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(dist), str(HERE)], check=True)
    wheels = sorted(dist.glob("lawgov_gen-*.whl"), key=lambda p: p.stat().st_mtime)
    subprocess.run([*pip, "install", str(wheels[-1])], check=True)
    env = {
        **os.environ,
        "LAWGOV_USER_FONTS": "1",
        "LAWGOV_FONT_DIR": str(font_dir()),
        "WITH_TEST_TOOLS": "0",
    }
    subprocess.run(["bash", str(SCRIPT)], check=True, env=env)
    _append("GITHUB_PATH", f"{venv / 'bin'}\n")
    version = subprocess.run(
        [str(venv / "bin" / "lawgov-gen"), "--version"], capture_output=True, text=True, check=True
    )
    print(version.stdout.strip())
    return 0


def _reports(python: Path, paths: list[str]) -> list[str]:
    """The reports lawgov-gen reads from the arguments (folders expanded, catalogues and
    included parts left out), asked of the installed package itself."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from lawgov_gen.cli.inputs import sort_inputs\n"
        "from lawgov_gen.data.paths import display_name\n"
        "print(json.dumps([display_name(p) for p in sort_inputs([Path(a) for a in sys.argv[1:]]).reports]))\n"
    )
    out = subprocess.run([str(python), "-c", code, *paths], capture_output=True, text=True)
    return list(json.loads(out.stdout)) if out.returncode == 0 else []


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def step_summary(
    reports: list[str], findings: list[dict[str, object]], output: Path, extra: list[str]
) -> str:
    """The Markdown the step summary shows: one row per report (status, counts, files made),
    then the other files of the output folder (the summary table)."""
    counts: dict[str, Counter[str]] = {}
    for f in findings:
        counts.setdefault(str(f["path"]), Counter())[str(f["level"])] += 1
    made = sorted(p.name for p in output.iterdir()) if output.is_dir() else []
    rows = [
        "## lawgov-gen：法治政府建设年度报告",
        "",
        "| 报告 | 状态 | 错误 | 警告 | 提示 | 生成的文件 |",
        "|---|---|---:|---:|---:|---|",
    ]
    for path in [*reports, *(p for p in counts if p not in reports)]:
        n = counts.get(path, Counter())
        stem = Path(path).stem
        files = [name for name in made if Path(name).stem == stem]
        status = "❌ 有错误" if n["error"] else ("⚠️ 有警告" if n["warning"] else "✅ 通过")
        shown = "、".join(f"`{_cell(f)}`" for f in files) or "（未生成）"
        rows.append(
            f"| `{_cell(path)}` | {status} | {n['error']} | {n['warning']} | {n['info']} | {shown} |"
        )
    total = Counter(str(f["level"]) for f in findings)
    rows += [
        "",
        f"共 {len(reports)} 份报告：{total['error']} 个错误，{total['warning']} 个警告，"
        f"{total['info']} 个提示。",
    ]
    if extra:
        rows.append("汇总表：" + "、".join(f"`{_cell(name)}`" for name in extra))
    return "\n".join(rows) + "\n"


def run() -> int:
    """check with annotations, render, the summary table and the step summary; the exit
    status is 1 when check or render failed (the Action then fails, after the upload)."""
    venv = venv_dir()
    tool, python = str(venv / "bin" / "lawgov-gen"), venv / "bin" / "python"
    paths = shlex.split(_env("LAWGOV_PATHS") or ".")
    output = Path(_env("LAWGOV_OUTPUT") or "lawgov-gen-output")
    strict = ["--strict"] if _flag("LAWGOV_STRICT") else []
    output.mkdir(parents=True, exist_ok=True)

    annotated = subprocess.run([tool, "check", "--format", "github", *strict, *paths])
    as_json = subprocess.run(
        [tool, "check", "--format", "json", *strict, *paths], capture_output=True, text=True
    )
    try:
        findings = list(json.loads(as_json.stdout))
    except json.JSONDecodeError:
        findings = []
        print(as_json.stderr, file=sys.stderr)
    extras = (["--pdf"] if _flag("LAWGOV_PDF") else []) + (
        ["--html"] if _flag("LAWGOV_HTML") else []
    )
    rendered = subprocess.run([tool, "render", *paths, "-o", str(output), *extras, *strict])
    made: list[str] = []
    table = _env("LAWGOV_SUMMARY")
    if table:
        target = output / table
        summary = subprocess.run([tool, "summary", *paths, "-o", str(target), *strict])
        if target.is_file():
            made.append(table)
        failed_summary = summary.returncode != 0
    else:
        failed_summary = False
    reports = _reports(python, paths)
    markdown = step_summary(reports, findings, output, made)
    _append("GITHUB_STEP_SUMMARY", markdown)
    total = Counter(str(f["level"]) for f in findings)
    _append(
        "GITHUB_OUTPUT",
        f"errors={total['error']}\nwarnings={total['warning']}\nreports={len(reports)}\n"
        f"output={output}\n",
    )
    failed = annotated.returncode or rendered.returncode or failed_summary
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    steps = {"cache-key": lambda: print(cache_key(), end="") or 0, "install": install, "run": run}
    if len(argv) != 1 or argv[0] not in steps:
        print(f"用法：python {Path(__file__).name} {'|'.join(steps)}", file=sys.stderr)
        return 2
    return int(steps[argv[0]]() or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
