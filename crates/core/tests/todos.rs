//! To-dos (F6) through the dossier API: derived from decisions, letters, appointments
//! and follow-ups; settled by links and by the user's choices (which survive a reopen
//! of the dossier); reminders shown once per threshold; the order; the .ics export.
#![allow(clippy::unwrap_used)] // tests: a panic is the failure report

mod common;

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone};
use common::{clock, day, dossier, PASS};
use dossier_core::deadline::{
    appeal_deadline, decision_due, objection_deadline, Calendar, KnownDate,
};
use dossier_core::export::Lang;
use dossier_core::todo::{
    derive_todos, Reminder, Todo, TodoChoice, TodoKind, TodoSource, TodoState,
};
use dossier_core::{
    Dossier, EntryData, EntryKind, EntryLink, Error, FixedClock, LinkKind, NewEntry, Unlock,
};

const TODAY: &str = "2026-03-20";

fn today() -> NaiveDate {
    day(TODAY)
}

fn add(d: &mut Dossier, e: NewEntry) -> i64 {
    d.add_entry(&e, &clock()).unwrap().id
}

fn decision(f: impl FnOnce(&mut EntryData)) -> NewEntry {
    let mut e = NewEntry::new(EntryKind::Decision, day("2026-03-03"), "Besluit maatregel");
    f(&mut e);
    e
}

fn letter(kind: EntryKind, on: &str, f: impl FnOnce(&mut EntryData)) -> NewEntry {
    let mut e = NewEntry::new(kind, day(on), "Brief");
    f(&mut e);
    e
}

fn link(d: &mut Dossier, from: i64, to: i64, kind: LinkKind) {
    d.link_entries(
        &EntryLink {
            from_id: from,
            to_id: to,
            kind,
        },
        &clock(),
    )
    .unwrap();
}

fn only(todos: &[Todo], kind: TodoKind) -> Todo {
    let found: Vec<&Todo> = todos.iter().filter(|t| t.kind == kind).collect();
    assert_eq!(found.len(), 1, "{kind:?} in {todos:#?}");
    found[0].clone()
}

#[test]
fn a_decision_sent_on_3_march_must_be_objected_to_by_14_april() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let id = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    let todos = d.todos(today()).unwrap();
    assert_eq!(todos.len(), 1, "{todos:#?}");
    let t = &todos[0];
    let engine = objection_deadline(KnownDate::Sent(day("2026-03-03"))).unwrap();
    assert_eq!(t.entry_id, id);
    assert_eq!(t.kind, TodoKind::Objection);
    assert_eq!(t.due_on, day("2026-04-14"));
    assert_eq!(t.due_on, engine.legal_last_day);
    assert_eq!(t.act_by, engine.advised_send_by);
    assert!(t.act_by < t.due_on);
    assert_eq!(t.counted_from, Some(KnownDate::Sent(day("2026-03-03"))));
    assert_eq!(t.state, TodoState::Open);
    assert_eq!(t.days_left, (t.act_by - today()).num_days());
    assert_eq!(t.entry_date, day("2026-03-03"));
    assert_eq!(t.entry_title, "Besluit maatregel");
    assert!(!t.on_day_off);
}

#[test]
fn the_period_is_counted_from_the_best_date_known() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let dated = add(
        &mut d,
        decision(|e| e.letter_dated = Some(day("2026-03-02"))),
    );
    let received = add(
        &mut d,
        decision(|e| {
            e.occurred_on = day("2026-03-06");
            e.received_on = Some(day("2026-03-05"));
        }),
    );
    let nothing = add(&mut d, decision(|e| e.occurred_on = day("2026-03-09")));
    let todos = d.todos(today()).unwrap();
    for (id, known) in [
        (dated, KnownDate::LetterDated(day("2026-03-02"))),
        (received, KnownDate::Received(day("2026-03-05"))),
        // No date of the letter: the day it was logged stands in as the day received.
        (nothing, KnownDate::Received(day("2026-03-09"))),
    ] {
        let t = todos.iter().find(|t| t.entry_id == id).unwrap();
        let engine = objection_deadline(known).unwrap();
        assert_eq!(t.counted_from, Some(known));
        assert_eq!(
            (t.due_on, t.act_by),
            (engine.legal_last_day, engine.advised_send_by)
        );
        assert!(dossier_core::todo::sentence_nl(t).contains("(berekend vanaf de"));
    }
    // Received 5 March counts from 7 days earlier: never later than the law.
    let t = todos.iter().find(|t| t.entry_id == received).unwrap();
    assert_eq!(t.due_on, day("2026-04-09"));
}

