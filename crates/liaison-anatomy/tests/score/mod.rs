//! The corpus scorer (issue 10): reads every message of `tests/corpus/{tune,heldout}`, asks
//! liaison what it understood, and compares with the expected reading written by hand in
//! the `.json` beside it. Shared by `examples/corpus_score.rs` (the table) and
//! `tests/corpus.rs` (no panic, and the floors).
//!
//! Texts are compared after collapsing whitespace and dropping trailing punctuation. Lists
//! (background sentences, departments, attachments, contacts) are matched as multisets.
//! Items are aligned one of two ways ([`Align`]): by default the read items are matched to
//! the expected ones by an order-preserving maximum matching on the similarity of their
//! `what` (as information-extraction scoring does), and an item left unmatched counts every
//! field it has as a false positive (read) or a false negative (expected); `Align::Position`
//! pairs the n-th read item with the n-th expected one (the scorer's first alignment, so one
//! missing or extra item shifts every later one). Either way a matched pair's fields are
//! compared exactly as any other text: the alignment decides only which items are compared.
//! For a field, a prediction that equals the expectation is a true positive; a prediction
//! where none is expected, or a wrong one, a false positive; an expectation not met, a false
//! negative.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset};
use liaison_anatomy::reply::{self, ItemRef, Writer};
use liaison_anatomy::{Anatomy, ParseOptions};
use liaison_mail::Message;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The expected reading (the corpus `.json`; see the corpus README).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct Expected {
    pub client: String,
    pub lang: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub direction: String,
    pub us: Vec<String>,
    pub subject: Option<ExpSubject>,
    pub greeting: Option<String>,
    pub opening: Option<String>,
    pub background: Vec<String>,
    pub items: Vec<ExpItem>,
    pub attachments: Vec<String>,
    pub closing: Option<String>,
    pub signature: Option<ExpSignature>,
    pub quoted_first_line: Option<String>,
    pub new_text: Option<String>,
    pub reply: Option<ExpReply>,
    pub clean: bool,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct ExpSubject {
    pub kind: Option<String>,
    pub tag: Option<String>,
    pub project: Option<String>,
    pub departments: Vec<String>,
    pub urgency: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct ExpItem {
    pub what: Option<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub due_value: Option<String>,
    pub standard: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct ExpSignature {
    pub name: Option<String>,
    pub department: Option<String>,
    pub title: Option<String>,
    pub contact: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct ExpReply {
    pub class: Option<String>,
    pub promised: Option<String>,
    pub items: Option<Vec<usize>>,
}

/// What liaison read, in the expected reading's shape.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub subject_kind: Option<String>,
    pub subject_tag: Option<String>,
    pub subject_project: Option<String>,
    pub subject_departments: Vec<String>,
    pub subject_urgency: Option<String>,
    pub greeting: Option<String>,
    pub opening: Option<String>,
    pub background: Vec<String>,
    pub items: Vec<ExpItem>,
    pub attachments: Vec<String>,
    pub closing: Option<String>,
    pub signature_name: Option<String>,
    pub signature_department: Option<String>,
    pub signature_title: Option<String>,
    pub signature_contact: Vec<String>,
    pub quoted_first_line: Option<String>,
    pub new_text: Option<String>,
    pub reply_class: Option<String>,
    pub reply_promised: Option<String>,
    pub reply_items: Option<Vec<usize>>,
    /// What decided the class (for the debugging example).
    pub debug: String,
}

/// The time context the corpus is read with (its mails are dated Nov 23 – Dec 18, 2026;
/// each mail's own Date replaces `now`).
pub fn options() -> ParseOptions {
    let now = DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap();
    ParseOptions::new(liaison_time::Context::new(now))
}

fn opt(p: &Option<liaison_anatomy::Part>) -> Option<String> {
    p.as_ref().map(|p| p.text.clone())
}

/// A thread's original as the scorer knows it: its sender and its expected items.
#[derive(Debug, Clone)]
pub struct Original {
    pub from: Option<String>,
    pub items: Vec<ExpItem>,
}

/// Originals of the whole corpus by Message-ID (both parts: a reply's thread may begin in
/// the other part; only headers and the expected items of originals are used).
pub type Threads = BTreeMap<String, Original>;

/// The thread index of the corpus.
pub fn threads() -> Threads {
    let mut out = Threads::new();
    for part in ["tune", "heldout"] {
        for (_, raw, exp) in messages(part) {
            let m = Message::parse(&raw);
            if let Some(id) = m.message_id {
                out.insert(
                    id,
                    Original {
                        from: m.from,
                        items: exp.items,
                    },
                );
            }
        }
    }
    out
}

/// The first message of `m`'s thread that the corpus holds (References, oldest first,
/// then In-Reply-To).
fn thread_root<'t>(m: &Message, threads: &'t Threads) -> Option<&'t Original> {
    m.references
        .iter()
        .chain(&m.in_reply_to)
        .find_map(|id| threads.get(id))
}

/// The writer's side as the tracker knows it: `ours` when From is one of the message's
/// `us` addresses, `requester` when that side sent the thread's original (when the
/// original is not in the corpus, `requester = ours`).
pub fn writer(m: &Message, exp: &Expected, threads: &Threads) -> Writer {
    let is_us =
        |addr: Option<&str>| addr.is_some_and(|f| exp.us.iter().any(|u| u.eq_ignore_ascii_case(f)));
    let ours = is_us(m.from.as_deref());
    // The thread's original: its sender tells who asked.
    let requester = match thread_root(m, threads) {
        Some(t) => ours == is_us(t.from.as_deref()),
        None => ours,
    };
    Writer { ours, requester }
}

/// Asks liaison what it understood of one message.
pub fn read(raw: &[u8], exp: &Expected, opts: &ParseOptions, threads: &Threads) -> Reading {
    let m = Message::parse(raw);
    let a = Anatomy::from_message(&m, raw, opts);
    let mut r = Reading::default();
    if let Some(s) = &a.subject {
        r.subject_kind = s.kind.map(|k| k.id().to_string());
        r.subject_tag = opt(&s.tag);
        r.subject_project = opt(&s.project);
        r.subject_departments = s.departments.iter().map(|d| d.text.clone()).collect();
        r.subject_urgency = opt(&s.urgency);
    }
    r.greeting = a.greeting.as_ref().map(|g| g.text.clone());
    r.opening = a.opening.as_ref().map(|s| s.text.clone());
    // The corpus counts a problem description (issues, escalations) as background.
    for sec in a.background.iter().chain(&a.problem) {
        r.background
            .extend(liaison_model::text::sentences(&sec.text).map(|s| s.to_string()));
    }
    for it in &a.items {
        r.items.push(ExpItem {
            what: Some(it.what.text.clone()),
            owner: opt(&it.owner),
            due: opt(&it.due),
            due_value: it.due_time().and_then(|d| d.value).map(|v| v.to_rfc3339()),
            standard: it.standard_value(),
        });
    }
    r.attachments = m
        .attachments
        .iter()
        .filter(|f| !f.inline)
        .map(|f| f.name.clone())
        .collect();
    r.closing = a.closing.as_ref().map(|s| s.text.clone());
    if let Some(sig) = &a.signature {
        r.signature_name = opt(&sig.name);
        r.signature_department = opt(&sig.department);
        r.signature_title = opt(&sig.title);
        r.signature_contact = sig.contact.iter().map(|c| c.text.clone()).collect();
    }
    if matches!(exp.kind.as_str(), "reply" | "forward" | "auto-reply") {
        let root = thread_root(&m, threads);
        let Writer { ours, requester } = writer(&m, exp, threads);
        let items: Vec<ItemRef> = root
            .map(|t| {
                t.items
                    .iter()
                    .map(|i| ItemRef {
                        what: i.what.clone().unwrap_or_default(),
                        owner: i.owner.clone(),
                        due: i.due_value.as_deref().and_then(instant),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let reading = reply::read(&m, opts, Writer { ours, requester }, &items);
        r.quoted_first_line = reading.quoted.as_ref().and_then(|q| {
            m.body[q.clone()]
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.chars().all(|c| matches!(c, '-' | '_' | '=' | '*')))
                .map(|l| l.trim_start_matches('>').trim().to_string())
        });
        r.new_text = Some(reading.new_text.clone());
        if matches!(exp.kind.as_str(), "reply" | "auto-reply") {
            r.reply_class = Some(reading.class.id().to_string());
            r.reply_promised = reading.promised.map(|p| p.to_rfc3339());
            r.reply_items = reading.items.clone();
            r.debug = format!(
                "cue={:?} negations={:?} found={:?} files={} date={:?}\n{}",
                reading.cue,
                reading.negations,
                reading.items_found,
                reading.files,
                m.date,
                reading.new_text
            );
        }
    }
    r
}

/// A text as compared: whitespace collapsed, trailing punctuation dropped, ASCII lower case.
pub fn norm(s: &str) -> String {
    let collapsed: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?。，；：！？、…~～".contains(c))
        .trim()
        .to_ascii_lowercase()
}

fn same_instant(a: &str, b: &str) -> bool {
    match (
        DateTime::parse_from_rfc3339(a),
        DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(x), Ok(y)) => x == y,
        _ => norm(a) == norm(b),
    }
}

/// Counts for one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn support(&self) -> u32 {
        self.tp + self.fn_
    }
}

/// One miss, for the tuning part's listing.
#[derive(Debug, Clone)]
pub struct Miss {
    pub file: String,
    pub field: &'static str,
    pub expected: String,
    pub got: String,
}

/// How read items are paired with expected ones before their fields are compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Align {
    /// Order-preserving maximum matching on the `what` similarity ([`what_similarity`]);
    /// pairs below [`MIN_WHAT_SIMILARITY`] are not matched. Unmatched items count as false
    /// positives or false negatives, once per field they have.
    #[default]
    Best,
    /// The n-th read item with the n-th expected one (one missing or extra item shifts every
    /// later one, and counts each of their fields wrong twice).
    Position,
}

