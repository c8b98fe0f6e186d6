//! Charts drawn with plotters: pure functions from data (and the texts and number format of
//! the user's language) to SVG text, one module per chart. The SVG scales to its box
//! (`width="100%"` with a viewBox), so it stays sharp when resized and in print; plotters
//! escapes all text, so user-entered names show literally.

pub mod bars;
pub mod elevator;
pub mod risk;
pub mod timeline;
pub mod value_for_money;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The colours of the policy classes (safety, basic, improvement, upgrade).
pub const CLASS_COLOURS: [RGBColor; 4] = [
    RGBColor(0xb7, 0x1c, 0x1c),
    RGBColor(0x15, 0x65, 0xc0),
    RGBColor(0x2e, 0x7d, 0x32),
    RGBColor(0x6a, 0x1b, 0x9a),
];

/// Eight distinguishable colours for funding sources.
pub const SOURCE_COLOURS: [RGBColor; 8] = [
    RGBColor(0x1b, 0x4f, 0x72),
    RGBColor(0x28, 0x74, 0xa6),
    RGBColor(0x5d, 0xad, 0xe2),
    RGBColor(0xb9, 0x77, 0x0e),
    RGBColor(0x7d, 0x66, 0x08),
    RGBColor(0x11, 0x78, 0x64),
    RGBColor(0xc0, 0x39, 0x2b),
    RGBColor(0x6c, 0x34, 0x83),
];

/// The font family of chart text (the browser picks a CJK font for Chinese).
pub const FONT: &str = "sans-serif";

/// Formats axis values (money in the user's language, counts, …).
pub type Fmt<'a> = &'a dyn Fn(f64) -> String;

/// A drawing step: draws on the area and may return extra SVG markup to add on top.
pub type Draw<'a> = dyn FnOnce(
        &DrawingArea<SVGBackend, plotters::coord::Shift>,
    ) -> Result<String, Box<dyn std::error::Error>>
    + 'a;

/// A column chart: segmented columns against values.
pub type Columns<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<
        plotters::coord::ranged1d::SegmentedCoord<plotters::coord::types::RangedCoordu32>,
        plotters::coord::types::RangedCoordf64,
    >,
>;

/// Draws the frame of a column chart: the title, `n` columns named by `label` under them, the
/// value axis from `y` formatted by `fmt`, and no fine grid (fewer SVG elements, faster to lay
/// out, easier to read). The columns are addressed as `SegmentValue`s of `0..n`.
pub fn columns<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    title: &str,
    n: usize,
    y: std::ops::Range<f64>,
    label: &dyn Fn(usize) -> String,
    fmt: Fmt,
) -> Result<Columns<'a, 'b>, Box<dyn std::error::Error>> {
    let n = n.max(1);
    // The title without text measurement (plotters' caption measures it: in the browser a
    // forced layout of the whole page).
    self::title(root, title)?;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .margin_top(34)
        .x_label_area_size(36)
        .y_label_area_size(78)
        // Integer ranges are inclusive in plotters (0..n−1 is n columns), but a range of one
        // value has no width: one column gets a second, empty slot.
        .build_cartesian_2d((0..(n as u32 - 1).max(1)).into_segmented(), y)?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => label(*i as usize),
            _ => String::new(),
        })
        .y_label_formatter(&|v| fmt(*v))
        .label_style((FONT, 15))
        .draw()?;
    Ok(chart)
}

/// Draws into an SVG string of `size` pixels and makes it scale to its box. On a drawing
/// error the partial SVG is returned (a chart is never worth a crash).
pub fn svg(
    size: (u32, u32),
    draw: impl FnOnce(
        &DrawingArea<SVGBackend, plotters::coord::Shift>,
    ) -> Result<(), Box<dyn std::error::Error>>,
) -> String {
    svg_with(size, Box::new(|root| draw(root).map(|()| String::new())))
}

/// Like [`svg`], with extra markup from the drawing step added on top (e.g. many points as one
/// path, far cheaper for the browser than one element each).
pub fn svg_with(size: (u32, u32), draw: Box<Draw>) -> String {
    let mut buf = String::new();
    let mut extra = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        let _ = root.fill(&WHITE);
        if let Ok(e) = draw(&root) {
            extra = e;
        }
        let _ = root.present();
    }
    if !extra.is_empty() {
        if let Some(end) = buf.rfind("</svg>") {
            buf.insert_str(end, &extra);
        }
    }
    responsive(&buf, size)
}

/// Points as one SVG path of round dots (zero-length segments with round caps): one element
/// for any number of points.
pub fn dots(
    points: impl IntoIterator<Item = (i32, i32)>,
    diameter: u32,
    colour: &RGBColor,
) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for (x, y) in points {
        let _ = write!(d, "M{x} {y}h0");
    }
    if d.is_empty() {
        return d;
    }
    format!(
        "<path d=\"{d}\" fill=\"none\" stroke=\"#{:02x}{:02x}{:02x}\" stroke-width=\"{diameter}\" stroke-linecap=\"round\"/>\n",
        colour.0, colour.1, colour.2
    )
}

/// A legend marker.
#[derive(Debug, Clone, Copy)]
pub enum Marker {
    /// A dot of this colour.
    Dot(RGBColor),
    /// A line of this colour.
    Line(RGBColor),
    /// A filled block of this colour.
    Block(RGBColor),
}

