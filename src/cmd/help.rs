//! The command line in the desk's language: clap reads the arguments, the
//! help texts and argument errors come from the Fluent catalogue when the
//! language is Chinese (the doc comments in [`super::cli`] are the English).
//!
//! In Chinese the [`Cli`] command tree is rewritten before it parses:
//! each command's about from `help-<path>` (`help-banmian` for the top,
//! `help-build`, `help-archive-diff`), each argument's help from
//! `help-<path>-<arg>` or else the shared `help-arg-<arg>`, and clap's own
//! words (headings, `[OPTIONS]`, the built-in `--help`, `--version` and
//! `help`, `[default: …]`) from `cli-clap-…`. Argument errors are written
//! by [`Chinese`](super::clap_errors::Chinese) from the error's kind and context. In English nothing is
//! touched: clap prints exactly what it always did.

use std::ffi::OsString;
use std::path::Path;
use std::sync::OnceLock;

use banmian::i18n::{self, Lang};
use banmian::t;
use clap::builder::{StyledStr, Styles};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::clap_errors::Chinese;
use super::cli::Cli;

/// Parses the command line; prints help, the version or an argument
/// error (exit 2) in the current language and exits when that is what it
/// comes to.
pub fn parse() -> Cli {
    if i18n::lang() != Lang::Zh {
        let matches = Cli::command().get_matches();
        return Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    }
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut command = localised(bin_name(&args));
    match command.try_get_matches_from_mut(args) {
        Ok(matches) => Cli::from_arg_matches(&matches)
            .unwrap_or_else(|e| e.format(&mut command).apply::<Chinese>().exit()),
        Err(e) => e.apply::<Chinese>().exit(),
    }
}

/// The program's name as clap takes it from `argv[0]`, for usage lines.
fn bin_name(args: &[OsString]) -> Option<String> {
    let name = Path::new(args.first()?).file_name()?;
    name.to_str().map(str::to_string)
}

/// The [`Cli`] command with every text in the current language (meant for
/// Chinese), built and ready to parse.
fn localised(bin_name: Option<String>) -> Command {
    let mut command = Cli::command();
    if let Some(name) = bin_name {
        command = command.bin_name(name);
    }
    let root = command.get_name().to_string();
    let mut command = translate(command, &root, true);
    // Building adds clap's `--help`, `--version` and `help` and copies the
    // global options into the subcommands; their texts are set after.
    command.build();
    finish(command)
}

/// `COMMAND` in usage lines (clap keeps it for as long as the program).
fn command_placeholder() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| t!("cli-clap-command-placeholder"))
}

/// The message id path of subcommand `name` of the command at `parent`.
fn child_path(root: bool, parent: &str, name: &str) -> String {
    if root {
        name.to_string()
    } else {
        format!("{parent}-{name}")
    }
}

/// The Chinese help of argument `id` (clap's id, `_` for `-`) of the
/// command at `path`: its own, else the one its kind shares.
fn arg_help(path: &str, id: &str) -> Option<String> {
    let id = id.replace('_', "-");
    [format!("help-{path}-{id}"), format!("help-arg-{id}")]
        .into_iter()
        .find(|id| i18n::has(id))
        .map(|id| i18n::message(&id, &[]))
}

/// Sets the about of the command at `path` (the top one's is its name) and
/// the help of its arguments, then does the same for its subcommands.
fn translate(mut command: Command, path: &str, root: bool) -> Command {
    let about = format!("help-{path}");
    if i18n::has(&about) {
        let text = i18n::message(&about, &[]);
        if command.get_long_about().is_some() {
            command = command.long_about(text.clone());
        }
        command = command.about(text);
    }
    if command.has_subcommands() {
        command = command.subcommand_value_name(command_placeholder());
    }
    command = command.mut_args(|arg| translate_arg(arg, path));
    command.mut_subcommands(|sub| {
        let sub_path = child_path(root, path, sub.get_name());
        translate(sub, &sub_path, false)
    })
}

/// One argument's help in the current language, its default value written
/// into it and the possible values' list left to the text (their meaning
/// is told there).
fn translate_arg(mut arg: Arg, path: &str) -> Arg {
    let Some(mut text) = arg_help(path, arg.get_id().as_str()) else {
        return arg;
    };
    let takes_values = arg.get_action().takes_values();
    let defaults = arg.get_default_values();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let value = defaults
            .iter()
            .map(|v| v.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ");
        text.push_str(&t!("cli-clap-default", value = value));
        arg = arg.hide_default_value(true);
    }
    if arg.get_long_help().is_some() {
        arg = arg.long_help(text.clone());
    }
    if takes_values && !arg.get_possible_values().is_empty() {
        arg = arg.hide_possible_values(true);
    }
    arg.help(text)
}

