//! Diagnostics, end to end: every broken handbook under `tests/fixtures/broken/` must make
//! `livret build` fail with exit code 1, name the file, line and column of each problem with the
//! expected message and hint, never panic, and leave the previous output byte for byte intact.
//!
//! Each case folder holds only the files that replace or add to `tests/fixtures/minimal/` (same
//! relative paths) and an `expect.txt` of `key: value` lines:
//!
//! ```text
//! # comment
//! delete: content/settings.yaml        remove a file of the minimal tree (any number)
//! file: content/activities/a.yaml      starts one expected diagnostic (any number)
//! line: 4                              optional: without it, a file-level error (`--> file`)
//! column: 18                           optional
//! message: unknown competency code     substring of that diagnostic's message (any number)
//! hint: did you mean                   substring expected somewhere in the output (any number)
//! absent: unknown data table           substring that must NOT be in the output (a false follow-on error)
//! errors: 3                            optional: the number of errors, when not one per `file:`
//! max_seconds: 10                      optional: the failing build must end within this time
//! ```
//!
//! The whole output of each case, in English (`LIVRET_LANG=en`) and in French (`LANG=fr_FR.UTF-8`,
//! no `LIVRET_LANG`), is also kept as a reviewed snapshot (`tests/snapshots/`, with insta): a change
//! of wording shows in review.

#[allow(dead_code)] // the helpers the other test files use
mod common;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::process::{Output, livret, livret_with};

/// At least this many broken cases must exist (so a lost folder does not silently shrink the suite).
const MIN_BROKEN_CASES: usize = 18;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

// ---------------------------------------------------------------------------------------------
// Running the binary

fn build(root: &Path) -> Result<Output, String> {
    build_in(root, &[("LIVRET_LANG", "en")])
}

/// A build in a French session: no `LIVRET_LANG`, the locale says French.
fn build_in_french(root: &Path) -> Result<Output, String> {
    let french = [
        ("LIVRET_LANG", ""),
        ("LC_ALL", ""),
        ("LC_MESSAGES", ""),
        ("LANG", "fr_FR.UTF-8"),
    ];
    build_in(root, &french)
}

fn build_in(root: &Path, env: &[(&str, &str)]) -> Result<Output, String> {
    livret_with(
        [
            OsStr::new("build"),
            OsStr::new("--root"),
            root.as_os_str(),
            OsStr::new("--output"),
            root.join("public").as_os_str(),
        ],
        env,
    )
}

// ---------------------------------------------------------------------------------------------
// Files

/// Copies the tree `from` into `to` (created as needed), skipping files named in `skip`.
/// Builds `root` and asserts success with no diagnostic at all.
fn clean_build(root: &Path) -> Output {
    let run = build(root).unwrap();
    assert_eq!(run.code, Some(0), "build failed:\n{}", run.stderr);
    assert!(
        run.stderr.is_empty(),
        "build printed diagnostics:\n{}",
        run.stderr
    );
    run
}

fn copy_tree(from: &Path, to: &Path, skip: &[&str]) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if skip.iter().any(|s| name == OsStr::new(s)) {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target, &[])?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Every file under `dir` (relative path → bytes); empty when `dir` does not exist.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(base, &path, files);
            } else {
                let bytes = fs::read(&path).unwrap_or_default();
                files.insert(path.strip_prefix(base).unwrap().to_path_buf(), bytes);
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// The differences between two snapshots, for a readable failure.
fn snapshot_diff(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
) -> Vec<String> {
    let mut diff = Vec::new();
    for (path, bytes) in before {
        match after.get(path) {
            None => diff.push(format!("removed {}", path.display())),
            Some(new) if new != bytes => diff.push(format!("changed {}", path.display())),
            Some(_) => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        diff.push(format!("added {}", path.display()));
    }
    diff
}

// ---------------------------------------------------------------------------------------------
// Expectations

#[derive(Debug, Default)]
struct Expected {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    messages: Vec<String>,
}

#[derive(Debug, Default)]
struct Case {
    expected: Vec<Expected>,
    hints: Vec<String>,
    absent: Vec<String>,
    deletes: Vec<String>,
    max_seconds: Option<u64>,
    errors: Option<usize>,
}

fn parse_expect(text: &str) -> Result<Case, String> {
    fn current<'a>(case: &'a mut Case, key: &str, at: &str) -> Result<&'a mut Expected, String> {
        case.expected
            .last_mut()
            .ok_or_else(|| format!("{at}: `{key}` before any `file:`"))
    }
    fn number(value: &str, at: &str) -> Result<usize, String> {
        value
            .parse()
            .map_err(|_| format!("{at}: not a number: {value:?}"))
    }
    let mut case = Case::default();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("expect.txt line {}", index + 1);
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| format!("{at}: no `key: value` in {raw:?}"))?;
        let (key, value) = (key.trim(), value.trim().to_owned());
        match key {
            "file" => case.expected.push(Expected {
                file: value,
                ..Expected::default()
            }),
            "line" => current(&mut case, key, &at)?.line = Some(number(&value, &at)?),
            "column" => current(&mut case, key, &at)?.column = Some(number(&value, &at)?),
            "message" => current(&mut case, key, &at)?.messages.push(value),
            "hint" => case.hints.push(value),
            "absent" => case.absent.push(value),
            "delete" => case.deletes.push(value),
            "max_seconds" => case.max_seconds = Some(number(&value, &at)? as u64),
            "errors" => case.errors = Some(number(&value, &at)?),
            other => return Err(format!("{at}: unknown key `{other}`")),
        }
    }
    if case.expected.is_empty() {
        return Err("expect.txt names no `file:`".to_owned());
    }
    Ok(case)
}

