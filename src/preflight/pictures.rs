//! Pictures as the plant sees them: colour mode and pixel size read from
//! the file's own header, integrity by decoding it, and the effective
//! resolution at the size the layout placed it.

use std::path::Path;

use serde::Serialize;
use typst::layout::{Frame, FrameItem};
use typst::visualize::ImageKind;

use super::{Check, Finding, MISSING, PrintSettings, Severity};
use crate::content::Article;

/// A picture's colour mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PictureMode {
    /// Greyscale (with or without alpha).
    Gray,
    /// RGB, YCbCr or palette colour.
    Rgb,
    /// CMYK (or YCCK) JPEG.
    Cmyk,
}

/// What the header of a picture file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureInfo {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Colour mode.
    pub mode: PictureMode,
}

/// Reads a JPEG or PNG picture's header and decodes it once to prove it is
/// whole. The error says what is wrong in the desk's words.
pub fn probe(path: &Path) -> Result<PictureInfo, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.is_empty() {
        return Err("is empty (0 bytes)".into());
    }
    let info = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_header(&bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg_header(&bytes)
    } else {
        return Err("is neither a JPEG nor a PNG picture".into());
    }
    .ok_or("has a damaged header")?;
    let jpeg = bytes.starts_with(&[0xFF, 0xD8]);
    // Decoders forgive a JPEG cut short (they grey out the rest); a plant
    // does not: an end-of-image marker must follow the last start of scan
    // (compressed data never holds one, and trailing data after it is fine).
    if jpeg && !has_end_of_image(&bytes) {
        return Err("is damaged: truncated (no end-of-image marker)".into());
    }
    let format = if jpeg {
        image::ImageFormat::Jpeg
    } else {
        image::ImageFormat::Png
    };
    image::load_from_memory_with_format(&bytes, format)
        .map_err(|e| format!("is damaged and cannot be decoded ({e})"))?;
    Ok(info)
}

fn has_end_of_image(b: &[u8]) -> bool {
    let last_scan = b.windows(2).rposition(|w| w == [0xFF, 0xDA]).unwrap_or(0);
    b[last_scan..].windows(2).any(|w| w == [0xFF, 0xD9])
}

fn png_header(b: &[u8]) -> Option<PictureInfo> {
    let ihdr = b.get(12..16)?;
    if ihdr != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let height = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    let mode = match *b.get(25)? {
        0 | 4 => PictureMode::Gray,
        2 | 3 | 6 => PictureMode::Rgb,
        _ => return None,
    };
    Some(PictureInfo {
        width,
        height,
        mode,
    })
}

fn jpeg_header(b: &[u8]) -> Option<PictureInfo> {
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        // Start of frame: baseline, extended, progressive, lossless (not DHT, JPG, DAC).
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let seg = b.get(i + 4..i + 2 + len)?;
            let &[_, h1, h0, w1, w0, components, ..] = seg else {
                return None;
            };
            let height = u32::from(u16::from_be_bytes([h1, h0]));
            let width = u32::from(u16::from_be_bytes([w1, w0]));
            let mode = match components {
                1 => PictureMode::Gray,
                3 => PictureMode::Rgb,
                4 => PictureMode::Cmyk,
                _ => return None,
            };
            return Some(PictureInfo {
                width,
                height,
                mode,
            });
        }
        i += 2 + len;
    }
    None
}