/// The width of `text` at `size` px, estimated from its characters (CJK full width, others
/// about half): no DOM measurement, which in the browser would force a layout per label.
pub fn approx_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
        .sum::<f64>()
        * size
}

/// Draws a title centred at the top of `root`.
pub fn title(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    text: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let (w, _) = root.dim_in_pixel();
    let style = TextStyle::from((FONT, 21).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(text.to_string(), (w as i32 / 2, 6), style))?;
    Ok(())
}

/// The font size of [`legend`]'s names, px.
const LEGEND_SIZE: f64 = 13.0;

/// The width of [`legend`]'s box, px.
pub fn legend_width(entries: &[(Marker, &str)]) -> i32 {
    entries
        .iter()
        .map(|(_, t)| approx_width(t, LEGEND_SIZE))
        .fold(0.0, f64::max) as i32
        + 34
}

/// The height of [`legend`]'s box, px.
pub fn legend_height(entries: &[(Marker, &str)]) -> i32 {
    18 * entries.len() as i32 + 8
}

/// Where a legend box of `size` goes inside the plot area `plot` (left, top, right, bottom,
/// pixels): the corner, 8 px in, that covers the fewest of `points` (top left first on a tie,
/// then top right, bottom right, bottom left), so that it hides as little data as it can.
pub fn legend_corner(
    plot: (i32, i32, i32, i32),
    size: (i32, i32),
    points: &[(i32, i32)],
) -> (i32, i32) {
    let (l, t, r, b) = plot;
    let (w, h) = size;
    let corners = [
        (l + 8, t + 6),
        (r - 8 - w, t + 6),
        (r - 8 - w, b - 6 - h),
        (l + 8, b - 6 - h),
    ];
    let covered = |&(x, y): &(i32, i32)| {
        points
            .iter()
            .filter(|&&(px, py)| px >= x - 4 && px <= x + w + 4 && py >= y - 4 && py <= y + h + 4)
            .count()
    };
    corners
        .iter()
        .copied()
        .min_by_key(covered)
        .unwrap_or(corners[0])
}

/// A legend box with its top-left corner at `at` (pixels), as SVG markup to add on top of the
/// chart (after any point paths), without measuring text. Names are escaped.
pub fn legend(at: (i32, i32), entries: &[(Marker, &str)]) -> String {
    use std::fmt::Write;
    let size = LEGEND_SIZE;
    let row = 18;
    let width = legend_width(entries);
    let height = legend_height(entries);
    let hex = |c: RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    let mut s = format!(
        "<g font-family=\"{FONT}\" font-size=\"{size}\"><rect x=\"{}\" y=\"{}\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#000000\" stroke-opacity=\"0.3\"/>",
        at.0, at.1
    );
    for (i, (m, text)) in entries.iter().enumerate() {
        let y = at.1 + 4 + row * i as i32 + row / 2;
        let x = at.0 + 8;
        let _ = match *m {
            Marker::Dot(c) => write!(
                s,
                "<circle cx=\"{}\" cy=\"{y}\" r=\"4\" fill=\"{}\"/>",
                x + 6,
                hex(c)
            ),
            Marker::Line(c) => write!(
                s,
                "<path d=\"M{x} {y}h14\" stroke=\"{}\" stroke-width=\"2\"/>",
                hex(c)
            ),
            Marker::Block(c) => write!(
                s,
                "<rect x=\"{x}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>",
                y - 6,
                hex(c)
            ),
        };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{y}\" dominant-baseline=\"central\">{}</text>",
            x + 20,
            escape(text)
        );
    }
    s.push_str("</g>\n");
    s
}

/// Escapes text for SVG markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Replaces the fixed width and height with `width="100%"`, keeping the viewBox.
pub fn responsive(svg: &str, (w, h): (u32, u32)) -> String {
    svg.replacen(
        &format!("width=\"{w}\" height=\"{h}\""),
        "width=\"100%\" preserveAspectRatio=\"xMidYMid meet\"",
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_scale_to_their_box() {
        let s = svg((400, 300), |root| {
            root.draw(&Circle::new((10, 10), 5, BLACK.filled()))?;
            Ok(())
        });
        let open = &s[s.find("<svg").unwrap()..];
        let open = &open[..open.find('>').unwrap()];
        assert!(open.contains("width=\"100%\""), "{open}");
        assert!(open.contains("viewBox=\"0 0 400 300\""));
        assert!(!open.contains("height=\"300\""));
    }

    #[test]
    fn the_legend_goes_to_the_corner_with_the_least_data() {
        let plot = (60, 40, 700, 380);
        let size = (200, 80);
        // Nothing drawn: the top left.
        assert_eq!(legend_corner(plot, size, &[]), (68, 46));
        // Points crowd the top left (cheap items of high priority): the top right.
        let crowd: Vec<(i32, i32)> = (0..50).map(|i| (70 + i, 50 + i)).collect();
        assert_eq!(legend_corner(plot, size, &crowd), (492, 46));
        // A frontier rising to the top right as well: the bottom right.
        let mut both = crowd.clone();
        both.extend((0..60).map(|i| (600 + i, 60 + i / 2)));
        assert_eq!(legend_corner(plot, size, &both), (492, 294));
    }
}
