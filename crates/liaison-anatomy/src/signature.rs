//! The signature (落款), found from the bottom of the writer's text by scoring lines: each
//! line is cut into segments (at `|`, `｜`, ` / `, tabs and wide spaces; Han lines also at
//! single spaces) and each segment read as a valediction, a name, a department, a title, a
//! contact channel or a company. Lines that read that way are taken upwards until a line of
//! prose; trailing mobile tags (`发自我的iPhone`), disclaimers and logo placeholders are
//! left out first.

use super::{Anatomy, Line, ParseOptions, Signature};
use liaison_model::is_han;

/// What the headers say about the writer: the From display name (and the directory's
/// people), and the main label of the sender's mail domain, which a company name in the
/// signature usually spells (`Jingyun Software` at `jingyun-soft.com`).
#[derive(Debug, Default)]
struct Hints {
    names: Vec<String>,
    /// Lower-cased, hyphens kept (`hengrui-mfg`); empty when unknown.
    domain: String,
}

impl std::ops::Deref for Hints {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.names
    }
}

impl Hints {
    /// A Latin segment of one to four words, one of which (four letters or more) spells the
    /// mail domain's main label or one of its hyphenated parts: the writer's company.
    fn is_domain_company(&self, s: &str) -> bool {
        if self.domain.len() < 4 || s.chars().any(is_han) {
            return false;
        }
        if !(1..=4).contains(&s.split_whitespace().count()) {
            return false;
        }
        // Compared character by character, without allocating: this runs for every segment.
        s.split_whitespace().any(|w| {
            if fold_ascii(w).count() < 4 {
                return false;
            }
            let mut joined = self.domain.chars().filter(|c| *c != '-');
            fold_ascii(w).all(|c| joined.next() == Some(c))
                || self
                    .domain
                    .split('-')
                    .any(|part| part.chars().eq(fold_ascii(w)))
        })
    }
}

/// A word's letters and digits in ASCII lower case, accents dropped (`Lumière` → `lumiere`),
/// as a mail domain spells them.
fn fold_ascii(w: &str) -> impl Iterator<Item = char> + '_ {
    w.chars().filter_map(|c| match c {
        'à' | 'á' | 'â' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Å' => Some('a'),
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => Some('e'),
        'ì' | 'í' | 'î' | 'ï' => Some('i'),
        'ò' | 'ó' | 'ô' | 'ö' | 'Ö' => Some('o'),
        'ù' | 'ú' | 'û' | 'ü' | 'Ü' => Some('u'),
        c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
        _ => None,
    })
}

/// What a segment of a signature line reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg {
    Valediction,
    Name,
    Department,
    Title,
    /// A department glued to a title (`市场部经理`): the byte offset where the title starts.
    DeptTitle(usize),
    Contact,
    Company,
    /// An organisation glued to its unit (`豫商银行郑州分行营业部`): the byte offset where
    /// the unit, the department, starts.
    OrgDept(usize),
    Other,
}

/// Where the signature and the writer's text end, as line indices.
pub(super) struct Cut {
    /// First line of the signature block (valediction included); the end of the writer's
    /// text (trailing tags and disclaimers excluded) when there is none.
    pub start: usize,
}

/// Valedictions that always belong to the signature.
const STRONG_VALEDICTIONS: &[&str] = &[
    "此致",
    "敬礼",
    "此致敬礼",
    "此致 敬礼",
    "顺祝商祺",
    "顺颂商祺",
    "顺颂时祺",
    "祝商祺",
    "祝好",
    "祝工作顺利",
    "顺祝工作顺利",
    "敬上",
    "謹上",
    "敬禮",
    "此致敬禮",
    "順頌商祺",
    "順祝商祺",
    "best regards",
    "regards",
    "kind regards",
    "warm regards",
    "warmest regards",
    "best wishes",
    "all the best",
    "best",
    "cheers",
    "sincerely",
    "yours sincerely",
    "sincerely yours",
    "yours",
    "br",
    "mit freundlichen grüßen",
    "viele grüße",
    "beste grüße",
    "met vriendelijke groet",
    "met vriendelijke groeten",
    "cordialement",
    "bien cordialement",
    "saludos",
    "un saludo",
    "cordiali saluti",
    "distinti saluti",
    "med vänliga hälsningar",
];

/// Thanks that belong to the signature only when the name follows on the next line; above a
/// blank line they end the closing.
const WEAK_VALEDICTIONS: &[&str] = &[
    "谢谢",
    "多谢",
    "感谢",
    "謝謝",
    "多謝",
    "感謝",
    "thanks",
    "thank you",
    "many thanks",
    "thanks so much",
    "thanks again",
    "thanks a lot",
    "thx",
    "tks",
    "thanks both",
    "thanks all",
    "thanks in advance",
    "thank you both",
    "谢谢您",
    "謝謝您",
];

fn valediction_key(t: &str) -> String {
    let k = t
        .trim()
        .trim_end_matches(['!', '！', ',', '，', '.', '。', '~', '～', ' ', '、'])
        .trim();
    // Valedictions are short: a long line is not one (and is not lower-cased for nothing).
    if k.len() > 64 {
        return String::new();
    }
    k.to_ascii_lowercase()
}

/// A strong valediction (`Best regards,`, `此致`, `敬礼！`, `Many thanks and best regards`,
/// `Kind regards / Mit freundlichen Grüßen`).
pub(super) fn is_strong_valediction(t: &str) -> bool {
    let k = valediction_key(t);
    if k.is_empty() || k.chars().count() > 48 {
        return false;
    }
    STRONG_VALEDICTIONS.contains(&k.as_str())
        || k.split(" / ")
            .all(|p| STRONG_VALEDICTIONS.contains(&valediction_key(p).as_str()))
        || (k.ends_with("regards") || k.ends_with("best wishes"))
            && k.split_whitespace().count() <= 6
}

/// A thanks line that may close a signature (`Thanks,`, `谢谢！`).
pub(super) fn is_weak_valediction(t: &str) -> bool {
    let k = valediction_key(t);
    !k.is_empty() && WEAK_VALEDICTIONS.contains(&k.as_str())
}

/// Lines a mail client or a phone adds under the writer's text.
/// The first bytes of `t` (at most `n`, on a character boundary), ASCII lower-cased.
fn head_lower(t: &str, n: usize) -> String {
    let mut e = t.len().min(n);
    while !t.is_char_boundary(e) {
        e -= 1;
    }
    t[..e].to_ascii_lowercase()
}

fn is_client_tag(t: &str) -> bool {
    let t = t.trim();
    // `Sent from my Android device with K-9 Mail. Please excuse my brevity.`: a phone's tag
    // may carry an apology; other lines this long are text.
    let n = t.chars().count();
    if n > 60 && !(n <= 120 && head_lower(t, 16).starts_with("sent from my ")) {
        return false;
    }
    let l = head_lower(t, 64);
    [
        "发自我的",
        "發自我的",
        "从我的",
        "從我的",
        "来自我的",
        "發送自",
        "发送自",
        "sent from my",
        "sent from dingtalk",
        "sent from feishu",
        "sent from lark",
        "sent from outlook",
        "sent from yahoo",
        "sent from the",
        "sent with proton",
        "sent from proton",
        "get outlook for",
        "获取 outlook",
        "获取outlook",
        "取得 outlook",
        "取得outlook",
        "来自钉钉",
        "发自钉钉",
        "来自飞书",
        "发自飞书",
        "发自网易邮箱",
        "发自 网易邮箱",
        "来自网易邮箱",
        "发自qq邮箱",
        "来自qq邮箱",
        "发自 qq邮箱",
        "来自企业微信",
        "发自企业微信",
        "使用 outlook",
        "发自 outlook",
        "發自 outlook",
        "从 outlook",
    ]
    .iter()
    .any(|p| l.starts_with(p))
        || mailer_tag(t)
}

