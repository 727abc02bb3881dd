#!/usr/bin/env bash
# Proofs of the gallery of shapes (content/examples/) and a contact sheet.
#
#   bash scripts/gallery.sh            # output/gallery/<id>/<id>-<page>.png, docs/gallery.png
#
# Builds a PNG proof of every example (30 ppi: the whole page at a glance,
# broadsheet and tabloid at the same scale) and puts them side by side on
# one sheet, each labelled with its example's id. Needs ImageMagick's
# `montage` (apt-get install imagemagick). Proofs are built even where the
# print build would refuse the page, so a bad page shows on the sheet.
set -euo pipefail
cd "$(dirname "$0")/.."

out=output/gallery
sheet=${GALLERY_SHEET:-docs/gallery.png}
command -v montage >/dev/null 2>&1 || {
  echo "gallery.sh needs ImageMagick's montage (apt-get install imagemagick)" >&2
  exit 2
}

rm -rf "$out"
# A failing example still leaves the others' proofs: report, do not stop.
cargo run --release --quiet -- build content/examples --format png --ppi 30 -o "$out" ||
  echo "gallery.sh: some examples did not build (see above); the sheet shows the others" >&2

tiles=()
for dir in content/examples/*/; do
  id=$(basename "$dir")
  [ -f "$dir/edition.toml" ] || continue
  found=0
  for png in "$out/$id"/*.png; do
    [ -f "$png" ] || continue
    tiles+=(-label "$id" "$png")
    found=1
  done
  if [ $found -eq 0 ]; then
    # An example that did not build keeps its place, as a grey card.
    echo "gallery.sh: no proof of $id" >&2
    tiles+=(-label "$id (not built)" -size 300x420 "xc:#d8d8d8")
  fi
done
[ ${#tiles[@]} -gt 0 ] || { echo "gallery.sh: no proofs to show" >&2; exit 1; }

# Pages keep their relative size (a tabloid is smaller than a broadsheet);
# the proofs' transparent paper is set on white, each page framed in grey.
montage -background white -fill black -pointsize 16 \
  -bordercolor '#777777' -border 1 \
  -tile 7x -geometry '+12+12' \
  "${tiles[@]}" -alpha remove -alpha off \
  -colors 64 -depth 8 "png8:$sheet"
echo "$sheet"
