"""Rewrite the golden maps of tests/formats/golden from the corpus (review the diff before committing)."""

from __future__ import annotations

import argmap
from argmap.formats import read_map
from tests.formats.test_import import CORPUS, GOLDEN, golden_name

if __name__ == "__main__":
    for path in CORPUS:
        (GOLDEN / golden_name(path)).write_text(argmap.dump(read_map(path).amap), encoding="utf-8")
