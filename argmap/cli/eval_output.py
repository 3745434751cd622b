"""What `argmap eval` prints: the thesis first in plain words, then a table; or versioned JSON; or ICCMA answers."""

from __future__ import annotations

from itertools import islice
from typing import IO, TYPE_CHECKING

from argmap.errors import CLEAN
from argmap.jsonout import json_text
from argmap.semantics import acceptance_word

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["analyst", "answers", "concessions", "roots", "labels", "acceptance", "strengths", "sensitivity", "task",
           "json_text", "EXTENSION_LIMIT"]

EXTENSION_LIMIT = 100  # extensions listed (JSON) or counted (text) before saying "more than"
NAMES = {"grounded": "grounded", "complete": "complete", "preferred": "preferred", "stable": "stable",
         "dfquad": "DF-QuAD", "quadratic-energy": "quadratic energy"}


def _json(document: dict, stdout: IO[str]) -> int:
    stdout.write(json_text(document))
    return CLEAN


def _rows(framework, amap) -> list[tuple[int, str]]:
    """The rows a table shows: a map's statements (not its inferences), or every framework argument."""
    return [(i, name) for i, name in enumerate(framework.names) if amap is None or name in amap.statements]


def roots(amap) -> list[str]:
    """The main claims of a map without a thesis: statements that support or attack nothing, alone or as premises."""
    premises = {p for argument in amap.arguments.values() for p in argument.premises}
    return [sid for sid, s in amap.statements.items() if not s.supports and not s.attacks and sid not in premises]
def analyst(amap: ArgumentMap | None) -> list[str]:
    """The statements and inferences the analyst added (``by: analyst``): not the author's, so listed apart."""
    if amap is None:
        return []
    return [i for part in (amap.statements, amap.arguments) for i, item in part.items() if item.by == "analyst"]


def answers(amap: ArgumentMap | None) -> list[str]:
    """The answers to the map's question (``question: answers:``), each of which gets its own verdict."""
    if amap is None or amap.question is None:
        return []
    return [a for a in amap.question.answers if a in amap.statements]


def concessions(amap: ArgumentMap | None) -> dict[str, list[str]]:
    """The points the author grants against their own claims (``concedes:``): neither reasons nor objections."""
    if amap is None:
        return {}
    return {sid: list(s.concedes) for sid, s in amap.statements.items() if s.concedes}


def _analyst_line(amap: ArgumentMap | None, stdout: IO[str]) -> None:
    if granted := concessions(amap):
        said = "; ".join(f"{sid} (against {', '.join(targets)})" for sid, targets in granted.items())
        stdout.write(f"\nGranted by the author against their own claim: {said}\n")
    if added := analyst(amap):
        stdout.write(f"\nAdded by the analyst, not the author: {', '.join(added)}\n")


def _role(amap, name: str) -> str:
    return f"  {amap.statements[name].role}" if amap is not None else ""


def labels(framework, amap, labelling: list[str], thesis: str | None, form: str, stdout: IO[str]) -> int:
    """The grounded labelling."""
    rows = _rows(framework, amap)
    if form == "json":
        document = {"version": 1, "semantics": "grounded",
                    "thesis": {"id": thesis, "label": labelling[framework.index(thesis)]} if thesis else None,
                    "labels": {name: labelling[i] for i, name in rows}}
        if amap is not None:
            document["arguments"] = {aid: labelling[framework.index(aid)] for aid in amap.arguments}
            if thesis is None:
                document["roots"] = [{"id": r, "label": labelling[framework.index(r)]} for r in roots(amap)]
            document["analyst"] = analyst(amap)
            document["concessions"] = concessions(amap)
            document["answers"] = {a: labelling[framework.index(a)] for a in answers(amap)}
        return _json(document, stdout)
    verdicts = {"IN": "stands: every objection to it is defeated", "OUT": "is defeated by an accepted objection",
                "UNDEC": "is undecided: its attackers and defenders cancel out"}
    if thesis is not None:
        verdict = verdicts[labelling[framework.index(thesis)]]
        stdout.write(f"The thesis {thesis!r} {verdict} (grounded semantics).\n\n")
    elif amap is not None and amap.statements:
        main = roots(amap)
        stdout.write(f"No thesis: each of the {len(main)} root(s) is a main claim (grounded semantics).\n")
        for root in main:
            stdout.write(f"  {root!r} {verdicts[labelling[framework.index(root)]]}.\n")
        stdout.write("\n")
    if said := [f"The answer {a!r} {verdicts[labelling[framework.index(a)]]}.\n" for a in answers(amap)]:
        stdout.write("".join(said) + "\n")
    width = max((len(name) for _, name in rows), default=4)
    for i, name in rows:
        stdout.write(f"{labelling[i]:<6} {name:<{width}}{_role(amap, name)}".rstrip() + "\n")
    counts = {label: sum(1 for i, _ in rows if labelling[i] == label) for label in ("IN", "OUT", "UNDEC")}
    _analyst_line(amap, stdout)
    stdout.write(f"\n{counts['IN']} in, {counts['OUT']} out, {counts['UNDEC']} undecided\n")
    return CLEAN


