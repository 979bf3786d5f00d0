# Batch 10 (680-689): English hard cases (ctime dates, section numbers, weekday mismatch, Q-encoded subject,
# wrapped Gmail attribution, "no objection") and a few Traditional Chinese mails.
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b01_partners import SUBJ_C, S_C, KAI_SIG, KAI, JESSICA_SIG, JESSICA
from messages.b02_partners import SUBJ_H, S_H
from messages.b04_zht import CZM_SIG, CZM, LYT_SIG, LYT
from messages.b08_en import CARMEN_SIG, CARMEN

msg(680, "gmail", "en", "reply", frm="marco", to=["hexue"], cc=["machao"],
    date="12-09 10:00", subject="Re: " + SUBJ_H, us=["hexue"], parent=536, fmt={"wrap_attr": True},
    text="""Hi He Xue,

Great to hear! No objection from our side to the colour notes – we'll wait for Ma Chao's PO.""",
    sig="Best,\nMarco",
    exp=dict(subject=S_H, greeting="Hi He Xue,", signature=SIG("Marco", None, None, []),
             reply=R("acknowledgement", None, None)))

msg(681, "outlook-web", "en", "original", frm="leekm", to=["grace"], cc=["cheungml"],
    date="12-18 09:30", subject="[Confirmation] Loyalty T&Cs Translation Received - HK Product - Normal", us=["leekm"],
    text="""Hi Grace,

Thank you – we received the translation of sections 3-7 and the list of open terms last night, a day early. Mei-ling has checked it against the glossary and everything is consistent, so the job is confirmed as complete.

Please send your invoice within 3 business days, quoting PO HK-2026-0388, so we can pay it before the Christmas break.

Thanks again for the quick turnaround!""",
    sig=CARMEN_SIG,
    exp=dict(subject=S("confirmation", "Confirmation", "Loyalty T&Cs Translation Received", ["HK Product"], "Normal"),
             greeting="Hi Grace,",
             opening="Thank you – we received the translation of sections 3-7 and the list of open terms last night, a day early. Mei-ling has checked it against the glossary and everything is consistent, so the job is confirmed as complete.",
             items=[I("send your invoice", None, "within 3 business days", "2026-12-23T23:59:59+08:00", "quoting PO HK-2026-0388")],
             closing="Thanks again for the quick turnaround!", signature=CARMEN))

SUBJ_AU = "[Issue] Duplicate member IDs in Q4 churn scores - Harbor Analytics - Urgent"
S_AU = S("issue", "Issue", "Duplicate member IDs in Q4 churn scores", ["Harbor Analytics"], "Urgent")

msg(682, "thunderbird", "en", "original", frm="zhengkai", to=["james"], cc=["liuyang", "kevin"],
    date="12-16 10:00", subject=SUBJ_AU, us=["zhengkai"], fmt={"ui": "en-US"},
    text="""Hi James,

our nightly load of the Q4 churn scores failed: the file contains 2,314 duplicate member IDs, which breaks the primary key in our CRM. We need a corrected file by Fri 18 Dec, 12:00 London time, before the retention campaign selection runs.

From the loader log:
  ERROR duplicate key member_id=M00418832 (Tue Dec 15 21:04:33 2026)
  ERROR duplicate key member_id=M00592017 (Tue Dec 15 21:04:33 2026)

Section 4.2 of our data contract says member_id must be unique per file, so this looks like a join issue on your side (maybe the address table?).

Needed:
1. corrected scores file on the SFTP - owner: Harbor Analytics (James) - by Fri 18 Dec 12:00 London time - no duplicates, same row count as our active base
2. short explanation of the cause - owner: James - same deadline""",
    sig="Thanks,\n" + KAI_SIG,
    exp=dict(subject=S_AU, greeting="Hi James,",
             opening="our nightly load of the Q4 churn scores failed: the file contains 2,314 duplicate member IDs, which breaks the primary key in our CRM. We need a corrected file by Fri 18 Dec, 12:00 London time, before the retention campaign selection runs.",
             background=["Section 4.2 of our data contract says member_id must be unique per file, so this looks like a join issue on your side (maybe the address table?)."],
             items=[I("corrected scores file on the SFTP", "Harbor Analytics (James)", "by Fri 18 Dec 12:00 London time",
                      "2026-12-18T20:00:00+08:00", "no duplicates, same row count as our active base"),
                    I("short explanation of the cause", "James", "same deadline", "2026-12-18T20:00:00+08:00", None)],
             signature=KAI))

