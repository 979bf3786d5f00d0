//! The reader on replies written for these tests (never corpus text): one table per rule.

use super::*;

const ASKED: Writer = Writer {
    ours: false,
    requester: false,
};
const US_ASKED: Writer = Writer {
    ours: true,
    requester: false,
};
const US_ASKING: Writer = Writer {
    ours: true,
    requester: true,
};
const THEY_ASKING: Writer = Writer {
    ours: false,
    requester: true,
};

fn opts() -> ParseOptions {
    let now = DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap();
    ParseOptions::new(liaison_time::Context::new(now))
}

/// A message dated Tue 2026-12-01 10:00 +08:00 with `body` (and optional extra headers
/// and attachments).
fn message(body: &str) -> Message {
    Message {
        from: Some("zhou.min@example.com".into()),
        from_name: Some("周敏".into()),
        date: Some(DateTime::parse_from_rfc3339("2026-12-01T10:00:00+08:00").unwrap()),
        body: body.into(),
        ..Message::default()
    }
}

fn with_file(body: &str, name: &str, ct: &str) -> Message {
    let mut m = message(body);
    m.attachments.push(liaison_mail::Attachment {
        name: name.into(),
        content_type: ct.into(),
        size: 40_000,
        inline: false,
    });
    m
}

fn class_of(m: &Message, w: Writer) -> ReplyClass {
    read(m, &opts(), w, &[]).class
}

