"""What `argmap eval` prints: the thesis (or each root) in plain words, then a table; or JSON; or ICCMA answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from argmap.errors import CLEAN
from argmap.jsonout import json_text
from argmap.pipeline.evaluation import EXTENSION_LIMIT, NAMES, Evaluation
from argmap.texts import shorten, text_in, width

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.pipeline.evaluation import Answer

__all__ = ["report", "sensitivity", "task", "problems", "json_text", "shorten", "Said", "EXTENSION_LIMIT",
           "ROOTS_SHOWN", "LINE"]

ROOTS_SHOWN = 10  # roots given a sentence each in text; JSON lists them all
LINE = 110  # columns a table row aims to fit in, its statement's text shortened to fill the rest
TEXT_MIN = 30  # columns a text keeps however long the ids before it


class Said:
    """What a table row shows after an id: the statement's text in one language, shortened to fit."""

    def __init__(self, amap: ArgumentMap | None, lang: str | None) -> None:
        self.amap, self.lang = amap, lang

    def __call__(self, sid: str, used: int) -> str:
        """``sid``'s text quoted, to follow a row whose first ``used`` columns are taken; '' without one."""
        if self.amap is None or sid not in self.amap.statements:
            return ""
        default = self.amap.languages[0]
        text, shown_in = text_in(self.amap.statements[sid].text, self.lang or default, default)
        if not text.strip():
            return ""
        mark = f" ({shown_in}: not translated)" if shown_in is not None else ""  # as the diagram marks it
        return '"' + shorten(text, max(TEXT_MIN, LINE - used - 2 - len(mark))) + '"' + mark


def _json(document: dict[str, Any], stdout: IO[str]) -> int:
    stdout.write(json_text(document))
    return CLEAN


def report(evaluation: Evaluation, form: str, stdout: IO[str], stderr: IO[str], amap: ArgumentMap | None = None,
           lang: str | None = None, questions: bool = False) -> int:
    """An evaluation as text (verdicts, then a table whose rows show each statement's text in ``lang``, by
    default the map's first language) or as its JSON document; for a map, also a verdict on each answer to
    its question, the author's concessions and the analyst's additions (and, in JSON with ``questions``, the
    verdict on each inference whose critical questions counted, and on each of its assumptions)."""
    if evaluation.gradual and not evaluation.converged:
        stderr.write(f"argmap eval: {NAMES[evaluation.semantics]} did not settle in {evaluation.iterations} steps on"
                     " this map's cycles; the statements it did not settle for have no strength\n")
    if form == "json":
        document = evaluation.to_json()
        if amap is not None:
            document.update(analyst=analyst(amap), concessions=concessions(amap),
                            answers={a: _answer_value(evaluation, a) for a in answers(amap)})
            if questions:
                document["questions"] = counted_questions(evaluation)
        return _json(document, stdout)
    from argmap.cli.eval_why import Namer, write_reasons

    name = Namer(amap, lang)
    reasons = evaluation.reasons()
    _verdicts(evaluation, stdout, reasons, name)
    if said := [evaluation.sentence(a, "answer").replace(" (grounded semantics).", ".") + "\n" for a in answers(amap)]:
        stdout.write("".join(said) + "\n")
    texts = Said(amap, lang)
    if evaluation.labels:
        _labels(evaluation, texts, stdout)
    elif evaluation.gradual:
        _strengths(evaluation, texts, stdout)
    else:
        _acceptance(evaluation, texts, stdout)
    write_reasons(evaluation, reasons, name, stdout)
    if granted := concessions(amap):
        stdout.write("\nGranted by the author against their own claim: "
                     + "; ".join(f"{sid} (against {', '.join(targets)})" for sid, targets in granted.items()) + "\n")
    if added := analyst(amap):
        stdout.write(f"\nAdded by the analyst, not the author: {', '.join(added)}\n")
    return CLEAN


def _answer_value(evaluation: Evaluation, node: str) -> Any:
    if evaluation.labels:
        return evaluation.labels[node]
    if evaluation.gradual:
        return evaluation.strengths[node]
    return evaluation.acceptance(node)


def counted_questions(evaluation: Evaluation) -> dict[str, dict[str, Any]]:
    """Each inference whose scheme's assumptions counted (`--questions`): its verdict, and each assumption's
    (under grounded semantics OUT when a statement that stands answers it, else UNDEC)."""
    from argmap.schemes.evaluation import QUESTION

    graph = evaluation.graph
    found: dict[str, dict[str, Any]] = {}
    for node, data in (graph.nodes(data=True) if graph is not None else ()):
        if data.get("kind") == QUESTION:
            inference = data["inference"]
            entry = found.setdefault(inference, {"verdict": _answer_value(evaluation, inference), "assumptions": {}})
            entry["assumptions"][data["question"]] = _answer_value(evaluation, node)
    return found


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


