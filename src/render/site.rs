//! The HTML site: plans the pages, renders Markdown and templates, and returns the output files.
//!
//! The plan fixes every page's path, title, place in the menu and reading order once; each page is
//! then one template rendered with a shared base context plus its own values. Pages are rendered
//! into memory; writing them is the output stage's job. All URLs in the output are relative.

use std::path::{Path, PathBuf};

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::HOME_FILE;
use crate::model::{Model, Page, PageTemplate};

use super::OutputFile;
use super::documents::Rendered;
use super::markdown::{self, LinkTargets, Markdown, Placement};
use super::theme::{TEMPLATES_DIR, Theme};
use super::typography;
use super::views::{self, ActivityView, Link};

/// What a planned page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Home,
    Chapter(usize),
    Activity(usize),
    NotFound,
}

#[derive(Debug, Clone)]
struct Planned {
    kind: Kind,
    path: String,
    title: String,
}

#[derive(Serialize)]
struct PageInfo<'a> {
    path: &'a str,
    title: &'a str,
    kind: &'static str,
}

/// The templates the site renders pages with (others may exist, for `include` and `import`).
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "index.html",
    "page.html",
    "activities.html",
    "referentiel.html",
    "activity.html",
    "downloads.html",
    "404.html",
];

/// Renders every HTML page of the site.
pub fn render_pages(
    model: &Model,
    theme: &Theme,
    documents: &[Rendered],
    problems: &mut Diagnostics,
) -> Vec<OutputFile> {
    let env = match environment(model, theme) {
        Ok(env) => env,
        Err(errors) => {
            problems.extend(errors);
            return Vec::new();
        }
    };
    let plan = plan(model);
    let targets = link_targets(model, &plan);
    let activities: Vec<ActivityView> = model
        .activities
        .iter()
        .map(|activity| views::activity_view(model, activity))
        .collect();
    let reading: Vec<&Planned> = plan.iter().filter(|p| p.kind != Kind::NotFound).collect();
    let menu: Vec<Link> = plan
        .iter()
        .filter(|p| match p.kind {
            Kind::Home => true,
            Kind::Chapter(i) => model.pages[i].front.menu,
            _ => false,
        })
        .map(link)
        .collect();
    let base = context! {
        site => Serde(&model.settings),
        referentiel => Serde(views::referentiel_view(model)),
        activities => Serde(&activities),
        documents => Serde(documents),
        menu => Serde(&menu),
    };
    let texts = Texts {
        env: &env,
        values: &base,
        language: &model.settings.language,
        targets: &targets,
    };
    let home = plan.first().map(link);
    let activities_page = model
        .pages
        .iter()
        .position(|p| p.front.template == PageTemplate::Activities)
        .and_then(|i| plan.iter().find(|p| p.kind == Kind::Chapter(i)))
        .map(link);
    let mut files = Vec::with_capacity(plan.len());
    let positions: std::collections::HashMap<&str, usize> = reading
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.as_str(), i))
        .collect();
    for planned in &plan {
        let position = positions.get(planned.path.as_str()).copied();
        let prev = position
            .and_then(|i| i.checked_sub(1))
            .map(|i| link(reading[i]));
        let next = position.and_then(|i| reading.get(i + 1)).map(|p| link(p));
        let mut breadcrumbs: Vec<Link> = Vec::new();
        if planned.kind != Kind::Home {
            breadcrumbs.extend(home.clone());
        }
        let root = "../".repeat(planned.path.matches('/').count());
        let (template, kind, content, extra) = match planned.kind {
            Kind::Home => {
                let content = model
                    .home
                    .as_ref()
                    .map(|page| texts.page(page, &planned.path, problems))
                    .unwrap_or_default();
                ("index.html", "home", content, Value::UNDEFINED)
            }
            Kind::Chapter(i) => {
                let page = &model.pages[i];
                let content = texts.page(page, &planned.path, problems);
                let tables: Vec<_> = page
                    .front
                    .data
                    .iter()
                    .filter_map(|name| model.data_table(&name.value))
                    .map(views::table_view)
                    .collect();
                let template = match page.front.template {
                    PageTemplate::Page => "page.html",
                    PageTemplate::Activities => "activities.html",
                    PageTemplate::Referentiel => "referentiel.html",
                    PageTemplate::Downloads => "downloads.html",
                };
                (
                    template,
                    "chapter",
                    content,
                    context! { tables => Serde(tables) },
                )
            }
            Kind::Activity(i) => {
                breadcrumbs.extend(activities_page.clone());
                let activity = &model.activities[i];
                let content = activity
                    .guidance
                    .as_ref()
                    .map(|guidance| {
                        let markdown = Markdown {
                            text: &guidance.value,
                            source: &activity.source,
                            placement: Placement::Lines {
                                first_line: guidance.referenced.line() as usize,
                            },
                            page_path: &planned.path,
                        };
                        texts.render(&markdown, problems)
                    })
                    .unwrap_or_default();
                (
                    "activity.html",
                    "activity",
                    content,
                    context! {
                        activity => Serde(&activities[i]),
                        fiche => Serde(documents.iter().find(|d| d.document.slug == activity.slug.value)),
                    },
                )
            }
            Kind::NotFound => ("404.html", "not_found", String::new(), Value::UNDEFINED),
        };
        let info = PageInfo {
            path: &planned.path,
            title: &planned.title,
            kind,
        };
        let shared = context! { ..extra, ..base.clone() };
        let ctx = context! {
            page => Serde(info),
            root => root,
            breadcrumbs => Serde(&breadcrumbs),
            prev => Serde(prev),
            next => Serde(next),
            content => Value::from_safe_string(content),
            ..shared
        };
        match env.get_template(template).and_then(|t| t.render(ctx)) {
            Ok(html) => files.push(OutputFile::new(planned.path.clone(), html.into_bytes())),
            Err(error) => problems.push(template_diagnostic(&error, theme)),
        }
    }
    files
}

