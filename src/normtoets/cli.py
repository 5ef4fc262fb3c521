"""Command line: parses options, calls the library, renders. Nothing else imports typer."""

import functools
import gc
import io
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec

import typer
from rich.console import Console

from normtoets import __version__
from normtoets.core.diagnostics import Diagnostic, Severity, has_errors
from normtoets.core.errors import RunError, UsageError

if TYPE_CHECKING:
    from normtoets.loading.session import Session
    from normtoets.models import Framework

EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # what a shell reports for a writer stopped by SIGPIPE
P = ParamSpec("P")


_state = {"debug": False}


def _quiet_stdout() -> None:
    """The reader went away (`| head`): send what is left, and the final flush, nowhere."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's buffer)
        pass
    finally:
        os.close(devnull)


def _guarded(command: Callable[P, None]) -> Callable[P, None]:
    """The one place that maps exceptions to exit codes (option errors are typer's: exit 2)."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except UsageError as exc:
            _stderr().print(f"normtoets: {exc}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(2) from None
        except RunError as exc:
            _stderr().print(f"normtoets: {exc}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            _quiet_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except OSError as exc:  # the machine's, not a bug: a device error, a vanished folder
            where = f"{exc.filename}: " if exc.filename else ""
            _stderr().print(
                f"normtoets: {where}{exc.strerror or exc}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
            raise typer.Exit(1) from None
        except Exception as exc:
            if _state["debug"]:
                traceback.print_exc()
            else:
                _stderr().print(
                    f"normtoets: internal error: {type(exc).__name__}: {exc}\n"
                    "This is a bug in normtoets, not in your files. "
                    "Run again with --debug for a traceback and report it.",
                    highlight=False,
                    markup=False,
                )
            raise typer.Exit(EXIT_INTERNAL) from None

    return run


app = typer.Typer(
    help="Audit municipalities against a normenkader: validate, compare, report.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,  # audit data must never leak into a traceback
    add_completion=True,
    # Plain help: typer's rich help imports Markdown support and draws panels, which made
    # `--help` cost 2.5× the typer+rich import floor (benchmarks/run.py); plain help is 1.2×.
    rich_markup_mode=None,
)


def _stderr() -> Console:
    return Console(stderr=True)


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"


NormsOption = Annotated[
    list[Path] | None,
    typer.Option("--norms", help="Extra folder with frameworks (normenkaders); repeatable."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"normtoets {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on internal errors.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    _state["debug"] = debug


@app.command()
@_guarded
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders (default: ./norms and ./assessments)."),
    ] = None,
    norms: NormsOption = None,
    output_format: Annotated[
        DiagnosticFormat, typer.Option("--format", "-f", help="text or json.")
    ] = DiagnosticFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    sources: Annotated[
        list[Path] | None,
        typer.Option(
            "--sources",
            help="Folder with the sources' files (after the assessment's folder); repeatable.",
        ),
    ] = None,
) -> None:
    """Check frameworks, studies and assessments; report every problem as file:line:column."""
    from normtoets.loading.validate import default_paths
    from normtoets.loading.validate import validate as run_validate
    from normtoets.output.diagnostics import render_json, render_text

    report = run_validate(paths or default_paths(), norms, sources)
    if output_format is DiagnosticFormat.json:
        sys.stdout.write(render_json(report.diagnostics) + "\n")
    else:
        render_text(Console(), report.diagnostics, len(report.files))
    raise typer.Exit(1 if has_errors(report.diagnostics, strict) else 0)


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


TableFormatOption = Annotated[
    TableFormat, typer.Option("--format", "-f", help="table, json, csv or markdown.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout ('-': stdout)."),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help="Replace an existing output file (never an input or a YAML file)."
    ),
]


def _fail_with(diagnostics: list[Diagnostic], note: str | None = None) -> None:
    """Invalid input: the diagnostics of validate on stderr, exit 1."""
    from normtoets.output.diagnostics import render_text

    errors = [d for d in diagnostics if d.severity is Severity.error]
    render_text(_stderr(), errors, len({d.file for d in errors}))
    if note:
        _stderr().print(note, highlight=False, markup=False)
    raise typer.Exit(1)


def _destination(output: Path | None, inputs: list[Path], force: bool) -> Path | None:
    """The file --output names (checked: never an input, YAML, folder or device), or None
    for standard output."""
    if output is None:
        return None
    from normtoets.files.output_target import inputs_of, target

    return target(output, inputs=inputs_of(inputs), force=force)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        from normtoets.files.atomic import write_text

        write_text(output, text)


def _emit_table(draw: Callable[[Console], None], output: Path | None, *, width: int) -> None:
    """Rich tables on the terminal, or as plain text of `width` columns written to OUTPUT,
    atomically like every other format."""
    if output is None:
        draw(Console())
        return
    buffer = io.StringIO()
    draw(Console(file=buffer, width=width))
    _emit(buffer.getvalue(), output)


@app.command()
@_guarded
def compare(
    paths: Annotated[list[Path], typer.Argument(help="A study folder, or assessment files.")],
    norms: NormsOption = None,
    output_format: TableFormatOption = TableFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    criteria: Annotated[bool, typer.Option("--criteria", help="Add the criterion rows.")] = False,
    only_differences: Annotated[
        bool, typer.Option("--only-differences", help="Only rows where municipalities differ.")
    ] = False,
    lessons: Annotated[
        bool, typer.Option("--lessons", help="Add 'voorbeeld voor de anderen' per norm.")
    ] = False,
    mean: Annotated[
        bool, typer.Option("--mean", help="Add the mean per theme (needs numeric scale values).")
    ] = False,
) -> None:
    """Municipalities side by side, norm by norm, with who can serve as an example."""
    from normtoets.analysis import comparison as comparing
    from normtoets.loading.selection import select
    from normtoets.output import comparison as render

    output = _destination(output, [*paths, *(norms or [])], force)
    selection, diagnostics = select(paths, norms)
    if selection is None:
        _fail_with(diagnostics)
        return
    _warn(diagnostics)
    if mean and any(level.value is None for level in selection.framework.scale.levels):
        raise UsageError(
            f"--mean needs a numeric value for every scale level of {selection.framework.ref}"
        )
    result = comparing.build(selection.framework, selection.assessments, selection.study)
    if output_format is TableFormat.json:
        _emit(render.to_json(result), output)
    elif output_format is TableFormat.csv:
        _emit(render.to_csv(result, criteria=criteria, only_differences=only_differences), output)
    elif output_format is TableFormat.markdown:
        text = render.to_markdown(
            result,
            criteria=criteria,
            mean=mean,
            only_differences=only_differences,
            with_lessons=lessons,
        )
        _emit(text, output)
    else:

        def draw(console: Console) -> None:
            render.render_table(
                console, result, criteria=criteria, mean=mean, only_differences=only_differences
            )
            if lessons:
                render.render_lessons(console, result)

        _emit_table(draw, output, width=120)


def _warn(*found: list[Diagnostic]) -> None:
    """The warnings and infos of the files a successful run used, on stderr, each once."""
    from normtoets.output.diagnostics import render_text

    diagnostics = sorted({d for group in found for d in group if d.severity is not Severity.error})
    if diagnostics:
        render_text(_stderr(), diagnostics, len({d.file for d in diagnostics}))


@app.command("diff")
@_guarded
def diff_rounds(
    old: Annotated[Path, typer.Argument(help="The assessment of the earlier round.")],
    new: Annotated[Path, typer.Argument(help="The assessment of the later round.")],
    norms: NormsOption = None,
    output_format: TableFormatOption = TableFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    criteria: Annotated[
        bool, typer.Option("--criteria", help="Add the criterion rows (JSON always has them).")
    ] = False,
) -> None:
    """Doorwerking: two rounds of one municipality, norm by norm, with each follow-up."""
    from normtoets.loading import rounds
    from normtoets.output import diff as render

    output = _destination(output, [old, new, *(norms or [])], force)
    loaded, diagnostics = rounds.load(old, new, norms)
    if loaded is None:
        _fail_with(diagnostics)
        return
    _warn(diagnostics, loaded.warnings)
    if output_format is TableFormat.json:
        _emit(render.to_json(loaded.diff), output)
    elif output_format is TableFormat.csv:
        _emit(render.to_csv(loaded.diff, criteria=criteria), output)
    elif output_format is TableFormat.markdown:
        _emit(render.to_markdown(loaded.diff, criteria=criteria), output)
    else:
        _emit_table(
            lambda console: render.render_table(console, loaded.diff, criteria=criteria),
            output,
            width=100,
        )


class SchemaKind(StrEnum):
    framework = "framework"
    study = "study"
    assessment = "assessment"


@app.command()
@_guarded
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="framework, study or assessment.")],
) -> None:
    """Print the JSON Schema of a file kind (for editors with the YAML language server)."""
    from normtoets.models.jsonschema import schema_text

    sys.stdout.write(schema_text(kind.value))


