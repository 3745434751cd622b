"""The pydantic models of a scheme definition: roles, conclusion, critical questions, citations, AIF names."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from argmap.schema import Id, NonEmpty, Text, _Strict

__all__ = ["QuestionType", "CriticalQuestion", "AifNames", "SchemeSpec", "SchemesFile"]

QuestionType = Literal["assumption", "exception"]
"""Carneades' distinction: an assumption must hold for the inference to stand (open until answered); an
exception defeats it only when someone raises it."""


class CriticalQuestion(_Strict):
    """A question that tests an inference of the scheme."""

    type: QuestionType = Field(description="assumption (must hold; open until answered) or exception (defeats the"
                               " inference only when raised).")
    text: Text = Field(description="The question, one text per language (a plain string is English).")
    role: Id | None = Field(None, description="The premise role the question tests, if it tests one.")
    aif: tuple[Annotated[int, Field(strict=True, ge=0)], ...] = Field(
        (), description="AIFdb's descriptor numbers of the question (OVA3 saves an answer as a"
                        " `cqdescriptorfulfillments` entry naming one).")


class AifNames(_Strict):
    """How AIF tools (AIFdb, OVA3, xAIF) name the scheme: node texts and AIFdb's scheme numbers."""

    names: tuple[NonEmpty, ...] = Field((), description="Scheme names as AIF files write them (the first is"
                                        " written on export).")
    ids: tuple[Annotated[int, Field(strict=True, ge=0)], ...] = Field(
        (), description="AIFdb's scheme numbers (`schemeID`); the first is written on export.")


class SchemeSpec(_Strict):
    """An argumentation scheme: the pattern of an inference, and the questions that test it."""

    name: Text = Field(description="The scheme's full name.")
    short: Text = Field(description="A short name, drawn on the inference's junction.")
    about: Text | None = Field(None, description="A sentence on when the scheme applies.")
    roles: Annotated[dict[Id, Text], Field(min_length=1)] = Field(
        description="The premises, by role id, as a pattern; the first is the main premise (the one a one-premise"
                    " relation plays unless it says otherwise).")
    conclusion: Text = Field(description="The conclusion, as a pattern.")
    questions: dict[Id, CriticalQuestion] = Field(default_factory=dict, description="The critical questions, by id.")
    cite: tuple[NonEmpty, ...] = Field((), description="Where the scheme is described: reference keys, with pages.")
    aif: AifNames = Field(default_factory=lambda: AifNames.model_validate({}), description="Its names in AIF files.")

    @model_validator(mode="after")
    def verify_question_roles(self) -> SchemeSpec:
        for qid, question in self.questions.items():
            if question.role is not None and question.role not in self.roles:
                raise ValueError(f"question {qid!r} tests role {question.role!r}, which is not among the roles"
                                 f" ({', '.join(self.roles)})")
        return self


class SchemesFile(_Strict):
    """A file of schemes: the catalogue argmap ships, or a team's additions and overrides."""

    references: dict[Id, NonEmpty] = Field(default_factory=dict, description="Works cited, by key.")
    schemes: dict[Id, SchemeSpec] = Field(default_factory=dict, description="Schemes by id.")
