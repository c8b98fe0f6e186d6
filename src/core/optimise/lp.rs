//! A small linear-programming solver for the optimiser's relaxations: maximise `c·x` subject
//! to rows `a·x ≤ b` and bounds `l ≤ x ≤ u`, by the bounded dual simplex method with the
//! basis inverse in product form (sparse eta columns, refactorised from a slack basis every
//! hundred updates or when the etas grow; the rows are sparse, dependency rows are added only
//! when violated) and the bound-flipping ratio test.
//!
//! Why the dual simplex: every basis it visits is dual feasible, so at every iteration the
//! current objective is an upper bound on the optimum (weak duality). A branch-and-bound node
//! can therefore stop the solve as soon as the bound falls below the best selection known,
//! and a changed bound (branching, backtracking) or a new row keeps dual feasibility, so the
//! next solve starts warm from the last basis. The bound is never taken from the simplex's
//! arithmetic alone: [`Lp::bound`] recomputes it from the duals by weak duality, which is a
//! valid upper bound for any non-negative duals, whatever rounding did to them.
//!
//! Literature followed: the bounded dual simplex as in A. Koberstein, *The dual simplex
//! method, techniques for a fast and stable implementation* (PhD thesis, Paderborn, 2005),
//! chapters 3-4 (the bound-flipping ratio test for boxed variables, dual phase from a slack basis with nonbasic
//! variables at the bound their reduced cost prefers); row generation (cutting planes) for
//! the dependency rows as in branch-and-cut (Padberg and Rinaldi, 1991).

/// Tolerances: primal (bounds and rows, on scaled rows) and dual (reduced costs).
const PRIMAL_TOL: f64 = 1e-9;
const DUAL_TOL: f64 = 1e-9;
/// A pivot element smaller than this is refused in the ratio test.
const PIVOT_TOL: f64 = 1e-9;
/// Entries of a transformed column smaller than this are dropped from its eta.
const DROP_TOL: f64 = 1e-13;
/// Refactorise the basis after this many updates.
const REFACTOR_EVERY: usize = 100;

/// How a solve ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LpStatus {
    /// Optimal for the current rows and bounds.
    Optimal,
    /// No point satisfies the rows and bounds.
    Infeasible,
    /// Stopped because the bound fell to the cut-off (the node can be pruned).
    CutOff,
    /// Stopped at the iteration limit (the bound is still valid).
    IterationLimit,
}

/// The basis inverse in product form, `B⁻¹ = E_k⁻¹ ⋯ E_1⁻¹`, starting from the slack basis
/// (the identity). Each eta is the transformed entering column of one pivot, kept sparse: the
/// basis matrices here have a handful of entries per column, so applying the etas costs far
/// less than a dense `m × m` inverse.
#[derive(Debug, Clone)]
struct Etas {
    /// Position replaced by each eta, and its pivot element.
    pivot: Vec<u32>,
    pval: Vec<f64>,
    /// The other entries of each eta: `start[k]..start[k + 1]` in `idx` and `val`.
    start: Vec<u32>,
    idx: Vec<u32>,
    val: Vec<f64>,
}

impl Etas {
    fn new() -> Etas {
        Etas {
            pivot: Vec::new(),
            pval: Vec::new(),
            start: vec![0],
            idx: Vec::new(),
            val: Vec::new(),
        }
    }

    fn clear(&mut self) {
        self.pivot.clear();
        self.pval.clear();
        self.start.clear();
        self.start.push(0);
        self.idx.clear();
        self.val.clear();
    }

    fn nnz(&self) -> usize {
        self.idx.len() + self.pivot.len()
    }

    /// Appends the eta of a pivot at position `r` on the transformed column `a`.
    fn push(&mut self, r: usize, a: &[f64]) {
        self.pivot.push(r as u32);
        self.pval.push(a[r]);
        for (i, &v) in a.iter().enumerate() {
            if i != r && v.abs() > DROP_TOL {
                self.idx.push(i as u32);
                self.val.push(v);
            }
        }
        self.start.push(self.idx.len() as u32);
    }

    /// `z ← B⁻¹ z` (a column indexed by row, returned indexed by basis position).
    fn ftran(&self, z: &mut [f64]) {
        for k in 0..self.pivot.len() {
            let p = self.pivot[k] as usize;
            if z[p] == 0.0 {
                continue;
            }
            let zp = z[p] / self.pval[k];
            z[p] = zp;
            for e in self.start[k] as usize..self.start[k + 1] as usize {
                z[self.idx[e] as usize] -= self.val[e] * zp;
            }
        }
    }