fn check(cases: &[(&str, Writer)], want: ReplyClass) {
    for (body, w) in cases {
        let r = read(&message(body), &opts(), *w, &[]);
        assert_eq!(r.class, want, "{body}\n(cue {:?})", r.cue);
    }
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn acknowledgements() {
    check(
        &[
            ("好的，收到。", ASKED),
            ("收到，这边对接人是我。", ASKED),
            ("Thanks, noted.", ASKED),
            ("收到，方案没有异议，按这个来。", ASKED),
            ("Got it, no objection from us.", ASKED),
            ("明白，不是问题。", ASKED),
            ("Thanks – will take a look.", ASKED),
            ("Got it, thanks. We'll read it tonight.", THEY_ASKING),
        ],
        ReplyClass::Acknowledgement,
    );
}

#[test]
fn questions() {
    check(
        &[
            ("收到。想确认一下，报表按周还是按月出？", ASKED),
            ("请问第2项的尺寸以哪版为准？", ASKED),
            (
                "Quick question: should the banner also work on mobile?",
                ASKED,
            ),
            ("样品周五前寄到没问题。现场需要我们派人吗？", ASKED),
            ("Before we start: do you need the source files too?", ASKED),
            // A delay only if the answer is no: the act is the question.
            (
                "周四肯定来不及。去年那份检测报告能不能直接用？如果可以，我明天就能给。",
                ASKED,
            ),
            ("若要重新施工，月底可能来不及，机房由谁负责？", ASKED),
        ],
        ReplyClass::Question,
    );
}

#[test]
fn promises_and_their_time() {
    check(
        &[
            ("收到，周五下班前发你。", ASKED),
            ("报价明天上午给到您。", ASKED),
            (
                "We'll have the revised draft to you by Wednesday, Dec 2.",
                ASKED,
            ),
            ("样稿12月3日出，12月8日前一定到店，不会延期。", ASKED),
            (
                "修复已经在测试，不会影响周五的演示，明天中午前给你结果。",
                ASKED,
            ),
            (
                "It won't delay the launch: you'll have the fix by Thursday noon.",
                ASKED,
            ),
            ("这项我们周四之前搞定。", ASKED),
            (
                "收到，第3项的报关我这边会在到港后3个工作日内完成。",
                US_ASKING,
            ),
        ],
        ReplyClass::Promise,
    );
    let r = read(
        &message("收到，12月3日出初稿，12月8日前一定发你终稿。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.promised, Some(at("2026-12-08T23:59:59+08:00")));
    let r = read(&message("明天下午5点前发你。"), &opts(), ASKED, &[]);
    assert_eq!(r.promised, Some(at("2026-12-02T17:00:00+08:00")));
    // A past time and a time in a condition are not promised.
    let r = read(
        &message("11月20日已经说过了。如果周二能拿到数据，我们周四前就能出报告。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.promised, None, "{:?}", r.class);
}

#[test]
fn delays_and_the_new_time() {
    check(
        &[
            (
                "不好意思，物料没到，原定周四的样机来不及了，最快下周二给你。",
                ASKED,
            ),
            ("测试报告这周出不了，估计要到下周二才能给。", ASKED),
            (
                "Unfortunately the report will slip to Monday, Dec 7.",
                ASKED,
            ),
            (
                "Sorry, the certificate will not be ready by Friday; we need until Dec 9.",
                ASKED,
            ),
            (
                "We are running two days behind on the translations, realistic date is Dec 4.",
                ASKED,
            ),
            ("抱歉，12月3日交不上了，能否顺延到12月7日？", ASKED),
            ("原定周五的方案，我们需要多两天时间，12月8日前提交。", ASKED),
            ("由于供应商原因，只能推到下周一了。", ASKED),
            (
                "Could we have until Dec 10 for the final files? The designer is out sick.",
                ASKED,
            ),
        ],
        ReplyClass::Delay,
    );
    let r = read(
        &message("原定12月3日交的报告出不来了，估计要到12月7日才能给。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.promised, Some(at("2026-12-07T23:59:59+08:00")));
    let r = read(
        &message("数据要到12月9日才齐。能不能把这一项顺延到12月9日18:00前？"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.promised, Some(at("2026-12-09T18:00:00+08:00")));
    // An apology for being late is no delay.
    let m = message(
        "Sorry for the delay – the files are now in the shared folder: https://x.example/f?id=1",
    );
    assert_eq!(class_of(&m, ASKED), ReplyClass::Delivery);
}

#[test]
fn disputes() {
    check(
        &[
            (
                "第2项我们有不同意见，这个标准按平时单量定的，大促期间做不到。",
                ASKED,
            ),
            ("这个不是仓储部的问题，是门店收货晚了。", ASKED),
            ("报废送签不是采购部的工作范围，请资产使用部门提出。", ASKED),
            (
                "I have to disagree with the timeline in your summary.",
                ASKED,
            ),
            (
                "Item 3 can't be owned by us – it belongs to your finance team.",
                ASKED,
            ),
            ("佣金这条我们接不了，需要再谈。", ASKED),
            ("这个截止时间我们认为不合理，没法承诺。", ASKED),
            (
                "We are not in a position to send a second shipment, so we have to decline.",
                ASKED,
            ),
        ],
        ReplyClass::Dispute,
    );
}

#[test]
fn deliveries_weigh_attachments_and_links() {
    check(
        &[
            (
                "方案已经上传到共享盘了：\\\\fs01\\design\\v2 ，请查收。",
                ASKED,
            ),
            (
                "切图在这里，请查收：https://pan.example.com/s/abc 提取码 x1y2",
                ASKED,
            ),
            ("Please find attached the signed contract.", ASKED),
            ("Here it is – the updated price list.", ASKED),
            ("报表见附件，有问题随时找我。", ASKED),
            ("清单已经发你了，以这版为准。", ASKED),
        ],
        ReplyClass::Delivery,
    );
    // A real file is a delivery; a signature logo is not.
    let m = with_file("给你，看看行不行。", "方案V2.pdf", "application/pdf");
    assert_eq!(class_of(&m, ASKED), ReplyClass::Delivery);
    let m = with_file("好的，收到。", "image001.png", "image/png");
    assert_eq!(class_of(&m, ASKED), ReplyClass::Acknowledgement);
    let m = with_file("好的，收到。", "company_logo.jpg", "image/jpeg");
    assert_eq!(read(&m, &opts(), ASKED, &[]).files, 0);
}

#[test]
fn partial_deliveries() {
    check(
        &[
            ("第一版先发你，见附件；剩下两个页面明天下午前补上。", ASKED),
            (
                "Here are the first three chapters; the rest will follow next week.",
                ASKED,
            ),
            ("报价单见附件，样品下周一寄出。", ASKED),
            ("数据已经放在共享盘了，分析报告我周四前给你。", ASKED),
            (
                "I've uploaded the logo files. The brand guide is still with legal, expected by Dec 4.",
                ASKED,
            ),
            (
                "A、B两版都做好了，附件请查收；C版还在改，明天中午前给您。",
                ASKED,
            ),
            ("初稿见附件，正式版要延到下周一。", ASKED),
        ],
        ReplyClass::PartialDelivery,
    );
    let r = read(
        &message("首页已完成，请查收。兑换页还差两个状态，12月3日中午前补齐。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.promised, Some(at("2026-12-03T12:00:00+08:00")));
}

#[test]
fn auto_replies_by_header_or_text() {
    let mut m = message("Thanks for your mail.");
    m.auto_reply = Some("Auto-Submitted: auto-replied".into());
    let r = read(&m, &opts(), ASKED, &[]);
    assert_eq!(r.class, ReplyClass::AutoReply);
    assert_eq!(
        r.auto_header.as_deref(),
        Some("Auto-Submitted: auto-replied")
    );
    check(
        &[
            (
                "您好，我12月1日至12月4日休年假，期间邮件回复可能不及时，紧急事项请联系王芳。",
                ASKED,
            ),
            ("【自动回复】您好，您的邮件已收到，我将尽快处理。", ASKED),
            (
                "I am out of the office until Monday, Dec 7 with limited access to email. For urgent matters please contact Li Na.",
                ASKED,
            ),
            (
                "您好，本人12月2日起出差，12月5日返回，期间相关事务请联系张伟（分机201）。",
                ASKED,
            ),
            // A bounce, as Coremail wrote them in 2005 (real mail, trec06c).
            (
                "This message is generated by COREMAIL email system.\nI'm sorry to have to inform you that the message returned\n\nThe message to john@example.com is bounced because : Quota exceed the hard limit\n\n你发送到john@example.com的邮件由于以下原因被退回 : 邮箱容量满",
                ASKED,
            ),
        ],
        ReplyClass::AutoReply,
    );
    // Saying one travels is not an auto-reply.
    check(
        &[("我这周出差，周一回来后发你。", ASKED)],
        ReplyClass::Promise,
    );
}

/// An absence notice with its dates that sends urgent matters elsewhere in the words
/// `紧急事宜请联系`, as `紧急事项请联系` / `for urgent matters please contact`.
#[test]
fn an_absence_notice_redirecting_urgent_matters_is_an_auto_reply() {
    check(
        &[(
            "您好，本人3月2日至4日出差，紧急事宜请联系李娜（分机305）。",
            ASKED,
        )],
        ReplyClass::AutoReply,
    );
    // A person away who answers the mail themselves, with no one to turn to instead.
    check(
        &[("这周我在外地，回来后处理，周五前给你结果。", ASKED)],
        ReplyClass::Promise,
    );
}

/// A remainder word under a condition (`if the other supplier…`) supposes, it does not
/// leave anything to deliver; a condition that only times the rest (`… once X is back`)
/// still leaves it pending.
#[test]
fn a_remainder_under_a_condition_is_not_pending() {
    check(
        &[(
            "Dear Ana,\n\nAttached is the supply contract. Its clause 9 lets us end it early if the other supplier fails an audit.",
            ASKED,
        )],
        ReplyClass::Delivery,
    );
    check(
        &[(
            "Dear Ana,\n\nAttached is the supply contract. The price annex will follow next week once our buyer is back.",
            ASKED,
        )],
        ReplyClass::PartialDelivery,
    );
}

/// A handover with something else still to be sent, even with no time for it, is a
/// partial delivery; a handover whose promise is only conditional is a delivery.
#[test]
fn a_handover_with_more_to_send_is_partial() {
    check(
        &[(
            "Hi Raj,\n\nAttached the wiring diagram. The cable schedule I will send with the first shipment.",
            ASKED,
        )],
        ReplyClass::PartialDelivery,
    );
    check(
        &[(
            "Hi Raj,\n\nAttached the wiring diagram. If you need the cable schedule as well, I will send it.",
            ASKED,
        )],
        ReplyClass::Delivery,
    );
}

/// `只能改到` moves the time asked for, as `只能挪到` and `只能推` do; `改到` alone (a
/// revision) is not a delay.
#[test]
fn only_able_to_move_it_is_a_delay() {
    check(
        &[(
            "刘工，验收原定周三，但甲方代表出差，只能改到下周一（3月9日）上午。",
            ASKED,
        )],
        ReplyClass::Delay,
    );
    check(
        &[("刘工，图纸标题栏已经改到新模板，请查收附件。", ASKED)],
        ReplyClass::Delivery,
    );
}

/// Our side answering the partner's question with what it settled (after checking with
/// someone, or restating a call) confirms, as the requester's `跟您确认一下：…` does.
#[test]
fn our_settled_answer_to_their_question_is_a_confirmation() {
    check(
        &[
            (
                "王工：\n\n跟财务确认过了，这批样品的运费由我们承担，按原计划周三发货即可。",
                US_ASKED,
            ),
            (
                "Hi Tom,\n\nTo confirm what we agreed this morning: the API stays on version 2 until the pilot ends.",
                US_ASKED,
            ),
        ],
        ReplyClass::Confirmation,
    );
    // The same restatement from the answering partner is not ours to confirm, and a
    // question asked through `确认一下` stays a question.
    check(
        &[("跟财务确认一下，运费谁承担？", US_ASKED)],
        ReplyClass::Question,
    );
}

#[test]
fn requester_replies() {
    check(
        &[
            (
                "跟进一下：约定昨天的报表还没有收到，麻烦今天中午前发我。",
                US_ASKING,
            ),
            (
                "Just checking in on the photos – could you share them by Thursday?",
                US_ASKING,
            ),
            ("设计稿今天到期，目前进度如何？", US_ASKING),
            (
                "王经理，周四说的清单还没看到，方便今天发一下吗？",
                US_ASKING,
            ),
        ],
        ReplyClass::Nudge,
    );
    check(
        &[
            (
                "各位，同步一下本周进展：1. 设计已完成；2. 开发按计划。",
                US_ASKING,
            ),
            ("汇报一下：三家门店已上线，剩下两家下周装完。", US_ASKING),
            (
                "A quick update on the rollout: 12 of 14 stores are live.",
                US_ASKING,
            ),
            (
                "Status update: keys received, development starts today.",
                US_ASKED,
            ),
        ],
        ReplyClass::Sync,
    );
    check(
        &[
            (
                "上线只剩两天，现抄送刘总，请协调测试环境今天恢复。",
                US_ASKING,
            ),
            (
                "这件事已经影响上线，我把王总也抄送进来了，请王总帮忙协调资源。",
                US_ASKING,
            ),
            (
                "I'm escalating item 2 because the delay now blocks the pilot.",
                US_ASKING,
            ),
            (
                "Sorry to copy you in, Mark – we need a decision on the budget by Friday.",
                US_ASKING,
            ),
        ],
        ReplyClass::Escalation,
    );
    check(
        &[
            ("报告收到了，数据核对无误，第1项确认完成，辛苦！", US_ASKING),
            ("验收通过，感谢支持！", US_ASKING),
            (
                "Both summaries received and reviewed – no objection from our side.",
                US_ASKING,
            ),
            ("Thanks, item 2 is confirmed as delivered.", US_ASKING),
            ("收到，辛苦了！", US_ASKING),
        ],
        ReplyClass::Confirmation,
    );
}

#[test]
fn negations_are_listed() {
    let r = read(
        &message("设计稿12月8日前到店，不会延期，数据没有异议。"),
        &opts(),
        ASKED,
        &[],
    );
    assert!(
        r.negations.iter().any(|n| n.contains("不会延期")),
        "{:?}",
        r.negations
    );
    assert!(
        r.negations.iter().any(|n| n.contains("没有异议")),
        "{:?}",
        r.negations
    );
}

#[test]
fn quoted_text_disclaimers_and_signatures_carry_no_cues() {
    let body = "收到，谢谢。\n\n周敏\n采购部\n电话：021-5555 1234\n\n免责声明：本邮件仅供指定收件人使用，其中的承诺、延期或交付时间须经书面确认方为有效。\n\n-----原始邮件-----\n发件人：王芳\n发送时间：2026年11月30日 9:00\n收件人：周敏\n主题：需求\n\n如无法按时完成请申请延期，附件请查收。\n";
    let r = read(&message(body), &opts(), ASKED, &[]);
    assert_eq!(r.class, ReplyClass::Acknowledgement, "{:?}", r.cue);
    assert_eq!(r.new_text, "收到，谢谢。");
    let q = r.quoted.clone().unwrap();
    assert!(body[q].starts_with("-----原始邮件-----"));
}

#[test]
fn items_by_number_what_owner_or_writer() {
    let items = vec![
        ItemRef {
            what: "导出会员积分明细表".into(),
            owner: Some("数据组（周敏）".into()),
            due: None,
        },
        ItemRef {
            what: "兑换页视觉稿".into(),
            owner: Some("设计部（何雪）".into()),
            due: None,
        },
    ];
    let r = read(&message("第2项周五下班前发你。"), &opts(), ASKED, &items);
    assert_eq!(
        (r.items, r.items_found),
        (Some(vec![2]), Some(ItemsFound::Number))
    );
    let r = read(&message("视觉稿周五下班前发你。"), &opts(), ASKED, &items);
    assert_eq!(r.items, Some(vec![2]));
    // Names none: the writer's own (周敏 owns item 1).
    let r = read(&message("周五下班前发你。"), &opts(), ASKED, &items);
    assert_eq!(
        (r.items, r.items_found),
        (Some(vec![1]), Some(ItemsFound::Writer))
    );
    // An acknowledgement is about no item.
    let r = read(&message("收到。"), &opts(), ASKED, &items);
    assert_eq!(r.items, None);
}

/// A progress sync is an event of the whole collaboration: even when it goes through the
/// items one by one, it points at none of them (the corpus's adjudicated A5).
#[test]
fn a_progress_sync_points_at_no_items() {
    let items = vec![
        ItemRef {
            what: "展台搭建".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "宣传册印刷".into(),
            ..ItemRef::default()
        },
    ];
    let body = "各位，同步一下进展：\n1. 展台搭建：木工已进场，周三完工；\n2. 宣传册印刷：样册已确认，下周一交货。\n整体按计划推进。";
    let r = read(&message(body), &opts(), US_ASKING, &items);
    assert_eq!((r.class, r.items), (ReplyClass::Sync, None));
    let r = read(
        &message(
            "A short update on where we are: the booth build started today; the brochure goes to print on Monday.",
        ),
        &opts(),
        US_ASKING,
        &items,
    );
    assert_eq!((r.class, r.items), (ReplyClass::Sync, None));
}

/// A yes-or-no ask answered with a verdict in the mail is delivered by that answer: with a
/// promise of the rest, the reply is a partial delivery. A yes followed by the time it will
/// be done, or a verdict with no yes-or-no ask in the thread, is still a promise.
#[test]
fn a_yes_no_ask_answered_in_the_mail_is_delivered() {
    let zh = vec![
        ItemRef {
            what: "确认样品是否需要重新送检".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "提供第三方检测报告".into(),
            ..ItemRef::default()
        },
    ];
    let r = read(
        &message("样品不需要重新送检，上次的结果可以沿用。检测报告周五前发你。"),
        &opts(),
        ASKED,
        &zh,
    );
    assert_eq!(
        (r.class, r.delivered),
        (ReplyClass::PartialDelivery, vec![1])
    );
    let en = vec![
        ItemRef {
            what: "let us know whether the old labels can be used up".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "send the revised artwork".into(),
            ..ItemRef::default()
        },
    ];
    let r = read(
        &message("The old labels are fine to use up. I will send the revised artwork by Friday."),
        &opts(),
        ASKED,
        &en,
    );
    assert_eq!(
        (r.class, r.delivered),
        (ReplyClass::PartialDelivery, vec![1])
    );
    // The yes is the promise itself: the same ask answered with the time it will be done.
    let r = read(
        &message("The old labels: yes, I will confirm whether they can be used up by Friday."),
        &opts(),
        ASKED,
        &en,
    );
    assert_eq!(r.class, ReplyClass::Promise);
    // A verdict on a thread with no yes-or-no ask approves the request.
    let plain = vec![zh[1].clone()];
    let r = read(
        &message("没问题，检测报告周五前发你。"),
        &opts(),
        ASKED,
        &plain,
    );
    assert_eq!(r.class, ReplyClass::Promise);
    // Asked in a question, nothing is answered.
    let r = read(
        &message("样品不需要重新送检吧？检测报告周五前发你。"),
        &opts(),
        ASKED,
        &zh,
    );
    assert_eq!(r.class, ReplyClass::Promise);
}

/// A delay or a dispute is about the items named where the writer says it will be late or
/// refuses, not about the items it says are fine in another sentence.
#[test]
fn a_delay_or_dispute_is_about_the_items_of_its_own_sentence() {
    let items = vec![
        ItemRef {
            what: "门店陈列照片".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "季度销售对账单".into(),
            ..ItemRef::default()
        },
    ];
    let m =
        message("陈列照片没问题，明天给你。对账单财务还在核，12月3日前恐怕出不来，最快12月7日给。");
    let r = read(&m, &opts(), ASKED, &items);
    assert_eq!(r.class, ReplyClass::Delay, "{:?}", r.cue);
    assert_eq!(r.items, Some(vec![2]));
    let m = message(
        "The shelf photos are fine, I'll send them tomorrow. The quarterly statement is not something our team can sign off, that is not our responsibility.",
    );
    let items = vec![
        ItemRef {
            what: "shelf photos".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "quarterly statement signed off".into(),
            ..ItemRef::default()
        },
    ];
    let r = read(&m, &opts(), ASKED, &items);
    assert_eq!(r.class, ReplyClass::Dispute, "{:?}", r.cue);
    assert_eq!(r.items, Some(vec![2]));
    // A delay whose late sentence names no item: the items of the whole text.
    let m = message("照片和对账单都要晚两天，抱歉。");
    let r = read(&m, &opts(), ASKED, &items[..1]);
    assert_eq!(r.items, Some(vec![1]));
}

/// A promise that goes through the items one sentence each names each item there, even by
/// a single word that, over the whole text, would be too weak against the others.
#[test]
fn a_promise_names_its_items_sentence_by_sentence() {
    let items = vec![
        ItemRef {
            what: "门店陈列照片和尺寸表".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "季度销售对账单及发票".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "新店开业海报".into(),
            ..ItemRef::default()
        },
    ];
    let m = message("陈列照片和尺寸表明天给您。发票周五前补上。");
    let r = read(&m, &opts(), ASKED, &items);
    assert_eq!(r.class, ReplyClass::Promise, "{:?}", r.cue);
    assert_eq!(r.items, Some(vec![1, 2]));
    // Asking, a word of another item is context: the question is about the first only.
    let m = message("陈列照片和尺寸表要按新店的还是老店的？发票那边我已经催了。");
    let r = read(&m, &opts(), ASKED, &items);
    assert_eq!(r.class, ReplyClass::Question, "{:?}", r.cue);
    assert_eq!(r.items, Some(vec![1]));
}

/// A question, a reminder or an escalation is about the items named where it asks; the
/// thanks or the situation around the ask name other items as context.
#[test]
fn an_ask_is_about_the_items_of_its_own_sentence() {
    let items = vec![
        ItemRef {
            what: "仓库盘点差异表".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "退货标签打印模板".into(),
            ..ItemRef::default()
        },
    ];
    let m =
        message("盘点差异表收到了，谢谢。打印模板约的是昨天给，现在还没收到，麻烦今天下班前发我。");
    let r = read(&m, &opts(), US_ASKING, &items);
    assert_eq!(r.class, ReplyClass::Nudge, "{:?}", r.cue);
    assert_eq!(r.items, Some(vec![2]));
    let m = message("差异表已经看过了。打印模板是用A4还是热敏纸的？");
    let r = read(&m, &opts(), ASKED, &items);
    assert_eq!(r.class, ReplyClass::Question, "{:?}", r.cue);
    assert_eq!(r.items, Some(vec![2]));
    // The reminder itself (`还没收到`) is where it asks, even with no request.
    let m = message("盘点差异表收到了，谢谢。打印模板到现在还没收到。");
    let r = read(&m, &opts(), US_ASKING, &items);
    assert_eq!(r.class, ReplyClass::Nudge, "{:?}", r.cue);
    assert_eq!(r.items, Some(vec![2]));
    // An ask that names no item: the items of the whole text.
    let m = message("打印模板还没收到。麻烦尽快。");
    let r = read(&m, &opts(), US_ASKING, &items);
    assert_eq!(r.items, Some(vec![2]));
}

/// "The rest" said as done (`其余…我核对了`) leaves nothing pending; said as open it does.
#[test]
fn the_rest_done_is_a_whole_delivery() {
    let done = with_file(
        "其余三份报告我都核对了，签字版见附件。",
        "报告.pdf",
        "application/pdf",
    );
    assert_eq!(class_of(&done, ASKED), ReplyClass::Delivery);
    let done = with_file(
        "The rest have been checked as well, signed copies attached.",
        "a.pdf",
        "application/pdf",
    );
    assert_eq!(class_of(&done, ASKED), ReplyClass::Delivery);
    let open = with_file(
        "其余三份还没核对完，先把签好的两份发你，见附件。",
        "报告.pdf",
        "application/pdf",
    );
    assert_eq!(class_of(&open, ASKED), ReplyClass::PartialDelivery);
}

/// A thing moved somewhere in the perfective (`已经传到…`, `已放在…`) is handed over, so
/// a reply that also says the rest comes late is a partial delivery; a plan in the
/// perfective (`已经安排`) hands nothing over.
#[test]
fn a_perfective_transfer_hands_over() {
    let m = message("报价单已经传到群文件了。合同还差盖章，法务下周三才能给，拿到后当天转您。");
    assert_eq!(class_of(&m, ASKED), ReplyClass::PartialDelivery);
    let m = message("样品照片已放在共享盘的项目目录里，请查看。");
    assert_eq!(class_of(&m, ASKED), ReplyClass::Delivery);
    let m = message("合同已经安排盖章了，法务下周三才能给，拿到后当天转您。");
    assert_eq!(class_of(&m, ASKED), ReplyClass::Delay);
}

#[test]
fn partial_delivery_names_what_was_delivered() {
    let items = vec![
        ItemRef {
            what: "root cause analysis".into(),
            ..ItemRef::default()
        },
        ItemRef {
            what: "replacement batch".into(),
            ..ItemRef::default()
        },
    ];
    let m = message(
        "Please find attached the root cause analysis (item 1). The replacement batch will ship on Friday, Dec 4.",
    );
    let r = read(&m, &opts(), ASKED, &items);
    assert_eq!(r.class, ReplyClass::PartialDelivery);
    assert_eq!(r.delivered, vec![1]);
    assert_eq!(r.items, Some(vec![1]));
}

/// The tracker prepares a reply once (in a parser thread) and points it at the items as
/// they are whenever it is applied: each pointing must equal a fresh read against those
/// items, whatever it was pointed at before (each list twice in a row: the second pointing
/// is the one it keeps from the first).
#[test]
fn a_prepared_reply_points_at_any_items_like_a_fresh_read() {
    let one = |what: &str, owner: Option<&str>| ItemRef {
        what: what.into(),
        owner: owner.map(Into::into),
        due: None,
    };
    let lists = [
        vec![
            one("导出会员积分明细表", Some("数据组（周敏）")),
            one("兑换页视觉稿", Some("设计部（何雪）")),
        ],
        vec![one("兑换页视觉稿", Some("设计部（何雪）"))],
        vec![],
        vec![
            one("root cause analysis", None),
            one("replacement batch", None),
            one("会员积分明细表", None),
        ],
    ];
    let bodies = [
        "第2项周五下班前发你。",
        "视觉稿周五下班前发你。",
        "周五下班前发你。",
        "明细表已发，请查收；视觉稿下周一给到。",
        "Please find attached the root cause analysis (item 1). The replacement batch will ship on Friday, Dec 4.",
        "收到。",
    ];
    for body in bodies {
        let m = message(body);
        let prepared = prepare(&m, &opts(), ASKED);
        for items in lists.iter().chain(lists.iter().rev()).flat_map(|l| [l, l]) {
            let fresh = read(&m, &opts(), ASKED, items);
            assert_eq!(prepared.against(items), fresh, "{body} / {items:?}");
            assert_eq!(prepared.class(), fresh.class);
            assert_eq!(prepared.clone().into_reading(items), fresh, "{body}");
        }
    }
}

#[test]
fn reading_never_panics_on_odd_text() {
    for body in [
        "",
        "\n\n",
        ">",
        "？？？",
        "第",
        "item",
        "第（",
        "item a",
        "-- \n",
        "\u{FFFD}",
    ] {
        let _ = read(&message(body), &opts(), ASKED, &[]);
        let _ = read(&message(body), &opts(), US_ASKING, &[ItemRef::default()]);
    }
}

proptest::proptest! {
    #[test]
    fn any_text_reads(body in "(\\PC|\n|>|第|项|item |延期|不会|请查收|\\?){0,60}") {
        let r = read(&message(&body), &opts(), ASKED, &[ItemRef::default(), ItemRef::default()]);
        if let Some(q) = r.quoted {
            proptest::prop_assert!(q.end <= body.len());
        }
    }
}

/// Second round: the same acts said other ways (written to probe the vocabulary, not taken
/// from any corpus).
#[test]
fn the_same_acts_said_other_ways() {
    use ReplyClass as C;
    let cases: &[(&str, Writer, ReplyClass)] = &[
        (
            "1. 报表：已完成，见附件。\n2. 访谈名单：还在约，周三前给你。",
            ASKED,
            C::PartialDelivery,
        ),
        ("已修复3个问题，剩余1个还在查。", ASKED, C::PartialDelivery),
        (
            "Item 1 is done (see attached). Item 2 is in progress.",
            ASKED,
            C::PartialDelivery,
        ),
        (
            "第一批货已经发出，第二批预计12月20日发出。",
            ASKED,
            C::PartialDelivery,
        ),
        (
            "Here's the Q3 data; Q4 is yet to come once the month closes.",
            ASKED,
            C::PartialDelivery,
        ),
        ("目前来看周五有风险，最晚下周二给你。", ASKED, C::Delay),
        (
            "We won't hit Friday – the earliest is Tuesday, Dec 8.",
            ASKED,
            C::Delay,
        ),
        (
            "交付时间需要调整到12月20日，原因是设备还没到。",
            ASKED,
            C::Delay,
        ),
        ("样机要到下周三才能到，到了马上给你装。", ASKED, C::Delay),
        (
            "我不太同意这个结论，数据是对的，你们那边算错了。",
            ASKED,
            C::Dispute,
        ),
        (
            "This is not a bug on our side – the request is sent without a token.",
            ASKED,
            C::Dispute,
        ),
        (
            "We can't agree to the new standard; 72 hours is what the contract says.",
            ASKED,
            C::Dispute,
        ),
        ("这部分超出了合同范围，我们无法提供。", ASKED, C::Dispute),
        ("报表见附件，如有误请告知。", ASKED, C::Delivery),
        ("终稿见附件，请查收。", ASKED, C::Delivery),
        (
            "I'm raising this with management because the launch is at risk.",
            US_ASKING,
            C::Escalation,
        ),
        (
            "项目已经卡住一周，特提请两位领导决策。",
            US_ASKING,
            C::Escalation,
        ),
        (
            "本周进展：1. 设计完成；2. 开发进行中。下周再同步。",
            US_ASKING,
            C::Sync,
        ),
        ("各位，情况如下：补丁已上线，投诉归零。", US_ASKING, C::Sync),
        ("麻烦同步一下第2项的进展？", US_ASKING, C::Nudge),
        ("原定今天的报表还没到，麻烦尽快发我。", US_ASKING, C::Nudge),
        (
            "看过了，没问题了，就按这版上线。",
            US_ASKING,
            C::Confirmation,
        ),
        (
            "All received – looks correct, no further changes from us.",
            US_ASKING,
            C::Confirmation,
        ),
        ("可以了吗？麻烦确认一下。", US_ASKING, C::Nudge),
        ("收到，周三前我把测试数据发你。", ASKED, C::Promise),
        (
            "OK – you'll get the quote by Thursday 5pm.",
            ASKED,
            C::Promise,
        ),
        (
            "没问题，我们下周一给到初稿，比要求提前两天。",
            ASKED,
            C::Promise,
        ),
        ("需要的截图我们下午整理好。", ASKED, C::Acknowledgement),
        ("请问报价要含税吗？含税的话周五能给。", ASKED, C::Question),
    ];
    let mut wrong = Vec::new();
    for (body, w, want) in cases {
        let r = read(&message(body), &opts(), *w, &[]);
        if r.class != *want {
            wrong.push(format!(
                "{body} → {:?} (cue {:?}), want {want:?}",
                r.class, r.cue
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Third round: delays, partial deliveries and disputes in more words, and where a
/// receipt stays a receipt.
#[test]
fn harder_boundaries() {
    use ReplyClass as C;
    let cases: &[(&str, Writer, ReplyClass)] = &[
        (
            "I'm afraid the earliest we can do is Thursday, Dec 10.",
            ASKED,
            C::Delay,
        ),
        (
            "The delivery has been moved to Dec 12 because of the customs check.",
            ASKED,
            C::Delay,
        ),
        (
            "It will be next week before we can send the audited figures.",
            ASKED,
            C::Delay,
        ),
        ("这周估计完不成，最早也要12月15日。", ASKED, C::Delay),
        ("周五给不了，下周一吧。", ASKED, C::Delay),
        (
            "报告主体见附件，数据附录今晚补发。",
            ASKED,
            C::PartialDelivery,
        ),
        (
            "Attached is part 1. Part 2 will be with you by Friday, Dec 4.",
            ASKED,
            C::PartialDelivery,
        ),
        (
            "I've shared the folder; the last two files are still uploading.",
            ASKED,
            C::PartialDelivery,
        ),
        ("已完成70%，剩下的要延到12月9日。", ASKED, C::Delay),
        (
            "I don't think that's right – the hold was caused by your late approval.",
            ASKED,
            C::Dispute,
        ),
        ("这个需求和合同不符，我们不能按这个做。", ASKED, C::Dispute),
        ("收到，我们尽快安排。", ASKED, C::Acknowledgement),
        (
            "OK, we'll get back to you by tomorrow noon.",
            ASKED,
            C::Promise,
        ),
        (
            "收到，谢谢！附件的格式我们这边能打开。",
            ASKED,
            C::Acknowledgement,
        ),
    ];
    let mut wrong = Vec::new();
    for (body, w, want) in cases {
        let r = read(&message(body), &opts(), *w, &[]);
        if r.class != *want {
            wrong.push(format!(
                "{body} → {:?} (cue {:?}), want {want:?}",
                r.class, r.cue
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Softer words: finding it hard is a dispute unless a new time follows; agreeing to the
/// time asked for is a promise unless a question is asked.
#[test]
fn soft_disputes_and_agreements() {
    use ReplyClass as C;
    let cases: &[(&str, Writer, ReplyClass)] = &[
        (
            "这个标准我们这边比较难，建议改成72小时。",
            ASKED,
            C::Dispute,
        ),
        (
            "We have concerns about owning item 2 – our team has no access to the data.",
            ASKED,
            C::Dispute,
        ),
        ("周五比较难，最快下周一给你。", ASKED, C::Delay),
        ("样品12月4日前寄到没问题。", ASKED, C::Promise),
        ("Friday, Dec 4 is no problem for us.", ASKED, C::Promise),
        (
            "样品12月4日前寄到没问题。现场需要我们派人吗？",
            ASKED,
            C::Question,
        ),
    ];
    let mut wrong = Vec::new();
    for (body, w, want) in cases {
        let r = read(&message(body), &opts(), *w, &[]);
        if r.class != *want {
            wrong.push(format!(
                "{body} → {:?} (cue {:?}), want {want:?}",
                r.class, r.cue
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn cue_words_added_in_the_third_round() {
    check(
        &[
            ("這個部分不是我們負責的，請洽資訊部。", ASKED),
            ("这个价格我们接受不了，和之前谈的不一样。", ASKED),
            ("合同里没有这一条，这部分费用不应该我们承担。", ASKED),
            ("The figures in your summary don't match ours.", ASKED),
            ("That's not what we agreed in the meeting on Monday.", ASKED),
            ("我们没有收到过这份订单，所以不存在延误。", ASKED),
        ],
        ReplyClass::Dispute,
    );
    check(
        &[("Understood — expect the report Thursday.", ASKED)],
        ReplyClass::Promise,
    );
    check(
        &[
            (
                "The EN version is attached. The JP version will come on Dec 4.",
                ASKED,
            ),
            ("账号已开通，权限配置预计12月3日完成。", ASKED),
            ("海報已定稿，立牌文案週五前給您。", ASKED),
            (
                "Done with the first part. I'll finish the rest by Friday.",
                ASKED,
            ),
        ],
        ReplyClass::PartialDelivery,
    );
    check(
        &[
            ("报告还需要两天，预计12月3日给您。", ASKED),
            ("抱歉，原定今天的评审需要改到下周二。", ASKED),
        ],
        ReplyClass::Delay,
    );
}

#[test]
fn more_promises_refusals_and_a_closing_line_that_ends_with_a_date() {
    check(
        &[
            // The last line ends with a date, not a full stop after a word: still the new
            // text, not a signature line.
            (
                "Hi Jessica,\n\nWe'll have the mockups ready by Thursday, Dec 3.\n\nSarah",
                ASKED,
            ),
            (
                "Hi Jessica,\n\nwill do, files coming by Fri Dec 4\n\nSarah",
                ASKED,
            ),
            (
                "Hi Jessica, we're on it. ETA for the mockups is Thursday 10am PT.\n\nSarah",
                ASKED,
            ),
        ],
        ReplyClass::Promise,
    );
    check(
        &[
            (
                "佳佳你好，\n\n这个需求之前没有提过，不在这次的合同范围内，我们这边没法做。\n\n王磊",
                ASKED,
            ),
            ("这个我们这边做不了，请另找供应商。", ASKED),
        ],
        ReplyClass::Dispute,
    );
}

#[test]
fn the_rest_later_after_a_handover() {
    check(
        &[
            (
                "Hi Jessica,\n\nPlease find the first 20 price cards on the SFTP (/out/cards). The other 20 go out tomorrow by noon.\n\nSarah",
                ASKED,
            ),
            (
                "Hi Jessica,\n\nDone with item 1 - link: https://figma.com/f/1\nWorking on item 2, should be ready Wednesday.\n\nSarah",
                ASKED,
            ),
        ],
        ReplyClass::PartialDelivery,
    );
    check(
        &[(
            "Hi Jessica,\n\nNoted. Our team can get this done by next Wednesday.\n\nSarah",
            ASKED,
        )],
        ReplyClass::Promise,
    );
    check(
        &[(
            "Hi Jessica,\n\nThis isn't on us - the specs you sent were incomplete.\n\nSarah",
            ASKED,
        )],
        ReplyClass::Dispute,
    );
}

#[test]
fn part_handed_over_in_other_words() {
    check(
        &[
            (
                "30家门店的价签已经发到你邮箱了，剩下10家明天上午补。",
                ASKED,
            ),
            (
                "We shipped 30 of the 50 units today (tracking DHL 1234567890). The remaining 20 ship on Dec 8.",
                ASKED,
            ),
            (
                "See the link below for the mockups: https://figma.com/f/1\nBanners are due Tuesday as planned.",
                ASKED,
            ),
            (
                "Copy for the landing page is in the doc now. I'll finish the banner texts on Monday.",
                ASKED,
            ),
        ],
        ReplyClass::PartialDelivery,
    );
    check(
        &[
            (
                "Understood - the report will reach you by Thursday noon.",
                ASKED,
            ),
            ("Yes, we can do that. Target is Wed Dec 9.", ASKED),
        ],
        ReplyClass::Promise,
    );
    check(
        &[
            (
                "Sorry, but we never agreed to a Dec 3 deadline - the contract says 10 working days after sign-off.",
                ASKED,
            ),
            ("這部分不是我們能決定的，請直接找品牌部。", ASKED),
        ],
        ReplyClass::Dispute,
    );
}

/// The fifth round: replies written in the held-out confusions' directions (a delay with a
/// reason and a new date, a polite decline, a partial delivery that promises the rest, a
/// promise that begins with thanks, and later batches in other shapes), zh, zht and en,
/// with greetings and sign-offs as people write them. Written before the rules were
/// changed; 24 of the first 36 and then 12 of the next 42 were misread.
#[test]
fn the_confused_directions_in_many_phrasings() {
    use ReplyClass as C;
    let cases: &[(&str, C)] = &[
        // delay with a reason and a new date
        (
            "王经理，\n\n不好意思，因为供应商的原材料还没到，样品没法按12月3日给到，预计12月8日可以寄出。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Tom,\n\nThe customs clearance took longer than expected, so we won't make Friday. New ETA for the samples is Tuesday, Dec 8.\n\nBest,\nZhou Min",
            C::Delay,
        ),
        (
            "Hi Anna,\n\nApologies - our QA found two issues in the build, so the release moves to Dec 9. I'll keep you posted.\n\nRegards",
            C::Delay,
        ),
        (
            "李工你好，\n\n由于测试环境被占用，第2项要推迟两天，改为12月5日完成。给您添麻烦了。\n\n周敏",
            C::Delay,
        ),
        (
            "各位好，\n\n受年底封账影响，对账单需要顺延，我们会在12月10日前发出。\n\n谢谢",
            C::Delay,
        ),
        (
            "Hi,\n\nOur designer is off sick this week, so the mockups will be a few days late - realistically Monday, Dec 7.\n\nThanks",
            C::Delay,
        ),
        (
            "陳經理您好，\n\n因為廠商交期延誤，報價單恐怕無法於週四提供，最晚12月8日前補上，敬請見諒。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Kevin,\n\nI'm afraid we need more time on the contract review. Legal is backed up; can we say Dec 10 instead of Dec 3?\n\nThanks",
            C::Delay,
        ),
        (
            "收到。这周人手不够，原定周三的培训材料要往后挪，下周一给到。",
            C::Delay,
        ),
        (
            "Hi Sara,\n\nUnfortunately the vendor pushed their delivery, which means the install can't happen on the 3rd. We're now looking at the 9th.\n\nBest",
            C::Delay,
        ),
        // polite decline
        (
            "王经理，\n\n感谢邀请。经内部评估，这次的联合推广我们暂不参与，预算已经用完了。后续有机会再合作。\n\n周敏",
            C::Dispute,
        ),
        (
            "Hi Tom,\n\nThanks for thinking of us. Unfortunately we won't be able to take this on this quarter - the team is fully committed to the launch.\n\nBest regards",
            C::Dispute,
        ),
        (
            "Hi Anna,\n\nI appreciate the request, but we'll have to pass on the extra report. It's outside what our contract covers.\n\nRegards",
            C::Dispute,
        ),
        (
            "李工你好，\n\n感谢信任，不过这部分工作我们部门确实承担不了，建议找IT部。\n\n周敏",
            C::Dispute,
        ),
        (
            "Hi Kevin,\n\nThank you for the proposal. After discussing it internally, we've decided not to go ahead with the second batch.\n\nBest",
            C::Dispute,
        ),
        (
            "陳經理您好，\n\n謝謝您的邀請，這次我們恐怕無法配合，人力已經排滿了。\n\n周敏",
            C::Dispute,
        ),
        (
            "收到，谢谢。不过这个需求我们这边这次就不接了，排期已经满了。",
            C::Dispute,
        ),
        (
            "Hi,\n\nThanks, but I don't think we can commit to that date. We'd rather not promise something we can't deliver.\n\nThanks",
            C::Dispute,
        ),
        (
            "Thanks for the note. We respectfully decline the revised terms.",
            C::Dispute,
        ),
        // partial delivery that also promises the rest
        (
            "王经理，\n\n第1项的报价单附上了，第2项的样品我们12月5日前寄出。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "Hi Tom,\n\nAttached is the first draft of the brochure. The price list will follow by Thursday, Dec 3.\n\nBest",
            C::PartialDelivery,
        ),
        (
            "Hi Anna,\n\nThe logo files are in the shared folder now; I'll send the brand guide on Friday.\n\nRegards",
            C::PartialDelivery,
        ),
        (
            "李工你好，\n\n测试报告已经发到你邮箱了，整改方案我们周四前给你。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "Hi Kevin,\n\nHere's the updated schedule (link: https://x.example/s/1). I'll have the budget to you by Dec 4.\n\nThanks",
            C::PartialDelivery,
        ),
        (
            "陳經理您好，\n\n報價單已上傳到雲端，樣品會在12月7日前寄出。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "收到。名单先发你，见附件；物料清单明天中午前补上。",
            C::PartialDelivery,
        ),
        (
            "Hi Sara,\n\nTwo of the three translations are done and uploaded; the Japanese one will be ready by Monday, Dec 7.\n\nBest",
            C::PartialDelivery,
        ),
        // promise that begins with thanks
        (
            "王经理，\n\n谢谢提醒！我们会在12月4日下班前把报价发给您。\n\n周敏",
            C::Promise,
        ),
        (
            "Hi Tom,\n\nThanks for the details. We'll send the revised quote by Friday, Dec 4.\n\nBest",
            C::Promise,
        ),
        (
            "Hi Anna,\n\nThank you - noted. You'll have the samples by Tuesday, Dec 8.\n\nRegards",
            C::Promise,
        ),
        (
            "李工你好，\n\n收到，谢谢。第2项我们周五前完成。\n\n周敏",
            C::Promise,
        ),
        (
            "Hi Kevin,\n\nThanks, this is clear. I will get the updated files over to you by Thursday noon.\n\nThanks",
            C::Promise,
        ),
        (
            "陳經理您好，\n\n謝謝您的說明，我們會於12月7日前提供測試報告。\n\n周敏",
            C::Promise,
        ),
        (
            "Thanks a lot! We can deliver the first batch on Dec 9.",
            C::Promise,
        ),
        ("感谢！收到需求，明天下午给您初稿。", C::Promise),
        (
            "Hi Sara,\n\nThanks for flagging. Noted - we'll have it fixed by end of day Wednesday.\n\nBest",
            C::Promise,
        ),
        // batch 2: other phrasings
        (
            "王经理，\n\n关于第3项，我们的理解和您不一样：合同里写的是到港后付款，不是发货前。请再核对一下。\n\n周敏",
            C::Dispute,
        ),
        (
            "Hi Tom,\n\nI think there's a misunderstanding - the quote we sent was for 500 units, not 5,000. The price can't apply to the larger order.\n\nBest",
            C::Dispute,
        ),
        (
            "Hi Anna,\n\nThe numbers in your summary don't look right to us. Our records show 42 returns, not 75.\n\nRegards",
            C::Dispute,
        ),
        (
            "李工你好，\n\n这个数据有出入，我们系统里显示的是12台，不是20台，麻烦再核实。\n\n周敏",
            C::Dispute,
        ),
        (
            "陳經理您好，\n\n這部分應該由貴司負責，之前會議上已經講好了，我們這邊不會處理。\n\n周敏",
            C::Dispute,
        ),
        (
            "Hi Kevin,\n\nThis was never in scope for our team. Please check with procurement.\n\nThanks",
            C::Dispute,
        ),
        ("收到。但是这个截止时间太紧了，我们不同意。", C::Dispute),
        (
            "Hi,\n\nWe disagree that the delay was on our side; the files arrived from your agency on Nov 30.\n\nThanks",
            C::Dispute,
        ),
        (
            "Hi Sara,\n\nThanks for this. I'll get it done first thing tomorrow morning.\n\nBest",
            C::Promise,
        ),
        (
            "王经理，\n\n好的，没问题，今天下班前给您回复。\n\n周敏",
            C::Promise,
        ),
        (
            "Hi Tom,\n\nThanks for the reminder - I'll send it over by EOD today.\n\nCheers",
            C::Promise,
        ),
        (
            "李工你好，\n\n收到，我们两个工作日内给到测试结果。\n\n周敏",
            C::Promise,
        ),
        (
            "陳經理您好，\n\n感謝來信，我們預計下週三前完成並回覆您。\n\n周敏",
            C::Promise,
        ),
        (
            "Hi Anna,\n\nMany thanks. We're on it and expect to have the revised layout to you on Monday, Dec 7.\n\nRegards",
            C::Promise,
        ),
        ("Thanks Kevin - will do. Expect it by Thursday.", C::Promise),
        ("感谢跟进。这边已经排期了，周四上午给您。", C::Promise),
        (
            "王经理，\n\n第1、2项已经改好，请查收附件。第3项还在等供应商报价，拿到后我们12月7日前补给您。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "Hi Tom,\n\nThe English version is done (attached). The Chinese one is still being proofread; you'll have it by Friday.\n\nBest",
            C::PartialDelivery,
        ),
        (
            "Hi Anna,\n\nI've sent the invoice separately. The packing list will come with the shipment on Dec 9.\n\nRegards",
            C::PartialDelivery,
        ),
        (
            "李工你好，\n\n接口文档已经更新到wiki上了，联调环境周五前搭好。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "陳經理您好，\n\n報價單已寄出，樣品下週一會到。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "Hi Kevin,\n\nFirst half of the data is uploaded to the portal. We'll finish the rest by Wednesday.\n\nThanks",
            C::PartialDelivery,
        ),
        (
            "收到，海报已经定稿发你了，展架的稿子明天下午给。",
            C::PartialDelivery,
        ),
        (
            "Hi Sara,\n\nGood news: items 1 and 2 are complete and in the tracker. Item 3 needs another two days - we'll close it by Dec 4.\n\nBest",
            C::PartialDelivery,
        ),
        (
            "王经理，\n\n非常抱歉，因为系统升级，对账单本周五出不来，我们会在下周二（12月8日）前补发。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Tom,\n\nI'm sorry, but we can't get the samples to you by Friday - the courier strike has held everything up. Tuesday, Dec 8 is the earliest.\n\nBest",
            C::Delay,
        ),
        (
            "李工你好，\n\n抱歉，我们这边无法在12月3日前完成第2项，能否延期到12月9日？\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Anna,\n\nWe can't make the Dec 3 date. The translation agency needs until Dec 8.\n\nRegards",
            C::Delay,
        ),
        (
            "陳經理您好，\n\n不好意思，原訂週五的報告要晚兩天，預計下週二給您。\n\n周敏",
            C::Delay,
        ),
        // batch 3: partial deliveries in status form, answers given inline, delays
        // argued
        (
            "王经理，\n\n进展如下：\n1. 报价单：已附上\n2. 样品：12月5日寄出\n3. 检测报告：下周一提供\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "李工你好，\n\n型号是HX-200，单价380元；交期我们周四前跟工厂确认后回复你。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "陳經理您好，\n\n數據如下：上月退貨42件，換貨17件。明細表我們週五前補上。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "Hi Kevin,\n\nDone with the first two. The third will take until Friday.\n\nThanks",
            C::PartialDelivery,
        ),
        (
            "收到。场地已经订好了，餐饮那边明天中午前给你答复。",
            C::PartialDelivery,
        ),
        (
            "Hi Sara,\n\nPO is raised (PO 4500018832). Payment will go out on Dec 10 as agreed.\n\nBest",
            C::PartialDelivery,
        ),
        (
            "王经理，\n\n12月3日这个时间我们做不到，机器还在维修，最早12月10日能出货。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Tom,\n\nThe Dec 3 deadline isn't realistic for us given the holiday; we can commit to Dec 10.\n\nBest",
            C::Delay,
        ),
        (
            "李工你好，\n\n时间上有困难，原材料要下周才到，我们最快12月9日完成。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Anna,\n\nWe have a problem with the date: our plant is closed until Dec 6, so Dec 9 is the best we can do.\n\nRegards",
            C::Delay,
        ),
        (
            "陳經理您好，\n\n週四恐怕不行，工程師出差中，下週一（12/7）可以到場。\n\n周敏",
            C::Delay,
        ),
        // batch 4: disputes without the usual words, delays that argue
        (
            "王经理，\n\n按合同约定，运费应由贵司承担，这笔费用我们不会支付。\n\n周敏",
            C::Dispute,
        ),
        (
            "李工你好，\n\n这个责任不在我方，延误是因为贵司图纸晚了一周。\n\n周敏",
            C::Dispute,
        ),
        (
            "Hi Tom,\n\nI'd push back on item 2 - the spec was signed off in October and we built to it.\n\nBest",
            C::Dispute,
        ),
        (
            "Hi Anna,\n\nThat's not accurate. We delivered on Nov 20, as the courier receipt shows.\n\nRegards",
            C::Dispute,
        ),
        (
            "陳經理您好，\n\n這筆費用應該由貴司負擔，我們無法接受。\n\n周敏",
            C::Dispute,
        ),
        (
            "Hi Kevin,\n\nThis should sit with your IT team, not with us. We don't have access to that system.\n\nThanks",
            C::Dispute,
        ),
        (
            "收到。这个要求超出了我们的合同范围，需要另外报价。",
            C::Dispute,
        ),
        (
            "Hi Sara,\n\nWe don't agree with the root cause in your report. Our logs show the outage started on your side.\n\nBest",
            C::Dispute,
        ),
        (
            "李工你好，\n\n第2项恐怕要晚一点，测试发现兼容性问题，需要再修一轮，预计12月8日。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Anna,\n\nHeads-up: the translation is taking longer than planned. I'd now expect Wednesday, Dec 9.\n\nRegards",
            C::Delay,
        ),
        // batch 5: a delay worded as a refusal, a decline in two lines, a partial
        // delivery by link, a promise with a relative time
        (
            "王经理，\n\n周四之前肯定不行，模具还没修好。下周二可以。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Tom,\n\nFriday is impossible on our side. Monday, Dec 7 at the earliest.\n\nBest",
            C::Delay,
        ),
        (
            "李工你好，\n\n这个时间点确实赶不上，我们尽量12月9日前交。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Anna,\n\nNo way we can hit Dec 3, sorry. Dec 8 works.\n\nRegards",
            C::Delay,
        ),
        (
            "陳經理您好，\n\n這個我們沒辦法處理，請找原廠。\n\n周敏",
            C::Dispute,
        ),
        (
            "Hi Kevin,\n\nSorry, that's not something we can do. You'd need to ask the platform directly.\n\nThanks",
            C::Dispute,
        ),
        ("收到。这个我们不做，合同里没有。", C::Dispute),
        (
            "Hi Sara,\n\nWe won't be doing the extra round of revisions without a change order.\n\nBest",
            C::Dispute,
        ),
        (
            "王经理，\n\n设计稿在这里：https://pan.example.com/s/abc ，源文件周五前打包发您。\n\n周敏",
            C::PartialDelivery,
        ),
        (
            "Hi Tom,\n\nThe first 20 units left our warehouse this morning; the other 30 ship on Dec 8.\n\nBest",
            C::PartialDelivery,
        ),
        ("李工你好，\n\n收到，下周一给你。\n\n周敏", C::Promise),
        (
            "Hi Anna,\n\nThanks - I'll have it to you within two working days.\n\nRegards",
            C::Promise,
        ),
        (
            "陳經理您好，\n\n謝謝提醒，明早十點前一定回覆您。\n\n周敏",
            C::Promise,
        ),
    ];
    let mut bad = Vec::new();
    for (body, want) in cases {
        let r = read(&message(body), &opts(), ASKED, &[]);
        if r.class != *want {
            bad.push(format!(
                "want {want:?} got {:?} (cue {:?}): {body}",
                r.class, r.cue
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Replies of the same batches the rules still misread (the act is in their meaning: an
/// answer given in words, a status line in the progressive, a deadline argued as never
/// agreed). Kept to measure a later change: `cargo test --lib still_misread -- --ignored`.
#[test]
#[ignore]
fn still_misread() {
    use ReplyClass as C;
    let cases: &[(&str, C)] = &[
        (
            "Hi Tom,\n\nQuick status:\n- Price list: attached\n- Samples: shipping Dec 7\n\nBest",
            C::PartialDelivery,
        ),
        (
            "Hi Anna,\n\nTo your first question: the launch stays on Dec 15. On the second, I'm checking with finance and will come back to you by Thursday.\n\nRegards",
            C::PartialDelivery,
        ),
        (
            "王经理，\n\n说实话这个时间点不是我们定的，当时会上说的是月底。我们按月底排的，12月31日前交。\n\n周敏",
            C::Delay,
        ),
        (
            "Hi Tom,\n\nJust to flag: we never committed to Dec 3. Our plan has always been Dec 10, and we're on track for that.\n\nBest",
            C::Delay,
        ),
    ];
    for (body, want) in cases {
        let r = read(&message(body), &opts(), ASKED, &[]);
        assert_eq!(r.class, *want, "{body}");
    }
}

/// Debugging aid: `PROBE_FILE=path cargo test --lib probe_file -- --ignored --nocapture`
/// prints the clauses and reading of one tuning message.
#[test]
#[ignore]
fn probe_file() {
    let Ok(path) = std::env::var("PROBE_FILE") else {
        return;
    };
    let raw = std::fs::read(&path).unwrap();
    let m = Message::parse(&raw);
    let o = opts();
    let stripped = crate::strip_quoted(&m.body);
    let new_text = text::own_text(&stripped.text, m.from_name.as_deref(), &o);
    let ctx = liaison_time::Context {
        now: m.date.unwrap_or(o.time.now),
        ..o.time.clone()
    };
    for c in clauses(&unwrap(&new_text), &ctx) {
        println!(
            "{:?} times={:?} commits={} late={} done={} q={} cond={}",
            c.norm,
            c.times,
            c.commits(),
            c.late(),
            c.done(),
            c.question,
            c.conditional
        );
    }
    let r = read(&m, &o, ASKED, &[]);
    println!("{:?} {:?} {:?}", r.class, r.promised, r.cue);
}

/// Forms the third author's tuning replies showed (fifth round), written anew here.
#[test]
fn forms_of_the_third_authors_tuning_part() {
    check(
        &[
            (
                "刘总：\n\n这件事需要您出面协调一下，供应商一直不给确切日期。",
                US_ASKING,
            ),
            (
                "胡总，\n\n麻烦您帮忙盯一下，确保周五前拿到初稿。",
                US_ASKING,
            ),
            (
                "Hi Daniel,\n\nI need your help on item 3: the vendor has not replied in a week.",
                US_ASKING,
            ),
        ],
        ReplyClass::Escalation,
    );
    check(
        &[
            ("好，那就两家比价，时间不变，按这个来。", US_ASKING),
            (
                "陈经理：\n\n跟您确认一下今天电话里谈定的几点：一、加车照常；二、卸货改为每天早上6:00开始。",
                US_ASKING,
            ),
        ],
        ReplyClass::Confirmation,
    );
    check(
        &[
            ("试产这周恐怕排不进去，产线12月3日前都在跑急单。", ASKED),
            ("4號前升級完恐怕趕唔切，我等供應商回覆再話你知。", ASKED),
            (
                "Repacking all 4,200 pcs by tomorrow evening is not possible, sorry.",
                ASKED,
            ),
        ],
        ReplyClass::Delay,
    );
    check(
        &[
            ("试产不会延期，12月4日照常。", ASKED),
            ("两边都按12月8日提测，没问题。", ASKED),
        ],
        ReplyClass::Promise,
    );
}

/// The requester writing to an executive (`X总` as the greeting) and asking them to act
/// brings in a superior; to a colleague, the same ask is a nudge.
#[test]
fn an_ask_to_an_executive_escalates() {
    let body = "结构计算书明天出不来。需要您今晚给华美的老板打个电话，请他们明天安排签字。";
    let to = |greeting: &str| class_of(&message(&format!("{greeting}\n\n{body}")), US_ASKING);
    assert_eq!(to("高总："), ReplyClass::Escalation);
    assert_ne!(to("小林："), ReplyClass::Escalation);
}

/// `I'm afraid we can't…` with no time anywhere declines, even beside a delivered file
/// and a question about an alternative.
#[test]
fn a_hedged_refusal_without_a_time_declines() {
    let m = with_file(
        "Rates are attached.\n\nOn the SLA, I'm afraid we can't put a 99.9% commitment in writing. What we can offer is 97% on our own route. Would that work for you?",
        "rates.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert_eq!(class_of(&m, ASKED), ReplyClass::Dispute);
}

/// A hedged inability without a first person (`恐怕不能直接批`) is the writer's refusal too.
#[test]
fn a_hedged_inability_refuses() {
    check(
        &[(
            "采购申请我看了，恐怕不能直接批，这个金额需要总经理签字。",
            ASKED,
        )],
        ReplyClass::Dispute,
    );
}

/// A hedge (`I'm afraid`, `恐怕`) says late only about a time; before a negation about no
/// time it is a polite no.
#[test]
fn a_hedge_is_late_only_about_a_time() {
    check(
        &[
            (
                "I'm afraid a same-day turnaround is not something our lab can commit to. Three days is what we can do for every sample.",
                ASKED,
            ),
            ("恐怕不能按这个标准验收，行业里通行的是抽检5%。", ASKED),
        ],
        ReplyClass::Dispute,
    );
    check(
        &[
            (
                "I'm afraid we need until Friday, Dec 4 for the translation.",
                ASKED,
            ),
            ("恐怕要晚两天，12月4日前给你。", ASKED),
        ],
        ReplyClass::Delay,
    );
}

/// After a handover, the carrier's forecast (`预计明天到`, `expected to arrive`) is no work
/// still to do; a weekday before the perfective `已经` (`周五已经发了`) is the past one.
#[test]
fn a_forecast_or_a_past_weekday_after_a_handover_is_a_delivery() {
    check(
        &[
            (
                "模具已经发货，快递单号SF0000 1111 2222，预计明天下午到。",
                ASKED,
            ),
            (
                "The parts have been shipped by DHL today, expected to arrive Friday, Dec 4.",
                ASKED,
            ),
            (
                "样品已经发货了。检测报告周一已经发您邮箱了，请查收。",
                ASKED,
            ),
        ],
        ReplyClass::Delivery,
    );
    // The writer's own later step stays pending work.
    check(
        &[("模具已经发货，报价我周五前发您。", ASKED)],
        ReplyClass::PartialDelivery,
    );
}

/// A finding stated as settled before a promise (`the audit shows that…`, `经核实…`): one
/// ask answered in the mail, the rest promised.
#[test]
fn a_finding_before_a_promise_is_a_partial_delivery() {
    check(
        &[
            (
                "Our audit shows that the batch was stored above 25°C, so the certificate cannot stand. We will send the new certificate by Friday, Dec 4.",
                ASKED,
            ),
            (
                "经核实，这批货的标签贴错了版本。更正后的标签12月4日前寄给您。",
                ASKED,
            ),
        ],
        ReplyClass::PartialDelivery,
    );
    check(
        &[("We will send the new certificate by Friday, Dec 4.", ASKED)],
        ReplyClass::Promise,
    );
}

/// A time in a clause that asks the reader to act (`第二批请在…前到港`, `please send …
/// by`) is the reader's, not a time the writer promises; courtesy (`请放心`) asks nothing.
#[test]
fn a_request_to_the_reader_promises_nothing() {
    let r = read(
        &message("第一批我们周五前发出，第二批请在12月18日前确认数量。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.class, ReplyClass::Promise, "{:?}", r.cue);
    assert_eq!(r.promised, Some(at("2026-12-04T23:59:59+08:00")));
    let r = read(&message("请放心，周五前发给您。"), &opts(), ASKED, &[]);
    assert_eq!(r.class, ReplyClass::Promise, "{:?}", r.cue);
    assert_eq!(r.promised, Some(at("2026-12-04T23:59:59+08:00")));
}

/// A day promised "as planned" is the deadline the item has on that day, hour included;
/// without the reference to the plan the day stays a day.
#[test]
fn a_day_as_planned_is_the_items_deadline() {
    let items = vec![ItemRef {
        what: "首批样品试产".into(),
        owner: None,
        due: Some(at("2026-12-04T17:00:00+08:00")),
    }];
    let r = read(&message("试产不会延期，4日照常。"), &opts(), ASKED, &items);
    assert_eq!(r.class, ReplyClass::Promise, "{:?}", r.cue);
    assert_eq!(r.promised, Some(at("2026-12-04T17:00:00+08:00")));
    let r = read(&message("试产12月4日前完成。"), &opts(), ASKED, &items);
    assert_eq!(r.promised, Some(at("2026-12-04T23:59:59+08:00")));
}

/// `上` after a time is a verb (`周二能上官网`: put up), not the start of 上午/上旬.
#[test]
fn shang_after_a_time_is_a_verb() {
    let r = read(
        &message("海报今天就发，长图周二能上官网。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.class, ReplyClass::Promise, "{:?}", r.cue);
    assert_eq!(r.promised, Some(at("2026-12-08T23:59:59+08:00")));
    assert!(matches!(
        verb_after_time("能上公众号"),
        Some(AfterTime::Verb)
    ));
    assert!(verb_after_time("上午有会").is_none());
}

/// A delay's new time comes from where the writer says it is late or after; a time
/// promised earlier for another item is not it.
#[test]
fn a_delay_takes_no_time_promised_before_it() {
    let r = read(
        &message(
            "照片没问题，明天中午前发您。视频剪辑师这两天生病，明天中午恐怕出不来，我尽量往前赶。",
        ),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.class, ReplyClass::Delay, "{:?}", r.cue);
    assert_eq!(r.promised, None);
    let r = read(
        &message("照片没问题，明天中午前发您。视频恐怕要晚两天，12月4日前给您。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.promised, Some(at("2026-12-04T23:59:59+08:00")));
}

/// The time in the clause that says it will be late is the old deadline, not a new one:
/// a delay that names no other time promises none.
#[test]
fn the_late_clause_names_the_old_time() {
    let r = read(
        &message(
            "供应商的补丁还没到，4号前升级完恐怕赶不上，具体什么时候能做完，我收到回复再告诉你。",
        ),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.class, ReplyClass::Delay, "{:?}", r.cue);
    assert_eq!(r.promised, None);
}

#[test]
fn requester_asks_the_reader_to_step_in_is_an_escalation() {
    check(
        &[
            (
                "李院长：\n\n采购和财务一直定不下来，恳请您出个主意协调一下。",
                US_ASKING,
            ),
            (
                "老周，这件事需要你拍板：换供应商，还是等到下个月？",
                US_ASKING,
            ),
            (
                "Hi Dana,\n\nCould you help us push the vendor for a date?",
                US_ASKING,
            ),
            (
                "Request your support to close the permit by Friday.",
                US_ASKING,
            ),
            // Bringing someone in, with the object between verb and `in`.
            (
                "Hi Sam, looping my director in on the missing parts.",
                US_ASKING,
            ),
            (
                "Dear Ms Lee, I am bringing the open invoice to your attention.",
                US_ASKING,
            ),
        ],
        ReplyClass::Escalation,
    );
    // A help that is only a look stays a reminder.
    check(
        &[(
            "上周的单子还没收到回复，麻烦帮忙看一下能不能排进周五。",
            US_ASKING,
        )],
        ReplyClass::Nudge,
    );
}

#[test]
fn requester_promise_needs_the_writer_to_act() {
    // The reader is asked to act, or a third party acts: no promise of ours.
    check(
        &[
            ("小林，样册今天能定稿吗？下班前给我一版就行。", US_ASKING),
            (
                "合同约好12月1日前寄回，到今天还是没有。麻烦明天上午前补寄。",
                US_ASKING,
            ),
        ],
        ReplyClass::Nudge,
    );
    check(
        &[("第二项我们这边会在周五前提交，其余照旧。", US_ASKING)],
        ReplyClass::Promise,
    );
    assert!(cues::writer_acts("我们周五前提交"));
    assert!(!cues::writer_acts("周五前发给我"));
    assert!(!cues::writer_acts("我需要你周五前定下来"));
    assert!(cues::writer_acts("we'll send it on friday"));
}

#[test]
fn requester_decides_or_restates_is_a_confirmation() {
    check(
        &[
            (
                "Dear Ken,\n\nThe second option is acceptable to us; please keep the date.",
                US_ASKING,
            ),
            ("Thanks. Please go ahead with the larger batch.", US_ASKING),
            ("行，就按您说的，先发一半。", US_ASKING),
            (
                "张经理：\n\n跟财务处确认过了，发票按季度开即可。",
                US_ASKING,
            ),
            (
                "各位：\n\n和贵司电话确认一下：场地改到三楼，人数不变。",
                US_ASKING,
            ),
            (
                "Hi Ann,\n\nConfirming where we stand: both drafts are approved.",
                US_ASKING,
            ),
        ],
        ReplyClass::Confirmation,
    );
    // Another's confirmation, reported in a reminder, is no confirmation of ours.
    check(
        &[(
            "Your team confirmed last week that the cable would ship. Could you send the tracking number today?",
            US_ASKING,
        )],
        ReplyClass::Nudge,
    );
    // A report announced as following is a sync.
    check(
        &[(
            "各位：\n\n本周进度汇报如下：\n一、接口已联调；\n二、压测下周开始。",
            US_ASKING,
        )],
        ReplyClass::Sync,
    );
}

#[test]
fn taking_a_task_on_without_a_time_is_a_promise() {
    check(
        &[
            ("报价单我来改，改好发群里。", ASKED),
            (
                "周经理，盘点表我们组来核，仓库那边数到了我们就开始。",
                ASKED,
            ),
            (
                "The venue booking is mine. Waiting on the head count first.",
                ASKED,
            ),
            (
                "Hi Jo, noted on the audit. I will book the auditors and share the plan.",
                ASKED,
            ),
            ("李经理，我等财务回话以后就回您。", ASKED),
        ],
        ReplyClass::Promise,
    );
    // Another person's act, or only a look, is no promise of the writer's.
    check(
        &[
            (
                "Thanks, received. Tom is on it and he'll get back to you.",
                ASKED,
            ),
            ("收到，这边对接人是我。", ASKED),
        ],
        ReplyClass::Acknowledgement,
    );
}

#[test]
fn only_then_in_the_past_is_a_reason_not_a_delay() {
    // `上周三才到`: the money came late, which explains; the writer is not late.
    check(
        &[("这笔我来跟，货款上周三才到账，我今天找财务划过去。", ASKED)],
        ReplyClass::Promise,
    );
    // `下周三才能到`: later than asked.
    check(&[("抱歉，配件下周三才能到。", ASKED)], ReplyClass::Delay);
}

#[test]
fn seeing_it_another_way_is_a_dispute() {
    check(
        &[
            (
                "Dear Kim,\n\nOn point 3 we see this differently: the spec never asked for a second log.",
                ASKED,
            ),
            (
                "第二条我们理解上有些不同，合同写的是配合，不是牵头。",
                ASKED,
            ),
            (
                "I'm not comfortable signing off the budget before the audit.",
                ASKED,
            ),
            ("会场这块有点难，元旦前整层都被订了。", ASKED),
        ],
        ReplyClass::Dispute,
    );
    // `cannot` negates what follows it: the two lists cannot disagree is no dispute.
    assert!(!cues::any(
        "both tabs read one table so they cannot disagree",
        cues::DISPUTE
    ));
}

#[test]
fn able_to_hand_over_by_a_time_is_a_commitment() {
    // `可以` before the verb is an ability, so the rest is promised for Friday.
    let m = with_file(
        "检测报告见附件。整改表周五前可以交。",
        "a.pdf",
        "application/pdf",
    );
    assert_eq!(class_of(&m, ASKED), ReplyClass::PartialDelivery);
    // `周五可以` alone agrees to the time asked for.
    check(&[("周五可以。", ASKED)], ReplyClass::Promise);
}

#[test]
fn later_than_asked_in_other_words_is_a_delay() {
    check(
        &[
            // English `only` before the act and a time: 才.
            (
                "Hi Lee, the port has not published the schedule. I can only confirm on Friday.",
                ASKED,
            ),
            (
                "Sorry, we can't start. Not until the permit comes on Friday.",
                ASKED,
            ),
            // Held up, said as such.
            (
                "王经理，实在抱歉。模具上周返修耽误了一周，剩下的周四才能发。",
                ASKED,
            ),
            // Someone else cannot come today.
            ("厂家那边说维修师傅今天来不了，具体哪天还没定。", ASKED),
        ],
        ReplyClass::Delay,
    );
    // An apology right before it is for something past.
    let m = with_file("合同见附件，抱歉耽误了。", "c.pdf", "application/pdf");
    assert_eq!(class_of(&m, ASKED), ReplyClass::Delivery);
}

#[test]
fn otherwise_is_a_condition() {
    // `otherwise we cannot …` states a consequence, not a refusal: the mail asks.
    check(
        &[(
            "Which firmware was on the unit? We need it before testing, otherwise we cannot compare.",
            ASKED,
        )],
        ReplyClass::Question,
    );
}

#[test]
fn a_time_before_a_verb_of_reporting_is_a_commitment() {
    let r = read(
        &message("清单我们按模板填，12月9日下班前报送。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.class, ReplyClass::Promise);
    assert_eq!(r.promised, Some(at("2026-12-09T18:00:00+08:00")));
}

#[test]
fn only_then_names_the_new_time() {
    let r = read(
        &message("Hi Lee, the port has not published the schedule. I can only confirm on Friday."),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.class, ReplyClass::Delay);
    assert_eq!(r.promised, Some(at("2026-12-04T23:59:59+08:00")));
}

#[test]
fn a_verbless_clause_after_a_commitment_is_promised_too() {
    for body in [
        "测试报告我们会在12月3日前发您，整改计划12月8日前。",
        "We will send the drawings by Dec 3, and the bill of materials by Dec 8.",
    ] {
        let r = read(&message(body), &opts(), ASKED, &[]);
        assert_eq!(r.class, ReplyClass::Promise, "{body}");
        assert_eq!(r.promised, Some(at("2026-12-08T23:59:59+08:00")), "{body}");
    }
    // Its own negation, reason or reader keeps it out.
    for body in [
        "测试报告我们会在12月3日前发您，不会拖到12月8日。",
        "报告我12月3日前发你，方便你12月8日的评审。",
    ] {
        let r = read(&message(body), &opts(), ASKED, &[]);
        assert_eq!(r.promised, Some(at("2026-12-03T23:59:59+08:00")), "{body}");
    }
}

/// The writer's own estimate (`we should have … by`, `should finish by`) gives a time, as
/// `预计` does; a time inside a reason that follows (`since …`) is not promised.
#[test]
fn an_estimate_of_ones_own_work_promises_its_time() {
    for body in [
        "We should have the revised drawings to you by Friday, Dec 4.",
        "The re-run is going now and should finish by Friday, Dec 4.",
    ] {
        let r = read(&message(body), &opts(), ASKED, &[]);
        assert_eq!(r.class, ReplyClass::Promise, "{body}");
        assert_eq!(r.promised, Some(at("2026-12-04T23:59:59+08:00")), "{body}");
    }
    let body = "We should have the drawings to you by Friday, Dec 4, since our plotter goes in for service on Dec 9.";
    let r = read(&message(body), &opts(), ASKED, &[]);
    assert_eq!(r.promised, Some(at("2026-12-04T23:59:59+08:00")), "{body}");
    // Someone else's advice is no estimate of one's own.
    let r = read(
        &message("You should have received the drawings by now."),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.promised, None);
}

#[test]
fn pushed_to_names_the_new_time() {
    let r = read(
        &message("厂家的样机周三才能给到，8日完成有困难，预计要推到12月15日。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(r.class, ReplyClass::Delay);
    assert_eq!(r.promised, Some(at("2026-12-15T23:59:59+08:00")));
}

#[test]
fn taking_on_is_read_only_in_a_short_reply() {
    // In a long letter, `我们来…` is narrative, not a promise to the reader.
    let long = format!(
        "各位客户：\n\n{}今年的年会我们来办，地点在江边的老厂房。",
        "本公司成立十周年，感谢一路同行的伙伴与朋友。".repeat(30)
    );
    assert!(long.chars().count() > 600);
    assert_ne!(class_of(&message(&long), ASKED), ReplyClass::Promise);
    check(&[("今年的年会我们来办。", ASKED)], ReplyClass::Promise);
}

#[test]
fn a_link_given_as_a_statement_hands_over() {
    check(
        &[
            (
                "周老师，新版课表：https://docs.example.cn/d/term2-schedule",
                ASKED,
            ),
            (
                "Hi Ana,\n\nThe floor plans, both halls:\n\\\\nas02\\events\\hall-plans\\v4",
                ASKED,
            ),
        ],
        ReplyClass::Delivery,
    );
    // A link in a question or in a commitment hands nothing over yet.
    let asks = read(
        &message("Is https://files.example.com/q4 the right folder for it?"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(asks.class, ReplyClass::Question);
    let later = read(
        &message("我周五前把样张放到 https://pan.example.cn/s/abc 上。"),
        &opts(),
        ASKED,
        &[],
    );
    assert_eq!(later.class, ReplyClass::Promise, "cue {:?}", later.cue);
}

#[test]
fn our_yes_with_a_go_ahead_confirms() {
    check(
        &[
            (
                "Steel frame, as in the drawing. So yes, please order the steel one.",
                US_ASKING,
            ),
            ("好的，请按第二套配色出图。", US_ASKING),
        ],
        ReplyClass::Confirmation,
    );
    // A request without a yes before it is still a reminder.
    check(
        &[
            (
                "Please order the steel one today, we are waiting.",
                US_ASKING,
            ),
            ("可以请您今天下班前发一下吗？", US_ASKING),
        ],
        ReplyClass::Nudge,
    );
}

#[test]
fn our_next_step_after_a_thing_received_confirms() {
    check(
        &[
            ("样衣收到了，尺码都对，我们周四前下大货单。", US_ASKING),
            (
                "Both drawings received and checked, we will book the cutting on Friday.",
                US_ASKING,
            ),
        ],
        ReplyClass::Confirmation,
    );
    // Without a thing received, our own dated commitment stays a promise.
    check(
        &[("第三项我这边会在周五前完成报关。", US_ASKING)],
        ReplyClass::Promise,
    );
}

#[test]
fn a_time_then_ba_commits_whatever_the_verb() {
    check(
        &[
            ("我们周三前把两台样机调回出厂设置。", ASKED),
            ("明天下午我把会议纪要理一遍再转给各位。", ASKED),
        ],
        ReplyClass::Promise,
    );
    // Asking the reader to do it is no commitment of the writer.
    check(
        &[("请周三前把两台样机调回出厂设置？", ASKED)],
        ReplyClass::Question,
    );
}

#[test]
fn a_decision_settled_hands_it_over() {
    check(
        &[("场地已敲定：二号会议厅，周四全天。", ASKED)],
        ReplyClass::Delivery,
    );
    check(
        &[(
            "验收人已确定为质检部程立。培训材料我们12月9日前发您。",
            ASKED,
        )],
        ReplyClass::PartialDelivery,
    );
    // Not settled yet: a negated settling hands nothing over.
    check(
        &[("场地还没有确定，周四前答复您。", ASKED)],
        ReplyClass::Promise,
    );
}

#[test]
fn an_answer_written_in_the_mail_is_a_delivery() {
    check(
        &[
            ("王工，经核实，这批阀门的压力等级是PN16。", ASKED),
            (
                "Hi Bo, the unit price is 12.40 USD and the MOQ is 500 pcs.",
                ASKED,
            ),
        ],
        ReplyClass::Delivery,
    );
    // A thanks with no value given stays an acknowledgement.
    check(&[("收到，谢谢王工。", ASKED)], ReplyClass::Acknowledgement);
}
