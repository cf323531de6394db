#!/usr/bin/env bash
# Load benchmark: bash bench/load/run.sh [ROWS]
# Imports ROWS generated records (default 35000, bench/import's generator), starts `hafiza serve` on
# 127.0.0.1, and for DURATION seconds (default 60) sends RATE requests/s (default 100) in a fixed mix of
# search, record pages, IIIF tiles and OAI pages, while a writer edits and publishes records through the
# catalogue. Prints the error count (target 0), p50/p95 per endpoint, and the server's memory.
# DATA=DIR reuses an imported data directory; BENCH_DIR, KEEP=1 and PORT (default 5098) as elsewhere.
set -euo pipefail

ROWS="${1:-35000}"
RATE="${RATE:-100}"
DURATION="${DURATION:-60}"
PORT="${PORT:-5098}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hafiza-load.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "== building (Release)"
dotnet build "$ROOT/site/site.csproj" -c Release -nologo -v q
HAFIZA="$(dotnet msbuild "$ROOT/site/site.csproj" -p:Configuration=Release -getProperty:TargetPath)"

if [[ -n "${DATA:-}" ]]; then
  echo "== using the data directory $DATA"
else
  dotnet build "$ROOT/bench/import/ImportBench.csproj" -c Release -nologo -v q
  BENCH="$(dotnet msbuild "$ROOT/bench/import/ImportBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"
  echo "== generating and importing $ROWS records"
  dotnet "$BENCH" generate --rows "$ROWS" --out "$WORK/csv"
  DATA="$WORK/data"
  dotnet "$HAFIZA" import --authorities "$WORK/csv/authorities.csv" --csv "$WORK/csv/records.csv" --publish --data "$DATA" > "$WORK/import.log"
  dotnet "$HAFIZA" reindex --data "$DATA" > "$WORK/reindex.log"
fi

# A few items get a scan, so IIIF tiles have something to cut (idempotent: the same bytes each run).
python3 - "$WORK/scans" <<'PY'
import os, struct, sys, zlib
out = sys.argv[1]; os.makedirs(out, exist_ok=True)
w, h = 1600, 1200
rows = b"".join(b"\x00" + bytes(((x * 7 + y * 3) % 256 for x in range(w * 3))) for y in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")
open(os.path.join(out, "scan.png"), "wb").write(png)
PY
{
  echo "identifier,parent,level,title,rights,files"
  echo "YUK,,fonds,Yük testi fonu,http://rightsstatements.org/vocab/InC/1.0/,"
  for i in $(seq 1 20); do printf 'YUK-%02d,YUK,item,Yük testi görseli %d,http://rightsstatements.org/vocab/InC/1.0/,scan.png\n' "$i" "$i"; done
} > "$WORK/scans.csv"
dotnet "$HAFIZA" import --csv "$WORK/scans.csv" --files "$WORK/scans" --publish --data "$DATA" > "$WORK/scans.log" || true
printf 'yuk-testi-parola-1\n' | dotnet "$HAFIZA" user add yukyazar --role cataloguer --data "$DATA" > /dev/null 2>&1 || true

echo "== serving on 127.0.0.1:$PORT"
# The load comes from one address: raise the per-client search limit for the run.
RateLimits__Search__PermitLimit=100000 dotnet "$HAFIZA" serve --urls "http://127.0.0.1:$PORT" --data "$DATA" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$PORT/readyz" > /dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "serve exited; see $WORK/serve.log" >&2; exit 1; }
  sleep 0.5
done
RSS_BEFORE="$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status")"

echo "== $RATE requests/s for $DURATION s, with a writer publishing edits"
python3 "$ROOT/bench/load/drive.py" --port "$PORT" --rate "$RATE" --duration "$DURATION" --data "$DATA" --pid "$SERVER_PID"
echo "server memory: ${RSS_BEFORE} MiB resident before, $(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status") MiB after, peak $(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status") MiB"
