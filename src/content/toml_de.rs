//! TOML deserialisation whose errors name the line, column and field, in
//! the desk's words ([`words`]).

mod words;

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
    let mut field = field.to_string();
    let raw = e.message().trim().to_string();
    let mut message = words::plain(&raw);
    if let Some(span) = e.span() {
        let special = if let Some(escape) = surrogate_escape(src, span.start) {
            Some(t!("toml-surrogate", escape = escape))
        } else {
            full_width_mark(src, span.start)
        };
        if let Some(special) = special {
            message = special;
            if field.is_empty() {
                field = key_of_line(src, span.start).unwrap_or_default();
            }
        }
    }
    if let Some(s) = suggest_field(&raw) {
        message.push_str(&t!("toml-did-you-mean", name = s));
    }
    Error::content(location.with_field(&field), message)
}

/// The `\uD800`-style escape of a surrogate code point (U+D800 to U+DFFF)
/// that TOML refused at byte `at` of `src`, if that is what it refused.
fn surrogate_escape(src: &str, at: usize) -> Option<String> {
    let before = src.get(at.saturating_sub(12)..at.min(src.len()))?;
    let start = at.saturating_sub(12) + before.rfind(['\\'])?;
    let escape = src.get(start..)?;
    let digits = match escape.as_bytes().get(1)? {
        b'u' => 4,
        b'U' => 8,
        _ => return None,
    };
    let hex = escape.get(2..2 + digits)?;
    let code = u32::from_str_radix(hex, 16).ok()?;
    (0xD800..=0xDFFF)
        .contains(&code)
        .then(|| escape[..2 + digits].to_string())
}

/// What the desk's input method put where TOML wants ASCII, on the line
/// of byte `at`: full-width quotes round a value (`headline = “…”`), a
/// full-width equals sign (`headline ＝ "…"`).
fn full_width_mark(src: &str, at: usize) -> Option<String> {
    let start = src.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = src[start..].lines().next()?;
    const QUOTES: [char; 8] = ['“', '”', '‘', '’', '「', '」', '『', '＂'];
    match line.split_once('=') {
        Some((_, value)) => {
            let value = value.trim_start();
            let opens_full = value.starts_with(QUOTES);
            let closes_full =
                value.starts_with('"') && !value[1..].contains('"') && value.contains(QUOTES);
            (opens_full || closes_full).then(|| t!("toml-full-width-quotes"))
        }
        None => line.contains('＝').then(|| t!("toml-full-width-equals")),
    }
}

/// The key a TOML line at byte `at` of `src` assigns (`headline` in
/// `headline = "…"`), to name the field of an error found while parsing.
fn key_of_line(src: &str, at: usize) -> Option<String> {
    let start = src.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line = src[start..].lines().next()?;
    let (key, _) = line.split_once('=').or_else(|| line.split_once('＝'))?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_string())
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
