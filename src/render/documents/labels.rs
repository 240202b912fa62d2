//! The wording of what livret composes in documents (headers, the fiche de suivi), read from the
//! theme's `documents.yaml`, so that no sentence of the documents is written in Rust and a handbook
//! in another language only overrides that file. Values in `{{ }}` are expanded with minijinja.

use std::path::Path;

use minijinja::{Environment, Value};
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, SourceText};
use crate::load::yaml;
use crate::render::theme::{THEME_DIR, Theme};

/// The labels file, inside `theme/`.
pub const LABELS_FILE: &str = "documents.yaml";

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
    pub tracking: TrackingLabels,
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
}

impl Labels {
    pub fn load(theme: &Theme) -> Result<Labels, Diagnostic> {
        let path = Path::new(THEME_DIR).join(LABELS_FILE);
        let bytes = theme.files.get(Path::new(LABELS_FILE)).ok_or_else(|| {
            Diagnostic::error("the documents' wording file is missing")
                .in_file(&path)
                .hint("restore theme/documents.yaml (livret embeds a default one)")
        })?;
        let text = String::from_utf8_lossy(bytes);
        let source = SourceText::new(path, text.as_ref());
        let mut labels: Labels = yaml::parse(&source, &source.text)?;
        labels.source = source;
        Ok(labels)
    }

    /// Expands the `{{ }}` values of a label.
    pub fn expand(&self, template: &str, values: &Value) -> Result<String, Diagnostic> {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.render_str(template, values).map_err(|error| {
            let line = self
                .source
                .text
                .lines()
                .position(|l| l.contains(template.lines().next().unwrap_or_default()))
                .map_or(1, |i| i + 1);
            Diagnostic::error(format!(
                "value error in the documents' wording: {}",
                error.detail().unwrap_or("cannot be expanded")
            ))
            .at(self.source.span_at(line, 1))
            .hint("the values available are site, referentiel and activity (see docs/templates.md)")
        })
    }
}
