//! Frameworks other than the C2i2e, in other words: an English framework with proficiency levels
//! and no groups (tests/fixtures/levels-en), a French lycée's framework with a minimum per domain
//! and its own audience words (tests/fixtures/per-domain-fr), and `livret new` in both languages.
//! Each fixture is built with the real binary; its counts are checked on every page, export and
//! document, read back with an HTML parser, CSV and JSON readers and a zip reader.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use serde_json::Value;

mod common;
use common::process::livret;
use common::{build_project, case_validator, files, root};

/// Builds `tests/fixtures/<name>` into a temporary folder.
fn build_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    build_project(&root().join("tests/fixtures").join(name), &output);
    (dir, output)
}

fn html(site: &Path, path: &str) -> Html {
    let text = fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    Html::parse_document(&text)
}

/// The text a reader sees in a page: every text node outside scripts and styles, plus the
/// attributes read aloud or shown (alt, title, aria-label, placeholder, value of buttons).
fn visible_text(page: &Html) -> String {
    let mut text = String::new();
    for node in page.root_element().descendants() {
        if let Some(t) = node.value().as_text() {
            let inside_code = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "script" | "style"))
            });
            if !inside_code {
                text.push_str(t);
                text.push(' ');
            }
        } else if let Some(element) = node.value().as_element() {
            for name in ["alt", "title", "aria-label", "placeholder"] {
                if let Some(value) = element.attr(name) {
                    text.push_str(value);
                    text.push(' ');
                }
            }
        }
    }
    text
}

/// The text of every XML part of a zip (a DOCX or an ODT).
fn document_text(path: &Path) -> String {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        if file.name().unwrap().ends_with(".xml") {
            let mut part = String::new();
            file.read_to_string(&mut part).unwrap();
            text.push_str(&part);
        }
    }
    text
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(css).unwrap()).collect()
}

/// The JSON the tracker page embeds for its script.
fn tracker_data(site: &Path, path: &str) -> Value {
    let page = html(site, path);
    let data = select(&page, "script#suivi-donnees");
    serde_json::from_str(&data[0].inner_html()).unwrap()
}

/// French words of livret's own interface (not content): none may show in an English site.
const FRENCH_UI_WORDS: &[&str] = &[
    "Accueil",
    "Rechercher",
    "Précédent",
    "Suivant",
    "Sommaire",
    "compétence",
    "Compétence",
    "activité",
    "Activité",
    "étudiant",
    "Télécharger",
    "Validée",
    "validée",
    "Domaine",
    "domaine",
    "Niveau",
    "Fiche",
    "fiche",
    "Imprimer",
    "Aller au contenu",
    "Fil d",
    "Version imprimable",
    "Page introuvable",
    "Formateur",
    "Année",
    "Nom et prénom",
    "Saisir",
];

fn french_words_in(text: &str) -> Vec<&'static str> {
    FRENCH_UI_WORDS
        .iter()
        .copied()
        .filter(|w| text.contains(w))
        .collect()
}

#[test]
fn the_english_framework_with_levels_speaks_english_everywhere() {
    let (_dir, site) = build_fixture("levels-en");
    let all = files(&site);
    // Paths in English, none in French.
    for path in [
        "search.html",
        "print.html",
        "activities/digital-portfolio.html",
        "competencies/1-1.html",
        "exports/matrix.csv",
        "documents/tracking-sheet.docx",
        "documents/tracking-sheet.odt",
    ] {
        assert!(site.join(path).is_file(), "{path} missing");
    }
    for french in [
        "activites/",
        "competences/",
        "recherche.html",
        "impression.html",
        "matrice.csv",
        "fiche-de-suivi",
    ] {
        assert!(
            !all.iter().any(|p| p.to_string_lossy().contains(french)),
            "a French path: {french}"
        );
    }
    // Every page: English, no French word of livret's interface.
    for path in all
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let path = path.to_string_lossy();
        let page = html(&site, &path);
        let lang = select(&page, "html")[0]
            .attr("lang")
            .unwrap_or_default()
            .to_owned();
        assert_eq!(lang, "en", "{path}");
        let found = french_words_in(&visible_text(&page));
        assert!(found.is_empty(), "{path}: French words {found:?}");
        assert!(
            !page.html().contains("lang=\"fr"),
            "{path}: a French lang attribute"
        );
    }
    // Documents: tagged English, no French word.
    for path in all.iter().filter(|p| p.starts_with("documents")) {
        let text = document_text(&site.join(path));
        assert!(!text.contains("fr-FR"), "{}: tagged French", path.display());
        assert!(
            text.contains("en-US"),
            "{}: not tagged en-US",
            path.display()
        );
        let found = french_words_in(&text);
        assert!(
            found.is_empty(),
            "{}: French words {found:?}",
            path.display()
        );
    }
    // Exports: English headers, item types and scale.
    for path in all.iter().filter(|p| p.starts_with("exports")) {
        let text = fs::read_to_string(site.join(path)).unwrap();
        let found = french_words_in(&text);
        assert!(
            found.is_empty(),
            "{}: French words {found:?}",
            path.display()
        );
    }
}

