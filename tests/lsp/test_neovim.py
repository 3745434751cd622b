"""A real editor's client: Neovim's built-in LSP client, driven headless, talks to `argmap lsp`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, needs_tool, write_tree
from tests.lsp.conftest import MAP, MORE

NVIM = shutil.which("nvim")
pytestmark = needs_tool(NVIM, "Neovim (`make test` installs it with apt-get)")


def test_neovim_shows_findings_definition_and_hover(tmp_path: Path) -> None:
    write_tree(tmp_path, {"maps/map.yaml": MAP, "maps/more.yaml": MORE})
    out = tmp_path / "out.json"
    env = {**os.environ, "ARGMAP_ROOT": str(tmp_path), "ARGMAP_PYTHON": sys.executable, "ARGMAP_OUT": str(out),
           "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(ROOT / ".venv" / "cache"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}
    assert NVIM is not None
    done = subprocess.run([NVIM, "--headless", "-n", "-i", "NONE", "-u", "NONE", "-c",
                           f"luafile {Path(__file__).with_name('neovim.lua')}"],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL)
    assert out.exists(), (done.returncode, done.stdout, done.stderr)
    seen = json.loads(out.read_text(encoding="utf-8"))
    assert seen["published"] is True
    dangling = [d for d in seen["diagnostics"] if d["code"] == "ARG101" and d["line"] == 4]
    assert dangling == [{"line": 4, "col": 14, "code": "ARG101",
                         "message": "support target 'thesiss' is not defined; did you mean 'thesis'?"}]
    [definition] = seen["definition"]
    assert definition["uri"] == (tmp_path / "maps" / "map.yaml").as_uri()
    assert definition["range"]["start"] == {"line": 5, "character": 2}
    assert "Cities should tax cars by weight." in seen["hover"]["contents"]["value"]
    assert seen["cleared"] is True
    assert not [d for d in seen["after"] if d["code"] == "ARG101"]