msg(683, "outlook", "en", "reply", frm="james", to=["zhengkai"], cc=["liuyang", "kevin"],
    date="12-16 10:30", subject="RE: " + SUBJ_AU, us=["zhengkai"], parent=682, fmt={"content_language": "en-GB"},
    text="""Hi Kai,

Apologies – you're right, it's the address join (members with two active addresses). We'll re-run the scoring tonight and upload the corrected file by Thursday noon UK time, a day before your deadline. I'll include a one-paragraph explanation with the upload.""",
    sig="""Cheers,
James

James O'Connor | Principal Data Scientist
Harbor Analytics Ltd | +44 20 7946 0321""",
    exp=dict(subject=S_AU, greeting="Hi Kai,",
             signature=SIG("James O'Connor", None, "Principal Data Scientist", ["+44 20 7946 0321"]),
             reply=R("promise", "2026-12-17T20:00:00+08:00", [1, 2])))

SUBJ_AV = "[Kickoff] Spring Festival Campaign · US Web Store - Intl Business/BrightLane/Marketing - Important"
S_AV = S("kickoff", "Kickoff", "Spring Festival Campaign · US Web Store", ["Intl Business", "BrightLane", "Marketing"], "Important")

msg(684, "outlook", "en", "original", frm="jessica", to=["sarah", "hannah", "lina"], cc=["fangyu"],
    date="12-15 10:00", subject=SUBJ_AV, us=["jessica"], fmt={"subj_mode": "Q", "logo": True, "logo_alt": "Qiheng Technology"},
    text="""Hi Sarah, hi Hannah, hi Li Na,

This mail kicks off the Spring Festival campaign for the US web store; please confirm your owners and dates below by EOW (Friday, Dec 18).

Background: the Spring Festival sale runs from Jan 28 to Feb 11, 2027. The goal is 25% more gift-set orders than last year, with a landing page, an email series and paid social.

Plan:
1. Campaign concepts (3 directions) – Owner: BrightLane (Hannah Lee) – Due: Dec 22 – Standard: presented in Figma with copy placeholders
2. Final product list and prices – Owner: Intl Business (Jessica Chen) – Due: Dec 21, by lunch Beijing time – Standard: SKU, price and stock per SKU
3. Email series copy (4 mails) – Owner: Marketing (Li Na) – Due: TBD – Standard: proofread EN copy

Kickoff call: Thursday, Dec 17, 9am PT / Friday 1am Beijing – sorry for the hour, Beijing colleagues can watch the recording.

Please reply by EOW with any change to owners or dates.""",
    sig=JESSICA_SIG,
    exp=dict(subject=S_AV, greeting="Hi Sarah, hi Hannah, hi Li Na,",
             opening="This mail kicks off the Spring Festival campaign for the US web store; please confirm your owners and dates below by EOW (Friday, Dec 18).",
             background=["the Spring Festival sale runs from Jan 28 to Feb 11, 2027.",
                         "The goal is 25% more gift-set orders than last year, with a landing page, an email series and paid social."],
             items=[I("Campaign concepts (3 directions)", "BrightLane (Hannah Lee)", "Dec 22", "2026-12-22T23:59:59+08:00",
                      "presented in Figma with copy placeholders"),
                    I("Final product list and prices", "Intl Business (Jessica Chen)", "Dec 21, by lunch Beijing time",
                      "2026-12-21T12:00:00+08:00", "SKU, price and stock per SKU"),
                    I("Email series copy (4 mails)", "Marketing (Li Na)", "TBD", None, "proofread EN copy")],
             closing="Please reply by EOW with any change to owners or dates.", signature=JESSICA))

msg(685, "gmail", "en", "original", frm="hannah", to=["jessica"], cc=["sarah"],
    date="12-14 11:00", subject="Photos & logo files for Spring concepts", us=["hannah"],
    text="""Hi Jessica,

For the Spring concepts we'll need a few assets from your side:

- high-res photos of the 4 gift sets (white background + one lifestyle shot each)
- the new Qiheng logo lockup in SVG
- your brand guideline v3 if it's final

Could you share them by Thursday, Dec 18? A Drive or WeTransfer link is fine.""",
    sig="Thanks so much!\nHannah",
    exp=dict(subject=S(None, None, None, [], None), greeting="Hi Jessica,",
             opening="For the Spring concepts we'll need a few assets from your side:",
             items=[I("high-res photos of the 4 gift sets", None, "by Thursday, Dec 18", "2026-12-18T23:59:59+08:00",
                      "white background + one lifestyle shot each"),
                    I("the new Qiheng logo lockup in SVG", None, "by Thursday, Dec 18", "2026-12-18T23:59:59+08:00", None),
                    I("your brand guideline v3 if it's final", None, "by Thursday, Dec 18", "2026-12-18T23:59:59+08:00", None)],
             closing="Could you share them by Thursday, Dec 18? A Drive or WeTransfer link is fine.",
             signature=SIG("Hannah", None, None, [])))