def _no_stable_choice(evaluation: Evaluation) -> str:
    """Why no stable extension exists, in words: open critical questions (``--questions`` makes each open
    assumption attack itself), else an odd cycle of attacks."""
    graph = evaluation.graph
    asked = [n for n in graph if graph.nodes[n].get("kind") == "question"] if graph is not None else []
    if graph is not None and evaluation.framework is not None and asked:
        out_of = set(evaluation.framework.names)
        open_questions = [n for n in asked if n in out_of and not any(
            graph.nodes[i].get("kind") == "inference" and next(iter(graph.predecessors(i)), n) != n
            for i in graph.predecessors(n))]
        if open_questions:
            count = len(open_questions)
            return (f"with --questions, an open assumption is an argument that attacks itself, and {count} "
                    f"{'is' if count == 1 else 'are'} open: answer {'it' if count == 1 else 'them'}, or use preferred"
                    " or grounded semantics")
    return "an odd cycle of attacks leaves no stable choice"


def _verdicts(evaluation: Evaluation, stdout: IO[str], reasons: dict[str, Any] | None = None,
              name: Any = None) -> None:
    if not evaluation.exists:
        stdout.write(f"There is no {evaluation.semantics} extension ({_no_stable_choice(evaluation)}), so no statement"
                     " is credulously accepted. (Sceptical acceptance holds vacuously, as ICCMA counts it: DS tasks"
                     " answer YES.)\n\n")
        return
    sentences = evaluation.verdicts()
    if not sentences:
        return
    if evaluation.thesis is None:
        what = "statements that support or attack nothing" if evaluation.roles else "arguments that attack nothing"
        count = len(sentences)
        stdout.write(f"No thesis; {count} root{'s' if count != 1 else ''} ({what}):\n")
        for sentence in sentences[:ROOTS_SHOWN]:
            stdout.write(f"  {sentence}\n")
        if count > ROOTS_SHOWN:
            stdout.write(f"  ... and {count - ROOTS_SHOWN:,} more (-f json lists every root)\n")
    else:
        stdout.write(_thesis_line(evaluation, sentences[0]) + "\n")
        _thesis_reason(evaluation, reasons or {}, name, stdout)
    stdout.write("\n")


def _thesis_reason(evaluation: Evaluation, reasons: dict[str, Any], name: Any, stdout: IO[str]) -> None:
    """Why the thesis's verdict is what it is, and whether grounded semantics and DF-QuAD disagree on it."""
    from argmap.cli.eval_why import because, disagreement

    thesis = evaluation.thesis
    if thesis is None or thesis not in reasons:
        return
    why = dict(reasons[thesis])
    if evaluation.gradual:
        why["because"] = "strength"
    if not (evaluation.labels and why["because"] == "unattacked"):  # the grounded verdict already says so
        stdout.write("Why: " + because(why, name, NAMES[evaluation.semantics]) + ".\n")
    from argmap.pipeline.evaluation import compared

    other = compared(evaluation)
    if other is not None and (sentence := disagreement(evaluation, other)):
        stdout.write(sentence + "\n")


def _thesis_line(evaluation: Evaluation, sentence: str) -> str:
    """The thesis's sentence; a gradual one also says where statements without a base score start."""
    if not evaluation.gradual or evaluation.strengths.get(evaluation.thesis or "") is None:
        return sentence
    from argmap.pipeline.evaluation import default_base

    return sentence.removesuffix(").") + f"; statements without `base:` start at {default_base()})."


def _row(evaluation: Evaluation, said: Said, first: str, name: str, widest: int) -> str:
    """One row of a table: ``first`` (the verdict), the id, its role and its text, as far as each exists."""
    roles = evaluation.roles
    line = f"{first} {name:<{widest}}"
    if roles:
        line += f"  {roles.get(name, ''):<{max(len(r) for r in roles.values())}}"
    text = said(name, width(line) + 2)
    return (f"{line}  {text}" if text else line).rstrip()


def _labels(evaluation: Evaluation, said: Said, stdout: IO[str]) -> None:
    rows, labels = evaluation.rows, evaluation.labels
    widest = max((len(name) for name in rows), default=4)
    for name in rows:
        stdout.write(_row(evaluation, said, f"{labels[name]:<6}", name, widest) + "\n")
    counts = {label: sum(1 for name in rows if labels[name] == label) for label in ("IN", "OUT", "UNDEC")}
    stdout.write(f"\n{counts['IN']} in, {counts['OUT']} out, {counts['UNDEC']} undecided\n")


