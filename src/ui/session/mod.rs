//! The user's work across visits and the one handle components hold:
//! - `handle`: [`Session`] and `use_session()`, whose verbs are the user's intents (open,
//!   import, new blank, duplicate, export, load theirs, keep mine as a copy, optimise into a
//!   scenario …); each intent is one reducer action, and only the session dispatches;
//! - `autosave`: the save after each change and before the page goes;
//! - `start`: what the app opens with (the last project, a plan in a link, or the demo).

pub mod autosave;
pub mod handle;
pub mod start;

pub use autosave::Autosave;
pub use handle::{use_session, AppContext, Session};
pub use start::{initial_state, own_state, page_in_address, read_fragment};
