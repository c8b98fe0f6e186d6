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

/// Draws into an SVG string of `size` pixels and makes it scale to its box. On a drawing
/// error the partial SVG is returned (a chart is never worth a crash).
pub fn svg(
    size: (u32, u32),
    draw: impl FnOnce(
        &DrawingArea<SVGBackend, plotters::coord::Shift>,
    ) -> Result<(), Box<dyn std::error::Error>>,
) -> String {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        let _ = root.fill(&WHITE);
        let _ = draw(&root);
        let _ = root.present();
    }
    responsive(&buf, size)
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
}
