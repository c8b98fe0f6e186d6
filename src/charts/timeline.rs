//! The annual plan as a timeline: one column per year, its items stacked by cost and coloured
//! by class, against the year's budget.

use super::{columns, svg, Fmt, CLASS_COLOURS, FONT};
use plotters::prelude::*;

/// One year's column: its label, budget and items (cost, class index 0-3).
pub struct Year {
    /// "2027".
    pub label: String,
    /// The budget.
    pub budget: f64,
    /// Items: cost and class index.
    pub items: Vec<(f64, usize)>,
}

/// Draws the chart as SVG; `budget_label` names the budget marker.
pub fn render(
    title: &str,
    years: &[Year],
    budget_label: &str,
    fmt: Fmt,
    size: (u32, u32),
) -> String {
    let n = years.len().max(1);
    let max = years
        .iter()
        .map(|y| y.budget.max(y.items.iter().map(|i| i.0).sum()))
        .fold(1.0, f64::max)
        * 1.1;
    svg(size, |root| {
        let label = |i: usize| years.get(i).map(|y| y.label.clone()).unwrap_or_default();
        let mut chart = columns(root, title, n, 0f64..max, &label, fmt)?;
        for (i, y) in years.iter().enumerate() {
            let mut base = 0.0;
            chart.draw_series(y.items.iter().map(|&(cost, class)| {
                let mut r = Rectangle::new(
                    [
                        (SegmentValue::Exact(i as u32), base),
                        (SegmentValue::Exact(i as u32 + 1), base + cost),
                    ],
                    CLASS_COLOURS[class.min(3)].filled(),
                );
                r.set_margin(1, 0, 16, 16);
                base += cost;
                r
            }))?;
            let grey = BLACK.mix(0.6);
            chart.draw_series(std::iter::once(PathElement::new(
                vec![
                    (SegmentValue::Exact(i as u32), y.budget),
                    (SegmentValue::Exact(i as u32 + 1), y.budget),
                ],
                grey.stroke_width(2),
            )))?;
        }
        chart.draw_series(std::iter::once(Text::new(
            budget_label.to_string(),
            (SegmentValue::CenterOf(0), max * 0.98),
            (FONT, 15).into_font().color(&BLACK.mix(0.7)),
        )))?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_with_their_items_and_budgets() {
        let years: Vec<Year> = (0..3)
            .map(|y| Year {
                label: format!("{}", 2027 + y),
                budget: 1.5e6,
                items: vec![(4e5, 0), (6e5, 1), (3e5, 2)],
            })
            .collect();
        let fmt = |v: f64| format!("{v:.0}");
        let s = render("年度", &years, "预算", &fmt, (760, 360));
        assert!(s.matches("<rect").count() >= 9, "a block per item");
        assert!(s.contains("2029"));
        assert!(render("", &[], "", &fmt, (760, 360)).starts_with("<svg"));
    }
}
