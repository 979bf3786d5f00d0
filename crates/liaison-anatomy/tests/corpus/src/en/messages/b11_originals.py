# Batch 11 (690-707): more original collaboration mails, from textbook to sloppy.
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b01_partners import AMY_SIG, AMY
from messages.b03_zh import XC_SIG, XC
from messages.b04_zht import TPC_SIG, TPC

msg(690, "outlook-web", "en", "original", frm="zhouting", to=["laura"], cc=["wuqiang", "zhaomin"],
    date="12-07 11:00", subject="[Request] Background Checks for 6 New Hires - HR - Important", us=["zhouting"],
    text="""Dear Laura,

I'm writing to request background checks for 6 new hires joining Qiheng in January; the reports are needed by Tuesday, Dec 29, 18:00 SGT.

Background: all 6 are senior roles in Tech and Finance with access to payment data, so our policy requires employment, education and credit checks before the start date (Jan 4, 2027).

Requests:
1. Employment and education verification for all 6 candidates. Owner: Verity Screening (Laura Chen). Due: Tuesday, Dec 29, 18:00 SGT. Standard: last two employers and highest degree verified, written report per candidate.
2. Credit check for the 2 Finance candidates. Owner: Verity Screening (Laura Chen). Due: Tuesday, Dec 29, 18:00 SGT. Standard: report per candidate, consent forms attached.
3. Signed consent forms from the candidates. Owner: HR (Zhou Ting). Due: Friday, Dec 11. Standard: scanned PDF, one per candidate.

Attachment: Candidate_List_Dec2026.xlsx (names, roles and contact details – confidential).

Please confirm by Wednesday, Dec 9 whether the timeline works, especially over the Christmas holidays. Thank you!""",
    sig="""Best regards,
Zhou Ting
HR Dept. | Recruitment Lead
Qiheng Technology
Tel: +86 21 6258 3306 ext. 8050 | zhouting@qiheng.example.com""",
    attach=[("Candidate_List_Dec2026.xlsx", [["No.", "Name", "Role", "Dept", "Start"], ["1", "(redacted)", "Senior Backend Engineer", "Tech", "2027-01-04"],
                                             ["2", "(redacted)", "Treasury Analyst", "Finance", "2027-01-04"]])],
    exp=dict(subject=S("request", "Request", "Background Checks for 6 New Hires", ["HR"], "Important"), greeting="Dear Laura,",
             opening="I'm writing to request background checks for 6 new hires joining Qiheng in January; the reports are needed by Tuesday, Dec 29, 18:00 SGT.",
             background=["all 6 are senior roles in Tech and Finance with access to payment data, so our policy requires employment, education and credit checks before the start date (Jan 4, 2027)."],
             items=[I("Employment and education verification for all 6 candidates", "Verity Screening (Laura Chen)",
                      "Tuesday, Dec 29, 18:00 SGT", "2026-12-29T18:00:00+08:00",
                      "last two employers and highest degree verified, written report per candidate"),
                    I("Credit check for the 2 Finance candidates", "Verity Screening (Laura Chen)", "Tuesday, Dec 29, 18:00 SGT",
                      "2026-12-29T18:00:00+08:00", "report per candidate, consent forms attached"),
                    I("Signed consent forms from the candidates", "HR (Zhou Ting)", "Friday, Dec 11", "2026-12-11T23:59:59+08:00",
                      "scanned PDF, one per candidate")],
             closing="Please confirm by Wednesday, Dec 9 whether the timeline works, especially over the Christmas holidays. Thank you!",
             signature=SIG("Zhou Ting", "HR Dept.", "Recruitment Lead", ["Tel: +86 21 6258 3306 ext. 8050", "zhouting@qiheng.example.com"]),
             clean=True))

