#!/usr/bin/env bash
# Public page speed: bash bench/site/run.sh [ROWS]
# Imports ROWS generated records (default 35000, bench/import's generator), builds the derived data
# (reindex), starts `hafiza serve` on 127.0.0.1 and requests a fixed mix of record pages, search pages and
# authority pages over one keep-alive connection (python3). Prints p50/p95/max per page kind against the
# anchor, /robots.txt through the same pipeline. Target: p95 < 50 ms for record and search pages.
# BENCH_DIR chooses the working directory; KEEP=1 keeps it; PORT (default 5098); ROUNDS (default 3, the first warms up);
# REUSE=DIR runs against a directory an earlier KEEP=1 run kept (its csv/ and data/), skipping the import.
set -euo pipefail

ROWS="${1:-35000}"
[[ "$ROWS" =~ ^[0-9]+$ && "$ROWS" -ge 100 ]] || { echo "ROWS must be a whole number of at least 100, not '$ROWS'" >&2; exit 2; }
PORT="${PORT:-5098}"
ROUNDS="${ROUNDS:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ -n "${REUSE:-}" ]]; then WORK="$REUSE"; KEEP=1; else WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hafiza-site-bench.XXXXXX")"; fi
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "== building (Release)"
bash "$ROOT/scripts/viewer-assets.sh"
dotnet build "$ROOT/site/site.csproj" -c Release -nologo -v q
dotnet build "$ROOT/bench/import/ImportBench.csproj" -c Release -nologo -v q
HAFIZA="$(dotnet msbuild "$ROOT/site/site.csproj" -p:Configuration=Release -getProperty:TargetPath)"
BENCH="$(dotnet msbuild "$ROOT/bench/import/ImportBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"

if [[ -z "${REUSE:-}" ]]; then
  echo "== generating, importing and indexing $ROWS records"
  dotnet "$BENCH" generate --rows "$ROWS" --out "$WORK/csv"
  dotnet "$HAFIZA" import --authorities "$WORK/csv/authorities.csv" --csv "$WORK/csv/records.csv" --publish --data "$WORK/data" > "$WORK/import.log"
  dotnet "$HAFIZA" reindex --data "$WORK/data" > "$WORK/reindex.log"
fi

echo "== serving on 127.0.0.1:$PORT"
# The mix sends far more searches from one address than a public instance allows (RateLimits in appsettings).
RateLimits__Search__PermitLimit=100000 dotnet "$HAFIZA" serve --urls "http://127.0.0.1:$PORT" --data "$WORK/data" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ara?q=mektup")" == 200 ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "serve exited; see $WORK/serve.log" >&2; exit 1; }
  sleep 0.5
done

echo "== request mix ($ROUNDS rounds, the first warms up)"
python3 "$ROOT/bench/site/mix.py" "$PORT" "$WORK/csv" "$ROUNDS" "$SERVER_PID"
RSS="$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status")"
echo "server peak resident memory: $RSS MiB"
