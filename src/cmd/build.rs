//! `banmian build`: one edition, or many in parallel (see [`super::batch`]).

use std::process::ExitCode;
use std::time::Instant;

use banmian::batch::find_editions;
use banmian::{Error, t};

use super::cli::BuildArgs;
use super::{job, print_report};

/// `banmian build`: builds every page of one edition, or of many in
/// parallel, and reports warnings and corrections.
pub fn run(args: BuildArgs) -> Result<ExitCode, Error> {
    let start = Instant::now();
    let (builder, mut options) = job(&args.job)?;
    options.emit_typst = args.emit_typst.clone();
    let (dirs, skipped) = find_editions(&args.editions)?;
    for dir in &skipped {
        let text = t!("run-left-out", dir = dir.display());
        eprintln!("{}", t!("label-note", text = text));
    }
    if let [dir] = dirs.as_slice() {
        let report = builder.build(dir, &options)?;
        print_report(&report, args.job.verbose);
        for path in report.outputs.iter().chain(&report.edition_files) {
            println!("{}", path.display());
        }
        let text = t!(
            "run-built",
            pages = report.outputs.len(),
            id = &report.edition.id,
            secs = format!("{:.2}", start.elapsed().as_secs_f64())
        );
        eprintln!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    options.per_edition = true;
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    super::batch::run(&builder, &dirs, &options, jobs, args.job.verbose, start)
}
