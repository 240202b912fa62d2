//! The print edition's files, rendered with `print.html` from the bodies `print` rewrote: the edition
//! page itself, or past one volume its volumes and a contents page at its path; and for each file
//! with bodies, the stand-in the link check reads (the same file without the bodies, which were
//! checked on their pages, plus their anchors). Bodies come in reading order while the pages
//! render, and each volume is rendered as soon as its last page comes, then dropped, so that the
//! edition is never held whole. It neither rewrites bodies nor cuts volumes (`print` does both).

use std::collections::HashSet;
use std::sync::Arc;

use minijinja::value::Serde;
use minijinja::{Value, context};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Model;
use crate::render::labels;
use crate::render::views::Link;
use crate::render::{Handed, OutputFile, Reading, Sink, StandIn};

use super::environment::template_diagnostic;
use super::menu::Menus;
use super::plan::Plan;
use super::print::{self, Edition, Rewritten, Volume};
use super::{Body, PageInfo};
use crate::render::theme::Theme;

/// What the edition's files are rendered with.
pub struct Context<'a> {
    pub model: &'a Model,
    pub theme: &'a Theme,
    pub env: &'a minijinja::Environment<'a>,
    pub plan: &'a Plan,
    /// The values every page is given.
    pub base: &'a Value,
    /// The site menu, rendered once per place in it.
    pub menus: &'a Menus<'a>,
    /// Where each file goes once made (a volume is not held longer than it takes to render it).
    pub sink: &'a dyn Sink,
}

/// The edition's files and their stand-ins.
#[derive(Default)]
pub struct Printed {
    pub files: Handed,
    pub stand_ins: Vec<StandIn>,
    pub problems: Diagnostics,
}

impl Printed {
    fn extend(&mut self, other: Printed) {
        self.files.extend(other.files);
        self.stand_ins.extend(other.stand_ins);
        self.problems.extend(other.problems);
    }
}

/// A volume as the contents page lists it.
#[derive(Serialize)]
struct VolumeEntry<'a> {
    path: &'a str,
    number: usize,
    first: &'a str,
    last: &'a str,
    pages: usize,
}

/// The volume being printed, as its file shows it.
#[derive(Serialize)]
struct VolumeInfo<'a> {
    number: usize,
    total: usize,
    contents: &'a str,
}

/// A volume whose every page has come: its number, and the bodies of its pages that rendered (a
/// page that failed has none; its error says so, and the edition goes on without it).
pub struct Filled {
    number: usize,
    bodies: Vec<Arc<Body>>,
}

/// What the contents page says of a volume: its first and last pages' titles, how many pages.
#[derive(Default)]
struct Listed {
    first: String,
    last: String,
    pages: usize,
}

/// The edition's volumes, filled with the printed pages' bodies in reading order, each rendered
/// as soon as it is full — or, with `only`, each holding a page of it (and the contents page).
/// A volume with a link to an anchor of a later volume waits for that volume's ids (the link
/// leads to the section's start if its page lacks the anchor), and is rendered at the end.
pub struct Volumes<'a> {
    cx: &'a Context<'a>,
    edition: &'a Edition,
    only: Option<&'a HashSet<String>>,
    /// The ids (prefixed) of every body come so far.
    ids: print::Ids,
    /// How many printed pages have come.
    come: usize,
    filling: Vec<Arc<Body>>,
    waiting: Vec<Filled>,
    listed: Vec<Listed>,
    /// What each volume rendered gave, by number.
    printed: Vec<(usize, Printed)>,
}

impl<'a> Volumes<'a> {
    pub fn new(
        cx: &'a Context<'a>,
        edition: &'a Edition,
        only: Option<&'a HashSet<String>>,
    ) -> Self {
        Volumes {
            cx,
            edition,
            only,
            ids: print::Ids::default(),
            come: 0,
            filling: Vec::new(),
            waiting: Vec::new(),
            listed: Vec::new(),
            printed: Vec::new(),
        }
    }

