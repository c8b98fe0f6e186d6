//! Fuzzing the two readers of untrusted input: the plan-file parser (`plan_file::load`) and
//! the share-link decoder (`share::decode`). Inputs are random bytes, mutations of valid
//! files and links (bit flips, cuts, insertions, deletions, spliced JSON values, re-packed
//! links), and valid plans mutated field by field as JSON (a field set to an edge value or a
//! wrong type, removed, written twice, or an unknown field added). Every input must give a
//! plan or a typed error, never a panic; every accepted plan must be valid, survive a save
//! and reload unchanged, and go through costing, funding, the optimiser, phasing and the
//! risk simulation without an overflow (the test profile keeps overflow checks on).
//!
//! `cargo test --release --test fuzz` runs 20,000 inputs; the full run is
//! `FUZZ_INPUTS=1000000 cargo test --release --test fuzz -- --ignored --nocapture`
//! (`scripts/fuzz`), which prints the count.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers: a failed unwrap is a failed test.

use renovation_planner::core::plan_file::{load, to_json};
use renovation_planner::core::risk::Rng;
use renovation_planner::core::share;
use renovation_planner::core::validate::validate;

const SMALL: &str = include_str!("fixtures/small_v1.json");
const DEMO: &str = include_str!("../static/demo.json");

/// Values spliced in place of a JSON value: edge numbers, wrong types, deep nesting.
const SPLICES: &[&str] = &[
    "0",
    "-1",
    "1e999",
    "-1e999",
    "4294967296",
    "18446744073709551616",
    "0.000001",
    "1e-400",
    "null",
    "true",
    "\"\"",
    "\"六\"",
    "[]",
    "{}",
    "[[0,0]]",
    "[[0,0],[1,1],[0,1],[1,0]]",
    "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
    "\"\\ud800\"",
    "9007199254740993",
    "-0",
    "{\"building\":999}",
    "\"community\"",
    "\"teleporter\"",
    "[1,2,3]",
    "100000000",
    "100000001",
    "1000000000000",
    "1000000000001",
    "-1000000000000",
    "99999999999.99",
    "65535",
    "2101",
    "255",
    "100000",
    "40",
    "41",
    "10000",
    "10001",
];

/// One input.
enum Input {
    /// Bytes of a file.
    File(Vec<u8>),
    /// A URL fragment.
    Link(String),
}

struct Fuzz {
    rng: Rng,
}

impl Fuzz {
    fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u64() % n.max(1) as u64) as usize
    }

    fn random_bytes(&mut self) -> Vec<u8> {
        let n = self.below(300);
        (0..n).map(|_| self.rng.next_u64() as u8).collect()
    }

    /// One to four mutations of `seed`.
    fn mutate(&mut self, seed: &[u8]) -> Vec<u8> {
        let mut v = seed.to_vec();
        for _ in 0..1 + self.below(4) {
            let at = self.below(v.len() + 1);
            match self.below(7) {
                0 if !v.is_empty() => {
                    let i = self.below(v.len());
                    v[i] ^= 1 << self.below(8);
                }
                1 => v.truncate(at),
                2 => {
                    let n = self.below(16).min(v.len() - at.min(v.len()));
                    v.drain(at.min(v.len())..at.min(v.len()) + n);
                }
                3 => {
                    let b = self.random_bytes();
                    let b = &b[..b.len().min(8)];
                    v.splice(at..at, b.iter().copied());
                }
                4 => {
                    // Replace a number or a string value with a splice.
                    let s = SPLICES[self.below(SPLICES.len())].as_bytes();
                    if let Some(start) = (at..v.len()).find(|&i| b"-0123456789\"".contains(&v[i])) {
                        let end = (start + 1..v.len())
                            .find(|&i| b",}]".contains(&v[i]))
                            .unwrap_or(v.len());
                        v.splice(start..end, s.iter().copied());
                    }
                }
                5 => {
                    // Duplicate a slice (repeated ids, repeated fields).
                    let n = self.below(200).min(v.len() - at.min(v.len()));
                    let part: Vec<u8> = v[at.min(v.len())..at.min(v.len()) + n].to_vec();
                    v.splice(at..at, part);
                }
                _ => {
                    // Swap two bytes.
                    if v.len() > 1 {
                        let (i, j) = (self.below(v.len()), self.below(v.len()));
                        v.swap(i, j);
                    }
                }
            }
        }
        v
    }
}

/// A valid plan mutated as JSON, field by field: one to three changes at random places.
fn mutate_structure(f: &mut Fuzz, plan: &serde_json::Value) -> Vec<u8> {
    use serde_json::Value;
    let mut v = plan.clone();
    let mut duplicate: Option<String> = None;
    for _ in 0..1 + f.below(3) {
        // Walk down to a random value (as a JSON pointer).
        let mut pointer = String::new();
        {
            let mut cur = &v;
            for _ in 0..f.below(8) {
                let next = match cur {
                    Value::Object(o) if !o.is_empty() => {
                        let (k, x) = o.iter().nth(f.below(o.len())).unwrap();
                        pointer.push_str(&format!("/{}", k.replace('~', "~0").replace('/', "~1")));
                        Some(x)
                    }
                    Value::Array(a) if !a.is_empty() => {
                        let k = f.below(a.len());
                        pointer.push_str(&format!("/{k}"));
                        a.get(k)
                    }
                    _ => None,
                };
                match next {
                    Some(n) => cur = n,
                    None => break,
                }
            }
        }
        let Some(cur) = v.pointer_mut(&pointer) else {
            continue;
        };
        match (f.below(5), &mut *cur) {
            (0, Value::Object(o)) if !o.is_empty() => {
                let k = o.keys().nth(f.below(o.len())).cloned().unwrap_or_default();
                o.remove(&k);
            }
            (1, Value::Object(o)) => {
                o.insert(
                    format!("x_future_field_{}", f.below(100)),
                    Value::from(f.below(1000) as u64),
                );
            }
            (2, Value::Object(o)) if !o.is_empty() => {
                duplicate = o.keys().nth(f.below(o.len())).cloned();
            }
            _ => {
                let splice = SPLICES[f.below(SPLICES.len())];
                if let Ok(x) = serde_json::from_str::<Value>(splice) {
                    *cur = x;
                }
            }
        }
    }
    let mut text = v.to_string();
    // A key written twice, at the text level (JSON values cannot hold it).
    if let Some(k) = duplicate {
        let needle = format!("\"{k}\":");
        if let Some(at) = text.find(&needle) {
            text.insert_str(at, &format!("{needle}0,"));
        }
    }
    text.into_bytes()
}

