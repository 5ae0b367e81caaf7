# Quick start:  make run   (sets up .venv and opens the app on the sample project)
#               make test  (sets up the venvs and runs lint, contracts and every test)
PYTHON ?= python3
VENV := .venv
CORE_VENV := .venv-core
BIN := $(VENV)/bin
CORE_BIN := $(CORE_VENV)/bin
export QT_QPA_PLATFORM ?= offscreen

.PHONY: i18n run test lint test-gui test-core test-wheel test-dist dist bench bench-full clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app alone (what `make run` needs) ...
$(BIN)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[gui]'
	touch $@

# ... and everything the tests need, heavy export consumers (spaCy, datasets) and the
# agreement statistics' reference libraries (scikit-learn, statsmodels, krippendorff) included.
$(BIN)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[gui,test,export-test,agreement-test,recommend,server]'
	touch $@

$(CORE_BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(CORE_VENV)
	$(CORE_BIN)/python -m pip install --quiet --upgrade pip
	$(CORE_BIN)/python -m pip install --quiet -e '.[core-test]'
	touch $@

# The Arabic catalogue: extract new strings with lupdate, compile the .qm (docs/I18N.md).
i18n: $(BIN)/.installed-run
	$(BIN)/python tools/update_i18n.py --qm

run: $(BIN)/.installed-run
	QT_QPA_PLATFORM= $(BIN)/annotator open --sample

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# With PostgreSQL's server binaries installed (Debian: postgresql; nothing needs to run) and no
# ANNOTATOR_TEST_PG given, the store and CLI suites also run on a throwaway cluster
# (.ci/postgres, docs/ENGINES.md), stopped on exit.
test-gui: $(BIN)/.installed-test
	@if [ -z "$${ANNOTATOR_TEST_PG:-}" ] && .ci/postgres bin >/dev/null 2>&1; then \
	  eval "$$(.ci/postgres start)" && trap '.ci/postgres stop "$$ANNOTATOR_PG_DIR"' EXIT && \
	  $(BIN)/python -m pytest -q; \
	elif [ -z "$${ANNOTATOR_TEST_PG:-}" ] && [ "$${ANNOTATOR_REQUIRE_PG:-}" = 1 ]; then \
	  echo "ANNOTATOR_REQUIRE_PG=1 but PostgreSQL's server programs were not found" >&2; exit 1; \
	else \
	  $(BIN)/python -m pytest -q; \
	fi

# The core's tests again, in a venv without PySide6 or pytest-qt: proves the core needs no Qt;
# and the UI's document session and actions (tests/session), which need no Qt either.
test-core: $(CORE_BIN)/.installed
	ANNOTATOR_EXPECT_NO_QT=1 $(CORE_BIN)/python -m pytest -q -p no:cacheprovider \
	  -W ignore::pytest.PytestConfigWarning tests/core tests/session

# A built wheel installed (not editable) into a clean venv works from another folder: CLI
# import/export/validate and the app offscreen (.ci/check-wheel; installs come from pip's cache).
test-wheel:
	bash .ci/check-wheel $(PYTHON)

# The desktop bundle (PyInstaller, one folder, no Python needed to run it): dist/annotator/.
# Built from its own clean venv so nothing the tests install (spaCy, datasets...) gets in.
DIST_VENV := .venv-dist
$(DIST_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DIST_VENV)/bin/python -m pip install --quiet -e '.[gui,dist]'
	touch $@

dist: $(DIST_VENV)/.installed
	$(DIST_VENV)/bin/python tools/update_i18n.py --qm-only  # the bundle has no lrelease
	$(DIST_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/annotator.spec
	@du -sh dist/annotator

# The bundle starts on a virtual screen, opens the sample project and quits (.ci/check-dist).
test-dist: dist
	bash .ci/check-dist dist/annotator

test: lint test-gui test-core test-wheel test-dist

# Every benchmark script in bench/ (tests/test_bench_scripts.py keeps this list whole).
BENCH_SCRIPTS := import_export store text editor navigator exports preannotate concordance \
	lexicon wal_check row_decoding startup big_project import_annotated agreement assigned_filter layers_overlay \
	agreement_window import_formats recommender bundle server

# Every benchmark at its quick size: a few minutes. `make bench-full` prints the figures of
# docs/BENCHMARKS.md (about an hour).
bench: $(BIN)/.installed-test
	@for script in $(BENCH_SCRIPTS); do \
	  echo "== bench/$$script.py --quick"; \
	  $(BIN)/python bench/$$script.py --quick || exit 1; \
	done

bench-full: $(BIN)/.installed-test
	@for script in $(BENCH_SCRIPTS); do \
	  echo "== bench/$$script.py"; \
	  $(BIN)/python bench/$$script.py || exit 1; \
	done

clean:
	rm -rf $(VENV) $(CORE_VENV) $(DIST_VENV) build dist .pytest_cache .ruff_cache .mypy_cache
