# citydesk developer commands. `make test` is what CI runs (.ci/run).
# Every target sets up what it needs first (scripts/bootstrap.sh is fast when nothing is missing).

VENV    := .venv/bin
# Qt without a display, and a UTF-8 locale, for everything that runs the code headless.
HEADLESS := QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
# Lint what exists (benchmarks/ may not yet).
LINT_PATHS := $(wildcard src tests benchmarks)

.PHONY: help run test test-long lint typecheck bench screenshots server-wheel clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

run:  ## create the demo database once, then open it in the app
	bash scripts/bootstrap.sh run
	$(VENV)/citydesk demo --if-missing
	$(VENV)/citydesk --demo

# pytest starts a throwaway PostgreSQL (scripts/with-postgres.sh) only when a collected test takes the
# `pg_url` fixture (tests/conftest.py); with CI=true a missing PostgreSQL is then an error, else a skip.
# Two worker processes (pytest-xdist), each test file whole in one of them: a machine's two cores.
test:  ## everything CI checks: ruff, mypy, pytest (PostgreSQL only for tests that need it)
	bash scripts/bootstrap.sh test
	$(VENV)/ruff check $(LINT_PATHS)
	$(VENV)/mypy
	$(HEADLESS) $(VENV)/pytest -n 2 --dist loadfile

# The hypothesis convergence test with many more examples than CI runs (tests/sync/test_convergence.py).
test-long:  ## the sync convergence test with 2,000 examples (long)
	bash scripts/bootstrap.sh test
	$(HEADLESS) CITYDESK_CONVERGENCE_EXAMPLES=2000 $(VENV)/pytest -q tests/sync/test_convergence.py

lint:  ## ruff
	bash scripts/bootstrap.sh venv
	$(VENV)/ruff check $(LINT_PATHS)

typecheck:  ## mypy (packages are listed in pyproject.toml)
	bash scripts/bootstrap.sh venv
	$(VENV)/mypy

bench:  ## benchmarks (python -m benchmarks)
	bash scripts/bootstrap.sh run
	$(HEADLESS) $(VENV)/python -m benchmarks

screenshots:  ## render the app's screens to PNG files, offscreen
	bash scripts/bootstrap.sh run
	$(HEADLESS) $(VENV)/python scripts/screenshots.py

# The server alone, without Qt (installer/server-dist/): the modules citydesk.server imports, its own
# dependencies and the citydesk-server command. The desktop wheel is still the repository's pyproject.toml.
server-wheel:  ## build the citydesk-server wheel (no Qt) into dist/
	bash scripts/bootstrap.sh venv
	$(VENV)/python installer/server-dist/build_server_wheel.py --out dist

clean:  ## remove caches and build output (keeps .venv and databases)
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache src/*.egg-info
	find . -path ./.venv -prune -o -name __pycache__ -type d -exec rm -rf {} +
