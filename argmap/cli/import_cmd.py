"""`argmap import`: maps from other tools (AIF, OVA3, xAIF, Argdown, Kialo, SADFace) as map folders argmap checks."""

from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import click

from argmap.pipeline.exchange import FORMATS, names

__all__ = ["import_", "execute_import", "Outcome", "import_one"]


def _help() -> str:
    listed = "\n".join(f"  {f.name:<12} {f.summary}" for f in FORMATS.values() if f.import_map is not None)
    return ("Import a map from another tool's file into a map folder (DIR/map.yaml, with the analysed text beside"
            " it when the source has one). SOURCE may be a folder, or an AIFdb corpus folder of nodesets: each file"
            " becomes a map folder DIR/NAME/.\n\n"
            f"Formats (from the registry in argmap/formats; default: from the suffix and the content):\n\n\b\n"
            f"{listed}\n\n"
            "What argmap cannot hold of a source is listed on stderr (and in --report FILE as JSON), never dropped"
            " silently.\n\n"
            "Exit status: 0 imported, 1 an imported map has errors (it is written; `argmap check` lists them),"
            " 2 a file that cannot be read or is not well formed (named at its line:col or JSON path).")


@click.command("import", help=_help())
@click.argument("source", type=click.Path())
@click.option("-o", "--output", "output", required=True, type=click.Path(file_okay=False),
              help="The map folder to write (made when missing).")
@click.option("-f", "--format", "format_", type=click.Choice(names(importable=True)),
              help="The source's format (default: from the suffix and the content).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Files imported at once, for a folder of many files.")
@click.option("--report", type=click.Path(dir_okay=False), help="Also write what was lost, as JSON, to this file.")
@click.option("--force", is_flag=True,
              help="Replace files of an earlier import (a map.yaml you may have edited since) with the new ones.")
def import_(source: str, output: str, format_: str | None, jobs: int, report: str | None, force: bool) -> None:
    sys.exit(execute_import(source, output, format_, jobs, report, sys.stdout, sys.stderr, force=force))


