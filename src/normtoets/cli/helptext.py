"""Help in the words of the command line, not of Python: `--norms DIR`, `PATH...`, `SCORE`,
never `<list[Path]>` or `{paths}`. typer's own plain help shows the Python types.

And in the user's language: the commands' and options' own help is translated where they are
defined (`help=_(...)`); the frame around it (usage, section titles, the options typer and
click add themselves) here, when the help is shown.

typer carries its own copy of click, so parameters are told apart by `param_type_name`."""

from typing import Any

import typer.core

from normtoets.core.i18n import _


def _argument_name(param: Any) -> str:
    name = str(param.metavar or (param.name or "").upper())
    return name if param.nargs == 1 or name.endswith("...") else f"{name}..."


def _own_help(param: Any) -> str:
    """The help of a parameter; for the options typer and click add, ours."""
    names = set(getattr(param, "opts", ()))
    if "--help" in names:
        return _("Show this message and exit.")
    if "--install-completion" in names:
        return _("Install completion for the current shell.")
    if "--show-completion" in names:
        return _("Show completion for the current shell, to copy it or customize the installation.")
    return str(getattr(param, "help", None) or "")


def _record(param: Any) -> tuple[str, str] | None:
    """The two columns of a parameter's help line."""
    if getattr(param, "hidden", False):
        return None
    help_text = _own_help(param)
    if param.param_type_name == "argument":
        return _argument_name(param), help_text
    names = ", ".join(sorted(param.opts, key=len))
    if not param.is_flag:
        names += " " + (param.metavar or "VALUE")  # every option of ours names its metavar
    default = param.default
    if getattr(param, "show_default", False) and default not in (None, False, "", ()):
        shown = getattr(default, "value", default)
        default_text = _("[default: {value}]").format(value=shown)
        help_text = f"{help_text}  {default_text}".strip()
    if getattr(param, "required", False):
        required = _("[required]")
        help_text = f"{help_text}  {required}".strip()
    return names, help_text


def _format_parameters(command: Any, ctx: Any, formatter: Any) -> None:
    records = [(p.param_type_name, _record(p)) for p in command.get_params(ctx)]
    arguments = [r for kind, r in records if kind == "argument" and r]
    options = [r for kind, r in records if kind == "option" and r]
    if arguments:
        with formatter.section(_("Arguments")):
            formatter.write_dl(arguments)
    if options:
        with formatter.section(_("Options")):
            formatter.write_dl(options)


def _format_usage(command: Any, ctx: Any, formatter: Any) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))


class Command(typer.core.TyperCommand):
    """A command whose usage line and parameter list use the metavars."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [_("[OPTIONS]")]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _format_usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _format_parameters(self, ctx, formatter)


class Group(typer.core.TyperGroup):
    """The app and `new`: their options and commands under translated headings."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [_("[OPTIONS]"), _("COMMAND [ARGS]...")]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _format_usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _format_parameters(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        commands = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _command in commands)
        rows = [(name, command.get_short_help_str(limit)) for name, command in commands]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)
