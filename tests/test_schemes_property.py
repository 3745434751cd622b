"""Any map with schemes, roles, raised and answered questions, right or wrong: resolving never fails, every
question has one status that agrees with its statements, the rules only report, and `--questions` evaluates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.api import check, evaluate
from argmap.model import ArgumentMap
from argmap.schemes import shipped
from argmap.schemes.uses import attacked, resolve
from tests.conftest import examples

IDS = ["a", "b", "c", "d", "e"]
SCHEMES = ["expert-opinion", "sign", "analogy", "ad-hominem", "slippery-slope", "no-such-scheme"]
QUESTIONS = sorted({q for spec in shipped().schemes.values() for q in spec.questions} | {"nope"})
ROLES = sorted({r for spec in shipped().schemes.values() for r in spec.roles} | {"nope"})
ids = st.sampled_from(IDS)
refs = st.one_of(ids, st.sampled_from(["x"]), st.builds(lambda p, r, t: f"{p}--{r}--{t}", ids,
                                                          st.sampled_from(["support", "attack"]), ids))
questions = st.lists(st.sampled_from(QUESTIONS), min_size=1, max_size=3, unique=True)


@st.composite
def maps(draw: st.DrawFn) -> dict:
    statements = {}
    for sid in draw(st.lists(ids, min_size=1, max_size=5, unique=True)):
        entry: dict = {"text": sid.upper()}
        entry["supports" if draw(st.booleans()) else "attacks"] = draw(st.lists(ids, max_size=2, unique=True))
        if draw(st.booleans()):
            entry["scheme"] = draw(st.sampled_from(SCHEMES))
        if draw(st.integers(0, 3)) == 0:
            entry["scheme-role"] = draw(st.sampled_from(ROLES))
        if draw(st.booleans()):
            entry["raises"] = draw(st.one_of(questions, st.dictionaries(refs, questions, min_size=1, max_size=2)))
        if draw(st.booleans()):
            entry["answers"] = draw(st.dictionaries(refs, questions, min_size=1, max_size=2))
        statements[sid] = entry
    statements[next(iter(statements))]["role"] = "thesis"
    arguments = {}
    for index in range(draw(st.integers(0, 2))):
        argument: dict = {"premises": draw(st.lists(ids, min_size=1, max_size=3, unique=True)),
                          "supports" if draw(st.booleans()) else "attacks": draw(ids)}
        if draw(st.booleans()):
            argument["scheme"] = draw(st.sampled_from(SCHEMES))
            argument["roles"] = draw(st.dictionaries(st.sampled_from(ROLES), ids, max_size=2))
        arguments[f"arg{index}"] = argument
    return {"argmap": 1, "statements": statements, "arguments": arguments}


@settings(max_examples=examples(100), deadline=None)
@given(maps())
def test_any_map_with_schemes_resolves_checks_and_evaluates(data):
    amap = ArgumentMap.from_data(data)
    found = resolve(amap, shipped())
    for iid, use in found.uses.items():
        assert use.inference == iid
        assert use.owner in amap.statements or use.owner in amap.arguments
        assert set(use.missing).isdisjoint(use.roles) and (use.spec is None or set(use.roles) <= set(use.spec.roles))
        for question in use.questions:
            assert question.status == ("raised" if question.raised_by else "answered" if question.answered_by
                                       else "open")
            assert all(s in amap.statements for s in (*question.answered_by, *question.raised_by))
        assert set(use.open_questions()) <= set(use.open_questions(exceptions=True))
    result = check(amap, config=False)
    assert all(d.code for d in result.diagnostics)
    for semantics in ("grounded", "dfquad"):
        plain, counted = evaluate(amap, semantics), evaluate(amap, semantics, questions=True)
        assert set(plain.rows) == set(counted.rows)


@settings(max_examples=examples(100), deadline=None)
@given(maps())
def test_an_objection_raises_questions_of_the_inferences_it_reaches(data):
    # the oracle: a pass over every inference, asking whether the objection attacks it, one of its premises or
    # its conclusion (resolving looks them up by what they end in instead)
    amap = ArgumentMap.from_data(data)
    uses = resolve(amap, shipped()).uses
    for sid, statement in amap.statements.items():
        targets = set(statement.attacks)
        reached = []
        for iid, use in uses.items():
            if use.spec is None:
                continue
            if use.section == "arguments":
                ends = {*amap.arguments[iid].premises, amap.arguments[iid].target}
            else:
                premise, _, target = iid.split("--", 2)
                ends = {premise, target}
            if iid in targets or targets & ends:
                reached.append(iid)
        assert attacked(amap, sid, uses) == reached
        for use in uses.values():
            for question in use.questions:
                if sid in question.raised_by and isinstance(statement.raises, tuple):
                    asking = [i for i in reached if question.id in uses[i].spec.questions]
                    assert asking == [use.inference]