@dataclass
class Outcome:
    """One file's import: where it went, what it held, what was lost, and what went wrong."""

    source: str
    target: str = ""
    form: str = ""
    counts: tuple[int, int] = (0, 0)
    losses: list[dict[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Findings of `argmap check` on the imported map (it is written all the same)."""
    refused: str | None = None
    """Why the file could not be imported: one line naming its place."""


def execute_import(source: str, output: str, form: str | None, jobs: int, report: str | None, stdout: IO[str],
                   stderr: IO[str], *, force: bool = False) -> int:
    from argmap.cli.common import run

    return run("import", lambda: _import(source, output, form, jobs, report, stdout, stderr, force), stderr)


def _import(source: str, output: str, form: str | None, jobs: int, report: str | None, stdout: IO[str],
            stderr: IO[str], force: bool) -> int:
    from argmap.errors import CLEAN, FINDINGS, USAGE, UsageError

    root = Path(source)
    if not output.strip():
        raise UsageError("-o names the map folder to write; an empty name names none (use -o . for this folder)")
    if not root.exists():
        raise UsageError(f"{source}: no such file or folder")
    if Path(output).exists() and not Path(output).is_dir():
        raise UsageError(f"{output}: is a file; -o names the map folder to write")
    if root.is_dir():
        files = _files(root)
        if not files:
            raise UsageError(f"{source}: no files to import in this folder (.json, .argdown, .ad, .txt)")
        outside = _outside(root, files)
        read = [path for path in files if path not in outside]
        outcomes = _import_folder(root, read, output, form, jobs, stderr, force) if read else []
        outcomes = sorted([*outcomes, *outside.values()], key=lambda o: files.index(Path(o.source)))
    else:
        outcomes = [import_one(source, form, output, force=force)]
    for outcome in outcomes:
        _tell(outcome, stdout, stderr)
    if len(outcomes) > 1:
        done = sum(1 for o in outcomes if o.refused is None)
        stdout.write(f"{done} of {len(outcomes)} files imported into {output}\n")
    if report is not None:
        # never over a file read or written: a source of the folder, or a file of a map folder just imported
        written = [str(path) for o in outcomes if o.refused is None for path in Path(o.target).parent.glob("*")]
        _report(report, outcomes, [source, *(o.source for o in outcomes), *written])
    if any(o.refused for o in outcomes):
        return USAGE
    return FINDINGS if any(o.errors for o in outcomes) else CLEAN


def _import_folder(root: Path, files: list[Path], output: str, form: str | None, jobs: int,
                   stderr: IO[str], force: bool) -> list[Outcome]:
    """Import each file into its map folder inside ``output``. The maps are written into a hidden folder and made
    durable together at the end, then put in place: one round trip to the disk for the corpus, not one per map,
    and a corpus import that fails or is interrupted leaves nothing half-written behind."""
    from argmap.atomic import new_folder
    from argmap.errors import UsageError

    protect = [str(path) for path in files]
    try:
        with new_folder(output, protect=protect) as staging:
            folders = _folders(files, root)
            tasks = [(str(path), form, str(Path(output) / folders[path]), str(staging / folders[path]), force)
                     for path in files]
            return _run(tasks, jobs, stderr)
    except OSError as error:
        raise UsageError(f"{output}: cannot write: {error.strerror or error}") from None


def _files(root: Path) -> list[Path]:
    """The files of a folder to import, in name order: a `.txt` beside a nodeset's `.json` is its source text."""
    suffixes = {suffix for f in FORMATS.values() if f.import_map is not None for suffix in f.suffixes}
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        stems = {Path(name).stem for name in files if name.lower().endswith(".json")}
        for name in sorted(files):
            path = Path(folder) / name
            suffix = path.suffix.lower()
            if name.startswith(".") or suffix not in suffixes or (suffix == ".txt" and path.stem in stems):
                continue
            found.append(path)
    return found


def _outside(root: Path, files: list[Path]) -> dict[Path, Outcome]:
    """The files of the folder that are links to a file outside it, each refused unread (importing a folder
    reads nothing outside it, as checking one does)."""
    from argmap.texts import one_line

    inside = root.resolve()
    return {path: Outcome(str(path), refused=f"{one_line(str(path))}: error: is a link to a file outside the folder,"
                          " left unread; name that file itself to import it")
            for path in files if path.is_symlink() and inside not in path.resolve().parents}


def _folders(files: list[Path], root: Path) -> dict[Path, str]:
    """Each file's map folder: its path in ``root`` without the suffix (``a/b.json`` -> ``a/b``), or with the
    suffix as a word where that would give two files one folder (``a.json`` and ``a.argdown`` -> ``a-json`` and
    ``a-argdown``; names are compared as a file system that ignores case would)."""
    def plain(path: Path) -> str:
        return "/".join(path.relative_to(root).with_suffix("").parts)

    counts = Counter(plain(path).casefold() for path in files)
    chosen: dict[Path, str] = {}
    taken: set[str] = set()
    for path in files:  # in name order: the same folder always gets the same names
        name = plain(path) if counts[plain(path).casefold()] == 1 else plain(path) + "-" + path.suffix[1:].lower()
        unique, number = name, 2
        while unique.casefold() in taken:  # `a.json` and `a.JSON`: the suffix as a word is the same
            unique, number = f"{name}-{number}", number + 1
        taken.add(unique.casefold())
        chosen[path] = unique
    return chosen


def _run(tasks: list[tuple[str, str | None, str, str, bool]], jobs: int, stderr: IO[str]) -> list[Outcome]:
    show = len(tasks) > 1 and stderr.isatty()
    outcomes: list[Outcome] = []

    def progress() -> None:
        if show:
            width = 30
            filled = width * len(outcomes) // len(tasks)
            stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {len(outcomes)}/{len(tasks)}")
            stderr.flush()

    if jobs == 1 or len(tasks) == 1:
        for task in tasks:
            outcomes.append(import_one(*task))
            progress()
    else:
        from concurrent.futures import ProcessPoolExecutor

        _preload()  # forked workers start with what the parent imported, instead of each importing it again
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for outcome in pool.map(import_one, *zip(*tasks, strict=True), chunksize=max(1, len(tasks) // (jobs * 8))):
                outcomes.append(outcome)
                progress()
    if show:
        stderr.write("\n")
    return outcomes


def _preload() -> None:
    import argmap.api
    import argmap.canonical
    import argmap.pipeline.exchange  # noqa: F401


def import_one(source: str, form: str | None, output: str, staged: str | None = None, force: bool = False) -> Outcome:
    """Import one file into the map folder ``output``; every problem is in the outcome, never raised. With
    ``staged``, the files are written there instead (a folder whose caller makes it durable and moves it to
    ``output``); else the map folder is written whole or not at all. A file of ``output`` that the import would
    change (a map edited since an earlier import) is replaced only with ``force``: else the file is refused."""
    from argmap.api import dump, import_map
    from argmap.atomic import new_folder
    from argmap.errors import ArgmapError, InputError
    from argmap.texts import one_line

    outcome = Outcome(source, target=str(Path(output) / "map.yaml"))
    try:
        reading = import_map(source, form)
    except ArgmapError as error:  # one file refused; the others of a folder are imported all the same
        where = error.where if isinstance(error, InputError) else source
        outcome.refused = f"{one_line(where)}: error: {one_line(str(error))}"
        return outcome
    amap = reading.amap
    outcome.form = amap.imported.format if amap.imported is not None else ""
    outcome.counts = (len(amap.statements), len(amap.arguments))
    outcome.losses = [loss.to_json() for loss in reading.losses]
    outcome.errors = _errors(amap)
    contents = {**reading.files, "map.yaml": dump(amap)}  # the canonical layout: it passes `argmap fmt --check`
    changed = [] if force else [name for name, text in contents.items() if _would_change(Path(output) / name, text)]
    if changed:
        outcome.refused = (f"{one_line(str(Path(output) / changed[0]))}: error: already exists, and this import would"
                           " change it (a map edited since an earlier import?); nothing written: import elsewhere, or"
                           " replace it with --force")
        return outcome
    try:
        if staged is not None:
            _write_plain(Path(staged), contents)
        else:
            with new_folder(output, protect=[source]) as staging:
                _write_plain(staging, contents)
    except OSError as error:
        outcome.refused = f"{one_line(output)}: error: cannot write: {one_line(str(error.strerror or error))}"
    return outcome


def _would_change(path: Path, text: str) -> bool:
    """Whether writing ``text`` at ``path`` would replace something else (read only when the sizes agree)."""
    data = text.encode("utf-8")
    try:
        status = path.lstat()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
        return True
    try:
        return path.read_bytes() != data
    except OSError:
        return True


def _write_plain(folder: Path, contents: dict[str, str]) -> None:
    # Plain writes into a staging folder: argmap.atomic.new_folder makes them durable and puts them in place.
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in contents.items():
        (folder / name).write_bytes(text.encode("utf-8"))


def _errors(amap: Any) -> list[str]:
    """What `argmap check` will say is wrong with the map (from the source's own structure), at its source place."""
    from argmap.api import check
    from argmap.diagnostics import Severity
    from argmap.texts import one_line

    result = check(amap, config=False)
    return [f"{one_line(d.location)}: error: {one_line(d.message)} [{d.code} {d.name}]" for d in result.diagnostics
            if d.severity >= Severity.ERROR]


def _tell(outcome: Outcome, stdout: IO[str], stderr: IO[str]) -> None:
    from argmap.texts import one_line

    if outcome.refused is not None:
        stderr.write(outcome.refused + "\n")
        return
    statements, arguments = outcome.counts
    stdout.write(f"{outcome.target}: {statements} statement{'s' if statements != 1 else ''}, {arguments}"
                 f" inference{'s' if arguments != 1 else ''} from {outcome.source}"
                 f" ({outcome.form})\n")
    for loss in outcome.losses:
        stderr.write(f"{one_line(outcome.source)}: {one_line(loss['where'])}: not kept: {one_line(loss['what'])}:"
                     f" {one_line(loss['detail'])}\n")
    for error in outcome.errors:
        stderr.write(error + "\n")


def _report(report: str, outcomes: list[Outcome], inputs: list[str]) -> None:
    from argmap.atomic import write_text
    from argmap.errors import UsageError
    from argmap.jsonout import json_text

    document = {"version": 1, "imports": [
        {"source": o.source, "map": None if o.refused else o.target, "format": o.form or None,
         "statements": o.counts[0], "inferences": o.counts[1], "losses": o.losses, "errors": o.errors,
         "refused": o.refused} for o in outcomes]}
    try:
        write_text(report, json_text(document), protect=inputs)
    except OSError as error:
        raise UsageError(f"cannot write {report}: {error.strerror or error}") from None
