//! Builds the real handbook in content/ into a temporary folder and checks the output with a real
//! HTML parser: links resolve, every competency and activity is there, each activity page lists
//! exactly its YAML mapping, the bilan totals are right, no broken accent survives, pages are
//! accessible in structure, and two builds are byte-identical.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use scraper::{Html, Selector};
use serde::Deserialize;

mod common;
use common::{build, root};

fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in fs::read_dir(&current).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    out
}

fn html_pages(dir: &Path) -> Vec<(PathBuf, Html)> {
    files(dir)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .map(|(path, bytes)| {
            (
                path,
                Html::parse_document(&String::from_utf8(bytes).unwrap()),
            )
        })
        .collect()
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &scraper::ElementRef) -> String {
    element.text().collect::<String>()
}

/// The activity files as written, read independently of livret's model.
#[derive(Deserialize)]
struct ActivityFile {
    slug: String,
    competencies: Vec<String>,
}

fn activity_files() -> Vec<ActivityFile> {
    let mut out = Vec::new();
    for entry in fs::read_dir(root().join("content/activities"))
        .unwrap()
        .flatten()
    {
        let text = fs::read_to_string(entry.path()).unwrap();
        out.push(serde_saphyr::from_str::<ActivityFile>(&text).unwrap());
    }
    out
}

