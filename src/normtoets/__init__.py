"""normtoets: audit a municipality against a normenkader."""

__version__ = "0.1.0"
