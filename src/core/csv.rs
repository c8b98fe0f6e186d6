//! CSV in and out (with `csv-core`'s reader and writer): files that open correctly in Excel
//! with Chinese text (UTF-8 with a byte-order mark, CRLF), cells that Excel would run as
//! formulas neutralised, and survey tallies read from a CSV with an error for each bad row.

use super::catalog::Catalog;
use super::plan::Plan;
use super::settings::SurveyTally;
use super::site::Target;
use super::takeoff::{check_target, TakeoffError};
use serde::Serialize;

/// The separator a spreadsheet used: a tab (Excel's "Unicode text" and copy-paste), a
/// semicolon (Excel in locales with a decimal comma) or a comma, whichever occurs most in the
/// first line outside quotes (a comma on a tie).
pub fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[1] > counts[0] && counts[1] >= counts[2] {
        b'\t'
    } else if counts[2] > counts[0] && counts[2] > counts[1] {
        b';'
    } else {
        b','
    }
}

/// Splits CSV text into rows of fields (quotes, embedded separators and newlines handled),
/// with the separator found by [`sniff_delimiter`]; a leading byte-order mark is skipped.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_with(text, sniff_delimiter(text))
}

/// Splits CSV text with a given separator.
pub fn parse_with(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut rdr = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = text.as_bytes();
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = Vec::new();
    let mut out = vec![0u8; 4096];
    loop {
        let (res, nin, nout) = rdr.read_field(input, &mut out);
        input = &input[nin..];
        field.extend_from_slice(&out[..nout]);
        match res {
            csv_core::ReadFieldResult::InputEmpty if input.is_empty() => {
                // Signal the end of input with an empty read.
                continue_end(&mut rdr, &mut out, &mut field, &mut row, &mut rows);
                break;
            }
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {}
            csv_core::ReadFieldResult::Field { record_end } => {
                row.push(String::from_utf8_lossy(&field).into_owned());
                field.clear();
                if record_end {
                    rows.push(std::mem::take(&mut row));
                }
            }
            csv_core::ReadFieldResult::End => break,
        }
    }
    rows.retain(|r: &Vec<String>| !(r.len() == 1 && r[0].trim().is_empty()));
    rows
}

fn continue_end(
    rdr: &mut csv_core::Reader,
    out: &mut [u8],
    field: &mut Vec<u8>,
    row: &mut Vec<String>,
    rows: &mut Vec<Vec<String>>,
) {
    loop {
        let (res, _, nout) = rdr.read_field(&[], out);
        field.extend_from_slice(&out[..nout]);
        match res {
            csv_core::ReadFieldResult::Field { record_end } => {
                row.push(String::from_utf8_lossy(field).into_owned());
                field.clear();
                if record_end {
                    rows.push(std::mem::take(row));
                }
            }
            csv_core::ReadFieldResult::End => return,
            _ => {}
        }
    }
}

/// A cell Excel would evaluate as a formula (`=`, `+`, `-`, `@`, tab, CR at the start), made
/// literal with a leading apostrophe. Plain numbers (including negative ones) are left alone.
pub fn neutralise(cell: &str) -> String {
    let risky = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && cell.trim().parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Writes rows as CSV for Excel: UTF-8 byte-order mark, CRLF line ends, fields quoted when
/// they hold a comma, quote or line break (quotes doubled, RFC 4180), formula-like cells
/// neutralised.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let cell = neutralise(cell);
            if cell.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Why a row of a tallies CSV was not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum RowError {
    /// Fewer than five cells.
    TooFewCells,
    /// No catalog item of that name or id.
    UnknownItem {
        /// The cell.
        item: String,
    },
    /// No building, stairwell, road, pipe or point of that name.
    UnknownTarget {
        /// The cell.
        target: String,
    },
    /// The item cannot be placed there.
    WrongTarget {
        /// The item.
        item: String,
        /// The target.
        target: String,
    },
    /// A count is not a whole number of at least zero.
    NotACount {
        /// Which column (1-based).
        column: usize,
        /// The cell.
        value: String,
    },
}

/// One data row of a tallies CSV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyRow {
    /// Line number in the file (1-based, the header is line 1).
    pub line: usize,
    /// The cells as read.
    pub cells: Vec<String>,
    /// The matter and its tally, or why not.
    pub result: Result<(String, SurveyTally), RowError>,
}

