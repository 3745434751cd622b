"""A source `path:` that reaches outside the map's folder.

What it does:
    Reports a source whose `path` is absolute, or resolves (after `..` and symbolic links) outside
    the folder of the map's root file. Such a path is never opened: its quotes are not verified,
    and nothing about the file it names (whether it exists, what it holds) reaches any message.
    Texts kept elsewhere on purpose are found by their file name in the folders that the
    configuration's `source-dirs` (or `argmap check --source-dir`) names.

Why this matters:
    Maps arrive in pull requests and are checked in CI, where the environment holds secrets. A
    source path that could point anywhere (`/proc/self/environ`, `../../../.ssh/id_rsa`) would
    let a map read those files, and `quote-not-found` tells how much of a quote matched, so a
    hostile map could learn a secret character by character.

Example:
    sources:
      essay: {path: ../../../../etc/passwd}

Use instead:
    sources:
      essay: {path: texts/essay.txt}        # inside the map's folder
    # or keep the text elsewhere and name that folder in .argmap.yaml:
    #   source-dirs: [../texts]

Options:
    None.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.rule import Context

CODE = "ARG013"
NAME = "source-outside-map"
SEVERITY = Severity.ERROR
OPTIONS: dict[str, Any] = {}
INPUT = "map"


def check(ctx: Context, options: dict[str, Any]) -> Iterator[Diagnostic]:
    amap = ctx.amap
    for source_id, text in ctx.texts.items():
        if text.outside:
            yield amap.problem(CODE, source_id, "path", section="sources",
                               message=f"source {source_id!r}: its path leads outside the map's folder, so it is"
                                       " not read; keep the text in the map's folder or name its folder in"
                                       " `source-dirs`")
