"""Hostile but valid input for the cost benchmarks: many sources, a framework of many norms.

    python benchmarks/hostile.py OUT_DIR [--sources 10000] [--norms 1000]

Every file stays within normtoets' limits (2 MiB, 10,000 items per list, 1,000 norms), so
only the number of items makes it large. Past the limits the same generator makes the inputs of
the issue that set them (40,000 sources; 10,000 norms), which are now refused with a diagnostic.
"""

import argparse
from pathlib import Path

FRAMEWORK_ID = "hostile"
SCALE = """scale:
  levels:
    - {code: "+", label: voldoet, meets: true, value: 1, color: "#1b7837"}
    - {code: "-", label: voldoet niet, meets: false, value: -1, color: "#b2182b"}"""
SOURCE_TEXT = "De gemeente werkt samen met de huisartsen, het onderwijs en de corporaties.\n"


def many_sources(folder: Path, count: int, cited: bool = True) -> Path:
    """An assessment of the bundled framework with `count` sources, each `via` the next and the
    last naming a text file, and a quote from each that is not in that file. Not `cited`: the
    sources alone (the issue's 40,000 in 1.5 MB)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bron.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    lines = [
        'framework: {id: regioplan-sociaal-domein, version: "2019"}',
        "municipality: Veelbronnen",
        "status: concept",
        "sources:",
    ]
    if not cited:
        lines += [f"  - {{id: s{i}, kind: document, title: t}}" for i in range(count)]
    else:
        lines += [
            *(
                f"  - {{id: s{i}, kind: document, title: t, via: s{i + 1}}}"
                for i in range(count - 1)
            ),
            f"  - {{id: s{count - 1}, kind: document, title: t, file: bron.txt}}",
            "judgements:",
            "  B1:",
            '    score: "+"',
            "    evidence:",
            *(f'      - {{source: s{i}, quote: "samen met de artsen {i}"}}' for i in range(count)),
        ]
    path = folder / "veelbronnen.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def many_norms(folder: Path, count: int, themes: int = 10) -> tuple[Path, Path]:
    """A framework of `count` norms (two criteria each) in `norms/`, and an assessment scoring
    every norm."""
    norms = folder / "norms"
    norms.mkdir(parents=True, exist_ok=True)
    lines = [f"id: {FRAMEWORK_ID}", 'version: "1"', "title: Veel normen", SCALE, "themes:"]
    per_theme = max(1, count // themes)
    for n in range(count):
        if n % per_theme == 0:
            lines += [f"  - id: t{n}", f"    title: Thema {n}", "    norms:"]
        lines.append(
            f"      - {{id: N{n}, text: Norm {n}., criteria: "
            f"[{{id: N{n}.a, text: a}}, {{id: N{n}.b, text: b}}]}}"
        )
    framework = norms / f"{FRAMEWORK_ID}.yaml"
    framework.write_text("\n".join(lines) + "\n", encoding="utf-8")
    judged = [f'  N{n}: {{score: "+", finding: Bevinding {n}.}}' for n in range(count)]
    assessment = folder / "veelnormen.yaml"
    assessment.write_text(
        f'framework: {{id: {FRAMEWORK_ID}, version: "1"}}\nmunicipality: Veelnormen\n'
        "status: concept\njudgements:\n" + "\n".join(judged) + "\n",
        encoding="utf-8",
    )
    return norms, assessment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--norms", type=int, default=1_000)
    args = parser.parse_args()
    print(many_sources(args.out / "sources", args.sources, cited=args.sources <= 10_000))
    print(*many_norms(args.out / "norms", args.norms))


if __name__ == "__main__":
    main()
