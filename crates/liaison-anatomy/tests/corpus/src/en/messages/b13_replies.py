# Batch 13 (726-733): more replies in existing threads (deliveries, escalations, nudges, a sync, a promise).
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b03_zh import WL_SIG, WL, ZM_SIG, ZM
from messages.b05_en import SUBJ_U, S_U
from messages.b08_en import SUBJ_AI, S_AI, CARMEN_SIG, CARMEN
from messages.b02_partners import ZW_SIG, ZW

msg(726, "outlook-web", "en", "reply", frm="grace", to=["leekm"], cc=["cheungml"],
    date="12-17 21:30", subject="RE: " + SUBJ_AI, us=["leekm"], parent=641,
    text="""Hi Carmen,

Please find attached the translation of sections 3-7 with tracked changes, and the list of the 6 terms I was unsure about. A day early, as promised.""",
    sig="""Best,
Grace

Grace Ho 何嘉欣
Freelance Translator (EN / 繁中)
+852 9234 5678""",
    attach=[("Loyalty_TnC_v2.1_TC_tracked.docx", ["會員計劃條款及細則 v2.1（繁體中文）", "3. 會員等級", "3.2 等級下調"]),
            ("Open_terms_EN-TC.xlsx", [["EN", "Proposed TC", "Note"], ["grace period", "寬限期", "check with Legal"]])],
    exp=dict(subject=S_AI, greeting="Hi Carmen,",
             signature=SIG("Grace Ho 何嘉欣", None, "Freelance Translator (EN / 繁中)", ["+852 9234 5678"]),
             reply=R("delivery", None, [1, 2])))

SUBJ_TE = "【问题协调】积分商城测试环境不可用-产品部/IT运维部-紧急"
S_TE = S("issue", "问题协调", "积分商城测试环境不可用", ["产品部", "IT运维部"], "紧急")

msg(727, "apple-mail", "zh", "reply", frm="wanglei", to=["liuyang", "wuqiang"], cc=["zhangwei", "huangli"],
    date="12-15 16:30", subject="Re: " + SUBJ_TE, us=["wanglei"], parent=721,
    text="""刘洋、吴总：

积分商城测试环境到现在（16:30）还没有恢复，下午3点的约定没有达成，也没有收到任何说明。测试组今天整天无法工作，12月28日上线已经有风险。

现抄送吴总和黄丽，请协助：
1. 今天18:00前恢复测试环境，或提供一套临时环境——负责人：IT运维部
2. 明天上午10点前告知原因和后续保障措施——负责人：刘洋""",
    sig=WL_SIG,
    exp=dict(subject=S_TE, greeting="刘洋、吴总：",
             signature=WL, reply=R("escalation", None, [1])))

msg(728, "gmail", "en", "reply", frm="hannah", to=["jessica"], cc=["sarah"],
    date="12-17 17:10", subject="Re: Photos & logo files for Spring concepts", us=["hannah"], parent=685,
    text="""Hi Jessica,

Just checking in on the photos and the logo files – we'd like to start the layouts on Friday. Could you share what you have by tomorrow, even if the guideline isn't final yet?""",
    sig="Thanks!\nHannah",
    exp=dict(subject=S(None, None, None, [], None), greeting="Hi Jessica,", signature=SIG("Hannah", None, None, []),
             reply=R("nudge", None, [1, 2])))

msg(729, "outlook", "zh", "reply", frm="zhaomin", to=["liting"], cc=["gaofeng", "wugang"],
    date="12-17 16:40", subject="RE: 【需求对接】华南经销商年终返利核算-财务部-紧急", us=["liting"], parent=699,
    text="""李婷你好，

返利核算结果见附件，请查收：按经销商编号列表，计算口径写在第一页。如有疑问随时找我。""",
    sig=ZM_SIG,
    attach=[("华南经销商2026年终返利核算结果.xlsx", [["经销商编号", "全年进货额", "返利比例", "返利金额"],
                                              ["GZ001", "517,800", "3%", "15,534"], ["GZ002", "1,204,300", "4%", "48,172"]])],
    exp=dict(subject=S("request", "需求对接", "华南经销商年终返利核算", ["财务部"], "紧急"), greeting="李婷你好，", signature=ZM,
             reply=R("delivery", None, [1])))

