# Ganjina: common tasks. `make help` lists them.
PY ?= python3

.PHONY: help install install-quiet test test-fast test-lowest lint typecheck format samples bench demo serve

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

install:  ## install Ganjina with everything the tests use
	$(PY) -m pip install -e '.[dev,postgres,web,cluster,ocr]'

install-quiet:
	@$(PY) -m pip install -q -e '.[dev,postgres,web,cluster,ocr]'

test: install-quiet  ## install what the tests use, then run the whole suite (CI runs this)
	$(PY) -m pytest -q

test-fast:  ## the quick tests only (no slow, postgres or browser tests)
	$(PY) -m pytest -q -m "not slow and not postgres and not browser"

test-lowest:  ## the suite on the lowest dependency versions pyproject.toml allows (.ci/lowest)
	.ci/lowest

lint:  ## ruff check + format check
	$(PY) -m ruff check ganjina tests bench samples
	$(PY) -m ruff format --check ganjina

typecheck:  ## mypy --strict on the package
	$(PY) -m mypy ganjina

format:  ## format the code
	$(PY) -m ruff format ganjina tests bench samples

samples:  ## regenerate the sample corpus (needs LibreOffice)
	$(PY) samples/build.py

bench:  ## run every benchmark at a quick size (the README quotes the full runs)
	for b in parse text publish web links desk; do $(PY) bench/$$b.py --quick || exit 1; done
	$(PY) bench/archive.py --sizes 10000
	$(PY) bench/cluster.py --quick

demo: install-quiet  ## build the demo archive from samples/ and serve it on http://127.0.0.1:8000
	$(PY) -m ganjina demo
