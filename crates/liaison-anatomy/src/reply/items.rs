//! Which of the thread's items a reply is about: by number (`第2项`, `第三項`, `第（4）项`,
//! `第2、3项`, `需求2`, `item 2`, `items 2 and 3`, `item b)`, `item c`), by its "what" (the words of
//! the item found in the reply), or by its owner (the reply names the owner's department or
//! name, or the writer owns it).

use super::ItemRef;
use super::cues::normalize;
use liaison_model::is_han;
use std::collections::BTreeSet;

/// How the items were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The reply names them by number (also by their count: `both`, `两项都`).
    Number,
    /// The reply uses the items' own words.
    What,
    /// The reply names their owner.
    Owner,
    /// The reply names none; these are the writer's own items.
    Writer,
    /// The thread has only this item.
    Only,
}

/// The items (1-based numbers) `text` (normalized) is about, and how they were found.
pub fn about(text: &str, items: &[ItemRef], writer: &[String]) -> Option<(Vec<usize>, Found)> {
    if items.is_empty() {
        return None;
    }
    let n = items.len();
    let numbers: Vec<usize> = numbers(text)
        .into_iter()
        .filter(|&k| k >= 1 && k <= n)
        .collect();
    if !numbers.is_empty() {
        return Some((numbers, Found::Number));
    }
    if names_all(text, n) {
        return Some(((1..=n).collect(), Found::Number));
    }
    let by_what = by_what(text, items);
    if !by_what.is_empty() {
        return Some((by_what, Found::What));
    }
    let by_owner = by_owner(text, items);
    if !by_owner.is_empty() && by_owner.len() < n {
        return Some((by_owner, Found::Owner));
    }
    let mine: Vec<usize> = (1..=n)
        .filter(|&k| {
            items[k - 1].owner.as_deref().is_some_and(|o| {
                let o = normalize(o);
                writer
                    .iter()
                    .any(|w| w.chars().count() >= 2 && o.contains(&normalize(w)))
            })
        })
        .collect();
    if !mine.is_empty() {
        return Some((mine, Found::Writer));
    }
    (n == 1).then(|| (vec![1], Found::Only))
}

/// The reply counts the items as a whole (`both files`, `两项都`, `all three`, `三样`),
/// when the thread has exactly that many.
fn names_all(text: &str, n: usize) -> bool {
    let word = |w: &str| {
        text.match_indices(w).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
    };
    match n {
        2 => {
            word("both")
                || ["两项", "两件", "两样", "两者", "二者"]
                    .iter()
                    .any(|w| text.contains(w))
        }
        3 => word("all three") || ["三项", "三件", "三样"].iter().any(|w| text.contains(w)),
        _ => false,
    }
}

fn cn_digit(c: char) -> Option<usize> {
    "零一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .or_else(|| (c == '两').then_some(2))
}

/// A number at the start of `s`: ASCII digits, a Chinese numeral up to 十九, or a letter
/// followed by `)` (`b)` is 2). Returns (value, bytes used).
fn number_at(s: &str, letters: bool) -> Option<(usize, usize)> {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok().map(|v| (v, digits.len()));
    }
    let mut it = s.chars();
    let c = it.next()?;
    if let Some(v) = cn_digit(c) {
        if v == 10 {
            if let Some(u) = it.next().and_then(cn_digit).filter(|u| (1..10).contains(u)) {
                return Some((10 + u, c.len_utf8() * 2));
            }
            return Some((10, c.len_utf8()));
        }
        return (v > 0).then_some((v, c.len_utf8()));
    }
    let letter = || Some(((c as u8 - b'a') as usize + 1, 1));
    let next = it.next();
    if letters && c.is_ascii_lowercase() && next == Some(')') {
        return letter();
    }
    // A lettered item named as a word of its own (`regarding item c, …`); not `a` nor `i`,
    // which after `item` are as often a word (`the item a customer returned`, `the item I
    // sent`).
    if letters && ('b'..='h').contains(&c) && !next.is_some_and(|n| n.is_ascii_alphanumeric()) {
        return letter();
    }
    None
}

