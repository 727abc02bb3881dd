//! The print configuration the plant gives once (印刷设置): its output
//! intent (the printer profile and the registered name of its printing
//! condition), ink limit, minimum resolution, the job's colour and marks.
//! It is read from the house file `print.toml` (beside `layouts/` and
//! `fonts/`) and from `[print]` in `edition.toml`; the edition's values
//! win over the house's, the command line's over both.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::picture::PictureMode;
use super::source::read_text;
use super::toml_de::from_toml;
use crate::diag::{Error, LineIndex, Location};
use crate::files::inside;
use crate::icc::{DataSpace, check_output_profile, read_header};
use crate::pdfx::OutputIntent;

/// The registry a condition name is in unless the configuration names
/// another: the ICC's registry of characterized printing conditions.
pub const DEFAULT_REGISTRY: &str = "http://www.color.org";
/// The total area coverage newsprint takes unless the plant says (%).
pub const DEFAULT_INK_LIMIT: f64 = 240.0;
/// The largest profile file read (printer profiles are a few megabytes).
const MAX_PROFILE_BYTES: u64 = 32 << 20;
/// The largest `print.toml`.
const MAX_HOUSE_FILE_BYTES: u64 = 64 << 10;

/// One layer of the print configuration (the house file, the edition, the
/// command line): each value as given, or `None` to leave it to the layer
/// below.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PrintConfig {
    /// The output intent: profile and condition, given together.
    pub profile: Option<ProfileSetting>,
    /// Highest total area coverage, in percent.
    pub ink_limit: Option<f64>,
    /// Lowest acceptable effective resolution of a placed picture.
    pub min_ppi: Option<f64>,
    /// The colour the job prints in.
    pub colour: Option<PictureMode>,
    /// Crop and registration marks outside the trim.
    pub marks: Option<bool>,
    /// How pictures are converted to the output profile (`intent`).
    pub rendering: Option<RenderingIntent>,
    /// Black-point compensation when pictures are converted (`bpc`).
    pub bpc: Option<bool>,
}

/// The ICC rendering intent pictures are converted with; the plant's
/// choice, relative colorimetric unless it says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RenderingIntent {
    /// `"perceptual"`: the whole gamut compressed.
    Perceptual,
    /// `"relative"`: colours in gamut kept, white point mapped.
    #[default]
    RelativeColorimetric,
    /// `"saturation"`: vivid over accurate.
    Saturation,
    /// `"absolute"`: colours kept, paper white simulated.
    AbsoluteColorimetric,
}

impl RenderingIntent {
    /// The intent a configuration's `intent` names.
    fn parse(name: &str) -> Option<RenderingIntent> {
        Some(match name {
            "perceptual" => RenderingIntent::Perceptual,
            "relative" | "relative-colorimetric" => RenderingIntent::RelativeColorimetric,
            "saturation" => RenderingIntent::Saturation,
            "absolute" | "absolute-colorimetric" => RenderingIntent::AbsoluteColorimetric,
            _ => return None,
        })
    }
}

/// The output intent as configured, with where it was configured (errors
/// found later, against the job's colour, point there).
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSetting {
    /// The `profile` field's place.
    pub location: Location,
    /// The profile file.
    pub path: PathBuf,
    /// Its bytes.
    pub bytes: Arc<[u8]>,
    /// The colour space of its data.
    pub space: DataSpace,
    /// `OutputConditionIdentifier`.
    pub condition: String,
    /// `RegistryName`.
    pub registry: String,
    /// `Info`, when given.
    pub info: Option<String>,
}

impl PrintConfig {
    /// This layer over `base`: each value of this layer's that is given
    /// wins (the profile with its condition, as one).
    pub fn over(self, base: PrintConfig) -> PrintConfig {
        PrintConfig {
            profile: self.profile.or(base.profile),
            ink_limit: self.ink_limit.or(base.ink_limit),
            min_ppi: self.min_ppi.or(base.min_ppi),
            colour: self.colour.or(base.colour),
            marks: self.marks.or(base.marks),
            rendering: self.rendering.or(base.rendering),
            bpc: self.bpc.or(base.bpc),
        }
    }

