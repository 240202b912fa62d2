//! What the stages that read livret's own HTML share about where a part of a page stands in it:
//! a Markdown text made from its events (see `site::printed`) is spliced into the passes over a
//! page (the print edition's, the link check's) only where an HTML parser would read it as
//! elements and text; and how those passes select every element and read an element's or an
//! attribute's name. It reads strings and counts what their parser (lol_html) meets; it parses
//! nothing itself.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::LazyLock;

use lol_html::html_content::{Attribute, Element};
use lol_html::{EndTagHandler, Selector};

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

/// Elements whose content an HTML parser reads as text, not elements.
pub const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Counts the element `el`, named `name`, in `open` until its end tag, when it is one of `kinds`
/// (such as [`RAW_TEXT`]).
pub fn count_open(el: &mut Element, name: &str, kinds: &[&str], open: &Rc<Cell<usize>>) {
    if !kinds.contains(&name) {
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

/// Where `part` starts in `whole`, when it stands there once.
pub fn once(whole: &str, part: &str) -> Option<usize> {
    // Searching for a text of kilobytes prepares a searcher as long as it (profiled at 8 % of a
    // build): look for its first bytes, and compare the rest where they are.
    let mut probe = part.len().min(64);
    while !part.is_char_boundary(probe) {
        probe -= 1;
    }
    let finder = memchr::memmem::Finder::new(&part[..probe]);
    let (mut from, mut found) = (0, None);
    // Every place of the probe, overlapping ones included.
    while let Some(at) = whole
        .get(from..)
        .and_then(|rest| finder.find(rest.as_bytes()))
    {
        let start = from + at;
        if whole[start..].starts_with(part) {
            if found.is_some() {
                return None;
            }
            found = Some(start);
        }
        from = start + whole[start..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Whether what follows `html` is outside a comment and a tag. (Whether it is inside a
/// [`RAW_TEXT`] element is for the parser of `html` to tell.)
pub fn ends_outside_markup(html: &[u8]) -> bool {
    let last = |pattern: &[u8]| html.windows(pattern.len()).rposition(|w| w == pattern);
    let in_comment = last(b"<!--") > last(b"-->");
    let in_tag = last(b"<") > last(b">");
    !in_comment && !in_tag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_found_once_or_not_at_all() {
        assert_eq!(once("<p>a</p><p>b</p>", "<p>b</p>"), Some(8));
        assert_eq!(once("<p>a</p><p>a</p>", "<p>a</p>"), None);
        assert_eq!(once("<p>a</p>", "<p>c</p>"), None);
        // Longer than the probe, alike in their first bytes.
        let long = format!("<p>{}</p>", "é".repeat(40));
        let other = format!("<p>{}x</p>", "é".repeat(40));
        assert_eq!(once(&format!("{other}{long}"), &long), Some(other.len()));
        assert_eq!(once(&format!("{long}{long}"), &long), None);
        assert_eq!(once("abc", ""), None);
        assert_eq!(once("aaa", "aa"), None);
    }

    #[test]
    fn comments_and_tags_left_open_are_told() {
        assert!(ends_outside_markup(b"<div class=\"prose\">\n"));
        assert!(ends_outside_markup(b"<!-- a --><p>"));
        assert!(!ends_outside_markup(b"<p><!-- a "));
        assert!(!ends_outside_markup(b"<div title=\""));
    }
}
