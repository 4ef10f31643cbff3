//! The to-do sentences, word for word, in Dutch (B1) and English: every kind in every
//! state, the notes on what a period was counted from, and the weekend warning.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

use chrono::{NaiveDate, NaiveTime};
use dossier_core::deadline::{long_date_en, long_date_nl, objection_deadline, KnownDate};
use dossier_core::todo::{
    derive_todos, sentence_en, sentence_nl, Todo, TodoKind, TodoSource, TodoState,
};
use dossier_core::{EntryData, EntryKind};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The to-dos of one entry on `today`, derived by the pure engine.
fn todos(data: &EntryData, today: &str) -> Vec<Todo> {
    derive_todos(&[TodoSource::new(1, data)], &[], &[], day(today)).unwrap()
}

fn decision(f: impl FnOnce(&mut EntryData)) -> EntryData {
    let mut d = EntryData::new(EntryKind::Decision, day("2026-03-03"), "Besluit maatregel");
    f(&mut d);
    d
}

fn one(data: &EntryData, today: &str, kind: TodoKind) -> Todo {
    todos(data, today)
        .into_iter()
        .find(|t| t.kind == kind)
        .unwrap()
}

#[test]
fn the_objection_sentence_of_the_issue_word_for_word() {
    let t = one(
        &decision(|d| d.sent_on = Some(day("2026-03-03"))),
        "2026-03-20",
        TodoKind::Objection,
    );
    // The advice comes from the engine, not from this test.
    let advised = objection_deadline(KnownDate::Sent(day("2026-03-03")))
        .unwrap()
        .advised_send_by;
    assert_eq!(
        sentence_nl(&t),
        format!(
            "Bezwaar maken tegen het besluit van 3 maart 2026: uiterlijk dinsdag 14 april 2026. \
             Advies: verstuur vóór {}.",
            long_date_nl(advised)
        )
    );
    assert_eq!(
        sentence_en(&t),
        format!(
            "Object to the decision of 3 March 2026: by Tuesday 14 April 2026 at the latest. \
             Advice: send it before {}.",
            long_date_en(advised)
        )
    );
    // And the engine's advice for this example is Tuesday 7 April (Easter in between).
    assert_eq!(
        sentence_nl(&t),
        "Bezwaar maken tegen het besluit van 3 maart 2026: uiterlijk dinsdag 14 april 2026. \
         Advies: verstuur vóór dinsdag 7 april 2026."
    );
}

#[test]
fn the_sentence_says_when_the_period_was_not_counted_from_the_send_date() {
    let dated = one(
        &decision(|d| d.letter_dated = Some(day("2026-03-03"))),
        "2026-03-20",
        TodoKind::Objection,
    );
    assert!(sentence_nl(&dated).contains(
        "uiterlijk dinsdag 14 april 2026 (berekend vanaf de datum op de brief). Advies:"
    ));
    assert!(sentence_en(&dated).contains("(counted from the date on the letter)"));
    let received = one(
        &decision(|d| d.received_on = Some(day("2026-03-05"))),
        "2026-03-20",
        TodoKind::Objection,
    );
    assert!(sentence_nl(&received).contains("(berekend vanaf de dag dat u de brief kreeg)"));
    assert!(sentence_en(&received).contains("(counted from the day you received the letter)"));
    // No date at all: the day it was logged stands in as the day received.
    let none = one(&decision(|_| {}), "2026-03-20", TodoKind::Objection);
    assert!(sentence_nl(&none).contains("(berekend vanaf de dag dat u de brief kreeg)"));
}

#[test]
fn objection_past_the_advice_urges_to_send_today_and_past_the_last_day_is_missed() {
    let d = decision(|d| d.sent_on = Some(day("2026-03-03")));
    let late = one(&d, "2026-04-10", TodoKind::Objection);
    assert_eq!(late.state, TodoState::Open);
    assert_eq!(
        sentence_nl(&late),
        "Bezwaar maken tegen het besluit van 3 maart 2026: uiterlijk dinsdag 14 april 2026. \
         Verstuur uw bezwaar vandaag nog, aangetekend of met een ontvangstbewijs."
    );
    assert_eq!(
        sentence_en(&late),
        "Object to the decision of 3 March 2026: by Tuesday 14 April 2026 at the latest. \
         Send your objection today, by registered post or with a dated receipt."
    );
    let missed = one(&d, "2026-04-15", TodoKind::Objection);
    assert_eq!(missed.state, TodoState::Missed);
    assert_eq!(
        sentence_nl(&missed),
        "De bezwaartermijn voor het besluit van 3 maart 2026 is voorbij: de laatste dag was \
         dinsdag 14 april 2026. Wat u nog kunt doen: stuur toch nog een bezwaarschrift, \
         zo snel mogelijk, en schrijf erin waarom u te laat bent (bijvoorbeeld ziekte, of dat \
         de brief later kwam). Is dat een goede reden, dan moet het toch behandeld worden \
         (Awb artikel 6:11). Hulp nu: het Juridisch Loket (0900-8020, gratis) of het \
         spreekuur van de Bijstandsbond."
    );
    assert_eq!(
        sentence_en(&missed),
        "The period to object to the decision of 3 March 2026 is over: the last day was \
         Tuesday 14 April 2026. What you can still do: send an objection anyway, as soon \
         as you can, and write in it why you are late (for example illness, or the letter \
         came late). If that is a good reason, it must still be dealt with (General \
         Administrative Law Act, article 6:11). Help now: the Juridisch Loket (legal aid \
         desk, 0900-8020, free) or the walk-in hour of the Bijstandsbond."
    );
}

