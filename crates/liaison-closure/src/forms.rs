//! The guide's forms (三、模板与表单) as XLSX and CSV: 需求表/回执, 任务分工表, 进度跟踪表,
//! 问题升级记录表, 成果确认与复盘表. A form is first a [`Table`] (headers, column widths, the
//! fixed values of a column, typed cells), then written by [`to_xlsx`] (Chinese headers,
//! widths, a frozen header row, real Excel dates, data validation) or [`to_csv`].
//! [`read_assignment`] reads a filled 任务分工表 back.

use crate::timeline::Closing;
use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use liaison_model::{Collaboration, EventKind, Lang};
use serde::Serialize;

/// Errors of writing or reading a form.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    /// The XLSX writer failed.
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The CSV writer failed.
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    /// The file is not an XLSX workbook liaison can read.
    #[error("{0}")]
    Unreadable(String),
}

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormKind {
    /// 需求表/回执.
    Request,
    /// 任务分工表.
    Assignment,
    /// 进度跟踪表.
    Progress,
    /// 问题升级记录表.
    Escalation,
    /// 成果确认与复盘表.
    Retro,
}

impl FormKind {
    /// Every form, in the guide's order.
    pub const ALL: [FormKind; 5] = [
        FormKind::Request,
        FormKind::Assignment,
        FormKind::Progress,
        FormKind::Escalation,
        FormKind::Retro,
    ];

    /// The form's title (also its file and sheet name).
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            FormKind::Request => lang.pick("需求表-回执", "request-receipt"),
            FormKind::Assignment => lang.pick("任务分工表", "assignment"),
            FormKind::Progress => lang.pick("进度跟踪表", "progress"),
            FormKind::Escalation => lang.pick("问题升级记录表", "escalation-log"),
            FormKind::Retro => lang.pick("成果确认与复盘表", "confirmation-and-retro"),
        }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A whole number.
    Number(i64),
    /// An instant, written as a real Excel date (local time of its offset).
    Date(DateTime<FixedOffset>),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    fn opt(s: Option<&str>) -> Cell {
        s.map(Cell::text).unwrap_or(Cell::Empty)
    }
    fn date(d: Option<DateTime<FixedOffset>>) -> Cell {
        d.map(Cell::Date).unwrap_or(Cell::Empty)
    }
    /// The cell as CSV text (dates as `YYYY-MM-DD HH:MM`).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// One column.
#[derive(Debug, Clone)]
pub struct Column {
    /// The header.
    pub header: &'static str,
    /// Width in characters.
    pub width: f64,
    /// The only values the column may hold (written as an XLSX list validation).
    pub choices: Option<Vec<&'static str>>,
}

/// A form as a table.
#[derive(Debug, Clone)]
pub struct Table {
    /// Which form.
    pub kind: FormKind,
    /// The sheet name.
    pub title: &'static str,
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows of cells (one per column).
    pub rows: Vec<Vec<Cell>>,
}

fn col(header: &'static str, width: f64) -> Column {
    Column {
        header,
        width,
        choices: None,
    }
}

fn choice(header: &'static str, width: f64, choices: Vec<&'static str>) -> Column {
    Column {
        header,
        width,
        choices: Some(choices),
    }
}

/// The item status as the forms say it.
pub fn status_label(s: &str, lang: Lang) -> &'static str {
    match s {
        "open" => lang.pick("进行中", "open"),
        "delivered" => lang.pick("已交付", "delivered"),
        "confirmed" => lang.pick("已确认", "confirmed"),
        "overdue" => lang.pick("已逾期", "overdue"),
        _ => lang.pick("已取消", "dropped"),
    }
}

/// The headers of the 任务分工表, which [`read_assignment`] looks for.
pub const ASSIGNMENT_HEADERS: [&str; 7] = [
    "序号",
    "做什么",
    "谁来做",
    "所属部门",
    "何时完成",
    "交付标准",
    "备注",
];

