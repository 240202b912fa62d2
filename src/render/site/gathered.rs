//! The pages rendered, gathered in reading order a run at a time: their files, what they found,
//! and each content page's body handed to the print edition's volumes and the search index, which
//! make their files as the bodies come. It renders no page itself (`site` does) and writes
//! nothing but through the sink.

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::Diagnostics;
use crate::model::Model;
use crate::render::{Reading, Sink, search};

use super::plan::Planned;
use super::{Body, Rendered, RenderedPage, edition};

/// How many pages render between two gatherings: enough to keep every core busy, few enough that
/// what is held for the edition's volume and the index's part being filled stays small.
const PAGES_AT_ONCE: usize = 512;

/// The pages rendered, gathered in reading order: their files, what they found, and their bodies
/// for the print edition and the search index, which make their files as the bodies come.
pub(super) struct Gathered<'a> {
    pub model: &'a Model,
    pub sink: &'a dyn Sink,
    /// The previous rendering's bodies, by path.
    pub kept: &'a foldhash::HashMap<&'a str, &'a Arc<Body>>,
    /// Whether the bodies and what the index leaves are kept for the next rendering.
    pub reused: bool,
    /// What the bodies make, when the print edition is rendered (and with it the index).
    pub products: Option<Products<'a>>,
    pub rendered: Rendered,
    pub problems: &'a mut Diagnostics,
}

/// The content pages' bodies' two products, made as the bodies come.
pub(super) struct Products<'a> {
    pub volumes: edition::Volumes<'a>,
    pub indexer: search::Indexer<'a, Arc<Body>>,
}

impl Gathered<'_> {
    /// Renders `pages` with `render` (`None`: not rendered this time), on every core, a run at a
    /// time, each run gathered in reading order while the next renders, so that the output and
    /// the diagnostics do not depend on the number of threads, and the edition's volumes and the
    /// index's parts are made as their pages come.
    pub fn render(
        mut self,
        pages: &[Planned],
        render: impl Fn(&Planned) -> Option<RenderedPage> + Sync,
    ) -> Rendered {
        let mut last: Option<(&[Planned], Vec<Option<RenderedPage>>)> = None;
        for run in pages.chunks(PAGES_AT_ONCE) {
            let (rendered, ()) = rayon::join(
                || run.par_iter().map(&render).collect(),
                || {
                    if let Some((run, rendered)) = last.take() {
                        self.take(run, rendered);
                    }
                },
            );
            last = Some((run, rendered));
        }
        if let Some((run, rendered)) = last {
            self.take(run, rendered);
        }
        self.finish()
    }

    /// Takes the pages of `run` rendered, in reading order.
    fn take(&mut self, run: &[Planned], rendered: Vec<Option<RenderedPage>>) {
        let mut parts = Vec::new();
        let mut filled = Vec::new();
        for (planned, page) in run.iter().zip(rendered) {
            let body = page.and_then(|page| self.take_page(page));
            let Some(products) = self.products.as_mut().filter(|_| planned.kind.is_content())
            else {
                continue;
            };
            let kept = self.kept.get(planned.path.as_str()).copied();
            // What the previous rendering indexed of the page: the same body when it was not
            // rendered again.
            let (body, before) = match (body, kept) {
                (Some(body), Some(kept)) => (Some(body), search::Before::Was(kept)),
                (Some(body), None) => (Some(body), search::Before::Unknown),
                (None, kept) => (kept.cloned(), search::Before::Same),
            };
            if planned.kind.is_printed(self.model) {
                filled.extend(products.volumes.take(body.clone()));
            }
            if let Some(body) = body {
                if self.reused {
                    self.rendered.bodies.push(Arc::clone(&body));
                }
                parts.extend(products.indexer.add(body, before));
            }
        }
        self.make(&parts, &filled);
    }

    /// Takes one page's file and findings; returns its body.
    fn take_page(&mut self, page: RenderedPage) -> Option<Arc<Body>> {
        self.problems.extend(page.problems);
        self.rendered.links.extend(page.links);
        self.rendered.files.extend(page.file);
        self.rendered.known.extend(page.known);
        page.body.map(Arc::new)
    }

    /// Makes the index's text `parts` and the edition's `filled` volumes, on every core.
    fn make(&mut self, parts: &[search::Part<Arc<Body>>], filled: &[edition::Filled]) {
        let Some(products) = &mut self.products else {
            return;
        };
        let (indexer, volumes) = (&products.indexer, &products.volumes);
        let (parts, rendered): (Vec<_>, Vec<_>) = rayon::join(
            || parts.par_iter().map(|part| indexer.make(part)).collect(),
            || filled.par_iter().map(|v| volumes.render(v)).collect(),
        );
        for (key, file) in parts {
            products.indexer.made(key, &file);
            self.rendered.files.hand(self.sink, file, Reading::Whole);
        }
        for volume in rendered {
            products.volumes.rendered(volume);
        }
    }

    /// The edition's last files and the index's, with everything gathered.
    fn finish(mut self) -> Rendered {
        if let Some(Products { volumes, indexer }) = self.products.take() {
            // The last volume and the index's words are made side by side: each is the last
            // work of the rendering, on one core for much of it.
            let (printed, (files, index)) = rayon::join(|| volumes.finish(), || indexer.finish());
            self.rendered.files.extend(printed.files);
            self.rendered.stand_ins = printed.stand_ins;
            self.problems.extend(printed.problems);
            for file in files {
                self.rendered.files.hand(self.sink, file, Reading::Whole);
            }
            self.rendered.index = index;
        }
        self.rendered
    }
}
