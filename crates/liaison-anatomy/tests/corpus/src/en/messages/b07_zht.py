# Batch 7 (620-639): Traditional Chinese (Big5 Outlook, Thunderbird, OWA zh-HK, Gmail, Apple Mail) and some Simplified.
from corpus_en.model import msg, ghost, S, I, SIG, R
from messages.b04_zht import (CZM_SIG, CZM, LYT_SIG, LYT, TPC_SIG, TPC, SUBJ_R, S_R, SUBJ_T)

# ---------------------------------------------------------------- thread AD: 台灣辦公室搬遷 (Big5)
SUBJ_AD = "【專案啟動】台灣辦公室搬遷-採購部/資訊部/行政部-重要"
S_AD = S("kickoff", "專案啟動", "台灣辦公室搬遷", ["採購部", "資訊部", "行政部"], "重要")
LCH_SIG = """劉建宏 Jason Liu
採購部 副理
Tel：02-2712-3456 #410｜Mobile：0933-123-456"""
LCH = SIG("劉建宏 Jason Liu", "採購部", "副理", ["Tel：02-2712-3456 #410", "Mobile：0933-123-456"])

msg(620, "outlook", "zht", "original", frm="liuch", to=["tsaipc", "zhengsf", "chenzm"], cc=["leekh"],
    date="11-30 14:00", subject=SUBJ_AD, us=["liuch"],
    text="""各位同仁好：

台灣辦公室搬遷專案（信義區→內湖科技園區）今天正式啟動，請各單位於12月4日（週五）下班前回覆窗口人選。

專案背景與目標：現辦公室租約於2027年2月28日到期，新辦公室可容納80人，預計2027年2月8日（週一）完成搬遷，搬遷期間業務不中斷。

工作分配：
1. 新辦公室網路與機房建置｜負責：資訊部 蔡佩君｜期限：2027年1月22日｜標準：網路、VPN、門禁系統測試通過
2. 搬家公司招標與合約｜負責：採購部 劉建宏｜期限：12月23日｜標準：至少三家比價，合約經法務審閱
3. 座位規劃與各部門需求收集｜負責：行政部 鄭淑芬｜期限：12月18日｜標準：各部門主管簽認

附件：《辦公室搬遷專案計畫書V1.0.pdf》，含時程表與預算。

如有問題請隨時與我聯繫，謝謝大家！""",
    sig=LCH_SIG, attach=[("辦公室搬遷專案計畫書V1.0.pdf", "Taipei office relocation - project plan V1.0")],
    exp=dict(subject=S_AD, greeting="各位同仁好：",
             opening="台灣辦公室搬遷專案（信義區→內湖科技園區）今天正式啟動，請各單位於12月4日（週五）下班前回覆窗口人選。",
             background=["現辦公室租約於2027年2月28日到期，新辦公室可容納80人，預計2027年2月8日（週一）完成搬遷，搬遷期間業務不中斷。"],
             items=[I("新辦公室網路與機房建置", "資訊部 蔡佩君", "2027年1月22日", "2027-01-22T23:59:59+08:00",
                      "網路、VPN、門禁系統測試通過"),
                    I("搬家公司招標與合約", "採購部 劉建宏", "12月23日", "2026-12-23T23:59:59+08:00",
                      "至少三家比價，合約經法務審閱"),
                    I("座位規劃與各部門需求收集", "行政部 鄭淑芬", "12月18日", "2026-12-18T23:59:59+08:00", "各部門主管簽認")],
             closing="如有問題請隨時與我聯繫，謝謝大家！", signature=LCH, clean=True))

msg(621, "thunderbird", "zht", "reply", frm="tsaipc", to=["liuch"], cc=["zhengsf", "chenzm", "leekh"],
    date="11-30 16:10", subject="Re: " + SUBJ_AD, us=["liuch"], parent=620,
    text="""建宏您好，

想確認一下：新辦公室機房的電力與空調是由房東提供，還是需要我們另外施工？若需要另外施工，1/22可能來不及，需要提早決定。""",
    sig=TPC_SIG,
    exp=dict(subject=S_AD, greeting="建宏您好，", signature=TPC, reply=R("question", None, [1])))

