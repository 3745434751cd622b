"""Every feature of the language server on a map with sources, groups, a question, expectations and an include:
a real server process and client session, each answer checked against the map."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.conftest import write_tree
from tests.lsp.conftest import change, diagnostics_for, fixes, open_file, position_of, session

ROOT_MAP = """\
argmap: 1
id: roads
kind: reconstruction
languages: [en, fr]
include: [parts/more.yaml]
sources:
  op-ed: {title: An op-ed on roads, path: op-ed.txt}
groups:
  costs: {label: {en: What roads cost, fr: Ce que coûtent les routes}}
question:
  text: {en: Should cities tax cars by weight?, fr: Les villes doivent-elles taxer les voitures au poids ?}
  answers: [thesis]
statements:
  thesis:
    role: thesis
    text: {en: Cities should tax cars by weight., fr: Les villes devraient taxer les voitures au poids.}
    quotes: [{source: op-ed, text: tax cars by their weight}]
  wear:
    text: {en: Heavier cars wear roads faster., fr: Les voitures lourdes usent plus vite les routes.}
    group: costs
    quotes: [{source: op-ed, text: Heavy cars wear roads}]
  repairs:
    text: {en: Cities pay for repairs.}
    group: costs
    quotes: [{source: op-ed, text: cities pay for the repairs}]
arguments:
  cost:
    premises: [wear, repairs]
    supports: thesis
    by: analyst
expect:
  - {select: {group: costs}, each: {reaches: thesis}}
"""

MORE = """\
argmap: 1
statements:
  fumes:
    text: {en: Heavy cars pollute more., fr: Les voitures lourdes polluent plus.}
    supports: thesis
    quotes: [{source: op-ed, text: Heavy cars pollute more than light ones}]
  guess:
    text: {en: Drivers would buy lighter cars., fr: Les conducteurs achèteraient des voitures plus légères.}
    supports: thesis
"""

OP_ED = ("A long op-ed. " * 40 + "Cities should tax cars by their weight. Heavy cars wear roads, and cities pay for "
         "the repairs. Heavy cars pollute more. " + "More words on other things. " * 40 + "\n")


@pytest.fixture
def roads(tmp_path: Path) -> Path:
    write_tree(tmp_path, {"roads/map.yaml": ROOT_MAP, "roads/parts/more.yaml": MORE, "roads/op-ed.txt": OP_ED})
    return tmp_path


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def offset(text: str, at: types.Position) -> int:
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:at.line]) + at.character


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with the protocol's edits made (the texts here are in the Basic Multilingual Plane)."""
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(text, edit.range.start)] + edit.new_text + text[offset(text, edit.range.end):]
    return text


def codes(found: list[types.Diagnostic]) -> list[tuple[str | int | None, int]]:
    return sorted((str(d.code), d.range.start.line) for d in found)


async def opened(client: LanguageClient, folder: Path, code: str) -> tuple[str, str, list[types.Diagnostic]]:
    """The roads map's include and root opened: their uris, and the include's findings once ``code`` is among them."""
    more = open_file(client, folder / "parts" / "more.yaml")
    root = open_file(client, folder / "map.yaml")
    return more, root, await diagnostics_for(client, more, lambda d: any(x.code == code for x in d))


def test_findings_follow_another_file_of_the_map_and_its_source_text(roads: Path) -> None:
    folder = roads / "roads"

    async def body(client: LanguageClient) -> None:
        more, root, found = await opened(client, folder, "ARG302")
        # An unverified quote is shown on the quote, in the include that holds it.
        [quote] = [d for d in found if d.code == "ARG302"]
        assert quote.message.startswith("quote of 'fumes' is not in source 'op-ed'")
        assert quote.range.start == position_of(MORE, "Heavy cars pollute more than")
        assert ("ARG304", position_of(MORE, "guess:").line) in codes(found)
        # Evidence for 'guess' added in the root file: the include's finding about 'guess' goes.
        evidence = ROOT_MAP.replace("arguments:\n", "  survey: {role: evidence, text: A survey says so., by: analyst,"
                                                   " supports: guess}\narguments:\n")
        change(client, root, 2, evidence)
        guess = position_of(MORE, "guess:").line
        await diagnostics_for(client, more, lambda d: ("ARG304", guess) not in codes(d))
        # The source text now holds the quote: once the editor says the file changed, the finding goes.
        (folder / "op-ed.txt").write_text(OP_ED.replace("pollute more.", "pollute more than light ones."),
                                          encoding="utf-8")
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=(folder / "op-ed.txt").as_uri(), type=types.FileChangeType.Changed)]))
        await diagnostics_for(client, more, lambda d: not any(x.code == "ARG302" for x in d))
        assert not [d for d in client.diagnostics[root] if d.severity == types.DiagnosticSeverity.Error]

    session(roads, body)


