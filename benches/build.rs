//! Benchmarks of a full build of the handbook in content/: in memory (load, check, render) and
//! written to disk (plus the atomic swap). Run with `cargo bench --bench build`.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

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
}

criterion_group!(benches, handbook);
criterion_main!(benches);
