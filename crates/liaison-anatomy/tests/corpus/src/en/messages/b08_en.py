# Batch 8 (640-659): English on OWA, Thunderbird (HTML only), Gmail, Outlook plain text; numbers that are not dates.
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b01_partners import (SUBJ_A, S_A, TOM_SIG, TOM, AMY_SIG, AMY, LIUYANG_SIG, LIUYANG)
from messages.b02_partners import SUBJ_G, S_G, ZW_SIG, ZW, DANIEL_SIG, DANIEL
from messages.b06_zh import SUBJ_AB, S_AB

CARMEN_SIG = """Kind regards,
Carmen Lee
Regional Programme Manager, APAC | Product Dept.
Qiheng Technology (Hong Kong) Limited
T +852 2555 0166 | carmen.lee@hk.qiheng.example.com"""
CARMEN = SIG("Carmen Lee", "Product Dept.", "Regional Programme Manager, APAC",
             ["T +852 2555 0166", "carmen.lee@hk.qiheng.example.com"])

# ---------------------------------------------------------------- translation request with section and version numbers
SUBJ_AI = "[Request] Loyalty T&Cs Translation EN-TC - HK Product - Important"
S_AI = S("request", "Request", "Loyalty T&Cs Translation EN-TC", ["HK Product"], "Important")

msg(640, "outlook-web", "en", "original", frm="leekm", to=["grace"], cc=["cheungml"],
    date="12-14 10:00", subject=SUBJ_AI, us=["leekm"],
    text="""Hi Grace,

Could you translate the updated loyalty programme Terms & Conditions into Traditional Chinese for us? We need the translation back by Friday 18 December, 12:00 HKT.

The document is version 2.1 of the Terms (about 3,400 words). Only sections 3 to 7 changed since your last translation; section 3.2 (tier downgrade rules) is new and needs the most care.

What we need:
1. Translation of sections 3-7 – by Friday 18 Dec, 12:00 HKT – tracked changes against your previous translation, terms as in our glossary
2. A short list of terms you were unsure about – same deadline

Both files are attached. Please let me know by tomorrow if the deadline is a problem.""",
    sig=CARMEN_SIG,
    attach=[("Loyalty_TnC_v2.1_EN.docx", ["Qiheng Loyalty Programme - Terms and Conditions v2.1", "3. Tiers", "3.2 Tier downgrade"]),
            ("Loyalty_Glossary_EN-TC.xlsx", [["EN", "TC"], ["tier", "會員等級"], ["points", "積分"], ["downgrade", "降級"]])],
    exp=dict(subject=S_AI, greeting="Hi Grace,",
             opening="Could you translate the updated loyalty programme Terms & Conditions into Traditional Chinese for us? We need the translation back by Friday 18 December, 12:00 HKT.",
             background=["The document is version 2.1 of the Terms (about 3,400 words).",
                         "Only sections 3 to 7 changed since your last translation; section 3.2 (tier downgrade rules) is new and needs the most care."],
             items=[I("Translation of sections 3-7", None, "by Friday 18 Dec, 12:00 HKT", "2026-12-18T12:00:00+08:00",
                      "tracked changes against your previous translation, terms as in our glossary"),
                    I("A short list of terms you were unsure about", None, "same deadline", "2026-12-18T12:00:00+08:00", None)],
             closing="Both files are attached. Please let me know by tomorrow if the deadline is a problem.",
             signature=CARMEN))

msg(641, "outlook-web", "en", "reply", frm="grace", to=["leekm"], cc=["cheungml"],
    date="12-14 13:20", subject="RE: " + SUBJ_AI, us=["leekm"], parent=640,
    text="""Hi Carmen,

Happy to help. The deadline is fine – you'll have both files by Thursday evening, a day early.""",
    sig="Best,\nGrace",
    exp=dict(subject=S_AI, greeting="Hi Carmen,", signature=SIG("Grace", None, None, []),
             reply=R("promise", "2026-12-17T23:59:59+08:00", [1, 2])))

# ---------------------------------------------------------------- NH-300 kickoff from a German Thunderbird, HTML only
SUBJ_AJ = "[Kickoff] NH-300 Sensor Co-development - Nordhaus/Qiheng R&D - Important"
S_AJ = S("kickoff", "Kickoff", "NH-300 Sensor Co-development", ["Nordhaus", "Qiheng R&D"], "Important")

