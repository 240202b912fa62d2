//! One writer at a time: an advisory lock on a file beside the output folder, held by `build` from
//! staging to swap and by each of `serve`'s writes. A second writer waits a short, bounded time,
//! then fails naming the folder and the process that holds it. The operating system releases the
//! lock when its holder ends, however it ends, so a killed build never leaves a stale lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::msg;

/// How long a writer waits for another to finish, unless `LIVRET_LOCK_WAIT` (seconds) says.
const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// Held while writing; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

impl OutputLock {
    /// Takes the lock of the output folder `shown` through the lock file `path`, waiting for
    /// another writer at most `LIVRET_LOCK_WAIT` seconds (10 by default).
    pub fn acquire(path: &Path, shown: &Path) -> Result<OutputLock, Diagnostic> {
        let cannot = |e: std::io::Error| {
            Diagnostic::error(msg!("lock-failed", folder = shown, lock = path, error = &e))
                .hint(msg!("lock-failed-hint"))
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(cannot)?;
        let wait = wait();
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if started.elapsed() < wait => {
                    thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => return Err(busy(&mut file, shown, wait)),
                // A file system without locks (some network shares): nothing can be done but
                // to write as before, unlocked.
                Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                    return Ok(OutputLock { _file: file });
                }
                Err(TryLockError::Error(e)) => return Err(cannot(e)),
            }
        }
        // Say who holds it, for a writer that has to wait. Failing to say is no reason to stop.
        let holder = format!(
            "process {}: {}\n",
            std::process::id(),
            std::env::args().collect::<Vec<_>>().join(" ")
        );
        let _ = file
            .set_len(0)
            .and_then(|()| file.write_all(holder.as_bytes()));
        Ok(OutputLock { _file: file })
    }
}

fn wait() -> Duration {
    std::env::var("LIVRET_LOCK_WAIT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(DEFAULT_WAIT, |s| Duration::from_secs_f64(s.min(86_400.0)))
}

/// The error of a writer that waited in vain, naming the holder when the lock file says.
fn busy(file: &mut File, shown: &Path, waited: Duration) -> Diagnostic {
    let mut holder = String::new();
    let _ = file
        .rewind()
        .and_then(|()| Read::by_ref(file).take(1024).read_to_string(&mut holder));
    let holder = holder.trim();
    let known = if holder.is_empty() { "no" } else { "yes" };
    Diagnostic::error(msg!(
        "lock-busy",
        known = known,
        holder = holder,
        folder = shown,
        seconds = waited.as_secs()
    ))
    .hint(msg!("lock-busy-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".public.livret-lock");
        let shown = dir.path().join("public");
        let first = OutputLock::acquire(&path, &shown).unwrap();
        // A second handle on the same file is a second writer, even in one process.
        let mut other = OpenOptions::new().read(true).open(&path).unwrap();
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        let problem = busy(&mut other, &shown, Duration::from_secs(10));
        assert!(
            problem
                .message
                .english()
                .contains(&format!("process {}", std::process::id())),
            "{}",
            problem.message.english()
        );
        drop(first);
        assert!(other.try_lock().is_ok(), "the lock is released on drop");
    }
}
