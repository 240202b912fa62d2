//! Rendering: turns the model into the files of the site.
//!
//! `documents` composes and writes the fiche models (ODT, DOCX), `exports` writes the référentiel
//! for other tools (Moodle, CASE, JSON, CSV), `site` renders the HTML pages through the theme's
//! templates (linking to both), `chart` lays out data-table charts for them, `search` indexes the
//! rendered pages, `theme` compiles the stylesheet and lists the static assets. Renderers read the
//! model and produce [`OutputFile`]s, the largest handed to the caller's [`Sink`] as soon as each
//! is made; they never write to disk (the output stage does, through the build's sink) and never
//! change the model.

pub mod calendar;
pub mod chart;
pub mod documents;
pub mod entities;
pub mod exports;
pub mod html;
pub mod labels;
pub mod markdown;
pub mod paths;
pub mod rule;
pub mod search;
pub mod site;
pub mod theme;
pub mod typography;
pub mod views;

use std::sync::Arc;

use bytes::Bytes;

use crate::diagnostic::Diagnostics;
use crate::model::{Model, PageTemplate};

use theme::Theme;

/// A file of the finished site: its path relative to the output folder, and its bytes (shared,
/// without copies: `serve` keeps the files of one build in the next and serves them as they are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Bytes,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// A page the link check reads through a stand-in rather than as written: a page too large to
/// parse on every build (the print edition) whose parts were checked elsewhere. `html` is the page
/// rendered without those parts, and `anchors` the ids they hold.
#[derive(Debug, Clone, Default)]
pub struct StandIn {
    pub path: String,
    pub html: String,
    pub anchors: Vec<String>,
}

/// A part of a page whose anchors and links are known without parsing it (a Markdown text, from
/// its events): the link check parses the page around it only.
#[derive(Debug, Clone)]
pub struct KnownPart {
    pub path: String,
    /// Its bytes in the page.
    pub range: std::ops::Range<usize>,
    pub anchors: Vec<String>,
    /// Its links: each URL as in the page, with the byte range of its start tag.
    pub links: Vec<(String, std::ops::Range<usize>)>,
}

/// How the link check is to read a file handed to a [`Sink`].
#[derive(Debug, Clone, Copy)]
pub enum Reading<'a> {
    /// The whole file (or nothing, if it is not HTML).
    Whole,
    /// Around its part whose anchors and links are known.
    Around(&'a KnownPart),
    /// Through its [`StandIn`], which comes with the rendering.
    StandIn,
}

/// Where the largest files of the site (the HTML pages, the print edition, the search index) go
/// as soon as each is made. `build` hands them on to its staging folder, so that the site is never
/// held whole; [`Keep`] gives them back, to stay in the [`Rendering`] (`check`, `serve`).
pub trait Sink: Sync {
    /// Takes `file`: gives it back to be kept, or `None` once it has taken it over.
    fn take(&self, file: OutputFile, reading: Reading) -> Option<OutputFile>;
}

/// A file a [`Sink`] took over: its path, and its size (for the build's summary).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Passed {
    pub path: String,
    pub size: usize,
}

/// Files handed to a [`Sink`]: those it gave back, and those it took over.
#[derive(Debug, Default)]
pub struct Handed {
    pub files: Vec<OutputFile>,
    pub passed: Vec<Passed>,
}

impl Handed {
    /// Hands `file` to `sink`; says whether the sink gave it back.
    pub fn hand(&mut self, sink: &dyn Sink, file: OutputFile, reading: Reading) -> bool {
        let passed = Passed {
            path: file.path.clone(),
            size: file.bytes.len(),
        };
        match sink.take(file, reading) {
            Some(file) => {
                self.files.push(file);
                true
            }
            None => {
                self.passed.push(passed);
                false
            }
        }
    }

    pub fn extend(&mut self, other: Handed) {
        self.files.extend(other.files);
        self.passed.extend(other.passed);
    }
}

/// The sink that keeps every file in the rendering.
pub struct Keep;

impl Sink for Keep {
    fn take(&self, file: OutputFile, _: Reading) -> Option<OutputFile> {
        Some(file)
    }
}

/// A set of bytes, as a table (a byte looked up at a time) and, when most texts hold few of them,
/// as its members (sixteen bytes compared with each at once).
pub(crate) struct ByteSet {
    table: [bool; 256],
    /// Empty when the bytes are common (white space): runs without one are too short to skip.
    rare: &'static [u8],
}

/// The set of `bytes`: a scan over every byte of a text looks each one up rather than comparing
/// it with each of them.
pub(crate) const fn byte_set(bytes: &'static [u8]) -> ByteSet {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    ByteSet { table, rare: &[] }
}

/// The set of `bytes`, few in most texts: [`positions`] skips sixteen bytes at a time where none
/// is.
pub(crate) const fn rare_byte_set(bytes: &'static [u8]) -> ByteSet {
    ByteSet {
        rare: bytes,
        ..byte_set(bytes)
    }
}

impl ByteSet {
    pub(crate) fn contains(&self, byte: u8) -> bool {
        self.table[usize::from(byte)]
    }

