"""Benchmark the canonical layout: `argmap.dump` of a loaded map, and `argmap fmt` of a map file (its formatter's
`format_text`, and `argmap fmt --check` as a fresh process) on generate.py's synthetic maps.

    python benchmarks/bench_fmt.py [--sizes 1000 10000] [--repeat 3] [--write docs/performance.md]

In-process figures are the best of --repeat calls in one process; `argmap fmt --check` is the best of --repeat fresh
processes, on the generated file (which fmt would change: exit 1) and on the file `argmap.dump` writes (already
formatted: exit 0). Figures go into docs/performance.md between markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))  # this checkout's argmap, whatever is installed
from bench_check import measure, publish  # noqa: E402
from generate import write_map  # noqa: E402

START, END = "<!-- bench_fmt:start -->", "<!-- bench_fmt:end -->"


def best(call: Callable[[], object], repeat: int) -> float:
    fastest = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, help="update this Markdown file between the markers")
    args = parser.parse_args(argv)
    import argmap
    from argmap.fmt import format_text

    os.environ["PYTHONPATH"] = str(ROOT)
    fmt = [sys.executable, "-m", "argmap", "fmt", "--check"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for n in args.sizes:
            path = write_map(work / f"map-{n}.yaml", n)
            text = path.read_text(encoding="utf-8")
            amap = argmap.load(path)
            dumped = work / f"dumped-{n}.yaml"
            dumped.write_text(argmap.dump(amap), encoding="utf-8")
            dump_time = best(lambda amap=amap: argmap.dump(amap), args.repeat)
            format_time = best(lambda text=text: format_text(text), args.repeat)
            check, _, status = measure([*fmt, str(path)], args.repeat, work)
            check_dumped, peak, status_dumped = measure([*fmt, str(dumped)], args.repeat, work)
            rows.append(f"| {n:,} | {path.stat().st_size / 2**20:.1f} MiB | {dump_time:.2f} s | {format_time:.2f} s "
                        f"| {check:.2f} s ({status}) | {check_dumped:.2f} s ({status_dumped}) | {peak:.0f} MiB |")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    block = "\n".join([
        START,
        f"Measured by `python benchmarks/bench_fmt.py` ({machine}); in-process calls best of {args.repeat}, commands"
        f" best of {args.repeat} fresh processes (exit status in brackets: 1 the file would change, 0 it is formatted).",
        "",
        "| statements | file | `argmap.dump` | `format_text` | `argmap fmt --check` | on `dump`'s file | peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        END,
    ])
    publish(block, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
