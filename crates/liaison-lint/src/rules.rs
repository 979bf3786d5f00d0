//! The rule catalogue: ids (a public contract), default severities, explanations and help.

use crate::Severity;

/// One lint rule as documented in DESIGN §5.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The stable id (`subject-format`, `action-owner`, …).
    pub id: &'static str,
    /// Severity when `liaison.toml` says nothing.
    pub default: Severity,
    /// When it fires, in Chinese.
    pub summary_zh: &'static str,
    /// When it fires, in English.
    pub summary_en: &'static str,
    /// Why the guide asks for it and what passes, in Chinese.
    pub explain_zh: &'static str,
    /// Why the guide asks for it and what passes, in English.
    pub explain_en: &'static str,
    /// How to fix it, in Chinese.
    pub help_zh: &'static str,
    /// How to fix it, in English.
    pub help_en: &'static str,
}

impl Rule {
    /// The summary in the given language.
    pub fn summary(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.summary_zh,
            crate::Lang::En => self.summary_en,
        }
    }

    /// The explanation in the given language.
    pub fn explain(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.explain_zh,
            crate::Lang::En => self.explain_en,
        }
    }

    /// The help in the given language.
    pub fn help(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.help_zh,
            crate::Lang::En => self.help_en,
        }
    }
}

use Severity::{Error as E, Warning as W};