/// Below this `what` similarity two items are not the same item (see [`align_items`]).
pub const MIN_WHAT_SIMILARITY: f64 = 0.4;

/// Similarity of two `what` texts after [`norm`], in 0..=1: the longest common
/// subsequence of their characters, as `2·lcs / (len a + len b)` (Dice), raised to 0.5 when
/// nearly all of the shorter text (≥ 80 %, at least two characters) lies in order inside
/// the longer one, since a what read too long or cut short (`完成付款` for
/// `麻烦财务部在12月22日前完成付款`) is still the same item.
pub fn what_similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = norm(a).chars().filter(|c| !c.is_whitespace()).collect();
    let b: Vec<char> = norm(b).chars().filter(|c| !c.is_whitespace()).collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in &a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lcs = prev[b.len()] as f64;
    let dice = 2.0 * lcs / (a.len() + b.len()) as f64;
    let shorter = a.len().min(b.len());
    if shorter >= 2 && lcs >= 0.8 * shorter as f64 {
        dice.max(0.5)
    } else {
        dice
    }
}

/// Pairs of (expected index, read index) in order, each item once: matched pairs have both
/// sides, an unmatched item one. `Align::Best` maximises the summed `what` similarity of
/// the matched pairs over order-preserving matchings (dynamic programming, as in sequence
/// alignment with free gaps); `Align::Position` pairs by index.
pub fn align_items(
    exp: &[ExpItem],
    got: &[ExpItem],
    align: Align,
) -> Vec<(Option<usize>, Option<usize>)> {
    if align == Align::Position {
        return (0..exp.len().max(got.len()))
            .map(|i| ((i < exp.len()).then_some(i), (i < got.len()).then_some(i)))
            .collect();
    }
    let (n, m) = (exp.len(), got.len());
    let sim = |i: usize, j: usize| {
        what_similarity(
            exp[i].what.as_deref().unwrap_or(""),
            got[j].what.as_deref().unwrap_or(""),
        )
    };
    // best[i][j]: the best total over exp[i..] and got[j..].
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    let mut pair = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let s = sim(i, j);
            pair[i][j] = s;
            let take = if s >= MIN_WHAT_SIMILARITY {
                s + best[i + 1][j + 1]
            } else {
                f64::NEG_INFINITY
            };
            best[i][j] = take.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = pair[i][j];
        if s >= MIN_WHAT_SIMILARITY && (s + best[i + 1][j + 1] - best[i][j]).abs() < 1e-9 {
            out.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if (best[i + 1][j] - best[i][j]).abs() < 1e-9 {
            out.push((Some(i), None));
            i += 1;
        } else {
            out.push((None, Some(j)));
            j += 1;
        }
    }
    out.extend((i..n).map(|i| (Some(i), None)));
    out.extend((j..m).map(|j| (None, Some(j))));
    out
}

