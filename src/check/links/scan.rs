//! Reading one HTML file's anchors and link URLs with lol_html, for the link check.
//!
//! A page is read around its Markdown text when the render stage knows that text's anchors and
//! links ([`KnownPart`]), and the template HTML around it chunk by chunk: a line (or the few lines
//! a parser must read together) already parsed on the same thread is not parsed again, since most
//! of a page's chrome (head, menu, footer) repeats on every page; a line not seen before is read
//! tag by tag, since it is most often new for a word or a URL only: a plain tag without a parser
//! (`tag`), any other through the same memo. The memo and the plain tags only save work: a file
//! yields what one parse of it gives (tested). This module owns no rule of the check.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use foldhash::HashSet as FastSet;
use lol_html::html_content::Element;
use lol_html::{ElementContentHandlers, HtmlRewriter, Settings};

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::render::html::{self, tag};
use crate::render::{KnownPart, OutputFile, Reading, entities};

use super::tag::read_plain;

/// Attributes holding a URL (or, for `srcset`, several).
const URL_ATTRIBUTES: &[&str] = &["href", "src", "srcset", "action", "poster", "xlink:href"];

/// How many chunks, and how many of their bytes, a thread remembers before it starts again (a
/// bound on memory: the chrome every page repeats comes back at once)…
const REMEMBERED: usize = 1 << 14;
const REMEMBERED_BYTES: usize = 4 << 20;
/// …and the longest it remembers: the lines a page's chrome repeats are short, and a long one (a
/// minified page, a generated table's row) seldom comes back.
const LONGEST_REMEMBERED: usize = 2 << 10;

thread_local! {
    /// The chunks parsed on a thread: what each holds, or `None` when a parser must read it with
    /// what follows.
    static SEEN: RefCell<html::Memo<Box<[u8]>, Option<Chunk>>> =
        RefCell::new(html::Memo::new(REMEMBERED, REMEMBERED_BYTES));
}

/// The anchors and links of one HTML file.
#[derive(Debug, Clone, Default)]
pub(super) struct Scan {
    /// Its anchors, entities decoded.
    pub ids: FastSet<String>,
    pub links: Links,
}

/// The URLs of a file's links, as in the file (entities not decoded), each with the byte range of
/// the start tag holding it, to locate it when it is broken. Kept for every page of the site until
/// the check (hundreds of thousands of links): in one string, not one allocation each.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Links {
    urls: String,
    /// Each URL's end in `urls`, and its tag.
    ends: Vec<(usize, Range<usize>)>,
}

/// A URL in an HTML file.
#[derive(Debug, Clone)]
pub(super) struct Found<'a> {
    pub url: &'a str,
    pub tag: Range<usize>,
}

impl Links {
    fn push(&mut self, url: &str, tag: Range<usize>) {
        self.urls.push_str(url);
        self.ends.push((self.urls.len(), tag));
    }

