//! The vocabulary of liaison: what a collaboration is, in the guide's own terms.
//!
//! Every other crate speaks in these types: the [`Kind`] of a mail (its 【协作类型】 tag),
//! its [`Urgency`] (紧急程度), the [`Directory`] of departments and people, the [`Brief`]
//! a mail is composed from, and the [`Collaboration`] that the tracker follows. [`Lang`] is
//! the one language type and [`text`] the one definition of a sentence.

pub mod brief;
pub mod collaboration;
pub mod directory;
pub mod kind;
pub mod lang;
pub mod problem;
pub mod text;
pub mod urgency;

pub use brief::{Brief, BriefAttachment, BriefEnglish, BriefItem};
pub use collaboration::{ActionItem, Collaboration, Event, EventKind, ItemStatus, State};
pub use directory::{Department, Directory, DirectoryError, Person};
pub use kind::{Kind, KindTable};
pub use lang::{Lang, UnknownLang, is_han};
pub use problem::{Problem, Problems};
pub use urgency::Urgency;
