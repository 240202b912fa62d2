//! The search index's files, laid out so that a query loads little of a large site, as Pagefind
//! does, while still working from `file://`: every file is a script that registers its data under
//! `self.livretSearch[name]` (a page from `file://` may load a script, not fetch a file).
//!
//! - `assets/search/index.js`, the manifest, loaded with the search page: the language's
//!   stopwords, how many documents each page has and how many pages each text part holds (so that
//!   a document's page and part are worked out, not stored), the first word of each word shard,
//!   and the référentiel's codes.
//! - `w{n}.js`, the word shards: consecutive runs of the sorted vocabulary, each word with its
//!   stem and its postings (every document holding it, with where: title, heading, how many times
//!   in the text), enough to find and rank the candidates without their text; and the stems that
//!   sort into the shard, each with all its words, wherever they are.
//! - `t{n}.js`, the text parts: consecutive pages' paths, titles and sections, compressed
//!   (raw deflate, in base64), loaded for the results a reader sees, for their excerpts.
//!
//! [`Indexer`] builds them page after page while the site renders; after a change to some pages
//! (serve's), from what the previous build left ([`Reuse`]): the postings edited where the
//! changed pages' documents stand (`postings`), the text parts holding the same text taken as
//! they were. It decides the layout, not the ranking (`theme/static/search.js` does), and writes
//! nothing: it returns the files.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Arc;

use base64::Engine;
use bytes::Bytes;
use libdeflater::{CompressionLvl, Compressor};
use rayon::prelude::*;
use serde::Serialize;

use super::postings::{Words, truncate, vlq};
use super::words::{DocWords, stopwords};
use super::{Page, Text, documents, stems, utf16_order};
use crate::render::{ASSETS_DIR, OutputFile, typography};

/// The folder of the index's files in the site.
pub const INDEX_DIR: &str = "search";

/// A word shard is closed once its words and postings pass this size (it holds at least one word).
const WORD_SHARD_BYTES: usize = 48 * 1024;
/// A text part holds this many pages on average: it ends after a page whose path hashes to a
/// multiple of it, so that the cuts stay where they are when a page's text changes (serve then
/// compresses that page's part alone)…
const TEXT_PART_PAGES: u64 = 8;
/// …or once its text passes this size, before compression (a cut that may move, up to the next
/// hashed one).
const TEXT_PART_BYTES: usize = 64 * 1024;

/// The global object the index's scripts register their data in, read by `search.js`.
const GLOBAL: &str = "livretSearch";

/// The manifest's path in the site.
pub fn manifest_path() -> String {
    part_path("index")
}

fn part_path(name: &str) -> String {
    format!("{ASSETS_DIR}/{INDEX_DIR}/{name}.js")
}

#[derive(Serialize)]
struct Manifest<'a> {
    language: &'a str,
    stopwords: &'a [&'a str],
    /// How many documents each page has, in page order (documents are numbered page after page).
    docs: String,
    /// How many pages each text part `t{n}` holds, in order.
    parts: String,
    /// The first word of each word shard `w{n}`, in order.
    shards: Vec<&'a str>,
    /// `[code, document]`: where each code of the référentiel is described, shown first when a
    /// query is that code, however its dots and case are written.
    codes: Vec<(&'a str, usize)>,
}

#[derive(Serialize, Default)]
struct Shard<'a> {
    /// Consecutive words of the vocabulary, sorted in UTF-16 code-unit order (JavaScript's string
    /// order, so that the query side finds them by bisection).
    words: Vec<&'a str>,
    /// Each word's stem.
    stems: Vec<&'a str>,
    /// Each word's postings: pairs (document minus the previous one, code), see [`super::DocWords`].
    postings: Vec<&'a str>,
    /// The stems that sort into this shard, each with every word of that stem.
    home: Vec<(&'a str, Vec<&'a str>)>,
}

