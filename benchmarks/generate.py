"""Generate a reproducible, clearly fictional benchmark study of N municipalities.

    python benchmarks/generate.py OUT_DIR [--count 342] [--seed 2019] [--framework norms/x.yaml]

Each assessment is realistic in size (~11 KB): findings of a few paragraphs with Dutch
diacritics, 3–8 evidence items, comments, who scored and reviewed each norm, and now and then
an ambtelijk wederhoor response. Every file says it is fictional.
"""

import argparse
import random
import textwrap
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FRAMEWORK = ROOT / "norms" / "regioplan-sociaal-domein.yaml"

PREFIXES = [
    "Ooster",
    "Wester",
    "Noord",
    "Zuid",
    "Nieuw",
    "Oud",
    "Groot",
    "Klein",
    "Hoog",
    "Laag",
    "Sint-",
    "Ter",
    "Berg",
    "Dal",
    "Veen",
    "Zand",
    "Heide",
    "Vliet",
    "Maas",
    "Rijn",
]
SUFFIXES = [
    "wijk",
    "dam",
    "dijk",
    "veen",
    "horst",
    "hoven",
    "broek",
    "sloot",
    "beek",
    "rade",
    "loo",
    "zijl",
    "meer",
    "waarde",
    "stein",
    "kerk",
    "burg",
    "hout",
    "donk",
    "ven",
]
SENTENCES = [
    "De gemeente heeft het beleid integraal opgezet en legt verbindingen met onderwijs en zorg.",
    "In de praktijk blijkt dat de toegang goed bereikbaar is, ook voor inwoners met een beperking.",
    "Het sociaal team werkt volgens een werkprocesbeschrijving die beknopt maar volledig is.",
    "De raad wordt geïnformeerd via de reguliere planning- en controlcyclus.",
    "Beleidsdoelen zijn vooral in procestermen geformuleerd; indicatoren ontbreken nog.",
    "Cliëntervaringen worden jaarlijks gemeten en besproken in het team.",
    "Er is geen structurele evaluatie waarin het integrale karakter van het beleid aan bod komt.",
    "Afspraken met politie, Veilig Thuis en de Raad voor de Kinderbescherming staan op schrift.",
    "De coördinator controleert elke zes weken de dossiers op de afgesproken werkwijze.",
    "Het ontschotten van budgetten maakt maatwerk mogelijk over de grenzen van Wmo en Jeugdwet.",
]
RESEARCHERS = ["Onderzoeker A (fictief)", "Onderzoeker B (fictief)", "Onderzoeker C (fictief)"]
OUTCOMES = ["gewijzigd", "ongewijzigd", "verduidelijkt"]

QUOTES = [
    "… we willen de zorg en ondersteuning goed afstemmen op wat de inwoner nodig heeft…",
    "… inwoners gaan over de inhoud van het plan; hebben de regie…",
    "… wij werken nog niet periodiek met standaardrapportages met beleidsinformatie…",
    "… de raad wordt met name via specifieke raadsbijeenkomsten geïnformeerd…",
    "… na twee jaar ervaring wordt het tijd voor de transformatie…",
]


def municipality_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        name = rng.choice(PREFIXES) + rng.choice(SUFFIXES)
        names.add(name if len(names) < 400 else f"{name} {len(names)}")
    return sorted(names)


def slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def assessment_text(framework: dict, name: str, rng: random.Random) -> str:
    scale = [level["code"] for level in framework["scale"]["levels"]]
    sources = [f"bron-{i}" for i in range(1, 7)]
    out = [
        "# FICTIEF — gegenereerd voor de benchmark van normtoets; geen echte gemeente of score.",
        f'framework: {{id: {framework["id"]}, version: "{framework["version"]}"}}',
        f"municipality: {name}",
        "study: benchmark-fictief",
        "status: concept",
        f"summary: Fictieve beoordeling van {name}.",
        "sources:",
    ]
    for i, source in enumerate(sources, 1):
        out.append(
            f'  - {{id: {source}, kind: document, title: "Fictieve nota {i} van {name}", '
            f"date: 2018-0{i}-1{i}}}"
        )
    out.append("judgements:")
    for theme in framework["themes"]:
        out.append(f"  # thema {theme['title']}")
        for norm in theme["norms"]:
            out.append(f"  {norm['id']}:")
            out.append(f'    score: "{rng.choice(scale)}"  # fictief')
            out.append("    finding: >-")
            for _ in range(rng.randint(1, 2)):  # paragraphs, separated by an empty line
                out += [f"      {line}" for line in textwrap.wrap(paragraph(rng, 2), 90)]
                out.append("")
            out.pop()
            scorer, reviewer = rng.sample(RESEARCHERS, 2)
            out.append(f"    scored_by: {scorer}")
            if rng.random() < 0.8:  # some norms still wait for their review
                out.append(f"    reviewed_by: {reviewer}")
            out.append("    evidence:")
            for _ in range(rng.randint(3, 8)):
                source, page, quote = rng.choice(sources), rng.randint(1, 60), rng.choice(QUOTES)
                out.append(f'      - {{source: {source}, page: "{page}", quote: "{quote}"}}')
            if rng.random() < 0.15:
                outcome = rng.choice(OUTCOMES)
                out += [
                    "    responses:",
                    f"      - {{date: 2019-06-1{rng.randint(0, 9)}, by: Gemeente {name},",
                    f'         text: "{paragraph(rng, 1)}", outcome: {outcome}'
                    + (
                        "}"
                        if outcome == "ongewijzigd"
                        else f', previous_finding: "{paragraph(rng, 1)}"}}'
                    ),
                ]
            if norm.get("criteria"):
                out.append("    criteria:")
                for criterion in norm["criteria"]:
                    out.append(f'      {criterion["id"]}: {{score: "{rng.choice(scale)}"}}')
    return "\n".join(out) + "\n"


def generate(out: Path, count: int, seed: int, framework_path: Path) -> list[Path]:
    rng = random.Random(seed)
    framework = YAML(typ="safe", pure=True).load(framework_path)
    names = municipality_names(count, rng)
    out.mkdir(parents=True, exist_ok=True)
    (out / "study.yaml").write_text(
        "# FICTIEF — gegenereerd voor de benchmark van normtoets.\n"
        "id: benchmark-fictief\n"
        "title: Fictieve benchmark integraal werken (gegenereerd)\n"
        "rekenkamer: Fictieve rekenkamer\n"
        f'framework: {{id: {framework["id"]}, version: "{framework["version"]}"}}\n'
        "municipalities:\n" + "".join(f"  - {n}\n" for n in names),
        encoding="utf-8",
    )
    paths = []
    for name in names:
        path = out / f"{slug(name)}.yaml"
        path.write_text(assessment_text(framework, name, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=342)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--framework", type=Path, default=DEFAULT_FRAMEWORK)
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed, args.framework)
    print(f"{len(paths)} fictional assessments in {args.out}")


if __name__ == "__main__":
    main()
