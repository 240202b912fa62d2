//! The project's files on disk: the one place livret opens them.
//!
//! A file is read only when it is an ordinary file inside the project: a symbolic link is followed
//! while its target stays inside the project folder, and refused (naming the link, never showing
//! the target's text) when it leaves it, loops or leads nowhere. Named pipes, devices and sockets
//! are refused before they are read, so a pipe cannot hang a build, and the size cap counts the
//! bytes actually read, so a file that reports a false size cannot exhaust memory. This module
//! knows nothing of what the files mean.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use crate::catalogue::Message;
use crate::diagnostic::Diagnostic;
use crate::msg;

/// Content files larger than this are refused: a handbook file is a few kilobytes, and a runaway
/// file must not eat memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Theme files (images and fonts among them) larger than this are refused.
pub const MAX_THEME_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads the file `relative` (to `root`) whole, if it is an ordinary file inside the project of at
/// most `cap` bytes.
pub fn read(root: &Path, relative: &Path, cap: u64) -> Result<Vec<u8>, Diagnostic> {
    let file = match open_without_links(root, relative) {
        Some(file) => file,
        None => open(&resolve(root, relative)?).map_err(|e| unreadable(relative, &e))?,
    };
    let metadata = file.metadata().map_err(|e| unreadable(relative, &e))?;
    if !metadata.is_file() {
        return Err(not_regular(relative, &metadata));
    }
    let mut bytes = Vec::with_capacity(metadata.len().min(cap) as usize);
    // One byte past the cap tells a file over it from a file exactly at it.
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(relative, &e))?;
    if bytes.len() as u64 > cap {
        return Err(Diagnostic::error(msg!("file-too-large", cap = cap))
            .in_file(relative)
            .hint(msg!("file-too-large-hint")));
    }
    Ok(bytes)
}

/// The entries of the folder `relative` (to `root`) whose names `wanted` accepts, as paths relative
/// to `root`, in name order. Sub-folders are left out; everything else is listed, so that a link
/// that loops or leads nowhere, or a pipe, is reported when it is read rather than skipped.
pub fn list(
    root: &Path,
    relative: &Path,
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<PathBuf>, Diagnostic> {
    let folder = resolve(root, relative)?;
    let entries = fs::read_dir(&folder).map_err(|e| {
        Diagnostic::error(msg!("folder-unreadable", error = &e))
            .in_file(relative)
            .hint(msg!("folder-unreadable-hint"))
    })?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_folder && wanted(&name) {
            files.push(relative.join(name.as_ref()));
        }
    }
    files.sort();
    Ok(files)
}

/// Every file under the folder `relative` (to `root`), recursively, as paths relative to that
/// folder, in path order; hidden files and editor backups (`~`) are left out. Links to folders
/// are followed on the same terms as links to files.
pub fn walk(root: &Path, relative: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let base = resolve(root, relative)?;
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(&base)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        let entry = entry.map_err(|e| walk_error(root, relative, &base, &e))?;
        let inside = entry.path().strip_prefix(&base).unwrap_or(entry.path());
        if entry.path_is_symlink() {
            // Checked before walking into a linked folder, so nothing outside is even listed.
            resolve(root, &relative.join(inside))?;
        }
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_dir() || name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        files.push(inside.to_path_buf());
    }
    Ok(files)
}

/// Where `relative` really is: `root.join(relative)` when no part of it is a symbolic link, else
/// the link's target when it stays inside the project.
pub fn resolve(root: &Path, relative: &Path) -> Result<PathBuf, Diagnostic> {
    let mut current = root.to_path_buf();
    for component in relative.components() {
        if !matches!(component, Component::Normal(_)) {
            return Err(
                Diagnostic::error(msg!("path-leaves-folder", path = relative)).in_file(relative),
            );
        }
        current.push(component);
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                return follow_link(root, relative, &current);
            }
            Ok(_) => {}
            Err(e) => return Err(unreadable(relative, &e)),
        }
    }
    Ok(current)
}