/// `来自139邮箱客户端`, `来自阿里邮箱 iPhone版`, `发自 Sina 邮箱`, `Sent from BlueMail`,
/// `Sent from Mail for Windows`: a short line saying which mailbox or app sent the mail
/// (every provider words it so, in either language), not one of a list.
fn mailer_tag(t: &str) -> bool {
    let lead = ["来自", "发自", "發自", "寄自", "來自"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .or_else(|| {
            ["sent from ", "sent with ", "sent via "]
                .iter()
                .find(|p| head_lower(t, p.len()) == **p)
                .map(|p| &t[p.len()..])
        });
    lead.is_some_and(|r| {
        r.chars().count() <= 24
            && !r.contains(['，', '。', ',', '：', ':'])
            && [
                "邮箱",
                "郵箱",
                "客户端",
                "客戶端",
                "mail",
                "Mail",
                "App",
                "app",
            ]
            .iter()
            .any(|w| r.contains(w))
    })
}

/// The first line of a legal disclaimer: everything from it on is left out.
fn is_disclaimer(t: &str) -> bool {
    let s = t.trim().trim_start_matches(['*', '-', '=', '【', '[', ' ']);
    let l = head_lower(s, 48);
    [
        "免责声明",
        "免責聲明",
        "保密声明",
        "保密聲明",
        "机密声明",
        "本邮件及其附件",
        "本邮件含有",
        "本邮件可能",
        "本郵件",
        "此邮件",
        "此郵件",
        "本电子邮件",
        "本電子郵件",
        "disclaimer",
        "confidentiality",
        "confidential:",
        "confidential notice",
        "this email and any",
        "this e-mail and any",
        "this email is confidential",
        "this e-mail is confidential",
        "this message and any",
        "this message contains",
        "this email contains",
        "this e-mail contains",
        "the information contained in this",
        "the information in this",
        "please consider the environment",
        "this email has been scanned",
        "this e-mail has been scanned",
        "this message has been scanned",
        "注意：本邮件",
    ]
    .iter()
    .any(|p| l.starts_with(p))
}

/// A logo placeholder or a separator: not text.
fn is_decoration(t: &str) -> bool {
    let s = t.trim();
    let l = s.to_ascii_lowercase();
    l.starts_with("[cid:")
        || l.starts_with("[image")
        || l.starts_with("<image")
        || l.starts_with("[logo")
        || l.starts_with("[图片")
        || l.starts_with("[圖片")
        || (l.starts_with("image0") && l.len() < 30)
        || (!s.is_empty()
            && s.chars()
                .all(|c| matches!(c, '-' | '_' | '=' | '*' | '—' | '─' | '~' | ' ')))
}

/// A `-- ` signature delimiter.
fn is_delimiter(t: &str) -> bool {
    matches!(t.trim(), "--" | "-- " | "—" | "——" | "---")
}

/// A date line under a 此致敬礼 letter (2026年12月1日, 2026-12-01).
fn is_date_line(t: &str) -> bool {
    let t = t.trim();
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    let b = t.as_bytes();
    // A year first: 2026年12月1日, 2026-12-01, 2026/12/1.
    let year_first = b.len() > 5
        && b[..4].iter().all(u8::is_ascii_digit)
        && (matches!(b[4], b'-' | b'/' | b'.') || t[4..].starts_with('年'));
    year_first
        && (t.starts_with("19") || t.starts_with("20"))
        && (6..=8).contains(&digits)
        && t.chars().count() <= 20
        && t.chars()
            .all(|c| c.is_ascii_digit() || "年月日号-/. :".contains(c))
}

/// Cuts a line into segments (byte ranges, trimmed): at `|` `｜` tabs, full-width and double
/// spaces and ` / ` outside brackets.
fn segments(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let b = t.as_bytes();
    let mut it = t.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        let sep_len = if depth > 0 {
            0
        } else {
            match c {
                '|' | '｜' | '\t' | '　' => c.len_utf8(),
                ' ' if b.get(i + 1) == Some(&b' ') => {
                    t[i..].len() - t[i..].trim_start_matches(' ').len()
                }
                ' ' if t[i..].starts_with(" / ") => 3,
                // `Marketing Dept. - Amazon Ads Lead`: a spaced hyphen between parts (an en
                // dash joins one department's parts: `Supply Chain Dept. – International
                // Logistics`).
                ' ' if t[i..].starts_with(" - ") => 3,

                _ => 0,
            }
        };
        if sep_len > 0 {
            out.push((start, i));
            start = i + sep_len;
            // Skip the characters the separator covers.
            while let Some(&(j, _)) = it.peek() {
                if j < start {
                    it.next();
                } else {
                    break;
                }
            }
        }
    }
    out.push((start, t.len()));
    out.into_iter()
        .map(|(a, e)| {
            let p = &t[a..e];
            (a + (p.len() - p.trim_start().len()), a + p.trim_end().len())
        })
        .filter(|(a, e)| e > a)
        .collect()
}

const CONTACT_LABELS: &[&str] = &[
    "电话",
    "手机",
    "座机",
    "分机",
    "传真",
    "電話",
    "手機",
    "分機",
    "傳真",
    "微信",
    "企业微信",
    "钉钉",
    "釘釘",
    "飞书",
    "飛書",
    "内线",
    "內線",
    "邮箱",
    "郵箱",
    "电邮",
    "地址",
    "值班",
    "qq",
    "tel",
    "phone",
    "mobile",
    "mob",
    "cell",
    "fax",
    "h/p",
    "did",
    "ext",
    "office",
    "wechat",
    "dingtalk",
    "lark",
    "welink",
    "feishu",
    "skype",
    "line",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "address",
    "add",
    "ig",
    "instagram",
    "linkedin",
    "on-call",
    "hotline",
    "web",
    "www.",
    "http",
    "m:",
    "t:",
    "p:",
    "m ",
    "t ",
    "p ",
    "e:",
    "w:",
    "📱",
    "☎",
    "📞",
    "✉",
    "☏",
];

fn is_contact(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() || t.len() > 180 || t.chars().count() > 60 || s.contains(['，', '。']) {
        return false;
    }
    // A logo placeholder or a date is no channel.
    if t.starts_with("[cid:") || is_date_line(t) || t.starts_with('<') && t.ends_with('>') {
        return false;
    }
    let l = t.to_ascii_lowercase();
    if s.contains('@') {
        return true;
    }
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    let labelled = CONTACT_LABELS.iter().any(|p| {
        l.starts_with(p) && {
            // A label is followed by a colon, a space, a digit or the value (`手机/微信：`).
            let r = &l[p.len()..];
            p.ends_with([':', ' ', '.'])
                || !p.is_ascii()
                || r.is_empty()
                || r.starts_with([':', '：', ' ', '.', '/', '#'])
                || r.starts_with(|c: char| c.is_ascii_digit())
        }
    });
    if labelled && (digits >= 3 || s.contains([':', '：']) || !l.is_ascii()) {
        return true;
    }
    // `WeChat danielharper_sh`: a messenger's name and one id after it.
    let mut words = l.split_whitespace();
    if let (Some(app), Some(id), None) = (words.next(), words.next(), words.next())
        && [
            "wechat", "weixin", "line", "skype", "whatsapp", "welink", "telegram",
        ]
        .contains(&app)
        && id
            .chars()
            .any(|c| c.is_ascii_digit() || c == '_' || c == '.')
    {
        return true;
    }
    // A phone number as written: digits with spaces, dashes, brackets, +, #, 转, ext.
    if digits >= 7 {
        let other = s
            .chars()
            .filter(|c| !c.is_ascii_digit() && !" +-()（）#.转轉/".contains(*c))
            .collect::<String>()
            .to_lowercase();
        let other = other.replace("ext", "").replace('x', "");
        if other.trim().is_empty() {
            return true;
        }
    }
    is_address(s)
}

fn is_address(s: &str) -> bool {
    let digits = s.chars().any(|c| c.is_ascii_digit());
    if !digits {
        return false;
    }
    if s.chars().any(is_han) {
        let n = s.chars().count();
        return n >= 8
            && [
                "省", "市", "区", "區", "路", "街", "号", "號", "大道", "大厦", "大廈", "楼", "樓",
            ]
            .iter()
            .filter(|w| s.contains(*w))
            .count()
                >= 2;
    }
    let l = s.to_ascii_lowercase();
    l.contains(',')
        && [
            "road", "rd.", "street", "st.", "avenue", "ave", "via ", "str.", "straße", "strasse",
            "floor", "suite", "building", "blvd", "lane", "district",
        ]
        .iter()
        .any(|w| l.contains(w))
}

const COMPANY_WORDS: &[&str] = &[
    "公司",
    "集团",
    "集團",
    "有限",
    "limited",
    "ltd",
    "co.",
    "gmbh",
    "inc.",
    "inc",
    "llc",
    "s.r.l",
    "corp",
    "company",
    "studio",
    "technology",
    "technologies",
    "education",
    "retail",
    "trading",
    "科技",
    "事务所",
    "pte",
    "s.a.",
    "ag",
    "plc",
    "global",
    "holdings",
    "group",
    "hospital",
    "university",
    "bank",
];

/// How Han organisation names end: a firm, a bank or its branch, a hospital, a university,
/// a government bureau.
const HAN_ORG_ENDINGS: &[&str] = &[
    "公司",
    "集团",
    "集團",
    "事务所",
    "事務所",
    "银行",
    "銀行",
    "分行",
    "医院",
    "醫院",
    "大学",
    "大學",
    "局",
];

fn is_company(s: &str) -> bool {
    if s.chars().count() >= 4
        && s.chars().all(is_han)
        && HAN_ORG_ENDINGS.iter().any(|w| s.ends_with(w))
    {
        return true;
    }
    // One pass for all the words first: most segments hold none of them.
    static ANY_WORD: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(COMPANY_WORDS.iter().map(|w| w.trim_end_matches('.')))
                .expect("company words build an automaton")
        });
    let l = s.to_ascii_lowercase();
    if !ANY_WORD.is_match(&l) {
        return false;
    }
    COMPANY_WORDS.iter().any(|w| {
        if w.is_ascii() {
            // The substring test first: most segments have none of the words.
            l.contains(w.trim_end_matches('.'))
                && l.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                    .any(|x| x == *w || x.trim_end_matches('.') == w.trim_end_matches('.'))
        } else {
            l.contains(w)
        }
    })
}

