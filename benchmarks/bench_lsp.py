"""Benchmark `argmap lsp`: how soon after a change the findings are published, beside a fresh `argmap check`.

    python benchmarks/bench_lsp.py [--changes 50] [--edits 10000] [--write docs/performance.md]

A real server process and a real client session (pygls's client, over stdio). For each map, the file is
opened, then changed --changes times (a statement's text edited, as when typing); each time the clock
runs from sending the change to receiving the findings of that version, with the server's default
debounce. Beside it, a fresh `argmap check` process on the same files (best of 3). Then --edits changes
in a row, each waited for, and the server's resident memory before and after: it must stay bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_check import measure, publish  # noqa: E402
from generate import write_map  # noqa: E402

START, END = "<!-- bench_lsp:start -->", "<!-- bench_lsp:end -->"


class Session:
    """A client connected to `python -m argmap lsp`, which remembers when each publication arrived."""

    def __init__(self) -> None:
        self.client = LanguageClient("bench", "1")
        self.arrived: dict[tuple[str, int | None], float] = {}
        self.event = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.arrived[(params.uri, params.version)] = time.perf_counter()
            self.event.set()

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

    async def start(self, folder: Path) -> None:
        await self.client.start_io(sys.executable, "-m", "argmap", "lsp", cwd=str(folder))
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=folder.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="bench")]))
        self.client.initialized(types.InitializedParams())

    async def published(self, uri: str, version: int) -> float:
        while (uri, version) not in self.arrived:
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), 120)
        return self.arrived[(uri, version)]

    def open(self, uri: str, text: str) -> None:
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))

    def change(self, uri: str, version: int, text: str) -> float:
        sent = time.perf_counter()
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        return sent

    def pid(self) -> int:
        server = getattr(self.client, "_server", None)
        return int(server.pid) if server is not None else 0

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def rss(pid: int) -> float:
    """A process's resident memory (MiB), from /proc (0 where there is none)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def variants(text: str, needle: str, count: int) -> list[str]:
    """``count`` versions of ``text``, each with a different word typed into the statement text ``needle``."""
    return [text.replace(needle, f"{needle} v{i}", 1) for i in range(count)]


async def latency(folder: Path, path: Path, needle: str, changes: int, edits: int) -> tuple[list[float], float, float]:
    """Milliseconds from each change to its findings; the server's memory after warming up and after ``edits``."""
    session = Session()
    await session.start(folder)
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    session.open(uri, text)
    await session.published(uri, 1)
    times = []
    version = 1
    for changed in variants(text, needle, changes):
        version += 1
        sent = session.change(uri, version, changed)
        times.append((await session.published(uri, version) - sent) * 1000)
    before = rss(session.pid())
    for changed in variants(text, needle, edits):
        version += 1
        session.change(uri, version, changed)
        await session.published(uri, version)
    after = rss(session.pid())
    await session.stop()
    return times, before, after


def row(what: str, times: list[float], check: float, before: float, after: float, edits: int) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    memory = f"{before:.0f} → {after:.0f} MiB" if edits else "–"
    return (f"| {what} | {statistics.median(times):.0f} ms | {p95:.0f} ms | {check * 1000:.0f} ms | {memory} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--edits", type=int, default=10000, help="changes in a row for the memory figure")
    parser.add_argument("--write", type=Path, help="update this Markdown file between the markers")
    args = parser.parse_args(argv)
    argmap = [sys.executable, "-m", "argmap"]
    essay = ROOT / "models" / "capital-feast" / "points.yaml"
    needle = "hype is confined"
    times, before, after = asyncio.run(latency(ROOT, essay, needle, args.changes, args.edits))
    check, _, _ = measure([*argmap, "check", "models/"], 3, ROOT)
    rows = [row("the essay (5 files, quotes verified)", times, check, before, after, args.edits)]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        path = write_map(work / "map.yaml", 1000)
        needle = "Statement 0:"
        times, before, after = asyncio.run(latency(work, path, needle, args.changes, 0))
        check, _, _ = measure([*argmap, "check", "--no-config", str(path)], 3, work)
        rows.append(row("1,000 statements (one file)", times, check, before, after, 0))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    block = "\n".join([
        START,
        f"Measured by `python benchmarks/bench_lsp.py` ({machine}): a real server process and client session;"
        f" {args.changes} changes to a statement's text, each timed from sending it to receiving its findings"
        " (the server's default debounce of 30 ms included), beside a fresh `argmap check` process on the same"
        f" files (best of 3). Memory: the server's resident set after warming up and after {args.edits:,} more"
        " changes.",
        "",
        "| map | findings after a change (median) | 95th percentile | fresh `argmap check` | server memory |",
        "|---|---:|---:|---:|---:|",
        *rows,
        END,
    ])
    publish(block, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