/// Builds a form of `c` from its timeline read `k`. `dept` names a person's department.
pub fn table(
    kind: FormKind,
    c: &Collaboration,
    k: &Closing,
    lang: Lang,
    dept: &dyn Fn(&str) -> Option<String>,
) -> Table {
    let z = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let owner = |o: Option<&String>| o.map(|s| s.to_string());
    let (columns, rows): (Vec<Column>, Vec<Vec<Cell>>) = match kind {
        FormKind::Request => {
            let columns = vec![
                col(z("序号", "No."), 6.0),
                col(z("需求事项", "Request"), 36.0),
                col(z("需求方", "Requester"), 24.0),
                col(z("对接人", "Counterpart"), 24.0),
                col(z("期望完成时间", "Wanted by"), 18.0),
                col(z("交付标准", "Standard"), 30.0),
                choice(
                    z("回执状态", "Receipt"),
                    12.0,
                    vec![
                        z("已收到", "received"),
                        z("有疑问", "question"),
                        z("未回执", "none"),
                    ],
                ),
                col(z("回执时间", "Receipt at"), 18.0),
            ];
            let rows = k
                .items
                .iter()
                .map(|i| {
                    let reply = c.events.iter().find(|e| {
                        e.kind == EventKind::Replied
                            && i.owner.as_deref().is_some_and(|o| {
                                e.actor
                                    .as_deref()
                                    .is_some_and(|a| a.eq_ignore_ascii_case(o))
                            })
                    });
                    vec![
                        Cell::Number(i.number as i64),
                        Cell::text(&i.what),
                        Cell::text(&c.owner),
                        Cell::opt(owner(i.owner.as_ref()).as_deref()),
                        Cell::date(i.planned),
                        Cell::opt(i.standard.as_deref()),
                        Cell::text(if reply.is_some() {
                            z("已收到", "received")
                        } else {
                            z("未回执", "none")
                        }),
                        Cell::date(reply.map(|e| e.at)),
                    ]
                })
                .collect();
            (columns, rows)
        }
        FormKind::Assignment => {
            let h = ASSIGNMENT_HEADERS;
            let columns = vec![
                col(h[0], 6.0),
                col(h[1], 40.0),
                col(h[2], 24.0),
                col(h[3], 12.0),
                col(h[4], 18.0),
                col(h[5], 30.0),
                col(h[6], 20.0),
            ];
            let rows = k
                .items
                .iter()
                .map(|i| {
                    vec![
                        Cell::Number(i.number as i64),
                        Cell::text(&i.what),
                        Cell::opt(i.owner.as_deref()),
                        Cell::opt(i.owner.as_deref().and_then(dept).as_deref()),
                        Cell::date(i.planned),
                        Cell::opt(i.standard.as_deref()),
                        Cell::Empty,
                    ]
                })
                .collect();
            (columns, rows)
        }
        FormKind::Progress => {
            let statuses = vec![
                z("进行中", "open"),
                z("已交付", "delivered"),
                z("已确认", "confirmed"),
                z("已逾期", "overdue"),
                z("已取消", "dropped"),
            ];
            let columns = vec![
                col(z("序号", "No."), 6.0),
                col(z("事项", "Item"), 36.0),
                col(z("负责人", "Owner"), 24.0),
                choice(z("状态", "Status"), 10.0, statuses),
                col(z("计划完成时间", "Planned"), 18.0),
                col(z("承诺完成时间", "Promised"), 18.0),
                col(z("实际交付时间", "Delivered"), 18.0),
                col(z("确认时间", "Confirmed"), 18.0),
                col(z("催办次数", "Nudges"), 10.0),
            ];
            let rows = k
                .items
                .iter()
                .map(|i| {
                    vec![
                        Cell::Number(i.number as i64),
                        Cell::text(&i.what),
                        Cell::opt(i.owner.as_deref()),
                        Cell::text(status_label(i.status, lang)),
                        Cell::date(i.planned),
                        Cell::date(i.promised),
                        Cell::date(i.delivered),
                        Cell::date(i.confirmed),
                        Cell::Number(i.nudges as i64),
                    ]
                })
                .collect();
            (columns, rows)
        }
        FormKind::Escalation => {
            let columns = vec![
                col(z("序号", "No."), 6.0),
                col(z("升级时间", "Escalated at"), 18.0),
                col(z("发起人", "By"), 24.0),
                col(z("升级对象", "Escalated to"), 40.0),
                col(z("升级原因", "Cause"), 50.0),
                choice(
                    z("处理结果", "Outcome"),
                    12.0,
                    vec![z("已解决", "resolved"), z("处理中", "pending")],
                ),
            ];
            let rows = k
                .escalations
                .iter()
                .enumerate()
                .map(|(n, e)| {
                    vec![
                        Cell::Number(n as i64 + 1),
                        Cell::Date(e.at),
                        Cell::opt(e.by.as_deref()),
                        Cell::text(e.to.join(lang.pick("、", ", "))),
                        Cell::opt(e.cause.as_deref()),
                        Cell::text(if e.resolved {
                            z("已解决", "resolved")
                        } else {
                            z("处理中", "pending")
                        }),
                    ]
                })
                .collect();
            (columns, rows)
        }
        FormKind::Retro => {
            let columns = vec![
                col(z("序号", "No."), 6.0),
                col(z("事项", "Item"), 36.0),
                col(z("负责人", "Owner"), 24.0),
                col(z("交付标准", "Standard"), 28.0),
                col(z("计划完成时间", "Planned"), 18.0),
                col(z("实际交付时间", "Delivered"), 18.0),
                col(z("延误天数", "Days late"), 10.0),
                choice(
                    z("确认结果", "Confirmation"),
                    12.0,
                    vec![
                        z("通过", "accepted"),
                        z("不通过", "rejected"),
                        z("待确认", "pending"),
                    ],
                ),
                col(z("催办次数", "Nudges"), 10.0),
                col(z("延误原因（原话）", "Cause (as written)"), 50.0),
                col(z("改进措施", "Improvements"), 40.0),
            ];
            let rows = k
                .items
                .iter()
                .map(|i| {
                    let result = if i.rejected.is_some() && i.status != "confirmed" {
                        z("不通过", "rejected")
                    } else if i.confirmed.is_some() {
                        z("通过", "accepted")
                    } else {
                        z("待确认", "pending")
                    };
                    vec![
                        Cell::Number(i.number as i64),
                        Cell::text(&i.what),
                        Cell::opt(i.owner.as_deref()),
                        Cell::opt(i.standard.as_deref()),
                        Cell::date(i.planned),
                        Cell::date(i.delivered),
                        Cell::Number(i.days_late),
                        Cell::text(result),
                        Cell::Number(i.nudges as i64),
                        Cell::opt(i.cause.as_deref()),
                        Cell::Empty,
                    ]
                })
                .collect();
            (columns, rows)
        }
    };
    Table {
        kind,
        title: kind.title(lang),
        columns,
        rows,
    }
}