#[test]
fn a_decision_on_objection_gives_an_appeal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    add(
        &mut d,
        decision(|e| {
            e.on_objection = true;
            e.sent_on = Some(day("2026-03-03"));
        }),
    );
    let todos = d.todos(today()).unwrap();
    assert_eq!(todos.len(), 1);
    let engine = appeal_deadline(KnownDate::Sent(day("2026-03-03"))).unwrap();
    assert_eq!(todos[0].kind, TodoKind::Appeal);
    assert_eq!(
        (todos[0].due_on, todos[0].act_by),
        (engine.legal_last_day, engine.advised_send_by)
    );
}

#[test]
fn an_objection_letter_settles_the_objection_and_starts_the_agencys_clock() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let dec = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    let obj = add(&mut d, letter(EntryKind::LetterOut, "2026-03-25", |_| {}));
    // A reply-to link is not an objection.
    link(&mut d, obj, dec, LinkKind::ReplyTo);
    assert_eq!(d.todos(today()).unwrap()[0].state, TodoState::Open);
    link(&mut d, obj, dec, LinkKind::ObjectionAgainst);
    let todos = d.todos(day("2026-03-26")).unwrap();
    assert_eq!(
        only(&todos, TodoKind::Objection).state,
        TodoState::Done { by: Some(obj) }
    );
    assert!(only(&todos, TodoKind::Objection).by_link, "the link did it");
    let due = only(&todos, TodoKind::DecisionDue);
    let engine = objection_deadline(KnownDate::Sent(day("2026-03-03"))).unwrap();
    let awb_7_10 = decision_due(Calendar::netherlands().unwrap(), &engine)
        .unwrap()
        .last_day;
    assert_eq!(due.due_on, awb_7_10);
    assert_eq!(due.due_on, day("2026-05-26"));
    assert_eq!(due.act_by, due.due_on);
    assert_eq!(due.entry_id, dec);
    assert_eq!(due.state, TodoState::Open);
    // After the date the agency is late.
    let late = only(&d.todos(day("2026-05-27")).unwrap(), TodoKind::DecisionDue);
    assert_eq!(late.state, TodoState::Missed);
    assert!(dossier_core::todo::sentence_nl(&late).contains("ingebrekestelling"));
    // No reminder for information only.
    assert!(d.due_reminders(day("2026-05-25")).unwrap().is_empty());
    // The decision on the objection, linked to the objection letter, settles it.
    let answer = add(
        &mut d,
        decision(|e| {
            e.occurred_on = day("2026-05-20");
            e.on_objection = true;
            e.sent_on = Some(day("2026-05-20"));
        }),
    );
    link(&mut d, answer, obj, LinkKind::SameDecision);
    let todos = d.todos(day("2026-05-27")).unwrap();
    assert_eq!(
        only(&todos, TodoKind::DecisionDue).state,
        TodoState::Done { by: Some(answer) }
    );
    assert_eq!(only(&todos, TodoKind::Appeal).entry_id, answer);
    // Deleting the objection letter reopens the objection (and the agency's clock goes).
    d.delete_entry(obj, "verkeerd", &clock()).unwrap();
    let todos = d.todos(day("2026-03-26")).unwrap();
    assert_eq!(only(&todos, TodoKind::Objection).state, TodoState::Open);
    assert!(!todos.iter().any(|t| t.kind == TodoKind::DecisionDue));
}