const TITLES_ZH: &[&str] = &[
    "经理",
    "經理",
    "主管",
    "总监",
    "總監",
    "主任",
    "专员",
    "專員",
    "工程师",
    "工程師",
    "设计师",
    "設計師",
    "负责人",
    "負責人",
    "组长",
    "組長",
    "部长",
    "部長",
    "店长",
    "店長",
    "会计",
    "會計",
    "企划",
    "企劃",
    "运营",
    "營運",
    "助理",
    "顾问",
    "顧問",
    "总裁",
    "總裁",
    "副总",
    "副總",
    "副理",
    "插画师",
    "插畫師",
    "摄影师",
    "攝影師",
    "分析师",
    "分析師",
    "架构师",
    "架構師",
    "讲师",
    "講師",
    "老师",
    "老師",
    "翻译",
    "翻譯",
    "研究员",
    "研究員",
    "秘书",
    "秘書",
    "策划",
    "策劃",
    "督导",
    "督導",
    "董事",
    "总经理",
    "總經理",
    "总工",
    "總工",
    "合伙人",
    "合夥人",
    "行政",
    "班主任",
    "教练",
    "顾问",
    "代表",
    "客服",
    "采购员",
    "採購員",
    "会计师",
    "律师",
    "律師",
    "编辑",
    "編輯",
    "专家",
    "專家",
    "科长",
    "科長",
    "处长",
    "處長",
    "厂长",
    "廠長",
    "课长",
    "課長",
    "教授",
    "执行官",
    "執行官",
    "技师",
    "技師",
    "安全员",
    "管理员",
    "管理員",
    "技术员",
    "技術員",
    "业务员",
    "業務員",
    "质检员",
];

const TITLES_EN: &[&str] = &[
    "manager",
    "director",
    "head",
    "lead",
    "leader",
    "engineer",
    "specialist",
    "coordinator",
    "officer",
    "designer",
    "consultant",
    "analyst",
    "assistant",
    "vp",
    "president",
    "ceo",
    "cfo",
    "cto",
    "coo",
    "executive",
    "supervisor",
    "representative",
    "administrator",
    "planner",
    "buyer",
    "accountant",
    "controller",
    "scientist",
    "photographer",
    "translator",
    "architect",
    "developer",
    "associate",
    "intern",
    "chief",
    "sqe",
    "pm",
    "owner",
    "founder",
    "producer",
    "editor",
    "advisor",
    "counsel",
    "agent",
    "principal",
    "partner",
    "gm",
    "ciso",
    "cio",
    "fae",
    "adviser",
    "professor",
];

fn is_title(s: &str) -> bool {
    let n = s.chars().count();
    if n == 0 || n > 40 || s.ends_with(['。', '.', '？', '?', '！', '!']) && !s.ends_with("St.")
    {
        return false;
    }
    static ANY_TITLE_ZH: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(TITLES_ZH).expect("titles build an automaton")
        });
    if n <= 14 && s.chars().any(is_han) && ANY_TITLE_ZH.is_match(s) {
        return true;
    }
    let l = s.to_ascii_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 7 && words.iter().any(|w| TITLES_EN.contains(w))
}

const DEPT_SUFFIXES: &[&str] = &[
    "部门", "部門", "部", "中心", "团队", "團隊", "小组", "小組", "组", "組", "处", "處", "科",
    "室", "大区", "大區", "办", "辦",
];

const DEPT_EN: &[&str] = &[
    "dept",
    "department",
    "team",
    "division",
    "center",
    "centre",
    "operations",
    "ops",
    "sales",
    "development",
    "marketing",
    "engineering",
    "finance",
    "legal",
    "hr",
    "procurement",
    "purchasing",
    "logistics",
    "support",
    "quality",
    "qa",
    "r&d",
    "it",
    "storage",
    "warehouse",
    "accounts",
    "compliance",
    "research",
    "product",
    "design",
    "security",
    "data",
    "merchandising",
    "regulatory",
];

/// A Han department (`产品部`, `计划部（PMC）`, `IT运维部`, `信息中心`): the end of the
/// department part, when `s` starts with one.
pub(super) fn han_department_end(s: &str) -> Option<usize> {
    for (i, _) in s.char_indices() {
        for suf in DEPT_SUFFIXES {
            if s[i..].starts_with(suf) {
                let stem = &s[..i];
                let stem_chars = stem.chars().count();
                if stem_chars < 2 && !(stem_chars == 1 && stem.is_ascii()) {
                    continue;
                }
                if stem
                    .chars()
                    .any(|c| !(is_han(c) || c.is_ascii_alphanumeric()))
                {
                    return None;
                }
                // 全部, 内部 and such are not departments.
                if stem.ends_with(['全', '内', '外', '各', '本', '总'])
                    && *suf == "部"
                    && stem_chars <= 1
                {
                    continue;
                }
                let mut e = i + suf.len();
                // A bracketed short name right after: 计划部（PMC）.
                let r = &s[e..];
                if let Some(rest) = r.strip_prefix(['（', '('])
                    && let Some(j) = rest.find(['）', ')'])
                {
                    let close = rest[j..].chars().next().map_or(1, char::len_utf8);
                    e += r.len() - rest.len() + j + close;
                }
                return Some(e);
            }
        }
    }
    None
}

/// Units a signature names besides the item lists' departments: schools, branch factories,
/// workshops and Taiwanese 課 (kept out of [`han_department_end`], which the item reader
/// shares).
const UNIT_SUFFIXES: &[&str] = &[
    "学院",
    "學院",
    "研究院",
    "分厂",
    "分廠",
    "车间",
    "車間",
    "课",
    "課",
];

/// A whole Han segment that names a unit by its ending (`材料科学与工程学院`, `市场部直播组`,
/// `資訊科技部`, `第三分厂`): the last suffix decides, so a 科 or 部 inside the name
/// (`材料科学…`, `科技部`) does not end it early, and a company word inside the stem
/// (`科技`) does not make it a company.
pub(super) fn han_unit(s: &str) -> bool {
    let n = s.chars().count();
    // Three characters and fewer are left to [`is_department`] (`设备科`), which knows a
    // person's name (`王建科`) is no longer.
    if !(4..=16).contains(&n)
        || !s.chars().any(is_han)
        || s.chars().any(|c| !(is_han(c) || c.is_ascii_alphanumeric()))
        || ["公司", "集团", "集團", "有限", "事务所", "事務所"]
            .iter()
            .any(|w| s.contains(w))
    {
        return false;
    }
    DEPT_SUFFIXES.iter().chain(UNIT_SUFFIXES).any(|suf| {
        s.strip_suffix(suf)
            .is_some_and(|stem| stem.chars().count() >= 2 && !is_title(s))
    })
}

/// Two capitalised nouns joined by an ampersand (`Property & Leasing`, `Mergers &
/// Acquisitions`): the shape of a practice group or unit, which a title's qualifier
/// (`Director, Store Systems`, `Manager, APAC`) does not take.
fn paired_unit(s: &str) -> bool {
    let Some((l, r)) = s.split_once(" & ") else {
        return false;
    };
    let words: Vec<&str> = l.split(' ').chain(r.split(' ')).collect();
    words.len() <= 4
        && !is_company(s)
        && words.iter().all(|w| {
            w.len() >= 3
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic())
        })
}

/// A department name (the directory's, or by its shape).
pub(super) fn is_department_name(s: &str, opts: &ParseOptions) -> bool {
    is_department(s, opts)
}

fn is_department(s: &str, opts: &ParseOptions) -> bool {
    if let Some(d) = &opts.directory
        && d.departments.iter().any(|dep| {
            s == dep.name
                || dep
                    .aliases
                    .iter()
                    .any(|al| al.chars().count() >= 2 && s == al)
        })
    {
        return true;
    }
    if s.chars().any(is_han) {
        return han_department_end(s).is_some_and(|e| e == s.len());
    }
    let l = s.to_ascii_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words.len() <= 6 && words.iter().any(|w| DEPT_EN.contains(w))
}

const NOT_NAMES: &[&str] = &[
    "收到",
    "好的",
    "谢谢",
    "多谢",
    "辛苦",
    "以上",
    "您好",
    "你好",
    "各位",
    "大家",
    "同事",
    "领导",
    "附件",
    "请查收",
    "此致",
    "敬礼",
    "祝好",
    "备注",
    "说明",
    "感谢",
    "谢谢大家",
    "辛苦了",
    "明白",
    "了解",
    "同意",
    "确认",
    "好",
    "行",
    "嗯",
    "謝謝",
    "收到了",
    "没问题",
    "沒問題",
];

