//! Resource limits: how large an article, a picture and a whole edition may
//! be. They are checked before the expensive work (reading, decoding,
//! laying out), so that a damaged or hostile file fails fast with a message
//! naming the file and the limit instead of exhausting the machine.
//!
//! The defaults suit a daily paper; an edition may change them in an
//! optional `[limits]` table of its `edition.toml`.

use std::fmt;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::diag::{Error, Location};

/// The limits one build applies. Every field is optional in `[limits]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest article file (`.md`), in bytes. Also bounds `edition.toml`.
    pub article_bytes: u64,
    /// Most characters in an article file, whitespace not counted.
    pub article_chars: u64,
    /// Most `[[photos]]` entries in one article.
    pub photos: u64,
    /// Largest picture file, in bytes.
    pub picture_bytes: u64,
    /// Most pixels (width × height) a picture's header may claim.
    pub picture_pixels: u64,
    /// Largest total of the files an edition uses (its `edition.toml`,
    /// articles and pictures), in bytes.
    pub edition_bytes: u64,
    /// Most bytes a picture may take once decoded (width × height ×
    /// channels × bytes per sample, from its header).
    pub picture_decoded_bytes: u64,
    /// Most bytes the edition's pictures may take together once decoded.
    pub edition_decoded_bytes: u64,
}

const MIB: u64 = 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Self {
            article_bytes: MIB,
            article_chars: 50_000,
            photos: 50,
            picture_bytes: 50 * MIB,
            picture_pixels: 200_000_000,
            edition_bytes: 500 * MIB,
            picture_decoded_bytes: 512 * MIB,
            edition_decoded_bytes: 2048 * MIB,
        }
    }
}

/// The largest value each limit may be raised to: beyond these a build
/// could exhaust a desk machine whatever the edition says.
const CEILINGS: Limits = Limits {
    article_bytes: 64 * MIB,
    article_chars: 10_000_000,
    photos: 1_000,
    picture_bytes: 2048 * MIB,
    picture_pixels: 2_000_000_000,
    edition_bytes: 64 * 1024 * MIB,
    picture_decoded_bytes: 4 * 1024 * MIB,
    edition_decoded_bytes: 16 * 1024 * MIB,
};

