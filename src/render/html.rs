//! What the stages that read livret's own HTML share about where a part of a page stands in it:
//! a Markdown text made from its events (see `site::printed`) is spliced into the passes over a
//! page (the print edition's, the link check's) only where an HTML parser would read it as at a
//! page's start, which the parser itself is asked with a [`PROBE`]; and how those passes select
//! every element and read an element's or an attribute's name; and the bounded memo in which a
//! pass keeps, per thread, what it made of the parts that pages repeat; and (`tag`) the plain
//! tags those passes read without a parser. Beyond those tags it reads strings and counts what
//! their parser (lol_html) meets.

use std::borrow::{Borrow, Cow};
use std::cell::Cell;
use std::hash::Hash;
use std::rc::Rc;
use std::sync::LazyLock;

use lol_html::html_content::{Attribute, Element};
use lol_html::{EndTagHandler, Selector};

pub mod tag;

/// What a pass made of the parts of pages it met, by part: at most `most` of them and
/// `most_bytes` of their bytes, forgotten all at once when full (the parts that repeat come back
/// at once, and a bound keeps the memory of a thread small).
pub struct Memo<K, V> {
    entries: foldhash::HashMap<K, V>,
    bytes: usize,
    most: usize,
    most_bytes: usize,
}

impl<K: Hash + Eq, V> Memo<K, V> {
    pub fn new(most: usize, most_bytes: usize) -> Self {
        Memo {
            entries: foldhash::HashMap::default(),
            bytes: 0,
            most,
            most_bytes,
        }
    }

    pub fn get<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.entries.get(key)
    }

    /// Remembers `value` for `key`, counted as `bytes`.
    pub fn insert(&mut self, key: K, value: V, bytes: usize) {
        if self.entries.len() >= self.most || self.bytes + bytes > self.most_bytes {
            self.entries.clear();
            self.bytes = 0;
        }
        self.bytes += bytes;
        self.entries.insert(key, value);
    }
}

/// The selector of every element, which the passes give lol_html: parsed once, where lol_html
/// parses a selector given as text again for each pass (one or more a page).
pub fn every_element() -> Cow<'static, Selector> {
    static EVERY: LazyLock<Selector> = LazyLock::new(|| "*".parse().expect("`*` is a selector"));
    Cow::Borrowed(&EVERY)
}

/// The name of `attribute`, lowercase, read in place in `source` (the HTML its pass was given)
/// where it stands there: lol_html makes a new string of each name it is asked for, and the
/// passes look at every attribute of every element.
pub fn attribute_name<'a>(attribute: &Attribute, source: &'a [u8]) -> Cow<'a, str> {
    let written = attribute.name_source_location();
    let in_place = written.and_then(|at| source.get(at.bytes()));
    lowercase_in_place(in_place, || attribute.name())
}

/// The name of `el`, lowercase, read in place in `source` (the HTML its pass was given) where
/// its start tag stands there, as [`attribute_name`] reads an attribute's.
pub fn tag_name<'a>(el: &Element, source: &'a [u8]) -> Cow<'a, str> {
    let tag = source
        .get(el.source_location().bytes())
        .and_then(|t| t.strip_prefix(b"<"));
    let in_place = tag.map(|t| {
        let end = t
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'));
        &t[..end.unwrap_or(t.len())]
    });
    lowercase_in_place(in_place, || el.tag_name())
}

/// A name as written (`in_place`) when it is lowercase already, else the one lol_html `makes`.
fn lowercase_in_place<'a>(
    in_place: Option<&'a [u8]>,
    makes: impl FnOnce() -> String,
) -> Cow<'a, str> {
    let name = in_place.and_then(|name| std::str::from_utf8(name).ok());
    match name {
        Some(name) if !name.bytes().any(|b| b.is_ascii_uppercase()) => Cow::Borrowed(name),
        _ => Cow::Owned(makes()),
    }
}

/// Written after a part of a page to learn whether a parser is back where a page starts: it is
/// read as an element start outside comments, tags and raw-text elements only (in a `<script>`
/// it is text), and, if no [`FOREIGN`] element is left open ([`count_foreign`]), the part stands
/// where a page starts.
pub const PROBE: &str = "<livret-probe>";

/// Whether `el` is the [`PROBE`] written after a part of `length` bytes.
pub fn is_probe(el: &Element, length: usize) -> bool {
    el.source_location().bytes().start == length
}

/// Foreign elements: until their end, a parser reads some elements otherwise than at the start
/// of a page (in SVG, `<style>` holds elements), even where it reads HTML (in `<foreignObject>`).
const FOREIGN: &[&str] = &["svg", "math"];

/// Counts the element `el`, named `name`, in `open` until its end tag, when it is [`FOREIGN`].
pub fn count_foreign(el: &mut Element, name: &str, open: &Rc<Cell<usize>>) {
    if !FOREIGN.contains(&name) {
        return;
    }
    open.set(open.get() + 1);
    if let Some(handlers) = el.end_tag_handlers() {
        // End-tag handlers are `'static`.
        let open = Rc::clone(open);
        let end: EndTagHandler<'static> = Box::new(move |_| {
            open.set(open.get().saturating_sub(1));
            Ok(())
        });
        handlers.push(end);
    }
}

/// Where `part` starts in `whole`, when it stands there once. Compared as bytes: a page is
/// written as bytes, and a non-empty UTF-8 `part` can only match a UTF-8 `whole` where a
/// character starts.
pub fn once(whole: &[u8], part: &[u8]) -> Option<usize> {
    // Searching for a text of kilobytes prepares a searcher as long as it (profiled at 8 % of a
    // build): look for its first bytes, and compare the rest where they are. Sixteen bytes of a
    // page's text seldom stand elsewhere in the page, and the searcher for them is made in a
    // quarter of the work of one for sixty-four.
    let finder = memchr::memmem::Finder::new(&part[..part.len().min(16)]);
    let (mut from, mut found) = (0, None);
    // Every place of the probe, overlapping ones included.
    while let Some(at) = whole.get(from..).and_then(|rest| finder.find(rest)) {
        let start = from + at;
        if whole[start..].starts_with(part) {
            if found.is_some() {
                return None;
            }
            found = Some(start);
        }
        from = start + 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_found_once_or_not_at_all() {
        let once = |whole: &str, part: &str| once(whole.as_bytes(), part.as_bytes());
        assert_eq!(once("<p>a</p><p>b</p>", "<p>b</p>"), Some(8));
        assert_eq!(once("<p>a</p><p>a</p>", "<p>a</p>"), None);
        assert_eq!(once("<p>a</p>", "<p>c</p>"), None);
        // Longer than the probe, alike in their first bytes.
        let long = format!("<p>{}</p>", "é".repeat(40));
        let other = format!("<p>{}x</p>", "é".repeat(40));
        assert_eq!(once(&format!("{other}{long}"), &long), Some(other.len()));
        assert_eq!(once(&format!("{long}{long}"), &long), None);
        // Where a character's last bytes are the first of another: never inside a character.
        assert_eq!(once("éé", "é"), None);
        assert_eq!(once("aé", "é"), Some(1));
        assert_eq!(once("abc", ""), None);
        assert_eq!(once("aaa", "aa"), None);
    }
}
