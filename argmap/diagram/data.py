"""The data an HTML view carries beside its diagrams: every text in every language, quotes with their
sources, roles, groups, tags, relations and concessions both ways, the analyst's notes and additions, the
question and its answers, the evaluation and the findings, as plain JSON values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic
from argmap.diagram.drawing import Drawing
from argmap.diagram.problems import owners
from argmap.diagram.view import QUESTION, drawable, edges

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.schemes.uses import SchemeUse

__all__ = ["page_data", "judgement", "findings", "blank", "texts", "question", "names", "scheme", "VERSION"]

VERSION = 1
"""The version of the data's shape, for scripts that read it."""


def texts(text: object, default: str) -> dict[str, str]:
    """A text as {language: text}; a plain string is in the map's default language.

    >>> texts("Yes", "en"), texts({"fr": "Oui", "en": "Yes"}, "en"), texts(None, "en")
    ({'en': 'Yes'}, {'fr': 'Oui', 'en': 'Yes'}, {})
    """
    if text is None:
        return {}
    if isinstance(text, Mapping):
        return {str(lang): drawable(str(value)) for lang, value in text.items()}
    return {default: drawable(str(text))}


def page_data(drawing: Drawing) -> dict[str, Any]:
    """The JSON value of ``drawing``'s page: the whole map, whatever part of it is drawn."""
    amap, whole = drawing.amap, drawing.whole
    default = amap.languages[0]
    nodes: dict[str, dict[str, Any]] = {}
    for node, data in whole.nodes(data=True):
        entry: dict[str, Any] = {"kind": data["kind"], "in": [], "out": []}
        declared = amap.statements.get(node) if data["kind"] == "statement" else amap.arguments.get(node)
        if data["kind"] == "statement":
            entry.update(role=data["role"], text=texts(data.get("text"), default),
                         quotes=[{"text": drawable(q.text), "source": q.source} for q in data.get("quotes", ())],
                         base=data.get("base"), conceded_by=[],
                         concedes=[t for t in data.get("concedes", ()) if t in whole and t != node])
        else:
            entry.update(relation=data["relation"], explicit=bool(data["explicit"]),
                         label=texts(data.get("label"), default))
        # The analyst's marks: an addition of theirs (not the author's), their note, and the references
        # to parts of the map whose definitions could not be read (a draft in `serve`).
        entry.update(group=data.get("group"), tags=list(data.get("tags") or ()), by=data.get("by", "author"),
                     note=texts(getattr(declared, "note", None), default), unread=_unread(declared, amap.incomplete))
        nodes[node] = entry
    for node, entry in nodes.items():
        for target in entry.get("concedes", ()):
            nodes[target].setdefault("conceded_by", []).append(node)
    for node, data in whole.nodes(data=True):
        if data["kind"] != "inference":
            continue
        before = [p for p in whole.predecessors(node) if whole.edges[p, node]["kind"] == "premise"]
        target = next(iter(whole.successors(node)), None)
        relation = data["relation"]
        if relation == "attack" and target is not None and whole.nodes[target]["kind"] == "inference":
            relation = "undercut"
        nodes[node].update(premises=before, target=target, relation=relation)
        if target is not None:
            nodes[target]["in"].append({"relation": relation, "from": before, "via": node})
        for premise in before:
            nodes[premise]["out"].append({"relation": relation, "to": target, "via": node,
                                          "with": [p for p in before if p != premise]})
    for iid, use in drawing.schemes.items():
        if iid in nodes:
            nodes[iid]["scheme"] = scheme(use)
    judged = judgement(drawing)
    asked = question(drawing)
    if asked is not None:
        nodes[QUESTION] = {"kind": "question", "text": asked["text"], "answers": [a["id"] for a in asked["answers"]],
                           "in": [], "out": [], "group": None, "tags": [], "by": "author", "note": {}, "unread": []}
    drawn = [node for node in drawing.graph if node in nodes]
    if asked is not None and any(a["id"] in drawing.graph for a in asked["answers"]):
        drawn.insert(0, QUESTION)  # drawn above its answers whenever one of them is drawn
    return {
        "version": VERSION,
        "id": amap.id,
        "title": texts(amap.title, default) or {default: amap.id},
        "languages": list(amap.languages),
        "names": names(amap.languages),
        "lang": drawing.lang,
        "nodes": nodes,
        "drawn": drawn,
        "edges": {edge.id: [edge.source, edge.target] for edge in edges(drawing.graph, drawing.answers())},
        "excerpt": drawing.excerpt,
        "sources": {sid: {"title": drawable(s.title or sid), "language": s.language, "url": s.url}
                    for sid, s in amap.sources.items()},
        "groups": {gid: {"label": texts(g.label, default)} for gid, g in amap.groups.items()},
        "evaluation": judged,
        "question": asked,
        "incomplete": sorted(amap.incomplete - {"*"}),
        "findings": findings(drawing.findings, amap),
        "problems": {node: list(codes) for node, codes in drawing.problems.items()},
        "stale": False,
    }


