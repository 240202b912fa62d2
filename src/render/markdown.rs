//! Markdown to HTML with pulldown-cmark, adapted to a handbook.
//!
//! On top of CommonMark (with tables, footnotes, strikethrough and smart punctuation) it: rewrites
//! links to content sources (`certification.md`, `../activities/sitographie.yaml`) into relative
//! links to their pages, reporting unknown ones with file and line; gives every heading a stable id;
//! adds `scope="col"` to table header cells; demotes a body `#` heading (the page title is the only
//! h1); and applies the language's typography to text. It reads the model's Markdown strings and
//! returns HTML; it never decides where pages go (the caller passes the link targets). Every link
//! it emits is also returned as a [`SourceLink`] with its place in the source, so that the link check
//! (which reads the finished site) can point at the Markdown; it does not check anchors itself.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, Span};
use crate::msg;

use super::typography;

/// Where a Markdown text sits in its file, so diagnostics point at the right line.
#[derive(Clone, Copy)]
pub enum Placement {
    /// The text starts at this byte offset of the file (a page body).
    At(usize),
    /// Each line of the text is one source line, starting at this 1-based line: a YAML scalar
    /// (serde-saphyr's location of a `|` block is its first content line), or a page body whose
    /// template values were expanded (which shifts columns, not lines).
    Lines { first_line: usize },
}

/// One Markdown text to render.
pub struct Markdown<'a> {
    pub text: &'a str,
    pub source: &'a SourceText,
    pub placement: Placement,
    /// Output path of the page the HTML goes into, relative to the site root.
    pub page_path: &'a str,
}

/// Link targets: content source path (relative to the project root) → output path.
#[derive(Debug, Clone, Default)]
pub struct LinkTargets {
    /// Keyed by the source's path as links write it, `/` between its parts (see [`resolve`]):
    /// resolved and looked up as a string, a link costs about a fifth fewer instructions than as
    /// a `Path` built, normalized and hashed part by part, for every link of every page. A fast
    /// hash: no key comes from outside.
    by_source: foldhash::HashMap<String, String>,
}

impl LinkTargets {
    pub fn insert(&mut self, source: &Path, output: String) {
        self.by_source.insert(slashed(source), output);
    }

    /// The output path of the source at `resolved` (as [`resolve`] gives it).
    fn get(&self, resolved: &str) -> Option<&String> {
        self.by_source.get(resolved)
    }

    /// Every source path, `/`-separated.
    fn sources(&self) -> impl Iterator<Item = &str> {
        self.by_source.keys().map(String::as_str)
    }
}

impl FromIterator<(PathBuf, String)> for LinkTargets {
    fn from_iter<I: IntoIterator<Item = (PathBuf, String)>>(targets: I) -> Self {
        let mut all = LinkTargets::default();
        for (source, output) in targets {
            all.insert(&source, output);
        }
        all
    }
}

/// A relative path with `/` between its parts, whatever the system writes between them.
fn slashed(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

/// A link or image of a Markdown text: where it is written, and the URL the HTML got.
#[derive(Debug, Clone)]
pub struct SourceLink {
    /// Output path of the page the HTML goes into.
    pub page: String,
    /// The URL as written in the Markdown.
    pub written: String,
    /// The URL in the HTML (a link to a content source rewritten to its page).
    pub href: String,
    pub span: Span,
}

/// The HTML of a table header cell: pulldown-cmark writes no `scope`.
pub const HEADER_CELL: &str = "<th scope=\"col\">";
pub const HEADER_CELL_END: &str = "</th>";

/// What else is made from a text's events while they exist, besides its HTML (the print
/// edition's copy of it and its search text: see `site::printed`). It sees the events the HTML is
/// written from, and that HTML.
pub type Also<'x> = Option<&'x mut dyn FnMut(&[Event<'_>], Written<'_>)>;

/// A text's HTML as written from its events, with where each event's HTML starts in it.
#[derive(Debug, Clone, Copy)]
pub struct Written<'a> {
    pub html: &'a str,
    /// The start of each event's HTML, then the end of the last.
    pub starts: &'a [usize],
}

impl<'a> Written<'a> {
    /// The HTML written for the event at `index`.
    pub fn of(&self, index: usize) -> &'a str {
        &self.html[self.starts[index]..self.starts[index + 1]]
    }
}

/// Renders Markdown to HTML; problems (unknown link targets) go to `problems`, every link emitted to
/// `links`.
pub fn render(
    markdown: &Markdown,
    language: &str,
    targets: &LinkTargets,
    problems: &mut Diagnostics,
    links: &mut Vec<SourceLink>,
) -> String {
    render_also(markdown, language, targets, problems, links, None)
}