msg(622, "outlook", "zht", "reply", frm="liuch", to=["tsaipc", "zhengsf", "chenzm"], cc=["leekh"],
    date="12-10 10:15", subject="回覆: " + SUBJ_AD, us=["liuch"], parent=621,
    text="""各位好，同步辦公室搬遷目前進度：

1. 網路與機房：房東確認機房電力由大樓提供，空調需我方自行施工，已請兩家廠商報價；
2. 搬家公司：已收到三家報價，預計12/16議價；
3. 座位規劃：淑芬已收齊5個部門的需求，還差3個部門。

整體按計畫進行，下次同步12/17。""",
    sig=LCH_SIG,
    exp=dict(subject=S_AD, greeting="各位好，", signature=LCH, reply=R("sync", None, None)))

msg(636, "outlook", "zht", "reply", frm="liuch", to=["zhengsf", "wangmh"], cc=["leekh", "tsaipc"],
    date="12-18 16:30", subject="回覆: " + SUBJ_AD, us=["liuch"], parent=622,
    text="""淑芬、王經理您好：

座位規劃與各部門需求（第3項）原訂今天（12/18）完成，目前仍有業務部、研發部、財務部三個部門的需求未收齊，12/14、12/16兩次提醒也沒有回覆。

因搬家公司需於12/23前依座位圖報價，若座位圖延遲，合約將無法如期簽訂。故抄送行政部王經理及李總經理，請協助：
1. 三個部門主管於12/21（一）中午前提交需求表；
2. 行政部於12/22（二）下班前完成座位圖初稿。""",
    sig=LCH_SIG,
    exp=dict(subject=S_AD, greeting="淑芬、王經理您好：",
             signature=LCH, reply=R("escalation", None, [3])))

msg(637, "outlook", "zht", "reply", frm="zhengsf", to=["liuch"], cc=["wangmh", "leekh", "tsaipc"],
    date="12-18 17:35", subject="回覆: " + SUBJ_AD, us=["liuch"], parent=636,
    text="""建宏您好：

抱歉，財務部主管本週出差，需求表最快12/23（三）才能給，座位圖初稿會延到12/24（四）下班前。業務部和研發部的需求今天下午已經收齊。""",
    sig="鄭淑芬\n行政部 專員\n分機 120",
    exp=dict(subject=S_AD, greeting="建宏您好：", signature=SIG("鄭淑芬", "行政部", "專員", ["分機 120"]),
             reply=R("delay", "2026-12-24T18:00:00+08:00", [3])))

msg(635, "outlook", "zht", "forward", frm="liuch", to=["zhouting"],
    date="12-01 09:05", subject="轉寄: " + SUBJ_AD, us=["liuch"], parent=620,
    text="""周婷您好，

轉寄台灣辦公室搬遷的專案計畫給您參考。搬遷期間（2/5-2/8）台灣同仁的出勤安排可能需要總部HR協助，再麻煩您了。""",
    sig=LCH_SIG, attach=[("辦公室搬遷專案計畫書V1.0.pdf", "Taipei office relocation - project plan V1.0")],
    exp=dict(subject=S_AD, greeting="周婷您好，", signature=LCH))

# ---------------------------------------------------------------- 春節主視覺: escalation, delivery, retrospective
SUBJ_AE = "【問題升級】春節主視覺檔案延遲提供-品牌部/台灣行銷部-緊急"
S_AE = S("escalation", "問題升級", "春節主視覺檔案延遲提供", ["品牌部", "台灣行銷部"], "緊急")

