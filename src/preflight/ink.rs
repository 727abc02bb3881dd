//! Total ink (total area coverage, C+M+Y+K): measured on what the plant
//! sees, the page's separations rendered by Ghostscript, as the most any
//! 2 × 2 mm of the page carries (a dark picture's shadows, a rich fill),
//! not the page's average. Over the limit, newsprint sets off and smears.

use std::borrow::Cow;
use std::io::ErrorKind;
use std::path::Path;
use std::process::Command;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::finding::{Check, Finding, PrintSettings, Severity};
use super::spaces::{picture_components, pictures};

/// The Ghostscript program.
const GHOSTSCRIPT: &str = "gs";

/// The rendering's resolution, in pixels per inch: [`AREA_PX`] pixels
/// are [`AREA_MM`].
const PPI: f64 = 50.8;

/// The side of the square the ink is averaged over, in millimetres.
const AREA_MM: f64 = 2.0;

/// [`AREA_MM`] in pixels at [`PPI`].
const AREA_PX: usize = 4;

/// What the separations of the page `pdf` (read back as `doc`) show
/// against `settings.ink_limit`: an error naming the worst spot when it is
/// over, a note when Ghostscript is not installed, a warning when it
/// cannot render the page. RGB pictures are left out (see [`measurable`]).
pub(super) fn check_ink(
    doc: &Document,
    pdf: &[u8],
    page: u32,
    settings: &PrintSettings,
) -> Vec<Finding> {
    let finding = |severity: Severity, message: String| {
        Finding::new(
            severity,
            Check::Ink,
            page,
            t!("preflight-place-page"),
            message,
        )
    };
    let plates = match measurable(doc, pdf)
        .map_err(Render::Failed)
        .and_then(|pdf| render(&pdf))
    {
        Ok(plates) => plates,
        Err(Render::Missing) => {
            return vec![finding(Severity::Note, t!("preflight-ink-no-ghostscript"))];
        }
        Err(Render::Failed(why)) => {
            return vec![finding(
                Severity::Warning,
                t!("preflight-ink-not-measured", why = why),
            )];
        }
    };
    let Some(worst) = plates.worst() else {
        return Vec::new();
    };
    if worst.percent <= settings.ink_limit + 0.5 {
        return Vec::new();
    }
    let mm = |px: f64| px * 25.4 / PPI;
    let centre = AREA_PX as f64 / 2.0;
    let over = plates.area_over(settings.ink_limit);
    let area = if over >= 100.0 {
        format!("{:.0} cm²", over / 100.0)
    } else if over >= 10.0 {
        format!("{over:.0} mm²")
    } else {
        format!("{over:.1} mm²")
    };
    let place = t!(
        "preflight-ink-place",
        left = format!("{:.0}", mm(worst.x as f64 + centre)),
        top = format!("{:.0}", mm(worst.y as f64 + centre)),
    );
    let message = t!(
        "preflight-ink-over",
        percent = format!("{:.0}", worst.percent),
        square = format!("{AREA_MM:.0}"),
        limit = format!("{:.0}", settings.ink_limit),
        area = area,
    );
    vec![Finding::new(
        Severity::Error,
        Check::Ink,
        page,
        place,
        message,
    )]
}

/// The page as measured: with its RGB pictures blanked (white). How much
/// ink an RGB picture takes is decided by its conversion to the plant's
/// profile, which holds it to the paper's limit, not by Ghostscript's
/// generic profile (some 300% in the shadows); the pictures check asks
/// for them to be converted. Other pages go as they are.
fn measurable<'a>(doc: &Document, pdf: &'a [u8]) -> Result<Cow<'a, [u8]>, String> {
    let rgb: Vec<ObjectId> = pictures(doc)
        .filter(|(_, _, space)| picture_components(doc, space) == Some(3))
        .map(|(id, _, _)| id)
        .collect();
    if rgb.is_empty() {
        return Ok(Cow::Borrowed(pdf));
    }
    let mut doc = doc.clone();
    for id in rgb {
        // One white pixel, drawn where the picture was, as large.
        let name = |n: &str| Object::Name(n.as_bytes().to_vec());
        let mut blank = Dictionary::new();
        blank.set("Type", name("XObject"));
        blank.set("Subtype", name("Image"));
        blank.set("Width", 1);
        blank.set("Height", 1);
        blank.set("ColorSpace", name("DeviceGray"));
        blank.set("BitsPerComponent", 8);
        doc.objects
            .insert(id, Object::Stream(Stream::new(blank, vec![255])));
    }
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| t!("preflight-ink-unwritable", error = e.to_string()))?;
    Ok(Cow::Owned(out))
}

