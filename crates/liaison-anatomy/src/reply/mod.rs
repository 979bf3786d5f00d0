//! Reading a reply: what one message in a collaboration's thread says, as the tracker needs
//! it. This is the only reader of replies; the tracker records its events from
//! [`ReplyReading`] and the corpus scorer measures exactly this function.
//!
//! # Contract
//!
//! [`read`]`(message, options, writer, items)` → [`ReplyReading`]. It is pure (no IO, no
//! clock: "now" is the message's Date, else `options.time.now`), never panics and never
//! fails. It reads, in this order:
//!
//! 1. **The new text** ([`ReplyReading::new_text`]): the body without the quoted original
//!    ([`crate::strip_quoted`]: every client's quote header, `>` lines, inline answers
//!    kept), then without mobile tags, disclaimers, logo placeholders and the signature
//!    block with its valediction ([`text::own_text`], which asks the anatomy's signature
//!    detection). Nothing below is read from quoted text, disclaimers or signatures.
//! 2. **The class** ([`ReplyClass`]), from the new text split into clauses, with
//!    Traditional Chinese and Cantonese read as Simplified, negated cues ignored (`不会延期`,
//!    `没有异议`, `no objection`, `won't delay` are listed in [`ReplyReading::negations`]),
//!    conditional clauses (`如果…`, `if …`) not taken as commitments, inline logos
//!    (`image001.png`, `logo.png`) not taken as delivered files, and the auto-reply headers
//!    ([`Message::auto_reply`]) honoured:
//!    - the side that asked for the work ([`Writer::requester`]) nudges, syncs progress,
//!      escalates or confirms (and, when it is not us, may just acknowledge);
//!    - the side asked answers: auto-reply, dispute/decline, delay, partial delivery,
//!      delivery, promise (a commitment with a time), question, acknowledgement — the
//!      first that applies, in this order; our own progress report there is a sync.
//!      A statistical model of these classes ([`model`]) can be combined with the rules
//!      ([`Strategy`], [`combine`]); [`STRATEGY`] is the rules alone, because the model did
//!      not beat them on the corpus' held-out part (docs/accuracy.md).
//! 3. **The time promised** ([`ReplyReading::promised`]): for a promise, the latest future
//!    time the writer commits to; for a delay, the new time; for a partial delivery, the
//!    time for the rest. Past times and times in questions, conditions or negated clauses
//!    do not count.
//! 4. **The items** ([`ReplyReading::items`]): numbers (1-based) of the thread's items
//!    ([`ItemRef`]) the reply is about — named by number (`第2项`, `item 2`), by their
//!    words, or by their owner; when it names none, the writer's own items, or the only
//!    item. `None` for acknowledgements and auto-replies, and when nothing points at an
//!    item ([`ReplyReading::items_found`] says how they were found).

pub(crate) mod cues;
mod items;
pub mod model;
pub mod text;

pub use items::Found as ItemsFound;

use crate::ParseOptions;
use chrono::{DateTime, FixedOffset};
use liaison_mail::Message;
use liaison_time::ExprKind;
use serde::Serialize;
use std::ops::Range;

/// What a reply does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReplyClass {
    /// 收到 / noted: received, nothing more.
    Acknowledgement,
    /// Asks something before going on.
    Question,
    /// Commits to a time.
    Promise,
    /// Delivers part, the rest later.
    PartialDelivery,
    /// Delivers (files, a link, the answer asked for).
    Delivery,
    /// Will be late; usually with a new time.
    Delay,
    /// Disputes or declines (the owner, the standard, the scope, the facts).
    Dispute,
    /// Sent automatically (out of office).
    AutoReply,
    /// The requester reminds.
    Nudge,
    /// A progress report.
    Sync,
    /// The requester brings in superiors.
    Escalation,
    /// The requester accepts a delivery.
    Confirmation,
}

impl ReplyClass {
    /// Every class.
    pub const ALL: [ReplyClass; 12] = [
        ReplyClass::Acknowledgement,
        ReplyClass::Question,
        ReplyClass::Promise,
        ReplyClass::PartialDelivery,
        ReplyClass::Delivery,
        ReplyClass::Delay,
        ReplyClass::Dispute,
        ReplyClass::AutoReply,
        ReplyClass::Nudge,
        ReplyClass::Sync,
        ReplyClass::Escalation,
        ReplyClass::Confirmation,
    ];

    /// The id used in JSON and in the corpus (`partial-delivery`, `auto-reply`…).
    pub fn id(self) -> &'static str {
        match self {
            ReplyClass::Acknowledgement => "acknowledgement",
            ReplyClass::Question => "question",
            ReplyClass::Promise => "promise",
            ReplyClass::PartialDelivery => "partial-delivery",
            ReplyClass::Delivery => "delivery",
            ReplyClass::Delay => "delay",
            ReplyClass::Dispute => "dispute",
            ReplyClass::AutoReply => "auto-reply",
            ReplyClass::Nudge => "nudge",
            ReplyClass::Sync => "sync",
            ReplyClass::Escalation => "escalation",
            ReplyClass::Confirmation => "confirmation",
        }
    }

    /// Reads an id back.
    pub fn parse(id: &str) -> Option<ReplyClass> {
        ReplyClass::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// Who wrote the reply, relative to the thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Writer {
    /// The writer is one of our addresses.
    pub ours: bool,
    /// The writer's side sent the thread's original request (for the tracker: our own
    /// mail in a collaboration we opened).
    pub requester: bool,
}

/// An item of the thread's original request, as the reader needs it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemRef {
    /// 做什么, as written.
    pub what: String,
    /// 谁来做, as written (a name, a department, or an email).
    pub owner: Option<String>,
    /// Its deadline, when known.
    pub due: Option<DateTime<FixedOffset>>,
}

/// What a reply says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplyReading {
    /// The class.
    pub class: ReplyClass,
    /// The writer's own text (greeting to the last own sentence).
    pub new_text: String,
    /// The quoted part, as a byte range of the message's text body.
    #[serde(skip)]
    pub quoted: Option<Range<usize>>,
    /// The time promised (see the module documentation).
    pub promised: Option<DateTime<FixedOffset>>,
    /// The items the reply is about (1-based numbers of [`ItemRef`]s).
    pub items: Option<Vec<usize>>,
    /// How [`ReplyReading::items`] were found.
    #[serde(skip)]
    pub items_found: Option<ItemsFound>,
    /// For a partial delivery or a delivery: the items named as delivered (a subset of
    /// `items`; empty when the reply does not say which).
    pub delivered: Vec<usize>,
    /// Cue phrases that were negated and so not counted (`不会延期`, `no objection`).
    pub negations: Vec<String>,
    /// The phrase that decided the class, when one did.
    pub cue: Option<String>,
    /// The writer reports a retrospective (复盘) as held, with its conclusions or minutes.
    pub retro: bool,
    /// The header that marked the message as automatic, if any.
    pub auto_header: Option<String>,
    /// Attached files that are not inline logos.
    pub files: usize,
}

/// One clause of the new text with what was found in it.
#[derive(Debug, Clone, Default)]
struct Clause {
    norm: String,
    /// Index of the sentence it belongs to.
    sentence: usize,
    /// Future deadlines in it.
    times: Vec<DateTime<FixedOffset>>,
    /// Any time expression (also past, vague or relative).
    any_time: bool,
    /// A time expression that sets a time (not a vague one such as 尽快, ASAP).
    dated: bool,
    question: bool,
    conditional: bool,
    /// A time followed by a verb of doing (`周五给你`, `12月8日前提交`).
    time_verb: bool,
    /// A time followed by 才 (`要到周五才能到`): later than hoped.
    time_late: bool,
    /// The text is a reply of a few lines (600 characters at most): shapes that are read
    /// without a listed cue (an inability, [`cues::unable`]) count only there; in a long
    /// text (a letter, a story, an advertisement) they are narrative.
    short: bool,
}