#[test]
fn an_objection_marked_done_by_hand_also_starts_the_agencys_clock() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let dec = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    let obj = add(&mut d, letter(EntryKind::LetterOut, "2026-03-25", |_| {}));
    d.set_todo_state(
        dec,
        TodoKind::Objection,
        TodoChoice::Done { by: Some(obj) },
        &clock(),
    )
    .unwrap();
    let todos = d.todos(today()).unwrap();
    assert_eq!(
        only(&todos, TodoKind::Objection).state,
        TodoState::Done { by: Some(obj) }
    );
    assert!(
        !only(&todos, TodoKind::Objection).by_link,
        "the user's choice did it"
    );
    assert_eq!(only(&todos, TodoKind::DecisionDue).state, TodoState::Open);
    // A decision on objection linked to the decision itself settles it too.
    let answer = add(
        &mut d,
        decision(|e| {
            e.occurred_on = day("2026-05-20");
            e.on_objection = true;
        }),
    );
    link(&mut d, answer, dec, LinkKind::SameDecision);
    let todos = d.todos(today()).unwrap();
    assert_eq!(
        only(&todos, TodoKind::DecisionDue).state,
        TodoState::Done { by: Some(answer) }
    );
}

#[test]
fn a_reply_by_date_is_never_moved_not_even_off_a_sunday() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    // Sunday 8 March 2026.
    let id = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-08"))
        }),
    );
    let t = only(&d.todos(day("2026-03-04")).unwrap(), TodoKind::Reply);
    assert_eq!(
        (t.entry_id, t.due_on, t.act_by),
        (id, day("2026-03-08"), day("2026-03-08"))
    );
    assert!(t.on_day_off);
    assert_eq!(t.counted_from, None);
    // Property over four years of dates, for reply and repair: as written, always.
    let calendar = Calendar::netherlands().unwrap();
    let mut written = day("2025-01-01");
    let mut off_days = 0;
    while written < day("2029-01-01") {
        let data = EntryData {
            reply_by: Some(written),
            repair_by: Some(written),
            ..NewEntry::new(EntryKind::LetterIn, day("2024-12-01"), "Brief")
        };
        let todos =
            derive_todos(&[TodoSource::new(1, &data)], &[], &[], day("2024-12-02")).unwrap();
        assert_eq!(todos.len(), 2);
        for t in &todos {
            assert_eq!((t.due_on, t.act_by), (written, written), "{t:?}");
            assert_eq!(t.on_day_off, calendar.day_off(written).is_some());
        }
        off_days += usize::from(todos[0].on_day_off);
        written += Duration::days(1);
    }
    // Weekends and holidays were really among them.
    assert!(off_days > 4 * 104, "{off_days}");
}

#[test]
fn an_outgoing_reply_settles_a_reply_by_but_an_incoming_letter_does_not() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let asks = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-10"));
            e.repair_by = Some(day("2026-03-12"));
        }),
    );
    let incoming = add(&mut d, letter(EntryKind::LetterIn, "2026-03-05", |_| {}));
    link(&mut d, incoming, asks, LinkKind::ReplyTo);
    let todos = d.todos(day("2026-03-06")).unwrap();
    assert_eq!(only(&todos, TodoKind::Reply).state, TodoState::Open);
    let mail = add(&mut d, letter(EntryKind::EmailOut, "2026-03-06", |_| {}));
    link(&mut d, mail, asks, LinkKind::ReplyTo);
    let todos = d.todos(day("2026-03-06")).unwrap();
    assert_eq!(
        only(&todos, TodoKind::Reply).state,
        TodoState::Done { by: Some(mail) }
    );
    assert_eq!(
        only(&todos, TodoKind::Repair).state,
        TodoState::Done { by: Some(mail) }
    );
}

