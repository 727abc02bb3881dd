//! Pictures are checked before the layout decodes them: the file's size,
//! its format (by its content, not its name), the pixels and the decoded
//! bytes its header claims, and that the file is whole (a PNG's chunks,
//! checksums and image data, a JPEG's segments and compressed data). The
//! sizes come from the header before anything else is read; no pixel is
//! decoded, so a header that claims 100,000 × 100,000 pixels costs nothing.

mod jpeg;
mod png;

use std::path::Path;

use crate::diag::{Error, Location};
use crate::limits::{Bytes, Limits, checked_size, setting};

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
    /// The bytes its pixels take once decoded (width × height × channels
    /// × bytes per sample), as its header gives them.
    pub decoded: u64,
}

impl PictureInfo {
    /// The format's name in Typst's `image(format:)`: `"png"` or `"jpg"`.
    pub fn typst_format(&self) -> &'static str {
        if self.format == "PNG" { "png" } else { "jpg" }
    }
}

/// What a picture's header gives.
#[derive(Debug, Clone, Copy)]
struct Header {
    width: u32,
    height: u32,
    mode: PictureMode,
    decoded: u64,
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
    let shown = path.display().to_string();
    let bytes = checked_size(path, limits.picture_bytes, &setting("picture_bytes")).map_err(
        |e| match e {
            Error::Content { message, .. } => fail(t!(
                "content-picture-problem",
                file = &shown,
                problem = message
            )),
            other => other,
        },
    )?;
    if bytes == 0 {
        return Err(fail(t!("content-picture-empty", file = &shown)));
    }
    let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let fail = |fault: String| fail(t!("content-picture-fault", file = &shown, fault = fault));
    if data.starts_with(png::SIGNATURE) {
        let png = png::walk(&data).map_err(fail)?;
        let info = sized(png.header(), "PNG", bytes, limits).map_err(fail)?;
        // Only once the header's sizes are within the limits: inflate.
        png.check_data().map_err(fail)?;
        Ok(info)
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        let header =
            jpeg::check(&data, |h| sized(*h, "JPEG", bytes, limits).map(drop)).map_err(fail)?;
        sized(header, "JPEG", bytes, limits).map_err(fail)
    } else {
        Err(fail(t!("content-picture-not-jpeg-png")))
    }
}

/// Holds the sizes a header claims to the limits, before anything decodes.
fn sized(
    h: Header,
    format: &'static str,
    bytes: u64,
    limits: &Limits,
) -> Result<PictureInfo, String> {
    let Header {
        width,
        height,
        mode,
        decoded,
    } = h;
    if width == 0 || height == 0 {
        return Err(t!(
            "content-picture-no-pixels",
            width = width,
            height = height
        ));
    }
    let pixels = u64::from(width) * u64::from(height);
    if pixels > limits.picture_pixels {
        return Err(t!(
            "content-picture-too-many-pixels",
            width = width,
            height = height,
            pixels = pixels,
            limit = limits.picture_pixels,
            setting = setting("picture_pixels")
        ));
    }
    if decoded > limits.picture_decoded_bytes {
        return Err(t!(
            "content-picture-too-large-decoded",
            size = Bytes(decoded).to_string(),
            width = width,
            height = height,
            limit = Bytes(limits.picture_decoded_bytes).to_string(),
            setting = setting("picture_decoded_bytes")
        ));
    }
    Ok(PictureInfo {
        format,
        width,
        height,
        mode,
        bytes,
        decoded,
    })
}

/// A picture encoded by the `image` crate, for the tests of the formats.
#[cfg(test)]
fn encoded(img: image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    img.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}
