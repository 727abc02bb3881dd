#!/usr/bin/env python3
"""Makes the synthetic pictures of the gallery (content/examples/).

They are test cards, not photographs: a two-colour gradient, a few shapes,
a frame 4% inside the edge and a cross at the centre (so a crop shows on a
proof), and a label saying 样图, the aspect ratio and the pixel size. The
colours are mid-tones: no picture holds an area of paper white, so the
gallery tests never take a picture for a hole.

Every picture has a pixel size of its own (the tests find a picture in the
written PDF by its size), a long side of 2,400-3,000 px (6-8 broadsheet
columns at 200 ppi), RGB baseline JPEG at quality 85, and two are PNG.

    python3 scripts/gallery-pictures.py          # (re)writes every picture the examples name
    python3 scripts/gallery-pictures.py DIR      # writes the whole pool into DIR

An example names a picture of the pool by its file name
(`file = "photos/a07-pano.jpg"`); the script writes that picture into the
example's photos/ folder. A name not in the pool (a picture still to come)
is left alone. The pictures are committed (CI has no Pillow); git stores the
copies of one picture once. Needs Pillow and fonts/NotoSansCJK-Bold.ttc.
"""

import math
import os
import re
import shutil
import sys

from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = os.path.join(ROOT, "fonts", "NotoSansCJK-Bold.ttc")
SC = 2  # index of Noto Sans CJK SC in the collection