def acceptance(framework, amap, reasoner, thesis: str | None, form: str, stdout: IO[str]) -> int:
    """Credulous and sceptical acceptance of every statement under complete, preferred or stable semantics."""
    semantics = reasoner.semantics
    accepted = reasoner.acceptance()
    listed = [sorted(framework.members(e)) for e in islice(reasoner.extensions(), EXTENSION_LIMIT + 1)]
    more = len(listed) > EXTENSION_LIMIT
    listed = listed[:EXTENSION_LIMIT]
    rows = _rows(framework, amap)
    word = {name: acceptance_word(accepted.credulous[i], accepted.sceptical[i]) for i, name in enumerate(framework.names)}
    if form == "json":
        document = {
            "version": 1, "semantics": semantics,
            "thesis": {"id": thesis, "acceptance": word[thesis]} if thesis else None,
            "extensions": {"exist": accepted.exists, "count": None if more else len(listed), "listed": listed},
            "acceptance": {name: {"credulous": accepted.credulous[i], "sceptical": accepted.sceptical[i]}
                           for i, name in rows},
        }
        if amap is not None:
            document["arguments"] = {aid: {"credulous": accepted.credulous[framework.index(aid)],
                                           "sceptical": accepted.sceptical[framework.index(aid)]}
                                     for aid in amap.arguments}
            if thesis is None:
                document["roots"] = [{"id": r, "acceptance": word[r]} for r in roots(amap)]
            document["analyst"] = analyst(amap)
            document["concessions"] = concessions(amap)
            document["answers"] = {a: word[a] for a in answers(amap)}
        return _json(document, stdout)
    if not accepted.exists:
        stdout.write(f"There is no {semantics} extension (an odd cycle of attacks leaves no stable choice), so no"
                     " statement is credulously accepted. (Sceptical acceptance holds vacuously, as ICCMA counts it:"
                     " DS tasks answer YES.)\n\n")
    elif thesis is not None:
        verdict = {"ACCEPTED": f"is accepted: every {semantics} extension contains it",
                   "CREDULOUS": f"is only credulously accepted: some {semantics} extensions contain it, others do not",
                   "REJECTED": f"is rejected: no {semantics} extension contains it"}[word[thesis]]
        stdout.write(f"The thesis {thesis!r} {verdict}.\n\n")
    elif amap is not None and amap.statements:
        main = roots(amap)
        stdout.write(f"No thesis: each of the {len(main)} root(s) is a main claim ({semantics} semantics).\n")
        for root in main:
            stdout.write(f"  {root!r} is {word[root].lower()}.\n")
        stdout.write("\n")
    if accepted.exists and (said := [f"The answer {a!r} is {word[a].lower()}.\n" for a in answers(amap)]):
        stdout.write("".join(said).replace(" is credulous.", " is only credulously accepted.") + "\n")
    width = max((len(name) for _, name in rows), default=4)
    for _, name in rows:
        shown = word[name] if accepted.exists else "REJECTED"
        stdout.write(f"{shown:<9}  {name:<{width}}{_role(amap, name)}".rstrip() + "\n")
    counts = {key: sum(1 for _, name in rows if word[name] == key) for key in ("ACCEPTED", "CREDULOUS", "REJECTED")}
    count = f"more than {EXTENSION_LIMIT}" if more else str(len(listed))
    plural = "" if count == "1" else "s"
    summary = (f"{counts['ACCEPTED']} accepted, {counts['CREDULOUS']} credulously only, {counts['REJECTED']} rejected"
               if accepted.exists else f"0 accepted, 0 credulously only, {len(rows)} rejected")
    _analyst_line(amap, stdout)
    stdout.write(f"\n{summary}; {count} {semantics} extension{plural}\n")
    return CLEAN


