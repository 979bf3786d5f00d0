# Batch 12 (708-725): more originals, several of them incoming (written by partners to us).
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b01_partners import AMY_SIG, AMY
from messages.b02_partners import DANIEL_SIG, DANIEL
from messages.b03_zh import WL_SIG, WL, ZM_SIG, ZM
from messages.b04_zht import LYT_SIG, LYT

msg(708, "outlook", "en", "original", frm="gaofeng", to=["yuki", "kenji", "amylin"], cc=["songjia", "machao"],
    date="12-17 10:00", subject="[Kickoff] Japan Cross-border Returns Process - Supply Chain/Sakura Logistics/Customer Service - Important",
    us=["gaofeng"], fmt={"logo": True, "logo_alt": "Qiheng Technology"},
    text="""Dear Yuki-san, Mori-san, dear Amy,

This mail kicks off the cross-border returns process for our Japanese customers; please confirm your contact person for each task by Monday, Dec 21, 17:00 Beijing time.

Background and goal: since the Osaka warehouse went live, Japanese customers still return goods to Shanghai, which takes 18 days on average. The goal is to process returns in Osaka within 5 working days from Feb 1, 2027.

Tasks:
1. Returns receiving and inspection SOP at the Osaka warehouse – Owner: Sakura Logistics (Kenji Mori) – Due: Jan 15, 2027 – Standard: covers receiving, grading A/B/C and photos per item
2. Customer-facing returns policy in Japanese – Owner: Customer Service (Amy Lin) – Due: Jan 8, 2027 – Standard: reviewed by Legal
3. Return label integration with Japan Post – Owner: Sakura Logistics (Yuki Tanaka) – Due: Jan 22, 2027 – Standard: labels printed from our order system

Kickoff call: Tuesday, Dec 22, 10:00 JST / 09:00 Beijing. The project plan is attached.

Please reply by Monday, Dec 21, 17:00 Beijing time with your contact persons. Thank you for your support.""",
    sig="""Best regards,
Gao Feng
Director, Supply Chain Dept.
Qiheng Technology
Tel: +86 21 6258 3306 ext. 8400 | gaofeng@qiheng.example.com""",
    attach=[("JP_Returns_Project_Plan_v1.0.pdf", "Japan cross-border returns - project plan v1.0")],
    exp=dict(subject=S("kickoff", "Kickoff", "Japan Cross-border Returns Process", ["Supply Chain", "Sakura Logistics", "Customer Service"], "Important"),
             greeting="Dear Yuki-san, Mori-san, dear Amy,",
             opening="This mail kicks off the cross-border returns process for our Japanese customers; please confirm your contact person for each task by Monday, Dec 21, 17:00 Beijing time.",
             background=["since the Osaka warehouse went live, Japanese customers still return goods to Shanghai, which takes 18 days on average.",
                         "The goal is to process returns in Osaka within 5 working days from Feb 1, 2027."],
             items=[I("Returns receiving and inspection SOP at the Osaka warehouse", "Sakura Logistics (Kenji Mori)", "Jan 15, 2027",
                      "2027-01-15T23:59:59+08:00", "covers receiving, grading A/B/C and photos per item"),
                    I("Customer-facing returns policy in Japanese", "Customer Service (Amy Lin)", "Jan 8, 2027",
                      "2027-01-08T23:59:59+08:00", "reviewed by Legal"),
                    I("Return label integration with Japan Post", "Sakura Logistics (Yuki Tanaka)", "Jan 22, 2027",
                      "2027-01-22T23:59:59+08:00", "labels printed from our order system")],
             closing="Please reply by Monday, Dec 21, 17:00 Beijing time with your contact persons. Thank you for your support.",
             signature=SIG("Gao Feng", "Supply Chain Dept.", "Director", ["Tel: +86 21 6258 3306 ext. 8400", "gaofeng@qiheng.example.com"]),
             clean=True))