/// A list of numbers at the start of `s`, joined by `、` `,` `和` `及` `与` `and` `&`, or a
/// range `1-3`. Returns the numbers and the bytes used.
fn number_list(s: &str, letters: bool) -> (Vec<usize>, usize) {
    let mut out: Vec<usize> = Vec::new();
    let mut pos = 0;
    let mut range = false;
    let mut last_end = 0;
    loop {
        let rest = &s[pos..];
        let (skip, inner) = match rest.strip_prefix(['（', '(']) {
            Some(r) => (rest.len() - r.len(), r),
            None => (0, rest),
        };
        let Some((v, used)) = number_at(inner, letters) else {
            break;
        };
        let mut end = pos + skip + used;
        if skip > 0 {
            let after = &s[end..];
            match after.strip_prefix(['）', ')']) {
                Some(r) => end += after.len() - r.len(),
                None => break,
            }
        }
        match out.last().copied() {
            Some(last) if range && v > last && v - last < 10 => out.extend(last + 1..=v),
            _ => out.push(v),
        }
        pos = end;
        last_end = end;
        let rest = &s[pos..];
        let trimmed = rest.trim_start();
        let sep = [
            "、", ",", "，", "和", "及", "与", "and", "&", "-", "–", "or",
        ]
        .iter()
        .find(|sep| trimmed.starts_with(**sep));
        let Some(sep) = sep else {
            break;
        };
        range = matches!(*sep, "-" | "–");
        pos += rest.len() - trimmed.len() + sep.len();
        pos += s[pos..].len() - s[pos..].trim_start().len();
    }
    (out, last_end)
}

/// Item numbers named in `text` (normalized).
pub fn numbers(text: &str) -> Vec<usize> {
    let mut out: BTreeSet<usize> = BTreeSet::new();
    for (i, _) in text.match_indices('第') {
        let rest = &text[i + '第'.len_utf8()..];
        let (list, used) = number_list(rest, false);
        let after = rest[used..].trim_start();
        if !list.is_empty() && (after.starts_with('项') || after.starts_with('条')) {
            out.extend(list);
        }
    }
    for lead in ["需求", "事项"] {
        for (i, _) in text.match_indices(lead) {
            let rest = &text[i + lead.len()..];
            let (list, _) = number_list(rest, false);
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                out.extend(list);
            }
        }
    }
    for (i, _) in text.match_indices("item") {
        if text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let mut rest = &text[i + 4..];
        rest = rest.strip_prefix('s').unwrap_or(rest);
        let rest = rest.trim_start_matches([' ', '#']);
        let (list, _) = number_list(rest, true);
        out.extend(list);
    }
    out.into_iter().collect()
}

const STOP_BIGRAMS: &[&str] = &[
    "完成", "确认", "提供", "负责", "提交", "需要", "是否", "进行", "相关", "以及", "我们", "你们",
    "如果", "之前", "以上", "方案", "问题", "工作", "安排", "情况", "时间", "准备", "一下", "这个",
    // When and how a thing is sent, not what it is: a reply says them about anything.
    "上午", "下午", "今天", "明天", "本周", "下周", "附件", "见附",
];

/// Structural particles: they join words and are not part of one.
const PARTICLES: &str = "的了和与及或并把";

const STOP_WORDS: &[&str] = &[
    "with", "from", "that", "this", "their", "they", "them", "have", "will", "your", "ours",
    "what", "when", "which", "into", "send", "sent", "provide", "confirm", "final", "items",
    "item", "please", "share", "both", "each", "also", "only", "before", "after", "plus", "more",
];

/// When and how a thing is sent, not what it is (as the time bigrams of [`STOP_BIGRAMS`]).
const WHEN_WORDS: &[&str] = &[
    "today",
    "tomorrow",
    "week",
    "attached",
    "attachment",
    "over",
];

/// The words of an item's "what": Han bigrams and English words of four letters or more.
fn keywords(what: &str) -> BTreeSet<String> {
    let w = normalize(what);
    let mut out = BTreeSet::new();
    let chars: Vec<char> = w.chars().collect();
    for pair in chars.windows(2) {
        // A pair that spans a structural particle (`的排` in `PCB的排程`, `和用` in `公告和用户`)
        // is not a word of the item: it would only match by chance, and it dilutes the
        // item's real words.
        if is_han(pair[0]) && is_han(pair[1]) && !pair.iter().any(|c| PARTICLES.contains(*c)) {
            let b: String = pair.iter().collect();
            if !STOP_BIGRAMS.contains(&b.as_str()) {
                out.insert(b);
            }
        }
    }
    for word in w.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.len() >= 4
            && !STOP_WORDS.contains(&word)
            && !WHEN_WORDS.contains(&word)
            && !word.chars().all(|c| c.is_ascii_digit())
        {
            // The singular is found in both `photo` and `photos`, the plural only in one.
            let stem = match word.strip_suffix('s') {
                Some(st) if st.len() >= 4 && !st.ends_with('s') => st,
                _ => word,
            };
            out.insert(stem.to_string());
        }
    }
    for word in w.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.')) {
        // Codes such as `v2.1`, `8d`, `rfo`: short but telling.
        if (2..4).contains(&word.len())
            && word.chars().any(|c| c.is_ascii_alphabetic())
            && word.chars().all(|c| c.is_ascii_alphanumeric())
            && word
                .chars()
                .any(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        {
            out.insert(word.to_string());
        }
    }
    out
}

