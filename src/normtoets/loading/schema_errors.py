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
from normtoets.yamlio.read import Document

M = TypeVar("M", bound=BaseModel)

# pydantic error type → (code, message template). {field} is the key, {where} its parent path.
MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("missing-field", "missing required field '{field}'{where}"),
    "extra_forbidden": ("unknown-field", "unknown field '{field}'{where}"),
    "string_type": ("wrong-type", "'{field}' must be text"),
    "int_type": ("wrong-type", "'{field}' must be a whole number"),
    "int_parsing": ("wrong-type", "'{field}' must be a whole number"),
    "float_type": ("wrong-type", "'{field}' must be a number"),
    "float_parsing": ("wrong-type", "'{field}' must be a number"),
    "bool_type": ("wrong-type", "'{field}' must be true or false"),
    "bool_parsing": ("wrong-type", "'{field}' must be true or false"),
    "date_type": ("wrong-type", "'{field}' must be a date written as YYYY-MM-DD"),
    "date_parsing": ("wrong-type", "'{field}' must be a date written as YYYY-MM-DD"),
    "date_from_datetime_parsing": ("wrong-type", "'{field}' must be a date written as YYYY-MM-DD"),
    "date_from_datetime_inexact": ("wrong-type", "'{field}' must be a date without a time"),
    "list_type": ("wrong-type", "'{field}' must be a list (lines starting with '- ')"),
    "dict_type": ("wrong-type", "'{field}' must be a mapping ('key: value' lines)"),
    "model_type": ("wrong-type", "'{field}' must be a mapping ('key: value' lines)"),
    "model_attributes_type": ("wrong-type", "'{field}' must be a mapping ('key: value' lines)"),
    "enum": ("invalid-value", "'{field}' must be one of: {expected}"),
    "literal_error": ("invalid-value", "'{field}' must be one of: {expected}"),
    "string_pattern_mismatch": (
        "invalid-value",
        "'{field}' may hold only letters, digits, '.', '_' and '-' (first a letter or digit)",
    ),
    "string_too_short": ("invalid-value", "'{field}' must not be empty"),
    "too_short": ("invalid-value", "'{field}' must not be empty"),
    "value_error": ("invalid-value", "{error}"),
}
FALLBACK = ("invalid-value", "'{field}' is not valid: {msg}")


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
    for err in error.errors(include_input=False, include_url=False):
        loc = tuple(part for part in err["loc"] if part != "[key]")
        kind = err["type"]
        code, template = MESSAGES.get(kind, FALLBACK)
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
                    hint = f"did you mean '{close[0]}'?"
        else:
            line, column = doc.position(loc)
        if not loc and kind in ("model_type", "dict_type"):
            message = "the file must be a mapping of fields ('key: value' lines)"
        else:
            ctx = err.get("ctx", {})
            message = template.format(
                field=field,
                where=f" in {_dotted(parent)}" if parent else "",
                expected=ctx.get("expected", ""),
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
