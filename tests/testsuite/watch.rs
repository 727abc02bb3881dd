//! `banmian watch` driven as a user drives it: edit, break, fix, Ctrl-C.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::support::{banmian, copy_edition, edit, pdf_text, seed};

/// Waits for a line of the watcher's stderr containing `needle`; returns
/// every line read meanwhile.
fn wait_for(lines: &Receiver<String>, needle: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        match lines.recv_timeout(Duration::from_millis(200)) {
            Ok(line) => {
                let hit = line.contains(needle);
                seen.push(line);
                if hit {
                    return seen;
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(_) => break,
        }
    }
    panic!(
        "no line with {needle:?}; the watcher said:\n{}",
        seen.join("\n")
    );
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn watch_rebuilds_on_edits_keeps_the_last_good_page_and_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let ed = copy_edition(&seed(), tmp.path(), "xianning-2021");
    let out = tmp.path().join("out");
    let pdf = out.join("xianning-2021-05.pdf");
    let mut child = banmian(
        tmp.path(),
        &["watch", ed.to_str().unwrap(), "-o", out.to_str().unwrap()],
    )
    .spawn();
    let (tx, lines) = channel();
    let stderr = child.take_stderr();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });

    wait_for(&lines, "first build: wrote");
    let first = pdf_text(&pdf);
    assert!(first.contains("幕阜山"));
    assert!(!first.contains("监视测试"));

    // An edited paragraph shows up in the page.
    edit(&ed.join("feature.md"), "幕阜山", "监视测试");
    let said = wait_for(&lines, "feature.md changed: wrote");
    let edited = pdf_text(&pdf);
    assert!(edited.contains("监视测试"), "{said:?}");
    let good = std::fs::read(&pdf).unwrap();
    // The live rebuild is byte for byte what a fresh build of the same
    // sources writes.
    banmian(tmp.path(), &["build", "xianning-2021", "-o", "fresh"]).expect_success();
    assert!(
        std::fs::read(tmp.path().join("fresh/xianning-2021-05.pdf")).unwrap() == good,
        "the watched page differs from a fresh build"
    );

    // A broken edition.toml: the error names the file and line; the last
    // good page stays as it was.
    let toml = ed.join("edition.toml");
    let original = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{original}\npaper = \"重复\n")).unwrap();
    let said = wait_for(&lines, "failed after");
    let said = said.join("\n");
    assert!(said.contains("edition.toml:"), "{said}");
    assert!(said.contains("the last good page is kept"), "{said}");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        good,
        "the last good page is untouched"
    );

    // Fixed again: the page is rebuilt.
    std::fs::write(&toml, &original).unwrap();
    wait_for(&lines, "edition.toml changed: wrote");
    assert!(pdf_text(&pdf).contains("监视测试"));

    // Ctrl-C: a clean exit, and no temporary file left behind.
    // SAFETY: signals the child this test started and still owns.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    assert_eq!(sent, 0, "SIGINT sent");
    wait_for(&lines, "watch stopped");
    child.wait().expect_success();
    assert_eq!(files_in(&out), vec!["xianning-2021-05.pdf".to_string()]);
}
