"""Where ids are written, counted as the editor counts lines and columns."""

from __future__ import annotations

from pathlib import Path

from argmap.lsp.analysis import Analyzer
from argmap.lsp.documents import Documents


def test_a_quoted_reference_after_a_line_separator_in_a_text_is_placed_on_the_id(tmp_path: Path) -> None:
    path = (tmp_path / "map.yaml").resolve()
    text = 'argmap: 1\nid: u\nstatements:\n  t: {text: "a\u2028b", role: thesis}\n  a: {text: y, supports: "t"}\n'
    path.write_text(text, encoding="utf-8")
    documents = Documents()
    documents.put(path, 1, text)
    analysis = Analyzer(documents, tmp_path).analyse(path)
    (site,) = [s for s in analysis.index.references("node", "t") if not s.definition]
    assert (site.line, site.column, site.length) == (5, 27, 1)  # the id, not its opening quote