/// Items whose own words the reply uses: a word counts when it belongs to at most half of
/// the items; an item is named when two of its words, or half of them, are found.
fn by_what(text: &str, items: &[ItemRef]) -> Vec<usize> {
    let telling = telling_words(items);
    let mut scored: Vec<(usize, usize, usize)> = Vec::new();
    for (k, useful) in telling.iter().enumerate() {
        if useful.is_empty() {
            continue;
        }
        let hit = useful.iter().filter(|w| text.contains(w.as_str())).count();
        scored.push((k + 1, hit, useful.len()));
    }
    let strong: Vec<usize> = scored
        .iter()
        .filter(|&&(_, hit, all)| hit >= 2 || (hit >= 1 && all <= 2))
        .map(|&(k, _, _)| k)
        .collect();
    if !strong.is_empty() {
        return strong;
    }
    // Else the one item that shares a word with the reply, if only one does.
    let weak: Vec<usize> = scored
        .iter()
        .filter(|&&(_, hit, _)| hit >= 1)
        .map(|&(k, _, _)| k)
        .collect();
    if weak.len() == 1 { weak } else { Vec::new() }
}

/// For each item, the words of its what that tell it from the others: its
/// [`keywords`] that at most half of the items share (all of them when there is one item).
///
/// Kept per list of items, by their whats: a reply is pointed at the same items sentence by
/// sentence, and the replies of a thread (each replay of it) at the same items again, so
/// computing these every time was most of the cost of pointing replies at items.
fn telling_words(items: &[ItemRef]) -> std::rc::Rc<Vec<Vec<String>>> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;
    /// Item lists kept per thread (a page of ingest touches a few hundred threads).
    const KEPT: usize = 512;
    /// For each item, its telling words.
    type Telling = Rc<Vec<Vec<String>>>;
    thread_local! {
        static KNOWN: RefCell<HashMap<Vec<String>, Telling>> = RefCell::new(HashMap::new());
    }
    let key: Vec<String> = items.iter().map(|i| i.what.clone()).collect();
    if let Some(t) = KNOWN.with(|k| k.borrow().get(&key).cloned()) {
        return t;
    }
    let kws: Vec<BTreeSet<String>> = items.iter().map(|i| keywords(&i.what)).collect();
    let n = items.len();
    let telling: Rc<Vec<Vec<String>>> = Rc::new(
        kws.iter()
            .map(|set| {
                set.iter()
                    .filter(|w| n == 1 || kws.iter().filter(|s| s.contains(*w)).count() * 2 <= n)
                    .cloned()
                    .collect()
            })
            .collect(),
    );
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= KEPT {
            k.clear();
        }
        k.insert(key, telling.clone());
    });
    telling
}

/// Items whose owner (a department or a person, as written) the reply names.
fn by_owner(text: &str, items: &[ItemRef]) -> Vec<usize> {
    let mut out = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let Some(owner) = it.owner.as_deref() else {
            continue;
        };
        let owner = normalize(owner);
        let named = owner
            .split(['（', '）', '(', ')', '/', '、', ',', '，', ' '])
            .flat_map(owner_parts)
            .filter(|p| p.chars().count() >= 2 && p.chars().all(is_han))
            .any(|p| text.contains(p.as_str()));
        if named {
            out.push(k + 1);
        }
    }
    out
}

