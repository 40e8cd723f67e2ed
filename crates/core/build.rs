//! Generates the knowledge base the core embeds from `data/sdk-kb.csv`, which
//! has one owner and keeps every column (typical data, privacy URL, source,
//! how sure the row is) for the people who curate it. The analysis reads
//! only names, aliases, providers and category: the other columns would cost
//! the web bundle about 40 KB for nothing, so they are left out here.

use std::io::Write;

fn main() {
    let src = "data/sdk-kb.csv";
    println!("cargo:rerun-if-changed={src}");
    let csv = std::fs::read_to_string(src).expect("data/sdk-kb.csv is readable");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut out =
        std::fs::File::create(std::path::Path::new(&out_dir).join("sdk-kb.csv")).expect("OUT_DIR is writable");
    for line in csv.lines() {
        let cols: Vec<&str> = line.split(',').take(4).collect();
        writeln!(out, "{}", cols.join(",")).expect("OUT_DIR is writable");
    }
}
