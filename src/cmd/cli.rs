//! Command-line definitions. Each flag's doc comment is its `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use banmian::export::OutputFormat;
use banmian::t;

/// banmian (版面): turns a newspaper's written copy into print-ready pages.
#[derive(Debug, Parser)]
#[command(name = "banmian", version, about)]
pub struct Cli {
    /// The language of messages and help: zh (Chinese) or en (English)
    /// [default: as LC_ALL, LC_MESSAGES or LANG say].
    #[arg(long, global = true, value_name = "LANG", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the pages of one or more editions (one file per page).
    Build(BuildArgs),
    /// Build an edition, then rebuild it whenever its files, the layouts or
    /// the fonts change (Ctrl-C stops).
    Watch(WatchArgs),
    /// Lay out an edition and check its line composition (nothing is written).
    Check(CheckArgs),
    /// Preflight (印前检查) an edition as the printing plant would (nothing is written).
    Preflight(PreflightArgs),
    /// List the font families and styles builds can use.
    Fonts(FontsArgs),

    /// Archive an edition as a new revision (PDF/A pages, sources, manifest),
    /// or list, show, search, verify and compare archived editions.
    Archive(ArchiveArgs),
    /// Set an archived revision's pages again from the archive alone and
    /// compare them byte for byte with the archived PDFs.
    Regenerate(RegenerateArgs),
}

/// Where banmian finds its layouts and fonts.
#[derive(Debug, Args)]
pub struct HomeArgs {
    /// The Typst templates folder [default: the installation's layouts/].
    #[arg(long, value_name = "DIR")]
    pub layouts: Option<PathBuf>,
    /// The fonts folder [default: the installation's fonts/].
    #[arg(long, value_name = "DIR")]
    pub fonts: Option<PathBuf>,
    /// Also use the fonts installed on this machine (output then depends on it).
    #[arg(long)]
    pub system_fonts: bool,
}

/// `banmian build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Edition folders (each holds edition.toml), or folders of editions.
    #[arg(required = true, value_name = "EDITION")]
    pub editions: Vec<PathBuf>,
    /// Editions built at once [default: the number of cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// Also write each page as a plain Typst project into DIR/<edition>-<page>/
    /// (compiles with `typst compile main.typ --font-path fonts --ignore-system-fonts`).
    #[arg(long, value_name = "DIR")]
    pub emit_typst: Option<PathBuf>,
    #[command(flatten)]
    pub job: JobArgs,
}

/// `banmian watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The edition folder (holds edition.toml).
    pub edition: PathBuf,
    #[command(flatten)]
    pub job: JobArgs,
}

/// What a build produces and how strictly, shared by `build` and `watch`.
#[derive(Debug, Args)]
pub struct JobArgs {
    /// Output folder [default: output/<edition-id>; with several editions,
    /// DIR/<edition-id>].
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Output format: pdf for print, png or svg for proofs.
    #[arg(long, value_enum, default_value_t = OutputFormat::Pdf)]
    pub format: OutputFormat,
    /// Resolution of PNG proofs, in pixels per inch.
    #[arg(long, default_value_t = 150.0, value_parser = parse_ppi)]
    pub ppi: f32,
    /// Set half-width punctuation as written (no correction to full-width).
    #[arg(long)]
    pub no_punct_fix: bool,
    /// Proofs only: overlay the column grid and the character grid.
    #[arg(long)]
    pub grid: bool,
    /// Print every punctuation correction, not only the count.
    #[arg(short, long)]
    pub verbose: bool,
    /// print: the preflight's errors stop the build (default for PDF);
    /// proof: findings are only reported (default for PNG and SVG).
    #[arg(long, value_enum)]
    pub profile: Option<Profile>,
    #[command(flatten)]
    pub print: PrintArgs,
    #[command(flatten)]
    pub home: HomeArgs,
}

/// How strictly a build holds to the preflight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// For the plant: preflight errors stop the build.
    Print,
    /// For the desk: findings are reported, nothing is refused.
    Proof,
}

