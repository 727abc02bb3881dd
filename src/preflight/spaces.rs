//! Colour spaces and pictures as the colour checks read them from a PDF:
//! how many inks or channels a space has, and which objects are pictures.

use lopdf::{Document, Object, ObjectId};

use super::operators::number;

/// How many components a colour space has, when it is a device or ICC
/// space.
pub(super) fn components(doc: &Document, space: &Object) -> Option<usize> {
    let (_, space) = doc.dereference(space).ok()?;
    match space {
        Object::Name(n) => match n.as_slice() {
            b"DeviceGray" | b"CalGray" => Some(1),
            b"DeviceRGB" | b"CalRGB" => Some(3),
            b"DeviceCMYK" => Some(4),
            _ => None,
        },
        Object::Array(arr) => match arr.first().and_then(|o| o.as_name().ok())? {
            b"ICCBased" => {
                let (_, profile) = doc.dereference(arr.get(1)?).ok()?;
                let n = profile.as_stream().ok()?.dict.get(b"N").ok();
                n.and_then(number).map(|n| n as usize)
            }
            b"CalGray" => Some(1),
            b"CalRGB" | b"Lab" => Some(3),
            _ => None,
        },
        _ => None,
    }
}

/// How many components a picture's colour space has: an indexed
/// (palette) picture's are its base space's.
pub(super) fn picture_components(doc: &Document, space: &Object) -> Option<usize> {
    match doc.dereference(space) {
        Ok((_, Object::Array(arr)))
            if arr.first().and_then(|o| o.as_name().ok()) == Some(&b"Indexed"[..]) =>
        {
            components(doc, arr.get(1)?)
        }
        _ => components(doc, space),
    }
}

/// The pictures of the PDF (image XObjects that are not masks, which carry
/// no colour): their object, dictionary and colour space.
pub(super) fn pictures(
    doc: &Document,
) -> impl Iterator<Item = (ObjectId, &lopdf::Dictionary, &Object)> {
    doc.objects.iter().filter_map(|(id, object)| {
        let dict = &object.as_stream().ok()?.dict;
        let is_image =
            (dict.get(b"Subtype").and_then(Object::as_name)).is_ok_and(|n| n == b"Image");
        let is_mask = (dict.get(b"ImageMask").and_then(Object::as_bool)).unwrap_or(false);
        let space = dict.get(b"ColorSpace").ok()?;
        (is_image && !is_mask).then_some((*id, dict, space))
    })
}
