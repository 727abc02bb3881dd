//! Pictures of a print job converted to the output intent's colour
//! (图片转换): an RGB JPEG of a CMYK job becomes CMYK in the output
//! profile, an RGB picture of a grey job becomes grey (a grey picture
//! stays grey, on the black plate), with
//! LittleCMS — from the picture's embedded ICC profile, or sRGB when it has
//! none; relative colorimetric with black-point compensation unless the
//! print configuration says otherwise (`intent`, `bpc`). The result
//! is encoded as a JPEG at a fixed quality (a PNG made grey stays a
//! lossless PNG), so the same picture and profile always give the same
//! bytes. The original file is never touched: the converted bytes replace
//! it only in the print world (see [`crate::world::PageWorld::set_replaced`]).

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::PathBuf;
use std::sync::Arc;

use image::{DynamicImage, ImageDecoder, ImageReader};
use lcms2::{Flags, Intent, PixelFormat, Profile, Transform};

use crate::content::{Edition, PictureMode, PrintConfig, RenderingIntent};
use crate::diag::Error;
use crate::pdfx::OutputIntent;

/// The JPEG quality a converted picture is encoded at: high enough that
/// the plant sees no loss, fixed so that builds repeat byte for byte.
pub const JPEG_QUALITY: u8 = 92;

/// How pictures are converted: to which colour, with which rendering
/// intent, with or without black-point compensation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The job's colour: CMYK or grey.
    pub job: PictureMode,
    /// The rendering intent (relative colorimetric by default).
    pub intent: RenderingIntent,
    /// Black-point compensation (on by default).
    pub bpc: bool,
}

impl Settings {
    /// The settings for a job in `job` under the print configuration
    /// `config`.
    pub fn new(job: PictureMode, config: &PrintConfig) -> Settings {
        Settings {
            job,
            intent: config.rendering.unwrap_or_default(),
            bpc: config.bpc.unwrap_or(true),
        }
    }
}

/// One picture converted for print.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The converted picture, encoded.
    pub bytes: Arc<[u8]>,
    /// Its colour now.
    pub mode: PictureMode,
    /// The colour it had, with the profile it was read in (“RGB (sRGB)”,
    /// “RGB (embedded profile)”), for the preflight's note.
    pub from: String,
}

/// The pictures of an edition converted for print, by their path on disk.
#[derive(Debug, Clone, Default)]
pub struct Conversions {
    by_path: BTreeMap<PathBuf, Converted>,
    /// Each converted picture by its path in the print world
    /// (`/edition/…`).
    pub by_vpath: BTreeMap<String, Arc<[u8]>>,
}

impl Conversions {
    /// The picture at `path` as converted, if it was.
    pub fn get(&self, path: &std::path::Path) -> Option<&Converted> {
        self.by_path.get(path)
    }

    /// Converts every picture of `edition` that is not in the colour of
    /// the job to `intent`'s profile, as `settings` say. A picture that
    /// cannot be converted is an error at its `photos[i].file` field.
    pub fn of_edition(
        edition: &Edition,
        intent: &OutputIntent,
        settings: Settings,
    ) -> Result<Conversions, Error> {
        let mut out = Conversions::default();
        let photos = (edition.pages.iter())
            .flat_map(|p| &p.articles)
            .flat_map(|a| &a.photos);
        for photo in photos {
            let (Some(path), Some(info)) = (&photo.path, &photo.info) else {
                continue;
            };
            if out.by_path.contains_key(path)
                || !wants_converting(info.format, info.mode, settings.job)
            {
                continue;
            }
            let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let converted =
                convert(&data, info.format, &intent.profile, settings).map_err(|m| {
                    Error::content(
                        photo.file_location.clone(),
                        t!(
                            "layout-picture-unconvertible",
                            path = path.display(),
                            error = m
                        ),
                    )
                })?;
            out.by_vpath
                .insert(format!("/edition/{}", photo.file), converted.bytes.clone());
            out.by_path.insert(path.clone(), converted);
        }
        Ok(out)
    }
}

/// Whether a `format` picture in colour `picture` is converted for a job
/// in `job`. A grey picture stays grey: it prints on the black plate
/// alone, where a conversion would spread it over four plates as a rich
/// grey (misregister, and ink over the limit in the shadows). A PNG cannot
/// hold CMYK and the page names its format, so an RGB PNG of a CMYK job is
/// left as it is (the preflight warns).
pub fn wants_converting(format: &str, picture: PictureMode, job: PictureMode) -> bool {
    match (job, picture) {
        (PictureMode::Gray, PictureMode::Rgb) => true,
        (PictureMode::Cmyk, PictureMode::Rgb) => format == "JPEG",
        _ => false,
    }
}

