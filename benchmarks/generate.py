"""Synthetic argument maps of N statements: tree-like supports, some attacks, linked arguments, groups, quotes.

    python benchmarks/generate.py 10000 -o map-10k.yaml [--seed 1]
    python benchmarks/generate.py 4000000 --dense attacks -o dense.yaml

The map is valid (clean but for unsupported-claim warnings): one thesis, every statement reaches
it, no support cycles. Every statement quotes a generated source text; there is one source per
1,000 statements (a large analysis quotes many documents), written beside the map.

With --dense, N is a number of YAML nodes instead, and the map is the costliest kind per node
known for one resource (see DENSE): what the node limit of a map must bound.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

__all__ = ["generate", "source_text", "write_sources", "write_map", "dense", "DENSE"]

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(seed: int, size: int = 5000) -> list[str]:
    rng = random.Random(seed ^ 0x5EED)
    return ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 10))) for _ in range(size)]


def source_text(n: int, seed: int = 0) -> str:
    """The source the generated quotes come from: one sentence per statement."""
    rng = random.Random(seed)
    words = _vocabulary(seed)
    return "\n".join(f"Sentence {i}: " + " ".join(rng.choice(words) for _ in range(12)) + "." for i in range(n)) + "\n"


PER_SOURCE = 1000


def generate(n: int, seed: int = 0, source: str = "source.txt") -> str:
    """A map of ``n`` statements as YAML text (deterministic for a given seed)."""
    rng = random.Random(seed)
    sentences = source_text(n, seed).splitlines()
    vocabulary = _vocabulary(seed)
    groups = max(1, n // 200)
    out = [
        "argmap: 1",
        f"id: synthetic-{n}",
        "title: {en: Synthetic map, fr: Carte synthétique}",
        "languages: [en, fr]",
        "sources:",
    ]
    stem, _, suffix = source.rpartition(".")
    out += [f"  src{k}: {{title: Generated source {k}, language: en, path: {stem}.{k}.{suffix}}}"
            for k in range((n + PER_SOURCE - 1) // PER_SOURCE)]
    out.append("groups:")
    out += [f"  g{g}: {{label: {{en: Group {g}, fr: Groupe {g}}}}}" for g in range(groups)]
    out.append("statements:")
    linked: list[tuple[int, int, int]] = []
    target_of: dict[int, int] = {}
    for i in range(n):
        words = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 14)))
        out.append(f"  s{i}:")
        if i == 0:
            out.append("    role: thesis")
        elif rng.random() < 0.3:
            out.append("    role: evidence")
        out.append(f"    text: {{en: \"Statement {i}: {words}\", fr: \"Énoncé {i} : {words}\"}}")
        cut = rng.randint(0, 20)
        quote = sentences[i][cut : cut + rng.randint(20, 50)].strip()
        out.append(f"    quotes: [{{source: src{i // PER_SOURCE}, text: \"{quote}\"}}]")
        if i:
            out.append(f"    group: g{rng.randrange(groups)}")
            parent = rng.randrange(max(0, i - 50), i) if rng.random() < 0.8 else rng.randrange(i)
            roll = rng.random()
            partner = rng.randrange(parent + 1, i) if parent + 1 < i else parent
            if roll < 0.75 or (roll >= 0.9 and (partner == parent or target_of.get(partner) == parent)):
                out.append(f"    supports: [s{parent}]")
                target_of[i] = parent
            elif roll < 0.9 or i < 3:
                out.append(f"    attacks: [s{parent}]")
                target_of[i] = parent
            else:
                linked.append((i, partner, parent))  # s{i} and its partner support s{parent} jointly
        if i and rng.random() < 0.1:
            out.append(f"    tags: [t{rng.randrange(10)}]")
    out.append("arguments:")
    for k, (a, b, target) in enumerate(linked):
        out.append(f"  a{k}: {{premises: [s{a}, s{b}], supports: s{target}}}")
    if not linked:
        out[-1] = "arguments: {}"
    out += ["expect:", "  - {select: {role: thesis}, count: 1}"]
    return "\n".join(out) + "\n"


def write_sources(n: int, seed: int, source: Path) -> None:
    """Write the texts the map of ``n`` statements quotes, as ``source`` with a chunk number."""
    lines = source_text(n, seed).splitlines(keepends=True)
    stem, _, suffix = source.name.rpartition(".")
    for k in range(0, n, PER_SOURCE):
        (source.parent / f"{stem}.{k // PER_SOURCE}.{suffix}").write_text("".join(lines[k : k + PER_SOURCE]), encoding="utf-8")


def write_map(path: Path, n: int, seed: int = 0) -> Path:
    """Write a map of ``n`` statements to ``path``, and the source texts it quotes beside it."""
    source = path.with_suffix(".source.txt")
    path.write_text(generate(n, seed, source.name), encoding="utf-8")
    write_sources(n, seed, source)
    return path


DENSE = {
    "statements": "terse statements, one finding each (4 nodes a statement)",
    "references": "one statement with references to nothing, one finding each (1 node a reference)",
    "attacks": "statements with the longest ids attacking 100 others each (1 node an attack)",
    "quotes": "statements quoting an unknown source (13 nodes a statement)",
    "schemes": "one-premise inferences with a scheme, each beside an objection to their shared conclusion that"
               " raises one of the scheme's questions (16 nodes a pair)",
}


def dense(nodes: int, shape: str) -> str:
    """A map of at most ``nodes`` YAML nodes (the root, its keys and values, lists and mappings), of
    the kind ``shape`` in DENSE."""
    head = "argmap: 1\nstatements:\n  s0: {role: thesis, text: T}\n"  # 11 nodes
    budget = nodes - 11
    if shape == "statements":
        return head + "".join(f"  a{i}: {{text: x}}\n" for i in range(1, budget // 4 + 1))
    if shape == "references":
        return head + "  a: {text: x, supports: [" + ",".join("z" * (budget - 6)) + "]}\n"
    if shape == "attacks":
        targets, per = 1000, 100 + 8  # key, mapping, text, x, supports, s0, attacks, list, 100 targets
        lines = [f"  t{j}: {{text: x, supports: s0}}\n" for j in range(targets)]  # 6 nodes each
        count = (budget - 6 * targets) // per
        lines += [f"  {i:0120d}: {{text: x, supports: s0, attacks: [" + ",".join(f"t{(i + j) % targets}" for j in range(100))
                  + "]}\n" for i in range(1, count + 1)]
        return head + "".join(lines)
    if shape == "quotes":
        return head + "".join(f"  a{i}: {{text: x, supports: s0, quotes: [{{source: s, text: q}}]}}\n"
                              for i in range(1, budget // 13 + 1))
    if shape == "schemes":
        return head + "".join(f"  p{i}: {{text: x, supports: s0, scheme: sign}}\n"
                              f"  o{i}: {{text: x, attacks: s0, raises: strength}}\n" for i in range(1, budget // 16 + 1))
    raise ValueError(f"unknown shape {shape!r}; the shapes are {', '.join(DENSE)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dense", choices=sorted(DENSE), help="a map of N YAML nodes of this costly kind")
    args = parser.parse_args(argv)
    if args.dense:
        args.output.write_text(dense(args.n, args.dense), encoding="utf-8")
    else:
        write_map(args.output, args.n, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