    /// The house file `print.toml` at `path`; nothing configured when
    /// there is none. A relative profile path is relative to its folder.
    pub fn load_house(path: &Path) -> Result<PrintConfig, Error> {
        if !path.exists() {
            return Ok(PrintConfig::default());
        }
        let (src, _) = read_text(path, MAX_HOUSE_FILE_BYTES, &t!("content-house-print-limit"))?;
        let raw: PrintToml = from_toml(&src, path, 1)?;
        let base = path.parent().unwrap_or(Path::new("."));
        raw.config(&LineIndex::new(path, &src, 1), "", base, None)
    }

    /// The output intent for a job printing in `mode`: `None` when no
    /// profile is configured; an error (at the profile's place) when the
    /// profile is not of the job's colour.
    pub fn intent(&self, mode: PictureMode) -> Result<Option<OutputIntent>, Error> {
        let Some(p) = &self.profile else {
            return Ok(None);
        };
        let want = match mode {
            PictureMode::Gray => DataSpace::Gray,
            _ => DataSpace::Cmyk,
        };
        let header = check_output_profile(&p.bytes, want)
            .map_err(|m| Error::content(p.location.clone(), profile_message(&p.path, &m)))?;
        Ok(Some(OutputIntent {
            profile: p.bytes.clone(),
            components: header.space.components().unwrap_or(4),
            condition: p.condition.clone(),
            registry: p.registry.clone(),
            info: p.info.clone(),
        }))
    }
}

/// `[print]` in `edition.toml`, or the whole of `print.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PrintToml {
    profile: Option<Spanned<String>>,
    condition: Option<Spanned<String>>,
    registry: Option<Spanned<String>>,
    info: Option<Spanned<String>>,
    ink_limit: Option<Spanned<f64>>,
    min_ppi: Option<Spanned<f64>>,
    colour: Option<Spanned<String>>,
    marks: Option<bool>,
    intent: Option<Spanned<String>>,
    bpc: Option<bool>,
}

impl PrintToml {
    /// The layer these fields give; `lines` locate them, `prefix` names
    /// them (`print.` in `edition.toml`), a relative profile path is
    /// relative to `base`, and must stay inside `within` when given.
    pub(crate) fn config(
        &self,
        lines: &LineIndex,
        prefix: &str,
        base: &Path,
        within: Option<&Path>,
    ) -> Result<PrintConfig, Error> {
        let at = |span: std::ops::Range<usize>, name: &str| {
            lines
                .location(span.start)
                .with_field(format!("{prefix}{name}"))
        };
        let number =
            |v: &Option<Spanned<f64>>, name: &str, lo: f64, hi: f64, bad: fn(String) -> String| {
                v.as_ref()
                    .map(|v| {
                        let n = *v.get_ref();
                        if n.is_finite() && (lo..=hi).contains(&n) {
                            Ok(n)
                        } else {
                            Err(Error::content(at(v.span(), name), bad(n.to_string())))
                        }
                    })
                    .transpose()
            };
        let colour = match &self.colour {
            None => None,
            Some(c) => Some(match c.get_ref().trim() {
                "cmyk" => PictureMode::Cmyk,
                "gray" | "grey" => PictureMode::Gray,
                other => {
                    return Err(Error::content(
                        at(c.span(), "colour"),
                        t!("content-colour-invalid", value = format!("{other:?}")),
                    ));
                }
            }),
        };
        let rendering = match &self.intent {
            None => None,
            Some(i) => Some(RenderingIntent::parse(i.get_ref().trim()).ok_or_else(|| {
                Error::content(
                    at(i.span(), "intent"),
                    t!(
                        "content-intent-invalid",
                        value = format!("{:?}", i.get_ref())
                    ),
                )
            })?),
        };
        Ok(PrintConfig {
            rendering,
            bpc: self.bpc,
            profile: self.profile(lines, prefix, base, within)?,
            ink_limit: number(&self.ink_limit, "ink_limit", 100.0, 400.0, |value| {
                t!("content-ink-limit-invalid", value = value)
            })?,
            min_ppi: number(&self.min_ppi, "min_ppi", 1.0, 10_000.0, |value| {
                t!("content-min-ppi-invalid", value = value)
            })?,
            colour,
            marks: self.marks,
        })
    }

