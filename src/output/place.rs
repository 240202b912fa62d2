//! Updating an output folder in place, file by file: for a folder that cannot be swapped (the root
//! of a USB key is a mount point) and for `serve`'s partial rebuilds. Each changed file is written
//! beside itself and renamed over the old one, so no file is ever half-written; the marker lists
//! every file livret made before any is written, and the files no longer in the site are removed
//! last. Readers may see old and new pages side by side while it runs. Runs under the output lock.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::Path;

use crate::render::OutputFile;

use super::manifest::{self, MARKER, Manifest, TEMPORARY_SUFFIX};
use super::{SiteState, WriteError};

/// Brings `dir`, whose marker says `previous`, up to `files`, writing only the files `changed`
/// says differ. Returns how many files were written.
pub fn update(
    dir: &Path,
    previous: &Manifest,
    files: &[OutputFile],
    changed: impl Fn(&OutputFile) -> bool,
) -> Result<usize, WriteError> {
    let unchanged = |what, path: &Path, e| WriteError::io(SiteState::Unchanged, what, path, &e);
    let partly = |what, path: &Path, e| WriteError::io(SiteState::PartlyUpdated, what, path, &e);
    fs::create_dir_all(dir).map_err(|e| unchanged("create", dir, e))?;
    let new: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    // Until the end, the marker lists the old files as well as the new: an update stopped midway
    // leaves every file livret made known as livret's.
    let during = manifest::marker(previous.files().chain(new.iter().copied()));
    replace_file(&dir.join(MARKER), &during).map_err(|e| unchanged("write", dir, e))?;
    let mut written = 0;
    for file in files.iter().filter(|f| changed(f)) {
        let path = dir.join(&file.path);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| partly("create", folder, e))?;
        }
        replace_file(&path, &file.bytes).map_err(|e| partly("write", &path, e))?;
        written += 1;
    }
    for gone in previous.files().filter(|path| !new.contains(path)) {
        let path = dir.join(gone);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(partly("remove", &path, e));
            }
            // A folder the site no longer uses goes with its last file (and stays if it is not
            // empty: a person's files may be in it).
            _ => remove_empty_folders(dir, &path),
        }
    }
    let after = manifest::marker(new.iter().copied());
    replace_file(&dir.join(MARKER), &after).map_err(|e| partly("write", dir, e))?;
    Ok(written)
}

/// Whether the file at `dir/file.path` already holds `file`'s bytes.
pub fn holds(dir: &Path, file: &OutputFile) -> bool {
    fs::read(dir.join(&file.path)).is_ok_and(|bytes| bytes == file.bytes.as_ref())
}

/// Writes `bytes` beside `path`, then renames them over it.
pub(super) fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}{TEMPORARY_SUFFIX}"));
    fs::write(&temporary, bytes)
        .and_then(|()| fs::rename(&temporary, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&temporary);
        })
}

/// Removes the folders above `path`, up to `dir`, that are now empty.
fn remove_empty_folders(dir: &Path, path: &Path) {
    let mut folder = path.parent();
    while let Some(current) = folder.filter(|f| *f != dir && f.starts_with(dir)) {
        if fs::remove_dir(current).is_err() {
            break;
        }
        folder = current.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_writes_the_changed_files_and_removes_the_gone_ones() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("public");
        let before = [
            OutputFile::new("a/kept.html", b"kept".to_vec()),
            OutputFile::new("changed.html", b"old".to_vec()),
            OutputFile::new("gone/gone.html", b"gone".to_vec()),
        ];
        update(&dir, &Manifest::Absent, &before, |_| true).unwrap();
        fs::write(dir.join(".htaccess"), "mine").unwrap();
        let after = [
            before[0].clone(),
            OutputFile::new("changed.html", b"new".to_vec()),
            OutputFile::new("b/added.html", b"added".to_vec()),
        ];
        let written = update(&dir, &Manifest::read(&dir), &after, |f| !holds(&dir, f)).unwrap();
        assert_eq!(written, 2, "the unchanged file is not written again");
        assert_eq!(fs::read(dir.join("changed.html")).unwrap(), b"new");
        assert_eq!(fs::read(dir.join(".htaccess")).unwrap(), b"mine");
        assert!(!dir.join("gone").exists(), "the emptied folder is removed");
        let manifest = Manifest::read(&dir);
        assert_eq!(
            manifest.files().collect::<Vec<_>>(),
            ["a/kept.html", "b/added.html", "changed.html"]
        );
    }
}
