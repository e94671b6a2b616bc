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

-- Drafting by editing. The server's code actions (`vim.lsp.buf.code_action()`)
-- name these commands with their arguments; :ZanProposeChange and
-- :ZanUpdateAmendment run them on the current buffer.
local copies = 0
-- The amendment each edited copy last updated (by its URI), offered first.
local last_amendment = {}

local function zan_client(bufnr)
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, c in ipairs(get({ bufnr = bufnr })) do
    if c.name == "zan" then
      return c
    end
  end
end

-- "Propose a change to this unit": the act version's editable copy in a
-- scratch buffer (`untitled:zan-copy-N`, no file), attached to the server,
-- the cursor on the unit.
local function propose_change(command, ctx)
  local args = command.arguments or {}
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local encoding = client and client.offset_encoding or "utf-16"
  local params = { textDocument = { uri = args[1] }, position = args[2] }
  if not args[1] then
    params = vim.lsp.util.make_position_params(0, encoding)
  end
  vim.lsp.buf_request(ctx.bufnr, "zan/proposeChange", params, function(err, result)
    if err or not result then
      vim.notify("zan: " .. (err and err.message or "put the cursor in a unit of an act"), vim.log.levels.WARN)
      return
    end
    copies = copies + 1
    vim.cmd("new")
    local buf = vim.api.nvim_get_current_buf()
    vim.api.nvim_buf_set_name(buf, "untitled:zan-copy-" .. copies)
    vim.bo[buf].buftype = "nofile"
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(result.text, "\n", { plain = true }))
    vim.bo[buf].filetype = "zan"
    vim.lsp.buf_attach_client(buf, ctx.client_id)
    local line = vim.api.nvim_buf_get_lines(buf, result.position.line, result.position.line + 1, false)[1] or ""
    local col = vim.str_byteindex(line, result.position.character, encoding == "utf-16")
    vim.api.nvim_win_set_cursor(0, { result.position.line + 1, col })
    vim.notify("zan: editable copy at " .. result.unit .. "; edit it, then :ZanUpdateAmendment")
  end)
end

-- Writes the amendment's new text into its file's buffer as one edit (`u`
-- undoes it) and saves it; a new amendment goes to ID.zan in the current folder.
local function write_amendment(id, result, encoding)
  local path = result.uri and vim.uri_to_fname(result.uri) or (id .. ".zan")
  local buf = vim.fn.bufadd(path)
  vim.fn.bufload(buf)
  local lines = vim.api.nvim_buf_line_count(buf)
  local whole = { start = { line = 0, character = 0 }, ["end"] = { line = lines, character = 0 } }
  local uri = vim.uri_from_bufnr(buf)
  vim.lsp.util.apply_workspace_edit({ changes = { [uri] = { { range = whole, newText = result.text } } } }, encoding)
  vim.api.nvim_buf_call(buf, function()
    vim.cmd("silent write")
  end)
  return path
end

local function update_with(bufnr, client, uri, id)
  local params = { textDocument = { uri = uri }, amendment = id }
  vim.lsp.buf_request(bufnr, "zan/updateAmendment", params, function(err, result)
    if err or not result then
      vim.notify("zan: " .. (err and err.message or "no amendment"), vim.log.levels.ERROR)
      return
    end
    local path = write_amendment(id, result, client.offset_encoding or "utf-16")
    last_amendment[uri] = id
    for _, w in ipairs(result.warnings) do
      vim.notify("zan: " .. w, vim.log.levels.WARN)
    end
    vim.notify(string.format("zan: amendment %s updated in %s: %d operation(s)", id, path, result.operations))
  end)
end

-- The amendments the server's code action offers for the copy (for
-- :ZanUpdateAmendment, which has no arguments).
local function known_amendments(bufnr, uri)
  local here = { line = 0, character = 0 }
  local params = { textDocument = { uri = uri }, range = { start = here, ["end"] = here }, context = { diagnostics = {} } }
  for _, r in pairs(vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 3000) or {}) do
    for _, action in ipairs(r.result or {}) do
      if action.command and action.command.command == "zan.updateAmendment" then
        return action.command.arguments[2]
      end
    end
  end
  return {}
end

-- "Update the amendment from the edited copy": the amendment is chosen
-- among those the server offers (or typed in, for a new one) unless given.
local function update_amendment(command, ctx, id)
  local args = command.arguments or {}
  local uri = args[1] or vim.uri_from_bufnr(ctx.bufnr)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client then
    return
  end
  if id then
    return update_with(ctx.bufnr, client, uri, id)
  end
  local ids = {}
  for _, known in ipairs(args[2] or known_amendments(ctx.bufnr, uri)) do
    table.insert(ids, known)
  end
  if last_amendment[uri] then
    table.insert(ids, 1, last_amendment[uri])
  end
  table.insert(ids, "a new amendment…")
  vim.ui.select(ids, { prompt = "zan: update which amendment?" }, function(choice, index)
    if not choice then
      return
    end
    if index < #ids then
      return update_with(ctx.bufnr, client, uri, choice)
    end
    vim.ui.input({ prompt = "zan: id of the new amendment: " }, function(typed)
      if typed and typed ~= "" then
        update_with(ctx.bufnr, client, uri, typed)
      end
    end)
  end)
end

-- "Import official text": `:ZanImport act ID FILE…` or `:ZanImport law
-- FILE…` (no arguments: asked for), as VS Code's "Import official text…".
-- The plugin reads the files (the server reads nothing outside the
-- workspace roots) and sends their bytes to zan/import; the result opens in
-- a new buffer (`:w act.zan` saves it), the findings go to the quickfix list.
local b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

