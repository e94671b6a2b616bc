// Drives code-server (started by run.sh) with headless Chromium and checks
// what a user of the zan extension sees. Environment: URL (code-server with
// ?folder=), WORKSPACE (that folder), USER_DATA (code-server's user-data
// folder: settings and logs), SCREENSHOTS (output directory), NODE_PATH
// (where playwright-core is installed).
"use strict";
const { chromium } = require("playwright-core");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const { URL: url, WORKSPACE: ws, USER_DATA: userData, SCREENSHOTS: shots } = process.env;
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

/**
 * Changes one setting of the workspace by rewriting its .vscode/settings.json,
 * which VS Code watches (code-server does not notice a rewritten user
 * settings.json).
 */
function setWorkspaceSetting(key, value) {
  const file = path.join(ws, ".vscode/settings.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  if (value === undefined) delete settings[key];
  else settings[key] = value;
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** The lines of the extension's output channel ("zan") in every log of this run. */
function outputChannelLines() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/-zan\.log$/.test(entry.name)) found.push(...fs.readFileSync(full, "utf8").split("\n"));
    }
  };
  walk(path.join(userData, "logs"));
  return found;
}

/** Hovers the mouse over the cursor of the focused editor; the hover's rendered Markdown. */
async function hoverAtCursor() {
  const cursor = await page.locator(".monaco-editor.focused .cursors-layer .cursor").first().boundingBox();
  await page.mouse.move(cursor.x + 4, cursor.y + cursor.height / 2);
  const hover = page.locator(".monaco-hover:visible .rendered-markdown").first();
  await hover.waitFor({ timeout: SHORT });
  return hover;
}

