"""The reasons `argmap eval` prints: one plain sentence per verdict, naming statements by their texts."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from argmap.texts import one_line, text_in

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.pipeline.evaluation import Evaluation

__all__ = ["Namer", "because", "write_reasons", "disagreement", "NAMED"]

ASKS = "--asks--"  # a critical question's argument under `eval --questions` (argmap.schemes.evaluation)
NAMED = 48  # columns a statement's text takes inside a sentence
LISTED = 4  # statements named from a witness extension before "and N more"


class Namer:
    """A statement by its text in one language, shortened and quoted; a framework's argument by its name."""

    def __init__(self, amap: ArgumentMap | None, lang: str | None) -> None:
        self.amap, self.lang = amap, lang

    def __call__(self, sid: str) -> str:
        from argmap.texts import shorten

        amap = self.amap
        if ASKS in sid:  # a critical question counted by `eval --questions`
            inference, _, question = sid.partition(ASKS)
            return f"the open question {question!r} of {inference!r}"
        if amap is not None and sid not in amap.statements and sid not in amap.arguments:
            for relation, words in (("--attack--", "the attack of {} on {}"), ("--support--", "the support {} gives {}")):
                source, found, target = sid.partition(relation)  # a one-premise inference, by its derived id
                if found and source in amap.statements:
                    return words.format(self(source), self(target))
        if amap is None or sid not in amap.statements:
            item = amap.arguments.get(sid) if amap is not None else None
            label = getattr(item, "label", None)
            if amap is not None and label is not None:
                text, _ = text_in(label, self.lang or amap.languages[0], amap.languages[0])
                if text.strip():
                    return "“" + shorten(text, NAMED) + "”"
            return repr(one_line(sid))
        default = amap.languages[0]
        text, _ = text_in(amap.statements[sid].text, self.lang or default, default)
        return "“" + shorten(text, NAMED) + "”" if text.strip() else repr(sid)

    def joined(self, ids: list[str], word: str = "and") -> str:
        names = [self(i) for i in ids]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {word} " + names[-1]


def _attack(item: dict[str, Any], name: Namer) -> str:
    return " + ".join(name(p) for p in item["from"]) or repr(item["id"])


def because(why: dict[str, Any], name: Namer, semantics: str) -> str:
    """One sentence (without a full stop) saying why a verdict is what it is."""
    kind = why["because"]
    if kind == "unattacked":
        return "nothing attacks it"
    if kind == "defeated":
        return "defeated by " + "; ".join(f"{_attack(i, name)} ({i['label']})" for i in why["by"])
    if kind == "defended":
        parts = []
        for item in why["attackers"]:
            defences = []
            for d in item["defeated_by"]:
                on = d.get("on")
                if on is not None and on not in item["from"] and on != item["id"] and on != "":
                    defences.append(f"{_attack(d, name)} against {name(on)}")
                elif on == item["id"]:
                    defences.append(f"{_attack(d, name)} (undercutting it)")
                else:
                    defences.append(_attack(d, name))
            parts.append(f"its attacker {_attack(item, name)} falls to " + " and ".join(defences))
        return "; ".join(parts)
    if kind == "cycle":
        cycle = why["cycle"]
        if len(cycle) == 1 and ASKS in cycle[0] and not why["on_cycle"]:
            return _open_question(why, name)
        if len(cycle) == 2:
            loop = f"{name(cycle[0])} and {name(cycle[1])} attack each other"
        elif len(cycle) == 1:
            loop = f"{name(cycle[0])} attacks itself"
            if why["on_cycle"]:
                return "undecided: it attacks itself"
        else:
            loop = "a cycle of attacks: " + " → ".join(name(c) for c in [*cycle, cycle[0]])
        if why["on_cycle"]:
            return f"undecided: {loop}, and nothing outside breaks the tie"
        attackers = ", ".join(_attack(i, name) for i in why["by"])
        return f"undecided: its attacker {attackers} is undecided, because {loop}"
    if kind == "strength":
        return _strength(why, name)
    return _acceptance(why, name, semantics)