def test_definition_from_every_kind_of_reference(roads: Path) -> None:
    folder = roads / "roads"
    (folder / ".argmap.yaml").write_text("rules:\n  ARG304: error\n  missing-translation: off\n", encoding="utf-8")

    async def body(client: LanguageClient) -> None:
        root = open_file(client, folder / "map.yaml")
        more = (folder / "parts" / "more.yaml").as_uri()

        async def target(uri: str, text: str, needle: str, nth: int = 0, at: int = 1) -> tuple[str, int, int]:
            found = await client.text_document_definition_async(types.DefinitionParams(
                text_document=doc(uri), position=position_of(text, needle, nth, at)))
            assert isinstance(found, list) and len(found) == 1, (needle, found)
            return found[0].uri, found[0].range.start.line, found[0].range.start.character

        def defined(needle: str) -> tuple[str, int, int]:
            place = position_of(ROOT_MAP, needle)
            return root, place.line, place.character

        assert await target(root, ROOT_MAP, "wear, repairs") == defined("wear:")  # a premise
        assert await target(root, ROOT_MAP, "repairs]", at=2) == defined("repairs:")
        assert await target(root, ROOT_MAP, "thesis]") == defined("thesis:")  # the question's answer
        assert await target(root, ROOT_MAP, "costs\n", nth=0) == defined("costs:")  # a statement's group
        assert await target(root, ROOT_MAP, "costs}, each") == defined("costs:")  # an expectation's selector
        assert await target(root, ROOT_MAP, "thesis}}") == defined("thesis:")  # an expectation's target
        assert await target(root, ROOT_MAP, "op-ed, text: tax") == defined("op-ed:")  # a source name
        assert await target(root, ROOT_MAP, "parts/more.yaml", at=6) == (more, 0, 0)  # an include path
        # A rule, by code or by name, in the configuration leads to its section of the catalogue.
        config = open_file(client, folder / ".argmap.yaml")
        config_text = (folder / ".argmap.yaml").read_text(encoding="utf-8")
        for needle in ("ARG304", "missing-translation"):
            uri, line, _ = await target(config, config_text, needle, at=3)
            lines = Path(uri.removeprefix("file://")).read_text(encoding="utf-8").splitlines()
            code = "ARG304" if needle == "ARG304" else "ARG301"
            assert lines[line].startswith("#") and code in lines[line], (needle, lines[line])

    session(roads, body)


def test_rename_a_source_in_every_file_of_the_map(roads: Path) -> None:
    folder = roads / "roads"

    async def body(client: LanguageClient) -> None:
        root = open_file(client, folder / "map.yaml")
        more = (folder / "parts" / "more.yaml").as_uri()
        edit = await client.text_document_rename_async(types.RenameParams(
            text_document=doc(root), position=position_of(ROOT_MAP, "op-ed:", offset=1), new_name="the-op-ed"))
        assert edit is not None and edit.changes is not None
        renamed = apply(ROOT_MAP, list(edit.changes[root]))
        assert renamed == ROOT_MAP.replace("op-ed: {", "the-op-ed: {").replace("source: op-ed", "source: the-op-ed")
        assert apply(MORE, list(edit.changes[more])) == MORE.replace("source: op-ed", "source: the-op-ed")
        with pytest.raises(Exception, match="'Op Ed' is not a valid id"):
            await client.text_document_rename_async(types.RenameParams(
                text_document=doc(root), position=position_of(ROOT_MAP, "source: op-ed", offset=9), new_name="Op Ed"))

    session(roads, body)