msg(691, "thunderbird", "en", "original", frm="liuyang", to=["james"], cc=["zhengkai"],
    date="12-17 09:20", subject="SFTP host key changed?? - urgent", us=["liuyang"],
    text="""James,

our SFTP client refuses to connect to your upload server since this morning (host key changed warning for sftp.harbor-analytics.example.org, fingerprint SHA256:9fK2...). Did you rotate the key? If yes pls send the new fingerprint by a second channel (phone/WhatsApp), we won't accept it otherwise.

Kai needs the corrected file from you today so this is a bit urgent.""",
    sig="Liu Yang\nQiheng IT Ops\n+86 138 0000 4521",
    exp=dict(subject=S(None, None, None, [], None), greeting="James,",
             opening="our SFTP client refuses to connect to your upload server since this morning (host key changed warning for sftp.harbor-analytics.example.org, fingerprint SHA256:9fK2...).",
             items=[I("send the new fingerprint by a second channel (phone/WhatsApp)", None, None, None, None)],
             closing="Kai needs the corrected file from you today so this is a bit urgent.",
             signature=SIG("Liu Yang", "Qiheng IT Ops", None, ["+86 138 0000 4521"])))

msg(692, "gmail", "en", "original", frm="yuki", to=["songjia"], cc=["kenji", "machao"],
    date="12-18 10:00", subject="[Progress Sync] Osaka Bonded Warehouse Go-live - Sakura Logistics - Normal", us=["yuki"],
    text="""Dear Song-san,

Weekly update: the first inbound shipment was cleared on Dec 17 and put away on Dec 18, so the warehouse is now live (about 90% of the onboarding plan done).

Done:
- Customs clearance with the corrected invoice (Dec 17, 16:20 JST).
- Put-away of 1,860 cartons; 3 cartons damaged in transit, photos in the shared folder.

Open:
1. Decision on the 3 damaged cartons (return or local disposal) – owner: Qiheng Supply Chain (Song Jia) – by Dec 22
2. January inbound forecast – owner: Qiheng Supply Chain – by Dec 25
3. Insurance certificate – owner: Yuki Tanaka – by Dec 21

Next update on Friday, Dec 25.""",
    sig="""Best regards,

Yuki Tanaka
Account Manager, International Accounts
Sakura Logistics Co., Ltd.
Tel: +81-6-5555-0134""",
    exp=dict(subject=S("progress-sync", "Progress Sync", "Osaka Bonded Warehouse Go-live", ["Sakura Logistics"], "Normal"),
             greeting="Dear Song-san,",
             opening="Weekly update: the first inbound shipment was cleared on Dec 17 and put away on Dec 18, so the warehouse is now live (about 90% of the onboarding plan done).",
             items=[I("Decision on the 3 damaged cartons (return or local disposal)", "Qiheng Supply Chain (Song Jia)", "by Dec 22",
                      "2026-12-22T23:59:59+08:00", None),
                    I("January inbound forecast", "Qiheng Supply Chain", "by Dec 25", "2026-12-25T23:59:59+08:00", None),
                    I("Insurance certificate", "Yuki Tanaka", "by Dec 21", "2026-12-21T23:59:59+08:00", None)],
             closing="Next update on Friday, Dec 25.",
             signature=SIG("Yuki Tanaka", "International Accounts", "Account Manager", ["Tel: +81-6-5555-0134"])))

msg(693, "apple-mail", "en", "original", frm="kevin", to=["jessica"],
    date="12-08 08:40", subject="[Request] intro to BrightLane - Sales - Normal", us=["kevin"], fmt={"iphone": True},
    text="""Jessica – Redwood wants new in-store signage for the analytics launch in Feb. Could you intro me to Sarah at BrightLane this week? A short call before Christmas would be ideal.

Also pls send me the case study of the holiday page if you have one (PDF is fine).""",
    sig="Thx,\nKevin", mobile="Sent from my iPhone",
    exp=dict(subject=S("request", "Request", "intro to BrightLane", ["Sales"], "Normal"), greeting="Jessica –",
             opening="Redwood wants new in-store signage for the analytics launch in Feb.",
             items=[I("intro me to Sarah at BrightLane", None, "this week", "2026-12-13T23:59:59+08:00", None),
                    I("send me the case study of the holiday page", None, None, None, "PDF is fine")],
             signature=SIG("Kevin", None, None, [])))

