-- zan support for Neovim: the `zan lsp` language server and tree-sitter
-- highlighting. Call require("zan").setup({...}) from your config.
local M = {}

M.defaults = {
  -- Command that starts the language server.
  cmd = { "zan", "lsp" },
  -- Files or folders marking a workspace root, searched upwards in this
  -- order: a folder with zan.toml is the workspace, wherever .git is.
  root_markers = { "zan.toml", ".git" },
  -- Path of the compiled parser; nil: `parser/zan.so` on 'runtimepath'.
  parser_path = nil,
  -- Set false to skip the language server or tree-sitter.
  lsp = true,
  treesitter = true,
}

local function parser_file(path)
  if path then
    return vim.fn.filereadable(path) == 1 and path or nil
  end
  return vim.api.nvim_get_runtime_file("parser/zan.so", false)[1]
end

-- Registers the parser; the queries come from queries/zan/ on 'runtimepath'.
-- A parser this Neovim cannot load (before 0.9, tree-sitter's ABI 15 is too
-- new for it) is reported, and highlighting falls back to syntax/zan.vim.
local function register_parser(path)
  local file = parser_file(path)
  if not file then
    return false
  end
  local ok, err = pcall(function()
    if vim.treesitter.language.add then -- 0.9+
      vim.treesitter.language.add("zan", { path = file })
    else
      vim.treesitter.language.require_language("zan", file)
    end
  end)
  if not ok then
    vim.notify(
      "zan: the tree-sitter parser " .. file .. " cannot be loaded (" .. tostring(err) .. "); using regex highlighting",
      vim.log.levels.WARN
    )
  end
  return ok
end

local function start_highlighter(bufnr)
  if vim.treesitter.start then -- 0.9+
    vim.treesitter.start(bufnr, "zan")
  else
    vim.treesitter.highlighter.new(vim.treesitter.get_parser(bufnr, "zan"))
  end
end

local function root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(name, ":p:h")
  for _, marker in ipairs(markers) do
    local found = vim.fn.finddir(marker, dir .. ";")
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h:h") -- a folder: ":p" ends it with "/"
    end
    found = vim.fn.findfile(marker, dir .. ";")
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h")
    end
  end
  return dir
end

-- Before 0.8 there is no vim.lsp.start: one client per workspace root, kept
-- here, so diagnostics are not published once per buffer.
local clients = {}

local function start_client(config, bufnr)
  local id = clients[config.root_dir]
  if not (id and vim.lsp.get_client_by_id(id)) then
    id = vim.lsp.start_client(config)
    clients[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

local function setup_lsp(opts)
  if vim.lsp.config and vim.lsp.enable then -- 0.11+
    vim.lsp.config("zan", { cmd = opts.cmd, filetypes = { "zan" }, root_markers = opts.root_markers })
    vim.lsp.enable("zan")
    return
  end
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "zan",
    group = vim.api.nvim_create_augroup("zan_lsp", { clear = true }),
    callback = function(args)
      local config = { name = "zan", cmd = opts.cmd, root_dir = root_dir(args.buf, opts.root_markers) }
      if vim.lsp.start then -- 0.8 - 0.10
        vim.lsp.start(config, { bufnr = args.buf })
      else -- 0.7
        start_client(config, args.buf)
      end
    end,
  })
end

-- The server's code lenses name client commands: the redline and the
-- comparative table of the document's amendment (its Markdown, in a split),
-- and the comparative provisions an amendment or operation cites (a
-- quickfix list).
local function show_view(method)
  return function(command, ctx)
    local uri = (command.arguments or {})[1] or vim.uri_from_bufnr(ctx.bufnr)
    local params = { textDocument = { uri = uri }, language = "en" }
    vim.lsp.buf_request(ctx.bufnr, method, params, function(err, result)
      if err or not result then
        vim.notify("zan: " .. (err and err.message or "no view"), vim.log.levels.ERROR)
        return
      end
      vim.cmd("new")
      local buf = vim.api.nvim_get_current_buf()
      vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(result.markdown, "\n", { plain = true }))
      vim.bo[buf].buftype = "nofile"
      vim.bo[buf].filetype = "markdown"
      vim.bo[buf].modifiable = false
    end)
  end
end

local function show_comparisons(command, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local locations = (command.arguments or {})[3] or {}
  local items = vim.lsp.util.locations_to_items(locations, client and client.offset_encoding or "utf-16")
  vim.fn.setqflist({}, " ", { title = "zan: comparative provisions", items = items })
  vim.cmd("copen")
end

M.commands = {
  ["zan.showRedline"] = show_view("zan/redline"),
  ["zan.showTable"] = show_view("zan/table"),
  ["zan.showComparisons"] = show_comparisons,
}

function M.setup(user)
  local opts = vim.tbl_deep_extend("force", M.defaults, user or {})
  if opts.treesitter and register_parser(opts.parser_path) then
    vim.api.nvim_create_autocmd("FileType", {
      pattern = "zan",
      group = vim.api.nvim_create_augroup("zan_treesitter", { clear = true }),
      callback = function(args)
        start_highlighter(args.buf)
      end,
    })
  end
  if opts.lsp then
    for name, run in pairs(M.commands) do
      vim.lsp.commands[name] = run
    end
    setup_lsp(opts)
  end
end

return M