/// The table as an XLSX workbook (one sheet).
pub fn to_xlsx(t: &Table) -> Result<Vec<u8>, FormError> {
    use rust_xlsxwriter::{
        Color, DataValidation, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    };
    let mut wb = Workbook::new();
    // A fixed creation date keeps the bytes the same from run to run (archives compare).
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(t.title)
            .set_creation_datetime(&ExcelDateTime::from_ymd(2026, 1, 1)?),
    );
    let ws = wb.add_worksheet();
    ws.set_name(t.title)?;
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let wrap = Format::new().set_text_wrap();
    for (i, c) in t.columns.iter().enumerate() {
        let i = i as u16;
        ws.write_string_with_format(0, i, c.header, &head)?;
        ws.set_column_width(i, c.width)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (i, cell) in row.iter().enumerate() {
            let i = i as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    ws.write_string_with_format(r, i, s, &wrap)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, i, *n as f64)?;
                }
                Cell::Date(d) => {
                    let x =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?
                            .and_hms(d.hour() as u16, d.minute() as u8, d.second())?;
                    ws.write_datetime_with_format(r, i, &x, &date)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    // Validation covers the rows written and room for people to add more.
    let last = (t.rows.len() as u32 + 200).max(200);
    for (i, c) in t.columns.iter().enumerate() {
        if let Some(choices) = &c.choices {
            let v = DataValidation::new().allow_list_strings(choices)?;
            ws.add_data_validation(1, i as u16, last, i as u16, &v)?;
        }
    }
    Ok(wb.save_to_buffer()?)
}

