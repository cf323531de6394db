#!/usr/bin/env bash
# Harvest benchmark: bash bench/harvest/run.sh [ROWS]
# Imports ROWS generated records (default 35000, bench/import's generator), builds the OAI catalogue
# (reindex), starts `hafiza serve` on 127.0.0.1 and harvests the whole EDM list with curl across resumption
# tokens. Prints records/s and the server's peak resident memory (VmHWM), against an anchor: reading every
# stored record.json once with cat. Needs curl and python3 (the harvesting client). BENCH_DIR chooses the working directory; KEEP=1 keeps it; PORT (default 5097).
set -euo pipefail

ROWS="${1:-35000}"
[[ "$ROWS" =~ ^[0-9]+$ && "$ROWS" -ge 3 ]] || { echo "ROWS must be a whole number of at least 3, not '$ROWS'" >&2; exit 2; }
PORT="${PORT:-5097}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hafiza-harvest.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "== building (Release)"
dotnet build "$ROOT/site/site.csproj" -c Release -nologo -v q
dotnet build "$ROOT/bench/import/ImportBench.csproj" -c Release -nologo -v q
HAFIZA="$(dotnet msbuild "$ROOT/site/site.csproj" -p:Configuration=Release -getProperty:TargetPath)"
BENCH="$(dotnet msbuild "$ROOT/bench/import/ImportBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"

echo "== generating and importing $ROWS records"
dotnet "$BENCH" generate --rows "$ROWS" --out "$WORK/csv"
dotnet "$HAFIZA" import --authorities "$WORK/csv/authorities.csv" --csv "$WORK/csv/records.csv" --publish --data "$WORK/data" > "$WORK/import.log"
t0="$(now)"; dotnet "$HAFIZA" reindex --data "$WORK/data" > "$WORK/reindex.log"; t1="$(now)"
REINDEX_S="$(elapsed "$t0" "$t1")"

echo "== anchor: cat every stored record.json"
t0="$(now)"; find "$WORK/data/store" -name record.json -exec cat {} + > /dev/null; t1="$(now)"
ANCHOR_S="$(elapsed "$t0" "$t1")"

echo "== serving on 127.0.0.1:$PORT"
dotnet "$HAFIZA" serve --urls "http://127.0.0.1:$PORT" --data "$WORK/data" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT/oai"
for _ in $(seq 1 240); do
  curl -fsS "$BASE?verb=ListIdentifiers&metadataPrefix=edm" 2>/dev/null | grep -q '<header>' && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "serve exited; see $WORK/serve.log" >&2; exit 1; }
  sleep 0.5
done
RSS_BEFORE="$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status")"

echo "== harvesting ListRecords edm"
# One keep-alive connection, as a harvester would use; a curl process per page would measure process start-up.
t0="$(now)"
read -r records pages < <(python3 - "$PORT" <<'PY'
import http.client, re, sys, urllib.parse
conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=300)
query, records, pages = "verb=ListRecords&metadataPrefix=edm", 0, 0
while True:
    conn.request("GET", "/oai?" + query)
    response = conn.getresponse()
    body = response.read().decode("utf-8")
    if response.status != 200 or "<error" in body:
        sys.exit(f"page {pages + 1}: HTTP {response.status} {re.findall(r'<error[^<]*</error>', body)}")
    records += body.count("<record>")
    pages += 1
    token = re.search(r"<resumptionToken[^>]*>([^<]*)</resumptionToken>", body)
    if not token or not token.group(1):
        break
    query = "verb=ListRecords&resumptionToken=" + urllib.parse.quote(token.group(1), safe="")
print(records, pages)
PY
)
t1="$(now)"
HARVEST_S="$(elapsed "$t0" "$t1")"
PEAK="$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVER_PID/status")"

echo
echo "records: $records in $pages pages (imported $ROWS rows)"
awk -v s="$HARVEST_S" -v n="$records" -v a="$ANCHOR_S" -v r="$REINDEX_S" -v p="$PEAK" -v b="$RSS_BEFORE" 'BEGIN {
  printf "full EDM harvest: %.2f s, %.0f records/s (target >= 1000)\n", s, (s > 0 ? n / s : 0)
  printf "server memory: %s MiB resident before the harvest, %s MiB peak (VmHWM)\n", b, p
  printf "anchor (cat every record.json): %.2f s; harvest / anchor = %.1f\n", a, (a > 0 ? s / a : 0)
  printf "reindex (all derived data, catalogue included): %.2f s\n", r
}'
