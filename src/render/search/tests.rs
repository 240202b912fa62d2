use std::collections::HashMap;

use bytes::Bytes;
use proptest::strategy::Strategy;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::words::{WORKED_OUT, fold_char, fold_into, worked_out};
use super::*;
use crate::render::OutputFile;

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

/// The index of `pages` (link, body), read back whole.
fn index_of(language: &str, pages: &[(Link, Vec<Section>)]) -> Whole {
    Whole::read(&files_of(language, pages, &[]))
}

/// The index's files for `pages`, with codes and the URL of the section describing each.
fn files_of(
    language: &str,
    pages: &[(Link, Vec<Section>)],
    codes: &[(&str, String)],
) -> Vec<OutputFile> {
    index_after(language, pages, codes, &Reuse::default()).0
}

/// A page as the index takes it.
#[derive(Debug, Clone)]
struct Indexed {
    link: Link,
    sections: Vec<Section>,
    words: Vec<DocWords>,
}

impl Text for Indexed {
    fn page(&self) -> Page<'_> {
        Page {
            link: &self.link,
            sections: &self.sections,
            words: &self.words,
        }
    }
}

/// The index's files and text parts for `pages`, added one after the other as a rendering does,
/// after a build that left `previous`.
fn index_after(
    language: &str,
    pages: &[(Link, Vec<Section>)],
    codes: &[(&str, String)],
    previous: &Reuse,
) -> (Vec<OutputFile>, Reuse) {
    let pages: Vec<Indexed> = pages
        .iter()
        .map(|(link, sections)| indexed(language, link, sections))
        .collect();
    indexed_after(language, &pages, codes, previous, |_| Before::Unknown)
}

fn indexed(language: &str, link: &Link, sections: &[Section]) -> Indexed {
    Indexed {
        link: link.clone(),
        sections: sections.to_vec(),
        words: page_words(language, &link.title, sections),
    }
}

/// [`index_after`] for pages already indexed, each of which the previous build indexed as
/// `before` tells.
fn indexed_after<'p>(
    language: &str,
    pages: &[Indexed],
    codes: &[(&str, String)],
    previous: &Reuse,
    before: impl Fn(&Indexed) -> Before<'p, Indexed>,
) -> (Vec<OutputFile>, Reuse) {
    let mut indexer = Indexer::new(language, codes, previous, true);
    let mut files = Vec::new();
    for page in pages {
        if let Some(part) = indexer.add(page.clone(), before(page)) {
            let (key, file) = indexer.make(&part);
            indexer.made(key, &file);
            files.push(file);
        }
    }
    let (last, kept) = indexer.finish();
    files.extend(last);
    (files, kept)
}

/// The numbers of a base64 VLQ text, read as `search.js` reads them.
fn unvlq(text: &str) -> Vec<usize> {
    let digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut value, mut shift) = (Vec::new(), 0, 0);
    for c in text.chars() {
        let digit = digits.find(c).unwrap();
        value += (digit & 31) << shift;
        if digit & 32 == 0 {
            out.push(value);
            (value, shift) = (0, 0);
        } else {
            shift += 5;
        }
    }
    out
}

/// The data a part's script registers.
fn data(file: &OutputFile) -> serde_json::Value {
    let text = std::str::from_utf8(&file.bytes).unwrap();
    let start = text.find("] = ").unwrap() + 4;
    serde_json::from_str(&text[start..text.rfind(';').unwrap()]).unwrap()
}

/// A text part's page: path, title, and its documents' anchor, heading and text.
type TextPage = (String, String, Vec<(String, String, String)>);

/// Every part of an index read back: the manifest, the words of each shard with their stems and
/// postings `(document, code)`, each shard's home stems, and the text parts' pages and documents.
struct Whole {
    manifest: serde_json::Value,
    shards: Vec<Vec<String>>,
    stems: HashMap<String, String>,
    postings: HashMap<String, Vec<(usize, usize)>>,
    home: HashMap<String, (usize, Vec<String>)>,
    pages: Vec<(String, String)>,
    /// `(page, anchor, heading, text)`.
    docs: Vec<(usize, String, String, String)>,
}

