#!/usr/bin/env bash
# Image pipeline benchmark: bash bench/iiif/run.sh [WIDTH HEIGHT [TILES]]   (default 8000 6000 200)
# Times pyramid and thumbnail creation, tile latency from the pyramid and from the JPEG master
# (p50/p95), thumbnails per second and tiles per second under concurrency through the engine; then imports
# the master, starts `hafiza serve` on 127.0.0.1 and measures tiles per second served over HTTP with 1, 2,
# 4 and 8 concurrent clients. Anchor: the same derivative work with the libvips command-line tools
# (Debian libvips-tools, installed when missing), printed with their peak memory and each engine time's
# ratio to them. BENCH_DIR chooses the working directory; KEEP=1 keeps it afterwards; PORT (default 5098)
# is where the site listens.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WIDTH="${1:-8000}"; HEIGHT="${2:-6000}"; TILES="${3:-200}"
PORT="${PORT:-5098}"
WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hafiza-iiif-bench.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# The anchor's tools (and GNU time for their peak memory), installed only when missing.
missing=()
dpkg-query -W -f='${Status}' libvips-tools 2>/dev/null | grep -q "install ok installed" || missing+=(libvips-tools)
[[ -x /usr/bin/time ]] || missing+=(time)
if (( ${#missing[@]} )); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

dotnet build "$ROOT/bench/iiif/IiifBench.csproj" -c Release -nologo -v q
BENCH="$(dotnet msbuild "$ROOT/bench/iiif/IiifBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"
dotnet "$BENCH" "$WORK" "$WIDTH" "$HEIGHT" "$TILES" | tee "$WORK/report.txt"

# Runs an anchor command; prints its wall time and peak memory and the engine's time as a ratio to it.
anchor() {
  local label="$1" ours="$2"; shift 2
  local start=$(date +%s%N)
  /usr/bin/time -f %M -o "$WORK/anchor.kib" "$@" > /dev/null
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  awk -v label="$label" -v ms="$ms" -v kib="$(tail -1 "$WORK/anchor.kib")" -v ours="$ours" 'BEGIN {
    printf "%-44s %6d ms, peak %4.0f MiB; engine %.1f ms = %.2f× the CLI\n", label, ms, kib / 1024, ours, ours / (ms > 0 ? ms : 1) }'
}
figure() { sed -n "s/^$1 *\([0-9.]*\) ms\$/\1/p" "$WORK/report.txt"; }

master="$(sed -n 's/^MASTER=//p' "$WORK/report.txt")"
echo "== anchor: libvips command-line tools $(vips --version) (targets: at most 1.5× for derivatives and cold tiles)"
anchor "vips tiffsave --pyramid" "$(figure 'derivative: pyramid from JPEG master')" \
  vips tiffsave "$master" "$WORK/cli-pyramid.tif" --tile --tile-width 256 --tile-height 256 --pyramid --compression jpeg --Q 85
anchor "vipsthumbnail 400 px" "$(figure 'derivative: 400 px thumbnail from JPEG master')" \
  vipsthumbnail "$master" --size 400x -o "$WORK/cli-thumb.jpg"
# The engine's pyramid alone in a process of its own, for a peak memory comparable with the CLI's (the .NET
# runtime's start is included in both its time and its memory).
start=$(date +%s%N)
/usr/bin/time -f %M -o "$WORK/engine.kib" dotnet "$BENCH" pyramid "$master" "$WORK/engine-pyramid.tif"
awk -v ms="$(( ($(date +%s%N) - start) / 1000000 ))" -v kib="$(tail -1 "$WORK/engine.kib")" 'BEGIN {
  printf "%-44s %6d ms, peak %4.0f MiB (process start included)\n", "engine pyramid in its own process", ms, kib / 1024 }'
# A one-tile crop is mostly process start, so the start alone (median of 7) is taken off the crop's (median of 7).
median_ms() {
  local runs=()
  for _ in 1 2 3 4 5 6 7; do
    local start=$(date +%s%N); "$@" > /dev/null; runs+=($(( ($(date +%s%N) - start) / 1000 )))
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 4p
}
process_us=$(median_ms vips --version)
crop_us=$(median_ms vips crop "$WORK/cli-pyramid.tif" "$WORK/cli-tile.jpg" 2048 2048 256 256)
awk -v p="$process_us" -v c="$crop_us" -v ours="$(figure 'cold tile from pyramid (first request)')" 'BEGIN {
  ms = (c - p) / 1000; if (ms < 0.1) ms = 0.1
  printf "%-44s %6.1f ms; engine cold tile %.1f ms = %.2f× the CLI\n", sprintf("vips crop one tile, less process start (%.0f ms)", p / 1000), ms, ours, ours / ms }'

