//! Body analysis: greeting, opening, sections, items, attachments, closing, signature.

use super::words::{Found, WordSet, search_lower};
use super::{
    Anatomy, AttachmentRef, Greeting, GreetingKind, Item, Line, ParseOptions, Part, Section,
};
use liaison_model::is_han;
use std::sync::LazyLock;

mod background;
mod closing;
mod opening;

/// The part of the body a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sec {
    None,
    Background,
    Problem,
    Items,
    Attachments,
    Closing,
    Other,
    /// A single labelled line setting a deadline (截止时间：…).
    DeadlineLabel,
}

/// What a line turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Blank,
    Greeting,
    Opening,
    Heading,
    Item,
    AttachmentLine,
    Background,
    Deadline,
    Free,
    Signature,
}

pub(super) fn analyse(a: &mut Anatomy, lines: &[Line], opts: &ParseOptions, reply: bool) {
    let n = lines.len();
    let mut roles = vec![Role::Blank; n];
    let Some(first) = lines.iter().position(|l| !l.blank) else {
        return;
    };
    let end = super::signature::detect(a, lines, first, n, opts).start;
    // One copy of the source to read lines from while `a` is being filled in.
    let src_copy = a.source.clone();
    let src = src_copy.as_str();
    for r in roles.iter_mut().take(n).skip(end) {
        *r = Role::Signature;
    }
    for (i, l) in lines.iter().enumerate() {
        if l.blank {
            roles[i] = Role::Blank;
        }
    }

    // Greeting.
    let mut cursor = first;
    let mut opening_from: Option<usize> = None; // byte offset where the opening starts
    if first < end {
        let l = lines[first];
        let t = &src[l.start..l.end];
        let found = greeting(t).or_else(|| {
            a.to.iter()
                .chain(&a.cc)
                .filter_map(|r| r.name.as_deref())
                .find_map(|n| recipient_vocative(t, n))
                .map(|e| (e, GreetingKind::Personal, 1))
        });
        if let Some((g_end, kind, names)) = found {
            let g_end_abs = l.start + g_end;
            roles[first] = Role::Greeting;
            cursor = first + 1;
            // 各位同事：\n大家好！
            if g_end == t.len()
                && cursor < end
                && !lines[cursor].blank
                && let Some((g2, _, _)) =
                    greeting(&a.source[lines[cursor].start..lines[cursor].end])
                && g2 == lines[cursor].end - lines[cursor].start
                && lines[cursor].end - lines[cursor].start <= 18
            {
                // A second salutation line (`大家好！`) is neither greeting nor opening.
                roles[cursor] = Role::Greeting;
                cursor += 1;
            }
            let rest = a.source[g_end_abs..l.end.max(g_end_abs)].trim();
            if g_end_abs < l.end && !rest.is_empty() {
                let lead = a.source[g_end_abs..l.end].len()
                    - a.source[g_end_abs..l.end].trim_start().len();
                opening_from = Some(g_end_abs + lead);
                roles[first] = Role::Opening;
                cursor = first + 1;
            }
            let span = a.span(l.start, g_end_abs);
            let text = a.source[span.start..span.end].trim().to_string();
            a.greeting = Some(Greeting {
                text,
                span,
                kind,
                names,
            });
        }
    }

    // Opening: the rest of the greeting line and/or the next block, up to a heading or list.
    cursor = opening::read(a, lines, &mut roles, cursor, end, opening_from);

    // Main pass. An opening that announces a status list (`进展如下：`) makes the list that
    // follows information, not items.
    // A result report's opening that announces its results (`Summary:`) opens a situation
    // part (corpus A3).
    let results = a.kind() == Some(liaison_model::Kind::Result);
    let mut sec = match &a.opening {
        Some(o) if introduces_status(&o.text) => Sec::Items,
        Some(o) if results && background::announces_results(&o.text) => Sec::Background,
        _ => Sec::None,
    };
    let mut sec_enumerated = false; // an enumerated line seen in the current Items/Attachments
    let mut cur_item: Option<usize> = None;
    let mut item_indent = 0usize;
    let mut prev_blank = false;
    let mut table_header: Option<Vec<String>> = None;
    let mut cur_section: Option<(Sec, usize)> = None; // (kind, index into background/problem)
    if sec == Sec::Background
        && let Some(o) = &a.opening
    {
        let span = a.span(o.span.end, o.span.end);
        a.background.push(Section {
            heading: None,
            text: String::new(),
            span,
            sentences: 0,
        });
        cur_section = Some((Sec::Background, a.background.len() - 1));
    }
    let mut inline_label = false;
    let mut has_items_heading = false;
    let mut skip_until = 0;
    // The list being read was announced as a status (`进展如下：`).
    let mut status_list = matches!(&a.opening, Some(o) if introduces_status(&o.text));
    // The part each item was found in (filled in as items are pushed).
    let mut item_secs: Vec<Sec> = Vec::new();
    for i in cursor..end {
        item_secs.resize(a.items.len(), sec);
        if i < skip_until {
            continue;
        }
        let l = lines[i];
        // Outlook's text part: a table written one cell per paragraph.
        if !l.blank
            && matches!(sec, Sec::None | Sec::Items | Sec::Other)
            && lines.get(i + 1).is_some_and(|n| n.blank)
            && src[l.start..l.end].len() <= 72
            && (is_header_cell(&src[l.start..l.end])
                || lines
                    .get(i + 2)
                    .is_some_and(|n| !n.blank && is_header_cell(&src[n.start..n.end])))
            // A table starts at its first header cell, not at the second one after the
            // whole table was not read as one.
            && !(i >= 2
                && lines[i - 1].blank
                && !lines[i - 2].blank
                && is_header_cell(&src[lines[i - 2].start..lines[i - 2].end]))
            && let Some((header, rows, next)) = cell_table(src, lines, i, end)
        {
            for r in roles.iter_mut().take(header.1).skip(header.0) {
                *r = Role::Heading;
            }
            let names: Vec<String> = (header.0..header.1)
                .filter(|&r| !lines[r].blank)
                .map(|r| src[lines[r].start..lines[r].end].to_string())
                .collect();
            for row in rows {
                let (first, last) = (row[0], row[row.len() - 1]);
                let idx = push_item(
                    a,
                    lines[first].start,
                    lines[first].end,
                    "|",
                    lines[first].start,
                    opts,
                    None,
                );
                let cs: Vec<(usize, usize)> = row
                    .iter()
                    .map(|&r| (lines[r].start, lines[r].end))
                    .collect();
                let mut item = a.items[idx].clone();
                item.span = a.span(lines[first].start, lines[last].end);
                fill_from_columns(a, &mut item, &cs, &names);
                a.items[idx] = item;
                for r in first..=last {
                    if !lines[r].blank {
                        roles[r] = Role::Item;
                    }
                }
            }
            sec_enumerated = true;
            cur_item = None;
            prev_blank = true;
            skip_until = next;
            continue;
        }
        if l.blank {
            prev_blank = true;
            if inline_label {
                sec = Sec::None;
                inline_label = false;
                cur_section = None;
            }
            table_header = None;
            continue;
        }
        let t = &src[l.start..l.end];
        let block_start = prev_blank;
        prev_blank = false;

        // Tables.
        if table_row(t) {
            if is_table_separator(t) {
                roles[i] = Role::Heading;
                continue;
            }
            let next_is_sep = lines
                .get(i + 1)
                .map(|n| !n.blank && is_table_separator(&a.source[n.start..n.end]))
                .unwrap_or(false);
            // A tab-separated table's first row is its header.
            let tab_first = table_header.is_none() && !t.trim_start().starts_with('|');
            if next_is_sep || table_header.is_none() && looks_like_table_header(t) || tab_first {
                table_header = Some(
                    cells(t)
                        .into_iter()
                        .map(|(s, e)| t[s..e].to_string())
                        .collect(),
                );
                roles[i] = Role::Heading;
                continue;
            }
            // A table of figures (no task, owner or date column) is information; so is a
            // row that names a department or person and otherwise holds only figures
            // (`| 设备部 | 14 | 9 | 5 |` under `| 部门 | 应交人数 | 已交 | 未交 |`): it says
            // where things stand, not what is to be done.
            let actionable = table_header.as_ref().is_none_or(|h| {
                h.iter().any(|c| {
                    matches!(
                        column_kind(c),
                        Col::What | Col::Person | Col::Dept | Col::Due
                    )
                }) && !figure_row(t, h)
                    && !done_row(t, h)
            });
            if matches!(sec, Sec::None | Sec::Items) && actionable {
                let idx = push_item(
                    a,
                    l.start,
                    l.end,
                    "|",
                    l.start,
                    opts,
                    Some((t, table_header.as_deref())),
                );
                cur_item = Some(idx);
                item_indent = l.indent;
                roles[i] = Role::Item;
                sec_enumerated = true;
            } else {
                roles[i] = role_for_content(sec);
                add_section_text(a, &mut cur_section, sec, l.start, l.end);
            }
            continue;
        }

        // Headings and labels.
        if strong_item_marker(t).is_none()
            && let Some((kind, content)) = heading(t)
            // `- Impact: the pilot run is blocked` inside a problem description: a listed
            // line with a label of its own goes on describing it.
            && !(matches!(sec, Sec::Background | Sec::Problem)
                && kind == Sec::Other
                && content.is_some()
                && !block_start
                && list_marker(t).is_some())
        {
            // `1. 提供价卡设计稿 ⏎   截止：12月18日前`: a deadline label indented under an
            // item is that item's field, like its indented `负责单位：` line (a label
            // at the list's own indent after it states a due for the whole list).
            if kind == Sec::DeadlineLabel
                && content.is_some()
                && !block_start
                && let Some(ci) = cur_item
                && l.indent > item_indent
            {
                extend_item(a, ci, l.end);
                roles[i] = Role::Item;
                continue;
            }
            // The same unindented, when the item's fields take a line each (`1. 提供设计稿 ⏎
            // 负责单位：行销部 ⏎ 完成时间：12/18前 ⏎ 验收标准：…`): a field line next to
            // another field line belongs to the item above them. (A single `截止：…` line
            // right after a list may state the whole list's due, and stays a deadline line.)
            let field_block = |j: usize| {
                lines
                    .get(j)
                    .is_some_and(|n| !n.blank && super::items::field_line(&src[n.start..n.end]))
            };
            if !block_start
                && let Some(ci) = cur_item
                && super::items::field_line(t)
                && (l.indent > item_indent || field_block(i - 1) || field_block(i + 1))
                // `2. 事項：…` at the list's own indent is the next item, not a field.
                && (l.indent > item_indent || list_marker(t).is_none())
            {
                extend_item(a, ci, l.end);
                roles[i] = Role::Item;
                continue;
            }
            // `一、提供价卡设计稿` followed by its field lines is an item, not a part heading.
            if kind == Sec::Other
                && content.is_none()
                && let Some((mlen, _)) = cn_numeral_marker(t.trim_start())
                && field_block(i + 1)
                && matches!(sec, Sec::None | Sec::Items | Sec::Other)
            {
                let ms = l.start + (t.len() - t.trim_start().len());
                let idx = push_item(
                    a,
                    ms + mlen,
                    l.end,
                    &src[ms..ms + mlen],
                    l.start,
                    opts,
                    None,
                );
                cur_item = Some(idx);
                item_indent = l.indent;
                roles[i] = Role::Item;
                sec = Sec::Items;
                sec_enumerated = true;
                continue;
            }
            cur_item = None;
            if kind == Sec::DeadlineLabel {
                roles[i] = Role::Deadline;
                a.deadline_lines.push(a.part(l.start, l.end));
                continue;
            }
            sec = kind;
            status_list = false;
            sec_enumerated = false;
            inline_label = content.is_some();
            // A list line labelled inline (`2. 事項：海報印製；…`) is one item, not a heading
            // that names the mail's items.
            if kind == Sec::Items && !(content.is_some() && list_marker(t).is_some()) {
                has_items_heading = true;
            }
            // `风险：…` / `Next step: …` on one line is running text (it may close the mail).
            roles[i] = if content.is_some() && matches!(kind, Sec::Other | Sec::Closing) {
                Role::Free
            } else {
                Role::Heading
            };
            let label_end = content.map(|c| l.start + c).unwrap_or(l.end);
            let heading_part = a.part(l.start, label_end);
            cur_section = None;
            if matches!(kind, Sec::Background | Sec::Problem) {
                let sect = Section {
                    heading: Some(Part {
                        text: heading_part.text.trim().to_string(),
                        span: heading_part.span,
                    }),
                    text: String::new(),
                    span: a.span(l.start, l.end),
                    sentences: 0,
                };
                let idx = if kind == Sec::Background {
                    a.background.push(sect);
                    a.background.len() - 1
                } else {
                    a.problem.push(sect);
                    a.problem.len() - 1
                };
                cur_section = Some((kind, idx));
            }
            if let Some(c) = content {
                let cs = l.start + c;
                match kind {
                    Sec::Background | Sec::Problem => {
                        roles[i] = Role::Background;
                        add_section_text(a, &mut cur_section, kind, cs, l.end);
                    }
                    Sec::Items => {
                        let idx = push_item(a, cs, l.end, &t[..c], l.start, opts, None);
                        cur_item = Some(idx);
                        item_indent = l.indent;
                        roles[i] = Role::Item;
                        sec_enumerated = true;
                    }
                    Sec::Attachments => {
                        roles[i] = Role::AttachmentLine;
                        attachment_line(a, cs, l.end, attachment_index(t));
                        sec_enumerated = true;
                    }
                    _ => {}
                }
            }
            continue;
        }

        // In a status list only the open points are items (`渠道计划：已定` is done,
        // `落地页：预计12月18日` is not).
        let reports = matches!(
            a.kind(),
            Some(
                liaison_model::Kind::ProgressSync
                    | liaison_model::Kind::Result
                    | liaison_model::Kind::Retrospective
            )
        );
        // (In a situation part what is done is the situation: corpus A3.)
        if (status_list || reports)
            && sec != Sec::Background
            && list_marker(t).is_some()
            && reads_done(a, l.start, l.end)
        {
            // A done line of a report is information: neither an item nor background.
            roles[i] = Role::Heading;
            cur_item = None;
            continue;
        }
        let marker = strong_item_marker(t).or_else(|| list_marker(t));
        if let Some((mlen, strong)) = marker {
            match sec {
                Sec::Attachments => {
                    roles[i] = Role::AttachmentLine;
                    attachment_line(a, l.start + mlen, l.end, marker_number(&t[..mlen]));
                    sec_enumerated = true;
                    cur_item = None;
                    continue;
                }
                Sec::None | Sec::Items | Sec::Closing => {
                    // A hard-wrapped numbered item whose next line happens to start with
                    // `- ` (`…(James) ⏎- by Fri 18 Dec`) goes on, it is no new bullet.
                    // So does one whose `- ` line goes on in lower case after a line that
                    // ends mid-sentence (`…supplier contracts ⏎- owner: Nordhaus - by …`).
                    let prev = if i > 0 {
                        &src[lines[i - 1].start..lines[i - 1].end]
                    } else {
                        ""
                    };
                    let goes_on = t
                        .trim_start()
                        .strip_prefix("- ")
                        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase()))
                        && !prev
                            .trim_end()
                            .ends_with(['.', ';', ':', '。', '；', '：', '!', '?']);
                    if let Some(ci) = cur_item
                        && !block_start
                        && t.trim_start().starts_with("- ")
                        && a.items[ci].marker.chars().any(|c| c.is_ascii_digit())
                        && i > 0
                        && (prev.ends_with(' ') || goes_on)
                    {
                        extend_item(a, ci, l.end);
                        roles[i] = Role::Item;
                        continue;
                    }
                    // A sub-bullet of an item stays in the item.
                    if let Some(ci) = cur_item
                        && l.indent > item_indent
                        && !strong
                    {
                        extend_item(a, ci, l.end);
                        roles[i] = Role::Item;
                        continue;
                    }
                    // So does one at the item's own indent (plain text loses indents)
                    // when it is marked in a lesser way (see `sub_point`).
                    if let Some(ci) = cur_item
                        && !strong
                        && sub_point(a, lines, i, end, ci, t[..mlen].trim())
                    {
                        extend_item(a, ci, l.end);
                        roles[i] = Role::Item;
                        continue;
                    }
                    let idx = push_item(
                        a,
                        l.start + mlen,
                        l.end,
                        t[..mlen].trim(),
                        l.start,
                        opts,
                        None,
                    );
                    cur_item = Some(idx);
                    item_indent = l.indent;
                    roles[i] = Role::Item;
                    sec_enumerated = true;
                    if sec == Sec::Closing {
                        sec = Sec::Items;
                    }
                    continue;
                }
                // `時程安排：`, `改善措施：`, `Timeline:` (a part the guide does not name
                // for items): a list line that carries an item's fields, an owner and a
                // deadline still ahead, is an item all the same.
                // So does one under a situation part (`原因：`, `What didn't`): a measure with
                // an owner or a time stays an item (corpus A3).
                _ if strong
                    || matches!(sec, Sec::Other | Sec::Background | Sec::Problem)
                        && carries_fields(a, l.start + mlen, l.end, opts) =>
                {
                    let idx = push_item(
                        a,
                        l.start + mlen,
                        l.end,
                        t[..mlen].trim(),
                        l.start,
                        opts,
                        None,
                    );
                    cur_item = Some(idx);
                    item_indent = l.indent;
                    roles[i] = Role::Item;
                    continue;
                }
                _ => {
                    roles[i] = role_for_content(sec);
                    add_section_text(a, &mut cur_section, sec, l.start, l.end);
                    sec_enumerated = true;
                    continue;
                }
            }
        }

        // `做什么：…；谁来做：…；何时完成：…` on a line of its own is an item, marker or not.
        if matches!(sec, Sec::None | Sec::Items | Sec::Closing)
            && super::items::labelled_item(t.trim())
        {
            let lead = l.start + (t.len() - t.trim_start().len());
            let idx = push_item(a, lead, l.end, "", l.start, opts, None);
            cur_item = Some(idx);
            item_indent = l.indent;
            roles[i] = Role::Item;
            sec_enumerated = true;
            continue;
        }

        // `请按以下安排推进：` then `12月4日前，许文静完成…；` line by line with no marker: each
        // line of the run is an item (see `unmarked_run`).
        if sec != Sec::Attachments
            && !status_list
            && let Some(k) = unmarked_run(a, lines, &roles, i, end, opts)
        {
            for (r, role) in roles.iter_mut().enumerate().take(k).skip(i) {
                let lr = lines[r];
                let lead = lr.start
                    + (src[lr.start..lr.end].len() - src[lr.start..lr.end].trim_start().len());
                push_item(a, lead, lr.end, UNMARKED, lr.start, opts, None);
                *role = Role::Item;
            }
            item_secs.resize(a.items.len(), Sec::Items);
            sec = Sec::Items;
            sec_enumerated = true;
            cur_item = None;
            skip_until = k;
            continue;
        }

        // A line that sets a deadline for the whole mail.
        if is_deadline_line(t) {
            roles[i] = Role::Deadline;
            a.deadline_lines.push(a.part(l.start, l.end));
            cur_item = None;
            continue;
        }

        // Continuation of an item: same block, or indented deeper. But a letter's last lines
        // under its list in the same block (`三、…请表演人员预留时间。⏎感谢各部门的支持与配合！`)
        // close the mail: after an item line that ends its sentence, lines at the item's
        // indent with no list line after them in the block are not the item's.
        let closes_list = cur_item.is_some()
            && l.indent <= item_indent
            && i > 0
            && src[lines[i - 1].start..lines[i - 1].end]
                .trim_end()
                .ends_with(['。', '！', '？', '!', '?'])
            && (i..end)
                .take_while(|&k| !lines[k].blank)
                .all(|k| list_marker(&src[lines[k].start..lines[k].end]).is_none());
        if let Some(ci) = cur_item
            && !closes_list
            && (!block_start || l.indent > item_indent)
        {
            extend_item(a, ci, l.end);
            roles[i] = Role::Item;
            continue;
        }
        cur_item = None;

        // A plain paragraph after a list ends an Items/Attachments section, and a
        // situation part read as a list (`What went well ⏎ - … ⏎ - …`).
        if matches!(
            sec,
            Sec::Items | Sec::Attachments | Sec::Background | Sec::Problem
        ) && sec_enumerated
            && block_start
        {
            sec = Sec::None;
            cur_section = None;
        }
        match sec {
            Sec::Background | Sec::Problem => {
                roles[i] = Role::Background;
                add_section_text(a, &mut cur_section, sec, l.start, l.end);
            }
            Sec::Attachments => {
                roles[i] = Role::AttachmentLine;
                attachment_line(a, l.start, l.end, None);
            }
            Sec::Items => {
                roles[i] = Role::Deadline;
                a.deadline_lines.push(a.part(l.start, l.end));
            }
            _ => {
                roles[i] = Role::Free;
                if introduces_status(t) {
                    sec = Sec::Items;
                    status_list = true;
                    sec_enumerated = false;
                }
            }
        }
    }
    item_secs.resize(a.items.len(), sec);
    // When the mail names its items (需协调事项：, Next steps:), lists elsewhere (results,
    // reasons, what was done) are information. Tables stay: their rows are items.
    if has_items_heading && item_secs.contains(&Sec::Items) {
        let mut k = 0;
        a.items.retain(|it| {
            let keep = item_secs[k] == Sec::Items || it.marker == "|";
            k += 1;
            keep
        });
    }

    // Item fields that need the whole item text.
    for idx in 0..a.items.len() {
        fill_item(a, idx, opts);
    }
    // `What I need from Qiheng:`, `请供应链部协助以下事项：`: the list's heading names who
    // does its lines (those that name nobody themselves).
    for idx in 0..a.items.len() {
        if a.items[idx].owner.is_some() || !a.items[idx].is_listed() {
            continue;
        }
        let start = a.items[idx].span.start;
        let Some(mut k) = lines
            .iter()
            .position(|l| l.start <= start && start <= l.end)
        else {
            continue;
        };
        while k > 0 && matches!(roles[k - 1], Role::Item | Role::Blank) {
            k -= 1;
        }
        if k == 0 || !matches!(roles[k - 1], Role::Heading | Role::Free | Role::Opening) {
            continue;
        }
        let l = lines[k - 1];
        if let Some((os, oe)) = list_owner(&a.source[l.start..l.end]) {
            let part = a.part(l.start + os, l.start + oe);
            a.items[idx].owner = Some(part);
        }
    }
    drop_bare_lists(a, lines, &roles);
    drop_term_lines(a, lines, &roles);
    // `临床部：无需操作` / `Finance: no action needed`: a line that asks nothing.
    a.items.retain(|it| {
        let l = search_lower(&it.what.text);
        ![
            "无需操作",
            "無需操作",
            "无需处理",
            "無需處理",
            "不需要操作",
            "无需任何操作",
            "no action needed",
            "no action required",
            "nothing needed",
            "nothing to do",
        ]
        .iter()
        .any(|w| l.contains(w))
    });
    // In a report, a listed line that names nobody and no time still ahead is where
    // things stand (`整机方案：重量降到2.48kg，满足目标`), not open work.
    // (A retrospective's measures may name nobody yet: they stay.)
    let reports = matches!(
        a.kind(),
        Some(liaison_model::Kind::ProgressSync | liaison_model::Kind::Result)
    );
    if reports && !reply {
        let sent = a.date;
        let ahead = |it: &Item| {
            it.deadlines.iter().any(|t| {
                t.kind == liaison_time::ExprKind::Deadline
                    && t.value.zip(sent).is_none_or(|(v, d)| v >= d)
            })
        };
        a.items
            .retain(|it| it.marker == "|" || !it.is_listed() || it.owner.is_some() || ahead(it));
    }
    // A list of terms (`要求见附件，重点几条：- 每箱12件 - 需通过跌落测试`, `请注意：1. 发票抬头…`)
    // names no owner and no time on any line; when the running text asks for work with a
    // deadline (`请12月15日前提供包装方案和报价`), those asks are the items and the list is
    // their standard.
    // A list under `请注意：` / `Please note:` / `要求：` states rules (`超过5,000元的报销需部门
    // 总监签字`): a role named in a rule does not make it work for someone.
    let notes = a.items.first().is_some_and(|it| {
        let Some(mut k) = lines
            .iter()
            .position(|l| l.start <= it.span.start && it.span.start <= l.end)
        else {
            return false;
        };
        while k > 0 && matches!(roles[k - 1], Role::Blank) {
            k -= 1;
        }
        k > 0 && notes_heading(&a.source[lines[k - 1].start..lines[k - 1].end])
    });
    let terms = !reply
        && !a.items.is_empty()
        && a.items
            .iter()
            .all(|it| it.marker != "|" && (it.owner.is_none() || notes) && it.due.is_none());
    let listed = if terms {
        std::mem::take(&mut a.items)
    } else {
        Vec::new()
    };

    // A mail with no list asks in prose: `麻烦市场部今天下班前把照片发我`, `Could you send
    // the PO by Dec 16?`. Each sentence with an ask and a deadline still ahead is an item.
    // Every kind may ask in prose (a confirmation asks for the payment, a result sync for
    // the next step); `prose_asks` wants an ask word and a deadline still ahead.
    let asks_expected = true;
    if a.items.is_empty() && !reply && asks_expected {
        // Paragraph by paragraph: a hard-wrapped sentence (`…麻烦设计部把价签整理好，⏎
        // 在12月11日前发给我`, Thunderbird's and Apple Mail's wrapped plain text) has its ask
        // on one line and its deadline on the next.
        let paragraphs = |role: Role, from: usize| {
            let mut out = Vec::new();
            let mut i = from;
            while i < end {
                if roles[i] != role {
                    i += 1;
                    continue;
                }
                let s = i;
                while i + 1 < end && roles[i + 1] == role {
                    i += 1;
                }
                out.push((lines[s].start, lines[i].end));
                i += 1;
            }
            out
        };
        // A need stated (`面试官需要提前参加培训`, `I need the file`) is an ask only when
        // nothing in the mail asks outright (`请…`, `could you…`): beside an outright ask it
        // is the situation the ask comes from (the background).
        let needs = {
            let body = &a.source[lines[0].start.min(a.source.len())..];
            body.contains("需要") || search_lower(body).contains("i need")
        };
        for weak in [false, true] {
            if weak && !needs {
                break;
            }
            for (ps, pe) in paragraphs(Role::Free, cursor) {
                prose_asks(a, ps, pe, opts, weak);
            }
            // When the rest asks nothing, the opening may carry the ask itself (`…, could
            // you send us the list by Jan 6?`). Its lines keep their role: they may still
            // be the mail's closing paragraph.
            if a.items.is_empty() {
                for (ps, pe) in paragraphs(Role::Opening, 0) {
                    prose_asks(a, ps, pe, opts, weak);
                }
            }
            if !a.items.is_empty() {
                break;
            }
        }
    }
    // `Could you share them by Thursday?`, `以上请于12月3日前完成`: the ask is the list's, and
    // its deadline covers every line (see `mail_wide_due`).
    let refers = a.items.iter().any(|it| {
        let l = search_lower(&a.source[it.span.start..it.span.end.min(a.source.len())]);
        [
            "them",
            "these",
            "those",
            "all of",
            "以上",
            "上述",
            "这些",
            "這些",
            "以下",
            "上面",
            "如下",
            "下列",
            "below",
            "the following",
            "both",
            "each of",
            "the above",
            "everything",
            "这两",
            "這兩",
            "两项",
            "兩項",
            "各项",
            "各項",
        ]
        .iter()
        .any(|w| l.contains(w))
    });
    if a.items.is_empty() || terms && refers {
        a.items = listed;
    }

    background::read(a, lines, &mut roles, cursor, end);

    // Attachment references in running text. The English words are looked for in a line only
    // when the body (lower-cased) has one of them.
    let en_refs = first < end && {
        let body = &a.source[lines[first].start..lines[end - 1].end];
        if super::words::lower_keeps_offsets(body) {
            // Every word of INLINE_EN contains "attach" or "enclos".
            let l = body.to_ascii_lowercase();
            l.contains("attach") || l.contains("enclos")
        } else {
            INLINE_EN_SET.any_in_lower(body)
        }
    };
    for i in first..end {
        if matches!(
            roles[i],
            Role::Blank | Role::AttachmentLine | Role::Signature
        ) {
            continue;
        }
        let l = lines[i];
        inline_attachment_refs(a, src, l.start, l.end, en_refs);
    }

    closing::read(a, lines, &roles, cursor, end);
    // In a report or a confirmation an ask in the last paragraph is its reply-by
    // (`Please confirm by Dec 1 whether…`): the closing, not an item.
    let asks_work = a
        .kind()
        .is_none_or(|k| k.expects_items() || k == liaison_model::Kind::Nudge);
    // Work asked for there (`請採購部於12/23前完成議價`) stays an item.
    if !asks_work && let Some(c) = &a.closing {
        let (cs, ce) = (c.span.start, c.span.end);
        a.items.retain(|it| {
            it.is_listed()
                || !(it.span.start >= cs && it.span.start < ce)
                || !reply_by(&it.what.text)
        });
    }
    closing::trim_asks(a);
    if !reply {
        mail_wide_due(a, lines, end);
    }
    // A reply's list is its points (questions, objections, answers, promises), not new
    // items; also when it escalates and restates the asks for the people it brings in
    // (`现抄送…请协调：1. …`): the tracker follows the original's items, and the reply's
    // relation to them is its reply class and the items it names (corpus A2).
    if reply {
        a.items.clear();
    }
    // A reply without items has no opening, background or closing of its own: its text is
    // the answer (the corpus convention, and what a reader takes from it).
    if reply && a.items.is_empty() {
        a.opening = None;
        a.closing = None;
        a.background.clear();
        a.problem.clear();
    }
}

