"""click's own messages in the user's language: "Try '… --help' for help", "Missing argument",
"No such option", "Invalid value for …". The click that typer carries writes them as English
f-strings, with no catalog to hook into, so the message a usage error shows is read back into
its parts here and said again through ours. A message this table does not know stays as click
wrote it (tests/cli/test_click_messages.py lists the ones a user meets).

Coupled to typer's vendored click (`typer._click.exceptions.UsageError.show`): the contract is
checked in tests/test_private_contracts.py."""

# Deferred imports: typer — its own copy of click (typer._click), loaded by typer already; named
# where a usage error is shown, so this module costs nothing until one is.

import re
from collections.abc import Callable
from typing import IO, Any

from normtoets.core.i18n import _

Said = Callable[[re.Match[str]], str]


def _value_problem(text: str) -> str:
    """What click says is wrong with a value: not one of the choices, not a number, out of
    range, a path that is not there."""
    for pattern, say in _VALUE_PROBLEMS:
        found = pattern.fullmatch(text)
        if found:
            return say(found)
    return text


def _kind(name: str) -> str:
    whole, number = _("whole number"), _("number")
    kinds = {"int": whole, "integer": whole, "int range": whole, "float": number,
             "float range": number, "boolean": _("yes or no")}  # fmt: skip
    return kinds.get(name, name)


_VALUE_PROBLEMS: list[tuple[re.Pattern[str], Said]] = [
    (re.compile(r"'(?P<value>.*)' is not one of (?P<choices>.+)\."),
     lambda m: _("'{value}' is not one of {choices}.").format(
         value=m["value"], choices=m["choices"])),
    (re.compile(r"'(?P<value>.*)' is not a valid (?P<kind>[\w ]+)\."),
     lambda m: _("'{value}' is not a {kind}.").format(value=m["value"], kind=_kind(m["kind"]))),
    (re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\."),
     lambda m: _("{value} is not in the range {range}.").format(
         value=m["value"], range=m["range"])),
    (re.compile(r"(?P<kind>File|Directory|Path) '(?P<path>.+)' does not exist\."),
     lambda m: _("'{path}' does not exist.").format(path=m["path"])),
]  # fmt: skip

_MESSAGES: list[tuple[re.Pattern[str], Said]] = [
    (re.compile(r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<options>.+)\))?"),
     lambda m: _("No such option: {name}").format(name=m["name"]) + (
         " " + _("(did you mean {options}?)").format(options=m["options"])
         if m["options"] else "")),
    (re.compile(r"Missing argument (?P<name>.+)\."),
     lambda m: _("Missing argument {name}.").format(name=m["name"])),
    (re.compile(r"Missing option (?P<name>.+)\."),
     lambda m: _("Missing option {name}.").format(name=m["name"])),
    (re.compile(r"Invalid value for (?P<name>.+?): (?P<problem>.+)", re.DOTALL),
     lambda m: _("Invalid value for {name}: {problem}").format(
         name=m["name"], problem=_value_problem(m["problem"]))),
    (re.compile(r"Option (?P<name>'.+') requires an argument\."),
     lambda m: _("Option {name} needs a value.").format(name=m["name"])),
    (re.compile(r"Option (?P<name>'.+') does not take a value\."),
     lambda m: _("Option {name} takes no value.").format(name=m["name"])),
    (re.compile(r"Got unexpected extra arguments? \((?P<args>.+)\)"),
     lambda m: _("Unexpected extra argument(s): {args}").format(args=m["args"])),
    (re.compile(r"No such command (?P<name>'.+')\.(?: Did you mean (?P<options>.+)\?)?"),
     lambda m: _("No such command {name}.").format(name=m["name"]) + (
         " " + _("Did you mean {options}?").format(options=m["options"])
         if m["options"] else "")),
    (re.compile(r"Missing command\."), lambda m: _("Missing command.")),
]  # fmt: skip


def translated(message: str) -> str:
    """click's message in the user's language, where this table knows it."""
    for pattern, say in _MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return say(found)
    return message


def _show(self: Any, file: IO[Any] | None = None) -> None:
    """UsageError.show, in the user's language: the usage line, the hint, the error."""
    from typer._click._compat import get_text_stderr
    from typer._click.utils import echo  # the printer the replaced method used

    out = file if file is not None else get_text_stderr()
    ctx = getattr(self, "ctx", None)
    color = ctx.color if ctx is not None else getattr(self, "show_color", None)
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.").format(
                command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"  # fmt: skip
        echo(f"{ctx.get_usage()}\n{hint}", file=out, color=color)
    error = _("Error: {message}").format(message=translated(self.format_message()))
    echo(error, file=out, color=color)


def install() -> None:
    """Route every usage error click shows through `_show`."""
    from typer._click import exceptions

    exceptions.UsageError.show = _show  # type: ignore[method-assign]
    exceptions.ClickException.show = _show  # type: ignore[method-assign]
