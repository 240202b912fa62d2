//! Checks of the fiche models: the things a trainer can get wrong in a model that YAML alone does
//! not catch (empty labels, a table without columns, no writing space, a model for an activity that
//! does not exist). Reads the model; reports diagnostics; changes nothing.

use std::collections::HashMap;

use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, did_you_mean, suggest};
use crate::load::ACTIVITIES_DIR;
use crate::model::{Activity, FicheBlock, FicheModel, Model, TableSpec, span_of};
use crate::msg;

pub fn check_fiches(model: &Model, problems: &mut Diagnostics, refused: &mut Vec<String>) {
    let mut seen: HashMap<&str, &SourceText> = HashMap::new();
    for file in &model.fiches {
        let slug = file.activity.value.as_str();
        let Some(activity) = model.activity(slug) else {
            // The activity may be in a file that failed to load: its error says why.
            if model.has_unloaded_in(ACTIVITIES_DIR) {
                continue;
            }
            let slugs = model.activities.iter().map(|a| a.slug.value.as_str());
            let hint = suggest(
                did_you_mean(slug, slugs),
                msg!("fiche-activity-unknown-hint"),
            );
            problems.push(
                Diagnostic::error(msg!("fiche-activity-unknown", slug = slug))
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
                Diagnostic::error(msg!("fiche-twice", slug = slug))
                    .at(span_of(&file.source, &file.activity))
                    .label(msg!("fiche-twice-label", file = &other.path))
                    .hint(msg!("fiche-twice-hint")),
            );
        }
        seen.insert(slug, &file.source);
        check_model(activity, &file.source, &file.fiche, problems, refused);
    }
    for activity in &model.activities {
        if let Some(fiche) = &activity.fiche {
            check_model(activity, &activity.source, fiche, problems, refused);
        }
    }
}

fn check_model(
    activity: &Activity,
    source: &SourceText,
    fiche: &FicheModel,
    problems: &mut Diagnostics,
    refused: &mut Vec<String>,
) {
    // `what` selects the wording of `fiche-empty-text`.
    let empty = |what: &'static str, value: &Spanned<String>, problems: &mut Diagnostics| {
        if value.value.trim().is_empty() {
            problems.push(
                Diagnostic::error(msg!("fiche-empty-text", what = what))
                    .at(span_of(source, value))
                    .hint(msg!("fiche-empty-text-hint", what = what)),
            );
        }
    };
    if let Some(intro) = &fiche.intro {
        web_links_only(source, intro, &intro.value, problems, refused);
    }
    for block in &fiche.blocks {
        match &block.value {
            FicheBlock::Heading(text) => empty("heading", text, problems),
            FicheBlock::Subheading(text) => empty("subheading", text, problems),
            FicheBlock::Instruction(text) => {
                empty("instruction", text, problems);
                web_links_only(source, text, &text.value, problems, refused);
            }
            FicheBlock::Annexes(title) => {
                empty("annexes", title, problems);
                if activity.annexes.is_empty() {
                    problems.push(
                        Diagnostic::warning(msg!("fiche-annexes-none"))
                            .at(span_of(source, title))
                            .hint(msg!("fiche-annexes-none-hint")),
                    );
                }
            }
            FicheBlock::Field(field) => empty("label", &field.label, problems),
            FicheBlock::Table(table) => check_table(table, source, problems),
            FicheBlock::Checklist(list) => {
                for item in &list.items.value {
                    web_links_only(source, &list.items, item, problems, refused);
                }
                if list.items.value.is_empty()
                    || list.items.value.iter().any(|i| i.trim().is_empty())
                {
                    problems.push(
                        Diagnostic::error(msg!("fiche-checklist-empty"))
                            .at(span_of(source, &list.items))
                            .hint(msg!("fiche-checklist-empty-hint")),
                    );
                }
            }
        }
    }
}

/// A fiche is downloaded and filled in away from the site: a link in its Markdown text must be a
/// full address (`https://…`, `mailto:…`), which works from the document too.
fn web_links_only<T>(
    source: &SourceText,
    at: &Spanned<T>,
    text: &str,
    problems: &mut Diagnostics,
    refused: &mut Vec<String>,
) {
    for event in pulldown_cmark::Parser::new(text) {
        let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let full = ["http://", "https://", "mailto:"]
            .iter()
            .any(|scheme| dest_url.starts_with(scheme));
        if !full {
            problems.push(
                Diagnostic::error(msg!("fiche-relative-link", link = dest_url.as_ref()))
                    .at(span_of(source, at))
                    .hint(msg!("fiche-relative-link-hint")),
            );
            refused.push(dest_url.into_string());
        }
    }
}

fn check_table(table: &TableSpec, source: &SourceText, problems: &mut Diagnostics) {
    let columns = &table.columns.value;
    if columns.is_empty() {
        problems.push(
            Diagnostic::error(msg!("fiche-table-no-columns"))
                .at(span_of(source, &table.columns))
                .hint(msg!("fiche-table-no-columns-hint")),
        );
    } else if columns.iter().any(|c| c.label.trim().is_empty()) {
        problems.push(
            Diagnostic::error(msg!("fiche-column-empty"))
                .at(span_of(source, &table.columns))
                .hint(msg!("fiche-column-empty-hint")),
        );
    }
    let shapes = [
        !table.rows.is_empty(),
        table.empty_rows.is_some(),
        !table.cells.is_empty(),
    ];
    if shapes.iter().filter(|given| **given).count() > 1 {
        problems.push(
            Diagnostic::error(msg!("fiche-table-shapes"))
                .at(span_of(source, &table.columns))
                .hint(msg!("fiche-table-shapes-hint")),
        );
    }
    for row in &table.cells {
        if !columns.is_empty() && row.value.len() != columns.len() {
            problems.push(
                Diagnostic::error(msg!(
                    "fiche-cells-width",
                    cells = row.value.len(),
                    columns = columns.len()
                ))
                .at(span_of(source, row))
                .hint(msg!("fiche-cells-width-hint")),
            );
        }
    }
}
