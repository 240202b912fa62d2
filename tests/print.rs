//! The print edition (`impression.html`), checked on a build of the real handbook with a real HTML
//! parser: it holds every page of the reading order (followed through the pages' own « Suivant »
//! links) in that order but the competencies and the pages not for print, its ids are unique, every fragment link on it lands on one of them, and
//! no link inside it leaves for a page it already holds.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use scraper::{Html, Selector};

mod common;
use common::build;

const PRINT_PAGE: &str = "impression.html";

fn page(output: &Path, path: &str) -> Html {
    Html::parse_document(&fs::read_to_string(output.join(path)).unwrap())
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

/// `href` written on the page at `from`, as a path from the site root (no fragment).
fn resolve(from: &str, href: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('#').next().unwrap().split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The reading order, as the pages themselves give it: from the home page, each page's
/// `rel="next"` link.
fn reading_order(output: &Path) -> Vec<String> {
    let mut order = vec!["index.html".to_owned()];
    loop {
        let current = order.last().unwrap().clone();
        let doc = page(output, &current);
        let Some(next) = select(&doc, "a[rel=next]").first().map(|a| {
            let href = a.value().attr("href").unwrap();
            resolve(&current, href)
        }) else {
            break;
        };
        assert!(!order.contains(&next), "the next links loop at {next}");
        order.push(next);
    }
    order
}

/// The chapters whose front matter keeps them out of the print edition (`print: false`).
fn not_printed() -> Vec<String> {
    let pages = common::root().join("content/pages");
    let mut found = Vec::new();
    for entry in fs::read_dir(pages).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let front = text.split("---").nth(1).unwrap_or_default();
        if front.lines().any(|line| line.trim() == "print: false") {
            let stem = path.file_stem().unwrap().to_str().unwrap();
            found.push(format!("{stem}.html"));
        }
    }
    found
}

#[test]
fn the_print_edition_holds_every_page_in_reading_order() {
    let (_dir, output) = build();
    // Every page but the competencies (the référentiel chapter's table holds them) and the pages
    // not for print.
    let left_out = not_printed();
    assert!(
        !left_out.is_empty(),
        "the handbook has a page not for print"
    );
    let order = reading_order(&output);
    let expected: Vec<String> = order
        .iter()
        .filter(|p| !p.starts_with("competences/") && !left_out.contains(p))
        .cloned()
        .collect();
    assert!(expected.len() > 10, "reading order: {expected:?}");
    assert!(
        order.len() > expected.len() + 20,
        "no competency page left out"
    );
    let doc = page(&output, PRINT_PAGE);
    let sections = select(&doc, "main section.print-chapter");
    let printed: Vec<String> = sections
        .iter()
        .map(|s| s.value().attr("data-path").unwrap().to_owned())
        .collect();
    assert_eq!(printed, expected);
    for (section, path) in sections.iter().zip(&expected) {
        // Each section starts with its page's title, one level under the edition's h1.
        let first = section
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .next();
        let heading = first.unwrap_or_else(|| panic!("{path}: empty section"));
        assert_eq!(heading.value().name(), "h2", "{path}");
        let title = page(&output, path);
        let h1 = select(&title, "main h1")[0].text().collect::<String>();
        assert_eq!(heading.text().collect::<String>(), h1, "{path}");
    }
    // One table of contents: the home page's section, first, links to every chapter's section.
    assert!(
        select(&doc, "main nav").is_empty(),
        "a table of contents of the edition's own"
    );
    let home: BTreeSet<&str> = select(
        &doc,
        "main section.print-chapter:first-of-type a[href^='#']",
    )
    .iter()
    .map(|a| a.value().attr("href").unwrap())
    .collect();
    for section in &sections[1..] {
        let path = section.value().attr("data-path").unwrap();
        if !path.contains('/') {
            let id = format!("#{}", section.value().attr("id").unwrap());
            assert!(
                home.contains(id.as_str()),
                "the home page does not lead to {path}"
            );
        }
    }
}

#[test]
fn the_print_edition_has_unique_ids_and_links_that_stay_on_it() {
    let (_dir, output) = build();
    let doc = page(&output, PRINT_PAGE);
    let mut ids = BTreeSet::new();
    for element in select(&doc, "[id]") {
        let id = element.value().attr("id").unwrap();
        assert!(ids.insert(id), "duplicate id {id}");
    }
    let pages: BTreeSet<String> = select(&doc, "section.print-chapter")
        .iter()
        .map(|s| s.value().attr("data-path").unwrap().to_owned())
        .collect();
    let mut fragments = 0;
    for link in select(&doc, "main [href]") {
        let href = link.value().attr("href").unwrap();
        if let Some(fragment) = href.strip_prefix('#') {
            fragments += 1;
            assert!(ids.contains(fragment), "{href}: no such id on the page");
        } else if !href.contains("://") {
            // Downloads and other files stay relative, from the root, and exist.
            assert!(
                !pages.contains(&resolve(PRINT_PAGE, href)),
                "{href}: a link to a page of the edition should lead to its section"
            );
            assert!(output.join(resolve(PRINT_PAGE, href)).is_file(), "{href}");
        }
    }
    assert!(fragments > 100, "only {fragments} fragment links");
    // References between elements were rewritten along with the ids.
    for (attribute, css) in [
        ("aria-labelledby", "[aria-labelledby]"),
        ("aria-describedby", "[aria-describedby]"),
        ("for", "label[for]"),
    ] {
        for element in select(&doc, css) {
            for id in element.value().attr(attribute).unwrap().split_whitespace() {
                assert!(ids.contains(id), "{attribute}={id}: no such id");
            }
        }
    }
}

#[test]
fn every_page_links_to_the_print_edition() {
    let (_dir, output) = build();
    for path in reading_order(&output) {
        let doc = page(&output, &path);
        let links: Vec<String> = select(&doc, "footer a")
            .iter()
            .map(|a| resolve(&path, a.value().attr("href").unwrap()))
            .collect();
        assert!(links.iter().any(|l| l == PRINT_PAGE), "{path}: {links:?}");
    }
}

/// The minimal fixture with `n` more chapters (see `common::add_chapters`), built into a temporary
/// folder.
fn long_handbook(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("projet");
    common::copy_tree(&common::root().join("tests/fixtures/minimal"), &project);
    common::add_chapters(&project, n);
    let output = dir.path().join("site");
    common::build_project(&project, &output);
    (dir, output)
}

#[test]
fn a_long_reading_order_is_printed_in_volumes_after_a_contents_page() {
    let (_dir, output) = long_handbook(1200);
    let contents = page(&output, PRINT_PAGE);
    assert!(select(&contents, "section.print-chapter").is_empty());
    let volumes: Vec<String> = select(&contents, "main ol.print-volumes a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(volumes, ["impression-1.html", "impression-2.html"]);
    // Every printed page once, in the reading order, across the volumes; ids unique.
    let mut ids = BTreeSet::new();
    let mut paths = Vec::new();
    for volume in &volumes {
        let doc = page(&output, volume);
        for section in select(&doc, "section.print-chapter") {
            paths.push(section.value().attr("data-path").unwrap().to_owned());
        }
        for element in select(&doc, "[id]") {
            let id = element.value().attr("id").unwrap();
            // The layout's own ids (`contenu`…) repeat in each volume; the sections' do not.
            if id.starts_with("page-") {
                assert!(ids.insert(id.to_owned()), "{id} twice");
            }
        }
    }
    let chapter = |p: &&String| p.len() == 10 && p[1..5].bytes().all(|b| b.is_ascii_digit());
    let printed: Vec<&String> = paths.iter().filter(chapter).collect();
    let expected: Vec<String> = (0..1200).map(|i| format!("p{i:04}.html")).collect();
    assert_eq!(printed, expected.iter().collect::<Vec<_>>());
    assert!(paths.len() <= 1000 * volumes.len());
    // A link to a chapter of the other volume leads into that volume, to the chapter's heading.
    let first = page(&output, "impression-1.html");
    let link = select(&first, "#page-p0500 a[href*='#']")[0]
        .value()
        .attr("href")
        .unwrap();
    let (file, anchor) = link.split_once('#').unwrap();
    assert_eq!(file, "impression-2.html");
    // To the heading itself, not to the chapter's start: the first volume, made before the second
    // volume's pages were, waited for their ids.
    assert_eq!(anchor, "page-p1100--suite");
    let second = page(&output, file);
    assert_eq!(
        select(&second, &format!("[id=\"{anchor}\"]")).len(),
        1,
        "{link}"
    );
}
