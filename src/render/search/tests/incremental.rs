//! A rebuild that edits the previous build's postings (serve's) writes the very index a build from
//! scratch writes, whatever changed: pages edited with as many documents or not, pages added,
//! removed or moved, several at once, and rebuilds in a row.

use proptest::prelude::*;

use super::*;

/// Words from a small vocabulary, so that pages share most of them, with accents and a stopword.
const VOCABULARY: [&str; 8] = [
    "compétence",
    "fiche",
    "évaluer",
    "numérique",
    "élève",
    "le",
    "classe",
    "œuvre",
];

/// A page's sections: an introduction and up to three sections, some without heading or text.
fn sections() -> impl Strategy<Value = Vec<Section>> {
    let text = proptest::collection::vec(0..VOCABULARY.len(), 0..6).prop_map(|words| {
        words
            .iter()
            .map(|&w| VOCABULARY[w])
            .collect::<Vec<_>>()
            .join(" ")
    });
    let section = (text.clone(), text).prop_map(|(heading, text)| (heading, text));
    proptest::collection::vec(section, 1..5).prop_map(|sections| {
        sections
            .into_iter()
            .enumerate()
            .map(|(i, (heading, text))| Section {
                anchor: if i == 0 {
                    String::new()
                } else {
                    format!("s{i}")
                },
                heading: if i == 0 { String::new() } else { heading },
                text,
            })
            .collect()
    })
}

/// Up to twelve pages, each at its own path, titled with a word of the vocabulary.
fn pages() -> impl Strategy<Value = Vec<Indexed>> {
    proptest::collection::vec((0..VOCABULARY.len(), sections()), 1..12).prop_map(|pages| {
        pages
            .into_iter()
            .enumerate()
            .map(|(i, (title, sections))| {
                let link = link(&format!("p{i}.html"), VOCABULARY[title]);
                indexed("fr", &link, &sections)
            })
            .collect()
    })
}

/// What may happen to the pages between two builds.
#[derive(Debug, Clone)]
enum Change {
    /// Page `n` (modulo their number) gets new sections.
    Edit(usize, Vec<Section>),
    Remove(usize),
    /// A new page goes before page `n`.
    Insert(usize, Vec<Section>),
    /// Page `n` moves to the end.
    Move(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        4 => (any::<usize>(), sections()).prop_map(|(n, s)| Change::Edit(n, s)),
        1 => any::<usize>().prop_map(Change::Remove),
        1 => (any::<usize>(), sections()).prop_map(|(n, s)| Change::Insert(n, s)),
        1 => any::<usize>().prop_map(Change::Move),
    ]
}

fn apply(pages: &mut Vec<Indexed>, change: Change) {
    let at = |n: usize, len: usize| n % len.max(1);
    match change {
        Change::Edit(n, sections) if !pages.is_empty() => {
            let n = at(n, pages.len());
            pages[n] = indexed("fr", &pages[n].link, &sections);
        }
        Change::Remove(n) if pages.len() > 1 => {
            pages.remove(at(n, pages.len()));
        }
        Change::Insert(n, sections) => {
            let link = link(&format!("new{}.html", pages.len()), "fiche");
            pages.insert(at(n, pages.len() + 1), indexed("fr", &link, &sections));
        }
        Change::Move(n) if !pages.is_empty() => {
            let page = pages.remove(at(n, pages.len()));
            pages.push(page);
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_index_edited_in_place_is_the_index_built_anew(
        first in pages(),
        rounds in proptest::collection::vec(proptest::collection::vec(change(), 1..3), 1..4),
    ) {
        let (_, mut reuse) = indexed_after("fr", &first, &[], &Reuse::default(), |_| Before::Unknown);
        let mut previous = first;
        for changes in rounds {
            let mut pages = previous.clone();
            for change in changes {
                apply(&mut pages, change);
            }
            let before = |page: &Indexed| match previous.iter().find(|p| p.link.path == page.link.path) {
                Some(old) if (&old.link.title, &old.sections) == (&page.link.title, &page.sections) => {
                    Before::Same
                }
                Some(old) => Before::Was(old),
                None => Before::Unknown,
            };
            let (edited, next) = indexed_after("fr", &pages, &[], &reuse, before);
            let (anew, _) = indexed_after("fr", &pages, &[], &Reuse::default(), |_| Before::Unknown);
            prop_assert_eq!(edited, anew);
            (previous, reuse) = (pages, next);
        }
    }
}
