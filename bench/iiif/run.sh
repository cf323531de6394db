#!/usr/bin/env bash
# Image pipeline benchmark: bash bench/iiif/run.sh [WIDTH HEIGHT [TILES]]   (default 8000 6000 200)
# Times pyramid and thumbnail creation, tile latency from the pyramid and from the JPEG master
# (p50/p95), thumbnails per second and tiles per second under concurrency; when the libvips command-line
# tools are installed (Debian libvips-tools) it times the same derivative work with them as an anchor.
# BENCH_DIR chooses the working directory; KEEP=1 keeps it afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WIDTH="${1:-8000}"; HEIGHT="${2:-6000}"; TILES="${3:-200}"
WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hafiza-iiif-bench.XXXXXX")"
cleanup() { if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

dotnet build "$ROOT/bench/iiif/IiifBench.csproj" -c Release -nologo -v q
BENCH="$(dotnet msbuild "$ROOT/bench/iiif/IiifBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"
dotnet "$BENCH" "$WORK" "$WIDTH" "$HEIGHT" "$TILES" | tee "$WORK/report.txt"

if command -v vips >/dev/null 2>&1; then
  master="$(sed -n 's/^MASTER=//p' "$WORK/report.txt")"
  echo "== anchor: libvips command-line tools $(vips --version)"
  start=$(date +%s%N)
  vips tiffsave "$master" "$WORK/cli-pyramid.tif" --tile --tile-width 256 --tile-height 256 --pyramid --compression jpeg --Q 85
  echo "vips tiffsave --pyramid: $(( ($(date +%s%N) - start) / 1000000 )) ms"
  start=$(date +%s%N)
  vipsthumbnail "$master" --size 400x -o "$WORK/cli-thumb.jpg"
  echo "vipsthumbnail 400 px:   $(( ($(date +%s%N) - start) / 1000000 )) ms"
  start=$(date +%s%N)
  vips crop "$WORK/cli-pyramid.tif" "$WORK/cli-tile.jpg" 2048 2048 256 256
  echo "vips crop one tile from the pyramid (process start included): $(( ($(date +%s%N) - start) / 1000000 )) ms"
else
  echo "(install the Debian package libvips-tools for the vips command-line anchor)"
fi