msg(642, "thunderbird", "en", "original", frm="tom", to=["zhangwei", "machao"], cc=["lukas", "weber", "wuqiang"],
    date="12-15 09:00", subject=SUBJ_AJ, us=["tom"], fmt={"html": "only"},
    text="""Dear Zhang Wei, dear Ma Chao,

with this mail we officially start the NH-300 co-development. Please confirm the team members on your side by Friday, 18 December.

Background: after the NH-200 issues this autumn, both sides agreed in the meeting on 9 December to develop the next generation together, with a drift spec of ±0.1% FS and first samples in March 2027.

Work packages:
1. Requirements specification (Qiheng R&D, Zhang Wei) – due on the first business day after New Year – agreed and signed by both sides
2. Sensor element design and simulation (Nordhaus R&D, Dr. Anna Keller) – due 29 January 2027 – design review passed
3. Test plan incl. 1000h burn-in (Nordhaus QA, Lukas Hoffmann) – due 15 January 2027 – accepted by Qiheng IQC

Next step: a video call on Tuesday, 22 December, 9:00 CET (16:00 Beijing) to walk through the plan.""",
    sig=TOM_SIG.replace("Kind regards", "Best regards"),
    exp=dict(subject=S_AJ, greeting="Dear Zhang Wei, dear Ma Chao,",
             opening="with this mail we officially start the NH-300 co-development. Please confirm the team members on your side by Friday, 18 December.",
             background=["after the NH-200 issues this autumn, both sides agreed in the meeting on 9 December to develop the next generation together, with a drift spec of ±0.1% FS and first samples in March 2027."],
             items=[I("Requirements specification", "Qiheng R&D, Zhang Wei", "on the first business day after New Year",
                      "2027-01-04T23:59:59+08:00", "agreed and signed by both sides"),
                    I("Sensor element design and simulation", "Nordhaus R&D, Dr. Anna Keller", "29 January 2027",
                      "2027-01-29T23:59:59+08:00", "design review passed"),
                    I("Test plan incl. 1000h burn-in", "Nordhaus QA, Lukas Hoffmann", "15 January 2027",
                      "2027-01-15T23:59:59+08:00", "accepted by Qiheng IQC")],
             closing="Next step: a video call on Tuesday, 22 December, 9:00 CET (16:00 Beijing) to walk through the plan.",
             signature=TOM))

msg(643, "outlook", "en", "reply", frm="zhangwei", to=["tom"], cc=["machao", "lukas", "weber", "wuqiang"],
    date="12-15 17:05", subject="RE: " + SUBJ_AJ, us=["tom"], parent=642,
    text="""Hi Tom,

Thanks for setting this up. Quick question on work package 1: does the requirements specification include the EMC requirements for the HX-3 controller, or only the sensor interface? If EMC is included, we need input from our EMC lab and Jan 4 becomes tight.""",
    sig=ZW_SIG,
    exp=dict(subject=S_AJ, greeting="Hi Tom,", signature=ZW, reply=R("question", None, [1])))

# ---------------------------------------------------------------- customs hold with HS codes (Gmail)
SUBJ_AK = "[Issue] Customs hold on first inbound shipment - Sakura Logistics/Qiheng Supply Chain - Urgent"
S_AK = S("issue", "Issue", "Customs hold on first inbound shipment", ["Sakura Logistics", "Qiheng Supply Chain"], "Urgent")

