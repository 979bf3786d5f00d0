//! The corpus scorer: per-field precision, recall and F1 of what liaison reads in the
//! corpus (`tests/corpus`), and the confusion matrix of reply classes, for the tuning and
//! the held-out parts separately.
//!
//! ```text
//! cargo run -p liaison-anatomy --example corpus_score            # the tuning part
//! cargo run -p liaison-anatomy --example corpus_score -- --misses signature.name
//! cargo run -p liaison-anatomy --example corpus_score -- --heldout --markdown > table.md
//! cargo run -p liaison-anatomy --example corpus_score -- --heldout --align position
//! cargo run -p liaison-anatomy --example corpus_score -- --heldout --numbers 1-999   # the parts before the c3 author
//! ```
//! Items are aligned by an order-preserving maximum matching on their `what` (default,
//! `--align best`) or by position (`--align position`, the scorer's first alignment); see
//! `tests/score/mod.rs`. `--misses FIELD` lists the tuning part's misses of one field (or `all`). The held-out
//! part is scored only with `--heldout` (for the report, not while tuning), and its misses
//! are never listed, so that it stays out of the tuning loop.

#[path = "../tests/score/mod.rs"]
mod score;

use score::{Align, Score, Tally};

fn pct(x: f64) -> String {
    format!("{:.3}", x)
}

fn table(title: &str, s: &Score, md: bool) {
    println!("\n### {title}: {} messages\n", s.messages);
    println!("| field | precision | recall | F1 | support |");
    println!("|---|---:|---:|---:|---:|");
    for (f, t) in &s.fields {
        println!(
            "| {f} | {} | {} | {} | {} |",
            pct(t.precision()),
            pct(t.recall()),
            pct(t.f1()),
            t.support()
        );
    }
    println!(
        "\nItems: {} paired, {} expected but not read, {} read but not expected.",
        s.items_paired, s.items_missed, s.items_extra
    );
    let classes = s.classes();
    println!(
        "\nReply classes ({} replies):\n",
        s.confusion.values().sum::<u32>()
    );
    println!("| class | precision | recall | support |");
    println!("|---|---:|---:|---:|");
    for (c, t) in &classes {
        println!(
            "| {c} | {} | {} | {} |",
            pct(t.precision()),
            pct(t.recall()),
            t.support()
        );
    }
    let names: Vec<&String> = classes.keys().collect();
    println!("\nConfusion (rows: expected, columns: read as):\n");
    let short = |c: &str| c.chars().take(6).collect::<String>();
    print!("| |");
    for n in &names {
        print!(" {} |", short(n));
    }
    println!();
    print!("|---|");
    for _ in &names {
        print!("---:|");
    }
    println!();
    for want in &names {
        print!("| {want} |");
        for got in &names {
            let n = s
                .confusion
                .get(&((*want).clone(), (*got).clone()))
                .copied()
                .unwrap_or(0);
            print!(
                " {} |",
                if n == 0 {
                    ".".to_string()
                } else {
                    n.to_string()
                }
            );
        }
        println!();
    }
    println!(
        "\nClean originals with a lint error: {} of {}",
        s.clean_with_errors.len(),
        s.clean
    );
    if !md {
        for (f, rules) in &s.clean_with_errors {
            println!("  {f}: {}", rules.join(", "));
        }
    }
    let _ = Tally::default();
}

/// The tuning part's messages whose item count differs from the expected one: items are
/// scored by position, so one item too many or too few shifts every field after it.
fn item_counts() {
    let opts = score::options();
    let threads = score::threads();
    for (name, raw, exp) in score::messages("tune") {
        let r = score::read(&raw, &exp, &opts, &threads);
        if r.items.len() == exp.items.len() {
            continue;
        }
        println!(
            "{name}: expected {}, read {}",
            exp.items.len(),
            r.items.len()
        );
        for it in &exp.items {
            println!("  - {}", it.what.as_deref().unwrap_or("(none)"));
        }
        for it in &r.items {
            println!("  + {}", it.what.as_deref().unwrap_or("(none)"));
        }
    }
}

