"""JSON Schemas of the three file kinds, from the models, for editors and other validators."""

import json
from typing import Any

from pydantic import BaseModel

from normtoets.models import Assessment, Framework, Study

MODELS: dict[str, type[BaseModel]] = {
    "framework": Framework,
    "study": Study,
    "assessment": Assessment,
}


def schema(kind: str) -> dict[str, Any]:
    document = MODELS[kind].model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **document}


def schema_text(kind: str) -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"