msg(709, "outlook-web", "en", "original", frm="amylin", to=["olivia"], cc=["kevin", "michael"],
    date="12-18 10:00", subject="[Request] Store Contact List for Analytics Onboarding - Customer Service - Normal", us=["amylin"],
    text="""Hi Olivia,

To start the analytics module onboarding in January, could you send us the store contact list by Wednesday, Jan 6?

We need one contact per store (name, email, phone) for the 38 stores in scope, plus one IT contact at head office. A simple spreadsheet is fine; the template is attached.

If the holidays make this difficult, just let me know a date that works.""",
    sig=AMY_SIG, attach=[("Store_Contacts_Template.xlsx", [["Store ID", "Store name", "Contact", "Email", "Phone"]])],
    exp=dict(subject=S("request", "Request", "Store Contact List for Analytics Onboarding", ["Customer Service"], "Normal"),
             greeting="Hi Olivia,",
             opening="To start the analytics module onboarding in January, could you send us the store contact list by Wednesday, Jan 6?",
             items=[I("send us the store contact list", None, "by Wednesday, Jan 6", "2027-01-06T23:59:59+08:00",
                      "one contact per store (name, email, phone) for the 38 stores in scope, plus one IT contact at head office")],
             closing="If the holidays make this difficult, just let me know a date that works.", signature=AMY))

msg(710, "thunderbird", "en", "original", frm="liuyang", to=["leekm", "wongkh"],
    date="12-18 11:00", subject="[Progress Sync] HK Laptop Refresh - IT Ops - Normal", us=["liuyang"],
    text="""Hi Carmen, hi Ka Ho,

status of the HK laptop refresh: 12 laptops arrived in the HK office on Dec 18 (3 days earlier than promised), imaging is done for 8 of them.

- Data migration: 5 of 12 users done, the rest is booked for Dec 21-22 (calendar invites sent).
- Disk wiping of the old laptops: after migration, by Dec 23; certificates from the vendor by Dec 30.

One open point: 2 users are on leave until Jan 4 - Ka Ho, can you tell me by Monday whether we migrate them in January or leave the new laptops with IT until then?

Next update Dec 23.""",
    sig="""-- 
Liu Yang
IT Operations | Qiheng Technology
+86 21 6258 3306 ext. 8720 | on-call: +86 138 0000 4521""",
    exp=dict(subject=S("progress-sync", "Progress Sync", "HK Laptop Refresh", ["IT Ops"], "Normal"), greeting="Hi Carmen, hi Ka Ho,",
             opening="status of the HK laptop refresh: 12 laptops arrived in the HK office on Dec 18 (3 days earlier than promised), imaging is done for 8 of them.",
             items=[I("whether we migrate them in January or leave the new laptops with IT until then", "Ka Ho", "by Monday",
                      "2026-12-21T23:59:59+08:00", None)],
             closing="Next update Dec 23.",
             signature=SIG("Liu Yang", "IT Operations", None, ["+86 21 6258 3306 ext. 8720", "on-call: +86 138 0000 4521"])))

msg(711, "gmail", "en", "original", frm="sarah", to=["jessica", "luxin"], cc=["hannah"],
    date="12-15 07:30", subject="[Issue] Broken Checkout Links on Holiday Landing Page - Qiheng Web Team - Urgent", us=["jessica"],
    text="""Hi Jessica, hi Lu Xin,

Since about 6am PT, the "Shop the bundle" buttons on the holiday landing page return a 404 for the three gift bundles added on Dec 14. Our monitoring shows ~1,900 failed clicks so far.

It looks like the bundle URLs changed when the SKUs were re-imported (old: /bundle/gb-2026-01, new: /bundles/gb-2026-01).

Could your web team:
1. fix the links or add redirects within 24 hours (by 7am PT on Dec 16) – we can't edit the page template on our side
2. confirm when it's fixed so we can re-run the link check

I'll keep an eye on it and update you if more links break.""",
    sig="""Thanks,
Sarah
-- 
Sarah Mitchell | Creative Director
BrightLane Studio | San Francisco
m: +1 415 555 0142""",
    exp=dict(subject=S("issue", "Issue", "Broken Checkout Links on Holiday Landing Page", ["Qiheng Web Team"], "Urgent"),
             greeting="Hi Jessica, hi Lu Xin,",
             opening="Since about 6am PT, the \"Shop the bundle\" buttons on the holiday landing page return a 404 for the three gift bundles added on Dec 14.",
             background=["Our monitoring shows ~1,900 failed clicks so far.",
                         "It looks like the bundle URLs changed when the SKUs were re-imported (old: /bundle/gb-2026-01, new: /bundles/gb-2026-01)."],
             items=[I("fix the links or add redirects", None, "within 24 hours (by 7am PT on Dec 16)", "2026-12-16T23:00:00+08:00", None),
                    I("confirm when it's fixed so we can re-run the link check", None, None, None, None)],
             closing="I'll keep an eye on it and update you if more links break.",
             signature=SIG("Sarah Mitchell", None, "Creative Director", ["m: +1 415 555 0142"])))

