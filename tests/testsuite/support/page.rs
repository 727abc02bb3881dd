//! A written page read back with poppler, as a printer's proof reader
//! would measure it: a grey raster, the text lines with their boxes, the
//! embedded pictures with their resolution, and where each picture is
//! placed and clipped. Nothing here uses banmian's code.

use std::path::Path;
use std::process::Command;

use super::poppler;

/// Points per millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// An axis-aligned rectangle, `x0 < x1`, `y0 < y1`, y growing downwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    pub fn area(&self) -> f64 {
        self.width().max(0.0) * self.height().max(0.0)
    }

    /// The common part (empty: width or height ≤ 0).
    pub fn intersect(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        }
    }

    /// The same rectangle in millimetres, from points.
    pub fn mm(&self) -> Rect {
        Rect {
            x0: self.x0 / PT_PER_MM,
            y0: self.y0 / PT_PER_MM,
            x1: self.x1 / PT_PER_MM,
            y1: self.y1 / PT_PER_MM,
        }
    }
}

impl std::fmt::Display for Rect {
    /// `W × H mm at (x, y)`, in the rectangle's own unit (call on `mm()`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.0} × {:.0} mm at ({:.0}, {:.0})",
            self.width(),
            self.height(),
            self.x0,
            self.y0
        )
    }
}

/// The page rasterised in grey at one pixel per millimetre
/// (`pdftocairo -png -gray -r 25.4`): 0 black, 255 paper white.
pub struct Raster {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Raster {
    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }
}

/// Rasterises the first page of `pdf` at 1 px/mm, in grey.
pub fn raster_mm(pdf: &Path) -> Raster {
    let out = Command::new("pdftocairo")
        .args(["-png", "-gray", "-r", "25.4", "-singlefile"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftocairo is needed by the tests (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "pdftocairo {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let img = image::load_from_memory_with_format(&out.stdout, image::ImageFormat::Png)
        .expect("pdftocairo writes a PNG")
        .into_luma8();
    Raster {
        width: img.width() as usize,
        height: img.height() as usize,
        pixels: img.into_raw(),
    }
}

/// The largest empty rectangles of a 0/1 grid (`empty[y][x]`): every
/// maximal rectangle of empty cells, as (x, y, width, height) in cells,
/// found row by row with the histogram-and-stack method (each maximal
/// empty rectangle is seen at its bottom row). `keep` chooses which to
/// return; the result is sorted largest area first.
pub fn empty_rectangles(
    empty: &[Vec<bool>],
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, usize, usize)> {
    let Some(cols) = empty.first().map(Vec::len) else {
        return Vec::new();
    };
    let mut heights = vec![0usize; cols];
    let mut found = Vec::new();
    for (y, row) in empty.iter().enumerate() {
        for (h, &e) in heights.iter_mut().zip(row) {
            *h = if e { *h + 1 } else { 0 };
        }
        // (start column, height) of bars still open, heights increasing.
        let mut stack: Vec<(usize, usize)> = Vec::new();
        // A bar of height 0 after the last column closes every open one.
        for (x, cur) in heights.iter().copied().chain([0]).enumerate() {
            let mut start = x;
            while let Some(&(s, h)) = stack.last() {
                if h < cur {
                    break;
                }
                stack.pop();
                if h > 0 && keep(x - s, h) {
                    found.push((s, y + 1 - h, x - s, h));
                }
                start = s;
            }
            stack.push((start, cur));
        }
    }
    found.sort_by_key(|&(_, _, w, h)| std::cmp::Reverse(w * h));
    found.dedup();
    found
}

/// A text line as `pdftotext -bbox-layout` groups it, box in points.
#[derive(Clone, Debug)]
pub struct TextLine {
    pub text: String,
    pub bbox: Rect,
}

/// The first page's size (points) and the text lines of every page.
pub fn text_lines(pdf: &Path) -> (f64, f64, Vec<TextLine>) {
    let xml = poppler("pdftotext", &["-bbox-layout", pdf.to_str().unwrap(), "-"]);
    let page = xml.split("<page").nth(1).expect("a page");
    let page_tag = page.split('>').next().unwrap_or("");
    let width = attr_f64(page_tag, "width");
    let height = attr_f64(page_tag, "height");
    let mut lines = Vec::new();
    for chunk in xml.split("<line ").skip(1) {
        let tag = format!(" {}", chunk.split('>').next().unwrap_or(""));
        let tag = tag.as_str();
        let body = chunk.split("</line>").next().unwrap_or("");
        let mut text = String::new();
        for word in body.split("<word").skip(1) {
            let inner = word.split_once('>').map(|(_, r)| r).unwrap_or("");
            text.push_str(inner.split("</word>").next().unwrap_or(""));
        }
        let text = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"");
        lines.push(TextLine {
            text,
            bbox: Rect {
                x0: attr_f64(tag, "xMin"),
                y0: attr_f64(tag, "yMin"),
                x1: attr_f64(tag, "xMax"),
                y1: attr_f64(tag, "yMax"),
            },
        });
    }
    (width, height, lines)
}

/// An embedded picture as `pdfimages -list` reports it.
#[derive(Clone, Debug)]
pub struct Embedded {
    pub width: u32,
    pub height: u32,
    pub x_ppi: u32,
    pub y_ppi: u32,
}

/// The pictures (`type image`, not soft masks) drawn on the page.
pub fn embedded_images(pdf: &Path) -> Vec<Embedded> {
    let list = poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    list.lines()
        .skip(2)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() >= 14 && f[2] == "image").then(|| Embedded {
                width: f[3].parse().unwrap(),
                height: f[4].parse().unwrap(),
                x_ppi: f[12].parse().unwrap(),
                y_ppi: f[13].parse().unwrap(),
            })
        })
        .collect()
}

