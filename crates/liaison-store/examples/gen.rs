//! A generated mailbox of realistic collaboration threads, for benchmarks: every tenth
//! message opens a 【需求对接】 collaboration (GB2312-free UTF-8, base64 body like most
//! clients send), the others reply with In-Reply-To/References.
//!
//! `cargo run --release -p liaison-store --example gen -- N > big.mbox`
#![allow(dead_code)]

/// Message `i` of the generated set.
pub fn message(i: usize) -> String {
    let c = i / 10;
    let k = i % 10;
    let day = 1 + (c % 28);
    let date = format!(
        "Tue, {day:02} Dec 2026 {:02}:{:02}:00 +0800",
        9 + k % 9,
        (k * 5) % 60
    );
    let subject = format!("【需求对接】项目{c}数据支持-市场部-重要");
    let body = if k == 0 {
        format!(
            "王经理，您好：\n\n为支持项目{c}，需要贵部门协助以下事项：\n\
             1. 提供10-11月用户画像数据（负责人：王磊，12月3日18:00前，Excel格式，字段见附件）。\n\
             2. 确认数据口径（负责人：李娜，12月2日12:00前，邮件回复）。\n\n\
             如有疑问请随时联系，谢谢！\n\n张伟\n市场部 | 产品经理\n电话：010-12345678\n\
             From the desk of 张伟\n"
        )
    } else {
        format!("收到，第{k}次更新：进度正常，预计今日18:00前提供。\n\n王磊\n技术部\n")
    };
    let mut out = String::new();
    if k == 0 {
        out.push_str(&format!(
            "Message-ID: <c{c}-0@ours.example.com>\nFrom: 张伟 <zhangwei@ours.example.com>\n\
             To: wanglei@theirs.example.com\nCc: lina@theirs.example.com\n"
        ));
    } else {
        out.push_str(&format!(
            "Message-ID: <c{c}-{k}@theirs.example.com>\nIn-Reply-To: <c{c}-0@ours.example.com>\n\
             References: <c{c}-0@ours.example.com>\nFrom: 王磊 <wanglei@theirs.example.com>\n\
             To: zhangwei@ours.example.com\n"
        ));
    }
    let subject = if k == 0 {
        subject
    } else {
        format!("回复：{subject}")
    };
    out.push_str(&format!(
        "Subject: {subject}\nDate: {date}\nMIME-Version: 1.0\n\
         Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{body}"
    ));
    out
}

/// `n` messages as mbox bytes (`From ` lines, `>From ` escaping).
pub fn mbox(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n * 900);
    for i in 0..n {
        write_one(&mut out, &message(i));
    }
    out
}

fn write_one(out: &mut Vec<u8>, m: &str) {
    out.extend_from_slice(b"From sender@example.com Tue Dec  1 10:00:00 2026\n");
    for line in m.lines() {
        if line.trim_start_matches('>').starts_with("From ") {
            out.push(b'>');
        }
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }
    out.push(b'\n');
}

fn main() {
    use std::io::Write;
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let mut w = std::io::BufWriter::new(std::io::stdout().lock());
    let mut buf = Vec::new();
    for i in 0..n {
        buf.clear();
        write_one(&mut buf, &message(i));
        w.write_all(&buf).unwrap();
    }
    w.flush().unwrap();
}
