//! The Fluent files, compiled into the binary, and the bundles made of
//! them. One file per area of the program, the same files in each language.

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

use super::Lang;

macro_rules! files {
    ($($name:literal),* $(,)?) => {
        /// Each area's file name with its English and Chinese text.
        pub(super) const FILES: &[(&str, &str, &str)] = &[$(
            (
                $name,
                include_str!(concat!("../../i18n/en/", $name)),
                include_str!(concat!("../../i18n/zh-CN/", $name)),
            ),
        )*];
    };
}

files!(
    "common.ftl",
    "cli.ftl",
    "content.ftl",
    "layout.ftl",
    "preflight.ftl",
    "check.ftl",
    "archive.ftl",
    "store.ftl",
    "run.ftl",
    "toml.ftl",
    "shard.ftl",
);

/// The text of every file in `lang`, with its name.
pub(super) fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().map(move |(name, en, zh)| match lang {
        Lang::En => (*name, *en),
        Lang::Zh => (*name, *zh),
    })
}

/// The bundle of `lang`'s messages. Bidi isolation marks are off: messages
/// go to terminals and logs, where they would show as stray characters.
pub(super) fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let tag = match lang {
        Lang::En => "en-US",
        Lang::Zh => "zh-CN",
    };
    let locale: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        // A broken file is caught by the catalogue tests; what parses of it
        // is still used rather than leaving the desk without messages.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}
