//! `renoplan`: the command-line tool over the same core as the web app, for batch work and
//! cross-checks.
//!
//! ```text
//! renoplan report PLAN.json [--table] [--lang zh|en] [--scenario ID]
//! renoplan validate PLAN.json [--lang zh|en]
//! renoplan normalize PLAN.json          # canonical pretty JSON on stdout
//! ```

use renovation_planner::core::catalog::Catalog;
use renovation_planner::core::evaluate::{evaluate_with, Evaluation};
use renovation_planner::core::format::{money_exact, percent_bp, Lang};
use renovation_planner::core::funding::FundingSource;
use renovation_planner::core::model::{Plan, ScenarioId};
use renovation_planner::core::plan_file::{load, to_json};
use renovation_planner::core::{catalog::Class, consent::Status};
use std::process::ExitCode;

const USAGE: &str = "usage:
  renoplan report PLAN.json [--table] [--lang zh|en] [--scenario ID]
  renoplan validate PLAN.json [--lang zh|en]
  renoplan normalize PLAN.json";

struct Args {
    command: String,
    file: String,
    table: bool,
    lang: Lang,
    scenario: Option<u32>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    let command = it.next().ok_or(USAGE)?.clone();
    let mut file = None;
    let mut table = false;
    let mut lang = Lang::En;
    let mut scenario = None;
    while let Some(a) = it.next() {
        match a.as_str() {
            "--table" => table = true,
            "--lang" => lang = Lang::from_tag(it.next().ok_or("--lang needs zh or en")?),
            "--scenario" => {
                let v = it.next().ok_or("--scenario needs an id")?;
                scenario = Some(
                    v.parse()
                        .map_err(|_| format!("--scenario: not a number: {v}"))?,
                );
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            f if !f.starts_with("--") && file.is_none() => file = Some(f.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(Args {
        command,
        file: file.ok_or(USAGE)?,
        table,
        lang,
        scenario,
    })
}

fn read_plan(path: &str, lang: Lang) -> Result<Plan, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    match load(&bytes) {
        Ok(l) => Ok(l.plan),
        Err(e) => Err(e
            .errors
            .iter()
            .map(|e| format!("{path}: {}", e.message(lang)))
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
        Ok(out) => {
            print!("{out}");
            if !out.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<String, String> {
    let plan = read_plan(&args.file, args.lang)?;
    match args.command.as_str() {
        "validate" => Ok(match args.lang {
            Lang::Zh => "有效".to_string(),
            Lang::En => "valid".to_string(),
        }),
        "normalize" => Ok(to_json(&plan)),
        "report" => {
            let catalog = Catalog::for_plan(&plan);
            let scenario = match args.scenario {
                Some(id) => plan
                    .scenario_by_id(ScenarioId(id))
                    .ok_or(format!("no scenario {id}"))?,
                None => plan.scenario(),
            };
            let ev = evaluate_with(&plan, &catalog, scenario)
                .map_err(|e| format!("cannot cost the plan: {e:?}"))?;
            if args.table {
                Ok(table(&plan, &catalog, &ev, args.lang))
            } else {
                serde_json::to_string_pretty(&ev).map_err(|e| e.to_string())
            }
        }
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
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
    for m in &ev.consent {
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
