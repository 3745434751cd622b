"""argmap's version, said once: the package, the command line, the reports and the build read it here."""

__version__ = "0.1.0"
