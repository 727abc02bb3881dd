//! `banmian watch`: builds an edition, then rebuilds it whenever its files,
//! the layouts or the fonts change. One session stays alive, so a rebuild
//! reuses the Typst world (unchanged files are not parsed again, Typst's
//! memoised layout is reused) and the column height found last time; the
//! memo cache is trimmed after every rebuild so memory stays flat over a
//! long evening. A failed rebuild prints the error and leaves the last good
//! page on disk; the next good edit recovers. Ctrl-C exits with status 0,
//! after the build in progress if there is one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use banmian::build::{BuildOptions, Builder, Session};
use banmian::content::edition_id;
use banmian::home::Home;
use banmian::names::default_out_dir;
use banmian::watch::{Skip, Snapshot, describe, own_pages};
use banmian::{Error, t};
use typst_kit::watcher::Watcher;

use super::cli::WatchArgs;

/// Age (in compilations) after which Typst's memoised results are dropped.
const MEMO_MAX_AGE: usize = 10;

/// Runs until interrupted.
pub fn run(args: WatchArgs) -> Result<ExitCode, Error> {
    let (mut builder, options) = super::job(&args.job)?;
    let home = builder.home().clone();
    let watched = Watched::new(&args.edition, &home, options.out_dir.as_deref())?;
    let roots = watched.roots();
    let stop = Stop::install()?;
    let mut watcher = Watcher::new(None)
        .map_err(|e| Error::Watch(t!("run-watch-cannot", error = e.to_string())))?;
    let mut session = Session::live();
    let mut shown: Option<Vec<String>> = None;
    let mut snap = Snapshot::take(&roots, &*watched.skip);
    let text = t!(
        "run-watching",
        edition = watched.edition.display(),
        files = snap.len()
    );
    eprintln!("{text}");
    let mut rebuild = |builder: &Builder, session: &mut Session, what: &str| {
        let _held = stop.busy.lock();
        rebuild(
            builder,
            session,
            &watched.edition,
            &options,
            what,
            &mut shown,
        );
    };
    follow(&mut watcher, &snap);
    rebuild(&builder, &mut session, &t!("run-watch-first-build"));
    while !stop.stopped() {
        watcher
            .wait()
            .map_err(|e| Error::Watch(t!("run-watch-error", error = e.to_string())))?;
        let now = Snapshot::take(&roots, &*watched.skip);
        let changes = snap.changes(&now);
        snap = now;
        follow(&mut watcher, &snap);
        if changes.is_empty() {
            continue;
        }
        if changes.iter().any(|c| c.path().starts_with(&watched.fonts)) {
            match Builder::new(home.clone(), args.job.home.system_fonts) {
                Ok(b) => {
                    builder = b;
                    session = Session::live();
                }
                Err(e) => {
                    let text = t!("label-error", text = e.to_string());
                    let what = describe(&changes, &roots);
                    eprintln!("{}", t!("run-watch-on-change", what = what, text = text));
                    continue;
                }
            }
        }
        rebuild(&builder, &mut session, &describe(&changes, &roots));
        typst::comemo::evict(MEMO_MAX_AGE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Files are watched before each build reads them, so an edit made while
/// a build runs is seen by the next wait.
fn follow(watcher: &mut Watcher, snap: &Snapshot) {
    if let Err(e) = watcher.update(snap.paths()) {
        eprintln!("{}", t!("label-warning", text = e.to_string()));
    }
}

/// What a watch follows, as absolute paths: the edition, the layouts and
/// the fonts, less the edition's own pages.
struct Watched {
    edition: PathBuf,
    layouts: PathBuf,
    fonts: PathBuf,
    skip: Box<Skip>,
}

impl Watched {
    fn new(edition: &Path, home: &Home, out_dir: Option<&Path>) -> Result<Self, Error> {
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let edition = absolute(edition);
        let id = edition_id(&edition)?;
        let out_dir = match out_dir {
            Some(dir) => absolute(dir),
            None => absolute(&default_out_dir(&id)),
        };
        Ok(Self {
            edition,
            layouts: absolute(&home.layouts),
            fonts: absolute(&home.fonts),
            skip: own_pages(out_dir, id),
        })
    }

    fn roots(&self) -> [&Path; 3] {
        [&self.edition, &self.layouts, &self.fonts]
    }
}

/// Ctrl-C (and SIGTERM) end the process at once while it waits for
/// changes; during a build (while `busy` is held) they ask the loop to stop
/// when the build is done (its pages written or not), and a second Ctrl-C
/// stops at once.
struct Stop {
    busy: Arc<Mutex<()>>,
    asked: Arc<AtomicBool>,
}

impl Stop {
    fn install() -> Result<Self, Error> {
        let busy = Arc::new(Mutex::new(()));
        let asked = Arc::new(AtomicBool::new(false));
        let (held, stop) = (busy.clone(), asked.clone());
        ctrlc::set_handler(move || {
            if let Ok(_held) = held.try_lock() {
                eprintln!("{}", t!("run-watch-stopped"));
                std::process::exit(0);
            }
            if stop.swap(true, Ordering::SeqCst) {
                eprintln!("{}", t!("run-watch-stopped-during-build"));
                std::process::exit(130);
            }
            eprintln!("{}", t!("run-watch-stopping"));
        })
        .map_err(|e| Error::Watch(t!("run-watch-ctrl-c", error = e.to_string())))?;
        Ok(Self { busy, asked })
    }

    /// Whether a Ctrl-C came during the last build (said once, here).
    fn stopped(&self) -> bool {
        let asked = self.asked.load(Ordering::SeqCst);
        if asked {
            eprintln!("{}", t!("run-watch-stopped"));
        }
        asked
    }
}

/// One rebuild and its one line (plus the warnings, when they changed).
fn rebuild(
    builder: &Builder,
    session: &mut Session,
    edition: &Path,
    options: &BuildOptions,
    what: &str,
    shown: &mut Option<Vec<String>>,
) {
    let start = Instant::now();
    let result = builder.build_in(session, edition, options);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(report) => {
            let warnings: Vec<String> = report
                .warnings
                .iter()
                .map(|w| t!("label-warning", text = w.to_string()))
                .chain(report.preflight.iter().map(ToString::to_string))
                .collect();
            if shown.as_ref() != Some(&warnings) {
                for w in &warnings {
                    eprintln!("{w}");
                }
            }
            let names: Vec<String> = report
                .outputs
                .iter()
                .chain(&report.edition_files)
                .map(|p| p.display().to_string())
                .collect();
            let text = t!(
                "run-watch-wrote",
                what = what,
                files = names.join(&t!("run-list-separator")),
                ms = format!("{ms:.0}"),
                warnings = warnings.len()
            );
            eprintln!("{text}");
            *shown = Some(warnings);
        }
        Err(e) => {
            let text = e.to_string();
            let text = text.trim_end();
            let text = if matches!(e, Error::Template(_)) {
                text.to_string()
            } else {
                t!("label-error", text = text)
            };
            eprintln!("{text}");
            let ms = format!("{ms:.0}");
            eprintln!("{}", t!("run-watch-failed", what = what, ms = ms));
        }
    }
}