/// A text part closed by [`Indexer::add`], to be made with [`Indexer::make`] (on any core).
pub struct Part<T> {
    number: usize,
    pages: Vec<T>,
}

/// The index, built page after page in page order while the site renders, so that no page's text
/// is held longer than its text part: each word's postings are encoded as its documents come
/// (documents are numbered in page order, so the index does not depend on the number of threads
/// that rendered the pages), and each text part is made as soon as its last page is added.
/// `codes` pairs each code with the URL (`path` or `path#anchor`) of the section describing it; a
/// code whose section is not a document is left out. Titles get the language's typography, as on
/// the pages.
///
/// `previous` holds what the previous build (serve's) left: a part holding the same text is taken
/// from it rather than compressed again, and while the pages are numbered as then, its postings
/// are edited where a changed page's documents stand rather than every page's words encoded
/// again. With `keep`, this build leaves the same for the next.
pub struct Indexer<'a, T> {
    language: &'a str,
    codes: &'a [(&'a str, String)],
    previous: &'a Reuse,
    /// The text parts made, when kept for the next build.
    kept_parts: Option<HashMap<u128, Bytes>>,
    words: Words,
    /// The previous build's pages, while every page so far is numbered as then: its postings
    /// stand for those pages.
    patching: Option<&'a [(Box<str>, usize)]>,
    /// How many documents each page has.
    docs: Vec<usize>,
    /// Each page's path, when kept for the next build.
    paths: Vec<Box<str>>,
    next_doc: u32,
    /// The document describing each code's section, by the section's path, then its anchor.
    described: HashMap<&'a str, Vec<(&'a str, Option<usize>)>>,
    /// The pages of the text part being filled, and the size of their text.
    group: (Vec<T>, usize),
    /// How many pages each text part closed holds.
    parts: Vec<usize>,
}

