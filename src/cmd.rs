//! The subcommands' wiring: a few lines each between the CLI and the library.

use std::collections::BTreeMap;
use std::time::Instant;

use banmian::Error;
use banmian::build::{BuildOptions, Builder};
use banmian::fonts::Fonts;
use banmian::home::Home;

use crate::cli::{BuildArgs, FontsArgs, HomeArgs};

fn home(args: &HomeArgs) -> Result<Home, Error> {
    Home::locate(args.layouts.as_deref(), args.fonts.as_deref())
}

/// `banmian build`: builds every page and reports warnings and corrections.
pub fn build(args: BuildArgs) -> Result<(), Error> {
    let start = Instant::now();
    let builder = Builder::new(home(&args.home)?, args.home.system_fonts)?;
    let options = BuildOptions {
        format: args.format,
        ppi: args.ppi,
        out_dir: args.output.clone(),
        punct_fix: !args.no_punct_fix,
    };
    let report = builder.build(&args.edition, &options)?;
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    if !report.corrections.is_empty() {
        let mut by_place: BTreeMap<(&std::path::Path, usize), usize> = BTreeMap::new();
        for c in &report.corrections {
            let place = (c.location.file.as_path(), c.location.line.unwrap_or(0));
            *by_place.entry(place).or_default() += 1;
            if args.verbose {
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
    for path in &report.outputs {
        println!("{}", path.display());
    }
    eprintln!(
        "built {} page(s) of {} in {:.2} s",
        report.outputs.len(),
        report.edition.id,
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `banmian fonts`: lists the families builds can use.
pub fn fonts(args: FontsArgs) -> Result<(), Error> {
    let home = home(&args.home)?;
    let fonts = Fonts::load(&home.fonts, args.home.system_fonts)?;
    print!("{}", fonts.listing(args.variants));
    Ok(())
}