/// Items asked for in running text between `s` and `e` (one line): each sentence with an ask
/// word and a deadline still ahead becomes an item from the ask on.
fn prose_asks(a: &mut Anatomy, s: usize, e: usize, opts: &ParseOptions, weak: bool) {
    // A stated need asks only in the second pass (see the caller).
    const WEAK: &[&str] = &["需要", "i need"];
    const ASK: &[&str] = &[
        "麻烦",
        "麻煩",
        "烦请",
        "请",
        "請",
        "务必",
        "務必",
        "劳烦",
        "勞煩",
        "拜托",
        "拜託",
        "有劳",
        "有勞",
        "需要",
        "could you",
        "can you",
        "please",
        "kindly",
        "would you",
        "i need",
        "would like you to",
        "ask you to",
        "grateful if you could",
        "great if you could",
        "appreciate it if you could",
        "are you able to",
        "could your team",
        "can your team",
        "could your ",
        "can your ",
        "if you could",
        "if your team could",
        "let us have",
    ];
    let text = a.source[s..e].to_string();
    let base = text.as_ptr() as usize;
    for sent in liaison_model::text::sentences(&text) {
        let ss = s + (sent.as_ptr() as usize - base);
        let se = ss + sent.len();
        // `…麻煩準備幾份資料：` introduces the list after it: the list's lines are the asks.
        if sent.trim_end().ends_with(['：', ':']) {
            continue;
        }
        let lower = search_lower(sent);
        // `请` inside a word (申请, 邀请, 提请) asks nothing.
        let asks_at = |w: &str| {
            lower.match_indices(w).map(|(i, _)| i).find(|&i| {
                // An English ask word ends a word (`could you`, not `could your`).
                let bounded = !w.is_ascii()
                    || w.ends_with(' ')
                    || !lower[i + w.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                bounded
                    && (!(w == "请" || w == "請")
                        || !lower[..i]
                            .chars()
                            .next_back()
                            .is_some_and(|c| "申邀提报報聘宴敬烦煩".contains(c)))
            })
        };
        // Only the words of the scripts the sentence is written in are searched for.
        let latin = lower.bytes().any(|b| b.is_ascii_alphabetic());
        let other = !lower.is_ascii();
        let found = ASK
            .iter()
            .filter(|w| weak || !WEAK.contains(w))
            .filter(|w| if w.is_ascii() { latin } else { other })
            .filter_map(|w| asks_at(w).map(|i| (i, w.len())))
            .min_by_key(|x| x.0);
        // `商务部李涛12月8日前把权益清单汇总给我`, `仓储部韩梅负责…，12月30日前出方案`: a
        // sentence led by whom it names, then (负责 or) a deadline: an ask without an ask
        // word, as a 公文 or a terse phone mail writes one.
        // `明天上午10点前把新版放到播控服务器，可以吗？`: the ask put as a question at its end.
        let asked_back = {
            let t = sent.trim_end();
            [
                "可以吗？",
                "可以吗?",
                "行吗？",
                "行吗?",
                "好吗？",
                "好吗?",
                "可以嗎？",
                "行嗎？",
                "好嗎？",
            ]
            .iter()
            .any(|w| t.ends_with(w))
        };
        let Some((ai, aw)) = found
            .or_else(|| owner_led(a, ss, se, opts).then_some((0, 0)))
            .or_else(|| asked_back.then_some((0, 0)))
        else {
            continue;
        };
        // `如有补充请于…前反馈`, `If anything is missing, please…`: a conditional reply-by
        // (the closing's next step), not work asked for.
        let lead = &lower[..ai];
        // (`It would be great if you could…` is an ask put politely, no condition.)
        let polite_if =
            lower[ai..].starts_with("if you could") || lower[ai..].starts_with("if your team");
        // `有不同意见的请…`, `有问题的话请…`: whoever has one is asked, a condition too.
        let whoever = {
            let l = lead.trim();
            l.starts_with('有')
                && (l.ends_with('的') || l.ends_with("的话"))
                && l.chars().count() <= 12
        };
        if whoever {
            continue;
        }
        if !polite_if
            && [
                "如有",
                "如果",
                "若有",
                "如需",
                "如對",
                "如对",
                "if ",
                "should you",
                "in case",
            ]
            .iter()
            .any(|w| lead.contains(w) || ai == 0 && lower.starts_with(w))
        {
            continue;
        }
        let sent_date = a.date;
        let is_ahead = |t: &super::TimeExpr| {
            t.kind == liaison_time::ExprKind::Deadline
                && t.value.zip(sent_date).is_none_or(|(v, d)| v >= d)
        };
        // `请尽快提供…`, `…收到发票后30天内付款`: a vague or event-relative time still asks
        // for the work.
        let ahead = a
            .times_in(a.span(ss, se))
            .any(|t| is_ahead(t) || t.kind == liaison_time::ExprKind::Vague);
        // `Could you send the PO by then?`, `届时请…`: the deadline is the one the paragraph
        // set just before (`We are holding the slot until Wednesday, Dec 16, 12:00 CET.`).
        let then = [
            " by then",
            " before then",
            "by that time",
            "到时",
            "到時",
            "届时",
            "屆時",
        ]
        .iter()
        .find_map(|w| lower.find(w).map(|i| (i, w.len())));
        let earlier = then.filter(|_| !ahead).and_then(|_| {
            a.times_in(a.span(s, ss))
                .filter(|t| is_ahead(t))
                .last()
                .cloned()
        });
        if !ahead && earlier.is_none() {
            continue;
        }
        // From the ask on, without the ask word, a polite `您帮忙`, and the sentence's end.
        let mut ws = ss + ai + aw;
        // `Send the signed NDA by Dec 11, please.`: a closing `please` asks for what is before.
        let tail = a.source[ws..se].trim_matches(|c: char| !c.is_alphanumeric());
        let please_after = aw == "please".len()
            && tail.is_empty()
            && lower[..ai].trim_end().ends_with(',')
            && ai > 8;
        if please_after {
            ws = ss;
        }
        for w in ["您", "你们", "你", "大家", "帮忙", "幫忙", "帮我", "幫我"] {
            if a.source[ws..se].starts_with(w) {
                ws += w.len();
            }
        }
        // `请邱总协调：供应链部…前明确…`: the one asked to coordinate heads the sentence; the
        // ask after the colon is the item, led by whom it charges.
        {
            let rest = &a.source[ws..se];
            if let Some(ci) = rest.find(['：', ':'])
                && rest[..ci].chars().count() <= 8
                && ["协调", "協調", "督促", "推动", "推動"]
                    .iter()
                    .any(|w| rest[..ci].ends_with(w))
            {
                let colon = rest[ci..].chars().next().map_or(1, char::len_utf8);
                ws += ci + colon;
            }
        }
        // `请协调技术部…`, `请督促供应商…`: the one asked to act follows the verb.
        for w in ["协调", "協調", "督促", "安排"] {
            let rest = &a.source[ws..se];
            if rest.starts_with(w)
                && rest[w.len()..]
                    .chars()
                    .take(8)
                    .any(|c| matches!(c, '部' | '组' | '組' | '方' | '商' | '司'))
            {
                ws += w.len();
                break;
            }
        }
        let mut we = if please_after {
            ss + lower[..ai].trim_end().trim_end_matches(',').len()
        } else {
            ss + sent
                .trim_end_matches(['。', '！', '!', '？', '?', '.', '；', ';'])
                .len()
        };
        // `…by then` ends the what; the time it points at is the due (below).
        if earlier.is_some()
            && let Some((ti, tl)) = then
            && ss + ti + tl >= we.saturating_sub(1)
            && ss + ti > ws
        {
            we = ss + ti;
        }
        // `Could your logistics team book…`: the team asked (a pronoun's, so no owner) is no
        // part of the what.
        if lower[ai..].starts_with("could your ") || lower[ai..].starts_with("can your ") {
            let r = search_lower(&a.source[ws..se]).into_owned();
            if let Some(k) = [" team ", " department ", " side ", " colleagues "]
                .iter()
                .filter_map(|w| r.find(w).map(|k| k + w.len()))
                .filter(|&k| r[..k].split_whitespace().count() <= 4)
                .min()
            {
                ws += k;
            }
        }
        // `please make sure …`, `kindly send …`: the politeness is no part of the what.
        for w in ["please ", "kindly ", "also ", "ask you to ", "be able to "] {
            let r = &a.source[ws..we];
            let lead = r.len() - r.trim_start().len();
            if r[lead..].to_ascii_lowercase().starts_with(w) {
                ws += lead + w.len();
            }
        }
        if we <= ws + 3 {
            continue;
        }
        // `Please reply by Dec 1`, `麻烦今天下班前回我`: a reply-by is the closing's next step.
        let ask = search_lower(&a.source[ws..we]);
        let ask = ask.trim().trim_end_matches(['一', '下', ' ']);
        if ["reply", "respond", "get back", "let me know", "answer"]
            .iter()
            .any(|w| ask.starts_with(w))
            || [
                "回我",
                "回复",
                "回覆",
                "答复",
                "反馈",
                "回复我",
                "回个话",
                "告诉我",
                "告訴我",
                "通知我",
            ]
            .iter()
            .any(|w| ask.ends_with(w))
                // (`確認台灣是否可自行重製，12月3日下班前回覆`: the reply carries an action
                // asked for in a clause of its own; that is work.)
                && !ask.contains(['，', ','])
        {
            continue;
        }
        for (ps, pe) in several_asks(a, ws, we, opts) {
            // A later ask of the sentence loses its own ask word (`請品牌部確認…` → 品牌部 asked
            // to `確認…`).
            let mut ps = ps;
            if ps != ws {
                for w in ["请", "請", "麻烦", "麻煩", "烦请", "煩請"] {
                    if a.source[ps..pe].starts_with(w) && pe > ps + w.len() + 3 {
                        ps += w.len();
                        break;
                    }
                }
            }
            let idx = push_item(
                a,
                ps,
                pe,
                "",
                if ps == ws && !please_after {
                    ss + ai
                } else {
                    ps
                },
                opts,
                None,
            );
            fill_item(a, idx, opts);
            if let Some(t) = &earlier
                && a.items[idx].due.is_none()
            {
                // The item runs to the sentence's end (`…by then?`), its what does not.
                let start = a.items[idx].span.start;
                a.items[idx].span = a.span(start, se.max(pe));
                a.items[idx].due = Some(a.part(t.span.start, t.span.end));
                a.items[idx].deadlines = vec![t.clone()];
            }
        }
    }
}

/// A sentence `[s, e)` led by an owner (a department or a person, as items name them) and
/// then a deadline still ahead, right after the owner or after its `负责…，`.
fn owner_led(a: &Anatomy, s: usize, e: usize, opts: &ParseOptions) -> bool {
    let sent = &a.source[s..e];
    let lead = sent.len() - sent.trim_start().len();
    let t = &sent[lead..];
    let Some((os, oe)) = find_owner(t, opts) else {
        return false;
    };
    // A department, with or without the person after it (`商务部李涛`, `IT部罗斌`).
    if os != 0
        || !t[..oe].chars().any(is_han)
        || !t[..oe].contains(['部', '组', '組', '室', '处', '處', '心'])
    {
        return false;
    }
    let rest = t[oe..].trim_start_matches(['于', '於', '在', ' ']);
    let date = a.date;
    let ahead = |x: &super::TimeExpr| {
        x.kind == liaison_time::ExprKind::Deadline && x.value.zip(date).is_none_or(|(v, d)| v >= d)
    };
    let at = s + lead + (t.len() - rest.len());
    let right_after = a
        .times_in(a.span(at, e))
        .any(|x| ahead(x) && x.span.start == at);
    let charged = rest.starts_with("负责") || rest.starts_with("負責");
    right_after || charged && a.times_in(a.span(at, e)).any(ahead)
}

/// Several asks in one sentence, each with its own deadline (`…今天18:00前完成补发，客服部明天
/// 上午完成短信通知`, `…发给我，原件寄回的话月底前就行`): the ask `[s, e)` cut where a clause
/// (after `，` `；` `,` `;` outside brackets) sets a deadline of its own while the clauses
/// before it already have one. A clause that only says when something starts
/// (`26号0点活动开始`) is no ask; a leading `另外`/`并`/`also` is dropped.
fn several_asks(a: &Anatomy, s: usize, e: usize, opts: &ParseOptions) -> Vec<(usize, usize)> {
    let text = &a.source[s..e];
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (separator start, next clause start)
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '【' | '[' | '“' => depth += 1,
            '）' | ')' | '】' | ']' | '”' => depth -= 1,
            '，' | '；' | ',' | ';' if depth <= 0 => cuts.push((s + i, s + i + c.len_utf8())),
            _ => {}
        }
    }
    if cuts.is_empty() {
        return vec![(s, e)];
    }
    let sent = a.date;
    let dated = |x: usize, y: usize| {
        a.times_in(a.span(x, y)).any(|t| {
            t.kind == liaison_time::ExprKind::Deadline
                && t.value.zip(sent).is_none_or(|(v, d)| v >= d)
        })
    };
    let event = |x: usize, y: usize| {
        let t = a.source[x..y].trim_end_matches(['。', '.', '！', '!', ' ']);
        [
            "开始", "開始", "结束", "結束", "生效", "开播", "开门", "开会", "start", "begin",
        ]
        .iter()
        .any(|w| t.ends_with(w))
    };
    let mut out = Vec::new();
    let mut cur = s;
    for (k, &(sep, next)) in cuts.iter().enumerate() {
        let clause_end = cuts.get(k + 1).map_or(e, |c| c.0);
        // A condition, a consequence or the writer's own part (`如需补充我今天就可以补`,
        // `不然…只能改到下一班船`, `otherwise …`, `so we can pay …`, `我們12/21要開會`) asks
        // nothing of its own.
        let lead = search_lower(a.source[next..clause_end].trim_start());
        let own = [
            "如",
            "若",
            "不然",
            "否则",
            "否則",
            "要不",
            "以便",
            "这样",
            "這樣",
            "我",
            "咱",
            "otherwise",
            "so ",
            "if ",
            "in case",
            "unless",
            "or ",
            "i ",
            "i'",
            "we ",
            "we'",
            "which",
            "that ",
        ]
        .iter()
        .any(|w| lead.starts_with(w));
        // `…提供分層原始檔，另外也請品牌部確認…，12月3日下班前回覆`: a clause that asks again
        // starts a new ask, which takes the deadline of the clauses after it.
        let asks_again = {
            let mut l: &str = &lead;
            for w in [
                "另外", "并且", "並且", "同时", "同時", "还有", "還有", "再", "也", "also ", "and ",
            ] {
                l = l.strip_prefix(w).unwrap_or(l).trim_start();
            }
            // Not after a condition (`如不能，请给出最早的时间`), nor an ask to add to the
            // one before (`请一并列出`).
            let prev_start = if k == 0 { cur } else { cuts[k - 1].1 };
            let prev = search_lower(a.source[prev_start..sep].trim_start());
            let after_condition = ["如", "若", "if ", "unless"]
                .iter()
                .any(|w| prev.starts_with(w));
            !after_condition
                && !l.contains("一并")
                && !l.contains("一併")
                && [
                    "请",
                    "請",
                    "麻烦",
                    "麻煩",
                    "烦请",
                    "煩請",
                    "please ",
                    "could you",
                    "can you",
                ]
                .iter()
                .any(|w| l.starts_with(w))
        };
        // `…，1月8日前完成`, `…，当天下班前把记录表发给我`: a clause that only finishes or
        // hands back the work before it gives that work its deadline; it asks nothing new.
        let hands_back = a
            .times_in(a.span(next, clause_end))
            .next()
            .is_some_and(|t| a.source[next..t.span.start].trim().is_empty())
            && {
                let mut rest = a.source[next..clause_end].to_string();
                for t in a
                    .times_in(a.span(next, clause_end))
                    .collect::<Vec<_>>()
                    .iter()
                    .rev()
                {
                    rest.replace_range(t.span.start - next..t.span.end - next, "");
                }
                let r = rest
                    .trim()
                    .trim_start_matches(['前', '内', '內'])
                    .trim_start_matches(['之', '以'])
                    .trim_start_matches(['前', '内', '內'])
                    .trim()
                    .trim_end_matches(['。', '！', '!', '；', ';', '一', '下'])
                    .trim();
                super::items::bare_act(r)
                    || [
                        "给我",
                        "給我",
                        "发我",
                        "發我",
                        "回我",
                        "告诉我",
                        "告訴我",
                        "交给我",
                        "交給我",
                        "发给我",
                        "發給我",
                        "给结论",
                        "給結論",
                    ]
                    .iter()
                    .any(|w| r.ends_with(w))
            };
        // `…；IT部罗斌负责补充压测，1月8日前完成`: a clause led by whom it names and `负责`
        // starts another ask.
        let owner_charged = {
            let c = a.source[next..clause_end].trim_start();
            find_owner(c, opts).is_some_and(|(os, oe)| {
                os == 0
                    && c[..oe].contains(['部', '组', '組', '室', '处', '處', '心'])
                    && (c[oe..].starts_with("负责") || c[oe..].starts_with("負責"))
            })
        };
        if next >= clause_end
            || own
            || !dated(cur, sep)
            || !(asks_again
                || owner_charged
                || dated(next, clause_end) && !event(next, clause_end) && !hands_back)
        {
            continue;
        }
        out.push((cur, sep));
        let lead = a.source[next..clause_end].len() - a.source[next..clause_end].trim_start().len();
        let mut ns = next + lead;
        for w in ["另外", "并且", "并", "同时", "还有", "再", "also ", "and "] {
            if search_lower(&a.source[ns..clause_end]).starts_with(w) {
                ns += w.len();
                break;
            }
        }
        if a.source[ns..clause_end].starts_with('也') {
            ns += '也'.len_utf8();
        }
        cur = ns;
    }
    out.push((cur, e));
    out
}

/// The list each item of `a` belongs to (numbered from 0), and the last list's number: a new
/// list starts after a line that is neither an item nor blank (a `3. 截止时间：…` line inside
/// a list does not end it).
fn list_runs(a: &Anatomy, lines: &[Line], roles: &[Role]) -> (Vec<usize>, usize) {
    let line_of = |pos: usize| lines.iter().position(|l| l.start <= pos && pos <= l.end);
    let mut run = Vec::with_capacity(a.items.len());
    let mut cur = 0usize;
    let mut prev_line: Option<usize> = None;
    for it in &a.items {
        let k = line_of(it.span.start);
        if let (Some(p), Some(k)) = (prev_line, k)
            && (p + 1..k).any(|j| !matches!(roles[j], Role::Item | Role::Blank | Role::Deadline))
        {
            cur += 1;
        }
        if k.is_some() {
            prev_line = line_of(it.span.end.saturating_sub(1)).or(k);
        }
        run.push(cur);
    }
    (run, cur)
}

/// Two lists in one mail, one assigning work (its lines name an owner or a due) and one
/// naming neither on any line (`目前狀況：- 12部電腦已超過5年 - 保養已過期`): the bare one
/// says where things stand or what to keep in mind; the work is the other list.
fn drop_bare_lists(a: &mut Anatomy, lines: &[Line], roles: &[Role]) {
    let (run, cur) = list_runs(a, lines, roles);
    if cur == 0 || a.items.iter().any(|it| !it.is_listed()) {
        return;
    }
    let bare = |r: usize| {
        a.items
            .iter()
            .zip(&run)
            .filter(|(_, x)| **x == r)
            .all(|(it, _)| it.owner.is_none() && it.due.is_none())
    };
    let bare_runs: Vec<bool> = (0..=cur).map(bare).collect();
    if bare_runs.iter().all(|b| *b) {
        return;
    }
    let mut k = 0;
    a.items.retain(|_| {
        let keep = !bare_runs[run[k]];
        k += 1;
        keep
    });
}

/// `（一）考核对象：…` `（二）考核方式：…` `（三）各部门于12月17日前报名单`: in a list where some
/// lines set work with a deadline of their own, a line that only states a term under a short
/// label (`佣金：按成交额20%结算`), naming no owner and no time, is information.
fn drop_term_lines(a: &mut Anatomy, lines: &[Line], roles: &[Role]) {
    let (run, _) = list_runs(a, lines, roles);
    let timed = |r: usize| {
        a.items
            .iter()
            .zip(&run)
            .any(|(it, x)| *x == r && it.due_time().is_some())
    };
    let term = |it: &Item| {
        if !it.is_listed() || it.marker == "|" || it.due.is_some() {
            return false;
        }
        let text = a.source[it.what.span.start.min(it.span.start)..it.span.end].trim();
        let text = match list_marker(text) {
            Some((m, _)) => &text[m..],
            None => text,
        };
        text.find(['：', ':']).is_some_and(|ci| {
            let label = text[..ci].trim();
            let rest = text[ci..].trim_start_matches(['：', ':']).trim();
            // (`脚本：每场脚本由贵司提前3天提交`: a line that asks someone stays an item.)
            (2..=6).contains(&label.chars().count())
                && label.chars().all(is_han)
                && !rest.is_empty()
                && !["由", "请", "請", "需", "须", "須"].iter().any(|w| rest.contains(w))
                // (A value read as the owner, `地点：三楼会议室`, is the term's value.)
                && it.owner.as_ref().is_none_or(|o| {
                    rest.trim_end_matches(['。', '；', ';', '.']) == o.text.trim()
                })
        })
    };
    let drop: Vec<bool> = a
        .items
        .iter()
        .zip(&run)
        .map(|(it, &r)| timed(r) && term(it))
        .collect();
    let mut k = 0;
    a.items.retain(|_| {
        let keep = !drop[k];
        k += 1;
        keep
    });
}

/// `1. 提供陈列方案：` then `- 含门店平面图` (or `(a) …`, `① …`) then `2. …`: a line marked
/// in a lesser way than the numbered item above it is a sub-point of that item when the
/// item introduces it (ends with a colon) or when the item's numbering goes on after it.
fn sub_point(a: &Anatomy, lines: &[Line], i: usize, end: usize, ci: usize, marker: &str) -> bool {
    use super::items::{marker_family, marker_value, may_be_sub_point};
    let parent = a.items[ci].marker.as_str();
    if !may_be_sub_point(parent, marker) {
        return false;
    }
    let it = &a.items[ci];
    let text = &a.source[it.span.start..it.span.end.min(a.source.len())];
    // (The item's own line: its earlier sub-points follow it. A short label such as
    // `1. 信息中心：` heads a group whose lines are items of their own.)
    let own = a.source[it.what.span.start..it.span.end.min(a.source.len())]
        .lines()
        .next()
        .unwrap_or("")
        .trim_end();
    if text
        .lines()
        .next()
        .is_some_and(|f| f.trim_end().ends_with(['：', ':']))
        && own.chars().count() > 12
    {
        return true;
    }
    let (Some(pf), Some(cf), Some(pv)) = (
        marker_family(parent),
        marker_family(marker),
        marker_value(parent),
    ) else {
        return false;
    };
    let mut blank = false;
    for l in lines.iter().take(end).skip(i + 1).take(40) {
        if l.blank {
            blank = true;
            continue;
        }
        let t = &a.source[l.start..l.end];
        let Some((mlen, _)) = strong_item_marker(t).or_else(|| list_marker(t)) else {
            // A wrapped sub-point goes on; a paragraph after a blank line ends the list.
            if blank {
                return false;
            }
            continue;
        };
        blank = false;
        let m = t[..mlen].trim();
        match marker_family(m) {
            Some(f) if f == cf => continue,
            Some(f) if f == pf => return marker_value(m) == Some(pv + 1),
            _ => return false,
        }
    }
    false
}

/// The one a list's heading asks (`What I need from Qiheng:` → `Qiheng`), as a range of
/// `t`; only a heading that ends with a colon. (A Chinese intro such as `请贵司配合：` names
/// nobody for each line: the guide wants 谁来做 on the item itself.)
fn list_owner(t: &str) -> Option<(usize, usize)> {
    let body = t.trim_end();
    let body = body.strip_suffix([':', '：'])?;
    let lower = search_lower(body);
    for w in ["need from ", "needed from ", "asks for ", "ask of "] {
        if let Some(i) = lower.rfind(w) {
            let s = i + w.len();
            let x = body[s..].trim();
            let n = x.split_whitespace().count();
            if (1..=4).contains(&n) && x.starts_with(|c: char| c.is_ascii_uppercase()) {
                return Some((s, s + x.len()));
            }
        }
    }
    None
}

/// An ask that only wants an answer (`confirm whether…`, `确认…`, `回复…`): a reply-by.
fn reply_by(what: &str) -> bool {
    let l = search_lower(what.trim());
    [
        "confirm", "let me know", "reply", "respond", "get back", "确认", "確認", "回复", "回覆",
        "答复", "答覆", "反馈", "回饋", "告知", "核对", "核對", "审核", "審核",
    ]
    .iter()
    .any(|w| l.starts_with(w))
        // `send any additions`, `补充意见`: comments on what was sent, no new work.
        || [
            "any addition", "any comment", "feedback", "意见", "意見", "补充", "補充",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// A deadline stated once for a whole list (`Could you share them by Thursday?`, `以上请于
/// 12月3日前完成` right after it) is the due of each item that has none.
fn mail_wide_due(a: &mut Anatomy, lines: &[Line], end: usize) {
    if a.items.is_empty() || a.items.iter().all(|it| it.due.is_some()) {
        return;
    }
    let last_end = a.items.iter().map(|it| it.span.end).max().unwrap_or(0);
    let covers = |t: &str| {
        // (`可以下周二`: `以下` inside `可以` + `下周` points at no list.)
        let l = search_lower(t).replace("可以下", "可 下");
        [
            "them",
            "these",
            "all of",
            "all items",
            "以上",
            "上述",
            "这些",
            "這些",
            "全部",
            "以下",
            "所有",
            "both",
            "each of",
            "the above",
            "everything",
            "这两",
            "這兩",
            "两项",
            "兩項",
            "各项",
            "各項",
        ]
        .iter()
        .any(|w| l.contains(w))
    };
    let deadline_in = |a: &Anatomy, s: usize, e: usize| -> Option<super::TimeExpr> {
        let mut it = a
            .times_in(a.span(s, e))
            .filter(|t| t.kind == liaison_time::ExprKind::Deadline);
        let one = it.next()?.clone();
        it.next().is_none().then_some(one)
    };
    // The line that introduces the list (`Can you send me by Thu EOD:`, `麻烦12月14日前确认
    // 下面三点：`): an ask ending with a colon whose one deadline is the list's.
    if let Some(t) = intro_due(a, lines) {
        // (`send us the following by Wednesday, Dec 2:`: with its limit word, adjudicated A1.)
        let (ds, de) = super::items::due_extent(&a.source, (t.span.start, t.span.end));
        let part = a.part(ds, de);
        for it in a
            .items
            .iter_mut()
            .filter(|it| it.due.is_none() && it.is_listed() && it.span.start > t.span.end)
        {
            it.due = Some(part.clone());
            it.deadlines.push(t.clone());
        }
        if a.items.iter().all(|it| it.due.is_some()) {
            return;
        }
    }
    // The block right after the list.
    let mut found = None;
    if let Some(k) = lines.iter().position(|l| l.start >= last_end) {
        let mut k = k;
        while k < end && lines[k].blank {
            k += 1;
        }
        let s = k;
        while k < end && !lines[k].blank {
            k += 1;
        }
        if k > s {
            let (bs, be) = (lines[s].start, lines[k - 1].end);
            if covers(&a.source[bs..be]) {
                found = deadline_in(a, bs, be);
            } else {
                found = hand_back_due(a, bs, be);
            }
        }
    }
    // `Deadline: 12/16 at 5pm PT` above the list, `Required by: Thursday 10/12` under it: a
    // labelled deadline line of its own, the only one in the mail, is the list's.
    let found = found.or_else(|| {
        let labelled: Vec<_> = a
            .deadline_lines
            .iter()
            .filter(|d| {
                d.text
                    .trim_start()
                    .find([':', '：'])
                    .is_some_and(|ci| ci <= 24)
            })
            .collect();
        let [d] = labelled[..] else {
            return None;
        };
        deadline_in(a, d.span.start, d.span.end)
    });
    let Some(t) = found else {
        return;
    };
    let (ds, de) = super::items::due_extent(&a.source, (t.span.start, t.span.end));
    let part = a.part(ds, de);
    for it in a.items.iter_mut().filter(|it| it.due.is_none()) {
        it.due = Some(part.clone());
        it.deadlines.push(t.clone());
    }
}

/// `最好能在12/18（五）前給我，…`, `Please send them to me by Friday.`: the block after a list
/// opening with a hand-back to the writer and one limit, which is the list's deadline.
fn hand_back_due(a: &Anatomy, bs: usize, be: usize) -> Option<super::TimeExpr> {
    // Clause by clause: a reason may come first (`因客户期限为12/7，烦请于12/4前发给我`).
    let mut from = bs;
    while from < be {
        let text = &a.source[from..be];
        let ce = text
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, '，' | '。' | '；' | '！' | '!' | ';' | '\n')
                    || matches!(c, ',' | '.') && text[i + 1..].starts_with(' ')
            })
            .map_or(text.len(), |(i, _)| i);
        if let Some(t) = hand_back_clause(a, from, from + ce) {
            return Some(t);
        }
        from += ce + text[ce..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// [`hand_back_due`] for one clause: its one deadline, written as a limit, when the clause
/// hands the work back (`…前发给我`, `send them by …`).
fn hand_back_clause(a: &Anatomy, bs: usize, ce_abs: usize) -> Option<super::TimeExpr> {
    let text = &a.source[bs..ce_abs];
    let ce = text
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '，' | '。' | '；' | '！' | '!' | ';' | '\n')
                || matches!(c, ',' | '.') && text[i + 1..].starts_with(' ')
        })
        .map_or(text.len(), |(i, _)| i);
    let clause = &text[..ce];
    let mut times = a
        .times_in(a.span(bs, bs + ce))
        .filter(|t| t.kind == liaison_time::ExprKind::Deadline);
    let one = times.next()?.clone();
    if times.next().is_some() || !bounds_work(&a.source, one.span.start, one.span.end) {
        return None;
    }
    let l = search_lower(clause);
    let l = l.trim_end_matches(['一', '下', ' ', '?', '？']);
    let back = [
        "给我",
        "給我",
        "发我",
        "發我",
        "交给我",
        "交給我",
        "发给我",
        "發給我",
        "传给我",
        "傳給我",
    ]
    .iter()
    .any(|w| l.ends_with(w))
        || [
            "send them",
            "send these",
            "send it",
            "send me",
            "share them",
            "get them",
        ]
        .iter()
        .any(|w| l.contains(w));
    back.then_some(one)
}

