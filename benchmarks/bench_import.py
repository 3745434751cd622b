"""Benchmark `argmap import`: one AIF file of 10,000 nodes, and a corpus folder of 1,000 nodesets with -j 1 and -j 2.

    python benchmarks/bench_import.py [--nodes 10000] [--files 1000] [--repeat 3] [--write docs/performance.md]

The AIF files are generated in AIFdb's shape (I-nodes with locutions and YA anchors, RA and CA nodes, undercuts).
Each measurement is a fresh process, best of --repeat runs. Figures go into docs/performance.md between markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_check import measure_cpu, publish  # noqa: E402

START, END = "<!-- bench_import:start -->", "<!-- bench_import:end -->"
WORDS = ["capital", "market", "model", "fund", "investor", "start-up", "chip", "energy", "risk", "policy", "growth"]


def aif(nodes: int, seed: int = 0) -> dict:
    """An AIFdb-like nodeset of about ``nodes`` nodes: each proposition with its locution and anchor, and one
    inference or conflict towards an earlier proposition (a few of them undercuts)."""
    rng = random.Random(seed)
    out_nodes, edges, locutions = [], [], []
    propositions, schemes = [], []
    number = 0

    def node(kind: str, text: str) -> str:
        nonlocal number
        number += 1
        out_nodes.append({"nodeID": str(number), "text": text, "type": kind, "timestamp": "2024-01-01 10:00:00"})
        return str(number)

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    while number < nodes:
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        i = node("I", f"Proposition {number}: {words}.")
        locution = node("L", f"Speaker: {words}")
        anchor = node("YA", "Asserting")
        edge(locution, anchor)
        edge(anchor, i)
        locutions.append({"nodeID": locution, "personID": "1", "timestamp": "2024-01-01 10:00:00"})
        if propositions:
            kind = "RA" if rng.random() < 0.7 else "CA"
            scheme = node(kind, "Default Inference" if kind == "RA" else "Default Conflict")
            edge(i, scheme)
            undercut = schemes and kind == "CA" and rng.random() < 0.1
            target = rng.choice(schemes) if undercut else rng.choice(propositions)
            edge(scheme, target)
            schemes.append(scheme)
        propositions.append(i)
    return {"nodes": out_nodes, "edges": edges, "locutions": locutions}


def fresh(output: Path, command: list[str]) -> list[str]:
    """``command -o output`` with ``output`` removed first, so that each run writes a new folder, as a first import
    does (the remove is a process of its own, before the one measured: the shell execs argmap)."""
    return ["sh", "-c", f'rm -rf "{output}" && exec "$0" "$@"', *command, "-o", str(output)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, help="update this Markdown file between the markers")
    args = parser.parse_args(argv)
    argmap = [sys.executable, "-m", "argmap", "import"]
    load = os.getloadavg()[0]  # other work on the machine takes cores from -j: the figures say how busy it was
    os.environ["PYTHONPATH"] = str(ROOT)  # this checkout's argmap, whatever is installed
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        big = work / "big.json"
        big.write_text(json.dumps(aif(args.nodes)), encoding="utf-8")
        one, one_cpu, one_mem, status = measure_cpu(fresh(work / "big", [*argmap, str(big)]), args.repeat, work)
        corpus = work / "corpus"
        corpus.mkdir()
        for n in range(args.files):
            (corpus / f"nodeset{n}.json").write_text(json.dumps(aif(60, seed=n)), encoding="utf-8")
        corpus_runs = {}
        for jobs in (1, 2):
            command = fresh(work / f"out{jobs}", [*argmap, str(corpus), "-j", str(jobs)])
            corpus_runs[jobs] = measure_cpu(command, args.repeat, work)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    block = "\n".join([
        START,
        f"Measured by `python benchmarks/bench_import.py` ({machine}); fresh processes, best of {args.repeat}; load"
        f" average {load:.1f} before the first run, {os.getloadavg()[0]:.1f} after the last."
        " Each import includes checking the map it writes and making it durable on disk.",
        "",
        "| input | `argmap import` (wall) | processor time | peak memory | exit |",
        "|---|---:|---:|---:|---:|",
        f"| one AIF file of {args.nodes:,} nodes | {one:.2f} s | {one_cpu:.2f} s | {one_mem:.0f} MiB | {status} |",
        *(f"| {args.files:,} nodesets of 60 nodes, `-j {jobs}` | {wall:.2f} s | {cpu:.2f} s | {mem:.0f} MiB | {code} |"
          for jobs, (wall, cpu, mem, code) in corpus_runs.items()),
        END,
    ])
    publish(block, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
