"""`normtoets schema`: the published schemas match the models and accept the bundled files."""

import json

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import ACCEPTANCE, REPO
from normtoets.models.jsonschema import MODELS

FILES = {
    "framework": [*sorted((REPO / "norms").glob("*.yaml")), ACCEPTANCE / "norms" / "mini.yaml"],
    "study": [*sorted(REPO.glob("assessments/*/study.yaml")), ACCEPTANCE / "good" / "study.yaml"],
    "assessment": [p for p in REPO.glob("assessments/*/*.yaml") if p.name != "study.yaml"]
    + [ACCEPTANCE / "good" / "testdorp.yaml"],
}


@pytest.mark.parametrize("kind", MODELS)
def test_committed_schema_is_current(run, kind: str) -> None:
    result = run("schema", kind)
    assert result.exit_code == 0
    assert result.stdout == (REPO / "schemas" / f"{kind}.schema.json").read_text(), (
        "regenerate: normtoets schema KIND > schemas/KIND.schema.json"
    )


@pytest.mark.parametrize("kind", MODELS)
def test_schema_accepts_the_bundled_files(run, kind: str) -> None:
    schema = json.loads(run("schema", kind).stdout)
    yaml = YAML(typ="safe", pure=True)
    for path in FILES[kind]:
        data = json.loads(json.dumps(yaml.load(path), default=str))  # dates as ISO text
        jsonschema.validate(data, schema)


def test_unknown_kind_is_a_usage_error(run) -> None:
    assert run("schema", "rapport").exit_code == 2
