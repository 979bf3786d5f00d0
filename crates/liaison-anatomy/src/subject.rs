//! The subject line `【类型】项目/主题-部门-紧急程度`: reply and forward prefixes, the tag, the
//! project, the departments and the urgency, the normalised subject and the topic that
//! threads a conversation. The anatomy's [`crate::Subject`] and the engine's threading keys
//! both read subjects here, so they cannot disagree.
//!
//! Every function takes any text and never panics; byte ranges index the text given.

/// Reply prefixes (compared case-insensitively).
const REPLY: &[&str] = &[
    "re",
    "aw",
    "sv",
    "antw",
    "回复",
    "答复",
    "回覆",
    "答覆",
    // Auto-replies answer a mail too (longest first where one starts another).
    "automatic reply",
    "auto reply",
    "auto-reply",
    "autoreply",
    "out of office",
    "自动回复",
    "自動回覆",
    "自动答复",
    "自動答覆",
    "自動回復",
];
/// Forward prefixes (compared case-insensitively).
const FORWARD: &[&str] = &["fw", "fwd", "wg", "tr", "转发", "轉寄", "轉發", "转寄"];

/// The brackets a tag may be written in: `【】`, `[]` (English subjects), `［］`, `〖〗`.
const BRACKETS: [(char, char); 4] = [('【', '】'), ('[', ']'), ('［', '］'), ('〖', '〗')];

/// The reply and forward prefixes in front of a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prefixes {
    /// Bytes taken by the prefixes and the spaces around them: the subject proper starts
    /// here.
    pub len: usize,
    /// A reply or forward prefix was there.
    pub is_reply: bool,
    /// A forward prefix was there (转发, Fw, Fwd …).
    pub is_forward: bool,
}

/// Reads the prefixes repeatedly: `Re:`, `RE：`, `回复:`, `答复：`, `回覆:`, `答覆:`, `转发:`,
/// `轉發:`, `Fw:`, `FW:`, `Fwd:`, `AW:`, `SV:`, `WG:`, `Re[2]:`, `Re(2):`, with an ASCII or
/// full-width colon, spaces allowed before the colon.
pub fn prefixes(subject: &str) -> Prefixes {
    let mut p = Prefixes {
        len: subject.len() - subject.trim_start().len(),
        ..Prefixes::default()
    };
    loop {
        let s = &subject[p.len..];
        if let Some(rest) = strip_one(s, REPLY) {
            p.is_reply = true;
            p.len = subject.len() - rest.len();
        } else if let Some(rest) = strip_one(s, FORWARD) {
            p.is_reply = true;
            p.is_forward = true;
            p.len = subject.len() - rest.len();
        } else {
            return p;
        }
    }
}

/// One prefix of `words` at the start of `s`: the rest after its colon and the spaces after
/// that.
fn strip_one<'a>(s: &'a str, words: &[&str]) -> Option<&'a str> {
    for w in words {
        let Some(head) = s.get(..w.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(w) {
            continue;
        }
        let mut rest = s[w.len()..].trim_start();
        // Re[2]: / Re(2):
        if let Some(r) = rest.strip_prefix(['[', '(']) {
            let end = r.find([']', ')'])?;
            if !r[..end].chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            rest = r[end + 1..].trim_start();
        }
        if let Some(r) = rest.strip_prefix([':', '：']) {
            return Some(r.trim_start());
        }
    }
    None
}

/// The subject without its prefixes, spaces collapsed; whether it had a reply or forward
/// prefix; whether it had a forward prefix.
pub fn strip_prefixes(subject: &str) -> (String, bool, bool) {
    let p = prefixes(subject);
    (collapse_ws(&subject[p.len..]), p.is_reply, p.is_forward)
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the parts of a subject (after its prefixes) are: byte ranges of the text given,
/// trimmed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Inside the brackets of the leading tag. Without a tag nothing else is read.
    pub tag: Option<(usize, usize)>,
    /// 项目/主题.
    pub project: Option<(usize, usize)>,
    /// Departments (split on `/`, `、`, `,`).
    pub departments: Vec<(usize, usize)>,
    /// The last `-` part when it is not the department part.
    pub urgency: Option<(usize, usize)>,
}