impl Clause {
    fn has(&self, words: cues::Words) -> bool {
        cues::any(&self.norm, words)
    }
    fn done(&self) -> bool {
        cues::any_done(&self.norm, cues::DONE) || self.short && cues::done_shape(&self.norm)
    }
    /// The writer commits to doing something (a cue, or a time followed by a verb).
    fn commits(&self) -> bool {
        !self.asks_reader()
            && (self.has(cues::COMMIT)
                || self.time_verb && !self.has(cues::ORIGINAL)
                || !self.times.is_empty() && cues::future_act(&self.norm))
    }
    /// The clause asks the reader to act (`请在1月10日前到港`, `please send it by Friday`):
    /// the reader's deed, not the writer's commitment. Courtesy formulas (`请放心`,
    /// `请查收`, `please note`) ask nothing.
    fn asks_reader(&self) -> bool {
        const COURTESY: &[&str] = &[
            "请放心",
            "请知悉",
            "请查收",
            "请见",
            "请参考",
            "请注意",
            "please note",
            "please be assured",
            "please rest assured",
            "please find",
            "please see",
        ];
        let t = self.norm.trim_start();
        // At the start, or after a short topic (`第二批请在…`) that is not the writer: only
        // the first nine character positions can hold the ask.
        ["请", "麻烦", "please"].iter().any(|w| {
            t.char_indices().take(9).any(|(i, _)| {
                if !t[i..].starts_with(w) {
                    return false;
                }
                let topic = &t[..i];
                let rest = &t[i..];
                topic.chars().count() <= 8
                    && !topic.contains('我')
                    && !topic.contains("we ")
                    && !topic.ends_with(['申', '邀'])
                    && !["请假", "请示", "请教"].iter().any(|x| rest.starts_with(x))
                    && !COURTESY.iter().any(|c| rest.starts_with(c))
            })
        })
    }
    /// The clause asks the reader to step in (`恳请您协调`, `这个需要你拍板`, `Could you
    /// help push …`, `Request your support`): the cue, unless the help is only a look.
    fn asks_step_in(&self) -> Option<&'static str> {
        let asks = self.asks_reader()
            || self.question
            || self.has(cues::REQUEST)
            || self.has(cues::READER_ACTS);
        if !asks || cues::light_help(&self.norm) {
            return None;
        }
        cues::first(&self.norm, cues::STEP_IN_ASK)
    }
    /// The writer takes a task on: `我(们)来` + a verb, `is mine`, `交给我`, or a
    /// commitment (`I will …`, `就回您`) with the writer as its subject.
    fn takes_on(&self) -> bool {
        let n = &self.norm;
        // A shape without a time, so read only in a reply of a few lines (in a letter or
        // an advertisement, `我们来…`/`we will…` is narrative).
        if !self.short || self.asks_reader() || !cues::writer_acts(n) {
            return false;
        }
        let comes = n.match_indices('来').any(|(i, _)| {
            let before: Vec<char> = n[..i].chars().rev().take(3).collect();
            let next = n[i + '来'.len_utf8()..].chars().next();
            before.contains(&'我')
                && next.is_some_and(|c| {
                    ('\u{4e00}'..='\u{9fff}').contains(&c) && !"了的说自源看过".contains(c)
                })
        });
        comes
            || cues::any(n, &["is mine", "交给我", "包在我"])
            || cues::future_act(n)
            // Coming back to the reader (`就回您`, `再答复你`).
            || self.has(&["回您", "回你", "答复您", "答复你", "回复您", "回复你"])
    }
    /// The writer says it will be late.
    fn late(&self) -> bool {
        self.delay_cue()
            || self.time_late
            || self.any_time && (self.unable() || self.short && self.has(cues::NO_GO))
    }
    /// A delay cue. A hedge (`I'm afraid`, `恐怕要`) softens whatever follows: it says
    /// late only about a time (a time expression or a word for one in the clause); else
    /// it softens a refusal or a concern.
    fn delay_cue(&self) -> bool {
        const HEDGES: &[&str] = &["i'm afraid", "afraid we", "恐怕要"];
        const ABOUT_TIME: &[&str] = &[
            "until",
            "later",
            "more time",
            "deadline",
            "date",
            "delay",
            "延",
            "晚",
            "推迟",
            "时间",
            "日期",
            "来不及",
        ];
        if !self.has(cues::DELAY) {
            return false;
        }
        if !self.has(HEDGES) || self.any_time || self.has(ABOUT_TIME) {
            return true;
        }
        let mut rest = self.norm.clone();
        for h in HEDGES {
            rest = rest.replace(h, " ");
        }
        cues::any(&rest, cues::DELAY)
    }

    /// Refusing: a first-person refusal cue or an inability ([`cues::unable`]) the writer
    /// states in the first person.
    fn refuses(&self) -> bool {
        self.has(cues::REFUSE)
            || self.short && cues::declines(&self.norm)
            || self.unable()
                && (cues::first_person(&self.norm) || self.has(&["恐怕", "afraid"]))
                && !cues::reason(&self.norm)
            || self.short && self.hedged_no()
    }
    /// A hedge before a negation, about no time (`I'm afraid that is not something we
    /// can sign up to`, `恐怕不能直接批`): a polite no.
    fn hedged_no(&self) -> bool {
        let Some(h) = ["i'm afraid", "i am afraid", "恐怕"]
            .iter()
            .find_map(|h| self.norm.find(h).map(|i| i + h.len()))
        else {
            return false;
        };
        let after = &self.norm[h..];
        !self.any_time
            && !self.question
            && cues::any(after, &[" not ", "n't", "不", "无法", "没法", "cannot"])
    }
    /// The writer says it cannot do something ([`cues::unable`]).
    fn unable(&self) -> bool {
        self.short && cues::unable(&self.norm).is_some()
    }
    /// Late only by saying it cannot (`won't be able to take this on`), with no time in
    /// the clause: a decline when the reply names no time at all.
    fn late_by_inability_only(&self) -> bool {
        !self.any_time
            && !self.time_late
            && self.unable()
            && cues::first(&self.norm, cues::DELAY).is_none_or(|w| cues::INABILITY.contains(&w))
    }
}

