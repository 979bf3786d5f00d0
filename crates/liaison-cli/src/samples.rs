//! The sample files shipped inside the binary (from `examples/`): `liaison init` and
//! `liaison demo` write them, so neither needs anything beyond the binary.

/// `liaison.toml`.
pub const LIAISON_TOML: &str = include_str!("../../../examples/liaison.toml");
/// `directory.toml`.
pub const DIRECTORY_TOML: &str = include_str!("../../../examples/directory.toml");

/// One brief per kind: (file name, text), in the guide's order.
pub const BRIEFS: [(&str, &str); 9] = [
    (
        "kickoff.toml",
        include_str!("../../../examples/kickoff.toml"),
    ),
    (
        "request.toml",
        include_str!("../../../examples/request.toml"),
    ),
    ("issue.toml", include_str!("../../../examples/issue.toml")),
    (
        "escalation.toml",
        include_str!("../../../examples/escalation.toml"),
    ),
    ("result.toml", include_str!("../../../examples/result.toml")),
    (
        "progress-sync.toml",
        include_str!("../../../examples/progress-sync.toml"),
    ),
    ("nudge.toml", include_str!("../../../examples/nudge.toml")),
    (
        "confirmation.toml",
        include_str!("../../../examples/confirmation.toml"),
    ),
    (
        "retrospective.toml",
        include_str!("../../../examples/retrospective.toml"),
    ),
];

/// The attachments the briefs refer to: (file name, bytes).
pub const ATTACHMENTS: [(&str, &[u8]); 5] = [
    (
        "Q3项目计划书V1.0.pdf",
        include_bytes!("../../../examples/Q3项目计划书V1.0.pdf"),
    ),
    (
        "Q3用户调研需求清单.xlsx",
        include_bytes!("../../../examples/Q3用户调研需求清单.xlsx"),
    ),
    (
        "支付异常日志.zip",
        include_bytes!("../../../examples/支付异常日志.zip"),
    ),
    (
        "Q3成果报告.pdf",
        include_bytes!("../../../examples/Q3成果报告.pdf"),
    ),
    (
        "复盘表.xlsx",
        include_bytes!("../../../examples/复盘表.xlsx"),
    ),
];

/// The attachment the sample request brief names (README's "Getting started").
pub const REQUEST_ATTACHMENT: (&str, &[u8]) = ATTACHMENTS[1];
