//! `banmian fonts`: the font families builds can use.

use std::process::ExitCode;

use banmian::Error;
use banmian::fonts::Fonts;

use super::cli::FontsArgs;
use super::home;

/// `banmian fonts`: lists the families builds can use.
pub fn run(args: FontsArgs) -> Result<ExitCode, Error> {
    let home = home(&args.home)?;
    let fonts = Fonts::load(&home.fonts, args.home.system_fonts)?;
    print!("{}", fonts.listing(args.variants));
    Ok(ExitCode::SUCCESS)
}
