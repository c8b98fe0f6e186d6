//! Validation of a plan after it is read and before it is used: ranges, unique ids, simple
//! outlines, references between parts. Every problem is reported with the path of its field;
//! [`repair`] drops the invalid parts so that the valid rest can be kept.

use super::catalog::{Catalog, CostRange};
use super::error::{ErrorKind, PlanError};
use super::geometry::{check_simple_polygon, PolygonFault, Pt};
use super::money::{Money, MAX_LINE_YUAN, MAX_UNIT_PRICE_YUAN, MAX_YUAN};
use super::plan::Plan;
use super::site::Community;
use super::takeoff::{check_target, TakeoffError};
use std::collections::HashSet;

/// Limits on what a plan may hold (far above any real community; they keep a hostile file from
/// exhausting memory or time).
pub mod limits {
    /// Storeys per building.
    pub const FLOORS: (u8, u8) = (1, 40);
    /// Storey height, m.
    pub const STOREY_HEIGHT_M: (f64, f64) = (2.0, 6.0);
    /// Year built.
    pub const YEAR: (u16, u16) = (1900, 2100);
    /// Condition rating.
    pub const CONDITION: (u8, u8) = (1, 5);
    /// Coordinates, m from the origin.
    pub const COORD_M: f64 = 100_000.0;
    /// Vertices of one outline or run.
    pub const POINTS: usize = 1_000;
    /// Buildings, areas, pipes, points each.
    pub const FEATURES: usize = 2_000;
    /// Households per stairwell.
    pub const HOUSEHOLDS_PER_STAIRWELL: usize = 400;
    /// Scenarios.
    pub const SCENARIOS: usize = 100;
    /// Placements per scenario.
    pub const PLACEMENTS: usize = 20_000;
    /// Length of a name, characters.
    pub const NAME_CHARS: usize = 200;
    /// Largest typed-in quantity.
    pub const QUANTITY: f64 = 1.0e9;
    /// Largest percentage in basis points for fees (100 %).
    pub const FEE_BP: u32 = 10_000;
    /// Largest elevator floor coefficient, bp (10 = ten times the base).
    pub const COEFFICIENT_BP: u32 = 100_000;
    /// Years of an annual plan.
    pub const YEARS: usize = 50;
    /// Monte Carlo samples.
    pub const SAMPLES: u32 = 1_000_000;
}

fn range_err<T: std::fmt::Display>(path: String, v: T, lo: T, hi: T) -> PlanError {
    PlanError::new(
        path,
        ErrorKind::OutOfRange {
            value: v.to_string(),
            min: lo.to_string(),
            max: hi.to_string(),
        },
    )
}

/// Share rules: a share of 0-100 % and an amount cap of 0 to [`MAX_YUAN`] (a negative
/// subsidy cap is refused, never read as zero).
fn check_rules(errs: &mut Vec<PlanError>, path: &str, rules: &[super::settings::ShareRule]) {
    for (i, r) in rules.iter().enumerate() {
        if r.max_bp > 10_000 {
            errs.push(range_err(
                format!("{path}[{i}].max_bp"),
                r.max_bp,
                0,
                10_000,
            ));
        }
        if let Some(m) = r.max_amount {
            check_amount(errs, format!("{path}[{i}].max_amount"), m);
        }
    }
}

/// An amount of money that must be 0 to [`MAX_YUAN`] (a budget, a pool, a cap, a subsidy).
fn check_amount(errs: &mut Vec<PlanError>, path: String, m: Money) {
    if m.0 < 0 || m.0 > Money::yuan(MAX_YUAN).0 {
        errs.push(range_err(
            path,
            m.to_string(),
            "0".into(),
            MAX_YUAN.to_string(),
        ));
    }
}

