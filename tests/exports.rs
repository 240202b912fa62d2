//! The exports of the real handbook (and of the fixtures), read back with independent parsers: the
//! Moodle CSV satisfies every rule of shared/formats/moodle-competency-framework-csv.md, the CASE
//! package validates against the CFPackage JSON Schema, the JSON export's mapping is the activities'
//! YAML and the matrix CSV's marks are that mapping. The référentiel, the activities and the labels
//! are read from their YAML (and the catalogue's file) here, not through livret's model.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::content::{ReferentielFile, activities};
use common::{build, case_validator, copy_tree, root};

/// The taxonomy terms Moodle accepts (from the format file).
const TAXONOMY_TERMS: &[&str] = &[
    "behaviour",
    "competency",
    "concept",
    "domain",
    "indicator",
    "level",
    "outcome",
    "practice",
    "proficiency",
    "skill",
    "value",
];

/// The publication date written in content/referentiel.yaml.
const CONTENT_DATE: &str = "2011-02-03";

// ---------------------------------------------------------------------------------------------
// The content, read independently

/// The matrix's headers, mark and separator, read from the French message catalogue's lines
/// (`id = text`).
struct MatrixLabels {
    domain: String,
    code: String,
    competency: String,
    count: String,
    mark: String,
    separator: char,
}

fn matrix_labels() -> MatrixLabels {
    let text = fs::read_to_string(root().join("locales/fr/wording.ftl")).unwrap();
    let message = |id: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(&format!("{id} = ")))
            .unwrap_or_else(|| panic!("{id} in wording.ftl"))
            .to_owned()
    };
    MatrixLabels {
        domain: message("matrix-domain"),
        code: message("doc-code"),
        competency: message("doc-competency"),
        count: message("matrix-count"),
        mark: message("matrix-mark"),
        separator: message("matrix-separator").chars().next().unwrap(),
    }
}

// ---------------------------------------------------------------------------------------------
// Building

/// The single file of `dir` whose name ends with `suffix`.
fn file_ending(dir: &Path, suffix: &str) -> PathBuf {
    let found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    assert_eq!(found.len(), 1, "files ending with {suffix}: {found:?}");
    found.into_iter().next().unwrap()
}

