"""Tests of the report renderer (a package, so its conftest does not shadow tests/conftest.py)."""