/// Splits the new text into clauses: sentences, then `，` (and English `, and`/`, but`/
/// `, so`/`;`) inside them. Times are scanned per sentence and given to the clause where
/// they start; a condition earlier in the sentence makes the rest conditional.
fn clauses(text: &str, ctx: &liaison_time::Context) -> Vec<Clause> {
    let mut out = Vec::new();
    let short = text.chars().count() <= 600;
    for (si, sentence) in liaison_model::text::sentences(text).enumerate() {
        let found = liaison_time::scan(sentence, ctx);
        let mut cuts = vec![0];
        for (i, c) in sentence.char_indices() {
            if matches!(c, '，' | '；' | ';' | '：' | '\n') {
                cuts.push(i + c.len_utf8());
            }
        }
        let lower = sentence.to_ascii_lowercase();
        for sep in [", and ", ", but ", ", so ", " - ", " – ", ": "] {
            for (i, _) in lower.match_indices(sep) {
                if sentence.is_char_boundary(i + sep.len()) {
                    cuts.push(i + sep.len());
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        cuts.push(sentence.len());
        let mut conditional = false;
        for w in cuts.windows(2) {
            let (s, e) = (w[0], w[1]);
            if s >= e {
                continue;
            }
            let piece = &sentence[s..e];
            let norm = cues::normalize(piece);
            if norm.trim().is_empty() {
                continue;
            }
            // `若干` (several) holds `若` (if) without being a condition.
            let unhedged = if norm.contains("若干") {
                std::borrow::Cow::Owned(norm.replace("若干", ""))
            } else {
                std::borrow::Cow::Borrowed(norm.as_str())
            };
            // One automaton for the list rather than a substring search per word: this
            // runs for every clause of every reply.
            static CONDITIONS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
                std::sync::LazyLock::new(|| {
                    aho_corasick::AhoCorasick::new(cues::CONDITION).expect("no empty condition")
                });
            let own_condition = CONDITIONS.is_match(unhedged.as_ref())
                || cues::CONDITION
                    .iter()
                    .any(|c| norm.trim_start().starts_with(c.trim()));
            let mut cl = Clause {
                sentence: si,
                question: piece.contains(['?', '？']) && without_links(piece).contains(['?', '？'])
                    || cues::any(&norm, cues::QUESTION),
                conditional: conditional || own_condition,
                short,
                ..Clause::default()
            };
            conditional |= own_condition;
            for f in &found {
                if f.start >= s && f.start < e {
                    cl.any_time = true;
                    // A span counted from an event (`到港后3个工作日内`) is vague to
                    // liaison-time and still a time the writer commits to.
                    cl.dated |= f.kind == ExprKind::Deadline
                        || f.kind == ExprKind::Vague
                            && sentence.get(f.start..f.end).is_some_and(|x| {
                                x.ends_with(['内', '內'])
                                    && x.chars().any(|c| {
                                        c.is_ascii_digit() || "一二三四五六七八九十两兩".contains(c)
                                    })
                            });
                    let after = cues::normalize(&sentence[f.end.min(e)..e]);
                    match verb_after_time(&after) {
                        // Agreeing to a time (`周五可以`) is no commitment of one's
                        // own, but `可以` before the verb is an ability (`周五前可以交`).
                        Some(AfterTime::Verb) => {
                            cl.time_verb = cues::first(&norm, cues::AGREE)
                                .is_none_or(|w| w == "可以" && after.contains("可以"))
                        }
                        // `上周五才到`: only then, but past — a reason given, not the
                        // writer's lateness.
                        Some(AfterTime::Late) => {
                            cl.time_late |= f.value.is_none_or(|v| v > ctx.now)
                        }
                        None => {}
                    }
                    if f.kind == ExprKind::Deadline
                        && let Some(v) = f.value
                        && v > ctx.now
                        && !perfect_after(&after)
                        && !after_reason(&sentence[s..f.start])
                    {
                        cl.times.push(v);
                    }
                }
            }
            // `I can only confirm on Monday`: the time named is later than hoped.
            cl.time_late |= !cl.times.is_empty() && cues::any(&norm, cues::ONLY_THEN);
            cl.norm = norm;
            out.push(cl);
        }
    }
    out
}

/// The clause, up to a time, has turned to a reason (`…, since she leaves on the 18th`,
/// `…，因为周五要上线`): the time belongs to the reason, not to what the writer does.
fn after_reason(before: &str) -> bool {
    let b = before.to_lowercase();
    [" since ", " because ", "因为", "由于"]
        .iter()
        .any(|w| b.contains(w))
}

/// A time followed by the perfective `已`/`已经` (`周五已经发您邮箱了`, `昨天我已发`): the
/// act is done, so a bare weekday there is the past one, not a time to come.
fn perfect_after(after: &str) -> bool {
    let mut rest = after.trim_start();
    for filler in ["我们", "我", "都", "就", "也"] {
        rest = rest.strip_prefix(filler).unwrap_or(rest).trim_start();
    }
    rest.starts_with('已')
}

/// What follows a time expression.
enum AfterTime {
    /// A verb of doing: the writer will do it then.
    Verb,
    /// 才: only then, later than wanted.
    Late,
}

/// Reads what follows a time expression (normalized): fillers (前, 之前, 内, 我, 会, 能,
/// 一定…) and then a verb of doing or 才.
fn verb_after_time(after: &str) -> Option<AfterTime> {
    const FILLERS: &[&str] = &[
        "之前",
        "以前",
        "以内",
        "之内",
        "前后",
        "左右",
        "前",
        "内",
        "我们",
        "我这边",
        "我方",
        "我",
        "这边",
        "会",
        "能",
        "可以",
        "就",
        "一定",
        "先",
        "再",
        "全部",
        "都",
        "把",
        "给你",
        "给您",
        " ",
        "，",
    ];
    const VERBS: &[&str] = &[
        "提测", "交付", "启动", "发", "给", "交", "出", "寄", "做", "补", "提供", "完成", "到",
        "上线", "提交", "送", "回复", "答复", "确认", "安排", "装", "搞定", "弄好", "修复", "更新",
        "上传", "整理", "准备", "报送",
    ];
    let mut rest = after;
    // `周五前把样张放到共享盘`: after 把 comes the object and then the verb, whatever it is;
    // a time followed by 把 is a deed planned for that time.
    let mut disposal = false;
    for _ in 0..6 {
        let before = rest;
        disposal |= rest.starts_with('把');
        if let Some(r) = rest
            .strip_prefix('（')
            .and_then(|r| r.split_once('）'))
            .map(|x| x.1)
        {
            rest = r;
        }
        for f in FILLERS {
            if let Some(r) = rest.strip_prefix(f) {
                rest = r;
                break;
            }
        }
        if rest == before {
            break;
        }
    }
    if rest.starts_with('才') {
        return Some(AfterTime::Late);
    }
    // A verb with a result complement (`搭好`, `改完`, `补齐`) is a verb of doing too,
    // whatever the verb.
    let resulting = rest.chars().take(3).skip(1).any(|c| "好完齐妥".contains(c))
        && rest
            .chars()
            .next()
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !"不没还".contains(c));
    // `周二能上公众号`: 上 as "put up, publish", not 上午/上旬/上周 (part of a time).
    let put_up = rest
        .strip_prefix('上')
        .and_then(|r| r.chars().next())
        .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !"午旬半周月个次".contains(c));
    (disposal || resulting || put_up || VERBS.iter().any(|v| rest.starts_with(v)))
        .then_some(AfterTime::Verb)
}

/// The text without URLs (whose `?` is not a question).
fn without_links(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Joins lines a client wrapped inside a sentence (format=flowed's trailing space, or a
/// line that ends without punctuation before one that starts in lower case), so that a
/// clause is not cut at a soft line break.
fn unwrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let lines: Vec<&str> = text.lines().collect();
    for (k, l) in lines.iter().enumerate() {
        out.push_str(l.trim_end());
        let Some(next) = lines.get(k + 1) else {
            break;
        };
        let soft = !l.trim().is_empty()
            && l.ends_with(' ')
            && l.trim_end() != "--"
            && !next.trim().is_empty();
        let wrapped = !l.trim().is_empty()
            && !l
                .trim_end()
                .ends_with(|c: char| ".:;!?。：；！？，,".contains(c))
            && next.starts_with(|c: char| c.is_ascii_lowercase());
        out.push(if soft || wrapped { ' ' } else { '\n' });
    }
    out
}

/// Attachments that are inline pictures (signature logos, Outlook's `image001.png`), not
/// delivered files.
fn is_logo(name: &str, content_type: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let image = content_type.starts_with("image/")
        || [".png", ".jpg", ".jpeg", ".gif", ".bmp"]
            .iter()
            .any(|x| n.ends_with(x));
    if !image {
        return false;
    }
    let stem = n.rsplit_once('.').map_or(n.as_str(), |(s, _)| s);
    let numbered = stem
        .strip_prefix("image")
        .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
    numbered
        || n == "(unnamed)"
        || ["logo", "signature", "sig_", "banner", "icon", "outlook"]
            .iter()
            .any(|w| stem.contains(w))
}

/// Reads one reply (see the module documentation): [`prepare`] then
/// [`Prepared::against`] the items.
pub fn read(m: &Message, opts: &ParseOptions, writer: Writer, items: &[ItemRef]) -> ReplyReading {
    prepare(m, opts, writer).into_reading(items)
}

/// A reply read as far as it can be without the collaboration's items: its new text,
/// class, promised time and cues. The items the reply is about are found by
/// [`Prepared::against`]. The split lets the tracker read replies in parser threads, ahead
/// of the thread that knows the items, and point a reading kept from an earlier replay at
/// items that have changed since.
#[derive(Debug, Clone)]
pub struct Prepared {
    reading: ReplyReading,
    /// The new text normalised ([`cues::normalize`]), where items are looked for.
    all: String,
    /// Its clauses (a partial delivery names its delivered items in them).
    clauses: Vec<Clause>,
    /// The writer is the side the work was asked of (the answering side).
    answering: bool,
    /// The writer's display name and address (their items are the ones a reply that names
    /// none is about).
    writer_names: Vec<String>,
    /// The last reading and the items it was pointed at.
    last: LastReading,
}

/// The last reading of a [`Prepared`] with the items it was pointed at. Replaying a thread
/// points each of its replies at the same items again (a thread is replayed whenever a
/// message lands in the middle of its history), and pointing was a tenth of an ingest.
#[derive(Debug, Default)]
struct LastReading(std::sync::Mutex<Option<(Vec<ItemRef>, ReplyReading)>>);

impl Clone for LastReading {
    fn clone(&self) -> Self {
        let last = self.0.lock().ok().and_then(|l| l.clone());
        LastReading(std::sync::Mutex::new(last))
    }
}

/// Reads everything of a reply that does not depend on the items (see [`read`]).
pub fn prepare(m: &Message, opts: &ParseOptions, writer: Writer) -> Prepared {
    let stripped = crate::strip_quoted(&m.body);
    let new_text = text::own_text(&stripped.text, m.from_name.as_deref(), opts);
    let ctx = liaison_time::Context {
        now: m.date.unwrap_or(opts.time.now),
        ..opts.time.clone()
    };
    let files = m
        .attachments
        .iter()
        // An inline image with a Content-ID (a signature logo, a picture in the text) is
        // no delivery; neither is a file that looks like a logo.
        .filter(|a| !a.inline && !is_logo(&a.name, &a.content_type))
        .count();
    let cls = clauses(&unwrap(&new_text), &ctx);
    let all = cues::normalize(&new_text);
    let negations = cues::negations(&all, cues::NEGATABLE);
    let (rule_class, rule_cue, asked) = decide(&cls, &all, &new_text, m, writer, files);
    let (class, cue) = if asked && STRATEGY != Strategy::Rules {
        let input = ModelInput {
            rules: rule_class,
            defaulted: rule_cue.is_none() && rule_class == ReplyClass::Acknowledgement,
            flags: flags(&cls, &all, files),
            features: Vec::new(),
        };
        let input = ModelInput {
            features: model::features(&new_text, &input.flags),
            ..input
        };
        let c = combine(STRATEGY, &input, &model::MODEL);
        (
            c,
            if c == rule_class {
                rule_cue
            } else {
                Some("(model)".into())
            },
        )
    } else {
        (rule_class, rule_cue)
    };
    let promised = match class {
        ReplyClass::Promise | ReplyClass::Delay | ReplyClass::PartialDelivery => {
            promised_time(&cls, class)
        }
        _ => None,
    };
    let mut writer_names: Vec<String> = Vec::new();
    if let Some(n) = m.from_name.as_deref() {
        writer_names.push(n.trim().trim_matches('"').to_string());
    }
    if let Some(f) = m.from.as_deref() {
        writer_names.push(f.to_string());
    }
    let retro = cls
        .iter()
        .any(|c| !c.question && !c.conditional && c.has(cues::RETRO) && c.has(cues::RETRO_HELD));
    Prepared {
        reading: ReplyReading {
            class,
            new_text,
            quoted: stripped.quoted,
            promised,
            items: None,
            items_found: None,
            delivered: Vec::new(),
            negations,
            cue,
            retro,
            auto_header: m.auto_reply.clone(),
            files,
        },
        all,
        clauses: cls,
        answering: asked,
        writer_names,
        last: LastReading::default(),
    }
}

/// A reply pointed at the items: its class made precise by them, the items it is about
/// with how they were found, and the items it delivers.
type Pointed = (ReplyClass, Option<(Vec<usize>, ItemsFound)>, Vec<usize>);

impl Prepared {
    /// The class, known before the items (against them, a promise that answers a
    /// yes-or-no ask in the mail becomes a partial delivery: [`Prepared::against`]).
    pub fn class(&self) -> ReplyClass {
        self.reading.class
    }

    /// The whole reading, pointed at `items` (the collaboration's items when the reply is
    /// applied).
    pub fn against(&self, items: &[ItemRef]) -> ReplyReading {
        if let Ok(last) = self.last.0.lock()
            && let Some((seen, reading)) = last.as_ref()
            && seen == items
        {
            return reading.clone();
        }
        let (class, found, delivered) = self.point(items);
        let reading = ReplyReading {
            class,
            promised: self.as_planned(items, found.as_ref()),
            items: found.as_ref().map(|(v, _)| v.clone()),
            items_found: found.map(|(_, f)| f),
            delivered,
            ..self.reading.clone()
        };
        if let Ok(mut last) = self.last.0.lock() {
            *last = Some((items.to_vec(), reading.clone()));
        }
        reading
    }

    /// The promised time, made precise by the plan: a day promised "as planned"
    /// (`11日照常`, `on schedule for the 11th`) is the deadline an item it is about has on
    /// that day, hour included.
    fn as_planned(
        &self,
        items: &[ItemRef],
        found: Option<&(Vec<usize>, ItemsFound)>,
    ) -> Option<DateTime<FixedOffset>> {
        const PLANNED: &[&str] = &[
            "照常",
            "如期",
            "按原计划",
            "按计划",
            "按时",
            "as planned",
            "on schedule",
            "as scheduled",
            "on time",
        ];
        let p = self.reading.promised?;
        if !end_of_day(&p) || !cues::any(&self.all, PLANNED) {
            return Some(p);
        }
        let due = found?
            .0
            .iter()
            .filter_map(|&k| items.get(k - 1)?.due)
            .find(|d| d.date_naive() == p.date_naive() && !end_of_day(d));
        Some(due.unwrap_or(p))
    }

    /// [`Prepared::against`], consuming the preparation (no copy of the text).
    pub fn into_reading(self, items: &[ItemRef]) -> ReplyReading {
        let (class, found, delivered) = self.point(items);
        ReplyReading {
            class,
            promised: self.as_planned(items, found.as_ref()),
            items: found.as_ref().map(|(v, _)| v.clone()),
            items_found: found.map(|(_, f)| f),
            delivered,
            ..self.reading
        }
    }

    /// The class made precise by the items, the items the reply is about, and those it
    /// delivers.
    fn point(&self, items: &[ItemRef]) -> Pointed {
        let class = self.reading.class;
        if class == ReplyClass::Promise && self.answering {
            let answered = self.answers_yes_no(items);
            if !answered.is_empty() {
                let about = self.about(items);
                return (ReplyClass::PartialDelivery, about, answered);
            }
        }
        let about = match class {
            // A progress sync is an event of the whole collaboration (DESIGN §3/§6, the
            // corpus's adjudicated A5): it moves no item's state, so it points at none, also
            // when its report goes through the items one by one.
            ReplyClass::Acknowledgement | ReplyClass::AutoReply | ReplyClass::Sync => None,
            _ => self.about(items),
        };
        let delivered = match class {
            ReplyClass::Delivery => about.as_ref().map(|(v, _)| v.clone()).unwrap_or_default(),
            ReplyClass::PartialDelivery => delivered_items(&self.clauses, items),
            _ => Vec::new(),
        };
        (class, about, delivered)
    }

    /// The yes-or-no asks among `items` (`confirm whether…`, `let us know if…`, `是否…`)
    /// that the reply settles with a verdict stated in the mail (`X are fine for Y`, `Yes,
    /// please ship…`, `样品不需要重做`): an answer written in the mail is that ask
    /// delivered, so a reply that answers one and promises the rest is a partial delivery,
    /// not a promise. Only when the promise is about something else too: a yes to an ask
    /// followed by the time it will be done (`可以，周五前给你`) is the promise itself.
    fn answers_yes_no(&self, items: &[ItemRef]) -> Vec<usize> {
        const ASKS: &[&str] = &[
            "whether",
            "confirm if",
            "let us know if",
            "是否",
            "能否",
            "可否",
            "要不要",
            "是不是",
        ];
        const VERDICT: &[&str] = &[
            "yes",
            "fine",
            "enough",
            "sufficient",
            "acceptable",
            "可以",
            "没问题",
            "不需要",
            "不用",
            "足够",
        ];
        let yes_no = |k: usize| {
            items
                .get(k - 1)
                .is_some_and(|it| cues::any(&cues::normalize(&it.what), ASKS))
        };
        if !(1..=items.len()).any(yes_no) {
            return Vec::new();
        }
        let asking: std::collections::BTreeSet<usize> = self
            .clauses
            .iter()
            .filter(|c| c.question)
            .map(|c| c.sentence)
            .collect();
        let named = |text: &str| match items::about(text, items, &[]) {
            Some((v, ItemsFound::Number | ItemsFound::What)) => v,
            _ => Vec::new(),
        };
        let mut answered: Vec<usize> = Vec::new();
        let mut promised: Vec<usize> = Vec::new();
        for c in &self.clauses {
            if asking.contains(&c.sentence) || c.conditional {
                continue;
            }
            if c.commits() || c.has(cues::PENDING) {
                promised.extend(named(&c.norm));
            } else if c.has(VERDICT) {
                answered.extend(named(&c.norm).into_iter().filter(|&k| yes_no(k)));
            }
        }
        answered.sort_unstable();
        answered.dedup();
        if promised.iter().all(|k| answered.contains(k)) && !promised.is_empty() {
            return Vec::new();
        }
        answered
    }
}

impl Prepared {
    /// The items the reply's act is about: those named in the sentences that carry the
    /// act (the late clause of a delay, the refusal of a dispute, the question, the ask of
    /// a nudge or an escalation), when those sentences name any; else those the whole text
    /// names (for a promise or a delivery, sentence by sentence: [`Prepared::by_sentence`]). A reply that delivers one item and says another will be late is a delay of
    /// that other item only.
    fn about(&self, items: &[ItemRef]) -> Option<(Vec<usize>, ItemsFound)> {
        let class = self.reading.class;
        // Delivering or committing, the answering side goes through the items one by one;
        // asking, reminding or confirming, a word of another item is more often context.
        let item_by_item = matches!(
            class,
            ReplyClass::Promise | ReplyClass::PartialDelivery | ReplyClass::Delivery
        );
        let whole = match items::about(&self.all, items, &self.writer_names) {
            Some((v, ItemsFound::What)) if item_by_item => {
                Some((self.by_sentence(items).unwrap_or(v), ItemsFound::What))
            }
            other => other,
        };
        let acting: std::collections::BTreeSet<usize> = self
            .clauses
            .iter()
            .filter(|c| carries(c, class))
            .map(|c| c.sentence)
            .collect();
        if acting.is_empty() {
            return whole;
        }
        let text: Vec<&str> = self
            .clauses
            .iter()
            .filter(|c| acting.contains(&c.sentence))
            .map(|c| c.norm.as_str())
            .collect();
        match items::about(&text.join("\n"), items, &[]) {
            Some((v, f @ (ItemsFound::Number | ItemsFound::What | ItemsFound::Owner))) => {
                Some((v, f))
            }
            _ => whole,
        }
    }
}

impl Prepared {
    /// The items named by their words sentence by sentence: a reply that speaks of several
    /// items gives each a sentence of its own, and a word shared with one item only is
    /// telling within its sentence although, over the whole text, other items share words
    /// too (`量测报告明天给您。重工的部分没问题…`).
    fn by_sentence(&self, items: &[ItemRef]) -> Option<Vec<usize>> {
        let mut out: std::collections::BTreeSet<usize> = Default::default();
        let last = self.clauses.last().map_or(0, |c| c.sentence);
        for s in 0..=last {
            let text: Vec<&str> = self
                .clauses
                .iter()
                .filter(|c| c.sentence == s)
                .map(|c| c.norm.as_str())
                .collect();
            if let Some((v, ItemsFound::What | ItemsFound::Number)) =
                items::about(&text.join("\n"), items, &[])
            {
                out.extend(v);
            }
        }
        (!out.is_empty()).then(|| out.into_iter().collect())
    }
}

/// A clause that carries the act of a reply of `class` (see [`Prepared::about`]); for the
/// classes whose act is the whole text (a promise, a delivery, a sync, a confirmation…),
/// none.
fn carries(c: &Clause, class: ReplyClass) -> bool {
    use ReplyClass as C;
    match class {
        C::Delay => !c.conditional && c.late(),
        C::Dispute => {
            c.has(cues::DISPUTE) || c.has(cues::SOFT_DISPUTE) || not_ours(&c.norm) || c.refuses()
        }
        // Asking (a question, a reminder, a call for help), the other sentences are the
        // context of the ask: what was received, what is at stake.
        C::Question => c.question,
        C::Nudge | C::Escalation => {
            c.question
                || c.asks_reader()
                || c.has(cues::REQUEST)
                || c.has(cues::NUDGE)
                || c.has(cues::ESCALATION)
        }
        _ => false,
    }
}

/// Saying a thing sent was received (not a bare `收到` acknowledging a message).
const RECEIVED: &[&str] = &[
    "收到了",
    "已收到",
    "都收到",
    "已经收到",
    "received",
    "got them",
    "got both",
    "got the ",
];

/// A yes to the reader's proposal or question followed by a request to go on, in the same
/// clause or as the clause before it in the sentence (`So yes, please run it on concrete`,
/// `好的，请按B方案排`, `OK，那就请…`).
fn approves(prev: Option<&str>, norm: &str) -> bool {
    const YES: &[&str] = &["yes", "ok", "okay", "好的", "可以", "行", "好"];
    const CONNECTIVE: &[&str] = &["", "so", "then", "那", "那就"];
    const ON: &[&str] = &["please ", "请", "麻烦", "那就请"];
    let bare = |s: &str| {
        s.trim()
            .trim_end_matches([',', '，', '.', '!', '！'])
            .trim()
            .to_string()
    };
    // `yes` alone, after at most a connective (`so yes`), and set off by a comma (not
    // `可以请您…`, `okay-ish`).
    // Only a connective and spaces may stand before the yes, so it is looked for right
    // after each connective rather than searched for in the whole clause.
    let yes_opens = |t: &str| -> Option<usize> {
        YES.iter().find_map(|y| {
            CONNECTIVE
                .iter()
                .filter_map(|c| {
                    let i = t.len() - t.strip_prefix(c)?.trim_start().len();
                    let after = t[i..].strip_prefix(y)?;
                    after
                        .starts_with([',', '，', '.', '!', '！'])
                        .then_some(i + y.len())
                })
                .min()
        })
    };
    let t = norm.trim_start();
    let goes_on = |s: &str| ON.iter().any(|p| s.trim_start().starts_with(p));
    if let Some(end) = yes_opens(t) {
        let after = t[end..].trim_start_matches([',', '，', '.', '!', '！', ' ']);
        if goes_on(after) {
            return true;
        }
    }
    prev.is_some_and(|p| {
        let p = bare(p);
        yes_opens(&format!("{p},")).is_some_and(|end| end == p.len())
    }) && goes_on(t)
}

/// `不是…的问题` / `不是…的范围` / `不在…范围内`: the writer says it is not theirs.
fn not_ours(norm: &str) -> bool {
    for (i, _) in norm.match_indices("不在") {
        let rest: String = norm[i + "不在".len()..].chars().take(14).collect();
        if rest.contains("范围") || rest.contains("职责") {
            return true;
        }
    }
    for (i, _) in norm.match_indices("不是") {
        let rest: String = norm[i + "不是".len()..].chars().take(14).collect();
        for end in ["的问题", "范围", "职责", "的责任", "的事"] {
            if let Some(k) = rest.find(end)
                && k > 0
            {
                return true;
            }
        }
    }
    false
}

fn decide(
    cls: &[Clause],
    all: &str,
    text: &str,
    m: &Message,
    writer: Writer,
    files: usize,
) -> (ReplyClass, Option<String>, bool) {
    let (c, cue) = match decide_rules(cls, all, text, m, writer) {
        Ok(x) => return (x.0, x.1, false),
        Err(()) => asked(cls, all, files),
    };
    (c, cue, true)
}

/// Opening with `Confirming …` / `To confirm …` / `跟贵部确认过了，…` (within the first
/// clauses): restating what was agreed or settled.
fn confirms_opening(cls: &[Clause]) -> Option<&'static str> {
    cls.iter()
        .take(3)
        // `确认一下` is also a question cue; only a question mark makes it one here.
        .filter(|c| !c.norm.contains(['?', '？']))
        .find_map(|c| cues::confirms_opening(&c.norm))
}

/// The rules for everything but the answering side's classes: `Ok` when they decide (an
/// auto-reply, the requester's own kinds, our progress report), `Err` when the answering
/// side's classes are to be weighed ([`asked`]).
#[allow(clippy::result_unit_err)]
fn decide_rules(
    cls: &[Clause],
    all: &str,
    text: &str,
    m: &Message,
    writer: Writer,
) -> Result<(ReplyClass, Option<String>), ()> {
    use ReplyClass as C;
    let found = |words: cues::Words| cls.iter().find_map(|c| cues::first(&c.norm, words));
    // A report, not a question about progress (`目前进度如何？` is a nudge).
    // … and not a request to report (`麻烦同步一下进展` is a nudge).
    let sync = || {
        cls.iter()
            .filter(|c| !c.question && !c.has(cues::REQUEST))
            .find_map(|c| {
                cues::first(&c.norm, cues::SYNC)
                    .or_else(|| cues::report_follows(&c.norm).then_some("…如下"))
            })
    };
    let cue = |w: Option<&str>| w.map(str::to_string);
    // Out of office: a header, or the text says so.
    if m.auto_reply.is_some() {
        return Ok((C::AutoReply, m.auto_reply.clone()));
    }
    let short = text.chars().count() <= 600;
    if let Some(w) = found(cues::AUTO_STRONG).filter(|_| short) {
        return Ok((C::AutoReply, cue(Some(w))));
    }
    let away = found(cues::AUTO_AWAY);
    let slow = found(cues::AUTO_SLOW);
    let redirect = found(cues::AUTO_REDIRECT);
    let dated = cls.iter().filter(|c| c.any_time).count() >= 1;
    if short && away.is_some() && (slow.is_some() || redirect.is_some() && dated)
        || short && slow.is_some() && redirect.is_some()
    {
        return Ok((C::AutoReply, cue(away.or(slow))));
    }
    let question = cls.iter().any(|c| c.question);
    if writer.requester {
        if let Some(w) = found(cues::ESCALATION) {
            return Ok((C::Escalation, cue(Some(w))));
        }
        if cls.iter().any(|c| cues::brings_in(&c.norm)) {
            return Ok((C::Escalation, Some("(brings someone in)".into())));
        }
        // Written to an executive (`胡总，`, `郑总：` as the greeting) and asking them to
        // act: the requester brings in a superior.
        let to_executive = cls.first().is_some_and(|c| {
            let g = c
                .norm
                .trim()
                .trim_end_matches(['，', '：', ',', ':', '\n'])
                .trim();
            g.chars().count() <= 4 && g.ends_with('总')
        });
        if to_executive
            && (found(cues::REQUEST).is_some()
                || cues::any(all, &["需要您", "麻烦您", "请您", "能否请您"]))
            && sync().is_none()
        {
            return Ok((C::Escalation, Some("(to an executive)".into())));
        }
        // Copying someone in and asking them to step in.
        if (cues::any(all, &["抄送", "cc ", "copying", "copied", "adding"]))
            && let Some(w) = found(cues::STEP_IN)
        {
            return Ok((C::Escalation, cue(Some(w))));
        }
        // Asking the reader to step in (decide, coordinate, push, support): the requester
        // turns to someone who can unblock it, whoever is copied.
        if let Some(w) = cls.iter().find_map(Clause::asks_step_in) {
            return Ok((C::Escalation, cue(Some(w))));
        }
        // Opening with `Confirming …` / `To confirm …` / `跟贵部确认一下：`: restating what
        // was agreed, even when it reads like a status (`Confirming where we are: …`).
        if let Some(w) = confirms_opening(cls) {
            return Ok((C::Confirmation, cue(Some(w))));
        }
        if let Some(w) = sync() {
            return Ok((C::Sync, cue(Some(w))));
        }
        if let Some(w) = cls
            .iter()
            .filter(|c| !c.conditional && !c.question)
            .find_map(|c| cues::own_confirmation(&c.norm))
        {
            return Ok((C::Confirmation, cue(Some(w))));
        }
        // `跟您确认一下今天谈定的几点：…`: confirming what was agreed, as statements (no
        // question mark anywhere): a confirmation, although `确认一下` can also ask.
        if !text.contains(['?', '？'])
            && let Some(w) = cues::first(
                all,
                &[
                    "确认一下处理",
                    "跟你确认",
                    "跟您确认",
                    "确认一下今天",
                    "确认一下周",
                ],
            )
        {
            return Ok((C::Confirmation, cue(Some(w))));
        }
        if let Some(w) = found(cues::NUDGE) {
            return Ok((C::Nudge, cue(Some(w))));
        }
        // We may own an item of our own request too, and promise it: the writer is the
        // one who acts (`第三項我這邊會在…完成`), not the reader (`下班前给我一个版本`,
        // `我需要你在周四之前给个方向`) nor a third party (`放射科16日先完成`).
        // Answering a proposal or a question of theirs with a yes and a go-ahead (`So yes,
        // please run the FA on concrete`, `好的，请按B方案做`): approving, not reminding.
        if let Some(c) = cls.iter().enumerate().find_map(|(k, c)| {
            let prev = k
                .checked_sub(1)
                .map(|j| &cls[j])
                .filter(|p| p.sentence == c.sentence)
                .map(|p| p.norm.as_str());
            (!c.conditional && !c.question && approves(prev, &c.norm)).then_some(c)
        }) {
            return Ok((C::Confirmation, cue(cues::first(&c.norm, cues::REQUEST))));
        }
        // Saying what was received (`报价收到了`, `received both files`) and then what we
        // do next: the next step follows an accepted delivery, a confirmation, not a
        // promise of our own.
        let received = cls
            .iter()
            .any(|c| !c.question && !c.conditional && cues::any(&c.norm, RECEIVED));
        if writer.ours
            && !received
            && let Some(c) = cls.iter().find(|c| {
                !c.conditional
                    && !c.question
                    && c.dated
                    && c.commits()
                    && cues::writer_acts(&c.norm)
            })
        {
            return Ok((C::Promise, cue(cues::first(&c.norm, cues::COMMIT))));
        }
        if !writer.ours {
            return Ok((C::Acknowledgement, None));
        }
        // Our own word without a cue: asking for something is a nudge; several progress
        // statements are a sync; otherwise it answers a delivery (收到，辛苦了), which
        // confirms it.
        let asks = question || found(cues::REQUEST).is_some();
        let progress = cls
            .iter()
            .filter(|c| !c.question && c.has(cues::PROGRESS))
            .count();
        return Ok(match () {
            _ if asks => (C::Nudge, None),
            _ if progress >= 2 => (C::Sync, Some("(progress report)".into())),
            _ => (C::Confirmation, None),
        });
    }
    if writer.ours
        && let Some(w) = sync()
    {
        return Ok((C::Sync, cue(Some(w))));
    }
    // Our side answering the partner's question with what it settled (`跟领导确认过了，…`,
    // `To confirm what was agreed on the call: …`): the same restatement of a decision the
    // requester makes above, so a confirmation whichever side opened the thread; asking
    // anything, it is still weighing (`跟财务确认一下，运费谁承担？`).
    if writer.ours
        && !question
        && let Some(w) = confirms_opening(cls)
    {
        return Ok((C::Confirmation, cue(Some(w))));
    }
    Err(())
}

/// The rule findings the answering side's classes rest on, by name (features of the
/// model, and the classes the rules see evidence for: [`candidates`]).
fn flags(cls: &[Clause], all: &str, files: usize) -> Vec<&'static str> {
    let found = |words: cues::Words| cls.iter().any(|c| cues::first(&c.norm, words).is_some());
    let stated = |words: cues::Words| {
        cls.iter()
            .filter(|c| !c.conditional)
            .any(|c| cues::first(&c.norm, words).is_some())
    };
    let new_time = cls
        .iter()
        .any(|c| !c.conditional && !c.times.is_empty() && (c.commits() || c.has(cues::DELAY_TO)));
    let mut out = Vec::new();
    let mut put = |cond: bool, name: &'static str| {
        if cond {
            out.push(name);
        }
    };
    put(stated(cues::DISPUTE), "dispute");
    put(cls.iter().any(|c| not_ours(&c.norm)), "not-ours");
    put(
        cls.iter()
            .any(|c| !c.question && !c.conditional && !c.any_time && c.refuses()),
        "refuse",
    );
    put(cls.iter().any(|c| !c.conditional && c.late()), "late");
    put(new_time, "new-time");
    put(stated(cues::SOFT_DISPUTE), "soft-dispute");
    put(handed_over(cls, files).is_some(), "handed-over");
    put(
        cls.iter()
            .any(|c| cues::first_done(&c.norm, cues::HANDOVER).is_some()),
        "handover",
    );
    put(files > 0, "files");
    put(found(cues::COMPLETE), "complete");
    put(found(cues::PENDING), "pending");
    put(
        cls.iter().any(|c| {
            !c.conditional && !c.question && !c.times.is_empty() && c.commits() && !c.done()
        }),
        "later",
    );
    put(
        cls.iter()
            .any(|c| !c.conditional && !c.question && !c.times.is_empty() && c.commits()),
        "commit-time",
    );
    put(
        cls.iter().any(|c| !c.conditional && c.dated && c.commits()),
        "commit-dated",
    );
    put(
        cls.iter()
            .any(|c| !c.conditional && !c.times.is_empty() && c.has(cues::AGREE)),
        "agree-time",
    );
    put(cls.iter().any(|c| c.question), "question");
    put(
        cls.iter().any(|c| c.question && (c.any_time || c.late())),
        "asks-time",
    );
    put(cls.iter().any(|c| c.any_time), "time");
    put(
        cues::any(all, &["想确认", "quick question", "two questions"]),
        "question-words",
    );
    put(cls.iter().any(|c| c.conditional), "condition");
    out
}

