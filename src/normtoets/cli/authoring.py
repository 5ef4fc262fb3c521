"""new and score: start files and edit judgements in place."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from normtoets.core.errors import UsageError

if TYPE_CHECKING:
    from normtoets.loading.session import Session
    from normtoets.models import Framework
from normtoets.cli.common import (
    NormsOption,
    app,
    fail_with,
    guarded,
)
from normtoets.cli.helptext import Command

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


@new_app.command("study", cls=Command, short_help="Create a study folder with its study.yaml.")
@guarded
def new_study(
    folder: Annotated[
        Path, typer.Argument(metavar="FOLDER", help="Folder for the study (created).")
    ],
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help="Title of the study.")],
    rekenkamer: Annotated[
        str, typer.Option("--rekenkamer", metavar="NAME", help="The rekenkamer(commissie).")
    ],
    municipality: Annotated[
        list[str],
        typer.Option("--municipality", metavar="NAME", help="A municipality; repeatable."),
    ],
    framework: Annotated[
        str | None,
        typer.Option("--framework", metavar="ID[@VERSION]", help="Framework ID or ID@VERSION."),
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


@new_app.command(
    "assessment", cls=Command, short_help="Create an assessment with every norm, not yet assessed."
)
@guarded
def new_assessment(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="The study folder.")],
    municipality: Annotated[
        str, typer.Option("--municipality", metavar="NAME", help="The municipality.")
    ],
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            metavar="ID[@VERSION]",
            help="Framework ID or ID@VERSION (default: the study's).",
        ),
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
@app.command(
    cls=Command,
    context_settings={"ignore_unknown_options": True},
    short_help="Edit one judgement in place.",
)
@guarded
def score(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The assessment file to edit.")],
    target: Annotated[
        str,
        typer.Argument(
            metavar="NORM", help="Norm or criterion id.", autocompletion=_complete_target
        ),
    ],
    value: Annotated[
        str | None,
        typer.Argument(
            metavar="SCORE", help="The score, e.g. '+'; one that starts with '-' after '--'."
        ),
    ] = None,
    score_option: Annotated[
        str | None,
        typer.Option(
            "--score", metavar="SCORE", help="The score as an option: --score=-- or --score=-."
        ),
    ] = None,
    finding: Annotated[
        str | None, typer.Option("--finding", metavar="TEXT", help="Set the finding.")
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option(
            "--evidence", metavar="SOURCE[:PAGE]", help="Add evidence: SOURCE or SOURCE:PAGE."
        ),
    ] = None,
    quote: Annotated[
        str | None, typer.Option("--quote", metavar="TEXT", help="The quote for --evidence.")
    ] = None,
    scored_by: Annotated[
        str | None,
        typer.Option("--scored-by", metavar="NAME", help="The researcher who scored the norm."),
    ] = None,
    reviewed_by: Annotated[
        str | None,
        typer.Option(
            "--reviewed-by",
            metavar="NAME",
            help="The second researcher who reviewed it (four eyes).",
        ),
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
        fail_with(refused, f"{file} is unchanged: nothing was written.")
    typer.echo(f"{file}: {target} bijgewerkt")
