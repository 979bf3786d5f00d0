# Batch 2 (520-539): more partner threads in English, internal English mail.
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b01_partners import (SUBJ_E, S_E, LIUYANG_SIG, LIUYANG, SUBJ_A)

OOF_EXCHANGE = [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"),
                ("X-MS-Exchange-Inbox-Rules-Loop", "priya.raman@cloudkite.example.com")]

# ---------------------------------------------------------------- thread E continued: CloudKite
msg(520, "outlook-web", "en", "auto-reply", frm="priya", to=["liuyang"],
    date="12-02 11:05", subject="Automatic reply: " + SUBJ_E, us=["liuyang"], parent=519, quote="none",
    headers=OOF_EXCHANGE,
    text="""Thank you for your email. I am out of the office from 2 Dec to 4 Dec with limited access to email.

For urgent CloudKite support issues, please contact our 24x7 desk at support@cloudkite.example.com or +65 6555 0100 and quote your ticket number. I will respond when I return on Monday, 7 Dec.""",
    sig="Regards,\nPriya",
    exp=dict(subject=S_E, signature=SIG("Priya", None, None, []), reply=R("auto-reply", None, None)))

msg(521, "thunderbird", "en", "reply", frm="liuyang", to=["priya", "support@cloudkite.example.com"], cc=["zhangwei"],
    date="12-03 10:20", subject="Re: " + SUBJ_E, us=["liuyang"], parent=519,
    text="""Hi Priya, hi CloudKite support team,

following up on my mail below (ticket CK-2026-114502): we haven't had an acknowledgement yet, and the spikes happened 9 more times since yesterday. The root-cause deadline is tomorrow (Fri 4 Dec) 18:00 SGT.

Could someone from L2 confirm today that the case is being worked on, and who the owner is?""",
    sig="Thanks,\n" + LIUYANG_SIG,
    exp=dict(subject=S_E, greeting="Hi Priya, hi CloudKite support team,", signature=LIUYANG,
             reply=R("nudge", None, [1])))

TAN_SIG = """Best regards,
Tan Wei Jie
L2 Support Engineer, Storage | CloudKite Pte. Ltd.
+65 6555 0137"""
TAN = SIG("Tan Wei Jie", "Storage", "L2 Support Engineer", ["+65 6555 0137"])

msg(522, "outlook-web", "en", "reply", frm="tanwj", to=["liuyang"], cc=["priya", "zhangwei"],
    date="12-03 14:45", subject="RE: " + SUBJ_E, us=["liuyang"], parent=521,
    text="""Hi Liu Yang,

I'm the L2 engineer on CK-2026-114502 and have taken over from Priya while she's away. Apologies for the silence.

To narrow this down, could you send us:
1. 3-5 request IDs (x-ck-request-id header) of slow requests, with timestamps in UTC;
2. whether lifecycle rules or cross-region replication were enabled on qh-media-prod recently?

Our first suspicion is a compaction job on the storage nodes, which runs every 2 hours.""",
    sig=TAN_SIG,
    exp=dict(subject=S_E, greeting="Hi Liu Yang,", signature=TAN, reply=R("question", None, [1])))

ghost("gE1", "thunderbird", "en", "reply", frm="liuyang", to=["tanwj"], cc=["priya", "zhangwei"],
      date="12-03 16:30", subject="Re: " + SUBJ_E, parent=522,
      text="""Hi Wei Jie,

request IDs below, all from Dec 3 between 06:02 and 06:09 UTC:
ck-7f3a9c21e0, ck-7f3a9c4b17, ck-7f3a9d0a88, ck-7f3a9d9f02

No lifecycle rules, no replication. Nothing changed on our side since October.""",
      sig="Liu Yang")

msg(523, "outlook-web", "en", "reply", frm="tanwj", to=["liuyang"], cc=["priya", "zhangwei"],
    date="12-04 17:30", subject="RE: " + SUBJ_E, us=["liuyang"], parent="gE1",
    text="""Hi Liu Yang,

Thanks for the request IDs, they were exactly what we needed.

Root cause (item 1): the 2-hourly compaction job on storage cluster sg1-c07 was running without I/O throttling after a config rollout on Nov 27. Your two buckets are both placed on that cluster, which is why you saw the spikes every 2 hours.

Mitigation (item 2): we will re-enable throttling during the maintenance window on Mon 7 Dec, 02:00-04:00 SGT. The RFO document (item 3) will follow by Wednesday 9 Dec.""",
    sig=TAN_SIG,
    exp=dict(subject=S_E, greeting="Hi Liu Yang,", signature=TAN,
             reply=R("partial-delivery", "2026-12-09T23:59:59+08:00", [1, 2, 3])))

