//! Errors in a plan or a plan file, said the way people say it: each names the thing as
//! residents and designers call it ("2号楼 1单元 104室", "方案「仅基础类」里的加装电梯") and the
//! field in words ("面积"), says what is wrong in the user's language (serde's own English
//! texts included), and keeps the field's JSON path (`community.buildings[1].stairwells[0]…`)
//! as a second line for designers.

mod describe;
mod kind;
mod words;
use super::lang::Lang;
use describe::describe;
pub use kind::{ErrorKind, Named};
use serde::Serialize;
use std::fmt;
pub use words::{field_words, place_words, target_words};

/// An error at a place in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanError {
    /// JSON path of the field, e.g. `community.buildings[2].floors`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: ErrorKind,
    /// The things on the way to the field, as people name them (filled in when a file is
    /// read; empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub place: Vec<Named>,
}

impl PlanError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        PlanError {
            path: path.into(),
            kind,
            place: Vec::new(),
        }
    }

    /// The field's key (the last name of the path), if the path ends in one.
    pub fn field(&self) -> Option<&str> {
        let last = self.path.rsplit('.').next()?;
        let key = last.split('[').next().unwrap_or(last);
        (!key.is_empty() && !last.ends_with(']')).then_some(key)
    }

    /// The message for people, in `lang`: the thing, the field in words, what is wrong.
    /// `2号楼 1单元 104室:面积 0 不在 0.01–100000 m² 之间`.
    pub fn message(&self, lang: Lang) -> String {
        let field = self.field().map(|f| field_words(f, lang));
        let what = describe(&self.kind, field.as_ref(), lang);
        let place = place_words(&self.place, lang);
        let subject = place;
        if subject.is_empty() {
            what
        } else {
            match lang {
                Lang::Zh => format!("{subject}:{what}"),
                Lang::En => format!("{subject}: {what}"),
            }
        }
    }

    /// The message and, for designers, the field's path second:
    /// `…(位置:community.buildings[1].floors)`, `… (at community.buildings[1].floors)`.
    pub fn message_with_path(&self, lang: Lang) -> String {
        let m = self.message(lang);
        match (self.path.is_empty(), lang) {
            (true, _) => m,
            (false, Lang::Zh) => format!("{m}(位置:{})", self.path),
            (false, Lang::En) => format!("{m} (at {})", self.path),
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_with_path(Lang::En))
    }
}

impl std::error::Error for PlanError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_household_error_names_the_flat_and_the_field_in_words_with_the_path_second() {
        let mut e = PlanError::new(
            "community.buildings[1].stairwells[0].households[3].area_m2",
            ErrorKind::OutOfRange {
                value: "0".into(),
                min: "0.01".into(),
                max: "100000".into(),
            },
        );
        e.place = vec![
            Named::Building("2号楼".into()),
            Named::Stairwell("1单元".into()),
            Named::Household("104".into()),
        ];
        assert_eq!(
            e.message(Lang::Zh),
            "2号楼 1单元 104室:面积 0 不在 0.01–100000 m² 之间"
        );
        assert_eq!(
            e.message(Lang::En),
            "Building 2 · Stairwell 1 · flat 104: area 0 is not between 0.01 and 100000 m²"
        );
        assert_eq!(
            e.message_with_path(Lang::Zh),
            "2号楼 1单元 104室:面积 0 不在 0.01–100000 m² 之间(位置:community.buildings[1].stairwells[0].households[3].area_m2)"
        );
        assert!(e
            .message_with_path(Lang::En)
            .ends_with(" (at community.buildings[1].stairwells[0].households[3].area_m2)"));
    }

    #[test]
    fn serde_texts_are_said_in_the_users_language() {
        let e = PlanError::new(
            "community.buildings[0].stairwells[0].households[0].area_m2",
            ErrorKind::WrongType {
                found: "string \"86.3\"".into(),
                expected: "f64".into(),
            },
        );
        let zh = e.message(Lang::Zh);
        assert_eq!(zh, "面积应为数字,文件里是文字 \"86.3\"");
        assert!(!zh.contains("invalid") && !zh.contains("expected"), "{zh}");
        assert_eq!(
            e.message(Lang::En),
            "area should be a number, the file has the text \"86.3\""
        );
    }
}
