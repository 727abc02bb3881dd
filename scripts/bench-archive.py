#!/usr/bin/env python3
"""The archive's measured cost, for BENCHMARKS.md (issue 17, point 5).

Pages per second on one core for `archive` and `regenerate`, with the
archive in a local folder and on an S3 store on loopback (moto's server,
from scripts/s3-server.sh), and the bytes each revision stores.

    cargo build --release --locked
    python3 scripts/bench-archive.py [RUNS]

banmian runs pinned to core 0 (`taskset -c 0`), the S3 server to core 1,
so that the figures are one core's work and the server's own cost is not
counted in it. Each archive run follows a blank line added at the end
of the edition's first article (a new revision: every page is set again, as for
a correction). Each edition is archived once first (the fonts and
pictures go to the archive then), and that run is reported apart.
`regenerate` runs on every revision archived, from the folder, and from
the store on a machine whose cache starts empty (the first regenerate
downloads the fonts; the figure is of the runs after it, as a shard's
machine works through its share) and from the store with a cache that
already holds the fonts and the revision (the cache of the desk that
archived it).
"""

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "banmian"
EDITIONS = [
    ("content/xianning-2021", "xianning-2021", "feature.md"),
    ("content/examples/16-four-page-edition", "16-four-page-edition", "front-lead.md"),
    # A day's paper of 24 pages, made below from the four-page example.
    (None, "edition-24", "front-lead.md"),
]
FOUR = "content/examples/16-four-page-edition"


