//! The renovation catalog: the default items of BRIEF.md §3 with sourced or estimated prices,
//! their policy class, how their quantity is found on the plan, who must agree and who may pay.
//! A plan may change prices and add items ([`crate::core::catalog::CatalogEdits`]).

use super::funding_source::FundingSource;
use super::money::Money;
use super::site::{AreaKind, PipeKind, TargetKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A catalog item's id, e.g. `elevator`.
pub type ItemId = String;

/// Policy class (国办发〔2020〕23号, plus Chengdu's safety class in front), in priority order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// 安全隐患: fixed immediately.
    Safety,
    /// 基础类: renovate all that needs it; finance covers it.
    Basic,
    /// 完善类: renovate where possible; all parties share.
    Improvement,
    /// 提升类: as conditions allow; society leads.
    Upgrade,
}

impl Class {
    /// All classes, in priority order.
    pub const ALL: [Class; 4] = [
        Class::Safety,
        Class::Basic,
        Class::Improvement,
        Class::Upgrade,
    ];

    /// Index in [`Class::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// True for the livelihood classes (safety and basic) that come first (先民生).
    pub fn is_livelihood(self) -> bool {
        matches!(self, Class::Safety | Class::Basic)
    }
}

/// The unit an item is priced in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 户.
    Household,
    /// 单元 (stairwell).
    Stairwell,
    /// 栋.
    Building,
    /// m².
    SquareMetre,
    /// m.
    Metre,
    /// 部 (elevator).
    Elevator,
    /// 个 (piece: pile, port, camera, locker unit).
    Piece,
    /// 樘 (door).
    Door,
    /// 盏 (light fixture).
    Fixture,
    /// 处 (station, court, site).
    Site,
    /// 个车位 (parking space).
    Space,
    /// 套 (set of equipment).
    Set,
    /// 处入口 (entrance).
    Entrance,
    /// 个小区 (the whole community).
    Community,
}

impl Unit {
    /// The unit's Chinese and English symbols.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Unit::Household => ("户", "household"),
            Unit::Stairwell => ("单元", "stairwell"),
            Unit::Building => ("栋", "building"),
            Unit::SquareMetre => ("m²", "m²"),
            Unit::Metre => ("m", "m"),
            Unit::Elevator => ("部", "elevator"),
            Unit::Piece => ("个", "piece"),
            Unit::Door => ("樘", "door"),
            Unit::Fixture => ("盏", "fixture"),
            Unit::Site => ("处", "site"),
            Unit::Space => ("个车位", "space"),
            Unit::Set => ("套", "set"),
            Unit::Entrance => ("处入口", "entrance"),
            Unit::Community => ("个小区", "community"),
        }
    }

    /// The English name for any count but one ("6 buildings"; Chinese has no plural).
    pub fn english_plural(self) -> &'static str {
        match self {
            Unit::Household => "households",
            Unit::Stairwell => "stairwells",
            Unit::Building => "buildings",
            Unit::SquareMetre => "m²",
            Unit::Metre => "m",
            Unit::Elevator => "elevators",
            Unit::Piece => "pieces",
            Unit::Door => "doors",
            Unit::Fixture => "fixtures",
            Unit::Site => "sites",
            Unit::Space => "spaces",
            Unit::Set => "sets",
            Unit::Entrance => "entrances",
            Unit::Community => "communities",
        }
    }
}

/// How an item's quantity is taken off the plan from its target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Measure {
    /// Households in the target (stairwell, building or community).
    Households,
    /// Stairwells in the target.
    Stairwells,
    /// Buildings in the target (1 for a building).
    Buildings,
    /// Roof area = footprint area.
    RoofArea,
    /// Facade area = perimeter × floors × storey height.
    FacadeArea,
    /// Gross floor area = footprint × floors.
    FloorArea,
    /// Area of the drawn polygon.
    DrawnArea,
    /// Length of the drawn pipe run.
    DrawnLength,
    /// One per placement (a point feature, or a count typed in).
    Count,
    /// A quantity typed in, with this default.
    Entered {
        /// Default quantity in the item's unit.
        default: f64,
    },
}

