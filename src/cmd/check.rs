//! `banmian check`: the line-composition rules on the laid-out pages.

use std::process::ExitCode;

use banmian::Error;
use banmian::build::Builder;
use banmian::t;

use super::cli::CheckArgs;
use super::home;

/// `banmian check`: lays out the pages and reports composition findings.
/// Exit 0 when there are none, 1 when there are.
pub fn run(args: CheckArgs) -> Result<ExitCode, Error> {
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
            eprintln!("{}", t!("label-warning", text = w.to_string()));
        }
        for f in &report.findings {
            println!("{f}");
        }
        for (number, g) in &report.grids {
            eprintln!(
                "{}",
                t!(
                    "check-grid-of-page",
                    page = *number,
                    columns = g.columns,
                    chars = g.chars_per_line,
                )
            );
        }
        eprintln!(
            "{}",
            t!(
                "check-summary",
                n = report.findings.len(),
                edition = &report.edition.id,
            )
        );
    }
    Ok(if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
