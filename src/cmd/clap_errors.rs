//! clap's argument errors in the desk's language: written from the
//! error's kind and context (the option, the value, clap's suggestion) with
//! the catalogue's `cli-clap-…` messages, laid out as clap lays them out.

use std::error::Error as _;
use std::num::{IntErrorKind, ParseIntError};

use banmian::t;
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};

/// Writes clap's argument errors in the current language (meant for
/// Chinese), from the error's kind and context.
pub struct Chinese;

impl ErrorFormatter for Chinese {
    fn format_error(error: &Error<Self>) -> StyledStr {
        render_error(error).into()
    }
}

/// A context entry's text.
fn string<F: ErrorFormatter>(error: &Error<F>, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(" ")),
        _ => None,
    }
}

/// A context entry's values, each quoted, joined by `separator`.
fn quoted<F: ErrorFormatter>(
    error: &Error<F>,
    kind: ContextKind,
    separator: &str,
) -> Option<String> {
    let list = match error.get(kind)? {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(list) => list.clone(),
        _ => return None,
    };
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|text| t!("cli-clap-quoted", text = text))
            .collect::<Vec<_>>()
            .join(separator)
    })
}

/// A context entry's values as a plain list (possible values, commands).
fn listed<F: ErrorFormatter>(error: &Error<F>, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::Strings(list) if !list.is_empty() => {
            Some(list.join(&t!("cli-clap-list-separator")))
        }
        _ => None,
    }
}

