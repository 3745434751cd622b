"""Benchmark `argmap serve`: from the moment a file of the map is saved to the moment the open page shows
the new diagram, measured in a real browser (Chromium driven by Playwright), beside `dot -Tsvg` alone.

    python benchmarks/bench_serve.py [--sizes 1000] [--repeat 5] [--write docs/performance.md]

The server is a real `argmap serve` process. Each save changes one statement's text, in two ways: a few
words that keep its box's size (the server sends a patch of the texts) and many more words (a larger box:
drawn in full by dot and parsed again by the page). The page's own clock says when the new drawing was
laid out; `dot -Tsvg` runs on the DOT of the same drawing in a fresh process. Rows: the bundled essay,
then synthetic maps of --sizes statements.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_check import publish  # noqa: E402
from bench_render import dot_version  # noqa: E402
from generate import write_map  # noqa: E402

START, END = "<!-- bench_serve:start -->", "<!-- bench_serve:end -->"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def dot_alone(source: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(["dot", "-Tsvg", str(source), "-o", os.devnull], check=True)
        best = min(best, time.perf_counter() - started)
    return best


def essay(work: Path) -> tuple[Path, Path, str]:
    """A copy of the essay (its source texts found where the repository's configuration finds them): its
    root, the file edited (an include) and the words changed."""
    folder = work / "essay"
    shutil.copytree(ROOT / "models" / "capital-feast", folder)
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        (work / ".argmap.yaml").write_text(f"source-dirs: [{seeds}]\n", encoding="utf-8")
    path = folder / "points.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r'^(\s+en: ")(.*?)"', text, re.M)
    assert first is not None
    return folder / "map.yaml", path, first.group(2)


def synthetic(work: Path, n: int) -> tuple[Path, Path, str]:
    path = write_map(work / f"map-{n}.yaml", n)
    first = re.search(r'text: \{en: "([^"]+)"', path.read_text(encoding="utf-8"))
    assert first is not None
    return path, path, first.group(1)


LONGER = " and a great many more words, which need a larger box" * 3


def measure(page: Any, edited: Path, text: str, words: str, repeat: int, redrawn: list[float],
            resize: bool = False) -> tuple[list[float], list[float]]:
    """Save-to-screen times (s): from just before the file is written to when the page has laid out the
    new drawing, by the page's own clock (the same system clock); and the server's own times (checking,
    then patching or drawing the first language), as it reports them in ``redrawn``. ``resize``: each save
    makes the box larger or smaller again, so that it is drawn in full."""
    totals = []
    before = len(redrawn)
    version = int(page.evaluate("() => document.body.dataset.version"))
    for run in range(repeat):
        changed = text.replace(words, f"{words}{LONGER if run % 2 == 0 else ''} {run}" if resize else f"{words} {run}", 1)
        assert changed != text
        time.sleep(0.3)  # let the watcher settle
        saved = time.time()
        edited.write_text(changed, encoding="utf-8")
        version += 1
        page.wait_for_function(f"() => Number(document.body.dataset.version) >= {version}", timeout=120_000)
        totals.append(int(page.evaluate("() => document.body.dataset.shownAt")) / 1000 - saved)
    deadline = time.monotonic() + 10
    while len(redrawn) < before + repeat and time.monotonic() < deadline:
        time.sleep(0.05)
    return totals, redrawn[before:before + repeat]


def collect(stream: Any, redrawn: list[float]) -> None:
    """The server's own times, from its `redrawn in X s` lines."""
    for line in stream:
        found = re.search(r"redrawn in ([0-9.]+) s", line)
        if found:
            redrawn.append(float(found.group(1)))


def push_time(work: Path, size: int, repeat: int) -> float:
    """Best time (s) for the standard library's server to push an update of ``size`` bytes to a connected
    page (the update channel alone: publish to fully received)."""
    import http.client

    sys.path.insert(0, str(ROOT))
    from argmap.serve.live import Channel, Options, Preview
    from argmap.serve.server import PreviewServer

    preview = Preview(str(work / "none.yaml"), Options(), Channel())
    server = PreviewServer(preview, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.port)
    connection.request("GET", "/events", headers={"Host": f"127.0.0.1:{server.port}"})
    response = connection.getresponse()  # kept: its stream closes with it
    stream = response.fp
    best = float("inf")
    for run in range(repeat):
        started = time.perf_counter()
        preview.channel.publish("svg", {"version": run, "lang": "en", "svg": "x" * size})
        while not stream.readline().startswith(b"data: "):
            pass
        best = min(best, time.perf_counter() - started)
    connection.close()
    server.shutdown()
    server.server_close()
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        work = Path(folder)
        browser = playwright.chromium.launch_persistent_context(
            str(work / "profile"), executable_path=CHROMIUM, headless=True, args=ARGS,
            viewport={"width": 1400, "height": 900})
        cases = [("the essay (57 statements, 3 languages)", *essay(work))]
        cases += [(f"synthetic, {n:,} statements (2 languages)", *synthetic(work, n)) for n in args.sizes]
        for name, root, edited, words in cases:
            text = edited.read_text(encoding="utf-8")
            subprocess.run([sys.executable, "-m", "argmap", "render", str(root), "-o", str(work / "first.dot")],
                           cwd=work, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            dot = dot_alone(work / "first.dot", args.repeat)
            server = subprocess.Popen([sys.executable, "-m", "argmap", "serve", str(root), "--port", "0",
                                       "--no-browser"], cwd=work, stdout=subprocess.PIPE, text=True,
                                      env={**os.environ, "PYTHONPATH": str(ROOT)})
            try:
                assert server.stdout is not None
                url = ""
                while not url:
                    line = server.stdout.readline()
                    found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
                    url = found.group(1) if found else ""
                redrawn: list[float] = []
                threading.Thread(target=collect, args=(server.stdout, redrawn), daemon=True).start()
                page = browser.new_page()
                page.goto(url)
                page.wait_for_function("() => Number(document.body.dataset.version) >= 1", timeout=120_000)
                measured = [("a few words (patched)", *measure(page, edited, text, words, args.repeat, redrawn)),
                            ("a larger box (drawn in full)",
                             *measure(page, edited, text, words, args.repeat, redrawn, resize=True))]
                page.close()
            finally:
                server.terminate()
                server.wait()
                edited.write_text(text, encoding="utf-8")
            for save, totals, own_times in measured:
                best, median = min(totals), statistics.median(totals)
                own = statistics.median(own_times) if own_times else float("nan")
                rows.append(f"| {name} | {save} | {dot:.2f} s | {own:.2f} s | {best:.2f} s | {median:.2f} s"
                            f" | {median - dot:+.2f} s | {median / dot:.2f}× |")
        browser.close()
        push = push_time(work, 2 * 2**20, args.repeat)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, load average {load} at the end, Python"
               f" {platform.python_version()}, Graphviz {dot_version()}")
    block = "\n".join([
        START,
        f"Measured by `python benchmarks/bench_serve.py` ({machine}, Chromium headless); {args.repeat} saves each.",
        "",
        "| map | the save changes | `dot -Tsvg` alone | server: check, then patch or draw (median)"
        " | save → page shows it (best) | (median) | median − dot | median ÷ dot |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"- Pushing a 2 MiB update (the size of the 1,000-statement drawing) through the update channel"
        f" (`http.server`, server-sent events): {push * 1000:.0f} ms.",
        END,
    ])
    publish(block, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
