#!/usr/bin/env bash
# Runs every check banmian's CI runs: formatting, lints and the test suite.
# Installs what the tests need first (poppler-utils: pdftotext, pdffonts and
# pdfinfo read the written PDFs back as an independent judge).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in pdftotext pdffonts pdfinfo; do
  command -v "$tool" >/dev/null 2>&1 || need+=(poppler-utils)
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing poppler-utils (the tests read PDFs with it)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq poppler-utils >/dev/null
fi

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --locked