/// What the preflight checks against.
#[derive(Debug, Args)]
pub struct PrintArgs {
    /// Treat preflight warnings as errors.
    #[arg(long)]
    pub strict: bool,
    /// The job's colour: gray sets the layouts' colours in black only and
    /// refuses any cyan, magenta or yellow; pictures in other modes are
    /// flagged [default: as print.toml or edition.toml's [print] say, else
    /// cmyk].
    #[arg(long, value_enum)]
    pub colour: Option<JobColour>,
    /// Lowest acceptable effective resolution of a placed picture
    /// [default: as print.toml or edition.toml's [print] say, else 200].
    #[arg(long, value_name = "PPI", value_parser = parse_resolution)]
    pub min_ppi: Option<f64>,
    /// Effective resolution above which a picture only costs bytes.
    #[arg(long, default_value_t = 600.0, value_name = "PPI", value_parser = parse_resolution)]
    pub max_ppi: f64,
    /// Most total ink (C+M+Y+K, in percent) on any 2 × 2 mm of the page,
    /// measured on separations rendered by Ghostscript.
    /// A build measures it only when this or the print configuration's
    /// `ink_limit` is given; `preflight` always does [default: as
    /// print.toml or edition.toml's [print] say, else 240].
    #[arg(long, value_name = "PERCENT", value_parser = parse_ink_limit)]
    pub ink_limit: Option<f64>,
    /// Printer's marks outside the trim: crop, bleed and registration
    /// marks and a slug line (edition, page, build id); the PDF's media
    /// grows by 10 mm on every side [default: as print.toml or
    /// edition.toml's [print] `marks` say, else none].
    #[arg(long)]
    pub marks: bool,
}

/// The colour a job prints in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum JobColour {
    /// Four-colour (grey pictures are fine too).
    Cmyk,
    /// Black only.
    Gray,
}

/// `banmian preflight`.
#[derive(Debug, Args)]
pub struct PreflightArgs {
    /// The edition folder (holds edition.toml).
    pub edition: PathBuf,
    /// Print the findings as JSON (a stable, documented format).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub print: PrintArgs,
    #[command(flatten)]
    pub home: HomeArgs,
}

/// `banmian check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The edition folder (holds edition.toml).
    pub edition: PathBuf,
    /// Print the findings as JSON (a stable, documented format).
    #[arg(long)]
    pub json: bool,
    /// Check the page as it would be set with --no-punct-fix.
    #[arg(long)]
    pub no_punct_fix: bool,
    #[command(flatten)]
    pub home: HomeArgs,
}

/// `banmian fonts`.
#[derive(Debug, Args)]
pub struct FontsArgs {
    /// Also list the style, weight and stretch of every face.
    #[arg(long)]
    pub variants: bool,
    #[command(flatten)]
    pub home: HomeArgs,
}

/// `banmian archive`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ArchiveArgs {
    /// What to do with the archive; without one, archive EDITION.
    #[command(subcommand)]
    pub command: Option<ArchiveCommand>,
    /// The edition folder to archive (holds edition.toml).
    #[arg(required = true)]
    pub edition: Option<PathBuf>,
    /// Why this revision is made, e.g. "更正：…" (kept in the manifest).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive", global = true)]
    pub archive: PathBuf,
    /// The Typst templates folder [default: the installation's layouts/].
    #[arg(long, value_name = "DIR")]
    pub layouts: Option<PathBuf>,
    /// The fonts folder [default: the installation's fonts/].
    #[arg(long, value_name = "DIR")]
    pub fonts: Option<PathBuf>,
}