#[test]
fn appeal_sentences() {
    let d = decision(|d| {
        d.on_objection = true;
        d.sent_on = Some(day("2026-03-03"));
    });
    let t = one(&d, "2026-03-20", TodoKind::Appeal);
    assert_eq!(
        sentence_nl(&t),
        "In beroep gaan bij de rechtbank tegen de beslissing op bezwaar van 3 maart 2026: \
         uiterlijk dinsdag 14 april 2026. Advies: verstuur vóór dinsdag 7 april 2026."
    );
    assert_eq!(
        sentence_en(&t),
        "Appeal to the court against the decision on your objection of 3 March 2026: by \
         Tuesday 14 April 2026 at the latest. Advice: send it before Tuesday 7 April 2026."
    );
    let late = one(&d, "2026-04-14", TodoKind::Appeal);
    assert!(sentence_nl(&late).ends_with("Stuur uw beroepschrift vandaag nog naar de rechtbank."));
    let missed = one(&d, "2026-04-15", TodoKind::Appeal);
    assert!(sentence_nl(&missed).starts_with(
        "De beroepstermijn voor de beslissing op bezwaar van 3 maart 2026 is voorbij"
    ));
}

fn letter(f: impl FnOnce(&mut EntryData)) -> EntryData {
    let mut d = EntryData::new(
        EntryKind::LetterIn,
        day("2026-03-02"),
        "Brief over opschorting",
    );
    f(&mut d);
    d
}

#[test]
fn reply_and_repair_sentences_keep_the_date_as_written() {
    let reply = one(
        &letter(|d| d.reply_by = Some(day("2026-03-10"))),
        "2026-03-04",
        TodoKind::Reply,
    );
    assert_eq!(
        sentence_nl(&reply),
        "Reageren op de brief van 2 maart 2026: vóór dinsdag 10 maart 2026 (zo staat het in de brief)."
    );
    assert_eq!(
        sentence_en(&reply),
        "Reply to the letter of 2 March 2026: before Tuesday 10 March 2026 (as the letter says)."
    );
    // The letter's date wins over the day it was logged.
    let dated = one(
        &letter(|d| {
            d.letter_dated = Some(day("2026-02-27"));
            d.reply_by = Some(day("2026-03-08"));
        }),
        "2026-03-04",
        TodoKind::Reply,
    );
    assert_eq!(
        sentence_nl(&dated),
        "Reageren op de brief van 27 februari 2026: vóór zondag 8 maart 2026 (zo staat het in \
         de brief). Die dag valt in het weekend: reageer eerder."
    );
    assert_eq!(
        sentence_en(&dated),
        "Reply to the letter of 27 February 2026: before Sunday 8 March 2026 (as the letter \
         says). That day is in the weekend: reply earlier."
    );
    let repair = one(
        &letter(|d| d.repair_by = Some(day("2026-04-06"))),
        "2026-03-04",
        TodoKind::Repair,
    );
    assert_eq!(
        sentence_nl(&repair),
        "Papieren opsturen voor de hersteltermijn van de brief van 2 maart 2026: uiterlijk \
         maandag 6 april 2026 (zo staat het in de brief). Die dag is een feestdag: stuur eerder."
    );
    assert_eq!(
        sentence_en(&repair),
        "Send the papers for the repair period in the letter of 2 March 2026: by Monday 6 \
         April 2026 at the latest (as the letter says). That day is a public holiday: send \
         earlier."
    );
    let missed = one(
        &letter(|d| d.reply_by = Some(day("2026-03-10"))),
        "2026-03-11",
        TodoKind::Reply,
    );
    assert_eq!(
        sentence_nl(&missed),
        "Reageren op de brief van 2 maart 2026: de datum dinsdag 10 maart 2026 is voorbij. \
         Reageer zo snel mogelijk en vraag zo nodig hulp aan het Juridisch Loket."
    );
    let missed = one(
        &letter(|d| d.repair_by = Some(day("2026-03-10"))),
        "2026-03-11",
        TodoKind::Repair,
    );
    assert!(sentence_en(&missed).starts_with(
        "The repair period in the letter of 2 March 2026 is over: the last day was Tuesday 10 March 2026."
    ));
}

