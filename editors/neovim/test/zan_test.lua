-- Headless test of the zan Neovim plugin; run by neovim/test/run.sh.
-- Environment: ZAN_FIXTURE (a .zan file), ZAN_STUB (stand-in server),
-- ZAN_PARSER (compiled parser or empty), ZAN_RESULT (file the report goes to).
local failures, lines = 0, {}
local function check(ok, what)
  table.insert(lines, (ok and "ok     " or "FAILED ") .. what)
  if not ok then
    failures = failures + 1
  end
end

local parser = os.getenv("ZAN_PARSER")
if parser == "" then
  parser = nil
end
-- What the plugin tells the user.
local notices = {}
vim.notify = function(message)
  table.insert(notices, message)
end
-- Before 0.9 the committed parser's ABI is too new: setup must still
-- configure the server and fall back to regex highlighting, and say so.
local loads = vim.fn.has("nvim-0.9") == 1
local ok, err = pcall(require("zan").setup, {
  cmd = { "python3", os.getenv("ZAN_STUB"), "lsp" },
  parser_path = parser,
  treesitter = parser ~= nil,
})
check(ok, "setup() succeeds (" .. tostring(err) .. ")")
vim.cmd("syntax on")

vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ZAN_FIXTURE")))
local buf = vim.api.nvim_get_current_buf()
check(vim.bo[buf].filetype == "zan", "filetype is zan (got '" .. vim.bo[buf].filetype .. "')")

if parser and not loads then
  local said = notices[1] or ""
  check(said:find("using regex highlighting", 1, true) ~= nil, "says the parser cannot be loaded (got '" .. said .. "')")
  check(vim.b[buf].current_syntax == "zan", "regex highlighting (syntax/zan.vim) is on")
elseif parser then
  check(vim.treesitter.highlighter.active[buf] ~= nil, "tree-sitter highlighter attached")
  local function captures(row, col)
    local names = {}
    for _, c in ipairs(vim.treesitter.get_captures_at_pos(buf, row, col)) do
      table.insert(names, c.capture)
    end
    return table.concat(names, ",")
  end
  vim.treesitter.get_parser(buf, "zan"):parse()
  -- Fixture line 3 (row 2) is `act kz.cc version 2024-01-01 {`.
  check(captures(2, 0) == "keyword", "`act` is @keyword (got " .. captures(2, 0) .. ")")
  check(captures(2, 4) == "function", "the act id is @function (got " .. captures(2, 4) .. ")")
  check(captures(2, 18) == "constant", "the date is @constant (got " .. captures(2, 18) .. ")")
else
  table.insert(lines, "skip   tree-sitter (no parser compiled)")
end

local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
local attached = vim.wait(5000, function()
  return #get_clients({ bufnr = buf }) > 0 and #vim.diagnostic.get(buf) > 0
end, 50)
check(attached, "the language server attached and published a diagnostic")
local client = get_clients({ bufnr = buf })[1]
check(client ~= nil and client.name == "zan", "the client is named zan")
local diag = vim.diagnostic.get(buf)[1]
check(diag ~= nil and diag.message == "stub: zan", "the server saw languageId zan (got " .. tostring(diag and diag.message) .. ")")
-- A second file of the same workspace (the folder with zan.toml) shares the client.
local second = vim.fn.fnamemodify(os.getenv("ZAN_FIXTURE"), ":p:h") .. "/second.zan"
vim.cmd("edit " .. vim.fn.fnameescape(second))
local buf2 = vim.api.nvim_get_current_buf()
vim.wait(5000, function()
  return #get_clients({ bufnr = buf2 }) > 0
end, 50)
local all = get_clients({ name = "zan" })
check(#all == 1, "one client for the workspace (got " .. #all .. ")")
check(client ~= nil and client.config.root_dir == vim.fn.fnamemodify(os.getenv("ZAN_FIXTURE"), ":p:h:h"), "the root is the folder of zan.toml (got " .. tostring(client and client.config.root_dir) .. ")")

table.insert(lines, string.format("%d passed, %d failed", #lines - failures, failures))
vim.fn.writefile(lines, os.getenv("ZAN_RESULT"))
vim.cmd(failures == 0 and "qa!" or "cquit! 1")
