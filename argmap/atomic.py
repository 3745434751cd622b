"""Write outputs safely: never over an input, straight into special files, else temporary-then-rename."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

__all__ = ["OutputRefused", "write_bytes", "write_text", "write_files", "new_folder", "refuse_stream"]

_SYNC_THREADS = 16
"""Files made durable at once: the file system commits their journal entries together, one round trip for all."""


class OutputRefused(OSError):
    """An output that argmap will not write: one of its inputs, a folder or a socket."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(errno.EPERM, reason, str(path))


def write_bytes(path: str | os.PathLike[str], data: bytes, *, protect: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part.

    ``protect`` names files that were read to make ``data`` (the map and its includes): writing over
    one of them, however its path is spelt (``..``, a symbolic link, a hard link, ``/dev/stdout``
    redirected to it), raises :class:`OutputRefused`. A symbolic link is followed, not replaced. A
    FIFO or a character device (``/dev/stdout``, ``/dev/null``) is written into directly. Raises
    ``OSError`` when the file system refuses, leaving any old output as it was.
    """
    write_files({path: data}, protect=protect)


def write_text(path: str | os.PathLike[str], text: str, *, protect: Iterable[str | os.PathLike[str]] = ()) -> None:
    """:func:`write_bytes` of ``text`` in UTF-8."""
    write_bytes(path, text.encode("utf-8"), protect=protect)


def write_files(outputs: Mapping[str | os.PathLike[str], bytes], *,
                protect: Iterable[str | os.PathLike[str]] = ()) -> None:
    """:func:`write_bytes` of several files at once: each is refused, written and replaced as that function does,
    but all are made durable together (one round trip to the disk, not one per file) before any replaces its old
    file. When one is refused or cannot be written, none is replaced."""
    inputs = _identities(protect)
    pending: list[tuple[str, Path, os.stat_result | None]] = []  # temporary file, target, the target's old status
    try:
        for path, data in outputs.items():
            staged = _stage(path, data, inputs)
            if staged is not None:
                pending.append(staged)
        _sync([temporary for temporary, _, _ in pending])
        for temporary, target, old in pending:
            _put(temporary, target, old)
    except BaseException:
        for temporary, _, _ in pending:
            Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folders({target.parent for _, target, _ in pending})


def _put(temporary: str, target: Path, old: os.stat_result | None) -> None:
    """Put the durable ``temporary`` in place of ``target``, which keeps its permissions, its owner and group (as
    far as the system lets this process give them), and its hard links: a file with other links is rewritten in
    place (the temporary copy, whole and durable, is removed only once that is on disk), not replaced."""
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
        return
    if old.st_nlink > 1:
        with open(temporary, "rb") as source, open(target, "r+b") as stream:
            shutil.copyfileobj(source, stream)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        os.unlink(temporary)
        return
    os.chmod(temporary, old.st_mode & 0o777)
    if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:  # root keeps a user's file the user's; anyone may keep a group they belong to
            os.chown(temporary, old.st_uid, old.st_gid)
        except PermissionError:
            with suppress(PermissionError):
                os.chown(temporary, -1, old.st_gid)
    os.replace(temporary, target)


def _stage(path: str | os.PathLike[str], data: bytes,
           inputs: set[tuple[int, int]]) -> tuple[str, Path, os.stat_result | None] | None:
    """Check ``path`` and write ``data`` beside it in a temporary file (not yet durable); a FIFO or a character
    device is written into directly (None)."""
    try:
        info: os.stat_result | None = os.stat(path)  # through symbolic links
    except FileNotFoundError:
        info = None
    except ValueError:
        raise OutputRefused(path, "its name holds a NUL byte") from None
    if info is not None:
        _refuse_inputs(path, info, inputs)
        if stat.S_ISDIR(info.st_mode):
            raise OutputRefused(path, "it is a folder")
        if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode) or _names_a_descriptor(path):
            with open(path, "wb") as stream:
                stream.write(data)
            return None
        if not stat.S_ISREG(info.st_mode):
            raise OutputRefused(path, "it is not a regular file, a FIFO or a character device")
    target = Path(os.path.realpath(path))  # a link is followed: the file it points to is replaced
    # A short temporary name: the target's own name may already be as long as the file system allows.
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:64]}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary, target, info


def refuse_stream(stream: object, protect: Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`OutputRefused` when ``stream`` (standard output, say) is a file ``protect`` names: a shell's
    ``>> map.yaml`` must not append a command's output to the map it reads. Streams that are not files pass."""
    try:
        info = os.fstat(stream.fileno())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both an OSError and a ValueError
        return
    if stat.S_ISREG(info.st_mode) and (info.st_dev, info.st_ino) in _identities(protect):
        raise OutputRefused("standard output", "it is a file of the map being read; choose another output")


def _identities(protect: Iterable[str | os.PathLike[str]]) -> set[tuple[int, int]]:
    """The files ``protect`` names, however spelt: their device and inode numbers (those that exist)."""
    found = set()
    for protected in protect:
        try:
            info = os.stat(protected)
        except (OSError, ValueError):
            continue  # a file that cannot be looked up was not read either
        found.add((info.st_dev, info.st_ino))
    return found


def _refuse_inputs(path: str | os.PathLike[str], info: os.stat_result, inputs: set[tuple[int, int]]) -> None:
    if (info.st_dev, info.st_ino) in inputs:
        raise OutputRefused(path, "it is a file of the map being read; choose another output")


def _names_a_descriptor(path: str | os.PathLike[str]) -> bool:
    # /dev/stdout, /dev/fd/N and /proc/self/fd/N stand for an open descriptor: the caller's
    # redirection (perhaps `>>`) decides what happens, so the file is written through, not replaced.
    spelled = os.path.abspath(path)
    return spelled.startswith(("/dev/", "/proc/"))


def _sync(paths: list[str]) -> None:
    """Flush files to disk, several at once: the file system groups their commits, where one after the other
    each waits for its own."""
    def one(path: str) -> None:
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)

    if len(paths) <= 1:
        for path in paths:
            one(path)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(_SYNC_THREADS, len(paths))) as pool:
        for _ in pool.map(one, paths):
            pass


