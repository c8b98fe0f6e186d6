//! How numbers are written for people: money in 元 and 万元 in Chinese, with thousands
//! separators in English; areas, lengths and percentages. Pure functions of the value and the
//! language, so the UI, the printable report and the command line all agree.

use super::money::Money;

use super::lang::Lang;

/// Turns full-width digits, point and minus (typed with a Chinese IME) into ASCII.
pub fn ascii_digits(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' => '-',
            _ => c,
        })
        .collect()
}

/// A place name as the user's language writes it: the names the planner generates (`3单元`,
/// `5号楼`) read `Stairwell 3` and `Building 5` in English and back in Chinese; every other
/// name, given by people, is shown as written.
pub fn place_name(name: &str, lang: Lang) -> String {
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let n = name.trim();
    match lang {
        Lang::En => {
            if let Some(k) = n.strip_suffix("单元").and_then(number) {
                return format!("Stairwell {k}");
            }
            if let Some(k) = n.strip_suffix("号楼").and_then(number) {
                return format!("Building {k}");
            }
        }
        Lang::Zh => {
            if let Some(k) = n.strip_prefix("Stairwell ").and_then(number) {
                return format!("{k}单元");
            }
            if let Some(k) = n.strip_prefix("Building ").and_then(number) {
                return format!("{k}号楼");
            }
        }
    }
    name.to_string()
}

/// A stairwell with its building: `1号楼 2单元`, `Building 1 · Stairwell 2`.
pub fn stairwell_label(building: &str, stairwell: &str, lang: Lang) -> String {
    let (b, s) = (place_name(building, lang), place_name(stairwell, lang));
    match lang {
        Lang::Zh => format!("{b} {s}"),
        Lang::En => format!("{b} · {s}"),
    }
}

/// Why a typed amount of money was not understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyInputError {
    /// Nothing was typed.
    Empty,
    /// Not an amount (letters, two decimal points, a misplaced separator…).
    NotAnAmount,
    /// Below zero.
    Negative,
    /// More than [`super::money::MAX_YUAN`].
    TooLarge,
}

/// Reads an amount of money as people type it, in yuan: `2500000`, `2,500,000`, `¥2,500,000`,
/// `2500000元`, `250万`, `250 万元`, `1.2亿`, with full-width digits and the Chinese comma
/// (，) as typed with an IME. Thousands separators must group three digits. Rounds to the fen.
pub fn parse_money(text: &str) -> Result<Money, MoneyInputError> {
    let s: String = ascii_digits(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '，' { ',' } else { c })
        .collect();
    let s = s
        .trim_start_matches(['¥', '￥'])
        .trim_start_matches("RMB")
        .trim_end_matches('元');
    if s.is_empty() {
        return Err(MoneyInputError::Empty);
    }
    let (digits, scale) = if let Some(d) = s.strip_suffix('亿') {
        (d, 100_000_000u32)
    } else if let Some(d) = s.strip_suffix('万') {
        (d, 10_000)
    } else {
        (s, 1)
    };
    let (negative, digits) = match digits.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, digits),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, f),
        None => (digits, ""),
    };
    // Thousands separators: every group after the first has exactly three digits.
    let groups: Vec<&str> = int.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let int: String = groups.concat();
    if !grouped_ok
        || (int.is_empty() && frac.is_empty())
        || !int.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(MoneyInputError::NotAnAmount);
    }
    // Exact decimal arithmetic in fen: int × scale × 100 + frac × scale × 100 / 10^len.
    let int_v: i128 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| MoneyInputError::TooLarge)?
    };
    let frac = if frac.len() > 12 { &frac[..12] } else { frac };
    let frac_v: i128 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| MoneyInputError::NotAnAmount)?
    };
    let den = 10i128.pow(frac.len() as u32);
    let unit = i128::from(scale) * 100;
    let fen = int_v.checked_mul(unit).ok_or(MoneyInputError::TooLarge)?
        + (frac_v * unit * 2 + den) / (2 * den);
    if fen > i128::from(super::money::MAX_YUAN) * 100 {
        return Err(MoneyInputError::TooLarge);
    }
    if negative && fen != 0 {
        return Err(MoneyInputError::Negative);
    }
    Ok(Money(fen as i64))
}