/// Finds a target by its name or key: "整个小区" / "community", a building's name, "3号楼
/// 2单元", an area's, pipe's or point's name, or a key such as `stairwell:22`.
pub fn find_target(plan: &Plan, text: &str) -> Option<Target> {
    let t = text.trim();
    let c = &plan.community;
    if ["整个小区", "小区", "community", "whole community"].contains(&t.to_lowercase().as_str())
    {
        return Some(Target::Community);
    }
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let want = squash(t);
    for b in &c.buildings {
        if squash(&b.name) == want {
            return Some(Target::Building(b.id));
        }
        for s in &b.stairwells {
            if squash(&format!("{}{}", b.name, s.name)) == want
                || format!("stairwell:{}", s.id) == t
            {
                return Some(Target::Stairwell(s.id));
            }
        }
        if format!("building:{}", b.id) == t {
            return Some(Target::Building(b.id));
        }
    }
    let by_name = |name: &str, key: String| squash(name) == want || key == t;
    c.areas
        .iter()
        .find(|a| by_name(&a.name, format!("area:{}", a.id)))
        .map(|a| Target::Area(a.id))
        .or_else(|| {
            c.pipes
                .iter()
                .find(|p| by_name(&p.name, format!("pipe:{}", p.id)))
                .map(|p| Target::Pipe(p.id))
        })
        .or_else(|| {
            c.points
                .iter()
                .find(|p| by_name(&p.name, format!("point:{}", p.id)))
                .map(|p| Target::Point(p.id))
        })
}

fn is_header(row: &[String]) -> bool {
    row.iter().any(|c| {
        let c = c.trim().to_lowercase();
        ["项目", "item", "支持", "support"].contains(&c.as_str())
    })
}

/// A tallies CSV as read: its header row (if it has one) and its data rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TallyImport {
    /// The header row, as written.
    pub header: Option<Vec<String>>,
    /// The data rows, each checked.
    pub rows: Vec<TallyRow>,
}

impl TallyImport {
    /// How many rows can be imported and how many are refused.
    pub fn counts(&self) -> (usize, usize) {
        let ok = self.rows.iter().filter(|r| r.result.is_ok()).count();
        (ok, self.rows.len() - ok)
    }
}

/// Reads a tallies CSV with its header kept for the preview.
pub fn read_tallies(plan: &Plan, text: &str) -> TallyImport {
    let first = parse(text).into_iter().next();
    let header = first.filter(|r| is_header(r));
    TallyImport {
        header,
        rows: parse_tallies(plan, text),
    }
}