def test_hover_shows_the_quotes_and_who_says_it(roads: Path) -> None:
    folder = roads / "roads"

    async def body(client: LanguageClient) -> None:
        root = open_file(client, folder / "map.yaml")

        async def hover(needle: str, at: int = 1) -> str:
            found = await client.text_document_hover_async(types.HoverParams(
                text_document=doc(root), position=position_of(ROOT_MAP, needle, offset=at)))
            assert found is not None and isinstance(found.contents, types.MarkupContent)
            return found.contents.value

        text = await hover("wear, repairs")
        assert text.startswith("**wear** · claim\n")
        assert "Quotes:\n- op-ed: “Heavy cars wear roads”" in text
        assert "- **fr** Les voitures lourdes usent plus vite les routes." in text
        assert "Grounded semantics: **" in text
        assert (await hover("cost:")).startswith("**cost** · argument: wear, repairs supports thesis · the analyst's")
        assert "- title: An op-ed on roads" in await hover("op-ed, text: tax")
        assert (await hover("costs\n")).startswith("**costs** · group of 2")

    session(roads, body)


def test_completion_offers_what_goes_at_each_place(roads: Path) -> None:
    folder = roads / "roads"
    (folder / ".argmap.yaml").write_text("rules:\n  thesis-count:\n    \n", encoding="utf-8")

    async def body(client: LanguageClient) -> None:
        async def offered(uri: str, text: str, at: types.Position) -> list[types.CompletionItem]:
            found = await client.text_document_completion_async(types.CompletionParams(
                text_document=doc(uri), position=at))
            assert isinstance(found, types.CompletionList)
            return sorted(found.items, key=lambda item: item.sort_text or item.label)

        def end_of(text: str, needle: str) -> types.Position:
            return position_of(text, needle, offset=len(needle))

        def labels(items: list[types.CompletionItem]) -> list[str]:
            return [item.label for item in items]

        # Ids for a new statement's support: nearest in the graph first.
        draft = MORE + "  lighter:\n    text: Lighter cars are safer.\n    supports: guess\n  other:\n    text: x\n" \
                       "    supports: \n"
        more = open_file(client, folder / "parts" / "more.yaml", draft)
        ids = labels(await offered(more, draft, end_of(draft, "other:\n    text: x\n    supports: ")))
        assert set(ids) >= {"thesis", "wear", "repairs", "fumes", "guess", "lighter", "cost"} and "other" not in ids
        # In a statement written as a flow mapping too.
        flow = draft + "  third: {text: z, supports: [lighter, "
        change(client, more, 2, flow)
        assert set(labels(await offered(more, flow, end_of(flow, "supports: [lighter, ")))) >= {"thesis", "guess"}
        nearest = labels(await offered(more, draft, end_of(draft, "safer.\n    supports: ")))
        assert nearest[0] == "guess" and nearest.index("thesis") < nearest.index("wear"), nearest
        # Sources, roles, languages, keys of a statement.
        draft = ROOT_MAP.replace("arguments:\n", "  new:\n    role: \n    quotes: [{source: \narguments:\n")
        root = open_file(client, folder / "map.yaml", draft)
        assert labels(await offered(root, draft, end_of(draft, "{source: "))) == ["op-ed"]
        assert labels(await offered(root, draft, end_of(draft, "new:\n    role: "))) == ["thesis", "claim", "evidence"]
        draft2 = ROOT_MAP.replace("arguments:\n", "  new:\n    text:\n      \narguments:\n")
        change(client, root, 2, draft2)
        assert labels(await offered(root, draft2, end_of(draft2, "new:\n    text:\n      "))) == ["en", "fr"]
        draft3 = ROOT_MAP.replace("arguments:\n", "  new:\n    \narguments:\n")
        change(client, root, 3, draft3)
        keys = labels(await offered(root, draft3, end_of(draft3, "new:\n    ")))
        assert {"supports", "attacks", "concedes", "quotes", "by", "role", "text"} <= set(keys)
        # The configuration: settings, rule codes, and a rule's options.
        config_text = "rules:\n  thesis-count:\n    \n"
        config = open_file(client, folder / ".argmap.yaml", config_text)
        options = labels(await offered(config, config_text, end_of(config_text, "thesis-count:\n    ")))
        assert options[0] == "severity" and "max" in options
        codes_text = "rules:\n  \n"
        change(client, config, 2, codes_text)
        rules = labels(await offered(config, codes_text, end_of(codes_text, "rules:\n  ")))
        assert {"ARG101", "ARG304", "ARG308"} <= set(rules)

    session(roads, body)


