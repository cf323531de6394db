#!/usr/bin/env bash
# Loads the bundled demo collection into ./data and serves the site on http://127.0.0.1:5080.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# Tesseract reads the text of the demo scans in the background (searchable, highlighted in the viewer).
source scripts/debian-packages.sh
install_missing_debian_packages "${ocr_packages[@]}"
bash scripts/viewer-assets.sh
dotnet build site/site.csproj -c Release -nologo -v quiet
program="site/bin/Release/net10.0/hafiza.dll"
dotnet "$program" demo
echo "Serving on http://127.0.0.1:5080 (Ctrl+C stops)"
exec dotnet "$program" serve
