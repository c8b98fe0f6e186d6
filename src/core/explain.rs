//! Every number explainable: sentences, in the user's language, saying how a quantity was
//! taken off the plan and how a household's share was computed ("why is my share ¥39,000?").

use super::catalog::Unit;
use super::format::{money_exact, number, percent_bp};
use super::funding::{Basis, BurdenLine, HouseholdBurden};
use super::lang::Lang;
use super::money::Money;
use super::takeoff::{Derivation, Quantity};

fn unit_str(u: Unit, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => u.names().0,
        Lang::En => u.names().1,
    }
}

/// How a quantity was found, e.g. "perimeter 144.0 m × 6 floors × 2.9 m = 2,505.6 m²".
pub fn quantity(q: &Quantity, unit: Unit, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let u = unit_str(unit, lang);
    let v = number(q.value(), 2);
    match &q.derivation {
        Derivation::Households { count } => {
            if zh {
                format!("服务 {count} 户")
            } else {
                format!("{count} households served")
            }
        }
        Derivation::Stairwells { count } => {
            if zh {
                format!("{count} 个单元")
            } else {
                format!("{count} stairwells")
            }
        }
        Derivation::Buildings { count } => {
            if zh {
                format!("{count} 栋楼")
            } else {
                format!("{count} buildings")
            }
        }
        Derivation::Roof { buildings, area_m2 } => {
            let a = number(*area_m2, 1);
            match (zh, *buildings) {
                (true, 1) => format!("屋面面积 = 楼栋占地面积 {a} m²"),
                (true, n) => format!("屋面面积 = {n} 栋楼占地面积之和 {a} m²"),
                (false, 1) => format!("roof = the building's footprint, {a} m²"),
                (false, n) => format!("roof = footprints of {n} buildings, {a} m²"),
            }
        }
        Derivation::Facade {
            perimeter_m,
            floors,
            storey_height_m,
        } => {
            let (p, h) = (number(*perimeter_m, 1), number(*storey_height_m, 2));
            if zh {
                format!("外墙面积 = 周长 {p} m × {floors} 层 × 层高 {h} m = {v} m²")
            } else {
                format!("facade = perimeter {p} m × {floors} floors × {h} m = {v} m²")
            }
        }
        Derivation::FacadeSum { buildings } => {
            if zh {
                format!("{buildings} 栋楼外墙面积(周长 × 层数 × 层高)之和 {v} m²")
            } else {
                format!(
                    "facades (perimeter × floors × storey height) of {buildings} buildings, {v} m²"
                )
            }
        }
        Derivation::FloorArea {
            footprint_m2,
            floors,
        } => {
            let f = number(*footprint_m2, 1);
            if zh {
                format!("建筑面积 = 占地 {f} m² × {floors} 层 = {v} m²")
            } else {
                format!("floor area = footprint {f} m² × {floors} floors = {v} m²")
            }
        }
        Derivation::FloorAreaSum { buildings } => {
            if zh {
                format!("{buildings} 栋楼建筑面积之和 {v} m²")
            } else {
                format!("floor areas of {buildings} buildings, {v} m²")
            }
        }
        Derivation::DrawnArea { area_m2 } => {
            let a = number(*area_m2, 1);
            if zh {
                format!("按图量得面积 {a} m²")
            } else {
                format!("area measured on the plan, {a} m²")
            }
        }
        Derivation::DrawnLength { length_m } => {
            let l = number(*length_m, 1);
            if zh {
                format!("按图量得长度 {l} m")
            } else {
                format!("length measured on the plan, {l} m")
            }
        }
        Derivation::Count => {
            let q = super::format::quantity(q.value(), unit, lang);
            if zh {
                format!("计 {q}")
            } else {
                q
            }
        }
        Derivation::Entered { default } => {
            let d = number(*default, 2);
            if zh {
                format!("默认 {d} {u},可按实际输入")
            } else {
                format!("default {d} {u}; type the real quantity")
            }
        }
        Derivation::Manual { derived } => {
            let d = number(*derived, 2);
            if zh {
                format!("手动输入 {v} {u}(按平面图计算为 {d})")
            } else {
                format!("typed in: {v} {u} (the plan gives {d})")
            }
        }
    }
}

