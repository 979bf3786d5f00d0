# Batch 3 (540-559): Simplified Chinese from Apple Mail, Gmail, Outlook (English UI), OWA, Thunderbird.
from corpus_en.model import msg, ghost, S, I, SIG, R

# ---------------------------------------------------------------- thread I: 积分商城改版
SUBJ_I = "【需求对接】会员积分商城改版-设计部/技术部-紧急"
S_I = S("request", "需求对接", "会员积分商城改版", ["设计部", "技术部"], "紧急")
WL_SIG = """王磊
产品部｜产品经理
电话：021-6258 3306 转 8201｜微信：wanglei_pm"""
WL = SIG("王磊", "产品部", "产品经理", ["电话：021-6258 3306 转 8201", "微信：wanglei_pm"])

msg(540, "apple-mail", "zh", "original", frm="wanglei", to=["hexue", "zhangwei"], cc=["huangli"],
    date="12-01 10:05", subject=SUBJ_I, us=["wanglei"],
    text="""何雪、张伟，你们好！

特此对接会员积分商城改版需求，请设计部于12月4日18:00前提交首页与兑换页视觉稿，技术部于12月9日18:00前完成接口评估。

背景与目标：根据11月27日产品评审会决议，积分商城将于12月21日改版上线，目标是将积分兑换率从当前的12%提升至20%。

具体需求：
需求1：首页与兑换页视觉稿（含移动端）。负责人：设计部（何雪）；截止时间：12月4日18:00前；交付标准：Figma源文件，按《积分商城改版需求V1.1》第3节的模块划分。
需求2：兑换接口改造评估。负责人：技术部（张伟）；截止时间：12月9日18:00前；交付标准：接口清单、工作量（人天）及风险说明。

附件说明：附件《积分商城改版需求V1.1.pdf》详细说明改版范围与页面结构，请查阅。

如有疑问，请于今天17:00前反馈，逾期将默认按上述安排推进。谢谢！""",
    sig=WL_SIG, attach=[("积分商城改版需求V1.1.pdf", "Points Mall Redesign Requirements V1.1")],
    exp=dict(subject=S_I, greeting="何雪、张伟，你们好！",
             opening="特此对接会员积分商城改版需求，请设计部于12月4日18:00前提交首页与兑换页视觉稿，技术部于12月9日18:00前完成接口评估。",
             background=["根据11月27日产品评审会决议，积分商城将于12月21日改版上线，目标是将积分兑换率从当前的12%提升至20%。"],
             items=[I("首页与兑换页视觉稿（含移动端）", "设计部（何雪）", "12月4日18:00前", "2026-12-04T18:00:00+08:00",
                      "Figma源文件，按《积分商城改版需求V1.1》第3节的模块划分"),
                    I("兑换接口改造评估", "技术部（张伟）", "12月9日18:00前", "2026-12-09T18:00:00+08:00",
                      "接口清单、工作量（人天）及风险说明")],
             closing="如有疑问，请于今天17:00前反馈，逾期将默认按上述安排推进。谢谢！",
             signature=WL, clean=True))

msg(541, "apple-mail", "zh", "reply", frm="hexue", to=["wanglei"], cc=["zhangwei", "huangli"],
    date="12-01 11:30", subject="Re: " + SUBJ_I, us=["wanglei"], parent=540, fmt={"cte": "base64"},
    text="""王磊你好，

收到。想确认两点：
1. 移动端是只做H5，还是App内嵌页也要单独出一版？
2. 兑换页的“限时秒杀”模块这次要不要做？需求文档第3节里写了，但评审会上好像说放到二期。

确认后我这边就开始排期。""",
    sig="何雪\n设计部",
    exp=dict(subject=S_I, greeting="王磊你好，", signature=SIG("何雪", "设计部", None, []),
             reply=R("question", None, [1])))

msg(542, "outlook", "zh", "reply", frm="zhangwei", to=["wanglei"], cc=["hexue", "huangli"],
    date="12-01 14:20", subject="RE: " + SUBJ_I, us=["wanglei"], parent=540,
    text="""王磊，

需求2收到，我们周三下午开个短会过一下现有兑换接口，评估结果12月8日（周二）下班前发你，比要求的时间提前一天。""",
    sig="张伟\n技术部 后端组\n分机 8305",
    exp=dict(subject=S_I, greeting="王磊，", signature=SIG("张伟", "技术部", None, ["分机 8305"]),
             reply=R("promise", "2026-12-08T18:00:00+08:00", [2])))

