"""How `argmap import` writes: a map folder appears whole or not at all, and never replaces an input."""

from __future__ import annotations

import errno
import os
from dataclasses import replace

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap.atomic
from argmap.atomic import OutputRefused, new_folder, write_files
from argmap.canonical import dump
from argmap.errors import MapError
from argmap.fmt import format_text
from argmap.model import ArgumentMap
from argmap.schema import Imported
from tests.conftest import examples, run_cli
from tests.formats.test_import import CORPUS

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", examples(25)))
ARGDOWN = "[A]: a\n  + [B]: b\n"


def full_disk(paths):
    if paths:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_import_leaves_nothing_behind(tmp_path, monkeypatch):
    (tmp_path / "a.argdown").write_text(ARGDOWN, encoding="utf-8")
    monkeypatch.setattr(argmap.atomic, "_sync", full_disk)
    code, out, err = run_cli("import", "a.argdown", "-o", "new/maps/m", cwd=tmp_path)
    assert (code, out) == (2, "") and err == "new/maps/m: error: cannot write: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.argdown"]  # not even the folders made for it


def test_a_failed_corpus_import_leaves_nothing_behind(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    for name in ("one", "two"):
        (tmp_path / "in" / f"{name}.argdown").write_text(ARGDOWN, encoding="utf-8")
    monkeypatch.setattr(argmap.atomic, "_sync", full_disk)
    code, out, err = run_cli("import", "in", "-o", "out", cwd=tmp_path)
    assert (code, out) == (2, "") and err == "argmap import: out: cannot write: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_a_corpus_of_which_nothing_imports_writes_no_folder(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in/bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "in/worse.json").write_text("[", encoding="utf-8")
    code, out, _ = run_cli("import", "in", "-o", "out", "-j", "2", cwd=tmp_path)
    assert code == 2 and "0 of 2 files imported" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_a_corpus_imports_into_an_existing_folder_beside_what_is_there(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in/one.argdown").write_text(ARGDOWN, encoding="utf-8")
    (tmp_path / "out/one").mkdir(parents=True)
    (tmp_path / "out/one/map.yaml").write_text("old\n", encoding="utf-8")
    (tmp_path / "out/notes.txt").write_text("mine\n", encoding="utf-8")
    code, out, err = run_cli("import", "in", "-o", "out", "-j", "2", cwd=tmp_path)
    # A map there already is not replaced by a different one (it may have been edited since an earlier import).
    assert (code, out) == (2, "") and err.startswith(f"{os.path.join('out', 'one', 'map.yaml')}:")
    assert "--force" in err and (tmp_path / "out/one/map.yaml").read_text(encoding="utf-8") == "old\n"
    code, _, err = run_cli("import", "in", "-o", "out", "-j", "2", "--force", cwd=tmp_path)
    assert code == 0, err
    assert (tmp_path / "out/one/map.yaml").read_text(encoding="utf-8").startswith("argmap: 1\n")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["notes.txt", "one"]  # no staging folder left


def test_an_import_never_replaces_a_map_edited_since_unless_forced(tmp_path):
    (tmp_path / "a.argdown").write_text(ARGDOWN, encoding="utf-8")
    assert run_cli("import", "a.argdown", "-o", "m", cwd=tmp_path)[0] == 0
    first = (tmp_path / "m/map.yaml").read_bytes()
    assert run_cli("import", "a.argdown", "-o", "m", cwd=tmp_path)[:2] == (0, f"{os.path.join('m', 'map.yaml')}: 2"
                                                                          " statements, 0 inferences from a.argdown"
                                                                          " (argdown)\n")  # the same again: no harm
    edited = first.replace(b"text: a", b"text: a, as I now put it")
    assert edited != first
    (tmp_path / "m/map.yaml").write_bytes(edited)
    code, out, err = run_cli("import", "a.argdown", "-o", "m", cwd=tmp_path)
    assert (code, out) == (2, "") and err.startswith(os.path.join("m", "map.yaml") + ": error: already exists")
    assert (tmp_path / "m/map.yaml").read_bytes() == edited and sorted(p.name for p in (tmp_path / "m").iterdir()) == [
        "map.yaml"]
    assert run_cli("import", "a.argdown", "-o", "m", "--force", cwd=tmp_path)[0] == 0
    assert (tmp_path / "m/map.yaml").read_bytes() == first


def test_write_files_replaces_none_when_one_is_refused(tmp_path):
    (tmp_path / "kept.txt").write_text("old\n", encoding="utf-8")
    (tmp_path / "input.txt").write_text("input\n", encoding="utf-8")
    with pytest.raises(OutputRefused):
        write_files({tmp_path / "kept.txt": b"new\n", tmp_path / "input.txt": b"new\n"},
                    protect=[tmp_path / "input.txt"])
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.txt", "kept.txt"]


def test_new_folder_puts_a_tree_in_place_and_refuses_to_replace_an_input(tmp_path):
    with new_folder(tmp_path / "m") as staging:
        (staging / "map.yaml").write_text("x\n", encoding="utf-8")
    assert (tmp_path / "m/map.yaml").read_text(encoding="utf-8") == "x\n"
    with pytest.raises(OutputRefused, match="choose another output"), new_folder(
            tmp_path / "m", protect=[tmp_path / "m/map.yaml"]) as staging:
        (staging / "map.yaml").write_text("y\n", encoding="utf-8")
    assert (tmp_path / "m/map.yaml").read_text(encoding="utf-8") == "x\n"
    assert os.listdir(tmp_path / "m") == ["map.yaml"]


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_an_imported_folder_has_the_permissions_mkdir_would_give_it(tmp_path, umask):
    previous = os.umask(umask)
    try:
        with new_folder(tmp_path / "m") as staging:
            (staging / "sub").mkdir()
            (staging / "sub" / "map.yaml").write_text("x\n", encoding="utf-8")
        (tmp_path / "plain").mkdir()
    finally:
        os.umask(previous)
    expected = (tmp_path / "plain").stat().st_mode & 0o777
    assert expected == 0o777 & ~umask
    assert [(tmp_path / name).stat().st_mode & 0o777 for name in ("m", "m/sub")] == [expected, expected]
    assert (tmp_path / "m/sub/map.yaml").stat().st_mode & 0o777 == 0o666 & ~umask


WORDS = st.sampled_from(["yes", "null", "~", "0x1F", "1e3", "- a", "? q", "a: b", "#c", "&x", "*y", "!t", "|", ">",
                         "'", '"', "%", "@", "`", "{", "]", ",", "é", "中文", "\u00a0", "\u0085", "\u2028", "\ufeff",
                         "\t", "\\", "😀", "long" * 30])


SHOWABLE = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00\x01\x02\x03\x04\x05\x06\x07"
                                 "\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
                                 "\ufffe\uffff"), min_size=1, max_size=12)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.lists(WORDS | SHOWABLE, min_size=1, max_size=8).map("".join),
                min_size=1, max_size=6, unique=True), st.data())
