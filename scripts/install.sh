#!/usr/bin/env bash
# Installs banmian for a desk machine that has no source tree:
#
#   bash scripts/install.sh [PREFIX]        (default PREFIX: ~/.local)
#
# writes PREFIX/bin/banmian (cargo install) and PREFIX/share/banmian/
# {layouts,fonts} — where the binary looks for them (src/home.rs: next to
# the executable, `<exe>/../share/banmian`). With `--archive FILE.tar.gz`
# instead of a prefix it packs the same tree into a release archive to
# unpack anywhere (`tar -xzf … -C /opt/banmian`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--archive" ]]; then
    out=$(realpath -m "${2:?--archive needs a file name}")
    tree=$(mktemp -d)
    trap 'rm -rf "$tree"' EXIT
    cargo build --release --locked
    mkdir -p "$tree/bin" "$tree/share/banmian"
    cp target/release/banmian "$tree/bin/"
    cp -r layouts fonts "$tree/share/banmian/"
    cp README.md docs/CONTENT-FORMAT.md "$tree/share/banmian/"
    tar -czf "$out" -C "$tree" bin share
    echo "$out"
    exit 0
fi
prefix=$(realpath -m "${1:-$HOME/.local}")
cargo install --locked --path . --root "$prefix"
mkdir -p "$prefix/share/banmian"
rm -rf "$prefix/share/banmian/layouts" "$prefix/share/banmian/fonts"
cp -r layouts fonts "$prefix/share/banmian/"
echo "installed: $prefix/bin/banmian, layouts and fonts in $prefix/share/banmian"