def _acceptance(evaluation: Evaluation, said: Said, stdout: IO[str]) -> None:
    rows, semantics = evaluation.rows, evaluation.semantics
    word = {name: evaluation.acceptance(name) for name in rows}
    widest = max((len(name) for name in rows), default=4)
    for name in rows:
        stdout.write(_row(evaluation, said, f"{word[name]:<9} ", name, widest) + "\n")
    counts = {key: sum(1 for name in rows if word[name] == key) for key in ("ACCEPTED", "CREDULOUS", "REJECTED")}
    count = f"more than {EXTENSION_LIMIT}" if evaluation.more_extensions else str(len(evaluation.extensions))
    plural = "" if count == "1" else "s"
    summary = f"{counts['ACCEPTED']} accepted, {counts['CREDULOUS']} credulously only, {counts['REJECTED']} rejected"
    stdout.write(f"\n{summary}; {count} {semantics} extension{plural}\n")


def _strengths(evaluation: Evaluation, said: Said, stdout: IO[str]) -> None:
    rows = evaluation.rows
    widest = max((len(sid) for sid in rows), default=4)
    for sid in rows:
        value = evaluation.strengths[sid]
        shown = " none" if value is None else f"{value:5.2f}"
        line = f"{shown}  {sid:<{widest}}  base {evaluation.bases[sid]:.2f}"
        text = said(sid, width(line) + 2)
        stdout.write((f"{line}  {text}" if text else line) + "\n")
    if not evaluation.converged:
        unsettled = sum(1 for sid in rows if evaluation.strengths[sid] is None)
        stdout.write(f"\n{unsettled} of {len(rows)} statements have no strength: {NAMES[evaluation.semantics]} did not"
                     f" settle in {evaluation.iterations} steps on the cycles they are on or downstream of.\n")


def sensitivity(result: Any, semantics: str, form: str, top: int, stdout: IO[str], said: Said | None = None) -> int:
    """The ranked swings (each statement with its text, as ``said`` gives it) and the smallest flip."""
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
        widest = max(len(i.statement) for i in shown)
        for i in shown:
            line = f"{i.swing:5.2f}  {i.at_zero:5.2f}  {i.at_one:5.2f}  {i.base:5.2f}  {i.statement:<{widest}}"
            text = said(i.statement, width(line) + 2) if said is not None else ""
            stdout.write((f"{line}  {text}" if text else line).rstrip() + "\n")
        stdout.write("\n")
    if flip is None:
        stdout.write(f"No change to a single base score takes it {'to or below' if accepted else 'above'}"
                     f" {result.threshold:g}.\n")
    else:
        verb = "raising" if flip.new_base > flip.base else "lowering"
        stdout.write(f"Smallest flip: {verb} the base of {flip.statement!r} from {flip.base:.2f} to {flip.new_base:.2f}"
                     f" takes it to {flip.strength:.2f}, {'no longer accepted' if accepted else 'accepted'}.\n")
    return CLEAN


def problems(tasks: Iterable[str], stdout: IO[str]) -> int:
    """ICCMA's `--problems`: the supported tasks as one bracketed, comma-separated line."""
    stdout.write("[" + ",".join(tasks) + "]\n")
    return CLEAN


def task(answer: Answer, form: str, stdout: IO[str]) -> int:
    """An ICCMA answer in the ICCMA 2023 form: YES with a witness line `w ...` or NO (DC), YES, or NO with a
    counter-example line (DS), `w ...` or NO (SE); the list of all extensions in ICCMA 2019's bracket
    form (EE), their number (CE)."""
    kind = answer.task.split("-")[0]
    extension, extensions = answer.extension, answer.extensions
    if kind in ("DC", "DS") and answer.accepted != (kind == "DC"):
        extension = None  # a witness backs a YES to DC, a counter-example a NO to DS; nothing else
    members = None if extension is None else answer.members(extension)
    if form == "json":
        document: dict[str, Any] = {"task": answer.task}
        if kind in ("DC", "DS"):
            document.update(argument=answer.argument, accepted=answer.accepted)
            document["witness" if kind == "DC" else "counterexample"] = members
        elif kind == "SE":
            document["extension"] = members
        elif kind == "EE":
            assert isinstance(extensions, list)
            document["extensions"] = [answer.members(e) for e in extensions]
        else:
            document["count"] = extensions
        return _json(document, stdout)
    if kind in ("DC", "DS"):
        stdout.write("YES\n" if answer.accepted else "NO\n")
        if members is not None:
            stdout.write(("w " + " ".join(members)).rstrip() + "\n")
    elif kind == "SE":
        stdout.write("NO\n" if members is None else ("w " + " ".join(members)).rstrip() + "\n")
    elif kind == "EE":
        assert isinstance(extensions, list)
        stdout.write("[" + ",".join("[" + ",".join(answer.members(e)) + "]" for e in extensions) + "]\n")
    else:
        stdout.write(f"{extensions}\n")
    return CLEAN
