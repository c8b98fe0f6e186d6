//! The engine's long work in small steps: what the Web Worker runs (and, where no worker can
//! start, the page itself between frames).
//!
//! A [`Job`] on a [`Plan`] becomes a [`Running`] job; each [`Running::step`] does one unit of
//! work (one scenario's figures, one frontier budget, one optimisation, the annual plan, the
//! cost risk) and
//! says how far it is, so the caller can show progress, stay responsive between steps and
//! stop a job by simply not stepping it again. The outputs are plain data (serde), the same
//! whether they crossed to a worker or not; every number in them comes from the functions the
//! rest of the core tests ([`decide`], [`compare::figures`]).

use super::catalog::Catalog;
use super::compare::{
    changes_between, figures_before_risk, risk_p80, BeforeRisk, Changes, RiskLines, ScenarioFigures,
};
use super::decide::{self, frontier_point, Basis, Frontier};
use super::ids::{PlacementId, ScenarioId};
use super::money::Money;
use super::optimise::FrontierRun;
use super::phasing::AnnualPlan;
use super::plan::Plan;
use super::risk::RiskResult;
use super::select::SelectionReport;
use super::settings::SelectionSettings;
use serde::{Deserialize, Serialize};

/// What to compute on a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Optimise the current scenario under these settings.
    Optimise(SelectionSettings),
    /// Everything the comparison page shows: the figures of these scenarios, then the current
    /// scenario's charts (the optimised choice within the plan's budget, the frontier, the
    /// cost risk).
    Compare(Vec<ScenarioId>),
    /// The annual plan of all the current scenario's items.
    Phase,
}

/// The data of the current scenario's charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartData {
    /// Each placement's likely cost, priority score and whether the optimiser chose it.
    pub points: Vec<(Money, f64, bool)>,
    /// The cost-benefit frontier.
    pub frontier: Vec<Frontier>,
    /// The cost risk of all items against the plan's budget.
    pub risk: RiskResult,
}

/// A finished piece of a job's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    /// The optimised selection.
    Optimised(SelectionReport),
    /// The comparison table's figures, in the order asked: first without their cost risk
    /// (`risk_p80` is `None`), then again with it.
    Figures(Vec<ScenarioFigures>),
    /// What changes from the first scenario asked to the second, with their ids (sent after
    /// the first figures, when two or more were asked and both could be costed).
    Changes((ScenarioId, ScenarioId), Changes),
    /// The current scenario's charts.
    Charts(ChartData),
    /// The annual plan of the current scenario.
    Annual(AnnualPlan),
}

/// What one step produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Steps done so far.
    pub done: u32,
    /// Steps in all (may grow once the frontier's length is known).
    pub of: u32,
    /// A piece of the answer, when one was completed by this step.
    pub part: Option<Part>,
    /// True when the job is finished.
    pub finished: bool,
}

/// A job under way.
#[derive(Debug)]
pub struct Running {
    plan: Plan,
    job: Job,
    stage: Stage,
    done: u32,
}

#[derive(Debug)]
enum Stage {
    Optimise,
    Figures(Vec<BeforeRisk>, usize),
    Changes(Vec<BeforeRisk>),
    FigureRisks(Vec<(ScenarioFigures, RiskLines)>, usize),
    Basis,
    Choose(Box<Basis>),
    Frontier(Box<Basis>, Vec<PlacementId>, FrontierRun, Vec<Frontier>),
    Risk(Box<Basis>, Vec<PlacementId>, Vec<Frontier>),
    Finished,
}

/// The search limit of each frontier point: the chart needs 41 of them, so each gets a
/// small share (a point that stops there is drawn at its best found value; on a
/// 1,521-item community one point then takes about 0.1 s, not 2 s).
pub const FRONTIER_NODES: u64 = 1_000;

/// The frontier's step: a 40th of the scenario's likely total (at least ¥1).
fn frontier_step(b: &Basis) -> Money {
    Money((b.costs.total.likely.fen() / 40).max(100))
}

impl Running {
    /// Starts `job` on `plan`.
    pub fn new(plan: Plan, job: Job) -> Self {
        let stage = match &job {
            Job::Optimise(_) | Job::Phase => Stage::Optimise,
            Job::Compare(_) => Stage::Figures(Vec::new(), 0),
        };
        Running {
            plan,
            job,
            stage,
            done: 0,
        }
    }

    /// Steps in all, as far as known now.
    fn total(&self) -> u32 {
        let figures = match &self.job {
            Job::Optimise(_) | Job::Phase => return 1,
            Job::Compare(ids) => ids.len() as u32,
        };
        // figures, what changes, their risks, basis, choice, the frontier's points (about 41
        // until known), risk.
        let frontier = match &self.stage {
            Stage::Frontier(_, _, run, _) => run.len() as u32,
            Stage::Risk(_, _, f) => f.len() as u32,
            _ => 41,
        };
        2 * figures + 3 + frontier + 1
    }

