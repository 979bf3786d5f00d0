# Batch 4 (560-579): Traditional Chinese (Taiwan / Hong Kong), Big5 from Outlook zh-TW, UTF-8 elsewhere.
from corpus_en.model import msg, ghost, S, I, SIG, R

# ---------------------------------------------------------------- thread O: 台灣門市春節備貨
SUBJ_O = "【需求對接】台灣門市春節檔期備貨-供應鏈部/行銷部-緊急"
S_O = S("request", "需求對接", "台灣門市春節檔期備貨", ["供應鏈部", "行銷部"], "緊急")
CZM_SIG = """陳志明
台灣業務部 經理
電話：+886-2-2712-3456 分機 301｜手機：0912-345-678
啟衡科技股份有限公司 台灣分公司"""
CZM = SIG("陳志明", "台灣業務部", "經理", ["電話：+886-2-2712-3456 分機 301", "手機：0912-345-678"])

msg(560, "outlook", "zht", "original", frm="chenzm", to=["machao"], cc=["linyt", "gaofeng"],
    date="12-02 10:30", subject=SUBJ_O, us=["chenzm"],
    text="""馬超您好：

為因應春節檔期，台灣門市需追加備貨，麻煩供應鏈部於12月11日（週五）前確認可供貨數量與到港時間。

背景：今年台灣門市春節檔期自2027年1月22日起，去年同檔期缺貨率達8%，今年目標控制在3%以內。

需求明細：
一、禮盒組A（SKU 71203）追加3,000組，負責人：供應鏈部（馬超），截止時間：12月11日前回覆可供數量，交付標準：註明分批到港日期。
二、門市陳列物料（立牌、價卡）各120套，負責人：行銷部（林雅婷），截止時間：下週五（12月11日）17:00前完成設計，交付標準：依台灣門市尺寸規格（見附件）。
三、到港後報關及配送，負責人：台灣業務部（陳志明），截止時間：2027年1月15日前全部到店。

附件：《台灣門市春節備貨需求表.xlsx》，含各門市需求數量及陳列尺寸。

如有問題請於12月4日前回覆，謝謝！""",
    sig=CZM_SIG,
    attach=[("台灣門市春節備貨需求表.xlsx", [["門市", "禮盒組A", "立牌", "價卡"], ["信義", "420", "12", "12"],
                                         ["南西", "380", "10", "10"], ["板橋", "350", "10", "10"]])],
    exp=dict(subject=S_O, greeting="馬超您好：",
             opening="為因應春節檔期，台灣門市需追加備貨，麻煩供應鏈部於12月11日（週五）前確認可供貨數量與到港時間。",
             background=["今年台灣門市春節檔期自2027年1月22日起，去年同檔期缺貨率達8%，今年目標控制在3%以內。"],
             items=[I("禮盒組A（SKU 71203）追加3,000組", "供應鏈部（馬超）", "12月11日前", "2026-12-11T23:59:59+08:00",
                      "註明分批到港日期"),
                    I("門市陳列物料（立牌、價卡）各120套", "行銷部（林雅婷）", "下週五（12月11日）17:00前",
                      "2026-12-11T17:00:00+08:00", "依台灣門市尺寸規格（見附件）"),
                    I("到港後報關及配送", "台灣業務部（陳志明）", "2027年1月15日前", "2027-01-15T23:59:59+08:00", None)],
             closing="如有問題請於12月4日前回覆，謝謝！", signature=CZM, clean=True))

msg(561, "outlook", "zh", "reply", frm="machao", to=["chenzm"], cc=["linyt", "gaofeng"],
    date="12-02 15:00", subject="RE: " + SUBJ_O, us=["chenzm"], parent=560,
    text="""志明你好，

礼盒组A（71203）目前工厂排产到1月上旬，3000组要分两批。想确认一下：第一批1,500组12月28日到基隆港可以吗？还是门市一定要一次到齐？""",
    sig="马超\n供应链部",
    exp=dict(subject=S_O, greeting="志明你好，", signature=SIG("马超", "供应链部", None, []),
             reply=R("question", None, [1])))

