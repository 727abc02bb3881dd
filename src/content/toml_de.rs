//! TOML deserialisation whose errors name the line, column and field.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Error, Location};

/// Deserialises `src` (which starts at line `first_line` of `file`) into `T`.
/// Errors read like `edition.toml:7:9: pages[0].number: invalid type: …`.
pub fn from_toml<T: DeserializeOwned>(
    src: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Error> {
    let de =
        toml::de::Deserializer::parse(src).map_err(|e| convert(e, "", src, file, first_line))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        // `Spanned` values add a private segment to the path: drop it.
        let path = e
            .path()
            .to_string()
            .replace(".$__serde_spanned_private_value", "")
            .replace("$__serde_spanned_private_value", "");
        let path = if path == "." { String::new() } else { path };
        convert(e.into_inner(), &path, src, file, first_line)
    })
}

fn convert(e: toml::de::Error, field: &str, src: &str, file: &Path, first_line: usize) -> Error {
    let location = match e.span() {
        Some(span) => Location::from_offset(file, src, span.start, first_line),
        None => Location::file(file),
    };
    let message = e.message().trim().to_string();
    let message = suggest_field(&message).map_or(message.clone(), |s| {
        format!("{message}; did you mean `{s}`?")
    });
    Error::content(location.with_field(field), message)
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" messages, the
/// expected name closest to the unknown one, if it is close enough.
fn suggest_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, rest) = rest.split_once('`')?;
    rest.split('`')
        .skip(1)
        .step_by(2)
        .map(|cand| (strsim::damerau_levenshtein(unknown, cand), cand))
        .filter(|(d, cand)| *d <= 2.max(cand.len() / 3))
        .min()
        .map(|(_, cand)| cand.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_field_names() {
        let m = "unknown field `papr`, expected one of `paper`, `date`, `pages`";
        assert_eq!(suggest_field(m).as_deref(), Some("paper"));
        let m = "unknown field `colour`, expected one of `paper`, `date`";
        assert_eq!(suggest_field(m), None);
    }
}
