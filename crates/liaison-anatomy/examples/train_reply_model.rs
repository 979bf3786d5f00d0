//! The generator of the reply class model (`src/reply/model.txt`, see `src/reply/model.rs`)
//! and its measurements.
//!
//! ```text
//! cargo run -p liaison-anatomy --example train_reply_model             # measure
//! cargo run -p liaison-anatomy --example train_reply_model -- --write  # and write model.txt
//! cargo run -p liaison-anatomy --example train_reply_model -- --heldout  # also score held-out
//! cargo run -p liaison-anatomy --example train_reply_model -- --flags    # tuning replies' rule findings
//! ```
//!
//! Training data: the answering side's replies of the corpus' tuning part (their hand
//! labels in the `.json`), read through exactly what `reply::read` gives the model
//! (`reply::model_input`). It prints, for each way of combining rules and model
//! (`reply::Strategy`), the accuracy of a 10-fold cross-validation on the tuning part (the
//! model trained on nine folds, tested on the tenth), and with `--heldout` the accuracy on
//! the held-out part of the model trained on the whole tuning part (counts only: the
//! held-out messages are never listed). Deterministic: the folds are fixed (message order,
//! index modulo 10) and training has no randomness.

#[path = "../tests/score/mod.rs"]
mod score;

use liaison_anatomy::reply::{self, ModelInput, ReplyClass, Strategy, model};
use liaison_mail::Message;

use model::{L2, MIN_DOCS, RATE, STEPS};

const STRATEGIES: [(&str, Strategy); 7] = [
    ("rules", Strategy::Rules),
    ("model", Strategy::Model),
    ("rules, model where no cue", Strategy::Default),
    ("model among rule candidates", Strategy::Candidates),
    ("rules unless model p>=0.5", Strategy::Confident(0.5)),
    ("rules unless model p>=0.7", Strategy::Confident(0.7)),
    ("rules unless model p>=0.85", Strategy::Confident(0.85)),
];

/// The answering side's replies of one part: (file, model input, expected class).
fn examples(part: &str) -> Vec<(String, ModelInput, ReplyClass)> {
    let opts = score::options();
    let threads = score::threads();
    let mut out = Vec::new();
    for (name, raw, exp) in score::messages(part) {
        let Some(class) = exp
            .reply
            .as_ref()
            .and_then(|r| r.class.as_deref())
            .and_then(ReplyClass::parse)
        else {
            continue;
        };
        if exp.kind != "reply" {
            continue;
        }
        let m = Message::parse(&raw);
        let w = score::writer(&m, &exp, &threads);
        if let Some(mut input) = reply::model_input(&m, &opts, w) {
            // Which features to use (TRAIN_FEATURES=rules|text, to compare; default both).
            match std::env::var("TRAIN_FEATURES").as_deref() {
                Ok("rules") => input.features.retain(|f| f.starts_with("r:")),
                Ok("text") => input.features.retain(|f| !f.starts_with("r:")),
                _ => {}
            }
            out.push((name, input, class));
        }
    }
    out
}

/// A setting, overridable from the environment (`TRAIN_RATE=4 …`) to compare settings by
/// their cross-validated accuracy; the committed model uses the constants.
fn setting(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn train(ex: &[&(String, ModelInput, ReplyClass)]) -> model::Model {
    let data: Vec<(Vec<String>, ReplyClass)> = ex
        .iter()
        .filter(|(_, _, c)| model::CLASSES.contains(c))
        .map(|(_, i, c)| (i.features.clone(), *c))
        .collect();
    model::Model::train(
        &data,
        setting("TRAIN_MIN_DOCS", MIN_DOCS as f64) as usize,
        setting("TRAIN_L2", L2),
        setting("TRAIN_RATE", RATE),
        setting("TRAIN_STEPS", STEPS as f64) as usize,
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let tune = examples("tune");
    let k = 10;
    let mut right = vec![0usize; STRATEGIES.len()];
    for fold in 0..k {
        let train_set: Vec<_> = tune
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, e)| e)
            .collect();
        let m = train(&train_set);
        for (i, (_, input, want)) in tune.iter().enumerate() {
            if i % k != fold {
                continue;
            }
            for (s, (_, strategy)) in STRATEGIES.iter().enumerate() {
                if reply::combine(*strategy, input, &m) == *want {
                    right[s] += 1;
                }
            }
        }
    }
    println!(
        "Answering side's replies in the tuning part: {} (classes: {})",
        tune.len(),
        model::CLASSES.map(|c| c.id()).join(", ")
    );
    println!("\n| strategy | tune, 10-fold CV | held-out |");
    println!("|---|---:|---:|");
    let all: Vec<_> = tune.iter().collect();
    let full = train(&all);
    let held = if args.iter().any(|a| a == "--heldout") {
        examples("heldout")
    } else {
        Vec::new()
    };
    for (s, (name, strategy)) in STRATEGIES.iter().enumerate() {
        let h = if held.is_empty() {
            "-".to_string()
        } else {
            let n = held
                .iter()
                .filter(|(_, i, c)| reply::combine(*strategy, i, &full) == *c)
                .count();
            format!("{n}/{} ({:.3})", held.len(), n as f64 / held.len() as f64)
        };
        println!(
            "| {name} | {}/{} ({:.3}) | {h} |",
            right[s],
            tune.len(),
            right[s] as f64 / tune.len() as f64
        );
    }
    if args.iter().any(|a| a == "--flags") {
        // Every tuning reply of the answering side with its rule findings: which cues
        // co-occur, and in which classes (tuning part only, by construction).
        for (name, input, want) in &tune {
            println!(
                "{name}\t{}\t{}\t{}",
                want.id(),
                input.rules.id(),
                input.flags.join(",")
            );
        }
    }
    if args.iter().any(|a| a == "--misses") {
        // The tuning part's cross-validated misses of the model alone.
        for fold in 0..k {
            let train_set: Vec<_> = tune
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, e)| e)
                .collect();
            let m = train(&train_set);
            for (i, (name, input, want)) in tune.iter().enumerate() {
                if i % k == fold {
                    let got = m.predict(&input.features);
                    if got.0 != *want {
                        println!(
                            "{name}: expected {}, model {} ({:.2}), rules {}",
                            want.id(),
                            got.0.id(),
                            got.1,
                            input.rules.id()
                        );
                    }
                }
            }
        }
    }
    if args.iter().any(|a| a == "--write") {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/reply/model.txt");
        std::fs::write(&path, full.to_text()).expect("write model.txt");
        println!("\nwrote {}", path.display());
    }
}