msg(524, "thunderbird", "en", "reply", frm="liuyang", to=["tanwj"], cc=["priya", "zhangwei"],
    date="12-09 11:00", subject="Re: " + SUBJ_E, us=["liuyang"], parent=523, quote="bottom",
    text="""Hi Wei Jie,

confirmed: since the maintenance window on Monday, p99 on both buckets has stayed under 150 ms for more than 48 hours and the CDN 5xx are gone. Item 2 is closed from our side.

Waiting for the RFO (item 3) today as planned.""",
    sig="Thanks,\n" + LIUYANG_SIG,
    exp=dict(subject=S_E, greeting="Hi Wei Jie,", signature=LIUYANG, reply=R("confirmation", None, [2])))

# ---------------------------------------------------------------- thread F: Sakura Logistics
SUBJ_F = "[Progress Sync] Osaka Bonded Warehouse Onboarding - Supply Chain/Sakura Logistics - Normal"
S_F = S("progress-sync", "Progress Sync", "Osaka Bonded Warehouse Onboarding", ["Supply Chain", "Sakura Logistics"], "Normal")

msg(525, "apple-mail", "en", "original", frm="songjia", to=["yuki", "kenji"], cc=["machao"],
    date="12-03 15:00", subject=SUBJ_F, us=["songjia"], fmt={"ui": "en-US"},
    text="""Dear Yuki-san, dear Mori-san,

Here is this week's progress update on the Osaka bonded warehouse onboarding (overall about 60% done); two open points need your input by Tuesday, Dec 8.

Done since the last update (Nov 30):
- WMS interface test passed on Dec 2 (ASN and stock report messages).
- Labeling spec v1.1 agreed with your team.

In progress:
- Customs broker power of attorney: our legal is signing, the original will be couriered on Dec 4.
- First inbound shipment (2 x 40HQ, 1,860 cartons), ETA Osaka Dec 16.

Need your input:
1. Confirm the receiving slot for the Dec 16 containers – owner: Sakura Logistics (Mori-san) – by Tue Dec 8, 17:00 JST
2. Send the bonded storage insurance certificate – owner: Yuki Tanaka – by Tue Dec 8

Next update from me on Monday, Dec 7.""",
    sig="""Best regards,
Song Jia 宋佳
Supply Chain Dept. – International Logistics
Qiheng Technology | songjia@qiheng.example.com | WeChat: songjia_sh""",
    exp=dict(subject=S_F, greeting="Dear Yuki-san, dear Mori-san,",
             opening="Here is this week's progress update on the Osaka bonded warehouse onboarding (overall about 60% done); two open points need your input by Tuesday, Dec 8.",
             items=[I("Confirm the receiving slot for the Dec 16 containers", "Sakura Logistics (Mori-san)",
                      "by Tue Dec 8, 17:00 JST", "2026-12-08T16:00:00+08:00", None),
                    I("Send the bonded storage insurance certificate", "Yuki Tanaka", "by Tue Dec 8",
                      "2026-12-08T23:59:59+08:00", None)],
             closing="Next update from me on Monday, Dec 7.",
             signature=SIG("Song Jia 宋佳", "Supply Chain Dept. – International Logistics", None,
                           ["songjia@qiheng.example.com", "WeChat: songjia_sh"]),
             clean=True))

msg(526, "gmail", "en", "reply", frm="yuki", to=["songjia"], cc=["kenji", "machao"],
    date="12-07 18:30", subject="Re: " + SUBJ_F, us=["songjia"], parent=525,
    text="""Dear Song-san,

Thank you for the update.

Regarding item 2, I am sorry but the insurance certificate will not be ready by Dec 8. Our insurer needs the final cargo value list for the first shipment before issuing it, and we have not received it yet. If you can send the value list by Wednesday, we can provide the certificate by Friday, Dec 11.

Mori-san will reply separately about the receiving slot.""",
    sig="""Best regards,

Yuki Tanaka
Account Manager, International Accounts
Sakura Logistics Co., Ltd.
Tel: +81-6-5555-0134""",
    exp=dict(subject=S_F, greeting="Dear Song-san,",
             signature=SIG("Yuki Tanaka", "International Accounts", "Account Manager", ["Tel: +81-6-5555-0134"]),
             reply=R("delay", "2026-12-11T23:59:59+08:00", [2])))

