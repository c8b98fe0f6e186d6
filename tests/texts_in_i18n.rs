//! Every user-visible text goes through `src/ui/i18n/`: no file elsewhere in `src/ui` holds a
//! Chinese text or chooses between languages itself (`Lang::Zh => …`). Outside `i18n`, texts
//! are [`Key`]s or phrase functions, so a text without its translation does not compile, and
//! the translation table is the one place a translator reads. Comments and test modules are
//! left out. Run it alone with `cargo test --test texts_in_i18n`.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

use std::fs;
use std::path::{Path, PathBuf};

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

/// The lines of `src` (before its test module, comments cut) that hold an inline text.
fn inline_texts(src: &str) -> Vec<(usize, String)> {
    let code = src.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let line = line.split("//").next().unwrap_or("");
            let chinese = line.chars().any(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
            });
            let chooses = ["Lang::Zh =>", "Lang::En =>", "== Lang::Zh", "== Lang::En"]
                .iter()
                .any(|p| line.contains(p));
            (chinese || chooses).then(|| (i + 1, line.trim().to_string()))
        })
        .collect()
}

#[test]
fn no_text_outside_the_translation_layer() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut found = Vec::new();
    // Test modules in their own file (`tests.rs`) are left out like inline ones.
    let checked = files
        .iter()
        .filter(|f| !f.starts_with(ui.join("i18n")) && !f.ends_with("tests.rs"));
    for f in checked {
        for (line, text) in inline_texts(&fs::read_to_string(f).unwrap()) {
            found.push(format!(
                "{}:{line}: {text}",
                f.strip_prefix(&ui).unwrap().display()
            ));
        }
    }
    assert!(
        found.len() < files.len() || files.len() > 20,
        "the scan read src/ui"
    );
    assert!(
        found.is_empty(),
        "texts outside src/ui/i18n:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_a_chinese_text_and_a_choice_of_language() {
    let src = r#"
        // 注释里的中文不算
        let a = "整个小区";
        let b = match lang { Lang::Zh => x, Lang::En => y };
        #[cfg(test)]
        mod tests { const T: &str = "测试"; }
    "#;
    let found = inline_texts(src);
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), vec![3, 4]);
}
