//! Cross-reference checks: what no single file can tell.
//!
//! Reads the model and reports errors (unknown or duplicate codes, duplicate slugs, missing data
//! tables, rows of the wrong width, charts without a title or a legend name) and warnings
//! (competencies no activity covers, activities that validate nothing, a certification rule the
//! activities cannot meet). It never changes the model.

mod fiche;
pub mod links;
pub mod ranges;

use std::collections::HashMap;

use crate::coverage;
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, did_you_mean};
use crate::model::{ChartSpec, DataTable, Model, PageTemplate, span_of};
use serde_saphyr::Spanned;

/// Page slugs the site generates itself, which a chapter may not take.
pub const RESERVED_SLUGS: &[&str] = &["index", "404", "impression", "recherche"];

/// What the checks found, and whether the model may be rendered.
pub struct Checked {
    /// Errors and warnings.
    pub problems: Diagnostics,
    /// Every number is in its range: a model with one out of range must not be rendered (a fiche
    /// of four billion rows would exhaust memory).
    pub renderable: bool,
}

/// Runs every check and returns the problems found, errors and warnings.
pub fn check(model: &Model) -> Checked {
    let mut problems = Diagnostics::new();
    check_platform(model, &mut problems);
    check_referentiel(model, &mut problems);
    check_activities(model, &mut problems);
    check_pages(model, &mut problems);
    check_data(model, &mut problems);
    check_rule(model, &mut problems);
    fiche::check_fiches(model, &mut problems);
    let mut out_of_range = Diagnostics::new();
    ranges::check_ranges(model, &mut out_of_range);
    let renderable = !out_of_range.has_errors();
    problems.extend(out_of_range);
    Checked {
        problems,
        renderable,
    }
}

/// Reports the second and later occurrences of each value, pointing back at the first.
fn report_duplicates<'a>(
    what: &str,
    values: impl IntoIterator<Item = (&'a SourceText, &'a Spanned<String>)>,
    problems: &mut Diagnostics,
) {
    let mut seen: HashMap<&str, (&SourceText, &Spanned<String>)> = HashMap::new();
    for (source, value) in values {
        if let Some((first_source, first)) = seen.get(value.value.as_str()) {
            let (line, _) = span_of(first_source, first).line_column();
            problems.push(
                Diagnostic::error(format!("duplicate {what} `{}`", value.value))
                    .at(span_of(source, value))
                    .label(format!(
                        "already used in {}:{line}",
                        first_source.path.display()
                    ))
                    .hint(format!("each {what} must be unique: rename or remove one")),
            );
        } else {
            seen.insert(&value.value, (source, value));
        }
    }
}

/// The platform's address goes into every page's footer: it must be a web address, else each
/// page would carry a broken link blamed on the templates.
fn check_platform(model: &Model, problems: &mut Diagnostics) {
    let Some(platform) = &model.settings.platform else {
        return;
    };
    let url = &platform.url;
    let parsed = url.value.parse::<http::Uri>();
    let is_web = parsed.is_ok_and(|uri| {
        matches!(uri.scheme_str(), Some("http" | "https")) && uri.authority().is_some()
    });
    if !is_web {
        problems.push(
            Diagnostic::error(format!("`{}` is not a web address", url.value))
                .at(span_of(&model.settings.source, url))
                .hint("write the platform's full address, e.g. `url: \"https://moodle.example.fr/\"`, without spaces"),
        );
    }
}

fn check_referentiel(model: &Model, problems: &mut Diagnostics) {
    let referentiel = &model.referentiel;
    let source = &referentiel.source;
    let groups = referentiel.groups.iter().filter_map(|g| g.code.as_ref());
    report_duplicates("group code", groups.map(|c| (source, c)), problems);
    let domains = referentiel.domains().map(|d| (source, &d.code));
    report_duplicates("domain code", domains, problems);
    let codes = referentiel.competencies().map(|c| (source, &c.code));
    report_duplicates("competency code", codes, problems);
    for domain in referentiel.domains() {
        if domain.competencies.is_empty() {
            problems.push(
                Diagnostic::error(format!(
                    "domain `{}` has no competencies",
                    domain.code.value
                ))
                .at(span_of(source, &domain.code))
                .hint("list its competencies under `competencies:`, or remove the domain"),
            );
        }
    }
    let blank = referentiel
        .competencies()
        .filter(|c| c.text.value.trim().is_empty());
    for competency in blank {
        problems.push(
            Diagnostic::error(format!(
                "competency `{}` has an empty text",
                competency.code.value
            ))
            .at(span_of(source, &competency.text))
            .hint("write the competency's wording after `text:`"),
        );
    }
}