    /// Whether `run` may hold one of the set's bytes: each rare member compared with the sixteen
    /// bytes at once (the compiler makes these vector comparisons), no branch per byte.
    fn in_run(&self, run: &[u8; RUN]) -> bool {
        self.rare.is_empty()
            || self.rare.iter().fold(false, |found, &m| {
                found | run.iter().fold(false, |f, &b| f | (b == m))
            })
    }
}

/// The bytes [`positions`] skips at a time where a rare set has none.
const RUN: usize = 16;

/// The positions in `text` of the bytes `set` holds.
pub(crate) fn positions<'a>(text: &'a str, set: &'a ByteSet) -> impl Iterator<Item = usize> + 'a {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(run) = bytes.get(from..from + RUN) {
            if set.in_run(run.try_into().expect("a slice of RUN bytes")) {
                break;
            }
            from += RUN;
        }
        let found = from + bytes[from..].iter().position(|&b| set.contains(b))?;
        from = found + 1;
        Some(found)
    })
}

/// Folder of the site holding the stylesheet and the theme's static files.
pub const ASSETS_DIR: &str = "assets";

/// A rendered site: its files, and what the pages were given (kept so that a change to one page
/// can re-render that page alone).
#[derive(Debug, Clone, Default)]
pub struct Rendering {
    /// Every file of the site kept in memory, sorted by path.
    pub files: Vec<OutputFile>,
    /// The files a [`Sink`] took over, sorted by path.
    pub passed: Vec<Passed>,
    pub documents: Vec<documents::Rendered>,
    pub exports: Vec<exports::Export>,
    /// The links of the pages' Markdown texts, for the link check to locate problems in sources.
    pub links: Vec<markdown::SourceLink>,
    /// What the link check reads instead of some pages.
    pub stand_ins: Vec<StandIn>,
    /// Parts of the pages rendered last whose anchors and links are known.
    pub known: Vec<KnownPart>,
    /// Every content page's body, for the print edition and the search index of a next rendering
    /// (kept only when asked: `serve`'s).
    pub bodies: Vec<Arc<site::Body>>,
    /// What the search index leaves for the next rendering to reuse.
    pub index: search::Reuse,
    /// Paths (or folders, ending with `/`) the files that failed to load would have made: a link
    /// to one of them is not judged, since the loading error already says what is wrong.
    pub unknown: Vec<String>,
}

