#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed, N skipped".
# Installs what the tests need when it is missing, runs Azurite (local Azure Blob emulator) for the
# Azure storage tests and always stops it again. Exit status is non-zero when anything failed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# Debian packages the tests need, installed only when missing.
source scripts/debian-packages.sh
apt_packages=(
  libhttp-oai-perl   # the independent OAI-PMH harvester (tests/Oai/Harvester/harvest.pl)
  libsaxonhe-java    # XSLT 2 for Europeana's EDM Schematron rules (tests/Oai)
  chromium fonts-dejavu-core  # the real browser of tests/Browser (Playwright drives it; Turkish glyphs)
  "${ocr_packages[@]}"  # OCR of scans and its CER test (tests/Ocr)
)

azurite_started=0
cleanup() {
  if [ "$azurite_started" -eq 1 ]; then bash scripts/azurite.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

install_missing_debian_packages "${apt_packages[@]}"

if [ -f scripts/azurite.sh ]; then
  if bash scripts/azurite.sh start; then
    azurite_started=1
    # Azurite's published development account; it only ever exists on this machine.
    export HAFIZA_TEST_BLOB_CONNECTION="UseDevelopmentStorage=true"
  elif (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then
    # An emulator someone else started already listens there: use it, and leave it running.
    echo "using the blob emulator already listening on 127.0.0.1:10000" >&2
    export HAFIZA_TEST_BLOB_CONNECTION="UseDevelopmentStorage=true"
  else
    echo "Azurite could not be started: the Azure storage tests will be skipped" >&2
  fi
fi

bash scripts/viewer-assets.sh
results="$repo/TestResults"
rm -rf "$results"
mkdir -p "$results"

set +e
dotnet test HafizaIzmir.sln -c Release --logger trx \
  --results-directory "$results" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    31, Skipped:     2, Total: ..."
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$results/console.log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test failed before reporting test results (build error?); see $results/console.log" >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
