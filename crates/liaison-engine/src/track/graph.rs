//! Threads as connected sets of messages.
//!
//! A message is linked to every message that owns one of its **strong** lookup keys
//! (In-Reply-To, References, a shared Message-ID, Outlook's conversation). A message none
//! of whose references (In-Reply-To, References) is present is *unplaced*; unplaced
//! messages are also linked to each other by their **weak** keys (the 【类型】项目 topic
//! with a participant) — so an Outlook reply that lost its references still finds its
//! thread, while a message that names its parent is never pulled elsewhere by its subject.
//! A thread is a connected set under these links. The links depend only on which messages
//! are present, never on the order they arrived in, so neither do threads.

use liaison_store::MessageRow;
use std::borrow::Borrow;
use std::collections::HashMap;

/// Splits `rows` into threads: each inner vector holds indices into `rows`, ascending;
/// threads are ordered by their first index.
pub fn components<R: std::borrow::Borrow<MessageRow>>(rows: &[R]) -> Vec<Vec<usize>> {
    let rows: Vec<&MessageRow> = rows.iter().map(Borrow::borrow).collect();
    let mut owners: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        for k in &r.keys.own {
            owners.entry(k.as_str()).or_default().push(i);
        }
    }
    let mut uf = UnionFind::new(rows.len());
    let mut unplaced = vec![true; rows.len()];
    for (i, r) in rows.iter().enumerate() {
        for k in &r.keys.strong {
            // Its own Message-ID or conversation links copies of the same mail and the
            // same Outlook conversation, but is not a reference to a parent.
            let reference = !r.keys.own.contains(k);
            for &j in owners.get(k.as_str()).into_iter().flatten() {
                if j != i {
                    uf.union(i, j);
                    if reference {
                        unplaced[i] = false;
                    }
                }
            }
        }
    }
    for (i, r) in rows.iter().enumerate() {
        if !unplaced[i] {
            continue;
        }
        for k in &r.keys.weak {
            for &j in owners.get(k.as_str()).into_iter().flatten() {
                if j != i && unplaced[j] {
                    uf.union(i, j);
                }
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..rows.len() {
        by_root.entry(uf.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    out.sort_by_key(|c| c[0]);
    out
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller root wins, so the result does not depend on the call order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use liaison_store::MessageKeys;

    fn row(sha: &str, own: &[&str], strong: &[&str], weak: &[&str]) -> MessageRow {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect();
        MessageRow {
            sha256: sha.into(),
            seq: 0,
            message_id: None,
            date: None,
            opener: false,
            thread: String::new(),
            collaboration: None,
            keys: MessageKeys {
                own: v(own),
                strong: v(strong),
                weak: v(weak),
            },
        }
    }

    #[test]
    fn strong_links_win_over_subject() {
        let rows = vec![
            row("a", &["mid:a", "subj:t|x"], &["mid:a"], &["subj:t|x"]),
            row("b", &["mid:b", "subj:u|y"], &["mid:b"], &["subj:u|y"]),
            // Replies to b, and shares a's subject key: the reference decides.
            row(
                "c",
                &["mid:c", "subj:t|x"],
                &["mid:b", "mid:c"],
                &["subj:t|x"],
            ),
        ];
        assert_eq!(components(&rows), vec![vec![0], vec![1, 2]]);
        // Without b, c falls back to the subject and joins a.
        let rows2 = vec![rows[0].clone(), rows[2].clone()];
        assert_eq!(components(&rows2), vec![vec![0, 1]]);
    }

    #[test]
    fn copies_of_the_opening_mail_still_take_subject_replies() {
        // The Sent copy and the received copy share a Message-ID; a reply that lost its
        // references joins them by subject.
        let o1 = row("o1", &["mid:o", "subj:t|x"], &["mid:o"], &["subj:t|x"]);
        let o2 = row("o2", &["mid:o", "subj:t|x"], &["mid:o"], &["subj:t|x"]);
        let r = row("r", &["mid:r", "subj:t|x"], &["mid:r"], &["subj:t|x"]);
        assert_eq!(components(&[o1, o2, r]), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_reply_found_first_still_joins_its_parent() {
        let parent = row("p", &["mid:p"], &["mid:p"], &[]);
        let reply = row("r", &["mid:r"], &["mid:p", "mid:r"], &[]);
        assert_eq!(
            components(&[reply.clone(), parent.clone()]),
            vec![vec![0, 1]]
        );
        assert_eq!(components(&[parent, reply]), vec![vec![0, 1]]);
    }
}
