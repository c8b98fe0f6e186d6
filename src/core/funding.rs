//! Who pays: the eight funding sources of BRIEF §4, share rules per class, per item and per
//! placement, pools, and the allocation of every placed item's cost to sources, then of the
//! residents' part to each household, with how each amount was computed.
//!
//! Allocation, step by step (so that every number can be explained):
//! 1. Each line's amount is its likely total (construction + fees + contingency).
//! 2. A source may pay for a line when the item lists it as eligible and the line's share rule
//!    (placement rule, else item rule, else class rule) gives it a positive share; central
//!    subsidy also needs the line's building (or, for community-wide items, some building)
//!    built before [`FundingSettings::central_subsidy_built_before`].
//! 3. The most restricted money goes first: sources eligible for fewer lines first, then
//!    sources with a limited pool before unlimited ones, then in [`FundingSource::ALL`] order.
//!    Within a source, lines go in class order (safety, basic, improvement, upgrade), then plan
//!    order. Each line takes `min(left on the line, share × line, cap, pool left)`.
//! 4. What is left on a line falls to its residents when they are eligible, else it is a gap
//!    (unfunded).
//! 5. Residents' part of a line is split among the households it serves: by exclusive area
//!    (Civil Code art. 283), or for elevators by floor coefficient × area
//!    ([`crate::core::elevator_share`]); the last fen by the largest-remainder rule.
//! 6. A household's total above the per-household cap moves to the gap.

use super::catalog::{Catalog, Class, ItemId, Sharing};
use super::costing::CostReport;
use super::elevator_share::{share_elevator, ElevatorShare};
use super::funding_source::FundingSource;
use super::ids::{HouseholdId, PlacementId, StairwellId};
use super::money::{apportion, Area, Money};
use super::plan::{ElevatorSharing, Placement};
use super::settings::{FundingSettings, ShareRule};
use super::site::{Community, Target};
use serde::{Deserialize, Serialize};

impl FundingSettings {
    /// The rules that apply to a placement.
    pub fn rules_for<'a>(&'a self, p: &'a Placement, class: Class) -> &'a [ShareRule] {
        if let Some(r) = &p.funding {
            return r;
        }
        if let Some(r) = self.item_rules.get(&p.item) {
            return r;
        }
        self.class_rules.get(class)
    }
}

/// How one line is paid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineFunding {
    /// The placement.
    pub placement: PlacementId,
    /// Its item.
    pub item: ItemId,
    /// Its likely total.
    pub total: Money,
    /// Amount per source (non-zero only), in allocation order; residents included.
    pub parts: Vec<(FundingSource, Money)>,
    /// Left unfunded.
    pub gap: Money,
}

/// Why a household pays what it pays for one line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Basis {
    /// Its exclusive area out of the area of the households the line serves.
    Area {
        /// The household's area.
        area_m2: Area,
        /// Area of all households sharing.
        pool_area_m2: Area,
        /// How many households share.
        pool_households: usize,
        /// Residents' part of the line.
        residents_part: Money,
    },
    /// Floor coefficient × area out of the stairwell's sum (elevators).
    Floor {
        /// Floor.
        floor: u8,
        /// Coefficient, bp.
        coefficient_bp: u32,
        /// Area.
        area_m2: Area,
        /// Its weight.
        weight: u128,
        /// Sum of weights.
        weight_sum: u128,
        /// Residents' part of the line.
        residents_part: Money,
        /// Compensation received.
        compensation: Money,
    },
}

/// One line of a household's burden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BurdenLine {
    /// The placement (its item and target are the placement's).
    pub placement: PlacementId,
    /// The household's amount (negative = receives).
    pub amount: Money,
    /// How it was computed.
    pub basis: Basis,
}

/// A household's total burden and how it was computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HouseholdBurden {
    /// The household.
    pub household: HouseholdId,
    /// Its stairwell.
    pub stairwell: StairwellId,
    /// Room number.
    pub room: String,
    /// Floor.
    pub floor: u8,
    /// What it pays in all, after the cap.
    pub total: Money,
    /// What the cap moved to the gap.
    pub capped: Money,
    /// Line by line.
    pub lines: Vec<BurdenLine>,
}