msg(543, "apple-mail", "zh", "reply", frm="hexue", to=["wanglei"], cc=["zhangwei", "huangli"],
    date="12-04 17:20", subject="Re: " + SUBJ_I, us=["wanglei"], parent=540,
    text="""王磊：

首页视觉稿已完成，Figma链接：https://www.figma.com/design/JfQ2heXue/points-mall-home?node-id=0-1 ，请查收。

兑换页还差移动端的两个状态（库存不足、兑换成功），今晚加个班，明天（周六）中午12点前补齐。""",
    sig="何雪",
    exp=dict(subject=S_I, greeting="王磊：", signature=SIG("何雪", None, None, []),
             reply=R("partial-delivery", "2026-12-05T12:00:00+08:00", [1])))

msg(544, "apple-mail", "zh", "reply", frm="wanglei", to=["hexue"], cc=["zhangwei", "huangli"],
    date="12-07 10:15", subject="Re: " + SUBJ_I, us=["wanglei"], parent=543,
    text="""何雪，

视觉稿（首页+兑换页）都看过了，模块划分符合需求文档第3节，需求1确认完成，辛苦了！

两个小修改：兑换按钮颜色统一用品牌橙 #FF7A00；积分余额放在首屏右上角。修改后直接更新在Figma里即可，不用再发邮件。""",
    sig=WL_SIG,
    exp=dict(subject=S_I, greeting="何雪，", signature=WL, reply=R("confirmation", None, [1])))

msg(545, "outlook", "zh", "reply", frm="zhangwei", to=["wanglei"], cc=["hexue", "huangli"],
    date="12-08 17:30", subject="RE: " + SUBJ_I, us=["wanglei"], parent=542, fmt={"charset": "gb2312"},
    text="""王磊，抱歉，需求2的评估要晚两天。

原因：周末支付网关v3的线上问题占用了两位同事，兑换接口涉及的库存服务还没来得及过。预计12月10日（周四）18:00前发你评估结果，如果影响12月21日上线，我们再一起调整排期。""",
    sig="张伟\n技术部 后端组\n分机 8305",
    exp=dict(subject=S_I, greeting="王磊，", signature=SIG("张伟", "技术部", None, ["分机 8305"]),
             reply=R("delay", "2026-12-10T18:00:00+08:00", [2])))

# ---------------------------------------------------------------- thread J: 年会主视觉 (freelancer on Gmail)
SUBJ_J = "年会主视觉设计需求（急）"
S_J = S(None, None, None, [], None)

msg(546, "apple-mail", "zh", "original", frm="xiaoyu", to=["xuchen"],
    date="12-02 20:40", subject=SUBJ_J, us=["xiaoyu"],
    text="""许老师好～

上次聊的年会主视觉，公司这边定下来了，主题是“破浪 2027”。麻烦您帮忙出3个方向的草图，下周一之前能给到我吗？我们周二要给老板过。

尺寸：主KV 1920*1080，易拉宝 80*200cm，邀请函 H5 长图。
风格参考我放在附件里了，老板比较喜欢蓝色系，不要太“科技感”。

费用按之前报的价格走，有问题随时微信我～""",
    sig="肖雨 | 市场部 活动运营\n微信：xiaoyu_0926",
    attach=[("年会主视觉参考图.zip", [("ref-01.png", ("png", 64, 36)), ("ref-02.png", ("png", 64, 36)),
                                  ("说明.txt", "老板喜欢的几张参考，蓝色系为主。")])],
    exp=dict(subject=S_J, greeting="许老师好～",
             opening="上次聊的年会主视觉，公司这边定下来了，主题是“破浪 2027”。麻烦您帮忙出3个方向的草图，下周一之前能给到我吗？我们周二要给老板过。",
             items=[I("出3个方向的草图", None, "下周一之前", "2026-12-07T23:59:59+08:00",
                      "主KV 1920*1080，易拉宝 80*200cm，邀请函 H5 长图")],
             closing="费用按之前报的价格走，有问题随时微信我～",
             signature=SIG("肖雨", "市场部", "活动运营", ["微信：xiaoyu_0926"])))

XC_SIG = """许晨
-- 
许晨 Xu Chen | 独立视觉设计师
xuchen.design@gmail.com | 138 1700 2266"""
XC = SIG("许晨 Xu Chen", None, "独立视觉设计师", ["xuchen.design@gmail.com", "138 1700 2266"])