#[test]
fn appointment_and_follow_up_quote_the_title() {
    let d = letter(|d| {
        d.title = "Uitnodiging gesprek,  werk\nen inkomen".into();
        d.appointment_on = Some(day("2026-05-13"));
        d.appointment_time = Some(NaiveTime::from_hms_opt(10, 0, 0).unwrap());
        d.follow_up_on = Some(day("2026-05-20"));
    });
    let a = one(&d, "2026-05-01", TodoKind::Appointment);
    assert_eq!(
        sentence_nl(&a),
        "Afspraak op woensdag 13 mei 2026 om 10:00: “Uitnodiging gesprek, werk en inkomen”."
    );
    assert_eq!(
        sentence_en(&a),
        "Appointment on Wednesday 13 May 2026 at 10:00: “Uitnodiging gesprek, werk en inkomen”."
    );
    let f = one(&d, "2026-05-01", TodoKind::FollowUp);
    assert_eq!(
        sentence_nl(&f),
        "Terugkomen op “Uitnodiging gesprek, werk en inkomen”: woensdag 20 mei 2026."
    );
    assert_eq!(
        sentence_en(&f),
        "Follow up on “Uitnodiging gesprek, werk en inkomen”: Wednesday 20 May 2026."
    );
    let missed = one(&d, "2026-05-14", TodoKind::Appointment);
    assert_eq!(
        sentence_nl(&missed),
        "De afspraak op woensdag 13 mei 2026 om 10:00 is voorbij: “Uitnodiging gesprek, werk en \
         inkomen”. Niet gegaan? Laat dan op papier weten waarom."
    );
    let missed = one(&d, "2026-05-21", TodoKind::FollowUp);
    assert_eq!(
        sentence_en(&missed),
        "Follow up on “Uitnodiging gesprek, werk en inkomen”: the date, Wednesday 20 May 2026, has passed."
    );
    // A very long title is cut, so the sentence stays readable.
    let long = letter(|d| {
        d.title = "a".repeat(300);
        d.follow_up_on = Some(day("2026-05-20"));
    });
    let s = sentence_nl(&one(&long, "2026-05-01", TodoKind::FollowUp));
    assert!(s.chars().count() < 130, "{s}");
    assert!(s.contains("a…”"), "{s}");
}

#[test]
fn done_and_not_needed_sentences() {
    let mut t = one(
        &decision(|d| d.sent_on = Some(day("2026-03-03"))),
        "2026-03-20",
        TodoKind::Objection,
    );
    t.state = TodoState::Done { by: Some(2) };
    assert_eq!(
        sentence_nl(&t),
        "Bezwaar gemaakt tegen het besluit van 3 maart 2026."
    );
    assert_eq!(
        sentence_en(&t),
        "Objection made against the decision of 3 March 2026."
    );
    t.state = TodoState::NotNeeded;
    assert_eq!(
        sentence_nl(&t),
        "Geen bezwaar nodig tegen het besluit van 3 maart 2026."
    );
    let mut r = one(
        &letter(|d| d.reply_by = Some(day("2026-03-10"))),
        "2026-03-04",
        TodoKind::Reply,
    );
    r.state = TodoState::Done { by: None };
    assert_eq!(sentence_nl(&r), "Gereageerd op de brief van 2 maart 2026.");
    assert_eq!(sentence_en(&r), "Replied to the letter of 2 March 2026.");
    r.state = TodoState::NotNeeded;
    assert_eq!(
        sentence_nl(&r),
        "Geen reactie nodig op de brief van 2 maart 2026."
    );
}

#[test]
fn decision_due_says_when_the_agency_is_late() {
    let mut t = one(
        &decision(|d| d.sent_on = Some(day("2026-03-03"))),
        "2026-03-20",
        TodoKind::Objection,
    );
    // The decision-due to-do as the engine makes it once an objection is made.
    t.kind = TodoKind::DecisionDue;
    t.due_on = day("2026-05-26");
    t.act_by = t.due_on;
    t.counted_from = None;
    t.state = TodoState::Open;
    assert_eq!(
        sentence_nl(&t),
        "WPI moet uiterlijk dinsdag 26 mei 2026 beslissen op uw bezwaar tegen het besluit van \
         3 maart 2026."
    );
    assert_eq!(
        sentence_en(&t),
        "WPI must decide on your objection against the decision of 3 March 2026 by Tuesday 26 \
         May 2026."
    );
    t.state = TodoState::Missed;
    assert_eq!(
        sentence_nl(&t),
        "WPI moest uiterlijk dinsdag 26 mei 2026 beslissen op uw bezwaar tegen het besluit van \
         3 maart 2026; heeft WPI u geen latere datum genoemd, dan is WPI te laat en mag u een \
         ingebrekestelling sturen."
    );
    assert!(sentence_en(&t).contains("it is late and you may send a notice of default"));
    t.state = TodoState::Done { by: Some(3) };
    assert_eq!(
        sentence_nl(&t),
        "WPI heeft beslist op uw bezwaar tegen het besluit van 3 maart 2026."
    );
}
