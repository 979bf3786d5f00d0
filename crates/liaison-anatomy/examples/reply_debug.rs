#[path = "../tests/score/mod.rs"]
mod score;
fn main() {
    let opts = score::options();
    let threads = score::threads();
    for p in std::env::args().skip(1) {
        let raw = std::fs::read(&p).unwrap();
        let exp: score::Expected = serde_json::from_str(
            &std::fs::read_to_string(std::path::Path::new(&p).with_extension("json")).unwrap(),
        )
        .unwrap();
        let r = score::read(&raw, &exp, &opts, &threads);
        let m = liaison_mail::Message::parse(&raw);
        println!(
            "=== {p}\n class={:?} exp={:?}\n promised={:?} exp={:?}\n items={:?} exp={:?}",
            r.reply_class,
            exp.reply.as_ref().and_then(|r| r.class.clone()),
            r.reply_promised,
            exp.reply.as_ref().and_then(|r| r.promised.clone()),
            r.reply_items,
            exp.reply.as_ref().and_then(|r| r.items.clone())
        );
        let _ = m;
        println!(" debug: {}", r.debug);
    }
}
