// Drives code-server (started by run.sh) with headless Chromium and checks
// what a user of the zan extension sees. Environment: URL (code-server with
// ?folder=), WORKSPACE (that folder), SCREENSHOTS (output directory),
// NODE_PATH (where playwright-core is installed).
"use strict";
const { chromium } = require("playwright-core");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const { URL: url, WORKSPACE: ws, SCREENSHOTS: shots } = process.env;
const LONG = 60_000; // the first answer waits for the server to index the corpus
const SHORT = 20_000;

/**
 * 1-based line and column (UTF-16 units, as VS Code counts) of the first
 * occurrence of `needle` in a file, `within` characters into it.
 */
function position(file, needle, within = 0) {
  const text = fs.readFileSync(file, "utf8");
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not found in ${file}`);
  const before = text.slice(0, at + within).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const failures = [];
let page;

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failures.push(name);
    console.log(`FAIL ${name}: ${err.message.split("\n")[0]}`);
    const shot = path.join(os.tmpdir(), `zan-e2e-failed-${failures.length}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.log(`     screenshot of the failure: ${shot}`);
  }
}

function expectEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function screenshot(name) {
  await page.mouse.move(0, 0); // no stray hover in the picture unless wanted
  await page.screenshot({ path: path.join(shots, name) });
}

/** Opens a quick input with `key` (F1: commands, Control+P: files, Control+G: line) and types `text`. */
async function quickInput(key, text) {
  await page.keyboard.press(key);
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: SHORT });
  await input.fill(text);
  await page.waitForTimeout(400);
}

async function runCommand(title) {
  await quickInput("F1", `>${title}`);
  const row = page.locator(".quick-input-list .monaco-list-row.focused", { hasText: title });
  await row.waitFor({ timeout: SHORT });
  await page.keyboard.press("Enter");
}

/** The active tab of the focused editor group, if it shows `name`. */
function activeTab(name) {
  return page.locator(".editor-group-container.active .tab.active", { hasText: name });
}

/** The breadcrumbs of the focused editor group: path segments, then symbols. */
async function breadcrumbs() {
  const items = page.locator(".editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item");
  return (await items.allInnerTexts()).map((t) => t.trim());
}

async function openFile(relative) {
  await quickInput("Control+P", relative);
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: path.basename(relative) }).first();
  await row.waitFor({ timeout: SHORT });
  await page.keyboard.press("Enter");
  await activeTab(path.basename(relative)).waitFor({ timeout: SHORT });
}

/** Moves the cursor of the active editor to a 1-based line and column. */
async function goTo({ line, column }) {
  await quickInput("Control+G", `:${line}:${column}`);
  await page.keyboard.press("Enter");
  await expectSelection(line, column);
}

async function expectSelection(line, column) {
  const status = page.locator('[id="status.editor.selection"]');
  await page.waitForFunction(
    ([l, c]) => document.getElementById("status.editor.selection")?.innerText.startsWith(`Ln ${l}, Col ${c}`),
    [line, column],
    { timeout: SHORT },
  ).catch(async () => {
    throw new Error(`cursor: expected Ln ${line}, Col ${column}, status bar says ${JSON.stringify(await status.innerText())}`);
  });
}

/**
 * The text of the webview page titled `title` (the extension titles its
 * pages like their tabs), once it contains every one of `needles`.
 */
