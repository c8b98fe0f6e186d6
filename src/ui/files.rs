//! Files at the edge: downloading a text as a file, or copying it to the clipboard where the
//! browser cannot download (WeChat's and QQ's in-app browsers).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// True inside WeChat or QQ, whose in-app browsers cannot save `blob:` downloads.
pub fn in_app_browser() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("MicroMessenger") || ua.contains(" QQ/"))
}

/// Offers `text` as a download named `name`; false if the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let ok = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    // Let the download start before the URL goes.
    let url2 = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
    })
    .forget();
    ok
}

/// Copies `text` to the clipboard; `done(true)` when it worked.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(clip) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let promise = clip.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(JsFuture::from(promise).await.is_ok());
    });
}

/// The file picked in the `<input type="file">` that fired `e`; the input is cleared, so that
/// picking the same file again fires again.
pub fn picked_file(e: &web_sys::Event) -> Option<gloo::file::File> {
    let input = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(gloo::file::File::from(file))
}

/// The text of a file a spreadsheet wrote: UTF-8 (its byte-order mark dropped) when the bytes
/// are valid UTF-8, else UTF-16 when it starts with a UTF-16 byte-order mark, else GB18030 (a
/// superset of GBK and GB2312: what Excel on a Chinese Windows saves as "CSV"), decoded by the
/// browser's `TextDecoder`. `None` when no decoder reads it.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(body) {
        return Some(s.to_string());
    }
    let label = match bytes {
        [0xFF, 0xFE, ..] => "utf-16le",
        [0xFE, 0xFF, ..] => "utf-16be",
        _ => "gb18030",
    };
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let dec = web_sys::TextDecoder::new_with_label_and_options(label, &opts).ok()?;
    dec.decode_with_u8_array(bytes)
        .ok()
        .map(|s| s.trim_start_matches('\u{feff}').to_string())
}
