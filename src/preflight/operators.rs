//! A PDF's content streams: gathering them and counting their operators
//! (read by [`crate::content_ops`]).

use lopdf::{Document, Object};

pub(super) use crate::content_ops::for_each_operation;

/// The content streams: every page's contents and every form XObject.
pub(super) fn content_streams(doc: &Document) -> Vec<Vec<u8>> {
    let mut contents: Vec<Vec<u8>> = Vec::new();
    for id in doc.get_pages().into_values() {
        if let Ok(data) = doc.get_page_content(id) {
            contents.push(data);
        }
    }
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object
            && stream
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Form")
        {
            contents.push(
                stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone()),
            );
        }
    }
    contents
}

/// A PDF number as `f64`.
pub(super) fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// Counts the operators named in `names` in a content stream.
pub(super) fn count_operators(data: &[u8], names: &[&[u8]]) -> usize {
    let mut count = 0;
    for_each_operation(data, |op, _| {
        if names.contains(&op) {
            count += 1;
        }
    });
    count
}
