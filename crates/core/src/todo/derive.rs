//! Deriving the to-dos: a pure function of light entry rows, the user's stored choices,
//! the links that point at those entries, and today. No store, no clock.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};

use super::model::{Todo, TodoKind, TodoState};
use crate::deadline::{
    appeal_deadline, decision_due, objection_deadline, Calendar, DeadlineResult, KnownDate,
    LetterDeadline, LetterDeadlineKind,
};
use crate::entry::{EntryData, EntryKind};
use crate::error::Result;
use crate::link::LinkKind;

/// The kinds of entry that answer a letter when linked to it with "reply-to": the ways
/// a user sends something. Incoming kinds are left out (a letter-in "reply-to" the
/// user's letter is the agency answering), and so are sms and the kinds without a
/// direction: a wrong "done" hides a deadline, a missing one costs only a click.
/// Portal stays in: uploading papers in the agency's portal is the usual answer.
pub const REPLY_KINDS: [EntryKind; 4] = [
    EntryKind::LetterOut,
    EntryKind::EmailOut,
    EntryKind::CallOut,
    EntryKind::Portal,
];

/// The columns of one live entry that to-dos are derived from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodoSource {
    pub id: i64,
    pub kind: EntryKind,
    pub occurred_on: NaiveDate,
    pub title: String,
    pub kenmerk: String,
    pub medical: bool,
    pub letter_dated: Option<NaiveDate>,
    pub sent_on: Option<NaiveDate>,
    pub received_on: Option<NaiveDate>,
    pub reply_by: Option<NaiveDate>,
    pub repair_by: Option<NaiveDate>,
    pub appointment_on: Option<NaiveDate>,
    pub appointment_time: Option<NaiveTime>,
    pub follow_up_on: Option<NaiveDate>,
    pub on_objection: bool,
}

impl TodoSource {
    /// The source columns of entry `id` with `data`.
    pub fn new(id: i64, data: &EntryData) -> TodoSource {
        TodoSource {
            id,
            kind: data.kind,
            occurred_on: data.occurred_on,
            title: data.title.clone(),
            kenmerk: data.kenmerk.clone(),
            medical: data.is_medical(),
            letter_dated: data.letter_dated,
            sent_on: data.sent_on,
            received_on: data.received_on,
            reply_by: data.reply_by,
            repair_by: data.repair_by,
            appointment_on: data.appointment_on,
            appointment_time: data.appointment_time,
            follow_up_on: data.follow_up_on,
            on_objection: data.on_objection,
        }
    }
}

/// What the user stored about one to-do: `Done { by }` or `NotNeeded` (the only states
/// stored; anything else in `state` is ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredTodoState {
    pub entry_id: i64,
    pub kind: TodoKind,
    pub state: TodoState,
}

/// A link from a live entry (`from_*`) to another entry, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncomingLink {
    pub from_id: i64,
    pub from_kind: EntryKind,
    pub from_on_objection: bool,
    pub to_id: i64,
    pub kind: LinkKind,
}

impl IncomingLink {
    fn is_by_decision_on_objection(&self) -> bool {
        self.from_kind == EntryKind::Decision && self.from_on_objection
    }
}

/// Everything a derivation looks things up in.
struct Lookup<'a> {
    stored: HashMap<(i64, TodoKind), TodoState>,
    /// Links by the entry they point at, lowest `from_id` first (deterministic "by").
    to: HashMap<i64, Vec<&'a IncomingLink>>,
    today: NaiveDate,
}

impl Lookup<'_> {
    fn links_to(&self, id: i64) -> impl Iterator<Item = &IncomingLink> + '_ {
        self.to.get(&id).into_iter().flatten().copied()
    }

    /// Stored choice first (the user decided), then what the links show, then the date.
    fn settle(&self, mut todo: Todo, auto: Option<TodoState>) -> Todo {
        let stored = self.stored.get(&(todo.entry_id, todo.kind)).copied();
        todo.by_link = stored.is_none() && auto.is_some();
        todo.state = match stored.or(auto) {
            Some(s) => s,
            None if self.today > todo.due_on => TodoState::Missed,
            None => TodoState::Open,
        };
        todo.days_left = (todo.act_by - self.today).num_days();
        todo
    }
}

