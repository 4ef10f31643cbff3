//! What the app and the CLI do to their own process before a dossier is opened: no core
//! dumps, so a crash never leaves the data key or decrypted letters in a file.

/// Turns core dumps off for this process (RLIMIT_CORE 0 and, on Linux, not dumpable,
/// which also keeps other processes of the same user from attaching to read memory).
pub fn disable_core_dumps() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use rustix::process::{setrlimit, Resource, Rlimit};
        setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        )?;
        #[cfg(any(target_os = "linux", target_os = "android"))]
        rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable)?;
    }
    Ok(())
}
