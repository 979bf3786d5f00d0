// Browser checks of `liaison serve`, run by crates/liaison-cli/tests/web.rs against a
// server it started on a seeded store. Debian's Chromium, driven by playwright-core (no
// browser download). Prints one JSON object: {"checks": {name: value}, "errors": [...]};
// the Rust test asserts every value. Screenshots go to $SHOTS.
//
// Environment: BASE (http://127.0.0.1:PORT), NOW (RFC 3339 the due page plans at),
// MEMBER / VIEWER ("name:password"), COLLAB (a collaboration id whose opening mail has an
// attachment), XSS (the id of the collaboration whose subject is a script tag), SHOTS.

import { chromium } from "playwright-core";

const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set`);
  return v;
};
const BASE = env("BASE");
const NOW = env("NOW");
const SHOTS = env("SHOTS");
const COLLAB = env("COLLAB");
const XSS = env("XSS");
const [memberName, memberPw] = env("MEMBER").split(":");
const [viewerName, viewerPw] = env("VIEWER").split(":");

const checks = {};
const errors = [];
const step = async (name, fn) => {
  try {
    await fn();
  } catch (e) {
    errors.push(`${name}: ${e && e.message ? e.message.split("\n")[0] : e}`);
  }
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

async function login(context, name, pw) {
  const page = await context.newPage();
  page.on("dialog", (d) => d.dismiss());
  await page.goto(`${BASE}/login`);
  await page.fill('input[name="username"]', name);
  await page.fill('input[name="password"]', pw);
  await Promise.all([page.waitForURL(/\/due/), page.click('button[type="submit"]')]);
  return page;
}

const wide = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

let page;
await step("login", async () => {
  const p = await wide.newPage();
  await p.goto(`${BASE}/login`);
  checks.login_form_has_csrf = (await p.locator('form[action="/login"] input[type="hidden"][name="csrf_token"]').count()) === 1;
  await p.screenshot({ path: `${SHOTS}/login-1440.png` });
  await p.close();
  page = await login(wide, memberName, memberPw);
  checks.logged_in = page.url().includes("/due");
});

await step("due", async () => {
  await page.goto(`${BASE}/due?now=${encodeURIComponent(NOW)}`);
  const n = await page.locator("li.action").count();
  checks.due_actions = n;
  const title = await page.title();
  checks.due_title_count = title.startsWith(`(${n})`);
  checks.due_groups = await page.locator("section.group h2").allInnerTexts();
  // Keyboard navigation: j moves to the first and then the second action.
  await page.keyboard.press("j");
  const first = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains("action") && [...document.querySelectorAll("li.action")].indexOf(document.activeElement));
  await page.keyboard.press("j");
  const second = await page.evaluate(() => [...document.querySelectorAll("li.action")].indexOf(document.activeElement));
  await page.keyboard.press("k");
  const back = await page.evaluate(() => [...document.querySelectorAll("li.action")].indexOf(document.activeElement));
  checks.due_keyboard = first === 0 && second === 1 && back === 0;
  // The drafted mail is loaded when its row is opened.
  await page.locator("li.action details.draft-of summary").first().click();
  const drafted = page.locator("li.action details.draft-of pre.draft").first();
  await drafted.waitFor({ timeout: 15000 });
  checks.due_draft_loaded = (await drafted.innerText()).includes("】");
  await page.locator("li.action").first().focus();
  await page.screenshot({ path: `${SHOTS}/due-1440.png`, fullPage: false });
  // Send the first action's drafted mail (through the outbox) with the keyboard: s.
  const subject = await page.locator("li.action").first().locator("a.subject").innerText();
  checks.sent_subject = subject;
  await Promise.all([page.waitForEvent("framenavigated"), page.keyboard.press("s")]);
  await page.waitForLoadState("load");
  const after = await page.locator("li.action").count();
  checks.due_after_send = after;
});

await step("due-paging", async () => {
  // Two actions a page: the summary counts them all, "n" follows the next-page link.
  await page.goto(`${BASE}/due?now=${encodeURIComponent(NOW)}&per=2`);
  checks.due_page_rows = await page.locator("li.action").count();
  checks.due_summary = (await page.locator("#due-summary").innerText()).length > 0;
  await Promise.all([page.waitForURL(/after=/), page.keyboard.press("n")]);
  checks.due_next_by_key = page.url().includes("after=");
  checks.due_next_rows = await page.locator("li.action").count();
});

await step("due-phone", async () => {
  const p = await login(phone, memberName, memberPw);
  await p.goto(`${BASE}/due?now=${encodeURIComponent(NOW)}`);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  checks.due_phone_no_overflow = !overflow;
  await p.screenshot({ path: `${SHOTS}/due-375.png` });
  await p.goto(`${BASE}/collaborations/${COLLAB}`);
  checks.detail_phone_no_overflow = !(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1));
  await p.screenshot({ path: `${SHOTS}/detail-375.png`, fullPage: true });
  await p.goto(`${BASE}/collaborations`);
  checks.list_phone_no_overflow = !(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1));
  await p.screenshot({ path: `${SHOTS}/list-375.png` });
  await p.goto(`${BASE}/compose`);
  checks.compose_phone_no_overflow = !(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1));
  await p.goto(`${BASE}/reports?since=2026-01-01`);
  checks.reports_phone_no_overflow = !(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1));
  await p.screenshot({ path: `${SHOTS}/reports-375.png`, fullPage: true });
});

await step("compose", async () => {
  await page.goto(`${BASE}/compose`);
  await page.selectOption('select[name="kind"]', "request");
  await page.fill('input[name="project"]', "Q4数据看板");
  await page.fill('input[name="departments"]', "市场部");
  await page.fill('input[name="to"]', "zhangwei@example.com");
  await page.fill('input[name="purpose"]', "特此对接Q4数据看板需求，请市场部于12月10日17:00前提供指标清单");
  await page.fill('textarea[name="background"]', "根据本周例会决议，需要统一各部门的数据口径");
  await page.fill('input[name="goal"]', "目标是月底前上线数据看板");
  await page.fill('input[name="item_what_0"]', "提供Q4指标清单");
  await page.fill('input[name="item_owner_0"]', "zhangwei@example.com");
  await page.fill('input[name="item_standard_0"]', "包含指标定义与口径");
  await page.fill('input[name="reply_by"]', "12月8日17:00前");
  await page.fill('input[name="next_step"]', "收到清单后技术部在两个工作日内给出排期");
  // A vague deadline: the linter's deadline-vague appears as the user types…
  await page.locator('input[name="item_due_0"]').pressSequentially("尽快", { delay: 30 });
  const vague = page.locator('#preview li.diag[data-rule="deadline-vague"]');
  await vague.first().waitFor({ state: "visible", timeout: 15000 });
  checks.lint_error_appeared = (await vague.count()) > 0;
  await page.screenshot({ path: `${SHOTS}/compose-1440.png` });
  // …and disappears when the field is fixed.
  await page.fill('input[name="item_due_0"]', "");
  await page.locator('input[name="item_due_0"]').pressSequentially("12月10日17:00前", { delay: 20 });
  await vague.first().waitFor({ state: "detached", timeout: 15000 });
  checks.lint_error_disappeared = (await vague.count()) === 0;
  checks.preview_subject = (await page.locator("#draft-preview").innerText()).includes("【需求对接】Q4数据看板");
  // An attachment, then save as a draft (the outbox's draft state).
  await page.setInputFiles('input[name="attachment"]', { name: "指标模板.csv", mimeType: "text/csv", buffer: Buffer.from("指标,口径\n") });
  await page.fill('input[name="attachment_note"]', "指标模板，请按模板填写");
  await page.locator("#draft-preview").filter({ hasText: "指标模板.csv" }).waitFor({ timeout: 15000 });
  checks.preview_attachment = true;
  await Promise.all([page.waitForURL(/\/compose\/draft/), page.click("#save-draft")]);
  checks.draft_saved = (await page.locator("#drafted").count()) === 1;
});

await step("detail-attachment", async () => {
  await page.goto(`${BASE}/collaborations/${COLLAB}`);
  checks.detail_items = await page.locator("article.item").count();
  checks.detail_fields = (await page.locator("article.item dt").allInnerTexts()).slice(0, 4);
  await page.screenshot({ path: `${SHOTS}/detail-1440.png`, fullPage: true });
  checks.detail_confirm_form = await page.locator("form.confirm").count();
  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`a[href="/collaborations/${COLLAB}/forms/assignment"]`).click(),
  ]);
  checks.form_download_name = xlsx.suggestedFilename();
  const [cal] = await Promise.all([page.waitForEvent("download"), page.locator("#ics-link").click()]);
  checks.ics_download_name = cal.suggestedFilename();
  await Promise.all([page.waitForURL(/\/messages\//), page.locator(`a[href*="/messages/"]`).first().click()]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator("a.attachment").first().click(),
  ]);
  checks.download_name = download.suggestedFilename();
  const path = await download.path();
  const fs = await import("node:fs");
  checks.download_bytes = fs.statSync(path).size;
});

await step("xss", async () => {
  await page.goto(`${BASE}/collaborations?q=${encodeURIComponent("<script>")}`);
  await page.goto(`${BASE}/collaborations/${XSS}`);
  checks.xss_text_shown = (await page.locator("h1.subject").innerText()).includes("<script>");
  checks.xss_not_run = (await page.evaluate(() => window.__xss === undefined));
  await page.goto(`${BASE}/collaborations`);
  await page.screenshot({ path: `${SHOTS}/list-1440.png` });
});

await step("csrf", async () => {
  // The session cookie is sent, the csrf_token is not: refused.
  const r = await page.request.post(`${BASE}/collaborations/${COLLAB}/mark`, { form: { mark: "dropped" }, maxRedirects: 0 });
  checks.csrf_less_post_status = r.status();
  const bad = await page.request.post(`${BASE}/collaborations/${COLLAB}/mark`, { form: { mark: "dropped", csrf_token: "0".repeat(64) }, maxRedirects: 0 });
  checks.wrong_csrf_post_status = bad.status();
});

await step("viewer", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const v = await login(ctx, viewerName, viewerPw);
  await v.goto(`${BASE}/due?now=${encodeURIComponent(NOW)}`);
  checks.viewer_send_buttons = await v.locator('form[action="/due/send"]').count();
  await v.goto(`${BASE}/collaborations/${COLLAB}`);
  checks.viewer_mark_forms = await v.locator("form.mark").count();
  const csrf = await v.locator('input[name="csrf_token"]').first().getAttribute("value");
  const r = await v.request.post(`${BASE}/collaborations/${COLLAB}/mark`, { form: { mark: "dropped", csrf_token: csrf }, maxRedirects: 0 });
  checks.viewer_mark_status = r.status();
  const s = await v.request.post(`${BASE}/compose/send`, { form: { csrf_token: csrf, kind: "nudge", to: "zhangwei@example.com" }, maxRedirects: 0 });
  checks.viewer_send_status = s.status();
  await ctx.close();
});

await step("lint", async () => {
  await page.goto(`${BASE}/lint`);
  await page.fill('textarea[name="draft"]', "主题：Q4数据\n收件人：张伟 <zhangwei@example.com>\n\n张经理，您好！\n请尽快提供数据。\n");
  await page.click('form.lintform button[type="submit"]');
  await page.locator("#lint-result li.diag").first().waitFor({ timeout: 15000 });
  checks.lint_page_findings = await page.locator("#lint-result li.diag").count();
  await page.screenshot({ path: `${SHOTS}/lint-1440.png`, fullPage: true });
});

await step("reports", async () => {
  await page.goto(`${BASE}/reports?since=2026-01-01`);
  await page.locator("#report-chart").waitFor();
  checks.report_chart_loaded = await page.evaluate(() => {
    const img = document.getElementById("report-chart");
    return img.complete && img.naturalWidth > 0;
  });
  checks.report_rows = await page.locator("#report-table tbody tr").count();
  await page.screenshot({ path: `${SHOTS}/reports-1440.png`, fullPage: true });
});

await step("directory", async () => {
  await page.goto(`${BASE}/directory`);
  checks.directory_people = await page.locator("section.dept tbody tr").count();
  await page.screenshot({ path: `${SHOTS}/directory-1440.png` });
});

await browser.close();
console.log(JSON.stringify({ checks, errors }));