/// Builds a copy of the minimal fixture (with `overlay` on top) with SOURCE_DATE_EPOCH set to
/// `epoch` or unset; returns the temporary folder and the site's exports folder.
fn build_fixture(overlay: Option<&str>, epoch: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let fixtures = root().join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures.join("minimal"), dir.path());
    if let Some(overlay) = overlay {
        copy_tree(&fixtures.join(overlay), dir.path());
    }
    // These tests choose the date through SOURCE_DATE_EPOCH: drop the fixture's own `date:`.
    let referentiel = dir.path().join("content/referentiel.yaml");
    let text = fs::read_to_string(&referentiel).unwrap();
    let undated: String = text
        .lines()
        .filter(|l| !l.starts_with("date:"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&referentiel, undated).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_livret"));
    command
        .env("LIVRET_LANG", "en")
        .args(["build", "--root"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH");
    if let Some(epoch) = epoch {
        command.env("SOURCE_DATE_EPOCH", epoch);
    }
    let run = command.output().unwrap();
    assert!(
        run.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let exports = dir.path().join("public/exports");
    (dir, exports)
}

// ---------------------------------------------------------------------------------------------
// Moodle

/// Checks every rule of the Moodle format on a file, and that it holds exactly the référentiel.
fn check_moodle(bytes: &[u8], referentiel: &ReferentielFile) {
    assert!(
        !bytes.starts_with(b"\xef\xbb\xbf"),
        "Moodle's format has no BOM"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(records.len() > 2, "a header, a framework and competencies");
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record.len(), 14, "row {}: {record:?}", i + 1);
    }
    // Row 1 is a header, skipped by Moodle.
    let rows: Vec<[&str; 14]> = records[1..]
        .iter()
        .map(|r| std::array::from_fn(|i| &r[i]))
        .collect();
    const PARENT: usize = 0;
    const IDNUMBER: usize = 1;
    const SHORTNAME: usize = 2;
    const FORMAT: usize = 4;
    const SCALE_VALUES: usize = 5;
    const SCALE_CONFIGURATION: usize = 6;
    const RULE_OUTCOME: usize = 8;
    const RULE_CONFIG: usize = 9;
    const IS_FRAMEWORK: usize = 12;
    const TAXONOMY: usize = 13;

    // Exactly one framework row, first.
    let frameworks: Vec<usize> = (0..rows.len())
        .filter(|&i| !rows[i][IS_FRAMEWORK].is_empty())
        .collect();
    assert_eq!(frameworks, [0], "exactly one framework row, first");
    let framework = rows[0];
    assert_eq!(framework[IS_FRAMEWORK], "1");
    assert_eq!(framework[PARENT], "");
    assert_eq!(framework[SHORTNAME], referentiel.name);

    // The scale.
    let scale: Vec<&str> = framework[SCALE_VALUES].split(',').collect();
    assert!(
        !framework[SCALE_VALUES].is_empty() && scale.iter().all(|s| !s.trim().is_empty()),
        "scale values: {:?}",
        framework[SCALE_VALUES]
    );
    let configuration: Value = serde_json::from_str(framework[SCALE_CONFIGURATION])
        .unwrap_or_else(|e| panic!("scale configuration is not JSON: {e}"));
    let entries = configuration.as_array().expect("a JSON array");
    assert!(
        entries[0]["scaleid"].is_string(),
        "first entry {{\"scaleid\":\"N\"}}: {}",
        entries[0]
    );
    let flag = |entry: &Value, key: &str| entry[key].as_u64().unwrap_or_else(|| panic!("{entry}"));
    for entry in &entries[1..] {
        let id = flag(entry, "id") as usize;
        assert!((1..=scale.len()).contains(&id), "item id {id}");
        assert!(flag(entry, "scaledefault") <= 1 && flag(entry, "proficient") <= 1);
    }
    assert!(entries[1..].iter().any(|e| flag(e, "scaledefault") == 1));
    assert!(entries[1..].iter().any(|e| flag(e, "proficient") == 1));

    // Every competency row: ID number and short name, unique ID numbers, existing parents.
    let competencies = &rows[1..];
    let mut idnumbers = HashSet::new();
    assert!(idnumbers.insert(framework[IDNUMBER]));
    for row in competencies {
        for (what, value) in [("ID number", row[IDNUMBER]), ("short name", row[SHORTNAME])] {
            assert!(!value.trim().is_empty(), "empty {what}: {row:?}");
            assert!(value.chars().count() <= 100, "{what} over 100: {value}");
        }
        assert!(!row[IDNUMBER].contains(','), "comma in {}", row[IDNUMBER]);
        assert!(
            idnumbers.insert(row[IDNUMBER]),
            "duplicate {}",
            row[IDNUMBER]
        );
        assert_eq!(row[RULE_CONFIG], "null", "{row:?}");
        assert!(["0", "1", "2", "3"].contains(&row[RULE_OUTCOME]), "{row:?}");
        assert!(row[IS_FRAMEWORK].is_empty());
    }
    for row in &rows {
        assert!(["", "0", "1", "2", "4"].contains(&row[FORMAT]), "{row:?}");
    }
    let parents: HashMap<&str, &str> = competencies
        .iter()
        .map(|r| (r[IDNUMBER], r[PARENT]))
        .collect();
    for row in competencies {
        let parent = row[PARENT];
        assert!(
            parent.is_empty() || parents.contains_key(parent),
            "{}: unknown parent {parent}",
            row[IDNUMBER]
        );
    }

    // The taxonomy: allowed terms, one per level.
    let depth = |start: &str| {
        let mut depth = 1;
        let mut parent = parents.get(start).copied().unwrap_or("");
        while !parent.is_empty() {
            depth += 1;
            assert!(depth <= rows.len(), "a cycle of parents");
            parent = parents.get(parent).copied().unwrap_or("");
        }
        depth
    };
    let levels = competencies
        .iter()
        .map(|r| depth(r[IDNUMBER]))
        .max()
        .unwrap();
    let terms: Vec<&str> = framework[TAXONOMY].split(',').collect();
    assert_eq!(terms.len(), levels, "taxonomy {terms:?}");
    assert!(
        terms.iter().all(|t| TAXONOMY_TERMS.contains(t)),
        "{terms:?}"
    );

    // Exactly the référentiel: every competency under its domain, every domain under its group.
    let mut expected: BTreeMap<&str, &str> = BTreeMap::new();
    for (group, domain, codes) in referentiel.tree() {
        if let Some(group) = group {
            expected.insert(group, "");
        }
        expected.insert(domain, group.unwrap_or(""));
        for code in codes {
            expected.insert(code, domain);
        }
    }
    let written: BTreeMap<&str, &str> = parents.into_iter().collect();
    assert_eq!(written, expected);
}

#[test]
fn the_moodle_csv_follows_every_rule_of_the_format() {
    let (_dir, site) = build();
    let referentiel = ReferentielFile::read(&root().join("content"));
    assert_eq!(referentiel.codes().len(), 28);
    let path = file_ending(&site.join("exports"), "-moodle.csv");
    check_moodle(&fs::read(&path).unwrap(), &referentiel);
}

#[test]
fn a_framework_without_groups_has_two_levels_in_every_export() {
    let (_dir, exports) = build_fixture(Some("no-groups"), Some("1296691200"));
    let content = root().join("tests/fixtures/no-groups/content");
    let referentiel = ReferentielFile::read(&content);
    let moodle = fs::read(file_ending(&exports, "-moodle.csv")).unwrap();
    check_moodle(&moodle, &referentiel);
    assert!(
        String::from_utf8(moodle)
            .unwrap()
            .contains(",\"domain,competency\"")
    );
    let package = read_json(&file_ending(&exports, "-case.json"));
    check_case(&package, &referentiel, "2011-02-03T00:00:00+00:00");
    // The JSON export lists the domains themselves, without a pseudo-group around them.
    let json = read_json(&exports.join("referentiel.json"));
    assert!(json["referentiel"].get("groups").is_none(), "{json}");
    let codes: Vec<&str> = json["referentiel"]["domains"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["competencies"].as_array().unwrap())
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, referentiel.codes());
}

// ---------------------------------------------------------------------------------------------
// CASE

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

/// A lower-case UUID as the CASE format wants it.
fn is_case_uuid(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let hex = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    };
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts.iter().all(|p| hex(p))
        && ('1'..='5').contains(&parts[2].chars().next().unwrap())
        && "89ab".contains(parts[3].chars().next().unwrap())
}

