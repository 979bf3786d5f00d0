//! The live part of `liaison demo`: the whole follow-up loop (步骤3–4) against the local
//! test servers — Postfix for SMTP, Dovecot for IMAP — when they are running: a request is
//! sent, the silence is nudged, a colleague's delivery arrives through the same servers and
//! is confirmed. The clock is driven with `--now`, so it takes seconds.
//!
//! The servers are found through the environment `scripts/servers/mail.sh env` prints
//! (`LIAISON_TEST_SMTP_STARTTLS`, `LIAISON_TEST_IMAPS`, …); without it the demo says how to
//! start them. Each step runs this same binary with the demo's own liaison.toml, exactly as
//! a user would.

use crate::output::tr;
use std::path::Path;
use std::process::Command;

/// The demo's people, brief and the colleague's reply (`US`, `THEM`, `TAG`, `OPEN` are
/// filled in).
const DIRECTORY: &str = include_str!("live/directory.toml");
const REQUEST: &str = include_str!("live/request.toml");
const REPLY: &str = include_str!("live/reply.eml");

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn split(hp: &str) -> Option<(String, u16)> {
    let (h, p) = hp.rsplit_once(':')?;
    Some((h.to_string(), p.parse().ok()?))
}

/// Runs the live loop in `dir/live`, or says how to start the servers. Never fails the demo:
/// a problem with the servers is reported and the demo goes on.
pub fn run_live(dir: &Path) -> anyhow::Result<()> {
    println!(
        "\n{}",
        tr(
            "第三部分：在本地邮件服务器上跑完整闭环（liaison run --once）",
            "Part 3: the whole loop on local mail servers (liaison run --once)"
        )
    );
    let servers = (
        var("LIAISON_TEST_SMTP_STARTTLS").and_then(|v| split(&v)),
        var("LIAISON_TEST_SMTP").and_then(|v| split(&v)),
        var("LIAISON_TEST_IMAPS").and_then(|v| split(&v)),
        var("LIAISON_TEST_MAIL_SANDBOX_DOMAIN"),
        var("LIAISON_TEST_MAIL_CA"),
        var("LIAISON_TEST_MAIL_SANDBOX_PASSWORD"),
    );
    let (Some(sub), Some(plain), Some(imaps), Some(domain), Some(ca), Some(_)) = servers else {
        println!(
            "  {}\n    scripts/servers/mail.sh start\n    eval \"$(scripts/servers/mail.sh env)\"\n    liaison demo\n  {}",
            tr(
                "没有找到本地邮件服务器（Postfix + Dovecot）。在源码目录中启动它们（需 root，Debian 的 postfix、dovecot-imapd、dovecot-lmtpd），然后再运行演示：",
                "No local mail servers (Postfix + Dovecot) found. Start them from the source tree (as root; Debian postfix, dovecot-imapd, dovecot-lmtpd), then run the demo again:"
            ),
            tr(
                "（scripts/test 也会启动它们；详见 scripts/servers/README.md）",
                "(scripts/test starts them too; see scripts/servers/README.md)"
            )
        );
        return Ok(());
    };
    match live(dir, &sub, &plain, &imaps, &domain, &ca) {
        Ok(()) => Ok(()),
        Err(e) => {
            println!(
                "  {}: {e:#}",
                tr(
                    "本地服务器上的演示未能完成",
                    "the live demo could not finish"
                )
            );
            Ok(())
        }
    }
}

