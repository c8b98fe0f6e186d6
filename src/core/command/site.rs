//! Edits of the site: buildings (with their stairwells and households), areas, pipes and
//! points; moving, reshaping, renaming, deleting and copying them. Items placed on a feature
//! that goes are removed from every scenario, with their votes.

use crate::core::catalog::Catalog;
use crate::core::command::checks::*;
use crate::core::command::types::*;
use crate::core::geometry::{vertex_centroid, Pt};
use crate::core::ids::*;
use crate::core::money::Area;
use crate::core::plan::*;
use crate::core::site::*;
use crate::core::takeoff::check_target;
use crate::core::validate::limits;

/// Adds a building with generated stairwells and households.
pub(super) fn add_building(
    plan: &mut Plan,
    footprint: &[Pt],
    props: &BuildingProps,
) -> Result<Applied, EditError> {
    let c = &plan.community;
    let mut out = Applied::default();
    let footprint = &plain(footprint, true);
    check_props(props)?;
    check_shape(footprint, true)?;
    if c.buildings.len() >= limits::FEATURES {
        return Err(EditError::TooMany);
    }
    let id = BuildingId(next_id(c.buildings.iter().map(|b| b.id), |i| i.0)?);
    let mut ids = NextIds::of(plan)?;
    let stairwells = stairwells_for(&mut ids, footprint, props, &[])?;
    plan.community.buildings.push(Building {
        id,
        name: props.name.trim().to_string(),
        footprint: footprint.clone(),
        floors: props.floors,
        storey_height_m: props.storey_height_m,
        year_built: props.year_built,
        condition: props.condition,
        stairwells,
    });
    out.features.push(Feature::Building(id));
    Ok(out)
}

/// Changes a building's properties; stairwells and households are regenerated when their
/// numbers or the floors change.
pub(super) fn update_building(
    plan: &mut Plan,
    id: &BuildingId,
    props: &BuildingProps,
) -> Result<(), EditError> {
    let c = &plan.community;
    check_props(props)?;
    let b = c.building(*id).ok_or(EditError::NotFound)?;
    let old = BuildingProps::of(b);
    let regenerate = old.floors != props.floors
        || old.stairwells != props.stairwells
        || old.households_per_floor != props.households_per_floor
        || (old.area_per_household_m2 - props.area_per_household_m2).abs() > 0.004;
    let footprint = b.footprint.clone();
    let keep = b.stairwells.clone();
    let new_stairwells = if regenerate {
        // New households (the old ones leave with their votes); stairwells keep their
        // ids and names where they still exist. Ids come from the whole plan, the
        // building's own old stairwells and households included, so none is reused.
        let mut ids = NextIds::of(plan)?;
        Some(stairwells_for(&mut ids, &footprint, props, &keep)?)
    } else {
        None
    };
    let removed: Vec<Target> = match &new_stairwells {
        Some(s) => keep
            .iter()
            .filter(|o| !s.iter().any(|n| n.id == o.id))
            .map(|o| Target::Stairwell(o.id))
            .collect(),
        None => Vec::new(),
    };
    if let Some(b) = plan.community.buildings.iter_mut().find(|x| x.id == *id) {
        b.name = props.name.trim().to_string();
        b.floors = props.floors;
        b.storey_height_m = props.storey_height_m;
        b.year_built = props.year_built;
        b.condition = props.condition;
        if let Some(s) = new_stairwells {
            b.stairwells = s;
        }
    }
    drop_placements_on(plan, &removed);
    Ok(())
}

/// Adds a drawn area.
pub(super) fn add_area(
    plan: &mut Plan,
    kind: &AreaKind,
    name: &str,
    polygon: &[Pt],
) -> Result<Applied, EditError> {
    let c = &plan.community;
    let mut out = Applied::default();
    let polygon = &plain(polygon, true);
    check_shape(polygon, true)?;
    let id = FeatureId(next_id(c.areas.iter().map(|a| a.id), |i| i.0)?);
    plan.community.areas.push(SiteArea {
        id,
        kind: *kind,
        name: name.trim().to_string(),
        polygon: polygon.clone(),
    });
    out.features.push(Feature::Area(id));
    Ok(out)
}

