//! The words a reply's acts are recognised by, and how a clause is read for them.
//!
//! Text is compared after [`normalize`]: lower case, Traditional characters and the common
//! Cantonese function words mapped to Simplified Mandarin (`確認`→`确认`, `唔`→`不`,
//! `俾`→`给`), so one list serves zh, zht and Cantonese mail. A cue preceded by a negation
//! (`不会延期`, `没有异议`, `no objection`, `won't delay`) does not count; it is kept as a
//! negation instead.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

/// A cue list. Lists are `'static` (constants, or literals promoted to constants), so an
/// automaton built for one can be found again by the list's address alone: two lists at
/// the same address and of the same length are the same immutable memory, hence the same
/// words.
pub type Words = &'static [&'static str];

/// Lower case, Traditional → Simplified and Cantonese → Mandarin, character by character
/// (the character count is kept).
pub fn normalize(s: &str) -> String {
    s.chars()
        .map(simplify)
        .flat_map(char::to_lowercase)
        .collect()
}

fn simplify(c: char) -> char {
    // Only characters that occur in the cue words (and their neighbours) need mapping.
    const PAIRS: &[(char, char)] = &[
        ('確', '确'),
        ('認', '认'),
        ('項', '项'),
        ('條', '条'),
        ('後', '后'),
        ('來', '来'),
        ('給', '给'),
        ('會', '会'),
        ('無', '无'),
        ('準', '准'),
        ('時', '时'),
        ('問', '问'),
        ('題', '题'),
        ('這', '这'),
        ('們', '们'),
        ('還', '还'),
        ('沒', '没'),
        ('發', '发'),
        ('檔', '档'),
        ('請', '请'),
        ('謝', '谢'),
        ('議', '议'),
        ('異', '异'),
        ('見', '见'),
        ('遲', '迟'),
        ('趕', '赶'),
        ('週', '周'),
        ('個', '个'),
        ('對', '对'),
        ('應', '应'),
        ('該', '该'),
        ('辦', '办'),
        ('與', '与'),
        ('將', '将'),
        ('於', '于'),
        ('範', '范'),
        ('圍', '围'),
        ('負', '负'),
        ('責', '责'),
        ('擔', '担'),
        ('進', '进'),
        ('級', '级'),
        ('協', '协'),
        ('調', '调'),
        ('訊', '讯'),
        ('覆', '复'),
        ('復', '复'),
        ('盡', '尽'),
        ('儘', '尽'),
        ('動', '动'),
        ('傳', '传'),
        ('處', '处'),
        ('經', '经'),
        ('過', '过'),
        ('幫', '帮'),
        ('麼', '么'),
        ('嗎', '吗'),
        ('為', '为'),
        ('實', '实'),
        ('際', '际'),
        ('點', '点'),
        ('號', '号'),
        ('邊', '边'),
        ('誤', '误'),
        ('錯', '错'),
        ('從', '从'),
        ('開', '开'),
        ('關', '关'),
        ('單', '单'),
        ('據', '据'),
        ('數', '数'),
        ('檢', '检'),
        ('驗', '验'),
        ('證', '证'),
        ('書', '书'),
        ('報', '报'),
        ('圖', '图'),
        ('樣', '样'),
        ('補', '补'),
        ('齊', '齐'),
        ('餘', '余'),
        ('續', '续'),
        ('預', '预'),
        ('計', '计'),
        ('約', '约'),
        ('則', '则'),
        ('設', '设'),
        ('訂', '订'),
        ('購', '购'),
        ('貨', '货'),
        ('寫', '写'),
        ('說', '说'),
        ('話', '话'),
        ('電', '电'),
        ('郵', '邮'),
        ('覺', '觉'),
        ('達', '达'),
        ('標', '标'),
        ('歸', '归'),
        ('屬', '属'),
        ('輪', '轮'),
        ('稱', '称'),
        ('盤', '盘'),
        ('鏈', '链'),
        ('連', '连'),
        ('結', '结'),
        ('論', '论'),
        ('現', '现'),
        ('讓', '让'),
        ('麻', '麻'),
        ('煩', '烦'),
        ('難', '难'),
        ('辭', '辞'),
        ('絕', '绝'),
        ('並', '并'),
        ('場', '场'),
        ('審', '审'),
        ('核', '核'),
        ('產', '产'),
        ('線', '线'),
        ('傳', '传'),
        ('載', '载'),
        ('壓', '压'),
        ('縮', '缩'),
        ('網', '网'),
        ('頁', '页'),
        ('東', '东'),
        ('車', '车'),
        ('運', '运'),
        ('遞', '递'),
        ('週', '周'),
        ('晚', '晚'),
        ('風', '风'),
        ('險', '险'),
        ('執', '执'),
        ('行', '行'),
        ('決', '决'),
        ('定', '定'),
        ('爭', '争'),
        ('取', '取'),
        ('擬', '拟'),
        ('換', '换'),
        ('裝', '装'),
        ('試', '试'),
        ('職', '职'),
        ('務', '务'),
        ('門', '门'),
        ('庫', '库'),
        ('離', '离'),
        ('態', '态'),
        ('狀', '状'),
        ('況', '况'),
        ('總', '总'),
        ('經', '经'),
        ('長', '长'),
        ('領', '领'),
        ('導', '导'),
        ('導', '导'),
        ('聯', '联'),
        ('絡', '络'),
        ('緊', '紧'),
        ('急', '急'),
        ('間', '间'),
        ('內', '内'),
        ('裡', '里'),
        ('裏', '里'),
        ('錄', '录'),
        ('紀', '纪'),
        ('聽', '听'),
        ('個', '个'),
        ('問', '问'),
        ('欄', '栏'),
        ('區', '区'),
        ('價', '价'),
        ('歡', '欢'),
        ('迎', '迎'),
        ('隨', '随'),
        ('講', '讲'),
        ('讀', '读'),
        ('勞', '劳'),
        ('辛', '辛'),
        ('苦', '苦'),
        ('稿', '稿'),
        ('齊', '齐'),
        ('剩', '剩'),
        ('釐', '厘'),
        ('清', '清'),
        ('楚', '楚'),
        ('業', '业'),
        ('務', '务'),
        ('負', '负'),
        ('備', '备'),
        ('夠', '够'),
        ('構', '构'),
        ('屆', '届'),
        ('確', '确'),
        // Cantonese function words, read as their Mandarin counterparts.
        ('唔', '不'),
        ('冇', '没'),
        ('俾', '给'),
        ('畀', '给'),
        ('咗', '了'),
        ('係', '是'),
        ('嘅', '的'),
        ('喺', '在'),
        ('啲', '些'),
        ('佢', '他'),
        ('乜', '什'),
    ];
    if c.is_ascii() {
        return c;
    }
    // Sorted once for a binary search: a SipHash lookup per character of every clause was
    // a sixtieth of an ingest. A character listed twice maps the same way both times.
    static SORTED: std::sync::LazyLock<Vec<(char, char)>> = std::sync::LazyLock::new(|| {
        let mut v = PAIRS.to_vec();
        v.sort_unstable();
        v.dedup_by_key(|p| p.0);
        v
    });
    match SORTED.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => SORTED[i].1,
        Err(_) => c,
    }
}

/// Where `word` occurs in `hay` (both normalized), each with whether it is negated.
// The lists are matched with their automata now; kept for a rule that asks about one word.
#[cfg_attr(not(test), allow(dead_code))]
pub fn occurrences(hay: &str, word: &str) -> Vec<(usize, bool)> {
    occurrences_at(hay, word)
        .map(|(i, _)| (i, negation_at(hay, i).is_some()))
        .collect()
}

/// English cues match whole words (`delay` not inside `delayed`? it does: only the start
/// is checked, so `deliver` finds `delivered`; a cue never matches inside a longer word's
/// middle: `ion` does not match `motion`).
fn ascii_word_bounded(hay: &str, i: usize, word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return true;
    }
    !hay[..i]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Where the negation of the cue at `i` starts, when what comes right before it negates