/// The answering side's classes the rules see some evidence for (always including an
/// acknowledgement, which needs none).
pub(crate) fn candidates(flags: &[&str]) -> Vec<ReplyClass> {
    use ReplyClass as C;
    let has = |f: &str| flags.contains(&f);
    let mut out = vec![C::Acknowledgement];
    if has("dispute") || has("not-ours") || has("refuse") || has("soft-dispute") {
        out.push(C::Dispute);
    }
    if has("late") || has("soft-dispute") && has("new-time") {
        out.push(C::Delay);
    }
    if has("handed-over") || has("handover") {
        out.push(C::Delivery);
        if has("late") || has("pending") || has("later") {
            out.push(C::PartialDelivery);
        }
    }
    if has("commit-time") || has("commit-dated") || has("agree-time") {
        out.push(C::Promise);
    }
    if has("question") || has("question-words") {
        out.push(C::Question);
    }
    out
}

/// What the combination of rules and model is given about one reply of the answering side.
#[derive(Debug, Clone)]
pub struct ModelInput {
    /// The class the rules give.
    pub rules: ReplyClass,
    /// The rules found no cue and fell back to an acknowledgement.
    pub defaulted: bool,
    /// The rule findings ([`flags`]).
    pub flags: Vec<&'static str>,
    /// The model's features ([`model::features`]).
    pub features: Vec<String>,
}

