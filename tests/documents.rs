//! The documents of the real handbook: every ODT and DOCX is a valid zip of well-formed XML, ODT's
//! mimetype comes first and stored, the text holds every label of the fiche model (read from the
//! YAML independently of livret) and the competency codes of the activity, and the pages link to
//! the documents with their real sizes.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::Path;

use quick_xml::events::Event;
use scraper::{Html, Selector};
use serde::Deserialize;
use serde_json::Value;

mod common;
use common::{build, root};

/// Every entry of a zip, in order, with whether it is stored (not compressed).
fn entries(path: &Path) -> Vec<(String, bool, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: not a zip: {e}", path.display()));
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let stored = file.compression() == zip::CompressionMethod::Stored;
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), stored, bytes)
        })
        .collect()
}

/// Parses an XML part completely, checking tags balance; returns its text content.
fn xml_text(name: &str, bytes: &[u8]) -> String {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut text = String::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => stack.push(e.name().as_ref().to_vec()),
            Ok(Event::End(e)) => {
                let open = stack
                    .pop()
                    .unwrap_or_else(|| panic!("{name}: unbalanced end tag"));
                assert_eq!(open, e.name().as_ref(), "{name}: mismatched tags");
                // Paragraph and cell ends separate words in the extracted text.
                text.push(' ');
            }
            Ok(Event::Text(t)) => text.push_str(&t.decode().unwrap()),
            Ok(Event::GeneralRef(r)) => {
                let entity = String::from_utf8_lossy(&r).into_owned();
                text.push_str(match entity.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("{name}: unexpected entity {other}"),
                });
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name}: malformed XML: {e}"),
        }
        buf.clear();
    }
    assert!(stack.is_empty(), "{name}: unclosed elements {stack:?}");
    text
}

