"""Every user-facing string of the command line is in the Dutch catalog, and the compiled
catalog is the current one. English is the source text in the code."""

import ast
import gettext
import io
import re

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from conftest import REPO

SRC = REPO / "src" / "normtoets"
PO = SRC / "locale" / "nl" / "LC_MESSAGES" / "normtoets.po"
KEYWORDS = {"_": None, "ngettext": (1, 2)}


def extracted() -> set[str]:
    found = extract_from_dir(str(SRC), keywords=KEYWORDS, method_map=[("**.py", "python")])
    return {message if isinstance(message, str) else message[0] for _, _, message, *_ in found}


def catalog():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle)


def test_every_message_has_a_dutch_translation() -> None:
    entries = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog() if m.id}
    missing = sorted(extracted() - set(entries))
    assert missing == [], "not in the catalog; run `make catalog` and translate:\n" + "\n".join(
        missing
    )
    untranslated = [
        key
        for key, m in entries.items()
        if not (m.string if isinstance(m.string, str) else all(m.string)) or m.fuzzy
    ]
    assert untranslated == []


def test_no_stale_messages() -> None:
    stale = sorted(
        {m.id if isinstance(m.id, str) else m.id[0] for m in catalog() if m.id} - extracted()
    )
    assert stale == [], "in the catalog but no longer in the code: run `make catalog`"


def test_the_compiled_catalog_is_current() -> None:
    buffer = io.BytesIO()
    write_mo(buffer, catalog())
    buffer.seek(0)
    fresh = gettext.GNUTranslations(buffer)
    compiled = PO.with_suffix(".mo")
    assert compiled.is_file(), "no compiled catalog: run `make install` (pip install -e .)"
    with compiled.open("rb") as handle:
        installed = gettext.GNUTranslations(handle)
    # The header entry ("") holds the time of compiling (the .po keeps no date): compared are
    # the messages and the plural rule.
    messages = {k: v for k, v in installed._catalog.items() if k != ""}  # type: ignore[attr-defined]
    assert messages == {k: v for k, v in fresh._catalog.items() if k != ""}, (  # type: ignore[attr-defined]
        "stale .mo: run `make install` again"
    )
    assert [installed.plural(n) for n in range(3)] == [fresh.plural(n) for n in range(3)]  # type: ignore[attr-defined]


def test_translations_keep_the_placeholders() -> None:
    """`{name}` placeholders are named (translators reorder them) and the same in both texts."""
    field = re.compile(r"{([^{}]*)}")
    wrong = []
    for m in catalog():
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        names = {n for text in ids for n in field.findall(text)}
        if any(not n or n.isdigit() for n in names):
            wrong.append(f"unnamed placeholder: {ids[0]!r}")
        wrong += [f"{ids[0]!r} → {s!r}" for s in strings if set(field.findall(s)) != names]
    assert wrong == []


# What reaches the user: such text must go through _() or ngettext(). Every call of these with
# a literal or f-string text that holds a letter is reported; a text of numbers, names and
# punctuation alone (f"{row.id} ", "≠") needs no translation. The report's context (Dutch
# report prose, not the command line's) is left out.
USER_FACING_CALLS = {  # every positional argument; and exceptions of src, see _text_positions
    "ValueError",  # a model validator's: pydantic passes it on as the diagnostic's message
    "echo",  # typer.echo
    "print",  # a rich console's print
    "Text",  # rich text in a table or on the console
    "add_column",  # a table's column heading
}
USER_FACING_KEYWORDS = {"help", "short_help", "message", "hint", "note", "title"}
USER_FACING_PARAMETERS = {"message", "hint", "note", "what", "problem"}  # of functions in src
MARKERS = {"_", "ngettext"}
WRAPPERS = {"visible", "Text"}  # calls that pass their text on: looked into
NOT_CLI = ("report/context/",)


def _has_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value.replace("normtoets", "")  # the program's name is no word to translate
        return any(char.isalpha() for char in text)
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):  # "..." + "..."
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.Call) and _name(node) in WRAPPERS and node.args:
        return _has_words(node.args[0])
    return False


def _name(call: ast.Call) -> str:
    return str(getattr(call.func, "id", getattr(call.func, "attr", "")))


def _trees() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(SRC)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(SRC.rglob("*.py"))
    }