/// How rules and model are combined for the answering side's classes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Strategy {
    /// The rules alone.
    Rules,
    /// The model alone.
    Model,
    /// The rules; the model where they found no cue at all (their acknowledgement by
    /// default).
    Default,
    /// The model, choosing only among the classes the rules see evidence for.
    Candidates,
    /// The rules, unless the model gives another class at least this probability.
    Confident(f64),
}

/// The strategy [`read`] uses (chosen by the generator's measurements; see
/// docs/accuracy.md).
pub const STRATEGY: Strategy = Strategy::Rules;

/// The class for `input` by `strategy`, with `model`.
pub fn combine(strategy: Strategy, input: &ModelInput, model: &model::Model) -> ReplyClass {
    match strategy {
        Strategy::Rules => input.rules,
        Strategy::Model => model.predict(&input.features).0,
        Strategy::Default => {
            if input.defaulted {
                model.predict(&input.features).0
            } else {
                input.rules
            }
        }
        Strategy::Candidates => {
            let p = model.probabilities(&input.features);
            let allowed = candidates(&input.flags);
            let mut best = input.rules;
            let mut best_p = -1.0;
            for (k, c) in model::CLASSES.iter().enumerate() {
                if (allowed.contains(c) || *c == input.rules) && p[k] > best_p {
                    best = *c;
                    best_p = p[k];
                }
            }
            best
        }
        Strategy::Confident(t) => {
            let (c, p) = model.predict(&input.features);
            if c != input.rules && p >= t {
                c
            } else {
                input.rules
            }
        }
    }
}

