//! The peer of `liaison ingest` in `bench/ingest.sh`: stream an mbox and parse every
//! message with mail-parser (raw parse speed), or with liaison's reader (`--liaison`).
//! Prints `messages seconds messages/s` on stdout.
//!
//! `cargo run --release -p liaison-store --example parse_mbox -- FILE [--liaison]`

use liaison_mail::mailbox::{Format, Mailbox};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: parse_mbox FILE [--liaison]");
    let liaison = args.next().as_deref() == Some("--liaison");
    let start = Instant::now();
    let parser = mail_parser::MessageParser::default();
    let mut n = 0u64;
    for m in Mailbox::open(std::path::Path::new(&path), Format::Mbox).expect("readable mbox") {
        let m = m.expect("readable message");
        if liaison {
            let msg = liaison_mail::Message::parse(&m.bytes);
            std::hint::black_box(liaison_engine::thread::keys(&msg));
        } else {
            std::hint::black_box(parser.parse(&m.bytes));
        }
        n += 1;
    }
    let s = start.elapsed().as_secs_f64();
    println!("{n} {s:.3} {:.0}", n as f64 / s);
}