fn link(planned: &Planned) -> Link {
    Link {
        title: planned.title.clone(),
        path: planned.path.clone(),
    }
}

/// The pages of the site in reading order: home, chapters (each activities page followed by the
/// activities), then the 404 page.
fn plan(model: &Model) -> Vec<Planned> {
    let mut plan = vec![Planned {
        kind: Kind::Home,
        path: "index.html".to_owned(),
        title: model.home.as_ref().map_or_else(
            || model.settings.title.clone(),
            |home| home.front.title.clone(),
        ),
    }];
    let activity_pages = || {
        model
            .activities
            .iter()
            .enumerate()
            .map(|(i, activity)| Planned {
                kind: Kind::Activity(i),
                path: views::activity_path(&activity.slug.value),
                title: activity.title.clone(),
            })
    };
    let mut activities_placed = false;
    for (i, page) in model.pages.iter().enumerate() {
        plan.push(Planned {
            kind: Kind::Chapter(i),
            path: format!("{}.html", page.slug),
            title: page.front.title.clone(),
        });
        if page.front.template == PageTemplate::Activities {
            plan.extend(activity_pages());
            activities_placed = true;
        }
    }
    if !activities_placed {
        plan.extend(activity_pages());
    }
    plan.push(Planned {
        kind: Kind::NotFound,
        path: "404.html".to_owned(),
        title: "Page introuvable".to_owned(),
    });
    plan
}

/// Where links to content sources lead: each page and activity source → its output path.
fn link_targets(model: &Model, plan: &[Planned]) -> LinkTargets {
    let mut targets = LinkTargets::new();
    for planned in plan {
        let source: Option<PathBuf> = match planned.kind {
            Kind::Home => Some(PathBuf::from(HOME_FILE)),
            Kind::Chapter(i) => Some(model.pages[i].source.path.clone()),
            Kind::Activity(i) => Some(model.activities[i].source.path.clone()),
            Kind::NotFound => None,
        };
        if let Some(source) = source {
            targets.insert(source, planned.path.clone());
        }
    }
    targets
}

/// Renders the Markdown texts of the content: template values first (so a page can say
/// `{{ site.certification.required_total }}` instead of repeating the settings), then Markdown.
struct Texts<'a> {
    env: &'a Environment<'a>,
    /// The values a text may use: `site`, `referentiel`, `activities`.
    values: &'a Value,
    language: &'a str,
    targets: &'a LinkTargets,
}

