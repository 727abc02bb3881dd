//! `banmian regenerate`: an archived revision set again from the archive
//! alone and compared byte for byte.

use std::process::ExitCode;

use banmian::Error;
use banmian::archive::{Archive, regenerate as regen};
use banmian::t;

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
            let line = t!(
                "archive-regen-identical",
                what = what(p),
                path = &p.archived
            );
            println!("{line}");
        } else {
            let line = t!(
                "archive-regen-differs",
                what = what(p),
                detail = &p.detail,
                path = &p.archived,
            );
            println!("{line}");
        }
    }
    for path in &result.written {
        eprintln!("{}", t!("archive-wrote", path = path));
    }
    if result.identical() {
        let line = t!(
            "archive-regen-all-identical",
            edition = &result.edition,
            revision = result.revision,
        );
        println!("{line}");
        Ok(ExitCode::SUCCESS)
    } else {
        let differ: Vec<String> = result
            .pages
            .iter()
            .filter(|p| !p.identical)
            .map(|p| match p.kind {
                regen::EDITION => t!("archive-file-edition"),
                kind => t!("archive-file-of-page-short", page = p.number, kind = kind),
            })
            .collect();
        let line = t!(
            "archive-regen-some-differ",
            edition = &result.edition,
            revision = result.revision,
            files = differ.join(&t!("archive-separator")),
        );
        println!("{line}");
        Ok(ExitCode::from(1))
    }
}

/// Which archived file a comparison is of: `第5版 print`, or the edition PDF.
fn what(p: &regen::PageResult) -> String {
    match p.kind {
        regen::EDITION => t!("archive-file-edition"),
        kind => t!("archive-file-of-page", page = p.number, kind = kind),
    }
}