/// Adds a pipe run.
pub(super) fn add_pipe(
    plan: &mut Plan,
    kind: &PipeKind,
    name: &str,
    path: &[Pt],
) -> Result<Applied, EditError> {
    let c = &plan.community;
    let mut out = Applied::default();
    let path = &plain(path, false);
    check_shape(path, false)?;
    let id = FeatureId(next_id(c.pipes.iter().map(|a| a.id), |i| i.0)?);
    plan.community.pipes.push(PipeRun {
        id,
        kind: *kind,
        name: name.trim().to_string(),
        path: path.clone(),
    });
    out.features.push(Feature::Pipe(id));
    Ok(out)
}

/// Adds a point feature.
pub(super) fn add_point(
    plan: &mut Plan,
    kind: &PointKind,
    name: &str,
    position: &Pt,
) -> Result<Applied, EditError> {
    let c = &plan.community;
    let mut out = Applied::default();
    check_shape(&[*position, *position], false)?;
    let id = FeatureId(next_id(c.points.iter().map(|a| a.id), |i| i.0)?);
    plan.community.points.push(PointFeature {
        id,
        kind: *kind,
        name: name.trim().to_string(),
        position: *position,
    });
    out.features.push(Feature::Point(id));
    Ok(out)
}

/// Moves features (all or none: a moved outline must stay valid).
pub(super) fn move_features(
    plan: &mut Plan,
    features: &[Feature],
    dx: &f64,
    dy: &f64,
) -> Result<(), EditError> {
    if !dx.is_finite() || !dy.is_finite() {
        return Err(EditError::BadShape);
    }
    let mut next = plan.clone();
    for f in features {
        let cc = &mut next.community;
        match *f {
            Feature::Building(id) => {
                let b = find_mut(&mut cc.buildings, id, |x| x.id)?;
                b.footprint = b
                    .footprint
                    .iter()
                    .map(|&p| translate(p, *dx, *dy))
                    .collect();
                for s in &mut b.stairwells {
                    s.position = translate(s.position, *dx, *dy);
                }
                check_shape(&b.footprint, true)?;
            }
            Feature::Area(id) => {
                let a = find_mut(&mut cc.areas, id, |x| x.id)?;
                a.polygon = a.polygon.iter().map(|&p| translate(p, *dx, *dy)).collect();
                check_shape(&a.polygon, true)?;
            }
            Feature::Pipe(id) => {
                let r = find_mut(&mut cc.pipes, id, |x| x.id)?;
                r.path = r.path.iter().map(|&p| translate(p, *dx, *dy)).collect();
                check_shape(&r.path, false)?;
            }
            Feature::Point(id) => {
                let p = find_mut(&mut cc.points, id, |x| x.id)?;
                p.position = translate(p.position, *dx, *dy);
                check_shape(&[p.position, p.position], false)?;
            }
        }
    }
    *plan = next;
    Ok(())
}

/// Replaces a feature's outline, run or position.
pub(super) fn set_shape(
    plan: &mut Plan,
    feature: &Feature,
    points: &[Pt],
) -> Result<(), EditError> {
    let closed = matches!(feature, Feature::Building(_) | Feature::Area(_));
    let points = &if matches!(feature, Feature::Point(_)) {
        points.to_vec()
    } else {
        plain(points, closed)
    };
    let cc = &mut plan.community;
    match *feature {
        Feature::Building(id) => {
            check_shape(points, true)?;
            let b = find_mut(&mut cc.buildings, id, |x| x.id)?;
            // Stairwell marks follow the outline's edges.
            let marks: Vec<Pt> = b.stairwells.iter().map(|s| s.position).collect();
            let moved = follow_marks(&b.footprint, points, &marks);
            for (s, m) in b.stairwells.iter_mut().zip(moved) {
                s.position = m;
            }
            b.footprint.clone_from(points);
        }
        Feature::Area(id) => {
            check_shape(points, true)?;
            let a = find_mut(&mut cc.areas, id, |x| x.id)?;
            a.polygon.clone_from(points);
        }
        Feature::Pipe(id) => {
            check_shape(points, false)?;
            let r = find_mut(&mut cc.pipes, id, |x| x.id)?;
            r.path.clone_from(points);
        }
        Feature::Point(id) => {
            let &[p] = points.as_slice() else {
                return Err(EditError::BadShape);
            };
            check_shape(&[p, p], false)?;
            let x = find_mut(&mut cc.points, id, |x| x.id)?;
            x.position = p;
        }
    }
    Ok(())
}

