//! The range of every number of the content format, and the check that each number is in it.
//!
//! Numbers size what livret makes (rows and writing lines of a fiche, bars of a chart), so an
//! absurd one would stall a build or exhaust memory: each is bounded here, generously for real
//! handbooks, and an out-of-range value is a located error. docs/content-format.md lists the same
//! ranges (a test keeps them equal). Reads the model; changes nothing.

use std::ops::RangeInclusive;

use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, Span};
use crate::model::{FicheBlock, FicheModel, Model, span_of};

/// A number of the content format: its key, its range and what it counts.
pub struct Bound {
    pub key: &'static str,
    pub range: RangeInclusive<i64>,
    pub meaning: &'static str,
}

/// `order` of activities and chapters.
pub const ORDER: Bound = Bound {
    key: "order",
    range: -1_000_000..=1_000_000,
    meaning: "a position in the lists",
};
/// `certification.required_total` (also at most the number of competencies, checked with the rule).
pub const REQUIRED_TOTAL: Bound = Bound {
    key: "required_total",
    range: 0..=10_000,
    meaning: "the number of competencies to validate",
};
/// `certification.max_missing_per_domain`.
pub const MAX_MISSING: Bound = Bound {
    key: "max_missing_per_domain",
    range: 0..=10_000,
    meaning: "the non-validated competencies allowed per domain",
};
/// `lines` of a fiche field or table: a page holds about forty lines of handwriting.
pub const LINES: Bound = Bound {
    key: "lines",
    range: 1..=40,
    meaning: "the writing space, in lines",
};
/// `empty_rows` of a fiche table.
pub const EMPTY_ROWS: Bound = Bound {
    key: "empty_rows",
    range: 1..=200,
    meaning: "the number of empty rows",
};
/// A cell of a data table (`values`).
pub const DATA_VALUE: Bound = Bound {
    key: "values",
    range: 0..=1_000_000_000,
    meaning: "a count in a data table",
};

/// Every bound, for the documentation test.
pub const BOUNDS: &[&Bound] = &[
    &ORDER,
    &REQUIRED_TOTAL,
    &MAX_MISSING,
    &LINES,
    &EMPTY_ROWS,
    &DATA_VALUE,
];

pub fn check_ranges(model: &Model, problems: &mut Diagnostics) {
    let settings = &model.settings;
    let rule = &settings.certification;
    for (bound, value) in [
        (&REQUIRED_TOTAL, &rule.required_total),
        (&MAX_MISSING, &rule.max_missing_per_domain),
    ] {
        let span = span_of(&settings.source, value);
        check(bound, value.value.into(), || span, problems);
    }
    for activity in &model.activities {
        let order = &activity.order;
        check(
            &ORDER,
            order.value,
            || span_of(&activity.source, order),
            problems,
        );
        if let Some(fiche) = &activity.fiche {
            check_fiche(&activity.source, fiche, problems);
        }
    }
    for file in &model.fiches {
        check_fiche(&file.source, &file.fiche, problems);
    }
    for page in &model.pages {
        let order = &page.front.order;
        check(
            &ORDER,
            order.value,
            || located(&page.source, order, || page.source.span_at(1, 1)),
            problems,
        );
    }
    for table in &model.data {
        for row in table.groups.iter().flat_map(|g| &g.rows) {
            for value in row.values.value.iter().flatten() {
                let span = || span_of(&table.source, &row.values);
                check(
                    &DATA_VALUE,
                    (*value).try_into().unwrap_or(i64::MAX),
                    span,
                    problems,
                );
            }
        }
    }
}

fn check_fiche(source: &SourceText, fiche: &FicheModel, problems: &mut Diagnostics) {
    for block in &fiche.blocks {
        // A default value has no location of its own: the block's is used.
        let at_block = || span_of(source, block);
        let mut numbers: Vec<(&Bound, &Spanned<u32>)> = Vec::new();
        match &block.value {
            FicheBlock::Field(field) => numbers.push((&LINES, &field.lines)),
            FicheBlock::Table(table) => {
                numbers.push((&LINES, &table.lines));
                numbers.extend(table.empty_rows.as_ref().map(|rows| (&EMPTY_ROWS, rows)));
            }
            _ => {}
        }
        for (bound, value) in numbers {
            check(
                bound,
                value.value.into(),
                || located(source, value, at_block),
                problems,
            );
        }
    }
}

/// Where a value is written, or `fallback` for a default value (which has no location).
fn located<T>(source: &SourceText, value: &Spanned<T>, fallback: impl FnOnce() -> Span) -> Span {
    if value.referenced.line() > 0 {
        span_of(source, value)
    } else {
        fallback()
    }
}

fn check(bound: &Bound, value: i64, span: impl FnOnce() -> Span, problems: &mut Diagnostics) {
    if bound.range.contains(&value) {
        return;
    }
    let (min, max) = (bound.range.start(), bound.range.end());
    problems.push(
        Diagnostic::error(format!(
            "`{}` is {value}, out of its range: from {min} to {max}",
            bound.key
        ))
        .at(span())
        .hint(format!(
            "`{}` is {}: write a whole number from {min} to {max}",
            bound.key, bound.meaning
        )),
    );
}

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
            let range = format!(
                "from {} to {}",
                grouped(*bound.range.start()),
                grouped(*bound.range.end())
            );
            assert!(
                row.contains(&range),
                "`{}`: {range:?} not in {row:?}",
                bound.key
            );
        }
    }
}
