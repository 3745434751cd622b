"""A real language-server session: `python -m argmap lsp` in its own process, a pytest-lsp client talking to it."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities, make_test_lsp_client

from tests.conftest import ROOT, write_tree

MAP = """\
argmap: 1
id: tiny
languages: [en, fr]
include: [more.yaml]
statements:
  thesis:
    role: thesis
    text: {en: Cities should tax cars by weight., fr: Les villes devraient taxer les voitures au poids.}
  heavier-cars-wear-roads:
    text:
      en: Heavier cars wear roads faster.
      fr: Les voitures lourdes usent plus vite les routes.
    supports: thesis
"""

MORE = """\
argmap: 1
statements:
  fumes:
    text: {en: Heavy cars pollute more., fr: Les voitures lourdes polluent plus.}
    supports: thesiss
  tyres:
    text: {en: Heavy cars shed more tyre dust.}
    attacks: fumes--support--thesis
"""

def make_client() -> LanguageClient:
    """pytest-lsp's client, which also accepts the server's registration of file watchers, as editors do."""
    client = make_test_lsp_client()
    client.registrations: list[types.Registration] = []  # type: ignore[misc]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    return client


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"], client_factory=make_client,
                            server_env={"PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(ROOT / ".venv" / "cache")})


def session(folder: Path, body: Callable[[LanguageClient], Awaitable[None]], options: dict | None = None) -> None:
    """Start the server, open a session rooted at ``folder`` (with the editor's initialization ``options``),
    run ``body`` with the client, and shut down.

    The session runs on its own event loop in its own thread: a test worker may already have a loop
    running in its main thread (Playwright's, for the browser tests), which pytest-asyncio would trip on.
    """
    failure: list[BaseException] = []

    async def run() -> None:
        client = await SERVER.start()
        assert isinstance(client, LanguageClient)
        try:
            await client.initialize_session(types.InitializeParams(
                capabilities=client_capabilities("visual-studio-code"),
                root_uri=folder.as_uri(), workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="maps")],
                initialization_options={"debounce": 0.0, **(options or {})}))
            await asyncio.wait_for(body(client), 120)
            await client.shutdown_session()
        finally:
            server = getattr(client, "_server", None)
            if server is not None and server.returncode is None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(server.wait(), 10)
            if server is not None and server.returncode is None:  # a failed test leaves no server behind
                server.kill()
            await client.stop()

    def thread() -> None:
        try:
            asyncio.run(run())
        except BaseException as error:
            failure.append(error)

    worker = threading.Thread(target=thread)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    write_tree(tmp_path, {"maps/map.yaml": MAP, "maps/more.yaml": MORE})
    return tmp_path


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="yaml", version=1, text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def diagnostics_for(client: LanguageClient, uri: str, until: Callable[[list[types.Diagnostic]], bool],
                          timeout: float = 30.0) -> list[types.Diagnostic]:
    """The diagnostics of ``uri`` once they meet ``until`` (waiting for each publication)."""
    async def wait() -> list[types.Diagnostic]:
        while True:
            found = client.diagnostics.get(uri)
            if found is not None and until(found):
                return found
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), timeout)


def position_of(text: str, needle: str, nth: int = 0, offset: int = 0) -> types.Position:
    """The position of the ``nth`` occurrence of ``needle`` in ``text`` (plus ``offset`` characters)."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index)
    return types.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


async def fixes(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> dict[str, types.CodeAction]:
    """The quick fixes the server offers for ``diagnostic``, by title."""
    found = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    assert found is not None
    return {a.title: a for a in found if isinstance(a, types.CodeAction)}