#[test]
fn missed_only_after_the_legal_last_day() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    let on_last_day = only(&d.todos(day("2026-04-14")).unwrap(), TodoKind::Objection);
    assert_eq!(on_last_day.state, TodoState::Open);
    assert_eq!(on_last_day.days_left, -7);
    assert!(dossier_core::todo::sentence_nl(&on_last_day).contains("vandaag nog"));
    let after = only(&d.todos(day("2026-04-15")).unwrap(), TodoKind::Objection);
    assert_eq!(after.state, TodoState::Missed);
    assert_eq!(after.days_left, -8);
}

#[test]
fn choices_survive_reopening_the_dossier_and_reopen_undoes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("k");
    let mut d = dossier(&dir);
    let dec = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    let asks = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-30"))
        }),
    );
    d.set_todo_state(dec, TodoKind::Objection, TodoChoice::NotNeeded, &clock())
        .unwrap();
    d.set_todo_state(
        asks,
        TodoKind::Reply,
        TodoChoice::Done { by: None },
        &clock(),
    )
    .unwrap();
    d.lock();
    let mut d = Dossier::open(&dir, Unlock::Passphrase(PASS)).unwrap();
    let todos = d.todos(today()).unwrap();
    assert_eq!(
        only(&todos, TodoKind::Objection).state,
        TodoState::NotNeeded
    );
    assert_eq!(
        only(&todos, TodoKind::Reply).state,
        TodoState::Done { by: None }
    );
    // Not needed means no agency clock either.
    assert!(!todos.iter().any(|t| t.kind == TodoKind::DecisionDue));
    d.set_todo_state(dec, TodoKind::Objection, TodoChoice::Reopen, &clock())
        .unwrap();
    let todos = d.todos(today()).unwrap();
    assert_eq!(only(&todos, TodoKind::Objection).state, TodoState::Open);
    // Reopening what a link settled leaves it done: the link is the evidence.
    let obj = add(&mut d, letter(EntryKind::LetterOut, "2026-03-25", |_| {}));
    link(&mut d, obj, dec, LinkKind::ObjectionAgainst);
    d.set_todo_state(dec, TodoKind::Objection, TodoChoice::Reopen, &clock())
        .unwrap();
    let todos = d.todos(today()).unwrap();
    assert_eq!(
        only(&todos, TodoKind::Objection).state,
        TodoState::Done { by: Some(obj) }
    );
    // A stored choice wins over the link.
    d.set_todo_state(dec, TodoKind::Objection, TodoChoice::NotNeeded, &clock())
        .unwrap();
    assert_eq!(
        only(&d.todos(today()).unwrap(), TodoKind::Objection).state,
        TodoState::NotNeeded
    );
}

fn invalid(r: dossier_core::Result<()>) -> String {
    match r {
        Err(Error::Invalid(m)) => m,
        other => panic!("want Invalid, got {other:?}"),
    }
}

#[test]
fn set_todo_state_refuses_what_does_not_exist() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let dec = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    let gone = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-30"))
        }),
    );
    d.delete_entry(gone, "dubbel", &clock()).unwrap();
    let c = clock();
    let m = invalid(d.set_todo_state(99, TodoKind::Objection, TodoChoice::NotNeeded, &c));
    assert!(m.contains("entry 99 does not exist"), "{m}");
    let m = invalid(d.set_todo_state(gone, TodoKind::Reply, TodoChoice::NotNeeded, &c));
    assert!(m.contains(&format!("entry {gone} was deleted")), "{m}");
    let m = invalid(d.set_todo_state(dec, TodoKind::Reply, TodoChoice::NotNeeded, &c));
    assert!(m.contains("has no to-do of kind reply"), "{m}");
    let m = invalid(d.set_todo_state(dec, TodoKind::Appeal, TodoChoice::NotNeeded, &c));
    assert!(m.contains("has no to-do of kind appeal"), "{m}");
    // The agency's clock exists only once an objection is made.
    let m = invalid(d.set_todo_state(dec, TodoKind::DecisionDue, TodoChoice::NotNeeded, &c));
    assert!(m.contains("decision-due"), "{m}");
    let m = invalid(d.set_todo_state(
        dec,
        TodoKind::Objection,
        TodoChoice::Done { by: Some(404) },
        &c,
    ));
    assert!(m.contains("entry 404 does not exist"), "{m}");
    let m = invalid(d.set_todo_state(
        dec,
        TodoKind::Objection,
        TodoChoice::Done { by: Some(gone) },
        &c,
    ));
    assert!(m.contains("was deleted"), "{m}");
    // Nothing was stored by the refusals.
    assert_eq!(d.todos(today()).unwrap()[0].state, TodoState::Open);
    assert_eq!(
        TodoKind::from_name("bezwaar").unwrap_err().to_string(),
        "unknown kind of to-do: bezwaar"
    );
}