msg(712, "apple-mail", "en", "original", frm="daniel", to=["zhangwei"], cc=["zhaomin"],
    date="12-17 10:30", subject="[Follow-up] Partial Refund Signature Mismatch - Hanbit Pay - Important", us=["daniel"],
    text="""Hi Zhang Wei,

Following up on the partial refund issue from your sync on Dec 14: are the signature mismatches solved? Our sandbox logs still show 14 failed partial refunds from your merchant ID yesterday.

The end-to-end test on Dec 21 needs partial refunds working. Could you send me the fix status, or a sample signed request, by Friday, Dec 18, 3pm KST?""",
    sig=DANIEL_SIG,
    exp=dict(subject=S("nudge", "Follow-up", "Partial Refund Signature Mismatch", ["Hanbit Pay"], "Important"),
             greeting="Hi Zhang Wei,",
             opening="Following up on the partial refund issue from your sync on Dec 14: are the signature mismatches solved?",
             background=["Our sandbox logs still show 14 failed partial refunds from your merchant ID yesterday.",
                         "The end-to-end test on Dec 21 needs partial refunds working."],
             items=[I("send me the fix status, or a sample signed request", None, "by Friday, Dec 18, 3pm KST",
                      "2026-12-18T14:00:00+08:00", None)],
             signature=DANIEL))

msg(713, "outlook", "en", "original", frm="james", to=["zhengkai"], cc=["kevin", "liuyang"],
    date="12-18 09:00", subject="[Result Report] Q4 Churn Model - Retention Uplift Estimate - Harbor Analytics - Normal",
    us=["zhengkai"], fmt={"content_language": "en-GB"},
    text="""Hi Kai,

Here are the results of the corrected Q4 scoring and the uplift estimate for your retention campaign. Please review and come back with questions by Tuesday 22 December.

- Corrected file: 1,192,408 rows, no duplicate member IDs (uploaded 17 Dec, 11:40 GMT).
- Top decile: 119,241 members with an average 90-day churn probability of 0.46.
- Estimated uplift if the top decile gets the retention offer: 7,800-9,200 retained members.

Explanation of the duplicates: members with two active addresses were joined twice; the join now uses the primary address only (see section 2.3 of the updated documentation, version 3.1).

Open item:
1. Campaign results file for the model feedback loop – owner: Qiheng Data Dept (Zheng Kai) – by 29 January 2027 – standard: member_id, offer, responded (Y/N)

Documentation v3.1 attached.""",
    sig="""Cheers,
James

James O'Connor | Principal Data Scientist
Harbor Analytics Ltd | +44 20 7946 0321""",
    attach=[("Churn_Model_Documentation_v3.1.pdf", "Churn model documentation v3.1 - Harbor Analytics")],
    exp=dict(subject=S("result", "Result Report", "Q4 Churn Model - Retention Uplift Estimate", ["Harbor Analytics"], "Normal"),
             greeting="Hi Kai,",
             opening="Here are the results of the corrected Q4 scoring and the uplift estimate for your retention campaign. Please review and come back with questions by Tuesday 22 December.",
             items=[I("Campaign results file for the model feedback loop", "Qiheng Data Dept (Zheng Kai)", "by 29 January 2027",
                      "2027-01-29T23:59:59+08:00", "member_id, offer, responded (Y/N)")],
             closing="Documentation v3.1 attached.",
             signature=SIG("James O'Connor", None, "Principal Data Scientist", ["+44 20 7946 0321"])))