msg(547, "gmail", "zh", "reply", frm="xuchen", to=["xiaoyu"],
    date="12-02 22:15", subject="Re: " + SUBJ_J, us=["xiaoyu"], parent=546,
    text="""肖雨你好，

收到～主题挺好的。3个方向没问题，我周日晚上（12月6日）10点前发你，方便你周一上午先看一遍。

易拉宝是单面还是双面？""",
    sig=XC_SIG,
    exp=dict(subject=S_J, greeting="肖雨你好，", signature=XC,
             reply=R("promise", "2026-12-06T22:00:00+08:00", [1])))

msg(548, "gmail", "zh", "reply", frm="xuchen", to=["xiaoyu"],
    date="12-06 21:30", subject="Re: " + SUBJ_J, us=["xiaoyu"], parent=547,
    text="""肖雨，

3个方向的草图都在这里了，请查收：
https://pan.baidu.com/s/1xQ7eKp2026NyPoLang 提取码: k7m2

A：深海蓝渐变+浪花线条（最稳）
B：版画风格的帆船，偏文艺
C：纯字体设计，“破浪”两个字做主体

每个方向都有主KV和易拉宝的排版示意，邀请函H5等定了方向再做。""",
    sig=XC_SIG,
    exp=dict(subject=S_J, greeting="肖雨，", signature=XC, reply=R("delivery", None, [1])))

msg(549, "apple-mail", "zh", "reply", frm="xiaoyu", to=["xuchen"],
    date="12-08 19:40", subject="Re: " + SUBJ_J, us=["xiaoyu"], parent=548, fmt={"iphone": True},
    text="""许老师，老板选了方向A，说很满意👍 草图这一轮就算确认了。
H5邀请函和终稿的时间我们明天电话对一下？""",
    mobile="发自我的iPhone",
    exp=dict(subject=S_J, greeting="许老师，", reply=R("confirmation", None, [1])))

# ---------------------------------------------------------------- thread K: 供应商付款
SUBJ_K = "【问题协调】12月供应商付款-采购部/财务部-需今日反馈"
S_K = S("issue", "问题协调", "12月供应商付款", ["采购部", "财务部"], "需今日反馈")
ZM_SIG = """赵敏
财务部 应付组 主管
电话：021-6258 3306 转 8620"""
ZM = SIG("赵敏", "财务部", "主管", ["电话：021-6258 3306 转 8620"])

msg(550, "outlook", "zh", "original", frm="zhaomin", to=["machao"], cc=["gaofeng", "huangli"],
    date="12-03 09:30", subject=SUBJ_K, us=["zhaomin"], fmt={"charset": "gb2312"},
    text="""马超，您好！

关于12月第一批供应商付款，财务部目前有6张发票因缺少验收单无法付款，需采购部今天18:00前补齐，否则将顺延到12月17日的下一个付款批次。

问题描述：12月2日财务初审时发现，6张发票在系统中没有对应的入库验收单（明细见附件），涉及金额共计38.6万元，其中Nordhaus的2张发票已逾期7天。

需协调事项：
（1）补齐6张发票对应的验收单扫描件；负责人：采购部（马超）；完成时间：今天（12月3日）18:00前；标准：验收单需有仓库签字。
（2）确认Nordhaus两张发票是否因样品质量问题暂缓支付；负责人：马超；完成时间：12月4日12:00前；标准：邮件书面确认即可。

附件：《12月第一批付款-缺验收单明细.xlsx》

如今天18:00前无法补齐，请提前告知，我这边和供应商沟通顺延。""",
    sig=ZM_SIG,
    attach=[("12月第一批付款-缺验收单明细.xlsx", [["发票号", "供应商", "金额", "状态"], ["26110387", "Nordhaus", "86,400.00", "缺验收单"],
                                           ["26110412", "Nordhaus", "54,000.00", "缺验收单"]])],
    exp=dict(subject=S_K, greeting="马超，您好！",
             opening="关于12月第一批供应商付款，财务部目前有6张发票因缺少验收单无法付款，需采购部今天18:00前补齐，否则将顺延到12月17日的下一个付款批次。",
             background=["12月2日财务初审时发现，6张发票在系统中没有对应的入库验收单（明细见附件），涉及金额共计38.6万元，其中Nordhaus的2张发票已逾期7天。"],
             items=[I("补齐6张发票对应的验收单扫描件", "采购部（马超）", "今天（12月3日）18:00前",
                      "2026-12-03T18:00:00+08:00", "验收单需有仓库签字"),
                    I("确认Nordhaus两张发票是否因样品质量问题暂缓支付", "马超", "12月4日12:00前",
                      "2026-12-04T12:00:00+08:00", "邮件书面确认即可")],
             closing="如今天18:00前无法补齐，请提前告知，我这边和供应商沟通顺延。",
             signature=ZM, clean=True))

