//! Store: SQLite and PostgreSQL behind one interface; raw messages kept immutably by SHA-256,
//! append-only events, embedded migrations.
