//! Many editions at once: a night's corrections or a template change
//! rebuilds every affected edition. Editions are built in parallel by worker
//! threads sharing one [`Builder`] (one font store); each edition succeeds or
//! fails on its own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::build::{BuildOptions, BuildReport, Builder, Session};
use crate::content::edition_id;
use crate::diag::Error;

/// The edition folders named on the command line: a folder holding
/// `edition.toml` is an edition; a folder with editions directly inside it
/// stands for them (sorted by name); anything else is taken as an edition,
/// so that loading it says what is wrong with it. Two editions with the same
/// id (their output would collide) are a usage error. Also returns the
/// subfolders of a folder of editions that are not editions (a misnamed
/// `edition.toml`, say), so the user hears that they were left out.
pub fn find_editions(args: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), Error> {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for arg in args {
        let (mut inner, mut others): (Vec<PathBuf>, Vec<PathBuf>) =
            if arg.join("edition.toml").exists() {
                (Vec::new(), Vec::new())
            } else {
                std::fs::read_dir(arg)
                    .map(|entries| {
                        entries
                            .flatten()
                            .map(|e| e.path())
                            .filter(|p| p.is_dir() && !is_hidden(p))
                            .partition(|p| p.join("edition.toml").is_file())
                    })
                    .unwrap_or_default()
            };
        if inner.is_empty() {
            found.push(arg.clone());
        } else {
            inner.sort();
            others.sort();
            found.extend(inner);
            skipped.extend(others);
        }
    }
    let mut ids: BTreeMap<String, &Path> = BTreeMap::new();
    for dir in &found {
        let Ok(id) = edition_id(dir) else { continue };
        if let Some(other) = ids.insert(id.clone(), dir) {
            return Err(Error::Usage(t!(
                "run-batch-same-id",
                first = other.display(),
                second = dir.display(),
                id = id
            )));
        }
    }
    Ok((found, skipped))
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Builds `dirs` with `jobs` threads. `done` is called as each edition
/// finishes (from the worker thread, in completion order); the results come
/// back in the order of `dirs`.
pub fn build_many(
    builder: &Builder,
    dirs: &[PathBuf],
    options: &BuildOptions,
    jobs: usize,
    done: &(dyn Fn(&Path, &Result<BuildReport, Error>) + Sync),
) -> Vec<Result<BuildReport, Error>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<BuildReport, Error>>>> =
        Mutex::new(dirs.iter().map(|_| None).collect());
    let worker = || {
        let mut session = Session::default();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(dir) = dirs.get(i) else { break };
            // A bug that panics in one edition fails that edition, not
            // the batch: the others are built and the summary is printed.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                builder.build_in(&mut session, dir, options)
            }))
            .unwrap_or_else(|panic| {
                session = Session::default();
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(Error::Internal(t!(
                    "run-batch-panic",
                    dir = dir.display(),
                    what = what
                )))
            });
            done(dir, &result);
            results.lock().expect("no worker panics holding it")[i] = Some(result);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..jobs.clamp(1, dirs.len().max(1)) {
            scope.spawn(worker);
        }
        worker();
    });
    results
        .into_inner()
        .expect("workers are done")
        .into_iter()
        .map(|r| r.expect("every edition was built"))
        .collect()
}
