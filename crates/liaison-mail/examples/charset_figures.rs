//! Counts what is left unreadable after decoding the real-mail corpus (issue 9, item 8):
//! U+FFFD and Latin-1 mojibake in subjects and bodies, empty bodies, and the charset notes
//! recorded. Prints one line of figures; `-v` lists the messages behind each count.
//!
//! `cargo run -p liaison-mail --example charset_figures -- [MBOX] [-v] [--show N]`
//! (`--show N` prints the N-th message as liaison decodes it)
//! (default MBOX: ../shared/corpora/trec06c-dev.mbox from the repository root)

#[path = "../tests/figures/mod.rs"]
mod figures;

fn main() {
    let mut verbose = false;
    let mut path = None;
    let mut show = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "-v" {
            verbose = true;
        } else if a == "--show" {
            show = args.next().and_then(|n| n.parse::<usize>().ok());
        } else {
            path = Some(std::path::PathBuf::from(a));
        }
    }
    let path = path
        .or_else(figures::corpus_path)
        .expect("no corpus: pass the mbox path or set LIAISON_CORPORA");
    if let Some(n) = show {
        let f = std::fs::File::open(&path).expect("readable corpus");
        let mut reader = liaison_mail::mailbox::MboxReader::new(
            std::io::BufReader::new(f),
            path.display().to_string(),
        );
        if let Some(Ok(raw)) = reader.nth(n.saturating_sub(1)) {
            let m = liaison_mail::Message::parse(&raw.bytes);
            println!("{}", serde_json::to_string_pretty(&m).unwrap_or_default());
        }
        return;
    }
    let f = figures::measure(&path, verbose);
    println!("{f}");
}
