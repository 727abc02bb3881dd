//! Installed (issue 16, point 7): a desk machine has the binary and its
//! `share/banmian/{layouts,fonts}` (scripts/install.sh), not the source
//! tree. The binary copied into such a tree finds its layouts and fonts
//! there — an edited layout in the installed tree shows on the page.

use std::process::Command;

use crate::support::{pdf_text, root, seed};

#[test]
fn an_installed_binary_uses_the_layouts_and_fonts_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let prefix = tmp.path().join("opt");
    let bin = prefix.join("bin");
    let share = prefix.join("share/banmian");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&share).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_banmian"), bin.join("banmian")).unwrap();
    for entry in walkdir::WalkDir::new(root().join("layouts")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(root()).unwrap();
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(share.join(rel)).unwrap();
        } else {
            std::fs::copy(entry.path(), share.join(rel)).unwrap();
        }
    }
    std::os::unix::fs::symlink(root().join("fonts"), share.join("fonts")).unwrap();
    // The installed layouts, not the source tree's: a mark in the folio.
    let folio = share.join("layouts/parts/folio.typ");
    let text = std::fs::read_to_string(&folio).unwrap();
    let marked = text.replacen(
        "styled(\"folio-paper\", edition.paper)",
        "styled(\"folio-paper\", edition.paper + \"安装版\")",
        1,
    );
    assert_ne!(text, marked, "the folio sets the paper's name");
    std::fs::write(&folio, marked).unwrap();

    let work = tmp.path().join("desk");
    std::fs::create_dir_all(&work).unwrap();
    let out = Command::new(bin.join("banmian"))
        .args(["build", seed().to_str().unwrap(), "-o", "out"])
        .current_dir(&work)
        .env_remove("BANMIAN_HOME")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = pdf_text(&work.join("out/xianning-2021-05.pdf"));
    assert!(page.contains("咸宁日报安装版"), "{page:.200}");
}
