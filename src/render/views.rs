//! What templates see: serializable views derived from the model.
//!
//! Everything derived from the one activity → competency mapping is computed here, once: an
//! activity's competencies grouped by domain, the activities validating each competency, data-table
//! totals. Views hold plain values and paths relative to the site root; templates decide the markup.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Activity, Competency, DataTable, Model, Requirement};

use super::calendar::{DeadlineView, activity_deadlines};
use super::chart::{ChartView, chart_view};
use super::paths::Paths;

/// A link to a page of the site: its title and its path from the site root.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub path: String,
}

/// An entry of the menu: a page, or a part and its pages.
#[derive(Debug, Clone, Serialize)]
pub struct MenuEntry {
    pub title: String,
    /// The page's path; `None` for a part.
    pub path: Option<String>,
    /// A part's pages.
    pub items: Vec<Link>,
}

/// The menu: the pages in order, those of one part (`Some(name)`) gathered in one entry where
/// the first of them stands.
pub fn menu(pages: impl IntoIterator<Item = (Link, Option<String>)>) -> Vec<MenuEntry> {
    let mut entries: Vec<MenuEntry> = Vec::new();
    for (link, part) in pages {
        let Some(part) = part else {
            entries.push(MenuEntry {
                title: link.title,
                path: Some(link.path),
                items: Vec::new(),
            });
            continue;
        };
        let group = entries
            .iter_mut()
            .find(|e| e.path.is_none() && e.title == part);
        match group {
            Some(entry) => entry.items.push(link),
            None => entries.push(MenuEntry {
                title: part,
                path: None,
                items: vec![link],
            }),
        }
    }
    entries
}

/// A competency as listed under its domain.
#[derive(Debug, Clone, Serialize)]
pub struct CompetencyView {
    pub code: String,
    /// Its page, from the site root.
    pub path: String,
    /// Its title (`text` in the views, as in the content's older name).
    pub text: String,
    pub description: Option<String>,
    pub items: Vec<String>,
    /// The activities that validate it (on référentiel views; empty on activity views).
    pub activities: Vec<Link>,
}

/// A domain with some or all of its competencies.
#[derive(Debug, Clone, Serialize)]
pub struct DomainView {
    pub code: String,
    /// The id of its heading on the référentiel page.
    pub anchor: String,
    pub title: String,
    pub competencies: Vec<CompetencyView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub code: Option<String>,
    pub title: Option<String>,
    pub domains: Vec<DomainView>,
}

/// The whole référentiel, with the activities validating each competency.
#[derive(Debug, Clone, Serialize)]
pub struct ReferentielView {
    pub name: String,
    pub short_name: Option<String>,
    pub version: Option<String>,
    pub reference: Option<String>,
    pub has_groups: bool,
    pub groups: Vec<GroupView>,
    pub domain_count: usize,
    pub competency_count: usize,
}

/// An activity as its page and the activities list show it.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityView {
    pub title: String,
    pub slug: String,
    pub path: String,
    pub summary: String,
    /// The codes it validates, in référentiel order.
    pub codes: Vec<String>,
    /// Its competencies grouped by domain, texts from the référentiel.
    pub domains: Vec<DomainView>,
    pub requirements: Vec<Requirement>,
    pub annexes: Vec<String>,
    /// When its work is handed in.
    pub calendar: Vec<DeadlineView>,
}

/// One data-table row with its total.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub label: String,
    pub cells: Vec<Option<u64>>,
    pub total: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowGroupView {
    pub title: Option<String>,
    pub rows: Vec<RowView>,
    /// Per-column sums of the group (blank cells count as zero).
    pub subtotals: Vec<u64>,
    pub subtotal: u64,
}

/// A data table with per-column, per-group and grand totals computed at build time.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub name: String,
    pub title: String,
    pub caption: Option<String>,
    pub row_header: String,
    pub columns: Vec<String>,
    pub groups: Vec<RowGroupView>,
    pub totals: Vec<u64>,
    pub grand_total: u64,
    /// The chart the table asks for, if any.
    pub chart: Option<ChartView>,
}

/// A chapter's page: `formation` → `formation.html`.
pub fn chapter_path(slug: &str) -> String {
    format!("{slug}.html")
}

fn competency_view(
    paths: &Paths,
    competency: &Competency,
    activities: Vec<Link>,
) -> CompetencyView {
    CompetencyView {
        code: competency.code.value.clone(),
        path: paths.competency(&competency.code.value),
        text: competency.title.value.clone(),
        description: competency.description.clone(),
        items: competency.items.clone(),
        activities,
    }
}

fn activity_link(paths: &Paths, activity: &Activity) -> Link {
    Link {
        title: activity.title.clone(),
        path: paths.activity(&activity.slug.value),
    }
}