impl<'a, T: Text> Indexer<'a, T> {
    pub fn new(
        language: &'a str,
        codes: &'a [(&'a str, String)],
        previous: &'a Reuse,
        keep: bool,
    ) -> Indexer<'a, T> {
        let mut described: HashMap<&str, Vec<(&str, Option<usize>)>> = HashMap::new();
        for (_, url) in codes {
            let (path, anchor) = url.split_once('#').unwrap_or((url, ""));
            described.entry(path).or_default().push((anchor, None));
        }
        let numbered = previous.numbered.as_deref();
        Indexer {
            language,
            codes,
            previous,
            kept_parts: keep.then(HashMap::new),
            words: numbered.map(|n| n.words.clone()).unwrap_or_default(),
            patching: numbered.map(|n| n.pages.as_slice()),
            docs: Vec::new(),
            paths: Vec::new(),
            next_doc: 0,
            described,
            group: (Vec::new(), 0),
            parts: Vec::new(),
        }
    }

    /// Adds the next page, which the previous build indexed as `before`; returns its text part
    /// when the page closes it.
    pub fn add(&mut self, text: T, before: Before<T>) -> Option<Part<T>> {
        let page = text.page();
        let first = self.next_doc;
        self.add_words(&page, before);
        if self.kept_parts.is_some() {
            self.paths.push(page.link.path.as_str().into());
        }
        self.docs.push(page.words.len());
        self.next_doc += page.words.len() as u32;
        if let Some(wanted) = self.described.get_mut(page.link.path.as_str()) {
            let sections = documents(page.sections).map(|s| s.anchor.as_str());
            for (doc, anchor) in (first as usize..).zip(sections) {
                for (wanted, found) in wanted.iter_mut() {
                    if *wanted == anchor {
                        *found = Some(doc);
                    }
                }
            }
        }
        self.group.1 += page
            .sections
            .iter()
            .map(|s| s.text.len() + s.heading.len())
            .sum::<usize>();
        let cut = fnv1a(&page.link.path).is_multiple_of(TEXT_PART_PAGES);
        self.group.0.push(text);
        (cut || self.group.1 >= TEXT_PART_BYTES).then(|| self.close_part())
    }

    /// Adds the postings of `page`'s words, or edits the previous build's where the page's
    /// documents stand while the pages are numbered as then.
    fn add_words(&mut self, page: &Page, before: Before<T>) {
        let first = self.next_doc;
        if let Some(pages) = self.patching {
            let count = page.words.len();
            let numbered_as_then = pages
                .get(self.docs.len())
                .is_some_and(|(path, docs)| **path == page.link.path && *docs == count);
            match before {
                Before::Same if numbered_as_then => return,
                Before::Was(old) if numbered_as_then && old.page().words.len() == count => {
                    return self.patch(old.page().words, page.words, first);
                }
                // The previous postings stand for the documents before this page only.
                _ => {
                    truncate(&mut self.words, first);
                    self.patching = None;
                }
            }
        }
        for (doc, words) in (first..).zip(page.words) {
            for (word, code) in words.iter() {
                match self.words.get_mut(word) {
                    Some(postings) => postings.push(doc, code),
                    None => self.words.entry(word.into()).or_default().push(doc, code),
                }
            }
        }
    }

    /// Replaces the postings of a page's documents, from `first` on, which had the words `old`
    /// and now have `new` (as many documents).
    fn patch(&mut self, old: &[DocWords], new: &[DocWords], first: u32) {
        let docs = first..first + new.len() as u32;
        let mut changed: foldhash::HashMap<&str, Vec<(u32, u32)>> = old
            .iter()
            .flat_map(DocWords::iter)
            .map(|(word, _)| (word, Vec::new()))
            .collect();
        for (doc, words) in (first..).zip(new) {
            for (word, code) in words.iter() {
                changed.entry(word).or_default().push((doc, code));
            }
        }
        for (word, pairs) in changed {
            let postings = match self.words.get_mut(word) {
                Some(postings) => postings,
                None => self.words.entry(word.into()).or_default(),
            };
            if !postings.splice(docs.clone(), &pairs) {
                self.words.remove(word);
            }
        }
    }

    fn close_part(&mut self) -> Part<T> {
        let (pages, _) = std::mem::take(&mut self.group);
        self.parts.push(pages.len());
        Part {
            number: self.parts.len() - 1,
            pages,
        }
    }

    /// The file of text part `part` (`t{n}.js`), compressed, or taken from the previous build;
    /// with its fingerprint when a build gives or takes parts (serve's: a single build has no
    /// use for it).
    pub fn make(&self, part: &Part<T>) -> (Option<u128>, OutputFile) {
        let pages: Vec<Page> = part.pages.iter().map(Text::page).collect();
        let name = format!("t{}", part.number);
        let reused = self.kept_parts.is_some() || !self.previous.parts.is_empty();
        let key = reused.then(|| part_fingerprint(self.language, part.number, &part.pages));
        let file = match key.and_then(|key| self.previous.parts.get(&key)) {
            Some(bytes) => OutputFile::new(part_path(&name), bytes.clone()),
            None => {
                let text = compressed(&text_json(self.language, &pages));
                script(&name, |json| json_string(json, &text))
            }
        };
        (key, file)
    }

    /// Keeps a text part made for the next build, if asked to.
    pub fn made(&mut self, key: Option<u128>, file: &OutputFile) {
        if let (Some(kept), Some(key)) = (&mut self.kept_parts, key) {
            kept.insert(key, file.bytes.clone());
        }
    }

    /// The index's other files: the manifest, the word shards, and the last text part; and what
    /// is kept for the next build.
    pub fn finish(mut self) -> (Vec<OutputFile>, Reuse) {
        let mut files = Vec::new();
        if !self.group.0.is_empty() {
            let part = self.close_part();
            let (key, file) = self.make(&part);
            self.made(key, &file);
            files.push(file);
        }
        // Fewer pages than before: the previous postings stand for documents now gone too.
        if self
            .patching
            .is_some_and(|pages| pages.len() != self.docs.len())
        {
            truncate(&mut self.words, self.next_doc);
        }
        self.write_words(&mut files);
        let reuse = match self.kept_parts {
            Some(parts) => Reuse {
                parts,
                numbered: Some(Arc::new(Numbered {
                    words: self.words,
                    pages: self.paths.into_iter().zip(self.docs).collect(),
                })),
            },
            None => Reuse::default(),
        };
        (files, reuse)
    }

    /// The manifest and the word shards.
    fn write_words(&self, files: &mut Vec<OutputFile>) {
        let mut words: Vec<(&str, &str)> = self
            .words
            .iter()
            .map(|(word, postings)| (&**word, postings.encoded.as_str()))
            .collect();
        words.sort_unstable_by(|a, b| utf16_order(a.0, b.0));
        let vocabulary: Vec<&str> = words.iter().map(|(word, _)| *word).collect();
        let (distinct_stems, word_stems) = stems(self.language, &vocabulary);
        let stem_of = |i: usize| distinct_stems[word_stems[i]].as_str();
        let mut shards = cut_shards(&words, &stem_of);
        let firsts: Vec<&str> = shards.iter().map(|s| s.words[0]).collect();
        // Each stem's words, listed in the shard the stem sorts into.
        let mut of_stem: Vec<Vec<&str>> = vec![Vec::new(); distinct_stems.len()];
        for (i, word) in vocabulary.iter().enumerate() {
            of_stem[word_stems[i]].push(word);
        }
        for (stem, words) in distinct_stems.iter().zip(of_stem) {
            shards[shard_of(&firsts, stem)].home.push((stem, words));
        }
        let codes = self.codes.iter().filter_map(|(code, url)| {
            let (path, anchor) = url.split_once('#').unwrap_or((url, ""));
            let wanted = self.described.get(path)?;
            let &(_, doc) = wanted.iter().find(|(wanted, _)| *wanted == anchor)?;
            Some((*code, doc?))
        });
        let manifest = Manifest {
            language: self.language,
            stopwords: stopwords(self.language),
            docs: vlq(self.docs.iter().copied()),
            parts: vlq(self.parts.iter().copied()),
            shards: firsts.clone(),
            codes: codes.collect(),
        };
        files.push(script("index", serialized(&manifest)));
        // On every core: the last step of the rendering, which no page's work overlaps.
        files.par_extend(
            shards
                .par_iter()
                .enumerate()
                .map(|(n, shard)| script(&format!("w{n}"), serialized(shard))),
        );
    }
}

