//! `banmian regenerate`: an archived revision set again from the archive
//! alone and compared byte for byte.

use std::process::ExitCode;

use banmian::Error;
use banmian::archive::{Archive, regenerate as regen};

use super::cli::RegenerateArgs;

/// `banmian regenerate`: exit 0 when every page is identical, 1 otherwise.
pub fn run(args: RegenerateArgs) -> Result<ExitCode, Error> {
    let archive = Archive::new(&args.archive);
    let result = regen::regenerate(
        &archive,
        &args.edition,
        args.revision,
        args.output.as_deref(),
    )?;
    for p in &result.pages {
        if p.identical {
            println!("{}: identical ({})", what(p), p.archived.display());
        } else {
            println!(
                "{}: differs: {} ({})",
                what(p),
                p.detail,
                p.archived.display()
            );
        }
    }
    for path in &result.written {
        eprintln!("wrote {}", path.display());
    }
    if result.identical() {
        println!("{} revision {}: identical", result.edition, result.revision);
        Ok(ExitCode::SUCCESS)
    } else {
        let differ: Vec<String> = result
            .pages
            .iter()
            .filter(|p| !p.identical)
            .map(|p| match p.kind {
                regen::EDITION => p.kind.to_string(),
                kind => format!("第{}版 ({kind})", p.number),
            })
            .collect();
        println!(
            "{} revision {}: differs: {}",
            result.edition,
            result.revision,
            differ.join(", ")
        );
        Ok(ExitCode::from(1))
    }
}

/// Which archived file a comparison is of: `第5版 print`, or the edition PDF.
fn what(p: &regen::PageResult) -> String {
    match p.kind {
        regen::EDITION => regen::EDITION.to_string(),
        kind => format!("第{}版 {kind}", p.number),
    }
}
