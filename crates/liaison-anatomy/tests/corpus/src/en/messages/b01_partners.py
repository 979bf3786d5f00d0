# Batch 1 (500-519): English threads with overseas partners and a customer.
from corpus_en.model import msg, ghost, S, I, SIG, R

CONF = ("CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be legally privileged. "
        "If you are not the intended recipient, please notify the sender immediately and delete this e-mail. "
        "Any unauthorised use, disclosure or copying is strictly prohibited.")

# ---------------------------------------------------------------- thread A: holiday landing page
JESSICA_SIG = """Best regards,
Jessica Chen
International Business Dept. | Qiheng Technology
Tel: +86 21 6258 3306 ext. 8120 | jessica.chen@qiheng.example.com"""
JESSICA = SIG("Jessica Chen", "International Business Dept.", None,
              ["Tel: +86 21 6258 3306 ext. 8120", "jessica.chen@qiheng.example.com"])
SUBJ_A = "[Request] Holiday Campaign Landing Page - BrightLane Design - Urgent"
S_A = S("request", "Request", "Holiday Campaign Landing Page", ["BrightLane Design"], "Urgent")

msg(500, "outlook", "en", "original", frm="jessica", to=["sarah"], cc=["hannah", "lina"],
    date="11-30 10:20", subject=SUBJ_A, us=["jessica"],
    text="""Hi Sarah,

I'm writing to request the holiday campaign landing page designs from BrightLane; the first mockups are needed by Thursday, Dec 3, 10am PT.

Background: our US web store runs a Christmas promotion from Dec 14 to Dec 27. The goal is a landing page that lifts the add-to-cart rate on the promoted bundles by 15%.

Requests:
1. Desktop and mobile mockups of the landing page. Owner: Sarah Mitchell (BrightLane). Due: Thursday, Dec 3, 10am PT. Standard: Figma link, both breakpoints, copy from the attached brief.
2. Hero banner set in 3 sizes (1920x600, 1200x628, 1080x1080). Owner: Hannah Lee (BrightLane). Due: Tuesday, Dec 8, 5pm PT. Standard: PNG and layered PSD, brand colours per guideline v2.3.
3. Final proofreading of the English copy. Owner: Li Na (Qiheng Marketing). Due: Wednesday, Dec 9, 18:00 Beijing time. Standard: tracked changes in the shared doc.

Attachment: Holiday_Campaign_Brief_v1.2.pdf - the campaign brief with the copy, the product list and the brand guideline.

Please confirm the owners and dates by 5pm PT today (Nov 30). If I don't hear back, I'll assume the plan above works for you.""",
    sig=JESSICA_SIG, fmt={"logo": True, "logo_alt": "Qiheng Technology"},
    attach=[("Holiday_Campaign_Brief_v1.2.pdf", "Holiday Campaign Brief v1.2 - BrightLane x Qiheng")],
    exp=dict(subject=S_A, greeting="Hi Sarah,",
             opening="I'm writing to request the holiday campaign landing page designs from BrightLane; the first mockups are needed by Thursday, Dec 3, 10am PT.",
             background=["our US web store runs a Christmas promotion from Dec 14 to Dec 27.",
                         "The goal is a landing page that lifts the add-to-cart rate on the promoted bundles by 15%."],
             items=[I("Desktop and mobile mockups of the landing page", "Sarah Mitchell (BrightLane)",
                      "Thursday, Dec 3, 10am PT", "2026-12-04T02:00:00+08:00",
                      "Figma link, both breakpoints, copy from the attached brief"),
                    I("Hero banner set in 3 sizes (1920x600, 1200x628, 1080x1080)", "Hannah Lee (BrightLane)",
                      "Tuesday, Dec 8, 5pm PT", "2026-12-09T09:00:00+08:00",
                      "PNG and layered PSD, brand colours per guideline v2.3"),
                    I("Final proofreading of the English copy", "Li Na (Qiheng Marketing)",
                      "Wednesday, Dec 9, 18:00 Beijing time", "2026-12-09T18:00:00+08:00",
                      "tracked changes in the shared doc")],
             closing="Please confirm the owners and dates by 5pm PT today (Nov 30). If I don't hear back, I'll assume the plan above works for you.",
             signature=JESSICA, clean=True))

