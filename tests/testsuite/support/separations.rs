//! A PDF's colour separations as the plant's RIP would make them, rendered
//! by an independent tool (Ghostscript's `tiffsep` device: one TIFF per
//! plate) and read back with a reader of its own (uncompressed 8-bit
//! TIFF), not with banmian's code.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// One printing plate: how much ink each pixel carries (0 none, 255 solid).
pub struct Plate {
    pub width: usize,
    pub height: usize,
    pub ink: Vec<u8>,
}

impl Plate {
    /// How many pixels carry any ink.
    pub fn inked(&self) -> usize {
        self.ink.iter().filter(|&&v| v > 0).count()
    }

    /// The most ink on any pixel, in percent.
    pub fn most(&self) -> f64 {
        f64::from(self.ink.iter().copied().max().unwrap_or(0)) / 2.55
    }
}

/// The plates of the first page of `pdf` at `ppi`, by name (`Cyan`,
/// `Magenta`, `Yellow`, `Black` and any spot colour), rendered into `dir`.
pub fn separations(pdf: &Path, dir: &Path, ppi: u32) -> BTreeMap<String, Plate> {
    std::fs::create_dir_all(dir).unwrap();
    // `-o` implies -dBATCH -dNOPAUSE; Ghostscript 10 runs -dSAFER.
    let out = Command::new("gs")
        .args(["-q", "-sDEVICE=tiffsep", "-sCompression=none"])
        .arg(format!("-r{ppi}"))
        .arg("-o")
        .arg(dir.join("sep.tif"))
        .arg(pdf)
        .output()
        .expect("Ghostscript (gs) is needed by the tests (scripts/test.sh installs it)");
    assert!(
        out.status.success(),
        "gs tiffsep {}: {}{}",
        pdf.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut plates = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // sep(Cyan).tif, …; sep.tif is the composite.
        let Some(plate) = name
            .strip_prefix("sep(")
            .and_then(|n| n.strip_suffix(").tif"))
        else {
            continue;
        };
        plates.insert(plate.to_string(), read_plate(&path));
    }
    plates
}

/// One plate's TIFF as `tiffsep` writes it with `-sCompression=none`:
/// little-endian, 8 bits, one sample, in strips; 255 is no ink.
fn read_plate(path: &Path) -> Plate {
    let d = std::fs::read(path).unwrap();
    assert_eq!(
        &d[..4],
        b"II*\0",
        "{}: a little-endian TIFF",
        path.display()
    );
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([d[i], d[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes(d[i..i + 4].try_into().unwrap()) as usize;
    let ifd = u32_at(4);
    // Tag → (type, count, value or offset).
    let mut tags = BTreeMap::new();
    for k in 0..u16_at(ifd) {
        let e = ifd + 2 + 12 * k;
        tags.insert(u16_at(e), (u16_at(e + 2), u32_at(e + 4), e + 8));
    }
    // The values of a tag: SHORT or LONG, inline when they fit in 4 bytes.
    let values = |tag: usize| -> Vec<usize> {
        let (kind, count, field) = tags[&tag];
        let size = if kind == 3 { 2 } else { 4 };
        let at = if size * count <= 4 {
            field
        } else {
            u32_at(field)
        };
        (0..count)
            .map(|i| match size {
                2 => u16_at(at + 2 * i),
                _ => u32_at(at + 4 * i),
            })
            .collect()
    };
    assert_eq!(values(259), [1], "{}: uncompressed", path.display());
    assert_eq!(values(258), [8], "{}: 8 bits a pixel", path.display());
    let (width, height) = (values(256)[0], values(257)[0]);
    let mut ink = Vec::with_capacity(width * height);
    for (offset, len) in values(273).into_iter().zip(values(279)) {
        ink.extend(d[offset..offset + len].iter().map(|v| 255 - v));
    }
    assert_eq!(ink.len(), width * height, "{}", path.display());
    Plate { width, height, ink }
}
