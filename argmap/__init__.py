"""argmap: argument maps as YAML graphs, checked like code and drawn with Graphviz."""

__all__ = ["__version__"]

__version__ = "0.1.0"