def test_quick_fixes_make_their_finding_go(roads: Path) -> None:
    folder = roads / "roads"

    async def body(client: LanguageClient) -> None:
        more, root, found = await opened(client, folder, "ARG308")
        # `by: analyst` on a statement the sources do not say.
        [unquoted] = [d for d in found if d.code == "ARG308"]
        actions = await fixes(client, more, unquoted)
        fix = actions["Mark it as the analyst's (by: analyst)"]
        assert fix.edit is not None and fix.edit.changes is not None
        fixed = apply(MORE, list(fix.edit.changes[more]))
        assert "  guess:\n    by: analyst\n    text:" in fixed
        # The file's canonical layout is offered as a source action beside the fixes.
        assert "Lay the file out canonically (argmap fmt)" in actions
        change(client, more, 2, fixed)
        await diagnostics_for(client, more, lambda d: not any(x.code == "ARG308" for x in d))
        # A stub translation for a text in one language only (the flow mapping stays one).
        found = await diagnostics_for(client, root, lambda d: any(x.code == "ARG301" for x in d))
        [missing] = [d for d in found if d.code == "ARG301"]
        assert missing.message == "statement 'repairs' has no text in fr"
        actions = await fixes(client, root, missing)
        fix = actions["Add a stub translation in fr"]
        assert fix.edit is not None and fix.edit.changes is not None
        stubbed = apply(ROOT_MAP, list(fix.edit.changes[root]))
        assert '    text: {en: Cities pay for repairs., fr: "TODO(fr): Cities pay for repairs."}\n' in stubbed
        change(client, root, 2, stubbed)
        await diagnostics_for(client, root, lambda d: not any(x.code == "ARG301" for x in d))
        # A new statement for a dangling id: the map then checks without the dangling reference.
        dangling = fixed.replace("supports: thesis\n    quotes", "supports: pollution-kills\n    quotes")
        change(client, more, 3, dangling)
        found = await diagnostics_for(client, more, lambda d: any(x.code == "ARG101" for x in d))
        [missing_id] = [d for d in found if d.code == "ARG101"]
        fix = (await fixes(client, more, missing_id))["Add a statement 'pollution-kills'"]
        assert fix.edit is not None and fix.edit.changes is not None
        added = apply(dangling, list(fix.edit.changes[more]))
        assert added.endswith("  pollution-kills:\n    text: TODO\n")
        change(client, more, 4, added)
        await diagnostics_for(client, more, lambda d: not any(x.code == "ARG101" for x in d))

    session(roads, body)


def test_a_block_text_gets_a_line_for_each_missing_language(roads: Path) -> None:
    folder = roads / "roads"
    block = ROOT_MAP.replace("    text: {en: Cities pay for repairs.}\n", "    text:\n      en: Cities pay for repairs.\n")

    async def body(client: LanguageClient) -> None:
        root = open_file(client, folder / "map.yaml", block)
        found = await diagnostics_for(client, root, lambda d: any(x.code == "ARG301" for x in d))
        [missing] = [d for d in found if d.code == "ARG301"]
        offered = await fixes(client, root, missing)
        assert "Add a stub translation in fr" in offered, (missing, list(offered))
        fix = offered["Add a stub translation in fr"]
        assert fix.edit is not None and fix.edit.changes is not None
        stubbed = apply(block, list(fix.edit.changes[root]))
        assert '      en: Cities pay for repairs.\n      fr: "TODO(fr): Cities pay for repairs."\n' in stubbed

    session(roads, body)


