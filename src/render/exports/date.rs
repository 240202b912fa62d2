//! The dates the exports carry, taken from the content so that two builds of the same content give
//! the same bytes: the référentiel's `date:` (ISO `YYYY-MM-DD`), or else the `SOURCE_DATE_EPOCH` of
//! reproducible builds. It must never read the clock.

use crate::diagnostic::{Diagnostic, Diagnostics};
pub use crate::model::Date;
use crate::model::Referentiel;
use crate::msg;

/// An instant in UTC, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    date: Date,
    /// Seconds since midnight.
    seconds: u32,
}

impl DateTime {
    pub fn midnight(date: Date) -> DateTime {
        DateTime { date, seconds: 0 }
    }

    /// The instant `seconds` after 1970-01-01T00:00:00Z, when its year is between 0 and 9999.
    pub fn from_unix(seconds: i64) -> Option<DateTime> {
        let days = seconds.div_euclid(86_400);
        let in_day = u32::try_from(seconds.rem_euclid(86_400)).ok()?;
        let date = civil_from_days(days);
        (0..=9999).contains(&date.year).then_some(DateTime {
            date,
            seconds: in_day,
        })
    }

    /// RFC 3339, in UTC: `2011-02-03T00:00:00+00:00`.
    pub fn rfc3339(&self) -> String {
        format!(
            "{}T{:02}:{:02}:{:02}+00:00",
            self.date.iso(),
            self.seconds / 3600,
            self.seconds / 60 % 60,
            self.seconds % 60
        )
    }
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date { year, month, day }
}

/// The dates of one build.
#[derive(Debug, Clone, Copy)]
pub struct Dates {
    /// The référentiel's `date:`, when it is written and valid.
    pub date: Option<Date>,
    /// When the framework last changed (CASE's `lastChangeDateTime`): the référentiel's date at
    /// midnight UTC, or `SOURCE_DATE_EPOCH`; `None` when neither is known (the CASE export is then
    /// left out, and the reason reported).
    pub last_change: Option<DateTime>,
}

/// Reads the référentiel's date, falling back to `epoch` (the value of `SOURCE_DATE_EPOCH`). An
/// invalid date is a located error; no date at all a warning, since only the CASE export needs it.
pub fn resolve(
    referentiel: &Referentiel,
    epoch: Option<&str>,
    problems: &mut Diagnostics,
) -> Dates {
    if let Some(written) = &referentiel.date {
        return match Date::parse_iso(written.value.trim()) {
            Some(date) => Dates {
                date: Some(date),
                last_change: Some(DateTime::midnight(date)),
            },
            // An impossible date is the checks' to report; the exports then go without it.
            None => Dates {
                date: None,
                last_change: None,
            },
        };
    }
    let last_change = match epoch {
        Some(epoch) => match epoch
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(DateTime::from_unix)
        {
            Some(instant) => Some(instant),
            None => {
                problems.push(
                    Diagnostic::error(msg!("source-date-epoch-invalid", epoch = epoch))
                        .hint(msg!("source-date-epoch-invalid-hint")),
                );
                None
            }
        },
        None => {
            problems.push(
                Diagnostic::warning(msg!("date-missing"))
                    .in_file(&referentiel.source.path)
                    .hint(msg!("date-missing-hint")),
            );
            None
        }
    };
    Dates {
        date: None,
        last_change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_at_midnight_is_written_in_rfc_3339() {
        let date = Date::parse_iso("2011-02-03").unwrap();
        assert_eq!(
            DateTime::midnight(date).rfc3339(),
            "2011-02-03T00:00:00+00:00"
        );
    }

    fn referentiel(yaml: &str) -> Referentiel {
        let raw: crate::model::RawReferentiel = serde_saphyr::from_str(yaml).unwrap();
        let source = crate::diagnostic::SourceText::new("content/referentiel.yaml", yaml);
        Referentiel::new(raw, Vec::new(), false, source)
    }

    #[test]
    fn the_content_date_wins_and_an_invalid_one_is_left_to_the_checks() {
        let mut problems = Diagnostics::new();
        let dated = referentiel("name: R\ndate: \"2011-02-03\"\n");
        let dates = resolve(&dated, Some("0"), &mut problems);
        assert!(problems.is_empty());
        assert_eq!(dates.date.map(|d| d.iso()).as_deref(), Some("2011-02-03"));
        assert_eq!(
            dates.last_change.map(|d| d.rfc3339()).as_deref(),
            Some("2011-02-03T00:00:00+00:00")
        );

        let invalid = referentiel("name: R\ndate: 3 février 2011\n");
        let dates = resolve(&invalid, Some("0"), &mut problems);
        assert!(dates.date.is_none() && dates.last_change.is_none());
        assert!(problems.is_empty(), "the checks report it, once");
    }

    #[test]
    fn without_a_date_source_date_epoch_is_used_or_a_warning_given() {
        let undated = referentiel("name: R\n");
        let mut problems = Diagnostics::new();
        let dates = resolve(&undated, Some("1296691200"), &mut problems);
        assert!(problems.is_empty());
        assert!(dates.date.is_none());
        assert_eq!(
            dates.last_change.map(|d| d.rfc3339()).as_deref(),
            Some("2011-02-03T00:00:00+00:00")
        );

        let dates = resolve(&undated, Some("demain"), &mut problems);
        assert!(dates.last_change.is_none());
        assert_eq!(problems.error_count(), 1);

        let mut problems = Diagnostics::new();
        let dates = resolve(&undated, None, &mut problems);
        assert!(dates.last_change.is_none());
        assert_eq!((problems.error_count(), problems.warning_count()), (0, 1));
        let warning = problems.iter().next().unwrap();
        assert!(
            warning.message.english().contains("no `date:`"),
            "{}",
            warning.message.english()
        );
        assert_eq!(
            warning.location().as_deref(),
            Some("content/referentiel.yaml")
        );
    }

    #[test]
    fn unix_seconds_become_utc_date_times() {
        let at = |s| DateTime::from_unix(s).unwrap().rfc3339();
        assert_eq!(at(0), "1970-01-01T00:00:00+00:00");
        assert_eq!(at(1_296_691_200), "2011-02-03T00:00:00+00:00");
        assert_eq!(at(951_782_400 + 3_723), "2000-02-29T01:02:03+00:00");
        assert_eq!(at(-1), "1969-12-31T23:59:59+00:00");
        assert_eq!(DateTime::from_unix(i64::MAX), None);
    }
}
