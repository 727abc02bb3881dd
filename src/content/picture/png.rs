//! A PNG's structure: its chunks and their checksums, the header, and
//! that the image data inflates to exactly the size the header implies.
//! The inflate streams through a small buffer and stops as soon as the
//! data passes that size, so a deflate bomb costs no memory.

use std::io::Read;

use super::{Header, PictureMode};

/// The eight bytes every PNG starts with.
pub(super) const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// A PNG's header (IHDR), whether it has a transparency chunk, and where
/// its image data (the IDAT chunks' bodies) lies.
pub(super) struct Png<'a> {
    width: u32,
    height: u32,
    bit_depth: u8,
    colour_type: u8,
    interlaced: bool,
    transparency: bool,
    data: Vec<&'a [u8]>,
}

/// Walks a PNG's chunks: IHDR first, every checksum right, IEND last.
pub(super) fn walk(data: &[u8]) -> Result<Png<'_>, String> {
    let mut pos = SIGNATURE.len();
    let mut png: Option<Png> = None;
    loop {
        let (kind, body) = chunk(data, pos)?;
        pos += 12 + body.len();
        match (kind, png.as_mut()) {
            (b"IHDR", None) if body.len() == 13 => png = Some(ihdr(body)?),
            (_, None) => return Err(t!("content-png-no-ihdr")),
            (b"IDAT", Some(png)) => png.data.push(body),
            (b"tRNS", Some(png)) => png.transparency = true,
            (b"IEND", Some(_)) => break,
            _ => {}
        }
    }
    Ok(png.expect("IEND comes after IHDR"))
}

/// The chunk at `pos`: its type and body, its checksum verified.
fn chunk(data: &[u8], pos: usize) -> Result<(&[u8], &[u8]), String> {
    let header = data
        .get(pos..pos + 8)
        .ok_or_else(|| t!("content-png-no-iend"))?;
    let len = u32::from_be_bytes(header[..4].try_into().expect("4 bytes")) as usize;
    let kind = &header[4..8];
    let body = pos
        .checked_add(8 + len)
        .and_then(|end| data.get(pos + 8..end))
        .ok_or_else(|| t!("content-png-chunk-past-end"))?;
    let stored = data
        .get(pos + 8 + len..pos + 12 + len)
        .ok_or_else(|| t!("content-png-chunk-no-crc"))?;
    let stored = u32::from_be_bytes(stored.try_into().expect("4 bytes"));
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(body);
    if crc.finalize() != stored {
        return Err(t!(
            "content-png-crc",
            chunk = String::from_utf8_lossy(kind),
            pos = pos
        ));
    }
    Ok((kind, body))
}

/// The header chunk's fields, checked against what PNG allows.
fn ihdr(body: &[u8]) -> Result<Png<'static>, String> {
    let (bit_depth, colour_type) = (body[8], body[9]);
    let depths: &[u8] = match colour_type {
        0 => &[1, 2, 4, 8, 16],
        3 => &[1, 2, 4, 8],
        2 | 4 | 6 => &[8, 16],
        _ => return Err(t!("content-png-colour-type")),
    };
    if !depths.contains(&bit_depth) {
        return Err(t!(
            "content-png-bit-depth",
            depth = bit_depth,
            colour_type = colour_type
        ));
    }
    if body[12] > 1 {
        return Err(t!("content-png-interlace"));
    }
    Ok(Png {
        width: u32::from_be_bytes(body[..4].try_into().expect("4 bytes")),
        height: u32::from_be_bytes(body[4..8].try_into().expect("4 bytes")),
        bit_depth,
        colour_type,
        interlaced: body[12] == 1,
        transparency: false,
        data: Vec::new(),
    })
}

