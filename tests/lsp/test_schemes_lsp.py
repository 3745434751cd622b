"""Schemes in the editor, through a real client session: scheme names, roles and questions completed, a
scheme's card and an inference's questions on hover, a quick fix that raises an open question, and one that
adds an unsaid premise as the analyst's statement."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lsprotocol import types
from pytest_lsp import LanguageClient

from argmap.model import ArgumentMap
from tests.conftest import write_tree
from tests.lsp.conftest import change, diagnostics_for, fixes, open_file, position_of, session

SCHEMED = """\
argmap: 1
languages: [en, fr]
statements:
  thesis:
    role: thesis
    text: {en: Valuations are too high., fr: Les valorisations sont trop élevées.}
  quote:
    text: {en: The analyst says so., fr: L'analyste le dit.}
  record:
    text: {en: The analyst covers the sector., fr: L'analyste suit le secteur.}
  filings:
    text: {en: The figures come from filings., fr: Les chiffres viennent des rapports.}
    answers:
      expert: [evidence]
arguments:
  expert:
    premises: [quote, record]
    supports: thesis
    scheme: expert-opinion
    roles:
      assertion: quote
"""


def _run(folder: Path, body) -> None:
    """A session whose failure is raised once the server is shut down (a failure inside would leave the
    session waiting)."""
    failed: list[BaseException] = []

    async def guarded(client: LanguageClient) -> None:
        try:
            await body(client)
        except Exception as error:  # raised again below, once the server is shut down
            failed.append(error)

    session(folder, guarded)
    if failed:
        raise failed[0]


def _complete(client: LanguageClient, uri: str, text: str, version: int, at: types.Position | None = None):
    """Completion at ``at`` (default: the end) once the document holds ``text``."""
    change(client, uri, version, text)
    lines = text.splitlines()
    return client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=at or types.Position(line=len(lines) - 1, character=len(lines[-1]))))


def test_completion_offers_schemes_roles_inferences_and_questions(tmp_path: Path) -> None:
    write_tree(tmp_path, {"maps/map.yaml": SCHEMED})

    async def body(client: LanguageClient) -> None:
        uri = open_file(client, tmp_path / "maps" / "map.yaml")
        await diagnostics_for(client, uri, lambda d: bool(d))
        found = await _complete(client, uri, SCHEMED + "  other:\n    premises: [quote]\n    supports: thesis\n"
                                                       "    scheme: ", 2)
        labels = {item.label: item.detail for item in found.items}
        assert labels["expert-opinion"] == "Argument from expert opinion" and "position-to-know" in labels
        found = await _complete(client, uri, SCHEMED + "      ", 3)
        assert [item.label for item in found.items] == ["expertise"]  # `assertion` is given already
        assert found.items[0].detail == "E is an expert in a field D to which A belongs."
        text = SCHEMED.replace("[evidence]", "[evidence, ]")
        found = await _complete(client, uri, text, 4, position_of(text, "[evidence, ", offset=11))
        details = {item.label: item.detail for item in found.items}
        assert details["evidence"].startswith("assumption, answered: ")
        assert details["consistency"] == "exception, open: Do other experts of the field disagree with A?"
        text = SCHEMED.replace("arguments:", "  rival:\n    text: x\n    attacks: expert\n    raises: \narguments:")
        found = await _complete(client, uri, text, 5, position_of(text, "raises: ", offset=8))
        assert "consistency" in {item.label for item in found.items}

    _run(tmp_path, body)


def test_hover_shows_a_scheme_and_an_inference_s_questions(tmp_path: Path) -> None:
    write_tree(tmp_path, {"maps/map.yaml": SCHEMED})

    async def body(client: LanguageClient) -> None:
        uri = open_file(client, tmp_path / "maps" / "map.yaml")
        await diagnostics_for(client, uri, lambda d: bool(d))
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(SCHEMED, "expert-opinion", offset=3)))
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        assert "**expert-opinion** · Argument from expert opinion" in hover.contents.value
        assert "- `consistency` (exception): Do other experts of the field disagree with A?" in hover.contents.value
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(SCHEMED, "expert:", nth=1, offset=2)))
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        text = hover.contents.value
        assert "Scheme of `expert`: **Argument from expert opinion**" in text
        assert "- answered assumption `evidence`: Does E's claim rest on evidence that others could check? (filings)" in text
        assert "- open assumption `expertise`:" in text

    _run(tmp_path, body)


def test_a_quick_fix_raises_an_open_question_as_an_objection(tmp_path: Path) -> None:
    write_tree(tmp_path, {"maps/map.yaml": SCHEMED})

    async def body(client: LanguageClient) -> None:
        uri = open_file(client, tmp_path / "maps" / "map.yaml")
        found = await diagnostics_for(client, uri, lambda d: any(x.code == "ARG310" for x in d))
        question = next(d for d in found if d.code == "ARG310" and "'field'" in d.message)
        by_title = await fixes(client, uri, question)
        raised = by_title["Raise this question: add an objection that undercuts the inference"]
        assert raised.is_preferred and raised.edit is not None and raised.edit.changes is not None
        [edit] = raised.edit.changes[uri]
        assert edit.new_text == ("  expert-field:\n"
                                 '    text: "TODO: Does A lie within E\'s field of expertise, rather than beside it?"\n'
                                 "    attacks: expert\n    raises: field\n    by: analyst\n")
        assert edit.range.start == types.Position(line=SCHEMED[:SCHEMED.index("arguments:")].count("\n"), character=0)
        answered = by_title["Answer this question: add a statement that answers it"]
        assert "    answers: {expert: field}\n" in answered.edit.changes[uri][0].new_text
        # the objection, written in, raises the question: the finding is gone
        lines = SCHEMED.splitlines(keepends=True)
        fixed = "".join(lines[:edit.range.start.line]) + edit.new_text + "".join(lines[edit.range.start.line:])
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
        await diagnostics_for(client, uri, lambda d: not any("'field'" in x.message for x in d if x.code == "ARG310"))

    _run(tmp_path, body)


FLOW = """\
argmap: 1
statements: {t: {role: thesis, text: The plan is sound}, liar: {text: Its author lied, attacks: t, scheme: ad-hominem}}
"""


def test_the_quick_fix_writes_into_statements_written_in_flow_style(tmp_path: Path) -> None:
    # a second `statements:` key would be a duplicate key: the stub goes inside the flow mapping
    write_tree(tmp_path, {"maps/map.yaml": FLOW})

    async def body(client: LanguageClient) -> None:
        uri = open_file(client, tmp_path / "maps" / "map.yaml")
        found = await diagnostics_for(client, uri, lambda d: any(x.code == "ARG310" for x in d))
        question = next(d for d in found if d.code == "ARG310" and "'premise-supported'" in d.message)
        by_title = await fixes(client, uri, question)
        for title in ("Raise this question: add an objection that undercuts the inference",
                      "Answer this question: add a statement that answers it"):
            edit = by_title[title].edit
            assert edit is not None and edit.changes is not None
            [change_] = edit.changes[uri]
            assert (change_.range.start.line, change_.range.end.line) == (1, 2)
            lines = FLOW.splitlines(keepends=True)
            fixed = lines[0] + change_.new_text
            assert fixed.count("statements") == 1 and ", liar-premise-supported" in fixed
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2 + (title[0] == "A")),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
            after = await diagnostics_for(client, uri, lambda d: not any(
                "'premise-supported'" in x.message for x in d if x.code == "ARG310"))
            assert not [x for x in after if x.severity == types.DiagnosticSeverity.Error]

    _run(tmp_path, body)


def _applied(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with ``edits`` made (positions in characters: the test's texts are ASCII), as an editor does:
    each against the original text, inserts at one position in the order given."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def at(position: types.Position) -> int:
        return offsets[position.line] + position.character if position.line < len(lines) else len(text)

    out, done = [], 0
    for edit in sorted(edits, key=lambda e: at(e.range.start)):  # sorted() keeps the given order of ties
        out += [text[done:at(edit.range.start)], edit.new_text]
        done = at(edit.range.end)
    return "".join(out) + text[done:]


ENTHYMEMES = {
    "block": """\
argmap: 1
statements:
  t: {role: thesis, text: Demand will double}
  said: {text: The CEO said so}
arguments:
  ceo:
    premises:
      - said
    supports: t
    scheme: expert-opinion
  other:
    premises: said
    supports: t
""",
    "flow": """\
argmap: 1
statements: {t: {role: thesis, text: Demand will double}, said: {text: The CEO said so}}
arguments:
  ceo: {premises: [said], supports: t, scheme: expert-opinion, roles: {assertion: said}}
""",
    "scalar premise, block roles, last in the file": """\
argmap: 1
arguments:
  ceo:
    supports: t
    scheme: expert-opinion
    premises: said
    roles:
      assertion: said
statements:
  t: {role: thesis, text: Demand will double}
  said: {text: The CEO said so}""",
}


@pytest.mark.parametrize("source", list(ENTHYMEMES.values()), ids=list(ENTHYMEMES))
def test_a_quick_fix_adds_the_unsaid_premise_as_the_analysts_statement(tmp_path: Path, source: str) -> None:
    write_tree(tmp_path, {"maps/map.yaml": source})

    async def body(client: LanguageClient) -> None:
        uri = open_file(client, tmp_path / "maps" / "map.yaml")
        found = await diagnostics_for(client, uri, lambda d: any(x.code == "ARG309" for x in d))
        unsaid = next(d for d in found if d.code == "ARG309")
        by_title = await fixes(client, uri, unsaid)
        added = by_title["Add the unsaid premise 'expertise' as the analyst's statement"]
        assert added.is_preferred and added.edit is not None and added.edit.changes is not None
        fixed = _applied(source, added.edit.changes[uri])
        amap = ArgumentMap.from_data(yaml.safe_load(fixed))
        argument = amap.arguments["ceo"]
        assert argument.roles["expertise"] == "ceo-expertise" and "ceo-expertise" in argument.premises
        assert amap.statements["ceo-expertise"].by == "analyst"
        assert amap.statements["ceo-expertise"].text == "TODO: E is an expert in a field D to which A belongs."
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
        after = await diagnostics_for(client, uri, lambda d: not any(x.code == "ARG309" for x in d))
        assert not [x for x in after if x.severity == types.DiagnosticSeverity.Error]

    _run(tmp_path, body)