/// Changes a feature's kind, refused while an item on it would no longer fit.
pub(super) fn set_kind(
    plan: &mut Plan,
    feature: &Feature,
    kind: &SiteKind,
) -> Result<(), EditError> {
    let cc = &mut plan.community;
    match (*feature, *kind) {
        (Feature::Area(id), SiteKind::Area(k)) => find_mut(&mut cc.areas, id, |x| x.id)?.kind = k,
        (Feature::Pipe(id), SiteKind::Pipe(k)) => find_mut(&mut cc.pipes, id, |x| x.id)?.kind = k,
        (Feature::Point(id), SiteKind::Point(k)) => {
            find_mut(&mut cc.points, id, |x| x.id)?.kind = k
        }
        _ => return Err(EditError::NotFound),
    }
    // Every item on it, in every scenario, must still fit.
    let catalog = Catalog::with_edits(&plan.catalog);
    let on: Vec<Target> = targets_of(plan, *feature);
    let mut bad: Vec<String> = Vec::new();
    for s in &plan.scenarios {
        for p in s.items.iter().filter(|p| on.contains(&p.target)) {
            let fits = catalog
                .get(&p.item)
                .is_some_and(|it| check_target(&plan.community, it, p.target).is_ok());
            if !fits && !bad.contains(&p.item) {
                bad.push(p.item.clone());
            }
        }
    }
    if !bad.is_empty() {
        return Err(EditError::KindConflict { items: bad });
    }
    Ok(())
}

/// Renames a feature.
pub(super) fn rename(plan: &mut Plan, feature: &Feature, name: &str) -> Result<(), EditError> {
    check_name(name)?;
    let name = name.trim().to_string();
    let cc = &mut plan.community;
    match *feature {
        Feature::Building(id) => find_mut(&mut cc.buildings, id, |x| x.id)?.name = name,
        Feature::Area(id) => find_mut(&mut cc.areas, id, |x| x.id)?.name = name,
        Feature::Pipe(id) => find_mut(&mut cc.pipes, id, |x| x.id)?.name = name,
        Feature::Point(id) => find_mut(&mut cc.points, id, |x| x.id)?.name = name,
    }
    Ok(())
}

/// Deletes features and the items placed on them.
pub(super) fn delete(plan: &mut Plan, features: &[Feature]) -> Result<(), EditError> {
    let targets: Vec<Target> = features.iter().flat_map(|&f| targets_of(plan, f)).collect();
    let cc = &mut plan.community;
    for f in features {
        match *f {
            Feature::Building(id) => cc.buildings.retain(|x| x.id != id),
            Feature::Area(id) => cc.areas.retain(|x| x.id != id),
            Feature::Pipe(id) => cc.pipes.retain(|x| x.id != id),
            Feature::Point(id) => cc.points.retain(|x| x.id != id),
        }
    }
    drop_placements_on(plan, &targets);
    Ok(())
}