@app.command()
@_guarded
def status(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Assessment files or folders (default: ./assessments)."),
    ] = None,
    norms: NormsOption = None,
    output_format: Annotated[
        DiagnosticFormat, typer.Option("--format", "-f", help="text (a table) or json.")
    ] = DiagnosticFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any assessment is incomplete.")
    ] = False,
) -> None:
    """Progress per assessment: norms scored, findings and evidence missing, unused sources."""
    from normtoets.analysis.progress import progress
    from normtoets.loading.session import Session
    from normtoets.loading.validate import collect
    from normtoets.output import progress as render

    session = Session(norms)
    loaded = session.load_all(collect(paths or [Path("assessments")]))
    for item in loaded:
        session.register(item)
    rows, problems = [], []
    for item in loaded:
        if item.kind != "assessment":
            continue
        framework = session.framework(item.model.framework) if item.model else None
        if item.model is None or framework is None:
            problems += [d for d in session.check(item) if d.severity is Severity.error]
            continue
        rows.append(progress(item.name, framework, item.model))
    if output_format is DiagnosticFormat.json:
        sys.stdout.write(render.render_json(rows))
    else:
        render.render_table(Console(), rows)
    if problems:
        _fail_with(problems)
    raise typer.Exit(1 if strict and not all(r.complete for r in rows) else 0)