fn days(reminders: &[Reminder]) -> Vec<u32> {
    reminders.iter().map(|r| r.days_before).collect()
}

#[test]
fn reminders_come_once_per_threshold_and_only_the_nearest() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let due = day("2026-06-30");
    let a = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(due)
        }),
    );
    let at = |n: i64| due - Duration::days(n);
    assert!(d.due_reminders(at(20)).unwrap().is_empty());
    assert!(d.due_reminders(at(15)).unwrap().is_empty());
    let r = d.due_reminders(at(14)).unwrap();
    assert_eq!(
        r,
        vec![Reminder {
            entry_id: a,
            kind: TodoKind::Reply,
            act_by: due,
            days_before: 14
        }]
    );
    // Until shown it stays due (the app may have crashed before showing it).
    assert_eq!(days(&d.due_reminders(at(13)).unwrap()), vec![14]);
    d.mark_reminders_shown(&r, &clock()).unwrap();
    for n in 8..=14 {
        assert!(d.due_reminders(at(n)).unwrap().is_empty(), "{n}");
    }
    let r = d.due_reminders(at(7)).unwrap();
    assert_eq!(days(&r), vec![7]);
    d.mark_reminders_shown(&r, &clock()).unwrap();
    assert!(d.due_reminders(at(4)).unwrap().is_empty());
    assert_eq!(days(&d.due_reminders(at(0)).unwrap()), vec![1]);
    // Past its date a reply is missed: shown in the app, no notification.
    assert!(d.due_reminders(at(-1)).unwrap().is_empty());
}

#[test]
fn skipping_days_gives_one_reminder_and_marks_the_skipped_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let due = day("2026-06-30");
    add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.repair_by = Some(due)
        }),
    );
    let at = |n: i64| due - Duration::days(n);
    assert!(d.due_reminders(at(15)).unwrap().is_empty());
    let r = d.due_reminders(at(2)).unwrap();
    assert_eq!(days(&r), vec![3]);
    d.mark_reminders_shown(&r, &clock()).unwrap();
    // 14, 7 and 3 are recorded: none of them comes back.
    for n in [14, 7, 3, 2] {
        assert!(d.due_reminders(at(n)).unwrap().is_empty(), "{n}");
    }
    let r = d.due_reminders(at(1)).unwrap();
    assert_eq!(days(&r), vec![1]);
    d.mark_reminders_shown(&r, &clock()).unwrap();
    assert!(d.due_reminders(at(0)).unwrap().is_empty());
    // Marking twice is harmless.
    d.mark_reminders_shown(&r, &clock()).unwrap();
}

#[test]
fn an_objection_past_its_advice_gets_the_last_reminder_and_done_gets_none() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let dec = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    // Logged late: between the advised day (7 April) and the last day (14 April).
    let r = d.due_reminders(day("2026-04-10")).unwrap();
    assert_eq!(days(&r), vec![1]);
    assert_eq!(r[0].act_by, day("2026-04-07"));
    // Medical entries get reminders too (the notification text is generic).
    add(
        &mut d,
        letter(EntryKind::MedicalAssessment, "2026-03-02", |e| {
            e.medical = true;
            e.appointment_on = Some(day("2026-04-11"));
        }),
    );
    assert_eq!(
        days(&d.due_reminders(day("2026-04-10")).unwrap()),
        vec![1, 1]
    );
    d.set_todo_state(
        dec,
        TodoKind::Objection,
        TodoChoice::Done { by: None },
        &clock(),
    )
    .unwrap();
    let r = d.due_reminders(day("2026-04-10")).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].kind, TodoKind::Appointment);
}

