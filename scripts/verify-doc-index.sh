#!/usr/bin/env bash
# The name the existing CI step "Verify INDEX.md is up to date" calls: docs/INDEX.md must list every
# doc under docs/ with its title. Extra arguments pass through (e.g. --diff, --write).
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/run verify-doc-index --index docs/INDEX.md "$@"
