//! The HTML site: renders every planned page with its template, and returns the output files.
//!
//! `plan` fixes every page's path, title, parent and reading order once; `environment` holds the
//! templates and renders the content's Markdown; this module gives each page its template and its
//! values (a base context shared by all pages, computed once, plus the page's own). Pages are
//! rendered into memory; writing them is the output stage's job. All URLs are relative.

mod environment;
mod plan;
mod print;

use std::collections::HashSet;

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use crate::coverage;
use crate::diagnostic::Diagnostics;
use crate::model::{Model, PageTemplate};

use super::OutputFile;
use super::documents::Rendered;
use super::exports::Export;
use super::markdown::{Markdown, Placement, SourceLink};
use super::theme::Theme;
use super::views::{self, ActivityView, Link};
use environment::{Texts, environment, template_diagnostic};
use plan::{Kind, Plan};
pub use print::PRINT_PATH;

/// The templates the site renders pages with (others may exist, for `include` and `import`).
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "index.html",
    "page.html",
    "activities.html",
    "referentiel.html",
    "activity.html",
    "competency.html",
    "downloads.html",
    "matrix.html",
    "coverage.html",
    "tracker.html",
    "search.html",
    "404.html",
    "print.html",
];

/// What the pages link to besides themselves: the documents and the exports.
pub struct Downloads<'a> {
    pub documents: &'a [Rendered],
    pub exports: &'a [Export],
}

#[derive(Serialize)]
struct PageInfo<'a> {
    path: &'a str,
    title: &'a str,
    kind: &'static str,
}

