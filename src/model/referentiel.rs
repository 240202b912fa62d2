//! `content/referentiel.yaml`: the competency framework — its groups, domains and competencies
//! (with a code index), and its optional scale of proficiency levels.
//!
//! Part of the [model](super). It must not know which framework it holds.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::span_of;
use crate::diagnostic::{SourceText, Span};

/// `content/referentiel.yaml`: the competency framework.
#[derive(Debug, Clone, Serialize)]
pub struct Referentiel {
    pub name: String,
    pub short_name: Option<String>,
    pub version: Option<String>,
    pub reference: Option<String>,
    /// Publication date of this version, ISO `YYYY-MM-DD` as written (checked by the exports).
    pub date: Option<Spanned<String>>,
    /// Whether the framework has a group level. Without one, `groups` holds a single untitled group.
    pub has_groups: bool,
    /// The proficiency scale, when the framework has one.
    pub levels: Option<Levels>,
    pub groups: Vec<Group>,
    #[serde(skip)]
    pub source: SourceText,
    /// Where `name`, `short_name` and `version` are written, for diagnostics about values derived
    /// from them (the exports' framework identifier).
    #[serde(skip)]
    pub name_span: Span,
    #[serde(skip)]
    pub short_name_span: Option<Span>,
    #[serde(skip)]
    pub version_span: Option<Span>,
    /// Competency code → (group, domain, competency) indices.
    #[serde(skip)]
    index: HashMap<String, (usize, usize, usize)>,
}

impl Referentiel {
    /// The référentiel of a run whose référentiel file failed to load: no competency at all, so
    /// that the other files can still be checked (the checks then leave the codes alone).
    pub fn unloaded() -> Self {
        Referentiel {
            name: String::new(),
            short_name: None,
            version: None,
            reference: None,
            date: None,
            has_groups: false,
            levels: None,
            groups: Vec::new(),
            source: SourceText::default(),
            name_span: Span::default(),
            short_name_span: None,
            version_span: None,
            index: HashMap::new(),
        }
    }

    pub fn new(
        raw: RawReferentiel,
        groups: Vec<Group>,
        has_groups: bool,
        source: SourceText,
    ) -> Self {
        let mut index = HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            for (d, domain) in group.domains.iter().enumerate() {
                for (c, competency) in domain.competencies.iter().enumerate() {
                    index
                        .entry(competency.code.value.clone())
                        .or_insert((g, d, c));
                }
            }
        }
        let span = |value: &Spanned<String>| span_of(&source, value);
        Referentiel {
            name_span: span(&raw.name),
            short_name_span: raw.short_name.as_ref().map(span),
            version_span: raw.version.as_ref().map(span),
            name: raw.name.value,
            short_name: raw.short_name.map(|s| s.value),
            version: raw.version.map(|v| v.value),
            reference: raw.reference,
            date: raw.date,
            has_groups,
            levels: raw.levels,
            groups,
            source,
            index,
        }
    }

    pub fn domains(&self) -> impl Iterator<Item = &Domain> {
        self.groups.iter().flat_map(|g| g.domains.iter())
    }

    pub fn competencies(&self) -> impl Iterator<Item = &Competency> {
        self.domains().flat_map(|d| d.competencies.iter())
    }

    pub fn competency(&self, code: &str) -> Option<&Competency> {
        let &(g, d, c) = self.index.get(code)?;
        Some(&self.groups[g].domains[d].competencies[c])
    }

    /// The domain a competency belongs to.
    pub fn domain_of(&self, code: &str) -> Option<&Domain> {
        let &(g, d, _) = self.index.get(code)?;
        Some(&self.groups[g].domains[d])
    }

    /// Position of a competency in référentiel order, for sorting.
    pub fn position(&self, code: &str) -> Option<(usize, usize, usize)> {
        self.index.get(code).copied()
    }
}

/// The référentiel file as written: either `groups` or `domains` at the top.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReferentiel {
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub short_name: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub version: Option<Spanned<String>>,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub date: Option<Spanned<String>>,
    #[serde(default)]
    pub levels: Option<Levels>,
    #[serde(default)]
    pub groups: Option<Vec<Group>>,
    #[serde(default)]
    pub domains: Option<Vec<Domain>>,
}

/// An ordered proficiency scale, lowest level first.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Levels {
    /// The code of the first level at which a competency counts as validated.
    #[schemars(with = "String")]
    pub validated_from: Spanned<String>,
    pub scale: Vec<Level>,
}

impl Levels {
    /// The position of the level `code` in the scale.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.scale.iter().position(|l| l.code.value == code)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    #[schemars(with = "String")]
    pub code: Spanned<String>,
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub code: Option<Spanned<String>>,
    #[serde(default)]
    pub title: Option<String>,
    pub domains: Vec<Domain>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    #[schemars(with = "String")]
    pub code: Spanned<String>,
    pub title: String,
    pub competencies: Vec<Competency>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = title_or_text)]
pub struct Competency {
    #[schemars(with = "String")]
    pub code: Spanned<String>,
    /// Its statement, or a short title when a `description` follows (`text` is the older name).
    #[serde(alias = "text")]
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// A longer statement, under the title.
    #[serde(default)]
    pub description: Option<String>,
    /// Sub-items, for a competency whose text announces a list.
    #[serde(default)]
    pub items: Vec<String>,
}

/// A competency's `title` may be written `text`, its older name (serde's alias, which schemars
/// does not see): the schema accepts either, not both.
fn title_or_text(schema: &mut schemars::Schema) {
    let Some(title) = schema
        .get("properties")
        .and_then(|p| p.get("title"))
        .cloned()
    else {
        return;
    };
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert("text".to_owned(), title);
    }
    if let Some(required) = schema.get_mut("required").and_then(|r| r.as_array_mut()) {
        required.retain(|key| key != "title");
    }
    schema.insert(
        "oneOf".to_owned(),
        serde_json::json!([{ "required": ["title"] }, { "required": ["text"] }]),
    );
}
