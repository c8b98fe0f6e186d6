//! Form fields that never break Chinese input: the input is uncontrolled while the user types
//! (its value is set only when the edited object changes), it is checked as the user types but
//! not during IME composition, and the value is committed on `change` (Enter or leaving the
//! field), one undo step per commit.

use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Live text of an input that never breaks IME composition (Yew has no composition
/// listeners): returns the `oninput` handler. `on_text` gets the input's text on every input
/// outside a composition and once when a composition ends, never half-composed pinyin.
#[hook]
pub fn use_ime_text(node: NodeRef, on_text: Callback<String>) -> Callback<InputEvent> {
    let composing = use_mut_ref(|| false);
    {
        let composing = composing.clone();
        let on_end = on_text.clone();
        use_effect_with(node, move |node| {
            let target = node.cast::<web_sys::Element>();
            let listeners = target.map(|el| {
                let c1 = composing.clone();
                let start =
                    EventListener::new(&el, "compositionstart", move |_| *c1.borrow_mut() = true);
                let c2 = composing.clone();
                let node = node.clone();
                let end = EventListener::new(&el, "compositionend", move |_| {
                    *c2.borrow_mut() = false;
                    if let Some(i) = node.cast::<HtmlInputElement>() {
                        on_end.emit(i.value());
                    }
                });
                (start, end)
            });
            move || drop(listeners)
        });
    }
    Callback::from(move |e: InputEvent| {
        if *composing.borrow() {
            return;
        }
        if let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            on_text.emit(el.value());
        }
    })
}

pub use crate::core::format::ascii_digits;

/// Parses a number typed by a person, within `min..=max`.
pub fn parse_number(s: &str, min: f64, max: f64) -> Option<f64> {
    let v: f64 = ascii_digits(s).parse().ok()?;
    (v.is_finite() && (min..=max).contains(&v)).then_some(v)
}

/// Properties of [`Field`].
#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// Element id (for the label and for focusing).
    pub id: AttrValue,
    /// Label text.
    pub label: AttrValue,
    /// The stored value; setting a different one replaces what is in the input.
    pub value: AttrValue,
    /// Called with the new text when the user commits a valid value.
    pub on_commit: Callback<String>,
    /// Numeric range, for number fields.
    #[prop_or_default]
    pub range: Option<(f64, f64)>,
    /// Shown when the text is invalid.
    #[prop_or_default]
    pub error: AttrValue,
    /// Input mode hint for phone keyboards.
    #[prop_or_default]
    pub decimal: bool,
}

/// A labelled input, checked as you type and committed on change.
#[component]
pub fn Field(props: &FieldProps) -> Html {
    let input = use_node_ref();
    let invalid = use_state(|| false);
    {
        // Put the stored value in the input when it changes (another object, undo, …).
        let input = input.clone();
        let invalid = invalid.clone();
        use_effect_with(props.value.clone(), move |v| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                if el.value() != v.as_str() {
                    el.set_value(v);
                }
            }
            invalid.set(false);
        });
    }
    let valid = {
        let range = props.range;
        Rc::new(move |s: &str| match range {
            Some((lo, hi)) => parse_number(s, lo, hi).is_some(),
            None => !s.trim().is_empty() && s.chars().count() <= 200,
        })
    };
    // Why a number is refused, said beside the field as it is typed: not a number, or
    // outside its range (with the range).
    let lang = crate::ui::session::use_session().lang();
    let reason = use_state(|| None::<String>);
    let why = {
        let range = props.range;
        let error = props.error.clone();
        Rc::new(move |s: &str| -> Option<String> {
            match range {
                Some((lo, hi)) => match ascii_digits(s).parse::<f64>() {
                    Ok(v) if v.is_finite() && (lo..=hi).contains(&v) => None,
                    Ok(v) if v.is_finite() => Some(crate::ui::i18n::out_of_range(lang, lo, hi)),
                    _ => {
                        Some(crate::ui::i18n::t(lang, crate::ui::i18n::Key::NotANumber).to_string())
                    }
                },
                None if !s.trim().is_empty() && s.chars().count() <= 200 => None,
                None => Some(error.to_string()),
            }
        })
    };
    let oninput = {
        let invalid = invalid.clone();
        let valid = valid.clone();
        let reason = reason.clone();
        let why = why.clone();
        use_ime_text(
            input.clone(),
            Callback::from(move |text: String| {
                invalid.set(!valid(&text));
                reason.set(why(&text));
            }),
        )
    };
    let onchange = {
        let on_commit = props.on_commit.clone();
        let invalid = invalid.clone();
        let value = props.value.clone();
        let (reason_c, why_c) = (reason.clone(), why.clone());
        Callback::from(move |e: Event| {
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let text = el.value();
            reason_c.set(why_c(&text));
            if valid(&text) {
                invalid.set(false);
                if text != value.as_str() {
                    on_commit.emit(text);
                }
            } else {
                invalid.set(true);
            }
        })
    };
    let err_id = format!("{}-err", props.id);
    html! {
        <div class={classes!("field", (*invalid).then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                ref={input}
                type="text"
                inputmode={if props.decimal { "decimal" } else { "text" }}
                autocomplete="off"
                aria-invalid={(*invalid).to_string()}
                aria-describedby={err_id.clone()}
                {oninput}
                {onchange}
            />
            <span id={err_id} class="field-error" role="status">{ if *invalid { (*reason).clone().map_or_else(|| props.error.clone(), AttrValue::from) } else { AttrValue::default() } }</span>
        </div>
    }
}

/// Properties of [`MoneyField`].
#[derive(Properties, PartialEq)]
pub struct MoneyFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// Label text.
    pub label: AttrValue,
    /// The stored amount.
    pub value: crate::core::money::Money,
    /// Called with the amount when the user commits one that was understood.
    pub on_commit: Callback<crate::core::money::Money>,
}