msg(623, "apple-mail", "zht", "original", frm="linyt", to=["lina"], cc=["fangyu", "chenzm", "leekh"],
    date="12-11 15:00", subject=SUBJ_AE, us=["linyt"],
    text="""李娜您好：

春節主視覺的分層原始檔（PSD／AI），台灣行銷部自12月1日起已申請三次，至今仍未收到，只有一張低解析JPG。

門市物料（立牌、價卡共240套）需於12月15日前送印，目前已無法再等。因此升級處理，並抄送方宇總監及台灣分公司李國華總經理，請協助：
1. 品牌部於12月14日（週一）上午10點前提供分層原始檔（含字型說明）；
2. 若無法提供，請品牌部確認台灣是否可自行以JPG重製，並於12月14日下班前審稿。""",
    sig="謝謝！\n" + LYT_SIG,
    exp=dict(subject=S_AE, greeting="李娜您好：",
             opening="春節主視覺的分層原始檔（PSD／AI），台灣行銷部自12月1日起已申請三次，至今仍未收到，只有一張低解析JPG。",
             background=["門市物料（立牌、價卡共240套）需於12月15日前送印，目前已無法再等。"],
             items=[I("提供分層原始檔", "品牌部", "12月14日（週一）上午10點前", "2026-12-14T10:00:00+08:00", "含字型說明"),
                    I("確認台灣是否可自行以JPG重製", "品牌部", "12月14日下班前", "2026-12-14T18:00:00+08:00", None)],
             signature=LYT))

msg(624, "outlook", "zh", "reply", frm="lina", to=["linyt"], cc=["fangyu", "chenzm", "leekh", "xiaoyu"],
    date="12-11 17:20", subject="RE: " + SUBJ_AE, us=["linyt"], parent=623,
    text="""雅婷你好，

非常抱歉！分层源文件已经上传到共享盘：\\\\fs-sh\\brand\\2027春节\\KV_源文件\\ ，字体说明文档也在同一个文件夹里，请查收。

之前的申请邮件被规则归到了其他文件夹，我没看到。以后台湾的物料需求请同时抄送我的同事肖雨，避免再漏掉。""",
    sig="李娜\n市场部 品牌经理\nTel: 021-6258 3306 ext. 8102",
    exp=dict(subject=S_AE, greeting="雅婷你好，",
             signature=SIG("李娜", "市场部", "品牌经理", ["Tel: 021-6258 3306 ext. 8102"]),
             reply=R("delivery", None, [1])))

msg(633, "apple-mail", "zht", "original", frm="linyt", to=["lina", "chenzm"], cc=["xiaoyu", "fangyu"],
    date="12-17 10:40", subject="【復盤】春節門市物料延遲-台灣行銷部/品牌部-一般", us=["linyt"], fmt={"html": "alt"},
    text="""各位好：

春節門市物料最終於12月16日送印，比原計畫晚了5天，以下是簡短復盤，請於12月22日（週二）前補充意見。

經過：12/1申請主視覺原始檔→12/8總部更新主視覺→12/11升級處理→12/14收到原始檔→12/16送印。

原因：
1. 台灣的申請郵件只寄給品牌部單一窗口，對方沒看到時無人接手；
2. 總部主視覺更新未同步通知台灣。

改進：
(1) 台灣物料需求同時抄送品牌部共用信箱——負責人：林雅婷——即日起
(2) 主視覺更新時以郵件通知各區行銷窗口——負責人：品牌部（李娜）——下次更新起
(3) 門市物料送印期限提前至檔期前45天——負責人：行銷部——2027年中秋檔期起""",
    sig=LYT_SIG,
    exp=dict(subject=S("retrospective", "復盤", "春節門市物料延遲", ["台灣行銷部", "品牌部"], "一般"),
             greeting="各位好：",
             opening="春節門市物料最終於12月16日送印，比原計畫晚了5天，以下是簡短復盤，請於12月22日（週二）前補充意見。",
             background=["12/1申請主視覺原始檔→12/8總部更新主視覺→12/11升級處理→12/14收到原始檔→12/16送印。", "台灣的申請郵件只寄給品牌部單一窗口，對方沒看到時無人接手；", "總部主視覺更新未同步通知台灣。"],
             items=[I("台灣物料需求同時抄送品牌部共用信箱", "林雅婷", "即日起", None, None),
                    I("主視覺更新時以郵件通知各區行銷窗口", "品牌部（李娜）", "下次更新起", None, None),
                    I("門市物料送印期限提前至檔期前45天", "行銷部", "2027年中秋檔期起", None, None)],
             signature=LYT))