msg(501, "gmail", "en", "reply", frm="sarah", to=["jessica"], cc=["hannah", "lina"],
    date="11-29 20:05", subject="Re: " + SUBJ_A, us=["jessica"], parent=500,
    text="""Hi Jessica,

Thanks for the detailed brief! Quick question before we lock the dates: for item 2, do you need the 1080x1080 version for Instagram only, or should it also work as a WeChat Moments ad? The safe area is different, so it changes the layout.

Also, is the product list in the brief final, or could SKUs still change after Dec 3?""",
    sig="""Thanks,
Sarah

Sarah Mitchell | Creative Director
BrightLane Studio | San Francisco
m: +1 415 555 0142""",
    exp=dict(subject=S_A, greeting="Hi Jessica,",
             signature=SIG("Sarah Mitchell", None, "Creative Director", ["m: +1 415 555 0142"]),
             reply=R("question", None, [2])))

ghost("gA1", "outlook", "en", "reply", frm="jessica", to=["sarah"], cc=["hannah", "lina"],
      date="11-30 14:30", subject="RE: " + SUBJ_A, parent=501,
      text="""Hi Sarah,

1080x1080 is for Instagram only; WeChat is handled by our Shanghai team. The product list is final except for the gift-card SKU, which we will confirm by Dec 2.""",
      sig="Best,\nJessica")

msg(502, "gmail", "en", "reply", frm="sarah", to=["jessica"], cc=["hannah", "lina"],
    date="12-02 17:40", subject="Re: " + SUBJ_A, us=["jessica"], parent="gA1",
    text="""Hi Jessica,

The desktop and mobile mockups (item 1) are ready, a day early: https://www.figma.com/design/Qh7xBrightLane/Holiday-LP-2026?node-id=12-3

Hannah is working on the banner set (item 2) and we're still on track for Tuesday 5pm PT. I'll send the PSDs in a separate mail because they're large.

Let me know if anything in the mockups needs another pass.""",
    sig="Thanks,\nSarah",
    exp=dict(subject=S_A, greeting="Hi Jessica,", signature=SIG("Sarah", None, None, []),
             reply=R("partial-delivery", "2026-12-09T09:00:00+08:00", [1, 2])))

msg(503, "outlook", "en", "reply", frm="jessica", to=["sarah"], cc=["hannah", "lina"],
    date="12-03 10:15", subject="RE: " + SUBJ_A, us=["jessica"], parent=502,
    text="""Hi Sarah,

Thanks - we reviewed the mockups this morning. Both breakpoints look good and the copy matches the brief, so item 1 is confirmed as delivered. Two small notes for the next round: please use the darker red (#B3122E) on the CTA button and move the free-shipping badge above the fold on mobile.

Looking forward to the banner set on Tuesday.""",
    sig=JESSICA_SIG, fmt={"logo": True, "logo_alt": "Qiheng Technology"},
    exp=dict(subject=S_A, greeting="Hi Sarah,", signature=JESSICA,
             reply=R("confirmation", None, [1])))

msg(504, "gmail", "en", "reply", frm="hannah", to=["jessica"], cc=["sarah", "lina"],
    date="12-07 11:20", subject="Re: " + SUBJ_A, us=["jessica"], parent=503,
    text="""Hi Jessica,

I'm afraid the banner set won't make tomorrow's 5pm PT deadline. The product photos for the two new gift bundles only reached us this morning (they were stuck with the photographer), and retouching them properly takes about a day and a half.

Could we move item 2 to Thursday, Dec 10, 12pm PT? I can still send the 1920x600 banner by tomorrow 5pm PT as planned, if that helps your dev team get started.

Sorry for the short notice.""",
    sig="""Best,
Hannah Lee
Senior Designer | BrightLane Studio""",
    exp=dict(subject=S_A, greeting="Hi Jessica,",
             signature=SIG("Hannah Lee", None, "Senior Designer", []),
             reply=R("delay", "2026-12-11T04:00:00+08:00", [2])))

