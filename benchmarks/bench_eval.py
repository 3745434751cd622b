"""Benchmark grounded semantics on random sparse frameworks (in-process, best of --repeat).

    python benchmarks/bench_eval.py [--sizes 10000 100000] [--density 3] [--write docs/performance.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from argmap.evaluate.framework import Framework  # noqa: E402
from argmap.evaluate.grounded import grounded  # noqa: E402
from bench_check import update_markdown  # noqa: E402


def random_framework(n: int, density: int, seed: int = 0) -> Framework:
    rng = random.Random(seed)
    attacks = {(rng.randrange(n), rng.randrange(n)) for _ in range(n * density)}
    return Framework(tuple(str(i) for i in range(n)), tuple(sorted(attacks)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--density", type=int, default=3, help="attacks per argument")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        framework = random_framework(n, args.density)
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            labels = grounded(framework)
            best = min(best, time.perf_counter() - started)
        counts = {label: labels.count(label) for label in ("IN", "OUT", "UNDEC")}
        rows.append(f"| {n:,} | {len(framework.attacks):,} | {best:.2f} s | {counts['IN']:,} / {counts['OUT']:,} / {counts['UNDEC']:,} |")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    block = "\n".join([
        "<!-- bench_eval:start -->",
        f"Measured by `python benchmarks/bench_eval.py` ({machine}); best of {args.repeat}, in one process.",
        "",
        "| arguments | attacks | grounded labelling | IN / OUT / UNDEC |",
        "|---:|---:|---:|---:|",
        *rows,
        "<!-- bench_eval:end -->",
    ])
    print(block)
    if args.write:
        update_markdown(args.write, block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