/// The one deadline of the sentence that introduces the mail's first list: the non-blank
/// line before the list's first line, ending with a colon (`Could you send us the following
/// by Friday, Dec 4:`, `麻烦今天下班前告诉我两件事：`). Only its last sentence counts (the
/// ones before it tell the situation), and only when that sentence sets one limit for work
/// (other times in it say when things happen: `12月下旬还有三车货要发，麻烦…前确认：`).
fn intro_due(a: &Anatomy, lines: &[Line]) -> Option<super::TimeExpr> {
    let first = a
        .items
        .iter()
        .filter(|it| it.is_listed())
        .min_by_key(|it| it.span.start)?;
    let k = lines
        .iter()
        .position(|l| l.start <= first.span.start && first.span.start < l.end.max(l.start + 1))?;
    let mut j = k.checked_sub(1)?;
    while lines[j].blank {
        j = j.checked_sub(1)?;
    }
    let (ls, le) = (lines[j].start, lines[j].end);
    let text = a.source.get(ls..le)?.trim_end();
    if !text.ends_with([':', '：']) {
        return None;
    }
    // The last sentence: after the last full stop, exclamation or question mark.
    let from = text
        .char_indices()
        .rfind(|&(i, c)| {
            matches!(c, '。' | '！' | '？')
                || matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' ')
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut it = a.times_in(a.span(ls + from, ls + text.len())).filter(|t| {
        t.kind == liaison_time::ExprKind::Deadline
            && bounds_work(&a.source, t.span.start, t.span.end)
    });
    let one = it.next()?.clone();
    it.next().is_none().then_some(one)
}

/// A time written as a limit for work (`by Thu EOD`, `before Friday`, `12月14日前`,
/// `三个工作日内`), not as when something happens (`下周一开始`, `年底了`, `12月下旬`).
fn bounds_work(src: &str, s: usize, e: usize) -> bool {
    let (Some(before), Some(t), Some(after)) = (src.get(..s), src.get(s..e), src.get(e..)) else {
        return false;
    };
    let before = search_lower(before.trim_end());
    // (`12/4（五）17:00 前`: a space may stand before the limit word.)
    let after = after.trim_start_matches(' ');
    t.trim_end().ends_with(['前', '内', '內'])
        || ["前", "之前", "以前", "内", "內", "以内", "以內"]
            .iter()
            .any(|w| after.starts_with(w))
        || [
            " by",
            " before",
            " until",
            " no later than",
            "最晚",
            "最迟",
            "最遲",
            "截止",
        ]
        .iter()
        .any(|w| before.ends_with(w))
}

/// The marker of an item read from an unmarked run of lines (see `unmarked_run`): such a
/// list is written point by point, one item a line, although no line carries a number.
pub(super) const UNMARKED: &str = "；";

/// A list written without markers (`请按以下安排推进：` / `【分工】` then one ask a line, each
/// ending with `；` but the last): the lines from `i` are items when a line ending with a
/// colon (or a bracketed heading alone on its line) introduces them, at least two lines
/// follow with no marker and no blank between them, every line but the last ends with a
/// semicolon, and every line names an owner or a deadline still ahead (a limit, `…前`, `by
/// …`), most of them a deadline. A status (`进展如下：`)
/// or rules (`请注意：`) intro keeps them information. Returns the line after the run.
fn unmarked_run(
    a: &Anatomy,
    lines: &[Line],
    roles: &[Role],
    i: usize,
    end: usize,
    opts: &ParseOptions,
) -> Option<usize> {
    let text = |l: Line| a.source[l.start..l.end].trim();
    // The intro: the line right above, or above one blank line.
    let j = match i.checked_sub(1)? {
        j if lines[j].blank => j.checked_sub(1)?,
        j => j,
    };
    if lines[j].blank || !matches!(roles[j], Role::Heading | Role::Free | Role::Opening) {
        return None;
    }
    let intro = text(lines[j]);
    let bracketed = intro.starts_with('【') && intro.ends_with('】') && intro.chars().count() <= 12;
    if !(intro.ends_with(['：', ':']) || bracketed)
        || introduces_status(intro)
        || notes_heading(intro)
    {
        return None;
    }
    let mut k = i;
    while k < end && !lines[k].blank {
        let t = text(lines[k]);
        if list_marker(t).is_some() || strong_item_marker(t).is_some() || table_row(t) {
            return None;
        }
        // `【下次碰头】…` right under the list starts a part of its own.
        if k > i && t.starts_with('【') {
            break;
        }
        k += 1;
    }
    if k - i < 2 {
        return None;
    }
    let semi = |t: &str| t.ends_with(['；', ';']);
    if !(i..k - 1).all(|r| semi(text(lines[r]))) || text(lines[k - 1]).ends_with(['：', ':']) {
        return None;
    }
    let sent = a.date;
    let fields = |l: Line| {
        let times: Vec<(usize, usize)> = a
            .times_in(a.span(l.start, l.end))
            .filter(|x| {
                x.kind == liaison_time::ExprKind::Deadline
                    && x.value.zip(sent).is_none_or(|(v, d)| v >= d)
                    // A date something happened on (`原件12月9日收到`) sets no work.
                    && bounds_work(&a.source, x.span.start, x.span.end)
            })
            .map(|x| (x.span.start - l.start, x.span.end - l.start))
            .collect();
        let f = super::items::read_item(&a.source[l.start..l.end], &times, opts, true);
        (f.owner.is_some() || !times.is_empty(), !times.is_empty())
    };
    let read: Vec<(bool, bool)> = (i..k).map(|r| fields(lines[r])).collect();
    // (A label read as an owner, `成绩单：…；`, alone does not make a line work: most lines
    // of the run set a limit.)
    let limits = read.iter().filter(|x| x.1).count();
    (read.iter().all(|x| x.0) && 2 * limits >= read.len()).then_some(k)
}

/// A line that introduces a list of what was done or where things stand (`进展如下：`,
/// `Status so far:`).
fn introduces_status(t: &str) -> bool {
    let t = t.trim_end();
    if !t.ends_with(['：', ':']) {
        return false;
    }
    let l = search_lower(t);
    [
        "进展",
        "进度",
        "進度",
        "進展",
        "完成情况",
        "status",
        "progress",
        "done so far",
    ]
    .iter()
    .any(|w| l.contains(w))
        && !["请", "需", "please", "need"].iter().any(|w| l.contains(w))
}

/// A line that names an owner and sets a deadline not yet past (`門市價卡——設計部——12/11前`),
/// read as an item would be.
fn carries_fields(a: &Anatomy, s: usize, e: usize, opts: &ParseOptions) -> bool {
    let sent = a.date;
    let times: Vec<(usize, usize)> = a
        .times_in(a.span(s, e))
        .filter(|x| {
            x.kind == liaison_time::ExprKind::Deadline
                && x.value.zip(sent).is_none_or(|(v, d)| v >= d)
        })
        .map(|x| (x.span.start - s, x.span.end - s))
        .collect();
    if times.is_empty() {
        return false;
    }
    let f = super::items::read_item(&a.source[s..e], &times, opts, true);
    f.owner.is_some() && f.due.is_some()
}

/// A line that introduces rules or notes (`请注意：`, `注意事项：`, `Please note:`), not work.
fn notes_heading(t: &str) -> bool {
    let t = search_lower(t.trim());
    let Some(label) = t.strip_suffix(['：', ':']) else {
        return false;
    };
    let label = label.trim();
    label.chars().count() <= 12
        && [
            "注意",
            "须知",
            "須知",
            "please note",
            "note",
            "notes",
            "規定",
            "规定",
            "规则",
            "規則",
        ]
        .iter()
        .any(|w| label.contains(w))
}

fn role_for_content(sec: Sec) -> Role {
    match sec {
        Sec::Background | Sec::Problem => Role::Background,
        Sec::Attachments => Role::AttachmentLine,
        Sec::Items => Role::Item,
        _ => Role::Free,
    }
}

fn add_section_text(a: &mut Anatomy, cur: &mut Option<(Sec, usize)>, sec: Sec, s: usize, e: usize) {
    if !matches!(sec, Sec::Background | Sec::Problem) {
        return;
    }
    let Some((k, idx)) = *cur else {
        return;
    };
    // A list marker (`- 11 of 50 samples…`, `1. 现象：…`) is no part of the sentence.
    let raw = a.source[s..e].trim();
    let listed = matches!(list_marker(raw), Some((mlen, _)) if !raw[mlen..].trim().is_empty());
    let line = match list_marker(raw) {
        Some((mlen, _)) if listed => raw[mlen..].trim(),
        _ => raw,
    }
    .to_string();
    // `二、影响：…`, `Root cause: …` going on in a situation part: the label is no sentence.
    let line = match background::situation_label(&line) {
        Some(c) => line[c..].to_string(),
        None => line,
    };
    let span_start = if k == Sec::Background {
        a.background[idx].span.start
    } else {
        a.problem[idx].span.start
    };
    let span = a.span(span_start, e);
    let line_span = a.span(s, e);
    let list = if k == Sec::Background {
        &mut a.background
    } else {
        &mut a.problem
    };
    // Each line of a list is an entry of its own (`- Stock-outs on two SKUs`, `1. 临时工
    // 晚到一天；`), however it ends: the corpus reads one entry per list line.
    if listed && !list[idx].text.is_empty() {
        list.push(Section {
            heading: None,
            sentences: 0,
            text: line,
            span: line_span,
        });
        *cur = Some((k, list.len() - 1));
        return;
    }
    let target = &mut list[idx];
    if !target.text.is_empty() {
        target.text.push('\n');
    }
    target.text.push_str(&line);
    target.span = span;
}

fn push_item(
    a: &mut Anatomy,
    what_start: usize,
    end: usize,
    marker: &str,
    line_start: usize,
    _opts: &ParseOptions,
    table: Option<(&str, Option<&[String]>)>,
) -> usize {
    let what_start = {
        let t = &a.source[what_start..end];
        what_start + (t.len() - t.trim_start().len())
    };
    let what = a.part(what_start, end);
    let span = a.span(line_start, end);
    let mut item = Item {
        marker: marker.to_string(),
        what,
        owner: None,
        due: None,
        deadlines: Vec::new(),
        standard: None,
        span,
    };
    if let Some((row, Some(header))) = table {
        let cs: Vec<(usize, usize)> = cells(row)
            .into_iter()
            .map(|(s, e)| (line_start + s, line_start + e))
            .collect();
        fill_from_columns(a, &mut item, &cs, header);
    }
    a.items.push(item);
    a.items.len() - 1
}

/// A table written one cell per paragraph (Outlook's text part): at least three header cells
/// naming columns, then rows of as many cells. Returns the header's line range, each row's
/// cell lines and the line after the table.
#[allow(clippy::type_complexity)]
fn cell_table(
    src: &str,
    lines: &[Line],
    i: usize,
    end: usize,
) -> Option<((usize, usize), Vec<Vec<usize>>, usize)> {
    let text = |j: usize| src[lines[j].start..lines[j].end].trim();
    let number_col = is_number_column;
    // Single-line paragraphs from `i` on. An empty cell is an empty paragraph: three blank
    // lines between two cells instead of one (its blank line stands for it).
    let mut cells = Vec::new();
    let mut j = i;
    let mut blanks = 0usize;
    while j < end && cells.len() < 200 {
        if lines[j].blank {
            blanks += 1;
            j += 1;
            continue;
        }
        if j + 1 < end && !lines[j + 1].blank {
            break;
        }
        if !cells.is_empty() {
            for k in 0..blanks.saturating_sub(1) / 2 {
                cells.push(j - blanks + 1 + 2 * k);
            }
        }
        blanks = 0;
        cells.push(j);
        j += 1;
    }
    let known =
        |t: &str| t.chars().count() <= 24 && (column_kind(t) != Col::Other || number_col(t));
    // The header: up to two leading cells that name no known column (`Document`, `Topic`,
    // `Description`: the task column under another name), then a run of known ones
    // (`Owner`, `Due`). A leading cell with a digit or a sentence is a value, not a header.
    let lead = cells
        .iter()
        .take(3)
        .enumerate()
        .take_while(|&(n, &c)| {
            let t = text(c);
            n == 0 && number_col(t)
                || !known(t)
                    && t.chars().count() <= 24
                    && !t.chars().any(|c| c.is_ascii_digit())
                    && t.split_whitespace().count() <= 3
                    && !t.ends_with(['。', '.', '：', ':'])
        })
        .count();
    let run = cells[lead..]
        .iter()
        .take_while(|&&c| known(text(c)))
        .count();
    let k = lead + run;
    if k < 3 || run < 2 {
        return None;
    }
    let numbered = number_col(text(cells[0]));
    let mut rows = Vec::new();
    for chunk in cells[k..].chunks(k) {
        if chunk.len() < k {
            break;
        }
        if numbered
            && !text(chunk[0])
                .trim_end_matches('.')
                .chars()
                .all(|c| c.is_ascii_digit())
        {
            break;
        }
        // A sentence ends the table when it stands where a row starts (the paragraph after
        // the table); a full stop inside a row (`每店一个PDF，含出血。`) is the cell's own.
        if text(chunk[0]).ends_with('。')
            || text(chunk[0]).is_empty()
            || chunk.iter().any(|&c| text(c).chars().count() > 80)
        {
            break;
        }
        rows.push(chunk.to_vec());
    }
    let last = rows.last()?.last().copied()?;
    Some(((cells[0], cells[k - 1] + 1), rows, last + 1))
}

/// A table row whose cells outside the owner columns are all figures (`14`, `95.4%`,
/// `+5%`, `1,206`), under a header with no task or time column.
/// A row whose status cell says it is finished (`已完成`, `Done`, `✅`), or whose time cell
/// is only `已完成`: where things stand, no work left (adjudicated A4: done rows of a progress
/// table are no items; open or blocked ones stay).
fn done_row(t: &str, header: &[String]) -> bool {
    const DONE: [&str; 11] = [
        "已完成",
        "完成",
        "已關閉",
        "已关闭",
        "已交付",
        "已上线",
        "已上線",
        "done",
        "completed",
        "closed",
        "✅",
    ];
    let cs = cells(t);
    header.iter().enumerate().any(|(k, h)| {
        let Some(&(s, e)) = cs.get(k) else {
            return false;
        };
        let c = search_lower(t[s..e].trim());
        let status = matches!(
            search_lower(h.trim()).as_ref(),
            "状态" | "狀態" | "status" | "state" | "进展" | "進展"
        );
        status && DONE.iter().any(|w| c.starts_with(w))
            || column_kind(h) == Col::Due && DONE.contains(&c.as_ref())
    })
}

fn figure_row(t: &str, header: &[String]) -> bool {
    if header
        .iter()
        .any(|c| matches!(column_kind(c), Col::What | Col::Due | Col::Standard))
    {
        return false;
    }
    let cs = cells(t);
    let mut figures = 0;
    for (k, (s, e)) in cs.iter().enumerate() {
        let kind = header.get(k).map_or(Col::Other, |h| column_kind(h));
        if matches!(kind, Col::Person | Col::Dept | Col::Note) {
            continue;
        }
        let c = t[*s..*e].trim();
        let figure = !c.is_empty()
            && c.chars().any(|ch| ch.is_ascii_digit())
            && c.chars().all(|ch| {
                ch.is_ascii_digit() || matches!(ch, '.' | ',' | '%' | '+' | '-' | '−' | ' ' | '/')
            });
        if !figure {
            return false;
        }
        figures += 1;
    }
    figures > 0
}

fn is_number_column(t: &str) -> bool {
    matches!(
        search_lower(t.trim()).as_ref(),
        "序号" | "序號" | "no." | "no" | "#" | "编号" | "編號" | "项次" | "項次"
    )
}

/// A line that could head a one-cell-per-paragraph table's column.
fn is_header_cell(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() <= 24 && (is_number_column(t) || column_kind(t) != Col::Other)
}

/// What a table column holds, by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    What,
    Person,
    Dept,
    Due,
    Standard,
    /// Remarks (`备注`, `Notes`): a known column that holds none of the item's fields.
    Note,
    Other,
}

fn column_kind(h: &str) -> Col {
    let h = search_lower(h);
    let has = |ws: &[&str]| ws.iter().any(|k| h.contains(k));
    // Short English header words matched as whole words (`eta` is not in `details`).
    let word = |ws: &[&str]| {
        h.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| ws.contains(&w))
    };
    if matches!(
        h.trim(),
        "备注" | "備註" | "说明" | "說明" | "remarks" | "remark" | "notes" | "note" | "comments"
    ) {
        return Col::Note;
    }
    // Where a row stands (`Status`, `狀態`, `进度`): no field of the item.
    if matches!(
        h.trim(),
        "状态" | "狀態" | "进度" | "進度" | "进展" | "進展" | "status" | "progress" | "state"
    ) {
        return Col::Note;
    }
    if word(&["pic", "lead", "assigned"]) || has(&["person in charge", "負責窗口"]) {
        return Col::Person;
    }
    if word(&["eta", "timeline", "milestone"]) || has(&["到期", "目标日", "目標日"]) {
        return Col::Due;
    }
    if word(&[
        "activity",
        "activities",
        "step",
        "steps",
        "topic",
        "request",
        "description",
    ]) && !has(&[
        "owner",
        "due",
        "date",
        "deadline",
        "standard",
        "deliverable",
    ]) {
        return Col::What;
    }
    if has(&[
        "负责人",
        "对接人",
        "责任人",
        "負責人",
        "联系人",
        "聯絡人",
        "負責同仁",
        "對接人",
        "責任人",
        "承办",
        "承辦",
        "窗口",
        "owner",
        "responsible",
        "assignee",
        "who",
    ]) {
        Col::Person
    } else if has(&[
        "负责部门",
        "部门",
        "部門",
        "单位",
        "單位",
        "负责",
        "負責",
        "责任",
        "責任",
        "department",
        "team",
    ]) {
        Col::Dept
    } else if has(&[
        "标准",
        "標準",
        "交付物",
        "验收",
        "standard",
        "deliverable",
        "acceptance",
        "criteria",
    ]) {
        Col::Standard
    } else if has(&[
        "时间",
        "時間",
        "截止",
        "日期",
        "期限",
        "due",
        "deadline",
        "date",
        "when",
        "计划完成",
        "預計完成",
        "预计完成",
        "完成日",
        "交期",
        "target",
        "by when",
        "時程",
        "期程",
    ]) {
        Col::Due
    } else if has(&[
        "任务",
        "任務",
        "事项",
        "事項",
        "項目",
        "内容",
        "內容",
        "工作",
        "做什么",
        "task",
        "item",
        "action",
        "what",
        "workstream",
        "需求",
    ]) {
        Col::What
    } else {
        Col::Other
    }
}

/// Fills an item from table cells (absolute byte ranges) by the header's columns: the task
/// column is the what, the person column (else the department column) the owner, the time
/// column the due, the standard column the standard.
fn fill_from_columns(a: &Anatomy, item: &mut Item, cs: &[(usize, usize)], header: &[String]) {
    let mut owner_is_person = false;
    let mut what: Option<Part> = None;
    let mut first_other: Option<Part> = None;
    for (ci, &(s, e)) in cs.iter().enumerate() {
        let Some(h) = header.get(ci) else { continue };
        let cell = a.part(s, e);
        if cell.text.trim().is_empty() || is_none_cell(&cell.text) {
            continue;
        }
        match column_kind(h) {
            Col::Person | Col::Dept => {
                let person = column_kind(h) == Col::Person;
                // A person column wins over a department column.
                if item.owner.is_none() || person && !owner_is_person {
                    item.owner = Some(cell);
                    owner_is_person = person;
                }
            }
            Col::Standard => item.standard = Some(cell),
            Col::Note => {}
            Col::Due => {
                if item.due.is_none() {
                    item.due = Some(cell);
                }
            }
            Col::What => {
                if what.is_none() {
                    what = Some(cell);
                }
            }
            Col::Other => {
                let numeric = cell
                    .text
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.');
                if first_other.is_none() && !numeric {
                    first_other = Some(cell);
                }
            }
        }
    }
    if let Some(w) = what.or(first_other) {
        item.what = w;
    } else if let Some(w) = item.standard.take() {
        // `Deliverable | Owner | Due`: with no task column the deliverable is the what.
        item.what = w;
    }
}

fn is_none_cell(s: &str) -> bool {
    matches!(
        s.trim(),
        "" | "-" | "—" | "无" | "/" | "N/A" | "n/a" | "TBD" | "待定"
    )
}

/// `1:1 and 9:16`, `9:16 version`, `16:9横版`: a clock-like `H:MM` that is an aspect ratio,
/// no time: another ratio stands beside it, or a format word follows it.
fn aspect_ratio(src: &str, s: usize, e: usize) -> bool {
    let Some(t) = src.get(s..e) else {
        return false;
    };
    let clock = |x: &str| {
        let mut it = x.split(':');
        matches!(
            (it.next(), it.next(), it.next()),
            (Some(h), Some(m), None)
                if (1..=2).contains(&h.len())
                    && (1..=2).contains(&m.len())
                    && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        )
    };
    if !clock(t.trim()) {
        return false;
    }
    let before = src[..s].trim_end();
    let after = src[e..].trim_start();
    let la = after.to_ascii_lowercase();
    let format_word = [
        "version", "format", "ratio", "aspect", "video", "banner", "横版", "竖版", "橫版", "豎版",
        "比例", "画幅", "畫幅",
    ]
    .iter()
    .any(|w| la.starts_with(w));
    // A ratio written just before (`1:1 and 9:16`, `16:9、9:16`).
    let joined = ["and", "or", "&", "、", "/", ",", "，", "和", "或"]
        .iter()
        .find_map(|w| before.strip_suffix(*w))
        .map(str::trim_end)
        .and_then(|b| b.rsplit([' ', '(', '（']).next())
        .is_some_and(|w| clock(w) && w.split(':').next() != Some("0"));
    let ratio_after = ["and ", "or ", "、", "/"]
        .iter()
        .find_map(|w| after.strip_prefix(*w))
        .map(|r| r.trim_start())
        .and_then(|r| r.split([' ', ')', '）', ',', '，']).next())
        .is_some_and(clock);
    format_word || joined || ratio_after
}

fn extend_item(a: &mut Anatomy, idx: usize, end: usize) {
    let (ws, ss) = (a.items[idx].what.span.start, a.items[idx].span.start);
    a.items[idx].what = a.part(ws, end);
    a.items[idx].span = a.span(ss, end);
}

fn fill_item(a: &mut Anatomy, idx: usize, opts: &ParseOptions) {
    let span = a.items[idx].span;
    let times: Vec<_> = a
        .times_in(span)
        .filter(|t| !aspect_ratio(&a.source, t.span.start, t.span.end))
        .cloned()
        .collect();
    if a.items[idx].marker == "|" {
        // Table rows: the columns decided the fields (see `push_item`).
        if a.items[idx].due.is_none()
            && let Some(t) = times.first()
        {
            a.items[idx].due = Some(a.part(t.span.start, t.span.end));
        }
        a.items[idx].deadlines = times;
        return;
    }
    let ws = a.items[idx].what.span.start;
    let text = a.source[ws..span.end].to_string();
    let rel: Vec<(usize, usize)> = times
        .iter()
        .filter(|t| t.span.start >= ws)
        .map(|t| (t.span.start - ws, t.span.end - ws))
        .collect();
    let listed = !a.items[idx].marker.is_empty();
    let f = super::items::read_item(&text, &rel, opts, listed);
    let part = |r: Option<(usize, usize)>, a: &Anatomy| r.map(|(s, e)| a.part(ws + s, ws + e));
    if let Some(w) = part(f.what, a) {
        a.items[idx].what = w;
    }
    if a.items[idx].owner.is_none() {
        a.items[idx].owner = part(f.owner, a);
    }
    if a.items[idx].standard.is_none() {
        a.items[idx].standard = part(f.standard, a);
    }
    a.items[idx].due = part(f.due, a);
    limit_due(a, idx, &times);
    a.items[idx].deadlines = times;
    bracketed_addressee(a, idx);
    if a.items[idx].owner.is_none() {
        addressee_owner(a, idx);
    }
}

/// `- 6 static banners in 1:1 and 9:16 (Oscar)` under `Hi Mei, hi Oscar,`: a list line
/// closing with one of the greeted people in brackets hands the line to that person; the
/// bracket leaves the what. (A bracket naming anyone else, `(PDF)`, `(Reviewer 1)`, stays.)
fn bracketed_addressee(a: &mut Anatomy, idx: usize) {
    if !a.items[idx].is_listed() {
        return;
    }
    let what = a.items[idx].what.span;
    // The bracket closes the item's line (the what may end before it, at a comma).
    let span = a.items[idx].span;
    let line_end = a.source[span.start..span.end]
        .find('\n')
        .map_or(span.end, |k| span.start + k);
    let le = span.start
        + a.source[span.start..line_end]
            .trim_end_matches(['.', ';', '；', '。', ' ', '\r'])
            .len();
    let Some(((bs, _), (is, ie))) = super::items::trailing_bracket(&a.source, (what.start, le))
    else {
        return;
    };
    // (`IT运维部（刘洋）`: a bracket already read as part of the owner stays there.)
    if a.items[idx]
        .owner
        .as_ref()
        .is_some_and(|o| o.span.start < ie && o.span.end > is)
    {
        return;
    }
    let inner = a.source[is..ie].trim();
    let named = addressees(a).iter().any(|n| n == inner)
        || greeted_latin_names(a).iter().any(|n| n == inner);
    if !named {
        return;
    }
    let ns = is + a.source[is..ie].find(inner).unwrap_or(0);
    let we = bs - (a.source[..bs].len() - a.source[..bs].trim_end().len());
    if we <= what.start {
        return;
    }
    a.items[idx].owner = Some(a.part(ns, ns + inner.len()));
    if what.end > we {
        a.items[idx].what = a.part(what.start, we);
    }
    // (`, with AU captions (Mei)`: nor does it belong to a standard ending there.)
    if let Some(st) = a.items[idx].standard.as_ref().map(|p| p.span)
        && st.end > bs
        && st.start < we
    {
        a.items[idx].standard = Some(a.part(st.start, we));
    }
}

/// The people a Latin-script greeting names (`Hi Mei, hi Oscar,` → Mei, Oscar; `Dear Yu Qi
/// and Tom,`): one to three capitalised words each, not a group (`team`, `all`).
fn greeted_latin_names(a: &Anatomy) -> Vec<String> {
    let Some(g) = &a.greeting else {
        return Vec::new();
    };
    let text = g.text.trim_end_matches([',', ':', '!', ' ', '，', '：']);
    text.split([',', '&', '，'])
        .flat_map(|p| p.split(" and "))
        .filter_map(|p| {
            let mut p = p.trim();
            for h in ["hi ", "hello ", "hey ", "dear "] {
                if let (Some(head), Some(rest)) = (p.get(..h.len()), p.get(h.len()..))
                    && head.eq_ignore_ascii_case(h)
                {
                    p = rest.trim_start();
                }
            }
            let words: Vec<&str> = p.split_whitespace().collect();
            let name = (1..=3).contains(&words.len())
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_ascii_uppercase())
                        && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                })
                && !["Team", "All", "Everyone", "Both", "Guys"].contains(&words[0]);
            name.then(|| p.to_string())
        })
        .collect()
}

/// `…在12月4日上午10点到12点之间拣200单，当天下班前把记录表发给我`, `The slot is Dec 18;
/// please confirm by Wednesday, Dec 16`: of an item's times, the due is the one written as a
/// limit for the work (`…前`, `by …`), not one that says when something happens. A due
/// after a label (`截止：12月9日`) is the writer's choice and stays.
fn limit_due(a: &mut Anatomy, idx: usize, times: &[super::TimeExpr]) {
    let Some(d) = &a.items[idx].due else {
        return;
    };
    let (ds, de) = (d.span.start, d.span.end);
    let labelled = a.source[..ds]
        .trim_end_matches([' ', '*'])
        .ends_with([':', '：']);
    if labelled || bounds_work(&a.source, ds, de) {
        return;
    }
    // Only a due that is a time the scanner read (not `same deadline`, `即日起`).
    if !times.iter().any(|t| t.span.start == ds && t.span.end == de) {
        return;
    }
    let is_limit = |t: &&super::TimeExpr| {
        t.kind == liaison_time::ExprKind::Deadline
            && (t.span.start, t.span.end) != (ds, de)
            && bounds_work(&a.source, t.span.start, t.span.end)
    };
    let Some(t) = times.iter().find(is_limit) else {
        return;
    };
    a.items[idx].due = Some(a.part(t.span.start, t.span.end));
}

/// The people the greeting names one by one (`钱敏、顾文：`, `吴总、郑总：`), as written: a Han
/// name or a surname with a title, not a group (`各位`, `大家`).
fn addressees(a: &Anatomy) -> Vec<String> {
    let Some(g) = &a.greeting else {
        return Vec::new();
    };
    let mut who = g
        .text
        .trim_end_matches(['：', ':', '，', ',', '！', '!', '～', '~', ' '])
        .trim_end();
    for h in ["你们好", "你們好", "您好", "你好", "早上好", "下午好", "好"] {
        if let Some(r) = who.strip_suffix(h) {
            who = r.trim_end();
            break;
        }
    }
    who.split(['、', '，', ',', '/', '和'])
        .map(str::trim)
        .filter(|n| {
            let c = n.chars().count();
            n.chars().all(is_han)
                && (2..=4).contains(&c)
                && !["各", "大家", "同事", "同仁", "团队", "團隊"]
                    .iter()
                    .any(|w| n.contains(w))
                && (super::items::han_person(n)
                    && (c <= 3 || ["总", "總", "经理", "經理"].iter().any(|t| n.ends_with(t))))
        })
        .map(str::to_string)
        .collect()
}

/// `郑总在12月16日前跟顺捷确认…`, `请吴总于12月17日前确认`, `韩梅安排两个拣货员…`: one of the
/// people the greeting names, leading the ask (before its deadline and its verb), is its
/// owner; a name inside the what (`把报价发给吴总`) is not.
fn addressee_owner(a: &mut Anatomy, idx: usize) {
    let names = addressees(a);
    if names.is_empty() {
        return;
    }
    let span = a.items[idx].span;
    let what = a.items[idx].what.span;
    let Some(text) = a.source.get(span.start..span.end) else {
        return;
    };
    let mut found: Option<(usize, usize)> = None;
    for n in &names {
        for (i, _) in text.match_indices(n.as_str()) {
            let (s, e) = (span.start + i, span.start + i + n.len());
            let before = text[..i].trim_end_matches(' ');
            let led = before.is_empty()
                || [
                    "请", "請", "麻烦", "麻煩", "：", ":", "，", "；", "—", "-", "由",
                ]
                .iter()
                .any(|w| before.ends_with(w));
            let after = &text[i + n.len()..];
            // The name's clause goes on with when or how it acts, not `的…` (`郑总的意见`).
            let acts = [
                "在", "于", "於", "这边", "這邊", "那边", "那邊", "负责", "負責", "麻烦", "麻煩",
            ]
            .iter()
            .any(|w| after.starts_with(w))
                || a.times_in(a.span(e, span.end)).any(|t| t.span.start == e)
                || e == what.start
                || s == what.start && after.starts_with(|c: char| is_han(c) && c != '的');
            let inside = s >= what.start && s < what.end && s != what.start;
            if !led || !acts || inside {
                continue;
            }
            if found.is_some_and(|(fs, fe)| a.source[fs..fe] != *n.as_str()) {
                // Two different people lead clauses of one item: whose it is stays open.
                return;
            }
            found.get_or_insert((s, e));
        }
    }
    let Some((s, e)) = found else {
        return;
    };
    a.items[idx].owner = Some(a.part(s, e));
    // The name led the what itself (`韩梅安排…`): the what is the action after it.
    if s == what.start {
        let mut ws = e;
        for w in [
            "这边", "這邊", "那边", "那邊", "负责", "負責", "在", "于", "於",
        ] {
            if a.source[ws..what.end].starts_with(w) {
                ws += w.len();
                break;
            }
        }
        if what.end > ws + 3 {
            a.items[idx].what = a.part(ws, what.end);
        }
    }
}

