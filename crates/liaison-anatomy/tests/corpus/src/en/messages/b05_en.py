# Batch 5 (580-599): English originals of several kinds, inline and template replies, forwards.
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b01_partners import (SUBJ_A, S_A, SUBJ_B, S_B, SUBJ_D, S_D, AMY_SIG, AMY, LIUYANG_SIG, LIUYANG,
                                   JESSICA_SIG, JESSICA)
from messages.b02_partners import SUBJ_F, S_F, SUBJ_G, S_G, ZW_SIG, ZW

QIHENG_DISCLAIMER = ("This email has been scanned for viruses and malware. IT will never ask for your password by email. "
                     "If you receive an unexpected payment request, do not reply - delay the payment and call the Service Desk on ext. 8999.")

# ---------------------------------------------------------------- APAC loyalty kickoff (OWA, Hong Kong)
SUBJ_U = "[Kickoff] APAC Loyalty Programme Phase 2 - HK/TW/Product - Important"
S_U = S("kickoff", "Kickoff", "APAC Loyalty Programme Phase 2", ["HK", "TW", "Product"], "Important")

msg(580, "outlook-web", "en", "original", frm="leekm", to=["wanglei", "chenzm", "cheungml"], cc=["huangli"],
    date="12-07 09:30", subject=SUBJ_U, us=["leekm"],
    text="""Dear all,

I'm pleased to kick off Phase 2 of the APAC loyalty programme. Please confirm your team's contact person by Wednesday 9 December, 17:00 HKT.

Background: Phase 1 (HK only) went live in September and lifted repeat purchases by 11%. Phase 2 extends the programme to Taiwan and adds tier benefits, with go-live planned for 1 March 2027.

Key actions
a) Tier rules and benefits for TW – Product (Wang Lei) – 18 Dec – approved by the regional GM
b) TW store staff training plan – TW Sales (Chen Chih-ming) – 31 Dec – covers all 23 stores
c) Customer service scripts in Traditional Chinese – HK Customer Service (Cheung Mei-ling) – 8 Jan 2027 – reviewed by Legal

Kick-off call: Thursday 10 December, 14:30-15:30 HKT (Teams). The project charter is attached for reference.

Please reply with your contact person by Wednesday, 17:00 HKT. Many thanks!""",
    sig="""Kind regards,
Carmen Lee
Regional Programme Manager, APAC | Product Dept.
Qiheng Technology (Hong Kong) Limited
T +852 2555 0166 | carmen.lee@hk.qiheng.example.com""",
    attach=[("APAC_Loyalty_Phase2_Charter_v1.0.pdf", "APAC Loyalty Programme Phase 2 - Project Charter v1.0")],
    exp=dict(subject=S_U, greeting="Dear all,",
             opening="I'm pleased to kick off Phase 2 of the APAC loyalty programme. Please confirm your team's contact person by Wednesday 9 December, 17:00 HKT.",
             background=["Phase 1 (HK only) went live in September and lifted repeat purchases by 11%.",
                         "Phase 2 extends the programme to Taiwan and adds tier benefits, with go-live planned for 1 March 2027."],
             items=[I("Tier rules and benefits for TW", "Product (Wang Lei)", "18 Dec", "2026-12-18T23:59:59+08:00",
                      "approved by the regional GM"),
                    I("TW store staff training plan", "TW Sales (Chen Chih-ming)", "31 Dec", "2026-12-31T23:59:59+08:00",
                      "covers all 23 stores"),
                    I("Customer service scripts in Traditional Chinese", "HK Customer Service (Cheung Mei-ling)", "8 Jan 2027",
                      "2027-01-08T23:59:59+08:00", "reviewed by Legal")],
             closing="Please reply with your contact person by Wednesday, 17:00 HKT. Many thanks!",
             signature=SIG("Carmen Lee", "Product Dept.", "Regional Programme Manager, APAC",
                           ["T +852 2555 0166", "carmen.lee@hk.qiheng.example.com"]),
             clean=True))

