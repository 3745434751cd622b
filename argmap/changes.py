"""Two maps -> what changed in the argument (statements, relations, premises, quotes) and in its evaluation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from argmap.model import ArgumentMap, Where

__all__ = ["Change", "Verdict", "Changes", "compare", "TEXT_FIELDS"]

TEXT_FIELDS = frozenset({"text", "note", "label", "title", "description"})
"""Fields that hold one text per language: compared language by language."""
_RELATIONS = ("supports", "attacks")

Kind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Change:
    """One change: ``what`` (statement, argument, relation, source, group, expectation, map) ``id`` was
    added, removed or changed (in ``field``, for ``lang``), from ``before`` to ``after``."""

    kind: Kind
    what: str
    id: str
    field: str | None = None
    lang: str | None = None
    before: Any = None
    after: Any = None
    where: Where | None = None
    """Where the change is in the new map; None for something removed with its place."""

    def describe(self) -> str:
        """The change in words, on one line."""
        name = f"{self.what} {self.id!r}"
        if self.kind != "changed":
            detail = f": {_short(self.after if self.kind == 'added' else self.before)}" if self.field is None \
                and (self.after if self.kind == "added" else self.before) is not None else ""
            if self.field is not None:  # an element added to or removed from a list
                return f"{name} {self.field}: {self.kind} {_short(self.after if self.kind == 'added' else self.before)}"
            return f"{self.kind} {name}{detail}"
        place = self.field + (f" ({self.lang})" if self.lang else "") if self.field else ""
        return f"{name} {place}: {_short(self.before)} -> {_short(self.after)}"


@dataclass(frozen=True)
class Verdict:
    """How the evaluation of one statement (the thesis) moved: grounded label and DF-QuAD strength."""

    id: str
    label_before: str | None
    label_after: str | None
    strength_before: float | None
    strength_after: float | None

    @property
    def moved(self) -> bool:
        strengths = (self.strength_before, self.strength_after)
        return self.label_before != self.label_after or (
            None not in strengths and round(strengths[0] or 0, 2) != round(strengths[1] or 0, 2)) or (
            (self.strength_before is None) != (self.strength_after is None))

    def describe(self) -> str:
        def label(value: str | None) -> str:
            return value or "absent"

        def strength(value: float | None) -> str:
            return "absent" if value is None else f"{value:.2f}"

        parts = []
        if self.label_before != self.label_after:
            parts.append(f"went from {label(self.label_before)} to {label(self.label_after)} (grounded)")
        else:
            parts.append(f"stays {label(self.label_after)} (grounded)")
        parts.append(f"strength {strength(self.strength_before)} -> {strength(self.strength_after)} (DF-QuAD)")
        return f"the thesis {self.id!r} " + ", ".join(parts)


@dataclass(frozen=True)
class Stale:
    """A text changed in some languages and not in others: the others may be out of date."""

    what: str
    id: str
    field: str
    changed: tuple[str, ...]
    behind: tuple[str, ...]
    where: Where | None = None

    def describe(self) -> str:
        those = "that translation" if len(self.behind) == 1 else "those translations"
        return (f"{self.what} {self.id!r} {self.field}: changed in {', '.join(self.changed)} but not in"
                f" {', '.join(self.behind)}; {those} may be out of date")


def stale(old: ArgumentMap, new: ArgumentMap) -> list[Stale]:
    """The texts of statements, arguments and groups that changed in one language and stayed as they were in
    another.

    >>> from argmap.model import ArgumentMap
    >>> a = ArgumentMap.from_data({"argmap": 1, "id": "m", "languages": ["en", "fr"], "statements": {
    ...     "t": {"role": "thesis", "text": {"en": "Tax cars.", "fr": "Taxer les voitures."}}}})
    >>> b = ArgumentMap.from_data({"argmap": 1, "id": "m", "languages": ["en", "fr"], "statements": {
    ...     "t": {"role": "thesis", "text": {"en": "Tax heavy cars.", "fr": "Taxer les voitures."}}}})
    >>> [s.describe() for s in stale(a, b)]
    ["statement 't' text: changed in en but not in fr; that translation may be out of date"]
    """
    found: list[Stale] = []
    for section, what in (("statements", "statement"), ("arguments", "argument"), ("groups", "group")):
        before, after = getattr(old, section), getattr(new, section)
        for key, item in after.items():
            if key not in before:
                continue
            for name in TEXT_FIELDS:
                a, b = getattr(before[key], name, None), getattr(item, name, None)
                if not (isinstance(a, dict) and isinstance(b, dict)) or a == b:
                    continue
                both = [lang for lang in a if lang in b]
                changed = tuple(lang for lang in both if _reworded(a[lang], b[lang]))
                behind = tuple(lang for lang in both if not _reworded(a[lang], b[lang]))
                if changed and behind:
                    where = new.locator.node(section, key, (name, changed[0]), False)
                    found.append(Stale(what, key, name, changed, behind, where))
    return found


@dataclass(frozen=True)
class Changes:
    """Every change from one map to another, in a stable order, and what they did to the evaluation."""

    changes: tuple[Change, ...]
    verdicts: tuple[Verdict, ...] = field(default=())
    stale: tuple[Stale, ...] = field(default=())
    """Texts changed in some languages and not in others."""

    def __bool__(self) -> bool:
        return bool(self.changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "changed": bool(self.changes),
            "changes": [{"kind": c.kind, "what": c.what, "id": c.id, "field": c.field, "lang": c.lang,
                         "before": c.before, "after": c.after,
                         "where": None if c.where is None else {"path": c.where[0], "line": c.where[1],
                                                                "column": c.where[2]}}
                        for c in self.changes],
            "evaluation": [{"id": v.id, "grounded": {"before": v.label_before, "after": v.label_after},
                            "dfquad": {"before": v.strength_before, "after": v.strength_after}}
                           for v in self.verdicts],
            "stale": [{"what": s.what, "id": s.id, "field": s.field, "changed": list(s.changed), "behind": list(s.behind),
                       "where": None if s.where is None else {"path": s.where[0], "line": s.where[1],
                                                              "column": s.where[2]}}
                      for s in self.stale],
        }


def compare(old: ArgumentMap, new: ArgumentMap, evaluate: bool = True) -> Changes:
    """What changed from ``old`` to ``new``, statement by statement and relation by relation.

    >>> from argmap.model import ArgumentMap
    >>> a = ArgumentMap.from_data({"argmap": 1, "id": "m", "statements": {
    ...     "t": {"role": "thesis", "text": "T"}, "r": {"text": "R", "supports": "t"}}})
    >>> b = ArgumentMap.from_data({"argmap": 1, "id": "m", "statements": {
    ...     "t": {"role": "thesis", "text": "T!"}, "r": {"text": "R", "attacks": "t"}}})
    >>> [c.describe() for c in compare(a, b, evaluate=False).changes]
    ["statement 't' text: 'T' -> 'T!'", "removed relation 'r supports t'", "added relation 'r attacks t'"]
    """
    changes: list[Change] = []
    changes += _header(old, new)
    for section, what in (("statements", "statement"), ("arguments", "argument"), ("sources", "source"),
                          ("groups", "group")):
        changes += _section(section, what, old, new)
    changes += _relations(old, new)
    changes += _expectations(old, new)
    verdicts = _verdicts(old, new) if evaluate else ()
    return Changes(tuple(changes), tuple(verdicts), tuple(stale(old, new)))


def _header(old: ArgumentMap, new: ArgumentMap) -> list[Change]:
    found: list[Change] = []
    for name in ("id", "declared_languages"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            shown = "languages" if name == "declared_languages" else name
            found.append(Change("changed", "map", new.id, shown, None, _plain(before), _plain(after),
                                new.locator.top((shown,), False)))
    for name in ("title", "description"):
        for lang, before, after in _texts(getattr(old, name), getattr(new, name), old, new):
            found.append(Change("changed", "map", new.id, name, lang, before, after, new.locator.top((name,), False)))
    return found


def _section(section: str, what: str, old: ArgumentMap, new: ArgumentMap) -> list[Change]:
    before: Mapping[str, Any] = getattr(old, section)
    after: Mapping[str, Any] = getattr(new, section)
    found: list[Change] = []
    for key in before:
        if key not in after:
            found.append(Change("removed", what, key, before=_caption(before[key], old)))
    for key, item in after.items():
        if key not in before:
            found.append(Change("added", what, key, after=_caption(item, new),
                                where=new.locator.node(section, key, (), True)))
            continue
        found += _fields(section, what, key, before[key], item, old, new)
    return found


def _fields(section: str, what: str, key: str, before: Any, after: Any, old: ArgumentMap,
            new: ArgumentMap) -> list[Change]:
    found: list[Change] = []
    left = before.model_dump(mode="json", by_alias=True)
    right = after.model_dump(mode="json", by_alias=True)
    for name in right:
        if section == "statements" and name in _RELATIONS:
            continue  # compared as relations, with their own ids
        a, b = left.get(name), right.get(name)
        if a == b:
            continue

        # A field that still has a value is shown there; one that was removed, at its item.
        place = new.locator.node(section, key, (name,), False) if b not in (None, [], ()) \
            else new.locator.node(section, key, (), True)

        if name in TEXT_FIELDS:
            for lang, x, y in _texts(a, b, old, new):
                found.append(Change("changed", what, key, name, lang, x, y, place))
        elif isinstance(a, list) or isinstance(b, list):
            a_items, b_items = [_plain(v) for v in a or []], [_plain(v) for v in b or []]
            found += [Change("removed", what, key, name, before=v, where=place) for v in a_items if v not in b_items]
            found += [Change("added", what, key, name, after=v, where=place) for v in b_items if v not in a_items]
        else:
            found.append(Change("changed", what, key, name, None, a, b, place))
    return found


def _relations(old: ArgumentMap, new: ArgumentMap) -> list[Change]:
    """The one-premise relations written as ``supports:`` and ``attacks:`` on statements."""

    def facts(amap: ArgumentMap) -> dict[tuple[str, str, str], Where]:
        found = {}
        for sid, statement in amap.statements.items():
            for relation in _RELATIONS:
                for index, target in enumerate(getattr(statement, relation)):
                    found[(sid, relation, target)] = amap.locator.node("statements", sid, (relation, index), False)
        return found

    before, after = facts(old), facts(new)
    gone = [fact for fact in before if fact not in after]
    came = [fact for fact in after if fact not in before]
    found: list[Change] = []
    # One relation of a statement that lost one target and gained another was retargeted.
    for premise, relation, target in list(gone):
        lost = [f for f in gone if f[:2] == (premise, relation)]
        gained = [f for f in came if f[:2] == (premise, relation)]
        if len(lost) == 1 and len(gained) == 1:
            gone.remove(lost[0])
            came.remove(gained[0])
            found.append(Change("changed", "relation", f"{premise} {relation}", "target", None, target,
                                gained[0][2], after[gained[0]]))
    def still(fact: tuple[str, str, str]) -> Where | None:  # a removal is shown where its premise still is
        return new.locator.node("statements", fact[0], (), True) if fact[0] in new.statements else None

    return ([Change("removed", "relation", " ".join(fact), where=still(fact)) for fact in gone]
            + found + [Change("added", "relation", " ".join(fact), where=after[fact]) for fact in came])


def _expectations(old: ArgumentMap, new: ArgumentMap) -> list[Change]:
    before = [e.model_dump(mode="json", by_alias=True, exclude_defaults=True) for e in old.expectations]
    after = [e.model_dump(mode="json", by_alias=True, exclude_defaults=True) for e in new.expectations]
    found = [Change("removed", "expectation", str(i), before=e) for i, e in enumerate(before) if e not in after]
    found += [Change("added", "expectation", str(i), after=e, where=new.locator.expectation(i, (), False))
              for i, e in enumerate(after) if e not in before]
    return found


def _verdicts(old: ArgumentMap, new: ArgumentMap) -> list[Verdict]:
    from argmap.graph import build
    from argmap.semantics.result import evaluate_graph

    theses = [sid for sid, s in new.statements.items() if s.role == "thesis"]
    theses += [sid for sid, s in old.statements.items() if s.role == "thesis" and sid not in theses]
    if not theses:
        return []
    results = {}
    for name, amap in (("old", old), ("new", new)):
        graph = build(amap)
        results[name] = (evaluate_graph(graph, "grounded"), evaluate_graph(graph, "dfquad"))
    verdicts = []
    for sid in theses:
        (old_labels, old_strengths), (new_labels, new_strengths) = results["old"], results["new"]
        verdicts.append(Verdict(sid, old_labels.labels.get(sid), new_labels.labels.get(sid),
                                old_strengths.strengths.get(sid), new_strengths.strengths.get(sid)))
    return verdicts


def _texts(a: Any, b: Any, old: ArgumentMap, new: ArgumentMap) -> Iterable[tuple[str | None, Any, Any]]:
    """(language, before, after) for every language whose text differs; no language for plain texts."""
    left, right = _per_language(a, old.languages[0]), _per_language(b, new.languages[0])
    several = isinstance(a, dict) or isinstance(b, dict)
    for lang in [*left, *(k for k in right if k not in left)]:
        if _reworded(left.get(lang), right.get(lang)):
            yield (lang if several else None), left.get(lang), right.get(lang)


def _reworded(before: Any, after: Any) -> bool:
    """Whether a text says something else: a text only re-spaced or re-wrapped (a folded line moved, a space
    doubled) is the same text, as the drawing and the page show it.

    >>> _reworded("Tax heavy  cars.", " Tax heavy\\ncars."), _reworded("Tax cars.", "Tax heavy cars.")
    (False, True)
    """
    if isinstance(before, str) and isinstance(after, str):
        return before.split() != after.split()
    return bool(before != after)


def _per_language(text: Any, default: str) -> dict[str, Any]:
    if text is None:
        return {}
    if isinstance(text, str):
        return {default: text}
    return dict(text)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict) and set(value) == {"source", "text"}:
        return f"{value['source']}: {value['text']}"
    return value


def _caption(item: Any, amap: ArgumentMap) -> str | None:
    from argmap.texts import pick_text

    for name in ("text", "label", "title"):
        value = getattr(item, name, None)
        if value is not None:
            return pick_text(value, amap.languages[0], amap.languages[0])
    if hasattr(item, "premises"):
        return f"{', '.join(item.premises)} {item.relation}s {item.target}"
    return None


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value) if isinstance(value, str) else "absent" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def listing(amap: ArgumentMap) -> str:
    """The argument a map (or one file of it) states, one fact a line in a stable order: what git's
    ``textconv`` shows, so that ``git diff`` and ``git log -p`` read as changes to the argument.

    >>> from argmap.model import ArgumentMap
    >>> print(listing(ArgumentMap.from_data({"argmap": 1, "id": "m", "statements": {
    ...     "t": {"role": "thesis", "text": "T"}, "r": {"text": "R", "supports": "t", "tags": ["x"]}}})), end="")
    map m
    statement t: role: thesis
    statement t: text: T
    statement r: text: R
    statement r: tags: x
    relation r supports t
    """
    from argmap.canonical import data

    document = data(amap)
    lines = [f"map {amap.id}"]
    for name in ("title", "description", "languages"):
        if name in document:
            lines += [f"{name}{suffix}: {value}" for suffix, value in _flat(document[name])]
    for section, what in (("sources", "source"), ("groups", "group"), ("statements", "statement"),
                          ("arguments", "argument")):
        for key, fields in document.get(section, {}).items():
            relations = []
            for name, value in fields.items():
                if section == "statements" and name in _RELATIONS:
                    targets = value if isinstance(value, list) else [value]
                    relations += [f"relation {key} {name} {target}" for target in targets]
                    continue
                lines += [f"{what} {key}: {name}{suffix}: {shown}" for suffix, shown in _flat(value)]
            lines += relations
    lines += [f"expect: {_one_line(e)}" for e in document.get("expect", [])]
    return "\n".join(lines) + "\n"


def _flat(value: Any) -> list[tuple[str, str]]:
    """(" (lang)" or "", text) pairs for a per-language text; one pair for a list or a plain value."""
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return [(f" ({lang})", _one_line(text)) for lang, text in value.items()]
    if isinstance(value, list):
        if all(isinstance(v, dict) and set(v) == {"source", "text"} for v in value):
            return [(f" {v['source']}", _one_line(v["text"])) for v in value]
        return [("", ", ".join(_one_line(v) for v in value))]
    return [("", _one_line(value))]


def _one_line(value: Any) -> str:
    from argmap.texts import one_line

    if isinstance(value, str):
        return one_line(value)
    import json

    return one_line(json.dumps(value, ensure_ascii=False, sort_keys=True))
