"""The words a drawing adds to the map's own texts (legend, markers), in English, French and Japanese."""

from __future__ import annotations

__all__ = ["WORDS", "words"]

WORDS: dict[str, dict[str, str]] = {
    "en": {"legend": "Legend", "thesis": "thesis", "claim": "claim", "evidence": "evidence",
           "junction": "linked premises",
           "inference": "linked premises, or an undercut inference", "support": "supports", "attack": "attacks", "undercut": "undercuts",
           "missing": "not translated", "cut": "more outside this excerpt", "problem": "has errors",
           "analyst": "analyst's", "concede": "concedes", "answer": "answers", "open": "{n} open"},
    "fr": {"legend": "Légende", "thesis": "thèse", "claim": "affirmation", "evidence": "preuve",
           "junction": "prémisses liées",
           "inference": "prémisses liées, ou inférence sapée", "support": "soutient", "attack": "attaque", "undercut": "sape l'inférence",
           "missing": "non traduit", "cut": "suite hors de l'extrait", "problem": "erreurs",
           "analyst": "ajout de l'analyste", "concede": "concède", "answer": "répond à", "open": "{n} en suspens"},
    "ja": {"legend": "凡例", "thesis": "主張", "claim": "論点", "evidence": "根拠",
           "junction": "結合した前提",
           "inference": "結合した前提、または覆される推論", "support": "支持する", "attack": "反論する", "undercut": "推論を覆す",
           "missing": "未翻訳", "cut": "抜粋の外に続く", "problem": "エラーあり",
           "analyst": "分析者による", "concede": "譲歩する", "answer": "答える", "open": "未解決{n}"},
}
"""Per language, the legend's caption and items and the markers a node may carry."""


def words(lang: str) -> dict[str, str]:
    """The drawing's words in ``lang`` (its base language for a tag such as ``fr-CA``), else in English.

    >>> words("fr-CA")["legend"], words("de")["legend"]
    ('Légende', 'Legend')
    """
    return WORDS.get(lang) or WORDS.get(lang.split("-")[0].lower()) or WORDS["en"]
