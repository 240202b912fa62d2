//! Cross-reference checks: what no single file can tell.
//!
//! Reads the model and reports errors (unknown or duplicate codes, duplicate slugs, missing data
//! tables, rows of the wrong width, charts without a title or a legend name) and warnings
//! (competencies no activity covers, activities that validate nothing, a certification rule the
//! activities cannot meet). It never changes the model.

mod calendar;
mod fiche;
pub mod links;
mod rule;

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, did_you_mean, suggest};
use crate::load::{ACTIVITIES_DIR, REFERENTIEL_FILE};
use crate::model::{ChartSpec, DataTable, Date, Model, PageTemplate, Referentiel, span_of};
use crate::msg;
use crate::render::markdown::slugify;
use crate::render::paths::Paths;
use serde_saphyr::Spanned;

/// What the checks found.
pub struct Checked {
    /// Errors and warnings.
    pub problems: Diagnostics,
    /// The URLs the checks refused (a platform address that is not one, a relative link in a
    /// fiche): the link check leaves them alone rather than report the same mistake again.
    pub refused_links: Vec<String>,
}

/// Runs every check and returns the problems found, errors and warnings.
pub fn check(model: &Model) -> Checked {
    let mut problems = Diagnostics::new();
    let mut refused_links = Vec::new();
    check_platform(model, &mut problems, &mut refused_links);
    check_referentiel(model, &mut problems);
    check_activities(model, &mut problems);
    check_pages(model, &mut problems);
    check_data(model, &mut problems);
    rule::check_levels(model, &mut problems);
    rule::check_rule(model, &mut problems);
    fiche::check_fiches(model, &mut problems, &mut refused_links);
    calendar::check_calendars(model, &mut problems);
    Checked {
        problems,
        refused_links,
    }
}

/// Reports the second and later occurrences of each value, pointing back at the first. Each
/// value comes with a `what` that selects the wording of the `duplicate` message.
fn report_duplicates<'a>(
    values: impl IntoIterator<Item = (&'static str, &'a SourceText, &'a Spanned<String>)>,
    problems: &mut Diagnostics,
) {
    let mut seen: HashMap<&str, (&SourceText, &Spanned<String>)> = HashMap::new();
    for (what, source, value) in values {
        if let Some((first_source, first)) = seen.get(value.value.as_str()) {
            let (line, _) = span_of(first_source, first).line_column();
            problems.push(
                Diagnostic::error(msg!("duplicate", what = what, value = &value.value))
                    .at(span_of(source, value))
                    .label(msg!(
                        "duplicate-label",
                        file = &first_source.path,
                        line = line
                    ))
                    .hint(msg!("duplicate-hint", what = what)),
            );
        } else {
            seen.insert(&value.value, (source, value));
        }
    }
}

/// The platform's address goes into every page's footer, the site's address into the 404 page's
/// links: each must be a web address, else pages would carry broken links blamed on the templates.
fn check_platform(model: &Model, problems: &mut Diagnostics, refused: &mut Vec<String>) {
    let settings = &model.settings;
    if let Some(platform) = &settings.platform
        && !is_web_address(&platform.url.value)
    {
        let url = &platform.url;
        problems.push(
            Diagnostic::error(msg!("platform-url-invalid", url = &url.value))
                .at(span_of(&settings.source, url))
                .hint(msg!("platform-url-invalid-hint")),
        );
        refused.push(url.value.clone());
    }
    if let Some(url) = &settings.base_url
        && !is_web_address(&url.value)
    {
        problems.push(
            Diagnostic::error(msg!("base-url-invalid", url = &url.value))
                .at(span_of(&settings.source, url))
                .hint(msg!("base-url-invalid-hint")),
        );
    }
}

/// An absolute `http://` or `https://` address.
fn is_web_address(url: &str) -> bool {
    let parsed = url.parse::<http::Uri>();
    parsed.is_ok_and(|uri| {
        matches!(uri.scheme_str(), Some("http" | "https")) && uri.authority().is_some()
    })
}

