//! Replacing an output folder whole: the new site is written into a staging folder beside it
//! (unique to this process) and exchanged with it in one atomic step where the system offers one
//! (Linux `renameat2(RENAME_EXCHANGE)`), else by two renames, which a build interrupted between
//! them leaves for the next build to undo. Runs under the output lock.

use std::fs;
use std::io;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::msg;
use crate::render::{OutputFile, Passed};

use super::manifest::{self, MARKER};
use super::{SiteState, Target, WriteError};

/// How a swap ended.
pub enum Swapped {
    /// The new site is in place; warnings about what could not be cleaned up.
    Done(Diagnostics),
    /// The folder cannot be swapped (a folder in use): nothing was changed, and the site must be
    /// updated in place, from the staging folder given back.
    Impossible(tempfile::TempDir),
}

/// A new staging folder beside the output folder, or `None` where livret may not make one (a
/// key's mount folder, say): the site is then updated in place.
pub fn staging(target: &Target) -> Result<Option<tempfile::TempDir>, WriteError> {
    let staging = tempfile::Builder::new()
        .prefix(&target.staging_prefix())
        .tempdir_in(&target.parent);
    match staging {
        Ok(staging) => Ok(Some(staging)),
        Err(e) if target.dir.is_dir() && is_not_permitted(&e) => Ok(None),
        Err(e) => Err(WriteError::io(
            SiteState::Unchanged,
            "create",
            &target.parent,
            &e,
        )),
    }
}

/// Puts back the site of a build interrupted between its two renames, and removes what earlier
/// builds left: staging folders of killed builds, a retired site that could not be removed.
/// Returns warnings (what was put back, what could not be removed).
pub fn recover(target: &Target) -> Result<Diagnostics, WriteError> {
    let mut warnings = Diagnostics::new();
    let retired = target.sibling("old");
    if retired.is_dir() && fs::symlink_metadata(&target.dir).is_err() {
        fs::rename(&retired, &target.dir).map_err(|e| WriteError {
            problem: Diagnostic::error(msg!(
                "recover-failed",
                folder = &target.dir,
                retired = &retired,
                error = &e
            ))
            .hint(msg!(
                "recover-failed-hint",
                folder = &target.dir,
                retired = &retired
            )),
            site: SiteState::Missing,
        })?;
        warnings.push(
            Diagnostic::warning(msg!("recovered", folder = &target.dir))
                .hint(msg!("recovered-hint")),
        );
    }
    for leftover in target.leftovers() {
        if let Err(e) = fs::remove_dir_all(&leftover) {
            warnings.push(cannot_remove(&leftover, &e));
        }
    }
    Ok(warnings)
}

/// Writes `files` (with the marker listing them and `written`, the files written into it
/// already, and the person's `foreign` files, taken from the current folder) into `staging`,
/// then swaps it with the output folder.
pub fn replace(
    target: &Target,
    staging: tempfile::TempDir,
    files: &[OutputFile],
    written: &[Passed],
    foreign: &[String],
) -> Result<Swapped, WriteError> {
    let unchanged = |what, path: &Path, e| WriteError::io(SiteState::Unchanged, what, path, &e);
    write_tree(staging.path(), files, written)
        .and_then(|()| carry_over(&target.dir, staging.path(), foreign))
        .map_err(|(path, e)| unchanged("write", &path, e))?;
    if fs::symlink_metadata(&target.dir).is_err() {
        let staged = staging.keep();
        return fs::rename(&staged, &target.dir)
            .map(|()| Swapped::Done(Diagnostics::new()))
            .map_err(|e| {
                let _ = fs::remove_dir_all(&staged);
                unchanged("move", &target.dir, e)
            });
    }
    match exchange(staging.path(), &target.dir) {
        Ok(()) => {
            // The staging path now holds the previous site.
            let previous = staging.path().to_path_buf();
            let mut warnings = Diagnostics::new();
            if let Err(e) = staging.close() {
                warnings.push(cannot_remove(&previous, &e));
            }
            Ok(Swapped::Done(warnings))
        }
        Err(e) if cannot_swap(&e) => Ok(Swapped::Impossible(staging)),
        Err(e) if exchange_unsupported(&e) => two_renames(target, staging),
        Err(e) => Err(unchanged("move", &target.dir, e)),
    }
}