#[test]
fn the_levels_reach_the_pages_the_tracker_the_documents_and_the_exports() {
    let (_dir, site) = build_fixture("levels-en");
    let codes = ["A1", "A2", "B1", "B2", "C1", "C2"];
    // The référentiel page lists the levels and says the rule from the settings.
    let page = html(&site, "how-it-works.html");
    let levels: Vec<String> = select(&page, "ol.levels > li")
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(levels.len(), 6, "{levels:?}");
    assert!(
        levels[2].contains("validated from this level"),
        "{levels:?}"
    );
    assert!(
        levels[3].contains("counts for the certificate"),
        "{levels:?}"
    );
    let rule = select(&page, "p.rule")[0].text().collect::<String>();
    assert_eq!(
        rule,
        "The certificate is awarded to each trainee who has validated 8 of the 8 competencies, \
         at level B2 (“Expert”) or above, including at least 2 per domain."
    );
    // Three areas, 3 + 3 + 2 competencies, one page each.
    let competency_pages = files(&site.join("competencies")).len();
    assert_eq!(competency_pages, 8);
    // The tracker: one level to choose per competency, counting from B2, at least 2 per area.
    let data = tracker_data(&site, "tracker.html");
    assert_eq!(data["required"], 8);
    assert_eq!(data["max"], Value::Null);
    let mins: Vec<i64> = data["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["min"].as_i64().unwrap())
        .collect();
    assert_eq!(mins, [2, 2, 2]);
    let counting: Vec<&str> = data["levels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["counts"] == true)
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(counting, ["B2", "C1", "C2"]);
    let tracker = html(&site, "tracker.html");
    let selects = select(&tracker, "select.tracker-level");
    assert_eq!(selects.len(), 8);
    let options = select(&tracker, "select.tracker-level option");
    assert_eq!(options.len(), 8 * 7, "no level, then the six levels");
    // The fiche de suivi has a level column; each fiche's validation table one box per level.
    let sheet = document_text(&site.join("documents/tracking-sheet.docx"));
    assert!(sheet.contains(">Level<"), "no Level column");
    let fiche = document_text(&site.join("documents/observed-lesson.docx"));
    for code in codes {
        assert!(fiche.contains(&format!(">{code}<")), "{code} not a column");
    }
    // Two competencies × six levels to tick, and the two items of the fiche's checklist.
    assert_eq!(fiche.matches("<w14:checkbox>").count(), 2 * 6 + 2);
    // Moodle: the scale is the levels, proficient from B1; two levels of taxonomy (no groups).
    let moodle = fs::read_to_string(site.join("exports/ndtf-2026-moodle.csv")).unwrap();
    assert!(
        moodle.contains("Newcomer,Explorer,Integrator,Expert,Leader,Pioneer"),
        "{moodle}"
    );
    let proficient: Vec<&str> = moodle
        .match_indices(r#"""proficient"":"#)
        .map(|(i, m)| &moodle[i + m.len()..i + m.len() + 1])
        .collect();
    assert_eq!(proficient, ["0", "0", "1", "1", "1", "1"]);
    assert!(moodle.contains(r#","domain,competency""#), "taxonomy");
    // The JSON export: the scale, the areas without a pseudo-group, the rule as written.
    let json: Value =
        serde_json::from_slice(&fs::read(site.join("exports/referentiel.json")).unwrap()).unwrap();
    let referentiel = &json["referentiel"];
    assert_eq!(referentiel["levels"]["validated_from"], "B1");
    assert_eq!(referentiel["levels"]["scale"].as_array().unwrap().len(), 6);
    assert!(referentiel.get("groups").is_none());
    let sizes: Vec<usize> = referentiel["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["competencies"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [3, 3, 2]);
    assert_eq!(json["rule"]["min_per_domain"], 2);
    assert_eq!(json["rule"]["level"], "B2");
    assert!(json["rule"].get("max_missing_per_domain").is_none());
    // CASE: the scale as a rubric, a criterion per competency pointing at its item, the six levels
    // in each; the package still valid against the CFPackage schema.
    let case: Value =
        serde_json::from_slice(&fs::read(site.join("exports/ndtf-2026-case.json")).unwrap())
            .unwrap();
    let errors: Vec<String> = case_validator()
        .iter_errors(&case)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let rubrics = case["CFRubrics"].as_array().unwrap();
    assert_eq!(rubrics.len(), 1);
    let criteria = rubrics[0]["CFRubricCriteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 8);
    let items = case["CFItems"].as_array().unwrap();
    for criterion in criteria {
        let item = &criterion["CFItemURI"]["identifier"];
        assert!(
            items
                .iter()
                .any(|i| &i["identifier"] == item && i["CFItemType"] == "Competency")
        );
        let qualities: Vec<&str> = criterion["CFRubricCriterionLevels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["quality"].as_str().unwrap())
            .collect();
        assert_eq!(qualities[0], "A1 – Newcomer");
        assert_eq!(qualities.len(), 6);
    }
    // A competency with a longer statement: the title abbreviates it.
    let first = items
        .iter()
        .find(|i| i["humanCodingScheme"] == "1.1")
        .unwrap();
    assert_eq!(first["abbreviatedStatement"], "Workplace communication");
    assert_ne!(first["fullStatement"], "Workplace communication");
    // The matrix: one row per competency, one column per activity, commas in English.
    let matrix = fs::read_to_string(site.join("exports/matrix.csv")).unwrap();
    let lines: Vec<&str> = matrix.lines().collect();
    assert_eq!(lines.len(), 1 + 8);
    assert!(lines[0].contains("Domain,Code,Competency,"), "{}", lines[0]);
}

#[test]
fn the_french_lycee_framework_has_its_minimums_and_its_words() {
    let (_dir, site) = build_fixture("per-domain-fr");
    let page = html(&site, "validation.html");
    let rule = select(&page, "p.rule")[0].text().collect::<String>();
    assert_eq!(
        rule,
        "Le certificat est délivré à chaque élève qui a validé 8 compétences sur 10, avec au \
         maximum 2 compétences non validées par domaine, dont au moins 2 en P1, 1 en P2, 2 en T1, \
         1 en T2."
    );
    // The audience's words replace the university's on every page and document.
    for path in files(&site) {
        let name = path.to_string_lossy();
        let text = match path.extension().and_then(|e| e.to_str()) {
            Some("html") => visible_text(&html(&site, &name)),
            Some("docx" | "odt") => document_text(&site.join(&path)),
            _ => continue,
        };
        assert!(!text.contains("étudiant"), "{name}: « étudiant »");
        // The fiches ask the identity fields of the settings, not the university's.
        assert!(!text.contains("Établissement d’exercice"), "{name}");
        assert!(!text.contains("Formation (parcours"), "{name}");
        assert!(!text.contains("universitaire"), "{name}: « universitaire »");
    }
    // Ten competencies in four domains with their minimums, for the tracker.
    let data = tracker_data(&site, "suivi.html");
    let domains: BTreeMap<String, (usize, i64)> = data["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let code = d["code"].as_str().unwrap().to_owned();
            (
                code,
                (
                    d["codes"].as_array().unwrap().len(),
                    d["min"].as_i64().unwrap(),
                ),
            )
        })
        .collect();
    let expected: BTreeMap<String, (usize, i64)> = [
        ("P1", (3, 2)),
        ("P2", (2, 1)),
        ("T1", (3, 2)),
        ("T2", (2, 1)),
    ]
    .into_iter()
    .map(|(c, v)| (c.to_owned(), v))
    .collect();
    assert_eq!(domains, expected);
    assert_eq!(data["max"], 2);
    // The fiche de suivi: a row per year of study, the school year, each domain's minimum.
    let sheet = document_text(&site.join("documents/fiche-de-suivi.docx"));
    for words in [
        "Validées en Seconde",
        "Validées en Première",
        "Année scolaire",
        "Classe",
        "Validées au moins",
    ] {
        assert!(sheet.contains(words), "fiche de suivi: no « {words} »");
    }
    // The coverage page: every domain can reach its minimum.
    let coverage = html(&site, "couverture.html");
    let verdict = select(&coverage, "p.rule")[0].text().collect::<String>();
    assert!(
        verdict.contains("chaque domaine respecte ses limites"),
        "{verdict}"
    );
}

#[test]
fn livret_new_makes_a_handbook_that_checks_clean_in_both_languages() {
    for (lang, home_lang, activities) in [("fr", "fr", "activites"), ("en", "en", "activities")] {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("livret");
        let project_arg = project.to_string_lossy().into_owned();
        let run = livret(["new", &project_arg, "--lang", lang]).unwrap();
        assert_eq!(run.code, Some(0), "{lang}: {}", run.stderr);
        assert!(project.join("content/settings.yaml").is_file());
        assert!(project.join("schemas/settings.schema.json").is_file());
        let check = livret(["check", "--root", &project_arg, "--deny-warnings"]).unwrap();
        assert_eq!(check.code, Some(0), "{lang}: {}", check.stderr);
        assert!(check.stderr.is_empty(), "{lang}: {}", check.stderr);
        let output = dir.path().join("site");
        build_project(&project, &output);
        let home = html(&output, "index.html");
        assert_eq!(select(&home, "html")[0].attr("lang"), Some(home_lang));
        assert!(output.join(activities).is_dir(), "{lang}: no {activities}/");
        // A second `new` into the same folder changes nothing and says why.
        let before = fs::read(project.join("content/settings.yaml")).unwrap();
        let again = livret(["new", &project_arg, "--lang", lang]).unwrap();
        assert_eq!(again.code, Some(2), "{lang}: {}", again.stderr);
        assert!(again.stderr.contains("is not empty"), "{}", again.stderr);
        assert_eq!(
            fs::read(project.join("content/settings.yaml")).unwrap(),
            before
        );
    }
}
