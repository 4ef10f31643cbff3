//! How the webview starts so that it stays small in memory: WebKitGTK's accelerated
//! compositing keeps GL surfaces and a software GL stack (Mesa's llvmpipe, where there
//! is no GPU, as on most union and library PCs) in its processes. A calm page of forms
//! and lists does not need it; without it the app and its WebKit processes use about
//! 100 MB less and start in about half the time (`make bench`: 539 → 434 MB RSS,
//! 358 → 248 MB PSS with an empty dossier; 1,371 → 740 ms to the welcome screen).
//! A value the user set themselves is kept (someone whose display needs it). The
//! end-to-end tests read their screenshots from the X display (tests/e2e/lib/app.mjs):
//! WebKitWebDriver's own screenshot waited minutes for a frame in this mode.

/// The variables and the value set when the user has not set them.
pub const LEAN_ENVIRONMENT: [(&str, &str); 1] = [("WEBKIT_DISABLE_COMPOSITING_MODE", "1")];

/// What to set, given how the environment reads now.
pub fn to_set(current: impl Fn(&str) -> Option<String>) -> Vec<(&'static str, &'static str)> {
    LEAN_ENVIRONMENT
        .into_iter()
        .filter(|(name, _)| current(name).is_none())
        .collect()
}

/// Sets [`LEAN_ENVIRONMENT`] where unset. Call first thing, while the process has one
/// thread, before GTK or WebKit start (the web processes inherit it).
pub fn lean_webview() {
    for (name, value) in to_set(|n| std::env::var(n).ok()) {
        std::env::set_var(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_is_switched_off_unless_the_user_chose() {
        assert_eq!(to_set(|_| None), [("WEBKIT_DISABLE_COMPOSITING_MODE", "1")]);
        let chosen = |n: &str| (n == "WEBKIT_DISABLE_COMPOSITING_MODE").then(|| "0".to_string());
        assert!(to_set(chosen).is_empty());
    }
}
