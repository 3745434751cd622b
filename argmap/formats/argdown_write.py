"""A map -> Argdown text: statements as titled definitions with their relations below them, linked
arguments as premise-conclusion structures, groups as headings, the title as front matter."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap.formats._common import Loss, Written
from argmap.formats._losses import unheld
from argmap.texts import pick_text

if TYPE_CHECKING:
    from argmap.formats._common import Subject
    from argmap.schema import Statement

__all__ = ["write", "escape"]

_SPECIAL = re.compile(r"([\\\[\]<>#@{}*_])|(//|/\*)|([.:])(?=[^\s.:]+?[.:])")
_FENCE = re.compile(r"={3,}")
_LEAD = re.compile(r"^([+\-=(>]|\d+\.(?=\s))")


def escape(text: str) -> str:
    r"""``text`` as Argdown reads it back word for word: every character that would start Argdown syntax
    (titles, tags, mentions, data, bold and italic, comments, shortcodes, a relation at the start) escaped.

    >>> escape("5 * 3 = [x] #1 e.g. a//b")
    '5 \\* 3 = \\[x\\] \\#1 e\\.g. a\\//b'
    >>> escape("- not a relation")
    '\\- not a relation'
    >>> escape("a === b")
    'a \\=\\=\\= b'
    """
    text = " ".join(text.split())
    text = _SPECIAL.sub(lambda m: "\\" + m.group(), text)
    # Argdown reads === anywhere as the start of front matter, up to the next ===
    text = _FENCE.sub(lambda m: "".join("\\=" for _ in m.group()), text)
    return _LEAD.sub(lambda m: "\\" + m.group(), text)


_PLAIN_KEY = re.compile(r"[A-Za-z_~][\w~-]*(?: [\w~-]+)*")


def _key(key: Any) -> str:
    """A key of the kept front matter as it was written: plain when it was plain text (a null key read as
    ``~`` stays ``~``), else quoted."""
    return key if isinstance(key, str) and _PLAIN_KEY.fullmatch(key) else _quoted(str(key))


def _quoted(text: str) -> str:
    # JSON's escapes are YAML's; the line breaks JSON leaves raw are not line breaks to YAML's reader
    return json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") \
        .replace("\x85", "\\x85")


def _flow(value: Any) -> str:
    """A value of the kept front matter in YAML's flow style, meaning what it meant when read."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, float) and value != value:
        return ".nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(key)}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return _quoted(str(value))


def _title(name: str) -> str:
    return name if name and not re.search(r"[\]\[<>\n]", name) and name.strip() == name else ""


def write(subject: Subject) -> Written:
    if subject.amap is None or subject.graph is None:
        raise ValueError("Argdown needs a map (its statements and inferences), not a framework file")
    amap = subject.amap
    lang = subject.lang
    default = amap.languages[0]
    imported = amap.imported if amap.imported is not None and amap.imported.format == "argdown" else None
    originals = dict(imported.ids) if imported else {}
    kept = imported.kept if imported else {}
    sketched = set(kept.get("arguments", ()))
    tag_names: dict[str, str] = kept.get("tags", {})
    losses = unheld(amap, lang, {"groups", "tags", "notes", "labels", "title"}, "Argdown")
    notes = [sid for sid, s in amap.statements.items() if s.note]
    if notes:
        losses.append(Loss("notes", ", ".join(notes[:5]), "Argdown has no notes on statements"))
    titles: dict[str, str] = {}
    used: set[str] = set()
    for node in [*amap.statements, *amap.arguments]:
        title = _title(originals.get(node, "")) or node
        if title in used:
            title = node
        used.add(title)
        titles[node] = title
    structures = _undercut_supports(amap, sketched)
    for derived in structures:
        titles[derived] = derived if derived not in used else f"{derived}-{len(used)}"
        used.add(titles[derived])
    relabelled = [aid for aid, a in amap.arguments.items()
                  if a.label is not None and pick_text(a.label, lang, default) != titles[aid]]
    if relabelled:
        losses.append(Loss("labels", ", ".join(relabelled[:5]), "an Argdown argument's title is its id; the labels"
                           " are not written"))

    kept_here = _kept_for(kept, originals, sketched, amap, lang in (default, None), losses)

    class Ref:
        def __call__(self, node: str) -> str:
            argument = node in amap.arguments or node in sketched or node in structures
            return f"<{titles[node]}>" if argument else f"[{titles[node]}]"

        def argument(self, node: str) -> bool:
            return node in amap.arguments

        def sketched(self, node: str) -> bool:
            return node in sketched

        statements = amap.statements
        supports = structures
        keeps = kept_here

        def outgoing(self, node: str) -> int:
            found = amap.statements.get(node)
            return len(found.supports) + len(found.attacks) if found is not None else 0

    ref = Ref()

    def tags(items: tuple[str, ...]) -> str:
        shown = []
        for tag in items:
            name = tag_names.get(tag, tag)
            shown.append(f"#{name}" if re.fullmatch(r"[\w-]+", name) else f"#({name})")
        return (" " + " ".join(shown)) if shown else ""

    out = _front_matter(amap, kept, lang, default)
    order = [None, *amap.groups]
    for group in order:
        members = [sid for sid, s in amap.statements.items() if s.group == group]
        members += [aid for aid, a in amap.arguments.items() if a.group == group]
        if not members:
            continue
        if group is not None:
            out += [f"# {escape(pick_text(amap.groups[group].label, lang, default))}", ""]
        for node in members:
            if node in amap.statements:
                out += _statement(node, amap.statements[node], ref, tags, lang, default, losses)
            else:
                out += _argument(node, amap, ref, titles, tags, lang, default, losses)
    return Written("\n".join(out).rstrip("\n") + "\n", tuple(losses))


