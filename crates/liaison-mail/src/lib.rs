//! The wire: MIME writing for composed drafts, reading messages (`.eml`, any charset) and
//! mailboxes (Maildir, mbox). What a mail says (its anatomy, threading keys, reply class)
//! is read above this crate, by liaison-anatomy and liaison-engine.
//!
//! Reading never panics and never fails outright: it returns what it could read.

pub mod charset;
pub mod mailbox;
pub mod message;
pub mod mime;

pub use message::{Attachment, Message};
#[cfg(feature = "transport")]
pub mod chat;
#[cfg(feature = "transport")]
pub mod transport;