/// it — or only apologises for something past (`sorry for the delay`), which is no cue
/// either.
fn negation_at(hay: &str, i: usize) -> Option<usize> {
    let before = &hay[..i];
    for apology in [
        "sorry for the ",
        "sorry for my ",
        "sorry for our ",
        "sorry about the ",
        "apologies for the ",
        "apologies for my ",
        "apologize for the ",
        "apologise for the ",
        // `抱歉耽误了`: the same apology for something past, in Chinese.
        "抱歉",
        "不好意思",
        "对不起",
    ] {
        if before.ends_with(apology) {
            return Some(i - apology.len());
        }
    }
    // Chinese: a negation right before the cue, or one character (会/有/是/用) between.
    for n in [
        "不会", "没有", "并非", "不是", "不用", "不必", "毋须", "无须", "不", "没", "无", "未",
        "别",
    ] {
        if before.ends_with(n) {
            return Some(i - n.len());
        }
    }
    // English: a negation among the three words before.
    let mut end = before.len();
    for _ in 0..3 {
        let word_end =
            before[..end].trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '\''));
        if word_end.is_empty() {
            break;
        }
        let start = word_end
            .char_indices()
            .rfind(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '\''))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let w = &word_end[start..];
        if matches!(
            w,
            "no" | "not"
                | "won't"
                | "wont"
                | "don't"
                | "doesn't"
                | "didn't"
                | "never"
                | "without"
                | "cannot"
                | "can't"
                | "isn't"
                | "aren't"
                | "wasn't"
                | "shouldn't"
                | "nothing"
        ) {
            return Some(start);
        }
        end = start;
    }
    None
}

/// Whether any of `words` occurs in `hay` un-negated.
pub fn any(hay: &str, words: Words) -> bool {
    let mut found = false;
    each_hit(hay, words, |_, i| {
        found = negation_at(hay, i).is_none();
        found
    });
    found
}

/// Whether an English cue at `i` is in the future (`will be uploaded`, `to be shipped`):
/// something promised, not done.
fn future(hay: &str, i: usize) -> bool {
    // The last two words before `i`, read backwards (no list of every word before).
    let mut last: [&str; 2] = [""; 2];
    let mut n = 0;
    for w in hay[..i]
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(2)
    {
        last[n] = w;
        n += 1;
    }
    let last = &last[..n];
    last.iter().any(|w| {
        matches!(*w, "will" | "shall" | "going" | "would" | "can" | "could") || w.ends_with("'ll")
    }) || last.first() == Some(&"be") && last.get(1) == Some(&"to")
}

/// Whether any of `words` occurs un-negated and not in the future (a thing done).
pub fn any_done(hay: &str, words: Words) -> bool {
    first_done(hay, words).is_some()
}

/// The first of `words` found un-negated and not in the future.
pub fn first_done(hay: &str, words: Words) -> Option<&'static str> {
    first_where(hay, words, |w, i| {
        negation_at(hay, i).is_none() && !(w.is_ascii() && future(hay, i))
    })
}

/// The first of `words` found un-negated.
pub fn first(hay: &str, words: Words) -> Option<&'static str> {
    first_where(hay, words, |_, i| negation_at(hay, i).is_none())
}

/// Negated occurrences of `words`, as the phrase with its negation (`没有异议`,
/// `won't delay`).
pub fn negations(hay: &str, words: Words) -> Vec<String> {
    // Word by word in list order, each word's occurrences left to right.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    each_hit(hay, words, |p, i| {
        if let Some(s) = negation_at(hay, i) {
            hits.push((p, i, s));
        }
        false
    });
    hits.sort_unstable();
    let mut out = Vec::new();
    for (p, i, s) in hits {
        let phrase = hay[s..i + words[p].len()].trim().to_string();
        if !out.contains(&phrase) {
            out.push(phrase);
        }
    }
    out
}

/// The first of `words` (in list order) with an occurrence `ok` accepts.
fn first_where(
    hay: &str,
    words: Words,
    mut ok: impl FnMut(&str, usize) -> bool,
) -> Option<&'static str> {
    let mut best: Option<usize> = None;
    each_hit(hay, words, |p, i| {
        if best.is_none_or(|b| p < b) && ok(words[p], i) {
            best = Some(p);
        }
        // Nothing can come before the list's first word.
        best == Some(0)
    });
    best.map(|p| words[p])
}

/// Calls `hit(word index, byte offset)` for every occurrence of every word in `hay` that
/// [`occurrences`] reports (each word's matches as `str::match_indices` finds them, English
/// cues only at the start of a word), until `hit` returns true. The order across words is
/// by end offset, not list order.
///
/// One scan with the list's Aho-Corasick automaton instead of one substring search per
/// word: the reply reader asks about 30 lists of up to 100 words for every clause of every
/// reply, and building a two-way searcher per word and clause was a fifth of an ingest.
fn each_hit(hay: &str, words: Words, mut hit: impl FnMut(usize, usize) -> bool) {
    let Some(ac) = automaton(words) else {
        // A list with an empty word (never one of ours): the plain search, word by word.
        for (p, w) in words.iter().enumerate() {
            for (i, _) in occurrences_at(hay, w) {
                if hit(p, i) {
                    return;
                }
            }
        }
        return;
    };
    // `match_indices` reports a word's matches without overlap, left to right: a match
    // starting inside the previous accepted match of the same word is skipped. The
    // overlapping search reports matches by end offset, so per word by start offset too.
    let mut last_end: Vec<(usize, usize)> = Vec::new();
    for m in ac.find_overlapping_iter(hay) {
        let (p, i) = (m.pattern().as_usize(), m.start());
        if last_end.iter().any(|&(q, end)| q == p && i < end) {
            continue;
        }
        if let Some(e) = last_end.iter_mut().find(|(q, _)| *q == p) {
            e.1 = m.end();
        } else {
            last_end.push((p, m.end()));
        }
        if !ascii_word_bounded(hay, i, words[p]) {
            continue;
        }
        if hit(p, i) {
            return;
        }
    }
}

/// Where `word` occurs in `hay`, word-bounded as [`occurrences`] counts it.
fn occurrences_at<'h>(hay: &'h str, word: &'h str) -> impl Iterator<Item = (usize, &'h str)> {
    hay.match_indices(word)
        .filter(move |(i, _)| ascii_word_bounded(hay, *i, word))
}

/// Automata built so far, by the address and length of the `'static` word list they were
/// built for. No word is compared on a lookup: a list's address names its words (see
/// [`Words`]), and comparing the words on every lookup was a seventh of the reply
/// reader's time.
struct Automata {
    lists: HashMap<(usize, usize), Arc<AhoCorasick>>,
}

/// Lists kept at most (ours are about 40; the bound only guards against a caller that
/// leaks lists).
const AUTOMATA: usize = 512;

static BUILT: LazyLock<RwLock<Automata>> = LazyLock::new(|| {
    RwLock::new(Automata {
        lists: HashMap::new(),
    })
});

/// Hashes a list's key (address, length): SipHash and the shared lock cost more than
/// scanning a short clause, and every clause asks about thirty lists.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_usize(usize::from(b));
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type ByList = HashMap<(usize, usize), Arc<AhoCorasick>, std::hash::BuildHasherDefault<KeyHasher>>;

thread_local! {
    /// The automata this thread has used, found without the shared lock. The lists are
    /// `'static`, so a key never comes to name other words.
    static NEAR: std::cell::RefCell<ByList> = std::cell::RefCell::new(ByList::default());
}

/// The automaton of `words`, built on first use; `None` when a word is empty.
fn automaton(words: Words) -> Option<Arc<AhoCorasick>> {
    let key = (words.as_ptr() as usize, words.len());
    if let Some(a) = NEAR.with(|n| n.borrow().get(&key).cloned()) {
        return Some(a);
    }
    let a = shared_automaton(words, key)?;
    NEAR.with(|n| {
        let mut n = n.borrow_mut();
        if n.len() >= AUTOMATA {
            n.clear();
        }
        n.insert(key, a.clone());
    });
    Some(a)
}

/// [`automaton`] from the automata all threads share, built if none has it yet.
fn shared_automaton(words: Words, key: (usize, usize)) -> Option<Arc<AhoCorasick>> {
    if let Ok(b) = BUILT.read()
        && let Some(a) = b.lists.get(&key)
    {
        return Some(a.clone());
    }
    if words.iter().any(|w| w.is_empty()) {
        return None;
    }
    let ac = Arc::new(
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(words)
            .ok()?,
    );
    if let Ok(mut b) = BUILT.write() {
        if b.lists.len() >= AUTOMATA {
            b.lists.clear();
        }
        b.lists.insert(key, ac.clone());
    }
    Some(ac)
}

/// The automata give what a search per word gives.
#[cfg(test)]
mod matching {
    use super::*;
    use proptest::prelude::{Strategy, prop, prop_assert_eq, proptest};

