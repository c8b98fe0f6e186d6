//! Charts drawn with plotters: pure functions from data to SVG text, one module per chart.
