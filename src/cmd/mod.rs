//! The subcommands' wiring: a few lines each between the CLI and the library.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

use banmian::Error;
use banmian::batch::find_editions;
use banmian::build::{BuildOptions, BuildReport, Builder};
use banmian::data::Proof;
use banmian::export::OutputFormat;
use banmian::fonts::Fonts;
use banmian::home::Home;
use banmian::preflight::{PictureMode, PrintSettings};

use crate::cli::{
    BuildArgs, CheckArgs, FontsArgs, HomeArgs, JobArgs, JobColour, PreflightArgs, PrintArgs,
    Profile,
};

fn home(args: &HomeArgs) -> Result<Home, Error> {
    Home::locate(args.layouts.as_deref(), args.fonts.as_deref())
}

/// The builder and options `build` and `watch` share.
pub fn job(args: &JobArgs) -> Result<(Builder, BuildOptions), Error> {
    if args.grid && args.format == OutputFormat::Pdf {
        return Err(Error::Usage(
            "--grid marks proofs: use it with --format png or --format svg".into(),
        ));
    }
    let profile = args.profile.unwrap_or(if args.format == OutputFormat::Pdf {
        Profile::Print
    } else {
        Profile::Proof
    });
    let builder = Builder::new(home(&args.home)?, args.home.system_fonts)?;
    let options = BuildOptions {
        format: args.format,
        ppi: args.ppi,
        out_dir: args.output.clone(),
        punct_fix: !args.no_punct_fix,
        proof: Proof { grid: args.grid },
        print: print_settings(&args.print)?,
        strict: args.print.strict,
        refuse: profile == Profile::Print,
        ..BuildOptions::default()
    };
    Ok((builder, options))
}

/// `banmian build`: builds every page of one edition, or of many in
/// parallel, and reports warnings and corrections.
pub fn build(args: BuildArgs) -> Result<ExitCode, Error> {
    let start = Instant::now();
    let (builder, mut options) = job(&args.job)?;
    options.emit_typst = args.emit_typst.clone();
    let (dirs, skipped) = find_editions(&args.editions)?;
    for dir in &skipped {
        eprintln!("note: {} is left out: no edition.toml in it", dir.display());
    }
    if let [dir] = dirs.as_slice() {
        let report = builder.build(dir, &options)?;
        print_report(&report, args.job.verbose);
        for path in &report.outputs {
            println!("{}", path.display());
        }
        eprintln!(
            "built {} page(s) of {} in {:.2} s",
            report.outputs.len(),
            report.edition.id,
            start.elapsed().as_secs_f64()
        );
        return Ok(ExitCode::SUCCESS);
    }
    options.per_edition = true;
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    crate::cmd_batch::run(&builder, &dirs, &options, jobs, args.job.verbose, start)
}

/// Prints a build's warnings, preflight findings and punctuation
/// corrections (one summary line; every correction with `verbose`).
pub fn print_report(report: &BuildReport, verbose: bool) {
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for f in &report.preflight {
        eprintln!("{f}");
    }
    if !report.corrections.is_empty() {
        let mut by_place: BTreeMap<(&std::path::Path, usize), usize> = BTreeMap::new();
        for c in &report.corrections {
            let place = (c.location.file.as_path(), c.location.line.unwrap_or(0));
            *by_place.entry(place).or_default() += 1;
            if verbose {
                eprintln!("note: {}: set {} as {}", c.location, c.from, c.to);
            }
        }
        let places: Vec<String> = by_place
            .iter()
            .map(|((file, line), n)| format!("{}:{line} ({n})", file.display()))
            .collect();
        eprintln!(
            "note: set {} half-width marks full-width at {} places: {}",
            report.corrections.len(),
            places.len(),
            places.join(", ")
        );
    }
}

/// `banmian check`: lays out the pages and reports composition findings.
/// Exit 0 when there are none, 1 when there are.
pub fn check(args: CheckArgs) -> Result<ExitCode, Error> {
    let builder = Builder::new(home(&args.home)?, args.home.system_fonts)?;
    let report = builder.check(&args.edition, !args.no_punct_fix)?;
    if args.json {
        let json = serde_json::json!({
            "edition": report.edition.id,
            "pages": report.grids.iter().map(|(number, g)| serde_json::json!({
                "number": number,
                "columns": g.columns,
                "chars_per_line": g.chars_per_line,
            })).collect::<Vec<_>>(),
            "findings": report.findings,
            "warnings": report.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&json).expect("JSON"));
    } else {
        for w in &report.warnings {
            eprintln!("warning: {w}");
        }
        for f in &report.findings {
            println!("{f}");
        }
        for (number, g) in &report.grids {
            eprintln!(
                "page {number}: {} columns of {} characters",
                g.columns, g.chars_per_line
            );
        }
        eprintln!(
            "{} composition finding(s) in {}",
            report.findings.len(),
            report.edition.id
        );
    }
    Ok(if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `banmian fonts`: lists the families builds can use.
pub fn fonts(args: FontsArgs) -> Result<ExitCode, Error> {
    let home = home(&args.home)?;
    let fonts = Fonts::load(&home.fonts, args.home.system_fonts)?;
    print!("{}", fonts.listing(args.variants));
    Ok(ExitCode::SUCCESS)
}

fn print_settings(args: &PrintArgs) -> Result<PrintSettings, Error> {
    if args.min_ppi > args.max_ppi {
        return Err(Error::Usage(format!(
            "--min-ppi {} is above --max-ppi {}",
            args.min_ppi, args.max_ppi
        )));
    }
    Ok(PrintSettings {
        mode: match args.colour {
            JobColour::Cmyk => PictureMode::Cmyk,
            JobColour::Gray => PictureMode::Gray,
        },
        min_ppi: args.min_ppi,
        max_ppi: args.max_ppi,
        ..PrintSettings::default()
    })
}

/// `banmian preflight`: checks the pages as the plant would. Exit 0 when
/// they may be released, 1 on errors (or warnings with `--strict`).
pub fn preflight(args: PreflightArgs) -> Result<ExitCode, Error> {
    let builder = Builder::new(home(&args.home)?, args.home.system_fonts)?;
    let report = builder.preflight(&args.edition, &print_settings(&args.print)?)?;
    if args.json {
        let json = serde_json::json!({
            "edition": report.edition.id,
            "passes": report.passes(args.print.strict),
            "findings": report.findings,
        });
        println!("{}", serde_json::to_string_pretty(&json).expect("JSON"));
    } else {
        for f in &report.findings {
            println!("{f}");
        }
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity == banmian::preflight::Severity::Error)
            .count();
        eprintln!(
            "preflight of {}: {errors} error(s), {} warning(s)",
            report.edition.id,
            report.findings.len() - errors
        );
    }
    Ok(if report.passes(args.print.strict) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
