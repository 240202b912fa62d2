//! `livret serve`: build, serve the site over HTTP, watch the sources, rebuild on change and reload
//! the browsers; a failed rebuild keeps the last good site and shows its diagnostics in the page.
//!
//! `watch` reports changed files, `rebuild` does what they require, `http` serves the last good
//! build from memory with the reload script. Every good build is also written to the output folder
//! (atomically, as `livret build` does), without the script. This module wires them together; it
//! renders nothing itself.

mod http;
mod listen;
mod rebuild;
mod watch;

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc;

use crate::build::{self, Compiled};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output;

pub use http::{EVENTS, RELOAD_SCRIPT, content_type, site_path};
use http::{Message, Served};
use rebuild::Scope;

/// The options of `livret serve`.
pub struct Options {
    pub root: PathBuf,
    pub output: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub open: bool,
    pub poll: bool,
    /// Colour in terminal diagnostics.
    pub color: bool,
}

/// Runs the server until Ctrl-C. Errors are startup failures (output folder refused, port taken).
pub fn serve(options: Options) -> Result<(), Diagnostics> {
    output::check_output_dir(&options.root, &options.output)?;
    let recovered = output::recover(&options.output).map_err(|e| Diagnostics::from(e.problem))?;
    print_problems(&recovered, options.color);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error(format!("cannot start the server: {e}")))?;
    runtime.block_on(run(options))
}

async fn run(options: Options) -> Result<(), Diagnostics> {
    let started = Instant::now();
    let mut current: Option<Compiled> = None;
    // Whether the output folder lags behind the served site (its last write failed): the next
    // good rebuild then writes it whole.
    let mut stale = false;
    let served = match build::compile(&options.root) {
        Ok(compiled) => {
            print_problems(&compiled.warnings, options.color);
            stale = !write(&options.output, &compiled, None, options.color);
            let served = Served::new(&compiled.rendering.files);
            println!(
                "livret: built {} files in {} ms",
                compiled.rendering.files.len(),
                started.elapsed().as_millis()
            );
            current = Some(compiled);
            served
        }
        Err(problems) => {
            print_problems(&problems, options.color);
            let served = Served::new(&[]);
            served.fail(plain(&problems)).await;
            served
        }
    };
    let address = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| {
        Diagnostic::error(format!("cannot listen on {address}: {e}"))
            .hint("choose another port with --port, or stop the program that uses this one")
    })?;
    let address = listener
        .local_addr()
        .map_err(|e| Diagnostic::error(e.to_string()))?;
    // Watch before announcing the address, so that a save made right after is seen.
    let (changes, mut batches) = mpsc::unbounded_channel::<BTreeSet<PathBuf>>();
    let _watching = watch::watch(&options.root, options.poll, move |batch| {
        let _ = changes.send(batch);
    })
    .map_err(|e| Diagnostic::error(format!("cannot watch the sources: {e}")).hint("try --poll"))?;
    let url = format!("http://{address}/");
    println!("livret: serving {url} (Ctrl-C to stop)");
    if !options.bind.is_loopback() {
        println!(
            "livret: listening on {} — any computer of the network can read this preview",
            options.bind
        );
    }
    if options.open && open::that(&url).is_err() {
        println!("livret: could not open a browser; open {url}");
    }
    let rebuilder = {
        let served = served.clone();
        let (root, output, color) = (options.root.clone(), options.output.clone(), options.color);
        tokio::spawn(async move {
            // Whether the last rebuild failed: the kept build then predates a broken source, so
            // the next change must rebuild everything, not just what it touches.
            let mut failing = current.is_none();
            while let Some(mut changed) = batches.recv().await {
                // Changes that arrived during the previous rebuild join this one.
                while let Ok(more) = batches.try_recv() {
                    changed.extend(more);
                }
                let previous = if failing { None } else { current.take() };
                let output = Output {
                    dir: &output,
                    stale,
                    color,
                };
                let changed = Change {
                    root: &root,
                    paths: &changed,
                };
                let outcome = on_change(changed, output, previous, &served).await;
                failing = !outcome.built;
                stale = outcome.stale;
                if outcome.kept.is_some() {
                    current = outcome.kept;
                }
            }
        })
    };
    let hosts = listen::Hosts {
        bind: options.bind,
        port: address.port(),
    };
    let app = listen::guard(http::router(served), hosts);
    // Ctrl-C ends the server at once: the event streams never end by themselves, and the output
    // folder already holds the last good build (each is written atomically as it completes).
    tokio::select! {
        () = listen::run(listener, app) => {},
        _ = tokio::signal::ctrl_c() => {},
    };
    rebuilder.abort();
    println!(
        "livret: stopped; {} holds the last good build",
        options.output.display()
    );
    Ok(())
}

