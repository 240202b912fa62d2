//! The words of a page's text for the index: folding (as the query side folds), the split into
//! words, the stopwords, and each document's distinct words with their codes, counted while the
//! pages render.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::catalogue::Lang;

use super::{Section, documents};

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

pub(super) fn stopwords(language: &str) -> &'static [&'static str] {
    match Lang::from_tag(language) {
        Some(Lang::Fr) => FRENCH_STOPWORDS,
        Some(Lang::En) => ENGLISH_STOPWORDS,
        None => &[],
    }
}

/// The same stopwords as a set: every word of every page is asked for.
fn stopword_set(language: &str) -> &'static StopwordSet {
    static FRENCH: LazyLock<StopwordSet> = LazyLock::new(|| StopwordSet::of(FRENCH_STOPWORDS));
    static ENGLISH: LazyLock<StopwordSet> = LazyLock::new(|| StopwordSet::of(ENGLISH_STOPWORDS));
    static NONE: LazyLock<StopwordSet> = LazyLock::new(|| StopwordSet::of(&[]));
    match Lang::from_tag(language) {
        Some(Lang::Fr) => &FRENCH,
        Some(Lang::En) => &ENGLISH,
        None => &NONE,
    }
}

/// Stopwords in a hash set, with the length of the longest: a longer word, as most are, is not
/// looked up.
struct StopwordSet {
    words: foldhash::HashSet<&'static str>,
    longest: usize,
}

