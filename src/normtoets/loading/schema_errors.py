"""Pydantic validation errors → Diagnostics at the YAML position, with messages from a table.

Messages are built from `errors(include_input=False)` only: serialising the input of a
hostile file (or a huge one) is exactly what must never happen.
"""

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.i18n import _
from normtoets.yamlio.read import Document

M = TypeVar("M", bound=BaseModel)

WRONG_TYPE = (
    "string_type", "int_type", "int_parsing", "float_type", "float_parsing", "bool_type",
    "bool_parsing", "date_type", "date_parsing", "date_from_datetime_parsing",
    "date_from_datetime_inexact", "list_type", "dict_type", "model_type", "model_attributes_type",
)  # fmt: skip
# pydantic error type → code.
CODES: dict[str, str] = {
    "missing": "missing-field",
    "extra_forbidden": "unknown-field",
    **dict.fromkeys(WRONG_TYPE, "wrong-type"),
}
FALLBACK_CODE = "invalid-value"


def messages() -> dict[str, str]:
    """pydantic error type → message template, in the user's language. {field} is the key,
    {parent} its parent path, {expected} the allowed values, {error} a validator's message,
    {msg} pydantic's own (English) message."""
    date = _("'{field}' must be a date written as YYYY-MM-DD")
    mapping = _("'{field}' must be a mapping ('key: value' lines)")
    whole = _("'{field}' must be a whole number")
    number = _("'{field}' must be a number")
    boolean = _("'{field}' must be true or false")
    one_of = _("'{field}' must be one of: {expected}")
    empty = _("'{field}' must not be empty")
    return {
        "missing": _("missing required field '{field}'"),
        "missing+parent": _("missing required field '{field}' in {parent}"),
        "extra_forbidden": _("unknown field '{field}'"),
        "extra_forbidden+parent": _("unknown field '{field}' in {parent}"),
        "string_type": _("'{field}' must be text"),
        "int_type": whole,
        "int_parsing": whole,
        "float_type": number,
        "float_parsing": number,
        "bool_type": boolean,
        "bool_parsing": boolean,
        "date_type": date,
        "date_parsing": date,
        "date_from_datetime_parsing": date,
        "date_from_datetime_inexact": _("'{field}' must be a date without a time"),
        "list_type": _("'{field}' must be a list (lines starting with '- ')"),
        "dict_type": mapping,
        "model_type": mapping,
        "model_attributes_type": mapping,
        "enum": one_of,
        "literal_error": one_of,
        "string_pattern_mismatch": _(
            "'{field}' may hold only letters, digits, '.', '_' and '-' (first a letter or digit)"
        ),
        "string_too_short": empty,
        "too_short": empty,
        "value_error": "{error}",
    }


def _choices(expected: str) -> str:
    """pydantic's list of allowed values, "'a', 'b' or 'c'", with the language's "or"."""
    head, separator, last = expected.rpartition(" or ")
    return _("{choices} or {last}").format(choices=head, last=last) if separator else expected


def _dotted(path: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in path)


def _model_at(model: type[BaseModel], path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that holds the last key of `path`, to suggest a field name."""
    annotation: Any = model
    for part in path:
        annotation = _unwrap(annotation, part)
        if annotation is None:
            return None
    annotation = _unwrap_optional(annotation)
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def _unwrap_optional(annotation: Any) -> Any:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation


def _unwrap(annotation: Any, part: Any) -> Any:
    annotation = _unwrap_optional(annotation)
    origin = typing.get_origin(annotation)
    if origin in (list, dict):
        return typing.get_args(annotation)[-1]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        return field.annotation if field else None
    return None


def to_diagnostics(
    error: ValidationError, doc: Document, model: type[BaseModel]
) -> list[Diagnostic]:
    out = []
    templates = messages()
    for err in error.errors(include_input=False, include_url=False):
        loc = tuple(part for part in err["loc"] if part != "[key]")
        kind = err["type"]
        code = CODES.get(kind, FALLBACK_CODE)
        template = templates.get(kind) or _("'{field}' is not valid: {msg}")
        field = str(loc[-1]) if loc else "file"
        parent = loc[:-1]
        hint = None
        if kind == "missing":
            line, column = doc.position(parent, key=True)
        elif kind == "extra_forbidden":
            line, column = doc.position(loc, key=True)
            holder = _model_at(model, parent)
            if holder:
                close = difflib.get_close_matches(field, list(holder.model_fields), n=1)
                if close:
                    hint = _("did you mean '{name}'?").format(name=close[0])
        else:
            line, column = doc.position(loc)
        if not loc and kind in ("model_type", "dict_type"):
            message = _("the file must be a mapping of fields ('key: value' lines)")
        else:
            ctx = err.get("ctx", {})
            if parent and f"{kind}+parent" in templates:
                template = templates[f"{kind}+parent"]
            message = template.format(
                field=field,
                parent=_dotted(parent),
                expected=_choices(str(ctx.get("expected", ""))),
                error=ctx.get("error", err["msg"]),
                msg=err["msg"],
            )
        out.append(Diagnostic(doc.name, line, column, Severity.error, code, message, hint))
    return out


def validate_model(doc: Document, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, to_diagnostics(exc, doc, model)
