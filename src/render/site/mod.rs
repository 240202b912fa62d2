//! The HTML site: renders every planned page with its template, and returns the output files.
//!
//! `plan` fixes every page's path, title, parent and reading order once; `environment` holds the
//! templates and renders the content's Markdown; this module gives each page its template and its
//! values (a base context shared by all pages, computed once, plus the page's own). Pages are
//! rendered on every core (rayon), a run at a time, each handed to the caller's [`Sink`] as soon
//! as it is made (kept, or passed on to be written), and what they found is gathered in reading
//! order so that the output never depends on the number of threads: the content pages' bodies go
//! then to the print edition's volumes and the search index, which make their files as the bodies
//! come, so that no rendering holds every body (but `serve`'s, kept for the next). Writing files
//! is the output stage's job. All URLs are relative.

mod edition;
pub(crate) mod environment;
mod gathered;
mod menu;
mod plan;
mod print;
mod printed;
mod values;

use std::collections::HashSet;
use std::sync::Arc;

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use crate::coverage;
use crate::diagnostic::Diagnostics;
use crate::model::{Model, PageTemplate};

use super::calendar;
use super::documents;
use super::exports::Export;
use super::markdown::{Markdown, Placement, SourceLink, Written};
use super::paths::Paths;
use super::search;
use super::theme::Theme;
use super::views::{self, ActivityView, Link};
use super::{Handed, KnownPart, OutputFile, Reading, Sink, StandIn};
pub use environment::{TEMPLATE_FUEL, TEXT_FUEL, text_environment, text_error};
use environment::{Texts, environment, template_diagnostic};
use gathered::{Gathered, Products};
use menu::{MENU_TEMPLATE, Menus};
use plan::{Kind, Plan};
use values::PageValues;

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
    "calendar.html",
    "search.html",
    "404.html",
    "print.html",
    MENU_TEMPLATE,
];

/// What the pages link to besides themselves: the documents and the exports.
pub struct Downloads<'a> {
    pub documents: &'a [documents::Rendered],
    pub exports: &'a [Export],
}

#[derive(Serialize)]
struct PageInfo<'a> {
    path: &'a str,
    title: &'a str,
    kind: &'static str,
}

/// A content page's body as the print edition and the search index take it. Kept between
/// `serve` rebuilds, so that a one-page change re-renders that page alone.
#[derive(Debug, Clone)]
pub struct Body {
    pub link: Link,
    /// The body rewritten for the edition, with its searchable sections.
    pub rewritten: print::Rewritten,
    /// The indexed words of each searchable section.
    pub words: Vec<search::DocWords>,
    /// Its fingerprint for the index's text parts, once worked out (serve's, which keeps bodies
    /// from one build to the next).
    pub fingerprint: std::sync::OnceLock<u128>,
}

impl search::Text for Body {
    fn page(&self) -> search::Page<'_> {
        search::Page {
            link: &self.link,
            sections: &self.rewritten.searched,
            words: &self.words,
        }
    }

    fn fingerprint(&self) -> u128 {
        *self
            .fingerprint
            .get_or_init(|| search::fingerprint(&self.page()))
    }
}

/// The HTML pages rendered (with the search index, built from the same bodies as the print
/// edition), and, for a next rendering, the bodies of the content pages (kept only when asked
/// and when the print edition was rendered, which needs them all).
#[derive(Default)]
pub struct Rendered {
    pub files: Handed,
    /// The links of their Markdown texts.
    pub links: Vec<SourceLink>,
    /// Every content page's body, in reading order (shared with the next rendering).
    pub bodies: Vec<Arc<Body>>,
    /// What the search index leaves for the next rendering to reuse.
    pub index: search::Reuse,
    /// What the link check reads instead of the print edition's files.
    pub stand_ins: Vec<StandIn>,
    /// The parts of the pages whose anchors and links the link check need not parse.
    pub known: Vec<KnownPart>,
}