def make_24_pages(dest):
    """The four-page example's pages, then its pages 2 and 4 again (copies
    of their articles) in turn up to page 24: a full day's paper of 样稿
    for the per-page figures. Page one's 导读 lists pages 2 to 4 only
    (`in_index = false` on the others), as a real front page lists a few."""
    shutil.copytree(ROOT / FOUR, dest)
    toml = (dest / "edition.toml").read_text(encoding="utf-8")
    shapes = [
        ("样稿·综合新闻", "news", ["p2-1.md", "p2-2.md", "p2-3.md", "p2-4.md", "p2-5.md", "p2-6.md"]),
        ("样稿·特别报道", "feature", ["feature.md"]),
    ]
    for number in range(5, 25):
        section, layout, articles = shapes[(number - 5) % 2]
        names = []
        for article in articles:
            name = f"{article[:-3]}-{number}.md"
            shutil.copy(dest / article, dest / name)
            names.append(name)
        listed = ", ".join(f'"{n}"' for n in names)
        toml += (
            f'\n[[pages]]\nnumber = {number}\nsection = "{section}"\nlayout = "{layout}"\n'
            f"articles = [{listed}]\nin_index = false\n"
        )
    (dest / "edition.toml").write_text(toml, encoding="utf-8")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_s3():
    server = subprocess.run(
        ["bash", str(ROOT / "scripts/s3-server.sh"), "path"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    if not Path(server).is_file():
        subprocess.run(["bash", str(ROOT / "scripts/s3-server.sh"), "install"], check=True)
    port = free_port()
    proc = subprocess.Popen(
        ["taskset", "-c", "1", server, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/")
            break
        except Exception:
            time.sleep(0.1)
    urllib.request.urlopen(urllib.request.Request(url + "/banmian", method="PUT"))
    return proc, url


def run(args, cwd, env):
    """Runs banmian on core 0; gives wall, user+sys seconds and what it said."""
    cmd = ["/usr/bin/time", "-f", "%e %U %S", "taskset", "-c", "0", str(BIN), *args]
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{out.stdout}\n{out.stderr}")
    wall, user, sys_ = map(float, out.stderr.strip().splitlines()[-1].split())
    return wall, user + sys_, out.stdout + out.stderr


def pages_of(stdout):
    for line in stdout.splitlines():
        if line.startswith("archived as revision") and "page(s)" in line:
            return int(line.split(": ")[1].split(" ")[0])
    raise SystemExit(f"no page count in\n{stdout}")


def summary(name, pages, times):
    walls = [w for w, _ in times]
    cpus = [c for _, c in times]
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(
        f"{name:58} {wall:6.2f} s wall  {cpu:6.2f} s cpu  "
        f"{pages / wall:5.2f} pages/s  ({len(times)} runs, {pages} page(s) each)"
    )
    return {"wall": wall, "cpu": cpu, "pages": pages, "pages_per_s": pages / wall}


def bench(tmp, store, edition_dir, ident, article, results):
    work = tmp / f"{store}-{ident}"
    if edition_dir is None:
        make_24_pages(work / ident)
    else:
        shutil.copytree(ROOT / edition_dir, work / ident)
    env = dict(os.environ, BANMIAN_HOME=str(ROOT))
    env.pop("BANMIAN_LANG", None)
    env["LANG"] = "C.UTF-8"
    if store == "folder":
        where = ["--archive", str(work / "archive")]
    else:
        where = ["--archive", f"s3://banmian/bench/{ident}"]
        env["BANMIAN_CACHE"] = str(work / "desk-cache")
    # The first revision: fonts and pictures too.
    wall, cpu, out = run(["archive", ident, *where], work, env)
    pages = pages_of(out)
    results[f"{store} {ident} archive first"] = summary(
        f"{store}: archive {ident}, first (fonts, pictures)", pages, [(wall, cpu)]
    )
    times = []
    for i in range(RUNS):
        path = work / ident / article
        # A blank line more at the end: new sources, the same pages.
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        wall, cpu, out = run(["archive", ident, *where], work, env)
        assert pages_of(out) == pages
        times.append((wall, cpu))
    results[f"{store} {ident} archive"] = summary(f"{store}: archive {ident}, a correction", pages, times)

    revisions = range(2, RUNS + 2)
    if store == "folder":
        times = [run(["regenerate", ident, "--revision", str(r), *where], work, env)[:2] for r in revisions]
        results[f"{store} {ident} regenerate"] = summary(f"{store}: regenerate {ident}", pages, times)
        size = sum(f.stat().st_size for f in (work / "archive" / ident / "rev-0002").rglob("*") if f.is_file())
        fonts = sum(f.stat().st_size for f in (work / "archive" / "fonts").rglob("*") if f.is_file())
        pics_dir = work / "archive" / "pictures"
        pics = sum(f.stat().st_size for f in pics_dir.rglob("*") if f.is_file()) if pics_dir.exists() else 0
        results[f"{ident} bytes"] = {"revision": size, "fonts": fonts, "pictures": pics, "pages": pages}
        print(f"{'bytes: ' + ident:58} revision {size} ({size // pages} a page), fonts {fonts}, pictures {pics}")
        return
    # A shard's machine: an empty cache; the first run fetches the fonts.
    env_fresh = dict(env, BANMIAN_CACHE=str(work / "pod-cache"))
    first = run(["regenerate", ident, "--revision", "1", *where], work, env_fresh)[:2]
    results[f"{store} {ident} regenerate first"] = summary(
        f"{store}: regenerate {ident}, empty cache (fonts fetched)", pages, [first]
    )
    times = [run(["regenerate", ident, "--revision", str(r), *where], work, env_fresh)[:2] for r in revisions]
    results[f"{store} {ident} regenerate"] = summary(f"{store}: regenerate {ident}, fonts cached", pages, times)
    times = [run(["regenerate", ident, "--revision", str(r), *where], work, env)[:2] for r in revisions]
    results[f"{store} {ident} regenerate cached"] = summary(
        f"{store}: regenerate {ident}, revision cached", pages, times
    )


def main():
    if not BIN.is_file():
        sys.exit("build first: cargo build --release --locked")
    proc, url = start_s3()
    os.environ.update(
        AWS_ENDPOINT_URL=url, AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
        AWS_REGION="us-east-1", AWS_PROFILE="banmian-bench-none",
    )
    results = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for store in ["folder", "s3"]:
                for edition_dir, ident, article in EDITIONS:
                    bench(Path(tmp), store, edition_dir, ident, article, results)
    finally:
        proc.kill()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