/// What the previous build (serve's) indexed of a page, for [`Indexer::add`].
pub enum Before<'p, T> {
    /// Nothing: there was no previous build, or the page is new.
    Unknown,
    /// The very same page.
    Same,
    /// The page as it was then.
    Was(&'p T),
}

/// The vocabulary (each word with its encoded postings) in shards of about [`WORD_SHARD_BYTES`]
/// each.
fn cut_shards<'a>(
    words: &[(&'a str, &'a str)],
    stem_of: &dyn Fn(usize) -> &'a str,
) -> Vec<Shard<'a>> {
    let mut shards: Vec<Shard> = Vec::new();
    let mut size = WORD_SHARD_BYTES;
    for (i, &(word, encoded)) in words.iter().enumerate() {
        if size >= WORD_SHARD_BYTES {
            shards.push(Shard::default());
            size = 0;
        }
        let shard = shards.last_mut().expect("a shard was opened");
        size += word.len() + stem_of(i).len() + encoded.len() + 12;
        shard.words.push(word);
        shard.stems.push(stem_of(i));
        shard.postings.push(encoded);
    }
    shards
}

/// The shard whose run of words `key` sorts into: the last one whose first word is not after it.
fn shard_of(firsts: &[&str], key: &str) -> usize {
    firsts
        .partition_point(|first| utf16_order(first, key) != Ordering::Greater)
        .saturating_sub(1)
}