impl Whole {
    fn read(files: &[OutputFile]) -> Whole {
        let part = |name: &str| {
            let path = format!("assets/search/{name}.js");
            files.iter().find(|f| f.path == path).map(data)
        };
        let manifest = part("index").unwrap();
        let mut whole = Whole {
            manifest,
            shards: Vec::new(),
            stems: HashMap::new(),
            postings: HashMap::new(),
            home: HashMap::new(),
            pages: Vec::new(),
            docs: Vec::new(),
        };
        let strings = |v: &serde_json::Value| -> Vec<String> {
            let list = v.as_array().unwrap().iter();
            list.map(|s| s.as_str().unwrap().to_owned()).collect()
        };
        while let Some(shard) = part(&format!("w{}", whole.shards.len())) {
            let words = strings(&shard["words"]);
            for (i, word) in words.iter().enumerate() {
                let stem = shard["stems"][i].as_str().unwrap().to_owned();
                whole.stems.insert(word.clone(), stem);
                let numbers = unvlq(shard["postings"][i].as_str().unwrap());
                let mut doc = 0;
                let pairs = numbers.chunks(2).map(|pair| {
                    doc += pair[0];
                    (doc, pair[1])
                });
                whole.postings.insert(word.clone(), pairs.collect());
            }
            for entry in shard["home"].as_array().unwrap() {
                let stem = entry[0].as_str().unwrap().to_owned();
                whole
                    .home
                    .insert(stem, (whole.shards.len(), strings(&entry[1])));
            }
            whole.shards.push(words);
        }
        let mut n = 0;
        while let Some(text) = part(&format!("t{n}")) {
            whole.read_text_part(text.as_str().unwrap());
            n += 1;
        }
        whole
    }

    fn read_text_part(&mut self, base64_text: &str) {
        use base64::Engine;
        use std::io::Read;
        let deflated = base64::engine::general_purpose::STANDARD
            .decode(base64_text)
            .unwrap();
        let mut json = String::new();
        flate2::read::DeflateDecoder::new(&deflated[..])
            .read_to_string(&mut json)
            .unwrap();
        let pages: Vec<TextPage> = serde_json::from_str(&json).unwrap();
        for (path, title, docs) in pages {
            for (anchor, heading, text) in docs {
                self.docs.push((self.pages.len(), anchor, heading, text));
            }
            self.pages.push((path, title));
        }
    }

    /// Every word, in shard order.
    fn words(&self) -> Vec<&str> {
        self.shards.iter().flatten().map(String::as_str).collect()
    }

    /// The documents holding `word`.
    fn ids(&self, word: &str) -> Vec<usize> {
        self.postings[word].iter().map(|&(doc, _)| doc).collect()
    }