/// [`render`], handing the events to `also` too.
pub fn render_also(
    markdown: &Markdown,
    language: &str,
    targets: &LinkTargets,
    problems: &mut Diagnostics,
    links: &mut Vec<SourceLink>,
    also: Also,
) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    // Sized for an event every twelve bytes of text (about what French prose gives), not grown
    // event after event: each growth copies them all.
    let mut events: Vec<(Event, Range<usize>)> = Vec::with_capacity(markdown.text.len() / 12);
    events.extend(Parser::new_ext(markdown.text, options).into_offset_iter());
    assign_heading_ids(&mut events);
    let mut in_table_head = false;
    // The folder links are written from, made at the first link to a source.
    let folder = std::cell::OnceCell::new();
    let mut output = Vec::with_capacity(events.len());
    for (event, range) in events {
        let event = match event {
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                    let dest = std::mem::replace(dest_url, CowStr::Borrowed(""));
                    let written = dest.to_string();
                    let (at, folder) = (range.clone(), &folder);
                    *dest_url = rewrite_link(markdown, folder, dest, targets, at, problems);
                    links.push(SourceLink {
                        page: markdown.page_path.to_owned(),
                        written,
                        href: dest_url.to_string(),
                        span: locate(markdown, range),
                    });
                }
                Event::Start(tag)
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                Event::End(TagEnd::Heading(HeadingLevel::H2))
            }
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                Event::Start(Tag::TableHead)
            }
            Event::End(TagEnd::TableHead) => {
                in_table_head = false;
                Event::End(TagEnd::TableHead)
            }
            Event::Start(Tag::TableCell) if in_table_head => {
                Event::Html(CowStr::Borrowed(HEADER_CELL))
            }
            Event::End(TagEnd::TableCell) if in_table_head => {
                Event::Html(CowStr::Borrowed(HEADER_CELL_END))
            }
            Event::Text(text) => match typography::apply(language, &text) {
                std::borrow::Cow::Borrowed(_) => Event::Text(text),
                std::borrow::Cow::Owned(changed) => Event::Text(changed.into()),
            },
            other => other,
        };
        output.push(event);
    }
    // Tables and lists write more HTML per byte than prose: room for twice the text, dropped
    // with the page.
    let capacity = markdown.text.len() * 2;
    let Some(also) = also else {
        let mut out = String::with_capacity(capacity);
        html::push_html(&mut out, output.into_iter());
        return out;
    };
    let (out, starts) = write_marked(&output, capacity);
    also(
        &output,
        Written {
            html: &out,
            starts: &starts,
        },
    );
    out
}

/// Writes `events` as HTML, noting where each event's HTML starts (then the end of the last).
fn write_marked(events: &[Event], capacity: usize) -> (String, Vec<usize>) {
    /// pulldown-cmark writes to it while the events' iterator reads its length.
    struct Shared<'a>(&'a RefCell<String>);
    impl fmt::Write for Shared<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0.borrow_mut().push_str(s);
            Ok(())
        }
    }
    let out = RefCell::new(String::with_capacity(capacity));
    let mut starts = Vec::with_capacity(events.len() + 1);
    // The writer asks for an event once it has written the one before (an image's alt text
    // aside, which it reads within the image).
    let marked = events.iter().map(|event| {
        starts.push(out.borrow().len());
        borrowed(event)
    });
    // Writing to a String cannot fail.
    let _ = html::write_html_fmt(Shared(&out), marked);
    let out = out.into_inner();
    starts.push(out.len());
    (out, starts)
}

/// `event`, its text borrowed rather than copied.
fn borrowed<'a>(event: &'a Event) -> Event<'a> {
    let view = |text: &'a CowStr| CowStr::Borrowed(text.as_ref());
    match event {
        Event::Text(text) => Event::Text(view(text)),
        Event::Code(text) => Event::Code(view(text)),
        Event::Html(html) => Event::Html(view(html)),
        Event::InlineHtml(html) => Event::InlineHtml(view(html)),
        other => other.clone(),
    }
}

