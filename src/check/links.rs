//! The link check: every internal link of the finished site leads to one of its files, and every
//! fragment to an anchor of its page.
//!
//! It reads the rendered files and never changes them. Each HTML file is read with lol_html (files
//! in parallel, results kept in file order; a file a build writes without keeping it, as soon as it
//! is made, see [`Scans::of_file`]; a page around its Markdown text when the render stage knows
//! that text's anchors and links, see [`KnownPart`]; the template HTML line by line, each line seen
//! before taken from a memo and each plain tag read without a parser, see [`scan`]), collecting its
//! anchors (`id`, and `name` of `<a>`) and the URLs of its links (`href`, `src`, `srcset`,
//! `action`, `poster`, `xlink:href`); each relative URL is then resolved against its page (once per
//! folder when pages share it) and looked up in hash sets, so the check is linear in the size of
//! the site. A broken link written in Markdown is reported at the Markdown link (the render stage
//! hands over where each is); any other comes from a template and is reported once per target, in
//! the generated HTML, unless a Markdown link already breaks that target (its copy in the print
//! edition). URLs with a scheme, protocol-relative and root-absolute ones are not checked: they
//! depend on where the site is published. After a change to some files (serve's), a previous
//! build whose check passed vouches for the links of the files not parsed again, as long as every
//! one of its files remains and the files parsed again keep their anchors: only theirs are
//! judged (see [`Previous`]).

mod scan;
mod tag;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

// A fast hash for the many lookups of a large site (no untrusted keys here).
use foldhash::{HashMap as FastMap, HashSet as FastSet};
use std::path::Path;
use std::sync::Arc;

use percent_encoding::percent_decode_str;
use rayon::prelude::*;

use crate::catalogue::Message;
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, closest, did_you_mean, suggest};
use crate::msg;
use crate::render::markdown::SourceLink;
use crate::render::{KnownPart, OutputFile, Passed, Reading, StandIn, entities};
use scan::{Found, Scan, scan, scan_file};

/// How many of the closest anchors a hint lists.
const HINT_ANCHORS: usize = 5;

/// How many of the other pages with the same broken link a label names.
const LABEL_PAGES: usize = 3;

/// The anchors and links of every HTML file of a site, by path, in file order (so that problems
/// come in that order). Kept between builds by `serve`, so that a rebuild parses only the files it
/// changed.
#[derive(Debug, Clone, Default)]
pub struct Scans(Vec<(String, Arc<Scan>)>);

/// Scans made before the check, for files it need not parse again.
#[derive(Debug, Clone, Copy)]
pub struct Previous<'a> {
    pub scans: &'a Scans,
    /// The files changed since the scans were made: parsed again.
    pub changed: &'a HashSet<String>,
    /// When the scans are those of a build whose check passed (serve's last good build), that
    /// build's files. A link of a file not parsed again was good then, and stays good while every
    /// one of those files remains and each file parsed again keeps its anchors: only the links of
    /// the files parsed again are judged.
    pub checked: Option<(&'a [OutputFile], &'a [Passed])>,
}

