#!/usr/bin/env python3
"""Checks banmian's vendored krilla and subsetter (vendor/README.md) against
upstream: every page of the seed and of the examples is built by banmian
with --emit-typst, the emitted project is compiled by `typst` 0.15.1
(upstream krilla), and each embedded font's FontBBox and compressed font
data must be the same in both PDFs.

    cargo build --release --locked
    TYPST=~/.cargo/bin/typst python3 scripts/compare-fonts-with-typst.py

Needs qpdf and Typst 0.15.1's CLI (cargo install --locked typst-cli
--version 0.15.1). Exits 1 if a page differs.
"""
import glob
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, "target/release/banmian"))
TYPST = os.environ.get("TYPST", "typst")


def fonts(pdf):
    """FontName -> (FontBBox, sha256 of the compressed font file)."""
    out = subprocess.check_output(
        ["qpdf", "--json", "--json-stream-data=inline", "--decode-level=none", pdf])
    objects = json.loads(out)["qpdf"][1]
    found = {}
    for value in objects.values():
        d = value.get("value") or (value.get("stream") or {}).get("dict")
        if isinstance(d, dict) and d.get("/Type") == "/FontDescriptor":
            ref = d.get("/FontFile3") or d.get("/FontFile2")
            data = objects["obj:" + ref]["stream"]["data"]
            box = [round(float(x), 3) for x in d["/FontBBox"]]
            found[d["/FontName"]] = (box, hashlib.sha256(data.encode()).hexdigest())
    return found


def main():
    editions = [os.path.join(ROOT, "content/xianning-2021")]
    editions += sorted(glob.glob(os.path.join(ROOT, "content/examples/*/")))
    pages = differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        for ed in editions:
            name = os.path.basename(os.path.normpath(ed))
            out, emit = os.path.join(tmp, "out-" + name), os.path.join(tmp, "emit-" + name)
            subprocess.run([BIN, "build", ed, "-o", out, "--emit-typst", emit],
                           check=True, capture_output=True)
            for project in sorted(glob.glob(os.path.join(emit, "*/"))):
                stem = os.path.basename(os.path.normpath(project))
                theirs = os.path.join(tmp, stem + "-typst.pdf")
                subprocess.run([TYPST, "compile", "--root", project,
                                os.path.join(project, "main.typ"), theirs,
                                "--font-path", os.path.join(project, "fonts"),
                                "--ignore-system-fonts"], check=True, capture_output=True)
                ours = os.path.join(out, stem + ".pdf")
                a, b = fonts(theirs), fonts(ours)
                pages += 1
                if a != b:
                    differ += 1
                    print(f"{stem}: fonts differ")
                    for key in sorted(set(a) | set(b)):
                        if a.get(key) != b.get(key):
                            print(f"  {key}: typst {a.get(key)}, banmian {b.get(key)}")
    print(f"{pages} pages compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
