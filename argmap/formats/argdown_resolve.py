"""Argdown, second pass: what the reader collected (equivalence classes, arguments and their inferential
steps, relations between them) -> the statements, inferences and relations of a map."""

from __future__ import annotations

from typing import Any, Protocol

from argmap.formats._common import Loss, MapBuilder, Reading
from argmap.formats._common import slug as slug_of

__all__ = ["Collected", "resolve"]


class Collected(Protocol):
    """What the first pass (argdown_read) collected: the map being built, the arguments with their steps, the
    relations, and what is kept for export (members of equivalence classes, data)."""

    builder: MapBuilder
    arguments: dict[str, Any]
    relations: list[Any]
    members: dict[str, list[str]]
    data: dict[str, Any]


def resolve(reader: Collected, title: Any) -> Reading:
    builder = reader.builder
    sketched: dict[str, str] = {}
    steps: dict[str, list[str]] = {}
    conclusion: dict[str, str] = {}
    for name, argument in reader.arguments.items():
        place = (argument.line, argument.column)
        extra: dict[str, Any] = {}
        if argument.tags:
            extra["tags"] = argument.tags
        if argument.group:
            extra["group"] = argument.group
        if not argument.steps:
            text = argument.descriptions[0] if argument.descriptions else name
            sid = builder.statement(text, place, name=name, original=None if slug_of(name) == name else name, **extra)
            sketched[name] = sid
            builder.kept.setdefault("arguments", []).append(sid)
            if len(argument.descriptions) > 1:
                reader.members.setdefault(sid, []).extend(argument.descriptions[1:])
            continue
        used = {sid for premises, concluded, *_ in argument.steps for sid in (*premises, concluded)}
        for number, sid in sorted(argument.numbered.items()):
            if sid not in used:
                builder.losses.append(Loss("unused premise", f"{argument.steps[0][2]}:{argument.steps[0][3]}",
                                           f"({number}) of <{name}> is in no"
                                           " inference: the `uses` of its inferences leave it out; the statement is"
                                           " kept, unconnected"))
        made = []
        main_id = builder.ids.new(name, "argument")
        for number, (premises, concluded, line, column, data) in enumerate(argument.steps, start=1):
            main = number == len(argument.steps)
            fields = dict(extra)
            if main:
                if slug_of(name) != name:  # a title that is not an id already is the inference's label
                    fields["label"] = name
                if argument.descriptions:
                    fields["note"] = argument.descriptions[0]
            kept = [p for p in premises if p != concluded]
            if not kept:
                builder.losses.append(Loss("self-reference", f"{line}:{column}", f"<{name}> concludes its only"
                                           " premise; that step is left out"))
                continue
            ident = main_id if main else builder.ids.claim(f"{main_id}-step-{number}")
            aid = builder.argument(kept, "support", concluded, (line, column), name, ident=ident,
                                   original=name if main and slug_of(name) != name else None, **fields)
            if data:
                builder.kept.setdefault("inferences", {})[aid] = data
            made.append(aid)
        steps[name] = made
        conclusion[name] = argument.steps[-1][1]
        if len(argument.descriptions) > 1 and made:
            reader.members.setdefault(made[-1], []).extend(argument.descriptions[1:])
    undercut_sketches: list[tuple[str, str, str]] = []
    for relation in reader.relations:
        where = f"{relation.line}:{relation.column}"
        source = _source(relation.source, sketched, conclusion)
        target = _target(relation.target, sketched, steps)
        if source is None or target is None:
            builder.losses.append(Loss("relation", where, f"a {relation.kind} whose ends argmap cannot name (an"
                                       " argument without a conclusion, or an inference as its source)"))
            continue
        if relation.kind == "undercut" and (relation.target[0] == "statement" or (
                relation.target[0] == "argument" and relation.target[1] in sketched)):
            # argmap undercuts inferences: those the statement (or sketched argument) is the premise of, once known
            undercut_sketches.append((source, target, where))
            continue
        if source == target and relation.kind == "support" and relation.source[0] == "argument":
            continue  # a reconstructed argument supporting its own conclusion: its inference says just that
        if source == target:
            builder.losses.append(Loss("self-reference", where, f"{source!r} is related to itself; left out"))
            continue
        builder.relate(source, "support" if relation.kind == "support" else "attack", target)
    _undercut(builder, undercut_sketches, set(sketched.values()))
    if isinstance(title, str) and title.strip():
        builder.title = title.strip()
    if reader.members:
        builder.kept["members"] = reader.members
    if reader.data:
        builder.kept["data"] = reader.data
    return builder.build()


def _undercut(builder: MapBuilder, undercuts: list[tuple[str, str, str]], sketches: set[str]) -> None:
    """Each undercut of a statement or sketched argument: of the supports and attacks it makes, once all are known
    (argmap undercuts inferences); of a statement that makes none, an attack on it (reported)."""
    for source, sid, where in undercuts:
        statement = builder.statements[sid]
        derived = [f"{sid}--{kind}--{t}" for key, kind in (("supports", "support"), ("attacks", "attack"))
                   for t in statement.get(key, ())]
        if not derived and sid not in sketches:
            builder.losses.append(Loss("undercut", where, f"{source!r} undercuts the statement {sid!r}, which supports"
                                       " or attacks nothing: argmap's undercuts attack inferences; imported as an"
                                       " attack on the statement"))
            builder.relate(source, "attack", sid)
        elif not derived:
            builder.losses.append(Loss("undercut", where, f"{source!r} undercuts the sketched argument {sid!r},"
                                       " which supports or attacks nothing; left out"))
        for ref in derived:
            builder.relate(source, "attack", ref)


def _source(ref: tuple[str, ...], sketched: dict[str, str], conclusion: dict[str, str]) -> str | None:
    if ref[0] == "statement":
        return ref[1]
    if ref[0] == "argument":
        return sketched.get(ref[1]) or conclusion.get(ref[1])
    return None


def _target(ref: tuple[str, ...], sketched: dict[str, str], steps: dict[str, list[str]]) -> str | None:
    if ref[0] == "statement":
        return ref[1]
    if ref[0] == "argument":
        made = steps.get(ref[1])
        return sketched.get(ref[1]) or (made[-1] if made else None)
    if ref[0] == "inference":
        made = steps.get(ref[1], [])
        index = int(ref[2])
        return made[index] if index < len(made) else None
    return None
