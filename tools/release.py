"""Prepare a release (README, 发布): python tools/release.py 0.2.0

- CHANGELOG.md: the entries under "## Unreleased" become "## [0.2.0] - <today>", under a new
  empty "## Unreleased";
- README.md: every `rev: v…` (pre-commit) and `uses: …/lawgov-gen@v…` (the GitHub Action)
  names the new tag, so the README's recipes resolve.

Then commit ("Release 0.2.0"), land the commit on main and tag it: `git tag v0.2.0 <commit>`.
The version itself comes from that tag (hatch-vcs): nothing else names it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNRELEASED = "## Unreleased"
RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", re.M)
VERSION = re.compile(r"\d+\.\d+\.\d+")
# the README's pins of this project's tag: pre-commit's rev and the Action's uses
PINS = re.compile(r"(rev: |uses: [\w.-]+/lawgov-gen@)v\d+\.\d+\.\d+")


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def releases(changelog: str) -> list[str]:
    """The released versions of a changelog, newest first (as written)."""
    return [m.group(1) for m in RELEASE.finditer(changelog)]


def release_changelog(changelog: str, version: str, date: dt.date) -> str:
    """The changelog with the Unreleased entries moved under the new version's heading."""
    if not VERSION.fullmatch(version):
        raise ValueError(f"版本号应为 X.Y.Z（如 0.2.0），现在是“{version}”")
    done = releases(changelog)
    if done and _key(version) <= _key(done[0]):
        raise ValueError(f"版本 {version} 不比上一个版本 {done[0]} 新")
    head, sep, rest = changelog.partition(UNRELEASED + "\n")
    if not sep:
        raise ValueError(f"CHANGELOG.md 中没有“{UNRELEASED}”一节")
    entries = rest.split("\n## ", 1)[0]
    if not entries.strip():
        raise ValueError("“## Unreleased”下没有任何条目：没有可发布的变更")
    return f"{head}{UNRELEASED}\n\n## [{version}] - {date.isoformat()}\n{rest}"


def pin_readme(readme: str, version: str) -> str:
    """The README with every pin of this project's tag set to v<version>."""
    return PINS.sub(lambda m: f"{m.group(1)}v{version}", readme)


def readme_pins(readme: str) -> set[str]:
    """The versions the README's recipes pin."""
    return {m.group(0).rsplit("v", 1)[1] for m in PINS.finditer(readme)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="准备发布：更新 CHANGELOG.md 和 README.md")
    parser.add_argument("version", help="新版本号，如 0.2.0（标签为 v0.2.0）")
    args = parser.parse_args(argv)
    changelog_path, readme_path = ROOT / "CHANGELOG.md", ROOT / "README.md"
    try:
        changelog = release_changelog(
            changelog_path.read_text("utf-8"), args.version, dt.date.today()
        )
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    changelog_path.write_text(changelog, "utf-8")
    readme_path.write_text(pin_readme(readme_path.read_text("utf-8"), args.version), "utf-8")
    print(
        f"已更新 CHANGELOG.md 和 README.md。下一步：\n"
        f'  git commit -am "Release {args.version}"\n'
        f"  （合入 main 后）git tag v{args.version} <该提交> && git push origin v{args.version}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
