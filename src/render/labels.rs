//! The wording of what livret composes itself outside templates (the documents' headers, the fiche
//! de suivi, the exports' scale, item types and headers), taken from the message catalogue
//! (`locales/<language>/wording.ftl`) in the handbook's language, with the audience's words of the
//! settings. No sentence is written in Rust: this module only picks the messages and their
//! arguments, and composes the certification rule's sentence from the rule's parts.

use crate::catalogue::{Arg, Catalogue, Lang};
use crate::model::{Audience, Model, Settings};

/// Every label of the documents and exports, in the handbook's language.
#[derive(Debug, Clone)]
pub struct Labels {
    /// Language and region of the documents, e.g. `fr-FR`.
    pub language: String,
    /// Before the list of codes an activity validates.
    pub validation: String,
    /// Caption of the domain / competency table of a fiche's header.
    pub competency_table: String,
    pub code: String,
    pub competency: String,
    /// Footer text.
    pub footer: String,
    /// Words before the page number, between it and the page count, and after.
    pub page_number: [String; 3],
    /// What a field to fill in shows until the student types in it.
    pub placeholder: String,
    /// The same, short, in a table cell.
    pub table_placeholder: String,
    /// The identity block at the top of every fiche: one column each.
    pub identity: Vec<String>,
    /// The validation table at the end of every fiche.
    pub validation_table: ValidationLabels,
    pub tracking: TrackingLabels,
    pub exports: ExportLabels,
    /// The certification rule, in one sentence.
    pub rule: String,
    /// For the sentences made per document (a fiche's subject, the bilan's total).
    words: Words,
}

/// The fiche de suivi et d'évaluation.
#[derive(Debug, Clone)]
pub struct TrackingLabels {
    /// Its file name, without extension.
    pub slug: String,
    pub title: String,
    pub subject: String,
    /// Fields for the student's identity, at the top.
    pub student_fields: Vec<String>,
    /// Header of the derived column listing the activities validating each competency.
    pub activities: String,
    /// Headers of the columns to fill in.
    pub columns: Vec<String>,
    /// In the activities' column of a competency no activity validates.
    pub uncovered: String,
    pub bilan: BilanLabels,
    pub decision: DecisionLabels,
}

/// The validation table of a fiche: each competency the activity validates, ticked by the trainer.
#[derive(Debug, Clone)]
pub struct ValidationLabels {
    pub title: String,
    /// After the code and the competency: the columns to tick (validated or not, or each level)…
    pub ticks: Vec<String>,
    /// …then the columns to write in (the trainer's name, the date).
    pub columns: Vec<String>,
}

/// The bilan of the fiche de suivi: per domain, what was validated, against the rule.
#[derive(Debug, Clone)]
pub struct BilanLabels {
    pub title: String,
    /// Who establishes it and when.
    pub intro: String,
    /// The header of the rows' column (above the rows' names).
    pub domain: String,
    /// The first row: each domain's competencies.
    pub competencies: String,
    /// The rows to fill in: validated (in each year of study), not validated.
    pub to_fill: Vec<String>,
    /// The rule's rows: at most so many not validated, at least so many validated.
    pub at_most_missing: String,
    pub at_least_validated: String,
    /// The last column's header.
    pub total: String,
}

/// The decision block: who signs, and what may be decided.
#[derive(Debug, Clone)]
pub struct DecisionLabels {
    pub title: String,
    /// The signer's column, then date, name, signature.
    pub columns: Vec<String>,
    /// One row per signer.
    pub signers: Vec<String>,
    /// The decisions to tick.
    pub outcomes: Vec<String>,
}

/// The exports: their names, Moodle's scale, CASE item types, the matrix's headers.
#[derive(Debug, Clone)]
pub struct ExportLabels {
    pub names: ExportNames,
    /// Moodle's rating scale, lowest first: the first item is the default…
    pub scale: Vec<String>,
    /// …and the items from this position on are proficient.
    pub proficient_from: usize,
    pub item_types: ItemTypeLabels,
    pub matrix: MatrixLabels,
}