    /// Does one unit of work.
    pub fn step(&mut self) -> Step {
        let part = self.advance();
        if !matches!(self.stage, Stage::Finished) || part.is_some() {
            self.done += 1;
        }
        let finished = matches!(self.stage, Stage::Finished);
        let of = self.total().max(self.done);
        Step {
            done: if finished { of } else { self.done },
            of,
            part,
            finished,
        }
    }

    /// Runs the job to its end and returns its parts (for tests and the command line).
    pub fn run(mut self) -> Vec<Part> {
        let mut parts = Vec::new();
        loop {
            let s = self.step();
            parts.extend(s.part);
            if s.finished {
                return parts;
            }
        }
    }

    fn advance(&mut self) -> Option<Part> {
        let plan = &self.plan;
        let scenario = plan.scenario();
        match std::mem::replace(&mut self.stage, Stage::Finished) {
            Stage::Finished => None,
            Stage::Optimise => {
                let b = decide::basis(plan, scenario).ok()?;
                match &self.job {
                    Job::Optimise(settings) => Some(Part::Optimised(decide::optimise(
                        plan, scenario, &b, settings,
                    ))),
                    Job::Phase => {
                        let all: Vec<PlacementId> = scenario.items.iter().map(|x| x.id).collect();
                        Some(Part::Annual(decide::phase(plan, scenario, &b, &all)))
                    }
                    Job::Compare(_) => None,
                }
            }
            Stage::Figures(mut done, next) => {
                let Job::Compare(ids) = &self.job else {
                    return None;
                };
                if let Some(s) = ids.get(next).and_then(|id| plan.scenario_by_id(*id)) {
                    let catalog = Catalog::with_edits(&plan.catalog);
                    done.extend(figures_before_risk(plan, &catalog, s));
                }
                if next + 1 < ids.len() {
                    self.stage = Stage::Figures(done, next + 1);
                    None
                } else {
                    let shown = done.iter().map(|f| f.figures.clone()).collect();
                    self.stage = Stage::Changes(done);
                    Some(Part::Figures(shown))
                }
            }
            Stage::Changes(done) => {
                // Only the first two asked: a scenario that could not be costed is missing
                // from `done`, and then there is nothing to say.
                let first_two = match &self.job {
                    Job::Compare(ids) => ids.get(..2).unwrap_or_default(),
                    _ => &[],
                };
                let changes = match (first_two, done.as_slice()) {
                    ([a, b], [fa, fb, ..]) if fa.figures.id == *a && fb.figures.id == *b => Some((
                        (*a, *b),
                        changes_between(
                            &fa.matters,
                            &fb.matters,
                            fb.figures.total.likely - fa.figures.total.likely,
                        ),
                    )),
                    _ => None,
                };
                let done = done.into_iter().map(|f| (f.figures, f.lines)).collect();
                self.stage = Stage::FigureRisks(done, 0);
                changes.map(|(pair, c)| Part::Changes(pair, c))
            }
            Stage::FigureRisks(mut done, next) => {
                if let Some((f, lines)) = done.get_mut(next) {
                    f.risk_p80 = Some(risk_p80(plan, lines));
                }
                let ids = match &self.job {
                    Job::Compare(ids) => ids.len(),
                    _ => 0,
                };
                if next + 1 < ids {
                    self.stage = Stage::FigureRisks(done, next + 1);
                    None
                } else {
                    self.stage = Stage::Basis;
                    Some(Part::Figures(done.into_iter().map(|(f, _)| f).collect()))
                }
            }
            Stage::Basis => {
                // A scenario that cannot be costed has no charts: the job ends here.
                if let Ok(b) = decide::basis(plan, scenario) {
                    self.stage = Stage::Choose(Box::new(b));
                }
                None
            }
            Stage::Choose(b) => {
                let chosen = if plan.selection.budget.0 > 0 {
                    decide::optimise(plan, scenario, &b, &plan.selection).chosen
                } else {
                    Vec::new()
                };
                let nodes = plan.selection.max_nodes.min(FRONTIER_NODES);
                let run = decide::frontier_run(plan, scenario, &b, frontier_step(&b), nodes);
                self.stage = Stage::Frontier(b, chosen, run, Vec::new());
                None
            }
            Stage::Frontier(b, chosen, mut run, mut points) => {
                points.extend(run.next().map(frontier_point));
                self.stage = if run.done() < run.len() {
                    Stage::Frontier(b, chosen, run, points)
                } else {
                    Stage::Risk(b, chosen, points)
                };
                None
            }
            Stage::Risk(b, chosen, frontier) => {
                let all: Vec<PlacementId> = scenario.items.iter().map(|x| x.id).collect();
                let risk = decide::risk(plan, &b, &all, plan.selection.budget);
                let points = b
                    .costs
                    .lines
                    .iter()
                    .filter_map(|l| {
                        let sc = b
                            .priorities
                            .items
                            .iter()
                            .find(|x| x.placement == l.placement)?;
                        Some((l.total.likely, sc.score, chosen.contains(&l.placement)))
                    })
                    .collect();
                Some(Part::Charts(ChartData {
                    points,
                    frontier,
                    risk,
                }))
            }
        }
    }
}

