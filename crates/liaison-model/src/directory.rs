//! The directory of departments and people: who is the 对接人, who is their superior, how to
//! reach them by chat. Loading and validation live with the types so every caller gets the
//! same errors.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A department (部门).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// The name as written in subjects, e.g. 技术部.
    pub name: String,
    /// Other names people use for it (研发部, R&D).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The head of the department, by email.
    #[serde(default)]
    pub head: Option<String>,
}

/// A person in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full name, e.g. 王磊.
    pub name: String,
    /// Email address; the person's key.
    pub email: String,
    /// Department name (canonical, not an alias).
    pub department: String,
    /// Title, e.g. 经理, 总监, 主管.
    #[serde(default)]
    pub title: Option<String>,
    /// Superior, by email; absent for the top of the organisation.
    #[serde(default)]
    pub superior: Option<String>,
    /// Chat handles by platform (`dingtalk`, `feishu`, `wecom`).
    #[serde(default)]
    pub chat: BTreeMap<String, String>,
}

/// Departments and people, as loaded from `directory.toml` (or CSV).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    /// `[[department]]` tables.
    #[serde(default, rename = "department")]
    pub departments: Vec<Department>,
    /// `[[person]]` tables.
    #[serde(default, rename = "person")]
    pub people: Vec<Person>,
}

impl Directory {
    /// Finds a person by email, ignoring ASCII case.
    pub fn person(&self, email: &str) -> Option<&Person> {
        let email = email.trim();
        self.people
            .iter()
            .find(|p| p.email.eq_ignore_ascii_case(email))
    }

    /// Finds a department by name or alias, ignoring ASCII case.
    pub fn department(&self, name: &str) -> Option<&Department> {
        let name = name.trim();
        self.departments.iter().find(|d| {
            d.name.eq_ignore_ascii_case(name) || d.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
    }

    /// The superior of the person with this email, if both are known.
    pub fn superior_of(&self, email: &str) -> Option<&Person> {
        self.person(email)
            .and_then(|p| p.superior.as_deref())
            .and_then(|s| self.person(s))
    }

    /// The people of one department (name or alias).
    pub fn members<'a>(&'a self, department: &str) -> impl Iterator<Item = &'a Person> + 'a {
        let canonical = self.department(department).map(|d| d.name.clone());
        self.people
            .iter()
            .filter(move |p| Some(&p.department) == canonical.as_ref())
    }
}