/// Validates a package against the CFPackage schema and checks identifiers, the tree and dates.
fn check_case(package: &Value, referentiel: &ReferentielFile, last_change: &str) {
    let validator = case_validator();
    let errors: Vec<String> = validator
        .iter_errors(package)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
    // Negative controls: the validator does check required keys and formats.
    let mut broken = package.clone();
    broken["CFDocument"]["lastChangeDateTime"] = Value::from("2011-02-03");
    assert!(!validator.is_valid(&broken), "date-time format not checked");
    if let Some(document) = broken["CFDocument"].as_object_mut() {
        document.remove("creator");
    }
    broken["CFDocument"]["lastChangeDateTime"] =
        package["CFDocument"]["lastChangeDateTime"].clone();
    assert!(!validator.is_valid(&broken), "required keys not checked");

    let document = &package["CFDocument"];
    let items = package["CFItems"].as_array().unwrap();
    let associations = package["CFAssociations"].as_array().unwrap();
    assert!(document.get("CFPackageURI").is_none());
    // Identifiers: the UUID pattern, unique, with `urn:uuid:` URIs.
    let mut identifiers = HashSet::new();
    for node in std::iter::once(document).chain(items).chain(associations) {
        let identifier = node["identifier"].as_str().unwrap();
        assert!(is_case_uuid(identifier), "{identifier}");
        assert!(identifiers.insert(identifier), "duplicate {identifier}");
        assert_eq!(node["uri"], format!("urn:uuid:{identifier}"));
        assert_eq!(node["lastChangeDateTime"], last_change);
        assert!(node.get("CFDocumentURI").is_none());
    }
    // Every item once, with its code; every association's endpoints exist.
    let codes: BTreeSet<&str> = items
        .iter()
        .filter(|i| i["CFItemType"] == "Compétence")
        .map(|i| i["humanCodingScheme"].as_str().unwrap())
        .collect();
    assert_eq!(codes, referentiel.codes().into_iter().collect());
    let by_id: HashMap<&str, &Value> = items
        .iter()
        .map(|i| (i["identifier"].as_str().unwrap(), i))
        .collect();
    let document_id = document["identifier"].as_str().unwrap();
    let mut parent_code: BTreeMap<&str, &str> = BTreeMap::new();
    for association in associations {
        assert_eq!(association["associationType"], "isChildOf");
        let origin = association["originNodeURI"]["identifier"].as_str().unwrap();
        let destination = association["destinationNodeURI"]["identifier"]
            .as_str()
            .unwrap();
        let child = by_id.get(origin).expect("the origin is an item");
        let parent = match destination {
            id if id == document_id => "",
            id => by_id
                .get(id)
                .expect("the destination is an item or the document")["humanCodingScheme"]
                .as_str()
                .unwrap(),
        };
        let code = child["humanCodingScheme"].as_str().unwrap();
        assert!(
            parent_code.insert(code, parent).is_none(),
            "{code} has two parents"
        );
        assert!(association["sequenceNumber"].as_u64().unwrap() >= 1);
    }
    assert_eq!(parent_code.len(), items.len(), "every item has its parent");
    for (group, domain, codes) in referentiel.tree() {
        assert_eq!(parent_code[domain], group.unwrap_or(""));
        for code in codes {
            assert_eq!(parent_code[code], domain);
        }
    }
}

