# Batch 9 (660-679): Simplified Chinese (template residue, holiday deadlines, negations) and Traditional Chinese.
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b03_zh import WL_SIG, WL
from messages.b06_zh import SUBJ_Y, S_Y
from messages.b07_zht import SUBJ_AH as SUBJ_BGM, S_AH as S_BGM
from messages.b05_en import QIHENG_DISCLAIMER

ZT_SIG = """周婷
人力资源部 招聘主管
电话：021-6258 3306 转 8050 | 邮箱：zhouting@qiheng.example.com"""
ZT = SIG("周婷", "人力资源部", "招聘主管", ["电话：021-6258 3306 转 8050", "邮箱：zhouting@qiheng.example.com"])

# ---------------------------------------------------------------- a template with slots left unfilled (OWA)
SUBJ_AO = "【需求对接】年会节目报名-各部门-一般"
S_AO = S("request", "需求对接", "年会节目报名", ["各部门"], "一般")

msg(660, "outlook-web", "zh", "original", frm="zhouting", to=["huangli", "fangyu", "wuqiang", "zhaomin"], cc=["zhenghua"],
    date="12-07 10:00", subject=SUBJ_AO, us=["zhouting"],
    text="""各位同事，大家好！

2027年公司年会定于1月22日（周五）在上海举行，现征集各部门节目，请于X月X日前将报名表发送至人力资源部。

具体要求：
1. 每个部门至少报送1个节目，时长不超过6分钟；负责人：各部门行政助理；截止时间：12月18日（周五）18:00前；
2. 节目彩排安排在【日期】下午，地点另行通知；
3. 需要道具或音响支持的，请在报名表中注明。

附件：《2027年会节目报名表.xlsx》

谢谢大家的配合！""",
    sig=ZT_SIG, attach=[("2027年会节目报名表.xlsx", [["部门", "节目名称", "类型", "人数", "时长", "道具/音响需求"]])],
    exp=dict(subject=S_AO, greeting="各位同事，大家好！",
             opening="2027年公司年会定于1月22日（周五）在上海举行，现征集各部门节目，请于X月X日前将报名表发送至人力资源部。",
             items=[I("每个部门至少报送1个节目", "各部门行政助理", "12月18日（周五）18:00前", "2026-12-18T18:00:00+08:00",
                      "时长不超过6分钟"),
                    I("节目彩排", None, "【日期】下午", None, None),
                    I("需要道具或音响支持的，请在报名表中注明", None, None, None, None)],
             closing="谢谢大家的配合！", signature=ZT))

msg(661, "outlook", "zh", "reply", frm="zhaomin", to=["zhouting"],
    date="12-07 11:20", subject="RE: " + SUBJ_AO, us=["zhouting"], parent=660,
    text="""周婷，

开头写的是“X月X日前”，下面写的是12月18日，以哪个为准？彩排的日期是不是也还没定？""",
    sig="赵敏",
    exp=dict(subject=S_AO, greeting="周婷，", signature=SIG("赵敏", None, None, []), reply=R("question", None, [1, 2])))

# ---------------------------------------------------------------- WMS 升级: kickoff with holiday deadlines, delay, escalation
SUBJ_AP = "【项目启动】华东仓WMS系统升级-供应链部/IT运维部/财务部-重要"
S_AP = S("kickoff", "项目启动", "华东仓WMS系统升级", ["供应链部", "IT运维部", "财务部"], "重要")
GF_SIG = """高峰
供应链部 总监
电话：021-6258 3306 转 8400｜手机：139 0000 6677"""
GF = SIG("高峰", "供应链部", "总监", ["电话：021-6258 3306 转 8400", "手机：139 0000 6677"])

