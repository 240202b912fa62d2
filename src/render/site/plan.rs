//! The page plan: every page of the site with its path, title, parent and place in the reading
//! order, fixed once before anything is rendered. Paths are relative to the site root; nothing
//! here renders.

use std::collections::HashMap;
use std::path::Path;

use crate::load::HOME_FILE;
use crate::model::{Model, PageTemplate};
use crate::render::labels;
use crate::render::markdown::LinkTargets;
use crate::render::paths::Paths;
use crate::render::views::{self, Link};

/// What a planned page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Home,
    Chapter(usize),
    Activity(usize),
    /// A competency, by its position in référentiel order.
    Competency(usize),
    /// The search page: not content, so neither in the reading order nor searched itself.
    Search,
    NotFound,
}

impl Kind {
    /// The name templates see as `page.kind`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Home => "home",
            Kind::Chapter(_) => "chapter",
            Kind::Activity(_) => "activity",
            Kind::Competency(_) => "competency",
            Kind::Search => "search",
            Kind::NotFound => "not_found",
        }
    }

    /// Whether the page is part of the handbook's text: in the reading order, and searched.
    pub fn is_content(self) -> bool {
        !matches!(self, Kind::Search | Kind::NotFound)
    }

    /// Whether the page is in the print edition: content, but not a competency (the référentiel
    /// chapter holds them all in one table) nor a chapter whose front matter says `print: false`.
    pub fn is_printed(self, model: &Model) -> bool {
        match self {
            Kind::Chapter(i) => model.pages[i].front.print,
            Kind::Competency(_) => false,
            kind => kind.is_content(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Planned {
    pub kind: Kind,
    pub path: String,
    pub title: String,
}

impl Planned {
    pub fn link(&self) -> Link {
        Link {
            title: self.title.clone(),
            path: self.path.clone(),
        }
    }
}

/// The plan of the site.
pub struct Plan {
    /// Every page: home, chapters (the activities page followed by the activities, the
    /// référentiel page by the competencies), then the search page and the 404 page.
    pub pages: Vec<Planned>,
    /// Position of each page in the reading order (every page but the 404).
    reading: HashMap<String, usize>,
}

impl Plan {
    pub fn new(model: &Model) -> Plan {
        let paths = Paths::of(&model.settings.language);
        let mut pages = vec![Planned {
            kind: Kind::Home,
            path: "index.html".to_owned(),
            title: model.home.as_ref().map_or_else(
                || model.settings.title.clone(),
                |home| home.front.title.clone(),
            ),
        }];
        let activities = model
            .activities
            .iter()
            .enumerate()
            .map(|(i, activity)| Planned {
                kind: Kind::Activity(i),
                path: paths.activity(&activity.slug.value),
                title: activity.title.clone(),
            });
        let competencies = model
            .referentiel
            .competencies()
            .enumerate()
            .map(|(i, c)| Planned {
                kind: Kind::Competency(i),
                path: paths.competency(&c.code.value),
                // The code and what it names, as readers look for either.
                title: format!("{} – {}", c.code.value, c.title.value),
            });
        let (mut activities, mut competencies) = (Some(activities), Some(competencies));
        for (i, page) in model.pages.iter().enumerate() {
            pages.push(Planned {
                kind: Kind::Chapter(i),
                path: views::chapter_path(&page.slug),
                title: page.front.title.clone(),
            });
            match page.front.template {
                PageTemplate::Activities => pages.extend(activities.take().into_iter().flatten()),
                PageTemplate::Referentiel => {
                    pages.extend(competencies.take().into_iter().flatten())
                }
                _ => {}
            }
        }
        // Without a page to follow, they come after the chapters.
        pages.extend(activities.into_iter().flatten());
        pages.extend(competencies.into_iter().flatten());
        let reading = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.clone(), i))
            .collect();
        pages.push(Planned {
            kind: Kind::Search,
            path: paths.search.clone(),
            title: labels::page_title("page-title-search", &model.settings),
        });
        pages.push(Planned {
            kind: Kind::NotFound,
            path: "404.html".to_owned(),
            title: labels::page_title("page-title-not-found", &model.settings),
        });
        Plan { pages, reading }
    }

    pub fn home(&self) -> &Planned {
        &self.pages[0]
    }

    pub fn search(&self) -> &Planned {
        // Always planned, just before the 404 page.
        &self.pages[self.pages.len() - 2]
    }

    /// The chapter page using `template`, if any.
    pub fn chapter_with(&self, model: &Model, template: PageTemplate) -> Option<&Planned> {
        self.pages.iter().find(|p| match p.kind {
            Kind::Chapter(i) => model.pages[i].front.template == template,
            _ => false,
        })
    }

    /// The previous and next pages in reading order.
    pub fn neighbours(&self, page: &Planned) -> (Option<&Planned>, Option<&Planned>) {
        match self.reading.get(&page.path) {
            Some(&i) => (
                i.checked_sub(1).map(|i| &self.pages[i]),
                self.pages.get(i + 1).filter(|p| p.kind.is_content()),
            ),
            None => (None, None),
        }
    }

    /// Where links to content sources lead: each page and activity source → its output path.
    pub fn link_targets(&self, model: &Model) -> LinkTargets {
        let paths = Paths::of(&model.settings.language);
        let mut targets = LinkTargets::default();
        for planned in &self.pages {
            let source: Option<&Path> = match planned.kind {
                Kind::Home => Some(Path::new(HOME_FILE)),
                Kind::Chapter(i) => Some(&model.pages[i].source.path),
                Kind::Activity(i) => Some(&model.activities[i].source.path),
                Kind::Competency(_) | Kind::Search | Kind::NotFound => None,
            };
            if let Some(source) = source {
                targets.insert(source, planned.path.clone());
            }
        }
        // A link to a page or an activity that failed to load is left for its loading error:
        // its page gets the path it would most likely have.
        for path in &model.unloaded {
            let stem = crate::load::file_stem(path);
            if path.starts_with(crate::load::PAGES_DIR) {
                targets.insert(path, format!("{stem}.html"));
            } else if path.starts_with(crate::load::ACTIVITIES_DIR) {
                targets.insert(path, paths.activity(&stem));
            }
        }
        targets
    }
}
