"""Argument schemes in AIF files: RA- and CA-node texts, AIFdb's scheme numbers (`schemeID`, OVA3's
`schemefulfillments`) and OVA3's critical-question answers (`cqdescriptorfulfillments`), both ways."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.schemes import Catalogue, shipped

if TYPE_CHECKING:
    from argmap.formats._common import MapBuilder
    from argmap.graph import Graph
    from argmap.model import ArgumentMap

__all__ = ["fulfilled", "scheme_of", "read_answers", "write_schemes"]


def fulfilled(document: dict[str, Any]) -> dict[str, str]:
    """nodeID -> AIFdb scheme number, from OVA3's and xAIF's `schemefulfillments`."""
    found: dict[str, str] = {}
    for entry in _entries(document, "schemefulfillments"):
        if isinstance(entry, dict) and entry.get("nodeID") is not None and entry.get("schemeID") is not None:
            found[str(entry["nodeID"])] = str(entry["schemeID"])
    return found


def _entries(document: dict[str, Any], key: str) -> list[Any]:
    """The list of entries under ``key``; any other value is no entry (the reader keeps it as it came)."""
    value = document.get(key)
    return value if isinstance(value, list) else []


def scheme_of(text: str, data: dict[str, Any], numbers: dict[str, str], catalogue: Catalogue | None = None) -> str | None:
    """The catalogue scheme an RA- or CA-node names: by AIFdb's number (the node's `schemeID` or its scheme
    fulfilment), else by its `scheme` field or its text."""
    catalogue = catalogue or shipped()
    number = data.get("schemeID", numbers.get(str(data.get("nodeID"))))
    by_number = catalogue.from_aif(None, number)
    if by_number is not None:
        return by_number
    for name in (data.get("scheme"), text):
        if isinstance(name, str) and (found := catalogue.from_aif(name)) is not None:
            return found
    return None


def read_answers(document: dict[str, Any], mapped: dict[str, str], builder: MapBuilder) -> list[Any]:
    """Turn OVA3's critical-question fulfilments into `answers:` (or, when the selected node is a premise of the
    inference and the question tests a role, into `roles:`); returns the entries that name nothing argmap
    knows, to be kept as AIF data."""
    catalogue = shipped()
    rest: list[Any] = []
    for entry in _entries(document, "cqdescriptorfulfillments"):
        aid = mapped.get(str(entry.get("nodeID"))) if isinstance(entry, dict) else None
        sid = mapped.get(str(entry.get("selectedID"))) if aid is not None else None
        argument = builder.arguments.get(aid or "")
        spec = catalogue.get(argument.get("scheme")) if argument is not None else None
        number = str(entry.get("descriptorID")) if isinstance(entry, dict) else ""
        question = next((qid for qid, q in spec.questions.items() if number in map(str, q.aif)), None) if spec else None
        if aid is None or sid is None or sid not in builder.statements or question is None:
            rest.append(entry)
            continue
        role = spec.questions[question].role if spec is not None else None
        if role is not None and sid in argument["premises"]:  # type: ignore[index]
            argument.setdefault("roles", {})[role] = sid  # type: ignore[union-attr]
        else:
            answers = builder.statements[sid].setdefault("answers", {}).setdefault(aid, [])
            if question not in answers:
                answers.append(question)
    return rest


def write_schemes(graph: Graph, amap: ArgumentMap | None, names: dict[str, str], result: dict[str, Any],
                  form: str) -> None:
    """Write each inference's scheme into the AIF document ``result`` (node texts already written): AIFdb's
    `scheme`/`schemeID` node fields for plain AIF, `schemefulfillments` for OVA3 and xAIF, and the answers to
    questions AIFdb numbers as `cqdescriptorfulfillments` (entries the file already had are kept as they were)."""
    catalogue = shipped()
    by_id = {str(node["nodeID"]): node for node in result["nodes"] if isinstance(node, dict)}
    had = {str(e.get("nodeID")) for e in _entries(result, "schemefulfillments") if isinstance(e, dict)}
    added: list[dict[str, Any]] = []
    for node, data in graph.nodes(data=True):
        scheme = data.get("scheme") if data.get("kind") == "inference" else None
        if scheme is None or scheme not in catalogue:
            continue
        written = by_id[str(names[node])]
        number = catalogue.aif_number(scheme)
        if form == "aif":
            if number is not None and "schemeID" not in written:
                written.update(scheme=catalogue.aif_name(scheme), schemeID=str(number))
        elif number is not None and str(names[node]) not in had:
            added.append({"nodeID": written["nodeID"], "schemeID": str(number)})
    if added and isinstance(result.get("schemefulfillments", []), list):
        result["schemefulfillments"] = [*_entries(result, "schemefulfillments"), *added]
    if form != "aif" and amap is not None:
        _write_answers(amap, catalogue, names, by_id, result)


def _write_answers(amap: ArgumentMap, catalogue: Catalogue, names: dict[str, str], by_id: dict[str, Any],
                   result: dict[str, Any]) -> None:
    from argmap.schemes.uses import resolve

    if not isinstance(result.get("cqdescriptorfulfillments", []), list):
        return  # kept as the file had it
    old = _entries(result, "cqdescriptorfulfillments")
    seen = {(str(e.get("nodeID")), str(e.get("descriptorID")), str(e.get("selectedID"))) for e in old
            if isinstance(e, dict)}
    added = []
    for iid, use in resolve(amap, catalogue).uses.items():
        if iid not in names or str(names[iid]) not in by_id:
            continue
        for question in use.questions:
            if not question.question.aif:
                continue
            for answer in question.answered_by:
                if answer not in names:
                    continue
                key = (str(names[iid]), str(question.question.aif[0]), str(names[answer]))
                if key not in seen:
                    seen.add(key)
                    added.append({"nodeID": by_id[key[0]]["nodeID"], "descriptorID": key[1],
                                  "selectedID": by_id[key[2]]["nodeID"] if key[2] in by_id else key[2]})
    if added:
        result["cqdescriptorfulfillments"] = [*old, *added]