# name, aspect label, width, height, two gradient colours, format
POOL = [
    ("a01-3x2", "3:2", 2700, 1800, (70, 120, 160), (150, 190, 120), "JPEG"),
    ("a02-3x2", "3:2", 2400, 1600, (160, 90, 70), (210, 170, 90), "JPEG"),
    ("a03-4x3", "4:3", 2400, 1800, (60, 140, 120), (170, 200, 150), "JPEG"),
    ("a04-4x3", "4:3", 2800, 2100, (110, 80, 150), (190, 150, 190), "JPEG"),
    ("a05-16x9", "16:9", 2880, 1620, (40, 90, 140), (120, 170, 210), "JPEG"),
    ("a06-16x9", "16:9", 2560, 1440, (130, 110, 60), (200, 190, 120), "JPEG"),
    ("a07-pano", "2.4:1", 3000, 1250, (50, 110, 90), (160, 200, 200), "JPEG"),
    ("a08-2x3", "2:3", 1800, 2700, (150, 70, 100), (220, 160, 150), "JPEG"),
    ("a09-2x3", "2:3", 2000, 3000, (70, 100, 60), (170, 190, 110), "JPEG"),
    ("a10-3x4", "3:4", 1800, 2400, (90, 90, 140), (160, 180, 220), "JPEG"),
    ("a11-1x1", "1:1", 2400, 2400, (140, 100, 50), (210, 180, 140), "JPEG"),
    ("a12-3x2", "3:2", 2550, 1700, (60, 60, 100), (150, 130, 180), "PNG"),
    ("a13-3x4", "3:4", 2100, 2800, (120, 60, 60), (200, 140, 110), "PNG"),
]


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def card(name, label, w, h, c0, c1, fmt):
    # A diagonal gradient, computed on a small image and scaled up (smooth
    # and cheap); PNGs get flat bands instead so that they stay small.
    small = Image.new("RGB", (64, 64))
    px = small.load()
    for y in range(64):
        for x in range(64):
            t = (x / 63 * 0.6 + y / 63 * 0.4)
            if fmt == "PNG":
                t = math.floor(t * 6) / 6
            px[x, y] = mix(c0, c1, t)
    resample = Image.NEAREST if fmt == "PNG" else Image.BILINEAR
    img = small.resize((w, h), resample)
    d = ImageDraw.Draw(img)
    s = min(w, h)
    dark = mix(c0, (20, 20, 20), 0.55)
    light = mix(c1, (255, 255, 255), 0.35)

    # Shapes: circles and a band of bars, in the picture's own tones.
    for i, (fx, fy, fr) in enumerate([(0.18, 0.3, 0.16), (0.8, 0.7, 0.22), (0.62, 0.22, 0.09)]):
        r = fr * s
        cx, cy = fx * w, fy * h
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=mix(c0, c1, 0.25 + 0.3 * i))
    bars = 9
    for i in range(bars):
        x0 = w * (0.08 + 0.84 * i / bars)
        bh = h * (0.08 + 0.12 * ((i * 7) % 5) / 4)
        d.rectangle([x0, h * 0.9 - bh, x0 + w * 0.84 / bars * 0.6, h * 0.9], fill=mix(c0, dark, 0.5))

    # The frame 4% inside the edge and the centre cross: a crop shows.
    m = round(0.04 * s)
    lw = max(6, s // 300)
    d.rectangle([m, m, w - 1 - m, h - 1 - m], outline=dark, width=lw)
    d.line([w / 2 - s * 0.06, h / 2, w / 2 + s * 0.06, h / 2], fill=dark, width=lw)
    d.line([w / 2, h / 2 - s * 0.06, w / 2, h / 2 + s * 0.06], fill=dark, width=lw)
    for fx, fy in [(0, 0), (1, 0), (0, 1), (1, 1)]:
        # Corner marks: a filled triangle at each corner of the picture.
        cx, cy = fx * (w - 1), fy * (h - 1)
        dx, dy = (1 if fx == 0 else -1) * s * 0.08, (1 if fy == 0 else -1) * s * 0.08
        d.polygon([(cx, cy), (cx + dx, cy), (cx, cy + dy)], fill=dark)

    # The label, on a panel of light tone (never paper white).
    big = ImageFont.truetype(FONT, round(s * 0.11), index=SC)
    small_f = ImageFont.truetype(FONT, round(s * 0.045), index=SC)
    lines = [(f"样图 {label}", big), (f"{w}×{h} · {name}", small_f), ("合成图片，不是新闻照片", small_f)]
    boxes = [d.textbbox((0, 0), t, font=f) for t, f in lines]
    tw = max(b[2] - b[0] for b in boxes)
    th = sum(b[3] - b[1] for b in boxes) + s * 0.03 * (len(lines) - 1)
    pad = s * 0.04
    top = h * 0.5 - th / 2 - s * 0.12
    d.rectangle([w / 2 - tw / 2 - pad, top - pad, w / 2 + tw / 2 + pad, top + th + pad], fill=light, outline=dark, width=lw)
    y = top
    for (t, f), b in zip(lines, boxes):
        d.text((w / 2 - (b[2] - b[0]) / 2 - b[0], y - b[1]), t, font=f, fill=dark)
        y += b[3] - b[1] + s * 0.03
    return img


def save(entry, path):
    name, label, w, h, c0, c1, fmt = entry
    img = card(name, label, w, h, c0, c1, fmt)
    if fmt == "PNG":
        img.save(path, "PNG", optimize=True)
    else:
        img.save(path, "JPEG", quality=85, progressive=False, optimize=True, subsampling="4:2:0")
    print(f"{os.path.relpath(path, ROOT)}: {w}×{h} {os.path.getsize(path) // 1024} KiB")


def file_name(entry):
    return entry[0] + (".png" if entry[6] == "PNG" else ".jpg")


def main():
    pool = {file_name(e): e for e in POOL}
    if len(sys.argv) > 1:
        os.makedirs(sys.argv[1], exist_ok=True)
        for name, entry in pool.items():
            save(entry, os.path.join(sys.argv[1], name))
        return
    examples = os.path.join(ROOT, "content", "examples")
    made = {}
    for ex in sorted(os.listdir(examples)):
        folder = os.path.join(examples, ex)
        for md in sorted(f for f in os.listdir(folder) if f.endswith(".md")):
            text = open(os.path.join(folder, md), encoding="utf-8").read()
            for name in re.findall(r'"photos/([^"/]+)"', text):
                if name not in pool:
                    continue
                os.makedirs(os.path.join(folder, "photos"), exist_ok=True)
                dest = os.path.join(folder, "photos", name)
                if name in made:
                    shutil.copyfile(made[name], dest)
                else:
                    save(pool[name], dest)
                    made[name] = dest

if __name__ == "__main__":
    main()