    // The search per word this module did before the automata, kept as the reference.
    fn any_ref(hay: &str, words: &[&str]) -> bool {
        words
            .iter()
            .any(|w| occurrences(hay, w).iter().any(|(_, neg)| !neg))
    }
    fn future_ref(hay: &str, i: usize) -> bool {
        let words: Vec<&str> = hay[..i]
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        let last: Vec<&str> = words.iter().rev().take(2).copied().collect();
        last.iter().any(|w| {
            matches!(*w, "will" | "shall" | "going" | "would" | "can" | "could")
                || w.ends_with("'ll")
        }) || last.first() == Some(&"be") && last.get(1) == Some(&"to")
    }
    fn first_done_ref<'w>(hay: &str, words: &[&'w str]) -> Option<&'w str> {
        words
            .iter()
            .find(|w| {
                occurrences(hay, w)
                    .iter()
                    .any(|(i, neg)| !(*neg || w.is_ascii() && future_ref(hay, *i)))
            })
            .copied()
    }
    fn first_ref<'w>(hay: &str, words: &[&'w str]) -> Option<&'w str> {
        words
            .iter()
            .find(|w| occurrences(hay, w).iter().any(|(_, neg)| !neg))
            .copied()
    }
    fn negations_ref(hay: &str, words: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for w in words {
            for (i, _) in hay.match_indices(w) {
                if !ascii_word_bounded(hay, i, w) {
                    continue;
                }
                if let Some(s) = negation_at(hay, i) {
                    let phrase = hay[s..i + w.len()].trim().to_string();
                    if !out.contains(&phrase) {
                        out.push(phrase);
                    }
                }
            }
        }
        out
    }

    // Pieces that make cues, negations, futures, overlaps (`aa` in `aaa`) and word
    // boundaries likely.
    const PIECES: &[&str] = &[
        "延期",
        "不会",
        "没有",
        "异议",
        "不",
        "确认",
        "完成",
        "已",
        "，",
        " ",
        "delay",
        "no ",
        "not ",
        "won't ",
        "will ",
        "be ",
        "to ",
        "done",
        "deliver",
        "ed",
        "ion",
        "pro",
        "motion",
        "sorry for the ",
        "aa",
        "a",
        "ok",
        "。",
        "x",
        "'ll ",
    ];
    const LIST: &[&str] = &[
        "delay",
        "延期",
        "aa",
        "a",
        "异议",
        "deliver",
        "delivered",
        "done",
        "ion",
        "确认完成",
        "no objection",
        "ok",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn same_as_a_search_per_word(
            hay in text(),
            pick in prop::collection::vec(0..LIST.len(), 1..6),
            cut in 1..LIST.len(),
        ) {
            // Lists are 'static; a picked list is leaked to be one. `LIST[..cut]` starts at
            // LIST's address with another length: the cache must not mistake one for the other.
            let words: Words = Vec::leak(pick.iter().map(|&i| LIST[i]).collect());
            for w in [words, LIST, &LIST[..cut], &LIST[cut..]] {
                prop_assert_eq!(any(&hay, w), any_ref(&hay, w));
                prop_assert_eq!(first(&hay, w), first_ref(&hay, w));
                prop_assert_eq!(first_done(&hay, w), first_done_ref(&hay, w));
                prop_assert_eq!(negations(&hay, w), negations_ref(&hay, w));
            }
        }
    }

    #[test]
    fn every_list_of_ours_builds() {
        for list in [AUTO_STRONG, AUTO_AWAY, DONE, COMMIT, DELAY, NEGATABLE] {
            assert!(automaton(list).is_some());
        }
        assert!(automaton(&["", "x"]).is_none());
        assert_eq!(any("x y", &["", "y"]), any_ref("x y", &["", "y"]));
    }
}

/// An out-of-office reply says so outright.
pub const AUTO_STRONG: &[&str] = &[
    "自动回复",
    "自动答复",
    "自动回信",
    "auto-reply",
    "auto reply",
    "autoreply",
    "automatic reply",
    "automated reply",
    "out of office",
    "out of the office",
    "out-of-office",
    "this is an automated",
    "本邮件为自动",
    "此邮件为自动",
    "此为自动",
    "系统自动发送",
    // Bounces: the mail system answers, not a person (`系统退信`, Coremail's `This message
    // is generated by COREMAIL email system`).
    "is generated by coremail",
    "邮件由于以下原因被退回",
    "系统退信",
    "delivery status notification",
    "undeliverable:",
    "mail delivery failed",
    "returned mail:",
];

/// … or that the writer is away …
pub const AUTO_AWAY: &[&str] = &[
    "休假",
    "年假",
    "婚假",
    "产假",
    "病假",
    "事假",
    "放假",
    "出差",
    "外出",
    "在外地",
    "在外参加",
    "不在办公室",
    "不在公司",
    "在客户现场",
    "请假",
    "on leave",
    "annual leave",
    "parental leave",
    "sick leave",
    "on vacation",
    "on holiday",
    "away from",
    "travelling",
    "traveling",
    "at a trade fair",
    "at a conference",
    "business trip",
    "i am visiting",
    "i'm visiting",
    "i am away",
    "i'm away",
    "currently away",
    "currently out",
];

/// … that mail is read late …
pub const AUTO_SLOW: &[&str] = &[
    "期间邮件",
    "邮件回复可能不及时",
    "回复可能不及时",
    "回复不及时",
    "回复会有延迟",
    "回复会比较慢",
    "回复会较慢",
    "回复较慢",
    "无法及时",
    "不方便查看邮件",
    "不定期查看",
    "查看不及时",
    "未能即时",
    "不能及时",
    "不能即时",
    "暂时无法回复",
    "limited access",
    "no access to",
    "will respond when i return",
    "will reply after my return",
    "will reply when i",
    "will respond on my return",
    "upon my return",
    "when i return",
    "after my return",
    "on my return",
    "when i'm back",
    "delayed response",
    "response may be delayed",
    "responses may be delayed",
];

/// … and whom to contact meanwhile.
pub const AUTO_REDIRECT: &[&str] = &[
    "紧急事项请联系",
    "紧急事务请联系",
    "紧急事项，请联系",
    "紧急事项请",
    "紧急事宜请",
    "急事请",
    "紧急需求请联系",
    "如有紧急事项",
    "如有急事",
    "如有紧急",
    "紧急情况请联系",
    "相关事务请联系",
    "相关紧急事项",
    "期间",
    "for urgent",
    "urgent matters",
    "urgent issues",
    "in my absence",
    "please contact",
];

/// Refusing, disputing, correcting the request.
pub const DISPUTE: &[&str] = &[
    // Saying one sees the matter another way (`we see it differently`, `理解上有些不同`).
    "see it differently",
    "see this differently",
    "see things differently",
    "view it differently",
    "理解上有些不同",
    "理解有些不同",
    "理解上不同",
    "理解不一样",
    "看法不同",
    "看法不一样",
    "never agreed",
    "didn't agree to",
    "did not agree to",
    "不是我们能决定",
    "不由我们决定",
    "isn't on us",
    "is not on us",
    "not on our side",
    "your team's job",
    "that's not right",
    "not right",
    "isn't correct",
    "caused by your",
    "due to your",
    "由于贵司",
    "因为你们",
    "是贵司",
    "贵司原因",
    "你们的原因",
    "不太同意",
    "不大同意",
    "不能同意",
    "无法同意",
    "无法认同",
    "算错",
    "搞错",
    "弄错",
    "有误",
    "超出了",
    "超出合同",
    "恕难",
    "not on our side",
    "not our issue",
    "not an issue on our",
    "not a bug",
    "can't agree",
    "cannot agree",
    "不同意",
    "异议",
    "不同意见",
    "不认同",
    "不赞成",
    "反对",
    "保留意见",
    "做不到",
    "办不到",
    "达不到",
    "满足不了",
    "无法满足",
    "没法承诺",
    "无法承诺",
    "不能承诺",
    "没办法承诺",
    "承诺不了",
    "接不了",
    "无法接受",
    "不能接受",
    "难以接受",
    "不接受",
    "无法配合",
    "不能配合",
    "没法配合",
    "不在我们的服务范围",
    "不在服务范围",
    "不在我们的范围",
    "不在我方",
    "不归我们",
    "不属于我们",
    "不是我们的",
    "是你们的问题",
    "你们那边的问题",
    "接受不了",
    "与约定不符",
    "与合同不符",
    "和合同不符",
    "不应该我们",
    "不该我们",
    "不认为是我们",
    "不是我们的责任",
    "非我方责任",
    "我方没有责任",
    "不存在延误",
    "没有收到过",
    "不是我们负责",
    "不是我方负责",
    "不由我们负责",
    "不归我们负责",
    "并非我们",
    "不应由",
    "不应该由",
    "不该由",
    "应该由",
    "应由",
    "负责不了",
    "需要再谈",
    "再商量",
    "拒绝",
    "不认可",
    "不合理",
    "不太合理",
    "不现实",
    "不太现实",
    "不可行",
    "不准确",
    "不符合事实",
    "有出入",
    "说法不对",
    "这条请调整",
    "请调整",
    "disagree",
    "don't agree",
    "do not agree",
    "not agree",
    "decline",
    "can't be owned",
    "cannot be owned",
    "can't own",
    "cannot own",
    "should be owned by",
    "should sit with",
    "not realistic",
    "unrealistic",
    "not feasible",
    "not in a position",
    "object to",
    "objection",
    "not acceptable",
    "can't accept",
    "cannot accept",
    "won't accept",
    "do not accept",
    "don't accept",
    "reject",
    "out of scope",
    "outside our scope",
    "outside the scope",
    "not in our scope",
    "not our responsibility",
    "not responsible for",
    "not with item",
    "push back on",
    "not correct",
    "don't match",
    "doesn't match",
    "do not match",
    "does not match",
    "never part of",
    "never in scope",
    "not in scope",
    "don't look right",
    "doesn't look right",
    "don't seem right",
    "doesn't seem right",
    "理解不一样",
    "理解不同",
    "理解有偏差",
    "not part of the agreed",
    "won't be doing",
    "not what we agreed",
    "not what was agreed",
    "not our fault",
    "no record of",
    "incorrect",
    "inaccurate",
    "not accurate",
    "not caused by",
    "can't commit",
    "cannot commit",
];

