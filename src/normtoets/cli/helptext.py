"""Help in the words of the command line, not of Python: `--norms DIR`, `PATH...`, `SCORE`,
never `<list[Path]>` or `{paths}`. typer's own plain help shows the Python types.

typer carries its own copy of click, so parameters are told apart by `param_type_name`."""

from typing import Any

import typer.core


def _argument_name(param: Any) -> str:
    name = str(param.metavar or (param.name or "").upper())
    return name if param.nargs == 1 or name.endswith("...") else f"{name}..."


def _record(param: Any) -> tuple[str, str] | None:
    """The two columns of a parameter's help line."""
    if getattr(param, "hidden", False):
        return None
    help_text = getattr(param, "help", None) or ""
    if param.param_type_name == "argument":
        return _argument_name(param), help_text
    names = ", ".join(sorted(param.opts, key=len))
    if not param.is_flag:
        names += " " + (param.metavar or "VALUE")  # every option of ours names its metavar
    default = param.default
    if getattr(param, "show_default", False) and default not in (None, False, "", ()):
        shown = getattr(default, "value", default)
        help_text = f"{help_text}  [default: {shown}]".strip()
    if getattr(param, "required", False):
        help_text = f"{help_text}  [required]".strip()
    return names, help_text


class Command(typer.core.TyperCommand):
    """A command whose usage line and parameter list use the metavars."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = ["[OPTIONS]"]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        records = [(p.param_type_name, _record(p)) for p in self.get_params(ctx)]
        arguments = [r for kind, r in records if kind == "argument" and r]
        options = [r for kind, r in records if kind == "option" and r]
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)
