//! Mail in and out: MIME writing for composed drafts, reading `.eml`/Maildir/mbox, the
//! draft anatomy shared by the linter and the tracker, and threading keys.
//!
//! Reading never panics and never fails outright: it returns what it could read.

pub mod anatomy;
pub mod charset;
pub mod mailbox;
pub mod message;
pub mod mime;
pub mod thread;

pub use message::{Attachment, Message};