/// Finding the request hard or having concerns (a dispute when no new time is named).
pub const SOFT_DISPUTE: &[&str] = &[
    "有点难",
    "not comfortable",
    "uncomfortable with",
    "比较难",
    "有困难",
    "有点困难",
    "难度很大",
    "难度较大",
    "不太可能",
    "恐怕不行",
    "支持不了",
    "有顾虑",
    "有疑虑",
    "have concerns",
    "concerned about",
    "won't work for us",
    "doesn't work for us",
    "does not work for us",
    "not workable",
    "isn't realistic",
    "not realistic",
    "unrealistic",
    "不现实",
    "problem with the date",
    "problem with the deadline",
    "problem with the timing",
];

/// Not meeting the time: the work will be late.
pub const DELAY: &[&str] = &[
    // Held up (`检修耽误了十来天`).
    "耽误了",
    "earliest we can",
    "the earliest",
    "been moved to",
    "has moved to",
    "pushed to",
    "be next week",
    "not before",
    "要下周",
    "得下周",
    "下周才",
    "晚到",
    "最早也要",
    "最快也要",
    "最快要",
    "要到下",
    "得到下",
    "够呛",
    "悬了",
    "a bit later",
    "bit later",
    "slightly later",
    "days later",
    "later than",
    "later date",
    "new date",
    "revised date",
    "new eta",
    "new timeline",
    "revised timeline",
    "新的时间",
    "调整后的时间",
    "时间调整",
    "往后",
    "再晚",
    "晚于",
    "another day",
    "another week",
    "one more day",
    "one more week",
    "additional time",
    "extra time",
    "估计要到",
    "可能要到",
    "有风险",
    "风险较大",
    "at risk",
    "risk of missing",
    "won't hit",
    "will not hit",
    "can't hit",
    "miss the deadline",
    "missing the deadline",
    "miss friday",
    "调整到",
    "改期",
    "改为",
    "恐怕要",
    "i'm afraid",
    "afraid we",
    "来不及",
    "赶不上",
    "赶不及",
    "赶不出",
    "延期",
    "延到",
    "延后",
    "延迟",
    "延误",
    "推迟",
    "推后",
    "顺延",
    "往后推",
    "往后延",
    "拖到",
    "晚几天",
    "晚一点",
    "晚一些",
    "晚两天",
    "晚一天",
    "晚一周",
    "晚些",
    "要晚",
    "会晚",
    "出不来",
    "完不成",
    "做不完",
    "做不出来",
    "交不了",
    "给不了",
    "出不了",
    "无法按时",
    "不能按时",
    "没法按时",
    "没办法按时",
    "难以按时",
    "无法如期",
    "不能如期",
    "需要更多时间",
    "更多时间",
    "多两天",
    "多几天",
    "多一天",
    "多一周",
    "多些时间",
    "多一点时间",
    "多给几天",
    "多给我们",
    "再给我们",
    "宽限",
    "还需要两天",
    "还需要一天",
    "还需要几天",
    "还需要一周",
    "还需两天",
    "还要两天",
    "还要几天",
    "需要改到",
    "要改到",
    "得改到",
    "缓几天",
    "才能给",
    "才能完成",
    "才能出",
    "才能提供",
    "才能交",
    "才能发",
    "要等到",
    "得等到",
    "交不上",
    "给不到",
    "赶不完",
    "只能推",
    "推到",
    "往后挪",
    "会迟",
    "迟一些",
    "迟两天",
    "不能在",
    "无法在",
    "没法在",
    "没办法在",
    "have until",
    "not until",
    "won't be until",
    "won't have it",
    "will not have it",
    "won't arrive",
    "will not arrive",
    "not be ready",
    "won't be ready",
    "will not be ready",
    "isn't ready",
    "not ready by",
    "won't make",
    "can't make",
    "cannot make",
    "will not make",
    "won't be able to",
    "will not be able to",
    "not be able to",
    "unable to",
    "need until",
    "needs until",
    "need more time",
    "more time",
    "a few more days",
    "couple more days",
    "couple of more days",
    "extra days",
    "delay",
    "postpone",
    "push the",
    "push it",
    "pushed back",
    "move it to",
    "move the",
    "slip",
    "later than planned",
    "taking longer",
    "只能挪",
    // Only able to move it (`只能挪到`, `只能推`, `只能改到`): the same forced move.
    "只能改到",
    "挪到",
    "take longer",
    "longer than planned",
    "longer than expected",
    "now expect",
    "days late",
    "week late",
    "weeks late",
    "moves to",
    "now looking at",
    "now aiming for",
    "now targeting",
    "later than expected",
    "behind schedule",
    "running behind",
    "behind on",
    "days behind",
    "weeks behind",
    "extension",
    "reschedule",
    "be late",
    "running late",
];

/// Where a delay names its new time (`延到16日`, `最快周一`, `need until Monday`).
pub const DELAY_TO: &[&str] = &[
    "最快",
    "挪到",
    "earliest",
    "pushed to",
    "moved to",
    "延到",
    "推到",
    "推迟到",
    "顺延到",
    "延后到",
    "拖到",
    "改到",
    "改成",
    "要到",
    "等到",
    "最快",
    "最晚",
    "最早",
    "才能",
    "until",
    "instead",
    "move it to",
    "push it to",
    "by then",
];