/** The texts of the elements `selector` inside `locator`, spaces collapsed. */
async function texts(locator, selector) {
  return (await locator.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
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
  // The palette lists what the context keys allow when it opens: just after
  // a file opens, `editorLangId` may not be set yet. Try again after a pause.
  for (let attempt = 1; ; attempt++) {
    await quickInput("F1", `>${title}`);
    const row = page.locator(".quick-input-list .monaco-list-row.focused", { hasText: title });
    try {
      await row.waitFor({ timeout: attempt < 3 ? 5_000 : SHORT });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press("Escape");
      await page.waitForTimeout(1_000);
    }
  }
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

/** Opens a file in the first editor group (the sources'; the views open beside it). */
async function openSource(relative) {
  await runCommand("View: Focus First Editor Group");
  await openFile(relative);
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

/** Runs `fn` in the page of the webview titled `title` (once it shows `needle`); its result. */
async function webviewEval(title, needle, fn) {
  await webviewText(title, [needle]);
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const ok = await frame.evaluate(([t, n]) => document.title === t && document.body.innerText.includes(n), [title, needle]).catch(() => false);
    if (ok) return frame.evaluate(fn);
  }
  throw new Error(`webview "${title}" is gone`);
}

/** Like webviewText, and the text must contain none of `absent`. */
async function webviewTextWithout(title, needles, absent) {
  const text = await webviewText(title, needles);
  const shown = absent.filter((a) => text.includes(a));
  if (shown.length > 0) throw new Error(`webview "${title}" should not show ${JSON.stringify(shown)}`);
  return text;
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
      const hover = await hoverAtCursor();
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

    const age14 = path.join(ws, "corpus/amendments/age-14.zan");
    const kazakhLine = { line: position(act, "kk summary \"Қылмыстық құқық бұзушылық жасалғанға").line, column: 1 };
    // VS Code draws a box (decoration class "unicode-highlight") around each
    // Cyrillic letter that looks like a Latin one, unless the language turns
    // it off, as package.json does for zan. The JavaScript copy of the same
    // file shows the boxes, so the class looked for is the right one.
    await check("Kazakh and Russian text shows no ambiguous-character boxes", async () => {
      const boxes = page.locator(".editor-group-container.active .monaco-editor .unicode-highlight");
      await openSource("kazakh-control.js");
      await goTo(kazakhLine);
      await boxes.first().waitFor({ timeout: SHORT }).catch(() => {
        throw new Error("the JavaScript copy shows no unicode-highlight boxes: the check would see nothing");
      });
      await openSource("corpus/kz/criminal-code/act.zan");
      await goTo(kazakhLine);
      await page.locator(".editor-group-container.active .monaco-editor .view-line", { hasText: "Қылмыстық құқық" }).first().waitFor({ timeout: SHORT });
      await page.waitForTimeout(1500); // the highlighter runs after the text is drawn
      expectEqual(await boxes.count(), 0, "unicode-highlight boxes in act.zan");
      await screenshot("vscode-kazakh.png");
      // The JavaScript copy's syntax errors must not stay in Problems.
      await openSource("kazakh-control.js");
      await runCommand("View: Revert and Close Editor");
    });

    // The redline in a hover marks changes next to punctuation with <strong>
    // and <del>, which VS Code drops unless the extension allows HTML.
    await check("the hover of an operation shows its change marks", async () => {
      await openSource("corpus/amendments/age-14.zan");
      await goTo(position(age14, "replace article 15 part 3", 10));
      const hover = await hoverAtCursor();
      await page.locator(".monaco-hover:visible .rendered-markdown", { hasText: "Article 15(3)" }).first().waitFor({ timeout: SHORT });
      expectEqual(JSON.stringify(await texts(hover, "strong")), JSON.stringify(["Article 15(3)", ", 2", "-1"]), "bold in the hover");
      const text = await hover.innerText();
      if (text.includes("<strong>")) throw new Error("the hover shows the tag <strong> as text");
      await page.waitForTimeout(600); // the hover fades in
      await page.screenshot({ path: path.join(shots, "vscode-hover-marks.png") });
    });

    await check("changing zan.language changes the hover without a restart", async () => {
      await page.keyboard.press("Escape");
      setWorkspaceSetting("zan.language", "kk");
      try {
        await page.mouse.move(0, 0);
        // VS Code reads the settings file; the open views follow at once
        // (a view's page exists only while its tab shows).
        await page.locator(".tabs-container .tab", { hasText: "Redline: age-14.zan" }).first().click();
        await webviewText("Redline: age-14.zan", ["15-баптың 3-бөлігі"]);
        // The Kazakh redline replaces «екінші бөлігінде» by «2-1-бөліктерінде»:
        // struck, then underlined and bold, with a gap between them.
        const marks = await webviewEval("Redline: age-14.zan", "2-1-бөліктерінде", () => {
          const del = [...document.querySelectorAll("del")].find((d) => d.textContent === "екінші бөлігінде");
          const ins = del?.nextElementSibling;
          if (!del || !ins) return null;
          const [d, i] = [getComputedStyle(del), getComputedStyle(ins)];
          return {
            del: `${d.textDecorationLine} ${d.textDecorationThickness}`,
            ins: `${ins.tagName} ${ins.textContent} ${i.textDecorationLine} ${i.textDecorationThickness} ${i.fontWeight}`,
            gap: parseFloat(i.marginLeft) > 2,
          };
        });
        expectEqual(
          JSON.stringify(marks),
          JSON.stringify({ del: "line-through 2px", ins: "INS 2-1-бөліктерінде underline 2px 600", gap: true }),
          "marks of the Kazakh redline",
        );
        await screenshot("vscode-redline-kk.png");
        await openSource("corpus/amendments/age-14.zan");
        await goTo(position(age14, "replace article 15 part 3", 11));
        // Hover again until the Kazakh heading shows (the setting reaches the server asynchronously).
        let hover;
        let seen = "";
        const deadline = Date.now() + SHORT;
        for (;;) {
          hover = await hoverAtCursor().catch(() => undefined);
          seen = hover ? (await hover.innerText()).slice(0, 80) : "(no hover)";
          if (seen.includes("15-баптың 3-бөлігі")) break;
          if (Date.now() > deadline) throw new Error(`the hover should be in Kazakh, shows ${JSON.stringify(seen)}`);
          await page.keyboard.press("Escape");
          await page.mouse.move(0, 0);
          await page.waitForTimeout(1000);
        }
        expectEqual(
          JSON.stringify(await texts(hover, "strong")),
          JSON.stringify(["15-баптың 3-бөлігі", ", екінші", "2-1-бөліктерінде"]),
          "bold in the Kazakh hover",
        );
        expectEqual(JSON.stringify(await texts(hover, "del")), JSON.stringify(["екінші бөлігінде"]), "struck in the Kazakh hover");
        await page.waitForTimeout(600);
        await page.screenshot({ path: path.join(shots, "vscode-hover-kk.png") });
      } finally {
        setWorkspaceSetting("zan.language", undefined);
        await page.keyboard.press("Escape");
        await page.waitForTimeout(1500);
      }
    });

    // Both views in the dark theme, for the screenshots; the table fits its panel.
    await check("the views in the dark theme, the table wrapped to its panel", async () => {
      setWorkspaceSetting("workbench.colorTheme", "Default Dark Modern");
      try {
        await page.waitForTimeout(2000);
        await page.locator(".tabs-container .tab", { hasText: "Redline: age-14.zan" }).first().click();
        // Light text on the dark theme's background: the views take the theme's colours.
        const light = () => {
          const [r, g, b] = getComputedStyle(document.body).color.match(/\d+/g).map(Number);
          return (r + g + b) / 3 > 150;
        };
        expectEqual(await webviewEval("Redline: age-14.zan", "Part 1, 2 or 2-1", light), true, "light text in the dark redline");
        await screenshot("vscode-redline-dark.png");
        await page.locator(".tabs-container .tab", { hasText: "Comparative table: age-14.zan" }).first().click();
        expectEqual(await webviewEval("Comparative table: age-14.zan", "Latvia", light), true, "light text in the dark table");
        const overflow = await webviewEval("Comparative table: age-14.zan", "Latvia", () =>
          document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expectEqual(overflow <= 0, true, `the table is ${overflow}px wider than its panel`);
        await screenshot("vscode-table-dark.png");
      } finally {
        setWorkspaceSetting("workbench.colorTheme", undefined);
        await page.waitForTimeout(2000);
      }
    });

    await check('"Show consolidated text as of…" a date before the amendment shows the text without it', async () => {
      await openSource("corpus/amendments/age-14.zan");
      await runCommand("zan: Show consolidated text as of…");
      await page.locator(".quick-input-widget", { hasText: "consolidated text as of" }).waitFor({ timeout: SHORT });
      await page.locator(".quick-input-widget input").fill("2025-06-01");
      await page.waitForTimeout(400);
      await page.keyboard.press("Enter");
      const title = "Consolidated as of 2025-06-01: age-14.zan";
      await page.locator(".tabs-container .tab", { hasText: title }).waitFor({ timeout: SHORT });
      await webviewTextWithout(
        title,
        [
          "kz.cc.age-14 enters into force on 2026-01-01, after 2025-06-01: the text as of 2025-06-01 does not include it.",
          "Part 1 or 2 of this Article",
        ],
        ["Part 1, 2 or 2-1", "Persons who have reached the age of fourteen"],
      );
      await screenshot("vscode-consolidated.png");
    });

    await check("the redline of an act file says what it shows", async () => {
      await openSource("corpus/kz/criminal-code/act.zan");
      await runCommand("zan: Show redline");
      await page.locator(".tabs-container .tab", { hasText: "Redline: act.zan" }).waitFor({ timeout: SHORT });
      await webviewText("Redline: act.zan", ["This file is the act kz.cc, not an amendment: the redline shows the changes of its"]);
    });

    await check("a redline and table with one operation that does not apply show the others and mark it in place", async () => {
      // Written during the run (and removed after) so that the other checks see the corpus as shipped.
      const failing = path.join(ws, "corpus/amendments/e2e-one-fails.zan");
      fs.writeFileSync(
        failing,
        [
          "amendment kz.cc.e2e-one-fails {",
          "  target kz.cc version 2024-01-01",
          "  status draft",
          "  replace article 15 part 3 {",
          '    kk "бірінші немесе екінші бөлігінде" -> "бірінші, екінші немесе 2-1-бөліктерінде"',
          '    ru "части первой или второй" -> "части первой, второй или 2-1"',
          '    en "Part 1 or 2" -> "Part 1, 2 or 2-1"',
          "  }",
          "  replace article 15 part 3 {",
          '    kk "жоқ сөздер" -> "басқа сөздер"',
          '    ru "несуществующие слова" -> "другие слова"',
          '    en "words that are not there" -> "other words"',
          "  }",
          "}",
          "",
        ].join("\n"),
      );
      try {
        await openSource("corpus/amendments/e2e-one-fails.zan");
        await runCommand("zan: Show redline");
        await page.locator(".tabs-container .tab", { hasText: "Redline: e2e-one-fails.zan" }).waitFor({ timeout: SHORT });
        await webviewText("Redline: e2e-one-fails.zan", [
          "Part 1, 2 or 2-1",
          "Does not apply: ",
          "e2e-one-fails.zan:10: «жоқ сөздер» is not in the `kk` text of `article 15 part 3`",
        ]);
        await screenshot("vscode-redline-one-fails.png");
        await openSource("corpus/amendments/e2e-one-fails.zan");
        await runCommand("zan: Show comparative table");
        await page.locator(".tabs-container .tab", { hasText: "Comparative table: e2e-one-fails.zan" }).waitFor({ timeout: SHORT });
        await webviewText("Comparative table: e2e-one-fails.zan", ["Part 1, 2 or 2-1", "⚠ Does not apply:"]);
      } finally {
        fs.rmSync(failing, { force: true });
      }
    });

    await check('"Propose a change" to Article 15, edited in kk and ru, "Update the amendment" writes it and the table shows it', async () => {
      // A new amendment, written during the run (and removed after) so that
      // the other checks see the corpus as shipped.
      const derived = path.join(ws, "corpus/amendments/e2e-derive.zan");
      const tableTitle = "Comparative table: e2e-derive.zan";
      fs.writeFileSync(derived, "amendment kz.cc.e2e-derive {\n  target kz.cc version 2024-01-01\n  status draft\n}\n");
      setWorkspaceSetting("zan.language", "ru");
      try {
        await openSource("corpus/amendments/e2e-derive.zan");
        await runCommand("zan: Show comparative table");
        await page.locator(".tabs-container .tab", { hasText: tableTitle }).waitFor({ timeout: SHORT });
        await webviewTextWithout(tableTitle, [], ["пятнадцатилетнего"]);

        await openSource("corpus/kz/criminal-code/act.zan");
        await goTo(position(act, "он алты жасқа толған есі"));
        await runCommand("zan: Propose a change to this unit");
        await activeTab("Untitled").waitFor({ timeout: SHORT });
        // The copy opens at the unit: Article 15 part 1's words are in view.
        await page.locator(".monaco-editor.focused .view-line", { hasText: "он алты жасқа толған" }).first().waitFor({ timeout: SHORT });
        // One word in kk and one in ru: found (Control+F selects the match), then typed over.
        for (const [from, to] of [
          ["он алты жасқа", "он бес жасқа"],
          ["шестнадцатилетнего возраста.", "пятнадцатилетнего возраста."],
        ]) {
          await page.keyboard.press("Control+F");
          await page.locator(".find-widget.visible").waitFor({ timeout: SHORT });
          await page.keyboard.insertText(from);
          await page.waitForTimeout(400);
          await page.keyboard.press("Escape");
          await page.keyboard.insertText(to);
        }
        await runCommand("zan: Update the amendment from the edited copy");
        const input = page.locator(".quick-input-widget input");
        await input.waitFor({ state: "visible", timeout: SHORT });
        await page.locator(".quick-input-list .monaco-list-row", { hasText: "kz.cc.e2e-derive" }).waitFor({ timeout: SHORT });
        await input.fill("kz.cc.e2e-derive");
        await page.waitForTimeout(400);
        await page.keyboard.press("Enter");
        const expected = [
          "amendment kz.cc.e2e-derive {",
          "  target kz.cc version 2024-01-01",
          "  status draft",
          "  replace article 15 part 1 {",
          '    kk "алты" -> "бес"',
          '    ru "шестнадцатилетнего" -> "пятнадцатилетнего"',
          "  }",
          "}",
        ].join("\n");
        const deadline = Date.now() + SHORT;
        while (fs.readFileSync(derived, "utf8").trimEnd() !== expected && Date.now() < deadline) await page.waitForTimeout(500);
        expectEqual(fs.readFileSync(derived, "utf8").trimEnd(), expected, "the amendment file");
        await webviewText(tableTitle, ["Часть первая статьи 15", "пятнадцатилетнего"]);
        await screenshot("vscode-derive-table.png");
        // The copy is a scratch document: closed without saving.
        await page.locator(".tabs-container .tab", { hasText: "Untitled" }).first().click();
        await runCommand("View: Revert and Close Editor");
      } finally {
        setWorkspaceSetting("zan.language", undefined);
        fs.rmSync(derived, { force: true });
      }
    });

    const redlineTitle = "Redline: age-14.zan";
    const redlineNeedles = ["kz.cc.age-14", "Article 15(2-1)", "Part 1, 2 or 2-1"];
    await check("the open views show their text again after a server restart, and it is not logged as an error", async () => {
      await openSource("corpus/amendments/age-14.zan");
      await runCommand("zan: Show redline");
      await webviewText(redlineTitle, redlineNeedles);
      // The log is written to disk lazily: count lines, do not slice at an offset.
      const count = (re) => outputChannelLines().filter((l) => re.test(l)).length;
      const [starts, errors] = [count(/^Starting /), count(/error/i)];
      await runCommand("zan: Restart language server");
      const deadline = Date.now() + SHORT;
      while (count(/^Starting /) === starts && Date.now() < deadline) await page.waitForTimeout(500);
      expectEqual(count(/^Starting /), starts + 1, "server starts in the output channel");
      // The view is refreshed when the new server runs; "no act" or "not running" must not stay.
      await page.waitForTimeout(3000);
      await webviewTextWithout(redlineTitle, redlineNeedles, ["no act", "not running"]);
      const logged = outputChannelLines().filter((l) => /error/i.test(l));
      expectEqual(JSON.stringify(logged.slice(errors)), "[]", "errors logged by the restart");
    });

    await check("the open views come back after Developer: Reload Window", async () => {
      await runCommand("Developer: Reload Window");
      await page.locator(".monaco-workbench").waitFor({ timeout: LONG });
      await page.locator(".tabs-container .tab", { hasText: redlineTitle }).first().waitFor({ timeout: LONG });
      await page.locator(".tabs-container .tab", { hasText: redlineTitle }).first().click();
      await webviewTextWithout(redlineTitle, redlineNeedles, ["cannot be restored"]);
      await screenshot("vscode-reloaded.png");
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