#[test]
fn deleted_entries_give_no_todos() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let dec = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    let asks = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-30"));
            e.follow_up_on = Some(day("2026-04-02"));
        }),
    );
    // Entries without any date ahead give none either.
    add(&mut d, letter(EntryKind::CallIn, "2026-03-02", |_| {}));
    assert_eq!(d.todos(today()).unwrap().len(), 3);
    d.delete_entry(dec, "verkeerd", &clock()).unwrap();
    d.delete_entry(asks, "verkeerd", &clock()).unwrap();
    assert!(d.todos(today()).unwrap().is_empty());
    assert!(d.due_reminders(day("2026-03-29")).unwrap().is_empty());
}

#[test]
fn missed_legal_first_then_other_missed_then_open_by_act_by_then_settled() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let follow = |on: &str| {
        letter(EntryKind::Note, "2026-03-01", |e| {
            e.follow_up_on = Some(day(on));
        })
    };
    let late = add(&mut d, follow("2026-04-20"));
    let soon = add(&mut d, follow("2026-03-25"));
    let missed_old = add(&mut d, follow("2026-03-02"));
    let missed_new = add(&mut d, follow("2026-03-18"));
    let done_old = add(&mut d, follow("2026-03-10"));
    let done_new = add(&mut d, follow("2026-05-01"));
    let dec = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    // Sent 2 February: its period ended Monday 16 March, before today.
    let lost = add(&mut d, decision(|e| e.sent_on = Some(day("2026-02-02"))));
    for id in [done_old, done_new] {
        d.set_todo_state(id, TodoKind::FollowUp, TodoChoice::NotNeeded, &clock())
            .unwrap();
    }
    let order: Vec<i64> = d
        .todos(today())
        .unwrap()
        .iter()
        .map(|t| t.entry_id)
        .collect();
    // A lost objection period first, whatever its date: above everything that can
    // still be done in time. The objection's act-by date is its advice, 7 April.
    assert_eq!(
        order,
        vec![lost, missed_new, missed_old, soon, dec, late, done_new, done_old]
    );
    // A case's to-dos keep that order.
    let of: Vec<i64> = d
        .todos_of(&[late, missed_old, soon], today())
        .unwrap()
        .iter()
        .map(|t| t.entry_id)
        .collect();
    assert_eq!(of, vec![missed_old, soon, late]);
}

#[test]
fn a_reply_by_date_and_a_follow_up_on_the_same_day_are_one_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let same = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-30"));
            e.follow_up_on = Some(day("2026-03-30"));
        }),
    );
    let kinds = |d: &Dossier, id: i64| -> Vec<TodoKind> {
        d.todos(today())
            .unwrap()
            .iter()
            .filter(|t| t.entry_id == id)
            .map(|t| t.kind)
            .collect()
    };
    assert_eq!(kinds(&d, same), vec![TodoKind::Reply]);
    // Missed, it is still one late item, not two.
    let missed: Vec<_> = d
        .todos(day("2026-04-02"))
        .unwrap()
        .into_iter()
        .filter(|t| t.entry_id == same)
        .collect();
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].state, TodoState::Missed);
    // An appointment and a follow-up on its day merge too; other days stay apart.
    let meet = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.appointment_on = Some(day("2026-03-26"));
            e.follow_up_on = Some(day("2026-03-26"));
        }),
    );
    assert_eq!(kinds(&d, meet), vec![TodoKind::Appointment]);
    let apart = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-30"));
            e.follow_up_on = Some(day("2026-04-02"));
        }),
    );
    assert_eq!(kinds(&d, apart), vec![TodoKind::Reply, TodoKind::FollowUp]);
}