msg(581, "outlook", "en", "reply", frm="chenzm", to=["leekm"], cc=["wanglei", "cheungml", "huangli"],
    date="12-07 14:10", subject="回覆: " + SUBJ_U, us=["leekm"], parent=580,
    text="""Hi Carmen,

Thanks for kicking this off. I have to push back on item b). Store staff training in Taiwan is organised by TW HR (Ms. Huang), not by Sales; we can provide trainers, but the plan itself should be owned by HR. Also, Dec 31 falls in our busiest season – no store manager can free up time for training planning before the Lunar New Year.

Could we change the owner to TW HR and move the date to Jan 29, 2027?""",
    sig="""Best regards,
陳志明 Chih-ming Chen
台灣業務部 經理 | TW Sales""",
    exp=dict(subject=S_U, greeting="Hi Carmen,", signature=SIG("陳志明 Chih-ming Chen", "台灣業務部", "經理", []),
             reply=R("dispute", None, [2])))

# ---------------------------------------------------------------- BrightLane's result report and retro (Gmail, us = BrightLane)
SARAH_SIG = """-- 
Sarah Mitchell | Creative Director
BrightLane Studio | San Francisco
m: +1 415 555 0142"""
SARAH = SIG("Sarah Mitchell", None, "Creative Director", ["m: +1 415 555 0142"])

msg(582, "gmail", "en", "original", frm="sarah", to=["jessica"], cc=["lina", "hannah"],
    date="12-16 09:00", subject="[Result Report] Holiday Landing Page Launch - BrightLane/Qiheng Intl Business - Normal",
    us=["sarah"],
    text="""Hi Jessica,

The holiday landing page went live on Dec 14 as planned; here is a short report on the first 48 hours. Please confirm the results or flag any concerns within 24 hours, by 5pm PT on Dec 17.

Results vs. goals:
- Add-to-cart rate on promoted bundles: +19% vs. the November baseline (goal: +15%).
- Mobile bounce rate: 38% (goal: under 40%).
- Page load (LCP, mobile): 2.1 s (goal: under 2.5 s).

Thanks to Li Na for the fast copy turnaround in the end, and to your dev team for the smooth release.

Open point:
1. A/B test of the two hero banners – owner: Hannah Lee – results by Dec 21 – standard: at least 20,000 sessions per variant.

The full report is attached. If I don't hear back by then, I'll consider the launch phase closed.""",
    sig="Best,\nSarah\n" + SARAH_SIG, attach=[("Holiday_LP_48h_Report.pdf", "Holiday landing page - first 48 hours")],
    exp=dict(subject=S("result", "Result Report", "Holiday Landing Page Launch", ["BrightLane", "Qiheng Intl Business"], "Normal"),
             greeting="Hi Jessica,",
             opening="The holiday landing page went live on Dec 14 as planned; here is a short report on the first 48 hours. Please confirm the results or flag any concerns within 24 hours, by 5pm PT on Dec 17.",
             background=["Add-to-cart rate on promoted bundles: +19% vs. the November baseline (goal: +15%).", "Mobile bounce rate: 38% (goal: under 40%).", "Page load (LCP, mobile): 2.1 s (goal: under 2.5 s)."],
             items=[I("A/B test of the two hero banners", "Hannah Lee", "by Dec 21", "2026-12-21T23:59:59+08:00",
                      "at least 20,000 sessions per variant")],
             closing="The full report is attached. If I don't hear back by then, I'll consider the launch phase closed.",
             signature=SARAH))