/// What a rendering keeps for the next one (serve's): every content page's body, and the search
/// index's text parts and postings.
#[derive(Default, Clone, Copy)]
pub struct Kept<'a> {
    pub bodies: &'a [Arc<Body>],
    pub index: Option<&'a search::Reuse>,
    /// Whether this rendering keeps its own in turn, for the next.
    pub reused: bool,
}

/// Renders every HTML page of the site, or only those whose path is in `only`, each handed to
/// `sink` as soon as it is made. The print edition needs every content page's body: those not
/// rendered again are taken from `previous` when it has them, as are the index's text parts
/// holding the same text and the postings of the pages not rendered again.
pub fn render_pages(
    model: &Model,
    theme: &Theme,
    downloads: &Downloads,
    only: Option<&HashSet<String>>,
    previous: Kept,
    sink: &dyn Sink,
    problems: &mut Diagnostics,
) -> Rendered {
    let reused = previous.reused;
    let paths = Paths::of(&model.settings.language);
    let env = match environment(model, theme) {
        Ok(env) => env,
        Err(errors) => {
            problems.extend(errors);
            return Rendered::default();
        }
    };
    let plan = Plan::new(model);
    let targets = plan.link_targets(model);
    let activities: Vec<ActivityView> = model
        .activities
        .iter()
        .map(|activity| views::activity_view(model, activity))
        .collect();
    let menu = views::menu(plan.pages.iter().filter_map(|p| match p.kind {
        Kind::Home => Some((p.link(), None)),
        Kind::Chapter(i) => {
            let front = &model.pages[i].front;
            front.menu.then(|| (p.link(), front.part.clone()))
        }
        _ => None,
    }));
    let chapter = |template| plan.chapter_with(model, template).map(|p| p.link());
    let activities_page = chapter(PageTemplate::Activities);
    let referentiel_page = chapter(PageTemplate::Referentiel);
    let deadlines = calendar::deadlines(model);
    // Everything a template may use on any page, serialized once.
    let base = values::base(&context! {
        site => Serde(&model.settings),
        referentiel => Serde(views::referentiel_view(model)),
        activities => Serde(&activities),
        documents => Serde(downloads.documents),
        exports => Serde(downloads.exports),
        coverage => Serde(coverage::coverage(model)),
        rule => Serde(crate::render::rule::rule_view(model)),
        matrix => Serde(views::matrix_view(model)),
        menu => Serde(&menu),
        referentiel_page => Serde(&referentiel_page),
        downloads_page => Serde(chapter(PageTemplate::Downloads)),
        print_page => Serde(print::link(&model.settings)),
        search_page => Serde(plan.search().link()),
        calendar_page => Serde(chapter(PageTemplate::Calendar)),
        // Written whenever a deadline is (see `calendar::ics`).
        calendar_file => (!deadlines.is_empty()).then_some(&paths.calendar),
        calendar => Serde(deadlines),
    });
    let menus = Menus::new(&env, &base, &menu);
    let text_env = text_environment(&model.settings);
    let texts = Texts {
        env: &text_env,
        values: &base,
        language: &model.settings.language,
        targets: &targets,
    };
    let competencies: Vec<_> = model.referentiel.competencies().collect();
    let wanted = |path: &str| only.is_none_or(|only| only.contains(path));
    // The print edition holds the printed pages; the search index every content page (not the
    // search or 404 pages): they need all their bodies, rendered now or kept from the previous
    // rendering.
    let edition = wanted(&paths.print).then(|| {
        let printed: Vec<&str> = plan
            .pages
            .iter()
            .filter(|p| p.kind.is_printed(model))
            .map(|p| p.path.as_str())
            .collect();
        print::Edition::new(&printed, &paths.print)
    });
    let kept: foldhash::HashMap<&str, &Arc<Body>> = previous
        .bodies
        .iter()
        .map(|body| (body.link.path.as_str(), body))
        .collect();
    let pages = Pages {
        model,
        theme,
        downloads,
        env: &env,
        plan: &plan,
        texts: &texts,
        base: &base,
        menus: &menus,
        activities: &activities,
        competencies: &competencies,
        activities_page: activities_page.as_ref(),
        referentiel_page: referentiel_page.as_ref(),
        edition: edition.as_ref(),
    };
    let cx = edition::Context {
        model,
        theme,
        env: &env,
        plan: &plan,
        base: &base,
        menus: &menus,
        sink,
    };
    let codes = super::index_codes(model);
    let no_index = search::Reuse::default();
    let gathered = Gathered {
        model,
        sink,
        kept: &kept,
        reused,
        products: edition.as_ref().map(|edition| Products {
            volumes: edition::Volumes::new(&cx, edition, only),
            indexer: search::Indexer::new(
                &model.settings.language,
                &codes,
                previous.index.unwrap_or(&no_index),
                reused,
            ),
        }),
        rendered: Rendered::default(),
        problems,
    };
    let with_edition = edition.is_some();
    let body_missing = |p: &plan::Planned| {
        with_edition && p.kind.is_content() && !kept.contains_key(p.path.as_str())
    };
    gathered.render(&plan.pages, |planned| {
        let wanted = wanted(&planned.path);
        (wanted || body_missing(planned)).then(|| pages.render(planned, wanted, sink))
    })
}

