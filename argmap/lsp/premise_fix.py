"""The quick fix for a premise role no premise plays (an enthymeme): the edits that list the analyst's new
statement in the argument's `premises:` and give it the role under `roles:`, whatever the YAML's style."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lsprotocol import types

from argmap.lsp.convert import character

if TYPE_CHECKING:
    import yaml
    from pygls.workspace.position_codec import PositionCodec

__all__ = ["premise_edits", "line_insert"]


def premise_edits(codec: PositionCodec, lines: list[str], argument: str, role: str,
                  new_id: str) -> list[types.TextEdit] | None:
    """Edits that add ``new_id`` to the premises of ``argument`` (under the file's `arguments:`) and name it
    for ``role``; None where the file's YAML has a shape these edits cannot follow safely."""
    import yaml

    try:
        root = yaml.compose("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    entry = _value(_value(root, "arguments"), argument)
    if not isinstance(entry, yaml.MappingNode) or not entry.value:
        return None
    premises, roles = _value(entry, "premises"), _value(entry, "roles")
    first = _edit(codec, lines, premises, new_id, None)
    second = (_append(codec, lines, entry, f"roles: {{{role}: {new_id}}}") if roles is None
              else _edit(codec, lines, roles, new_id, role))
    return None if first is None or second is None else [first, second]


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _point(codec: PositionCodec, lines: list[str], line: int, column: int) -> types.Range:
    here = types.Position(line=line, character=character(codec, lines, line, column))
    return types.Range(start=here, end=here)


def _after(node: yaml.Node) -> int:
    """The line after a block node's last line (a block collection's end mark is where the next token starts)."""
    import yaml

    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _after(last[1] if isinstance(last, tuple) else last)
    end = node.end_mark
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        return end.line
    return end.line if end.column == 0 else end.line + 1


def _edit(codec: PositionCodec, lines: list[str], node: yaml.Node | None, new_id: str,
          role: str | None) -> types.TextEdit | None:
    """``new_id`` added to a premise list (``role`` None: a scalar, a flow or a block sequence), or
    ``role: new_id`` to a `roles:` mapping (flow or block)."""
    import yaml

    if role is None and isinstance(node, yaml.ScalarNode) and not node.style \
            and node.end_mark.line == node.start_mark.line:
        start, end = node.start_mark, node.end_mark
        span = _point(codec, lines, start.line, start.column)
        span.end = _point(codec, lines, end.line, end.column).end
        return types.TextEdit(range=span, new_text=f"[{lines[start.line][start.column:end.column]}, {new_id}]")
    if not isinstance(node, yaml.SequenceNode if role is None else yaml.MappingNode):
        return None
    return _append(codec, lines, node, new_id if role is None else f"{role}: {new_id}")


def _append(codec: PositionCodec, lines: list[str], node: yaml.CollectionNode, item: str) -> types.TextEdit | None:
    """``item`` added at the end of a sequence or mapping node, flow (before its closing bracket) or block (a
    line of its own, indented as its first entry)."""
    import yaml

    if node.flow_style:
        end = node.end_mark
        if end.column < 1 or lines[end.line][end.column - 1:end.column] not in ("]", "}"):
            return None
        return types.TextEdit(range=_point(codec, lines, end.line, end.column - 1),
                              new_text=f", {item}" if node.value else item)
    if not node.value:
        return None
    first = node.value[0][0] if isinstance(node, yaml.MappingNode) else node
    prefix = "- " if isinstance(node, yaml.SequenceNode) else ""
    return line_insert(codec, lines, _after(node), f"{' ' * first.start_mark.column}{prefix}{item}\n")


def line_insert(codec: PositionCodec, lines: list[str], line: int, text: str) -> types.TextEdit:
    """``text`` (whole lines) inserted at the start of ``line``; past the last line of a file that does not
    end with a line break, after a line break added at its end."""
    if line < len(lines):
        return types.TextEdit(range=_point(codec, lines, line, 0), new_text=text)
    last = len(lines) - 1
    return types.TextEdit(range=_point(codec, lines, last, len(lines[last])), new_text="\n" + text.rstrip("\n"))