@app.command()
@_guarded
def frameworks(norms: NormsOption = None) -> None:
    """List the frameworks found: bundled, in ./norms and in --norms folders."""
    from normtoets.core.controlchars import visible
    from normtoets.loading.session import Session

    for framework in sorted(Session(norms).frameworks(), key=lambda f: (f.id, f.version)):
        count = sum(1 for _ in framework.norms())
        line = f"{framework.id}@{framework.version}\t{count} normen\t{framework.title}"
        typer.echo(visible(line))


new_app = typer.Typer(help="Start a study or an assessment from a framework.", no_args_is_help=True)
app.add_typer(new_app, name="new")


def _framework(session: "Session", spec: str | None) -> "Framework":
    """ID or ID@VERSION; without one, the only framework there is."""
    from normtoets.models import FrameworkRef

    if spec and "@" in spec:
        fid, version = spec.split("@", 1)
        found = session.framework(FrameworkRef(id=fid, version=version))
    elif spec:
        found = session.framework_by_id(spec)
    else:
        ids = {f.id for f in session.frameworks()}
        if len(ids) != 1:
            raise UsageError(f"name a framework with --framework ({', '.join(sorted(ids))})")
        found = session.framework_by_id(ids.pop())
    if found is None:
        raise UsageError(f"framework '{spec}' not found; see 'normtoets frameworks'")
    return found


@new_app.command("study")
@_guarded
def new_study(
    folder: Annotated[Path, typer.Argument(help="Folder for the study (created).")],
    title: Annotated[str, typer.Option("--title", help="Title of the study.")],
    rekenkamer: Annotated[str, typer.Option("--rekenkamer", help="The rekenkamer(commissie).")],
    municipality: Annotated[
        list[str], typer.Option("--municipality", help="A municipality; repeatable.")
    ],
    framework: Annotated[
        str | None, typer.Option("--framework", help="Framework ID or ID@VERSION.")
    ] = None,
    norms: NormsOption = None,
) -> None:
    """Create FOLDER/study.yaml (never overwrites)."""
    from normtoets.authoring.scaffold import new_study as create
    from normtoets.loading.session import Session

    fw = _framework(Session(norms), framework)
    path = create(
        folder, title=title, rekenkamer=rekenkamer, municipalities=municipality, framework=fw
    )
    typer.echo(f"created {path}")