/// Every rule, in the order of DESIGN §5.
pub const RULES: &[Rule] = &[
    Rule {
        id: "subject-format",
        default: E,
        summary_zh: "主题不符合“【协作类型】项目/主题-部门-紧急程度”格式",
        summary_en: "the subject is not [Kind] project/topic - department - urgency",
        explain_zh: "指导书步骤2要求主题采用“【协作类型】+项目/主题+部门+紧急程度”格式，收件人看主题即知类型、事项、相关部门和轻重缓急。例如：【需求对接】Q3新产品用户调研-市场部-紧急。",
        explain_en: "Step 2 of the guide asks for subjects of the form [Kind] project/topic - department - urgency, so a reader knows from the subject what kind of mail it is, what it is about, who is involved and how urgent it is. Example: [Request] Q3 user research - Marketing - Urgent.",
        help_zh: "把主题改为“【协作类型】项目/主题-部门-紧急程度”，例如：【需求对接】Q3新产品用户调研-市场部-紧急",
        help_en: "rewrite the subject as \"[Kind] project - department - urgency\", e.g. [Request] Q3 user research - Marketing - Urgent",
    },
    Rule {
        id: "subject-kind",
        default: E,
        summary_zh: "【】中的协作类型不是已知类型",
        summary_en: "the tag in [] is not a known collaboration kind",
        explain_zh: "协作类型决定了邮件需要哪些部分（例如需求对接必须列出待办事项），也决定了跟进规则。已知类型：项目启动、需求对接、问题协调、问题升级、成果同步、进度同步、跟进提醒、成果确认、复盘，以及 liaison.toml [lint.kinds] 中配置的别名。",
        explain_en: "The kind decides which parts the mail needs (a request must list items) and how it is followed up. Known kinds: Kickoff, Request, Issue, Escalation, Result, Progress, Reminder, Confirmation, Retrospective (and the Chinese tags), plus aliases configured in liaison.toml [lint.kinds].",
        help_zh: "使用已知类型（如【需求对接】【问题协调】），或在 liaison.toml 的 [lint.kinds] 中为它配置别名",
        help_en: "use a known kind (e.g. [Request], [Issue]) or add an alias under [lint.kinds] in liaison.toml",
    },
    Rule {
        id: "subject-department",
        default: W,
        summary_zh: "主题中的部门不在通讯录中",
        summary_en: "a department in the subject is not in the directory",
        explain_zh: "主题中的部门应与通讯录一致，避免发错对象或写错部门名。仅在提供通讯录（--directory 或 [directory] path）时检查。",
        explain_en: "Departments in the subject should match the directory, so the mail reaches the right people. Checked only when a directory is given (--directory or [directory] path).",
        help_zh: "改用通讯录中的部门名称或别名，或把该部门加入通讯录",
        help_en: "use the department's name or alias from the directory, or add the department to it",
    },
    Rule {
        id: "subject-urgency",
        default: E,
        summary_zh: "主题缺少紧急程度或紧急程度无法识别",
        summary_en: "the urgency part of the subject is missing or unknown",
        explain_zh: "主题最后一段是紧急程度：紧急、重要、一般/常规、需今日反馈，或“需X日前反馈”。它决定回复时限（紧急为4个工作小时，需今日反馈为当天下班前，其余24小时）。可在 [lint.urgency] 中配置更多词。",
        explain_en: "The last part of the subject is the urgency: Urgent, Important, Normal, Reply today, or \"Reply by <date>\" (紧急, 重要, 一般/常规, 需今日反馈, 需X日前反馈). It sets the reply window. More words can be configured under [lint.urgency].",
        help_zh: "在主题末尾加上“-紧急”“-重要”“-一般”“-需今日反馈”或“-需12月3日前反馈”",
        help_en: "end the subject with \"- Urgent\", \"- Important\", \"- Normal\", \"- Reply today\" or \"- Reply by Dec 3\"",
    },
    Rule {
        id: "greeting-missing",
        default: E,
        summary_zh: "正文前没有称呼",
        summary_en: "no greeting before the body",
        explain_zh: "指导书要求邮件以称呼开头：对直接对接人用“X经理，您好！”，对多部门群发用“各位同事，大家好！”。",
        explain_en: "The guide asks every mail to open with a greeting: \"Dear Ms Wang,\" to one contact, \"Dear all,\" / \"Hi team,\" to several departments.",
        help_zh: "在正文第一行加上称呼，例如“张经理，您好！”或“各位同事，大家好！”",
        help_en: "start the body with a greeting, e.g. \"Dear Mr Zhang,\" or \"Hi all,\"",
    },
    Rule {
        id: "greeting-mismatch",
        default: W,
        summary_zh: "称呼与收件人数量不符",
        summary_en: "the greeting does not fit the number of To recipients",
        explain_zh: "只称呼一个人却发给多位收件人，或对一位收件人用“各位”，都会让收件人不确定谁该行动。只计算收件人（To），抄送不计。",
        explain_en: "Greeting one person while writing to several, or greeting \"all\" while writing to one, leaves readers unsure who must act. Only To recipients count, not Cc.",
        help_zh: "多位收件人时用“各位同事，大家好！”或逐一称呼；单个收件人时用“X经理，您好！”",
        help_en: "to several recipients greet them all (\"Hi all,\") or by name; to one, greet that person",
    },
    Rule {
        id: "opening-purpose",
        default: W,
        summary_zh: "首段没有用一句话说明邮件目的",
        summary_en: "the first paragraph does not state the mail's purpose in one sentence",
        explain_zh: "开场白用1句话说明邮件目的，例如“特此同步Q3新产品用户调研需求，需市场部于12月3日前提供报告初稿”。过长或没有目的的开场白会让收件人在30秒内抓不住重点。长度阈值见 [lint] opening_max_chars（英文邮件为其2.5倍）。",
        explain_en: "The opening states the mail's purpose in one sentence, e.g. \"I am writing to share the Q3 research request: Marketing to send a first draft by Dec 3.\" A long or aimless opening defeats the 30-second rule. The length limit is [lint] opening_max_chars (2.5 times that for English drafts).",
        help_zh: "在称呼后用一句话写明目的，例如“特此同步……，需……于……前……”",
        help_en: "right after the greeting, say in one sentence why you write and what you need by when",
    },
    Rule {
        id: "background-missing",
        default: W,
        summary_zh: "缺少背景与目标",
        summary_en: "no background or goal",
        explain_zh: "项目启动、需求对接、问题协调和问题升级邮件需要简述协作起因与最终目的（1-2句话），让对方理解为什么要做。",
        explain_en: "Kickoff, request, issue and escalation mails state why the work is needed and what it is for, in one or two sentences.",
        help_zh: "加一段“背景与目标：……”，1-2句话说明起因和目的",
        help_en: "add a \"Background:\" part of one or two sentences: why, and what for",
    },
    Rule {
        id: "background-too-long",
        default: W,
        summary_zh: "背景超过两句话",
        summary_en: "the background runs past two sentences",
        explain_zh: "指导书要求背景与目标简述即可（1-2句话）；更多细节放在附件里。阈值见 [lint] background_max_sentences。",
        explain_en: "The guide keeps the background to one or two sentences; details belong in an attachment. The limit is [lint] background_max_sentences.",
        help_zh: "把背景压缩到两句话以内，细节移到附件并在附件说明中注明",
        help_en: "cut the background to two sentences; move details to an attachment and describe it",
    },
    Rule {
        id: "actions-missing",
        default: E,
        summary_zh: "请求类邮件没有分点列出的待办事项",
        summary_en: "a request-type mail has no enumerated items",
        explain_zh: "项目启动、需求对接、问题协调、问题升级邮件必须分点列出需求/待办，每项写明“做什么、谁来做、何时完成、交付标准”。成果同步等通知类邮件不要求。",
        explain_en: "Kickoff, request, issue and escalation mails list their asks as numbered items, each with what, who, by when and the acceptance standard. Result and other notice mails need not.",
        help_zh: "分点列出事项，例如“1. 市场部提供用户行为数据报表（12月3日17:00前，含功能使用频率维度）”",
        help_en: "list the asks as numbered items, e.g. \"1. Marketing: send the usage report by Dec 3 17:00, with feature-frequency columns\"",
    },
    Rule {
        id: "action-owner",
        default: E,
        summary_zh: "事项没有写明负责人或负责部门",
        summary_en: "an item names no responsible person or department",
        explain_zh: "每项待办只能有一个明确的负责人（人或部门），否则容易相互推诿。",
        explain_en: "Every item needs one named owner, a person or a department; otherwise nobody owns it.",
        help_zh: "在事项中写明谁来做，例如“市场部（王磊）负责……”",
        help_en: "name who does it, e.g. \"Marketing (Alice) to …\" or \"Owner: Alice\"",
    },
    Rule {
        id: "action-deadline",
        default: E,
        summary_zh: "事项没有完成时间，全文也没有统一截止时间",
        summary_en: "an item has no deadline and no mail-wide deadline covers it",
        explain_zh: "每项待办需要可计算的完成时间（如“12月3日17:00前”“3个工作日内”），或由“截止时间：……”一行统一规定。",
        explain_en: "Every item needs a computable deadline (\"by Dec 3 17:00\", \"within 3 business days\"), or a mail-wide \"Deadline: …\" line that covers all items.",
        help_zh: "为事项加上具体时间，例如“12月3日17:00前”，或在事项后加“截止时间：12月3日17:00前”",
        help_en: "add a concrete deadline to the item, e.g. \"by Thursday Dec 3, 17:00\", or a \"Deadline: …\" line after the items",
    },
    Rule {
        id: "deadline-vague",
        default: E,
        summary_zh: "时间要求模糊（尽快、近期、ASAP、月底左右……）",
        summary_en: "a deadline is vague (ASAP, soon, around the end of the month …)",
        explain_zh: "“尽快”“近期”“月底左右”等说法无法计算日期，对方无从安排，也无法跟进。可在 [lint] vague_words 中增加词语。",
        explain_en: "\"ASAP\", \"soon\", \"around month end\" set no date: the other side cannot plan and nobody can follow up. More words can be added under [lint] vague_words.",
        help_zh: "改成具体时间，例如“12月3日17:00前”或“3个工作日内”",
        help_en: "write a concrete time instead, e.g. \"by Dec 3, 17:00\" or \"within 3 business days\"",
    },
    Rule {
        id: "deadline-placeholder",
        default: E,
        summary_zh: "有未填写的占位（X月X日、XX:XX、【日期】、＊经理……）",
        summary_en: "an unfilled slot (X月X日, XX:XX, [DATE], *Manager …)",
        explain_zh: "模板里的日期、时间或人名占位没有填写，邮件发出后对方无法知道真实要求。",
        explain_en: "A date, time or name slot of a template was left unfilled; the reader cannot know the real ask.",
        help_zh: "把占位替换为真实的日期、时间或人名",
        help_en: "replace the slot with the real date, time or name",
    },
    Rule {
        id: "deadline-invalid",
        default: E,
        summary_zh: "日期或时间不存在（4月31日、2月30日、25:00……）",
        summary_en: "a date or time that cannot exist (April 31, February 30, 25:00 ...)",
        explain_zh: "日期或时间写错了，例如“4月31日”（4月只有30天）、“13月1日”、“12月3日25:00”。liaison 不会把它改成相近的日期，对方也无从知道真实要求。",
        explain_en: "The date or time cannot exist, e.g. \"April 31\" (April has 30 days), \"month 13\" or \"25:00\". liaison does not move it to a nearby date, and the reader cannot know what was meant.",
        help_zh: "改成真实存在的日期和时间，例如“4月30日17:00前”",
        help_en: "write a date and time that exist, e.g. \"by April 30, 17:00\"",
    },
    Rule {
        id: "deadline-estimated",
        default: W,
        summary_zh: "截止时间落在节假日安排尚未公布（估算）的年份",
        summary_en: "a deadline counts working days in a year whose holidays are only estimated",
        explain_zh: "内置的 cn 日历只含已发布国务院放假通知的年份；之后的年份只知道法定假日，不知道调休和连休。按工作日计算的截止时间可能因此差几天。",
        explain_en: "The built-in cn calendar holds the years whose State Council holiday notice is published; for a later year only the statutory days are known, not the bridge days and make-up working days, so a deadline counted in working days may be off by days.",
        help_zh: "写明具体日期；或在 [time] calendar 指向的文件（base = \"cn\"）中加入该年的放假安排",
        help_en: "write the date out; or add the year's notice to the file [time] calendar points to (base = \"cn\")",
    },
    Rule {
        id: "deadline-zone-ambiguous",
        default: W,
        summary_zh: "时区缩写有歧义（CST、IST）",
        summary_en: "an ambiguous time-zone abbreviation (CST, IST)",
        explain_zh: "CST 可以是中国标准时间，也可以是美国中部时间；IST 可以是印度、以色列或爱尔兰时间。liaison 按 TIME.md 的约定解读，但收件人可能理解为另一个时区。",
        explain_en: "CST is China Standard Time or US Central Time; IST is India, Israel or Irish time. liaison reads them as TIME.md says, but the reader may take another zone.",
        help_zh: "写明时区，例如“北京时间”“美中时间”或“UTC+8”",
        help_en: "write the zone out, e.g. \"Beijing time\", \"US Central\" or \"UTC+8\"",
    },
    Rule {
        id: "deadline-past",
        default: W,
        summary_zh: "截止时间早于邮件日期",
        summary_en: "a deadline resolves before the mail's date",
        explain_zh: "截止时间按邮件日期（无日期时按 --now）计算后已经过去，通常是写错了日期或沿用了旧邮件。",
        explain_en: "The deadline, resolved against the mail's Date (or --now when it has none), has already passed: usually a typo or text copied from an older mail.",
        help_zh: "检查日期是否写错，改为未来的时间",
        help_en: "check the date and set one in the future",
    },
    Rule {
        id: "deadline-nonworking",
        default: W,
        summary_zh: "截止时间落在非工作日",
        summary_en: "a deadline falls on a non-working day",
        explain_zh: "截止日是周末或法定节假日（按 [time] calendar，默认 cn 日历，含调休），对方可能无法按时处理。",
        explain_en: "The deadline is on a weekend or a public holiday of the configured calendar ([time] calendar, cn by default, with make-up working days).",
        help_zh: "改到前一个工作日，或确认对方在该日工作",
        help_en: "move it to the previous working day, or confirm the other side works that day",
    },
    Rule {
        id: "weekday-mismatch",
        default: W,
        summary_zh: "日期与星期不一致",
        summary_en: "a date and its weekday disagree",
        explain_zh: "例如“12月3日（周五）”，而2026年12月3日是周四。以日期为准，但对方可能按星期理解。",
        explain_en: "E.g. \"Dec 3 (Fri)\" when Dec 3 2026 is a Thursday. liaison takes the date, but the reader may go by the weekday.",
        help_zh: "改正星期或日期，使两者一致",
        help_en: "fix the weekday or the date so they agree",
    },
    Rule {
        id: "action-standard",
        default: W,
        summary_zh: "事项没有交付标准",
        summary_en: "an item has no acceptance standard",
        explain_zh: "每项待办应写明交付标准：格式、范围、维度或验收方式，例如“包含功能使用频率、投诉热点等维度”“Excel格式”。",
        explain_en: "Every item states its acceptance standard: format, scope, fields or how it is accepted, e.g. \"including feature usage and top complaints\", \"as an Excel file\".",
        help_zh: "补充交付标准，例如“（Excel格式，包含……维度）”",
        help_en: "add the standard, e.g. \"(Excel, including … columns)\"",
    },
    Rule {
        id: "attachment-missing",
        default: E,
        summary_zh: "正文提到附件，但没有附上",
        summary_en: "the text refers to an attachment that is not attached",
        explain_zh: "正文写了“见附件”“附件1：《……》”或文件名，但邮件没有对应的附件（纯文本草稿按 Attachments:/附件: 行并相对草稿所在目录查找文件）。",
        explain_en: "The text says \"see attached\", \"Attachment 1: …\" or names a file, but the mail carries no such attachment (plain drafts list them in Attachments:, relative to the draft).",
        help_zh: "附上文件（纯文本草稿在“附件:”行列出文件名），或删去对附件的引用",
        help_en: "attach the file (in a plain draft, list it on the Attachments: line) or drop the reference",
    },
    Rule {
        id: "attachment-undescribed",
        default: W,
        summary_zh: "附件没有在正文中说明",
        summary_en: "an attached file is not described in the body",
        explain_zh: "指导书要求注明附件内容与用途，例如“附件1：《Q3用户调研需求清单》详细说明调研维度与数据格式”。",
        explain_en: "The guide asks to say what each attachment is and what it is for, e.g. \"Attachment 1: Q3 research checklist.xlsx, the dimensions and data format\".",
        help_zh: "在“附件说明”中逐一写明：附件N：《名称》+ 内容与用途",
        help_en: "add an Attachments part: \"Attachment N: <name> — what it is, what it is for\"",
    },
    Rule {
        id: "attachment-large",
        default: W,
        summary_zh: "附件总大小超过阈值",
        summary_en: "attachments exceed the configured size",
        explain_zh: "大附件容易被退信或塞满邮箱（默认阈值20 MB，见 [lint] attachment_max_mb）。应上传到共享文件夹并在邮件中给出链接。",
        explain_en: "Large attachments bounce or fill mailboxes (default limit 20 MB, [lint] attachment_max_mb). Share them in a shared folder and send a link.",
        help_zh: "把大文件放到共享文件夹（如“跨部门协作-项目名称”），在正文中给出链接",
        help_en: "put the large files in a shared folder and link to them",
    },
    Rule {
        id: "closing-next-step",
        default: W,
        summary_zh: "结尾没有说明后续动作或回复时限",
        summary_en: "no closing that states the next step or a reply deadline",
        explain_zh: "结尾要明确后续动作，例如“若有疑问，请于今日17:00前反馈，逾期将默认按需求推进”。",
        explain_en: "The closing states what happens next, e.g. \"Please raise questions by 17:00 today; otherwise we proceed as described.\"",
        help_zh: "在落款前加一句后续安排，例如“如有疑问请于……前反馈，逾期默认按此推进”",
        help_en: "before the signature, say what happens next, e.g. \"Please reply by … with any questions; otherwise we proceed.\"",
    },
    Rule {
        id: "signature-incomplete",
        default: E,
        summary_zh: "落款缺少姓名、部门或联系方式",
        summary_en: "the signature lacks name, department or contact",
        explain_zh: "落款需包含发送人姓名、部门和联系方式（电话或内部通讯工具账号），方便对方直接找到人。",
        explain_en: "The signature gives the sender's name, department and a contact (phone or chat account) so the reader can reach the sender directly.",
        help_zh: "在末尾写上：姓名｜部门｜联系方式（如 钉钉：wanglei01）",
        help_en: "end with: name | department | contact (e.g. DingTalk: alice01, +86 …)",
    },
    Rule {
        id: "core-not-upfront",
        default: W,
        summary_zh: "开头部分没有写出请求和截止时间（30秒原则）",
        summary_en: "the ask and its deadline are not in the opening (the 30-second rule)",
        explain_zh: "收件人应在30秒内抓住邮件核心：开场白就要写出需要对方做什么、何时之前完成。适用于项目启动、需求对接、问题协调、问题升级和跟进提醒。",
        explain_en: "The reader should get the core in 30 seconds: the opening says what is asked and by when. Applies to kickoff, request, issue, escalation and reminder mails.",
        help_zh: "在开场白中写明“需……于……前……”",
        help_en: "in the opening, say what you need and by when",
    },
    Rule {
        id: "recipient-unknown",
        default: W,
        summary_zh: "收件人不在通讯录中",
        summary_en: "a recipient is not in the directory",
        explain_zh: "指导书要求事先确认对接人，避免邮件发送至错误对象。仅在提供通讯录时检查。",
        explain_en: "The guide asks to confirm the contact person first so mail does not go to the wrong person. Checked only with a directory.",
        help_zh: "核对收件人地址，或把此人加入通讯录",
        help_en: "check the address, or add the person to the directory",
    },
    Rule {
        id: "escalation-cc",
        default: E,
        summary_zh: "问题升级邮件没有抄送双方上级",
        summary_en: "an escalation does not cc both parties' superiors",
        explain_zh: "问题升级时应抄送双方上级，协调资源支持（指导书步骤3）。上级按通讯录的 superior 字段确定，仅在提供通讯录时检查。",
        explain_en: "An escalation cc's both parties' superiors (step 3 of the guide). Superiors come from the directory's superior field; checked only with a directory.",
        help_zh: "把发件人和收件人的上级加入抄送",
        help_en: "add the sender's and the recipients' superiors to Cc",
    },
    Rule {
        id: "placeholder-leftover",
        default: E,
        summary_zh: "有模板残留：{{…}}、XXX、【请填写】、空的【】",
        summary_en: "template residue: {{…}}, XXX, [fill in], empty []",
        explain_zh: "模板中的变量或提示文字没有替换就发出，会显得不专业，也会遗漏信息。",
        explain_en: "Template variables or prompts were left in; the mail looks careless and misses information.",
        help_zh: "把残留内容替换为真实信息或删除",
        help_en: "replace the residue with the real text, or delete it",
    },
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The index of a rule in [`RULES`].
pub fn rule_index(id: &str) -> Option<usize> {
    RULES.iter().position(|r| r.id == id)
}