    /// `word`'s code in document `doc`.
    fn code(&self, word: &str, doc: usize) -> usize {
        let postings = &self.postings[word];
        postings.iter().find(|&&(d, _)| d == doc).unwrap().1
    }
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
fn folds_worked_out_once_are_each_characters_fold() {
    let blocks = WORKED_OUT.iter().cloned().flatten();
    for c in blocks.filter_map(char::from_u32) {
        let mut expected = String::new();
        fold_char(c, &mut expected);
        assert_eq!(worked_out(c), Some(expected.as_str()), "{c:?}");
    }
    assert_eq!(worked_out('a'), None);
    assert_eq!(worked_out('\u{3000}'), None);
}

#[test]
fn an_accented_word_is_found_under_its_folded_form() {
    let page = body("L’évaluation des élèves", &[]);
    let index = index_of("fr", &[(link("a.html", "Été"), page)]);
    let words = index.words();
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
fn postings_say_where_each_word_stands() {
    let one = body("alpha alpha", &[("s", "Beta alpha", "alpha gamma")]);
    let two = body("gamma", &[]);
    let pages = [
        (link("un.html", "Premier alpha"), one),
        (link("deux.html", "Deux"), two),
    ];
    let index = index_of("fr", &pages);
    assert_eq!(index.ids("alpha"), [0, 1]);
    assert_eq!(index.ids("gamma"), [1, 2]);
    assert_eq!(index.ids("beta"), [1]);
    assert_eq!(
        index.ids("deux"),
        [2],
        "the title belongs to the introduction"
    );
    // count << 2 | in title << 1 | in heading.
    assert_eq!(
        index.code("alpha", 0),
        2 << 2 | 2,
        "twice in the text, in the title"
    );
    assert_eq!(index.code("alpha", 1), 1 << 2 | 2 | 1, "the heading too");
    assert_eq!(index.code("beta", 1), 1, "in the heading only");
    // The page's title is given to each of its sections, for their rank.
    assert_eq!(index.ids("premier"), [0, 1]);
    assert_eq!(index.code("premier", 1), 2);
    assert_eq!(index.docs[1].1, "s");
    assert_eq!(index.docs[2].0, 1);
    assert_eq!(unvlq(index.manifest["docs"].as_str().unwrap()), [2, 1]);
}

#[test]
fn long_and_short_words_are_each_counted_apart() {
    // Words alike in their first bytes each counted apart, accented or not the same word.
    let text = "anticonstitutio anticonstitution anticonstitutionn anticonstitutionnel \
        anticonstitutionnellement anticonstitutionnellement différenciationnel \
        differenciationnel anticonstitution";
    let index = index_of(
        "fr",
        &[(link("a.html", "Anticonstitutionnellement"), body(text, &[]))],
    );
    for (word, count) in [
        ("anticonstitutio", 1),
        ("anticonstitution", 2),
        ("anticonstitutionn", 1),
        ("anticonstitutionnel", 1),
        ("anticonstitutionnellement", 2),
        ("differenciationnel", 2),
    ] {
        let title = usize::from(word == "anticonstitutionnellement") << 1;
        assert_eq!(index.code(word, 0), count << 2 | title, "{word}");
    }
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
    let index = Whole::read(&files_of("fr", &pages, &codes));
    // Documents: the référentiel's introduction and section, then the competency's page.
    assert_eq!(
        index.manifest["codes"],
        serde_json::json!([["X.1", 1], ["X.1.1", 2]])
    );
    assert_eq!(index.pages[0].1, "Le livret d’essai");
}

#[test]
fn the_index_is_the_same_every_time() {
    let page = body("zèbre abeille Œuf mot7 ça", &[("x", "Été", "hiver")]);
    let pages = [
        (link("a.html", "A"), page.clone()),
        (link("b.html", "B"), page),
    ];
    let bytes = |files: Vec<OutputFile>| -> Vec<(String, Vec<u8>)> {
        files
            .into_iter()
            .map(|f| (f.path, f.bytes.to_vec()))
            .collect()
    };
    assert_eq!(
        bytes(files_of("fr", &pages, &[])),
        bytes(files_of("fr", &pages, &[]))
    );
}

#[test]
fn words_of_one_stem_share_it_in_the_handbook_s_language() {
    let french = body(
        "Évaluer, évaluation, évaluations ; compétence, compétences.",
        &[],
    );
    let stems = index_of("fr", &[(link("a.html", "A"), french)]).stems;
    assert_eq!(stems["evaluation"], stems["evaluations"]);
    assert_eq!(stems["evaluer"], stems["evaluation"]);
    assert_eq!(stems["competence"], stems["competences"]);
    let english = body("Teaching teachers: they teach; assessments assessed.", &[]);
    let stems = index_of("en", &[(link("a.html", "A"), english)]).stems;
    assert_eq!(stems["teaching"], stems["teach"]);
    assert_eq!(stems["assessments"], stems["assessed"]);
    assert_ne!(stems["teachers"], stems["assessed"]);
    // A language livret does not stem: each word is its own stem.
    let german = body("Lehrer Lehrerinnen", &[]);
    let stems = index_of("de", &[(link("a.html", "A"), german)]).stems;
    assert_eq!(stems["lehrerinnen"], "lehrerinnen");
}

#[test]
fn other_languages_keep_every_word() {
    let pages = [(link("a.html", "A"), body("le chat", &[]))];
    assert!(index_of("en", &pages).words().contains(&"le"));
    assert!(!index_of("fr", &pages).words().contains(&"le"));
}

/// A page of `n` distinct French words, one per section, each with its plural.
fn many_words(n: usize) -> Vec<Section> {
    let sections: Vec<(String, String)> = (0..n)
        .map(|i| {
            (
                format!("s{i}"),
                format!("évaluation{i:05} évaluations{i:05}"),
            )
        })
        .collect();
    let borrowed: Vec<(&str, &str, &str)> = sections
        .iter()
        .map(|(anchor, text)| (anchor.as_str(), "", text.as_str()))
        .collect();
    body("", &borrowed)
}

#[test]
fn a_large_vocabulary_is_cut_into_shards_each_stem_listed_where_it_sorts() {
    let pages = [(link("a.html", "A"), many_words(6000))];
    let index = index_of("fr", &pages);
    assert!(index.shards.len() > 2, "{} shards", index.shards.len());
    let firsts: Vec<&str> = index.shards.iter().map(|s| s[0].as_str()).collect();
    assert_eq!(index.manifest["shards"], serde_json::json!(firsts));
    // Shards are consecutive runs of the sorted vocabulary.
    let words = index.words();
    assert!(words.windows(2).all(|w| w[0] < w[1]));
    // Each stem is listed, with all its words, in the shard whose run it sorts into.
    for (stem, (shard, of_stem)) in &index.home {
        let next = index.shards.get(shard + 1).map(|s| s[0].as_str());
        assert!(firsts[*shard] <= stem.as_str() || *shard == 0, "{stem}");
        assert!(next.is_none_or(|next| stem.as_str() < next), "{stem}");
        for word in of_stem {
            assert_eq!(&index.stems[word], stem);
        }
    }
    let listed: usize = index.home.values().map(|(_, w)| w.len()).sum();
    assert_eq!(listed, words.len(), "every word under its stem, once");
}

#[test]
fn texts_are_cut_into_parts_of_whole_pages_read_back_in_order() {
    let pages: Vec<(Link, Vec<Section>)> = (0..40)
        .map(|i| {
            (
                link(&format!("p{i}.html"), &format!("Page {i}")),
                many_words(60),
            )
        })
        .collect();
    let files = files_of("fr", &pages, &[]);
    let index = Whole::read(&files);
    let parts = unvlq(index.manifest["parts"].as_str().unwrap());
    assert!(parts.len() > 1, "{parts:?}");
    assert_eq!(parts.iter().sum::<usize>(), 40);
    let paths: Vec<&str> = index.pages.iter().map(|(p, _)| p.as_str()).collect();
    let expected: Vec<String> = (0..40).map(|i| format!("p{i}.html")).collect();
    assert_eq!(paths, expected);
    assert_eq!(index.docs.len(), 40 * 61);
    assert_eq!(index.docs[61 + 5].2, "", "a section without heading");
    assert_eq!(index.docs[61 + 5].3, "évaluation00004 évaluations00004");
}

#[test]
fn numbers_are_written_in_base64_vlq() {
    let numbers = [0, 1, 31, 32, 1023, 1024, 40_000, 1 << 30];
    assert_eq!(unvlq(&postings::vlq(numbers)), numbers);
}

#[test]
fn an_edited_page_changes_its_text_part_alone_the_others_are_reused() {
    let mut pages: Vec<(Link, Vec<Section>)> = (0..60)
        .map(|i| {
            (
                link(&format!("p{i}.html"), &format!("Page {i}")),
                many_words(4),
            )
        })
        .collect();
    let (before, mut kept) = index_after("fr", &pages, &[], &Reuse::default());
    // What a reused part would be: marked, to be told apart from one compressed again.
    for bytes in kept.parts.values_mut() {
        *bytes = Bytes::from_static(b"reused");
    }
    pages[30].1[1]
        .text
        .push_str(" une phrase de plus, et bien plus longue qu'avant");
    let (after, _) = index_after("fr", &pages, &[], &kept);
    let parts = |files: &[OutputFile]| -> Vec<(String, Vec<u8>)> {
        let texts = files.iter().filter(|f| f.path.contains("/t"));
        texts.map(|f| (f.path.clone(), f.bytes.to_vec())).collect()
    };
    let (before, after) = (parts(&before), parts(&after));
    assert!(before.len() > 3, "{} parts", before.len());
    assert_eq!(before.len(), after.len(), "the cuts did not move");
    let fresh: Vec<&String> = after
        .iter()
        .filter(|(_, bytes)| bytes != b"reused")
        .map(|(path, _)| path)
        .collect();
    assert_eq!(fresh.len(), 1, "{fresh:?}");
    let edited = Whole::read(&files_of("fr", &pages, &[]));
    assert!(
        edited
            .docs
            .iter()
            .any(|d| d.3.ends_with("plus longue qu'avant"))
    );
}

/// Characters that exercise the byte scans: white space of every width (some of their first
/// bytes begin other characters too), no-break spaces, accents, ligatures, capitals, ASCII.
const SCANNED: [char; 16] = [
    ' ',
    '\n',
    '\t',
    '\u{85}',
    '\u{a0}',
    '\u{202f}',
    '\u{2003}',
    '\u{3000}',
    '\u{2019}',
    'é',
    'Œ',
    'ﬁ',
    'A',
    'z',
    '\u{e9}',
    '\u{1f600}',
];

proptest::proptest! {
    #[test]
    fn whitespace_collapses_as_the_rule_says(
        texts in proptest::collection::vec(proptest::collection::vec(0..SCANNED.len(), 0..12), 1..4)
    ) {
        let texts: Vec<String> = texts
            .iter()
            .map(|picks| picks.iter().map(|&i| SCANNED[i]).collect())
            .collect();
        let mut collapsed = Collapsed::default();
        for text in &texts {
            collapsed.push(text);
        }
        // The rule, one character after another.
        let (mut expected, mut space) = (String::new(), false);
        for c in texts.iter().flat_map(|text| text.chars()) {
            if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
                space = true;
            } else {
                if space && !expected.is_empty() {
                    expected.push(' ');
                }
                space = false;
                expected.push(c);
            }
        }
        proptest::prop_assert_eq!(collapsed.take(), expected);
    }

    /// Texts of the characters the scan looks at, and texts of long ASCII runs (read eight bytes
    /// at a time) ended anywhere in a word.
    #[test]
    fn folding_by_runs_folds_each_character(
        text in proptest::prop_oneof![
            proptest::collection::vec(0..SCANNED.len(), 0..16)
                .prop_map(|picks| picks.iter().map(|&i| SCANNED[i]).collect::<String>()),
            proptest::collection::vec(("[A-Za-z0-9 ]{0,20}", "[éÉœ’\u{a0}\u{3000}]?"), 0..6)
                .prop_map(|pieces| pieces.iter().map(|(run, other)| run.clone() + other).collect()),
        ]
    ) {
        let mut folded = String::new();
        fold_into(&text, &mut folded);
        let mut expected = String::new();
        for c in text.chars() {
            fold_char(c, &mut expected);
        }
        proptest::prop_assert_eq!(folded, expected);
    }

    /// A separator beyond ASCII folds to a space: the words are those of the fold that keeps it,
    /// runs of letters and digits read char by char (the split itself reads bytes).
    #[test]
    fn separators_folded_to_spaces_leave_the_words(
        picks in proptest::collection::vec(0..SCANNED.len() + 7, 0..16)
    ) {
        // Beyond ASCII: separators, and letters and a digit that fold to themselves.
        let more = ['«', '…', '½', 'ß', 'λ', '中', '٣'];
        let pick = |i: usize| *SCANNED.get(i).unwrap_or(&more[i % more.len()]);
        let text: String = picks.iter().map(|&i| pick(i)).collect();
        let kept: String = text
            .chars()
            .flat_map(char::to_lowercase)
            .nfkd()
            .filter(|&c| !is_combining_mark(c))
            .flat_map(|c| match c {
                'œ' => vec!['o', 'e'],
                'æ' => vec!['a', 'e'],
                c => vec![c],
            })
            .collect();
        let expected: Vec<&str> = kept
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        proptest::prop_assert_eq!(words(&text), expected);
    }
}

mod incremental;
