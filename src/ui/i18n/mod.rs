//! The one translation layer: every text of the interface is a [`Key`], and [`t`] gives it in
//! each language. The match is exhaustive and returns both languages at once, so a key without
//! a translation does not compile. Texts with numbers are built by functions here too:
//! - `keys`: the [`Key`] of every fixed text;
//! - `table`: [`t`], the table of both languages;
//! - `phrases`: texts with numbers and names (money understood, rows imported, saved at …);
//! - `names`: the names of the domain's kinds;
//! - `refusals`: why an edit, a choice or a year was refused.

pub mod keys;
pub mod names;
pub mod phrases;
pub mod refusals;
pub mod table;

pub use crate::core::lang::Lang;
pub use keys::Key;
pub use names::*;
pub use phrases::*;
pub use refusals::*;
pub use table::t;
