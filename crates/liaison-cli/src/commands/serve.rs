//! `liaison serve [--listen ADDR:PORT | unix:/path]`: the web dashboard and JSON API
//! (crate liaison-web) over the same store, configuration and directory as the CLI.

use crate::output::tr;
use crate::settings::Settings;
use clap::Args;
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `liaison serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Where to listen: ADDR:PORT, or unix:/path for a Unix socket. Without users
    /// (`liaison user add`) only a loopback address or a Unix socket is accepted.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Mark cookies Secure (when a TLS proxy is in front).
    #[arg(long)]
    pub secure_cookies: bool,
}

/// Runs `liaison serve`.
pub fn run(s: &Settings, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let listen = liaison_web::Listen::parse(&args.listen)?;
    let smtp = s.smtp()?.map(|c| {
        let server = c.server().clone();
        let domain = s.config.identity.domain.clone();
        Arc::new(move || {
            Ok(liaison_mail::transport::SmtpClient::new(
                server.clone(),
                &domain,
            ))
        }) as liaison_web::SmtpFactory
    });
    let directory_path = match (&s.global.directory, &s.config.directory.path) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(p)) => Some(crate::config::relative(&s.config, p)),
        (None, None) => None,
    };
    let config = liaison_web::WebConfig {
        store: s.store.clone(),
        tracker: s.tracker()?,
        policy: s.config.policy.clone(),
        linter: s.linter()?,
        templates: s.templates()?,
        domain: s.config.identity.domain.clone(),
        lang: crate::output::lang(),
        fixed_now: s.global.now.as_ref().map(|_| s.now),
        smtp,
        send_options: s.send_options(),
        secure_cookies: args.secure_cookies,
        directory_path,
        web: s.config.web.clone(),
        archive_root: match &s.config.archive.root {
            Some(r) => crate::config::relative(&s.config, r),
            None => std::path::PathBuf::from("."),
        },
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
    liaison_web::serve(&listen, config, |addr| {
        eprintln!(
            "{} {addr}",
            tr("liaison serve 正在监听", "liaison serve listening on")
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
