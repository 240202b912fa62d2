//! Orchestration: load → check → render → output, the one path every command takes.
//!
//! The link check runs on the rendered site, before the site is published. `check` stops before
//! writing; `build` hands each page to the output stage's staging folder as soon as it is made
//! (its links scanned first), and swaps the site in only once every check has passed. Both report
//! every problem of the run together. This module decides the order of the stages and nothing
//! else: no parsing, no markup, no exit codes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::check::links::{Finished, NotJudged, Previous, Scans};
use crate::coverage::{self, Coverage};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Model;
use crate::output::{self, SiteState, Stage, Staging};
use crate::render::{self, Keep, OutputFile, Passed, Reading, Rendering, Sink, theme::Theme};
use crate::{check, load};

/// What a successful run did.
#[derive(Debug)]
pub struct Report {
    /// The output folder could not be swapped (a mount point) and was updated file by file.
    pub in_place: bool,
    /// Files a person put in the output folder, kept.
    pub kept: usize,
    /// HTML pages rendered.
    pub pages: usize,
    /// All files of the site.
    pub files: usize,
    pub elapsed: Duration,
    /// Warnings found (the run succeeded despite them).
    pub warnings: Diagnostics,
    /// The rendered files kept in memory (all of them for `check`; for `build`, those not written
    /// as they were made).
    pub output: Vec<OutputFile>,
    /// The files written as they were made.
    pub passed: Vec<Passed>,
    /// What the mapping covers, for `livret check` to report.
    pub coverage: Coverage,
}

/// A handbook loaded, checked and rendered in memory, with what produced it (so that `serve` can
/// re-render part of it after a change).
pub struct Compiled {
    pub model: Model,
    pub theme: Theme,
    pub rendering: Rendering,
    /// The anchors and links of every page, for the next rebuild's link check.
    pub scans: Scans,
    /// Warnings found (the run succeeded despite them).
    pub warnings: Diagnostics,
}

impl Report {
    /// Every file of the site with its size in bytes, in path order.
    pub fn listing(&self) -> Vec<(&str, usize)> {
        let kept = self.output.iter().map(|f| (f.path.as_str(), f.bytes.len()));
        let passed = self.passed.iter().map(|p| (p.path.as_str(), p.size));
        let mut listing: Vec<(&str, usize)> = kept.chain(passed).collect();
        listing.sort_unstable();
        listing
    }
}

impl Compiled {
    pub fn into_report(mut self, started: Instant) -> Report {
        let files = std::mem::take(&mut self.rendering.files);
        let passed = std::mem::take(&mut self.rendering.passed);
        let paths = files.iter().map(|f| f.path.as_str());
        let paths = paths.chain(passed.iter().map(|passed| passed.path.as_str()));
        let report = Report {
            in_place: false,
            kept: 0,
            pages: paths.filter(|path| path.ends_with(".html")).count(),
            files: files.len() + passed.len(),
            elapsed: started.elapsed(),
            warnings: std::mem::take(&mut self.warnings),
            output: files,
            passed,
            coverage: coverage::coverage(&self.model),
        };
        drop_aside(self);
        report
    }
}

/// Drops `value` on a thread of its own: freeing a large site's model, scans and bodies keeps a
/// core busy for tens of milliseconds, which a report need not wait for, nor a one-shot command,
/// whose exit does not wait for that thread.
fn drop_aside<T: Send + 'static>(value: T) {
    // Should no thread start, `spawn` drops its closure, and the value with it, here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// What a site is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// To publish: the 404 page's links start from the path of the settings' `base_url`.
    Publish,
    /// For `serve`, which serves the site at its server's root, where the 404 page's links start.
    Preview,
}

/// Loads, checks and renders the handbook under `root` in memory, or returns every problem.
pub fn compile(root: &Path, purpose: Purpose) -> Result<Compiled, Diagnostics> {
    compile_into(root, purpose, None)
}

/// The sink of a build: each file written into the staging folder as soon as it is made, its
/// anchors and links scanned first for the link check, which runs once every file is made.
struct Staged<'a> {
    stage: &'a Stage<'a>,
    scans: Mutex<Vec<Scans>>,
    /// Files that could not be scanned or written: the build stops.
    problems: Mutex<Diagnostics>,
}

impl Sink for Staged<'_> {
    fn take(&self, file: OutputFile, reading: Reading) -> Option<OutputFile> {
        // A panic elsewhere stops the build anyway: what was gathered stays usable.
        let problem = |problem| {
            let mut problems = self.problems.lock().unwrap_or_else(|e| e.into_inner());
            problems.push(problem);
        };
        match Scans::of_file(&file, reading) {
            Some(Ok(scans)) => {
                let mut all = self.scans.lock().unwrap_or_else(|e| e.into_inner());
                all.push(scans);
            }
            Some(Err(found)) => problem(found),
            None => {}
        }
        if let Err(error) = self.stage.write(&file) {
            problem(error.problem);
        }
        None
    }
}

impl Staged<'_> {
    /// The scans of every file taken, and the problems met.
    fn into_parts(self) -> (Scans, Diagnostics) {
        let scans = self.scans.into_inner().unwrap_or_else(|e| e.into_inner());
        let problems = self
            .problems
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        (Scans::gather(scans), problems)
    }
}