# ---------------------------------------------------------------- a distributor on Gmail (zh-TW)
SUBJ_AF = "請協助提供2027年度經銷合約及價格表"

msg(625, "gmail", "zht", "original", frm="huangwj", to=["chenzm"],
    date="12-07 11:15", subject=SUBJ_AF, us=["chenzm"],
    text="""志明兄您好，

年底了，想麻煩您幫忙準備幾份資料，我們公司明年的預算會要用到：

(1) 2027年度經銷合約草稿（條款有變動的地方請標示出來）
(2) 2027年第一季建議售價表
(3) 今年1-11月的進貨明細，對帳用

最好能在12/18（五）前給我，因為我們12/21要開預算會議。若合約需要比較多時間，先給價格表也可以。""",
    sig="""感謝！
黃文傑
永信貿易有限公司 業務經理
(02)2555-6789 / 0922-555-888
LINE ID: wj.huang""",
    exp=dict(subject=S(None, None, None, [], None), greeting="志明兄您好，",
             opening="年底了，想麻煩您幫忙準備幾份資料，我們公司明年的預算會要用到：",
             items=[I("2027年度經銷合約草稿（條款有變動的地方請標示出來）", None, "12/18（五）前", "2026-12-18T23:59:59+08:00", None),
                    I("2027年第一季建議售價表", None, "12/18（五）前", "2026-12-18T23:59:59+08:00", None),
                    I("今年1-11月的進貨明細，對帳用", None, "12/18（五）前", "2026-12-18T23:59:59+08:00", None)],
             closing="最好能在12/18（五）前給我，因為我們12/21要開預算會議。若合約需要比較多時間，先給價格表也可以。",
             signature=SIG("黃文傑", None, "業務經理", ["(02)2555-6789", "0922-555-888", "LINE ID: wj.huang"])))

msg(626, "outlook", "zht", "reply", frm="chenzm", to=["huangwj"],
    date="12-07 14:30", subject="回覆: " + SUBJ_AF, us=["chenzm"], parent=625,
    text="""文傑兄您好：

沒問題。價格表和進貨明細12/16（三）前先寄給您；合約因為法務還在審，預計12/18（五）中午前給您草稿。""",
    sig=CZM_SIG,
    exp=dict(subject=S(None, None, None, [], None), greeting="文傑兄您好：", signature=CZM,
             reply=R("promise", "2026-12-18T12:00:00+08:00", [1, 2, 3])))

# ---------------------------------------------------------------- Hong Kong: a bilingual auto-reply and a confirmation (OWA zh-HK)
msg(627, "outlook-web", "zht", "auto-reply", frm="wongkh", to=["zhaomin"],
    date="12-11 09:40:31", subject="自動回覆: RE: 【進度同步】香港公司年結審計準備-財務部-一般", us=["zhaomin"], parent=570,
    quote="none", headers=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")],
    text="""多謝您的電郵。本人由12月11日至12月17日放年假，期間未能即時回覆。如有緊急事項，請聯絡 Carmen Lee（carmen.lee@hk.qiheng.example.com）。

Thank you for your email. I am on annual leave from 11 to 17 December with limited access to email. For urgent matters, please contact Carmen Lee.""",
    sig="黃家豪",
    exp=dict(subject=S("progress-sync", "進度同步", "香港公司年結審計準備", ["財務部"], "一般"),
             signature=SIG("黃家豪", None, None, []), reply=R("auto-reply", None, None)))

msg(632, "outlook-web", "zht", "original", frm="wongkh", to=["zhaomin"], cc=["leekm"],
    date="12-18 11:00", subject="【成果確認】內部往來對賬單-財務部-一般", us=["wongkh"],
    text="""趙敏，你好！

收到你12月14日發來的2026年1-11月內部往來對賬單，已與香港賬目逐筆核對，金額及發票號碼全部一致，確認無誤，已轉交核數師。

另外，11月份有一筆港幣38,500元的服務費，總部記在12月，請在12月23日前補一張調整說明（一頁即可）給我存檔。

多謝支持！""",
    sig="""黃家豪 Wong Ka Ho
Finance Manager | 財務部
Qiheng Technology (Hong Kong) Limited
T: +852 2555 0188 | M: +852 9123 4567""",
    exp=dict(subject=S("confirmation", "成果確認", "內部往來對賬單", ["財務部"], "一般"), greeting="趙敏，你好！",
             opening="收到你12月14日發來的2026年1-11月內部往來對賬單，已與香港賬目逐筆核對，金額及發票號碼全部一致，確認無誤，已轉交核數師。",
             items=[I("補一張調整說明", None, "12月23日前", "2026-12-23T23:59:59+08:00", "一頁即可")],
             closing="多謝支持！",
             signature=SIG("黃家豪 Wong Ka Ho", "財務部", "Finance Manager", ["T: +852 2555 0188", "M: +852 9123 4567"])))

