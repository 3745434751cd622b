"""Quick fixes for the findings that have one: the "did you mean" target, a new statement for a dangling id,
a stub for a missing translation, `by: analyst`, an objection that raises (or a statement that answers) an
open critical question, the analyst's statement for an unsaid premise; and the file's canonical layout (`argmap fmt`)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from argmap.lsp.analysis import Analysis
from argmap.lsp.convert import character, server_column, uri_of
from argmap.lsp.server import ArgmapServer, guarded

if TYPE_CHECKING:
    from pygls.workspace.position_codec import PositionCodec

__all__ = ["register"]

_MEANT = re.compile(r"did you mean '([a-z0-9-]+)'\?")
_DANGLING = re.compile(r"^(?:[\w ]+?) '([a-z0-9]+(?:-[a-z0-9]+)*)' is not defined")
_MISSING = re.compile(r"^statement '([a-z0-9-]+)' has no text in (.+)$")
_UNQUOTED = re.compile(r"^'([a-z0-9-]+)' is presented as the author's")
_UNSAID = re.compile(r"^'([a-z0-9-]+)' \([a-z0-9-]+\) has no premise for role '([a-z0-9-]+)'")
_KEY = re.compile(r"^(\s*)([a-z0-9-]+)\s*:")


def register(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.Source]))
    @guarded(server, "code actions", [])
    def actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        from argmap.lsp.features.formatting import canonical_edit

        path = ls.path(params.text_document.uri)
        if path is None:
            return []
        lines = ls.lines(path)
        found: list[types.CodeAction] = []
        analysis = ls.analysis(path)
        for diagnostic in params.context.diagnostics:
            if diagnostic.source == "argmap":
                found += _fixes(ls, analysis, path, lines, diagnostic)
        edit = canonical_edit(ls.documents.text(path) or "", path.name)
        if isinstance(edit, list) and edit:
            found.append(types.CodeAction(title="Lay the file out canonically (argmap fmt)",
                                          kind=types.CodeActionKind.Source,
                                          edit=types.WorkspaceEdit(changes={params.text_document.uri: edit})))
        return found


def _action(title: str, path: Path, edits: list[types.TextEdit], diagnostic: types.Diagnostic,
            preferred: bool = False) -> types.CodeAction:
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                            is_preferred=preferred or None, edit=types.WorkspaceEdit(changes={uri_of(path): edits}))


def _fixes(server: ArgmapServer, analysis: Analysis, path: Path, lines: list[str],
           diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    codec = server.workspace.position_codec
    code, message = diagnostic.code, diagnostic.message
    found = []
    if code == "ARG101":
        meant = _MEANT.search(message)
        if meant is not None:
            found.append(_action(f"Change to '{meant[1]}'", path, [types.TextEdit(range=diagnostic.range,
                                                                                  new_text=meant[1])],
                                 diagnostic, preferred=True))
        dangling = _DANGLING.match(message)
        if dangling is not None:
            insert = _new_statement(codec, lines, dangling[1])
            if insert is not None:
                found.append(_action(f"Add a statement '{dangling[1]}'", path, [insert], diagnostic))
    elif code == "ARG308":
        unquoted = _UNQUOTED.match(message)
        line, _ = server_column(codec, lines, diagnostic.range.start)
        edit = _add_field(codec, lines, line - 1, "by: analyst") if unquoted else None
        if edit is not None:
            found.append(_action("Mark it as the analyst's (by: analyst)", path, [edit], diagnostic))
    elif code == "ARG309":
        found += _unsaid_premise(server, analysis, path, lines, diagnostic)
    elif code == "ARG310":
        found += _question_stubs(server, analysis, path, lines, diagnostic)
    elif code == "ARG301":
        missing = _MISSING.match(message)
        amap = analysis.checked.amap
        if missing is not None and amap is not None and missing[1] in amap.statements:
            line, _ = server_column(codec, lines, diagnostic.range.start)
            text = amap.statements[missing[1]].text
            stub = _translation_stub(codec, lines, _text_line(lines, line - 1), text, [m.strip() for m in missing[2].split(",")],
                                     amap.languages[0])
            if stub is not None:
                found.append(_action(f"Add a stub translation in {missing[2]}", path, stub, diagnostic))
    return found


def _question_stubs(server: ArgmapServer, analysis: Analysis, path: Path, lines: list[str],
                    diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    """For an open critical question: a stub objection that raises it, and a stub statement that answers it."""
    from argmap.lsp.schemes import stub

    found = []
    for raise_it, title in ((True, "Raise this question: add an objection that undercuts the inference"),
                            (False, "Answer this question: add a statement that answers it")):
        made = stub(analysis, diagnostic.message, raise_it)
        if made is not None:
            insert = _new_statement(server.workspace.position_codec, lines, made[0], made[1])
            if insert is not None:
                found.append(_action(title, path, [insert], diagnostic, preferred=raise_it))
    return found


def _unsaid_premise(server: ArgmapServer, analysis: Analysis, path: Path, lines: list[str],
                    diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    """For a premise role no premise of an argument plays: the analyst's statement, its text the role's pattern
    in the map's language, listed in the argument's `premises:` and named under `roles:`."""
    from argmap.lsp.premise_fix import premise_edits
    from argmap.lsp.schemes import free_id
    from argmap.schemes import text_of

    found, amap = _UNSAID.match(diagnostic.message), analysis.checked.amap
    if found is None or amap is None or found[1] not in amap.arguments:
        return []  # a one-premise relation becomes an argument first: the finding says how
    argument, role = found[1], found[2]
    spec = analysis.config.schemes.get(amap.arguments[argument].scheme)
    if spec is None or role not in spec.roles:
        return []
    codec, new_id = server.workspace.position_codec, free_id(amap, f"{argument}-{role}")
    said = json.dumps(f"TODO: {text_of(spec.roles[role], amap.languages[0])}", ensure_ascii=False)
    edits = premise_edits(codec, lines, argument, role, new_id)
    insert = _new_statement(codec, lines, new_id, f"text: {said}\nby: analyst\n")
    if edits is None or insert is None:
        return []
    return [_action(f"Add the unsaid premise '{role}' as the analyst's statement", path, [*edits, insert], diagnostic,
                    preferred=True)]


def _at(codec: PositionCodec, lines: list[str], line: int, column: int) -> types.Position:
    return types.Position(line=line, character=character(codec, lines, line, column))


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _end_of_block(lines: list[str], start: int) -> int:
    base = _indent(lines[start])
    end = start
    for number in range(start + 1, len(lines)):
        text = lines[number]
        if text.strip() and not text.lstrip().startswith("#") and _indent(text) <= base:
            break
        if text.strip():
            end = number
    return end


def _new_statement(codec: PositionCodec, lines: list[str], name: str, body: str = "text: TODO\n") -> types.TextEdit | None:
    """A statement ``name`` (its fields ``body``, one a line) added at the end of the file's ``statements:``
    (which is added if absent)."""
    from argmap.lsp.premise_fix import line_insert

    header = next((i for i, text in enumerate(lines) if re.match(r"^statements\s*:\s*(#.*)?$", text)), None)
    if header is None and any(re.match(r"^[\"']?statements[\"']?\s*:", text) for text in lines):
        return _into_flow(lines, name, body)  # `statements: {...}` on one line; another shape gets no edit
    if header is None:
        at = types.Position(line=len(lines), character=0)
        prefix = "" if not lines or not lines[-1] else "\n"
        fields = "".join(f"    {line}\n" for line in body.splitlines())
        return types.TextEdit(range=types.Range(start=at, end=at), new_text=f"{prefix}statements:\n  {name}:\n{fields}")
    end = _end_of_block(lines, header)
    children = [_indent(t) for t in lines[header + 1:end + 1] if t.strip() and not t.lstrip().startswith("#")]
    step = children[0] if children else 2
    fields = "".join(f"{' ' * (step * 2)}{line}\n" for line in body.splitlines())
    return line_insert(codec, lines, end + 1, f"{' ' * step}{name}:\n{fields}")


def _into_flow(lines: list[str], name: str, body: str) -> types.TextEdit | None:
    """A statement added inside a one-line flow mapping ``statements: {...}``, its fields in flow style; None
    when ``statements:`` has any other shape (a second ``statements:`` key would break the map)."""
    import yaml

    number = next(i for i, text in enumerate(lines) if re.match(r"^[\"']?statements[\"']?\s*:", text))
    text = lines[number]
    try:
        value = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    node = value.value[0][1] if isinstance(value, yaml.MappingNode) and len(value.value) == 1 else None
    if not isinstance(node, yaml.MappingNode) or not node.flow_style or node.end_mark.line != 0:
        return None
    close = node.end_mark.column - 1  # the closing brace
    fields = ", ".join(line for line in body.splitlines())
    added = f"{', ' if node.value else ''}{name}: {{{fields}}}"
    line = types.Position(line=number, character=0)
    return types.TextEdit(range=types.Range(start=line, end=types.Position(line=number + 1, character=0)),
                          new_text=text[:close] + added + text[close:] + ("" if text.endswith("\n") else "\n"))


def _add_field(codec: PositionCodec, lines: list[str], line: int, field: str) -> types.TextEdit | None:
    """``field`` added to the mapping whose key is on ``line`` (block style), or inside its braces (flow)."""
    text = lines[line] if 0 <= line < len(lines) else ""
    key = _KEY.match(text)
    if key is None:
        return None
    rest = text[key.end():].split("#")[0].rstrip()
    if rest.strip().startswith("{") and rest.endswith("}"):
        close = len(text[:key.end()]) + len(rest) - 1
        at = _at(codec, lines, line, close)
        return types.TextEdit(range=types.Range(start=at, end=at), new_text=f", {field}")
    end = _end_of_block(lines, line)
    body = [_indent(t) for t in lines[line + 1:end + 1] if t.strip()]
    indent = body[0] if body else _indent(text) + 2
    at = types.Position(line=line + 1, character=0)
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=f"{' ' * indent}{field}\n")


def _text_line(lines: list[str], line: int) -> int:
    """The line of the `text:` key that holds ``line``: a finding on a block of languages is on its first one."""
    current = lines[line] if 0 <= line < len(lines) else ""
    if re.match(r"^\s*text\s*:", current):
        return line
    indent = _indent(current)
    for number in range(line - 1, -1, -1):
        text = lines[number]
        if text.strip() and not text.lstrip().startswith("#") and _indent(text) < indent:
            return number if re.match(r"^\s*text\s*:\s*(#.*)?$", text) else line
    return line


def _translation_stub(codec: PositionCodec, lines: list[str], line: int, text: object, missing: list[str],
                      default: str) -> list[types.TextEdit] | None:
    """Texts for the ``missing`` languages, each the default language's text marked to be translated."""
    source = str(text.get(default) or next(iter(text.values()))) if isinstance(text, dict) else str(text)
    stubs = {lang: f"TODO({lang}): {source}" for lang in missing}
    current = lines[line] if 0 <= line < len(lines) else ""
    value = re.match(r"^(\s*)text\s*:\s*", current)
    if value is None:
        return None
    rest = current[value.end():].split(" #")[0].rstrip()
    if isinstance(text, dict) and not rest:  # a block mapping of languages: a line for each
        end = _end_of_block(lines, line)
        body = [_indent(t) for t in lines[line + 1:end + 1] if t.strip()]
        indent = body[0] if body else _indent(current) + 2
        at = types.Position(line=end + 1, character=0)
        added = "".join(f"{' ' * indent}{lang}: {json.dumps(stub, ensure_ascii=False)}\n" for lang, stub in stubs.items())
        return [types.TextEdit(range=types.Range(start=at, end=at), new_text=added)]
    if isinstance(text, dict) and rest.startswith("{") and rest.endswith("}"):
        close = value.end() + len(rest) - 1
        at = _at(codec, lines, line, close)
        added = "".join(f", {lang}: {json.dumps(stub, ensure_ascii=False)}" for lang, stub in stubs.items())
        return [types.TextEdit(range=types.Range(start=at, end=at), new_text=added)]
    if isinstance(text, str) and rest and not rest.startswith(("|", ">")):
        whole = {default: text, **stubs}
        flow = "{" + ", ".join(f"{lang}: {json.dumps(t, ensure_ascii=False)}" for lang, t in whole.items()) + "}"
        begin = _at(codec, lines, line, value.end())
        finish = _at(codec, lines, line, value.end() + len(rest))
        return [types.TextEdit(range=types.Range(start=begin, end=finish), new_text=flow)]
    return None
