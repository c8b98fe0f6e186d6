//! `src/core` is the pure domain: it must not use the browser or UI crates. This test reads
//! every source file under `src/core` and fails on any use of them.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 6] = [
    "yew",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "plotters",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src/core") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The offending lines of `src`: any path or `use` naming a forbidden crate.
fn offences(src: &str) -> Vec<String> {
    src.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .filter(|l| {
            FORBIDDEN.iter().any(|c| {
                l.contains(&format!("{c}::"))
                    || l.contains(&format!("use {c}"))
                    || l.contains(&format!("extern crate {c}"))
                    || l.contains(&format!("#[{c}"))
            })
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn core_uses_no_browser_or_ui_crate() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/core")),
        &mut files,
    );
    assert!(files.len() >= 10, "found the core sources");
    let mut bad = Vec::new();
    for f in &files {
        let src = fs::read_to_string(f).expect("read source");
        for line in offences(&src) {
            bad.push(format!("{}: {}", f.display(), line.trim()));
        }
    }
    assert!(
        bad.is_empty(),
        "src/core must stay pure:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scanner_catches_each_forbidden_crate() {
    for c in FORBIDDEN {
        assert_eq!(offences(&format!("use {c}::prelude::*;")).len(), 1, "{c}");
        assert_eq!(offences(&format!("let x = {c}::thing();")).len(), 1, "{c}");
    }
    assert!(offences("#[wasm_bindgen]\nfn f() {}").len() == 1);
    assert!(offences("// yew:: in a comment is fine\nlet yewish = 1;").is_empty());
}