/// What every page is rendered with, shared by the threads.
struct Pages<'a> {
    model: &'a Model,
    theme: &'a Theme,
    downloads: &'a Downloads<'a>,
    env: &'a minijinja::Environment<'a>,
    plan: &'a Plan,
    texts: &'a Texts<'a>,
    base: &'a Value,
    menus: &'a Menus<'a>,
    activities: &'a [ActivityView],
    competencies: &'a [&'a crate::model::Competency],
    activities_page: Option<&'a Link>,
    referentiel_page: Option<&'a Link>,
    edition: Option<&'a print::Edition>,
}

/// One page rendered: its file (when wanted), its section of the print edition (when there is
/// one), and what rendering it found.
#[derive(Default)]
pub(super) struct RenderedPage {
    /// Its file, once handed to the sink.
    file: Handed,
    known: Option<KnownPart>,
    body: Option<Body>,
    problems: Diagnostics,
    links: Vec<SourceLink>,
}

impl Pages<'_> {
    /// The prefix of the page's links to the site's root: relative (`../` per folder), but
    /// absolute on the 404 page, which a server shows at any depth — from the `base_url`'s path,
    /// else the server's root.
    fn root_of(&self, planned: &plan::Planned) -> String {
        match planned.kind {
            Kind::NotFound => self
                .model
                .settings
                .base_path()
                .unwrap_or_else(|| "/".to_owned()),
            _ => "../".repeat(planned.path.matches('/').count()),
        }
    }

    fn render(&self, planned: &plan::Planned, wanted: bool, sink: &dyn Sink) -> RenderedPage {
        let (model, texts) = (self.model, self.texts);
        let mut page = RenderedPage::default();
        let (problems, links) = (&mut page.problems, &mut page.links);
        // A printed page's Markdown text is made for the edition from its events too.
        let edition = self.edition.filter(|_| planned.kind.is_content());
        let mut printed = None;
        let mut print = |events: &[pulldown_cmark::Event], site: Written| {
            let sections = edition.map(|e| e.sections());
            printed = sections.and_then(|s| printed::printed(s, &planned.path, events, site));
        };
        let (prev, next) = self.plan.neighbours(planned);
        let mut breadcrumbs: Vec<Link> = Vec::new();
        if planned.kind != Kind::Home {
            breadcrumbs.push(self.plan.home().link());
        }
        let (template, content, extra) = match planned.kind {
            Kind::Home => {
                let home = model.home.as_ref();
                let content = home
                    .map(|page| texts.page(page, &planned.path, problems, links, Some(&mut print)));
                ("index.html", content.unwrap_or_default(), Value::UNDEFINED)
            }
            Kind::Chapter(i) => {
                let page = &model.pages[i];
                let content = texts.page(page, &planned.path, problems, links, Some(&mut print));
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
                breadcrumbs.extend(self.activities_page.cloned());
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
                    texts.render(&markdown, problems, links, Some(&mut print))
                });
                let fiche = self
                    .downloads
                    .documents
                    .iter()
                    .find(|d| d.document.slug == activity.slug.value);
                let extra = context! {
                    activity => Serde(&self.activities[i]),
                    fiche => Serde(fiche),
                };
                ("activity.html", content.unwrap_or_default(), extra)
            }
            Kind::Competency(i) => {
                breadcrumbs.extend(self.referentiel_page.cloned());
                let view = views::competency_page_view(model, self.competencies[i]);
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
        let content = Value::from_safe_string(content);
        let root = self.root_of(planned);
        let site_menu = match self.menus.html(&root, &planned.path, &breadcrumbs) {
            Ok(html) => html,
            Err(error) => {
                page.problems.push(template_diagnostic(&error, self.theme));
                return page;
            }
        };
        let own = context! {
            page => Serde(info),
            root => root,
            site_menu => site_menu,
            breadcrumbs => Serde(&breadcrumbs),
            prev => Serde(prev.map(|p| p.link())),
            next => Serde(next.map(|p| p.link())),
            content => content.clone(),
        };
        let ctx = PageValues::value(own, extra, self.base.clone());
        // Written into bytes sized once for the Markdown text and the chrome around it, not grown
        // write after write from minijinja's estimate (a few hundred bytes).
        let mut html = Vec::with_capacity(content.as_str().map_or(0, str::len) + CHROME_BYTES);
        let result = self
            .env
            .get_template(template)
            .and_then(|t| t.render_captured_to(ctx, &mut html));
        // The page's Markdown text as the site has it, and as made for the edition.
        let text = content.as_str().zip(printed.as_ref());
        match result {
            Ok(mut rendered) => {
                if let Some(edition) = edition {
                    match edition.rewrite(planned, &mut rendered, self.theme, text) {
                        Ok(rewritten) => {
                            let words = search::page_words(
                                &model.settings.language,
                                &planned.title,
                                &rewritten.searched,
                            );
                            page.body = Some(Body {
                                link: planned.link(),
                                rewritten,
                                words,
                                fingerprint: std::sync::OnceLock::new(),
                            });
                        }
                        Err(problem) => page.problems.push(problem),
                    }
                }
                if wanted {
                    // Every page is held until the site is written: no spare capacity.
                    html.shrink_to_fit();
                    let known = text.and_then(|(site, printed)| {
                        printed::known_part(&planned.path, &html, site, printed)
                    });
                    let file = OutputFile::new(planned.path.clone(), html);
                    let reading = known.as_ref().map_or(Reading::Whole, Reading::Around);
                    // What the link check knows of a page is kept as long as the page is.
                    if page.file.hand(sink, file, reading) {
                        page.known = known;
                    }
                }
            }
            Err(error) => page.problems.push(template_diagnostic(&error, self.theme)),
        }
        page
    }
}

/// About what a page's template writes around its Markdown text (head, menu, breadcrumbs,
/// pager, footer): a few kilobytes.
const CHROME_BYTES: usize = 4 << 10;

fn chapter_template(template: PageTemplate) -> &'static str {
    match template {
        PageTemplate::Page => "page.html",
        PageTemplate::Activities => "activities.html",
        PageTemplate::Referentiel => "referentiel.html",
        PageTemplate::Downloads => "downloads.html",
        PageTemplate::Matrix => "matrix.html",
        PageTemplate::Coverage => "coverage.html",
        PageTemplate::Tracker => "tracker.html",
        PageTemplate::Calendar => "calendar.html",
    }
}
