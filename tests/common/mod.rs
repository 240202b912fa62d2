//! What the integration tests share: the project root and a build of the real handbook.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod content;
pub mod process;
pub mod server;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Builds content/ with the real binary into a temporary folder, kept alive by the TempDir.
#[allow(dead_code)] // not every test crate builds the handbook
pub fn build() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    build_project(root(), &output);
    (dir, output)
}

/// Builds the project at `project` with the real binary into `output`; the build must succeed.
pub fn build_project(project: &Path, output: &Path) {
    let run = Command::new(env!("CARGO_BIN_EXE_livret"))
        .env("LIVRET_LANG", "en")
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

/// A validator of the CASE 1.0 CFPackage schema (a copy of the one given with the format notes,
/// kept with the tests so that `cargo test` needs nothing outside the repository), formats checked.
#[allow(dead_code)] // not every test crate reads a CASE package
pub fn case_validator() -> jsonschema::Validator {
    let schema_path = root().join("tests/schemas/case-v1p0-cfpackage-schema.json");
    let bytes = fs::read(&schema_path).unwrap_or_else(|e| {
        panic!(
            "the CASE schema is missing at {}: {e}",
            schema_path.display()
        )
    });
    let schema: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// Adds `n` chapters to the project at `project`, `p0000.md`…, each linking to the chapter 600
/// further on (to its heading `#suite`): enough for the print edition to come in volumes.
#[allow(dead_code)] // not every test crate makes a long handbook
pub fn add_chapters(project: &Path, n: usize) {
    for i in 0..n {
        let far = (i + 600) % n;
        let text = format!(
            "---\ntitle: \"Chapitre {i}\"\norder: {}\n---\nVoir [le chapitre {far}](p{far:04}.md#suite).\n\n## Suite\n\nFin.\n",
            100 + i
        );
        fs::write(project.join(format!("content/pages/p{i:04}.md")), text).unwrap();
    }
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

/// Every file under `dir`, as paths relative to it.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.strip_prefix(dir).unwrap().to_path_buf();
        if path.is_dir() {
            found.extend(files(&path).into_iter().map(|p| name.join(p)));
        } else {
            found.push(name);
        }
    }
    found
}

/// Every file under `dir`: relative path → bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let read = |file: PathBuf| {
        (
            file.display().to_string(),
            fs::read(dir.join(file)).unwrap(),
        )
    };
    files(dir).into_iter().map(read).collect()
}