# ---------------------------------------------------------------- thread B: Nordhaus sensor samples
SUBJ_B = "[Issue] NH-200 Sensor Samples Failed Inspection - Supply Chain Dept/Nordhaus - Urgent"
S_B = S("issue", "Issue", "NH-200 Sensor Samples Failed Inspection", ["Supply Chain Dept", "Nordhaus"], "Urgent")
MACHAO_SIG = """Best regards

Ma Chao
Supply Chain Dept. | Supplier Quality Engineer
Qiheng Technology Co., Ltd.
Tel: +86 512 6688 2301 ext. 315
Mobile/WeChat: +86 139 1234 5678"""
MACHAO = SIG("Ma Chao", "Supply Chain Dept.", "Supplier Quality Engineer",
             ["Tel: +86 512 6688 2301 ext. 315", "Mobile/WeChat: +86 139 1234 5678"])

msg(505, "outlook", "en", "original", frm="machao", to=["tom"], cc=["lukas", "zhangwei"],
    date="12-01 16:30", subject=SUBJ_B, us=["machao"],
    text="""Dear Tom,

The 50 pcs NH-200 pressure sensor samples (PO 4500018832) failed our incoming inspection on Nov 30; we need your root-cause analysis by Friday Dec 4, 18:00 CET.

Problem description:
- 11 of 50 samples show zero-point drift above ±0.5% FS after 24h burn-in (spec: ±0.25% FS).
- Found by our IQC team on Nov 30, inspection report attached.
- Impact: the pilot run of the HX-3 controller (planned Dec 14) is blocked. If no replacement arrive before Dec 11, pilot run will be delay at least 2 weeks.

What we have done: re-tested the 11 samples on a second test bench on Dec 1 morning, same result. The remaining 39 pcs are OK.

Action items:
1) Root-cause analysis (8D, at least D1-D4) – owner: Tom Becker / Nordhaus QA – due: Fri Dec 4, 18:00 CET – standard: failure analysis on 3 returned samples, containment action stated
2) Replacement batch of 50 pcs – owner: Nordhaus logistics (via Tom) – due: ship by Wed Dec 9 (arrival Suzhou Dec 11 latest) – standard: 100% burn-in tested, test records attached to delivery
3) Return shipment of the 11 failed samples – owner: Ma Chao (Qiheng Supply Chain) – due: Dec 2 – standard: DHL tracking number sent to Tom

Attachments: IQC_Report_NH200_20261130.pdf (inspection data of all 50 samples).

Please reply today if the dates are not feasible, otherwise we assume they are OK. If item 1 is not received by Dec 4 we will escalate to both management.""",
    sig=MACHAO_SIG, disclaimer=CONF,
    attach=[("IQC_Report_NH200_20261130.pdf", "IQC report NH-200 samples, PO 4500018832")],
    exp=dict(subject=S_B, greeting="Dear Tom,",
             opening="The 50 pcs NH-200 pressure sensor samples (PO 4500018832) failed our incoming inspection on Nov 30; we need your root-cause analysis by Friday Dec 4, 18:00 CET.",
             background=["11 of 50 samples show zero-point drift above ±0.5% FS after 24h burn-in (spec: ±0.25% FS).",
                         "Found by our IQC team on Nov 30, inspection report attached.",
                         "Impact: the pilot run of the HX-3 controller (planned Dec 14) is blocked.",
                         "If no replacement arrive before Dec 11, pilot run will be delay at least 2 weeks."],
             items=[I("Root-cause analysis (8D, at least D1-D4)", "Tom Becker / Nordhaus QA", "Fri Dec 4, 18:00 CET",
                      "2026-12-05T01:00:00+08:00", "failure analysis on 3 returned samples, containment action stated"),
                    I("Replacement batch of 50 pcs", "Nordhaus logistics (via Tom)", "ship by Wed Dec 9",
                      "2026-12-09T23:59:59+08:00", "100% burn-in tested, test records attached to delivery"),
                    I("Return shipment of the 11 failed samples", "Ma Chao (Qiheng Supply Chain)", "Dec 2",
                      "2026-12-02T23:59:59+08:00", "DHL tracking number sent to Tom")],
             closing="Please reply today if the dates are not feasible, otherwise we assume they are OK. If item 1 is not received by Dec 4 we will escalate to both management.",
             signature=MACHAO))

