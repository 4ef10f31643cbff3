"""An independent reader of our .ics files: Debian's python3-icalendar (with pytz's
copy of the IANA database) parses the file and prints what a calendar app would show,
as JSON, for crates/core/tests/ics_oracle.rs to compare against hand-computed values.

Usage: /usr/bin/python3 read_calendar.py FILE.ics
Prints {"events": [...], "zone_checks": N}; exits 1 on anything unreadable.
"""
import datetime
import json
import sys

import pytz
from dateutil import rrule
from icalendar import Calendar

UTC = pytz.utc


def iso(value):
    """A date as YYYY-MM-DD; an instant in UTC as YYYY-MM-DDTHH:MM:SSZ."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise SystemExit("floating time (no zone): %r" % value)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def check_zone(cal):
    """Each VTIMEZONE rule, expanded by dateutil, switches exactly when pytz says
    (pytz's table ends in 2037)."""
    checks = 0
    for tz in cal.walk("VTIMEZONE"):
        zone = pytz.timezone(str(tz["TZID"]))
        for part in tz.subcomponents:
            start = part.decoded("DTSTART")
            before = part.decoded("TZOFFSETFROM")
            after = part.decoded("TZOFFSETTO")
            rule = rrule.rrulestr(part["RRULE"].to_ical().decode(), dtstart=start)
            for local in rule.between(datetime.datetime(2024, 1, 1), datetime.datetime(2037, 1, 1)):
                instant = UTC.localize(local - before)
                one_second = datetime.timedelta(seconds=1)
                got_before = (instant - one_second).astimezone(zone).utcoffset()
                got_after = instant.astimezone(zone).utcoffset()
                if (got_before, got_after) != (before, after):
                    raise SystemExit("zone rule wrong at %s: %s->%s, IANA %s->%s"
                                     % (local, before, after, got_before, got_after))
                checks += 1
    return checks


def main(path):
    with open(path, "rb") as f:
        cal = Calendar.from_ical(f.read())
    events = []
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        alarms = []
        for alarm in ev.walk("VALARM"):
            trigger = alarm.decoded("TRIGGER")
            if isinstance(trigger, datetime.timedelta):
                if not isinstance(start, datetime.datetime):
                    raise SystemExit("relative alarm on an all-day event")
                trigger = start + trigger
            alarms.append({"at": iso(trigger), "action": str(alarm["ACTION"]),
                           "description": str(alarm["DESCRIPTION"])})
        events.append({
            "uid": str(ev["UID"]),
            "summary": str(ev["SUMMARY"]),
            "description": str(ev["DESCRIPTION"]),
            "all_day": not isinstance(start, datetime.datetime),
            "start": iso(start),
            "end": iso(end),
            "alarms": sorted(alarms, key=lambda a: a["at"]),
        })
    print(json.dumps({"events": events, "zone_checks": check_zone(cal)}))


if __name__ == "__main__":
    main(sys.argv[1])
