"""Benchmark `argmap check` against merely parsing the same file with PyYAML's C loader.

    python benchmarks/bench_check.py [--sizes 1000 10000 100000] [--repeat 3] [--write docs/performance.md]

Each measurement is a fresh process (as a user or CI runs it), best of --repeat runs; peak memory
is the child's maximum resident set size. Figures go into docs/performance.md between markers.
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
from generate import write_map  # noqa: E402

START, END = "<!-- bench_check:start -->", "<!-- bench_check:end -->"
PYYAML = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"


def measure(command: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float, int]:
    """Best wall time (s), peak RSS of the slowest-memory run (MiB), and the exit status."""
    best, peak, status = float("inf"), 0.0, 0
    for _ in range(repeat):
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        best = min(best, time.perf_counter() - started)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak, os.waitstatus_to_exitcode(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, help="update this Markdown file between the markers")
    args = parser.parse_args(argv)
    argmap = [sys.executable, "-m", "argmap"]
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
    print(block)
    if args.write:
        update_markdown(args.write, block)
    return 0


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
