//! The plain-language sentences for to-dos (Dutch B1 first, English too), and the short
//! calendar titles.
//!
//! Deadlines are written out with the weekday ("dinsdag 14 april 2026", as the deadline
//! engine writes them): a bare number is easy to misread when anxious. The entry a
//! to-do comes from is named by its date without weekday ("het besluit van 3 maart
//! 2026"), so the two dates in one sentence look different.

use chrono::{NaiveDate, NaiveTime};

use super::model::{Todo, TodoKind, TodoState};
use crate::deadline::{long_date_en, long_date_nl, Calendar, DayOff, KnownDate};
use crate::lang::Lang;

/// Longer titles are cut: the sentence must stay one readable line.
const MAX_TITLE_CHARS: usize = 80;

/// The sentence the home view shows for a to-do, in plain Dutch (B1), e.g. "Bezwaar
/// maken tegen het besluit van 3 maart 2026: uiterlijk dinsdag 14 april 2026. Advies:
/// verstuur vóór dinsdag 7 april 2026." Appointments and follow-ups quote the entry's
/// title, also for medical entries: these sentences are for the in-app view only
/// (notifications use generic text, the calendar export [`sentence`] with `private`).
pub fn sentence_nl(todo: &Todo) -> String {
    sentence(todo, Lang::Nl, false)
}

/// The same sentence in plain English.
pub fn sentence_en(todo: &Todo) -> String {
    sentence(todo, Lang::En, false)
}

/// The sentence in `lang`; with `private`, a medical entry's title is left out.
pub(crate) fn sentence(todo: &Todo, lang: Lang, private: bool) -> String {
    let w = Words {
        lang,
        entry: short_date(todo.entry_date, lang),
        due: long_date(todo.due_on, lang),
        act: long_date(todo.act_by, lang),
        title: if private && todo.medical {
            None
        } else {
            Some(quoted(&todo.entry_title))
        },
    };
    match todo.kind {
        TodoKind::Objection | TodoKind::Appeal => period(todo, &w),
        TodoKind::Reply | TodoKind::Repair => letter(todo, &w),
        TodoKind::Appointment => appointment(todo, &w),
        TodoKind::FollowUp => follow_up(todo, &w),
        TodoKind::DecisionDue => decision_due(todo, &w),
    }
}

/// The short title of a calendar event on `date` (the act-by date or, for objection
/// and appeal, the legal last day). Medical entries get a neutral one.
pub(crate) fn summary(todo: &Todo, date: NaiveDate, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let last_day = date == todo.due_on && date != todo.act_by;
    let pick = |n: &str, e: &str| if nl { n.to_string() } else { e.to_string() };
    let titled = |n: &str, e: &str, private_n: &str, private_e: &str| {
        if todo.medical {
            pick(private_n, private_e)
        } else {
            format!("{}: {}", pick(n, e), squeeze(&todo.entry_title))
        }
    };
    match (todo.kind, last_day) {
        (TodoKind::Objection, false) => pick(
            "Bezwaar maken: advies verstuurdatum",
            "Objection: advised send-by date",
        ),
        (TodoKind::Objection, true) => pick("Bezwaar maken: laatste dag", "Objection: last day"),
        (TodoKind::Appeal, false) => pick(
            "In beroep gaan: advies verstuurdatum",
            "Appeal: advised send-by date",
        ),
        (TodoKind::Appeal, true) => pick("In beroep gaan: laatste dag", "Appeal: last day"),
        (TodoKind::Reply, _) => pick("Reageren op brief", "Reply to letter"),
        (TodoKind::Repair, _) => pick(
            "Papieren opsturen (hersteltermijn)",
            "Send papers (repair period)",
        ),
        (TodoKind::Appointment, _) => titled(
            "Afspraak",
            "Appointment",
            "Afspraak (privé)",
            "Appointment (private)",
        ),
        (TodoKind::FollowUp, _) => titled(
            "Terugkomen op",
            "Follow up",
            "Terugkomen op (privé)",
            "Follow up (private)",
        ),
        (TodoKind::DecisionDue, _) => pick(
            "WPI moet beslissen op uw bezwaar",
            "WPI must decide on your objection",
        ),
    }
}

/// The parts every sentence is made of.
struct Words {
    lang: Lang,
    /// The entry's own date, short.
    entry: String,
    due: String,
    act: String,
    /// The quoted title, or `None` when it must not be shown.
    title: Option<String>,
}