msg(583, "gmail", "en", "original", frm="marco", to=["machao", "hexue"],
    date="12-14 10:00", subject="[Reminder] PO for Spring Festival gift boxes - LumenPack - Important", us=["marco"],
    text="""Hi Ma Chao, hi He Xue,

A friendly reminder: we have not received the purchase order for the 5,000 gift boxes yet. He Xue mentioned it would come by Dec 11.

We are holding a production slot for you until Wednesday, Dec 16, 12:00 CET. Could you send the PO by then? After that the next free slot is in mid-January, which would be too late for the Spring Festival.""",
    sig="""Best regards,
Marco
-- 
Marco Rossi
Key Account Manager | LumenPack S.r.l.
Via Tortona 27, 20144 Milano | +39 02 5555 0177""",
    exp=dict(subject=S("nudge", "Reminder", "PO for Spring Festival gift boxes", ["LumenPack"], "Important"),
             greeting="Hi Ma Chao, hi He Xue,",
             opening="A friendly reminder: we have not received the purchase order for the 5,000 gift boxes yet.",
             items=[I("send the PO", None, "until Wednesday, Dec 16, 12:00 CET", "2026-12-16T19:00:00+08:00", None)],
             closing="After that the next free slot is in mid-January, which would be too late for the Spring Festival.",
             signature=SIG("Marco Rossi", None, "Key Account Manager", ["Via Tortona 27, 20144 Milano", "+39 02 5555 0177"])))

# ---------------------------------------------------------------- CloudKite escalation, confirmation (Thunderbird)
msg(584, "thunderbird", "en", "original", frm="liuyang", to=["priya", "tanwj"],
    cc=["wuqiang", "zhangwei", "support@cloudkite.example.com"],
    date="12-11 10:00", subject="[Escalation] Overdue RFO for OSS latency incident - CloudKite Support - Urgent", us=["liuyang"],
    text="""Hi Priya, Wei Jie,

I'm escalating the RFO for incident CK-2026-114502 because it is now two days overdue and we need it for our management review on Monday.

Timeline:
- Dec 4: root cause shared, RFO promised by Wed 9 Dec.
- Dec 9: I reminded Wei Jie by mail; no reply.
- Dec 10: reminder on the portal; status still "pending".

Needed:
1. the RFO document - owner: CloudKite support (Tan Wei Jie) - by Mon 14 Dec 10:00 SGT
2. confirmation of the SLA service credit for November - owner: Priya Raman (account manager) - by Fri 18 Dec

I've copied our director Wu Qiang. Our management review starts Monday 11:00; without the RFO the incident stays open as "vendor unresolved".""",
    sig="Regards,\n" + LIUYANG_SIG,
    exp=dict(subject=S("escalation", "Escalation", "Overdue RFO for OSS latency incident", ["CloudKite Support"], "Urgent"),
             greeting="Hi Priya, Wei Jie,",
             opening="I'm escalating the RFO for incident CK-2026-114502 because it is now two days overdue and we need it for our management review on Monday.",
             items=[I("the RFO document", "CloudKite support (Tan Wei Jie)", "by Mon 14 Dec 10:00 SGT", "2026-12-14T10:00:00+08:00", None),
                    I("confirmation of the SLA service credit for November", "Priya Raman (account manager)", "by Fri 18 Dec",
                      "2026-12-18T23:59:59+08:00", None)],
             closing="I've copied our director Wu Qiang. Our management review starts Monday 11:00; without the RFO the incident stays open as \"vendor unresolved\".",
             signature=LIUYANG))

msg(585, "thunderbird", "en", "auto-reply", frm="tom", to=["machao"],
    date="12-10 10:41", subject="Re: " + SUBJ_B, us=["machao"], parent=508, quote="none",
    text="""Thank you for your e-mail. I am at a trade fair in Munich from 8 to 11 December with limited access to my mailbox. I will reply after my return on Monday, 14 December.

For urgent matters please contact our sales office: +49 89 5550 1000, sales@nordhaus.example.net.""",
    sig="Tom Becker\nNordhaus Sensorik GmbH",
    exp=dict(subject=S_B, signature=SIG("Tom Becker", None, None, []), reply=R("auto-reply", None, None)))

