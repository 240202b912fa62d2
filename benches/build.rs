//! Benchmarks of the handbook in content/: a full build in memory (load, check, render) and to disk
//! (plus the atomic swap), and the documents alone (compose every fiche model and the fiche de
//! suivi, write each as ODT and DOCX). Run with `cargo bench --bench build`.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

use livret::diagnostic::Diagnostics;
use livret::render::{documents, labels::Labels, theme::Theme};

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

criterion_group!(benches, handbook);
criterion_main!(benches);
