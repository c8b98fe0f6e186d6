//! The plan file: the demo round-trips; invalid files are refused with an error that names the
//! field, never a panic; the valid rest can be kept when only some parts are bad.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

mod common;

use common::demo;
use renovation_planner::core::error::ErrorKind;
use renovation_planner::core::lang::Lang;
use renovation_planner::core::plan_file::{
    load, load_str, to_json, to_json_compact, LoadError, MAX_BYTES, SCHEMA_VERSION,
    SHIPPED_VERSIONS,
};
use serde_json::{json, Value};

fn demo_value() -> Value {
    serde_json::from_str(renovation_planner::core::DEMO_JSON).unwrap()
}

fn refuse(v: &Value) -> LoadError {
    load(v.to_string().as_bytes()).expect_err("must be refused")
}

#[test]
fn demo_round_trips_exactly_in_both_formats() {
    let plan = demo();
    assert_eq!(load_str(&to_json(&plan)).unwrap().plan, plan);
    assert_eq!(load_str(&to_json_compact(&plan)).unwrap().plan, plan);
    // The shipped file is already canonical.
    assert!(
        to_json(&plan) == renovation_planner::core::DEMO_JSON,
        "demo.json is canonical"
    );
}

#[test]
fn negative_floors_are_refused_naming_the_field() {
    let mut v = demo_value();
    v["community"]["buildings"][2]["floors"] = json!(-1);
    let e = refuse(&v);
    assert_eq!(e.errors[0].path, "community.buildings[2].floors");
    assert!(matches!(e.errors[0].kind, ErrorKind::OutOfRange { .. }));
    assert!(e.errors[0]
        .message_with_path(Lang::Zh)
        .contains("community.buildings[2].floors"));
    // Said as people say it: the building by its name, the field in words.
    assert!(
        e.errors[0].message(Lang::Zh).starts_with("3号楼:层数 -1"),
        "{}",
        e.errors[0].message(Lang::Zh)
    );
    // Zero floors parses but fails validation, on the same field.
    v["community"]["buildings"][2]["floors"] = json!(0);
    let e = refuse(&v);
    assert_eq!(e.errors[0].path, "community.buildings[2].floors");
}

#[test]
fn a_self_intersecting_footprint_is_refused() {
    let mut v = demo_value();
    v["community"]["buildings"][1]["footprint"] = json!([[0, 0], [10, 10], [10, 0], [0, 10]]);
    let e = refuse(&v);
    assert!(e
        .errors
        .iter()
        .any(|e| e.path == "community.buildings[1].footprint"
            && e.kind == ErrorKind::SelfIntersecting));
    // A broken building cannot be dropped safely: no partial import.
    assert!(e.valid_rest.is_none());
}

#[test]
fn an_unknown_catalog_id_is_refused_and_the_valid_rest_offered() {
    let mut v = demo_value();
    v["scenarios"][0]["items"][3]["item"] = json!("gold_plated_roof");
    let e = refuse(&v);
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].path, "scenarios[0].items[3].item");
    assert_eq!(
        e.errors[0].kind,
        ErrorKind::UnknownItem {
            id: "gold_plated_roof".into()
        }
    );
    let rest = e.valid_rest.expect("valid rest");
    assert_eq!(
        rest.plan.scenarios[0].items.len(),
        demo().scenarios[0].items.len() - 1
    );
    assert!(rest.plan.scenarios[0]
        .items
        .iter()
        .all(|p| p.item != "gold_plated_roof"));
}

#[test]
fn wrong_schema_versions_are_refused() {
    for bad in [json!(0), json!("1"), json!(-3), json!(1.5), json!([1])] {
        let mut v = demo_value();
        v["schema_version"] = bad.clone();
        let e = refuse(&v);
        assert_eq!(e.errors[0].path, "schema_version", "{bad}");
        assert!(
            matches!(e.errors[0].kind, ErrorKind::UnknownVersion { .. }),
            "{bad}"
        );
    }
    let mut v = demo_value();
    v.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(refuse(&v).errors[0].kind, ErrorKind::MissingVersion);
    v["schema_version"] = json!(null);
    assert_eq!(refuse(&v).errors[0].kind, ErrorKind::MissingVersion);
    // A newer file with fields this version does not know: refused, saying so.
    let mut v = demo_value();
    v["schema_version"] = json!(SCHEMA_VERSION + 1);
    v["phasing"] = json!({"years": 3});
    let e = refuse(&v);
    assert!(matches!(e.errors[0].kind, ErrorKind::NewerVersion { .. }));
    // A newer file that this version can read opens read-only.
    let mut v = demo_value();
    v["schema_version"] = json!(SCHEMA_VERSION + 1);
    let l = load(v.to_string().as_bytes()).unwrap();
    assert!(l.read_only);
    assert_eq!(l.from_version, SCHEMA_VERSION + 1);
}