# ---------------------------------------------------------------- weekly status with a table (Outlook)
msg(586, "outlook", "en", "original", frm="jessica", to=["sarah", "hannah", "lina", "luxin"], cc=["fangyu"],
    date="12-10 18:00", subject="[Progress Sync] US Holiday Campaign - Intl Business/Marketing/BrightLane - Normal",
    us=["jessica"], fmt={"logo": True, "logo_alt": "Qiheng Technology"},
    text="""Hi all,

Here is the weekly status of the US holiday campaign: one item done, one overdue, two in progress. Launch on Dec 14 is still possible if the copy arrives by Thursday noon.

| Item | Owner | Status | Due |
| Landing page mockups | BrightLane (Sarah) | Done, confirmed Dec 3 | – |
| Hero banner set | BrightLane (Hannah) | Delayed, photos arrived late | Dec 10, 12pm PT |
| Copy proofreading | Marketing (Li Na) | Overdue since Dec 9 | Dec 10, 12:00 Beijing time |
| Dev build on staging | Web team (Lu Xin) | In progress, 60% | Dec 12 |

Risk: if the copy slips past Thursday, the dev team needs the weekend and we would launch on Dec 15 instead.

Next update on Monday, Dec 14 (launch day).""",
    sig=JESSICA_SIG,
    exp=dict(subject=S("progress-sync", "Progress Sync", "US Holiday Campaign", ["Intl Business", "Marketing", "BrightLane"], "Normal"),
             greeting="Hi all,",
             opening="Here is the weekly status of the US holiday campaign: one item done, one overdue, two in progress. Launch on Dec 14 is still possible if the copy arrives by Thursday noon.",
             items=[I("Hero banner set", "BrightLane (Hannah)", "Dec 10, 12pm PT", "2026-12-11T04:00:00+08:00", None),
                    I("Copy proofreading", "Marketing (Li Na)", "Dec 10, 12:00 Beijing time", "2026-12-10T12:00:00+08:00", None),
                    I("Dev build on staging", "Web team (Lu Xin)", "Dec 12", "2026-12-12T23:59:59+08:00", None)],
             closing="Next update on Monday, Dec 14 (launch day).", signature=JESSICA))

msg(587, "outlook-web", "en", "reply", frm="amylin", to=["michael"], cc=["kevin", "olivia", "zhangwei"],
    date="12-09 09:30", subject="RE: " + SUBJ_D, us=["amylin", "kevin"], parent=518,
    text="""Hi Michael,

A quick update on the permanent fix for the POS sync issue: it was deployed in last night's maintenance window (Dec 8, 22:00-23:30 ET) and all 14 stores have been syncing normally since. We're keeping extra monitoring on your tenant for 48 hours; I'll send the final confirmation on Thursday.""",
    sig=AMY_SIG,
    exp=dict(subject=S_D, greeting="Hi Michael,", signature=AMY, reply=R("sync", None, None)))

# ---------------------------------------------------------------- escalation by the agency, delivery by Marketing
msg(588, "gmail", "en", "reply", frm="sarah", to=["jessica", "fangyu"], cc=["lina", "ben"],
    date="12-10 17:00", subject="Re: [Follow-up] Holiday Campaign Copy Proofreading - Marketing - Important",
    us=["sarah"], parent=539,
    text="""Hi Jessica, hi Fang Yu,

I'm sorry to escalate this, but the proofread English copy (item 3 of the brief) is now two days late and we haven't had a reply to my reminder below. Without the final copy our developers can't finish the page, and the Dec 14 launch is at risk.

Timeline:
- Nov 30: brief sent, item 3 owner Li Na, due Dec 9, 18:00 Beijing time.
- Dec 10: reminder sent, new date requested (Dec 10 noon Beijing time) – no reply.

Could you help us get the proofread copy or a firm date by Friday, Dec 11, 10am Beijing time? If it helps, Hannah can do a first proofread on our side and Li Na only approves.

I've copied Ben, our account director, for visibility.""",
    sig="Thanks,\nSarah\n" + SARAH_SIG,
    exp=dict(subject=S("nudge", "Follow-up", "Holiday Campaign Copy Proofreading", ["Marketing"], "Important"),
             greeting="Hi Jessica, hi Fang Yu,",
             signature=SARAH, reply=R("escalation", None, [3])))