impl Png<'_> {
    /// Size, colour mode and the bytes the picture takes once decoded.
    pub(super) fn header(&self) -> Header {
        let mode = match self.colour_type {
            0 | 4 => PictureMode::Gray,
            _ => PictureMode::Rgb,
        };
        // Decoders expand a palette to RGB, and a transparency chunk to
        // an alpha channel; samples below 8 bits to a byte each.
        let channels: u64 =
            match self.colour_type {
                0 => 1,
                4 => 2,
                2 | 3 => 3,
                _ => 4,
            } + u64::from(self.transparency && matches!(self.colour_type, 0 | 2 | 3));
        let sample = if self.bit_depth == 16 { 2 } else { 1 };
        Header {
            width: self.width,
            height: self.height,
            mode,
            decoded: u64::from(self.width) * u64::from(self.height) * channels * sample,
        }
    }

    /// The bytes of filtered scanlines the header implies: per row a
    /// filter byte and the packed samples, per pass when interlaced.
    fn raw_size(&self) -> u64 {
        let samples: u64 = match self.colour_type {
            0 | 3 => 1,
            4 => 2,
            2 => 3,
            _ => 4,
        };
        let bits = samples * u64::from(self.bit_depth);
        let (w, h) = (u64::from(self.width), u64::from(self.height));
        let rows = |w: u64, h: u64| {
            if w == 0 {
                0
            } else {
                h * (1 + (w * bits).div_ceil(8))
            }
        };
        if !self.interlaced {
            return rows(w, h);
        }
        const ADAM7: [(u64, u64, u64, u64); 7] = [
            (0, 0, 8, 8),
            (4, 0, 8, 8),
            (0, 4, 4, 8),
            (2, 0, 4, 4),
            (0, 2, 2, 4),
            (1, 0, 2, 2),
            (0, 1, 1, 2),
        ];
        let pass = |n: u64, start: u64, step: u64| n.saturating_sub(start).div_ceil(step);
        ADAM7
            .iter()
            .map(|&(x, y, dx, dy)| rows(pass(w, x, dx), pass(h, y, dy)))
            .sum()
    }

    /// Inflates the image data through a small buffer and checks that it
    /// comes to exactly the size the header implies; stops as soon as it
    /// passes it.
    pub(super) fn check_data(&self) -> Result<(), String> {
        if self.data.is_empty() {
            return Err(t!("content-png-no-data"));
        }
        let expected = self.raw_size();
        let compressed: Vec<u8> = self.data.concat();
        let mut inflate = flate2::bufread::ZlibDecoder::new(&compressed[..]);
        let mut buffer = vec![0; 64 * 1024];
        let mut total = 0u64;
        loop {
            let n = inflate
                .read(&mut buffer)
                .map_err(|e| t!("content-png-inflate", error = e.to_string()))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > expected {
                return Err(t!("content-png-too-much", expected = expected));
            }
        }
        if total < expected {
            return Err(t!(
                "content-png-too-little",
                total = total,
                expected = expected
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(img: image::DynamicImage) -> Vec<u8> {
        super::super::encoded(img, image::ImageFormat::Png)
    }

    #[test]
    fn header_gives_size_colour_and_decoded_bytes() {
        let png = encoded(image::GrayImage::new(40, 30).into());
        let walked = walk(&png).unwrap();
        let h = walked.header();
        assert_eq!(
            (h.width, h.height, h.mode, h.decoded),
            (40, 30, PictureMode::Gray, 1200)
        );
        walked.check_data().unwrap();
        let png = encoded(image::DynamicImage::new_rgba16(7, 5));
        let walked = walk(&png).unwrap();
        assert_eq!(walked.header().decoded, 7 * 5 * 8);
        walked.check_data().unwrap();
    }

    #[test]
    fn interlaced_rows_are_counted_per_pass() {
        let png = Png {
            width: 3,
            height: 3,
            bit_depth: 8,
            colour_type: 0,
            interlaced: true,
            transparency: false,
            data: Vec::new(),
        };
        // Passes 2 and 3 are empty; 1 and 4 are 1 × 1 pixel, 5 is 2 × 1,
        // 6 is 1 × 2 and 7 is 3 × 1: each row a filter byte and its pixels.
        assert_eq!(png.raw_size(), 2 + 2 + 3 + 2 * 2 + 4);
    }

    #[test]
    fn junk_is_not_a_png() {
        assert!(walk(b"\x89PNG\r\n\x1a\n").is_err());
        assert!(walk(b"\x89PNG\r\n\x1a\n\xff\xff\xff\xffIHDR").is_err());
    }
}
