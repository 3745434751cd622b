"""Untrusted maps: nothing read outside the map, nothing overwritten that is not ours, one-line output."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from argmap import config
from argmap.cli.check_cmd import CheckOptions, execute_check

QUOTING = """\
argmap: 1
sources:
  secret: {{path: {path}}}
statements:
  thesis: {{role: thesis, text: T, quotes: [{{source: secret, text: "{quote}"}}]}}
"""


def _check(folder: Path, *paths: str, source_dirs: tuple[str, ...] = ()) -> tuple[int, str]:
    previous = Path.cwd()
    os.chdir(folder)
    try:
        out, err = io.StringIO(), io.StringIO()
        code = execute_check(CheckOptions(paths or ("map.yaml",), "parsable", no_config=True,
                                          source_dirs=source_dirs), out, err)
        return code, out.getvalue() + err.getvalue()
    finally:
        os.chdir(previous)


@pytest.fixture
def secret(tmp_path):
    """A file outside the map's folder whose content a hostile map would like to learn."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("TOKEN=hunter2-and-more\n", encoding="utf-8")
    (tmp_path / "map").mkdir()
    return path


@pytest.mark.parametrize("spelling", [
    "../outside/secret.txt",
    "./../outside/./secret.txt",
    "sub/../../outside/secret.txt",
    "{absolute}",
    "/proc/self/environ",
    "/etc/passwd",
    "'../outside//secret.txt'",
])
def test_a_source_path_outside_the_map_is_refused_unread(secret, spelling):
    folder = secret.parent.parent / "map"
    (folder / "sub").mkdir()
    path = spelling.format(absolute=secret)
    (folder / "map.yaml").write_text(QUOTING.format(path=path, quote="TOKEN=hunter2-X"), encoding="utf-8")
    code, out = _check(folder)
    assert code == 1
    assert "ARG013" in out and "leads outside the map's folder" in out
    # nothing about the file's content, not even how much of the quote matched
    assert "ARG302" not in out and "characters match" not in out and "hunter2" not in out.replace("hunter2-X", "")


def test_a_symbolic_link_inside_the_map_that_points_outside_is_refused(secret):
    folder = secret.parent.parent / "map"
    (folder / "essay.txt").symlink_to(secret)
    (folder / "map.yaml").write_text(QUOTING.format(path="essay.txt", quote="TOKEN=hunter2-X"), encoding="utf-8")
    code, out = _check(folder)
    assert code == 1 and "ARG013" in out and "characters match" not in out


def test_a_link_in_a_source_folder_that_points_outside_it_is_not_followed(secret):
    folder = secret.parent.parent / "map"
    (folder / "texts").mkdir()
    (folder / "texts" / "essay.txt").symlink_to(secret)
    (folder / "map.yaml").write_text(QUOTING.format(path="essay.txt", quote="TOKEN=hunter2-X"), encoding="utf-8")
    # the map's folder itself holds no essay.txt, the source folder's one leads out of it
    (folder / "elsewhere").mkdir()
    code, out = _check(folder, source_dirs=("texts",))
    assert "characters match" not in out and "ARG302" not in out
    assert "ARG303" in out  # unverified: the text was not found where it may be read


@pytest.mark.parametrize("special", ["fifo", "folder", "device"])
def test_special_files_are_not_read_as_source_texts(tmp_path, special):
    if special == "fifo":
        os.mkfifo(tmp_path / "essay.txt")
    elif special == "folder":
        (tmp_path / "essay.txt").mkdir()
    else:
        (tmp_path / "essay.txt").symlink_to("/dev/zero")
    (tmp_path / "map.yaml").write_text(QUOTING.format(path="essay.txt", quote="q"), encoding="utf-8")
    code, out = _check(tmp_path)
    # /dev/zero lies outside the map's folder; a FIFO is not a regular file; a folder is no text
    assert re.search(r"ARG013|ARG303", out), out
    assert "ARG302" not in out


@pytest.mark.parametrize("path", ["a\\u0000b.txt", "{long}.txt", "{long}/{long}/x.txt"])
def test_impossible_source_paths_are_findings_not_tracebacks(tmp_path, path):
    path = path.format(long="x" * 300)
    (tmp_path / "map.yaml").write_text(QUOTING.replace("{{path: {path}}}", '{{path: "{path}"}}').format(
        path=path, quote="q"), encoding="utf-8")
    code, out = _check(tmp_path)
    assert code in (0, 1) and "Traceback" not in out
    assert "ARG303" in out or "ARG002" in out or "ARG013" in out


def test_a_text_inside_the_map_is_still_verified(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "essay.txt").write_text("the words of the author\n", encoding="utf-8")
    (tmp_path / "map.yaml").write_text(QUOTING.format(path="texts/essay.txt", quote="words of the writer"),
                                       encoding="utf-8")
    code, out = _check(tmp_path)
    assert code == 1 and "ARG302" in out and "its first 10 characters match" in out