/// Groups the digits of `n` in threes with commas: `1234567` → `1,234,567`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The exact amount: `¥39,000`, or `¥39,000.45` when there are fen. Same in both languages.
pub fn money_exact(m: Money) -> String {
    let sign = if m.0 < 0 { "-" } else { "" };
    let a = m.0.unsigned_abs();
    let (y, f) = (a / 100, a % 100);
    if f == 0 {
        format!("{sign}¥{}", group_thousands(y))
    } else {
        format!("{sign}¥{}.{f:02}", group_thousands(y))
    }
}

/// A compact amount for summaries. Chinese: `¥48.0万` from 100 000 yuan, `¥1.23亿` from 10^8,
/// else exact whole yuan. English: whole yuan with thousands separators (`¥480,000`).
/// Rounded to the shown digit, halves away from zero.
pub fn money_compact(m: Money, lang: Lang) -> String {
    let sign = if m.0 < 0 { "-" } else { "" };
    let fen = m.0.unsigned_abs();
    match lang {
        Lang::Zh if fen >= 10_000_000_000 => {
            // 亿 with two decimals: units of 10^6 yuan = 10^8 fen.
            let v = (fen + 50_000_000) / 100_000_000;
            format!("{sign}¥{}.{:02}亿", v / 100, v % 100)
        }
        Lang::Zh if fen >= 10_000_000 => {
            // 万 with one decimal: units of 1000 yuan = 100 000 fen.
            let v = (fen + 50_000) / 100_000;
            format!("{sign}¥{}.{}万", group_thousands(v / 10), v % 10)
        }
        _ => {
            let y = (fen + 50) / 100;
            format!("{sign}¥{}", group_thousands(y))
        }
    }
}

/// A number with `decimals` places, thousands grouped: `1,234.5`.
pub fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let grouped = group_thousands(int.parse().unwrap_or(0));
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A quantity with its unit, as a bill of quantities shows it: thousands separators, whole
/// numbers without decimals, others to the fen-like two places; English names in the plural
/// for any count but one. `1,188.96 m²`, `6 buildings`, `1 elevator`, `6 栋`.
pub fn quantity(value: f64, unit: super::catalog::Unit, lang: Lang) -> String {
    let whole = (value - value.round()).abs() < 0.005;
    let v = number(value, if whole { 0 } else { 2 });
    let name = match lang {
        Lang::Zh => unit.names().0,
        Lang::En if whole && value.round() == 1.0 => unit.names().1,
        Lang::En => unit.english_plural(),
    };
    format!("{v} {name}")
}

