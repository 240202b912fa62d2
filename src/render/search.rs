//! The full-text search index of the site, built once per build and written as a script
//! (`assets/search-index.js`) that sets a global, so the search page works offline and from
//! `file://`, where a page cannot fetch a separate file.
//!
//! The text comes from the rendered pages themselves (the `<main>` of each page, read with an HTML5
//! tokenizer), so the index holds exactly what readers see, template-generated text included. Each
//! page is cut into sections at its `h2`/`h3` headings that carry an id, so a result links to
//! `page.html#id`. Words are folded (lowercase, compatibility decomposition without combining
//! marks, œ → oe, æ → ae) and split on anything not alphanumeric; `theme/static/search.js` folds
//! queries the same way and does the stemming and ranking. Everything is one pass over the pages:
//! the cost grows linearly with the site. It reads rendered pages and returns one output file.

use std::collections::HashMap;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::views::Link;
use super::{ASSETS_DIR, OutputFile};

/// The index's path in the site.
pub fn index_path() -> String {
    format!("{ASSETS_DIR}/search-index.js")
}

/// The global variable the index script sets, read by `search.js`.
const GLOBAL: &str = "livretSearchIndex";

/// Words too common to find anything, already folded. Written into the index, so the query side
/// drops exactly the same ones.
const FRENCH_STOPWORDS: &[&str] = &[
    "a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du",
    "elle", "elles", "en", "est", "et", "il", "ils", "j", "je", "l", "la", "le", "les", "leur",
    "leurs", "lui", "m", "ma", "mais", "me", "mes", "n", "ne", "nos", "notre", "nous", "on", "ou",
    "par", "pas", "pour", "qu", "que", "qui", "s", "sa", "se", "ses", "si", "son", "sont", "sur",
    "t", "ta", "te", "tes", "ton", "un", "une", "vos", "votre", "vous", "y",
];

fn stopwords(language: &str) -> &'static [&'static str] {
    if language == "fr" || language.starts_with("fr-") || language.starts_with("fr_") {
        FRENCH_STOPWORDS
    } else {
        &[]
    }
}

/// Appends the folded form of `c`: lowercase, compatibility decomposition (ligatures such as ﬁ,
/// superscripts such as ᵉʳ) without combining marks (accents), œ and æ spelled out. Done char by
/// char, like the query side, so both agree on every text.
fn fold_char(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        for d in std::iter::once(lower).nfkd() {
            match d {
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                d if is_combining_mark(d) => {}
                d => out.push(d),
            }
        }
    }
}

/// The folded words of a text, in order: runs of alphanumeric characters after folding.
pub fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        // ASCII has no decomposition, no combining mark and no ligature: lowercase is its fold.
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, &mut folded);
        }
    }
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One searchable part of a page: its introduction (empty anchor and heading) or a section.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's id, for the link (`page.html#anchor`); empty for the introduction.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

/// Elements whose text readers do not see as text (or, for `h1`, the page title, stored apart).
const SKIPPED: &[&[u8]] = &[b"script", b"style", b"template", b"noscript", b"h1"];
/// Elements inside a word's flow: no word break at their tags.
const INLINE: &[&[u8]] = &[
    b"a", b"abbr", b"b", b"bdi", b"cite", b"code", b"em", b"i", b"kbd", b"mark", b"q", b"s",
    b"small", b"span", b"strong", b"sub", b"sup", b"time", b"u", b"var",
];

/// Text with whitespace collapsed: a run of spaces and line breaks, or a break between blocks,
/// becomes one space. No-break spaces are kept, as typography placed them.
#[derive(Default)]
struct Collapsed {
    text: String,
    space: bool,
}

impl Collapsed {
    fn push(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
                self.space = true;
            } else {
                if self.space && !self.text.is_empty() {
                    self.text.push(' ');
                }
                self.space = false;
                self.text.push(c);
            }
        }
    }

    fn take(&mut self) -> String {
        self.space = false;
        std::mem::take(&mut self.text)
    }
}

