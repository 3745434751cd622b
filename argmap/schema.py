"""The pydantic models of the argument-map file format: the single source of its JSON Schema."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

__all__ = [
    "SECTIONS",
    "ID_PATTERN",
    "FORMAT_VERSION",
    "Id",
    "Text",
    "Quote",
    "Source",
    "Group",
    "Statement",
    "Argument",
    "Selector",
    "Each",
    "Expectation",
    "Imported",
    "MapFile",
    "UNSHOWABLE",
    "json_schema",
    "as_written",
]

SECTIONS = ("statements", "arguments", "sources", "groups")
"""The keyed sections of a map file, by id."""

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
REF_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:--(?:support|attack)--[a-z0-9]+(?:-[a-z0-9]+)*)?$"
LANG_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=120),
    Field(description="A stable kebab-case identifier: lowercase letters, digits and single hyphens."),
]
Ref = Annotated[
    str,
    StringConstraints(pattern=REF_PATTERN, max_length=250),
    Field(description="An id, or the derived id of a one-premise relation (`premise--support--target`), which"
                      " an undercut may attack."),
]
Lang = Annotated[
    str,
    StringConstraints(pattern=LANG_PATTERN),
    Field(description="A BCP 47 language tag such as en, fr, ja or pt-BR."),
]
UNSHOWABLE = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ud800-\\udfff\\ufffe\\uffff]")
"""Characters that XML 1.0, and so an SVG file, cannot carry: C0 controls other than tab, line feed
and carriage return; the noncharacters U+FFFE and U+FFFF; lone surrogates."""


def _showable(text: Any) -> Any:
    # before pydantic's own check, which refuses a lone surrogate without naming it
    found = UNSHOWABLE.search(text) if isinstance(text, str) else None
    if found is not None:
        char = found[0]
        kind = ("a control character" if char < " " else "a lone surrogate" if "\ud800" <= char <= "\udfff"
                else "a noncharacter")
        raise ValueError(f"the text holds U+{ord(char):04X} ({kind}) at character {found.start() + 1},"
                         " which no diagram can show; remove it")
    if isinstance(text, str) and text and BLANK.fullmatch(text):
        raise ValueError("must not be empty (it holds only spaces)")
    return text


SPACES = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
"""What JavaScript's \\s matches, spelt out, so that editors (ECMAScript patterns) and argmap (Python's) agree on
what a blank text is."""
BLANK = re.compile(f"[{SPACES}]*")


NonEmpty = Annotated[
    str,
    StringConstraints(min_length=1),
    BeforeValidator(_showable),
    # The same refusal for editors; surrogates are left out because JavaScript matches the two
    # halves of every emoji against them (and a YAML file cannot hold a lone one anyway).
    Field(json_schema_extra={"pattern": "^(?=[\\s\\S]*[^\\t\\n\\u000b\\u000c\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029"
                                        "\\u202f\\u205f\\u3000\\ufeff])"
                                        "[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]*$"}),
]


def _text_kind(value: Any) -> str | None:
    return "by language" if isinstance(value, dict) else "plain text" if isinstance(value, str) else None


# Tagged by the value's type, so that a wrong text is told only what is wrong with it (not also
# that it is not a mapping); a tag is never an identifier, so the loader's locations skip it.
Text = Annotated[
    Annotated[NonEmpty, Tag("plain text")] | Annotated[dict[Lang, NonEmpty], Field(min_length=1), Tag("by language")],
    Discriminator(_text_kind, custom_error_type="text_type",
                  custom_error_message="Input should be a text, or one text per language"),
]
"""A plain string (the map's default language) or one text per language."""

IdList = Annotated[
    Id | tuple[Id, ...],
    AfterValidator(lambda value: (value,) if isinstance(value, str) else value),
    Field(description="One id, or a list of ids."),
]
RefList = Annotated[
    Ref | tuple[Ref, ...],
    AfterValidator(lambda value: (value,) if isinstance(value, str) else value),
    Field(description="One id, or a list of ids; a relation's derived id (`a--support--b`) to undercut it."),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Quote(_Strict):
    """Words of a source that anchor a statement; verified against the source text when available."""

    source: Id = Field(description="The id of a source declared under `sources:`.")
    text: NonEmpty = Field(description="The quoted words, as they stand in the source (whitespace may differ).")


LineNumber = Annotated[int, Field(strict=True, ge=1, le=1_000_000_000)]


class Source(_Strict):
    """A text the map quotes from."""

    title: NonEmpty | None = Field(None, description="Human-readable title of the source.")
    language: Lang | None = Field(None, description="Language the source is written in.")
    path: NonEmpty | None = Field(
        None,
        description="Where the text lies, relative to this file; when absent there, argmap also looks"
        " for its file name in the configured `source-dirs`.",
    )
    url: NonEmpty | None = Field(None, description="Where the source is published.")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        None, description="Checksum of the text file, so that quotes are verified against the right version."
    )
    body: tuple[LineNumber, LineNumber] | None = Field(
        None, description="The first and last line (1-based, inclusive) of the work itself in the text file:"
        " `quote-coverage` measures the quotes against these lines only, leaving out a title, a site's"
        " menu or a second copy. Quotes are still verified against the whole file.")

    @model_validator(mode="after")
    def verify_body(self) -> Source:
        if self.body is not None and self.body[0] > self.body[1]:
            raise ValueError(f"`body` runs from line {self.body[0]} to an earlier line, {self.body[1]}")
        return self


class Group(_Strict):
    """A named cluster of statements (drawn as a box)."""

    label: Text = Field(description="The group's caption.")
    description: Text | None = None


Role = Literal["thesis", "claim", "evidence"]
By = Literal["author", "analyst"]
"""Who a statement or an inference is owed to: the source's author (the default), or the analyst who drew the map."""


QuestionIds = Annotated[
    Id | Annotated[tuple[Id, ...], Field(min_length=1)],
    AfterValidator(lambda value: (value,) if isinstance(value, str) else value),
    Field(description="One critical question's id, or a list of them."),
]
ByInference = Annotated[
    dict[Ref, QuestionIds],
    Field(min_length=1, description="Critical questions by inference: an argument id, or a one-premise relation's"
                                    " derived id (`premise--support--target`), mapped to question ids."),
]


class Statement(_Strict):
    """A proposition of the argument: the thesis, a claim, or a piece of evidence."""

    role: Role = Field("claim", description="thesis (what the whole map argues), claim, or evidence (a fact or example).")
    text: Text = Field(description="The statement in the analyst's words, one text per language.")
    note: Text | None = Field(None, description="A longer explanation, not drawn.")
    quotes: tuple[Quote, ...] = Field((), description="Words of the sources that anchor this statement.")
    group: Id | None = Field(None, description="The id of a group under `groups:`.")
    tags: tuple[Id, ...] = Field((), description="Free labels used by `expect:` selectors and filters.")
    supports: IdList = Field(
        (), description="Statements this one supports on its own (each is a one-premise argument)."
    )
    attacks: RefList = Field(
        (),
        description="Statements this one attacks (rebuts), or argument ids whose inference it attacks (undercuts);"
                    " a one-premise relation is undercut by its derived id, such as `reason--support--thesis`.",
    )
    # strict: YAML's `true` and the string "0.5" are not confidences
    base: Annotated[float, Field(strict=True, ge=0.0, le=1.0, allow_inf_nan=False)] | None = Field(
        None, description="The analyst's confidence in this statement before its attackers and supporters count (0 to 1)."
    )
    concedes: IdList = Field(
        (), description="Claims of the author's that this statement counts against and that the author grants"
                        " anyway (\"of course ..., but\"): drawn as a concession, neither a support nor an attack.")
    by: By = Field("author", description="author (the default: the source says it, and a quote shows where) or analyst"
                   " (an implicit premise the analyst adds); drawn marked, and listed by `eval`.")
    scheme: Id | None = Field(None, description="The argumentation scheme of the one-premise inferences this statement"
                              " draws with `supports:` or `attacks:` (a catalogue id such as `position-to-know`; `argmap"
                              " schemes` lists them).")
    scheme_role: Id | None = Field(None, alias="scheme-role", description="The premise role this statement plays in"
                                   " that scheme; the scheme's first role when absent.")
    raises: QuestionIds | ByInference | None = Field(
        None, description="The critical questions this objection raises: question ids of the inference it attacks (or"
                          " whose premise or conclusion it attacks), or question ids by inference.")
    answers: ByInference | None = Field(
        None, description="The critical questions this statement answers, by inference: an answered assumption is no"
                          " longer open, an answered exception is set aside.")
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, populate_by_name=True)