impl Scans {
    /// Scans the HTML files of `files` (each stand-in in place of its file, and a file with a
    /// known part around it only), in parallel; a file of `previous` not changed since keeps its
    /// scan, as does a file of `passed` (written without being kept: `previous` holds the scans
    /// made as they were written, or its stand-in does). The scans come in the order of `files`,
    /// then `passed`.
    pub fn new(
        files: &[OutputFile],
        passed: &[Passed],
        stand_ins: &[StandIn],
        known: &[KnownPart],
        previous: Option<Previous>,
    ) -> (Scans, Diagnostics) {
        let stand_ins: FastMap<&str, &StandIn> =
            stand_ins.iter().map(|s| (s.path.as_str(), s)).collect();
        let known: FastMap<&str, &KnownPart> = known.iter().map(|k| (k.path.as_str(), k)).collect();
        let previous_scans: FastMap<&str, &Arc<Scan>> = previous
            .iter()
            .flat_map(|p| p.scans.0.iter().map(|(path, scan)| (path.as_str(), scan)))
            .collect();
        let reused = |path: &str| {
            let changed = previous?.changed;
            let kept = !changed.contains(path) && !stand_ins.contains_key(path);
            kept.then(|| previous_scans.get(path).copied()).flatten()
        };
        let in_memory = files.iter().map(|f| (f.path.as_str(), Some(f)));
        let entries: Vec<_> = in_memory
            .chain(passed.iter().map(|passed| (passed.path.as_str(), None)))
            .filter(|(path, _)| is_html(path))
            .collect();
        let parsed: Vec<_> = entries
            .par_iter()
            .filter_map(|&(path, file)| {
                let scan = match (reused(path), stand_ins.get(path), file) {
                    (Some(scan), _, _) => Ok(Arc::clone(scan)),
                    (None, Some(stand_in), _) => {
                        scan(path, stand_in.html.as_bytes()).map(|mut scan| {
                            scan.ids.extend(stand_in.anchors.iter().cloned());
                            Arc::new(scan)
                        })
                    }
                    (None, None, Some(file)) => {
                        let reading = known
                            .get(path)
                            .map_or(Reading::Whole, |k| Reading::Around(k));
                        scan_file(file, reading).map(Arc::new)
                    }
                    // A file passed on whose scan is not kept: none is, when the build stops.
                    (None, None, None) => return None,
                };
                Some(scan.map(|scan| (path.to_owned(), scan)))
            })
            .collect();
        let mut problems = Diagnostics::new();
        let mut scans = Vec::new();
        for scanned in parsed {
            match scanned {
                Ok(scanned) => scans.push(scanned),
                Err(problem) => problems.push(problem),
            }
        }
        (Scans(scans), problems)
    }

    /// Scans one file as it is made, for a sink that does not keep it: `None` for a file that
    /// is not HTML, or that the check reads through its stand-in.
    pub fn of_file(file: &OutputFile, reading: Reading) -> Option<Result<Scans, Diagnostic>> {
        if !is_html(&file.path) || matches!(reading, Reading::StandIn) {
            return None;
        }
        let scanned = scan_file(file, reading).map(|scan| (file.path.clone(), Arc::new(scan)));
        Some(scanned.map(|scanned| Scans(vec![scanned])))
    }

    /// The scans of different files together.
    pub fn gather(all: Vec<Scans>) -> Scans {
        Scans(all.into_iter().flat_map(|scans| scans.0).collect())
    }
}

/// The finished site as the check reads it.
#[derive(Clone, Copy)]
pub struct Finished<'a> {
    /// The files kept in memory.
    pub files: &'a [OutputFile],
    /// The paths of the files written without being kept.
    pub passed: &'a [Passed],
    /// Reads a passed file back, to show a template's broken link in it.
    pub read_back: &'a dyn Fn(&str) -> Option<Vec<u8>>,
    pub stand_ins: &'a [StandIn],
}