/// A unit price range: in order and at most [`MAX_UNIT_PRICE_YUAN`].
fn check_price(errs: &mut Vec<PlanError>, path: String, r: &CostRange) {
    if !r.is_ordered() {
        errs.push(PlanError::new(path, ErrorKind::PriceOrder));
    } else if r.high > Money::yuan(MAX_UNIT_PRICE_YUAN) {
        errs.push(range_err(
            format!("{path}.high"),
            r.high.to_string(),
            "0".into(),
            MAX_UNIT_PRICE_YUAN.to_string(),
        ));
    }
}

fn check_name(errs: &mut Vec<PlanError>, path: String, s: &str, required: bool) {
    if required && s.trim().is_empty() {
        errs.push(PlanError::new(path, ErrorKind::Empty));
    } else if s.chars().count() > limits::NAME_CHARS {
        errs.push(range_err(path, s.chars().count(), 0, limits::NAME_CHARS));
    }
}

fn check_points(errs: &mut Vec<PlanError>, path: &str, pts: &[Pt]) -> bool {
    if pts.len() > limits::POINTS {
        errs.push(range_err(path.to_string(), pts.len(), 0, limits::POINTS));
        return false;
    }
    for (i, p) in pts.iter().enumerate() {
        if !p.is_finite() {
            errs.push(PlanError::new(format!("{path}[{i}]"), ErrorKind::NotFinite));
            return false;
        }
        if p.x.abs() > limits::COORD_M || p.y.abs() > limits::COORD_M {
            errs.push(range_err(
                format!("{path}[{i}]"),
                p.x.abs().max(p.y.abs()),
                -limits::COORD_M,
                limits::COORD_M,
            ));
            return false;
        }
    }
    true
}

fn check_polygon(errs: &mut Vec<PlanError>, path: String, pts: &[Pt]) {
    if !check_points(errs, &path, pts) {
        return;
    }
    if let Err(f) = check_simple_polygon(pts) {
        let kind = match f {
            PolygonFault::TooFewPoints => ErrorKind::TooFewPoints { min: 3 },
            PolygonFault::NotFinite => ErrorKind::NotFinite,
            PolygonFault::SelfIntersecting => ErrorKind::SelfIntersecting,
            PolygonFault::ZeroArea => ErrorKind::ZeroArea,
        };
        errs.push(PlanError::new(path, kind));
    }
}

fn dup<T: std::hash::Hash + Eq + std::fmt::Display>(
    errs: &mut Vec<PlanError>,
    seen: &mut HashSet<T>,
    id: T,
    path: String,
) {
    let s = id.to_string();
    if !seen.insert(id) {
        errs.push(PlanError::new(path, ErrorKind::Duplicate { id: s }));
    }
}

