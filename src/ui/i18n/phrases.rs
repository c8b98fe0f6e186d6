//! Texts with numbers and names in them, in both languages.

use crate::core::consent::ConsentResult;
use crate::core::csv::RowError;
use crate::core::lang::Lang;
use crate::core::plan::Plan;
use crate::core::plan_file::{LoadError, Loaded};
use crate::core::share::ReadError;
use crate::core::site::TargetKind;
use crate::ui::i18n::keys::Key;
use crate::ui::i18n::names::{or_list, target_kind_name};
use crate::ui::i18n::table::{pick, t};

/// A building in a few words: `1号楼 · 6 层 · 1985 年建成`, `Building 1 · 6 floors · built 1985`.
pub fn building_summary(lang: Lang, name: &str, floors: u8, year: u16) -> String {
    match lang {
        Lang::Zh => format!("{name} · {floors} 层 · {year} 年建成"),
        Lang::En if floors == 1 => format!("{name} · 1 floor · built {year}"),
        Lang::En => format!("{name} · {floors} floors · built {year}"),
    }
}

/// The "+N" badge of a target with more items than the plan shows.
pub fn more_items(lang: Lang, n: usize, place: &str) -> String {
    match lang {
        Lang::Zh => format!("{place}还有 {n} 个改造项目,选中它可在属性中查看"),
        Lang::En if n == 1 => format!("1 more item on {place}; select it to see the list"),
        Lang::En => format!("{n} more items on {place}; select it to see the list"),
    }
}

/// A list's heading with how many it holds: "仅在 方案A(12 项)" / "Only in A (12 items)".
pub fn with_count(lang: Lang, heading: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{heading}({n} 项)"),
        Lang::En if n == 1 => format!("{heading} (1 item)"),
        Lang::En => format!("{heading} ({n} items)"),
    }
}

/// What a CSV preview found: `12 行可导入,1 行有问题`.
pub fn rows_found(lang: Lang, ok: usize, bad: usize) -> String {
    match lang {
        Lang::Zh => format!("{ok} 行可导入,{bad} 行有问题(见下表原因)"),
        Lang::En => format!("{ok} rows can be imported, {bad} refused (reasons below)"),
    }
}

/// What a CSV import did: `已导入 12 行,1 行有问题未导入`.
pub fn rows_imported(lang: Lang, ok: usize, bad: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入 {ok} 行,{bad} 行有问题未导入"),
        Lang::En => format!("{ok} rows imported, {bad} refused"),
    }
}

/// What a money field understood: `= ¥250.0万(¥2,500,000)`.
pub fn money_understood(lang: Lang, compact: &str, exact: &str) -> String {
    match lang {
        Lang::Zh if compact != exact => format!("理解为 {compact}({exact})"),
        Lang::Zh => format!("理解为 {exact}"),
        Lang::En => format!("Read as {exact}"),
    }
}

/// Why a money field did not understand the text.
pub fn money_error(lang: Lang, e: crate::core::format::MoneyInputError) -> String {
    use crate::core::format::MoneyInputError as E;
    pick(
        lang,
        match e {
            E::Empty => (
                "请输入金额,例如 250万 或 2,500,000",
                "Type an amount, e.g. 2,500,000 or 250万",
            ),
            E::NotAnAmount => (
                "不是金额:可写 250万、¥2,500,000 或 2500000",
                "Not an amount: write 2,500,000, ¥2,500,000 or 250万",
            ),
            E::Negative => ("金额不能为负数", "The amount cannot be negative"),
            E::TooLarge => (
                "金额太大(上限一万亿元)",
                "Too large (the limit is a trillion yuan)",
            ),
        },
    )
    .to_string()
}

/// An item put by hand in a year before an item it needs.
pub fn pin_conflict(lang: Lang, item: &str, needs: &str) -> String {
    match lang {
        Lang::Zh => format!("⚠ “{item}”被手动排在“{needs}”之前,但它需要先完成“{needs}”"),
        Lang::En => format!("⚠ {item} is put before {needs}, which it needs first"),
    }
}

/// A year whose items cost more than its budget (items put there by hand).
pub fn year_over_budget(lang: Lang, year: u16, cost: &str, budget: &str) -> String {
    match lang {
        Lang::Zh => format!("⚠ {year} 年的项目共 {cost},超过当年预算 {budget}"),
        Lang::En => format!("⚠ the items of {year} cost {cost}, more than its budget of {budget}"),
    }
}

