#!/usr/bin/env bash
# Side by side: `banmian watch` on a copy of the seed edition and
# `typst watch` 0.15.1 on the project `--emit-typst` writes for the same
# page, given the same ten one-character edits of a body paragraph (a
# different character each time, 2 s apart). Each tool's own reported
# rebuild time is collected; the medians are printed.
#
#   TYPST=/path/to/typst bash scripts/watch-bench.sh
#
# Needs a release build (`cargo build --release`) and Typst 0.15.1's CLI
# (`cargo install --locked typst-cli --version 0.15.1`).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/banmian}
TYPST=${TYPST:-typst}
EDITS=${EDITS:-10}
"$TYPST" --version | grep -q "0.15.1" || { echo "typst 0.15.1 not found (set TYPST=…)"; exit 1; }
TMP=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$TMP"' EXIT

cp -r content/xianning-2021 "$TMP/ed"
"$BIN" build "$TMP/ed" -o "$TMP/first" --emit-typst "$TMP/emit" >/dev/null 2>&1
P="$TMP/emit/ed-05"

# The character after `anchor` in `file` replaced by the run's character.
edit() {
    python3 - "$1" "$2" "$3" <<'PY'
import sys
path, anchor, run = sys.argv[1], sys.argv[2], int(sys.argv[3])
c = chr(0x4E00 + (37 * (run + 500)) % 0x5000)
s = open(path, encoding="utf-8").read()
i = s.index(anchor) + len(anchor)
open(path, "w", encoding="utf-8").write(s[:i] + c + s[i + 1:])
PY
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# The anchor: a body paragraph after the lead (the seed's 电网 sentence).
ANCHOR="贫困地区电网"

"$BIN" watch "$TMP/ed" -o "$TMP/out" 2>"$TMP/banmian.log" &
"$TYPST" watch --root "$P" "$P/main.typ" "$TMP/typst.pdf" --font-path "$P/fonts" \
    --ignore-system-fonts 2>"$TMP/typst.log" >/dev/null &
sleep 5
for run in $(seq "$EDITS"); do
    edit "$TMP/ed/feature.md" "$ANCHOR" "$run"
    sleep 2
    edit "$P/data.json" "$ANCHOR" "$run"
    sleep 2
done
sleep 1

b=$(grep "feature.md changed: wrote" "$TMP/banmian.log" | sed -E 's/.* in ([0-9]+) ms.*/\1/')
t=$(sed 's/\x1b\[[0-9;]*m//g' "$TMP/typst.log" | grep -E "compiled (successfully|with warnings) in" \
    | tail -n +2 | sed -E 's/.* in ([0-9.]+) ?(ms|s).*/\1 \2/' \
    | awk '{ if ($2 == "s") print $1 * 1000; else print $1 }')
echo "banmian watch, $(echo "$b" | wc -l) edits (ms): $(echo $b)"
echo "typst watch,   $(echo "$t" | wc -l) edits (ms): $(echo $t)"
echo "median: banmian watch $(echo "$b" | median) ms, typst watch $(echo "$t" | median) ms"