/// The funding of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundingReport {
    /// The order sources were drawn in.
    pub order: Vec<FundingSource>,
    /// Amount per source, [`FundingSource::ALL`] order; residents = sum of household totals.
    pub by_source: [Money; 8],
    /// Unfunded, including what caps moved.
    pub gap: Money,
    /// Per line.
    pub lines: Vec<LineFunding>,
    /// Per household with a non-zero burden, in community order.
    pub households: Vec<HouseholdBurden>,
    /// Elevator tables, one per elevator placement.
    pub elevators: Vec<ElevatorShare>,
}

impl FundingReport {
    /// Residents' total.
    pub fn residents(&self) -> Money {
        self.by_source[FundingSource::Residents.index()]
    }

    /// Lowest, median and highest household burden over all households of the community
    /// (households that pay nothing count as zero).
    pub fn burden_spread(&self, household_count: usize) -> (Money, Money, Money) {
        let mut v: Vec<Money> = self.households.iter().map(|h| h.total).collect();
        v.resize(household_count.max(v.len()), Money::ZERO);
        super::sort::sort_by(&mut v, &|a, b| a.cmp(b));
        match (v.first(), v.last()) {
            (Some(&lo), Some(&hi)) => (lo, v[v.len() / 2], hi),
            _ => (Money::ZERO, Money::ZERO, Money::ZERO),
        }
    }
}

fn central_ok(community: &Community, target: Target, before: u16) -> bool {
    match super::costing::building_of(community, target) {
        Some(b) => community.building(b).is_some_and(|b| b.year_built < before),
        None => community.buildings.iter().any(|b| b.year_built < before),
    }
}

/// The households an item at `target` serves, with the position of the first in the
/// community's order (buildings, stairwells, households): they follow one another from there.
fn served(community: &Community, target: Target) -> (usize, Vec<&super::site::Household>) {
    let (start, _) = served_range(community, target);
    let households = match target {
        Target::Stairwell(id) => community
            .stairwell(id)
            .map(|(_, s)| s.households.iter().collect()),
        Target::Building(id) => community.building(id).map(|b| b.households().collect()),
        _ => Some(community.households().collect()),
    };
    (start, households.unwrap_or_default())
}

/// The positions of the households `target` serves (as [`served`]), without listing them.
fn served_range(community: &Community, target: Target) -> (usize, usize) {
    let mut start = 0;
    match target {
        Target::Stairwell(id) => {
            for s in community.buildings.iter().flat_map(|b| &b.stairwells) {
                if s.id == id {
                    return (start, s.households.len());
                }
                start += s.households.len();
            }
            (0, 0)
        }
        Target::Building(id) => {
            for b in &community.buildings {
                if b.id == id {
                    return (start, b.household_count());
                }
                start += b.household_count();
            }
            (0, 0)
        }
        _ => (0, community.household_count()),
    }
}

/// One costed line on its way through the funding steps.
struct Work<'a> {
    p: &'a Placement,
    class: Class,
    sharing: Sharing,
    residents_ok: bool,
    total: Money,
    /// What no source has paid yet.
    left: Money,
    parts: Vec<(FundingSource, Money)>,
    /// Eligible non-resident sources with their caps.
    rules: Vec<(FundingSource, Money)>,
}

/// What residents pay, per household (by position in the community's order), and the
/// elevator tables, filled in step 4-5.
struct Shares {
    burdens: Vec<Vec<BurdenLine>>,
    elevators: Vec<ElevatorShare>,
}

/// Allocates a costed scenario to funding sources and households.
pub fn allocate(
    community: &Community,
    catalog: &Catalog,
    settings: &FundingSettings,
    placements: &[Placement],
    costs: &CostReport,
) -> FundingReport {
    let mut work = funding_work(community, catalog, settings, placements, costs);
    let mut order = pay_from_sources(&mut work, settings);
    order.push(FundingSource::Residents);

    // Steps 4-5: residents' part per household.
    let mut shares = Shares {
        burdens: empty_burdens(community, &work),
        elevators: Vec::new(),
    };
    let mut lines = Vec::with_capacity(work.len());
    let mut gap = Money::ZERO;
    for w in &mut work {
        let line_gap = share_among_residents(community, w, &mut shares);
        gap += line_gap;
        lines.push(LineFunding {
            placement: w.p.id,
            item: w.p.item.clone(),
            total: w.total,
            parts: w.parts.clone(),
            gap: line_gap,
        });
    }

    // Step 6: per-household totals and the cap.
    let mut by_source = [Money::ZERO; 8];
    for l in &lines {
        for &(s, a) in &l.parts {
            if s != FundingSource::Residents {
                by_source[s.index()] += a;
            }
        }
    }
    let (households, capped, paid) = household_totals(community, settings, shares.burdens);
    gap += capped;
    by_source[FundingSource::Residents.index()] += paid;
    FundingReport {
        order,
        by_source,
        gap,
        lines,
        households,
        elevators: shares.elevators,
    }
}

