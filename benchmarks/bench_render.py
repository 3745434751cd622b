"""Benchmark `argmap render` to SVG against Graphviz's `dot -Tsvg` alone on the same DOT.

    python benchmarks/bench_render.py [--sizes 50 1000 3000 10000] [--repeat 3] [--write docs/performance.md]

Fresh processes, best of --repeat (one run for 10,000 statements). argmap's figure includes
reading, checking and building the DOT; dot's is the layout and SVG output alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import measure, publish
from generate import write_map

START, END = "<!-- bench_render:start -->", "<!-- bench_render:end -->"
ARGDOWN = {50: "1.6 s", 1000: "4.6 s", 3000: "28 s", 10000: "gave up after 120 s"}


def dot_version() -> str:
    done = subprocess.run(["dot", "-V"], capture_output=True, text=True)
    return done.stderr.strip().replace("dot - ", "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 1000, 3000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    argmap = [sys.executable, "-m", "argmap"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for n in args.sizes:
            path = write_map(work / f"map-{n}.yaml", n)
            subprocess.run([*argmap, "render", str(path), "-o", str(work / f"map-{n}.dot")], check=True,
                           stdout=subprocess.DEVNULL)
            nodes = sum(1 for line in (work / f"map-{n}.dot").read_text().splitlines() if line.lstrip().startswith("n")
                        and "->" not in line)
            repeat = args.repeat if n <= 3000 else 1
            dot, _, _ = measure(["dot", "-Tsvg", str(work / f"map-{n}.dot"), "-o", str(work / "dot.svg")], repeat)
            ours, memory, _ = measure([*argmap, "render", str(path), "-o", str(work / "argmap.svg")], repeat, work)
            rows.append(f"| {n:,} | {nodes:,} | {dot:.2f} s | {ours:.2f} s | {ours / dot:.2f}× | {ours - dot:.2f} s "
                        f"| {memory:.0f} MiB | {ARGDOWN.get(n, '–')} |")
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
               f" Graphviz {dot_version()}")
    block = "\n".join([
        START,
        f"Measured by `python benchmarks/bench_render.py` ({machine}); best of {args.repeat} fresh processes"
        " (one for 10,000).",
        "",
        "| statements | DOT nodes | `dot -Tsvg` alone | `argmap render` | ratio | argmap's own time | peak memory"
        " | Argdown 1.7.5 (reported) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        END,
    ])
    publish(block, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
