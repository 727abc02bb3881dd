//! `BANMIAN_TEST_KEEP=<folder>`: keeps every PDF the tests' banmian runs
//! leave behind, to compare two versions of banmian byte for byte. After
//! each run, every `*.pdf` under the run's working folder is copied to
//! `<folder>/<module>::<test>/<n>/<path below the working folder>`, where
//! `<module>::<test>` is the test's thread name and `<n>` counts the test's
//! runs from 0. banmian itself never reads the variable.

use std::cell::Cell;
use std::path::{Path, PathBuf};

/// Where the PDFs go, if they are kept.
const KEEP: &str = "BANMIAN_TEST_KEEP";

thread_local! {
    /// The number of banmian runs this test (its thread) has started.
    static RUNS: Cell<usize> = const { Cell::new(0) };
}

/// The number of the run about to start in this test: 0, 1, 2 …
pub fn next_run() -> usize {
    RUNS.with(|runs| {
        let n = runs.get();
        runs.set(n + 1);
        n
    })
}

/// Keeps the PDFs under `cwd` as run `seq` of the current test, if
/// `BANMIAN_TEST_KEEP` is set and the thread has a name.
pub fn pdfs(cwd: &Path, seq: usize) {
    let Some(keep) = std::env::var_os(KEEP) else {
        return;
    };
    let thread = std::thread::current();
    let Some(test) = thread.name() else {
        return;
    };
    let to = PathBuf::from(keep).join(test).join(seq.to_string());
    for entry in walkdir::WalkDir::new(cwd).sort_by_file_name() {
        // A file may vanish while we look (a watcher replacing its page).
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if vanished(e.io_error()) => continue,
            Err(e) => panic!("{KEEP}: cannot walk {}: {e}", cwd.display()),
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let dest = to.join(path.strip_prefix(cwd).expect("below the working folder"));
        match std::fs::create_dir_all(dest.parent().expect("a file has a folder"))
            .and_then(|()| std::fs::copy(path, &dest))
        {
            Err(e) if !vanished(Some(&e)) => panic!(
                "{KEEP}: cannot copy {} to {}: {e}",
                path.display(),
                dest.display()
            ),
            _ => {}
        }
    }
}

fn vanished(e: Option<&std::io::Error>) -> bool {
    e.is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
}