def judgement(drawing: Drawing) -> dict[str, Any] | None:
    """The evaluation the page's panel explains: the drawing's, or else grounded semantics (linear in the map's
    size), so that every page says which statements stand and why; ``drawn`` tells whether the drawing shows it."""
    evaluation, drawn = drawing.evaluation, True
    if evaluation is None:
        from argmap.semantics.result import evaluate_graph

        try:
            evaluation, drawn = evaluate_graph(drawing.whole, "grounded"), False
        except (KeyError, ValueError):  # a draft whose graph is not whole enough to evaluate: no verdicts
            return None
    from argmap.semantics.registry import REGISTRY

    semantics = REGISTRY[evaluation.semantics]  # how the page names it and which family it is, from the one table
    return {"semantics": evaluation.semantics, "name": semantics.display, "family": semantics.family,
            "verdict": evaluation.verdict(), "notes": evaluation.annotations(), "why": evaluation.reasons(),
            "drawn": drawn}


def names(languages: Iterable[str]) -> dict[str, str]:
    """How the language switch names each language: in that language where argmap knows it, else its code."""
    from argmap.diagram.html import LANGUAGE_NAMES

    return {code: LANGUAGE_NAMES.get(code, code) for code in languages}


def question(drawing: Drawing) -> dict[str, Any] | None:
    """The map's question (its text in every language, the title's where it has none) and each answer,
    with the verdict of the evaluation on it when there is one; None when the map asks nothing."""
    amap, evaluation = drawing.amap, drawing.evaluation
    asked = amap.question
    answers = [a for a in asked.answers if a in drawing.whole and a in amap.statements] if asked else []
    if asked is None or not answers:
        return None
    default = amap.languages[0]
    said = texts(asked.text if asked.text is not None else amap.title, default) or {default: amap.id}
    return {"id": QUESTION, "text": said,
            "answers": [{"id": a,
                         "verdict": None if evaluation is None else evaluation.sentence(a, "answer"),
                         "note": None if evaluation is None else evaluation.annotation(a)} for a in answers]}


def scheme(use: SchemeUse) -> dict[str, Any]:
    """An inference's scheme as the panel shows it: names, roles (and those no premise plays), and each
    critical question with its type, texts, status and the statements that answer or raise it."""
    spec = use.spec
    if spec is None:
        return {"id": use.scheme, "name": {}, "short": {}, "roles": use.roles, "missing": [], "questions": []}
    return {"id": use.scheme, "name": texts(spec.name, "en"), "short": texts(spec.short, "en"), "roles": use.roles,
            "missing": list(use.missing),
            "questions": [{"id": q.id, "type": q.type, "text": texts(q.question.text, "en"), "status": q.status,
                           "answered_by": list(q.answered_by), "raised_by": list(q.raised_by)}
                          for q in use.questions]}


def _unread(declared: object, incomplete: frozenset[str]) -> list[str]:
    """The ids ``declared`` refers to whose definitions could not be read."""
    if declared is None or not incomplete:
        return []
    named: list[str] = []
    for key in ("supports", "attacks", "concedes", "premises"):
        value = getattr(declared, key, None)
        named += [value] if isinstance(value, str) else list(value or ())
    return [i for i in dict.fromkeys(named) if i in incomplete]


def findings(diagnostics: Iterable[Diagnostic], amap: ArgumentMap | None = None) -> list[dict[str, Any]]:
    """Each finding as the page lists it: place, severity, code, name, message, and the node it is about."""
    found = list(diagnostics)
    places = owners(amap, found) if amap is not None else [None] * len(found)
    return [{"where": d.location, "severity": str(d.severity), "code": d.code, "name": d.name, "message": d.message,
             "node": owner} for d, owner in zip(found, places, strict=True)]


def blank(name: str, found: list[dict[str, Any]]) -> dict[str, Any]:
    """The data of a page with nothing drawn yet (a map that could not be read), listing ``found``."""
    return {"version": VERSION, "id": name, "title": {"en": name}, "languages": ["en"], "names": names(["en"]),
            "lang": "en", "nodes": {},
            "drawn": [], "edges": {}, "excerpt": False, "sources": {}, "groups": {}, "evaluation": None, "question": None,
            "incomplete": [], "findings": found, "problems": {}, "stale": True}