msg(662, "outlook-web", "zh", "original", frm="gaofeng", to=["songjia", "liuyang", "zhaomin"], cc=["wuqiang", "zhenghua"],
    date="12-01 09:00", subject=SUBJ_AP, us=["gaofeng"],
    text="""各位好！

华东仓WMS系统升级项目今天正式启动，请各部门于12月3日（周四）18:00前确认项目对接人。

项目背景与目标：现有WMS已使用8年，双十一期间出现两次宕机。目标是元旦后第一个工作日切换到新系统，春节前完成稳定运行，拣货效率提升20%。

分工与时间节点：
| 序号 | 任务 | 负责人 | 完成时间 | 交付标准 |
| 1 | 业务流程梳理与需求确认 | 供应链部（宋佳） | 12月11日前 | 流程图及需求清单经仓库主管签字 |
| 2 | 服务器与网络环境准备 | IT运维部（刘洋） | 12月18日前 | 压测通过，双机热备可切换 |
| 3 | 库存期初数据核对 | 财务部（赵敏） | 12月30日前 | 账实差异率低于0.1% |
| 4 | 系统切换上线 | 供应链部（高峰） | 元旦后第一个工作日 | 当日订单全部在新系统出库 |

附件：《华东仓WMS升级项目计划V1.0.pdf》。

请各部门于12月3日18:00前回复对接人，谢谢！""",
    sig=GF_SIG, attach=[("华东仓WMS升级项目计划V1.0.pdf", "East China warehouse WMS upgrade - project plan V1.0")],
    exp=dict(subject=S_AP, greeting="各位好！",
             opening="华东仓WMS系统升级项目今天正式启动，请各部门于12月3日（周四）18:00前确认项目对接人。",
             background=["现有WMS已使用8年，双十一期间出现两次宕机。",
                         "目标是元旦后第一个工作日切换到新系统，春节前完成稳定运行，拣货效率提升20%。"],
             items=[I("业务流程梳理与需求确认", "供应链部（宋佳）", "12月11日前", "2026-12-11T23:59:59+08:00",
                      "流程图及需求清单经仓库主管签字"),
                    I("服务器与网络环境准备", "IT运维部（刘洋）", "12月18日前", "2026-12-18T23:59:59+08:00", "压测通过，双机热备可切换"),
                    I("库存期初数据核对", "财务部（赵敏）", "12月30日前", "2026-12-30T23:59:59+08:00", "账实差异率低于0.1%"),
                    I("系统切换上线", "供应链部（高峰）", "元旦后第一个工作日", "2027-01-04T23:59:59+08:00",
                      "当日订单全部在新系统出库")],
             closing="请各部门于12月3日18:00前回复对接人，谢谢！", signature=GF, clean=True))

msg(663, "thunderbird", "zh", "reply", frm="liuyang", to=["gaofeng"], cc=["songjia", "zhaomin", "wuqiang"],
    date="12-14 17:20", subject="Re: " + SUBJ_AP, us=["gaofeng"], parent=662, fmt={"ui": "zh-CN"},
    text="""高总，

服务器供应商刚通知到货要推到12月21日，第2项只能延到12月23日前完成压测，抱歉。网络和机柜已经准备好了，到货当天就能上架。""",
    sig="-- \n刘洋 | IT运维部 | 分机 8720",
    exp=dict(subject=S_AP, greeting="高总，", signature=SIG("刘洋", "IT运维部", None, ["分机 8720"]),
             reply=R("delay", "2026-12-23T23:59:59+08:00", [2])))

msg(664, "outlook-web", "zh", "reply", frm="gaofeng", to=["wuqiang", "zhenghua"], cc=["liuyang", "songjia", "zhaomin"],
    date="12-15 09:30", subject="RE: " + SUBJ_AP, us=["gaofeng"], parent=663,
    text="""吴总、郑总：

WMS升级第2项（服务器与网络环境）原定12月18日前完成，刘洋12月14日告知服务器12月21日才到货，压测要到12月23日。这样留给用户验收测试的时间只剩一周，元旦后切换的风险很大。

现抄送两位，请协助决策：
1. 是否同意先租用云服务器做验收测试环境（约1.2万元/月）——请吴总于12月17日（周四）中午前确认；
2. 如不同意，切换时间是否顺延到1月11日——请郑总12月18日前决定。""",
    sig=GF_SIG,
    exp=dict(subject=S_AP, greeting="吴总、郑总：",
             signature=GF, reply=R("escalation", None, [2])))