/// The score of one part of the corpus.
#[derive(Debug, Default)]
pub struct Score {
    /// How items are paired (set before [`Score::add`]).
    pub align: Align,
    pub messages: u32,
    pub fields: BTreeMap<&'static str, Tally>,
    /// (expected class, predicted class) → count, over replies.
    pub confusion: BTreeMap<(String, String), u32>,
    pub misses: Vec<Miss>,
    /// Clean originals that got a lint error, with the rules.
    pub clean_with_errors: Vec<(String, Vec<String>)>,
    pub clean: u32,
    /// Items compared in pairs, expected items left unpaired, read items left unpaired.
    pub items_paired: u32,
    pub items_missed: u32,
    pub items_extra: u32,
}

impl Score {
    fn scalar(
        &mut self,
        file: &str,
        field: &'static str,
        exp: Option<&str>,
        got: Option<&str>,
        eq: fn(&str, &str) -> bool,
    ) {
        let t = self.fields.entry(field).or_default();
        let exp = exp.filter(|s| !s.trim().is_empty());
        let got = got.filter(|s| !s.trim().is_empty());
        match (exp, got) {
            (Some(e), Some(g)) if eq(e, g) => t.tp += 1,
            (Some(e), Some(g)) => {
                t.fp += 1;
                t.fn_ += 1;
                self.misses.push(Miss {
                    file: file.into(),
                    field,
                    expected: e.into(),
                    got: g.into(),
                });
            }
            (Some(e), None) => {
                t.fn_ += 1;
                self.misses.push(Miss {
                    file: file.into(),
                    field,
                    expected: e.into(),
                    got: "(none)".into(),
                });
            }
            (None, Some(g)) => {
                t.fp += 1;
                self.misses.push(Miss {
                    file: file.into(),
                    field,
                    expected: "(none)".into(),
                    got: g.into(),
                });
            }
            (None, None) => {}
        }
    }

