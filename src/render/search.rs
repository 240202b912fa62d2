//! The full-text search index of the site, built once per build and written as a script
//! (`assets/search-index.js`) that sets a global, so the search page works offline and from
//! `file://`, where a page cannot fetch a separate file.
//!
//! The text comes from the rendered pages themselves (each content page's body, its template's
//! `main` block), so the index holds exactly what readers see, template-generated text included.
//! The body is not parsed here: the print edition's pass over it (lol_html) feeds a [`Collector`],
//! so each body is parsed once. Each page is cut into sections at its `h2`/`h3` headings that carry
//! an id, so a result links to `page.html#id`. Words are folded (lowercase, compatibility
//! decomposition without combining marks, œ → oe, æ → ae) and split on anything not alphanumeric;
//! each distinct word gets its Snowball stem in the handbook's language (French or English, with
//! `rust-stemmers`), written beside it, so that the query side, `theme/static/search.js`, which
//! folds queries the same way, finds every word of a query word's stem by the very same rules
//! without a stemmer of its own. The cost grows linearly with the site. It returns one output file
//! and writes nothing.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::catalogue::Lang;

use super::typography;
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
const ENGLISH_STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "her",
    "his", "i", "in", "is", "it", "its", "of", "on", "or", "our", "she", "that", "the", "their",
    "them", "they", "this", "to", "was", "we", "were", "which", "who", "will", "with", "you",
    "your",
];
const FRENCH_STOPWORDS: &[&str] = &[
    "a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du",
    "elle", "elles", "en", "est", "et", "il", "ils", "j", "je", "l", "la", "le", "les", "leur",
    "leurs", "lui", "m", "ma", "mais", "me", "mes", "n", "ne", "nos", "notre", "nous", "on", "ou",
    "par", "pas", "pour", "qu", "que", "qui", "s", "sa", "se", "ses", "si", "son", "sont", "sur",
    "t", "ta", "te", "tes", "ton", "un", "une", "vos", "votre", "vous", "y",
];

fn stopwords(language: &str) -> &'static [&'static str] {
    match Lang::from_tag(language) {
        Some(Lang::Fr) => FRENCH_STOPWORDS,
        Some(Lang::En) => ENGLISH_STOPWORDS,
        None => &[],
    }
}

/// The same stopwords as a set: every word of every page is looked up in it.
fn stopword_set(language: &str) -> &'static foldhash::HashSet<&'static str> {
    static FRENCH: LazyLock<foldhash::HashSet<&str>> =
        LazyLock::new(|| FRENCH_STOPWORDS.iter().copied().collect());
    static ENGLISH: LazyLock<foldhash::HashSet<&str>> =
        LazyLock::new(|| ENGLISH_STOPWORDS.iter().copied().collect());
    static NONE: LazyLock<foldhash::HashSet<&str>> = LazyLock::new(Default::default);
    match Lang::from_tag(language) {
        Some(Lang::Fr) => &FRENCH,
        Some(Lang::En) => &ENGLISH,
        None => &NONE,
    }
}

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
    distinct.sort_unstable_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
    distinct.dedup();
    let position: HashMap<&str, usize> =
        distinct.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let indices = of_words.iter().map(|s| position[s.as_str()]).collect();
    (distinct.into_iter().map(str::to_owned).collect(), indices)
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
    split_words(&fold(text)).map(str::to_owned).collect()
}

/// `text` folded, char by char.
fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

fn fold_into(text: &str, folded: &mut String) {
    for c in text.chars() {
        // ASCII has no decomposition, no combining mark and no ligature: lowercase is its fold.
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, folded);
        }
    }
}

/// The words of a folded text.
fn split_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// One searchable part of a page: its introduction (empty anchor and heading) or a section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The heading's id, for the link (`page.html#anchor`); empty for the introduction.
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

