//! Benchmarks of the handbook in content/: a full build in memory (load, check, render) and to disk
//! (plus the atomic swap), and the documents alone (compose every fiche model and the fiche de
//! suivi, write each as ODT and DOCX); Markdown rendering of every page body; template rendering
//! of every page, and of one page alone (what `serve` does after an edit); the link check, on the
//! handbook and on a site of some 10,000 files made of copies of it. With
//! `LIVRET_BENCH_CORPUS=DIR` (a project written by `cargo run --example corpus`, e.g.
//! `/dev/shm/livret-compare/corpus-10000/livret`), each stage of a build of that project too
//! (load, check, theme, documents, exports, pages, one page, search index, link check, write).
//! Run with `cargo bench --bench build [-- FILTER]`; see BENCHMARKS.md.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use livret::check::links;
use livret::diagnostic::Diagnostics;
use livret::model::Model;
use livret::render::markdown::{self, LinkTargets, Markdown, Placement};
use livret::render::search::{Before, Indexer, Reuse};
use livret::render::site::Body;
use livret::render::{OutputFile, documents, exports, labels::Labels, site, theme::Theme};

/// A project loaded once, with what rendering needs besides the model.
struct Loaded {
    model: Model,
    theme: Theme,
    labels: Labels,
}

fn load(root: &Path) -> Loaded {
    let (model, problems) = livret::load::load(root);
    assert!(!problems.has_errors(), "{} does not load", root.display());
    let theme = Theme::load(root).expect("the theme loads");
    let model = model.expect("the project loads");
    let labels = Labels::new(&model);
    Loaded {
        model,
        theme,
        labels,
    }
}

fn handbook_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn handbook(c: &mut Criterion) {
    let root = handbook_root();
    c.bench_function("handbook: load + check + render (memory)", |b| {
        b.iter(|| livret::build::check(root).expect("the handbook builds"))
    });
    let out = tempfile::tempdir().expect("temporary folder");
    let output = out.path().join("public");
    c.bench_function("handbook: full build to disk", |b| {
        b.iter(|| livret::build::build(root, &output).expect("the handbook builds"))
    });
    let loaded = load(root);
    c.bench_function("handbook: documents (compose + ODT + DOCX)", |b| {
        b.iter(|| render_documents(&loaded))
    });
}

fn render_documents(loaded: &Loaded) -> (Vec<documents::Rendered>, Vec<OutputFile>) {
    let (mut files, mut problems) = (Vec::new(), Diagnostics::new());
    let rendered = documents::render(&loaded.model, &loaded.labels, &mut files, &mut problems);
    assert!(!problems.has_errors());
    (rendered, files)
}

/// Markdown alone: every page body of the handbook, with its links rewritten.
fn markdown(c: &mut Criterion) {
    let model = load(handbook_root()).model;
    // Every page is a link target, so that no link of the bodies is reported.
    let targets: LinkTargets = model
        .pages
        .iter()
        .chain(&model.home)
        .map(|page| (page.source.path.clone(), format!("{}.html", page.slug)))
        .chain(model.activities.iter().map(|activity| {
            let path = format!("activites/{}.html", activity.slug.value);
            (activity.source.path.clone(), path)
        }))
        .collect();
    let bytes: usize = model.pages.iter().map(|page| page.body().len()).sum();
    let mut group = c.benchmark_group("markdown");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("every page body of the handbook", |b| {
        b.iter(|| {
            let mut problems = Diagnostics::new();
            let html: Vec<String> = model
                .pages
                .iter()
                .map(|page| {
                    let text = Markdown {
                        text: page.body(),
                        source: &page.source,
                        placement: Placement::At(page.body_offset),
                        page_path: "page.html",
                    };
                    markdown::render(&text, "fr", &targets, &mut problems, &mut Vec::new())
                })
                .collect();
            assert!(!problems.has_errors());
            html
        })
    });
    group.finish();
}

/// Templates: every page of the handbook (Markdown included), then one page alone, as `serve`
/// re-renders it after an edit (the environment and the shared values are built either way).
fn templates(c: &mut Criterion) {
    let loaded = load(handbook_root());
    let (documents, exports) = downloads(&loaded);
    let mut group = c.benchmark_group("templates");
    group.bench_function("every page of the handbook", |b| {
        b.iter(|| pages(&loaded, &documents, &exports, None))
    });
    let one = HashSet::from(["index.html".to_owned()]);
    group.bench_function("the home page alone", |b| {
        b.iter(|| pages(&loaded, &documents, &exports, Some(&one)))
    });
    group.finish();
}

/// What the pages link to: the documents and the exports.
fn downloads(loaded: &Loaded) -> (Vec<documents::Rendered>, Vec<exports::Export>) {
    (render_documents(loaded).0, render_exports(loaded))
}

fn render_exports(loaded: &Loaded) -> Vec<exports::Export> {
    let (mut files, mut problems) = (Vec::new(), Diagnostics::new());
    let exports = exports::render(&loaded.model, &loaded.labels, &mut files, &mut problems);
    assert!(!problems.has_errors());
    exports
}

