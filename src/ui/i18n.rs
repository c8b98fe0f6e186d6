//! The one translation layer: every text of the interface is a [`Key`], and [`t`] gives it in
//! each language. The match is exhaustive and returns both languages at once, so a key without
//! a translation does not compile. Texts with numbers are built by functions here too.

use crate::core::catalog::{Class, Unit};
use crate::core::command::EditError;
pub use crate::core::format::Lang;
use crate::core::model::{AreaKind, PipeKind, PointKind, TargetKind};

/// Every fixed text shown by the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    AppTitle,
    AppTagline,
    Language,
    SitePlan,
    Summary,
    Buildings,
    Households,
    Stairwells,
    TotalCost,
    CostRange,
    PerHousehold,
    PerSquareMetre,
    FundingBySource,
    FundingGap,
    Scenario,
    Built,
    Floors,
    CrashTitle,
    CrashAdvice,
    Reload,
    DemoBadge,
    ClassSafety,
    ClassBasic,
    ClassImprovement,
    ClassUpgrade,
    ByClass,
    Yardsticks,
    North,
    ItemsPlaced,
    TopPriorities,
    // Tools and view.
    Tools,
    ToolSelect,
    ToolBuilding,
    ToolBuildingPolygon,
    ToolRoad,
    ToolGreen,
    ToolPlaza,
    ToolParking,
    ToolPipe,
    ToolPoint,
    Undo,
    Redo,
    ZoomIn,
    ZoomOut,
    FitToWindow,
    Snap,
    Delete,
    Duplicate,
    TracePicture,
    PictureOpacity,
    Calibrate,
    RemovePicture,
    CalibrateHint,
    CalibrateAsk,
    DrawHintPolygon,
    DrawHintRect,
    DrawHintPoint,
    Finish,
    Cancel,
    AddBuildingHere,
    // Palette.
    Catalog,
    SearchCatalog,
    PlaceOnSelection,
    DragToPlace,
    NoMatch,
    // Properties.
    Properties,
    NothingSelected,
    Name,
    StoreyHeight,
    YearBuilt,
    Condition,
    StairwellCount,
    HouseholdsPerFloor,
    AreaPerHousehold,
    Quantity,
    QuantityTyped,
    UseTakeoff,
    Cost,
    Priority,
    Consent,
    Funding,
    Remove,
    Must,
    MustFree,
    MustDo,
    MustNot,
    ItemsHere,
    SelectedCount,
    Area,
    Length,
    Invalid,
    // Phone tabs.
    TabPlan,
    // Notices.
    NothingToUndo,
    SelectTargetFirst,
    BadPicture,
    Close,
    SkipToPlan,
    SkipToCatalog,
    ReadOnlyNotice,
    SavedProjectUnreadable,
    Copied,
    Saving,
    DemoNotSaved,
    StorageFull,
    StorageFailed,
    ConflictText,
    LoadTheirs,
    KeepMineAsCopy,
    ExportFile,
    CopyPlan,
    ReadOnlyBanner,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key as K;
    let (zh, en) = match key {
        K::AppTitle => ("老旧小区改造规划", "Renovation Planner"),
        K::AppTagline => (
            "在小区平面图上布置改造项目,比较费用与优先级",
            "Lay out renovation options on the site plan; compare cost and priority",
        ),
        K::Language => ("语言", "Language"),
        K::SitePlan => ("小区平面图", "Site plan"),
        K::Summary => ("方案汇总", "Summary"),
        K::Buildings => ("楼栋", "Buildings"),
        K::Households => ("户数", "Households"),
        K::Stairwells => ("单元", "Stairwells"),
        K::TotalCost => ("总投资(可能值)", "Total cost (likely)"),
        K::CostRange => ("区间(低–高)", "Range (low–high)"),
        K::PerHousehold => ("户均", "Per household"),
        K::PerSquareMetre => ("每平方米建筑面积", "Per m² floor area"),
        K::FundingBySource => ("资金来源", "Funding by source"),
        K::FundingGap => ("资金缺口", "Unfunded gap"),
        K::Scenario => ("方案", "Scenario"),
        K::Built => ("建成", "Built"),
        K::Floors => ("层", "floors"),
        K::CrashTitle => ("出错了,页面已停止", "Something went wrong and the page stopped"),
        K::CrashAdvice => (
            "您的规划已保存在本浏览器中。请重新加载页面;如果问题重复出现,请导出规划文件并反馈。",
            "Your plan is kept in this browser. Reload the page; if it happens again, export the plan file and report it.",
        ),
        K::Reload => ("重新加载", "Reload"),
        K::DemoBadge => ("示例小区", "Demo community"),
        K::ClassSafety => ("安全隐患", "Safety"),
        K::ClassBasic => ("基础类", "Basic"),
        K::ClassImprovement => ("完善类", "Improvement"),
        K::ClassUpgrade => ("提升类", "Upgrade"),
        K::ByClass => ("按类别", "By class"),
        K::Yardsticks => ("与改造项目户均投资比较", "Against programme figures"),
        K::North => ("北", "N"),
        K::ItemsPlaced => ("已布置项目", "Items placed"),
        K::TopPriorities => ("优先级最高的项目", "Top priorities"),
        K::Tools => ("绘图工具", "Drawing tools"),
        K::ToolSelect => ("选择", "Select"),
        K::ToolBuilding => ("楼栋(矩形)", "Building (rectangle)"),
        K::ToolBuildingPolygon => ("楼栋(多边形)", "Building (outline)"),
        K::ToolRoad => ("道路", "Road"),
        K::ToolGreen => ("绿地", "Green"),
        K::ToolPlaza => ("场地", "Square"),
        K::ToolParking => ("停车场", "Parking"),
        K::ToolPipe => ("管线", "Pipe"),
        K::ToolPoint => ("点位(路灯)", "Point (lamp)"),
        K::Undo => ("撤销", "Undo"),
        K::Redo => ("重做", "Redo"),
        K::ZoomIn => ("放大", "Zoom in"),
        K::ZoomOut => ("缩小", "Zoom out"),
        K::FitToWindow => ("适合窗口", "Fit to window"),
        K::Snap => ("对齐网格", "Snap to grid"),
        K::Delete => ("删除", "Delete"),
        K::Duplicate => ("复制", "Duplicate"),
        K::TracePicture => ("描图底图", "Trace a picture"),
        K::PictureOpacity => ("底图透明度", "Picture opacity"),
        K::Calibrate => ("校准比例", "Calibrate scale"),
        K::RemovePicture => ("移除底图", "Remove picture"),
        K::CalibrateHint => (
            "在底图上点击已知距离的两端",
            "Click both ends of a known distance on the picture",
        ),
        K::CalibrateAsk => ("这两点之间的实际距离(米)", "Real distance between the two points (m)"),
        K::DrawHintPolygon => (
            "依次点击各角点,按回车或双击完成,Esc 取消",
            "Click each corner; Enter or double-click to finish, Esc to cancel",
        ),
        K::DrawHintRect => ("按住拖动画出楼栋", "Drag to draw the building"),
        K::DrawHintPoint => ("点击放置", "Click to place"),
        K::Finish => ("完成", "Finish"),
        K::Cancel => ("取消", "Cancel"),
        K::AddBuildingHere => ("在视图中心添加楼栋", "Add a building at the centre"),
        K::Catalog => ("改造项目库", "Renovation catalog"),
        K::SearchCatalog => ("搜索项目(中文或英文)", "Search items (Chinese or English)"),
        K::PlaceOnSelection => ("放到所选对象上", "Place on the selection"),
        K::DragToPlace => (
            "拖到平面图上的楼栋、单元、道路或点位,或先选中对象再点击项目",
            "Drag onto a building, stairwell, road or point, or select a target and click an item",
        ),
        K::NoMatch => ("没有匹配的项目", "No matching items"),
        K::Properties => ("属性", "Properties"),
        K::NothingSelected => (
            "点击平面图上的楼栋、道路、管线或项目标记查看属性",
            "Click a building, road, pipe or item badge on the plan to see its properties",
        ),
        K::Name => ("名称", "Name"),
        K::StoreyHeight => ("层高(米)", "Storey height (m)"),
        K::YearBuilt => ("建成年份", "Year built"),
        K::Condition => ("房屋状况(1 差 – 5 好)", "Condition (1 poor – 5 good)"),
        K::StairwellCount => ("单元数", "Stairwells"),
        K::HouseholdsPerFloor => ("每单元每层户数", "Households per floor per stairwell"),
        K::AreaPerHousehold => ("每户面积(m²)", "Area per household (m²)"),
        K::Quantity => ("工程量", "Quantity"),
        K::QuantityTyped => ("手动输入的工程量", "Quantity typed in"),
        K::UseTakeoff => ("按平面图计算", "Use the take-off"),
        K::Cost => ("费用", "Cost"),
        K::Priority => ("优先级", "Priority"),
        K::Consent => ("业主表决", "Owners' consent"),
        K::Funding => ("资金", "Funding"),
        K::Remove => ("移除", "Remove"),
        K::Must => ("优化时", "When optimising"),
        K::MustFree => ("由优化决定", "Let the optimiser decide"),
        K::MustDo => ("必须实施", "Must do"),
        K::MustNot => ("不实施", "Do not do"),
        K::ItemsHere => ("此处的改造项目", "Items placed here"),
        K::SelectedCount => ("已选中", "Selected"),
        K::Area => ("面积", "Area"),
        K::Length => ("长度", "Length"),
        K::Invalid => ("输入无效", "Invalid input"),
        K::TabPlan => ("平面图", "Plan"),
        K::NothingToUndo => ("没有可撤销或重做的操作", "Nothing to undo or redo"),
        K::SelectTargetFirst => (
            "请先在平面图上选中要放置的对象(楼栋、单元、道路或点位)",
            "Select a target on the plan first (building, stairwell, road or point)",
        ),
        K::BadPicture => (
            "无法读取这张图片,请选择 PNG 或 JPEG 文件",
            "This picture cannot be read; choose a PNG or JPEG file",
        ),
        K::Close => ("关闭", "Close"),
        K::ReadOnlyNotice => (
            "此规划由更新版本的工具保存,只能查看,不能修改",
            "This plan was saved by a newer planner: it can be viewed, not edited",
        ),
        K::SavedProjectUnreadable => (
            "上次保存的规划无法打开,已显示示例小区;保存的内容未被改动,可导出后反馈",
            "The last saved plan could not be opened; the demo is shown and the saved copy is kept untouched",
        ),
        K::Copied => ("已复制到剪贴板", "Copied to the clipboard"),
        K::Saving => ("保存中…", "Saving…"),
        K::DemoNotSaved => ("示例(修改后自动保存)", "Demo (saved once you edit)"),
        K::StorageFull => (
            "浏览器存储已满,最新修改只在本窗口中。请导出规划文件保存。",
            "The browser's storage is full; the latest changes are only in this window. Export the plan file to keep them.",
        ),
        K::StorageFailed => (
            "浏览器不允许保存(可能是隐私模式),最新修改只在本窗口中。请导出规划文件保存。",
            "The browser does not allow saving (private mode?); the latest changes are only in this window. Export the plan file to keep them.",
        ),
        K::ConflictText => (
            "这个规划在另一个标签页或窗口中被修改并保存了。为避免互相覆盖,本窗口已暂停保存。",
            "This plan was changed and saved in another tab or window. To avoid overwriting it, this window has stopped saving.",
        ),
        K::LoadTheirs => ("载入那个版本", "Load that version"),
        K::KeepMineAsCopy => ("把本窗口的另存为新规划", "Keep this window's as a new plan"),
        K::ExportFile => ("导出规划文件", "Export plan file"),
        K::CopyPlan => ("复制规划到剪贴板", "Copy the plan to the clipboard"),
        K::ReadOnlyBanner => (
            "只读:此规划由更新版本的工具保存。请更新后编辑;可以导出文件。",
            "Read-only: saved by a newer planner. Update to edit; you can still export it.",
        ),
        K::SkipToPlan => ("跳到平面图", "Skip to the plan"),
        K::SkipToCatalog => ("跳到改造项目库", "Skip to the catalog"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Picks the text for `lang` from a pair.
pub fn pick(lang: Lang, pair: (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Zh => pair.0,
        Lang::En => pair.1,
    }
}

/// "Saved at 14:05".
pub fn saved_at(lang: Lang, hh: u32, mm: u32) -> String {
    match lang {
        Lang::Zh => format!("已保存 {hh:02}:{mm:02}"),
        Lang::En => format!("Saved at {hh:02}:{mm:02}"),
    }
}

/// The name of a class.
pub fn class_name(lang: Lang, class: Class) -> &'static str {
    t(
        lang,
        match class {
            Class::Safety => Key::ClassSafety,
            Class::Basic => Key::ClassBasic,
            Class::Improvement => Key::ClassImprovement,
            Class::Upgrade => Key::ClassUpgrade,
        },
    )
}

/// The name of a unit.
pub fn unit_name(lang: Lang, u: Unit) -> &'static str {
    pick(lang, u.names())
}