/// What the pages call each export.
#[derive(Debug, Clone)]
pub struct ExportNames {
    pub moodle: String,
    pub case: String,
    pub json: String,
    pub matrix: String,
}

/// CASE `CFItemType` of each level.
#[derive(Debug, Clone)]
pub struct ItemTypeLabels {
    pub group: String,
    pub domain: String,
    pub competency: String,
}

/// Headers, mark and separator of the matrix for spreadsheets.
#[derive(Debug, Clone)]
pub struct MatrixLabels {
    pub domain: String,
    pub code: String,
    pub competency: String,
    /// Header of the last column: how many activities validate the competency.
    pub count: String,
    /// In a cell where the activity validates the competency.
    pub mark: String,
    /// The field separator spreadsheets of the language expect (`;` in French).
    pub separator: char,
}

/// The catalogue of the handbook's language (English for a language livret does not speak).
pub fn catalogue_of(settings: &Settings) -> &'static Catalogue {
    Catalogue::get(Lang::from_tag(&settings.language).unwrap_or(Lang::En))
}

/// The audience's words every sentence may use (`$learner`, `$learners`, `$school_year`,
/// `$school_year_title`): the settings', else the catalogue's for the language.
pub fn audience_args(settings: &Settings) -> Vec<(String, Arg)> {
    let catalogue = catalogue_of(settings);
    let Audience {
        learner,
        learners,
        school_year,
        ..
    } = &settings.audience;
    let word = |id: &str, given: &Option<String>| {
        given
            .clone()
            .unwrap_or_else(|| catalogue.lookup(id).unwrap_or_default())
    };
    let school_year = word("audience-school-year", school_year);
    vec![
        (
            "learner".into(),
            Arg::Text(word("audience-learner", learner)),
        ),
        (
            "learners".into(),
            Arg::Text(word("audience-learners", learners)),
        ),
        (
            "school_year_title".into(),
            Arg::Text(capitalised(&school_year)),
        ),
        ("school_year".into(), Arg::Text(school_year)),
    ]
}

/// The title of a page the site makes itself (`page-title-search`…), in the handbook's language.
pub fn page_title(id: &str, settings: &Settings) -> String {
    Words {
        catalogue: catalogue_of(settings),
        audience: audience_args(settings),
    }
    .say(id)
}

/// The title of volume `number` of `total` of the print edition.
pub fn volume_title(settings: &Settings, number: usize, total: usize) -> String {
    let words = Words {
        catalogue: catalogue_of(settings),
        audience: audience_args(settings),
    };
    let (number, total) = (Arg::Number(number as f64), Arg::Number(total as f64));
    let args = [("number", number), ("total", total)];
    words.sentence("page-title-print-volume", &args)
}

/// `année universitaire` → `Année universitaire`, for a column header.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

impl Labels {
    pub fn new(model: &Model) -> Labels {
        let settings = &model.settings;
        let referentiel = &model.referentiel;
        let words = Words::of(model);
        let w = &words;
        Labels {
            language: document_language(settings, w),
            validation: w.say("doc-validation"),
            competency_table: w.say("doc-competency-table"),
            code: w.say("doc-code"),
            competency: w.say("doc-competency"),
            footer: w.sentence(
                "doc-footer",
                &[("organisation", Arg::Text(settings.organisation.clone()))],
            ),
            page_number: page_number(w),
            placeholder: w.say("doc-placeholder"),
            table_placeholder: w.say("doc-table-placeholder"),
            identity: identity_fields(settings, w, true),
            validation_table: ValidationLabels {
                title: w.say("doc-validation-title"),
                ticks: match &referentiel.levels {
                    Some(levels) => levels.scale.iter().map(|l| l.code.value.clone()).collect(),
                    None => vec![w.say("doc-validated"), w.say("doc-not-validated")],
                },
                columns: vec![w.say("doc-validation-trainer"), w.say("doc-date")],
            },
            tracking: tracking(model, w),
            exports: exports(model, w),
            rule: rule_in_words(model, w),
            words,
        }
    }