def test_an_imported_map_is_written_as_argmap_fmt_lays_it_out(texts, data):
    """What `argmap import` writes is already formatted: `argmap fmt` changes nothing, and it reads back equal."""
    statements: dict[str, dict] = {}
    for n, text in enumerate(texts):
        statements[f"s{n}"] = {"text": text}
        if n:
            relation = data.draw(st.sampled_from(["supports", "attacks", None]))
            if relation:
                statements[f"s{n}"][relation] = f"s{data.draw(st.integers(0, n - 1))}"
    try:
        amap = ArgumentMap.from_data({"argmap": 1, "id": "m", "title": texts[0], "statements": statements})
    except MapError:
        assume(False)  # a text the map format refuses (control characters and the like)
    amap = replace(amap, imported=Imported(format="aif", ids={s: str(n) for n, s in enumerate(statements)},
                                           kept={"nodes": [{"text": text, "n": n} for n, text in enumerate(texts)]}))
    written = dump(amap)  # what `argmap import` writes
    assert format_text(written) == written
    assert ArgumentMap.from_data(yaml.safe_load(written)) == amap


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_imported_corpus_map_passes_fmt_check(path, tmp_path):
    status, _, err = run_cli("import", str(path), "-o", str(tmp_path / "map"))
    assert status == 0, err
    status, out, err = run_cli("fmt", "--check", str(tmp_path / "map" / "map.yaml"))
    assert (status, out) == (0, ""), out + err
    assert "already formatted" in err
