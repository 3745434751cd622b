"""What a diagram shows, whatever draws it: nodes, edges, junctions, captions in one language, groups, notes,
and the marks a drawing adds (a missing translation, relations cut off by an excerpt, errors)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, cast

from argmap.diagram.words import words
from argmap.diagram.wrap import COLUMNS, wrap
from argmap.graph import Graph, premises, relation
from argmap.graph import junctions as drawn_apart
from argmap.schema import UNSHOWABLE
from argmap.texts import pick_text, text_in

__all__ = ["Node", "Edge", "Cluster", "View", "view", "edges", "drawable", "text_in", "BORDERS", "LARGE", "LEGEND"]

LARGE = 500
"""Above this many nodes, layout settings that keep dot near-linear are applied (docs/diagrams.md)."""

BORDERS = {"IN": "bold", "OUT": "dashed", "UNDEC": "dotted", "ACCEPTED": "bold", "REJECTED": "dashed",
           "CREDULOUS": "dotted"}
"""The border style that doubles each evaluation word, so that it never rests on colour alone."""

LEGEND = ("thesis", "claim", "evidence", "junction", "support", "attack", "undercut", "concede", "answer", *BORDERS,
          "missing", "cut", "problem")
"""Every item a legend may show, in the order it shows them (see :attr:`View.legend`)."""

Relation = Literal["support", "attack", "undercut", "answer", "concede"]
QUESTION = "--question"
"""The id of the map's question in a drawing: a double hyphen, which no statement id holds."""


@dataclass(frozen=True)
class Node:
    """A statement box, or the junction of an inference that is drawn as a node of its own."""

    id: str
    kind: Literal["statement", "junction"]
    caption: tuple[str, ...]
    """The text in the chosen language, wrapped by display width (junctions: their label, if any)."""
    role: str | None = None
    text: str = ""
    quotes: tuple[tuple[str, str], ...] = ()
    """(text, source id) of each quote, for tooltips and panels."""
    group: str | None = None
    note: str | None = None
    """The evaluation's word or strength for this node, if an evaluation is shown."""
    border: str | None = None
    missing: str | None = None
    """The language the text is shown in when the drawing's language is missing (it is marked so)."""
    cut: int = 0
    """How many of its relations an excerpt (``--focus``, ``--group``) leaves out."""
    problems: tuple[str, ...] = ()
    """The codes of the errors found in its definition (a draft drawn with ``--allow-errors``)."""


@dataclass(frozen=True)
class Edge:
    """A line: premise to junction, junction to conclusion, or premise straight to conclusion."""

    source: str
    target: str
    relation: Relation
    inference: str
    """The inference the line belongs to (its id names the relation in tooltips)."""
    part: Literal["premise", "conclusion", "direct"]

    @property
    def id(self) -> str:
        """Its id in a drawing: the inference's for a line straight from premise to conclusion, else its ends'
        (the page finds an edge's ends in its data, never by reading this id back)."""
        return f"edge-{self.inference}" if self.part == "direct" else f"edge-{self.source}-{self.target}"


@dataclass(frozen=True)
class Cluster:
    """A group drawn as a box around its members."""

    id: str
    label: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class View:
    """Everything one drawing shows, in drawing order: the same input gives the same view."""

    title: str
    lang: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    clusters: tuple[Cluster, ...]
    words: tuple[str, ...] = ()
    """The evaluation words the drawing uses, in legend order."""
    large: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)
    legend: tuple[str, ...] = ()
    """The legend's items that the drawing uses, in :data:`LEGEND` order: a legend explains nothing absent."""
    columns: int = COLUMNS
    """The width statements' texts are wrapped to (display columns)."""


def view(graph: Graph, groups: Mapping[str, Any], lang: str, title: str = "",
         annotations: Mapping[str, str] | None = None, columns: int = COLUMNS, whole: Graph | None = None,
         problems: Mapping[str, tuple[str, ...]] | None = None,
         schemes: Mapping[str, tuple[str, tuple[str, ...]]] | None = None, attacks_first: Collection[str] = ()) -> View:
    """The view of ``graph`` (a whole map's graph, or a part of it) in ``lang``.

    ``whole`` is the map's graph when ``graph`` is an excerpt of it: a node whose relations continue
    outside the excerpt says how many. ``problems`` gives the error codes found in a node's definition.
    ``schemes`` gives, per inference with a scheme, the lines its junction shows (the scheme's short name, its
    open questions) and the statements that answer its critical questions (drawn as answers to the junction).
    ``attacks_first`` names the statements whose ``attacks:`` are written before their ``supports:``: their lines
    are listed in that order, so that a drawing hangs a statement under the conclusion written first.
    """
    named = schemes or {}
    notes = annotations or {}
    flaws = problems or {}
    said = words(lang)
    default = (graph.graph.get("languages") or ("en",))[0]
    nodes = graph.nodes
    # A one-premise inference is a plain arrow, unless something attacks it: then it needs a node.
    junctions = drawn_apart(graph, named)
    drawn: list[Node] = []
    for node, data in nodes(data=True):
        note = notes.get(node)
        marks = [f"[{note}]"] if note else []
        cut = 0
        if whole is not None and whole is not graph:
            cut = sum(1 for other in (*whole.predecessors(node), *whole.successors(node)) if other not in nodes)
            marks += [f"… +{cut}"] if cut else []
        flawed = flaws.get(node, ())
        marks += [f"⚠ {', '.join(flawed)}"] if flawed else []
        if data.get("by") == "analyst":  # the analyst's addition, not the author's: said in the caption
            marks.insert(0, f"({said['analyst']})")
        if data["kind"] == "statement":
            shown, missing = text_in(data.get("text"), lang, default)
            text = drawable(shown)
            if missing:
                marks.insert(0, f"({said['missing']} · {missing})")
            drawn.append(Node(node, "statement", (*wrapped(text, columns), *marks), data["role"], text,
                              tuple((q.text, q.source) for q in data.get("quotes", ())), data.get("group"), note,
                              BORDERS.get(note or ""), missing, cut, flawed))
        elif node in junctions:
            label = drawable(pick_text(data.get("label"), lang, default))
            scheme = [part for line in named[node][0].split("\n") for part in wrap(line, 18)] if node in named else []
            caption = ([*wrap(label, 18)] if label else []) + scheme + marks
            drawn.append(Node(node, "junction", tuple(caption), None, label, (), data.get("group"), note, None,
                              None, cut, flawed))
    drawn_edges = edges(graph, {node: answers for node, (_, answers) in named.items()}, junctions)
    if attacks_first:
        drawn_edges.sort(key=lambda edge: edge.source in attacks_first and edge.relation == "support"
                         and not nodes[edge.inference].get("explicit", True))
    asked = graph.graph.get("question")
    if asked is not None and any(edge.target == QUESTION for edge in drawn_edges):
        # the question, drawn above its answers, each answer's line pointing up to it
        question = drawable(pick_text(asked.text, lang, default)) if asked.text is not None else title
        drawn.insert(0, Node(QUESTION, "statement", tuple(wrap(question, columns)), "question", question))
    shown_words = set(notes.get(item.id) for item in drawn)
    return View(title, lang, tuple(drawn), tuple(drawn_edges), _clusters(drawn, groups, lang, default),
                tuple(w for w in BORDERS if w in shown_words), graph.number_of_nodes() > LARGE,
                legend=_legend(drawn, drawn_edges, shown_words), columns=columns)


