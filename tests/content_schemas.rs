//! The handbook's YAML files against the JSON Schemas livret writes for editors, checked by a real
//! validator (the `jsonschema` crate) reading the YAML as an editor does (plain `3` is a number):
//! every content file declares its schema on its first line and passes it, and the mistakes a
//! trainer makes (a misspelt key, a list written as text, a missing title) fail it, as they would
//! be underlined in VS Code with the YAML extension.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The kinds of content file, by folder (or file) of the handbook.
const KINDS: &[(&str, &str)] = &[
    ("content/settings.yaml", "settings"),
    ("content/referentiel.yaml", "referentiel"),
    ("content/activities", "activity"),
    ("content/fiches", "fiche"),
    ("content/data", "data"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The handbook's YAML files with the kind of each.
fn content_files() -> Vec<(PathBuf, &'static str)> {
    let mut files = Vec::new();
    for (place, kind) in KINDS {
        let path = root().join(place);
        if path.is_file() {
            files.push((path, *kind));
        } else if path.is_dir() {
            for entry in fs::read_dir(&path).unwrap() {
                let file = entry.unwrap().path();
                if file.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    files.push((file, *kind));
                }
            }
        }
    }
    files.sort();
    files
}

fn schema(kind: &str) -> Value {
    let path = root().join("schemas").join(format!("{kind}.schema.json"));
    serde_json::from_slice(&fs::read(&path).unwrap()).unwrap()
}

/// The YAML as JSON, its plain scalars typed as YAML 1.2 (and editors) read them.
fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).unwrap()
}

fn errors(kind: &str, text: &str) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema(kind)).unwrap();
    let instance = yaml(text);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_content_file_names_its_schema_on_its_first_line() {
    let files = content_files();
    assert!(files.len() >= 9, "the handbook has its content files");
    for (path, kind) in files {
        let text = fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let target = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{}: first line {first:?}", path.display()));
        let schema = path.parent().unwrap().join(target);
        let expected = root().join("schemas").join(format!("{kind}.schema.json"));
        assert_eq!(
            fs::canonicalize(&schema).ok(),
            fs::canonicalize(&expected).ok(),
            "{}: $schema={target} is not {}",
            path.display(),
            expected.display()
        );
    }
}

#[test]
fn every_content_file_passes_its_schema() {
    for (path, kind) in content_files() {
        let text = fs::read_to_string(&path).unwrap();
        let found = errors(kind, &text);
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
    }
}

/// An activity of the handbook with one line changed.
fn activity_with(from: &str, to: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/activities/sitographie.yaml");
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "the activity has {from:?}");
    text.replacen(from, to, 1)
}

#[test]
fn a_misspelt_key_fails_its_schema() {
    let found = errors("activity", &activity_with("\nsummary:", "\nsumary:"));
    assert!(found.iter().any(|e| e.contains("sumary")), "{found:#?}");
}

#[test]
fn a_list_written_as_text_fails_its_schema() {
    let text = activity_with(
        "\ncompetencies:",
        "\ncompetencies: \"A.1.1\"\nx_old_competencies:",
    );
    let found = errors("activity", &text);
    assert!(
        found
            .iter()
            .any(|e| e.contains("/competencies") && e.contains("array")),
        "{found:#?}"
    );
}

#[test]
fn a_missing_title_fails_its_schema() {
    let found = errors("activity", &activity_with("\ntitle:", "\nx_title:"));
    assert!(
        found
            .iter()
            .any(|e| e.contains("\"title\" is a required property")),
        "{found:#?}"
    );
}
