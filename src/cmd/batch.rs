//! `banmian build` with several editions: runs the library's parallel batch
//! and shows its progress — a bar on a terminal, one plain line per edition
//! otherwise (logs, CI) — then a summary that lists every failure.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use banmian::batch::build_many;
use banmian::build::{BuildOptions, BuildReport, Builder};
use banmian::{Error, t};
use indicatif::{ProgressBar, ProgressStyle};

/// Builds `dirs` with `jobs` threads; exit 1 if any edition failed.
pub fn run(
    builder: &Builder,
    dirs: &[PathBuf],
    options: &BuildOptions,
    jobs: usize,
    verbose: bool,
    start: Instant,
) -> Result<ExitCode, Error> {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(dirs.len() as u64);
        // The bar's fields are given to the message as its arguments.
        let template = t!(
            "run-batch-progress",
            bar = "{bar:30}",
            pos = "{pos}",
            len = "{len}",
            elapsed = "{elapsed}",
            msg = "{msg}"
        );
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        bar
    });
    let line = |text: String| match &bar {
        Some(bar) => bar.println(text),
        None => eprintln!("{text}"),
    };
    let done = |dir: &Path, result: &Result<BuildReport, Error>| {
        match result {
            Ok(report) => {
                if verbose {
                    super::print_report(report, true);
                }
                if bar.is_none() || verbose {
                    line(t!(
                        "run-batch-built",
                        id = &report.edition.id,
                        pages = report.outputs.len(),
                        warnings = report.warnings.len() + report.preflight.len()
                    ));
                }
            }
            Err(e) => line(t!(
                "run-batch-failed-one",
                dir = dir.display(),
                error = first_line(e)
            )),
        }
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let results = build_many(builder, dirs, options, jobs, &done);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    summarise(dirs, &results, jobs, verbose, start)
}

/// Prints every page written and a summary line, then every failure with
/// its whole message; exit 1 if any edition failed.
fn summarise(
    dirs: &[PathBuf],
    results: &[Result<BuildReport, Error>],
    jobs: usize,
    verbose: bool,
    start: Instant,
) -> Result<ExitCode, Error> {
    let mut pages = 0;
    let mut warnings = 0;
    let mut failed = Vec::new();
    for (dir, result) in dirs.iter().zip(results) {
        match result {
            Ok(report) => {
                pages += report.outputs.len();
                warnings += report.warnings.len() + report.preflight.len();
                for path in report.outputs.iter().chain(&report.edition_files) {
                    println!("{}", path.display());
                }
            }
            Err(e) => failed.push((dir, e)),
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let hidden = if warnings > 0 && !verbose {
        t!("run-batch-warnings-hidden", warnings = warnings)
    } else {
        String::new()
    };
    let summary = t!(
        "run-batch-summary",
        built = dirs.len() - failed.len(),
        total = dirs.len(),
        pages = pages,
        secs = format!("{secs:.2}"),
        jobs = jobs,
        rate = format!("{:.1}", pages as f64 / secs),
        hidden = hidden
    );
    eprintln!("{summary}");
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("{}", t!("run-batch-failed", n = failed.len()));
    for (dir, e) in &failed {
        let text = e.to_string();
        eprintln!(
            "{}\n  {}",
            t!("run-batch-failure", dir = dir.display()),
            text.trim_end().replace('\n', "\n  ")
        );
    }
    Ok(ExitCode::from(1))
}

fn first_line(e: &Error) -> String {
    let text = e.to_string();
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}