/// How one line of a household's burden was computed.
pub fn burden_line(line: &BurdenLine, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let amount = money_exact(line.amount);
    match &line.basis {
        Basis::Area {
            area_m2,
            pool_area_m2,
            pool_households,
            residents_part,
        } => {
            let (a, pa, r) = (
                number(area_m2.m2(), 2),
                number(pool_area_m2.m2(), 2),
                money_exact(*residents_part),
            );
            if zh {
                format!("居民承担 {r},按专有面积在 {pool_households} 户间分摊:{a} m² ÷ {pa} m² × {r} = {amount}")
            } else {
                format!("Residents pay {r}, shared by exclusive area among {pool_households} households: {a} m² ÷ {pa} m² × {r} = {amount}")
            }
        }
        Basis::Floor {
            floor,
            coefficient_bp,
            area_m2,
            weight,
            weight_sum,
            residents_part,
            compensation,
        } => {
            let k = percent_bp(*coefficient_bp);
            let a = number(area_m2.m2(), 2);
            let r = money_exact(*residents_part);
            // Weights are coefficient (bp) × area (0.01 m²): "points" of coefficient × m².
            let points = |w: u128| number(w as f64 / 1_000_000.0, 2);
            let (w, ws) = (points(*weight), points(*weight_sum));
            let share = if *weight_sum > 0 {
                *weight as f64 / *weight_sum as f64 * 100.0
            } else {
                0.0
            };
            let comp = if compensation.0 != 0 {
                if zh {
                    format!(";其中含付给低层住户的补偿 {}", money_exact(*compensation))
                } else {
                    format!(
                        "; this includes {} compensation to the lower floors",
                        money_exact(*compensation)
                    )
                }
            } else {
                String::new()
            };
            if *coefficient_bp == 0 {
                return if zh {
                    format!("加装电梯扣除补贴后由居民承担 {r},按“楼层系数 × 专有面积”分摊;{floor} 层的系数是 0(用不上电梯或受益最少),所以这户不出电梯费用,合 {amount}{comp}")
                } else {
                    format!("Residents pay {r} for the elevator (after subsidy), shared by floor coefficient × exclusive area; floor {floor} has coefficient 0 (it gains least from the elevator), so this household pays nothing for it: {amount}{comp}")
                };
            }
            if zh {
                format!("加装电梯扣除补贴后由居民承担 {r},按“楼层系数 × 专有面积”分摊(楼层越高系数越大):{floor} 层的系数是 {k},这户面积 {a} m²,{k} × {a} = {w};本单元出资各户的“系数 × 面积”合计 {ws},这户占 {w} ÷ {ws} = {share:.2}%,{r} × {share:.2}% = {amount}{comp}")
            } else {
                format!("Residents pay {r} for the elevator (after subsidy), shared by floor coefficient × exclusive area (higher floors have larger coefficients): floor {floor} has coefficient {k}; this household's area is {a} m², so {k} × {a} = {w}; all paying households of the stairwell add up to {ws}, so this household's part is {w} ÷ {ws} = {share:.2}%, and {r} × {share:.2}% = {amount}{comp}")
            }
        }
    }
}

/// One line of a consent check: a share against its threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRow {
    /// What is measured ("took part, by head count").
    pub label: String,
    /// The share as counted: "9 / 12 户 = 75.0%".
    pub value: String,
    /// What the rule needs: "≥ 3/4".
    pub needs: String,
    /// The rule holds.
    pub ok: bool,
}

/// A fraction as a percentage with one decimal that never looks as if it met a threshold it
/// fails (74.96 % of a "≥ 75 %" rule is shown as 74.96 %, not 75.0 %).
fn share_pct(num: u64, den: u64, ok: bool, threshold_pct: f64) -> String {
    if den == 0 {
        return "—".into();
    }
    let v = num as f64 / den as f64 * 100.0;
    let one = format!("{v:.1}");
    let shown: f64 = one.parse().unwrap_or(v);
    if !ok && v < threshold_pct && shown >= threshold_pct {
        let hundredths = u128::from(num) * 10_000 / u128::from(den);
        format!("{}.{:02}%", hundredths / 100, hundredths % 100)
    } else {
        format!("{one}%")
    }
}

