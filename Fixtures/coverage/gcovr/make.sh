#!/usr/bin/env bash
# Regenerates coverage.xml (Cobertura) and coverage.info (LCOV) with gcovr (PyPI `gcovr`) from a
# gcc --coverage build of src/, built in a copy at a fixed path so <source> is an absolute path
# that is not this folder (as on a CI runner). Made with gcc 12.2.0 (Debian 12) and gcovr 8.8:
#   python3 -m venv /tmp/covvenv && /tmp/covvenv/bin/pip install gcovr==8.8
#   GCOVR=/tmp/covvenv/bin/gcovr ./make.sh
set -euo pipefail
cd "$(dirname "$0")"
GCOVR=${GCOVR:-gcovr}
build=/tmp/autogit-gcovr-demo
rm -rf "$build" && mkdir -p "$build" && cp -r src "$build/"
here=$PWD
(
  cd "$build"
  gcc --coverage -O0 -o demo src/main.c src/stats.c
  ./demo
  "$GCOVR" --root . --cobertura-pretty --cobertura "$here/coverage.xml" --lcov "$here/coverage.info" \
    --txt "$here/summary.txt"
)
rm -rf "$build"