# ---------------------------------------------------------------- 香港積分: a nudge from an iPhone and the answer
msg(628, "apple-mail", "zht", "reply", frm="cheungml", to=["wanglei"], cc=["zhangwei", "huangli", "wuqiang"],
    date="12-15 09:30", subject="Re: " + SUBJ_R, us=["cheungml"], parent=573, fmt={"iphone": True, "ui": "zh-HK"},
    text="""王磊你好，

補償方案原定12月14日前回覆，今天香港這邊有客人追問，請問今天中午前可以給我結論嗎？""",
    sig="美玲", mobile="從我的 iPhone 傳送",
    exp=dict(subject=S_R, greeting="王磊你好，", signature=SIG("美玲", None, None, []), reply=R("nudge", None, [2])))

msg(629, "apple-mail", "zh", "reply", frm="wanglei", to=["cheungml"], cc=["zhangwei", "huangli", "wuqiang"],
    date="12-15 11:10", subject="Re: " + SUBJ_R, us=["cheungml"], parent=628,
    text="""美玲，

补偿方案定了：受影响会员每人补发500积分，明天（12月16日）上午10点前系统自动发放。对外说明的文案在附件里，请查收。""",
    sig="王磊\n产品部", attach=[("香港会员积分补偿说明.docx", ["香港会员积分补偿说明", "每位受影响会员补发500积分", "发放时间：12月16日上午"])],
    exp=dict(subject=S_R, greeting="美玲，", signature=SIG("王磊", "产品部", None, []), reply=R("delivery", None, [2])))

# ---------------------------------------------------------------- POS 主機汰換 (Thunderbird with Big5) and a dispute
SUBJ_AG = "【進度同步】門市POS主機汰換-資訊部-一般"
S_AG = S("progress-sync", "進度同步", "門市POS主機汰換", ["資訊部"], "一般")

msg(630, "thunderbird", "zht", "original", frm="tsaipc", to=["chenzm", "liuch"], cc=["wucj", "leekh"],
    date="12-16 10:00", subject=SUBJ_AG, us=["tsaipc"], fmt={"charset": "big5"},
    text="""各位主管好：

門市POS主機汰換專案本週進度如下，整體完成60%（23家中14家），預計12月底全部完成。

已完成：信義、南西、板橋等14家門市（含磁碟擴充至256GB）。
進行中：中南部9家，廠商排程12/21-12/29。
風險：高雄2家門市因年終檔期，店長要求改到1月初施工。

需協助事項：
1. 高雄2家門市的施工時間請業務部確認（負責人：陳志明經理；期限：12/18前）
2. 舊主機報廢申請請採購部協助送簽（負責人：劉建宏；期限：12/23前；標準：附資產編號清冊）

下次更新：12/23。""",
    sig=TPC_SIG,
    exp=dict(subject=S_AG, greeting="各位主管好：",
             opening="門市POS主機汰換專案本週進度如下，整體完成60%（23家中14家），預計12月底全部完成。",
             items=[I("高雄2家門市的施工時間請業務部確認", "陳志明經理", "12/18前", "2026-12-18T23:59:59+08:00", None),
                    I("舊主機報廢申請請採購部協助送簽", "劉建宏", "12/23前", "2026-12-23T23:59:59+08:00", "附資產編號清冊")],
             closing="下次更新：12/23。", signature=TPC))

