"""The cast: who writes, from which address, in which time zone and UI locale.
`display` is the From display name as that person's client sends it."""

from dataclasses import dataclass


@dataclass
class Person:
    key: str
    name: str          # name as colleagues write it
    addr: str
    display: str       # display name in headers
    tz: int            # UTC offset in hours in Dec 2026
    ui: str            # client UI locale: en-US, en-GB, de, zh-CN, zh-TW, zh-HK
    domain_tag: str = ""

    @property
    def domain(self):
        return self.addr.split("@", 1)[1]


Q = "qiheng.example.com"
TW = "tw.qiheng.example.com"
HK = "hk.qiheng.example.com"

_CAST = [
    # Qiheng Technology (启衡科技), mainland
    ("wanglei", "王磊", "wanglei@" + Q, "王磊", 8, "zh-CN"),
    ("zhangwei", "张伟", "zhangwei@" + Q, "Zhang Wei", 8, "en-US"),
    ("lina", "李娜", "lina@" + Q, "李娜 Li Na", 8, "zh-CN"),
    ("jessica", "Jessica Chen", "jessica.chen@" + Q, "Chen, Jessica", 8, "en-US"),
    ("liuyang", "刘洋", "liuyang@" + Q, "Liu Yang", 8, "en-US"),
    ("zhaomin", "赵敏", "zhaomin@" + Q, "赵敏", 8, "en-US"),
    ("qinlang", "秦朗", "qinlang@" + Q, "Qin Lang", 8, "en-US"),
    ("wuqiang", "吴强", "wuqiang@" + Q, "吴强", 8, "en-US"),
    ("hexue", "何雪", "hexue@" + Q, "何雪", 8, "zh-CN"),
    ("zhengkai", "郑凯", "zhengkai@" + Q, "郑凯", 8, "zh-CN"),
    ("machao", "马超", "machao@" + Q, "Ma Chao", 8, "en-US"),
    ("zhouting", "周婷", "zhouting@" + Q, "周婷", 8, "en-US"),
    ("sunhao", "孙浩", "sunhao@" + Q, "孙浩 Sun Hao", 8, "en-US"),
    ("kevin", "Kevin Xu", "kevin.xu@" + Q, "Kevin Xu", 8, "en-US"),
    ("amylin", "Amy Lin", "amy.lin@" + Q, "Lin, Amy", 8, "en-US"),
    ("huangli", "黄丽", "huangli@" + Q, "黄丽", 8, "en-US"),
    ("fangyu", "方宇", "fangyu@" + Q, "方宇", 8, "en-US"),
    ("gaofeng", "高峰", "gaofeng@" + Q, "Gao Feng", 8, "en-US"),
    ("songjia", "宋佳", "songjia@" + Q, "宋佳", 8, "zh-CN"),
    ("luxin", "陆鑫", "luxin@" + Q, "Lu Xin", 8, "en-US"),
    ("xiaoyu", "肖雨", "xiaoyu@" + Q, "肖雨", 8, "zh-CN"),
    ("dengchao", "邓超", "dengchao@" + Q, "邓超", 8, "en-US"),
    ("zhenghua", "郑华", "zhenghua@" + Q, "郑华", 8, "zh-CN"),
    ("liting", "李婷", "liting@" + Q, "李婷", 8, "zh-CN"),
    ("wugang", "吴刚", "wugang@" + Q, "Wu Gang", 8, "en-US"),
    ("zhaohui", "赵慧", "zhaohui@" + Q, "Zhao Hui", 8, "en-US"),
    ("qianli", "钱丽", "qianli@" + Q, "钱丽", 8, "zh-CN"),
    ("ops", "IT Service Desk", "servicedesk@" + Q, "IT Service Desk", 8, "en-US"),
    # Qiheng Taiwan / Hong Kong
    ("chenzm", "陳志明", "cm.chen@" + TW, "陳志明", 8, "zh-TW"),
    ("linyt", "林雅婷", "yating.lin@" + TW, "林雅婷", 8, "zh-TW"),
    ("wucj", "吳俊傑", "cc.wu@" + TW, "吳俊傑 (Jay Wu)", 8, "zh-TW"),
    ("liuch", "劉建宏", "ch.liu@" + TW, "劉建宏", 8, "zh-TW"),
    ("tsaipc", "蔡佩君", "peichun.tsai@" + TW, "蔡佩君 Peggy Tsai", 8, "zh-TW"),
    ("leekh", "李國華", "kh.lee@" + TW, "李國華", 8, "zh-TW"),
    ("zhengsf", "鄭淑芬", "sf.cheng@" + TW, "鄭淑芬", 8, "zh-TW"),
    ("wangmh", "王美惠", "mh.wang@" + TW, "王美惠", 8, "zh-TW"),
    ("wongkh", "黃家豪", "kaho.wong@" + HK, "Wong Ka Ho (黃家豪)", 8, "zh-HK"),
    ("cheungml", "張美玲", "meiling.cheung@" + HK, "張美玲", 8, "zh-HK"),
    ("leekm", "李嘉敏", "carmen.lee@" + HK, "Carmen Lee", 8, "en-GB"),
    # partners and customers abroad
    ("sarah", "Sarah Mitchell", "sarah@brightlane.example.com", "Sarah Mitchell", -8, "en-US"),
    ("ben", "Ben Ortiz", "ben@brightlane.example.com", "Ben Ortiz", -8, "en-US"),
    ("tom", "Tom Becker", "t.becker@nordhaus.example.net", "Tom Becker", 1, "de"),
    ("weber", "Claudia Weber", "c.weber@nordhaus.example.net", "Weber, Claudia", 1, "de"),
    ("tanwj", "Tan Wei Jie", "weijie.tan@cloudkite.example.com", "Tan Wei Jie", 8, "en-GB"),
    ("lukas", "Lukas Hoffmann", "l.hoffmann@nordhaus.example.net", "Hoffmann, Lukas", 1, "en-GB"),
    ("priya", "Priya Raman", "priya.raman@cloudkite.example.com", "Priya Raman", 8, "en-GB"),
    ("james", "James O'Connor", "james.oconnor@harbor-analytics.example.org", "James O'Connor", 0, "en-GB"),
    ("yuki", "Yuki Tanaka", "y.tanaka@sakura-logi.example.com", "Yuki Tanaka", 9, "en-US"),
    ("michael", "Michael Brown", "mbrown@redwood-retail.example.com", "Brown, Michael", -5, "en-US"),
    ("daniel", "Daniel Park", "daniel.park@hanbit-pay.example.com", "Daniel Park", 9, "en-US"),
    ("minji", "Minji Choi", "minji.choi@hanbit-pay.example.com", "Minji Choi", 9, "en-US"),
    ("olivia", "Olivia Grant", "ogrant@redwood-retail.example.com", "Grant, Olivia", -5, "en-US"),
    # freelancers and people on personal mail
    ("chenhao", "陈昊", "chenhao@shenlan-data.example.com", "陈昊", 8, "zh-CN"),
    ("yangfan", "杨帆", "yangfan@xinghe-logistics.example.com", "杨帆", 8, "zh-CN"),
    ("zhoujun", "周军", "zhoujun@xinghe-logistics.example.com", "周军", 8, "zh-CN"),
    ("huangwj", "黃文傑", "wj.huang@yongxin-trade.example.com", "黃文傑", 8, "zh-TW"),
    ("chenlei", "陈磊", "chenlei@yunqi-ad.example.com", "陈磊", 8, "zh-CN"),
    ("laura", "Laura Chen", "laura.chen@verityscreen.example.com", "Laura Chen", 8, "en-GB"),
    ("xuchen", "许晨", "xuchen.design@gmail.com", "Xu Chen", 8, "zh-CN"),
    ("fangjing", "方静", "fangjing@yunqi-ad.example.com", "方静", 8, "zh-CN"),
    ("grace", "Grace Ho", "grace.ho.translation@outlook.com", "Grace Ho", 8, "en-GB"),
    ("ericlau", "劉家明", "eric.lau.hk@gmail.com", "Eric Lau", 8, "zh-HK"),
    ("zhoumin", "周敏", "zhoumin_work@icloud.com", "周敏", 8, "zh-CN"),
    ("marco", "Marco Rossi", "marco.rossi@lumenpack.example.net", "Marco Rossi", 1, "en-GB"),
    ("hannah", "Hannah Lee", "hannah.lee@brightlane.example.com", "Hannah Lee", -8, "en-US"),
    ("kenji", "Kenji Mori", "k.mori@sakura-logi.example.com", "Kenji Mori", 9, "en-US"),
]

P = {k: Person(k, n, a, d, tz, ui) for (k, n, a, d, tz, ui) in _CAST}
