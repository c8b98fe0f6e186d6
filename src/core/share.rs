//! Share links: the whole plan in the URL fragment (`#plan=1.…`), so a plan travels in a chat
//! message with no server. The plan's compact JSON is deflated and written in URL-safe base64
//! (no padding); the `1.` is the link format, so later formats can be told apart. The fragment
//! never reaches a server. Reading a link goes through the same checks as a plan file.

use super::plan::Plan;
use super::plan_file::{load, to_json_compact, LoadError, Loaded, MAX_BYTES};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The fragment's key.
pub const PREFIX: &str = "plan=";

/// The link format this build writes.
const FORMAT: &str = "1.";

/// The longest link offered, characters. Chat apps (WeChat among them), e-mail clients and QR
/// codes cut or refuse longer links; a plan that does not fit travels as a file.
pub const MAX_LINK_CHARS: usize = 16_000;

/// Why no link could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The link would be `chars` long, over [`MAX_LINK_CHARS`].
    TooLong {
        /// Its length.
        chars: usize,
    },
}

/// Why a link could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Not a plan link (no `plan=` in the fragment).
    NotALink,
    /// A link format this build does not know (made by a newer planner).
    UnknownFormat,
    /// The link is damaged: cut short or changed (base64 or deflate data invalid).
    Damaged,
    /// The data inside is not a valid plan.
    Plan(Box<LoadError>),
}

/// The fragment (without `#`) carrying `plan`, e.g. `plan=1.eJy…`; refused when too long.
pub fn encode(plan: &Plan) -> Result<String, LinkError> {
    let json = to_json_compact(plan);
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    let text = format!("{PREFIX}{FORMAT}{}", URL_SAFE_NO_PAD.encode(packed));
    if text.len() > MAX_LINK_CHARS {
        Err(LinkError::TooLong { chars: text.len() })
    } else {
        Ok(text)
    }
}

/// True when a URL fragment (with or without `#`) carries a plan.
pub fn is_link(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(PREFIX)
}

/// Reads the plan from a URL fragment (with or without `#`).
pub fn decode(fragment: &str) -> Result<Loaded, ReadError> {
    let body = fragment
        .trim_start_matches('#')
        .strip_prefix(PREFIX)
        .ok_or(ReadError::NotALink)?;
    let data = body.strip_prefix(FORMAT).ok_or(ReadError::UnknownFormat)?;
    // Chat apps sometimes add a trailing newline or space, or percent-escape nothing else.
    let data = data.trim();
    let packed = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| ReadError::Damaged)?;
    // Inflating is limited to the plan file size limit (a small link cannot expand without
    // bound).
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_BYTES)
        .map_err(|_| ReadError::Damaged)?;
    load(&json).map_err(|e| ReadError::Plan(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::demo;

    #[test]
    fn the_demo_travels_in_a_link_unchanged() {
        let plan = demo();
        let link = encode(&plan).unwrap();
        assert!(link.starts_with("plan=1."));
        assert!(link.len() < MAX_LINK_CHARS);
        assert!(
            link.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"=._-".contains(&b)),
            "only URL-safe characters"
        );
        let back = decode(&format!("#{link}")).unwrap();
        assert_eq!(back.plan, plan);
        assert!(!back.read_only);
    }

    #[test]
    fn a_cut_or_altered_link_is_damaged_not_a_panic() {
        let link = encode(&demo()).unwrap();
        let cut = &link[..link.len() / 2];
        assert!(matches!(decode(cut), Err(ReadError::Damaged)));
        assert!(matches!(decode("plan=1.!!!"), Err(ReadError::Damaged)));
        assert_eq!(decode("#view=3").unwrap_err(), ReadError::NotALink);
        assert_eq!(decode("plan=2.abc").unwrap_err(), ReadError::UnknownFormat);
    }

    #[test]
    fn a_link_of_valid_data_that_is_not_a_plan_names_the_problem() {
        let packed = miniz_oxide::deflate::compress_to_vec(b"[1,2]", 6);
        let link = format!("plan=1.{}", URL_SAFE_NO_PAD.encode(packed));
        match decode(&link) {
            Err(ReadError::Plan(e)) => {
                assert_eq!(e.errors[0].kind, crate::core::error::ErrorKind::NotAnObject)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bomb_is_refused() {
        let zeros = vec![b' '; MAX_BYTES + 10];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        let link = format!("plan=1.{}", URL_SAFE_NO_PAD.encode(packed));
        assert!(link.len() < 40_000);
        assert!(matches!(decode(&link), Err(ReadError::Damaged)));
    }

    #[test]
    fn a_plan_too_large_for_a_link_is_refused_with_its_length() {
        let mut plan = demo();
        // Text that does not compress: a long pseudo-random note.
        let mut x = 1u64;
        plan.community.name = (0..30_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        match encode(&plan) {
            Err(LinkError::TooLong { chars }) => assert!(chars > MAX_LINK_CHARS),
            other => panic!("{other:?}"),
        }
    }
}
