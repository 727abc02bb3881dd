//! `banmian preflight` (印前检查): the pages checked as the plant would.

use std::process::ExitCode;

use banmian::Error;
use banmian::build::Builder;
use banmian::preflight::{PrintSettings, Severity};
use banmian::t;

use super::cli::PreflightArgs;
use super::{home, print_config, print_settings};

/// `banmian preflight`: checks the pages as the plant would. Exit 0 when
/// they may be released, 1 on errors (or warnings with `--strict`).
pub fn run(args: PreflightArgs) -> Result<ExitCode, Error> {
    let builder = Builder::new(home(&args.home)?, args.home.system_fonts)?;
    // The plant's preflight measures the ink, whatever the build does.
    let settings = PrintSettings {
        measure_ink: true,
        ..print_settings(&args.print)?
    };
    let report = builder.preflight(&args.edition, &settings, &print_config(&args.print))?;
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
        let count = |severity: Severity| {
            (report.findings.iter())
                .filter(|f| f.severity == severity)
                .count()
        };
        let (edition, errors, warnings) = (
            &report.edition.id,
            count(Severity::Error),
            count(Severity::Warning),
        );
        let summary = match count(Severity::Note) {
            0 => t!(
                "preflight-summary",
                edition = edition,
                errors = errors,
                warnings = warnings,
            ),
            notes => t!(
                "preflight-summary-notes",
                edition = edition,
                errors = errors,
                warnings = warnings,
                notes = notes,
            ),
        };
        eprintln!("{summary}");
    }
    Ok(if report.passes(args.print.strict) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