/// Every to-do of `sources` on `today`, in the order of [`sort_todos`].
///
/// `states` are the user's stored choices; `links` the links from live entries. An
/// entry that cannot produce a to-do is skipped, so callers may pass any rows.
pub fn derive_todos(
    sources: &[TodoSource],
    states: &[StoredTodoState],
    links: &[IncomingLink],
    today: NaiveDate,
) -> Result<Vec<Todo>> {
    let calendar = Calendar::netherlands()?;
    let mut to: HashMap<i64, Vec<&IncomingLink>> = HashMap::new();
    for l in links {
        to.entry(l.to_id).or_default().push(l);
    }
    for v in to.values_mut() {
        v.sort_by_key(|l| (l.from_id, l.kind.name()));
    }
    let lookup = Lookup {
        stored: states
            .iter()
            .filter(|s| matches!(s.state, TodoState::Done { .. } | TodoState::NotNeeded))
            .map(|s| ((s.entry_id, s.kind), s.state))
            .collect(),
        to,
        today,
    };
    let mut out = Vec::new();
    for s in sources {
        derive_one(s, calendar, &lookup, &mut out)?;
    }
    sort_todos(&mut out);
    Ok(out)
}

/// The to-dos an entry not yet saved would give on `today` (quick capture shows a
/// decision's objection period in words the moment the send date is typed). The same
/// derivation as for saved entries, so the preview and the home view never differ.
pub fn preview_todos(data: &EntryData, today: NaiveDate) -> Result<Vec<Todo>> {
    derive_todos(&[TodoSource::new(0, data)], &[], &[], today)
}

/// A to-do of `s` before its state is settled.
fn base(s: &TodoSource, kind: TodoKind, due_on: NaiveDate) -> Todo {
    Todo {
        entry_id: s.id,
        kind,
        entry_kind: s.kind,
        entry_title: s.title.clone(),
        entry_date: s.letter_dated.unwrap_or(s.occurred_on),
        kenmerk: s.kenmerk.clone(),
        medical: crate::entry::is_medical(s.medical, s.kind),
        due_on,
        due_time: None,
        act_by: due_on,
        counted_from: None,
        on_day_off: false,
        state: TodoState::Open,
        by_link: false,
        days_left: 0,
    }
}

fn derive_one(
    s: &TodoSource,
    calendar: &Calendar,
    lookup: &Lookup<'_>,
    out: &mut Vec<Todo>,
) -> Result<()> {
    if s.kind == EntryKind::Decision {
        derive_decision(s, calendar, lookup, out)?;
    }
    for (kind, date) in [
        (LetterDeadlineKind::ReplyBy, s.reply_by),
        (LetterDeadlineKind::RepairBy, s.repair_by),
    ] {
        let Some(date) = date else { continue };
        // Kept exactly as written: LetterDeadline has no way to move a date.
        let written = LetterDeadline::as_written(kind, date)?;
        let todo_kind = match kind {
            LetterDeadlineKind::ReplyBy => TodoKind::Reply,
            LetterDeadlineKind::RepairBy => TodoKind::Repair,
        };
        let todo = Todo {
            on_day_off: written.falls_on(calendar).is_some(),
            ..base(s, todo_kind, written.date())
        };
        let answered = lookup
            .links_to(s.id)
            .find(|l| l.kind == LinkKind::ReplyTo && REPLY_KINDS.contains(&l.from_kind));
        let auto = answered.map(|l| TodoState::Done {
            by: Some(l.from_id),
        });
        out.push(lookup.settle(todo, auto));
    }
    if let Some(on) = s.appointment_on {
        let todo = Todo {
            due_time: s.appointment_time,
            ..base(s, TodoKind::Appointment, on)
        };
        out.push(lookup.settle(todo, None));
    }
    // One to-do per thing and day: a follow-up on the day the letter's own date or the
    // appointment falls is the same act, and two "late" items for it read as two
    // failures.
    let same_day = [s.reply_by, s.repair_by, s.appointment_on];
    if let Some(on) = s.follow_up_on.filter(|on| !same_day.contains(&Some(*on))) {
        out.push(lookup.settle(base(s, TodoKind::FollowUp, on), None));
    }
    Ok(())
}

