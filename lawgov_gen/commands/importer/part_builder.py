"""One part of an old report as it is read: items at the depth their labels give them,
paragraphs and 一是 points, and part 二's two halves."""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 3  # （一） 1. （1）: the model's deepest item level


class PartBuilder:
    """The entries of one part as they are read, with the items still open by depth.

    An item's depth comes from the order its kind of label first appears in the part, as a
    reader sees it: the first kind is depth 1, a new kind under it depth 2, and a kind seen
    before closes the items below it. So a part numbered 1. 2. 3. directly has three
    siblings at depth 1, and a thematic 一、 heading inside part 一 pushes its （一） to depth 2.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.entries: list[dict[str, Any]] = []  # measures, duties, plans, other
        self.open: list[dict[str, Any]] = []  # open items, depth 1 first
        self.kinds: list[str] = []  # the label kind of each open item
        self.causes = False  # part 二: reading the causes
        self.problems: dict[str, Any] = {"shortcomings": [], "causes": []}

    def close(self) -> None:
        """Close every open item: what follows starts again at depth 1."""
        self.open, self.kinds = [], []

    def target(self) -> list[dict[str, Any]]:
        if self.key != "problems":
            return self.entries
        entries: list[dict[str, Any]] = self.problems["causes" if self.causes else "shortcomings"]
        return entries

    def depth(self, kind: str) -> int:
        """The depth an item with this kind of label takes (may exceed MAX_DEPTH)."""
        if kind in self.kinds:
            return self.kinds.index(kind) + 1
        return len(self.kinds) + 1

    def add_item(self, kind: str, item: dict[str, Any]) -> None:
        depth = self.depth(kind)
        del self.open[depth - 1 :]
        del self.kinds[depth - 1 :]
        siblings = self.open[-1].setdefault("items", []) if self.open else self.target()
        siblings.append(item)
        self.open.append(item)
        self.kinds.append(kind)

    def add_paragraph(self, text: str) -> None:
        if self.open:
            item = self.open[-1]
            if not item.get("points") and not item.get("items"):
                item["text"] = f"{item['text']}\n\n{text}" if item.get("text") else text
                return
            # text after points or sub-items: an unnumbered paragraph below them
            item.setdefault("items", []).append({"text": text})
            return
        if self.key == "problems":
            entries = self.target()
            if not entries and self.causes:
                entries.append({"text": text})  # the first cause, under a 原因 heading
            elif not entries:
                intro = self.problems.get("intro")
                self.problems["intro"] = f"{intro}\n\n{text}" if intro else text
            else:
                last = entries[-1]
                last["text"] = f"{last['text']}\n\n{text}" if last.get("text") else text
            return
        self.entries.append({"text": text})

    def finish(self) -> dict[str, Any]:
        """Part 二 as the model holds it. Paragraphs before any point are its intro when points
        follow; with none, they are the shortcomings themselves (never an empty S1 part)."""
        problems = self.problems
        if not problems["shortcomings"] and problems.get("intro"):
            intro = problems.pop("intro")
            problems["shortcomings"] = [{"text": t} for t in intro.split("\n\n")]
        return {k: v for k, v in problems.items() if v}

    def add_points(self, points: list[dict[str, Any]], style: str) -> None:
        if self.key == "problems" and not self.open:
            self.target().extend(points)
            return
        if not self.open:
            last = self.entries[-1] if self.entries else None
            if last is not None and set(last) <= {"points", "points_style"}:
                holder: dict[str, Any] = last  # the next point of a run of 一是… paragraphs
            else:
                holder = {}
                self.entries.append(holder)
        else:
            holder = self.open[-1]
            if holder.get("items"):
                holder = {}
                self.open[-1]["items"].append(holder)
        holder.setdefault("points", []).extend(points)
        if style == "block":
            holder["points_style"] = "block"
