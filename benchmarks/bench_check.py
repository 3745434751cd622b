"""Benchmark `argmap check` against merely parsing the same file with PyYAML's C loader.

    python benchmarks/bench_check.py [--sizes 1000 10000 100000] [--repeat 3] [--write docs/performance.md]
    python benchmarks/bench_check.py --dense

Each measurement is a fresh process (as a user or CI runs it), best of --repeat runs; peak memory
is the child's maximum resident set size. Figures go into docs/performance.md between markers.
With --dense, the costliest maps known per YAML node (generate.py's DENSE shapes) at the node limit
of a map, and just over it, instead: what a hostile map can cost (one run each; processor time
too, as wall time on a busy machine says little).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import DENSE, dense, write_map  # noqa: E402

START, END = "<!-- bench_check:start -->", "<!-- bench_check:end -->"
PYYAML = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"


def measure(command: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float, int]:
    """Best wall time (s), peak RSS of the slowest-memory run (MiB), and the exit status."""
    best, _, peak, status = measure_cpu(command, repeat, cwd)
    return best, peak, status


def measure_cpu(command: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float, float, int]:
    """Best wall time (s), least processor time (user and system, s), peak RSS (MiB), exit status."""
    best, cpu, peak, status = float("inf"), float("inf"), 0.0, 0
    for _ in range(repeat):
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        best = min(best, time.perf_counter() - started)
        cpu = min(cpu, usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, cpu, peak, os.waitstatus_to_exitcode(status)


def dense_table(argmap: list[str]) -> str:
    """`argmap check` on each DENSE shape at the node limit and 5% over it."""
    from argmap.source import Limits

    limit = Limits().max_nodes
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for shape, what in DENSE.items():
            for nodes in (limit, limit * 21 // 20):
                path = Path(folder) / f"{shape}-{nodes}.yaml"
                path.write_text(dense(nodes, shape), encoding="utf-8")
                wall, cpu, peak, status = measure_cpu([*argmap, "check", "--no-config", "-f", "parsable", str(path)], 1)
                rows.append(f"| {what} | {nodes:,} | {path.stat().st_size / 2**20:.1f} MiB | {wall:.1f} s | {cpu:.1f} s "
                            f"| {peak:,.0f} MiB | {status} |")
                path.unlink()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    return "\n".join([
        f"Measured by `python benchmarks/bench_check.py --dense` ({machine}); one fresh process each.",
        "Exit status 1 is a map with findings (over the limit: the one `unsafe-yaml` error).", "",
        "| map | YAML nodes | file | wall | processor | peak memory | exit |", "|---|---:|---:|---:|---:|---:|---:|",
        *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, help="update this Markdown file between the markers")
    parser.add_argument("--dense", action="store_true", help="the costliest maps at the node limit instead")
    args = parser.parse_args(argv)
    argmap = [sys.executable, "-m", "argmap"]
    if args.dense:
        print(dense_table(argmap))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for n in args.sizes:
            path = write_map(work / f"map-{n}.yaml", n)
            size = path.stat().st_size / 2**20
            repeat = args.repeat if n <= 10000 else 1
            parse, _parse_mem, _ = measure([sys.executable, "-c", PYYAML, str(path)], repeat)
            check, check_mem, status = measure([*argmap, "check", "--no-config", "-f", "parsable", str(path)], repeat, work)
            rows.append(f"| {n:,} | {size:.1f} MiB | {parse:.2f} s | {check:.2f} s | {check / parse:.2f}× "
                        f"| {check_mem:.0f} MiB | {status} |")
        version, _, _ = measure([*argmap, "--version"], 10)
        essay, _, _ = measure([*argmap, "check", "models/"], 10, ROOT)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        START,
        f"Measured by `python benchmarks/bench_check.py` ({machine}); best of {args.repeat} fresh processes"
        " (one for 100,000). Exit status 0 is a clean map, 1 one with findings.",
        "",
        "| statements | file | PyYAML C `yaml.load` | `argmap check` | ratio | argmap peak memory | exit |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"- `argmap --version`: {version * 1000:.0f} ms",
        f"- `argmap check models/` (the essay, quotes verified): {essay * 1000:.0f} ms",
        END,
    ]
    block = "\n".join(lines)
    publish(block, args.write)
    return 0


def publish(block: str, write: Path | None) -> None:
    """Print a benchmark's table block, and put it in the Markdown file ``write`` names (if any)."""
    print(block)
    if write:
        update_markdown(write, block)


def update_markdown(path: Path, block: str) -> None:
    """Replace the block between ``block``'s own first and last lines (its markers) in ``path``."""
    start, end = block.splitlines()[0], block.splitlines()[-1]
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if start in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text += "\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
