//! `renoplan`: the command-line tool over the same core as the web app, for batch work and
//! cross-checks.
//!
//! ```text
//! renoplan report PLAN.json [--table] [--lang zh|en] [--scenario ID]
//! renoplan optimise PLAN.json [--budget YUAN] [--no-class-rule] [--equal-shares] [--max-nodes N]
//! renoplan frontier PLAN.json [--step YUAN]
//! renoplan phase PLAN.json [--years N --per-year YUAN] [--start YEAR] [--budget YUAN]
//! renoplan risk PLAN.json [--samples N] [--seed S] [--dist pert|triangular] [--budget YUAN]
//! renoplan validate PLAN.json [--lang zh|en]
//! renoplan normalize PLAN.json          # canonical pretty JSON on stdout
//! renoplan link PLAN.json               # the share-link fragment (plan=1.…) on stdout
//! ```
//! Options override the plan's own settings; every command prints JSON except `report --table`.
//!
//! Exit codes: 0 done (for `optimise`: the selection is proven optimal); 1 the plan or an
//! option is wrong (the message says what); 2 usage; 3 `optimise` found no selection that
//! satisfies the constraints (infeasible; the JSON still says why); 4 `optimise` stopped at
//! its node limit with a gap: the JSON holds the best selection found, and the message on
//! standard error says how far below the optimum it can be at most.

#![forbid(unsafe_code)]

use renovation_planner::core::catalog::Catalog;
use renovation_planner::core::decide;
use renovation_planner::core::evaluate::{evaluate_with, Evaluation};
use renovation_planner::core::format::{money_exact, percent_bp};
use renovation_planner::core::funding_source::FundingSource;
use renovation_planner::core::ids::{PlacementId, ScenarioId};
use renovation_planner::core::lang::Lang;
use renovation_planner::core::money::Money;
use renovation_planner::core::plan::Plan;
use renovation_planner::core::plan_file::{load, to_json};
use renovation_planner::core::risk::Distribution;
use renovation_planner::core::settings::YearBudget;
use renovation_planner::core::{catalog::Class, consent::Status};
use std::process::ExitCode;

const USAGE: &str = "usage:
  renoplan report PLAN.json [--table] [--lang zh|en] [--scenario ID]
  renoplan optimise PLAN.json [--budget YUAN] [--no-class-rule] [--equal-shares] [--max-nodes N] [--scenario ID]
  renoplan frontier PLAN.json [--step YUAN] [--scenario ID]
  renoplan phase PLAN.json [--years N --per-year YUAN] [--start YEAR] [--budget YUAN] [--scenario ID]
  renoplan risk PLAN.json [--samples N] [--seed S] [--dist pert|triangular] [--budget YUAN] [--scenario ID]
  renoplan validate PLAN.json [--lang zh|en]
  renoplan normalize PLAN.json
  renoplan link PLAN.json";

#[derive(Default)]
struct Args {
    command: String,
    file: String,
    table: bool,
    lang: Lang,
    scenario: Option<u32>,
    budget: Option<f64>,
    step: Option<f64>,
    no_class_rule: bool,
    equal_shares: bool,
    max_nodes: Option<u64>,
    years: Option<u32>,
    per_year: Option<f64>,
    start: Option<u16>,
    samples: Option<u32>,
    seed: Option<u64>,
    dist: Option<Distribution>,
}

