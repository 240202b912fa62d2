//! The Moodle competency framework CSV, for Site administration > Competencies > Import competency
//! framework (`tool_lpimportcsv`): a header, the framework row, then the groups, domains and
//! competencies, each pointing at its parent by ID number (the codes).
//!
//! Moodle drops a bad row silently, with everything under it, and cuts or strips some values. So
//! this writer checks every row it would write and, when one would be dropped or altered, writes no
//! file at all and reports why, located at the YAML value at fault. It must never write a partial
//! file, nor repair a value behind the author's back.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalogue::Message;
use crate::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::model::span_of;
use crate::msg;
use crate::render::markdown::slugify;

use super::{Context, Level, nodes, one_line, written};

/// The header Moodle's own export writes; Moodle matches columns by position, not by header.
const HEADER: [&str; 14] = [
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
];

/// Moodle cuts ID numbers and short names at this many characters on import.
const MAX_LENGTH: usize = 100;

/// Moodle's taxonomy: one term per level of the framework, from the top.
const TAXONOMY_WITH_GROUPS: &str = "domain,domain,competency";
const TAXONOMY_WITHOUT_GROUPS: &str = "domain,competency";

/// `descriptionformat` for HTML.
const FORMAT_HTML: &str = "1";

/// What ends a shortened short name.
const ELLIPSIS: char = '…';

/// One row of the file, with where its values come from.
struct Row {
    parent: String,
    idnumber: String,
    shortname: String,
    description: String,
    /// The framework's own columns; `None` on a competency row.
    framework: Option<FrameworkColumns>,
    /// What the row is, for messages: « competency `X.1.1` ».
    what: Message,
    /// The values the ID number is made of, with where each is written.
    idnumber_from: Vec<(String, Span)>,
    /// Where the short name comes from.
    shortname_at: Span,
}

#[derive(Default)]
struct FrameworkColumns {
    scale_values: String,
    scale_configuration: String,
    taxonomy: String,
}

impl Row {
    fn record(&self) -> [&str; 14] {
        match &self.framework {
            Some(f) => [
                "",
                &self.idnumber,
                &self.shortname,
                &self.description,
                FORMAT_HTML,
                &f.scale_values,
                &f.scale_configuration,
                "",
                "",
                "",
                "",
                "",
                "1",
                &f.taxonomy,
            ],
            None => [
                &self.parent,
                &self.idnumber,
                &self.shortname,
                &self.description,
                FORMAT_HTML,
                "",
                "",
                "",
                "0",
                "null",
                "",
                "",
                "",
                "",
            ],
        }
    }

    /// Where a problem with the ID number lies: the first part for which `at_fault` holds, else
    /// the first part (else where the short name comes from).
    fn idnumber_at(&self, at_fault: impl Fn(&str) -> bool) -> Span {
        let parts = &self.idnumber_from;
        parts
            .iter()
            .find(|(part, _)| at_fault(part))
            .or(parts.first())
            .map_or(&self.shortname_at, |(_, span)| span)
            .clone()
    }
}

/// The file, or `None` when a row would be dropped or altered (every reason is reported).
pub fn write(context: &Context, problems: &mut Diagnostics) -> Option<Vec<u8>> {
    // With an unfit scale, the rows are still checked, so that every problem is reported at once.
    let (columns, scale_problems) = match framework_columns(context) {
        Ok(columns) => (columns, Vec::new()),
        Err(problems) => (FrameworkColumns::default(), problems),
    };
    let rows = rows(context, columns);
    let mut refusals = refusals(&rows);
    refusals.extend(scale_problems);
    if !refusals.is_empty() {
        problems.extend(refusals);
        return None;
    }
    written("Moodle", csv_bytes(&rows), problems)
}

