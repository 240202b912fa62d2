//! The activities' deadlines: as views for the pages (each activity's, and every one in date
//! order for a calendar page), and as an iCalendar file (RFC 5545) that readers add to their
//! phone's calendar, written with the `icalendar` crate.
//!
//! Reads the model (deadlines the checks let through); writes nothing but its output file. The
//! file is the same for the same content: every stamp comes from the dates, never from a clock.

use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use serde::Serialize;

use super::OutputFile;
use super::paths::Paths;
use super::typography;
use super::views::Link;
use crate::model::{Activity, Date, Deadline, Model};

/// A day, for templates to write in words (`day`, `month` 1–12, `year`) and in `<time>` (`iso`).
#[derive(Debug, Clone, Serialize)]
pub struct DayView {
    pub iso: String,
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl From<Date> for DayView {
    fn from(date: Date) -> Self {
        DayView {
            iso: date.iso(),
            year: date.year,
            month: date.month,
            day: date.day,
        }
    }
}

/// One hand-in: its activity, the year of study, its day (`last` is none) or period, and a note.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineView {
    pub activity: Link,
    pub year: Option<String>,
    pub first: DayView,
    pub last: Option<DayView>,
    pub note: Option<String>,
}

/// The deadlines of `activity`, in the order written (a deadline the checks refused is left out).
pub fn activity_deadlines(paths: &Paths, activity: &Activity) -> Vec<DeadlineView> {
    let link = Link {
        title: activity.title.clone(),
        path: paths.activity(&activity.slug.value),
    };
    activity
        .calendar
        .iter()
        .filter_map(|entry| {
            let deadline = &entry.value;
            let (first, last) = deadline.days()?;
            Some(DeadlineView {
                activity: link.clone(),
                year: deadline.year.clone(),
                first: first.into(),
                last: (last != first).then(|| last.into()),
                note: deadline.note.clone(),
            })
        })
        .collect()
}

/// Every deadline of the handbook, by first day (activities in their order on the same day).
pub fn deadlines(model: &Model) -> Vec<DeadlineView> {
    let paths = Paths::of(&model.settings.language);
    let mut all: Vec<DeadlineView> = model
        .activities
        .iter()
        .flat_map(|activity| activity_deadlines(paths, activity))
        .collect();
    all.sort_by(|a, b| a.first.iso.cmp(&b.first.iso));
    all
}

/// The iCalendar file of every deadline, or none without one: an all-day event per deadline
/// (`DTEND` the day after the last, as RFC 5545 wants), named after its activity, its year of
/// study and its note, with the activity's address when the settings give the site's.
pub fn ics(model: &Model) -> Option<OutputFile> {
    let settings = &model.settings;
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//livret//livret//FR"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(&text(
            model,
            settings.short_title.as_deref().unwrap_or(&settings.title),
        ));
    let mut events = 0;
    for activity in &model.activities {
        for (index, entry) in activity.calendar.iter().enumerate() {
            if let Some(days) = entry.value.days() {
                calendar.push(event(model, activity, (index, &entry.value), days));
                events += 1;
            }
        }
    }
    let path = &Paths::of(&model.settings.language).calendar;
    (events > 0).then(|| OutputFile::new(path, calendar.done().to_string().into_bytes()))
}

/// The event of `activity`'s deadline (its position in the activity's calendar, and itself).
fn event(
    model: &Model,
    activity: &Activity,
    (index, deadline): (usize, &Deadline),
    (first, last): (Date, Date),
) -> Event {
    let mut summary = activity.title.clone();
    if let Some(year) = &deadline.year {
        summary.push_str(&format!(" ({year})"));
    }
    if let Some(note) = &deadline.note {
        summary.push_str(&format!(" – {note}"));
    }
    let day = |date: Date| {
        NaiveDate::from_ymd_opt(date.year as i32, date.month, date.day).expect("a checked date")
    };
    let start = day(first);
    let mut event = Event::new();
    event
        .uid(&format!("{}-{}@livret", activity.slug.value, index + 1))
        // A stamp from the content, not the clock: the same content gives the same file.
        .timestamp(Utc.from_utc_datetime(&start.and_hms_opt(0, 0, 0).expect("midnight")))
        .starts(start)
        .ends(day(last.next()))
        .summary(&text(model, &summary))
        .description(&text(model, &activity.summary));
    if let Some(base) = model.settings.base_url.as_ref() {
        let base = base.value.trim_end_matches('/');
        let path = Paths::of(&model.settings.language).activity(&activity.slug.value);
        event.url(&format!("{base}/{path}"));
    }
    event.done()
}

/// `content` with the language's typography, as the pages write it.
fn text(model: &Model, content: &str) -> String {
    typography::apply(&model.settings.language, content).into_owned()
}