msg(714, "outlook-web", "en", "original", frm="priya", to=["zhaomin"], cc=["wugang", "jl.lim@cloudkite.example.com", "liuyang"],
    date="12-15 10:00", subject="[Escalation] Overdue Invoice INV-2026-1187 - CloudKite Finance/Qiheng Finance - Important",
    us=["zhaomin"],
    text="""Dear Zhao Min,

I'm escalating invoice INV-2026-1187 (SGD 18,400, cloud services for October), which was due on 30 November and is now 15 days overdue. Our finance team has sent two reminders (4 Dec and 10 Dec) without a reply.

To avoid an automatic service hold on 31 December, we need:
1. Payment or a confirmed payment date – owner: Qiheng Finance – by Friday, 18 December
2. If the invoice is disputed, the reason in writing – owner: Qiheng Finance – same date

I have copied your Finance Director, Mr. Wu Gang, and our Head of Finance, Ms. Lim, for visibility. I understand the incident in December may have raised questions about credits – happy to discuss on a call.""",
    sig="""Kind regards,
Priya Raman
Account Manager, Greater China | CloudKite Pte. Ltd.
+65 6555 0188 | priya.raman@cloudkite.example.com""",
    exp=dict(subject=S("escalation", "Escalation", "Overdue Invoice INV-2026-1187", ["CloudKite Finance", "Qiheng Finance"], "Important"),
             greeting="Dear Zhao Min,",
             opening="I'm escalating invoice INV-2026-1187 (SGD 18,400, cloud services for October), which was due on 30 November and is now 15 days overdue.",
             background=["Our finance team has sent two reminders (4 Dec and 10 Dec) without a reply."],
             items=[I("Payment or a confirmed payment date", "Qiheng Finance", "by Friday, 18 December", "2026-12-18T23:59:59+08:00", None),
                    I("If the invoice is disputed, the reason in writing", "Qiheng Finance", "same date", "2026-12-18T23:59:59+08:00", None)],
             closing="I have copied your Finance Director, Mr. Wu Gang, and our Head of Finance, Ms. Lim, for visibility. I understand the incident in December may have raised questions about credits – happy to discuss on a call.",
             signature=SIG("Priya Raman", None, "Account Manager, Greater China", ["+65 6555 0188", "priya.raman@cloudkite.example.com"])))

msg(715, "thunderbird", "en", "original", frm="tom", to=["machao", "gaofeng"], cc=["lukas", "weber"],
    date="12-17 14:00", subject="[Retrospective] NH-200 Sample Issue - Nordhaus/Qiheng Supply Chain - Normal", us=["tom"],
    text="""Dear Ma Chao, dear Mr. Gao,

now that the replacement batch is on its way, I would like to close the NH-200 sample issue with a short retrospective from our side. Please add your view by Wednesday, 23 December.

What went wrong:
- Our supplier changed the adhesive curing profile without notifying us (root cause of the drift).
- The replacement batch was held in customs for 5 days because the invoice showed a part number that was not in our export licence.

Actions:
1. Supplier change notification clause added to our supplier contracts - owner: Nordhaus Purchasing - by 31 January 2027
2. Part number changes from Qiheng are sent to Nordhaus export control before they are used on orders - owner: Qiheng Supply Chain (Ma Chao) - from now on
3. 100% burn-in for all NH-200 lots until March 2027 - owner: Nordhaus QA (Lukas Hoffmann) - in place since 8 December

Thank you for the open discussion during the escalation.""",
    sig="""Kind regards
Tom
-- 
Tom Becker
Key Account Manager Asia
Nordhaus Sensorik GmbH, München
T +49 89 5550 1234 | M +49 170 5550 987""",
    exp=dict(subject=S("retrospective", "Retrospective", "NH-200 Sample Issue", ["Nordhaus", "Qiheng Supply Chain"], "Normal"),
             greeting="Dear Ma Chao, dear Mr. Gao,",
             opening="now that the replacement batch is on its way, I would like to close the NH-200 sample issue with a short retrospective from our side. Please add your view by Wednesday, 23 December.",
             background=["Our supplier changed the adhesive curing profile without notifying us (root cause of the drift).",
                         "The replacement batch was held in customs for 5 days because the invoice showed a part number that was not in our export licence."],
             items=[I("Supplier change notification clause added to our supplier contracts", "Nordhaus Purchasing", "by 31 January 2027",
                      "2027-01-31T23:59:59+08:00", None),
                    I("Part number changes from Qiheng are sent to Nordhaus export control before they are used on orders",
                      "Qiheng Supply Chain (Ma Chao)", "from now on", None, None),
                    I("100% burn-in for all NH-200 lots until March 2027", "Nordhaus QA (Lukas Hoffmann)", "in place since 8 December",
                      None, None)],
             closing="Thank you for the open discussion during the escalation.",
             signature=SIG("Tom Becker", None, "Key Account Manager Asia", ["T +49 89 5550 1234", "M +49 170 5550 987"])))