@new_app.command("assessment")
@_guarded
def new_assessment(
    folder: Annotated[Path, typer.Argument(help="The study folder.")],
    municipality: Annotated[str, typer.Option("--municipality", help="The municipality.")],
    framework: Annotated[
        str | None,
        typer.Option("--framework", help="Framework ID or ID@VERSION (default: the study's)."),
    ] = None,
    norms: NormsOption = None,
) -> None:
    """Create an assessment with every norm and criterion, 'niet beoordeeld' (never overwrites)."""
    from normtoets.authoring.scaffold import new_assessment as create
    from normtoets.loading.session import Session

    session = Session(norms)
    study = session.study_in(folder)
    if framework is None and study is None:
        raise UsageError(
            f"{folder} has no study.yaml: create the study first (normtoets new study), "
            "or name the framework with --framework"
        )
    if framework is None and study is not None:
        framework = f"{study.framework.id}@{study.framework.version}"
    fw = _framework(session, framework)
    path = create(folder, municipality=municipality, framework=fw, study=study)
    typer.echo(f"created {path}")


def _complete_target(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for `score`: the norm and criterion ids of the file's framework."""
    from normtoets.loading.session import Session
    from normtoets.models import Assessment

    file = ctx.params.get("file")
    if not file:
        return []
    session = Session()
    model = session.load(Path(file)).model
    fw = session.framework(model.framework) if isinstance(model, Assessment) else None
    ids = [n.id for n in fw.norms()] + [c.id for c in fw.criteria()] if fw else []
    return [i for i in ids if i.startswith(incomplete)]


# ignore_unknown_options: a score like '- -' or '-' must reach the rule, not the option parser.
@app.command(context_settings={"ignore_unknown_options": True})
@_guarded
def score(
    file: Annotated[Path, typer.Argument(help="The assessment file to edit.")],
    target: Annotated[
        str, typer.Argument(help="Norm or criterion id.", autocompletion=_complete_target)
    ],
    value: Annotated[
        str | None,
        typer.Argument(help="The score, e.g. '+'; one that starts with '-' after '--'."),
    ] = None,
    score_option: Annotated[
        str | None,
        typer.Option("--score", help="The score as an option: --score=-- or --score=-."),
    ] = None,
    finding: Annotated[str | None, typer.Option("--finding", help="Set the finding.")] = None,
    evidence: Annotated[
        str | None, typer.Option("--evidence", help="Add evidence: SOURCE or SOURCE:PAGE.")
    ] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="The quote for --evidence.")] = None,
    scored_by: Annotated[
        str | None, typer.Option("--scored-by", help="The researcher who scored the norm.")
    ] = None,
    reviewed_by: Annotated[
        str | None,
        typer.Option("--reviewed-by", help="The second researcher who reviewed it (four eyes)."),
    ] = None,
    norms: NormsOption = None,
) -> None:
    """Edit one judgement in place; comments and layout stay as they were.

    A score that starts with '-' is given as --score=-- (or --score=-), or after '--', which
    ends the options: normtoets score duiven.yaml B5 -- --
    """
    from normtoets.authoring.scoring import Edit, apply
    from normtoets.loading.session import Session

    if not file.is_file():
        raise UsageError(f"path not found: {file}")
    if value is not None and score_option is not None:
        raise UsageError("give the score once: as SCORE or as --score")
    value = value if value is not None else score_option
    if all(x is None for x in (value, finding, evidence, scored_by, reviewed_by)):
        raise UsageError(
            "nothing to change: give a score, --finding, --evidence, --scored-by or "
            "--reviewed-by (a score that starts with '-' as --score=-- or --score=-)"
        )
    if (evidence is None) != (quote is None):
        raise UsageError("--evidence and --quote go together")
    given = {"score": value, "--finding": finding, "--evidence": evidence, "--quote": quote,
             "--scored-by": scored_by, "--reviewed-by": reviewed_by}  # fmt: skip
    for option, text in given.items():
        if text is not None and any("\udc80" <= char <= "\udcff" for char in text):
            raise UsageError(
                f"{option} holds bytes that are not UTF-8; check the terminal's encoding"
            )
    source, _, page = (evidence or "").partition(":")
    edit = Edit(target, value, finding, source or None, page or None, quote, scored_by, reviewed_by)
    refused = apply(file, edit, Session(norms))
    if refused:
        _fail_with(refused, f"{file} is unchanged: nothing was written.")
    typer.echo(f"{file}: {target} bijgewerkt")