    /// Takes the next printed page's body (`None`: the page failed to render); returns its volume
    /// when the page fills it and it can be rendered now.
    pub fn take(&mut self, body: Option<Arc<Body>>) -> Option<Filled> {
        if let Some(body) = body {
            self.ids.extend(body.rewritten.ids.iter().cloned());
            self.filling.push(body);
        }
        self.come += 1;
        let full = self.edition.volumes().get(self.listed.len());
        match full {
            Some(volume) if self.come >= volume.pages.end => self.close(),
            _ => None,
        }
    }

    /// Closes the volume being filled: returns it when it can be rendered now.
    fn close(&mut self) -> Option<Filled> {
        let number = self.listed.len();
        let bodies = std::mem::take(&mut self.filling);
        let title = |body: Option<&Arc<Body>>| body.map(|b| b.rewritten.section.title.clone());
        self.listed.push(Listed {
            first: title(bodies.first()).unwrap_or_default(),
            last: title(bodies.last()).unwrap_or_default(),
            pages: bodies.len(),
        });
        let path = &self.edition.volumes()[number].path;
        let wanted = self.only.is_none_or(|only| {
            only.contains(path) || bodies.iter().any(|b| only.contains(&b.link.path))
        });
        let filled = Filled { number, bodies };
        match wanted {
            false => None,
            true if self.links_ahead(&filled) => {
                self.waiting.push(filled);
                None
            }
            true => Some(filled),
        }
    }

    /// Whether a body of `filled` links to an anchor of a later volume, whose ids have not come.
    fn links_ahead(&self, filled: &Filled) -> bool {
        let later = &self.edition.volumes()[filled.number + 1..];
        filled.bodies.iter().any(|body| {
            body.rewritten.fragments.iter().any(|url| {
                let (file, fragment) = url.split_once('#').unwrap_or((url, ""));
                print::is_anchor_id(fragment) && later.iter().any(|v| v.path == file)
            })
        })
    }

    /// Renders a filled volume (on any core) and hands its file to the sink.
    pub fn render(&self, filled: &Filled) -> (usize, Printed) {
        let mut printed = Printed::default();
        let bodies: Vec<&Rewritten> = filled.bodies.iter().map(|b| &b.rewritten).collect();
        let volumes = self.edition.volumes();
        let (result, problems) = render_volume(self.cx, volumes, filled.number, &bodies, &self.ids);
        printed.problems = problems;
        match result {
            Ok((file, stand_in)) => {
                printed.files.hand(self.cx.sink, file, Reading::StandIn);
                printed.stand_ins.push(stand_in);
            }
            Err(error) => printed.problems.push(error),
        }
        (filled.number, printed)
    }

    /// Keeps what a volume rendered gave.
    pub fn rendered(&mut self, volume: (usize, Printed)) {
        self.printed.push(volume);
    }

    /// Renders the volumes still waiting and the contents page; returns everything the edition
    /// gave, in volume order.
    pub fn finish(mut self) -> Printed {
        // An edition without pages still has its (empty) volume.
        while self.listed.len() < self.edition.volumes().len() {
            if let Some(filled) = self.close() {
                self.waiting.push(filled);
            }
        }
        let waiting = std::mem::take(&mut self.waiting);
        for filled in &waiting {
            let volume = self.render(filled);
            self.rendered(volume);
        }
        self.printed.sort_by_key(|(number, _)| *number);
        let mut all = Printed::default();
        for (_, printed) in std::mem::take(&mut self.printed) {
            all.extend(printed);
        }
        if self.edition.volumes().len() > 1 {
            match render_contents(self.cx, self.edition.volumes(), &self.listed) {
                Ok(file) => {
                    all.files.hand(self.cx.sink, file, Reading::Whole);
                }
                Err(error) => all.problems.push(error),
            }
        }
        all
    }
}

