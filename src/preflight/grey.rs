//! A grey job's page read back: no cyan, magenta or yellow in any colour
//! the content streams set, and no picture in colour. A black-only press
//! has no plates for them: what they carry would be lost or print on the
//! wrong unit.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Document, Object};

use super::finding::{Check, Finding, Severity};
use super::operators::{content_streams, for_each_operation};
use super::spaces::{components, picture_components, pictures};

/// How many distinct colours one page's report lists one by one.
const LISTED: usize = 8;

/// The findings of a grey job's page in `doc` (版次 `page`): every CMYK
/// colour with C, M or Y, and the pictures in colour.
pub(super) fn check_grey(doc: &Document, page: u32) -> Vec<Finding> {
    let spaces = cmyk_space_names(doc);
    let mut colours: BTreeMap<[String; 4], usize> = BTreeMap::new();
    for data in content_streams(doc) {
        for cmyk in cmyk_colours(&data, &spaces) {
            if cmyk[..3].iter().any(|&v| v > 1e-6) {
                *colours.entry(cmyk.map(short)).or_default() += 1;
            }
        }
    }
    let mut out = Vec::new();
    let mut listed: Vec<([String; 4], usize)> = colours.into_iter().collect();
    listed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let finding = |message: String| {
        Finding::new(
            Severity::Error,
            Check::Colours,
            page,
            t!("preflight-place-page-content"),
            message,
        )
    };
    for (cmyk, times) in listed.iter().take(LISTED) {
        let values: Vec<f64> = cmyk.iter().map(|v| v.parse().unwrap_or(0.0)).collect();
        out.push(finding(t!(
            "preflight-grey-colour",
            cmyk = cmyk.join(" "),
            what = what_it_may_be(values[0], values[1], values[2]),
            times = *times,
        )));
    }
    if listed.len() > LISTED {
        out.push(finding(t!(
            "preflight-grey-more-colours",
            n = listed.len() - LISTED
        )));
    }
    let pictures = colour_pictures(doc);
    if !pictures.is_empty() {
        let spaces: BTreeSet<&str> = pictures.iter().map(String::as_str).collect();
        out.push(Finding::new(
            Severity::Error,
            Check::Pictures,
            page,
            t!("preflight-place-page-content"),
            t!(
                "preflight-grey-pictures",
                n = pictures.len(),
                spaces = spaces.into_iter().collect::<Vec<_>>().join(", ")
            ),
        ));
    }
    out
}

/// A colour value as the finding shows it: two decimals at most (more for
/// a trace of ink that would round to none).
fn short(v: f64) -> String {
    let s = if v.abs() > 1e-6 && v.abs() < 0.005 {
        format!("{v:.4}")
    } else {
        format!("{v:.2}")
    };
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".into()
    } else {
        s.into()
    }
}

/// What a colour of cyan `c`, magenta `m` and yellow `y` probably is on a
/// newspaper page, for the desk to find it.
fn what_it_may_be(c: f64, m: f64, y: f64) -> String {
    let most = c.max(m).max(y);
    if most < 0.25 {
        return t!("preflight-grey-tint");
    }
    let strong = |v: f64| v >= most / 2.0;
    match (strong(c), strong(m), strong(y)) {
        (false, true, true) => t!("preflight-grey-red"),
        (true, true, true) => t!("preflight-grey-rich-black"),
        (true, true, false) => t!("preflight-grey-blue"),
        (true, false, true) => t!("preflight-grey-green"),
        (true, false, false) => t!("preflight-grey-cyan"),
        (false, true, false) => t!("preflight-grey-magenta"),
        _ => t!("preflight-grey-yellow"),
    }
}

/// The names of the colour spaces with four components (DeviceCMYK, or an
/// ICC profile of four channels) that the PDF's resources define.
fn cmyk_space_names(doc: &Document) -> BTreeSet<Vec<u8>> {
    let mut names = BTreeSet::new();
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(dict) => dict,
            Object::Stream(stream) => &stream.dict,
            _ => continue,
        };
        if let Ok(spaces) = dict.get(b"ColorSpace").and_then(Object::as_dict) {
            for (name, space) in spaces.iter() {
                if components(doc, space) == Some(4) {
                    names.insert(name.clone());
                }
            }
        }
    }
    names
}

