"""The Sphinx extension in real sphinx-build runs: the maps are drawn into the pages (in the site's language,
interactive or static), a broken map fails ``-W`` with its file and line, a change to any file of a map rebuilds
its page, and LaTeX output gets the map as a vector figure."""

from __future__ import annotations

import os
import re
import sys
import textwrap
from pathlib import Path

import pytest

from tests.browser.embed.conftest import BROKEN, INLINE, build, hide, opened, tool, write_maps

pytestmark = pytest.mark.needs_dot
CONF = 'extensions = ["argmap.embed.sphinx"]\nlanguage = "fr"\n'


def site(root: Path, body: str, inline: str = "") -> Path:
    """A site in ``root`` whose index is ``body``, the map ``inline`` written where ``MAP`` stands."""
    write_maps(root / "maps")
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    text = textwrap.dedent(body).replace("MAP\n", textwrap.indent(inline, "   "))
    (root / "index.rst").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def sphinx_site(tmp_path_factory):
    """A site in French with the small map twice (interactive, then static in English around one node) and a
    map written inline, built once with -W."""
    root = site(tmp_path_factory.mktemp("sphinx"), """\
        Un essai
        ========

        Le texte, et la carte à côté.

        .. argmap:: maps/map.yaml
           :eval: grounded
           :height: 24rem

        .. argmap:: maps/map.yaml
           :static:
           :lang: en
           :focus: objection
           :depth: 1
           :rankdir: left-right

        .. argmap::

        MAP
        """, INLINE)
    result = build(tool("sphinx-build"), "-W", "-q", "-b", "html", ".", "_build/html", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.browser
def test_the_page_shows_each_map_interactive_in_the_sites_language(page, sphinx_site):
    url = (sphinx_site / "_build" / "html" / "index.html").as_uri()
    opened(page, url, maps=2)
    hosts = page.page.locator(".argmap-embed")
    first = hosts.nth(0)
    assert first.locator(".embedded").get_attribute("lang") == "fr"
    assert first.locator("g.node[role=button]").count() == 5
    assert "La thèse tient" in first.locator("#node-thesis").text_content()
    # Readable where it stands: the drawing fills its box, and a statement's text is of a size one reads.
    box = first.locator("#viewport").bounding_box()
    assert box["height"] > 250
    text = first.locator("#node-thesis text").first.bounding_box()
    assert text["height"] >= 9
    first.locator("#node-thesis").click()
    panel = first.locator("#panel").inner_text()
    assert "La thèse tient" in panel and "The thesis holds" in panel and "IN, grounded" in panel
    assert page.evaluate("location.hash") == ""  # an embedded map leaves the page's address alone
    inline = hosts.nth(1)
    assert inline.locator("g.node[role=button]").count() == 2 and "An inline claim" in inline.locator("#canvas").text_content()
    assert inline.locator("#panel").is_hidden()  # the other map's selection is its own
    # The static drawing: English, only the objection's neighbourhood.
    static = page.page.locator("figure.argmap-static svg").text_content()
    assert "An objection" in static and "A rebuttal" in static and "A fact" not in static
    # Drawn left to right: the rebuttal, the objection and the thesis side by side.
    places = [page.page.locator(f"figure.argmap-static svg #node-{name}").bounding_box() for name in ("rebuttal", "objection", "thesis")]
    assert places[0]["x"] + places[0]["width"] <= places[1]["x"] and places[1]["x"] + places[1]["width"] <= places[2]["x"]
    assert page.problems == []
    assert all(request.startswith(sphinx_site.as_uri()) for request in page.requests), page.requests


def test_a_broken_map_or_a_wrong_option_is_a_warning_with_its_place_and_fails_the_build(tmp_path):
    root = site(tmp_path, """\
        Broken
        ======

        .. argmap:: broken.yaml

        .. argmap::
           :static:

        MAP
        .. argmap:: maps/map.yaml
           :focus: nobody

        .. argmap:: maps/absent.yaml

        .. argmap:: maps/map.yaml
           :height: 1px;background:url(x)

        .. argmap:: maps/map.yaml
           :rankdir: sideways

        .. argmap:: broken.yaml
           :static:
        """, BROKEN)
    (root / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = build(tool("sphinx-build"), "-W", "--keep-going", "-q", "-b", "html", ".", "_build/html", cwd=root)
    assert result.returncode != 0
    # The file of the map and the line of its error; for the map written inline, the line in the document.
    assert re.search(r"broken\.yaml:4: WARNING: error: support target 'nowhere' is not defined \[ARG101", result.stderr)
    assert re.search(r"index\.rst:12: WARNING: error: support target 'nowhere' is not defined \[ARG101", result.stderr)
    assert re.search(r"index\.rst:13: WARNING: argmap: no statement or argument 'nobody'", result.stderr)
    assert re.search(r"index\.rst:16: WARNING: .*absent\.yaml: error: ", result.stderr)
    assert re.search(r"index\.rst:18: WARNING: argmap: height is a CSS length", result.stderr)
    # Each said once: a map that cannot be drawn as asked is not tried again when the page is written, and a map
    # shown twice has its findings said once.
    assert len(re.findall(r"index\.rst:21: WARNING: argmap: unknown direction 'sideways'", result.stderr)) == 1
    assert len(re.findall(r"broken\.yaml:4: WARNING", result.stderr)) == 1, result.stderr
    # The rest of the site is built all the same: the maps that can be drawn are, their errors marked.
    page = (root / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "ARG101" in page and "--argmap-height: 1px;background" not in page


def test_a_change_to_any_file_of_the_map_rebuilds_its_page(tmp_path):
    root = site(tmp_path, """\
        Rebuilt
        =======

        .. argmap:: maps/map.yaml
           :static:
           :lang: en
        """)
    sphinx_build = tool("sphinx-build")
    assert build(sphinx_build, "-q", "-b", "html", ".", "_build/html", cwd=root).returncode == 0
    html = root / "_build" / "html" / "index.html"
    assert "A fact" in html.read_text(encoding="utf-8")
    included = root / "maps" / "more.yaml"
    included.write_text(included.read_text(encoding="utf-8").replace("A fact", "A new fact"), encoding="utf-8")
    later = included.stat().st_mtime + 5
    os.utime(included, (later, later))
    assert build(sphinx_build, "-q", "-b", "html", ".", "_build/html", cwd=root).returncode == 0
    assert "A new fact" in html.read_text(encoding="utf-8")


def test_maps_are_checked_with_the_projects_configuration_and_rebuilt_when_it_changes(tmp_path):
    """A map written in a page is checked, like a map file, with the nearest .argmap.yaml (from the page's folder
    upward); a change to that file rebuilds the pages whose maps it checks."""
    root = site(tmp_path, """\
        Configured
        ==========

        .. argmap::
           :static:

        MAP
        """, "argmap: 1\nstatements:\n  lonely: {role: thesis, text: Alone}\n")
    settings = root / ".argmap.yaml"
    settings.write_text("rules:\n  unsupported-claim: off\n", encoding="utf-8")
    sphinx_build = tool("sphinx-build")
    result = build(sphinx_build, "-W", "-q", "-b", "html", ".", "_build/html", cwd=root)
    assert result.returncode == 0, result.stderr
    settings.write_text("rules:\n  unsupported-claim: error\n", encoding="utf-8")
    later = settings.stat().st_mtime + 5
    os.utime(settings, (later, later))
    result = build(sphinx_build, "-q", "-b", "html", ".", "_build/html", cwd=root)
    assert re.search(r"index\.rst:9: WARNING: error: thesis 'lonely' has no support or evidence \[ARG304", result.stderr), result.stderr


def test_latex_output_gets_the_map_as_a_vector_figure(tmp_path):
    root = site(tmp_path, """\
        Printed
        =======

        .. argmap:: maps/map.yaml
        """)
    result = build(tool("sphinx-build"), "-W", "-q", "-b", "latex", ".", "_build/latex", cwd=root)
    assert result.returncode == 0, result.stderr
    tex = next((root / "_build" / "latex").glob("*.tex")).read_text(encoding="utf-8")
    name = re.search(r"\\includegraphics\[[^]]*\]\{(argmap-[0-9a-f]+\.pdf)\}", tex).group(1)
    figure = (root / "_build" / "latex" / name).read_bytes()
    assert figure.startswith(b"%PDF") and b"/Subtype /Image" not in figure and b"/Subtype/Image" not in figure


def test_without_sphinx_the_extension_says_how_to_install_it(monkeypatch):
    hide(monkeypatch, "sphinx")
    monkeypatch.delitem(sys.modules, "argmap.embed.sphinx", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'argmap\[sphinx\]'"):
        import argmap.embed.sphinx  # noqa: F401