msg(716, "gmail", "en", "original", frm="kenji", to=["songjia"], cc=["yuki"],
    date="12-17 14:00", subject="[Request] January Inbound Forecast - Sakura Logistics - Normal", us=["songjia"],
    text="""Dear Song-san,

To plan staff and space for January, could you send us your inbound forecast by Friday, Dec 25, 12:00 JST?

Please include per week: number of containers, cartons and pallets, and any special handling (fragile, temperature). The template from November is fine.

Thank you, and please let me know if the Christmas period makes this difficult.""",
    sig="""Best regards,
Kenji Mori
Sakura Logistics Co., Ltd. | Osaka Bonded Warehouse
Tel: +81-6-5555-0150""",
    exp=dict(subject=S("request", "Request", "January Inbound Forecast", ["Sakura Logistics"], "Normal"), greeting="Dear Song-san,",
             opening="To plan staff and space for January, could you send us your inbound forecast by Friday, Dec 25, 12:00 JST?",
             items=[I("your inbound forecast", None, "by Friday, Dec 25, 12:00 JST", "2026-12-25T11:00:00+08:00",
                      "per week: number of containers, cartons and pallets, and any special handling (fragile, temperature)")],
             closing="Thank you, and please let me know if the Christmas period makes this difficult.",
             signature=SIG("Kenji Mori", "Osaka Bonded Warehouse", None, ["Tel: +81-6-5555-0150"])))

msg(717, "apple-mail", "zh", "original", frm="songjia", to=["zhaomin"], cc=["machao", "gaofeng"],
    date="12-18 15:00", subject="【成果确认】大阪仓首批进口税费预估-供应链部/财务部-一般", us=["songjia"],
    text="""赵敏你好：

你12月17日发来的大阪仓首批货物进口税费预估已收到，关税和消费税的计算口径与日方报关行一致（合计约JPY 2,860,000），确认可以按这个金额申请付款。

付款申请单我今天下午提交OA，麻烦财务部在12月22日（周二）前完成付款，报关行要求年前结清。""",
    sig="谢谢！\n宋佳\n供应链部 国际物流\n微信：songjia_sh",
    exp=dict(subject=S("confirmation", "成果确认", "大阪仓首批进口税费预估", ["供应链部", "财务部"], "一般"), greeting="赵敏你好：",
             opening="你12月17日发来的大阪仓首批货物进口税费预估已收到，关税和消费税的计算口径与日方报关行一致（合计约JPY 2,860,000），确认可以按这个金额申请付款。",
             items=[I("完成付款", "财务部", "12月22日（周二）前", "2026-12-22T23:59:59+08:00", None)],
             signature=SIG("宋佳", "供应链部", None, ["微信：songjia_sh"])))

msg(718, "outlook-web", "zh", "original", frm="qinlang", to=["xiaoyu", "luxin", "amylin"], cc=["fangyu", "wuqiang", "zhaomin"],
    date="12-10 10:00", subject="【项目启动】年货节大促-电商运营部/市场部/技术部/客服部-重要", us=["qinlang"],
    text="""各位同事，大家好！

2027年货节大促项目今天启动，活动时间为2027年1月10日至1月25日，请各部门于12月14日（周一）12:00前确认对接人。

背景与目标：去年年货节GMV为1,860万元，今年目标2,200万元，新客占比不低于35%。

分工：
1. 活动玩法与会场页面——负责人：电商运营部（秦朗）——12月25日前——玩法方案经市场部、财务部会签
2. 站外投放与达人合作——负责人：市场部（肖雨）——12月30日前——投放排期表及预算明细
3. 会场页面开发与压测——负责人：技术部（陆鑫）——1月6日前——压测峰值不低于去年的2倍
4. 客服话术与临时客服排班——负责人：客服部（Amy Lin）——1月8日前——覆盖活动规则、物流、退换货

附件：《2027年货节项目计划V1.0.xlsx》。如有疑问，请于12月11日下班前反馈。""",
    sig="秦朗\n电商运营部 运营经理\n电话：021-6258 3306 转 8511",
    attach=[("2027年货节项目计划V1.0.xlsx", [["序号", "任务", "负责人", "完成时间"], ["1", "活动玩法与会场页面", "秦朗", "12月25日"],
                                          ["2", "站外投放与达人合作", "肖雨", "12月30日"]])],
    exp=dict(subject=S("kickoff", "项目启动", "年货节大促", ["电商运营部", "市场部", "技术部", "客服部"], "重要"),
             greeting="各位同事，大家好！",
             opening="2027年货节大促项目今天启动，活动时间为2027年1月10日至1月25日，请各部门于12月14日（周一）12:00前确认对接人。",
             background=["去年年货节GMV为1,860万元，今年目标2,200万元，新客占比不低于35%。"],
             items=[I("活动玩法与会场页面", "电商运营部（秦朗）", "12月25日前", "2026-12-25T23:59:59+08:00", "玩法方案经市场部、财务部会签"),
                    I("站外投放与达人合作", "市场部（肖雨）", "12月30日前", "2026-12-30T23:59:59+08:00", "投放排期表及预算明细"),
                    I("会场页面开发与压测", "技术部（陆鑫）", "1月6日前", "2027-01-06T23:59:59+08:00", "压测峰值不低于去年的2倍"),
                    I("客服话术与临时客服排班", "客服部（Amy Lin）", "1月8日前", "2027-01-08T23:59:59+08:00",
                      "覆盖活动规则、物流、退换货")],
             closing="如有疑问，请于12月11日下班前反馈。",
             signature=SIG("秦朗", "电商运营部", "运营经理", ["电话：021-6258 3306 转 8511"]), clean=True))

