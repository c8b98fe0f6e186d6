//! The one translation layer: every text of the interface is a [`Key`], and [`t`] gives it in
//! each language. The match is exhaustive and returns both languages at once, so a key without
//! a translation does not compile. Texts with numbers are built by functions here too.

use crate::core::catalog::{Class, Unit};
use crate::core::command::EditError;
pub use crate::core::lang::Lang;
use crate::core::site::{AreaKind, PipeKind, PointKind, SiteKind, TargetKind};

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
    PagePlan,
    PageCompare,
    PageResidents,
    PageAnnual,
    PageProjects,
    PageReport,
    Pages,
    Scenarios,
    NewScenario,
    DuplicateScenario,
    RenameScenario,
    DeleteScenario,
    ConfirmDeleteScenario,
    NewScenarioName,
    CopyOf,
    CompareTitle,
    PickScenarios,
    Figure,
    Priority2,
    HouseholdsBenefited,
    ConsentStatus,
    RiskP80,
    BurdenRange,
    WhatChanges,
    OnlyIn,
    QuantityChanged,
    Difference,
    ChartCostByClass,
    ChartFunding,
    ChartValue,
    ChartRisk,
    ChartElevator,
    ChartTimeline,
    AxisCost,
    AxisPriority,
    AxisTotalPriority,
    LegendItems,
    LegendChosen,
    LegendFrontier,
    LegendBudget,
    Optimise,
    Budget,
    OptimiseExplain,
    OptimisedName,
    Chosen,
    LeftOut,
    ClassRule,
    ClassRuleEffect,
    EqualShares,
    Gap,
    /// The optimiser proved its selection optimal.
    ProvenOptimal,
    Computing,
    Updating,
    Optimising,
    OptimiseCancelled,
    CancelOptimise,
    /// The optimiser stopped at its limit: best found, at most … below the optimum.
    StoppedBest,
    /// A gap smaller than a tenth of a percent.
    GapUnderTenth,
    Residents,
    SurveyTallies,
    Support,
    Oppose,
    NoView,
    Votes,
    VoteHint,
    ImportTallies,
    ImportPreview,
    ApplyRows,
    RowsOk,
    CsvHelp,
    Matters,
    AnnualPlan,
    Years,
    StartYear,
    BudgetPerYear,
    Year,
    Unscheduled,
    ExportCsv,
    BillOfQuantities,
    Target,
    UnitPrice,
    UnitOfMeasure,
    Total,
    Low,
    Likely,
    High,
    NotCosted,
    Floor,
    ElevatorOf,
    NoElevators,
    None_,
    NotANumber,
    WholeCommunityItems,
    YearAuto,
    VoteNotPassed,
    CsvUnreadable,
    Row,
    RowStatus,
    UnsaveableBanner,
    RepairDamaged,
    ExportDamaged,
    LinkOfferLabel,
    LinkPreviewNotice,
    NotSavedNotice,
    FloorsLabel,
    ViewingLink,
    PlaceOnCommunity,
    Kind,
    PipeKindToDraw,
    CalibrateLength,
    Apply,
    ConfirmDelete,
    Understood,
    Passed,
    NotYetVoted,
    CannotPass,
    Rule,
    Now,
    Needs,
    Met,
    UnitPriceLikely,
    ThisScenarioAsksNothingOf,
    OwnersVote,
    TotalColon,
    WhatMyHouseholdPays,
    PickTheStairwellAndThe,
    Stairwell,
    Door,
    ThePlanIsEmpty,
    CircledNumbersItemsAtThat,
    ThePlanCannotBeCosted,
    Coefficient,
    AreaM,
    FloorTotal,
    AveragePerHousehold,
    NoAnnualPlanYetSet,
    Back,
    PrintSaveAsPDF,
    ChooseSaveAsPDFIn,
    ResidentsPayInAll,
    MattersAgreed,
    N1SitePlan,
    N2ItemsAndCosts,
    Class,
    CostWithFeesAndContingency,
    N3Funding,
    Source,
    Amount,
    Share,
    N4WhatHouseholdsPay,
    HowTheAmountsAreComputed,
    WhatEachHouseholdPays,
    N5OwnersConsent,
    NoItemOfThisScenario,
    Matter,
    Eligible,
    TookPart,
    Agree,
    AgreeShareHeadsArea,
    Result,
    N6AnnualPlan,
    NewName,
    TheNameCannotBeEmpty,
    ConfirmDeletion,
    Open,
    Saved,
    OpenProject,
    Rename,
    NewCommunity,
    Scenario1,
    TheFileCouldNotBe,
    CopyLink,
    TheBrowserHasAgreedTo,
    WhenSpaceRunsShortA,
    AskToKeepIt,
    ExportImportantPlansAsFiles,
    ThisProjectCannotBeOpened,
    ProjectsSavedInThisBrowser,
    NoSavedProjectsYetEdit,
    NewBlankCommunity,
    OpenTheDemoCommunity,
    PlanFiles,
    CopyThePlanFile,
    ImportAPlanFile,
    ThisInAppBrowserCannot,
    ShareLink,
    MakeAShareLink,
    PublicNoticeReport,
    PrintItOrSaveIt,
    OpenTheReport,
    ImportAsANewProject,
    DonTImportBackTo,
    FewerThan5Cells,
    VotesAndSurvey,
    NotVoted,
    VoteAgree,
    Object,
    Abstain,
    MajorMatter23Take,
    OrdinaryMatter23Take,
    CommunityWide,
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
        K::PagePlan => ("平面图", "Site plan"),
        K::PageCompare => ("比较方案", "Compare"),
        K::PageResidents => ("居民意见", "Residents"),
        K::PageAnnual => ("年度计划", "Annual plan"),
        K::PageProjects => ("项目与文件", "Projects & files"),
        K::PageReport => ("公示报告", "Public notice"),
        K::Pages => ("页面", "Pages"),
        K::Scenarios => ("方案", "Scenarios"),
        K::NewScenario => ("新建方案", "New scenario"),
        K::DuplicateScenario => ("复制方案", "Duplicate scenario"),
        K::RenameScenario => ("重命名方案", "Rename scenario"),
        K::DeleteScenario => ("删除方案", "Delete scenario"),
        K::ConfirmDeleteScenario => ("确定删除这个方案吗?(可以撤销)", "Delete this scenario? (You can undo.)"),
        K::NewScenarioName => ("新方案", "New scenario"),
        K::CopyOf => ("(副本)", " (copy)"),
        K::CompareTitle => ("方案比较", "Scenarios side by side"),
        K::PickScenarios => ("选择 2–4 个方案比较", "Pick 2–4 scenarios to compare"),
        K::Figure => ("指标", "Figure"),
        K::Priority2 => ("优先级合计", "Total priority"),
        K::HouseholdsBenefited => ("受益户数", "Households benefited"),
        K::ConsentStatus => ("表决(通过 / 未达 / 未表决)", "Consent (passed / short / not voted)"),
        K::RiskP80 => ("投资风险 P80", "Cost risk P80"),
        K::BurdenRange => ("每户承担(最低 / 中位 / 最高)", "Household burden (lowest / median / highest)"),
        K::WhatChanges => ("有什么不同", "What changes"),
        K::OnlyIn => ("仅在", "Only in"),
        K::QuantityChanged => ("工程量不同", "Quantity changed"),
        K::Difference => ("投资差额", "Difference in cost"),
        K::ChartCostByClass => ("各方案按类别投资", "Cost by class per scenario"),
        K::ChartFunding => ("各方案资金来源", "Funding by source per scenario"),
        K::ChartValue => ("性价比:优先级与费用", "Value for money: priority against cost"),
        K::ChartRisk => ("总投资的风险分布", "Cost risk of the total"),
        K::ChartElevator => ("加装电梯每户分摊(按楼层)", "Elevator share per household by floor"),
        K::ChartTimeline => ("年度改造计划", "Annual renovation plan"),
        K::AxisCost => ("费用", "Cost"),
        K::AxisPriority => ("优先级", "Priority"),
        K::AxisTotalPriority => ("右轴:优先级合计", "right axis: total priority"),
        K::LegendItems => ("项目", "Items"),
        K::LegendChosen => ("入选项目", "Chosen"),
        K::LegendFrontier => ("各预算下的最优", "Best for each budget"),
        K::LegendBudget => ("预算", "Budget"),
        K::Optimise => ("按预算优化", "Optimise under a budget"),
        K::Budget => ("预算(元)", "Budget (yuan)"),
        K::OptimiseExplain => (
            "在预算内选出优先级合计最高的项目组合(精确求解),生成一个新方案",
            "Choose the items with the highest total priority within the budget (solved exactly) as a new scenario",
        ),
        K::OptimisedName => ("优化方案", "Optimised"),
        K::Chosen => ("入选", "Chosen"),
        K::LeftOut => ("未入选及原因", "Left out, and why"),
        K::ClassRule => ("先民生、后提升(同一楼栋先做安全和基础类)", "Livelihood first (a building's safety and basic items first)"),
        K::ClassRuleEffect => ("关闭此规则时的变化", "Without this rule"),
        K::EqualShares => ("各楼栋公平分配(等额分摊法)", "Fair between buildings (Method of Equal Shares)"),
        K::Gap => ("与最优的差距", "Gap to the optimum"),
        K::Computing => ("正在计算", "Computing"),
        K::Updating => ("正在按最新修改重新计算,下面是修改前的结果", "Recomputing for your latest change; below are the figures before it"),
        K::Optimising => ("正在优化", "Optimising"),
        K::OptimiseCancelled => ("优化已取消,方案未改动", "Optimisation cancelled; the plan is unchanged"),
        K::CancelOptimise => ("取消优化", "Cancel optimisation"),
        K::ProvenOptimal => ("已证明是最优方案:预算内没有优先级合计更高的选择", "Proven optimal: no selection within the budget has a higher total priority"),
        K::StoppedBest => ("达到搜索上限:这是找到的最好方案,最多比最优方案低", "Search limit reached: the best found, at most this far below the optimum:"),
        K::GapUnderTenth => ("不到 0.1%", "less than 0.1 %"),
        K::Residents => ("居民意见与表决", "Residents' voice and consent"),
        K::SurveyTallies => ("意见征询(户数)", "Survey (households)"),
        K::Support => ("支持", "Support"),
        K::Oppose => ("反对", "Oppose"),
        K::NoView => ("无意见", "No view"),
        K::Votes => ("业主表决", "Owners' votes"),
        K::VoteHint => (
            "点击一户切换:未表决 → 同意 → 反对 → 弃权",
            "Click a household to cycle: not voted → agree → object → abstain",
        ),
        K::ImportTallies => ("从 CSV 导入意见统计", "Import survey tallies from CSV"),
        K::ImportPreview => ("导入预览", "Import preview"),
        K::ApplyRows => ("导入有效的行", "Import the valid rows"),
        K::RowsOk => ("可导入", "OK"),
        K::CsvHelp => (
            "CSV 列:项目、位置、支持、反对、无意见(第一行可为标题)。例:加装电梯,2号楼 2单元,9,2,1",
            "CSV columns: item, target, support, oppose, no view (a header row is allowed). E.g. elevator,2号楼 2单元,9,2,1",
        ),
        K::Matters => ("表决事项", "Matters"),
        K::AnnualPlan => ("年度改造计划", "Annual renovation plan"),
        K::Years => ("年数", "Years"),
        K::StartYear => ("起始年份", "First year"),
        K::BudgetPerYear => ("每年预算(元)", "Budget per year (yuan)"),
        K::Year => ("年份", "Year"),
        K::Unscheduled => ("未能排入", "Not scheduled"),
        K::ExportCsv => ("导出 CSV(Excel)", "Export CSV (Excel)"),
        K::BillOfQuantities => ("工程量清单", "Bill of quantities"),
        K::Target => ("位置", "Target"),
        K::UnitPrice => ("单价", "Unit price"),
        K::UnitOfMeasure => ("单位", "Unit"),
        K::Total => ("合计", "Total"),
        K::Low => ("低", "Low"),
        K::Likely => ("可能", "Likely"),
        K::High => ("高", "High"),
        K::NotCosted => ("无法计算", "Cannot be costed"),
        K::Floor => ("层", "Floor"),
        K::ElevatorOf => ("电梯", "Elevator"),
        K::NoElevators => ("当前方案没有加装电梯", "The current scenario has no added elevator"),
        K::None_ => ("无", "None"),
        K::SkipToPlan => ("跳到平面图", "Skip to the plan"),
        K::SkipToCatalog => ("跳到改造项目库", "Skip to the catalog"),
        K::NotANumber => ("不是数字", "Not a number"),
        K::WholeCommunityItems => ("整个小区:", "Whole community:"),
        K::YearAuto => ("自动排期", "Automatic"),
        K::VoteNotPassed => ("业主表决尚未通过:", "owners' vote not passed: "),
        K::CsvUnreadable => ("无法读取这个文件。请在 Excel 中另存为“CSV(逗号分隔)”或“CSV UTF-8”后再导入。", "This file cannot be read. In Excel, save it as “CSV (Comma delimited)” or “CSV UTF-8” and import it again."),
        K::Row => ("行", "Row"),
        K::RowStatus => ("结果", "Result"),
        K::UnsaveableBanner => ("最后一次修改无法保存(规划工具内部出错),本机保存的上一版本保持不变。请撤销这一步,或导出规划文件后反馈。", "The last edit could not be saved (an error inside the planner); the copy saved in this browser is unchanged. Undo that step, or export the plan file and report it."),
        K::RepairDamaged => ("打开可读取的部分(另存为新项目)", "Open the readable part as a new project"),
        K::ExportDamaged => ("导出保存的原文件", "Export the saved file as it is"),
        K::LinkOfferLabel => ("链接中的规划", "Plan from a link"),
        K::LinkPreviewNotice => ("这是链接中的规划,只能查看。请先“导入为新项目”再修改。", "This plan from a link is view-only. Import it as a new project to edit it."),
        K::NotSavedNotice => ("这一步修改无法保存,上一次保存的版本保持不变", "This edit could not be saved; the last saved version is unchanged"),
        K::FloorsLabel => ("层数", "Floors"),
        K::ViewingLink => ("链接(只读)", "From a link (view only)"),
        K::PlaceOnCommunity => ("放到整个小区", "Put it on the whole community"),
        K::Kind => ("类型", "Kind"),
        K::PipeKindToDraw => ("要画的管线类型", "Kind of pipe to draw"),
        K::CalibrateLength => ("两点之间的实际距离(米)", "Real distance between the two points (m)"),
        K::Apply => ("确定", "Apply"),
        K::ConfirmDelete => ("确定删除", "Yes, delete"),
        K::Understood => ("理解为", "Read as"),
        K::Passed => ("已通过", "Passed"),
        K::NotYetVoted => ("尚未表决", "Not yet voted"),
        K::CannotPass => ("无法通过", "Cannot pass"),
        K::Rule => ("规则", "Rule"),
        K::Now => ("现在", "Now"),
        K::Needs => ("需要", "Needs"),
        K::Met => ("是否达到", "Met?"),
        K::UnitPriceLikely => ("单价(可能)", "Unit price (likely)"),
        K::ThisScenarioAsksNothingOf => ("本方案不需要这户居民出资。", "This scenario asks nothing of this household."),
        K::OwnersVote => ("业主表决:", "Owners' vote: "),
        K::TotalColon => ("合计:", "Total: "),
        K::WhatMyHouseholdPays => ("我家出多少", "What my household pays"),
        K::PickTheStairwellAndThe => ("选择单元和房号,查看本方案中这户要出的钱,以及每一项是怎么算出来的。", "Pick the stairwell and the door to see what this household pays in the current scenario, and how each amount is worked out."),
        K::Stairwell => ("单元", "Stairwell"),
        K::Door => ("房号", "Door"),
        K::ThePlanIsEmpty => ("平面图上还没有内容。", "The plan is empty."),
        K::CircledNumbersItemsAtThat => ("圆圈内数字为该处的改造项目数;整个小区的项目见下表。", "Circled numbers: items at that place; items for the whole community are in the table."),
        K::ThePlanCannotBeCosted => ("方案暂时无法计算费用,请先在平面图上修正标出的问题。", "The plan cannot be costed yet; fix the problems marked on the plan first."),
        K::Coefficient => ("楼层系数", "Coefficient"),
        K::AreaM => ("面积 m²", "Area m²"),
        K::FloorTotal => ("本层合计", "Floor total"),
        K::AveragePerHousehold => ("每户平均", "Average per household"),
        K::NoAnnualPlanYetSet => ("尚未安排年度计划(在“年度计划”页设定年份与每年预算)。", "No annual plan yet (set the years and budgets on the Annual plan page)."),
        K::Back => ("← 返回", "← Back"),
        K::PrintSaveAsPDF => ("打印 / 存为 PDF", "Print / save as PDF"),
        K::ChooseSaveAsPDFIn => ("在打印对话框中选择“另存为 PDF”即可得到 PDF 文件。", "Choose “Save as PDF” in the print dialogue to get a PDF."),
        K::ResidentsPayInAll => ("居民出资合计", "Residents pay in all"),
        K::MattersAgreed => ("事项已获同意", "Matters agreed"),
        K::N1SitePlan => ("一、平面布置", "1. Site plan"),
        K::N2ItemsAndCosts => ("二、改造项目与费用", "2. Items and costs"),
        K::Class => ("类别", "Class"),
        K::CostWithFeesAndContingency => ("费用(含设计、监理、预备费)", "Cost (with fees and contingency)"),
        K::N3Funding => ("三、资金来源", "3. Funding"),
        K::Source => ("来源", "Source"),
        K::Amount => ("金额", "Amount"),
        K::Share => ("占比", "Share"),
        K::N4WhatHouseholdsPay => ("四、居民出资", "4. What households pay"),
        K::HowTheAmountsAreComputed => ("计算依据", "How the amounts are computed"),
        K::WhatEachHouseholdPays => ("各户应出资", "What each household pays"),
        K::N5OwnersConsent => ("五、业主表决情况", "5. Owners' consent"),
        K::NoItemOfThisScenario => ("本方案没有需要业主表决的事项。", "No item of this scenario needs the owners' vote."),
        K::Matter => ("事项", "Matter"),
        K::Eligible => ("应表决户数", "Eligible"),
        K::TookPart => ("参与", "Took part"),
        K::Agree => ("同意", "Agree"),
        K::AgreeShareHeadsArea => ("同意占比(人数 / 面积)", "Agree share (heads / area)"),
        K::Result => ("结果", "Result"),
        K::N6AnnualPlan => ("六、年度实施计划", "6. Annual plan"),
        K::NewName => ("新名称", "New name"),
        K::TheNameCannotBeEmpty => ("名称不能为空", "The name cannot be empty"),
        K::ConfirmDeletion => ("确认删除", "Confirm deletion"),
        K::Open => ("当前", "Open"),
        K::Saved => ("保存于", "Saved"),
        K::OpenProject => ("打开", "Open"),
        K::Rename => ("改名", "Rename"),
        K::NewCommunity => ("新小区", "New community"),
        K::Scenario1 => ("方案一", "Scenario 1"),
        K::TheFileCouldNotBe => ("无法读取这个文件。", "The file could not be read."),
        K::CopyLink => ("复制链接", "Copy link"),
        K::TheBrowserHasAgreedTo => ("浏览器已同意长期保留本机数据。", "The browser has agreed to keep this site's data."),
        K::WhenSpaceRunsShortA => ("浏览器在空间不足时可能清除网站数据。", "When space runs short, a browser may clear a site's data. "),
        K::AskToKeepIt => ("请求长期保留", "Ask to keep it"),
        K::ExportImportantPlansAsFiles => ("重要的规划请同时导出文件保存。", " Export important plans as files too."),
        K::ThisProjectCannotBeOpened => ("这个项目无法打开,它仍原样保存在本机:", "This project cannot be opened; it is kept in this browser as it is:"),
        K::ProjectsSavedInThisBrowser => ("本机保存的项目", "Projects saved in this browser"),
        K::NoSavedProjectsYetEdit => ("还没有保存的项目。修改示例小区或新建项目后会自动保存。", "No saved projects yet. Edit the demo or start a new project and it is saved automatically."),
        K::NewBlankCommunity => ("新建空白小区", "New blank community"),
        K::OpenTheDemoCommunity => ("打开示例小区", "Open the demo community"),
        K::PlanFiles => ("规划文件", "Plan files"),
        K::CopyThePlanFile => ("复制规划文件内容", "Copy the plan file"),
        K::ImportAPlanFile => ("导入规划文件", "Import a plan file"),
        K::ThisInAppBrowserCannot => ("微信内置浏览器无法下载文件:内容将复制到剪贴板,可粘贴发送。", "This in-app browser cannot download files: the plan is copied to the clipboard instead."),
        K::ShareLink => ("分享链接", "Share link"),
        K::MakeAShareLink => ("生成分享链接", "Make a share link"),
        K::PublicNoticeReport => ("公示报告", "Public-notice report"),
        K::PrintItOrSaveIt => ("可打印或存为 PDF,张贴公示或发到业主群。", "Print it or save it as PDF, to post on the notice board or in the residents' group."),
        K::OpenTheReport => ("查看公示报告", "Open the report"),
        K::ImportAsANewProject => ("导入为新项目", "Import as a new project"),
        K::DonTImportBackTo => ("不导入,回到我的规划", "Don't import; back to my plans"),
        K::FewerThan5Cells => ("少于 5 列", "fewer than 5 cells"),
        K::VotesAndSurvey => ("表决与意见", "Votes and survey"),
        K::NotVoted => ("未表决", "not voted"),
        K::VoteAgree => ("同意", "agree"),
        K::Object => ("反对", "object"),
        K::Abstain => ("弃权", "abstain"),
        K::MajorMatter23Take => ("重大事项:参与面积和人数均达 2/3,同意面积和人数均达参与的 3/4", "Major matter: 2/3 take part by area and head count; 3/4 of them agree by both"),
        K::OrdinaryMatter23Take => ("一般事项:参与面积和人数均达 2/3,同意面积和人数均过参与的半数", "Ordinary matter: 2/3 take part by area and head count; more than half of them agree by both"),
        K::CommunityWide => ("全小区项目", "Community-wide"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

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
/// The name a newly drawn building gets: the n-th building.
pub fn new_building_name(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{n}号楼"),
        Lang::En => format!("Building {n}"),
    }
}

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

/// The name of a kind of drawn feature.
pub fn site_kind_name(lang: Lang, k: SiteKind) -> &'static str {
    match k {
        SiteKind::Area(k) => area_kind_name(lang, k),
        SiteKind::Pipe(k) => pipe_kind_name(lang, k),
        SiteKind::Point(k) => point_kind_name(lang, k),
    }
}

/// Words joined as a list: `污水管、雨水管` / `sewer or rain drain`.
fn or_list(lang: Lang, words: &[&str]) -> String {
    match lang {
        Lang::Zh => words.join("、"),
        Lang::En => match words {
            [] => String::new(),
            [one] => (*one).to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        },
    }
}

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

/// The label of a building field by its id.
pub fn field_name(lang: Lang, field: &str) -> &'static str {
    t(
        lang,
        match field {
            "floors" => Key::FloorsLabel,
            "tallies" => Key::SurveyTallies,
            "years" => Key::Years,
            "year" => Key::Year,
            "budget" => Key::Budget,
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