/// The sections of a rendered page: the text of its `<main>`, cut at the `h2` and `h3` that have
/// an id. Without a `<main>`, the page has no searchable text.
pub fn sections(html: &str) -> Vec<Section> {
    let mut emitter = DefaultEmitter::default();
    // Script and style contents are raw text, not markup.
    emitter.naively_switch_states(true);
    let mut sections = vec![Section::default()];
    let (mut heading, mut text) = (Collapsed::default(), Collapsed::default());
    let (mut in_main, mut in_heading, mut skipped) = (false, false, 0usize);
    for Ok(token) in Tokenizer::new_with_emitter(html, emitter) {
        let name = match &token {
            Token::StartTag(tag) => &tag.name[..],
            Token::EndTag(tag) => &tag.name[..],
            Token::String(value) => {
                if in_main && skipped == 0 {
                    let target = if in_heading { &mut heading } else { &mut text };
                    target.push(&String::from_utf8_lossy(value));
                }
                continue;
            }
            _ => continue,
        };
        let start = matches!(token, Token::StartTag(_));
        if name == b"main" {
            in_main = start;
        } else if SKIPPED.contains(&name) {
            skipped = if start {
                skipped + 1
            } else {
                skipped.saturating_sub(1)
            };
        } else if name == b"h2" || name == b"h3" {
            let id = match &token {
                Token::StartTag(tag) => tag.attributes.get(&b"id"[..]),
                _ => None,
            };
            if let Some(id) = id.filter(|_| in_main && skipped == 0) {
                if let Some(last) = sections.last_mut() {
                    (last.heading, last.text) = (heading.take(), text.take());
                }
                sections.push(Section {
                    anchor: String::from_utf8_lossy(id).into_owned(),
                    ..Section::default()
                });
                in_heading = true;
            } else if !start {
                in_heading = false;
            }
        }
        if !INLINE.contains(&name) {
            let target = if in_heading { &mut heading } else { &mut text };
            target.space = true;
        }
    }
    if let Some(last) = sections.last_mut() {
        (last.heading, last.text) = (heading.take(), text.take());
    }
    sections
}

/// The index as the script holds it. Postings are delta-encoded (each document id minus the one
/// before), which keeps the numbers, and so the file, small.
#[derive(Serialize)]
struct IndexFile<'a> {
    language: &'a str,
    stopwords: &'a [&'a str],
    /// `[path, title]` of every page.
    pages: Vec<(&'a str, &'a str)>,
    /// `[page, anchor, heading, text]` of every section.
    docs: Vec<(usize, &'a str, &'a str, &'a str)>,
    /// Every folded word, sorted in UTF-16 code-unit order (JavaScript's string order, so that the
    /// query side can search it by bisection).
    words: Vec<&'a str>,
    /// For each word, the documents holding it.
    postings: Vec<Vec<usize>>,
}

/// Builds the index of `pages` (each with its rendered HTML) as the script `assets/search-index.js`.
pub fn index(language: &str, pages: &[(Link, &str)]) -> OutputFile {
    let stopwords = stopwords(language);
    // Pages are parsed and their words folded on every core, a chunk at a time (so that the words
    // of only one chunk are held at once); documents are numbered in page order, so the index does
    // not depend on the number of threads.
    let mut page_sections: Vec<Vec<Section>> = Vec::with_capacity(pages.len());
    let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
    let mut next_id = 0;
    for chunk in pages.chunks(CHUNK) {
        let searched: Vec<_> = chunk
            .par_iter()
            .map(|(link, html)| searchable(link, html))
            .collect();
        for (sections, words) in searched {
            for seen in words {
                for word in seen {
                    if !stopwords.contains(&word.as_str()) {
                        postings.entry(word).or_default().push(next_id);
                    }
                }
                next_id += 1;
            }
            page_sections.push(sections);
        }
    }
    let docs = page_sections
        .iter()
        .enumerate()
        .flat_map(|(page, sections)| {
            sections.iter().map(move |section| {
                let Section {
                    anchor,
                    heading,
                    text,
                } = section;
                (page, anchor.as_str(), heading.as_str(), text.as_str())
            })
        })
        .collect();
    let mut words: Vec<(&String, &Vec<usize>)> = postings.iter().collect();
    words.sort_unstable_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    let file = IndexFile {
        language,
        stopwords,
        pages: pages
            .iter()
            .map(|(link, _)| (link.path.as_str(), link.title.as_str()))
            .collect(),
        docs,
        postings: words.iter().map(|(_, ids)| deltas(ids)).collect(),
        words: words.into_iter().map(|(word, _)| word.as_str()).collect(),
    };
    let json = serde_json::to_string(&file).expect("the index serializes: strings and numbers");
    let script = format!(
        "// Search index of the site, written by livret: read by search.js.\nwindow.{GLOBAL} = {json};\n"
    );
    OutputFile::new(index_path(), script.into_bytes())
}

/// Pages parsed in parallel before their words are gathered.
const CHUNK: usize = 64;

/// The sections of a page worth a document (the introduction, and every section with text), and
/// the distinct words of each.
fn searchable(link: &Link, html: &str) -> (Vec<Section>, Vec<Vec<String>>) {
    sections(html)
        .into_iter()
        .enumerate()
        .filter(|(i, section)| *i == 0 || !section.heading.is_empty() || !section.text.is_empty())
        .map(|(i, section)| {
            // The page title belongs to its introduction, as a heading to its section.
            let title = if i == 0 { link.title.as_str() } else { "" };
            let mut seen = words(title);
            seen.extend(words(&section.heading));
            seen.extend(words(&section.text));
            seen.sort_unstable();
            seen.dedup();
            (section, seen)
        })
        .collect()
}