msg(694, "outlook", "en", "original", frm="amylin", to=["wuqiang"], cc=["zhaohui", "zhangwei", "luxin"],
    date="12-14 17:00", subject="[Escalation] Help-center Payment FAQ Review Overdue - Customer Service/Tech - Urgent",
    us=["amylin"],
    text="""Dear Wu Qiang,

I'm escalating the Tech review of the new payment FAQ (open item 2 of the Gateway v3 result mail), which was due Dec 11 and is still not done; customers keep calling about UnionPay refunds and our agents have no approved answer.

Timeline:
- Dec 7: FAQ draft sent to Lu Xin for technical review.
- Dec 10 and Dec 14: reminders on WeCom, no reply (Lu Xin is on the coupon bug).
- Since Dec 8: 46 calls about UnionPay refunds, average handling time 9 minutes.

What I need:
1. Technical review of the FAQ – owner: Tech Dept (any engineer who knows the refund flow) – by Wednesday, Dec 16, 12:00
2. Confirmation of the date when UnionPay refunds will be automated – owner: Tech Dept (Lu Xin) – same day

I've copied my director, Zhao Hui, and Zhang Wei for visibility.""",
    sig=AMY_SIG,
    exp=dict(subject=S("escalation", "Escalation", "Help-center Payment FAQ Review Overdue", ["Customer Service", "Tech"], "Urgent"),
             greeting="Dear Wu Qiang,",
             opening="I'm escalating the Tech review of the new payment FAQ (open item 2 of the Gateway v3 result mail), which was due Dec 11 and is still not done; customers keep calling about UnionPay refunds and our agents have no approved answer.",
             items=[I("Technical review of the FAQ", "Tech Dept (any engineer who knows the refund flow)", "by Wednesday, Dec 16, 12:00",
                      "2026-12-16T12:00:00+08:00", None),
                    I("Confirmation of the date when UnionPay refunds will be automated", "Tech Dept (Lu Xin)", "same day",
                      "2026-12-16T23:59:59+08:00", None)],
             closing="I've copied my director, Zhao Hui, and Zhang Wei for visibility.", signature=AMY))

msg(695, "outlook-web", "en", "original", frm="qinlang", to=["zhaomin", "sunhao"], cc=["fangyu"],
    date="12-18 15:00", subject="[Retrospective] JP Marketplace Store Setup - E-commerce Ops/Finance/Legal - Normal", us=["qinlang"],
    text="""Hi Zhao Min, hi Sun Hao,

Both JP stores were verified on Dec 16, five days later than planned; here's a short retro. Please add your points by Tuesday, Dec 22.

What slipped: the signed seller agreement (Dec 10 → Dec 14), because the signature page sat on my desk for two days, and the bank statement translation, which needed a second round.

Improvements:
1. Signature pages go through the legal e-sign tool instead of paper – owner: Legal (Sun Hao) – from January
2. Certified translations are ordered on day 1, in parallel with the documents – owner: Finance (Zhao Min) – next platform launch
3. A shared checklist with owners and dates per platform – owner: E-commerce Operations (Qin Lang) – by Dec 23

Thanks both for pulling this through!""",
    sig="""Qin Lang
E-commerce Operations | Qiheng Technology
Tel: 021-6258 3306 ext. 8511""",
    exp=dict(subject=S("retrospective", "Retrospective", "JP Marketplace Store Setup", ["E-commerce Ops", "Finance", "Legal"], "Normal"),
             greeting="Hi Zhao Min, hi Sun Hao,",
             opening="Both JP stores were verified on Dec 16, five days later than planned; here's a short retro. Please add your points by Tuesday, Dec 22.",
             background=["the signed seller agreement (Dec 10 → Dec 14), because the signature page sat on my desk for two days, and the bank statement translation, which needed a second round."],
             items=[I("Signature pages go through the legal e-sign tool instead of paper", "Legal (Sun Hao)", "from January", None, None),
                    I("Certified translations are ordered on day 1, in parallel with the documents", "Finance (Zhao Min)",
                      "next platform launch", None, None),
                    I("A shared checklist with owners and dates per platform", "E-commerce Operations (Qin Lang)", "by Dec 23",
                      "2026-12-23T23:59:59+08:00", None)],
             closing="Thanks both for pulling this through!",
             signature=SIG("Qin Lang", "E-commerce Operations", None, ["Tel: 021-6258 3306 ext. 8511"])))