SUBJ_AW = "【成果彙報】台灣門市雙12檔期業績-台灣業務部-一般"
S_AW = S("result", "成果彙報", "台灣門市雙12檔期業績", ["台灣業務部"], "一般")

msg(686, "outlook", "zht", "original", frm="chenzm", to=["machao", "linyt", "leekh"], cc=["gaofeng"],
    date="12-15 10:00", subject=SUBJ_AW, us=["chenzm"],
    text="""各位主管、同仁好：

台灣門市雙12檔期（12/10-12/13）業績已結算，整體達成率112%，以下為重點，請於12/17（四）前回覆意見。

一、業績
1. 營業額：新台幣2,860萬元（目標2,550萬元）
2. 來客數：41,200人次，較去年同期成長9%
3. 禮盒組A售罄，缺貨約300組

二、後續事項
1. 禮盒組A補貨——負責人：供應鏈部（馬超）——12/22前確認補貨數量
2. 門市獎金計算——負責人：台灣業務部（陳志明）——12/31前
3. 檔期檢討會——負責人：行銷部（林雅婷）——12/18（五）下午3點

感謝大家的辛勞！""",
    sig=CZM_SIG,
    exp=dict(subject=S_AW, greeting="各位主管、同仁好：",
             opening="台灣門市雙12檔期（12/10-12/13）業績已結算，整體達成率112%，以下為重點，請於12/17（四）前回覆意見。",
             items=[I("禮盒組A補貨", "供應鏈部（馬超）", "12/22前", "2026-12-22T23:59:59+08:00", None),
                    I("門市獎金計算", "台灣業務部（陳志明）", "12/31前", "2026-12-31T23:59:59+08:00", None),
                    I("檔期檢討會", "行銷部（林雅婷）", "12/18（五）下午3點", "2026-12-18T15:00:00+08:00", None)],
             closing="感謝大家的辛勞！", signature=CZM, clean=True))

msg(687, "apple-mail", "zht", "reply", frm="linyt", to=["chenzm"], cc=["machao", "leekh", "gaofeng"],
    date="12-15 11:25", subject="Re: " + SUBJ_AW, us=["chenzm"], parent=686,
    text="""志明經理您好，

檢討會12/18下午3點是線上開還是在信義店？需要我先準備各門市的銷售分析嗎？""",
    sig="雅婷",
    exp=dict(subject=S_AW, greeting="志明經理您好，", signature=SIG("雅婷", None, None, []),
             reply=R("question", None, [3])))

msg(688, "outlook-web", "en", "original", frm="leekm", to=["wanglei"], cc=["huangli"],
    date="12-17 10:00", subject="[Reminder] TW Tier Rules Due Friday - Product - Important", us=["leekm"],
    text="""Hi Wang Lei,

Just a reminder that the TW tier rules and benefits (item a of the Phase 2 kickoff) are due this Friday, 18 Dec, and still need the regional GM's approval.

Could you send me the draft by tomorrow 12:00 HKT so there's time to get it approved on Friday? If the date is at risk, please let me know today.""",
    sig="Thanks,\nCarmen",
    exp=dict(subject=S("nudge", "Reminder", "TW Tier Rules Due Friday", ["Product"], "Important"), greeting="Hi Wang Lei,",
             opening="Just a reminder that the TW tier rules and benefits (item a of the Phase 2 kickoff) are due this Friday, 18 Dec, and still need the regional GM's approval.",
             items=[I("send me the draft", None, "by tomorrow 12:00 HKT", "2026-12-18T12:00:00+08:00", None)],
             closing="If the date is at risk, please let me know today.", signature=SIG("Carmen", None, None, [])))

msg(689, "thunderbird", "en", "forward", frm="zhengkai", to=["kevin"],
    date="12-10 11:15", subject="Fwd: RE: " + SUBJ_C, us=["zhengkai"], parent=512, fmt={"ui": "en-US"},
    text="""Kevin, FYI – Harbor's churn scores are ready, the documentation is attached. The top-decile list for your key accounts will come from our team by Friday.""",
    sig="Kai",
    attach=[("Churn_Model_Documentation_v3.pdf", "Churn model documentation v3 - Harbor Analytics"),
            ("churn_scores_field_mapping.xlsx", [["column", "meaning"], ["p_churn_90d", "probability of churn in 90 days"],
                                                 ["driver_1", "top driver"]])],
    exp=dict(subject=S_C, signature=SIG("Kai", None, None, [])))