/// What [`read`] gives the model for `m`, or `None` when the rules decide alone (an
/// auto-reply, the requester's side, our progress report). For the generator
/// (`examples/train_reply_model.rs`), which trains and measures on exactly this.
pub fn model_input(m: &Message, opts: &ParseOptions, writer: Writer) -> Option<ModelInput> {
    let stripped = crate::strip_quoted(&m.body);
    let new_text = text::own_text(&stripped.text, m.from_name.as_deref(), opts);
    let ctx = liaison_time::Context {
        now: m.date.unwrap_or(opts.time.now),
        ..opts.time.clone()
    };
    let files = m
        .attachments
        .iter()
        .filter(|a| !a.inline && !is_logo(&a.name, &a.content_type))
        .count();
    let cls = clauses(&unwrap(&new_text), &ctx);
    let all = cues::normalize(&new_text);
    let (rules, cue, asked) = decide(&cls, &all, &new_text, m, writer, files);
    if !asked {
        return None;
    }
    let flags = flags(&cls, &all, files);
    Some(ModelInput {
        rules,
        defaulted: cue.is_none() && rules == ReplyClass::Acknowledgement,
        features: model::features(&new_text, &flags),
        flags,
    })
}

/// The answering side's classes by rules: the first that applies of dispute, delay,
/// partial delivery, delivery, promise, question, acknowledgement (see the module
/// documentation).
fn asked(cls: &[Clause], all: &str, files: usize) -> (ReplyClass, Option<String>) {
    use ReplyClass as C;
    let found = |words: cues::Words| cls.iter().find_map(|c| cues::first(&c.norm, words));
    let stated = |words: cues::Words| {
        cls.iter()
            .filter(|c| !c.conditional)
            .find_map(|c| cues::first(&c.norm, words))
    };
    let cue = |w: Option<&str>| w.map(str::to_string);
    let question = cls.iter().any(|c| c.question);
    // Turning down the time asked for (`12月3日这个时间我们做不到`, `The Dec 3 deadline
    // isn't realistic`, `週四恐怕不行`) and naming a later one the writer commits to: a
    // delay, however the refusal is worded. The refusal must be about a time (a time in
    // its clause, or the word for one); a refusal of the scope or the standard with a
    // time elsewhere stays a dispute.
    if let Some(w) = refused_time(cls) {
        return (C::Delay, cue(Some(w)));
    }
    // Outside conditions (`如有误请告知` disputes nothing).
    if let Some(w) = stated(cues::DISPUTE) {
        return (C::Dispute, cue(Some(w)));
    }
    if cls.iter().any(|c| not_ours(&c.norm)) {
        return (C::Dispute, Some("不是…".into()));
    }
    // `我们无法提供…` with no time and no new date: a refusal.
    if let Some(c) = cls
        .iter()
        .find(|c| !c.question && !c.conditional && !c.any_time && c.refuses())
        && !cls
            .iter()
            .any(|c| c.late() || (c.commits() && !c.times.is_empty()))
    {
        return (
            C::Dispute,
            cue(cues::first(&c.norm, cues::REFUSE).or(cues::unable(&c.norm))),
        );
    }
    // A delay: not meeting the time, outside a condition.
    let delay: Vec<&Clause> = cls.iter().filter(|c| !c.conditional && c.late()).collect();
    if let Some(first) = delay.first() {
        let new_time = cls.iter().any(|c| {
            !c.conditional && !c.times.is_empty() && (c.commits() || c.has(cues::DELAY_TO))
        });
        let asks_time = cls.iter().any(|c| c.question && (c.any_time || c.late()));
        // Saying it cannot, with no time anywhere in the reply (no old date missed, no
        // new one): a polite decline, not a delay.
        if !new_time
            && !asks_time
            && delay.iter().all(|c| c.late_by_inability_only())
            && !cls.iter().any(|c| c.any_time && !c.conditional)
        {
            return (C::Dispute, cue(cues::unable(&first.norm)));
        }
        if !(question && !new_time && !asks_time) {
            // Something handed over now and the rest late: a partial delivery.
            if let Some(d) = cls
                .iter()
                .find_map(|c| cues::first_done(&c.norm, cues::HANDOVER))
                .or_else(|| {
                    // A thing moved somewhere (`已经传到共享盘`), not progress (`已完成70%`).
                    cls.iter()
                        .any(|c| c.short && cues::perfective_transfer(&c.norm))
                        .then_some("(moved)")
                })
                .or((files > 0).then_some("(attachment)"))
            {
                return (C::PartialDelivery, cue(Some(d)));
            }
            return (C::Delay, cue(cues::first(&first.norm, cues::DELAY)));
        }
    }
    // Finding it hard or having concerns, with no new time: a softer dispute.
    if let Some(w) = stated(cues::SOFT_DISPUTE) {
        let new_time = cls.iter().any(|c| {
            !c.conditional && !c.times.is_empty() && (c.commits() || c.has(cues::DELAY_TO))
        });
        return (if new_time { C::Delay } else { C::Dispute }, cue(Some(w)));
    }
    if let Some(d) = handed_over(cls, files) {
        let complete = found(cues::COMPLETE).is_some();
        let pending = cls
            .iter()
            .filter(|c| !rest_done(c))
            .find_map(|c| cues::first(&c.norm, cues::PENDING).filter(|w| !conditioned(c, w)));
        let later = cls.iter().any(|c| {
            !c.conditional
                && !c.question
                && !c.times.is_empty()
                && c.commits()
                && !c.done()
                && !arrival_forecast(c)
        });
        // Besides what was handed over, something still to be sent, whether or not a time
        // is read with it (`The permit list I will send with each booking`).
        let sends_later = cls.iter().any(|c| {
            !c.conditional && !c.question && !c.done() && c.has(&["will send", "will be sent"])
        });
        if !complete && (pending.is_some() || later || sends_later) {
            return (C::PartialDelivery, cue(pending.or(Some(d))));
        }
        return (C::Delivery, cue(Some(d)));
    }
    if let Some(c) = cls
        .iter()
        .find(|c| !c.conditional && !c.question && !c.times.is_empty() && c.commits())
    {
        // Values given in the text before the promise (`型号是HX-200，单价380元；交期…`,
        // `數據如下：…`): part answered now, the rest promised.
        let k = cls.iter().position(|o| std::ptr::eq(o, c)).unwrap_or(0);
        if cls[..k].iter().any(gives_values) {
            return (C::PartialDelivery, Some("(values given)".into()));
        }
        return (C::Promise, cue(cues::first(&c.norm, cues::COMMIT)));
    }
    if question || cues::any(all, &["想确认", "quick question", "two questions"]) {
        return (C::Question, None);
    }
    if let Some(c) = cls
        .iter()
        .find(|c| !c.conditional && c.dated && c.commits())
    {
        // A commitment with a time that is not a date (`每批到港后3个工作日内`).
        return (C::Promise, cue(cues::first(&c.norm, cues::COMMIT)));
    }
    // Agreeing to the time asked for, and asking nothing (`周五前寄到没问题`).
    if let Some(c) = cls
        .iter()
        .find(|c| !c.conditional && !c.times.is_empty() && c.has(cues::AGREE))
    {
        return (C::Promise, cue(cues::first(&c.norm, cues::AGREE)));
    }
    // Taking a task on with no time (`这项我来跟`, `决算表我们科来审`, `EDI mapping is
    // mine`, `I will arrange it`): a promise without a time.
    if let Some(c) = cls
        .iter()
        .find(|c| !c.conditional && !c.question && c.takes_on())
    {
        return (
            C::Promise,
            cue(cues::first(&c.norm, cues::COMMIT)).or(Some("(takes it on)".into())),
        );
    }
    // Setting a fact against the one given (`是到港后付款，不是发货前`, `42 returns, not 75`).
    if cls.iter().enumerate().any(|(k, c)| {
        let prev = k
            .checked_sub(1)
            .map(|j| &cls[j])
            .filter(|p| p.sentence == c.sentence)
            .map(|p| p.norm.as_str());
        c.short && !c.conditional && !c.question && cues::corrects(&c.norm, prev)
    }) {
        return (C::Dispute, Some("(correction)".into()));
    }
    // The answer asked for, written in the mail itself (`型号是HX-200，单价380元`, `经核实…`):
    // a delivery with nothing attached.
    if cls.iter().any(gives_values) {
        return (C::Delivery, Some("(values given)".into()));
    }
    (C::Acknowledgement, None)
}