/// Steps 1-2: each costed line with the non-resident sources that may pay for it, and their
/// caps (a share of the line, at most a fixed amount).
fn funding_work<'a>(
    community: &Community,
    catalog: &Catalog,
    settings: &FundingSettings,
    placements: &'a [Placement],
    costs: &CostReport,
) -> Vec<Work<'a>> {
    let by_id: std::collections::HashMap<_, &Placement> =
        placements.iter().map(|p| (p.id, p)).collect();
    costs
        .lines
        .iter()
        .filter_map(|l| {
            let p = *by_id.get(&l.placement)?;
            let item = catalog.get(&l.item)?;
            let total = l.total.likely;
            let rules = settings
                .rules_for(p, item.class)
                .iter()
                .filter(|r| {
                    r.source != FundingSource::Residents
                        && r.max_bp > 0
                        && item.funding.contains(&r.source)
                        && (r.source != FundingSource::CentralSubsidy
                            || central_ok(
                                community,
                                p.target,
                                settings.central_subsidy_built_before,
                            ))
                })
                .map(|r| {
                    let by_share = total.mul_bp(r.max_bp.min(10_000));
                    let cap = r.max_amount.map_or(by_share, |m| m.min(by_share));
                    (r.source, cap)
                })
                .collect();
            Some(Work {
                p,
                class: item.class,
                sharing: item.sharing,
                residents_ok: item.funding.contains(&FundingSource::Residents),
                total,
                left: total,
                parts: Vec::new(),
                rules,
            })
        })
        .collect()
}

/// Step 3: the non-resident sources pay in turn, each line up to its cap and each source up
/// to its pool, basic lines first. Returns the order of the sources.
fn pay_from_sources(work: &mut [Work], settings: &FundingSettings) -> Vec<FundingSource> {
    let mut order: Vec<FundingSource> = FundingSource::ALL
        .into_iter()
        .filter(|&s| s != FundingSource::Residents)
        .collect();
    let eligible_count = |s: FundingSource| {
        work.iter()
            .filter(|w| w.rules.iter().any(|r| r.0 == s))
            .count()
    };
    // Sources that can pay for nothing here go last, where they change nothing.
    super::sort::sort_by_key(&mut order, &|&s| {
        let n = eligible_count(s);
        (n == 0, n, !settings.pools.contains_key(&s), s.index())
    });
    let mut by_line: Vec<usize> = (0..work.len()).collect();
    super::sort::sort_indices(&mut by_line, &|a, b| {
        (work[a].class, a).cmp(&(work[b].class, b))
    });
    for &s in &order {
        let mut pool = settings.pools.get(&s).copied();
        for &i in &by_line {
            let w = &mut work[i];
            let Some(&(_, cap)) = w.rules.iter().find(|r| r.0 == s) else {
                continue;
            };
            let mut amt = w.left.min(cap);
            if let Some(p) = pool {
                amt = amt.min(p);
                pool = Some(p - amt);
            }
            if amt > Money::ZERO {
                w.left -= amt;
                w.parts.push((s, amt));
            }
        }
    }
    order
}

/// Each household's (empty) lines, by its position in the community's order (a community of
/// 2,000 households and 1,500 items has some 200,000 lines: a vector, not a map). Each is
/// sized once: how many lines could reach each household (a count per range of positions,
/// summed as differences), so that the lines are not moved as vectors grow.
fn empty_burdens(community: &Community, work: &[Work]) -> Vec<Vec<BurdenLine>> {
    let n_households = community.household_count();
    let mut reach = vec![0i64; n_households + 1];
    for w in work
        .iter()
        .filter(|w| w.residents_ok && w.left > Money::ZERO)
    {
        let (start, len) = served_range(community, w.p.target);
        reach[start] += 1;
        reach[start + len] -= 1;
    }
    let mut running = 0i64;
    reach[..n_households]
        .iter()
        .map(|d| {
            running += d;
            Vec::with_capacity(usize::try_from(running).unwrap_or(0))
        })
        .collect()
}

