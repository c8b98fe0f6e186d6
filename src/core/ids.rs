//! The ids of things in a plan: buildings, stairwells, households, site features, placed
//! items and scenarios. Plain numbers, unique within their kind (see each), written to files
//! as numbers.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A building's id, unique within the community.
    BuildingId
);
id_type!(
    /// A stairwell's (单元) id, unique within the community.
    StairwellId
);
id_type!(
    /// A household's (户) id, unique within the community.
    HouseholdId
);
id_type!(
    /// A site feature's id (area, pipe run or point), unique within its kind.
    FeatureId
);
id_type!(
    /// A placed item's id, unique within its scenario.
    PlacementId
);
id_type!(
    /// A scenario's id, unique within the plan.
    ScenarioId
);
