//! The cross-reference pages of the real handbook, checked against the activities' YAML read
//! independently: the matrix's tables (one per domain: columns, marks and counts), the competency
//! pages and their activities, the links between référentiel, activities and competencies, and the
//! coverage report of `livret check`. The matrix is also checked on the minimal fixture with a
//! domain no activity validates.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

use scraper::{ElementRef, Html, Selector};

mod common;
use common::content::{ReferentielFile, activities};
use common::{build, build_project, copy_tree, root};

/// Activity slug → the codes it validates, from the YAML.
fn mapping() -> BTreeMap<String, BTreeSet<String>> {
    activities_in_order(&root().join("content"))
        .into_iter()
        .collect()
}

/// The activities of a content folder with the codes they validate, sorted by `order`, then slug.
fn activities_in_order(content: &Path) -> Vec<(String, BTreeSet<String>)> {
    activities(content)
        .into_iter()
        .map(|a| (a.slug, a.competencies.into_iter().collect()))
        .collect()
}

/// Each domain's code and its competency codes, in référentiel order, from the YAML.
fn domains(content: &Path) -> Vec<(String, Vec<String>)> {
    ReferentielFile::read(content)
        .tree()
        .into_iter()
        .map(|(_, domain, codes)| {
            let codes = codes.into_iter().map(str::to_owned).collect();
            (domain.to_owned(), codes)
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

/// The elements under `element` matching `css`.
fn within<'a>(element: &ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    element.select(&Selector::parse(css).unwrap()).collect()
}

/// What a domain's table on the matrix page must show, from the YAML alone.
struct ExpectedTable {
    domain: String,
    /// The domain's competency codes, in référentiel order.
    codes: Vec<String>,
    /// The activities validating at least one of them, in activity order.
    columns: Vec<String>,
}

fn expected_tables(content: &Path) -> Vec<ExpectedTable> {
    let activities = activities_in_order(content);
    domains(content)
        .into_iter()
        .map(|(domain, codes)| {
            let columns = activities
                .iter()
                .filter(|(_, validated)| codes.iter().any(|c| validated.contains(c)))
                .map(|(slug, _)| slug.clone())
                .collect();
            ExpectedTable {
                domain,
                codes,
                columns,
            }
        })
        .collect()
}

/// Checks every domain table of a matrix page against the YAML of `content`; returns the number of
/// competency rows.
fn check_matrix_page(doc: &Html, content: &Path) -> usize {
    let mapping: BTreeMap<String, BTreeSet<String>> =
        activities_in_order(content).into_iter().collect();
    let expected = expected_tables(content);
    let tables = select(doc, "main table.matrix");
    assert_eq!(tables.len(), expected.len(), "one table per domain");
    let mut ids = BTreeSet::new();
    let mut rows_seen = 0;
    for (table, want) in tables.iter().zip(&expected) {
        let domain = &want.domain;

        let id = table.value().attr("id").expect("table id").to_owned();
        assert!(ids.insert(id.clone()), "{domain}: duplicate table id {id}");
        let captions = within(table, "caption");
        assert_eq!(captions.len(), 1, "{domain}: one caption");
        assert!(
            text(&captions[0]).contains(domain.as_str()),
            "{domain}: the caption names the domain: {}",
            text(&captions[0])
        );
        assert!(
            within(table, "th:not([scope])").is_empty(),
            "{domain}: every th has a scope"
        );
        let columns: Vec<String> = within(table, "thead th.matrix-activity a")
            .iter()
            .map(|a| slug_of(a.value().attr("href").unwrap()))
            .collect();
        for slug in &columns {
            assert!(
                want.codes.iter().any(|c| mapping[slug].contains(c)),
                "{domain}: column {slug} validates nothing in the domain"
            );
        }
        assert_eq!(columns, want.columns, "{domain}: columns");
        assert_eq!(
            within(table, "thead th").len(),
            columns.len() + 2,
            "{domain}: header row"
        );
        let mut marks_per_activity = vec![0usize; columns.len()];
        let mut codes = Vec::new();
        let mut covered = 0;
        for row in within(table, "tbody tr") {
            // The row header: the code (its link), then the competency's text.
            let code = text(&within(&row, "th[scope=row] a")[0]);
            let cells = within(&row, "td.mark");
            assert_eq!(cells.len(), columns.len(), "{code}: one mark per column");
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
                assert_eq!(
                    text(cell).contains("non"),
                    !marked,
                    "{code}: text equivalent of no mark"
                );
                count += usize::from(marked);
                marks_per_activity[i] += usize::from(marked);
            }
            // Independent of the columns: every activity validating the code.
            let validating = mapping
                .values()
                .filter(|codes| codes.contains(&code))
                .count();
            assert_eq!(count, validating, "{code}: marks");
            let counts = within(&row, "td.num");
            assert_eq!(counts.len(), 1, "{code}: one count cell");
            let shown = if validating == 0 {
                "aucune".to_owned()
            } else {
                validating.to_string()
            };
            assert_eq!(text(&counts[0]), shown, "{code}: count column");
            assert_eq!(
                row.value().classes().any(|c| c == "is-uncovered"),
                validating == 0,
                "{code}: flagged as uncovered"
            );
            covered += usize::from(validating > 0);
            codes.push(code);
        }
        assert_eq!(codes, want.codes, "{domain}: rows");
        rows_seen += codes.len();
        let totals: Vec<String> = within(table, "tfoot tr td").iter().map(text).collect();
        assert_eq!(totals.len(), columns.len() + 1, "{domain}: total row");
        for (i, slug) in columns.iter().enumerate() {
            let in_domain = want
                .codes
                .iter()
                .filter(|c| mapping[slug].contains(*c))
                .count();
            assert_eq!(totals[i], in_domain.to_string(), "{domain} × {slug}: total");
            assert_eq!(marks_per_activity[i], in_domain, "{domain} × {slug}: marks");
        }
        assert_eq!(
            totals[columns.len()],
            format!("{covered}/{} couvertes", want.codes.len()),
            "{domain}: covered"
        );
    }
    rows_seen
}

#[test]
fn matrix_marks_and_counts_equal_the_mapping() {
    let (_dir, output) = build();
    let doc = page(&output, "matrice.html");
    let content = root().join("content");
    assert_eq!(check_matrix_page(&doc, &content), 28);
    let codes: BTreeSet<String> = domains(&content).into_iter().flat_map(|d| d.1).collect();
    let covered = codes
        .iter()
        .filter(|c| mapping().values().any(|codes| codes.contains(*c)))
        .count();
    let intro = text(&select(&doc, "main section[aria-labelledby=\"titre-matrice\"]")[0]);
    assert!(
        intro.contains(&format!("{covered}/{} compétences couvertes", codes.len())),
        "{intro}"
    );
}

#[test]
fn a_domain_no_activity_validates_keeps_a_valid_table_without_activity_columns() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("tests/fixtures/minimal"), dir.path());
    let content = dir.path().join("content");
    fs::write(
        content.join("pages/matrice.md"),
        "---\ntitle: \"Matrice\"\norder: 5\ntemplate: matrix\n---\nLa matrice.\n",
    )
    .unwrap();
    // A last domain that no activity validates.
    let mut referentiel = fs::read_to_string(content.join("referentiel.yaml")).unwrap();
    referentiel.push_str(
        "      - code: Y.3\n        title: \"Domaine sans activité\"\n        competencies:\n          \
         - code: Y.3.1\n            text: \"Une compétence qu'aucune activité ne valide.\"\n",
    );
    fs::write(content.join("referentiel.yaml"), referentiel).unwrap();
    let output = dir.path().join("site");
    build_project(dir.path(), &output);
    let doc = page(&output, "matrice.html");
    assert_eq!(check_matrix_page(&doc, &content), 11);
    let last = *select(&doc, "main table.matrix").last().unwrap();
    assert!(text(&last).contains("Y.3.1"), "{}", text(&last));
    assert!(
        last.select(&Selector::parse("th.matrix-activity").unwrap())
            .next()
            .is_none(),
        "no activity column"
    );
    assert!(text(&last).contains("aucune"), "{}", text(&last));
    // Every row of the table, header and total included, has the same two cells.
    for row in last.select(&Selector::parse("tr").unwrap()) {
        assert_eq!(
            row.select(&Selector::parse("th, td").unwrap()).count(),
            2,
            "{}",
            row.html()
        );
    }
    let mut ids = BTreeSet::new();
    for element in select(&doc, "[id]") {
        let id = element.value().attr("id").unwrap();
        assert!(ids.insert(id), "duplicate id {id}");
    }
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
        .env("LIVRET_LANG", "en")
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
