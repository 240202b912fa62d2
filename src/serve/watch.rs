//! Watching the sources for `livret serve`: `content/`, `templates/` and `theme/`, as folders (so
//! editors that save by writing a temporary file and renaming it are seen, and new, deleted and
//! renamed files and folders too), with editor temporaries ignored and a short debounce. It reports
//! which files changed; what to rebuild is decided elsewhere.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use notify::event::{MetadataKind, ModifyKind};
use notify::{Config, Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

/// The folders of a project that are watched, relative to its root.
pub const WATCHED: &[&str] = &["content", "templates", "theme"];

/// Quiet time after the last event before a batch is reported: an editor's save is a burst of
/// events (write temporary, rename, chmod) within a few milliseconds.
const DEBOUNCE: Duration = Duration::from_millis(25);
/// A batch is reported after this long even if events keep coming.
const MAX_WAIT: Duration = Duration::from_millis(250);
/// How often `--poll` scans the folders.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// Files editors write while saving, never content.
pub fn is_editor_temporary(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with('~')
        || name.ends_with(".tmp")
        || name.starts_with(".#")
        || name.starts_with(".goutputstream-")
        || name == "4913"
        || name == ".DS_Store"
}

type SharedWatcher = Arc<Mutex<Box<dyn Watcher + Send>>>;

/// A running watcher; dropping it stops the watching.
pub struct Watching {
    _watcher: SharedWatcher,
}

/// Watches the project under `root` and calls `on_change` with each debounced batch of changed
/// paths (relative to `root`), from a thread of its own.
pub fn watch(
    root: &Path,
    poll: bool,
    on_change: impl Fn(BTreeSet<PathBuf>) + Send + 'static,
) -> notify::Result<Watching> {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let (events, batches) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher: Box<dyn Watcher + Send> = if poll {
        // Polling compares modification times in whole seconds: compare contents too, or a save
        // within the second of the previous one would be missed.
        let config = Config::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(true);
        Box::new(PollWatcher::new(events, config)?)
    } else {
        Box::new(RecommendedWatcher::new(events, Config::default())?)
    };
    // The root itself (not recursively), so that a templates/ or theme/ folder created later is seen
    // (and then watched, see `debounce`).
    watcher.watch(&root, RecursiveMode::NonRecursive)?;
    for dir in WATCHED {
        let dir = root.join(dir);
        if dir.is_dir() {
            watcher.watch(&dir, RecursiveMode::Recursive)?;
        }
    }
    let watcher: SharedWatcher = Arc::new(Mutex::new(watcher));
    let shared = watcher.clone();
    std::thread::spawn(move || debounce(&root, &batches, &shared, on_change));
    Ok(Watching { _watcher: watcher })
}

fn debounce(
    root: &Path,
    events: &mpsc::Receiver<notify::Result<Event>>,
    watcher: &SharedWatcher,
    on_change: impl Fn(BTreeSet<PathBuf>),
) {
    let relevant = |path: &Path| -> Option<PathBuf> {
        let relative = path.strip_prefix(root).ok()?;
        let top = relative.components().next()?.as_os_str().to_string_lossy();
        (WATCHED.contains(&top.as_ref()) && !is_editor_temporary(relative))
            .then(|| relative.to_path_buf())
    };
    while let Ok(first) = events.recv() {
        let mut batch = BTreeSet::new();
        let mut add = |event: notify::Result<Event>| {
            // Reading the sources (each rebuild does) opens them and updates their access times
            // (inotify reports those as attribute changes): neither is a change. A write seen by
            // polling is a write-time change, and counts.
            if let Ok(event) = event
                && !matches!(
                    event.kind,
                    EventKind::Access(_)
                        | EventKind::Modify(ModifyKind::Metadata(
                            MetadataKind::AccessTime | MetadataKind::Any
                        ))
                )
            {
                batch.extend(event.paths.iter().filter_map(|p| relevant(p)));
            }
        };
        add(first);
        let started = Instant::now();
        loop {
            let left = MAX_WAIT.saturating_sub(started.elapsed());
            match events.recv_timeout(DEBOUNCE.min(left)) {
                Ok(event) => add(event),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
            if left.is_zero() {
                break;
            }
        }
        // A watched folder created while serving: watch inside it from now on.
        for dir in WATCHED.iter().filter(|dir| batch.contains(Path::new(dir))) {
            if let Ok(mut watcher) = watcher.lock() {
                let _ = watcher.watch(&root.join(dir), RecursiveMode::Recursive);
            }
        }
        if !batch.is_empty() {
            on_change(batch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporaries_are_ignored_and_content_is_not() {
        for name in [
            "a.md.swp",
            ".a.md.swx",
            "a.md~",
            ".#a.md",
            "4913",
            "x.tmp",
            ".goutputstream-ABC12",
        ] {
            assert!(is_editor_temporary(Path::new(name)), "{name}");
        }
        for name in ["a.md", "settings.yaml", "style.scss", "swp.md"] {
            assert!(!is_editor_temporary(Path::new(name)), "{name}");
        }
    }
}