/// Copies features, offset by (dx, dy).
pub(super) fn duplicate(
    plan: &mut Plan,
    features: &[Feature],
    dx: &f64,
    dy: &f64,
) -> Result<Applied, EditError> {
    let mut out = Applied::default();
    for f in features {
        let added = match *f {
            Feature::Building(id) => {
                let b = plan.community.building(id).ok_or(EditError::NotFound)?;
                let props = BuildingProps::of(b);
                let footprint: Vec<Pt> = b
                    .footprint
                    .iter()
                    .map(|&p| translate(p, *dx, *dy))
                    .collect();
                let marks: Vec<Pt> = b
                    .stairwells
                    .iter()
                    .map(|s| translate(s.position, *dx, *dy))
                    .collect();
                let a = add_building(plan, &footprint, &props)?;
                if let Some(Feature::Building(nid)) = a.features.first() {
                    if let Some(nb) = plan.community.buildings.iter_mut().find(|x| x.id == *nid) {
                        for (s, m) in nb.stairwells.iter_mut().zip(marks) {
                            s.position = m;
                        }
                    }
                }
                a
            }
            Feature::Area(id) => {
                let a = plan.community.area(id).ok_or(EditError::NotFound)?;
                let (kind, name) = (a.kind, a.name.clone());
                let polygon: Vec<Pt> = a.polygon.iter().map(|&p| translate(p, *dx, *dy)).collect();
                add_area(plan, &kind, &name, &polygon)?
            }
            Feature::Pipe(id) => {
                let r = plan.community.pipe(id).ok_or(EditError::NotFound)?;
                let (kind, name) = (r.kind, r.name.clone());
                let path: Vec<Pt> = r.path.iter().map(|&p| translate(p, *dx, *dy)).collect();
                add_pipe(plan, &kind, &name, &path)?
            }
            Feature::Point(id) => {
                let x = plan.community.point(id).ok_or(EditError::NotFound)?;
                let (kind, name) = (x.kind, x.name.clone());
                let position = translate(x.position, *dx, *dy);
                add_point(plan, &kind, &name, &position)?
            }
        };
        out.features.extend(added.features);
    }
    Ok(out)
}

/// Where `n` stairwell entrances go on an outline: evenly along the edge from vertex 3 to 2 for
/// four-cornered outlines (the long "south" side of a rectangle drawn top-left first, which
/// stays that side when the rectangle is rotated), else along the first edge.
pub fn entrance_marks(footprint: &[Pt], n: usize) -> Vec<Pt> {
    if footprint.is_empty() {
        return Vec::new();
    }
    let (a, b) = if footprint.len() == 4 {
        (footprint[3], footprint[2])
    } else {
        (footprint[0], footprint[1 % footprint.len()])
    };
    (0..n)
        .map(|k| {
            let t = (k as f64 + 0.5) / n as f64;
            Pt::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
        })
        .collect()
}

/// Stairwells for a building from its properties: kept stairwells (by position in `keep`)
/// keep their ids and names; new ones get new ids; every household is new. Entrances are
/// spread evenly along the outline ([`entrance_marks`]) when the number of stairwells
/// changes, and stay where they were when it does not.
pub(super) fn stairwells_for(
    ids: &mut NextIds,
    footprint: &[Pt],
    props: &BuildingProps,
    keep: &[Stairwell],
) -> Result<Vec<Stairwell>, EditError> {
    let area = Area::from_m2(props.area_per_household_m2).unwrap_or(Area(7_500));
    let n = usize::from(props.stairwells);
    let marks = if keep.len() == n {
        keep.iter().map(|s| s.position).collect()
    } else {
        entrance_marks(footprint, n)
    };
    let mut out = Vec::with_capacity(n);
    for (k, position) in marks.into_iter().enumerate() {
        let (id, name) = match keep.get(k) {
            Some(s) => (s.id, s.name.clone()),
            None => (
                StairwellId(NextIds::take(&mut ids.stairwell)?),
                format!("{}单元", k + 1),
            ),
        };
        let mut households = Vec::new();
        for f in 1..=props.floors {
            for u in 1..=props.households_per_floor {
                households.push(Household {
                    id: HouseholdId(NextIds::take(&mut ids.household)?),
                    room: format!("{f}{u:02}"),
                    floor: f,
                    area_m2: area,
                    owner: String::new(),
                });
            }
        }
        out.push(Stairwell {
            id,
            name,
            position,
            households,
        });
    }
    Ok(out)
}

