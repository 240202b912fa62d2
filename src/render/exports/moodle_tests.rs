//! Tests of the Moodle CSV export: its columns, its scale, the refusals Moodle would make.
use super::*;
use crate::model::Model;
use crate::render::exports::{FrameworkId, date::Dates};
use crate::render::labels::Labels;

/// The minimal fixture's model and the default labels.
fn minimal() -> (Model, Labels) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let (model, problems) = crate::load::load(&root);
    assert!(!problems.has_errors());
    let model = model.unwrap();
    let labels = Labels::new(&model);
    (model, labels)
}

/// The file, or the messages and `line:column`s of the refusals.
fn moodle(model: &Model, labels: &Labels) -> Result<Vec<u8>, Vec<String>> {
    let context = Context {
        model,
        labels: &labels.exports,
        framework: FrameworkId::of(&model.referentiel),
        dates: Dates {
            date: None,
            last_change: None,
        },
    };
    let mut problems = Diagnostics::new();
    let bytes = write(&context, &mut problems);
    let messages = problems
        .iter()
        .map(|p| {
            let at = p.span.as_ref().map(|s| s.line_column());
            format!("{} @ {at:?}", p.message.english())
        })
        .collect::<Vec<_>>();
    match bytes {
        Some(bytes) if messages.is_empty() => Ok(bytes),
        _ => Err(messages),
    }
}

#[test]
fn the_minimal_framework_is_written_with_fourteen_fields_per_row() {
    let (model, labels) = minimal();
    let bytes = moodle(&model, &labels).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Header, framework, 2 groups, 4 domains, 10 competencies.
    assert_eq!(rows.len(), 1 + 1 + 2 + 4 + 10);
    assert!(rows.iter().all(|r| r.len() == 14));
    assert_eq!(&rows[1][1], "RE-2024");
    assert_eq!(&rows[1][13], "domain,domain,competency");
    assert_eq!(&rows[2][1], "X");
    assert_eq!((&rows[3][0], &rows[3][1]), ("X", "X.1"));
    assert_eq!((&rows[4][0], &rows[4][1]), ("X.1", "X.1.1"));
}

#[test]
fn a_framework_id_equal_to_a_code_is_refused_at_the_short_name() {
    let (mut model, labels) = minimal();
    model.referentiel.short_name = Some("X.1".to_owned());
    model.referentiel.version = None;
    let refusals = moodle(&model, &labels).unwrap_err();
    assert_eq!(
        refusals,
        [
            "Moodle export refused: the framework's ID number `X.1` is also the code of domain `X.1` @ Some((2, 13))"
        ]
    );
}