def _front_matter(amap: Any, kept: dict[str, Any], lang: str | None, default: str) -> list[str]:
    """The map's title and the front matter an import kept, between ``===`` lines (none when there is neither)."""
    header = {key: value for key, value in kept.get("front-matter", {}).items() if key != "title"}
    grouping = header.get("group")
    if isinstance(grouping, dict) and "regroup" in grouping:  # the map's groups are its headings now, edits and all
        header["group"] = {key: value for key, value in grouping.items() if key != "regroup"}
        if not header["group"]:
            del header["group"]
    if amap.title is not None:
        header = {"title": pick_text(amap.title, lang, default), **header}
    if not header:
        return []
    return ["===", *(f"{_key(key)}: {_flow(value)}" for key, value in header.items()), "===", ""]


def _undercut_supports(amap: Any, sketched: set[str]) -> dict[str, tuple[str, str]]:
    """The one-premise supports that are undercut and whose premise makes other relations too: Argdown names
    such a support only as a premise-conclusion structure of its own (derived id -> premise, conclusion)."""
    found: dict[str, tuple[str, str]] = {}
    for statement in amap.statements.values():
        for target in statement.attacks:
            parts = target.split("--")
            if len(parts) != 3 or parts[1] != "support" or parts[0] in sketched:
                continue
            premise = amap.statements.get(parts[0])
            if premise is not None and parts[2] in premise.supports and parts[2] in amap.statements and \
                    len(premise.supports) + len(premise.attacks) != 1:
                found[target] = (parts[0], parts[2])
    return found


def _text(statement: Statement, node: str, lang: str | None, default: str, losses: list[Loss]) -> str:
    words = pick_text(statement.text, lang, default)
    if "\n" in words.strip() or "\r" in words.strip():
        losses.append(Loss("line breaks", node, "Argdown joins the lines of a text with single spaces"))
    elif words != " ".join(words.split()):
        losses.append(Loss("runs of spaces", node, "Argdown reads tabs and runs of spaces in a text as one space"))
    return escape(words)


def _statement(node: str, statement: Statement, ref: Any, tags: Any, lang: str | None, default: str,
               losses: list[Loss]) -> list[str]:
    data = ref.keeps.data.get(node, "")
    lines = [f"{ref(node)}: {_text(statement, node, lang, default, losses)}{tags(statement.tags)}{data}"]
    after: list[str] = [line for member in ref.keeps.members.get(node, ()) for line in ("", f"{ref(node)}: {member}")]
    for target in statement.supports:
        derived = f"{node}--support--{target}"
        if derived in ref.supports:  # undercut: written as a structure of its own, which the undercut names
            after += ["", ref(derived), "", f"(1) {ref(node)}", "----", f"(2) {ref(target)}"]
        else:
            lines.append(f"  +> {ref(target)}")
    for target in statement.attacks:
        if target in ref.supports:
            lines.append(f"  _> {ref(target)}")
        elif "--" in target:
            premise = target.split("--")[0]
            # The one inference of a sketched argument, or of a statement that supports or attacks one other:
            # Argdown's undercut of it names it alone (and argmap reads that back as this undercut).
            if ref.outgoing(premise) == 1 and (ref.sketched(premise) or premise in ref.statements):
                lines.append(f"  _> {ref(premise)}")
            else:
                losses.append(Loss("undercut of a plain relation", node, f"Argdown cannot name the relation"
                                   f" {target!r}; the undercut is left out"))
        elif ref.argument(target):
            lines.append(f"  _> {ref(target)}")
        else:
            lines.append(f"  -> {ref(target)}")
    return [*lines, *after, ""]


