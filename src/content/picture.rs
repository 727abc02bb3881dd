//! Pictures are checked before the layout decodes them: the file's size,
//! its format, the pixel count its header claims, and that the file is
//! whole (a PNG's chunks and checksums, a JPEG's end marker). Only the
//! header and the chunk structure are read; no pixel is decoded, so a
//! header that claims 100,000 × 100,000 pixels costs nothing.

use std::path::Path;

use crate::diag::{Error, Location};
use crate::limits::{Limits, checked_size, setting};

/// A picture's colour mode, as its header gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PictureMode {
    /// Greyscale (with or without alpha).
    Gray,
    /// RGB, YCbCr or palette colour.
    Rgb,
    /// CMYK (or YCCK) JPEG.
    Cmyk,
}

/// A picture's format, size and colour as its header gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureInfo {
    /// `"PNG"` or `"JPEG"`.
    pub format: &'static str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Colour mode.
    pub mode: PictureMode,
    /// Size of the file in bytes.
    pub bytes: u64,
}

/// Checks the picture at `path` against `limits`. `location` is the
/// `photos[i].file` field that names it; errors point there and name the
/// picture file.
pub fn check_picture(
    path: &Path,
    location: &Location,
    limits: &Limits,
) -> Result<PictureInfo, Error> {
    let fail = |message: String| Error::content(location.clone(), message);
    let shown = path.display();
    let bytes = checked_size(path, limits.picture_bytes, &setting("picture_bytes")).map_err(
        |e| match e {
            Error::Content { message, .. } => fail(format!("picture {shown}: {message}")),
            other => other,
        },
    )?;
    if bytes == 0 {
        return Err(fail(format!("picture {shown} is empty (0 bytes)")));
    }
    let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let (format, (width, height, mode)) = if data.starts_with(PNG_SIGNATURE) {
        png(&data).map(|h| ("PNG", h))
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(&data).map(|h| ("JPEG", h))
    } else {
        Err("is not a JPEG or PNG picture".to_string())
    }
    .map_err(|m| fail(format!("picture {shown} {m}")))?;
    if width == 0 || height == 0 {
        return Err(fail(format!(
            "picture {shown} has no pixels ({width} × {height})"
        )));
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.picture_pixels {
        return Err(fail(format!(
            "picture {shown} is {width} × {height} pixels ({pixels}); the limit is {} pixels ([limits] picture_pixels in edition.toml)",
            limits.picture_pixels
        )));
    }
    Ok(PictureInfo {
        format,
        width,
        height,
        mode,
        bytes,
    })
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Width, height and colour mode from a picture's header.
type Header = (u32, u32, PictureMode);

/// Walks a PNG's chunks: IHDR first, every checksum right, IEND last.
fn png(data: &[u8]) -> Result<Header, String> {
    let mut pos = PNG_SIGNATURE.len();
    let mut size = None;
    loop {
        let header = data
            .get(pos..pos + 8)
            .ok_or("is cut short (PNG without an IEND chunk)")?;
        let len = u32::from_be_bytes(header[..4].try_into().expect("4 bytes")) as usize;
        let kind = &header[4..8];
        let body = pos
            .checked_add(8 + len)
            .and_then(|end| data.get(pos + 8..end))
            .ok_or("is cut short (a PNG chunk runs past the end of the file)")?;
        let stored = data
            .get(pos + 8 + len..pos + 12 + len)
            .ok_or("is cut short (a PNG chunk has no checksum)")?;
        let stored = u32::from_be_bytes(stored.try_into().expect("4 bytes"));
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(body);
        if crc.finalize() != stored {
            return Err(format!(
                "is damaged (PNG chunk {} at byte {pos} fails its CRC check)",
                String::from_utf8_lossy(kind)
            ));
        }
        match (kind, size) {
            (b"IHDR", None) if len == 13 => {
                let w = u32::from_be_bytes(body[..4].try_into().expect("4 bytes"));
                let h = u32::from_be_bytes(body[4..8].try_into().expect("4 bytes"));
                let mode = match body[9] {
                    0 | 4 => PictureMode::Gray,
                    2 | 3 | 6 => PictureMode::Rgb,
                    _ => return Err("is damaged (unknown PNG colour type)".into()),
                };
                size = Some((w, h, mode));
            }
            (_, None) => return Err("is damaged (PNG does not start with IHDR)".into()),
            (b"IEND", Some(size)) => return Ok(size),
            _ => {}
        }
        pos += 12 + len;
    }
}

/// Reads a JPEG's frame header (SOF) for its size, then makes sure the
/// compressed data is followed by the end-of-image marker.
fn jpeg(data: &[u8]) -> Result<Header, String> {
    const CUT: &str = "is cut short (JPEG ends inside its headers)";
    let mut pos = 2;
    let mut size = None;
    loop {
        // Markers may be padded with any number of 0xFF bytes.
        while data.get(pos) == Some(&0xFF) && data.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let marker = match data.get(pos..pos + 2) {
            Some([0xFF, m]) => *m,
            Some(_) => return Err("is damaged (JPEG marker expected)".into()),
            None => return Err(CUT.into()),
        };
        let len = data.get(pos + 2..pos + 4).ok_or(CUT)?;
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        if len < 2 {
            return Err("is damaged (JPEG segment length)".into());
        }
        let segment = data.get(pos + 4..pos + 2 + len).ok_or(CUT)?;
        match marker {
            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let s = segment
                    .get(..6)
                    .ok_or("is damaged (short JPEG frame header)")?;
                let h = u32::from(u16::from_be_bytes([s[1], s[2]]));
                let w = u32::from(u16::from_be_bytes([s[3], s[4]]));
                let mode = match s[5] {
                    1 => PictureMode::Gray,
                    3 => PictureMode::Rgb,
                    4 => PictureMode::Cmyk,
                    _ => return Err("is damaged (unknown number of JPEG colour components)".into()),
                };
                size = Some((w, h, mode));
            }
            0xDA => {
                let size = size.ok_or("is damaged (JPEG data before its frame header)")?;
                // In the compressed data 0xFF is always followed by 0x00 or
                // a restart marker, so FF D9 can only be the end of image.
                let rest = &data[pos + 2 + len..];
                return if rest.windows(2).any(|w| w == [0xFF, 0xD9]) {
                    Ok(size)
                } else {
                    Err("is cut short (JPEG without its end-of-image marker)".into())
                };
            }
            0xD9 => return Err("is damaged (JPEG ends before its image data)".into()),
            _ => {}
        }
        pos += 2 + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_give_size_and_colour() {
        // SOI, a baseline SOF0 of 17 bytes (8 bits, 30 × 40, 4 components), SOS, EOI.
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 8, 0, 30, 0, 40, 4];
        b.extend([0u8; 9]);
        b.extend([0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9]);
        assert_eq!(jpeg(&b), Ok((40, 30, PictureMode::Cmyk)));
        // A frame header that claims too few bytes is damage, not a crash.
        assert!(jpeg(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x02, 0xFF, 0xD9]).is_err());
        assert!(jpeg(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x05, 8, 0, 30]).is_err());
        let mut png_bytes = std::io::Cursor::new(Vec::new());
        image::GrayImage::new(40, 30)
            .write_to(&mut png_bytes, image::ImageFormat::Png)
            .unwrap();
        assert_eq!(
            png(&png_bytes.into_inner()),
            Ok((40, 30, PictureMode::Gray))
        );
    }

    #[test]
    fn junk_is_not_a_picture() {
        assert!(png(b"\x89PNG\r\n\x1a\n").is_err());
        assert!(jpeg(&[0xFF, 0xD8, 0xFF]).is_err());
        assert!(jpeg(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x01]).is_err());
        assert!(png(b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffIHDR").is_err());
    }
}