TOM_SIG = """Kind regards
Tom
-- 
Tom Becker
Key Account Manager Asia
Nordhaus Sensorik GmbH, München
T +49 89 5550 1234 | M +49 170 5550 987"""
TOM = SIG("Tom Becker", None, "Key Account Manager Asia", ["T +49 89 5550 1234", "M +49 170 5550 987"])

msg(506, "thunderbird", "en", "reply", frm="tom", to=["machao"], cc=["lukas", "zhangwei"],
    date="12-01 11:48", subject="Re: " + SUBJ_B, us=["machao"], parent=505,
    text="""Hello Ma Chao,

thank you for the detailed report, and sorry for the trouble.

Our QA lab will analyse the samples as soon as they arrive. You will have the 8D report (D1-D4) on Friday before 18:00 CET as requested.""",
    sig=TOM_SIG,
    exp=dict(subject=S_B, greeting="Hello Ma Chao,", signature=TOM,
             reply=R("promise", "2026-12-05T01:00:00+08:00", [1])))

ghost("gB1", "outlook", "en", "reply", frm="machao", to=["tom"], cc=["lukas", "zhangwei"],
      date="12-02 15:10", subject="RE: " + SUBJ_B, parent=506,
      text="""Hi Tom,

Thanks. The 11 samples left today with DHL, AWB 7730 4412 96.""",
      sig="Regards,\nMa Chao")

msg(507, "thunderbird", "en", "reply", frm="tom", to=["machao"], cc=["lukas", "zhangwei"],
    date="12-04 17:05", subject="Re: " + SUBJ_B, us=["machao"], parent="gB1",
    text="""Hello Ma Chao,

please find attached the 8D report (D1-D4) for the NH-200 drift issue. Short version: our supplier changed the adhesive curing profile in October; the affected lot is 2641, containment is in place since yesterday.

The replacement batch is in burn-in now. It will ship on Tuesday, Dec 8, and should arrive in Suzhou on Dec 10 (DHL Express). Test records will be in the box and I'll email them too.""",
    sig=TOM_SIG, attach=[("8D_Report_NH200_D1-D4.pdf", "8D Report NH-200 zero-point drift D1-D4")],
    exp=dict(subject=S_B, greeting="Hello Ma Chao,", signature=TOM,
             reply=R("partial-delivery", "2026-12-08T23:59:59+08:00", [1, 2])))

ghost("gB2", "thunderbird", "en", "reply", frm="tom", to=["machao"], cc=["lukas", "zhangwei"],
      date="12-09 16:20", subject="Re: " + SUBJ_B, parent=507,
      text="""Hello Ma Chao,

bad news: the shipment is held by customs in Frankfurt. New ETA Suzhou is Dec 14. I am sorry, we are working on it.""",
      sig="Kind regards\nTom")

msg(508, "outlook", "en", "reply", frm="machao", to=["tom", "weber"], cc=["lukas", "gaofeng", "zhangwei"],
    date="12-10 17:40", subject="RE: " + SUBJ_B, us=["machao"], parent="gB2",
    text="""Dear Tom, dear Ms. Weber,

I'm escalating the NH-200 replacement batch to both managements, because the new arrival date (Dec 14) means our HX-3 pilot run cannot start as planned.

Timeline so far:
- Dec 1: samples failed IQC, issue raised with 3 action items.
- Dec 4: 8D report received on time – thank you.
- Dec 8: batch should ship, promised arrival Suzhou Dec 10.
- Dec 9: shipment held by customs in Frankfurt, new ETA Dec 14.

What we need:
1. A confirmed delivery date for the 50 pcs, with the customs documents – owner: Nordhaus (Tom Becker) – by Friday Dec 11, 12:00 CET.
2. A decision whether 20 pcs can go by a second courier to reach us by Dec 12 – owner: Ms. Weber – by the same time.

I have copied Mr. Gao Feng (our Supply Chain Director) and Mr. Zhang Wei (R&D) so they can adjust the pilot plan.""",
    sig=MACHAO_SIG, disclaimer=CONF,
    exp=dict(subject=S_B, greeting="Dear Tom, dear Ms. Weber,",
             signature=MACHAO, reply=R("escalation", None, [2])))

