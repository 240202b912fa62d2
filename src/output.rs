//! Output: writes the rendered files so that the previous site is never broken.
//!
//! The site is written into a fresh staging folder beside the output folder and swapped in only when
//! complete, so a failed build leaves the previous output byte for byte intact and readers see either
//! the old or the new site. The output folder is refused when it is the project root, lies inside a
//! source folder, or holds files livret did not create (it never deletes what it did not make).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::render::OutputFile;

/// Marks a folder as livret's output, so a later build may replace it.
pub const MARKER: &str = ".livret-output";

/// Folders of a project that an output folder may not be or lie in.
const SOURCE_DIRS: &[&str] = &["content", "templates", "theme", "src", ".git"];

/// Refuses output folders whose replacement could destroy sources.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let output = absolute(output);
    let refuse = |why: &str| {
        Diagnostic::error(format!(
            "refusing to write the site to {}: {why}",
            output.display()
        ))
        .hint("choose another folder with --output, e.g. --output public")
    };
    if output == root || root.starts_with(&output) {
        return Err(refuse("it is the project folder or contains it"));
    }
    for dir in SOURCE_DIRS {
        if output.starts_with(root.join(dir)) {
            return Err(refuse(&format!(
                "it is inside the project's `{dir}/` folder"
            )));
        }
    }
    if output.exists() {
        if !output.is_dir() {
            return Err(refuse("it is a file"));
        }
        let is_ours = output.join(MARKER).is_file();
        let is_empty = fs::read_dir(&output)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !is_ours && !is_empty {
            return Err(refuse("it holds files livret did not create"));
        }
    }
    Ok(())
}

/// Writes `files` into `output`, replacing its previous content in one swap.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let output = absolute(output);
    let failed = |what: &str, path: &Path, e: io::Error| {
        Diagnostic::error(format!("cannot {what} {}: {e}", path.display())).hint(
            "check the disk space and the folder's permissions; the previous site is unchanged",
        )
    };
    let parent = output.parent().unwrap_or(Path::new("/")).to_path_buf();
    fs::create_dir_all(&parent).map_err(|e| failed("create", &parent, e))?;
    let staging = sibling(&output, "new");
    let retired = sibling(&output, "old");
    for leftover in [&staging, &retired] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(|e| failed("remove", leftover, e))?;
        }
    }
    let written = write_tree(&staging, files).map_err(|(path, e)| failed("write", &path, e));
    if let Err(problem) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(problem);
    }
    if output.exists() {
        fs::rename(&output, &retired).map_err(|e| failed("move aside", &output, e))?;
    }
    if let Err(e) = fs::rename(&staging, &output) {
        // Put the previous site back before reporting.
        let _ = fs::rename(&retired, &output);
        return Err(failed("move into place", &output, e));
    }
    if retired.exists() {
        fs::remove_dir_all(&retired).map_err(|e| failed("remove", &retired, e))?;
    }
    Ok(())
}

/// Brings `output`, last written with `previous`, up to `files`: writes only the files whose bytes
/// changed, each one atomically (written beside itself, then renamed over it), and removes the files
/// no longer in the site. For `serve`'s partial rebuilds, where rewriting the whole folder would
/// cost far more than the rebuild; a folder that is not livret's output gets a full write.
pub fn update_site(
    output: &Path,
    previous: &[OutputFile],
    files: &[OutputFile],
) -> Result<(), Diagnostic> {
    if !output.join(MARKER).is_file() {
        return write_site(output, files);
    }
    let failed = |path: &Path, e: io::Error| {
        Diagnostic::error(format!("cannot update {}: {e}", path.display()))
            .hint("check the disk space and the folder's permissions")
    };
    let before: HashMap<&str, &OutputFile> =
        previous.iter().map(|f| (f.path.as_str(), f)).collect();
    let changed = files.iter().filter(|file| {
        before.get(file.path.as_str()).is_none_or(|old| {
            // The same bytes (kept from the previous build) are not even compared.
            let shared = old.bytes.as_ptr() == file.bytes.as_ptr();
            !shared && old.bytes != file.bytes
        })
    });
    for file in changed {
        let path = output.join(&file.path);
        let temporary = sibling(&path, "new");
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| failed(folder, e))?;
        }
        fs::write(&temporary, &file.bytes)
            .and_then(|()| fs::rename(&temporary, &path))
            .map_err(|e| failed(&path, e))?;
    }
    let kept: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for gone in previous.iter().filter(|f| !kept.contains(f.path.as_str())) {
        let path = output.join(&gone.path);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(failed(&path, e)),
            _ => {}
        }
    }
    Ok(())
}