/// The table as CSV (UTF-8 with a BOM, so Excel and WPS read the Chinese).
pub fn to_csv(t: &Table) -> Result<Vec<u8>, FormError> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record(t.columns.iter().map(|c| c.header))?;
    for row in &t.rows {
        w.write_record(row.iter().map(Cell::as_text))?;
    }
    w.into_inner()
        .map_err(|e| FormError::Unreadable(e.to_string()))
}

/// One item read from a filled 任务分工表.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadItem {
    /// The row (1-based, as Excel shows it).
    pub row: u32,
    /// 做什么.
    pub what: String,
    /// 谁来做.
    pub owner: String,
    /// 何时完成, as text (a real date is written `M月D日HH:MM前`).
    pub due: String,
    /// 交付标准.
    pub standard: String,
}

/// What [`read_assignment`] could not read, with its cell reference (`B7`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadProblem {
    /// The cell or range, as Excel names it.
    pub cell: String,
    /// What is wrong.
    pub message: String,
}

/// A 任务分工表 read back.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReadAssignment {
    /// The items read.
    pub items: Vec<ReadItem>,
    /// What could not be read.
    pub problems: Vec<ReadProblem>,
}

/// An Excel serial date (days since 1899-12-30, the 1900 date system) as a local time.
fn excel_date(serial: f64) -> Option<chrono::NaiveDateTime> {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    let secs = (serial * 86_400.0).round() as i64;
    base.checked_add_signed(chrono::Duration::seconds(secs))
}

