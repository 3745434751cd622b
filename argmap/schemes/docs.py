"""The scheme catalogue as text: docs/schemes.md, the `argmap schemes` listing and one scheme's card."""

from __future__ import annotations

from argmap.schemes import Catalogue, text_of
from argmap.texts import width

__all__ = ["catalogue_markdown", "listing", "card", "languages", "LANGUAGES"]

LANGUAGES = ("en", "fr", "ja")
"""The languages every scheme argmap ships is written in."""


def languages(catalogue: Catalogue) -> set[str]:
    """The languages some scheme of ``catalogue`` has a text in (a plain string is English)."""
    found = {"en"}
    for spec in catalogue.schemes.values():
        texts = [spec.name, spec.short, spec.about, spec.conclusion, *spec.roles.values(),
                 *(question.text for question in spec.questions.values())]
        found.update(code for text in texts if isinstance(text, dict) for code in text)
    return found


def catalogue_markdown(catalogue: Catalogue) -> str:
    """docs/schemes.md: every scheme with its roles, conclusion and critical questions, and the works cited."""
    out = ["# Argument schemes", "",
           "<!-- Generated from argmap/schemes/catalogue.yaml by `make docs`; do not edit by hand. -->", "",
           "A scheme names the kind of an inference (`scheme:` on an argument, or on a statement for the",
           "one-premise relations it draws), says which premise plays which role (`roles:`, `scheme-role:`),",
           "and brings critical questions. An **assumption** must hold: it stays open until a statement",
           "`answers:` it. An **exception** defeats the inference only when an objection `raises:` it.",
           "Rules ARG104, ARG309 and ARG310 check them (see format.md); `argmap eval --questions` lets them",
           "count (see evaluation.md).",
           "Teams add or override schemes with `schemes:` in `.argmap.yaml` (see configuration.md).",
           "Question texts are given in English, French and Japanese.", "",
           f"{len(catalogue.schemes)} schemes:", ""]
    out += [f"- [{text_of(spec.name, 'en')}](#{sid}) (`{sid}`)" for sid, spec in catalogue.schemes.items()]
    for sid, spec in catalogue.schemes.items():
        out += ["", f"## {sid}", "", f"**{text_of(spec.name, 'en')}**"
                + "".join(f" / {text_of(spec.name, lang)}" for lang in LANGUAGES[1:] if isinstance(spec.name, dict)
                          and lang in spec.name), ""]
        if spec.about is not None:
            out += [text_of(spec.about, "en"), ""]
        out += ["| premise role | pattern |", "|---|---|"]
        out += [f"| `{role}` | {_cell(text_of(text, 'en'))} |" for role, text in spec.roles.items()]
        out += ["", f"**Conclusion:** {text_of(spec.conclusion, 'en')}", "",
                "| question | type | tests | en | fr | ja |", "|---|---|---|---|---|---|"]
        for qid, question in spec.questions.items():
            texts = " | ".join(_cell(text_of(question.text, lang)) for lang in LANGUAGES)
            out.append(f"| `{qid}` | {question.type} | {f'`{question.role}`' if question.role else ''} | {texts} |")
        names = ", ".join(f"`{name}`" for name in spec.aif.names)
        numbers = ", ".join(str(number) for number in spec.aif.ids)
        out += ["", f"**Short name:** {text_of(spec.short, 'en')}. **Sources:** {'; '.join(spec.cite) or 'none'}."]
        if names or numbers:
            out += ["", f"**In AIF:** {names}" + (f" (AIFdb scheme numbers {numbers})" if numbers else "") + "."]
    out += ["", "## Works cited", ""]
    out += [f"- **{key}**: {reference}" for key, reference in catalogue.references.items()]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def listing(catalogue: Catalogue, lang: str = "en") -> str:
    """One line per scheme: id, short name, roles and how many questions of each type."""
    rows = []
    for sid, spec in catalogue.schemes.items():
        kinds = [q.type for q in spec.questions.values()]
        assumptions, exceptions = kinds.count("assumption"), kinds.count("exception")
        origin = catalogue.origins.get(sid, "argmap")
        short = text_of(spec.short, lang)
        short += " " * (26 - width(short))  # padded by the columns it takes: a Japanese name takes two a character
        rows.append(f"{sid:<28} {short} roles: {', '.join(spec.roles)};"
                    f" {assumptions} assumption{'s' * (assumptions != 1)}, {exceptions} exception{'s' * (exceptions != 1)}"
                    + ("" if origin == "argmap" else f" ({origin})"))
    return "\n".join(rows) + "\n"


def card(catalogue: Catalogue, sid: str, lang: str = "en") -> str:
    """One scheme in full, in ``lang`` (English where the scheme has no text in it)."""
    spec = catalogue.schemes[sid]
    out = [f"{sid}: {text_of(spec.name, lang)}"]
    if spec.about is not None:
        out.append(text_of(spec.about, lang))
    out += ["", "premises:"]
    out += [f"  {role}: {text_of(text, lang)}" for role, text in spec.roles.items()]
    out += [f"conclusion: {text_of(spec.conclusion, lang)}", "", "critical questions:"]
    out += [f"  {qid} ({q.type}{', tests ' + q.role if q.role else ''}): {text_of(q.text, lang)}"
            for qid, q in spec.questions.items()]
    out += ["", "sources: " + "; ".join(spec.cite)]
    return "\n".join(out) + "\n"
