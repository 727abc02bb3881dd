#!/usr/bin/env bash
# An S3-compatible object store on loopback, for the archive's object-store
# tests and for trying `--archive s3://…` by hand: moto's server (PyPI
# `moto[server]`, pinned), which implements the conditional writes the
# archive publishes with (PutObject If-None-Match: *).
#
#   scripts/s3-server.sh install        install it (a Python venv)
#   scripts/s3-server.sh path           print the server program's path
#   scripts/s3-server.sh start [PORT]   install if need be, start it on
#                                       127.0.0.1:PORT (default 9000), create
#                                       the bucket `banmian`, print the
#                                       environment to use it
#
# The venv lives in $BANMIAN_TOOLS (default ~/.local/share/banmian/tools).
set -euo pipefail

version="5.2.5"
tools="${BANMIAN_TOOLS:-$HOME/.local/share/banmian/tools}"
venv="$tools/moto-$version"
server="$venv/bin/moto_server"

install() {
  if [ -f "$venv/.complete" ]; then
    return
  fi
  echo "installing moto[server] $version into $venv (the S3 server of the archive tests)" >&2
  rm -rf "$venv"
  mkdir -p "$tools"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$version"
  touch "$venv/.complete"
}

case "${1:-}" in
  install)
    install
    ;;
  path)
    echo "$server"
    ;;
  start)
    install
    port="${2:-9000}"
    "$server" -H 127.0.0.1 -p "$port" >"$tools/moto-$port.log" 2>&1 &
    for _ in $(seq 100); do
      if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then
        break
      fi
      sleep 0.1
    done
    python3 - "$port" <<'PY'
import sys, urllib.request
req = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/banmian", method="PUT")
urllib.request.urlopen(req)
PY
    cat <<ENV
# moto's S3 server, pid $!, log $tools/moto-$port.log
export AWS_ENDPOINT_URL=http://127.0.0.1:$port
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
# then: banmian archive --archive s3://banmian/archive content/xianning-2021
ENV
    ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