/// Whose households decide a matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The households of the stairwell (单元).
    Stairwell,
    /// The households of the building.
    Building,
    /// All households of the community.
    Community,
}

/// Kind of matter under Civil Code art. 278.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matter {
    /// Raising maintenance funds, altering or rebuilding, changing the use of common parts:
    /// ≥ 3/4 of participating area and owners.
    Major,
    /// Other matters: > 1/2 of participating area and owners.
    Ordinary,
}

/// Who must agree to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConsentRule {
    /// Whose households vote.
    pub scope: Scope,
    /// Major or ordinary matter.
    pub matter: Matter,
}

/// How the residents' part of an item's cost is split between households.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sharing {
    /// In proportion to exclusive floor area (Civil Code art. 283, the default).
    #[default]
    ByArea,
    /// By floor coefficient × exclusive area (added elevators).
    ByFloor,
}

/// A unit price range: low, most likely and high, per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostRange {
    /// Optimistic price.
    pub low: Money,
    /// Most likely price.
    pub likely: Money,
    /// Pessimistic price.
    pub high: Money,
}

impl CostRange {
    /// A range from whole yuan.
    pub const fn yuan(low: i64, likely: i64, high: i64) -> CostRange {
        CostRange {
            low: Money::yuan(low),
            likely: Money::yuan(likely),
            high: Money::yuan(high),
        }
    }

    /// True when 0 ≤ low ≤ likely ≤ high.
    pub fn is_ordered(&self) -> bool {
        Money::ZERO <= self.low && self.low <= self.likely && self.likely <= self.high
    }
}

/// One renovation item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogItem {
    /// Stable id, lower-case ASCII with underscores.
    pub id: ItemId,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Policy class.
    pub class: Class,
    /// Pricing unit.
    pub unit: Unit,
    /// Unit price range.
    pub unit_cost: CostRange,
    /// How the quantity is found.
    pub measure: Measure,
    /// What it may be placed on.
    pub targets: Vec<TargetKind>,
    /// For area targets: which kinds of area (empty = any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub area_kinds: Vec<AreaKind>,
    /// For pipe targets: which kinds of run (empty = any), e.g. rain-sewage separation only on
    /// sewers and rain drains, overhead lines only on power and telecom lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pipe_kinds: Vec<PipeKind>,
    /// Who must agree.
    pub consent: ConsentRule,
    /// Funding sources that may pay for it.
    pub funding: Vec<FundingSource>,
    /// How residents' part is split.
    #[serde(default)]
    pub sharing: Sharing,
    /// Where the price comes from.
    pub source: String,
}

impl CatalogItem {
    /// The item's name in a language.
    pub fn name(&self, lang: super::lang::Lang) -> &str {
        match lang {
            super::lang::Lang::Zh => &self.name_zh,
            super::lang::Lang::En => &self.name_en,
        }
    }

    /// A short readable label for the plan's badges (`电梯`, `EV charger`): the default items'
    /// own short names, else the full name.
    pub fn short_name(&self, lang: super::lang::Lang) -> &str {
        match (short_names(&self.id), lang) {
            (Some((zh, _)), super::lang::Lang::Zh) => zh,
            (Some((_, en)), super::lang::Lang::En) => en,
            (None, _) => self.name(lang),
        }
    }
}

