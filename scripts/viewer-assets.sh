#!/usr/bin/env bash
# Installs the browser libraries of the site (OpenSeadragon and Leaflet, pinned in site/package-lock.json) into
# site/node_modules, from where the build copies them beside the program. Does nothing when the
# installed version already matches the lock file.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo/site"

# Every library the lock file pins must be installed at its pinned version, else npm ci runs again.
current=1
for lib in openseadragon leaflet; do
  wanted="$(node -e "console.log(require('./package-lock.json').packages['node_modules/$lib'].version)" 2>/dev/null || true)"
  installed="$(node -e "console.log(require('./node_modules/$lib/package.json').version)" 2>/dev/null || true)"
  if [ -z "$wanted" ] || [ "$wanted" != "$installed" ]; then current=0; fi
done
if [ "$current" = 1 ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm
fi
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
