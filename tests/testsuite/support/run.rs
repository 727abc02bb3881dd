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
const FAIL_POINTS: [&str; 4] = [
    "BANMIAN_FAIL_BEFORE_PUBLISH",
    "BANMIAN_PUBLISH_PAUSE_MS",
    "BANMIAN_KILL_UPLOAD_AFTER",
    "BANMIAN_CLAIM_PAUSE_MS",
];

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
#[derive(Clone)]
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

    /// The same run with the desk's Chinese locale (`LANG=zh_CN.UTF-8`).
    pub fn in_chinese(&self) -> Self {
        self.clone().env("LANG", "zh_CN.UTF-8")
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
        // English unless a test asks for Chinese (`.env("LANG", "zh_CN.UTF-8")`),
        // whatever the developer's locale.
        for key in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
            cmd.env_remove(key);
        }
        cmd.env("LANG", "C.UTF-8");
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

    /// Asserts that this run, made in Chinese, failed as `english` (the same
    /// run in English) did: same exit code, its first line `错误：` where
    /// the English says `error: `, the same place (file, line, column and
    /// field: what both first lines begin with), and after it a message in
    /// Chinese: Han characters and no English sentence (three English
    /// words in a row, outside `code`, "quotes" and paths).
    #[track_caller]
    pub fn says_in_chinese_what(self, english: &Outcome) -> Self {
        let zh = self.expect_exit(english.code().unwrap_or(-1));
        let en_err = english.stderr();
        let zh_err = zh.stderr();
        // Whole stderr, not first lines: a place may hold a line break
        // (a folder named "new\nline").
        let (en_first, zh_first) = (en_err.as_str(), zh_err.as_str());
        let (en_said, zh_said) = match en_first.strip_prefix("error: ") {
            Some(rest) => match zh_first.strip_prefix("错误：") {
                Some(zh_rest) => (rest, zh_rest),
                None => zh.fail("the first line should start with 错误： as the English one starts with error: "),
            },
            None => (en_first, zh_first),
        };
        let same = en_said
            .char_indices()
            .zip(zh_said.chars())
            .find(|((_, a), b)| a != b)
            .map_or(en_said.len().min(zh_said.len()), |((i, _), _)| i);
        // The place ends at the last ": " both lines share.
        let place = en_said[..same].rfind(": ").map_or(0, |i| i + 2);
        if let Some(colon) = en_said.find(": ")
            && place < colon
            && (en_said[..colon].contains('/') || en_said[..colon].contains(".toml"))
            && english_sentence(&en_said[..colon]).is_none()
        {
            zh.fail(&format!(
                "the Chinese message names another place than {:?}",
                &en_said[..colon]
            ));
        }
        let message = zh_said[place..].lines().next().unwrap_or_default();
        if !message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            zh.fail(&format!(
                "the message after the place is not Chinese: {message:?}"
            ));
        }
        if let Some(words) = english_sentence(message) {
            zh.fail(&format!("the Chinese message has English in it: {words:?}"));
        }
        zh
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

/// Three or more English words in a row in `text`, leaving out what is
/// quoted (`code`, "…", “…”, 《…》) and paths, option names and file names.
pub fn english_sentence(text: &str) -> Option<String> {
    let mut plain = String::new();
    let mut closer: Option<char> = None;
    for c in text.chars() {
        match closer {
            Some(end) if c == end => closer = None,
            Some(_) => {}
            None => match c {
                '`' => closer = Some('`'),
                '"' => closer = Some('"'),
                '“' => closer = Some('”'),
                '《' => closer = Some('》'),
                _ => plain.push(c),
            },
        }
    }
    let mut run: Vec<&str> = Vec::new();
    for token in plain.split_whitespace() {
        let token = token.trim_matches(|c: char| ",.;:!?()".contains(c));
        let word = token.len() >= 2 && token.chars().all(|c| c.is_ascii_alphabetic() || c == '\'');
        if word {
            run.push(token);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else {
            run.clear();
        }
    }
    None
}