msg(696, "thunderbird", "en", "original", frm="tom", to=["zhangwei", "machao"], cc=["lukas", "weber"],
    date="12-18 09:00", subject="[Confirmation] NH-300 team members - Nordhaus/Qiheng R&D - Normal", us=["tom"],
    text="""Dear Zhang Wei, dear Ma Chao,

thank you for naming your team members (Zhang Wei, Lu Xin and Ma Chao) – we confirm the NH-300 core team as listed in your mail of 17 December. On your question about EMC: yes, the EMC requirements of the HX-3 controller are part of work package 1.

Since EMC is included, we agree to move the date of work package 1 from the first business day after New Year to 15 January 2027.

See you in the call on Tuesday.""",
    sig="""Best regards
Tom
-- 
Tom Becker
Key Account Manager Asia
Nordhaus Sensorik GmbH, München
T +49 89 5550 1234 | M +49 170 5550 987""",
    exp=dict(subject=S("confirmation", "Confirmation", "NH-300 team members", ["Nordhaus", "Qiheng R&D"], "Normal"),
             greeting="Dear Zhang Wei, dear Ma Chao,",
             opening="thank you for naming your team members (Zhang Wei, Lu Xin and Ma Chao) – we confirm the NH-300 core team as listed in your mail of 17 December.",
             items=[I("work package 1", None, "15 January 2027", "2027-01-15T23:59:59+08:00", None)],
             closing="See you in the call on Tuesday.",
             signature=SIG("Tom Becker", None, "Key Account Manager Asia", ["T +49 89 5550 1234", "M +49 170 5550 987"])))

msg(697, "gmail", "en", "original", frm="marco", to=["machao", "hexue"],
    date="12-18 16:30", subject="[Result Report] Spring Gift Boxes Production Completed - LumenPack - Normal", us=["marco"],
    text="""Hi Ma Chao, hi He Xue,

Good news: all 5,000 gift boxes were produced and passed our final QC today, two days ahead of plan. Please check the QC summary below and let us know of any concerns within 24 hours.

QC results:
- Dimensions within ±0.5 mm on 200 sampled boxes (spec ±1 mm)
- Foil adhesion test: 0 failures
- Colour: ΔE 1.2 against the approved sample (limit 2.0)

Next steps:
1. Pick-up by your forwarder from our Milano warehouse – owner: Qiheng Supply Chain (Ma Chao) – by Dec 23
2. Final invoice and packing list – owner: LumenPack (Marco Rossi) – Dec 21

The QC report is attached.""",
    sig="""Best regards,
Marco
-- 
Marco Rossi
Key Account Manager | LumenPack S.r.l.
Via Tortona 27, 20144 Milano | +39 02 5555 0177""",
    attach=[("LumenPack_QC_Report_SFGB-5000.pdf", "LumenPack final QC report - Spring Festival gift box x5000")],
    exp=dict(subject=S("result", "Result Report", "Spring Gift Boxes Production Completed", ["LumenPack"], "Normal"),
             greeting="Hi Ma Chao, hi He Xue,",
             opening="Good news: all 5,000 gift boxes were produced and passed our final QC today, two days ahead of plan. Please check the QC summary below and let us know of any concerns within 24 hours.",
             items=[I("Pick-up by your forwarder from our Milano warehouse", "Qiheng Supply Chain (Ma Chao)", "by Dec 23",
                      "2026-12-23T23:59:59+08:00", None),
                    I("Final invoice and packing list", "LumenPack (Marco Rossi)", "Dec 21", "2026-12-21T23:59:59+08:00", None)],
             closing="The QC report is attached.",
             signature=SIG("Marco Rossi", None, "Key Account Manager", ["Via Tortona 27, 20144 Milano", "+39 02 5555 0177"])))

