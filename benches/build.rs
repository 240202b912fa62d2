//! Benchmarks of the handbook in content/: a full build in memory (load, check, render) and to disk
//! (plus the atomic swap), and the documents alone (compose every fiche model and the fiche de
//! suivi, write each as ODT and DOCX), and the link check, on the handbook and on a site of some
//! 10,000 files made of copies of it. Run with `cargo bench --bench build`.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

use livret::check::links;
use livret::diagnostic::Diagnostics;
use livret::render::{OutputFile, documents, labels::Labels, theme::Theme};

fn handbook(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    c.bench_function("handbook: load + check + render (memory)", |b| {
        b.iter(|| livret::build::check(root).expect("the handbook builds"))
    });
    let out = tempfile::tempdir().expect("temporary folder");
    let output = out.path().join("public");
    c.bench_function("handbook: full build to disk", |b| {
        b.iter(|| livret::build::build(root, &output).expect("the handbook builds"))
    });
    let (model, _) = livret::load::load(root);
    let model = model.expect("the handbook loads");
    let theme = Theme::load(root).expect("the theme loads");
    let labels = Labels::load(&theme).expect("the labels load");
    c.bench_function("handbook: documents (compose + ODT + DOCX)", |b| {
        b.iter(|| {
            let (mut files, mut problems) = (Vec::new(), Diagnostics::new());
            documents::render(&model, &labels, &mut files, &mut problems);
            assert!(!problems.has_errors());
            files
        })
    });
}

fn link_check(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rendering = livret::build::compile(root)
        .unwrap_or_else(|_| panic!("the handbook builds"))
        .rendering;
    c.bench_function("handbook: link check", |b| {
        b.iter(|| links::check(&rendering.files, &rendering.links))
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
            let problems = links::check(&files, &[]);
            assert!(problems.is_empty());
        })
    });
}

criterion_group!(benches, handbook, link_check);
criterion_main!(benches);
