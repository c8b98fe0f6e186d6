//! The cost-risk distribution: a histogram of simulated totals with P50 and P80 marked.

use super::{svg, title, Fmt, FONT};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The data of the chart.
pub struct RiskChart<'a> {
    /// Title.
    pub title: &'a str,
    /// Lowest and highest simulated total.
    pub range: (f64, f64),
    /// Counts per equal bin over the range.
    pub histogram: &'a [u32],
    /// Marked values with their labels (P50, P80, budget…).
    pub marks: &'a [(String, f64)],
    /// Money format.
    pub fmt: Fmt<'a>,
}

/// Draws the chart as SVG.
pub fn render(d: &RiskChart, size: (u32, u32)) -> String {
    let (lo, hi) = (d.range.0, d.range.1.max(d.range.0 + 1.0));
    let bins = d.histogram.len().max(1);
    let width = (hi - lo) / bins as f64;
    let top = f64::from(d.histogram.iter().copied().max().unwrap_or(1).max(1)) * 1.15;
    svg(size, |root| {
        // The title without text measurement (see `columns`).
        title(root, d.title)?;
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .margin_top(34)
            .x_label_area_size(36)
            .y_label_area_size(48)
            .build_cartesian_2d(lo..hi, 0f64..top)?;
        chart
            .configure_mesh()
            // No fine grid: fewer SVG elements, faster to lay out, easier to read.
            .light_line_style(TRANSPARENT)
            .disable_y_mesh()
            .x_labels(5)
            .x_label_formatter(&|v| (d.fmt)(*v))
            .y_labels(0)
            .label_style((FONT, 15))
            .draw()?;
        let c = RGBColor(0x5d, 0xad, 0xe2);
        chart.draw_series(d.histogram.iter().enumerate().map(|(i, &n)| {
            let x0 = lo + i as f64 * width;
            Rectangle::new([(x0, 0.0), (x0 + width, f64::from(n))], c.filled())
        }))?;
        let red = RGBColor(0xc0, 0x39, 0x2b);
        // Marks come lowest first (P50, P80), then others (the budget): the first two labels
        // share the top row, the first to the left of its line and the second to the right (P50
        // and P80 are often close together), the others a row below.
        for (k, (label, v)) in d.marks.iter().enumerate() {
            let y = top * (0.99 - 0.08 * (k / 2) as f64);
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(*v, 0.0), (*v, y)],
                red.stroke_width(2),
            )))?;
            let text = format!(" {label} {} ", (d.fmt)(*v));
            // plotters' `HPos` names the side of the text at the point: `Right` ends it there.
            let h = if k % 2 == 0 { HPos::Right } else { HPos::Left };
            let style = TextStyle::from((FONT, 15).into_font())
                .color(&red)
                .pos(Pos::new(h, VPos::Top));
            chart.draw_series(std::iter::once(Text::new(text, (*v, y), style)))?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_histogram_with_its_marks() {
        let hist: Vec<u32> = (0..40)
            .map(|i| 100 - (i - 20i32).unsigned_abs() * 4)
            .collect();
        let fmt = |v: f64| format!("¥{:.0}万", v / 1e4);
        let marks = vec![("P50".to_string(), 4.1e6), ("P80 <x>".to_string(), 4.4e6)];
        let s = render(
            &RiskChart {
                title: "风险",
                range: (3.5e6, 5.0e6),
                histogram: &hist,
                marks: &marks,
                fmt: &fmt,
            },
            (760, 320),
        );
        assert!(s.matches("<rect").count() >= 40, "one bar per bin");
        assert!(s.contains("P80 &lt;x&gt;"));
        // P50 ends at its line, P80 starts at its line: close together, they do not overlap.
        let anchor_of = |label: &str| {
            let at = s.find(label).unwrap();
            let tag = &s[s[..at].rfind("<text").unwrap()..at];
            tag.contains("text-anchor=\"end\"")
        };
        assert!(anchor_of(" P50 ¥410万"), "P50 ends at its line");
        assert!(
            !anchor_of(" P80 &lt;x&gt; ¥440万"),
            "P80 starts at its line"
        );
        // An empty simulation still draws (and terminates).
        let empty = render(
            &RiskChart {
                title: "",
                range: (0.0, 0.0),
                histogram: &[],
                marks: &[],
                fmt: &fmt,
            },
            (760, 320),
        );
        assert!(empty.starts_with("<svg"));
    }
}
