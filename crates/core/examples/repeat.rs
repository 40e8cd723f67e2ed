//! Analyses one file N times, for profilers (callgrind, perf):
//! `cargo run --profile bench -p policylens-core --example repeat -- FILE [N]`.
//! Timing belongs to the criterion benchmarks; this only gives a profiler a
//! steady loop to sample.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: repeat FILE [N]");
        std::process::exit(2);
    };
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut total = 0usize;
    for _ in 0..n {
        let report = policylens_core::analyze(&text);
        total += report.findings.len() + report.outline.len();
    }
    println!("{total}");
}
