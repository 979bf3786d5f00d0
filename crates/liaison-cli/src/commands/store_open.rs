//! Opening the store from the global flags and the `[store]` section of the config.
//!
//! Every command that needs the database calls [`open_store`]; it is not a subcommand.
//! Precedence, most specific first: `--database-url` / `LIAISON_DATABASE_URL` (PostgreSQL),
//! `--db FILE` / `LIAISON_DB` (SQLite), `[store] database_url`, `[store] db` (relative to
//! the config file), else `liaison.db` in the data directory ([`data_dir`]).

use crate::cli::GlobalArgs;
use crate::config::{StoreSection, find_upward};
use anyhow::Context;
use liaison_store::{Location, Store};
use std::path::{Path, PathBuf};

/// The data directory: `LIAISON_DATA_DIR`, else `$XDG_DATA_HOME/liaison`, else
/// `~/.local/share/liaison`, else `./.liaison`.
pub fn data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("LIAISON_DATA_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("liaison");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(h).join(".local/share/liaison");
    }
    PathBuf::from(".liaison")
}

/// Reads only the `[store]` section of the config file in effect (`--config`, else
/// `liaison.toml` found upward), with its path made absolute. Missing file: defaults.
pub fn store_section(g: &GlobalArgs) -> anyhow::Result<StoreSection> {
    let path = match &g.config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir().ok().and_then(|d| find_upward(&d)),
    };
    let Some(path) = path else {
        return Ok(StoreSection::default());
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: cannot read the configuration file", path.display()))?;
    let table: toml::Table =
        toml::from_str(&text).with_context(|| format!("{}: not valid TOML", path.display()))?;
    let Some(store) = table.get("store") else {
        return Ok(StoreSection::default());
    };
    let mut section: StoreSection = store.clone().try_into().with_context(|| {
        format!(
            "{}: [store] accepts `db = \"FILE\"` and `database_url = \"postgres://…\"`",
            path.display()
        )
    })?;
    if let Some(db) = &section.db
        && db.is_relative()
    {
        let base = path.parent().unwrap_or(Path::new("."));
        section.db = Some(base.join(db));
    }
    Ok(section)
}

/// Where the store is, from the flags and the config (see the module doc for precedence).
pub fn store_location(g: &GlobalArgs) -> anyhow::Result<Location> {
    if let Some(url) = g.database_url.as_deref().filter(|u| !u.trim().is_empty()) {
        return Ok(Location::Postgres(url.trim().to_string()));
    }
    if let Some(db) = &g.db {
        return Ok(Location::Sqlite(db.clone()));
    }
    let section = store_section(g)?;
    Ok(Location::choose(
        section.database_url.as_deref(),
        section.db.as_deref(),
        &data_dir(),
    ))
}

/// Opens (and migrates) the store the flags and config point at. Used by `ingest`,
/// `rebuild`, `list`, `show`, `due`, `mark`.
pub fn open_store(g: &GlobalArgs) -> anyhow::Result<Box<dyn Store>> {
    let loc = store_location(g)?;
    Ok(liaison_store::open(&loc)?)
}