/// Everything the pages compute, for a plan that was accepted: nothing may overflow.
fn compute_everything(plan: &renovation_planner::core::plan::Plan) {
    use renovation_planner::core::decide;
    let _ = renovation_planner::core::evaluate::evaluate(plan);
    for s in &plan.scenarios {
        let Ok(b) = decide::basis(plan, s) else {
            continue;
        };
        let mut settings = plan.selection;
        settings.max_nodes = settings.max_nodes.min(5_000);
        let _ = decide::optimise(plan, s, &b, &settings);
        let all: Vec<_> = s.items.iter().map(|p| p.id).collect();
        let _ = decide::phase(plan, s, &b, &all);
        let mut small = plan.clone();
        small.risk.samples = small.risk.samples.min(50);
        let _ = decide::risk(&small, &b, &all, plan.selection.budget);
    }
}

/// Checks one file input; returns true when it was accepted.
fn check_file(bytes: &[u8]) -> bool {
    match load(bytes) {
        Ok(loaded) => {
            assert!(
                validate(&loaded.plan).is_empty(),
                "an accepted plan is valid"
            );
            if !loaded.read_only {
                let again = load(to_json(&loaded.plan).as_bytes()).expect("a saved plan reloads");
                assert_eq!(again.plan, loaded.plan, "save and reload change nothing");
            }
            compute_everything(&loaded.plan);
            true
        }
        Err(e) => {
            assert!(!e.errors.is_empty(), "an error names at least one problem");
            if let Some(rest) = e.valid_rest {
                assert!(validate(&rest.plan).is_empty(), "the valid rest is valid");
            }
            false
        }
    }
}

/// Checks one link input.
fn check_link(text: &str) -> bool {
    match share::decode(text) {
        Ok(loaded) => {
            assert!(validate(&loaded.plan).is_empty());
            true
        }
        Err(share::ReadError::Plan(e)) => {
            assert!(!e.errors.is_empty());
            false
        }
        Err(_) => false,
    }
}

/// Runs `n` inputs; returns (inputs, accepted).
fn run(n: u64, seed: u64) -> (u64, u64) {
    let mut f = Fuzz {
        rng: Rng::new(seed),
    };
    let small = SMALL.as_bytes();
    let demo = DEMO.as_bytes();
    let small_plan = load(small).unwrap().plan;
    let small_value: serde_json::Value = serde_json::from_str(SMALL).unwrap();
    let link = share::encode(&small_plan).unwrap();
    let mut accepted = 0;
    for i in 0..n {
        let kind = f.below(100);
        let input = match kind {
            0..=9 => Input::File(f.random_bytes()),
            10..=39 => Input::File(f.mutate(small)),
            40..=69 => Input::File(mutate_structure(&mut f, &small_value)),
            70..=74 => Input::File(f.mutate(demo)),
            // A damaged link.
            75..=89 => {
                Input::Link(String::from_utf8_lossy(&f.mutate(link.as_bytes())).into_owned())
            }
            _ => {
                // A well-formed link around a mutated plan: reaches the parser.
                use base64::Engine;
                let packed = miniz_oxide::deflate::compress_to_vec(&f.mutate(small), 1);
                Input::Link(format!(
                    "#plan=1.{}",
                    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
                ))
            }
        };
        let result = std::panic::catch_unwind(|| match &input {
            Input::File(b) => check_file(b),
            Input::Link(t) => check_link(t),
        });
        match result {
            Ok(true) => accepted += 1,
            Ok(false) => {}
            Err(_) => {
                let bytes = match &input {
                    Input::File(b) => b.clone(),
                    Input::Link(t) => t.clone().into_bytes(),
                };
                let path = std::env::temp_dir().join(format!("fuzz-crash-{seed}-{i}.bin"));
                let _ = std::fs::write(&path, &bytes);
                panic!(
                    "input {i} (seed {seed}) panicked; saved to {}",
                    path.display()
                );
            }
        }
    }
    (n, accepted)
}

#[test]
fn twenty_thousand_inputs_without_a_panic() {
    let (n, accepted) = run(20_000, 1);
    assert_eq!(n, 20_000);
    // Mutations keep some files valid: the accepting paths are exercised too.
    assert!(accepted > 100, "accepted {accepted}");
}

#[test]
#[ignore = "long: scripts/fuzz runs it"]
fn fuzz_many() {
    let n: u64 = std::env::var("FUZZ_INPUTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_261_126);
    let t = std::time::Instant::now();
    let (n, accepted) = run(n, seed);
    println!(
        "fuzz: {n} inputs (seed {seed}), 0 panics, {accepted} accepted as plans, {:.0} s",
        t.elapsed().as_secs_f64()
    );
}