msg(730, "outlook-web", "en", "reply", frm="leekm", to=["wanglei", "huangli"], cc=["chenzm", "cheungml"],
    date="12-18 16:00", subject="RE: " + SUBJ_U, us=["leekm"], parent=580,
    text="""Dear Wang Lei, dear Huang Li,

I'm escalating item a) of the Phase 2 plan, the TW tier rules and benefits, which are due today and which I haven't received yet; my reminder yesterday also went unanswered.

The regional GM approves the rules in her meeting on Monday, Dec 21, 10:00 HKT, and the TW store training (item b) depends on them.

Could you please:
1. send the draft tier rules to me – owner: Product (Wang Lei) – by Monday, Dec 21, 09:00 HKT
2. if that is not possible, tell me a realistic date so I can move the approval – owner: Huang Li – today

Sorry to copy you in, Huang Li – I know the Product team is stretched before the points mall launch.""",
    sig=CARMEN_SIG,
    exp=dict(subject=S_U, greeting="Dear Wang Lei, dear Huang Li,",
             signature=CARMEN, reply=R("escalation", None, [1])))

msg(731, "gmail", "zh", "reply", frm="yangfan", to=["songjia"], cc=["machao", "zhoujun"],
    date="12-08 17:00", subject="Re: 【成果汇报】11月出口物流服务报告-星河物流-一般", us=["yangfan"], parent=666,
    text="""宋佳您好，

提醒一下：12月第二批出口的报关资料明天（12月9日）到期，目前还没有收到，麻烦明天中午前发一下，谢谢！""",
    sig="杨帆",
    exp=dict(subject=S("result", "成果汇报", "11月出口物流服务报告", ["星河物流"], "一般"), greeting="宋佳您好，",
             signature=SIG("杨帆", None, None, []), reply=R("nudge", None, [1])))

msg(732, "thunderbird", "zh", "reply", frm="chenhao", to=["zhengkai"], cc=["liuyang"],
    date="12-11 18:20", subject="Re: 【需求确认】BI看板迁移-数据部-重要", us=["chenhao"], parent=605,
    text="""郑工好，

同步一下迁移进度：新集群的数据同步已经完成，32个看板中28个校验通过，剩余4个看板的口径差异正在和您这边的同事核对，预计12月14日前完成。12月15日晚按计划做迁移演练，演练报告次日上午发您。""",
    sig="-- \n陈昊\n深蓝数据 交付经理\n电话 186 0101 2233 | chenhao@shenlan-data.example.com",
    exp=dict(subject=S("request", "需求确认", "BI看板迁移", ["数据部"], "重要"), greeting="郑工好，",
             signature=SIG("陈昊", None, "交付经理", ["电话 186 0101 2233", "chenhao@shenlan-data.example.com"]),
             reply=R("sync", None, None)))

msg(733, "outlook", "en", "reply", frm="zhangwei", to=["daniel"], cc=["zhaomin"],
    date="12-17 15:10", subject="RE: [Follow-up] Partial Refund Signature Mismatch - Hanbit Pay - Important", us=["daniel"],
    parent=712,
    text="""Hi Daniel,

Sorry for the silence. We found it: partial refunds were signed with the original order amount instead of the refund amount. The fix is in review and will be deployed to sandbox tonight, so it won't delay the Dec 21 test.

You'll have a sample signed request from the sandbox by tomorrow 12:00 Beijing time.""",
    sig=ZW_SIG,
    exp=dict(subject=S("nudge", "Follow-up", "Partial Refund Signature Mismatch", ["Hanbit Pay"], "Important"),
             greeting="Hi Daniel,", signature=ZW, reply=R("promise", "2026-12-18T12:00:00+08:00", [1])))
