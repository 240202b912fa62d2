//! What the integration tests share: the project root and a build of the real handbook.

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds content/ with the real binary into a temporary folder, kept alive by the TempDir.
pub fn build() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_livret"))
        .args(["build", "--root"])
        .arg(root())
        .arg("--output")
        .arg(&output)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    (dir, output)
}