/// Where a picture is drawn: the whole picture's rectangle at its placed
/// size, and the part of it left visible by the clips around it (points).
#[derive(Clone, Debug)]
pub struct Placement {
    pub width_px: u32,
    pub height_px: u32,
    pub image: Rect,
    pub visible: Rect,
}

impl Placement {
    /// The share of the picture's area that shows.
    pub fn visible_fraction(&self) -> f64 {
        self.visible.area() / self.image.area()
    }
}

/// Every picture placement on the first page, read from poppler's SVG
/// (`pdftocairo -svg`): cairo writes each picture once as
/// `<image id width height>` and draws it with `<use xlink:href="#id"
/// transform="matrix(a,0,0,d,e,f)">` inside `<g clip-path="url(#clipN)">`
/// groups whose `<clipPath>` holds the frame's path. The picture covers
/// `(e, f)`–`(e + a·width, f + d·height)`; what shows is that rectangle cut
/// by the bounding boxes of the clips of every enclosing group.
pub fn placements(pdf: &Path) -> Vec<Placement> {
    let svg = poppler("pdftocairo", &["-svg", pdf.to_str().unwrap(), "-"]);
    let root = svg.split("<svg").nth(1).and_then(|s| s.split('>').next());
    let root = root.expect("an <svg> element");
    let page = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: attr_f64(root, "width"),
        y1: attr_f64(root, "height"),
    };
    let mut clips: std::collections::HashMap<String, Rect> = Default::default();
    let mut images: std::collections::HashMap<String, (u32, u32)> = Default::default();
    let mut open: Vec<Option<Rect>> = Vec::new();
    let mut in_clip: Option<(String, Option<Rect>)> = None;
    let mut placed = Vec::new();
    for raw in svg.split('<').skip(1) {
        let tag = raw.split('>').next().unwrap_or("");
        let name = tag.split([' ', '/', '\n']).next().unwrap_or("");
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        match (name, closing) {
            ("clipPath", false) => in_clip = Some((attr(tag, "id").to_string(), None)),
            ("", true) if tag.starts_with("/clipPath") => {
                if let Some((id, Some(r))) = in_clip.take() {
                    clips.insert(id, r);
                }
            }
            ("path" | "rect", false) if in_clip.is_some() => {
                let r = shape_bbox(name, tag);
                let (_, acc) = in_clip.as_mut().unwrap();
                *acc = Some(match *acc {
                    // A clip of several shapes: their union's box.
                    Some(a) => Rect {
                        x0: a.x0.min(r.x0),
                        y0: a.y0.min(r.y0),
                        x1: a.x1.max(r.x1),
                        y1: a.y1.max(r.y1),
                    },
                    None => r,
                });
            }
            ("g", false) if !self_closing => {
                assert!(
                    !tag.contains("transform="),
                    "{}: a transformed group in poppler's SVG; the placement reader does not follow it",
                    pdf.display()
                );
                let clip = tag.contains("clip-path=").then(|| {
                    let id = attr(tag, "clip-path")
                        .trim_start_matches("url(#")
                        .trim_end_matches(')');
                    *clips
                        .get(id)
                        .unwrap_or_else(|| panic!("clip {id} used before it is defined"))
                });
                open.push(clip);
            }
            ("", true) if tag.starts_with("/g") && tag.len() == 2 => {
                open.pop();
            }
            ("image", false) => {
                let id = attr(tag, "id").to_string();
                images.insert(
                    id,
                    (
                        attr_f64(tag, "width") as u32,
                        attr_f64(tag, "height") as u32,
                    ),
                );
            }
            ("use", false) => {
                let href = attr(tag, "xlink:href").trim_start_matches('#');
                let Some(&(w, h)) = images.get(href) else {
                    continue;
                };
                let m: Vec<f64> = attr(tag, "transform")
                    .trim_start_matches("matrix(")
                    .trim_end_matches(')')
                    .split(',')
                    .map(|v| v.trim().parse().unwrap())
                    .collect();
                assert!(
                    m.len() == 6 && m[1] == 0.0 && m[2] == 0.0 && m[0] > 0.0 && m[3] > 0.0,
                    "{}: picture {w}×{h} drawn rotated or mirrored ({m:?})",
                    pdf.display()
                );
                let image = Rect {
                    x0: m[4],
                    y0: m[5],
                    x1: m[4] + m[0] * f64::from(w),
                    y1: m[5] + m[3] * f64::from(h),
                };
                let visible = open
                    .iter()
                    .flatten()
                    .fold(image.intersect(&page), |v, c| v.intersect(c));
                placed.push(Placement {
                    width_px: w,
                    height_px: h,
                    image,
                    visible,
                });
            }
            _ => {}
        }
    }
    placed
}