/// Checks the community: ranges, ids, outlines.
pub fn validate_community(c: &Community) -> Vec<PlanError> {
    let mut errs = Vec::new();
    check_name(&mut errs, "community.name".into(), &c.name, true);
    check_name(&mut errs, "community.city".into(), &c.city, false);
    for (what, n) in [
        ("buildings", c.buildings.len()),
        ("areas", c.areas.len()),
        ("pipes", c.pipes.len()),
        ("points", c.points.len()),
    ] {
        if n > limits::FEATURES {
            errs.push(range_err(
                format!("community.{what}"),
                n,
                0,
                limits::FEATURES,
            ));
            return errs;
        }
    }
    let (mut bids, mut sids, mut hids) = (HashSet::new(), HashSet::new(), HashSet::new());
    for (bi, b) in c.buildings.iter().enumerate() {
        let p = format!("community.buildings[{bi}]");
        dup(&mut errs, &mut bids, b.id, format!("{p}.id"));
        check_name(&mut errs, format!("{p}.name"), &b.name, true);
        check_polygon(&mut errs, format!("{p}.footprint"), &b.footprint);
        let (lo, hi) = limits::FLOORS;
        if !(lo..=hi).contains(&b.floors) {
            errs.push(range_err(format!("{p}.floors"), b.floors, lo, hi));
        }
        let (lo, hi) = limits::STOREY_HEIGHT_M;
        if !(lo..=hi).contains(&b.storey_height_m) {
            errs.push(range_err(
                format!("{p}.storey_height_m"),
                b.storey_height_m,
                lo,
                hi,
            ));
        }
        let (lo, hi) = limits::YEAR;
        if !(lo..=hi).contains(&b.year_built) {
            errs.push(range_err(format!("{p}.year_built"), b.year_built, lo, hi));
        }
        let (lo, hi) = limits::CONDITION;
        if !(lo..=hi).contains(&b.condition) {
            errs.push(range_err(format!("{p}.condition"), b.condition, lo, hi));
        }
        // One error for a building whose households live above its top floor, not one per
        // household.
        let above: Vec<u8> = b
            .households()
            .map(|h| h.floor)
            .filter(|&f| f > b.floors)
            .collect();
        if !above.is_empty() && (limits::FLOORS.0..=limits::FLOORS.1).contains(&b.floors) {
            errs.push(PlanError::new(
                format!("{p}.floors"),
                ErrorKind::HouseholdsAboveTop {
                    floors: b.floors,
                    households: above.len(),
                    highest: above.iter().copied().max().unwrap_or(0),
                },
            ));
        }
        if b.stairwells.len() > limits::FEATURES {
            errs.push(range_err(
                format!("{p}.stairwells"),
                b.stairwells.len(),
                0,
                limits::FEATURES,
            ));
            continue;
        }
        for (si, s) in b.stairwells.iter().enumerate() {
            let sp = format!("{p}.stairwells[{si}]");
            dup(&mut errs, &mut sids, s.id, format!("{sp}.id"));
            check_name(&mut errs, format!("{sp}.name"), &s.name, true);
            check_points(&mut errs, &format!("{sp}.position"), &[s.position]);
            if s.households.len() > limits::HOUSEHOLDS_PER_STAIRWELL {
                errs.push(range_err(
                    format!("{sp}.households"),
                    s.households.len(),
                    0,
                    limits::HOUSEHOLDS_PER_STAIRWELL,
                ));
                continue;
            }
            for (hi_, h) in s.households.iter().enumerate() {
                let hp = format!("{sp}.households[{hi_}]");
                dup(&mut errs, &mut hids, h.id, format!("{hp}.id"));
                check_name(&mut errs, format!("{hp}.room"), &h.room, true);
                check_name(&mut errs, format!("{hp}.owner"), &h.owner, false);
                // Households above the top floor are one problem of the building (below).
                if h.floor < 1 {
                    errs.push(range_err(
                        format!("{hp}.floor"),
                        h.floor,
                        1,
                        b.floors.max(1),
                    ));
                }
                if h.area_m2.centi() == 0 {
                    errs.push(range_err(
                        format!("{hp}.area_m2"),
                        "0".to_string(),
                        "0.01".to_string(),
                        "100000".to_string(),
                    ));
                }
            }
        }
    }
    let mut ids = HashSet::new();
    for (i, a) in c.areas.iter().enumerate() {
        let p = format!("community.areas[{i}]");
        dup(&mut errs, &mut ids, a.id, format!("{p}.id"));
        check_name(&mut errs, format!("{p}.name"), &a.name, false);
        check_polygon(&mut errs, format!("{p}.polygon"), &a.polygon);
    }
    let mut ids = HashSet::new();
    for (i, r) in c.pipes.iter().enumerate() {
        let p = format!("community.pipes[{i}]");
        dup(&mut errs, &mut ids, r.id, format!("{p}.id"));
        check_name(&mut errs, format!("{p}.name"), &r.name, false);
        if check_points(&mut errs, &format!("{p}.path"), &r.path) && r.path.len() < 2 {
            errs.push(PlanError::new(
                format!("{p}.path"),
                ErrorKind::TooFewPoints { min: 2 },
            ));
        }
    }
    let mut ids = HashSet::new();
    for (i, x) in c.points.iter().enumerate() {
        let p = format!("community.points[{i}]");
        dup(&mut errs, &mut ids, x.id, format!("{p}.id"));
        check_name(&mut errs, format!("{p}.name"), &x.name, false);
        check_points(&mut errs, &format!("{p}.position"), &[x.position]);
    }
    errs
}

