//! What the integration tests share: the project root and a build of the real handbook.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod content;
pub mod server;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds content/ with the real binary into a temporary folder, kept alive by the TempDir.
pub fn build() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    build_project(root(), &output);
    (dir, output)
}

/// Builds the project at `project` with the real binary into `output`; the build must succeed.
pub fn build_project(project: &Path, output: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_livret"))
        .args(["build", "--root"])
        .arg(project)
        .arg("--output")
        .arg(output)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Copies the folder `from` to `to`, recursively.
#[allow(dead_code)] // not every test crate copies a project
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}