/// After the build: clap's own arguments and `help` subcommand, the usage
/// line and the headings, for `command` and all below it.
fn finish(mut command: Command) -> Command {
    if command.has_subcommands() && command.get_subcommand_value_name().is_none() {
        command = command.subcommand_value_name(command_placeholder());
    }
    let usage = usage_line(&command.render_usage(), command.get_styles());
    let template = template(&command);
    command = command
        .override_usage(usage)
        .help_template(template)
        .mut_args(|arg| match arg.get_action() {
            ArgAction::Help => {
                if arg.get_long_help().is_some() {
                    arg.help(t!("cli-clap-help-short"))
                        .long_help(t!("cli-clap-help-long"))
                } else {
                    arg.help(t!("cli-clap-help"))
                }
            }
            ArgAction::Version => arg.help(t!("cli-clap-version")),
            _ => arg,
        });
    command.mut_subcommands(|sub| {
        // clap's `help` subcommand (no command of banmian is called so).
        let sub = if sub.get_name() == "help" {
            sub.about(t!("cli-clap-help-command")).mut_args(|arg| {
                if arg.get_id() == "subcommand" {
                    arg.help(t!("cli-clap-help-command-arg"))
                } else {
                    arg
                }
            })
        } else {
            sub
        };
        finish(sub)
    })
}

/// clap's usage line without its English title, `[OPTIONS]` in Chinese and
/// a second line indented under the first after the shorter 用法： title.
fn usage_line(usage: &StyledStr, styles: &Styles) -> StyledStr {
    let style = styles.get_usage();
    let text = usage.ansi().to_string();
    let title = format!("{}Usage:{} ", style.render(), style.render_reset());
    let text = text
        .strip_prefix(&title)
        .or_else(|| text.strip_prefix("Usage: "))
        .unwrap_or(&text);
    text.replace("[OPTIONS]", &t!("cli-clap-options-placeholder"))
        .replace("\n       ", "\n      ")
        .into()
}