/// The short names of the default items, for labels on the plan.
fn short_names(id: &str) -> Option<(&'static str, &'static str)> {
    Some(match id {
        "safety_hazard_fix" => ("隐患整治", "Hazards"),
        "water_supply_pipes" => ("供水管", "Water pipes"),
        "secondary_water_supply" => ("二次供水", "Pump room"),
        "rain_sewage_separation" => ("雨污分流", "Rain/sewage"),
        "power_upgrade" => ("供电增容", "Power"),
        "gas_pipes" => ("燃气管", "Gas pipes"),
        "heating_network" => ("供热管网", "Heating"),
        "overhead_lines_tidy" => ("线缆规整", "Lines tidied"),
        "overhead_lines_bury" => ("线缆入地", "Lines buried"),
        "road_overlay" => ("道路罩面", "Road overlay"),
        "road_rebuild" => ("道路重建", "Road rebuild"),
        "roof_waterproofing" => ("屋面防水", "Roof"),
        "facade_repair" => ("外墙", "Facade"),
        "stairwell_renovation" => ("楼道整治", "Stairwell"),
        "fire_safety" => ("消防", "Fire safety"),
        "cctv" => ("监控", "CCTV"),
        "access_doors" => ("门禁", "Door entry"),
        "street_lighting" => ("路灯", "Lighting"),
        "waste_station" => ("垃圾分类", "Waste"),
        "elevator" => ("电梯", "Elevator"),
        "energy_retrofit" => ("节能改造", "Energy"),
        "parking_surface" => ("停车位", "Parking"),
        "parking_mechanical" => ("机械停车", "Mech. parking"),
        "ev_charger" => ("充电桩", "EV charger"),
        "ebike_charging" => ("电动车充电", "E-bike charging"),
        "barrier_free" => ("无障碍", "Barrier-free"),
        "greening" => ("绿化", "Greening"),
        "fitness_equipment" => ("健身器材", "Fitness"),
        "activity_court" => ("活动场地", "Court"),
        "parcel_lockers" => ("快件箱", "Lockers"),
        "illegal_structure_removal" => ("拆违", "Demolition"),
        "property_room" => ("物业用房", "Mgmt room"),
        "elderly_service_station" => ("养老站", "Elderly care"),
        "nursery" => ("托育点", "Nursery"),
        "community_canteen" => ("社区食堂", "Canteen"),
        "health_station" => ("卫生站", "Health"),
        "smart_community" => ("智慧社区", "Smart"),
        _ => return None,
    })
}

/// The effective catalog of a plan: defaults with the plan's price edits, then custom items.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// All items, defaults first in catalog order.
    pub items: Vec<CatalogItem>,
}

/// Edits to the default catalog kept in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CatalogEdits {
    /// New unit prices for default items.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prices: BTreeMap<ItemId, CostRange>,
    /// Items the user added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CatalogItem>,
}

impl CatalogEdits {
    /// True when the default catalog is used unchanged.
    pub fn is_empty(&self) -> bool {
        self.prices.is_empty() && self.custom.is_empty()
    }
}

impl Catalog {
    /// The default catalog.
    pub fn defaults() -> &'static Catalog {
        static DEFAULTS: OnceLock<Catalog> = OnceLock::new();
        DEFAULTS.get_or_init(|| Catalog {
            items: default_items(),
        })
    }

    /// The catalog a plan uses: the defaults with the plan's edits (`plan.catalog`).
    pub fn with_edits(edits: &CatalogEdits) -> Catalog {
        let mut items = Catalog::defaults().items.clone();
        for item in &mut items {
            if let Some(p) = edits.prices.get(&item.id) {
                item.unit_cost = *p;
            }
        }
        items.extend(edits.custom.iter().cloned());
        Catalog { items }
    }

    /// An item by id.
    pub fn get(&self, id: &str) -> Option<&CatalogItem> {
        self.items.iter().find(|i| i.id == id)
    }
}

use FundingSource as F;
use TargetKind as T;

const BASIC_FUNDS: &[FundingSource] = &[
    F::CentralSubsidy,
    F::LocalFinance,
    F::SpecialBonds,
    F::WorkUnit,
    F::Residents,
];
const UTILITY_FUNDS: &[FundingSource] = &[
    F::CentralSubsidy,
    F::LocalFinance,
    F::SpecialBonds,
    F::Utility,
    F::Residents,
];
const SHARED_FUNDS: &[FundingSource] = &[
    F::LocalFinance,
    F::WorkUnit,
    F::BankLoan,
    F::SocialCapital,
    F::Residents,
];
const INCOME_FUNDS: &[FundingSource] =
    &[F::LocalFinance, F::BankLoan, F::SocialCapital, F::Residents];
const UPGRADE_FUNDS: &[FundingSource] = &[
    F::LocalFinance,
    F::SpecialBonds,
    F::BankLoan,
    F::SocialCapital,
];

struct Row {
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    class: Class,
    unit: Unit,
    cost: (i64, i64, i64),
    measure: Measure,
    targets: &'static [TargetKind],
    area_kinds: &'static [AreaKind],
    scope: Scope,
    matter: Matter,
    funding: &'static [FundingSource],
    source: &'static str,
}