# ---------------------------------------------------------------- a logistics partner's monthly report (Gmail) and a negated acknowledgement
YF_SIG2 = """杨帆
-- 
杨帆 | 客户经理 | 星河国际物流
Tel: 021-5888 7766 | Mob: 139 0212 3344"""
SUBJ_AQ = "【成果汇报】11月出口物流服务报告-星河物流-一般"
S_AQ = S("result", "成果汇报", "11月出口物流服务报告", ["星河物流"], "一般")

msg(665, "gmail", "zh", "original", frm="yangfan", to=["songjia", "machao"], cc=["zhoujun"],
    date="12-04 10:30", subject=SUBJ_AQ, us=["yangfan"],
    text="""宋佳、马经理您好：

附件是星河物流11月份为贵司提供出口物流服务的月度报告，请查收；如对数据有疑问，请在12月9日前告诉我。

11月要点：
- 出运12票、柜量26个，准时出运率100%；
- 平均报关时长6.5小时（目标≤8小时）；
- 1票因申报要素缺失延误1天（11月18日），已在报告第3页说明。

12月计划：
1. 12月第二批出口的报关资料——负责人：贵司供应链部——12月9日前提供（船期预计12月12日）；
2. 年底运价调整通知——负责人：星河物流（杨帆）——12月15日前发出。

感谢一直以来的支持！""",
    sig=YF_SIG2, attach=[("星河物流_11月服务报告_启衡科技.pdf", "Xinghe Logistics - November service report")],
    exp=dict(subject=S_AQ, greeting="宋佳、马经理您好：",
             opening="附件是星河物流11月份为贵司提供出口物流服务的月度报告，请查收；如对数据有疑问，请在12月9日前告诉我。",
             items=[I("12月第二批出口的报关资料", "贵司供应链部", "12月9日前", "2026-12-09T23:59:59+08:00", None),
                    I("年底运价调整通知", "星河物流（杨帆）", "12月15日前", "2026-12-15T23:59:59+08:00", None)],
             closing="感谢一直以来的支持！",
             signature=SIG("杨帆", None, "客户经理", ["Tel: 021-5888 7766", "Mob: 139 0212 3344"])))

msg(666, "apple-mail", "zh", "reply", frm="songjia", to=["yangfan"], cc=["machao", "zhoujun"],
    date="12-04 15:00", subject="Re: " + SUBJ_AQ, us=["yangfan"], parent=665,
    text="""杨帆你好，报告收到了，数据没有异议。谢谢！""",
    sig="宋佳",
    exp=dict(subject=S_AQ, greeting="杨帆你好，", signature=SIG("宋佳", None, None, []),
             reply=R("acknowledgement", None, None)))

# ---------------------------------------------------------------- BI 看板: confirmation, nudge, a promise with negations
msg(667, "thunderbird", "zh", "original", frm="zhengkai", to=["chenhao"], cc=["liuyang"],
    date="12-16 10:20", subject="【成果确认】BI看板迁移演练-数据部-一般", us=["zhengkai"], fmt={"html": "alt", "ui": "zh-CN"},
    text="""陈工，您好：

12月15日晚的迁移演练报告已收到，演练耗时2小时40分，全部32个看板数据校验一致，回退演练也成功，符合方案V2.0第5节的验收标准，确认通过。

正式切换仍按12月19日（周六）22:00进行。请深蓝数据在12月18日（周五）17:00前把切换当晚的值守人员名单和联系电话发给我。

辛苦了！""",
    sig="""-- 
郑凯
数据部 数据产品经理
分机：8433 | 微信：zk_data""",
    exp=dict(subject=S("confirmation", "成果确认", "BI看板迁移演练", ["数据部"], "一般"), greeting="陈工，您好：",
             opening="12月15日晚的迁移演练报告已收到，演练耗时2小时40分，全部32个看板数据校验一致，回退演练也成功，符合方案V2.0第5节的验收标准，确认通过。",
             items=[I("把切换当晚的值守人员名单和联系电话发给我", "深蓝数据", "12月18日（周五）17:00前",
                      "2026-12-18T17:00:00+08:00", None)],
             closing="辛苦了！", signature=SIG("郑凯", "数据部", "数据产品经理", ["分机：8433", "微信：zk_data"]), clean=True))

