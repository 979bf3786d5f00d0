//! Engine: the ingest classifier, the tracker that builds collaborations from mail, and the
//! pure planner that says what is due.
//!
//! * [`classify`] reads a reply (acknowledgement, delivery, dispute/delay, promised times).
//! * [`tracker`] turns messages and manual marks into [`liaison_model::Collaboration`]s,
//!   deterministically, so `liaison rebuild` reproduces the same result.
//! * [`planner`] is a pure function from collaborations, [`Policy`], calendar, directory
//!   and `now` to the [`DueAction`]s (DESIGN §6).

pub mod classify;
pub mod pipeline;
pub mod planner;
pub mod policy;
pub mod track;
pub mod tracker;

/// Threading keys (moving into this crate).
pub use liaison_mail::thread;

pub use classify::{Classification, classify_reply, strip_quoted};
pub use pipeline::{
    IngestOptions, IngestSummary, Malformed, Notice, Observer, PipelineError, config_notices,
    ingest, track_pending,
};
pub use planner::{Action, Channel, DueAction, Lang, PlanContext, plan};
pub use policy::Policy;
pub use track::{recompute_all, track_input};
pub use tracker::{Mark, Tracker, TrackerConfig, TrackerError};
