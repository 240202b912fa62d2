//! The `livret` binary run from a test, with its exit code, output and duration, killed if it
//! runs too long (a hang fails the test instead of stalling it).
#![allow(dead_code)] // not every test crate runs the binary this way

use std::ffi::OsStr;
use std::io::Read;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// No run of a small project may take longer: an alias bomb or a loop must fail the test, not hang it.
pub const PROCESS_TIMEOUT: Duration = Duration::from_secs(20);

pub struct Output {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// `livret` with `args` and `env`, in English and without colour unless `env` says otherwise, no
/// input, its output piped.
pub fn command<S: AsRef<OsStr>>(args: &[S], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_livret"));
    // English unless a test asks otherwise (`LIVRET_LANG` empty counts as unset).
    command
        .args(args)
        .env("LIVRET_LANG", "en")
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs `livret` with `args` and NO_COLOR=1, killing it after [`PROCESS_TIMEOUT`].
pub fn livret<I, S>(args: I) -> Result<Output, String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    livret_with(args, &[])
}

/// The same with environment variables.
pub fn livret_with<I, S>(args: I, env: &[(&str, &str)]) -> Result<Output, String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<_> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let started = Instant::now();
    let mut child = command(&args, env)
        .spawn()
        .map_err(|e| format!("cannot start livret: {e}"))?;
    // Drain the pipes on threads so a chatty process cannot block on a full pipe while we poll.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > PROCESS_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "livret {args:?} was still running after {PROCESS_TIMEOUT:?}: killed"
                ));
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("cannot wait for livret: {e}")),
        }
    };
    let elapsed = started.elapsed();
    Ok(Output {
        code: status.code(),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        elapsed,
    })
}