msg(589, "outlook", "en", "reply", frm="lina", to=["sarah", "jessica"], cc=["fangyu", "ben"],
    date="12-11 09:20", subject="RE: [Follow-up] Holiday Campaign Copy Proofreading - Marketing - Important",
    us=["sarah"], parent=588,
    text="""Hi Sarah, hi Jessica,

Sorry for the delay – I was at the Double 12 live-stream rehearsals all week and missed the reminder.

The proofread copy is now in the shared doc with tracked changes: https://docs.qiheng.example.com/d/holiday-lp-copy-en?mode=suggest

Main changes: the headline is shortened to fit the mobile hero, and all prices now use "US$". Please go ahead with the build.""",
    sig="""Li Na
Marketing Dept. | Brand Manager
Tel: 021-6258 3306 ext. 8102""",
    exp=dict(subject=S("nudge", "Follow-up", "Holiday Campaign Copy Proofreading", ["Marketing"], "Important"),
             greeting="Hi Sarah, hi Jessica,",
             signature=SIG("Li Na", "Marketing Dept.", "Brand Manager", ["Tel: 021-6258 3306 ext. 8102"]),
             reply=R("delivery", None, [3])))

# ---------------------------------------------------------------- QBR numbers: a sloppy mobile request and its answers
SUBJ_V = "Need numbers for Redwood QBR by Thu"
msg(590, "apple-mail", "en", "original", frm="kevin", to=["amylin", "zhangwei"],
    date="12-07 08:15", subject=SUBJ_V, us=["kevin"], fmt={"iphone": True},
    text="""Amy, Zhang Wei –

Redwood QBR is next Friday (Dec 18). Can you send me by Thu EOD:
- ticket stats for Q4 (volume, avg resolution time, SLA breaches) – Amy
- uptime numbers for their tenant + RCA summary of the POS sync incident – Zhang Wei

1-2 slides each is fine, I'll merge. Thx!""",
    sig="Kevin", mobile="Sent from my iPhone",
    exp=dict(subject=S(None, None, None, [], None), greeting="Amy, Zhang Wei –",
             opening="Redwood QBR is next Friday (Dec 18).",
             items=[I("ticket stats for Q4 (volume, avg resolution time, SLA breaches)", "Amy", "by Thu EOD",
                      "2026-12-10T18:00:00+08:00", "1-2 slides each"),
                    I("uptime numbers for their tenant + RCA summary of the POS sync incident", "Zhang Wei", "by Thu EOD",
                      "2026-12-10T18:00:00+08:00", "1-2 slides each")],
             closing="1-2 slides each is fine, I'll merge. Thx!", signature=SIG("Kevin", None, None, [])))

msg(591, "outlook-web", "en", "reply", frm="amylin", to=["kevin"], cc=["zhangwei"],
    date="12-09 16:00", subject="RE: " + SUBJ_V, us=["kevin"], parent=590,
    text="""Hi Kevin,

Attached are the two slides with the Q4 ticket stats for Redwood (volume, average resolution time, SLA breaches). Numbers are up to Dec 8.

Let me know if you need the raw data.""",
    sig="Amy", attach=[("Redwood_Q4_Support_Stats.pptx", None)],
    exp=dict(subject=S(None, None, None, [], None), greeting="Hi Kevin,", signature=SIG("Amy", None, None, []),
             reply=R("delivery", None, [1])))

msg(592, "outlook", "en", "reply", frm="zhangwei", to=["kevin"], cc=["amylin"],
    date="12-10 11:30", subject="RE: " + SUBJ_V, us=["kevin"], parent=590,
    text="""Kevin,

The uptime numbers are ready, but the RCA summary needs a check by Legal first – Redwood may use it in their contract discussion. I can't get it back by Thursday; I'll send both slides by Monday, Dec 14, 12:00. That still leaves you 4 days before the QBR – OK?""",
    sig="Zhang Wei",
    exp=dict(subject=S(None, None, None, [], None), greeting="Kevin,", signature=SIG("Zhang Wei", None, None, []),
             reply=R("delay", "2026-12-14T12:00:00+08:00", [2])))

