"""A map's schemes in use: each inference's scheme, which premise plays which role, and each critical
question's status (open, answered, raised); and the references that name nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from argmap.graph import implicit_id
from argmap.suggest import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterable

    from argmap.model import ArgumentMap
    from argmap.schemes import Catalogue
    from argmap.schemes.spec import CriticalQuestion, SchemeSpec

__all__ = ["QuestionStatus", "SchemeUse", "Problem", "Resolution", "resolve", "attacked"]

Status = Literal["open", "answered", "raised"]
NAMED = 5
"""Inferences named in a finding before "and N more"."""
SUGGESTIONS = 100
"""References to no inference that get a "did you mean"."""


@dataclass(frozen=True)
class QuestionStatus:
    """One critical question of one inference, and the statements that answer or raise it."""

    id: str
    question: CriticalQuestion = field(compare=False)  # a model holding dicts: no part of the value's hash
    answered_by: tuple[str, ...] = ()
    raised_by: tuple[str, ...] = ()

    @property
    def status(self) -> Status:
        return "raised" if self.raised_by else "answered" if self.answered_by else "open"

    @property
    def type(self) -> str:
        return self.question.type


@dataclass(frozen=True)
class SchemeUse:
    """An inference that names a scheme: where it is written, its roles and its questions."""

    inference: str
    """The argument id, or the derived id of a one-premise relation."""
    scheme: str
    spec: SchemeSpec | None
    """None when the catalogue has no such scheme."""
    owner: str
    """The argument, or the statement whose `supports:`/`attacks:` draws the relation."""
    section: Literal["arguments", "statements"]
    roles: dict[str, str] = field(default_factory=dict)
    """Role -> the premise that plays it."""
    missing: tuple[str, ...] = ()
    """The scheme's roles that no premise plays (an enthymeme)."""
    questions: tuple[QuestionStatus, ...] = ()

    def open_questions(self, exceptions: bool = False) -> list[QuestionStatus]:
        """The questions still open: assumptions no statement answers (and, if asked, exceptions nobody
        raised or answered)."""
        return [q for q in self.questions if q.status == "open" and (exceptions or q.type == "assumption")]


@dataclass(frozen=True)
class Problem:
    """A scheme reference that names nothing: where (section, id, path inside) and what."""

    section: str
    node_id: str
    rest: tuple[Any, ...]
    message: str
    key: bool = False


@dataclass
class Resolution:
    """Every scheme use of a map, by inference id, and the problems found on the way."""

    uses: dict[str, SchemeUse] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    suggested: int = 0
    """References to no inference that got a "did you mean" (each costs a comparison with every inference)."""

    def suggest(self, word: str, choices: Iterable[str]) -> str:
        """``did_you_mean`` for the first SUGGESTIONS references to no inference, then nothing: a map of many
        such references stays linear (the first ones are the ones a person reads)."""
        self.suggested += 1
        return did_you_mean(word, choices) if self.suggested <= SUGGESTIONS else ""