/// Why a number is refused: `须在 1–40 之间`.
pub fn out_of_range(lang: Lang, lo: f64, hi: f64) -> String {
    let n = |v: f64| crate::core::format::number(v, if v.fract() == 0.0 { 0 } else { 2 });
    match lang {
        Lang::Zh => format!("须在 {}–{} 之间", n(lo), n(hi)),
        Lang::En => format!("Must be between {} and {}", n(lo), n(hi)),
    }
}

/// The headline of a saved project that could not be opened.
pub fn damaged_title(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("上次打开的项目「{name}」无法读取,现在显示的是示例小区。它仍原样保存在本机,没有被覆盖。问题:"),
        Lang::En => format!("The project “{name}” you had open cannot be read, so the demo is shown. It is still kept in this browser, untouched. What is wrong:"),
    }
}

/// An item dropped beside every target it can go on: where it can go.
pub fn drop_missed(lang: Lang, item: &str, targets: &[TargetKind]) -> String {
    let places: Vec<&str> = targets
        .iter()
        .filter(|k| **k != TargetKind::Community)
        .map(|k| target_kind_name(lang, *k))
        .collect();
    let places = or_list(lang, &places);
    match lang {
        Lang::Zh => format!("“{item}”没有放下。它要放在{places}上:拖到平面图上的一处,或先选中一处再点击这个项目。"),
        Lang::En => format!("{item} was not placed. It goes on {places}: drop it on one on the plan, or select one and click the item."),
    }
}

/// "Saved at 14:05".
pub fn saved_at(lang: Lang, hh: u32, mm: u32) -> String {
    match lang {
        Lang::Zh => format!("已保存 {hh:02}:{mm:02}"),
        Lang::En => format!("Saved at {hh:02}:{mm:02}"),
    }
}

/// The name a newly drawn building gets: the n-th building.
pub fn new_building_name(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{n}号楼"),
        Lang::En => format!("Building {n}"),
    }
}

/// The problems of a refused file, one per line (at most ten, then how many more).
pub fn load_problems(lang: Lang, e: &LoadError) -> String {
    let mut lines: Vec<String> = e
        .errors
        .iter()
        .take(10)
        .map(|x| x.message_with_path(lang))
        .collect();
    if e.errors.len() > 10 {
        lines.push(match lang {
            Lang::Zh => format!("……另有 {} 处问题", e.errors.len() - 10),
            Lang::En => format!("… and {} more problems", e.errors.len() - 10),
        });
    }
    lines.join("\n")
}

/// Why a link could not be read.
pub fn link_problem(lang: Lang, e: &ReadError) -> String {
    match e {
        ReadError::NotALink => String::new(),
        ReadError::UnknownFormat => t(lang, Key::LinkFromNewerVersion).to_string(),
        ReadError::Damaged => t(lang, Key::LinkDamaged).to_string(),
        ReadError::Plan(e) => load_problems(lang, e),
    }
}

/// What an imported file became, and what the reader fixed or kept without knowing it (at
/// most ten notes, then how many more).
pub fn imported_as_new(lang: Lang, loaded: &Loaded) -> String {
    let name = &loaded.plan.community.name;
    let mut text = match lang {
        Lang::Zh => format!("已导入「{name}」为新项目。"),
        Lang::En => format!("Imported “{name}” as a new project."),
    };
    for n in loaded.notes.iter().take(10) {
        text.push('\n');
        text.push_str(&n.message_with_path(lang));
    }
    if loaded.notes.len() > 10 {
        text.push_str(&match lang {
            Lang::Zh => format!("\n……另有 {} 处", loaded.notes.len() - 10),
            Lang::En => format!("\n… and {} more", loaded.notes.len() - 10),
        });
    }
    text
}

/// A refused file's headline.
pub fn not_imported(lang: Lang, source: &str) -> String {
    match lang {
        Lang::Zh => format!("未导入「{source}」,当前项目没有改变:"),
        Lang::En => format!("“{source}” was not imported; the open project is unchanged:"),
    }
}

/// The offer to import the valid rest of a refused file.
pub fn import_the_rest(lang: Lang, bad: usize) -> String {
    match lang {
        Lang::Zh => format!("去掉有问题的 {bad} 处,导入其余部分"),
        Lang::En if bad == 1 => "Leave out the bad part and import the rest".to_string(),
        Lang::En => format!("Leave out the {bad} bad parts and import the rest"),
    }
}

/// The name of a project's copy.
pub fn copy_name(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}(副本)"),
        Lang::En => format!("{name} (copy)"),
    }
}

