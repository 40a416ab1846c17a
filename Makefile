# Task runner: the same targets CI and developers use.
PY ?= .venv/bin/python

.PHONY: install test test-all snapshot bench contract typecheck

.venv/bin/python:
	python3 -m venv .venv

install: .venv/bin/python
	$(PY) -m pip install -e ".[test]"

test: install          ## the fast default suite
	$(PY) -m pytest

test-all: install      ## everything, as CI runs it (slow tests included)
	CI=true $(PY) -m pytest

snapshot:              ## validate the YAML knowledge base and rebuild the packaged snapshot
	$(PY) -m musclemap.snapshot

bench:                 ## speed figures beside same-run baselines
	$(PY) benchmarks/bench_cli.py

contract:              ## the JSON contracts and exit codes, checked against the installed CLI
	$(PY) ../shared/checks/contract.py

typecheck:
	$(PY) -m mypy
