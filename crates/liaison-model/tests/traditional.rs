//! Traditional-script tags and urgency words (issue 9, item 8): mail from Taiwan, Hong
//! Kong and Macau colleagues, or written with a Traditional input method, is recognised
//! like its Simplified twin.

use liaison_model::{Kind, KindTable, Urgency};

#[test]
fn traditional_kind_tags_resolve() {
    let t = KindTable::default();
    for (tag, kind) in [
        ("需求對接", Kind::Request),
        ("項目啟動", Kind::Kickoff),
        ("問題協調", Kind::Issue),
        ("問題升級", Kind::Escalation),
        ("成果同步", Kind::Result),
        ("進度同步", Kind::ProgressSync),
        ("跟進提醒", Kind::Nudge),
        ("成果確認", Kind::Confirmation),
        ("復盤", Kind::Retrospective),
        ("複盤", Kind::Retrospective),
        ("需求確認", Kind::Request),
        ("成果匯報", Kind::Result),
        ("成果彙報", Kind::Result),
        ("進度匯報", Kind::ProgressSync),
        ("項目複盤", Kind::Retrospective),
        ("專案啟動", Kind::Kickoff),
    ] {
        assert_eq!(t.lookup(tag), Some(kind), "{tag}");
    }
}

#[test]
fn traditional_urgency_words_parse() {
    for (w, u) in [
        ("緊急", Urgency::Urgent),
        ("重要", Urgency::Important),
        ("一般", Urgency::Normal),
        ("常規", Urgency::Normal),
        ("需今日反饋", Urgency::Today),
        ("需今日回饋", Urgency::Today),
        ("需今日回馈", Urgency::Today),
        ("需當日反饋", Urgency::Today),
        ("今日回覆", Urgency::Today),
        ("需12月3日前反饋", Urgency::FeedbackBy("12月3日前".into())),
        ("需12月3日前回饋", Urgency::FeedbackBy("12月3日前".into())),
    ] {
        assert_eq!(Urgency::parse(w), Some(u), "{w}");
    }
    assert_eq!(Urgency::parse("需反饋"), None);
}
