"""Critical questions that count in the evaluation (`eval --questions`): the graph with each assumption as an
argument that undercuts its inference until an answer defeats it, and each raised question as an undercut.

- An assumption of an inference's scheme becomes a question argument ``<inference>--asks--<question>`` that
  undercuts the inference, and that every statement answering it attacks. Under extension semantics it also
  attacks itself, so that unanswered it is undecided, and so is the inference: an objection whose scheme
  has an open assumption no longer defeats its target, it leaves it undecided. Answered by a statement that
  stands, it is out and the inference is as before; answered by one that falls, it is open again.
- Under gradual semantics it is an attacker of the default base strength (0.5), weakened by its answers: an
  open assumption halves its inference's strength in DF-QuAD, an answer of strength s leaves a factor
  1 - 0.5 (1 - s).
- An objection that raises a question (assumption or exception) also undercuts the inference, whatever else
  it attacks: a raised exception acts as an undercut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.graph import Graph, implicit_id
from argmap.schemes.uses import resolve

if TYPE_CHECKING:

    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue

__all__ = ["QUESTION", "ASKS", "counting_questions"]

QUESTION = "question"
"""The node kind of a critical question's argument: neither a statement of the map nor an inference."""
ASKS = "--asks--"


def counting_questions(graph: Graph, amap: ArgumentMap, catalogue: Catalogue, extensions: bool) -> Graph:
    """A copy of ``graph`` in which the critical questions of the map's schemes count (see the module)."""
    counted = graph.copy()
    for iid, use in resolve(amap, catalogue).uses.items():
        if iid not in counted or use.spec is None:
            continue
        for question in use.questions:
            if question.type == "assumption":
                asks = f"{iid}{ASKS}{question.id}"
                counted.add_node(asks, kind=QUESTION, role="claim", base=None, inference=iid, question=question.id)
                _undercut(counted, asks, iid)
                if extensions:
                    _undercut(counted, asks, asks)
                for answer in question.answered_by:
                    _undercut(counted, answer, asks)
            for raiser in question.raised_by:
                if raiser in counted:
                    _undercut(counted, raiser, iid)
    return counted


def _undercut(graph: Graph, source: str, target: str) -> None:
    """``source`` attacks ``target`` (a one-premise attack inference), unless it does already."""
    iid = implicit_id(source, "attack", target)
    if iid in graph or source not in graph:
        return
    graph.add_node(iid, kind="inference", relation="attack", explicit=False, group=None, tags=(), label=None)
    graph.add_edge(source, iid, kind="premise")
    graph.add_edge(iid, target, kind="conclusion")