/// [`compile`], the pages written into `stage` as they are made when there is one.
fn compile_into(
    root: &Path,
    purpose: Purpose,
    stage: Option<&Stage>,
) -> Result<Compiled, Diagnostics> {
    let (model, mut problems) = load::load(root);
    let Some(mut model) = model else {
        return Err(problems);
    };
    // Coverage warnings computed without the files that failed to load would be false alarms.
    let complete = model.is_complete();
    let checked = check::check(&model);
    let found = checked.problems.into_iter();
    problems.extend(found.filter(|d| complete || d.is_error()));
    if purpose == Purpose::Preview {
        model.settings.base_url = None;
    }
    let theme = match Theme::load(root) {
        Ok(theme) => theme,
        Err(errors) => {
            problems.extend(errors);
            return Err(problems);
        }
    };
    // What loaded is rendered even after errors, so that its links and templates are checked
    // in the same run; the links to what failed to load are not judged.
    let staged = stage.map(|stage| Staged {
        stage,
        scans: Mutex::default(),
        problems: Mutex::default(),
    });
    let sink: &dyn Sink = match &staged {
        Some(staged) => staged,
        None => &Keep,
    };
    let (rendering, mut rendering_problems) =
        render::render(&model, &theme, sink, purpose == Purpose::Preview);
    let not_judged = NotJudged {
        outputs: &rendering.unknown,
        urls: &checked.refused_links,
    };
    let passed = staged.map_or_else(Scans::default, |staged| {
        let (scans, problems) = staged.into_parts();
        rendering_problems.extend(problems);
        scans
    });
    let unchanged = HashSet::new();
    let read_back = |path: &str| stage.and_then(|stage| stage.read(path));
    let previous = Some(Previous {
        scans: &passed,
        changed: &unchanged,
        checked: None,
    });
    let checked_links = check_links(
        &rendering,
        rendering_problems,
        previous,
        not_judged,
        &read_back,
    );
    let (found, scans) = match checked_links {
        Ok(checked) => checked,
        Err(found) => {
            problems.extend(found);
            return Err(problems);
        }
    };
    problems.extend(found);
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Compiled {
        model,
        theme,
        rendering,
        scans,
        warnings: problems,
    })
}

/// The last step of every build, full or partial: the links of a rendering are checked unless
/// `problems` (the rendering's) has an error, and any error stops the build. Files of `previous`
/// not changed are not parsed again (nor are the files the rendering passed on, whose scans
/// `previous` then holds), nor their links judged again when `previous` was checked (see
/// [`Previous`]); `read_back` reads a passed file again, to show a problem in it.
pub fn check_links(
    rendering: &Rendering,
    mut problems: Diagnostics,
    previous: Option<Previous>,
    not_judged: NotJudged,
    read_back: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Result<(Diagnostics, Scans), Diagnostics> {
    let mut scans = Scans::default();
    if !problems.has_errors() {
        // Only a whole rendering: pages a template failed to make would only break more links.
        let (scanned, scan_problems) = Scans::new(
            &rendering.files,
            &rendering.passed,
            &rendering.stand_ins,
            &rendering.known,
            previous,
        );
        problems.extend(scan_problems);
        let site = Finished {
            files: &rendering.files,
            passed: &rendering.passed,
            read_back,
            stand_ins: &rendering.stand_ins,
        };
        problems.extend(check::links::check(
            site,
            &scanned,
            &rendering.links,
            not_judged,
            previous,
        ));
        scans = scanned;
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok((problems, scans))
    }
}

/// Loads, checks and renders the handbook under `root` in memory, writing nothing.
pub fn check(root: &Path) -> Result<Report, Diagnostics> {
    let started = Instant::now();
    compile(root, Purpose::Publish).map(|compiled| compiled.into_report(started))
}

/// A failed run: every problem, and what the output folder holds now.
#[derive(Debug)]
pub struct Failure {
    pub problems: Diagnostics,
    pub site: SiteState,
    /// The command line asked for something livret refuses (an output folder that would destroy
    /// sources): a usage error, not a problem of the content.
    pub usage: bool,
}

impl Failure {
    /// A refused command line.
    pub fn usage(problem: Diagnostic) -> Self {
        Failure {
            usage: true,
            ..Failure::from(Diagnostics::from(problem))
        }
    }
}

impl From<Diagnostics> for Failure {
    fn from(problems: Diagnostics) -> Self {
        Failure {
            problems,
            site: SiteState::Unchanged,
            usage: false,
        }
    }
}

impl From<Diagnostic> for Failure {
    fn from(problem: Diagnostic) -> Self {
        Failure::from(Diagnostics::from(problem))
    }
}

impl From<output::WriteError> for Failure {
    fn from(error: output::WriteError) -> Self {
        Failure {
            problems: error.problem.into(),
            site: error.site,
            usage: false,
        }
    }
}

/// Builds the site into `output_dir`, replacing its previous content only on success. A site an
/// interrupted build left aside is put back first, whatever happens next.
pub fn build(root: &Path, output_dir: &Path) -> Result<Report, Failure> {
    let started = Instant::now();
    output::check_output_dir(root, output_dir).map_err(Failure::usage)?;
    let staging = Staging::open(output_dir)?;
    let compiled = match compile_into(root, Purpose::Publish, staging.stage().as_ref()) {
        Ok(compiled) => compiled,
        Err(mut problems) => {
            problems.extend(staging.recovered());
            return Err(problems.into());
        }
    };
    let rendering = &compiled.rendering;
    let written = staging.finish(&rendering.files, &rendering.passed)?;
    let mut report = compiled.into_report(started);
    report.warnings.extend(written.warnings);
    report.in_place = written.in_place;
    report.kept = written.kept;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The output folder: `--output` as given, or `public/` under the root.
pub fn default_output(root: &Path, output: Option<PathBuf>) -> PathBuf {
    output.unwrap_or_else(|| in_project(root, "public"))
}

/// `name` in the project folder `root`, without a leading `./` for the current folder.
pub fn in_project(root: &Path, name: &str) -> PathBuf {
    if root == Path::new(".") {
        PathBuf::from(name)
    } else {
        root.join(name)
    }
}
