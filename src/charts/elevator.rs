//! The elevator share per floor of a stairwell: what one household on each floor pays.

use super::{columns, svg, Fmt, FONT};
use plotters::prelude::*;

/// Draws bars of `per_household` (floor 1 first) titled `title`, floors named by `floor`.
pub fn render(
    title: &str,
    per_household: &[f64],
    floor: &dyn Fn(usize) -> String,
    fmt: Fmt,
    size: (u32, u32),
) -> String {
    let n = per_household.len().max(1);
    let max = per_household.iter().copied().fold(1.0, f64::max) * 1.15;
    let min = per_household.iter().copied().fold(0.0, f64::min) * 1.15;
    svg(size, |root| {
        let mut chart = columns(root, title, n, min..max, floor, fmt)?;
        let blue = RGBColor(0x2e, 0x7d, 0x32);
        chart.draw_series(per_household.iter().enumerate().map(|(i, &v)| {
            let mut r = Rectangle::new(
                [
                    (SegmentValue::Exact(i as u32), 0.0),
                    (SegmentValue::Exact(i as u32 + 1), v),
                ],
                blue.filled(),
            );
            r.set_margin(0, 0, 10, 10);
            r
        }))?;
        chart.draw_series(per_household.iter().enumerate().map(|(i, &v)| {
            Text::new(
                fmt(v),
                (SegmentValue::CenterOf(i as u32), v),
                (FONT, 15).into_font().color(&BLACK),
            )
        }))?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_per_floor() {
        let per = [0.0, 17_000.0, 29_750.0, 42_500.0, 55_250.0, 68_000.0];
        let label = |i: usize| format!("{}层", i + 1);
        let fmt = |v: f64| format!("¥{v:.0}");
        let s = render("电梯", &per, &label, &fmt, (760, 320));
        assert!(s.contains("6层"));
        assert!(s.matches("<rect").count() >= 6);
        assert!(render("", &[], &label, &fmt, (760, 320)).starts_with("<svg"));
    }
}
