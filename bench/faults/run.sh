#!/usr/bin/env bash
# Fault benchmark: bash bench/faults/run.sh [CYCLES]
# Kills hafiza with SIGKILL at random moments during imports and during catalogue edits, CYCLES times each
# (default 20), on the filesystem store and on Azurite, and checks after every restart that each
# acknowledged write is present, every stored record is whole, verify is clean and search agrees with
# storage (tests/Reliability/KilledWriterTests.cs with HAFIZA_FAULT_CYCLES).
set -euo pipefail
CYCLES="${1:-20}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
started=0
trap '[ "$started" -eq 1 ] && bash scripts/azurite.sh stop >/dev/null 2>&1 || true' EXIT
if bash scripts/azurite.sh start; then started=1; fi
HAFIZA_FAULT_CYCLES="$CYCLES" HAFIZA_TEST_BLOB_CONNECTION="UseDevelopmentStorage=true" \
  dotnet test tests/tests.csproj --filter "FullyQualifiedName~KilledWriterTests" --logger "console;verbosity=normal"