def strengths(amap, values: dict[str, float], converged: bool, iterations: int, semantics: str, thesis: str | None,
              form: str, stdout: IO[str], stderr: IO[str]) -> int:
    """Gradual strengths of every statement, with its base score."""
    from argmap.semantics.gradual import DEFAULT_BASE

    if not converged:
        stderr.write(f"argmap eval: {NAMES[semantics]} did not converge in {iterations} iterations; the strengths are"
                     " the last iteration's\n")
    if form == "json":
        return _json({"version": 1, "semantics": semantics, "default_base": DEFAULT_BASE, "converged": converged,
                      "iterations": iterations,
                      "thesis": {"id": thesis, "strength": values[thesis]} if thesis else None,
                      "strengths": {sid: values[sid] for sid in amap.statements},
                      "arguments": {aid: values[aid] for aid in amap.arguments}, "analyst": analyst(amap),
                      "concessions": concessions(amap), "answers": {a: values[a] for a in answers(amap)}}, stdout)
    if thesis is not None:
        stdout.write(f"The thesis {thesis!r} has strength {values[thesis]:.2f} ({NAMES[semantics]}; statements without"
                     f" `base:` start at {DEFAULT_BASE}).\n\n")
    if said := [f"The answer {a!r} has strength {values[a]:.2f}.\n" for a in answers(amap)]:
        stdout.write("".join(said) + "\n")
    width = max((len(sid) for sid in amap.statements), default=4)
    for sid, statement in amap.statements.items():
        base = DEFAULT_BASE if statement.base is None else statement.base
        stdout.write(f"{values[sid]:5.2f}  {sid:<{width}}  base {base:.2f}\n")
    _analyst_line(amap, stdout)
    return CLEAN


def sensitivity(result, semantics: str, form: str, top: int, stdout: IO[str], stderr: IO[str]) -> int:
    """The ranked swings and the smallest flip."""
    if not result.converged:
        stderr.write(f"argmap eval: {NAMES[semantics]} did not converge; the sensitivity is computed from the last"
                     " iteration's strengths\n")
    flip = result.flip
    if form == "json":
        return _json({
            "version": 1, "semantics": semantics, "converged": result.converged, "target": result.target,
            "strength": result.strength,
            "threshold": result.threshold, "accepted": result.strength > result.threshold,
            "influences": [{"statement": i.statement, "base": i.base, "at_zero": i.at_zero, "at_one": i.at_one,
                            "swing": i.swing} for i in result.influences],
            "flip": None if flip is None else {"statement": flip.statement, "base": flip.base,
                                               "new_base": flip.new_base, "strength": flip.strength},
        }, stdout)
    accepted = result.strength > result.threshold
    side = "above" if accepted else "not above"
    stdout.write(f"{result.target!r} has strength {result.strength:.2f} ({NAMES[semantics]}), {side} the acceptance"
                 f" threshold {result.threshold:g}.\n\n")
    if not result.influences:
        stdout.write("Nothing leads to it: its strength is its own base score.\n")
    else:
        shown = result.influences[:top]
        stdout.write(f"What it hangs on: its strength with each base score set to 0 and to 1, the others unchanged"
                     f" ({len(shown)} of {len(result.influences)}, largest swing first).\n\n")
        stdout.write(f"{'swing':>5}  {'at 0':>5}  {'at 1':>5}  {'base':>5}  statement\n")
        for i in shown:
            stdout.write(f"{i.swing:5.2f}  {i.at_zero:5.2f}  {i.at_one:5.2f}  {i.base:5.2f}  {i.statement}\n")
        stdout.write("\n")
    if flip is None:
        stdout.write(f"No change to a single base score takes it {'to or below' if accepted else 'above'}"
                     f" {result.threshold:g}.\n")
    else:
        verb = "raising" if flip.new_base > flip.base else "lowering"
        stdout.write(f"Smallest flip: {verb} the base of {flip.statement!r} from {flip.base:.2f} to {flip.new_base:.2f}"
                     f" takes it to {flip.strength:.2f}, {'no longer accepted' if accepted else 'accepted'}.\n")
    return CLEAN


def task(options, framework, answer: bool | None, extension, extensions, stdout: IO[str]) -> int:
    """An ICCMA answer: YES/NO with a witness (DC) or counter-example (DS) line, `w ...` or NO (SE), or
    the list of all extensions (EE, in ICCMA 2019's bracket form)."""
    kind = options.task.split("-")[0]
    if kind in ("DC", "DS") and answer != (kind == "DC"):
        extension = None  # a witness backs a YES to DC, a counter-example a NO to DS; nothing else
    members = None if extension is None else framework.members(extension)
    if options.format == "json":
        document: dict = {"task": options.task}
        if kind in ("DC", "DS"):
            document.update(argument=options.argument, accepted=answer)
            document["witness" if kind == "DC" else "counterexample"] = members
        elif kind == "SE":
            document["extension"] = members
        else:
            document["extensions"] = [framework.members(e) for e in extensions]
        return _json(document, stdout)
    if kind in ("DC", "DS"):
        stdout.write("YES\n" if answer else "NO\n")
        if members is not None:
            stdout.write(("w " + " ".join(members)).rstrip() + "\n")
    elif kind == "SE":
        stdout.write("NO\n" if members is None else ("w " + " ".join(members)).rstrip() + "\n")
    else:
        stdout.write("[" + ",".join("[" + ",".join(framework.members(e)) + "]" for e in extensions) + "]\n")
    return CLEAN
