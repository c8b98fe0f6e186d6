//! Consent under Civil Code art. 278: quorum of 2/3 of exclusive area and of owners (one
//! household = one owner, by head count); major matters need 3/4 of the participating area and
//! owners, ordinary matters more than 1/2 of both. All thresholds are compared as exact integer
//! fractions (area in 0.01 m²), never floats. The result says how many more households must
//! agree for the matter to pass.

use super::catalog::{Matter, Scope};
use super::ids::HouseholdId;
use super::plan::Vote;
use super::site::{Community, Household, Target};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a matter stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// Every rule holds.
    Passed,
    /// Fails now; this many more households agreeing would pass it.
    ShortBy {
        /// Households needed.
        households: usize,
    },
    /// Nobody has voted yet.
    NotVoted,
    /// Cannot pass even if every remaining household agreed.
    CannotPass,
}

/// The consent check of one matter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsentResult {
    /// Whose households vote.
    pub scope: Scope,
    /// Major or ordinary.
    pub matter: Matter,
    /// Households entitled to vote.
    pub eligible_households: usize,
    /// Their exclusive area, 0.01 m².
    pub eligible_area: u64,
    /// Households that took part (agree, object or abstain).
    pub participating_households: usize,
    /// Their area, 0.01 m².
    pub participating_area: u64,
    /// Households that agree.
    pub agree_households: usize,
    /// Their area, 0.01 m².
    pub agree_area: u64,
    /// Households that object.
    pub object_households: usize,
    /// Households that abstain.
    pub abstain_households: usize,
    /// ≥ 2/3 of the area took part.
    pub quorum_area: bool,
    /// ≥ 2/3 of the households took part.
    pub quorum_heads: bool,
    /// Approval by area (≥ 3/4 or > 1/2 of participating area).
    pub approve_area: bool,
    /// Approval by head count.
    pub approve_heads: bool,
    /// Overall.
    pub status: Status,
}

impl ConsentResult {
    /// True when every rule holds.
    pub fn passed(&self) -> bool {
        self.status == Status::Passed
    }
}

/// Counts for the threshold arithmetic.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    n_total: u64,
    a_total: u64,
    n_part: u64,
    a_part: u64,
    n_agree: u64,
    a_agree: u64,
}

/// The four rules, as exact fraction comparisons.
fn rules(t: &Tally, matter: Matter) -> [bool; 4] {
    let qa = 3 * t.a_part >= 2 * t.a_total;
    let qn = 3 * t.n_part >= 2 * t.n_total;
    let (aa, an) = match matter {
        Matter::Major => (4 * t.a_agree >= 3 * t.a_part, 4 * t.n_agree >= 3 * t.n_part),
        Matter::Ordinary => (2 * t.a_agree > t.a_part, 2 * t.n_agree > t.n_part),
    };
    // Nobody taking part approves nothing.
    [qa, qn, aa && t.n_part > 0, an && t.n_part > 0]
}

/// The households whose votes decide a matter on `target` with `scope`: a stairwell-scoped
/// matter on a stairwell is its households; a building-scoped matter on a stairwell or building
/// is the building's; anything on the site, and community-scoped matters, all households.
pub fn electorate(community: &Community, target: Target, scope: Scope) -> Vec<&Household> {
    match (scope, target) {
        (Scope::Stairwell, Target::Stairwell(s)) => community
            .stairwell(s)
            .map(|(_, s)| s.households.iter().collect())
            .unwrap_or_default(),
        (Scope::Building, Target::Stairwell(s)) => community
            .stairwell(s)
            .map(|(b, _)| b.households().collect())
            .unwrap_or_default(),
        (Scope::Stairwell | Scope::Building, Target::Building(b)) => community
            .building(b)
            .map(|b| b.households().collect())
            .unwrap_or_default(),
        _ => community.households().collect(),
    }
}

/// How many households [`electorate`] lists, without listing them.
pub fn electorate_size(community: &Community, target: Target, scope: Scope) -> usize {
    match (scope, target) {
        (Scope::Stairwell, Target::Stairwell(s)) => community
            .stairwell(s)
            .map_or(0, |(_, s)| s.households.len()),
        (Scope::Building, Target::Stairwell(s)) => community
            .stairwell(s)
            .map_or(0, |(b, _)| b.household_count()),
        (Scope::Stairwell | Scope::Building, Target::Building(b)) => {
            community.building(b).map_or(0, |b| b.household_count())
        }
        _ => community.household_count(),
    }
}