impl StopwordSet {
    fn of(words: &[&'static str]) -> StopwordSet {
        StopwordSet {
            words: words.iter().copied().collect(),
            longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    fn contains(&self, word: &str) -> bool {
        word.len() <= self.longest && self.words.contains(word)
    }
}

/// Appends the folded form of `c`: lowercase, compatibility decomposition (ligatures such as ﬁ,
/// superscripts such as ᵉʳ) without combining marks (accents), œ and æ spelled out, and a
/// character beyond ASCII that is not a letter or digit a plain space: only the words of a fold
/// count, and the words' split reads ASCII by its fast path (French text is full of ’ « » and
/// no-break spaces). Done char by char, like the query side, so both find the same words in
/// every text.
pub(super) fn fold_char(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        for d in std::iter::once(lower).nfkd() {
            match d {
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                d if is_combining_mark(d) => {}
                d if d.is_ascii() || d.is_alphanumeric() => out.push(d),
                _ => out.push(' '),
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

pub(super) fn fold_into(text: &str, folded: &mut String) {
    folded.reserve(text.len());
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // ASCII has no decomposition, no combining mark and no ligature: lowercase is its fold,
        // done by runs.
        let ascii = ascii_run(&bytes[at..]);
        if ascii > 0 {
            let start = folded.len();
            folded.push_str(&text[at..at + ascii]);
            folded[start..].make_ascii_lowercase();
            at += ascii;
        }
        if let Some(c) = text[at..].chars().next() {
            match worked_out(c) {
                // Most folds are one letter: pushed, not copied.
                Some(fold) if fold.len() == 1 => folded.push(char::from(fold.as_bytes()[0])),
                Some(fold) => folded.push_str(fold),
                None => fold_char(c, folded),
            }
            at += c.len_utf8();
        }
    }
}

/// How many bytes `bytes` starts with are ASCII, read eight at a time: French words run a few
/// letters between two accents.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut run = 0;
    for word in bytes.chunks_exact(8) {
        let high = u64::from_le_bytes(word.try_into().expect("eight bytes")) & HIGH_BITS;
        if high != 0 {
            return run + (high.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes[run..]
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(bytes.len() - run)
}

/// The blocks whose folds are worked out once by [`fold_char`]: Latin-1 and the Latin extensions
/// (every accented letter of French), and general punctuation (typographic apostrophes, quotes,
/// dashes and no-break spaces). The pages' text is full of them, and each costs a lowercase and a
/// decomposition otherwise.
pub(super) const WORKED_OUT: [std::ops::Range<u32>; 2] = [0x80..0x250, 0x2000..0x2070];

static FOLDS: LazyLock<[Vec<String>; 2]> = LazyLock::new(|| {
    WORKED_OUT.map(|block| {
        let fold = |code| {
            let mut fold = String::new();
            if let Some(c) = char::from_u32(code) {
                fold_char(c, &mut fold);
            }
            fold
        };
        block.map(fold).collect()
    })
});

/// The fold of `c` if it was worked out once.
pub(super) fn worked_out(c: char) -> Option<&'static str> {
    let code = c as u32;
    let (block, folds) = WORKED_OUT
        .iter()
        .zip(&*FOLDS)
        .find(|(b, _)| b.contains(&code))?;
    Some(&folds[(code - block.start) as usize])
}

/// The words of a folded text: its runs of letters and digits. A fold holds no character beyond
/// ASCII but letters and digits (see [`fold_char`]), so the runs are cut at ASCII bytes alone,
/// read byte by byte rather than decoded char by char.
fn split_words(folded: &str) -> impl Iterator<Item = &str> {
    let bytes = folded.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !IN_WORD[usize::from(bytes[at])] {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && IN_WORD[usize::from(bytes[at])] {
            at += 1;
        }
        // Cut at ASCII bytes only: always between two characters.
        (start < at).then(|| &folded[start..at])
    })
}

/// Which bytes of a fold are part of a word: ASCII letters and digits, and every byte of a
/// character beyond ASCII.
static IN_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b >= 0x80;
        b += 1;
    }
    table
};

/// A document's indexed words with where each stands, as the index writes them: `words`
/// space-separated, in no given order (one string rather than one per word: a page has
/// thousands), and for each a code, `count << 2 | in_title << 1 | in_heading`, `count` being its
/// occurrences in the section's text. The page's title words are given to every document of the
/// page, so that the query side ranks a section by its page's title without reading the title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocWords {
    pub words: String,
    pub codes: Vec<u32>,
}

/// What a word's code says: it is in the page's title, in the section's heading, and once per
/// occurrence in the section's text.
const IN_TITLE: u32 = 2;
const IN_HEADING: u32 = 1;
const IN_TEXT: u32 = 4;

/// The indexed words of each document of a page titled `title` (stopwords left out). Pages call
/// it on every core while they render.
pub fn page_words(language: &str, title: &str, sections: &[Section]) -> Vec<DocWords> {
    let stopwords = stopword_set(language);
    let folded_title = fold(title);
    let mut title_words: Vec<&str> = split_words(&folded_title).collect();
    title_words.sort_unstable();
    title_words.dedup();
    // Sized once for the longest section (a fold is most often as long as its text), not
    // grown section after section.
    let longest = sections.iter().map(|s| s.heading.len() + 1 + s.text.len());
    let mut folded = String::with_capacity(longest.max().unwrap_or(0));
    documents(sections)
        .map(|section| {
            folded.clear();
            fold_into(&section.heading, &mut folded);
            let heading_end = folded.len();
            folded.push(' ');
            fold_into(&section.text, &mut folded);
            let mut heading: Vec<&str> = split_words(&folded[..heading_end]).collect();
            heading.sort_unstable();
            heading.dedup();
            // Each distinct title or heading word once, each word of the text once per
            // occurrence: summed per word, they make its code. Counted in a map rather than
            // sorted with their repeats: a text says its words many times.
            // Sized for a word every eight bytes, not grown word after word.
            let capacity = folded.len() / 8;
            let mut counted: foldhash::HashMap<&str, u32> =
                foldhash::HashMap::with_capacity_and_hasher(capacity, Default::default());
            let words = title_words
                .iter()
                .map(|w| (*w, IN_TITLE))
                .chain(heading.into_iter().map(|w| (w, IN_HEADING)))
                .chain(split_words(&folded[heading_end..]).map(|w| (w, IN_TEXT)));
            for (word, code) in words {
                *counted.entry(word).or_default() += code;
            }
            // In the map's order: a word's postings are its own, so the order of a document's
            // words shows nowhere in the index, and sorting them cost more than counting them.
            // Sized for every word counted: a filter's collect would grow it step by step.
            let mut coded: Vec<(&str, u32)> = Vec::with_capacity(counted.len());
            coded.extend(counted.into_iter().filter(|(w, _)| !stopwords.contains(w)));
            let length = coded.iter().map(|(w, _)| w.len() + 1).sum::<usize>();
            // Kept until the index is written: no spare capacity.
            let mut doc = DocWords {
                words: String::with_capacity(length.saturating_sub(1)),
                codes: Vec::with_capacity(coded.len()),
            };
            for (word, code) in coded {
                if !doc.words.is_empty() {
                    doc.words.push(' ');
                }
                doc.words.push_str(word);
                doc.codes.push(code);
            }
            doc
        })
        .collect()
}

impl DocWords {
    /// Each word with its code. The words are joined by one space, one word per code (see
    /// [`page_words`]): cut byte by byte, as they are short, rather than searched for.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        let mut rest = self.words.as_str();
        self.codes.iter().map(move |&code| {
            let end = rest.bytes().position(|b| b == b' ').unwrap_or(rest.len());
            let (word, after) = rest.split_at(end);
            rest = after.get(1..).unwrap_or("");
            (word, code)
        })
    }
}
