//! Output: writes the rendered site so that the published folder is never lost, torn or mixed.
//!
//! One writer at a time (`lock`): the site is written into a staging folder beside the output
//! folder, unique to this process ([`Staging`], opened before rendering so that pages go there as
//! they are made), and swapped in whole (`swap`), so a failed build leaves the
//! previous output byte for byte intact and readers see either the old or the new site. A folder
//! that cannot be swapped (a mount point) is updated in place, file by file (`place`), as are
//! `serve`'s partial rebuilds. The output folder is refused when it is the project root, lies
//! inside a source folder (symbolic links resolved), or holds files and no marker. In a marked
//! folder, livret replaces and removes only the files its marker lists (`manifest`): files a person
//! adds, such as a `.htaccess`, are kept. It also writes the content files' schemas among the
//! sources (`write_files`). This module writes; it renders nothing.

mod lock;
mod manifest;
mod place;
mod swap;

use std::ffi::OsString;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::msg;
use crate::render::{OutputFile, Passed};

pub use lock::OutputLock;
pub use manifest::MARKER;
use manifest::Manifest;
use swap::Swapped;

/// Folders of a project that an output folder may not be or lie in.
const SOURCE_DIRS: &[&str] = &["content", "templates", "theme", "src", ".git"];

/// The lock file's name inside a folder updated in place (beside it otherwise).
const LOCK_INSIDE: &str = ".livret-lock";

/// What a successful write did.
#[derive(Debug, Default)]
pub struct Written {
    /// What went right but deserves a word (a site put back, a folder that could not be removed).
    pub warnings: Diagnostics,
    /// The folder could not be swapped (a mount point) and was updated file by file.
    pub in_place: bool,
    /// Files a person put in the output folder, kept.
    pub kept: usize,
}

/// A failed write, and what is published now.
#[derive(Debug)]
pub struct WriteError {
    pub problem: Diagnostic,
    pub site: SiteState,
}

/// What the output folder holds after a failed write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteState {
    /// The previous site, untouched.
    Unchanged,
    /// A folder updated in place was stopped midway: some files are new, some old.
    PartlyUpdated,
    /// No site: the previous one is aside, and the next build puts it back.
    Missing,
}

impl WriteError {
    /// A failed file operation, its hint saying what is published after it.
    /// `what` is `create`, `write`, `remove`, `move` or `read` (selectors of `write-failed`).
    fn io(site: SiteState, what: &'static str, path: &Path, error: &std::io::Error) -> WriteError {
        let unchanged = if site == SiteState::Unchanged {
            "yes"
        } else {
            "no"
        };
        WriteError {
            problem: Diagnostic::error(msg!(
                "write-failed",
                what = what,
                path = path,
                error = error
            ))
            .hint(msg!("write-failed-hint", unchanged = unchanged)),
            site,
        }
    }
}

impl From<Diagnostic> for WriteError {
    fn from(problem: Diagnostic) -> Self {
        WriteError {
            problem,
            site: SiteState::Unchanged,
        }
    }
}

/// The output folder, its parent's links resolved, so that every path to one folder takes one lock.
#[derive(Debug)]
struct Target {
    dir: PathBuf,
    parent: PathBuf,
    name: OsString,
}

impl Target {
    fn new(output: &Path) -> Target {
        let dir = resolve(output);
        let parent = dir.parent().unwrap_or(Path::new("/")).to_path_buf();
        let name = dir.file_name().map(OsString::from).unwrap_or_default();
        Target { dir, parent, name }
    }

    /// `.<name>.livret-<suffix>` beside the output folder: on its file system, so renames are atomic.
    fn sibling(&self, suffix: &str) -> PathBuf {
        self.parent
            .join(format!(".{}.livret-{suffix}", self.name.to_string_lossy()))
    }

    fn staging_prefix(&self) -> String {
        format!(".{}.livret-new-", self.name.to_string_lossy())
    }

    /// Staging folders of earlier builds that were killed, and a retired site next to a present
    /// one (only [`swap::recover`] calls this, after putting back a retired site with none).
    fn leftovers(&self) -> Vec<PathBuf> {
        let staging = self.staging_prefix();
        let legacy = format!(".{}.livret-new", self.name.to_string_lossy());
        let retired = self.sibling("old");
        let Ok(entries) = fs::read_dir(&self.parent) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                name.starts_with(&staging) || name == legacy || *path == retired
            })
            .filter(|path| path.is_dir())
            .collect()
    }

    /// A folder whose own root is a file system's (a USB key's), or without parent: it cannot be
    /// renamed, and is updated in place.
    fn is_mount_point(&self) -> bool {
        if self.dir == self.parent {
            return true;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            match (fs::metadata(&self.dir), fs::metadata(&self.parent)) {
                (Ok(dir), Ok(parent)) => dir.dev() != parent.dev(),
                _ => false,
            }
        }
        #[cfg(not(unix))]
        false
    }

    fn lock(&self) -> Result<OutputLock, Diagnostic> {
        let path = if self.is_mount_point() {
            self.dir.join(LOCK_INSIDE)
        } else {
            self.sibling("lock")
        };
        OutputLock::acquire(&path, &self.dir)
    }
}