/// Elements whose text readers do not see as text (or, for `h1`, the page title, stored apart).
const SKIPPED: &[&str] = &["script", "style", "template", "noscript", "h1"];
/// Elements inside a word's flow: no word break at their tags.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "time", "u", "var",
];

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
    pub fn of(name: &str) -> Tag {
        if SKIPPED.contains(&name) {
            Tag::Skipped
        } else if name == "h2" || name == "h3" {
            Tag::Heading
        } else if INLINE.contains(&name) {
            Tag::Inline
        } else {
            Tag::Block
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

impl Collector {
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
    /// The words' distinct stems, sorted as `words` are…
    stems: Vec<String>,
    /// …and for each word, its stem's position in `stems`.
    word_stems: Vec<usize>,
    /// `[code, document]`: where each code of the référentiel is described, shown first when a
    /// query is that code, however its dots and case are written.
    codes: Vec<(&'a str, usize)>,
}

/// A content page for the index: its link, the sections of its body, and the distinct words of
/// each of its documents (from [`page_words`]).
pub struct Page<'a> {
    pub link: &'a Link,
    pub sections: &'a [Section],
    pub words: &'a [String],
}

/// Builds the index of `pages` as the script `assets/search-index.js`. Documents are numbered in
/// page order, so the index does not depend on the number of threads that folded the words.
/// `codes` pairs each code with the URL (`path` or `path#anchor`) of the section describing it;
/// a code whose section is not a document is left out. Titles get the language's typography,
/// as on the pages.
pub fn index(language: &str, pages: &[Page], codes: &[(&str, String)]) -> OutputFile {
    let mut docs = Vec::new();
    // A fast hash: this map sees every word of every section (the words are sorted after).
    let mut postings: foldhash::HashMap<&str, Vec<usize>> = foldhash::HashMap::default();
    for (page, found) in pages.iter().enumerate() {
        for (section, distinct) in documents(found.sections).zip(found.words) {
            let id = docs.len();
            for word in distinct.split(' ').filter(|w| !w.is_empty()) {
                postings.entry(word).or_default().push(id);
            }
            let Section {
                anchor,
                heading,
                text,
            } = section;
            docs.push((page, anchor.as_str(), heading.as_str(), text.as_str()));
        }
    }
    let mut words: Vec<(&str, Vec<usize>)> = postings.into_iter().collect();
    words.sort_unstable_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    let (stems, word_stems) = stems(
        language,
        &words.iter().map(|(word, _)| *word).collect::<Vec<_>>(),
    );
    // Each document by its page's path and its anchor, borrowed: no string made per document.
    let doc_of: HashMap<(&str, &str), usize> = docs
        .iter()
        .enumerate()
        .map(|(id, &(page, anchor, _, _))| ((pages[page].link.path.as_str(), anchor), id))
        .collect();
    let titles: Vec<String> = pages
        .iter()
        .map(|page| typography::apply(language, &page.link.title).into_owned())
        .collect();
    let file = IndexFile {
        language,
        stopwords: stopwords(language),
        pages: pages
            .iter()
            .zip(&titles)
            .map(|(page, title)| (page.link.path.as_str(), title.as_str()))
            .collect(),
        codes: codes
            .iter()
            .filter_map(|(code, url)| {
                let (path, anchor) = url.split_once('#').unwrap_or((url, ""));
                Some((*code, *doc_of.get(&(path, anchor))?))
            })
            .collect(),
        docs,
        postings: words.iter().map(|(_, ids)| deltas(ids)).collect(),
        stems,
        word_stems,
        words: words.into_iter().map(|(word, _)| word).collect(),
    };
    let mut script =
        b"// Search index of the site, written by livret: read by search.js.\n".to_vec();
    script.extend_from_slice(format!("window.{GLOBAL} = ").as_bytes());
    serde_json::to_writer(&mut script, &file).expect("the index serializes: strings and numbers");
    script.extend_from_slice(b";\n");
    OutputFile::new(index_path(), script)
}

/// The sections of a page worth a document: the introduction, and every section with text.
fn documents(sections: &[Section]) -> impl Iterator<Item = &Section> {
    sections.iter().enumerate().filter_map(|(i, section)| {
        let kept = i == 0 || !section.heading.is_empty() || !section.text.is_empty();
        kept.then_some(section)
    })
}

/// The distinct indexed words of each document of a page titled `title`, space-separated (one
/// string per document rather than one per word: a page has thousands of words). The title
/// belongs to its introduction, as a heading to its section. Pages call it on every core while
/// they render.
pub fn page_words(language: &str, title: &str, sections: &[Section]) -> Vec<String> {
    let stopwords = stopword_set(language);
    documents(sections)
        .enumerate()
        .map(|(i, section)| {
            let mut folded = String::new();
            if i == 0 {
                fold_into(title, &mut folded);
                folded.push(' ');
            }
            fold_into(&section.heading, &mut folded);
            folded.push(' ');
            fold_into(&section.text, &mut folded);
            let mut distinct: Vec<&str> = split_words(&folded)
                .filter(|w| !stopwords.contains(w))
                .collect();
            distinct.sort_unstable();
            distinct.dedup();
            distinct.join(" ")
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

    /// A page body of one introduction (`text`) and a section per `(anchor, heading, text)`.
    fn body(text: &str, sections: &[(&str, &str, &str)]) -> Vec<Section> {
        let intro = Section {
            text: text.to_owned(),
            ..Section::default()
        };
        let rest = sections.iter().map(|&(anchor, heading, text)| Section {
            anchor: anchor.to_owned(),
            heading: heading.to_owned(),
            text: text.to_owned(),
        });
        std::iter::once(intro).chain(rest).collect()
    }

    /// The index of `pages` (link, body), as JSON.
    fn index_of(language: &str, pages: &[(Link, Vec<Section>)]) -> serde_json::Value {
        index_with_codes(language, pages, &[])
    }

    /// The same, with codes and the URL of the section describing each.
    fn index_with_codes(
        language: &str,
        pages: &[(Link, Vec<Section>)],
        codes: &[(&str, String)],
    ) -> serde_json::Value {
        let words: Vec<Vec<String>> = pages
            .iter()
            .map(|(link, sections)| page_words(language, &link.title, sections))
            .collect();
        let pages: Vec<Page> = pages
            .iter()
            .zip(&words)
            .map(|((link, sections), words)| Page {
                link,
                sections,
                words,
            })
            .collect();
        json(&index(language, &pages, codes))
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
    fn an_accented_word_is_found_under_its_folded_form() {
        let page = body("L’évaluation des élèves", &[]);
        let index = index_of("fr", &[(link("a.html", "Été"), page)]);
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
        let one = body("alpha", &[("s", "Beta", "alpha gamma")]);
        let two = body("gamma", &[]);
        let pages = [
            (link("un.html", "Un"), one),
            (link("deux.html", "Deux"), two),
        ];
        let index = index_of("fr", &pages);
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
    fn a_code_points_at_the_section_describing_it_and_titles_get_typography() {
        let referentiel = body("", &[("domaine-x-1", "X.1 – Domaine", "X.1.1 texte")]);
        let competency = body("Texte de X.1.1", &[]);
        let pages = [
            (link("referentiel.html", "Le livret d'essai"), referentiel),
            (link("competences/x-1-1.html", "X.1.1"), competency),
        ];
        let codes = [
            ("X.1", "referentiel.html#domaine-x-1".to_owned()),
            ("X.1.1", "competences/x-1-1.html".to_owned()),
            ("X.9", "referentiel.html#domaine-x-9".to_owned()),
        ];
        let index = index_with_codes("fr", &pages, &codes);
        // Documents: the référentiel's introduction and section, then the competency's page.
        assert_eq!(
            index["codes"],
            serde_json::json!([["X.1", 1], ["X.1.1", 2]])
        );
        assert_eq!(index["pages"][0][1], "Le livret d’essai");
    }

    #[test]
    fn the_index_is_the_same_every_time() {
        let page = body("zèbre abeille Œuf mot7 ça", &[("x", "Été", "hiver")]);
        let pages = [
            (link("a.html", "A"), page.clone()),
            (link("b.html", "B"), page),
        ];
        assert_eq!(index_of("fr", &pages), index_of("fr", &pages));
    }

    /// Each indexed word's stem, by word.
    fn stems_of(index: &serde_json::Value) -> HashMap<String, String> {
        let words = index["words"].as_array().unwrap();
        let stems = index["stems"].as_array().unwrap();
        let of_word = index["word_stems"].as_array().unwrap();
        words
            .iter()
            .zip(of_word)
            .map(|(w, s)| {
                let stem = &stems[s.as_u64().unwrap() as usize];
                (
                    w.as_str().unwrap().to_owned(),
                    stem.as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn words_of_one_stem_share_it_in_the_handbook_s_language() {
        let french = body(
            "Évaluer, évaluation, évaluations ; compétence, compétences.",
            &[],
        );
        let stems = stems_of(&index_of("fr", &[(link("a.html", "A"), french)]));
        assert_eq!(stems["evaluation"], stems["evaluations"]);
        assert_eq!(stems["evaluer"], stems["evaluation"]);
        assert_eq!(stems["competence"], stems["competences"]);
        let english = body("Teaching teachers: they teach; assessments assessed.", &[]);
        let stems = stems_of(&index_of("en", &[(link("a.html", "A"), english)]));
        assert_eq!(stems["teaching"], stems["teach"]);
        assert_eq!(stems["assessments"], stems["assessed"]);
        assert_ne!(stems["teachers"], stems["assessed"]);
        // A language livret does not stem: each word is its own stem.
        let german = body("Lehrer Lehrerinnen", &[]);
        let stems = stems_of(&index_of("de", &[(link("a.html", "A"), german)]));
        assert_eq!(stems["lehrerinnen"], "lehrerinnen");
    }

    #[test]
    fn other_languages_keep_every_word() {
        let pages = [(link("a.html", "A"), body("le chat", &[]))];
        let has_le = |language| {
            index_of(language, &pages)["words"]
                .as_array()
                .unwrap()
                .contains(&"le".into())
        };
        assert!(has_le("en"));
        assert!(!has_le("fr"));
    }
}
