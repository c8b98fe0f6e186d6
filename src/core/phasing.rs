//! Multi-year phasing: the selected items spread over the years as money arrives, respecting
//! dependencies (a prerequisite never later than what needs it), the class rule, bundles built
//! together in one year (同设计、同施工), a cap on concurrent works per building, and each
//! year's budget in total and per funding source. The output is the annual renovation plan
//! (年度改造计划).
//!
//! Method: items are grouped into units (a bundle is one unit); units go in order of class
//! (safety, basic, improvement, upgrade), then priority; each year takes, pass after pass, every
//! waiting unit whose prerequisites are already scheduled (that year or earlier) and that fits
//! what is left of the year's budgets and the building caps. Unspent money does not carry over.

use super::ids::PlacementId;
use super::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An item to schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// Its placement.
    pub placement: PlacementId,
    /// Cost (fen).
    pub cost: i64,
    /// Cost per funding source (fen), [`FundingSource::ALL`] order.
    pub by_source: [i64; 8],
    /// Priority (higher first).
    pub priority: i64,
    /// Class index (lower first).
    pub class: u8,
    /// Building it occupies (for the cap), if any.
    pub building: Option<u32>,
    /// Bundle name ("" = none).
    pub bundle: String,
    /// Scheduled by hand in this year (index from the first year; may lie outside the plan's
    /// years, which leaves the item unscheduled with a reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<i32>,
}

/// A phasing problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhasingProblem {
    /// The items.
    pub jobs: Vec<Job>,
    /// `(a, b)`: `b` no later than `a` (dependencies and the class rule).
    pub before: Vec<(u32, u32)>,
    /// Budget per year: total and optional per source (fen).
    pub years: Vec<(i64, [Option<i64>; 8])>,
    /// Works per building per year (0 = no cap).
    pub cap: u8,
}

/// Why an item is not in any year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum Unscheduled {
    /// It (with its bundle) costs more than any year's budget allows.
    TooBig {
        /// Its cost.
        cost: Money,
    },
    /// It waits for an item that could not be scheduled.
    WaitsFor {
        /// The prerequisite.
        placement: PlacementId,
    },
    /// Its bundle has more works in one building than the yearly cap.
    BuildingCap,
    /// The years' budgets ran out before its turn.
    OutOfYears,
    /// It was put by hand in a year outside the plan's years.
    PinnedOutside {
        /// The year it was put in: the calendar year in [`annual_plan`], the index from the
        /// first year (0) in [`schedule`].
        year: i32,
    },
}

/// One year of the annual plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearPlan {
    /// Calendar year.
    pub year: u16,
    /// Items, in the order they were taken.
    pub items: Vec<PlacementId>,
    /// Their cost.
    pub cost: Money,
    /// Their cost per source.
    pub by_source: [Money; 8],
    /// The year's budget.
    pub budget: Money,
}

/// The annual plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualPlan {
    /// One entry per year.
    pub years: Vec<YearPlan>,
    /// Items not in any year, with why.
    pub unscheduled: Vec<(PlacementId, Unscheduled)>,
    /// Items put by hand in a year before an item they need: `(item, prerequisite)`.
    pub pin_conflicts: Vec<(PlacementId, PlacementId)>,
}

/// The jobs joined into units (a bundle is one unit), with what each unit needs first.
struct Units<'a> {
    p: &'a PhasingProblem,
    /// The unit of each job (the index of its bundle's first job).
    unit_of: Vec<usize>,
    members: BTreeMap<usize, Vec<usize>>,
    /// Units each unit needs in the same year or an earlier one.
    needs: BTreeMap<usize, Vec<usize>>,
}