fn csv_bytes(rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    // Moodle's own export ends lines with `\n`, quotes with `"` as needed, and has no BOM.
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for row in rows {
        writer.write_record(row.record())?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The scale (the levels' titles, or the labels' two items) and the taxonomy columns. Moodle
/// joins the scale's items with commas, so a level's title cannot hold one.
fn framework_columns(context: &Context) -> Result<FrameworkColumns, Vec<Diagnostic>> {
    let referentiel = &context.model.referentiel;
    let unfit: Vec<Diagnostic> = referentiel
        .levels
        .iter()
        .flat_map(|levels| &levels.scale)
        .filter(|l| l.title.value.trim().is_empty() || l.title.value.contains(','))
        .map(|level| {
            Diagnostic::error(msg!("moodle-scale-invalid", level = &level.code.value))
                .at(span_of(&referentiel.source, &level.title))
                .hint(msg!("moodle-scale-invalid-hint"))
        })
        .collect();
    if !unfit.is_empty() {
        return Err(unfit);
    }
    let labels = context.labels;
    Ok(FrameworkColumns {
        scale_values: labels.scale.join(","),
        scale_configuration: scale_configuration(labels.scale.len(), labels.proficient_from),
        taxonomy: match referentiel.has_groups {
            true => TAXONOMY_WITH_GROUPS,
            false => TAXONOMY_WITHOUT_GROUPS,
        }
        .to_owned(),
    })
}

/// An entry of Moodle's scale configuration: the scale first, then one object per item.
#[derive(Serialize)]
#[serde(untagged)]
enum ScaleEntry {
    Scale {
        /// Rewritten by Moodle on import.
        scaleid: &'static str,
    },
    Item {
        id: usize,
        scaledefault: u8,
        proficient: u8,
    },
}

/// The first item is the default rating; the items from `proficient_from` (0-based) proficient.
fn scale_configuration(items: usize, proficient_from: usize) -> String {
    let mut entries = vec![ScaleEntry::Scale { scaleid: "1" }];
    entries.extend((1..=items).map(|id| ScaleEntry::Item {
        id,
        scaledefault: u8::from(id == 1),
        proficient: u8::from(id > proficient_from),
    }));
    serde_json::to_string(&entries).unwrap_or_default()
}

fn rows(context: &Context, framework: FrameworkColumns) -> Vec<Row> {
    let referentiel = &context.model.referentiel;
    let mut description = paragraph(&referentiel.name);
    if let Some(reference) = &referentiel.reference {
        description.push_str(&paragraph(reference));
    }
    let mut rows = vec![Row {
        parent: String::new(),
        idnumber: context.framework.id.clone(),
        shortname: one_line(&referentiel.name),
        description,
        framework: Some(framework),
        what: match context.framework.id.as_str() {
            "" => msg!("moodle-framework-unnamed"),
            id => msg!("moodle-item", level = "framework", code = shorten(id, 40)),
        },
        idnumber_from: context.framework.parts.clone(),
        shortname_at: referentiel.name_span.clone(),
    }];
    let nodes = nodes(referentiel);
    let ids = id_numbers(&nodes);
    for (index, node) in nodes.iter().enumerate() {
        let (code, code_at) = (ids[index].as_str(), &node.code.1);
        let parent = node.parent.map_or("", |p| ids[p].as_str());
        let (what, label, shortname_at, description) = match node.level {
            Level::Group => (
                "group",
                node.title.unwrap_or_default(),
                code_at.clone(),
                node.title.map(paragraph).unwrap_or_default(),
            ),
            Level::Domain => (
                "domain",
                node.title.unwrap_or_default(),
                code_at.clone(),
                node.title.map(paragraph).unwrap_or_default(),
            ),
            Level::Competency => {
                let text = node.text.map_or("", |t| t.value.as_str());
                let at = node
                    .text
                    .map_or(code_at.clone(), |t| span_of(&referentiel.source, t));
                (
                    "competency",
                    text,
                    at,
                    competency_description(text, node.description, node.items),
                )
            }
        };
        let what = match (code.is_empty(), node.title) {
            (true, Some(title)) => msg!(
                "moodle-item-titled",
                level = what,
                title = shorten(title, 40)
            ),
            _ => msg!("moodle-item", level = what, code = shorten(code, 40)),
        };
        rows.push(Row {
            parent: parent.to_owned(),
            idnumber: code.to_owned(),
            shortname: shorten(&one_line(&format!("{code} {label}")), MAX_LENGTH),
            description,
            framework: None,
            what,
            idnumber_from: vec![(code.to_owned(), code_at.clone())],
            shortname_at,
        });
    }
    rows
}

/// Each node's Moodle ID number: its code. A group may have none (its code is optional): it gets
/// one from its title (`group-competences-generales`), else its position (`group-2`), so that the
/// same référentiel always gives the same numbers and its domains can name their parent.
fn id_numbers(nodes: &[super::Node]) -> Vec<String> {
    let taken: std::collections::HashSet<&str> = nodes.iter().map(|n| n.code.0).collect();
    let mut ids = Vec::with_capacity(nodes.len());
    for node in nodes {
        let code = node.code.0;
        if !code.is_empty() || node.level != Level::Group {
            ids.push(code.to_owned());
            continue;
        }
        let from_title = node.title.map(slugify).filter(|slug| !slug.is_empty());
        let mut id: String = match from_title {
            Some(slug) => format!("group-{slug}")
                .chars()
                .take(MAX_LENGTH - 4)
                .collect(),
            None => format!("group-{}", node.position),
        };
        // A code of the référentiel could read the same: the position tells them apart.
        if taken.contains(id.as_str()) || ids.contains(&id) {
            id = format!("{}-{}", id.trim_end_matches('-'), node.position);
        }
        ids.push(id.trim_end_matches('-').to_owned());
    }
    ids
}

/// Why Moodle would drop or alter a row, for every row that it would.
fn refusals(rows: &[Row]) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let refuse = |reason: Message, at: Span, hint: Message| {
        Diagnostic::error(msg!("moodle-refused", reason = reason))
            .at(at)
            .hint(hint)
    };
    for row in rows {
        let what = &row.what;
        let id = &row.idnumber;
        if id.trim().is_empty() {
            problems.push(refuse(
                msg!("moodle-no-idnumber", what = what.clone()),
                row.idnumber_at(|_| true),
                msg!("moodle-no-idnumber-hint"),
            ));
        }
        let length = id.chars().count();
        if length > MAX_LENGTH {
            problems.push(refuse(
                msg!(
                    "moodle-idnumber-too-long",
                    what = what.clone(),
                    length = length,
                    max = MAX_LENGTH
                ),
                row.idnumber_at(|_| true),
                msg!("moodle-idnumber-too-long-hint", max = MAX_LENGTH),
            ));
        }
        if id.contains(',') {
            problems.push(refuse(
                msg!("moodle-idnumber-comma", what = what.clone()),
                row.idnumber_at(|part| part.contains(',')),
                msg!("moodle-idnumber-comma-hint"),
            ));
        }
        if let Some(tag) = markup(id) {
            problems.push(refuse(
                msg!("moodle-idnumber-markup", what = what.clone(), tag = tag),
                row.idnumber_at(|part| markup(part).is_some()),
                msg!("moodle-idnumber-markup-hint"),
            ));
        }
        if row.shortname.trim().is_empty() {
            problems.push(refuse(
                msg!("moodle-shortname-empty", what = what.clone()),
                row.shortname_at.clone(),
                msg!("moodle-shortname-empty-hint"),
            ));
        }
        let length = row.shortname.chars().count();
        if length > MAX_LENGTH {
            problems.push(refuse(
                msg!(
                    "moodle-shortname-too-long",
                    what = what.clone(),
                    length = length,
                    max = MAX_LENGTH
                ),
                row.shortname_at.clone(),
                msg!("moodle-shortname-too-long-hint", max = MAX_LENGTH),
            ));
        }
        if let Some(tag) = markup(&row.shortname) {
            problems.push(refuse(
                msg!("moodle-shortname-markup", what = what.clone(), tag = tag),
                row.shortname_at.clone(),
                msg!("moodle-shortname-markup-hint"),
            ));
        }
    }
    let Some((framework, competencies)) = rows.split_first() else {
        return problems;
    };
    let codes: HashMap<&str, &Row> = competencies
        .iter()
        .map(|r| (r.idnumber.as_str(), r))
        .collect();
    if let Some(row) = codes.get(framework.idnumber.as_str()) {
        problems.push(
            refuse(
                msg!(
                    "moodle-framework-idnumber-taken",
                    idnumber = &framework.idnumber,
                    what = row.what.clone()
                ),
                framework.idnumber_at(|_| true),
                msg!("moodle-framework-idnumber-taken-hint"),
            )
            .label(msg!("moodle-same-as", what = row.what.clone())),
        );
    }
    problems
}

/// The start of what PHP's `strip_tags` would take for a tag: `<` then a letter, `/`, `!` or `?`.
fn markup(text: &str) -> Option<String> {
    text.char_indices().find_map(|(i, c)| {
        let next = text[i + c.len_utf8()..].chars().next()?;
        (c == '<' && (next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')))
            .then(|| format!("<{next}"))
    })
}

/// Shortens `text` to at most `max` characters, on a word boundary, ending with « … ».
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let budget = max.saturating_sub(1);
    // The byte index after the first `budget` characters.
    let cut = text
        .char_indices()
        .nth(budget)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let at_boundary = text[cut..].starts_with(char::is_whitespace);
    let words = if at_boundary {
        head
    } else {
        match head.rfind(char::is_whitespace) {
            Some(space) if space > 0 => &head[..space],
            _ => head,
        }
    };
    let words = words.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    format!("{words}{ELLIPSIS}")
}

/// `<p>text</p>`, escaped.
fn paragraph(text: &str) -> String {
    format!("<p>{}</p>", escape(text))
}

/// The text, its longer statement, then its sub-items as a list.
fn competency_description(text: &str, description: Option<&str>, items: &[String]) -> String {
    let mut html = paragraph(text);
    if let Some(description) = description {
        html.push_str(&paragraph(description));
    }
    if !items.is_empty() {
        html.push_str("<ul>");
        for item in items {
            html.push_str(&format!("<li>{}</li>", escape(item)));
        }
        html.push_str("</ul>");
    }
    html
}

/// Escapes text for HTML element content (and attributes in double quotes); line breaks become
/// spaces, so that every row is one line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "moodle_tests.rs"]
mod tests;