msg(644, "gmail", "en", "original", frm="yuki", to=["songjia", "machao"], cc=["kenji"],
    date="12-16 11:00", subject=SUBJ_AK, us=["songjia"],
    text="""Dear Song-san, dear Ma-san,

The first inbound shipment (2 x 40HQ, B/L SHAOSA2612071) arrived in Osaka this morning but is on hold at customs: the HS code on the commercial invoice for the gift boxes (4819.20) does not match the product description, and customs has asked for a corrected invoice.

Storage at the port costs about JPY 45,000 per container per day, so we would like to clear it quickly.

Action needed:
1. Corrected commercial invoice with HS code 4819.10 and a short product description – owner: Qiheng Supply Chain (Song Jia) – by 3pm JST tomorrow (Dec 17)
2. Letter of explanation signed by your company – owner: Qiheng Supply Chain – same time
3. Re-submission to customs – owner: Sakura Logistics (Kenji Mori) – first thing Friday morning

Please call me if anything is unclear: +81-6-5555-0134.""",
    sig="""Best regards,

Yuki Tanaka
Account Manager, International Accounts
Sakura Logistics Co., Ltd.
Tel: +81-6-5555-0134""",
    exp=dict(subject=S_AK, greeting="Dear Song-san, dear Ma-san,",
             opening="The first inbound shipment (2 x 40HQ, B/L SHAOSA2612071) arrived in Osaka this morning but is on hold at customs: the HS code on the commercial invoice for the gift boxes (4819.20) does not match the product description, and customs has asked for a corrected invoice.",
             background=["Storage at the port costs about JPY 45,000 per container per day, so we would like to clear it quickly."],
             items=[I("Corrected commercial invoice with HS code 4819.10 and a short product description",
                      "Qiheng Supply Chain (Song Jia)", "by 3pm JST tomorrow (Dec 17)", "2026-12-17T14:00:00+08:00", None),
                    I("Letter of explanation signed by your company", "Qiheng Supply Chain", "same time",
                      "2026-12-17T14:00:00+08:00", None),
                    I("Re-submission to customs", "Sakura Logistics (Kenji Mori)", "first thing Friday morning",
                      "2026-12-18T09:00:00+08:00", None)],
             closing="Please call me if anything is unclear: +81-6-5555-0134.",
             signature=SIG("Yuki Tanaka", "International Accounts", "Account Manager", ["Tel: +81-6-5555-0134"])))

msg(645, "apple-mail", "en", "reply", frm="songjia", to=["yuki"], cc=["machao", "kenji"],
    date="12-16 15:40", subject="Re: " + SUBJ_AK, us=["songjia"], parent=644, fmt={"ui": "en-US"},
    text="""Dear Yuki-san,

Sorry for the trouble. Attached are the corrected commercial invoice (HS code 4819.10, with a short product description) and the signed letter of explanation.""",
    sig="Best regards,\nSong Jia",
    attach=[("CI_QH-SAK-2612-01_rev1.pdf", "Commercial Invoice QH-SAK-2612-01 rev1 - HS 4819.10"),
            ("Letter_of_Explanation_HS_Code.pdf", "Letter of explanation - HS code correction")],
    exp=dict(subject=S_AK, greeting="Dear Yuki-san,", signature=SIG("Song Jia", None, None, []),
             reply=R("delivery", None, [1, 2])))

# ---------------------------------------------------------------- a Chinese vacation responder on Gmail
ghost("gAB1", "apple-mail", "zh", "reply", frm="xiaoyu", to=["xuchen"], date="12-13 19:30", subject="Re: " + SUBJ_AB,
      parent=616, fmt={"iphone": True}, text="许老师，嘉宾名单和座次表放在共享文件夹了，您看下。", mobile="发自我的iPhone")

msg(646, "gmail", "zh", "auto-reply", frm="xuchen", to=["xiaoyu"],
    date="12-13 19:30:40", subject="Re: " + SUBJ_AB, us=["xiaoyu"], parent="gAB1", quote="none",
    headers=[("Auto-Submitted", "auto-replied")],
    text="""您好，我12月13日至12月15日在外地拍摄，回复会比较慢。急事请微信联系：xuchen_design。""",
    sig="许晨",
    exp=dict(subject=S_AB, signature=SIG("许晨", None, None, []), reply=R("auto-reply", None, None)))

# ---------------------------------------------------------------- a reminder (Thunderbird) and a QBR result (Outlook)
msg(647, "thunderbird", "en", "original", frm="liuyang", to=["priya"], cc=["zhaomin"],
    date="12-18 16:00", subject="[Reminder] SLA credit note for November - CloudKite - Normal", us=["liuyang"],
    text="""Hi Priya,

a short reminder: the SLA service credit note for November (incident CK-2026-114502) was due today, Dec 18.

Our finance team closes the December books on Dec 23. Could you send the credit note by Tuesday, Dec 22 at the latest, and confirm today for which amount it will be issued?""",
    sig="Thanks,\n" + LIUYANG_SIG,
    exp=dict(subject=S("nudge", "Reminder", "SLA credit note for November", ["CloudKite"], "Normal"), greeting="Hi Priya,",
             opening="a short reminder: the SLA service credit note for November (incident CK-2026-114502) was due today, Dec 18.",
             background=["Our finance team closes the December books on Dec 23."],
             items=[I("send the credit note", None, "by Tuesday, Dec 22", "2026-12-22T23:59:59+08:00", None),
                    I("confirm today for which amount it will be issued", None, "today", "2026-12-18T23:59:59+08:00", None)],
             signature=LIUYANG))