/// Checks every internal link of the site from its `scans` (only the links `previous` may not
/// vouch for, see [`Previous::checked`]); `written` are the links of the Markdown texts, used to
/// report a broken one at its source.
pub fn check<'a>(
    site: Finished<'a>,
    scans: &'a Scans,
    written: &'a [SourceLink],
    not_judged: NotJudged<'a>,
    previous: Option<Previous>,
) -> Diagnostics {
    let mut problems = Diagnostics::new();
    let Finished {
        files,
        passed,
        read_back,
        stand_ins,
    } = site;
    let in_memory = files.iter().map(|f| f.path.as_str());
    let site = Site {
        unknown: not_judged.outputs,
        paths: in_memory
            .chain(passed.iter().map(|passed| passed.path.as_str()))
            .collect(),
        anchors: scans
            .0
            .iter()
            .map(|(path, scan)| (path.as_str(), &scan.ids))
            .collect(),
    };
    // The pages whose links are judged: all, or those a good previous build does not vouch for.
    let judged = previous.and_then(|previous| parsed_again(previous, &site, scans));
    let is_judged = |page: &str| judged.as_ref().is_none_or(|judged| judged.contains(page));
    let judge = |page: &str, url: &str| {
        // Spaces compared loosely: a template's typography may have changed them.
        let refused = not_judged.urls.iter().any(|r| bare(r).eq(bare(url)));
        if refused {
            None
        } else {
            site.broken(page, url)
        }
    };
    // Every link resolved on every core; the few broken ones are then grouped in file order. A
    // URL leads to the same place from every page of a folder, unless it has no path: the
    // menu's, the breadcrumbs' and the footer's are judged once per folder and core.
    let broken_links: Vec<Vec<(Found, String, Broken)>> = scans
        .0
        .par_iter()
        .map_init(FastMap::default, |judged, (page, scan)| {
            if !is_judged(page) {
                return Vec::new();
            }
            let folder = &page[..page.rfind('/').map_or(0, |slash| slash + 1)];
            let mut judge_found = |found: &Found<'a>| {
                let url = entities::decode(found.url);
                if has_no_path(&url) {
                    return judge(page, &url);
                }
                let key = (folder, found.url);
                let broken = judged.entry(key).or_insert_with(|| judge(page, &url));
                broken.clone()
            };
            let broken = |found: Found<'a>| {
                let broken = judge_found(&found)?;
                let url = entities::decode(found.url).into_owned();
                Some((found, url, broken))
            };
            scan.links.iter().filter_map(broken).collect()
        })
        .collect();
    // Most builds break no link: what locates a broken one is only gathered when one is.
    if broken_links.iter().all(Vec::is_empty) {
        return problems;
    }
    // What a template problem is shown in: the HTML that was scanned.
    let mut scanned: FastMap<&str, &[u8]> =
        files.iter().map(|f| (f.path.as_str(), &*f.bytes)).collect();
    scanned.extend(
        stand_ins
            .iter()
            .map(|s| (s.path.as_str(), s.html.as_bytes())),
    );
    let mut by_url: FastMap<(&str, String), Vec<&SourceLink>> = FastMap::default();
    for link in written.iter().filter(|link| is_judged(&link.page)) {
        by_url
            .entry((link.page.as_str(), percent_decode(&link.href).into_owned()))
            .or_default()
            .push(link);
    }
    let mut reported: HashSet<(&str, String)> = HashSet::new();
    // What Markdown links break: the same target broken elsewhere (a page's text copied into the
    // print edition) is the same mistake, fixed at the Markdown link.
    let mut from_sources: HashSet<Broken> = HashSet::new();
    let mut from_templates: Vec<TemplateProblem> = Vec::new();
    let mut template_index: HashMap<Broken, usize> = HashMap::new();
    for ((page, _), broken_links) in scans.0.iter().zip(broken_links) {
        let page = page.as_str();
        for (found, url, broken) in broken_links {
            let key = (page, percent_decode(&url).into_owned());
            if let Some(sources) = by_url.get(&key) {
                from_sources.insert(broken.clone());
                if reported.insert(key) {
                    for link in sources {
                        problems.push(
                            Diagnostic::error(broken.message(&link.written))
                                .at(link.span.clone())
                                .label(broken.label())
                                .hint(site.hint(&broken, page)),
                        );
                    }
                }
                continue;
            }
            match template_index.get(&broken) {
                Some(&index) => from_templates[index].pages.push(page),
                None => {
                    template_index.insert(broken.clone(), from_templates.len());
                    from_templates.push(TemplateProblem {
                        broken,
                        page,
                        html: scanned.get(page).copied(),
                        found,
                        pages: Vec::new(),
                    });
                }
            }
        }
    }
    for problem in from_templates {
        if !from_sources.contains(&problem.broken) {
            problems.push(problem.diagnostic(&site, read_back));
        }
    }
    problems
}

/// The pages of `scans` parsed again since `previous`, a build whose check passed, when they are
/// the only ones whose links may break: every file of `previous` remains and each page parsed
/// again keeps its anchors. `None` otherwise, or when `previous` was not checked.
fn parsed_again<'s>(previous: Previous, site: &Site, scans: &'s Scans) -> Option<FastSet<&'s str>> {
    let (files, passed) = previous.checked?;
    let paths = files.iter().map(|f| f.path.as_str());
    let mut all = paths.chain(passed.iter().map(|p| p.path.as_str()));
    if !all.all(|path| site.paths.contains(path)) {
        return None;
    }
    let before: FastMap<&str, &Arc<Scan>> = previous
        .scans
        .0
        .iter()
        .map(|(path, scan)| (path.as_str(), scan))
        .collect();
    let mut again = FastSet::default();
    for (path, scan) in &scans.0 {
        match before.get(path.as_str()) {
            Some(old) if Arc::ptr_eq(old, scan) => {}
            Some(old) if !old.ids.is_subset(&scan.ids) => return None,
            _ => {
                again.insert(path.as_str());
            }
        }
    }
    Some(again)
}

fn is_html(path: &str) -> bool {
    path.ends_with(".html") || path.ends_with(".htm")
}

