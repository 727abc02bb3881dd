//! The one way the tests run banmian. A [`Run`] says how: arguments,
//! working folder, environment, and the files the run must leave as it
//! found them. Its [`Outcome`] says what happened and asserts it fluently:
//!
//! ```text
//! banmian(dir, &["build", "ed", "-o", "out"])
//!     .leaves_untouched("out")
//!     .expect_exit(1)
//!     .stderr_contains("ed/edition.toml:8:");
//! ```
//!
//! Every failed assertion names the command, the folder it ran in, its exit
//! status, stdout and stderr.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Output, Stdio};

use super::font_cache;
use super::keep;
use super::snapshot::Snapshot;

/// The failure injections the tests turn on (see src/publish.rs); no other
/// run sees them, whatever the developer's environment holds.
const FAIL_POINTS: [&str; 2] = ["BANMIAN_FAIL_BEFORE_PUBLISH", "BANMIAN_PUBLISH_PAUSE_MS"];

/// `banmian <args>` in `cwd`, described; it runs when an outcome is asked
/// for ([`Run::output`], [`Run::expect_success`], [`Run::expect_exit`]) or
/// when it is [spawned](Run::spawn).
pub fn banmian(cwd: &Path, args: &[&str]) -> Run {
    Run {
        cwd: cwd.to_path_buf(),
        args: args.iter().map(OsString::from).collect(),
        env: Vec::new(),
        untouched: Vec::new(),
    }
}

/// A banmian run being described (see [`banmian`]).
#[must_use = "a Run does nothing until its outcome is asked for"]
pub struct Run {
    cwd: PathBuf,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    untouched: Vec<PathBuf>,
}

impl Run {
    /// Sets an environment variable for this run.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.env.push((key.into(), value.as_ref().to_owned()));
        self
    }

    /// Requires the run to leave `path` (a file or a folder, relative to
    /// the working folder or absolute) byte for byte as it found it: no file
    /// added, removed or changed; a path that does not exist must not come
    /// into being.
    pub fn leaves_untouched(mut self, path: impl AsRef<Path>) -> Self {
        self.untouched.push(self.cwd.join(path));
        self
    }

    /// Runs banmian to its end and returns what happened, asserting only
    /// what [`Run::leaves_untouched`] asked for.
    pub fn output(self) -> Outcome {
        let before: Vec<Snapshot> = self.untouched.iter().map(|p| Snapshot::take(p)).collect();
        let seq = keep::next_run();
        let output = self
            .command()
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.describe()));
        keep::pdfs(&self.cwd, seq);
        let outcome = Outcome {
            command: self.describe(),
            output,
        };
        for (path, before) in self.untouched.iter().zip(before) {
            if let Some(diff) = before.changes(&Snapshot::take(path)) {
                outcome.fail(&format!(
                    "{} should be left untouched, but {diff}",
                    path.display()
                ));
            }
        }
        outcome
    }

    /// Runs banmian and asserts that it succeeded without a panic.
    #[track_caller]
    pub fn expect_success(self) -> Outcome {
        self.output().expect_success()
    }

    /// Runs banmian and asserts that it exited with `code` without a panic.
    #[track_caller]
    pub fn expect_exit(self, code: i32) -> Outcome {
        self.output().expect_exit(code)
    }

    /// Starts banmian without waiting for it, stdout and stderr piped.
    pub fn spawn(self) -> Running {
        let seq = keep::next_run();
        let child = self
            .command()
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.describe()));
        Running {
            child: Some(child),
            command: self.describe(),
            cwd: self.cwd,
            seq,
        }
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_banmian"));
        cmd.current_dir(&self.cwd)
            .args(&self.args)
            // The tests' own font index, not the developer's ~/.cache.
            .env("BANMIAN_CACHE_DIR", font_cache());
        for key in FAIL_POINTS {
            cmd.env_remove(key);
        }
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd
    }

    fn describe(&self) -> String {
        let mut line = String::from("banmian");
        for arg in &self.args {
            write!(line, " {}", arg.to_string_lossy()).unwrap();
        }
        for (key, value) in &self.env {
            write!(
                line,
                " [{}={}]",
                key.to_string_lossy(),
                value.to_string_lossy()
            )
            .unwrap();
        }
        write!(line, " (in {})", self.cwd.display()).unwrap();
        line
    }
}