/// Steps 4-5 for one line: what is left goes to the residents it serves (by floor for an
/// elevator, by area otherwise) when residents may pay for it. Returns the line's gap.
fn share_among_residents(community: &Community, w: &mut Work, shares: &mut Shares) -> Money {
    let residents_part = if w.residents_ok { w.left } else { Money::ZERO };
    let mut line_gap = w.left - residents_part;
    if residents_part > Money::ZERO {
        let shared = match (w.sharing, w.p.target) {
            (Sharing::ByFloor, Target::Stairwell(sid)) => {
                share_by_floor(community, w, sid, residents_part, shares)
            }
            _ => share_by_area(community, w, residents_part, shares),
        };
        if shared {
            w.parts.push((FundingSource::Residents, residents_part));
        } else {
            line_gap += residents_part;
        }
    } else if w.sharing == Sharing::ByFloor {
        // Fully subsidised elevator: still show its (all-zero) table.
        if let Target::Stairwell(sid) = w.p.target {
            let default = ElevatorSharing::default();
            let sharing = w.p.elevator.as_ref().unwrap_or(&default);
            if let Some(t) = community
                .stairwell(sid)
                .and_then(|(_, st)| share_elevator(st, w.total, w.total, sharing))
            {
                shares.elevators.push(t);
            }
        }
    }
    line_gap
}

/// An elevator's residents' part by the floor coefficients of its stairwell; false when the
/// stairwell cannot share it.
fn share_by_floor(
    community: &Community,
    w: &Work,
    sid: StairwellId,
    residents_part: Money,
    shares: &mut Shares,
) -> bool {
    let default = ElevatorSharing::default();
    let sharing = w.p.elevator.as_ref().unwrap_or(&default);
    let (start, _) = served_range(community, w.p.target);
    let Some((st, t)) = community.stairwell(sid).and_then(|(_, st)| {
        share_elevator(st, w.total, w.total - residents_part, sharing).map(|t| (st, t))
    }) else {
        return false;
    };
    for r in &t.rows {
        let Some(k) = st.households.iter().position(|h| h.id == r.household) else {
            continue;
        };
        shares.burdens[start + k].push(BurdenLine {
            placement: w.p.id,
            amount: r.net,
            basis: Basis::Floor {
                floor: r.floor,
                coefficient_bp: r.coefficient_bp,
                area_m2: r.area_m2,
                weight: r.weight,
                weight_sum: t.weight_sum,
                residents_part,
                compensation: r.compensation,
            },
        });
    }
    shares.elevators.push(t);
    true
}

/// A line's residents' part by the floor area of the households it serves; false when it
/// serves none.
fn share_by_area(
    community: &Community,
    w: &Work,
    residents_part: Money,
    shares: &mut Shares,
) -> bool {
    let (start, hh) = served(community, w.p.target);
    let weights: Vec<u128> = hh.iter().map(|h| u128::from(h.area_m2.centi())).collect();
    let pool_area: Area = hh.iter().map(|h| h.area_m2).sum();
    let Some(amounts) = apportion(residents_part, &weights) else {
        return false;
    };
    for (k, (h, a)) in hh.iter().zip(amounts).enumerate() {
        shares.burdens[start + k].push(BurdenLine {
            placement: w.p.id,
            amount: a,
            basis: Basis::Area {
                area_m2: h.area_m2,
                pool_area_m2: pool_area,
                pool_households: hh.len(),
                residents_part,
            },
        });
    }
    true
}

/// Step 6: each household's total with the cap applied. Returns the households that pay
/// something, what the cap took off in all, and what residents pay in all.
fn household_totals(
    community: &Community,
    settings: &FundingSettings,
    mut burdens: Vec<Vec<BurdenLine>>,
) -> (Vec<HouseholdBurden>, Money, Money) {
    let mut households = Vec::new();
    let (mut capped_all, mut paid) = (Money::ZERO, Money::ZERO);
    let mut at = 0;
    for b in &community.buildings {
        for s in &b.stairwells {
            for h in &s.households {
                let bl = std::mem::take(&mut burdens[at]);
                at += 1;
                if bl.is_empty() {
                    continue;
                }
                let raw: Money = bl.iter().map(|l| l.amount).sum();
                let capped = settings
                    .household_cap
                    .map_or(Money::ZERO, |cap| (raw - cap).max0());
                capped_all += capped;
                paid += raw - capped;
                households.push(HouseholdBurden {
                    household: h.id,
                    stairwell: s.id,
                    room: h.room.clone(),
                    floor: h.floor,
                    total: raw - capped,
                    capped,
                    lines: bl,
                });
            }
        }
    }
    (households, capped_all, paid)
}
