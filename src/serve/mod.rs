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

use crate::build::{self, Compiled, Failure, Purpose};
use crate::catalogue::Lang;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::msg;
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
    /// The language of every message, in the terminal and in the browser.
    pub lang: Lang,
}

/// Runs the server until Ctrl-C. Errors are startup failures (output folder refused, port taken).
pub fn serve(options: Options) -> Result<(), Failure> {
    output::check_output_dir(&options.root, &options.output).map_err(Failure::usage)?;
    let recovered = output::recover(&options.output)?;
    print_problems(&recovered, options.color, options.lang);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::error(msg!("serve-start-failed", error = &e)))?;
    runtime.block_on(run(options)).map_err(Failure::from)
}

async fn run(options: Options) -> Result<(), Diagnostics> {
    let started = Instant::now();
    let mut current: Option<Compiled> = None;
    // Whether the output folder lags behind the served site (its last write failed): the next
    // good rebuild then writes it whole.
    let mut stale = false;
    let lang = options.lang;
    let out = Output {
        dir: &options.output,
        stale: false,
        color: options.color,
        lang,
    };
    let served = match build::compile(&options.root, Purpose::Preview) {
        Ok(compiled) => {
            print_problems(&compiled.warnings, options.color, lang);
            stale = !write(&out, &compiled, None);
            let served = Served::new(&compiled.rendering.files, lang);
            let files = compiled.rendering.files.len();
            let millis = started.elapsed().as_millis() as u64;
            say(lang, msg!("serve-built", files = files, millis = millis));
            current = Some(compiled);
            served
        }
        Err(problems) => {
            print_problems(&problems, options.color, lang);
            let served = Served::new(&[], lang);
            served.fail(plain(&problems, lang)).await;
            served
        }
    };
    let address = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| {
        Diagnostic::error(msg!(
            "serve-listen-failed",
            address = address.to_string(),
            error = &e
        ))
        .hint(msg!("serve-listen-failed-hint"))
    })?;
    let address = listener.local_addr().map_err(|e| {
        Diagnostic::error(msg!(
            "serve-listen-failed",
            address = address.to_string(),
            error = &e
        ))
    })?;
    // Watch before announcing the address, so that a save made right after is seen.
    let (changes, mut batches) = mpsc::unbounded_channel::<BTreeSet<PathBuf>>();
    let _watching = watch::watch(&options.root, options.poll, move |batch| {
        let _ = changes.send(batch);
    })
    .map_err(|e| {
        Diagnostic::error(msg!("serve-watch-failed", detail = e.to_string()))
            .hint(msg!("serve-watch-failed-hint"))
    })?;
    let url = format!("http://{address}/");
    say(lang, msg!("serve-serving", url = &url));
    if !options.bind.is_loopback() {
        say(
            lang,
            msg!("serve-network", address = options.bind.to_string()),
        );
    }
    if options.open && open::that(&url).is_err() {
        say(lang, msg!("serve-no-browser", url = &url));
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
                    lang,
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
        lang,
    };
    let app = listen::guard(http::router(served), hosts);
    // Ctrl-C ends the server at once: the event streams never end by themselves, and the output
    // folder already holds the last good build (each is written atomically as it completes).
    tokio::select! {
        () = listen::run(listener, app) => {},
        _ = tokio::signal::ctrl_c() => {},
    };
    rebuilder.abort();
    say(lang, msg!("serve-stopped", folder = &options.output));
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
    lang: Lang,
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
    let lang = output.lang;
    let (root, changed) = (change.root.to_path_buf(), change.paths.clone());
    let (previous, result) = tokio::task::spawn_blocking(move || {
        let result = match &previous {
            Some(previous) => rebuild::rebuild(&root, previous, &changed),
            None => build::compile(&root, Purpose::Preview).map(|compiled| (compiled, Scope::Full)),
        };
        (previous, result)
    })
    .await
    .unwrap_or_else(|_| {
        (
            None,
            Err(Diagnostic::error(msg!("serve-rebuild-crashed")).into()),
        )
    });
    let millis = started.elapsed().as_millis() as u64;
    match result {
        Ok((compiled, scope)) => {
            // After a partial rebuild, most files are the previous build's: only the others are
            // written, unless the folder missed an earlier write.
            let unchanged = previous
                .as_ref()
                .filter(|_| scope != Scope::Full && !output.stale);
            let wrote = write(&output, &compiled, unchanged);
            let pages = match scope {
                Scope::Page => 1,
                Scope::Stylesheet => 0,
                Scope::Full => compiled
                    .rendering
                    .files
                    .iter()
                    .filter(|f| f.path.ends_with(".html"))
                    .count(),
            };
            let event = match scope {
                Scope::Stylesheet => Message::Css,
                Scope::Page | Scope::Full => Message::Reload,
            };
            served.publish(&compiled.rendering.files, event).await;
            let done = msg!("serve-rebuilt", what = what, pages = pages, millis = millis);
            say(lang, done);
            Outcome {
                kept: Some(compiled),
                built: true,
                stale: !wrote,
            }
        }
        Err(problems) => {
            print_problems(&problems, output.color, lang);
            let errors = problems.error_count();
            say(
                lang,
                msg!(
                    "serve-failed",
                    what = what,
                    errors = errors,
                    millis = millis
                ),
            );
            served.fail(plain(&problems, lang)).await;
            Outcome {
                kept: previous,
                built: false,
                stale: output.stale,
            }
        }
    }
}

/// « content/pages/x.md changed », or the first paths and a count.
fn describe(changed: &BTreeSet<PathBuf>) -> crate::catalogue::Message {
    let names: Vec<String> = changed
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    let more = changed.len().saturating_sub(3);
    msg!(
        "serve-changed",
        names = names.join(", "),
        more = more,
        count = changed.len()
    )
}

/// Writes a good build to the output folder, as `livret build` does (without the reload script):
/// whole, or over `previous` as far as it is the same. A failure is reported, and the next
/// rebuild tries again; returns whether the folder now holds this build.
fn write(output: &Output, compiled: &Compiled, previous: Option<&Compiled>) -> bool {
    let files = &compiled.rendering.files;
    let written = match previous {
        Some(previous) => output::update_site(output.dir, &previous.rendering.files, files),
        None => output::write_site(output.dir, files),
    };
    match written {
        Ok(written) => {
            print_problems(&written.warnings, output.color, output.lang);
            true
        }
        Err(error) => {
            print_problems(&Diagnostics::from(error.problem), output.color, output.lang);
            say(output.lang, msg!("serve-output-stale", folder = output.dir));
            false
        }
    }
}

fn say(lang: Lang, message: crate::catalogue::Message) {
    println!("{}", message.text(lang));
}

fn print_problems(problems: &Diagnostics, color: bool, lang: Lang) {
    for problem in problems.iter() {
        eprintln!("{}\n", problem.render(lang, color));
    }
}

/// The diagnostics as the browser overlay shows them: the terminal's text, without colour.
fn plain(problems: &Diagnostics, lang: Lang) -> String {
    problems
        .iter()
        .map(|p| p.render(lang, false))
        .collect::<Vec<_>>()
        .join("\n\n")
}
