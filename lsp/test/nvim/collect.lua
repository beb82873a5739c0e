-- End-to-end check of `gomaplint lsp --stdio` with Neovim's built-in LSP client (0.7+).
--
-- Run: nvim --headless -u NONE -i NONE -n -c 'luafile collect.lua' </dev/null
-- Env: LSP_CMD   the server command, words separated by spaces
--      ROOT      the workspace root
--      GO_FILE   the Go file to open
--      OUT       where to write the JSON result
-- Steps: open GO_FILE, wait for diagnostics, ask for code actions on the first one, apply the
-- preferred quick fix, wait for the diagnostics to go away. Exit code 0 on success.

local out_path = assert(os.getenv('OUT'), 'OUT is not set')
local result = { steps = {} }

local function finish(code)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end

local function step(name) table.insert(result.steps, name) end

local function snapshot(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = d.code,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  return out
end

local function main()
  local root = assert(os.getenv('ROOT'), 'ROOT is not set')
  local go_file = assert(os.getenv('GO_FILE'), 'GO_FILE is not set')
  local cmd = vim.split(assert(os.getenv('LSP_CMD'), 'LSP_CMD is not set'), ' ', { trimempty = true })

  -- -u NONE leaves filetype detection off: without it FileType never fires.
  vim.cmd('filetype on')
  local client_id = vim.lsp.start_client({ name = 'gomaplint', cmd = cmd, cmd_cwd = root, root_dir = root })
  if not client_id then
    result.error = 'start_client failed'
    return finish(2)
  end
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'go',
    callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end,
  })

  local t0 = vim.loop.hrtime()
  vim.cmd('edit ' .. vim.fn.fnameescape(go_file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    result.error = 'no diagnostics within 15 s'
    return finish(1)
  end
  result.first_ms = (vim.loop.hrtime() - t0) / 1e6
  result.diagnostics = snapshot(bufnr)
  local client = vim.lsp.get_client_by_id(client_id)
  result.offset_encoding = client and client.offset_encoding or vim.NIL
  step('diagnostics')

  -- Code actions for the first diagnostic, as `vim.lsp.buf.code_action()` would ask.
  local first = vim.diagnostic.get(bufnr)[1]
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, first.lnum)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = line_diagnostics[1].range,
    context = { diagnostics = line_diagnostics },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
  local actions = {}
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do table.insert(actions, a) end
  end
  result.actions = {}
  local preferred
  for _, a in ipairs(actions) do
    table.insert(result.actions, { title = a.title, kind = a.kind, isPreferred = a.isPreferred or false })
    if a.isPreferred then preferred = a end
  end
  step('code actions')
  if not preferred then
    result.error = 'no preferred quick fix'
    return finish(1)
  end
  vim.lsp.util.apply_workspace_edit(preferred.edit, result.offset_encoding)
  result.fixed_line = vim.api.nvim_buf_get_lines(bufnr, first.lnum, first.lnum + 1, false)[1]
  step('applied')

  -- The edit reaches the server as didChange; the finding goes away.
  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20) then
    result.error = 'diagnostics did not clear after the fix'
    result.after = snapshot(bufnr)
    return finish(1)
  end
  step('cleared')
  result.modified = vim.bo[bufnr].modified
  finish(0)
end

local ok, err = pcall(main)
if not ok then
  result.error = tostring(err)
  finish(3)
end