/// Writes `files` into `dir` (made if needed, with the files' folders), each replaced whole; other
/// files are left alone.
pub fn write_files(dir: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let failed =
        |what, path: &Path, e| WriteError::io(SiteState::Unchanged, what, path, &e).problem;
    fs::create_dir_all(dir).map_err(|e| failed("create", dir, e))?;
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| failed("create", parent, e))?;
        }
        place::replace_file(&path, &file.bytes).map_err(|e| failed("write", &path, e))?;
    }
    Ok(())
}

/// Refuses output folders whose replacement could destroy sources; a path that does not exist
/// yet is judged by where it would be, through the links of its nearest existing folder.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = resolve(root);
    let output = resolve(output);
    // `why` selects the reason in `output-refused`; `dir` names a source folder.
    let refuse = |why: &'static str, dir: &str| {
        Diagnostic::error(msg!(
            "output-refused",
            folder = &output,
            why = why,
            dir = dir
        ))
        .hint(msg!("output-refused-hint"))
    };
    if output == root || root.starts_with(&output) {
        return Err(refuse("project", ""));
    }
    for dir in SOURCE_DIRS {
        if output.starts_with(root.join(dir)) || output.starts_with(resolve(&root.join(dir))) {
            return Err(refuse("inside", dir));
        }
    }
    if output.exists() {
        if !output.is_dir() {
            return Err(refuse("file", ""));
        }
        let is_ours = output.join(MARKER).is_file();
        let is_empty = fs::read_dir(&output)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !is_ours && !is_empty {
            return Err(refuse("foreign", ""));
        }
    }
    Ok(())
}

/// Puts back a site that an interrupted build left aside, and removes what killed builds left;
/// for a build to do first, even one that then fails. Returns what it did, as warnings.
pub fn recover(output: &Path) -> Result<Diagnostics, WriteError> {
    let target = Target::new(output);
    let _lock = target.lock()?;
    swap::recover(&target)
}

/// Writes `files` into `output`, replacing its previous content in one swap (or, for a folder
/// that cannot be swapped, file by file); files a person added to the folder are kept.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<Written, WriteError> {
    Staging::open(output)?.finish(files, &[])
}

/// A site being written: the output folder's lock held, a site an interrupted build left aside put
/// back, and the staging folder the site's files may go to as soon as they are made, so that the
/// site is never held whole. Dropped without [`Staging::finish`], it leaves the output folder as
/// it was and removes the staging folder.
pub struct Staging {
    target: Target,
    _lock: OutputLock,
    /// What the recovery did.
    warnings: Diagnostics,
    /// `None` for a folder updated in place (a mount point, a parent livret may not write in).
    dir: Option<tempfile::TempDir>,
    /// The folders made in it.
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    pub fn open(output: &Path) -> Result<Staging, WriteError> {
        let target = Target::new(output);
        // `--output dist/site` where `dist/` does not exist yet: made, as the folder itself is.
        fs::create_dir_all(&target.parent)
            .map_err(|e| WriteError::io(SiteState::Unchanged, "create", &target.parent, &e))?;
        let lock = target.lock()?;
        let warnings = swap::recover(&target)?;
        let dir = match target.is_mount_point() {
            true => None,
            false => swap::staging(&target)?,
        };
        Ok(Staging {
            target,
            _lock: lock,
            warnings,
            dir,
            folders: Default::default(),
        })
    }

    /// What putting back an interrupted build's site did, as warnings.
    pub fn recovered(&self) -> Diagnostics {
        self.warnings.clone()
    }

    /// The staging folder files may be written into before the end, unless the site is to be
    /// updated in place.
    pub fn stage(&self) -> Option<Stage<'_>> {
        let dir = self.dir.as_ref()?;
        Some(Stage {
            dir: dir.path(),
            folders: &self.folders,
        })
    }

    /// Writes `files` beside the files `written` already, and puts the site in place: by one swap
    /// (or, for a folder that cannot be swapped, file by file); files a person added to the
    /// folder are kept.
    pub fn finish(self, files: &[OutputFile], written: &[Passed]) -> Result<Written, WriteError> {
        let target = &self.target;
        let mut done = Written {
            warnings: self.warnings,
            ..Written::default()
        };
        let previous = Manifest::read(&target.dir);
        let skip = [LOCK_INSIDE];
        let foreign = manifest::foreign_files(&target.dir, &previous, &skip)
            .map_err(|e| WriteError::io(SiteState::Unchanged, "read", &target.dir, &e))?;
        let paths = files.iter().map(|f| f.path.as_str());
        let all: Vec<&str> = paths
            .chain(written.iter().map(|w| w.path.as_str()))
            .collect();
        refuse_collisions(&target.dir, &foreign, &all)?;
        done.kept = foreign.len();
        let staging = match self.dir {
            Some(staging) => match swap::replace(target, staging, files, written, &foreign)? {
                Swapped::Done(warnings) => {
                    done.warnings.extend(warnings);
                    return Ok(done);
                }
                Swapped::Impossible(staging) => Some(staging),
            },
            None => None,
        };
        let read_back = read_back(staging.as_ref(), written)?;
        let files: Vec<OutputFile> = files.iter().cloned().chain(read_back).collect();
        place::update(&target.dir, &previous, &files, |f| {
            !place::holds(&target.dir, f)
        })?;
        done.in_place = true;
        Ok(done)
    }
}