/// Every CMYK colour a content stream sets, for fill and stroke: with
/// `k`/`K`, or `sc`/`scn`/`SC`/`SCN` while a four-component space is
/// current (`cs`/`CS` with DeviceCMYK or one of `spaces`).
fn cmyk_colours(data: &[u8], spaces: &BTreeSet<Vec<u8>>) -> Vec<[f64; 4]> {
    // (fill is CMYK, stroke is CMYK), saved and restored with q and Q.
    let mut current = (false, false);
    let mut saved = Vec::new();
    let mut out = Vec::new();
    for_each_operation(data, |op, args| {
        let is_cmyk = |name: &[u8]| {
            let name = name.strip_prefix(b"/").unwrap_or(name);
            name == b"DeviceCMYK" || spaces.contains(name)
        };
        let set = match op {
            b"q" => {
                saved.push(current);
                false
            }
            b"Q" => {
                current = saved.pop().unwrap_or_default();
                false
            }
            b"cs" => {
                current.0 = args.last().is_some_and(|n| is_cmyk(n));
                false
            }
            b"CS" => {
                current.1 = args.last().is_some_and(|n| is_cmyk(n));
                false
            }
            b"k" | b"K" => true,
            b"sc" | b"scn" => current.0,
            b"SC" | b"SCN" => current.1,
            _ => false,
        };
        if !set {
            return;
        }
        let values: Vec<f64> = (args.iter())
            .filter_map(|a| std::str::from_utf8(a).ok()?.parse().ok())
            .collect();
        if let [c, m, y, k] = values[..] {
            out.push([c, m, y, k]);
        }
    });
    out
}

/// The colour spaces of the PDF's pictures that are not grey (one entry
/// a picture); masks carry no colour.
fn colour_pictures(doc: &Document) -> Vec<String> {
    pictures(doc)
        .filter(|(_, _, space)| picture_components(doc, space) != Some(1))
        .map(|(_, _, space)| space_name(doc, space))
        .collect()
}

/// A colour space as a finding names it.
fn space_name(doc: &Document, space: &Object) -> String {
    match components(doc, space) {
        Some(4) => "CMYK".into(),
        Some(3) => "RGB".into(),
        _ => match doc.dereference(space) {
            Ok((_, Object::Name(n))) => String::from_utf8_lossy(n).into_owned(),
            Ok((_, Object::Array(arr))) => arr.first().and_then(|o| o.as_name().ok()).map_or_else(
                || t!("preflight-unknown-space"),
                |n| String::from_utf8_lossy(n).into_owned(),
            ),
            _ => t!("preflight-unknown-space"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cmyk_colours_set_either_way() {
        let spaces: BTreeSet<Vec<u8>> = [b"Cs1".to_vec()].into();
        let found = cmyk_colours(
            b"0 0 0 1 k q /Cs1 cs 0 1 1 .15 scn Q 0.2 0.3 0.4 0.5 scn /DeviceRGB CS 1 0 0 SC /DeviceCMYK CS 1 0 0 0 SC 0 0 0 0.6 K",
            &spaces,
        );
        assert_eq!(
            found,
            [
                [0.0, 0.0, 0.0, 1.0],
                [0.0, 1.0, 1.0, 0.15],
                [1.0, 0.0, 0.0, 0.0],
                [0.0, 0.0, 0.0, 0.6]
            ]
        );
    }

    #[test]
    fn names_colours_for_the_desk() {
        assert_eq!(short(0.14901961), "0.15");
        assert_eq!(short(1.0), "1");
        assert_eq!(short(0.0), "0");
        assert_eq!(short(0.002), "0.002");
        assert!(what_it_may_be(0.0, 1.0, 1.0).starts_with("red"));
        assert!(what_it_may_be(0.0, 0.04, 0.12).contains("tint"));
    }
}
