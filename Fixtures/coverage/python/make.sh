#!/usr/bin/env bash
# Regenerates coverage.xml and coverage.json in this folder with coverage.py (PyPI `coverage`).
# Made with coverage 7.17.5 on Python 3.11.7:
#   python3 -m venv /tmp/covvenv && /tmp/covvenv/bin/pip install coverage==7.17.5
#   COVERAGE=/tmp/covvenv/bin/coverage ./make.sh
set -euo pipefail
cd "$(dirname "$0")"
COVERAGE=${COVERAGE:-coverage}
rm -f .coverage
PYTHONPATH=src "$COVERAGE" run tests/run_tests.py
"$COVERAGE" xml -o coverage.xml
"$COVERAGE" json -o coverage.json --pretty-print
# An absolute-path variant, as a CI runner writes it without relative_files: the same data with
# <source> naming the runner's checkout, for --src-root and path reconciliation tests.
sed 's#<source>src</source>#<source>/home/runner/work/demo/demo/src</source>#' coverage.xml > coverage-ci-paths.xml
rm -f .coverage
