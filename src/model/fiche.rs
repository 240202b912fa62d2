//! The fiche models: the forms students fill in for an activity, as blocks.
//!
//! Part of the [model](super): shapes only, no wording and no layout (the documents renderer lays
//! them out).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::bounds;
use super::unlocated;
use crate::diagnostic::SourceText;

/// A fiche model: what a student fills in for an activity. The header (titles, the competencies
/// validated) and the footer are generated from the mapping; the model only lists the blocks.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FicheModel {
    /// The fiche's title, when it differs from the activity's.
    #[serde(default)]
    pub title: Option<String>,
    /// A line under the title (Markdown inline).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub intro: Option<Spanned<String>>,
    #[schemars(with = "Vec<FicheBlock>")]
    pub blocks: Vec<Spanned<FicheBlock>>,
}

/// `content/fiches/<file>.yaml`: a fiche model kept apart from its activity (long models read
/// better alone).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FicheFile {
    /// The slug of the activity the model is for.
    #[schemars(with = "String")]
    pub activity: Spanned<String>,
    pub fiche: FicheModel,
    #[serde(skip)]
    pub source: SourceText,
}

/// One block of a fiche model, written `- heading: …`, `- field: {…}`, etc.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FicheBlock {
    /// A section heading.
    Heading(#[schemars(with = "String")] Spanned<String>),
    /// A heading one level below `heading`.
    Subheading(#[schemars(with = "String")] Spanned<String>),
    /// A paragraph of instructions (Markdown inline: emphasis, links).
    Instruction(#[schemars(with = "String")] Spanned<String>),
    /// A labelled space to write in.
    Field(FieldSpec),
    /// A table to fill in.
    Table(TableSpec),
    /// Items with boxes to tick.
    Checklist(ChecklistSpec),
    /// The activity's `annexes`, as a checklist under this title.
    Annexes(#[schemars(with = "String")] Spanned<String>),
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    #[schemars(with = "String")]
    pub label: Spanned<String>,
    #[serde(default)]
    pub help: Option<String>,
    /// Writing space, in lines.
    #[serde(default = "default_field_lines")]
    #[schemars(with = "u32", range(min = bounds::LINES.min, max = bounds::LINES.max))]
    pub lines: Spanned<u32>,
}

fn default_field_lines() -> Spanned<u32> {
    unlocated(3)
}

fn default_cell_lines() -> Spanned<u32> {
    unlocated(2)
}

/// A table: column headers, then either row headers, a number of empty rows, or rows of labelled
/// cells.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableSpec {
    #[serde(default)]
    pub caption: Option<String>,
    #[schemars(with = "Vec<ColumnSpec>")]
    pub columns: Spanned<Vec<ColumnSpec>>,
    /// Header of the row-header column, when `rows` is given.
    #[serde(default)]
    pub row_header: Option<String>,
    /// Row headers: one row each.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub rows: Vec<Spanned<String>>,
    /// Number of empty rows (without row headers).
    #[serde(default)]
    #[schemars(
        with = "Option<u32>",
        range(min = bounds::EMPTY_ROWS.min, max = bounds::EMPTY_ROWS.max)
    )]
    pub empty_rows: Option<Spanned<u32>>,
    /// Rows of labelled cells, one label per column.
    #[serde(default)]
    #[schemars(with = "Vec<Vec<String>>")]
    pub cells: Vec<Spanned<Vec<String>>>,
    /// Writing space in each cell, in lines.
    #[serde(default = "default_cell_lines")]
    #[schemars(with = "u32", range(min = bounds::LINES.min, max = bounds::LINES.max))]
    pub lines: Spanned<u32>,
}

/// A column header, written as its label alone or as `{label, help}`.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnSpec {
    pub label: String,
    pub help: Option<String>,
}

/// Written as its label alone or as `{label, help}`: either form.
impl JsonSchema for ColumnSpec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ColumnSpec".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": {
                        "label": { "type": "string" },
                        "help": { "type": ["string", "null"] }
                    },
                    "required": ["label"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for ColumnSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            label: String,
            #[serde(default)]
            help: Option<String>,
        }
        struct ColumnVisitor;
        impl<'de> serde::de::Visitor<'de> for ColumnVisitor {
            type Value = ColumnSpec;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a column label, or a mapping with `label` and `help`")
            }
            fn visit_str<E: serde::de::Error>(self, label: &str) -> Result<ColumnSpec, E> {
                Ok(ColumnSpec {
                    label: label.to_owned(),
                    help: None,
                })
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                map: M,
            ) -> Result<ColumnSpec, M::Error> {
                let full = Full::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(ColumnSpec {
                    label: full.label,
                    help: full.help,
                })
            }
        }
        deserializer.deserialize_any(ColumnVisitor)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistSpec {
    #[serde(default)]
    pub title: Option<String>,
    #[schemars(with = "Vec<String>")]
    pub items: Spanned<Vec<String>>,
}
