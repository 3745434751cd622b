"""The MkDocs plugin and the Markdown extension in real mkdocs builds: the maps are drawn into the pages in the
site's language, a broken map stops the build with its place, warnings fail ``--strict``, and ``mkdocs serve``
redraws a map in the open browser when one of its files is saved."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.browser.embed.conftest import BROKEN, INLINE, build, hide, opened, tool, write_maps
from tests.conftest import ROOT, TOOL

pytestmark = pytest.mark.needs_dot


@contextlib.contextmanager
def http_server(folder: Path):
    """``folder`` served on 127.0.0.1 (Material's instant navigation fetches pages, which a file: address cannot)."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site(root: Path, page: str, settings: str = "plugins: [argmap]\n") -> Path:
    """A site in ``root``: the small map in maps/ (beside docs/, as a project keeps its maps), ``page`` as its index."""
    write_maps(root / "maps")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(textwrap.dedent(page), encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Maps\ntheme: {name: mkdocs, locale: fr, highlightjs: false}\n" + settings, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def mkdocs_site(tmp_path_factory):
    """A French site with the small map (interactive, evaluated), a map written in the page, and a static drawing
    in English around one node; built once with --strict."""
    root = site(tmp_path_factory.mktemp("mkdocs"), """\
        # Un essai

        Le texte, et la carte à côté.

        ```argmap path=../maps/map.yaml eval=grounded height=24rem
        ```

        ```argmap
        INLINE
        ```

        !!! note
            ```argmap path=../maps/map.yaml static lang=en focus=objection depth=1
            ```

        > A quote, and a map in it:
        >
        > ```argmap path=../maps/map.yaml static lang=en focus=fact depth=1
        > ```
        """.replace("INLINE\n", textwrap.indent(INLINE, " " * 8).lstrip()), "plugins: [search, argmap]\nmarkdown_extensions: [admonition]\n")
    result = build(tool("mkdocs"), "build", "--strict", "-q", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.browser
def test_the_page_shows_each_map_interactive_in_the_sites_language(page, mkdocs_site):
    url = (mkdocs_site / "site" / "index.html").as_uri()
    opened(page, url, maps=2)
    first, inline = page.page.locator(".argmap-embed").nth(0), page.page.locator(".argmap-embed").nth(1)
    assert first.locator(".embedded").get_attribute("lang") == "fr"
    assert first.locator("g.node[role=button]").count() == 5
    assert first.locator("#viewport").bounding_box()["height"] > 250
    assert first.locator("#node-thesis text").first.bounding_box()["height"] >= 9
    first.locator("#node-thesis").click()
    panel = first.locator("#panel").inner_text()
    assert "La thèse tient" in panel and "IN, grounded" in panel
    assert "An inline claim" in inline.locator("#canvas").text_content()
    static = page.page.locator(".admonition figure.argmap-static svg").text_content()
    assert "An objection" in static and "A fact" not in static
    quoted = page.page.locator("blockquote figure.argmap-static svg").text_content()
    assert "A fact" in quoted and "An objection" not in quoted
    assert "argmap" not in page.page.locator("main, [role=main]").first.inner_text()  # no block left as text
    # The theme's search cannot start its worker from a file: address; nothing else may go wrong.
    assert [problem for problem in page.problems if "Worker" not in problem] == []
    assert all(request.startswith(mkdocs_site.as_uri()) for request in page.requests), page.requests


def test_a_site_with_only_the_markdown_extension_draws_its_maps(tmp_path):
    # As Material sites write Markdown: pymdown's fences, admonitions, lists and quotes, each with a map.
    root = site(tmp_path, """\
        # Maps

        ```argmap path=maps/map.yaml static lang=fr
        ```

        !!! note
            ```argmap path=maps/map.yaml static lang=fr focus=objection depth=1
            ```

        1. An item

            ```argmap path=maps/map.yaml static lang=fr focus=fact depth=1
            ```

        > ```argmap path=maps/map.yaml static lang=fr focus=rebuttal depth=1
        > ```

        ```python
        print("other blocks are pymdown's")
        ```
        """, "markdown_extensions:\n  - admonition\n  - pymdownx.superfences\n"
             f"  - argmap.embed.markdown: {{base_dir: {tmp_path}}}\n")
    result = build(tool("mkdocs"), "build", "--strict", "-q", cwd=root)
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count("figure class=\"argmap-static\"") == 4 and "La thèse tient" in html and "```" not in html
    assert "path=" not in html and "other blocks are pymdown" in html
    for container in (r'<div class="admonition note">(.*?)</div>', r"<ol>(.*?)</ol>", r"<blockquote>(.*?)</blockquote>"):
        inside = re.search(container, html, re.S)
        assert inside is not None and "argmap-static" in inside.group(1), container
    # A warning fails --strict; a map with errors stops the build with its place, and no traceback.
    (root / "maps" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Maps\n\n```argmap path=maps/broken.yaml\n```\n", encoding="utf-8")
    result = build(tool("mkdocs"), "build", "-q", cwd=root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "maps/broken.yaml:4:38: error: support target 'nowhere' is not defined [ARG101" in result.stderr
    (root / "maps" / "broken.yaml").write_text(BROKEN.replace("nowhere", "thesis"), encoding="utf-8")
    result = build(tool("mkdocs"), "build", "--strict", cwd=root)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert re.search(r"WARNING .*maps/broken\.yaml:4:3: warning: claim 'reason' has no support or evidence \[ARG304", result.stderr), result.stderr


def test_a_broken_map_stops_the_build_with_its_file_and_line(tmp_path):
    root = site(tmp_path, """\
        # Broken

        ```argmap path=../maps/broken.yaml
        ```
        """)
    (root / "maps" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = build(tool("mkdocs"), "build", "-q", cwd=root)
    assert result.returncode != 0
    assert re.search(r"broken\.yaml:4:38: error: support target 'nowhere' is not defined \[ARG101", result.stderr), result.stderr


def test_warnings_fail_a_strict_build_at_their_line_in_the_page(tmp_path):
    root = site(tmp_path, """\
        # Warned

        Some text.

        ```argmap static
        argmap: 1
        statements:
          lonely: {role: thesis, text: A thesis with no support}
        ```
        """)
    result = build(tool("mkdocs"), "build", "--strict", cwd=root)
    assert result.returncode != 0
    assert re.search(r"docs/index\.md:8: warning: thesis 'lonely' has no support or evidence \[ARG304", result.stderr), result.stderr
    # A wrong option stops the build at the block.
    (root / "docs" / "index.md").write_text("# Wrong\n\n```argmap path=../maps/map.yaml focus=nobody\n```\n", encoding="utf-8")
    result = build(tool("mkdocs"), "build", "-q", cwd=root)
    assert result.returncode != 0 and "docs/index.md:3: argmap: no statement or argument 'nobody'" in result.stderr


@pytest.mark.browser
def test_mkdocs_serve_redraws_the_map_when_one_of_its_files_is_saved(page, tmp_path):
    root = site(tmp_path, """\
        # Live

        ```argmap path=../maps/map.yaml static lang=en
        ```
        """)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (root / "logs").mkdir()
    said = root / "logs" / "serve.log"
    log = said.open("w", encoding="utf-8")
    server = subprocess.Popen([tool("mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                              stdout=subprocess.DEVNULL, stderr=log, text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while True:
            try:
                page.page.goto(url)
                break
            except Exception:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        assert "A fact" in page.page.locator("figure.argmap-static svg").text_content()
        # Another file written beside the maps (an editor's back-up, a log) rebuilds nothing: the maps' files are
        # watched, not their folders.
        (root / "maps" / "notes.txt").write_text("not a map", encoding="utf-8")
        time.sleep(2)
        assert "Detected file changes" not in said.read_text(encoding="utf-8")
        included = root / "maps" / "more.yaml"  # outside docs/: watched because the map includes it
        included.write_text(included.read_text(encoding="utf-8").replace("A fact", "A new fact"), encoding="utf-8")
        page.page.wait_for_function("() => document.querySelector('figure.argmap-static svg')?.textContent.includes('A new fact')",
                                    timeout=120_000)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_without_mkdocs_or_markdown_the_integrations_say_how_to_install_them(monkeypatch):
    for missing, module, extra in (("mkdocs", "argmap.embed.mkdocs", "mkdocs"), ("markdown", "argmap.embed.markdown", "markdown")):
        hide(monkeypatch, missing)
        monkeypatch.delitem(sys.modules, module, raising=False)
        with pytest.raises(ImportError, match=rf"pip install 'argmap\[{extra}\]'"):
            __import__(module)
        monkeypatch.undo()


@pytest.mark.browser
def test_the_essays_walk_through_shows_its_map_beside_the_text(page, tmp_path):
    """docs/essay.md as a page of an MkDocs site: the essay's map, interactive, in the page that explains it."""
    shutil.copytree(ROOT / "models" / "capital-feast", tmp_path / "models" / "capital-feast")
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "essay.md", tmp_path / "docs" / "essay.md")
    (tmp_path / "mkdocs.yml").write_text("site_name: argmap\ntheme: {name: mkdocs, highlightjs: false}\n"
                                         "plugins: [argmap]\nnav: [essay.md]\n", encoding="utf-8")
    result = build(tool("mkdocs"), "build", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    opened(page, (tmp_path / "site" / "essay" / "index.html").as_uri(), maps=1)
    essay = page.page.locator(".argmap-embed")
    thesis = essay.locator("#node-feast-only-in-a-shares")
    assert thesis.count() == 1 and essay.locator("g.node[role=button]").count() > 30
    thesis.click()
    assert "IN, grounded" in essay.locator("#panel").inner_text()  # the thesis stands (docs/essay.md says why)
    assert "The argument" in page.page.locator("h2").all_inner_texts()


@pytest.mark.browser
def test_material_for_mkdocs_draws_maps_in_its_language_after_an_instant_page_change(page, tmp_path):
    """Material's theme.language chooses the map's language, and a map on a page reached by its instant navigation
    (the page's content swapped in without a reload) is drawn and works."""
    pytest.importorskip("material", reason=TOOL + "Material for MkDocs is not installed (pip install -e '.[dev]')")
    write_maps(tmp_path / "maps")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Un essai\n\n[La carte](map.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "map.md").write_text("# La carte\n\n```argmap path=../maps/map.yaml\n```\n", encoding="utf-8")
    with http_server(tmp_path / "site") as url:
        (tmp_path / "mkdocs.yml").write_text(
            f"site_name: Maps\nsite_url: {url}\ntheme: {{name: material, language: fr, font: false,"
            " features: [navigation.instant]}\nplugins: [argmap]\n", encoding="utf-8")
        result = build(tool("mkdocs"), "build", "--strict", "-q", cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert result.returncode == 0, result.stderr
        page.page.goto(url)
        page.page.click("article a[href*='map']")
        page.page.wait_for_function("() => { const host = document.querySelector('.argmap-embed');"
                                    " return host && host.shadowRoot && host.shadowRoot.querySelector('.embedded[data-version]'); }")
        assert page.page.url.endswith("/map/")
        assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # no reload: an instant change
        host = page.page.locator(".argmap-embed")
        assert host.locator(".embedded").get_attribute("lang") == "fr"
        host.locator("#node-objection").click()
        assert "Une objection" in host.locator("#panel").inner_text()
        assert page.problems == [] and all(request.startswith(url) for request in page.requests), page.requests


def test_a_block_draws_only_the_group_it_names(tmp_path):
    """`group=` reaches the drawing as `argmap render --group` does: that group's statements, and no other's."""
    markdown = pytest.importorskip("markdown", reason=TOOL + "Python-Markdown is not installed (pip install -e '.[dev]')")
    from argmap.embed.markdown import ArgmapExtension

    (tmp_path / "map.yaml").write_text(textwrap.dedent("""\
        argmap: 1
        groups:
          costs: {label: Costs}
          gains: {label: Gains}
        statements:
          thesis: {role: thesis, text: We should build the bridge}
          cheap: {text: The bridge is cheap to build, group: costs, supports: thesis}
          upkeep: {text: Its upkeep costs little, group: costs, supports: cheap}
          trade: {text: The bridge brings trade, group: gains, supports: thesis}
        """), encoding="utf-8")
    found: list[Any] = []
    made = ArgmapExtension(base_dir=str(tmp_path), report=found.append)
    html = markdown.markdown("```argmap path=map.yaml static group=costs\n```\n", extensions=[made])
    assert "The bridge is cheap to build" in html and "Its upkeep costs little" in html
    assert "The bridge brings trade" not in html and "We should build the bridge" not in html
    assert "ARG304" in {finding.code for finding in found}  # the map's warnings go to the function given
    # A group the map does not have stops the page at the block's place, as a map with errors does.
    from argmap.embed.markdown import MapFailed

    with pytest.raises(MapFailed, match=r"<markdown>:1: .*no group 'nowhere'"):
        markdown.markdown("```argmap path=map.yaml static group=nowhere\n```\n", extensions=[made])