/// An activity named from elsewhere.
#[derive(Debug, Clone, Serialize)]
pub struct ActivityRef {
    pub slug: String,
    pub title: String,
    pub path: String,
}

/// A competency's own page: where it sits and what validates it.
#[derive(Debug, Clone, Serialize)]
pub struct CompetencyPageView {
    pub competency: CompetencyView,
    /// The activities that validate it, with their slugs (to find their fiche models).
    pub validated_by: Vec<ActivityRef>,
    pub domain_code: String,
    pub domain_title: String,
    /// The id of the domain's heading on the référentiel page.
    pub domain_anchor: String,
    /// The group's code and title, when the framework has groups.
    pub group: Option<String>,
}

pub fn competency_page_view(model: &Model, competency: &Competency) -> CompetencyPageView {
    let paths = Paths::of(&model.settings.language);
    let code = &competency.code.value;
    let referentiel = &model.referentiel;
    let validated_by = model
        .activities_validating(code)
        .map(|a| ActivityRef {
            slug: a.slug.value.clone(),
            title: a.title.clone(),
            path: paths.activity(&a.slug.value),
        })
        .collect();
    let activities = model
        .activities_validating(code)
        .map(|a| activity_link(paths, a))
        .collect();
    let (domain_code, domain_title) = referentiel
        .domain_of(code)
        .map(|d| (d.code.value.clone(), d.title.clone()))
        .unwrap_or_default();
    let group = referentiel.position(code).and_then(|(g, _, _)| {
        let group = &referentiel.groups[g];
        let code = group.code.as_ref()?.value.clone();
        Some(
            group
                .title
                .as_ref()
                .map_or(code.clone(), |t| format!("{code} – {t}")),
        )
    });
    CompetencyPageView {
        competency: competency_view(paths, competency, activities),
        validated_by,
        domain_anchor: paths.domain_anchor(&domain_code),
        domain_code,
        domain_title,
        group,
    }
}

/// The activity × competency matrix, one table per domain: its rows are the domain's competencies,
/// its columns only the activities that validate at least one of them, so the page grows with the
/// mapping rather than with competencies × activities.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixView {
    pub domains: Vec<MatrixDomain>,
    /// Competencies in the référentiel.
    pub total: usize,
    /// Competencies at least one activity validates.
    pub covered: usize,
    /// Competencies no activity validates.
    pub uncovered: usize,
}

/// A column of a domain's table.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixActivity {
    pub title: String,
    pub path: String,
    /// How many of the domain's competencies it validates (at least one).
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixDomain {
    pub code: String,
    pub title: String,
    /// The id of its table on the matrix page (`A.1` → `matrice-a-1`), unique on the page.
    pub id: String,
    /// The activities that validate at least one of its competencies, in activity order; empty
    /// when none does.
    pub activities: Vec<MatrixActivity>,
    /// How many of the domain's competencies at least one activity validates.
    pub covered: usize,
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub code: String,
    pub text: String,
    pub path: String,
    /// Per column of its domain (`activities`): whether that activity validates this competency.
    pub marks: Vec<bool>,
    /// How many activities validate it (0: uncovered).
    pub count: usize,
}

/// Reads the mapping (see [`Model::mapping`]): the work is proportional to the mapping plus the
/// cells of the tables.
pub fn matrix_view(model: &Model) -> MatrixView {
    let paths = Paths::of(&model.settings.language);
    let referentiel = &model.referentiel;
    let mapping = model.mapping();
    // Per domain, per competency: the indices of the activities validating it, in activity order.
    let validating: Vec<Vec<&[usize]>> = referentiel
        .domains()
        .map(|d| {
            d.competencies
                .iter()
                .map(|c| mapping.validating(&c.code.value))
                .collect()
        })
        .collect();
    let mut ids = HashSet::new();
    let domains: Vec<MatrixDomain> = referentiel
        .domains()
        .zip(validating)
        .map(|(domain, per_competency)| {
            let mut columns: Vec<usize> =
                per_competency.iter().copied().flatten().copied().collect();
            columns.sort_unstable();
            columns.dedup();
            let mut counts = vec![0; columns.len()];
            let rows: Vec<MatrixRow> = domain
                .competencies
                .iter()
                .zip(&per_competency)
                .map(|(c, activities)| {
                    let mut marks = vec![false; columns.len()];
                    for a in *activities {
                        if let Ok(i) = columns.binary_search(a) {
                            marks[i] = true;
                            counts[i] += 1;
                        }
                    }
                    MatrixRow {
                        code: c.code.value.clone(),
                        text: c.title.value.clone(),
                        path: paths.competency(&c.code.value),
                        marks,
                        count: activities.len(),
                    }
                })
                .collect();
            let activities = columns
                .iter()
                .zip(counts)
                .map(|(&a, count)| {
                    let activity = &model.activities[a];
                    MatrixActivity {
                        title: activity.title.clone(),
                        path: paths.activity(&activity.slug.value),
                        count,
                    }
                })
                .collect();
            MatrixDomain {
                code: domain.code.value.clone(),
                title: domain.title.clone(),
                id: unique_id(&paths.matrix_anchor(&domain.code.value), &mut ids),
                activities,
                covered: rows.iter().filter(|r| r.count > 0).count(),
                rows,
            }
        })
        .collect();
    let total = domains.iter().map(|d| d.rows.len()).sum();
    let covered = domains.iter().map(|d| d.covered).sum();
    MatrixView {
        domains,
        total,
        covered,
        uncovered: total - covered,
    }
}

