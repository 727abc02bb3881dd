//! Pictures as the plant sees them: colour mode and pixel size as the
//! file's header gives them (read, and the file checked whole, when the
//! edition was loaded), and the effective resolution at the size the layout
//! placed them.

use typst::layout::{Frame, FrameItem};
use typst::visualize::ImageKind;

use super::finding::{Check, Finding, PrintSettings, Severity};
use crate::content::{Article, PictureInfo, PictureMode};
use crate::convert::{Conversions, Converted};

/// Checks the photos of `article` on page `page` whose laid-out frame is
/// `frame`: missing files, colour mode, and effective resolution.
pub fn check_pictures(
    article: &Article,
    frame: &Frame,
    page: u32,
    settings: &PrintSettings,
    converted: &Conversions,
) -> Vec<Finding> {
    let placed = placed_images(frame);
    let mut out = Vec::new();
    for (i, photo) in article.photos.iter().enumerate() {
        let place = format!("photos[{i}] {}", photo.file);
        let finding = |(severity, message): (Severity, String)| {
            Finding::new(severity, Check::Pictures, page, place.clone(), message)
                .at(&photo.location)
        };
        let (Some(path), Some(info)) = (&photo.path, &photo.info) else {
            out.push(finding((
                Severity::Warning,
                t!("preflight-picture-missing"),
            )));
            continue;
        };
        let bytes = match converted.get(path) {
            Some(c) => {
                out.push(finding((Severity::Note, converted_note(c))));
                c.bytes.to_vec()
            }
            None => {
                out.extend(colour_mode(info, settings).map(finding));
                std::fs::read(path).unwrap_or_default()
            }
        };
        if let Some((w_pt, h_pt)) = placed
            .iter()
            .find(|(data, _, _)| data.as_slice() == bytes.as_slice())
            .map(|p| (p.1, p.2))
        {
            out.extend(resolution(info, w_pt, h_pt, settings).map(finding));
        }
    }
    out
}

/// An RGB picture, or a CMYK one in a grey job, wants converting; in a
/// grey job a picture in colour is an error (it would put ink on plates a
/// black-only press does not have).
fn colour_mode(info: &PictureInfo, settings: &PrintSettings) -> Option<(Severity, String)> {
    let wrong_mode = matches!(
        (settings.mode, info.mode),
        (_, PictureMode::Rgb) | (PictureMode::Gray, PictureMode::Cmyk)
    );
    let severity = match settings.mode {
        PictureMode::Gray => Severity::Error,
        _ => Severity::Warning,
    };
    // English names the modes as the code does (`Rgb picture in a Cmyk
    // job`, which scripts grep); Chinese says what they are.
    wrong_mode.then(|| {
        (
            severity,
            t!(
                "preflight-picture-mode",
                mode = format!("{:?}", info.mode),
                job = format!("{:?}", settings.mode),
            ),
        )
    })
}

/// What the print build did to a picture: converted it to the output
/// profile's colour (the file on disk is unchanged).
fn converted_note(c: &Converted) -> String {
    let to = match c.mode {
        PictureMode::Gray => "grey",
        _ => "CMYK",
    };
    t!("preflight-picture-converted", from = &c.from, to = to)
}

/// The effective resolution of a picture placed at `w_pt` × `h_pt`
/// points, against the job's minimum and maximum.
fn resolution(
    info: &PictureInfo,
    w_pt: f64,
    h_pt: f64,
    settings: &PrintSettings,
) -> Option<(Severity, String)> {
    let ppi = (f64::from(info.width) / (w_pt / 72.0)).min(f64::from(info.height) / (h_pt / 72.0));
    let mm = |pt: f64| pt / 72.0 * 25.4;
    let size = t!(
        "preflight-picture-size",
        width = info.width,
        height = info.height,
        placed_width = format!("{:.0}", mm(w_pt)),
        placed_height = format!("{:.0}", mm(h_pt)),
    );
    if ppi < settings.min_ppi {
        Some((
            Severity::Error,
            t!(
                "preflight-picture-low-ppi",
                ppi = format!("{ppi:.0}"),
                min = format!("{:.0}", settings.min_ppi),
                size = &size,
            ),
        ))
    } else if ppi > settings.max_ppi {
        Some((
            Severity::Warning,
            t!(
                "preflight-picture-high-ppi",
                ppi = format!("{ppi:.0}"),
                max = format!("{:.0}", settings.max_ppi),
                size = &size,
            ),
        ))
    } else {
        None
    }
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
    use crate::i18n::{Lang, message_in};

    /// English names a wrong colour mode as the code does (scripts grep
    /// it); Chinese says it in words, never `Rgb`, `Cmyk` or `Gray`.
    #[test]
    fn chinese_names_colour_modes_in_words() {
        for (mode, job) in [("Rgb", "Cmyk"), ("Rgb", "Gray"), ("Cmyk", "Gray")] {
            let args = [("mode", mode.into()), ("job", job.into())];
            let en = message_in(Lang::En, "preflight-picture-mode", &args);
            assert_eq!(
                en,
                format!("{mode} picture in a {job} job (convert it before release)")
            );
            let zh = message_in(Lang::Zh, "preflight-picture-mode", &args);
            assert!(!zh.contains(mode) && !zh.contains(job), "{zh}");
        }
        let args = [("from", "RGB (sRGB)".into()), ("to", "grey".into())];
        let zh = message_in(Lang::Zh, "preflight-picture-converted", &args);
        assert!(zh.contains("灰度") && !zh.contains("grey"), "{zh}");
    }
}