/// A banmian started by [`Run::spawn`] and not yet waited for; dropped
/// unwaited (a failed test), it is killed.
pub struct Running {
    child: Option<Child>,
    command: String,
    cwd: PathBuf,
    seq: usize,
}

impl Running {
    /// The process id, to send it a signal.
    pub fn id(&self) -> u32 {
        self.child.as_ref().expect("not yet waited for").id()
    }

    /// Its stderr, to read while it runs; [`Running::wait`] then has none.
    pub fn take_stderr(&mut self) -> ChildStderr {
        let child = self.child.as_mut().expect("not yet waited for");
        child.stderr.take().expect("stderr is taken once")
    }

    /// Waits for it to end and returns what happened.
    pub fn wait(mut self) -> Outcome {
        let child = self.child.take().expect("waited for once");
        let output = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("cannot wait for {}: {e}", self.command));
        keep::pdfs(&self.cwd, self.seq);
        Outcome {
            command: std::mem::take(&mut self.command),
            output,
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            // Best effort: it may have ended already.
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// What a banmian run did. The `expect_…` and `…_contains` methods assert
/// and return the outcome, so that they chain.
pub struct Outcome {
    command: String,
    output: Output,
}

impl Outcome {
    /// The exit code (`None` if a signal ended the process).
    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }

    /// Stdout as text.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    /// Stderr as text.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Stdout and stderr together, in that order.
    pub fn text(&self) -> String {
        self.stdout() + &self.stderr()
    }

    /// Stdout read as JSON (`--json`); fails showing stderr when it is not.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|e| self.fail(&format!("stdout is not JSON ({e})")))
    }

    /// Asserts that banmian succeeded (exit 0) without a panic.
    #[track_caller]
    pub fn expect_success(self) -> Self {
        self.expect_exit(0)
    }

    /// Asserts that banmian exited with `code`, without a panic.
    #[track_caller]
    pub fn expect_exit(self, code: i32) -> Self {
        let holds = self.code() == Some(code);
        self.require(holds, format!("expected exit code {code}"))
            .stderr_lacks("panicked")
    }

    /// Asserts that stderr contains `needle`.
    #[track_caller]
    pub fn stderr_contains(self, needle: &str) -> Self {
        let holds = self.stderr().contains(needle);
        self.require(holds, format!("stderr should contain {needle:?}"))
    }

    /// Asserts that stderr starts with `prefix`.
    #[track_caller]
    pub fn stderr_starts_with(self, prefix: &str) -> Self {
        let holds = self.stderr().starts_with(prefix);
        self.require(holds, format!("stderr should start with {prefix:?}"))
    }

    /// Asserts that stderr does not contain `needle`.
    #[track_caller]
    pub fn stderr_lacks(self, needle: &str) -> Self {
        let holds = !self.stderr().contains(needle);
        self.require(holds, format!("stderr should not contain {needle:?}"))
    }

    /// Asserts that stdout or stderr contains `needle`.
    #[track_caller]
    pub fn says(self, needle: &str) -> Self {
        let holds = self.text().contains(needle);
        self.require(holds, format!("stdout or stderr should contain {needle:?}"))
    }

    /// Asserts that neither stdout nor stderr contains `needle`.
    #[track_caller]
    pub fn says_nothing_of(self, needle: &str) -> Self {
        let holds = !self.text().contains(needle);
        self.require(
            holds,
            format!("stdout and stderr should not contain {needle:?}"),
        )
    }

    #[track_caller]
    fn require(self, holds: bool, what: String) -> Self {
        if !holds {
            self.fail(&what);
        }
        self
    }

    /// Panics with `what`, the command, its exit status, stdout and stderr.
    #[track_caller]
    pub fn fail(&self, what: &str) -> ! {
        panic!(
            "{what}\n  command: {}\n  status: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.command,
            self.output.status,
            self.stdout(),
            self.stderr()
        )
    }
}
