"""new and score: start files and edit judgements in place."""

# Deferred imports: normtoets.authoring, normtoets.loading, normtoets.models, normtoets.office —
# each command loads only the library it runs, so `validate` starts without the report's Jinja and
# WeasyPrint and `compare` without openpyxl (measured in benchmarks/,
# docs/reference/performance.md).

import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from normtoets.core.diagnostics import Severity
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _

if TYPE_CHECKING:
    from normtoets.loading.session import Session
    from normtoets.models import Framework
from normtoets.cli.common import (
    PREFIX,
    NormsOption,
    SourcesOption,
    app,
    fail_with,
    guarded,
    say,
    warn,
)
from normtoets.cli.helptext import Command, Group

new_app = typer.Typer(
    cls=Group, help=_("Start a study or an assessment from a framework."), no_args_is_help=True
)
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
            raise UsageError(
                _("name a framework with --framework ({ids})").format(ids=", ".join(sorted(ids)))
            )
        found = session.framework_by_id(ids.pop())
    if found is None and session.broken:
        fail_with(
            session.broken_diagnostics(),
            _(
                "framework '{framework}' not found: a framework file above could not be loaded"
            ).format(framework=spec),
        )
    if found is None:
        raise UsageError(
            _("framework '{framework}' not found; see 'normtoets frameworks'").format(
                framework=spec
            )
        )
    return found


@new_app.command(
    "study",
    cls=Command,
    short_help=_("Create a study folder with its study.yaml."),
    help=_("Create FOLDER/study.yaml (never overwrites)."),
)
@guarded
def new_study(
    folder: Annotated[
        Path, typer.Argument(metavar="FOLDER", help=_("Folder for the study (created)."))
    ],
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help=_("Title of the study."))],
    rekenkamer: Annotated[
        str, typer.Option("--rekenkamer", metavar="NAME", help=_("The rekenkamer(commissie)."))
    ],
    municipality: Annotated[
        list[str],
        typer.Option("--municipality", metavar="NAME", help=_("A municipality; repeatable.")),
    ],
    framework: Annotated[
        str | None,
        typer.Option("--framework", metavar="ID[@VERSION]", help=_("Framework ID or ID@VERSION.")),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar="WORD",
            help=_(
                "What the study audits: gemeente (default), provincie, waterschap, "
                "'gemeenschappelijke regeling' or scenario."
            ),
        ),
    ] = None,
    research_by: Annotated[
        str | None,
        typer.Option(
            "--research-by",
            metavar="NAME",
            help=_("Who did the research, if not the rekenkamer itself (e.g. a research firm)."),
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", metavar="YYYY", min=1900, max=2100, help=_("The year of the study.")
        ),
    ] = None,
    norms: NormsOption = None,
) -> None:
    """new study: study.yaml and the schemas."""
    from normtoets.authoring.scaffold import new_study as create
    from normtoets.loading.session import Session

    fw = _framework(Session(norms), framework)
    path = create(
        folder,
        title=title,
        rekenkamer=rekenkamer,
        municipalities=municipality,
        framework=fw,
        unit=unit,
        research_by=research_by,
        year=year,
    )
    typer.echo(_("created {path}").format(path=path))


@new_app.command(
    "assessment",
    cls=Command,
    short_help=_("Create an assessment with every norm, not yet assessed."),
    help=_("Create an assessment with every norm and criterion, not assessed (never overwrites)."),
)
@guarded
def new_assessment(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help=_("The study folder."))],
    municipality: Annotated[
        str, typer.Option("--municipality", metavar="NAME", help=_("The municipality."))
    ],
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            metavar="ID[@VERSION]",
            help=_("Framework ID or ID@VERSION (default: the study's)."),
        ),
    ] = None,
    norms: NormsOption = None,
) -> None:
    """new assessment: every norm and criterion of the framework, each scored `nb`."""
    from normtoets.authoring.scaffold import new_assessment as create
    from normtoets.loading.session import Session

    session = Session(norms)
    study = session.study_in(folder)
    if framework is None and study is None:
        raise UsageError(
            _(
                "{folder} has no study.yaml: create the study first (normtoets new study), or "
                "name the framework with --framework"
            ).format(folder=folder)
        )
    if framework is None and study is not None:
        framework = f"{study.framework.id}@{study.framework.version}"
    fw = _framework(session, framework)
    path = create(folder, municipality=municipality, framework=fw, study=study)
    typer.echo(_("created {path}").format(path=path))