/// A person's name as it stands on a signature line: 2–4 Han characters, 1–3 capitalised
/// words, both (`林雅婷 Tiffany Lin`), an initial (`S.`), or the sender's display name.
fn is_name(s: &str, hints: &Hints) -> bool {
    let s = s
        .trim_start_matches("姓名")
        .trim_start_matches([':', '：', ' '])
        .trim();
    // `Wang Lei, PhD`: a degree after the name leaves the name.
    let s = [", PhD", ", Ph.D.", ", MD", ", MBA", ", CPA", ", P.Eng."]
        .iter()
        .find_map(|d| s.strip_suffix(d))
        .unwrap_or(s);
    if s.is_empty() {
        return false;
    }
    // The sender's display name, alone or with the other script's form (`Song Jia 宋佳`).
    for h in hints.iter().filter(|h| h.chars().count() >= 2) {
        if s == h {
            return true;
        }
        if let Some(i) = s.find(h.as_str()) {
            let rest = format!("{} {}", &s[..i], &s[i + h.len()..]);
            let rest = rest.trim();
            let latin = rest
                .chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '.' | '\''));
            let han = rest.chars().all(is_han)
                && (1..=4).contains(&rest.chars().count())
                && han_department_end(rest).is_none()
                && !TITLES_ZH.iter().any(|t| rest.contains(t));
            if (latin && !is_title(rest)) || han {
                return true;
            }
        }
    }
    if NOT_NAMES.contains(&s) || is_strong_valediction(s) || is_weak_valediction(s) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    // `CK Wong` for `Wong Chi Keung`: the given names' initials and the display name's
    // surname (Hong Kong and Singapore write themselves so).
    if let [initials, surname] = words[..]
        && (2..=3).contains(&initials.len())
        && initials.chars().all(|c| c.is_ascii_uppercase())
        && hints.iter().any(|h| {
            let hw: Vec<&str> = h.split_whitespace().collect();
            let given: String = hw
                .iter()
                .filter(|w| **w != surname)
                .filter_map(|w| w.chars().next())
                .collect();
            hw.contains(&surname) && given == initials
        })
    {
        return true;
    }
    let han_word = |w: &str| {
        let n = w.chars().count();
        w.chars().all(is_han)
            && (2..=4).contains(&n)
            && !TITLES_ZH.iter().any(|t| w.contains(t))
            && han_department_end(w).is_none()
            && !is_company(w)
    };
    let en_word = |w: &str| {
        // An acronym (APAC, HKT) is not a name.
        let caps = w.chars().filter(char::is_ascii_uppercase).count();
        w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && (caps == 1 || w.len() <= 1 || caps * 2 < w.len())
            && w.chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '.' | '\''))
            && !TITLES_EN.contains(&w.to_ascii_lowercase().as_str())
            && !DEPT_EN.contains(&w.to_ascii_lowercase().trim_end_matches('.'))
            && !is_company(w)
    };
    let han: Vec<&&str> = words.iter().filter(|w| w.chars().any(is_han)).collect();
    let en: Vec<&&str> = words.iter().filter(|w| !w.chars().any(is_han)).collect();
    match (han.len(), en.len()) {
        (1, 0) => han_word(han[0]),
        (0, 1..=3) => {
            en.iter().all(|w| en_word(w))
                && (en.len() > 1 || en[0].chars().count() >= 2 || en[0].ends_with('.'))
                && !(en.len() == 1 && en[0].len() == 1)
        }
        (1, 1..=3) => {
            han_word(han[0])
                && en.iter().all(|w| en_word(w))
                && (words[0] == *han[0] || words[words.len() - 1] == *han[0])
        }
        _ => false,
    }
}

/// Reads one segment.
fn classify(s: &str, hints: &Hints, opts: &ParseOptions) -> Seg {
    if is_strong_valediction(s) || is_weak_valediction(s) {
        return Seg::Valediction;
    }
    if is_contact(s) {
        return Seg::Contact;
    }
    if hints.iter().any(|h| !h.is_empty() && s == h) {
        return Seg::Name;
    }
    // `滨江区政务服务和数据管理局审批服务科`: an organisation's name glued to the unit's;
    // the unit is the department.
    if s.chars().all(is_han) {
        let glued = HAN_ORG_ENDINGS
            .iter()
            .filter_map(|w| s.rfind(w).map(|i| i + w.len()))
            .filter(|&e| e < s.len() && s[..e].chars().count() >= 4)
            .max();
        if let Some(e) = glued
            && (is_department(&s[e..], opts) || han_unit(&s[e..]))
        {
            return Seg::OrgDept(e);
        }
    }
    if han_unit(s) {
        return Seg::Department;
    }
    if hints.is_domain_company(s) {
        return Seg::Company;
    }
    // `君衡律师事务所` holds a title word (律师) but ends as a firm.
    if is_company(s) && (!is_title(s) || HAN_ORG_ENDINGS.iter().any(|w| s.ends_with(w))) {
        return Seg::Company;
    }
    if s.chars().any(is_han)
        && let Some(e) = han_department_end(s)
        && e < s.len()
    {
        let rest = s[e..].trim();
        if is_title(rest) || rest.chars().count() <= 6 && rest.chars().all(is_han) {
            let lead = s[e..].len() - s[e..].trim_start().len();
            return Seg::DeptTitle(e + lead);
        }
    }
    if (s.chars().any(is_han) || !is_title(s)) && is_department(s, opts) {
        return Seg::Department;
    }
    if is_title(s) {
        return Seg::Title;
    }
    if is_name(s, hints) {
        return Seg::Name;
    }
    if is_company(s) {
        return Seg::Company;
    }
    Seg::Other
}

/// The segments of a line with what they read as, Han lines also cut at single spaces (but
/// `林雅婷 Tiffany Lin` and contact values stay whole). Byte ranges are relative to `t`.
fn read_line(t: &str, hints: &Hints, opts: &ParseOptions) -> Vec<(usize, usize, Seg)> {
    let mut out = Vec::new();
    for (s, e) in segments(t) {
        let seg = &t[s..e];
        let whole = classify(seg, hints, opts);
        // `Director, Supply Chain Dept.` / `Backend Lead, Qinghe Education`: a title, then
        // a department or a company after the comma.
        if whole == Seg::Title
            && let Some(c) = seg.rfind(", ")
            && !seg[c..].contains([')', '）'])
        {
            let right = seg[c + 2..].trim();
            let kind = if is_company(right) {
                Some(Seg::Company)
            } else if (is_department(right, opts) || paired_unit(right)) && !is_title(right) {
                Some(Seg::Department)
            } else {
                None
            };
            if let Some(k) = kind {
                out.push((s, s + c, Seg::Title));
                out.push((s + c + 2, e, k));
                continue;
            }
        }
        // `Alice Wang, Product Department, ext. 8021` / `王磊，产品部，电话…`: a line cut at
        // commas when every piece reads as a field.
        if matches!(
            whole,
            Seg::Other | Seg::Title | Seg::Name | Seg::Company | Seg::Department
        ) && (seg.contains(", ") || seg.contains('，'))
        {
            let mut pieces = Vec::new();
            let mut pos = 0;
            for p in seg.split([',', '，']) {
                let ps = pos;
                pos += p.len()
                    + if seg[pos + p.len()..].starts_with('，') {
                        3
                    } else {
                        1
                    };
                let lead = p.len() - p.trim_start().len();
                let pe = ps + p.trim_end().len();
                if pe > ps + lead {
                    pieces.push((ps + lead, pe));
                }
            }
            let kinds: Vec<Seg> = pieces
                .iter()
                .map(|&(a, b)| classify(&seg[a..b], hints, opts))
                .collect();
            // A title keeps its qualifier (`Director, Store Systems`, `Manager, APAC`).
            let title_qualified = whole == Seg::Title && kinds.contains(&Seg::Name);
            if pieces.len() >= 2 && kinds.iter().all(|k| *k != Seg::Other) && !title_qualified {
                for (&(a, b), k) in pieces.iter().zip(kinds) {
                    out.push((s + a, s + b, k));
                }
                continue;
            }
        }
        let splittable = seg.contains(' ') && seg.chars().any(is_han);
        if matches!(whole, Seg::Contact | Seg::Valediction | Seg::Name) || !splittable {
            out.push((s, e, whole));
            continue;
        }
        // Han words split at spaces; ASCII words next to each other stay together, and so
        // does a bracket (`Translator (EN / 繁中)`).
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut pos = 0;
        let mut depth = 0i32;
        for w in seg.split(' ') {
            let ws = pos;
            pos += w.len() + 1;
            if w.is_empty() {
                continue;
            }
            let we = ws + w.len();
            let inside = depth > 0;
            depth += w.matches(['(', '（']).count() as i32 - w.matches([')', '）']).count() as i32;
            match parts.last_mut() {
                Some(last)
                    if inside
                        || !w.chars().any(is_han) && !seg[last.0..last.1].chars().any(is_han) =>
                {
                    last.1 = we
                }
                _ => parts.push((ws, we)),
            }
        }
        let kinds: Vec<Seg> = parts
            .iter()
            .map(|&(a, b)| classify(&seg[a..b], hints, opts))
            .collect();
        if kinds.iter().all(|k| *k == Seg::Other) || (parts.len() == 1) {
            out.push((s, e, whole));
            continue;
        }
        for (&(a, b), k) in parts.iter().zip(kinds) {
            out.push((s + a, s + b, k));
        }
    }
    out
}