#[test]
fn every_shipped_version_has_a_fixture_that_loads() {
    for v in SHIPPED_VERSIONS {
        let path = format!(
            "{}/tests/fixtures/plan_v{v}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let l = load(&bytes).unwrap_or_else(|e| panic!("{path}: {:?}", e.errors));
        assert_eq!(l.from_version, v);
        assert_eq!(l.plan.schema_version, SCHEMA_VERSION);
        assert!(!l.read_only);
    }
}

#[test]
fn a_50_mb_file_is_refused_before_parsing() {
    let mut big = Vec::with_capacity(50 * 1024 * 1024);
    big.extend_from_slice(b"{\"schema_version\":1,\"pad\":\"");
    big.resize(50 * 1024 * 1024 - 2, b'x');
    big.extend_from_slice(b"\"}");
    let e = load(&big).expect_err("too large");
    assert_eq!(
        e.errors[0].kind,
        ErrorKind::TooLarge {
            bytes: big.len(),
            limit: MAX_BYTES
        }
    );
    assert!(e.errors[0].message(Lang::Zh).contains("50 MB"));
}

#[test]
fn non_utf8_bytes_are_refused_with_the_offset() {
    let mut bytes = renovation_planner::core::DEMO_JSON.as_bytes().to_vec();
    let at = renovation_planner::core::DEMO_JSON
        .find("schema_version")
        .unwrap();
    bytes[at] = 0xFF;
    let e = load(&bytes).expect_err("not utf-8");
    assert_eq!(e.errors[0].kind, ErrorKind::NotUtf8 { offset: at });
    // GBK-encoded Chinese (a common mistake on Windows) is not UTF-8 either.
    let gbk = [b'{', 0xC0, 0xCF, 0xBE, 0xC9, b'}'];
    assert!(matches!(
        load(&gbk).unwrap_err().errors[0].kind,
        ErrorKind::NotUtf8 { offset: 1 }
    ));
}

#[test]
fn other_malformed_files_name_what_is_wrong() {
    let e = load(b"{ not json").unwrap_err();
    assert!(matches!(
        e.errors[0].kind,
        ErrorKind::NotJson { line: 1, .. }
    ));
    assert_eq!(
        load(b"[1, 2]").unwrap_err().errors[0].kind,
        ErrorKind::NotAnObject
    );
    let mut v = demo_value();
    v["community"]["buildings"][0]
        .as_object_mut()
        .unwrap()
        .remove("year_built");
    let e = refuse(&v);
    assert_eq!(e.errors[0].path, "community.buildings[0].year_built");
    assert_eq!(e.errors[0].kind, ErrorKind::Missing);
    let mut v = demo_value();
    v["community"]["buildings"][0]["floors"] = json!("六");
    let e = refuse(&v);
    assert_eq!(e.errors[0].path, "community.buildings[0].floors");
    assert!(matches!(e.errors[0].kind, ErrorKind::WrongType { .. }));
    let mut v = demo_value();
    // A field this version does not know opens, with a note, and is written back on export.
    v["community"]["buildings"][0]["colour"] = json!("red");
    let l = load(v.to_string().as_bytes()).expect("opens");
    assert_eq!(l.notes.len(), 1);
    assert_eq!(l.notes[0].path, "community.buildings[0].colour");
    assert_eq!(l.notes[0].kind, ErrorKind::UnknownField);
    assert!(l.notes[0]
        .message(Lang::Zh)
        .starts_with("1号楼:本版本不认识“colour”"));
    let back: Value = serde_json::from_str(&to_json(&l.plan)).unwrap();
    assert_eq!(back["community"]["buildings"][0]["colour"], json!("red"));
    let mut v = demo_value();
    v["scenarios"][0]["items"][0]["target"] = json!({"stairwell": 999});
    let e = refuse(&v);
    assert_eq!(e.errors[0].path, "scenarios[0].items[0].target");
    assert!(matches!(e.errors[0].kind, ErrorKind::WrongTarget { .. }));
    let mut v = demo_value();
    v["funding"]["pools"]["central_subsidy"] = json!(1e300);
    let e = refuse(&v);
    assert_eq!(e.errors[0].path, "funding.pools.central_subsidy");
    let mut v = demo_value();
    v["community"]["buildings"][0]["stairwells"][0]["households"][0]["area_m2"] = json!(-70);
    let e = refuse(&v);
    assert_eq!(
        e.errors[0].path,
        "community.buildings[0].stairwells[0].households[0].area_m2"
    );
    // A duplicate household id.
    let mut v = demo_value();
    v["community"]["buildings"][0]["stairwells"][0]["households"][1]["id"] =
        v["community"]["buildings"][0]["stairwells"][0]["households"][0]["id"].clone();
    let e = refuse(&v);
    assert!(matches!(e.errors[0].kind, ErrorKind::Duplicate { .. }));
    assert_eq!(
        e.errors[0].path,
        "community.buildings[0].stairwells[0].households[1].id"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(renovation_planner::core::DEMO_JSON.as_bytes());
    assert_eq!(load(&bytes).unwrap().plan, demo());
}

#[test]
fn a_blank_plan_is_valid_costs_nothing_and_round_trips() {
    let plan = renovation_planner::core::plan::Plan::blank("新小区", "方案一");
    assert!(renovation_planner::core::validate::validate(&plan).is_empty());
    let back = load(to_json(&plan).as_bytes()).unwrap().plan;
    assert_eq!(back, plan);
    let catalog = renovation_planner::core::catalog::Catalog::with_edits(&plan.catalog);
    let ev = renovation_planner::core::evaluate::evaluate_with(&plan, &catalog, plan.scenario())
        .unwrap();
    assert_eq!(
        ev.costs.total.likely,
        renovation_planner::core::money::Money::ZERO
    );
}