    /// The bilan's total cell when it shares the maximum's row: « 23 validées au moins ».
    pub fn bilan_total_rule(&self, required: u32) -> String {
        self.words.sentence(
            "tracking-bilan-total-rule",
            &[("required", Arg::Number(f64::from(required)))],
        )
    }

    /// The metadata subject of an activity's fiche model.
    pub fn fiche_subject(&self, activity_title: &str) -> String {
        self.words.sentence(
            "doc-subject",
            &[("activity", Arg::Text(activity_title.to_owned()))],
        )
    }
}

/// The catalogue and the arguments every message of the handbook gets.
#[derive(Debug, Clone)]
struct Words {
    catalogue: &'static Catalogue,
    audience: Vec<(String, Arg)>,
}

impl Words {
    /// The handbook's catalogue, with the audience's words and the référentiel's name.
    fn of(model: &Model) -> Words {
        let mut audience = audience_args(&model.settings);
        let name = Arg::Text(model.referentiel.name.clone());
        audience.push(("referentiel".into(), name));
        Words {
            catalogue: catalogue_of(&model.settings),
            audience,
        }
    }

    fn say(&self, id: &str) -> String {
        self.sentence(id, &[])
    }

    fn sentence(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let audience = self.audience.iter().map(|(k, v)| (k.as_str(), v));
        let all = audience.chain(args.iter().map(|(k, v)| (*k, v)));
        self.catalogue
            .format_runtime(id, all)
            .unwrap_or_else(|| id.to_owned())
    }
}

/// The handbook's language as the documents' language tag: as written when it names a region
/// (`fr-CA`), else with the catalogue's region (`fr` → `fr-FR`).
fn document_language(settings: &Settings, words: &Words) -> String {
    let written = settings.language.trim();
    let same_language = Lang::from_tag(written) == Some(words.catalogue.lang());
    if written.contains('-') || !same_language {
        written.to_owned()
    } else {
        words.say("doc-language-tag")
    }
}

/// The page-number sentence cut around the page and the page count, which the documents fill in
/// as fields.
fn page_number(words: &Words) -> [String; 3] {
    const PAGE: &str = "\u{1}";
    const PAGES: &str = "\u{2}";
    let text = words.sentence(
        "doc-page-number",
        &[
            ("page", Arg::Text(PAGE.into())),
            ("pages", Arg::Text(PAGES.into())),
        ],
    );
    let (before, rest) = text.split_once(PAGE).unwrap_or((&text, ""));
    let (between, after) = rest.split_once(PAGES).unwrap_or((rest, ""));
    [before.to_owned(), between.to_owned(), after.to_owned()]
}

