//! The range of every number of the content format.
//!
//! Numbers size what livret makes (rows and writing lines of a fiche, bars of a chart), so an
//! absurd one would stall a build or exhaust memory: each is bounded, generously for real
//! handbooks. The bounds go into the content files' JSON Schemas, so a value out of its range is
//! refused while the file is read (and underlined in an editor). docs/content-format.md lists the
//! same ranges (a test keeps them equal).

/// A number of the content format: its key and its range (what it counts is said by the
/// catalogue's `range-hint`, by key).
pub struct Bound {
    pub key: &'static str,
    pub min: i64,
    pub max: i64,
}

/// `order` of activities and chapters.
pub const ORDER: Bound = Bound {
    key: "order",
    min: -1_000_000,
    max: 1_000_000,
};
/// `certification.required_total` (also at most the number of competencies, checked with the rule).
pub const REQUIRED_TOTAL: Bound = Bound {
    key: "required_total",
    min: 0,
    max: 10_000,
};
/// `certification.max_missing_per_domain`.
pub const MAX_MISSING: Bound = Bound {
    key: "max_missing_per_domain",
    min: 0,
    max: 10_000,
};
/// `certification.min_per_domain` and each of `certification.domain_minimums`.
pub const MINIMUM: Bound = Bound {
    key: "min_per_domain",
    min: 0,
    max: 10_000,
};
/// `lines` of a fiche field or table: a page holds about forty lines of handwriting.
pub const LINES: Bound = Bound {
    key: "lines",
    min: 1,
    max: 40,
};
/// `empty_rows` of a fiche table.
pub const EMPTY_ROWS: Bound = Bound {
    key: "empty_rows",
    min: 1,
    max: 200,
};
/// A cell of a data table (`values`).
pub const DATA_VALUE: Bound = Bound {
    key: "values",
    min: 0,
    max: 1_000_000_000,
};

/// Every bound, for the documentation test.
pub const BOUNDS: &[&Bound] = &[
    &ORDER,
    &REQUIRED_TOTAL,
    &MAX_MISSING,
    &MINIMUM,
    &LINES,
    &EMPTY_ROWS,
    &DATA_VALUE,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// 1000000 → « 1,000,000 », as the documentation writes numbers.
    fn grouped(number: i64) -> String {
        let digits = number.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(digit);
        }
        if number < 0 { format!("-{out}") } else { out }
    }

    #[test]
    fn the_documentation_gives_every_range() {
        let doc = include_str!("../../docs/content-format.md");
        let table = doc.split("## Numbers").nth(1).expect("a Numbers section");
        for bound in BOUNDS {
            let row = table
                .lines()
                .find(|l| l.starts_with(&format!("| `{}` |", bound.key)))
                .unwrap_or_else(|| panic!("no row for `{}`", bound.key));
            let range = format!("from {} to {}", grouped(bound.min), grouped(bound.max));
            assert!(
                row.contains(&range),
                "`{}`: {range:?} not in {row:?}",
                bound.key
            );
        }
    }
}