msg(509, "outlook", "en", "reply", frm="lukas", to=["machao"], cc=["tom", "weber", "gaofeng", "zhangwei"],
    date="12-10 12:15", subject="RE: " + SUBJ_B, us=["machao"], parent=508,
    text="""Dear Mr. Ma,

I have to disagree with part of the timeline. The replacement batch was ready on Dec 8 as promised; it was held in Frankfurt because the commercial invoice carried your revised part number (HX3-PS-02), which your R&D only issued on Dec 7 and which does not match our export licence. This was not something Nordhaus could have prevented.

We are also not in a position to send 20 pcs by a second courier, so I have to decline that request. Tom will send corrected customs documents as soon as your purchasing confirms which part number should appear on the invoice.""",
    sig="""Kind regards,

Lukas Hoffmann
Head of Quality Assurance
Nordhaus Sensorik GmbH
Phone +49 89 5550 1200""",
    fmt={"content_language": "en-GB"},
    exp=dict(subject=S_B, greeting="Dear Mr. Ma,",
             signature=SIG("Lukas Hoffmann", None, "Head of Quality Assurance", ["Phone +49 89 5550 1200"]),
             reply=R("dispute", None, None)))

# ---------------------------------------------------------------- thread C: Harbor Analytics
SUBJ_C = "[Request] Q4 Churn Model Scoring - Harbor Analytics - Important"
S_C = S("request", "Request", "Q4 Churn Model Scoring", ["Harbor Analytics"], "Important")
KAI_SIG = """Kai
-- 
Zheng Kai 郑凯
Data Dept. | Qiheng Technology
zhengkai@qiheng.example.com | +86 21 6258 3306 ext. 8433"""
KAI = SIG("Zheng Kai 郑凯", "Data Dept.", None, ["zhengkai@qiheng.example.com", "+86 21 6258 3306 ext. 8433"])

msg(510, "thunderbird", "en", "original", frm="zhengkai", to=["james"], cc=["liuyang"],
    date="12-02 17:20", subject=SUBJ_C, us=["zhengkai"], fmt={"ui": "en-US"},
    text="""Hi James,

As discussed on Monday's call, we'd like Harbor Analytics to re-score our member base with the updated churn model before our Q1 retention campaign planning starts on Dec 14.

Could your team deliver:

* scored file for all active members (about 1.2M rows), with churn probability and the top-3 drivers per member -- by Wed Dec 9, 17:00 London time
* model documentation: features used, AUC on the Nov holdout, calibration plot -- by Thu Dec 10
* a 30-min walkthrough with our CRM team, any slot on Dec 11 between 9:00 and 11:00 GMT

Owner on your side: I assume you, James? On our side it's me for data questions and Liu Yang for the SFTP account.

Input data (Nov snapshot) is on the SFTP since this morning: /inbound/harbor/2026-11/. Field list attached.

Can you confirm the dates by Friday? Thanks!""",
    sig=KAI_SIG,
    attach=[("member_snapshot_fields_2026-11.xlsx", [["field", "type", "note"], ["member_id", "string", "hashed"],
                                                     ["last_order_date", "date", ""], ["orders_12m", "int", ""]])],
    exp=dict(subject=S_C, greeting="Hi James,",
             opening="As discussed on Monday's call, we'd like Harbor Analytics to re-score our member base with the updated churn model before our Q1 retention campaign planning starts on Dec 14.",
             items=[I("scored file for all active members (about 1.2M rows)", "James", "by Wed Dec 9, 17:00 London time",
                      "2026-12-10T01:00:00+08:00", "with churn probability and the top-3 drivers per member"),
                    I("model documentation", "James", "by Thu Dec 10", "2026-12-10T23:59:59+08:00",
                      "features used, AUC on the Nov holdout, calibration plot"),
                    I("a 30-min walkthrough with our CRM team", "James", "any slot on Dec 11 between 9:00 and 11:00 GMT",
                      "2026-12-11T19:00:00+08:00", None)],
             closing="Can you confirm the dates by Friday? Thanks!", signature=KAI))