fn tracking(model: &Model, w: &Words) -> TrackingLabels {
    let audience = &model.settings.audience;
    let mut columns = Vec::new();
    if model.referentiel.levels.is_some() {
        columns.push(w.say("doc-level"));
    }
    columns.extend(vec![
        w.say("doc-date"),
        w.say("tracking-validated-by"),
        w.say("tracking-remarks"),
    ]);
    let validated_in = |year: &String| {
        w.sentence(
            "tracking-bilan-validated-in",
            &[("year", Arg::Text(year.clone()))],
        )
    };
    let mut to_fill: Vec<String> = match audience.years_of_study.is_empty() {
        true => vec![w.say("tracking-bilan-validated")],
        false => audience.years_of_study.iter().map(validated_in).collect(),
    };
    to_fill.push(w.say("tracking-bilan-not-validated"));
    let intro = match audience.years_of_study.is_empty() {
        true => w.say("tracking-bilan-intro"),
        false => w.sentence(
            "tracking-bilan-intro-years",
            &[("years", Arg::Text(listed(w, &audience.years_of_study)))],
        ),
    };
    TrackingLabels {
        slug: w.say("tracking-file-name"),
        title: w.say("tracking-title"),
        subject: w.say("tracking-subject"),
        student_fields: identity_fields(&model.settings, w, false),
        activities: w.say("tracking-activities"),
        columns,
        uncovered: w.say("tracking-uncovered"),
        bilan: BilanLabels {
            title: w.say("tracking-bilan-title"),
            intro,
            domain: w.say("tracking-bilan-domain"),
            competencies: w.say("tracking-bilan-competencies"),
            to_fill,
            at_most_missing: w.say("tracking-bilan-at-most-missing"),
            at_least_validated: w.say("tracking-bilan-at-least-validated"),
            total: w.say("tracking-bilan-total"),
        },
        decision: DecisionLabels {
            title: w.say("tracking-decision-title"),
            columns: vec![
                String::new(),
                w.say("doc-date"),
                w.say("tracking-decision-name"),
                w.say("tracking-decision-signature"),
            ],
            signers: vec![
                w.say("tracking-decision-head"),
                w.say("tracking-decision-board"),
            ],
            outcomes: vec![
                w.say("tracking-decision-proposed"),
                w.say("tracking-decision-not-proposed"),
            ],
        },
    }
}

/// The identity block's fields: the settings' own, else the catalogue's (the fiches ask for the
/// school too when `with_school`; the fiche de suivi does not).
fn identity_fields(settings: &Settings, w: &Words, with_school: bool) -> Vec<String> {
    if !settings.audience.identity_fields.is_empty() {
        return settings.audience.identity_fields.clone();
    }
    let mut fields = vec![
        w.say("doc-identity-name"),
        w.say("doc-identity-course"),
        w.say("doc-identity-year"),
    ];
    if with_school {
        fields.push(w.say("doc-identity-school"));
    }
    fields
}

/// `M1`, `M2` and `M3` → « M1, M2 et M3 », in the catalogue's words.
fn listed(w: &Words, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => w.sentence(
            "list-and",
            &[
                ("rest", Arg::Text(rest.join(&w.say("rule-list-separator")))),
                ("last", Arg::Text(last.clone())),
            ],
        ),
    }
}

fn exports(model: &Model, w: &Words) -> ExportLabels {
    let (scale, proficient_from) = match &model.referentiel.levels {
        Some(levels) => (
            levels.scale.iter().map(|l| l.title.value.clone()).collect(),
            levels.position(&levels.validated_from.value).unwrap_or(0),
        ),
        None => (vec![w.say("doc-not-validated"), w.say("doc-validated")], 1),
    };
    let separator = w.say("matrix-separator").chars().next().unwrap_or(',');
    ExportLabels {
        names: ExportNames {
            moodle: w.say("export-name-moodle"),
            case: w.say("export-name-case"),
            json: w.say("export-name-json"),
            matrix: w.say("export-name-matrix"),
        },
        scale,
        proficient_from,
        item_types: ItemTypeLabels {
            group: w.say("case-type-group"),
            domain: w.say("case-type-domain"),
            competency: w.say("case-type-competency"),
        },
        matrix: MatrixLabels {
            domain: w.say("matrix-domain"),
            code: w.say("doc-code"),
            competency: w.say("doc-competency"),
            count: w.say("matrix-count"),
            mark: w.say("matrix-mark"),
            separator,
        },
    }
}

/// The certification rule in one sentence, in the handbook's language.
pub fn rule_sentence(model: &Model) -> String {
    rule_in_words(model, &Words::of(model))
}