/// Links the check leaves alone, because another error already covers them.
#[derive(Debug, Clone, Copy, Default)]
pub struct NotJudged<'a> {
    /// Paths and folders (ending with `/`) that files which failed to load would have made.
    pub outputs: &'a [String],
    /// URLs the content checks refused.
    pub urls: &'a [String],
}

/// The files and anchors of the site.
struct Site<'a> {
    paths: FastSet<&'a str>,
    /// Paths and folders (ending with `/`) that files which failed to load would have made.
    unknown: &'a [String],
    anchors: FastMap<&'a str, &'a FastSet<String>>,
}

/// Why a link is broken (also the key that groups the same broken link on many pages).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Broken {
    /// The URL climbs above the site's root folder.
    OutOfSite(String),
    /// No file of the site has this path.
    NoFile(String),
    /// The file is an HTML page without this anchor.
    NoAnchor { path: String, fragment: String },
}

impl Site<'_> {
    /// What is wrong with `url` in the page at `page`, if anything.
    fn broken(&self, page: &str, url: &str) -> Option<Broken> {
        let (path, fragment) = match resolve(page, url) {
            Resolved::File { path, fragment } => (path, fragment),
            Resolved::OutOfSite => return Some(Broken::OutOfSite(url.to_owned())),
            Resolved::Unchecked => return None,
        };
        if !self.paths.contains(path.as_str()) {
            let unknown = self
                .unknown
                .iter()
                .any(|u| *u == path || (u.ends_with('/') && path.starts_with(u.as_str())));
            return (!unknown).then_some(Broken::NoFile(path));
        }
        let fragment = fragment.filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case("top"))?;
        // Fragments of other files (a PDF page, a media time) are the reader's business.
        let ids = self.anchors.get(path.as_str())?;
        (!ids.contains(fragment.as_ref())).then(|| Broken::NoAnchor {
            path,
            fragment: fragment.into_owned(),
        })
    }

    fn hint(&self, broken: &Broken, page: &str) -> Message {
        match broken {
            Broken::OutOfSite(_) => msg!("link-out-of-site-hint"),
            Broken::NoFile(path) => {
                if let Some(html) = self.page_of_source(path) {
                    return msg!("link-to-source-hint", page = relative_to(page, html));
                }
                let relative = msg!("link-relative-hint", page = page);
                // A suggestion equal to what was written would send the reader round in circles.
                let close = did_you_mean(path, self.paths.iter().copied()).filter(|c| c != path);
                let close = close.map(|c| relative_to(page, c));
                suggest(close.as_deref(), relative)
            }
            Broken::NoAnchor { path, fragment } => {
                let ids = self.anchors.get(path.as_str());
                let ids = ids.iter().flat_map(|ids| ids.iter().map(String::as_str));
                let near = closest(fragment, ids, HINT_ANCHORS);
                if near.is_empty() {
                    return msg!("link-no-anchors-hint", path = path, fragment = fragment);
                }
                let list: Vec<String> = near.iter().map(|id| format!("#{id}")).collect();
                let anchors = msg!("link-anchors-hint", path = path, anchors = list.join(", "));
                let close = did_you_mean(fragment, near.iter().copied()).map(|c| format!("#{c}"));
                suggest(close.as_deref(), anchors)
            }
        }
    }

    /// The page a link to a Markdown source file (`content/pages/activites.md`) meant: the site
    /// has `activites.html` for it.
    fn page_of_source(&self, path: &str) -> Option<&str> {
        let stem = Path::new(path).file_stem()?.to_str()?;
        if !path.ends_with(".md") {
            return None;
        }
        let page = if stem == "index" {
            "index.html".to_owned()
        } else {
            format!("{stem}.html")
        };
        self.paths.get(page.as_str()).copied()
    }
}

/// The URL of the site file `target` from the page `page` (both paths from the site root).
fn relative_to(page: &str, target: &str) -> String {
    let depth = page.matches('/').count();
    format!("{}{target}", "../".repeat(depth))
}

impl Broken {
    fn message(&self, url: &str) -> Message {
        match self {
            Broken::OutOfSite(_) => msg!("link-out-of-site", url = url),
            Broken::NoFile(path) => msg!("link-no-file", url = url, path = path),
            Broken::NoAnchor { path, fragment } => {
                msg!(
                    "link-no-anchor",
                    url = url,
                    path = path,
                    fragment = fragment
                )
            }
        }
    }

