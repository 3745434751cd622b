"""The formatter's view of a YAML file: scalars, aliases, collections and their entries, with the comments
and blank lines that the data leaves out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

__all__ = ["BLANK", "MODELINE", "Scalar", "Alias", "Collection", "Entry", "Node", "Document", "Unsupported"]

BLANK = ""
"""A blank line among the lines before an entry (the others are comments, which start with '#')."""
MODELINE = "# yaml-language-server:"
"""How the comment starts that tells editors the file's schema."""


class Unsupported(Exception):
    """A construct the formatter does not lay out: the file is left as it is, and the message says why."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


@dataclass(eq=False, slots=True)  # slots: a large map is hundreds of thousands of nodes
class Scalar:
    value: Any
    """What argmap's reader makes of it (keys: always text)."""
    text: str
    """The characters of the scalar, as the parser gave them."""
    style: str
    """"" plain, "'" or '"' quoted, "|" or ">" a block scalar."""
    tag: str | None
    anchor: str | None
    line: int
    column: int
    end_line: int
    chomping: str = ""
    """A block scalar's chomping indicator: "", "-" or "+"."""
    lines: list[str] = field(default_factory=list)
    """A block scalar's content lines, without their indentation ("" for an empty line)."""


@dataclass(eq=False, slots=True)
class Alias:
    name: str
    line: int
    column: int
    end_line: int


@dataclass(eq=False, slots=True)
class Collection:
    mapping: bool
    flow: bool
    """Written in flow style in the file ({...} or [...])."""
    anchor: str | None
    line: int
    column: int
    """Where its entries start (a block sequence: the column of its dashes)."""
    holder: Entry | None
    """The entry whose value it is (None for the document's root)."""
    entries: list[Entry] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    """Comment and blank lines after its last entry, indented as its entries."""
    end_line: int = 0


Node = Union[Scalar, Alias, Collection]  # noqa: UP007  # an alias evaluated at run time, before 3.12


@dataclass(eq=False, slots=True)
class Entry:
    """A key and its value in a mapping, or an item (key None) of a sequence."""

    key: Scalar | None
    value: Node
    container: Collection
    line: int
    column: int
    end_line: int = 0
    leading: list[str] = field(default_factory=list)
    """The comment and blank lines just above it."""
    eol: str | None = None
    """The comment at the end of its first line."""


@dataclass(eq=False, slots=True)
class Document:
    root: Collection
    header: list[str]
    """The comments at the top of the file (the editor's schema modeline first), which stay there."""
    header_gap: bool = False
    """Whether a blank line separates the header from what follows."""