REPORT_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def _report_files(output: Path, as_html: bool, split: bool) -> list[tuple[str | None, Path, str]]:
    """(volume, file name, "pdf" or "html") of each file the report writes, before any check."""
    from normtoets.files.output_target import is_stream
    from normtoets.report import SPLIT_VOLUMES

    if is_stream(output):
        if split:
            raise UsageError("--split writes two files: give a file name, not standard output")
        return [(None, output, "html" if as_html else "pdf")]
    suffix = output.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise UsageError(
            f"{output}: a report is written as .pdf or .html (--html); "
            f"normtoets does not write '{output.suffix or output.name}' files"
        )
    if as_html and REPORT_SUFFIXES[suffix] == "pdf":
        output = output.with_suffix(".html")
    kind = REPORT_SUFFIXES[output.suffix.lower()]
    if not split:
        return [(None, output, kind)]
    return [
        (volume, output.with_name(f"{output.stem}-{volume}{output.suffix}"), kind)
        for volume in SPLIT_VOLUMES
    ]


def _report_bytes(html: str, kind: str, templates: Path | None) -> bytes:
    """The standalone HTML or the PDF."""
    if kind == "html":
        from normtoets.report.html import standalone

        return standalone(html, templates).encode("utf-8")
    from normtoets.report.pdf import pdf_bytes

    return pdf_bytes(html, templates=templates)


def _write_report(data: bytes, target: Path | None) -> None:
    """To `target`, or (None) standard output."""
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        from normtoets.files.atomic import write_bytes

        write_bytes(target, data)


@app.command()
@_guarded
def report(
    path: Annotated[
        Path, typer.Argument(help="An assessment file, or a study folder with --compare.")
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The .pdf or .html file to write ('-': stdout)."),
    ],
    force: ForceOption = False,
    compare: Annotated[
        bool, typer.Option("--compare", help="The comparison report of a study folder.")
    ] = False,
    html: Annotated[bool, typer.Option("--html", help="Write the HTML alone.")] = False,
    split: Annotated[
        bool,
        typer.Option("--split", help="Two volumes: bestuurlijke nota and nota van bevindingen."),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="Your own templates/CSS, used before the bundled ones."),
    ] = None,
    since: Annotated[
        Path | None,
        typer.Option("--since", help="The earlier round's assessment: adds 'Doorwerking'."),
    ] = None,
    norms: NormsOption = None,
) -> None:
    """Render the rekenkamer report (Dutch): one municipality, or the comparison."""
    import normtoets.report as reports
    from normtoets.loading.selection import select
    from normtoets.loading.session import Session

    if templates is not None and not templates.is_dir():
        raise UsageError(f"templates folder not found: {templates}")
    if path.is_dir() and not compare:
        raise UsageError(f"{path} is a folder: add --compare for the comparison report")
    if compare and split:
        raise UsageError("--split is for the report of one municipality")
    if compare and since:
        raise UsageError("--since is for the report of one municipality")
    inputs = [path, *([since] if since else []), *([templates] if templates else [])]
    files = [
        (volume, name, kind, _destination(name, [*inputs, *(norms or [])], force))
        for volume, name, kind in _report_files(output, html, split)
    ]
    session = Session(norms)  # one for both: the later round is loaded and checked once
    selection, diagnostics = select([path], session=session)
    if selection is None:
        _fail_with(diagnostics, "No report was written.")
        return
    earlier, found = None, [diagnostics]
    if since is not None:
        from normtoets.loading import rounds

        earlier, problems = rounds.load(since, path, session=session)
        if earlier is None:
            _fail_with(problems, "No report was written.")
            return
        found += [problems, earlier.warnings]
    _warn(*found)
    if compare:
        rendered: str | dict[str, str] = reports.comparison_html(
            selection.framework, selection.assessments, selection.study, templates=templates
        )
    else:
        if len(selection.assessments) != 1:
            raise UsageError("a municipality report takes one assessment file")
        rendered = reports.municipality_html(
            selection.framework,
            selection.assessments[0],
            selection.study,
            templates=templates,
            split=split,
            since=earlier.diff if earlier else None,
            since_study=earlier.old_study if earlier else None,
        )
    # Every volume made before any is written: a refusal in the second writes nothing at all.
    made = [
        (
            name,
            target,
            _report_bytes(
                rendered if isinstance(rendered, str) else rendered[str(volume)], kind, templates
            ),
        )
        for volume, name, kind, target in files
    ]
    for name, target, data in made:
        _write_report(data, target)
        if target is not None:
            typer.echo(f"wrote {name}")


def main() -> None:
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    finally:
        # The process ends here: spare the interpreter's last collection a walk over every
        # object still alive (0.1 s after a report). Every file is closed by now: output files
        # are written whole and atomically.
        gc.freeze()