/// A [`Staging`]'s folder, where files go as soon as they are made.
pub struct Stage<'a> {
    dir: &'a Path,
    /// The folders made in it.
    folders: &'a std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Stage<'_> {
    /// Writes `file` now (not synced: the swap, not the disk, is what keeps the previous site
    /// whole on failure).
    pub fn write(&self, file: &OutputFile) -> Result<(), WriteError> {
        let path = self.dir.join(&file.path);
        let failed = |what, path: &Path, e| WriteError::io(SiteState::Unchanged, what, path, &e);
        if let Some(folder) = path.parent() {
            let mut made = self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(folder) {
                fs::create_dir_all(folder).map_err(|e| failed("create", folder, e))?;
                made.insert(folder.to_path_buf());
            }
        }
        fs::write(&path, &file.bytes).map_err(|e| failed("write", &path, e))
    }

    /// A file [`Stage::write`] wrote, read back.
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        fs::read(self.dir.join(path)).ok()
    }
}

/// The files `written` into a staging folder that could not be swapped in, read back to be
/// placed one by one.
fn read_back(
    staging: Option<&tempfile::TempDir>,
    written: &[Passed],
) -> Result<Vec<OutputFile>, WriteError> {
    let Some(staging) = staging else {
        return Ok(Vec::new());
    };
    let read = |written: &Passed| {
        let full = staging.path().join(&written.path);
        let bytes = fs::read(&full);
        let bytes = bytes.map_err(|e| WriteError::io(SiteState::Unchanged, "read", &full, &e))?;
        Ok(OutputFile::new(written.path.clone(), bytes))
    };
    written.iter().map(read).collect()
}

/// Brings `output`, last written with `previous`, up to `files`: writes only the files whose bytes
/// changed, each one atomically, and removes the files no longer in the site. For `serve`'s partial
/// rebuilds, where rewriting the whole folder would cost far more than the rebuild; a folder that
/// is not livret's output gets a full write.
pub fn update_site(
    output: &Path,
    previous: &[OutputFile],
    files: &[OutputFile],
) -> Result<Written, WriteError> {
    let target = Target::new(output);
    let manifest = Manifest::read(&target.dir);
    if manifest == Manifest::Absent {
        return write_site(output, files);
    }
    let _lock = target.lock()?;
    let before: std::collections::HashMap<&str, &OutputFile> =
        previous.iter().map(|f| (f.path.as_str(), f)).collect();
    let changed = |file: &OutputFile| {
        before.get(file.path.as_str()).is_none_or(|old| {
            // The same bytes (kept from the previous build) are not even compared.
            let shared = old.bytes.as_ptr() == file.bytes.as_ptr();
            !shared && old.bytes != file.bytes
        })
    };
    // Only a path new to the site can meet a person's file: no need to walk the whole folder.
    let new_here: Vec<String> = files
        .iter()
        .filter(|f| {
            !manifest.made(&f.path) && fs::symlink_metadata(target.dir.join(&f.path)).is_ok()
        })
        .map(|f| f.path.clone())
        .collect();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    refuse_collisions(&target.dir, &new_here, &paths)?;
    place::update(&target.dir, &manifest, files, changed)?;
    Ok(Written::default())
}

/// A person's file where the new site has one of its own is never overwritten: the build stops.
fn refuse_collisions(dir: &Path, foreign: &[String], files: &[&str]) -> Result<(), Diagnostic> {
    let made: std::collections::HashSet<&str> = files.iter().copied().collect();
    let clashes: Vec<&str> = foreign
        .iter()
        .map(String::as_str)
        .filter(|path| made.contains(path))
        .collect();
    if clashes.is_empty() {
        return Ok(());
    }
    Err(Diagnostic::error(msg!(
        "output-collision",
        folder = dir,
        files = clashes.join(", "),
        count = clashes.len()
    ))
    .hint(msg!("output-collision-hint")))
}

/// `path` made absolute with its links resolved as far as it exists, so that a path through a link
/// is judged by where it leads even before it exists.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut resolved = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::CurDir => {}
            other => {
                resolved.push(other);
                if let Ok(real) = resolved.canonicalize() {
                    resolved = real;
                }
            }
        }
    }
    resolved
}

#[cfg(test)]
mod tests;
