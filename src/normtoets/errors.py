"""Exceptions that cross module borders. User mistakes in files are Diagnostics, not these."""


class UsageError(Exception):
    """A bad option or an unreadable path: the CLI prints the message and exits 2."""