// ----------------------------------------------------------------------------------------
// Line shapes.

/// A greeting at the start of `t`: returns (end byte, kind, names).
/// A vocative at the start of a line: names or titles (`王磊：`, `高远、陈晨：`, `袁帅～`,
/// `志明經理、Eric：`, `Amy, Zhang Wei –`, `顾晓 hi，`, `何经理早上好～`) before a comma, colon,
/// tilde or dash. Returns the end (terminator included) and the number of names.
fn vocative(t: &str) -> Option<(usize, usize)> {
    const TERMS: [char; 10] = ['：', ':', '，', ',', '～', '~', '！', '!', '–', '-'];
    const HELLO: [&str; 12] = [
        "你好呀",
        "您好呀",
        "你好",
        "您好",
        "早上好",
        "下午好",
        "晚上好",
        "早安",
        "早",
        "hi",
        "好",
        "你們好",
    ];
    let tt = t.trim_end();
    // The name part: the whole line when it is only names (`Amy, Zhang Wei –`), else up to
    // the first terminator.
    let last = tt.chars().next_back()?;
    let whole = TERMS.contains(&last)
        && !tt.chars().any(is_han)
        && tt.chars().count() <= 40
        && !tt[..tt.len() - last.len_utf8()].contains(['.', '?', '!', ':']);
    let (ti, tc) = if whole {
        (tt.len() - last.len_utf8(), last)
    } else {
        tt.char_indices().find(|(_, c)| TERMS.contains(c))?
    };
    let mut who = tt[..ti].trim_end();
    if who.is_empty() || who.chars().count() > 24 {
        return None;
    }
    // `- ` and `–` only end an English vocative written with spaces (`Amy –`).
    if matches!(tc, '-' | '–') && !tt[..ti].ends_with(' ') {
        return None;
    }
    let mut greeted = false;
    for h in HELLO {
        if let Some(r) = who.strip_suffix(h)
            && !r.is_empty()
        {
            who = r.trim_end();
            greeted = true;
            break;
        }
    }
    let names: Vec<&str> = who
        .split(['、', ',', '，', '/', '和'])
        .flat_map(|x| x.split(" and "))
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    if names.is_empty() {
        return None;
    }
    let whole_line = ti + tc.len_utf8() >= tt.len();
    // The addressee line of a notice or a family mail (`各医疗机构：`, `城南支行：`,
    // `爸、叔叔、陈姐：`): short Han names alone on the first line before a colon, which is
    // not a section label (`背景：`, `事项如下：`).
    let addressee = whole_line && matches!(tc, '：' | ':') && heading(tt).is_none();
    let ok = names.iter().all(|n| {
        let c = n.chars().count();
        if kin_call(n) {
            return true;
        }
        if n.chars().all(is_han) {
            if addressee && c <= 8 && !ADDRESSEE_NOT.iter().any(|w| n.contains(w)) {
                return true;
            }
            // Departments addressed on a line of their own (`网络与信息中心、科研经费科：`).
            let unit = whole_line
                && c <= 12
                && (super::signature::han_department_end(n) == Some(n.len())
                    || super::signature::han_unit(n));
            unit || (2..=6).contains(&c)
                && (has_title(n)
                    || [
                        "各位",
                        "各部门",
                        "大家",
                        "同事",
                        "领导",
                        "伙伴",
                        "老师",
                        "同学",
                    ]
                    .iter()
                    .any(|w| n.contains(w))
                    || super::items::han_person(n) && c <= 3
                    || whole_line && c <= 3
                    || matches!(tc, '～' | '~') && c <= 3
                    || greeted && c <= 3)
        } else {
            let ws: Vec<&str> = n.split_whitespace().collect();
            (1..=3).contains(&ws.len())
                && ws.iter().all(|w| {
                    w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                        && w.chars()
                            .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '.'))
                })
                && ![
                    "Please",
                    "Thanks",
                    "Thank",
                    "Note",
                    "Update",
                    "Re",
                    "FYI",
                    "Hope",
                    // A reply's first word answers, it calls nobody (`Noted, will do.`,
                    // `Sorry Tom, …`).
                    "Noted",
                    "Sorry",
                    "Sure",
                    "Agreed",
                    "Understood",
                    "Done",
                    "Great",
                    "Perfect",
                    "Yes",
                    "OK",
                    "Okay",
                ]
                .contains(&ws[0])
                || n.chars().any(is_han)
                    && n.split_whitespace().all(|w| {
                        w.chars().all(is_han) && (2..=4).contains(&w.chars().count())
                            || w.chars().all(|c| c.is_ascii_alphabetic())
                    })
                    && (whole_line || greeted)
        }
    });
    if !ok {
        return None;
    }
    let mut end = ti + tc.len_utf8();
    // Punctuation and a trailing 早/好 right after.
    for c in tt[end..].chars() {
        if matches!(c, '！' | '!' | '～' | '~') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    Some((end, names.len()))
}

/// A line that starts by calling a recipient by the forms Chinese colleagues use for a
/// name (`李嘉敏` → `嘉敏`; `田甜` → `甜甜`; `周敏` → `敏姐`; `阿飞` → `飞哥`): returns the end of
/// the vocative, with one comma, tilde or space after it. The recipient's name is what tells
/// a bare given name (`嘉敏，收到`) from a sentence's first word (`今天，`).
fn recipient_vocative(t: &str, name: &str) -> Option<usize> {
    let name = name.trim();
    let cs: Vec<char> = name.chars().collect();
    if !(2..=4).contains(&cs.len()) || !cs.iter().all(|&c| is_han(c)) {
        return None;
    }
    let last = cs[cs.len() - 1];
    let mut forms: Vec<String> = Vec::new();
    if cs.len() == 3 {
        forms.push(cs[1..].iter().collect());
    }
    forms.push([last, last].iter().collect());
    for kin in ['姐', '哥'] {
        forms.push([last, kin].iter().collect());
    }
    let form = forms.iter().find(|f| t.starts_with(f.as_str()))?;
    let mut end = form.len();
    let rest = &t[end..];
    if let Some(c) = rest.chars().next()
        && matches!(c, '，' | ',' | '～' | '~' | ' ' | '　')
    {
        end += c.len_utf8();
    } else if rest
        .chars()
        .next()
        .is_some_and(|c| !is_han(c) && !c.is_whitespace())
    {
        // `嘉敏。` or `嘉敏的…` are not calls; a Han word straight after is (`飞哥抱歉`).
        return None;
    }
    Some(end)
}

/// A family or familiar call: a kinship word alone or after a short name or initial (`哥`,
/// `爸`, `K哥`, `May姐`, `王叔`); not after a pronoun (`我哥`).
fn kin_call(n: &str) -> bool {
    const KIN: [&str; 12] = [
        "哥", "姐", "爸", "妈", "叔", "姨", "舅", "伯", "嫂", "叔叔", "阿姨", "舅舅",
    ];
    KIN.iter().any(|k| {
        n.strip_suffix(k).is_some_and(|p| {
            p.chars().count() <= 4
                && p.chars().all(|c| is_han(c) || c.is_ascii_alphabetic())
                && !["我", "你", "他", "她", "您"]
                    .iter()
                    .any(|x| p.ends_with(x))
        })
    })
}

/// Words that make a line ending in a colon a label or a lead-in, not an addressee.
const ADDRESSEE_NOT: [&str; 17] = [
    "背景", "如下", "以下", "下列", "事项", "情况", "问题", "说明", "进展", "备注", "需要", "请",
    "麻烦", "附件", "内容", "结论", "原因",
];

fn greeting(t: &str) -> Option<(usize, GreetingKind, usize)> {
    let lower = t.to_ascii_lowercase();
    // English.
    for p in [
        "dear ",
        "hi ",
        "hi,",
        "hello",
        "hey ",
        "good morning",
        "good afternoon",
        "greetings",
    ] {
        if lower.starts_with(p) {
            let mut end = t
                .char_indices()
                .find(|(_, c)| matches!(c, ',' | ':' | '!' | '，' | '：'))
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(t.len());
            if end > 60 {
                return None;
            }
            // `Dear Yuki-san, dear Mori-san,`: a line of salutations is the greeting whole.
            let tt = t.trim_end();
            if tt.len() > end
                && tt.chars().count() <= 80
                && tt.ends_with([',', ':', '!', '，', '：', '-', '–'])
                && !tt[..tt.len() - tt.chars().next_back().map_or(0, char::len_utf8)]
                    .replace("Mr.", "Mr")
                    .replace("Ms.", "Ms")
                    .replace("Mrs.", "Mrs")
                    .replace("Dr.", "Dr")
                    .contains(['.', '?', '。', '！', '!'])
            {
                end = tt.len();
            }
            let who = t[p.len().min(end)..end]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            let wl = who.to_ascii_lowercase();
            let kind = if [
                "all",
                "everyone",
                "team",
                "colleagues",
                "folks",
                "everybody",
            ]
            .iter()
            .any(|w| wl.split_whitespace().any(|x| x == *w))
            {
                GreetingKind::Group
            } else if who.is_empty() {
                GreetingKind::Neutral
            } else {
                GreetingKind::Personal
            };
            let names = if kind == GreetingKind::Personal {
                who.split([',', '&'])
                    .flat_map(|x| x.split(" and "))
                    .filter(|x| !x.trim().is_empty())
                    .count()
            } else {
                0
            };
            return Some((end, kind, names));
        }
    }
    for p in ["all,", "team,", "everyone,"] {
        if lower.starts_with(p) {
            return Some((p.len(), GreetingKind::Group, 0));
        }
    }
    if let Some((end, names)) = vocative(t)
        && ![
            "您好",
            "你好",
            "大家好",
            "各位好",
            "你们好",
            "早上好",
            "下午好",
        ]
        .iter()
        .any(|h| t[end..].trim_start().starts_with(h))
    {
        let who = &t[..end];
        let kind = if ["各位", "大家", "诸位", "们", "all", "team"]
            .iter()
            .any(|w| who.contains(w))
        {
            GreetingKind::Group
        } else {
            GreetingKind::Personal
        };
        return Some((
            end,
            kind,
            if kind == GreetingKind::Group {
                0
            } else {
                names
            },
        ));
    }
    // Chinese.
    let head: String = t.chars().take(40).collect();
    let mut end = None;
    for w in [
        "大家好",
        "各位好",
        "您好",
        "你好",
        "你们好",
        "好！",
        "好!",
        "好，",
        "好,",
    ] {
        if let Some(i) = head.find(w) {
            let e = i + w.len();
            if end.is_none_or(|x| e < x) {
                end = Some(e);
            }
        }
    }
    let end = match end {
        Some(mut e) => {
            // Take the punctuation right after.
            for c in t[e..].chars() {
                if matches!(c, '！' | '!' | '，' | ',' | '。' | '：' | ':' | '~' | '～') {
                    e += c.len_utf8();
                } else {
                    break;
                }
            }
            e
        }
        None => {
            // 张经理： / 各位同事：
            let c = t.chars().count();
            let last = t.chars().last()?;
            if c <= 20
                && matches!(last, '：' | ':' | '，' | ',')
                && (has_title(t)
                    || t.contains("各位")
                    || t.contains("大家")
                    || t.contains("领导")
                    || t.contains("同事"))
            {
                t.len()
            } else {
                return None;
            }
        }
    };
    let who = &t[..end];
    let kind = if ["各位", "大家", "诸位", "同事们", "领导们", "同仁", "们"]
        .iter()
        .any(|w| who.contains(w))
    {
        GreetingKind::Group
    } else if has_title(who)
        || who.chars().take_while(|c| is_han(*c)).count() >= 2
            && !who.starts_with("您好")
            && !who.starts_with("你好")
    {
        GreetingKind::Personal
    } else {
        GreetingKind::Neutral
    };
    let names = if kind == GreetingKind::Personal {
        let before = who
            .split(['，', ',', '：', ':', '！', '!'])
            .next()
            .unwrap_or("");
        before
            .split(['、', '和', '及', '/'])
            .filter(|x| !x.trim().is_empty())
            .count()
            .max(1)
    } else {
        0
    };
    Some((end, kind, names))
}

const TITLES: &[&str] = &[
    "經理",
    "總監",
    "老師",
    "負責人",
    "總",
    "組長",
    "店長",
    "同學",
    "部長",
    "经理",
    "主管",
    "总监",
    "老师",
    "先生",
    "女士",
    "主任",
    "部长",
    "负责人",
    "总",
    "工",
    "组长",
    "同学",
];
static TITLES_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TITLES));

fn has_title(t: &str) -> bool {
    TITLES_SET.contains_any(t)
}

/// A section heading or label: the section it opens and, when content follows a colon on
/// the same line, the byte offset of that content.
fn heading(t: &str) -> Option<(Sec, Option<usize>)> {
    let mut s = t.trim();
    let base = t.len() - t.trim_start().len();
    let mut off = base;
    let mut styled = false;
    // Markdown headings and bold.
    let hashes = s.len() - s.trim_start_matches('#').len();
    if hashes > 0 {
        s = &s[hashes..];
        off += hashes;
        styled = true;
    }
    let ws = s.len() - s.trim_start().len();
    s = &s[ws..];
    off += ws;
    if let Some(r) = s.strip_prefix("**") {
        s = r;
        off += 2;
        styled = true;
    }
    // Numbering: 一、 （一） 1. 1、 Part.
    let mut numbered_cn = false;
    let mut listed = false;
    if let Some((mlen, _)) = cn_numeral_marker(s) {
        s = &s[mlen..];
        off += mlen;
        numbered_cn = true;
    } else if let Some((mlen, _)) = list_marker(s) {
        s = &s[mlen..];
        off += mlen;
        listed = true;
    }
    // 【背景】 / [Background]
    if let Some(r) = s.strip_prefix('【')
        && let Some(ci) = r.find('】')
    {
        let label = &r[..ci];
        let after = &r[ci + '】'.len_utf8()..];
        let kind = classify_label(label)?;
        let content_off = off + '【'.len_utf8() + ci + '】'.len_utf8();
        let lead = after.len() - after.trim_start_matches([' ', '：', ':']).len();
        let rest = after.trim_start_matches([' ', '：', ':']).trim();
        return Some((kind, (!rest.is_empty()).then_some(content_off + lead)));
    }
    // Label up to a colon.
    let colon = s
        .char_indices()
        .find(|(_, c)| matches!(c, '：' | ':'))
        .map(|(i, c)| (i, c.len_utf8()));
    let (label, content) = match colon {
        Some((ci, cl)) => {
            let label = s[..ci].trim_end_matches("**").trim();
            let rest = &s[ci + cl..];
            let rest_t = rest.trim_start_matches("**");
            let lead = rest.len() - rest_t.trim_start().len();
            let content = rest_t.trim();
            (label, (!content.is_empty()).then_some(off + ci + cl + lead))
        }
        None => (s.trim_end_matches("**").trim(), None),
    };
    if label.is_empty() || label.chars().count() > 24 {
        return None;
    }
    if label.contains(['，', '。', ',', '；', '！', '？']) {
        return None;
    }
    // `修圖及交付——負責人：Eric——12/22前`: fields joined by dashes make an item line,
    // whatever word the first field holds.
    if label.contains(['—', '–']) {
        return None;
    }
    if let Some(kind) = classify_label(label) {
        // `2. 完成教育訓練：人資部負責，12/22前`, `3. 完成培训（负责：人资部）`: a list line
        // whose label only holds a weak keyword (`完成`) among other words is an item, not
        // a part heading.
        if listed
            && !styled
            && kind == Sec::Other
            && content.is_some()
            && label.chars().count() > 4
            && label.chars().any(is_han)
        {
            return None;
        }
        // Without a colon, a keyword line must be styled or short and keyword-only; a
        // bulleted line without one is a point of a list (`- 保养合约已经过期` holds 经过
        // by chance).
        if colon.is_none()
            && !styled
            && !numbered_cn
            && (label.chars().count() > 14 || kind == Sec::Other || listed)
        {
            return None;
        }
        if kind == Sec::DeadlineLabel && content.is_none() {
            return None;
        }
        return Some((kind, content));
    }
    if (styled || numbered_cn) && colon.is_none() {
        return Some((Sec::Other, None));
    }
    None
}

/// The label word groups [`classify_label`] tries, in order.
const LABEL_GROUPS: [&[&str]; 9] = [
    // 0: a deadline label…
    &[
        "截止时间",
        "截止日期",
        "截止",
        "完成时间",
        "最晚",
        "deadline",
        "due date",
        "due by",
    ],
    // 1: …unless it names items.
    &["事项", "需求", "任务"],
    // 2: attachments.
    &["附件", "attachment", "enclosure"],
    // 3: items.
    &[
        "遗留",
        "待办",
        "事项",
        "分工",
        "职责",
        "行动",
        "需求清单",
        "具体需求",
        "任务",
        "action",
        "request",
        "task",
        "to-do",
        "todo",
        "asks",
        "what we need",
        "deliverables",
        "改进",
        "改進",
        "整改",
        "重点工作",
        "进行中",
        "進行中",
        "工作计划",
        "行动项",
        "work package",
        "workstream",
        "work plan",
        "open item",
        "open point",
        "improvement",
        "follow-up",
        "follow up",
        "next steps",
        "action items",
        "still open",
        "needed",
        "what i need",
        "待处理",
        "待處理",
        "未完成",
        "待完成",
        "待辦",
        "待跟进",
        "待跟進",
        "下周计划",
        "need your input",
    ],
    // 4: background (what happened, in issues and retrospectives).
    &[
        "what went wrong",
        "经过",
        "經過",
        "what happened",
        "发生了什么",
        "發生了什麼",
        "结果",
        "背景",
        "目标",
        "目的",
        "background",
        "goal",
        "objective",
        "context",
        "purpose",
    ],
    // 5: items (weaker words).
    &["需求", "需协调", "请协助", "协助", "協助", "配合"],
    // 6: problem.
    &[
        "问题描述",
        "问题现象",
        "问题概述",
        "问题说明",
        "problem",
        "issue description",
        "what happened",
    ],
    // 7: closing.
    &["后续", "下一步", "结尾", "next step"],
    // 8: other known parts.
    &[
        "里程碑",
        "进展",
        "进度",
        "完成",
        "done",
        "in progress",
        "成果",
        "数据",
        "已采取",
        "措施",
        "共识",
        "说明",
        "概况",
        "致谢",
        "贡献",
        "改进",
        "经验",
        "归档",
        "时间线",
        "安排",
        "会议",
        "风险",
        "milestone",
        "progress",
        "timeline",
        "summary",
        "status",
        "risks",
        "agreed",
        "open questions",
        "thanks",
    ],
];

/// One automaton over every label word, and for each group the indices of its words.
static LABEL_SET: LazyLock<GroupedWords> = LazyLock::new(|| GroupedWords::new(&LABEL_GROUPS));

/// Word groups sharing one [`WordSet`] (a word in two groups is stored once).
pub(super) struct GroupedWords {
    set: WordSet,
    /// For each group, the bits of its words.
    groups: Vec<u128>,
}

impl GroupedWords {
    pub(super) fn new(groups: &[&[&str]]) -> GroupedWords {
        let mut words: Vec<&str> = Vec::new();
        let groups = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|w| match words.iter().position(|x| x == w) {
                        Some(i) => i,
                        None => {
                            words.push(w);
                            words.len() - 1
                        }
                    })
                    .fold(0u128, |m, i| m | 1 << i)
            })
            .collect();
        GroupedWords {
            set: WordSet::new(&words),
            groups,
        }
    }

    /// Whether a word of group `g` is in `found`.
    pub(super) fn has(&self, found: Found, g: usize) -> bool {
        found.bits() & self.groups[g] != 0
    }
}

fn classify_label(label: &str) -> Option<Sec> {
    if label.trim().eq_ignore_ascii_case("open") {
        return Some(Sec::Items);
    }
    let gw = &*LABEL_SET;
    // Traditional labels (`問題描述`, `行動項目`, `後續`) are read as their Simplified
    // forms, which the groups hold.
    let label = super::reply::cues::normalize(label);
    let label = label.as_str();
    // The words of each group found in `label.to_lowercase()` (the groups are lower case).
    let f = gw.set.found_in_lower(label);
    let has = |g: usize| gw.has(f, g);
    if has(0) && !has(1) {
        return Some(Sec::DeadlineLabel);
    }
    if has(2) {
        return Some(Sec::Attachments);
    }
    if has(3) {
        return Some(Sec::Items);
    }
    // `问题：`, `不足：` alone name what went wrong; within a longer label they may not.
    if has(4) || background::is_situation_label(label) {
        return Some(Sec::Background);
    }
    if has(5) {
        return Some(Sec::Items);
    }
    if has(6) {
        return Some(Sec::Problem);
    }
    if has(7) {
        return Some(Sec::Closing);
    }
    if has(8) && label.to_lowercase().trim().chars().count() <= 12 {
        return Some(Sec::Other);
    }
    None
}

/// The word-by-word classification [`classify_label`] replaces (kept for the agreement test).
#[cfg(test)]
fn classify_label_naive(label: &str) -> Option<Sec> {
    if label.trim().eq_ignore_ascii_case("open") {
        return Some(Sec::Items);
    }
    let l = label.to_lowercase();
    let l = l.trim();
    let has = |ws: &[&str]| ws.iter().any(|w| l.contains(w));
    let g = &LABEL_GROUPS;
    if has(g[0]) && !has(g[1]) {
        return Some(Sec::DeadlineLabel);
    }
    if has(g[2]) {
        return Some(Sec::Attachments);
    }
    if has(g[3]) {
        return Some(Sec::Items);
    }
    if has(g[4]) || background::is_situation_label(l) {
        return Some(Sec::Background);
    }
    if has(g[5]) {
        return Some(Sec::Items);
    }
    if has(g[6]) {
        return Some(Sec::Problem);
    }
    if has(g[7]) {
        return Some(Sec::Closing);
    }
    if g[8].iter().any(|w| l.contains(w)) && l.chars().count() <= 12 {
        return Some(Sec::Other);
    }
    None
}

/// `一、` `（一）` `(一)` at the start: returns (byte length, number).
fn cn_numeral_marker(s: &str) -> Option<(usize, u32)> {
    // The common numerals and the formal ones (`壹、貳、`, as Taiwan numbers parts).
    let cn = |c: char| {
        "一二三四五六七八九十"
            .find(c)
            .or_else(|| "壹貳參肆伍陸柒捌玖拾".find(c))
            .or_else(|| "壹贰叁肆伍陆柒捌玖拾".find(c))
            .map(|i| (i / 3) as u32 + 1)
    };
    let mut it = s.char_indices();
    let (_, c0) = it.next()?;
    if matches!(c0, '（' | '(') {
        let mut n = 0;
        let mut len = c0.len_utf8();
        for (i, c) in it {
            if let Some(v) = cn(c) {
                n = n * 10 + v;
                len = i + c.len_utf8();
            } else if matches!(c, '）' | ')') && n > 0 {
                return Some((i + c.len_utf8(), n));
            } else {
                let _ = len;
                return None;
            }
        }
        return None;
    }
    let v0 = cn(c0)?;
    let mut n = v0;
    for (i, c) in s.char_indices().skip(1) {
        if let Some(v) = cn(c) {
            n = n * 10 + v;
        } else if matches!(c, '、' | '.' | '．') {
            return Some((i + c.len_utf8(), n));
        } else {
            return None;
        }
    }
    None
}

/// `需求1：` `事项2:` `任务3、` `Item 1:` `Task 2:` `附件1：` are strong item markers (the last
/// only in an attachments part). Returns (byte length, true).
fn strong_item_marker(t: &str) -> Option<(usize, bool)> {
    let s = t.trim_start();
    let base = t.len() - s.len();
    for p in [
        "需求", "事项", "任务", "待办", "Item ", "Task ", "Request ", "Action ",
    ] {
        if let Some(r) = s.strip_prefix(p) {
            let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 0 {
                continue;
            }
            let r2 = &r[digits..];
            for sep in ["：", ":", "、", ".", "）", ")"] {
                if let Some(r3) = r2.strip_prefix(sep) {
                    let lead = r3.len() - r3.trim_start().len();
                    return Some((base + p.len() + digits + sep.len() + lead, true));
                }
            }
        }
    }
    None
}

/// A list marker at the start of the line: `1.` `1、` `1)` `（1）` `(1)` `①` `-` `*` `•` `·`.
/// Returns (byte length including following spaces, false).
fn list_marker(t: &str) -> Option<(usize, bool)> {
    let s = t.trim_start();
    let base = t.len() - s.len();
    let finish = |len: usize| -> Option<(usize, bool)> {
        let r = &s[len..];
        let lead = r.len() - r.trim_start().len();
        if r.trim().is_empty() {
            return None;
        }
        Some((base + len + lead, false))
    };
    let first = s.chars().next()?;
    if first.is_ascii_digit() {
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 2 {
            return None;
        }
        let r = &s[digits..];
        let sep = r.chars().next()?;
        match sep {
            '.' | '．' => {
                // Not a decimal number or a date like 1.5 / 12.3.
                let after = r[sep.len_utf8()..].chars().next();
                if after.is_some_and(|c| c.is_ascii_digit()) {
                    return None;
                }
                return finish(digits + sep.len_utf8());
            }
            '、' | ')' | '）' => return finish(digits + sep.len_utf8()),
            _ => return None,
        }
    }
    // `【1】` `[2]` `〔3〕` `（1）` `(a)` `（Ａ）`: a number or a letter in brackets.
    if let Some(close) = match first {
        '（' | '(' => Some(&[')', '）'][..]),
        '【' => Some(&['】'][..]),
        '[' => Some(&[']'][..]),
        '［' => Some(&['］'][..]),
        '〔' => Some(&['〕'][..]),
        _ => None,
    } {
        let r = &s[first.len_utf8()..];
        let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        // A single letter in round brackets (`(a)`, `(B)`), not a word (`(see)`).
        let letter = if digits == 0 && matches!(first, '（' | '(') {
            r.chars()
                .next()
                .filter(|c| ('a'..='h').contains(c) || ('A'..='H').contains(c))
                .map_or(0, char::len_utf8)
        } else {
            0
        };
        // `(i)` `(iv)` `（ii）`: a small Roman numeral in brackets, as in legal and formal English
        // (items on the new authors, `items2`).
        let roman = if digits == 0 && matches!(first, '（' | '(') {
            ["viii", "vii", "iii", "ii", "iv", "vi", "ix", "i", "v", "x"]
                .iter()
                .find(|n| r.starts_with(*n) && r[n.len()..].starts_with([')', '）']))
                .map_or(0, |n| n.len())
        } else {
            0
        };
        if roman > 0 {
            let c = r[roman..].chars().next().map_or(1, char::len_utf8);
            return finish(first.len_utf8() + roman + c);
        }
        let inner = digits.max(letter);
        if inner > 0 && inner <= 2 {
            let r2 = &r[inner..];
            if let Some(c) = r2.chars().next()
                && close.contains(&c)
            {
                return finish(first.len_utf8() + inner + c.len_utf8());
            }
        }
        // `（一）`: a Chinese numeral in brackets, read below.
        if matches!(first, '（' | '(') {
            cn_numeral_marker(s)?;
        } else {
            return None;
        }
    }
    // `⑴` `❶` `➊` `Ⅰ.`: enclosed and Roman-numeral characters.
    if ('⑴'..='⒇').contains(&first)
        || ('❶'..='❿').contains(&first)
        || ('➀'..='➓').contains(&first)
        || ('⓵'..='⓾').contains(&first)
    {
        return finish(first.len_utf8());
    }
    if ('Ⅰ'..='Ⅻ').contains(&first) || ('ⅰ'..='ⅻ').contains(&first) {
        let r = &s[first.len_utf8()..];
        if let Some(c) = r.chars().next()
            && matches!(c, '.' | '．' | '、' | ')' | '）')
        {
            return finish(first.len_utf8() + c.len_utf8());
        }
        return None;
    }
    // `第一，` `第二、` `第三：`: ordinal words starting the items of a list.
    if let Some(r) = s.strip_prefix('第')
        && let Some(c) = r.chars().next()
        && "一二三四五六七八九十".contains(c)
        && let Some(sep) = r[c.len_utf8()..].chars().next()
        && matches!(sep, '，' | '、' | '：' | ':' | ',')
        && s[('第'.len_utf8() + c.len_utf8() + sep.len_utf8())..]
            .trim()
            .chars()
            .count()
            > 4
    {
        return finish('第'.len_utf8() + c.len_utf8() + sep.len_utf8());
    }
    // `一是…；` `二是…。`: the ordinal clauses official Chinese writing lists asks with.
    if let Some(c) = s.chars().next()
        && "一二三四五六七八九".contains(c)
        && s[c.len_utf8()..].starts_with('是')
        && s[c.len_utf8() + '是'.len_utf8()..].trim().chars().count() > 4
    {
        return finish(c.len_utf8() + '是'.len_utf8());
    }
    // １．２、: full-width digits, as some input methods type them.
    if ('０'..='９').contains(&first) {
        let digits: usize = s
            .chars()
            .take_while(|c| ('０'..='９').contains(c))
            .map(char::len_utf8)
            .sum();
        if digits <= 6
            && let Some(sep) = s[digits..].chars().next()
            && matches!(sep, '．' | '.' | '、' | '）' | ')')
        {
            return finish(digits + sep.len_utf8());
        }
        return None;
    }
    // Ａ．Ｂ、: full-width letters.
    if ('Ａ'..='Ｈ').contains(&first)
        && let Some(sep) = s[first.len_utf8()..].chars().next()
        && matches!(sep, '．' | '.' | '、' | '）' | ')')
    {
        return finish(first.len_utf8() + sep.len_utf8());
    }
    if ('①'..='⑳').contains(&first) || is_symbol_bullet(first) {
        return finish(first.len_utf8());
    }
    // 一、 二、 on a line that is not a heading.
    if let Some((mlen, _)) = cn_numeral_marker(s)
        && s[mlen..].trim().chars().count() > 12
    {
        return finish(mlen);
    }
    // a) b） a. A. B) : lettered items.
    if ('a'..='h').contains(&first) || ('A'..='H').contains(&first) {
        let r = &s[1..];
        if let Some(c) = r.chars().next()
            && (matches!(c, ')' | '）' | '、') || c == '.' && r[1..].starts_with(' '))
        {
            return finish(1 + c.len_utf8());
        }
        if first.is_ascii_lowercase() {
            return None;
        }
    }
    // i. ii) iv. : lower-case Roman numerals.
    {
        let roman = s.len() - s.trim_start_matches(['i', 'v', 'x']).len();
        if (1..=4).contains(&roman)
            && matches!(
                &s[..roman],
                "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x"
            )
            && let Some(c) = s[roman..].chars().next()
            && (matches!(c, ')' | '）') || c == '.' && s[roman + 1..].starts_with(' '))
        {
            return finish(roman + c.len_utf8());
        }
    }
    if matches!(first, '-' | '*' | '•' | '·' | '+' | '–') {
        let r = &s[first.len_utf8()..];
        if r.starts_with(' ') || r.starts_with('\t') || (first != '-' && first != '*') {
            // "**bold**" is not a bullet.
            if first == '*' && r.starts_with('*') {
                return None;
            }
            return finish(first.len_utf8());
        }
    }
    None
}