MC_ZH_SIG = """马超 Ma Chao
供应链部 | 供应商质量工程师
手机/微信：139 1234 5678"""
MC_ZH = SIG("马超 Ma Chao", "供应链部", "供应商质量工程师", ["手机/微信：139 1234 5678"])

msg(551, "outlook", "zh", "reply", frm="machao", to=["zhaomin"], cc=["gaofeng", "huangli"],
    date="12-03 17:10", subject="RE: " + SUBJ_K, us=["zhaomin"], parent=550,
    text="""赵敏你好，

6张里有4张的验收单已补扫，附件是扫描件，请查收。

剩下2张是Nordhaus的，样品批次还在处理质量问题（8D报告周五出），按我们和供应商的约定，这两张先暂缓支付，等替换批次到货验收后再走下一批次付款。这条就算对（2）的书面确认了。""",
    sig=MC_ZH_SIG, attach=[("验收单扫描件_4张.pdf", "Goods receipt notes (4 scans)")],
    exp=dict(subject=S_K, greeting="赵敏你好，", signature=MC_ZH, reply=R("partial-delivery", None, [1, 2])))

msg(552, "outlook", "zh", "reply", frm="zhaomin", to=["machao"], cc=["gaofeng", "huangli"],
    date="12-04 09:20", subject="RE: " + SUBJ_K, us=["zhaomin"], parent=551, fmt={"charset": "gb2312"},
    text="""马超：

4张验收单已核对无误，今天随第一批付款一起支付；Nordhaus的2张按你的确认暂缓，已在系统里备注。谢谢！""",
    sig=ZM_SIG,
    exp=dict(subject=S_K, greeting="马超：", signature=ZM, reply=R("confirmation", None, [1, 2])))

# ---------------------------------------------------------------- thread L: 校园招聘 kickoff (OWA)
SUBJ_L = "【项目启动】2027届校园招聘-人力资源部/各用人部门-重要"
S_L = S("kickoff", "项目启动", "2027届校园招聘", ["人力资源部", "各用人部门"], "重要")

msg(553, "outlook-web", "zh", "original", frm="zhouting", to=["wuqiang", "huangli", "fangyu"], cc=["gaofeng"],
    date="11-23 14:00", subject=SUBJ_L, us=["zhouting"],
    text="""各位部门负责人，大家好！

2027届校园招聘项目今天正式启动，请各用人部门于11月27日（周五）18:00前确认招聘需求和面试官名单。

项目背景与目标：公司明年计划扩充研发与产品团队，本次校招目标录用应届生40人，其中技术类不少于25人，入职时间为2027年7月。

各部门职责与待办：
| 序号 | 事项 | 负责人 | 完成时间 | 交付标准 |
| 1 | 提交岗位需求（岗位名称、人数、要求） | 各用人部门负责人 | 11月27日18:00前 | 按附件模板填写，部门负责人签字 |
| 2 | 确认面试官名单及可面试时间 | 技术部（吴强）、产品部（黄丽） | 11月30日18:00前 | 每个岗位至少2名面试官 |
| 3 | 发布校招公告并开放网申 | 人力资源部（周婷） | 12月4日 | 公告经各部门确认后发布 |
| 4 | 宣讲会场地与物料 | 市场部（方宇） | 12月11日前 | 易拉宝、PPT、宣传册各一套 |

关键节点：网申截止12月20日，笔试12月26日，面试2027年1月4日至1月15日。启动会定于11月25日（周三）15:00，3楼大会议室。

附件：《2027校招岗位需求模板.xlsx》、《校招项目计划V1.0.pdf》。

请各部门于11月27日18:00前回复确认对接人。感谢大家的支持！""",
    sig="""周婷
人力资源部 招聘主管
电话：021-6258 3306 转 8050 | 邮箱：zhouting@qiheng.example.com""",
    attach=[("2027校招岗位需求模板.xlsx", [["部门", "岗位名称", "人数", "要求", "负责人签字"]]),
            ("校招项目计划V1.0.pdf", "Campus Recruitment 2027 - project plan V1.0")],
    exp=dict(subject=S_L, greeting="各位部门负责人，大家好！",
             opening="2027届校园招聘项目今天正式启动，请各用人部门于11月27日（周五）18:00前确认招聘需求和面试官名单。",
             background=["公司明年计划扩充研发与产品团队，本次校招目标录用应届生40人，其中技术类不少于25人，入职时间为2027年7月。"],
             items=[I("提交岗位需求（岗位名称、人数、要求）", "各用人部门负责人", "11月27日18:00前",
                      "2026-11-27T18:00:00+08:00", "按附件模板填写，部门负责人签字"),
                    I("确认面试官名单及可面试时间", "技术部（吴强）、产品部（黄丽）", "11月30日18:00前",
                      "2026-11-30T18:00:00+08:00", "每个岗位至少2名面试官"),
                    I("发布校招公告并开放网申", "人力资源部（周婷）", "12月4日", "2026-12-04T23:59:59+08:00",
                      "公告经各部门确认后发布"),
                    I("宣讲会场地与物料", "市场部（方宇）", "12月11日前", "2026-12-11T23:59:59+08:00",
                      "易拉宝、PPT、宣传册各一套")],
             closing="请各部门于11月27日18:00前回复确认对接人。感谢大家的支持！",
             signature=SIG("周婷", "人力资源部", "招聘主管", ["电话：021-6258 3306 转 8050", "邮箱：zhouting@qiheng.example.com"]),
             clean=True))

