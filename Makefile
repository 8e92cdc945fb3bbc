# The two commands of the README. Each sets itself up on a fresh Debian machine
# (virtual environment, the package and its spaCy models) and is fast when nothing changed.
#   make graph   build the knowledge graph from seeds/ into out/
#   make test    run the whole test suite (installs Debian's chromium with apt-get when missing)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out
INSTALLED := $(VENV)/.installed
SOURCES := $(shell find kg data seeds -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: graph test clean chromium

graph: $(OUT)/build.json
	@echo "Knowledge graph outputs in $(OUT)/:"
	@ls -1 $(OUT) | sed 's/^/  /'

$(OUT)/build.json: $(INSTALLED) $(SOURCES)
	$(BIN)/kg build seeds/ -o $(OUT)

test: $(INSTALLED) chromium
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium headless (Playwright uses it; no browser download).
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

$(INSTALLED): setup.cfg pyproject.toml requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $@

clean:
	rm -rf $(OUT) $(VENV) *.egg-info .pytest_cache .hypothesis
