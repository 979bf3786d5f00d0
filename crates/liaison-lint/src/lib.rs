//! Lint: check a draft against the guide (DESIGN §5) and report diagnostics as text, JSON
//! or SARIF.
