//! A small statistical reader of the answering side's reply classes (issue 10 item 4: "a
//! small statistical model trained at build time on the corpus … deterministic, its
//! training data in the repo").
//!
//! It is a multinomial logistic regression over binary features of a reply's new text —
//! character unigrams and bigrams of its Chinese (Traditional and Cantonese read as
//! Simplified, digits as `0`), words and word pairs of its English — and the rules' own
//! findings ([`super::flags`]: a dispute cue, a late clause, something handed over, a
//! commitment with a time …). Its weights are `model.txt` beside this file, written by
//! `cargo run -p liaison-anatomy --example train_reply_model` from the corpus' tuning part
//! (`tests/corpus/tune`, hand-labelled); the generator is deterministic (fixed feature
//! order, full-batch gradient descent with a fixed number of steps), so regenerating gives
//! the same file.
//!
//! The rules stay in charge of what they read for sure (the auto-reply headers, our own
//! side's nudges, syncs, escalations and confirmations, negation, conditions); the model
//! only weighs the answering side's classes, see [`super::combine`].

use super::ReplyClass;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

/// The classes the model chooses among: what the side asked for the work answers.
pub const CLASSES: [ReplyClass; 7] = [
    ReplyClass::Acknowledgement,
    ReplyClass::Question,
    ReplyClass::Promise,
    ReplyClass::PartialDelivery,
    ReplyClass::Delivery,
    ReplyClass::Delay,
    ReplyClass::Dispute,
];

/// Training settings of the committed model (see [`Model::train`]): features seen in at
/// least this many replies …
pub const MIN_DOCS: usize = 2;
/// … the L2 penalty …
pub const L2: f64 = 0.0001;
/// … the step size …
pub const RATE: f64 = 30.0;
/// … and the number of steps (chosen by 10-fold cross-validation on the tuning part).
pub const STEPS: usize = 1000;

/// The binary features of a reply: `r:` rule findings, `c:` Chinese characters and
/// character pairs, `w:` English words and word pairs; sorted, without duplicates.
pub fn features(new_text: &str, flags: &[&str]) -> Vec<String> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    for f in flags {
        out.insert(format!("r:{f}"));
    }
    let norm = super::cues::normalize(new_text);
    // Runs of Han characters (n-grams do not cross punctuation or Latin text).
    let mut run: Vec<char> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let flush_run = |run: &mut Vec<char>, out: &mut BTreeSet<String>| {
        for (k, c) in run.iter().enumerate() {
            out.insert(format!("c:{c}"));
            if let Some(n) = run.get(k + 1) {
                out.insert(format!("c:{c}{n}"));
            }
        }
        run.clear();
    };
    let flush_words = |words: &mut Vec<String>, out: &mut BTreeSet<String>| {
        for (k, w) in words.iter().enumerate() {
            out.insert(format!("w:{w}"));
            if let Some(n) = words.get(k + 1) {
                out.insert(format!("w:{w}_{n}"));
            }
        }
        words.clear();
    };
    for c in norm.chars() {
        if liaison_model::is_han(c) {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            run.push(c);
            continue;
        }
        flush_run(&mut run, &mut out);
        if c.is_ascii_alphanumeric() || c == '\'' {
            word.push(if c.is_ascii_digit() { '0' } else { c });
        } else {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            // A sentence end or a line break ends the word pairs too.
            if matches!(c, '.' | '!' | '?' | '\n' | '。' | '！' | '？' | '；' | ';') {
                flush_words(&mut words, &mut out);
            }
            if matches!(c, '?' | '？') {
                out.insert("p:?".into());
            }
        }
    }
    flush_run(&mut run, &mut out);
    if !word.is_empty() {
        words.push(word);
    }
    flush_words(&mut words, &mut out);
    out.into_iter().collect()
}

/// The model: a weight per class for every feature it knows, and a bias per class.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Bias per class of [`CLASSES`].
    pub bias: Vec<f64>,
    /// Weights per feature, one per class of [`CLASSES`].
    pub weights: HashMap<String, Vec<f64>>,
}