msg(527, "gmail", "en", "auto-reply", frm="kenji", to=["songjia"],
    date="12-03 16:02", subject="Out of office: Kenji Mori (Dec 3 - Dec 9)", us=["songjia"], parent=525, quote="none",
    headers=[("Auto-Submitted", "auto-replied")],
    text="""Thank you for your message. I am on a business trip to Nagoya until December 9 and will have limited access to email.

For urgent warehouse matters please contact Ms. Yuki Tanaka (y.tanaka@sakura-logi.example.com).""",
    sig="Kenji Mori\nSakura Logistics",
    exp=dict(subject=S(None, None, None, [], None), signature=SIG("Kenji Mori", None, None, []),
             reply=R("auto-reply", None, None)))

msg(528, "apple-mail", "en", "reply", frm="songjia", to=["yuki", "kenji"], cc=["machao"],
    date="12-07 16:10", subject="Re: " + SUBJ_F, us=["songjia"], parent=525, fmt={"ui": "en-US"},
    text="""Dear Yuki-san, dear Mori-san,

Quick status update as promised:

- Power of attorney: original couriered on Dec 4 (DHL AWB 4471 2093 55), delivered to your office this morning.
- First inbound shipment: vessel left Shanghai on Dec 6, ETA Osaka still Dec 16.
- Item 1 (receiving slot) is still open. Mori-san is travelling until Dec 9, so I'll check with him on Thursday.

Next update from me on Wednesday, Dec 9.""",
    sig="Best regards,\nSong Jia",
    exp=dict(subject=S_F, greeting="Dear Yuki-san, dear Mori-san,", signature=SIG("Song Jia", None, None, []),
             reply=R("sync", None, None)))

# ---------------------------------------------------------------- thread G: Hanbit Pay kickoff
SUBJ_G = "[Kickoff] Hanbit Pay Cross-border Checkout Integration - Tech/Finance/Hanbit Pay - Important"
S_G = S("kickoff", "Kickoff", "Hanbit Pay Cross-border Checkout Integration", ["Tech", "Finance", "Hanbit Pay"], "Important")
ZW_SIG = """Best regards,
Zhang Wei
Tech Dept. | Backend Lead
Qiheng Technology
Tel: +86 21 6258 3306 ext. 8305 | zhangwei@qiheng.example.com"""
ZW = SIG("Zhang Wei", "Tech Dept.", "Backend Lead", ["Tel: +86 21 6258 3306 ext. 8305", "zhangwei@qiheng.example.com"])

