//! The output folder on a file system of its own: a USB key's root (a mount point, which cannot be
//! renamed), and a previous site that cannot be removed because something is mounted inside it.
//! Each case runs in a private mount namespace (`unshare --mount --map-root-user`, util-linux) with
//! a tmpfs, so nothing is mounted outside the test. These tests need that tool and user
//! namespaces: `cargo test` leaves them out (ignored), `scripts/check-real-apps.sh` runs them
//! with `--ignored` and fails if they cannot run.

#![cfg(target_os = "linux")]

#[allow(dead_code)] // the helpers the other test files use
mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::tree;

/// Runs the shell `script` in a new mount namespace, with `LIVRET` (the binary), `ROOT` (a copy
/// of the handbook) and `WORK` (a scratch folder) set; returns its output, which must end well.
fn in_namespace(root: &Path, work: &Path, script: &str) -> String {
    let run = Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-euc"])
        // One stream, in order, so a run's diagnostics stay with its summary.
        .arg(format!("exec 2>&1\n{script}"))
        .env("LIVRET", env!("CARGO_BIN_EXE_livret"))
        .env("LIVRET_LANG", "en")
        .env("ROOT", root)
        .env("WORK", work)
        .env("NO_COLOR", "1")
        .output()
        .expect("cannot run unshare (util-linux)");
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        run.status.success(),
        "the namespace script failed:\n{output}"
    );
    output
}

fn handbook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&common::root().join("content"), &dir.path().join("content"));
    dir
}

#[test]
#[ignore = "needs unshare and user namespaces; run by scripts/check-real-apps.sh"]
fn a_mount_point_is_updated_in_place() {
    let project = handbook();
    let work = tempfile::tempdir().unwrap();
    let reference = work.path().join("reference");
    common::build_project(project.path(), &reference);
    fs::create_dir(work.path().join("usb")).unwrap();
    // A first build onto the empty key, a page added and built, removed and built again (its
    // page must go), a person's file on the key; then the key's files are copied out, since the
    // tmpfs ends with the namespace.
    let script = r#"
        mount -t tmpfs none "$WORK/usb"
        "$LIVRET" build --root "$ROOT" --output "$WORK/usb"
        echo "Un mot pour les lecteurs." > "$WORK/usb/LISEZMOI.txt"
        printf -- '---\ntitle: "Annexe"\norder: 99\n---\nUne page de plus.\n' > "$ROOT/content/pages/annexe.md"
        "$LIVRET" build --root "$ROOT" --output "$WORK/usb"
        test -f "$WORK/usb/annexe.html"
        rm "$ROOT/content/pages/annexe.md"
        "$LIVRET" build --root "$ROOT" --output "$WORK/usb"
        mkdir "$WORK/copy"
        cp -a "$WORK/usb/." "$WORK/copy/"
        ls -A "$WORK"
    "#;
    let output = in_namespace(project.path(), work.path(), script);
    assert_eq!(
        output.matches("updated in place, file by file").count(),
        3,
        "{output}"
    );
    assert!(
        !output.contains(".usb.livret"),
        "a staging folder was made beside the key:\n{output}"
    );
    let mut copied = tree(&work.path().join("copy"));
    assert_eq!(
        copied.remove("LISEZMOI.txt").as_deref(),
        Some(&b"Un mot pour les lecteurs.\n"[..]),
        "the person's file is kept"
    );
    assert!(
        copied.remove(".livret-lock").is_some(),
        "the lock is inside the key"
    );
    let expected = tree(&reference);
    let differing: Vec<&String> = expected
        .keys()
        .chain(copied.keys())
        .filter(|k| expected.get(*k) != copied.get(*k))
        .collect();
    assert!(
        differing.is_empty(),
        "unlike a build into a folder: {differing:?}"
    );
}

#[test]
#[ignore = "needs unshare and user namespaces; run by scripts/check-real-apps.sh"]
fn a_previous_site_that_cannot_be_removed_is_a_warning_not_a_failure() {
    let project = handbook();
    let work = tempfile::tempdir().unwrap();
    // Something mounted inside the published site: once the new site is swapped in, the old one
    // cannot be removed (the mount is busy). Both builds must publish, and say what is left.
    let script = r#"
        "$LIVRET" build --root "$ROOT" --output "$WORK/public"
        mkdir "$WORK/public/montage"
        mount -t tmpfs none "$WORK/public/montage"
        echo "page v2" >> "$ROOT/content/pages/formation.md"
        "$LIVRET" build --root "$ROOT" --output "$WORK/public"
        echo "--- second"
        echo "page v3" >> "$ROOT/content/pages/formation.md"
        "$LIVRET" build --root "$ROOT" --output "$WORK/public"
        grep -c "page v3" "$WORK/public/formation.html"
    "#;
    let output = in_namespace(project.path(), work.path(), script);
    let (first, second) = output.split_once("--- second").unwrap();
    for run in [first, second] {
        assert!(run.contains("livret: built"), "{output}");
        assert!(run.contains("cannot remove"), "{output}");
        assert!(run.contains("an earlier version of the site"), "{output}");
    }
    assert!(
        second.trim_end().ends_with('1'),
        "the third version is published:\n{output}"
    );
}