    /// A selector of `link-label`.
    fn kind(&self) -> &'static str {
        match self {
            Broken::OutOfSite(_) => "out",
            Broken::NoFile(_) => "file",
            Broken::NoAnchor { .. } => "anchor",
        }
    }

    fn label(&self) -> Message {
        msg!("link-label", kind = self.kind())
    }
}

/// A broken link that no Markdown text has: the first place it was found, and the other pages.
struct TemplateProblem<'a> {
    broken: Broken,
    page: &'a str,
    /// The HTML the link was found in, unless it must be read back.
    html: Option<&'a [u8]>,
    found: Found<'a>,
    pages: Vec<&'a str>,
}

impl TemplateProblem<'_> {
    /// The diagnostic, pointing at the URL in the generated HTML.
    fn diagnostic(&self, site: &Site, read_back: &dyn Fn(&str) -> Option<Vec<u8>>) -> Diagnostic {
        let page = self.page;
        let read = || Cow::Owned(read_back(page).unwrap_or_default());
        let html = self.html.map_or_else(read, Cow::Borrowed);
        let html = SourceText::new(page, String::from_utf8_lossy(&html));
        let start = self.found.tag.start
            + html.text[self.found.tag.clone()]
                .find(self.found.url)
                .unwrap_or(0);
        let mut pages: Vec<&str> = self.pages.iter().copied().filter(|p| *p != page).collect();
        pages.dedup();
        let mut named = pages[..pages.len().min(LABEL_PAGES)].join(", ");
        if pages.len() > LABEL_PAGES {
            named.push_str(", …");
        }
        let label = msg!(
            "link-template-label",
            kind = self.broken.kind(),
            page = page,
            others = pages.len(),
            named = named
        );
        let url = entities::decode(self.found.url);
        Diagnostic::error(self.broken.message(&url))
            .at(html.span(start..start + self.found.url.len()))
            .label(label)
            .hint(msg!(
                "link-template-hint",
                rest = site.hint(&self.broken, page)
            ))
    }
}

/// Where a URL leads.
#[derive(Debug, PartialEq)]
enum Resolved<'u> {
    /// Not checked: it has a scheme, or starts with `/` (it depends on where the site is published).
    Unchecked,
    /// Its `..` climb above the site's root folder.
    OutOfSite,
    /// The file's path from the site root, and the fragment, both percent-decoded.
    File {
        path: String,
        fragment: Option<Cow<'u, str>>,
    },
}

/// Resolves a URL of the page at `page` as a browser would; the query is ignored.
fn resolve<'u>(page: &str, url: &'u str) -> Resolved<'u> {
    let url = url.trim_matches(|c: char| c.is_ascii_whitespace());
    if url.starts_with('/') || has_scheme(url) {
        return Resolved::Unchecked;
    }
    let (rest, fragment) = match url.split_once('#') {
        Some((rest, fragment)) => (rest, Some(percent_decode(fragment))),
        None => (url, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    if path.is_empty() {
        return Resolved::File {
            path: page.to_owned(),
            fragment,
        };
    }
    let mut segments: Vec<&str> = page.split('/').collect();
    segments.pop();
    let mut folder = false;
    for segment in path.split('/') {
        folder = matches!(segment, "" | "." | "..");
        match segment {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return Resolved::OutOfSite;
                }
            }
            name => segments.push(name),
        }
    }
    if folder {
        segments.push("index.html");
    }
    Resolved::File {
        path: percent_decode(&segments.join("/")).into_owned(),
        fragment,
    }
}

/// The characters of `url` but its white space, compared without making a string of them.
fn bare(url: &str) -> impl Iterator<Item = char> + '_ {
    url.chars().filter(|c| !c.is_whitespace())
}

/// Whether `url` leads within its own page (`#anchor`, `?query`, or nothing).
fn has_no_path(url: &str) -> bool {
    let url = url.trim_start_matches(|c: char| c.is_ascii_whitespace());
    url.is_empty() || url.starts_with(['#', '?'])
}

/// Whether the URL starts with a scheme (`https:`, `mailto:`, `data:`…), as a browser reads it.
fn has_scheme(url: &str) -> bool {
    let Some(end) = url.find([':', '/', '?', '#']) else {
        return false;
    };
    let scheme = &url[..end];
    url[end..].starts_with(':')
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn percent_decode(text: &str) -> Cow<'_, str> {
    percent_decode_str(text).decode_utf8_lossy()
}

#[cfg(test)]
mod tests;
