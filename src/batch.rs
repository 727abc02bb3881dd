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
/// id (their output would collide) are a usage error.
pub fn find_editions(args: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    for arg in args {
        let mut inner: Vec<PathBuf> = if arg.join("edition.toml").exists() {
            Vec::new()
        } else {
            std::fs::read_dir(arg)
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|e| e.path())
                        .filter(|p| p.join("edition.toml").is_file())
                        .collect()
                })
                .unwrap_or_default()
        };
        if inner.is_empty() {
            found.push(arg.clone());
        } else {
            inner.sort();
            found.extend(inner);
        }
    }
    let mut ids: BTreeMap<String, &Path> = BTreeMap::new();
    for dir in &found {
        let Ok(id) = edition_id(dir) else { continue };
        if let Some(other) = ids.insert(id.clone(), dir) {
            return Err(Error::Usage(format!(
                "{} and {} are both edition {id}: their pages would overwrite each other",
                other.display(),
                dir.display()
            )));
        }
    }
    Ok(found)
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
            let result = builder.build_in(&mut session, dir, options);
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
