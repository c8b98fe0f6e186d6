//! Why something was refused or left out, in a short sentence: an edit, the optimiser's
//! choice, a year the phasing could not find.

use crate::core::command::EditError;
use crate::core::lang::Lang;
use crate::ui::i18n::names::{field_name, or_list, site_kind_name, target_kind_name};
use crate::ui::i18n::table::pick;

/// Why an edit was refused, in a short sentence; `item_name` names catalog items by id.
pub fn refusal(lang: Lang, e: &EditError, item_name: &dyn Fn(&str) -> String) -> String {
    let zh = lang == Lang::Zh;
    match e {
        EditError::WrongKind { item, needs } => {
            let item = item_name(item);
            let kinds: Vec<&str> = needs.iter().map(|k| site_kind_name(lang, *k)).collect();
            let kinds = if zh {
                or_list(lang, &kinds)
            } else {
                or_list(lang, &kinds).to_lowercase()
            };
            if zh {
                format!("“{item}”只能放在{kinds}上")
            } else {
                format!("{item} goes only on a {kinds}")
            }
        }
        EditError::KindConflict { items } => {
            let names: Vec<String> = items.iter().map(|i| item_name(i)).collect();
            if zh {
                format!(
                    "上面放有“{}”,不适用于新的类型;请先移除这些项目",
                    names.join("”“")
                )
            } else {
                format!(
                    "{} cannot stay on the new kind; remove {} first",
                    names.join(", "),
                    if names.len() == 1 { "it" } else { "them" }
                )
            }
        }
        EditError::WrongTarget { item, needs } => {
            let item = item_name(item);
            let needs = target_kind_name(lang, *needs);
            if zh {
                format!("“{item}”需要放在{needs}上")
            } else {
                format!("{item} needs {needs}")
            }
        }
        EditError::TooExpensive { item } => {
            let item = item_name(item);
            let limit = crate::core::format::money_compact(
                crate::core::money::Money::yuan(crate::core::money::MAX_LINE_YUAN),
                lang,
            );
            if zh {
                format!("“{item}”的工程量 × 单价将超过单项上限 {limit},修改未执行")
            } else {
                format!("{item} would cost more than the limit of {limit} for one item; the edit was not made")
            }
        }
        EditError::AlreadyPlaced => pick(
            lang,
            ("这里已经有这个项目了", "This item is already placed here"),
        )
        .into(),
        EditError::BadShape => pick(
            lang,
            (
                "轮廓线不能自相交,至少需要 3 个角点",
                "An outline must not cross itself and needs at least 3 corners",
            ),
        )
        .into(),
        EditError::BadName => pick(
            lang,
            (
                "名称不能为空,最多 200 字",
                "A name must not be empty (at most 200 characters)",
            ),
        )
        .into(),
        EditError::OutOfRange { field } => {
            let f = field_name(lang, field);
            if zh {
                format!("{f}超出允许范围")
            } else {
                format!("{f} is out of range")
            }
        }
        EditError::NotFound => pick(lang, ("对象已不存在", "That object no longer exists")).into(),
        EditError::TooMany => pick(lang, ("数量太多", "Too many")).into(),
        EditError::UnknownItem => pick(
            lang,
            ("项目库中没有这个项目", "The catalog has no such item"),
        )
        .into(),
        EditError::LastScenario => pick(
            lang,
            ("至少要保留一个方案", "At least one scenario must remain"),
        )
        .into(),
    }
}