impl Texts<'_> {
    fn page(&self, page: &Page, path: &str, problems: &mut Diagnostics) -> String {
        let markdown = Markdown {
            text: &page.body,
            source: &page.source,
            placement: Placement::At(page.body_offset),
            page_path: path,
        };
        self.render(&markdown, problems)
    }

    fn render(&self, markdown: &Markdown, problems: &mut Diagnostics) -> String {
        if !markdown.text.contains("{{") && !markdown.text.contains("{%") {
            return markdown::render(markdown, self.language, self.targets, problems);
        }
        // Not `.html`: minijinja does not escape, the values go into Markdown as typed.
        let name = markdown.source.path.display().to_string();
        match self.env.render_named_str(&name, markdown.text, self.values) {
            Ok(expanded) => {
                // Expansion keeps lines but shifts columns: locate later problems by line.
                let first_line = markdown::locate_line(markdown, 1).line_column().0;
                let expanded_markdown = Markdown {
                    text: &expanded,
                    placement: Placement::Lines { first_line },
                    ..*markdown
                };
                markdown::render(&expanded_markdown, self.language, self.targets, problems)
            }
            Err(error) => {
                problems.push(
                    Diagnostic::error(format!(
                        "value error in the text: {} ({})",
                        error.detail().unwrap_or("cannot be expanded"),
                        error.kind()
                    ))
                    .at(markdown::locate_line(markdown, error.line().unwrap_or(1)))
                    .hint(
                        "a text may show values such as {{ site.certification.required_total }} or \
                         {{ referentiel.competency_count }}; see docs/content-format.md",
                    ),
                );
                String::new()
            }
        }
    }
}

/// The template environment: the theme's templates, auto-escaping, strict undefined variables
/// (a typo in a template is an error, not a blank), and the language's typography on every text
/// value a template prints.
fn environment<'a>(model: &Model, theme: &'a Theme) -> Result<Environment<'a>, Diagnostics> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    let language = model.settings.language.clone();
    env.set_formatter(move |out, state, value| match value.as_str() {
        // Escape only what HTML needs (minijinja's default also escapes `/`, which makes every
        // relative URL unreadable), after the language's typography.
        Some(text)
            if !value.is_safe() && matches!(state.auto_escape(), minijinja::AutoEscape::Html) =>
        {
            let text = typography::apply(&language, text);
            let mut escaped = String::with_capacity(text.len() + 8);
            let _ = pulldown_cmark_escape::escape_html(&mut escaped, &text);
            out.write_str(&escaped).map_err(|_| {
                minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write failed")
            })
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    let mut problems = Diagnostics::new();
    for name in REQUIRED_TEMPLATES {
        if !theme.templates.contains_key(*name) {
            problems.push(
                Diagnostic::error(format!("the template `{name}` is missing"))
                    .in_file(Path::new(TEMPLATES_DIR).join(name))
                    .hint(format!(
                        "livret needs these templates: {}",
                        REQUIRED_TEMPLATES.join(", ")
                    )),
            );
        }
    }
    for (name, source) in &theme.templates {
        if let Err(error) = env.add_template_owned(name.clone(), source.text.to_string()) {
            problems.push(template_diagnostic(&error, theme));
        }
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(env)
    }
}

/// A minijinja error as a diagnostic pointing into the template file.
fn template_diagnostic(error: &minijinja::Error, theme: &Theme) -> Diagnostic {
    let message = format!(
        "template error: {}",
        error.detail().unwrap_or("rendering failed")
    );
    let hint = match error.kind() {
        minijinja::ErrorKind::UndefinedError => {
            "a variable or attribute this template uses does not exist; see docs/templates.md for what each template receives"
        }
        minijinja::ErrorKind::TemplateNotFound => {
            "the template is missing from templates/ (the embedded default may have been renamed)"
        }
        _ => "fix the template; the last good site is kept",
    };
    let name = error.name().unwrap_or("");
    let diagnostic = Diagnostic::error(format!("{message} ({})", error.kind())).hint(hint);
    match (theme.templates.get(name), error.range(), error.line()) {
        (Some(source), Some(range), _) => diagnostic.at(source.span(range)),
        (Some(source), None, Some(line)) => diagnostic.at(source.span_at(line, 1)),
        (Some(source), None, None) => diagnostic.in_file(&source.path),
        (None, _, _) if !name.is_empty() => diagnostic.in_file(Path::new(TEMPLATES_DIR).join(name)),
        _ => diagnostic,
    }
}
