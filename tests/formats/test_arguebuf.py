"""The committed AIF corpus read by arguebuf (PyPI, the ReCAP group's argument-graph library) and by argmap's
importer: the same I-node texts and the same supports, attacks and undercuts, except where arguebuf misreads a
file; each such misreading is pinned here exactly, and listed in docs/interchange.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.formats import read_map
from tests.conftest import TOOL
from tests.formats.test_roundtrip import canonical

arguebuf = pytest.importorskip("arguebuf", reason=TOOL + "arguebuf is not installed (the dev extra installs it)")

AIF = sorted((Path(__file__).parent / "corpus" / "aif").glob("*.json"))

# arguebuf compares AIF ids as they are written: node 7 and an edge from "7" do not meet, so a file that writes
# both (OVA3 does) loses its edges. What arguebuf then reads of ova3-upload.json: its texts, no relation at all.
MISREAD = {"ova3-upload.json": frozenset()}


def by_arguebuf(path: Path) -> tuple[frozenset[str], frozenset[object]]:
    """What arguebuf reads: I-node texts, and each support or attack scheme as (premise texts, relation, target),
    its target a text or, for an undercut, the scheme it attacks, keyed alike."""
    from arguebuf.model.scheme import Attack, Support

    graph = arguebuf.load.file(path)

    def key(node: object) -> object:
        if isinstance(node, arguebuf.AtomNode):
            return node.plain_text
        # its own premises (incoming_atom_nodes would also collect the premises of a scheme that undercuts it)
        premises = frozenset(n.plain_text for n in graph.incoming_nodes(node) if isinstance(n, arguebuf.AtomNode))
        (target,) = graph.outgoing_nodes(node)
        return (premises, "support" if isinstance(node.scheme, Support) else "attack", key(target))

    relations = frozenset(key(s) for s in graph.scheme_nodes.values()  # a scheme that concludes nothing says nothing
                          if isinstance(s.scheme, Support | Attack) and graph.outgoing_nodes(s))
    return frozenset(a.plain_text for a in graph.atom_nodes.values()), relations


@pytest.mark.parametrize("path", AIF, ids=lambda p: p.name)
def test_arguebuf_and_argmap_read_the_same_texts_and_relations(path):
    texts, relations = by_arguebuf(path)
    ours, inferences = canonical(read_map(path).amap)
    assert texts == ours  # I-node texts, byte for byte
    if path.name in MISREAD:
        assert relations == MISREAD[path.name], "arguebuf reads this file differently now: update MISREAD and the docs"
        assert inferences, "argmap reads the relations arguebuf misses"
    else:
        assert relations == inferences


SMALL = {"nodes": [{"nodeID": "1", "type": "I", "text": "a"}, {"nodeID": "2", "type": "RA", "text": "Default Inference"},
                   {"nodeID": "3", "type": "I", "text": "b"}],
         "edges": [{"fromID": "1", "toID": "2"}, {"fromID": "2", "toID": "3"}], "locutions": []}


def test_arguebuf_misreads_valid_aif_that_argmap_reads(tmp_path):
    """Two more of arguebuf's known misreadings: an edge without an edgeID stops it (AIFdb writes one, other tools
    do not), and a nodeset without a `locutions` field is not taken for AIF at all."""
    from google.protobuf.json_format import ParseError

    with pytest.raises(KeyError, match="edgeID"):
        arguebuf.load.dict(SMALL)
    without = {"nodes": SMALL["nodes"], "edges": [dict(e, edgeID=str(n)) for n, e in enumerate(SMALL["edges"])]}
    with pytest.raises(ParseError):
        arguebuf.load.dict(without)
    for document in (SMALL, without):
        (tmp_path / "a.json").write_text(json.dumps(document), encoding="utf-8")
        assert canonical(read_map(tmp_path / "a.json").amap) == ({"a", "b"}, {(frozenset({"a"}), "support", "b")})