/// The tuning messages where the two alignments give a different number of item fields
/// right, with the pairs each makes (to check the matching's threshold).
fn align_diff() {
    let opts = score::options();
    let threads = score::threads();
    let tp = |s: &Score| -> u32 {
        s.fields
            .iter()
            .filter(|(f, _)| f.starts_with("items."))
            .map(|(_, t)| t.tp)
            .sum()
    };
    for (name, raw, exp) in score::messages("tune") {
        let r = score::read(&raw, &exp, &opts, &threads);
        let mut by = Vec::new();
        for align in [Align::Position, Align::Best] {
            let mut s = Score {
                align,
                ..Score::default()
            };
            s.add(&name, &exp, &r);
            by.push(tp(&s));
        }
        if by[0] == by[1] {
            continue;
        }
        println!("{name}: right fields by position {}, best {}", by[0], by[1]);
        for (e, g) in score::align_items(&exp.items, &r.items, Align::Best) {
            let w = |it: Option<&score::ExpItem>| {
                it.and_then(|i| i.what.clone())
                    .unwrap_or_else(|| "-".into())
            };
            let (ew, gw) = (w(e.map(|i| &exp.items[i])), w(g.map(|j| &r.items[j])));
            println!(
                "  {:?}/{:?} {:.2}  {ew}  <>  {gw}",
                e,
                g,
                score::what_similarity(&ew, &gw)
            );
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let md = args.iter().any(|a| a == "--markdown");
    let misses = args
        .iter()
        .position(|a| a == "--misses")
        .map(|i| args.get(i + 1).cloned().unwrap_or_else(|| "all".into()));
    // `--show FILE`: what liaison reads of one tuning message (items, opening, closing).
    if let Some(i) = args.iter().position(|a| a == "--show") {
        let want = args.get(i + 1).cloned().unwrap_or_default();
        let opts = score::options();
        for (name, raw, _) in score::messages("tune") {
            if name.starts_with(&want) {
                let a = liaison_anatomy::Anatomy::parse_eml(&raw, &opts);
                println!("{name}: kind {:?}", a.kind());
                println!("opening: {:?}", a.opening.as_ref().map(|o| &o.text));
                for b in &a.background {
                    println!("background: {:?}", b.text);
                }
                for it in &a.items {
                    println!(
                        "item [{}] what {:?} owner {:?} due {:?} standard {:?}",
                        it.marker,
                        it.what.text,
                        it.owner.as_ref().map(|p| &p.text),
                        it.due.as_ref().map(|p| &p.text),
                        it.standard_value()
                    );
                }
                println!("closing: {:?}", a.closing.as_ref().map(|o| &o.text));
                if let Some(s) = &a.signature {
                    println!(
                        "signature: name {:?} department {:?} title {:?} contact {:?}",
                        s.name.as_ref().map(|p| &p.text),
                        s.department.as_ref().map(|p| &p.text),
                        s.title.as_ref().map(|p| &p.text),
                        s.contact.iter().map(|p| &p.text).collect::<Vec<_>>()
                    );
                } else {
                    println!("signature: none");
                }
            }
        }
        return;
    }
    // `--classes`: every tuning reply's expected and read class with the cue that decided
    // it, to find replies read right for a fragile reason (tuning part only, by design).
    if args.iter().any(|a| a == "--classes") {
        let opts = score::options();
        let threads = score::threads();
        for (name, raw, exp) in score::messages("tune") {
            let Some(want) = exp.reply.as_ref().and_then(|r| r.class.clone()) else {
                continue;
            };
            let r = score::read(&raw, &exp, &opts, &threads);
            let m = liaison_mail::Message::parse(&raw);
            let w = score::writer(&m, &exp, &threads);
            let side = match (w.ours, w.requester) {
                (true, true) => "ours,requester",
                (true, false) => "ours,asked",
                (false, true) => "theirs,requester",
                (false, false) => "theirs,asked",
            };
            let got = r.reply_class.clone().unwrap_or_default();
            let mark = if got == want { "ok " } else { "MISS" };
            let first = r.debug.lines().next().unwrap_or_default();
            let text: String = r.debug.lines().skip(1).collect::<Vec<_>>().join(" ⏎ ");
            println!("{mark}\t{name}\t{want}\t{got}\t{side}\t{first}\n\t{text}");
        }
        return;
    }
    if args.iter().any(|a| a == "--align-diff") {
        align_diff();
        return;
    }
    if args.iter().any(|a| a == "--item-counts") {
        item_counts();
        return;
    }
    let align = match args
        .iter()
        .position(|a| a == "--align")
        .map(|i| args.get(i + 1))
    {
        None => Align::Best,
        Some(Some(a)) if a == "best" => Align::Best,
        Some(Some(a)) if a == "position" => Align::Position,
        Some(other) => {
            eprintln!("--align takes best or position, not {other:?}");
            std::process::exit(2);
        }
    };
    // `--only TEXT`: score only the messages whose file name contains TEXT (`-en-`, `-zht-`,
    // `outlook-`), to see where a part's misses lie without listing them.
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_default();
    // `--type TYPE`: only originals, replies, forwards or auto-replies.
    let only_type = args
        .iter()
        .position(|a| a == "--type")
        .and_then(|i| args.get(i + 1).cloned());
    // `--numbers A-B`: only the messages numbered A to B (the authors' ranges: 1-499 zh,
    // 500-999 en, 1000-1399 c3), so that the parts before an author joined can be scored.
    let numbers = args
        .iter()
        .position(|a| a == "--numbers")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.split_once('-'))
        .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
    let number = |name: &str| {
        name.trim_end_matches(".eml")
            .rsplit('-')
            .next()
            .and_then(|n| n.parse::<u32>().ok())
    };
    let keep = |name: &str, exp: &score::Expected| {
        name.contains(only.as_str())
            && only_type.as_ref().is_none_or(|t| *t == exp.kind)
            && numbers.is_none_or(|(a, b)| number(name).is_some_and(|n| (a..=b).contains(&n)))
    };
    let tune = score::score_some("tune", &score::lint_errors, align, &keep);
    if let Some(field) = misses {
        for m in &tune.misses {
            if field == "all" || m.field == field {
                println!(
                    "{}\t{}\n  expected: {}\n  got:      {}",
                    m.file, m.field, m.expected, m.got
                );
            }
        }
        return;
    }
    println!(
        "## Mail reading on the corpus (`cargo run -p liaison-anatomy --example corpus_score -- --heldout`)"
    );
    println!(
        "\nItems aligned {}.",
        match align {
            Align::Best => "by an order-preserving maximum matching on `what` (`--align best`)",
            Align::Position => "by position (`--align position`)",
        }
    );
    table("Tuning part", &tune, md);
    if args.iter().any(|a| a == "--heldout") {
        let held = score::score_some("heldout", &score::lint_errors, align, &keep);
        table("Held-out part", &held, md);
    } else {
        eprintln!("(the held-out part is scored with --heldout, for reports only)");
    }
}