/// Something is handed over now: a file, a link, the answer.
pub const DONE: &[&str] = &[
    "left our warehouse",
    "left the warehouse",
    "dispatched",
    "在这里",
    "在這裡",
    "发到你邮箱",
    "发到您邮箱",
    "已经发到",
    "已发到",
    "we shipped",
    "i shipped",
    "is in the doc",
    "are in the doc",
    "is in the folder",
    "in the shared folder",
    "on the shared drive",
    "in the shared drive",
    "is now in the",
    "are now in the",
    "is now on the",
    "are now on the",
    "are in the folder",
    "准备好了",
    "确认好了",
    "备好了",
    "谈好了",
    "约好了",
    "定好了",
    "已备好",
    "已准备好",
    "已到货",
    "已入库",
    "已到位",
    "已就绪",
    "已审批",
    "已下单",
    "已通过",
    "已核实",
    "已验证",
    "验证通过",
    "is complete",
    "are complete",
    "has been completed",
    "have been completed",
    "is finished",
    "we've finished",
    "we have finished",
    "we've completed",
    "we have completed",
    "is in place",
    "are in place",
    "has arrived",
    "have arrived",
    "做完了",
    "已做完",
    "已经做完",
    "写好了",
    "改好了",
    "改完了",
    "测完了",
    "装好了",
    "装完了",
    "处理好了",
    "处理完了",
    "已解决",
    "已经解决",
    "解决了",
    "签好了",
    "已盖章",
    "已付款",
    "已打款",
    "已开票",
    "已出",
    "已经出了",
    "finished",
    "is ready",
    "are ready",
    "now available",
    "is available",
    "has been fixed",
    "have been fixed",
    "resolved",
    "published",
    "已经发出",
    "发出了",
    "已发货",
    "已经发货",
    "发货了",
    "已送达",
    "已经送到",
    "送到了",
    "已交",
    "交了",
    "请查收",
    "请查阅",
    "请查看附件",
    "请查看",
    "见附件",
    "详见附件",
    "附件是",
    "附件为",
    "在附件",
    "附件里",
    "附件中",
    "附上",
    "随信附",
    "已完成",
    "已经完成",
    "完成了",
    "做好了",
    "弄好了",
    "整理好了",
    "已上线",
    "已经上线",
    "上线了",
    "已提交",
    "已经提交",
    "提交了",
    "已交付",
    "已发送",
    "已发出",
    "已发给",
    "已经发给",
    "已寄出",
    "已经寄出",
    "寄出了",
    "已上传",
    "已经上传",
    "上传了",
    "已更新",
    "更新到",
    "更新在",
    "已导出",
    "导出了",
    "已修复",
    "修复了",
    "搞定了",
    "已搞定",
    "已开通",
    "开通了",
    "已定稿",
    "定稿了",
    "已确定",
    "已经确定",
    "已敲定",
    "敲定了",
    "已跑完",
    "跑完了",
    "done with",
    "we've fixed",
    "we have fixed",
    "is fixed",
    "are fixed",
    "已放在",
    "放在了",
    "已经放在",
    "放在共享",
    "放在网盘",
    "放在飞书",
    "放到了",
    "已放到",
    "链接如下",
    "链接在",
    "发你了",
    "发给你了",
    "发您了",
    "给你了",
    "给您了",
    "一起出了",
    "补上了",
    "都齐了",
    "已齐",
    "已回复",
    "答复如下",
    "回复如下",
    "please find",
    "attached are",
    "attached is",
    "attached you",
    "are attached",
    "is attached",
    "attached:",
    "attached the",
    "attached please",
    "enclosed",
    "here it is",
    "here are",
    "here is the",
    "here's the",
    "went out",
    "has shipped",
    "have shipped",
    "shipped today",
    "is done",
    "are done",
    "completed",
    "uploaded",
    "is now in",
    "are now in",
    "is now on",
    "is on your",
    "now live",
    "is live",
    "delivered",
    "slot confirmed",
    "confirmed:",
    "root cause (item",
    "sent you",
    "i've sent",
    "we've sent",
    "have sent",
    "shared the",
    "i've shared",
    "we've shared",
    "link below",
    "link:",
];

/// Of those, the ones that hand a thing over (a file, a link, a shipment) rather than report
/// a status (`已完成70%`).
pub const HANDOVER: &[&str] = &[
    "发到你邮箱",
    "发到您邮箱",
    "已经发到",
    "已发到",
    "we shipped",
    "i shipped",
    "is in the doc",
    "are in the doc",
    "is in the folder",
    "in the shared folder",
    "on the shared drive",
    "in the shared drive",
    "is now in the",
    "are now in the",
    "is now on the",
    "are now on the",
    "are in the folder",
    "请查收",
    "请查阅",
    "请查看附件",
    "见附件",
    "详见附件",
    "附件是",
    "附件为",
    "在附件",
    "附件里",
    "附件中",
    "附上",
    "随信附",
    "已发送",
    "已发给",
    "已经发给",
    "已先把",
    "已经先把",
    "已上传",
    "已经上传",
    "上传了",
    "已放在",
    "放在了",
    "已经放在",
    "放在共享",
    "放在网盘",
    "放在飞书",
    "放到了",
    "已放到",
    "链接如下",
    "链接在",
    "发你了",
    "发给你了",
    "发您了",
    "给你了",
    "给您了",
    "已寄出",
    "已经寄出",
    "寄出了",
    "已发货",
    "已经发货",
    "发货了",
    "please find",
    "attached are",
    "attached is",
    "attached you",
    "are attached",
    "is attached",
    "attached:",
    "attached the",
    "attached please",
    "enclosed",
    "here it is",
    "here are",
    "here is the",
    "here's the",
    "uploaded",
    "is now in",
    "are now in",
    "is now on",
    "is on your",
    "sent you",
    "i've sent",
    "we've sent",
    "have sent",
    "shared the",
    "i've shared",
    "we've shared",
    "link below",
    "link:",
    "went out",
    "has shipped",
    "have shipped",
    "shipped today",
];

/// The rest is still to come.
pub const PENDING: &[&str] = &[
    "is due",
    "are due",
    "still due",
    "working on",
    "the other ",
    "should be ready",
    "still being",
    "in progress",
    "进行中",
    "处理中",
    "还在做",
    "还在进行",
    "另外一项",
    "另一项",
    "the other one",
    "will be ready",
    "to come",
    "yet to",
    "还差",
    "还在",
    "剩下",
    "剩余",
    "其余",
    "余下",
    "补齐",
    "后补",
    "再补",
    "稍后",
    "随后",
    "尚未",
    "还没",
    "还需",
    "另行",
    "先发",
    "先给",
    "先把",
    "先提供",
    "第一批",
    "第二批",
    "下一批",
    "一部分",
    "will follow",
    "to follow",
    "follows next",
    "will come",
    "will be sent",
    "to be sent",
    "still",
    "remaining",
    "the rest",
    "pending",
    "before i can",
    "before we can",
    "in burn-in",
    "first batch",
    "first part",
    "so far",
    "not yet",
];

/// The work is complete (a delivery, not a partial one).
pub const COMPLETE: &[&str] = &[
    "都齐了",
    "全部齐了",
    "已全部",
    "全部完成",
    "全部交付",
    "that completes",
    "completes the list",
    "all done",
    "everything is",
];

/// A commitment to do something (with a time, a promise).
pub const COMMIT: &[&str] = &[
    "照常",
    "按原计划",
    "回您",
    "回你",
    "will reach you",
    "target is",
    "with you by",
    "can get",
    "get it done",
    "get this done",
    "eta",
    "coming by",
    "on track for",
    "will do",
    "一定",
    "保证",
    "争取",
    "预计",
    "承诺",
    "会在",
    "将在",
    "将于",
    "能给",
    "能发",
    "能出",
    "能交",
    "能提供",
    "能完成",
    "能全部",
    "能把",
    "就能",
    "发你",
    "发您",
    "发给",
    "给你",
    "给您",
    "给到",
    "交到",
    "送到",
    "提交",
    "寄出",
    "发出",
    "补齐",
    "出终稿",
    "出初稿",
    "出报告",
    "完成",
    "装完",
    "做完",
    "调试",
    "确认后回复",
    "答复",
    "回复你",
    "回复您",
    "把名单",
    "安排好",
    "落实",
    "搞定",
    "弄好",
    "做好",
    "准备好",
    "给出",
    "you will have",
    "you'll have",
    "expect the",
    "expect it",
    "you will get",
    "you'll get",
    "you will receive",
    "you'll receive",
    "we will",
    "we'll",
    "i will",
    "i'll",
    "will send",
    "will ship",
    "will be",
    "will provide",
    "will deliver",
    "will upload",
    "will follow",
    "will have",
    "ship on",
    "ships on",
    "promised",
    "expect to",
    "plan to",
    "can provide",
    "we can",
    "aim to",
    "commit to",
    // The writer's own estimate (`we should have the data to you by…`, `should finish by
    // noon`), as `预计` is: with a time, the time the writer gives for it.
    "should have",
    "should finish",
    "should be done",
];

/// Naming the deadline as it was set (`原定12月11日交`, `was due Friday`): a reference, not a
/// commitment.
pub const ORIGINAL: &[&str] = &[
    "原定",
    "原订",
    "原计划",
    "原本",
    "本来",
    "约定",
    "说好",
    "要求的",
    "was due",
    "were due",
    "originally",
    "as agreed",
    "as requested",
];

/// The delay cues that only say the writer cannot ([`unable`]): with no time in the reply
/// they decline rather than delay.
pub const INABILITY: &[&str] = &[
    "i'm afraid",
    "afraid we",
    "won't be able to",
    "will not be able to",
    "not be able to",
    "unable to",
    "交不了",
    "给不了",
    "出不了",
];

/// Agreeing to the time asked for, which is not yet a commitment of one's own
/// (`周五前寄到没问题`).
pub const AGREE: &[&str] = &[
    "confirmed",
    "works for us",
    "works for me",
    " works.",
    " works,",
    "fine with",
    "可以",
    "没问题",
    "没有问题",
    "no problem",
    "should be fine",
    "is fine",
];

