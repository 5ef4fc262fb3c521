from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for every file model: unknown keys are mistakes (a typo must not vanish)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, defer_build=True
    )