/// Checks the whole plan; an empty list means it is valid.
pub fn validate(plan: &Plan) -> Vec<PlanError> {
    let mut errs = validate_community(&plan.community);
    let catalog = Catalog::with_edits(&plan.catalog);
    for (id, price) in &plan.catalog.prices {
        check_price(&mut errs, format!("catalog.prices.{id}"), price);
        if Catalog::defaults().get(id).is_none() {
            errs.push(PlanError::new(
                format!("catalog.prices.{id}"),
                ErrorKind::UnknownItem { id: id.clone() },
            ));
        }
    }
    let mut ids = HashSet::new();
    for (i, item) in plan.catalog.custom.iter().enumerate() {
        let p = format!("catalog.custom[{i}]");
        if item.id.is_empty()
            || !item
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            errs.push(PlanError::new(format!("{p}.id"), ErrorKind::Empty));
        }
        if Catalog::defaults().get(&item.id).is_some() || !ids.insert(item.id.clone()) {
            errs.push(PlanError::new(
                format!("{p}.id"),
                ErrorKind::Duplicate {
                    id: item.id.clone(),
                },
            ));
        }
        check_name(&mut errs, format!("{p}.name_zh"), &item.name_zh, true);
        check_name(&mut errs, format!("{p}.name_en"), &item.name_en, false);
        check_price(&mut errs, format!("{p}.unit_cost"), &item.unit_cost);
        if item.targets.is_empty() {
            errs.push(PlanError::new(format!("{p}.targets"), ErrorKind::Empty));
        }
    }
    for (name, bp) in [
        ("design_bp", plan.costs.design_bp),
        ("supervision_bp", plan.costs.supervision_bp),
        ("contingency_bp", plan.costs.contingency_bp),
    ] {
        if bp > limits::FEE_BP {
            errs.push(range_err(format!("costs.{name}"), bp, 0, limits::FEE_BP));
        }
    }
    let f = &plan.funding;
    let rule_lists = [
        ("safety", &f.class_rules.safety),
        ("basic", &f.class_rules.basic),
        ("improvement", &f.class_rules.improvement),
        ("upgrade", &f.class_rules.upgrade),
    ];
    for (name, rules) in rule_lists {
        check_rules(&mut errs, &format!("funding.class_rules.{name}"), rules);
    }
    for (id, rules) in &f.item_rules {
        check_rules(&mut errs, &format!("funding.item_rules.{id}"), rules);
    }
    for (s, m) in &f.pools {
        check_amount(&mut errs, format!("funding.pools.{}", s.code()), *m);
    }
    if let Some(cap) = f.household_cap {
        check_amount(&mut errs, "funding.household_cap".into(), cap);
    }
    if plan.scenarios.is_empty() {
        errs.push(PlanError::new("scenarios", ErrorKind::Empty));
    }
    if plan.scenarios.len() > limits::SCENARIOS {
        errs.push(range_err(
            "scenarios".into(),
            plan.scenarios.len(),
            1,
            limits::SCENARIOS,
        ));
        return errs;
    }
    let mut sids = HashSet::new();
    for (si, s) in plan.scenarios.iter().enumerate() {
        let sp = format!("scenarios[{si}]");
        dup(&mut errs, &mut sids, s.id, format!("{sp}.id"));
        check_name(&mut errs, format!("{sp}.name"), &s.name, true);
        if s.items.len() > limits::PLACEMENTS {
            errs.push(range_err(
                format!("{sp}.items"),
                s.items.len(),
                0,
                limits::PLACEMENTS,
            ));
            continue;
        }
        let mut pids = HashSet::new();
        for (pi, p) in s.items.iter().enumerate() {
            let pp = format!("{sp}.items[{pi}]");
            dup(&mut errs, &mut pids, p.id, format!("{pp}.id"));
            let found = check_placement(plan, &catalog, p, &pp);
            // Quantity × unit price within the limit that keeps every total in range.
            if found.is_empty() && !line_fits(plan, &catalog, p) {
                errs.push(PlanError::new(
                    pp.clone(),
                    ErrorKind::LineTooLarge {
                        limit_yuan: MAX_LINE_YUAN,
                    },
                ));
            }
            errs.extend(found);
        }
        for (pi, p) in s.items.iter().enumerate() {
            for (ri, r) in p.requires.iter().enumerate() {
                if !pids.contains(r) || *r == p.id {
                    errs.push(PlanError::new(
                        format!("{sp}.items[{pi}].requires[{ri}]"),
                        ErrorKind::MissingTarget {
                            target: format!("placement:{r}"),
                        },
                    ));
                }
            }
        }
    }
    if !plan.scenarios.is_empty() && plan.scenario_by_id(plan.current_scenario).is_none() {
        errs.push(PlanError::new(
            "current_scenario",
            ErrorKind::MissingTarget {
                target: format!("scenario:{}", plan.current_scenario),
            },
        ));
    }
    errs.extend(validate_decision_settings(plan));
    let households: HashSet<_> = plan.community.households().map(|h| h.id).collect();
    for (key, votes) in &plan.votes {
        for hid in votes.keys() {
            if !households.contains(hid) {
                errs.push(PlanError::new(
                    format!("votes.{key}.{hid}"),
                    ErrorKind::MissingTarget {
                        target: format!("household:{hid}"),
                    },
                ));
            }
        }
    }
    errs
}