#[test]
fn the_case_package_validates_and_is_dated_from_the_content() {
    let (_dir, site) = build();
    let referentiel = ReferentielFile::read(&root().join("content"));
    assert_eq!(referentiel.date.as_deref(), Some(CONTENT_DATE));
    let package = read_json(&file_ending(&site.join("exports"), "-case.json"));
    check_case(
        &package,
        &referentiel,
        &format!("{CONTENT_DATE}T00:00:00+00:00"),
    );
    assert_eq!(package["CFDocument"]["title"], referentiel.name.as_str());
    assert_eq!(package["CFItems"][0]["CFItemType"], "Groupe");
    // A competency with sub-items carries them in its statement.
    let a32 = package["CFItems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["humanCodingScheme"] == "A.3.2")
        .unwrap();
    assert!(
        a32["fullStatement"]
            .as_str()
            .unwrap()
            .ends_with("\n- le filtrage internet."),
        "{a32}"
    );
}

#[test]
fn without_a_date_the_case_package_uses_source_date_epoch_or_is_left_out() {
    let (_dir, exports) = build_fixture(None, None);
    let names: BTreeSet<String> = fs::read_dir(&exports)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["matrice.csv", "re-2024-moodle.csv", "referentiel.json"]
            .map(String::from)
            .into()
    );
    let (_dir, exports) = build_fixture(None, Some("1700000000"));
    let package = read_json(&exports.join("re-2024-case.json"));
    let referentiel = ReferentielFile::read(&root().join("tests/fixtures/minimal/content"));
    check_case(&package, &referentiel, "2023-11-14T22:13:20+00:00");
}

#[test]
fn two_builds_give_identical_exports() {
    let (_first, one) = build();
    let (_second, two) = build();
    let files = |site: &Path| -> BTreeMap<String, Vec<u8>> {
        fs::read_dir(site.join("exports"))
            .unwrap()
            .flatten()
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    };
    let (one, two) = (files(&one), files(&two));
    assert_eq!(one.len(), 4, "{:?}", one.keys());
    assert!(one == two, "the exports differ between two builds");
}

// ---------------------------------------------------------------------------------------------
// JSON and the matrix

#[test]
fn the_json_export_holds_the_referentiel_and_the_activities_mapping() {
    let (_dir, site) = build();
    let content = root().join("content");
    let json = read_json(&site.join("exports/referentiel.json"));
    let referentiel = ReferentielFile::read(&content);
    assert_eq!(json["referentiel"]["name"], referentiel.name.as_str());
    assert_eq!(json["referentiel"]["date"], CONTENT_DATE);
    let codes: Vec<&str> = json["referentiel"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["domains"].as_array().unwrap())
        .flat_map(|d| d["competencies"].as_array().unwrap())
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, referentiel.codes());
    let mapping: Vec<(String, Vec<String>)> = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let codes = a["competencies"].as_array().unwrap();
            (
                a["slug"].as_str().unwrap().to_owned(),
                codes
                    .iter()
                    .map(|c| c.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect();
    let yaml: Vec<(String, Vec<String>)> = activities(&content)
        .into_iter()
        .map(|a| (a.slug, a.competencies))
        .collect();
    assert_eq!(mapping, yaml);
    let settings = fs::read_to_string(content.join("settings.yaml")).unwrap();
    let rule = &json["rule"];
    assert!(settings.contains(&format!("required_total: {}", rule["required_total"])));
    assert!(settings.contains(&format!(
        "max_missing_per_domain: {}",
        rule["max_missing_per_domain"]
    )));
}

#[test]
fn the_matrix_csv_marks_exactly_the_mapping() {
    let (_dir, site) = build();
    let content = root().join("content");
    let labels = matrix_labels();
    let bytes = fs::read(site.join("exports/matrice.csv")).unwrap();
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("the matrix starts with a UTF-8 BOM");
    let mut separator = [0; 4];
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(labels.separator.encode_utf8(&mut separator).as_bytes()[0])
        .from_reader(body);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let activities = activities(&content);
    let header: Vec<&str> = records[0].iter().collect();
    let mut expected = vec![
        labels.domain.as_str(),
        labels.code.as_str(),
        labels.competency.as_str(),
    ];
    expected.extend(activities.iter().map(|a| a.title.as_str()));
    expected.push(&labels.count);
    assert_eq!(header, expected);
    let referentiel = ReferentielFile::read(&content);
    let codes: Vec<&str> = records[1..].iter().map(|r| &r[1]).collect();
    assert_eq!(
        codes,
        referentiel.codes(),
        "one row per competency, in order"
    );
    for record in &records[1..] {
        let code = &record[1];
        let mut count = 0;
        for (i, activity) in activities.iter().enumerate() {
            let validates = activity.competencies.iter().any(|c| c == code);
            let cell = &record[3 + i];
            assert_eq!(
                cell,
                if validates { labels.mark.as_str() } else { "" },
                "{code} × {}",
                activity.slug
            );
            count += usize::from(validates);
        }
        assert_eq!(record[3 + activities.len()], count.to_string(), "{code}");
    }
}