def _argument(node: str, amap: Any, ref: Any, titles: dict[str, str], tags: Any, lang: str | None, default: str,
              losses: list[Loss]) -> list[str]:
    argument = amap.arguments[node]
    note = pick_text(argument.note, lang, default) if argument.note else ""
    head = f"<{titles[node]}>" + (f": {escape(note)}" if note else "") + tags(argument.tags) + ref.keeps.data.get(node, "")
    target = argument.target
    if argument.attacks is not None or target not in amap.statements:
        what = "linked attack" if argument.attacks is not None else "support of an inference"
        losses.append(Loss(what, node, "Argdown's premise-conclusion structures conclude a statement; written as a"
                           " sketched argument with its premises as supports of it"))
        lines = [head if note else f"<{titles[node]}>: {escape(pick_text(argument.label, lang, default) or node)}"]
        lines += [f"  <+ {ref(p)}" for p in argument.premises]
        symbol = "->" if argument.attacks is not None and target in amap.statements else (
            "_>" if argument.attacks is not None else "+>")
        if "--" in target:
            losses.append(Loss("undercut of a plain relation", node, f"Argdown cannot name the relation {target!r}"))
        else:
            lines.append(f"  {symbol} {ref(target)}")
        return [*lines, ""]
    lines = [head, ""]
    lines += [f"({number}) {ref(p)}" for number, p in enumerate(argument.premises, start=1)]
    lines += [*_inference_line(node, len(argument.premises), ref), f"({len(argument.premises) + 1}) {ref(target)}", ""]
    return lines


_RULES = re.compile(r"[^\n\r{}\[\]<>#@/]*")


class _Kept(NamedTuple):
    """What an Argdown import kept of each node, as it is written back."""

    data: dict[str, str]
    members: dict[str, list[str]]
    inferences: dict[str, Any]


def _kept_for(kept: dict[str, Any], originals: dict[str, str], sketched: set[str], amap: Any, original_language: bool,
              losses: list[Loss]) -> _Kept:
    """What an Argdown import kept of each node, as written back: its data (`` {...}`` after its definition,
    the data of its several mentions merged, as Argdown merges them) and the other wordings of a statement
    (its equivalence class's members, written in the language they were read in only)."""
    data: dict[str, str] = {}
    for node in [*amap.statements, *amap.arguments]:
        argument = node in amap.arguments or node in sketched
        found = kept.get("data", {}).get(f"<{originals.get(node, node)}>" if argument else node)
        merged: dict[Any, Any] = {}
        for item in found if isinstance(found, list) else ():
            if isinstance(item, dict):
                merged.update(item)
        if merged:
            data[node] = " " + _flow(merged)
    members: dict[str, list[str]] = {}
    for node, texts in kept.get("members", {}).items():
        wordings = [escape(t) for t in texts if isinstance(t, str) and t.strip()] if node in amap.statements else []
        if wordings and original_language:
            members[node] = wordings
        elif wordings:
            losses.append(Loss("other wordings", node, "the other wordings of the statement are in the language"
                               " it was imported in, not the one written"))
    inferences = kept.get("inferences", {})
    return _Kept(data, members, inferences if isinstance(inferences, dict) else {})


def _inference_line(node: str, premises: int, ref: Any) -> list[str]:
    """The inference line of an argument: ``----``, or the rules and data an Argdown import kept of it, with
    ``uses`` numbering the premises as written (each inference is written as a structure of its own)."""
    kept = ref.keeps.inferences.get(node)
    if not isinstance(kept, dict) or not kept:
        return ["----"]
    data = {key: value for key, value in kept.items() if key != "rules"}
    if isinstance(data.get("uses"), list):
        data["uses"] = list(range(1, premises + 1))
    rules = kept.get("rules")
    rules = rules if isinstance(rules, str) and _RULES.fullmatch(rules) and "--" not in rules else ""
    body = " ".join(part for part in (rules.strip(), _flow(data) if data else "") if part)
    return ["--", body, "--"] if body else ["----"]
