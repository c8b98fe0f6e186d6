//! Stable sorting through one compiled copy of the standard library's sort.
//!
//! Every closure passed to `slice::sort_by` is its own type, so each call site gets its own
//! copy of the sort, about 3.7 KB of WebAssembly apiece, in a bundle phones download. Here the
//! comparison is a trait object and the sort runs on indices: the whole app shares one copy.
//! Call sites sort tens to a few ten thousands of entries once per evaluation; the indirect
//! call per comparison costs nothing measurable there. The branch-and-bound's per-node sort
//! (`mckp`) and the Monte Carlo's percentile sort keep their own, allocation-free sorts.

use std::cmp::Ordering;

/// Sorts indices, stably, by a comparison of what they index.
pub fn sort_indices(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts a vector, stably (equal elements keep their order), like `slice::sort_by`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut idx, &|a, b| cmp(&v[a], &v[b]));
    let mut taken: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(idx.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts a vector, stably, by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: &dyn Fn(&T) -> K) {
    sort_by(v, &|a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency.
    use proptest::prelude::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by(&mut ours, &|a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &std);
            let mut by_key = v.clone();
            sort_by_key(&mut by_key, &|a| std::cmp::Reverse(a.0));
            let mut std_key = v;
            std_key.sort_by_key(|a| std::cmp::Reverse(a.0));
            prop_assert_eq!(by_key, std_key);
        }
    }

    #[test]
    fn indices_sort_by_what_they_index() {
        let vals = [30, 10, 20, 10];
        let mut idx = vec![0, 1, 2, 3];
        sort_indices(&mut idx, &|a, b| vals[a].cmp(&vals[b]));
        assert_eq!(idx, vec![1, 3, 2, 0]);
    }
}