msg(529, "outlook", "en", "original", frm="zhangwei", to=["daniel", "zhaomin", "jessica"], cc=["wuqiang"],
    date="11-30 16:00", subject=SUBJ_G, us=["zhangwei"], fmt={"logo": True, "logo_alt": "Qiheng"},
    text="""Dear Daniel, dear colleagues,

This mail officially kicks off the Hanbit Pay cross-border checkout integration; please confirm your contact person and the dates below by Thursday, Dec 3, 18:00 Beijing time (19:00 KST).

Background and goal: Korean shoppers are 18% of our cross-border traffic but only 6% of orders, mostly because local wallets are not supported. The goal is to go live with Hanbit Pay wallet checkout on Jan 15, 2027, with a payment success rate of at least 95%.

Responsibilities and deadlines:
| No. | Task | Owner | Due | Deliverable / standard |
| 1 | Sandbox merchant account and API keys | Hanbit Pay (Daniel Park) | Dec 4, 18:00 KST | Keys for sandbox + test cards list |
| 2 | Payment & refund API integration | Qiheng Tech Dept (Zhang Wei) | Dec 18 | All sandbox test cases passed |
| 3 | Settlement and reconciliation file format | Qiheng Finance (Zhao Min) | Dec 11 | Daily file spec signed off by both finance teams |
| 4 | Checkout page localisation (KR) | Qiheng Intl Business (Jessica Chen) | Dec 15 | Korean copy reviewed by a native speaker |

Milestones: kickoff call Wed Dec 2, 10:00-11:00 KST (Teams link in the invite); sandbox end-to-end test Dec 21; go-live Jan 15, 2027.

Attachments: Hanbit_Pay_Integration_Plan_V1.0.pdf (project plan) and Task_Assignment_Hanbit.xlsx (task list, please fill in your contact person).

Please reply by Thursday, Dec 3, 18:00 Beijing time to confirm your contact person and the dates. Thank you all for your support!""",
    sig=ZW_SIG,
    attach=[("Hanbit_Pay_Integration_Plan_V1.0.pdf", "Hanbit Pay integration - project plan V1.0"),
            ("Task_Assignment_Hanbit.xlsx", [["No.", "Task", "Owner", "Contact", "Due"],
                                             ["1", "Sandbox account", "Hanbit Pay", "", "Dec 4"],
                                             ["2", "API integration", "Tech", "Zhang Wei", "Dec 18"]])],
    exp=dict(subject=S_G, greeting="Dear Daniel, dear colleagues,",
             opening="This mail officially kicks off the Hanbit Pay cross-border checkout integration; please confirm your contact person and the dates below by Thursday, Dec 3, 18:00 Beijing time (19:00 KST).",
             background=["Korean shoppers are 18% of our cross-border traffic but only 6% of orders, mostly because local wallets are not supported.",
                         "The goal is to go live with Hanbit Pay wallet checkout on Jan 15, 2027, with a payment success rate of at least 95%."],
             items=[I("Sandbox merchant account and API keys", "Hanbit Pay (Daniel Park)", "Dec 4, 18:00 KST",
                      "2026-12-04T17:00:00+08:00", "Keys for sandbox + test cards list"),
                    I("Payment & refund API integration", "Qiheng Tech Dept (Zhang Wei)", "Dec 18",
                      "2026-12-18T23:59:59+08:00", "All sandbox test cases passed"),
                    I("Settlement and reconciliation file format", "Qiheng Finance (Zhao Min)", "Dec 11",
                      "2026-12-11T23:59:59+08:00", "Daily file spec signed off by both finance teams"),
                    I("Checkout page localisation (KR)", "Qiheng Intl Business (Jessica Chen)", "Dec 15",
                      "2026-12-15T23:59:59+08:00", "Korean copy reviewed by a native speaker")],
             closing="Please reply by Thursday, Dec 3, 18:00 Beijing time to confirm your contact person and the dates. Thank you all for your support!",
             signature=ZW, clean=True))

DANIEL_SIG = """Best,
Daniel

Daniel Park | Partner Integration Manager
Hanbit Pay Co., Ltd. | Seoul
+82 2 555 0199"""
DANIEL = SIG("Daniel Park", None, "Partner Integration Manager", ["+82 2 555 0199"])

msg(530, "apple-mail", "en", "reply", frm="daniel", to=["zhangwei"], cc=["zhaomin", "jessica", "wuqiang"],
    date="12-01 11:20", subject="Re: " + SUBJ_G, us=["zhangwei"], parent=529,
    text="""Hi Zhang Wei,

Thanks for the kickoff mail, happy to be working on this with you.

One correction on the table: item 1 can't be owned by me. Sandbox merchant accounts are issued by our onboarding team only after the merchant KYC documents are approved, and we haven't received Qiheng's KYC package yet. So the owner should be your finance/legal side (submit KYC), and onboarding will issue the keys within 2 business days after approval.

Dec 4 is also not realistic for the same reason. I'd suggest we fix the date once the KYC is in.

Talk tomorrow on the call.""",
    sig=DANIEL_SIG,
    exp=dict(subject=S_G, greeting="Hi Zhang Wei,", signature=DANIEL, reply=R("dispute", None, [1])))

msg(531, "outlook", "en", "reply", frm="zhangwei", to=["daniel"], cc=["zhaomin", "jessica", "wuqiang"],
    date="12-08 10:05", subject="RE: " + SUBJ_G, us=["zhangwei"], parent=530,
    fmt={"logo": True, "logo_alt": "Qiheng"},
    text="""Hi Daniel, hi all,

A short progress sync on the Hanbit Pay integration:

- Item 1, sandbox keys: KYC package submitted on Dec 2, approved on Dec 7, keys received this morning. Thanks Daniel for pushing it through.
- Item 2, payment & refund API: development started today, on track for Dec 18.
- Item 3, settlement file: Zhao Min sent the first draft of the spec to your finance team on Dec 4; waiting for comments.
- Item 4, KR localisation: the copy is with the translator, due back Dec 11.

No new risks at the moment. Next sync on Thursday, Dec 10.""",
    sig=ZW_SIG,
    exp=dict(subject=S_G, greeting="Hi Daniel, hi all,", signature=ZW, reply=R("sync", None, None)))