/// Gives each heading without an explicit `{#id}` an id made from its text, unique in the page.
fn assign_heading_ids(events: &mut [(Event, Range<usize>)]) {
    let mut used: HashSet<String> = HashSet::new();
    for index in 0..events.len() {
        let Event::Start(Tag::Heading { id, .. }) = &events[index].0 else {
            continue;
        };
        if let Some(id) = id {
            used.insert(id.to_string());
            continue;
        }
        let mut text = String::new();
        for (event, _) in &events[index + 1..] {
            match event {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let base = slugify(&text);
        let base = if base.is_empty() {
            "section".to_owned()
        } else {
            base
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while !used.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        if let Event::Start(Tag::Heading { id, .. }) = &mut events[index].0 {
            *id = Some(candidate.into());
        }
    }
}

/// An ASCII, lowercase, hyphenated form of a text, for ids and file names.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// Rewrites a link to a content source into a relative link to its page; other links pass unchanged.
/// `folder` is that of the text's file, `/`-separated, made at its first link to a source.
fn rewrite_link<'a>(
    markdown: &Markdown,
    folder: &std::cell::OnceCell<String>,
    dest: CowStr<'a>,
    targets: &LinkTargets,
    range: Range<usize>,
    problems: &mut Diagnostics,
) -> CowStr<'a> {
    let (path_part, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest.as_ref(), None),
    };
    let is_source = [".md", ".yaml", ".yml"]
        .iter()
        .any(|ext| path_part.ends_with(ext));
    if !is_source || path_part.contains("://") || path_part.starts_with('/') {
        return dest;
    }
    let base = folder.get_or_init(|| {
        markdown
            .source
            .path
            .parent()
            .map(slashed)
            .unwrap_or_default()
    });
    let resolved = resolve(base, path_part);
    match targets.get(&resolved) {
        Some(target) => {
            let mut url = relative_url(markdown.page_path, target);
            if let Some(fragment) = fragment {
                url.push('#');
                url.push_str(fragment);
            }
            url.into()
        }
        None => {
            let mut known: Vec<&str> = targets.sources().collect();
            known.sort_unstable();
            // Compared as the reader writes links, relative to this file's folder (whole paths
            // would all look alike by their common `content/`).
            let written: Vec<String> = known.iter().map(|k| relative_path(base, k)).collect();
            // A link written from the project's root (`content/pages/x.md`) names the right file
            // in the wrong way: the file of that name is the suggestion.
            let same_name = || {
                let name = Path::new(path_part).file_name();
                written
                    .iter()
                    .find(|w| Path::new(w.as_str()).file_name() == name)
            };
            let close =
                crate::diagnostic::did_you_mean(path_part, written.iter().map(String::as_str))
                    .or_else(|| same_name().map(String::as_str));
            let hint = match close {
                Some(close) => msg!("markdown-link-close-hint", close = close),
                None => msg!("markdown-link-missing-hint"),
            };
            problems.push(
                Diagnostic::error(msg!("markdown-link-missing", link = path_part))
                    .at(locate(markdown, range))
                    .label(msg!("markdown-link-missing-label", resolved = &resolved))
                    .hint(hint),
            );
            dest
        }
    }
}

