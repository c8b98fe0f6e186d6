//! Value for money: each item's priority against its cost, the cost-benefit (Pareto) frontier,
//! the budget line, and the chosen items highlighted.

use super::{
    dots, legend, legend_corner, legend_height, legend_width, svg_with, title, Fmt, Marker, FONT,
};
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
    svg_with(
        size,
        Box::new(move |root| {
            // Title and legend are drawn without text measurement (fast in the browser).
            title(root, d.title)?;
            let mut chart = ChartBuilder::on(root)
                .margin(12)
                .margin_top(34)
                .x_label_area_size(40)
                .y_label_area_size(60)
                .right_y_label_area_size(if d.frontier_axis.is_some() { 56 } else { 0 })
                .build_cartesian_2d(0f64..max_cost, 0f64..max_value)?
                .set_secondary_coord(0f64..max_cost, 0f64..max_total);
            chart
                .configure_mesh()
                // No fine grid: fewer SVG elements, faster to lay out, easier to read.
                .light_line_style(TRANSPARENT)
                // Five money labels at most: ten of them ran into each other on a phone.
                .x_labels(5)
                .x_desc(d.axes.0)
                .y_desc(d.axes.1)
                .x_label_formatter(&|v| (d.fmt)(*v))
                .y_label_formatter(&|v| format!("{v:.0}"))
                .label_style((FONT, 15))
                .axis_desc_style((FONT, 16))
                .draw()?;
            if d.frontier_axis.is_some() {
                chart
                    .configure_secondary_axes()
                    // Inward ticks: plotters then does not measure each right-hand label.
                    .set_tick_mark_size(LabelAreaPosition::Right, -5)
                    .y_label_formatter(&|v| format!("{v:.0}"))
                    .label_style((FONT, 15))
                    .axis_desc_style((FONT, 16))
                    .draw()?;
            }
            let grey = RGBColor(0x7f, 0x8c, 0x8d);
            let gold = RGBColor(0xe6, 0x7e, 0x22);
            // The items are drawn after the axes as two paths of dots (see `dots`).
            let at = |p: &&(f64, f64, bool)| chart.backend_coord(&(p.0, p.1));
            // What the legend should not hide: the items and the frontier's points (on the
            // secondary axis), in pixels.
            let (x0, y0) = chart.backend_coord(&(0.0, max_value));
            let (x1, y1) = chart.backend_coord(&(max_cost, 0.0));
            let mut drawn: Vec<(i32, i32)> = d.items.iter().map(|p| at(&p)).collect();
            let secondary = chart.borrow_secondary();
            drawn.extend(d.frontier.iter().map(|p| secondary.backend_coord(p)));
            let points = dots(d.items.iter().filter(|p| !p.2).map(|p| at(&p)), 6, &grey)
                + &dots(d.items.iter().filter(|p| p.2).map(|p| at(&p)), 8, &gold);
            let blue = RGBColor(0x1b, 0x4f, 0x72);
            chart.draw_secondary_series(LineSeries::new(
                d.frontier.iter().copied(),
                blue.stroke_width(2),
            ))?;
            let red = RGBColor(0xc0, 0x39, 0x2b);
            if let Some(b) = d.budget {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(b, 0.0), (b, max_value)],
                    red.stroke_width(2),
                )))?;
            }
            let mut entries = vec![
                (Marker::Dot(grey), d.legend[0]),
                (Marker::Dot(gold), d.legend[1]),
            ];
            // The frontier's axis is named in the legend (a rotated name at the right edge
            // would collide with the tick labels).
            let frontier_name = match d.frontier_axis {
                Some(axis) => format!("{} ({axis})", d.legend[2]),
                None => d.legend[2].to_string(),
            };
            if !d.frontier.is_empty() {
                entries.push((Marker::Line(blue), &frontier_name));
            }
            if d.budget.is_some() {
                entries.push((Marker::Line(red), d.legend[3]));
            }
            let size = (legend_width(&entries), legend_height(&entries));
            let corner = legend_corner((x0, y0, x1, y1), size, &drawn);
            Ok(points + &legend(corner, &entries))
        }),
    )
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
        // 1000 points in two paths of dots, not 1000 elements.
        assert_eq!(s.matches("h0").count(), 1000);
        assert!(s.matches("<path").count() >= 2);
        assert!(s.matches("<circle").count() < 10);
        assert!(s.contains("<polyline"));
    }
}