-- vim.base64 is 0.10+; arithmetic rather than `bit`, which plain Lua lacks.
local function base64(data)
  if vim.base64 then
    return vim.base64.encode(data)
  end
  local out = {}
  for i = 1, #data, 3 do
    local a, b, c = data:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = {}
    for k = 3, 0, -1 do
      local v = math.floor(n / 64 ^ k) % 64
      table.insert(chars, b64:sub(v + 1, v + 1))
    end
    if not b then
      chars[3], chars[4] = "=", "="
    elseif not c then
      chars[4] = "="
    end
    table.insert(out, table.concat(chars))
  end
  return table.concat(out)
end

-- `kk` or `ru` when a file's name says it («act-kk.txt», «law_ru.docx»).
local function language_of_name(path)
  local base = vim.fn.fnamemodify(path, ":t:r"):lower()
  for word in base:gmatch("[^-_.]+") do
    if word == "kk" or word == "kaz" then
      return "kk"
    elseif word == "ru" or word == "rus" then
      return "ru"
    end
  end
end

local function read_bytes(path)
  local f = io.open(path, "rb")
  if not f then
    return nil
  end
  local data = f:read("*a")
  f:close()
  return data
end

local function show_import(result, names)
  local items = {}
  for _, f in ipairs(result.findings) do
    local text = string.format("warning[%s]: %s", f.code, f.message)
    table.insert(items, { filename = names[f.file] or f.file, lnum = f.line, text = text, type = "W" })
  end
  vim.fn.setqflist({}, " ", { title = "zan: import", items = items })
  vim.cmd("new")
  local buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(result.zan:gsub("\n$", ""), "\n", { plain = true }))
  vim.bo[buf].filetype = "zan"
  vim.bo[buf].modified = false
  local notes = #result.readAs > 0 and (" (" .. table.concat(result.readAs, "; ") .. ")") or ""
  if result.lost == 0 then
    vim.notify("zan: imported" .. notes .. ": every line is in the result")
  else
    vim.notify(
      string.format(
        "zan: imported%s: %d line(s) not recognised, kept as comments (import-unrecognised); see the quickfix list",
        notes,
        result.lost
      ),
      vim.log.levels.WARN
    )
  end
end

local function import_files(ctx, kind, id, paths)
  local files, names = {}, {}
  for _, path in ipairs(paths) do
    local full = vim.fn.fnamemodify(path, ":p")
    local data = read_bytes(full)
    local lang = language_of_name(full)
    if not data then
      return vim.notify("zan: cannot read " .. full, vim.log.levels.ERROR)
    elseif not lang then
      return vim.notify("zan: say the language in the name of " .. full .. " (act-kk.txt, law_ru.docx)", vim.log.levels.ERROR)
    end
    local name = vim.fn.fnamemodify(full, ":t")
    names[name] = full
    table.insert(files, { name = name, lang = lang, bytes = base64(data) })
  end
  local params = { kind = kind, files = files, id = id }
  if kind == "act" then
    params.retrieved = os.date("%Y-%m-%d")
  end
  vim.lsp.buf_request(ctx.bufnr, "zan/import", params, function(err, result)
    if err or not result then
      return vim.notify("zan import: " .. (err and err.message or "no result"), vim.log.levels.ERROR)
    end
    show_import(result, names)
  end)
end

local function import_text(_, ctx, args)
  local words = vim.split(args or "", "%s+", { trimempty = true })
  if #words == 0 then
    return vim.ui.select({ "act", "law" }, { prompt = "zan: import what?" }, function(kind)
      if not kind then
        return
      end
      local prompt = kind == "act" and "zan: act id and files (kz.cc act-kk.txt act-ru.txt): "
        or "zan: files (law-kk.txt law-ru.txt): "
      vim.ui.input({ prompt = prompt, completion = "file" }, function(typed)
        if typed and typed ~= "" then
          import_text(nil, ctx, kind .. " " .. typed)
        end
      end)
    end)
  end
  local kind = table.remove(words, 1)
  local id
  if kind == "act" then
    id = table.remove(words, 1)
  elseif kind ~= "law" then
    return vim.notify("zan: :ZanImport act ID FILE… or :ZanImport law FILE…", vim.log.levels.ERROR)
  end
  if #words == 0 then
    return vim.notify("zan: name the files to import, one per language", vim.log.levels.ERROR)
  end
  import_files(ctx, kind, id, words)
end

M.commands = {
  ["zan.showRedline"] = show_view("zan/redline"),
  ["zan.showTable"] = show_view("zan/table"),
  ["zan.showComparisons"] = show_comparisons,
  ["zan.proposeChange"] = propose_change,
  ["zan.updateAmendment"] = function(command, ctx)
    update_amendment(command, ctx)
  end,
}

-- The user commands: the drafting commands on the current buffer.
local function user_commands()
  local function on_current(run)
    return function(opts)
      local bufnr = vim.api.nvim_get_current_buf()
      local client = zan_client(bufnr)
      if not client then
        vim.notify("zan: the language server is not attached to this buffer", vim.log.levels.ERROR)
        return
      end
      run({ arguments = {} }, { bufnr = bufnr, client_id = client.id }, opts.args ~= "" and opts.args or nil)
    end
  end
  vim.api.nvim_create_user_command("ZanProposeChange", on_current(propose_change), {})
  vim.api.nvim_create_user_command("ZanUpdateAmendment", on_current(update_amendment), { nargs = "?" })
  vim.api.nvim_create_user_command("ZanImport", on_current(import_text), { nargs = "*", complete = "file" })
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
    for name, run in pairs(M.commands) do
      vim.lsp.commands[name] = run
    end
    user_commands()
    setup_lsp(opts)
  end
end

return M