msg(631, "outlook", "zht", "reply", frm="liuch", to=["tsaipc"], cc=["chenzm", "wucj", "leekh"],
    date="12-16 14:20", subject="回覆: " + SUBJ_AG, us=["tsaipc"], parent=630,
    text="""佩君您好：

第2項舊主機報廢送簽不是採購部的作業範圍。依公司資產管理辦法，報廢申請由資產使用單位（資訊部）提出，採購部只負責後續的廢品處理招標。請資訊部自行送簽，謝謝。""",
    sig=LCH_SIG,
    exp=dict(subject=S_AG, greeting="佩君您好：", signature=LCH, reply=R("dispute", None, [2])))

# ---------------------------------------------------------------- the photographer's nudge (Gmail, Cantonese)
msg(634, "gmail", "zht", "reply", frm="ericlau", to=["linyt"],
    date="12-14 20:00", subject="Re: " + SUBJ_T, us=["ericlau"], parent=575,
    text="""雅婷，

提提你：拍攝brief原本今日要send俾我，星期三就拍喇，聽日（15號）中午12點前可唔可以俾我？""",
    sig="唔該晒！\nEric",
    exp=dict(subject=S(None, None, None, [], None), greeting="雅婷，", signature=SIG("Eric", None, None, []),
             reply=R("nudge", None, [2])))

# ---------------------------------------------------------------- 直播素材版权 (agency on Gmail, Simplified)
SUBJ_AH = "【问题协调】双十二直播素材版权-云启广告/市场部-紧急"
S_AH = S("issue", "问题协调", "双十二直播素材版权", ["云启广告", "市场部"], "紧急")

msg(638, "gmail", "zh", "original", frm="fangjing", to=["lina", "xiaoyu"], cc=["fangyu"],
    date="12-08 16:20", subject=SUBJ_AH, us=["fangjing"],
    text="""李经理、肖雨：

紧急情况：平台刚刚通知，我们为双十二准备的6条直播切片里，有2条使用的背景音乐存在版权争议，今天下午起这2条会被限流，无法投放。

影响：原定12月10日开始的投放计划中约三分之一素材受影响。

已采取措施：我们已从正版曲库选了3首替代音乐，并把2条切片重新剪辑了两个版本（链接见下）。

需要市场部协调：
1. 从替代版本中确认1个——负责人：市场部（肖雨）——12月9日（周三）中午12点前；
2. 确认是否需要法务出具情况说明给平台——负责人：市场部（李娜）——12月9日下班前。

素材链接：https://pan.baidu.com/s/1yQiAd2026Bgm 提取码: 8x2k""",
    sig="""方静
-- 
方静 | 客户总监
云启广告 Yunqi Advertising
📱 137 6100 8899""",
    exp=dict(subject=S_AH, greeting="李经理、肖雨：",
             opening="紧急情况：平台刚刚通知，我们为双十二准备的6条直播切片里，有2条使用的背景音乐存在版权争议，今天下午起这2条会被限流，无法投放。",
             background=["原定12月10日开始的投放计划中约三分之一素材受影响。",
                         "我们已从正版曲库选了3首替代音乐，并把2条切片重新剪辑了两个版本（链接见下）。"],
             items=[I("从替代版本中确认1个", "市场部（肖雨）", "12月9日（周三）中午12点前", "2026-12-09T12:00:00+08:00", None),
                    I("确认是否需要法务出具情况说明给平台", "市场部（李娜）", "12月9日下班前", "2026-12-09T18:00:00+08:00", None)],
             signature=SIG("方静", None, "客户总监", ["📱 137 6100 8899"])))

msg(639, "apple-mail", "zh", "reply", frm="xiaoyu", to=["fangjing"], cc=["lina", "fangyu"],
    date="12-08 19:05", subject="Re: " + SUBJ_AH, us=["fangjing"], parent=638, fmt={"iphone": True},
    text="""方经理，版本A和B差别在哪？我在手机上听不太出来，能不能说明一下每个版本换的是哪一段音乐？确认后我马上回复。""",
    mobile="发自我的iPhone",
    exp=dict(subject=S_AH, greeting="方经理，", reply=R("question", None, [1])))
