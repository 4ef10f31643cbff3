//! Suggestions from read text, for the user to accept or not: the letter's date, its
//! kenmerk, a date to reply by, whether it is a decision, and threats. Each carries the
//! words it came from. Precision first: a date is only suggested when it is a real
//! calendar date right next to the words that say what it is; nothing is guessed.

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

/// What a suggestion would fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestionKind {
    /// The date on the letter (`letter_dated`), `value` as YYYY-MM-DD.
    LetterDate,
    /// The agency's kenmerk, `value` as read.
    Kenmerk,
    /// A date to reply or act by (`reply_by`), `value` as YYYY-MM-DD.
    ReplyBy,
    /// The letter is a decision one can object to; `value` is "besluit".
    Decision,
    /// The letter threatens a sanction; `value` is the sentence (for `threat_text`).
    Threat,
}

/// One suggestion and the words of the read text it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub value: String,
    pub source: String,
}

/// A word of the text: its span in chars, its folded form (lower case, no accents,
/// outer punctuation off) and its line.
#[derive(Debug)]
struct Word {
    start: usize,
    end: usize,
    folded: String,
    line: usize,
}

struct Text {
    chars: Vec<char>,
    words: Vec<Word>,
}

fn fold(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'á' | 'à' | 'ä' | 'â' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        other => other,
    }
}

