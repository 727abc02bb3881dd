//! TOML's and serde's error messages in the desk's words. Both libraries
//! speak English and Rust (`invalid type: string "五", expected u32`); this
//! reads their message apart and says it again through the catalogue:
//! plain words for Rust's type names in English ("expected a whole
//! number"), the whole message in Chinese ("类型不对：这里写的是文字
//! "五"，应为整数").

/// `message` (from toml or serde) in the current language.
pub fn plain(message: &str) -> String {
    serde_message(message).unwrap_or_else(|| syntax_message(message))
}

/// serde's own message shapes (`serde::de::Error`'s provided methods).
fn serde_message(m: &str) -> Option<String> {
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(t!(
            "toml-invalid-type",
            found = found_words(found),
            expected = expected_words(expected)
        ));
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(t!(
            "toml-invalid-value",
            found = found_words(found),
            expected = expected_words(expected)
        ));
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (n, expected) = rest.split_once(", expected ")?;
        return Some(t!(
            "toml-invalid-length",
            n = n,
            expected = expected_words(expected)
        ));
    }
    if let Some(field) = quoted_after(m, "missing field `") {
        return (m.len() == "missing field ``".len() + field.len())
            .then(|| t!("toml-missing-field", field = field));
    }
    if let Some(field) = quoted_after(m, "duplicate field `") {
        return Some(t!("toml-duplicate-field", field = field));
    }
    for (prefix, kind) in [
        ("unknown field `", "field"),
        ("unknown variant `", "variant"),
    ] {
        let Some(name) = quoted_after(m, prefix) else {
            continue;
        };
        let rest = &m[prefix.len() + name.len() + 1..];
        let choices = if let Some(list) = rest.strip_prefix(", expected one of ") {
            list.to_string()
        } else if let Some(one) = rest.strip_prefix(", expected ") {
            one.to_string()
        } else if rest == ", there are no fields" || rest == ", there are no variants" {
            String::new()
        } else {
            return None;
        };
        let count = choices.split(", ").count();
        let choices = list_words(&choices);
        return Some(match (kind, choices.is_empty()) {
            ("field", false) => t!(
                "toml-unknown-field",
                name = name,
                choices = choices,
                count = count
            ),
            ("field", true) => t!("toml-unknown-field-none", name = name),
            (_, false) => t!(
                "toml-unknown-variant",
                name = name,
                choices = choices,
                count = count
            ),
            (_, true) => t!("toml-unknown-variant-none", name = name),
        });
    }
    None
}

/// The text between `prefix` (which ends in a backtick) and the next one.
fn quoted_after<'a>(m: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = m.strip_prefix(prefix)?;
    rest.split_once('`').map(|(name, _)| name)
}

/// "`a`, `b`" as the language lists things ("`a`、`b`" in Chinese).
fn list_words(list: &str) -> String {
    let items: Vec<&str> = list.split(", ").collect();
    items.join(&t!("toml-list-separator"))
}

/// serde's `Unexpected` ("string \"五\"", "integer `7`", "map") in words.
fn found_words(found: &str) -> String {
    const KINDS: [(&str, &str); 6] = [
        ("string ", "string"),
        ("integer ", "integer"),
        ("floating point ", "float"),
        ("boolean ", "boolean"),
        ("character ", "character"),
        ("other ", "other"),
    ];
    for (prefix, kind) in KINDS {
        if let Some(value) = found.strip_prefix(prefix) {
            return match kind {
                "string" => t!("toml-found-string", value = value),
                "integer" => t!("toml-found-integer", value = value),
                "float" => t!("toml-found-float", value = value),
                "boolean" => t!("toml-found-boolean", value = value),
                "character" => t!("toml-found-character", value = value),
                _ => found.to_string(),
            };
        }
    }
    match found {
        "sequence" => t!("toml-found-list"),
        "map" => t!("toml-found-table"),
        "unit value" => t!("toml-found-nothing"),
        _ => found.to_string(),
    }
}

/// What a field wants, from a Rust type name or a visitor's description,
/// in plain words.
fn expected_words(expected: &str) -> String {
    match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
        | "usize" => t!("toml-expected-whole-number"),
        "f32" | "f64" => t!("toml-expected-number"),
        "a string" | "a borrowed string" | "string" => t!("toml-expected-string"),
        "a boolean" => t!("toml-expected-boolean"),
        "a character" | "char" => t!("toml-expected-character"),
        "a sequence" => t!("toml-expected-list"),
        "a map" => t!("toml-expected-table"),
        "a string or a list of strings" => t!("toml-expected-string-or-list"),
        "a TOML datetime" | "a datetime" => t!("toml-expected-datetime"),
        _ if expected.starts_with("struct ") => t!("toml-expected-table"),
        _ if expected.starts_with("a sequence of ") || expected.starts_with("an array of ") => {
            t!("toml-expected-list")
        }
        _ => expected.to_string(),
    }
}

/// A TOML syntax error ("string values must be quoted, expected literal
/// string"): its description, and what the parser wanted there.
fn syntax_message(m: &str) -> String {
    let (description, expected) = match m.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (m, None),
    };
    // Unquoted text: the parser wanting a literal string says nothing
    // more to the desk than "quote it".
    if description == "string values must be quoted" {
        return match expected {
            Some(expected) => t!("toml-syntax-unquoted-string-expected", expected = expected),
            None => t!("toml-syntax-unquoted-string"),
        };
    }
    let Some(description) = syntax_description(description) else {
        return t!("toml-syntax-other", text = m);
    };
    match expected {
        None => description,
        Some(expected) => {
            let items: Vec<String> = expected.split(", ").map(syntax_expected).collect();
            t!(
                "toml-syntax-expected",
                description = description,
                expected = items.join(&t!("toml-list-separator"))
            )
        }
    }
}

