"""Two maps side by side in one folder stay apart in the editor: findings, references and renames."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.conftest import write_tree
from tests.lsp.conftest import change, diagnostics_for, open_file, session

FIRST = "argmap: 1\nid: first\nstatements:\n  t: {text: x, role: thesis}\n  s: {text: y, supports: t}\n  u: {text: z, supports: nope}\n"
SECOND = "argmap: 1\nid: second\nstatements:\n  t: {text: x, role: thesis}\n  r: {text: y, supports: t}\n  u: {text: z, supports: gone}\n"


def test_an_edit_to_one_map_leaves_its_neighbour_alone(tmp_path: Path) -> None:
    write_tree(tmp_path, {"maps/first.yaml": FIRST, "maps/second.yaml": SECOND})

    async def body(client: LanguageClient) -> None:
        first = open_file(client, tmp_path / "maps" / "first.yaml")
        await diagnostics_for(client, first, lambda d: any(x.code == "ARG101" for x in d))
        second = open_file(client, tmp_path / "maps" / "second.yaml")
        await diagnostics_for(client, second, lambda d: any("'gone'" in x.message for x in d))
        change(client, first, 2, FIRST.replace("nope", "nopes"))
        await diagnostics_for(client, first, lambda d: any("'nopes'" in x.message for x in d))
        await asyncio.sleep(0.5)
        assert any("'gone'" in x.message for x in client.diagnostics[second])
        at = types.Position(line=3, character=2)
        edit = await client.text_document_rename_async(types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=first), position=at, new_name="t2"))
        assert edit is not None and edit.changes is not None and set(edit.changes) == {first}
        found = await client.text_document_references_async(types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=first), position=at,
            context=types.ReferenceContext(include_declaration=True)))
        assert found is not None and {place.uri for place in found} == {first}

    session(tmp_path, body)