/// Whether `w` stands after a condition word of its clause: what a condition introduces
/// (`if the other party is acquired`, `如有剩余问题`) is supposed, not left to do; a
/// condition after it (`will follow next week once …`) only times it.
fn conditioned(c: &Clause, w: &str) -> bool {
    let Some(at) = c.norm.find(w) else {
        return false;
    };
    c.conditional && cues::CONDITION.iter().any(|k| c.norm[..at].contains(k))
}

/// When a thing already sent is expected to arrive (`预计明天下午到`, `expected to arrive
/// Friday`, `ETA Dec 16`): the carrier's forecast after a handover, not work still to do.
fn arrival_forecast(c: &Clause) -> bool {
    let estimate = c.has(&[
        "预计",
        "预估",
        "估计",
        "expected to",
        "should arrive",
        "eta ",
    ]);
    let arrives = c.has(&["到", "送达", "arrive", "eta "]);
    estimate && arrives && !c.has(cues::PENDING) && !cues::first_person(&c.norm)
}

/// A clause that names the remainder (`其余`, `剩下的`, `the rest`) as done in the
/// perfective (`其余几家我都确认了`, `剩下的已经发了`): the remainder is no longer pending.
fn rest_done(c: &Clause) -> bool {
    const REST: &[&str] = &[
        "其余",
        "剩下",
        "剩余",
        "余下",
        "the rest",
        "the other",
        "另一项",
    ];
    let Some(w) = cues::first(&c.norm, cues::PENDING) else {
        return false;
    };
    if !REST.contains(&w) || c.question || c.conditional || !c.times.is_empty() {
        return false;
    }
    let negated = cues::any(&c.norm, &["没", "未", "不", "not", "yet"]);
    let perfective = c.done()
        || c.norm.contains('已')
        || c.norm
            .trim_end_matches(['。', '.', '，', ',', '！', '!'])
            .ends_with('了')
        || cues::any(
            &c.norm,
            &[" are done", " is done", " have been ", " has been "],
        );
    perfective && !negated
}

