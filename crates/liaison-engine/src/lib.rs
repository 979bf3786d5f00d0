//! Engine: threading, the tracker that builds collaborations from mail, and the pure
//! planner that says what is due. What a mail or a reply says is read by liaison-anatomy
//! (re-exported here: the [`reply`] reader and [`strip_quoted`]).
//!
//! * [`thread`] computes the threading keys that find a message's collaboration.
//! * [`tracker`] turns messages and manual marks into [`liaison_model::Collaboration`]s,
//!   deterministically, so `liaison rebuild` reproduces the same result.
//! * [`planner`] is a pure function from collaborations, [`Policy`], calendar, directory
//!   and `now` to the [`DueAction`]s (DESIGN §6).
//! * [`plans`] keeps the planner's result per collaboration, so `due` is an index read.
//! * [`pipeline`] is the one ingest path; [`fetch`] feeds it from IMAP folders.
//! * [`outbox`] sends mail exactly once (or holds it for a person), through SMTP.

pub mod drafting;
pub mod fetch;
pub mod outbox;
pub mod pipeline;
pub mod planner;
pub mod plans;
pub mod policy;
pub mod runner;
pub mod thread;
pub mod track;
pub mod tracker;
pub mod views;

pub use liaison_anatomy::reply::{self, ItemRef, ReplyClass, ReplyReading, Writer};
pub use liaison_anatomy::{Stripped, strip_quoted};
pub use pipeline::{
    IngestOptions, IngestSummary, Malformed, Notice, Observer, PipelineError, TrackerMemory,
    config_notices, ingest, track_pending, track_pending_kept,
};
pub use planner::{
    Action, Channel, DueAction, Lang, PlanContext, Planned, plan, plan_compact,
    plan_compact_parallel, plan_parallel,
};
pub use policy::Policy;
pub use track::{recompute_all, track_input};
pub use tracker::{Mark, Tracker, TrackerConfig, TrackerError};