/// Unfolds an iCalendar text, checking CRLF endings and the 75-octet limit per line.
fn unfold(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    let mut lines: Vec<String> = Vec::new();
    for physical in ics.split_terminator("\r\n") {
        assert!(physical.len() <= 75, "{physical:?}");
        if let Some(rest) = physical.strip_prefix(' ') {
            lines.last_mut().unwrap().push_str(rest);
        } else {
            lines.push(physical.to_string());
        }
    }
    lines
}

#[test]
fn the_calendar_file_has_one_event_per_date_to_act_on() {
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let dec = add(&mut d, decision(|e| e.sent_on = Some(day("2026-03-03"))));
    let asks = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-30"));
        }),
    );
    // Missed and settled to-dos are not in the calendar.
    add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-10"));
        }),
    );
    let settled = add(
        &mut d,
        letter(EntryKind::LetterIn, "2026-03-02", |e| {
            e.reply_by = Some(day("2026-03-31"));
        }),
    );
    d.set_todo_state(settled, TodoKind::Reply, TodoChoice::NotNeeded, &clock())
        .unwrap();
    let medical = add(
        &mut d,
        letter(EntryKind::MedicalAssessment, "2026-03-02", |e| {
            e.title = "Keuring bij arts: rugklachten".into();
            e.medical = true;
            e.appointment_on = Some(day("2026-04-01"));
            e.appointment_time = Some(NaiveTime::from_hms_opt(9, 30, 0).unwrap());
        }),
    );
    add(
        &mut d,
        letter(EntryKind::Note, "2026-03-02", |e| {
            e.title = "Bellen; vragen naar verslag, met \\ en komma".into();
            e.follow_up_on = Some(day("2026-04-03"));
        }),
    );
    let stamp = FixedClock(chrono::Utc.with_ymd_and_hms(2026, 3, 20, 8, 5, 9).unwrap());
    let ics = d.todos_ics(today(), Lang::Nl, &stamp).unwrap();
    let lines = unfold(&ics);
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    for want in [
        "VERSION:2.0",
        "PRODID:-//Dossierkluis//NL",
        "CALSCALE:GREGORIAN",
    ] {
        assert!(lines.iter().any(|l| l == want), "{want}");
    }
    // Every line is NAME[;PARAMS]:VALUE and BEGIN/END nest.
    let mut stack = Vec::new();
    for l in &lines {
        let (name, value) = l.split_once(':').unwrap_or_else(|| panic!("{l:?}"));
        let property = name.split(';').next().unwrap();
        assert!(
            !property.is_empty() && property.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
            "{l:?}"
        );
        match name {
            "BEGIN" => stack.push(value.to_string()),
            "END" => assert_eq!(stack.pop().as_deref(), Some(value)),
            _ => assert!(!stack.is_empty(), "{l:?} outside a component"),
        }
    }
    assert!(stack.is_empty());
    let events: Vec<&[String]> = lines.split(|l| l == "BEGIN:VEVENT").skip(1).collect();
    // Objection: advice and last day; reply; appointment; follow-up.
    assert_eq!(events.len(), 5, "{ics}");
    let field = |e: &[String], name: &str| -> String {
        e.iter()
            .find_map(|l| l.strip_prefix(&format!("{name}:")).map(str::to_string))
            .unwrap_or_else(|| panic!("{name} in {e:?}"))
    };
    let uids: Vec<String> = events.iter().map(|e| field(e, "UID")).collect();
    assert_eq!(
        uids,
        vec![
            format!("{asks}-reply@dossierkluis"),
            format!("{medical}-appointment@dossierkluis"),
            format!("{}-follow-up@dossierkluis", medical + 1),
            format!("{dec}-objection@dossierkluis"),
            format!("{dec}-objection-last-day@dossierkluis"),
        ]
    );
    for e in &events {
        assert_eq!(field(e, "DTSTAMP"), "20260320T080509Z");
        assert!(e.iter().any(|l| l == "ACTION:DISPLAY"));
        assert!(e.iter().any(|l| l.starts_with("TRIGGER")));
    }
    // The appointment has its time (times and alarms: tests/ics_oracle.rs).
    assert_eq!(
        field(events[1], "DTSTART;TZID=Europe/Amsterdam"),
        "20260401T093000"
    );
    assert!(lines.iter().any(|l| l == "BEGIN:VTIMEZONE"));
    assert_eq!(field(events[3], "DTSTART;VALUE=DATE"), "20260407");
    assert_eq!(field(events[3], "DTEND;VALUE=DATE"), "20260408");
    assert_eq!(
        field(events[3], "SUMMARY"),
        "Bezwaar maken: advies verstuurdatum"
    );
    assert_eq!(field(events[4], "SUMMARY"), "Bezwaar maken: laatste dag");
    assert!(field(events[3], "DESCRIPTION").starts_with(
        "Bezwaar maken tegen het besluit van 3 maart 2026: uiterlijk dinsdag 14 april 2026."
    ));
    // Medical: a neutral title, and the entry's title nowhere in the file.
    assert_eq!(field(events[1], "SUMMARY"), "Afspraak (privé)");
    assert_eq!(
        field(events[1], "DESCRIPTION"),
        "Afspraak op woensdag 1 april 2026 om 09:30."
    );
    assert!(!ics.contains("rugklachten") && !ics.contains("Keuring"));
    // Text is escaped.
    assert_eq!(
        field(events[2], "SUMMARY"),
        "Terugkomen op: Bellen\\; vragen naar verslag\\, met \\\\ en komma"
    );
    // English, and nothing open gives an empty calendar that still parses.
    let en = d.todos_ics(today(), Lang::En, &stamp).unwrap();
    assert!(unfold(&en)
        .iter()
        .any(|l| l == "SUMMARY:Objection: last day"));
    let empty = d.todos_ics(day("2027-01-01"), Lang::Nl, &stamp).unwrap();
    assert!(!empty.contains("VEVENT"));
    assert_eq!(unfold(&empty).len(), 6);
}

