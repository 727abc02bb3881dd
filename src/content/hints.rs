//! What an editor may tell the page makeup about photos (all optional):
//! a size class or a width in columns, the reading order, the frame shape
//! of a picture that has not arrived, how much of it may be cropped, and
//! where on the page the photo group sits. Without hints the planner
//! decides.

use serde::{Deserialize, Serialize};

use crate::diag::{Error, Location};

/// How large a photo should be, relative to the page's other photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SizeClass {
    /// The dominant photo (主图): at least half the group's width.
    Lead,
    /// Wider than the medium photos.
    Large,
    /// The planner's ordinary size.
    Medium,
    /// One or two columns.
    Small,
}

/// Where the photo group sits on a feature page (`[[pages]] photos_at`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PhotosAt {
    /// Under the display head, above or beside the body.
    Top,
    /// At the foot of the page, under the body.
    Foot,
}

/// The fraction of a picture's area a frame may cut away when the editor
/// says nothing (`max_crop`).
pub const DEFAULT_MAX_CROP: f64 = 0.3;

/// The frame shape assumed for a picture that is not in the folder yet
/// and has no `aspect`: an ordinary landscape photo.
pub const DEFAULT_ASPECT: f64 = 1.5;

/// A photo's hints, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoHints {
    /// `size = "lead" | "large" | "medium" | "small"`.
    pub size: Option<SizeClass>,
    /// `columns = N`: exactly this many columns wide.
    pub columns: Option<u32>,
    /// `order = N`: the photo's place in the reading order (lower first;
    /// photos without it keep their place in the list after those with).
    pub order: Option<i64>,
    /// `aspect = "3:2"` (width : height) for a picture not in the folder.
    pub aspect: Option<f64>,
    /// `max_crop = 0.5`: the fraction of the picture's area the frame may
    /// cut away.
    pub max_crop: f64,
    /// Where the `columns` field is, for a planner that cannot honour it.
    pub columns_location: Option<Location>,
}

impl Default for PhotoHints {
    fn default() -> Self {
        Self {
            size: None,
            columns: None,
            order: None,
            aspect: None,
            max_crop: DEFAULT_MAX_CROP,
            columns_location: None,
        }
    }
}

/// Reads `aspect`: `"3:2"`, `"16:9"` or a number such as `1.5`.
pub fn parse_aspect(raw: &str, at: &Location) -> Result<f64, Error> {
    let bad = || {
        Error::content(
            at.clone(),
            t!("content-aspect-invalid", raw = format!("{raw:?}")),
        )
    };
    let value = match raw.split_once(':') {
        Some((w, h)) => {
            let w: f64 = w.trim().parse().map_err(|_| bad())?;
            let h: f64 = h.trim().parse().map_err(|_| bad())?;
            if h == 0.0 {
                return Err(bad());
            }
            w / h
        }
        None => raw.trim().parse().map_err(|_| bad())?,
    };
    if value.is_finite() && (0.2..=5.0).contains(&value) {
        Ok(value)
    } else {
        Err(Error::content(
            at.clone(),
            t!("content-aspect-range", raw = format!("{raw:?}")),
        ))
    }
}

/// Checks `max_crop`: a fraction from 0 to 0.8.
pub fn check_max_crop(value: f64, at: &Location) -> Result<f64, Error> {
    if value.is_finite() && (0.0..=0.8).contains(&value) {
        Ok(value)
    } else {
        Err(Error::content(
            at.clone(),
            t!("content-max-crop-invalid", value = value.to_string()),
        ))
    }
}

/// Checks `columns`: at least one.
pub fn check_columns(value: i64, at: &Location) -> Result<u32, Error> {
    match u32::try_from(value) {
        Ok(v) if (1..=20).contains(&v) => Ok(v),
        _ => Err(Error::content(
            at.clone(),
            t!("content-columns-invalid", value = value),
        )),
    }
}
