//! A Fenwick (binary indexed) tree: prefix sums and "the largest prefix within x" in
//! O(log n), for the Dantzig bound of the combinatorial search and of the knapsack by
//! components.

/// Fenwick (binary indexed) tree of sums, with "largest prefix whose sum ≤ x".
pub(crate) struct Fenwick {
    tree: Vec<i64>,
}

impl Fenwick {
    pub(crate) fn new(n: usize) -> Self {
        Fenwick {
            tree: vec![0; n + 1],
        }
    }

    pub(crate) fn add(&mut self, pos: usize, delta: i64) {
        let mut i = pos + 1;
        while i < self.tree.len() {
            self.tree[i] += delta;
            i += i & i.wrapping_neg();
        }
    }

    pub(crate) fn prefix(&self, count: usize) -> i64 {
        let mut i = count;
        let mut s = 0;
        while i > 0 {
            s += self.tree[i];
            i &= i - 1;
        }
        s
    }

    /// The largest `count` with `prefix(count) ≤ limit` (entries are non-negative).
    pub(crate) fn max_prefix_within(&self, limit: i64) -> usize {
        let n = self.tree.len() - 1;
        let mut pos = 0;
        let mut rem = limit;
        let mut step = n.next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next <= n && self.tree[next] <= rem {
                pos = next;
                rem -= self.tree[next];
            }
            step >>= 1;
        }
        pos
    }
}
