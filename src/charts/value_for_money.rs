//! Value for money: each item's priority against its cost, the cost-benefit (Pareto) frontier,
//! the budget line, and the chosen items highlighted.

use super::{svg, Fmt, FONT};
use plotters::prelude::*;

/// The data of the chart.
pub struct ValueForMoney<'a> {
    /// Title.
    pub title: &'a str,
    /// Axis names: cost, priority.
    pub axes: (&'a str, &'a str),
    /// Items: cost, priority, chosen.
    pub items: &'a [(f64, f64, bool)],
    /// The frontier: budget, best total priority (a step line).
    pub frontier: &'a [(f64, f64)],
    /// Frontier axis scale: the frontier's totals are drawn on the same axis as items when
    /// `None`; else on a second axis with this name.
    pub frontier_axis: Option<&'a str>,
    /// The budget, if set.
    pub budget: Option<f64>,
    /// Cost format.
    pub fmt: Fmt<'a>,
    /// Legend names: items, chosen, frontier, budget.
    pub legend: [&'a str; 4],
}

/// Draws the chart as SVG.
pub fn render(d: &ValueForMoney, size: (u32, u32)) -> String {
    let max_cost = d
        .items
        .iter()
        .map(|p| p.0)
        .chain(d.frontier.iter().map(|p| p.0))
        .chain(d.budget)
        .fold(1.0, f64::max)
        * 1.05;
    let max_value = d.items.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
    let max_total = d.frontier.iter().map(|p| p.1).fold(1.0, f64::max) * 1.1;
    svg(size, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .caption(d.title, (FONT, 18))
            .x_label_area_size(40)
            .y_label_area_size(52)
            .right_y_label_area_size(if d.frontier_axis.is_some() { 56 } else { 0 })
            .build_cartesian_2d(0f64..max_cost, 0f64..max_value)?
            .set_secondary_coord(0f64..max_cost, 0f64..max_total);
        chart
            .configure_mesh()
            .x_desc(d.axes.0)
            .y_desc(d.axes.1)
            .x_label_formatter(&|v| (d.fmt)(*v))
            .label_style((FONT, 12))
            .axis_desc_style((FONT, 13))
            .draw()?;
        if let Some(name) = d.frontier_axis {
            chart
                .configure_secondary_axes()
                .y_desc(name)
                .label_style((FONT, 12))
                .axis_desc_style((FONT, 13))
                .draw()?;
        }
        let grey = RGBColor(0x7f, 0x8c, 0x8d);
        let gold = RGBColor(0xe6, 0x7e, 0x22);
        chart
            .draw_series(
                d.items
                    .iter()
                    .filter(|p| !p.2)
                    .map(|p| Circle::new((p.0, p.1), 3, grey.mix(0.7).filled())),
            )?
            .label(d.legend[0])
            .legend(move |(x, y)| Circle::new((x + 6, y), 4, grey.filled()));
        chart
            .draw_series(
                d.items
                    .iter()
                    .filter(|p| p.2)
                    .map(|p| Circle::new((p.0, p.1), 4, gold.filled())),
            )?
            .label(d.legend[1])
            .legend(move |(x, y)| Circle::new((x + 6, y), 4, gold.filled()));
        let blue = RGBColor(0x1b, 0x4f, 0x72);
        chart
            .draw_secondary_series(LineSeries::new(
                d.frontier.iter().copied(),
                blue.stroke_width(2),
            ))?
            .label(d.legend[2])
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 14, y)], blue.stroke_width(2))
            });
        if let Some(b) = d.budget {
            let red = RGBColor(0xc0, 0x39, 0x2b);
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(b, 0.0), (b, max_value)],
                    red.stroke_width(2),
                )))?
                .label(d.legend[3])
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 14, y)], red.stroke_width(2))
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .label_font((FONT, 12))
            .draw()?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thousand_points_and_the_frontier() {
        let items: Vec<(f64, f64, bool)> = (0..1000)
            .map(|i| {
                (
                    f64::from(i) * 1000.0 % 97_000.0,
                    f64::from(i % 100),
                    i % 3 == 0,
                )
            })
            .collect();
        let frontier: Vec<(f64, f64)> = (0..=10)
            .map(|k| (f64::from(k) * 10_000.0, f64::from(k * k)))
            .collect();
        let fmt = |v: f64| format!("{v:.0}");
        let s = render(
            &ValueForMoney {
                title: "Value",
                axes: ("cost", "priority"),
                items: &items,
                frontier: &frontier,
                frontier_axis: Some("total"),
                budget: Some(50_000.0),
                fmt: &fmt,
                legend: ["items", "chosen", "frontier", "budget"],
            },
            (800, 500),
        );
        assert!(s.matches("<circle").count() >= 1000);
        assert!(s.contains("<polyline"));
    }
}
