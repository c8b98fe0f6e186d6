//! Browser storage at the edge of the app: the remembered language.

use crate::core::format::Lang;
use gloo::storage::{LocalStorage, Storage};

const LANG_KEY: &str = "renovation-planner.lang";

/// The language remembered from the last visit, else the browser's, else Chinese.
pub fn initial_lang() -> Lang {
    if let Ok(code) = LocalStorage::get::<String>(LANG_KEY) {
        return Lang::from_tag(&code);
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::Zh, |tag| Lang::from_tag(&tag))
}

/// Remembers the language; a full or blocked storage only loses the preference.
pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}