impl Words {
    fn nl(&self) -> bool {
        self.lang == Lang::Nl
    }

    fn pick(&self, nl: String, en: String) -> String {
        if self.nl() {
            nl
        } else {
            en
        }
    }
}

fn long_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Nl => long_date_nl(d),
        Lang::En => long_date_en(d),
    }
}

/// "3 maart 2026": the engine's long date without its weekday, so both stay one format.
fn short_date(d: NaiveDate, lang: Lang) -> String {
    let long = long_date(d, lang);
    match long.split_once(' ') {
        Some((_weekday, rest)) => rest.to_string(),
        None => long,
    }
}

/// The title on one line (no newlines or runs of spaces), cut to a readable length.
fn squeeze(title: &str) -> String {
    let one_line = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_TITLE_CHARS {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX_TITLE_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The title in quotes, so it reads as the user's own words and not as advice.
fn quoted(title: &str) -> String {
    format!("“{}”", squeeze(title))
}

fn time_of(t: Option<NaiveTime>, lang: Lang) -> String {
    match t {
        Some(t) if lang == Lang::Nl => format!(" om {}", t.format("%H:%M")),
        Some(t) => format!(" at {}", t.format("%H:%M")),
        None => String::new(),
    }
}

/// Objection and appeal: the legal last day, the advised send-by date, and from which
/// date the period was counted when it was not the send date.
fn period(todo: &Todo, w: &Words) -> String {
    let (entry, due, act) = (&w.entry, &w.due, &w.act);
    let objection = todo.kind == TodoKind::Objection;
    let note = match (todo.counted_from, w.nl()) {
        (Some(KnownDate::LetterDated(_)), true) => " (berekend vanaf de datum op de brief)",
        (Some(KnownDate::Received(_)), true) => " (berekend vanaf de dag dat u de brief kreeg)",
        (Some(KnownDate::LetterDated(_)), false) => " (counted from the date on the letter)",
        (Some(KnownDate::Received(_)), false) => " (counted from the day you received the letter)",
        _ => "",
    };
    let (what_nl, what_en) = if objection {
        (
            format!("Bezwaar maken tegen het besluit van {entry}"),
            format!("Object to the decision of {entry}"),
        )
    } else {
        (
            format!("In beroep gaan bij de rechtbank tegen de beslissing op bezwaar van {entry}"),
            format!("Appeal to the court against the decision on your objection of {entry}"),
        )
    };
    match todo.state {
        TodoState::Open => {
            // Past the advised date the law may still allow a few days: say "today".
            let advice = match (todo.days_left > 0, objection) {
                (true, _) => w.pick(
                    format!("Advies: verstuur vóór {act}."),
                    format!("Advice: send it before {act}."),
                ),
                (false, true) => w.pick(
                    "Verstuur uw bezwaar vandaag nog, aangetekend of met een ontvangstbewijs."
                        .into(),
                    "Send your objection today, by registered post or with a dated receipt.".into(),
                ),
                (false, false) => w.pick(
                    "Stuur uw beroepschrift vandaag nog naar de rechtbank.".into(),
                    "Send your appeal to the court today.".into(),
                ),
            };
            w.pick(
                format!("{what_nl}: uiterlijk {due}{note}. {advice}"),
                format!("{what_en}: by {due} at the latest{note}. {advice}"),
            )
        }
        TodoState::Missed => {
            let (period_nl, period_en) = if objection {
                (
                    format!("De bezwaartermijn voor het besluit van {entry}"),
                    format!("The period to object to the decision of {entry}"),
                )
            } else {
                (
                    format!("De beroepstermijn voor de beslissing op bezwaar van {entry}"),
                    format!(
                        "The period to appeal against the decision on your objection of {entry}"
                    ),
                )
            };
            // Awb 6:11: a late objection or appeal is still heard when the lateness is
            // excusable, so the sentence says what to do now instead of "too late".
            let (send_nl, send_en) = if objection {
                (
                    "stuur toch nog een bezwaarschrift",
                    "send an objection anyway",
                )
            } else {
                ("stuur toch nog een beroepschrift", "send an appeal anyway")
            };
            w.pick(
                format!(
                    "{period_nl} is voorbij: de laatste dag was {due}. Wat u nog kunt doen: \
                     {send_nl}, zo snel mogelijk, en schrijf erin waarom u te laat bent \
                     (bijvoorbeeld ziekte, of dat de brief later kwam). Is dat een goede \
                     reden, dan moet het toch behandeld worden (Awb artikel 6:11). Hulp nu: \
                     het Juridisch Loket (0900-8020, gratis) of het spreekuur van de \
                     Bijstandsbond."
                ),
                format!(
                    "{period_en} is over: the last day was {due}. What you can still do: \
                     {send_en}, as soon as you can, and write in it why you are late (for \
                     example illness, or the letter came late). If that is a good reason, it \
                     must still be dealt with (General Administrative Law Act, article \
                     6:11). Help now: the Juridisch Loket (legal aid desk, 0900-8020, free) \
                     or the walk-in hour of the Bijstandsbond."
                ),
            )
        }
        TodoState::Done { .. } if objection => w.pick(
            format!("Bezwaar gemaakt tegen het besluit van {entry}."),
            format!("Objection made against the decision of {entry}."),
        ),
        TodoState::Done { .. } => w.pick(
            format!("In beroep gegaan tegen de beslissing op bezwaar van {entry}."),
            format!("Appeal made against the decision on your objection of {entry}."),
        ),
        TodoState::NotNeeded if objection => w.pick(
            format!("Geen bezwaar nodig tegen het besluit van {entry}."),
            format!("No objection needed against the decision of {entry}."),
        ),
        TodoState::NotNeeded => w.pick(
            format!("Geen beroep nodig tegen de beslissing op bezwaar van {entry}."),
            format!("No appeal needed against the decision on your objection of {entry}."),
        ),
    }
}

/// Why the written date is a day off, as a warning to act earlier (never moved).
fn day_off_warning(todo: &Todo, w: &Words) -> String {
    if !todo.on_day_off {
        return String::new();
    }
    let off = Calendar::netherlands()
        .ok()
        .and_then(|c| c.day_off(todo.due_on));
    let weekend = matches!(off, Some(DayOff::Saturday | DayOff::Sunday));
    let act_nl = if todo.kind == TodoKind::Reply {
        "reageer"
    } else {
        "stuur"
    };
    let act_en = if todo.kind == TodoKind::Reply {
        "reply"
    } else {
        "send"
    };
    match (weekend, w.nl()) {
        (true, true) => format!(" Die dag valt in het weekend: {act_nl} eerder."),
        (false, true) => format!(" Die dag is een feestdag: {act_nl} eerder."),
        (true, false) => format!(" That day is in the weekend: {act_en} earlier."),
        (false, false) => format!(" That day is a public holiday: {act_en} earlier."),
    }
}

/// Reply-by and repair dates, exactly as the letter writes them.
fn letter(todo: &Todo, w: &Words) -> String {
    let (entry, due) = (&w.entry, &w.due);
    let reply = todo.kind == TodoKind::Reply;
    let warn = day_off_warning(todo, w);
    match (todo.state, reply) {
        (TodoState::Open, true) => w.pick(
            format!(
                "Reageren op de brief van {entry}: vóór {due} (zo staat het in de brief).{warn}"
            ),
            format!("Reply to the letter of {entry}: before {due} (as the letter says).{warn}"),
        ),
        (TodoState::Open, false) => w.pick(
            format!(
                "Papieren opsturen voor de hersteltermijn van de brief van {entry}: uiterlijk \
                 {due} (zo staat het in de brief).{warn}"
            ),
            format!(
                "Send the papers for the repair period in the letter of {entry}: by {due} at \
                 the latest (as the letter says).{warn}"
            ),
        ),
        (TodoState::Missed, true) => w.pick(
            format!(
                "Reageren op de brief van {entry}: de datum {due} is voorbij. Reageer zo snel \
                 mogelijk en vraag zo nodig hulp aan het Juridisch Loket."
            ),
            format!(
                "Reply to the letter of {entry}: the date, {due}, has passed. Reply as soon as \
                 you can, and ask the Juridisch Loket (legal aid desk) for help if needed."
            ),
        ),
        (TodoState::Missed, false) => w.pick(
            format!(
                "De hersteltermijn van de brief van {entry} is voorbij: de laatste dag was \
                 {due}. Stuur de papieren zo snel mogelijk en vraag zo nodig hulp aan het \
                 Juridisch Loket."
            ),
            format!(
                "The repair period in the letter of {entry} is over: the last day was {due}. \
                 Send the papers as soon as you can, and ask the Juridisch Loket (legal aid \
                 desk) for help if needed."
            ),
        ),
        (TodoState::Done { .. }, true) => w.pick(
            format!("Gereageerd op de brief van {entry}."),
            format!("Replied to the letter of {entry}."),
        ),
        (TodoState::Done { .. }, false) => w.pick(
            format!("Papieren opgestuurd voor de brief van {entry}."),
            format!("Papers sent for the letter of {entry}."),
        ),
        (TodoState::NotNeeded, true) => w.pick(
            format!("Geen reactie nodig op de brief van {entry}."),
            format!("No reply needed to the letter of {entry}."),
        ),
        (TodoState::NotNeeded, false) => w.pick(
            format!("Geen papieren nodig voor de brief van {entry}."),
            format!("No papers needed for the letter of {entry}."),
        ),
    }
}

fn appointment(todo: &Todo, w: &Words) -> String {
    let due = &w.due;
    let at = time_of(todo.due_time, w.lang);
    // ": “title”" or nothing when the title must not be shown.
    let title = w
        .title
        .as_ref()
        .map(|t| format!(": {t}"))
        .unwrap_or_default();
    match todo.state {
        TodoState::Open => w.pick(
            format!("Afspraak op {due}{at}{title}."),
            format!("Appointment on {due}{at}{title}."),
        ),
        TodoState::Missed => w.pick(
            format!(
                "De afspraak op {due}{at} is voorbij{title}. Niet gegaan? Laat dan op papier \
                 weten waarom."
            ),
            format!(
                "The appointment on {due}{at} has passed{title}. Did not go? Then explain \
                 why, in writing."
            ),
        ),
        TodoState::Done { .. } => w.pick(
            format!("Afspraak op {due}{at} gehad{title}."),
            format!("Appointment on {due}{at} attended{title}."),
        ),
        TodoState::NotNeeded => w.pick(
            format!("Afspraak op {due}{at} niet nodig{title}."),
            format!("Appointment on {due}{at} not needed{title}."),
        ),
    }
}

fn follow_up(todo: &Todo, w: &Words) -> String {
    let due = &w.due;
    let (title_nl, title_en) = match &w.title {
        Some(t) => (t.clone(), t.clone()),
        None => ("een privé-registratie".into(), "a private entry".into()),
    };
    match todo.state {
        TodoState::Open => w.pick(
            format!("Terugkomen op {title_nl}: {due}."),
            format!("Follow up on {title_en}: {due}."),
        ),
        TodoState::Missed => w.pick(
            format!("Terugkomen op {title_nl}: de datum {due} is voorbij."),
            format!("Follow up on {title_en}: the date, {due}, has passed."),
        ),
        TodoState::Done { .. } => w.pick(
            format!("Teruggekomen op {title_nl}."),
            format!("Followed up on {title_en}."),
        ),
        TodoState::NotNeeded => w.pick(
            format!("Terugkomen op {title_nl} is niet meer nodig."),
            format!("No need to follow up on {title_en} any more."),
        ),
    }
}

/// Awb 7:10, information only. Missed: the agency is late, unless it named a later
/// date (an objection committee gives it 12 weeks, and it may postpone once by 6), so
/// the sentence says so instead of claiming the agency is late for certain.
fn decision_due(todo: &Todo, w: &Words) -> String {
    let (entry, due) = (&w.entry, &w.due);
    match todo.state {
        TodoState::Open => w.pick(
            format!(
                "WPI moet uiterlijk {due} beslissen op uw bezwaar tegen het besluit van {entry}."
            ),
            format!("WPI must decide on your objection against the decision of {entry} by {due}."),
        ),
        TodoState::Missed => w.pick(
            format!(
                "WPI moest uiterlijk {due} beslissen op uw bezwaar tegen het besluit van \
                 {entry}; heeft WPI u geen latere datum genoemd, dan is WPI te laat en mag u \
                 een ingebrekestelling sturen."
            ),
            format!(
                "WPI had to decide on your objection against the decision of {entry} by \
                 {due}; if WPI gave you no later date, it is late and you may send a notice \
                 of default (ingebrekestelling)."
            ),
        ),
        TodoState::Done { .. } => w.pick(
            format!("WPI heeft beslist op uw bezwaar tegen het besluit van {entry}."),
            format!("WPI has decided on your objection against the decision of {entry}."),
        ),
        TodoState::NotNeeded => w.pick(
            format!("Niet meer nodig: de beslissing op uw bezwaar tegen het besluit van {entry}."),
            format!(
                "No longer needed: the decision on your objection against the decision of \
                 {entry}."
            ),
        ),
    }
}