fn live(
    dir: &Path,
    sub: &(String, u16),
    plain: &(String, u16),
    imaps: &(String, u16),
    domain: &str,
    ca: &str,
) -> anyhow::Result<()> {
    let live = dir.join("live");
    std::fs::create_dir_all(&live)?;
    let tag = format!(
        "demo{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() % 1_000_000_000)
            .unwrap_or(0)
    );
    let us = format!("wanglei-{tag}@{domain}");
    let them = format!("zhangwei-{tag}@{domain}");
    std::fs::write(
        live.join("liaison.toml"),
        format!(
            "[identity]\naddresses = [\"{us}\"]\ndomain = \"liaison.demo\"\n\n[directory]\npath = \"directory.toml\"\n\n\
             [smtp]\nhost = \"{}\"\nport = {}\nsecurity = \"starttls\"\nusername = \"{us}\"\npassword_env = \"LIAISON_TEST_MAIL_SANDBOX_PASSWORD\"\nca_file = \"{ca}\"\n\n\
             [imap]\nhost = \"{}\"\nport = {}\nsecurity = \"tls\"\nusername = \"{us}\"\npassword_env = \"LIAISON_TEST_MAIL_SANDBOX_PASSWORD\"\nca_file = \"{ca}\"\n\n\
             [automation]\nnudge = \"send\"\nconfirm = \"send\"\n",
            sub.0, sub.1, imaps.0, imaps.1
        ),
    )?;
    let fill = |t: &str| t.replace("US", &us).replace("THEM", &them);
    std::fs::write(live.join("directory.toml"), fill(DIRECTORY))?;
    std::fs::write(live.join("request.toml"), fill(REQUEST))?;
    let exe = std::env::current_exe()?;
    let step = |now: &str, args: &[&str]| -> anyhow::Result<String> {
        let o = Command::new(&exe)
            .current_dir(&live)
            .env_remove("LIAISON_CONFIG")
            .env_remove("LIAISON_DIRECTORY")
            .env_remove("LIAISON_DB")
            .env_remove("LIAISON_DATABASE_URL")
            .args(["--now", now, "--db"])
            .arg(live.join("liaison.db"))
            .args(args)
            .output()?;
        if !o.status.success() {
            anyhow::bail!(
                "liaison {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&o.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let say = |when: &str, what: &str| println!("  {when}  {what}");
    let mail = live.join("request.eml");
    step(
        "2026-12-01T09:00:00+08:00",
        &[
            "new",
            "request",
            "--brief",
            "request.toml",
            "--format",
            "eml",
            "--send",
            "--out",
            mail.to_str().unwrap_or("request.eml"),
        ],
    )?;
    say(
        "12-01 09:00",
        tr(
            "王磊经 Postfix 发出需求对接邮件给张伟",
            "Wang Lei sends the request to Zhang Wei through Postfix",
        ),
    );
    let run = |now: &str| -> anyhow::Result<serde_json::Value> {
        Ok(serde_json::from_str(&step(
            now,
            &["run", "--once", "--format", "json"],
        )?)?)
    };
    let acted = |v: &serde_json::Value| -> Vec<String> {
        v["acted"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|x| x["outcome"] != "skipped")
                    .map(|x| {
                        format!(
                            "{} ({})",
                            x["action"].as_str().unwrap_or(""),
                            x["outcome"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let r = run("2026-12-02T10:00:00+08:00")?;
    say(
        "12-02 10:00",
        &format!(
            "{} {}",
            tr(
                "24 小时无回复，liaison run --once：",
                "24 hours of silence, liaison run --once:"
            ),
            acted(&r).join(", ")
        ),
    );
    // The colleague delivers, through the same servers.
    let open_mid = std::fs::read_to_string(&mail)?
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("message-id:"))
        .map(|l| l[11..].trim().trim_matches(['<', '>']).to_string())
        .unwrap_or_default();
    let reply = REPLY
        .replace("THEM", &them)
        .replace("US", &us)
        .replace("TAG", &tag)
        .replace("OPEN", &open_mid);
    let server = liaison_mail::transport::SmtpConfig {
        host: plain.0.clone(),
        port: Some(plain.1),
        security: Some(liaison_mail::transport::Security::None),
        ..Default::default()
    }
    .resolve(Path::new("/"))
    .map_err(|e| anyhow::anyhow!("{}", e.reason))?;
    let mut c = liaison_mail::transport::SmtpClient::new(server, "sandbox.test");
    c.send(
        &them,
        std::slice::from_ref(&us),
        reply.as_bytes(),
        &mut || Ok(()),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    c.quit();
    say(
        "12-03 10:00",
        tr(
            "张伟回复交付（数据报表已完成，请查收），邮件经 Postfix 投递到 Dovecot",
            "Zhang Wei delivers the report, through Postfix into Dovecot",
        ),
    );
    // Delivery into Dovecot is asynchronous: a few bounded tries.
    let mut fetched = false;
    for _ in 0..50 {
        let r = run("2026-12-03T11:00:00+08:00")?;
        let n: u64 = r["fetched"]["folders"]
            .as_array()
            .map(|f| f.iter().filter_map(|x| x["fetched"].as_u64()).sum())
            .unwrap_or(0);
        if n > 0 {
            fetched = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    say(
        "12-03 11:00",
        if fetched {
            tr(
                "liaison run --once 从 Dovecot 收取回复：交付已记录",
                "liaison run --once fetches the reply from Dovecot: delivery recorded",
            )
        } else {
            tr(
                "回复尚未送达 Dovecot",
                "the reply has not reached Dovecot yet",
            )
        },
    );
    let r = run("2026-12-04T10:30:00+08:00")?;
    say(
        "12-04 10:30",
        &format!(
            "{} {}",
            tr("24 小时内确认交付：", "confirm within 24 hours:"),
            acted(&r).join(", ")
        ),
    );
    let outbox = step("2026-12-04T11:00:00+08:00", &["outbox"])?;
    println!("\n  liaison outbox:");
    for l in outbox.lines() {
        println!("    {l}");
    }
    println!(
        "  {} {}",
        tr("配置与数据库在", "config and database in"),
        live.display()
    );
    Ok(())
}