/// What a build of the index leaves for the next (serve's), so that a rebuild redoes only what
/// the changed pages change: the text parts' files, by a fingerprint of what they hold; and every
/// word's postings, with the pages they number (shared: a rendering is copied whole).
#[derive(Debug, Clone, Default)]
pub struct Reuse {
    pub(super) parts: HashMap<u128, Bytes>,
    numbered: Option<Arc<Numbered>>,
}

/// Every word's postings, and the pages whose documents they number: each page's path and how
/// many documents it has, in order.
#[derive(Debug)]
struct Numbered {
    words: Words,
    pages: Vec<(Box<str>, usize)>,
}

/// FNV-1a, 64 bits: a hash that is the same on every machine and in every version, so that the
/// parts' cuts are too.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What a part's file holds, in 128 bits: its language (the titles' typography), its number
/// (which its script registers it under) and its pages' [`fingerprint`]s, each worked out once.
fn part_fingerprint(language: &str, number: usize, pages: &[impl Text]) -> u128 {
    hash128(|hasher| {
        (language, number).hash(hasher);
        pages
            .iter()
            .for_each(|page| page.fingerprint().hash(hasher));
    })
}

/// What a page gives a text part, in 128 bits: its path, title and documents.
pub fn fingerprint(page: &Page) -> u128 {
    hash128(|hasher| {
        (&page.link.path, &page.link.title).hash(hasher);
        for section in documents(page.sections) {
            (&section.anchor, &section.heading, &section.text).hash(hasher);
        }
    })
}

/// Two hashes of what `feed` gives, with two seeds: the same on every machine and in every run.
fn hash128(feed: impl Fn(&mut foldhash::fast::FoldHasher)) -> u128 {
    let hash = |seed| {
        let mut hasher = foldhash::fast::FixedState::with_seed(seed).build_hasher();
        feed(&mut hasher);
        hasher.finish()
    };
    u128::from(hash(1)) << 64 | u128::from(hash(2))
}

/// A text part's pages as JSON: `[[path, title, [[anchor, heading, text]…]]…]`, as serde_json
/// writes it (tested), each string written by [`json_string`].
fn text_json(language: &str, group: &[Page]) -> Vec<u8> {
    let size: usize = group
        .iter()
        .flat_map(|page| page.sections)
        .map(|s| s.text.len())
        .sum();
    let mut json = Vec::with_capacity(size + size / 8);
    json.push(b'[');
    for (i, page) in group.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.push(b'[');
        json_string(&mut json, &page.link.path);
        json.push(b',');
        json_string(&mut json, &typography::apply(language, &page.link.title));
        json.extend_from_slice(b",[");
        for (j, section) in documents(page.sections).enumerate() {
            if j > 0 {
                json.push(b',');
            }
            json.push(b'[');
            json_string(&mut json, &section.anchor);
            json.push(b',');
            json_string(&mut json, &section.heading);
            json.push(b',');
            json_string(&mut json, &section.text);
            json.push(b']');
        }
        json.extend_from_slice(b"]]");
    }
    json.push(b']');
    json
}

/// `string` as a JSON string, as serde_json writes it. serde_json escapes quotes, backslashes
/// and control characters only, and tells them byte by byte: most of the text parts' strings
/// have none, which a check the compiler can vectorize tells at once, and are copied whole.
fn json_string(json: &mut Vec<u8>, string: &str) {
    let plain = string.bytes().fold(true, |plain, b| {
        plain & (b >= 0x20) & (b != b'"') & (b != b'\\')
    });
    if plain {
        json.push(b'"');
        json.extend_from_slice(string.as_bytes());
        json.push(b'"');
    } else {
        serde_json::to_writer(&mut *json, string).expect("a string serializes");
    }
}

