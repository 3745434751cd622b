"""argmap init: a starter map that checks clean, draws, evaluates and is formatted; never overwrites."""

from __future__ import annotations

import json

import pytest

from argmap import starter
from argmap.fmt import format_text
from argmap.schema import json_schema
from argmap.schemes import shipped
from tests.conftest import TOOL, run_cli
from tests.console import console_examples, run_console

FILES = ("map.yaml", ".argmap.yaml", "argmap.schema.json")


def test_the_documented_example_prints_what_the_page_shows(tmp_path):
    [(command, shown)] = console_examples("cli.md", "argmap init")
    assert command == "argmap init my-map --lang en,fr"
    assert run_console(command, tmp_path) == shown
    assert sorted(p.name for p in (tmp_path / "my-map").iterdir()) == sorted(FILES)


@pytest.mark.parametrize("languages", ["en", "en,fr,ja", "fr,de,es", "ja", "pt-BR,en"])
def test_the_starter_checks_clean_without_a_warning_evaluates_and_is_formatted(tmp_path, languages):
    assert run_cli("init", "starter", "--lang", languages, cwd=tmp_path)[0] == 0
    folder = tmp_path / "starter"
    assert run_cli("check", "--strict", ".", cwd=folder) == (0, "no problems in 1 file, 1 map\n", "")
    status, out, _ = run_cli("eval", "map.yaml", cwd=folder)
    assert status == 0 and out.startswith("The thesis 'thesis' stands")
    assert run_cli("fmt", "--check", ".", cwd=folder) == (0, "", "1 file already formatted\n")
    text = (folder / "map.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=argmap.schema.json\n")
    assert f"languages: [{', '.join(languages.split(','))}]\n" in text
    assert json.loads((folder / "argmap.schema.json").read_text(encoding="utf-8")) == json_schema(shipped().schemes)


def test_the_starter_fits_the_schema_its_modeline_names(tmp_path):
    jsonschema = pytest.importorskip("jsonschema", reason=TOOL + "jsonschema is not installed (the dev extra installs it)")
    import yaml

    assert run_cli("init", "--lang", "en,ja", cwd=tmp_path)[0] == 0
    schema = json.loads((tmp_path / "argmap.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load((tmp_path / "map.yaml").read_text(encoding="utf-8")))


@pytest.mark.needs_dot
def test_the_starter_draws_in_each_of_its_languages(tmp_path):
    assert run_cli("init", "--lang", "en,ja", cwd=tmp_path)[0] == 0
    for lang in ("en", "ja"):
        assert run_cli("render", "map.yaml", "--lang", lang, "-o", f"map.{lang}.svg", cwd=tmp_path)[0] == 0
    assert ">都市は" in (tmp_path / "map.ja.svg").read_text(encoding="utf-8")


def test_a_language_without_starter_texts_gets_the_english_ones_and_a_note(tmp_path):
    status, out, _ = run_cli("init", "--lang", "fr,pt-BR", cwd=tmp_path)
    assert status == 0
    assert out.endswith("The texts in pt-BR are the English ones: translate them (the default language is fr).\n")
    text = (tmp_path / "map.yaml").read_text(encoding="utf-8")
    assert "      pt-BR: Cities should tax cars by weight.\n" in text
    assert "      fr: Les villes devraient taxer les voitures selon leur poids.\n" in text


def test_the_map_id_comes_from_the_folder_name(tmp_path):
    assert run_cli("init", "My Argument (draft 2)", cwd=tmp_path)[0] == 0
    assert "\nid: my-argument-draft-2\n" in (tmp_path / "My Argument (draft 2)" / "map.yaml").read_text(encoding="utf-8")
    assert starter.map_id("...") == "my-map"


@pytest.mark.parametrize("existing", FILES)
def test_init_never_overwrites_and_then_writes_nothing(tmp_path, existing):
    (tmp_path / existing).write_text("mine\n", encoding="utf-8")
    assert run_cli("init", cwd=tmp_path) == (
        2, "", f"argmap init: {existing} already exists; argmap init writes only new files (choose another folder)\n")
    assert [p.name for p in tmp_path.iterdir()] == [existing]
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_a_dangling_link_in_the_way(tmp_path):
    (tmp_path / "map.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert run_cli("init", cwd=tmp_path)[0] == 2
    assert not (tmp_path / "elsewhere.yaml").exists()


@pytest.mark.parametrize("args, message", [
    (["--lang", "en,EN"], "--lang: 'EN' is not a language tag (such as en, fr, ja or pt-BR)"),
    (["--lang", "en,,fr"], "--lang: '' is not a language tag (such as en, fr, ja or pt-BR)"),
    (["--lang", "en,fr,en"], "--lang: each language may be given once (en,fr,en)"),
    (["afile"], "afile is not a folder"),
])
def test_init_usage_errors_are_one_line(tmp_path, args, message):
    (tmp_path / "afile").write_text("", encoding="utf-8")
    assert run_cli("init", *args, cwd=tmp_path) == (2, "", f"argmap init: {message}\n")


def test_the_starter_files_are_what_init_writes(tmp_path):
    assert run_cli("init", "--lang", "en", cwd=tmp_path)[0] == 0
    written = {name: (tmp_path / name).read_text(encoding="utf-8") for name in FILES}
    assert written == starter.files(("en",), starter.map_id(tmp_path.name))
    assert format_text(written["map.yaml"]) == written["map.yaml"]



@pytest.mark.parametrize(("given", "kind"), [((), "own"), (("--kind", "reconstruction"), "reconstruction")])
def test_init_says_whose_argument_the_map_is(tmp_path, given, kind):
    code, out, _ = run_cli("init", "maps", *given, cwd=tmp_path)
    assert code == 0
    text = (tmp_path / "maps" / "map.yaml").read_text(encoding="utf-8")
    assert f"\nkind: {kind}\n" in text
    assert ("A reconstruction: declare the text" in out) == (kind == "reconstruction")
    assert run_cli("check", "--strict", "maps", cwd=tmp_path)[0] == 0


def test_init_at_a_terminal_asks_whose_argument_the_map_is(tmp_path):
    """At a terminal, a real process asks, and takes the answer typed."""
    import os
    import select
    import subprocess
    import sys

    from tests.conftest import ROOT

    main, secondary = os.openpty()
    environment = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    with subprocess.Popen([sys.executable, "-m", "argmap", "init", "maps"], cwd=tmp_path, env=environment,
                          stdin=secondary, stdout=secondary, stderr=secondary) as process:
        os.close(secondary)
        seen = b""
        while b"reconstruction" not in seen:  # the question, with its choices
            ready, _, _ = select.select([main], [], [], 60)
            assert ready, f"no question asked: {seen!r}"
            seen += os.read(main, 1024)
        os.write(main, b"reconstruction\n")
        assert process.wait(timeout=120) == 0
    os.close(main)
    assert b"Is the map your own case, or a reconstruction of someone else's text?" in seen
    assert "\nkind: reconstruction\n" in (tmp_path / "maps" / "map.yaml").read_text(encoding="utf-8")
