//! No function in `src/` is longer than 150 lines and no file longer than 800, as the
//! architecture asks (issue 14): a newcomer reads any function on one or two screens. The
//! source is parsed with `syn`, so strings, comments and macros cannot confuse the count; a
//! function is measured from its first line (attributes and doc comments left out) to its
//! closing brace, closures and `html!` bodies inside it included. Methods and functions nested
//! in modules count alike. The one exception is the translation table
//! (`src/ui/i18n/table.rs`): generated-style data, one arm per text, read by search, not
//! top to bottom. Run it alone with `cargo test --test function_lengths`.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

use std::fs;
use std::path::{Path, PathBuf};
use syn::visit::Visit;

const MAX_FN_LINES: usize = 150;
const MAX_FILE_LINES: usize = 800;
/// Files that are tables, not code: exempt from both limits.
const TABLES: &[&str] = &["src/ui/i18n/table.rs"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every function's name and its length in lines, from the `fn` line to the closing brace.
#[derive(Default)]
struct Lengths {
    found: Vec<(String, usize, usize)>,
}

impl Lengths {
    fn add(&mut self, name: String, sig: proc_macro2::Span, body: proc_macro2::Span) {
        let first = sig.start().line;
        let last = body.end().line;
        self.found.push((name, first, last + 1 - first));
    }
}

impl<'a> Visit<'a> for Lengths {
    fn visit_item_fn(&mut self, f: &'a syn::ItemFn) {
        self.add(
            f.sig.ident.to_string(),
            f.sig.fn_token.span,
            f.block.brace_token.span.close(),
        );
        syn::visit::visit_item_fn(self, f);
    }
    fn visit_impl_item_fn(&mut self, f: &'a syn::ImplItemFn) {
        self.add(
            f.sig.ident.to_string(),
            f.sig.fn_token.span,
            f.block.brace_token.span.close(),
        );
        syn::visit::visit_impl_item_fn(self, f);
    }
    fn visit_trait_item_fn(&mut self, f: &'a syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.add(
                f.sig.ident.to_string(),
                f.sig.fn_token.span,
                block.brace_token.span.close(),
            );
        }
        syn::visit::visit_trait_item_fn(self, f);
    }
}

/// (file, function, first line, lines) of every function in `src` longer than the limit.
fn too_long(root: &Path) -> (Vec<String>, usize) {
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut functions = 0;
    for path in files {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if TABLES.contains(&rel.as_str()) {
            continue;
        }
        let src = fs::read_to_string(&path).unwrap();
        let lines = src.lines().count();
        if lines > MAX_FILE_LINES {
            problems.push(format!("{rel}: {lines} lines (at most {MAX_FILE_LINES})"));
        }
        let file = syn::parse_file(&src).unwrap_or_else(|e| panic!("{rel} does not parse: {e}"));
        let mut lengths = Lengths::default();
        lengths.visit_file(&file);
        functions += lengths.found.len();
        for (name, line, n) in lengths.found {
            if n > MAX_FN_LINES {
                problems.push(format!(
                    "{rel}:{line}: fn {name} is {n} lines (at most {MAX_FN_LINES})"
                ));
            }
        }
    }
    (problems, functions)
}

#[test]
fn no_function_over_150_lines_and_no_file_over_800() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (problems, functions) = too_long(root);
    assert!(functions > 500, "the scan found only {functions} functions");
    assert!(problems.is_empty(), "too long:\n{}", problems.join("\n"));
}

/// The measure itself: a 151-line function is found, a 150-line one is not, and braces in
/// strings or comments do not fool it.
#[test]
fn the_measure_counts_lines_from_fn_to_closing_brace() {
    let body = |n: usize| {
        (0..n - 2)
            .map(|_| "    let _ = \"}\"; // {\n")
            .collect::<String>()
    };
    let src = format!(
        "fn ok() {{\n{}}}\nstruct S;\nimpl S {{\n    fn long() {{\n{}}}\n}}\n",
        body(150),
        body(151)
    );
    let file = syn::parse_file(&src).unwrap();
    let mut lengths = Lengths::default();
    lengths.visit_file(&file);
    let found: Vec<(String, usize)> = lengths.found.into_iter().map(|(n, _, l)| (n, l)).collect();
    assert_eq!(
        found,
        vec![("ok".to_string(), 150), ("long".to_string(), 151)]
    );
}