msg(554, "outlook", "zh", "reply", frm="fangyu", to=["zhouting"], cc=["wuqiang", "huangli", "gaofeng"],
    date="11-24 10:30", subject="RE: " + SUBJ_L, us=["zhouting"], parent=553,
    text="""周婷你好，

第4项（宣讲会场地与物料）我们有不同意见：按公司分工，校园宣讲的场地预订和物料制作一直是人力资源部负责，市场部只提供品牌模板和审稿，往年也是这样分的。这个月市场部在忙年会和双十二，确实抽不出人。

建议第4项负责人改为人力资源部，市场部在12月4日前把品牌模板（PPT、易拉宝）发给你们，物料出稿后我们2个工作日内审核。""",
    sig="方宇\n市场部 总监\n分机 8100",
    exp=dict(subject=S_L, greeting="周婷你好，", signature=SIG("方宇", "市场部", "总监", ["分机 8100"]),
             reply=R("dispute", None, [4])))

msg(555, "outlook", "zh", "auto-reply", frm="wuqiang", to=["zhouting"],
    date="11-23 14:00:31", subject="Automatic reply: " + SUBJ_L, us=["zhouting"], parent=553, quote="none",
    headers=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")],
    text="""您好，我于11月23日至11月27日在深圳出差，期间邮件回复可能不及时。紧急事项请联系技术部张伟（zhangwei@qiheng.example.com，分机8305）。谢谢！""",
    sig="吴强",
    exp=dict(subject=S_L, signature=SIG("吴强", None, None, []), reply=R("auto-reply", None, None)))

# ---------------------------------------------------------------- 复盘 (Thunderbird, zh-CN UI)
SUBJ_M = "【复盘】双11大促数据看板延迟上线-数据部/市场部/技术部-一般"
S_M = S("retrospective", "复盘", "双11大促数据看板延迟上线", ["数据部", "市场部", "技术部"], "一般")