impl Model {
    /// The probability of each class of [`CLASSES`] for `features`.
    pub fn probabilities(&self, features: &[String]) -> Vec<f64> {
        let k = CLASSES.len();
        let mut z: Vec<f64> = (0..k)
            .map(|c| self.bias.get(c).copied().unwrap_or(0.0))
            .collect();
        let scale = scale(features.len());
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (zc, wc) in z.iter_mut().zip(w) {
                    *zc += wc * scale;
                }
            }
        }
        softmax(&z)
    }

    /// The most probable class and its probability.
    pub fn predict(&self, features: &[String]) -> (ReplyClass, f64) {
        let p = self.probabilities(features);
        let mut best = 0;
        for (c, v) in p.iter().enumerate() {
            if *v > p[best] {
                best = c;
            }
        }
        (CLASSES[best], p[best])
    }

    /// Trains on `(features, class)` examples: features seen in fewer than `min_docs`
    /// examples are dropped; full-batch gradient descent on the cross-entropy with an L2
    /// penalty `l2`, `steps` steps of size `rate`. Deterministic: features are visited in
    /// sorted order and examples in the given order.
    pub fn train(
        examples: &[(Vec<String>, ReplyClass)],
        min_docs: usize,
        l2: f64,
        rate: f64,
        steps: usize,
    ) -> Model {
        let k = CLASSES.len();
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for (fs, _) in examples {
            for f in fs {
                *df.entry(f.as_str()).or_default() += 1;
            }
        }
        let vocab: Vec<&str> = df
            .iter()
            .filter(|(_, n)| **n >= min_docs)
            .map(|(f, _)| *f)
            .collect();
        let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, f)| (*f, i)).collect();
        let docs: Vec<(Vec<usize>, usize, f64)> = examples
            .iter()
            .filter_map(|(fs, c)| {
                let y = CLASSES.iter().position(|x| x == c)?;
                let ids: Vec<usize> = fs
                    .iter()
                    .filter_map(|f| index.get(f.as_str()).copied())
                    .collect();
                Some((ids, y, scale(fs.len())))
            })
            .collect();
        let mut w = vec![vec![0.0f64; k]; vocab.len()];
        let mut b = vec![0.0f64; k];
        let n = docs.len().max(1) as f64;
        for _ in 0..steps {
            let mut gw = vec![vec![0.0f64; k]; vocab.len()];
            let mut gb = vec![0.0f64; k];
            for (ids, y, s) in &docs {
                let mut z = b.clone();
                for &i in ids {
                    for c in 0..k {
                        z[c] += w[i][c] * s;
                    }
                }
                let p = softmax(&z);
                for c in 0..k {
                    let g = p[c] - if c == *y { 1.0 } else { 0.0 };
                    gb[c] += g;
                    for &i in ids {
                        gw[i][c] += g * s;
                    }
                }
            }
            for c in 0..k {
                b[c] -= rate * gb[c] / n;
            }
            for (wi, gi) in w.iter_mut().zip(&gw) {
                for c in 0..k {
                    wi[c] -= rate * (gi[c] / n + l2 * wi[c]);
                }
            }
        }
        Model {
            bias: b,
            weights: vocab
                .iter()
                .zip(w)
                .map(|(f, ws)| (f.to_string(), ws))
                .collect(),
        }
    }

    /// The weights file: a header line naming the classes, a `bias` line, then one line per
    /// feature (`feature\tw1 w2 …`), sorted, weights rounded to 4 decimals; features whose
    /// weights all round to 0 are left out.
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# reply class model (liaison-anatomy src/reply/model.rs); generated by\n",
        );
        out.push_str("# cargo run -p liaison-anatomy --example train_reply_model -- --write\n");
        out.push_str("classes");
        for c in CLASSES {
            out.push(' ');
            out.push_str(c.id());
        }
        out.push('\n');
        let row = |ws: &[f64]| {
            ws.iter()
                .map(|w| format!("{:.4}", w))
                .collect::<Vec<_>>()
                .join(" ")
        };
        out.push_str(&format!("bias\t{}\n", row(&self.bias)));
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        for f in keys {
            let ws = &self.weights[f];
            if ws.iter().all(|w| w.abs() < 0.00005) {
                continue;
            }
            out.push_str(&format!("{f}\t{}\n", row(ws)));
        }
        out
    }

    /// Reads a weights file written by [`Model::to_text`]; lines it cannot read are
    /// skipped (an empty model predicts the first class with equal probabilities).
    pub fn from_text(text: &str) -> Model {
        let mut m = Model {
            bias: vec![0.0; CLASSES.len()],
            weights: HashMap::new(),
        };
        for line in text.lines() {
            let Some((key, ws)) = line.split_once('\t') else {
                continue;
            };
            let ws: Vec<f64> = ws
                .split(' ')
                .filter_map(|w| w.parse::<f64>().ok())
                .collect();
            if ws.len() != CLASSES.len() {
                continue;
            }
            if key == "bias" {
                m.bias = ws;
            } else {
                m.weights.insert(key.to_string(), ws);
            }
        }
        m
    }
}