#[test]
fn every_internal_link_and_asset_resolves() {
    let (_dir, output) = build();
    let mut broken = Vec::new();
    let mut checked = 0;
    // The 404 page is the exception, tested on its own below.
    let pages = html_pages(&output).into_iter();
    for (path, doc) in pages.filter(|(path, _)| path != Path::new("404.html")) {
        for element in select(&doc, "[href], [src]") {
            let value = element.value();
            let url = value.attr("href").or(value.attr("src")).unwrap();
            assert!(
                !url.starts_with('/'),
                "{}: root-absolute URL {url}",
                path.display()
            );
            if url.contains("://") || url.starts_with("mailto:") {
                continue;
            }
            let (file, fragment) = url.split_once('#').unwrap_or((url, ""));
            let target = if file.is_empty() {
                path.clone()
            } else {
                normalize(&path.parent().unwrap().join(file))
            };
            checked += 1;
            if !output.join(&target).is_file() {
                broken.push(format!("{}: {url}", path.display()));
                continue;
            }
            if !fragment.is_empty() && target.extension().is_some_and(|e| e == "html") {
                let target_doc =
                    Html::parse_document(&fs::read_to_string(output.join(&target)).unwrap());
                if select(&target_doc, &format!("[id=\"{fragment}\"]")).is_empty() {
                    broken.push(format!("{}: {url} (no such anchor)", path.display()));
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} links checked");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// A server shows the 404 page at any depth: its links start from the server's root, or from the
/// path of the settings' `base_url`, and lead to the site's files.
#[test]
fn the_404_page_links_from_the_server_root_or_the_base_urls_path() {
    let project = tempfile::tempdir().unwrap();
    common::copy_tree(
        &common::root().join("content"),
        &project.path().join("content"),
    );
    let settings = project.path().join("content/settings.yaml");
    let original = fs::read_to_string(&settings).unwrap();
    for (base_url, prefix) in [
        (None, "/"),
        (Some("https://www.example.fr/espe/c2i2e"), "/espe/c2i2e/"),
    ] {
        let text = match base_url {
            Some(url) => format!("{original}base_url: \"{url}\"\n"),
            None => original.clone(),
        };
        fs::write(&settings, text).unwrap();
        let output = project.path().join("site");
        common::build_project(project.path(), &output);
        let doc = Html::parse_document(&fs::read_to_string(output.join("404.html")).unwrap());
        let links = select(&doc, "[href], [src]");
        assert!(links.len() > 10, "{} links", links.len());
        for element in links {
            let value = element.value();
            let url = value.attr("href").or(value.attr("src")).unwrap();
            if url.starts_with('#') || url.contains("://") {
                continue;
            }
            let file = url.strip_prefix(prefix);
            let file = file.unwrap_or_else(|| panic!("{url} does not start with {prefix}"));
            let file = file.split('#').next().unwrap();
            assert!(output.join(file).is_file(), "{url}: no such file");
        }
    }
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                assert!(out.pop(), "link climbs out of the site: {}", path.display())
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn referentiel_page_has_all_28_competencies_and_activities_page_all_6() {
    let (_dir, output) = build();
    let doc = Html::parse_document(&fs::read_to_string(output.join("referentiel.html")).unwrap());
    let codes: BTreeSet<String> = select(&doc, "main th[scope=row]")
        .iter()
        .map(|e| text(e).trim().to_owned())
        .collect();
    assert_eq!(codes.len(), 28, "{codes:?}");
    let activity_pages = fs::read_dir(output.join("activites")).unwrap().count();
    assert_eq!(activity_pages, 6);
    let list = Html::parse_document(&fs::read_to_string(output.join("activites.html")).unwrap());
    let links: BTreeSet<&str> = select(&list, "main a[href^=\"activites/\"]")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links.len(), 6, "{links:?}");
}

#[test]
fn each_activity_page_lists_exactly_its_mapping() {
    let (_dir, output) = build();
    let activities = activity_files();
    assert_eq!(activities.len(), 6);
    for activity in activities {
        let page = output.join(format!("activites/{}.html", activity.slug));
        let doc = Html::parse_document(&fs::read_to_string(&page).unwrap());
        let shown: BTreeSet<String> = select(&doc, "main table.competency-table th[scope=row]")
            .iter()
            .map(|e| text(e).trim().to_owned())
            .collect();
        let expected: BTreeSet<String> = activity.competencies.iter().cloned().collect();
        assert_eq!(shown, expected, "{}", activity.slug);
    }
}

#[derive(Deserialize)]
struct Bilan {
    columns: Vec<String>,
    groups: Vec<BilanGroup>,
}

#[derive(Deserialize)]
struct BilanGroup {
    rows: Vec<BilanRow>,
}

#[derive(Deserialize)]
struct BilanRow {
    values: Vec<Option<u64>>,
}

fn number(cell: &scraper::ElementRef) -> u64 {
    let digits: String = text(cell).chars().filter(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {:?}", text(cell)))
}

#[test]
fn bilan_totals_are_the_sums_of_the_data() {
    let bilan: Bilan = serde_saphyr::from_str(
        &fs::read_to_string(root().join("content/data/bilan.yaml")).unwrap(),
    )
    .unwrap();
    let mut expected = vec![0u64; bilan.columns.len()];
    let mut blanks = 0;
    for row in bilan.groups.iter().flat_map(|g| &g.rows) {
        for (sum, value) in expected.iter_mut().zip(&row.values) {
            *sum += value.unwrap_or(0);
            blanks += usize::from(value.is_none());
        }
    }
    let (_dir, output) = build();
    let doc = Html::parse_document(&fs::read_to_string(output.join("bilan.html")).unwrap());
    let totals: Vec<u64> = select(&doc, "main table tfoot td")
        .iter()
        .map(number)
        .collect();
    assert_eq!(&totals[..expected.len()], &expected[..]);
    assert_eq!(totals[expected.len()], expected.iter().sum::<u64>());
    // Blank cells stay blank: none of them is shown as a zero.
    let zeros = select(&doc, "main table tbody td")
        .iter()
        .filter(|c| text(c).trim() == "0")
        .count();
    assert_eq!(zeros, 0);
    assert!(blanks > 0);
}

/// The bilan's chart, against the table beside it: each bar's total is the sum of its column's
/// cells as the table shows them, the bars run in time order when the YAML asks for it, and the
/// chart has a text alternative.
#[test]
fn bilan_chart_totals_match_its_table() {
    #[derive(Deserialize)]
    struct WithChart {
        chart: ChartFile,
    }
    #[derive(Deserialize)]
    struct ChartFile {
        #[serde(default)]
        chronological: bool,
    }
    let file: WithChart = serde_saphyr::from_str(
        &fs::read_to_string(root().join("content/data/bilan.yaml")).unwrap(),
    )
    .unwrap();
    let (_dir, output) = build();
    let doc = Html::parse_document(&fs::read_to_string(output.join("bilan.html")).unwrap());
    // The table: its column headers (without the row header and the total), and the sums of its
    // data rows (group and subtotal rows left out).
    let headers: Vec<String> = select(&doc, "main table thead th.num:not(.total)")
        .iter()
        .map(text)
        .collect();
    let mut sums = vec![0u64; headers.len()];
    for row in select(
        &doc,
        "main table tbody tr:not(.subtotal-row):not(.group-row)",
    ) {
        let inner = Html::parse_fragment(&format!("<table>{}</table>", row.html()));
        let cells = select(&inner, "td:not(.total)");
        assert_eq!(cells.len(), headers.len());
        for (sum, cell) in sums.iter_mut().zip(&cells) {
            if !cell.value().classes().any(|c| c == "blank") {
                *sum += number(cell);
            }
        }
    }
    let svg = select(&doc, "main svg.chart");
    assert_eq!(svg.len(), 1);
    let labelled_by = svg[0].value().attr("aria-labelledby").unwrap();
    assert_eq!(svg[0].value().attr("role"), Some("img"));
    for (id, element) in labelled_by.split_whitespace().zip(["title", "desc"]) {
        let found = select(&doc, &format!("svg.chart {element}[id=\"{id}\"]"));
        assert_eq!(found.len(), 1, "{element} #{id}");
        assert!(text(&found[0]).len() > 20, "{element}: {}", text(&found[0]));
    }
    let bars: Vec<(String, u64)> = select(&doc, "svg.chart g.chart-bar")
        .iter()
        .map(|bar| {
            let inner = Html::parse_fragment(&bar.html());
            let total = select(&inner, ".chart-total")[0];
            (
                bar.value().attr("data-column").unwrap().to_owned(),
                number(&total),
            )
        })
        .collect();
    let mut expected: Vec<(String, u64)> = headers.into_iter().zip(sums).collect();
    if file.chart.chronological {
        expected.reverse();
    }
    assert_eq!(bars, expected);
    // The desc says every total too (a text alternative, not a title alone).
    let desc = text(&select(&doc, "svg.chart desc")[0]).replace('\u{202f}', "");
    for (column, total) in &expected {
        assert!(
            desc.contains(column) && desc.contains(&total.to_string()),
            "{desc}"
        );
    }
}

/// Fragments the PDF extraction of the source produced where an accented letter was lost.
const BROKEN_ACCENTS: &[&str] = &[
    "compe tence",
    "activite s",
    "re seau",
    "the orique",
    "e tudiant",
    "de livre ",
    "Universite ",
    "nume rique",
    "re fe rentiel",
    "pe riode",
    "de pose",
    "valide es",
    "Modee",
    "e valuation",
    "proprie te",
    "se curite",
    "me dias",
    "diffe rent",
    "e le ve",
    "a  ",
    "ro les",
    "re gional",
];

#[test]
fn no_page_has_a_broken_accent_and_all_are_french() {
    let (_dir, output) = build();
    for (path, doc) in html_pages(&output) {
        let html = doc.root_element();
        assert_eq!(html.value().attr("lang"), Some("fr"), "{}", path.display());
        let body = text(&html);
        for fragment in BROKEN_ACCENTS {
            assert!(
                !body.contains(fragment),
                "{}: broken accent {fragment:?}",
                path.display()
            );
        }
        assert!(
            !body.contains('\u{fffd}'),
            "{}: replacement character",
            path.display()
        );
    }
}

#[test]
fn pages_are_structurally_accessible() {
    let (_dir, output) = build();
    for (path, doc) in html_pages(&output) {
        let name = path.display();
        assert_eq!(select(&doc, "h1").len(), 1, "{name}: one h1");
        assert_eq!(select(&doc, "main").len(), 1, "{name}: one main");
        assert!(
            !select(&doc, "header").is_empty() && !select(&doc, "footer").is_empty(),
            "{name}"
        );
        assert!(!select(&doc, "nav").is_empty(), "{name}: nav");
        let first_link = select(&doc, "a").into_iter().next().unwrap();
        let skip = first_link.value().attr("href").unwrap();
        assert!(
            skip.starts_with('#') && !select(&doc, skip).is_empty(),
            "{name}: skip link"
        );
        let mut previous = 1;
        for heading in select(&doc, "main h1, main h2, main h3, main h4, main h5, main h6") {
            let level: usize = heading.value().name()[1..].parse().unwrap();
            assert!(
                level <= previous + 1,
                "{name}: heading h{level} after h{previous}"
            );
            previous = level;
        }
        for table in select(&doc, "table") {
            let inner = Html::parse_fragment(&table.html());
            assert_eq!(select(&inner, "caption").len(), 1, "{name}: table caption");
            for th in select(&inner, "th") {
                assert!(
                    th.value().attr("scope").is_some(),
                    "{name}: th without scope: {}",
                    th.html()
                );
            }
        }
        let mut ids = BTreeSet::new();
        for element in select(&doc, "[id]") {
            assert!(
                ids.insert(element.value().attr("id").unwrap()),
                "{name}: duplicate id"
            );
        }
    }
}

#[test]
fn no_page_requests_anything_outside_the_site() {
    let (_dir, output) = build();
    for (path, doc) in html_pages(&output) {
        for element in select(&doc, "[src], link[href], script, iframe, object") {
            let url = element
                .value()
                .attr("src")
                .or(element.value().attr("href"))
                .unwrap_or("");
            assert!(
                !url.contains("://") && !url.starts_with("//"),
                "{}: external resource {url}",
                path.display()
            );
        }
    }
    let css = fs::read_to_string(output.join("assets/style.css")).unwrap();
    assert!(
        !css.contains("url(http") && !css.contains("@import url"),
        "external resource in CSS"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, first) = build();
    let (_b, second) = build();
    let (first, second) = (files(&first), files(&second));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(
            bytes == &second[path],
            "{} differs between builds",
            path.display()
        );
    }
}

#[derive(Deserialize)]
struct SettingsFile {
    certification: Rule,
}

#[derive(Deserialize)]
struct Rule {
    required_total: u32,
    max_missing_per_domain: u32,
}

#[test]
fn rule_numbers_in_the_text_come_from_the_settings() {
    let settings: SettingsFile =
        serde_saphyr::from_str(&fs::read_to_string(root().join("content/settings.yaml")).unwrap())
            .unwrap();
    let (_dir, output) = build();
    for page in ["certification.html", "referentiel.html"] {
        let doc = Html::parse_document(&fs::read_to_string(output.join(page)).unwrap());
        let main = text(&select(&doc, "main")[0])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let rule = settings.certification.required_total.to_string();
        let limit = format!(
            "{} compétences non validées",
            settings.certification.max_missing_per_domain
        );
        assert!(
            main.contains(&rule) && main.contains(&limit),
            "{page}: {main}"
        );
        assert!(!main.contains("{{"), "{page}: unexpanded value");
    }
}

/// Every deadline of the activities' `calendar:` shows on its activity's page, on the calendar
/// page in date order, and in the iCalendar file as an all-day event ending the day after.
#[test]
fn deadlines_show_on_their_activity_the_calendar_page_and_in_the_ics_file() {
    let (_dir, output) = build();
    let activities = common::content::activities(&root().join("content"));
    let mut all: Vec<(String, String, String)> = Vec::new(); // (first day, last day, slug)
    for activity in &activities {
        let page = fs::read_to_string(output.join(format!("activites/{}.html", activity.slug)));
        let page = Html::parse_document(&page.unwrap());
        let shown: Vec<String> = select(&page, ".deadlines time")
            .iter()
            .map(|t| t.value().attr("datetime").unwrap().to_owned())
            .collect();
        let mut written = Vec::new();
        for entry in &activity.calendar {
            let (first, last) = match (&entry.due, &entry.from, &entry.to) {
                (Some(due), None, None) => (due.clone(), due.clone()),
                (None, Some(from), Some(to)) => (from.clone(), to.clone()),
                _ => panic!(
                    "{}: a calendar entry the checks should refuse",
                    activity.slug
                ),
            };
            written.push(first.clone());
            if last != first {
                written.push(last.clone());
            }
            all.push((first, last, activity.slug.clone()));
        }
        assert_eq!(shown, written, "{}: the days on its page", activity.slug);
    }
    assert!(all.len() >= 3, "the handbook has example deadlines");
    all.sort();
    let calendar =
        Html::parse_document(&fs::read_to_string(output.join("calendrier.html")).unwrap());
    let rows: Vec<String> = select(&calendar, ".calendar-table tbody tr th a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    let expected: Vec<String> = all
        .iter()
        .map(|(_, _, slug)| format!("activites/{slug}.html"))
        .collect();
    assert_eq!(rows, expected, "the calendar page, in date order");
    let ics = fs::read_to_string(output.join("calendrier.ics")).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), all.len());
    for (first, last, _) in &all {
        let start = format!("DTSTART;VALUE=DATE:{}", first.replace('-', ""));
        assert!(ics.contains(&start), "{start}");
        // DTEND is exclusive: the day after the last (checked on a day that is not a month's last).
        if !last.ends_with("-31") && !last.ends_with("-30") && !last.ends_with("-28") {
            let day: u32 = last[8..].parse().unwrap();
            let end = format!(
                "DTEND;VALUE=DATE:{}{:02}",
                last[..8].replace('-', ""),
                day + 1
            );
            assert!(ics.contains(&end), "{end}");
        }
    }
    assert!(ics.contains("\r\n"), "RFC 5545 lines end with CRLF");
}

/// Without `calendar:` nothing changes: no file, no calendar box, no link to one.
#[test]
fn a_handbook_without_deadlines_has_no_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    common::build_project(&root().join("tests/fixtures/minimal"), &output);
    assert!(!output.join("calendrier.ics").exists());
    for (path, doc) in html_pages(&output) {
        assert!(select(&doc, ".deadlines").is_empty(), "{}", path.display());
        assert!(
            select(&doc, "a[href$='.ics']").is_empty(),
            "{}",
            path.display()
        );
    }
}