SUBJ_AR = "【跟进提醒】BI看板需求冻结确认-市场部-紧急"
S_AR = S("nudge", "跟进提醒", "BI看板需求冻结确认", ["市场部"], "紧急")

msg(668, "thunderbird", "zh", "original", frm="zhengkai", to=["lina"], cc=["fangyu"],
    date="12-07 10:05", subject=SUBJ_AR, us=["zhengkai"], fmt={"ui": "zh-CN"},
    text="""李娜，

上周五发的看板需求冻结（12月12日起冻结，新需求排到1月）还没收到市场部确认，今天下班前我要回复供应商。

麻烦今天16:00前确认是否同意冻结；如有必须在冻结前上线的需求，也请一并列出。""",
    sig="郑凯\n数据部",
    exp=dict(subject=S_AR, greeting="李娜，",
             opening="上周五发的看板需求冻结（12月12日起冻结，新需求排到1月）还没收到市场部确认，今天下班前我要回复供应商。",
             items=[I("确认是否同意冻结", None, "今天16:00前", "2026-12-07T16:00:00+08:00", None)],
             signature=SIG("郑凯", "数据部", None, [])))

msg(669, "outlook", "zh", "reply", frm="lina", to=["zhengkai"], cc=["fangyu"],
    date="12-07 11:40", subject="RE: " + SUBJ_AR, us=["zhengkai"], parent=668,
    text="""郑凯，

冻结的事我还要和方总确认一下，应该没问题，不会影响切换计划。今天下午5点前给你书面答复。""",
    sig="李娜\n市场部",
    exp=dict(subject=S_AR, greeting="郑凯，", signature=SIG("李娜", "市场部", None, []),
             reply=R("promise", "2026-12-07T17:00:00+08:00", [1])))

# ---------------------------------------------------------------- 直播素材版权: an escalation in the thread (Gmail) and a retro
ghost("gAH1", "gmail", "zh", "reply", frm="fangjing", to=["xiaoyu"], cc=["lina", "fangyu"], date="12-08 20:10",
      subject="Re: " + SUBJ_BGM, parent=639,
      text="肖雨你好，\n\n版本A换的是开场15秒的音乐，版本B整条都换了。A改动小，B和画面节奏更贴。", sig="方静")

msg(670, "gmail", "zh", "reply", frm="fangjing", to=["lina", "fangyu"], cc=["xiaoyu", "chenlei"],
    date="12-09 15:00", subject="Re: " + SUBJ_BGM, us=["fangjing"], parent="gAH1",
    text="""李经理、方总：

双十二两条直播切片的替代音乐，原定今天中午12点前确认，目前还没有收到市场部的选择（版本说明已于昨晚20:10回复肖雨）。平台明天上午10点开始投放，素材需要今晚22:00前提交审核。

现抄送方宇总监和我司负责人陈磊，请协助：今晚20:00前确认替代版本（A或B），负责人：市场部。如今晚无法确认，我们默认使用版本A提交审核。""",
    sig="谢谢！\n方静",
    exp=dict(subject=S_BGM, greeting="李经理、方总：",
             signature=SIG("方静", None, None, []), reply=R("escalation", None, [1])))