/// The Excel name of a cell (0-based row and column): `A1`, `AB12`.
pub fn cell_ref(row: u32, col: u32) -> String {
    let mut c = col + 1;
    let mut letters = Vec::new();
    while c > 0 {
        let r = (c - 1) % 26;
        letters.push((b'A' + r as u8) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// Reads a filled 任务分工表 (ours, or any sheet with 做什么/谁来做/何时完成/交付标准
/// headers): what can be read becomes items, the rest is reported with its cell reference
/// (merged cells, formulas, empty required cells, a missing header).
pub fn read_assignment(bytes: &[u8], lang: Lang) -> Result<ReadAssignment, FormError> {
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).map_err(|e| {
        FormError::Unreadable(match lang {
            Lang::Zh => format!("不是 XLSX 工作簿（{e}）：请用 Excel/WPS 另存为 .xlsx"),
            Lang::En => format!("not an XLSX workbook ({e}): save it as .xlsx from Excel/WPS"),
        })
    })?;
    let names = wb.sheet_names();
    let Some(sheet) = names
        .iter()
        .find(|n| n.as_str() == "任务分工表")
        .or(names.first())
        .cloned()
    else {
        return Err(FormError::Unreadable(
            lang.pick("工作簿里没有工作表", "the workbook has no sheet")
                .into(),
        ));
    };
    let range = wb.worksheet_range(&sheet).map_err(|e| {
        FormError::Unreadable(format!(
            "{sheet}{}{e}",
            lang.pick("：无法读取：", ": cannot be read: ")
        ))
    })?;
    let formulas = wb.worksheet_formula(&sheet).ok();
    let merged = wb
        .worksheet_merge_cells(&sheet)
        .and_then(Result::ok)
        .unwrap_or_default();
    let mut out = ReadAssignment::default();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    // The header row: the first row naming 做什么.
    let rows: Vec<&[Data]> = range.rows().collect();
    let text = |d: &Data| -> String {
        match d {
            Data::String(s) => s.trim().to_string(),
            Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
            Data::Float(f) => f.to_string(),
            Data::Int(i) => i.to_string(),
            Data::Bool(b) => b.to_string(),
            Data::DateTime(d) => excel_date(d.as_f64())
                .map(|t| t.format("%-m月%-d日%H:%M前").to_string())
                .unwrap_or_default(),
            Data::DateTimeIso(s) => s.clone(),
            _ => String::new(),
        }
    };
    let find = |row: &[Data], names: &[&str]| {
        row.iter()
            .position(|d| names.iter().any(|n| text(d).contains(n)))
    };
    let Some((hr, header)) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| find(r, &["做什么", "任务", "事项"]).is_some())
    else {
        out.problems.push(ReadProblem {
            cell: format!("{sheet}!{}", cell_ref(r0, c0)),
            message: "no header row naming 做什么/谁来做/何时完成/交付标准: not a 任务分工表"
                .into(),
        });
        return Ok(out);
    };
    let cols = [
        find(header, &["做什么", "任务", "事项"]),
        find(header, &["谁来做", "负责人", "责任人"]),
        find(header, &["何时完成", "完成时间", "截止"]),
        find(header, &["交付标准", "验收标准"]),
    ];
    let labels = ["做什么", "谁来做", "何时完成", "交付标准"];
    for (c, l) in cols.iter().zip(labels) {
        if c.is_none() {
            out.problems.push(ReadProblem {
                cell: format!("{sheet}!{}", cell_ref(r0 + hr as u32, c0)),
                message: match lang {
                    Lang::Zh => format!("表头行没有“{l}”列"),
                    Lang::En => format!("the header row has no {l} column"),
                },
            });
        }
    }
    for m in &merged {
        out.problems.push(ReadProblem {
            cell: format!(
                "{sheet}!{}:{}",
                cell_ref(m.start.0, m.start.1),
                cell_ref(m.end.0, m.end.1)
            ),
            message: lang
                .pick(
                    "合并单元格：只读取左上角单元格的值",
                    "merged cells: only the top-left cell's value is read",
                )
                .into(),
        });
    }
    for (ri, row) in rows.iter().enumerate().skip(hr + 1) {
        let abs_r = r0 + ri as u32;
        let get = |k: usize| {
            cols[k]
                .and_then(|c| row.get(c))
                .map(text)
                .unwrap_or_default()
        };
        let mut formula_here = false;
        if let Some(f) = &formulas {
            for (k, c) in cols.iter().enumerate() {
                let Some(c) = c else { continue };
                let abs_c = c0 + *c as u32;
                if let Some(s) = f.get_value((abs_r, abs_c)).filter(|s| !s.is_empty()) {
                    formula_here = true;
                    out.problems.push(ReadProblem {
                        cell: format!("{sheet}!{}", cell_ref(abs_r, abs_c)),
                        message: match lang {
                            Lang::Zh => {
                                format!("“{}”是公式（={s}）：使用其缓存值（若有）", labels[k])
                            }
                            Lang::En => format!(
                                "{} is a formula (={s}); its cached value is used if there is one",
                                labels[k]
                            ),
                        },
                    });
                }
            }
        }
        let vals: Vec<String> = (0..4).map(get).collect();
        if vals.iter().all(String::is_empty) && !formula_here {
            continue;
        }
        let mut ok = true;
        for (k, v) in vals.iter().enumerate() {
            if v.is_empty() && k < 3 {
                ok = false;
                out.problems.push(ReadProblem {
                    cell: format!(
                        "{sheet}!{}",
                        cell_ref(abs_r, c0 + cols[k].unwrap_or(0) as u32)
                    ),
                    message: match lang {
                        Lang::Zh => format!("“{}”为空：此行未读取", labels[k]),
                        Lang::En => format!("{} is empty: the row is left out", labels[k]),
                    },
                });
            }
        }
        if ok {
            out.items.push(ReadItem {
                row: abs_r + 1,
                what: vals[0].clone(),
                owner: vals[1].clone(),
                due: vals[2].clone(),
                standard: vals[3].clone(),
            });
        }
    }
    Ok(out)
}
