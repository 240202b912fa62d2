//! The full-text search index of the site, built once per build: what a page's text is for the
//! search (sections, folded words, stems); `words` folds and counts the words, `index` lays it
//! out in files.
//!
//! The text comes from the rendered pages themselves (each content page's body, its template's
//! `main` block), so the index holds exactly what readers see, template-generated text included.
//! The body is not parsed here: the print edition's pass over it (lol_html) feeds a [`Collector`],
//! so each body is parsed once; a Markdown text's part of it comes as the [`Step`]s its events
//! were recorded into (see `site::printed`), without a parse at all. Each page is cut into
//! sections at its `h2`/`h3` headings that carry an id, so a result links to `page.html#id`.
//! Words are folded (lowercase, compatibility decomposition without combining marks, œ → oe,
//! æ → ae) and split on anything not alphanumeric; each distinct word gets its Snowball stem in the handbook's language (French or English, with
//! `rust-stemmers`), written beside it, so that the query side, `theme/static/search.js`, which
//! folds queries the same way, finds every word of a query word's stem by the very same rules
//! without a stemmer of its own. The cost grows linearly with the site. It returns output files
//! and writes nothing.

use std::collections::HashMap;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};

use crate::catalogue::Lang;

use super::views::Link;

/// The Snowball stemmer of the language, if livret stems it.
fn stemmer(language: &str) -> Option<Stemmer> {
    match Lang::from_tag(language)? {
        Lang::Fr => Some(Stemmer::create(Algorithm::French)),
        Lang::En => Some(Stemmer::create(Algorithm::English)),
    }
}

/// Each word's stem, as an index into the sorted, distinct stems (a word is its own stem in a
/// language livret does not stem).
fn stems<'a>(language: &str, words: &[&'a str]) -> (Vec<String>, Vec<usize>) {
    let stemmer = stemmer(language);
    let stem_of = |word: &'a str| match &stemmer {
        Some(stemmer) => stemmer.stem(word).into_owned(),
        None => word.to_owned(),
    };
    let of_words: Vec<String> = words.iter().map(|w| stem_of(w)).collect();
    let mut distinct: Vec<&str> = of_words.iter().map(String::as_str).collect();
    distinct.sort_unstable_by(|a, b| utf16_order(a, b));
    distinct.dedup();
    let position: HashMap<&str, usize> =
        distinct.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let indices = of_words.iter().map(|s| position[s.as_str()]).collect();
    (distinct.into_iter().map(str::to_owned).collect(), indices)
}

/// JavaScript's string order (UTF-16 code units), in which the index's words and stems are sorted
/// so that the query side can search them by bisection.
fn utf16_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// One searchable part of a page: its introduction (empty anchor and heading) or a section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's id, for the link (`page.html#anchor`); empty for the introduction.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

/// What an element's tags mean for the text around them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Its text is not searched.
    Skipped,
    /// `h2` or `h3`: with an id, it starts a section.
    Heading,
    /// In a word's flow.
    Inline,
    /// A break between words.
    Block,
}

impl Tag {
    /// What the tags of an element named `name` (lowercase) mean. A match rather than lists to
    /// search: every element of every page is asked.
    pub fn of(name: &str) -> Tag {
        match name {
            // Text readers do not see as text (or, for `h1`, the page title, stored apart).
            "script" | "style" | "template" | "noscript" | "h1" => Tag::Skipped,
            "h2" | "h3" => Tag::Heading,
            "a" | "abbr" | "b" | "bdi" | "cite" | "code" | "em" | "i" | "kbd" | "mark" | "q"
            | "s" | "small" | "span" | "strong" | "sub" | "sup" | "time" | "u" | "var" => {
                Tag::Inline
            }
            _ => Tag::Block,
        }
    }
}

/// Text with whitespace collapsed: a run of spaces and line breaks, or a break between blocks,
/// becomes one space. No-break spaces are kept, as typography placed them.
#[derive(Default)]
struct Collapsed {
    text: String,
    space: bool,
}

impl Collapsed {
    fn push(&mut self, text: &str) {
        // By runs between breaks, found by their bytes: a text is mostly words.
        let mut run = 0;
        for (at, len) in breaks(text) {
            self.push_run(&text[run..at]);
            self.space = true;
            run = at + len;
        }
        self.push_run(&text[run..]);
    }

    fn push_run(&mut self, run: &str) {
        if !run.is_empty() {
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push_str(run);
        }
    }

    fn take(&mut self) -> String {
        self.space = false;
        // Kept until the index is written, for every page: an exact copy, with no spare
        // capacity, and the buffer, grown once, left for the next section.
        let text = self.text.as_str().to_owned();
        self.text.clear();
        text
    }
}

/// The bytes that start a white space character (`char::is_whitespace`): ASCII's, and the first
/// bytes of the others (U+0085, U+1680, U+2000 to U+205F, U+3000), which are then decoded.
const MAY_BREAK: crate::render::ByteSet = crate::render::byte_set(&[
    b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3,
]);

/// Where `text` breaks between words, and each break's length: white space, but not the
/// no-break spaces typography placed, nor a single space between two words (most of them), which
/// collapses to itself and so stays in the run around it.
fn breaks(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut last_end = None;
    // The bytes of the table all start a character: each position is one.
    crate::render::positions(text, &MAY_BREAK).filter_map(move |at| {
        let single = text.as_bytes()[at] == b' '
            && at > 0
            && last_end != Some(at)
            && at + 1 < text.len()
            && break_at(text, at + 1).is_none();
        if single {
            return None;
        }
        let length = break_at(text, at)?;
        last_end = Some(at + length);
        Some((at, length))
    })
}

