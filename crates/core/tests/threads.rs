//! Natively one analysis runs its independent passes on rayon's threads
//! (`parallel` in lib.rs); the report must not depend on how the passes were
//! spread: on one thread, on the global pool, or inside a pool that is busy.

mod common;

use policylens_core::analyze;

fn one_thread(text: &str) -> policylens_core::Report {
    rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap().install(|| analyze(text))
}

#[test]
fn every_corpus_policy_gets_the_same_report_on_one_thread_and_on_two() {
    for name in ["taobao.txt", "mijian.txt", "apayun.txt", "xiaoyun.txt", "weidandan.txt"] {
        let text = common::policy(name);
        let two = analyze(&text);
        assert_eq!(one_thread(&text), two, "{name}");
        // Again, the passes now racing the first call's tables no more.
        assert_eq!(analyze(&text), two, "{name}");
    }
}

#[test]
fn analyses_running_side_by_side_in_one_pool_agree() {
    use rayon::prelude::*;
    let texts: Vec<String> = ["taobao.txt", "mijian.txt", "weidandan.txt"].iter().map(|n| common::policy(n)).collect();
    let alone: Vec<_> = texts.iter().map(|t| one_thread(t)).collect();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    let together: Vec<_> = pool.install(|| texts.par_iter().map(|t| analyze(t)).collect());
    assert_eq!(together, alone);
}

#[test]
fn a_short_text_stays_on_the_calling_thread() {
    // Below the threshold (after a process's first analysis, which builds
    // its tables on two threads) the analysis runs on the calling thread:
    // the report is what the one-thread pool gives too.
    analyze(&common::policy("weidandan.txt"));
    let text = "隐私政策\n一、我们如何收集信息\n我们收集您的手机号。\n";
    assert_eq!(analyze(text), one_thread(text));
    assert_eq!(analyze(text).outline[0].children[0].heading.as_deref(), Some("一、我们如何收集信息"));
}