/// Renders the whole site, with every problem found while rendering (the files are complete only
/// when there is no error among them); the pages, the print edition and the search index go to
/// `sink` as they are made. With `reused`, the rendering keeps the content pages' bodies and the
/// index's text parts and postings for a next one ([`rerender_pages`], serve's).
pub fn render(
    model: &Model,
    theme: &Theme,
    sink: &dyn Sink,
    reused: bool,
) -> (Rendering, Diagnostics) {
    let mut problems = Diagnostics::new();
    let mut files = Vec::new();
    // The stylesheet compiles, the documents and the exports are written, side by side: the
    // pages wait for all three (they show the documents' sizes).
    // With files missing, the documents and exports would be partial and their problems
    // follow-ons: they are left out, and links to them not judged.
    let complete = model.is_complete();
    let (css, (documents, exports)) = rayon::join(
        || theme.compile_css(),
        || match complete {
            false => (Vec::new(), Vec::new()),
            true => {
                let labels = labels::Labels::new(model);
                let mut exported = (Vec::new(), Diagnostics::new());
                let made = rayon::join(
                    || documents::render(model, &labels, &mut files, &mut problems),
                    || exports::render(model, &labels, &mut exported.0, &mut exported.1),
                );
                files.append(&mut exported.0);
                problems.extend(exported.1);
                made
            }
        },
    );
    // The deadlines need no labels and not every file: the pages link to them whenever an
    // activity that loaded has some.
    files.extend(calendar::ics(model));
    let downloads = site::Downloads {
        documents: &documents,
        exports: &exports,
    };
    let pages = site::render_pages(
        model,
        theme,
        &downloads,
        None,
        site::Kept {
            reused,
            ..site::Kept::default()
        },
        sink,
        &mut problems,
    );
    files.extend(pages.files.files);
    let (stand_ins, known) = (pages.stand_ins, pages.known);
    match css {
        Ok(css) => files.push(OutputFile::new(
            format!("{ASSETS_DIR}/style.css"),
            css.into_bytes(),
        )),
        Err(problem) => problems.push(problem),
    }
    for (path, bytes) in theme.static_files() {
        let path = path.to_string_lossy().replace('\\', "/");
        files.push(OutputFile::new(
            format!("{ASSETS_DIR}/{path}"),
            bytes.to_vec(),
        ));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut passed = pages.files.passed;
    passed.sort();
    let rendering = Rendering {
        files,
        passed,
        documents,
        exports,
        links: pages.links,
        stand_ins,
        known,
        bodies: pages.bodies,
        index: pages.index,
        unknown: unknown_outputs(model),
    };
    (rendering, problems)
}

/// What the files that failed to load would have made (see [`Rendering::unknown`]).
fn unknown_outputs(model: &Model) -> Vec<String> {
    if model.is_complete() {
        return Vec::new();
    }
    let mut unknown = vec![
        format!("{}/", documents::DOCUMENTS_DIR),
        format!("{}/", exports::EXPORTS_DIR),
    ];
    let paths = paths::Paths::of(&model.settings.language);
    for path in &model.unloaded {
        if path.starts_with(crate::load::ACTIVITIES_DIR) {
            unknown.push(paths.activities.clone());
        } else if path.starts_with(crate::load::PAGES_DIR) {
            unknown.push(format!("{}.html", crate::load::file_stem(path)));
        } else if path == std::path::Path::new(crate::load::REFERENTIEL_FILE) {
            unknown.push(paths.competencies.clone());
        }
    }
    unknown
}

/// Re-renders the HTML pages at `paths` only, reusing everything else of `previous` (for a change
/// that cannot affect other pages, such as the body of one page). The result is what a full
/// render of `model` gives.
pub fn rerender_pages(
    model: &Model,
    theme: &Theme,
    previous: &Rendering,
    paths: &std::collections::HashSet<String>,
) -> (Rendering, Diagnostics) {
    let mut problems = Diagnostics::new();
    let downloads = site::Downloads {
        documents: &previous.documents,
        exports: &previous.exports,
    };
    // The print edition holds every page's body: it changes with any of them.
    let mut paths = paths.clone();
    paths.insert(
        self::paths::Paths::of(&model.settings.language)
            .print
            .clone(),
    );
    let pages = site::render_pages(
        model,
        theme,
        &downloads,
        Some(&paths),
        site::Kept {
            bodies: &previous.bodies,
            index: Some(&previous.index),
            reused: true,
        },
        &Keep,
        &mut problems,
    );
    let mut rendering = previous.clone();
    rendering.links.retain(|link| !paths.contains(&link.page));
    rendering.links.extend(pages.links);
    // The index comes whole: its parts may be fewer than before.
    let index_dir = format!("{ASSETS_DIR}/{}/", search::INDEX_DIR);
    let rendered = pages.files.files;
    if rendered.iter().any(|f| f.path.starts_with(&index_dir)) {
        rendering.files.retain(|f| !f.path.starts_with(&index_dir));
    }
    replace(&mut rendering.files, rendered);
    // The edition's files not rendered again keep their stand-ins.
    for stand_in in pages.stand_ins {
        match rendering
            .stand_ins
            .iter_mut()
            .find(|s| s.path == stand_in.path)
        {
            Some(kept) => *kept = stand_in,
            None => rendering.stand_ins.push(stand_in),
        }
    }
    // Only the pages rendered again are parsed again.
    rendering.known = pages.known;
    rendering.bodies = pages.bodies;
    rendering.index = pages.index;
    (rendering, problems)
}

/// Puts the `rendered` files in `files` (sorted by path), each replacing the file with its path.
fn replace(files: &mut Vec<OutputFile>, rendered: Vec<OutputFile>) {
    let mut added = Vec::new();
    for file in rendered {
        match files.binary_search_by(|f| f.path.cmp(&file.path)) {
            Ok(index) => files[index] = file,
            Err(_) => added.push(file),
        }
    }
    // Sorted in once, as a full render sorts its files (their paths distinct): the index's
    // parts, all new, would each move most of the site's files.
    if !added.is_empty() {
        files.append(&mut added);
        files.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// Where each code of the référentiel is described, for the search index: a competency on its
/// page, a domain at its heading on the référentiel page.
pub fn index_codes(model: &Model) -> Vec<(&str, String)> {
    let referentiel = &model.referentiel;
    let paths = paths::Paths::of(&model.settings.language);
    let competencies = referentiel
        .competencies()
        .map(|c| (c.code.value.as_str(), paths.competency(&c.code.value)));
    let chapter = model
        .pages
        .iter()
        .find(|page| page.front.template == PageTemplate::Referentiel)
        .map(|page| views::chapter_path(&page.slug));
    let domains = referentiel.domains().filter_map(|domain| {
        let code = domain.code.value.as_str();
        let anchor = paths.domain_anchor(code);
        chapter
            .as_ref()
            .map(|page| (code, format!("{page}#{anchor}")))
    });
    competencies.chain(domains).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPARSE: ByteSet = rare_byte_set(b":!\xAB");
    const DENSE: ByteSet = byte_set(b" :!\xAB");

    proptest::proptest! {
        /// Runs skipped whole or not, the positions are every byte of the set, in order: texts
        /// of long runs without one, and of the set's bytes side by side.
        #[test]
        fn positions_are_each_byte_of_the_set(
            pieces in proptest::collection::vec(("[a-zé ]{0,40}", "[:!«»]{0,2}"), 0..6)
        ) {
            let text: String = pieces.iter().flat_map(|(run, set)| [run.as_str(), set]).collect();
            for set in [&SPARSE, &DENSE] {
                let expected: Vec<usize> = (0..text.len())
                    .filter(|&at| set.contains(text.as_bytes()[at]))
                    .collect();
                proptest::prop_assert_eq!(positions(&text, set).collect::<Vec<_>>(), expected);
            }
        }
    }
}
