//! One plain tag read without a parser, for the link check's scan: a start tag of an element
//! after which a parser reads on as at a page's start, or the end tag of one, its attributes
//! written as HTML's tokenizer reads them without a parse error. Most of the lines a page does
//! not share with others are such tags (a link to the next page, a title's heading): lol_html,
//! set up for each, cost about 12,000 instructions a tag. Anything else (a comment, a
//! raw-text or foreign element, an attribute a tokenizer would read with an error) is left to
//! lol_html: this reader says `None` rather than guess, and what it reads is what lol_html reads
//! (tested against it). It owns no rule of the check.

use std::borrow::Cow;

use super::scan::Chunk;

/// Elements after whose start tag a parser does not read on as at a page's start (raw text,
/// escapable raw text, plain text, foreign content), or whose end tag may close a foreign one.
const NOT_PLAIN: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "textarea",
    "title",
    "plaintext",
    "svg",
    "math",
];

/// What the plain tag `piece` (from `<` to its `>`) holds, or `None` when it is not one.
pub(super) fn read_plain(piece: &[u8]) -> Option<Chunk> {
    let inner = piece.strip_prefix(b"<")?.strip_suffix(b">")?;
    let inner = std::str::from_utf8(inner).ok()?;
    if let Some(end_tag) = inner.strip_prefix('/') {
        // Nothing to find in an end tag.
        return plain_name(end_tag.trim_end_matches(is_space)).map(|_| Chunk::default());
    }
    let name_end = inner
        .find(|c| is_space(c) || c == '/')
        .unwrap_or(inner.len());
    let element = plain_name(&inner[..name_end])?;
    let mut chunk = Chunk::default();
    let mut names: Vec<&str> = Vec::new();
    let mut rest = &inner[name_end..];
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() || rest == "/" {
            return Some(chunk);
        }
        let (name, value, after) = attribute(rest)?;
        // A repeated attribute, which a tokenizer reads with a parse error: left to lol_html.
        if names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return None;
        }
        names.push(name);
        chunk.take_attribute(&element, &lowercase(name), value, 0..piece.len());
        rest = after;
    }
}

/// The first attribute of `text` (which starts with its name), its value (empty when it has
/// none), and what follows it; `None` where a tokenizer would meet a parse error.
fn attribute(text: &str) -> Option<(&str, &str, &str)> {
    let name_end = text
        .find(|c| is_space(c) || c == '=' || c == '/')
        .unwrap_or(text.len());
    let name = &text[..name_end];
    if name.is_empty() || name.contains(['"', '\'', '<']) {
        return None;
    }
    let after_name = text[name_end..].trim_start_matches(is_space);
    let Some(value) = after_name.strip_prefix('=') else {
        return Some((name, "", after_name));
    };
    let value = value.trim_start_matches(is_space);
    match value.chars().next()? {
        quote @ ('"' | '\'') => {
            let close = value[1..].find(quote)? + 1;
            let after = &value[close + 1..];
            // A tokenizer wants a space, `/` or the end after a quoted value.
            let separated = after.is_empty() || after.starts_with(is_space) || after == "/";
            separated.then(|| (name, &value[1..close], after))
        }
        _ => {
            let end = value.find(is_space).unwrap_or(value.len());
            let unquoted = &value[..end];
            let erroneous = unquoted.contains(['"', '\'', '<', '=', '`']);
            (!erroneous).then(|| (name, unquoted, &value[end..]))
        }
    }
}

/// `name`, lowercase, when it is an element's name that keeps a parser where a page starts.
fn plain_name(name: &str) -> Option<Cow<'_, str>> {
    let mut chars = name.chars();
    let is_name = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-');
    let name = lowercase(name);
    (is_name && !NOT_PLAIN.contains(&&*name)).then_some(name)
}

fn lowercase(name: &str) -> Cow<'_, str> {
    match name.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(name.to_ascii_lowercase()),
        false => Cow::Borrowed(name),
    }
}

/// HTML's white space in a tag.
fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{c}' | '\r' | ' ')
}

#[cfg(test)]
mod tests;
