#!/usr/bin/env bash
# Process-level benchmarks for BENCHMARKS.md: cold build of the seed page,
# peak memory, PDF size, batch throughput with 1 and 2 threads over 50
# generated editions, and the same page through the stock `typst compile`
# (from --emit-typst). The in-process figures (warm rebuilds, PDF export
# alone) come from `cargo bench --bench rebuild`, run at the end.
#
#   bash scripts/bench.sh            # everything
#   TYPST=/path/to/typst bash scripts/bench.sh
#
# Needs hyperfine (installed from Debian if missing) and, for the
# comparison, Typst 0.15.1's CLI on PATH or in $TYPST
# (`cargo install --locked typst-cli --version 0.15.1`).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y -qq hyperfine >/dev/null
    else
        sudo apt-get install -y -qq hyperfine >/dev/null
    fi
fi
cargo build --release --locked --quiet
BIN="$PWD/target/release/banmian"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
RUNS=${RUNS:-20}

median() { # hyperfine JSON → median seconds of the first command
    python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}

echo "## cold build of the seed page (process start to PDF on disk)"
"$BIN" fonts >/dev/null # the font index exists, as after any first run
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$TMP/cold.json" \
    "$BIN build content/xianning-2021 -o $TMP/cold"
echo "cold build median: $(median "$TMP/cold.json") s"
BANMIAN_CACHE_DIR= hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$TMP/nocache.json" \
    "$BIN build content/xianning-2021 -o $TMP/cold"
echo "cold build without the font index: $(median "$TMP/nocache.json") s"

echo "## peak resident memory of a cold build"
for _ in $(seq 9); do
    /usr/bin/time -f "%M" "$BIN" build content/xianning-2021 -o "$TMP/cold" 2>&1 >/dev/null | tail -1
done | sort -n | awk '{a[NR]=$1} END {printf "peak RSS median: %.1f MiB (%d KiB)\n", a[int((NR+1)/2)]/1024, a[int((NR+1)/2)]}'
echo "PDF size: $(stat -c %s "$TMP/cold/xianning-2021-05.pdf") bytes"

echo "## the same page through typst compile 0.15.1"
"$BIN" build content/xianning-2021 -o "$TMP/e" --emit-typst "$TMP/emit" 2>/dev/null >/dev/null
TYPST=${TYPST:-typst}
if command -v "$TYPST" >/dev/null && "$TYPST" --version | grep -q "0.15.1"; then
    P="$TMP/emit/xianning-2021-05"
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$TMP/typst.json" \
        "$TYPST compile --root $P $P/main.typ $TMP/typst.pdf --font-path $P/fonts --ignore-system-fonts"
    t=$(median "$TMP/typst.json")
    b=$(median "$TMP/cold.json")
    echo "typst compile median: $t s; banmian/typst ratio: $(python3 -c "print('%.2f' % ($b / $t))")"
    /usr/bin/time -f "typst compile peak RSS: %M KiB" "$TYPST" compile --root "$P" "$P/main.typ" "$TMP/typst.pdf" \
        --font-path "$P/fonts" --ignore-system-fonts
else
    echo "typst 0.15.1 not found (set TYPST=…): comparison skipped"
fi

echo "## batch: 50 generated editions, 1 and 2 threads"
python3 - "$TMP/eds" <<'PY'
import pathlib, shutil, sys
# Fifty editions from the seed, each with its body paragraphs rotated
# differently so that no two pages are laid out alike.
out = pathlib.Path(sys.argv[1])
seed = pathlib.Path("content/xianning-2021")
text = (seed / "feature.md").read_text()
head, sep, body = text.partition("\n+++\n")
blocks = body.strip("\n").split("\n\n")
for i in range(50):
    ed = out / f"bench-{i:02d}"
    shutil.copytree(seed, ed)
    k = i % len(blocks)
    rotated = blocks[k:] + blocks[:k]
    (ed / "feature.md").write_text(head + sep + "\n".join(["", *["\n\n".join(rotated)], ""]))
PY
for j in 1 2; do
    hyperfine -N --warmup 1 --runs 5 --export-json "$TMP/batch$j.json" \
        "$BIN build $TMP/eds -o $TMP/b$j -j $j"
    echo "batch -j $j: $(python3 -c "import json; m=json.load(open('$TMP/batch$j.json'))['results'][0]['median']; print('%.2f s, %.1f pages/s' % (m, 50/m))")"
done
python3 -c "
import json
a = json.load(open('$TMP/batch1.json'))['results'][0]['median']
b = json.load(open('$TMP/batch2.json'))['results'][0]['median']
print('2 threads / 1 thread throughput: %.2fx' % (a / b))"

echo "## warm rebuilds in a live session, PDF export alone"
cargo bench --locked --quiet --bench rebuild
