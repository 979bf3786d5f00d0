//! File names that are safe on Windows, macOS and Linux, and never leave their folder.

/// The longest name written, in UTF-8 bytes: below the 255-byte limit of common file
/// systems, with room for a clash suffix such as ` (12)`.
pub const MAX_NAME_BYTES: usize = 180;

/// Windows reserves these names (with any extension) for devices.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// `name` made into one safe path component: separators (`/`, `\`), the characters
/// Windows forbids (`<>:"|?*`) and control characters become `_`; leading and trailing
/// dots and spaces go (so `..` cannot climb); reserved device names (CON, NUL, …) get a
/// `_` in front; long names are cut to [`MAX_NAME_BYTES`] keeping the extension. An empty
/// result becomes `fallback`.
pub fn safe_name(name: &str, fallback: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | '<' | '>' | ':' | '"' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    s = s
        .trim_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string();
    if s.chars().all(|c| c == '_') {
        s = fallback.to_string();
    }
    let stem = s.split('.').next().unwrap_or("").trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        s = format!("_{s}");
    }
    truncate(&s, MAX_NAME_BYTES)
}

/// Cuts `name` to at most `max` UTF-8 bytes on a character boundary, keeping a short
/// extension (up to 16 bytes) so the file still opens with the right program.
fn truncate(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_string();
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 && name.len() - i <= 16 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    let mut cut = max.saturating_sub(ext.len());
    while cut > 0 && !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{ext}", stem[..cut].trim_end())
}

/// `name` with ` (n)` before its extension: the n-th file that wanted the same name.
pub fn numbered(name: &str, n: usize) -> String {
    match name.rfind('.') {
        Some(i) if i > 0 => format!("{} ({n}){}", &name[..i], &name[i..]),
        _ => format!("{name} ({n})"),
    }
}

/// A name not yet in `taken` (compared case-insensitively, as on Windows and macOS):
/// `name` itself, else `name (2)`, `name (3)`, …; the chosen name is added to `taken`.
pub fn unique(name: &str, taken: &mut std::collections::BTreeSet<String>) -> String {
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            name.to_string()
        } else {
            numbered(name, n)
        };
        if taken.insert(candidate.to_lowercase()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_become_safe() {
        assert_eq!(safe_name("../../etc/passwd", "x"), "_.._etc_passwd");
        assert_eq!(safe_name("..", "attachment"), "attachment");
        assert_eq!(safe_name("a\\b/c.txt", "x"), "a_b_c.txt");
        assert_eq!(safe_name("bell\u{7}.txt", "x"), "bell_.txt");
        assert_eq!(safe_name("CON", "x"), "_CON");
        assert_eq!(safe_name("nul.txt", "x"), "_nul.txt");
        assert_eq!(safe_name("CONTRACT.txt", "x"), "CONTRACT.txt");
        assert_eq!(safe_name("报告:终版?.docx", "x"), "报告_终版_.docx");
        let long = format!("{}.pdf", "长".repeat(300));
        let s = safe_name(&long, "x");
        assert!(s.len() <= MAX_NAME_BYTES, "{}", s.len());
        assert!(s.ends_with("长.pdf"));
    }

    #[test]
    fn clashes_get_numbers() {
        let mut taken = Default::default();
        assert_eq!(unique("a.csv", &mut taken), "a.csv");
        assert_eq!(unique("A.csv", &mut taken), "A (2).csv");
        assert_eq!(unique("a.csv", &mut taken), "a (3).csv");
    }
}
