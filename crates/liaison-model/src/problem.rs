//! Problems found in an input file (a directory, a brief): each names the file, the line
//! and the fix, in Chinese and English. Loading functions collect every problem they can
//! find and return them all at once, so the user fixes a file in one pass.

use std::fmt;

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line number (0 when unknown).
    pub line: usize,
    /// What is wrong, in Chinese.
    pub message: String,
    /// What is wrong, in English.
    pub message_en: String,
    /// How to fix it, in Chinese.
    pub help: String,
    /// How to fix it, in English.
    pub help_en: String,
}

impl Problem {
    /// Renders the problem as `file:line: message (help)` in Chinese (`en = false`) or English.
    pub fn render(&self, en: bool) -> String {
        let (m, h) = if en {
            (&self.message_en, &self.help_en)
        } else {
            (&self.message, &self.help)
        };
        let sep = if en { "fix" } else { "修改" };
        if self.line > 0 {
            format!("{}:{}: {m}\n  {sep}: {h}", self.file, self.line)
        } else {
            format!("{}: {m}\n  {sep}: {h}", self.file)
        }
    }
}

/// Every problem found in one or more files; the error of the loading functions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Renders all problems, one block per problem, in Chinese or English.
    pub fn render(&self, en: bool) -> String {
        self.0
            .iter()
            .map(|p| p.render(en))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Collects problems for one file.
#[derive(Debug)]
pub(crate) struct Collector<'a> {
    pub file: String,
    pub text: &'a str,
    pub problems: Vec<Problem>,
    /// The byte offset of every newline, so a line number is a binary search: counting
    /// from the start for every field made reading a large directory quadratic.
    newlines: Vec<usize>,
}

impl<'a> Collector<'a> {
    pub fn new(file: impl Into<String>, text: &'a str) -> Self {
        Collector {
            file: file.into(),
            text,
            problems: Vec::new(),
            newlines: text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        // Newlines before `end`.
        self.newlines.partition_point(|&n| n < end) + 1
    }

    pub fn push(&mut self, offset: usize, zh: String, en: String, help: String, help_en: String) {
        let line = self.line(offset);
        self.problems.push(Problem {
            file: self.file.clone(),
            line,
            message: zh,
            message_en: en,
            help,
            help_en,
        });
    }

    #[allow(dead_code)]
    pub fn finish(mut self) -> Result<(), Problems> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            self.problems.sort_by_key(|p| p.line);
            Err(Problems(self.problems))
        }
    }
}

/// Converts a TOML syntax error into a problem.
pub(crate) fn syntax(file: &str, text: &str, e: &toml::de::Error) -> Problems {
    let c = Collector::new(file, text);
    let line = e.span().map(|s| c.line(s.start)).unwrap_or(0);
    let msg = e.message().trim().to_string();
    Problems(vec![Problem {
        file: file.to_string(),
        line,
        message: format!("TOML 语法错误：{msg}"),
        message_en: format!("TOML syntax error: {msg}"),
        help: "检查该行的引号、括号和等号（字符串需用双引号括起）".into(),
        help_en: "check the quotes, brackets and `=` on that line (strings need double quotes)"
            .into(),
    }])
}

#[cfg(test)]
mod line_tests {
    use super::Collector;

    #[test]
    fn line_numbers_count_the_newlines_before() {
        let text = "a = 1\n\nb = \"二\"\nc = 3";
        let c = Collector::new("f", text);
        for offset in 0..=text.len() + 3 {
            let naive = text.as_bytes()[..offset.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            assert_eq!(c.line(offset), naive, "offset {offset}");
        }
        assert_eq!(Collector::new("f", "").line(5), 1);
    }
}