def resolve(amap: ArgumentMap, catalogue: Catalogue) -> Resolution:
    """Resolve every `scheme:`, `roles:`, `scheme-role:`, `raises:` and `answers:` of ``amap``."""
    found = Resolution()
    drafts: dict[str, dict[str, Any]] = {}
    for aid, argument in amap.arguments.items():
        if argument.scheme is None:
            if argument.roles:
                found.problems.append(Problem("arguments", aid, ("roles",), f"argument {aid!r} gives roles but names"
                                              " no scheme; add `scheme:`", key=True))
            continue
        spec = _scheme(found, catalogue, "arguments", aid, argument.scheme)
        premises = (argument.premises,) if isinstance(argument.premises, str) else argument.premises
        roles = _argument_roles(found, aid, premises, argument.roles, spec)
        drafts[aid] = {"scheme": argument.scheme, "spec": spec, "owner": aid, "section": "arguments", "roles": roles}
    for sid, statement in amap.statements.items():
        if statement.scheme is None:
            if statement.scheme_role is not None:
                found.problems.append(Problem("statements", sid, ("scheme-role",), f"{sid!r} gives a scheme role but"
                                              " names no scheme; add `scheme:`", key=True))
            continue
        relations = [("support", t) for t in statement.supports] + [("attack", t) for t in statement.attacks]
        if not relations:
            found.problems.append(Problem("statements", sid, ("scheme",), f"{sid!r} names scheme"
                                          f" {statement.scheme!r} but draws no inference (no `supports:` or"
                                          " `attacks:`); name it on the argument instead"))
            continue
        spec = _scheme(found, catalogue, "statements", sid, statement.scheme)
        role = statement.scheme_role
        if spec is not None and role is not None and role not in spec.roles:
            found.problems.append(Problem("statements", sid, ("scheme-role",), f"scheme {statement.scheme!r} has no"
                                          f" role {role!r}; its roles are {', '.join(spec.roles)}"
                                          + did_you_mean(role, list(spec.roles))))
            role = None
        if spec is not None and role is None:
            role = next(iter(spec.roles))
        for relation, target in relations:
            if target == sid or not _exists(amap, target):
                continue  # dangling-reference and self-reference report it; there is no inference to question
            drafts[implicit_id(sid, relation, target)] = {
                "scheme": statement.scheme, "spec": spec, "owner": sid, "section": "statements",
                "roles": {role: sid} if role is not None else {}}
    raised, answered = _questions(found, amap, drafts)
    for iid, draft in drafts.items():
        spec = draft["spec"]
        statuses = tuple(QuestionStatus(qid, q, tuple(answered.get((iid, qid), ())), tuple(raised.get((iid, qid), ())))
                         for qid, q in spec.questions.items()) if spec is not None else ()
        missing = tuple(r for r in spec.roles if r not in draft["roles"]) if spec is not None else ()
        found.uses[iid] = SchemeUse(iid, draft["scheme"], spec, draft["owner"], draft["section"], draft["roles"],
                                    missing, statuses)
    return found


def _exists(amap: ArgumentMap, target: str) -> bool:
    """Whether ``target`` names a statement, an argument, or a one-premise relation the map draws."""
    if target in amap.statements or target in amap.arguments:
        return True
    premise, _, rest = target.partition("--")
    relation, _, conclusion = rest.partition("--")
    statement = amap.statements.get(premise)
    return statement is not None and conclusion in (statement.supports if relation == "support" else
                                                   statement.attacks if relation == "attack" else ())


def _scheme(found: Resolution, catalogue: Catalogue, section: str, node_id: str, scheme: str) -> SchemeSpec | None:
    spec = catalogue.get(scheme)
    if spec is None:
        hint = did_you_mean(scheme, list(catalogue.schemes)) or "; `argmap schemes` lists the catalogue"
        found.problems.append(Problem(section, node_id, ("scheme",), f"unknown scheme {scheme!r}{hint}"))
    return spec


def _argument_roles(found: Resolution, aid: str, premises: tuple[str, ...], given: dict[str, str],
                    spec: SchemeSpec | None) -> dict[str, str]:
    """Role -> premise: the roles given, then the other premises in the scheme's order of roles."""
    roles: dict[str, str] = {}
    for role, premise in given.items():
        if spec is not None and role not in spec.roles:
            found.problems.append(Problem("arguments", aid, ("roles", role), f"scheme of {aid!r} has no role"
                                          f" {role!r}; its roles are {', '.join(spec.roles)}"
                                          + did_you_mean(role, list(spec.roles)), key=True))
        elif premise not in premises:
            found.problems.append(Problem("arguments", aid, ("roles", role), f"role {role!r} of {aid!r} names"
                                          f" {premise!r}, which is not among its premises"
                                          + did_you_mean(premise, premises)))
        else:
            roles[role] = premise
    if spec is not None:
        free = [p for p in premises if p not in roles.values()]
        for role in spec.roles:
            if role not in roles and free:
                roles[role] = free.pop(0)
    return roles