@pytest.mark.parametrize("labels", [False, True])
def test_inlay_hints_show_the_start_of_each_referenced_text(roads: Path, labels: bool) -> None:
    folder = roads / "roads"

    async def body(client: LanguageClient) -> None:
        more = open_file(client, folder / "parts" / "more.yaml")
        found = await client.text_document_inlay_hint_async(types.InlayHintParams(
            text_document=doc(more), range=types.Range(start=types.Position(line=0, character=0),
                                                         end=types.Position(line=20, character=0))))
        assert found is not None
        hints = sorted((h.position.line, h.position.character, h.label) for h in found)
        after = position_of(MORE, "supports: thesis", offset=len("supports: thesis"))
        expected = "Cities should tax cars by weigh…"  # the thesis's text, cut at 32 characters
        if labels:
            assert [h[2] for h in hints] == [expected + " [IN]", expected + " [IN]"], hints
        else:
            assert hints[0] == (after.line, after.character, expected)
        assert len(hints) == 2  # one for each `supports: thesis`; none on the ids defined here

    session(roads, body, {"evaluationHints": labels})


def test_symbols_of_a_file_and_of_the_workspace_and_folding(roads: Path) -> None:
    folder = roads / "roads"

    async def body(client: LanguageClient) -> None:
        root = open_file(client, folder / "map.yaml")
        found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(root)))
        assert found is not None
        sections = {s.name: [c.name for c in (s.children or [])] for s in found if isinstance(s, types.DocumentSymbol)}
        assert sections == {"sources": ["op-ed"], "groups": ["costs"], "statements": ["thesis", "wear", "repairs"],
                            "arguments": ["cost"], "question": []}
        (roads / "ci.yaml").write_text("sources:\n  not-a-map-entry: {}\n", encoding="utf-8")
        ci = open_file(client, roads / "ci.yaml")  # YAML that is no map: none of its keys is a symbol, or an id
        entry = types.Position(line=1, character=4)
        assert await client.text_document_hover_async(types.HoverParams(text_document=doc(ci), position=entry)) is None
        assert await client.text_document_rename_async(types.RenameParams(
            text_document=doc(ci), position=entry, new_name="renamed")) is None
        everywhere = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="e"))
        assert everywhere is not None
        named = {(s.name, s.location.uri.rsplit("/", 1)[-1]) for s in everywhere if isinstance(s, types.SymbolInformation)}
        assert {("thesis", "map.yaml"), ("fumes", "more.yaml"), ("guess", "more.yaml"), ("op-ed", "map.yaml")} <= named
        assert all("e" in name for name, _ in named) and not any(where == "ci.yaml" for _, where in named)
        folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc(root)))
        assert folds is not None
        spans = {(f.start_line, f.end_line) for f in folds}
        statements = position_of(ROOT_MAP, "statements:").line
        assert (statements, position_of(ROOT_MAP, "arguments:").line - 1) in spans
        thesis = position_of(ROOT_MAP, "  thesis:").line
        assert (thesis, thesis + 3) in spans

    session(roads, body)


def test_a_rename_is_refused_while_a_file_of_the_map_cannot_be_read(roads: Path) -> None:
    folder = roads / "roads"

    async def body(client: LanguageClient) -> None:
        root = open_file(client, folder / "map.yaml")
        more = open_file(client, folder / "parts" / "more.yaml", MORE + "  half: {text: [unclosed\n")
        await diagnostics_for(client, more, lambda d: any(x.code == "ARG001" for x in d))
        at = position_of(ROOT_MAP, "thesis:", offset=1)
        # The include's references to the thesis cannot be seen: renaming now would leave them dangling.
        with pytest.raises(Exception, match=r"parts/more\.yaml cannot be read yet"):
            await client.text_document_rename_async(types.RenameParams(
                text_document=doc(root), position=at, new_name="main-thesis"))
        change(client, more, 2, MORE)
        await diagnostics_for(client, more, lambda d: not any(x.code == "ARG001" for x in d))
        edit = await client.text_document_rename_async(types.RenameParams(
            text_document=doc(root), position=at, new_name="main-thesis"))
        assert edit is not None and edit.changes is not None and len(edit.changes[more]) == 2

    session(roads, body)