JAMES_SIG = """Cheers,
James

James O'Connor | Principal Data Scientist
Harbor Analytics Ltd | +44 20 7946 0321"""
JAMES = SIG("James O'Connor", None, "Principal Data Scientist", ["+44 20 7946 0321"])

msg(511, "outlook", "en", "reply", frm="james", to=["zhengkai"], cc=["liuyang"],
    date="12-02 10:02", subject="RE: " + SUBJ_C, us=["zhengkai"], parent=510,
    fmt={"content_language": "en-GB"},
    text="Thanks Kai – got it, all noted.", sig=JAMES_SIG,
    exp=dict(subject=S_C, signature=JAMES, reply=R("acknowledgement", None, None)))

ghost("gC1", "thunderbird", "en", "reply", frm="zhengkai", to=["james"], cc=["liuyang"],
      date="12-03 09:12", subject="Re: " + SUBJ_C, parent=511, fmt={"ui": "en-US"},
      text="""Thanks James. Liu Yang has reset the SFTP password for your service account, see his separate mail.""",
      sig="Kai")

msg(512, "outlook", "en", "reply", frm="james", to=["zhengkai"], cc=["liuyang"],
    date="12-09 15:40", subject="RE: " + SUBJ_C, us=["zhengkai"], parent="gC1",
    fmt={"content_language": "en-GB"},
    text="""Hi Kai,

Please find attached the model documentation (item 2) and the field mapping. The scored file itself is too big for email (1.19M rows, 310 MB zipped) – it is on your SFTP under /outbound/harbor/2026-12-09/churn_scores_q4.zip, uploaded at 15:20 GMT.

AUC on the November holdout is 0.81, slightly better than last quarter. Happy to go through it on Friday morning as planned.""",
    sig=JAMES_SIG,
    attach=[("Churn_Model_Documentation_v3.pdf", "Churn model documentation v3 - Harbor Analytics"),
            ("churn_scores_field_mapping.xlsx", [["column", "meaning"], ["p_churn_90d", "probability of churn in 90 days"],
                                                 ["driver_1", "top driver"]])],
    exp=dict(subject=S_C, greeting="Hi Kai,", signature=JAMES, reply=R("delivery", None, [1, 2])))

msg(513, "thunderbird", "en", "reply", frm="zhengkai", to=["james"], cc=["liuyang"],
    date="12-10 10:30", subject="Re: " + SUBJ_C, us=["zhengkai"], parent=512, fmt={"ui": "en-US"},
    text="""Hi James,

Got the file from the SFTP and the docs - thanks. The row count matches our active base (1,192,408), no member IDs are missing and the driver columns are filled for every row, so items 1 and 2 are confirmed from our side.

See you tomorrow at 9:30 GMT for the walkthrough.""",
    sig=KAI_SIG,
    exp=dict(subject=S_C, greeting="Hi James,", signature=KAI, reply=R("confirmation", None, [1, 2])))

# ---------------------------------------------------------------- thread D: Redwood Retail escalation
SUBJ_D = "[Escalation] POS Sync Failures at 14 Stores - Qiheng Support - Critical"
S_D = S("escalation", "Escalation", "POS Sync Failures at 14 Stores", ["Qiheng Support"], "Critical")
AMY_SIG = """Best regards,
Amy Lin
Customer Success Manager | Customer Service Dept.
Qiheng Technology
amy.lin@qiheng.example.com | +86 21 6258 3306 ext. 8601"""
AMY = SIG("Amy Lin", "Customer Service Dept.", "Customer Success Manager",
          ["amy.lin@qiheng.example.com", "+86 21 6258 3306 ext. 8601"])