msg(532, "apple-mail", "en", "reply", frm="daniel", to=["zhangwei"], cc=["zhaomin", "jessica", "wuqiang"],
    date="12-08 12:31", subject="Re: " + SUBJ_G, us=["zhangwei"], parent=531,
    text="Noted, thanks Zhang Wei.",
    sig="Daniel",
    exp=dict(subject=S_G, signature=SIG("Daniel", None, None, []), reply=R("acknowledgement", None, None)))

# ---------------------------------------------------------------- thread H: LumenPack gift boxes
SUBJ_H = "Gift box samples for Spring Festival collection"
S_H = S(None, None, None, [], None)
HEXUE_SIG = """He Xue 何雪
Design Dept. | Qiheng Technology
M: +86 136 0000 7788"""
HEXUE = SIG("He Xue 何雪", "Design Dept.", None, ["M: +86 136 0000 7788"])

msg(533, "apple-mail", "en", "original", frm="hexue", to=["marco"],
    date="11-27 17:45", subject=SUBJ_H, us=["hexue"], fmt={"ui": "zh-CN"},
    text="""Hi Marco,

Hope you are well! Thanks again for the nice samples last month, our team love the matte finish.

We are preparing the Spring Festival gift collection now and need your help with 3 things:

1) quote for 5,000 rigid gift boxes, size 280x200x60mm, 2 colors (Pantone 186C red + gold foil). Please quote by next Wednesday.
2) 2 physical samples sent to our Shanghai office, by Dec 15 if possible
3) the dieline file (AI or PDF) so our designer can place the artwork

The artwork draft is attached (low-res, just for reference).

Thank you so much and have a nice weekend!""",
    sig=HEXUE_SIG, attach=[("SF_giftbox_artwork_draft_lowres.pdf", "Spring Festival gift box artwork draft (low-res)")],
    exp=dict(subject=S_H, greeting="Hi Marco,",
             opening="Hope you are well! Thanks again for the nice samples last month, our team love the matte finish.",
             items=[I("quote for 5,000 rigid gift boxes, size 280x200x60mm, 2 colors (Pantone 186C red + gold foil)",
                      None, "by next Wednesday", "2026-12-02T23:59:59+08:00", None),
                    I("2 physical samples sent to our Shanghai office", None, "by Dec 15", "2026-12-15T23:59:59+08:00", None),
                    I("the dieline file (AI or PDF) so our designer can place the artwork", None, None, None, None)],
             closing="Thank you so much and have a nice weekend!", signature=HEXUE))

MARCO_SIG = """Best regards,
Marco
-- 
Marco Rossi
Key Account Manager | LumenPack S.r.l.
Via Tortona 27, 20144 Milano | +39 02 5555 0177"""
MARCO = SIG("Marco Rossi", None, "Key Account Manager", ["Via Tortona 27, 20144 Milano", "+39 02 5555 0177"])

msg(534, "gmail", "en", "reply", frm="marco", to=["hexue"],
    date="12-01 09:15", subject="Re: " + SUBJ_H, us=["hexue"], parent=533,
    text="""Hi He Xue,

Thanks for thinking of us again!

Before I can quote: should the gold foil be on the lid only, or on the lid and the sides? And do you need an insert (EVA or card) inside, or is the box empty? Both change the price quite a lot.

Dieline attached – it is our standard 280x200x60 rigid box, you can use it already.""",
    sig=MARCO_SIG, attach=[("LP-RB-280x200x60_dieline.pdf", "LumenPack rigid box 280x200x60 dieline")],
    exp=dict(subject=S_H, greeting="Hi He Xue,", signature=MARCO,
             reply=R("partial-delivery", None, [1, 3])))

ghost("gH1", "apple-mail", "en", "reply", frm="hexue", to=["marco"], date="12-01 17:02", subject="Re: " + SUBJ_H,
      parent=534, fmt={"ui": "zh-CN"},
      text="Hi Marco,\n\nLid only, and no insert. Thanks!\n\nHe Xue")

