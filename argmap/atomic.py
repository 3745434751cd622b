"""Write an output safely: never over an input, straight into special files, else temporary-then-rename."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["OutputRefused", "write_bytes", "write_text"]


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
    try:
        info: os.stat_result | None = os.stat(path)  # through symbolic links
    except FileNotFoundError:
        info = None
    except ValueError:
        raise OutputRefused(path, "its name holds a NUL byte") from None
    if info is not None:
        for protected in protect:
            try:
                if os.path.samestat(info, os.stat(protected)):
                    raise OutputRefused(path, "it is a file of the map being read; choose another output")
            except FileNotFoundError:
                continue
        if stat.S_ISDIR(info.st_mode):
            raise OutputRefused(path, "it is a folder")
        if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode) or _names_a_descriptor(path):
            with open(path, "wb") as stream:
                stream.write(data)
            return
        if not stat.S_ISREG(info.st_mode):
            raise OutputRefused(path, "it is not a regular file, a FIFO or a character device")
    target = Path(os.path.realpath(path))  # a link is followed: the file it points to is replaced
    # A short temporary name: the target's own name may already be as long as the file system allows.
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:64]}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if info is not None:
            os.chmod(temporary, info.st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _names_a_descriptor(path: str | os.PathLike[str]) -> bool:
    # /dev/stdout, /dev/fd/N and /proc/self/fd/N stand for an open descriptor: the caller's
    # redirection (perhaps `>>`) decides what happens, so the file is written through, not replaced.
    spelled = os.path.abspath(path)
    return spelled.startswith(("/dev/", "/proc/"))


def write_text(path: str | os.PathLike[str], text: str, *, protect: Iterable[str | os.PathLike[str]] = ()) -> None:
    """:func:`write_bytes` of ``text`` in UTF-8."""
    write_bytes(path, text.encode("utf-8"), protect=protect)