msg(562, "outlook", "zht", "reply", frm="chenzm", to=["machao"], cc=["linyt", "gaofeng"],
    date="12-02 16:45", subject="答覆: " + SUBJ_O, us=["chenzm"], parent=561,
    text="""馬超：

可以分兩批，第一批12/28到基隆港沒問題，第二批請在1月10日前到港。

第三項的報關我這邊會在每批到港後3個工作天內完成，不會影響門市上架。""",
    sig=CZM_SIG,
    exp=dict(subject=S_O, greeting="馬超：", signature=CZM, reply=R("promise", None, [3])))

msg(563, "outlook", "zht", "reply", frm="chenzm", to=["linyt"], cc=["machao", "gaofeng"],
    date="12-10 09:30", subject="回覆: " + SUBJ_O, us=["chenzm"], parent=560,
    text="""雅婷早安，

提醒一下第二項門市陳列物料（立牌、價卡各120套），設計稿明天（12月11日）17:00前要完成，目前進度如何？若需要門市實際照片做參考，我可以請店長今天拍給妳。""",
    sig="志明",
    exp=dict(subject=S_O, greeting="雅婷早安，", signature=SIG("志明", None, None, []), reply=R("nudge", None, [2])))

LYT_SIG = """林雅婷 Tiffany Lin
行銷部｜資深企劃
02-2712-3456 #215"""
LYT = SIG("林雅婷 Tiffany Lin", "行銷部", "資深企劃", ["02-2712-3456 #215"])

msg(564, "apple-mail", "zht", "reply", frm="linyt", to=["chenzm"], cc=["machao", "gaofeng"],
    date="12-10 11:20", subject="Re: 回覆: " + SUBJ_O, us=["chenzm"], parent=563, fmt={"cte": "base64"},
    text="""志明經理您好：

不好意思，陳列物料的設計稿可能要延到下週二（12月15日）中午前才能完成。原因是總部品牌部12/8才更新春節主視覺，價卡版型需要整個重做。

立牌的部分明天可以先給您初稿，請見諒。""",
    sig=LYT_SIG,
    exp=dict(subject=S_O, greeting="志明經理您好：", signature=LYT,
             reply=R("delay", "2026-12-15T12:00:00+08:00", [2])))

msg(565, "outlook", "zht", "reply", frm="chenzm", to=["machao", "gaofeng"], cc=["leekh", "linyt"],
    date="12-14 18:10", subject="回覆: " + SUBJ_O, us=["chenzm"], parent=562,
    text="""馬超、高經理您好：

春節備貨第一項（禮盒組A追加3,000組）原訂12月11日前書面回覆可供數量及到港時間，目前仍未收到確認，12/11及12/14兩次電話提醒也沒有結果。

門市訂貨系統12月18日關帳，若屆時仍無法確認數量，春節檔期將有約1,500組缺口。故抄送供應鏈部高峰經理及本部門李國華總經理，請協助：
1. 供應鏈部於12月16日（週三）中午12:00前書面回覆可供數量與到港日期；
2. 若工廠產能不足，請高經理協調是否可從華東倉調撥。

謝謝協助。""",
    sig=CZM_SIG,
    exp=dict(subject=S_O, greeting="馬超、高經理您好：", signature=CZM, reply=R("escalation", None, [1])))

# ---------------------------------------------------------------- thread P: POS 離線模式
SUBJ_P = "【問題協調】POS離線模式資料遺失-研發部/資訊部-緊急"
S_P = S("issue", "問題協調", "POS離線模式資料遺失", ["研發部", "資訊部"], "緊急")
WCJ_SIG = """吳俊傑 Jay Wu
研發部 資深工程師
Tel: 02-2712-3456 ext. 508"""
WCJ = SIG("吳俊傑 Jay Wu", "研發部", "資深工程師", ["Tel: 02-2712-3456 ext. 508"])