/// Codes become file names and ids (`X.1.1` → `competences/x-1-1.html`, `domaine-x-1`): two
/// codes that differ only in punctuation or case (`1.1`, `1-1`, `a.1`, `A.1`) would share a page
/// and an id, one silently hiding the other. The second is reported, naming the first.
fn report_slug_collisions(referentiel: &Referentiel, problems: &mut Diagnostics) {
    let source = &referentiel.source;
    let groups = referentiel.groups.iter().filter_map(|g| g.code.as_ref());
    let domains = referentiel.domains().map(|d| &d.code);
    let competencies = referentiel.competencies().map(|c| &c.code);
    let mut seen: HashMap<String, &Spanned<String>> = HashMap::new();
    for code in groups.chain(domains).chain(competencies) {
        let slug = slugify(&code.value);
        match seen.get(&slug) {
            // The same code twice is a duplicate, reported as such.
            Some(first) if first.value != code.value => problems.push(
                Diagnostic::error(msg!(
                    "code-slug-collision",
                    code = &code.value,
                    other = &first.value,
                    slug = &slug
                ))
                .at(span_of(source, code))
                .hint(msg!("code-slug-collision-hint")),
            ),
            Some(_) => {}
            None => {
                seen.insert(slug, code);
            }
        }
    }
}

