//! Deadlines: when an activity's work is handed in, as its `calendar:` gives them.
//!
//! Part of the [model](super): dates as written (`YYYY-MM-DD`), checked by the checks to be real
//! days, in order, and either one day or a period; [`Deadline::days`] reads them once checked. No
//! wording, no clock.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::Date;

/// One hand-in of an activity: a day (`due`) or a period (`from` … `to`), for one year of study.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The year of study it is for (`M1`), when the activity is done in several.
    #[serde(default)]
    pub year: Option<String>,
    /// The day the work is due, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub due: Option<Spanned<String>>,
    /// The first day of the period it is handed in, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<Spanned<String>>,
    /// The last day of that period, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<Spanned<String>>,
    /// What is handed in, or where, in a few words.
    #[serde(default)]
    pub note: Option<String>,
}

impl Deadline {
    /// The first and last day (the same for a due date); `None` unless the deadline is a valid
    /// day or a valid period (the checks report the others).
    pub fn days(&self) -> Option<(Date, Date)> {
        let day = |value: &Option<Spanned<String>>| {
            value.as_ref().and_then(|d| Date::parse_iso(d.value.trim()))
        };
        match (&self.due, &self.from, &self.to) {
            (Some(_), None, None) => day(&self.due).map(|d| (d, d)),
            (None, Some(_), Some(_)) => {
                let (first, last) = (day(&self.from)?, day(&self.to)?);
                (first <= last).then_some((first, last))
            }
            _ => None,
        }
    }
}
