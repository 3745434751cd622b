"""The pandoc filter in real pandoc runs: maps in HTML (interactive, or static), vector PDF figures in LaTeX, and a
broken map that fails the conversion with its file and line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.browser.embed.conftest import BROKEN, INLINE, build, opened, tool, write_maps
from tests.conftest import skip_tool

pytestmark = pytest.mark.needs_dot

DOCUMENT = """\
# A report

Some text, then the map beside it.

```{.argmap path=maps/map.yaml eval=grounded}
```

```argmap
INLINE
```

![A small map](maps/map.yaml){.static focus=objection depth=1 lang=en}

[The small map, around the fact](maps/map.yaml){.argmap .static focus=fact depth=1 lang=en}

[A link to a map file stays a link](maps/map.yaml)
"""


def filtered(root, *args: str):
    return build(tool("pandoc"), "report.md", "--filter", tool("argmap-pandoc"), *args, cwd=root)


@pytest.fixture(scope="session")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("pandoc")
    write_maps(root / "maps")
    (root / "report.md").write_text(DOCUMENT.replace("INLINE\n", INLINE), encoding="utf-8")
    return root


@pytest.mark.browser
def test_html_output_shows_the_maps_in_the_documents_language(page, report):
    result = filtered(report, "-s", "-M", "lang=fr", "-M", "title=Report", "-o", "report.html")
    assert result.returncode == 0, result.stderr
    opened(page, (report / "report.html").as_uri(), maps=2)
    first = page.page.locator(".argmap-embed").nth(0)
    assert first.locator(".embedded").get_attribute("lang") == "fr"
    assert first.locator("g.node[role=button]").count() == 5
    assert first.locator("#node-thesis text").first.bounding_box()["height"] >= 9
    first.locator("#node-objection").click()
    assert "Une objection" in first.locator("#panel").inner_text()
    assert "An inline claim" in page.page.locator(".argmap-embed").nth(1).locator("#canvas").text_content()
    static = page.page.locator("figure.argmap-static svg").nth(0).text_content()
    assert "An objection" in static and "A fact" not in static
    linked = page.page.locator("figure.argmap-static svg").nth(1).text_content()
    assert "A fact" in linked and "An objection" not in linked
    assert page.page.locator("a[href='maps/map.yaml']").inner_text() == "A link to a map file stays a link"
    # A page's link style does not underline the texts of a static drawing.
    decoration = page.page.locator("figure.argmap-static svg a").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert decoration == "none"
    assert page.problems == [] and page.requests == [(report / "report.html").as_uri()]


def test_latex_output_gets_each_map_as_a_vector_figure(report):
    result = filtered(report, "-s", "-t", "latex", "-o", "report.tex")
    assert result.returncode == 0, result.stderr
    tex = (report / "report.tex").read_text(encoding="utf-8")
    # pandoc's own figures: its standalone preamble loads graphicx and scales each to the page.
    assert "\\usepackage{graphicx}" in tex and "\\setkeys{Gin}{width=\\maxwidth,height=\\maxheight,keepaspectratio}" in tex
    figures = re.findall(r"\\includegraphics(?:\[[^]]*\])?\{(argmap-figures/argmap-[0-9a-f]+\.pdf)\}", tex)
    assert len(figures) == 4 and "\\caption{A small map}" in tex and tex.count("\\begin{figure}") == 4
    for name in figures:
        figure = (report / name).read_bytes()
        assert figure.startswith(b"%PDF") and b"/Subtype /Image" not in figure and b"/Subtype/Image" not in figure
    # ConTeXt takes the same figures (a raw LaTeX block would be dropped there, and the map lost).
    result = filtered(report, "-t", "context", "-o", "report.ctx")
    assert result.returncode == 0, result.stderr
    placed = re.findall(r"\\externalfigure\[(argmap-figures/argmap-[0-9a-f]+\.pdf)\]", (report / "report.ctx").read_text(encoding="utf-8"))
    # The same drawings, under the same names: a document built again replaces its figures, it does not add to them.
    assert sorted(placed) == sorted(figures)


def test_pdf_output_has_each_map_as_vector_drawing_in_the_documents_language(report):
    """``pandoc -o report.pdf`` through LaTeX: the maps' texts are text in the PDF (not pictures of text), in French."""
    for program in ("pdflatex", "pdftotext", "pdfimages"):
        if shutil.which(program) is None:
            skip_tool(f"{program} is not installed (make test installs it: apt-get install texlive-latex-recommended poppler-utils)")
    result = filtered(report, "-M", "lang=fr", "-o", "report.pdf")
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", "-layout", "report.pdf", "-"], cwd=report, capture_output=True, text=True,
                          check=True).stdout
    for said in ("La thèse tient", "Une réfutation", "An inline claim", "Its ground", "Figure 1: Une petite carte"):
        assert said in text, text
    assert "A link to a map file stays a link" in text
    images = subprocess.run(["pdfimages", "-list", "report.pdf"], cwd=report, capture_output=True, text=True, check=True)
    assert len(images.stdout.strip().splitlines()) == 2, images.stdout  # its header only: no picture in the PDF


def test_a_broken_map_fails_the_conversion_with_its_file_and_line(tmp_path):
    write_maps(tmp_path / "maps")
    (tmp_path / "maps" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "report.md").write_text(textwrap.dedent("""\
        # Broken

        ```{.argmap path=maps/broken.yaml}
        ```

        ```{.argmap path=maps/map.yaml focus=nobody}
        ```
        """), encoding="utf-8")
    result = filtered(tmp_path, "-o", "report.html")
    assert result.returncode != 0
    assert re.search(r"maps/broken\.yaml:4:38: error: support target 'nowhere' is not defined \[ARG101", result.stderr), result.stderr
    assert "maps/map.yaml: no statement or argument 'nobody'" in result.stderr
    # A folder for the figures that cannot be made is said, without a traceback.
    (tmp_path / "report.md").write_text("```{.argmap path=maps/map.yaml}\n```\n", encoding="utf-8")
    (tmp_path / "taken").write_text("a file where the folder should be", encoding="utf-8")
    result = filtered(tmp_path, "-M", "argmap-figures=taken", "-t", "latex", "-o", "report.tex")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "argmap-pandoc: maps/map.yaml: the figure cannot be written in taken" in result.stderr, result.stderr


def test_without_panflute_the_filter_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "panflute", None)
    monkeypatch.delitem(sys.modules, "argmap.embed.pandoc", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'argmap\[pandoc\]'"):
        import argmap.embed.pandoc  # noqa: F401