    fn list(&mut self, file: &str, field: &'static str, exp: &[String], got: &[String]) {
        let t = self.fields.entry(field).or_default();
        let mut left: Vec<String> = got
            .iter()
            .map(|s| norm(s))
            .filter(|s| !s.is_empty())
            .collect();
        let mut missed = Vec::new();
        for e in exp.iter().map(|s| norm(s)).filter(|s| !s.is_empty()) {
            match left.iter().position(|g| *g == e) {
                Some(i) => {
                    left.remove(i);
                    t.tp += 1;
                }
                None => {
                    t.fn_ += 1;
                    missed.push(e);
                }
            }
        }
        t.fp += left.len() as u32;
        if !missed.is_empty() || !left.is_empty() {
            self.misses.push(Miss {
                file: file.into(),
                field,
                expected: missed.join(" | "),
                got: left.join(" | "),
            });
        }
    }

    /// Adds one message.
    pub fn add(&mut self, file: &str, exp: &Expected, r: &Reading) {
        let text = |a: &str, b: &str| norm(a) == norm(b);
        self.messages += 1;
        let s = exp.subject.clone().unwrap_or_default();
        self.scalar(
            file,
            "subject.kind",
            s.kind.as_deref(),
            r.subject_kind.as_deref(),
            text,
        );
        self.scalar(
            file,
            "subject.tag",
            s.tag.as_deref(),
            r.subject_tag.as_deref(),
            text,
        );
        self.scalar(
            file,
            "subject.project",
            s.project.as_deref(),
            r.subject_project.as_deref(),
            text,
        );
        self.list(
            file,
            "subject.departments",
            &s.departments,
            &r.subject_departments,
        );
        self.scalar(
            file,
            "subject.urgency",
            s.urgency.as_deref(),
            r.subject_urgency.as_deref(),
            text,
        );
        self.scalar(
            file,
            "greeting",
            exp.greeting.as_deref(),
            r.greeting.as_deref(),
            text,
        );
        self.scalar(
            file,
            "opening",
            exp.opening.as_deref(),
            r.opening.as_deref(),
            text,
        );
        self.list(file, "background", &exp.background, &r.background);
        for (ei, gi) in align_items(&exp.items, &r.items, self.align) {
            match (ei, gi) {
                (Some(_), Some(_)) => self.items_paired += 1,
                (Some(_), None) => self.items_missed += 1,
                _ => self.items_extra += 1,
            }
            let e = ei.map(|i| exp.items[i].clone()).unwrap_or_default();
            let g = gi.map(|i| r.items[i].clone()).unwrap_or_default();
            let f = match (ei, gi) {
                (Some(i), _) => format!("{file}#item{}", i + 1),
                (None, Some(j)) => format!("{file}#read{}", j + 1),
                (None, None) => unreachable!("an aligned pair has at least one side"),
            };
            self.scalar(&f, "items.what", e.what.as_deref(), g.what.as_deref(), text);
            self.scalar(
                &f,
                "items.owner",
                e.owner.as_deref(),
                g.owner.as_deref(),
                text,
            );
            self.scalar(&f, "items.due", e.due.as_deref(), g.due.as_deref(), text);
            if e.due_value.is_some() || ei.is_none() {
                self.scalar(
                    &f,
                    "items.due_value",
                    e.due_value.as_deref(),
                    g.due_value.as_deref(),
                    same_instant,
                );
            }
            self.scalar(
                &f,
                "items.standard",
                e.standard.as_deref(),
                g.standard.as_deref(),
                text,
            );
        }
        self.list(file, "attachments", &exp.attachments, &r.attachments);
        self.scalar(
            file,
            "closing",
            exp.closing.as_deref(),
            r.closing.as_deref(),
            text,
        );
        let sig = exp.signature.clone().unwrap_or_default();
        self.scalar(
            file,
            "signature.name",
            sig.name.as_deref(),
            r.signature_name.as_deref(),
            text,
        );
        self.scalar(
            file,
            "signature.department",
            sig.department.as_deref(),
            r.signature_department.as_deref(),
            text,
        );
        self.scalar(
            file,
            "signature.title",
            sig.title.as_deref(),
            r.signature_title.as_deref(),
            text,
        );
        self.list(
            file,
            "signature.contact",
            &sig.contact,
            &r.signature_contact,
        );
        self.scalar(
            file,
            "quoted_first_line",
            exp.quoted_first_line.as_deref(),
            r.quoted_first_line.as_deref(),
            text,
        );
        if matches!(exp.kind.as_str(), "reply" | "forward" | "auto-reply") {
            self.scalar(
                file,
                "new_text",
                exp.new_text.as_deref(),
                r.new_text.as_deref(),
                text,
            );
        }
        if let Some(rep) = &exp.reply {
            let want = rep.class.clone().unwrap_or_default();
            let got = r.reply_class.clone().unwrap_or_else(|| "(none)".into());
            *self
                .confusion
                .entry((want.clone(), got.clone()))
                .or_default() += 1;
            if want != got {
                self.misses.push(Miss {
                    file: file.into(),
                    field: "reply.class",
                    expected: want,
                    got,
                });
            }
            self.scalar(
                file,
                "reply.promised",
                rep.promised.as_deref(),
                r.reply_promised.as_deref(),
                same_instant,
            );
            let e = rep.items.as_ref().map(|v| format!("{v:?}"));
            let g = r.reply_items.as_ref().map(|v| format!("{v:?}"));
            self.scalar(file, "reply.items", e.as_deref(), g.as_deref(), text);
        }
    }