msg(698, "apple-mail", "zh", "original", frm="hexue", to=["lina", "machao"], cc=["fangyu", "huangli"],
    date="12-09 14:00", subject="【项目启动】2027品牌VI升级-设计部/市场部-重要", us=["hexue"],
    text="""各位好：

2027品牌VI升级项目今天启动，请市场部于12月11日（周五）前确认对接人，并在12月16日前提供品牌调研结论。

背景：现有VI于2019年制定，新业务（跨境、会员）上线后，多个渠道的视觉不统一。目标是在2027年3月前完成新VI手册，并在4月起全渠道切换。

分工：
（1）品牌调研结论（用户认知、竞品对比）——市场部（李娜）——12月16日前——结论不超过10页PPT
（2）VI方向提案（3个方向）——设计部（何雪）——1月8日前——含Logo、色彩、字体
（3）供应商比选（如需外包）——采购（马超）——1月15日前

附件是项目计划，欢迎补充。""",
    sig="何雪\n设计部 视觉设计主管\n手机：136 0000 7788",
    attach=[("2027品牌VI升级项目计划.pdf", "2027 Brand VI Upgrade - project plan")],
    exp=dict(subject=S("kickoff", "项目启动", "2027品牌VI升级", ["设计部", "市场部"], "重要"), greeting="各位好：",
             opening="2027品牌VI升级项目今天启动，请市场部于12月11日（周五）前确认对接人，并在12月16日前提供品牌调研结论。",
             background=["现有VI于2019年制定，新业务（跨境、会员）上线后，多个渠道的视觉不统一。",
                         "目标是在2027年3月前完成新VI手册，并在4月起全渠道切换。"],
             items=[I("品牌调研结论（用户认知、竞品对比）", "市场部（李娜）", "12月16日前", "2026-12-16T23:59:59+08:00",
                      "结论不超过10页PPT"),
                    I("VI方向提案（3个方向）", "设计部（何雪）", "1月8日前", "2027-01-08T23:59:59+08:00", "含Logo、色彩、字体"),
                    I("供应商比选（如需外包）", "采购（马超）", "1月15日前", "2027-01-15T23:59:59+08:00", None)],
             closing="附件是项目计划，欢迎补充。",
             signature=SIG("何雪", "设计部", "视觉设计主管", ["手机：136 0000 7788"]), clean=True))

msg(699, "outlook-web", "zh", "original", frm="liting", to=["zhaomin"], cc=["gaofeng", "wugang"],
    date="12-14 10:00", subject="【需求对接】华南经销商年终返利核算-财务部-紧急", us=["liting"],
    text="""赵敏您好！

华南区120家经销商的年终返利需要财务部协助核算，请在三个工作日内（12月17日前）给出核算结果，经销商大会定在12月22日。

背景：今年返利政策按季度累计进货额阶梯计算（政策文件见附件），销售部已经整理好1-11月进货明细，12月数据按预估。

需求：
1. 按政策核算每家经销商的返利金额——负责人：财务部（赵敏）——12月17日前——结果按经销商编号列表，注明计算口径
2. 12月实际数据出来后的差额调整方案——负责人：财务部——12月31日前

有任何口径问题随时电话我。""",
    sig="""李婷
销售部 华南区经理
手机：135 0000 8866｜座机：020-3888 6600 转 21""",
    attach=[("2026华南经销商返利政策.pdf", "South China distributor rebate policy 2026"),
            ("华南经销商1-11月进货明细.xlsx", [["经销商编号", "名称", "Q1", "Q2", "Q3", "10-11月"], ["GZ001", "（略）", "128,000", "142,500", "151,000", "96,300"]])],
    exp=dict(subject=S("request", "需求对接", "华南经销商年终返利核算", ["财务部"], "紧急"), greeting="赵敏您好！",
             opening="华南区120家经销商的年终返利需要财务部协助核算，请在三个工作日内（12月17日前）给出核算结果，经销商大会定在12月22日。",
             background=["今年返利政策按季度累计进货额阶梯计算（政策文件见附件），销售部已经整理好1-11月进货明细，12月数据按预估。"],
             items=[I("按政策核算每家经销商的返利金额", "财务部（赵敏）", "12月17日前", "2026-12-17T23:59:59+08:00",
                      "结果按经销商编号列表，注明计算口径"),
                    I("12月实际数据出来后的差额调整方案", "财务部", "12月31日前", "2026-12-31T23:59:59+08:00", None)],
             closing="有任何口径问题随时电话我。",
             signature=SIG("李婷", "销售部", "华南区经理", ["手机：135 0000 8866", "座机：020-3888 6600 转 21"]), clean=True))

