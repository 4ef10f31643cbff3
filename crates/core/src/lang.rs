//! The language of what the dossier writes for others: the PDF, the calendar file, to-do sentences.

/// The language of the printed bundle (labels, dates, counts); the user's own text is
/// printed as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// The BCP 47 tag written into the PDF, so screen readers pick the right voice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl-NL",
            Lang::En => "en-GB",
        }
    }
}
