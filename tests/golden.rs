//! The demo community's full report is a golden file: any change to a number the user sees
//! shows up here. Regenerate after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

mod common;

use renovation_planner::core::evaluate::evaluate;
use renovation_planner::core::model::ScenarioId;

fn check(name: &str, actual: &str) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(expected.lines().count().min(actual.lines().count()), |i| i);
        panic!(
            "{name} differs from the golden file at line {}:\n  expected: {}\n  actual:   {}",
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>")
        );
    }
}

#[test]
fn demo_report_matches_the_golden_file() {
    let mut plan = common::demo();
    for (id, name) in [(1, "demo_report.json"), (2, "demo_report_basic.json")] {
        plan.current_scenario = ScenarioId(id);
        let ev = evaluate(&plan).expect("demo evaluates");
        let json = serde_json::to_string_pretty(&ev).expect("serialise") + "\n";
        check(name, &json);
    }
}

#[test]
fn the_cli_prints_the_same_report() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_renoplan"))
        .args(["report", "static/demo.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run renoplan");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/demo_report.json"
    ))
    .unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == golden,
        "CLI report equals the golden file"
    );
    // A bad file gives a message naming the problem, and a non-zero exit.
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_renoplan"))
        .args(["report", "Cargo.toml", "--lang", "zh"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run renoplan");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("不是有效的 JSON"));
}