/// What changed, under which project folder.
struct Change<'a> {
    root: &'a Path,
    paths: &'a BTreeSet<PathBuf>,
}

/// The output folder, and whether its last write failed.
struct Output<'a> {
    dir: &'a Path,
    stale: bool,
    color: bool,
}

/// What a rebuild leaves: the build to keep, whether it succeeded, and whether the output folder
/// now lags behind.
struct Outcome {
    kept: Option<Compiled>,
    built: bool,
    stale: bool,
}

/// Rebuilds after a change (everything when there is no `previous`), writes and publishes a good
/// build, or shows the failure. After a failure the previous build is kept; after a write that
/// failed, the next good build is written whole.
async fn on_change(
    change: Change<'_>,
    output: Output<'_>,
    previous: Option<Compiled>,
    served: &Arc<Served>,
) -> Outcome {
    let started = Instant::now();
    let what = describe(change.paths);
    let (root, changed) = (change.root.to_path_buf(), change.paths.clone());
    let (previous, result) = tokio::task::spawn_blocking(move || {
        let result = match &previous {
            Some(previous) => rebuild::rebuild(&root, previous, &changed),
            None => build::compile(&root).map(|compiled| (compiled, Scope::Full)),
        };
        (previous, result)
    })
    .await
    .unwrap_or_else(|_| {
        (
            None,
            Err(Diagnostic::error("the rebuild stopped unexpectedly").into()),
        )
    });
    let millis = started.elapsed().as_millis();
    match result {
        Ok((compiled, scope)) => {
            // After a partial rebuild, most files are the previous build's: only the others are
            // written, unless the folder missed an earlier write.
            let unchanged = previous
                .as_ref()
                .filter(|_| scope != Scope::Full && !output.stale);
            let wrote = write(output.dir, &compiled, unchanged, output.color);
            let html = |files: &[crate::render::OutputFile]| {
                files.iter().filter(|f| f.path.ends_with(".html")).count()
            };
            let (done, message) = match scope {
                Scope::Page => ("1 page re-rendered".to_owned(), Message::Reload),
                Scope::Stylesheet => ("stylesheet recompiled".to_owned(), Message::Css),
                Scope::Full => (
                    format!("{} pages re-rendered", html(&compiled.rendering.files)),
                    Message::Reload,
                ),
            };
            served.publish(&compiled.rendering.files, message).await;
            println!("livret: {what} → {done} in {millis} ms");
            Outcome {
                kept: Some(compiled),
                built: true,
                stale: !wrote,
            }
        }
        Err(problems) => {
            print_problems(&problems, output.color);
            println!(
                "livret: {what} → {} error(s); the last good site is still served ({millis} ms)",
                problems.error_count()
            );
            served.fail(plain(&problems)).await;
            Outcome {
                kept: previous,
                built: false,
                stale: output.stale,
            }
        }
    }
}

/// « content/pages/x.md changed », or the first paths and a count.
fn describe(changed: &BTreeSet<PathBuf>) -> String {
    let mut names: Vec<String> = changed
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    if changed.len() > 3 {
        names.push(format!("{} more", changed.len() - 3));
    }
    format!("{} changed", names.join(", "))
}

/// Writes a good build to the output folder, as `livret build` does (without the reload script):
/// whole, or over `previous` as far as it is the same. A failure is reported, and the next
/// rebuild tries again; returns whether the folder now holds this build.
fn write(output_dir: &Path, compiled: &Compiled, previous: Option<&Compiled>, color: bool) -> bool {
    let files = &compiled.rendering.files;
    let written = match previous {
        Some(previous) => output::update_site(output_dir, &previous.rendering.files, files),
        None => output::write_site(output_dir, files),
    };
    match written {
        Ok(written) => {
            print_problems(&written.warnings, color);
            true
        }
        Err(error) => {
            print_problems(&Diagnostics::from(error.problem), color);
            println!(
                "livret: {} was NOT updated (the preview is); the next rebuild writes it again",
                output_dir.display()
            );
            false
        }
    }
}

fn print_problems(problems: &Diagnostics, color: bool) {
    for problem in problems.iter() {
        eprintln!("{}\n", problem.render(color));
    }
}

/// The diagnostics as the browser overlay shows them: the terminal's text, without colour.
fn plain(problems: &Diagnostics) -> String {
    problems
        .iter()
        .map(|p| p.render(false))
        .collect::<Vec<_>>()
        .join("\n\n")
}