KEVIN_SIG = """Best,
Kevin Xu
Key Account Director | Sales Dept.
Qiheng Technology
M: +86 139 0000 2288 | kevin.xu@qiheng.example.com"""

msg(648, "outlook", "en", "original", frm="kevin", to=["sunhao", "zhangwei", "amylin"], cc=["huangli", "wuqiang"],
    date="12-18 20:00", subject="[Result] Redwood Retail QBR Outcome - Sales/Customer Service/Tech - Normal", us=["kevin"],
    fmt={"logo": True, "logo_alt": "Qiheng Technology"},
    text="""Hi all,

Good news from today's Redwood Retail QBR: they renewed for two more years and added the inventory analytics module (+18% contract value). Please review the follow-ups below and tell me by Monday noon if any owner or date doesn't work.

Michael Brown specifically thanked the support and tech teams for how the POS sync incident was handled – the RCA and the quick rollback made the difference.

Follow-ups:
1. Updated SLA annex (99.9% uptime, 4h response for P1) to Redwood legal – Owner: Legal (Sun Hao) – Due: EOD Tuesday, Dec 22
2. Quarterly uptime report template for Redwood – Owner: Tech (Zhang Wei) – Due: Jan 8 – Standard: per-store uptime and incident list
3. Onboarding plan for the analytics module – Owner: Customer Service (Amy Lin) – Due: Jan 15

Our next check-in with Michael is on Jan 12, 9am EST. The QBR deck is attached.""",
    sig=KEVIN_SIG, attach=[("Redwood_QBR_2026Q4.pptx", None)],
    exp=dict(subject=S("result", "Result", "Redwood Retail QBR Outcome", ["Sales", "Customer Service", "Tech"], "Normal"),
             greeting="Hi all,",
             opening="Good news from today's Redwood Retail QBR: they renewed for two more years and added the inventory analytics module (+18% contract value). Please review the follow-ups below and tell me by Monday noon if any owner or date doesn't work.",
             background=["Michael Brown specifically thanked the support and tech teams for how the POS sync incident was handled – the RCA and the quick rollback made the difference."],
             items=[I("Updated SLA annex (99.9% uptime, 4h response for P1) to Redwood legal", "Legal (Sun Hao)",
                      "EOD Tuesday, Dec 22", "2026-12-22T18:00:00+08:00", None),
                    I("Quarterly uptime report template for Redwood", "Tech (Zhang Wei)", "Jan 8", "2027-01-08T23:59:59+08:00",
                      "per-store uptime and incident list"),
                    I("Onboarding plan for the analytics module", "Customer Service (Amy Lin)", "Jan 15",
                      "2027-01-15T23:59:59+08:00", None)],
             closing="Our next check-in with Michael is on Jan 12, 9am EST. The QBR deck is attached.",
             signature=SIG("Kevin Xu", "Sales Dept.", "Key Account Director", ["M: +86 139 0000 2288", "kevin.xu@qiheng.example.com"]),
             clean=True))

# ---------------------------------------------------------------- incident retrospective (OWA) and a dispute on one improvement
SUBJ_AL = "[Retrospective] Redwood POS Sync Incident - Customer Service/Tech - Normal"
S_AL = S("retrospective", "Retrospective", "Redwood POS Sync Incident", ["Customer Service", "Tech"], "Normal")

