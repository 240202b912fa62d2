//! Exports: the référentiel and the mapping in formats other tools read (Moodle's competency
//! framework CSV, a CASE 1.0 package, JSON, the matrix as CSV).
//!
//! Each export is one entry of [`EXPORTERS`]: a file name, a media type, the name the pages show
//! (from the theme's labels) and a writer. Writers read the model and the labels and return bytes;
//! an export that would be wrong is not written at all, and its writer says why in a diagnostic
//! located at the YAML value at fault. Exports are deterministic: the same content gives the same
//! bytes. Nothing here reads the clock (dates come from the content, see [`date`]), writes to disk
//! (the output stage does) or produces HTML pages (the site links to the exports).

mod case;
mod date;
mod json;
mod matrix;
mod moodle;

use serde::Serialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::model::{Model, Referentiel, span_of};
use crate::msg;

use super::OutputFile;
use super::labels::{ExportLabels, ExportNames, Labels};
use super::markdown::slugify;
use super::paths::Paths;

/// Folder of the site holding the exports.
pub const EXPORTS_DIR: &str = "exports";

/// The environment variable of reproducible builds: the date of the CASE package when the
/// référentiel has no `date:`.
const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// One export file, as the pages list it.
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    /// What it is, for readers: « Moodle (CSV) ».
    pub name: String,
    /// Path from the site root.
    pub path: String,
    pub media_type: &'static str,
    pub bytes: usize,
    pub kilobytes: usize,
}

/// An export format and its writer.
struct Exporter {
    file: FileName,
    media_type: &'static str,
    /// Its name for readers, from the labels.
    name: fn(&ExportNames) -> &str,
    /// The file's bytes, or `None` when it must not be written (the reason is in the diagnostics).
    write: fn(&Context, &mut Diagnostics) -> Option<Vec<u8>>,
}

/// How an export's file is named.
enum FileName {
    /// `<framework file stem>-<suffix>`: a file that describes the framework for another system.
    Framework(&'static str),
    Fixed(&'static str),
    /// The matrix's name in the handbook's language.
    Matrix,
}

/// Every export, in the order the pages list them.
const EXPORTERS: &[Exporter] = &[
    Exporter {
        file: FileName::Framework("moodle.csv"),
        media_type: "text/csv",
        name: |names| &names.moodle,
        write: moodle::write,
    },
    Exporter {
        file: FileName::Framework("case.json"),
        media_type: "application/json",
        name: |names| &names.case,
        write: case::write,
    },
    Exporter {
        file: FileName::Fixed("referentiel.json"),
        media_type: "application/json",
        name: |names| &names.json,
        write: json::write,
    },
    Exporter {
        file: FileName::Matrix,
        media_type: "text/csv",
        name: |names| &names.matrix,
        write: matrix::write,
    },
];

/// What every writer reads.
struct Context<'a> {
    model: &'a Model,
    labels: &'a ExportLabels,
    framework: FrameworkId,
    dates: date::Dates,
}

/// Writes every export into `files`; a problem that would make an export wrong is a diagnostic.
pub fn render(
    model: &Model,
    labels: &Labels,
    files: &mut Vec<OutputFile>,
    problems: &mut Diagnostics,
) -> Vec<Export> {
    let epoch = std::env::var(SOURCE_DATE_EPOCH).ok();
    let context = Context {
        model,
        labels: &labels.exports,
        framework: FrameworkId::of(&model.referentiel),
        dates: date::resolve(&model.referentiel, epoch.as_deref(), problems),
    };
    let mut exports = Vec::with_capacity(EXPORTERS.len());
    for exporter in EXPORTERS {
        let Some(bytes) = (exporter.write)(&context, problems) else {
            continue;
        };
        let file = match exporter.file {
            FileName::Framework(suffix) => format!("{}-{suffix}", context.framework.file_stem),
            FileName::Fixed(name) => name.to_owned(),
            FileName::Matrix => Paths::of(&model.settings.language).matrix.clone(),
        };
        let path = format!("{EXPORTS_DIR}/{file}");
        exports.push(Export {
            name: (exporter.name)(&context.labels.names).to_owned(),
            path: path.clone(),
            media_type: exporter.media_type,
            bytes: bytes.len(),
            kilobytes: bytes.len().div_ceil(1024),
        });
        files.push(OutputFile::new(path, bytes));
    }
    exports
}

/// The framework's identifier in other systems (Moodle's framework ID number, the seed of the CASE
/// identifiers): the référentiel's `short_name` (or its slugified `name`), then `-` and its
/// `version` when set, e.g. `CRCN-2019`.
#[derive(Debug, Clone)]
struct FrameworkId {
    id: String,
    /// The values the identifier is made of, with where each is written.
    parts: Vec<(String, Span)>,
    /// The identifier as a file name: slugified, never empty.
    file_stem: String,
}

impl FrameworkId {
    fn of(referentiel: &Referentiel) -> FrameworkId {
        let short_name = referentiel
            .short_name
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let base = match (short_name, &referentiel.short_name_span) {
            (Some(short_name), Some(span)) => (short_name.to_owned(), span.clone()),
            _ => (slugify(&referentiel.name), referentiel.name_span.clone()),
        };
        let mut parts = vec![base];
        let version = referentiel
            .version
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty());
        if let (Some(version), Some(span)) = (version, &referentiel.version_span) {
            parts.push((version.to_owned(), span.clone()));
        }
        let id = parts
            .iter()
            .map(|(part, _)| part.as_str())
            .collect::<Vec<_>>()
            .join("-");
        let mut file_stem = slugify(&id);
        if file_stem.is_empty() {
            file_stem = "referentiel".to_owned();
        }
        FrameworkId {
            id,
            parts,
            file_stem,
        }
    }
}