msg(719, "thunderbird", "zh", "original", frm="liuyang", to=["qianli"], cc=["wuqiang"],
    date="12-02 10:00", subject="【需求对接】机房空调维保-行政部-一般", us=["liuyang"], fmt={"ui": "zh-CN"},
    text="""钱丽你好，

机房的两台精密空调12月底维保合同到期，需要行政部协助续签并安排年度保养。

1、续签维保合同（原厂商或比价后更换）——负责人：行政部（钱丽）——12月25日前
2、安排年度保养，时间请放在下周前两个工作日，保养期间IT会有人陪同——负责人：行政部——标准：保养报告含制冷量检测数据

上次保养报告见附件。谢谢！""",
    sig="-- \n刘洋 | IT运维部 | 分机 8720",
    attach=[("2025年度机房空调保养报告.pdf", "Server room CRAC maintenance report 2025")],
    exp=dict(subject=S("request", "需求对接", "机房空调维保", ["行政部"], "一般"), greeting="钱丽你好，",
             opening="机房的两台精密空调12月底维保合同到期，需要行政部协助续签并安排年度保养。",
             items=[I("续签维保合同（原厂商或比价后更换）", "行政部（钱丽）", "12月25日前", "2026-12-25T23:59:59+08:00", None),
                    I("安排年度保养", "行政部", "下周前两个工作日", "2026-12-08T23:59:59+08:00", "保养报告含制冷量检测数据")],
             closing="上次保养报告见附件。谢谢！",
             signature=SIG("刘洋", "IT运维部", None, ["分机 8720"])))

msg(720, "gmail", "zh", "original", frm="fangjing", to=["lina", "fangyu"], cc=["chenlei"],
    date="12-16 14:00", subject="【问题升级】年货节视频拍摄场地未确认-云启广告/市场部-紧急", us=["lina"],
    text="""李经理、方总：

年货节TVC的拍摄定在12月21日（周一），但拍摄场地（贵司上海门店）的使用许可到今天还没有确认，12月10日、12月14日我们两次邮件询问都没有回复。

摄影棚和演员的档期已经锁定，如果12月18日前场地不能确认，只能改期到1月，年货节上线会来不及。

现抄送方宇总监，请协助：
1. 书面确认门店场地可以使用（拍摄时间8:00-20:00）——负责人：市场部（李娜）——12月17日（周四）下班前
2. 如门店不方便，请告知改用备选摄影棚（费用增加约2.4万元）——负责人：市场部——12月18日中午前""",
    sig="""谢谢！
方静
-- 
方静 | 客户总监
云启广告 Yunqi Advertising
📱 137 6100 8899""",
    exp=dict(subject=S("escalation", "问题升级", "年货节视频拍摄场地未确认", ["云启广告", "市场部"], "紧急"), greeting="李经理、方总：",
             opening="年货节TVC的拍摄定在12月21日（周一），但拍摄场地（贵司上海门店）的使用许可到今天还没有确认，12月10日、12月14日我们两次邮件询问都没有回复。",
             background=["摄影棚和演员的档期已经锁定，如果12月18日前场地不能确认，只能改期到1月，年货节上线会来不及。"],
             items=[I("书面确认门店场地可以使用（拍摄时间8:00-20:00）", "市场部（李娜）", "12月17日（周四）下班前",
                      "2026-12-17T18:00:00+08:00", None),
                    I("如门店不方便，请告知改用备选摄影棚（费用增加约2.4万元）", "市场部", "12月18日中午前",
                      "2026-12-18T12:00:00+08:00", None)],
             signature=SIG("方静", None, "客户总监", ["📱 137 6100 8899"])))