def _questions(found: Resolution, amap: ArgumentMap, drafts: dict[str, dict[str, Any]]
               ) -> tuple[dict[tuple[str, str], list[str]], dict[tuple[str, str], list[str]]]:
    """Which statements raise and answer which question of which inference."""
    raised: dict[tuple[str, str], list[str]] = {}
    answered: dict[tuple[str, str], list[str]] = {}
    reach = _Reach(amap, drafts)
    for sid, statement in amap.statements.items():
        if isinstance(statement.raises, tuple):
            for index, qid in enumerate(statement.raises):
                attacks = statement.attacks
                asking = reach.asking((attacks,) if isinstance(attacks, str) else attacks, qid)
                if len(asking) == 1:
                    raised.setdefault((asking[0], qid), []).append(sid)
                    continue
                where = ("raises", index)
                named = ", ".join(asking[:NAMED]) + (f" and {len(asking) - NAMED} more" if len(asking) > NAMED else "")
                message = (f"{sid!r} raises {qid!r}, but attacks no inference whose scheme asks it" if not asking else
                           f"{sid!r} raises {qid!r} of {len(asking)} inferences ({named}); name the inference:"
                           f" `raises: {{{asking[0]}: {qid}}}`")
                found.problems.append(Problem("statements", sid, where, message))
        for field_name, into in (("raises", raised), ("answers", answered)):
            value = getattr(statement, field_name)
            if isinstance(value, dict):
                for iid, qids in value.items():
                    draft = drafts.get(iid)
                    if draft is None:
                        found.problems.append(Problem("statements", sid, (field_name, iid), _no_inference(
                            found, amap, iid, drafts, field_name), key=True))
                        continue
                    for index, qid in enumerate(qids):
                        if draft["spec"] is None:
                            continue  # the unknown scheme is reported where it is named
                        if qid not in draft["spec"].questions:
                            found.problems.append(Problem("statements", sid, (field_name, iid, index), f"scheme"
                                                          f" {draft['scheme']!r} of {iid!r} asks no question {qid!r};"
                                                          f" its questions are {', '.join(draft['spec'].questions)}"
                                                          + did_you_mean(qid, list(draft["spec"].questions))))
                        else:
                            into.setdefault((iid, qid), []).append(sid)
    return raised, answered


def attacked(amap: ArgumentMap, sid: str, uses: dict[str, SchemeUse]) -> list[str]:
    """The inferences of ``uses`` with a known scheme that statement ``sid`` attacks (directly, or through one
    of their premises or their conclusion): those whose questions it may raise by id alone."""
    return _attacked(amap, sid, {iid: {"spec": use.spec, "section": use.section} for iid, use in uses.items()})


def _attacked(amap: ArgumentMap, sid: str, drafts: dict[str, dict[str, Any]]) -> list[str]:
    """The inferences with a known scheme that ``sid`` attacks: directly (an undercut), or through one of
    their premises or their conclusion."""
    targets = set(amap.statements[sid].attacks)
    return [iid for iid, draft in drafts.items() if draft["spec"] is not None
            and (iid in targets or not targets.isdisjoint(_ends(amap, iid, draft)))]


class _Reach:
    """The inferences with a known scheme that an objection reaches (attacking them, one of their premises or
    their conclusion), by what it attacks and the question it raises: looked up, not searched for, so that a
    map of many objections and inferences resolves in linear time."""

    def __init__(self, amap: ArgumentMap, drafts: dict[str, dict[str, Any]]) -> None:
        self.order = {iid: number for number, iid in enumerate(drafts)}
        self.by_end: dict[tuple[str, str], list[str]] = {}
        for iid, draft in drafts.items():
            if draft["spec"] is not None:
                for end in dict.fromkeys((iid, *_ends(amap, iid, draft))):
                    for qid in draft["spec"].questions:
                        self.by_end.setdefault((end, qid), []).append(iid)

    def asking(self, targets: tuple[str, ...], qid: str) -> list[str]:
        """The inferences asking ``qid`` that attacking ``targets`` reaches, in the map's order."""
        if len(targets) == 1:
            return self.by_end.get((targets[0], qid), [])
        found = {iid for target in targets for iid in self.by_end.get((target, qid), ())}
        return sorted(found, key=self.order.__getitem__)


def _ends(amap: ArgumentMap, iid: str, draft: dict[str, Any]) -> list[str]:
    if draft["section"] == "arguments":
        argument = amap.arguments[iid]
        return [*argument.premises, argument.target]
    premise, _, target = iid.split("--", 2)  # the target may be a derived id itself
    return [premise, target]


def _no_inference(found: Resolution, amap: ArgumentMap, iid: str, drafts: dict[str, dict[str, Any]],
                  field_name: str) -> str:
    verb = "raises questions of" if field_name == "raises" else "answers questions of"
    if iid in amap.arguments:
        return f"{verb} {iid!r}, which names no scheme"
    what = "an inference with a scheme" if "--" in iid else "an inference of the map"
    return f"{verb} {iid!r}, which is not {what}" + found.suggest(iid, drafts)