def _sync_folders(folders: Iterable[Path]) -> None:
    """Make renames and new entries in ``folders`` durable where the system allows a folder to be flushed."""
    for folder in folders:
        try:
            handle = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(handle)
        except OSError:
            pass  # some systems and file systems cannot flush a folder; the files themselves are on disk
        finally:
            os.close(handle)


@contextmanager
def new_folder(path: str | os.PathLike[str], *, protect: Iterable[str | os.PathLike[str]] = ()) -> Iterator[Path]:
    """A hidden folder beside ``path`` to write a whole output tree into, with plain writes; when the block ends
    without an exception, every file in it is made durable at once and the tree appears at ``path`` in one rename
    (into an existing folder, each file replaces its old one as :func:`write_files` does, never one in
    ``protect``). On an exception nothing of it stays: neither the hidden folder nor the folders made for it."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OutputRefused(target, "it is not a folder")
    existing = target.is_dir()
    # Staged inside an existing folder (its parent may not be writable), else beside the folder to be.
    made = [] if existing else _make_parents(target.parent)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name[:64] or 'output'}.", suffix=".tmp",
                                        dir=target if existing else target.parent))
    except BaseException:
        _remove_made(made)
        raise
    try:
        yield staging
        files = [Path(folder) / name for folder, _, names in os.walk(staging) for name in names]
        if not files:  # nothing was written (every source refused): no folder appears either
            raise _Nothing
        _sync([str(file) for file in files])
        _sync_folders([Path(folder) for folder, _, _ in os.walk(staging)])
        if existing:
            _merge(staging, target, files, _identities(protect))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(staging, 0o777 & ~umask)  # a temporary folder is private; the output is made as mkdir makes one
            os.rename(staging, target)
            _sync_folders([target.parent])
    except _Nothing:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_made(made)
        return
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_made(made)
        raise
    shutil.rmtree(staging, ignore_errors=True)


class _Nothing(Exception):
    """The block of :func:`new_folder` wrote no file."""


def _merge(staging: Path, target: Path, files: list[Path], inputs: set[tuple[int, int]]) -> None:
    """Move the durable files of ``staging`` into the existing folder ``target``, each over its old file."""
    moves = []
    for file in files:
        destination = target / file.relative_to(staging)
        try:
            info = os.stat(destination)
        except FileNotFoundError:
            moves.append((file, destination))
            continue
        _refuse_inputs(destination, info, inputs)
        if not stat.S_ISREG(info.st_mode):
            raise OutputRefused(destination, "it is not a regular file")
        moves.append((file, Path(os.path.realpath(destination))))
    for file, destination in moves:
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(file, destination)
    _sync_folders({destination.parent for _, destination in moves})


def _make_parents(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; the ones made, outermost first."""
    missing = []
    for candidate in [folder, *folder.parents]:
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        candidate.mkdir(exist_ok=True)
    return list(reversed(missing))


def _remove_made(made: list[Path]) -> None:
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            break