msg(700, "thunderbird", "zh", "original", frm="zhengkai", to=["luxin"], cc=["zhangwei", "liuyang"],
    date="12-10 20:30", subject="【问题协调】会员数据同步延迟-数据部/技术部-紧急", us=["zhengkai"], fmt={"ui": "zh-CN"},
    text="""陆鑫，你好：

今天下午开始，会员中心到数据仓库的同步延迟超过6小时（正常是10分钟内），BI看板上的会员数据停在今天14:00，明天早上的经营日报会受影响。

初步看是会员中心的binlog订阅在14:05断开后没有自动重连，我这边手动重连了两次都失败（报错：position not found）。

需要技术部协助：
1. 今晚24:00前恢复同步（或给出绕行方案）——负责人：技术部（陆鑫）
2. 明早9点前确认数据是否有丢失——负责人：技术部——标准：会员表行数和会员中心一致

日志我放在附件里了。""",
    sig="""-- 
郑凯
数据部 数据产品经理
分机：8433 | 微信：zk_data""",
    attach=[("binlog_sync_error_1210.log", "2026-12-10 14:05:12 ERROR binlog subscriber disconnected: position not found\n"
                                          "2026-12-10 16:40:03 ERROR reconnect failed: position not found\n")],
    exp=dict(subject=S("issue", "问题协调", "会员数据同步延迟", ["数据部", "技术部"], "紧急"), greeting="陆鑫，你好：",
             opening="今天下午开始，会员中心到数据仓库的同步延迟超过6小时（正常是10分钟内），BI看板上的会员数据停在今天14:00，明天早上的经营日报会受影响。",
             background=["初步看是会员中心的binlog订阅在14:05断开后没有自动重连，我这边手动重连了两次都失败（报错：position not found）。"],
             items=[I("恢复同步（或给出绕行方案）", "技术部（陆鑫）", "今晚24:00前", "2026-12-11T00:00:00+08:00", None),
                    I("确认数据是否有丢失", "技术部", "明早9点前", "2026-12-11T09:00:00+08:00", "会员表行数和会员中心一致")],
             closing="日志我放在附件里了。",
             signature=SIG("郑凯", "数据部", "数据产品经理", ["分机：8433", "微信：zk_data"])))

msg(701, "gmail", "zh", "original", frm="xuchen", to=["xiaoyu"],
    date="12-18 10:15", subject="【跟进提醒】年会主视觉设计费-许晨设计-一般", us=["xuchen"],
    text="""肖雨你好，

不好意思打扰一下：年会主视觉的设计费发票12月8日已经寄出，按合同是验收后15天内付款，想问下进度如何？

年底我这边要报税，麻烦安排一下设计费付款，如果能在月底左右到账就最好了，谢谢～""",
    sig=XC_SIG,
    exp=dict(subject=S("nudge", "跟进提醒", "年会主视觉设计费", ["许晨设计"], "一般"), greeting="肖雨你好，",
             opening="不好意思打扰一下：年会主视觉的设计费发票12月8日已经寄出，按合同是验收后15天内付款，想问下进度如何？",
             items=[I("安排一下设计费付款", None, "月底左右", None, None)],
             signature=XC))

msg(702, "apple-mail", "zh", "original", frm="xiaoyu", to=["qinlang", "lina"], cc=["fangyu"],
    date="12-13 23:10", subject="【成果同步】双十二直播间数据-市场部-一般", us=["xiaoyu"], fmt={"iphone": True},
    text="""各位，双十二直播（12月10日-12日）数据先同步一下，详细版周一发：

- 累计观看 86.4万人次，峰值在线 1.2万
- 直播间成交 312万元，占全店 24%
- 新增粉丝 2.1万

周一（12月14日）中午前我出完整复盘报告，大家辛苦了🙏""",
    mobile="发自我的iPhone",
    exp=dict(subject=S("result", "成果同步", "双十二直播间数据", ["市场部"], "一般"), greeting="各位，",
             opening="双十二直播（12月10日-12日）数据先同步一下，详细版周一发：",
             items=[I("出完整复盘报告", None, "周一（12月14日）中午前", "2026-12-14T12:00:00+08:00", None)],
             closing="周一（12月14日）中午前我出完整复盘报告，大家辛苦了🙏"))