fn write_tree(dir: &Path, files: &[OutputFile]) -> Result<(), (PathBuf, io::Error)> {
    fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e))?;
    fs::write(
        dir.join(MARKER),
        b"This folder is generated by livret; it is replaced on each build.\n",
    )
    .map_err(|e| (dir.join(MARKER), e))?;
    // Each folder once (not once per file), then the files on every core, without syncing: the
    // swap, not the disk, is what keeps the previous site whole on failure.
    let folders: BTreeSet<&Path> = files
        .iter()
        .filter_map(|file| Path::new(&file.path).parent())
        .collect();
    for folder in folders {
        let path = dir.join(folder);
        fs::create_dir_all(&path).map_err(|e| (path, e))?;
    }
    files.par_iter().try_for_each(|file| {
        let path = dir.join(&file.path);
        fs::write(&path, &file.bytes).map_err(|e| (path, e))
    })
}

/// `.<name>.livret-<suffix>` beside `output`: same file system, so renames are atomic.
fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    output.with_file_name(format!(".{name}.livret-{suffix}"))
}

fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Resolve symlinks where the folder exists, so `public -> .` is caught as the root.
    path.canonicalize().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_root_sources_and_foreign_folders() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join("content")).unwrap();
        fs::create_dir_all(root.path().join("docs")).unwrap();
        fs::write(root.path().join("docs/notes.txt"), "mine").unwrap();
        assert!(check_output_dir(root.path(), root.path()).is_err());
        assert!(check_output_dir(root.path(), &root.path().join("content/out")).is_err());
        assert!(check_output_dir(root.path(), &root.path().join("docs")).is_err());
        assert!(check_output_dir(root.path(), &root.path().join("public")).is_ok());
    }

    #[test]
    fn swap_replaces_previous_output_whole() {
        let root = tempfile::tempdir().unwrap();
        let output = root.path().join("public");
        write_site(&output, &[OutputFile::new("a/old.html", b"old".to_vec())]).unwrap();
        write_site(&output, &[OutputFile::new("new.html", b"new".to_vec())]).unwrap();
        assert!(!output.join("a/old.html").exists());
        assert_eq!(fs::read(output.join("new.html")).unwrap(), b"new");
        assert!(check_output_dir(root.path(), &output).is_ok());
        let leftovers: Vec<_> = fs::read_dir(root.path()).unwrap().flatten().collect();
        assert_eq!(
            leftovers.len(),
            1,
            "staging folders left behind: {leftovers:?}"
        );
    }

    #[test]
    fn an_update_writes_the_changed_files_and_removes_the_gone_ones() {
        let root = tempfile::tempdir().unwrap();
        let output = root.path().join("public");
        let kept = OutputFile::new("a/kept.html", b"kept".to_vec());
        let before = [
            kept.clone(),
            OutputFile::new("changed.html", b"old".to_vec()),
            OutputFile::new("gone.html", b"gone".to_vec()),
        ];
        write_site(&output, &before).unwrap();
        // A file the update must not touch: were it rewritten, it would hold `kept` again.
        fs::write(output.join("a/kept.html"), "untouched").unwrap();
        let after = [
            kept,
            OutputFile::new("changed.html", b"new".to_vec()),
            OutputFile::new("b/added.html", b"added".to_vec()),
        ];
        update_site(&output, &before, &after).unwrap();
        assert_eq!(fs::read(output.join("a/kept.html")).unwrap(), b"untouched");
        assert_eq!(fs::read(output.join("changed.html")).unwrap(), b"new");
        assert_eq!(fs::read(output.join("b/added.html")).unwrap(), b"added");
        assert!(!output.join("gone.html").exists());
        let mut names: Vec<_> = fs::read_dir(&output)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, [".livret-output", "a", "b", "changed.html"]);
    }
}
