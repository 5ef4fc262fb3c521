"""What rendering a report may cost. Jinja2's sandbox guards what a template can reach, not what
it can make: a shared house style's `{{ 'A' * 10**10 }}` grew to 23 GB. So here:

- operators (`*`, `**`, `+`, `%`, `~`), calls and filters that can make a large value are
  checked before they run where the size is known beforehand, and their result just after;
- the HTML is streamed and stopped past MAX_OUTPUT characters;
- on Linux the render gets a memory budget (RLIMIT_DATA), so whatever the checks miss ends in a
  message instead of the machine swapping or the kernel killing the process. Only here: the
  render is pure Python, where a failed allocation is a MemoryError; WeasyPrint's C libraries
  may abort on one, and its cost is bounded by the size of the HTML instead.

A template can still loop for long without output (nested `range()`s); Ctrl-C stops it with
nothing written.
"""

import contextlib
import functools
import math
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jinja2 import Environment, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from normtoets.core.errors import UsageError
from normtoets.core.i18n import _, integer

MAX_OUTPUT = 8 * 1024 * 1024  # characters of HTML; the comparison of 342 municipalities is 0.9 M
MAX_VALUE = MAX_OUTPUT  # characters or items in one value a template makes
MAX_INT_BITS = 4096  # a number a template computes (1,233 digits)
MEMORY_BUDGET = 1024**3  # bytes a render may take beyond what the process holds when it starts

_SIZED = (str, bytes, list, tuple)
# A %-conversion with its width and precision: '%-10.3f', '%(name)5s', '%*d'.
_CONVERSION = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?[a-zA-Z%]")


class TemplateLimit(UsageError):
    """Rendering would cost more than the limits allow; nothing is written."""


def _value_too_large(what: str, size: int) -> TemplateLimit:
    return TemplateLimit(
        _(
            "{what} would make a value of {size} characters or items; a template may make "
            "values of up to {max}"
        ).format(what=what, size=integer(size), max=integer(MAX_VALUE))
    )


def _check_size(what: str, size: int) -> None:
    if size > MAX_VALUE:
        raise _value_too_large(what, size)


def _check_bits(what: str, bits: int) -> None:
    if bits > MAX_INT_BITS:
        raise TemplateLimit(
            _(
                "{what} would make a number of more than {max} bits, the largest a template may "
                "compute"
            ).format(what=what, max=integer(MAX_INT_BITS))
        )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_result(what: str, value: Any) -> Any:
    if isinstance(value, _SIZED):
        _check_size(what, len(value))
    elif _is_int(value):
        _check_bits(what, value.bit_length())
    return value


def _check_product(left: Any, right: Any) -> None:
    if isinstance(left, _SIZED) and _is_int(right):
        _check_size("'*'", len(left) * max(right, 0))
    elif isinstance(right, _SIZED) and _is_int(left):
        _check_size("'*'", len(right) * max(left, 0))
    elif _is_int(left) and _is_int(right):
        _check_bits("'*'", left.bit_length() + right.bit_length())


def _check_power(base: Any, exponent: Any) -> None:
    if _is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1:
        exponent = min(exponent, MAX_INT_BITS + 1)  # enough to tell; a float cannot hold more
        _check_bits("'**'", math.floor(exponent * math.log2(abs(base))) + 1)


def _check_format(template: str) -> None:
    """'%9999999999s' % x: the widths and precisions a %-format asks for, before it runs."""
    asked = 0
    for width, precision in _CONVERSION.findall(template):
        if "*" in (width, precision):
            raise TemplateLimit(_("'%' with a width taken from the arguments ('*') is not allowed"))
        asked += int(width or 0) + int(precision or 0)
    _check_size("'%'", len(template) + asked)


def _check_arguments(what: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """A width, count or length far past any report: 'A'.center(10**10), |indent(10**9)."""
    for value in (*args, *kwargs.values()):
        if _is_int(value) and abs(value) > MAX_VALUE:
            raise _value_too_large(what, abs(value))


class _Generator(CodeGenerator):
    """Routes `a ~ b` through the environment, like the intercepted operators."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")


class LimitedEnvironment(SandboxedEnvironment):
    """The sandbox with the checks above on every operator, call and filter that can grow."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _Generator

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            _check_product(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
            _check_size("'+'", len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        return _check_result(f"'{operator}'", super().call_binop(context, operator, left, right))

    def checked_concat(self, value: Any) -> Any:
        return _check_result("'~'", value)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(getattr(__obj, "__self__", None), _SIZED):
            _check_arguments(_named(__obj, _("a method")), args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        return _check_result(_named(__obj, _("a call")), result)


def _named(function: Any, otherwise: str) -> str:
    """'center': what a limit message names a call by."""
    name = getattr(function, "__name__", None)
    return f"'{name}'" if name else otherwise


def _checked_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps Jinja2's pass_context and friends
    def checked(*args: Any, **kwargs: Any) -> Any:
        if name != "format":  # its arguments are data, not sizes
            extra = args[2:] if hasattr(function, "jinja_pass_arg") else args[1:]
            _check_arguments(f"'|{name}'", extra, kwargs)
        return _check_result(f"'|{name}'", function(*args, **kwargs))

    return checked


def limit(env: Environment) -> None:
    """Check every filter; drop `lipsum`, which only makes text (and much of it, if asked)."""
    env.filters = {name: _checked_filter(name, f) for name, f in env.filters.items()}
    env.globals.pop("lipsum", None)


def _data_size() -> int | None:
    """Bytes of the process's data segments as RLIMIT_DATA counts them (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


@contextlib.contextmanager
def memory_budget(budget: int = MEMORY_BUDGET) -> Iterator[bool]:
    """Lower RLIMIT_DATA to what the process holds plus `budget`, then restore it. Yields
    whether a budget is in force: not where the platform has no such limit, nor where a lower
    limit is already set."""
    try:
        import resource  # Unix only: elsewhere no budget, as the except says

        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    except (ImportError, AttributeError, OSError, ValueError):
        yield False
        return
    in_use = _data_size()
    unlimited = resource.RLIM_INFINITY
    cap = None if in_use is None else in_use + budget
    if cap is None or (soft != unlimited and soft <= cap) or (hard != unlimited and hard < cap):
        yield False
        return
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))
    try:
        yield True
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def _place(exc: BaseException) -> str | None:
    """'name.html.j2, line 3': the innermost template line in a traceback Jinja2 rewrote."""
    place = None
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            name = tb.tb_frame.f_code.co_filename.replace("\\", "/").rsplit("/", 1)[-1]
            place = _("{file}, line {line}").format(file=name, line=tb.tb_lineno)
        tb = tb.tb_next
    return place


def render(env: Environment, name: str, context: Mapping[str, Any]) -> str:
    """Compile (when not cached) and render `name`, within every limit above."""
    try:
        with memory_budget():
            parts: list[str] = []
            size = 0
            for part in env.get_template(name).generate(**context):
                size += len(part)
                if size > MAX_OUTPUT:
                    raise TemplateLimit(
                        _(
                            "the report's HTML would be longer than {max} characters; normtoets "
                            "renders reports up to that size"
                        ).format(max=integer(MAX_OUTPUT))
                    )
                parts.append(part)
            return "".join(parts)
    except MemoryError:
        raise TemplateLimit(
            _(
                "rendering {name} needs more than {size} MiB of memory; normtoets stops there"
            ).format(name=name, size=integer(MEMORY_BUDGET // 1024**2))
        ) from None
    except TemplateLimit as exc:
        place = _place(exc)
        if place is None:
            raise
        raise TemplateLimit(_("template {place}: {error}").format(place=place, error=exc)) from None
