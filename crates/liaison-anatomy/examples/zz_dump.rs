#[path = "../tests/score/mod.rs"]
mod score;
fn main() {
    let opts = score::options();
    for f in std::env::args().skip(1) {
        let raw = std::fs::read(&f).unwrap();
        let m = liaison_mail::Message::parse(&raw);
        let a = liaison_anatomy::Anatomy::from_message(&m, &raw, &opts);
        println!("== {f}\nopening: {:?}", a.opening.as_ref().map(|s| &s.text));
        for s in &a.background {
            println!("bg: {:?}", s.text);
        }
        for it in &a.items {
            println!(
                "item [{}] what={:?} owner={:?} due={:?} std={:?}",
                it.marker,
                it.what.text,
                it.owner.as_ref().map(|p| &p.text),
                it.due.as_ref().map(|p| &p.text),
                it.standard_value()
            );
        }
        println!("closing: {:?}", a.closing.as_ref().map(|s| &s.text));
    }
}