msg(649, "outlook-web", "en", "original", frm="amylin", to=["zhangwei", "liuyang", "kevin"], cc=["wuqiang"],
    date="12-14 15:00", subject=SUBJ_AL, us=["amylin"],
    text="""Hi team,

Now that Redwood has confirmed the fix, here is the retro of the POS sync incident (Nov 28 – Dec 10). Please add comments in the doc by Thursday, Dec 17.

What happened: a sync queue change on Nov 27 caused 20-40 min sync gaps at 14 stores; the customer escalated on Dec 1 after two tickets got only generic answers for three days.

What we'll change:
1. P1 tickets from key accounts get a named engineer within 4 hours – Owner: Customer Service (Amy Lin) – Due: Dec 21
2. Changes to the sync service need a load test with more than 6 terminals per store – Owner: Tech (Zhang Wei) – Due: Dec 31
3. Key account managers get an automatic alert when a ticket is open for more than 24h – Owner: IT (Liu Yang) – Due: Jan 15

Retro notes and the timeline are in the shared folder "Cross-dept Collaboration - Redwood POS Incident".""",
    sig=AMY_SIG,
    exp=dict(subject=S_AL, greeting="Hi team,",
             opening="Now that Redwood has confirmed the fix, here is the retro of the POS sync incident (Nov 28 – Dec 10). Please add comments in the doc by Thursday, Dec 17.",
             background=["a sync queue change on Nov 27 caused 20-40 min sync gaps at 14 stores; the customer escalated on Dec 1 after two tickets got only generic answers for three days."],
             items=[I("P1 tickets from key accounts get a named engineer within 4 hours", "Customer Service (Amy Lin)", "Dec 21",
                      "2026-12-21T23:59:59+08:00", None),
                    I("Changes to the sync service need a load test with more than 6 terminals per store", "Tech (Zhang Wei)",
                      "Dec 31", "2026-12-31T23:59:59+08:00", None),
                    I("Key account managers get an automatic alert when a ticket is open for more than 24h", "IT (Liu Yang)",
                      "Jan 15", "2027-01-15T23:59:59+08:00", None)],
             closing="Retro notes and the timeline are in the shared folder \"Cross-dept Collaboration - Redwood POS Incident\".",
             signature=AMY, clean=True))

msg(650, "outlook", "en", "reply", frm="zhangwei", to=["amylin"], cc=["liuyang", "kevin", "wuqiang"],
    date="12-15 10:10", subject="RE: " + SUBJ_AL, us=["amylin"], parent=649,
    text="""Amy,

I agree with the retro, but not with item 2 as written. Load-testing every sync change with more than 6 terminals needs a test rig we don't have (about RMB 80k), so Tech can't own that by Dec 31 without a budget.

Suggestion: Tech writes the load test spec by Dec 31, and management decides on the rig purchase in January.""",
    sig="Zhang Wei",
    exp=dict(subject=S_AL, greeting="Amy,", signature=SIG("Zhang Wei", None, None, []), reply=R("dispute", None, [2])))

# ---------------------------------------------------------------- a confirmation by the supplier (Thunderbird)
msg(651, "thunderbird", "en", "original", frm="tom", to=["machao"], cc=["lukas", "weber"],
    date="12-16 10:30", subject="[Confirmation] Corrected customs documents received - Nordhaus/Qiheng Purchasing - Normal",
    us=["tom"],
    text="""Dear Ma Chao,

we confirm that we received your purchasing department's letter with the correct part number (HX3-PS-02) and the updated PO 4500019410 today. Both match our export licence now, so the customs issue is solved from our side.

The 50 pcs will be re-shipped from Frankfurt on Thursday, 17 December, with arrival in Suzhou planned for 21 December. Tracking number follows on Thursday.""",
    sig=TOM_SIG,
    exp=dict(subject=S("confirmation", "Confirmation", "Corrected customs documents received", ["Nordhaus", "Qiheng Purchasing"], "Normal"),
             greeting="Dear Ma Chao,",
             opening="we confirm that we received your purchasing department's letter with the correct part number (HX3-PS-02) and the updated PO 4500019410 today.",
             closing="Tracking number follows on Thursday.", signature=TOM))

# ---------------------------------------------------------------- the agency's weekly sync (Gmail)
msg(652, "gmail", "en", "original", frm="hannah", to=["jessica"], cc=["sarah"],
    date="12-17 16:00", subject="[Progress Sync] Spring Festival Campaign Concepts - BrightLane - Normal", us=["hannah"],
    text="""Hi Jessica,

Quick weekly update on the Spring Festival campaign concepts: 2 of 3 concepts are done, the third is waiting for your product list.

- Concept A "Lantern Walk": done, in Figma.
- Concept B "Red Envelope Game": done, prototype link below.
- Concept C "Family Table": blocked – we need the final gift set SKUs.

Could you send the SKU list by Tuesday, Dec 22, 12pm PT? Otherwise concept C moves to January.

Prototype: https://www.figma.com/proto/Hn3BrightLane/Spring-RedEnvelope""",
    sig="""Hannah
-- 
Hannah Lee | Senior Designer | BrightLane Studio
hannah.lee@brightlane.example.com""",
    exp=dict(subject=S("progress-sync", "Progress Sync", "Spring Festival Campaign Concepts", ["BrightLane"], "Normal"),
             greeting="Hi Jessica,",
             opening="Quick weekly update on the Spring Festival campaign concepts: 2 of 3 concepts are done, the third is waiting for your product list.",
             items=[I("send the SKU list", None, "by Tuesday, Dec 22, 12pm PT", "2026-12-23T04:00:00+08:00", None)],
             signature=SIG("Hannah Lee", None, "Senior Designer", ["hannah.lee@brightlane.example.com"])))

