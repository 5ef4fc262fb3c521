"""Write the example tables of examples/: the bundled Regioplan normenkader as a workbook and a
CSV (what `normtoets new framework --from` reads), and the illustrative criteria workbook of the
Westervoort klankbordgroep. Run it again after changing either; the files are committed.

    python tools/make_example_tables.py
"""

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
HEADER = ["thema", "norm", "kort", "normtekst", "criterium", "criteriumtekst", "onderzoeksvraag"]
SCALE = ["code", "omschrijving", "voldaan", "waarde", "kleur"]


def _sheet(book: Workbook, title: str, rows: list[list[object]], widths: list[int]) -> None:
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _save(book: Workbook, path: Path) -> None:
    del book[book.sheetnames[0]]  # the empty default sheet
    book.properties.creator = "normtoets tools/make_example_tables.py"
    book.save(path)


def regioplan() -> None:
    framework = YAML(typ="safe").load(REPO / "norms" / "regioplan-sociaal-domein.yaml")
    asked: dict[str, list[str]] = {}
    for question in framework["research_questions"]:
        for norm in question["norms"]:
            asked.setdefault(norm, []).append(question["id"])
    rows: list[list[object]] = [HEADER]
    for theme in framework["themes"]:
        for norm in theme["norms"]:
            questions = "; ".join(asked.get(norm["id"], []))
            rows.append([theme["title"], norm["id"], norm.get("short", ""), norm["text"], "", "",
                         questions])  # fmt: skip
            for criterion in norm.get("criteria", []):
                rows.append(["", "", "", "", criterion["id"], criterion["text"], ""])
    scale = [SCALE] + [
        [lv["code"], lv["label"], "ja" if lv["meets"] else "nee", lv.get("value"), lv["color"]]
        for lv in framework["scale"]["levels"]
    ]
    questions = [["id", "onderzoeksvraag"]] + [
        [q["id"], " ".join(q["text"].split())] for q in framework["research_questions"]
    ]
    book = Workbook()
    _sheet(book, "Normen", rows, [18, 8, 30, 60, 10, 60, 16])
    _sheet(book, "Schaal", scale, [8, 26, 9, 9, 10])
    _sheet(book, "Onderzoeksvragen", questions, [8, 90])
    _save(book, REPO / "examples" / "normenkader" / "normenkader.xlsx")
    # The CSV has one table only: the questions' texts stand in the norm rows, 'OV1: text' at
    # their first mention.
    given: set[str] = set()
    texts = {q["id"]: " ".join(q["text"].split()) for q in framework["research_questions"]}
    with (REPO / "examples" / "normenkader" / "normenkader.csv").open(
        "w", encoding="utf-8", newline=""
    ) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows[1:]:
            ids = [q for q in str(row[6]).split("; ") if q]
            named = [q if q in given else f"{q}: {texts[q]}" for q in ids]
            given.update(ids)
            writer.writerow([*row[:6], "; ".join(named)])


# The klankbordgroep worked per operational line of "Samen Sterk" (003_…: Volwassenen, Jeugd,
# WMO, Werk en Inkomen, Beschermd thuis) with the aspects Zelfredzaamheid, Maatwerk in
# ondersteuning, Ondersteuning passend en dichtbij, Normaliseren and Toekomstbestendig. Its
# criteria are not in the source: the texts below only illustrate the layout.
LINES = [("V", "Volwassenen"), ("J", "Jeugd"), ("W", "WMO"), ("I", "Werk en Inkomen"),
         ("T", "Beschermd thuis")]  # fmt: skip
ASPECTS = ["Zelfredzaamheid", "Maatwerk in ondersteuning", "Ondersteuning passend en dichtbij",
           "Normaliseren", "Toekomstbestendig"]  # fmt: skip


def klankbordgroep() -> None:
    rows: list[list[object]] = [HEADER]
    for letter, line in LINES:
        for number, aspect in enumerate(ASPECTS, 1):
            text = f"Illustratief criterium: het scenario draagt binnen de lijn {line} bij aan " \
                   f"{aspect.lower()}."  # fmt: skip
            rows.append([line, f"{letter}{number}", aspect, text, "", "", ""])
    scale = [SCALE, ["+", "scoort positief", "ja", 1, "#4dac26"],
             ["-", "scoort negatief", "nee", -1, "#d01c8b"]]  # fmt: skip
    book = Workbook()
    _sheet(book, "Normen", rows, [18, 8, 30, 70, 10, 10, 10])
    _sheet(book, "Schaal", scale, [8, 20, 9, 9, 10])
    _save(book, REPO / "examples" / "westervoort-klankbordgroep" / "criteria.xlsx")


if __name__ == "__main__":
    regioplan()
    klankbordgroep()