impl Limits {
    /// Checks that every limit is at least 1 and at most its ceiling;
    /// `location` is the `[limits]` table.
    pub fn validate(&self, location: &Location) -> Result<(), Error> {
        let fields = [
            ("article_bytes", self.article_bytes, CEILINGS.article_bytes),
            ("article_chars", self.article_chars, CEILINGS.article_chars),
            ("photos", self.photos, CEILINGS.photos),
            ("picture_bytes", self.picture_bytes, CEILINGS.picture_bytes),
            (
                "picture_pixels",
                self.picture_pixels,
                CEILINGS.picture_pixels,
            ),
            ("edition_bytes", self.edition_bytes, CEILINGS.edition_bytes),
            (
                "picture_decoded_bytes",
                self.picture_decoded_bytes,
                CEILINGS.picture_decoded_bytes,
            ),
            (
                "edition_decoded_bytes",
                self.edition_decoded_bytes,
                CEILINGS.edition_decoded_bytes,
            ),
        ];
        for (name, value, ceiling) in fields {
            if !(1..=ceiling).contains(&value) {
                return Err(Error::content(
                    location.clone().with_field(format!("limits.{name}")),
                    t!(
                        "layout-limit-range",
                        ceiling = ceiling.to_string(),
                        value = value.to_string()
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A byte count as people read it: `1 MiB`, `512 bytes`, `12.3 KiB (12644 bytes)`.
#[derive(Debug, Clone, Copy)]
pub struct Bytes(pub u64);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        let (unit, name) = match n {
            n if n >= MIB => (MIB, "MiB"),
            n if n >= 1024 => (1024, "KiB"),
            _ => return f.write_str(&t!("layout-bytes", n = n.to_string())),
        };
        let text = if n.is_multiple_of(unit) {
            t!(
                "layout-bytes-whole",
                n = (n / unit).to_string(),
                unit = name
            )
        } else {
            t!(
                "layout-bytes-fraction",
                value = format!("{:.1}", n as f64 / unit as f64),
                unit = name,
                n = n.to_string()
            )
        };
        f.write_str(&text)
    }
}

/// Where a limit is set, for messages: `[limits] photos in edition.toml`.
pub fn setting(name: &str) -> String {
    t!("layout-limit-setting", name = name)
}

/// The size of the regular file at `path`, refused when it is larger than
/// `limit` (`source` says where the limit is set, see [`setting`]).
/// Devices, pipes and folders are refused too: reading them could block
/// or never end.
pub fn checked_size(path: &Path, limit: u64, source: &str) -> Result<u64, Error> {
    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::content(
            Location::file(path),
            t!("layout-not-regular-file"),
        ));
    }
    let size = meta.len();
    if size > limit {
        return Err(Error::content(
            Location::file(path),
            t!(
                "layout-file-over-limit",
                size = Bytes(size).to_string(),
                limit = Bytes(limit).to_string(),
                setting = source
            ),
        ));
    }
    Ok(size)
}

/// The running totals of the bytes an edition uses, against
/// [`Limits::edition_bytes`], and of what its pictures take once decoded,
/// against [`Limits::edition_decoded_bytes`].
#[derive(Debug, Clone)]
pub struct Budget {
    used: u64,
    limit: u64,
    decoded: u64,
    decoded_limit: u64,
}

impl Budget {
    /// An empty budget of `limit` bytes; decoded pictures are not limited.
    pub fn new(limit: u64) -> Self {
        Self {
            used: 0,
            limit,
            decoded: 0,
            decoded_limit: u64::MAX,
        }
    }

    /// The same budget, with the edition's pictures held to `limit` bytes
    /// once decoded.
    pub fn decoded_limit(self, limit: u64) -> Self {
        Self {
            decoded_limit: limit,
            ..self
        }
    }

    /// Adds a picture that takes `bytes` once decoded; refused at `at` (the
    /// field that names `path`) when the edition's total passes the limit.
    pub fn add_decoded(&mut self, at: &Location, path: &Path, bytes: u64) -> Result<(), Error> {
        self.decoded = self.decoded.saturating_add(bytes);
        if self.decoded > self.decoded_limit {
            return Err(Error::content(
                at.clone(),
                t!(
                    "layout-decoded-over-limit",
                    path = path.display(),
                    decoded = Bytes(self.decoded).to_string(),
                    limit = Bytes(self.decoded_limit).to_string(),
                    setting = setting("edition_decoded_bytes")
                ),
            ));
        }
        Ok(())
    }

    /// Adds a file of `bytes` at `path`; refused when the total passes the limit.
    pub fn add(&mut self, path: &Path, bytes: u64) -> Result<(), Error> {
        self.used = self.used.saturating_add(bytes);
        if self.used > self.limit {
            return Err(Error::content(
                Location::file(path),
                t!(
                    "layout-edition-over-limit",
                    used = Bytes(self.used).to_string(),
                    limit = Bytes(self.limit).to_string(),
                    setting = setting("edition_bytes")
                ),
            ));
        }
        Ok(())
    }

    /// Bytes counted so far.
    pub fn used(&self) -> u64 {
        self.used
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        Limits::default()
            .validate(&Location::file("edition.toml"))
            .unwrap();
    }

    #[test]
    fn zero_and_huge_limits_are_refused() {
        let loc = Location::at("edition.toml", 3, 1);
        let zero = Limits {
            photos: 0,
            ..Limits::default()
        };
        assert_eq!(
            zero.validate(&loc).unwrap_err().to_string(),
            "edition.toml:3:1: limits.photos: must be between 1 and 1000, not 0"
        );
        let huge = Limits {
            picture_pixels: u64::MAX,
            ..Limits::default()
        };
        assert!(huge.validate(&loc).is_err());
    }

    #[test]
    fn byte_counts_read_well() {
        assert_eq!(Bytes(MIB).to_string(), "1 MiB");
        assert_eq!(Bytes(3 * MIB / 2).to_string(), "1.5 MiB (1572864 bytes)");
        assert_eq!(Bytes(2048).to_string(), "2 KiB");
        assert_eq!(Bytes(12644).to_string(), "12.3 KiB (12644 bytes)");
        assert_eq!(Bytes(700).to_string(), "700 bytes");
    }
}