/// The diagnostics of a run's stderr: each starts at a line `error…` or `warning…` and runs to the
/// next one (its excerpt, labels and help lines included).
fn diagnostic_blocks(stderr: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("error") || line.starts_with("warning") {
            blocks.push(String::new());
        }
        if let Some(block) = blocks.last_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

/// Whether `text` contains `needle` not followed by a digit (so `:1` does not match `:15`); a needle
/// ending with `:` is already delimited.
fn contains_location(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(i, _)| {
        needle.ends_with(':')
            || !text[i + needle.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
    })
}

/// Checks one expected diagnostic against the run's error diagnostics.
fn check_expected(expected: &Expected, blocks: &[String]) -> Result<(), String> {
    let location = match (expected.line, expected.column) {
        (Some(line), Some(column)) => format!("--> {}:{line}:{column}", expected.file),
        (Some(line), None) => format!("--> {}:{line}:", expected.file),
        (None, _) => format!("--> {}", expected.file),
    };
    let errors: Vec<&String> = blocks.iter().filter(|b| b.starts_with("error")).collect();
    let at_location: Vec<&&String> = errors
        .iter()
        .filter(|b| contains_location(b, &location))
        .collect();
    if at_location.is_empty() {
        return Err(format!("no error at `{location}`"));
    }
    // The messages must be in the title line of one error at that location (not just in its excerpt).
    let matches = at_location.iter().any(|block| {
        let title = block.lines().next().unwrap_or("");
        expected.messages.iter().all(|m| title.contains(m.as_str()))
    });
    if !matches {
        return Err(format!(
            "the error(s) at `{location}` do not have the message(s) {:?}",
            expected.messages
        ));
    }
    Ok(())
}

/// What a broken case printed, in each language, for its snapshots.
struct Printed {
    english: String,
    french: String,
}

/// Runs one broken case; returns the list of what went wrong (empty when the case passes) and
/// what it printed.
fn run_case(case_dir: &Path) -> Result<(Vec<String>, Printed), String> {
    let text = fs::read_to_string(case_dir.join("expect.txt"))
        .map_err(|e| format!("cannot read expect.txt: {e}"))?;
    let case = parse_expect(&text)?;
    let temp = tempfile::tempdir().map_err(|e| format!("cannot create a temp dir: {e}"))?;
    let root = temp.path();
    copy_tree(&fixtures().join("minimal"), root, &[])
        .map_err(|e| format!("cannot copy the minimal fixture: {e}"))?;

    // A good build first: its output is what the failed build must leave untouched.
    let good = build(root)?;
    if good.code != Some(0) {
        return Err(format!(
            "the pristine minimal copy did not build (exit {:?}):\n{}",
            good.code, good.stderr
        ));
    }
    let public = root.join("public");
    let before = snapshot(&public);
    if !before.keys().any(|p| p == Path::new("index.html")) {
        return Err("the pristine build wrote no index.html".to_owned());
    }

    copy_tree(case_dir, root, &["expect.txt"]).map_err(|e| format!("cannot overlay: {e}"))?;
    for delete in &case.deletes {
        fs::remove_file(root.join(delete)).map_err(|e| format!("cannot delete {delete}: {e}"))?;
    }

    let run = build(root)?;
    let mut failures = Vec::new();
    if run.code != Some(1) {
        failures.push(format!("exit code {:?}, expected 1", run.code));
    }
    if run.stderr.contains("panicked") {
        failures.push("livret panicked".to_owned());
    }
    if !run.stderr.contains("nothing was written") {
        failures.push("no final `nothing was written` line".to_owned());
    }
    let blocks = diagnostic_blocks(&run.stderr);
    let errors = blocks.iter().filter(|b| b.starts_with("error")).count();
    let expected_errors = case.errors.unwrap_or(case.expected.len());
    if errors != expected_errors {
        failures.push(format!("{errors} error(s), expected {expected_errors}"));
    }
    for expected in &case.expected {
        if let Err(failure) = check_expected(expected, &blocks) {
            failures.push(failure);
        }
    }
    for hint in &case.hints {
        if !run.stderr.contains(hint.as_str()) {
            failures.push(format!("hint {hint:?} not in the output"));
        }
    }
    for absent in &case.absent {
        if run.stderr.contains(absent.as_str()) {
            failures.push(format!("{absent:?} should not be in the output"));
        }
    }
    if let Some(max) = case.max_seconds
        && run.elapsed > Duration::from_secs(max)
    {
        failures.push(format!(
            "took {:?}, more than the {max} s allowed",
            run.elapsed
        ));
    }
    let leftovers: Vec<String> = fs::read_dir(root)
        .map(|dir| {
            dir.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                // The lock file stays, on purpose: removing it could let two writers in.
                .filter(|name| name.contains("livret-") && name != ".public.livret-lock")
                .collect()
        })
        .unwrap_or_default();
    if !leftovers.is_empty() {
        failures.push(format!("staging folders left behind: {leftovers:?}"));
    }
    let after = snapshot(&public);
    let diff = snapshot_diff(&before, &after);
    if !diff.is_empty() {
        failures.push(format!(
            "the failed build changed the previous output: {}",
            diff.join(", ")
        ));
    }
    let french = build_in_french(root)?;
    if french.code != run.code {
        failures.push(format!("exit code {:?} in French", french.code));
    }
    if !failures.is_empty() {
        failures.push(format!("--- stderr ---\n{}", run.stderr));
    }
    let shown = |output: &Output| {
        format!("{}{}", output.stdout, output.stderr).replace(&root.display().to_string(), "[ROOT]")
    };
    let printed = Printed {
        english: shown(&run),
        french: shown(&french),
    };
    Ok((failures, printed))
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn every_broken_case_is_reported_precisely_and_keeps_the_previous_output() {
    let broken = fixtures().join("broken");
    let mut cases: Vec<PathBuf> = fs::read_dir(&broken)
        .expect("tests/fixtures/broken exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= MIN_BROKEN_CASES,
        "only {} broken cases in {}; expected at least {MIN_BROKEN_CASES}",
        cases.len(),
        broken.display()
    );
    let mut report = Vec::new();
    let mut printed = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let failures = match run_case(case) {
            Ok((failures, output)) => {
                printed.push((name.clone(), output));
                failures
            }
            Err(setup) => vec![format!("case setup: {setup}")],
        };
        if !failures.is_empty() {
            report.push(format!("=== case `{name}`:\n  {}", failures.join("\n  ")));
        }
    }
    // Compared once every case has run, so that one changed wording does not hide a failure.
    if report.is_empty() {
        for (name, output) in printed {
            insta::assert_snapshot!(format!("{name}.en"), output.english);
            insta::assert_snapshot!(format!("{name}.fr"), output.french);
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} broken cases failed:\n\n{}",
        report.len(),
        cases.len(),
        report.join("\n\n")
    );
}

#[test]
fn minimal_fixture_checks_without_writing_and_builds() {
    let minimal = fixtures().join("minimal");

    // `check` on the fixture itself: exit 0, no warnings, and not one byte written.
    let before = snapshot(&minimal);
    for extra in [None, Some("--deny-warnings")] {
        let mut args = vec![
            OsStr::new("check"),
            OsStr::new("--root"),
            minimal.as_os_str(),
        ];
        args.extend(extra.map(OsStr::new));
        let check = livret(&args).unwrap();
        assert_eq!(
            check.code,
            Some(0),
            "check {extra:?} failed:\n{}",
            check.stderr
        );
        assert!(
            check.stderr.is_empty(),
            "check printed diagnostics:\n{}",
            check.stderr
        );
        assert!(check.stdout.contains("livret: checked"), "{}", check.stdout);
        let diff = snapshot_diff(&before, &snapshot(&minimal));
        assert!(diff.is_empty(), "check wrote into the project: {diff:?}");
    }

    // `build` on a copy: exit 0, the expected pages, no warnings.
    let temp = tempfile::tempdir().unwrap();
    copy_tree(&minimal, temp.path(), &[]).unwrap();
    let run = clean_build(temp.path());
    assert!(run.stdout.contains("livret: built"), "{}", run.stdout);
    let site = snapshot(&temp.path().join("public"));
    for page in [
        "index.html",
        "presentation.html",
        "activites.html",
        "activites/observation.html",
        "activites/projet.html",
        "404.html",
        "assets/style.css",
    ] {
        assert!(
            site.contains_key(Path::new(page)),
            "{page} missing from the site: {:?}",
            site.keys().collect::<Vec<_>>()
        );
    }
    let html = |page: &str| String::from_utf8_lossy(&site[Path::new(page)]).into_owned();
    // The data table named in presentation.md's front matter is rendered there.
    assert!(html("presentation.html").contains("Master 1"));
    // Each activity page shows its competencies.
    for code in ["X.1.1", "X.1.2", "X.1.3", "X.2.1", "X.2.2"] {
        assert!(html("activites/observation.html").contains(code), "{code}");
    }
    for code in ["Y.1.1", "Y.1.2", "Y.2.1", "Y.2.2", "Y.2.3"] {
        assert!(html("activites/projet.html").contains(code), "{code}");
    }
    // Links to content sources were rewritten to pages.
    assert!(html("index.html").contains("href=\"presentation.html\""));
    assert!(html("activites/observation.html").contains("href=\"../activites/projet.html\""));

    // A second build over the first replaces it and succeeds.
    let again = build(temp.path()).unwrap();
    assert_eq!(again.code, Some(0), "rebuild failed:\n{}", again.stderr);
}

#[test]
fn usage_errors_exit_with_code_2() {
    for args in [
        &["build", "--bogus"][..],
        &["frobnicate"][..],
        &[][..],
        &["check", "--output", "x"][..],
    ] {
        let run = livret(args).unwrap();
        assert_eq!(
            run.code,
            Some(2),
            "livret {args:?}: exit {:?}\n{}",
            run.code,
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn a_referentiel_without_groups_builds_and_shows_its_competencies() {
    let temp = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("minimal"), temp.path(), &[]).unwrap();
    copy_tree(&fixtures().join("no-groups"), temp.path(), &[]).unwrap();
    clean_build(temp.path());
    let site = snapshot(&temp.path().join("public"));
    let html = |page: &str| {
        String::from_utf8_lossy(
            site.get(Path::new(page))
                .unwrap_or_else(|| panic!("no {page}")),
        )
        .into_owned()
    };
    let referentiel = html("referentiel.html");
    let observation = html("activites/observation.html");
    let projet = html("activites/projet.html");
    // (code, text, page of the activity validating it); the texts avoid characters that
    // typography or escaping would change.
    let competencies = [
        (
            "1.1",
            "Mener une recherche et une veille documentaire",
            &observation,
        ),
        ("1.2", "Gérer des données structurées", &observation),
        ("1.3", "Traiter des données pour les analyser", &observation),
        (
            "2.1",
            "Interagir avec des outils de messagerie",
            &observation,
        ),
        ("2.2", "Partager et publier des contenus", &observation),
        (
            "2.3",
            "Collaborer dans un espace de travail partagé",
            &projet,
        ),
        ("3.1", "Développer des documents textuels", &projet),
        ("3.2", "Développer des documents multimédia", &projet),
        ("3.3", "Adapter les documents à leur finalité", &projet),
        (
            "3.4",
            "Programmer un traitement automatique simple",
            &projet,
        ),
    ];
    for (code, text, activity_page) in competencies {
        for (name, page) in [
            ("referentiel.html", &referentiel),
            ("activity page", activity_page),
        ] {
            assert!(page.contains(code), "{code} missing from {name}");
            assert!(page.contains(text), "{text:?} missing from {name}");
        }
    }
    for domain in [
        "Informations et données",
        "Communication et collaboration",
        "Création de contenus",
    ] {
        assert!(referentiel.contains(domain), "domain {domain:?} missing");
    }
}

#[test]
fn links_to_documents_exports_and_assets_pass_and_a_misspelt_one_fails() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path();
    copy_tree(&fixtures().join("minimal"), root, &[]).unwrap();
    let page = root.join("content/pages/presentation.md");
    let original = fs::read_to_string(&page).unwrap();
    let links = "\n\nÀ télécharger : la [fiche](documents/observation.odt) (aussi \
                 [au format Word](documents/observation.docx)), le \
                 [référentiel](exports/referentiel.json) ; ![logo](assets/favicon.svg)\n\
                 et la [fiche du projet](activites/projet.html#contenu).\n";
    fs::write(&page, format!("{original}{links}")).unwrap();
    clean_build(root);

    let misspelt = links.replace("observation.odt", "observaton.odt");
    fs::write(&page, format!("{original}{misspelt}")).unwrap();
    let run = build(root).unwrap();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let blocks = diagnostic_blocks(&run.stderr);
    assert_eq!(blocks.len(), 1, "{}", run.stderr);
    // The original ends with a newline, then come two empty lines, then the links.
    let line = original.lines().count() + 3;
    let text = misspelt.lines().nth(2).unwrap();
    let column = text[..text.find("[fiche]").unwrap()].chars().count() + 1;
    assert!(
        contains_location(
            &blocks[0],
            &format!("--> content/pages/presentation.md:{line}:{column}")
        ),
        "{}",
        blocks[0]
    );
    assert!(
        blocks[0].contains("the site has no file documents/observaton.odt"),
        "{}",
        blocks[0]
    );
    assert!(
        blocks[0].contains("did you mean `documents/observation.odt`?"),
        "{}",
        blocks[0]
    );
}

/// The trainers' guide shows, for the five most common mistakes, exactly what livret prints in
/// French: each block after `<!-- cas: NAME -->` is the output of the broken case NAME. With
/// `UPDATE_GUIDE=1` the blocks are rewritten from the program, to review with `git diff`.
#[test]
fn the_trainers_guide_shows_what_livret_prints() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/guide-formateur.md");
    let guide = fs::read_to_string(&path).unwrap();
    let marker = "<!-- cas: ";
    let mut updated = String::new();
    let mut rest = guide.as_str();
    let mut cases = 0;
    let mut differences = Vec::new();
    while let Some(at) = rest.find(marker) {
        let name_end = rest[at..].find(" -->").map(|i| at + i).unwrap();
        let name = &rest[at + marker.len()..name_end];
        let open = rest[name_end..].find("```text\n").unwrap() + name_end + "```text\n".len();
        let close = rest[open..].find("```\n").unwrap() + open;
        let shown = &rest[open..close];
        let (failures, printed) = run_case(&fixtures().join("broken").join(name)).unwrap();
        assert!(failures.is_empty(), "case {name}: {failures:#?}");
        let french = format!("{}\n", printed.french.trim_end());
        if shown != french {
            differences.push(format!(
                "--- {name}, in the guide:\n{shown}--- printed:\n{french}"
            ));
        }
        updated.push_str(&rest[..open]);
        updated.push_str(&french);
        rest = &rest[close..];
        cases += 1;
    }
    updated.push_str(rest);
    assert_eq!(cases, 5, "the guide shows five mistakes");
    if std::env::var_os("UPDATE_GUIDE").is_some() {
        fs::write(&path, updated).unwrap();
    } else {
        assert!(
            differences.is_empty(),
            "docs/guide-formateur.md and the program disagree (UPDATE_GUIDE=1 rewrites the \
             blocks):\n{}",
            differences.join("\n")
        );
    }
}

/// The language follows `LIVRET_LANG`, then the locale, then the handbook's `language`.
#[test]
fn the_language_is_livret_lang_then_the_locale_then_the_handbook() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path();
    copy_tree(&fixtures().join("minimal"), root, &[]).unwrap();
    copy_tree(&fixtures().join("broken/wrong-type"), root, &["expect.txt"]).unwrap();
    let unset = [
        ("LIVRET_LANG", ""),
        ("LC_ALL", ""),
        ("LC_MESSAGES", ""),
        ("LANG", ""),
    ];
    let with = |pairs: &[(&'static str, &'static str)]| {
        let mut env = unset.to_vec();
        env.extend_from_slice(pairs);
        build_in(root, &env).unwrap().stderr
    };
    let french = "doit être un nombre entier";
    let english = "must be a whole number";
    // The handbook says `language: fr`; a locale that names neither language leaves it the choice.
    assert!(with(&[("LANG", "C.UTF-8")]).contains(french));
    assert!(with(&[("LANG", "en_GB.UTF-8")]).contains(english));
    assert!(with(&[("LANG", "en_GB.UTF-8"), ("LC_ALL", "fr_CA.UTF-8")]).contains(french));
    assert!(with(&[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")]).contains(english));
    assert!(with(&[("LANG", "fr_FR.UTF-8"), ("LIVRET_LANG", "en")]).contains(english));
    assert!(with(&[("LANG", "en_US.UTF-8"), ("LIVRET_LANG", "fr")]).contains(french));
}