fn check_referentiel(model: &Model, problems: &mut Diagnostics) {
    let referentiel = &model.referentiel;
    let source = &referentiel.source;
    if model.is_unloaded(REFERENTIEL_FILE) {
        return;
    }
    if let Some(date) = &referentiel.date
        && Date::parse_iso(date.value.trim()).is_none()
    {
        problems.push(
            Diagnostic::error(msg!("date-invalid", date = &date.value))
                .at(span_of(source, date))
                .label(msg!("date-invalid-label"))
                .hint(msg!("date-invalid-hint")),
        );
    }
    // One message per root cause: a group without domains, or no domain (nor group) at all.
    let empty_groups = referentiel.has_groups && !referentiel.groups.is_empty();
    if referentiel.domains().next().is_none() && !empty_groups {
        let key = if referentiel.has_groups {
            "groups:"
        } else {
            "domains:"
        };
        let line = source
            .text
            .lines()
            .position(|l| l.starts_with(key))
            .map_or(1, |i| i + 1);
        problems.push(
            Diagnostic::error(msg!("referentiel-empty"))
                .at(source.span_at(line, 1))
                .hint(msg!("referentiel-empty-hint")),
        );
    }
    let groups = referentiel.groups.iter().filter(|_| referentiel.has_groups);
    for group in groups.filter(|g| g.domains.is_empty()) {
        let name = group.title.as_deref().unwrap_or_default();
        let problem =
            Diagnostic::error(msg!("group-empty", group = name)).hint(msg!("group-empty-hint"));
        problems.push(match &group.code {
            Some(code) => problem.at(span_of(source, code)),
            None => problem.in_file(&source.path),
        });
    }
    // One code space for every level: the exports derive Moodle ID numbers and CASE identifiers
    // from the codes, so a domain may not share a competency's code either.
    let groups = referentiel.groups.iter().filter_map(|g| g.code.as_ref());
    let groups = groups.map(|c| ("group", source, c));
    let domains = referentiel.domains().map(|d| ("domain", source, &d.code));
    let codes = referentiel
        .competencies()
        .map(|c| ("competency", source, &c.code));
    report_duplicates(groups.chain(domains).chain(codes), problems);
    report_slug_collisions(referentiel, problems);
    for domain in referentiel.domains() {
        if domain.competencies.is_empty() {
            problems.push(
                Diagnostic::error(msg!("domain-empty", domain = &domain.code.value))
                    .at(span_of(source, &domain.code))
                    .hint(msg!("domain-empty-hint")),
            );
        }
    }
    let blank = referentiel
        .competencies()
        .filter(|c| c.title.value.trim().is_empty());
    for competency in blank {
        problems.push(
            Diagnostic::error(msg!(
                "competency-text-empty",
                competency = &competency.code.value
            ))
            .at(span_of(source, &competency.title))
            .hint(msg!("competency-text-empty-hint")),
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
    let slugs = model
        .activities
        .iter()
        .map(|a| ("slug", &a.source, &a.slug));
    report_duplicates(slugs, problems);
    if model.activities.is_empty() && !model.has_unloaded_in(ACTIVITIES_DIR) {
        problems.push(
            Diagnostic::error(msg!("no-activities", folder = ACTIVITIES_DIR))
                .in_file(ACTIVITIES_DIR)
                .hint(msg!("no-activities-hint", folder = ACTIVITIES_DIR)),
        );
    }
    // Without its référentiel, a code cannot be judged: the référentiel's own error says why.
    let codes_known = model.referentiel.domains().next().is_some();
    for activity in &model.activities {
        check_slug(&activity.source, &activity.slug, problems);
        let mut listed: Vec<(&str, &SourceText, &Spanned<String>)> = Vec::new();
        for code in &activity.competencies.value {
            if codes_known && model.referentiel.competency(&code.value).is_none() {
                problems.push(unknown_code(model, &activity.source, code));
            }
            listed.push(("listed-code", &activity.source, code));
        }
        report_duplicates(listed, problems);
        if activity.competencies.value.is_empty() {
            problems.push(
                Diagnostic::warning(msg!(
                    "activity-validates-nothing",
                    activity = &activity.slug.value
                ))
                .at(span_of(&activity.source, &activity.competencies))
                .hint(msg!("activity-validates-nothing-hint", example = &example)),
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
    let close = did_you_mean(&code.value, all.iter().copied());
    let domain = referentiel
        .domains()
        .filter(|d| code.value.starts_with(d.code.value.as_str()))
        .max_by_key(|d| d.code.value.len());
    let hint = match domain {
        Some(domain) => {
            let codes: Vec<&str> = domain
                .competencies
                .iter()
                .map(|c| c.code.value.as_str())
                .collect();
            msg!(
                "unknown-code-hint-domain",
                domain = &domain.code.value,
                codes = codes.join(", ")
            )
        }
        None => msg!("unknown-code-hint-file", file = &referentiel.source.path),
    };
    let hint = suggest(close, hint);
    Diagnostic::error(msg!("unknown-code", code = &code.value))
        .at(span_of(source, code))
        .label(msg!("unknown-code-label"))
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
            Diagnostic::error(msg!("slug-invalid", slug = &slug.value))
                .at(span_of(source, slug))
                .hint(msg!("slug-invalid-hint")),
        );
    }
}

fn check_pages(model: &Model, problems: &mut Diagnostics) {
    let mut listing: HashMap<PageTemplate, &str> = HashMap::new();
    // The names of the pages the site generates itself, which a chapter may not take.
    let reserved = Paths::of(&model.settings.language).reserved_slugs();
    for page in &model.pages {
        let at_title = || page.source.span_at(2, 1);
        if reserved.contains(&page.slug.as_str()) {
            problems.push(
                Diagnostic::error(msg!("page-slug-reserved", slug = &page.slug))
                    .in_file(&page.source.path)
                    .hint(msg!("page-slug-reserved-hint")),
            );
        }
        if page.front.template != PageTemplate::Page
            && let Some(other) = listing.insert(page.front.template, &page.slug)
        {
            problems.push(
                Diagnostic::error(msg!(
                    "page-template-twice",
                    template = page.front.template.name(),
                    other = other,
                    page = &page.slug
                ))
                .at(at_title())
                .hint(msg!("page-template-twice-hint")),
            );
        }
        for name in &page.front.data {
            if model.data_table(&name.value).is_none() && !model.data_table_unloaded(&name.value) {
                let names: Vec<&str> = model.data.iter().map(|t| t.name.as_str()).collect();
                let close = did_you_mean(&name.value, names.iter().copied());
                let tables = msg!("data-table-unknown-hint", tables = names.join(", "));
                let hint = suggest(close, tables);
                problems.push(
                    Diagnostic::error(msg!("data-table-unknown", table = &name.value))
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
                Diagnostic::error(msg!("data-table-no-columns", table = &table.name))
                    .at(table.source.span_at(1, 1))
                    .hint(msg!("data-table-no-columns-hint")),
            );
        }
        if let Some(chart) = &table.chart {
            check_chart(table, chart, problems);
        }
        for row in table.groups.iter().flat_map(|g| &g.rows) {
            if row.values.value.len() != width {
                problems.push(
                    Diagnostic::error(msg!(
                        "data-row-width",
                        row = &row.label,
                        values = row.values.value.len(),
                        columns = width
                    ))
                    .at(span_of(&table.source, &row.values))
                    .hint(msg!("data-row-width-hint")),
                );
            }
        }
    }
}

fn check_chart(table: &DataTable, chart: &Spanned<ChartSpec>, problems: &mut Diagnostics) {
    let spec = &chart.value;
    if spec.title.value.trim().is_empty() {
        problems.push(
            Diagnostic::error(msg!("chart-title-empty", table = &table.name))
                .at(span_of(&table.source, &spec.title))
                .hint(msg!("chart-title-empty-hint")),
        );
    }
    let untitled = table.groups.iter().any(|g| g.title.is_none());
    let named = spec
        .untitled_group
        .as_ref()
        .is_some_and(|n| !n.value.trim().is_empty());
    if untitled && !named {
        let problem = Diagnostic::error(msg!("chart-untitled-group", table = &table.name))
            .hint(msg!("chart-untitled-group-hint"));
        problems.push(match &spec.untitled_group {
            Some(name) => problem.at(span_of(&table.source, name)),
            None => problem.at(span_of(&table.source, chart)),
        });
    }
}
