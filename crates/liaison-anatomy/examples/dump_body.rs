fn main() {
    for p in std::env::args().skip(1) {
        let raw = std::fs::read(&p).unwrap();
        let m = liaison_mail::Message::parse(&raw);
        println!(
            "=== {p} from={:?} name={:?} att={:?}",
            m.from,
            m.from_name,
            m.attachments
                .iter()
                .map(|a| (&a.name, &a.content_type))
                .collect::<Vec<_>>()
        );
        println!("{}", m.body);
    }
}
