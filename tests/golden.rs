//! The demo community's full report is a golden file: any change to a number the user sees
//! shows up here. Regenerate after an intended change with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.
#![allow(clippy::unwrap_used)] // Test helpers: a failed unwrap is a failed test.

mod common;

use renovation_planner::core::evaluate::evaluate;
use renovation_planner::core::ids::ScenarioId;

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

/// `renoplan optimise`'s exit codes: 0 proven optimal, 3 infeasible, 4 stopped with a gap
/// (the message says how far below the optimum the best found can be at most).
#[test]
fn optimise_exit_codes_say_optimal_infeasible_or_stopped() {
    let run = |file: &str, args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_renoplan"))
            .arg("optimise")
            .arg(file)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run renoplan");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
        (
            out.status.code(),
            json["status"].as_str().unwrap_or_default().to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (code, status, _) = run("static/demo.json", &["--budget", "4000000"]);
    assert_eq!((code, status.as_str()), (Some(0), "optimal"));
    let (code, status, msg) = run(
        "static/demo.json",
        &["--budget", "1000000", "--max-nodes", "1"],
    );
    assert_eq!((code, status.as_str()), (Some(4), "stopped"));
    assert!(
        msg.contains("at most") && msg.contains("% below the optimum"),
        "{msg}"
    );
    // A must-do item over the budget: infeasible.
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("static/demo.json").unwrap()).unwrap();
    plan["scenarios"][0]["items"][0]["must"] = "do".into();
    let file = std::env::temp_dir().join(format!("renoplan-must-{}.json", std::process::id()));
    std::fs::write(&file, plan.to_string()).unwrap();
    let (code, status, msg) = run(file.to_str().unwrap(), &["--budget", "1", "--lang", "zh"]);
    std::fs::remove_file(&file).ok();
    assert_eq!((code, status.as_str()), (Some(3), "infeasible"), "{msg}");
    assert!(msg.contains("无可行方案"), "{msg}");
}