/// Why the separations could not be rendered.
enum Render {
    /// Ghostscript is not installed.
    Missing,
    /// It ran and failed, or wrote what cannot be read.
    Failed(String),
}

/// The first page of `pdf` rendered by Ghostscript as CMYK separations
/// at [`PPI`].
fn render(pdf: &[u8]) -> Result<Plates, Render> {
    let failed = Render::Failed;
    let dir = tempfile::tempdir()
        .map_err(|e| failed(t!("preflight-ink-no-temp-folder", error = e.to_string())))?;
    let input = dir.path().join("page.pdf");
    let output = dir.path().join("page.pam");
    std::fs::write(&input, pdf).map_err(|e| failed(format!("{}: {e}", input.display())))?;
    let run = Command::new(GHOSTSCRIPT)
        .args([
            "-q",
            "-dSAFER",
            "-dBATCH",
            "-dNOPAUSE",
            "-dFirstPage=1",
            "-dLastPage=1",
            "-sDEVICE=pam",
            // What is printed on the paper: printer's marks outside the
            // bleed are not measured.
            "-dUseBleedBox",
            // Grey pictures (Typst embeds them with a grey ICC profile)
            // print on the black plate alone, as a newspaper plant maps
            // grey to K: without this Ghostscript would convert them to a
            // four-colour black of some 300%. CMYK is kept as it is.
            "-dOverrideICC=true",
            "-dDeviceGrayToK=true",
            format!("-r{PPI}").as_str(),
            "-o",
        ])
        .arg(&output)
        .arg(&input)
        .output();
    let run = match run {
        Ok(run) => run,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(Render::Missing),
        Err(e) => {
            return Err(failed(t!(
                "preflight-ink-gs-did-not-start",
                error = e.to_string()
            )));
        }
    };
    if !run.status.success() {
        let said = String::from_utf8_lossy(&run.stdout).to_string()
            + &String::from_utf8_lossy(&run.stderr);
        let first = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(failed(t!(
            "preflight-ink-gs-failed",
            status = run.status.to_string(),
            said = first,
        )));
    }
    read_pam(&output).map_err(failed)
}

/// A CMYK rendering: four bytes a pixel, row by row, 255 = full ink.
struct Plates {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

/// The square of [`AREA_PX`] pixels with the most ink.
#[derive(Debug, PartialEq)]
struct Worst {
    /// Its top-left pixel.
    x: usize,
    y: usize,
    /// Its mean total ink, in percent (0–400).
    percent: f64,
}

impl Plates {
    /// The total ink of every [`AREA_PX`] square, as the sum of its pixels'
    /// C+M+Y+K (0–255 each): one value a top-left pixel, row by row, in a
    /// (width − n + 1) × (height − n + 1) grid.
    fn square_sums(&self) -> (usize, Vec<u32>) {
        let n = AREA_PX;
        let (w, h) = (self.width, self.height);
        if w < n || h < n {
            return (0, Vec::new());
        }
        // A summed-area table of the total ink, (w + 1) × (h + 1).
        let mut table = vec![0u64; (w + 1) * (h + 1)];
        for y in 0..h {
            let mut row = 0u64;
            for x in 0..w {
                let p = &self.pixels[(y * w + x) * 4..][..4];
                row += p.iter().map(|&v| u64::from(v)).sum::<u64>();
                table[(y + 1) * (w + 1) + x + 1] = table[y * (w + 1) + x + 1] + row;
            }
        }
        let at = |x: usize, y: usize| table[y * (w + 1) + x];
        let cols = w - n + 1;
        let mut sums = Vec::with_capacity(cols * (h - n + 1));
        for y in 0..=h - n {
            for x in 0..cols {
                let sum = at(x + n, y + n) + at(x, y) - at(x + n, y) - at(x, y + n);
                sums.push(sum as u32);
            }
        }
        (cols, sums)
    }

    /// The square with the most ink (the first, top to bottom and left to
    /// right, of equals).
    fn worst(&self) -> Option<Worst> {
        let (cols, sums) = self.square_sums();
        let mut best: Option<(usize, u32)> = None;
        for (i, &sum) in sums.iter().enumerate() {
            if best.is_none_or(|(_, most)| sum > most) {
                best = Some((i, sum));
            }
        }
        let (i, sum) = best?;
        Some(Worst {
            x: i % cols,
            y: i / cols,
            percent: percent(sum),
        })
    }

