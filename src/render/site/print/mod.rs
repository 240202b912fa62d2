//! The print edition: every page of the reading order on one page, for printing the handbook.
//!
//! Each page's body (its template's `main` block) becomes a section of `impression.html`. Bodies
//! were made to stand alone, so before they can share a page they are rewritten with lol_html (a
//! real HTML rewriter, not patterns over text): ids get the section's prefix, and everything that
//! points at an id (fragments, `for`, ARIA references, `url(#…)` paints) follows; links to a page
//! of the edition become links to its section; other relative links are resolved from the site
//! root; headings go one level down under the edition's title. A page's Markdown text is made
//! for the edition from its events as it renders (`printed`): where the body holds it once, only
//! the template's HTML around it takes this pass. A reading order longer than
//! [`VOLUME_PAGES`] is printed in volumes of that many pages (`impression-1.html`…), after a
//! contents page at the edition's own path: a link to a page of another volume leads into that
//! volume. It renders nothing itself and knows no template but the values it hands to
//! `print.html` (see `edition`).

use std::collections::HashMap;

use lol_html::{RewriteStrSettings, element, rewrite_str};
use minijinja::{Captured, Value};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Settings;
use crate::msg;
use crate::render::labels;
use crate::render::markdown::{resolve, slugify};
use crate::render::paths::Paths;
use crate::render::theme::Theme;
use crate::render::views::Link;
use crate::render::{html, search};

use super::environment::template_diagnostic;
use super::plan::Planned;
use super::printed::PrintedText;
use pass::Pass;

/// One page of the edition, as `print.html` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The section's id, derived from the page's path.
    pub id: String,
    /// The page's path from the site root.
    pub path: String,
    pub title: String,
    /// The page's body, rewritten for the edition: HTML, as a minijinja safe string, so that the
    /// edition's template prints it without escaping and without a copy (a `Value` passes
    /// through serialization by reference; `|safe` would copy it).
    pub body: Value,
}

/// A page's heading level in the edition: one down, since the edition's title is the page's
/// only `h1` (an `h6` stays).
pub fn level_on_paper(level: usize) -> usize {
    (level + 1).min(6)
}

/// The id of a page's section: `activites/sitographie.html` → `page-activites-sitographie`. The
/// prefix keeps it apart from the ids of the edition's own layout (`contenu`, …).
pub fn section_id(path: &str) -> String {
    format!("page-{}", slugify(path.trim_end_matches(".html")))
}

/// The link every page shows to the edition: its path, and its title (its `page.title` too).
pub fn link(settings: &Settings) -> Link {
    Link {
        title: labels::page_title("page-title-print", settings),
        path: Paths::of(&settings.language).print.clone(),
    }
}

/// A reading order longer than this is printed in volumes of this many pages. By count rather than
/// by size: each page's volume is known before the pages render (their links into other volumes
/// name them), and an edit never moves a page to another volume.
pub const VOLUME_PAGES: usize = 1000;

/// One file of the edition's pages: the edition's own path when it has one volume.
#[derive(Debug, Clone)]
pub struct Volume {
    pub path: String,
    /// Its pages' positions in the edition's order.
    pub pages: std::ops::Range<usize>,
}

/// The volumes of an edition of `count` pages whose own path is `print`: `impression-1.html`… for
/// `impression.html`.
fn volumes(print: &str, count: usize) -> Vec<Volume> {
    if count <= VOLUME_PAGES {
        return vec![Volume {
            path: print.to_owned(),
            pages: 0..count,
        }];
    }
    let stem = print.strip_suffix(".html").unwrap_or(print);
    (0..count.div_ceil(VOLUME_PAGES))
        .map(|n| Volume {
            path: format!("{stem}-{}.html", n + 1),
            pages: n * VOLUME_PAGES..count.min((n + 1) * VOLUME_PAGES),
        })
        .collect()
}

/// The edition's index of sections, with which each page's body is rewritten while the pages
/// render (in any order, in parallel); [`assemble`] then puts the bodies together.
pub struct Edition {
    index: Sections,
    volumes: Vec<Volume>,
}

impl Edition {
    /// An edition of the pages at `paths`, in this order, whose own path is `print`.
    pub fn new(paths: &[&str], print: &str) -> Edition {
        let volumes = volumes(print, paths.len());
        Edition {
            index: Sections::new(paths, &volumes),
            volumes,
        }
    }

