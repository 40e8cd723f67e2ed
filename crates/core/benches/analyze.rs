//! Criterion benchmarks: segmenting and analysing taobao.txt (56 KB), the
//! analysis on every core and on one thread, and analysis time per byte from
//! 50 KB to 10 MB (it must stay flat).
//! Run with `make bench` (or `cargo bench -p policylens-core`).

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use policylens_core::{analyze, segment, text::Lines};

fn taobao() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/policies/taobao.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bench_taobao(c: &mut Criterion) {
    let text = taobao();
    c.bench_function("segment taobao.txt", |b| {
        b.iter(|| {
            let lines = Lines::new(&text);
            segment::segment(&text, &lines)
        })
    });
    c.bench_function("analyze taobao.txt", |b| b.iter(|| analyze(&text)));
    // The same with one thread (its passes one after the other, as in the
    // browser): what an analysis costs in CPU time. The loop runs on the
    // pool's thread, so no call is handed over.
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("one thread");
    c.bench_function("analyze taobao.txt, one thread", |b| one.install(|| b.iter(|| analyze(&text))));
}

fn bench_scaling(c: &mut Criterion) {
    let base = taobao();
    let mut group = c.benchmark_group("analyze scaling");
    group.sample_size(10);
    for size in [50_000usize, 1_000_000, 10_000_000] {
        let mut text = String::with_capacity(size + base.len());
        while text.len() < size {
            text.push_str(&base);
            text.push('\n');
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, t| b.iter(|| analyze(t)));
    }
    group.finish();
}

criterion_group!(benches, bench_taobao, bench_scaling);
criterion_main!(benches);