impl<'a> Units<'a> {
    fn new(p: &'a PhasingProblem) -> Self {
        let n = p.jobs.len();
        let mut unit_of: Vec<usize> = (0..n).collect();
        let mut first: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, j) in p.jobs.iter().enumerate() {
            if !j.bundle.is_empty() {
                unit_of[i] = *first.entry(j.bundle.as_str()).or_insert(i);
            }
        }
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, &u) in unit_of.iter().enumerate() {
            members.entry(u).or_default().push(i);
        }
        let mut needs: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &(a, b) in &p.before {
            let (ua, ub) = (unit_of[a as usize], unit_of[b as usize]);
            if ua != ub {
                needs.entry(ua).or_default().push(ub);
            }
        }
        Self {
            p,
            unit_of,
            members,
            needs,
        }
    }

    fn members(&self, u: usize) -> &[usize] {
        self.members.get(&u).map_or(&[][..], Vec::as_slice)
    }

    fn cost(&self, u: usize) -> i64 {
        self.members(u).iter().map(|&i| self.p.jobs[i].cost).sum()
    }

    fn source_cost(&self, u: usize, s: usize) -> i64 {
        self.members(u)
            .iter()
            .map(|&i| self.p.jobs[i].by_source[s])
            .sum()
    }

    /// Works of the unit per building.
    fn per_building(&self, u: usize) -> BTreeMap<u32, u32> {
        let mut m: BTreeMap<u32, u32> = BTreeMap::new();
        for &i in self.members(u) {
            if let Some(b) = self.p.jobs[i].building {
                *m.entry(b).or_default() += 1;
            }
        }
        m
    }

    /// The earliest pin of a unit's jobs: it holds for the whole bundle.
    fn pin(&self, u: usize) -> Option<i32> {
        self.members(u)
            .iter()
            .filter_map(|&i| self.p.jobs[i].pin)
            .min()
    }

    /// The units in the order they are offered a year: basic class first, then by priority.
    fn in_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = self.members.keys().copied().collect();
        super::sort::sort_by_key(&mut order, &|&u| {
            let class = self
                .members(u)
                .iter()
                .map(|&i| self.p.jobs[i].class)
                .min()
                .unwrap_or(3);
            let prio = self
                .members(u)
                .iter()
                .map(|&i| self.p.jobs[i].priority)
                .max()
                .unwrap_or(0);
            (class, -prio, u)
        });
        order
    }
}

/// What is left of one year: its budget, per source, and works per building.
struct Left {
    money: i64,
    by_source: [Option<i64>; 8],
    works: BTreeMap<u32, u32>,
}

impl Left {
    /// Whether the unit fits what is left (budget, every capped source, the building cap).
    fn fits(&self, units: &Units, u: usize) -> bool {
        let cap = units.p.cap;
        units.cost(u) <= self.money
            && (0..8).all(|s| self.by_source[s].is_none_or(|l| units.source_cost(u, s) <= l))
            && (cap == 0
                || units
                    .per_building(u)
                    .iter()
                    .all(|(b, k)| self.works.get(b).copied().unwrap_or(0) + k <= u32::from(cap)))
    }

    fn take(&mut self, units: &Units, u: usize) {
        self.money -= units.cost(u);
        for (s, l) in self.by_source.iter_mut().enumerate() {
            if let Some(l) = l {
                *l -= units.source_cost(u, s);
            }
        }
        for (b, k) in units.per_building(u) {
            *self.works.entry(b).or_default() += k;
        }
    }
}

/// The year index of each job (`None`: unscheduled), and reasons.
pub fn schedule(p: &PhasingProblem) -> (Vec<Option<usize>>, Vec<(usize, Unscheduled)>) {
    let units = Units::new(p);
    let order = units.in_order();
    let mut year_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut left_of: Vec<Left> = p
        .years
        .iter()
        .map(|(b, s)| Left {
            money: *b,
            by_source: *s,
            works: BTreeMap::new(),
        })
        .collect();
    // Items put in a year by hand go there first, whatever the budget: the user decided. The
    // rest fill what is left.
    for &u in &order {
        if let Some(y) = units
            .pin(u)
            .filter(|&y| y >= 0 && (y as usize) < p.years.len())
        {
            left_of[y as usize].take(&units, u);
            year_of.insert(u, y as usize);
        }
    }
    for (y, mut left) in left_of.into_iter().enumerate() {
        let mut changed = true;
        while changed {
            changed = false;
            for &u in &order {
                if year_of.contains_key(&u) || units.pin(u).is_some() {
                    continue;
                }
                let ready = units
                    .needs
                    .get(&u)
                    .is_none_or(|v| v.iter().all(|d| year_of.get(d).is_some_and(|&yd| yd <= y)));
                if ready && left.fits(&units, u) {
                    left.take(&units, u);
                    year_of.insert(u, y);
                    changed = true;
                }
            }
        }
    }
    let years = units
        .unit_of
        .iter()
        .map(|u| year_of.get(u).copied())
        .collect();
    let mut reasons = Vec::new();
    for &u in &order {
        if !year_of.contains_key(&u) {
            let reason = why_unscheduled(&units, &year_of, u);
            for &i in units.members(u) {
                reasons.push((i, reason.clone()));
            }
        }
    }
    (years, reasons)
}