/// Symbols used as bullets (`✅ 渠道计划：已定`, `⏳ 落地页`, `● 一项`).
fn is_symbol_bullet(c: char) -> bool {
    matches!(
        c,
        '✅' | '☑'
            | '※'
            | '★'
            | '☆'
            | '◎'
            | '◉'
            | '➢'
            | '➣'
            | '▸'
            | '◦'
            | '‧'
            | '§'
            | '❖'
            | '♦'
            // Outlook's text part writes a Wingdings arrow bullet as `Ø`.
            | 'Ø'
            | '✔'
            | '✓'
            | '⏳'
            | '⌛'
            | '🔲'
            | '⬜'
            | '●'
            | '○'
            | '■'
            | '□'
            | '▪'
            | '◆'
            | '◇'
            | '➤'
            | '►'
            | '▶'
            | '👉'
            | '🔹'
            | '🔸'
            | '❗'
            | '⚠'
    )
}

/// A status line that reports something finished (`已定`, `已完成`, `done`) and sets no
/// deadline still ahead.
fn reads_done(a: &Anatomy, s: usize, e: usize) -> bool {
    let t = search_lower(&a.source[s..e]);
    let done = [
        "已完成",
        "完成了",
        "已定",
        "已确认",
        "已確認",
        "已提交",
        "已交付",
        "已上线",
        "已到",
        "已出",
        "已发",
        "已开通",
        "已签批",
        "已归档",
        "done",
        "completed",
        "passed",
        "agreed",
        "signed off",
        "went live",
        "delivered",
        "received",
    ]
    .iter()
    .any(|w| t.contains(w))
        // 已 before a verb: 已评审, 已接入, 已發出.
        || t.char_indices().any(|(i, c)| {
            c == '已' && t[i + c.len_utf8()..].chars().next().is_some_and(is_han)
        });
    let sent = a.date;
    let ahead = a.times_in(a.span(s, e)).any(|x| {
        x.kind == liaison_time::ExprKind::Deadline && x.value.zip(sent).is_none_or(|(v, d)| v >= d)
    });
    done && !ahead
}

fn marker_number(m: &str) -> Option<u32> {
    let d: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
    if let Ok(n) = d.parse() {
        return Some(n);
    }
    if let Some(c) = m.trim().chars().next()
        && ('①'..='⑳').contains(&c)
    {
        return Some(c as u32 - '①' as u32 + 1);
    }
    None
}

/// A Markdown table row (`| a | b |`) or a tab-separated row of three cells or more.
fn table_row(t: &str) -> bool {
    let s = t.trim();
    s.starts_with('|') && s.matches('|').count() >= 3 || s.matches('\t').count() >= 2
}

fn is_table_separator(t: &str) -> bool {
    let s = t.trim();
    s.starts_with('|') && s.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '—'))
}

fn looks_like_table_header(t: &str) -> bool {
    let l = search_lower(t);
    [
        "负责人",
        "負責人",
        "序号",
        "部门",
        "owner",
        "deadline",
        "due",
        "task",
        "deliverable",
        "截止",
        "完成时间",
        "时间",
        "标准",
        "任务",
        "事项",
    ]
    .iter()
    .filter(|k| l.contains(*k))
    .count()
        >= 2
}

/// Cell byte ranges (trimmed) of a table row.
fn cells(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !t.trim_start().starts_with('|') {
        let mut pos = 0;
        for c in t.split('\t') {
            let lead = c.len() - c.trim_start().len();
            out.push((pos + lead, pos + c.trim_end().len().max(lead)));
            pos += c.len() + 1;
        }
        return out;
    }
    let idx: Vec<usize> = t.match_indices('|').map(|(i, _)| i).collect();
    for w in idx.windows(2) {
        let (a, b) = (w[0] + 1, w[1]);
        let c = &t[a..b];
        let lead = c.len() - c.trim_start().len();
        out.push((a + lead, a + c.trim_end().len().max(lead)));
    }
    out
}

fn is_deadline_line(t: &str) -> bool {
    let l = search_lower(t);
    (l.starts_with("截止")
        || l.starts_with("以上")
        || l.starts_with("上述")
        || l.starts_with("所有事项"))
        && (l.contains('前') || l.contains("截止"))
        || l.starts_with("deadline")
        || l.starts_with("all items")
        || l.starts_with("all of the above")
}

fn reads_like_background(t: &str) -> bool {
    let s = t.trim_start();
    [
        "为了", "为", "根据", "由于", "鉴于", "因", "随着", "基于", "背景", "目标", "目前", "按照",
    ]
    .iter()
    .any(|p| s.starts_with(p))
        || s.contains("背景")
        || s.contains("（目标）")
        || {
            let ls = search_lower(s);
            [
                "to ",
                "because",
                "as ",
                "following",
                "since ",
                "our goal",
                "the goal",
                "background",
                "context",
            ]
            .iter()
            .any(|p| ls.starts_with(p))
        }
}

// ----------------------------------------------------------------------------------------
// Owners and standards.

const DEPT_EN: &[&str] = &[
    "Marketing",
    "Engineering",
    "Product",
    "Finance",
    "Sales",
    "Legal",
    "Operations",
    "Ops",
    "HR",
    "Design",
    "Support",
    "QA",
    "IT",
    "Data",
    "Security",
    "Procurement",
    "Compliance",
    "Research",
    "Admin",
    "Purchasing",
    "Logistics",
    "Platform",
    "Infrastructure",
    "Analytics",
];

// Traditional forms beside the Simplified ones: the lists are matched as written.
const OWNER_LABELS: &[&str] = &[
    "负责单位",
    "負責單位",
    "责任单位",
    "責任單位",
    "承办人",
    "承辦人",
    "负责人",
    "負責人",
    "责任人",
    "責任人",
    "对接人",
    "對接人",
    "负责部门",
    "負責部門",
    "责任部门",
    "責任部門",
    "owner",
    "responsible",
    "assignee",
    "assigned to",
];
static OWNER_LABELS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(OWNER_LABELS));

const OWNER_TITLES: &[&str] = &[
    "经理",
    "經理",
    "总监",
    "總監",
    "主管",
    "店长",
    "店長",
    "主任",
    "老师",
    "老師",
    "专员",
    "專員",
    "工程师",
    "工程師",
    "组长",
    "組長",
    "部长",
    "部長",
    "负责",
    "負責",
];
static OWNER_TITLES_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(OWNER_TITLES));

const OWNER_SELF: &[&str] = &["我方", "我部", "我们", "我将", "我会", "本部门", "本人"];
static OWNER_SELF_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(OWNER_SELF));

const OWNER_EN: &[&str] = &[
    "i will", "i'll", "we will", "we'll", "our team", "i am", "we are",
];
static OWNER_EN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(OWNER_EN));

const OWNER_GROUP_EN: &[&str] = &[" team", " department", " dept", " group"];
static OWNER_GROUP_EN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(OWNER_GROUP_EN));

static DEPT_EN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(DEPT_EN));

static STANDARD_ZH_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STANDARD_ZH));
static STANDARD_EN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STANDARD_EN));

/// The offset just past the character at `j` (which may be several bytes: 、 or a full-width
/// space).
fn after_char(text: &str, j: usize) -> usize {
    j + text[j..].chars().next().map_or(1, char::len_utf8)
}

/// The one an ask names by its shape, whatever the name looks like: `请人资于12月18日前…`,
/// `麻煩採購單位在本週五前…` (between the ask word and `于`/`於`/`在` followed by a time), or
/// `…请小明协助` (between the ask word and `协助`/`配合`/`帮忙`).
fn asked_one(text: &str) -> Option<(usize, usize)> {
    const ASK: [&str; 6] = ["烦请", "煩請", "麻烦", "麻煩", "请", "請"];
    let (i, w) = ASK
        .iter()
        .filter_map(|w| text.find(w).map(|i| (i, w.len())))
        .min_by_key(|x| x.0)?;
    let s = i + w;
    let rest = &text[s..];
    for (j, c) in rest.char_indices().take(9) {
        let after = &rest[j + c.len_utf8()..];
        let name = rest[..j].trim();
        let n = name.chars().count();
        if !(2..=8).contains(&n) || name.contains(['，', ',', '、', '。', ' ']) {
            continue;
        }
        let time_follows = matches!(c, '于' | '於' | '在' | '喺')
            && after.chars().next().is_some_and(|d| {
                d.is_ascii_digit() || "今明本下这這周週月年后後下午上中晚".contains(d)
            });
        let helps = ["协助", "協助", "配合", "帮忙", "幫忙"]
            .iter()
            .any(|h| rest[j..].starts_with(h));
        if time_follows || helps {
            return Some((
                s + (rest[..j].len() - rest[..j].trim_start().len()),
                s + rest[..j].trim_end().len(),
            ));
        }
    }
    None
}

/// Finds who is responsible in an item's text: returns a byte range.
pub(super) fn find_owner(text: &str, opts: &ParseOptions) -> Option<(usize, usize)> {
    // Directory names first.
    if let Some(d) = &opts.directory {
        for p in &d.people {
            if p.name.chars().count() >= 2
                && let Some(i) = text.find(&p.name)
            {
                return Some((i, i + p.name.len()));
            }
        }
        for dep in &d.departments {
            for n in std::iter::once(&dep.name).chain(dep.aliases.iter()) {
                if n.chars().count() >= 2
                    && let Some(i) = text.find(n.as_str())
                {
                    return Some((i, i + n.len()));
                }
            }
        }
    }
    let lower = search_lower(text);
    // Labels.
    let found = OWNER_LABELS_SET.found(&lower);
    for (k, &lab) in OWNER_LABELS.iter().enumerate() {
        if !found.has(k) {
            continue;
        }
        if let Some(i) = lower.find(lab) {
            let r = &text[i + lab.len()..];
            let r2 = r.trim_start_matches([':', '：', ' ', '（', '(']);
            let s = i + lab.len() + (r.len() - r2.len());
            let e = s + r2
                .char_indices()
                .find(|(_, c)| matches!(c, '，' | ',' | '；' | ';' | '。' | '）' | ')' | '|'))
                .map(|(j, _)| j)
                .unwrap_or(r2.len());
            if e > s {
                return Some((s, e));
            }
        }
    }
    // Han departments: …部 …中心 …团队 …组.
    // Only 部, 组, 中(心) and 团(队) end a department.
    let chars: Vec<(usize, char)> =
        if text.contains(['部', '组', '組', '中', '团', '團', '處', '課']) {
            text.char_indices().collect()
        } else {
            Vec::new()
        };
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let suffix_len = match c {
            '部' if !matches!(next, Some('分' | '署' | '件' | '位' | '落' | '长')) => 1,
            '组' if !matches!(next, Some('织' | '合' | '成' | '件' | '建' | '装')) => 1,
            '組' if !matches!(next, Some('織' | '合' | '成' | '件' | '建' | '裝')) => 1,
            '中' if next == Some('心') => 2,
            '团' if next == Some('队') => 2,
            '團' if next == Some('隊') => 2,
            // Taiwan's 財務處, 採購課 (not 處理, 課程).
            '處' if !matches!(next, Some('理' | '置' | '於' | '在' | '分' | '境')) => 1,
            '課' if !matches!(next, Some('程' | '堂' | '題' | '表')) => 1,
            _ => 0,
        };
        if suffix_len == 0 {
            continue;
        }
        // The stem: Han characters back from the suffix, stopping at a function word or
        // verb (`促话术由客服部` → 客服部, `道具报至行政部` → 行政部, `三個部` → none).
        let mut s = k;
        while s > 0
            && is_han(chars[s - 1].1)
            && k - s < 6
            && !"需请請由烦煩让讓给給向与與和及并並對对将將从從在为為交经經协協调調等或者至的报報寄我方们們个個则后後前于於則"
                .contains(chars[s - 1].1)
        {
            s -= 1;
        }
        if k - s < 2 {
            continue;
        }
        // The stem is chars[s..k] (at least two characters): 全部, 内部… are not departments.
        if c == '部'
            && matches!(
                chars[k - 1].1,
                '全' | '内' | '外' | '局' | '底' | '顶' | '各' | '本' | '头' | '干'
            )
        {
            continue;
        }
        let e = chars.get(k + suffix_len).map(|x| x.0).unwrap_or(text.len());
        let e = if text[e..].starts_with('门') {
            e + '门'.len_utf8()
        } else {
            e
        };
        // A person right after the department (`设备部冯磊`, `生产部郑海涛组织…`).
        let e = e + person_after(&text[e..]);
        // `产品部（我）`: the writer marks the unit as their own; the owner is written so.
        let e = e + ["（我）", "(我)", "（我们）", "（我們）", "（本人）"]
            .iter()
            .find(|w| text[e..].starts_with(*w))
            .map_or(0, |w| w.len());
        return Some((chars[s].0, e)).filter(|_| i >= chars[s].0);
    }
    // Han titles: 王经理, 产品经理, 李总.
    let found = OWNER_TITLES_SET.found(text);
    for (k, &title) in OWNER_TITLES.iter().enumerate() {
        if !found.has(k) {
            continue;
        }
        let mut from = 0;
        while let Some(rel) = text[from..].find(title) {
            let i = from + rel;
            let before: Vec<(usize, char)> = text[..i].char_indices().collect();
            // Back to a function word (`…报销需部门总监签字` → 部门总监, not 销需部门总监).
            let stop = "需请請由烦煩让讓给給向与與和及并並对對将將从從在为為交";
            let mut s = before.len();
            while s > 0
                && is_han(before[s - 1].1)
                && before.len() - s < 4
                && !stop.contains(before[s - 1].1)
            {
                s -= 1;
            }
            if s < before.len() {
                let end = if title == "负责" || title == "負責" {
                    i
                } else {
                    i + title.len()
                };
                return Some((before[s].0, end));
            }
            // `由 Kevin Lin 負責`: a Latin name between `由` and `负责`.
            if title == "负责" || title == "負責" {
                let head = text[..i].trim_end();
                let name_start = head
                    .rfind(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '.'))
                    .map_or(0, |j| after_char(head, j));
                let name = head[name_start..].trim();
                let lead = head[..name_start].trim_end();
                if !name.is_empty()
                    && name.split(' ').filter(|w| !w.is_empty()).count() <= 3
                    && name.starts_with(|c: char| c.is_ascii_uppercase())
                    && (lead.is_empty() || lead.ends_with(['由', '，', ',', '：', ':']))
                {
                    let ns = name_start
                        + (head[name_start..].len() - head[name_start..].trim_start().len());
                    return Some((ns, ns + name.len()));
                }
            }
            from = i + title.len();
        }
    }
    if let Some(r) = asked_one(text) {
        return Some(r);
    }
    let found = OWNER_SELF_SET.found(text);
    for (k, &w) in OWNER_SELF.iter().enumerate() {
        if !found.has(k) {
            continue;
        }
        if let Some(i) = text.find(w) {
            return Some((i, i + w.len()));
        }
    }
    // English: "Bob Li to send …", "Bob will …", "Bob: …" at the start.
    {
        let mut end = 0;
        let mut words = 0;
        for w in text.split(' ') {
            if words < 3
                && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ':' || c == '.')
            {
                words += 1;
                end += w.len() + 1;
                if w.ends_with(':') {
                    break;
                }
            } else {
                break;
            }
        }
        if words > 0 {
            let name_end = (end - 1).min(text.len());
            let name = text[..name_end].trim_end_matches(':');
            let rest = &lower[name_end.min(lower.len())..];
            let follows = text[..name_end].ends_with(':')
                || rest.starts_with(" to ")
                || rest.starts_with(" will ")
                || rest.starts_with(" (");
            if follows && !["Please", "We", "I", "Kindly", "Note"].contains(&name) {
                return Some((0, name.len()));
            }
        }
    }
    let found = OWNER_EN_SET.found(&lower);
    for (k, &w) in OWNER_EN.iter().enumerate() {
        if !found.has(k) {
            continue;
        }
        if let Some(i) = find_word(&lower, w) {
            return Some((i, i + w.len()));
        }
    }
    if let Some(i) = text.find('@') {
        let e = i + text[i..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace() || matches!(c, ',' | ';' | ')'))
            .map(|(j, _)| j)
            .unwrap_or(text.len() - i);
        if e > i + 1 {
            // An email address or a handle: take the whole token.
            let s = text[..i]
                .rfind(|c: char| c.is_whitespace() || c == '(')
                .map(|j| after_char(text, j))
                .unwrap_or(0);
            return Some((s, e));
        }
    }
    let found = OWNER_GROUP_EN_SET.found(&lower);
    for (k, &w) in OWNER_GROUP_EN.iter().enumerate() {
        if !found.has(k) {
            continue;
        }
        if let Some(i) = lower.find(w) {
            let s = text[..i]
                .rfind(|c: char| !c.is_alphanumeric() && c != '&')
                .map(|j| after_char(text, j))
                .unwrap_or(0);
            if s < i && text[s..].starts_with(|c: char| c.is_uppercase()) {
                return Some((s, i + w.len()));
            }
        }
    }
    let found = DEPT_EN_SET.found(text);
    for (k, d) in DEPT_EN.iter().enumerate() {
        if !found.has(k) {
            continue;
        }
        if let Some(i) = find_word(text, d) {
            return Some((i, i + d.len()));
        }
    }
    None
}

/// The byte length of a 2–3 character Han name at the start of `t` (a common surname first;
/// a third character that starts a verb or a time ends the name), or 0.
fn person_after(t: &str) -> usize {
    let cs: Vec<(usize, char)> = t.char_indices().take(4).collect();
    if cs.len() < 2 || !cs[..2].iter().all(|x| is_han(x.1)) {
        return 0;
    }
    let two = cs.get(2).map_or(t.len(), |x| x.0);
    if !super::items::han_person(&t[..two]) {
        return 0;
    }
    // A time right after the department (`客服部明天上午完成…`, `设计组周五前…`): 明 and 周
    // are surnames, but 明天 and 周五前 are no names (周一鸣 is).
    let weekday = [
        "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周末", "週一", "週二", "週三",
        "週四", "週五", "週六", "週日", "週末",
    ]
    .iter()
    .any(|w| t.starts_with(w))
        && cs
            .get(2)
            .is_none_or(|&(_, c)| !is_han(c) || "前上下中晚早之内".contains(c));
    if weekday
        || ["明天", "明早", "明晚", "明日", "明年"]
            .iter()
            .any(|w| t.starts_with(w))
    {
        return 0;
    }
    // Characters that begin what follows a name rather than end it.
    const AFTER: &str = "组安排提确负完更出在于於将做整准配跟处审补回发给联协牵统对检修开建推落核评制编上下等和与及是已会要需请于前后今明本每从即";
    match cs.get(2) {
        Some(&(_, c)) if is_han(c) && !AFTER.contains(c) => {
            // A third character, unless a fourth Han character would make the name too long
            // for a verb to follow (`郑海涛组织` keeps 郑海涛).
            cs.get(3).map_or(t.len(), |x| x.0)
        }
        _ => two,
    }
}

/// Finds `w` in `hay` at word boundaries (ASCII).
fn find_word(hay: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = hay[from..].find(w) {
        let i = from + rel;
        let before_ok = i == 0
            || !hay[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        let after_ok = !hay[i + w.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if before_ok && after_ok {
            return Some(i);
        }
        from = i + w.len();
    }
    None
}

const STANDARD_ZH: &[&str] = &[
    "交付标准",
    // Only searched in clauses after the what (see `items::prose`): `…，明确新增人手与排期`.
    "明确",
    "需附",
    "附上",
    "验收",
    "标准",
    "格式",
    "包含",
    "包括",
    "涵盖",
    "覆盖",
    "需含",
    "含",
    "要求",
    "范围",
    "维度",
    "字段",
    "模板",
    "版本",
    "形式",
    "精度",
    "不少于",
    "不低于",
    "不超过",
    "至少",
    "达到",
    "以内",
    "合格",
    "通过",
    "口径",
    "样本",
    "签字",
    "盖章",
    "清单",
    "明细",
];
const STANDARD_EN: &[&str] = &[
    "standard",
    "acceptance",
    "format",
    "including",
    "include",
    "includes",
    "containing",
    "covering",
    "at least",
    "no more than",
    "template",
    "version",
    "criteria",
    "signed off",
    "approved",
    "reviewed",
    "passing",
    "scope",
    "with ",
    ".xlsx",
    ".pdf",
    ".csv",
    ".docx",
    "in excel",
    "as a pdf",
];

/// Finds the clause stating the acceptance standard.
pub(super) fn find_standard(text: &str) -> Option<(usize, usize)> {
    let lower = search_lower(text);
    let mut best: Option<usize> = None;
    let found = STANDARD_ZH_SET.found(text);
    for (k, w) in STANDARD_ZH.iter().enumerate() {
        if !found.has(k) {
            continue;
        }
        if let Some(i) = text.find(w) {
            best = Some(best.map_or(i, |b| b.min(i)));
        }
    }
    let found = STANDARD_EN_SET.found(&lower);
    for (k, w) in STANDARD_EN.iter().enumerate() {
        if !found.has(k) {
            continue;
        }
        if let Some(i) = lower.find(w)
            && lower.is_char_boundary(i)
            && (w.starts_with('.') || find_word(&lower, w.trim()).is_some())
            && !(*w == "with " && accompanies(&lower[..i]))
        {
            best = Some(best.map_or(i, |b| b.min(i)));
        }
    }
    let s = best?;
    // The clause: back to the previous separator, forward to the next. A bracket that
    // opens after the standard's word is inside it (`网络类型（WiFi/4G/5G）、所在城市`:
    // its commas and its end are no separators); one the word stands in ends it.
    let seps = |c: char| {
        matches!(
            c,
            '，' | ',' | '；' | ';' | '。' | '（' | '(' | '）' | ')' | '\n'
        )
    };
    let cs = text[..s]
        .rfind(seps)
        .map(|j| j + text[j..].chars().next().map_or(1, |c| c.len_utf8()))
        .unwrap_or(0);
    let mut depth = 0i32;
    let mut ce = text.len();
    for (j, c) in text[s..].char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth > 0 => depth -= 1,
            '）' | ')' => {
                ce = s + j;
                break;
            }
            '，' | ',' | '；' | ';' | '。' | '\n' if depth == 0 => {
                ce = s + j;
                break;
            }
            '\n' => {
                ce = s + j;
                break;
            }
            _ => {}
        }
    }
    let ce = further_bounds(text, ce);
    let (cs, ce) = {
        let t = &text[cs..ce];
        (
            cs + (t.len() - t.trim_start().len()),
            cs + t.trim_end().len(),
        )
    };
    (ce > cs).then_some((cs, ce))
}

/// `send the invoice together with the goods`, `in parallel with the review`: what the work
/// goes along with, not what it must look like.
fn accompanies(before: &str) -> bool {
    let b = before.trim_end();
    ["together", "along", "parallel", "jointly"]
        .iter()
        .any(|w| b.ends_with(w))
}

/// `每个部门O不超过3个，每个O的KR不超过4个`, `形式不限，时长不超过6分钟`: a clause after the
/// standard's that sets a further bound (an upper or lower limit) is more of the same standard,
/// not a further act. Returns the end of the last such clause after `ce`.
pub(super) fn further_bounds(text: &str, mut ce: usize) -> usize {
    const BOUNDS: [&str; 9] = [
        "不超过",
        "不超過",
        "不少于",
        "不少於",
        "不低于",
        "不低於",
        "不高于",
        "不高於",
        "至少",
    ];
    while text[ce..].starts_with('，') {
        let ns = ce + '，'.len_utf8();
        let mut depth = 0i32;
        let ne = text[ns..]
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '（' | '(' => depth += 1,
                    '）' | ')' => depth -= 1,
                    _ => {}
                }
                depth < 0 || depth == 0 && matches!(c, '，' | ',' | '；' | ';' | '。' | '\n')
            })
            .map_or(text.len(), |(j, _)| ns + j);
        let clause = &text[ns..ne];
        if clause.chars().count() > 20 || !BOUNDS.iter().any(|w| clause.contains(w)) {
            break;
        }
        ce = ne;
    }
    ce
}

// ----------------------------------------------------------------------------------------
// Attachments.

const FILE_EXTS: &[&str] = &[
    "xlsx", "xls", "docx", "doc", "pdf", "pptx", "ppt", "csv", "zip", "rar", "7z", "png", "jpg",
    "jpeg", "txt", "md", "json", "log", "mp4", "key", "numbers", "pages", "gz", "tar",
];

/// A line of the 附件说明 part: describes an attachment.
fn attachment_line(a: &mut Anatomy, s: usize, e: usize, marker_index: Option<u32>) {
    let t = a.source[s..e].to_string();
    if t.trim().is_empty() || is_none_word_attachment(&t) {
        return;
    }
    let index = attachment_index(&t).or(marker_index);
    let name = title_or_file(&t);
    let span = a.span(s, e);
    a.attachment_refs.push(AttachmentRef {
        text: t.trim().to_string(),
        span,
        index,
        name,
        described: true,
    });
}

fn is_none_word_attachment(t: &str) -> bool {
    let l = search_lower(t.trim());
    l == "无" || l == "none" || l.starts_with("无附件") || l.starts_with("no attachment")
}

fn attachment_index(t: &str) -> Option<u32> {
    let lower = search_lower(t);
    for p in ["附件", "attachment "] {
        if let Some(i) = lower.find(p) {
            let r = &lower[i + p.len()..];
            let d: String = r.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = d.parse() {
                return Some(n);
            }
        }
    }
    None
}

fn title_or_file(t: &str) -> Option<String> {
    if let Some(i) = t.find('《')
        && let Some(j) = t[i..].find('》')
    {
        let title = &t[i + '《'.len_utf8()..i + j];
        if !title.trim().is_empty() {
            return Some(title.trim().to_string());
        }
    }
    file_tokens(t)
        .into_iter()
        .next()
        .map(|(s, e)| t[s..e].to_string())
}

/// File names with a known extension in `t`: byte ranges.
pub(super) fn file_tokens(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = t.as_bytes();
    let mut i = 0;
    while let Some(rel) = t[i..].find('.') {
        let dot = i + rel;
        i = dot + 1;
        let ext_len = t[dot + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if ext_len == 0 {
            continue;
        }
        let ext = t[dot + 1..dot + 1 + ext_len].to_ascii_lowercase();
        if !FILE_EXTS.contains(&ext.as_str()) {
            continue;
        }
        // Back over the name: letters, digits, Han, -_ and spaces inside 《》 are not taken.
        let mut s = dot;
        for (j, c) in t[..dot].char_indices().rev() {
            if c.is_alphanumeric()
                || matches!(c, '-' | '_' | '.' | '（' | '）' | '(' | ')')
                || is_han(c)
            {
                s = j;
            } else {
                break;
            }
        }
        if s == dot {
            continue;
        }
        let _ = bytes;
        out.push((s, dot + 1 + ext_len));
        i = dot + 1 + ext_len;
    }
    out
}

/// References to attachments in running text.
const INLINE_EN: [&str; 3] = ["attached", "attachment", "enclosed"];
static INLINE_EN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(INLINE_EN));

