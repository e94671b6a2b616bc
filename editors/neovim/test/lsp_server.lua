-- Headless Neovim driving the real `zan lsp` through the plugin; run by
-- tests/lsp_neovim.rs. Environment: ZAN_BIN (the zan binary), ZAN_FILE (b.zan
-- of a copy of tests/fixtures/lsp/ws), ZAN_RESULT (where the report goes).
local lines = {}
local function say(s)
  table.insert(lines, s)
end

require("zan").setup({ cmd = { os.getenv("ZAN_BIN"), "lsp" }, treesitter = false })
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ZAN_FILE")))
local buf = vim.api.nvim_get_current_buf()
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
local attached = vim.wait(10000, function()
  return #get_clients({ bufnr = buf }) > 0
end, 20)
say("attached " .. tostring(attached))

-- A stray word on line 2 (0-based 1) reaches the server as didChange.
vim.api.nvim_buf_set_lines(buf, 1, 1, false, { "  bogus" })
local got = vim.wait(10000, function()
  local d = vim.diagnostic.get(buf)[1]
  return d ~= nil and d.lnum == 1
end, 20)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  say(string.format("diagnostic %s %d:%d-%d:%d %s", tostring(got), d.lnum, d.col, d.end_lnum, d.end_col, d.message))
end
vim.api.nvim_buf_set_lines(buf, 1, 2, false, {})

-- Hover on the reference `kz.cc article 15 part 1` (line 3, 0-based).
local res = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 3, character = 50 },
}, 5000)
for _, r in pairs(res or {}) do
  local value = r.result and r.result.contents.value or tostring(r.err)
  say("hover " .. vim.split(value, "\n")[1])
end

-- Go to definition from the comparison `kz.cc article 15` (line 4, 0-based).
vim.api.nvim_win_set_cursor(0, { 5, 35 })
vim.lsp.buf.definition()
local jumped = vim.wait(5000, function()
  return vim.fn.expand("%:t") == "a.zan"
end, 20)
local cursor = vim.api.nvim_win_get_cursor(0)
say(string.format("definition %s %s %d:%d", tostring(jumped), vim.fn.expand("%:t"), cursor[1], cursor[2]))

-- The code lenses of the amendment (line 8, 0-based), run as a click would:
-- the redline in a split, the comparative provisions in the quickfix list.
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ZAN_FILE")))
buf = vim.api.nvim_get_current_buf()
local lenses = vim.lsp.buf_request_sync(buf, "textDocument/codeLens", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
}, 5000)
for id, r in pairs(lenses or {}) do
  for _, lens in ipairs(r.result or {}) do
    if lens.range.start.line == 8 and lens.command.command ~= "zan.showTable" then
      say(string.format("lens %s %s", lens.command.title, lens.command.command))
      vim.lsp.commands[lens.command.command](lens.command, { bufnr = buf, client_id = id })
    end
  end
end
local shown = vim.wait(5000, function()
  return vim.bo.filetype == "markdown"
end, 20)
say(string.format("redline %s %s", tostring(shown), vim.api.nvim_buf_get_lines(0, 0, 1, false)[1]))
for _, item in ipairs(vim.fn.getqflist()) do
  say(string.format("comparison %s:%d", vim.fn.fnamemodify(vim.fn.bufname(item.bufnr), ":t"), item.lnum))
end

-- Drafting by editing: the code action on `part 1` of a.zan (line 7,
-- 0-based) opens the copy; edited, its code action updates the amendment
-- of b.zan on disk.
local function run_action(bufnr, position, title)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = position, ["end"] = position },
    context = { diagnostics = {} },
  }
  for id, r in pairs(vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 5000) or {}) do
    for _, action in ipairs(r.result or {}) do
      if action.title == title then
        local ids = action.command.command == "zan.updateAmendment" and table.concat(action.command.arguments[2], ",")
        say(string.format("action %s %s %s", title, action.command.command, ids or ""))
        vim.lsp.commands[action.command.command](action.command, { bufnr = bufnr, client_id = id })
      end
    end
  end
end
local a_zan = vim.fn.fnamemodify(os.getenv("ZAN_FILE"), ":h") .. "/a.zan"
vim.cmd("edit " .. vim.fn.fnameescape(a_zan))
buf = vim.api.nvim_get_current_buf()
vim.wait(5000, function()
  return #get_clients({ bufnr = buf }) > 0
end, 20)
run_action(buf, { line = 8, character = 10 }, "Propose a change to this unit")
local opened = vim.wait(5000, function()
  return vim.api.nvim_buf_get_name(0):match("untitled:zan%-copy%-1$") ~= nil
end, 20)
local copy = vim.api.nvim_get_current_buf()
say(string.format("copy %s %s", tostring(opened), vim.trim(vim.api.nvim_get_current_line())))
local edited = {}
for _, l in ipairs(vim.api.nvim_buf_get_lines(copy, 0, -1, false)) do
  local e = l:gsub("sixteen years", "fifteen years"):gsub("Он алты жасқа", "Он бес жасқа")
  table.insert(edited, e)
end
vim.api.nvim_buf_set_lines(copy, 0, -1, false, edited)
-- The choice of amendment, as a user would pick the first one offered.
vim.ui.select = function(items, _, on_choice)
  on_choice(items[1], 1)
end
vim.wait(500)
run_action(copy, { line = 0, character = 0 }, "Update the amendment from the edited copy")
local b_zan = os.getenv("ZAN_FILE")
local updated = vim.wait(10000, function()
  return table.concat(vim.fn.readfile(b_zan), "\n"):find('en "sixteen" -> "fifteen"', 1, true) ~= nil
end, 50)
local written = vim.fn.readfile(b_zan)
say(string.format("updated %s %s", tostring(updated), vim.trim(written[#written - 4] or "")))

-- Import official text: :ZanImport reads the fixtures of tests/import
-- (ZAN_IMPORT) and sends them to zan/import; the act opens in a new buffer,
-- the findings go to the quickfix list.
local notices = {}
vim.notify = function(message)
  table.insert(notices, message)
end
vim.cmd("edit " .. vim.fn.fnameescape(b_zan))
local dir = os.getenv("ZAN_IMPORT")
vim.cmd(string.format("ZanImport act kz.sample %s/act-kk.txt %s/act-ru.txt", dir, dir))
local imported = vim.wait(10000, function()
  return vim.bo.filetype == "zan" and vim.api.nvim_buf_get_lines(0, 0, 1, false)[1] == "act kz.sample {"
end, 50)
local act = vim.api.nvim_buf_get_lines(0, 0, -1, false)
say(string.format("import %s %s … %s (%d lines)", tostring(imported), act[1], act[#act], #act))
for _, item in ipairs(vim.fn.getqflist()) do
  say(string.format("finding %s:%d %s", vim.fn.fnamemodify(vim.fn.bufname(item.bufnr), ":t"), item.lnum, item.text))
end
say("notice " .. (notices[#notices] or ""))

vim.fn.writefile(lines, os.getenv("ZAN_RESULT"))
vim.cmd("qa!")