msg(514, "outlook", "en", "original", frm="michael", to=["amylin"], cc=["kevin", "olivia"],
    date="12-01 08:10", subject=SUBJ_D, us=["amylin", "kevin"],
    text="""Amy,

I need a response today. Since Saturday, 14 of our stores have had POS terminals that stop syncing inventory with your cloud for 20-40 minutes at a time, several times a day. We opened ticket #88412 on Saturday and #88431 on Monday and have had no update beyond "under investigation".

This is now costing us sales: stores are selling items that are out of stock online and vice versa, and our holiday traffic starts this weekend.

What I need from Qiheng:
1. A named engineer on a call with our IT team, today, before 4pm ET.
2. A root-cause analysis in writing by Thursday, Dec 3, 10am ET.
3. A workaround or fix deployed by Friday, Dec 4 (our holiday hours start Saturday).

If we can't get this, I'll have to take it to our VP of Operations and review the contract terms.""",
    sig="""Michael

Michael Brown
Director, Store Systems
Redwood Retail Inc.
Office: +1 212 555 0187 | Cell: +1 917 555 0123""",
    exp=dict(subject=S_D, greeting="Amy,", opening="I need a response today.",
             background=["Since Saturday, 14 of our stores have had POS terminals that stop syncing inventory with your cloud for 20-40 minutes at a time, several times a day.",
                         "We opened ticket #88412 on Saturday and #88431 on Monday and have had no update beyond \"under investigation\".",
                         "This is now costing us sales: stores are selling items that are out of stock online and vice versa, and our holiday traffic starts this weekend."],
             items=[I("A named engineer on a call with our IT team", "Qiheng", "today, before 4pm ET", "2026-12-02T05:00:00+08:00", None),
                    I("A root-cause analysis in writing", "Qiheng", "by Thursday, Dec 3, 10am ET", "2026-12-03T23:00:00+08:00", None),
                    I("A workaround or fix deployed", "Qiheng", "by Friday, Dec 4", "2026-12-04T23:59:59+08:00", None)],
             closing="If we can't get this, I'll have to take it to our VP of Operations and review the contract terms.",
             signature=SIG("Michael Brown", None, "Director, Store Systems",
                           ["Office: +1 212 555 0187", "Cell: +1 917 555 0123"])))

msg(515, "outlook-web", "en", "reply", frm="amylin", to=["michael"], cc=["kevin", "olivia", "zhangwei"],
    date="12-01 22:05", subject="RE: " + SUBJ_D, us=["amylin", "kevin"], parent=514,
    text="""Hi Michael,

I'm sorry for the disruption and for the slow updates on #88412 and #88431 – that's on us.

Here is what we'll do:
- Our senior engineer Zhang Wei will join a call with your IT team today at 2pm ET (invite sent to you and Olivia).
- You will have the written root-cause analysis by Thursday, Dec 3, 10am ET as requested.
- On the fix: our engineers believe it is related to the sync queue change we deployed on Nov 27. We'll confirm on the call whether a rollback is possible before Saturday.

I'll update you after the call either way.""",
    sig=AMY_SIG,
    exp=dict(subject=S_D, greeting="Hi Michael,", signature=AMY,
             reply=R("promise", "2026-12-03T23:00:00+08:00", [1, 2, 3])))

msg(516, "apple-mail", "en", "reply", frm="kevin", to=["michael"], cc=["amylin"],
    date="12-01 21:30", subject="Re: " + SUBJ_D, us=["amylin", "kevin"], parent=514,
    fmt={"iphone": True},
    text="Michael - received, thanks. Amy and the support team are on it, she'll come back to you shortly.",
    mobile="Sent from my iPhone",
    exp=dict(subject=S_D, greeting="Michael -", reply=R("acknowledgement", None, None)))