/// A decision gives an objection to-do (a decision on objection: an appeal to-do); an
/// objection made gives the information when the agency must decide on it.
fn derive_decision(
    s: &TodoSource,
    calendar: &Calendar,
    lookup: &Lookup<'_>,
    out: &mut Vec<Todo>,
) -> Result<()> {
    // With no date of the letter known, the day it was logged is the latest plausible
    // day of receipt, which gives the earliest plausible send date (basis.rs): the
    // deadline can come out earlier than the law's, never later.
    let known = KnownDate::best(s.sent_on, s.letter_dated, s.received_on)
        .unwrap_or(KnownDate::Received(s.occurred_on));
    let (kind, period): (TodoKind, DeadlineResult) = if s.on_objection {
        (TodoKind::Appeal, appeal_deadline(known)?)
    } else {
        (TodoKind::Objection, objection_deadline(known)?)
    };
    let todo = Todo {
        act_by: period.advised_send_by,
        counted_from: Some(known),
        ..base(s, kind, period.legal_last_day)
    };
    // LinkKind has no "appeal against": an appeal letter is linked as an objection
    // against the decision on objection.
    let objections: Vec<i64> = lookup
        .links_to(s.id)
        .filter(|l| l.kind == LinkKind::ObjectionAgainst)
        .map(|l| l.from_id)
        .collect();
    let auto = objections
        .first()
        .map(|&by| TodoState::Done { by: Some(by) });
    let todo = lookup.settle(todo, auto);
    let made = match todo.state {
        TodoState::Done { by } => Some(by),
        _ => None,
    };
    out.push(todo);
    let Some(by) = made else { return Ok(()) };
    if kind != TodoKind::Objection {
        return Ok(());
    }
    // Awb 7:10: information only, counted from the end of the objection period.
    let due = decision_due(calendar, &period)?.last_day;
    let letters: Vec<i64> = objections.into_iter().chain(by).collect();
    let decided = lookup
        .links_to(s.id)
        .chain(letters.iter().flat_map(|&id| lookup.links_to(id)))
        .filter(|l| l.is_by_decision_on_objection())
        .map(|l| l.from_id)
        .min();
    let auto = decided.map(|id| TodoState::Done { by: Some(id) });
    out.push(lookup.settle(base(s, TodoKind::DecisionDue, due), auto));
    Ok(())
}

/// Whether missing this to-do loses a right the law gives (objection, appeal): those
/// come first, because a late objection can still be saved (Awb 6:11) only soon.
fn is_legal(kind: TodoKind) -> bool {
    matches!(kind, TodoKind::Objection | TodoKind::Appeal)
}

fn rank(todo: &Todo) -> u8 {
    match todo.state {
        TodoState::Missed if is_legal(todo.kind) => 0,
        TodoState::Missed => 1,
        TodoState::Open => 2,
        TodoState::Done { .. } | TodoState::NotNeeded => 3,
    }
}

/// The order every list of to-dos has (the home view, `dossier deadlines`, a case):
/// 1. missed legal deadlines (objection, appeal), most recently missed first: a green
///    "nothing to do" above a lost objection period is the worst thing this list can
///    show, and a late objection may still be accepted when the reason is good
///    (Awb 6:11), so it has to be seen first and at once;
/// 2. the other missed ones (a reply-by date, a repair period, an appointment), most
///    recently missed first: each may still carry a threat, and each stays here
///    until the user settles it;
/// 3. open, soonest act-by date first: what can still be done in time;
/// 4. done and not needed, newest due date first.
///
/// Ties go by entry id and kind, so the order is the same on every read.
pub fn sort_todos(todos: &mut [Todo]) {
    todos.sort_by(|a, b| {
        let (ra, rb) = (rank(a), rank(b));
        let by_date = match ra {
            2 => (a.act_by, a.due_on).cmp(&(b.act_by, b.due_on)),
            0 | 1 => (b.act_by, b.due_on).cmp(&(a.act_by, a.due_on)),
            _ => (b.due_on, b.act_by).cmp(&(a.due_on, a.act_by)),
        };
        ra.cmp(&rb)
            .then(by_date)
            .then(a.entry_id.cmp(&b.entry_id))
            .then(a.kind.cmp(&b.kind))
    });
}