/// Refusing in the first person (`我们无法…`, `we can't…`): a dispute when no time is
/// named, else a delay.
pub const REFUSE: &[&str] = &[
    "我们这边没法",
    "这边没法",
    "没办法做",
    "做不了",
    "接不了",
    "我们无法",
    "我们没法",
    "我们不能",
    "我们做不了",
    "我们没办法",
    "我方无法",
    "我这边无法",
    "我这边没法",
    "我们这边无法",
    "we can't",
    "we cannot",
    "we are unable",
    "we're unable",
    "we won't be able",
    "we will not be able",
    "we are not able",
    "we're not able",
    "i can't",
    "i cannot",
];

/// Conditions: what follows depends on an answer.
pub const CONDITION: &[&str] = &[
    "如果",
    "若",
    "假如",
    "要是",
    "的话",
    "如需",
    "如不",
    "如有",
    "如遇",
    "如发现",
    "万一",
    "if ",
    "unless",
    "once ",
    "in case",
    // The consequence of not doing it (`otherwise we cannot reproduce`, `否则赶不上`).
    "otherwise",
    "否则",
];

/// Asking.
pub const QUESTION: &[&str] = &[
    "想确认",
    "确认一下",
    "请问",
    "能否",
    "是否",
    "可否",
    "能不能",
    "可不可以",
    "行不行",
    "得不得",
    "quick question",
    "two questions",
    "questions before",
    "could you",
    "can you",
    "would you",
    "do you",
    "should it",
    "is it",
];

/// Asking someone to do something.
pub const REQUEST: &[&str] = &[
    "请",
    "麻烦",
    "烦请",
    "劳烦",
    "能否",
    "please",
    "could you",
    "can you",
    "kindly",
    "would you",
];

/// The requester brings in superiors.
pub const ESCALATION: &[&str] = &[
    "出面协调",
    "出面",
    "帮忙盯",
    "need your help",
    "打个招呼",
    "需升级",
    "升级协调",
    "升级一下",
    "向上升级",
    "请求升级",
    "raising this",
    "raise this with",
    "raising it with",
    "flagging this to",
    "attention of",
    "bringing this to",
    "提请",
    "现抄送",
    "故抄送",
    "特抄送",
    "特此抄送",
    "同时抄送",
    "抄送两位",
    "抄送各位领导",
    "抄送了",
    "已抄送",
    "抄送给",
    "请领导",
    "烦请领导",
    "请各位领导",
    "领导协调",
    "上报",
    "升级给",
    "升级到",
    "升级处理",
    "问题升级",
    "只能升级",
    "需要升级",
    "escalat",
    "copy you in",
    "copying in",
    "copying my",
    "copying your",
    "copied in",
    "have copied",
    "i've copied",
    "looping in",
    "loop in",
    "looped in",
    "cc'ing",
    "cc-ing",
    "cc'd",
    "bringing in",
    "adding my manager",
    "management attention",
];

/// Asking a superior to step in (with someone copied in, an escalation).
pub const STEP_IN: &[&str] = &[
    "协调",
    "协助",
    "决策",
    "定夺",
    "拍板",
    "介入",
    "推动",
    "支持一下",
    "帮忙",
    "decide",
    "decision",
    "help",
    "support",
    "intervene",
    "step in",
    "unblock",
];

/// Words of a progress report (several of them from the requester make a sync).
pub const PROGRESS: &[&str] = &[
    "按计划",
    "进行中",
    "正在",
    "已完成",
    "完成了",
    "已上线",
    "预计",
    "待",
    "还差",
    "剩",
    "on track",
    "in progress",
    "completed",
    "done",
    "pending",
    "started",
    "expected",
];

/// The requester accepts what was delivered.
pub const CONFIRMATION: &[&str] = &[
    "按这个来",
    "就按这个",
    "按此执行",
    "按这个执行",
    "确认收到",
    "looks correct",
    "look correct",
    "没问题了",
    "可以了",
    "测试通过",
    "no further changes",
    "no more changes",
    "不用再改",
    "无需再改",
    "可以上线",
    "同意上线",
    "good to go",
    "all received",
    "no objection",
    "没有异议",
    "无异议",
    "received and reviewed",
    "收到并核对",
    "核对完毕",
    "已核对",
    "核对过了",
    "cover everything",
    "确认完成",
    "确认无误",
    "核对无误",
    "确认通过",
    "验收通过",
    "验收完成",
    "已验收",
    "验收合格",
    "审核通过",
    "都确认了",
    "确认了",
    "算确认",
    "确认ok",
    "没有要改",
    "不用改",
    "无需修改",
    "不需要修改",
    "按这版",
    "就用这版",
    "就按这个",
    "可以定稿",
    "定稿了",
    "符合需求",
    "符合要求",
    "符合预期",
    "完全符合",
    "全部达标",
    "达标",
    "很满意",
    "非常满意",
    "is confirmed",
    "are confirmed",
    "confirmed",
    "approved",
    "we approve",
    "signed off",
    "sign off",
    "is closed",
    "are closed",
    "accepted",
    "we accept",
    "looks good",
    "look good",
    "looks great",
    "look great",
    "all good",
    "all set",
    "meets our",
    "meet our",
    "as expected",
    // Deciding for the partner's proposal (`Please go ahead with the RS485 version`,
    // `P1 only is acceptable to us`, `就按你说的`).
    "go ahead",
    "acceptable",
    "按你说的",
    "按您说的",
    "照你说的",
    "照您说的",
];

/// The requester reports progress.
pub const SYNC: &[&str] = &[
    "进度：",
    "进展：",
    "状态如下",
    "情况如下",
    "更新如下",
    "同步：",
    "截至目前",
    "本周完成",
    "update:",
    "status:",
    "同步一下",
    "同步下",
    "同步目前",
    "同步最新",
    "同步办公室",
    "同步各",
    "跟大家同步",
    "和大家同步",
    "向大家同步",
    "同步进度",
    "同步进展",
    "进度同步",
    "进展同步",
    "进度更新",
    "进展更新",
    "更新一下进展",
    "更新一下进度",
    "更新下进展",
    "最新进展",
    "最新情况",
    "目前进展",
    "目前进度",
    "当前进展",
    "当前进度",
    "本周进展",
    "进展如下",
    "进度如下",
    "汇报一下",
    "汇报下",
    "再同步",
    "下次同步",
    "progress sync",
    "progress update",
    "progress report",
    "progress so far",
    "status update",
    "status report",
    "weekly update",
    "quick update",
    "short update",
    "brief update",
    "an update on",
    "update on the",
    "here's an update",
    "here is an update",
    "to update you",
    "update you on",
    "quick status",
    "where things stand",
    "where we are",
    "next sync",
];

/// The requester reminds.
pub const NUDGE: &[&str] = &[
    "原定",
    "原订",
    "约定的",
    "说好的",
    "was due",
    "were due",
    "originally due",
    "跟进一下",
    "跟进下",
    "提醒一下",
    "提醒下",
    "提提你",
    "温馨提示",
    "再次提醒",
    "催一下",
    "还没有收到",
    "还没收到",
    "还没看到",
    "还未收到",
    "尚未收到",
    "仍未收到",
    "没有收到",
    "没等到",
    "还没有看到",
    "还没有回复",
    "还没回复",
    "到期了",
    "今天到期",
    "明天到期",
    "已经到期",
    "已过期",
    "进展如何",
    "进度如何",
    "进展怎么样",
    "进度怎么样",
    "怎么样了",
    "checking in",
    "check in on",
    "following up",
    "follow up on",
    "follow-up on",
    "quick follow-up",
    "reminder",
    "hasn't reached",
    "haven't received",
    "have not received",
    "not received",
    "haven't seen",
    "have not seen",
    "still waiting",
    "any update",
    "any news",
    "was due",
    "is due",
    "overdue",
    "chasing",
];

/// A retrospective (复盘) …
pub const RETRO: &[&str] = &[
    "复盘",
    "retrospective",
    "retro ",
    "post-mortem",
    "postmortem",
    "lessons learned",
];

/// … reported as held (its conclusions, minutes, summary).
pub const RETRO_HELD: &[&str] = &[
    "结论",
    "纪要",
    "总结",
    "已开",
    "开完",
    "已完成",
    "结束",
    "如下",
    "改进项",
    "held",
    "notes",
    "summary",
    "takeaways",
    "action items",
    "minutes",
    "conclusions",
];