    /// The output intent these fields give: `profile` (an ICC file) and
    /// `condition` together, or neither.
    fn profile(
        &self,
        lines: &LineIndex,
        prefix: &str,
        base: &Path,
        within: Option<&Path>,
    ) -> Result<Option<ProfileSetting>, Error> {
        let at = |span: std::ops::Range<usize>, name: &str| {
            lines
                .location(span.start)
                .with_field(format!("{prefix}{name}"))
        };
        let Some(profile) = &self.profile else {
            return self.no_profile(prefix, at).map(|()| None);
        };
        let location = at(profile.span(), "profile");
        let (path, bytes, space) = profile_file(profile.get_ref(), &location, base, within)?;
        let Some(condition) = self
            .condition
            .as_ref()
            .filter(|c| !c.get_ref().trim().is_empty())
        else {
            return Err(Error::content(
                location,
                t!("content-profile-needs-condition", prefix = prefix),
            ));
        };
        let text = |s: &Option<Spanned<String>>| {
            s.as_ref()
                .map(|s| s.get_ref().trim().to_string())
                .filter(|s| !s.is_empty())
        };
        Ok(Some(ProfileSetting {
            location,
            path,
            bytes,
            space,
            condition: condition.get_ref().trim().to_string(),
            registry: text(&self.registry).unwrap_or_else(|| DEFAULT_REGISTRY.to_string()),
            info: text(&self.info),
        }))
    }

    /// Without a profile, the fields that describe one are a mistake.
    fn no_profile(
        &self,
        prefix: &str,
        at: impl Fn(std::ops::Range<usize>, &str) -> Location,
    ) -> Result<(), Error> {
        let stray = [
            (&self.condition, "condition"),
            (&self.registry, "registry"),
            (&self.info, "info"),
        ];
        match stray.into_iter().find(|(v, _)| v.is_some()) {
            Some((Some(v), name)) => Err(Error::content(
                at(v.span(), name),
                t!("content-profile-stray-field", name = name, prefix = prefix),
            )),
            _ => Ok(()),
        }
    }
}

/// The profile file `name` (relative to `base`, inside `within` when
/// given), read and checked as a CMYK or grey output profile: its path,
/// bytes and data colour space. Errors point at `location`.
fn profile_file(
    name: &str,
    location: &Location,
    base: &Path,
    within: Option<&Path>,
) -> Result<(PathBuf, Arc<[u8]>, DataSpace), Error> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::content(
            location.clone(),
            t!("content-profile-name-empty"),
        ));
    }
    let path = base.join(name);
    if let Some(dir) = within
        && path.exists()
        && !inside(dir, &path)
    {
        return Err(Error::content(
            location.clone(),
            t!("content-profile-outside", name = format!("{name:?}")),
        ));
    }
    let bytes = read_profile(&path).map_err(|m| Error::content(location.clone(), m))?;
    // Which of CMYK and grey the job needs is known later (the command
    // line may say); anything else never serves.
    let header = read_header(&bytes).and_then(|h| {
        let want = match h.space {
            DataSpace::Gray => DataSpace::Gray,
            _ => DataSpace::Cmyk,
        };
        check_output_profile(&bytes, want)
    });
    let header =
        header.map_err(|m| Error::content(location.clone(), profile_message(&path, &m)))?;
    Ok((path, bytes, header.space))
}

/// The profile file's bytes, or why they cannot be read.
fn read_profile(path: &Path) -> Result<Arc<[u8]>, String> {
    let meta = std::fs::metadata(path).map_err(|_| t!("content-profile-not-found", path = path))?;
    if !meta.is_file() {
        return Err(t!("content-profile-not-file", path = path));
    }
    if meta.len() > MAX_PROFILE_BYTES {
        return Err(t!(
            "content-profile-too-large",
            path = path,
            bytes = meta.len(),
            max = MAX_PROFILE_BYTES >> 20
        ));
    }
    std::fs::read(path).map(Arc::from).map_err(|e| {
        t!(
            "content-profile-unreadable",
            path = path,
            error = crate::diag::io_message(&e)
        )
    })
}

/// What is wrong with the profile file at `path`.
fn profile_message(path: &Path, why: &str) -> String {
    t!("content-profile-wrong", path = path, why = why)
}
