# Two entry points for a fresh machine with python3 and make: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STUDY := assessments/integraal-werken-sociaal-domein
# A fictional study of several rekenkamers: a joint assessment, a province, a part, a defect scale.
JOINT := examples/gezamenlijk-onderzoek
# A fictional national study of 42 municipalities with kengetallen (tools/make_national_example.py).
NATIONAL := examples/landelijk-onderzoek

.PHONY: install demo test lint docs bench clean liberation-fonts catalog

# Running needs only normtoets and its dependencies; the test and lint tools come with `make test`.
$(BIN)/normtoets: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(BIN)/normtoets
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/normtoets

# The main job on the bundled study: validate, compare, reports into out/.
demo: install
	$(BIN)/normtoets validate
	$(BIN)/normtoets compare $(STUDY) --criteria --lessons
	$(BIN)/normtoets compare $(STUDY) --format csv --criteria --output out/vergelijking.csv --force
	$(BIN)/normtoets compare $(STUDY) --format json --output out/vergelijking.json --force
	$(BIN)/normtoets compare $(STUDY) --format markdown --criteria --lessons --output out/vergelijking.md --force
	$(BIN)/normtoets report $(STUDY)/duiven.yaml --output out/duiven.pdf --force
	$(BIN)/normtoets report $(STUDY)/duiven.yaml --output out/duiven.html --force
	$(BIN)/normtoets report $(STUDY) --compare --output out/vergelijking.pdf --force
	$(BIN)/normtoets report $(STUDY) --compare --output out/vergelijking.html --force
	$(BIN)/normtoets report $(STUDY)/duiven.yaml --output out/duiven.docx --force
	$(BIN)/normtoets export $(STUDY) --output out/scoren.xlsx --force
	$(BIN)/normtoets aanbevelingen $(STUDY) examples/doorwerking examples/register --format markdown --output out/aanbevelingen.md --force
	$(BIN)/normtoets report examples/register --register --output out/stand-van-zaken.pdf --force
	$(BIN)/normtoets agree examples/dubbele-scoring/dubbel/voorbeeldstad.a.yaml examples/dubbele-scoring/dubbel/voorbeeldstad.b.yaml --format markdown --output out/overeenstemming.md --force
	$(BIN)/normtoets diff $(STUDY)/duiven.yaml examples/doorwerking/duiven-2022.yaml --format markdown --output out/doorwerking.md --force
	$(BIN)/normtoets report examples/doorwerking/duiven-2022.yaml --since $(STUDY)/duiven.yaml --output out/doorwerking.pdf --force
	$(BIN)/normtoets report $(JOINT) --compare --norms $(JOINT)/norms --output out/gezamenlijk-vergelijking.pdf --force
	$(BIN)/normtoets report $(JOINT)/aadorp-beekveld.yaml --norms $(JOINT)/norms --output out/aadorp-beekveld.pdf --force
	$(BIN)/normtoets kengetallen examples/samen-sterk --format markdown --output out/samen-sterk-kengetallen.md --force
	$(BIN)/normtoets kengetallen $(NATIONAL) --norms $(NATIONAL)/norms --format csv --output out/landelijk-kengetallen.csv --force
	$(BIN)/normtoets report $(NATIONAL) --compare --norms $(NATIONAL)/norms --output out/landelijk-vergelijking.pdf --force
	$(BIN)/normtoets report $(NATIONAL) --each --factsheet --norms $(NATIONAL)/norms --output out/factsheets --force
	@echo "Klaar: zie out/. Om zelf 'normtoets' te typen: . $(VENV)/bin/activate"

# The whole test suite (the same command CI runs). First, where apt-get can, Liberation for the
# test that renders the reports with it too (skipped without it).
test: $(VENV)/.dev
	@$(MAKE) --no-print-directory liberation-fonts >/dev/null 2>&1 \
		|| echo "fonts-liberation not fetched: the test that renders with it will be skipped"
	$(BIN)/python -m pytest -n auto

# Debian's fonts-liberation, downloaded and unpacked into .cache/, never installed: installed
# fonts would change nothing in a report, which is what the test with it shows.
LIBERATION := .cache/fonts-liberation

liberation-fonts: $(LIBERATION)

$(LIBERATION):
	rm -rf .cache/deb $@.tmp && mkdir -p .cache/deb
	cd .cache/deb && apt-get download fonts-liberation
	dpkg -x .cache/deb/fonts-liberation_*.deb $@.tmp
	rm -rf .cache/deb && mv $@.tmp $@

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	@$(MAKE) --no-print-directory docs

# The handbook (docs/, mkdocs.yml) into .cache/site: first the reference pages made from the
# code must be current, then a strict build fails on any broken link or anchor. Never -q: it
# hides the warnings that strict counts.
docs: $(VENV)/.dev
	$(BIN)/python tools/reference.py --check
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir .cache/site

# The Dutch catalog of the command line's messages: new strings in, stale ones out; then
# translate the empty msgstr entries in the .po file and run `make install` to compile it.
CATALOG := src/normtoets/locale
# The header keeps no dates or placeholders (tools/clean_po_header.py): a second run changes nothing.
catalog: $(VENV)/.dev
	mkdir -p .cache
	$(BIN)/pybabel --quiet extract --no-location --omit-header -k _ -k ngettext:1,2 -o .cache/normtoets.pot src/normtoets
	$(BIN)/pybabel --quiet update -i .cache/normtoets.pot -d $(CATALOG) -D normtoets -l nl --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python tools/clean_po_header.py $(CATALOG)/nl/LC_MESSAGES/normtoets.po
	$(BIN)/python -m pip install --quiet -e .

# National-scale benchmarks (342 fictional municipalities); prints a table of seconds and ratios.
bench: $(VENV)/.dev
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out .cache