/// Why a unit found no year: its pin, a prerequisite left out, its size, the building cap, or
/// simply no year left.
fn why_unscheduled(units: &Units, year_of: &BTreeMap<usize, usize>, u: usize) -> Unscheduled {
    let p = units.p;
    let cost = units.cost(u);
    let max_budget = p.years.iter().map(|y| y.0).max().unwrap_or(0);
    let fits_some_year = p.years.iter().any(|(b, src)| {
        cost <= *b && (0..8).all(|s| src[s].is_none_or(|l| units.source_cost(u, s) <= l))
    });
    if let Some(y) = units.pin(u) {
        Unscheduled::PinnedOutside { year: y }
    } else if let Some(&d) = units
        .needs
        .get(&u)
        .and_then(|v| v.iter().find(|d| !year_of.contains_key(d)))
    {
        Unscheduled::WaitsFor {
            placement: p.jobs[d].placement,
        }
    } else if !fits_some_year || cost > max_budget {
        Unscheduled::TooBig { cost: Money(cost) }
    } else if p.cap > 0
        && units
            .per_building(u)
            .values()
            .any(|&k| k > u32::from(p.cap))
    {
        Unscheduled::BuildingCap
    } else {
        Unscheduled::OutOfYears
    }
}

/// The annual plan table from a schedule.
pub fn annual_plan(p: &PhasingProblem, start_year: u16) -> AnnualPlan {
    let (years_of, reasons) = schedule(p);
    let years = p
        .years
        .iter()
        .enumerate()
        .map(|(y, (budget, _))| {
            let idx: Vec<usize> = (0..p.jobs.len())
                .filter(|&i| years_of[i] == Some(y))
                .collect();
            let mut by_source = [Money::ZERO; 8];
            for &i in &idx {
                for (s, m) in by_source.iter_mut().enumerate() {
                    *m += Money(p.jobs[i].by_source[s]);
                }
            }
            YearPlan {
                year: start_year.saturating_add(y as u16),
                items: idx.iter().map(|&i| p.jobs[i].placement).collect(),
                cost: Money(idx.iter().map(|&i| p.jobs[i].cost).sum()),
                by_source,
                budget: Money(*budget),
            }
        })
        .collect();
    // Pins the user set before an item they need (or with that item in no year at all).
    let mut pin_conflicts = Vec::new();
    for &(a, b) in &p.before {
        let (a, b) = (a as usize, b as usize);
        if p.jobs[a].pin.is_none() {
            continue;
        }
        let late = match (years_of[a], years_of[b]) {
            (Some(ya), Some(yb)) => yb > ya,
            (Some(_), None) => true,
            _ => false,
        };
        if late {
            pin_conflicts.push((p.jobs[a].placement, p.jobs[b].placement));
        }
    }
    AnnualPlan {
        years,
        pin_conflicts,
        unscheduled: reasons
            .into_iter()
            .map(|(i, r)| {
                let r = match r {
                    Unscheduled::PinnedOutside { year } => Unscheduled::PinnedOutside {
                        year: i32::from(start_year) + year,
                    },
                    r => r,
                };
                (p.jobs[i].placement, r)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: u32, cost: i64, priority: i64, class: u8) -> Job {
        let mut by_source = [0; 8];
        by_source[1] = cost;
        Job {
            placement: PlacementId(id),
            cost,
            by_source,
            priority,
            class,
            building: Some(1),
            bundle: String::new(),
            pin: None,
        }
    }

    #[test]
    fn basics_first_dependencies_and_bundles() {
        // Year budgets 100 / 100. Job 0 basic 60, job 1 improvement 50 needing 0, jobs 2 and 3
        // a bundle of 30 + 30 (basic).
        let mut jobs = vec![
            job(0, 60, 5, 1),
            job(1, 50, 9, 2),
            job(2, 30, 1, 1),
            job(3, 30, 1, 1),
        ];
        jobs[2].bundle = "road".into();
        jobs[3].bundle = "road".into();
        let p = PhasingProblem {
            jobs,
            before: vec![(1, 0)],
            years: vec![(100, [None; 8]), (100, [None; 8])],
            cap: 0,
        };
        let (y, r) = schedule(&p);
        // Year 1: job 0 (basic, priority 5); the bundle (60) no longer fits in the 40 left.
        // Year 2: the bundle; job 1 (50) does not fit in the 40 left, and there is no year 3.
        assert_eq!(y, vec![Some(0), None, Some(1), Some(1)]);
        assert_eq!(r, vec![(1, Unscheduled::OutOfYears)]);
        let plan = annual_plan(&p, 2027);
        assert!(plan.years.iter().all(|y| y.cost <= y.budget));
    }

    #[test]
    fn per_source_limits_and_caps_hold() {
        let jobs = vec![job(0, 40, 1, 1), job(1, 40, 1, 1), job(2, 40, 1, 1)];
        let mut src = [None; 8];
        src[1] = Some(50);
        let p = PhasingProblem {
            jobs,
            before: vec![],
            years: vec![(1_000, src), (1_000, src)],
            cap: 0,
        };
        let plan = annual_plan(&p, 2027);
        assert_eq!(plan.years[0].items.len(), 1);
        assert_eq!(plan.years[1].items.len(), 1);
        assert!(matches!(plan.unscheduled[0].1, Unscheduled::OutOfYears));
        let p2 = PhasingProblem {
            cap: 2,
            years: vec![(1_000, [None; 8])],
            ..p
        };
        let plan = annual_plan(&p2, 2027);
        assert_eq!(plan.years[0].items.len(), 2, "cap of 2 works in building 1");
    }

    #[test]
    fn items_put_in_a_year_by_hand_stay_there() {
        // Budgets 100 / 100. Job 0 (basic, 60) would go first; job 2 (upgrade, 30) is put in
        // year 1 by hand, job 3 outside the plan. Job 1 needs job 0 and is put in year 1, which
        // is before job 0 can be: a conflict the plan reports.
        let mut jobs = vec![
            job(0, 60, 5, 1),
            job(1, 20, 1, 2),
            job(2, 30, 1, 3),
            job(3, 10, 1, 1),
        ];
        jobs[2].pin = Some(0);
        jobs[3].pin = Some(5);
        jobs[1].pin = Some(0);
        let p = PhasingProblem {
            jobs,
            before: vec![(1, 0)],
            years: vec![(100, [None; 8]), (100, [None; 8])],
            cap: 0,
        };
        let (y, r) = schedule(&p);
        // Year 1 holds the two pinned jobs (50); job 0 (60) no longer fits and goes to year 2.
        assert_eq!(y, vec![Some(1), Some(0), Some(0), None]);
        assert_eq!(r, vec![(3, Unscheduled::PinnedOutside { year: 5 })]);
        let plan = annual_plan(&p, 2027);
        assert_eq!(plan.pin_conflicts, vec![(PlacementId(1), PlacementId(0))]);
        // A pinned prerequisite in a later year holds its dependents back until then.
        let mut jobs = vec![job(0, 10, 5, 1), job(1, 10, 9, 2)];
        jobs[0].pin = Some(1);
        let p = PhasingProblem {
            jobs,
            before: vec![(1, 0)],
            years: vec![(100, [None; 8]), (100, [None; 8])],
            cap: 0,
        };
        assert_eq!(schedule(&p).0, vec![Some(1), Some(1)]);
    }

    #[test]
    fn a_prerequisite_that_never_fits_blocks_its_dependents() {
        let p = PhasingProblem {
            jobs: vec![job(0, 500, 1, 1), job(1, 10, 1, 2)],
            before: vec![(1, 0)],
            years: vec![(100, [None; 8])],
            cap: 0,
        };
        let plan = annual_plan(&p, 2027);
        assert!(plan.years[0].items.is_empty());
        assert!(plan
            .unscheduled
            .iter()
            .any(|(id, r)| *id == PlacementId(0) && matches!(r, Unscheduled::TooBig { .. })));
        assert!(plan.unscheduled.iter().any(|(id, r)| *id == PlacementId(1)
            && *r
                == Unscheduled::WaitsFor {
                    placement: PlacementId(0)
                }));
    }
}