/// An amount of money as people type it (`250万`, `¥2,500,000`, `2,500,000`, `2500000`): what
/// was understood is shown beside it as you type (`= ¥250.0万`), a text that is not an amount
/// says why, and the amount is committed on change.
#[component]
pub fn MoneyField(props: &MoneyFieldProps) -> Html {
    use crate::core::format::{money_compact, money_exact, parse_money, MoneyInputError};
    let lang = crate::ui::session::use_session().lang();
    let input = use_node_ref();
    let read = use_state(|| None::<Result<crate::core::money::Money, MoneyInputError>>);
    let shown = crate::core::format::group_thousands(props.value.0.unsigned_abs() / 100);
    {
        let input = input.clone();
        let read = read.clone();
        use_effect_with(shown.clone(), move |v| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                if parse_money(&el.value()).ok() != parse_money(v).ok() {
                    el.set_value(v);
                }
            }
            read.set(None);
        });
    }
    let oninput = {
        let read = read.clone();
        use_ime_text(
            input.clone(),
            Callback::from(move |text: String| read.set(Some(parse_money(&text)))),
        )
    };
    let onchange = {
        let on_commit = props.on_commit.clone();
        let read = read.clone();
        let value = props.value;
        Callback::from(move |e: Event| {
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let r = parse_money(&el.value());
            if let Ok(m) = r {
                if m != value {
                    on_commit.emit(m);
                }
            }
            read.set(Some(r));
        })
    };
    let err_id = format!("{}-read", props.id);
    let (invalid, note) = match *read {
        Some(Ok(m)) => (
            false,
            crate::ui::i18n::money_understood(lang, &money_compact(m, lang), &money_exact(m)),
        ),
        Some(Err(e)) => (true, crate::ui::i18n::money_error(lang, e)),
        None => (false, String::new()),
    };
    html! {
        <div class={classes!("field", "money-field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} ref={input} type="text" inputmode="decimal" autocomplete="off"
                aria-invalid={invalid.to_string()} aria-describedby={err_id.clone()} {oninput} {onchange} />
            <span id={err_id} class={classes!("field-note", invalid.then_some("field-error"))} role="status" data-testid={format!("{}-read", props.id)}>{ note }</span>
        </div>
    }
}

/// The index chosen in the `<select>` that fired `e`.
pub fn select_value(e: &Event) -> Option<usize> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .and_then(|s| s.value().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_are_understood() {
        assert_eq!(ascii_digits("１２．５"), "12.5");
        assert_eq!(parse_number(" ６ ", 1.0, 40.0), Some(6.0));
        assert_eq!(parse_number("0", 1.0, 40.0), None);
        assert_eq!(parse_number("六", 1.0, 40.0), None);
        assert_eq!(parse_number("2.9", 2.0, 6.0), Some(2.9));
    }
}