msg(721, "apple-mail", "zh", "original", frm="wanglei", to=["liuyang"], cc=["zhangwei", "huangli"],
    date="12-15 10:30", subject="【问题协调】积分商城测试环境不可用-产品部/IT运维部-紧急", us=["wanglei"],
    text="""刘洋你好，

积分商城的测试环境（test-mall.qiheng.example.com）从今天早上8点起打不开，报502，测试组6个人都卡住了，12月28日上线的测试进度会受影响。

需要IT运维部帮忙：
1. 今天下午3点前恢复测试环境——负责人：IT运维部（刘洋）
2. 查明原因，避免上线前再出现——负责人：IT运维部——12月17日前给个说明

有需要我们配合的随时说。""",
    sig=WL_SIG,
    exp=dict(subject=S("issue", "问题协调", "积分商城测试环境不可用", ["产品部", "IT运维部"], "紧急"), greeting="刘洋你好，",
             opening="积分商城的测试环境（test-mall.qiheng.example.com）从今天早上8点起打不开，报502，测试组6个人都卡住了，12月28日上线的测试进度会受影响。",
             items=[I("恢复测试环境", "IT运维部（刘洋）", "今天下午3点前", "2026-12-15T15:00:00+08:00", None),
                    I("查明原因，避免上线前再出现", "IT运维部", "12月17日前", "2026-12-17T23:59:59+08:00", None)],
             closing="有需要我们配合的随时说。", signature=WL))

msg(722, "outlook", "zh", "original", frm="zhaomin", to=["all-staff@qiheng.example.com"],
    date="12-14 09:00", subject="【跟进提醒】12月报销单据提交-各部门-一般", us=["zhaomin"],
    text="""各位同事：

提醒一下，请大家在本周五（12月18日）18:00前提交12月的费用报销单据，财务部需要在年底前完成全年结账，之后提交的单据将计入2027年1月。

请注意：
1. 发票抬头须为“启衡科技有限公司”，税号完整；
2. 差旅报销需附行程单；
3. 超过5,000元的单笔报销需部门总监签字。

如有疑问请联系财务部赵敏（分机8620）。""",
    sig=ZM_SIG,
    exp=dict(subject=S("nudge", "跟进提醒", "12月报销单据提交", ["各部门"], "一般"), greeting="各位同事：",
             opening="提醒一下，请大家在本周五（12月18日）18:00前提交12月的费用报销单据，财务部需要在年底前完成全年结账，之后提交的单据将计入2027年1月。",
             items=[I("提交12月的费用报销单据", None, "本周五（12月18日）18:00前", "2026-12-18T18:00:00+08:00", None)],
             closing="如有疑问请联系财务部赵敏（分机8620）。", signature=ZM))

msg(723, "outlook-web", "zht", "original", frm="wongkh", to=["zhaomin", "wugang"], cc=["leekm"],
    date="12-18 16:00", subject="【成果彙報】香港公司11月管理賬目-財務部-一般", us=["wongkh"],
    text="""趙敏、吳總：

香港公司2026年11月管理賬目已完成，核數師無異議，現將重點匯報如下，請於12月22日（星期二）前回覆意見。

一、主要數據
1. 營業額：港幣1,284萬元，按年增長6%
2. 毛利率：38.2%（預算36%）
3. 應收賬款週轉天數：52天（上月61天）

二、跟進事項
1. 內部往來調整說明——負責：總部財務部（趙敏）——12月23日前
2. 12月存貨盤點——負責：香港財務部（黃家豪）——12月30日——核數師現場觀察

詳細報表請見附件。""",
    sig="""黃家豪 Wong Ka Ho
Finance Manager | 財務部
Qiheng Technology (Hong Kong) Limited
T: +852 2555 0188 | M: +852 9123 4567""",
    attach=[("HK_Management_Accounts_Nov2026.xlsx", [["Item", "Nov 2026 (HKD)", "Budget"], ["Revenue", "12,840,000", "12,300,000"],
                                                     ["Gross margin", "38.2%", "36.0%"]])],
    exp=dict(subject=S("result", "成果彙報", "香港公司11月管理賬目", ["財務部"], "一般"), greeting="趙敏、吳總：",
             opening="香港公司2026年11月管理賬目已完成，核數師無異議，現將重點匯報如下，請於12月22日（星期二）前回覆意見。",
             items=[I("內部往來調整說明", "總部財務部（趙敏）", "12月23日前", "2026-12-23T23:59:59+08:00", None),
                    I("12月存貨盤點", "香港財務部（黃家豪）", "12月30日", "2026-12-30T23:59:59+08:00", "核數師現場觀察")],
             closing="詳細報表請見附件。",
             signature=SIG("黃家豪 Wong Ka Ho", "財務部", "Finance Manager", ["T: +852 2555 0188", "M: +852 9123 4567"]),
             clean=True))

