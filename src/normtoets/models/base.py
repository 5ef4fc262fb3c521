from pydantic import BaseModel, ConfigDict

# What an id may be: a letter or digit, then letters, digits, '.', '_' and '-'.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


class Strict(BaseModel):
    """Base for every file model: unknown keys are mistakes (a typo must not vanish)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, defer_build=True
    )
