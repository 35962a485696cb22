"""The content stage on its own: data file → blocks (kind, printed text, source), without
rendering — the numbering, the statute's order and 无。 for an empty optional part."""

from __future__ import annotations

from pathlib import Path

from lawgov_gen.content.context import build_context
from lawgov_gen.data.loader import load
from tests.helpers import MINIMAL, minimal_text

MEASURES = """\
measures:
  - text: 全年工作平稳。
  - title: 加强组织领导
    text: 健全工作机制。
    items:
      - title: 完善制度
        items:
          - title: 修订规则
            text: 修订议事规则。
      - title: 压实责任
  - title: 严格执法
    points:
      - {lead: 规范程序, text: 落实三项制度。}
      - text: 开展案卷评查。
"""


def blocks(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "report.yaml"
    path.write_text(text, "utf-8")
    return [(b.kind, b.text) for b in build_context(load(path)).blocks]


def test_titled_items_are_numbered_by_level_and_untitled_ones_are_not(tmp_path: Path) -> None:
    start = MINIMAL.index("measures:")
    end = MINIMAL.index("problems:")
    got = blocks(tmp_path, MINIMAL[:start] + MEASURES + MINIMAL[end:])
    first = got.index(("h1", "一、2024年推进法治政府建设的主要举措和成效"))
    second = [b for b in got if b[0] == "h1"][1]
    assert got[first + 1 : got.index(second)] == [
        ("body", "全年工作平稳。"),
        ("h2", "（一）加强组织领导"),
        ("body", "健全工作机制。"),
        ("h3", "1.完善制度"),
        ("h4", "（1）修订规则"),
        ("body", "修订议事规则。"),
        ("h3", "2.压实责任"),
        ("h2", "（二）严格执法"),
        ("body", "一是规范程序。落实三项制度。二是开展案卷评查。"),
    ]


def test_parts_follow_the_statute_an_empty_part_three_says_nothing_and_five_none(
    tmp_path: Path,
) -> None:
    text = minimal_text(("duties:\n  - title: 带头学法\n    text: 主要负责人带头学法。\n", ""))
    text = text.replace(text[text.index("court:") : text.index("plans:")], "")
    got = blocks(tmp_path, text)
    headings = [t for kind, t in got if kind == "h1"]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、", "四、", "五、"]
    assert got[got.index(("h1", headings[2])) + 1] == ("h1", headings[3])
    assert got[-1] == ("body", "无。") and got[-2] == ("h1", "五、其他需要报告的情况")