@new_app.command(
    "framework",
    cls=Command,
    short_help=_("Create a framework file from a normenkader kept as a table."),
    help=_(
        "Create a framework file from a normenkader kept as a table (.xlsx or .csv): a header "
        "row with thema, norm, normtekst, criterium, criteriumtekst, onderzoeksvraag; the "
        "scale from a sheet 'Schaal', from --scale, or the default four levels (never "
        "overwrites)."
    ),
)
@guarded
def new_framework(
    output: Annotated[
        Path, typer.Argument(metavar="FILE.yaml", help=_("The framework file to create."))
    ],
    table: Annotated[
        Path,
        typer.Option("--from", metavar="TABLE", help=_("The normenkader as .xlsx or .csv.")),
    ],
    framework_id: Annotated[str, typer.Option("--id", metavar="ID", help=_("The framework's id."))],
    version: Annotated[
        str, typer.Option("--version", metavar="VERSION", help=_("The framework's version."))
    ],
    title: Annotated[
        str, typer.Option("--title", metavar="TEXT", help=_("The framework's title."))
    ],
    scale: Annotated[
        Path | None,
        typer.Option(
            "--scale",
            metavar="SCALE",
            help=_(
                "The scale as a table (.csv or .xlsx: its sheet 'Schaal' or its first) with "
                "the columns code, omschrijving, voldaan, and optionally waarde, kleur."
            ),
        ),
    ] = None,
) -> None:
    """new framework: the table read, checked, written as an ordinary framework file."""
    from normtoets.authoring.scaffold import new_framework as create
    from normtoets.loading.session import Session
    from normtoets.office.framework_table import build, framework_yaml

    _table_file(table, _("--from reads a table: an .xlsx or .csv file"))
    if scale is not None:
        _table_file(scale, _("--scale reads a table: an .xlsx or .csv file"))
    built, problems = build(table, scale)
    if problems:
        fail_with(problems, _("Nothing was written."))
    text = framework_yaml(built, fid=framework_id, version=version, title=title,
                          origin=table.name)  # fmt: skip
    session = Session()
    loaded = session.from_text(output, text)
    errors = [d for d in session.check(loaded) if d.severity is Severity.error]
    if errors:
        fail_with(errors, _("Nothing was written."))
    create(output, text, values={"--id": framework_id, "--version": version, "--title": title})
    typer.echo(_("created {path}").format(path=output))
    if built.default_scale:
        say(PREFIX + _default_scale_note())


def _table_file(path: Path, wrong_kind: str) -> None:
    """A table to read: a file that is there, .xlsx or .csv."""
    if not path.is_file():
        raise UsageError(_("path not found: {path}").format(path=path))
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise UsageError(wrong_kind)


def _default_scale_note() -> str:
    """Which scale a framework made without one has: the default levels, named."""
    from normtoets.office.framework_table import DEFAULT_LEVELS

    return _(
        "no scale given: the default scale {codes} (meets: {meets}) was used; give --scale "
        "SCALE.csv for another"
    ).format(
        codes=", ".join(str(level["code"]) for level in DEFAULT_LEVELS),
        meets=", ".join(str(level["code"]) for level in DEFAULT_LEVELS if level["meets"]),
    )


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