msg(566, "outlook", "zht", "original", frm="wucj", to=["tsaipc"], cc=["zhangwei", "chenzm"],
    date="12-07 10:40", subject=SUBJ_P, us=["wucj"],
    text="""佩君您好，

台北三家門市（信義、南西、板橋）的POS在離線模式下有交易資料遺失的情形，需要資訊部協助在12月9日（週三）下班前提供門市網路與主機日誌。

問題描述：12月5日（六）至12月6日（日）門市網路中斷期間，POS切換離線模式後共約47筆交易未回傳總部，影響當日營收對帳，約新台幣18.2萬元。

初步判斷：離線佇列寫入本機SQLite時磁碟空間不足（三台主機可用空間皆低於500MB）。

需協調事項：
1. 匯出三家門市主機12/5-12/6的系統日誌與磁碟使用紀錄（負責人：資訊部 蔡佩君；期限：12/9 18:00前；標準：每家門市一個壓縮檔，含 /var/log 全部檔案）
2. 清理門市主機磁碟空間至2GB以上（負責人：資訊部；期限：12/11前）
3. 修正離線佇列的空間檢查機制（負責人：研發部 吳俊傑；期限：12/18前；標準：磁碟不足時POS跳出警示並停止收單）

若12/9前無法提供日誌，將影響修正進度，屆時需請雙方主管協調人力。""",
    sig=WCJ_SIG,
    exp=dict(subject=S_P, greeting="佩君您好，",
             opening="台北三家門市（信義、南西、板橋）的POS在離線模式下有交易資料遺失的情形，需要資訊部協助在12月9日（週三）下班前提供門市網路與主機日誌。",
             background=["12月5日（六）至12月6日（日）門市網路中斷期間，POS切換離線模式後共約47筆交易未回傳總部，影響當日營收對帳，約新台幣18.2萬元。",
                         "離線佇列寫入本機SQLite時磁碟空間不足（三台主機可用空間皆低於500MB）。"],
             items=[I("匯出三家門市主機12/5-12/6的系統日誌與磁碟使用紀錄", "資訊部 蔡佩君", "12/9 18:00前",
                      "2026-12-09T18:00:00+08:00", "每家門市一個壓縮檔，含 /var/log 全部檔案"),
                    I("清理門市主機磁碟空間至2GB以上", "資訊部", "12/11前", "2026-12-11T23:59:59+08:00", None),
                    I("修正離線佇列的空間檢查機制", "研發部 吳俊傑", "12/18前", "2026-12-18T23:59:59+08:00",
                      "磁碟不足時POS跳出警示並停止收單")],
             closing="若12/9前無法提供日誌，將影響修正進度，屆時需請雙方主管協調人力。",
             signature=WCJ, clean=True))

TPC_SIG = """-- 
蔡佩君 Peggy Tsai
資訊部 系統管理課
分機 612"""
TPC = SIG("蔡佩君 Peggy Tsai", "資訊部", None, ["分機 612"])

msg(567, "thunderbird", "zht", "reply", frm="tsaipc", to=["wucj"], cc=["zhangwei", "chenzm"],
    date="12-09 16:50", subject="Re: " + SUBJ_P, us=["wucj"], parent=566,
    text="""俊傑：

信義、南西兩家門市的日誌已匯出，放在共用資料夾 \\\\fs01\\IT\\POS_logs\\20261209\\ ，請查收；檔案太大（各約1.2GB）所以沒有夾帶。

板橋店主機目前連不上遠端，明天一早派人到店處理，預計12/10中午前補上。磁碟清理會一併在12/11前完成。""",
    sig=TPC_SIG,
    exp=dict(subject=S_P, greeting="俊傑：", signature=TPC,
             reply=R("partial-delivery", "2026-12-11T23:59:59+08:00", [1, 2])))

msg(568, "outlook", "zht", "reply", frm="wucj", to=["tsaipc"], cc=["zhangwei", "chenzm"],
    date="12-10 14:00", subject="回覆: " + SUBJ_P, us=["wucj"], parent=567,
    text="""佩君：

三家門市的日誌都收到了（板橋店今天中午補上），內容完整，第1項確認完成，謝謝！""",
    sig=WCJ_SIG,
    exp=dict(subject=S_P, greeting="佩君：", signature=WCJ, reply=R("confirmation", None, [1])))

# ---------------------------------------------------------------- thread Q: 香港年結審計 (OWA zh-HK)
SUBJ_Q = "【進度同步】香港公司年結審計準備-財務部-一般"
S_Q = S("progress-sync", "進度同步", "香港公司年結審計準備", ["財務部"], "一般")