msg(556, "thunderbird", "zh", "original", frm="zhengkai", to=["lina", "qinlang", "luxin"], cc=["fangyu", "wuqiang"],
    date="11-24 16:00", subject=SUBJ_M, us=["zhengkai"],
    text="""各位好，

双11大促数据看板比计划晚了2天上线（计划11月9日，实际11月11日凌晨），这里做一个简短复盘，请大家在11月26日（周四）下班前补充意见。

一、经过
11月2日需求确认；11月6日市场部追加了“直播间GMV”等5个指标；11月9日埋点数据未到位，看板延期；11月11日00:40上线。

二、原因
1. 需求变更没有书面确认，追加指标后排期没有同步调整；
2. 埋点需求没有写清楚数据格式，技术部按旧格式上报，数据部返工。

三、改进措施
（1）需求变更必须邮件确认并更新分工表——负责人：数据部（郑凯）——12月1日起执行
（2）埋点需求附数据格式模板——负责人：技术部（陆鑫）——12月4日前出模板——标准：字段名、类型、示例值齐全
（3）大促前两周冻结需求——负责人：市场部（李娜）——下次大促（年货节）执行

复盘记录已归档至共享文件夹“跨部门协作-双11数据看板”。""",
    sig="""-- 
郑凯
数据部 数据产品经理
分机：8433 | 微信：zk_data""",
    exp=dict(subject=S_M, greeting="各位好，",
             opening="双11大促数据看板比计划晚了2天上线（计划11月9日，实际11月11日凌晨），这里做一个简短复盘，请大家在11月26日（周四）下班前补充意见。",
             background=["11月2日需求确认；11月6日市场部追加了“直播间GMV”等5个指标；11月9日埋点数据未到位，看板延期；11月11日00:40上线。"],
             items=[I("需求变更必须邮件确认并更新分工表", "数据部（郑凯）", "12月1日起执行", None, None),
                    I("埋点需求附数据格式模板", "技术部（陆鑫）", "12月4日前", "2026-12-04T23:59:59+08:00",
                      "字段名、类型、示例值齐全"),
                    I("大促前两周冻结需求", "市场部（李娜）", "下次大促（年货节）执行", None, None)],
             closing="复盘记录已归档至共享文件夹“跨部门协作-双11数据看板”。",
             signature=SIG("郑凯", "数据部", "数据产品经理", ["分机：8433", "微信：zk_data"])))

msg(557, "outlook", "zh", "reply", frm="luxin", to=["zhengkai"], cc=["lina", "qinlang", "fangyu", "wuqiang"],
    date="11-25 09:12", subject="RE: " + SUBJ_M, us=["zhengkai"], parent=556,
    text="收到，复盘内容没有异议。",
    sig="陆鑫\n技术部",
    exp=dict(subject=S_M, signature=SIG("陆鑫", "技术部", None, []), reply=R("acknowledgement", None, None)))

# ---------------------------------------------------------------- 成果确认 (original) and the agency's answer
SUBJ_N = "【成果确认】双十二品牌视频-市场部-一般"
S_N = S("confirmation", "成果确认", "双十二品牌视频", ["市场部"], "一般")

msg(558, "outlook", "zh", "original", frm="lina", to=["fangjing"], cc=["fangyu"],
    date="12-14 11:00", subject=SUBJ_N, us=["lina"],
    text="""方经理，您好！

贵司12月11日交付的双十二品牌视频终版（1条60秒主视频+6条15秒切片）已收到，经市场部审核，画面、字幕和时长均符合合同附件二的交付标准，特此确认验收通过。

后续安排：
1. 请于12月18日前开具本期服务费发票（金额以合同为准）并寄至市场部李娜；
2. 原始工程文件上传至共享盘“跨部门协作-双十二品牌视频”，12月25日前完成。

感谢云启团队这段时间的辛苦配合！""",
    sig="""李娜
市场部 品牌经理
Tel: 021-6258 3306 ext. 8102 | Mobile: 186 2100 3344""",
    exp=dict(subject=S_N, greeting="方经理，您好！",
             opening="贵司12月11日交付的双十二品牌视频终版（1条60秒主视频+6条15秒切片）已收到，经市场部审核，画面、字幕和时长均符合合同附件二的交付标准，特此确认验收通过。",
             items=[I("开具本期服务费发票（金额以合同为准）并寄至市场部李娜", None, "12月18日前", "2026-12-18T23:59:59+08:00", None),
                    I("原始工程文件上传至共享盘“跨部门协作-双十二品牌视频”", None, "12月25日前",
                      "2026-12-25T23:59:59+08:00", None)],
             closing="感谢云启团队这段时间的辛苦配合！",
             signature=SIG("李娜", "市场部", "品牌经理", ["Tel: 021-6258 3306 ext. 8102", "Mobile: 186 2100 3344"])))

msg(559, "gmail", "zh", "reply", frm="fangjing", to=["lina"], cc=["fangyu"],
    date="12-14 13:26", subject="Re: " + SUBJ_N, us=["lina"], parent=558, fmt={"ui": "zh-CN"},
    text="""李经理好，

收到确认，谢谢！发票这周内寄出，快递单号到时候微信发您。""",
    sig="""方静
-- 
方静 | 客户总监
云启广告 Yunqi Advertising
📱 137 6100 8899""",
    exp=dict(subject=S_N, greeting="李经理好，", signature=SIG("方静", None, "客户总监", ["📱 137 6100 8899"]),
             reply=R("promise", "2026-12-20T23:59:59+08:00", [1])))