msg(535, "gmail", "en", "reply", frm="marco", to=["hexue"],
    date="12-03 15:40", subject="Re: " + SUBJ_H, us=["hexue"], parent="gH1",
    text="""Hi He Xue,

Please find our quotation attached: 5,000 pcs, gold foil on the lid only, no insert, EXW Milano, valid until 31 January.

The 2 samples went out today with DHL (AWB 1029 3847 56) and should reach your Shanghai office by Dec 9.""",
    sig=MARCO_SIG, attach=[("LumenPack_Quotation_Q-2026-1187.pdf", "LumenPack quotation Q-2026-1187")],
    exp=dict(subject=S_H, greeting="Hi He Xue,", signature=MARCO, reply=R("delivery", None, [1, 2])))

msg(536, "apple-mail", "en", "reply", frm="hexue", to=["marco"], cc=["machao"],
    date="12-09 16:48", subject="Re: " + SUBJ_H, us=["hexue"], parent=535, fmt={"ui": "zh-CN"},
    text="""Hi Marco,

The samples arrived this afternoon and they look great – colour and foil are exactly what we wanted, and the quote is within our budget. So both are confirmed from the design side.

Our purchasing colleague Ma Chao (in cc) will send you the PO by Dec 11.

Thanks a lot!""",
    sig=HEXUE_SIG,
    exp=dict(subject=S_H, greeting="Hi Marco,", signature=HEXUE, reply=R("confirmation", None, [1, 2])))

# ---------------------------------------------------------------- internal mail in English
msg(537, "outlook-web", "en", "original", frm="qinlang", to=["zhaomin", "sunhao"], cc=["fangyu"],
    date="12-07 09:40", subject="[Request] Amazon JP & Rakuten Store Setup - Finance/Legal - Urgent", us=["qinlang"],
    text="""Dear Zhao Min, dear Sun Hao,

To open our Amazon JP and Rakuten stores before the Jan 1 New Year sale, I need Finance and Legal to send the account verification documents by Thursday, Dec 10.

Background: the New Year sale in Japan starts on Jan 1, and both platforms need 10-15 days to review a new seller account, so the applications must go out this week.

1. Company bank statement (last 3 months, English or Japanese translation). Owner: Finance (Zhao Min). Due: Wednesday, Dec 9, 12:00. Standard: stamped PDF, certified translation.
2. Signed seller agreements for both platforms. Owner: Legal (Sun Hao). Due: Thursday, Dec 10, 18:00. Standard: reviewed against our template, signed by the legal representative.
3. Submit both applications and complete identity verification. Owner: E-commerce Operations (Qin Lang). Due: Friday, Dec 11, 18:00. Standard: both accounts verified.

The checklist from both platforms is attached (JP_Marketplace_Checklist.xlsx).

If any date doesn't work, please tell me by Tuesday noon so I can re-plan with the platforms.""",
    sig="""Thanks and best regards,
Qin Lang
E-commerce Operations | Qiheng Technology
Tel: 021-6258 3306 ext. 8511 | qinlang@qiheng.example.com""",
    attach=[("JP_Marketplace_Checklist.xlsx", [["Platform", "Document", "Owner"], ["Amazon JP", "Bank statement", "Finance"],
                                               ["Rakuten", "Seller agreement", "Legal"]])],
    exp=dict(subject=S("request", "Request", "Amazon JP & Rakuten Store Setup", ["Finance", "Legal"], "Urgent"),
             greeting="Dear Zhao Min, dear Sun Hao,",
             opening="To open our Amazon JP and Rakuten stores before the Jan 1 New Year sale, I need Finance and Legal to send the account verification documents by Thursday, Dec 10.",
             background=["the New Year sale in Japan starts on Jan 1, and both platforms need 10-15 days to review a new seller account, so the applications must go out this week."],
             items=[I("Company bank statement (last 3 months, English or Japanese translation)", "Finance (Zhao Min)",
                      "Wednesday, Dec 9, 12:00", "2026-12-09T12:00:00+08:00", "stamped PDF, certified translation"),
                    I("Signed seller agreements for both platforms", "Legal (Sun Hao)", "Thursday, Dec 10, 18:00",
                      "2026-12-10T18:00:00+08:00", "reviewed against our template, signed by the legal representative"),
                    I("Submit both applications and complete identity verification", "E-commerce Operations (Qin Lang)",
                      "Friday, Dec 11, 18:00", "2026-12-11T18:00:00+08:00", "both accounts verified")],
             closing="If any date doesn't work, please tell me by Tuesday noon so I can re-plan with the platforms.",
             signature=SIG("Qin Lang", "E-commerce Operations", None,
                           ["Tel: 021-6258 3306 ext. 8511", "qinlang@qiheng.example.com"]),
             clean=True))

