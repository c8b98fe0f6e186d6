//! The panic hook: instead of a dead page, a clear message in both languages with a reload
//! button, written straight into the DOM (Yew cannot render after a panic).

use crate::ui::i18n::{t, Key, Lang};
use std::panic::PanicHookInfo;

fn show(info: &PanicHookInfo<'_>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else {
        return;
    };
    let Ok(div) = doc.create_element("div") else {
        return;
    };
    div.set_id("crash");
    let _ = div.set_attribute("role", "alert");
    let text = |tag: &str, s: &str| {
        doc.create_element(tag)
            .ok()
            .inspect(|e| e.set_text_content(Some(s)))
    };
    for lang in [Lang::Zh, Lang::En] {
        if let Some(h) = text("h2", t(lang, Key::CrashTitle)) {
            let _ = div.append_child(&h);
        }
        if let Some(p) = text("p", t(lang, Key::CrashAdvice)) {
            let _ = div.append_child(&p);
        }
    }
    // A link to the page itself reloads it without any script (the app is dead by now, and
    // the Content-Security-Policy forbids inline handlers).
    if let Some(a) = text(
        "a",
        &format!(
            "{} / {}",
            t(Lang::Zh, Key::Reload),
            t(Lang::En, Key::Reload)
        ),
    ) {
        let _ = a.set_attribute("href", "");
        let _ = a.set_attribute("class", "button");
        let _ = div.append_child(&a);
    }
    // The technical detail, as text (never markup).
    if let Some(pre) = text("pre", &info.to_string()) {
        let _ = div.append_child(&pre);
    }
    let _ = body.append_child(&div);
}

/// Installs the hook: the message in the page, and the details in the console.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(info);
    }));
}