impl Text {
    fn new(text: &str) -> Text {
        let chars: Vec<char> = text.chars().collect();
        let mut words = Vec::new();
        let mut line = 0;
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '\n' {
                line += 1;
            }
            if chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            let raw: String = chars[start..i].iter().map(|&c| fold(c)).collect();
            let folded = raw.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            if !folded.is_empty() {
                words.push(Word {
                    start,
                    end: i,
                    folded,
                    line,
                });
            }
        }
        Text { chars, words }
    }

    fn span(&self, from: usize, to: usize) -> String {
        let s = self.words[from].start;
        let e = self.words[to.min(self.words.len() - 1)].end;
        let raw: String = self.chars[s..e].iter().collect();
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The sentence around word `i` (to the nearest full stop before and after, at most
    /// 25 words each way), as the source of a suggestion.
    fn sentence(&self, i: usize) -> String {
        let ends = |w: &Word| {
            let last = self.chars[w.end - 1];
            matches!(last, '.' | '!' | '?' | ':') && !w.folded.chars().all(|c| c.is_ascii_digit())
        };
        let mut from = i;
        while from > 0 && i - from < 25 && !ends(&self.words[from - 1]) {
            from -= 1;
        }
        let mut to = i;
        while to + 1 < self.words.len() && to - i < 25 && !ends(&self.words[to]) {
            to += 1;
        }
        self.span(from, to)
    }
}

const MONTHS: [&[&str]; 12] = [
    &["januari", "jan"],
    &["februari", "feb", "febr"],
    &["maart", "mrt", "mar"],
    &["april", "apr"],
    &["mei"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["augustus", "aug"],
    &["september", "sep", "sept"],
    &["oktober", "okt", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

fn month(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|m| m as u32 + 1)
}

fn real_date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    (1990..=2100)
        .contains(&y)
        .then(|| NaiveDate::from_ymd_opt(y, m, d))
        .flatten()
}

fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    (s.len() >= min && s.len() <= max && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A date starting at word `i`: (date, words it takes).
fn date_at(t: &Text, i: usize) -> Option<(NaiveDate, usize)> {
    let w = &t.words.get(i)?.folded;
    // 12-03-2026, 12/03/2026, 12.03.2026, 2026-03-12
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    if parts.len() == 3 {
        if let (Some(d), Some(m), Some(y)) = (
            digits(parts[0], 1, 2),
            digits(parts[1], 1, 2),
            digits(parts[2], 4, 4),
        ) {
            return real_date(y as i32, m, d).map(|d| (d, 1));
        }
        if let (Some(y), Some(m), Some(d)) = (
            digits(parts[0], 4, 4),
            digits(parts[1], 1, 2),
            digits(parts[2], 1, 2),
        ) {
            return real_date(y as i32, m, d).map(|d| (d, 1));
        }
        return None;
    }
    // 12 maart 2026
    let d = digits(w, 1, 2)?;
    let m = month(&t.words.get(i + 1)?.folded)?;
    let y = digits(&t.words.get(i + 2)?.folded, 4, 4)?;
    if t.words[i + 2].line != t.words[i].line {
        return None;
    }
    real_date(y as i32, m, d).map(|d| (d, 3))
}

/// The first date on line `line` at or after word `from`, skipping no more than `skip`
/// words before it.
fn date_after(
    t: &Text,
    from: usize,
    line: usize,
    skip: usize,
) -> Option<(NaiveDate, usize, usize)> {
    let mut i = from;
    let mut skipped = 0;
    while i < t.words.len() && t.words[i].line == line {
        if let Some((d, n)) = date_at(t, i) {
            return Some((d, i, n));
        }
        skipped += 1;
        if skipped > skip {
            return None;
        }
        i += 1;
    }
    None
}

fn first_of_line(t: &Text, line: usize) -> Option<usize> {
    t.words.iter().position(|w| w.line == line)
}

fn line_end(t: &Text, i: usize) -> bool {
    t.words.get(i + 1).is_none_or(|n| n.line != t.words[i].line)
}

const DATE_LABELS: [&str; 4] = ["datum", "dagtekening", "verzenddatum", "briefdatum"];

/// The letter's date: the date right after "Datum"/"Dagtekening" (or first on the next
/// line when the label stands alone or heads a column), else "Plaats, 12 maart 2026"
/// alone on its line.
fn letter_date(t: &Text) -> Option<(NaiveDate, String)> {
    for (i, w) in t.words.iter().enumerate() {
        if !DATE_LABELS.contains(&w.folded.as_str()) {
            continue;
        }
        if let Some((d, at, n)) = date_after(t, i + 1, w.line, 0) {
            return Some((d, t.span(i, at + n - 1)));
        }
        // A header row of labels ("Datum  Ons kenmerk") with the values below.
        let rest_has_date = (i + 1..t.words.len())
            .take_while(|&j| t.words[j].line == w.line)
            .any(|j| date_at(t, j).is_some());
        if !rest_has_date {
            if let Some(next) = first_of_line(t, w.line + 1) {
                if let Some((d, at, n)) = date_after(t, next, w.line + 1, 0) {
                    return Some((d, format!("{} … {}", t.span(i, i), t.span(at, at + n - 1))));
                }
            }
        }
    }
    for (i, w) in t.words.iter().enumerate() {
        let raw_end = t.chars[w.end - 1];
        let first = i == 0 || t.words[i - 1].line != w.line;
        if first && raw_end == ',' && w.folded.chars().all(char::is_alphabetic) {
            if let Some((d, n)) = date_at(t, i + 1) {
                if t.words[i + 1].line == w.line && line_end(t, i + n) {
                    return Some((d, t.span(i, i + n)));
                }
            }
        }
    }
    None
}

fn kenmerk_like(t: &Text, i: usize) -> Option<String> {
    let w = t.words.get(i)?;
    let raw: String = t.chars[w.start..w.end].iter().collect();
    let raw = raw.trim_matches(|c: char| !c.is_alphanumeric());
    let ok = (4..=40).contains(&raw.chars().count())
        && raw.chars().any(|c| c.is_ascii_digit())
        && raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-._".contains(c));
    (ok && date_at(t, i).is_none()).then(|| raw.to_string())
}

/// The kenmerk: the value after "Ons kenmerk", "Kenmerk", "Zaaknummer", … (not "Uw
/// kenmerk", which is the user's own), on the same line or heading the next.
fn kenmerk(t: &Text) -> Option<(String, String)> {
    for (i, w) in t.words.iter().enumerate() {
        let label = match w.folded.as_str() {
            "kenmerk" => i == 0 || t.words[i - 1].folded != "uw",
            "zaaknummer" | "dossiernummer" | "referentie" | "referentienummer" => true,
            _ => false,
        };
        if !label {
            continue;
        }
        let from = if i > 0 && t.words[i - 1].folded == "ons" && t.words[i - 1].line == w.line {
            i - 1
        } else {
            i
        };
        if let Some(next) = t.words.get(i + 1).filter(|n| n.line == w.line) {
            let _ = next;
            if let Some(k) = kenmerk_like(t, i + 1) {
                return Some((k, t.span(from, i + 1)));
            }
            // Another label follows (a header row): the values are on the next line.
            if date_at(t, i + 1).is_some()
                || t.words[i + 1].folded.chars().any(|c| c.is_ascii_digit())
            {
                continue;
            }
        }
        let next_line = w.line + 1;
        let mut j = first_of_line(t, next_line)?;
        while j < t.words.len() && t.words[j].line == next_line {
            if let Some((_, n)) = date_at(t, j) {
                j += n;
                continue;
            }
            if let Some(k) = kenmerk_like(t, j) {
                return Some((k, format!("{} … {}", t.span(from, i), t.span(j, j))));
            }
            j += 1;
        }
    }
    None
}

fn number_word(w: &str) -> Option<u64> {
    let n = match w {
        "een" | "1" => 1,
        "twee" | "2" => 2,
        "drie" | "3" => 3,
        "vier" | "4" => 4,
        "vijf" | "5" => 5,
        "zes" | "6" => 6,
        "zeven" | "7" => 7,
        "acht" | "8" => 8,
        "tien" | "10" => 10,
        "veertien" | "14" => 14,
        other => return digits(other, 1, 2).map(u64::from),
    };
    Some(n)
}

const ACT_WORDS: [&str; 12] = [
    "reageer",
    "reageren",
    "reactie",
    "stuur",
    "sturen",
    "opsturen",
    "lever",
    "leveren",
    "inleveren",
    "aanleveren",
    "bel",
    "bellen",
];

fn sentence_has(t: &Text, i: usize, any: &[&str]) -> bool {
    let s = t.sentence(i);
    let folded: String = s.chars().map(fold).collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| any.contains(&w))
}

/// Dates to reply or act by: "vóór/uiterlijk (op) DATE", and "binnen N weken/dagen"
/// counted from the letter's date when a reply is asked for (not the objection term).
fn reply_by(t: &Text, dated: Option<NaiveDate>) -> Vec<(NaiveDate, String)> {
    let mut out: Vec<(NaiveDate, String)> = Vec::new();
    let plausible = |d: NaiveDate| {
        dated.is_none_or(|l| d > l && d <= l.checked_add_months(Months::new(12)).unwrap_or(l))
    };
    for (i, w) in t.words.iter().enumerate() {
        let found = match w.folded.as_str() {
            "voor" | "uiterlijk" => {
                let mut j = i + 1;
                while t.words.get(j).is_some_and(|n| {
                    n.line == w.line && ["op", "de", "datum"].contains(&n.folded.as_str())
                }) {
                    j += 1;
                }
                let line = t.words.get(j).map(|n| n.line);
                date_at(t, j)
                    .filter(|_| line == Some(w.line) || t.words.get(j).is_some())
                    .filter(|&(d, _)| plausible(d))
                    .filter(|_| {
                        w.folded == "uiterlijk" || dated.is_some() || sentence_has(t, i, &ACT_WORDS)
                    })
                    .map(|(d, n)| (d, t.span(i, j + n - 1)))
            }
            "binnen" => {
                let n = t.words.get(i + 1).and_then(|n| number_word(&n.folded));
                let unit = t.words.get(i + 2).map(|u| u.folded.as_str());
                match (n, unit, dated) {
                    (Some(n), Some(unit), Some(l))
                        if !sentence_has(t, i, &["bezwaar", "beroep", "bezwaarschrift"])
                            && sentence_has(t, i, &ACT_WORDS) =>
                    {
                        let d = match unit {
                            "week" | "weken" => l.checked_add_days(Days::new(7 * n)),
                            "dag" | "dagen" => l.checked_add_days(Days::new(n)),
                            _ => None,
                        };
                        d.map(|d| (d, t.span(i, i + 2)))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some((d, src)) = found {
            if !out.iter().any(|(o, _)| *o == d) {
                out.push((d, src));
            }
        }
    }
    out
}

const THREAT_WORDS: [&str; 22] = [
    "stopzetten",
    "stopgezet",
    "stopzetting",
    "beeindigen",
    "beeindigd",
    "beeindiging",
    "korting",
    "korten",
    "gekort",
    "maatregel",
    "maatregelen",
    "verlagen",
    "verlaagd",
    "verlaging",
    "terugvorderen",
    "terugvordering",
    "boete",
    "intrekken",
    "ingetrokken",
    "opschorten",
    "opgeschort",
    "schorten",
];

/// Every suggestion the text supports, in a fixed order: date, kenmerk, reply-by dates,
/// decision, threat.
pub fn suggest(text: &str) -> Vec<Suggestion> {
    let t = Text::new(text);
    let mut out = Vec::new();
    let dated = letter_date(&t);
    if let Some((d, source)) = &dated {
        out.push(Suggestion {
            kind: SuggestionKind::LetterDate,
            value: d.format("%Y-%m-%d").to_string(),
            source: source.clone(),
        });
    }
    if let Some((k, source)) = kenmerk(&t) {
        out.push(Suggestion {
            kind: SuggestionKind::Kenmerk,
            value: k,
            source,
        });
    }
    for (d, source) in reply_by(&t, dated.as_ref().map(|d| d.0)) {
        out.push(Suggestion {
            kind: SuggestionKind::ReplyBy,
            value: d.format("%Y-%m-%d").to_string(),
            source,
        });
    }
    let decision = t.words.iter().enumerate().find(|(i, w)| {
        let next = t.words.get(i + 1).map(|n| n.folded.as_str());
        let prev = i.checked_sub(1).map(|p| t.words[p].folded.as_str());
        (w.folded == "bezwaar" && matches!(next, Some("maken" | "indienen" | "aantekenen")))
            || w.folded == "bezwaarschrift"
            || (matches!(w.folded.as_str(), "besluit" | "beschikking")
                && matches!(prev, Some("dit" | "ons" | "deze")))
    });
    if let Some((i, _)) = decision {
        out.push(Suggestion {
            kind: SuggestionKind::Decision,
            value: "besluit".into(),
            source: t.sentence(i),
        });
    }
    let mut threats: Vec<String> = Vec::new();
    for (i, w) in t.words.iter().enumerate() {
        if THREAT_WORDS.contains(&w.folded.as_str()) {
            let s = t.sentence(i);
            if !threats.contains(&s) && threats.len() < 3 {
                threats.push(s);
            }
        }
    }
    if !threats.is_empty() {
        let joined = threats.join(" ");
        out.push(Suggestion {
            kind: SuggestionKind::Threat,
            value: joined.clone(),
            source: joined,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, kind: SuggestionKind) -> Vec<String> {
        suggest(text)
            .into_iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.value)
            .collect()
    }

    const LETTER: &str = "Gemeente Amsterdam\nWerk, Participatie en Inkomen\n\
        Datum 12 maart 2026\nOns kenmerk WPI/2026/004127\nUw kenmerk AB-9911\n\
        Onderwerp: uw uitkering\n\nGeachte mevrouw De Vries,\n\n\
        Wij hebben besloten uw uitkering per 1 april 2026 te verlagen met een korting van\n\
        20 procent. Stuur de gevraagde stukken vóór 26 maart 2026 naar ons op.\n\
        Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken binnen zes weken\n\
        na de datum van deze brief.\n";

    #[test]
    fn a_letter_gives_its_date_kenmerk_reply_date_decision_and_threat() {
        let s = suggest(LETTER);
        let kinds: Vec<_> = s.iter().map(|s| s.kind).collect();
        assert_eq!(values(LETTER, SuggestionKind::LetterDate), ["2026-03-12"]);
        assert_eq!(values(LETTER, SuggestionKind::Kenmerk), ["WPI/2026/004127"]);
        assert_eq!(values(LETTER, SuggestionKind::ReplyBy), ["2026-03-26"]);
        assert!(kinds.contains(&SuggestionKind::Decision), "{s:?}");
        let threat = s
            .iter()
            .find(|s| s.kind == SuggestionKind::Threat)
            .expect("threat");
        assert!(threat.source.contains("korting"), "{threat:?}");
        let date = &s[0];
        assert_eq!(date.source, "Datum 12 maart 2026");
    }

    #[test]
    fn impossible_dates_and_unlabelled_dates_are_never_suggested() {
        let t = "Datum 31 februari 2026\nOp 3 maart 2026 spraken wij elkaar.";
        assert!(values(t, SuggestionKind::LetterDate).is_empty());
        let t = "Datum 30-02-2026";
        assert!(values(t, SuggestionKind::LetterDate).is_empty());
        let t = "Geboortedatum 01-02-1980\nDatum aanvraag 1 maart 2026";
        assert!(values(t, SuggestionKind::LetterDate).is_empty());
    }

    #[test]
    fn a_header_row_of_labels_takes_its_values_from_the_next_line() {
        let t = "Datum Ons kenmerk\n12-03-2026 WPI/2026/77\n";
        assert_eq!(values(t, SuggestionKind::LetterDate), ["2026-03-12"]);
        assert_eq!(values(t, SuggestionKind::Kenmerk), ["WPI/2026/77"]);
    }

    #[test]
    fn within_n_weeks_counts_from_the_letter_but_not_the_objection_term() {
        let t = "Datum: 2 maart 2026\nReageer binnen twee weken op deze brief.\n\
            U kunt bezwaar maken binnen zes weken.";
        assert_eq!(values(t, SuggestionKind::ReplyBy), ["2026-03-16"]);
        let t = "Amsterdam, 2 maart 2026\nStuur de formulieren uiterlijk op 1 februari 2026 op.";
        assert_eq!(values(t, SuggestionKind::LetterDate), ["2026-03-02"]);
        assert!(
            values(t, SuggestionKind::ReplyBy).is_empty(),
            "before the letter"
        );
    }

    #[test]
    fn a_letter_without_sanctions_or_decision_suggests_neither() {
        let t =
            "Datum 5 mei 2026\nWij nodigen u uit voor een gesprek. Wij nemen later een besluit.";
        let kinds: Vec<_> = suggest(t).into_iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SuggestionKind::LetterDate]);
    }
}
