//! Black overprint (压印): text and rules in 100% K print over the colours
//! under them instead of knocking them out, so a misregistered plate shows
//! no white halo round black type on a tint or a photo. Typst writes no
//! overprint; the print pass ([`crate::export`]) adds it to the content
//! Typst wrote, byte for byte as it was except for the `gs` operators it
//! inserts after each colour change: where the fill or stroke colour
//! becomes DeviceCMYK `0 0 0 1`, an ExtGState with overprint on (`/op`
//! for fills, `/OP` for strokes, `/OPM 1` so the zero C, M and Y leave the
//! plates under them alone); where it becomes anything else, one with it
//! off. Pictures are never overprinted (the nonzero overprint mode does
//! not apply to images), white and tints knock out as before.

use std::collections::BTreeSet;
use std::io::Write as _;

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::content_ops::for_each_operation;

/// The ExtGState resource names, by (fill overprints, stroke overprints).
fn state_name(fill: bool, stroke: bool) -> String {
    format!("BanmianOverprint{}{}", u8::from(fill), u8::from(stroke))
}

/// What [`overprint_black`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Overprinted {
    /// Content streams that paint in 100% K.
    pub streams: usize,
    /// Colour changes to or from 100% K given their overprint state.
    pub switches: usize,
}

/// Makes 100% K fills and strokes overprint on every page of `doc` (and in
/// the form XObjects the pages draw).
pub fn overprint_black(doc: &mut Document) -> lopdf::Result<Overprinted> {
    let mut done = Overprinted::default();
    let mut states: [Option<ObjectId>; 4] = [None; 4];
    let mut seen = BTreeSet::new();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut todo: Vec<(ObjectId, bool)> = Vec::new();
    for page in pages {
        todo.push((page, true));
    }
    while let Some((id, is_page)) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        // The form XObjects this stream's resources name are done too.
        let resources = resources_of(doc, id)?;
        if let Some(res) = &resources {
            todo.extend(form_xobjects(doc, res).into_iter().map(|f| (f, false)));
        }
        let streams: Vec<ObjectId> = match is_page {
            true => doc.get_page_contents(id),
            false => vec![id],
        };
        let mut used = BTreeSet::new();
        for stream_id in streams {
            let stream = doc.get_object(stream_id)?.as_stream()?;
            let plain = stream.get_plain_content()?;
            // A page starts in the default graphics state (overprint off);
            // a form inherits whatever state it is drawn in.
            let start = is_page.then_some((false, false));
            let (content, switched) = insert_overprint(&plain, start);
            drop(plain);
            if switched.is_empty() {
                continue;
            }
            done.streams += 1;
            done.switches += switched.len();
            used.extend(switched);
            let stream = doc.get_object_mut(stream_id)?.as_stream_mut()?;
            stream.set_plain_content(compress(&content)?);
            stream.dict.set("Filter", "FlateDecode");
        }
        if used.is_empty() {
            continue;
        }
        let mut entries = Vec::new();
        for (fill, stroke) in used {
            let slot = &mut states[usize::from(fill) * 2 + usize::from(stroke)];
            let state = *slot.get_or_insert_with(|| doc.add_object(ext_gstate(fill, stroke)));
            entries.push((state_name(fill, stroke), state));
        }
        add_ext_gstates(doc, id, resources, entries)?;
    }
    Ok(done)
}

/// An ExtGState that sets fill and stroke overprint.
fn ext_gstate(fill: bool, stroke: bool) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", "ExtGState");
    d.set("op", fill);
    d.set("OP", stroke);
    d.set("OPM", 1);
    d
}

/// Where the resources of page or form `id` are: `None` when it has none.
#[derive(Debug, Clone, Copy)]
enum ResourcesAt {
    /// Inline in the page or form dictionary.
    Inline,
    /// An object of their own.
    Object(ObjectId),
}