class Argument(_Strict):
    """An inference: premises that together support or attack one conclusion (linked premises)."""

    premises: Annotated[
        Id | Annotated[tuple[Id, ...], Field(min_length=1)],
        AfterValidator(lambda value: (value,) if isinstance(value, str) else value),
    ] = Field(
        description="Statements that support or attack the conclusion only jointly (one id, or a list)."
    )
    supports: Id | None = Field(None, description="The statement (or argument) this inference supports.")
    attacks: Ref | None = Field(None, description="The statement this inference attacks, or an argument (or a"
                                " relation's derived id) it undercuts.")
    label: Text | None = Field(None, description="An optional name for the inference, drawn at its junction.")
    note: Text | None = None
    by: By = Field("author", description="author (the default: the source draws this inference) or analyst (a link"
                   " the source does not draw); drawn marked, and listed by `eval`.")
    group: Id | None = None
    tags: tuple[Id, ...] = ()
    scheme: Id | None = Field(None, description="The argumentation scheme this inference instantiates (a catalogue id"
                              " such as `expert-opinion`; `argmap schemes` lists them).")
    roles: dict[Id, Id] = Field(default_factory=dict, description="Which premise plays which role of the scheme: role"
                                " -> premise id. Premises left out fill the remaining roles in the scheme's order.")

    @model_validator(mode="after")
    def verify_one_conclusion(self) -> Argument:
        if (self.supports is None) == (self.attacks is None):
            raise ValueError("an argument needs exactly one of `supports` or `attacks`")
        return self

    @property
    def target(self) -> str:
        return self.supports if self.supports is not None else self.attacks  # type: ignore[return-value]

    @property
    def relation(self) -> str:
        return "support" if self.supports is not None else "attack"


