"""Layout decisions made before dot runs: the order that keeps a drawing still across edits."""

from __future__ import annotations

from argmap.diagram.view import View

__all__ = ["tree_order", "ranks", "rows"]


def tree_order(shown: View) -> tuple[str, ...]:
    """Every node id of ``shown``, each right after the node it argues for, siblings in file order.

    A node hangs under its first conclusion (the target of its first line, in file order); nodes that
    argue for nothing are roots, in file order. The order is a depth-first walk of that tree, which an
    edit changes only where it happens: an added statement is inserted beside its siblings, a removed
    one leaves the others in place. Cycles (mutual attacks) are cut where the walk meets them again.
    """
    index = {node.id: place for place, node in enumerate(shown.nodes)}
    parent: dict[str, str] = {}
    for edge in shown.edges:
        if edge.source in index and edge.target in index and edge.source != edge.target:
            parent.setdefault(edge.source, edge.target)
    children: dict[str, list[str]] = {}
    for node in shown.nodes:
        if node.id in parent:
            children.setdefault(parent[node.id], []).append(node.id)
    roots = [node.id for node in shown.nodes if node.id not in parent]
    order: list[str] = []
    seen: set[str] = set()
    # The nodes of a cycle have a parent each and so no root: they are started from in file order.
    for start in (*roots, *(node.id for node in shown.nodes)):
        if start in seen:
            continue
        stack = [start]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            stack.extend(reversed(children.get(current, [])))
    return tuple(order)


def ranks(shown: View) -> dict[str, int]:
    """Each node's rank, counted from the nodes that argue for nothing (0): one more than its lowest
    conclusion's, so that every line runs from a lower rank to a higher one and a node sits right
    under what it argues for. A line that closes a cycle is left out of the count."""
    targets: dict[str, list[str]] = {}
    known = {node.id for node in shown.nodes}
    for edge in shown.edges:
        if edge.source in known and edge.target in known and edge.source != edge.target:
            targets.setdefault(edge.source, []).append(edge.target)
    rank: dict[str, int] = {}
    for start in tree_order(shown):
        if start in rank:
            continue
        # Depth-first, without recursion: a node's rank is known once its conclusions' are.
        stack: list[tuple[str, int]] = [(start, 0)]
        open_: set[str] = {start}
        while stack:
            node, next_target = stack[-1]
            above = targets.get(node, [])
            if next_target < len(above):
                stack[-1] = (node, next_target + 1)
                target = above[next_target]
                if target not in rank and target not in open_:
                    open_.add(target)
                    stack.append((target, 0))
                continue
            stack.pop()
            open_.discard(node)
            rank[node] = 1 + max((rank[t] for t in above if t in rank), default=-1)
    return rank


def rows(shown: View) -> tuple[tuple[str | None, tuple[str, ...]], ...]:
    """The nodes of each rank in the order they are drawn along it, split by group box (None: outside
    every box): (group id, node ids) for each rank and box that holds two nodes or more."""
    boxed = {member: cluster.id for cluster in shown.clusters for member in cluster.members}
    rank = ranks(shown)
    found: dict[tuple[int, str | None], list[str]] = {}
    for node in tree_order(shown):
        found.setdefault((rank[node], boxed.get(node)), []).append(node)
    return tuple((box, tuple(members)) for (_, box), members in sorted(found.items(), key=lambda item: item[0][0])
                 if len(members) > 1)
