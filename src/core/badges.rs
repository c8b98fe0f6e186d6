//! Where the plan's badges go: the width of a label in ems and rows of pills under their
//! target, at most so many rows, the rest counted in one "+N" pill. Pure layout, in metres
//! or any unit the caller chooses; the editor draws it.

/// The width of `text` in ems, for laying out labels (CJK characters are one em wide, Latin
/// letters and digits about 0.6).
pub fn text_em(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum()
}

/// Where the badges of one target go: rows of pills of the given widths, centred under the
/// anchor, each row at most `max_w` wide, at most `max_rows` rows; the badges that do not fit
/// are counted instead. Returns each shown badge's left edge and top (relative to the
/// anchor) and how many are hidden. One "+N" pill takes the last place when any is hidden.
pub fn lay_out_badges(
    widths: &[f64],
    max_w: f64,
    max_rows: usize,
    h: f64,
    gap: f64,
    more_w: f64,
) -> (Vec<(f64, f64)>, usize) {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut row_w = 0.0;
    for (i, &w) in widths.iter().enumerate() {
        match rows.last_mut() {
            Some(r) if row_w + gap + w <= max_w => {
                r.push(i);
                row_w += gap + w;
            }
            _ => {
                rows.push(vec![i]);
                row_w = w;
            }
        }
    }
    let mut hidden = 0;
    if rows.len() > max_rows {
        hidden = rows[max_rows..].iter().map(Vec::len).sum();
        rows.truncate(max_rows);
        // Room for the "+N" pill at the end of the last row.
        if let Some(last) = rows.last_mut() {
            let w = |r: &[usize]| r.iter().map(|&i| widths[i]).sum::<f64>() + gap * r.len() as f64;
            while last.len() > 1 && w(last) + more_w > max_w {
                last.pop();
                hidden += 1;
            }
        }
    }
    let mut out = vec![(0.0, 0.0); widths.len()];
    let mut shown = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        let extra = if hidden > 0 && k + 1 == rows.len() {
            more_w + gap
        } else {
            0.0
        };
        let total: f64 = r.iter().map(|&i| widths[i]).sum::<f64>()
            + gap * r.len().saturating_sub(1) as f64
            + extra;
        let mut x = -total / 2.0;
        for &i in r {
            out[i] = (x, k as f64 * (h + gap));
            shown.push(i);
            x += widths[i] + gap;
        }
    }
    (shown.iter().map(|&i| out[i]).collect(), hidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_one_em_and_latin_about_six_tenths() {
        assert_eq!(text_em("加装电梯"), 4.0);
        assert!((text_em("LED") - 1.8).abs() < 1e-12);
        assert_eq!(text_em(""), 0.0);
    }

    #[test]
    fn badges_fill_rows_centred_and_the_rest_is_counted() {
        // Three of width 4 fit a row of 13 (4 + 1 + 4 + 1 + 4 = 14 does not): 2 per row.
        let (pos, hidden) = lay_out_badges(&[4.0; 3], 13.0, 2, 2.0, 1.0, 3.0);
        assert_eq!(hidden, 0);
        assert_eq!(pos, vec![(-4.5, 0.0), (0.5, 0.0), (-2.0, 3.0)]);
        // Seven of them in two rows: the "+3" pill (width 3) just fits after the second row.
        let (pos, hidden) = lay_out_badges(&[4.0; 7], 13.0, 2, 2.0, 1.0, 3.0);
        assert_eq!((pos.len(), hidden), (4, 3), "{pos:?}");
        assert_eq!(
            pos[2..],
            [(-6.5, 3.0), (-1.5, 3.0)],
            "the row and its pill centred"
        );
        // A wider pill does not fit: the last badge of the row gives way to it.
        let (pos, hidden) = lay_out_badges(&[4.0; 7], 13.0, 2, 2.0, 1.0, 4.0);
        assert_eq!((pos.len(), hidden), (3, 4), "{pos:?}");
        // Nothing shown twice, nothing wider than the row.
        let (pos, hidden) = lay_out_badges(&[20.0, 2.0, 2.0], 10.0, 1, 2.0, 1.0, 3.0);
        assert_eq!(
            (pos.len(), hidden),
            (1, 2),
            "a badge wider than the row still shows"
        );
        assert!(lay_out_badges(&[], 10.0, 2, 2.0, 1.0, 3.0).0.is_empty());
    }
}
