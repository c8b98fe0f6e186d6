//! Stacked bars per category: cost by class per scenario, funding by source per scenario.

use super::{columns, legend, legend_width, svg_with, Fmt, Marker};
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
    svg_with(
        size,
        Box::new(move |root| {
            let label = |i: usize| d.categories.get(i).cloned().unwrap_or_default();
            let mut chart = columns(root, d.title, n, 0f64..max, &label, d.fmt)?;
            let mut base = vec![0.0; n];
            for (_, colour, values) in d.series {
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
                chart.draw_series(rects)?;
            }
            // The legend in the upper right corner, drawn without text measurement (plotters'
            // series labels measure each name: in the browser a forced layout of the page each).
            let entries: Vec<(Marker, &str)> = d
                .series
                .iter()
                .map(|(name, colour, _)| (Marker::Block(*colour), name.as_str()))
                .collect();
            let (right, top) = chart.backend_coord(&(SegmentValue::Exact(n as u32), max));
            Ok(legend(
                (right - legend_width(&entries) - 8, top + 6),
                &entries,
            ))
        }),
    )
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