/// Splits `text` (a subject after its [`prefixes`]) into tag, project, departments and
/// urgency. The rest after the tag is split on ` - ` when present (English titles may
/// contain hyphens), else on `-`, `－`, `—`, `–`. With two parts, the second is the urgency
/// when `is_urgency` says so, else the departments; with more, the last two are departments
/// and urgency and the project is everything before.
pub fn layout(text: &str, is_urgency: impl Fn(&str) -> bool) -> Layout {
    let mut out = Layout::default();
    let Some((open, close)) = BRACKETS.iter().copied().find(|(o, _)| text.starts_with(*o)) else {
        return out;
    };
    let Some(ci) = text.find(close) else {
        return out;
    };
    out.tag = Some((open.len_utf8(), ci));
    let rest_start = ci + close.len_utf8();
    let rest = &text[rest_start..];
    let mut parts: Vec<(usize, usize)> = Vec::new();
    if rest.contains(" - ") {
        let mut i = 0;
        for piece in rest.split(" - ") {
            parts.push((i, i + piece.len()));
            i += piece.len() + 3;
        }
    } else {
        let mut i = 0;
        for (j, c) in rest.char_indices() {
            // A hyphen inside a code (`LT-C5-2`, `MS-200`) joins, it does not separate.
            let inside_code = c == '-'
                && rest[..j]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric())
                && rest[j + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_alphanumeric());
            if matches!(c, '-' | '－' | '—' | '–') && !inside_code {
                parts.push((i, j));
                i = j + c.len_utf8();
            }
        }
        parts.push((i, rest.len()));
    }
    let trimmed = |(a, b): (usize, usize)| -> (usize, usize) {
        let p = &rest[a..b];
        let lead = p.len() - p.trim_start().len();
        (a + lead, (a + p.trim_end().len()).max(a + lead))
    };
    let parts: Vec<(usize, usize)> = parts.into_iter().map(trimmed).collect();
    let abs = |(a, b): (usize, usize)| (rest_start + a, rest_start + b);
    match parts.len() {
        0 => {}
        1 => {
            if parts[0].1 > parts[0].0 {
                out.project = Some(abs(parts[0]));
            }
        }
        n => {
            let last = parts[n - 1];
            let (proj_end_idx, dept, urg) = if n == 2 {
                if is_urgency(&rest[last.0..last.1]) {
                    (1, None, Some(last))
                } else {
                    (1, Some(last), None)
                }
            } else {
                (n - 2, Some(parts[n - 2]), Some(last))
            };
            let (ps, pe) = (parts[0].0, parts[proj_end_idx - 1].1);
            if pe > ps {
                out.project = Some(abs((ps, pe)));
            }
            if let Some((ds, de)) = dept {
                let dtext = &rest[ds..de];
                let mut i = 0;
                for (j, c) in dtext
                    .char_indices()
                    .chain(std::iter::once((dtext.len(), '/')))
                {
                    if matches!(c, '/' | '／' | '、' | ',' | '，') {
                        let piece = &dtext[i..j];
                        let lead = piece.len() - piece.trim_start().len();
                        let (a, b) = (i + lead, i + piece.trim_end().len());
                        if b > a {
                            out.departments.push(abs((ds + a, ds + b)));
                        }
                        i = j + c.len_utf8();
                    }
                }
            }
            if let Some((us, ue)) = urg
                && ue > us
            {
                out.urgency = Some(abs((us, ue)));
            }
        }
    }
    out
}

/// The 【类型】项目 part of a normalised subject, lower-cased: the tag plus the project as
/// [`layout`] reads it, without the department and urgency parts (`【需求对接】Q4活动-市场部-重要`
/// → `【需求对接】q4活动`; `[Request] Q3 go-live - R&D` → `【Request】q3 go-live`). A subject
/// without a tag gives itself, lower-cased.
pub fn topic_of(normalized: &str) -> String {
    let s = normalized.trim();
    let l = layout(s, |_| false);
    match l.tag {
        Some((ts, te)) => {
            let project = l.project.map(|(a, b)| &s[a..b]).unwrap_or("");
            format!("【{}】{}", s[ts..te].trim(), project.to_lowercase())
        }
        None => s.to_lowercase(),
    }
}

/// A subject as threading reads it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Normalized {
    /// Without reply/forward prefixes, spaces collapsed.
    pub subject: String,
    /// See [`topic_of`]; empty when the subject is empty.
    pub topic: String,
    /// A reply or forward prefix was there.
    pub is_reply: bool,
    /// A forward prefix was there.
    pub is_forward: bool,
}