/// The swap where no atomic exchange exists: the output folder is renamed aside, the staging
/// folder into place, and the previous site removed. A build killed between the two renames
/// leaves the previous site aside, where [`recover`] finds it.
fn two_renames(target: &Target, staging: tempfile::TempDir) -> Result<Swapped, WriteError> {
    let retired = target.sibling("old");
    if let Err(e) = fs::rename(&target.dir, &retired) {
        return if cannot_swap(&e) {
            Ok(Swapped::Impossible(staging))
        } else {
            Err(WriteError::io(
                SiteState::Unchanged,
                "move aside",
                &target.dir,
                &e,
            ))
        };
    }
    let staged = staging.keep();
    if let Err(e) = fs::rename(&staged, &target.dir) {
        let _ = fs::remove_dir_all(&staged);
        return match fs::rename(&retired, &target.dir) {
            Ok(()) => Err(WriteError::io(
                SiteState::Unchanged,
                "move",
                &target.dir,
                &e,
            )),
            Err(_) => Err(WriteError {
                problem: Diagnostic::error(msg!("swap-failed", folder = &target.dir, error = &e))
                    .hint(msg!("swap-failed-hint", retired = &retired)),
                site: SiteState::Missing,
            }),
        };
    }
    let mut warnings = Diagnostics::new();
    if let Err(e) = fs::remove_dir_all(&retired) {
        warnings.push(cannot_remove(&retired, &e));
    }
    Ok(Swapped::Done(warnings))
}

/// Exchanges two folders in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The system or the file system has no atomic exchange.
fn exchange_unsupported(error: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    {
        use rustix::io::Errno;
        let code = error.raw_os_error();
        [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP]
            .iter()
            .any(|errno| code == Some(errno.raw_os_error()))
    }
    #[cfg(not(target_os = "linux"))]
    {
        error.kind() == io::ErrorKind::Unsupported
    }
}

/// The output folder cannot be renamed: a mount point, or a folder in use.
fn cannot_swap(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ResourceBusy | io::ErrorKind::CrossesDevices
    )
}

fn is_not_permitted(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// Writes the files, and the marker listing them and those `written` already, into the new
/// folder `dir`.
fn write_tree(
    dir: &Path,
    files: &[OutputFile],
    written: &[Passed],
) -> Result<(), (std::path::PathBuf, io::Error)> {
    let paths = files.iter().map(|f| f.path.as_str());
    let marker = manifest::marker(paths.chain(written.iter().map(|w| w.path.as_str())));
    fs::write(dir.join(MARKER), marker).map_err(|e| (dir.join(MARKER), e))?;
    // Each folder once (not once per file), then the files on every core, without syncing: the
    // swap, not the disk, is what keeps the previous site whole on failure.
    let folders: std::collections::BTreeSet<&Path> = files
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

/// Brings the person's files from the current folder into the staging one: linked where the
/// file system allows (the current folder is removed after the swap), else copied.
fn carry_over(
    from: &Path,
    to: &Path,
    foreign: &[String],
) -> Result<(), (std::path::PathBuf, io::Error)> {
    for path in foreign {
        let (source, target) = (from.join(path), to.join(path));
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(|e| (folder.to_path_buf(), e))?;
        }
        let is_link = fs::symlink_metadata(&source).is_ok_and(|m| m.file_type().is_symlink());
        let carried = if is_link {
            copy_link(&source, &target)
        } else {
            fs::hard_link(&source, &target).or_else(|_| fs::copy(&source, &target).map(drop))
        };
        carried.map_err(|e| (source, e))?;
    }
    Ok(())
}

#[cfg(unix)]
fn copy_link(source: &Path, target: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(fs::read_link(source)?, target)
}

#[cfg(not(unix))]
fn copy_link(source: &Path, target: &Path) -> io::Result<()> {
    fs::copy(source, target).map(drop)
}

fn cannot_remove(path: &Path, error: &io::Error) -> Diagnostic {
    Diagnostic::warning(msg!("cannot-remove-old", folder = path, error = error))
        .hint(msg!("cannot-remove-old-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_swap_by_two_renames_publishes_the_new_site_and_removes_the_old() {
        let root = tempfile::tempdir().unwrap();
        let target = Target::new(&root.path().join("public"));
        fs::create_dir(&target.dir).unwrap();
        fs::write(target.dir.join("old.html"), "old").unwrap();
        let staging = tempfile::Builder::new()
            .prefix(&target.staging_prefix())
            .tempdir_in(&target.parent)
            .unwrap();
        fs::write(staging.path().join("new.html"), "new").unwrap();
        let Swapped::Done(warnings) = two_renames(&target, staging).unwrap() else {
            panic!("the swap was judged impossible");
        };
        assert!(warnings.is_empty());
        assert_eq!(fs::read(target.dir.join("new.html")).unwrap(), b"new");
        assert!(!target.dir.join("old.html").exists());
        assert!(target.leftovers().is_empty(), "{:?}", target.leftovers());
    }
}