/// The words that, negated, the reading reports (`不会延期`, `no objection`).
pub const NEGATABLE: &[&str] = &[
    "异议",
    "不同意见",
    "延期",
    "延误",
    "推迟",
    "影响",
    "objection",
    "delay",
    "问题",
    "affect",
    "impact",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_cantonese_read_as_simplified() {
        assert_eq!(normalize("確認完成，謝謝"), "确认完成，谢谢");
        assert_eq!(normalize("聽日唔得"), "听日不得");
        assert_eq!(normalize("Item 2"), "item 2");
    }

    #[test]
    fn common_traditional_characters_map() {
        for c in ['確', '項', '後', '會', '問', '還', '沒', '發', '覆', '嗎'] {
            assert_ne!(simplify(c), c, "{c}");
        }
    }

    #[test]
    fn negation_is_seen() {
        let t = normalize("设计稿不会延期，数据没有异议");
        assert!(!any(&t, &["延期"]));
        assert!(!any(&t, &["异议"]));
        assert_eq!(
            negations(&t, &["延期", "异议"]),
            vec!["不会延期", "没有异议"]
        );
        assert!(any(&normalize("需要延期一周"), &["延期"]));
        let e = normalize("No objection from our side, and it won't delay the test.");
        assert!(!any(&e, &["objection", "delay"]));
        assert!(any(&normalize("We have to delay the test."), &["delay"]));
    }

    #[test]
    fn english_cues_start_at_a_word() {
        assert!(!any("promotion", &["ion"]));
        assert!(any("it was delivered", &["deliver"]));
    }
}

/// The writer says it cannot (or will not) do something: the shape of a negated ability,
/// not a list of whole phrases. Chinese: a potential complement in the negative (`V不了`,
/// `承担不了`, not `少不了`/`免不了`/`不了解`), a negated modal before a verb (`没法`, `无法`,
/// `没办法`, `不能`, `难以`) or a withheld act (`暂不`, `暂时不`, `不接`); English: a
/// negated modal of ability (`can't`, `cannot`, `unable to`, `won't be able to`, `not in a
/// position to`, `don't think we can`) or a stated choice not to act (`decided not to`,
/// `pass on`, `rather not`). A negation of the inability itself (`不会无法…`) is rare enough
/// to ignore. Returns the phrase found.
pub fn unable(norm: &str) -> Option<&'static str> {
    const MODALS: &[&str] = &[
        "没法",
        "无法",
        "没办法",
        "不能",
        "难以",
        "暂不",
        "暂时不",
        "不接",
        "不参与",
        "不考虑",
    ];
    const EN: &[&str] = &[
        "can't ",
        "cannot ",
        "can not ",
        "unable to",
        "won't be able to",
        "will not be able to",
        "not be able to",
        "not able to",
        "not in a position to",
        "don't think we can",
        "don't think i can",
        "do not think we can",
        "not sure we can",
        "decided not to",
        "have to pass",
        "will pass on",
        "'ll pass on",
        "pass on this",
        "rather not",
    ];
    // Every Chinese word below holds one of these; most clauses have none, and the
    // searches word by word were a fortieth of an ingest.
    let negative = norm.contains(['不', '无', '没', '难', '暂']);
    for m in MODALS.iter().filter(|_| negative) {
        for (i, _) in norm.match_indices(m) {
            // `能不能…` and `不能不…` are a question and a must, not an inability.
            let before = &norm[..i];
            let after = &norm[i + m.len()..];
            if *m == "不能" && (before.ends_with('能') || after.starts_with('不')) {
                continue;
            }
            // A verb must follow (not `无法律…`); any Han character will do.
            if after
                .chars()
                .next()
                .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            {
                return Some(m);
            }
        }
    }
    // The potential complement in the negative: `做不了`, `排不进去`, `赶不及`, `赶不切`
    // (Cantonese 趕唔切), `做不完`, `交不上` (not `少不了`, `免不了`, `不了解`, `算不上`,
    // `谈不上`, `看不出`).
    for comp in ["不了", "不进", "不完", "不及", "不切", "不上"]
        .into_iter()
        .filter(|_| negative)
    {
        for (i, _) in norm.match_indices(comp) {
            let prev = norm[..i].chars().next_back();
            let next = norm[i + comp.len()..].chars().next();
            let verb = prev.is_some_and(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(&c)
                    && !"少免受大罢得为说算谈比看等对".contains(c)
                    // `来不了` cannot come; `来不及` is a delay cue of its own.
                    && (c != '来' || comp == "不了")
            });
            if verb && !(comp == "不了" && next == Some('解')) {
                return Some(comp);
            }
        }
    }
    if !norm.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    EN.iter()
        .find(|w| {
            norm.match_indices(**w)
                .any(|(i, _)| ascii_word_bounded(norm, i, w))
        })
        .copied()
}

/// A correction of the request's facts in the shape `是X，不是Y` / `X, not Y`: the writer
/// sets a fact against the one it was given (a dispute when nothing else is said).
pub fn corrects(norm: &str, previous: Option<&str>) -> bool {
    let t = norm.trim_start();
    for lead in ["不是", "而不是", "并不是", "并非"] {
        if let Some(rest) = t.strip_prefix(lead) {
            // `不是问题`, `不是什么大事`: no correction.
            let trivial = ["问题", "大问题", "什么", "很", "太", "特别"]
                .iter()
                .any(|w| rest.starts_with(w));
            let stated =
                previous.is_some_and(|p| p.contains('是') || p.chars().any(|c| c.is_ascii_digit()));
            return !trivial && stated && rest.chars().count() >= 2;
        }
    }
    norm.match_indices(", not ").any(|(i, m)| {
        let rest = &norm[i + m.len()..];
        let trivial = [
            "yet",
            "sure",
            "a problem",
            "an issue",
            "urgent",
            "only",
            "just",
            "at all",
        ]
        .iter()
        .any(|w| rest.starts_with(w));
        !trivial
            && rest
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '$')
    })
}

/// Something is done, by the shape of the clause rather than a listed phrase: a verb with
/// a result complement and `了` (`订好了`, `改完了`, `补齐了`, not `说好了`/`太好了`), a
/// status value after a label (`报价单：已附上`, `Price list: attached`), an English
/// present perfect or state passive (`has been booked`, `PO is raised`, `are complete`).
/// `已(经)` + a verb that moves a thing somewhere (`已经传到共享盘`, `已放在群文件`,
/// `已经上传`): the perfective of a transfer, whatever the place. Not `已经安排` or
/// `已经通知` (a plan, a message), which move nothing.
pub fn perfective_transfer(norm: &str) -> bool {
    const MOVE: &[&str] = &[
        "上传", "传到", "传至", "传上", "放到", "放在", "放进", "存到", "存在", "寄出", "寄到",
        "交到", "发给", "发您", "发你", "发到", "发出", "发送",
    ];
    for (i, _) in norm.match_indices('已') {
        let mut rest = &norm[i + '已'.len_utf8()..];
        for filler in ["经", "都", "全部", "全"] {
            rest = rest.strip_prefix(filler).unwrap_or(rest);
        }
        if MOVE.iter().any(|v| rest.starts_with(v)) {
            return true;
        }
    }
    false
}

pub fn done_shape(norm: &str) -> bool {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    // Not `看完了`/`说完了` (read, said: an acknowledgement) nor `安排好了` (arranged: a
    // plan, not a thing handed over).
    for end in ["好了", "齐了", "妥了"] {
        for (i, _) in norm.match_indices(end) {
            let prev = norm[..i].chars().next_back();
            if prev.is_some_and(|c| han(c) && !"说那太就最还都也算很真不没快要排听看".contains(c))
            {
                return true;
            }
        }
    }
    let t = norm
        .trim()
        .trim_end_matches(['.', '。', ';', '；', ',', '，']);
    // `Done on item 1: …`, `已完成：…`: a status first.
    if ["done on ", "done with ", "done:", "已完成：", "已完成:"]
        .iter()
        .any(|w| t.starts_with(w))
    {
        return true;
    }
    const STATUS: &[&str] = &[
        "attached",
        "done",
        "sent",
        "uploaded",
        "shared",
        "complete",
        "completed",
        "已附上",
        "已完成",
        "已发送",
        "已上传",
        "已提供",
        "见附件",
        "附件",
    ];
    if STATUS.contains(&t) {
        return true;
    }
    if perfective_transfer(norm) {
        return true;
    }
    if !norm.is_ascii() {
        return false;
    }
    let words: Vec<&str> = norm
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    // Verbs whose perfect or passive hands something over (not `is related`, `is
    // delayed`, `has been scheduled`).
    const HANDED: &[&str] = &[
        "sent",
        "uploaded",
        "attached",
        "shared",
        "signed",
        "approved",
        "raised",
        "submitted",
        "published",
        "released",
        "delivered",
        "shipped",
        "placed",
        "issued",
        "paid",
        "filed",
        "completed",
        "finished",
        "done",
        "complete",
        "ready",
        "fixed",
    ];
    for w in words.windows(3) {
        if matches!(w[0], "has" | "have") && w[1] == "been" && HANDED.contains(&w[2]) {
            return true;
        }
    }
    for w in words.windows(2) {
        if matches!(w[0], "is" | "are") && HANDED.contains(&w[1]) {
            return true;
        }
    }
    false
}

