//! The print edition's files, rendered with `print.html` from the bodies `print` rewrote: the edition
//! page itself, or past one volume its volumes and a contents page at its path; and for each file
//! with bodies, the stand-in the link check reads (the same file without the bodies, which were
//! checked on their pages, plus their anchors). It neither rewrites bodies nor cuts volumes
//! (`print` does both).

use std::collections::HashSet;
use std::ops::Range;

use minijinja::value::Serde;
use minijinja::{Value, context};
use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Model;
use crate::render::labels;
use crate::render::{Handed, OutputFile, Reading, Sink, StandIn};

use super::PageInfo;
use super::environment::template_diagnostic;
use super::plan::Plan;
use super::print::{self, Edition, Rewritten, Volume};
use crate::render::theme::Theme;

/// What the edition's files are rendered with.
pub struct Context<'a> {
    pub model: &'a Model,
    pub theme: &'a Theme,
    pub env: &'a minijinja::Environment<'a>,
    pub plan: &'a Plan,
    /// The values every page is given.
    pub base: &'a Value,
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

/// Renders the edition of `bodies` (the printed pages' bodies, in reading order): every file, or
/// with `only`, the volumes holding a page of it (and the contents page).
pub fn render(
    cx: &Context,
    edition: &Edition,
    bodies: &[&Rewritten],
    only: Option<&HashSet<String>>,
) -> Printed {
    let mut printed = Printed::default();
    let volumes = edition.volumes();
    // Each volume's bodies. A page that failed to render has no body (its error says so): the
    // edition goes on without it rather than adding errors of its own.
    let count = bodies.len();
    let ranges: Vec<Range<usize>> = match volumes {
        [_] => std::iter::once(0..count).collect(),
        _ => volumes
            .iter()
            .map(|v| v.pages.start.min(count)..v.pages.end.min(count))
            .collect(),
    };
    let wanted = |n: &usize| {
        only.is_none_or(|only| {
            only.contains(&volumes[*n].path)
                || bodies[ranges[*n].clone()]
                    .iter()
                    .any(|b| only.contains(&b.section.path))
        })
    };
    let ids = print::ids(bodies);
    let rendered: Vec<_> = (0..volumes.len())
        .into_par_iter()
        .filter(wanted)
        .map(|n| {
            let (result, problems) =
                render_volume(cx, volumes, n, &bodies[ranges[n].clone()], &ids);
            // Each volume to the sink at once: the edition is never held whole.
            let handed = result.map(|(file, stand_in)| {
                let mut handed = Handed::default();
                handed.hand(cx.sink, file, Reading::StandIn);
                (handed, stand_in)
            });
            (handed, problems)
        })
        .collect();
    for (result, problems) in rendered {
        printed.problems.extend(problems);
        match result {
            Ok((file, stand_in)) => {
                printed.files.extend(file);
                printed.stand_ins.push(stand_in);
            }
            Err(error) => printed.problems.push(error),
        }
    }
    if volumes.len() > 1 {
        match render_contents(cx, volumes, bodies, &ranges) {
            Ok(file) => {
                printed.files.hand(cx.sink, file, Reading::Whole);
            }
            Err(error) => printed.problems.push(error),
        }
    }
    printed
}

/// Volume `n`'s file, of its `bodies` (`ids`: the whole edition's), and its stand-in, with the
/// problems of its assembly.
fn render_volume(
    cx: &Context,
    volumes: &[Volume],
    n: usize,
    bodies: &[&Rewritten],
    ids: &HashSet<&str>,
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
            ..page_values(cx)
        };
        cx.env
            .get_template("print.html")
            .and_then(|t| t.render(ctx))
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
    bodies: &[&Rewritten],
    ranges: &[Range<usize>],
) -> Result<OutputFile, Diagnostic> {
    let link = print::link(&cx.model.settings);
    let title = |i: Option<usize>| {
        let body = i.and_then(|i| bodies.get(i));
        body.map_or("", |b| b.section.title.as_str())
    };
    let entries: Vec<VolumeEntry> = volumes
        .iter()
        .zip(ranges)
        .enumerate()
        .map(|(n, (volume, range))| VolumeEntry {
            path: &volume.path,
            number: n + 1,
            first: title(Some(range.start)),
            last: title(range.end.checked_sub(1)),
            pages: range.len(),
        })
        .collect();
    let ctx = context! {
        page => Serde(PageInfo { path: &link.path, title: &link.title, kind: "print" }),
        breadcrumbs => Serde([cx.plan.home().link()]),
        sections => Serde(Vec::<print::Section>::new()),
        volumes => Serde(&entries),
        pages => bodies.len(),
        ..page_values(cx)
    };
    let html = cx
        .env
        .get_template("print.html")
        .and_then(|t| t.render(ctx));
    let html = html.map_err(|e| template_diagnostic(&e, cx.theme))?;
    Ok(OutputFile::new(&link.path, html.into_bytes()))
}

/// The values of every file of the edition: at the site's root, without neighbours, neither a
/// volume nor the contents page unless told.
fn page_values(cx: &Context) -> Value {
    context! {
        volume => Value::from(()),
        volumes => Value::from(()),
        root => "",
        prev => Value::from(()),
        next => Value::from(()),
        content => "",
        ..cx.base.clone()
    }
}