# ---------------------------------------------------------------- settlement spec: escalation by Finance, partial delivery by Hanbit Pay
SUBJ_AM = "[Escalation] Settlement File Spec Sign-off Overdue - Finance/Hanbit Pay - Urgent"
S_AM = S("escalation", "Escalation", "Settlement File Spec Sign-off Overdue", ["Finance", "Hanbit Pay"], "Urgent")

msg(653, "outlook", "en", "original", frm="zhaomin", to=["daniel", "minji"], cc=["wugang", "zhangwei"],
    date="12-14 11:30", subject=SUBJ_AM, us=["zhaomin"],
    text="""Dear Daniel, dear Ms. Choi,

I'm escalating the sign-off of the settlement file specification (item 3 of the Hanbit Pay integration plan), which was due on Dec 11 and is still open.

Timeline:
- Dec 4: draft spec v0.9 sent to Hanbit Pay finance (Ms. Yoon).
- Dec 8: reminder by email; Dec 10: reminder in the weekly call. No comments received.
- Our developers need the final format by Dec 16 to keep the Dec 21 end-to-end test.

Could you please help with:
1. Comments or sign-off on spec v0.9 – owner: Hanbit Pay Finance – by Wednesday, Dec 16, 12:00 KST
2. A named contact in Hanbit Pay Finance for settlement questions – owner: Ms. Choi – same day

I have copied our Finance Director, Mr. Wu Gang. Thank you for your support.""",
    sig="""Zhao Min
Accounts Payable Supervisor | Finance Dept.
Qiheng Technology | Tel: +86 21 6258 3306 ext. 8620""",
    exp=dict(subject=S_AM, greeting="Dear Daniel, dear Ms. Choi,",
             opening="I'm escalating the sign-off of the settlement file specification (item 3 of the Hanbit Pay integration plan), which was due on Dec 11 and is still open.",
             items=[I("Comments or sign-off on spec v0.9", "Hanbit Pay Finance", "by Wednesday, Dec 16, 12:00 KST",
                      "2026-12-16T11:00:00+08:00", None),
                    I("A named contact in Hanbit Pay Finance for settlement questions", "Ms. Choi", "same day",
                      "2026-12-16T23:59:59+08:00", None)],
             closing="I have copied our Finance Director, Mr. Wu Gang. Thank you for your support.",
             signature=SIG("Zhao Min", "Finance Dept.", "Accounts Payable Supervisor", ["Tel: +86 21 6258 3306 ext. 8620"])))

msg(654, "apple-mail", "en", "reply", frm="daniel", to=["zhaomin"], cc=["minji", "wugang", "zhangwei"],
    date="12-15 18:20", subject="Re: " + SUBJ_AM, us=["zhaomin"], parent=653,
    text="""Dear Zhao Min,

Apologies – Ms. Yoon was on leave and the review stalled. Our comments on sections 1-4 of the spec are attached; they are small and shouldn't block your developers.

Section 5 (refund reversal records) needs our risk team, and they have promised their comments by Thursday, Dec 17. Ms. Choi has named Ms. Yoon as the settlement contact from now on.""",
    sig=DANIEL_SIG, attach=[("Settlement_Spec_v0.9_HanbitComments.docx", ["Settlement file spec v0.9 - comments from Hanbit Pay Finance"])],
    exp=dict(subject=S_AM, greeting="Dear Zhao Min,", signature=DANIEL,
             reply=R("partial-delivery", "2026-12-17T23:59:59+08:00", [1, 2])))

# ---------------------------------------------------------------- a vague request and the questions it gets
SUBJ_AN = "Laptops for live-stream team"

