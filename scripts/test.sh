#!/usr/bin/env bash
# Runs every check banmian's CI runs: formatting, lints and the test suite.
# Installs what the tests need first: poppler-utils (pdftotext, pdffonts,
# pdfinfo, pdfimages, pdfdetach, pdftocairo) and qpdf read the written PDFs
# back as independent judges; Ghostscript (gs) renders their separations
# (the preflight's ink limit, and the tests' check of the plates), and
# libgs-common gives them a CMYK printer profile for the PDF/X-4 output intent;
# moto's S3 server (PyPI) is the object store of the archive-on-S3 tests.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in pdftotext pdffonts pdfinfo pdfimages pdfdetach pdftocairo; do
  command -v "$tool" >/dev/null 2>&1 || need=(poppler-utils)
done
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v gs >/dev/null 2>&1 || need+=(ghostscript)
# Ghostscript's ICC profiles: the tests' plant printer profile (PDF/X-4).
[ -f /usr/share/color/icc/ghostscript/default_cmyk.icc ] || need+=(libgs-common)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (the tests need them)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

# moto's S3 server in a venv: the archive's object-store tests start one on
# loopback per test (tests/testsuite/support/s3.rs).
bash scripts/s3-server.sh install

cargo fmt --check
# fail-points: the test-only failure injection the archive tests use
# (see Cargo.toml); release builds never have it.
cargo clippy --all-targets --locked --features fail-points -- -D warnings
cargo test --locked --features fail-points