/// The certification rule in one sentence, clause by clause: the total, then the level, the
/// per-domain maximum and the per-domain minimums the rule sets.
fn rule_in_words(model: &Model, w: &Words) -> String {
    let rule = &model.settings.certification;
    let referentiel = &model.referentiel;
    let total = referentiel.competencies().count();
    let number = |n: u32| Arg::Number(f64::from(n));
    let mut clauses = Vec::new();
    let counting = referentiel.levels.as_ref().zip(model.counting_level());
    if let Some(level) = counting.and_then(|(levels, position)| levels.scale.get(position)) {
        clauses.push(w.sentence(
            "rule-clause-level",
            &[
                ("level", Arg::Text(level.code.value.clone())),
                ("title", Arg::Text(level.title.value.clone())),
            ],
        ));
    }
    if let Some(max) = rule.max_missing() {
        clauses.push(w.sentence("rule-clause-max", &[("max", number(max))]));
    }
    if rule.domain_minimums.is_empty() {
        if let Some(min) = &rule.min_per_domain {
            clauses.push(w.sentence("rule-clause-min", &[("min", number(min.value))]));
        }
    } else {
        let each: Vec<String> = referentiel
            .domains()
            .map(|d| (d, rule.minimum_for(&d.code.value)))
            .filter(|(_, min)| *min > 0)
            .map(|(d, min)| {
                w.sentence(
                    "rule-minimum-item",
                    &[
                        ("min", number(min)),
                        ("domain", Arg::Text(d.code.value.clone())),
                    ],
                )
            })
            .collect();
        clauses.push(w.sentence(
            "rule-clause-minimums",
            &[(
                "minimums",
                Arg::Text(each.join(&w.say("rule-list-separator"))),
            )],
        ));
    }
    w.sentence(
        "rule-statement",
        &[
            ("required", number(rule.required(total))),
            ("total", Arg::Number(total as f64)),
            ("clauses", Arg::Text(clauses.concat())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::unlocated;

    /// The minimal fixture's model, in `language`.
    fn model(language: &str) -> Model {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut model = crate::load::load(&root)
            .0
            .expect("the minimal fixture loads");
        model.settings.language = language.to_owned();
        model
    }

    #[test]
    fn every_label_is_in_the_catalogue_of_both_languages() {
        for language in ["fr", "en"] {
            let mut labels = Labels::new(&model(language));
            // The fiche de suivi's file name may start like a message id.
            labels.tracking.slug.clear();
            let labels = format!("{labels:?}");
            for prefix in [
                "doc-",
                "tracking-",
                "export-",
                "case-",
                "matrix-",
                "rule-",
                "audience-",
            ] {
                assert!(
                    !labels.contains(&format!("\"{prefix}")),
                    "{language}: a label is its id: {labels}"
                );
            }
            let separator = Labels::new(&model(language)).exports.matrix.separator;
            assert!(separator.is_ascii_punctuation(), "{separator:?}");
        }
    }

    #[test]
    fn the_rule_is_said_clause_by_clause_with_plurals() {
        let mut model = model("fr");
        let rule = &mut model.settings.certification;
        rule.required_total = Some(unlocated(3));
        rule.max_missing_per_domain = Some(unlocated(1));
        rule.min_per_domain = None;
        rule.domain_minimums.clear();
        let total = model.referentiel.competencies().count();
        assert_eq!(
            rule_sentence(&model),
            format!(
                "Le certificat est délivré à chaque étudiant qui a validé 3 compétences sur {total}, \
                 avec au maximum 1 compétence non validée par domaine."
            )
        );
        model.settings.language = "en".to_owned();
        model.settings.audience.learner = Some("trainee".to_owned());
        let rule = &mut model.settings.certification;
        rule.max_missing_per_domain = None;
        rule.min_per_domain = Some(unlocated(1));
        let first = model
            .referentiel
            .domains()
            .next()
            .unwrap()
            .code
            .value
            .clone();
        rule.domain_minimums.insert(first.clone(), unlocated(2));
        let sentence = rule_sentence(&model);
        assert!(
            sentence.starts_with(&format!(
                "The certificate is awarded to each trainee who has validated 3 of the {total} \
                 competencies, including at least 2 in {first}, 1 in "
            )),
            "{sentence}"
        );
        assert!(!sentence.contains("at most"), "{sentence}");
    }
}