/// A list line (`1. `, `2、`, `(3)`, `- `, `• `, `①`): an item, not a signature line.
fn list_item(t: &str) -> bool {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let r = &t[digits..];
    if (1..=2).contains(&digits) && r.starts_with(['.', '、', ')', '）']) {
        return true;
    }
    // `(1) …` is a list; `(02)2555-6789` is a phone number.
    let bracket_item = t.starts_with(['(', '（']) && {
        let r = &t[t.chars().next().map_or(1, char::len_utf8)..];
        let d = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (1..=2).contains(&d)
            && r[d..].starts_with([')', '）'])
            && !r[d..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    };
    t.strip_prefix(['-', '•', '·', '*', '●', '▪'])
        .is_some_and(|r| r.starts_with(' '))
        || bracket_item
        || t.chars().next().is_some_and(|c| ('①'..='⑳').contains(&c))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    /// Name, department, title, contact or company on it.
    Sig,
    Strong,
    Weak,
    Delimiter,
    Date,
    Other,
}

fn line_kind(t: &str, hints: &Hints, opts: &ParseOptions) -> LineKind {
    let t = t.trim();
    if t.is_empty() {
        return LineKind::Blank;
    }
    if is_strong_valediction(t) || t == "此致 敬礼！" || t == "此致敬礼！" {
        return LineKind::Strong;
    }
    if is_weak_valediction(t) {
        // `Thanks,` with its comma is a valediction even a blank line above the name.
        if t.ends_with([',', '，']) {
            return LineKind::Strong;
        }
        return LineKind::Weak;
    }
    // `-- `, and the dash or underscore rules some clients put above a signature.
    if is_delimiter(t)
        || is_decoration(t)
        || (t.chars().count() >= 2 && t.chars().all(|c| matches!(c, '-' | '_' | '—')))
    {
        return LineKind::Delimiter;
    }
    if is_date_line(t) {
        return LineKind::Date;
    }
    let n = t.chars().count();
    // Prose: a sentence is not a signature line.
    let last_word = t.rsplit(' ').next().unwrap_or("").trim_end_matches('.');
    // (`We'll have the mockups ready by Thursday, Dec 3.` ends with a number, and is a
    // sentence all the same: several words in lower case.)
    let lower_words = t
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase() || c == '\'')
        })
        .count();
    let sentence = t.ends_with(['。', '？', '?', '！', '!', '；', ';', '：', ':'])
        || (t.ends_with('.')
            && t.split_whitespace().count() >= 4
            && (last_word.len() >= 3 && last_word.chars().all(|c| c.is_ascii_lowercase())
                || lower_words >= 3 && t.split_whitespace().count() >= 5));
    if list_item(t) {
        return LineKind::Other;
    }
    // Cheap exits before reading segments: long lines, and sentences without a contact.
    let contactish = t.contains('@') || t.bytes().filter(u8::is_ascii_digit).count() >= 5;
    if n > 160 || (n > 100 && !contactish) || (sentence && !contactish) {
        return LineKind::Other;
    }
    let segs = read_line(t, hints, opts);
    let known = segs.iter().filter(|x| x.2 != Seg::Other).count();
    let other_chars: usize = segs
        .iter()
        .filter(|x| x.2 == Seg::Other)
        .map(|x| t[x.0..x.1].chars().count())
        .sum();
    let contact = segs.iter().any(|x| x.2 == Seg::Contact);
    if known == 0 || (sentence && !contact) {
        return LineKind::Other;
    }
    // `International Content | Producer`: a line of fields cut at bars, all but one known,
    // the unknown one short and label-like (a unit the word lists do not know).
    let mut others = segs.iter().filter(|x| x.2 == Seg::Other);
    let one_unknown_field = segs.len() >= 2
        && t.contains(['|', '｜'])
        && match (others.next(), others.next()) {
            (Some(o), None) => label_like(&t[o.0..o.1]) && !t[o.0..o.1].contains(','),
            _ => false,
        };
    if (other_chars == 0 && n <= 100)
        || (other_chars <= 8 && n <= 60)
        || one_unknown_field && n <= 60
        || (contact && n <= 160 && other_chars <= 40)
    {
        LineKind::Sig
    } else {
        LineKind::Other
    }
}