/// `bytes` deflated (raw, as the browser's `DecompressionStream("deflate-raw")` reads) and in
/// base64, to travel in a script. libdeflate, since a part is compressed whole: at 10,000 pages
/// its level 3 makes 9.8 MB of text parts for three quarters of the instructions zlib-rs spent
/// at its own level 3 on 10.1 MB (libdeflate's level 1: 11.0 MB; level 6: 9.4 MB for 1.4 × the
/// work). Each thread keeps its compressor: a new one allocates its tables.
fn compressed(bytes: &[u8]) -> String {
    thread_local! {
        static DEFLATE: RefCell<Compressor> = RefCell::new(Compressor::new(
            CompressionLvl::new(3).expect("3 is one of libdeflate's levels"),
        ));
    }
    let deflated = DEFLATE.with_borrow_mut(|deflate| {
        let mut out = vec![0; deflate.deflate_compress_bound(bytes.len())];
        let written = deflate
            .deflate_compress(bytes, &mut out)
            .expect("the bound leaves room for the whole stream");
        out.truncate(written);
        out
    });
    base64::engine::general_purpose::STANDARD.encode(deflated)
}

/// The script registering part `name` of the index, whose JSON `data` writes. A text part's
/// JSON is one string of base64, which [`json_string`] copies whole where serde_json would look
/// at each of its megabytes.
fn script(name: &str, data: impl FnOnce(&mut Vec<u8>)) -> OutputFile {
    let mut script = format!("(self.{GLOBAL} = self.{GLOBAL} || {{}})[\"{name}\"] = ").into_bytes();
    data(&mut script);
    script.extend_from_slice(b";\n");
    OutputFile::new(part_path(name), script)
}

/// Writes `data` as serde_json does.
fn serialized(data: &impl Serialize) -> impl FnOnce(&mut Vec<u8>) + '_ {
    |json| serde_json::to_writer(json, data).expect("the index serializes: strings and numbers")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::search::Section;
    use crate::render::views::Link;

    proptest::proptest! {
        /// Every string, quotes, backslashes and control characters among others, is written
        /// as serde_json writes it.
        #[test]
        fn json_strings_are_serde_json_s(string in "(\\PC|[\"\\\\\u{0}-\u{1f}\u{7f}])*") {
            let mut json = Vec::new();
            json_string(&mut json, &string);
            proptest::prop_assert_eq!(json, serde_json::to_vec(&string).unwrap());
        }
    }

    #[test]
    fn a_text_part_is_the_json_serde_json_writes() {
        let section = |anchor: &str, heading: &str, text: &str| Section {
            anchor: anchor.to_owned(),
            heading: heading.to_owned(),
            text: text.to_owned(),
        };
        let links = [
            Link {
                title: "L'« accueil »".to_owned(),
                path: "index.html".to_owned(),
            },
            Link {
                title: "Fiches".to_owned(),
                path: "fiches/\"une\".html".to_owned(),
            },
        ];
        let sections = [
            vec![
                section("", "", "Intro"),
                section("a", "Tab\there", "Un\\deux"),
            ],
            vec![section("", "", ""), section("", "", "sans titre")],
        ];
        let group: Vec<Page> = links
            .iter()
            .zip(&sections)
            .map(|(link, sections)| Page {
                link,
                sections,
                words: &[],
            })
            .collect();
        // A text part's page as serde_json takes it: path, title, documents.
        type Serialized<'a> = (&'a str, String, Vec<(&'a str, &'a str, &'a str)>);
        let expected: Vec<Serialized> = group
            .iter()
            .map(|page| {
                let docs = documents(page.sections)
                    .map(|s| (s.anchor.as_str(), s.heading.as_str(), s.text.as_str()))
                    .collect();
                let title = typography::apply("fr", &page.link.title).into_owned();
                (page.link.path.as_str(), title, docs)
            })
            .collect();
        assert_eq!(
            String::from_utf8(text_json("fr", &group)).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    }
}