msg(673, "gmail", "zh", "original", frm="fangjing", to=["lina", "xiaoyu"], cc=["fangyu", "chenlei"],
    date="12-14 11:30", subject="【复盘】双十二直播切片版权事件-云启广告/市场部-一般", us=["fangjing"],
    text="""李经理、肖雨：

双十二直播切片的版权问题已处理完毕（2条切片换用版本A后于12月9日23:40重新过审），这里简单复盘一下，请在12月18日前补充意见。

原因：我司剪辑师使用了非正版曲库的背景音乐，上线前没有做版权核查；客户审片时也没有版权这一项。

改进措施：
1. 所有素材音乐统一从正版曲库选取，交付时附授权证明——负责人：云启广告（方静）——即日起
2. 市场部审片清单增加“音乐/字体版权”一项——负责人：市场部（肖雨）——12月31日前
3. 紧急素材替换的决策人和备份决策人写入项目通讯录——负责人：市场部（李娜）——12月18日前

损失：2条切片晚投放约1天，预估影响曝光约15万次。""",
    sig="""方静
-- 
方静 | 客户总监
云启广告 Yunqi Advertising
📱 137 6100 8899""",
    exp=dict(subject=S("retrospective", "复盘", "双十二直播切片版权事件", ["云启广告", "市场部"], "一般"),
             greeting="李经理、肖雨：",
             opening="双十二直播切片的版权问题已处理完毕（2条切片换用版本A后于12月9日23:40重新过审），这里简单复盘一下，请在12月18日前补充意见。",
             background=["我司剪辑师使用了非正版曲库的背景音乐，上线前没有做版权核查；客户审片时也没有版权这一项。", "2条切片晚投放约1天，预估影响曝光约15万次。"],
             items=[I("所有素材音乐统一从正版曲库选取，交付时附授权证明", "云启广告（方静）", "即日起", None, None),
                    I("市场部审片清单增加“音乐/字体版权”一项", "市场部（肖雨）", "12月31日前", "2026-12-31T23:59:59+08:00", None),
                    I("紧急素材替换的决策人和备份决策人写入项目通讯录", "市场部（李娜）", "12月18日前",
                      "2026-12-18T23:59:59+08:00", None)],
             signature=SIG("方静", None, "客户总监", ["📱 137 6100 8899"])))

# ---------------------------------------------------------------- forwards (OWA, Thunderbird zh-CN)
msg(671, "outlook-web", "zh", "forward", frm="qinlang", to=["zhenghua"],
    date="12-14 11:20", subject="FW: [Result Sync] Double 12 Campaign Results - E-commerce Ops - Normal", us=["qinlang"],
    parent=597,
    text="""郑总，

双十二的结果汇总见下，GMV超目标8%。优惠券叠加的问题陆鑫在跟，12月18日前修复。""",
    sig="秦朗",
    attach=[("Double12_Results_Dec10-12.xlsx", [["Store", "GMV (RMB)", "CVR", "Refund rate"], ["Tmall", "8,120,000", "4.3%", "2.1%"],
                                                 ["JD", "4,840,000", "3.8%", "2.6%"]])],
    exp=dict(subject=S("result", "Result Sync", "Double 12 Campaign Results", ["E-commerce Ops"], "Normal"),
             greeting="郑总，", signature=SIG("秦朗", None, None, [])))

msg(672, "thunderbird", "zh", "forward", frm="liuyang", to=["dengchao"],
    date="12-07 09:40", subject="Fwd: 【成果汇报】机房UPS更换完成-IT运维部-一般", us=["liuyang"], parent=610,
    fmt={"ui": "zh-CN"},
    text="""邓超，

UPS更换的结果你看下。遗留事项第1项的告警阈值调整，需要你们安全组在监控平台上给我开一下配置权限，今天能开吗？""",
    sig="刘洋",
    exp=dict(subject=S("result", "成果汇报", "机房UPS更换完成", ["IT运维部"], "一般"), greeting="邓超，",
             signature=SIG("刘洋", None, None, [])))

# ---------------------------------------------------------------- 积分商城: a progress sync (Apple Mail) and a nudge
SUBJ_AS = "【进度同步】会员积分商城改版-产品部-一般"
S_AS = S("progress-sync", "进度同步", "会员积分商城改版", ["产品部"], "一般")