msg(593, "thunderbird", "en", "original", frm="liuyang", to=["tanwj", "priya"], cc=["wuqiang"],
    date="12-15 10:00", subject="[Confirmation] OSS latency incident CK-2026-114502 - IT Ops - Normal", us=["liuyang"],
    text="""Hi Wei Jie, hi Priya,

confirming that we received the RFO for CK-2026-114502 on Dec 14 and it covers everything our management asked for: timeline, root cause, the throttling fix and the monitoring you added. The incident is closed on our side.

One thing is still open: the SLA service credit for November (item 2 of my mail from Dec 11). Please send the credit note by Fri 18 Dec.

Thanks for the help getting this resolved.""",
    sig="Regards,\n" + LIUYANG_SIG,
    exp=dict(subject=S("confirmation", "Confirmation", "OSS latency incident CK-2026-114502", ["IT Ops"], "Normal"),
             greeting="Hi Wei Jie, hi Priya,",
             opening="confirming that we received the RFO for CK-2026-114502 on Dec 14 and it covers everything our management asked for: timeline, root cause, the throttling fix and the monitoring you added.",
             items=[I("send the credit note", None, "by Fri 18 Dec", "2026-12-18T23:59:59+08:00", None)],
             closing="Thanks for the help getting this resolved.", signature=LIUYANG))

msg(594, "gmail", "en", "original", frm="sarah", to=["jessica", "lina"], cc=["hannah"],
    date="12-17 10:00", subject="[Retrospective] Holiday Landing Page - BrightLane/Qiheng Intl Business - Normal", us=["sarah"],
    text="""Hi Jessica, hi Li Na,

Now that the page is live, here's a short retro of our collaboration so we can do better on the Spring campaign. Please add anything I missed by Monday, Dec 21.

What went well: mockups a day early, fast feedback from Jessica, launch on the planned date.

What slipped:
- Hero banners: 2 days late, because the bundle photos reached us late (no owner for the photo shoot in the brief).
- Copy proofreading: 2 days late; the reminder went to Li Na only and got lost during Double 12.

Improvements:
1. Every input we depend on (photos, copy, SKU list) gets an owner and a date in the brief – owner: Jessica Chen – from the Spring campaign brief on.
2. Reminders go to the owner and cc the project lead – owner: Sarah Mitchell – starting now.
3. Shared tracker in Sheets instead of status mails – owner: Hannah Lee – set up by Jan 8.

Thanks both – it was a good launch in the end!""",
    sig="Sarah\n" + SARAH_SIG,
    exp=dict(subject=S("retrospective", "Retrospective", "Holiday Landing Page", ["BrightLane", "Qiheng Intl Business"], "Normal"),
             greeting="Hi Jessica, hi Li Na,",
             opening="Now that the page is live, here's a short retro of our collaboration so we can do better on the Spring campaign. Please add anything I missed by Monday, Dec 21.",
             background=["mockups a day early, fast feedback from Jessica, launch on the planned date.", "Hero banners: 2 days late, because the bundle photos reached us late (no owner for the photo shoot in the brief).", "Copy proofreading: 2 days late; the reminder went to Li Na only and got lost during Double 12."],
             items=[I("Every input we depend on (photos, copy, SKU list) gets an owner and a date in the brief", "Jessica Chen",
                      "from the Spring campaign brief on", None, None),
                    I("Reminders go to the owner and cc the project lead", "Sarah Mitchell", "starting now", None, None),
                    I("Shared tracker in Sheets instead of status mails", "Hannah Lee", "by Jan 8", "2027-01-08T23:59:59+08:00", None)],
             closing="Thanks both – it was a good launch in the end!", signature=SARAH))

# ---------------------------------------------------------------- phishing alert and a logo-only acknowledgement
SUBJ_W = "[Issue] CEO Impersonation Phishing - IT Security/All Departments - Urgent"
S_W = S("issue", "Issue", "CEO Impersonation Phishing", ["IT Security", "All Departments"], "Urgent")

