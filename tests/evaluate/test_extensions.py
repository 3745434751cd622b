"""Complete, preferred, stable, semi-stable, stage and ideal semantics against brute-force enumeration and textbook frameworks."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings

from argmap.semantics.extensions import Reasoner
from argmap.semantics.framework import Framework
from tests.evaluate.brute import brute_force, frameworks


@settings(deadline=None)
@given(frameworks)
def test_every_semantics_matches_brute_force(framework):
    expected = brute_force(framework)
    n = len(framework)
    for semantics, extensions in expected.items():
        if semantics == "grounded":
            continue  # not a Reasoner's: tests/evaluate/test_evaluate.py
        reasoner = Reasoner(framework, semantics)
        found = [frozenset(e) for e in reasoner.extensions()]
        assert len(found) == len(set(found)), "an extension was listed twice"
        assert set(found) == set(extensions), semantics
        one = reasoner.one()
        assert (one is None) == (not extensions)
        assert one is None or frozenset(one) in extensions
        credulous = [any(a in e for e in extensions) for a in range(n)]
        sceptical = [all(a in e for e in extensions) for a in range(n)]
        # Every subset of a small framework (2^5 at most, to keep the test fast) is checked as a claimed extension.
        subsets = [frozenset(s) for size in range(n + 1) for s in itertools.combinations(range(n), size)]
        for subset in subsets if n <= 5 else extensions:
            assert reasoner.is_extension(subset) == (subset in extensions), (semantics, subset)
        acceptance = reasoner.acceptance()
        assert acceptance.credulous == credulous, semantics
        assert acceptance.sceptical == sceptical, semantics
        assert acceptance.exists == bool(extensions)
        for a in range(n):
            accepted, witness = reasoner.credulous(a)
            assert accepted == credulous[a]
            assert witness is None if not accepted else (a in witness and frozenset(witness) in extensions)
            accepted, counter = reasoner.sceptical(a)
            assert accepted == sceptical[a], (semantics, a)
            assert accepted or (a not in counter and frozenset(counter) in extensions)


# (names, attacks, {semantics: extensions}) from Baroni, Caminada and Giacomin's introduction to
# argumentation semantics (Knowledge Engineering Review, 2011) and Dung (1995).
TEXTBOOK = [
    ("ab", [(0, 1), (1, 0)],                                   # mutual attack
     {"complete": [set(), {0}, {1}], "preferred": [{0}, {1}], "stable": [{0}, {1}]}),
    ("abc", [(0, 1), (1, 2), (2, 0)],                          # odd cycle: no stable extension
     {"complete": [set()], "preferred": [set()], "stable": []}),
    ("abcd", [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)],         # floating reinstatement
     {"complete": [set(), {0, 3}, {1, 3}], "preferred": [{0, 3}, {1, 3}], "stable": [{0, 3}, {1, 3}]}),
    ("abcde", [(0, 1), (1, 0), (1, 2), (2, 3), (3, 4), (4, 2)],  # a stable extension must break the 3-cycle
     {"complete": [set(), {0}, {1, 3}], "preferred": [{0}, {1, 3}], "stable": [{1, 3}]}),
    ("ab", [(0, 0), (0, 1)],                                   # self-attack
     {"complete": [set()], "preferred": [set()], "stable": []}),
]


@pytest.mark.parametrize(("names", "attacks", "expected"), TEXTBOOK)
def test_textbook_frameworks(names, attacks, expected):
    framework = Framework(tuple(names), tuple(attacks))
    for semantics, extensions in expected.items():
        found = sorted(sorted(e) for e in Reasoner(framework, semantics).extensions())
        assert found == sorted(sorted(e) for e in extensions), semantics


def test_unknown_semantics_is_refused():
    with pytest.raises(ValueError, match="available: complete, preferred, stable"):
        Reasoner(Framework(("a",), ()), "naive")


# Where semi-stable, stage and ideal part from preferred and stable: (names, attacks, {semantics: extensions}),
# from Caminada (*Semi-stable semantics*, COMMA 2006), Verheij (1996) and Dung, Mancarella and Toni (2007).
BEYOND = [
    # a and b attack each other, b attacks the self-attacking c, d attacks itself: no stable extension;
    # both {a} and {b} are preferred, but only {b} has the largest range.
    ("abcd", [(0, 1), (1, 0), (1, 2), (2, 2), (3, 3)],
     {"stable": [], "preferred": [{0}, {1}], "semi-stable": [{1}], "stage": [{1}], "ideal": [set()]}),
    ("abcd", [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)],                 # floating reinstatement: d is in every
     {"preferred": [{0, 3}, {1, 3}], "ideal": [set()], "semi-stable": [{0, 3}, {1, 3}]}),  # preferred, not ideal
    ("abc", [(0, 1), (1, 0), (1, 2), (2, 2)],                          # b's attack on c gives it the larger range
     {"preferred": [{0}, {1}], "ideal": [set()], "semi-stable": [{1}], "stage": [{1}], "stable": [{1}]}),
    ("abcd", [(0, 1), (1, 2), (2, 0), (3, 0)],                         # an odd cycle broken from outside:
     {"preferred": [{1, 3}], "semi-stable": [{1, 3}], "stage": [{1, 3}], "ideal": [{1, 3}]}),  # all agree
    ("abc", [(0, 1), (1, 2), (2, 0)],                                  # odd cycle: stage picks any one argument
     {"semi-stable": [set()], "stage": [{0}, {1}, {2}], "ideal": [set()]}),
]


@pytest.mark.parametrize(("names", "attacks", "expected"), BEYOND)
def test_where_the_range_based_and_ideal_semantics_differ(names, attacks, expected):
    framework = Framework(tuple(names), tuple(attacks))
    brute = brute_force(framework)
    for semantics, extensions in expected.items():
        assert sorted(map(sorted, brute[semantics])) == sorted(map(sorted, extensions)), ("brute", semantics)
        found = sorted(sorted(e) for e in Reasoner(framework, semantics).extensions())
        assert found == sorted(sorted(e) for e in extensions), semantics