class Selector(_Strict):
    """Which statements an expectation is about; all given fields must match."""

    id: Id | None = None
    role: Role | None = None
    tag: Id | None = None
    group: Id | None = None


class Each(_Strict):
    """What every selected statement must do."""

    supports: Id | None = Field(None, description="It supports this statement directly (alone or as a co-premise).")
    attacks: Ref | None = Field(None, description="It attacks this statement, argument or relation directly.")
    reaches: Id | None = Field(None, description="A chain of supports and attacks leads from it to this statement.")
    quoted_from: tuple[Id, ...] = Field((), alias="quoted-from", description="It has a quote from each of these sources.")
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


Count = Annotated[int, Field(strict=True, ge=0, le=1_000_000_000)]
"""A whole number: strict, so that `true`, `2.0` or "2" are refused rather than read as one; bounded, so that no
count given in code (a map's data need not come from YAML) is too large to print in a message."""


class Expectation(_Strict):
    """A structural assertion about the map, checked like a rule."""

    select: Selector
    count: Count | None = Field(None, description="Exactly this many statements match.")
    min: Count | None = Field(None, description="At least this many statements match.")
    max: Count | None = Field(None, description="At most this many statements match.")
    each: Each | None = None
    message: NonEmpty | None = Field(None, description="Said when the expectation fails.")


class Imported(_Strict):
    """Where an imported map came from, kept so that exporting it back to that format loses nothing."""

    model_config = ConfigDict(ser_json_inf_nan="constants")  # a kept .nan is written back as .nan

    format: NonEmpty = Field(description="The format the map was read from: aif, ova, xaif, argdown, argdown-json,"
                             " kialo or sadface.")
    ids: dict[Id, NonEmpty] = Field(default_factory=dict, description="The id each statement and argument had there"
                                    " (an AIF nodeID, an Argdown title, a Kialo number); export reuses it.")
    kept: dict[str, Any] = Field(default_factory=dict, description="What the source held that argmap keeps but does"
                                 " not reason with, in the source's own terms (for AIF: the dialogue layer of"
                                 " locutions, illocutionary and transition nodes, participants and timestamps, and"
                                 " rephrase and preference nodes); export writes it back.")


class Question(_Strict):
    """The question a map answers, and its answers: positions evaluated each on its own."""

    text: Text | None = Field(None, description="The question; the map's title when absent.")
    answers: Annotated[tuple[Id, ...], Field(min_length=1)] = Field(
        description="The statements that answer it (for a two-sided answer, one per side); `eval` gives each a"
                    " verdict, and the diagram draws the question above them.")