echo "== served over HTTP: hafiza serve on 127.0.0.1:$PORT"
dotnet build "$ROOT/site/site.csproj" -c Release -nologo -v q
HAFIZA="$(dotnet msbuild "$ROOT/site/site.csproj" -p:Configuration=Release -getProperty:TargetPath)"
mkdir -p "$WORK/files"
cp "$master" "$WORK/files/master.jpg"
printf 'identifier,level,title,rights,files\nBENCH-1,item,Liman İşletmesi kayıtları,http://rightsstatements.org/vocab/InC/1.0/,master.jpg\n' > "$WORK/records.csv"
dotnet "$HAFIZA" import --csv "$WORK/records.csv" --files "$WORK/files" --publish --data "$WORK/data" > "$WORK/import.log"
dotnet "$HAFIZA" serve --urls "http://127.0.0.1:$PORT" --data "$WORK/data" > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
start=$(date +%s%N)
# Tiles are measured from the pyramid, as a viewer sees them once the background worker has made it.
until compgen -G "$WORK/data/derived/iiif/*.tif" > /dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "serve exited; see $WORK/serve.log" >&2; exit 1; }
  sleep 0.2
done
echo "pyramid ready after start (background worker): $(( ($(date +%s%N) - start) / 1000000 )) ms"
python3 - "$PORT" "$TILES" <<'PY'
import http.client, json, random, sys, threading, time
port, count = int(sys.argv[1]), int(sys.argv[2])
base = "/iiif/3/BENCH-1~1"
def connect(): return http.client.HTTPConnection("127.0.0.1", port, timeout=120)
c = connect(); c.request("GET", base + "/info.json"); info = json.loads(c.getresponse().read())
w, h = info["width"], info["height"]
# The mix a deep-zoom viewer asks for: mostly full-resolution tiles, some at 1/2 and 1/4 scale.
rnd, paths = random.Random(7), []
for i in range(count):
    f = 1 if i % 4 else rnd.choice([2, 4])
    side = 256 * f
    x, y = rnd.randrange(0, max(1, (w - 1) // side + 1)) * side, rnd.randrange(0, max(1, (h - 1) // side + 1)) * side
    rw, rh = min(side, w - x), min(side, h - y)
    paths.append(f"{base}/{x},{y},{rw},{rh}/{max(1, -(-rw // f))},/0/default.jpg")
def run(clients, note=""):
    latencies, errors, lock = [], [], threading.Lock()
    def worker(k):
        conn = connect()
        for p in paths[k::clients]:
            t = time.perf_counter(); conn.request("GET", p); r = conn.getresponse(); body = r.read()
            with lock:
                latencies.append((time.perf_counter() - t) * 1000)
                if r.status != 200 or not body: errors.append(f"{r.status} {p}")
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    t = time.perf_counter(); [th.start() for th in threads]; [th.join() for th in threads]; s = time.perf_counter() - t
    if errors: sys.exit(f"{len(errors)} failed tile requests, e.g. {errors[0]}")
    latencies.sort()
    print(f"tiles/s served over HTTP, {clients} concurrent clients{note}".ljust(52),
          f"{len(paths) / s:.0f} (p50 {latencies[len(latencies) // 2]:.1f} ms, p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms)")
run(1, " (warm-up)")  # first reads of the pyramid, JIT
for clients in (1, 2, 4, 8): run(clients)
PY
echo "server peak resident memory (VmHWM): $(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVER_PID/status")"