#[test]
fn a_code_used_at_two_levels_is_left_to_the_checks() {
    let (mut model, _) = minimal();
    model.referentiel.groups[1].domains[0].code.value = "X".to_owned();
    let problems = crate::check::check(&model).problems;
    let found: Vec<_> = problems
        .iter()
        .map(|p| {
            (
                p.message.english(),
                p.span.as_ref().map(|s| s.line_column()),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("duplicate domain code `X`".to_owned(), Some((32, 15)))]
    );
}

#[test]
fn markup_in_a_text_is_refused() {
    let (mut model, labels) = minimal();
    model.referentiel.groups[1].domains[0].competencies[0]
        .title
        .value = "Utiliser <b>vraiment</b> le numérique".to_owned();
    let refusals = moodle(&model, &labels).unwrap_err();
    assert_eq!(
        refusals,
        [
            "Moodle export refused: the short name of competency `Y.1.1` contains `<b` @ Some((36, 19))"
        ]
    );
}

#[test]
fn a_group_without_code_gets_an_id_number_from_its_title_or_position() {
    let (mut model, labels) = minimal();
    model.referentiel.groups[0].code = None;
    model.referentiel.groups[1].code = None;
    model.referentiel.groups[1].title = None;
    let csv = String::from_utf8(moodle(&model, &labels).unwrap()).unwrap();
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    // Columns: parent ID number, then ID number.
    let parent_of = |id: &str| rows.iter().find(|r| r[1] == id).map(|r| r[0].clone());
    assert_eq!(
        parent_of("X.1").as_deref(),
        Some("group-competences-generales")
    );
    assert_eq!(parent_of("Y.1").as_deref(), Some("group-2"));
    assert_eq!(parent_of("group-2").as_deref(), Some(""));
    // The same référentiel, the same numbers.
    assert_eq!(moodle(&model, &labels).unwrap(), csv.into_bytes());
}

/// A three-level scale (A, B, C) validated from B.
fn with_levels(model: &mut Model, second_title: &str) {
    let level = |code: &str, title: &str| crate::model::Level {
        code: crate::model::unlocated(code.to_owned()),
        title: crate::model::unlocated(title.to_owned()),
        description: None,
    };
    model.referentiel.levels = Some(crate::model::Levels {
        validated_from: crate::model::unlocated("B".to_owned()),
        scale: vec![
            level("A", "Débutant"),
            level("B", second_title),
            level("C", "Expert"),
        ],
    });
}

#[test]
fn the_scale_is_the_levels_proficient_from_the_validating_one() {
    let (mut model, _) = minimal();
    with_levels(&mut model, "Confirmé");
    let csv = String::from_utf8(moodle(&model, &Labels::new(&model)).unwrap()).unwrap();
    assert!(csv.contains("Débutant,Confirmé,Expert"), "{csv}");
    assert!(
        csv.contains(r#"{""id"":1,""scaledefault"":1,""proficient"":0},{""id"":2,""scaledefault"":0,""proficient"":1},{""id"":3,""scaledefault"":0,""proficient"":1}"#),
        "{csv}"
    );
}

#[test]
fn a_level_title_with_a_comma_is_refused() {
    let (mut model, _) = minimal();
    with_levels(&mut model, "Confirmé, autonome");
    let refusals = moodle(&model, &Labels::new(&model)).unwrap_err();
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert!(
        refusals[0].contains("level `B` cannot be an item"),
        "{refusals:?}"
    );
}

#[test]
fn short_text_is_kept() {
    assert_eq!(shorten("X.1.1 Lire.", 100), "X.1.1 Lire.");
    let exact = "x".repeat(100);
    assert_eq!(shorten(&exact, 100), exact);
}

#[test]
fn long_text_is_cut_on_a_word_boundary() {
    let text = "X.1.1 Identifier les personnes ressources Tic et leurs rôles respectifs au niveau local, régional et national.";
    let short = shorten(text, 100);
    assert!(short.chars().count() <= 100, "{short}");
    assert_eq!(
        short,
        "X.1.1 Identifier les personnes ressources Tic et leurs rôles respectifs au niveau local, régional…"
    );
    // A trailing comma is dropped before the ellipsis.
    assert_eq!(shorten("un deux, trois", 10), "un deux…");
    // The cut falls exactly before a space: the last word is whole.
    assert_eq!(shorten("abcd efgh ijkl", 10), "abcd efgh…");
    // One long word is cut inside, still within the limit.
    let word = "é".repeat(150);
    let short = shorten(&word, 100);
    assert_eq!(short.chars().count(), 100);
    assert!(short.ends_with('…'));
}

#[test]
fn html_is_escaped_and_items_listed() {
    assert_eq!(
        escape("l'<a> & \"b\"\n  c"),
        "l'&lt;a&gt; &amp; &quot;b&quot; c"
    );
    assert_eq!(
        competency_description("Règles :", None, &["un ;".to_owned(), "<deux>".to_owned()]),
        "<p>Règles :</p><ul><li>un ;</li><li>&lt;deux&gt;</li></ul>"
    );
}

#[test]
fn scale_configuration_marks_first_default_and_last_proficient() {
    assert_eq!(
        scale_configuration(2, 1),
        r#"[{"scaleid":"1"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":1}]"#
    );
    assert_eq!(
        scale_configuration(1, 0),
        r#"[{"scaleid":"1"},{"id":1,"scaledefault":1,"proficient":1}]"#
    );
}

#[test]
fn markup_is_what_strip_tags_would_remove() {
    assert_eq!(markup("a <b> c"), Some("<b".to_owned()));
    assert_eq!(markup("</p>"), Some("</".to_owned()));
    assert_eq!(markup("a < b, c<2"), None);
    assert_eq!(markup("<"), None);
}
