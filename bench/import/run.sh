#!/usr/bin/env bash
# Import benchmark: bash bench/import/run.sh [ROWS]
# Builds hafiza in Release, generates ROWS records (default 35000) plus ~2000 authorities, then times
# `hafiza import --publish` and `hafiza reindex` against an fsync anchor measured on the same disk.
# BENCH_DIR chooses the working directory (and so the disk); KEEP=1 keeps it afterwards.
set -euo pipefail

ROWS="${1:-35000}"
[[ "$ROWS" =~ ^[0-9]+$ && "$ROWS" -ge 3 ]] || { echo "ROWS must be a whole number of at least 3, not '$ROWS'" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (Debian package 'time') for peak memory figures" >&2
  if [[ "$(id -u)" == 0 ]]; then apt-get install -y -q time >/dev/null; else sudo apt-get install -y -q time >/dev/null; fi
fi

WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hafiza-bench.XXXXXX")"
cleanup() { if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

echo "== building (Release)"
dotnet build "$ROOT/site/site.csproj" -c Release -nologo -v q
dotnet build "$ROOT/bench/import/ImportBench.csproj" -c Release -nologo -v q
HAFIZA="$(dotnet msbuild "$ROOT/site/site.csproj" -p:Configuration=Release -getProperty:TargetPath)"
BENCH="$(dotnet msbuild "$ROOT/bench/import/ImportBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"

echo "== generating $ROWS records in $WORK/csv"
dotnet "$BENCH" generate --rows "$ROWS" --out "$WORK/csv"

# Runs a command under GNU time, keeping its report in $WORK/<label>.time; stops the script if it fails.
measure() {
  local label="$1"; shift
  echo "== $label"
  if ! /usr/bin/time -v -o "$WORK/$label.time" "$@"; then
    echo "$label failed; see the output above" >&2
    exit 1
  fi
}

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/$1.time"; }
rss_mib() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/$1.time"; }

measure anchor dotnet "$BENCH" anchor --count "$ROWS" --out "$WORK/anchor"
measure import dotnet "$HAFIZA" import --authorities "$WORK/csv/authorities.csv" --csv "$WORK/csv/records.csv" --publish --data "$WORK/data"
measure reindex dotnet "$HAFIZA" reindex --data "$WORK/data"

ANCHOR_S="$(seconds anchor)"
echo
echo "rows: $ROWS records (+ $(($(wc -l < "$WORK/csv/authorities.csv") - 1)) authorities, imported in the same run)"
printf '%-8s %10s %10s %12s %10s\n' phase seconds rows/s "peak MiB" "/anchor"
for phase in anchor import reindex; do
  s="$(seconds "$phase")"
  awk -v p="$phase" -v s="$s" -v n="$ROWS" -v a="$ANCHOR_S" -v m="$(rss_mib "$phase")" \
    'BEGIN { printf "%-8s %10.2f %10.0f %12s %10.2f\n", p, s, (s > 0 ? n / s : 0), m, (a > 0 ? s / a : 0) }'
done
echo "anchor = $ROWS small JSON files written with fsync on the same disk; '/anchor' = phase time / anchor time."