    /// Where links lead in the edition.
    pub fn sections(&self) -> &Sections {
        &self.index
    }

    /// Its volumes, in order (one, at the edition's own path, for up to [`VOLUME_PAGES`] pages).
    pub fn volumes(&self) -> &[Volume] {
        &self.volumes
    }

    /// A rendered page's section: its template's `main` block, rewritten. `text` is the page's
    /// Markdown text, as the site's HTML has it and as made for the edition: when the block
    /// holds it once, only the template's HTML around it goes through the HTML pass.
    pub fn rewrite(
        &self,
        planned: &Planned,
        rendered: &mut Captured,
        theme: &Theme,
        text: Option<(&str, &PrintedText)>,
    ) -> Result<Rewritten, Diagnostic> {
        let body = rendered
            .with_state_mut(|state| state.render_block("main"))
            .map_err(|error| template_diagnostic(&error, theme))?;
        let (path, title) = (planned.path.as_str(), planned.title.as_str());
        if let Some((site, printed)) = text.filter(|(site, _)| !site.is_empty())
            && let Some(start) = html::once(body.as_bytes(), site.as_bytes())
            && let around = [&body[..start], &body[start + site.len()..]]
            && let Some(rewritten) = self.index.section_around(path, title, around, printed)?
        {
            return Ok(rewritten);
        }
        self.index.section(path, title, &body)
    }
}

/// The whole edition's ids, asked about every link of a volume to an anchor (a set with a fast
/// hash: tens of thousands go in at every rendering).
pub type Ids = foldhash::HashSet<String>;

/// The sections of the edition from `bodies` in reading order (all the edition's or a volume's),
/// each link to an anchor its page does not have (such as the page's `main`, which the edition
/// leaves out; `ids` are the whole edition's) leading to the start of that page's section instead,
/// so that the edition adds no broken link of its own.
pub fn assemble(bodies: &[&Rewritten], ids: &Ids, problems: &mut Diagnostics) -> Vec<Section> {
    bodies
        .iter()
        .map(|rewritten| {
            let section = &rewritten.section;
            let missing: HashMap<&str, &str> = rewritten
                .fragments
                .iter()
                .filter_map(|url| {
                    let (_, fragment) = url.split_once('#')?;
                    if ids.contains(fragment) {
                        return None;
                    }
                    // `volume#page--anchor` → `volume#page`.
                    let (page, _) = url.split_once(ANCHOR_SEPARATOR)?;
                    Some((url.as_str(), page))
                })
                .collect();
            if missing.is_empty() {
                return section.clone(); // cheap: the body is a shared string
            }
            let settings = RewriteStrSettings::new().append_element_content_handler(element!(
                "a[href*='#']",
                |el| {
                    let href = el.get_attribute("href").unwrap_or_default();
                    if let Some(start) = missing.get(href.as_str()) {
                        el.set_attribute("href", start)?;
                    }
                    Ok(())
                }
            ));
            match rewrite_str(section.body.as_str().unwrap_or_default(), settings) {
                Ok(body) => Section {
                    body: Value::from_safe_string(body),
                    ..section.without_body()
                },
                Err(error) => {
                    problems.push(rewrite_error(&section.path, &error));
                    section.clone()
                }
            }
        })
        .collect()
}

impl Section {
    /// The section with an empty body.
    pub fn without_body(&self) -> Section {
        Section {
            id: self.id.clone(),
            path: self.path.clone(),
            title: self.title.clone(),
            body: Value::from_safe_string(String::new()),
        }
    }
}

/// Between a section's id and the id of an element of its page.
const ANCHOR_SEPARATOR: &str = "--";

/// Whether `id` is that of an element of a page in the edition (not a section's).
pub fn is_anchor_id(id: &str) -> bool {
    id.contains(ANCHOR_SEPARATOR)
}

/// The id in the edition of the element `id` of the page whose section is `section`.
pub fn anchor_id(section: &str, id: &str) -> String {
    [section, ANCHOR_SEPARATOR, id].concat()
}