msg(724, "apple-mail", "zht", "original", frm="linyt", to=["chenzm", "ericlau"],
    date="12-17 17:00", subject="【進度同步】新年產品拍攝-行銷部-一般", us=["linyt"], fmt={"html": "alt"},
    text="""志明經理、Eric：

新年產品拍攝進度同步：12/16已在Eric工作室完成拍攝，共選出48張，目前修圖中，整體約完成70%。

已完成：
- 禮盒A、B各2套樣品拍攝（電商主圖＋社群用圖）
- 構圖由雅婷現場確認

待完成：
1. 修圖及交付——負責人：Eric（劉家明）——12/22（二）前——每張提供JPG及TIFF
2. 門市海報用圖挑選——負責人：台灣業務部（陳志明）——12/23（三）前

下次更新：12/22。""",
    sig=LYT_SIG,
    exp=dict(subject=S("progress-sync", "進度同步", "新年產品拍攝", ["行銷部"], "一般"), greeting="志明經理、Eric：",
             opening="新年產品拍攝進度同步：12/16已在Eric工作室完成拍攝，共選出48張，目前修圖中，整體約完成70%。",
             items=[I("修圖及交付", "Eric（劉家明）", "12/22（二）前", "2026-12-22T23:59:59+08:00", "每張提供JPG及TIFF"),
                    I("門市海報用圖挑選", "台灣業務部（陳志明）", "12/23（三）前", "2026-12-23T23:59:59+08:00", None)],
             closing="下次更新：12/22。", signature=LYT, clean=True))

msg(725, "gmail", "zht", "original", frm="huangwj", to=["chenzm"],
    date="12-17 15:00", subject="【專案啟動】2027年第一季聯合促銷-永信貿易/台灣業務部-重要", us=["chenzm"],
    text="""志明兄您好：

明年第一季的聯合促銷今天正式啟動，請台灣業務部於12/23（三）前確認窗口及以下分工。

背景：2026年聯合促銷帶動禮盒組銷量成長22%，2027年Q1目標是再成長15%，重點通路為量販店及電商。

分工：
1. 促銷方案及預算——永信貿易（黃文傑）——12/30前——含各通路折扣及費用分攤
2. 促銷品供貨計畫——啟衡台灣業務部（陳志明）——1/8前——依門市別列出數量
3. 通路陳列確認——永信貿易業務團隊——1/15前

年前再約時間開個會，謝謝！""",
    sig="""黃文傑
永信貿易有限公司 業務經理
(02)2555-6789 / 0922-555-888
LINE ID: wj.huang""",
    exp=dict(subject=S("kickoff", "專案啟動", "2027年第一季聯合促銷", ["永信貿易", "台灣業務部"], "重要"), greeting="志明兄您好：",
             opening="明年第一季的聯合促銷今天正式啟動，請台灣業務部於12/23（三）前確認窗口及以下分工。",
             background=["2026年聯合促銷帶動禮盒組銷量成長22%，2027年Q1目標是再成長15%，重點通路為量販店及電商。"],
             items=[I("促銷方案及預算", "永信貿易（黃文傑）", "12/30前", "2026-12-30T23:59:59+08:00", "含各通路折扣及費用分攤"),
                    I("促銷品供貨計畫", "啟衡台灣業務部（陳志明）", "1/8前", "2027-01-08T23:59:59+08:00", "依門市別列出數量"),
                    I("通路陳列確認", "永信貿易業務團隊", "1/15前", "2027-01-15T23:59:59+08:00", None)],
             closing="年前再約時間開個會，謝謝！",
             signature=SIG("黃文傑", None, "業務經理", ["(02)2555-6789", "0922-555-888", "LINE ID: wj.huang"])))