    /// Precision and recall of each reply class, from the confusion matrix.
    pub fn classes(&self) -> BTreeMap<String, Tally> {
        let mut out: BTreeMap<String, Tally> = BTreeMap::new();
        for ((want, got), n) in &self.confusion {
            if want == got {
                out.entry(want.clone()).or_default().tp += n;
            } else {
                out.entry(want.clone()).or_default().fn_ += n;
                out.entry(got.clone()).or_default().fp += n;
            }
        }
        out
    }
}

/// The corpus folder.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every message of one part (`tune` or `heldout`): (file name, raw bytes, expectation).
pub fn messages(part: &str) -> Vec<(String, Vec<u8>, Expected)> {
    let dir = corpus_dir().join(part);
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let raw = std::fs::read(&p).unwrap();
            let json = std::fs::read_to_string(p.with_extension("json")).unwrap();
            let exp: Expected = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{}: {e}", p.with_extension("json").display()));
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                raw,
                exp,
            )
        })
        .collect()
}

/// Scores one part, linting its clean originals with `lint` (returns the error rule ids),
/// with items aligned by [`Align::Best`].
pub fn score(part: &str, lint: &dyn Fn(&str, &[u8]) -> Vec<String>) -> Score {
    score_with(part, lint, Align::Best)
}

