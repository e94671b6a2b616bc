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
require("zan").setup({
  cmd = { "python3", os.getenv("ZAN_STUB"), "lsp" },
  parser_path = parser,
  treesitter = parser ~= nil,
})

vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("ZAN_FIXTURE")))
local buf = vim.api.nvim_get_current_buf()
check(vim.bo[buf].filetype == "zan", "filetype is zan (got '" .. vim.bo[buf].filetype .. "')")

if parser then
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

table.insert(lines, string.format("%d passed, %d failed", #lines - failures, failures))
vim.fn.writefile(lines, os.getenv("ZAN_RESULT"))
vim.cmd(failures == 0 and "qa!" or "cquit! 1")
