//! Tracking: messages and manual marks → threads → collaborations, independent of the
//! order in which inputs arrive.
//!
//! * [`info`] reads what threading needs from a message (keys, date, can it open a
//!   collaboration).
//! * [`graph`] forms threads: connected sets under strong links (references), with the
//!   subject as a fallback only where no reference is present.
//! * [`replay`] turns one thread (and its manual events) into its collaboration.
//! * [`incremental`] applies one ledger input against the store, folding forward when it
//!   can and replaying the touched threads when it must.
//! * [`full`] recomputes everything from the ledger for `liaison rebuild`.

pub mod full;
pub mod graph;
pub mod incremental;
pub(crate) mod index;
pub mod info;
pub(crate) mod memo;
pub mod replay;

pub use full::{Recomputed, recompute_all};
pub use incremental::{read_input, track_input, track_read};
pub use info::{MessageInfo, SortKey};