    /// `w ← w B⁻¹` (a row indexed by basis position, returned indexed by row).
    fn btran(&self, w: &mut [f64]) {
        for k in (0..self.pivot.len()).rev() {
            let p = self.pivot[k] as usize;
            let mut s = w[p];
            for e in self.start[k] as usize..self.start[k + 1] as usize {
                s -= self.val[e] * w[self.idx[e] as usize];
            }
            w[p] = s / self.pval[k];
        }
    }
}

/// The relaxation and its current basis.
#[derive(Debug, Clone)]
pub struct Lp {
    /// Number of structural variables.
    n: usize,
    /// Objective of the maximisation.
    c: Vec<f64>,
    /// Bounds of the structural variables.
    pub lo: Vec<f64>,
    /// Upper bounds.
    pub up: Vec<f64>,
    /// Rows: sparse coefficients and right-hand side (`a·x ≤ b`).
    rows: Vec<(Vec<(u32, f64)>, f64)>,
    /// Columns of the structural variables: (row, coefficient).
    cols: Vec<Vec<(u32, f64)>>,
    /// Basic variable at each basis position (variables `0..n` structural, `n + r` the slack
    /// of row r).
    basis: Vec<usize>,
    /// Position of each basic variable, `usize::MAX` for nonbasic ones.
    pos: Vec<usize>,
    /// Value of every variable (nonbasic ones sit at a bound).
    x: Vec<f64>,
    /// Reduced costs of the minimisation of `−c·x`, every variable.
    d: Vec<f64>,
    /// Duals of the minimisation, `c_B · B⁻¹`, kept up to date with each pivot.
    y: Vec<f64>,
    /// The basis inverse.
    etas: Etas,
    /// Eta entries right after the last refactorisation.
    base_nnz: usize,
    /// Updates since the last refactorisation.
    updates: usize,
    /// Rows were added since the last refactorisation (the etas do not cover them).
    stale: bool,
    /// Nonbasic values changed since the basic values were computed.
    moved: bool,
    /// Scratch vectors: one of size `m`, one of size `n + m`.
    work: Vec<f64>,
    alpha: Vec<f64>,
    /// Scratch for [`Lp::bound`].
    scratch: std::cell::RefCell<Vec<f64>>,
    /// Iterations done in all.
    pub iterations: u64,
}

impl Lp {
    /// An LP over `n` variables with objective `c` (maximised) and bounds, no rows yet.
    pub fn new(c: Vec<f64>, lo: Vec<f64>, up: Vec<f64>) -> Lp {
        let n = c.len();
        let mut lp = Lp {
            n,
            c,
            lo,
            up,
            rows: Vec::new(),
            cols: vec![Vec::new(); n],
            basis: Vec::new(),
            pos: vec![usize::MAX; n],
            x: vec![0.0; n],
            d: Vec::new(),
            y: Vec::new(),
            etas: Etas::new(),
            base_nnz: 0,
            updates: 0,
            stale: false,
            moved: false,
            work: Vec::new(),
            alpha: vec![0.0; n],
            scratch: std::cell::RefCell::new(Vec::new()),
            iterations: 0,
        };
        // Reduced costs of the minimisation with only the bounds: −c. Each variable at the
        // bound its reduced cost prefers (dual feasible).
        lp.d = lp.c.iter().map(|&v| -v).collect();
        for j in 0..n {
            lp.x[j] = if lp.d[j] < 0.0 { lp.up[j] } else { lp.lo[j] };
        }
        lp
    }

