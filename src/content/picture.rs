//! Pictures are checked before the layout decodes them: the file's size,
//! its format, the pixel count its header claims, and that the file is
//! whole (a PNG's chunks and checksums, a JPEG's end marker). Only the
//! header and the chunk structure are read; no pixel is decoded, so a
//! header that claims 100,000 × 100,000 pixels costs nothing.

use std::path::Path;

use crate::diag::{Error, Location};
use crate::limits::{Limits, checked_size, setting};

/// A picture's format and size as its header gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureInfo {
    /// `"PNG"` or `"JPEG"`.
    pub format: &'static str,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
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
    let (format, width, height) = if data.starts_with(PNG_SIGNATURE) {
        png(&data).map(|(w, h)| ("PNG", w, h))
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg(&data).map(|(w, h)| ("JPEG", w, h))
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
        bytes,
    })
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Walks a PNG's chunks: IHDR first, every checksum right, IEND last.
fn png(data: &[u8]) -> Result<(u32, u32), String> {
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
        if crc32(&[kind, body]) != stored {
            return Err(format!(
                "is damaged (PNG chunk {} at byte {pos} fails its CRC check)",
                String::from_utf8_lossy(kind)
            ));
        }
        match (kind, size) {
            (b"IHDR", None) if len == 13 => {
                let w = u32::from_be_bytes(body[..4].try_into().expect("4 bytes"));
                let h = u32::from_be_bytes(body[4..8].try_into().expect("4 bytes"));
                size = Some((w, h));
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
fn jpeg(data: &[u8]) -> Result<(u32, u32), String> {
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
                    .get(..5)
                    .ok_or("is damaged (short JPEG frame header)")?;
                let h = u32::from(u16::from_be_bytes([s[1], s[2]]));
                let w = u32::from(u16::from_be_bytes([s[3], s[4]]));
                size = Some((w, h));
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

/// CRC-32 (ISO-HDLC, as PNG uses) over the concatenation of `parts`.
fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = !0u32;
    for part in parts {
        for &byte in *part {
            crc = CRC_TABLE[usize::from((crc as u8) ^ byte)] ^ (crc >> 8);
        }
    }
    !crc
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_png_reference() {
        // The CRC of an IEND chunk is AE 42 60 82 in every PNG.
        assert_eq!(crc32(&[b"IEND", b""]), 0xAE42_6082);
    }

    #[test]
    fn junk_is_not_a_picture() {
        assert!(png(b"\x89PNG\r\n\x1a\n").is_err());
        assert!(jpeg(&[0xFF, 0xD8, 0xFF]).is_err());
        assert!(jpeg(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x01]).is_err());
        assert!(png(b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffIHDR").is_err());
    }
}
