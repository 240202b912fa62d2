"""Checks livret's iCalendar file with an independent parser (Python's icalendar).

The file must parse, be a VCALENDAR of version 2.0 with a PRODID, and hold exactly one all-day
VEVENT per entry of the activities' `calendar:` (as written in their YAML): its UID unique, its
DTSTART the first day, its DTEND the day after the last (RFC 5545: the end is exclusive), its
SUMMARY naming the activity. Without any `calendar:` there must be no file.

Usage: python3 scripts/check_calendar.py SITE_DIR CONTENT_DIR
Exits 1 with the list of problems when any check fails.
"""

import datetime
import glob
import os
import sys

import icalendar
import yaml


def expected_events(content):
    """(activity title, first day, last day) of every calendar entry."""
    events = []
    for path in sorted(glob.glob(os.path.join(content, "activities", "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            activity = yaml.safe_load(f)
        for entry in activity.get("calendar") or []:
            first = entry.get("due") or entry.get("from")
            last = entry.get("due") or entry.get("to")
            day = lambda value: datetime.date.fromisoformat(str(value))
            events.append((activity["title"], day(first), day(last)))
    return events


def main(site, content):
    problems = []
    expected = expected_events(content)
    path = os.path.join(site, "calendrier.ics")
    if not expected:
        if os.path.exists(path):
            problems.append(f"{path}: a calendar file without any deadline")
    else:
        with open(path, "rb") as f:
            calendar = icalendar.Calendar.from_ical(f.read())
        if calendar.get("VERSION") != "2.0" or not calendar.get("PRODID"):
            problems.append(f"{path}: no VERSION 2.0 or no PRODID")
        events = [c for c in calendar.walk() if c.name == "VEVENT"]
        uids = [str(e.get("UID")) for e in events]
        if len(set(uids)) != len(uids):
            problems.append(f"{path}: UIDs repeat: {uids}")
        found = []
        for event in events:
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            if isinstance(start, datetime.datetime) or isinstance(end, datetime.datetime):
                problems.append(f"{path}: {event.get('SUMMARY')} is not an all-day event")
                continue
            if not event.get("DTSTAMP"):
                problems.append(f"{path}: {event.get('SUMMARY')} has no DTSTAMP")
            found.append((str(event.get("SUMMARY")), start, end - datetime.timedelta(days=1)))
        for title, first, last in expected:
            match = [f for f in found if f[1] == first and f[2] == last
                     and f[0].replace("\u2019", "'").startswith(title.replace("\u2019", "'"))]
            if len(match) != 1:
                problems.append(f"{path}: no single event for {title!r} {first}–{last}")
        if len(found) != len(expected):
            problems.append(f"{path}: {len(found)} events for {len(expected)} calendar entries")
        print(f"check_calendar: {len(found)} events parsed by icalendar {icalendar.__version__}")
    for problem in problems:
        print("check_calendar:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
