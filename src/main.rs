//! The `banmian` command: parses arguments and dispatches; the work is in
//! the library.

mod cli;
mod cmd;
mod cmd_archive;
mod cmd_batch;
mod cmd_watch;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    banmian::fonts::guard_bus_errors();
    let result = match cli.command {
        cli::Command::Build(args) => cmd::build(args),
        cli::Command::Watch(args) => cmd_watch::watch(args),
        cli::Command::Check(args) => cmd::check(args),
        cli::Command::Preflight(args) => cmd::preflight(args),
        cli::Command::Fonts(args) => cmd::fonts(args),
        cli::Command::Archive(args) => cmd_archive::archive(args),
        cli::Command::Regenerate(args) => cmd_archive::regenerate(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            let text = err.to_string();
            let text = text.trim_end();
            if matches!(err, banmian::Error::Template(_)) {
                eprintln!("{text}");
            } else {
                eprintln!("error: {text}");
            }
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
