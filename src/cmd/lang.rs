//! Which language the desk reads: `--lang` on the command line, else the
//! locale. Found before clap parses anything, so that `--help` and clap's
//! own errors are already in that language.

use std::ffi::OsString;

use banmian::i18n::Lang;

/// The language asked for by `--lang zh|en` (or `--lang=…`), else by
/// `LC_ALL`, `LC_MESSAGES` or `LANG`.
pub fn requested() -> Lang {
    from_args(std::env::args_os().skip(1)).unwrap_or_else(Lang::from_env)
}

fn from_args(args: impl Iterator<Item = OsString>) -> Option<Lang> {
    let mut args = args.map(|a| a.to_string_lossy().into_owned());
    let mut found = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            found = args.next().and_then(|v| Lang::from_tag(&v)).or(found);
        } else if let Some(v) = arg.strip_prefix("--lang=") {
            found = Lang::from_tag(v).or(found);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Option<Lang> {
        from_args(list.iter().map(OsString::from))
    }

    #[test]
    fn the_last_lang_option_wins_and_stops_at_double_dash() {
        assert_eq!(args(&["build", "--lang", "zh", "ed"]), Some(Lang::Zh));
        assert_eq!(args(&["--lang=zh", "--lang=en"]), Some(Lang::En));
        assert_eq!(args(&["build", "ed"]), None);
        assert_eq!(args(&["build", "--", "--lang", "zh"]), None);
    }
}