/// A project was copied.
pub fn copied_as(lang: Lang, copy: &str) -> String {
    match lang {
        Lang::Zh => format!("已复制为「{copy}」。"),
        Lang::En => format!("Copied as “{copy}”."),
    }
}

/// A project was deleted.
pub fn deleted(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("已删除「{name}」。"),
        Lang::En => format!("Deleted “{name}”."),
    }
}

/// The question before a project is deleted.
pub fn confirm_delete(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("删除「{name}」?本机保存的这个项目将被删除,无法恢复(已导出的文件不受影响)。"),
        Lang::En => format!("Delete “{name}”? The copy saved in this browser is removed for good (exported files are not affected)."),
    }
}

/// The share link's label with its length.
pub fn share_link_label(lang: Lang, chars: usize) -> String {
    match lang {
        Lang::Zh => format!("分享链接({chars} 个字符)"),
        Lang::En => format!("Share link ({chars} characters)"),
    }
}

/// A plan too large for a link.
pub fn link_too_long(lang: Lang, chars: usize, limit: usize) -> String {
    match lang {
        Lang::Zh => format!("这个规划太大,链接将有 {chars} 个字符(上限 {limit}),在微信等聊天工具中会被截断。请改用“导出规划文件”,把文件发给对方。"),
        Lang::En => format!("This plan is too large for a link ({chars} characters; the limit is {limit}): chat apps would cut it. Export the plan file and send the file instead."),
    }
}

/// What a plan in a link holds, and what the user can do with it.
pub fn link_offer(lang: Lang, plan: &Plan) -> String {
    let name = &plan.community.name;
    let buildings = plan.community.buildings.len();
    let scenarios = plan.scenarios.len();
    let items: usize = plan.scenarios.iter().map(|s| s.items.len()).sum();
    match lang {
        Lang::Zh => format!("您正在查看链接中的规划「{name}」({buildings} 栋楼,{scenarios} 个方案,{items} 个改造项目),只能查看,不会保存。导入为新项目后可以修改;您自己的规划不受影响。"),
        Lang::En => format!("You are looking at the plan “{name}” from a link ({buildings} buildings, {scenarios} scenarios, {items} items): view only, nothing is saved. Import it as a new project to edit it; your own plans are not changed."),
    }
}

/// A vote that needs more households: `还差 3 户同意`.
pub fn short_by(lang: Lang, households: usize) -> String {
    match lang {
        Lang::Zh => format!("还差 {households} 户同意"),
        Lang::En if households == 1 => "Short by 1 household".to_string(),
        Lang::En => format!("Short by {households} households"),
    }
}

/// Who took part in a vote and who agrees.
pub fn took_part(lang: Lang, eligible: usize, participating: usize, agree: usize) -> String {
    match lang {
        Lang::Zh => format!("{eligible} 户中 {participating} 户参与、{agree} 户同意"),
        Lang::En => format!("{participating} of {eligible} households took part, {agree} agree"),
    }
}

/// A vote's tally in full.
pub fn vote_tally(lang: Lang, r: &ConsentResult) -> String {
    let (e, p, a, o, b) = (
        r.eligible_households,
        r.participating_households,
        r.agree_households,
        r.object_households,
        r.abstain_households,
    );
    match lang {
        Lang::Zh => format!("{e} 户中 {p} 户参与、{a} 户同意、{o} 户反对、{b} 户弃权"),
        Lang::En => format!("{p} of {e} took part: {a} agree, {o} object, {b} abstain"),
    }
}

/// What the class rule changed in the optimiser's choice.
pub fn class_rule_effect(lang: Lang, added: &[String], with: f64, without: f64) -> String {
    let label = t(lang, Key::ClassRuleEffect);
    match lang {
        Lang::Zh => format!(
            "{label}:+ {}(优先级 {with:.1} → {without:.1})",
            added.join("、")
        ),
        Lang::En => format!(
            "{label}: + {} (priority {with:.1} → {without:.1})",
            added.join(", ")
        ),
    }
}

/// A floor in a chart's axis: `6层` / `6F`.
pub fn floor_short(lang: Lang, floor: u8) -> String {
    match lang {
        Lang::Zh => format!("{floor}层"),
        Lang::En => format!("{floor}F"),
    }
}

/// A household by its room and floor: `301(3 层)`.
pub fn room_on_floor(lang: Lang, room: &str, floor: u8) -> String {
    match lang {
        Lang::Zh => format!("{room}({floor} 层)"),
        Lang::En => format!("{room} (floor {floor})"),
    }
}

