"""Kialo's text export: `1.` the thesis, numbered `1.2.3. Pro:`/`Con:` claims below it, `-> See 1.4.` links that
make the tree a graph, claims in Markdown over one or more lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from argmap.formats._common import FormatError, Loss, MapBuilder, Reading, Written
from argmap.formats._losses import unheld
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.formats._common import Subject

__all__ = ["import_map", "write", "sniff"]

_CLAIM = re.compile(r"((?:\d+\.)+)\s+(?:(Pro|Con):\s*)?(.*)")
_SEE = re.compile(r"->\s*See\s+((?:\d+\.)*\d+)\.?\s*$")
_TITLE = re.compile(r"Discussion Title:\s*(.*)")


def sniff(content: str, document: Any) -> bool:
    return document is None and bool(re.search(r"(?m)^(Discussion Title:|1\.1\.\s+(Pro|Con):)", content))


def import_map(content: str, name: str) -> Reading:
    builder = MapBuilder(name, "kialo")
    claims: list[tuple[str, str | None, list[str], int]] = []
    for number, raw in enumerate(content.split("\n"), start=1):
        if not raw.strip():
            continue
        title = _TITLE.match(raw)
        if title and not claims:
            builder.title = title.group(1).strip() or None
            continue
        match = _CLAIM.match(raw)
        if match:
            claims.append((match.group(1).rstrip("."), match.group(2), [match.group(3)], number))
        elif claims:
            claims[-1][2].append(raw)
        else:
            raise FormatError(f"{number}:1", "a Kialo export starts with `Discussion Title:` or a numbered claim"
                              " such as `1. The thesis`")
    ids: dict[str, str] = {}
    links: list[tuple[str, str, str, int]] = []
    for numbering, stance, lines, line in claims:
        parent = numbering.rsplit(".", 1)[0] if "." in numbering else None
        if parent is not None and parent not in ids:
            raise FormatError(f"{line}:1", f"claim {numbering} has no claim {parent} above it")
        if numbering in ids:
            raise FormatError(f"{line}:1", f"claim {numbering} is numbered twice")
        if parent is not None and stance is None:
            raise FormatError(f"{line}:{len(numbering) + 3}", f"claim {numbering} needs `Pro:` or `Con:`")
        text = "\n".join(lines).strip()
        see = _SEE.match(text)
        if see:
            if parent is None:
                raise FormatError(f"{line}:1", "a thesis cannot be a link (-> See)")
            links.append((see.group(1), "support" if stance == "Pro" else "attack", ids[parent], line))
            ids[numbering] = ""
            continue
        sid = builder.statement(text, (line, 1), original=numbering)
        ids[numbering] = sid
        if parent is not None:
            builder.relate(sid, "support" if stance == "Pro" else "attack", ids[parent])
    pointing = {numbering: see.group(1) for numbering, _, lines, _ in claims
                if ids.get(numbering) == "" and (see := _SEE.match("\n".join(lines).strip()))}
    for target, relation, parent, at in links:
        followed = [target]
        while target in pointing:  # a link to a link: the claim at the end of the chain
            target = pointing[target]
            if target in followed:
                raise FormatError(f"{at}:1", f"the links {' -> '.join([*followed, target])} go round in a circle"
                                  " and never reach a claim")
            followed.append(target)
        linked = ids.get(target)
        if linked is None:
            raise FormatError(f"{at}:1", f"the link names claim {target}, which is not in the export")
        if linked == parent:
            builder.losses.append(Loss("self-reference", f"{at}:1", f"claim {target} links to itself; left out"))
            continue
        builder.relate(linked, relation, parent)
    roots = [ids[n] for n, _, _, _ in claims if "." not in n and ids[n]]
    if len(roots) == 1:
        builder.statements[roots[0]]["role"] = "thesis"
    return builder.build()


def write(subject: Subject) -> Written:
    amap = subject.amap
    if amap is None:
        raise ValueError("Kialo needs a map, not a framework file")
    lang, default = subject.lang, amap.languages[0]
    losses = unheld(amap, lang, {"thesis", "title"}, "Kialo")
    losses += _one_line_title(amap, lang, default, "Kialo's discussion title")
    children: dict[str, list[tuple[str, str]]] = {sid: [] for sid in amap.statements}
    for sid, statement in amap.statements.items():
        for target in statement.supports:
            if target in children:
                children[target].append((sid, "Pro"))
            else:
                losses.append(Loss("support of an inference", sid, f"Kialo claims answer claims; {target!r} is an"
                                   " inference"))
        for target in statement.attacks:
            if target in children:
                children[target].append((sid, "Con"))
            else:
                losses.append(Loss("undercut", sid, f"Kialo has no undercuts; the attack on {target!r} is left out"))
    for aid, argument in amap.arguments.items():
        target = argument.target
        if target not in children:
            losses.append(Loss("undercut", aid, f"Kialo has no undercuts; {aid!r} is left out"))
            continue
        if len(argument.premises) > 1:
            losses.append(Loss("linked premises", aid, "Kialo has no linked premises; each premise is written as a"
                               " claim of its own"))
        for premise in argument.premises:
            children[target].append((premise, "Pro" if argument.supports else "Con"))
    pointed = {child for items in children.values() for child, _ in items}
    theses = [sid for sid, s in amap.statements.items() if s.role == "thesis"]
    roots = theses or [sid for sid in amap.statements if sid not in pointed] or list(amap.statements)[:1]
    out = [f"Discussion Title: {_one_line(pick_text(amap.title, lang, default))}", ""] if amap.title else []
    numbers: dict[str, str] = {}

    def visit(root: str, numbering: str) -> None:
        """The claims under ``root``, depth first, with a stack (a chain may be thousands of claims deep)."""
        stack: list[tuple[str, str, str | None]] = [(root, numbering, None)]
        while stack:
            sid, number, stance = stack.pop()
            prefix = f"{number}. " + (f"{stance}: " if stance else "")
            if sid in numbers:
                out.append(f"{prefix}-> See {numbers[sid]}.")
                continue
            numbers[sid] = number
            out.append(prefix + _as_claim(sid, pick_text(amap.statements[sid].text, lang, default), losses))
            stack += reversed([(child, f"{number}.{index}", kind)
                               for index, (child, kind) in enumerate(children[sid], start=1)])

    index = 0
    for root in roots:
        index += 1
        visit(root, str(index))
    for sid in [sid for sid in amap.statements if sid not in numbers]:  # in a circle with no root
        index += 1
        visit(sid, str(index))
    return Written("\n".join(out) + "\n", tuple(losses))


def _as_claim(sid: str, text: str, losses: list[Loss]) -> str:
    """A claim's text as the export's lines: what would read as Kialo's own syntax (a whole text like a link,
    a line like a numbered claim) gets a Markdown backslash, and blank lines go (a blank line ends nothing in
    Kialo's export); each change is listed."""
    lines = text.split("\n")
    if _SEE.match(text):
        lines[0] = "\\" + lines[0]
        losses.append(Loss("text that reads as a link", sid, "a backslash is written before its '->' (Markdown shows"
                           " the text as it was)"))
    for index in range(1, len(lines)):
        if _CLAIM.match(lines[index]) or _TITLE.match(lines[index]):
            lines[index] = "\\" + lines[index]
            losses.append(Loss("line that reads as a claim", sid, "a backslash is written before it (Markdown shows"
                               " the text as it was)"))
    if any(not line.strip() for line in lines[1:]):
        lines = [lines[0], *(line for line in lines[1:] if line.strip())]
        losses.append(Loss("blank lines", sid, "the blank lines in the text are left out"))
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _one_line_title(amap: Any, lang: str | None, default: str, what: str) -> list[Loss]:
    """A loss when the map's title has line breaks or runs of spaces, which a title on one line joins."""
    title = pick_text(amap.title, lang, default) if amap.title is not None else ""
    if title == _one_line(title):
        return []
    return [Loss("line breaks", "title", f"{what} is one line: its lines and runs of spaces are joined with single"
                 " spaces")]