msg(569, "outlook-web", "zht", "original", frm="wongkh", to=["zhaomin", "sunhao"], cc=["leekm"],
    date="12-10 17:00", subject=SUBJ_Q, us=["wongkh"],
    text="""趙敏、孫浩，你好！

以下為香港公司2026年度年結審計準備的進度更新（整體約七成），有兩項需要總部協助，請於12月15日（星期二）前回覆。

已完成：
- 11月管理賬目已交核數師（12月4日）
- 銀行函證已全部寄出（共5間銀行）

進行中：
- 關聯交易明細：等待總部提供內部往來對賬單
- 存貨盤點：安排於12月30日進行，核數師會派員觀察

需總部協助：
1. 提供2026年1-11月與香港公司的內部往來對賬單 — 負責：總部財務部（趙敏）— 12月15日前 — Excel格式，需列明發票號碼
2. 確認兩份服務協議的續約狀態 — 負責：法務部（孫浩）— 12月15日前 — 提供已簽署的掃描本

下次更新：12月17日。""",
    sig="""黃家豪 Wong Ka Ho
Finance Manager | 財務部
Qiheng Technology (Hong Kong) Limited
T: +852 2555 0188 | M: +852 9123 4567""",
    exp=dict(subject=S_Q, greeting="趙敏、孫浩，你好！",
             opening="以下為香港公司2026年度年結審計準備的進度更新（整體約七成），有兩項需要總部協助，請於12月15日（星期二）前回覆。",
             items=[I("提供2026年1-11月與香港公司的內部往來對賬單", "總部財務部（趙敏）", "12月15日前",
                      "2026-12-15T23:59:59+08:00", "Excel格式，需列明發票號碼"),
                    I("確認兩份服務協議的續約狀態", "法務部（孫浩）", "12月15日前", "2026-12-15T23:59:59+08:00",
                      "提供已簽署的掃描本")],
             closing="下次更新：12月17日。",
             signature=SIG("黃家豪 Wong Ka Ho", "財務部", "Finance Manager", ["T: +852 2555 0188", "M: +852 9123 4567"]),
             clean=True))

msg(570, "outlook", "zh", "reply", frm="zhaomin", to=["wongkh"], cc=["sunhao", "leekm"],
    date="12-11 09:40", subject="RE: " + SUBJ_Q, us=["wongkh"], parent=569,
    text="""家豪你好，

对账单我这边在整理，12月14日（周一）下班前发你，会列明发票号码。""",
    sig="赵敏\n财务部",
    exp=dict(subject=S_Q, greeting="家豪你好，", signature=SIG("赵敏", "财务部", None, []),
             reply=R("promise", "2026-12-14T18:00:00+08:00", [1])))

msg(571, "outlook", "zh", "auto-reply", frm="sunhao", to=["wongkh"],
    date="12-10 17:00:40", subject="Automatic reply: " + SUBJ_Q, us=["wongkh"], parent=569, quote="none",
    headers=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")],
    text="""您好！我12月10日至12月14日休年假，期间无法及时回复邮件。合同及法律文件相关紧急事项，请联系法务部王芳（wangfang@qiheng.example.com，分机8701）。""",
    sig="孙浩\n法务部",
    exp=dict(subject=S_Q, signature=SIG("孙浩", "法务部", None, []), reply=R("auto-reply", None, None)))

# ---------------------------------------------------------------- thread R: 香港用戶積分 (escalation from an iPhone)
SUBJ_R = "【問題升級】香港用戶積分無法兌換-產品部/技術部-緊急"
S_R = S("escalation", "問題升級", "香港用戶積分無法兌換", ["產品部", "技術部"], "緊急")

