"""Benchmark the semantics on random sparse frameworks: grounded alone, then preferred and stable beside PyArg.

    python benchmarks/bench_eval.py [--sizes 10000 100000] [--density 3]
        [--hard-sizes 25 1000 10000] [--hard-density 2 3] [--timeout 120] [--dense-sizes 200 300]
        [--write docs/performance.md]

The dense rows (every statement attacks every other) time `argmap eval` and `argmap check` as
commands and give their peak memory (Linux: ru_maxrss in KiB).

The comparison needs the python-argumentation package (PyArg): `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_check import publish  # noqa: E402

from argmap.semantics.extensions import Reasoner, SolverTimeout  # noqa: E402
from argmap.semantics.framework import Framework  # noqa: E402
from argmap.semantics.grounded import UNDEC, grounded  # noqa: E402


def random_framework(n: int, density: int, seed: int = 0) -> Framework:
    """About ``density`` attacks per argument between random pairs (self-attacks included)."""
    rng = random.Random(seed)
    attacks = {(rng.randrange(n), rng.randrange(n)) for _ in range(n * density)}
    return Framework(tuple(str(i) for i in range(n)), tuple(sorted(attacks)))


def random_loopless(n: int, density: int, seed: int = 0) -> Framework:
    """Exactly ``density`` × n attacks between distinct random pairs: no self-attack, which would
    leave most frameworks without a stable extension and make stable semantics trivial."""
    rng = random.Random(seed)
    attacks: set[tuple[int, int]] = set()
    while len(attacks) < n * density:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            attacks.add((a, b))
    return Framework(tuple(str(i) for i in range(n)), tuple(sorted(attacks)))


def best_of(repeat: int, work):
    """(best seconds, last result) of ``repeat`` calls of ``work``."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def _pyarg_worker(framework: Framework, semantics: str, argument: int, pipe) -> None:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
    from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

    started = time.perf_counter()
    arguments = [Argument(name) for name in framework.names]
    af = AbstractArgumentationFramework("bench", arguments, [Defeat(arguments[a], arguments[b]) for a, b in framework.attacks])
    try:
        found = (get_preferred_extensions if semantics == "preferred" else get_stable_extensions)(af)
    except Exception as error:  # PyArg's recursive search overflows the stack on large frameworks
        pipe.send(type(error).__name__)
        return
    elapsed = time.perf_counter() - started
    pipe.send((elapsed, [sorted(int(arg.name) for arg in extension) for extension in found]))


def pyarg(framework: Framework, semantics: str, argument: int, timeout: float):
    """PyArg's time to enumerate the extensions (its way to answer DC and SE), and the extensions;
    the name of the exception it failed with; or None when it does not finish within ``timeout`` seconds."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_pyarg_worker, args=(framework, semantics, argument, send))
    process.start()
    send.close()  # so that a child that dies unannounced ends the wait
    try:
        if receive.poll(timeout):
            result = receive.recv()
            process.join()
            return result
    except EOFError:
        process.join()
        return f"exit status {process.exitcode}"
    process.kill()
    process.join()
    return None


def compare(sizes: list[int], densities: list[int], repeat: int, timeout: float) -> list[str]:
    """Rows of the preferred/stable table: argmap's DC and SE beside PyArg, answers cross-checked."""
    rows = []
    for density in densities:
        for n in sizes:
            framework = random_loopless(n, density)
            labels = grounded(framework)
            argument = labels.index(UNDEC) if UNDEC in labels else 0  # one grounded semantics leaves open
            for semantics in ("preferred", "stable"):
                try:
                    dc_time, (accepted, _) = best_of(
                        repeat, lambda: Reasoner(framework, semantics, timeout).credulous(argument))
                    se_time, extension = best_of(repeat, lambda: Reasoner(framework, semantics, timeout).one())
                except SolverTimeout:
                    rows.append(f"| {density} | {n:,} | {len(framework.attacks):,} | {labels.count(UNDEC):,} | {semantics}"
                                f" | did not finish in {timeout:g} s | | not run | — |")
                    print(rows[-1], flush=True)
                    continue
                theirs = pyarg(framework, semantics, argument, timeout)
                if theirs is None:
                    their_time, ratio = f"did not finish in {timeout:g} s", "—"
                elif isinstance(theirs, str):
                    their_time, ratio = f"failed ({theirs})", "—"
                else:
                    elapsed, extensions = theirs
                    if accepted != any(argument in e for e in extensions) or (
                            (extension is None) != (not extensions)) or (
                            extension is not None and sorted(extension) not in extensions):
                        raise SystemExit(f"argmap and PyArg disagree on n={n}, density={density}, {semantics}")
                    their_time = f"{elapsed:.3f} s"
                    ratio = f"{elapsed / max(dc_time, se_time):,.0f}×"
                answer = ("YES" if accepted else "NO")
                size = "none" if extension is None else f"{len(extension):,}"
                rows.append(f"| {density} | {n:,} | {len(framework.attacks):,} | {labels.count(UNDEC):,} | {semantics}"
                            f" | {dc_time:.3f} s ({answer}) | {se_time:.3f} s ({size}) | {their_time} | {ratio} |")
                print(rows[-1], flush=True)
    return rows


