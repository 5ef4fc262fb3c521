"""One registry of output formats: every format a command offers has a renderer there."""

from normtoets.cli.common import TableFormat
from normtoets.output.formats import FORMATS, names


def test_every_offered_format_is_registered() -> None:
    for kind in ("comparison", "diff"):
        assert set(names(kind)) == {f.value for f in TableFormat}, kind
    for kind, formats in FORMATS.items():
        for name, found in formats.items():
            assert found.name == name
            assert (found.text is None) != (found.draw is None), (kind, name)