msg(538, "outlook", "en", "original", frm="zhangwei", to=["huangli", "qinlang", "amylin", "zhaomin"], cc=["wuqiang"],
    date="12-04 18:30", subject="[Result Sync] Payment Gateway Migration to v3 - Tech Dept - Normal", us=["zhangwei"],
    fmt={"logo": True, "logo_alt": "Qiheng"},
    text="""Hi all,

I'm happy to share that the payment gateway migration to v3 is complete; please review the results below and raise any concerns by Monday, Dec 7, 18:00.

Results vs. targets:
- Payment success rate: 97.8% (target ≥ 97%).
- p95 checkout latency: 410 ms (target ≤ 500 ms).
- Refunds: now automated for 3 of 4 channels (target: all 4); UnionPay refunds are still manual.

Thanks to Finance (Zhao Min) for the reconciliation tests and to Customer Service (Amy) for the weekend support.

Open items:
1. Automate UnionPay refunds – Owner: Tech Dept (Lu Xin) – Due: Dec 18 – Standard: no manual refund steps left.
2. Update the payment FAQ in the help center – Owner: Customer Service (Amy Lin) – Due: Dec 11 – Standard: FAQ reviewed by Tech.

All documents are archived in the shared folder "Cross-dept Collaboration - Payment Gateway v3"; the result report is attached (Gateway_v3_Result_Report.pdf).

If there are no objections by Monday 18:00, I'll mark the project as closed.""",
    sig=ZW_SIG, attach=[("Gateway_v3_Result_Report.pdf", "Payment Gateway v3 - result report")],
    exp=dict(subject=S("result", "Result Sync", "Payment Gateway Migration to v3", ["Tech Dept"], "Normal"),
             greeting="Hi all,",
             opening="I'm happy to share that the payment gateway migration to v3 is complete; please review the results below and raise any concerns by Monday, Dec 7, 18:00.",
             items=[I("Automate UnionPay refunds", "Tech Dept (Lu Xin)", "Dec 18", "2026-12-18T23:59:59+08:00",
                      "no manual refund steps left"),
                    I("Update the payment FAQ in the help center", "Customer Service (Amy Lin)", "Dec 11",
                      "2026-12-11T23:59:59+08:00", "FAQ reviewed by Tech")],
             closing="If there are no objections by Monday 18:00, I'll mark the project as closed.",
             signature=ZW, clean=True))

msg(539, "gmail", "en", "original", frm="sarah", to=["lina"], cc=["jessica", "hannah"],
    date="12-09 16:30", subject="[Follow-up] Holiday Campaign Copy Proofreading - Marketing - Important", us=["sarah"],
    text="""Hi Li Na,

Just a gentle reminder about item 3 of Jessica's brief: the proofread English copy (tracked changes in the shared doc) was due yesterday, Dec 9, 18:00 Beijing time, and we haven't seen any changes in the doc yet.

Our developers need the final copy to build the page. Could you send the proofread copy by Thursday, Dec 10, 12:00 Beijing time?

If anything is blocking you, just let me know and we'll work around it.""",
    sig="""Thanks!
Sarah
-- 
Sarah Mitchell | Creative Director
BrightLane Studio | San Francisco
m: +1 415 555 0142""",
    exp=dict(subject=S("nudge", "Follow-up", "Holiday Campaign Copy Proofreading", ["Marketing"], "Important"),
             greeting="Hi Li Na,",
             opening="Just a gentle reminder about item 3 of Jessica's brief: the proofread English copy (tracked changes in the shared doc) was due yesterday, Dec 9, 18:00 Beijing time, and we haven't seen any changes in the doc yet.",
             background=["Our developers need the final copy to build the page."],
             items=[I("send the proofread copy", "Li Na", "by Thursday, Dec 10, 12:00 Beijing time",
                      "2026-12-10T12:00:00+08:00", "tracked changes in the shared doc")],
             closing="If anything is blocking you, just let me know and we'll work around it.",
             signature=SIG("Sarah Mitchell", None, "Creative Director", ["m: +1 415 555 0142"])))