fn num<T: std::str::FromStr>(flag: &str, v: Option<&String>) -> Result<T, String> {
    let v = v.ok_or(format!("{flag} needs a value"))?;
    v.parse()
        .map_err(|_| format!("{flag}: not a valid number: {v}"))
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    let mut a = Args {
        command: it.next().ok_or(USAGE)?.clone(),
        lang: Lang::En,
        ..Args::default()
    };
    let mut file = None;
    while let Some(flag) = it.next() {
        match flag.as_str() {
            "--table" => a.table = true,
            "--no-class-rule" => a.no_class_rule = true,
            "--equal-shares" => a.equal_shares = true,
            "--lang" => a.lang = Lang::from_tag(it.next().ok_or("--lang needs zh or en")?),
            "--scenario" => a.scenario = Some(num(flag, it.next())?),
            "--budget" => a.budget = Some(num(flag, it.next())?),
            "--step" => a.step = Some(num(flag, it.next())?),
            "--max-nodes" => a.max_nodes = Some(num(flag, it.next())?),
            "--years" => a.years = Some(num(flag, it.next())?),
            "--per-year" => a.per_year = Some(num(flag, it.next())?),
            "--start" => a.start = Some(num(flag, it.next())?),
            "--samples" => a.samples = Some(num(flag, it.next())?),
            "--seed" => a.seed = Some(num(flag, it.next())?),
            "--dist" => {
                a.dist = Some(match it.next().map(String::as_str) {
                    Some("pert") => Distribution::Pert,
                    Some("triangular") => Distribution::Triangular,
                    _ => return Err("--dist needs pert or triangular".into()),
                })
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            f if !f.starts_with("--") && file.is_none() => file = Some(f.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    a.file = file.ok_or(USAGE)?;
    Ok(a)
}

fn read_plan(path: &str, lang: Lang) -> Result<Plan, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    match load(&bytes) {
        Ok(l) => {
            // What the reader fixed or kept without knowing it: said, not an error.
            for n in &l.notes {
                eprintln!("{path}: {}", n.message_with_path(lang));
            }
            Ok(l.plan)
        }
        Err(e) => Err(e
            .errors
            .iter()
            .map(|e| format!("{path}: {}", e.message_with_path(lang)))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(Done { out, code, note }) => {
            print!("{out}");
            if !out.ends_with('\n') {
                println!();
            }
            if let Some(note) = note {
                eprintln!("{note}");
            }
            ExitCode::from(code)
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::FAILURE
        }
    }
}

fn yuan(flag: &str, v: f64) -> Result<Money, String> {
    Money::from_yuan_f64(v)
        .filter(|m| *m >= Money::ZERO)
        .ok_or(format!("{flag}: {v} is not a valid amount of yuan"))
}

/// Applies command-line overrides to the plan's settings.
fn apply_overrides(plan: &mut Plan, args: &Args) -> Result<(), String> {
    if let Some(b) = args.budget {
        plan.selection.budget = yuan("--budget", b)?;
    }
    if args.no_class_rule {
        plan.priority.class_rule = false;
    }
    if args.equal_shares {
        plan.selection.equal_shares = true;
    }
    if let Some(n) = args.max_nodes {
        plan.selection.max_nodes = n;
    }
    if let Some(y) = args.start {
        plan.phasing.start_year = y;
    }
    if let (Some(n), Some(per)) = (args.years, args.per_year) {
        let budget = yuan("--per-year", per)?;
        plan.phasing.years = (0..n)
            .map(|_| YearBudget {
                budget,
                by_source: Default::default(),
            })
            .collect();
    } else if args.years.is_some() || args.per_year.is_some() {
        return Err("--years and --per-year go together".into());
    }
    if let Some(n) = args.samples {
        plan.risk.samples = n;
    }
    if let Some(s) = args.seed {
        plan.risk.seed = s;
    }
    if let Some(d) = args.dist {
        plan.risk.distribution = d;
    }
    Ok(())
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    serde_json::to_string_pretty(v).map_err(|e| e.to_string())
}

/// Exit code: `optimise` found nothing feasible.
const EXIT_INFEASIBLE: u8 = 3;
/// Exit code: `optimise` stopped at its node limit with a gap.
const EXIT_STOPPED: u8 = 4;

/// What a command prints, its exit code and a note for standard error.
struct Done {
    out: String,
    code: u8,
    note: Option<String>,
}

impl From<String> for Done {
    fn from(out: String) -> Self {
        Done {
            out,
            code: 0,
            note: None,
        }
    }
}

/// The result of `optimise`, with its exit code and what a stop means.
fn optimised(
    r: &renovation_planner::core::select::SelectionReport,
    lang: Lang,
) -> Result<Done, String> {
    use renovation_planner::core::optimise::Status as S;
    let out = json(r)?;
    let gap = format!("{:.1}", r.gap_permille as f64 / 10.0);
    Ok(match r.status {
        S::Optimal => out.into(),
        S::Infeasible => Done {
            out,
            code: EXIT_INFEASIBLE,
            note: Some(match lang {
                Lang::Zh => "无可行方案:必做项目、依赖或类别下限无法在预算内同时满足".into(),
                Lang::En => "infeasible: the must-do items, dependencies or class minimums cannot all be met within the budget".into(),
            }),
        },
        S::Stopped => Done {
            out,
            code: EXIT_STOPPED,
            note: Some(match lang {
                Lang::Zh => format!("达到搜索上限({} 个节点):这是找到的最好方案,最多比最优方案低 {gap}%(已证明的上界 {:.1})", r.nodes, r.priority_bound),
                Lang::En => format!("stopped at the search limit ({} nodes): best found, at most {gap} % below the optimum (proven bound {:.1})", r.nodes, r.priority_bound),
            }),
        },
    })
}

fn run(args: &Args) -> Result<Done, String> {
    let mut plan = read_plan(&args.file, args.lang)?;
    apply_overrides(&mut plan, args)?;
    let scenario = match args.scenario {
        Some(id) => plan
            .scenario_by_id(ScenarioId(id))
            .ok_or(format!("no scenario {id}"))?
            .clone(),
        None => plan.scenario().clone(),
    };
    let decision = |plan: &Plan| {
        decide::basis(plan, &scenario).map_err(|e| format!("cannot cost the plan: {e:?}"))
    };
    // The items to phase or simulate: the optimised selection when a budget is set, else all.
    let selected = |plan: &Plan, b: &decide::Basis| -> Vec<PlacementId> {
        if plan.selection.budget > Money::ZERO {
            decide::optimise(plan, &scenario, b, &plan.selection).chosen
        } else {
            scenario.items.iter().map(|p| p.id).collect()
        }
    };
    let out = match args.command.as_str() {
        "validate" => Ok(match args.lang {
            Lang::Zh => "有效".to_string(),
            Lang::En => "valid".to_string(),
        }),
        "normalize" => Ok(to_json(&plan)),
        "link" => renovation_planner::core::share::encode(&plan).map_err(|e| match e {
            renovation_planner::core::share::LinkError::TooLong { chars } => format!(
                "the plan needs a link of {chars} characters, over the limit of {}; share the file instead",
                renovation_planner::core::share::MAX_LINK_CHARS
            ),
        }),
        "optimise" | "optimize" => {
            let b = decision(&plan)?;
            return optimised(&decide::optimise(&plan, &scenario, &b, &plan.selection), args.lang);
        }
        "frontier" => {
            let b = decision(&plan)?;
            let total = b.costs.total.likely;
            let step = match args.step {
                Some(s) => yuan("--step", s)?,
                None => Money((total.fen() / 100).max(1)),
            };
            json(&decide::frontier(&plan, &scenario, &b, step))
        }
        "phase" => {
            if plan.phasing.years.is_empty() {
                return Err("no years to phase over: give --years N --per-year YUAN, or set them in the plan".into());
            }
            let b = decision(&plan)?;
            let chosen = selected(&plan, &b);
            json(&decide::phase(&plan, &scenario, &b, &chosen))
        }
        "risk" => {
            let b = decision(&plan)?;
            let chosen = selected(&plan, &b);
            json(&decide::risk(&plan, &b, &chosen, plan.selection.budget))
        }
        "report" => {
            let catalog = Catalog::with_edits(&plan.catalog);
            let scenario = &scenario;
            let ev = evaluate_with(&plan, &catalog, scenario)
                .map_err(|e| format!("cannot cost the plan: {e:?}"))?;
            if args.table {
                Ok(table(&plan, &catalog, &ev, args.lang))
            } else {
                serde_json::to_string_pretty(&ev).map_err(|e| e.to_string())
            }
        }
        other => Err(format!("unknown command {other}\n{USAGE}")),
    };
    out.map(Done::from)
}

/// A readable text report.
fn table(plan: &Plan, catalog: &Catalog, ev: &Evaluation, lang: Lang) -> String {
    use std::fmt::Write;
    let zh = lang == Lang::Zh;
    let mut o = String::new();
    let c = &ev.costs;
    let _ = writeln!(o, "{} — {}", plan.community.name, ev.scenario);
    let _ = writeln!(
        o,
        "{}",
        if zh {
            "项目 | 数量 | 单价(可能) | 合计(低/可能/高)"
        } else {
            "Item | Quantity | Unit price (likely) | Total (low / likely / high)"
        }
    );
    for l in &c.lines {
        let item = catalog.get(&l.item);
        let name = item.map_or(l.item.as_str(), |i| i.name(lang));
        let unit = item.map_or("", |i| {
            if zh {
                i.unit.names().0
            } else {
                i.unit.names().1
            }
        });
        let _ = writeln!(
            o,
            "{name} [{}] | {:.2} {unit}{} | {} | {} / {} / {}",
            l.target.key(),
            l.quantity.value(),
            if l.quantity.is_manual() { "*" } else { "" },
            money_exact(l.unit_cost.likely),
            money_exact(l.total.low),
            money_exact(l.total.likely),
            money_exact(l.total.high)
        );
    }
    let _ = writeln!(o);
    for (class, r) in Class::ALL.iter().zip(c.by_class) {
        let _ = writeln!(o, "{class:?}: {}", money_exact(r.likely));
    }
    let _ = writeln!(
        o,
        "{}: {} ({} {}, {} {}, {} {})",
        if zh {
            "总计(可能)"
        } else {
            "Total (likely)"
        },
        money_exact(c.total.likely),
        if zh { "设计" } else { "design" },
        money_exact(c.design.likely),
        if zh { "监理" } else { "supervision" },
        money_exact(c.supervision.likely),
        if zh { "不可预见" } else { "contingency" },
        money_exact(c.contingency.likely),
    );
    let _ = writeln!(
        o,
        "{}: {} ({} {})   {}: {}",
        if zh { "户均" } else { "Per household" },
        money_exact(c.per_household.likely),
        c.households,
        if zh { "户" } else { "households" },
        if zh { "每平方米" } else { "Per m²" },
        money_exact(c.per_m2.likely)
    );
    let _ = writeln!(o);
    for s in FundingSource::ALL {
        let a = ev.funding.by_source[s.index()];
        if a.0 != 0 {
            let n = s.names();
            let _ = writeln!(o, "{}: {}", if zh { n.0 } else { n.1 }, money_exact(a));
        }
    }
    if ev.funding.gap.0 != 0 {
        let _ = writeln!(
            o,
            "{}: {}",
            if zh { "资金缺口" } else { "Gap" },
            money_exact(ev.funding.gap)
        );
    }
    for t in &ev.funding.elevators {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "{} stairwell:{} — {} {} − {} {} = {}",
            if zh { "加装电梯" } else { "Elevator" },
            t.stairwell,
            if zh { "费用" } else { "cost" },
            money_exact(t.cost),
            if zh { "补贴" } else { "subsidy" },
            money_exact(t.subsidy),
            money_exact(t.residents_total)
        );
        for f in &t.floors {
            let _ = writeln!(
                o,
                "  {}F  k={}  {} {}  {}",
                f.floor,
                percent_bp(f.coefficient_bp),
                f.households,
                if zh { "户" } else { "households" },
                money_exact(f.net)
            );
        }
    }
    let _ = writeln!(o);
    for m in ev.consent.iter() {
        let r = &m.result;
        let status = match r.status {
            Status::Passed => (if zh { "通过" } else { "passed" }).to_string(),
            Status::NotVoted => (if zh { "未表决" } else { "not yet voted" }).to_string(),
            Status::CannotPass => (if zh { "无法通过" } else { "cannot pass" }).to_string(),
            Status::ShortBy { households } => {
                if zh {
                    format!("还差 {households} 户")
                } else {
                    format!("short by {households} households")
                }
            }
        };
        let _ = writeln!(
            o,
            "{}: {}/{} {}, {} {} — {status}",
            m.matter_key,
            r.participating_households,
            r.eligible_households,
            if zh { "参与" } else { "took part" },
            r.agree_households,
            if zh { "同意" } else { "agree" },
        );
    }
    o
}
