#!/usr/bin/env bash
# The name the existing CI step calls: an offline cross-reference check of docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/run check-doc-refs docs "$@"