/// Checks consent among `voters` given their votes.
pub fn check(
    voters: &[&Household],
    votes: Option<&BTreeMap<HouseholdId, Vote>>,
    scope: Scope,
    matter: Matter,
) -> ConsentResult {
    let empty = BTreeMap::new();
    let votes = votes.unwrap_or(&empty);
    let mut t = Tally::default();
    let (mut n_obj, mut n_abs) = (0usize, 0usize);
    // Households that could still be won: not voted (adds to participation), or voted against
    // or abstained (adds to approval only). Areas, for the "how many more" search.
    let mut not_voted: Vec<u64> = Vec::new();
    let mut against: Vec<u64> = Vec::new();
    for h in voters {
        let a = h.area_m2.centi();
        t.n_total += 1;
        t.a_total += a;
        match votes.get(&h.id) {
            Some(v) => {
                t.n_part += 1;
                t.a_part += a;
                match v {
                    Vote::Agree => {
                        t.n_agree += 1;
                        t.a_agree += a;
                    }
                    Vote::Object => {
                        n_obj += 1;
                        against.push(a);
                    }
                    Vote::Abstain => {
                        n_abs += 1;
                        against.push(a);
                    }
                }
            }
            None => not_voted.push(a),
        }
    }
    let r = rules(&t, matter);
    let status = if r.iter().all(|&x| x) {
        Status::Passed
    } else if t.n_part == 0 && t.n_total > 0 {
        match more_needed(&t, matter, not_voted, against) {
            Some(_) => Status::NotVoted,
            None => Status::CannotPass,
        }
    } else {
        match more_needed(&t, matter, not_voted, against) {
            Some(k) => Status::ShortBy { households: k },
            None => Status::CannotPass,
        }
    };
    ConsentResult {
        scope,
        matter,
        eligible_households: voters.len(),
        eligible_area: t.a_total,
        participating_households: t.n_part as usize,
        participating_area: t.a_part,
        agree_households: t.n_agree as usize,
        agree_area: t.a_agree,
        object_households: n_obj,
        abstain_households: n_abs,
        quorum_area: r[0],
        quorum_heads: r[1],
        approve_area: r[2],
        approve_heads: r[3],
        status,
    }
}