/// A message to the engine.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// Start job `id` on `plan` (which arrives as its JSON text, parsed once in the worker).
    Start {
        /// The caller's number for the job.
        id: u64,
        /// The plan.
        plan: Box<Plan>,
        /// The work.
        job: Job,
    },
    /// Stop job `id` (nothing more is sent for it).
    Cancel(u64),
}

/// A message from the engine: how far job `id` is, and any piece of its answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reply {
    /// The job.
    pub id: u64,
    /// The step's report.
    pub step: Step,
}

/// The engine's queue: jobs started and not cancelled, stepped in turn.
#[derive(Debug, Default)]
pub struct Queue {
    jobs: Vec<(u64, Running)>,
}

impl Queue {
    /// Takes a request.
    pub fn receive(&mut self, r: Request) {
        match r {
            Request::Start { id, plan, job } => self.jobs.push((id, Running::new(*plan, job))),
            Request::Cancel(id) => self.jobs.retain(|(j, _)| *j != id),
        }
    }

    /// True when there is work.
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// One step of the oldest job (jobs take turns, so a short optimisation is not stuck
    /// behind a long comparison).
    pub fn step(&mut self) -> Option<Reply> {
        if self.jobs.is_empty() {
            return None;
        }
        let (id, mut job) = self.jobs.remove(0);
        let step = job.step();
        if !step.finished {
            self.jobs.push((id, job));
        }
        Some(Reply { id, step })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::compare::{changes, figures};
    use crate::core::demo;

    #[test]
    fn optimise_in_steps_gives_what_decide_gives() {
        let plan = demo();
        let settings = SelectionSettings {
            budget: Money::yuan(2_000_000),
            ..plan.selection
        };
        let b = decide::basis(&plan, plan.scenario()).unwrap();
        let direct = decide::optimise(&plan, plan.scenario(), &b, &settings);
        let parts = Running::new(plan, Job::Optimise(settings)).run();
        assert_eq!(parts, vec![Part::Optimised(direct)]);
    }

    #[test]
    fn compare_in_steps_gives_figures_then_charts_equal_to_the_direct_calls() {
        let mut plan = demo();
        plan.selection.budget = Money::yuan(1_500_000);
        let ids: Vec<ScenarioId> = plan.scenarios.iter().map(|s| s.id).collect();
        let catalog = Catalog::with_edits(&plan.catalog);
        let want_figures: Vec<_> = plan
            .scenarios
            .iter()
            .filter_map(|s| figures(&plan, &catalog, s))
            .collect();
        let s = plan.scenario();
        let b = decide::basis(&plan, s).unwrap();
        let want_frontier: Vec<_> =
            decide::frontier_run(&plan, s, &b, frontier_step(&b), FRONTIER_NODES)
                .map(frontier_point)
                .collect();
        let chosen = decide::optimise(&plan, s, &b, &plan.selection).chosen;
        let all: Vec<_> = s.items.iter().map(|x| x.id).collect();
        let want_risk = decide::risk(&plan, &b, &all, plan.selection.budget);

        let mut run = Running::new(plan.clone(), Job::Compare(ids.clone()));
        let mut parts = Vec::new();
        let mut last = 0;
        loop {
            let st = run.step();
            assert!(
                st.done > last || st.finished,
                "progress moves on every step"
            );
            assert!(st.done <= st.of);
            last = st.done;
            parts.extend(st.part);
            if st.finished {
                assert_eq!(st.done, st.of);
                break;
            }
        }
        assert_eq!(parts.len(), 4);
        // The table first without its cost risk, what changes from the first scenario to
        // the second, the table with its cost risk, then the charts.
        let mut before_risk = want_figures.clone();
        for f in &mut before_risk {
            f.risk_p80 = None;
        }
        assert!(want_figures.iter().all(|f| f.risk_p80.is_some()));
        assert_eq!(parts[0], Part::Figures(before_risk));
        let want_changes = changes(&plan, &catalog, &plan.scenarios[0], &plan.scenarios[1]);
        let pair = (plan.scenarios[0].id, plan.scenarios[1].id);
        assert_eq!(
            Some(&parts[1]),
            want_changes.map(|c| Part::Changes(pair, c)).as_ref()
        );
        assert_eq!(parts[2], Part::Figures(want_figures));
        let Part::Charts(c) = &parts[3] else {
            panic!("charts last, got {:?}", parts[3]);
        };
        assert_eq!(c.frontier, want_frontier);
        assert_eq!(c.risk, want_risk);
        assert_eq!(c.points.len(), b.costs.lines.len());
        assert!(c.points.iter().any(|p| p.2) && c.points.iter().any(|p| !p.2));
        for (p, l) in c.points.iter().zip(&b.costs.lines) {
            assert_eq!(p.0, l.total.likely);
            assert_eq!(p.2, chosen.contains(&l.placement));
        }
        // The progress count was one per step: scenarios, what changes, their risks, basis,
        // choice, points, risk.
        assert_eq!(last as usize, 2 * ids.len() + 3 + want_frontier.len() + 1);
    }

    #[test]
    fn what_changes_follows_the_order_asked_and_needs_two_scenarios() {
        let plan = demo();
        let (a, b) = (&plan.scenarios[0], &plan.scenarios[1]);
        let catalog = Catalog::with_edits(&plan.catalog);
        let only_changes = |ids: Vec<ScenarioId>| -> Vec<Changes> {
            Running::new(plan.clone(), Job::Compare(ids))
                .run()
                .into_iter()
                .filter_map(|p| match p {
                    Part::Changes(_, c) => Some(c),
                    _ => None,
                })
                .collect()
        };
        let back = only_changes(vec![b.id, a.id]);
        assert_eq!(back, vec![changes(&plan, &catalog, b, a).unwrap()]);
        assert!(
            back[0].difference.0 > 0,
            "from basic only up to comprehensive"
        );
        assert!(only_changes(vec![a.id]).is_empty());
    }

    #[test]
    fn the_annual_plan_in_the_worker_is_the_direct_one() {
        let mut plan = demo();
        plan.phasing.years = (0..3)
            .map(|_| crate::core::settings::YearBudget {
                budget: Money::yuan(1_500_000),
                ..Default::default()
            })
            .collect();
        let s = plan.scenario();
        let b = decide::basis(&plan, s).unwrap();
        let all: Vec<_> = s.items.iter().map(|x| x.id).collect();
        let want = decide::phase(&plan, s, &b, &all);
        assert!(!want.years.is_empty());
        assert_eq!(
            Running::new(plan, Job::Phase).run(),
            vec![Part::Annual(want)]
        );
    }

    #[test]
    fn the_queue_takes_turns_and_a_cancelled_job_sends_nothing_more() {
        let plan = demo();
        let ids: Vec<ScenarioId> = plan.scenarios.iter().map(|s| s.id).collect();
        let mut q = Queue::default();
        q.receive(Request::Start {
            id: 1,
            plan: Box::new(plan.clone()),
            job: Job::Compare(ids),
        });
        q.receive(Request::Start {
            id: 2,
            plan: Box::new(plan.clone()),
            job: Job::Optimise(SelectionSettings {
                budget: Money::yuan(1_000_000),
                ..plan.selection
            }),
        });
        assert_eq!(q.step().map(|r| r.id), Some(1));
        // The optimisation is not stuck behind the comparison's many steps.
        let r = q.step().expect("a reply");
        assert_eq!(r.id, 2);
        assert!(r.step.finished && matches!(r.step.part, Some(Part::Optimised(_))));
        q.receive(Request::Cancel(1));
        assert!(!q.busy());
        assert!(q.step().is_none());
    }

    #[test]
    fn a_plan_that_cannot_be_costed_ends_the_job_without_an_answer() {
        let mut plan = demo();
        let id = plan.scenarios[0].id;
        // An item the catalog does not know: costing fails.
        if let Some(p) = plan.scenarios[0].items.first_mut() {
            p.item = "no-such-item".into();
        }
        let parts = Running::new(plan.clone(), Job::Compare(vec![id])).run();
        assert!(parts.iter().all(|p| !matches!(p, Part::Charts(_))));
        let parts = Running::new(plan.clone(), Job::Optimise(plan.selection)).run();
        assert!(parts.is_empty());
    }

    #[test]
    fn requests_and_replies_cross_as_json() {
        let plan = demo();
        let r = Request::Start {
            id: 7,
            plan: Box::new(plan.clone()),
            job: Job::Optimise(plan.selection),
        };
        let back: Request = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        let Request::Start { id, plan: p, job } = back else {
            panic!("a start");
        };
        assert_eq!(
            (id, *p, job),
            (7, plan.clone(), Job::Optimise(plan.selection))
        );
        let mut q = Queue::default();
        q.receive(r);
        let reply = q.step().unwrap();
        let text = serde_json::to_string(&reply).unwrap();
        let back: Reply = serde_json::from_str(&text).unwrap();
        assert_eq!(back.step, reply.step);
    }
}