/// `en_refs`: whether the English words may occur (see [`INLINE_EN`]).
/// `src`: a copy of `a.source`.
fn inline_attachment_refs(a: &mut Anatomy, src: &str, s: usize, e: usize, en_refs: bool) {
    {
        // Nothing to find without 附件, an English word or a dot (file names).
        let t = &a.source[s..e];
        if !en_refs && !t.contains('.') && !t.contains("附件") {
            return;
        }
    }
    let t = &src[s..e];
    let mut taken: Vec<(usize, usize)> = Vec::new();
    // 附件 / 附件N / 附件N：《…》
    let mut from = 0;
    while let Some(rel) = t[from..].find("附件") {
        let i = from + rel;
        from = i + "附件".len();
        let before = &t[..i];
        if before.ends_with('无')
            || before.ends_with("不含")
            || before.ends_with("没有")
            || before.ends_with("不带")
        {
            continue;
        }
        let r = &t[from..];
        let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let mut end = from + digits;
        let index = r[..digits].parse().ok();
        // A title right after: 附件1：《…》 / 附件《…》.
        let after = &t[end..];
        let skip = after.len() - after.trim_start_matches(['：', ':', ' ', '为', '是']).len();
        let mut name = None;
        if after[skip..].starts_with('《')
            && let Some(j) = after[skip..].find('》')
        {
            name = Some(after[skip + '《'.len_utf8()..skip + j].trim().to_string());
            end += skip + j + '》'.len_utf8();
        }
        // The next word might be 说明 (a heading word) — still a reference.
        taken.push((i, end));
        let span = a.span(s + i, s + end);
        a.attachment_refs.push(AttachmentRef {
            text: t[i..end].to_string(),
            span,
            index,
            name,
            described: false,
        });
    }
    // English. ASCII lower-casing only: the offsets found in `lower` are used on `t`, and
    // full lower-casing can change lengths (İ is 2 bytes, its lower case 3).
    let lower = if en_refs && t.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(t.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(if en_refs { t } else { "" })
    };
    for w in INLINE_EN {
        if !en_refs {
            break;
        }
        let mut from = 0;
        while let Some(i) = find_word(&lower[from..], w).map(|x| x + from) {
            from = i + w.len();
            let before = lower[..i].trim_end();
            if before.ends_with("no") || before.ends_with("without") {
                continue;
            }
            let r = &lower[from..];
            let num: String = r
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let index = num.parse().ok();
            let mut end = from;
            if index.is_some() {
                end = from + (r.len() - r.trim_start().len()) + num.len();
            }
            taken.push((i, end));
            let span = a.span(s + i, s + end);
            a.attachment_refs.push(AttachmentRef {
                text: t[i..end].to_string(),
                span,
                index,
                name: None,
                described: false,
            });
        }
    }
    // 《title》 right after a reference is already taken; bare file names.
    for (fs, fe) in file_tokens(t) {
        if taken.iter().any(|&(x, y)| fs < y && fe > x) {
            continue;
        }
        // A file name inside 《》 after 附件 was taken above; a link (http…) is not an attachment.
        if t[..fs].ends_with("://") || t[..fs].ends_with('/') {
            continue;
        }
        let span = a.span(s + fs, s + fe);
        a.attachment_refs.push(AttachmentRef {
            text: t[fs..fe].to_string(),
            span,
            index: None,
            name: Some(t[fs..fe].to_string()),
            described: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(src: &str) -> Anatomy {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let opts = ParseOptions::new(liaison_time::Context::new(now));
        Anatomy::parse_plain(src.as_bytes(), &opts)
    }

    fn whats(a: &Anatomy) -> Vec<&str> {
        a.items.iter().map(|i| i.what.text.as_str()).collect()
    }

    fn dues(a: &Anatomy) -> Vec<Option<&str>> {
        a.items
            .iter()
            .map(|i| i.due.as_ref().map(|d| d.text.as_str()))
            .collect()
    }

    /// A paragraph labelled as the impact between the opening and the ask is background,
    /// without its label (`影响：…`, `【影响】…`).
    #[test]
    fn an_impact_paragraph_is_background() {
        for label in ["影响：", "【影响】"] {
            let a = read(&format!(
                "Subject: 包材缺货\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n王经理：\n\n礼盒内衬昨天到货只有一半，另一半供应商说要下周五。\n\n{label}若周三前不到，礼盒组装要停两天，第一批门店铺货会晚。\n\n请协助：\n1. 采购部12月2日前确认供应商的准确到货日期\n2. 仓储部12月3日前盘点现有内衬库存\n\n谢谢！\n孙磊\n生产部\n"
            ));
            let bg: Vec<&str> = a.background.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(
                bg,
                vec!["若周三前不到，礼盒组装要停两天，第一批门店铺货会晚。"],
                "{label}"
            );
        }
    }

    /// A done line at the head of a status list is information: neither an item nor the
    /// background, as in any other report.
    #[test]
    fn a_done_status_line_is_no_background() {
        let a = read(
            "Subject: 【进度同步】年会筹备-行政部-一般\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n各位：\n\n年会筹备进度如下：\n\n✅ 场地：已签约，定金已付；\n⏳ 节目：各部门12月8日前报送；\n⏳ 礼品：采购部12月10日前下单。\n\n下周再同步。\n\n孙磊\n行政部\n电话：021-6258 3306\n",
        );
        assert!(a.background.is_empty(), "{:?}", a.background);
        assert_eq!(a.items.len(), 2, "{:?}", whats(&a));
    }

    /// A letter whose closing lines follow its list in the same block closes with them; a
    /// second line of an item that does not end its sentence stays the item's.
    #[test]
    fn a_letter_closes_under_its_list() {
        let a = read(
            "Subject: 年会座位\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n各部门：\n    年会座位按部门安排，请配合以下两件事：\n    一、12月8日前报送参会人数；\n    二、12月10日前确认是否需要素食餐。\n    座位表定稿后会发到各部门邮箱。\n    感谢配合！\n\n孙磊\n行政部\n电话：021-6258 3306\n",
        );
        assert_eq!(a.items.len(), 2, "{:?}", whats(&a));
        assert_eq!(
            a.closing.as_ref().map(|c| c.text.as_str()),
            Some("座位表定稿后会发到各部门邮箱。\n    感谢配合！")
        );
        let a = read(
            "Subject: 年会座位\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n各部门：\n    年会座位按部门安排，请配合以下两件事：\n    一、12月8日前报送参会人数；\n    二、12月10日前确认是否需要素食餐，\n    并写明人数。\n\n孙磊\n行政部\n电话：021-6258 3306\n",
        );
        assert!(a.items[1].span.end > a.items[0].span.end);
        assert!(
            a.source[a.items[1].span.start..a.items[1].span.end].contains("并写明人数"),
            "{:?}",
            a.items[1]
        );
        assert_eq!(a.closing, None);
    }

    /// A bracketed label before the opening's first sentence is no part of the opening; a
    /// bracketed word inside the sentence stays.
    #[test]
    fn an_opening_drops_its_bracketed_label() {
        let mail = |first: &str| {
            read(&format!(
                "Subject: 冷库温度\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n王经理：\n\n{first}\n\n请设备部12月3日前派人检修压缩机。\n\n孙磊\n仓储部\n电话：021-6258 3306\n"
            ))
        };
        let a = mail("【情况】昨晚2号冷库温度升到零下8度，持续了三个小时。");
        let o = a.opening.as_ref().map(|o| o.text.as_str());
        assert_eq!(o, Some("昨晚2号冷库温度升到零下8度，持续了三个小时。"));
        let a = mail("昨晚【2号冷库】温度升到零下8度，持续了三个小时。");
        let o = a.opening.as_ref().map(|o| o.text.as_str());
        assert_eq!(o, Some("昨晚【2号冷库】温度升到零下8度，持续了三个小时。"));
    }

    /// A result report whose opening announces its results (`Summary:`, `…的结果：`) lists
    /// the situation under it, done lines included, one entry a line (corpus A3); the same
    /// list under another kind of mail, or under an opening that announces nothing, is not.
    #[test]
    fn a_result_report_lists_its_results_as_background() {
        let a = read(
            "Subject: 【成果汇报】年末盘点-仓储部-一般\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n各位：\n\n年末盘点上周五结束，向大家汇报盘点的结果：\n\n1. 账实差异从0.8%降到0.2%。\n2. 过期库存已全部清理完成。\n\n有问题随时找我。\n\n孙磊\n仓储部\n电话：021-6258 3306\n",
        );
        let bg: Vec<&str> = a.background.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            bg,
            vec!["账实差异从0.8%降到0.2%。", "过期库存已全部清理完成。"]
        );
        let mail = |tag: &str| {
            read(&format!(
                "Subject: [{tag}] Stock count | Warehouse | Normal\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi all,\n\nThe year-end stock count is done. Summary:\n\n- Variance: 0.2% (target 0.5%)\n- Expired stock: none left\n\nThanks,\nSun Lei\nWarehouse\nTel: 021-6258 3306\n"
            ))
        };
        let a = mail("Result");
        let bg: Vec<&str> = a.background.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            bg,
            vec!["Variance: 0.2% (target 0.5%)", "Expired stock: none left"]
        );
        assert!(mail("Request").background.is_empty());
    }

    /// A letter written line by line, each line a finished sentence, opens with its first
    /// line; a hard-wrapped paragraph (lines broken inside a sentence) stays one opening.
    #[test]
    fn a_letter_written_line_by_line_opens_with_its_first_line() {
        let a = read(
            "Subject: 展架\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n小林：\n    上周送来的展架有三个立柱弯了，没法组装。\n    请12月3日前换三根新的立柱送到展厅。\n    谢谢！\n\n孙磊\n市场部\n电话：021-6258 3306\n",
        );
        let o = a.opening.as_ref().map(|o| o.text.as_str());
        assert_eq!(o, Some("上周送来的展架有三个立柱弯了，没法组装。"));
        assert_eq!(a.closing.as_ref().map(|c| c.text.as_str()), Some("谢谢！"));
        let a = read(
            "Subject: 展架\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n林经理您好，上周送来的展架有三个立柱弯了，没法组装。\n请12月3日前换三根新的立柱送到展厅。\n\n孙磊\n市场部\n电话：021-6258 3306\n",
        );
        let o = a.opening.as_ref().map(|o| o.text.as_str());
        assert_eq!(o, Some("上周送来的展架有三个立柱弯了，没法组装。"));
        let a = read(
            "Subject: Stands\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Lin,\n\nThree of the stands you delivered last week\nhave bent posts and cannot be assembled.\n\nCould you replace the posts by Dec 3?\n\nThanks,\nSun Lei\nMarketing\nTel: 021-6258 3306\n",
        );
        let o = a.opening.as_ref().map(|o| o.text.as_str());
        assert_eq!(
            o,
            Some(
                "Three of the stands you delivered last week\nhave bent posts and cannot be assembled."
            )
        );
    }

    /// The line introducing a list sets the deadline of every line that has none of its own,
    /// when its time is written as a limit (`by …`, `…前`); a time telling when something
    /// happens (`下周三开始`) sets none.
    #[test]
    fn a_list_intro_with_a_limit_gives_its_due() {
        let a = read(
            "Subject: Trade fair\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Mia,\n\nThe booth plan is approved. Could you get me these by Friday, Dec 4:\n- the final stand drawing\n- the electricity order form, signed by Leo by Dec 3\n\nThanks,\nOwen\nEvents\nTel: 021-6258 3306\n",
        );
        assert_eq!(dues(&a).len(), 2, "{:?}", whats(&a));
        // The intro's `by` stays with the due it gives (adjudicated A1).
        assert_eq!(dues(&a)[0], Some("by Friday, Dec 4"));
        assert_eq!(dues(&a)[1], Some("by Dec 3"));
        let a = read(
            "Subject: 年会物料\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n小周你好，\n\n年会布置下周三开始，请行政部12月4日前准备下面两样：\n\n1. 签到台的桌布和指示牌\n2. 嘉宾胸牌120个\n\n谢谢！\n孙磊\n总经办\n电话：021-6258 3306\n",
        );
        assert_eq!(dues(&a), vec![Some("12月4日前"), Some("12月4日前")]);
        let a = read(
            "Subject: 年会物料\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n小周你好，\n\n年会布置下周三开始，需要准备下面两样：\n\n1. 签到台的桌布和指示牌\n2. 嘉宾胸牌120个\n\n谢谢！\n孙磊\n总经办\n电话：021-6258 3306\n",
        );
        assert_eq!(dues(&a), vec![None, None]);
        // After the list: a hand-back to the writer with one limit.
        let a = read(
            "Subject: 年会物料\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n小周你好，\n\n年会布置需要准备下面两样：\n\n1. 签到台的桌布和指示牌\n2. 嘉宾胸牌120个\n\n最好12月4日前给我，我们周末要布场。\n\n谢谢！\n孙磊\n总经办\n电话：021-6258 3306\n",
        );
        assert_eq!(dues(&a), vec![Some("12月4日前"), Some("12月4日前")]);
        // After the list, a sentence covering them all: its limit word too.
        let a = read(
            "Subject: Trade fair\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Mia,\n\nFor the stand we still need:\n- the final stand drawing\n- the signed electricity order form\n\nCould you send them until Friday, Dec 4?\n\nThanks,\nOwen\nEvents\nTel: 021-6258 3306\n",
        );
        assert_eq!(
            dues(&a),
            vec![Some("until Friday, Dec 4"), Some("until Friday, Dec 4")]
        );
    }

    /// `请X协调：Y…前…`: the one asked to coordinate is no owner; the ask after the colon,
    /// led by whom it charges, is the item.
    #[test]
    fn a_coordinator_before_a_colon_is_no_owner() {
        let a = read(
            "Subject: 夜班安排\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n王总：\n\n下周到货量翻倍，白班排不下。\n\n请王总协调：仓储部12月9日前确认能否加开夜班。\n\n谢谢！\n孙磊\n运营中心\n电话：021-6258 3306\n",
        );
        assert_eq!(whats(&a), vec!["确认能否加开夜班"]);
        assert_eq!(owners(&a), vec![Some("仓储部")]);
        assert_eq!(dues(&a), vec![Some("12月9日前")]);
    }

    /// An aspect ratio (`4:3 and 16:9`, `9:16 version`) is no clock time; a time is.
    #[test]
    fn an_aspect_ratio_is_no_time() {
        let t = "posters in 4:3 and 16:9 by Friday";
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            aspect_ratio(t, s, s + w.len())
        };
        assert!(at("4:3"));
        assert!(at("16:9"));
        let t = "a 9:16 version of the teaser";
        let s = t.find("9:16").unwrap();
        assert!(aspect_ratio(t, s, s + 4));
        let t = "call at 9:30 and send the notes";
        let s = t.find("9:30").unwrap();
        assert!(!aspect_ratio(t, s, s + 4));
        let t = "明天9:30前发我";
        let s = t.find("9:30").unwrap();
        assert!(!aspect_ratio(t, s, s + 4));
    }

    /// A list line closing with a greeted person in brackets is that person's; a bracket
    /// naming no one greeted stays in the what.
    #[test]
    fn a_greeted_name_in_brackets_owns_the_line() {
        let a = read(
            "Subject: Trade fair\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Lena, hi Marco,\n\nStill open for the stand, all by Friday, Dec 4:\n- the booth floor plan (Marco)\n- two roll-up banners, 85 cm wide (Lena)\n- the price list (PDF)\n\nThanks,\nOwen\nEvents\nTel: 021-6258 3306\n",
        );
        assert_eq!(
            whats(&a),
            vec![
                "the booth floor plan",
                "two roll-up banners, 85 cm wide",
                "the price list (PDF)"
            ]
        );
        assert_eq!(owners(&a), vec![Some("Marco"), Some("Lena"), None]);
    }

    fn owners(a: &Anatomy) -> Vec<Option<&str>> {
        a.items
            .iter()
            .map(|i| i.owner.as_ref().map(|o| o.text.as_str()))
            .collect()
    }

    /// A clause that only finishes or hands back the work before it (`…，3月6日前发给我`)
    /// gives that work its deadline; a clause led by whom it charges (`财务部王琳负责…`)
    /// starts the next ask.
    #[test]
    fn a_hand_back_clause_is_the_due_of_the_ask_before_it() {
        let a = read(
            "Subject: 年终盘点\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n孙洁、何平：\n\n年终盘点定在下周，有两件事要提前准备。仓储部孙洁负责在3月5日晚上把A区货位重新编号，3月6日前把新编号表发给我；财务部何平负责核对上季度的差异记录，3月9日前完成。\n\n谢谢！\n马丁\n运营中心\n电话：021-6258 3306\n",
        );
        assert_eq!(
            whats(&a),
            vec!["把A区货位重新编号", "核对上季度的差异记录"],
            "{:?}",
            dues(&a)
        );
        assert_eq!(dues(&a), vec![Some("3月6日前"), Some("3月9日前")]);
        assert_eq!(owners(&a), vec![Some("仓储部孙洁"), Some("财务部何平")]);
    }

    /// Of an item's times, the one written as a limit is its due; a labelled due stays.
    #[test]
    fn the_limit_among_an_items_times_is_its_due() {
        let a = read(
            "Subject: 盘点\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n小陈：\n\n年底盘点安排如下：\n\n1. 12月5日晚上盘点A区，12月7日前把差异表发我\n2. B区盘点——截止：12月9日，12月8日前先报人数\n\n谢谢！\n何平\n仓储部\n电话：021-6258 3306\n",
        );
        assert_eq!(
            dues(&a),
            vec![Some("12月7日前"), Some("12月9日")],
            "{:?}",
            whats(&a)
        );
        let a = read(
            "Subject: Stock count\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Ann,\n\nFor the year-end count:\n\n1. The count runs on Saturday, Dec 5; please send the variance list by Monday, Dec 7\n\nThanks,\nOwen\nWarehouse\nTel: 021-6258 3306\n",
        );
        assert_eq!(dues(&a), vec![Some("Monday, Dec 7")], "{:?}", whats(&a));
    }

    /// A person the greeting names, leading an ask, owns it; named inside the what, they do
    /// not.
    #[test]
    fn an_addressee_leading_an_ask_owns_it() {
        let a = read(
            "Subject: 展会物料\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n孙洁、马总：\n\n展位图纸昨天已经定稿，搭建商催着要下单。\n\n想请两位帮忙：孙洁在12月8日前把灯箱画面的源文件整理好；马总在12月9日前决定是否加做背板。\n\n谢谢！\n何平\n市场部\n电话：021-6258 3306\n",
        );
        assert_eq!(
            owners(&a),
            vec![Some("孙洁"), Some("马总")],
            "{:?}",
            whats(&a)
        );
        let a = read(
            "Subject: 展会物料\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n孙洁、马总：\n\n展位图纸已定稿：\n\n1. 灯箱画面是否加做背板——请马总于12月9日前确认\n2. 灯箱画面源文件——孙洁，12月8日前\n\n谢谢！\n何平\n市场部\n电话：021-6258 3306\n",
        );
        assert_eq!(
            owners(&a),
            vec![Some("马总"), Some("孙洁")],
            "{:?}",
            whats(&a)
        );
        let a = read(
            "Subject: 展会物料\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n孙洁：\n\n展位图纸已定稿。\n\n请12月8日前把灯箱画面的报价发给马总。\n\n谢谢！\n何平\n市场部\n电话：021-6258 3306\n",
        );
        assert_eq!(owners(&a), vec![None], "{:?}", whats(&a));
        let a = read(
            "Subject: 展会物料\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n孙洁：\n\n展位图纸已定稿。\n\n请孙洁12月8日前整理灯箱画面的源文件。\n\n谢谢！\n何平\n市场部\n电话：021-6258 3306\n",
        );
        assert_eq!(owners(&a), vec![Some("孙洁")], "{:?}", whats(&a));
        assert_eq!(whats(&a), vec!["整理灯箱画面的源文件"]);
    }

    /// `一是…；二是…。` on lines of their own number a list as `1.` `2.` do.
    #[test]
    fn ordinal_clauses_number_a_list() {
        assert!(list_marker("二是样品什么时候能寄出；").is_some());
        assert!(list_marker("一是好").is_none());
        assert!(list_marker("是否需要").is_none());
        let a = read(
            "Subject: 【问题协调】样品延期-采购部-紧急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n李娜：\n\n样品还没到，麻烦帮我确认两件事：\n一是样品什么时候能寄出；\n二是首批大货会不会跟着延期。\n\n谢谢。\n\n王建国\n采购部\n电话：0571-8816 2290\n",
        );
        assert_eq!(whats(&a), ["样品什么时候能寄出", "首批大货会不会跟着延期"]);
    }

    /// A bulleted line without a colon is a point of its list even when a heading word
    /// hides in it (`已經過期` holds `經過`, a background label).
    #[test]
    fn a_bulleted_sentence_is_no_heading() {
        assert_eq!(heading("- 保養合約已經過期"), None);
        assert_eq!(heading("1. 经过测试确认无误"), None);
        assert!(heading("经过：").is_some());
        assert!(heading("**经过**").is_some());
    }

    /// A list naming no owner and no due on any line, beside a list that assigns work, says
    /// where things stand: only the other list's lines are items.
    #[test]
    fn a_bare_list_beside_a_list_of_work_is_no_items() {
        let head = "Subject: 【需求對接】辦公室電腦更新-資訊部-一般\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n劉洋你好，\n\n辦公室電腦需要更新，麻煩資訊部協助。\n\n";
        let tail = "\n有問題隨時找我。\n\n黃家豪\n財務部\n電話：+852 2555 0188\n";
        let status = "目前情況：\n- 12部手提電腦用了超過5年\n- 部分電池經常斷電\n\n";
        let work = "需要：\n1. 採購12部手提電腦——負責：資訊部（劉洋）——12月23日前\n2. 舊機資料轉移——負責：資訊部——12月30日前\n";
        for body in [format!("{status}{work}"), format!("{work}\n{status}")] {
            let a = read(&format!("{head}{body}{tail}"));
            assert_eq!(whats(&a), ["採購12部手提電腦", "舊機資料轉移"], "{body}");
        }
        // Two bare lists: nothing tells them apart, both stay.
        let a = read(&format!(
            "{head}{status}需要：\n1. 採購12部手提電腦\n2. 舊機資料轉移\n{tail}"
        ));
        assert_eq!(a.items.len(), 4, "{:?}", whats(&a));
    }

    /// Bullets written at a numbered item's own indent (plain text keeps no indents) are
    /// its sub-points when the numbering goes on after them or the item ends with a colon.
    #[test]
    fn lesser_marked_lines_under_a_numbered_item_are_its_sub_points() {
        let head = "Subject: 【需求對接】展位物料-行銷部/總務部-重要\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n美玲你好，\n\n展會物料請協助準備：\n\n";
        let tail = "\n有問題隨時找我，多謝！\n\n陳家豪\n行銷部\n電話：02-2712-3456\n";
        for sub in ["- ", "• ", "(a) ", "a) ", "① "] {
            let sub2 = match sub {
                "(a) " => "(b) ",
                "a) " => "b) ",
                "① " => "② ",
                s => s,
            };
            let body = format!(
                "1. 背板輸出兩款——負責：總務部（美玲）——12月10日前\n{sub}尺寸3x2.4米\n{sub2}附出血位\n2. 試印樣張——負責：行銷部——12月8日前\n"
            );
            let a = read(&format!("{head}{body}{tail}"));
            assert_eq!(whats(&a), ["背板輸出兩款", "試印樣張"], "{sub}");
        }
        // The item introduces its points with a colon: they are its points even last.
        let a = read(&format!(
            "{head}1. 試印樣張——負責：行銷部——12月8日前\n2. 背板輸出（總務部，12月10日前），規格如下：\n- 尺寸3x2.4米\n- 附出血位\n{tail}"
        ));
        assert_eq!(a.items.len(), 2, "{:?}", whats(&a));
        // A short label with a colon heads a group: its lines are items.
        let a = read(&format!(
            "{head}1. 總務部：\n- 背板輸出（美玲，12月10日前）\n- 試印樣張（家豪，12月8日前）\n{tail}"
        ));
        assert_eq!(a.items.len(), 3, "{:?}", whats(&a));
        // A list of one kind throughout stays a list of items.
        let a = read(&format!(
            "{head}- 背板輸出（總務部，12月10日前）\n- 試印樣張（行銷部，12月8日前）\n{tail}"
        ));
        assert_eq!(whats(&a), ["背板輸出", "試印樣張"]);
        // Bullets after the last numbered line, not introduced by it, are not taken in.
        let a = read(&format!(
            "{head}1. 背板輸出（總務部，12月10日前）\n- 試印樣張（行銷部，12月8日前）\n{tail}"
        ));
        assert_eq!(a.items.len(), 2, "{:?}", whats(&a));
    }

    #[test]
    fn more_list_markers_and_fields_in_a_trailing_bracket() {
        // Each marker style, with the fields in a bracket after the what.
        for (m1, m2) in [
            ("【1】", "【2】"),
            ("[1] ", "[2] "),
            ("A. ", "B. "),
            ("(a) ", "(b) "),
            ("⑴", "⑵"),
            ("❶ ", "❷ "),
            ("Ⅰ. ", "Ⅱ. "),
            ("i. ", "ii. "),
            ("第一，", "第二，"),
        ] {
            let a = read(&format!(
                "Subject: 【需求对接】价签-市场部/设计部-紧急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n王磊你好，\n\n需要配合以下事项：\n\n{m1}40家门店价签印刷文件（设计部，12月11日18:00前）\n{m2}旗舰店打样一份（王磊，12月9日前）\n\n谢谢！\n\n陈佳\n市场部\n电话：021-6258 3306\n"
            ));
            assert_eq!(
                whats(&a),
                ["40家门店价签印刷文件", "旗舰店打样一份"],
                "{m1}"
            );
            let owners: Vec<_> = a
                .items
                .iter()
                .map(|i| i.owner.as_ref().map(|o| o.text.as_str()))
                .collect();
            assert_eq!(owners, [Some("设计部"), Some("王磊")], "{m1}");
            let dues: Vec<_> = a
                .items
                .iter()
                .map(|i| i.due.as_ref().map(|o| o.text.as_str()))
                .collect();
            assert_eq!(dues, [Some("12月11日18:00前"), Some("12月9日前")], "{m1}");
        }
        let a = read(
            "Subject: [Request] Cards - Marketing - Urgent\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Sarah,\n\nTwo things:\n\n(1) Print-ready price cards for 40 stores (Sarah, by Fri Dec 11)\n(2) A workaround deployed by Friday, Dec 4 (our holiday hours start Saturday).\n\nThanks.\n\nJessica Chen\nMarketing\nTel: +86 21 6258 3306\n",
        );
        assert_eq!(
            whats(&a),
            [
                "Print-ready price cards for 40 stores",
                "A workaround deployed"
            ]
        );
        assert_eq!(
            a.items[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("Sarah")
        );
        // A bracket after a deadline is a remark, not the item's fields.
        assert_eq!(
            a.items[1].due.as_ref().map(|o| o.text.as_str()),
            Some("by Friday, Dec 4")
        );
        // Not markers: a word in brackets, an ordinal inside a word, a decimal.
        assert!(list_marker("(see the file) for details").is_none());
        assert!(list_marker("1.5 days late").is_none());
        assert!(list_marker("第一次见面很愉快").is_none());
        // Small Roman numerals in brackets (`items2`), not a word that starts like one.
        assert_eq!(list_marker("(ii) the signed NDA"), Some((5, false)));
        assert_eq!(list_marker("（iv）报价单"), Some(("（iv）".len(), false)));
        assert!(list_marker("(vide supra) the NDA").is_none());
        assert!(list_marker("(in progress) the NDA").is_none());
    }

    #[test]
    fn one_cell_per_paragraph_tables_with_more_column_names() {
        let table = |cells: &[&str]| cells.iter().map(|c| format!("{c}\n\n")).collect::<String>();
        let mail = |body: String| {
            read(&format!(
                "Subject: [Kickoff] Cards - Marketing - Urgent\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Sarah,\n\nThe plan is below.\n\n{body}Please confirm by Wednesday.\n\nJessica Chen\nMarketing\nTel: +86 21 6258 3306\n"
            ))
        };
        // A status column, `PIC`, `Action item`, `Target date`.
        let a = mail(table(&[
            "Action item",
            "Status",
            "PIC",
            "Target date",
            "Price cards",
            "In progress",
            "Sarah Mitchell",
            "Fri, Dec 11",
            "Flagship proof",
            "Not started",
            "Hannah Lee",
            "Wed, Dec 9",
        ]));
        assert_eq!(whats(&a), ["Price cards", "Flagship proof"]);
        assert_eq!(
            a.items[1].owner.as_ref().map(|o| o.text.as_str()),
            Some("Hannah Lee")
        );
        // Traditional headers with a status column last.
        let a = mail(table(&[
            "項次",
            "工作事項",
            "負責窗口",
            "預計完成日",
            "狀態",
            "1",
            "門市價卡",
            "王小明",
            "12/11（五）",
            "進行中",
            "2",
            "旗艦店打樣",
            "林美玲",
            "12/9（三）",
            "未開始",
        ]));
        assert_eq!(whats(&a), ["門市價卡", "旗艦店打樣"]);
        assert_eq!(
            a.items[0].due.as_ref().map(|o| o.text.as_str()),
            Some("12/11（五）")
        );
        // A cell that ends with a full stop, and an empty cell (three blank lines).
        let a = mail(table(&[
            "任务",
            "负责人",
            "完成时间",
            "交付标准",
            "门店价签",
            "王小明",
            "12月11日前",
            "每店一个PDF，含出血。",
            "旗舰店打样",
            "林美玲",
            "12月9日前",
            "实物样张一份。",
        ]));
        assert_eq!(whats(&a), ["门店价签", "旗舰店打样"]);
        assert_eq!(
            a.items[0].standard_value().as_deref(),
            Some("每店一个PDF，含出血。")
        );
        let a = mail(table(&[
            "Task",
            "Owner",
            "Due",
            "Notes",
            "Price cards",
            "Sarah Mitchell",
            "Fri, Dec 11",
            "\n",
            "Flagship proof",
            "Hannah Lee",
            "Wed, Dec 9",
            "urgent",
        ]));
        assert_eq!(whats(&a), ["Price cards", "Flagship proof"]);
        assert_eq!(
            a.items[1].owner.as_ref().map(|o| o.text.as_str()),
            Some("Hannah Lee")
        );
    }

    #[test]
    fn a_list_with_owners_and_deadlines_under_another_part_is_items() {
        for heading in ["時程安排：", "改善措施：", "Timeline:", "工作安排："] {
            let a = read(&format!(
                "Subject: 【需求對接】價卡-行銷部/設計部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n志明您好，\n\n為配合門市上新，說明如下。\n\n{heading}\n1. 門市價卡印刷檔——設計部（王志明）——12/11前\n2. 旗艦店打樣——林美玲——12/9前\n\n謝謝！\n\n陳佳\n行銷部\n電話：02-2345-6789\n"
            ));
            assert_eq!(whats(&a), ["門市價卡印刷檔", "旗艦店打樣"], "{heading}");
        }
        // A timeline of what happened (no owner, dates past) stays information.
        let a = read(
            "Subject: [Issue] Samples - Supply Chain - Urgent\nDate: Tue, 8 Dec 2026 10:00:00 +0800\n\nDear Tom,\n\nThe samples failed again.\n\nTimeline:\n- Dec 1: samples failed IQC.\n- Dec 4: 8D report received.\n\nPlease call me.\n\nMa Chao\nSupply Chain\nTel: +86 512 6688 2301\n",
        );
        assert!(whats(&a).is_empty(), "{:?}", whats(&a));
    }

    /// The background entries as the corpus counts them: each part's sentences.
    fn background_entries(a: &Anatomy) -> Vec<&str> {
        a.background
            .iter()
            .flat_map(|s| liaison_model::text::sentences(&s.text))
            .collect()
    }

    #[test]
    fn situation_labels_name_background_parts() {
        assert_eq!(classify_label("延期原因"), Some(Sec::Background));
        assert_eq!(classify_label("what didn't go well"), Some(Sec::Background));
        assert_eq!(classify_label("问题"), Some(Sec::Background));
        // What happened, in either language.
        assert_eq!(classify_label("发生了什么"), Some(Sec::Background));
        assert_eq!(classify_label("發生了什麼"), Some(Sec::Background));
        assert_eq!(classify_label("改进措施"), Some(Sec::Items));
        // `问题` inside a longer label does not make it a situation.
        assert_eq!(classify_label("待确认问题"), None);
    }

    /// A retrospective's results, what went wrong and causes are background, one entry per
    /// list line and without their labels; its measures with an owner and a time are items.
    #[test]
    fn a_retrospective_tells_its_situation_and_keeps_its_measures() {
        let a = read(
            "Subject: 【复盘】仓库盘点-仓储部\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n各位：\n\n年末盘点已结束，复盘如下。\n\n一、结果：账实相符率99.2%。\n二、影响：两家门店补货晚了一天。\n三、根因：扫码枪电量不足，夜班没有备用电池\n\n不足：\n1. 盘点表模板没有提前下发；\n2. 叉车调度靠电话\n\n改进：\n1. 采购备用电池——行政部刘洋——12月8日前\n\n谢谢大家。\n\n王芳\n仓储部\n",
        );
        assert_eq!(
            background_entries(&a),
            [
                "账实相符率99.2%。",
                "两家门店补货晚了一天。",
                "扫码枪电量不足，夜班没有备用电池",
                "盘点表模板没有提前下发；",
                "叉车调度靠电话",
            ]
        );
        assert_eq!(whats(&a), ["采购备用电池"]);
        // The same in English, with an unlabelled heading and a measure listed under the
        // situation part.
        let a = read(
            "Subject: [Retrospective] Stock count - Warehouse - Normal\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi all,\n\nThe year-end count is done.\n\nWhat went well\n- Counts matched the books for 99% of bins\n- Night shift finished early\n\nRoot cause: scanner batteries ran flat.\n- Buy spare batteries - owner: Admin (Liu Yang) - by Dec 8\n\nThanks,\n\nWang Fang\nWarehouse\n",
        );
        assert_eq!(
            background_entries(&a),
            [
                "Counts matched the books for 99% of bins",
                "Night shift finished early",
                "scanner batteries ran flat.",
            ]
        );
        assert_eq!(a.items.len(), 1, "{:?}", whats(&a));
    }

    #[test]
    fn traditional_part_labels_are_read_like_simplified_ones() {
        assert_eq!(classify_label("問題描述"), Some(Sec::Problem));
        assert_eq!(classify_label("行動項目"), Some(Sec::Items));
        assert_eq!(classify_label("背景與目標"), Some(Sec::Background));
        assert_eq!(classify_label("後續"), Some(Sec::Closing));
        assert_eq!(classify_label("進度"), Some(Sec::Other));
        let a = read(
            "Subject: 【問題協調】POS-資訊部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n佩君您好，\n\n門市POS離線時有交易遺失，需要資訊部協助。\n\n問題描述：\n12月5日門市網路中斷，約47筆交易未回傳總部。\n\n謝謝！\n\n吳俊傑\n研發部\nTel: 02-2712-3456\n",
        );
        assert_eq!(a.problem.len(), 1);
        assert!(a.problem[0].text.contains("47筆"), "{:?}", a.problem);
    }

    #[test]
    fn a_topic_then_who_does_it_by_when() {
        let a = read(
            "Subject: 【进度同步】年货节-市场部/设计部-一般\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n各位好，\n\n年货节物料进度如下，待完成：\n\n1. 活动视频：设计部12月8日前出终稿\n2. 直播脚本：市场部王磊12月10日前提交\n3. 价签贴：12月9日前印好，约1200张\n\n谢谢！\n\n陈佳\n市场部\n电话：021-6258 3306\n",
        );
        assert_eq!(whats(&a)[..2], ["活动视频", "直播脚本"]);
        assert_eq!(
            a.items[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("设计部")
        );
    }

    #[test]
    fn a_topic_then_an_ask_about_it() {
        let a = read(
            "Subject: 【需求對接】價卡-行銷部/設計部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n志明您好，\n\n需請設計部協助以下事項：\n\n  *   門市價卡印刷檔：請設計部於12/11（五）18:00前提供，PDF格式。\n  *   到貨時段：麻煩倉儲部本週四前確認。\n  *   研發中心：请各组组长12月3日下班前统计名单。\n\n謝謝！\n\n陳佳\n行銷部\n電話：02-2345-6789\n",
        );
        assert_eq!(whats(&a)[..2], ["門市價卡印刷檔", "到貨時段"]);
        assert_eq!(
            a.items[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("設計部")
        );
        assert_eq!(
            a.items[1].due.as_ref().map(|o| o.text.as_str()),
            Some("本週四前")
        );
        // A department before the colon is whom the line asks, not its topic.
        assert_ne!(whats(&a)[2], "研发中心");
    }

    #[test]
    fn a_list_of_rules_under_please_note_is_no_work() {
        let a = read(
            "Subject: 报销提醒\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n各位同事：\n\n提醒一下，请大家在本周五（12月4日）18:00前提交11月的费用报销单据。\n\n请注意：\n1. 发票抬头须为公司全称，税号完整；\n2. 超过5,000元的单笔报销需部门总监签字。\n\n如有疑问请联系财务部赵敏。\n\n赵敏\n财务部\n电话：021-6258 3306\n",
        );
        assert_eq!(whats(&a), ["提交11月的费用报销单据"]);
        assert!(notes_heading("请注意：") && notes_heading("Please note:"));
        assert!(!notes_heading("需协调事项："));
        // A title after a function word: the owner starts after it.
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let opts = ParseOptions::new(liaison_time::Context::new(now));
        let own = |t: &str| find_owner(t, &opts).map(|(s, e)| t[s..e].to_string());
        assert_eq!(own("单笔报销需部门总监签字").as_deref(), Some("部门总监"));
    }

    #[test]
    fn an_ask_by_then_takes_the_deadline_set_before_it() {
        let a = read(
            "Subject: PO\nDate: Mon, 7 Dec 2026 10:00:00 +0800\n\nHi Ma Chao,\n\nWe have not received the purchase order yet.\n\nWe are holding a production slot for you until Wednesday, Dec 16, 12:00. Could you send the PO by then? After that the next slot is in January.\n\nMarco Rossi\nSales\nTel: +39 02 5555 0177\n",
        );
        assert_eq!(whats(&a), ["send the PO"]);
        assert_eq!(
            a.items[0].due.as_ref().map(|d| d.text.as_str()),
            Some("Wednesday, Dec 16, 12:00")
        );
        assert_eq!(
            a.closing.as_ref().map(|c| c.text.as_str()),
            Some("After that the next slot is in January.")
        );
        // Without a deadline before it, `by then` sets none.
        let a = read(
            "Subject: PO\nDate: Mon, 7 Dec 2026 10:00:00 +0800\n\nHi Ma Chao,\n\nCould you send the PO by then?\n\nMarco Rossi\nSales\nTel: +39 02 5555 0177\n",
        );
        assert!(a.items.iter().all(|i| i.due.is_none()));
    }

    #[test]
    fn a_hard_wrapped_ask_is_read_across_its_lines() {
        let a = read(
            "Subject: SFTP key\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nJames,\n\nour SFTP client refuses to connect to your upload server since this \nmorning. Could you please send the new host key fingerprint to me by \nThursday, Dec 3 via a second channel? We will not accept it otherwise.\n\nThanks,\nLiu Yang\nQiheng IT Ops\n+86 138 0000 4521\n",
        );
        assert_eq!(whats(&a), ["send the new host key fingerprint to me"]);
        assert_eq!(
            a.items[0].due.as_ref().map(|d| d.text.as_str()),
            Some("Thursday, Dec 3")
        );
        let a = read(
            "Subject: 价签\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n王磊你好，\n\n门店上新在即，麻烦设计部把门店价签的印刷文件整理好，\n在12月11日18:00前发给我，格式用PDF/X-4。\n\n谢谢！\n\n陈佳\n市场部\n电话：021-6258 3306\n",
        );
        assert_eq!(whats(&a), ["把门店价签的印刷文件整理好"]);
        assert_eq!(
            a.items[0].owner.as_ref().map(|d| d.text.as_str()),
            Some("设计部")
        );
    }

    #[test]
    fn more_owner_forms() {
        for (line, owner) in [
            ("2. 舊機資料轉移——由資訊部跟進——12月23日前", "資訊部"),
            ("2. 舊機資料轉移——跟進：劉洋——12月23日前", "劉洋"),
            ("2. 舊機資料轉移，劉洋跟進，12月23日前完成", "劉洋"),
            (
                "2. 舊機資料轉移——負責同事：Kevin Chan——12月23日前",
                "Kevin Chan",
            ),
            (
                "2. 麻煩資訊部同事喺12月23日前完成舊機資料轉移",
                "資訊部同事",
            ),
            ("2. 舊機資料轉移 負責：資訊部 期限：12月23日", "資訊部"),
            (
                "2. 舊機資料轉移——供應商（聯想）——12月23日前",
                "供應商（聯想）",
            ),
        ] {
            let a = read(&format!(
                "Subject: 【需求對接】筆電-財務部/資訊部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n劉洋，你好！\n\n香港辦公室需要更新手提電腦。\n\n需要：\n1. 12部手提電腦——負責：資訊部（劉洋）——12月23日前\n{line}\n\n有問題隨時搵我。\n\n黃家豪\n財務部\nT: +852 2555 0188\n"
            ));
            assert_eq!(a.items.len(), 2, "{line}");
            assert_eq!(
                a.items[1].owner.as_ref().map(|o| o.text.as_str()),
                Some(owner),
                "{line}"
            );
            assert!(a.items[1].what.text.contains("舊機資料轉移"), "{line}");
            assert!(!a.items[1].what.text.contains("負責"), "{line}");
        }
    }

    #[test]
    fn the_part_between_the_what_and_the_due_is_the_owner() {
        for (part, owner) in [
            ("行政", "行政"),
            ("我", "我"),
            ("財務（家豪）", "財務（家豪）"),
            ("各門市店長", "各門市店長"),
        ] {
            let a = read(&format!(
                "Subject: 【需求對接】筆電-財務部/資訊部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n劉洋，你好！\n\n香港辦公室需要更新手提電腦。\n\n需要：\n1. 12部手提電腦——負責：資訊部（劉洋）——12月23日前\n2. 預算審批——{part}——12/18前——附報價單\n\n謝謝！\n\n黃家豪\n財務部\nT: +852 2555 0188\n"
            ));
            assert_eq!(
                a.items[1].owner.as_ref().map(|o| o.text.as_str()),
                Some(owner),
                "{part}"
            );
            assert_eq!(
                a.items[1].standard_value().as_deref(),
                Some("附報價單"),
                "{part}"
            );
        }
    }

    #[test]
    fn a_department_named_by_its_function_alone() {
        for line in [
            "2. 預算審批：行政，12/18前",
            "2. 預算審批（行政，12/18前）",
            "2. 行政：12/18前完成預算審批",
        ] {
            let a = read(&format!(
                "Subject: 【需求對接】筆電-財務部/資訊部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n劉洋，你好！\n\n香港辦公室需要更新手提電腦。\n\n需要：\n1. 12部手提電腦——負責：資訊部（劉洋）——12月23日前\n{line}\n\n謝謝！\n\n黃家豪\n財務部\nT: +852 2555 0188\n"
            ));
            assert_eq!(
                a.items[1].owner.as_ref().map(|o| o.text.as_str()),
                Some("行政"),
                "{line}"
            );
            assert!(a.items[1].what.text.ends_with("預算審批"), "{line}");
        }
    }

    #[test]
    fn a_hard_wrapped_item_line_goes_on_in_lower_case() {
        let a = read(
            "Subject: [Request] Cards - Marketing - Urgent\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Sarah,\n\nTwo things:\n\n1. Print-ready price cards for 40 stores - owner: Sarah Mitchell - due: Fri Dec 11\n2. One printed proof for the flagship store, checked against the colour\nguide - owner: Hannah Lee - due: Wed Dec 9\n\nThanks.\n\nJessica Chen\nMarketing\nTel: +86 21 6258 3306\n",
        );
        assert_eq!(
            a.items[1]
                .what
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            "One printed proof for the flagship store, checked against the colour guide"
        );
        assert_eq!(
            a.items[1].owner.as_ref().map(|o| o.text.as_str()),
            Some("Hannah Lee")
        );
    }

    #[test]
    fn a_leading_condition_is_no_what() {
        let a = read(
            "Subject: 【问题升级】报关资料-单证组/供应链部-紧急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n宋佳：\n\n报关资料仍缺申报要素，请协助：\n1. 今天15:00前补齐3个SKU的申报要素——负责人：供应链部；\n2. 如15:00前无法补齐，16:00前确认是否先拆柜——负责人：马超。\n3. 如期完成样品寄送——负责人：仓储部——12月3日前\n\n谢谢！\n\n杨帆\n客户部\nTel: 021-5888 7766\n",
        );
        assert_eq!(a.items.len(), 3);
        assert!(
            a.items[1].what.text.starts_with("确认是否先拆柜"),
            "{:?}",
            whats(&a)
        );
        assert_eq!(
            a.items[1].owner.as_ref().map(|o| o.text.as_str()),
            Some("马超")
        );
        // `如期` is no condition.
        assert!(
            a.items[2].what.text.starts_with("如期完成"),
            "{:?}",
            whats(&a)
        );
    }

    #[test]
    fn a_capitalised_title_is_no_owner_leading_its_clause() {
        let a = read(
            "Subject: [Request] Documents - Regulatory - Urgent\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nDear Markus,\n\nWe need the documents below.\n\n1. Free Sale Certificate (notarised and apostilled). Owner: MediSense Regulatory (Markus Weber). Due: Dec 3, 17:00 CET.\n2. IEC 60601-2-37 test report. Owner: Markus Weber. Due: Dec 3.\n\nThanks.\n\nLi Na\nRegulatory\nTel: +86 21 6258 3306\n",
        );
        assert_eq!(
            whats(&a)[0],
            "Free Sale Certificate (notarised and apostilled)"
        );
        assert_eq!(
            a.items[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("MediSense Regulatory (Markus Weber)")
        );
    }

    #[test]
    fn more_field_separators_and_orders() {
        for line in [
            "2. 資訊部——舊機資料轉移——12月23日前",
            "2. 舊機資料轉移 → 資訊部 → 12/23前",
            "2. 舊機資料轉移（資訊部 / 12月23日前）",
            "2. 舊機資料轉移；負責：資訊部；12月23日前",
            "2. 舊機資料轉移，負責：資訊部，12月23日前",
            "2. 舊機資料轉移\u{3000}資訊部\u{3000}12月23日前",
        ] {
            let a = read(&format!(
                "Subject: 【需求對接】筆電-財務部/資訊部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n劉洋，你好！\n\n香港辦公室需要更新手提電腦。\n\n需要：\n1. 12部手提電腦——負責：資訊部（劉洋）——12月23日前\n{line}\n\n謝謝！\n\n黃家豪\n財務部\nT: +852 2555 0188\n"
            ));
            assert_eq!(a.items[1].what.text, "舊機資料轉移", "{line}");
            assert_eq!(
                a.items[1].owner.as_ref().map(|o| o.text.as_str()),
                Some("資訊部"),
                "{line}"
            );
            assert!(a.items[1].due.is_some(), "{line}");
        }
    }

    #[test]
    fn an_owner_tag_or_name_before_the_action() {
        for (line, what) in [
            ("2. Tom to send the PO by Friday, Dec 4", "send the PO"),
            ("2. [Tom] Send the PO by Fri Dec 4", "Send the PO"),
        ] {
            let a = read(&format!(
                "Subject: [Request] Supplies - Marketing - Urgent\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Tom,\n\nTwo things:\n\n1. Print-ready price cards - owner: Sarah - due: Fri Dec 11\n{line}\n\nThanks.\n\nJessica Chen\nMarketing\nTel: +86 21 6258 3306\n"
            ));
            assert_eq!(a.items[1].what.text, what, "{line}");
            assert_eq!(
                a.items[1].owner.as_ref().map(|o| o.text.as_str()),
                Some("Tom"),
                "{line}"
            );
        }
    }

    #[test]
    fn a_second_ask_in_a_sentence_takes_the_deadline_after_it() {
        let a = read(
            "Subject: 【問題升級】物料-行銷部/品牌部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n李娜您好，\n\n門市物料需於12月15日前送印。\n\n麻煩品牌部在12月3日（四）上午10點前提供分層原始檔，另外也請品牌部確認台灣是否可自行以JPG重製，12月3日下班前回覆即可。\n\n謝謝！\n\n林雅婷\n行銷部\n電話：02-2345-6789\n",
        );
        assert_eq!(whats(&a), ["提供分層原始檔", "確認台灣是否可自行以JPG重製"]);
        assert_eq!(
            a.items[1].due.as_ref().map(|d| d.text.as_str()),
            Some("12月3日下班前")
        );
        // An action with its reply-by is work; a reply-by alone is the closing's next step.
        let a = read(
            "Subject: 【問題升級】物料-行銷部/品牌部-急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n李娜您好，\n\n門市物料需於12月15日前送印。\n\n請品牌部確認台灣是否可自行以JPG重製，12月3日下班前回覆。\n\n麻烦今天下班前回我。\n\n林雅婷\n行銷部\n電話：02-2345-6789\n",
        );
        assert_eq!(whats(&a), ["確認台灣是否可自行以JPG重製"]);
        // A new ask after a condition is no second item.
        let a = read(
            "Subject: 【问题升级】冻品-华东大区/供应链部-紧急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n邱总：\n\n冻品还没有排上配送。\n\n请供应链部12月17日下班前明确能否在12月28日上午配送，如不能，请给出最早的配送时间。\n\n曾凡\n华东大区\n手机 138 1688 2730\n",
        );
        assert_eq!(whats(&a).len(), 1, "{:?}", whats(&a));
    }

    #[test]
    fn polite_english_asks() {
        for (body, what) in [
            (
                "It would be great if your team could share the test report before Dec 4.",
                "share the test report",
            ),
            (
                "Could your logistics team book the container by Dec 8?",
                "book the container",
            ),
        ] {
            let a = read(&format!(
                "Subject: Contract\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Tom,\n\nThanks for the call yesterday.\n\n{body}\n\nBest regards,\nJessica Chen\nMarketing\nTel: +86 21 6258 3306\n"
            ));
            assert_eq!(whats(&a), [what], "{body}");
        }
        // A real condition still asks nothing of its own.
        let a = read(
            "Subject: Contract\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Tom,\n\nThanks for the call yesterday.\n\nIf anything is missing, could you tell me by Dec 4?\n\nBest regards,\nJessica Chen\nMarketing\nTel: +86 21 6258 3306\n",
        );
        assert!(whats(&a).is_empty(), "{:?}", whats(&a));
    }

    #[test]
    fn department_owners_take_the_person_after_them() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap();
        let opts = ParseOptions::new(liaison_time::Context::new(now));
        let own = |t: &str| find_owner(t, &opts).map(|(s, e)| t[s..e].to_string());
        assert_eq!(own("仓储部周一鸣更新台账").as_deref(), Some("仓储部周一鸣"));
        assert_eq!(own("仓储部王五12月3日前").as_deref(), Some("仓储部王五"));
        assert_eq!(own("报表寄至财务部").as_deref(), Some("财务部"));
        assert_eq!(own("技术部定位原因").as_deref(), Some("技术部"));
        assert_eq!(own("三個部分").as_deref(), None);
    }

    #[test]
    fn vocatives_are_greetings() {
        for (line, want) in [
            ("孙七、周八：", "孙七、周八："),
            ("小林～下周的物料麻烦看一下", "小林～"),
            ("Dana, Lee –", "Dana, Lee –"),
            ("Dear Ann, dear Mr. Holt,", "Dear Ann, dear Mr. Holt,"),
            ("钱经理，抱歉打扰，有个情况：", "钱经理，"),
            // Departments addressed on a line of their own.
            ("档案管理中心、后勤保障处：", "档案管理中心、后勤保障处："),
        ] {
            let a = read(&format!("Subject: x\n\n{line}\n\n正文一句。\n"));
            assert_eq!(a.greeting.map(|g| g.text).as_deref(), Some(want), "{line}");
        }
        // A reply's first word is no name.
        for line in ["Noted, thanks.", "Sure, will do.", "Sorry Ann, I was out."] {
            let a = read(&format!("Subject: x\n\n{line}\n"));
            assert!(a.greeting.is_none(), "{line}");
        }
        // Not a vocative: a sentence that happens to start with two characters and a comma.
        let a = read("Subject: x\n\n今天，系统升级完成了。\n");
        assert!(a.greeting.is_none());
        // A department heading a sentence is not addressed.
        let a = read("Subject: x\n\n后勤保障处，今天停水。\n");
        assert!(a.greeting.is_none());
    }

    #[test]
    fn recipients_called_by_their_given_name_are_greeted() {
        for (to, body, want) in [
            ("张晓峰", "晓峰，周报我晚点发。", "晓峰，"),
            ("何静", "静静 周报我晚点发。", "静静"),
            ("孟涛", "涛哥，周报我晚点发。", "涛哥，"),
        ] {
            let a = read(&format!("To: {to} <x@example.com>\nSubject: x\n\n{body}\n"));
            assert_eq!(a.greeting.map(|g| g.text).as_deref(), Some(want), "{body}");
            assert_eq!(a.opening.map(|o| o.text).as_deref(), Some("周报我晚点发。"));
        }
        // The same words with nobody of that name among the recipients are not a call.
        let a = read("To: 王五 <x@example.com>\nSubject: x\n\n晓峰，周报我晚点发。\n");
        assert!(a.greeting.is_none());
    }

    #[test]
    fn kin_calls_are_greetings() {
        for (line, want) in [
            ("妈，", "妈，"),
            ("J姐～周末回家吃饭吗", "J姐～"),
            ("老张叔，车已经修好了。", "老张叔，"),
        ] {
            let a = read(&format!("Subject: x\n\n{line}\n"));
            assert_eq!(a.greeting.map(|g| g.text).as_deref(), Some(want), "{line}");
        }
        let a = read("Subject: x\n\n我哥，昨天回来了。\n");
        assert!(a.greeting.is_none());
    }

    #[test]
    fn addressee_lines_are_greetings() {
        // A notice's addressee and a family mail's list of kin, each alone before a colon.
        for line in ["各下属单位：", "东区仓库：", "妈、舅舅、王姨："] {
            let a = read(&format!("Subject: x\n\n{line}\n今年的盘点安排在周五。\n"));
            assert_eq!(a.greeting.map(|g| g.text).as_deref(), Some(line), "{line}");
        }
        // A label or a lead-in before a colon is not addressed.
        for line in ["盘点情况说明：", "具体事项如下：", "需要确认："] {
            let a = read(&format!("Subject: x\n\n{line}\n今年的盘点安排在周五。\n"));
            assert!(a.greeting.is_none(), "{line}");
        }
    }

    #[test]
    fn what_the_work_goes_along_with_is_no_standard() {
        assert_eq!(
            find_standard("Ship the spare fans together with the next order"),
            None
        );
        assert_eq!(
            find_standard("Run the migration in parallel with the audit"),
            None
        );
        let t = "Send the report with the raw data attached";
        let (s, e) = find_standard(t).expect("a standard");
        assert_eq!(&t[s..e], t);
    }

    #[test]
    fn a_further_bound_after_the_standard_is_part_of_it() {
        let t = "整理巡检记录，每条记录不超过200字，照片不少于3张，下周一交我";
        let (s, e) = find_standard(t).expect("a standard");
        assert_eq!(&t[s..e], "每条记录不超过200字，照片不少于3张");
        // A clause with no bound after it is a further act, not more of the standard.
        let t = "整理巡检记录，格式按上月模板，交质量部归档";
        let (s, e) = find_standard(t).expect("a standard");
        assert_eq!(&t[s..e], "格式按上月模板");
    }

    #[test]
    fn a_list_of_terms_is_the_standard_of_the_asks_in_prose() {
        let a = read(
            "Subject: 包装方案打样\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n陈小姐你好，\n\n包装需要贵司出方案并打样，重点几条：\n- 每箱12件，毛重不超过18kg；\n- 需通过跌落测试。\n\n请12月15日前提供包装方案和报价，12月22日前送3套样品到厂。\n\n彭涛\n技术部\n电话：0512-6527 3318\n",
        );
        assert_eq!(whats(&a).len(), 2, "{:?}", whats(&a));
        assert!(whats(&a)[0].contains("包装方案"), "{:?}", whats(&a));
        // … unless the ask points back at the list.
        let a = read(
            "Subject: Assets\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Ann,\n\nFor the page we need:\n- photos of the gift sets\n- the logo in SVG\n\nCould you share them by Thursday, Dec 10?\n\nBen\nMarketing\nTel: 021-6258 3306\n",
        );
        assert_eq!(whats(&a).len(), 2, "{:?}", whats(&a));
    }

    #[test]
    fn a_report_line_with_no_owner_and_no_time_ahead_is_status() {
        let a = read(
            "Subject: 【进度同步】彩超一期-研发中心\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n马总：\n\n第3周进度汇报如下。\n\n1. 整机方案：重量降到2.48kg，满足目标；\n2. 临床评价路径：临床部叶青12月18日前出策略报告。\n\n罗志强\n研发中心\nTel: 021-6085 2233\n",
        );
        assert_eq!(whats(&a).len(), 1, "{:?}", whats(&a));
    }

    #[test]
    fn wrapped_fields_and_lines_that_ask_nothing() {
        let a = read(
            "Subject: [Retrospective] Sample issue - Supply Chain - Normal\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nDear Ma Chao,\n\nActions:\n1. Supplier change clause added to our contracts\n- owner: Nordhaus Purchasing - by 31 January 2027\n2. Burn-in for all lots until March 2027\n- owner: Nordhaus QA\n\nKind regards\nTom\nKey Account Manager\nTel: +49 89 1234 5678\n",
        );
        assert_eq!(whats(&a).len(), 2, "{:?}", whats(&a));
        let a = read(
            "Subject: 【问题协调】VPN-IT部/研发中心\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi all，\n\n需要各部门配合：\n- IT部：今天18:00前推送修正后的策略；\n- 临床部：无需操作，如有异常请报IT。\n\n杜峰\nIT部\n分机 3999\n",
        );
        assert_eq!(whats(&a).len(), 1, "{:?}", whats(&a));
    }

    /// `可以下周一` holds `以下` but points at no list: the hand-back before it still gives
    /// the list its deadline.
    #[test]
    fn a_later_day_after_keyi_is_no_pointer_to_the_list() {
        let a = read(
            "Subject: x\nDate: Mon, 30 Nov 2026 10:00:00 +0800\n\n小陈：\n\n周报需要两样东西：\n- 本周的工单统计\n- 下周的排班表\n\n最好周四前发给我，排班表来不及可以下周一。\n\n周岚\n",
        );
        assert_eq!(whats(&a).len(), 2, "{:?}", whats(&a));
        assert_eq!(
            a.items[0].due.as_ref().map(|d| d.text.as_str()),
            Some("周四前")
        );
    }

    #[test]
    fn a_list_heading_names_the_owner_in_english_only() {
        assert_eq!(
            list_owner("What I need from Qiheng:").map(|(s, e)| &"What I need from Qiheng:"[s..e]),
            Some("Qiheng")
        );
        assert_eq!(list_owner("请贵司配合以下事项："), None);
        assert_eq!(
            list_owner("What I need from Qiheng"),
            None,
            "no colon, no heading"
        );
        assert_eq!(column_kind("負責單位"), Col::Dept);
        assert_eq!(column_kind("承辦人"), Col::Person);
        assert_eq!(column_kind("時程"), Col::Due);
    }

    #[test]
    fn several_asks_in_one_sentence() {
        let a = read(
            "Subject: 【问题升级】积分补发-技术部-紧急\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n郑总好：\n\n补发还没完成。\n\n请技术部今天18:00前完成补发，客服部明天上午完成短信通知。\n\n宋佳\n客服部\n微信：songjia_sh\n",
        );
        assert_eq!(a.items.len(), 2, "{:?}", whats(&a));
        assert_eq!(
            a.items[1].owner.as_ref().map(|o| o.text.as_str()),
            Some("客服部")
        );
        // A clause that says when something starts is no ask of its own.
        let a = read(
            "Subject: 【需求对接】首页banner-产品部-一般\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n袁帅好：\n\n麻烦12月25日18:00前换到小程序首页，26号0点活动开始。\n\n宋佳\n市场部\n微信：songjia_sh\n",
        );
        assert_eq!(a.items.len(), 1, "{:?}", whats(&a));
    }

    #[test]
    fn asks_in_the_last_paragraph() {
        // Work asked for in prose ends the closing before it.
        let a = read(
            "Subject: 【成果确认】税费预估-供应链部/财务部-一般\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n赵敏你好：\n\n税费预估已收到，确认可以按这个金额申请付款。\n\n付款申请单我今天提交OA，麻烦财务部在12月22日前完成付款。\n\n宋佳\n供应链部\n微信：songjia_sh\n",
        );
        assert_eq!(
            whats(&a),
            vec!["完成付款"],
            "work asked for in a confirmation's last paragraph is an item"
        );
        let a = read(
            "Subject: 【成果确认】税费预估-供应链部/财务部-一般\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n赵敏你好：\n\n税费预估已收到。\n\n麻烦财务部在12月22日前确认付款日期。\n\n宋佳\n供应链部\n微信：songjia_sh\n",
        );
        assert_eq!(
            whats(&a),
            Vec::<String>::new(),
            "a confirmation's last ask for an answer is its reply-by"
        );
        let a = read(
            "Subject: 【需求对接】税费-供应链部/财务部-一般\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\n赵敏你好：\n\n年前要结清报关费。\n\n麻烦财务部在12月22日前完成付款。谢谢！\n\n宋佳\n供应链部\n微信：songjia_sh\n",
        );
        assert_eq!(whats(&a), ["完成付款"]);
        assert_eq!(a.items[0].owner.as_ref().unwrap().text, "财务部");
        assert_eq!(a.closing.as_ref().map(|c| c.text.as_str()), Some("谢谢！"));
        // A reply-by or a conditional ask is the closing's next step, not an item.
        let a = read(
            "Subject: [Request] Report - Marketing - Normal\nDate: Tue, 1 Dec 2026 10:00:00 +0800\n\nHi Bob,\n\nThe report is late.\n\nIf anything is unclear, please call me by Dec 3. Please reply by Dec 4, 18:00.\n\nAlice\nProduct Department\nalice@example.com\n",
        );
        assert_eq!(whats(&a), Vec::<String>::new());
        assert!(a.closing.is_some());
    }

    #[test]
    fn field_lines_under_an_item_are_its_fields() {
        let due = |a: &Anatomy| -> Vec<Option<String>> {
            a.items
                .iter()
                .map(|i| i.due.as_ref().map(|d| d.text.clone()))
                .collect()
        };
        // Indented, and unindented with one field a line, and under `一、`.
        for body in [
            "1. 提供价卡设计稿\n   负责单位：行销部\n   截止：12月18日前\n2. 确认立牌数量\n   负责单位：门市营运部\n   完成时间：12月16日\n",
            "1. 提供价卡设计稿\n负责单位：行销部\n截止：12月18日前\n2. 确认立牌数量\n负责单位：门市营运部\n完成时间：12月16日\n",
            "一、提供价卡设计稿\n负责单位：行销部\n截止：12月18日前\n二、确认立牌数量\n负责单位：门市营运部\n完成时间：12月16日\n",
        ] {
            let a = read(&format!(
                "Subject: x\n\n志明你好，\n\n年终档期的门市物料需要行销部协助。\n\n{body}\n谢谢！\n\n陈怡\n采购部\n"
            ));
            assert_eq!(whats(&a), ["提供价卡设计稿", "确认立牌数量"], "{body}");
            assert_eq!(
                due(&a),
                [Some("12月18日前".to_string()), Some("12月16日".to_string())],
                "{body}"
            );
            assert_eq!(a.items[1].owner.as_ref().unwrap().text, "门市营运部");
        }
        // One `截止：` line right after a one-line-per-item list is the whole list's due.
        let a = read(
            "Subject: x\n\n志明你好，\n\n年终档期的门市物料需要行销部协助。\n\n1. 提供价卡设计稿\n2. 确认立牌数量\n截止：12月18日前\n\n谢谢！\n\n陈怡\n采购部\n",
        );
        assert_eq!(whats(&a), ["提供价卡设计稿", "确认立牌数量"]);
        assert_eq!(a.deadline_lines.len(), 1);
        // A field label's colon before the deadline is no part of the what.
        let a = read(
            "Subject: x\n\n志明你好，\n\n年终档期的门市物料需要行销部协助。\n\n1. 提供價卡設計稿：12月18日前\n2. 事項：海報印製；負責單位：行政部；完成期限：12月21日\n\n谢谢！\n\n陈怡\n采购部\n",
        );
        assert_eq!(whats(&a), ["提供價卡設計稿", "海報印製"]);
        assert_eq!(a.items[1].owner.as_ref().unwrap().text, "行政部");
        assert_eq!(a.items[1].due.as_ref().unwrap().text, "12月21日");
        // A bare verb after the deadline (`…12月18日前完成，…`) is no standard.
        let a = read(
            "Subject: x\n\n志明你好，\n\n年终档期的门市物料需要行销部协助。\n\n1. 价卡设计稿12月18日前完成，需可直接送印\n\n谢谢！\n\n陈怡\n采购部\n",
        );
        assert_eq!(whats(&a), ["价卡设计稿"]);
        assert_eq!(a.items[0].standard_value(), None);
    }

    #[test]
    fn traditional_ask_words_and_list_intros() {
        let a = read(
            "Subject: x\n\n志明你好，\n\n麻煩財務部12月18日前完成付款。\n\n謝謝。\n\n陳怡\n採購部\n",
        );
        assert_eq!(whats(&a), ["完成付款"]);
        assert_eq!(a.items[0].owner.as_ref().unwrap().text, "財務部");
        // An ask that ends with a colon introduces the list after it.
        let a = read(
            "Subject: x\n\n志明你好，\n\n12/18前麻煩準備幾份資料：\n1. 合約草稿\n2. 售價表\n\n謝謝。\n\n陳怡\n採購部\n",
        );
        assert_eq!(whats(&a), ["合約草稿", "售價表"]);
    }

    #[test]
    fn status_lists_and_figure_tables_are_not_items() {
        let a = read(
            "Subject: x\n\n各位：\n\n同步一下本周进展：\n\n1. 接口联调已完成；\n2. 测试用例已评审。\n\n下周计划：\n1. 压测报告——测试部（吴九）——12月4日前\n\n区域\t销量\t同比\n华东\t120\t+5%\n\n谢谢。\n\n吴九\n测试部\n",
        );
        assert_eq!(whats(&a), ["压测报告"]);
        assert_eq!(a.items[0].owner.as_ref().unwrap().text, "测试部（吴九）");
        // A department column with figures beside it is where things stand, not work.
        let a = read(
            "Subject: x\n\n各位：\n\n目前还有两个部门未提交完：\n\n| 部门 | 应交人数 | 已交 | 未交 |\n|---|---|---|---|\n| 设备部 | 14 | 9 | 5 |\n| 计划部 | 6 | 2 | 4 |\n\n请以上部门12月18日前督促员工在OA提交。\n\n谢谢。\n\n韩雪\n人力资源部\n",
        );
        assert!(
            whats(&a).iter().all(|w| !w.contains('|')),
            "{:?}",
            whats(&a)
        );
        // A department column with a task beside it is work.
        let a = read(
            "Subject: x\n\n各位：\n\n| 部门 | 事项 |\n|---|---|\n| 设备部 | 提交自评表 |\n\n谢谢。\n\n韩雪\n人力资源部\n",
        );
        assert_eq!(whats(&a), ["提交自评表"]);
        // A row whose status (or time) cell says it is done is no work left; an open one is.
        let a = read(
            "Subject: x\n\n各位：\n\n| 事项 | 负责人 | 状态 | 完成时间 |\n|---|---|---|---|\n| 展位图定稿 | 孙七 | 已完成 | 12月2日 |\n| 胸牌印制 | 吴九 | 进行中 | 12月9日 |\n| 桌布采购 | 周十 | 待开始 | 已完成 |\n\n谢谢。\n\n韩雪\n行政部\n",
        );
        assert_eq!(whats(&a), ["胸牌印制"]);
    }

    #[test]
    fn one_cell_per_paragraph_tables_with_other_task_headers() {
        for head in [
            "Document\n\nOwner\n\nDue",
            "Deliverable\n\nOwner\n\nDeadline",
            "Topic\n\nResponsible\n\nBy when",
            "Request\n\nWho\n\nWhen",
            "No.\n\nDescription\n\nOwner\n\nTarget date",
        ] {
            let numbered = head.starts_with("No.");
            let row = |n: &str, w: &str, o: &str, d: &str| {
                if numbered {
                    format!("{n}\n\n{w}\n\n{o}\n\n{d}\n\n")
                } else {
                    format!("{w}\n\n{o}\n\n{d}\n\n")
                }
            };
            let a = read(&format!(
                "Subject: [Request] Launch - Marketing - Normal\n\nHi Tom,\n\nWe need the following from your team.\n\n{head}\n\n{}{}Thanks,\nAmy\n",
                row("1", "Send the signed NDA", "Tom Lee", "Dec 11"),
                row("2", "Book the venue", "Lisa Wong", "Dec 14"),
            ));
            assert_eq!(
                whats(&a),
                ["Send the signed NDA", "Book the venue"],
                "{head}"
            );
            assert_eq!(
                a.items[1].owner.as_ref().unwrap().text,
                "Lisa Wong",
                "{head}"
            );
            assert_eq!(a.items[1].due.as_ref().unwrap().text, "Dec 14", "{head}");
            assert!(a.items.iter().all(|i| i.standard.is_none()), "{head}");
        }
    }

    #[test]
    fn english_teams_and_lists_asked_for_as_both() {
        let a = read(
            "Subject: x\n\nDear Ms. Weber,\n\nWe still need two documents.\n\n1. Safety data sheet - your QA team - by Dec 16\n2. Certificate of origin - your export team - by Dec 18\n\nItem 3: Packing list. Owner: QA. Due: Dec 18.\n\nBest regards,\nLi Ming\n",
        );
        let owners: Vec<_> = a
            .items
            .iter()
            .map(|i| i.owner.as_ref().map(|o| o.text.as_str()))
            .collect();
        assert_eq!(
            owners,
            [Some("your QA team"), Some("your export team"), Some("QA")]
        );
        let a = read(
            "Subject: x\n\nDear Ms. Weber,\n\nWe still need two documents from your side:\n\n- the safety data sheet\n- the certificate of origin\n\nCould you send both by Wednesday, Dec 16?\n\nBest regards,\nLi Ming\n",
        );
        assert_eq!(
            whats(&a),
            ["the safety data sheet", "the certificate of origin"]
        );
        assert!(a.items.iter().all(|i| i.due.is_some()));
    }

    #[test]
    fn owners_named_by_the_shape_of_the_ask() {
        let owner = |line: &str| -> Option<String> {
            let a = read(&format!(
                "Subject: x\n\n志明你好，\n\n新系統上線需要協助。\n\n1. 開通帳號，資訊部負責，12/18（五）前\n{line}\n\n謝謝！\n\n陳怡\n採購部\n"
            ));
            assert_eq!(a.items.len(), 2, "{line}");
            a.items[1].owner.as_ref().map(|o| o.text.clone())
        };
        for (line, want) in [
            ("2. 請人資於12/22（二）前發出通知", "人資"),
            ("2. 請採購單位於12/22（二）前確認報價", "採購單位"),
            ("2. 請各門市店長於12/22（二）前回報", "各門市店長"),
            ("2. 麻煩財務部Amy於12/22（二）前完成付款", "財務部"),
            ("2. 價卡設計稿請小明協助，12/22（二）前", "小明"),
            ("2. 完成教育訓練，由 Kevin 負責，12/22（二）前", "Kevin"),
            // A list line whose label holds `完成` among other words is an item.
            ("2. 完成教育訓練：人資部負責，12/22（二）前", "人資部"),
            ("2. 完成教育訓練（主責：人資部）", "人資部"),
        ] {
            assert_eq!(owner(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn more_list_markers_and_slash_separated_fields() {
        for (a, b) in [
            ("（一）", "（二）"),
            ("１．", "２．"),
            ("壹、", "貳、"),
            ("Ａ．", "Ｂ．"),
            ("※ ", "※ "),
            ("‧ ", "‧ "),
            ("Ø ", "Ø "),
            ("◎ ", "◎ "),
        ] {
            let doc = read(&format!(
                "Subject: x\n\n志明你好，\n\n年終檔期的門市物料需要協助。\n\n{a}價卡設計稿，行銷部，12/18前\n{b}立牌文案，門市營運部，12/16前\n\n謝謝！\n\n陳怡\n採購部\n"
            ));
            assert_eq!(whats(&doc), ["價卡設計稿", "立牌文案"], "{a}");
        }
        let doc = read(
            "Subject: x\n\n志明你好，\n\n年終檔期的門市物料需要協助。\n\n(1) 價卡設計稿 / 行銷部 / 12/18前\n(2) 立牌文案 / 門市營運部 / 12/16前\n\n謝謝！\n\n陳怡\n採購部\n",
        );
        assert_eq!(whats(&doc), ["價卡設計稿", "立牌文案"]);
        assert_eq!(doc.items[1].owner.as_ref().unwrap().text, "門市營運部");
    }

    #[test]
    fn english_asks_in_prose() {
        for line in [
            "We would like you to send the signed NDA by Dec 11.",
            "We kindly ask you to send the signed NDA by Dec 11.",
            "I'd be grateful if you could send the signed NDA by Dec 11.",
            "Would you be able to send the signed NDA by Dec 11?",
            "Could your team send the signed NDA by Dec 11?",
            "Send the signed NDA by Dec 11, please.",
        ] {
            let a = read(&format!(
                "Subject: [Request] Launch - Marketing - Normal\n\nHi Tom,\n\nWe are preparing the launch on Dec 20 and need a few things.\n\n{line}\n\nThanks,\nAmy Chen\nMarketing\n"
            ));
            let w: Vec<String> = whats(&a).iter().map(|w| w.to_lowercase()).collect();
            assert_eq!(w, ["send the signed nda"], "{line}");
            assert_eq!(a.items[0].due.as_ref().unwrap().text, "by Dec 11", "{line}");
        }
        // `needs` is no `i need`: a statement about someone else asks nothing.
        let a = read(
            "Subject: x\n\nHi Tom,\n\nThe file did not arrive.\n\nKai needs the corrected file from you today so this is a bit urgent.\n\nThanks,\nAmy\n",
        );
        assert!(a.items.is_empty(), "{:?}", whats(&a));
    }

    #[test]
    fn a_remarks_column_holds_no_field() {
        let cells = "項目\n\n負責單位\n\n時程\n\n備註\n\n價卡設計稿\n\n行銷部\n\n12/18前\n\n需可送印\n\n立牌文案\n\n門市營運部\n\n12/16前\n\n無\n\n";
        let rows = "| 項目 | 負責同仁 | 預計完成日 | 備註 |\n|---|---|---|---|\n| 價卡設計稿 | 王小明 | 12/18前 | 需可送印 |\n| 立牌文案 | 門市營運部 | 12/16前 | 無 |\n\n";
        for table in [cells, rows] {
            let a = read(&format!(
                "Subject: x\n\n志明你好，\n\n年終檔期的門市物料請協助。\n\n{table}謝謝！\n\n陳怡\n採購部\n"
            ));
            assert_eq!(whats(&a), ["價卡設計稿", "立牌文案"], "{table}");
            assert_eq!(a.items[1].owner.as_ref().unwrap().text, "門市營運部");
            assert_eq!(a.items[1].due.as_ref().unwrap().text, "12/16前");
        }
    }

    #[test]
    fn tab_and_one_cell_per_paragraph_tables() {
        let a = read(
            "Subject: x\n\nHi all,\n\nPlan:\nTask\tOwner\tDue\nDraft the FAQ\tLee Ann\tDec 4\n\nThanks.\n",
        );
        assert_eq!(whats(&a), ["Draft the FAQ"]);
        assert_eq!(a.items[0].owner.as_ref().unwrap().text, "Lee Ann");
        assert_eq!(a.items[0].due.as_ref().unwrap().text, "Dec 4");
        let a = read(
            "Subject: x\n\n各位：\n\n分工：\n\n序号\n\n任务\n\n负责人\n\n完成时间\n\n1\n\n整理台账\n\n郑十\n\n12月9日前\n\n2\n\n复核台账\n\n王一\n\n12月11日前\n\n请按时完成。\n",
        );
        assert_eq!(whats(&a), ["整理台账", "复核台账"]);
        assert_eq!(a.items[1].owner.as_ref().unwrap().text, "王一");
        assert_eq!(a.items[1].due.as_ref().unwrap().text, "12月11日前");
    }

    #[test]
    fn a_sentence_led_by_its_owner_and_deadline_is_an_ask() {
        let a = read(
            "Subject: 【需求对接】赞助商权益-商务部/内容中心-紧急\nDate: 2026-11-30 10:00\n\n李涛、周敏：\n\n三家赞助商的权益要在下周五给客户过稿。\n\n商务部李涛12月8日前把三家赞助商的权益清单汇总给我，按合同条款逐条列。内容中心周敏12月10日前出口播脚本初稿，每家不少于2版。\n\n宋佳\n市场部总监\n",
        );
        assert_eq!(a.items.len(), 2, "{:?}", whats(&a));
        assert_eq!(
            a.items[0].owner.as_ref().map(|o| o.text.as_str()),
            Some("商务部李涛")
        );
        assert!(
            whats(&a)[0].starts_with("把三家赞助商的权益清单汇总给我"),
            "{:?}",
            whats(&a)
        );
        // A status with a past date is no ask.
        let a = read(
            "Subject: 【进度同步】赞助商权益-商务部-一般\nDate: 2026-11-30 10:00\n\n各位：\n\n商务部11月20日已把清单汇总完毕。\n\n宋佳\n市场部\n",
        );
        assert!(a.items.is_empty(), "{:?}", whats(&a));
    }

    #[test]
    fn situation_paragraphs_before_a_prose_ask_are_background() {
        let a = read(
            "Subject: 【问题协调】冷链理赔-仓储部-紧急\nDate: 2026-11-30 10:00\n\n韩梅：\n\n上周五客户投诉17单冻品化冻，要求理赔。\n\n周末我把17单的物流轨迹查了一遍，运输途中没有异常停留，问题更可能出在出库打包环节。\n\n客户的索赔金额是23,600元，对方法务已经在问处理时间。\n\n麻烦仓储部12月4日前调出打包环节的监控截图发我。\n\n谢谢！\n\n郑航\n运营中心\n",
        );
        assert_eq!(a.items.len(), 1, "{:?}", whats(&a));
        let bg: Vec<&str> = a.background.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(bg.len(), 2, "{bg:?}");
        assert!(bg[0].starts_with("周末我把17单"), "{bg:?}");
        assert!(bg[1].starts_with("客户的索赔金额"), "{bg:?}");
    }

    /// The paragraph that introduces the list (ending with a colon right above it) is not
    /// background, even when it opens like a reason (`为了…`, `To…`).
    #[test]
    fn a_list_intro_is_no_background() {
        let a = read(
            "Subject: 【需求对接】仓库搬迁-行政部-一般\nDate: 2026-11-30 10:00\n\n李经理：\n\n仓库下月搬到新园区。\n\n为了搬迁当天不停发货，请行政部协助以下两件事：\n1. 联系搬家公司报价——李经理，12月4日前\n2. 预订新园区的临时停车位——李经理，12月7日前\n\n谢谢！\n\n郑航\n运营中心\n",
        );
        assert_eq!(a.items.len(), 2, "{:?}", whats(&a));
        assert!(
            a.background.iter().all(|s| !s.text.contains("为了搬迁")),
            "{:?}",
            a.background
        );
    }

    #[test]
    fn an_ask_put_as_a_question_at_its_end() {
        let a = read(
            "Subject: 【需求对接】跨年晚会-技术部-紧急\nDate: 2026-11-30 10:00\n\n小王：\n\n成片改好了。明天上午10点前把新版放到播控服务器，可以吗？\n\n宋佳\n市场部\n",
        );
        assert_eq!(a.items.len(), 1, "{:?}", whats(&a));
        assert!(
            whats(&a)[0].contains("把新版放到播控服务器"),
            "{:?}",
            whats(&a)
        );
    }

    #[test]
    fn whoever_has_an_objection_is_asked_conditionally() {
        let a = read(
            "Subject: 【成果同步】双十二复盘-运营中心-一般\nDate: 2026-11-30 10:00\n\n各位：\n\n方案已定稿。\n\n有不同意见的请在本周五前提出来。\n\n郑航\n运营中心\n",
        );
        assert!(a.items.is_empty(), "{:?}", whats(&a));
    }

    #[test]
    fn a_stated_need_beside_an_outright_ask_is_no_item() {
        let a = read(
            "Subject: 【需求对接】招聘-人力资源部-紧急\nDate: 2026-11-30 10:00\n\n小林：\n\n笔试安排在12月16日，面试官需要在12月10日前参加面试官培训。\n\n麻烦用人部门12月4日前把面试官名单发我。\n\n谢谢！\n\n周一\n人力资源部\n",
        );
        assert_eq!(a.items.len(), 1, "{:?}", whats(&a));
        assert!(
            whats(&a)[0].starts_with("把面试官名单发我"),
            "{:?}",
            whats(&a)
        );
        // Alone, the need is the ask.
        let a = read(
            "Subject: 【需求对接】招聘-人力资源部-紧急\nDate: 2026-11-30 10:00\n\n小林：\n\n面试官需要在12月10日前参加面试官培训。\n\n谢谢！\n\n周一\n人力资源部\n",
        );
        assert_eq!(a.items.len(), 1);
    }

    #[test]
    fn asks_in_running_text_are_unlisted_items() {
        let a = read(
            "Subject: 【需求对接】物料-市场部-紧急\nDate: 2026-11-30 10:00\n\n小林：\n\n元旦物料已定稿，同步一下。\n\n麻烦市场部12月4日前把门店照片发我，我们要归档。\n\n谢谢！\n\n周一\n运营部\n",
        );
        assert_eq!(a.items.len(), 1);
        let it = &a.items[0];
        assert!(!it.is_listed());
        assert_eq!(it.owner.as_ref().unwrap().text, "市场部");
        assert_eq!(it.due.as_ref().unwrap().text, "12月4日前");
        assert!(
            it.what.text.starts_with("把门店照片发我"),
            "{}",
            it.what.text
        );
        // An ask without a deadline is not made an item.
        let a = read(
            "Subject: 【需求对接】物料-市场部-紧急\nDate: 2026-11-30 10:00\n\n小林：\n\n同步一下。\n\n附件的物料请查收。\n\n周一\n",
        );
        assert!(a.items.is_empty());
    }

    #[test]
    fn a_deadline_after_the_list_covers_its_items() {
        let a = read(
            "Subject: x\n\nHi Bo,\n\nWe need a few files:\n\n- the logo in SVG\n- the brand guide\n\nCould you send them by Dec 4?\n\nThanks,\nKim\n",
        );
        let dues: Vec<_> = a
            .items
            .iter()
            .map(|i| i.due.as_ref().map(|d| d.text.as_str()))
            .collect();
        // With its `by` (adjudicated A1).
        assert_eq!(dues, [Some("by Dec 4"), Some("by Dec 4")]);
        assert!(a.items[0].due_time().is_some());
    }

    #[test]
    fn a_reply_has_no_opening_or_closing_and_its_questions_are_not_items() {
        let body = "小王，\n\n收到。两个问题：\n1. 尺寸是多少？\n2. 要几套？\n\n确认后开始。\n\n周一\n\n-----原始邮件-----\n发件人：小王\n\n请于12月3日前提供：\n1. 报价单——采购部——12月3日前\n";
        let a = read(&format!("Subject: Re: x\n\n{body}"));
        assert!(a.items.is_empty() && a.opening.is_none() && a.closing.is_none());
        assert_eq!(a.greeting.unwrap().text, "小王，");
        assert_eq!(a.signature.unwrap().name.unwrap().text, "周一");
        // A plain draft with only `Re:` in its subject is read as a whole mail.
        let a = read(
            "Subject: Re: x\n\n小王，\n\n请于12月3日前确认：\n1. 报价单——采购部——12月3日前\n\n谢谢。\n\n周一\n",
        );
        assert_eq!(whats(&a), ["报价单"]);
        assert!(a.opening.is_some() && a.closing.is_some());
    }

    #[test]
    fn an_escalating_reply_restates_no_items() {
        let a = read(
            "Subject: Re: x\n\n老周，\n\n仍未收到回复，现抄送两位主管，请协助：\n1. 12月3日前补齐报价——采购部\n\n周一\n\n-----原始邮件-----\n发件人：老周\n",
        );
        assert!(a.items.is_empty(), "{:?}", whats(&a));
        assert!(a.opening.is_none() && a.background.is_empty() && a.closing.is_none());
    }

    /// Lines with no marker under a colon, one ask a line ending with `；`, are the items;
    /// the same lines under a status intro, or stating dates things happened, are not.
    #[test]
    fn unmarked_lines_under_an_intro_are_items() {
        let a = read(
            "Subject: x\n\n各位：\n\n年会筹备分工如下：\n12月10日前，行政部孙丽安排场地和餐饮；\n宣传组周五前出一版海报初稿，交我确认；\n12月15日前，财务部把预算表发给我。\n\n谢谢！\n\n王芳\n",
        );
        assert_eq!(
            whats(&a),
            ["安排场地和餐饮", "出一版海报初稿", "把预算表发给我"]
        );
        assert_eq!(
            dues(&a),
            [Some("12月10日前"), Some("周五前"), Some("12月15日前")]
        );
        let owners: Vec<_> = a
            .items
            .iter()
            .map(|i| i.owner.as_ref().map(|o| o.text.as_str()))
            .collect();
        assert_eq!(owners, [Some("行政部孙丽"), Some("宣传组"), Some("财务部")]);
        // A bracketed heading introduces them as well.
        let a = read(
            "Subject: x\n\n各位：\n\n【分工】\n行政部：订好场地，12月10日前；\n财务部：预算表，12月15日前。\n\n王芳\n",
        );
        assert_eq!(a.items.len(), 2);
        // A status, or lines that only say when things arrived, are no asks.
        let a = read(
            "Subject: x\n\n各位：\n\n筹备进展如下：\n场地已订好，12月10日前付定金；\n海报初稿周五前出。\n\n王芳\n",
        );
        assert!(a.items.is_empty(), "{:?}", whats(&a));
        let a = read(
            "Subject: x\n\n王老师：\n\n材料核对一下：\n报名表：11月20日收到；\n照片：11月25日收到。\n\n王芳\n",
        );
        assert!(a.items.is_empty(), "{:?}", whats(&a));
        // One line is a sentence, not a list.
        let a = read(
            "Subject: x\n\n各位：\n\n安排如下：\n12月10日前，行政部孙丽订好场地和餐饮。\n\n王芳\n",
        );
        assert!(a.items.iter().all(|i| i.marker != UNMARKED));
    }

    /// In a list where some lines set work with a deadline, a line that only states a term
    /// under a short label is information; without any timed line the list is left alone.
    #[test]
    fn term_lines_beside_timed_asks_are_no_items() {
        let a = read(
            "Subject: x\n\n各位：\n\n年会安排如下：\n1. 地点：公司三楼大会议室\n2. 节目：由各部门自报，12月15日前报行政部\n3. 行政部12月18日前订好餐饮\n\n王芳\n",
        );
        assert_eq!(
            whats(&a).len(),
            2,
            "the place is a term, the two asks stay: {:?}",
            whats(&a)
        );
        assert!(whats(&a).iter().all(|w| !w.contains("三楼")));
        let a = read(
            "Subject: x\n\n各位：\n\n年会要点：\n1. 地点：公司三楼大会议室\n2. 节目：各部门一个\n\n截止时间：12月15日前\n\n王芳\n",
        );
        assert_eq!(whats(&a).len(), 2, "{:?}", whats(&a));
    }

    /// A labelled deadline line of its own (`Deadline: …`) gives the list's lines their due;
    /// two such lines leave the lines without one.
    #[test]
    fn a_labelled_deadline_line_is_the_lists() {
        let a = read(
            "Subject: x\n\nHi Tom,\n\nDeadline: Dec 10 5pm\n\nWhat we need:\n- the signed NDA\n- the site plan\n\nThanks,\nAnna\n",
        );
        assert_eq!(dues(&a), [Some("Dec 10 5pm"), Some("Dec 10 5pm")]);
        let a = read(
            "Subject: x\n\nHi Tom,\n\nDeadline: Dec 10 5pm\nDue date: Dec 14\n\nWhat we need:\n- the signed NDA\n- the site plan\n\nThanks,\nAnna\n",
        );
        assert_eq!(dues(&a), [None, None]);
    }

    /// A hand-back after the list gives its lines their due even when a reason comes first,
    /// and a limit word typed after a space (`17:00 前`) stays in the due.
    #[test]
    fn a_hand_back_after_a_reason() {
        let a = read(
            "Subject: x\n\n李工：\n\n需要两份资料：\n1. 设备部：设备清单\n2. 设备部：维保记录\n\n因为月底要结账，请于12月4日 17:00 前发给我。\n\n王芳\n",
        );
        assert_eq!(
            dues(&a),
            [Some("12月4日 17:00 前"), Some("12月4日 17:00 前")]
        );
        let t = "12月4日 17:00 前发给我";
        assert_eq!(
            &t[..super::super::items::spaced_limit(t, "12月4日 17:00".len())],
            "12月4日 17:00 前"
        );
        assert_eq!(
            super::super::items::spaced_limit("12月4日 发", "12月4日".len()),
            "12月4日".len()
        );
    }

    /// `产品部（我）`: a unit marked as the writer's own is the owner as written.
    #[test]
    fn a_unit_marked_as_ones_own_keeps_the_mark() {
        let o = ParseOptions::new(liaison_time::Context::new(
            chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").unwrap(),
        ));
        let t = "设计部（我）周五前出初稿";
        let (s, e) = find_owner(t, &o).unwrap();
        assert_eq!(&t[s..e], "设计部（我）");
        let t = "设计部周五前出初稿";
        let (s, e) = find_owner(t, &o).unwrap();
        assert_eq!(&t[s..e], "设计部");
    }

    /// Every label word, near misses and mixed-case forms: the automaton-backed
    /// classification agrees with the word-by-word one.
    #[test]
    fn classify_label_agrees_with_naive_search() {
        let mut labels: Vec<String> = Vec::new();
        for g in LABEL_GROUPS {
            for w in g {
                labels.push(w.to_string());
                labels.push(w.to_uppercase());
                labels.push(format!("**{w}**"));
                labels.push(format!("项目{w}说明"));
                let mut cs = w.chars();
                cs.next_back();
                labels.push(cs.as_str().to_string());
            }
        }
        for extra in [
            "Deadline",
            "DUE BY",
            "Due Date of Tasks",
            "需求截止时间",
            "Action Items",
            "Background & Goal",
            "Next Steps",
            "Open Questions about the timeline of the project",
            "Résumé of Progress",
            "\u{212a}ey Risks",
            "İssue Description",
            "",
            "  ",
            "其他",
        ] {
            labels.push(extra.to_string());
        }
        for l in &labels {
            assert_eq!(classify_label(l), classify_label_naive(l), "{l:?}");
        }
    }

    #[test]
    fn word_lists_agree_with_naive_search() {
        let cases = [
            "负责人：王磊",
            "Owner: Bob",
            "ASSIGNED TO the QA team",
            "由产品经理负责",
            "我们将在周五前完成",
            "We'll send the report",
            "Marketing will share",
            "the Engineering Dept",
            "格式为 .XLSX，包含三列",
            "Including At Least three rows, with headers",
            "电话 138 0000 0000",
            "WeChat: bob",
            "tel",
            "teams",
            "nothing here",
        ];
        for t in cases {
            let lower = t.to_lowercase();
            for (list, set, hay_lower) in [
                (OWNER_LABELS, &*OWNER_LABELS_SET, true),
                (OWNER_TITLES, &*OWNER_TITLES_SET, false),
                (OWNER_SELF, &*OWNER_SELF_SET, false),
                (OWNER_EN, &*OWNER_EN_SET, true),
                (OWNER_GROUP_EN, &*OWNER_GROUP_EN_SET, true),
                (DEPT_EN, &*DEPT_EN_SET, false),
                (STANDARD_ZH, &*STANDARD_ZH_SET, false),
                (STANDARD_EN, &*STANDARD_EN_SET, true),
                (TITLES, &*TITLES_SET, false),
            ] {
                let hay = if hay_lower { lower.as_str() } else { t };
                let found = set.found(hay);
                for (k, w) in list.iter().enumerate() {
                    assert_eq!(found.has(k), hay.contains(w), "{w:?} in {hay:?}");
                }
                if hay_lower {
                    let f2 = set.found_in_lower(t);
                    for (k, w) in list.iter().enumerate() {
                        assert_eq!(f2.has(k), lower.contains(w), "{w:?} in lower({t:?})");
                    }
                }
            }
        }
    }
}