/// The resources of page or form `id`, as an owned dictionary and where
/// they live.
fn resources_of(doc: &Document, id: ObjectId) -> lopdf::Result<Option<(Dictionary, ResourcesAt)>> {
    let dict = match doc.get_object(id)? {
        Object::Stream(s) => &s.dict,
        Object::Dictionary(d) => d,
        _ => return Ok(None),
    };
    Ok(match dict.get(b"Resources") {
        Ok(Object::Reference(r)) => {
            Some((doc.get_dictionary(*r)?.clone(), ResourcesAt::Object(*r)))
        }
        Ok(Object::Dictionary(d)) => Some((d.clone(), ResourcesAt::Inline)),
        _ => None,
    })
}

/// The form XObjects named in `resources`.
fn form_xobjects(doc: &Document, (resources, _): &(Dictionary, ResourcesAt)) -> Vec<ObjectId> {
    let xobjects = match resources.get(b"XObject") {
        Ok(Object::Reference(r)) => doc.get_dictionary(*r).ok(),
        Ok(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    let Some(xobjects) = xobjects else {
        return Vec::new();
    };
    xobjects
        .iter()
        .filter_map(|(_, o)| o.as_reference().ok())
        .filter(|r| {
            doc.get_object(*r)
                .and_then(Object::as_stream)
                .is_ok_and(|s| {
                    s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
                })
        })
        .collect()
}

/// Adds `entries` to the ExtGState resources of page or form `id`.
fn add_ext_gstates(
    doc: &mut Document,
    id: ObjectId,
    resources: Option<(Dictionary, ResourcesAt)>,
    entries: Vec<(String, ObjectId)>,
) -> lopdf::Result<()> {
    let (mut res, at) = resources.unwrap_or((Dictionary::new(), ResourcesAt::Inline));
    // An ExtGState dictionary of its own is extended where it is.
    if let Ok(Object::Reference(r)) = res.get(b"ExtGState") {
        let r = *r;
        let states = doc.get_dictionary_mut(r)?;
        for (name, state) in entries {
            states.set(name, state);
        }
        return Ok(());
    }
    let mut states = res
        .get(b"ExtGState")
        .and_then(Object::as_dict)
        .cloned()
        .unwrap_or_default();
    for (name, state) in entries {
        states.set(name, state);
    }
    res.set("ExtGState", states);
    match at {
        ResourcesAt::Object(r) => *doc.get_dictionary_mut(r)? = res,
        ResourcesAt::Inline => match doc.get_object_mut(id)? {
            Object::Stream(s) => s.dict.set("Resources", res),
            Object::Dictionary(d) => d.set("Resources", res),
            _ => {}
        },
    }
    Ok(())
}

/// `data` Flate-compressed at a fixed level (the same content gives the
/// same bytes): the default level, which costs a live rebuild a few
/// milliseconds where the best would cost several times that for a few
/// per cent.
fn compress(data: &[u8]) -> lopdf::Result<Vec<u8>> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data)?;
    Ok(encoder.finish()?)
}

/// The graphics state the insertion follows: whether the current fill and
/// stroke colours are 100% K, and which overprint state is set (`None`:
/// not known).
#[derive(Debug, Clone, Copy)]
struct State {
    fill: bool,
    stroke: bool,
    set: Option<(bool, bool)>,
}