/// A page's body rewritten for the edition, with what the edition must resolve afterwards.
#[derive(Debug, Clone)]
pub struct Rewritten {
    pub section: Section,
    /// The body's ids (prefixed).
    pub ids: Vec<String>,
    /// The body's links to anchors of the edition: `#id` in its volume, `volume#id` in another.
    pub fragments: Vec<String>,
    /// The body's text for the search index, in sections.
    pub searched: Vec<search::Section>,
}

fn rewrite_error(path: &str, error: &impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(msg!(
        "print-rewrite-error",
        path = path,
        detail = error.to_string()
    ))
}

/// The sections of the edition by page path, each with its volume's number, so links between
/// pages become links within it; and the volumes' paths. A fast hash: every link of every page
/// is looked up.
pub struct Sections(foldhash::HashMap<String, (String, usize)>, Vec<String>);

impl Sections {
    pub fn new(paths: &[&str], volumes: &[Volume]) -> Sections {
        let of_page = volumes
            .iter()
            .enumerate()
            .flat_map(|(n, v)| v.pages.clone().map(move |i| (i, n)));
        Sections(
            of_page
                .map(|(i, volume)| {
                    let path = paths[i];
                    (path.to_owned(), (section_id(path), volume))
                })
                .collect(),
            volumes.iter().map(|v| v.path.clone()).collect(),
        )
    }

    /// Rewrites the body of the page at `path` so that it can stand in the edition. The same pass
    /// gathers the body's searchable text (as written, before the rewrite), so that each body is
    /// parsed once.
    pub fn section(&self, path: &str, title: &str, body: &str) -> Result<Rewritten, Diagnostic> {
        let mut pass = Pass::new(self, path);
        let body = pass.rewrite(body)?;
        Ok(pass.finish(title, body))
    }

    /// [`Sections::section`] for a body holding a Markdown text already made for the edition
    /// (see `printed`) between two parts of template HTML: only these go through the HTML pass.
    /// `None` when the HTML before the text leaves it where the HTML pass would not read it as
    /// at a page's start (in a script, a comment, a tag or an SVG: the pass's parser tells, as
    /// the link check's does) or where the search does not take its text as it comes (in a
    /// heading or a skipped element): only the whole body's pass then gives the right result.
    pub fn section_around(
        &self,
        path: &str,
        title: &str,
        [before, after]: [&str; 2],
        text: &PrintedText,
    ) -> Result<Option<Rewritten>, Diagnostic> {
        let mut pass = Pass::new(self, path);
        let Some(mut body) = pass.rewrite_before(before)? else {
            return Ok(None);
        };
        if !pass.collector.borrow().in_text() {
            return Ok(None);
        }
        body.push_str(&text.html);
        pass.extend(&text.ids, &text.fragments);
        pass.collector.borrow_mut().replay(&text.steps);
        body.push_str(&pass.rewrite(after)?);
        Ok(Some(pass.finish(title, body)))
    }
}

impl Sections {
    /// Where `url`, written on the page at `path` (section `id`), leads in the edition, and
    /// whether that is an anchor of the edition: `#id` in this volume, `volume#id` in another.
    pub fn relink(&self, path: &str, id: &str, url: &str) -> (String, bool) {
        if url.contains(':') || url.starts_with('/') {
            // External, mailto:, data: or root-absolute: unchanged.
            return (url.to_owned(), false);
        }
        let (file, fragment) = url.split_once('#').unwrap_or((url, ""));
        let target = if file.is_empty() {
            path.to_owned()
        } else {
            let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
            resolve(folder, file)
        };
        let here = self.0.get(path).map(|&(_, volume)| volume);
        let (section, volume) = match self.0.get(&target) {
            Some((section, volume)) => {
                let other = (Some(*volume) != here).then(|| self.1[*volume].as_str());
                (section.as_str(), other)
            }
            None if file.is_empty() => (id, None),
            // A file of the site that is not a page of the edition: from the root.
            None if fragment.is_empty() => return (target, false),
            None => return ([&target, "#", fragment].concat(), false),
        };
        // A page of another volume: in that volume's file.
        let file = volume.unwrap_or_default();
        // Joined rather than formatted: every link of every printed page comes here.
        let url = if fragment.is_empty() {
            [file, "#", section].concat()
        } else {
            [file, "#", section, ANCHOR_SEPARATOR, fragment].concat()
        };
        (url, true)
    }
}

mod pass;
mod plain;

#[cfg(test)]
mod tests;