/// A date as the report prints it: `2026年12月5日` / `2026-12-05`.
pub fn long_date(lang: Lang, year: u32, month: u32, day: u32) -> String {
    match lang {
        Lang::Zh => format!("{year}年{month}月{day}日"),
        Lang::En => format!("{year:04}-{month:02}-{day:02}"),
    }
}

/// The public-notice report's title.
pub fn report_title(lang: Lang, community: &str) -> String {
    match lang {
        Lang::Zh => format!("{community}老旧小区改造方案公示"),
        Lang::En => format!("{community}: renovation plan, public notice"),
    }
}

/// The report's line under the title.
pub fn report_subtitle(
    lang: Lang,
    scenario: &str,
    buildings: usize,
    households: usize,
    date: &str,
) -> String {
    match lang {
        Lang::Zh => format!("方案:{scenario} · {buildings} 栋楼 {households} 户 · 编制日期 {date}"),
        Lang::En => format!(
            "Scenario: {scenario} · {buildings} buildings, {households} households · {date}"
        ),
    }
}

/// How an item's share is computed, with a household as the example.
pub fn burden_example(lang: Lang, line: &str, who: &str) -> String {
    match lang {
        Lang::Zh => format!(":{line}(例:{who})"),
        Lang::En => format!(": {line} (e.g. {who})"),
    }
}

/// An added elevator's money in a sentence.
pub fn elevator_money(
    lang: Lang,
    place: &str,
    cost: &str,
    subsidy: &str,
    residents: &str,
) -> String {
    match lang {
        Lang::Zh => format!("{place} 加装电梯:造价 {cost},补贴 {subsidy},居民承担 {residents}"),
        Lang::En => {
            format!("{place} elevator: cost {cost}, subsidy {subsidy}, residents pay {residents}")
        }
    }
}

/// The cost range under the report's item table.
pub fn cost_range_note(lang: Lang, low: &str, high: &str) -> String {
    match lang {
        Lang::Zh => format!("费用区间 {low} – {high}(按单价低值与高值计算)。"),
        Lang::En => format!("Cost range {low} – {high} (at low and high unit prices)."),
    }
}

/// How many households pay, and the spread of what they pay.
pub fn households_pay(
    lang: Lang,
    households: usize,
    paying: usize,
    lo: &str,
    median: &str,
    hi: &str,
) -> String {
    match lang {
        Lang::Zh => format!("{households} 户中 {paying} 户需出资;最少 {lo},中位数 {median},最多 {hi}。计算依据与各户金额见下。"),
        Lang::En => format!("{paying} of {households} households pay; lowest {lo}, median {median}, highest {hi}. How each amount is computed is shown below."),
    }
}

/// Why a row of a residents' survey file was not read.
pub fn row_problem(lang: Lang, e: &RowError) -> String {
    match (e, lang) {
        (RowError::TooFewCells, _) => t(lang, Key::FewerThan5Cells).into(),
        (RowError::UnknownItem { item }, Lang::Zh) => format!("没有项目“{item}”"),
        (RowError::UnknownItem { item }, Lang::En) => format!("no item \"{item}\""),
        (RowError::UnknownTarget { target }, Lang::Zh) => format!("找不到位置“{target}”"),
        (RowError::UnknownTarget { target }, Lang::En) => format!("no place \"{target}\""),
        (RowError::WrongTarget { item, target }, Lang::Zh) => format!("“{item}”不能放在“{target}”"),
        (RowError::WrongTarget { item, target }, Lang::En) => {
            format!("\"{item}\" cannot go on \"{target}\"")
        }
        (RowError::NotACount { column, value }, Lang::Zh) => {
            format!("第 {column} 列“{value}”不是户数")
        }
        (RowError::NotACount { column, value }, Lang::En) => {
            format!("column {column}: \"{value}\" is not a number of households")
        }
    }
}

/// A language's name in itself (the same on every page): `中文`, `English`.
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "中文",
        Lang::En => "English",
    }
}

/// The colon between a label and its value (no space after it in Chinese).
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => ":",
        Lang::En => ": ",
    }
}

/// A household by its stairwell and door: `1号楼1单元 301` / `Building 1, stairwell 1, door 301`.
pub fn household_at(lang: Lang, place: &str, room: &str) -> String {
    match lang {
        Lang::Zh => format!("{place} {room}"),
        Lang::En => format!("{place}, door {room}"),
    }
}

/// A text the user gave in both languages (a custom criterion's name), in `lang`.
pub fn own_text<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
