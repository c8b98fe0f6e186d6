//! Browser storage at the edge of the app: the remembered language, and the saved projects in
//! `localStorage` through [`crate::core::store`].
//!
//! Why `localStorage` and not IndexedDB: a plan is small (a 160-household community is about
//! 40 KB), and `localStorage` writes are synchronous, so the last edit can be flushed while the
//! page is being hidden or closed (`visibilitychange`, `pagehide`), when an IndexedDB
//! transaction may never complete. Its quota (about 5 MB) holds dozens of projects; a full
//! store is reported with a one-click export, and nothing in memory is lost.

use crate::core::lang::Lang;
use crate::core::store::{Kv, WriteError};
use wasm_bindgen::JsValue;

const LANG_KEY: &str = "renovation-planner.lang";
const VIEW_KEY: &str = "rp.view";

/// `localStorage` as a [`Kv`]; every call fails softly when storage is blocked.
pub struct LocalKv;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

impl Kv for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        storage().and_then(|s| s.get_item(key).ok().flatten())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        let s = storage().ok_or_else(|| WriteError::Failed("storage unavailable".into()))?;
        s.set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name.contains("Quota") {
                WriteError::Full
            } else {
                WriteError::Failed(name)
            }
        })
    }

    fn remove(&mut self, key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }
}

/// The language remembered from the last visit, else the browser's, else Chinese.
pub fn initial_lang() -> Lang {
    if let Some(code) = LocalKv.get(LANG_KEY) {
        // Older versions stored it JSON-quoted.
        return Lang::from_tag(code.trim_matches('"'));
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::Zh, |tag| Lang::from_tag(&tag))
}

/// Remembers the language; a full or blocked storage only loses the preference.
pub fn save_lang(lang: Lang) {
    let _ = LocalKv.set(LANG_KEY, lang.code());
}

/// The plan view (x, y, width, height in metres) last shown, for a project.
pub fn saved_view(project: &str) -> Option<[f64; 4]> {
    let text = LocalKv.get(VIEW_KEY)?;
    let (id, rest) = text.split_once('\n')?;
    if id != project {
        return None;
    }
    let v: Vec<f64> = rest.split(',').filter_map(|x| x.parse().ok()).collect();
    match v.as_slice() {
        &[x, y, w, h] if [x, y, w, h].iter().all(|v| v.is_finite()) && w > 0.0 && h > 0.0 => {
            Some([x, y, w, h])
        }
        _ => None,
    }
}

/// Remembers the plan view of a project.
pub fn save_view(project: &str, v: [f64; 4]) {
    let _ = LocalKv.set(
        VIEW_KEY,
        &format!("{project}\n{:.3},{:.3},{:.3},{:.3}", v[0], v[1], v[2], v[3]),
    );
}

/// Milliseconds since 1970 (the clock, at the edge).
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist()`); `done` gets
/// the answer.
pub fn request_persistence(done: impl FnOnce(bool) + 'static) {
    let Some(sm) = web_sys::window().map(|w| w.navigator().storage()) else {
        return;
    };
    if let Ok(p) = sm.persist() {
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
                done(v.as_bool().unwrap_or(false));
            }
        });
    }
}