def gradual_rows(sizes: list[int], repeat: int) -> list[str]:
    """Gradual strengths and the sensitivity of the thesis on synthetic maps of ``sizes`` statements."""
    import tempfile

    from generate import write_map

    from argmap.graph import build
    from argmap.loader import load_map
    from argmap.semantics.gradual import Model
    from argmap.semantics.sensitivity import sensitivity

    rows = []
    with tempfile.TemporaryDirectory() as work:
        for n in sizes:
            amap, _ = load_map(write_map(Path(work) / f"map-{n}.yaml", n))
            graph = build(amap)
            thesis = next(sid for sid, s in amap.statements.items() if s.role == "thesis")
            dfquad, _ = best_of(repeat, lambda: Model(graph).evaluate("dfquad"))
            energy, _ = best_of(repeat, lambda: Model(graph).evaluate("quadratic-energy"))
            ranked, result = best_of(repeat, lambda: sensitivity(Model(graph), "dfquad", thesis))
            rows.append(f"| {n:,} | {dfquad:.3f} s | {energy:.3f} s | {ranked:.2f} s ({len(result.influences):,} ranked) |")
            print(rows[-1], flush=True)
    return rows


def complete_attack_map(n: int) -> str:
    """A map where each of ``n`` statements attacks every other: n (n - 1) attack inferences."""
    lines = ["argmap: 1", "statements:"]
    for i in range(n):
        others = ", ".join(f"s{j}" for j in range(n) if j != i)
        lines.append(f"  s{i}: {{role: {'thesis' if i == 0 else 'claim'}, text: Statement {i}, attacks: [{others}]}}")
    return "\n".join(lines) + "\n"


def _command(args: list[str]) -> tuple[float, int]:
    """(seconds, peak KiB) of ``python -m argmap ARGS`` in a child that measures its own child."""
    probe = ("import resource, subprocess, sys, time; started = time.perf_counter();"
             " subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
             " print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    import subprocess

    done = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "argmap", *args], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak)


def dense_rows(sizes: list[int]) -> list[str]:
    """`argmap check` and `argmap eval` (grounded, then preferred with a 60 s limit) on complete-attack maps."""
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory() as work:
        for n in sizes:
            path = Path(work) / f"complete-{n}.yaml"
            path.write_text(complete_attack_map(n), encoding="utf-8")
            size = path.stat().st_size
            cells = [_command(args) for args in (["check", str(path)], ["eval", str(path)],
                                                 ["eval", "-s", "preferred", "--timeout", "60", str(path)])]
            rows.append(f"| {n:,} | {n * (n - 1):,} | {size // 1024:,} KB | "
                        + " | ".join(f"{seconds:.1f} s, {peak // 1024:,} MiB" for seconds, peak in cells) + " |")
            print(rows[-1], flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--density", type=int, default=3, help="attacks per argument")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--hard-sizes", type=int, nargs="*", default=[25, 1000, 10000],
                        help="framework sizes for preferred and stable (none: skip the comparison)")
    parser.add_argument("--hard-density", type=int, nargs="+", default=[2, 3, 4], help="attacks per argument")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds argmap and PyArg may take per task")
    parser.add_argument("--map-sizes", type=int, nargs="*", default=[1000, 10000],
                        help="synthetic map sizes for gradual strengths and sensitivity (none: skip)")
    parser.add_argument("--dense-sizes", type=int, nargs="*", default=[200, 300],
                        help="statements of the maps where every statement attacks every other (none: skip)")
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
    publish(block, args.write)
    if args.map_sizes:
        block = "\n".join([
            "<!-- bench_eval_gradual:start -->",
            f"Measured by `python benchmarks/bench_eval.py` ({machine}); best of {args.repeat}, in one process, on the"
            " map's graph (reading and checking not included).",
            "",
            "| statements | DF-QuAD | quadratic energy | sensitivity (DF-QuAD, every statement) |",
            "|---:|---:|---:|---:|",
            *gradual_rows(args.map_sizes, args.repeat),
            "<!-- bench_eval_gradual:end -->",
        ])
        publish(block, args.write)
    if args.dense_sizes:
        block = "\n".join([
            "<!-- bench_eval_dense:start -->",
            f"Measured by `python benchmarks/bench_eval.py` ({machine}); each command once, as a process, with its peak"
            " memory (preferred semantics stopped by `--timeout 60`, exit 3, when it takes longer).",
            "",
            "| statements | attacks | map | `check` | `eval` (grounded) | `eval -s preferred` |",
            "|---:|---:|---:|---:|---:|---:|",
            *dense_rows(args.dense_sizes),
            "<!-- bench_eval_dense:end -->",
        ])
        publish(block, args.write)
    if not args.hard_sizes:
        return 0
    import py_arg  # noqa: F401  (fail early, with the install hint of the docstring)

    rows = compare(args.hard_sizes, args.hard_density, args.repeat, args.timeout)
    block = "\n".join([
        "<!-- bench_eval_hard:start -->",
        f"Measured by `python benchmarks/bench_eval.py` ({machine}); argmap best of {args.repeat}, in one process,"
        f" each call building its solver from the framework, stopped after {args.timeout:g} s; PyArg (python-argumentation"
        f" {_version('python-argumentation')}) once, in a child process stopped after {args.timeout:g} s.",
        "",
        "| attacks per argument | arguments | attacks | undecided by grounded | semantics | argmap DC (answer)"
        " | argmap SE (extension size) | PyArg | PyArg ÷ argmap |",
        "|---:|---:|---:|---:|---|---:|---:|---:|---:|",
        *rows,
        "<!-- bench_eval_hard:end -->",
    ])
    publish(block, args.write)
    return 0


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    sys.exit(main())
