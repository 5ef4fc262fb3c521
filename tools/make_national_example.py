"""Write examples/landelijk-onderzoek/: a FICTIONAL national study of 42 municipalities with
generated scores and kengetallen, to show a factsheet per participant and numbers against the
distribution. Every name, score and number is made up (seeded: the same files every run).

    python tools/make_national_example.py
"""

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "examples" / "landelijk-onderzoek"
SEED = 2026
COUNT = 42

FIRST = ["Olm", "Bram", "Kwak", "Ruis", "Zwin", "Mert", "Plom", "Stru", "Wijl", "Klap", "Drom",
         "Fels", "Gaar", "Hulp", "Jirn", "Lier", "Norr", "Orp", "Prin", "Quel", "Sned"]  # fmt: skip
LAST = ["erdam", "enhoven", "ebroek", "erveld", "ewoude", "egeest", "erkerk", "ensluis"]

FRAMEWORK = """\
# FICTIEF: een verzonnen normenkader van een verzonnen landelijk onderzoek
# (tools/make_national_example.py).
id: "wmo-toegang-fictief"
version: "2026"
title: "Toegang tot de Wmo (fictief normenkader)"
scale:
  levels:
    - {code: "++", label: "voldoet volledig", meets: true, value: 2, color: "#1b7837"}
    - {code: "+", label: "voldoet grotendeels", meets: true, value: 1, color: "#a6dba0"}
    - {code: "-", label: "voldoet grotendeels niet", meets: false, value: -1, color: "#f4a582"}
    - {code: "--", label: "voldoet niet", meets: false, value: -2, color: "#b2182b"}
themes:
  - id: "toegang"
    title: "Toegang"
    norms:
      - {id: "T1", short: "Tijdige afhandeling",
         text: "Aanvragen worden binnen de wettelijke termijn afgehandeld."}
      - {id: "T2", short: "Zicht op doorlooptijden",
         text: "De gemeente heeft zicht op de doorlooptijden en stuurt erop."}
      - {id: "T3", short: "Informatie aan de raad",
         text: "De raad wordt over de toegang geïnformeerd."}
indicators:
  - {id: "K1", text: "Doorlooptijd Wmo-aanvraag", unit: "dagen", better: lower, frequency: kwartaal,
     target: "maximaal 56 dagen", norms: ["T1"], group: "Tijdigheid"}
  - {id: "K2", text: "Aanvragen binnen de termijn afgehandeld", unit: "%", better: higher,
     frequency: kwartaal, target: "minimaal 90%", norms: ["T1"], group: "Tijdigheid"}
  - {id: "K3", text: "Cliënttevredenheid Wmo", unit: "%", better: higher, frequency: jaar,
     target: "Toename", group: "Kwaliteit"}
  - {id: "K4", text: "Maatwerkvoorzieningen per 1.000 inwoners", unit: "aantal", frequency: jaar,
     group: "Gebruik"}
  - {id: "K5", text: "Kosten Wmo per inwoner", unit: "€", better: lower, frequency: jaar,
     target: "Daling van 3%", group: "Kosten"}
"""

QUARTERS = [f"{year}-Q{q}" for year in (2022, 2023) for q in (1, 2, 3, 4)]
YEARS = ["2022", "2023", "2024"]


def names(rng: random.Random) -> list[str]:
    found: list[str] = []
    while len(found) < COUNT:
        name = rng.choice(FIRST) + rng.choice(LAST)
        if name not in found:
            found.append(name)
    return found