/// The path of `to` as written from the folder `from` (both relative to the project root,
/// `/`-separated).
fn relative_path(from: &str, to: &str) -> String {
    let from: Vec<_> = from.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<_> = to.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

/// The span in the source file of a range of the Markdown text.
fn locate(markdown: &Markdown, range: Range<usize>) -> Span {
    match markdown.placement {
        Placement::At(offset) => markdown
            .source
            .span(offset + range.start..offset + range.end),
        Placement::Lines { .. } => {
            let before = &markdown.text[..range.start.min(markdown.text.len())];
            locate_line(markdown, before.matches('\n').count() + 1)
        }
    }
}

/// The span of the source line holding a 1-based line of the Markdown text, without indentation.
pub fn locate_line(markdown: &Markdown, text_line: usize) -> Span {
    let source = markdown.source;
    let first_line = match markdown.placement {
        Placement::At(offset) => source.line_column(offset).0,
        Placement::Lines { first_line } => first_line,
    };
    let start = source.offset_of(first_line + text_line.saturating_sub(1), 1);
    let end = source.text[start..]
        .find('\n')
        .map_or(source.text.len(), |i| start + i);
    let line = &source.text[start..end];
    let indent = line.len() - line.trim_start().len();
    source.span(start + indent..end)
}

/// The path `relative` (written in a link, `/`-separated) leads to from the folder `base`
/// (`/`-separated), resolved lexically, as content paths never involve symlinks: `.` and empty
/// parts left out, `..` taking back the part before it (none above the root).
pub(crate) fn resolve(base: &str, relative: &str) -> String {
    let mut out = String::with_capacity(base.len() + relative.len() + 1);
    for part in base.split('/').chain(relative.split('/')) {
        match part {
            "" | "." => {}
            ".." => out.truncate(out.rfind('/').unwrap_or(0)),
            part => {
                if !out.is_empty() {
                    out.push('/');
                }
                out.push_str(part);
            }
        }
    }
    out
}

/// The relative URL from the page at `from` to the file at `to`, both relative to the site root.
pub fn relative_url(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    let mut url = "../".repeat(depth);
    url.push_str(to);
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders `text` as the body of a page at `page_path`, after a three-line front matter.
    fn render_at(
        text: &str,
        targets: &LinkTargets,
        page_path: &str,
    ) -> (String, Diagnostics, Vec<SourceLink>) {
        let source = SourceText::new("content/pages/a.md", format!("---\ntitle: A\n---\n{text}"));
        let markdown = Markdown {
            text,
            source: &source,
            placement: Placement::At(17),
            page_path,
        };
        let (mut problems, mut links) = (Diagnostics::new(), Vec::new());
        let html = render(&markdown, "fr", targets, &mut problems, &mut links);
        (html, problems, links)
    }

    fn render_page(text: &str, targets: &LinkTargets) -> (String, Diagnostics) {
        let (html, problems, _) = render_at(text, targets, "a.html");
        (html, problems)
    }

    /// One activity source and its page.
    fn activity_target() -> LinkTargets {
        LinkTargets::from_iter([(
            PathBuf::from("content/activities/x.yaml"),
            "activites/x.html".to_owned(),
        )])
    }

    #[test]
    fn links_to_sources_become_relative_page_links() {
        let (html, problems) = render_page("[X](../activities/x.yaml#a)", &activity_target());
        assert!(problems.is_empty());
        assert!(html.contains("href=\"activites/x.html#a\""), "{html}");
    }

    #[test]
    fn every_link_is_returned_with_its_place_and_final_url() {
        let text = "Voir [X](../activities/x.yaml#a) et ![i](assets/i.svg).";
        let (_, _, links) = render_at(text, &activity_target(), "b/a.html");
        let found: Vec<_> = links
            .iter()
            .map(|l| (l.page.as_str(), l.written.as_str(), l.href.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "b/a.html",
                    "../activities/x.yaml#a",
                    "../activites/x.html#a"
                ),
                ("b/a.html", "assets/i.svg", "assets/i.svg"),
            ]
        );
        // The body starts on line 4 of the file.
        let column = text.find("![i]").unwrap() + 1;
        assert_eq!(links[1].span.line_column(), (4, column));
    }

    #[test]
    fn missing_link_target_is_located() {
        let (_, problems) = render_page("Texte\n\n[Y](absent.md)", &LinkTargets::default());
        let problem = problems.iter().next().unwrap();
        assert_eq!(problem.span.as_ref().unwrap().line_column(), (6, 1));
    }

    #[test]
    fn headings_get_unique_ids_and_h1_is_demoted() {
        let (html, _) = render_page("# Été\n\n## Été\n", &LinkTargets::default());
        assert!(html.contains("<h2 id=\"ete\">"), "{html}");
        assert!(html.contains("<h2 id=\"ete-2\">"), "{html}");
        assert!(!html.contains("<h1"), "{html}");
    }

    #[test]
    fn table_headers_have_scope_and_text_gets_typography() {
        let (html, _) = render_page(
            "| a | b |\n|---|---|\n| 1 : 2 | 3 |\n",
            &LinkTargets::default(),
        );
        assert!(html.contains("<th scope=\"col\">a</th>"), "{html}");
        assert!(html.contains("1\u{a0}: 2"), "{html}");
    }

    #[test]
    fn links_resolve_from_their_folder() {
        assert_eq!(
            resolve("content/pages", "../activities/x.yaml"),
            "content/activities/x.yaml"
        );
        assert_eq!(
            resolve("content/pages", "./a//b.md"),
            "content/pages/a/b.md"
        );
        assert_eq!(resolve("content", "../../x.md"), "x.md");
        assert_eq!(resolve("", "a/../b.md"), "b.md");
        assert_eq!(
            relative_path("content/pages", "content/activities/x.yaml"),
            "../activities/x.yaml"
        );
        assert_eq!(relative_path("content", "content/index.md"), "index.md");
    }

    proptest::proptest! {
        /// The string resolution gives what `std::path` gives, part by part.
        #[test]
        fn resolving_agrees_with_paths(
            base in proptest::collection::vec("[a.]{1,2}", 0..4),
            link in proptest::collection::vec("[a.]{0,2}", 1..6),
        ) {
            let (base, link) = (base.join("/"), link.join("/"));
            // A link from the root is not resolved (`rewrite_link` leaves it as written).
            proptest::prop_assume!(!link.starts_with('/'));
            let mut expected = PathBuf::new();
            for part in Path::new(&base).join(&link).components() {
                match part {
                    std::path::Component::CurDir => {}
                    std::path::Component::ParentDir => {
                        expected.pop();
                    }
                    other => expected.push(other),
                }
            }
            proptest::prop_assert_eq!(resolve(&base, &link), slashed(&expected));
        }
    }

    #[test]
    fn relative_urls_climb_out_of_subfolders() {
        assert_eq!(
            relative_url("activites/x.html", "index.html"),
            "../index.html"
        );
        assert_eq!(
            relative_url("index.html", "activites/x.html"),
            "activites/x.html"
        );
    }
}