msg(703, "outlook", "zh", "original", frm="zhangwei", to=["luxin", "zhaomin", "amylin"], cc=["wuqiang"],
    date="12-11 18:00", subject="【复盘】支付网关v3上线首周问题-技术部-一般", us=["zhangwei"], fmt={"charset": "gbk"},
    text="""各位：

支付网关v3于12月4日上线，首周出现2次P2级问题，现做简要复盘，请相关同事在12月15日（周二）前补充。

问题回顾：
1. 12月5日（周六）21:10-21:35，部分银联卡支付超时，影响约340笔订单；
2. 12月8日，对账文件字段顺序变更导致财务自动对账失败，人工处理半天。

原因分析：压测未覆盖银联通道的高峰场景；对账文件变更未提前通知财务部。

改进措施：
（1）银联通道补充压测，峰值按双十二预估量的1.5倍——负责人：技术部（陆鑫）——12月15日前完成
（2）对账文件任何变更需提前3个工作日邮件通知财务部——负责人：技术部（张伟）——即日起执行
（3）支付相关变更增加财务部验收环节——负责人：财务部（赵敏）——1月起

相关记录已归档至“跨部门协作-支付网关v3”。""",
    sig="张伟\n技术部 后端组负责人\n分机 8305 | zhangwei@qiheng.example.com",
    exp=dict(subject=S("retrospective", "复盘", "支付网关v3上线首周问题", ["技术部"], "一般"), greeting="各位：",
             opening="支付网关v3于12月4日上线，首周出现2次P2级问题，现做简要复盘，请相关同事在12月15日（周二）前补充。",
             background=["12月5日（周六）21:10-21:35，部分银联卡支付超时，影响约340笔订单；", "12月8日，对账文件字段顺序变更导致财务自动对账失败，人工处理半天。", "压测未覆盖银联通道的高峰场景；对账文件变更未提前通知财务部。"],
             items=[I("银联通道补充压测，峰值按双十二预估量的1.5倍", "技术部（陆鑫）", "12月15日前", "2026-12-15T23:59:59+08:00", None),
                    I("对账文件任何变更需提前3个工作日邮件通知财务部", "技术部（张伟）", "即日起执行", None, None),
                    I("支付相关变更增加财务部验收环节", "财务部（赵敏）", "1月起", None, None)],
             closing="相关记录已归档至“跨部门协作-支付网关v3”。",
             signature=SIG("张伟", "技术部", "后端组负责人", ["分机 8305", "zhangwei@qiheng.example.com"])))

msg(704, "outlook-web", "zh", "original", frm="zhouting", to=["wuqiang", "huangli", "fangyu"], cc=["gaofeng"],
    date="12-11 17:30", subject="【进度同步】2027校招-人力资源部-一般", us=["zhouting"],
    text="""各位负责人：

2027届校招进度同步：网申已开放一周，目前收到简历1,286份，整体进度符合计划。

进展：
- 校招公告已于12月4日发布（第3项完成）；
- 面试官名单：技术部、产品部均已提交（共14人）；
- 宣讲会：按方宇总的建议改由HR负责，市场部已提供品牌模板。

待办：
1. 面试官培训——负责人：人力资源部（周婷）——12月17日（周四）14:00——全部面试官参加
2. 笔试题目终审——负责人：技术部（吴强）——12月21日前

下次同步：12月18日。""",
    sig="""周婷
人力资源部 招聘主管
电话：021-6258 3306 转 8050 | 邮箱：zhouting@qiheng.example.com""",
    exp=dict(subject=S("progress-sync", "进度同步", "2027校招", ["人力资源部"], "一般"), greeting="各位负责人：",
             opening="2027届校招进度同步：网申已开放一周，目前收到简历1,286份，整体进度符合计划。",
             items=[I("面试官培训", "人力资源部（周婷）", "12月17日（周四）14:00", "2026-12-17T14:00:00+08:00", "全部面试官参加"),
                    I("笔试题目终审", "技术部（吴强）", "12月21日前", "2026-12-21T23:59:59+08:00", None)],
             closing="下次同步：12月18日。",
             signature=SIG("周婷", "人力资源部", "招聘主管", ["电话：021-6258 3306 转 8050", "邮箱：zhouting@qiheng.example.com"]),
             clean=True))