/// The help layout of clap, with the headings in the current language.
fn template(command: &Command) -> StyledStr {
    let styles = command.get_styles();
    let header = styles.get_header();
    let usage = styles.get_usage();
    let mut sections = Vec::new();
    if command
        .get_subcommands()
        .any(|sub| sub.get_name() != "help" && !sub.is_hide_set())
    {
        let heading = t!("cli-clap-commands");
        sections.push(format!("{header}{heading}{header:#}\n{{subcommands}}"));
    }
    if command.get_positionals().any(|arg| !arg.is_hide_set()) {
        let heading = t!("cli-clap-arguments");
        sections.push(format!("{header}{heading}{header:#}\n{{positionals}}"));
    }
    if command
        .get_arguments()
        .any(|arg| !arg.is_positional() && !arg.is_hide_set())
    {
        let heading = t!("cli-clap-options");
        sections.push(format!("{header}{heading}{header:#}\n{{options}}"));
    }
    let heading = t!("cli-clap-usage");
    let mut template =
        format!("{{before-help}}{{about-with-newline}}\n{usage}{heading}{usage:#}{{usage}}");
    if !sections.is_empty() {
        template.push_str("\n\n");
        template.push_str(&sections.join("\n\n"));
    }
    template.push_str("{after-help}");
    template.into()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::error::ErrorKind;

    use super::*;

    /// Every command below `command` (clap's `help` left out), with its
    /// message id path.
    fn walk(command: &Command, path: &str, root: bool, out: &mut Vec<(String, Command)>) {
        out.push((path.to_string(), command.clone()));
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, &child_path(root, path, sub.get_name()), false, out);
        }
    }

    fn commands(command: &Command) -> Vec<(String, Command)> {
        let mut out = Vec::new();
        walk(command, command.get_name(), true, &mut out);
        out
    }

    /// The ASCII words of `text` that are neither names (options, value
    /// names, file names, commands, values, standards) nor `literals`.
    fn english_words(text: &str) -> Vec<String> {
        const NAMES: &[&str] = &[
            "banmian",
            "build",
            "watch",
            "check",
            "preflight",
            "fonts",
            "archive",
            "regenerate",
            "help",
            "list",
            "show",
            "search",
            "reindex",
            "verify",
            "diff",
            "pdf",
            "png",
            "svg",
            "print",
            "proof",
            "cmyk",
            "gray",
            "zh",
            "en",
            "PDF",
            "PNG",
            "SVG",
            "JSON",
            "UTF",
            "Typst",
            "Ghostscript",
            "LANG",
            "Ctrl",
            "YYYY",
            "MM",
            "DD",
            "ppi",
            "mm",
        ];
        let outside_literals: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        outside_literals
            .split(|c: char| c.is_whitespace() || !c.is_ascii())
            .filter(|token| !token.starts_with('-') && !token.contains(['<', '.', '/', '_']))
            .filter(|token| !is_value_name(token))
            .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
            .filter(|word| word.len() > 1 && !NAMES.contains(word))
            .map(str::to_string)
            .collect()
    }

    /// An optional positional's `[NAME]` (not clap's `[OPTIONS]`, which
    /// has its Chinese).
    fn is_value_name(token: &str) -> bool {
        let name = token.strip_prefix('[').and_then(|t| t.strip_suffix(']'));
        name.is_some_and(|n| n != "OPTIONS" && n.chars().all(|c| c.is_ascii_uppercase()))
    }

    fn error(args: &[&str]) -> (ErrorKind, i32, String) {
        i18n::set_lang(Lang::Zh);
        let err = localised(Some("banmian".into()))
            .try_get_matches_from(args)
            .unwrap_err()
            .apply::<Chinese>();
        (err.kind(), err.exit_code(), err.render().to_string())
    }

    #[test]
    fn every_command_and_argument_has_a_chinese_help() {
        i18n::set_lang(Lang::Zh);
        let mut command = Cli::command();
        command.build();
        let mut missing = Vec::new();
        let mut used = BTreeSet::new();
        for (path, command) in commands(&command) {
            let about = format!("help-{path}");
            if i18n::has(&about) {
                used.insert(about);
            } else if !command.is_hide_set() {
                missing.push(about);
            }
            for arg in command.get_arguments() {
                if arg.is_hide_set()
                    || matches!(arg.get_action(), ArgAction::Help | ArgAction::Version)
                {
                    continue;
                }
                let id = arg.get_id().as_str().replace('_', "-");
                let ids = [format!("help-{path}-{id}"), format!("help-arg-{id}")];
                match ids.iter().find(|id| i18n::has(id)) {
                    Some(id) => {
                        used.insert(id.clone());
                    }
                    None => missing.push(ids.join(" or ")),
                }
            }
        }
        assert!(missing.is_empty(), "no Chinese help: {missing:#?}");
        // And no `help-…` message is left over from a renamed argument.
        let defined: BTreeSet<String> = [
            include_str!("../../i18n/zh-CN/cli.ftl"),
            include_str!("../../i18n/zh-CN/shard.ftl"),
        ]
        .iter()
        .flat_map(|file| file.lines())
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id.trim().to_string())
        .filter(|id| id.starts_with("help-"))
        .collect();
        let unused: Vec<_> = defined.difference(&used).collect();
        assert!(unused.is_empty(), "never used: {unused:?}");
    }

    #[test]
    fn the_chinese_help_has_no_english_left() {
        assert_eq!(
            english_words("Usage: banmian [OPTIONS]"),
            ["Usage", "OPTIONS"]
        );
        i18n::set_lang(Lang::Zh);
        let command = localised(Some("banmian".into()));
        let mut all = commands(&command);
        all.extend(
            command
                .find_subcommand("help")
                .map(|h| ("help".to_string(), h.clone())),
        );
        for (path, mut command) in all {
            for help in [command.render_help(), command.render_long_help()] {
                let help = help.to_string();
                assert_eq!(
                    english_words(&help),
                    Vec::<String>::new(),
                    "{path}:\n{help}"
                );
            }
        }
        // What `build --help` prints: in Chinese no option has a long help.
        let mut build = command.find_subcommand("build").unwrap().clone();
        let build = build.render_help().to_string();
        for text in [
            "用法：banmian build [选项] <EDITION>...",
            "\n参数：\n  <EDITION>...  ",
            "\n选项：\n  -j, --jobs <N>  ",
            "（默认：pdf）",
            "（默认：150）",
            "  -h, --help                 显示帮助",
        ] {
            assert!(build.contains(text), "{text:?} in\n{build}");
        }
        let top = command.clone().render_help().to_string();
        assert!(
            top.contains("用法：banmian [选项] <命令>\n\n命令：\n  build  "),
            "{top}"
        );
        assert!(top.contains("  -V, --version      显示版本号"), "{top}");
    }

    #[test]
    fn help_and_version_are_printed_as_clap_does() {
        let (kind, code, text) = error(&["banmian", "archive", "--help"]);
        assert_eq!((kind, code), (ErrorKind::DisplayHelp, 0));
        assert!(
            text.contains("用法：banmian archive [选项] <EDITION>\n      banmian archive <命令>"),
            "{text}"
        );
        let (kind, code, text) = error(&["banmian", "-V"]);
        assert_eq!((kind, code), (ErrorKind::DisplayVersion, 0));
        assert!(text.starts_with("banmian "), "{text}");
        let (kind, code, _) = error(&["banmian"]);
        assert_eq!(
            (kind, code),
            (ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand, 2)
        );
    }

    #[test]
    fn an_unknown_option_is_told_in_chinese_with_the_likely_one() {
        let (kind, code, text) = error(&["banmian", "build", "--colr", "gray", "x"]);
        assert_eq!((kind, code), (ErrorKind::UnknownArgument, 2));
        assert_eq!(
            text,
            "错误：不认识的选项 `--colr`，是不是 `--colour`？\n\n\
             用法：banmian build [选项] <EDITION>...\n\n\
             要看帮助，请用 --help\n"
        );
        let (_, _, text) = error(&["banmian", "buld", "x"]);
        assert!(
            text.starts_with("错误：没有 `buld` 这个命令，是不是 `build`？"),
            "{text}"
        );
        let (_, _, text) = error(&["banmian", "build", "a", "b", "--json"]);
        assert!(
            text.contains("提示：如果 `--json` 是要给的值而不是选项，请写成 `-- --json`"),
            "{text}"
        );
        assert_eq!(english_words(&text), Vec::<String>::new(), "{text}");
    }

    #[test]
    fn a_refused_value_says_why_in_chinese() {
        for (args, why) in [
            (
                &["banmian", "build", "--ppi", "5", "x"][..],
                "`--ppi <PPI>` 的值 `5` 无效：应在 10 到 1200 ppi 之间",
            ),
            (
                &["banmian", "build", "--ppi", "abc", "x"],
                "`--ppi <PPI>` 的值 `abc` 无效：应为数字",
            ),
            (
                &["banmian", "build", "-j", "0", "x"],
                "`--jobs <N>` 的值 `0` 无效：应在 1 到 256 之间",
            ),
            (
                &["banmian", "preflight", "x", "--ink-limit", "50"],
                "总墨量上限应在 100 到 400（百分比）之间",
            ),
            (
                &["banmian", "preflight", "x", "--min-ppi", "nan"],
                "分辨率应在 1 到 10000 ppi 之间",
            ),
            (
                &["banmian", "archive", "list", "--from", "2021-13-01"],
                "不是有效的日期，应写成 2021-03-01 这样",
            ),
            (
                &["banmian", "archive", "diff", "e", "0", "1"],
                "`<FROM>` 的值 `0` 无效：不能小于 1",
            ),
            (
                &["banmian", "archive", "show", "e", "--revision", "x"],
                "应为整数",
            ),
            (
                &["banmian", "build", "--colour", "grey", "x"],
                "`--colour <COLOUR>` 不接受 `grey` 这个值，是不是 `gray`？\n  可用的值：cmyk、gray",
            ),
            (
                &["banmian", "build", "--output"],
                "`--output <DIR>` 后面缺少值",
            ),
            (&["banmian", "build"], "缺少必需的参数：\n  <EDITION>..."),
            (
                &["banmian", "build", "--ppi=20", "--ppi=30", "x"],
                "`--ppi <PPI>` 只能给一次",
            ),
            (
                &["banmian", "archive", "x", "list"],
                "命令 `list` 不能和 `<EDITION>` 一起用",
            ),
        ] {
            let (_, code, text) = error(args);
            assert_eq!(code, 2, "{args:?}");
            assert!(text.starts_with("错误："), "{args:?}: {text}");
            assert!(text.contains(why), "{args:?}: {text}");
            assert_eq!(english_words(&text), Vec::<String>::new(), "{text}");
        }
    }
}
