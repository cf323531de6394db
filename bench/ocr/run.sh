#!/usr/bin/env bash
# OCR throughput: bash bench/ocr/run.sh [PAGES [WORKERS]]   (default 12 pages, 2 at a time)
# Recognises a generated typed A4 page at 300 dpi (2480×3508, Turkish) with TesseractEngine, one page at a
# time and WORKERS at a time, and prints pages per minute; anchor: the bare tesseract program on the
# prepared image. Needs tesseract-ocr, tesseract-ocr-tur and fonts-dejavu-core.
# BENCH_DIR chooses the working directory; KEEP=1 keeps it afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PAGES="${1:-12}"; WORKERS="${2:-2}"
WORK="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/hafiza-ocr-bench.XXXXXX")"
cleanup() { if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

echo "tesseract: $(tesseract --version 2>&1 | head -1)"
dotnet build "$ROOT/bench/ocr/OcrBench.csproj" -c Release -nologo -v q
BENCH="$(dotnet msbuild "$ROOT/bench/ocr/OcrBench.csproj" -p:Configuration=Release -getProperty:TargetPath)"
dotnet "$BENCH" "$WORK" "$PAGES" "$WORKERS" | tee "$WORK/report.txt"