msg(674, "apple-mail", "zh", "original", frm="wanglei", to=["zhangwei", "sunhao", "hexue"], cc=["huangli"],
    date="12-14 09:45", subject=SUBJ_AS, us=["wanglei"], fmt={"cte": "base64"},
    text="""各位好，

积分商城改版本周进度：整体完成约55%，上线时间维持12月28日（周一），目前无阻塞。

本周完成：
- 视觉稿终稿确认（12月7日）
- 兑换接口评估确认（12月11日）

下周计划：
1. 前端开发完成首页与兑换页——技术部（张伟）——12月18日（周五）前
2. 积分规则文案审核——法务部（孙浩）——12月17日前——标准：符合积分规则公示要求

风险：香港区积分补偿（12月16日发放）会占用一天的测试资源，已预留。

下次同步：12月17日。""",
    sig=WL_SIG,
    exp=dict(subject=S_AS, greeting="各位好，",
             opening="积分商城改版本周进度：整体完成约55%，上线时间维持12月28日（周一），目前无阻塞。",
             items=[I("前端开发完成首页与兑换页", "技术部（张伟）", "12月18日（周五）前", "2026-12-18T23:59:59+08:00", None),
                    I("积分规则文案审核", "法务部（孙浩）", "12月17日前", "2026-12-17T23:59:59+08:00", "符合积分规则公示要求")],
             closing="下次同步：12月17日。", signature=WL, clean=True))

msg(675, "apple-mail", "zh", "reply", frm="wanglei", to=["sunhao"], cc=["huangli"],
    date="12-17 16:00", subject="Re: " + SUBJ_AS, us=["wanglei"], parent=674,
    text="""孙浩，

积分规则文案的审核今天到期，法务这边进展如何？明天上午需要定稿给前端，麻烦今天下班前回我一下。""",
    sig="王磊",
    exp=dict(subject=S_AS, greeting="孙浩，", signature=SIG("王磊", None, None, []), reply=R("nudge", None, [2])))

# ---------------------------------------------------------------- Hong Kong IT request (OWA, Cantonese) and the promise
SUBJ_AT = "【需求對接】香港辦公室IT設備更新-資訊部-一般"
S_AT = S("request", "需求對接", "香港辦公室IT設備更新", ["資訊部"], "一般")

msg(676, "outlook-web", "zht", "original", frm="wongkh", to=["liuyang"], cc=["leekm"],
    date="12-08 10:30", subject=SUBJ_AT, us=["wongkh"],
    text="""劉洋，你好！

香港辦公室有12部手提電腦已超過5年，需要更新，麻煩資訊部協助採購及安裝，希望可以在聖誕節前完成。

需要：
1. 12部手提電腦（規格同上海辦公室標準配置）——負責：資訊部（劉洋）——12月23日前送到香港辦公室
2. 舊機資料轉移及硬碟銷毀——負責：資訊部——新機到貨後三個工作日內——標準：提供銷毀證明

預算已經批咗（HK$156,000），採購單號 PR-HK-2026-0412。有問題隨時搵我。""",
    sig="""黃家豪 Wong Ka Ho
Finance Manager | 財務部
Qiheng Technology (Hong Kong) Limited
T: +852 2555 0188 | M: +852 9123 4567""",
    exp=dict(subject=S_AT, greeting="劉洋，你好！",
             opening="香港辦公室有12部手提電腦已超過5年，需要更新，麻煩資訊部協助採購及安裝，希望可以在聖誕節前完成。",
             items=[I("12部手提電腦（規格同上海辦公室標準配置）", "資訊部（劉洋）", "12月23日前", "2026-12-23T23:59:59+08:00", None),
                    I("舊機資料轉移及硬碟銷毀", "資訊部", "新機到貨後三個工作日內", None, "提供銷毀證明")],
             closing="預算已經批咗（HK$156,000），採購單號 PR-HK-2026-0412。有問題隨時搵我。",
             signature=SIG("黃家豪 Wong Ka Ho", "財務部", "Finance Manager", ["T: +852 2555 0188", "M: +852 9123 4567"])))

