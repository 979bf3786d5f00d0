//! The mail-reading corpus (tests/corpus, issue 10): every message reads without a panic,
//! and no field's F1 and no reply class's precision or recall falls below its floor. The
//! floors are what the reader reaches today (a regression guard); `cargo run -p
//! liaison-anatomy --example corpus_score` prints the full table, and docs/accuracy.md
//! keeps it.

#[path = "score/mod.rs"]
mod score;

/// (field, floor of the F1 on the tuning part, floor on the held-out part), items aligned
/// by the order-preserving maximum matching on `what` (`score::Align::Best`).
const FLOORS: &[(&str, f64, f64)] = &[
    // Reset on the grown corpus (c6 joined: 1,174 messages) after the eleventh round; see docs/accuracy.md.
    ("subject.tag", 1.0, 0.99),
    ("subject.project", 0.99, 0.99),
    ("subject.departments", 0.99, 0.99),
    ("subject.urgency", 0.99, 0.99),
    ("subject.kind", 1.0, 0.99),
    ("quoted_first_line", 0.99, 0.98),
    ("greeting", 0.98, 0.98),
    ("opening", 0.95, 0.87),
    ("background", 0.86, 0.69),
    ("closing", 0.94, 0.85),
    ("attachments", 1.0, 1.0),
    ("items.what", 0.77, 0.63),
    ("items.owner", 0.85, 0.74),
    ("items.due", 0.86, 0.75),
    ("items.due_value", 0.89, 0.81),
    ("items.standard", 0.75, 0.55),
    ("signature.name", 0.98, 0.97),
    ("signature.department", 0.93, 0.93),
    ("signature.title", 0.96, 0.96),
    ("signature.contact", 0.98, 0.98),
    ("new_text", 0.97, 0.97),
    ("reply.promised", 0.83, 0.69),
    ("reply.items", 0.75, 0.67),
];

/// The item fields with items aligned by position (`score::Align::Position`, the scorer's
/// first alignment, kept for comparison with earlier rounds).
const POSITION_FLOORS: &[(&str, f64, f64)] = &[
    // Reset on the grown corpus (c6 joined: 1,174 messages) after the eleventh round; see docs/accuracy.md.
    ("items.what", 0.76, 0.60),
    ("items.owner", 0.85, 0.72),
    ("items.due", 0.87, 0.77),
    ("items.due_value", 0.91, 0.82),
    ("items.standard", 0.75, 0.54),
];

/// Reply classes (issue 10 item 4): (class, floor of precision and of recall on the tuning
/// part, on the held-out part). Held-out classes have 6–17 replies, so one reply moves a
/// value by 0.06–0.17; the floors are what the reader reaches today.
const CLASS_FLOORS: &[(&str, f64, f64, f64, f64)] = &[
    // class, tune P, tune R, held-out P, held-out R
    // Reset on the grown corpus (c6 joined: 1,174 messages) after the eleventh round; see docs/accuracy.md.
    ("acknowledgement", 0.87, 0.91, 0.68, 0.91),
    ("auto-reply", 1.0, 1.0, 1.0, 1.0),
    ("confirmation", 0.93, 0.90, 0.93, 0.78),
    ("delay", 0.88, 1.0, 1.0, 0.86),
    ("delivery", 0.92, 0.82, 0.94, 0.76),
    ("dispute", 0.96, 0.96, 0.84, 0.78),
    ("escalation", 1.0, 0.93, 1.0, 1.0),
    ("nudge", 0.88, 0.96, 0.66, 0.85),
    ("partial-delivery", 0.85, 0.94, 0.83, 0.83),
    ("promise", 0.93, 0.91, 0.66, 0.85),
    ("question", 1.0, 0.92, 0.91, 1.0),
    ("sync", 1.0, 0.92, 1.0, 0.92),
];

