"""Which claims stand: a map as an abstract argumentation framework, and its semantics (registry.py holds
the table of them: name, display name, family, NP-hard or not, what a time-out means)."""

from argmap.semantics.registry import EXTENSION_SEMANTICS, GRADUAL_SEMANTICS, REGISTRY, SEMANTICS

__all__ = ["SEMANTICS", "EXTENSION_SEMANTICS", "GRADUAL_SEMANTICS", "REGISTRY", "acceptance_word"]


def acceptance_word(credulous: bool, sceptical: bool) -> str:
    """ACCEPTED in every extension, CREDULOUS in some but not all, REJECTED in none."""
    return "ACCEPTED" if sceptical and credulous else "CREDULOUS" if credulous else "REJECTED"
