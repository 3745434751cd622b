"""Benchmark the HTML page in a real browser: how long until a reader sees a readable first view, and how
long a click takes to bring up a statement's panel, beside Chromium opening the plain SVG of the same map.

    python benchmarks/bench_page.py [--sizes 50 1000 10000] [--repeat 3] [--write docs/performance.md]

Each map (synthetic, benchmarks/generate.py) is drawn once by `argmap render`, to the page (.html) and to
the plain SVG (.svg) of the same drawing. Chromium (the system's, driven by Playwright, one fresh tab per
measure) opens each from disk at 1440x900:

- plain SVG: from navigation to a screenshot of the first frame after the load event (a screenshot waits
  for the frame to be rasterised: what a reader sees, not only what the page has laid out);
- the page: from navigation to a screenshot of the first frame after the page has laid out its opening view
  (its own mark, ``data-shown-at``); the statements' text size on screen is read there (at least 11 px);
- panel: from the press on a node to the frame painted with its panel, by the page's own clock.

The ratio is the page's first view over the plain SVG's (the target: at most 1.2). A drawing of 2,500 nodes and
edges or more comes to the page in pieces (argmap.diagram.pieces), of which the page puts in its document only
those near the view: the table says how many of the drawing's elements the first view holds. `dot -Tsvg` is the
layout of one language alone, in a fresh dot process, for scale (the page holds two, laid out side by side).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_check import publish  # noqa: E402
from generate import write_map  # noqa: E402

START, END = "<!-- bench_page:start -->", "<!-- bench_page:end -->"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
TEXT = """() => {
    // The font size a reader meets: a text's size in the drawing times the drawing's scale on screen.
    const svg = document.querySelector('#canvas svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const port = document.getElementById('viewport').getBoundingClientRect();
    const seen = [...document.querySelectorAll('#canvas g.node[role=button] text')].slice(0, 2000).filter(t => {
        const b = t.getBoundingClientRect();
        return b.bottom > port.top && b.top < port.bottom && b.right > port.left && b.left < port.right; });
    return seen.length ? Math.min(...seen.map(t => parseFloat(t.getAttribute('font-size')) * scale)) : 0;
}"""
PANEL = """() => new Promise(done => {
    // From the press on a node to the frame that shows its panel, by the page's own clock.
    const panel = document.getElementById('panel');
    let pressed = 0;
    document.addEventListener('pointerdown', () => { pressed = performance.now(); }, {capture: true, once: true});
    new MutationObserver((_, observer) => {
        if (panel.hidden || !pressed) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - pressed)));
    }).observe(panel, {attributes: true, childList: true});
    window.__panelShown = null;
})"""


def draw(work: Path, n: int) -> tuple[Path, Path, float]:
    """The page and the plain SVG of a synthetic map of ``n`` statements, and the seconds dot takes to lay out
    one language of it."""
    folder = work / f"map-{n}"
    folder.mkdir()
    path = write_map(folder / "map.yaml", n)
    argmap = [sys.executable, "-m", "argmap", "render", str(path), "--timeout", "3600"]
    for suffix in (".html", ".svg", ".dot"):
        subprocess.run([*argmap, "-o", str(folder / f"map{suffix}")], check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(["dot", "-Tsvg", "-o", os.devnull, str(folder / "map.dot")], check=True)
    return folder / "map.html", folder / "map.svg", time.perf_counter() - started


def plain(browser: Any, svg: Path) -> float:
    page = browser.new_page()
    started = time.perf_counter()
    page.goto(svg.as_uri(), wait_until="load", timeout=3_600_000)
    page.evaluate(PAINTED)
    page.screenshot(timeout=3_600_000)
    took = time.perf_counter() - started
    page.close()
    return took


def opened(browser: Any, html: Path) -> tuple[float, float, float, int]:
    """(seconds to the first view painted, its smallest statement text in px, seconds from a click to the panel,
    the drawing's elements the document holds)."""
    page = browser.new_page()
    page.set_default_timeout(3_600_000)
    started = time.perf_counter()
    page.goto(html.as_uri(), wait_until="commit", timeout=3_600_000)
    page.wait_for_function("() => document.body && document.body.dataset.shownAt !== undefined", polling=50)
    page.evaluate(PAINTED)
    page.screenshot(timeout=3_600_000)
    first = time.perf_counter() - started
    text = page.evaluate(TEXT)
    held = page.evaluate("document.querySelectorAll('#canvas g.node, #canvas g.edge').length")
    node = page.evaluate("""() => { const port = document.getElementById('viewport').getBoundingClientRect();
        const g = [...document.querySelectorAll('#canvas g.node[role=button]')].find(g => {
            const b = g.getBoundingClientRect(); return b.left > port.left && b.right < port.right
                && b.top > port.top && b.bottom < port.bottom; });
        const b = g.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; }""")
    page.evaluate("() => { window.__panel = (" + PANEL + ")(); }")
    page.mouse.click(*node)
    panel = page.evaluate("() => window.__panel") / 1000
    page.close()
    return first, text, panel, held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, help="put the table in this Markdown file (docs/performance.md)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        for n in args.sizes:
            html, svg, dot = draw(Path(tmp), n)
            drawn = svg.read_text(encoding="utf-8")
            elements = drawn.count(' class="node"') + drawn.count(' class="edge"')
            svgs = [plain(context, svg) for _ in range(args.repeat)]
            pages = [opened(context, html) for _ in range(args.repeat)]
            first = statistics.median(p[0] for p in pages)
            svg_time = statistics.median(svgs)
            rows.append(f"| {n:,} | {dot:.1f} s | {html.stat().st_size / 1e6:.1f} MB | {svg_time:.2f} s | {first:.2f} s"
                        f" | {first / svg_time:.2f} | {min(p[1] for p in pages):.1f} px"
                        f" | {statistics.median(p[2] for p in pages) * 1000:.0f} ms"
                        f" | {max(p[3] for p in pages):,} of {elements:,} |")
            print(rows[-1], flush=True)
        browser.close()
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    block = "\n".join([
        START,
        f"Chromium ({version}) at 1440x900, headless, on {platform.machine()} with {platform.python_version()};"
        f" median of {args.repeat}; load average {', '.join(f'{v:.1f}' for v in os.getloadavg())} at the end.",
        "",
        "| statements | `dot -Tsvg` | page | plain SVG, first view | page, readable first view | ratio"
        " | smallest text in view | click to panel | nodes and edges in the document |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        END])
    publish(block, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