msg(677, "thunderbird", "zh", "reply", frm="liuyang", to=["wongkh"], cc=["leekm"],
    date="12-08 15:10", subject="Re: " + SUBJ_AT, us=["wongkh"], parent=676, fmt={"ui": "zh-CN"},
    text="""家豪你好，

电脑已经下单，供应商承诺12月21日送到香港办公室；旧机的数据迁移和硬盘销毁我们会派人到香港现场处理，不会延期。""",
    sig="-- \n刘洋 | IT运维部 | 分机 8720",
    exp=dict(subject=S_AT, greeting="家豪你好，", signature=SIG("刘洋", "IT运维部", None, ["分机 8720"]),
             reply=R("promise", "2026-12-21T23:59:59+08:00", [1, 2])))

# ---------------------------------------------------------------- Hong Kong call centre kickoff (Apple Mail, HTML) and a distributor's confirmation
msg(678, "apple-mail", "zht", "original", frm="cheungml", to=["tsaipc", "wongkh"], cc=["leekm"],
    date="12-01 10:00", subject="【專案啟動】香港客服中心電話系統更換-客戶服務部/資訊部-重要", us=["cheungml"],
    fmt={"html": "alt", "ui": "zh-HK"},
    text="""各位同事，你好！

香港客服中心電話系統更換專案今日正式開始，請各部門於12月4日（星期五）下午5時前確認負責同事。

背景：現時電話系統將於2027年3月停止支援，新系統支援WhatsApp及網上對話，目標是平均接聽時間由45秒縮短至20秒。

分工：
① 新系統供應商評估及報價比較——資訊部（蔡佩君）——12月18日——至少比較3間供應商
② 客服流程及話術整理——客戶服務部（張美玲）——1月15日——涵蓋10大常見查詢
③ 預算審批——財務部（黃家豪）——1月8日

歡迎大家提出意見，多謝！""",
    sig="""張美玲 Mei-ling Cheung
客戶服務部 主任
香港 | +852 9876 5432""",
    exp=dict(subject=S("kickoff", "專案啟動", "香港客服中心電話系統更換", ["客戶服務部", "資訊部"], "重要"),
             greeting="各位同事，你好！",
             opening="香港客服中心電話系統更換專案今日正式開始，請各部門於12月4日（星期五）下午5時前確認負責同事。",
             background=["現時電話系統將於2027年3月停止支援，新系統支援WhatsApp及網上對話，目標是平均接聽時間由45秒縮短至20秒。"],
             items=[I("新系統供應商評估及報價比較", "資訊部（蔡佩君）", "12月18日", "2026-12-18T23:59:59+08:00", "至少比較3間供應商"),
                    I("客服流程及話術整理", "客戶服務部（張美玲）", "1月15日", "2027-01-15T23:59:59+08:00", "涵蓋10大常見查詢"),
                    I("預算審批", "財務部（黃家豪）", "1月8日", "2027-01-08T23:59:59+08:00", None)],
             closing="歡迎大家提出意見，多謝！",
             signature=SIG("張美玲 Mei-ling Cheung", "客戶服務部", "主任", ["+852 9876 5432"]), clean=True))

msg(679, "gmail", "zht", "original", frm="huangwj", to=["chenzm"],
    date="12-16 14:00", subject="【成果確認】2027年度價格表及進貨明細-永信貿易-一般", us=["huangwj"],
    text="""志明兄您好：

價格表和1-11月進貨明細都收到了，對帳結果一致（共42筆，金額無誤），確認沒問題，謝謝！

合約草稿還請照原訂時間12/18（五）中午前寄給我，我們12/21要開會。""",
    sig="""黃文傑
永信貿易有限公司 業務經理
(02)2555-6789 / 0922-555-888""",
    exp=dict(subject=S("confirmation", "成果確認", "2027年度價格表及進貨明細", ["永信貿易"], "一般"), greeting="志明兄您好：",
             opening="價格表和1-11月進貨明細都收到了，對帳結果一致（共42筆，金額無誤），確認沒問題，謝謝！",
             items=[I("合約草稿", None, "12/18（五）中午前", "2026-12-18T12:00:00+08:00", None)],
             signature=SIG("黃文傑", None, "業務經理", ["(02)2555-6789", "0922-555-888"])))