fn check_activities(model: &Model, problems: &mut Diagnostics) {
    let example: Vec<&str> = model
        .referentiel
        .competencies()
        .take(2)
        .map(|c| c.code.value.as_str())
        .collect();
    let example = example.join(", ");
    let slugs = model.activities.iter().map(|a| (&a.source, &a.slug));
    report_duplicates("activity slug", slugs, problems);
    for activity in &model.activities {
        check_slug(&activity.source, &activity.slug, problems);
        let mut listed: Vec<(&SourceText, &Spanned<String>)> = Vec::new();
        for code in &activity.competencies.value {
            if model.referentiel.competency(&code.value).is_none() {
                problems.push(unknown_code(model, &activity.source, code));
            }
            listed.push((&activity.source, code));
        }
        report_duplicates("competency code in this activity", listed, problems);
        if activity.competencies.value.is_empty() {
            problems.push(
                Diagnostic::warning(format!(
                    "activity `{}` validates no competency",
                    activity.slug.value
                ))
                .at(span_of(&activity.source, &activity.competencies))
                .hint(format!(
                    "list the codes it validates, e.g. `competencies: [{example}]`"
                )),
            );
        }
    }
}

/// An unknown competency code, with the closest known code and the codes of the likely domain.
fn unknown_code(model: &Model, source: &SourceText, code: &Spanned<String>) -> Diagnostic {
    let referentiel = &model.referentiel;
    let all: Vec<&str> = referentiel
        .competencies()
        .map(|c| c.code.value.as_str())
        .collect();
    let mut hint = String::new();
    if let Some(close) = did_you_mean(&code.value, all.iter().copied()) {
        hint.push_str(&format!("did you mean `{close}`? "));
    }
    let domain = referentiel
        .domains()
        .filter(|d| code.value.starts_with(d.code.value.as_str()))
        .max_by_key(|d| d.code.value.len());
    match domain {
        Some(domain) => {
            let codes: Vec<&str> = domain
                .competencies
                .iter()
                .map(|c| c.code.value.as_str())
                .collect();
            hint.push_str(&format!(
                "domain {} has: {}",
                domain.code.value,
                codes.join(", ")
            ));
        }
        None => hint.push_str(&format!(
            "codes are listed in {}",
            referentiel.source.path.display()
        )),
    }
    Diagnostic::error(format!("unknown competency code `{}`", code.value))
        .at(span_of(source, code))
        .label("not in the référentiel")
        .hint(hint)
}

/// Slugs become file names and URLs: keep them to lowercase ASCII letters, digits and hyphens.
fn check_slug(source: &SourceText, slug: &Spanned<String>, problems: &mut Diagnostics) {
    let valid = !slug.value.is_empty()
        && slug
            .value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        problems.push(
            Diagnostic::error(format!("invalid slug `{}`", slug.value))
                .at(span_of(source, slug))
                .hint("a slug is a file name: use lowercase letters without accents, digits and hyphens, e.g. `analyse-article`"),
        );
    }
}

fn check_pages(model: &Model, problems: &mut Diagnostics) {
    let mut listing: HashMap<PageTemplate, &str> = HashMap::new();
    for page in &model.pages {
        let at_title = || page.source.span_at(2, 1);
        if RESERVED_SLUGS.contains(&page.slug.as_str()) {
            problems.push(
                Diagnostic::error(format!("a chapter cannot be named `{}`", page.slug))
                    .in_file(&page.source.path)
                    .hint("rename the file: this name is taken by a page the site generates"),
            );
        }
        if page.front.template != PageTemplate::Page
            && let Some(other) = listing.insert(page.front.template, &page.slug)
        {
            problems.push(
                Diagnostic::error(format!(
                    "two pages use `template: {}` ({other} and {})",
                    page.front.template.name(),
                    page.slug
                ))
                .at(at_title())
                .hint("only one page may list the activities or show the référentiel"),
            );
        }
        for name in &page.front.data {
            if model.data_table(&name.value).is_none() && !model.data_table_unloaded(&name.value) {
                let names: Vec<&str> = model.data.iter().map(|t| t.name.as_str()).collect();
                let mut hint = format!(
                    "data tables are the files of content/data/: {}",
                    names.join(", ")
                );
                if let Some(close) = did_you_mean(&name.value, names.iter().copied()) {
                    hint = format!("did you mean `{close}`? {hint}");
                }
                problems.push(
                    Diagnostic::error(format!("unknown data table `{}`", name.value))
                        .at(span_of(&page.source, name))
                        .hint(hint),
                );
            }
        }
    }
}