msg(572, "apple-mail", "zht", "original", frm="cheungml", to=["wanglei", "zhangwei"], cc=["huangli", "wuqiang"],
    date="12-11 21:15", subject=SUBJ_R, us=["cheungml"], fmt={"iphone": True},
    text="""王磊、張偉：

香港用戶積分兌換失敗的問題，我們12月8日已經報過一次（工單HK-20261208-015），到今天仍未修復，這兩天投訴增加到63宗，所以升級處理，並抄送兩位主管。

影響：香港區約1,200名會員週末無法兌換積分，已有客戶在Facebook專頁公開投訴。

需要：
1. 技術部今晚確認原因，明天（12月12日）中午12點前提供修復時間表；
2. 產品部確認是否對受影響會員補發積分作為補償，12月14日（星期一）前回覆。

如需香港客戶資料，可隨時找我。""",
    sig="美玲", mobile="從我的 iPhone 傳送",
    exp=dict(subject=S_R, greeting="王磊、張偉：",
             opening="香港用戶積分兌換失敗的問題，我們12月8日已經報過一次（工單HK-20261208-015），到今天仍未修復，這兩天投訴增加到63宗，所以升級處理，並抄送兩位主管。",
             background=["香港區約1,200名會員週末無法兌換積分，已有客戶在Facebook專頁公開投訴。"],
             items=[I("提供修復時間表", "技術部", "明天（12月12日）中午12點前", "2026-12-12T12:00:00+08:00", None),
                    I("確認是否對受影響會員補發積分作為補償", "產品部", "12月14日（星期一）前",
                      "2026-12-14T23:59:59+08:00", None)],
             closing="如需香港客戶資料，可隨時找我。", signature=SIG("美玲", None, None, [])))

msg(573, "apple-mail", "zh", "reply", frm="wanglei", to=["cheungml"], cc=["zhangwei", "huangli", "wuqiang"],
    date="12-11 22:30", subject="Re: " + SUBJ_R, us=["cheungml"], parent=572,
    text="""美玲你好，

抱歉让香港用户受影响了。问题已经定位：兑换接口对港币积分的汇率换算报错。张伟他们今晚发热修复，明天中午12点前发你修复时间表；补偿方案我周一上午和黄丽确认后回复你。""",
    sig="王磊\n产品部",
    exp=dict(subject=S_R, greeting="美玲你好，", signature=SIG("王磊", "产品部", None, []),
             reply=R("promise", "2026-12-14T12:00:00+08:00", [1, 2])))

# ---------------------------------------------------------------- a Hong Kong photographer on Gmail (Cantonese)
SUBJ_T = "新年產品拍攝 - 需要你哋準備嘅嘢"

msg(574, "gmail", "zht", "original", frm="ericlau", to=["linyt"],
    date="12-09 13:00", subject=SUBJ_T, us=["ericlau"],
    text="""Hi 雅婷，

下星期三（16號）嘅新年產品拍攝，有幾樣嘢要你哋幫手準備：

- 產品樣本：禮盒A同B各2套，最遲15號（星期二）寄到我工作室
- 拍攝brief：每個產品要幾多張、用喺邊度（電商主圖／社交媒體），星期一前send俾我
- 現場需要一位你哋嘅同事確認構圖

如果有改期，最好早兩日話我知，因為影樓要提早book。""",
    sig="""Thanks!
Eric
-- 
Eric Lau 劉家明 | Photographer
IG: @ericlau.studio | WhatsApp: +852 6123 4567""",
    exp=dict(subject=S(None, None, None, [], None), greeting="Hi 雅婷，",
             opening="下星期三（16號）嘅新年產品拍攝，有幾樣嘢要你哋幫手準備：",
             items=[I("產品樣本：禮盒A同B各2套", None, "15號（星期二）", "2026-12-15T23:59:59+08:00", None),
                    I("拍攝brief", None, "星期一前", "2026-12-14T23:59:59+08:00",
                      "每個產品要幾多張、用喺邊度（電商主圖／社交媒體）"),
                    I("現場需要一位你哋嘅同事確認構圖", None, None, None, None)],
             closing="如果有改期，最好早兩日話我知，因為影樓要提早book。",
             signature=SIG("Eric Lau 劉家明", None, "Photographer", ["IG: @ericlau.studio", "WhatsApp: +852 6123 4567"])))

msg(575, "apple-mail", "zht", "reply", frm="linyt", to=["ericlau"],
    date="12-09 15:20", subject="Re: " + SUBJ_T, us=["ericlau"], parent=574,
    text="""Eric 你好，

樣本15號前寄到沒問題。想確認一下：現場確認構圖的同事需要全天在場嗎？還是上午定完構圖就可以先離開？""",
    sig="雅婷",
    exp=dict(subject=S(None, None, None, [], None), greeting="Eric 你好，", signature=SIG("雅婷", None, None, []),
             reply=R("question", None, [3])))