/// Checks the priority, selection, phasing and risk settings.
fn validate_decision_settings(plan: &Plan) -> Vec<PlanError> {
    let mut errs = Vec::new();
    let pr = &plan.priority;
    let known: HashSet<&str> = super::settings::BUILT_IN
        .iter()
        .copied()
        .chain(pr.custom.iter().map(|c| c.id.as_str()))
        .collect();
    for id in pr.weights.keys() {
        if !known.contains(id.as_str()) {
            errs.push(PlanError::new(
                format!("priority.weights.{id}"),
                ErrorKind::MissingTarget {
                    target: format!("criterion:{id}"),
                },
            ));
        }
    }
    let mut ids = HashSet::new();
    for (i, c) in pr.custom.iter().enumerate() {
        if super::settings::BUILT_IN.contains(&c.id.as_str()) || !ids.insert(&c.id) {
            errs.push(PlanError::new(
                format!("priority.custom[{i}].id"),
                ErrorKind::Duplicate { id: c.id.clone() },
            ));
        }
        check_name(
            &mut errs,
            format!("priority.custom[{i}].name_zh"),
            &c.name_zh,
            true,
        );
    }
    if let Some(m) = &pr.pairwise {
        if let Err(e) = super::priority::ahp(m) {
            let path = match e {
                super::priority::AhpError::Shape => "priority.pairwise".to_string(),
                super::priority::AhpError::NotReciprocal(i, j) => {
                    format!("priority.pairwise[{i}][{j}]")
                }
            };
            errs.push(PlanError::new(
                path,
                ErrorKind::Invalid {
                    detail: "not a reciprocal comparison matrix".into(),
                },
            ));
        } else if m.len() != pr.weights.len() {
            errs.push(PlanError::new(
                "priority.pairwise",
                ErrorKind::Invalid {
                    detail: format!("{} rows for {} criteria", m.len(), pr.weights.len()),
                },
            ));
        }
    }
    for (key, r) in &pr.ratings {
        for (c, &v) in r {
            if v > 10 {
                errs.push(range_err(format!("priority.ratings.{key}.{c}"), v, 0, 10));
            }
        }
    }
    let sel = &plan.selection;
    check_amount(&mut errs, "selection.budget".into(), sel.budget);
    for (i, m) in sel.class_min.iter().enumerate() {
        check_amount(&mut errs, format!("selection.class_min[{i}]"), *m);
    }
    let ph = &plan.phasing;
    if ph.years.len() > limits::YEARS {
        errs.push(range_err(
            "phasing.years".into(),
            ph.years.len(),
            0,
            limits::YEARS,
        ));
    }
    // The plan's years all lie within 1900-2100 (a start year of 65535 cannot show as every
    // year of the plan).
    let last_start = limits::YEAR
        .1
        .saturating_sub(ph.years.len().saturating_sub(1) as u16);
    if !(limits::YEAR.0..=last_start).contains(&ph.start_year) {
        errs.push(range_err(
            "phasing.start_year".into(),
            ph.start_year,
            limits::YEAR.0,
            last_start,
        ));
    }
    for (i, y) in ph.years.iter().enumerate() {
        check_amount(&mut errs, format!("phasing.years[{i}].budget"), y.budget);
        for (src, m) in &y.by_source {
            check_amount(
                &mut errs,
                format!("phasing.years[{i}].by_source.{}", src.code()),
                *m,
            );
        }
    }
    // A survey cannot have more answers than the households entitled to answer.
    let households = plan.community.household_count();
    for (key, t) in &plan.tallies {
        let answers = u64::from(t.support) + u64::from(t.oppose) + u64::from(t.no_view);
        if answers > households as u64 {
            errs.push(PlanError::new(
                format!("tallies.{key}"),
                ErrorKind::TallyOverHouseholds {
                    answers,
                    households,
                },
            ));
        }
    }
    let samples = plan.risk.samples;
    if !(1..=limits::SAMPLES).contains(&samples) {
        errs.push(range_err(
            "risk.samples".into(),
            samples,
            1,
            limits::SAMPLES,
        ));
    }
    errs
}