def dutch(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def entry(period: str, value: str) -> str:
    return f'      - {{period: "{period}", value: "{value}", source: monitor}}'


def baseline(value: str) -> str:
    return f'    baseline: {{period: "2021", value: "{value}", source: monitor}}'


def assessment(name: str, rng: random.Random) -> str:
    slow = rng.uniform(-12, 18)  # how far this municipality is from the usual doorlooptijd
    lines = [
        "# yaml-language-server: $schema=schemas/assessment.schema.json",
        "# FICTIEF: gegenereerd door tools/make_national_example.py; elke waarde is verzonnen.",
        'framework: {id: wmo-toegang-fictief, version: "2026"}',
        f'municipality: "{name}"',
        "study: wmo-toegang-fictief",
        "status: definitief",
        "date: 2026-11-20",
        'review_note: "Vier-ogen-review in het dossier van de deelnemende rekenkamer (fictief)."',
        "sources:",
        '  - {id: monitor, kind: document, title: "Monitor Wmo-toegang (fictief)"}',
        "judgements:",
    ]
    scores = ["++", "+", "-", "--"]
    on_time = 92 - slow * 0.8
    for norm, lean in (("T1", slow / 10), ("T2", rng.uniform(-1, 1.5)), ("T3", rng.uniform(-1, 2))):
        score = scores[max(0, min(3, round(1 + lean + rng.uniform(-0.7, 0.7))))]
        lines += [f"  {norm}:", f'    score: "{score}"',
                  "    finding: Fictieve bevinding, gegenereerd voor het voorbeeld.",
                  "    evidence:",
                  "      - {source: monitor, note: Fictieve waarde uit de monitor.}"]  # fmt: skip
    lines.append("indicator_values:")
    lines += ["  K1:", baseline(dutch(50 + slow, 1)), "    values:"]
    for i, period in enumerate(QUARTERS):
        days = 50 + slow - i * rng.uniform(0, 1.2) + rng.uniform(-3, 3)
        lines.append(entry(period, dutch(days, 1)))
    lines += ["  K2:", "    values:"]
    for i, period in enumerate(QUARTERS):
        share = min(100, on_time + i * rng.uniform(0, 0.6) + rng.uniform(-3, 3))
        lines.append(entry(period, f"{dutch(share, 0)}%"))
    happy = rng.uniform(68, 84)
    lines += ["  K3:", baseline(f"{dutch(happy, 0)}%"), "    values:"]
    for period in YEARS:
        happy += rng.uniform(-2, 2.5)
        lines.append(entry(period, f"{dutch(happy, 0)}%"))
    lines += ["  K4:", "    values:"]
    use = rng.uniform(35, 75)
    for period in YEARS:
        use += rng.uniform(-2, 3)
        lines.append(entry(period, dutch(use, 1)))
    cost = rng.uniform(180, 320)
    lines += ["  K5:", baseline(f"€ {dutch(cost, 0)}"), "    values:"]
    for period in YEARS:
        cost *= 1 + rng.uniform(-0.05, 0.03)
        lines.append(
            f'      - {{period: "{period}", value: "€ {dutch(cost, 0)}", source: monitor}}'
        )
    return "\n".join(lines) + "\n"


def slug(name: str) -> str:
    return name.lower()


def main() -> None:
    rng = random.Random(SEED)
    (OUT / "norms").mkdir(parents=True, exist_ok=True)
    (OUT / "norms" / "wmo-toegang-fictief.yaml").write_text(FRAMEWORK, encoding="utf-8")
    found = names(rng)
    sizes = [int(round(rng.lognormvariate(10.2, 0.8), -2)) for _ in found]
    study = [
        "# yaml-language-server: $schema=schemas/study.schema.json",
        "# FICTIEF: een verzonnen landelijk onderzoek van 42 verzonnen gemeenten, gegenereerd door",
        "# tools/make_national_example.py. Geen naam, score of getal komt uit een bron.",
        "id: wmo-toegang-fictief",
        'title: "Toegang tot de Wmo (fictief landelijk onderzoek)"',
        'rekenkamer: "Samenwerkende rekenkamers (fictief)"',
        "year: 2026",
        'framework: {id: wmo-toegang-fictief, version: "2026"}',
        "# inwoners: verzonnen, om de kengetallen per CBS-grootteklasse te vergelijken",
        "# (normtoets kengetallen --group-by inwoners).",
        "municipalities:",
        *(
            f'  - {{name: "{name}", attributes: {{inwoners: {size}}}}}'
            for name, size in zip(found, sizes, strict=True)
        ),
        "general_lessons: []",
        "mutual_lessons: []",
    ]
    (OUT / "study.yaml").write_text("\n".join(study) + "\n", encoding="utf-8")
    for name in found:
        (OUT / f"{slug(name)}.yaml").write_text(assessment(name, rng), encoding="utf-8")


if __name__ == "__main__":
    main()
