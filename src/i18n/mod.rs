//! Every message a user reads, in the desk's language: Simplified Chinese
//! when the locale is Chinese (`LC_ALL`, `LC_MESSAGES` or `LANG` = `zh_*`)
//! or `--lang zh`, English otherwise. The texts live in Project Fluent
//! files (`i18n/en/*.ftl`, `i18n/zh-CN/*.ftl`, compiled in); code names a
//! message by its id through [`t!`](crate::t) and never spells its words.

mod args;
mod catalogue;

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use args::IntoArg;

/// The languages banmian speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English: the default, and the language of the code's comments.
    En,
    /// Simplified Chinese, for the desk.
    Zh,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language a `--lang` value or a locale (`zh_CN.UTF-8`, `zh`,
    /// `en_US`, `C`) names; `None` for an empty one, English for any other.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        if tag.is_empty() {
            return None;
        }
        let lower = tag.to_ascii_lowercase();
        Some(
            if lower == "zh"
                || lower.starts_with("zh_")
                || lower.starts_with("zh-")
                || lower.starts_with("zh.")
            {
                Lang::Zh
            } else {
                Lang::En
            },
        )
    }

    /// The language the environment asks for, as POSIX orders it: the first
    /// non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`; English without one.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|key| std::env::var(key).ok().and_then(|v| Lang::from_tag(&v)))
            .unwrap_or(Lang::En)
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Zh => 1,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `lang` the language of every message from now on (the CLI calls
/// it once, before it parses its arguments; the library's own default is
/// English).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang.index() as u8, Ordering::Relaxed);
}

/// The language messages are written in.
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| catalogue::bundle(lang))
}

/// The message `id` in the current language with `args` filled in. A
/// message missing from the Chinese files falls back to English, one
/// missing from both to its id (the catalogue tests keep both complete).
pub fn message(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    message_in(lang(), id, args)
}

/// [`message`] in a given language.
pub fn message_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
            return text.into_owned();
        }
    }
    debug_assert!(false, "no message {id}");
    id.to_string()
}

/// Whether the current language has a message `id` (for texts with an
/// optional translation, such as a subcommand's `--help`).
pub fn has(id: &str) -> bool {
    bundle(lang()).has_message(id)
}

/// A message by id, with named arguments: `t!("overset", page = 5)`.
/// Arguments take strings, numbers, paths and locations
/// ([`IntoArg`](crate::i18n::IntoArg)).
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::IntoArg::into_arg($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