msg(595, "outlook", "en", "original", frm="dengchao", to=["huangli", "fangyu", "wuqiang", "zhaomin", "gaofeng", "zhouting"],
    date="12-03 10:00", subject=SUBJ_W, us=["dengchao"], disclaimer=QIHENG_DISCLAIMER,
    text="""Dear all,

IT Security has seen a wave of phishing emails impersonating our CEO since this morning; please make sure nobody in your department acts on them, and confirm to me by today 17:00.

What happened: since 08:40 today, at least 37 colleagues received emails from "zhenghua.ceo@qiheng-mail.example.net" (note: not our domain) asking them to buy gift cards urgently. Two colleagues in Finance replied before the warning went out; no money was transferred.

Actions:
1. Block the sender domain and similar look-alike domains at the gateway – Owner: IT Security (Deng Chao) – Due: today 12:00 – Standard: gateway rule active, test mail rejected.
2. Remind your team in person not to reply, click or forward – Owner: each department head – Due: today 17:00 – Standard: reply to this mail with "done".
3. Report any further suspicious mail to security@qiheng.example.com – Owner: all colleagues – Due: ongoing.

Please do not forward the phishing emails themselves to external addresses.""",
    sig="""Deng Chao
IT Security | Information Technology Dept.
Ext. 8999 | security@qiheng.example.com""",
    exp=dict(subject=S_W, greeting="Dear all,",
             opening="IT Security has seen a wave of phishing emails impersonating our CEO since this morning; please make sure nobody in your department acts on them, and confirm to me by today 17:00.",
             background=["since 08:40 today, at least 37 colleagues received emails from \"zhenghua.ceo@qiheng-mail.example.net\" (note: not our domain) asking them to buy gift cards urgently.",
                         "Two colleagues in Finance replied before the warning went out; no money was transferred."],
             items=[I("Block the sender domain and similar look-alike domains at the gateway", "IT Security (Deng Chao)",
                      "today 12:00", "2026-12-03T12:00:00+08:00", "gateway rule active, test mail rejected"),
                    I("Remind your team in person not to reply, click or forward", "each department head", "today 17:00",
                      "2026-12-03T17:00:00+08:00", "reply to this mail with \"done\""),
                    I("Report any further suspicious mail to security@qiheng.example.com", "all colleagues", "ongoing", None, None)],
             closing="Please do not forward the phishing emails themselves to external addresses.",
             signature=SIG("Deng Chao", "Information Technology Dept.", None, ["Ext. 8999", "security@qiheng.example.com"])))

msg(596, "outlook", "en", "reply", frm="huangli", to=["dengchao"],
    date="12-03 10:25", subject="RE: " + SUBJ_W, us=["dengchao"], parent=595,
    text="Noted with thanks.", disclaimer=QIHENG_DISCLAIMER, fmt={"logo": True, "logo_alt": "Qiheng Technology"},
    sig="""Huang Li 黄丽
Director, Product Dept.
Qiheng Technology | Ext. 8200""",
    exp=dict(subject=S_W, signature=SIG("Huang Li 黄丽", "Product Dept.", "Director", ["Ext. 8200"]),
             reply=R("acknowledgement", None, None)))

