//! No file of `src/ui` imports, directly or through others, a file that imports it back: the
//! rooms (views → components and the editor → labels, fields, state, i18n, engine) read one
//! way. This test reads every source file, collects the modules each one names
//! (`crate::ui::…`, `super::…`, and a folder's own child modules), and fails on any circle,
//! naming its files. Run it alone with `cargo test --test import_circles`.
//!
//! The core gets the same check, and a second one: its modules stand in the layers written in
//! `src/core/mod.rs` (`core::LAYERS`), and no module imports one of a higher layer.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Every `.rs` file under `dir` with its module path (`src/ui/editor/mod.rs` → `ui::editor`).
fn modules(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            modules(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            out.insert(parts.join("::"), fs::read_to_string(&path).unwrap());
        }
    }
}

/// The identifier paths that follow `prefix` in `src` (`crate::ui::labels::item_name` →
/// `labels::item_name`), comments and test modules left out.
fn paths_after(src: &str, prefix: &str) -> Vec<String> {
    let code = src.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().last();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(path.trim_end_matches(':').to_string());
        }
    }
    out
}

/// The module `path` (inside `base`) names, as the longest known module that starts it.
fn resolve(known: &BTreeMap<String, String>, base: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = std::iter::once(base)
        .chain(path.split("::").filter(|p| !p.is_empty()))
        .collect();
    while !parts.is_empty() {
        let m = parts.join("::");
        if known.contains_key(&m) {
            return Some(m);
        }
        parts.pop();
    }
    None
}

/// Which modules each module imports (itself left out).
fn graph(root: &str, known: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, src) in known {
        let mut to = BTreeSet::new();
        for p in paths_after(src, &format!("crate::{root}::")) {
            to.extend(resolve(known, root, &p));
        }
        let parent = m.rsplit_once("::").map_or(root, |(p, _)| p);
        for p in paths_after(src, "super::") {
            to.extend(resolve(known, parent, &p));
        }
        // A folder's own children, named relatively (`use render::*;`).
        for child in known
            .keys()
            .filter_map(|k| k.strip_prefix(&format!("{m}::")))
        {
            if !child.contains("::") && !paths_after(src, &format!("{child}::")).is_empty() {
                to.insert(format!("{m}::{child}"));
            }
        }
        to.remove(m);
        g.insert(m.clone(), to);
    }
    g
}

/// The groups of two or more modules that reach each other (Tarjan's strongly connected
/// components).
fn circles(g: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        let i = t.index.len();
        t.index.insert(v, i);
        t.low.insert(v, i);
        t.stack.push(v);
        t.on.insert(v);
        for w in t.g.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !t.g.contains_key(w) {
                continue;
            }
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut group = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                t.out.push(group);
            }
        }
    }
    let mut t = T {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
}

fn circles_of(root: &str) -> Vec<Vec<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut known = BTreeMap::new();
    modules(&src, &src.join(root), &mut known);
    circles(&graph(root, &known))
}

#[test]
fn ui_files_import_no_circle() {
    let found = circles_of("ui");
    assert!(found.is_empty(), "import circles in src/ui: {found:#?}");
}

#[test]
fn the_check_finds_a_circle_and_a_folder_s_children() {
    let mut known = BTreeMap::new();
    known.insert("ui::a".into(), "use crate::ui::b::X;".into());
    known.insert("ui::b".into(), "fn f() { crate::ui::c::g() }".into());
    known.insert("ui::c".into(), "use super::a::Y; // crate::ui::d".into());
    known.insert("ui::d".into(), "mod e;\nuse e::Z;".into());
    known.insert("ui::d::e".into(), "use crate::ui::d::W;".into());
    known.insert("ui::f".into(), "use crate::ui::a;".into());
    let found = circles(&graph("ui", &known));
    assert_eq!(
        found,
        vec![
            vec!["ui::a".to_string(), "ui::b".into(), "ui::c".into()],
            vec!["ui::d".to_string(), "ui::d::e".into()],
        ]
    );
}

#[test]
fn core_files_import_no_circle() {
    let found = circles_of("core");
    assert!(found.is_empty(), "import circles in src/core: {found:#?}");
}

/// One import that climbs: (module, its layer, the module it imports, that one's layer).
type Climb = (String, usize, String, usize);

/// The imports of `g` that climb: (module, its layer, the module it imports, that one's
/// layer), and the top-level modules that have no layer. A folder's files are in the layer
/// of the folder.
fn climbs(
    g: &BTreeMap<String, BTreeSet<String>>,
    layers: &[(&str, &[&str])],
) -> (Vec<Climb>, Vec<String>) {
    let top = |m: &str| m.split("::").nth(1).unwrap_or("").to_string();
    let layer_of = |m: &str| {
        layers
            .iter()
            .position(|(_, ms)| ms.contains(&top(m).as_str()))
    };
    let mut up = Vec::new();
    let mut missing = BTreeSet::new();
    for (m, to) in g {
        if m == "core" {
            continue;
        }
        let Some(lm) = layer_of(m) else {
            missing.insert(top(m));
            continue;
        };
        for t in to.iter().filter(|t| *t != "core") {
            match layer_of(t) {
                Some(lt) if lt > lm => up.push((m.clone(), lm, t.clone(), lt)),
                Some(_) => {}
                None => {
                    missing.insert(top(t));
                }
            }
        }
    }
    (up, missing.into_iter().collect())
}

#[test]
fn core_modules_import_only_their_layer_or_lower() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut known = BTreeMap::new();
    modules(&src, &src.join("core"), &mut known);
    let layers = renovation_planner::core::LAYERS;
    let (up, missing) = climbs(&graph("core", &known), layers);
    assert!(
        missing.is_empty(),
        "core modules in no layer of core::LAYERS (src/core/mod.rs): {missing:?}"
    );
    assert!(
        up.is_empty(),
        "core modules importing a higher layer (module, layer, imports, layer): {up:#?}"
    );
    // Every name in the table is a module (a renamed module is renamed there too).
    for (_, ms) in layers {
        for m in *ms {
            assert!(
                known.contains_key(&format!("core::{m}")),
                "core::LAYERS names `{m}`, which is not a module of src/core"
            );
        }
    }
}

#[test]
fn the_layer_check_finds_a_climb_and_a_module_without_layer() {
    let mut known = BTreeMap::new();
    known.insert("core::low".into(), "use super::high::X;".into());
    known.insert(
        "core::high".into(),
        "use super::low::Y; use super::stray::Z;".into(),
    );
    known.insert("core::high::part".into(), "use crate::core::low::W;".into());
    known.insert("core::stray".into(), String::new());
    let layers: &[(&str, &[&str])] = &[("low", &["low"]), ("high", &["high"])];
    let (up, missing) = climbs(&graph("core", &known), layers);
    assert_eq!(
        up,
        vec![("core::low".to_string(), 0, "core::high".to_string(), 1)]
    );
    assert_eq!(missing, vec!["stray".to_string()]);
}
