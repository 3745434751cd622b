"""Argument schemes in the editor: scheme names, premise roles, inferences and critical questions to complete,
a scheme's card on hover, and an inference's questions with their status; stubs that raise or answer one."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from argmap.lsp.analysis import Analysis
    from argmap.lsp.context import Place
    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue
    from argmap.schemes.uses import SchemeUse

__all__ = ["suggestions", "scheme_card", "question_lines", "OPEN_QUESTION", "stub", "free_id"]

Suggestion = tuple[str, str, types.CompletionItemKind, str]
OPEN_QUESTION = re.compile(r"^open (assumption|exception) '([a-z0-9-]+)' of '([a-z0-9-]+)' \(([a-z0-9-]+)\): ")


def _uses(analysis: Analysis) -> dict[str, SchemeUse]:
    from argmap.schemes.uses import resolve

    amap = analysis.checked.amap
    return resolve(amap, analysis.config.schemes).uses if amap is not None else {}


def _catalogue(analysis: Analysis) -> Catalogue:
    return analysis.config.schemes


def suggestions(analysis: Analysis, place: Place) -> list[Suggestion] | None:
    """What may be written at ``place`` about schemes, or None where schemes have no say."""
    from argmap.schemes import text_of

    amap = analysis.checked.amap
    if amap is None:
        return None
    catalogue, keys, lang = _catalogue(analysis), place.keys, amap.languages[0]
    section = keys[0] if keys else None
    owner = keys[1] if len(keys) >= 2 else None
    if place.value and place.key == "scheme" and len(keys) == 2:
        return [(sid, text_of(spec.name, lang), types.CompletionItemKind.Class, sid)
                for sid, spec in catalogue.schemes.items()]
    if place.value and place.key == "scheme-role" and section == "statements" and owner in amap.statements:
        spec = catalogue.get(amap.statements[owner].scheme)
        return _roles(spec, lang, ()) if spec is not None else []
    if section == "arguments" and owner in amap.arguments and keys[2:] == ("roles",):
        argument = amap.arguments[owner]
        spec = catalogue.get(argument.scheme)
        if not place.value:
            return _roles(spec, lang, tuple(argument.roles)) if spec is not None else []
        premises = (argument.premises,) if isinstance(argument.premises, str) else argument.premises
        return [(p, "premise", types.CompletionItemKind.Reference, f"{i:03d}") for i, p in enumerate(premises)]
    if section == "statements" and keys[2:] in (("answers",), ("raises",)):
        uses = _uses(analysis)
        if not place.value:
            return [(iid, text_of(use.spec.short, lang) if use.spec else use.scheme, types.CompletionItemKind.Function,
                     iid) for iid, use in uses.items()]
        use = uses.get(place.key or "")
        return _questions(use, lang) if use is not None else []
    if place.value and place.key == "raises" and section == "statements" and owner in amap.statements:
        from argmap.schemes.uses import attacked

        uses = _uses(analysis)
        return [item for iid in attacked(amap, owner, uses) for item in _questions(uses[iid], lang)]
    return None


def _roles(spec: object, lang: str, taken: tuple[str, ...]) -> list[Suggestion]:
    from argmap.schemes import text_of

    roles = getattr(spec, "roles", {})
    return [(role, text_of(pattern, lang), types.CompletionItemKind.Field, f"{i:03d}")
            for i, (role, pattern) in enumerate(roles.items()) if role not in taken]


def _questions(use: SchemeUse, lang: str) -> list[Suggestion]:
    from argmap.schemes import text_of

    return [(q.id, f"{q.type}, {q.status}: {text_of(q.question.text, lang)}",
             types.CompletionItemKind.EnumMember, f"{i:03d}") for i, q in enumerate(use.questions)]


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", " ".join(str(text).split()))


def scheme_card(analysis: Analysis, name: str) -> str | None:
    """Markdown for the scheme ``name``: its name, roles, conclusion and critical questions."""
    from argmap.schemes import text_of

    spec = _catalogue(analysis).get(name)
    amap = analysis.checked.amap
    if spec is None or amap is None:
        return None
    lang = amap.languages[0]
    out = [f"**{_escape(name)}** · {_escape(text_of(spec.name, lang))}", ""]
    out += [f"- premise `{role}`: {_escape(text_of(text, lang))}" for role, text in spec.roles.items()]
    out += [f"- conclusion: {_escape(text_of(spec.conclusion, lang))}", "", "Critical questions:"]
    out += [f"- `{qid}` ({q.type}): {_escape(text_of(q.text, lang))}" for qid, q in spec.questions.items()]
    return "\n".join(out)


def question_lines(analysis: Analysis, node: str) -> list[str]:
    """For an argument or a statement whose relations name a scheme: each inference's questions and status."""
    from argmap.schemes import text_of

    amap = analysis.checked.amap
    if amap is None:
        return []
    lang = amap.languages[0]
    out: list[str] = []
    for iid, use in _uses(analysis).items():
        if use.owner != node or use.spec is None:
            continue
        out += ["", f"Scheme of `{_escape(iid)}`: **{_escape(text_of(use.spec.name, lang))}**"]
        if use.missing:
            out.append(f"- unsaid premise: {', '.join(f'`{r}`' for r in use.missing)}")
        for q in use.questions:
            by = q.raised_by or q.answered_by
            out.append(f"- {q.status} {q.type} `{q.id}`: {_escape(text_of(q.question.text, lang))}"
                       + (f" ({', '.join(by)})" if by else ""))
    return out


def free_id(amap: ArgumentMap, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever no statement or argument of ``amap`` has."""
    new_id, number = base, 2
    while new_id in amap.statements or new_id in amap.arguments:
        new_id, number = f"{base}-{number}", number + 1
    return new_id


def stub(analysis: Analysis, message: str, raise_it: bool) -> tuple[str, str] | None:
    """For an open-question finding: the id and the YAML of a statement that raises (an undercut of the
    inference) or answers its question, its text the question in the map's language, marked to be written."""
    from argmap.schemes import text_of

    found = OPEN_QUESTION.match(message)
    amap = analysis.checked.amap
    use = _uses(analysis).get(found[3]) if found is not None else None
    if found is None or amap is None or use is None or use.spec is None:
        return None
    question, iid = found[2], found[3]
    text = text_of(use.spec.questions[question].text, amap.languages[0])
    new_id = free_id(amap, f"{use.owner}-{question}" if raise_it else f"{use.owner}-{question}-answer")
    said = json.dumps(f"TODO: {text}", ensure_ascii=False)
    if raise_it:
        body = f"text: {said}\nattacks: {iid}\nraises: {question}\nby: analyst\n"
    else:
        body = f"text: {said}\nanswers: {{{iid}: {question}}}\nby: analyst\n"
    return new_id, body