msg(597, "outlook-web", "en", "original", frm="qinlang", to=["fangyu", "wuqiang", "amylin", "xiaoyu"], cc=["huangli"],
    date="12-14 11:00", subject="[Result Sync] Double 12 Campaign Results - E-commerce Ops - Normal", us=["qinlang"],
    text="""Hi all,

Sharing the Double 12 results for our Tmall and JD stores – overall GMV beat the target by 8%. Please check the numbers for your area and send me any corrections by Wednesday, Dec 16, 12:00.

Results (Dec 10-12):
- GMV: RMB 12.96M vs. target 12.0M (+8%)
- Conversion rate: 4.1% vs. 3.5%
- Refund rate: 2.3% vs. 3.0% limit

What didn't go well: the live-stream on Dec 12 lost 40 minutes because of a stream key mix-up, and the coupon stacking rule let 312 orders go below cost.

Follow-ups:
1. Root cause and fix for the coupon stacking rule – Owner: Tech Dept (Lu Xin) – Due: Dec 18 – Standard: rule tested with the 5 stacking cases from the post-mortem
2. Stream key handover checklist – Owner: Marketing (Xiao Yu) – Due: Dec 17

Data sheet attached. Thanks everyone for the three long nights!""",
    sig="""Qin Lang
E-commerce Operations | Qiheng Technology
Tel: 021-6258 3306 ext. 8511""",
    attach=[("Double12_Results_Dec10-12.xlsx", [["Store", "GMV (RMB)", "CVR", "Refund rate"], ["Tmall", "8,120,000", "4.3%", "2.1%"],
                                                 ["JD", "4,840,000", "3.8%", "2.6%"]])],
    exp=dict(subject=S("result", "Result Sync", "Double 12 Campaign Results", ["E-commerce Ops"], "Normal"),
             greeting="Hi all,",
             opening="Sharing the Double 12 results for our Tmall and JD stores – overall GMV beat the target by 8%. Please check the numbers for your area and send me any corrections by Wednesday, Dec 16, 12:00.",
             background=["GMV: RMB 12.96M vs. target 12.0M (+8%)", "Conversion rate: 4.1% vs. 3.5%", "Refund rate: 2.3% vs. 3.0% limit", "the live-stream on Dec 12 lost 40 minutes because of a stream key mix-up, and the coupon stacking rule let 312 orders go below cost."],
             items=[I("Root cause and fix for the coupon stacking rule", "Tech Dept (Lu Xin)", "Dec 18", "2026-12-18T23:59:59+08:00",
                      "rule tested with the 5 stacking cases from the post-mortem"),
                    I("Stream key handover checklist", "Marketing (Xiao Yu)", "Dec 17", "2026-12-17T23:59:59+08:00", None)],
             closing="Data sheet attached. Thanks everyone for the three long nights!",
             signature=SIG("Qin Lang", "E-commerce Operations", None, ["Tel: 021-6258 3306 ext. 8511"])))

# ---------------------------------------------------------------- an inline reply (Gmail) and a forward (Apple Mail)
msg(598, "gmail", "en", "reply", frm="kenji", to=["songjia"], cc=["yuki", "machao"],
    date="12-10 09:00", subject="Re: " + SUBJ_F, us=["songjia"], parent=528, quote="inline",
    text="""Dear Song-san,

Sorry for my late reply. Please see my answers below.""",
    inline=[("q", "- Item 1 (receiving slot) is still open. Mori-san is travelling until Dec 9, so I'll check with him on Thursday."),
            ("a", "Receiving slot confirmed: Dec 16, 13:00-17:00 JST, dock 4. Please ask the trucking company to call 30 minutes before arrival."),
            ("q", "Next update from me on Wednesday, Dec 9."),
            ("a", "Could you also send the container and seal numbers by Dec 14? We need them for the bonded entry.")],
    sig="Best regards,\nKenji Mori\nSakura Logistics Co., Ltd. | Osaka Bonded Warehouse",
    exp=dict(subject=S_F, greeting="Dear Song-san,", signature=SIG("Kenji Mori", "Osaka Bonded Warehouse", None, []),
             reply=R("delivery", None, [1])))

msg(599, "apple-mail", "en", "forward", frm="daniel", to=["onboarding@hanbit-pay.example.com"],
    date="12-01 11:40", subject="Fwd: " + SUBJ_G, us=["daniel"], parent=529,
    text="""Hi team,

See below – Qiheng is our new merchant for cross-border checkout. Their KYC package should arrive this week; please prioritise the review so we can issue the sandbox keys within 2 business days after approval.""",
    sig="Thanks,\nDaniel",
    exp=dict(subject=S_G, greeting="Hi team,", signature=SIG("Daniel", None, None, [])))