class ScoreCommand(Command):
    """`score` lets an unknown option through as the score ('-', '--' and '- -' must reach
    the scale's rule, not the option parser); a word after '--' (`--reviewd-by`) is no score
    but a misspelled option, refused as one, with the nearest."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from typer._click.exceptions import NoSuchOption  # typer's own click

        known = sorted({name for param in self.params for name in getattr(param, "opts", ())}
                       | set(ctx.help_option_names))  # fmt: skip
        for arg in args:
            if arg == "--":
                break
            name = arg.split("=", 1)[0]
            if re.match(r"--[A-Za-z]", name) and name not in known:
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                raise NoSuchOption(name, possibilities=close, ctx=ctx)
        return list(super().parse_args(ctx, args))


# ignore_unknown_options: a score like '- -' or '-' must reach the rule, not the option parser.
@app.command(
    cls=ScoreCommand,
    context_settings={"ignore_unknown_options": True},
    short_help=_("Edit one judgement in place."),
    help=_(
        "Edit one judgement in place; comments and layout stay as they were.\n\nA score that "
        "starts with '-' is given as --score=-- (or --score=-), or after '--', which ends the "
        "options: normtoets score duiven.yaml B5 -- --"
    ),
)
@guarded
def score(
    file: Annotated[Path, typer.Argument(metavar="FILE", help=_("The assessment file to edit."))],
    target: Annotated[
        str,
        typer.Argument(
            metavar="NORM", help=_("Norm or criterion id."), autocompletion=_complete_target
        ),
    ],
    value: Annotated[
        str | None,
        typer.Argument(
            metavar="SCORE", help=_("The score, e.g. '+'; one that starts with '-' after '--'.")
        ),
    ] = None,
    score_option: Annotated[
        str | None,
        typer.Option(
            "--score",
            metavar="SCORE",
            help=_("The score as an option: --score=-- or --score=-."),
        ),
    ] = None,
    finding: Annotated[
        str | None, typer.Option("--finding", metavar="TEXT", help=_("Set the finding."))
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option(
            "--evidence",
            metavar="SOURCE[:PAGE]",
            help=_("Add evidence: SOURCE or SOURCE:PAGE."),
        ),
    ] = None,
    quote: Annotated[
        str | None,
        typer.Option("--quote", metavar="TEXT", help=_("The quote for --evidence.")),
    ] = None,
    scored_by: Annotated[
        str | None,
        typer.Option("--scored-by", metavar="NAME", help=_("The researcher who scored the norm.")),
    ] = None,
    reviewed_by: Annotated[
        str | None,
        typer.Option(
            "--reviewed-by",
            metavar="NAME",
            help=_("The second researcher who reviewed it (four eyes)."),
        ),
    ] = None,
    norms: NormsOption = None,
    sources: SourcesOption = None,
) -> None:
    """score: one judgement edited in place, or refused with the file untouched."""
    from normtoets.authoring.scoring import Edit, apply
    from normtoets.loading.session import Session
    from normtoets.loading.validate import require_folders

    if not file.is_file():
        raise UsageError(_("path not found: {path}").format(path=file))
    value = _one_score(value, score_option)
    if (evidence is None) != (quote is None):
        raise UsageError(_("--evidence and --quote go together"))
    if all(x is None for x in (value, finding, evidence, scored_by, reviewed_by)):
        raise UsageError(
            _(
                "nothing to change: give a score, --finding, --evidence, --scored-by or "
                "--reviewed-by (a score that starts with '-' as --score=-- or --score=-)"
            )
        )
    given = {"score": value, "--finding": finding, "--evidence": evidence, "--quote": quote,
             "--scored-by": scored_by, "--reviewed-by": reviewed_by}  # fmt: skip
    _refuse_undecoded(given)
    source, _colon, page = (evidence or "").partition(":")
    edit = Edit(target, value, finding, source or None, page or None, quote, scored_by, reviewed_by)
    require_folders(sources)
    prepared = apply(file, edit, Session(norms, sources))
    if prepared.refusals:
        fail_with(
            prepared.refusals, _("{file} is unchanged: nothing was written.").format(file=file)
        )
    typer.echo(_("{file}: {target} updated").format(file=file, target=target))
    # what the edit leaves to look at: a quote not found, a stale review
    warn(prepared.notices, infos=True)


def _one_score(value: str | None, score_option: str | None) -> str | None:
    """The score, given as SCORE or as --score (a score that starts with '-'), never both."""
    if value is not None and score_option is not None:
        raise UsageError(_("give the score once: as SCORE or as --score"))
    return value if value is not None else score_option


def _refuse_undecoded(given: dict[str, str | None]) -> None:
    """Refuse the first option holding bytes the terminal's encoding did not decode: Python
    keeps such bytes of the command line as lone surrogates, U+DC80 to U+DCFF."""
    for option, text in given.items():
        if text is not None and any("\udc80" <= char <= "\udcff" for char in text):
            raise UsageError(
                _("{option} holds bytes that are not UTF-8; check the terminal's encoding").format(
                    option=option
                )
            )