/// The length of the character at byte `at` of `text` if it breaks between words.
fn break_at(text: &str, at: usize) -> Option<usize> {
    let byte = *text.as_bytes().get(at)?;
    if !MAY_BREAK.contains(byte) {
        return None;
    }
    let c = text[at..].chars().next()?;
    let breaks = c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}';
    breaks.then_some(c.len_utf8())
}

/// Cuts a page's body into sections at the `h2` and `h3` that have an id, while an HTML pass
/// walks it (the print edition's, so that each body is parsed once): it is told every start tag,
/// end tag and text node in document order, entities already decoded.
pub struct Collector {
    sections: Vec<Section>,
    heading: Collapsed,
    text: Collapsed,
    in_heading: bool,
    skipped: usize,
}

impl Default for Collector {
    fn default() -> Self {
        Collector {
            sections: vec![Section::default()],
            heading: Collapsed::default(),
            text: Collapsed::default(),
            in_heading: false,
            skipped: 0,
        }
    }
}

/// What an HTML pass meets, as a [`Collector`] is told it: recorded where the text comes from
/// Markdown events rather than a pass (see `site::printed`), to be replayed in place. The texts
/// are kept in one string: a text has hundreds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Steps {
    steps: Vec<Step>,
    texts: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Start(Tag, Option<String>),
    End(Tag),
    /// A text, by its range in [`Steps::texts`].
    Text(Range<usize>),
}

impl Steps {
    /// Room for `steps` steps and `text` bytes of text, made once.
    pub fn with_capacity(steps: usize, text: usize) -> Steps {
        Steps {
            steps: Vec::with_capacity(steps),
            texts: String::with_capacity(text),
        }
    }

    pub fn start(&mut self, tag: Tag, id: Option<&str>) {
        self.steps.push(Step::Start(tag, id.map(str::to_owned)));
    }

    pub fn end(&mut self, tag: Tag) {
        self.steps.push(Step::End(tag));
    }

    pub fn text(&mut self, text: &str) {
        let start = self.texts.len();
        self.texts.push_str(text);
        self.steps.push(Step::Text(start..self.texts.len()));
    }
}

impl Collector {
    /// Whether text met now is searched as text (not in a heading, nor in a skipped element).
    pub fn in_text(&self) -> bool {
        self.skipped == 0 && !self.in_heading
    }

    /// What `steps` tell, in order.
    pub fn replay(&mut self, steps: &Steps) {
        for step in &steps.steps {
            match step {
                Step::Start(tag, id) => self.start(*tag, id.as_deref()),
                Step::End(tag) => self.end(*tag),
                Step::Text(range) => self.text(&steps.texts[range.clone()]),
            }
        }
    }

    /// A start tag; `id` is its `id` attribute.
    pub fn start(&mut self, tag: Tag, id: Option<&str>) {
        match tag {
            Tag::Skipped => self.skipped += 1,
            Tag::Heading => {
                if let Some(id) = id.filter(|_| self.skipped == 0) {
                    self.close_section();
                    self.sections.push(Section {
                        anchor: id.to_owned(),
                        ..Section::default()
                    });
                    self.in_heading = true;
                }
            }
            Tag::Inline | Tag::Block => {}
        }
        self.break_words(tag);
    }

    pub fn end(&mut self, tag: Tag) {
        match tag {
            Tag::Skipped => self.skipped = self.skipped.saturating_sub(1),
            Tag::Heading => self.in_heading = false,
            Tag::Inline | Tag::Block => {}
        }
        self.break_words(tag);
    }

    pub fn text(&mut self, text: &str) {
        if self.skipped == 0 {
            self.target().push(text);
        }
    }

    /// The sections: the introduction (text before the first heading), then one per heading.
    pub fn finish(mut self) -> Vec<Section> {
        self.close_section();
        self.sections
    }

    fn break_words(&mut self, tag: Tag) {
        if tag != Tag::Inline {
            self.target().space = true;
        }
    }

    fn target(&mut self) -> &mut Collapsed {
        if self.in_heading {
            &mut self.heading
        } else {
            &mut self.text
        }
    }

    fn close_section(&mut self) {
        if let Some(last) = self.sections.last_mut() {
            (last.heading, last.text) = (self.heading.take(), self.text.take());
        }
    }
}

/// A content page for the index: its link, the sections of its body, and the words of each of its
/// documents (from [`page_words`]).
pub struct Page<'a> {
    pub link: &'a Link,
    pub sections: &'a [Section],
    pub words: &'a [DocWords],
}

/// What the index takes of a content page, kept until its text part is made.
pub trait Text {
    fn page(&self) -> Page<'_>;

    /// The page's [`fingerprint`], which a page kept from one build to the next may work out
    /// once.
    fn fingerprint(&self) -> u128 {
        fingerprint(&self.page())
    }
}

impl<T: Text> Text for std::sync::Arc<T> {
    fn page(&self) -> Page<'_> {
        (**self).page()
    }

    fn fingerprint(&self) -> u128 {
        (**self).fingerprint()
    }
}

/// The sections of a page worth a document: the introduction, and every section with text.
fn documents(sections: &[Section]) -> impl Iterator<Item = &Section> {
    sections.iter().enumerate().filter_map(|(i, section)| {
        let kept = i == 0 || !section.heading.is_empty() || !section.text.is_empty();
        kept.then_some(section)
    })
}

#[cfg(test)]
mod tests;

mod index;
mod postings;
mod words;
pub use index::{Before, INDEX_DIR, Indexer, Part, Reuse, fingerprint, manifest_path};
pub use words::{DocWords, page_words, words};