def _open_question(why: dict[str, Any], name: Namer) -> str:
    """Undecided because a critical question counted by `eval --questions` is open (it attacks itself only so
    that, unanswered, it is undecided: that is no reason to give a reader)."""
    asked = [item for item in why["by"] if item["from"] and all(ASKS in p for p in item["from"])]
    if asked and len(asked) == len(why["by"]):  # the inference itself, undercut by its own open questions
        questions = [repr(p.partition(ASKS)[2]) for item in asked for p in item["from"]]
        many = len(questions) > 1
        listed = questions[0] if not many else ", ".join(questions[:-1]) + " and " + questions[-1]
        return (f"undecided: its critical question{'s' * many} {listed} {'are' if many else 'is'} open: no statement"
                f" that stands answers {'them' if many else 'it'}")
    inference, _, question = why["cycle"][0].partition(ASKS)
    attackers = ", ".join(_attack(item, name) for item in why["by"])
    return (f"undecided: its attacker {attackers} is undecided until a statement that stands answers the critical"
            f" question {question!r} of {inference!r}")


def _acceptance(why: dict[str, Any], name: Namer, semantics: str) -> str:
    kind = why["because"]
    if kind == "no-extension":
        return f"there is no {semantics} extension at all"
    if kind == "nowhere":
        return f"no {semantics} extension contains it"
    if kind == "everywhere":
        return f"every {semantics} extension contains it"
    said = f"some {semantics} extensions contain it, others do not"
    witness, counter = why.get("witness"), why.get("counterexample")
    if witness is not None and counter is not None:
        # What every extension holds says nothing about the choice: each side is named by what it holds alone.
        said += (f": one holds {_members([w for w in witness if w not in counter], name)},"
                 f" another {_members([c for c in counter if c not in witness], name)}")
    return said


def _members(ids: list[str], name: Namer) -> str:
    if not ids:
        return "nothing more than what every one holds"
    shown = name.joined(ids[:LISTED]) if len(ids) <= LISTED else ", ".join(name(i) for i in ids[:LISTED])
    return shown + (f" and {len(ids) - LISTED} more" if len(ids) > LISTED else "")


def _strength(why: dict[str, Any], name: Namer) -> str:
    base = why.get("base")
    said = [f"base {base:.2f}" if base is not None else "no base"]
    for key, verb in (("supports", "raised by"), ("attacks", "lowered by")):
        items = why[key]
        if items:
            said.append(verb + " " + ", ".join(
                f"{_attack(i, name)} ({'none' if i['strength'] is None else format(i['strength'], '.2f')})"
                for i in items[:LISTED]) + (f" and {len(items) - LISTED} more" if len(items) > LISTED else ""))
    return "; ".join(said)


def write_reasons(evaluation: Evaluation, reasons: dict[str, dict[str, Any]], name: Namer, stdout: IO[str]) -> None:
    """The section "Why": each row (statement or framework argument) and the reason for its verdict."""
    if not reasons:
        return
    from argmap.pipeline.evaluation import NAMES

    semantics = NAMES[evaluation.semantics]
    stdout.write("\nWhy:\n")
    rows = [r for r in (*evaluation.rows, *evaluation.arguments) if r in reasons]
    widest = max(len(one_line(r)) for r in rows)
    for row in rows:
        why = dict(reasons[row])
        if evaluation.gradual:
            why["because"] = "strength"
        stdout.write(f"  {one_line(row):<{widest}}  {because(why, name, semantics)}\n")


def disagreement(evaluation: Evaluation, other: Evaluation, threshold: float = 0.5) -> str | None:
    """One plain sentence when grounded semantics and DF-QuAD (``evaluation`` and ``other``, either way
    round) disagree on whether the thesis stands; None when they agree or there is no thesis."""
    thesis = evaluation.thesis
    if thesis is None:
        return None
    labelled, weighed = (evaluation, other) if not evaluation.gradual else (other, evaluation)
    strength = weighed.strengths.get(thesis)
    if strength is None or not labelled.labels:
        return None
    label = labelled.labels[thesis]
    above = strength > threshold
    if label == "OUT" and above:
        return (f"The semantics disagree on the thesis: grounded semantics counts it defeated, because a single"
                f" objection that stands is enough, while DF-QuAD weighs its reasons against its objections and"
                f" gives it {strength:.2f}, above {threshold:g}. See \"Which one answers my question\" in"
                f" docs/evaluation.md.")
    if label == "IN" and not above:
        return (f"The semantics disagree on the thesis: grounded semantics lets it stand, because every objection"
                f" to it is defeated, while DF-QuAD, which also counts how well it is supported, gives it only"
                f" {strength:.2f}, not above {threshold:g}. See \"Which one answers my question\" in"
                f" docs/evaluation.md.")
    return None