/// Renders the HTML pages (all, or those in `only`).
fn pages(
    loaded: &Loaded,
    documents: &[documents::Rendered],
    exports: &[exports::Export],
    only: Option<&HashSet<String>>,
) -> site::Rendered {
    let downloads = site::Downloads { documents, exports };
    let mut problems = Diagnostics::new();
    let pages = site::render_pages(
        &loaded.model,
        &loaded.theme,
        &downloads,
        only,
        site::Kept::default(),
        &livret::render::Keep,
        &mut problems,
    );
    assert!(!problems.has_errors() && !pages.files.files.is_empty());
    pages
}

/// Scans and checks the links of `rendering`, as a build does.
fn check_links(rendering: &livret::render::Rendering) -> Diagnostics {
    let checked = livret::build::check_links(
        rendering,
        Diagnostics::new(),
        None,
        links::NotJudged::default(),
        &|_| None,
    );
    checked.map_or_else(|problems| problems, |(problems, _)| problems)
}

fn link_check(c: &mut Criterion) {
    let root = handbook_root();
    let rendering = livret::build::compile(root, livret::build::Purpose::Publish)
        .unwrap_or_else(|_| panic!("the handbook builds"))
        .rendering;
    c.bench_function("handbook: link check", |b| {
        b.iter(|| check_links(&rendering))
    });
    // Copies of the site in sibling folders: every relative link still resolves within its copy.
    let copies = 10_000 / rendering.files.len() + 1;
    let files: Vec<OutputFile> = (0..copies)
        .flat_map(|n| {
            let files = &rendering.files;
            files
                .iter()
                .map(move |f| OutputFile::new(format!("copie-{n}/{}", f.path), f.bytes.clone()))
        })
        .collect();
    c.bench_function(&format!("link check: {} files", files.len()), |b| {
        b.iter(|| {
            let rendering = livret::render::Rendering {
                files: files.clone(),
                ..Default::default()
            };
            assert!(check_links(&rendering).is_empty());
        })
    });
}

/// The search index of `bodies`, every text part made, as a rendering makes it page after page.
fn search_index(model: &Model, bodies: &[Arc<Body>]) -> Vec<OutputFile> {
    let codes = livret::render::index_codes(model);
    let none = Reuse::default();
    let mut indexer = Indexer::new(&model.settings.language, &codes, &none, false);
    let mut files = Vec::new();
    for body in bodies {
        if let Some(part) = indexer.add(Arc::clone(body), Before::Unknown) {
            files.push(indexer.make(&part).1);
        }
    }
    files.extend(indexer.finish().0);
    files
}

/// Each stage of a build of the project in `LIVRET_BENCH_CORPUS`, when set.
fn corpus_stages(c: &mut Criterion) {
    let Some(root) = std::env::var_os("LIVRET_BENCH_CORPUS").map(PathBuf::from) else {
        return;
    };
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.bench_function("load", |b| b.iter(|| livret::load::load(&root)));
    let loaded = load(&root);
    group.bench_function("check", |b| b.iter(|| livret::check::check(&loaded.model)));
    group.bench_function("theme (templates, Sass)", |b| {
        b.iter(|| {
            let theme = Theme::load(&root).expect("the theme loads");
            theme.compile_css().expect("the stylesheet compiles")
        })
    });
    group.bench_function("documents", |b| b.iter(|| render_documents(&loaded)));
    group.bench_function("exports", |b| b.iter(|| render_exports(&loaded)));
    let (documents, exports) = downloads(&loaded);
    group.bench_function("pages (with the print edition)", |b| {
        b.iter(|| pages(&loaded, &documents, &exports, None))
    });
    // Serve's rendering, which keeps the bodies for the next.
    let rendering = livret::build::compile(&root, livret::build::Purpose::Preview)
        .unwrap_or_else(|_| panic!("the corpus builds"))
        .rendering;
    let last = loaded.model.pages.last().expect("the corpus has pages");
    let one = HashSet::from([format!("{}.html", last.slug)]);
    group.bench_function("one page re-rendered (serve: page, edition, index)", |b| {
        b.iter(|| livret::render::rerender_pages(&loaded.model, &loaded.theme, &rendering, &one))
    });
    group.bench_function("search index", |b| {
        b.iter(|| search_index(&loaded.model, &rendering.bodies))
    });
    group.bench_function("link check", |b| b.iter(|| check_links(&rendering)));
    let report = livret::build::check(&root).expect("the corpus builds");
    let out = tempfile::tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .expect("temporary folder");
    let output = out.path().join("public");
    group.bench_function("write the output folder", |b| {
        b.iter(|| livret::output::write_site(&output, &report.output).expect("written"))
    });
    group.bench_function("whole build", |b| {
        b.iter(|| livret::build::build(&root, &output).expect("the corpus builds"))
    });
    group.finish();
}

criterion_group!(
    benches,
    handbook,
    markdown,
    templates,
    link_check,
    corpus_stages
);
criterion_main!(benches);