    /// Number of basic structural variables.
    pub fn basic_structurals(&self) -> usize {
        self.pos[..self.n]
            .iter()
            .filter(|&&p| p != usize::MAX)
            .count()
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// Adds the row `a·x ≤ b` with its slack basic (keeps dual feasibility). The basis is
    /// refactorised at the next solve.
    pub fn add_row(&mut self, a: Vec<(u32, f64)>, b: f64) {
        let r = self.rows.len();
        for &(j, v) in &a {
            self.cols[j as usize].push((r as u32, v));
        }
        let slack_value = b - a.iter().map(|&(j, v)| v * self.x[j as usize]).sum::<f64>();
        self.rows.push((a, b));
        self.y.push(0.0);
        self.basis.push(self.n + r);
        self.pos.push(r);
        self.x.push(slack_value);
        self.d.push(0.0);
        self.work.push(0.0);
        self.alpha.push(0.0);
        self.stale = true;
    }

    fn var_bounds(&self, v: usize) -> (f64, f64) {
        if v < self.n {
            (self.lo[v], self.up[v])
        } else {
            (0.0, f64::INFINITY)
        }
    }

    /// Changes a structural variable's bounds, keeping the basis dual feasible: a nonbasic
    /// variable moves to the bound its reduced cost prefers (the basic values follow at the
    /// next solve).
    pub fn set_bounds(&mut self, j: usize, lo: f64, up: f64) {
        self.lo[j] = lo;
        self.up[j] = up;
        if self.pos[j] == usize::MAX {
            let want = if self.d[j] < 0.0 { up } else { lo };
            if want != self.x[j] {
                self.x[j] = want;
                self.moved = true;
            }
        }
    }

    /// Scatters a variable's column into `z` (indexed by row), scaled by `f`.
    fn scatter(&self, v: usize, f: f64, z: &mut [f64]) {
        if v < self.n {
            for &(r, w) in &self.cols[v] {
                z[r as usize] += w * f;
            }
        } else {
            z[v - self.n] += f;
        }
    }

    /// Rebuilds the basis inverse from the slack basis, pivoting in the basic structurals
    /// sparsest first, each at the open position where its transformed column is largest;
    /// then recomputes values, duals and reduced costs. On a singular basis, falls back to
    /// the slack basis (always dual feasible).
    fn refactor(&mut self) {
        let (n, m) = (self.n, self.rows.len());
        self.etas.clear();
        let mut open: Vec<bool> = (0..m).map(|r| self.pos[n + r] == usize::MAX).collect();
        let mut structurals: Vec<usize> = self.basis.iter().copied().filter(|&v| v < n).collect();
        let count = |j: usize, open: &[bool]| {
            self.cols[j]
                .iter()
                .filter(|&&(r, _)| open[r as usize])
                .count()
        };
        let mut keyed: Vec<(usize, usize)> =
            structurals.iter().map(|&j| (count(j, &open), j)).collect();
        keyed.sort_unstable();
        structurals = keyed.into_iter().map(|(_, j)| j).collect();
        let mut basis: Vec<usize> = (0..m).map(|r| n + r).collect();
        let mut z = vec![0.0; m];
        let mut singular = false;
        for &j in &structurals {
            z.fill(0.0);
            self.scatter(j, 1.0, &mut z);
            self.etas.ftran(&mut z);
            let mut best: Option<(usize, f64)> = None;
            for (i, &o) in open.iter().enumerate() {
                if o && best.is_none_or(|(_, b)| z[i].abs() > b) {
                    best = Some((i, z[i].abs()));
                }
            }
            match best {
                Some((i, b)) if b > 1e-9 => {
                    self.etas.push(i, &z);
                    open[i] = false;
                    basis[i] = j;
                }
                _ => {
                    singular = true;
                    break;
                }
            }
        }
        if singular {
            // The slack basis: every structural nonbasic at the bound its objective prefers.
            self.etas.clear();
            basis = (0..m).map(|r| n + r).collect();
            for j in 0..n {
                self.x[j] = if self.c[j] > 0.0 {
                    self.up[j]
                } else {
                    self.lo[j]
                };
            }
        }
        self.pos.fill(usize::MAX);
        for (i, &v) in basis.iter().enumerate() {
            self.pos[v] = i;
        }
        for v in 0..n + m {
            if self.pos[v] == usize::MAX && v >= n {
                self.x[v] = 0.0;
            }
        }
        self.basis = basis;
        self.base_nnz = self.etas.nnz();
        self.updates = 0;
        self.stale = false;
        self.recompute_values();
        self.recompute_duals();
    }

    /// Basic values from the nonbasic ones: `x_B = B⁻¹ (b − N x_N)`.
    fn recompute_values(&mut self) {
        let m = self.rows.len();
        let mut rhs: Vec<f64> = self.rows.iter().map(|r| r.1).collect();
        for v in 0..self.n + m {
            if self.pos[v] == usize::MAX && self.x[v] != 0.0 {
                let xv = self.x[v];
                self.scatter(v, -xv, &mut rhs);
            }
        }
        self.etas.ftran(&mut rhs);
        for (i, &bv) in self.basis.iter().enumerate() {
            self.x[bv] = rhs[i];
        }
        self.moved = false;
    }

    /// Duals `y = c_B B⁻¹` and reduced costs `d = c − y A` of the minimisation.
    fn recompute_duals(&mut self) {
        let (n, m) = (self.n, self.rows.len());
        let mut w: Vec<f64> = self
            .basis
            .iter()
            .map(|&bv| if bv < n { -self.c[bv] } else { 0.0 })
            .collect();
        self.etas.btran(&mut w);
        self.y = w;
        for v in 0..n + m {
            if self.pos[v] != usize::MAX {
                self.d[v] = 0.0;
            } else if v < n {
                self.d[v] = -self.c[v]
                    - self.cols[v]
                        .iter()
                        .map(|&(r, w)| self.y[r as usize] * w)
                        .sum::<f64>();
            } else {
                self.d[v] = -self.y[v - n];
            }
        }
    }

    /// The dual of row `r` in the maximisation (non-negative: the value of a unit more of
    /// its right-hand side).
    pub fn dual(&self, r: usize) -> f64 {
        (-self.y[r]).max(0.0)
    }

    /// A valid upper bound on the maximum under the current rows and bounds, by weak
    /// duality from the current duals (clamped to be non-negative), with a margin for
    /// rounding: `Σ y b + Σ max over [l, u] of (c − yA) x`.
    pub fn bound(&self) -> f64 {
        let mut red = std::mem::take(&mut *self.scratch.borrow_mut());
        red.resize(self.n, 0.0);
        let b = self.bound_with_reduced(&mut red);
        *self.scratch.borrow_mut() = red;
        b
    }

    /// [`Lp::bound`], and the reduced costs `c_j − y·A_j` (maximisation) of the structural
    /// variables under the same clamped duals in `red`: forcing `j` to the bound its
    /// reduced cost does not prefer lowers the bound by `|red_j| · (u_j − l_j)`.
    pub fn bound_with_reduced(&self, red: &mut [f64]) -> f64 {
        let y: Vec<f64> = (0..self.rows.len()).map(|r| self.dual(r)).collect();
        let mut ub = 0.0;
        let mut scale = 0.0;
        for (row, &y) in self.rows.iter().zip(&y) {
            ub += y * row.1;
            scale += (y * row.1).abs();
        }
        for j in 0..self.n {
            let r = self.c[j]
                - self.cols[j]
                    .iter()
                    .map(|&(r, w)| y[r as usize] * w)
                    .sum::<f64>();
            red[j] = r;
            let best = if r > 0.0 {
                r * self.up[j]
            } else {
                r * self.lo[j]
            };
            if best.is_infinite() {
                return f64::INFINITY;
            }
            ub += best;
            scale += best.abs() + self.c[j].abs();
        }
        ub + 1e-9 * scale + 1e-6
    }

    /// The current objective `c·x` (of the basic solution, feasible or not).
    pub fn objective(&self) -> f64 {
        (0..self.n).map(|j| self.c[j] * self.x[j]).sum()
    }

    /// The value of structural `j` (after a solve).
    pub fn value(&self, j: usize) -> f64 {
        self.x[j]
    }

    /// Reduced cost of structural `j` in the maximisation (positive: raising it would pay)
    /// and whether it is nonbasic.
    pub fn reduced(&self, j: usize) -> (f64, bool) {
        (-self.d[j], self.pos[j] == usize::MAX)
    }

    /// Runs the dual simplex until optimal, infeasible, the bound drops to `cutoff` or
    /// below, or `max_iter` iterations.
    pub fn solve(&mut self, cutoff: f64, max_iter: u64) -> LpStatus {
        let (n, m) = (self.n, self.rows.len());
        if self.stale {
            self.refactor();
        } else if self.moved {
            self.recompute_values();
        }
        let mut done = 0u64;
        let mut s = Scratch {
            cands: Vec::new(),
            touched: Vec::new(),
            in_touched: vec![false; n + m],
            aq: vec![0.0; m],
        };
        self.alpha.fill(0.0);
        loop {
            if self.updates >= REFACTOR_EVERY || self.etas.nnz() > 4 * self.base_nnz + 2 * m + 64 {
                self.refactor();
            }
            let Some(r) = self.leaving() else {
                return LpStatus::Optimal;
            };
            if done >= max_iter {
                return LpStatus::IterationLimit;
            }
            if done.is_multiple_of(8) && self.bound() <= cutoff {
                return LpStatus::CutOff;
            }
            done += 1;
            self.iterations += 1;
            let p = self.basis[r];
            let (lp_, up_) = self.var_bounds(p);
            let below = self.x[p] < lp_;
            let infeasibility = if below {
                lp_ - self.x[p]
            } else {
                self.x[p] - up_
            };
            self.pivot_row(r, &mut s);
            self.entering_candidates(below, &mut s);
            let Some((k, q)) = self.entering(&s.cands, infeasibility) else {
                return LpStatus::Infeasible;
            };
            let alpha_q = self.alpha[q];
            // The entering column, checked against the pivot row.
            s.aq.fill(0.0);
            self.scatter(q, 1.0, &mut s.aq);
            self.etas.ftran(&mut s.aq);
            if (s.aq[r] - alpha_q).abs() > 1e-7 * (1.0 + alpha_q.abs()) || s.aq[r].abs() < PIVOT_TOL
            {
                // The factorisation has drifted: rebuild it and choose again.
                self.refactor();
                continue;
            }
            self.dual_step(p, q, &s.touched);
            self.flip_passed(&s.cands[..k], q);
            // Primal step.
            let target = if below { lp_ } else { up_ };
            let t = (self.x[p] - target) / s.aq[r];
            for (i, &bv) in self.basis.iter().enumerate() {
                if s.aq[i] != 0.0 {
                    self.x[bv] -= s.aq[i] * t;
                }
            }
            self.x[q] += t;
            self.x[p] = target;
            // Basis and its inverse.
            self.etas.push(r, &s.aq);
            self.basis[r] = q;
            self.pos[q] = r;
            self.pos[p] = usize::MAX;
            self.updates += 1;
        }
    }

    /// Leaving: the row whose basic variable is furthest outside its bounds, if any is.
    fn leaving(&self) -> Option<usize> {
        let mut leave = None;
        let mut worst = PRIMAL_TOL;
        for (i, &bv) in self.basis.iter().enumerate() {
            let (l, u) = self.var_bounds(bv);
            let xv = self.x[bv];
            let viol = if xv < l {
                l - xv
            } else if xv > u {
                xv - u
            } else {
                0.0
            };
            if viol > worst {
                worst = viol;
                leave = Some(i);
            }
        }
        leave
    }

    /// Row `r` of B⁻¹ (rho, in `work`), then row `r` of B⁻¹A over the variables it can touch
    /// (`alpha`; the variables listed in `s.touched`, the rest of `alpha` is 0).
    fn pivot_row(&mut self, r: usize, s: &mut Scratch) {
        let n = self.n;
        let rho = &mut self.work;
        rho.fill(0.0);
        rho[r] = 1.0;
        self.etas.btran(rho);
        for &v in &s.touched {
            self.alpha[v as usize] = 0.0;
            s.in_touched[v as usize] = false;
        }
        s.touched.clear();
        for (i, &ri) in self.work.iter().enumerate() {
            if ri != 0.0 {
                for &(j, w) in &self.rows[i].0 {
                    if !s.in_touched[j as usize] {
                        s.in_touched[j as usize] = true;
                        s.touched.push(j);
                    }
                    self.alpha[j as usize] += ri * w;
                }
                self.alpha[n + i] = ri;
                s.in_touched[n + i] = true;
                s.touched.push((n + i) as u32);
            }
        }
    }

    /// Candidates to enter, sorted by the ratio |d| / |alpha|.
    fn entering_candidates(&self, below: bool, s: &mut Scratch) {
        s.cands.clear();
        for &v in &s.touched {
            let v = v as usize;
            if self.pos[v] != usize::MAX {
                continue;
            }
            let (l, u) = self.var_bounds(v);
            if l == u {
                continue;
            }
            let alpha = self.alpha[v];
            if alpha.abs() < PIVOT_TOL {
                continue;
            }
            let at_upper = self.x[v] >= u && u.is_finite() && self.x[v] > l;
            let ok = if below {
                (!at_upper && alpha < 0.0) || (at_upper && alpha > 0.0)
            } else {
                (!at_upper && alpha > 0.0) || (at_upper && alpha < 0.0)
            };
            if ok {
                s.cands.push((self.d[v].abs() / alpha.abs(), v));
            }
        }
        s.cands
            .sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    }

    /// The entering variable `q` and its place `k` among the candidates. Bound flipping:
    /// pass every breakpoint whose variable can flip to its other bound while the leaving
    /// variable stays infeasible (Koberstein, 3.1.4); among breakpoints tied with the
    /// entering one, the largest pivot. `None`: the row proves the problem infeasible.
    fn entering(&self, cands: &[(f64, usize)], infeasibility: f64) -> Option<(usize, usize)> {
        let mut slope = infeasibility;
        let mut enter = None;
        for (k, &(_, v)) in cands.iter().enumerate() {
            let (l, u) = self.var_bounds(v);
            let range = u - l;
            let next = slope - self.alpha[v].abs() * range;
            if !range.is_finite() || next <= PRIMAL_TOL {
                enter = Some(k);
                break;
            }
            slope = next;
        }
        let k = enter?;
        let t_k = cands[k].0;
        let mut q = cands[k].1;
        for &(t, v) in &cands[k + 1..] {
            if t > t_k + DUAL_TOL {
                break;
            }
            if self.alpha[v].abs() > self.alpha[q].abs() {
                q = v;
            }
        }
        Some((k, q))
    }

    /// The dual step: reduced costs and duals move by the pivot row (rho is in `work`).
    fn dual_step(&mut self, p: usize, q: usize, touched: &[u32]) {
        let theta = self.d[q] / self.alpha[q];
        for &v in touched {
            let v = v as usize;
            if self.pos[v] == usize::MAX && v != q && self.alpha[v] != 0.0 {
                self.d[v] -= theta * self.alpha[v];
            }
        }
        self.d[p] = -theta;
        self.d[q] = 0.0;
        for (yk, rk) in self.y.iter_mut().zip(&self.work) {
            *yk += theta * rk;
        }
    }

    /// Bound flips of the passed breakpoints, and what they do to the basic values.
    fn flip_passed(&mut self, passed: &[(f64, usize)], q: usize) {
        let mut flipped = false;
        self.work.fill(0.0);
        for &(_, v) in passed {
            if v == q {
                continue;
            }
            let (l, u) = self.var_bounds(v);
            let to = if self.x[v] >= u { l } else { u };
            let delta = to - self.x[v];
            self.x[v] = to;
            let mut col = std::mem::take(&mut self.work);
            self.scatter(v, delta, &mut col);
            self.work = col;
            flipped = true;
        }
        if flipped {
            let mut col = std::mem::take(&mut self.work);
            self.etas.ftran(&mut col);
            for (i, &bv) in self.basis.iter().enumerate() {
                if col[i] != 0.0 {
                    self.x[bv] -= col[i];
                }
            }
            self.work = col;
        }
    }
}

/// Work vectors of one [`Lp::solve`], kept across its iterations.
struct Scratch {
    /// Candidates to enter: (ratio, variable).
    cands: Vec<(f64, usize)>,
    /// Variables whose entry of the pivot row may be nonzero.
    touched: Vec<u32>,
    in_touched: Vec<bool>,
    /// The entering column.
    aq: Vec<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fractional_knapsack_with_a_dependency() {
        // max 6x0 + 10x1 + 12x2, 1x0 + 2x1 + 3x2 ≤ 5, x2 ≤ x0.
        let mut lp = Lp::new(vec![6.0, 10.0, 12.0], vec![0.0; 3], vec![1.0; 3]);
        lp.add_row(vec![(0, 1.0), (1, 2.0), (2, 3.0)], 5.0);
        assert_eq!(lp.solve(f64::NEG_INFINITY, 1000), LpStatus::Optimal);
        // Without the dependency: x1 = 1, x2 = 1 (ratio 5 and 4) then x0 = 0: 22; or x0 = 1,
        // x1 = 1, x2 = 2/3: 6 + 10 + 8 = 24 (ratios 6, 5, 4).
        assert!((lp.objective() - 24.0).abs() < 1e-9, "{}", lp.objective());
        assert!(lp.bound() >= 24.0 - 1e-9);
        lp.add_row(vec![(2, 1.0), (0, -1.0)], 0.0);
        assert_eq!(lp.solve(f64::NEG_INFINITY, 1000), LpStatus::Optimal);
        assert!((lp.objective() - 24.0).abs() < 1e-9);
        // Fixing x0 to 0 forces x2 to 0: 10 + fill nothing else → 10.
        lp.set_bounds(0, 0.0, 0.0);
        assert_eq!(lp.solve(f64::NEG_INFINITY, 1000), LpStatus::Optimal);
        assert!((lp.objective() - 10.0).abs() < 1e-9, "{}", lp.objective());
        // Infeasible: x1 ≥ 1 with a row x1 ≤ 0.5.
        lp.set_bounds(1, 1.0, 1.0);
        lp.add_row(vec![(1, 1.0)], 0.5);
        assert_eq!(lp.solve(f64::NEG_INFINITY, 1000), LpStatus::Infeasible);
    }
}