/// `base`, or `base-2`, `base-3`… when an earlier id took it.
fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut candidate = base.to_owned();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

pub fn referentiel_view(model: &Model) -> ReferentielView {
    let paths = Paths::of(&model.settings.language);
    let referentiel = &model.referentiel;
    let groups = referentiel
        .groups
        .iter()
        .map(|group| GroupView {
            code: group.code.as_ref().map(|c| c.value.clone()),
            title: group.title.clone(),
            domains: group
                .domains
                .iter()
                .map(|domain| DomainView {
                    code: domain.code.value.clone(),
                    anchor: paths.domain_anchor(&domain.code.value),
                    title: domain.title.clone(),
                    competencies: domain
                        .competencies
                        .iter()
                        .map(|c| {
                            let activities = model
                                .activities_validating(&c.code.value)
                                .map(|a| activity_link(paths, a));
                            competency_view(paths, c, activities.collect())
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    ReferentielView {
        name: referentiel.name.clone(),
        short_name: referentiel.short_name.clone(),
        version: referentiel.version.clone(),
        reference: referentiel.reference.clone(),
        has_groups: referentiel.has_groups,
        groups,
        domain_count: referentiel.domains().count(),
        competency_count: referentiel.competencies().count(),
    }
}

pub fn activity_view(model: &Model, activity: &Activity) -> ActivityView {
    let paths = Paths::of(&model.settings.language);
    let codes: Vec<&str> = model
        .competencies_of(activity)
        .map(|(_, c)| c.code.value.as_str())
        .collect();
    let domains: Vec<DomainView> = model
        .domains_of(activity)
        .into_iter()
        .map(|(domain, competencies)| DomainView {
            code: domain.code.value.clone(),
            anchor: paths.domain_anchor(&domain.code.value),
            title: domain.title.clone(),
            competencies: competencies
                .into_iter()
                .map(|c| competency_view(paths, c, Vec::new()))
                .collect(),
        })
        .collect();
    ActivityView {
        title: activity.title.clone(),
        slug: activity.slug.value.clone(),
        path: paths.activity(&activity.slug.value),
        summary: activity.summary.clone(),
        codes: codes.iter().map(|c| (*c).to_owned()).collect(),
        domains,
        requirements: activity.requirements.clone(),
        annexes: activity.annexes.clone(),
        calendar: activity_deadlines(paths, activity),
    }
}

pub fn table_view(table: &DataTable) -> TableView {
    let width = table.columns.len();
    let column_sums = |rows: &mut dyn Iterator<Item = &Vec<Option<u64>>>| {
        let mut sums = vec![0u64; width];
        for cells in rows {
            for (sum, cell) in sums.iter_mut().zip(cells) {
                *sum += cell.unwrap_or(0);
            }
        }
        sums
    };
    let groups: Vec<RowGroupView> = table
        .groups
        .iter()
        .map(|group| {
            let subtotals = column_sums(&mut group.rows.iter().map(|r| &r.values.value));
            RowGroupView {
                title: group.title.clone(),
                rows: group
                    .rows
                    .iter()
                    .map(|row| RowView {
                        label: row.label.clone(),
                        cells: row.values.value.clone(),
                        total: row.values.value.iter().map(|c| c.unwrap_or(0)).sum(),
                    })
                    .collect(),
                subtotal: subtotals.iter().sum(),
                subtotals,
            }
        })
        .collect();
    let totals = column_sums(
        &mut table
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .map(|r| &r.values.value),
    );
    let mut view = TableView {
        name: table.name.clone(),
        title: table.title.clone(),
        caption: table.caption.clone(),
        row_header: table.row_header.clone(),
        columns: table.columns.clone(),
        grand_total: totals.iter().sum(),
        totals,
        groups,
        chart: None,
    };
    view.chart = table
        .chart
        .as_ref()
        .map(|chart| chart_view(&chart.value, &view));
    view
}