/// Every span of every corpus message, read as an .eml, lies on character boundaries inside
/// the source, and each field's text is the source at its span.
#[test]
fn every_span_of_the_corpus_lies_in_its_source() {
    let opts = score::options();
    for part in ["tune", "heldout"] {
        for (name, raw, _) in score::messages(part) {
            let a = liaison_anatomy::Anatomy::parse_eml(&raw, &opts);
            let mut parts: Vec<&liaison_anatomy::Part> = Vec::new();
            for it in &a.items {
                parts.push(&it.what);
                parts.extend(it.owner.iter().chain(&it.due).chain(&it.standard));
            }
            if let Some(s) = &a.signature {
                parts.extend(
                    s.name
                        .iter()
                        .chain(&s.department)
                        .chain(&s.title)
                        .chain(&s.signoff)
                        .chain(&s.contact),
                );
            }
            for p in parts {
                let s = p.span;
                assert!(
                    s.start <= s.end
                        && s.end <= a.source.len()
                        && a.source.is_char_boundary(s.start)
                        && a.source.is_char_boundary(s.end),
                    "{part}/{name}: {s:?}"
                );
                assert_eq!(a.text(s), p.text, "{part}/{name}");
            }
        }
    }
}

/// `Anatomy::signature_start_plain` (the reply reader's way to find a signature without
/// reading the rest) finds the signature `Anatomy::parse_plain` finds, on the text of every
/// corpus message, whole and with its quoted part cut off as the reply reader cuts it.
#[test]
fn the_signature_alone_is_the_signature_of_the_whole_reading() {
    let opts = score::options();
    let mut with_signature = 0;
    for part in ["tune", "heldout"] {
        for (name, raw, _) in score::messages(part) {
            let m = liaison_mail::Message::parse(&raw);
            let head = match m.from_name.as_deref() {
                Some(n) if !n.trim().is_empty() => format!("From: {} <x@x>\n\n", n.trim()),
                _ => "From: x@x\n\n".to_string(),
            };
            let own = liaison_anatomy::strip_quoted(&m.body).text;
            for body in [m.body.as_str(), own.as_str()] {
                let draft = format!("{head}{body}\n");
                let whole = liaison_anatomy::Anatomy::parse_plain(draft.as_bytes(), &opts)
                    .signature
                    .map(|s| s.span.start);
                with_signature += usize::from(whole.is_some());
                assert_eq!(
                    liaison_anatomy::Anatomy::signature_start_plain(&draft, &opts),
                    whole,
                    "{part}/{name}"
                );
            }
        }
    }
    // Not a comparison of two nothings.
    assert!(with_signature > 1000, "only {with_signature} signatures");
}

/// Issue 10: no clean original of the tuning part gets a lint error (the lint reads the
/// draft with this crate, so a misread signature or item shows up as an error). The
/// held-out part is reported by the scorer, not asserted.
#[test]
fn no_clean_tuning_original_gets_a_lint_error() {
    let mut clean = 0;
    let mut flagged = Vec::new();
    for (name, raw, exp) in score::messages("tune") {
        if !exp.clean {
            continue;
        }
        clean += 1;
        let errors = score::lint_errors(&name, &raw);
        if !errors.is_empty() {
            flagged.push(format!("{name}: {}", errors.join(", ")));
        }
    }
    assert!(clean > 40, "only {clean} clean originals");
    assert!(flagged.is_empty(), "{}", flagged.join("\n"));
}

fn no_lint(_: &str, _: &[u8]) -> Vec<String> {
    Vec::new()
}

