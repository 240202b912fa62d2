//! The activities' calendars: each entry a real day (`due`) or a real period (`from` … `to`, in
//! that order), never both, never neither. Reads the model; renders nothing.

use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::model::{Date, Deadline, Model, span_of};
use crate::msg;

pub fn check_calendars(model: &Model, problems: &mut Diagnostics) {
    for activity in &model.activities {
        for entry in &activity.calendar {
            check_entry(&activity.source, entry, problems);
        }
    }
}

fn check_entry(source: &SourceText, entry: &Spanned<Deadline>, problems: &mut Diagnostics) {
    let deadline = &entry.value;
    let here = span_of(source, entry);
    let (due, from, to) = (&deadline.due, &deadline.from, &deadline.to);
    let shape = match (due, from, to) {
        (None, None, None) => Some((msg!("calendar-no-date"), msg!("calendar-no-date-hint"))),
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => Some((
            msg!("calendar-day-and-period"),
            msg!("calendar-day-and-period-hint"),
        )),
        (None, Some(_), None) => Some((
            msg!("calendar-half-period", given = "from", missing = "to"),
            msg!("calendar-half-period-hint"),
        )),
        (None, None, Some(_)) => Some((
            msg!("calendar-half-period", given = "to", missing = "from"),
            msg!("calendar-half-period-hint"),
        )),
        _ => None,
    };
    if let Some((message, hint)) = shape {
        problems.push(Diagnostic::error(message).at(here).hint(hint));
        return;
    }
    let days: Vec<Option<Date>> = [due, from, to]
        .into_iter()
        .flatten()
        .map(|date| check_date(source, date, problems))
        .collect();
    if let (Some(from), Some(to)) = (from, to)
        && let [Some(first), Some(last)] = days[..]
        && last < first
    {
        problems.push(
            Diagnostic::error(msg!(
                "calendar-reversed",
                from = &from.value,
                to = &to.value
            ))
            .at(span_of(source, to))
            .hint(msg!("calendar-reversed-hint")),
        );
    }
}

/// The day `date` names, or a located error.
fn check_date(
    source: &SourceText,
    date: &Spanned<String>,
    problems: &mut Diagnostics,
) -> Option<Date> {
    let day = Date::parse_iso(date.value.trim());
    if day.is_none() {
        problems.push(
            Diagnostic::error(msg!("calendar-date-invalid", date = &date.value))
                .at(span_of(source, date))
                .label(msg!("date-invalid-label"))
                .hint(msg!("calendar-date-invalid-hint")),
        );
    }
    day
}
