"""`new`: a study folder, or an assessment with every norm present and its text as a comment."""

import json
import re
import unicodedata
from pathlib import Path

from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.files.atomic import write_text
from normtoets.models import Framework, Study
from normtoets.models.jsonschema import schema_text
from normtoets.models.study import UNITS

SCHEMA_DIR = "schemas"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "onderzoek"


def quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def comment_lines(text: str, indent: str) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) > 84:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return [f"{indent}# {part}" for part in [*lines, line] if part]


# Line breaks too: a name lands in a comment line of the new file, where a break would start a
# key of its own.
_NOT_IN_A_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(value: str, option: str) -> None:
    found = _NOT_IN_A_NAME.search(value)
    if found:
        message = (
            _("{option} holds a line break; give it on one line")
            if found.group(0) in "\n\r\u2028\u2029"
            else _("{option} holds a control character; give it on one line")
        )
        raise UsageError(message.format(option=option))


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise UsageError(
            _("{path} exists already; normtoets never overwrites it").format(path=path)
        )


def _write_schemas(folder: Path) -> None:
    target = folder / SCHEMA_DIR
    target.mkdir(parents=True, exist_ok=True)
    for kind in ("study", "assessment"):
        write_text(target / f"{kind}.schema.json", schema_text(kind))


def _unit(word: str) -> str:
    """One of the unit words a study names (UNITS), or a usage error listing them."""
    found = next((unit for unit in UNITS if unit.casefold() == word.strip().casefold()), None)
    if found is None:
        raise UsageError(
            _("--unit '{word}' is not a unit; one of: {units}").format(
                word=word, units=", ".join(UNITS)
            )
        )
    return found


def new_study(
    folder: Path,
    *,
    title: str,
    rekenkamer: str,
    municipalities: list[str],
    framework: Framework,
    study_id: str | None = None,
    unit: str | None = None,
    research_by: str | None = None,
    year: int | None = None,
) -> Path:
    """FOLDER/study.yaml; unit, research_by and year only when given."""
    path = folder / "study.yaml"
    given = [(title, "--title"), (rekenkamer, "--rekenkamer"), (research_by, "--research-by")]
    for value, option in given:
        if value is not None:
            _one_line(value, option)
    for name in municipalities:
        _one_line(name, "--municipality")
    if unit is not None:
        _one_line(unit, "--unit")
        unit = _unit(unit)
    refuse_existing(path)
    if not municipalities:
        raise UsageError(_("name at least one --municipality"))
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_DIR}/study.schema.json",
        f"id: {study_id or slug(title)}",
        f"title: {quote(title)}",
        f"rekenkamer: {quote(rekenkamer)}",
        *([f"research_by: {quote(research_by)}"] if research_by is not None else []),
        "researchers: []",
        *([f"year: {year}"] if year is not None else []),
        f"framework: {{id: {framework.id}, version: {quote(framework.version)}}}",
        *([f"unit: {quote(unit)}"] if unit is not None else []),
        "municipalities:",
        *(f"  - {quote(m)}" for m in municipalities),
        "general_lessons: []",
        "mutual_lessons: []",
    ]
    folder.mkdir(parents=True, exist_ok=True)
    _write_schemas(folder)
    create_new(path, lines)
    return path


def create_new(path: Path, lines: list[str]) -> None:
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write("\n".join(lines) + "\n")


def new_assessment(
    folder: Path, *, municipality: str, framework: Framework, study: Study | None
) -> Path:
    _one_line(municipality, "--municipality")
    path = folder / f"{slug(municipality)}.yaml"
    refuse_existing(path)
    not_assessed = quote(framework.scale.not_assessed.code)
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_DIR}/assessment.schema.json",
        f"# Beoordeling van {municipality} tegen {framework.title} ({framework.ref}).",
        f"# Scores: {', '.join(f'{lvl.code} = {lvl.label}' for lvl in framework.scale.levels)}, "
        f"{framework.scale.not_assessed.code} = {framework.scale.not_assessed.label}, "
        f"{framework.scale.not_applicable.code} = {framework.scale.not_applicable.label}.",
        f"framework: {{id: {framework.id}, version: {quote(framework.version)}}}",
        f"municipality: {quote(municipality)}",
        *([f"study: {study.id}"] if study else []),
        "status: concept",
        "researchers: []",
        "sources: []",
        "judgements:",
    ]
    for theme in framework.themes:
        lines.append(f"  # --- {theme.title} ---")
        for norm in theme.norms:
            lines += comment_lines(f"{norm.id}: {norm.text}", "  ")
            lines += [
                f"  {norm.id}:",
                f"    score: {not_assessed}",
                '    finding: ""',
                "    evidence: []",
            ]
            if norm.criteria:
                lines.append("    criteria:")
                for criterion in norm.criteria:
                    lines += comment_lines(f"{criterion.id}: {criterion.text}", "      ")
                    lines.append(f"      {criterion.id}: {{score: {not_assessed}}}")
    lines += ["answers: []", "conclusions: []", "recommendations: []"]
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / SCHEMA_DIR).is_dir():
        _write_schemas(folder)
    create_new(path, lines)
    return path


def new_framework(path: Path, text: str, *, values: dict[str, str]) -> Path:
    """Create a framework file holding `text` (already checked); never overwrite."""
    for option, value in values.items():
        _one_line(value, option)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(_("a framework file is named FILE.yaml"))
    refuse_existing(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    create_new(path, text.rstrip("\n").split("\n"))
    return path
