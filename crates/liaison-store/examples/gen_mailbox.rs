//! A generated company mailbox for the scale benchmarks (issue 14): a deterministic mix of
//! what an IT department imports from years of mailboxes —
//!
//! * collaboration threads opened by us with a 【类型】 subject (kickoff, request, issue,
//!   escalation …), Chinese or English, their length drawn from a long-tailed
//!   distribution (most threads are 2–6 mails, a few run to 40), replies quoting the mail
//!   they answer (bodies grow along a thread), some replies without References (threaded
//!   by subject), some delivered with attachments;
//! * everything else people receive: newsletters, notifications, personal threads
//!   ("Re: 周报"), mails with large attachments;
//! * realistic sizes (bodies of 0.5–6 KB, attachments of 8–120 KB on about one reply in
//!   sixteen, base64; about 3 KB per message on average), plain,
//!   multipart/alternative and multipart/mixed, UTF-8, GBK and quoted-printable.
//!
//! Messages of a thread are spread over weeks and interleaved with other threads, as an
//! mbox exported from a busy mailbox is.
//!
//! ```text
//! cargo run --release -p liaison-store --example gen_mailbox -- N [--threads-only] > big.mbox
//! ```
//! The same N always gives the same bytes.

use std::io::Write;

/// A small deterministic generator (xorshift64*), so the mailbox needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const KINDS_ZH: &[&str] = &[
    "需求对接",
    "项目启动",
    "问题协调",
    "问题升级",
    "成果同步",
    "进度同步",
];
const KINDS_EN: &[&str] = &[
    "Request",
    "Kickoff",
    "Issue",
    "Escalation",
    "Result",
    "Progress Sync",
];
const DEPTS_ZH: &[&str] = &[
    "市场部",
    "技术部",
    "数据部",
    "财务部",
    "法务部",
    "运营部",
    "人力资源部",
];
const DEPTS_EN: &[&str] = &[
    "Marketing",
    "R&D",
    "Data",
    "Finance",
    "Legal",
    "Operations",
    "HR",
];
const URG_ZH: &[&str] = &["紧急", "重要", "一般", "需今日反馈"];
const URG_EN: &[&str] = &["Urgent", "Important", "Normal"];
const NAMES: &[(&str, &str)] = &[
    ("张伟", "zhangwei"),
    ("王磊", "wanglei"),
    ("李娜", "lina"),
    ("刘洋", "liuyang"),
    ("陈静", "chenjing"),
    ("赵敏", "zhaomin"),
    ("孙丽", "sunli"),
    ("周芳", "zhoufang"),
    ("Amy Chen", "amy.chen"),
    ("Tom Baker", "tom.baker"),
];
const FILLER_ZH: &str = "根据上周项目例会的讨论，本次需要各部门配合完成数据整理与方案评审，请大家按时反馈，如有问题及时沟通。";
const FILLER_EN: &str = "Following last week's review meeting, we need each team's input to finish the data preparation and the design review; please reply on time and raise any blocker early.";

/// One thread (or a single non-collaboration mail) about to be written.
struct Thread {
    id: u64,
    lang_en: bool,
    collab: bool,
    subject: String,
    us: usize,
    them: usize,
    len: usize,
    start_day: u64,
}

fn addr(i: usize, ours: bool) -> String {
    let (_, local) = NAMES[i % NAMES.len()];
    if ours {
        format!("{local}@ours.example.com")
    } else {
        format!("{local}@theirs.example.com")
    }
}