# ---------------------------------------------------------------- thread S: translation with a freelancer on Outlook.com
SUBJ_S = "【需求對接】春節活動文案英譯-行銷部-重要"
S_S = S("request", "需求對接", "春節活動文案英譯", ["行銷部"], "重要")
LYT_FULL_SIG = LYT_SIG + "\n啟衡科技 台灣分公司"

msg(576, "apple-mail", "zht", "original", frm="linyt", to=["grace"],
    date="12-03 11:00", subject=SUBJ_S, us=["linyt"], fmt={"cte": "base64"},
    text="""Grace您好：

想請您協助翻譯春節活動的文案（繁中→英文），約2,800字，需於12月10日（週四）中午前交稿。

內容：官網活動頁、EDM各一份，原稿已附上（Word檔）。
要求：保留品牌名「啟衡」的英文 Qiheng，不要意譯；標題請提供兩個版本供選擇；交稿請用Word修訂模式，方便我們核對。

稿費依上次報價（每千字NT$1,800）。若時間上有困難，請於明天前告訴我，謝謝！""",
    sig=LYT_FULL_SIG,
    attach=[("春節活動文案_繁中原稿.docx", ["春節活動 官網活動頁", "EDM 文案", "（共約2,800字）"])],
    exp=dict(subject=S_S, greeting="Grace您好：",
             opening="想請您協助翻譯春節活動的文案（繁中→英文），約2,800字，需於12月10日（週四）中午前交稿。",
             items=[I("翻譯春節活動的文案（繁中→英文），約2,800字", None, "12月10日（週四）中午前",
                      "2026-12-10T12:00:00+08:00",
                      "保留品牌名「啟衡」的英文 Qiheng，不要意譯；標題請提供兩個版本供選擇；交稿請用Word修訂模式，方便我們核對。")],
             closing="稿費依上次報價（每千字NT$1,800）。若時間上有困難，請於明天前告訴我，謝謝！",
             signature=LYT))

msg(577, "outlook-web", "zht", "reply", frm="grace", to=["linyt"],
    date="12-09 22:40", subject="RE: " + SUBJ_S, us=["linyt"], parent=576,
    text="""雅婷你好，

譯稿已完成，檔案較大（含兩份修訂稿），放在OneDrive：https://1drv.ms/f/s!Aq7GraceHo2026SpringFest ，請查收。

標題按要求提供了兩個版本，在每份文件的第一頁。如有需要修改，歡迎隨時告訴我。""",
    sig="""Grace

Grace Ho 何嘉欣
Freelance Translator (EN / 繁中)
+852 9234 5678""",
    exp=dict(subject=S_S, greeting="雅婷你好，",
             signature=SIG("Grace Ho 何嘉欣", None, "Freelance Translator (EN / 繁中)", ["+852 9234 5678"]),
             reply=R("delivery", None, [1])))

msg(578, "apple-mail", "zht", "reply", frm="linyt", to=["grace"],
    date="12-10 10:30", subject="Re: " + SUBJ_S, us=["linyt"], parent=577,
    text="""Grace您好：

譯稿已收到並核對完畢，品牌名與標題版本都符合要求，本案確認完成。稿費請款單請寄給我，月底前付款。謝謝！""",
    sig=LYT_FULL_SIG,
    exp=dict(subject=S_S, greeting="Grace您好：", signature=LYT, reply=R("confirmation", None, [1])))

# ---------------------------------------------------------------- forward (Outlook zh-TW, Big5)
msg(579, "outlook", "zht", "forward", frm="wucj", to=["zhangwei"],
    date="12-10 15:20", subject="轉寄: " + SUBJ_P, us=["wucj"], parent=566,
    text="""張偉您好，

轉寄台北門市POS離線資料遺失的問題給您參考。第3項的修正可能需要總部POS團隊一起看，方便的話這週找時間通個電話？""",
    sig=WCJ_SIG,
    exp=dict(subject=S_P, greeting="張偉您好，", signature=WCJ))
