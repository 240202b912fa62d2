//! The wording of what livret composes itself outside templates (the documents' headers, the fiche
//! de suivi, the exports' scale and item types), read from the theme's `labels.yaml`, so that no
//! sentence is written in Rust and a handbook in another language only overrides that file. Values
//! in `{{ }}` are expanded with minijinja.

use std::path::Path;

use minijinja::Value;
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, SourceText};
use crate::load::yaml;
use crate::msg;
use crate::render::site::{text_environment, text_error};
use crate::render::theme::{THEME_DIR, Theme};

/// The labels file, inside `theme/`.
pub const LABELS_FILE: &str = "labels.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Language and region of the documents, e.g. `fr-FR`.
    pub language: String,
    /// Before the list of codes an activity validates.
    pub validation: String,
    /// Caption of the domain / competency table of a fiche's header.
    pub competency_table: String,
    pub code: String,
    pub competency: String,
    /// Metadata subject of a fiche (template).
    pub subject: String,
    /// Footer text (template).
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
    #[serde(skip)]
    source: SourceText,
}

/// The fiche de suivi et d'évaluation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackingLabels {
    pub slug: String,
    pub title: String,
    pub subject: String,
    /// Fields for the student's identity, at the top.
    pub student_fields: Vec<String>,
    /// The certification rule (template).
    pub rule: String,
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
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidationLabels {
    pub title: String,
    /// After the code and the competency: the columns to tick (validated or not)…
    pub ticks: Vec<String>,
    /// …then the columns to write in (the trainer's name, the date).
    pub columns: Vec<String>,
}

/// The bilan of the fiche de suivi: per domain, what was validated, against the rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BilanLabels {
    pub title: String,
    /// Who establishes it and when (template).
    pub intro: String,
    /// The header of the rows' column (above the rows' names).
    pub domain: String,
    /// The rows, one column per domain: the domain's competencies, the rows to fill in, then the
    /// rule's maximum of non-validated competencies.
    pub rows: Vec<String>,
    /// The last column's header.
    pub total: String,
    /// The last column's rule cell (template).
    pub total_rule: String,
}

/// The decision block: who signs, and what may be decided.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionLabels {
    pub title: String,
    /// The signer's column, then date, name, signature.
    pub columns: Vec<String>,
    /// One row per signer.
    pub signers: Vec<String>,
    /// The decisions to tick.
    pub outcomes: Vec<String>,
}

/// The exports: their names, Moodle's scale and taxonomy, CASE item types, the matrix's headers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportLabels {
    pub names: ExportNames,
    /// Moodle's rating scale, lowest first: the first item is the default, the last proficient.
    pub scale: Vec<String>,
    pub taxonomy: TaxonomyLabels,
    pub item_types: ItemTypeLabels,
    pub matrix: MatrixLabels,
}

/// What the pages call each export.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportNames {
    pub moodle: String,
    pub case: String,
    pub json: String,
    pub matrix: String,
}

/// Moodle taxonomy terms, one per level from the top.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyLabels {
    pub with_groups: Vec<String>,
    pub without_groups: Vec<String>,
}

/// CASE `CFItemType` of each level.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemTypeLabels {
    pub group: String,
    pub domain: String,
    pub competency: String,
}

/// Headers, mark and separator of the matrix for spreadsheets.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
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

impl Labels {
    pub fn load(theme: &Theme) -> Result<Labels, Diagnostic> {
        let path = Path::new(THEME_DIR).join(LABELS_FILE);
        let bytes = theme.files.get(Path::new(LABELS_FILE)).ok_or_else(|| {
            Diagnostic::error(msg!("labels-missing"))
                .in_file(&path)
                .hint(msg!("labels-missing-hint"))
        })?;
        let text = String::from_utf8_lossy(bytes);
        let source = SourceText::new(path, text.as_ref());
        let mut labels: Labels = yaml::parse_unchecked(&source, &source.text)?;
        labels.source = source;
        Ok(labels)
    }

    /// Expands the `{{ }}` values of a label.
    pub fn expand(&self, template: &str, values: &Value) -> Result<String, Diagnostic> {
        text_environment(&self.language)
            .render_str(template, values)
            .map_err(|error| {
                let line = self
                    .source
                    .text
                    .lines()
                    .position(|l| l.contains(template.lines().next().unwrap_or_default()))
                    .map_or(1, |i| i + 1);
                let problem = if error.kind() == minijinja::ErrorKind::OutOfFuel {
                    text_error(&error)
                } else {
                    Diagnostic::error(msg!(
                        "labels-value-error",
                        problem = super::site::environment::engine_problem(&error)
                    ))
                    .hint(msg!("labels-value-error-hint"))
                };
                problem.at(self.source.span_at(line, 1))
            })
    }
}