msg(517, "outlook-web", "en", "reply", frm="amylin", to=["michael"], cc=["kevin", "olivia", "zhangwei"],
    date="12-03 21:40", subject="RE: " + SUBJ_D, us=["amylin", "kevin"], parent=515,
    text="""Hi Michael,

As promised, attached is the root-cause analysis for the POS sync failures (tickets #88412 and #88431).

In short: the sync queue change deployed on Nov 27 reduced the connection pool for stores with more than 6 terminals; under peak load their sync requests timed out and were only retried after 20 minutes. We rolled the change back last night at 23:00 ET, and since then all 14 stores have synced without gaps (monitoring screenshots in section 4).

The permanent fix is planned for next Tuesday's maintenance window; I'll send the details separately.""",
    sig=AMY_SIG, attach=[("RCA_POS_Sync_Redwood_2026-12-03.pdf", "Root cause analysis - POS sync failures - Redwood Retail")],
    exp=dict(subject=S_D, greeting="Hi Michael,", signature=AMY, reply=R("delivery", None, [2, 3])))

msg(518, "outlook", "en", "reply", frm="michael", to=["amylin"], cc=["kevin", "olivia", "zhangwei"],
    date="12-03 10:02", subject="RE: " + SUBJ_D, us=["amylin", "kevin"], parent=517,
    text="Amy - got it, thanks. Stores look stable today. We'll review the RCA internally.",
    sig="Michael", mobile="Get Outlook for iOS<https://aka.ms/o0ukef>",
    exp=dict(subject=S_D, greeting="Amy -", signature=SIG("Michael", None, None, []), reply=R("acknowledgement", None, None)))

# ---------------------------------------------------------------- thread E: CloudKite latency
SUBJ_E = "[Issue] OSS latency spikes on ap-southeast-1 - CloudKite Support - Urgent"
S_E = S("issue", "Issue", "OSS latency spikes on ap-southeast-1", ["CloudKite Support"], "Urgent")
LIUYANG_SIG = """-- 
Liu Yang
IT Operations | Qiheng Technology
+86 21 6258 3306 ext. 8720 | on-call: +86 138 0000 4521"""
LIUYANG = SIG("Liu Yang", "IT Operations", None, ["+86 21 6258 3306 ext. 8720", "on-call: +86 138 0000 4521"])

msg(519, "thunderbird", "en", "original", frm="liuyang", to=["priya"], cc=["zhangwei"],
    date="12-02 11:05", subject=SUBJ_E, us=["liuyang"],
    text="""Hi Priya,

we need CloudKite to find and fix the cause of the latency spikes on our object storage buckets by Fri 4 Dec 18:00 SGT.

Since Nov 28, GET p99 latency on buckets qh-media-prod and qh-logs-prod jumps from ~80 ms to 2-4 s, roughly every 2 hours, for ~10 min. Our CDN origin errors (5xx) go up at the same time. Graph attached.

Need from your side:
1. root cause - owner: CloudKite support (you / your L2) - by Fri 4 Dec 18:00 SGT
2. fix or mitigation applied to both buckets - same owner - by Mon 7 Dec 12:00 SGT - p99 back under 200 ms for 48h
3. RFO document for our management - by Wed 9 Dec

Ticket on your portal: CK-2026-114502.

Please ack today. If no progress by Thursday I'll have to raise it with our account manager.""",
    sig=LIUYANG_SIG, attach=[("oss_latency_p99_nov28-dec02.png", (120, 40))],
    exp=dict(subject=S_E, greeting="Hi Priya,",
             opening="we need CloudKite to find and fix the cause of the latency spikes on our object storage buckets by Fri 4 Dec 18:00 SGT.",
             background=["Since Nov 28, GET p99 latency on buckets qh-media-prod and qh-logs-prod jumps from ~80 ms to 2-4 s, roughly every 2 hours, for ~10 min.",
                         "Our CDN origin errors (5xx) go up at the same time."],
             items=[I("root cause", "CloudKite support (you / your L2)", "by Fri 4 Dec 18:00 SGT", "2026-12-04T18:00:00+08:00", None),
                    I("fix or mitigation applied to both buckets", "CloudKite support (you / your L2)", "by Mon 7 Dec 12:00 SGT",
                      "2026-12-07T12:00:00+08:00", "p99 back under 200 ms for 48h"),
                    I("RFO document for our management", "CloudKite support (you / your L2)", "by Wed 9 Dec",
                      "2026-12-09T23:59:59+08:00", None)],
             closing="Please ack today. If no progress by Thursday I'll have to raise it with our account manager.",
             signature=LIUYANG))
