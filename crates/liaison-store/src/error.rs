//! The typed error of the store.

use thiserror::Error;

/// Everything that can go wrong in the store.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database could not be opened or created.
    #[error(
        "cannot open the database at {location}: {reason} (check the path or URL; `--db FILE` or `--database-url postgres://…`)"
    )]
    Open {
        /// The file path or URL (password removed).
        location: String,
        /// What failed.
        reason: String,
    },
    /// A SQLite statement failed.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A PostgreSQL statement failed.
    #[error("PostgreSQL: {}", crate::pg::describe(.0))]
    Postgres(#[from] postgres::Error),
    /// A file operation (the SQLite tracker lock file) failed.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        error: std::io::Error,
    },
    /// Stored data did not decode (a JSON column, a timestamp).
    #[error("stored data is unreadable ({what}): {reason}")]
    Corrupt {
        /// Which value.
        what: String,
        /// Why.
        reason: String,
    },
    /// The database was written by a newer liaison.
    #[error(
        "the database schema is version {found}, newer than this liaison knows ({known}); upgrade liaison"
    )]
    SchemaTooNew {
        /// Version found in the database.
        found: i64,
        /// Newest version this build knows.
        known: i64,
    },
}

impl StoreError {
    /// A value read back from the store did not decode.
    pub fn corrupt(what: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        StoreError::Corrupt {
            what: what.into(),
            reason: reason.to_string(),
        }
    }
}
