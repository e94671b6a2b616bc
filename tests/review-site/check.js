// Opens the review site (zan review) in headless Chromium from disk and
// checks what a reviewer does: navigation by the contents and by a
// permalink, the language switch keeping the unit, the search, light and
// dark themes (screenshots), no console error, and axe-core finding no
// serious or critical violation on every kind of page in both themes; the
// review remarks beside their units, and a reviewer's comment added on a
// unit, kept across a reload and exported as the file `zan review import`
// reads. Usage: node check.js SITE_DIR SCREENSHOT_DIR EXPORT_FILE.
// Exits non-zero naming each failure.
"use strict";
const { chromium } = require("playwright-core");
const path = require("path");
const fs = require("fs");

const [site, shots, exported] = process.argv.slice(2);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const url = (p) => "file://" + path.resolve(site, p);
// axe reads stylesheets with XMLHttpRequest, which Chromium refuses on
// file://: the accessibility check runs on the site served as a static host
// would, the rest on the files opened from disk.
const http = require("http");
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript" };
const server = http.createServer((req, res) => {
  const file = path.join(site, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!file.startsWith(path.resolve(site)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404); res.end(); return;
  }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
const failures = [];
function check(name, ok, detail) {
  console.log((ok ? "ok   " : "FAIL ") + name + (ok || !detail ? "" : ": " + detail));
  if (!ok) failures.push(name);
}

(async () => {
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const served = (p) => "http://127.0.0.1:" + server.address().port + "/" + p;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const errors = [];
  const open = async (scheme) => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    const page = await ctx.newPage();
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("requestfailed", (r) => errors.push("request failed: " + r.url()));
    return page;
  };
  const axe = async (page, name) => {
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      await window.axe.run(document, { resultTypes: ["violations"] }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    check("axe: no serious violation on " + name, bad.length === 0,
      bad.map((v) => v.id + " (" + v.nodes.length + "): " + v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")).join("; "));
  };

  for (const scheme of ["light", "dark"]) {
    const page = await open(scheme);
    await page.goto(url("kk/kz.cc.age-14/index.html"));
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    check(scheme + ": the page is in the " + scheme + " theme", scheme === "dark" ? bg === "rgb(20, 20, 20)" : bg === "rgb(255, 255, 255)", bg);
    await page.locator("#art_15").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "review-act-" + scheme + ".png") });
    await page.locator("#art_15__para_3").screenshot({ path: path.join(shots, "review-remarks-" + scheme + ".png") });
    for (const p of ["index.html", "kk/kz.cc.age-14/index.html", "ru/kz.cc.age-14/table.html", "ru/kz.cc.age-14/bill.html"]) {
      await page.goto(served(p));
      await axe(page, p + " (" + scheme + ")");
    }
    // The act page with a comment of the reviewer's and the comment form open.
    await page.goto(served("ru/kz.cc.age-14/index.html#art_15__para_2"));
    await page.click("#art_15__para_2 > .zan-comment");
    await page.fill("#art_15__para_2 input[name=author]", "Axe");
    await page.fill("#art_15__para_2 textarea", "Проверка.");
    await page.click("#art_15__para_2 .zan-comment-form button[type=submit]");
    await page.click("#art_15__para_1 > .zan-comment");
    await axe(page, "the act page with a comment and its form (" + scheme + ")");
    if (scheme === "light") {
      await page.goto(url("ru/kz.cc.age-14/table.html"));
      await page.screenshot({ path: path.join(shots, "review-table-light.png") });
    }
    await page.context().close();
  }

  const page = await open("light");
  await page.goto(url("index.html"));
  await page.click("text=kz.cc.age-14");
  check("index: the amendment's link opens its act page", page.url().endsWith("/kk/kz.cc.age-14/index.html"), page.url());

  // The contents: a collapsed article opens when its entry is followed.
  const art3 = page.locator("details#art_3");
  check("contents: an unchanged article starts collapsed", (await art3.getAttribute("open")) === null);
  await page.click(".zan-toc a[href='#art_3']");
  check("contents: following its entry opens it", (await art3.getAttribute("open")) !== null);
  check("contents: and puts it on screen", await art3.isVisible());

  // A permalink to a unit inside a collapsed article, opened from outside.
  await page.goto(url("kk/kz.cc.age-14/index.html#art_54__para_1"));
  const openedBy = await page.evaluate(() => document.getElementById("art_54").open);
  check("permalink: its article is opened", openedBy === true);
  check("permalink: the unit is on screen", await page.locator("#art_54__para_1").isVisible());

  // The language switch keeps the unit.
  await page.goto(url("kk/kz.cc.age-14/index.html#art_15__para_2-1"));
  await page.click("a.zan-lang[hreflang='ru']");
  await page.waitForLoadState();
  check("language switch: the same unit in Russian", page.url().endsWith("/ru/kz.cc.age-14/index.html#art_15__para_2-1"), page.url());
  check("language switch: the page is in Russian", (await page.getAttribute("html", "lang")) === "ru");
  const part = await page.locator("#art_15__para_2-1 .zan-text").innerText();
  check("language switch: the new part's Russian words", part.includes("четырнадцатилетнего возраста"), part);

  // The search over the act's text.
  await page.fill("#zan-q", "четырнадцат");
  const results = page.locator("#zan-results");
  await results.locator("li").first().waitFor();
  const found = await results.innerText();
  check("search: the article with the words is found", found.includes("Статья 15."), found);
  await results.locator("li a").first().click();
  check("search: the result leads to the article", page.url().includes("#art_"), page.url());
  await page.fill("#zan-q", "жжжжжж");
  check("search: nothing found says so", (await results.innerText()).includes("Ничего не найдено"));

  // The remarks of the source beside their units: author, date, status in
  // words and a sign, replies; a resolved one in a dashed box (not colour only).
  await page.goto(url("kk/kz.cc.age-14/index.html#art_15__para_3"));
  const openRemark = page.locator("#art_15__para_3 > .zan-remarks .zan-remark-open");
  const openText = await openRemark.innerText();
  check("remarks: an open remark beside its unit", (await openRemark.count()) === 1 &&
    ["● ашық", "Әсел Нұрова", "2025-03-01", "Жас шегін негіздеу керек.", "Статистика қажет."].every((w) => openText.includes(w)), openText);
  const reply = await openRemark.locator(".zan-replies li").innerText();
  check("remarks: its reply", reply.includes("Bolat") && reply.includes("2025-03-02") && reply.includes("Согласен, нужна статистика."), reply);
  const resolved = page.locator("#art_15__para_1 > .zan-remarks .zan-remark-resolved");
  const resolvedText = await resolved.innerText();
  check("remarks: a resolved remark says so", resolvedText.includes("✓ шешілді") && resolvedText.includes("Ирина"), resolvedText);
  const styles = await page.evaluate(() => ["open", "resolved"].map((s) =>
    getComputedStyle(document.querySelector(".zan-remark-" + s)).borderTopStyle));
  check("remarks: open and resolved boxes differ in shape", styles[0] === "solid" && styles[1] === "dashed", styles.join(" "));

  // A reviewer's comment on a unit, kept in the browser until exported.
  const unit = "#art_15__para_2";
  const exportButton = page.locator("#zan-export");
  check("comments: nothing to export at first", await exportButton.isDisabled());
  await page.click(unit + " > .zan-comment");
  await page.fill(unit + " input[name=author]", "Тест Рецензент");
  await page.fill(unit + " textarea", "Бірінші абзац,\nбір жол.\n\nЕкінші абзац.");
  await page.click(unit + " .zan-comment-form button[type=submit]");
  const pending = page.locator(unit + " > .zan-pending");
  const pendingText = await pending.innerText();
  check("comments: the comment shows beside its unit", pendingText.includes("Тест Рецензент") && pendingText.includes("Екінші абзац."), pendingText);
  check("comments: the form is closed", (await page.locator(unit + " .zan-comment-form").count()) === 0);
  await page.reload();
  check("comments: kept across a reload", (await page.locator(unit + " > .zan-pending").count()) === 1);
  check("comments: the export button counts it", (await exportButton.innerText()).includes("(1)") && !(await exportButton.isDisabled()), await exportButton.innerText());
  await page.locator(unit).screenshot({ path: path.join(shots, "review-comment-light.png") });
  // A unit the amendment adds takes a comment as well.
  const added = "#art_15__para_2-1";
  await page.click(added + " > .zan-comment");
  await page.fill(added + " input[name=author]", "Тест Рецензент");
  await page.fill(added + " textarea", "Жаңа бөлікке ескерту.");
  await page.click(added + " .zan-comment-form button[type=submit]");
  check("comments: a new unit takes one too", (await page.locator(added + " > .zan-pending").count()) === 1);
  check("comments: the export button counts both", (await exportButton.innerText()).includes("(2)"), await exportButton.innerText());
  const [download] = await Promise.all([page.waitForEvent("download"), exportButton.click()]);
  await download.saveAs(exported);
  const data = JSON.parse(fs.readFileSync(exported, "utf8"));
  const now = new Date();
  const two = (n) => String(n).padStart(2, "0");
  const date = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  const want = { act: "kz.cc@2024-01-01", remarks: [{ unit: "art_15__para_2", author: "Тест Рецензент", date: date,
    text: ["Бірінші абзац, бір жол.", "Екінші абзац."], replies: [], resolved: false },
    { unit: "art_15__para_2-1", author: "Тест Рецензент", date: date, text: ["Жаңа бөлікке ескерту."], replies: [], resolved: false }] };
  check("export: the file zan review import reads", download.suggestedFilename() === "remarks-kz.cc_2024-01-01.json" &&
    JSON.stringify(data) === JSON.stringify(want), download.suggestedFilename() + " " + JSON.stringify(data));

  // The theme button switches and is remembered.
  await page.click(".zan-theme");
  await page.reload();
  check("theme button: dark remembered after reload", (await page.getAttribute("html", "data-theme")) === "dark");
  await page.screenshot({ path: path.join(shots, "review-act-ru-dark-button.png") });

  // The table page prints landscape with its header repeated.
  await page.goto(url("ru/kz.cc.age-14/table.html"));
  await page.emulateMedia({ media: "print" });
  const pageRule = await page.evaluate(() => getComputedStyle(document.querySelector("main")).getPropertyValue("page"));
  check("print: the table's main is on landscape pages", pageRule === "landscape", pageRule);
  const banner = await page.evaluate(() => getComputedStyle(document.querySelector(".zan-banner")).display);
  check("print: the banner is not printed", banner === "none", banner);

  check("no console errors and no failed requests", errors.length === 0, errors.join(" | "));
  await browser.close();
  server.close();
  if (failures.length) {
    console.error(failures.length + " check(s) failed: " + failures.join("; "));
    process.exit(1);
  }
  console.log("review site: every check passed");
})().catch((e) => { console.error(e); process.exit(1); });