/// Reads survey tallies: columns item, target, support, oppose, no view (a header row is
/// recognised and skipped). Each row is checked on its own.
pub fn parse_tallies(plan: &Plan, text: &str) -> Vec<TallyRow> {
    let catalog = Catalog::with_edits(&plan.catalog);
    let rows = parse(text);
    let skip = usize::from(rows.first().is_some_and(|r| is_header(r)));
    rows.into_iter()
        .enumerate()
        .skip(skip)
        .map(|(i, cells)| {
            let result = (|| {
                if cells.len() < 5 {
                    return Err(RowError::TooFewCells);
                }
                let name = cells[0].trim();
                let item = catalog
                    .items
                    .iter()
                    .find(|it| {
                        it.id == name || it.name_zh == name || it.name_en.eq_ignore_ascii_case(name)
                    })
                    .ok_or_else(|| RowError::UnknownItem {
                        item: name.to_string(),
                    })?;
                let target =
                    find_target(plan, &cells[1]).ok_or_else(|| RowError::UnknownTarget {
                        target: cells[1].trim().to_string(),
                    })?;
                match check_target(&plan.community, item, target) {
                    Ok(()) => {}
                    Err(
                        TakeoffError::WrongTarget(_)
                        | TakeoffError::WrongKind(_)
                        | TakeoffError::MissingTarget,
                    ) => {
                        return Err(RowError::WrongTarget {
                            item: name.to_string(),
                            target: cells[1].trim().to_string(),
                        })
                    }
                }
                let count = |col: usize| -> Result<u32, RowError> {
                    let v = cells[col].trim();
                    let digits = crate::core::format::ascii_digits(v);
                    digits.parse::<u32>().map_err(|_| RowError::NotACount {
                        column: col + 1,
                        value: v.to_string(),
                    })
                };
                let tally = SurveyTally {
                    support: count(2)?,
                    oppose: count(3)?,
                    no_view: count(4)?,
                };
                Ok((format!("{}@{}", item.id, target.key()), tally))
            })();
            TallyRow {
                line: i + 1,
                cells,
                result,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::demo;

    #[test]
    fn parses_quotes_commas_and_newlines() {
        let rows = parse("a,\"b, c\",\"d \"\"e\"\"\"\r\n1,\"two\nlines\",3\n");
        assert_eq!(
            rows,
            vec![
                vec!["a".to_string(), "b, c".into(), "d \"e\"".into()],
                vec!["1".to_string(), "two\nlines".into(), "3".into()],
            ]
        );
        // A byte-order mark from Excel is skipped.
        assert_eq!(
            parse("\u{feff}x,y"),
            vec![vec!["x".to_string(), "y".into()]]
        );
    }

    #[test]
    fn writes_for_excel_and_neutralises_formulas() {
        let text = write(&[
            vec!["项目".into(), "金额".into()],
            vec!["=HYPERLINK(\"x\")".into(), "-12.5".into()],
            vec!["a,b".into(), "@sum".into()],
        ]);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("项目,金额\r\n"));
        assert!(
            text.contains("\"'=HYPERLINK(\"\"x\"\")\",-12.5\r\n"),
            "{text}"
        );
        assert!(text.contains("\"a,b\",'@sum\r\n"), "{text}");
        assert_eq!(parse(&text)[1][0], "'=HYPERLINK(\"x\")");
    }

    #[test]
    fn tallies_with_one_bad_row() {
        let plan = demo();
        let csv = "项目,位置,支持,反对,无意见\n加装电梯,2号楼 2单元,9,2,1\nelevator,主路,5,1,0\nroad_overlay,主路,40,x,3\nRoad overlay,西一支路,30,5,2\n";
        let rows = parse_tallies(&plan, csv);
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[0].result,
            Ok((
                "elevator@stairwell:22".into(),
                SurveyTally {
                    support: 9,
                    oppose: 2,
                    no_view: 1
                }
            ))
        );
        assert_eq!(rows[0].line, 2);
        assert!(matches!(rows[1].result, Err(RowError::WrongTarget { .. })));
        assert_eq!(
            rows[2].result,
            Err(RowError::NotACount {
                column: 4,
                value: "x".into()
            })
        );
        assert_eq!(
            rows[3].result.as_ref().map(|r| r.0.clone()),
            Ok("road_overlay@area:2".into())
        );
        let import = read_tallies(&plan, csv);
        assert_eq!(import.header.as_ref().map(|h| h[0].as_str()), Some("项目"));
        assert_eq!(import.counts(), (2, 2));
        // Tab-separated (Excel's "Unicode text") and semicolon-separated files read the same.
        let tabbed = csv.replace(',', "\t");
        assert_eq!(parse_tallies(&plan, &tabbed), rows);
        assert_eq!(parse_tallies(&plan, &csv.replace(',', ";")), rows);
        assert_eq!(sniff_delimiter("a,\"b\tc\",d"), b',');
        let none = parse_tallies(&plan, "gold,3号楼,1,2,3\n");
        assert_eq!(
            none[0].result,
            Err(RowError::UnknownItem {
                item: "gold".into()
            })
        );
        assert_eq!(none[0].line, 1);
    }
}