const EST: &str = "EST: engineering estimate (BRIEF.md §3), editable";

#[rustfmt::skip]
const ROWS: &[Row] = &[
    Row { id: "safety_hazard_fix", zh: "安全隐患整治(燃气、电气、消防)", en: "Safety hazard fix (gas, electrical, fire)", class: Class::Safety, unit: Unit::Building, cost: (5_000, 15_000, 30_000), measure: Measure::Buildings, targets: &[T::Building, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "water_supply_pipes", zh: "供水管网及立管改造", en: "Water supply pipes and risers", class: Class::Basic, unit: Unit::Household, cost: (1_500, 2_500, 4_000), measure: Measure::Households, targets: &[T::Building, T::Stairwell, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: UTILITY_FUNDS, source: EST },
    Row { id: "secondary_water_supply", zh: "二次供水(泵房)改造", en: "Secondary water supply (pump room)", class: Class::Basic, unit: Unit::Household, cost: (3_000, 4_500, 5_000), measure: Measure::Households, targets: &[T::Community, T::Building], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: UTILITY_FUNDS, source: "about 90 M yuan for 20,000 households (BRIEF.md §3)" },
    Row { id: "rain_sewage_separation", zh: "雨污分流", en: "Rain and sewage separation", class: Class::Basic, unit: Unit::Metre, cost: (600, 1_000, 1_500), measure: Measure::DrawnLength, targets: &[T::Pipe], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "power_upgrade", zh: "供电增容及线路改造", en: "Power capacity and lines", class: Class::Basic, unit: Unit::Household, cost: (1_000, 2_000, 3_000), measure: Measure::Households, targets: &[T::Building, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: UTILITY_FUNDS, source: "EST; the power company co-funds (BRIEF.md §3)" },
    Row { id: "gas_pipes", zh: "燃气管道更新", en: "Gas risers and network", class: Class::Basic, unit: Unit::Household, cost: (1_000, 2_000, 3_000), measure: Measure::Households, targets: &[T::Building, T::Stairwell, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: UTILITY_FUNDS, source: "EST; the gas company co-funds (BRIEF.md §3)" },
    Row { id: "heating_network", zh: "供热管网改造", en: "Heating network", class: Class::Basic, unit: Unit::SquareMetre, cost: (30, 55, 80), measure: Measure::FloorArea, targets: &[T::Building, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: UTILITY_FUNDS, source: "EST; per m² of floor area, northern cities" },
    Row { id: "overhead_lines_tidy", zh: "架空线缆规整", en: "Overhead lines tidied", class: Class::Basic, unit: Unit::Metre, cost: (50, 120, 200), measure: Measure::DrawnLength, targets: &[T::Pipe], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: UTILITY_FUNDS, source: EST },
    Row { id: "overhead_lines_bury", zh: "弱电线缆入地", en: "Overhead lines buried", class: Class::Basic, unit: Unit::Metre, cost: (800, 1_400, 2_000), measure: Measure::DrawnLength, targets: &[T::Pipe], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: UTILITY_FUNDS, source: EST },
    Row { id: "road_overlay", zh: "道路罩面", en: "Road overlay", class: Class::Basic, unit: Unit::SquareMetre, cost: (80, 140, 200), measure: Measure::DrawnArea, targets: &[T::Area], area_kinds: &[AreaKind::Road, AreaKind::Plaza, AreaKind::Parking], scope: Scope::Community, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "road_rebuild", zh: "道路重建", en: "Road rebuild", class: Class::Basic, unit: Unit::SquareMetre, cost: (200, 300, 400), measure: Measure::DrawnArea, targets: &[T::Area], area_kinds: &[AreaKind::Road, AreaKind::Plaza, AreaKind::Parking], scope: Scope::Community, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "roof_waterproofing", zh: "屋面防水保温", en: "Roof waterproofing and insulation", class: Class::Basic, unit: Unit::SquareMetre, cost: (80, 140, 200), measure: Measure::RoofArea, targets: &[T::Building, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "facade_repair", zh: "外墙修缮粉刷", en: "Facade repair and paint", class: Class::Basic, unit: Unit::SquareMetre, cost: (40, 80, 120), measure: Measure::FacadeArea, targets: &[T::Building, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "stairwell_renovation", zh: "楼道整治", en: "Stairwell renovation", class: Class::Basic, unit: Unit::Stairwell, cost: (10_000, 20_000, 30_000), measure: Measure::Stairwells, targets: &[T::Stairwell, T::Building, T::Community], area_kinds: &[], scope: Scope::Stairwell, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "fire_safety", zh: "消防设施及通道", en: "Fire safety facilities and lanes", class: Class::Basic, unit: Unit::Building, cost: (20_000, 50_000, 80_000), measure: Measure::Buildings, targets: &[T::Building, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "cctv", zh: "安防监控", en: "CCTV cameras", class: Class::Basic, unit: Unit::Piece, cost: (1_500, 2_200, 3_000), measure: Measure::Count, targets: &[T::Point, T::Community], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "access_doors", zh: "单元门禁", en: "Access-controlled entrance doors", class: Class::Basic, unit: Unit::Door, cost: (3_000, 5_000, 8_000), measure: Measure::Stairwells, targets: &[T::Stairwell, T::Building, T::Community], area_kinds: &[], scope: Scope::Stairwell, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "street_lighting", zh: "路灯照明", en: "Street lighting", class: Class::Basic, unit: Unit::Fixture, cost: (1_500, 3_000, 5_000), measure: Measure::Count, targets: &[T::Point, T::Community], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "waste_station", zh: "垃圾分类收集站", en: "Waste-sorting station", class: Class::Basic, unit: Unit::Site, cost: (10_000, 30_000, 50_000), measure: Measure::Count, targets: &[T::Point, T::Community], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: BASIC_FUNDS, source: EST },
    Row { id: "elevator", zh: "加装电梯", en: "Added elevator", class: Class::Improvement, unit: Unit::Elevator, cost: (400_000, 500_000, 650_000), measure: Measure::Stairwells, targets: &[T::Stairwell], area_kinds: &[], scope: Scope::Stairwell, matter: Matter::Major, funding: &[F::LocalFinance, F::CentralSubsidy, F::Residents], source: "Ganyu ~400k; 6-storey ~500k; Shenzhen ~650k per elevator (civil 40 %, equipment 35 %, installation 15 %, other 10 %)" },
    Row { id: "energy_retrofit", zh: "建筑节能改造", en: "Building energy retrofit", class: Class::Improvement, unit: Unit::SquareMetre, cost: (160, 195, 230), measure: Measure::FloorArea, targets: &[T::Building, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: SHARED_FUNDS, source: "Dalian: 74.23 M yuan for 446,800 m²" },
    Row { id: "parking_surface", zh: "地面停车位", en: "Surface parking spaces", class: Class::Improvement, unit: Unit::Space, cost: (2_000, 5_000, 8_000), measure: Measure::Entered { default: 20.0 }, targets: &[T::Area, T::Community], area_kinds: &[AreaKind::Parking, AreaKind::Green, AreaKind::Plaza, AreaKind::Road], scope: Scope::Community, matter: Matter::Major, funding: INCOME_FUNDS, source: "EST; parking on common land changes its use (3/4 rule)" },
    Row { id: "parking_mechanical", zh: "机械式停车位", en: "Mechanical parking spaces", class: Class::Improvement, unit: Unit::Space, cost: (100_000, 150_000, 200_000), measure: Measure::Entered { default: 10.0 }, targets: &[T::Area, T::Community], area_kinds: &[AreaKind::Parking, AreaKind::Plaza], scope: Scope::Community, matter: Matter::Major, funding: INCOME_FUNDS, source: EST },
    Row { id: "ev_charger", zh: "汽车充电桩(7kW)", en: "EV charging pile (7 kW)", class: Class::Improvement, unit: Unit::Piece, cost: (3_000, 5_500, 8_000), measure: Measure::Count, targets: &[T::Point, T::Area, T::Community], area_kinds: &[AreaKind::Parking, AreaKind::Plaza, AreaKind::Road], scope: Scope::Community, matter: Matter::Major, funding: INCOME_FUNDS, source: "EST; chargers on common land change its use (3/4 rule)" },
    Row { id: "ebike_charging", zh: "电动自行车充电口", en: "E-bike charging ports", class: Class::Improvement, unit: Unit::Piece, cost: (300, 550, 800), measure: Measure::Entered { default: 20.0 }, targets: &[T::Point, T::Area, T::Building, T::Community], area_kinds: &[], scope: Scope::Community, matter: Matter::Major, funding: INCOME_FUNDS, source: EST },
    Row { id: "barrier_free", zh: "无障碍及适老化设施", en: "Barrier-free ramps and handrails", class: Class::Improvement, unit: Unit::Entrance, cost: (5_000, 12_000, 20_000), measure: Measure::Stairwells, targets: &[T::Stairwell, T::Building, T::Community], area_kinds: &[], scope: Scope::Building, matter: Matter::Ordinary, funding: SHARED_FUNDS, source: EST },
    Row { id: "greening", zh: "绿化提升", en: "Greening", class: Class::Improvement, unit: Unit::SquareMetre, cost: (50, 150, 300), measure: Measure::DrawnArea, targets: &[T::Area], area_kinds: &[AreaKind::Green], scope: Scope::Community, matter: Matter::Ordinary, funding: SHARED_FUNDS, source: EST },
    Row { id: "fitness_equipment", zh: "健身器材", en: "Fitness equipment", class: Class::Improvement, unit: Unit::Set, cost: (5_000, 25_000, 50_000), measure: Measure::Count, targets: &[T::Point, T::Area, T::Community], area_kinds: &[AreaKind::Green, AreaKind::Plaza], scope: Scope::Community, matter: Matter::Ordinary, funding: SHARED_FUNDS, source: EST },
    Row { id: "activity_court", zh: "活动场地", en: "Activity court", class: Class::Improvement, unit: Unit::Site, cost: (100_000, 200_000, 300_000), measure: Measure::Count, targets: &[T::Area, T::Community], area_kinds: &[AreaKind::Plaza, AreaKind::Green], scope: Scope::Community, matter: Matter::Major, funding: SHARED_FUNDS, source: EST },
    Row { id: "parcel_lockers", zh: "智能快件箱", en: "Parcel lockers", class: Class::Improvement, unit: Unit::Piece, cost: (0, 10_000, 30_000), measure: Measure::Count, targets: &[T::Point, T::Community], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: &[F::SocialCapital, F::LocalFinance], source: "EST; often free (the operator pays)" },
    Row { id: "illegal_structure_removal", zh: "拆除违法建设", en: "Illegal-structure removal", class: Class::Improvement, unit: Unit::SquareMetre, cost: (50, 120, 200), measure: Measure::Entered { default: 100.0 }, targets: &[T::Community, T::Building, T::Area], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: &[F::LocalFinance, F::SpecialBonds], source: EST },
    Row { id: "property_room", zh: "物业管理用房", en: "Property-management room", class: Class::Improvement, unit: Unit::SquareMetre, cost: (1_500, 2_200, 3_000), measure: Measure::Entered { default: 60.0 }, targets: &[T::Community, T::Point], area_kinds: &[], scope: Scope::Community, matter: Matter::Major, funding: SHARED_FUNDS, source: EST },
    Row { id: "elderly_service_station", zh: "社区养老服务站", en: "Community elderly service station", class: Class::Upgrade, unit: Unit::SquareMetre, cost: (2_000, 3_500, 5_000), measure: Measure::Entered { default: 200.0 }, targets: &[T::Community, T::Point, T::Area], area_kinds: &[], scope: Scope::Community, matter: Matter::Major, funding: UPGRADE_FUNDS, source: "EST; guideline: complexes of 600-800 m² or more" },
    Row { id: "nursery", zh: "托育点", en: "Nursery point", class: Class::Upgrade, unit: Unit::SquareMetre, cost: (2_000, 3_500, 5_000), measure: Measure::Entered { default: 150.0 }, targets: &[T::Community, T::Point, T::Area], area_kinds: &[], scope: Scope::Community, matter: Matter::Major, funding: UPGRADE_FUNDS, source: EST },
    Row { id: "community_canteen", zh: "社区食堂(助餐点)", en: "Community canteen (meal assistance)", class: Class::Upgrade, unit: Unit::Site, cost: (200_000, 500_000, 1_000_000), measure: Measure::Count, targets: &[T::Community, T::Point], area_kinds: &[], scope: Scope::Community, matter: Matter::Major, funding: UPGRADE_FUNDS, source: EST },
    Row { id: "health_station", zh: "社区卫生服务站", en: "Health station", class: Class::Upgrade, unit: Unit::SquareMetre, cost: (2_000, 3_500, 5_000), measure: Measure::Entered { default: 100.0 }, targets: &[T::Community, T::Point, T::Area], area_kinds: &[], scope: Scope::Community, matter: Matter::Major, funding: UPGRADE_FUNDS, source: EST },
    Row { id: "smart_community", zh: "智慧社区(周界、感知)", en: "Smart community (perimeter, sensing)", class: Class::Upgrade, unit: Unit::Community, cost: (200_000, 500_000, 1_000_000), measure: Measure::Count, targets: &[T::Community], area_kinds: &[], scope: Scope::Community, matter: Matter::Ordinary, funding: UPGRADE_FUNDS, source: EST },
];

/// The kinds of run an item on a pipe needs (empty = any).
fn pipe_kinds_of(id: &str) -> &'static [PipeKind] {
    match id {
        "rain_sewage_separation" => &[PipeKind::Sewer, PipeKind::Rain],
        "overhead_lines_tidy" | "overhead_lines_bury" => &[PipeKind::Power, PipeKind::Telecom],
        _ => &[],
    }
}

fn default_items() -> Vec<CatalogItem> {
    ROWS.iter()
        .map(|r| CatalogItem {
            id: r.id.to_string(),
            name_zh: r.zh.to_string(),
            name_en: r.en.to_string(),
            class: r.class,
            unit: r.unit,
            unit_cost: CostRange::yuan(r.cost.0, r.cost.1, r.cost.2),
            measure: r.measure,
            targets: r.targets.to_vec(),
            area_kinds: r.area_kinds.to_vec(),
            pipe_kinds: pipe_kinds_of(r.id).to_vec(),
            consent: ConsentRule {
                scope: r.scope,
                matter: r.matter,
            },
            funding: r.funding.to_vec(),
            sharing: if r.id == "elevator" {
                Sharing::ByFloor
            } else {
                Sharing::ByArea
            },
            source: r.source.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use std::collections::HashSet;

    #[test]
    fn default_catalog_is_complete_and_consistent() {
        let cat = Catalog::defaults();
        assert!(cat.items.len() >= 32, "{} items", cat.items.len());
        let ids: HashSet<_> = cat.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), cat.items.len(), "ids are unique");
        for item in &cat.items {
            assert!(item.unit_cost.is_ordered(), "{} price order", item.id);
            assert!(!item.targets.is_empty(), "{} has targets", item.id);
            assert!(!item.funding.is_empty(), "{} has funding", item.id);
            assert!(!item.name_zh.is_empty() && !item.name_en.is_empty());
            assert!(item.id.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            // A short label for the plan's badges: at most 5 characters in Chinese, 15 in
            // English, and never a truncation of another word (a name of its own).
            assert!(
                short_names(&item.id).is_some(),
                "{} has a short name",
                item.id
            );
            let (zh, en) = (item.short_name(Lang::Zh), item.short_name(Lang::En));
            assert!(
                zh.chars().count() <= 5 && en.chars().count() <= 15,
                "{zh} / {en}"
            );
        }
        for class in Class::ALL {
            assert!(
                cat.items.iter().any(|i| i.class == class),
                "{class:?} present"
            );
        }
    }

    #[test]
    fn elevator_is_a_major_stairwell_matter_shared_by_floor() {
        let e = Catalog::defaults().get("elevator").unwrap();
        assert_eq!(e.class, Class::Improvement);
        assert_eq!(e.targets, vec![TargetKind::Stairwell]);
        assert_eq!(e.consent.matter, Matter::Major);
        assert_eq!(e.consent.scope, Scope::Stairwell);
        assert_eq!(e.sharing, Sharing::ByFloor);
        assert_eq!(e.unit_cost.likely, Money::yuan(500_000));
    }
}
