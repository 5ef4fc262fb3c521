"""Exceptions that cross module borders. User mistakes in files are Diagnostics, not these."""


class UsageError(Exception):
    """A bad option or an unreadable path: the CLI prints the message and exits 2."""


class RunError(Exception):
    """The run cannot finish for a reason outside normtoets and outside the data files: a full
    disk, a folder without write access, a broken house-style template. Exit 1."""