/// The ways a reply names an owner written as one word: itself, without a trailing
/// `这边`/`那边`/`方面` (`物流这边` → `物流`), and a department and a person written
/// together split apart (`市场部白露` → `市场部`, `白露`).
fn owner_parts(part: &str) -> Vec<String> {
    let mut p = part.trim();
    for tail in ["这边", "那边", "方面", "负责"] {
        p = p.strip_suffix(tail).unwrap_or(p);
    }
    let mut out = vec![p.to_string()];
    for unit in ["部", "组", "室", "中心", "团队"] {
        if let Some(k) = p.find(unit) {
            let (dept, person) = p.split_at(k + unit.len());
            if person.chars().count() >= 2 && dept.chars().count() >= 2 {
                out.push(dept.to_string());
                out.push(person.to_string());
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(what: &str, owner: Option<&str>) -> ItemRef {
        ItemRef {
            what: what.into(),
            owner: owner.map(str::to_string),
            due: None,
        }
    }

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(numbers("第2项我这边负责"), vec![2]);
        assert_eq!(numbers("第2、3项下周给"), vec![2, 3]);
        assert_eq!(numbers("关于第（4）项"), vec![4]);
        assert_eq!(numbers("第三项的报关"), vec![3]);
        assert_eq!(numbers("第十二条"), vec![12]);
        assert_eq!(numbers("需求2收到"), vec![2]);
        assert_eq!(numbers("regarding item 2, the file"), vec![2]);
        assert_eq!(numbers("items 2 and 3 are done"), vec![2, 3]);
        assert_eq!(numbers("items 1-3 follow"), vec![1, 2, 3]);
        assert_eq!(numbers("i'm escalating item a) of the plan"), vec![1]);
        assert_eq!(numbers("on item c, we cannot share the passports"), vec![3]);
        assert_eq!(numbers("items b and d are late"), vec![2, 4]);
        assert!(numbers("the item a supplier sent back").is_empty());
        assert!(numbers("the item came back").is_empty());
        assert!(numbers("the item i sent on monday").is_empty());
        assert!(numbers("第6、7天的题目").is_empty());
        assert!(numbers("the items we need").is_empty());
    }

    #[test]
    fn by_what_owner_and_writer() {
        let items = vec![
            item("导出会员积分明细表", Some("数据组（周平）")),
            item("设计兑换页视觉稿", Some("设计部（何敏）")),
            item("Review the shipping labels", None),
        ];
        let t = normalize("积分明细表周五前导出给你");
        assert_eq!(about(&t, &items, &[]), Some((vec![1], Found::What)));
        let t = normalize("何敏那边没问题，周三给");
        assert_eq!(about(&t, &items, &[]), Some((vec![2], Found::Owner)));
        let t = normalize("all fine on our side");
        assert_eq!(about(&t, &items, &[]), None);
        let t = normalize("the shipping labels are reviewed");
        assert_eq!(about(&t, &items, &[]), Some((vec![3], Found::What)));
        let t = normalize("好的，周五前给");
        assert_eq!(
            about(&t, &items, &["何敏".to_string()]),
            Some((vec![2], Found::Writer))
        );
        assert_eq!(about(&t, &items[..1], &[]), Some((vec![1], Found::Only)));
        assert_eq!(about(&normalize("第5项"), &items, &[]), None);
    }

    #[test]
    fn both_and_all_three_name_every_item() {
        let two = vec![item("报价单", None), item("样品照片", None)];
        let t = normalize("you'll have both files by friday.");
        assert_eq!(about(&t, &two, &[]), Some((vec![1, 2], Found::Number)));
        let t = normalize("两项都没问题，周五前给。");
        assert_eq!(about(&t, &two, &[]), Some((vec![1, 2], Found::Number)));
        // A count that is not the thread's.
        let three = vec![item("a", None), item("b", None), item("c", None)];
        assert_eq!(about(&normalize("两项都没问题"), &three, &[]), None);
        assert_eq!(
            about(&normalize("all three are on track"), &three, &[]),
            Some((vec![1, 2, 3], Found::Number))
        );
        assert_eq!(about(&normalize("bothersome"), &two, &[]), None);
    }

    #[test]
    fn item_words_are_words() {
        let k = keywords("重工500件外壳的排期");
        assert!(k.contains("排期") && k.contains("外壳"), "{k:?}");
        assert!(!k.contains("的排") && !k.contains("壳的"), "{k:?}");
        // A plural is matched by its singular, so both forms in a reply find it.
        let k = keywords("Label photos for the pallets");
        assert!(k.contains("photo") && k.contains("pallet") && k.contains("label"));
        assert!(!k.contains("photos"));
        // When and how it is sent is not what it is.
        let k = keywords("明天上午附件发送会议纪要");
        assert!(!k.contains("明天") && !k.contains("上午") && !k.contains("附件"));
        assert!(k.contains("纪要"));
        assert!(!keywords("minutes attached today").contains("today"));
        let items = vec![
            item("Label photos for the pallets", None),
            item("Packing list", None),
        ];
        let t = normalize("here is the photo of one pallet label");
        assert_eq!(about(&t, &items, &[]), Some((vec![1], Found::What)));
        // Meeting minutes and a venue: `下午` in the reply does not name the venue.
        let items = vec![item("会议纪要", None), item("下午的场地", None)];
        let t = normalize("会议纪要下午发你");
        assert_eq!(about(&t, &items, &[]), Some((vec![1], Found::What)));
    }

    #[test]
    fn owners_written_as_one_word() {
        let items = vec![
            item("核对库存差异", Some("仓储这边")),
            item("门店海报", Some("市场部林青")),
            item("线上横幅", Some("市场部林青")),
            item("价签", Some("商品部")),
        ];
        let t = normalize("这个不是仓储的问题，是系统同步晚了。");
        assert_eq!(about(&t, &items, &[]), Some((vec![1], Found::Owner)));
        let t = normalize("林青，两样我都看过了，按这版下印。");
        assert_eq!(about(&t, &items, &[]), Some((vec![2, 3], Found::Owner)));
        assert_eq!(
            owner_parts("市场部林青"),
            vec!["市场部林青", "市场部", "林青"]
        );
        assert_eq!(owner_parts("商品部"), vec!["商品部"]);
    }
}
