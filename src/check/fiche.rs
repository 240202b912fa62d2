//! Checks of the fiche models: the things a trainer can get wrong in a model that YAML alone does
//! not catch (empty labels, a table without columns, no writing space, a model for an activity that
//! does not exist). Reads the model; reports diagnostics; changes nothing.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, did_you_mean};
use crate::model::{Activity, FicheBlock, FicheModel, Model, TableSpec, span_of};

pub fn check_fiches(model: &Model, problems: &mut Diagnostics) {
    let mut seen: HashMap<&str, &SourceText> = HashMap::new();
    for file in &model.fiches {
        let slug = file.activity.value.as_str();
        let Some(activity) = model.activity(slug) else {
            let slugs = model.activities.iter().map(|a| a.slug.value.as_str());
            let mut hint = "`activity:` names an activity by its slug".to_owned();
            if let Some(close) = did_you_mean(slug, slugs) {
                hint = format!("did you mean `{close}`? {hint}");
            }
            problems.push(
                Diagnostic::error(format!(
                    "fiche model for an activity that does not exist: `{slug}`"
                ))
                .at(span_of(&file.source, &file.activity))
                .hint(hint),
            );
            continue;
        };
        let other = activity
            .fiche
            .is_some()
            .then_some(&activity.source)
            .or(seen.get(slug).copied());
        if let Some(other) = other {
            problems.push(
                Diagnostic::error(format!("activity `{slug}` has two fiche models"))
                    .at(span_of(&file.source, &file.activity))
                    .label(format!("the other is in {}", other.path.display()))
                    .hint("keep one: the activity's `fiche:` or one file in content/fiches/"),
            );
        }
        seen.insert(slug, &file.source);
        check_model(activity, &file.source, &file.fiche, problems);
    }
    for activity in &model.activities {
        if let Some(fiche) = &activity.fiche {
            check_model(activity, &activity.source, fiche, problems);
        }
    }
}

fn check_model(
    activity: &Activity,
    source: &SourceText,
    fiche: &FicheModel,
    problems: &mut Diagnostics,
) {
    let empty = |what: &str, value: &Spanned<String>, problems: &mut Diagnostics| {
        if value.value.trim().is_empty() {
            problems.push(
                Diagnostic::error(format!("empty {what} in the fiche model"))
                    .at(span_of(source, value))
                    .hint(format!("write the {what}'s text, or remove the block")),
            );
        }
    };
    if let Some(intro) = &fiche.intro {
        web_links_only(source, intro, &intro.value, problems);
    }
    for block in &fiche.blocks {
        match &block.value {
            FicheBlock::Heading(text) => empty("heading", text, problems),
            FicheBlock::Subheading(text) => empty("subheading", text, problems),
            FicheBlock::Instruction(text) => {
                empty("instruction", text, problems);
                web_links_only(source, text, &text.value, problems);
            }
            FicheBlock::Annexes(title) => {
                empty("annexes title", title, problems);
                if activity.annexes.is_empty() {
                    problems.push(
                        Diagnostic::warning(
                            "the fiche lists the annexes, but the activity has none",
                        )
                        .at(span_of(source, title))
                        .hint("list them under the activity's `annexes:`, or remove this block"),
                    );
                }
            }
            FicheBlock::Field(field) => empty("label", &field.label, problems),
            FicheBlock::Table(table) => check_table(table, source, problems),
            FicheBlock::Checklist(list) => {
                for item in &list.items.value {
                    web_links_only(source, &list.items, item, problems);
                }
                if list.items.value.is_empty()
                    || list.items.value.iter().any(|i| i.trim().is_empty())
                {
                    problems.push(
                        Diagnostic::error("a checklist with no items or an empty item")
                            .at(span_of(source, &list.items))
                            .hint("give every item a text: `items: [\"…\", \"…\"]`"),
                    );
                }
            }
        }
    }
}

/// A fiche is downloaded and filled in away from the site: a link in its Markdown text must be a
/// full address (`https://…`, `mailto:…`), which works from the document too.
fn web_links_only<T>(source: &SourceText, at: &Spanned<T>, text: &str, problems: &mut Diagnostics) {
    for event in pulldown_cmark::Parser::new(text) {
        let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let full = ["http://", "https://", "mailto:"]
            .iter()
            .any(|scheme| dest_url.starts_with(scheme));
        if !full {
            problems.push(
                Diagnostic::error(format!(
                    "the link `{dest_url}` in a fiche model would lead nowhere from the downloaded document"
                ))
                .at(span_of(source, at))
                .hint("in a fiche, write full addresses (https://…, mailto:…); link to the handbook's pages from the activity's `guidance` instead"),
            );
        }
    }
}

fn check_table(table: &TableSpec, source: &SourceText, problems: &mut Diagnostics) {
    let columns = &table.columns.value;
    if columns.is_empty() {
        problems.push(
            Diagnostic::error("a table without columns")
                .at(span_of(source, &table.columns))
                .hint("list the column headers: `columns: [\"Lien\", \"Description\"]`"),
        );
    } else if columns.iter().any(|c| c.label.trim().is_empty()) {
        problems.push(
            Diagnostic::error("a table column with an empty label")
                .at(span_of(source, &table.columns))
                .hint("give every column a label"),
        );
    }
    let shapes = [
        !table.rows.is_empty(),
        table.empty_rows.is_some(),
        !table.cells.is_empty(),
    ];
    if shapes.iter().filter(|given| **given).count() > 1 {
        problems.push(
            Diagnostic::error("a table with more than one of `rows`, `empty_rows` and `cells`")
                .at(span_of(source, &table.columns))
                .hint("choose one: row headers (`rows`), a number of empty rows (`empty_rows`), or labelled cells (`cells`)"),
        );
    }
    for row in &table.cells {
        if !columns.is_empty() && row.value.len() != columns.len() {
            problems.push(
                Diagnostic::error(format!(
                    "a row of {} labelled cells in a table of {} columns",
                    row.value.len(),
                    columns.len()
                ))
                .at(span_of(source, row))
                .hint("give one label per column; use \"\" for a cell without label"),
            );
        }
    }
}