/// An English commitment by its tense: `will`/`'ll`/`going to` before a verb, not
/// negated and not asking (`will you`).
pub fn future_act(norm: &str) -> bool {
    let words: Vec<&str> = norm
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).enumerate().any(|(k, w)| {
        let modal = w[0] == "will" || w[0].ends_with("'ll") || w[0] == "going" && w[1] == "to";
        let asking = w[0] == "will" && (k == 0 || matches!(w[1], "you" | "it" | "that" | "this"));
        modal && !asking && !matches!(w[1], "not" | "never" | "be")
    })
}

/// The clause speaks in the first person (`我们`, `我方`, `我司`, `we`, `I`, `our`): a
/// refusal is the writer's only when it says so (`不能错过` in an advertisement is none).
pub fn first_person(norm: &str) -> bool {
    if ["我", "本公司", "本部门", "咱们"]
        .iter()
        .any(|w| norm.contains(w))
    {
        return true;
    }
    norm.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .any(|w| {
            matches!(w, "we" | "i" | "our" | "us" | "my" | "me")
                || w.starts_with("we'")
                || w.starts_with("i'")
        })
}

/// The clause gives a reason (`因…`, `由于…`, `because …`): what it says cannot be done is
/// the cause of something else, not the writer's refusal.
pub fn reason(norm: &str) -> bool {
    ["因", "由于", "鉴于", "because", "since ", "due to"]
        .iter()
        .any(|w| norm.contains(w))
}

/// Turning something down flatly (`不行`, `impossible`, `no way`): with a time in the
/// clause, the time is refused ([`unable`] covers the modal forms).
pub const NO_GO: &[&str] = &[
    "不行",
    "不可能",
    "impossible",
    "no way",
    "not possible",
    "not feasible",
];

/// The writer declines an act of its own: `我们不做`, `我方不接`, `not something we can do`.
pub fn declines(norm: &str) -> bool {
    for who in ["我们", "我方", "我司", "我這邊", "我这边"] {
        for (i, _) in norm.match_indices(who) {
            let rest = norm[i + who.len()..]
                .trim_start_matches("这边")
                .trim_start_matches("这次");
            if [
                "不做",
                "不接",
                "不处理",
                "不负责",
                "不管",
                "不提供",
                "不承担",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
            {
                return true;
            }
        }
    }
    [
        "not something we can",
        "not something i can",
        "not something we do",
        "we won't be doing",
        "we will not be doing",
    ]
    .iter()
    .any(|w| norm.contains(w))
}

/// English words of a clause (letters, digits and apostrophes).
fn words(norm: &str) -> Vec<&str> {
    norm.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Bringing someone into the thread: `loop`/`copy`/`cc` with whoever is brought in between
/// the verb and `in` (`looping you in`, `copying my manager in`), or `to your attention`.
pub fn brings_in(norm: &str) -> bool {
    if ["to your attention", "to the attention of"]
        .iter()
        .any(|w| norm.contains(w))
    {
        return true;
    }
    let w = words(norm);
    w.iter().enumerate().any(|(k, v)| {
        matches!(
            *v,
            "loop" | "looping" | "looped" | "copy" | "copying" | "copied" | "cc" | "cc'ing"
        ) && w[k + 1..].iter().take(4).any(|x| *x == "in")
    })
}

/// The reader is the one asked to act (`需要你…`, `need you to`, `request your`): whatever
/// time and verb follow are the reader's, not the writer's.
pub const READER_ACTS: &[&str] = &[
    "需要你",
    "需要您",
    "要你",
    "要您",
    "让你",
    "让您",
    "请你",
    "请您",
    "need you to",
    "request your",
    "you to ",
];

/// The writer is the subject of the clause's act: `我`/`我们`/`我这边` not as an object
/// (`给我`, `告诉我`, `跟我`), or `I`/`we` in English; and the reader is not the one asked
/// to act ([`READER_ACTS`]).
pub fn writer_acts(norm: &str) -> bool {
    if READER_ACTS.iter().any(|w| norm.contains(w)) {
        return false;
    }
    const OBJECT: &[char] = &[
        '给', '帮', '回', '诉', '知', '让', '跟', '和', '向', '对', '替', '找',
    ];
    let zh = norm.match_indices('我').any(|(i, _)| {
        !norm[..i]
            .chars()
            .next_back()
            .is_some_and(|c| OBJECT.contains(&c))
    }) || ["本公司", "本部门", "咱们"]
        .iter()
        .any(|w| norm.contains(w));
    zh || words(norm).iter().any(|w| {
        matches!(
            *w,
            "i" | "we" | "i'll" | "we'll" | "i'm" | "we're" | "i've" | "we've" | "mine"
        )
    })
}

/// Turning to someone who can unblock: words of deciding, coordinating, pushing,
/// supporting.
pub const STEP_IN_ASK: &[&str] = &[
    "协调",
    "决策",
    "定夺",
    "拍板",
    "介入",
    "推动",
    "帮忙",
    "帮手",
    "decide",
    "decision",
    "help",
    "support",
    "intervene",
    "step in",
    "unblock",
];

/// A help that is only a look or a check (`帮忙看一下`, `help check`): a courtesy of a
/// reminder, not a call to step in.
pub fn light_help(norm: &str) -> bool {
    [
        "帮忙看",
        "帮忙查",
        "帮忙确认",
        "帮手看",
        "help check",
        "help to check",
        "help look",
    ]
    .iter()
    .any(|w| norm.contains(w))
}

/// A mail that opens by restating what was agreed: `Confirming …`, `To confirm …`, or
/// `跟/和/与 <someone> 确认一下/过/了` (`跟贵部电话确认一下：`, `跟信息科确认过了`).
pub fn confirms_opening(norm: &str) -> Option<&'static str> {
    let t = norm.trim_start();
    if t.starts_with("confirming") {
        return Some("confirming");
    }
    if t.starts_with("to confirm") {
        return Some("to confirm");
    }
    let head: String = t.chars().take(12).collect();
    let with = head.find(['跟', '和', '与'])?;
    let rest = &head[with..];
    let k = rest.find("确认")?;
    let between = rest[..k].chars().count() - 1;
    let after = &rest[k + "确认".len()..];
    (with == 0
        && (1..=8).contains(&between)
        && ["一下", "过", "了", "："]
            .iter()
            .any(|w| after.starts_with(w)))
    .then_some("跟…确认")
}

/// The requester accepts: a [`CONFIRMATION`] cue that is the writer's, not reported of
/// another (`Your engineer confirmed on Tuesday that …`, `他们已经确认了`).
pub fn own_confirmation(norm: &str) -> Option<&'static str> {
    let w = first(norm, CONFIRMATION)?;
    let at = norm.find(w).unwrap_or(0);
    let before = &norm[..at];
    let other = words(before)
        .iter()
        .any(|x| matches!(*x, "your" | "you" | "they" | "he" | "she"))
        || ["对方", "他们", "他", "她"]
            .iter()
            .any(|x| before.contains(x));
    (!other).then_some(w)
}

/// A report announced as following (`进展同步如下：`, `进度通报如下：`, `情况汇报如下`): the
/// word for progress or state shortly before `如下`.
pub fn report_follows(norm: &str) -> bool {
    norm.match_indices("如下").any(|(i, _)| {
        let before: String = {
            let mut b: Vec<char> = norm[..i].chars().rev().take(8).collect();
            b.reverse();
            b.into_iter().collect()
        };
        ["进展", "进度", "情况", "状态"]
            .iter()
            .any(|w| before.contains(w))
    })
}

/// Only then, in English (`I can only confirm on Monday`, `not until Friday`): what 才
/// says after a time in Chinese.
pub const ONLY_THEN: &[&str] = &["can only", "could only", "not until", "only be able to"];