fn syntax_description(d: &str) -> Option<String> {
    Some(match d {
        "duplicate key" => t!("toml-syntax-duplicate-key"),
        "invalid string" => t!("toml-syntax-invalid-string"),
        "invalid basic string" => t!("toml-syntax-invalid-basic-string"),
        "invalid multi-line basic string" => t!("toml-syntax-invalid-multiline-string"),
        "invalid literal string" => t!("toml-syntax-invalid-literal-string"),
        "invalid unquoted key" => t!("toml-syntax-invalid-key"),
        "invalid key" => t!("toml-syntax-invalid-key"),
        "key with no value" => t!("toml-syntax-key-without-value"),
        "missing value" | "missing value for key" => t!("toml-syntax-missing-value"),
        "invalid value" => t!("toml-syntax-invalid-value"),
        "missing assignment between key-value pairs" => t!("toml-syntax-missing-assignment"),
        "extra assignment between key-value pairs" | "extra `=`" => {
            t!("toml-syntax-extra-assignment")
        }
        "missing comma between array elements" => t!("toml-syntax-missing-comma-array"),
        "missing comma between key-value pairs" => t!("toml-syntax-missing-comma-table"),
        "extra comma in array" | "extra comma in inline table" => t!("toml-syntax-extra-comma"),
        "unclosed array" => t!("toml-syntax-unclosed-array"),
        "unclosed table" | "unclosed array table" => t!("toml-syntax-unclosed-table"),
        "unclosed inline table" => t!("toml-syntax-unclosed-inline-table"),
        "missing opening quote" => t!("toml-syntax-missing-opening-quote"),
        "missing escaped value" | "too few unicode value digits" => t!("toml-syntax-bad-escape"),
        "unexpected content" | "unexpected key or value" => t!("toml-syntax-unexpected-content"),
        "unexpected content between comment and newline" => t!("toml-syntax-unexpected-content"),
        "invalid comment character" => t!("toml-syntax-invalid-comment"),
        "unexpected leading zero" => t!("toml-syntax-leading-zero"),
        "carriage return must be followed by newline" => t!("toml-syntax-lone-carriage-return"),
        "integer number overflowed" | "u64 value was too large" => {
            t!("toml-syntax-number-too-large")
        }
        "unquoted keys cannot be empty" => t!("toml-syntax-empty-key"),
        "invalid key-value pair" => t!("toml-syntax-invalid-pair"),
        "cannot recurse further; max recursion depth met" => t!("toml-syntax-too-deep"),
        "invalid date" => t!("toml-syntax-invalid-date"),
        "invalid time" => t!("toml-syntax-invalid-time"),
        "invalid offset" => t!("toml-syntax-invalid-offset"),
        "invalid datetime" => t!("toml-syntax-invalid-datetime"),
        _ => return None,
    })
}

/// One thing the TOML parser wanted: a literal (`"`, `=`) stays as it is,
/// a description is put in words.
fn syntax_expected(item: &str) -> String {
    match item {
        "literal string" => t!("toml-want-literal-string"),
        "basic string" => t!("toml-want-basic-string"),
        "multi-line basic string" => t!("toml-want-multiline-string"),
        "key" => t!("toml-want-key"),
        "value" => t!("toml-want-value"),
        "digits" | "numbers" => t!("toml-want-digits"),
        "nothing" => t!("toml-want-nothing"),
        "letters" => t!("toml-want-letters"),
        "a four-digit year (YYYY)" => t!("toml-want-year"),
        "a two-digit month (MM)" => t!("toml-want-two-digit", unit = date_unit("month")),
        "a two-digit day (DD)" => t!("toml-want-two-digit", unit = date_unit("day")),
        "a two-digit hour (HH)" => t!("toml-want-two-digit", unit = date_unit("hour")),
        "a two-digit minute (MM)" => t!("toml-want-two-digit", unit = date_unit("minute")),
        "a two-digit second (SS)" => t!("toml-want-two-digit", unit = date_unit("second")),
        _ => {
            if let Some((unit, range)) = item.split_once(" between ")
                && let Some((low, high)) = range.split_once(" and ")
            {
                return t!(
                    "toml-want-between",
                    unit = date_unit(unit),
                    low = low,
                    high = high
                );
            }
            date_unit(item)
        }
    }
}

/// A part of a date or time, as the TOML date parser names it.
fn date_unit(unit: &str) -> String {
    match unit {
        "year or hour" => t!("toml-unit-year-or-hour"),
        "month" => t!("toml-unit-month"),
        "day" => t!("toml-unit-day"),
        "hour" => t!("toml-unit-hour"),
        "minute" => t!("toml-unit-minute"),
        "second" => t!("toml-unit-second"),
        "nanosecond" => t!("toml-unit-nanosecond"),
        _ => unit.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_type_names_become_plain_words_and_the_rest_stays() {
        assert_eq!(
            plain("invalid type: string \"五\", expected u32"),
            "invalid type: string \"五\", expected a whole number"
        );
        assert_eq!(
            plain("invalid type: integer `7`, expected a string"),
            "invalid type: integer `7`, expected a string"
        );
        assert_eq!(plain("missing field `paper`"), "missing field `paper`");
        assert_eq!(
            plain("unknown field `papr`, expected one of `paper`, `date`"),
            "unknown field `papr`, expected one of `paper`, `date`"
        );
        assert_eq!(plain("duplicate key"), "duplicate key");
        assert_eq!(
            plain("string values must be quoted, expected literal string"),
            "string values must be quoted, expected literal string"
        );
        assert_eq!(plain("something new"), "something new");
    }
}
