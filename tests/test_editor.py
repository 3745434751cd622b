"""The JSON Schema in a real editor back end: yaml-language-server completes and validates a map."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT, needs_tool

SERVER = ROOT / ".venv" / "lsp" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
pytestmark = needs_tool(SERVER.exists() and shutil.which("node"),
                        "node and yaml-language-server (`make test` installs it when npm is present)")


class Client:
    """Just enough of the Language Server Protocol over stdio to open a file and ask questions."""

    def __init__(self, settings: dict) -> None:
        self.settings = settings
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def wait(self, matches, timeout: float = 30.0) -> dict:
        while True:
            message = self.messages.get(timeout=timeout)
            if "id" in message and "method" in message:  # a request from the server
                result = [self.settings.get(item.get("section"), None) for item in message["params"].get("items", [])] \
                    if message["method"] == "workspace/configuration" else None
                self.send({"id": message["id"], "result": result})
            elif matches(message):
                return message

    def request(self, method: str, params: dict) -> dict:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def editor():
    schema = (ROOT / "docs" / "argmap.schema.json").as_uri()
    settings = {"yaml": {"schemas": {schema: "*.yaml"}, "validate": True, "completion": True, "hover": True},
                "[yaml]": {}, "editor": {"tabSize": 2}, "files": {}, "http": {}}
    client = Client(settings)
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {
        "textDocument": {"completion": {"completionItem": {"snippetSupport": False}}, "publishDiagnostics": {}},
        "workspace": {"configuration": True}}})
    client.send({"method": "initialized", "params": {}})
    client.send({"method": "workspace/didChangeConfiguration", "params": {"settings": settings}})
    yield client
    client.close()


def open_document(client: Client, tmp_path: Path, text: str) -> tuple[str, list]:
    """Open a document and wait until the server has validated it (so its schema is loaded)."""
    uri = (tmp_path / "map.yaml").as_uri()
    client.send({"method": "textDocument/didOpen",
                 "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
    published = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    return uri, published["params"]["diagnostics"]


def labels(result: dict) -> set[str]:
    items = result["result"]["items"] if isinstance(result["result"], dict) else result["result"]
    return {item["label"] for item in items}


def test_completion_offers_statement_fields(editor, tmp_path):
    text = "argmap: 1\nstatements:\n  thesis:\n    role: thesis\n    text: T\n    \n"
    uri, problems = open_document(editor, tmp_path, text)
    result = editor.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 4}})
    assert problems == []
    assert {"supports", "attacks", "quotes", "group", "tags", "base"} <= labels(result)


def test_completion_offers_roles(editor, tmp_path):
    text = "argmap: 1\nstatements:\n  thesis:\n    text: T\n    role: \n"
    uri, _ = open_document(editor, tmp_path, text)
    result = editor.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 10}})
    assert {"thesis", "claim", "evidence"} <= labels(result)


def test_typos_are_flagged_while_typing(editor, tmp_path):
    text = "argmap: 1\nstatements:\n  thesis:\n    text: T\n    support: [a]\n  Bad_Id: {text: X}\n"
    _, problems = open_document(editor, tmp_path, text)
    lines = sorted(d["range"]["start"]["line"] for d in problems)
    assert 4 in lines and 5 in lines, problems