class MapFile(_Strict):
    """One argument-map file: a root map, or a part of one that a root `include:`s."""

    # YAML's `true` and `1.0` equal 1 in Python; handed on as text, the literal refuses them
    argmap: Annotated[Literal[1], BeforeValidator(lambda v: v if type(v) is int else repr(v))] = Field(
        description="The file-format version; always 1.")
    id: Id | None = Field(None, description="The map's id (root files).")
    title: Text | None = None
    description: Text | None = None
    languages: Annotated[tuple[Lang, ...], Field(min_length=1)] | None = Field(
        None, description="Languages every text should be given in; the first is the default."
    )
    kind: Literal["reconstruction", "own"] | None = Field(
        None, description="Whose argument the map is (root files): `reconstruction`, of someone else's text (quotes anchor"
        " it, and what the analyst adds is marked `by: analyst`); or `own`, its author's own case (no source needed,"
        " nothing to mark). Without it, a map that declares sources is read as a reconstruction.")
    include: tuple[NonEmpty, ...] = Field((), description="Further files of this map, relative to this file.")
    question: Question | None = Field(None, description="The question the map answers, and its answers (root files).")
    sources: dict[Id, Source] = Field(default_factory=dict)
    groups: dict[Id, Group] = Field(default_factory=dict)
    statements: dict[Id, Statement] = Field(default_factory=dict)
    arguments: dict[Id, Argument] = Field(default_factory=dict)
    expect: tuple[Expectation, ...] = ()
    imported: Imported | None = Field(None, description="Where the map was imported from (`argmap import`), and what"
                                      " of it argmap keeps for export only.")

    @field_validator("languages")
    @classmethod
    def verify_unique_languages(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if value is not None and len(set(value)) != len(value):
            raise ValueError("each language may be listed once")
        return value


def json_schema(scheme_ids: Iterable[str] = ()) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one argument-map file, for editors and other tools; ``scheme_ids``
    (those of the shipped catalogue, argmap.schemes.shipped(), which `argmap schema` gives) are offered to
    editors as examples of a scheme."""
    schema = MapFile.model_json_schema(by_alias=True)
    _close_keyed_maps(schema)
    _suggest_schemes(schema, list(scheme_ids))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "urn:argmap:schema:1"
    schema["title"] = "argmap file"
    return schema



def _suggest_schemes(schema: dict[str, Any], ids: list[str]) -> None:
    """Offer the catalogue's scheme ids to editors as examples (a team may add its own, so not an enum)."""
    if not ids:
        return
    for model in ("Statement", "Argument"):
        prop = schema["$defs"][model]["properties"]["scheme"]
        prop["examples"] = ids


def _close_keyed_maps(node: object) -> None:
    """Make id- and language-keyed objects reject other keys, so editors flag a bad id as it is typed;
    drop ``default: null``, which editors would insert as a placeholder."""
    if isinstance(node, dict):
        if "default" in node and node["default"] is None:
            del node["default"]  # editors would insert a literal `null` as the placeholder
        patterns = node.get("patternProperties")
        if isinstance(patterns, dict) and len(patterns) == 1:
            pattern = next(iter(patterns))
            node["propertyNames"] = {**node.get("propertyNames", {}), "pattern": pattern}
            node["additionalProperties"] = False
        for value in node.values():
            _close_keyed_maps(value)
    elif isinstance(node, list):
        for value in node:
            _close_keyed_maps(value)


def as_written(data: dict[str, Any], spelling: Callable[[tuple[Any, ...]], str | None]) -> None:
    """Where the schema expects text (an id, a label, a path), put back the spelling of a plain
    scalar that YAML read as a number or a boolean, as given by ``spelling(path)``.

    Keys are always read as text, so `1:` and `no:` are ids; this makes `supports: 1` and
    `supports: no` name them, and `text: yes` say "yes". Null (`~`, `null`, nothing) stays null.
    """
    found: list[tuple[Any, ...]] = []
    _walker(MapFile)(data, (), found)  # type: ignore[misc]
    for path in found:
        written = spelling(path)
        if written is not None:
            container: Any = data
            for step in path[:-1]:
                container = container[step]
            container[path[-1]] = written


Walker = Callable[[Any, tuple[Any, ...], list[Any]], None]
_TYPED = (bool, int, float)
_WALKERS: dict[type, Walker] = {}


def _walker(annotation: Any) -> Walker | None:
    """A function that lists the paths of numbers and booleans standing where ``annotation``
    expects text, or None when it expects no text. Built once per model: a map may hold a
    million statements, and text (the common case) is passed over at once."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        return _walker(args[0])
    if annotation is str:
        def scalar(value: Any, path: tuple[Any, ...], found: list[Any]) -> None:
            if value.__class__ in _TYPED:
                found.append(path)
        return scalar
    if origin is Union or origin is types.UnionType:
        options = [walker for walker in map(_walker, args) if walker is not None]
        if len(options) <= 1:
            return options[0] if options else None

        def either(value: Any, path: tuple[Any, ...], found: list[Any]) -> None:
            for walker in options:
                walker(value, path, found)
        return either
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in _WALKERS:
            fields = [(info.alias or name, walker) for name, info in annotation.model_fields.items()
                      if (walker := _walker(info.annotation)) is not None]

            def model(value: Any, path: tuple[Any, ...], found: list[Any]) -> None:
                if value.__class__ is dict:
                    for key, walker in fields:
                        item = value.get(key)
                        if item is not None and item.__class__ is not str:
                            walker(item, (*path, key), found)
            _WALKERS[annotation] = model
        return _WALKERS[annotation]
    inner = _walker(args[0] if origin is tuple else args[-1]) if origin in (tuple, dict) else None  # tuple[X, ...]
    if inner is None:
        return None
    if origin is tuple:
        def items(value: Any, path: tuple[Any, ...], found: list[Any]) -> None:
            if value.__class__ is list:
                for index, item in enumerate(value):
                    if item.__class__ is not str:
                        inner(item, (*path, index), found)
        return items

    def values(value: Any, path: tuple[Any, ...], found: list[Any]) -> None:
        if value.__class__ is dict:
            for key, item in value.items():
                if item.__class__ is not str:
                    inner(item, (*path, key), found)
    return values