/// `content` with a `gs` after each colour operator that changes whether
/// the fill or the stroke is 100% K (relative to the overprint state set,
/// `start` at the beginning), and the overprint states it set; nothing
/// (and no states) when nothing is black, the content staying as it is.
fn insert_overprint(
    content: &[u8],
    start: Option<(bool, bool)>,
) -> (Vec<u8>, BTreeSet<(bool, bool)>) {
    let mut out = Vec::with_capacity(content.len() + 256);
    let mut used = BTreeSet::new();
    let mut copied = 0;
    let mut state = State {
        fill: false,
        stroke: false,
        set: start,
    };
    let mut saved: Vec<State> = Vec::new();
    for_each_operation(content, |name, operands| {
        match name {
            b"q" => saved.push(state),
            b"Q" => state = saved.pop().unwrap_or(state),
            b"k" | b"K" | b"g" | b"G" | b"rg" | b"RG" | b"sc" | b"scn" | b"SC" | b"SCN" | b"cs"
            | b"CS" => {
                let black = name.eq_ignore_ascii_case(b"k") && is_full_black(operands);
                if name[0].is_ascii_lowercase() {
                    state.fill = black;
                } else {
                    state.stroke = black;
                }
                let want = (state.fill, state.stroke);
                if state.set != Some(want) {
                    // Just past the operator: `name` is a slice of `content`.
                    let end = name.as_ptr() as usize - content.as_ptr() as usize + name.len();
                    out.extend_from_slice(&content[copied..end]);
                    copied = end;
                    out.extend_from_slice(
                        format!("\n/{} gs", state_name(want.0, want.1)).as_bytes(),
                    );
                    state.set = Some(want);
                    used.insert(want);
                }
            }
            _ => {}
        }
    });
    if used.iter().all(|&(f, s)| !f && !s) {
        // Nothing is black: the content stays as Typst wrote it.
        return (Vec::new(), BTreeSet::new());
    }
    out.extend_from_slice(&content[copied..]);
    (out, used)
}

/// Whether the operands of `k`/`K` are `0 0 0 1`.
fn is_full_black(operands: &[&[u8]]) -> bool {
    let values: Vec<f64> = operands
        .iter()
        .filter_map(|o| std::str::from_utf8(o).ok()?.parse().ok())
        .collect();
    matches!(values.as_slice(), [c, m, y, k] if *c == 0.0 && *m == 0.0 && *y == 0.0 && *k >= 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inserted(content: &str, start: Option<(bool, bool)>) -> String {
        let (out, used) = insert_overprint(content.as_bytes(), start);
        match used.is_empty() {
            true => content.to_string(),
            false => String::from_utf8(out).unwrap(),
        }
    }

    #[test]
    fn black_text_overprints_and_the_next_colour_knocks_out() {
        let content = "q 0 0.04 0.12 0 k 0 0 100 100 re f BT /F0 9 Tf 0 0 0 1 k [<0001>] TJ ET 0 1 1 0.15 k 0 0 5 5 re f Q";
        let out = inserted(content, Some((false, false)));
        assert_eq!(
            out,
            "q 0 0.04 0.12 0 k 0 0 100 100 re f BT /F0 9 Tf 0 0 0 1 k\n/BanmianOverprint10 gs [<0001>] TJ ET 0 1 1 0.15 k\n/BanmianOverprint00 gs 0 0 5 5 re f Q"
        );
    }

    #[test]
    fn content_without_black_is_left_as_it_was() {
        let content = "0 1 1 0 k 0 0 5 5 re f 0.5 g (0 0 0 1 k) Tj";
        assert_eq!(inserted(content, Some((false, false))), content);
        assert_eq!(inserted(content, None), content);
    }

    #[test]
    fn black_strokes_overprint_on_their_own_and_q_restores_the_state() {
        let content = "q 0 0 0 1 K 1 w 0 0 m 5 0 l S Q 0 0 0 1 k";
        let out = inserted(content, Some((false, false)));
        assert_eq!(
            out,
            "q 0 0 0 1 K\n/BanmianOverprint01 gs 1 w 0 0 m 5 0 l S Q 0 0 0 1 k\n/BanmianOverprint10 gs"
        );
    }

    #[test]
    fn strings_names_and_inline_images_are_not_colour_changes() {
        let content = "(0 0 0 1 k) Tj /k gs BI /W 1 ID \x00 0 0 0 1 k EI [(0 0 0 1 k)] TJ";
        assert_eq!(inserted(content, Some((false, false))), content);
    }
}