def _exceptions(trees: dict[str, ast.Module]) -> set[str]:
    """The exception classes defined in src (a base named *Error or *Exception, or one of
    them): the message is their first argument."""
    classes = {
        node.name: {str(getattr(b, "id", getattr(b, "attr", ""))) for b in node.bases}
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    found: set[str] = set()
    while True:
        more = {
            name
            for name, bases in classes.items()
            if any(b.endswith(("Error", "Exception")) or b in found for b in bases)
        }
        if more <= found:
            return found
        found |= more


def _text_positions(tree: ast.Module, exceptions: set[str]) -> dict[str, set[int]]:
    """Per function or class defined in the module: the positions of its text parameters
    (`message`, `hint`, ...), counted as its callers count them (no `self`); an exception
    class without its own __init__ takes its message first."""
    found: dict[str, set[int]] = {}
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name not in MARKERS:
            names = [a.arg for a in [*node.args.posonlyargs, *node.args.args]]
            names = names[1:] if names[:1] in (["self"], ["cls"]) else names
            key = node.name
        elif isinstance(node, ast.ClassDef):
            init = next(
                (n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"),
                None,
            )
            if init is not None:
                names = [a.arg for a in init.args.args][1:]
            elif node.name in exceptions:
                names = ["message"]
            else:  # a dataclass: its fields in order
                names = [
                    n.target.id
                    for n in node.body
                    if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
                ]
            key = node.name
        else:
            continue
        positions = {i for i, name in enumerate(names) if name in USER_FACING_PARAMETERS}
        if positions:
            found.setdefault(key, set()).update(positions)
    return found


def untranslated() -> list[str]:
    trees = _trees()
    exceptions = _exceptions(trees)
    local = {name: _text_positions(tree, exceptions) for name, tree in trees.items()}
    shared: dict[str, set[int]] = {}
    for positions in local.values():
        for function, found in positions.items():
            shared.setdefault(function, set()).update(found)
    raw = []
    for name, tree in trees.items():
        if name.startswith(NOT_CLI):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = _name(node)
            if called in MARKERS:
                continue
            if called in USER_FACING_CALLS:
                args = list(node.args)
            else:
                positions = local[name].get(called, shared.get(called, set()))
                args = [a for i, a in enumerate(node.args) if i in positions]
            args += [k.value for k in node.keywords if k.arg in USER_FACING_KEYWORDS]
            args += [k.value for k in node.keywords if k.arg in USER_FACING_PARAMETERS]
            raw += [f"{name}:{a.lineno}" for a in args if _has_words(a)]
    return list(dict.fromkeys(raw))


def test_user_facing_text_goes_through_the_catalog() -> None:
    raw = untranslated()
    assert raw == [], "user-facing text not marked for translation:\n" + "\n".join(raw)


def test_the_catalog_can_extract_every_message() -> None:
    """_() and ngettext() take literal text: Babel cannot extract an f-string or a name, and
    such a message would never be translated. Nor can it see a call inside an f-string's
    braces (f"| {_('text')} |"): every message the code asks for is one Babel extracts."""
    wrong = []
    asked: set[str] = set()
    for name, tree in _trees().items():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and _name(node) in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                asked.add(node.args[0].value)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and _name(node) in MARKERS
            ):
                count = 2 if _name(node) == "ngettext" else 1
                texts = node.args[:count]
                if len(texts) < count or not all(
                    isinstance(t, ast.Constant) and isinstance(t.value, str) for t in texts
                ):
                    wrong.append(f"{name}:{node.lineno}")
    assert wrong == []
    assert sorted(asked - extracted()) == []


def test_commands_take_their_help_from_the_catalog() -> None:
    """typer shows a command's docstring as its help unless `help=` is given: every command
    gives it, so the help is translated and the docstring is only for the code."""
    missing = []
    for name, tree in _trees().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                if (
                    isinstance(decorator, ast.Call)
                    and _name(decorator) == "command"
                    and not any(k.arg == "help" for k in decorator.keywords)
                ):
                    missing.append(f"{name}:{node.lineno} {node.name}")
    assert missing == []


def test_the_check_finds_untranslated_text(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The checks above catch the usual ways text reaches the user (and pass marked text)."""
    module = tmp_path / "normtoets" / "sample.py"
    module.parent.mkdir()
    lines = [  # (text, reported)
        ("class UsageError(Exception): ...", False),
        ("class Refused(UsageError): ...", False),
        ("def fail(code, message, hint=None): ...", False),
        ("fail('unknown-norm', 'unknown norm')", True),
        ("fail('unknown-norm', _('unknown norm'))", False),
        ("raise UsageError(f'path not found: {path}')", True),
        ("console.print(Text('Voortgang', style='bold'))", True),
        ("table.add_column('norm', no_wrap=True)", True),
        ("table.add_column(_('norm'), no_wrap=True)", False),
        ("typer.Option('--strict', help='Warnings fail the run too.')", True),
        ("Text(f'{row.id} ', style='bold')", False),
        ("console.print(visible(f'{name}: wrote it'))", True),
        ("typer.echo(f'normtoets {version}')", False),
        ("raise Refused(f'{url} is outside')", True),
        ("raise Refused(_('{url} is outside').format(url=url))", False),
        ("open(path, 'wb'); Diagnostic(name, 1, 1, Severity.error, 'unreadable', message)", False),
    ]
    module.write_text("".join(f"{text}\n" for text, _ in lines))
    monkeypatch.setitem(globals(), "SRC", module.parent)
    reported = [f"sample.py:{n}" for n, (_, flagged) in enumerate(lines, 1) if flagged]
    assert untranslated() == reported