/// [`score`] with a chosen item alignment.
pub fn score_with(part: &str, lint: &dyn Fn(&str, &[u8]) -> Vec<String>, align: Align) -> Score {
    score_some(part, lint, align, &|_, _| true)
}

/// [`score_with`] over the messages whose file name `keep` accepts (a language, a client).
pub fn score_some(
    part: &str,
    lint: &dyn Fn(&str, &[u8]) -> Vec<String>,
    align: Align,
    keep: &dyn Fn(&str, &Expected) -> bool,
) -> Score {
    let opts = options();
    let threads = threads();
    let mut s = Score {
        align,
        ..Score::default()
    };
    for (name, raw, exp) in messages(part) {
        if !keep(&name, &exp) {
            continue;
        }
        let r = read(&raw, &exp, &opts, &threads);
        s.add(&name, &exp, &r);
        if exp.clean {
            s.clean += 1;
            let errors = lint(&name, &raw);
            if !errors.is_empty() {
                s.clean_with_errors.push((name, errors));
            }
        }
    }
    s
}

/// The instant of an expected value, for callers that compare times.
pub fn instant(s: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(s).ok()
}

/// The lint's errors on a draft, as `rule (message)`, with the default configuration on a
/// fixed day (the corpus's dates are of December 2026).
pub fn lint_errors(name: &str, raw: &[u8]) -> Vec<String> {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap();
    let linter = liaison_lint::Linter::new(
        &liaison_lint::LintConfig::default(),
        None,
        liaison_time::Context::new(now),
    )
    .expect("default lint configuration");
    let a = linter.parse(name, raw);
    let report = linter.report(name, a, None);
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == liaison_lint::Severity::Error)
        // The rule id and its message (which rule fires, and on what), for the listing.
        .map(|d| format!("{} ({})", d.rule, d.message))
        .collect()
}
