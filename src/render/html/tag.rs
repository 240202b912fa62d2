//! One plain tag read without a parser: a start tag of an element after which a parser reads on
//! as at a page's start, or the end tag of one, its attributes written as HTML's tokenizer reads
//! them without a parse error. Most of the tags livret's own pages hold are plain, and lol_html,
//! set up for each part of a page, costs thousands of instructions before its first byte.
//! Anything else (a comment, a raw-text or foreign element, an attribute a tokenizer would read
//! with an error) is left to lol_html: this reader says `None` rather than guess, and its
//! readers test that what it reads is what lol_html reads. It knows no pass's rules.

use std::borrow::Cow;

use smallvec::SmallVec;

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

/// Elements without content (lol_html's list): no end tag closes them.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];

/// A plain tag, as written.
#[derive(Debug)]
pub struct Tag<'a> {
    /// The element's name, lowercase.
    pub name: Cow<'a, str>,
    /// The name as written.
    pub written: &'a str,
    /// An end tag (which then has no attributes).
    pub end: bool,
    /// In place up to four (most tags have one or two).
    pub attributes: SmallVec<[Attribute<'a>; 4]>,
    /// Written with `/>`.
    pub self_closing: bool,
}

/// An attribute of a plain tag, as written.
#[derive(Debug)]
pub struct Attribute<'a> {
    /// As written (any case): each is written once, whatever the case.
    pub name: &'a str,
    /// As written, entities included; empty when it has none.
    pub value: &'a str,
    /// From its name to its value's end, its closing quote included.
    pub raw: &'a str,
}

impl Tag<'_> {
    /// Whether the element has no content (so no end tag closes it).
    pub fn is_void(&self) -> bool {
        VOID.contains(&&*self.name)
    }
}

/// What the plain tag `piece` (from `<` to its `>`) holds, or `None` when it is not one.
pub fn plain(piece: &[u8]) -> Option<Tag<'_>> {
    let inner = piece.strip_prefix(b"<")?.strip_suffix(b">")?;
    let inner = std::str::from_utf8(inner).ok()?;
    if let Some(end_tag) = inner.strip_prefix('/') {
        let written = end_tag.trim_end_matches(is_space);
        return Some(Tag {
            name: plain_name(written)?,
            written,
            end: true,
            attributes: SmallVec::new(),
            self_closing: false,
        });
    }
    let name_end = inner
        .find(|c| is_space(c) || c == '/')
        .unwrap_or(inner.len());
    let written = &inner[..name_end];
    let mut tag = Tag {
        name: plain_name(written)?,
        written,
        end: false,
        attributes: SmallVec::new(),
        self_closing: false,
    };
    let mut rest = &inner[name_end..];
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() || rest == "/" {
            tag.self_closing = rest == "/";
            return Some(tag);
        }
        let (attribute, after) = attribute(rest)?;
        // A repeated attribute, which a tokenizer reads with a parse error: left to lol_html.
        let repeated = |a: &Attribute| a.name.eq_ignore_ascii_case(attribute.name);
        if tag.attributes.iter().any(repeated) {
            return None;
        }
        tag.attributes.push(attribute);
        rest = after;
    }
}

/// The first attribute of `text` (which starts with its name), and what follows it; `None`
/// where a tokenizer would meet a parse error.
fn attribute(text: &str) -> Option<(Attribute<'_>, &str)> {
    let name_end = text
        .find(|c| is_space(c) || c == '=' || c == '/')
        .unwrap_or(text.len());
    let name = &text[..name_end];
    if name.is_empty() || name.contains(['"', '\'', '<']) {
        return None;
    }
    let after_name = text[name_end..].trim_start_matches(is_space);
    let Some(value) = after_name.strip_prefix('=') else {
        let attribute = Attribute {
            name,
            value: "",
            raw: name,
        };
        return Some((attribute, after_name));
    };
    let value = value.trim_start_matches(is_space);
    let (value, after) = match value.chars().next()? {
        quote @ ('"' | '\'') => {
            let close = value[1..].find(quote)? + 1;
            let after = &value[close + 1..];
            // A tokenizer wants a space, `/` or the end after a quoted value.
            let separated = after.is_empty() || after.starts_with(is_space) || after == "/";
            separated.then(|| (&value[1..close], after))?
        }
        _ => {
            let end = value.find(is_space).unwrap_or(value.len());
            let unquoted = &value[..end];
            let erroneous = unquoted.contains(['"', '\'', '<', '=', '`']);
            (!erroneous).then(|| (unquoted, &value[end..]))?
        }
    };
    let raw = &text[..text.len() - after.len()];
    Some((Attribute { name, value, raw }, after))
}

/// `name`, lowercase, when it is an element's name that keeps a parser where a page starts.
fn plain_name(name: &str) -> Option<Cow<'_, str>> {
    let mut chars = name.chars();
    let is_name = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-');
    let name = lowercase(name);
    (is_name && !NOT_PLAIN.contains(&&*name)).then_some(name)
}

/// `name` in lowercase, borrowed when it is already.
pub fn lowercase(name: &str) -> Cow<'_, str> {
    match name.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(name.to_ascii_lowercase()),
        false => Cow::Borrowed(name),
    }
}

/// HTML's white space in a tag.
fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{c}' | '\r' | ' ')
}

/// The pieces of `html`, each with its start: a tag, from `<` to the first `>` after it (or the
/// end), or the text up to the next `<`.
pub fn pieces(html: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = html.get(start..).filter(|rest| !rest.is_empty())?;
        let length = match rest[0] {
            b'<' => memchr::memchr(b'>', rest).map_or(rest.len(), |end| end + 1),
            _ => memchr::memchr(b'<', rest).unwrap_or(rest.len()),
        };
        let piece = (start, &rest[..length]);
        start += length;
        Some(piece)
    })
}