/// Why an item was left out by the optimiser, in a short sentence; `name` names placements.
pub fn reason(
    lang: Lang,
    r: &crate::core::select::Reason,
    name: &dyn Fn(crate::core::ids::PlacementId) -> String,
) -> String {
    use crate::core::format::money_compact;
    use crate::core::select::Reason as R;
    let zh = lang == Lang::Zh;
    match r {
        R::ExcludedByUser => pick(lang, ("已设为不实施", "set to \"do not do\"")).into(),
        R::ExcludedBy { placement } => {
            if zh {
                format!("与已选的“{}”互斥", name(*placement))
            } else {
                format!("excluded by the chosen {}", name(*placement))
            }
        }
        R::Needs { placement } => {
            if zh {
                format!("需要“{}”,但它不能入选", name(*placement))
            } else {
                format!("needs {}, which cannot be chosen", name(*placement))
            }
        }
        R::LivelihoodFirst { placement } => {
            if zh {
                format!("先民生:同楼栋的“{}”尚未入选", name(*placement))
            } else {
                format!(
                    "livelihood first: its building's {} is not chosen",
                    name(*placement)
                )
            }
        }
        R::OverBudget { by } => {
            if zh {
                format!("超出剩余预算 {}", money_compact(*by, lang))
            } else {
                format!("over the budget left by {}", money_compact(*by, lang))
            }
        }
        R::LowerValuePerYuan { than } => {
            if zh {
                format!("每元优先级低于“{}”", name(*than))
            } else {
                format!("lower priority per yuan than {}", name(*than))
            }
        }
        R::NoValue => pick(lang, ("优先级为零", "its priority is zero")).into(),
        R::NotReached => pick(
            lang,
            (
                "达到计算上限前未能判定",
                "not decided before the search limit",
            ),
        )
        .into(),
        R::SharesSpent => pick(
            lang,
            (
                "受益户的份额已用完(等额分摊)",
                "its households' equal shares were spent",
            ),
        )
        .into(),
    }
}

/// Why an item could not be put in any year.
pub fn unscheduled(
    lang: Lang,
    u: &crate::core::phasing::Unscheduled,
    name: &dyn Fn(crate::core::ids::PlacementId) -> String,
) -> String {
    use crate::core::format::money_compact;
    use crate::core::phasing::Unscheduled as U;
    let zh = lang == Lang::Zh;
    match u {
        U::TooBig { cost } => {
            if zh {
                format!("费用 {} 超过任何一年的预算", money_compact(*cost, lang))
            } else {
                format!(
                    "its cost {} exceeds every year's budget",
                    money_compact(*cost, lang)
                )
            }
        }
        U::WaitsFor { placement } => {
            if zh {
                format!("须在“{}”之后实施", name(*placement))
            } else {
                format!("waits for {}", name(*placement))
            }
        }
        U::BuildingCap => pick(
            lang,
            (
                "超过每栋楼每年同时施工的上限",
                "more works in one building than the yearly cap",
            ),
        )
        .into(),
        U::OutOfYears => pick(lang, ("各年预算已用完", "the years' budgets ran out")).into(),
        U::PinnedOutside { year } => {
            if zh {
                format!("手动排在 {year} 年,不在计划的年份内")
            } else {
                format!("put by hand in {year}, outside the plan's years")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::site::{PipeKind, SiteKind, TargetKind};

    #[test]
    fn refusal_names_what_the_item_needs() {
        let e = EditError::WrongTarget {
            item: "elevator".into(),
            needs: TargetKind::Stairwell,
        };
        assert_eq!(
            refusal(Lang::Zh, &e, &|_| "加装电梯".into()),
            "“加装电梯”需要放在单元上"
        );
        assert_eq!(
            refusal(Lang::En, &e, &|_| "Added elevator".into()),
            "Added elevator needs a stairwell"
        );
        let k = EditError::WrongKind {
            item: "overhead_lines_tidy".into(),
            needs: vec![
                SiteKind::Pipe(PipeKind::Power),
                SiteKind::Pipe(PipeKind::Telecom),
            ],
        };
        assert_eq!(
            refusal(Lang::Zh, &k, &|_| "架空线缆规整".into()),
            "“架空线缆规整”只能放在电力线、弱电线上"
        );
        assert_eq!(
            refusal(Lang::En, &k, &|_| "Overhead lines tidied".into()),
            "Overhead lines tidied goes only on a power cable or telecom line"
        );
    }
}