/// A code and where it is written, or where the code-less item starts.
type Located<'a> = (&'a str, Span);

/// The groups (when the framework has them), domains and competencies in référentiel order, with
/// their codes located: what the Moodle and CASE exports list. `parent` is an index into the same
/// list; `None` for the top level.
struct Node<'a> {
    level: Level,
    code: Located<'a>,
    /// A domain's or group's title.
    title: Option<&'a str>,
    /// A competency's text (its title), with its location…
    text: Option<&'a Spanned<String>>,
    /// …its longer statement…
    description: Option<&'a str>,
    /// …and its sub-items.
    items: &'a [String],
    parent: Option<usize>,
    /// Position among its siblings, from 1.
    position: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Group,
    Domain,
    Competency,
}

fn nodes(referentiel: &Referentiel) -> Vec<Node<'_>> {
    let source = &referentiel.source;
    let mut nodes = Vec::new();
    for (g, group) in referentiel.groups.iter().enumerate() {
        let group_index = if referentiel.has_groups {
            // A group without a code is located at its first domain's code.
            let at = match (&group.code, group.domains.first()) {
                (Some(code), _) => span_of(source, code),
                (None, Some(domain)) => span_of(source, &domain.code),
                (None, None) => source.span_at(1, 1),
            };
            nodes.push(Node {
                level: Level::Group,
                code: (group.code.as_ref().map_or("", |c| c.value.as_str()), at),
                title: group.title.as_deref(),
                text: None,
                description: None,
                items: &[],
                parent: None,
                position: g + 1,
            });
            Some(nodes.len() - 1)
        } else {
            None
        };
        for (d, domain) in group.domains.iter().enumerate() {
            nodes.push(Node {
                level: Level::Domain,
                code: (&domain.code.value, span_of(source, &domain.code)),
                title: Some(&domain.title),
                text: None,
                description: None,
                items: &[],
                parent: group_index,
                position: d + 1,
            });
            let domain_index = nodes.len() - 1;
            for (c, competency) in domain.competencies.iter().enumerate() {
                nodes.push(Node {
                    level: Level::Competency,
                    code: (&competency.code.value, span_of(source, &competency.code)),
                    title: None,
                    text: Some(&competency.title),
                    description: competency.description.as_deref(),
                    items: &competency.items,
                    parent: Some(domain_index),
                    position: c + 1,
                });
            }
        }
    }
    nodes
}

/// The bytes of a writer, or `None` with a diagnostic naming the export when it failed.
fn written<E: std::fmt::Display>(
    what: &str,
    result: Result<Vec<u8>, E>,
    problems: &mut Diagnostics,
) -> Option<Vec<u8>> {
    result
        .map_err(|error| {
            problems.push(Diagnostic::error(msg!(
                "export-write-error",
                export = what,
                detail = error.to_string()
            )))
        })
        .ok()
}

/// Pretty-printed JSON ending with a line break (key order: the structs' field order).
fn pretty_json(what: &str, value: &impl Serialize, problems: &mut Diagnostics) -> Option<Vec<u8>> {
    let json = serde_json::to_vec_pretty(value).map(|mut bytes| {
        bytes.push(b'\n');
        bytes
    });
    written(what, json, problems)
}

/// Collapses runs of white space (line breaks of folded YAML included) into single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