/// The name of a kind of target.
pub fn target_kind_name(lang: Lang, k: TargetKind) -> &'static str {
    pick(
        lang,
        match k {
            TargetKind::Community => ("整个小区", "the whole community"),
            TargetKind::Building => ("楼栋", "a building"),
            TargetKind::Stairwell => ("单元", "a stairwell"),
            TargetKind::Area => ("道路或场地", "a road or area"),
            TargetKind::Pipe => ("管线", "a pipe run"),
            TargetKind::Point => ("点位", "a point"),
        },
    )
}

/// The name of an area kind.
pub fn area_kind_name(lang: Lang, k: AreaKind) -> &'static str {
    t(
        lang,
        match k {
            AreaKind::Road => Key::ToolRoad,
            AreaKind::Green => Key::ToolGreen,
            AreaKind::Plaza => Key::ToolPlaza,
            AreaKind::Parking => Key::ToolParking,
        },
    )
}

/// The name of a pipe kind.
pub fn pipe_kind_name(lang: Lang, k: PipeKind) -> &'static str {
    pick(
        lang,
        match k {
            PipeKind::Water => ("给水管", "Water pipe"),
            PipeKind::Sewer => ("污水管", "Sewer"),
            PipeKind::Rain => ("雨水管", "Rain drain"),
            PipeKind::Gas => ("燃气管", "Gas pipe"),
            PipeKind::Power => ("电力线", "Power cable"),
            PipeKind::Telecom => ("弱电线", "Telecom line"),
            PipeKind::Heating => ("供热管", "Heating pipe"),
        },
    )
}