/// Volume `n`'s file, of its `bodies` (`ids`: the whole edition's), and its stand-in, with the
/// problems of its assembly.
fn render_volume(
    cx: &Context,
    volumes: &[Volume],
    n: usize,
    bodies: &[&Rewritten],
    ids: &print::Ids,
) -> (Result<(OutputFile, StandIn), Diagnostic>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let own = print::assemble(bodies, ids, &mut problems);
    (file_of_volume(cx, volumes, n, &own, bodies), problems)
}

/// Volume `n`'s file, of its `own` sections, and its stand-in.
fn file_of_volume(
    cx: &Context,
    volumes: &[Volume],
    n: usize,
    own: &[print::Section],
    bodies: &[&Rewritten],
) -> Result<(OutputFile, StandIn), Diagnostic> {
    let volume = &volumes[n];
    let contents = print::link(&cx.model.settings);
    let (title, breadcrumbs, info) = if volumes.len() == 1 {
        (contents.title.clone(), vec![cx.plan.home().link()], None)
    } else {
        let title = labels::volume_title(&cx.model.settings, n + 1, volumes.len());
        let info = VolumeInfo {
            number: n + 1,
            total: volumes.len(),
            contents: &contents.path,
        };
        (
            title,
            vec![cx.plan.home().link(), contents.clone()],
            Some(info),
        )
    };
    let render = |sections: &[print::Section]| {
        let ctx = context! {
            page => Serde(PageInfo { path: &volume.path, title: &title, kind: "print" }),
            breadcrumbs => Serde(&breadcrumbs),
            sections => Serde(sections),
            volume => Serde(&info),
            ..page_values(cx, &volume.path, &breadcrumbs)?
        };
        cx.env.get_template("print.html")?.render(ctx)
    };
    let without_bodies: Vec<print::Section> =
        own.iter().map(print::Section::without_body).collect();
    let (html, stand_in) = rayon::join(|| render(own), || render(&without_bodies));
    let error = |e: minijinja::Error| template_diagnostic(&e, cx.theme);
    let anchors = bodies
        .iter()
        .flat_map(|body| body.ids.iter().cloned())
        .collect();
    Ok((
        OutputFile::new(&volume.path, html.map_err(error)?.into_bytes()),
        StandIn {
            path: volume.path.clone(),
            html: stand_in.map_err(error)?,
            anchors,
        },
    ))
}

/// The contents page of an edition in volumes, at the edition's own path.
fn render_contents(
    cx: &Context,
    volumes: &[Volume],
    listed: &[Listed],
) -> Result<OutputFile, Diagnostic> {
    let link = print::link(&cx.model.settings);
    let entries: Vec<VolumeEntry> = volumes
        .iter()
        .zip(listed)
        .enumerate()
        .map(|(n, (volume, listed))| VolumeEntry {
            path: &volume.path,
            number: n + 1,
            first: &listed.first,
            last: &listed.last,
            pages: listed.pages,
        })
        .collect();
    let breadcrumbs = [cx.plan.home().link()];
    let render = || {
        let ctx = context! {
            page => Serde(PageInfo { path: &link.path, title: &link.title, kind: "print" }),
            breadcrumbs => Serde(&breadcrumbs),
            sections => Serde(Vec::<print::Section>::new()),
            volumes => Serde(&entries),
            pages => listed.iter().map(|l| l.pages).sum::<usize>(),
            ..page_values(cx, &link.path, &breadcrumbs)?
        };
        cx.env.get_template("print.html")?.render(ctx)
    };
    let html = render();
    let html = html.map_err(|e| template_diagnostic(&e, cx.theme))?;
    Ok(OutputFile::new(&link.path, html.into_bytes()))
}

/// The values of the edition's file at `path`: at the site's root, without neighbours, neither a
/// volume nor the contents page unless told.
fn page_values(cx: &Context, path: &str, breadcrumbs: &[Link]) -> Result<Value, minijinja::Error> {
    Ok(context! {
        volume => Value::from(()),
        volumes => Value::from(()),
        root => "",
        site_menu => cx.menus.html("", path, breadcrumbs)?,
        prev => Value::from(()),
        next => Value::from(()),
        content => "",
        ..cx.base.clone()
    })
}
