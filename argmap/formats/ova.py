"""AIF wrapped with its source text: OVA3's save files (`AIF`, `OVA` layout, annotated `text`) and xAIF (`AIF`,
`text`, `dialog` and further analyses). The annotated text becomes the map's source, and the words marked for
each locution become quotes of the statement it asserts."""

from __future__ import annotations

from collections import deque
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from argmap.formats._common import MAX_TEXT, FormatError, Loss, MapBuilder, Reading, Written
from argmap.formats._json import obj, parse
from argmap.formats.aif import document as aif_document
from argmap.formats.aif_read import read_aif

if TYPE_CHECKING:
    from argmap.formats._common import Subject

__all__ = ["import_ova", "import_xaif", "write_ova", "write_xaif", "sniff_ova", "sniff_xaif", "plain_text",
           "SOURCE_FILE"]

SOURCE_FILE = "source.txt"


def sniff_ova(content: str, document: Any) -> bool:
    return isinstance(document, dict) and isinstance(document.get("AIF"), dict) and isinstance(document.get("OVA"),
                                                                                               dict)


def sniff_xaif(content: str, document: Any) -> bool:
    return isinstance(document, dict) and isinstance(document.get("AIF"), dict) and not sniff_ova(content, document)


def import_ova(content: str, name: str) -> Reading:
    return _import(content, name, "ova")


def import_xaif(content: str, name: str) -> Reading:
    return _import(content, name, "xaif")


def _import(content: str, name: str, form: str) -> Reading:
    document = obj(parse(content), "$")
    if "AIF" not in document:
        raise FormatError("$", f"{form.upper()} wraps its AIF in an \"AIF\" object, and this file has none")
    aif = obj(document["AIF"], "$.AIF")
    builder = MapBuilder(name, form)
    raw = document.get("text")
    html = raw.get("txt") if isinstance(raw, dict) else raw
    spans: dict[str, str] = {}
    if isinstance(html, str) and html.strip():
        text, spans = plain_text(html)
        if text.strip():
            builder.files[SOURCE_FILE] = text
            builder.sources["text"] = {"title": "The analysed text", "path": SOURCE_FILE}
    read_aif(aif, "$.AIF", builder, spans)
    wrapper = {key: value for key, value in document.items() if key != "AIF"}
    if isinstance(html, str):  # kept as written (its markup marks the locutions), in parts a map file can hold
        wrapper.pop("text")
        builder.kept["text"] = {"form": "object" if isinstance(raw, dict) else "string",
                                "parts": [html[i:i + MAX_TEXT] for i in range(0, len(html), MAX_TEXT)] or [""]}
        if isinstance(raw, dict):
            builder.kept["text"]["other"] = {k: v for k, v in raw.items() if k != "txt"}
    if wrapper:
        builder.kept["wrapper"] = wrapper
    return builder.build()


class _Text(HTMLParser):
    """OVA's annotated text: HTML whose `<span class="highlighted" id="nodeN">` marks the words of locution N."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[tuple[str | None, int]] = []
        self.spans: dict[str, str] = {}
        self.length = 0

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or (tag in ("div", "p") and self.length):
            self._add("\n")
        elif tag == "span":
            values = dict(attrs)
            ident = values.get("id")
            self.open.append((ident.removeprefix("node") if ident else None, len(self.parts)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.open:
            ident, start = self.open.pop()
            words = " ".join("".join(self.parts[start:]).split())
            if ident and words:
                self.spans[ident] = words

    def handle_data(self, data: str) -> None:
        self._add(data)


def plain_text(html: str) -> tuple[str, dict[str, str]]:
    """The text of OVA's annotated HTML, and the words marked for each locution by its nodeID.

    >>> plain_text('<span id="node5" class="highlighted">A</span> because <span id="node9">B</span>.<br>')
    ('A because B.\\n', {'5': 'A', '9': 'B'})
    """
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts), parser.spans


def _wrapped(subject: Subject, form: str) -> tuple[dict[str, Any], list[Loss]]:
    aif, losses = aif_document(subject, form)
    amap = subject.amap
    assert amap is not None
    kept = amap.imported.kept if amap.imported is not None and amap.imported.format in ("ova", "xaif") else {}
    wrapper: dict[str, Any] = {"AIF": aif}
    saved = kept.get("text")
    if isinstance(saved, dict):
        html = "".join(saved.get("parts", ()))
        wrapper["text"] = {"txt": html, **saved.get("other", {})} if saved.get("form") == "object" else html
        # the quotes from the analysed text are its marked words, written back with it
        losses = [loss for loss in losses if loss.what not in ("quotes", "sources")]
    else:
        wrapper["text"] = ""
    extra = dict(kept.get("wrapper", {}))
    if form == "ova":
        layout = extra.get("OVA") if isinstance(extra.get("OVA"), dict) else None
        extra["OVA"] = _layout(aif, layout)
    else:
        extra.setdefault("dialog", any(n.get("type") == "L" for n in aif["nodes"]))
    wrapper.update(extra)
    if form == "xaif" and isinstance(wrapper.get("text"), str):
        wrapper["text"] = {"txt": wrapper["text"]}
    return wrapper, losses


def _layout(aif: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    """OVA's layout: where each node is drawn. Positions an imported map kept are reused; other nodes are
    placed in rows by their distance from the conclusions, so that OVA opens the map readably."""
    placed = {str(n.get("nodeID")): n for n in (old or {}).get("nodes", ()) if isinstance(n, dict)}
    succ: dict[str, list[str]] = {}
    pred: dict[str, list[str]] = {}
    for edge in aif["edges"]:
        source, target = str(edge["fromID"]), str(edge["toID"])
        succ.setdefault(source, []).append(target)
        pred.setdefault(target, []).append(source)
    ids = [str(n["nodeID"]) for n in aif["nodes"]]
    depth = {n: 0 for n in ids if not succ.get(n)}
    queue = deque(depth)
    while queue:
        current = queue.popleft()
        for before in pred.get(current, ()):
            if before not in depth:
                depth[before] = depth[current] + 1
                queue.append(before)
    columns: dict[int, int] = {}
    nodes = []
    for node in aif["nodes"]:
        key = str(node["nodeID"])
        if key in placed:
            nodes.append(placed[key])
            continue
        row = depth.get(key, 0)
        column = columns.get(row, 0)
        columns[row] = column + 1
        nodes.append({"nodeID": node["nodeID"], "visible": True, "x": 100 + 250 * column, "y": 100 + 150 * row,
                      "timestamp": ""})
    edges = [{"fromID": e["fromID"], "toID": e["toID"], "visible": True} for e in aif["edges"]]
    layout = {"firstname": "", "surname": "", "url": "", **{k: v for k, v in (old or {}).items()
                                                             if k not in ("nodes", "edges")}}
    layout.update(nodes=nodes, edges=edges)
    return layout


def write_ova(subject: Subject) -> Written:
    from argmap.jsonout import json_text

    wrapper, losses = _wrapped(subject, "ova")
    return Written(json_text(wrapper), tuple(losses))


def write_xaif(subject: Subject) -> Written:
    from argmap.jsonout import json_text

    wrapper, losses = _wrapped(subject, "xaif")
    return Written(json_text(wrapper), tuple(losses))