/// Renders every HTML page of the site, or only those whose path is in `only`; the links of their
/// Markdown texts go to `links`.
pub fn render_pages(
    model: &Model,
    theme: &Theme,
    downloads: &Downloads,
    only: Option<&HashSet<String>>,
    problems: &mut Diagnostics,
    links: &mut Vec<SourceLink>,
) -> Vec<OutputFile> {
    let env = match environment(model, theme) {
        Ok(env) => env,
        Err(errors) => {
            problems.extend(errors);
            return Vec::new();
        }
    };
    let plan = Plan::new(model);
    let targets = plan.link_targets(model);
    let activities: Vec<ActivityView> = model
        .activities
        .iter()
        .map(|activity| views::activity_view(model, activity))
        .collect();
    let menu: Vec<Link> = plan
        .pages
        .iter()
        .filter(|p| match p.kind {
            Kind::Home => true,
            Kind::Chapter(i) => model.pages[i].front.menu,
            _ => false,
        })
        .map(|p| p.link())
        .collect();
    let chapter = |template| plan.chapter_with(model, template).map(|p| p.link());
    let activities_page = chapter(PageTemplate::Activities);
    let referentiel_page = chapter(PageTemplate::Referentiel);
    // Everything a template may use on any page, serialized once.
    let base = context! {
        site => Serde(&model.settings),
        referentiel => Serde(views::referentiel_view(model)),
        activities => Serde(&activities),
        documents => Serde(downloads.documents),
        exports => Serde(downloads.exports),
        coverage => Serde(coverage::coverage(model)),
        matrix => Serde(views::matrix_view(model)),
        menu => Serde(&menu),
        referentiel_page => Serde(&referentiel_page),
        downloads_page => Serde(chapter(PageTemplate::Downloads)),
        print_page => Serde(print::link()),
        search_page => Serde(plan.search().link()),
    };
    let texts = Texts {
        env: &env,
        values: &base,
        language: &model.settings.language,
        targets: &targets,
    };
    let competencies: Vec<_> = model.referentiel.competencies().collect();
    let mut files = Vec::with_capacity(plan.pages.len() + 1);
    let wanted = |path: &str| only.is_none_or(|only| only.contains(path));
    // The print edition holds every content page (not the search or 404 pages): it needs them all
    // rendered.
    let printed = |p: &plan::Planned| p.kind.is_content();
    let mut edition = wanted(PRINT_PATH).then(|| {
        print::Edition::new(
            plan.pages
                .iter()
                .filter(|p| printed(p))
                .map(|p| p.path.as_str()),
        )
    });
    let with_edition = edition.is_some();
    for planned in plan
        .pages
        .iter()
        .filter(|p| wanted(&p.path) || (with_edition && printed(p)))
    {
        let (prev, next) = plan.neighbours(planned);
        let mut breadcrumbs: Vec<Link> = Vec::new();
        if planned.kind != Kind::Home {
            breadcrumbs.push(plan.home().link());
        }
        let (template, content, extra) = match planned.kind {
            Kind::Home => {
                let home = model.home.as_ref();
                let content = home.map(|page| texts.page(page, &planned.path, problems, links));
                ("index.html", content.unwrap_or_default(), Value::UNDEFINED)
            }
            Kind::Chapter(i) => {
                let page = &model.pages[i];
                let content = texts.page(page, &planned.path, problems, links);
                let tables: Vec<_> = page
                    .front
                    .data
                    .iter()
                    .filter_map(|name| model.data_table(&name.value))
                    .map(views::table_view)
                    .collect();
                let extra = context! { tables => Serde(tables) };
                (chapter_template(page.front.template), content, extra)
            }
            Kind::Activity(i) => {
                breadcrumbs.extend(activities_page.clone());
                let activity = &model.activities[i];
                let content = activity.guidance.as_ref().map(|guidance| {
                    let markdown = Markdown {
                        text: &guidance.value,
                        source: &activity.source,
                        placement: Placement::Lines {
                            first_line: guidance.referenced.line() as usize,
                        },
                        page_path: &planned.path,
                    };
                    texts.render(&markdown, problems, links)
                });
                let fiche = downloads
                    .documents
                    .iter()
                    .find(|d| d.document.slug == activity.slug.value);
                let extra = context! {
                    activity => Serde(&activities[i]),
                    fiche => Serde(fiche),
                };
                ("activity.html", content.unwrap_or_default(), extra)
            }
            Kind::Competency(i) => {
                breadcrumbs.extend(referentiel_page.clone());
                let view = views::competency_page_view(model, competencies[i]);
                let extra = context! { competency => Serde(view) };
                ("competency.html", String::new(), extra)
            }
            Kind::Search => ("search.html", String::new(), Value::UNDEFINED),
            Kind::NotFound => ("404.html", String::new(), Value::UNDEFINED),
        };
        let info = PageInfo {
            path: &planned.path,
            title: &planned.title,
            kind: planned.kind.name(),
        };
        let shared = context! { ..extra, ..base.clone() };
        let ctx = context! {
            page => Serde(info),
            root => "../".repeat(planned.path.matches('/').count()),
            breadcrumbs => Serde(&breadcrumbs),
            prev => Serde(prev.map(|p| p.link())),
            next => Serde(next.map(|p| p.link())),
            content => Value::from_safe_string(content),
            ..shared
        };
        match env
            .get_template(template)
            .and_then(|t| t.render_captured(ctx))
        {
            Ok(mut rendered) => {
                if let Some(edition) = edition.as_mut().filter(|_| printed(planned)) {
                    edition.add(planned, &mut rendered, theme, problems);
                }
                if wanted(&planned.path) {
                    let html = rendered.into_output();
                    files.push(OutputFile::new(planned.path.clone(), html.into_bytes()));
                }
            }
            Err(error) => problems.push(template_diagnostic(&error, theme)),
        }
    }
    if let Some(edition) = edition {
        let sections = edition.finish(problems);
        let ctx = context! {
            page => Serde(PageInfo { path: PRINT_PATH, title: print::PRINT_TITLE, kind: "print" }),
            root => "",
            breadcrumbs => Serde([plan.home().link()]),
            prev => Value::from(()),
            next => Value::from(()),
            content => "",
            sections => Serde(sections),
            ..base
        };
        match env.get_template("print.html").and_then(|t| t.render(ctx)) {
            Ok(html) => files.push(OutputFile::new(PRINT_PATH, html.into_bytes())),
            Err(error) => problems.push(template_diagnostic(&error, theme)),
        }
    }
    files
}

/// The pages of the handbook's text (every page but the search and 404 pages), in reading order:
/// what the search index covers.
pub fn content_pages(model: &Model) -> Vec<Link> {
    Plan::new(model)
        .pages
        .iter()
        .filter(|p| p.kind.is_content())
        .map(|p| p.link())
        .collect()
}

fn chapter_template(template: PageTemplate) -> &'static str {
    match template {
        PageTemplate::Page => "page.html",
        PageTemplate::Activities => "activities.html",
        PageTemplate::Referentiel => "referentiel.html",
        PageTemplate::Downloads => "downloads.html",
        PageTemplate::Matrix => "matrix.html",
        PageTemplate::Coverage => "coverage.html",
        PageTemplate::Tracker => "tracker.html",
    }
}