/// The four rules of a consent check (Civil Code art. 278) as shares against thresholds: who
/// took part and who agrees, each by head count and by exclusive area.
pub fn consent_rows(r: &super::consent::ConsentResult, lang: Lang) -> Vec<ConsentRow> {
    use super::catalog::Matter;
    let zh = lang == Lang::Zh;
    let m2 = |centi: u64| number(centi as f64 / 100.0, 2);
    let (approve_needs, approve_pct) = match r.matter {
        Matter::Major => ("≥ 3/4", 75.0),
        Matter::Ordinary => ("> 1/2", 50.0),
    };
    let q = 200.0 / 3.0;
    let heads = |n: usize, d: usize| {
        if zh {
            format!("{n} / {d} 户")
        } else {
            format!("{n} of {d} households")
        }
    };
    let area = |n: u64, d: u64| format!("{} / {} m²", m2(n), m2(d));
    vec![
        ConsentRow {
            label: (if zh {
                "参与表决(人数)"
            } else {
                "took part, by head count"
            })
            .into(),
            value: format!(
                "{} = {}",
                heads(r.participating_households, r.eligible_households),
                share_pct(
                    r.participating_households as u64,
                    r.eligible_households as u64,
                    r.quorum_heads,
                    q
                )
            ),
            needs: (if zh {
                "≥ 2/3 的业主"
            } else {
                "≥ 2/3 of the owners"
            })
            .into(),
            ok: r.quorum_heads,
        },
        ConsentRow {
            label: (if zh {
                "参与表决(专有面积)"
            } else {
                "took part, by exclusive area"
            })
            .into(),
            value: format!(
                "{} = {}",
                area(r.participating_area, r.eligible_area),
                share_pct(r.participating_area, r.eligible_area, r.quorum_area, q)
            ),
            needs: (if zh {
                "≥ 2/3 的面积"
            } else {
                "≥ 2/3 of the area"
            })
            .into(),
            ok: r.quorum_area,
        },
        ConsentRow {
            label: (if zh {
                "同意(人数)"
            } else {
                "agree, by head count"
            })
            .into(),
            value: format!(
                "{} = {}",
                heads(r.agree_households, r.participating_households),
                share_pct(
                    r.agree_households as u64,
                    r.participating_households as u64,
                    r.approve_heads,
                    approve_pct
                )
            ),
            needs: if zh {
                format!("参与者的 {approve_needs}")
            } else {
                format!("{approve_needs} of those taking part")
            },
            ok: r.approve_heads,
        },
        ConsentRow {
            label: (if zh {
                "同意(专有面积)"
            } else {
                "agree, by exclusive area"
            })
            .into(),
            value: format!(
                "{} = {}",
                area(r.agree_area, r.participating_area),
                share_pct(
                    r.agree_area,
                    r.participating_area,
                    r.approve_area,
                    approve_pct
                )
            ),
            needs: if zh {
                format!("参与面积的 {approve_needs}")
            } else {
                format!("{approve_needs} of the area taking part")
            },
            ok: r.approve_area,
        },
    ]
}

