use liaison_anatomy::ParseOptions;
use liaison_anatomy::reply::{self, Writer};
use liaison_mail::Message;
use liaison_mail::mailbox::MboxReader;
use std::io::BufReader;
fn main() {
    let now = chrono::DateTime::parse_from_rfc3339("2005-12-31T12:00:00+08:00").unwrap();
    let opts = ParseOptions::new(liaison_time::Context::new(now));
    let path = "/work/shared/corpora/trec06c-dev.mbox";
    let f = std::fs::File::open(path).unwrap();
    for (i, raw) in MboxReader::new(BufReader::new(f), path.to_string()).enumerate() {
        let Ok(raw) = raw else { continue };
        let m = Message::parse(&raw.bytes);
        let r = reply::read(
            &m,
            &opts,
            Writer {
                ours: false,
                requester: false,
            },
            &[],
        );
        if r.class.id() != "acknowledgement" && r.class.id() != "question" {
            let nt: String = r.new_text.chars().take(60).collect();
            println!(
                "#{} {} cue={:?} | {:?}",
                i + 1,
                r.class.id(),
                r.cue,
                nt.replace('\n', " ")
            );
        }
    }
}