/// True when the placement's quantity × unit price is within [`MAX_LINE_YUAN`] (or it cannot
/// be costed for another reason, reported elsewhere).
pub fn line_fits(plan: &Plan, catalog: &Catalog, p: &super::plan::Placement) -> bool {
    !matches!(
        super::costing::cost_line(&plan.community, catalog, &plan.costs, p),
        Err(super::costing::CostError::TooLarge(..))
    )
}

/// Checks one placement against the catalog and the community.
pub fn check_placement(
    plan: &Plan,
    catalog: &Catalog,
    p: &super::plan::Placement,
    path: &str,
) -> Vec<PlanError> {
    let mut errs = Vec::new();
    match catalog.get(&p.item) {
        None => errs.push(PlanError::new(
            format!("{path}.item"),
            ErrorKind::UnknownItem { id: p.item.clone() },
        )),
        Some(item) => match check_target(&plan.community, item, p.target) {
            Ok(()) => {}
            Err(TakeoffError::WrongTarget(_) | TakeoffError::WrongKind(_)) => {
                errs.push(PlanError::new(
                    format!("{path}.target"),
                    ErrorKind::WrongTarget {
                        item: p.item.clone(),
                        target: p.target.key(),
                    },
                ))
            }
            Err(TakeoffError::MissingTarget) => errs.push(PlanError::new(
                format!("{path}.target"),
                ErrorKind::MissingTarget {
                    target: p.target.key(),
                },
            )),
        },
    }
    if let Some(q) = p.quantity_override {
        if !q.is_finite() || !(0.0..=limits::QUANTITY).contains(&q) {
            errs.push(range_err(
                format!("{path}.quantity_override"),
                q,
                0.0,
                limits::QUANTITY,
            ));
        }
    }
    if let Some(rules) = &p.funding {
        check_rules(&mut errs, &format!("{path}.funding"), rules);
    }
    if let Some(e) = &p.elevator {
        for (i, &c) in e.floor_coefficients_bp.iter().enumerate() {
            if c > limits::COEFFICIENT_BP {
                errs.push(range_err(
                    format!("{path}.elevator.floor_coefficients_bp[{i}]"),
                    c,
                    0,
                    limits::COEFFICIENT_BP,
                ));
            }
        }
        for (i, m) in e.compensation.iter().enumerate() {
            check_amount(&mut errs, format!("{path}.elevator.compensation[{i}]"), *m);
        }
    }
    if let Some(y) = p.year {
        if !(limits::YEAR.0..=limits::YEAR.1).contains(&y) {
            errs.push(range_err(
                format!("{path}.year"),
                y,
                limits::YEAR.0,
                limits::YEAR.1,
            ));
        }
    }
    check_name(&mut errs, format!("{path}.note"), &p.note, false);
    errs
}