/// A clause that gives values asked for in the text itself: a statement (no question,
/// condition, time or commitment) that introduces data (`如下`, `as follows`) or states a
/// figure or code (`单价380元`, `型号是HX-200`).
fn gives_values(c: &Clause) -> bool {
    if !c.short || c.question || c.conditional || c.any_time || c.commits() || c.late() {
        return false;
    }
    let t = c.norm.trim();
    let digits = t.chars().filter(|ch| ch.is_ascii_digit()).count();
    c.has(&["如下", "as follows", "as below"])
        || digits >= 2 && (t.contains('是') || t.contains(" is ") || t.contains(" are "))
        || digits >= 2 && t.chars().any(|ch| "元件台个套箱%".contains(ch))
        || reports_finding(t)
}

/// A clause that reports a finding or a verdict as settled (`the assessment shows that
/// …`, `经核实…`, `结论是…`, `判定为…`): an answer given in the mail itself.
fn reports_finding(t: &str) -> bool {
    cues::any(
        t,
        &[
            "shows that",
            "show that",
            "showed that",
            "confirmed that",
            "confirms that",
            "we found that",
            "is not valid",
            "remains valid",
            "remain valid",
            "经核实",
            "经核查",
            "结论是",
            "判定为",
            "查明",
        ],
    )
}

/// A clause that turns down a time (see [`asked`]) followed by a later time the writer
/// commits to or names as the new one; the refusal's cue.
fn refused_time(cls: &[Clause]) -> Option<&'static str> {
    const TIME_WORDS: &[&str] = &[
        "时间", "日期", "期限", "截止", "交期", "date", "deadline", "timeline", "timing",
    ];
    let (k, c) = cls.iter().enumerate().find(|(_, c)| {
        !c.conditional
            && !c.question
            && (c.any_time || c.has(TIME_WORDS))
            && (c.has(cues::DISPUTE)
                || c.has(cues::SOFT_DISPUTE)
                || c.refuses()
                || c.any_time && c.has(cues::NO_GO))
    })?;
    let old = c.times.iter().min().copied();
    let later = cls[k + 1..].iter().any(|o| {
        !o.conditional
            && !o.question
            && !o.refuses()
            && !o.has(cues::DISPUTE)
            && (o.commits() || o.has(cues::DELAY_TO) || o.has(cues::AGREE))
            && o.times.iter().any(|t| old.is_none_or(|old| *t > old))
    });
    if !later {
        return None;
    }
    cues::first(&c.norm, cues::DISPUTE)
        .or(cues::first(&c.norm, cues::SOFT_DISPUTE))
        .or(cues::first(&c.norm, cues::REFUSE))
        .or(cues::first(&c.norm, cues::NO_GO))
        .or(cues::unable(&c.norm))
        .or(Some("(declined)"))
}

/// The items a partial delivery names as handed over: those named in a clause that hands
/// something over, else in the rest of its sentence outside the clauses that promise or
/// leave something pending.
fn delivered_items(cls: &[Clause], items: &[ItemRef]) -> Vec<usize> {
    let named = |text: &str| match items::about(text, items, &[]) {
        Some((v, ItemsFound::Number | ItemsFound::What)) => v,
        _ => Vec::new(),
    };
    let mut out: Vec<usize> = Vec::new();
    for c in cls.iter().filter(|c| c.done()) {
        let mut v = named(&c.norm);
        if v.is_empty() {
            let rest: Vec<&str> = cls
                .iter()
                .filter(|o| o.sentence == c.sentence)
                .filter(|o| o.done() || !(o.has(cues::PENDING) || o.commits() || o.late()))
                .map(|o| o.norm.as_str())
                .collect();
            v = named(&rest.join("\n"));
        }
        out.extend(v);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What shows that something is handed over now: a cue, an attached file, or a link
/// given as a statement.
fn handed_over(cls: &[Clause], files: usize) -> Option<&'static str> {
    cls.iter()
        .find_map(|c| cues::first_done(&c.norm, cues::DONE))
        .or_else(|| {
            cls.iter()
                .any(|c| c.short && !c.conditional && !c.question && cues::done_shape(&c.norm))
                .then_some("(done)")
        })
        .or((files > 0).then_some("(attachment)"))
        .or_else(|| cls.iter().any(gives_link).then_some("(link)"))
}

/// A clause that gives a link or a share path (`https://…`, `\\fs01\…`) as a statement:
/// the link is the thing handed over, whatever verb (or none) goes with it. Not when the
/// clause asks, sets a condition, commits or names a time to come (`我周五前放到 https://…`).
fn gives_link(c: &Clause) -> bool {
    let link = c.norm.split_whitespace().any(|w| {
        let w = w.trim_start_matches(['：', ':', '（', '(', '“', '"']);
        w.contains("://") || w.starts_with("www.") || w.starts_with("\\\\")
    });
    link && c.short && !c.question && !c.conditional && !c.commits() && c.times.is_empty()
}

/// The time promised, by class (see the module documentation).
fn promised_time(cls: &[Clause], class: ReplyClass) -> Option<DateTime<FixedOffset>> {
    let firm = |c: &Clause| !c.conditional && !c.question;
    let times = |pick: &dyn Fn(&Clause) -> bool| -> Vec<DateTime<FixedOffset>> {
        cls.iter()
            .filter(|c| pick(c))
            .flat_map(|c| c.times.clone())
            .collect()
    };
    let found = match class {
        ReplyClass::Delay => {
            // The new time: where the writer commits or names it (`延到…`, `最快…`), else
            // where it asks for it (`能不能顺延到16日？`); the time a delay clause names by
            // itself is the old deadline.
            // A time promised before the writer says anything is late (`A没问题，明天给；
            // B恐怕要晚`) belongs to another item, not the new time.
            let from = cls
                .iter()
                .find(|c| !c.conditional && c.late())
                .map_or(0, |c| c.sentence);
            // A time said to come only then (`周五才能到`, `can only confirm on Monday`) is
            // the new time too.
            let mut t = times(&|c| {
                c.sentence >= from
                    && firm(c)
                    && (c.commits() && !c.late() || c.has(cues::DELAY_TO) || c.time_late)
            });
            if t.is_empty() {
                t = times(&|c| c.question && (c.late() || c.has(cues::DELAY_TO)));
            }
            if t.is_empty() {
                t = times(&|c| {
                    c.sentence >= from
                        && !c.question
                        && (c.commits() && !c.late() || c.has(cues::DELAY_TO))
                });
            }
            t
        }
        ReplyClass::PartialDelivery => times(&|c| {
            firm(c) && (c.commits() || c.has(cues::PENDING) || c.has(cues::DELAY_TO)) && !c.done()
        }),
        // A clause that goes on from a commitment in the same sentence with only a thing
        // and a time (`事故报告会在10日前交你，根治方案12月15日前`, `We will send (i) by
        // 4 December, and (ii) by 9 December`) is promised too.
        _ => cls
            .iter()
            .enumerate()
            .filter(|(k, c)| {
                firm(c)
                    && (c.commits()
                        || k.checked_sub(1).map(|j| &cls[j]).is_some_and(|p| {
                            p.sentence == c.sentence
                                && firm(p)
                                && p.commits()
                                && !c.late()
                                && !c.done()
                                && !c.asks_reader()
                                // Its own negation or reason is a clause of its own
                                // (`不会拖到明天`, `since she leaves on the 18th`).
                                // nor one of the reader's (`方便你周一上午先看`).
                                && ![
                                    "不", "没", "not ", "n't", "since", "because", "因为",
                                    "由于", "你", "您", "you",
                                ]
                                    .iter()
                                    .any(|w| c.norm.contains(w))
                        }))
            })
            .flat_map(|(_, c)| c.times.clone())
            .collect(),
    };
    let max = latest(found)?;
    if !end_of_day(&max) {
        return Some(max);
    }
    // The same day stated with an hour elsewhere in the reply is the same promise, said
    // more precisely (`要到12月16日` … `顺延到12月16日18:00前？`).
    let same_day: Vec<DateTime<FixedOffset>> = times(&|c| !c.conditional)
        .into_iter()
        .filter(|t| t.date_naive() == max.date_naive())
        .chain([max])
        .collect();
    latest(same_day)
}

fn end_of_day(t: &DateTime<FixedOffset>) -> bool {
    use chrono::Timelike;
    t.hour() == 23 && t.minute() == 59 && t.second() == 59
}

/// The latest of `times`; of several on that day, a stated hour wins over the day's end
/// (`12月16日` and `12月16日18:00前` in one reply promise 18:00).
fn latest(times: Vec<DateTime<FixedOffset>>) -> Option<DateTime<FixedOffset>> {
    let max = times.iter().max().copied()?;
    if !end_of_day(&max) {
        return Some(max);
    }
    times
        .iter()
        .filter(|t| t.date_naive() == max.date_naive() && !end_of_day(t))
        .max()
        .copied()
        .or(Some(max))
}

#[cfg(test)]
mod tests;
