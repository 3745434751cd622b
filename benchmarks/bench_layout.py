"""Benchmark what a reader meets in `argmap render`'s drawings of real maps: shape, text size at fit, and
how much of the drawing's order survives one edit (an added statement, a removed one, a new relation).

    python benchmarks/bench_layout.py [--write docs/performance.md] [--argdown]

The maps: each file of tests/formats/corpus imported with `argmap import`, and the essay's map. For each,
the drawing with render's defaults; its width ÷ height; the body text's height in pixels when the whole
drawing is fitted into 1600×900; then, for each edit kind, a few edits spread through the map, each
drawn again over the first drawing (as `argmap render -o` draws over the file it replaces): the share of node
pairs on one rank in both drawings that keep their order along it. An added piece of evidence goes under a
statement with reasons; a removed statement is one nothing argues for and no inference needs (or, where every
such statement is a premise, one whose inferences keep another premise); a new relation is a support from a
statement nothing argues for.
``--argdown`` adds Argdown's own `argdown map` drawing of each Argdown file (shape and text at fit).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import publish
from layout_measure import direction, order_kept, ranks, shape

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "formats" / "corpus"
ESSAY = ROOT / "models" / "capital-feast" / "map.yaml"
START, END = "<!-- bench_layout:start -->", "<!-- bench_layout:end -->"
TRIALS = 4
"""Edits of each kind per map, spread through its statements."""


def maps(work: Path) -> list[tuple[str, Path]]:
    """(name, map file) of each corpus file imported, then the essay's map."""
    found = []
    for path in sorted(p for p in CORPUS.glob("*/*") if p.suffix != ".md"):
        out = work / "imported" / f"{path.parent.name}-{path.stem}"
        subprocess.run([sys.executable, "-m", "argmap", "import", str(path), "-o", str(out)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found.append((f"{path.parent.name}/{path.name}", next(out.glob("*.yaml")) if out.is_dir() else out))
    found.append(("the essay (models/capital-feast)", ESSAY))
    return found


def drawn(path: Path, previous: str | None = None) -> tuple[str, str]:
    """The SVG and the DOT source of `argmap render`'s drawing of the map at ``path``, with its defaults;
    ``previous``: the SVG it is drawn over (`argmap render -o` keeps the layout of the file it replaces)."""
    import argmap

    amap = argmap.load(path)
    before = previous.encode("utf-8") if previous is not None else None
    source = argmap.render(amap, "dot", previous=before).decode("utf-8")
    svg = argmap.render(amap, "svg", previous=before).decode("utf-8")
    return svg, source


def flat(path: Path) -> dict[str, Any]:
    """The map at ``path`` as one YAML document (its includes inlined), as a dict to edit."""
    import argmap

    document: dict[str, Any] = yaml.safe_load(argmap.dump(argmap.load(path)))
    return document


def _listed(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or ())


def leaves(document: dict[str, Any]) -> list[str]:
    """The statements nothing supports or attacks, in file order."""
    pointed = set()
    for statement in document.get("statements", {}).values():
        pointed |= set(_listed(statement.get("supports"))) | set(_listed(statement.get("attacks")))
    pointed |= set(concluded(document))
    return [sid for sid in document.get("statements", {}) if sid not in pointed]


def concluded(document: dict[str, Any]) -> list[str]:
    """What the map's inferences support or attack (a statement, or an inference they undercut)."""
    return [target for argument in (document.get("arguments") or {}).values()
            for target in (argument.get("supports"), argument.get("attacks")) if isinstance(target, str)]


def removable(document: dict[str, Any]) -> list[str]:
    """The statements nothing argues for and no inference has as a premise; where every such statement is one
    (a map of reconstructed arguments), those whose every inference keeps another premise without them."""
    arguments = list((document.get("arguments") or {}).values())
    used = {p for a in arguments for p in _listed(a.get("premises"))}
    free = [s for s in leaves(document) if s not in used]
    return free or [s for s in leaves(document)
                    if all(len(_listed(a.get("premises"))) > 1 for a in arguments if s in _listed(a.get("premises")))]


def spread(items: list[str], count: int) -> list[str]:
    """``count`` items spread evenly through ``items``."""
    if len(items) <= count:
        return items
    return [items[round(i * (len(items) - 1) / (count - 1))] for i in range(count)]


def edits(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Edited copies of ``document``, by edit kind."""
    statements = list(document.get("statements", {}))
    lang = (document.get("languages") or ["en"])[0]
    argued = {sid for sid, s in document["statements"].items() if s.get("supports") or s.get("attacks")}
    argued |= set(concluded(document))
    out: dict[str, list[dict[str, Any]]] = {"added": [], "removed": [], "related": []}
    for target in spread([s for s in statements if s in argued] or statements, TRIALS):
        copy = yaml.safe_load(yaml.safe_dump(document, sort_keys=False))
        copy["statements"]["bench-added"] = {"role": "evidence", "text": {lang: "A new piece of evidence"},
                                             "supports": target}
        out["added"].append(copy)
    for leaf in spread(removable(document), TRIALS):
        copy = yaml.safe_load(yaml.safe_dump(document, sort_keys=False))
        del copy["statements"][leaf]
        for argument in (copy.get("arguments") or {}).values():
            if leaf in _listed(argument.get("premises")):
                argument["premises"] = [p for p in _listed(argument["premises"]) if p != leaf]
        out["removed"].append(copy)
    free = leaves(document)
    for index, leaf in enumerate(spread(free, TRIALS)):
        targets = [s for s in statements if s != leaf and s not in _listed(document["statements"][leaf].get("supports"))
                   and s not in _listed(document["statements"][leaf].get("attacks"))]
        if not targets:
            continue
        target = targets[(index * 7 + len(targets) // 2) % len(targets)]
        copy = yaml.safe_load(yaml.safe_dump(document, sort_keys=False))
        copy["statements"][leaf]["supports"] = [*_listed(copy["statements"][leaf].get("supports")), target]
        out["related"].append(copy)
    return out


def kept(path: Path, work: Path) -> dict[str, tuple[float, float, int]]:
    """By edit kind: the least and the mean share of same-rank pairs one edit keeps in order, and the edits made."""
    svg, source = drawn(path)
    before = ranks(svg, direction(source))
    result = {}
    for kind, copies in edits(flat(path)).items():
        shares = []
        for index, copy in enumerate(copies):
            edited = work / f"{kind}-{index}.yaml"
            edited.write_text(yaml.safe_dump(copy, allow_unicode=True, sort_keys=False), encoding="utf-8")
            try:
                after_svg, after_source = drawn(edited, svg)
            except Exception:  # an edit the map refuses (say, a relation that makes a cycle) is not counted
                continue
            same, pairs = order_kept(before, ranks(after_svg, direction(after_source)))
            if pairs:
                shares.append(same / pairs)
        result[kind] = (min(shares, default=1.0), sum(shares) / len(shares) if shares else 1.0, len(shares))
    return result


def argdown_shape(path: Path, work: Path) -> str:
    """Width ÷ height and text px at fit of Argdown's own drawing of ``path`` (`argdown map`)."""
    cli = ROOT / ".venv" / "argdown" / "node_modules" / ".bin" / "argdown"
    if not cli.exists() or shutil.which("node") is None:
        return "–"
    out = work / "argdown"
    subprocess.run([str(cli), "map", "-f", "svg", str(path), str(out)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, cwd=work)
    drawing = shape((out / f"{path.stem}.svg").read_text(encoding="utf-8"), None)
    return f"{drawing.aspect:.2f} / {drawing.text_px:.1f} px"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path)
    parser.add_argument("--argdown", action="store_true", help="draw the Argdown files with Argdown's CLI too")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for name, path in maps(work):
            svg, source = drawn(path)
            drawing = shape(svg)
            statements = len(flat(path).get("statements", {}))
            orders = kept(path, work)
            cells = " | ".join(f"{least:.0%} ({mean:.0%})" if made else "– (no such edit)"
                               for least, mean, made in orders.values())
            argdown = argdown_shape(CORPUS / name, work) if args.argdown and name.endswith(".argdown") else "–"
            described = re.search(r"// layout: (.*)", source)
            chosen = described[1] if described else direction(source)
            rows.append(f"| {name} | {statements} | {chosen} | {drawing.aspect:.2f} | "
                        f"{drawing.text_px:.1f} px | {cells} | {argdown} |")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    block = "\n".join([
        START,
        f"Measured by `python benchmarks/bench_layout.py{' --argdown' if args.argdown else ''}` ({machine}).",
        "",
        "| map | statements | layout | width ÷ height | body text at fit | order kept: added | removed"
        " | new relation | Argdown's `argdown map` |",
        "|---|---|---|---|---|---|---|---|---|",
        *rows,
        END,
    ])
    publish(block, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