/// Basis points as a percentage: `1250` → `12.5%`.
pub fn percent_bp(bp: u32) -> String {
    if bp.is_multiple_of(100) {
        format!("{}%", bp / 100)
    } else if bp.is_multiple_of(10) {
        format!("{}.{}%", bp / 100, (bp % 100) / 10)
    } else {
        format!("{}.{:02}%", bp / 100, bp % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_uses_wan_and_yi() {
        assert_eq!(money_compact(Money::yuan(480_000), Lang::Zh), "¥48.0万");
        assert_eq!(money_compact(Money::yuan(39_000), Lang::Zh), "¥39,000");
        assert_eq!(money_compact(Money::yuan(317_330_000), Lang::Zh), "¥3.17亿");
        assert_eq!(
            money_compact(Money::yuan(12_345_678), Lang::Zh),
            "¥1,234.6万"
        );
        assert_eq!(money_compact(Money::yuan(-480_000), Lang::Zh), "-¥48.0万");
    }

    #[test]
    fn english_groups_thousands() {
        assert_eq!(money_compact(Money::yuan(480_000), Lang::En), "¥480,000");
        assert_eq!(money_exact(Money(3_900_045)), "¥39,000.45");
        assert_eq!(money_exact(Money::yuan(999)), "¥999");
    }

    #[test]
    fn quantities_carry_their_unit_in_the_plural_where_english_needs_it() {
        use crate::core::catalog::Unit;
        assert_eq!(
            quantity(1188.96, Unit::SquareMetre, Lang::En),
            "1,188.96 m²"
        );
        assert_eq!(quantity(1189.0, Unit::SquareMetre, Lang::Zh), "1,189 m²");
        assert_eq!(quantity(6.0, Unit::Building, Lang::En), "6 buildings");
        assert_eq!(quantity(6.0, Unit::Building, Lang::Zh), "6 栋");
        assert_eq!(quantity(1.0, Unit::Elevator, Lang::En), "1 elevator");
        assert_eq!(quantity(160.0, Unit::Household, Lang::En), "160 households");
        assert_eq!(quantity(0.5, Unit::Community, Lang::En), "0.50 communities");
        assert_eq!(quantity(0.0, Unit::Piece, Lang::En), "0 pieces");
        assert_eq!(group_thousands(1_000), "1,000");
        assert_eq!(group_thousands(100), "100");
    }

    #[test]
    fn generated_place_names_follow_the_language() {
        assert_eq!(place_name("3单元", Lang::En), "Stairwell 3");
        assert_eq!(place_name("5号楼", Lang::En), "Building 5");
        assert_eq!(place_name("Building 5", Lang::Zh), "5号楼");
        assert_eq!(place_name("Stairwell 12", Lang::Zh), "12单元");
        assert_eq!(place_name("3单元", Lang::Zh), "3单元");
        // Names people gave stay as written.
        assert_eq!(place_name("Block A", Lang::Zh), "Block A");
        assert_eq!(place_name("东单元", Lang::En), "东单元");
        assert_eq!(place_name("主路", Lang::En), "主路");
        assert_eq!(
            stairwell_label("Block A", "1单元", Lang::En),
            "Block A · Stairwell 1"
        );
        assert_eq!(stairwell_label("2号楼", "1单元", Lang::Zh), "2号楼 1单元");
    }

    #[test]
    fn money_is_read_as_people_type_it() {
        let m = Ok(Money::yuan(2_500_000));
        for t in [
            "250万",
            "250 万元",
            "¥2,500,000",
            "￥2,500,000元",
            "2,500,000",
            "2500000",
            "２５０万",
            "2，500，000",
            "0.025亿",
        ] {
            assert_eq!(parse_money(t), m, "{t}");
        }
        assert_eq!(parse_money("48.5万"), Ok(Money::yuan(485_000)));
        assert_eq!(parse_money("1,234.56"), Ok(Money(123_456)));
        assert_eq!(
            parse_money("0.005"),
            Ok(Money(1)),
            "rounds to the fen, halves up"
        );
        assert_eq!(parse_money("1.2亿"), Ok(Money::yuan(120_000_000)));
        assert_eq!(parse_money(""), Err(MoneyInputError::Empty));
        assert_eq!(parse_money("¥"), Err(MoneyInputError::Empty));
        for t in ["25,00,000", "2.5.0", "abc", "2,5", ",250", "250万万", "1e6"] {
            assert_eq!(parse_money(t), Err(MoneyInputError::NotAnAmount), "{t}");
        }
        assert_eq!(parse_money("-5"), Err(MoneyInputError::Negative));
        assert_eq!(
            parse_money("2000000000000000"),
            Err(MoneyInputError::TooLarge)
        );
        assert_eq!(
            parse_money("99999999999999999999999999999999999999999"),
            Err(MoneyInputError::TooLarge)
        );
    }

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(number(1234.56, 1), "1,234.6");
        assert_eq!(number(-0.01, 1), "0.0");
        assert_eq!(number(-12.6, 0), "-13");
        assert_eq!(percent_bp(1000), "10%");
        assert_eq!(percent_bp(1250), "12.5%");
        assert_eq!(percent_bp(1234), "12.34%");
    }

    #[test]
    fn language_from_browser_tag() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH-tw"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
    }
}
