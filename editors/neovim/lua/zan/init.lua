-- zan support for Neovim: the `zan lsp` language server and tree-sitter
-- highlighting. Call require("zan").setup({...}) from your config.
local M = {}

M.defaults = {
  -- Command that starts the language server.
  cmd = { "zan", "lsp" },
  -- Files or folders marking a workspace root (searched upwards).
  root_markers = { ".git" },
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
local function register_parser(path)
  local file = parser_file(path)
  if not file then
    return false
  end
  if vim.treesitter.language.add then -- 0.9+
    vim.treesitter.language.add("zan", { path = file })
  else
    vim.treesitter.language.require_language("zan", file)
  end
  return true
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
    if found == "" then
      found = vim.fn.findfile(marker, dir .. ";")
    end
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h:h")
    end
  end
  return dir
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
      else -- 0.7: one client per buffer is good enough there
        local id = vim.lsp.start_client(config)
        if id then
          vim.lsp.buf_attach_client(args.buf, id)
        end
      end
    end,
  })
end

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
    setup_lsp(opts)
  end
end

return M
