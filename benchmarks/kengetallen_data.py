"""A generated study with kengetallen: the framework of the generated studies plus N
indicators, and per municipality values over P quarters (clearly fictional, seeded).

    from kengetallen_data import with_kengetallen
    norms_dir = with_kengetallen(study_dir, indicators=26, periods=8)

The assessments of `generate` get `indicator_values` and point at the copy of the framework
(id `benchmark-kengetallen`) written into study_dir/norms/.
"""

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRAMEWORK = ROOT / "norms" / "regioplan-sociaal-domein.yaml"
TARGETS = ["maximaal 56 dagen", "minimaal 90%", "Daling van 5%", "Toename", "Blijft gelijk",
           "Geen overschrijding", "85%"]  # fmt: skip


def _framework(indicators: int) -> str:
    text = FRAMEWORK.read_text(encoding="utf-8")
    text = text.replace("id: regioplan-sociaal-domein", "id: benchmark-kengetallen", 1)
    lines = ["indicators:"]
    for i in range(1, indicators + 1):
        better = ("lower", "higher", "neither")[i % 3]
        lines.append(
            f'  - {{id: K{i:02d}, text: "Fictief kengetal {i}", unit: "%", better: {better}, '
            f'frequency: kwartaal, target: "{TARGETS[i % len(TARGETS)]}"}}'
        )
    return text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"


def with_kengetallen(study: Path, indicators: int = 26, periods: int = 8, seed: int = 7) -> Path:
    """Add kengetallen to the generated study in `study`; the folder of its framework."""
    rng = random.Random(seed)
    norms = study / "norms"
    norms.mkdir(exist_ok=True)
    (norms / "benchmark-kengetallen.yaml").write_text(_framework(indicators), encoding="utf-8")
    quarters = [f"{2022 + q // 4}-Q{q % 4 + 1}" for q in range(periods)]
    for path in sorted(study.glob("*.yaml")):
        text = path.read_text(encoding="utf-8").replace(
            "id: regioplan-sociaal-domein", "id: benchmark-kengetallen"
        )
        if path.name != "study.yaml":
            lines = ["indicator_values:"]
            for i in range(1, indicators + 1):
                base = rng.uniform(40, 95)
                written = f"{base:.1f}".replace(".", ",")
                lines += [f"  K{i:02d}:", f'    baseline: {{period: "2021", value: "{written}"}}',
                          "    values:"]  # fmt: skip
                for quarter in quarters:
                    value = f"{base + rng.uniform(-8, 8):.1f}".replace(".", ",")
                    lines.append(f'      - {{period: "{quarter}", value: "{value}"}}')
            text = text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"
        path.write_text(text, encoding="utf-8")
    return norms