#[test]
fn every_message_reads_and_no_field_regresses() {
    for (part, col) in [("tune", 1), ("heldout", 2)] {
        let s = score::score(part, &no_lint);
        assert!(s.messages > 100, "{part}: only {} messages", s.messages);
        let mut low = Vec::new();
        for (field, tune, held) in FLOORS {
            let floor = if col == 1 { *tune } else { *held };
            let f1 = s.fields.get(field).map(|t| t.f1()).unwrap_or(0.0);
            if f1 < floor {
                low.push(format!("{field}: F1 {f1:.3} < {floor}"));
            }
        }
        let classes = s.classes();
        for (class, tp, tr, hp, hr) in CLASS_FLOORS {
            let (fp, fr) = if col == 1 { (*tp, *tr) } else { (*hp, *hr) };
            let t = classes.get(*class).copied().unwrap_or_default();
            if t.precision() < fp || t.recall() < fr {
                low.push(format!(
                    "reply class {class}: precision {:.3} (floor {fp}), recall {:.3} (floor {fr})",
                    t.precision(),
                    t.recall()
                ));
            }
        }
        let by_position = score::score_with(part, &no_lint, score::Align::Position);
        for (field, tune, held) in POSITION_FLOORS {
            let floor = if col == 1 { *tune } else { *held };
            let f1 = by_position.fields.get(field).map(|t| t.f1()).unwrap_or(0.0);
            if f1 < floor {
                low.push(format!(
                    "{field} (aligned by position): F1 {f1:.3} < {floor}"
                ));
            }
        }
        assert!(low.is_empty(), "{part}: {}", low.join("; "));
    }
}

/// The committed reply class model (`src/reply/model.txt`) is exactly what its generator
/// (`examples/train_reply_model.rs`) writes from the tuning part: training is deterministic
/// and the file is not edited by hand.
#[test]
fn the_committed_reply_model_is_regenerated_from_the_tuning_part() {
    use liaison_anatomy::reply::{self, ReplyClass, model};
    let opts = score::options();
    let threads = score::threads();
    let mut data = Vec::new();
    for (_, raw, exp) in score::messages("tune") {
        let Some(class) = exp
            .reply
            .as_ref()
            .and_then(|r| r.class.as_deref())
            .and_then(ReplyClass::parse)
        else {
            continue;
        };
        if exp.kind != "reply" || !model::CLASSES.contains(&class) {
            continue;
        }
        let m = liaison_mail::Message::parse(&raw);
        if let Some(input) = reply::model_input(&m, &opts, score::writer(&m, &exp, &threads)) {
            data.push((input.features, class));
        }
    }
    assert!(data.len() > 80, "{} training replies", data.len());
    let trained = model::Model::train(&data, model::MIN_DOCS, model::L2, model::RATE, model::STEPS);
    let committed = include_str!("../src/reply/model.txt");
    assert!(
        trained.to_text() == committed,
        "src/reply/model.txt is stale: cargo run -p liaison-anatomy --example train_reply_model -- --write"
    );
}

/// The scorer's alignment (`score::align_items`): an extra read item in the middle leaves
/// the items after it paired with their own expectations, order is kept, and a pair with a
/// dissimilar `what` is no pair; by position the extra item shifts the rest.
#[test]
fn items_are_aligned_by_what_in_order() {
    use score::{Align, ExpItem, align_items};
    let item = |w: &str| ExpItem {
        what: Some(w.to_string()),
        ..ExpItem::default()
    };
    let exp = [
        item("提供报价单"),
        item("确认交期"),
        item("send the signed NDA"),
    ];
    let got = [
        item("提供报价单"),
        item("直播场次：12月12日-1月20日"),
        item("确认交期"),
        item("send the NDA"),
    ];
    assert_eq!(
        align_items(&exp, &got, Align::Best),
        [
            (Some(0), Some(0)),
            (None, Some(1)),
            (Some(1), Some(2)),
            (Some(2), Some(3))
        ]
    );
    assert_eq!(
        align_items(&exp, &got, Align::Position),
        [
            (Some(0), Some(0)),
            (Some(1), Some(1)),
            (Some(2), Some(2)),
            (None, Some(3))
        ]
    );
    // Nothing alike: no pair, each side counted on its own.
    assert_eq!(
        align_items(&[item("完成付款")], &[item("回我")], Align::Best),
        [(Some(0), None), (None, Some(0))]
    );
    // A what read too long is still the same item.
    assert!(score::what_similarity("完成付款", "麻烦财务部在12月22日前完成付款") >= 0.5);
}