msg(705, "outlook-web", "zht", "original", frm="wongkh", to=["zhaomin", "wugang"], cc=["zhenghua", "leekm"],
    date="12-10 16:00", subject="【問題升級】銀行函證回覆延遲-財務部-緊急", us=["wongkh"],
    text="""趙敏、吳總：

香港公司審計所需的5間銀行函證，其中招商銀行上海分行（總部資金部開立的賬戶）至今未回覆，核數師要求12月18日前收齊，否則年結報告要延期。

我們12月1日寄出函證，12月7日及12月9日兩次跟進，銀行表示需要總部資金部出具授權書。

請協助：
1. 總部資金部於12月14日（星期一）前向銀行提供授權書——負責：總部財務部（趙敏）
2. 如銀行仍未能於12月17日前回覆，請吳總協調銀行客戶經理——負責：吳剛""",
    sig="""多謝！
黃家豪 Wong Ka Ho
Finance Manager | 財務部
Qiheng Technology (Hong Kong) Limited
T: +852 2555 0188 | M: +852 9123 4567""",
    exp=dict(subject=S("escalation", "問題升級", "銀行函證回覆延遲", ["財務部"], "緊急"), greeting="趙敏、吳總：",
             opening="香港公司審計所需的5間銀行函證，其中招商銀行上海分行（總部資金部開立的賬戶）至今未回覆，核數師要求12月18日前收齊，否則年結報告要延期。",
             background=["我們12月1日寄出函證，12月7日及12月9日兩次跟進，銀行表示需要總部資金部出具授權書。"],
             items=[I("向銀行提供授權書", "總部財務部（趙敏）", "12月14日（星期一）前", "2026-12-14T23:59:59+08:00", None),
                    I("協調銀行客戶經理", "吳剛", None, None, None)],
             signature=SIG("黃家豪 Wong Ka Ho", "財務部", "Finance Manager", ["T: +852 2555 0188", "M: +852 9123 4567"])))

msg(706, "thunderbird", "zht", "original", frm="tsaipc", to=["liuch"], cc=["leekh"],
    date="12-17 11:00", subject="【成果確認】新辦公室機房空調報價-採購部/資訊部-一般", us=["tsaipc"], fmt={"charset": "big5"},
    text="""建宏您好：

您12/16轉來的兩家機房空調施工報價已收到，規格都符合機房需求（N+1備援、24小時運轉），資訊部確認可以進入議價。

建議優先考慮第二家（報價NT$486,000，工期10天），可在1/15前完工，不影響1/22的網路建置期限。請採購部於12/23前完成議價並回覆結果。""",
    sig="謝謝！\n" + TPC_SIG,
    exp=dict(subject=S("confirmation", "成果確認", "新辦公室機房空調報價", ["採購部", "資訊部"], "一般"), greeting="建宏您好：",
             opening="您12/16轉來的兩家機房空調施工報價已收到，規格都符合機房需求（N+1備援、24小時運轉），資訊部確認可以進入議價。",
             items=[I("完成議價並回覆結果", "採購部", "12/23前", "2026-12-23T23:59:59+08:00", None)],
             signature=TPC))

msg(707, "gmail", "zht", "original", frm="ericlau", to=["cheungml"],
    date="12-15 12:30", subject="【需求確認】農曆新年門市拍攝-客戶服務部-一般", us=["ericlau"],
    text="""Hi 美玲，

之前傾過嘅農曆新年門市拍攝，報價同日期想你幫手確認一下：

1. 報價：半日拍攝 HK$8,800（包修圖20張），請喺12月18號（星期五）之前確認
2. 拍攝日期：1月9號（星期六）朝早9點至1點，銅鑼灣店
3. 門市方面要預留一位同事全程協助

確認咗我就book定影樓助手。唔該！""",
    sig="""Eric
-- 
Eric Lau 劉家明 | Photographer
IG: @ericlau.studio | WhatsApp: +852 6123 4567""",
    exp=dict(subject=S("request", "需求確認", "農曆新年門市拍攝", ["客戶服務部"], "一般"), greeting="Hi 美玲，",
             opening="之前傾過嘅農曆新年門市拍攝，報價同日期想你幫手確認一下：",
             items=[I("報價：半日拍攝 HK$8,800（包修圖20張）", None, "12月18號（星期五）之前", "2026-12-18T23:59:59+08:00", None),
                    I("拍攝日期：1月9號（星期六）朝早9點至1點，銅鑼灣店", None, None, None, None),
                    I("門市方面要預留一位同事全程協助", None, None, None, None)],
             closing="確認咗我就book定影樓助手。唔該！",
             signature=SIG("Eric Lau 劉家明", None, "Photographer", ["IG: @ericlau.studio", "WhatsApp: +852 6123 4567"])))