    /// About how many square millimetres of the page are over `limit`:
    /// the squares over it, one pixel's area each.
    fn area_over(&self, limit: f64) -> f64 {
        let (_, sums) = self.square_sums();
        let over = sums.iter().filter(|&&s| percent(s) > limit + 0.5).count();
        let pixel_mm = 25.4 / PPI;
        over as f64 * pixel_mm * pixel_mm
    }
}

/// A square's summed ink as a percentage of one solid ink.
fn percent(sum: u32) -> f64 {
    f64::from(sum) / (AREA_PX * AREA_PX) as f64 / 255.0 * 100.0
}

/// Reads a CMYK PAM file as Ghostscript's `pam` device writes it.
fn read_pam(path: &Path) -> Result<Plates, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_pam(&bytes).ok_or_else(|| t!("preflight-ink-unreadable-rendering"))
}

/// A CMYK PAM image (`P7`, DEPTH 4, MAXVAL 255).
fn parse_pam(bytes: &[u8]) -> Option<Plates> {
    const END: &[u8] = b"ENDHDR\n";
    let end = bytes.windows(END.len()).position(|w| w == END)?;
    let header = std::str::from_utf8(&bytes[..end]).ok()?;
    let mut lines = header.lines();
    if lines.next()? != "P7" {
        return None;
    }
    let (mut width, mut height, mut depth, mut maxval) = (0, 0, 0, 0);
    for line in lines {
        let mut words = line.split_whitespace();
        let (Some(key), Some(value)) = (words.next(), words.next()) else {
            continue;
        };
        let value = value.parse::<usize>().ok();
        match key {
            "WIDTH" => width = value?,
            "HEIGHT" => height = value?,
            "DEPTH" => depth = value?,
            "MAXVAL" => maxval = value?,
            _ => {}
        }
    }
    let pixels = bytes.get(end + END.len()..)?;
    let size = width.checked_mul(height)?.checked_mul(4)?;
    (depth == 4 && maxval == 255 && pixels.len() >= size).then(|| Plates {
        width,
        height,
        pixels: pixels[..size].to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w` × `h` rendering of no ink with `cmyk` on the square of `n`
    /// pixels at (`x`, `y`).
    fn plates(w: usize, h: usize, (x, y, n): (usize, usize, usize), cmyk: [u8; 4]) -> Plates {
        let mut pixels = vec![0; w * h * 4];
        for row in y..y + n {
            for col in x..x + n {
                pixels[(row * w + col) * 4..][..4].copy_from_slice(&cmyk);
            }
        }
        Plates {
            width: w,
            height: h,
            pixels,
        }
    }

    #[test]
    fn the_worst_square_is_found_where_it_is() {
        let p = plates(20, 10, (11, 3, 4), [255, 255, 255, 255]);
        let worst = p.worst().unwrap();
        assert_eq!((worst.x, worst.y), (11, 3));
        assert!((worst.percent - 400.0).abs() < 1e-9);
        // Over 240%: the square on the spot (400%) and the four one pixel
        // beside it (300%); one pixel diagonally off holds 225%.
        let area = p.area_over(240.0);
        assert!((area - 0.25 * 5.0).abs() < 1e-9, "{area}");
    }

    #[test]
    fn a_dot_smaller_than_the_square_is_averaged() {
        // One pixel of 400% in a 2 × 2 mm square: 25% over the square.
        let worst = plates(8, 8, (2, 2, 1), [255; 4]).worst().unwrap();
        assert!((worst.percent - 25.0).abs() < 1e-9, "{worst:?}");
    }

    #[test]
    fn reads_what_ghostscript_writes() {
        let mut pam = b"P7\nWIDTH 2\nHEIGHT 1\nDEPTH 4\nMAXVAL 255\nTUPLTYPE CMYK\n# Image generated by GPL Ghostscript\nENDHDR\n".to_vec();
        pam.extend([0, 255, 255, 38, 1, 2, 3, 4]);
        let p = parse_pam(&pam).unwrap();
        assert_eq!((p.width, p.height), (2, 1));
        assert_eq!(p.pixels, [0, 255, 255, 38, 1, 2, 3, 4]);
        assert!(parse_pam(b"P6\n2 1\n255\n").is_none());
        pam.truncate(pam.len() - 1);
        assert!(parse_pam(&pam).is_none());
    }
}
