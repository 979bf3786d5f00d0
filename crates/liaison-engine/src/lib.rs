//! Engine: the ingest classifier, the tracker that builds collaborations from mail, and the
//! pure planner that says what is due.
