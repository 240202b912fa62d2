//! Calendar dates as the content writes them (`YYYY-MM-DD`), checked to be real days.
//!
//! Part of the [model](super): the référentiel's `date:` is one; the checks refuse an impossible
//! one and the exports carry it. No clock is ever read.

/// A calendar date, years 0 to 9999; ordered by time (its fields, in order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD`, rejecting impossible days (`2011-02-30`).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = bytes.get(range)?;
            if !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            std::str::from_utf8(part).ok()?.parse().ok()
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let date = Date {
            year: i64::from(digits(0..4)?),
            month: digits(5..7)?,
            day: digits(8..10)?,
        };
        let valid = (1..=12).contains(&date.month)
            && date.day >= 1
            && date.day <= days_in_month(date.year, date.month);
        valid.then_some(date)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The day after.
    pub fn next(&self) -> Date {
        let (mut year, mut month, mut day) = (self.year, self.month, self.day + 1);
        if day > days_in_month(year, month) {
            (day, month) = (1, month + 1);
            if month > 12 {
                (month, year) = (1, year + 1);
            }
        }
        Date { year, month, day }
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_day_crosses_months_years_and_leap_days() {
        let next = |text| Date::parse_iso(text).unwrap().next().iso();
        assert_eq!(next("2027-01-15"), "2027-01-16");
        assert_eq!(next("2027-01-31"), "2027-02-01");
        assert_eq!(next("2028-02-28"), "2028-02-29");
        assert_eq!(next("2027-02-28"), "2027-03-01");
        assert_eq!(next("2026-12-31"), "2027-01-01");
    }

    #[test]
    fn iso_dates_are_parsed_strictly() {
        let date = Date::parse_iso("2011-02-03").unwrap();
        assert_eq!(date.iso(), "2011-02-03");
        assert!(Date::parse_iso("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2011-13-01",
            "2011-00-10",
            "2011-1-3",
            "03/02/2011",
            "2011-02-03T00:00",
            "+011-02-03",
            "2011-02-3é",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }
}
