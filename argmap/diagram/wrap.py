"""Wrap label text by display width: East Asian wide characters count double, CJK breaks anywhere."""

from __future__ import annotations

from argmap.texts import is_wide, width

__all__ = ["COLUMNS", "width", "wrap"]

COLUMNS = 28
"""The width statements' texts are wrapped to unless the layout chosen for a map says otherwise."""

# Characters a line may not start with (Japanese kinsoku shori) or end with.
_NO_START = set("、。，．,.!?！？:：;；)）]］}｝」』】〉》〕ー・…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ")
_NO_END = set("(（[［{｛「『【〈《〔")


def _wrap_ascii(text: str, columns: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if len(word) > 2 * columns:  # a pathological "word": cut it
            if line:
                lines.append(line)
            pieces = [word[i : i + columns] for i in range(0, len(word), columns)]
            lines += pieces[:-1]
            line = pieces[-1]
        elif not line:
            line = word
        elif len(line) + 1 + len(word) <= columns:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]


def _tokens(text: str) -> list[str]:
    """Words of Latin script (with their trailing space), and single wide characters."""
    tokens: list[str] = []
    word = ""
    for char in " ".join(text.split()):
        if is_wide(char):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        elif char == " ":
            tokens.append(word + " ")
            word = ""
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, columns: int = COLUMNS) -> list[str]:
    """Lines of at most ``columns`` display columns (a longer single word gets a line of its own,
    broken only when it alone exceeds twice the width).

    >>> wrap("The capital feast exists only in the A-share market", 20)
    ['The capital feast', 'exists only in the', 'A-share market']
    >>> wrap("饗宴はA株流通市場にのみ存在する。", 12)
    ['饗宴はA株流', '通市場にのみ', '存在する。']
    """
    if text.isascii():
        return _wrap_ascii(text, columns)
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if len(token.rstrip()) > 2 * columns:  # a pathological "word": cut it
            for start in range(0, len(token), columns):
                piece = token[start : start + columns]
                if line:
                    lines.append(line.rstrip())
                line = piece
            continue
        if line and width(line.rstrip() + token.rstrip()) > columns:
            if token[0] in _NO_START and line:
                # keep closing punctuation with the character before it
                carry = line[-1] if is_wide(line[-1]) else ""
                line = line[:-1] if carry else line
                lines.append(line.rstrip())
                line = carry + token
                continue
            if line[-1] in _NO_END:
                opener, line = line[-1], line[:-1]
                lines.append(line.rstrip())
                line = opener + token
                continue
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return [entry for entry in lines if entry] or [""]