/// Long replies have many features; each counts less so that the sum stays comparable.
fn scale(n: usize) -> f64 {
    1.0 / (n.max(1) as f64).sqrt()
}

fn softmax(z: &[f64]) -> Vec<f64> {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = z.iter().map(|v| (v - max).exp()).collect();
    let sum: f64 = e.iter().sum();
    e.iter().map(|v| v / sum).collect()
}

/// The committed model (`model.txt`), read once.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| Model::from_text(include_str!("model.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_sorted_character_pairs_words_and_rule_findings() {
        let f = features("收到，週五前給您。Will send it Friday?", &["late"]);
        for want in [
            "r:late",
            "c:收到",
            "c:周五",
            "c:给您",
            "w:will_send",
            "w:friday",
            "p:?",
        ] {
            assert!(f.iter().any(|x| x == want), "{want} in {f:?}");
        }
        // Pairs do not cross punctuation or sentence ends.
        assert!(!f.iter().any(|x| x == "c:到周" || x == "w:it_will"));
        let mut sorted = f.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(f, sorted);
    }

    #[test]
    fn training_is_deterministic_and_the_file_reads_back() {
        let ex = vec![
            (
                features("周五前给您", &["commit-time"]),
                ReplyClass::Promise,
            ),
            (features("可能要延期到下周", &["late"]), ReplyClass::Delay),
            (
                features("周五前发您", &["commit-time"]),
                ReplyClass::Promise,
            ),
            (features("要推迟到下周", &["late"]), ReplyClass::Delay),
        ];
        let a = Model::train(&ex, 1, 0.0001, 30.0, 200);
        let b = Model::train(&ex, 1, 0.0001, 30.0, 200);
        assert_eq!(a.to_text(), b.to_text());
        let back = Model::from_text(&a.to_text());
        assert_eq!(back.to_text(), a.to_text());
        let (c, p) = back.predict(&features("下周前给您", &["commit-time"]));
        assert_eq!(c, ReplyClass::Promise);
        assert!(p > 0.5, "{p}");
        assert_eq!(
            back.predict(&features("延期", &["late"])).0,
            ReplyClass::Delay
        );
    }

    #[test]
    fn the_committed_model_reads() {
        assert_eq!(MODEL.bias.len(), CLASSES.len());
        assert!(MODEL.weights.len() > 100, "{}", MODEL.weights.len());
        // A bad file gives an empty model, no panic.
        let empty = Model::from_text("classes x\nbias\t1 2\nfoo\tbar");
        assert!(empty.weights.is_empty());
        let p = empty.probabilities(&["c:收".to_string()]);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}