async function webviewText(title, needles) {
  const deadline = Date.now() + LONG;
  let seen = [];
  while (Date.now() < deadline) {
    seen = [];
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const doc = await frame.evaluate(() => ({ title: document.title, text: document.body?.innerText ?? "" })).catch(() => null);
      if (!doc || doc.title !== title) continue;
      seen.push(doc.text.slice(0, 300));
      if (needles.every((n) => doc.text.includes(n))) return doc.text;
    }
    await page.waitForTimeout(500);
  }
  const missing = seen.length === 0 ? "no such webview" : `the view shows ${JSON.stringify(seen)}`;
  throw new Error(`webview "${title}" should show ${JSON.stringify(needles)}; ${missing}`);
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "zan-e2e-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Chromium keeps crash reports under XDG_CONFIG_HOME: not in the user's home.
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    page = browser.pages()[0] ?? (await browser.newPage());
    const deadline = Date.now() + LONG;
    for (;;) {
      try {
        await page.goto(url, { waitUntil: "domcontentloaded", timeout: SHORT });
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err; // code-server is still starting
        await page.waitForTimeout(1000);
      }
    }
    await page.locator(".monaco-workbench").waitFor({ timeout: LONG });
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "seed.zan" }).waitFor({ timeout: LONG });

    const seed = path.join(ws, "seed.zan");
    const act = path.join(ws, "corpus/kz/criminal-code/act.zan");

    await check("diagnostic in the Problems panel", async () => {
      await openFile("seed.zan");
      await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: LONG });
      await runCommand("View: Focus Problems");
      const { line, column } = position(seed, "kz.cc article 9999");
      // The parentheses around the code come from CSS, not from the text.
      const expected = `\`article 9999\` does not exist in \`kz.cc\` zan unresolved-reference [Ln ${line}, Col ${column}]`;
      const row = page.locator(".markers-panel .monaco-list-row", { hasText: "does not exist in" }).first();
      await row.waitFor({ timeout: LONG });
      const text = (await row.innerText()).replace(/\s+/g, " ").trim();
      expectEqual(text, expected, "Problems row");
      expectEqual(await page.locator(".markers-panel .monaco-list-row").count(), 2, "rows in Problems (file + 1 error)");
      await screenshot("vscode-problems.png");
      await runCommand("View: Toggle Panel Visibility");
    });

    await check("hover on a reference shows the cited unit", async () => {
      await openFile("seed.zan");
      await goTo(position(seed, "kz.cc article 15 part 1", 6));
      const cursor = await page.locator(".monaco-editor.focused .cursors-layer .cursor").first().boundingBox();
      await page.mouse.move(cursor.x + 4, cursor.y + cursor.height / 2);
      const hover = page.locator(".monaco-hover:visible .rendered-markdown").first();
      await hover.waitFor({ timeout: SHORT });
      const text = (await hover.innerText()).replace(/\s+/g, " ").trim();
      const expected =
        "Article 15(1) (kz.cc) A sane natural person who has reached the age of sixteen by the time the criminal offence is committed is criminally liable.";
      if (!text.startsWith(expected)) throw new Error(`hover: expected it to start with ${JSON.stringify(expected)}, got ${JSON.stringify(text)}`);
      await page.waitForTimeout(600); // the hover fades in
      await page.screenshot({ path: path.join(shots, "vscode-hover.png") });
    });

    await check("go to definition (F12) opens the cited article", async () => {
      await page.keyboard.press("Escape");
      await openFile("seed.zan");
      await goTo(position(seed, "kz.cc article 15)", 8));
      await page.keyboard.press("F12");
      await activeTab("act.zan").waitFor({ timeout: SHORT });
      const { line, column } = position(act, "article 15 {");
      await expectSelection(line, column);
      const crumbs = (await breadcrumbs()).slice(0, 4).join("/");
      expectEqual(crumbs, "corpus/kz/criminal-code/act.zan", "breadcrumbs of the active editor");
      await screenshot("vscode-definition.png");
    });

    await check('"Show redline" renders the flagship amendment', async () => {
      await runCommand("View: Toggle Primary Side Bar Visibility"); // room for the view
      await openFile("corpus/amendments/age-14.zan");
      await runCommand("zan: Show redline");
      await page.locator(".tabs-container .tab", { hasText: "Redline: age-14.zan" }).waitFor({ timeout: SHORT });
      await webviewText("Redline: age-14.zan", [
        "kz.cc.age-14",
        "Article 15(2-1)",
        "2-1. Persons who have reached the age of fourteen",
        "Article 15(3)",
        "Part 1, 2 or 2-1",
      ]);
      await screenshot("vscode-redline.png");
    });

    await check('the "Comparative table" code lens renders the flagship amendment', async () => {
      await openFile("corpus/amendments/age-14.zan");
      await goTo(position(path.join(ws, "corpus/amendments/age-14.zan"), "amendment kz.cc.age-14"));
      await page.locator(".codelens-decoration a", { hasText: "Comparative table" }).first().click({ timeout: SHORT });
      await page.locator(".tabs-container .tab", { hasText: "Comparative table: age-14.zan" }).waitFor({ timeout: SHORT });
      await webviewText("Comparative table: age-14.zan", [
        "Comparative table",
        "Structural unit\tCurrent wording\tProposed wording",
        "Article 15(2-1)",
        "Part 1, 2 or 2-1",
        "Latvia: liability from 14",
      ]);
      await screenshot("vscode-table.png");
    });

    await check('the amendment\'s "3 comparative provisions" code lens peeks at them', async () => {
      await openFile("corpus/amendments/age-14.zan");
      await goTo(position(path.join(ws, "corpus/amendments/age-14.zan"), "amendment kz.cc.age-14"));
      await page.locator(".codelens-decoration a", { hasText: "3 comparative provisions" }).first().click({ timeout: SHORT });
      const peek = page.locator(".peekview-widget").first();
      await peek.waitFor({ timeout: SHORT });
      const text = await peek.innerText();
      for (const file of ["lv-kl.zan", "dk-straffeloven.zan", "cn-criminal-law.zan"]) {
        if (!text.includes(file)) throw new Error(`peek: expected ${file}, got ${JSON.stringify(text.slice(0, 300))}`);
      }
      await screenshot("vscode-comparisons.png");
      await page.keyboard.press("Escape");
    });
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.log(`${failures.length} check(s) failed: ${failures.join("; ")}`);
    process.exit(1);
  }
})().catch((err) => {
  console.error(`e2e: ${err.stack ?? err}`);
  process.exit(2);
});