fn check_data(model: &Model, problems: &mut Diagnostics) {
    for table in &model.data {
        let width = table.columns.len();
        if width == 0 {
            problems.push(
                Diagnostic::error(format!("data table `{}` has no columns", table.name))
                    .at(table.source.span_at(1, 1))
                    .hint("list the column headers under `columns:`"),
            );
        }
        if let Some(chart) = &table.chart {
            check_chart(table, chart, problems);
        }
        for row in table.groups.iter().flat_map(|g| &g.rows) {
            if row.values.value.len() != width {
                problems.push(
                    Diagnostic::error(format!(
                        "row `{}` has {} values, but the table has {width} columns",
                        row.label,
                        row.values.value.len()
                    ))
                    .at(span_of(&table.source, &row.values))
                    .hint("give one value per column; write `null` for a blank cell"),
                );
            }
        }
    }
}

fn check_chart(table: &DataTable, chart: &Spanned<ChartSpec>, problems: &mut Diagnostics) {
    let spec = &chart.value;
    if spec.title.value.trim().is_empty() {
        problems.push(
            Diagnostic::error(format!("the chart of `{}` has an empty title", table.name))
                .at(span_of(&table.source, &spec.title))
                .hint("the title is also the first words of the chart's text alternative"),
        );
    }
    let untitled = table.groups.iter().any(|g| g.title.is_none());
    let named = spec
        .untitled_group
        .as_ref()
        .is_some_and(|n| !n.value.trim().is_empty());
    if untitled && !named {
        let problem = Diagnostic::error(format!(
            "the chart of `{}` needs a legend name for the rows without a group title",
            table.name
        ))
        .hint("add `untitled_group: \"…\"` to `chart:`");
        problems.push(match &spec.untitled_group {
            Some(name) => problem.at(span_of(&table.source, name)),
            None => problem.at(span_of(&table.source, chart)),
        });
    }
}

/// Warnings about coverage and whether doing every activity can meet the certification rule.
fn check_rule(model: &Model, problems: &mut Diagnostics) {
    let referentiel = &model.referentiel;
    let settings = &model.settings;
    let rule = &settings.certification;
    let coverage = coverage::coverage(model);
    if rule.required_total.value as usize > coverage.total {
        problems.push(
            Diagnostic::error(format!(
                "the rule requires {} competencies, but the référentiel has only {}",
                rule.required_total.value, coverage.total
            ))
            .at(span_of(&settings.source, &rule.required_total))
            .hint("lower `required_total`, or complete the référentiel"),
        );
    }
    for code in &coverage.uncovered {
        let Some(competency) = referentiel.competency(code) else {
            continue;
        };
        problems.push(
            Diagnostic::warning(format!("competency `{code}` is validated by no activity"))
                .at(span_of(&referentiel.source, &competency.code))
                .hint("add its code to an activity's `competencies:` list if an activity should validate it"),
        );
    }
    if !coverage.rule_reachable {
        let mut reasons = Vec::new();
        if coverage.covered < coverage.required_total as usize {
            reasons.push(format!(
                "the activities validate {} competencies, the rule requires {}",
                coverage.covered, coverage.required_total
            ));
        }
        reasons.extend(coverage.domains.iter().filter(|d| d.over_limit).map(|d| {
            format!(
                "domain {}: {} never validated, maximum {}",
                d.code, d.uncovered, coverage.max_missing_per_domain
            )
        }));
        problems.push(
            Diagnostic::warning("the certification rule cannot be met by doing every activity")
                .at(span_of(&settings.source, &rule.required_total))
                .label(reasons.join("; "))
                .hint("map more competencies to activities, or relax the rule in the settings"),
        );
    }
}