/// How a household's total is made up: its lines added up, and what the per-household cap
/// moved to the funding gap, e.g. "¥12,000 + ¥27,000 = ¥39,000".
pub fn household_total(h: &HouseholdBurden, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let raw: Money = h.lines.iter().map(|l| l.amount).sum();
    let mut sum = String::new();
    for (i, l) in h.lines.iter().enumerate() {
        let a = money_exact(Money(l.amount.0.abs()));
        match (i, l.amount.0 < 0) {
            (0, false) => sum.push_str(&a),
            (0, true) => sum.push_str(&format!("−{a}")),
            (_, false) => sum.push_str(&format!(" + {a}")),
            (_, true) => sum.push_str(&format!(" − {a}")),
        }
    }
    if h.lines.is_empty() {
        sum.push_str(&money_exact(Money::ZERO));
    }
    let mut text = format!("{sum} = {}", money_exact(raw));
    if h.capped.0 > 0 {
        let (c, t) = (money_exact(h.capped), money_exact(h.total));
        text.push_str(&if zh {
            format!(";超过每户上限的 {c} 计入资金缺口,实际承担 {t}")
        } else {
            format!("; the {c} above the per-household cap goes to the funding gap, so this household pays {t}")
        });
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::PlacementId;
    use crate::core::money::{Area, Money};

    #[test]
    fn facade_explains_its_arithmetic() {
        let q = Quantity {
            centi: 250_560,
            derivation: Derivation::Facade {
                perimeter_m: 144.0,
                floors: 6,
                storey_height_m: 2.9,
            },
        };
        assert_eq!(
            quantity(&q, Unit::SquareMetre, Lang::Zh),
            "外墙面积 = 周长 144.0 m × 6 层 × 层高 2.90 m = 2,505.60 m²"
        );
        assert!(quantity(&q, Unit::SquareMetre, Lang::En).starts_with("facade = perimeter 144.0 m"));
    }

    #[test]
    fn an_area_share_shows_the_division() {
        let line = BurdenLine {
            placement: PlacementId(1),
            amount: Money::yuan(39_000),
            basis: Basis::Area {
                area_m2: Area(9_000),
                pool_area_m2: Area(90_000),
                pool_households: 10,
                residents_part: Money::yuan(390_000),
            },
        };
        assert_eq!(
            burden_line(&line, Lang::Zh),
            "居民承担 ¥390,000,按专有面积在 10 户间分摊:90.00 m² ÷ 900.00 m² × ¥390,000 = ¥39,000"
        );
    }
    #[test]
    fn consent_rows_show_both_shares_against_each_threshold() {
        use crate::core::catalog::{Matter, Scope};
        use crate::core::consent::{check, Status};
        use crate::core::ids::HouseholdId;
        use crate::core::plan::Vote;
        use crate::core::site::Household;
        // 12 households; 9 agree by head count (75 %) but the three objecting flats are the
        // largest, so the agreeing area is below 3/4.
        let hh: Vec<Household> = (0..12)
            .map(|i| Household {
                id: HouseholdId(i + 1),
                room: format!("{}", 101 + i),
                floor: 1,
                area_m2: Area(if i < 3 { 10_000 } else { 8_000 }),
                owner: String::new(),
            })
            .collect();
        let voters: Vec<&Household> = hh.iter().collect();
        let votes: std::collections::BTreeMap<HouseholdId, Vote> = hh
            .iter()
            .map(|h| {
                (
                    h.id,
                    if h.id.0 <= 3 {
                        Vote::Object
                    } else {
                        Vote::Agree
                    },
                )
            })
            .collect();
        let r = check(&voters, Some(&votes), Scope::Stairwell, Matter::Major);
        assert_eq!(r.status, Status::ShortBy { households: 1 });
        let rows = consent_rows(&r, Lang::Zh);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].value, "12 / 12 户 = 100.0%");
        assert!(rows[0].ok && rows[1].ok);
        assert_eq!(rows[2].value, "9 / 12 户 = 75.0%");
        assert!(rows[2].ok, "9 of 12 is exactly 3/4");
        assert_eq!(rows[3].value, "720.00 / 1,020.00 m² = 70.6%");
        assert!(!rows[3].ok);
        assert_eq!(rows[3].needs, "参与面积的 ≥ 3/4");
        let en = consent_rows(&r, Lang::En);
        assert_eq!(en[2].value, "9 of 12 households = 75.0%");
        // A share just under the line is never rounded up onto it.
        assert_eq!(share_pct(7_499, 10_000, false, 75.0), "74.99%");
        assert_eq!(share_pct(74_996, 100_000, false, 75.0), "74.99%");
        assert_eq!(share_pct(2, 3, true, 200.0 / 3.0), "66.7%");
    }

    #[test]
    fn an_elevator_share_says_what_the_coefficient_and_the_percentage_are() {
        let line = BurdenLine {
            placement: PlacementId(1),
            amount: Money(6_923_000),
            basis: Basis::Floor {
                floor: 6,
                coefficient_bp: 3200,
                area_m2: Area(8_860),
                weight: 3200 * 8_860,
                weight_sum: 163_800_000,
                residents_part: Money::yuan(400_000),
                compensation: Money::ZERO,
            },
        };
        let zh = burden_line(&line, Lang::Zh);
        assert!(
            zh.contains("6 层的系数是 32%,这户面积 88.60 m²,32% × 88.60 = 28.35"),
            "{zh}"
        );
        assert!(
            zh.contains("合计 163.80,这户占 28.35 ÷ 163.80 = 17.31%"),
            "{zh}"
        );
        let en = burden_line(&line, Lang::En);
        assert!(en.contains("floor 6 has coefficient 32%"), "{en}");
    }

    #[test]
    fn a_household_total_adds_its_lines_and_names_the_cap() {
        let line = |amount: i64| BurdenLine {
            placement: PlacementId(1),
            amount: Money::yuan(amount),
            basis: Basis::Area {
                area_m2: Area(9_000),
                pool_area_m2: Area(90_000),
                pool_households: 10,
                residents_part: Money::yuan(amount * 10),
            },
        };
        let mut h = HouseholdBurden {
            household: crate::core::ids::HouseholdId(7),
            stairwell: crate::core::ids::StairwellId(1),
            room: "302".into(),
            floor: 3,
            total: Money::yuan(38_000),
            capped: Money::ZERO,
            lines: vec![line(12_000), line(27_000), line(-1_000)],
        };
        assert_eq!(
            household_total(&h, Lang::Zh),
            "¥12,000 + ¥27,000 − ¥1,000 = ¥38,000"
        );
        h.capped = Money::yuan(8_000);
        h.total = Money::yuan(30_000);
        assert_eq!(
            household_total(&h, Lang::Zh),
            "¥12,000 + ¥27,000 − ¥1,000 = ¥38,000;超过每户上限的 ¥8,000 计入资金缺口,实际承担 ¥30,000"
        );
        assert!(household_total(&h, Lang::En).ends_with("so this household pays ¥30,000"));
    }

    #[test]
    fn every_demo_household_total_is_the_sum_it_shows() {
        let plan = crate::core::demo();
        let ev = crate::core::evaluate::evaluate(&plan).expect("the demo evaluates");
        assert!(!ev.funding.households.is_empty());
        for h in &ev.funding.households {
            let text = household_total(h, Lang::En);
            let sum: Money = h.lines.iter().map(|l| l.amount).sum();
            assert_eq!(sum - h.capped, h.total);
            assert!(
                text.ends_with(&format!("= {}", money_exact(h.total))) || h.capped.0 > 0,
                "{text}"
            );
            for l in &h.lines {
                assert!(
                    text.contains(&money_exact(Money(l.amount.0.abs()))),
                    "{text}"
                );
            }
        }
    }
}