msg(655, "outlook-web", "en", "original", frm="qinlang", to=["liuyang"],
    date="12-15 11:50", subject=SUBJ_AN, us=["qinlang"],
    text="""Hi Liu Yang,

We need 5 more laptops for the live-stream team for the New Year sale, ASAP please. Same spec as last time (i7, 32GB, with the OBS setup).

Also can IT help set up a backup 5G router in the studio? Ideally before the end of the month or so.""",
    sig="Thanks!\nQin Lang",
    exp=dict(subject=S(None, None, None, [], None), greeting="Hi Liu Yang,",
             opening="We need 5 more laptops for the live-stream team for the New Year sale, ASAP please.",
             items=[I("5 more laptops for the live-stream team", None, "ASAP", None, "Same spec as last time (i7, 32GB, with the OBS setup)"),
                    I("set up a backup 5G router in the studio", None, "before the end of the month or so", None, None)],
             signature=SIG("Qin Lang", None, None, [])))

msg(656, "thunderbird", "en", "reply", frm="liuyang", to=["qinlang"],
    date="12-15 14:05", subject="Re: " + SUBJ_AN, us=["qinlang"], parent=655, quote="bottom",
    text="""Hi Qin Lang,

sure. Two questions before I order:
1) is "ASAP" this week or before Jan 1? Delivery from our vendor takes 5 working days.
2) which cost centre do the laptops go to, yours or IT's?""",
    sig="Liu Yang",
    exp=dict(subject=S(None, None, None, [], None), greeting="Hi Qin Lang,", signature=SIG("Liu Yang", None, None, []),
             reply=R("question", None, [1])))

# ---------------------------------------------------------------- Outlook in plain-text mode
msg(657, "outlook", "en", "original", frm="sunhao", to=["qinlang"],
    date="12-10 14:00", subject="[Reminder] Rakuten seller agreement signature page - Legal - Urgent", us=["sunhao"],
    fmt={"html": "plain"},
    text="""Qin Lang,

Reminder: to meet item 2 of your request (signed seller agreements, due today 18:00), I still need the signature page signed by our legal representative. Mr. Zheng's assistant says it is on your desk.

Please return the signed page to Legal by COB today, otherwise the Rakuten agreement slips to Monday.""",
    sig="Sun Hao\nLegal Dept. | Ext. 8701",
    exp=dict(subject=S("nudge", "Reminder", "Rakuten seller agreement signature page", ["Legal"], "Urgent"),
             greeting="Qin Lang,",
             opening="Reminder: to meet item 2 of your request (signed seller agreements, due today 18:00), I still need the signature page signed by our legal representative.",
             background=["Mr. Zheng's assistant says it is on your desk."],
             items=[I("return the signed page to Legal", None, "by COB today", "2026-12-10T18:00:00+08:00", None)],
             signature=SIG("Sun Hao", "Legal Dept.", None, ["Ext. 8701"])))

msg(658, "outlook", "en", "reply", frm="zhangwei", to=["daniel"], cc=["zhaomin", "jessica", "wuqiang"],
    date="12-14 16:45", subject="RE: " + SUBJ_G, us=["zhangwei"], parent=532,
    fmt={"html": "plain", "plainquote": "original-message"},
    text="""Hi Daniel,

Weekly sync on the integration:
- Item 2 (payment & refund API): 70% done; refund callbacks pass in sandbox, partial refunds still fail (signature mismatch, investigating).
- Item 3 (settlement file): blocked on your finance team's comments, see Zhao Min's mail from today.
- Item 4 (KR localisation): done, reviewed by a native speaker on Dec 11.

The Dec 21 end-to-end test is still on, provided item 3 is unblocked by Wednesday.""",
    sig="Zhang Wei\nTech Dept. | Backend Lead",
    exp=dict(subject=S_G, greeting="Hi Daniel,", signature=SIG("Zhang Wei", "Tech Dept.", "Backend Lead", []),
             reply=R("sync", None, None)))

# ---------------------------------------------------------------- a Gmail forward that carries the original attachment
msg(659, "gmail", "en", "forward", frm="sarah", to=["ben"],
    date="11-30 09:10", subject="Fwd: " + SUBJ_A, us=["sarah"], parent=500,
    text="""Ben, FYI – this is the brief for the Qiheng landing page. Can you check whether Hannah needs a second pair of hands for the banners next week?""",
    sig="Thanks,\nS.",
    attach=[("Holiday_Campaign_Brief_v1.2.pdf", "Holiday Campaign Brief v1.2 - BrightLane x Qiheng")],
    exp=dict(subject=S_A, signature=SIG("S.", None, None, [])))