/// Finds the signature from the bottom of `lines[first..end]` and fills
/// [`Anatomy::signature`].
pub(super) fn detect(
    a: &mut Anatomy,
    lines: &[Line],
    first: usize,
    end: usize,
    opts: &ParseOptions,
) -> Cut {
    let text = |i: usize| a.source[lines[i].start..lines[i].end].to_string();
    // Trailing tags, disclaimers and decoration.
    let mut content_end = end;
    {
        // A disclaimer cuts everything from it on.
        let mut k = end;
        let mut seen_blank = false;
        while k > first {
            let l = lines[k - 1];
            if !l.blank && is_disclaimer(&a.source[l.start..l.end]) && (k - 1 > first) {
                content_end = k - 1;
            }
            if l.blank {
                seen_blank = true;
            }
            // Disclaimers sit in the last few paragraphs.
            if seen_blank && end - k > 24 {
                break;
            }
            k -= 1;
        }
        loop {
            while content_end > first && lines[content_end - 1].blank {
                content_end -= 1;
            }
            if content_end > first {
                let t = text(content_end - 1);
                if is_client_tag(&t) || is_decoration(&t) && !is_delimiter(&t) {
                    content_end -= 1;
                    continue;
                }
            }
            break;
        }
    }
    let mut hints = Hints::default();
    if let Some(n) = a.from.as_ref().and_then(|f| f.name.as_deref()) {
        let n = n.trim().trim_matches('"').trim();
        // A mailbox named after a unit (`财务部`, `审批服务科`) names no person: its name on a
        // signature line is the department (`财务部 刘琳`).
        let unit = is_department(n, opts) || han_unit(&n.replace(' ', ""));
        if !n.is_empty() && !n.contains('@') && !n.contains("=?") && !unit {
            hints.names.push(n.to_string());
        }
    }
    if let Some(host) = a
        .from
        .as_ref()
        .and_then(|f| f.email.as_deref())
        .and_then(|e| e.rsplit_once('@'))
        .map(|(_, h)| h)
    {
        // The label before the public suffix: `hengrui-mfg` in `hengrui-mfg.com`, `lumenlab`
        // in `lumenlab.com.tw`.
        let labels: Vec<&str> = host.split('.').collect();
        let main = labels
            .iter()
            .rev()
            .skip(1)
            .find(|l| !matches!(**l, "com" | "co" | "net" | "org" | "edu" | "gov" | "ac"))
            .or(labels.first());
        hints.domain = main.map_or(String::new(), |l| l.to_ascii_lowercase());
    }
    if let Some(d) = &opts.directory {
        hints.names.extend(
            d.people
                .iter()
                .filter(|p| p.name.chars().count() >= 2)
                .map(|p| p.name.clone()),
        );
    }
    // What each line reads as, computed once.
    let mut kinds: Vec<Option<LineKind>> = vec![None; lines.len()];
    // The last paragraph starts with the writer's name as the From header gives it (after a
    // valediction, if any): its short lines below are the signature's, whatever they say
    // (`Finance Controller | Finance`, `Beijing office, ext. 6108`, `Product | Growth &
    // Billing`).
    {
        let mut p = content_end;
        while p > first && !lines[p - 1].blank {
            p -= 1;
        }
        let mut n = p;
        if n < content_end
            && matches!(
                line_kind(&text(n), &hints, opts),
                LineKind::Strong | LineKind::Weak
            )
        {
            n += 1;
        }
        let named = n < content_end && hints.first().is_some_and(|h| text(n).trim() == h.as_str());
        let short = (n + 1..content_end).all(|i| {
            let t = text(i);
            let t = t.trim();
            t.chars().count() <= 60 && !t.ends_with(['。', '.', '!', '！', '?', '？', '：', ':'])
        });
        // The `-- ` line (RFC 3676, Gmail and Thunderbird put it above the signature) ends
        // the text: what follows it in the last paragraph is the signature.
        let dashed = p < content_end && text(p).trim_end() == "--" && content_end - p <= 6;
        if dashed {
            n = p + 1;
        }
        if (named || dashed) && short && content_end - n <= 5 {
            for (i, slot) in kinds.iter_mut().enumerate().take(content_end).skip(n) {
                let k = line_kind(&text(i), &hints, opts);
                *slot = Some(if k == LineKind::Other {
                    LineKind::Sig
                } else {
                    k
                });
            }
        }
    }
    // Walk up.
    let mut k = content_end;
    let mut start = content_end;
    let mut blank_run = 0;
    let mut any = false;
    while k > first {
        let i = k - 1;
        let t = text(i);
        let kind = *kinds[i].get_or_insert_with(|| line_kind(&t, &hints, opts));
        match kind {
            LineKind::Blank => {
                blank_run += 1;
                k -= 1;
                continue;
            }
            LineKind::Sig | LineKind::Strong | LineKind::Delimiter | LineKind::Date => {
                // Across a blank line only a signature-looking block continues the signature.
                if blank_run > 0 && kind == LineKind::Date {
                    break;
                }
                if blank_run > 0
                    && kind == LineKind::Sig
                    && !sig_block_above(a, lines, first, i, &hints, opts, &mut kinds)
                {
                    break;
                }
                any |= kind != LineKind::Delimiter;
                start = i;
            }
            LineKind::Weak => {
                // Thanks right above the name is a valediction; above a blank line it is the
                // closing's.
                if blank_run > 0 || start == content_end {
                    break;
                }
                start = i;
            }
            // A short line without sentence punctuation between two signature lines of one
            // paragraph is the block's too: a company or a place the word lists do not know
            // (`Huaxing Heavy Industries`, between the title and the phone).
            LineKind::Other
                if blank_run == 0
                    && start == i + 1
                    && i > first
                    && !lines[i - 1].blank
                    && label_like(&t)
                    && matches!(
                        *kinds[i - 1].get_or_insert_with(|| line_kind(&text(i - 1), &hints, opts)),
                        LineKind::Sig
                    ) =>
            {
                start = i;
            }
            LineKind::Other => break,
        }
        blank_run = 0;
        k -= 1;
    }
    // A signature with nothing but a name line above prose is still one only when it is short.
    if !any || start >= content_end {
        return Cut { start: content_end };
    }
    // 此致 / 敬礼 lines above (a blank line apart).
    let mut s2 = start;
    while s2 > first && lines[s2 - 1].blank {
        s2 -= 1;
    }
    if s2 < start {
        let mut s3 = s2;
        while s3 > first
            && !lines[s3 - 1].blank
            && line_kind(&text(s3 - 1), &hints, opts) == LineKind::Strong
        {
            s3 -= 1;
        }
        if s3 < s2 {
            start = s3;
        }
    }
    // Read the fields.
    let mut valediction: Option<(usize, usize)> = None;
    let mut names: Vec<(usize, (usize, usize))> = Vec::new(); // (block, range)
    let mut dept: Option<(usize, usize)> = None;
    let mut title: Option<(usize, usize)> = None;
    let mut contacts: Vec<(usize, usize)> = Vec::new();
    let mut block = 0;
    // Whether `r` follows `prev` on the same line (starting at `line_start`) with only spaces
    // or a ` / ` between them.
    let source = a.source.as_str();
    let joined = |prev: (usize, usize), r: (usize, usize), line_start: usize| {
        prev.0 >= line_start
            && prev.1 <= r.0
            && matches!(source[prev.1..r.0].trim(), "" | "/")
            && !source[prev.1..r.0].is_empty()
    };
    for (row, &l) in lines[start..content_end].iter().enumerate() {
        let t = &a.source[l.start..l.end];
        if l.blank || is_delimiter(t) {
            block += 1;
            continue;
        }
        let kind = kinds[start + row].unwrap_or_else(|| line_kind(t, &hints, opts));
        if matches!(kind, LineKind::Strong | LineKind::Weak) {
            valediction = Some((valediction.map_or(l.start, |v| v.0), l.end));
            continue;
        }
        if kind == LineKind::Date {
            continue;
        }
        let segs = read_line(t, &hints, opts);
        // Under the writer's name, the one unknown field of a barred line, standing before a
        // title when the line names no department, is the department (`International
        // Content | Producer`, `照明設計 | 設計總監`): capitalised words there that read as a
        // name are not the writer's.
        let named_above = names.iter().any(|(_, r)| {
            let n = &a.source[r.0..r.1];
            hints.iter().any(|h| n.contains(h.as_str()))
        });
        let unknown = |x: &(usize, usize, Seg)| {
            matches!(x.2, Seg::Other | Seg::Name)
                && label_like(&t[x.0..x.1])
                && !t[x.0..x.1].contains(',')
                && !hints.iter().any(|h| t[x.0..x.1].contains(h.as_str()))
        };
        // The unit stands before the title (`Unit | Title`); an unknown word after a title
        // or beside a company is as often a city or the company itself.
        let no_unit_read = !segs.iter().any(|x| {
            matches!(
                x.2,
                Seg::Department | Seg::DeptTitle(_) | Seg::OrgDept(_) | Seg::Contact
            )
        });
        let barred = named_above && t.contains(['|', '｜']) && no_unit_read;
        let before_title = barred
            && segs.iter().filter(|x| unknown(x)).count() == 1
            && segs
                .windows(2)
                .any(|w| unknown(&w[0]) && w[1].2 == Seg::Title);
        // `Rail Freight Desk | Maasgate Forwarding B.V.`, `Export Documentation | Xingqiao
        // Supply Chain`: a Latin unit of several words, then its organisation, alone on the
        // line (a city there is mostly one word).
        let before_org = barred
            && segs.len() == 2
            && unknown(&segs[0])
            && (segs[1].2 == Seg::Company || unknown(&segs[1]))
            && {
                let u = &t[segs[0].0..segs[0].1];
                u.split_whitespace().count() >= 2 && !u.chars().any(is_han)
            };
        for (i, &(s, e, seg)) in segs.iter().enumerate() {
            let r = (l.start + s, l.start + e);
            let seg = if before_title && unknown(&(s, e, seg)) || before_org && i == 0 {
                Seg::Department
            } else {
                seg
            };
            match seg {
                Seg::Name => names.push((block, r)),
                Seg::Department if dept.is_none() => dept = Some(r),
                // `实验室与设备管理处 安全科`, `科研处 项目管理科`: a unit and its section side
                // by side on one line are one department as written.
                Seg::Department if dept.is_some_and(|d| joined(d, r, l.start)) => {
                    dept = dept.map(|(ds, _)| (ds, r.1));
                }
                Seg::Department if title.is_none() && dept.is_some() => {}
                Seg::Title if title.is_none() => title = Some(r),
                // `副教授 / 分析测试平台负责人`, `副主任 主任技师`: two roles on one line are
                // one title as written.
                Seg::Title | Seg::DeptTitle(_) if title.is_some_and(|d| joined(d, r, l.start)) => {
                    title = title.map(|(ts, _)| (ts, r.1));
                }
                Seg::DeptTitle(at) => {
                    if dept.is_none() {
                        dept = Some((r.0, r.0 + at));
                        let rest = &t[s + at..e];
                        let lead = rest.len() - rest.trim_start().len();
                        if title.is_none() {
                            title = Some((r.0 + at + lead, r.1));
                        }
                    } else if title.is_none() {
                        title = Some(r);
                    }
                }
                Seg::OrgDept(at) if dept.is_none() => dept = Some((r.0 + at, r.1)),
                Seg::Contact => contacts.push(r),
                _ => {}
            }
        }
    }
    // The name: the sender's display name when it is there, else the first name of the
    // lowest block that has one (the full signature under a short `Best, Tom`).
    let hinted = names
        .iter()
        .find(|(_, r)| {
            let t = &a.source[r.0..r.1];
            hints
                .iter()
                .any(|h| t.contains(h.as_str()) && t.chars().count() > h.chars().count())
        })
        .or_else(|| {
            names
                .iter()
                .find(|(_, r)| hints.iter().any(|h| a.source[r.0..r.1] == *h))
        });
    let name = hinted.or_else(|| {
        let last_block = names.iter().map(|(b, _)| *b).max()?;
        names.iter().find(|(b, _)| *b == last_block)
    });
    let name = name.map(|(_, r)| *r);
    let span = a.span(lines[start].start, lines[content_end - 1].end);
    let part = |r: Option<(usize, usize)>, a: &Anatomy| r.map(|(s, e)| a.part(s, e));
    let has_fields = name.is_some() || dept.is_some() || title.is_some() || !contacts.is_empty();
    if !has_fields && valediction.is_none() {
        return Cut { start: content_end };
    }
    a.signature = Some(Signature {
        span,
        signoff: part(valediction, a),
        name: part(name, a),
        department: part(dept, a),
        title: part(title, a),
        contact: contacts.into_iter().map(|(s, e)| a.part(s, e)).collect(),
    });
    Cut { start }
}

/// A line that could name an organisation or a place: short, no sentence punctuation, no
/// list marker, and in Latin script every word of three letters or more capitalised.
fn label_like(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    if n == 0
        || n > 48
        || list_item(t)
        || t.contains(['。', '，', '：', ':', '；', ';', '？', '?', '！', '!'])
        || t.ends_with('.') && !t.ends_with("Co.") && !t.ends_with("Ltd.")
    {
        return false;
    }
    if t.chars().any(is_han) {
        return n <= 20 && !t.contains(' ');
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() <= 6
        && words.iter().all(|w| {
            w.chars().count() < 3
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '&' || c == '(')
                || matches!(*w, "and" | "of" | "the" | "for")
        })
}