/// The name of a point kind.
pub fn point_kind_name(lang: Lang, k: PointKind) -> &'static str {
    pick(
        lang,
        match k {
            PointKind::Lamp => ("路灯", "Lamp"),
            PointKind::Camera => ("监控", "Camera"),
            PointKind::Gate => ("出入口", "Gate"),
            PointKind::Waste => ("垃圾点", "Waste point"),
            PointKind::Charger => ("充电点", "Charger"),
            PointKind::Other => ("点位", "Point"),
        },
    )
}

/// Why an edit was refused, in a short sentence.
pub fn refusal(lang: Lang, e: &EditError, item_name: Option<&str>) -> String {
    let zh = lang == Lang::Zh;
    match e {
        EditError::WrongTarget { needs, .. } => {
            let item = item_name.unwrap_or("");
            let needs = target_kind_name(lang, *needs);
            if zh {
                format!("“{item}”需要放在{needs}上")
            } else {
                format!("{item} needs {needs}")
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
    }
}

/// The label of a building field by its id.
pub fn field_name(lang: Lang, field: &str) -> &'static str {
    t(
        lang,
        match field {
            "floors" => Key::Floors,
            "storey_height_m" => Key::StoreyHeight,
            "year_built" => Key::YearBuilt,
            "condition" => Key::Condition,
            "stairwells" => Key::StairwellCount,
            "households_per_floor" => Key::HouseholdsPerFloor,
            "area_per_household_m2" => Key::AreaPerHousehold,
            "quantity" => Key::Quantity,
            _ => Key::Invalid,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_exist_in_both_languages() {
        for key in [
            Key::AppTitle,
            Key::CrashTitle,
            Key::SitePlan,
            Key::Summary,
            Key::Undo,
            Key::Catalog,
        ] {
            assert!(!t(Lang::Zh, key).is_empty());
            assert!(!t(Lang::En, key).is_empty());
            assert_ne!(t(Lang::Zh, key), t(Lang::En, key));
        }
    }

    #[test]
    fn refusal_names_what_the_item_needs() {
        let e = EditError::WrongTarget {
            item: "elevator".into(),
            needs: TargetKind::Stairwell,
        };
        assert_eq!(
            refusal(Lang::Zh, &e, Some("加装电梯")),
            "“加装电梯”需要放在单元上"
        );
        assert_eq!(
            refusal(Lang::En, &e, Some("Added elevator")),
            "Added elevator needs a stairwell"
        );
    }
}
