#!/usr/bin/env bash
# Starts or stops a local Azurite blob emulator for the Azure storage tests.
# Azurite is installed into the git-ignored .tools/azurite directory (never globally),
# listens on 127.0.0.1:10000 only and keeps its data in a fresh temporary directory.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo/.tools"
prefix="$tools/azurite"
pidfile="$tools/azurite.pid"
version="3.37.0"
host="127.0.0.1"
port="10000"

port_open() {
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null && exec 3>&- 3<&- 2>/dev/null
}

install() {
  if [ ! -x "$prefix/node_modules/.bin/azurite-blob" ]; then
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-audit --no-fund "azurite@$version" >&2
  fi
}

start() {
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "azurite already running (pid $(cat "$pidfile"))"
    return 0
  fi
  if port_open; then
    echo "something already listens on $host:$port; not starting another azurite" >&2
    return 1
  fi
  install
  location="$(mktemp -d "${TMPDIR:-/tmp}/azurite.XXXXXX")"
  nohup "$prefix/node_modules/.bin/azurite-blob" --blobHost "$host" --blobPort "$port" \
    --location "$location" --silent --skipApiVersionCheck --loose >"$location/azurite.log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do
    if port_open; then
      echo "azurite running on $host:$port (pid $(cat "$pidfile"), data in $location)"
      return 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "azurite exited early; see $location/azurite.log" >&2
      rm -f "$pidfile"
      return 1
    fi
    sleep 0.2
  done
  echo "azurite did not open $host:$port within 20 s" >&2
  return 1
}

stop() {
  if [ ! -f "$pidfile" ]; then
    echo "azurite not running (no pid file)"
    return 0
  fi
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$pidfile"
  echo "azurite stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
