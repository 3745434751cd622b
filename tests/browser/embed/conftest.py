"""Small maps, and the tools that build real sites and documents around them: each site is built once per test
session, then opened in Chromium (the browser and page fixtures of tests/browser)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import skip_tool

BIN = Path(sys.executable).parent

# A map in two files (an include), in English and French: the sites show it, and a change to the included
# file must rebuild the page that shows it.
MAP = """\
argmap: 1
id: small
title: {en: A small map, fr: Une petite carte}
languages: [en, fr]
include: [more.yaml]
statements:
  thesis: {role: thesis, text: {en: The thesis holds, fr: La thèse tient}}
  reason: {text: {en: A reason, fr: Une raison}, supports: thesis}
  objection: {text: {en: An objection, fr: Une objection}, attacks: thesis}
"""
MORE = """\
argmap: 1
statements:
  fact: {role: evidence, text: {en: A fact, fr: Un fait}, supports: reason}
  rebuttal: {text: {en: A rebuttal, fr: Une réfutation}, attacks: objection}
"""
# A map with an error on its line 4 (a support of a statement that does not exist).
BROKEN = """\
argmap: 1
statements:
  thesis: {role: thesis, text: A thesis}
  reason: {text: A reason, supports: nowhere}
"""
INLINE = """\
argmap: 1
id: inline
statements:
  claim: {role: thesis, text: An inline claim}
  ground: {role: evidence, text: Its ground, supports: claim}
"""
NODES = ["thesis", "reason", "objection", "fact", "rebuttal"]
# A page whose styles try to reach into every map on it: the maps must look as they do alone.
HOSTILE_CSS = """
* { color: rgb(255, 0, 0) !important; font-size: 40px !important; line-height: 3 !important; }
svg, svg * { display: none !important; }
#panel, #canvas, .bar, button { display: none !important; }
"""


def write_maps(folder: Path) -> Path:
    """The small map (and its included file) and the broken one in ``folder``; returns the small map's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "map.yaml").write_text(MAP, encoding="utf-8")
    (folder / "more.yaml").write_text(MORE, encoding="utf-8")
    return folder / "map.yaml"


def tool(name: str) -> str:
    """A build tool installed beside this Python (the dev extras), or on the PATH (pandoc)."""
    found = BIN / name if (BIN / name).is_file() else shutil.which(name)
    if not found:
        skip_tool(f"{name} is not installed (pip install -e '.[dev]'; pandoc: apt-get install pandoc)")
    return str(found)


def hide(monkeypatch, package: str) -> None:
    """Make ``package`` (and every module of it already imported) look not installed."""
    for name in [name for name in sys.modules if name == package or name.startswith(package + ".")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, package, None)


def build(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, timeout=300, check=False, env=env)


def opened(page, url: str, maps: int) -> None:
    """Open ``url`` and wait until its ``maps`` interactive maps have each shown a drawing."""
    page.page.goto(url)
    page.page.wait_for_function("(n) => [...document.querySelectorAll('.argmap-embed')].filter((host) =>"
                                " host.shadowRoot && host.shadowRoot.querySelector('.embedded[data-version]')).length === n",
                                arg=maps)