/// The archive's subcommands.
#[derive(Debug, Subcommand)]
pub enum ArchiveCommand {
    /// List the archived editions, by date.
    List {
        /// Only editions dated on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<String>,
        /// Only editions dated on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        to: Option<String>,
    },
    /// Show one revision of an archived edition: pages, files, fonts, notes.
    Show {
        /// The edition id (its folder name).
        edition: String,
        /// The revision [default: the latest].
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        revision: Option<u32>,
    },
    /// Find the archived pages that contain all of the words (Chinese needs
    /// no spaces: 幕阜山, 易地扶贫搬迁). Exit 1 when none does.
    Search {
        /// The words to look for.
        #[arg(required = true)]
        words: Vec<String>,
    },
    /// Rebuild the search index from the revision folders.
    Reindex,
    /// Recompute every hash; report missing, altered and extra files.
    /// Exit 1 on any damage.
    Verify {
        /// Only this edition [default: the whole archive].
        edition: Option<String>,
    },
    /// Show what text changed between two revisions of an edition.
    Diff {
        /// The edition id (its folder name).
        edition: String,
        /// The older revision.
        #[arg(value_parser = clap::value_parser!(u32).range(1..))]
        from: u32,
        /// The newer revision.
        #[arg(value_parser = clap::value_parser!(u32).range(1..))]
        to: u32,
        /// Also write the newer revision's changed pages to this PDF, each
        /// change highlighted where the page prints it, for the desk to
        /// sign the correction off.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
}

/// `banmian regenerate`: one edition's revision (`EDITION [--revision
/// N]`), every archived revision or a shard of them (`--all`), or the
/// merged shard reports (`--summary`).
#[derive(Debug, Args)]
pub struct RegenerateArgs {
    /// The archived edition's id (its folder name).
    #[arg(
        required_unless_present_any = ["all", "summary"],
        conflicts_with_all = ["all", "summary"]
    )]
    pub edition: Option<String>,
    /// The revision [default: the latest].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..),
          conflicts_with_all = ["all", "summary"])]
    pub revision: Option<u32>,
    /// Also write the regenerated PDF/A pages into this folder.
    #[arg(short, long, value_name = "DIR", conflicts_with_all = ["all", "summary"])]
    pub output: Option<PathBuf>,
    /// Regenerate every revision of every archived edition (with --shard,
    /// this machine's share of them). Exit 1 if any differs or fails.
    #[arg(long, conflicts_with = "summary")]
    pub all: bool,
    /// With --all: only editions dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "all")]
    pub from: Option<String>,
    /// With --all: only editions dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "all")]
    pub to: Option<String>,
    /// With --all: only shard K of N (1/3, 2/3, 3/3), chosen by a stable
    /// hash of edition and revision, so that N machines share the work.
    #[arg(long, value_name = "K/N", requires = "all",
          value_parser = banmian::archive::shard::Shard::parse)]
    pub shard: Option<banmian::archive::shard::Shard>,
    /// With --all: write a JSON report of every revision to this file.
    #[arg(long, value_name = "FILE", requires = "all")]
    pub report: Option<PathBuf>,
    /// Merge the reports of the shards of one run and print the totals.
    /// Exit 0 only if every shard reported and every revision is identical.
    #[arg(long, value_name = "REPORT", num_args = 1..)]
    pub summary: Vec<PathBuf>,
    /// With --summary: print the merged summary as JSON.
    #[arg(long, requires = "summary")]
    pub json: bool,
    /// The archive folder.
    #[arg(long, value_name = "DIR", default_value = "archive")]
    pub archive: PathBuf,
}

fn parse_date(s: &str) -> Result<String, String> {
    let bad = || t!("cli-not-a-date", quoted = format!("{s:?}"));
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) else {
        return Err(bad());
    };
    banmian::content::Date::new(y, m, d)
        .map(|date| date.iso())
        .ok_or_else(bad)
}

fn parse_ppi(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| not_a_number(s))?;
    if (10.0..=1200.0).contains(&v) {
        Ok(v)
    } else {
        Err(t!("cli-ppi-range"))
    }
}

fn parse_ink_limit(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim_end_matches('%')
        .parse()
        .map_err(|_| not_a_number(s))?;
    if v.is_finite() && (100.0..=400.0).contains(&v) {
        Ok(v)
    } else {
        Err(t!("cli-ink-limit-range"))
    }
}

fn parse_resolution(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| not_a_number(s))?;
    if v.is_finite() && (1.0..=10_000.0).contains(&v) {
        Ok(v)
    } else {
        Err(t!("cli-resolution-range"))
    }
}

fn not_a_number(s: &str) -> String {
    t!("cli-not-a-number", quoted = format!("{s:?}"))
}