/// Strips the prefixes and finds the topic.
pub fn normalize(subject: &str) -> Normalized {
    let (subject, is_reply, is_forward) = strip_prefixes(subject);
    Normalized {
        topic: topic_of(&subject),
        subject,
        is_reply,
        is_forward,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_stripped_repeatedly() {
        for (s, want) in [
            (
                "Re: RE：回复: 答复：【需求对接】A-B-重要",
                "【需求对接】A-B-重要",
            ),
            ("转发: Fw: FW：Fwd: x", "x"),
            ("Re[2]: 回复：  hello   world", "hello world"),
            ("回覆：答覆: 轉發：AW: SV: x", "x"),
            ("Report: x", "Report: x"),
            ("Rework", "Rework"),
            ("Re[x]: y", "Re[x]: y"),
            ("Automatic reply: RE: x", "x"),
            ("自动答复: 【复盘】y", "【复盘】y"),
            ("自動回覆：z", "z"),
            ("", ""),
        ] {
            assert_eq!(strip_prefixes(s).0, want, "{s}");
        }
        assert_eq!(strip_prefixes("转发：x"), ("x".into(), true, true));
        assert_eq!(strip_prefixes("答复: x"), ("x".into(), true, false));
        assert_eq!(strip_prefixes("x"), ("x".into(), false, false));
        let p = prefixes("  Re:  回覆：【复盘】x");
        assert_eq!(p.len, "  Re:  回覆：".len());
        assert!(p.is_reply && !p.is_forward);
    }

    #[test]
    fn topic_keeps_kind_and_project() {
        assert_eq!(
            topic_of("【需求对接】Q4营销活动数据支持-市场部-重要"),
            "【需求对接】q4营销活动数据支持"
        );
        assert_eq!(
            topic_of("【问题协调】A-B-C-技术部-紧急"),
            "【问题协调】a-b-c"
        );
        assert_eq!(topic_of("【问题协调】系统故障"), "【问题协调】系统故障");
        assert_eq!(topic_of("Lunch?"), "lunch?");
        // Every bracket the anatomy accepts.
        for s in ["［复盘］项目-产品部-一般", "〖复盘〗项目-产品部-一般"] {
            assert_eq!(topic_of(s), "【复盘】项目", "{s}");
        }
        // English titles keep their hyphens, as in the anatomy's project.
        assert_eq!(
            topic_of("[Request] Q3 go-live - R&D"),
            "【Request】q3 go-live"
        );
    }

    /// A hyphen inside a product code is part of the project.
    #[test]
    fn codes_keep_their_hyphens() {
        let s = "【成果确认】XR-7B-2外壳样品-品质部";
        let l = layout(s, |_| false);
        let t = |r: (usize, usize)| &s[r.0..r.1];
        assert_eq!(t(l.project.unwrap()), "XR-7B-2外壳样品");
        let d: Vec<_> = l.departments.iter().map(|&r| t(r)).collect();
        assert_eq!(d, ["品质部"]);
        assert_eq!(topic_of(s), "【成果确认】xr-7b-2外壳样品");
    }

    #[test]
    fn layout_reads_parts() {
        let s = "【需求确认】Q3调研-市场部/技术部-需12月3日前反馈";
        let l = layout(s, |_| false);
        let t = |r: (usize, usize)| &s[r.0..r.1];
        assert_eq!(t(l.tag.unwrap()), "需求确认");
        assert_eq!(t(l.project.unwrap()), "Q3调研");
        let d: Vec<_> = l.departments.iter().map(|&r| t(r)).collect();
        assert_eq!(d, ["市场部", "技术部"]);
        assert_eq!(t(l.urgency.unwrap()), "需12月3日前反馈");
        let l = layout("【复盘】项目-紧急", |w| w == "紧急");
        assert!(l.departments.is_empty() && l.urgency.is_some());
        assert_eq!(layout("无标签-市场部", |_| false), Layout::default());
        assert_eq!(layout("【未闭合-市场部", |_| false), Layout::default());
    }

    proptest::proptest! {
        #[test]
        fn any_subject_never_panics(s in "\\PC{0,60}") {
            let (n, _, _) = strip_prefixes(&s);
            let _ = topic_of(&n);
            let l = layout(&s, |w| w.len() % 2 == 0);
            for (a, b) in l.tag.into_iter().chain(l.project).chain(l.urgency).chain(l.departments) {
                proptest::prop_assert!(a <= b && b <= s.len());
                proptest::prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            }
            // Stripping is idempotent.
            proptest::prop_assert_eq!(strip_prefixes(&n).0, n.clone());
        }
    }
}