/// The stairwell marks of an outline that changed shape: with the same number of corners each
/// mark keeps its place along its edge (and its distance off it), so marks follow a resize,
/// a rotation or a reshape; otherwise they move with the outline's centre.
pub fn follow_marks(old: &[Pt], new: &[Pt], marks: &[Pt]) -> Vec<Pt> {
    if old.len() != new.len() || old.len() < 2 {
        let (c0, c1) = (vertex_centroid(old), vertex_centroid(new));
        return marks
            .iter()
            .map(|&m| translate(m, c1.x - c0.x, c1.y - c0.y))
            .collect();
    }
    let n = old.len();
    marks
        .iter()
        .map(|&m| {
            // The nearest edge, the position along it (0-1) and the signed offset off it.
            let mut best = (f64::INFINITY, 0usize, 0.0, 0.0);
            for i in 0..n {
                let (a, b) = (old[i], old[(i + 1) % n]);
                let (ex, ey) = (b.x - a.x, b.y - a.y);
                let len2 = ex * ex + ey * ey;
                if len2 <= 0.0 {
                    continue;
                }
                let t = (((m.x - a.x) * ex + (m.y - a.y) * ey) / len2).clamp(0.0, 1.0);
                let (px, py) = (a.x + ex * t, a.y + ey * t);
                let d = (m.x - px).hypot(m.y - py);
                let side = ((m.x - a.x) * ey - (m.y - a.y) * ex).signum();
                if d < best.0 {
                    best = (d, i, t, side * d);
                }
            }
            let (_, i, t, off) = best;
            let (a, b) = (new[i], new[(i + 1) % n]);
            let (ex, ey) = (b.x - a.x, b.y - a.y);
            let len = ex.hypot(ey).max(1e-9);
            // The unit normal on the same side as before.
            let (nx, ny) = (ey / len, -ex / len);
            Pt::new(a.x + ex * t + nx * off, a.y + ey * t + ny * off)
        })
        .collect()
}

pub(super) fn translate(p: Pt, dx: f64, dy: f64) -> Pt {
    Pt::new(p.x + dx, p.y + dy)
}

/// Removes placements on `targets` from every scenario, and votes and ratings of matters that
/// no longer exist anywhere.
pub(super) fn drop_placements_on(plan: &mut Plan, targets: &[Target]) {
    for s in &mut plan.scenarios {
        let gone: Vec<PlacementId> = s
            .items
            .iter()
            .filter(|p| targets.contains(&p.target))
            .map(|p| p.id)
            .collect();
        s.items.retain(|p| !gone.contains(&p.id));
        for p in &mut s.items {
            p.requires.retain(|r| !gone.contains(r));
        }
    }
    prune_matters(plan);
}

/// Drops votes, tallies and ratings of matters no scenario has, and votes of households that
/// no longer exist.
pub(super) fn prune_matters(plan: &mut Plan) {
    let live: std::collections::HashSet<String> = plan
        .scenarios
        .iter()
        .flat_map(|s| s.items.iter().map(Placement::matter_key))
        .collect();
    let households: std::collections::HashSet<HouseholdId> =
        plan.community.households().map(|h| h.id).collect();
    plan.votes.retain(|k, _| live.contains(k));
    for v in plan.votes.values_mut() {
        v.retain(|h, _| households.contains(h));
    }
    plan.votes.retain(|_, v| !v.is_empty());
    plan.tallies.retain(|k, _| live.contains(k));
    plan.priority.ratings.retain(|k, _| live.contains(k));
}

pub(super) fn targets_of(plan: &Plan, f: Feature) -> Vec<Target> {
    match f {
        Feature::Building(id) => {
            let mut t = vec![Target::Building(id)];
            if let Some(b) = plan.community.building(id) {
                t.extend(b.stairwells.iter().map(|s| Target::Stairwell(s.id)));
            }
            t
        }
        Feature::Area(id) => vec![Target::Area(id)],
        Feature::Pipe(id) => vec![Target::Pipe(id)],
        Feature::Point(id) => vec![Target::Point(id)],
    }
}