/// Drops the invalid parts of a plan that can be dropped on their own (placements, votes,
/// custom items, price edits, site features); returns the repaired plan and what was dropped.
/// `None` when the community itself (a building, a stairwell, a household) or the plan's frame
/// is invalid: then nothing can be kept safely.
pub fn repair(plan: &Plan) -> Option<(Plan, Vec<PlanError>)> {
    let all = validate(plan);
    if all.is_empty() {
        return Some((plan.clone(), all));
    }
    let mut p = plan.clone();
    // Site features with bad geometry or names.
    let bad = |prefix: &str, i: usize| {
        let key = format!("community.{prefix}[{i}]");
        all.iter().any(|e| {
            e.path == key
                || e.path.starts_with(&format!("{key}."))
                || e.path.starts_with(&format!("{key}["))
        })
    };
    p.community.areas = plan
        .community
        .areas
        .iter()
        .enumerate()
        .filter(|(i, _)| !bad("areas", *i))
        .map(|(_, a)| a.clone())
        .collect();
    p.community.pipes = plan
        .community
        .pipes
        .iter()
        .enumerate()
        .filter(|(i, _)| !bad("pipes", *i))
        .map(|(_, a)| a.clone())
        .collect();
    p.community.points = plan
        .community
        .points
        .iter()
        .enumerate()
        .filter(|(i, _)| !bad("points", *i))
        .map(|(_, a)| a.clone())
        .collect();
    // Duplicate feature ids: keep the first.
    let mut seen = HashSet::new();
    p.community.areas.retain(|a| seen.insert(a.id));
    let mut seen = HashSet::new();
    p.community.pipes.retain(|a| seen.insert(a.id));
    let mut seen = HashSet::new();
    p.community.points.retain(|a| seen.insert(a.id));
    if !validate_community(&p.community).is_empty() {
        return None;
    }
    p.catalog
        .prices
        .retain(|id, r| r.is_ordered() && Catalog::defaults().get(id).is_some());
    let mut seen = HashSet::new();
    p.catalog.custom.retain(|item| {
        Catalog::defaults().get(&item.id).is_none()
            && seen.insert(item.id.clone())
            && item.unit_cost.is_ordered()
            && !item.targets.is_empty()
            && !item.name_zh.trim().is_empty()
    });
    let catalog = Catalog::with_edits(&p.catalog);
    let snapshot = p.clone();
    for s in &mut p.scenarios {
        let mut ids = HashSet::new();
        s.items
            .retain(|x| ids.insert(x.id) && check_placement(&snapshot, &catalog, x, "").is_empty());
    }
    let households: HashSet<_> = p.community.households().map(|h| h.id).collect();
    for v in p.votes.values_mut() {
        v.retain(|h, _| households.contains(h));
    }
    p.votes.retain(|_, v| !v.is_empty());
    if validate(&p).is_empty() {
        Some((p, all))
    } else {
        None
    }
}
