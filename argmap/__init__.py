"""argmap: argument maps as YAML graphs, checked like code, evaluated, and drawn with Graphviz.

The Python API (docs/api.md): :func:`load` a map (from files, or as of a git revision),
:func:`check` it against the rules, :func:`evaluate` which statements stand, :func:`render` its
diagram, :func:`dump` it as canonical YAML, :func:`diff` two maps, :func:`import_map` one from another
tool's file and :func:`export` one to it. A map can also be built in code with ``ArgumentMap.from_data``.
"""

# Nothing is imported here, not even typing: the command line's first step imports this package before it
# can catch Ctrl-C, and the shorter that step, the less likely a Ctrl-C during it ends in a traceback.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from argmap.api import check, diff, dump, evaluate, export, import_map, load, render
    from argmap.model import ArgumentMap
    from argmap.semantics.result import Evaluation
    from argmap.version import __version__

__all__ = ["__version__", "load", "check", "evaluate", "render", "dump", "diff", "import_map", "export", "ArgumentMap",
           "Evaluation"]



_VERBS = frozenset(__all__[1:9])


def __getattr__(name: str) -> object:
    # Everything is imported when first asked for: `argmap --version` and `argmap rules` stay fast, and the
    # command line's start, before it can catch Ctrl-C, is as short as it can be.
    if name == "__version__":
        from argmap.version import __version__

        return __version__
    if name in _VERBS:
        from argmap import api

        return getattr(api, name)
    if name == "ArgumentMap":
        from argmap.model import ArgumentMap

        return ArgumentMap
    if name == "Evaluation":
        from argmap.semantics.result import Evaluation

        return Evaluation
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
