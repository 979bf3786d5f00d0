//! The one language type: what a draft is written in, and what liaison writes and speaks.

use serde::{Deserialize, Serialize};

/// Chinese or English: a draft's language (judged from its body by [`Lang::detect`]), a
/// composed mail's language, and the language of messages (`--lang zh|en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// What an I/O error means, in this language: the common kinds in words a user
    /// understands, anything else as the system says it.
    pub fn io_error(self, e: &std::io::Error) -> String {
        use std::io::ErrorKind as K;
        let known = match e.kind() {
            K::NotFound => Some((
                "不存在（请检查路径）",
                "no such file or folder (check the path)",
            )),
            K::PermissionDenied => Some(("没有权限", "permission denied")),
            K::IsADirectory => Some(("是文件夹，不是文件", "is a folder, not a file")),
            K::NotADirectory => Some(("不是文件夹", "not a folder")),
            K::AlreadyExists => Some(("已存在", "already exists")),
            K::InvalidData => Some((
                "内容不是有效的文本（UTF-8）",
                "the content is not valid text (UTF-8)",
            )),
            K::StorageFull => Some(("磁盘已满", "the disk is full")),
            K::ReadOnlyFilesystem => Some(("文件系统只读", "the file system is read-only")),
            K::ConnectionRefused => Some((
                "连接被拒绝（服务未启动？）",
                "connection refused (is the server running?)",
            )),
            K::TimedOut => Some(("超时", "timed out")),
            K::BrokenPipe => Some(("管道已关闭", "the pipe was closed")),
            _ => None,
        };
        match known {
            Some((zh, en)) => self.pick(zh, en).to_string(),
            None => e.to_string(),
        }
    }

    /// The language a text is written in, from its first 4,000 characters: Chinese when it
    /// has Han characters and they carry at least half as much as its Latin letters (a Han
    /// character counting as a word of four letters), else English.
    pub fn detect(text: &str) -> Lang {
        let mut han = 0usize;
        let mut latin = 0usize;
        // Read from the UTF-8 bytes (Han characters are all three bytes long).
        let b = text.as_bytes();
        let (mut i, mut chars) = (0, 0);
        while i < b.len() && chars < 4000 {
            let x = b[i];
            chars += 1;
            if x < 0x80 {
                latin += x.is_ascii_alphabetic() as usize;
                i += 1;
            } else if x >= 0xF0 {
                i += 4;
            } else if x >= 0xE0 {
                // is_han from the first two bytes: U+3400..U+4DBF is E3 90..E4 B6,
                // U+4E00..U+9FFF is E4 B8..E9 BF, U+F900..U+FAFF is EF A4..EF AB.
                let y = b[i + 1];
                han += match x {
                    0xE3 => y >= 0x90,
                    0xE4 => y <= 0xB6 || y >= 0xB8,
                    0xE5..=0xE9 => true,
                    0xEF => (0xA4..=0xAB).contains(&y),
                    _ => false,
                } as usize;
                i += 3;
            } else {
                i += 2;
            }
        }
        if han * 4 >= latin / 2 && han > 0 {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code that is neither `zh` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: use zh or en")]
pub struct UnknownLang(pub String);

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    /// `zh` or `en`, ignoring ASCII case.
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownLang(s.to_string()))
    }
}

/// Whether a character is a CJK ideograph.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test in `detect` agrees with `is_han` on every three-byte character.
    #[test]
    fn detect_han_bytes_agree_with_is_han() {
        for cp in 0x800u32..0x10000 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            // One such character and nothing else: Chinese exactly when it is Han.
            let want = if is_han(c) { Lang::Zh } else { Lang::En };
            assert_eq!(Lang::detect(&c.to_string()), want, "U+{cp:04X}");
        }
    }

    #[test]
    fn detect_weighs_han_against_latin() {
        assert_eq!(Lang::detect("张经理，您好！请于周五前反馈。"), Lang::Zh);
        assert_eq!(Lang::detect("Hi Bob, please reply by Friday."), Lang::En);
        assert_eq!(Lang::detect("Please review the Q3 plan 计划"), Lang::En);
        assert_eq!(Lang::detect(""), Lang::En);
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(l.code().parse::<Lang>(), Ok(l));
            assert_eq!(serde_json::to_string(&l).unwrap(), format!("\"{l}\""));
        }
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::En.pick("中", "en"), "en");
    }
}