def edges(graph: Graph, answers: Mapping[str, tuple[str, ...]], junctions: set[str] | None = None) -> list[Edge]:
    """Every line a drawing of ``graph`` holds, whatever its language: ``answers`` gives, per inference with a
    scheme, the statements that answer its critical questions; ``junctions`` the inferences drawn as nodes."""
    nodes = graph.nodes
    if junctions is None:
        junctions = drawn_apart(graph, answers)
    lines: list[Edge] = []
    for node, data in nodes(data=True):
        if data["kind"] != "inference":
            continue
        relation = _relation(graph, node, data)
        before = premises(graph, node)
        for target in graph.successors(node):
            if node in junctions:
                lines += [Edge(premise, node, relation, node, "premise") for premise in before]
                lines.append(Edge(node, target, relation, node, "conclusion"))
            else:
                lines += [Edge(premise, target, relation, node, "direct") for premise in before]
    # A concession counts for nothing in the evaluation, so it is no inference: a line of its own.
    lines += [Edge(node, target, "concede", f"{node}--concedes--{target}", "direct")
              for node, data in nodes(data=True) if data["kind"] == "statement"
              for target in data.get("concedes", ()) if target in nodes and target != node]
    lines += [Edge(answer, node, "answer", f"{answer}--answers--{node}", "direct")
              for node, answered in answers.items() if node in junctions for answer in answered if answer in nodes]
    asked = graph.graph.get("question")
    answered = [a for a in asked.answers if nodes.get(a, {}).get("kind") == "statement"] if asked else []
    lines += [Edge(answer, QUESTION, "answer", f"{answer}--answers", "direct") for answer in answered]
    return lines


def _clusters(drawn: list[Node], groups: Mapping[str, Any], lang: str, default: str) -> tuple[Cluster, ...]:
    """The groups the drawn nodes belong to, each with its label in ``lang`` and its members."""
    members: dict[str, list[str]] = {}
    for item in drawn:
        if item.group and item.group in groups:
            members.setdefault(item.group, []).append(item.id)
    return tuple(Cluster(gid, pick_text(getattr(groups[gid], "label", gid), lang, default), tuple(ids))
                 for gid, ids in members.items())


def _legend(drawn: list[Node], edges: list[Edge], shown_words: set[str | None]) -> tuple[str, ...]:
    """The legend's items that the drawing uses, in LEGEND order."""
    used = {item.role or "claim" for item in drawn if item.kind == "statement"}
    used |= {"junction"} if any(item.kind == "junction" for item in drawn) else set()
    used |= {edge.relation for edge in edges} | {w for w in BORDERS if w in shown_words}
    used |= {mark for mark, present in (("missing", any(item.missing for item in drawn)),
                                        ("cut", any(item.cut for item in drawn)),
                                        ("problem", any(item.problems for item in drawn))) if present}
    return tuple(item for item in LEGEND if item in used)


@lru_cache(maxsize=1 << 13)
def wrapped(text: str, columns: int) -> tuple[str, ...]:
    """:func:`wrap`, kept: `serve` draws a map again on every save, most of its texts unchanged."""
    return tuple(wrap(text, columns))


def drawable(value: str) -> str:
    """``value`` with every character that XML 1.0 (and so SVG or HTML) cannot carry replaced visibly.

    The schema refuses such characters in a map; this keeps every drawing well-formed whatever reaches it.

    >>> drawable("a\\x00b\\x1bc\\uffffd") == "a\\u2400b\\u241bc\\ufffdd"
    True
    """
    # A control is drawn as its Unicode control picture (U+2400 + code), the others as U+FFFD.
    return UNSHOWABLE.sub(lambda m: chr(0x2400 + ord(m[0])) if m[0] < " " else "\ufffd", value)


def _relation(graph: Graph, node: str, data: dict[str, Any]) -> Relation:
    """The inference's relation (argmap.graph.relation): an undercut attacks the inference, not its conclusion."""
    return cast(Relation, relation(graph, node))