    /// Appends `other`'s links, their tags moved `by` bytes on.
    fn append(&mut self, other: &Links, by: usize) {
        for found in other.iter() {
            self.push(found.url, found.tag.start + by..found.tag.end + by);
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Found<'_>> {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|(end, _)| *end));
        starts.zip(&self.ends).map(|(start, (end, tag))| Found {
            url: &self.urls[start..*end],
            tag: tag.clone(),
        })
    }

    fn shrink_to_fit(&mut self) {
        self.urls.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// What a chunk of HTML holds, its tags' ranges from the chunk's start.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Chunk {
    ids: Vec<String>,
    links: Links,
}

impl Chunk {
    /// Adds what the chunk holds to `scan`, the chunk standing at byte `at` of its file.
    pub(super) fn add_to(&self, scan: &mut Scan, at: usize) {
        scan.ids.extend(self.ids.iter().cloned());
        scan.links.append(&self.links, at);
    }

    /// Takes the anchor or the URLs an attribute holds: `name` (lowercase) of an element
    /// `element` (lowercase), with `value` as written, in the start tag at `tag`.
    pub(super) fn take_attribute(
        &mut self,
        element: &str,
        name: &str,
        value: &str,
        tag: Range<usize>,
    ) {
        if name == "id" || (name == "name" && element == "a") {
            self.ids.push(entities::decode(value).into_owned());
        } else if name == "srcset" {
            // Comma-separated candidates, each a URL and an optional width or density.
            let urls = value.split(',').filter_map(|c| c.split_whitespace().next());
            for url in urls {
                self.links.push(url, tag.clone());
            }
        } else if URL_ATTRIBUTES.contains(&name) {
            self.links.push(value, tag);
        }
    }

    /// Adds what `other` holds, standing at byte `at` of this chunk.
    fn append(&mut self, other: &Chunk, at: usize) {
        self.ids.extend(other.ids.iter().cloned());
        self.links.append(&other.links, at);
    }
}

/// Scans `file` as `reading` says (never a stand-in: its file is not read).
pub(super) fn scan_file(file: &OutputFile, reading: Reading) -> Result<Scan, Diagnostic> {
    let scanned = match reading {
        Reading::Around(part) => scan_around(file, part),
        _ => None,
    };
    let mut scan = scanned.unwrap_or_else(|| scan(&file.path, &file.bytes))?;
    // Kept until the check, for every page: no spare capacity.
    scan.links.shrink_to_fit();
    scan.ids.shrink_to_fit();
    Ok(scan)
}

/// Scans `file` around its known `part`, chunk by chunk: `None` when the HTML before the part
/// leaves it where a parser would not read it as at a page's start (in a comment, a tag, a
/// raw-text or foreign element).
pub(super) fn scan_around(file: &OutputFile, part: &KnownPart) -> Option<Result<Scan, Diagnostic>> {
    let before = file.bytes.get(..part.range.start)?;
    let after = file.bytes.get(part.range.end..)?;
    let mut scan = Scan::default();
    match scan_chunks(&file.path, before, 0, true, &mut scan) {
        Ok(true) => {}
        Ok(false) => return None,
        Err(problem) => return Some(Err(problem)),
    }
    scan.ids.extend(part.anchors.iter().cloned());
    for (url, tag) in &part.links {
        scan.links.push(url, tag.clone());
    }
    let rest = scan_chunks(&file.path, after, part.range.end, false, &mut scan);
    Some(rest.map(|_| scan))
}

/// Reads the anchors and link URLs of the HTML file at `path`, chunk by chunk.
pub(super) fn scan(path: &str, html: &[u8]) -> Result<Scan, Diagnostic> {
    let mut scan = Scan::default();
    scan_chunks(path, html, 0, false, &mut scan)?;
    Ok(scan)
}

/// Adds to `scan` what `segment` holds, which stands at byte `at` of the file at `path`, where a
/// parser reads as at a page's start. It is read line by line, a line that cannot be read alone
/// with the next, then the next three… until a parser is back where a page starts (doubling the
/// run keeps this linear in the lines, whatever a page holds); each line or run already seen on
/// this thread is taken from the memo. Whether the segment ends where a parser reads as at a
/// page's start: when it does not and `closed` is asked, what was added is to be thrown away.
fn scan_chunks(
    path: &str,
    segment: &[u8],
    at: usize,
    closed: bool,
    scan: &mut Scan,
) -> Result<bool, Diagnostic> {
    let mut start = 0;
    while start < segment.len() {
        let mut lines = 1;
        loop {
            let end = after_lines(segment, start, lines);
            let run = &segment[start..end];
            if lines == 1 && memchr::memchr(b'<', run).is_none() {
                // Text alone: nothing to find, and a parser stays where it was.
                break start = end;
            }
            let last = end == segment.len();
            match remembered(run, |found| found.add_to(scan, at + start)) {
                Some(true) => break start = end,
                Some(false) => {}
                None => {
                    let pieces = match lines {
                        1 => scan_pieces(path, run)?,
                        _ => None,
                    };
                    let alone = match pieces {
                        Some(found) => {
                            found.add_to(scan, at + start);
                            remember(run, Some(found));
                            true
                        }
                        None => {
                            parse_remembered(path, run, |found| found.add_to(scan, at + start))?
                        }
                    };
                    if alone {
                        break start = end;
                    }
                }
            }
            if last {
                if closed {
                    return Ok(false);
                }
                // The last run, read without the probe: nothing follows it.
                parse(path, run, false)?.0.add_to(scan, at + start);
                break start = end;
            }
            lines *= 2;
        }
    }
    Ok(true)
}

/// Where `lines` lines from `start` of `text` end (after their last line feed), or its end.
fn after_lines(text: &[u8], start: usize, lines: usize) -> usize {
    let mut feeds = memchr::memchr_iter(b'\n', &text[start..]);
    feeds.nth(lines - 1).map_or(text.len(), |at| start + at + 1)
}

/// What a line not seen before holds, read tag by tag: a page's line is most often new for a
/// word or a URL only (a title, a link to the next page), its other tags seen on other pages.
/// Each tag (from `<` to the first `>`) is read without a parser when it is a plain one (see
/// [`read_plain`]), else taken from the memo or parsed alone, the text between tags skipped;
/// `None` when one of them cannot be read alone (a `>` in an attribute, a comment, a raw-text
/// element), or when the line is one such tag: the line is then parsed as a whole.
fn scan_pieces(path: &str, line: &[u8]) -> Result<Option<Chunk>, Diagnostic> {
    let mut chunk = Chunk::default();
    let mut tags = 0;
    for (at, piece) in tag::pieces(line) {
        if piece.first() != Some(&b'<') {
            // Text, where a parser reads as at a page's start: nothing to find.
            continue;
        }
        tags += 1;
        if read_plain(piece, at, &mut chunk) {
            continue;
        }
        if piece.len() == line.len() {
            return Ok(None);
        }
        let alone = match remembered(piece, |found| chunk.append(found, at)) {
            Some(alone) => alone,
            None => parse_remembered(path, piece, |found| chunk.append(found, at))?,
        };
        if !alone {
            return Ok(None);
        }
    }
    Ok((tags > 0).then_some(chunk))
}

/// Gives `add` what `chunk` holds if this thread has seen it: whether it could be read alone, or
/// `None` when it has not been seen.
fn remembered(chunk: &[u8], add: impl FnOnce(&Chunk)) -> Option<bool> {
    SEEN.with_borrow(|seen| {
        let found = seen.get(chunk)?.as_ref();
        if let Some(found) = found {
            add(found);
        }
        Some(found.is_some())
    })
}

/// Parses `chunk` with the probe after it, gives `add` what it holds if it can be read alone,
/// and remembers it: whether it could.
fn parse_remembered(
    path: &str,
    chunk: &[u8],
    add: impl FnOnce(&Chunk),
) -> Result<bool, Diagnostic> {
    let (found, alone) = parse(path, chunk, true)?;
    let found = alone.then_some(found);
    if let Some(found) = &found {
        add(found);
    }
    remember(chunk, found);
    Ok(alone)
}

fn remember(chunk: &[u8], found: Option<Chunk>) {
    if chunk.len() <= LONGEST_REMEMBERED {
        SEEN.with_borrow_mut(|seen| seen.insert(chunk.into(), found, chunk.len()));
    }
}

/// Parses `html`, from the file at `path`, with lol_html, the [`html::PROBE`] after it if
/// `probe`: what it holds, and whether the probe tells that a parser was then where a page
/// starts.
pub(super) fn parse(path: &str, html: &[u8], probe: bool) -> Result<(Chunk, bool), Diagnostic> {
    // One source for lol_html's locations, in which names are read.
    let source: Cow<[u8]> = match probe {
        true => Cow::Owned([html, html::PROBE.as_bytes()].concat()),
        false => Cow::Borrowed(html),
    };
    let mut chunk = Chunk::default();
    let mut closed = false;
    let open = Rc::new(Cell::new(0));
    // Every element: attribute selectors (`[href], [id], …`) measured slower in lol_html.
    let handler = |el: &mut Element| {
        if probe && html::is_probe(el, html.len()) {
            closed = open.get() == 0;
            return Ok(());
        }
        let tag = el.source_location().bytes();
        let name = html::tag_name(el, &source);
        html::count_foreign(el, &name, &open);
        // One pass over the attributes: asking for each name in turn costs twice as much.
        for attribute in el.attributes() {
            let attribute_name = html::attribute_name(attribute, &source);
            chunk.take_attribute(&name, &attribute_name, &attribute.value(), tag.clone());
        }
        Ok(())
    };
    let handlers = ElementContentHandlers::default().element(handler);
    let mut rewriter = HtmlRewriter::new(
        Settings::new()
            .with_strict(false)
            .append_element_content_handler((html::every_element(), handlers)),
        |_: &[u8]| {},
    );
    let parsed = rewriter.write(&source).and_then(|()| rewriter.end());
    parsed.map_err(|e| {
        Diagnostic::error(msg!(
            "links-unreadable-html",
            path = path,
            detail = e.to_string()
        ))
        .in_file(path)
        .hint(msg!("links-unreadable-html-hint"))
    })?;
    Ok((chunk, closed))
}