/// The bounding box of a clip shape: a `<rect>`, or a `<path d>` of
/// straight lines (cairo writes rectangles as `M x y L … Z`).
fn shape_bbox(name: &str, tag: &str) -> Rect {
    assert!(
        !tag.contains("transform="),
        "a transformed clip shape in poppler's SVG: {tag}"
    );
    if name == "rect" {
        let (x, y) = (attr_f64(tag, "x"), attr_f64(tag, "y"));
        return Rect {
            x0: x,
            y0: y,
            x1: x + attr_f64(tag, "width"),
            y1: y + attr_f64(tag, "height"),
        };
    }
    let nums: Vec<f64> = attr(tag, "d")
        .split(|c: char| c.is_ascii_alphabetic() || c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    let xs = nums.iter().step_by(2);
    let ys = nums.iter().skip(1).step_by(2);
    Rect {
        x0: xs.clone().copied().fold(f64::INFINITY, f64::min),
        x1: xs.copied().fold(f64::NEG_INFINITY, f64::max),
        y0: ys.clone().copied().fold(f64::INFINITY, f64::min),
        y1: ys.copied().fold(f64::NEG_INFINITY, f64::max),
    }
}

/// The value of attribute `name` in a tag (`""` when absent).
fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let needle = format!(" {name}=\"");
    tag.find(&needle)
        .map(|i| {
            let rest = &tag[i + needle.len()..];
            &rest[..rest.find('"').unwrap_or(rest.len())]
        })
        .unwrap_or("")
}

/// A numeric attribute; a unit suffix (`pt`) is ignored.
fn attr_f64(tag: &str, name: &str) -> f64 {
    let v = attr(tag, name).trim_end_matches(|c: char| c.is_ascii_alphabetic());
    v.parse()
        .unwrap_or_else(|_| panic!("attribute {name} = {v:?} in {}", &tag[..tag.len().min(200)]))
}