/// Follows the link `link` (a part of `relative`) only if the whole path stays in the project.
fn follow_link(root: &Path, relative: &Path, link: &Path) -> Result<PathBuf, Diagnostic> {
    let shown = link.strip_prefix(root).unwrap_or(link);
    let target = fs::read_link(link)
        .map(|t| t.display().to_string())
        .unwrap_or_else(|_| "?".to_owned());
    let refuse =
        |what: Message, hint: Message| Diagnostic::error(what).in_file(relative).hint(hint);
    let full = root.join(relative);
    match full.canonicalize() {
        Ok(real) => {
            let project = root.canonicalize().map_err(|e| unreadable(relative, &e))?;
            if real.starts_with(&project) {
                Ok(real)
            } else {
                Err(refuse(
                    msg!("link-outside", link = shown, target = target),
                    msg!("link-outside-hint"),
                ))
            }
        }
        Err(e) if is_loop(&e) => Err(refuse(
            msg!("link-loops", link = shown, target = target),
            msg!("link-loops-hint"),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(refuse(
            msg!("link-dangling", link = shown, target = target),
            msg!("link-dangling-hint"),
        )),
        Err(e) => Err(unreadable(relative, &e)),
    }
}

fn is_loop(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

/// Opens `root`/`relative` for reading in one system call when no part of the path is a
/// symbolic link (Linux's `openat2`), the common case, which [`resolve`] would otherwise check
/// part by part; `None` whenever it cannot tell (a link on the way, a path leaving the folder, a
/// missing file, an older kernel), for [`resolve`] to say what is wrong.
fn open_without_links(root: &Path, relative: &Path) -> Option<File> {
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return None;
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, Mode, OFlags, ResolveFlags, openat2};
        let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let opened = openat2(
            CWD,
            root.join(relative),
            flags,
            Mode::empty(),
            ResolveFlags::NO_SYMLINKS,
        );
        opened.ok().map(File::from)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = root;
        None
    }
}

/// Opens for reading without blocking on a named pipe (whose `open` waits for a writer).
fn open(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

fn not_regular(relative: &Path, metadata: &Metadata) -> Diagnostic {
    let kind = file_kind(metadata);
    Diagnostic::error(msg!("not-a-file", kind = kind))
        .in_file(relative)
        .hint(msg!("not-a-file-hint"))
}

/// What a path that is not an ordinary file is, as a word for `not-a-file`.
fn file_kind(metadata: &Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "pipe";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
    }
    "other"
}

pub fn unreadable(relative: &Path, error: &io::Error) -> Diagnostic {
    let hint = match error.kind() {
        io::ErrorKind::NotFound => msg!("file-missing-hint"),
        _ => msg!("file-unreadable-hint"),
    };
    Diagnostic::error(msg!("file-unreadable", error = error))
        .in_file(relative)
        .hint(hint)
}

/// A walk error: a link that loops, leads nowhere or leaves the project, or an unreadable entry.
fn walk_error(root: &Path, relative: &Path, base: &Path, error: &walkdir::Error) -> Diagnostic {
    let inside = error
        .path()
        .and_then(|p| p.strip_prefix(base).ok())
        .map_or_else(|| relative.to_path_buf(), |p| relative.join(p));
    if error.loop_ancestor().is_some() {
        return Diagnostic::error(msg!("link-loops-folder", link = &inside))
            .in_file(&inside)
            .hint(msg!("link-loops-folder-hint"));
    }
    // A dangling or escaping link: `resolve` says which, naming the link.
    match resolve(root, &inside) {
        Err(problem) => problem,
        Ok(_) => {
            Diagnostic::error(msg!("folder-unreadable", error = error.to_string())).in_file(&inside)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_counts_the_bytes_read() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.yaml"), "12345").unwrap();
        assert_eq!(read(dir.path(), Path::new("a.yaml"), 5).unwrap(), b"12345");
        let problem = read(dir.path(), Path::new("a.yaml"), 4).unwrap_err();
        assert_eq!(
            problem.message.english(),
            "file too large (more than 4 bytes)"
        );
    }

    /// A file whose reported size is not its length, as /proc's are (0): the cap still holds.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_cap_holds_for_a_file_that_reports_no_size() {
        let proc = Path::new("/proc/self");
        assert_eq!(fs::metadata(proc.join("status")).unwrap().len(), 0);
        let problem = read(proc, Path::new("status"), 64).unwrap_err();
        assert!(
            problem.message.english().contains("too large"),
            "{}",
            problem.message.english()
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_project_are_followed_and_others_refused() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "the secret line").unwrap();
        let root = tempfile::tempdir().unwrap();
        let content = root.path().join("content");
        fs::create_dir_all(&content).unwrap();
        fs::write(content.join("real.md"), "real").unwrap();
        symlink("real.md", content.join("inside.md")).unwrap();
        symlink(
            outside.path().join("secret.txt"),
            content.join("outside.md"),
        )
        .unwrap();
        symlink("loop.md", content.join("loop.md")).unwrap();
        symlink("missing.md", content.join("dangling.md")).unwrap();
        let read = |name: &str| read(root.path(), &Path::new("content").join(name), 100);
        assert_eq!(read("inside.md").unwrap(), b"real");
        for (name, says) in [
            ("outside.md", "outside the project"),
            ("loop.md", "loops"),
            ("dangling.md", "does not exist"),
        ] {
            let problem = read(name).unwrap_err();
            assert!(
                problem.message.english().contains(says),
                "{name}: {}",
                problem.message.english()
            );
            assert!(
                problem.message.english().contains(name),
                "{}",
                problem.message.english()
            );
            assert!(!format!("{problem:?}").contains("the secret line"));
        }
    }
}
