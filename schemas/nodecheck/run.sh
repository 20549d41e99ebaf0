#!/usr/bin/env bash
# Installs the pinned consumers (npm ci, from package-lock.json) and checks
# that they accept the exported schemas and agree on the testdata fixtures.
# Writes out/ for the Go test TestSchemaFormRoundTrip. The last line is
# "N passed, M failed"; the exit status is non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "nodecheck: node and npm are required" >&2
	exit 1
fi
npm ci --no-audit --no-fund --loglevel=error >&2
node check.mjs
# What a form shows a clerk: JSON Forms vanilla, uiSchemas, messages, partial entry.
node forms.mjs
