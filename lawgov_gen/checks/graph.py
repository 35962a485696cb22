"""Cycles among the metrics' relations, found in time linear in the metrics and relations:
20,000 metrics in one `of` chain used to take minutes (a search from every metric, each
copying its path at every step)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


def cycles(edges: Mapping[str, Sequence[str]], order: Iterable[str]) -> list[list[str]]:
    """One cycle per tangle (strongly connected set with a cycle), as `start → … → start`
    where `start` is the tangle's first node in `order`; edges to unknown nodes ignored."""
    component = _components(edges)
    sizes: dict[int, int] = {}
    for c in component.values():
        sizes[c] = sizes.get(c, 0) + 1
    out: list[list[str]] = []
    done: set[int] = set()
    for start in order:
        if start not in component or component[start] in done:
            continue
        c = component[start]
        if sizes[c] == 1 and start not in edges[start]:
            continue
        done.add(c)
        out.append(_cycle_through(start, edges, component))
    return out


def _cycle_through(
    start: str, edges: Mapping[str, Sequence[str]], component: dict[str, int]
) -> list[str]:
    """The cycle a depth-first search from `start` meets first (the last child pushed is
    followed first), inside `start`'s component; parents kept instead of copied paths."""
    home = component[start]
    parent: dict[str, str | None] = {start: None}
    stack = [start]
    while stack:
        node = stack.pop()
        for child in edges[node]:
            if child == start:
                path = [start]
                at: str | None = node
                while at is not None and at != start:
                    path.append(at)
                    at = parent[at]
                return [start, *reversed(path[1:]), start]
            if component.get(child) == home and child not in parent:
                parent[child] = node
                stack.append(child)
    raise AssertionError("a node of a cyclic component lies on a cycle")  # pragma: no cover


def _components(edges: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """Tarjan's strongly connected components, iteratively (chains may be long)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    counter = 0
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = edges[node]
            while i < len(children):
                child = children[i]
                i += 1
                if child not in edges:
                    continue
                if child not in index:
                    work.append((node, i))
                    work.append((child, 0))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                if low[node] == index[node]:
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = index[node]
                        if member == node:
                            break
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return component
