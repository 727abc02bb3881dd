//! The subcommands' wiring, one file per subcommand, a few lines each
//! between the CLI ([`cli`]) and the library; this file holds what several
//! subcommands share.

pub mod archive;
pub mod batch;
pub mod build;
pub mod check;
pub mod clap_errors;
pub mod cli;
pub mod fonts;
pub mod help;
pub mod lang;
pub mod preflight;
pub mod regenerate;
pub mod watch;

use std::collections::BTreeMap;

use banmian::build::{BuildOptions, BuildReport, Builder};
use banmian::content::PrintConfig;
use banmian::data::Proof;
use banmian::export::OutputFormat;
use banmian::home::Home;
use banmian::preflight::{PictureMode, PrintSettings, Severity};
use banmian::{Error, t};

use cli::{HomeArgs, JobArgs, JobColour, PrintArgs, Profile};

/// The installation's layouts and fonts, as the options say.
fn home(args: &HomeArgs) -> Result<Home, Error> {
    Home::locate(args.layouts.as_deref(), args.fonts.as_deref())
}

/// The builder and options `build` and `watch` share.
pub fn job(args: &JobArgs) -> Result<(Builder, BuildOptions), Error> {
    if args.grid && args.format == OutputFormat::Pdf {
        return Err(Error::Usage(t!("run-grid-needs-proof")));
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
        proof: Proof {
            grid: args.grid,
            marks: profile == Profile::Proof,
        },
        print: print_settings(&args.print)?,
        print_config: print_config(&args.print),
        strict: args.print.strict,
        refuse: profile == Profile::Print,
        ..BuildOptions::default()
    };
    Ok((builder, options))
}

/// Prints a build's warnings, preflight findings and punctuation
/// corrections (one summary line; every correction with `verbose`).
pub fn print_report(report: &BuildReport, verbose: bool) {
    for w in &report.warnings {
        eprintln!("{}", t!("label-warning", text = w.to_string()));
    }
    // A build that wrote its pages and still found errors is a proof:
    // what refuses a print build is a warning here, and the build exits 0.
    let error_label = t!("label-error", text = "");
    for f in &report.preflight {
        let text = f.to_string();
        match text.strip_prefix(error_label.as_str()) {
            Some(rest) if f.severity == Severity::Error => {
                let rest = t!("run-proof-refused", text = rest);
                eprintln!("{}", t!("label-warning", text = rest));
            }
            _ => eprintln!("{text}"),
        }
    }
    if !report.corrections.is_empty() {
        let mut by_place: BTreeMap<(&std::path::Path, usize), usize> = BTreeMap::new();
        for c in &report.corrections {
            let place = (c.location.file.as_path(), c.location.line.unwrap_or(0));
            *by_place.entry(place).or_default() += 1;
            if verbose {
                let text = t!(
                    "run-correction",
                    location = &c.location,
                    from = c.from,
                    to = c.to
                );
                eprintln!("{}", t!("label-note", text = text));
            }
        }
        let places: Vec<String> = by_place
            .iter()
            .map(|((file, line), n)| {
                let place = format!("{}:{line}", file.display());
                t!("run-correction-place", place = place, n = *n)
            })
            .collect();
        let text = t!(
            "run-corrections",
            marks = report.corrections.len(),
            places = places.len(),
            list = places.join(&t!("run-list-separator"))
        );
        eprintln!("{}", t!("label-note", text = text));
    }
}

fn print_settings(args: &PrintArgs) -> Result<PrintSettings, Error> {
    let settings = PrintSettings {
        max_ppi: args.max_ppi,
        ..PrintSettings::default()
    };
    if let Some(min_ppi) = args.min_ppi
        && min_ppi > args.max_ppi
    {
        return Err(Error::Usage(t!(
            "run-min-ppi-above-max",
            min_ppi = min_ppi,
            max_ppi = args.max_ppi
        )));
    }
    Ok(settings)
}

/// The command line's print configuration: what `--colour` and
/// `--min-ppi` say over the house's and the edition's.
fn print_config(args: &PrintArgs) -> PrintConfig {
    PrintConfig {
        colour: args.colour.map(|c| match c {
            JobColour::Cmyk => PictureMode::Cmyk,
            JobColour::Gray => PictureMode::Gray,
        }),
        min_ppi: args.min_ppi,
        ink_limit: args.ink_limit,
        marks: args.marks.then_some(true),
        ..PrintConfig::default()
    }
}