/// An argument error as clap lays it out: the error with the likely
/// intended option, command or value, the list of those allowed, clap's
/// tips, the usage line and where to find help.
fn render_error<F: ErrorFormatter>(error: &Error<F>) -> String {
    let mut lines = Vec::new();
    let headline = headline(error, &mut lines);
    let mut out = t!("label-error", text = headline);
    for line in lines {
        out.push('\n');
        out.push_str(&line);
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        if !tips.is_empty() {
            out.push('\n');
        }
        for tip in tips {
            out.push_str("\n  ");
            out.push_str(&t!("label-note", text = tip_text(&tip.to_string())));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str("\n\n");
        out.push_str(&t!("cli-clap-usage"));
        out.push_str(usage);
    }
    out.push_str("\n\n");
    out.push_str(&t!("cli-clap-try-help", flag = "--help"));
    out.push('\n');
    out
}

/// The error's first line, by its kind; indented lines that go under it
/// (the values or commands allowed, the arguments missing) go to `lines`.
fn headline<F: ErrorFormatter>(error: &Error<F>, lines: &mut Vec<String>) -> String {
    let arg = string(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(error, ContextKind::InvalidValue).unwrap_or_default();
    match error.kind() {
        ErrorKind::UnknownArgument | ErrorKind::InvalidSubcommand => unknown(error, &arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            bad_value(error, &arg, &value, lines)
        }
        ErrorKind::MissingRequiredArgument => {
            if let Some(ContextValue::Strings(missing)) = error.get(ContextKind::InvalidArg) {
                lines.extend(missing.iter().map(|m| format!("  {m}")));
            }
            t!("cli-clap-missing-arguments")
        }
        ErrorKind::MissingSubcommand => {
            if let Some(names) = listed(error, ContextKind::ValidSubcommand) {
                lines.push(format!(
                    "  {}",
                    t!("cli-clap-possible-commands", names = names)
                ));
            }
            let name = string(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            t!("cli-clap-missing-command", name = name)
        }
        ErrorKind::ArgumentConflict => conflict(error, &arg),
        ErrorKind::NoEquals => t!("cli-clap-no-equals", arg = arg),
        ErrorKind::TooManyValues => t!("cli-clap-too-many-values", arg = arg, value = value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => wrong_number(error, &arg),
        ErrorKind::InvalidUtf8 => t!("cli-clap-invalid-utf8"),
        _ => t!("cli-clap-unreadable"),
    }
}

/// An option, argument or command clap does not know, with its guess.
fn unknown<F: ErrorFormatter>(error: &Error<F>, arg: &str) -> String {
    let or = t!("cli-clap-or");
    if error.kind() == ErrorKind::InvalidSubcommand {
        let name = string(error, ContextKind::InvalidSubcommand).unwrap_or_default();
        return match quoted(error, ContextKind::SuggestedSubcommand, &or) {
            Some(tips) => t!("cli-clap-unknown-command-tip", name = name, tips = tips),
            None => t!("cli-clap-unknown-command", name = name),
        };
    }
    if !arg.starts_with('-') {
        return t!("cli-clap-extra-argument", arg = arg);
    }
    match quoted(error, ContextKind::SuggestedArg, &or) {
        Some(tips) => t!("cli-clap-unknown-option-tip", arg = arg, tips = tips),
        None => t!("cli-clap-unknown-option", arg = arg),
    }
}

/// A value missing, not among those allowed, or refused by its parser.
fn bad_value<F: ErrorFormatter>(
    error: &Error<F>,
    arg: &str,
    value: &str,
    lines: &mut Vec<String>,
) -> String {
    if error.kind() == ErrorKind::ValueValidation {
        return match reason(error) {
            Some(reason) => t!(
                "cli-clap-rejected-value",
                arg = arg,
                value = value,
                reason = reason
            ),
            None => t!("cli-clap-invalid-value", arg = arg, value = value),
        };
    }
    if value.is_empty() {
        return t!("cli-clap-missing-value", arg = arg);
    }
    if let Some(values) = listed(error, ContextKind::ValidValue) {
        lines.push(format!(
            "  {}",
            t!("cli-clap-possible-values", values = values)
        ));
    }
    let or = t!("cli-clap-or");
    match quoted(error, ContextKind::SuggestedValue, &or) {
        Some(tips) => t!(
            "cli-clap-invalid-value-tip",
            arg = arg,
            value = value,
            tips = tips
        ),
        None => t!("cli-clap-invalid-value", arg = arg, value = value),
    }
}

/// Too few or too many values for an option that takes a number of them.
fn wrong_number<F: ErrorFormatter>(error: &Error<F>, arg: &str) -> String {
    let number = |kind| match error.get(kind) {
        Some(ContextValue::Number(n)) => *n,
        _ => 0,
    };
    let expected = match error.kind() {
        ErrorKind::TooFewValues => number(ContextKind::MinValues),
        _ => number(ContextKind::ExpectedNumValues),
    };
    let actual = number(ContextKind::ActualNumValues);
    t!(
        "cli-clap-wrong-number-of-values",
        arg = arg,
        expected = expected,
        actual = actual
    )
}

/// An argument used twice, or with one it excludes.
fn conflict<F: ErrorFormatter>(error: &Error<F>, arg: &str) -> String {
    if !arg.is_empty() && string(error, ContextKind::PriorArg).as_deref() == Some(arg) {
        return t!("cli-clap-used-twice", arg = arg);
    }
    let separator = t!("cli-clap-list-separator");
    let others = quoted(error, ContextKind::PriorArg, &separator)
        .unwrap_or_else(|| t!("cli-clap-other-arguments"));
    match string(error, ContextKind::InvalidSubcommand) {
        Some(name) if arg.is_empty() => {
            t!("cli-clap-conflict-command", name = name, others = others)
        }
        _ => t!("cli-clap-conflict", arg = arg, others = others),
    }
}

/// Why a value parser refused a value: the catalogue's own parsers already
/// speak the current language; clap's integer parsers speak English, and
/// are told here from their error.
fn reason<F: ErrorFormatter>(error: &Error<F>) -> Option<String> {
    let source = error.source()?;
    if let Some(e) = source.downcast_ref::<ParseIntError>() {
        return Some(match e.kind() {
            IntErrorKind::Empty => t!("cli-clap-reason-empty"),
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => {
                t!("cli-clap-reason-too-large")
            }
            _ => t!("cli-clap-reason-not-integer"),
        });
    }
    let text = source.to_string();
    // clap's ranged integers: "0 is not in 1..=256".
    if let Some((value, bounds)) = text.split_once(" is not in ")
        && let Some((min, max)) = bounds.split_once("..=")
    {
        let unbounded = [
            u16::MAX.to_string(),
            u32::MAX.to_string(),
            u64::MAX.to_string(),
        ];
        return Some(if unbounded.iter().any(|m| m == max) {
            t!("cli-clap-reason-at-least", value = value, min = min)
        } else {
            t!("cli-clap-reason-range", value = value, min = min, max = max)
        });
    }
    Some(text)
}

/// clap's English tips under an error, in the current language.
fn tip_text(tip: &str) -> String {
    if let Some(rest) = tip.strip_prefix("to pass '")
        && let Some((arg, rest)) = rest.split_once("' as a value, use '")
    {
        let rest = rest.strip_suffix('\'').unwrap_or(rest);
        if rest == format!("-- {arg}") {
            return t!("cli-clap-tip-as-value", arg = arg);
        }
        if let Some(name) = rest.strip_suffix(&format!(" -- {arg}")) {
            return t!("cli-clap-tip-as-value-after", arg = arg, name = name);
        }
    }
    if let Some(rest) = tip.strip_prefix("subcommand '")
        && let Some(name) = rest.strip_suffix("' exists; to use it, remove the '--' before it")
    {
        return t!("cli-clap-tip-remove-dash-dash", name = name);
    }
    if let Some(usage) = tip
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix("' exists"))
    {
        return t!("cli-clap-tip-in-subcommand", usage = usage);
    }
    tip.to_string()
}