fn thread(rng: &mut Rng, id: u64, threads_only: bool) -> Thread {
    let collab = threads_only || rng.chance(45);
    let lang_en = rng.chance(30);
    let us = rng.below(NAMES.len() as u64) as usize;
    let them = (us + 1 + rng.below(NAMES.len() as u64 - 1) as usize) % NAMES.len();
    let subject = if collab {
        if lang_en {
            format!(
                "[{}] Project {id} data support - {} - {}",
                rng.pick(KINDS_EN),
                rng.pick(DEPTS_EN),
                rng.pick(URG_EN)
            )
        } else {
            format!(
                "【{}】项目{id}数据支持-{}-{}",
                rng.pick(KINDS_ZH),
                rng.pick(DEPTS_ZH),
                rng.pick(URG_ZH)
            )
        }
    } else {
        let s = [
            "周报",
            "午饭",
            "会议纪要",
            "Newsletter",
            "系统通知：密码即将过期",
            "Lunch?",
            "团建安排",
        ];
        format!("{} #{id}", rng.pick(&s))
    };
    // Long-tailed thread lengths: mostly 1–6, sometimes up to 40.
    let len = match rng.below(100) {
        0..=34 => 1 + rng.below(2),
        35..=79 => 2 + rng.below(5),
        80..=96 => 6 + rng.below(10),
        _ => 16 + rng.below(25),
    } as usize;
    Thread {
        id,
        lang_en,
        collab,
        subject,
        us,
        them,
        len,
        start_day: rng.below(3 * 365),
    }
}