#[test]
fn the_home_view_reads_only_the_to_do_index() {
    let tmp = tempfile::tempdir().unwrap();
    let d = dossier(&tmp.path().join("k"));
    let plan = dossier_core::store::todos::explain_sources(d.conn()).unwrap();
    assert!(
        plan.iter()
            .any(|step| step.contains("USING COVERING INDEX entries_todo_sources")),
        "{plan:?}"
    );
    // Every step reads that index: never the table rows with their long notes.
    assert!(
        plan.iter()
            .all(|step| !step.contains("entries") || step.contains("COVERING INDEX")),
        "{plan:?}"
    );
}

#[test]
fn preview_gives_the_objection_period_before_saving_as_saved_does() {
    use dossier_core::todo::preview_todos;
    let tmp = tempfile::tempdir().unwrap();
    let mut d = dossier(&tmp.path().join("k"));
    let data = decision(|e| {
        e.letter_dated = Some(day("2026-03-03"));
        e.sent_on = Some(day("2026-03-03"));
        e.received_on = Some(day("2026-03-05"));
    });
    let preview = preview_todos(&data, today()).unwrap();
    assert_eq!(preview.len(), 1);
    assert_eq!(preview[0].kind, TodoKind::Objection);
    assert_eq!(preview[0].due_on, day("2026-04-14"));
    let id = add(&mut d, data);
    let saved = d.todos(today()).unwrap();
    assert_eq!(saved[0].entry_id, id);
    assert_eq!(
        (saved[0].due_on, saved[0].act_by, saved[0].state),
        (preview[0].due_on, preview[0].act_by, preview[0].state)
    );
    assert_eq!(sentence_nl_of(&saved[0]), sentence_nl_of(&preview[0]));
}

fn sentence_nl_of(t: &Todo) -> String {
    dossier_core::todo::sentence_nl(t)
}
