//! The `banmian` command: parses arguments and dispatches; the work is in
//! the library.

mod cmd;

use std::process::ExitCode;

use banmian::t;

use cmd::cli::Command;

fn main() -> ExitCode {
    // The language first: `--help` and argument errors already speak it.
    banmian::i18n::set_lang(cmd::lang::requested());
    let cli = cmd::help::parse();
    banmian::fonts::guard_bus_errors();
    let result = match cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Watch(args) => cmd::watch::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Preflight(args) => cmd::preflight::run(args),
        Command::Fonts(args) => cmd::fonts::run(args),
        Command::Archive(args) => cmd::archive::run(args),
        Command::Regenerate(args) => cmd::regenerate::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            let text = err.to_string();
            let text = text.trim_end();
            if matches!(err, banmian::Error::Template(_)) {
                eprintln!("{text}");
            } else {
                eprintln!("{}", t!("label-error", text = text));
            }
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