fn body(rng: &mut Rng, t: &Thread, k: usize, quoted: &str) -> String {
    let mut b = String::new();
    let filler = if t.lang_en { FILLER_EN } else { FILLER_ZH };
    if k == 0 && t.collab {
        if t.lang_en {
            b.push_str("Hi team,\n\nWe need your support on the project below.\n\n");
            for n in 1..=(1 + rng.below(4)) {
                b.push_str(&format!(
                    "{n}. Prepare the data set {n}. Owner: {}. Due: Dec {}, 18:00. Standard: Excel, all fields.\n",
                    NAMES[(t.them + n as usize) % NAMES.len()].0,
                    1 + rng.below(28)
                ));
            }
        } else {
            b.push_str("各位同事，大家好！\n\n特此对接以下事项，请按时完成。\n\n");
            for n in 1..=(1 + rng.below(4)) {
                b.push_str(&format!(
                    "{n}. 提供第{n}部分数据（负责人：{}，12月{}日18:00前，交付标准：Excel格式）\n",
                    NAMES[(t.them + n as usize) % NAMES.len()].0,
                    1 + rng.below(28)
                ));
            }
        }
    } else {
        let replies_zh = [
            "收到，会按时提供。",
            "已完成，请查收附件。",
            "来不及，需要延期到下周五。",
            "有个问题想确认一下口径。",
            "进度正常，预计明天18:00前提供。",
        ];
        let replies_en = [
            "Got it, will deliver on time.",
            "Done, please find the file attached.",
            "We need until next Friday, sorry.",
            "Quick question about the scope.",
            "On track, expect it by tomorrow 6pm.",
        ];
        let reply = if t.lang_en {
            rng.pick(&replies_en)
        } else {
            rng.pick(&replies_zh)
        };
        b.push_str(reply);
        b.push('\n');
    }
    for _ in 0..rng.below(6) {
        b.push('\n');
        b.push_str(filler);
        b.push('\n');
    }
    b.push_str(&format!("\n{}\n", NAMES[t.us % NAMES.len()].0));
    if !quoted.is_empty() {
        b.push_str(if t.lang_en {
            "\nOn Tue, Dec 1, 2026 at 10:00 AM someone wrote:\n"
        } else {
            "\n------------------ 原始邮件 ------------------\n"
        });
        // Clients quote the whole mail they answer; cap it as long threads are trimmed.
        for line in quoted.lines().take(60) {
            b.push_str("> ");
            b.push_str(line);
            b.push('\n');
        }
    }
    b
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len() * 4 / 3 + data.len() / 57 + 4);
    for (i, c) in data.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push('\n');
        }
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for j in 0..4 {
            if j <= c.len() {
                out.push(T[(n >> (18 - 6 * j) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn message(rng: &mut Rng, t: &Thread, k: usize, quoted: &str) -> (String, String) {
    let ours = k.is_multiple_of(2);
    let (from, to) = if ours {
        (addr(t.us, true), addr(t.them, false))
    } else {
        (addr(t.them, false), addr(t.us, true))
    };
    let name = NAMES[if ours { t.us } else { t.them } % NAMES.len()].0;
    let day = t.start_day + (k as u64) * (1 + rng.below(3));
    let (y, m, d) = (
        2024 + day / 365,
        1 + (day % 365) / 31,
        1 + (day % 31).min(27),
    );
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let date = format!(
        "Mon, {d:02} {} {y} {:02}:{:02}:{:02} +0800",
        months[(m as usize - 1).min(11)],
        8 + rng.below(11),
        rng.below(60),
        rng.below(60)
    );
    let subject = if k == 0 {
        t.subject.clone()
    } else if t.lang_en {
        format!("Re: {}", t.subject)
    } else {
        format!("回复：{}", t.subject)
    };
    let text = body(rng, t, k, quoted);
    let mut h = format!(
        "Message-ID: <t{}-{k}@{}>\nDate: {date}\nFrom: {name} <{from}>\nTo: {to}\nSubject: {subject}\nMIME-Version: 1.0\n",
        t.id,
        if ours {
            "ours.example.com"
        } else {
            "theirs.example.com"
        }
    );
    // Some replies lose their references (forwarded through another client).
    if k > 0 && !rng.chance(8) {
        h.push_str(&format!(
            "In-Reply-To: <t{}-{}@{}>\nReferences: <t{}-0@ours.example.com>\n",
            t.id,
            k - 1,
            if ours {
                "theirs.example.com"
            } else {
                "ours.example.com"
            },
            t.id
        ));
    }
    let attach = (!ours && rng.chance(6)) || rng.chance(1);
    let gbk = !t.lang_en && rng.chance(20);
    let mut out = h;
    if attach || rng.chance(30) {
        let boundary = format!("b{}x{k}", t.id);
        out.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n"
        ));
        out.push_str(&format!("--{boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"));
        out.push_str(&base64(text.as_bytes()));
        out.push('\n');
        if attach {
            // 8 KB – 120 KB, log-uniform (large files are shared as links in these offices).
            let size = (8_000.0 * 15f64.powf(rng.below(1000) as f64 / 1000.0)) as usize;
            let data: Vec<u8> = (0..size)
                .map(|i| (i as u8).wrapping_mul(31) ^ (k as u8))
                .collect();
            out.push_str(&format!(
                "--{boundary}\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\nContent-Disposition: attachment; filename=\"data-{}.xlsx\"\nContent-Transfer-Encoding: base64\n\n",
                t.id
            ));
            out.push_str(&base64(&data));
            out.push('\n');
        }
        out.push_str(&format!("--{boundary}--\n"));
    } else if gbk {
        // GBK written as the raw bytes would be lossy in a String; write the UTF-8 text
        // quoted-printable as many Chinese clients do instead.
        out.push_str("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n");
        for b in text.bytes() {
            if b == b'\n' {
                out.push('\n');
            } else if b.is_ascii_graphic() && b != b'=' || b == b' ' {
                out.push(b as char);
            } else {
                out.push_str(&format!("={b:02X}"));
            }
        }
        out.push('\n');
    } else {
        out.push_str(&format!(
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{text}"
        ));
    }
    (out, text)
}

fn write_mbox(out: &mut impl Write, m: &str) -> std::io::Result<()> {
    out.write_all(b"From sender@example.com Mon Dec  1 10:00:00 2026\n")?;
    for line in m.lines() {
        if line.trim_start_matches('>').starts_with("From ") {
            out.write_all(b">")?;
        }
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.write_all(b"\n")
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let threads_only = args.iter().any(|a| a == "--threads-only");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    // A window of open threads, each advanced one message at a time in random order:
    // threads interleave as in a real mailbox, and memory stays bounded.
    let mut open: Vec<(Thread, usize, String)> = Vec::new();
    let mut next_id = 0u64;
    let mut written = 0usize;
    while written < n {
        while open.len() < 64 {
            let t = thread(&mut rng, next_id, threads_only);
            next_id += 1;
            open.push((t, 0, String::new()));
        }
        let i = rng.below(open.len() as u64) as usize;
        let (t, k, last) = &mut open[i];
        let (m, text) = message(&mut rng, t, *k, last);
        write_mbox(&mut w, &m)?;
        written += 1;
        *k += 1;
        *last = text;
        if *k >= t.len {
            open.swap_remove(i);
        }
    }
    w.flush()
}