fn deltas(ids: &[usize]) -> Vec<usize> {
    let mut previous = 0;
    ids.iter()
        .map(|&id| {
            let delta = id - previous;
            previous = id;
            delta
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(path: &str, title: &str) -> Link {
        Link {
            title: title.to_owned(),
            path: path.to_owned(),
        }
    }

    /// The index script's JSON.
    fn json(file: &OutputFile) -> serde_json::Value {
        let text = std::str::from_utf8(&file.bytes).unwrap();
        let start = text.find('{').unwrap();
        let end = text.rfind('}').unwrap();
        serde_json::from_str(&text[start..=end]).unwrap()
    }

    #[test]
    fn words_are_folded_without_case_accents_or_ligatures() {
        // The same words and expectations as tests/js/search.test.js.
        let cases = [
            ("Œuvre", vec!["oeuvre"]),
            ("Ça", vec!["ca"]),
            ("l’image", vec!["l", "image"]),
            ("l'image", vec!["l", "image"]),
            ("élève", vec!["eleve"]),
            ("FORMATION", vec!["formation"]),
            ("ex æquo", vec!["ex", "aequo"]),
            ("Compétences", vec!["competences"]),
            ("e\u{301}cole", vec!["ecole"]),
            ("ﬁche 1ᵉʳ", vec!["fiche", "1er"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text}");
        }
    }

    #[test]
    fn sections_split_main_at_headings_with_ids() {
        let html = "<html><head><title>Hors</title></head><body><nav>Menu</nav><main>\
            <h1>Titre</h1><p>Intro <em>mise</em>\n  en avant</p><script>var x = '<p>';</script>\
            <h2 id=\"a\">Première <code>partie</code></h2><p>Un</p><p>deux</p>\
            <h3>Sans id</h3><p>trois</p></main><footer>Pied</footer></body></html>";
        let found = sections(html);
        assert_eq!(
            found,
            vec![
                Section {
                    anchor: String::new(),
                    heading: String::new(),
                    text: "Intro mise en avant".to_owned(),
                },
                Section {
                    anchor: "a".to_owned(),
                    heading: "Première partie".to_owned(),
                    text: "Un deux Sans id trois".to_owned(),
                },
            ]
        );
        assert_eq!(sections("<p>pas de main</p>"), vec![Section::default()]);
    }

    #[test]
    fn an_accented_word_is_found_under_its_folded_form() {
        let html = "<main><h1>T</h1><p>L’évaluation des élèves</p></main>";
        let index = json(&index("fr", &[(link("a.html", "Été"), html)]));
        let words: Vec<&str> = index["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        for word in ["evaluation", "eleves", "ete"] {
            assert!(words.contains(&word), "{word} in {words:?}");
        }
        // Stopwords and elided articles are not indexed.
        assert!(
            !words.contains(&"l") && !words.contains(&"des"),
            "{words:?}"
        );
        let mut sorted = words.clone();
        sorted.sort();
        assert_eq!(words, sorted);
    }

    #[test]
    fn postings_point_at_the_sections_holding_the_word() {
        let one = "<main><p>alpha</p><h2 id=\"s\">Beta</h2><p>alpha gamma</p></main>";
        let two = "<main><p>gamma</p></main>";
        let pages = [
            (link("un.html", "Un"), one),
            (link("deux.html", "Deux"), two),
        ];
        let index = json(&index("fr", &pages));
        let docs = index["docs"].as_array().unwrap();
        let ids = |word: &str| -> Vec<u64> {
            let words = index["words"].as_array().unwrap();
            let at = words.iter().position(|w| w == word).unwrap();
            let mut id = 0;
            index["postings"][at]
                .as_array()
                .unwrap()
                .iter()
                .map(|delta| {
                    id += delta.as_u64().unwrap();
                    id
                })
                .collect()
        };
        assert_eq!(ids("alpha"), [0, 1]);
        assert_eq!(ids("gamma"), [1, 2]);
        assert_eq!(ids("beta"), [1]);
        assert_eq!(ids("deux"), [2], "the title belongs to the introduction");
        assert_eq!(docs[1][1], "s");
        assert_eq!(docs[2][0], 1);
    }

    #[test]
    fn the_index_is_the_same_every_time() {
        let html = "<main><p>zèbre abeille Œuf mot7 ça</p><h2 id=\"x\">Été</h2><p>hiver</p></main>";
        let pages = [(link("a.html", "A"), html), (link("b.html", "B"), html)];
        assert_eq!(index("fr", &pages), index("fr", &pages));
    }

    #[test]
    fn other_languages_keep_every_word() {
        let pages = [(link("a.html", "A"), "<main><p>le chat</p></main>")];
        let has_le = |language| {
            json(&index(language, &pages))["words"]
                .as_array()
                .unwrap()
                .contains(&"le".into())
        };
        assert!(has_le("en"));
        assert!(!has_le("fr"));
    }
}