/// Whether the block of lines ending at `i` (going up to a blank line) reads as a
/// signature on its own: a name, or a valediction, at its top.
fn sig_block_above(
    a: &Anatomy,
    lines: &[Line],
    first: usize,
    i: usize,
    hints: &Hints,
    opts: &ParseOptions,
    kinds: &mut [Option<LineKind>],
) -> bool {
    let mut s = i;
    while s > first && !lines[s - 1].blank {
        s -= 1;
    }
    if i + 1 - s > 4 {
        return false;
    }
    let mut names = 0;
    let mut fields = 0;
    for (j, l) in lines.iter().enumerate().take(i + 1).skip(s) {
        let t = &a.source[l.start..l.end];
        match *kinds[j].get_or_insert_with(|| line_kind(t, hints, opts)) {
            LineKind::Sig => {
                let segs = read_line(t, hints, opts);
                if segs.iter().any(|x| matches!(x.2, Seg::Name)) {
                    names += 1;
                }
                if segs.iter().all(|x| x.2 != Seg::Other) {
                    fields += 1;
                }
            }
            LineKind::Strong | LineKind::Weak | LineKind::Delimiter => names += 1,
            _ => return false,
        }
    }
    // A name or a valediction heads a signature block; blocks of company, department or
    // contact lines (HTML mail puts a blank line between every line) continue one.
    (names > 0 || fields == i + 1 - s) && i + 1 - s <= 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Part;
    use chrono::DateTime;

    fn opts() -> ParseOptions {
        let now = DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        ParseOptions::new(liaison_time::Context::new(now))
    }

    fn sig(body: &str) -> Option<Signature> {
        let src = format!("Subject: x\nFrom: \"Kim Rowe\" <kim@example.com>\n\n{body}");
        Anatomy::parse_plain(src.as_bytes(), &opts()).signature
    }

    /// English signatures with a department and a title on one line, and no contact line
    /// (the third author's DingTalk and Feishu mail in English).
    #[test]
    fn english_department_and_title_without_contact() {
        for (body, name, dept) in [
            (
                "Please send the report by Friday.\n\nAny question, ping me in DingTalk.\n\nLeo Sun\nMarketing Dept. - Amazon Ads Lead\n",
                "Leo Sun",
                "Marketing Dept.",
            ),
            (
                "Please send the report by Friday.\n\nBest regards,\n\nCathy Fang\nHead of Overseas Operations | Operations Dept.\nMili Global (Hangzhou)\n",
                "Cathy Fang",
                "Operations Dept.",
            ),
        ] {
            let s = sig(body);
            let s = s.expect(body);
            assert_eq!(s.name.map(|x| x.text).as_deref(), Some(name));
            assert_eq!(s.department.map(|x| x.text).as_deref(), Some(dept));
        }
    }

    /// A unit and its section written side by side on one line are one department as
    /// written; a title after them stays the title.
    #[test]
    fn a_unit_and_its_section_on_one_line() {
        let s = sig("请周五前把台账发我。\n\n周立\n设备管理处 维修科\n分机 4471\n").unwrap();
        assert_eq!(s.department.unwrap().text, "设备管理处 维修科");
        let s = sig("请周五前把台账发我。\n\n周立\n设备管理处 维修科 科长\n").unwrap();
        assert_eq!(s.department.unwrap().text, "设备管理处 维修科");
        assert_eq!(s.title.unwrap().text, "科长");
        // Two units on separate lines are not joined.
        let s = sig("请周五前把台账发我。\n\n周立\n设备管理处\n维修科\n").unwrap();
        assert_eq!(s.department.unwrap().text, "设备管理处");
    }

    /// After a title's comma, a pair of nouns joined by `&` is the unit, while any other
    /// qualifier stays with the title.
    #[test]
    fn a_paired_unit_after_the_title() {
        let s =
            sig("Please send the lease by Friday.\n\nBest,\n\nKim Rowe\nCounsel, Tax & Trusts\n")
                .unwrap();
        assert_eq!(s.department.unwrap().text, "Tax & Trusts");
        assert_eq!(s.title.unwrap().text, "Counsel");
        let s = sig(
            "Please send the lease by Friday.\n\nBest,\n\nKim Rowe\nDirector, Retail Platforms\n",
        )
        .unwrap();
        assert!(s.department.is_none());
        assert!(!paired_unit("Rowe & Sons Limited"));
        assert!(!paired_unit("R & D"));
    }

    /// Under the writer's name, a unit of several words standing before its organisation
    /// on a barred line is the department; a lone word there (a city) is not.
    #[test]
    fn a_unit_before_its_organisation() {
        let s = sig("Please send the permits by Friday.\n\nRegards,\nKim Rowe\nCustoms Clearance Desk | Harbourline Shipping Ltd\nT +44 20 7946 0321\n").unwrap();
        assert_eq!(s.department.unwrap().text, "Customs Clearance Desk");
        let s = sig("Please send the permits by Friday.\n\nRegards,\nKim Rowe\nGlasgow | Harbourline Shipping Ltd\nT +44 20 7946 0321\n").unwrap();
        assert!(s.department.is_none());
    }

    /// An English mailer tag names its app as the Chinese ones do; a sentence that starts
    /// the same way is no tag.
    #[test]
    fn english_mailer_tags_by_their_shape() {
        assert!(is_client_tag("Sent from Spark Mail"));
        assert!(is_client_tag("Sent with TypeApp"));
        assert!(is_client_tag("Sent from Mail for Windows"));
        assert!(!is_client_tag("Sent from Rotterdam, mail to follow."));
        assert!(!is_client_tag("Sent via courier this morning"));
        let s = sig("Fine with the plan.\n\nKim\nSent from Spark Mail\n").unwrap();
        assert_eq!(s.name.unwrap().text, "Kim");
    }

    /// The last paragraph starts with the From display name: its short lines are the
    /// signature's even when none of them reads as a department or a contact.
    #[test]
    fn the_from_name_heads_the_last_paragraph() {
        let s = sig("Please confirm by Friday.\n\nThanks,\n\nKim Rowe\nProduct Director\nProduct | Growth & Billing\nBeijing office, ext. 6108\n").unwrap();
        assert_eq!(s.name.unwrap().text, "Kim Rowe");
        // Not when the paragraph is prose.
        let s = sig(
            "Please confirm by Friday.\n\nKim Rowe will send the file tomorrow.\nIt is nearly done.\n",
        );
        assert!(s.is_none_or(|s| s.name.is_none()));
    }

    /// The `-- ` line heads the signature; `Thanks both,` is a valediction; DingTalk's
    /// English tag is no closing (fifth round).
    #[test]
    fn dash_line_valedictions_and_tags() {
        let s = sig("请各部门按时推进。\n\n-- \n林峰\n首席执行官\n总经办 / 产品委员会\n").unwrap();
        assert_eq!(s.name.unwrap().text, "林峰");
        let s = sig("Please confirm by Friday.\n\nThanks both,\nLena Ohm\nData Team\n").unwrap();
        assert!(s.signoff.is_some());
        let src = "Subject: x\n\nHi Tom,\n\nPlease confirm by Friday.\n\nCathy\n\nSent from DingTalk business mail\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        assert!(
            a.closing
                .as_ref()
                .is_none_or(|c| !c.text.contains("DingTalk"))
        );
    }

    /// `CK Wong` signs for `Wong Chi Keung` (the display name): initials and surname.
    #[test]
    fn initials_and_surname_of_the_display_name() {
        let src = "Subject: x\nFrom: \"Wong Chi Keung\" <ck@example.com>\n\nBudget is approved.\n\nThanks,\n\nCK Wong\nIT Department | Systems Manager\n+852 2388 6233\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        assert_eq!(a.signature.unwrap().name.unwrap().text, "CK Wong");
        let lena = Hints {
            names: vec!["Lena Ohm".to_string()],
            ..Hints::default()
        };
        assert!(!is_name("CK Wong", &lena));
    }

    /// Found in real 2005 mail: a line led by a multi-byte bullet with no space after it.
    #[test]
    fn multibyte_bullets_without_a_space() {
        for t in ["·研发资源", "●●●●请您留下联系方式", "·······", "· 一项"]
        {
            assert_eq!(list_item(t), t == "· 一项", "{t}");
        }
        let s = sig("你好\n\n·研发资源\n·······\n李雷\n");
        assert!(s.is_some_and(|s| s.name.is_some_and(|n| n.text == "李雷")));
    }

    fn texts(p: &[Part]) -> Vec<&str> {
        p.iter().map(|x| x.text.as_str()).collect()
    }

    #[test]
    fn several_channels_on_one_line_with_extension() {
        let s = sig("各位好，\n\n请于周五前确认。\n\n赵一鸣\n采购部 | 采购经理\n电话：010-1234 5678 转 301 | zhaoym@example.com | 微信：zym_01\n").unwrap();
        assert_eq!(s.name.unwrap().text, "赵一鸣");
        assert_eq!(s.department.unwrap().text, "采购部");
        assert_eq!(s.title.unwrap().text, "采购经理");
        assert_eq!(
            texts(&s.contact),
            [
                "电话：010-1234 5678 转 301",
                "zhaoym@example.com",
                "微信：zym_01"
            ]
        );
    }

    #[test]
    fn valediction_then_full_block_under_a_short_name() {
        let s = sig("Hi all,\n\nPlease review by Friday.\n\nBest,\nKim\n\nKim Rowe | Account Director\nNorthwind Trading Ltd. | Oslo\n+47 22 55 01 99\n").unwrap();
        assert_eq!(s.name.unwrap().text, "Kim Rowe");
        assert_eq!(s.title.unwrap().text, "Account Director");
        assert!(s.department.is_none());
        assert_eq!(texts(&s.contact), ["+47 22 55 01 99"]);
        assert_eq!(s.signoff.unwrap().text, "Best,");
    }

    #[test]
    fn department_glued_to_title_and_a_letter_date() {
        let s = sig("张经理：\n\n请审批。\n\n此致\n敬礼！\n\n钱多多\n财务部主管\n2026年12月1日\n")
            .unwrap();
        assert_eq!(s.name.unwrap().text, "钱多多");
        assert_eq!(s.department.unwrap().text, "财务部");
        assert_eq!(s.title.unwrap().text, "主管");
        assert!(s.signoff.unwrap().text.contains("此致"));
    }

    #[test]
    fn mobile_tag_and_disclaimer_are_not_the_signature() {
        assert!(sig("好的，收到。\n\n发自我的iPhone\n").is_none());
        let s = sig("Thanks for the update.\n\nRegards,\nLena Ohm\nData Team\n\nThis email and any attachments are confidential and intended solely for the addressee.\n").unwrap();
        assert_eq!(s.name.unwrap().text, "Lena Ohm");
        assert_eq!(s.department.unwrap().text, "Data Team");
        // A virus-scan notice under the signature is a disclaimer too (fifth round).
        let s = sig("Please reply by Friday.\n\nLena Ohm\nData Team\nExt. 8120 | lena@example.com\n\nThis email has been scanned for viruses and malware. If you receive an unexpected payment request, do not reply.\n").unwrap();
        assert_eq!(s.name.unwrap().text, "Lena Ohm");
        assert_eq!(s.department.unwrap().text, "Data Team");
    }

    /// Any provider's `来自…邮箱…` line under the text is a mobile tag, not the signature.
    #[test]
    fn provider_mailer_tags() {
        for t in [
            "来自189邮箱客户端",
            "发自 Sina 邮箱 Android 版",
            "来自阿里邮箱 Mac版",
            "Sent with Proton Mail secure email.",
            "Sent from my phone with Acme Mail. Please excuse typos and brevity.",
        ] {
            assert!(is_client_tag(t), "{t}");
        }
        for t in ["来自客户的反馈", "来自邮箱的报错，见截图，请查看：日志"]
        {
            assert!(!is_client_tag(t), "{t}");
        }
        let s = sig("请周五前回复。\n\n马力\n工程部\n\n来自189邮箱客户端\n").unwrap();
        assert_eq!(s.name.unwrap().text, "马力");
        assert_eq!(s.department.unwrap().text, "工程部");
    }

    /// A unit named by its last suffix: a 科 or 科技 inside the name does not cut it or
    /// make it a company; a short person's name ending in 科 is left alone.
    #[test]
    fn units_by_their_last_suffix() {
        for t in [
            "化学与化工学院",
            "科技发展部",
            "市场中心直播组",
            "第二分厂",
            "生产管理課",
        ] {
            assert!(han_unit(t), "{t}");
        }
        for t in ["王建科", "恒远科技有限公司", "实验室主任", "新能源"] {
            assert!(!han_unit(t), "{t}");
        }
        let s = sig("请周五前回复。\n\n马力\n化学与化工学院 讲师\n").unwrap();
        assert_eq!(s.department.unwrap().text, "化学与化工学院");
        assert_eq!(s.title.unwrap().text, "讲师");
    }

    /// The company after a title's comma is known by the sender's mail domain; a qualifier
    /// that spells no domain stays in the title.
    #[test]
    fn company_spelled_by_the_mail_domain() {
        let h = Hints {
            names: vec![],
            domain: "brightcove-tools".into(),
        };
        assert!(h.is_domain_company("Brightcove Tools"));
        assert!(h.is_domain_company("Shenzhen Brightcove"));
        assert!(!h.is_domain_company("Store Systems"));
        let src = "Subject: x\nFrom: \"Ada Lun\" <ada@brightcove-tools.com>\n\nPlease confirm by Friday.\n\nAda Lun\nCFO, Shenzhen Brightcove\n";
        let s = Anatomy::parse_plain(src.as_bytes(), &opts())
            .signature
            .unwrap();
        assert_eq!(s.title.unwrap().text, "CFO");
        assert!(s.department.is_none());
    }

    /// Two roles joined by ` / ` are one title; a bracket in a title is not cut at its spaces.
    #[test]
    fn joined_roles_and_bracketed_titles() {
        let s = sig("请周五前回复。\n\n马力\n工程部 主管 / 安全组组长\n").unwrap();
        assert_eq!(s.title.unwrap().text, "主管 / 安全组组长");
        let s = sig("Noted.\n\nKim Rowe\nSenior Editor (EN / 简中)\n").unwrap();
        assert_eq!(s.title.unwrap().text, "Senior Editor (EN / 简中)");
    }

    /// A mailbox named after a unit gives no name hint: its name on the signature line is
    /// the department and the person beside it the name.
    #[test]
    fn a_unit_mailbox_is_no_name() {
        let src =
            "Subject: x\nFrom: \"工程部\" <gcb@example.com>\n\n请周五前回复。\n\n工程部 马力\n";
        let s = Anatomy::parse_plain(src.as_bytes(), &opts())
            .signature
            .unwrap();
        assert_eq!(s.name.unwrap().text, "马力");
        assert_eq!(s.department.unwrap().text, "工程部");
    }

    /// An organisation line no word list knows, between the title and the phone, keeps the
    /// block whole; the same line as the last of prose does not start one.
    #[test]
    fn an_unknown_organisation_line_inside_the_block() {
        let s = sig("Please confirm by Friday.\n\nBest regards\n\nAda Lun\nHead, Customs Department\nNorthgate Ironworks\nTel. +44 20 7946 0321\n").unwrap();
        assert_eq!(s.name.unwrap().text, "Ada Lun");
        assert_eq!(s.department.unwrap().text, "Customs Department");
        assert!(label_like("Northgate Ironworks"));
        assert!(!label_like("we will ship tomorrow"));
        assert!(!label_like("1. Northgate Ironworks"));
    }

    /// Han organisations by their ending: a firm holding a title word is still a firm, and
    /// an organisation glued to its unit leaves the unit as the department.
    #[test]
    fn han_organisations_by_their_ending() {
        let s = sig("请周五前回复。\n\n马力\n明德会计师事务所 合伙人\n").unwrap();
        assert_eq!(s.title.unwrap().text, "合伙人");
        assert!(s.department.is_none());
        let s = sig("请周五前回复。\n\n马力\n东城区市场监督管理局登记注册科 科员\n").unwrap();
        assert_eq!(s.department.unwrap().text, "登记注册科");
        // Two roles side by side with a space are one title.
        let s = sig("请周五前回复。\n\n马力\n检验科 副主任 主任技师\n").unwrap();
        assert_eq!(s.title.unwrap().text, "副主任 主任技师");
    }

    /// `Unit | Title` under the writer's name: the unit is the department even when no word
    /// list knows it; a city after the title is not.
    #[test]
    fn an_unknown_unit_before_the_title() {
        let s =
            sig("Noted, thanks.\n\nKim Rowe\nCatalogue Imaging | Art Director\n+1 212 555 0143\n")
                .unwrap();
        assert_eq!(s.department.unwrap().text, "Catalogue Imaging");
        assert_eq!(s.title.unwrap().text, "Art Director");
        let s =
            sig("Noted, thanks.\n\nKim Rowe\nArt Director | Lisbon\n+1 212 555 0143\n").unwrap();
        assert!(s.department.is_none());
    }

    /// Channels by their label: a messenger and one id, an internal line, a direct line, a
    /// hand phone.
    #[test]
    fn channels_by_their_label() {
        for t in [
            "WeChat kim_rowe88",
            "WeLink：marowe",
            "内线：3307",
            "DID +44 20 7946 0321",
            "H/P: +6012-345 6789",
        ] {
            assert!(is_contact(t), "{t}");
        }
        for t in ["WeChat group", "Line Manager", "Direct Sales"] {
            assert!(!is_contact(t), "{t}");
        }
    }

    /// Valedictions of other languages, and a degree after the name.
    #[test]
    fn foreign_valedictions_and_degrees() {
        let s =
            sig("We will retest on Monday.\n\nCordialement,\nKim Rowe, PhD\n+33 1 70 36 00 00\n")
                .unwrap();
        assert_eq!(s.signoff.unwrap().text, "Cordialement,");
        assert_eq!(s.name.unwrap().text, "Kim Rowe, PhD");
    }

    #[test]
    fn thanks_above_a_blank_line_is_not_a_valediction() {
        let src = "Subject: x\n\n各位好，\n\n请于周五前确认。\n\n谢谢！\n\n\n周小川\n市场部\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        let s = a.signature.unwrap();
        assert!(s.signoff.is_none());
        assert_eq!(s.name.unwrap().text, "周小川");
        let src = "Subject: x\n\n各位好，\n\n请于周五前确认。\n\n谢谢！\n周小川\n市场部\n";
        let a = Anatomy::parse_plain(src.as_bytes(), &opts());
        assert_eq!(a.signature.unwrap().signoff.unwrap().text, "谢谢！");
    }

    #[test]
    fn bilingual_names_han_spaces_and_display_name() {
        let s = sig("收到。\n\n何晓雯 Wendy Ho\n品牌部 资深策划\n").unwrap();
        assert_eq!(s.name.unwrap().text, "何晓雯 Wendy Ho");
        assert_eq!(s.department.unwrap().text, "品牌部");
        assert_eq!(s.title.unwrap().text, "资深策划");
        // The From display name is known even when it would not look like a name.
        let s = sig("Noted.\n\nKim Rowe\nhead of things\n").unwrap();
        assert_eq!(s.name.unwrap().text, "Kim Rowe");
        assert_eq!(s.title.unwrap().text, "head of things");
    }

    #[test]
    fn segments_respect_brackets_and_wide_spaces() {
        let t = "Tel：010-1 2  Fax：010-3 4 | Translator (EN / DE)";
        let s: Vec<&str> = segments(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(s, ["Tel：010-1 2", "Fax：010-3 4", "Translator (EN / DE)"]);
    }
}
#[cfg(test)]
mod scratch {
    use super::*;
    #[test]
    fn scratch() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let o = ParseOptions::new(liaison_time::Context::new(now));
        let h = Hints {
            names: vec!["西兴街道便民服 务中心".to_string()],
            domain: String::new(),
        };
        for t in [
            "西兴街道便民服务中心 何思远",
            "设备科 邱伟",
            "三分厂 厂长",
            "医联云 实施部",
            "資訊科技部 高級項目經理",
            "Senior Executive, Procurement & Contracts",
            "Sarah Collins | Senior Buyer, Tabletop",
            "Dr. iur., Partner",
        ] {
            eprintln!(
                "{t}: {:?} {:?}",
                line_kind(t, &h, &o),
                read_line(t, &h, &o)
                    .iter()
                    .map(|x| (&t[x.0..x.1], x.2))
                    .collect::<Vec<_>>()
            );
        }
    }
}
