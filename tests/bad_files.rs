//! The corpus of bad plan files (`tests/fixtures/bad`): each is refused with its own kind of
//! error at its own field path, with a message in both languages that names the field; none
//! panics; where only parts are bad, the valid rest is offered. `expected.json` lists them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers: a failed unwrap is a failed test.

use renovation_planner::core::lang::Lang;
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
            let m = first.message_with_path(lang);
            assert!(
                m.contains(&first.path),
                "{name}: the path comes second, for designers: {m}"
            );
            assert!(
                first.message(lang).chars().count() > 8,
                "{name}: says what is wrong: {m}"
            );
            // Said in the reader's language: no English words of serde's in Chinese.
            if lang == Lang::Zh {
                let text = first.message(lang);
                for word in ["invalid", "expected", "unknown", "missing", "field"] {
                    assert!(!text.contains(word), "{name}: «{word}» in Chinese: {text}");
                }
            }
            if let Some(place) = want.get("place").and_then(Value::as_str) {
                assert!(
                    first.message(lang).starts_with(place) || lang == Lang::En,
                    "{name}: names the place as people do: {}",
                    first.message(lang)
                );
            }
        }
        messages.insert(first.message_with_path(Lang::En));
    }
    assert_eq!(
        messages.len(),
        expected.len(),
        "every file gets its own message"
    );
}

/// Files that CAD, GIS and other tools write, which open with a note: closed rings and
/// doubled corners normalised (reported as fixed), unknown fields kept and written back.
#[test]
fn tolerated_files_open_with_a_note_and_keep_what_they_had() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tolerated");
    let expected: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    for (name, want) in &expected {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let loaded = load(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {:?}", e.errors));
        let note = loaded
            .notes
            .iter()
            .find(|n| n.path == want["path"].as_str().unwrap())
            .unwrap_or_else(|| panic!("{name}: {:?}", loaded.notes));
        assert_eq!(kind_name(note), want["kind"].as_str().unwrap(), "{name}");
        assert!(
            !note.message(Lang::Zh).contains("unknown"),
            "{}",
            note.message(Lang::Zh)
        );
        // Exported, the file keeps the fields this version did not know, where they were.
        let out: Value =
            serde_json::from_str(&renovation_planner::core::plan_file::to_json(&loaded.plan))
                .unwrap();
        if name == "unknown-fields.json" {
            assert_eq!(out["community"]["buildings"][3]["gis_id"], "NY-0417");
            assert_eq!(out["x_survey_round"], 2);
            assert_eq!(loaded.notes.len(), 2);
        } else {
            // Normalised: the outline has no repeated corner any more.
            let pts = out
                .pointer(&format!(
                    "/{}",
                    want["path"]
                        .as_str()
                        .unwrap()
                        .replace(['.', '['], "/")
                        .replace(']', "")
                ))
                .unwrap();
            let pts = pts.as_array().unwrap();
            assert_ne!(pts.first(), pts.last(), "{name}");
            assert!(pts.windows(2).all(|w| w[0] != w[1]), "{name}");
        }
    }
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
