"""One language per surface: the command line speaks Dutch by default and English when the
locale asks for it; codes, JSON keys and CSV header keys are the same in both; the reports
are Dutch whatever the locale.

The rest of the suite runs in English (conftest); these tests choose the language
themselves. Help is translated when the commands are defined, at import, so it is tested in
a fresh process with the environment set."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, REPO
from normtoets.core import i18n

NORMS = ACCEPTANCE / "norms"
BAD = ACCEPTANCE / "bad"
GOOD = ACCEPTANCE / "good"
FIXTURE = REPO / "tests" / "fixtures" / "compare"
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
DEFAULT: dict[str, str | None] = dict.fromkeys(LOCALE)  # no locale at all: Dutch
ENGLISH: dict[str, str | None] = {**DEFAULT, "LANG": "en_US.UTF-8"}
LANGUAGES = {"nl": DEFAULT, "en": ENGLISH}


# ---------------------------------------------------------------- choosing the language


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "nl"),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),  # a machine without a language setting: the default
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_GB"}, "en"),
        ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_ALL": "nl_NL.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "nl"),
        ({"LANGUAGE": "en:nl", "LC_ALL": "nl_NL.UTF-8"}, "en"),
        ({"LANGUAGE": "nl:en", "LANG": "en_US.UTF-8"}, "nl"),
    ],
)
def test_the_first_locale_variable_set_chooses(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    for variable in LOCALE:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert i18n.language() == expected


def test_numbers_as_the_language_writes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "nl")
    assert (i18n.number(-0.2), i18n.number(0.5, sign=True), i18n.number(0, sign=True)) == (
        "-0,20",
        "+0,50",
        "+0,00",
    )
    assert (i18n.number(10.0, 0), i18n.integer(2_097_152)) == ("10", "2.097.152")
    monkeypatch.setenv("LANGUAGE", "en")
    assert (i18n.number(-0.2), i18n.number(0.5, sign=True)) == ("-0.20", "+0.50")
    assert i18n.integer(2_097_152) == "2,097,152"


# ---------------------------------------------------------------- messages and exit codes


@pytest.mark.parametrize(
    ("language", "message", "summary"),
    [
        ("nl", "onbekende norm 'B3' in normenkader mini@1 (misschien 'B2'?)", "2 fouten, "),
        ("en", "unknown norm 'B3' in framework mini@1 (did you mean 'B2'?)", "2 errors, "),
    ],
)
def test_diagnostics(run, language: str, message: str, summary: str) -> None:
    result = run("validate", "--norms", NORMS, BAD / "unknown-norm.yaml", env=LANGUAGES[language])
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "[unknown-norm]" in x)
    # The place, the severity and the code are the same in both languages.
    assert line == f"{BAD.relative_to(REPO) / 'unknown-norm.yaml'}:18:3: error [unknown-norm] " + (
        message
    )
    assert result.stdout.splitlines()[-1].startswith(summary)


@pytest.mark.parametrize(
    ("paths", "dutch", "english"),
    [
        ([BAD / "invalid-score.yaml"], "1 fout in 1 bestand", "1 error in 1 file"),
        (
            [BAD / "unknown-norm.yaml"],
            "2 fouten, 1 waarschuwing in 1 bestand",
            "2 errors, 1 warning in 1 file",
        ),
        ([BAD / "unused-source.yaml"], "1 waarschuwing in 1 bestand", "1 warning in 1 file"),
        ([GOOD], "geen problemen in 3 bestanden", "no problems in 3 files"),
        ([GOOD / "testdorp.yaml"], "geen problemen in 1 bestand", "no problems in 1 file"),
    ],
)
def test_the_summary_counts_in_words(run, paths: list[Path], dutch: str, english: str) -> None:
    for language, expected in (("nl", dutch), ("en", english)):
        result = run("validate", "--norms", NORMS, *paths, env=LANGUAGES[language])
        assert result.stdout.splitlines()[-1] == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "normtoets: pad niet gevonden: "), ("en", "normtoets: path not found: ")],
)
def test_usage_errors(run, tmp_path: Path, language: str, expected: str) -> None:
    missing = tmp_path / "nergens.yaml"
    result = run("score", missing, "B1", "+", env=LANGUAGES[language])
    assert result.exit_code == 2
    assert result.stderr == f"{expected}{missing}\n"


def test_refused_edit_and_written_file(run, tmp_path: Path) -> None:
    path = tmp_path / "testdorp.yaml"
    path.write_text((GOOD / "testdorp.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    refused = run("score", "--norms", NORMS, path, "B1", "xx", env=DEFAULT)
    assert refused.exit_code == 1
    said = " ".join(refused.stderr.split())  # the console wraps long lines
    assert "score 'xx' komt niet voor in de schaal" in said
    assert f"{path} is ongewijzigd: er is niets geschreven." in said
    # A definitief assessment: a changed norm is reviewed again in the same command.
    again = ("--reviewed-by", "Bo Jansen")
    done = run("score", "--norms", NORMS, path, "B1", "+", *again, env=DEFAULT)
    assert (done.exit_code, done.stdout) == (0, f"{path}: B1 bijgewerkt\n")
    done = run("score", "--norms", NORMS, path, "B1", "++", *again, env=ENGLISH)
    assert (done.exit_code, done.stdout) == (0, f"{path}: B1 updated\n")


HEADERS = {
    "nl": ("Voortgang", ["gemeente", "status", "normen", "deelcriteria", "open punten"], "totaal"),
    "en": ("Progress", ["municipality", "status", "norms", "criteria", "open points"], "total"),
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_table_headers(run, language: str) -> None:
    title, header, total = HEADERS[language]
    env = {**LANGUAGES[language], "NO_COLOR": "1", "COLUMNS": "200"}
    out = run("status", "--norms", NORMS, FIXTURE, env=env).stdout
    assert out.splitlines()[0].strip() == title
    assert [cell.strip() for cell in out.splitlines()[2].split("┃")[1:-1]] == header
    assert f"{total} (3)" in out


def test_the_decimal_comma(run) -> None:
    env = {"NO_COLOR": "1", "COLUMNS": "200"}
    dutch = run("compare", "--norms", NORMS, "--mean", FIXTURE, env={**DEFAULT, **env}).stdout
    english = run("compare", "--norms", NORMS, "--mean", FIXTURE, env={**ENGLISH, **env}).stdout
    assert "(gem. -0,50)" in dutch and "(gem. +1,00)" in dutch and "0.50" not in dutch
    assert "(mean -0.50)" in english and "(mean +1.00)" in english


def test_csv_words_follow_the_language_and_its_header_does_not(run) -> None:
    dutch = run("compare", "--norms", NORMS, "-f", "csv", FIXTURE, env=DEFAULT).stdout
    english = run("compare", "--norms", NORMS, "-f", "csv", FIXTURE, env=ENGLISH).stdout
    assert dutch.splitlines()[0] == english.splitlines()[0]
    assert [row.split(",")[6] for row in dutch.splitlines()[1:]] == ["ja", "nee", "nee"]
    assert [row.split(",")[6] for row in english.splitlines()[1:]] == ["yes", "no", "no"]


@pytest.mark.parametrize(
    "command",
    [
        ["compare", "-f", "json", FIXTURE],
        ["status", "-f", "json", FIXTURE],
        ["validate", "-f", "json", BAD / "unknown-norm.yaml"],
    ],
    ids=["compare", "status", "validate"],
)
def test_json_keys_and_codes_do_not_change(run, command: list[object]) -> None:
    dutch = json.loads(run(*command, "--norms", NORMS, env=DEFAULT).stdout)
    english = json.loads(run(*command, "--norms", NORMS, env=ENGLISH).stdout)
    if command[0] == "validate":  # only the messages and hints are words
        words = ("message", "hint")
        dutch = [{k: v for k, v in d.items() if k not in words} for d in dutch]
        english = [{k: v for k, v in d.items() if k not in words} for d in english]
    assert dutch == english


def test_the_report_is_dutch_whatever_the_locale(run, tmp_path: Path) -> None:
    testdorp = GOOD / "testdorp.yaml"
    pages = {}
    for language, env in LANGUAGES.items():
        target = tmp_path / f"{language}.html"
        result = run("report", "--norms", NORMS, testdorp, "--html", "-o", target, env=env)
        assert result.exit_code == 0, result.output
        pages[language] = target.read_text(encoding="utf-8")
        assert result.stdout == ""  # stdout carries results; what was written goes to stderr
        assert (f"{target} geschreven\n" if language == "nl" else f"wrote {target}\n") in (
            result.stderr
        )
    assert pages["en"] == pages["nl"]
    assert 'lang="nl"' in pages["en"]


# ---------------------------------------------------------------- help, in a fresh process


def _help(*command: str, language: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE}
    env.update({k: v for k, v in LANGUAGES[language].items() if v is not None})
    env["COLUMNS"] = "100"
    done = subprocess.run(
        [sys.executable, "-m", "normtoets", *command, "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
        check=True,
    )
    return done.stdout


def test_help_in_dutch_by_default() -> None:
    text = _help("compare", language="nl")
    usage = text.splitlines()[0]  # "python -m normtoets" here, "normtoets" when installed
    assert usage.startswith("Gebruik: ") and usage.endswith("normtoets compare [OPTIES] PATH...")
    assert "Gemeenten naast elkaar, norm voor norm, met wie als voorbeeld kan dienen." in text
    for line in ("Argumenten:", "Opties:", "Toon deze hulptekst en stop.", "[standaard: table]"):
        assert line in text
    assert "Usage" not in text and "Show this message" not in text
    overview = _help(language="nl")
    assert "Opdrachten:" in overview and "Gemeenten naast elkaar, norm voor norm." in overview


def test_help_in_english_with_an_english_locale() -> None:
    text = _help("compare", language="en")
    usage = text.splitlines()[0]
    assert usage.startswith("Usage: ") and usage.endswith("normtoets compare [OPTIONS] PATH...")
    assert "Municipalities side by side, norm by norm, with who can serve as an example." in text
    for line in ("Arguments:", "Options:", "Show this message and exit.", "[default: table]"):
        assert line in text
    assert "Gemeenten" not in text
    score = _help("score", language="en")
    assert "A score that starts with '-' is given as --score=--" in score
