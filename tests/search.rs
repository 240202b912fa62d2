//! The search index and page of the real handbook: every content page is indexed and its
//! sections link to real anchors, accented words of the content are indexed under their folded
//! form, every page offers the search form, and the search page says what it needs without
//! JavaScript. (The query side is tested with node: tests/js/search.test.js.)

use std::fs;
use std::io::Read;
use std::path::Path;

use base64::Engine;

use livret::render::search::words;
use scraper::{Html, Selector};
use serde_json::{Value, json};

mod common;
use common::{build, root};

/// The data the index's part `name` registers (`(self.livretSearch …)["name"] = data;`).
fn part(site: &Path, name: &str) -> Option<Value> {
    let script = fs::read_to_string(site.join(format!("assets/search/{name}.js"))).ok()?;
    let start = script.find("] = ").unwrap() + 4;
    Some(serde_json::from_str(&script[start..script.rfind(';').unwrap()]).unwrap())
}

/// A text part's page: path, title, and its documents' anchor, heading and text.
type TextPage = (String, String, Vec<(String, String, String)>);

/// The whole index read back from its parts: `{pages: [[path, title]], docs: [[page, anchor,
/// heading, text]], words, stopwords}`, words in shard order, text parts inflated.
fn index(site: &Path) -> Value {
    let manifest = part(site, "index").unwrap();
    let mut words = Vec::new();
    for n in 0.. {
        let Some(shard) = part(site, &format!("w{n}")) else {
            break;
        };
        words.extend(shard["words"].as_array().unwrap().iter().cloned());
    }
    let (mut pages, mut docs) = (Vec::new(), Vec::new());
    for n in 0.. {
        let Some(text) = part(site, &format!("t{n}")) else {
            break;
        };
        let deflated = base64::engine::general_purpose::STANDARD
            .decode(text.as_str().unwrap())
            .unwrap();
        let mut json = String::new();
        flate2::read::DeflateDecoder::new(&deflated[..])
            .read_to_string(&mut json)
            .unwrap();
        let part: Vec<TextPage> = serde_json::from_str(&json).unwrap();
        for (path, title, sections) in part {
            for (anchor, heading, text) in sections {
                docs.push(json!([pages.len(), anchor, heading, text]));
            }
            pages.push(json!([path, title]));
        }
    }
    json!({"pages": pages, "docs": docs, "words": words, "stopwords": manifest["stopwords"]})
}

fn page(site: &Path, path: &str) -> Html {
    Html::parse_document(&fs::read_to_string(site.join(path)).unwrap())
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

/// Every HTML page of the site, relative to it.
fn html_files(site: &Path) -> Vec<String> {
    walkdir::WalkDir::new(site)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let path = e.path().strip_prefix(site).unwrap();
            path.to_string_lossy().replace('\\', "/")
        })
        .collect()
}

