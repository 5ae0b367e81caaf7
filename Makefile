# Quick start:  make run   (sets up .venv and opens the app on the sample project)
#               make test  (sets up the venvs and runs lint, contracts and every test)
PYTHON ?= python3
VENV := .venv
CORE_VENV := .venv-core
BIN := $(VENV)/bin
CORE_BIN := $(CORE_VENV)/bin
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint test-gui test-core test-wheel bench bench-full clean

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
	$(BIN)/python -m pip install --quiet -e '.[gui,test,export-test,agreement-test,server]'
	touch $@

$(CORE_BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(CORE_VENV)
	$(CORE_BIN)/python -m pip install --quiet --upgrade pip
	$(CORE_BIN)/python -m pip install --quiet -e '.[core-test]'
	touch $@

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

test: lint test-gui test-core test-wheel

# Every benchmark script in bench/ (tests/test_bench_scripts.py keeps this list whole).
BENCH_SCRIPTS := import_export store text editor navigator exports preannotate concordance \
	lexicon wal_check row_decoding startup big_project import_annotated agreement assigned_filter layers_overlay \
	agreement_window server

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
	rm -rf $(VENV) $(CORE_VENV) .pytest_cache .ruff_cache .mypy_cache
