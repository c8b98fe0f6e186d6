//! What the panels show, computed once per plan on the page's thread (costs, funding,
//! consent, priorities of the current scenario), shared by context, and kept from the last
//! plan where an edit did not change it; and the plan's catalog, made again only when its catalog
//! edits change.

use crate::core::catalog::Catalog;
use crate::core::evaluate::{evaluate_after, Evaluation, Previous};
use crate::core::plan::Plan;
use crate::core::priority::{score, Priorities};
use crate::ui::session::use_session;
use crate::ui::state::PlanRef;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The catalog of `plan` (the default catalog with the plan's price edits and own items),
/// shared: made again only when the plan's catalog edits change. Every edit makes a new plan
/// but few touch its catalog, and the panels of one page each need it.
pub fn catalog_of(plan: &Plan) -> Rc<Catalog> {
    thread_local! {
        static LAST: RefCell<Option<(crate::core::catalog::CatalogEdits, Rc<Catalog>)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((edits, catalog)) = last.as_ref() {
            if *edits == plan.catalog {
                return catalog.clone();
            }
        }
        let catalog = Rc::new(Catalog::with_edits(&plan.catalog));
        *last = Some((plan.catalog.clone(), catalog.clone()));
        catalog
    })
}

/// Evaluation and priorities of the current scenario, recomputed when the plan changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// Costs, funding, consent.
    pub eval: Option<Evaluation>,
    /// Priorities.
    pub priorities: Option<Priorities>,
    /// The catalog.
    pub catalog: Rc<Catalog>,
}

/// Computes everything the panels show for the current scenario.
pub fn compute(plan: &Plan) -> Computed {
    compute_after(None, plan)
}

/// The same, keeping from the computation of an earlier plan what the edit did not change
/// (see [`evaluate_after`]).
fn compute_after(previous: Option<(&Plan, &Computed)>, plan: &Plan) -> Computed {
    let catalog = catalog_of(plan);
    let scenario = plan.scenario();
    let previous = previous.and_then(|(p, c)| {
        Some(Previous {
            plan: p,
            scenario: p.scenario(),
            evaluation: c.eval.as_ref()?,
        })
    });
    let eval = evaluate_after(previous, plan, &catalog, scenario).ok();
    // The priorities from the same costs (what `decide::basis` finds).
    let priorities = eval
        .as_ref()
        .map(|e| score(plan, &catalog, scenario, &e.costs));
    Computed {
        eval,
        priorities,
        catalog,
    }
}

/// The shared computation, compared by identity (it is recomputed only when the plan changes).
#[derive(Debug, Clone)]
pub struct ComputedRef(pub Rc<Computed>);

impl PartialEq for ComputedRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Computes once per plan, for the context, from the last plan's computation.
#[hook]
pub fn use_compute(plan: PlanRef) -> ComputedRef {
    let last = use_mut_ref(|| None::<(PlanRef, Rc<Computed>)>);
    let mut last = last.borrow_mut();
    if let Some((p, c)) = last.as_ref() {
        if *p == plan {
            return ComputedRef(c.clone());
        }
    }
    let c = Rc::new(compute_after(
        last.as_ref().map(|(p, c)| (&*p.0, &**c)),
        &plan.0,
    ));
    *last = Some((plan, c.clone()));
    ComputedRef(c)
}

/// The shared computation from context (computed on the spot outside the app).
#[hook]
pub fn use_computed() -> Rc<Computed> {
    let ctx = use_context::<ComputedRef>();
    let app = use_session();
    match ctx {
        Some(c) => c.0,
        None => Rc::new(compute(&app.state().plan.0)),
    }
}
