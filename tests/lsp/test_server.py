"""The language server end to end: a real process, a real client session, the protocol's own messages."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from argmap.lsp.analysis import HEAD_LOOK
from tests.lsp.conftest import MAP, MORE, change, diagnostics_for, fixes, open_file, position_of, session


def test_findings_are_published_in_the_file_they_belong_to(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "more.yaml")
        found = await diagnostics_for(client, uri, lambda d: any(x.code == "ARG101" for x in d))
        dangling = next(d for d in found if d.code == "ARG101")
        assert dangling.message == "support target 'thesiss' is not defined; did you mean 'thesis'?"
        assert dangling.range == types.Range(start=position_of(MORE, "thesiss"), end=position_of(MORE, "thesiss", offset=7))
        assert dangling.severity == types.DiagnosticSeverity.Error and dangling.source == "argmap"
        assert dangling.code_description is not None and dangling.code_description.href.endswith("#arg101-dangling-reference")
        # The root file of the map is checked with it: its own findings are published there.
        root = (maps / "maps" / "map.yaml").as_uri()
        assert root in client.diagnostics

    session(maps, body)


def test_a_change_is_checked_and_a_fix_clears_the_finding(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "more.yaml")
        await diagnostics_for(client, uri, lambda d: any(x.code == "ARG101" for x in d))
        change(client, uri, 2, MORE.replace("thesiss", "thesis"))
        await diagnostics_for(client, uri, lambda d: not any(x.code == "ARG101" for x in d))

    session(maps, body)


def test_a_half_typed_file_is_reported_not_fatal(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "more.yaml")
        await diagnostics_for(client, uri, lambda d: bool(d))
        for version, cut in enumerate(range(len(MORE), 0, -7), start=2):
            change(client, uri, version, MORE[:cut] + "  supports: [a, {b")
        found = await diagnostics_for(client, uri, lambda d: any(x.code == "ARG001" for x in d))
        assert found[0].range.start.line >= 0
        change(client, uri, 999, MORE)
        await diagnostics_for(client, uri, lambda d: any(x.code == "ARG101" for x in d))
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(MORE, "fumes--support", offset=1)))
        assert hover is not None

    session(maps, body)


def test_go_to_definition_and_references_cross_files(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        more = open_file(client, maps / "maps" / "more.yaml")
        root = (maps / "maps" / "map.yaml").as_uri()
        at = position_of(MORE, "fumes--support--thesis", offset=len("fumes--support--") + 1)
        found = await client.text_document_definition_async(types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=more), position=at))
        assert found == [types.Location(uri=root, range=types.Range(start=position_of(MAP, "thesis:"),
                                                                    end=position_of(MAP, "thesis:", offset=6)))]
        refs = await client.text_document_references_async(types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=more), position=at,
            context=types.ReferenceContext(include_declaration=False)))
        assert sorted((r.uri, r.range.start.line) for r in refs) == sorted([
            (root, position_of(MAP, "supports: thesis").line), (more, at.line)])

    session(maps, body)


def test_hover_shows_every_language_and_the_label(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "map.yaml")
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(MAP, "supports: thesis", offset=12)))
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        text = hover.contents.value
        assert "**thesis** · thesis" in text
        assert "- **en** Cities should tax cars by weight." in text
        assert "- **fr** Les villes devraient taxer les voitures au poids." in text
        assert "Grounded semantics: **" in text

    session(maps, body)


def test_rename_reaches_every_file_and_derived_ids(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "map.yaml")
        more = (maps / "maps" / "more.yaml").as_uri()
        at = position_of(MAP, "thesis:", offset=2)
        edit = await client.text_document_rename_async(types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=at, new_name="main-thesis"))
        assert edit is not None and edit.changes is not None
        assert len(edit.changes[uri]) == 2
        # `fumes--support--thesis` is renamed inside (only the part that names the thesis).
        assert [e.range.start for e in edit.changes[more]] == [position_of(MORE, "fumes--support--thesis", offset=16)]
        for name, why in (("fumes", "'fumes' is taken"), ("Main Thesis", "'Main Thesis' is not a valid id")):
            with pytest.raises(Exception, match=why):
                await client.text_document_rename_async(types.RenameParams(
                    text_document=types.TextDocumentIdentifier(uri=uri), position=at, new_name=name))

    session(maps, body)


def test_completion_offers_ids_nearest_first_with_their_text(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        text = MAP + "  new-point:\n    text: x\n    supports: "
        uri = open_file(client, maps / "maps" / "map.yaml", text)
        lines = text.splitlines()
        found = await client.text_document_completion_async(types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=len(lines) - 1, character=len(lines[-1]))))
        assert found is not None and not isinstance(found, list)
        labels = {item.label: item.detail for item in found.items}
        assert labels["thesis"] == "Cities should tax cars by weight."
        assert {"heavier-cars-wear-roads", "fumes", "tyres"} <= set(labels)

    session(maps, body)


def test_quick_fix_takes_the_suggested_id(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "more.yaml")
        found = await diagnostics_for(client, uri, lambda d: any(x.code == "ARG101" for x in d))
        dangling = next(d for d in found if d.code == "ARG101")
        offered = await fixes(client, uri, dangling)
        assert list(offered)[:2] == ["Change to 'thesis'", "Add a statement 'thesiss'"]
        fix = offered["Change to 'thesis'"]
        assert isinstance(fix, types.CodeAction) and fix.edit is not None and fix.edit.changes is not None
        assert list(fix.edit.changes[uri]) == [types.TextEdit(range=dangling.range, new_text="thesis")]

    session(maps, body)


def test_formatting_gives_fmt_layout(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        from argmap.fmt import format_text

        uri = open_file(client, maps / "maps" / "more.yaml")
        edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
        assert edits is not None and len(edits) == 1
        assert edits[0].new_text == format_text(MORE)

    session(maps, body)


def test_symbols_list_the_statements_of_the_file(maps: Path) -> None:
    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "map.yaml")
        found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        assert found is not None
        sections = {s.name: [c.name for c in (s.children or [])] for s in found if isinstance(s, types.DocumentSymbol)}
        assert sections == {"statements": ["thesis", "heavier-cars-wear-roads"]}


    session(maps, body)


def test_the_maps_own_configuration_applies_and_a_wrong_one_is_shown(maps: Path) -> None:
    config = maps / "maps" / ".argmap.yaml"
    config.write_text("rules:\n  dangling-reference: warning\n", encoding="utf-8")

    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "more.yaml")
        found = await diagnostics_for(client, uri, lambda d: any(x.code == "ARG101" for x in d))
        assert {d.severity for d in found if d.code == "ARG101"} == {types.DiagnosticSeverity.Warning}
        # The configuration is saved with a mistake: it is shown on its line, and the map is checked with
        # the defaults meanwhile.
        config.write_text("rules:\n  dangling-reference: loud\n", encoding="utf-8")
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
        [problem] = await diagnostics_for(client, config.as_uri(), lambda d: bool(d))
        assert problem.range.start == types.Position(line=1, character=2)
        assert "unknown severity 'loud'" in problem.message and "default settings" in problem.message
        await diagnostics_for(client, uri, lambda d: any(x.severity == types.DiagnosticSeverity.Error
                                                         for x in d if x.code == "ARG101"))

    session(maps, body)


def test_a_translation_left_behind_since_the_last_commit_is_noted(maps: Path) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=maps, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "maps")
    edited = MAP.replace("Heavier cars wear roads faster.", "Heavier cars wear roads much faster.")

    async def body(client: LanguageClient) -> None:
        uri = open_file(client, maps / "maps" / "map.yaml", edited)
        found = await diagnostics_for(client, uri, lambda d: any(x.severity == types.DiagnosticSeverity.Information
                                                                 for x in d))
        [note] = [d for d in found if d.severity == types.DiagnosticSeverity.Information]
        assert note.message == ("statement 'heavier-cars-wear-roads' text: changed in en but not in fr; that translation"
                                " may be out of date (since the last commit)")
        assert note.range.start == position_of(edited, "Heavier cars wear roads much")
        # Once the edit is committed (no file the editor watches changes), the note goes at the next check.
        (maps / "maps" / "map.yaml").write_text(edited, encoding="utf-8")
        git("commit", "-q", "-am", "faster")
        await asyncio.sleep(HEAD_LOOK + 0.5)
        change(client, uri, 2, edited)
        await diagnostics_for(client, uri, lambda d: not any(x.severity == types.DiagnosticSeverity.Information
                                                             for x in d))

    session(maps, body)