/// Checks the photos of `article` on page `page` whose laid-out frame is
/// `frame`: missing files, colour mode, and effective resolution.
pub fn check_pictures(
    article: &Article,
    frame: &Frame,
    page: u32,
    settings: &PrintSettings,
) -> Vec<Finding> {
    let placed = placed_images(frame);
    let mut out = Vec::new();
    for (i, photo) in article.photos.iter().enumerate() {
        let place = format!("photos[{i}] {}", photo.file);
        let finding = |severity, message: String| {
            Finding::new(severity, Check::Pictures, page, place.clone(), message)
                .at(&photo.location)
        };
        let Some(path) = &photo.path else {
            out.push(finding(
                Severity::Warning,
                format!("{MISSING}; a placeholder frame is set"),
            ));
            continue;
        };
        let info = match probe(path) {
            Ok(info) => info,
            Err(e) => {
                out.push(finding(Severity::Error, format!("picture {e}")));
                continue;
            }
        };
        let wrong_mode = matches!(
            (settings.mode, info.mode),
            (_, PictureMode::Rgb) | (PictureMode::Gray, PictureMode::Cmyk)
        );
        if wrong_mode {
            out.push(finding(
                Severity::Warning,
                format!(
                    "{:?} picture in a {:?} job (convert it before release)",
                    info.mode, settings.mode
                ),
            ));
        }
        let bytes = std::fs::read(path).unwrap_or_default();
        if let Some((w_pt, h_pt)) = placed
            .iter()
            .find(|(data, _, _)| data.as_slice() == bytes.as_slice())
            .map(|p| (p.1, p.2))
        {
            let ppi =
                (f64::from(info.width) / (w_pt / 72.0)).min(f64::from(info.height) / (h_pt / 72.0));
            let mm = |pt: f64| pt / 72.0 * 25.4;
            let size = format!(
                "{}×{} px placed at {:.0}×{:.0} mm",
                info.width,
                info.height,
                mm(w_pt),
                mm(h_pt)
            );
            if ppi < settings.min_ppi {
                out.push(finding(
                    Severity::Error,
                    format!(
                        "{ppi:.0} ppi effective, below the minimum of {:.0} ppi ({size})",
                        settings.min_ppi
                    ),
                ));
            } else if ppi > settings.max_ppi {
                out.push(finding(
                    Severity::Warning,
                    format!(
                        "{ppi:.0} ppi effective, above {:.0} ppi: only costs bytes ({size})",
                        settings.max_ppi
                    ),
                ));
            }
        }
    }
    out
}

/// Every raster image in the frame: its file bytes and drawn size in points.
fn placed_images(frame: &Frame) -> Vec<(typst::foundations::Bytes, f64, f64)> {
    let mut out = Vec::new();
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => out.extend(placed_images(&g.frame)),
            FrameItem::Image(image, size, _) => {
                if let ImageKind::Raster(raster) = image.kind() {
                    out.push((raster.data().clone(), size.x.to_pt(), size.y.to_pt()));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cmyk_jpeg_header_is_recognised() {
        // SOI, then a baseline SOF0 of 17 bytes: 8 bits, 30 × 40, 4 components.
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 8, 0, 30, 0, 40, 4];
        b.extend([0u8; 12]);
        assert_eq!(
            jpeg_header(&b),
            Some(PictureInfo {
                width: 40,
                height: 30,
                mode: PictureMode::Cmyk
            })
        );
    }

    #[test]
    fn headers_give_size_and_mode() {
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("a.png");
        image::GrayImage::new(40, 30).save(&png).unwrap();
        assert_eq!(
            probe(&png).unwrap(),
            PictureInfo {
                width: 40,
                height: 30,
                mode: PictureMode::Gray
            }
        );
        let jpg = dir.path().join("a.jpg");
        image::RgbImage::new(64, 48).save(&jpg).unwrap();
        assert_eq!(
            probe(&jpg).unwrap(),
            PictureInfo {
                width: 64,
                height: 48,
                mode: PictureMode::Rgb
            }
        );
        let bytes = std::fs::read(&jpg).unwrap();
        std::fs::write(&jpg, &bytes[..bytes.len() / 2]).unwrap();
        assert!(probe(&jpg).unwrap_err().contains("damaged"));
        let png_bytes = std::fs::read(&png).unwrap();
        let mut bad_crc = png_bytes.clone();
        bad_crc[29] ^= 0xFF; // inside the IHDR chunk's CRC
        std::fs::write(&png, &bad_crc).unwrap();
        assert!(
            probe(&png).unwrap_err().contains("damaged"),
            "{:?}",
            probe(&png)
        );
        std::fs::write(&jpg, b"").unwrap();
        assert!(probe(&jpg).unwrap_err().contains("empty"));
    }
}