/// `data`, a `format` picture, converted to `profile` (the output intent's
/// CMYK or grey profile) as `settings` say.
pub fn convert(
    data: &[u8],
    format: &str,
    profile: &[u8],
    settings: Settings,
) -> Result<Converted, String> {
    let job = settings.job;
    let mut decoder = ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .map_err(decoder_error)?
        .into_decoder()
        .map_err(decoder_error)?;
    let embedded = decoder.icc_profile().ok().flatten();
    let image = DynamicImage::from_decoder(decoder).map_err(decoder_error)?;
    let (width, height) = (image.width(), image.height());
    let grey_source = !image.color().has_color();
    let pixels = on_white(&image);
    let source = embedded
        .as_deref()
        .and_then(|icc| Profile::new_icc(icc).ok())
        .filter(|p| p.color_space() == lcms2::ColorSpaceSignature::RgbData);
    let from = t!(
        "layout-picture-source",
        colour = match grey_source {
            true => t!("layout-colour-grey"),
            false => t!("layout-colour-rgb"),
        },
        profile = match source {
            Some(_) => t!("layout-profile-embedded"),
            None => t!("layout-profile-srgb"),
        }
    );
    let source = source.unwrap_or_else(Profile::new_srgb);
    let output = Profile::new_icc(profile)
        .map_err(|e| t!("layout-output-profile-unreadable", error = e.to_string()))?;
    let channels = match job {
        PictureMode::Gray => 1,
        _ => 4,
    };
    let out_format = match job {
        PictureMode::Gray => PixelFormat::GRAY_8,
        _ => PixelFormat::CMYK_8,
    };
    let transform: Transform<u8, u8> = Transform::new_flags(
        &source,
        PixelFormat::RGB_8,
        &output,
        out_format,
        match settings.intent {
            RenderingIntent::Perceptual => Intent::Perceptual,
            RenderingIntent::RelativeColorimetric => Intent::RelativeColorimetric,
            RenderingIntent::Saturation => Intent::Saturation,
            RenderingIntent::AbsoluteColorimetric => Intent::AbsoluteColorimetric,
        },
        match settings.bpc {
            true => Flags::BLACKPOINT_COMPENSATION,
            false => Flags::default(),
        },
    )
    .map_err(|e| t!("layout-no-transform", error = e.to_string()))?;
    let mut converted = vec![0u8; pixels.len() / 3 * channels];
    transform.transform_pixels(&pixels, &mut converted);
    let bytes = encode(&converted, width, height, job, format)?;
    Ok(Converted {
        bytes: bytes.into(),
        mode: job,
        from,
    })
}

/// The picture's pixels as 8-bit RGB, any transparency set over white
/// (newsprint).
fn on_white(image: &DynamicImage) -> Vec<u8> {
    if !image.color().has_alpha() {
        return image.to_rgb8().into_raw();
    }
    let rgba = image.to_rgba8();
    let mut out = Vec::with_capacity(rgba.len() / 4 * 3);
    for px in rgba.pixels() {
        let a = u16::from(px[3]);
        for &c in &px.0[..3] {
            let c = (u16::from(c) * a + 255 * (255 - a) + 127) / 255;
            out.push(c as u8);
        }
    }
    out
}

/// Converted `pixels` encoded: a CMYK or grey JPEG, or a grey PNG when
/// the original was a PNG (the page names the picture's format).
fn encode(
    pixels: &[u8],
    width: u32,
    height: u32,
    job: PictureMode,
    format: &str,
) -> Result<Vec<u8>, String> {
    let too_big = |_| t!("layout-too-large-to-encode", width = width, height = height);
    let mut out = Vec::new();
    if format == "PNG" {
        let grey = image::GrayImage::from_raw(width, height, pixels.to_vec())
            .ok_or_else(|| t!("layout-pixels-short"))?;
        DynamicImage::ImageLuma8(grey)
            .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .map_err(encoder_error)?;
        return Ok(out);
    }
    let colour = match job {
        PictureMode::Gray => jpeg_encoder::ColorType::Luma,
        _ => jpeg_encoder::ColorType::Cmyk,
    };
    let (w, h) = (
        u16::try_from(width).map_err(too_big)?,
        u16::try_from(height).map_err(too_big)?,
    );
    jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY)
        .encode(pixels, w, h, colour)
        .map_err(encoder_error)?;
    Ok(out)
}

/// A decoder's error, in its own words.
fn decoder_error(e: impl std::fmt::Display) -> String {
    t!("layout-decoder-error", error = e.to_string())
}

/// An encoder's error, in its own words.
fn encoder_error(e: impl std::fmt::Display) -> String {
    t!("layout-encoder-error", error = e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_job_cannot_print_is_converted() {
        use PictureMode::*;
        assert!(wants_converting("JPEG", Rgb, Cmyk));
        assert!(!wants_converting("JPEG", Gray, Cmyk));
        assert!(!wants_converting("PNG", Rgb, Cmyk));
        assert!(wants_converting("PNG", Rgb, Gray));
        assert!(!wants_converting("JPEG", Cmyk, Cmyk));
        assert!(!wants_converting("JPEG", Gray, Gray));
    }
}
