//! Closing a collaboration (the guide's 步骤4 闭环 and 三、模板与表单): the timeline read
//! as planned-vs-actual ([`timeline`]), the archive folder with its manifest ([`archive`]),
//! file names safe on every system ([`names`]), the guide's forms as XLSX and CSV
//! ([`forms`]), calendars ([`ics`]) and the department report ([`report`]).
//!
//! Everything here but [`closing`] (which reads the store and records, for the CLI and
//! `liaison serve` alike) is a pure function of the collaborations and messages it is
//! given (no clock, no store), so archiving twice gives the same bytes.

pub mod archive;
pub mod closing;
pub mod forms;
pub mod ics;
pub mod names;
pub mod report;
pub mod timeline;

/// The lower-case hex SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}
