//! Stacked bars per category: cost by class per scenario, funding by source per scenario.

use super::{columns, svg, Fmt, FONT};
use plotters::prelude::*;

/// One stacked bar chart.
pub struct Stacked<'a> {
    /// Title.
    pub title: &'a str,
    /// One bar per category (e.g. scenario names).
    pub categories: &'a [String],
    /// Segments: name, colour and one value per category.
    pub series: &'a [(String, RGBColor, Vec<f64>)],
    /// Value axis format.
    pub fmt: Fmt<'a>,
}

/// Draws the chart as SVG.
pub fn stacked(d: &Stacked, size: (u32, u32)) -> String {
    let n = d.categories.len().max(1);
    let totals: Vec<f64> = (0..n)
        .map(|i| {
            d.series
                .iter()
                .map(|s| s.2.get(i).copied().unwrap_or(0.0).max(0.0))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().fold(0.0, f64::max).max(1.0) * 1.08;
    svg(size, |root| {
        let label = |i: usize| d.categories.get(i).cloned().unwrap_or_default();
        let mut chart = columns(root, d.title, n, 0f64..max, &label, d.fmt)?;
        let mut base = vec![0.0; n];
        for (name, colour, values) in d.series {
            let rects: Vec<_> = (0..n)
                .map(|i| {
                    let v = values.get(i).copied().unwrap_or(0.0).max(0.0);
                    let r = Rectangle::new(
                        [
                            (SegmentValue::Exact(i as u32), base[i]),
                            (SegmentValue::Exact(i as u32 + 1), base[i] + v),
                        ],
                        colour.filled(),
                    );
                    base[i] += v;
                    let mut r = r;
                    r.set_margin(0, 0, 14, 14);
                    r
                })
                .collect();
            let c = *colour;
            chart
                .draw_series(rects)?
                .label(name.as_str())
                .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], c.filled()));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .label_font((FONT, 15))
            .draw()?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_carry_every_label_escaped() {
        let cats = vec!["基础类 <b>".to_string(), "B & C".to_string()];
        let series = vec![
            ("Basic".to_string(), RED, vec![100.0, 200.0]),
            ("Upgrade".to_string(), BLUE, vec![50.0, 0.0]),
        ];
        let fmt = |v: f64| format!("¥{v:.0}");
        let s = stacked(
            &Stacked {
                title: "Cost",
                categories: &cats,
                series: &series,
                fmt: &fmt,
            },
            (600, 400),
        );
        assert!(s.contains("基础类 &lt;b&gt;"), "markup is escaped");
        assert!(s.contains("B &amp; C"));
        assert!(s.contains(">Basic<") || s.contains("Basic\n"));
        assert!(s.matches("<rect").count() >= 4);
    }

    /// No rectangle with a negative width or height (browsers log an error for each), for
    /// one category, for all zeros (a blank community), and for many categories.
    #[test]
    fn no_negative_rectangles_for_one_bar_or_all_zeros() {
        let fmt = |v: f64| format!("¥{v:.0}");
        for (n, value) in [(1usize, 0.0), (1, 100.0), (2, 0.0), (4, 50.0)] {
            let cats: Vec<String> = (0..n).map(|i| format!("方案{i}")).collect();
            let series = vec![("Basic".to_string(), RED, vec![value; n])];
            let s = stacked(
                &Stacked {
                    title: "Cost",
                    categories: &cats,
                    series: &series,
                    fmt: &fmt,
                },
                (600, 400),
            );
            assert!(
                !s.contains("width=\"-") && !s.contains("height=\"-"),
                "{n} × {value}: {s}"
            );
        }
    }
}
