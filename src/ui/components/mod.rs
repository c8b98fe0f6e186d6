//! Parts shared by the pages: the catalog palette, the properties panel, the live summary,
//! the scenario bar and the form fields (IME-safe text, numbers, money).

pub mod fields;
pub mod palette;
pub mod properties;
pub mod scenarios;
pub mod summary;
