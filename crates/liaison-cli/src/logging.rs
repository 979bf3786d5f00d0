//! Structured logs (tracing) on stderr for the commands that talk to servers — `run`,
//! `fetch`, `send` — so that stdout keeps only their data.
//!
//! Each line is `TIME LEVEL TARGET: message key=value…`, with the targets `liaison::run`
//! (passes, waits, each action with `collaboration`, `action`, `message_id`, `state`),
//! `liaison::fetch` (each folder read), `liaison::send` (each message with `message_id`
//! and `state`) and `liaison::outbox`.
//!
//! The level: each `-v` takes the next of the command's levels (`run`: info, debug, trace;
//! `fetch`, `send`: errors only — their own messages say what happened — then info, debug,
//! trace); without `-v`, `LIAISON_LOG` (else `RUST_LOG`) in RUST_LOG syntax (`debug`,
//! `liaison::run=debug,warn`, …) replaces the default.

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// The levels of `run`: info, then each `-v` one step more.
pub const RUN: &[LevelFilter] = &[LevelFilter::INFO, LevelFilter::DEBUG, LevelFilter::TRACE];

/// The levels of `fetch` and `send`: errors only, then info, debug, trace.
pub const QUIET: &[LevelFilter] = &[
    LevelFilter::ERROR,
    LevelFilter::INFO,
    LevelFilter::DEBUG,
    LevelFilter::TRACE,
];

/// The level of `verbose` among `levels` (the last one for more `-v` than levels).
fn level(levels: &[LevelFilter], verbose: u8) -> LevelFilter {
    levels
        .get(usize::from(verbose))
        .or(levels.last())
        .copied()
        .unwrap_or(LevelFilter::INFO)
}

/// The filter of a command: see the module documentation. A `LIAISON_LOG` that cannot be
/// read is said once on stderr and the default is used.
pub fn filter(levels: &[LevelFilter], verbose: u8, env: Option<String>) -> Targets {
    if verbose == 0
        && let Some(spec) = env.filter(|s| !s.trim().is_empty())
    {
        match spec.parse::<Targets>() {
            Ok(t) => return t,
            Err(e) => eprintln!(
                "{}: LIAISON_LOG={spec:?}: {e}",
                crate::output::tr("注意：无法读取日志级别", "note: log level not understood")
            ),
        }
    }
    Targets::new().with_default(level(levels, verbose))
}

/// Installs the stderr logger (once per process; later calls do nothing).
pub fn init(levels: &[LevelFilter], verbose: u8) {
    let env = std::env::var("LIAISON_LOG")
        .ok()
        .or_else(|| std::env::var("RUST_LOG").ok());
    let _ = tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .with(filter(levels, verbose, env))
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing_subscriber::filter::LevelFilter as L;

    #[test]
    fn each_v_takes_the_next_level_and_env_applies_without_v() {
        assert_eq!(level(RUN, 0), L::INFO);
        assert_eq!(level(RUN, 1), L::DEBUG);
        assert_eq!(level(RUN, 9), L::TRACE);
        assert_eq!(level(QUIET, 0), L::ERROR);
        assert_eq!(level(QUIET, 1), L::INFO);
        let t = filter(QUIET, 0, Some("liaison::run=debug,error".into()));
        assert!(t.would_enable("liaison::run", &tracing::Level::DEBUG));
        assert!(!t.would_enable("liaison::send", &tracing::Level::WARN));
        // -v wins over the environment.
        let t = filter(QUIET, 1, Some("error".into()));
        assert!(t.would_enable("liaison::send", &tracing::Level::INFO));
        // Unreadable: the default.
        let t = filter(RUN, 0, Some("liaison::run=loud".into()));
        assert!(t.would_enable("x", &tracing::Level::INFO));
        assert!(!t.would_enable("x", &tracing::Level::DEBUG));
    }
}