/// Folds what typography changes, so YAML text can be found in the document's text.
fn normalize(text: &str) -> String {
    let text = text
        .replace(['\u{a0}', '\u{202f}'], " ")
        .replace('\u{2019}', "'")
        .replace("...", "…")
        .replace(['*', '`'], "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `[text](url)` → `text`.
fn link_texts(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[derive(Deserialize)]
struct ActivityFile {
    slug: String,
    competencies: Vec<String>,
    #[serde(default)]
    annexes: Vec<String>,
    #[serde(default)]
    fiche: Option<Value>,
}

/// Every string of a YAML value, but keys and numbers.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn activities() -> Vec<ActivityFile> {
    let mut out: Vec<ActivityFile> = fs::read_dir(root().join("content/activities"))
        .unwrap()
        .flatten()
        .map(|e| serde_saphyr::from_str(&fs::read_to_string(e.path()).unwrap()).unwrap())
        .collect();
    out.sort_by(|a, b| a.slug.cmp(&b.slug));
    out
}

#[test]
fn every_document_is_a_valid_package_with_every_label_and_code() {
    let (_dir, output) = build();
    let activities = activities();
    assert!(
        activities.iter().all(|a| a.fiche.is_some()),
        "every activity has a fiche model"
    );
    let mut checked = 0;
    for activity in &activities {
        let mut expected: Vec<String> = Vec::new();
        strings(activity.fiche.as_ref().unwrap(), &mut expected);
        expected.extend(activity.competencies.iter().cloned());
        expected.extend(activity.annexes.iter().cloned());
        for extension in ["odt", "docx"] {
            let path = output.join(format!("documents/{}.{extension}", activity.slug));
            let parts = entries(&path);
            if extension == "odt" {
                let (name, stored, bytes) = &parts[0];
                assert_eq!(name, "mimetype", "{}", path.display());
                assert!(stored, "{}: mimetype compressed", path.display());
                assert_eq!(bytes, b"application/vnd.oasis.opendocument.text");
            }
            let mut text = String::new();
            for (name, _, bytes) in parts
                .iter()
                .filter(|(n, _, _)| n.ends_with(".xml") || n.ends_with(".rels"))
            {
                let part_text = xml_text(&format!("{}:{name}", path.display()), bytes);
                if name == "content.xml" || name == "word/document.xml" {
                    text = normalize(&part_text);
                }
            }
            for label in &expected {
                // Instructions may hold Markdown links: compare their visible text only.
                let label = normalize(&link_texts(label));
                assert!(
                    text.contains(&label),
                    "{}: missing {label:?}",
                    path.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "only {checked} labels checked");
}

#[test]
fn fiche_de_suivi_lists_every_competency_with_the_activities_that_validate_it() {
    let (_dir, output) = build();
    let activities = activities();
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    for activity in &activities {
        for code in &activity.competencies {
            *by_code.entry(code.clone()).or_default() += 1;
        }
    }
    let parts = entries(&output.join("documents/fiche-de-suivi.odt"));
    let content = parts.iter().find(|(n, _, _)| n == "content.xml").unwrap();
    let text = normalize(&xml_text("content.xml", &content.2));
    for code in by_code.keys() {
        assert!(text.contains(code.as_str()), "fiche de suivi lacks {code}");
    }
    let settings = fs::read_to_string(root().join("content/settings.yaml")).unwrap();
    let required = settings
        .lines()
        .find_map(|l| l.trim().strip_prefix("required_total:"))
        .unwrap()
        .trim();
    assert!(
        text.contains(&format!("validé {required} compétences")),
        "rule not stated from settings"
    );
}

#[test]
fn activity_pages_link_to_their_documents_with_real_sizes() {
    let (_dir, output) = build();
    let link = Selector::parse("main a[href$=\".odt\"], main a[href$=\".docx\"]").unwrap();
    for activity in activities() {
        let page = output.join(format!("activites/{}.html", activity.slug));
        let doc = Html::parse_document(&fs::read_to_string(&page).unwrap());
        let links: Vec<_> = doc.select(&link).collect();
        assert_eq!(links.len(), 2, "{}: ODT and DOCX links", activity.slug);
        for a in links {
            let href = a.value().attr("href").unwrap();
            let file = page.parent().unwrap().join(href);
            let size = fs::metadata(&file).unwrap().len();
            let item = a.parent().and_then(scraper::ElementRef::wrap).unwrap();
            let shown: String = item.text().collect();
            let kilobytes = size.div_ceil(1024);
            assert!(
                normalize(&shown).contains(&format!("{kilobytes} Ko")),
                "{}: {href} is {size} bytes, the page says {shown:?}",
                activity.slug
            );
        }
    }
    let downloads =
        Html::parse_document(&fs::read_to_string(output.join("documents.html")).unwrap());
    let count = downloads.select(&link).count();
    let files = fs::read_dir(output.join("documents")).unwrap().count();
    assert_eq!(count, files, "the downloads page lists every document file");
}

/// Every label of the source's séance template (« Préparer, présenter une séance utilisant les
/// TUICE », accents repaired), which the « création et animation » model must reproduce.
const SEANCE_LABELS: &[&str] = &[
    "Préparer, présenter une séance utilisant les TUICE",
    "Joindre des fiches élèves, profs, retours d'expérience",
    "Contexte de la séance (cours, leçon",
    "Niveau concerné",
    "Titre de la séance",
    "Diagnostic",
    "Place de la séance dans la séquence pédagogique",
    "Exposé de la problématique",
    "L'enseignant exprime clairement ses intentions",
    "Objectifs pédagogiques (références aux programmes)",
    "Les compétences sont à préciser pour les élèves",
    "Disciplinaires",
    "Transversaux",
    "TUICE",
    "Organisation pédagogique et matérielle de la classe",
    "Vous pouvez annexer photos, plans",
    "Déroulement de la séance",
    "Gestion du temps, rotations, alternances, étapes",
    "Mise en place de la situation d'apprentissage",
    "préciser les éléments déclencheurs de la séance",
    "Temps forts de la séance",
    "Écoute – Participation – Échanges",
    "Temps de synthèse(s) avec les élèves",
    "Préciser à quels moments ils se situent",
    "Bilan de la séance et traces",
    "Que reste-t-il et sous quelle(s) forme(s) ?",
    "Modalités de mise en œuvre",
    "Activités prévues (nature des actions)",
    "Tâches à effectuer",
    "ce que l'élève fait réellement",
    "Production(s) envisagée(s)",
    "Évaluation(s) : critères et modalités ?",
    "Analyse finale, traces",
    "Documents mis à disposition des élèves",
    "Joindre des exemples et les déposer",
    "Logiciel(s) utilisé(s)",
    "Label RIP ou non",
    "Joindre une production, une trace de l'activité de l'élève",
    "Compétences évaluées : disciplinaires / socle commun, B2i, C2i",
    "Prérequis",
    "en particulier Tic",
    "Respect de l'éthique pour les documents utilisés ou produits ?",
    "Quels apprentissages pour les élèves ?",
    "En quoi la séance prévue est-elle propice aux TUICE ?",
];

#[test]
fn seance_model_reproduces_every_label_of_the_source_template() {
    let (_dir, output) = build();
    for extension in ["odt", "docx"] {
        let path = output.join(format!("documents/creation-animation.{extension}"));
        let parts = entries(&path);
        let (name, _, bytes) = parts
            .iter()
            .find(|(n, _, _)| n == "content.xml" || n == "word/document.xml")
            .unwrap();
        let text = normalize(&xml_text(name, bytes));
        let missing: Vec<&&str> = SEANCE_LABELS
            .iter()
            .filter(|label| !text.contains(&normalize(label)))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: missing {missing:?}",
            path.display()
        );
    }
}

/// The rule sentence comes from the message catalogue, whose plurals follow the numbers: « au
/// maximum 1 compétence non validée » where the minimal handbook allows one (it used to read « 1
/// compétences »), « 2 compétences non validées » in the C2i2e's.
#[test]
fn the_rule_sentence_agrees_with_its_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = dir.path().join("minimal");
    common::build_project(&root().join("tests/fixtures/minimal"), &minimal);
    let (_dir, handbook) = build();
    for (site, expected) in [
        (&minimal, "au maximum 1 compétence non validée par domaine"),
        (
            &handbook,
            "au maximum 2 compétences non validées par domaine",
        ),
    ] {
        let parts = entries(&site.join("documents/fiche-de-suivi.odt"));
        let content = parts.iter().find(|(n, _, _)| n == "content.xml").unwrap();
        let text = normalize(&xml_text("content.xml", &content.2));
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}