/// The least number of households that, by agreeing, make every rule hold; `None` if even all
/// of them would not. For a given count `k` and a split `j` (from those who have not voted) +
/// `k − j` (from those against or abstaining), every rule only gets easier as the chosen areas
/// grow, so the largest areas of each group are best; trying every `j` for a `k` is exact.
/// And if `k` households suffice, so do `k + 1` (one more agreeing household, from either
/// group, raises participation and agreement and cannot lower the share agreeing, which is at
/// most 1): the least `k` is found by bisection, `O(n log n)` instead of `O(n²)` (a
/// community-wide matter nobody has voted on yet has thousands of households).
fn more_needed(t: &Tally, matter: Matter, mut nv: Vec<u64>, mut ag: Vec<u64>) -> Option<usize> {
    // Largest first (equal areas are alike: the unstable sort is exact).
    nv.sort_unstable_by(|a, b| b.cmp(a));
    ag.sort_unstable_by(|a, b| b.cmp(a));
    let prefix = |v: &[u64]| -> Vec<u64> {
        let mut p = Vec::with_capacity(v.len() + 1);
        p.push(0);
        for &x in v {
            p.push(p[p.len() - 1] + x);
        }
        p
    };
    let (pn, pa) = (prefix(&nv), prefix(&ag));
    let enough = |k: usize| -> bool {
        let j_lo = k.saturating_sub(ag.len());
        (j_lo..=k.min(nv.len())).any(|j| {
            let i = k - j;
            let t2 = Tally {
                n_part: t.n_part + j as u64,
                a_part: t.a_part + pn[j],
                n_agree: t.n_agree + k as u64,
                a_agree: t.a_agree + pn[j] + pa[i],
                ..*t
            };
            rules(&t2, matter).iter().all(|&x| x)
        })
    };
    let n = nv.len() + ag.len();
    if n == 0 || !enough(n) {
        return None;
    }
    // The least k in 1..=n with enough(k): enough(hi) holds, enough(lo - 1) does not.
    let (mut lo, mut hi) = (1, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if enough(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::money::Area;

    fn hh(n: u32, area_centi: u64) -> Vec<Household> {
        (0..n)
            .map(|i| Household {
                id: HouseholdId(i),
                room: format!("{i}"),
                floor: 1,
                area_m2: Area(area_centi),
                owner: String::new(),
            })
            .collect()
    }

    fn votes(pairs: &[(u32, Vote)]) -> BTreeMap<HouseholdId, Vote> {
        pairs.iter().map(|&(i, v)| (HouseholdId(i), v)).collect()
    }

    fn run(h: &[Household], v: &BTreeMap<HouseholdId, Vote>, m: Matter) -> ConsentResult {
        let refs: Vec<&Household> = h.iter().collect();
        check(&refs, Some(v), Scope::Stairwell, m)
    }

    #[test]
    fn exactly_two_thirds_participation_is_a_quorum() {
        // 12 equal households; 8 take part (exactly 2/3), all agree.
        let h = hh(12, 7_000);
        let v = votes(&(0..8).map(|i| (i, Vote::Agree)).collect::<Vec<_>>());
        let r = run(&h, &v, Matter::Major);
        assert!(r.quorum_area && r.quorum_heads);
        assert_eq!(r.status, Status::Passed);
        // 7 of 12: one short of the quorum.
        let v = votes(&(0..7).map(|i| (i, Vote::Agree)).collect::<Vec<_>>());
        let r = run(&h, &v, Matter::Major);
        assert!(!r.quorum_heads);
        assert_eq!(r.status, Status::ShortBy { households: 1 });
    }

    #[test]
    fn exactly_three_quarters_approval_passes_a_major_matter() {
        // 12 households all vote: 9 agree (exactly 3/4), 3 object.
        let h = hh(12, 7_000);
        let mut pairs: Vec<_> = (0..9).map(|i| (i, Vote::Agree)).collect();
        pairs.extend((9..12).map(|i| (i, Vote::Object)));
        let r = run(&h, &votes(&pairs), Matter::Major);
        assert!(r.approve_area && r.approve_heads);
        assert_eq!(r.status, Status::Passed);
        // 8 agree, 4 object: one vote short.
        let mut pairs: Vec<_> = (0..8).map(|i| (i, Vote::Agree)).collect();
        pairs.extend((8..12).map(|i| (i, Vote::Object)));
        let r = run(&h, &votes(&pairs), Matter::Major);
        assert!(!r.approve_heads);
        assert_eq!(r.status, Status::ShortBy { households: 1 });
    }

    #[test]
    fn ordinary_matter_needs_more_than_half() {
        let h = hh(10, 7_000);
        let mut pairs: Vec<_> = (0..5).map(|i| (i, Vote::Agree)).collect();
        pairs.extend((5..10).map(|i| (i, Vote::Object)));
        let r = run(&h, &votes(&pairs), Matter::Ordinary);
        assert!(!r.approve_heads, "exactly half is not more than half");
        assert_eq!(r.status, Status::ShortBy { households: 1 });
        pairs[5].1 = Vote::Agree;
        assert_eq!(
            run(&h, &votes(&pairs), Matter::Ordinary).status,
            Status::Passed
        );
    }

    #[test]
    fn area_and_head_count_are_both_required() {
        // 4 households: one owns 70 % of the area. The three small ones agree (3/4 by head),
        // the big one objects: area approval fails.
        let mut h = hh(4, 1_000);
        h[0].area_m2 = Area(7_000);
        let pairs = [
            (0, Vote::Object),
            (1, Vote::Agree),
            (2, Vote::Agree),
            (3, Vote::Agree),
        ];
        let r = run(&h, &votes(&pairs), Matter::Major);
        assert!(r.approve_heads && !r.approve_area);
        assert_eq!(r.status, Status::ShortBy { households: 1 });
    }

    #[test]
    fn abstentions_count_for_quorum_not_approval_and_not_voted_is_reported() {
        let h = hh(6, 7_000);
        let r = run(&h, &BTreeMap::new(), Matter::Major);
        assert_eq!(r.status, Status::NotVoted);
        let pairs: Vec<_> = (0..6).map(|i| (i, Vote::Abstain)).collect();
        let r = run(&h, &votes(&pairs), Matter::Ordinary);
        assert!(r.quorum_heads && !r.approve_heads);
        assert_eq!(r.status, Status::ShortBy { households: 4 }); // 4 of 6 > 1/2
    }

    #[test]
    fn the_electorate_size_is_the_length_of_the_electorate() {
        let plan = crate::core::demo();
        let c = &plan.community;
        let mut targets = vec![Target::Community];
        for b in &c.buildings {
            targets.push(Target::Building(b.id));
            targets.extend(b.stairwells.iter().map(|s| Target::Stairwell(s.id)));
        }
        targets.extend(c.areas.iter().map(|a| Target::Area(a.id)));
        targets.push(Target::Stairwell(crate::core::ids::StairwellId(9_999)));
        for t in targets {
            for scope in [Scope::Stairwell, Scope::Building, Scope::Community] {
                assert_eq!(
                    electorate_size(c, t, scope),
                    electorate(c, t, scope).len(),
                    "{t:?} {scope:?}"
                );
            }
        }
    }

    /// The search the bisection replaced: every k from 1 up.
    fn more_needed_by_counting(t: &Tally, matter: Matter, nv: &[u64], ag: &[u64]) -> Option<usize> {
        let (mut nv, mut ag) = (nv.to_vec(), ag.to_vec());
        nv.sort_unstable_by(|a, b| b.cmp(a));
        ag.sort_unstable_by(|a, b| b.cmp(a));
        let sum = |v: &[u64], n: usize| -> u64 { v[..n].iter().sum() };
        (1..=nv.len() + ag.len()).find(|&k| {
            (k.saturating_sub(ag.len())..=k.min(nv.len())).any(|j| {
                let t2 = Tally {
                    n_part: t.n_part + j as u64,
                    a_part: t.a_part + sum(&nv, j),
                    n_agree: t.n_agree + k as u64,
                    a_agree: t.a_agree + sum(&nv, j) + sum(&ag, k - j),
                    ..*t
                };
                rules(&t2, matter).iter().all(|&x| x)
            })
        })
    }

    #[test]
    fn the_bisection_finds_the_least_count_that_counting_finds() {
        // Random electorates of 1-40 households, random areas and votes.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let mut short = 0;
        for _ in 0..5_000 {
            let n = 1 + next(40) as u32;
            let h: Vec<Household> = (0..n)
                .map(|i| Household {
                    id: HouseholdId(i),
                    room: String::new(),
                    floor: 1,
                    area_m2: Area(3_000 + next(12_000)),
                    owner: String::new(),
                })
                .collect();
            let v: BTreeMap<HouseholdId, Vote> = (0..n)
                .filter_map(|i| {
                    let vote = match next(4) {
                        0 => Vote::Agree,
                        1 => Vote::Object,
                        2 => Vote::Abstain,
                        _ => return None,
                    };
                    Some((HouseholdId(i), vote))
                })
                .collect();
            let matter = if next(2) == 0 {
                Matter::Major
            } else {
                Matter::Ordinary
            };
            let r = run(&h, &v, matter);
            let mut t = Tally::default();
            let (mut nv, mut ag) = (Vec::new(), Vec::new());
            for x in &h {
                let a = x.area_m2.centi();
                t.n_total += 1;
                t.a_total += a;
                match v.get(&x.id) {
                    None => nv.push(a),
                    Some(vote) => {
                        t.n_part += 1;
                        t.a_part += a;
                        if *vote == Vote::Agree {
                            t.n_agree += 1;
                            t.a_agree += a;
                        } else {
                            ag.push(a);
                        }
                    }
                }
            }
            let want = more_needed_by_counting(&t, matter, &nv, &ag);
            match r.status {
                Status::Passed => {}
                Status::ShortBy { households } => {
                    short += 1;
                    assert_eq!(Some(households), want);
                }
                Status::NotVoted => assert!(want.is_some()),
                Status::CannotPass => assert_eq!(want, None),
            }
        }
        assert!(short > 500, "the cases exercise the search ({short})");
    }
}
