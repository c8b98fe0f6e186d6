//! Generated selection problems for the engine's benchmarks and property tests, deterministic
//! from a seed. [`hard`] is the shape real plans take when items depend on each other across
//! buildings: community-wide pipes that several buildings' items require, a road overlay that
//! needs the pipes under it, exclusive variants spanning buildings, and the class rule
//! 先民生、后提升 on, so that dependencies and exclusions join most items into one component.

use super::optimise::{Candidate, Must, Problem};
use super::risk::Rng;

/// The hard shape (the engine issue's benchmark): `n` items over `n / 8` buildings (class
/// 5 % safety, 50 % basic, 35 % improvement, 10 % upgrade; costs ¥10,000-200,000, a third of
/// the improvement items ¥300,000-650,000; values 100-10,000); the class rule (each
/// improvement or upgrade item requires its building's safety and basic items); `n / 6`
/// random "A requires B" pairs across buildings; `n / 10` exclusive groups of 2-3 random
/// items; in half the instances one must-do and one must-not item, in half a minimum spend
/// on basic items of 20-40 % of the budget; a budget of 30-60 % of the total cost.
pub fn hard(n: usize, seed: u64) -> Problem {
    let mut r = Rng::new(seed.wrapping_mul(0x9E37_79B9).wrapping_add(n as u64));
    let below = |r: &mut Rng, k: u64| (r.next_u64() % k.max(1)) as usize;
    let between = |r: &mut Rng, lo: i64, hi: i64| lo + (r.next_u64() % (hi - lo + 1) as u64) as i64;
    let buildings = (n / 8).max(1);
    let mut items = Vec::with_capacity(n);
    let mut site = Vec::with_capacity(n);
    for i in 0..n {
        let u = r.unit();
        let class = if u < 0.05 {
            0
        } else if u < 0.55 {
            1
        } else if u < 0.9 {
            2
        } else {
            3
        };
        let cost = if class == 2 && r.unit() < 0.3 {
            between(&mut r, 300_000, 650_000)
        } else {
            between(&mut r, 10_000, 200_000)
        };
        items.push(Candidate {
            cost,
            value: between(&mut r, 100, 10_000),
            class,
            must: Must::Free,
        });
        site.push(i % buildings);
    }
    let mut requires = Vec::new();
    // The class rule, within each building.
    for b in 0..buildings {
        let of = |livelihood: bool| -> Vec<u32> {
            (0..n)
                .filter(|&i| site[i] == b && (items[i].class <= 1) == livelihood)
                .map(|i| i as u32)
                .collect()
        };
        let (basics, others) = (of(true), of(false));
        for &o in &others {
            for &bb in &basics {
                requires.push((o, bb));
            }
        }
    }
    // Dependencies across buildings.
    if n >= 2 {
        for _ in 0..n / 6 {
            let a = below(&mut r, n as u64);
            let mut b = below(&mut r, n as u64);
            if b == a {
                b = (a + 1) % n;
            }
            requires.push((a as u32, b as u32));
        }
    }
    // Exclusive variants, spanning buildings.
    let mut exclusive = Vec::new();
    for _ in 0..n / 10 {
        let k = 2 + below(&mut r, 2);
        let mut g: Vec<u32> = Vec::with_capacity(k);
        while g.len() < k.min(n) {
            let m = below(&mut r, n as u64) as u32;
            if !g.contains(&m) {
                g.push(m);
            }
        }
        exclusive.push(g);
    }
    if r.unit() < 0.5 && n >= 2 {
        if let Some(i) = (0..n).find(|&i| items[i].class == 1) {
            items[i].must = Must::Do;
        }
        let j = below(&mut r, n as u64);
        if items[j].must == Must::Free {
            items[j].must = Must::Not;
        }
    }
    let total: i64 = items.iter().map(|i| i.cost).sum();
    let budget = (total as f64 * (0.3 + 0.3 * r.unit())) as i64;
    let mut class_min = [0i64; 4];
    if r.unit() < 0.5 {
        class_min[1] = (budget as f64 * (0.2 + 0.2 * r.unit())) as i64;
    }
    Problem {
        items,
        budget,
        requires,
        exclusive,
        class_min,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_instances_are_deterministic_and_joined() {
        let a = hard(300, 7);
        assert_eq!(a, hard(300, 7));
        assert_ne!(a, hard(300, 8));
        assert_eq!(a.items.len(), 300);
        assert!(a.requires.len() >= 300 / 6);
        assert_eq!(a.exclusive.len(), 30);
        let total: i64 = a.items.iter().map(|i| i.cost).sum();
        assert!(a.budget >= total * 3 / 10 - 1 && a.budget <= total * 6 / 10 + 1);
    }
}
