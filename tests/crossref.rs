//! The cross-reference pages of the real handbook, checked against the activities' YAML read
//! independently: the matrix's marks and counts, the competency pages and their activities, the
//! links between référentiel, activities and competencies, and the coverage report of
//! `livret check`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

use scraper::{ElementRef, Html, Selector};
use serde::Deserialize;

mod common;
use common::{build, root};

#[derive(Deserialize)]
struct ActivityFile {
    slug: String,
    competencies: Vec<String>,
}

/// Activity slug → the codes it validates, from the YAML.
fn mapping() -> BTreeMap<String, BTreeSet<String>> {
    fs::read_dir(root().join("content/activities"))
        .unwrap()
        .flatten()
        .map(|e| {
            let a: ActivityFile =
                serde_saphyr::from_str(&fs::read_to_string(e.path()).unwrap()).unwrap();
            (a.slug, a.competencies.into_iter().collect())
        })
        .collect()
}

fn page(output: &Path, path: &str) -> Html {
    Html::parse_document(&fs::read_to_string(output.join(path)).unwrap())
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The slug of an activity page from a link to it.
fn slug_of(href: &str) -> String {
    href.rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".html")
        .to_owned()
}

#[test]
fn matrix_marks_and_counts_equal_the_mapping() {
    let mapping = mapping();
    let (_dir, output) = build();
    let doc = page(&output, "matrice.html");
    let columns: Vec<String> = select(&doc, "table.matrix thead th.matrix-activity a")
        .iter()
        .map(|a| slug_of(a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(
        columns.iter().cloned().collect::<BTreeSet<_>>(),
        mapping.keys().cloned().collect()
    );
    let mut marks_per_activity = vec![0usize; columns.len()];
    let mut rows = 0;
    for row in select(
        &doc,
        "table.matrix tbody tr:not(.domain-row):not(.subtotal-row)",
    ) {
        let within = |css: &str| {
            row.select(&Selector::parse(css).unwrap())
                .collect::<Vec<_>>()
        };
        let code = text(&within("th")[0]);
        let cells = within("td.mark");
        assert_eq!(cells.len(), columns.len(), "{code}");
        let mut count = 0;
        for (i, cell) in cells.iter().enumerate() {
            let marked = text(cell).contains('✓');
            assert_eq!(
                marked,
                mapping[&columns[i]].contains(&code),
                "{code} × {}",
                columns[i]
            );
            assert_eq!(
                text(cell).contains("oui"),
                marked,
                "{code}: text equivalent of the mark"
            );
            count += usize::from(marked);
            marks_per_activity[i] += usize::from(marked);
        }
        let last = text(within("td.num").last().unwrap());
        let shown = if count == 0 {
            "aucune".to_owned()
        } else {
            count.to_string()
        };
        assert_eq!(last, shown, "{code}: count column");
        rows += 1;
    }
    assert_eq!(rows, 28);
    let totals: Vec<usize> = select(&doc, "table.matrix tfoot td")
        .iter()
        .take(columns.len())
        .map(|c| text(c).parse().unwrap())
        .collect();
    assert_eq!(totals, marks_per_activity);
    for (i, slug) in columns.iter().enumerate() {
        assert_eq!(totals[i], mapping[slug].len(), "{slug}: total");
    }
    assert_eq!(select(&doc, "table.matrix caption").len(), 1);
    assert!(
        select(&doc, "table.matrix th:not([scope])").is_empty(),
        "every th has a scope"
    );
}

#[test]
fn every_competency_page_lists_exactly_the_activities_that_validate_it() {
    let mapping = mapping();
    let (_dir, output) = build();
    let referentiel = page(&output, "referentiel.html");
    let links: BTreeSet<String> = select(&referentiel, "main a[href^=\"competences/\"]")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(
        links.len(),
        28,
        "the référentiel page links to every competency page"
    );
    for href in links {
        let doc = page(&output, &href);
        let code = text(&select(&doc, "h1 .code")[0]);
        let listed: BTreeSet<String> = select(&doc, "main h3 a[href*=\"activites/\"]")
            .iter()
            .map(|a| slug_of(a.value().attr("href").unwrap()))
            .collect();
        let expected: BTreeSet<String> = mapping
            .iter()
            .filter(|(_, codes)| codes.contains(&code))
            .map(|(slug, _)| slug.clone())
            .collect();
        assert_eq!(listed, expected, "{href}");
        if expected.is_empty() {
            assert!(
                !select(&doc, "main .uncovered").is_empty(),
                "{href}: flagged as uncovered"
            );
        }
        let domain_link = select(&doc, "main dd a[href*=\"#domaine-\"]");
        assert_eq!(domain_link.len(), 1, "{href}: links to its domain");
    }
}

#[test]
fn activity_pages_link_back_to_their_competency_pages() {
    let mapping = mapping();
    let (_dir, output) = build();
    for (slug, codes) in mapping {
        let doc = page(&output, &format!("activites/{slug}.html"));
        let linked: BTreeSet<String> = select(&doc, "main table.competency-table th[scope=row] a")
            .iter()
            .map(text)
            .collect();
        assert_eq!(linked, codes, "{slug}");
    }
}

#[test]
fn check_reports_the_uncovered_competency_and_deny_warnings_fails() {
    let livret = env!("CARGO_BIN_EXE_livret");
    let run = Command::new(livret)
        .args(["check", "--root"])
        .arg(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("competency `B.4.3` is validated by no activity"),
        "{stderr}"
    );
    assert!(
        stdout.contains("validated by no activity: B.4.3"),
        "{stdout}"
    );
    assert!(
        stdout.contains("can be met by doing every activity"),
        "{stdout}"
    );
    let denied = Command::new(livret)
        .args(["check", "--deny-warnings", "--root"])
        .arg(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn coverage_page_flags_what_no_activity_validates() {
    let (_dir, output) = build();
    let doc = page(&output, "couverture.html");
    let section = text(
        &select(
            &doc,
            "main section[aria-labelledby=\"titre-non-couvertes\"]",
        )[0],
    );
    assert!(section.contains("B.4.3"), "{section}");
    let rule = text(&select(&doc, "main p.rule")[0]);
    assert!(rule.starts_with("Oui."), "{rule}");
}