#[test]
fn every_content_page_is_indexed_and_its_sections_link_to_real_anchors() {
    let (_dir, site) = build();
    let index = index(&site);
    let pages = index["pages"].as_array().unwrap();
    let indexed: Vec<&str> = pages.iter().map(|p| p[0].as_str().unwrap()).collect();
    let mut expected: Vec<String> = html_files(&site)
        .into_iter()
        // The print edition repeats every page: searching it would give each result twice.
        .filter(|p| !["404.html", "recherche.html", "impression.html"].contains(&p.as_str()))
        .collect();
    expected.sort();
    let mut sorted = indexed.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
    let docs = index["docs"].as_array().unwrap();
    for (number, path) in indexed.iter().enumerate() {
        let own: Vec<&Value> = docs.iter().filter(|d| d[0] == number).collect();
        assert!(!own.is_empty(), "{path}: no section indexed");
        let doc = page(&site, path);
        for section in own {
            let anchor = section[1].as_str().unwrap();
            if !anchor.is_empty() {
                assert_eq!(
                    select(&doc, &format!("[id=\"{anchor}\"]")).len(),
                    1,
                    "{path}#{anchor}"
                );
            }
        }
        // Each page's text is there: the words of its h1 (the title) and of its main's first
        // paragraph are all indexed.
        let words_of_index: Vec<&str> = index["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        let stopwords = index["stopwords"].as_array().unwrap();
        if let Some(paragraph) = select(&doc, "main p").first() {
            for word in words(&paragraph.text().collect::<String>()) {
                assert!(
                    stopwords.contains(&word.as_str().into())
                        || words_of_index.binary_search(&word.as_str()).is_ok(),
                    "{path}: `{word}` not indexed"
                );
            }
        }
    }
}

#[test]
fn accented_words_of_the_content_are_indexed_under_their_folded_form() {
    let (_dir, site) = build();
    let index = index(&site);
    let indexed = index["words"].as_array().unwrap();
    let mut checked = 0;
    for entry in fs::read_dir(root().join("content/pages"))
        .unwrap()
        .flatten()
    {
        let text = fs::read_to_string(entry.path()).unwrap();
        // A long accented word of the page's prose, as the author wrote it.
        let Some(word) = text
            .split(|c: char| !c.is_alphabetic())
            .find(|w| w.chars().count() > 6 && !w.is_ascii())
        else {
            continue;
        };
        let folded = words(word);
        assert_eq!(folded.len(), 1, "{word}");
        assert!(folded[0].is_ascii(), "{word} → {folded:?}");
        assert!(
            indexed.contains(&folded[0].as_str().into()),
            "{}: {word} not indexed as {}",
            entry.path().display(),
            folded[0]
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} pages checked");
}

#[test]
fn every_page_offers_search_and_the_search_page_needs_javascript_plainly() {
    let (_dir, site) = build();
    for path in html_files(&site) {
        let doc = page(&site, &path);
        let scripts: Vec<&str> = select(&doc, "script[src]")
            .iter()
            .map(|s| s.value().attr("src").unwrap())
            .collect();
        if path == "recherche.html" {
            let input = select(&doc, "main form[role=search] input[name=q]");
            let id = input[0].value().attr("id").unwrap();
            assert_eq!(select(&doc, &format!("label[for=\"{id}\"]")).len(), 1);
            assert!(!select(&doc, "[aria-live=polite]").is_empty());
            let noscript = select(&doc, "noscript");
            assert!(noscript[0].inner_html().contains("JavaScript"));
            assert_eq!(
                scripts,
                [
                    "assets/search/index.js",
                    "assets/sentences.js",
                    "assets/search.js",
                    "assets/menu.js"
                ]
            );
            assert!(
                select(&doc, "title")[0]
                    .inner_html()
                    .starts_with("Recherche – ")
            );
            assert!(select(&doc, "link[rel=next], link[rel=prev], a[rel=next]").is_empty());
            continue;
        }
        let forms = select(&doc, "header form[role=search]");
        assert_eq!(forms.len(), 1, "{path}");
        let action = forms[0].value().attr("action").unwrap();
        // The 404 page's links start from the server's root.
        let from = match action.strip_prefix('/') {
            Some(_) if path == "404.html" => Path::new(""),
            _ => Path::new(&path).parent().unwrap(),
        };
        let target = from.join(action.trim_start_matches('/'));
        assert!(
            target.ends_with("recherche.html") && site.join(&target).is_file(),
            "{path}: {action}"
        );
        assert_eq!(forms[0].value().attr("method"), Some("get"));
        let input = select(&doc, "header form[role=search] input[name=q]");
        let id = input[0].value().attr("id").unwrap();
        assert_eq!(
            select(&doc, &format!("label[for=\"{id}\"]")).len(),
            1,
            "{path}"
        );
        assert!(
            !scripts.iter().any(|s| s.contains("search")),
            "{path}: the index is loaded on the search page only"
        );
    }
}
