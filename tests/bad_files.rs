//! The corpus of bad plan files (`tests/fixtures/bad`): each is refused with its own kind of
//! error at its own field path, with a message in both languages that names the field; none
//! panics; where only parts are bad, the valid rest is offered. `expected.json` lists them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers: a failed unwrap is a failed test.

use renovation_planner::core::format::Lang;
use renovation_planner::core::plan_file::{load, MAX_BYTES};
use serde_json::Value;

fn dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

fn kind_name(e: &renovation_planner::core::error::PlanError) -> String {
    serde_json::to_value(e).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_bad_file_is_refused_with_its_own_message_and_path() {
    let expected: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap())
            .unwrap();
    assert!(expected.len() >= 15, "a corpus of at least 15 files");
    let mut messages = std::collections::BTreeSet::new();
    for (name, want) in &expected {
        let bytes = std::fs::read(dir().join(name)).unwrap();
        let err = match load(&bytes) {
            Ok(_) => panic!("{name} was accepted"),
            Err(e) => e,
        };
        let first = &err.errors[0];
        assert_eq!(
            kind_name(first),
            want["kind"].as_str().unwrap(),
            "{name}: {first:?}"
        );
        assert_eq!(
            first.path,
            want["path"].as_str().unwrap(),
            "{name}: {first:?}"
        );
        for lang in [Lang::Zh, Lang::En] {
            let m = first.message(lang);
            assert!(
                m.contains(&first.path),
                "{name}: the message names the field: {m}"
            );
            assert!(
                m.len() > first.path.len() + 8,
                "{name}: says what is wrong: {m}"
            );
        }
        messages.insert(first.message(Lang::En));
    }
    assert_eq!(
        messages.len(),
        expected.len(),
        "every file gets its own message"
    );
}

#[test]
fn partly_bad_files_offer_the_valid_rest() {
    for name in ["14-unknown-item.json", "15-missing-building.json"] {
        let err = load(&std::fs::read(dir().join(name)).unwrap()).unwrap_err();
        let rest = err.valid_rest.expect(name);
        assert!(
            !rest.plan.scenarios[0].items.is_empty(),
            "{name}: the rest keeps the good items"
        );
        assert!(renovation_planner::core::validate::validate(&rest.plan).is_empty());
    }
    // Broken structure has no rest to offer.
    let err = load(&std::fs::read(dir().join("01-cut-short.json")).unwrap()).unwrap_err();
    assert!(err.valid_rest.is_none());
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let big = vec![b' '; MAX_BYTES + 1];
    let err = load(&big).unwrap_err();
    assert_eq!(kind_name(&err.errors[0]), "too_large");
    assert!(err.errors[0].message(Lang::Zh).contains("8 MB"));
}
